"""Terminal safety: the one place that turns data into text a terminal can only display.

Article text, notes, quotes, ids, titles, file names and URLs come from files other people
send. A terminal executes some characters instead of drawing them: ESC starts a control
sequence (OSC 0 sets the window title, OSC 52 writes the clipboard, CSI 2J clears the screen),
BEL rings, C1 controls such as U+009B are CSI on some terminals, and bidirectional overrides
reorder what is drawn (the "Trojan Source" trick). Everything that came from data passes
through `safe` (or `one_line`, for messages) before it reaches the terminal: the reader,
notifications, dialogs, text inputs, and every CLI line. Files written by export keep the data
exactly; only what is shown is changed.

Each unsafe character becomes one visible stand-in (ESC becomes "␛", BEL "␇", C1 and bidi
controls "�"), so the text keeps its length and offsets computed on the data still apply.
"""

from __future__ import annotations

import io
import re
from typing import TextIO

__all__ = ["SafeStream", "is_safe", "json_escaped", "one_line", "restore", "safe"]

_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE.pop(0x0A)  # a newline is shown as a line break
_TABLE[0x09] = " "  # a tab is one blank cell, so that offsets and columns stay in step
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})  # C1 controls (U+009B is CSI)
# Bidirectional embeddings, overrides and isolates reorder what the terminal draws; the
# Arabic letter mark and the line and paragraph separators are line-control too.
_TABLE.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_TABLE.update({0x061C: "\ufffd", 0x2028: "\ufffd", 0x2029: "\ufffd"})
# A lone surrogate (an undecodable byte in a file name) cannot even be encoded for output.
_TABLE.update({code: "\ufffd" for code in range(0xD800, 0xE000)})

_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def safe(text: str) -> str:
    """`text` with every control character replaced by a visible stand-in; same length."""
    return text.translate(_TABLE) if _UNSAFE.search(text) else text


def is_safe(text: str) -> bool:
    """True if `text` holds nothing a terminal would act on (newlines allowed)."""
    return _UNSAFE.search(text) is None


def json_escaped(text: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with every character a terminal
    would act on written as a \\u escape: json.dumps escapes only C0 controls, and leaves
    U+009B (CSI on some terminals), DEL and the bidi overrides as they are. The decoded data
    is exactly the same."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str) -> str:
    """`safe(text)` on one line: runs of white space (newlines too) become one space."""
    return " ".join(safe(text).split())


def restore(original: str, edited: str) -> str:
    """Undo `safe` where an edit of `safe(original)` left the text as it was.

    A note shown in an editor is `safe(note)`. Saving the editor's text as is would replace
    every control character of the note by its stand-in, silently changing a note the user
    did not touch. Here the parts of `edited` that still match `safe(original)` take the
    original's characters back; what the user typed is kept as typed.
    """
    shown = safe(original)
    if edited == shown:
        return original
    if shown == original:
        return edited
    from difflib import SequenceMatcher

    parts = []
    matcher = SequenceMatcher(None, shown, edited, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        # safe() keeps lengths, so a span of `shown` is the same span of `original`.
        parts.append(original[a0:a1] if op == "equal" else edited[b0:b1])
    return "".join(parts)


class SafeStream(io.TextIOBase):
    """A text stream that passes everything written through `safe` (tabs kept as tabs).

    For an export printed to an interactive terminal: the data reads the same, but nothing
    in it can drive the terminal.
    """

    def __init__(self, target: TextIO) -> None:
        super().__init__()
        self._target = target

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        # A CSV row ends in CR LF: on a terminal that is the end of a line, not a "␍" at the
        # end of each (an outside tester); a carriage return inside the data is still shown.
        lines = text.replace("\r\n", "\n")
        self._target.write("\t".join(safe(part) for part in lines.split("\t")))
        return len(text)

    def flush(self) -> None:
        self._target.flush()
