"""Turn the bytes of a file into article text, or say plainly why not.

A folder of articles often holds other things too (images, PDFs, archives), so a file is
refused as binary when it starts with the signature of a well-known binary format, holds a NUL
byte early on, or, once decoded, has more control characters than any text would: binary data
without NUL bytes still has about one byte in ten in C0 (and, read as Latin-1, as many in C1).
ESC, BEL and backspace are not counted, because text pasted from a terminal holds them; the
reader shows them visibly (core/terminal.py).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

_SNIFF = 8192
_LATIN_SINGLE_BYTE = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1257",
        "latin_1",
        "iso8859_2",
        "iso8859_15",
        "mac_roman",
        "mac_latin2",
        "cp850",
        "cp437",
        # The other Latin-script DOS code pages: a short Italian text with one "è" was read
        # as Turkish cp857 ("Caff×") (found by an outside tester).
        "cp852",
        "cp857",
        "cp858",
        "cp860",
        "cp861",
        "cp863",
        "cp865",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_16",
        "mac_iceland",
        "mac_turkish",
    }
)


# Magic numbers at the start of the file (see file(1) and the formats' specifications); the
# short ones are anchored on more of their header so that no text is mistaken for them.
_SIGNATURES: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), kind)
    for pattern, kind in (
        (rb"\x89PNG\r\n\x1a\n", "PNG image"),
        (rb"GIF8[79]a", "GIF image"),
        (rb"\xff\xd8\xff", "JPEG image"),
        (rb"II\*\x00|MM\x00\*", "TIFF image"),
        (rb"RIFF....WEBP", "WebP image"),
        (rb"8BPS\x00[\x01\x02]", "Photoshop image"),
        (rb"\x00\x00\x01\x00", "icon"),
        (rb"%PDF-", "PDF document"),
        (
            rb"PK\x03\x04|PK\x05\x06|PK\x07\x08",
            "ZIP archive, e.g. a Word, EPUB or OpenDocument file",
        ),
        (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
        (rb"\x1f\x8b\x08", "gzip archive"),
        (rb"BZh[1-9]1AY&SY", "bzip2 archive"),
        (rb"\xfd7zXZ\x00", "xz archive"),
        (rb"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (rb"\x28\xb5\x2f\xfd", "Zstandard archive"),
        (rb"Rar!\x1a\x07", "RAR archive"),
        (rb"\x7fELF", "executable"),
        (rb"\xcf\xfa\xed\xfe|\xce\xfa\xed\xfe|\xca\xfe\xba\xbe", "executable"),
        (rb"\x00asm", "WebAssembly module"),
        (rb"SQLite format 3\x00", "SQLite database"),
        (rb"ID3[\x02-\x04]\x00", "MP3 audio"),
        (rb"OggS\x00", "Ogg audio or video"),
        (rb"fLaC\x00", "FLAC audio"),
        (rb"RIFF....(WAVE|AVI )", "audio or video"),
        (rb"\x00\x00..ftyp", "MP4 or QuickTime video"),
        (rb"\x1aE\xdf\xa3", "Matroska or WebM video"),
        (rb"wOF[F2](\x00\x01\x00\x00|OTTO|true)", "web font"),
    )
)

# Control characters text does not hold: C0 but tab, line feed, vertical tab, form feed and
# carriage return (layout), ESC, BEL and backspace (terminal output pasted into a file); DEL.
_BINARY_C0 = re.compile("[\x00-\x06\x0e-\x1a\x1c-\x1f\x7f]")
# For a guessed encoding also C1 controls and replacement characters (undecodable bytes).
_BINARY_GUESSED = re.compile("[\x00-\x06\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
# Text from the real world has none or a stray one; binary data about one character in ten.
_BINARY_SHARE = 0.01
_BINARY_MIN = 2


class NotText(ValueError):
    """The file cannot be read as an article (binary, empty or unreadable)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notice: str | None = None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, name: str) -> Decoded:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else a best guess.

    A guess is never silent: the returned notice says which encoding was assumed. Raises
    NotText for a binary file (see the module docstring) or one with no text.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise NotText(f"{name} looks like a binary file ({kind}); skipped")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        _check_controls(text, _BINARY_GUESSED, name)
        return Decoded(normalise_newlines(text), "utf-16")
    if b"\x00" in data[:_SNIFF]:
        raise NotText(f"{name} looks like a binary file (it holds NUL bytes); skipped")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
        notice = None
    except UnicodeDecodeError:
        encoding = _guess_encoding(data)
        text = data.decode(encoding, errors="replace")
        notice = f"{name} is not valid UTF-8; shown as {encoding}"
    _check_controls(text, _BINARY_C0 if notice is None else _BINARY_GUESSED, name)
    if not _visible(text):
        raise NotText(f"{name} is empty; skipped")
    return Decoded(normalise_newlines(text), encoding, notice)


def binary_kind(data: bytes) -> str | None:
    """The binary format the bytes start with ("PNG image"), or None."""
    head = data[:32]
    for pattern, kind in _SIGNATURES:
        if pattern.match(head):
            return kind
    return None


def _check_controls(text: str, unlikely: re.Pattern[str], name: str) -> None:
    sample = text[:_SNIFF]
    found = len(unlikely.findall(sample))
    if found >= _BINARY_MIN and found > _BINARY_SHARE * len(sample):
        raise NotText(
            f"{name} looks like a binary file ({found} control characters in its first "
            f"{len(sample)} characters); skipped"
        )


def _guess_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Short Latin-script samples are ambiguous between the single-byte Latin code pages; for
    # news text Windows-1252 is by far the likeliest, so it wins whenever it decodes cleanly.
    # Any guess that reads the bytes as Latin letters only counts as such a code page: a
    # short Italian text was read as Baltic cp775 ("Cafķ") and Vietnamese cp1258 ("Coś"),
    # found by outside testers. A Cyrillic or Greek reading keeps its guess.
    if best is None or best.encoding in _LATIN_SINGLE_BYTE or _latin_letters_only(str(best)):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding if best is not None else "latin_1"


def _visible(text: str) -> bool:
    """Does the text show anything? Zero-width and other format characters (U+200B, U+FEFF,
    U+2060…) and whitespace alone do not: such a file was opened as an article with an
    invisible title (found by an outside tester)."""
    return any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def _latin_letters_only(text: str) -> bool:
    """Are the text's letters beyond ASCII all Latin ones (accented or not)?"""
    return all(
        unicodedata.name(c, "").startswith("LATIN")
        for c in set(text)
        if not c.isascii() and c.isalpha()
    )


def read_article_file(path: Path) -> Decoded:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NotText(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return decode(data, str(path))
