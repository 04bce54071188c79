"""Binary files are skipped with a one-line reason, NUL bytes or not; real text still opens."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eternaut_reader import CorpusError, load_corpus
from eternaut_reader.core.text.textio import NotText, decode

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _junk(size: int, seed: int = 7) -> bytes:
    """Binary data with no NUL byte, as compressed image data may happen to be."""
    rng = random.Random(seed)
    return bytes(rng.randrange(1, 256) for _ in range(size))


def test_a_png_without_nul_bytes_is_skipped_and_the_article_beside_it_opens(write_articles):
    png = PNG_SIGNATURE + _junk(2000)
    assert b"\x00" not in png
    # Saved under a text name by mistake, in a folder of articles.
    folder = write_articles({"photo.txt": png, "report.txt": "The bridge reopened in May."})
    corpus = load_corpus([folder])
    assert [a.id for a in corpus.articles] == ["report"]
    assert corpus.notices == [
        f"{folder / 'photo.txt'} looks like a binary file (PNG image); skipped"
    ]


def test_a_png_given_by_name_is_skipped_and_the_other_file_opens(write_articles):
    folder = write_articles({"photo.png": PNG_SIGNATURE + _junk(100), "report.txt": "It rained."})
    corpus = load_corpus([folder / "photo.png", folder / "report.txt"])
    assert [a.id for a in corpus.articles] == ["report"]
    assert len(corpus.notices) == 1 and "photo.png looks like a binary file" in corpus.notices[0]
    with pytest.raises(CorpusError, match=r"photo\.png looks like a binary file \(PNG image\)"):
        load_corpus([folder / "photo.png"])


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"GIF89a", "GIF image"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"PK\x03\x04", "ZIP archive, e.g. a Word, EPUB or OpenDocument file"),
        (b"\x1f\x8b\x08", "gzip archive"),
        (b"\x7fELF\x02\x01\x01", "executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    ],
)
def test_well_known_binary_formats_are_named(head: bytes, kind: str):
    with pytest.raises(NotText) as caught:
        decode(head + b"some readable bytes follow. " * 20, "file")
    assert str(caught.value) == f"file looks like a binary file ({kind}); skipped"


@pytest.mark.parametrize("size", [40, 300, 20_000])
def test_binary_data_of_any_size_without_a_signature_or_nul_is_skipped(size: int):
    with pytest.raises(NotText) as caught:
        decode(_junk(size, seed=size), "blob.dat")
    message = str(caught.value)
    assert message.startswith("blob.dat looks like a binary file (")
    assert "control characters" in message and message.endswith("; skipped")
    assert "\n" not in message


def test_nul_bytes_still_mean_binary():
    with pytest.raises(NotText, match="NUL bytes"):
        decode(b"text\x00with a NUL", "odd.txt")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Perché la città è così? “Sì” — costa 5 €.\n".encode("cp1252"), "cp1252"),
        ("Perché la città è così?\n".encode("latin-1"), "cp1252"),
        # Two short lines with one "è" each: charset-normalizer says Turkish cp857 ("Caff×").
        (b"Caff\xe8 chiuso a Varenna\nIl ponte \xe8 chiuso fino al 15 ottobre.\n", "cp1252"),
        # ...Baltic cp775 ("Cafķ") and Vietnamese cp1258 ("Coś"), found by outside testers:
        (b"Caf\xe9 r\xe9sum\xe9 na\xefve story about the bridge.\nIt cost \x80100.\n", "cp1252"),
        (
            (
                "Città di Ortisei: la funivia è bloccata, perché il guasto è grave. Così hanno "
                "detto.\nSecond line über café.\n"
            ).encode("latin-1"),
            "cp1252",
        ),
        # ...while Cyrillic in its own code page keeps it.
        ("Привет, мир. Это короткий текст на русском языке.\n".encode("cp1251"), "cp1251"),
        ("Perché la città è così?\n".encode("utf-16"), "utf-16"),
        (b"Title\x0bline break from Word\x0cnext page\n", "utf-8"),
        # Terminal output pasted into an article: opens, and the reader shows ESC visibly.
        ("Red: \x1b[31mred\x1b[0m, a title \x1b]0;pwned\x07, CSI \x9b2J.\n".encode(), "utf-8"),
    ],
)
def test_real_text_in_any_encoding_still_opens(data: bytes, encoding: str):
    decoded = decode(data, "article.txt")
    assert decoded.encoding == encoding
    assert decoded.text.strip()


def test_a_long_article_with_a_stray_control_character_opens(tmp_path: Path):
    text = "The council met on Tuesday and voted 7 to 2. " * 200 + "\x1c" + "Then it rained."
    assert decode(text.encode(), "article.txt").text == text


@pytest.mark.parametrize(
    "data",
    [b"", b"  \n\n \t", "\u200b\u200c\ufeff\u2060\n\u200b".encode()],
)
def test_a_file_with_nothing_to_see_is_empty(data: bytes):
    """Zero-width characters alone opened as an article with an invisible title."""
    with pytest.raises(NotText, match="is empty; skipped"):
        decode(data, "blank.txt")
