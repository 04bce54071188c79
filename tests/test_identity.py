"""Article ids say what an article is, never where it lies: the same files copied to another
folder (another machine) keep their ids, and so do the bundled seeds however they are opened."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

from eternaut_reader import load_corpus
from eternaut_reader.core.text.corpus import seeds_dir, slug

FILES = {
    "reuters/2025/report.txt": "Reuters report\n\nNetflix used generative AI in a series.",
    "ansa/2025/report.txt": "Rapporto ANSA\n\nNetflix ha usato l'IA generativa in una serie.",
    "新闻.txt": "Netflix 首次在剧集中使用生成式人工智能。这一场景的制作速度快了十倍。",
    "報告.txt": "Netflix 在劇集中首次使用生成式人工智慧。該場景製作速度快了十倍。",
    "Übersicht Nachrichten.md": "# Übersicht\n\nNetflix nutzt generative KI zum ersten Mal.",
    "notes_2025-07.txt": "Notes\n\nThe scene took a week.",
}


def _write(root: Path) -> Path:
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _ids(root: Path) -> dict[str, str]:
    """File (relative to root) -> id."""
    return {str(a.path.relative_to(root.resolve())): a.id for a in load_corpus([root]).articles}


def test_the_same_files_in_two_folders_get_the_same_readable_ids(tmp_path):
    here = _ids(_write(tmp_path / "laptop" / "work"))
    there = _ids(_write(tmp_path / "colleague" / "deeper" / "copy"))
    assert here == there
    assert here == {
        "ansa/2025/report.txt": "report-ansa",
        "reuters/2025/report.txt": "report-reuters",
        "新闻.txt": "新闻",
        "報告.txt": "報告",
        "Übersicht Nachrichten.md": "übersicht-nachrichten",
        "notes_2025-07.txt": "notes-2025-07",
    }


def test_a_same_name_pair_keeps_its_ids_when_opened_as_two_files(tmp_path):
    root = _write(tmp_path / "a")
    pair = [root / "reuters/2025/report.txt", root / "ansa/2025/report.txt"]
    assert [a.id for a in load_corpus(pair).articles] == ["report-reuters", "report-ansa"]
    moved = tmp_path / "elsewhere"
    shutil.copytree(root, moved)
    pair = [moved / "ansa/2025/report.txt", moved / "reuters/2025/report.txt"]
    assert [a.id for a in load_corpus(pair).articles] == ["report-ansa", "report-reuters"]


def test_decomposed_unicode_names_give_the_same_id():
    assert slug(unicodedata.normalize("NFD", "Übersicht")) == slug("Übersicht") == "übersicht"


def _seed_ids_and_titles(paths) -> list[tuple[str, str]]:
    return [(a.id, a.title) for a in load_corpus(paths).articles]


def test_seeds_keep_their_ids_and_titles_however_they_are_opened(tmp_path):
    default = _seed_ids_and_titles(None)
    assert default[0] == ("000_4140a6fd70e58899", default[0][1])
    assert _seed_ids_and_titles([seeds_dir()]) == default
    files = sorted(seeds_dir().glob("*.txt"))
    assert _seed_ids_and_titles([str(p) for p in files]) == default
    copy = tmp_path / "my seeds"
    copy.mkdir()
    for path in files:  # copied elsewhere under other names: recognised by their text
        shutil.copy(path, copy / f"report {path.name[:3]}.txt")
    assert _seed_ids_and_titles([copy]) == default
    decrypt = next(a for a in load_corpus([copy]).articles if a.outlet)
    assert (decrypt.outlet, decrypt.date) == ("Decrypt", "2025-07-28")
