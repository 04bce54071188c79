"""Two one-passage reports aligned as `eternaut-reader align` does: the alignment tests'
minimal pairs ("Forty-two passengers" / "Thirty-seven people")."""

from __future__ import annotations

from pathlib import Path

from eternaut_reader.core.analysis import align
from eternaut_reader.core.text.corpus import load_corpus


def aligned(tmp_path: Path, one: str, two: str, dates: tuple[str, str] = ("2025-06-05",) * 2):
    """The first match of report one's passage in report two: (relation, conflicts)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "one.txt").write_text(f"Report one\n\n{dates[0]}\n\n{one}\n", encoding="utf-8")
    (folder / "two.txt").write_text(f"Report two\n\n{dates[1]}\n\n{two}\n", encoding="utf-8")
    corpus = load_corpus([folder])
    alignment = align(corpus, use_cache=False, embed=False)
    text = next(a.text for a in corpus.articles if a.id == "one")
    start = text.index(one)
    found = [m for m in alignment.matches("one", start, start + len(one)) if m.article == "two"]
    assert found, "the two passages should be matched"
    return found[0].relation, [(c.what, c.here, c.there) for c in found[0].conflicts]
