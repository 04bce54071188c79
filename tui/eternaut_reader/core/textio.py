"""Turn the bytes of a file into article text, or say plainly why not."""

from __future__ import annotations

import codecs
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
    }
)


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

    A guess is never silent: the returned notice says which encoding was assumed.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(normalise_newlines(data.decode("utf-16")), "utf-16")
    if b"\x00" in data[:_SNIFF]:
        raise NotText(f"{name} looks like a binary file; skipped")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
        notice = None
    except UnicodeDecodeError:
        encoding = _guess_encoding(data)
        text = data.decode(encoding, errors="replace")
        notice = f"{name} is not valid UTF-8; shown as {encoding}"
    if not text.strip():
        raise NotText(f"{name} is empty; skipped")
    return Decoded(normalise_newlines(text), encoding, notice)


def _guess_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Short Latin-script samples are ambiguous between the single-byte Latin code pages; for
    # news text Windows-1252 is by far the likeliest, so it wins whenever it decodes cleanly.
    if best is None or best.encoding in _LATIN_SINGLE_BYTE:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding if best is not None else "latin_1"


def read_article_file(path: Path) -> Decoded:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NotText(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return decode(data, str(path))
