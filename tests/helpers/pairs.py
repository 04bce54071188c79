"""Reports written as files and aligned as `eternaut-reader align` does: the alignment
tests' minimal pairs ("Forty-two passengers" / "Thirty-seven people") and small corpora."""

from __future__ import annotations

from pathlib import Path

from eternaut_reader.core.analysis import align
from eternaut_reader.core.analysis.align import Alignment
from eternaut_reader.core.text.corpus import Corpus, load_corpus


def aligned_reports(
    tmp_path: Path, reports: dict[str, tuple[str, str, list[str]]]
) -> tuple[Corpus, Alignment]:
    """Reports by id, each (headline, date, paragraphs), written under tmp_path and aligned
    (lexical, no cache)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for report, (headline, date, paragraphs) in reports.items():
        body = "\n\n".join(paragraphs)
        (folder / f"{report}.txt").write_text(f"{headline}\n\n{date}\n\n{body}\n", encoding="utf-8")
    corpus = load_corpus([folder])
    return corpus, align(corpus, use_cache=False, embed=False)


def text_of(corpus: Corpus, report: str) -> str:
    return next(a.text for a in corpus.articles if a.id == report)


def aligned(tmp_path: Path, one: str, two: str, dates: tuple[str, str] = ("2025-06-05",) * 2):
    """The first match of report one's passage in report two: (relation, conflicts)."""
    corpus, alignment = aligned_reports(
        tmp_path, {"one": ("Report one", dates[0], [one]), "two": ("Report two", dates[1], [two])}
    )
    start = text_of(corpus, "one").index(one)
    found = [m for m in alignment.matches("one", start, start + len(one)) if m.article == "two"]
    assert found, "the two passages should be matched"
    return found[0].relation, [(c.what, c.here, c.there) for c in found[0].conflicts]
