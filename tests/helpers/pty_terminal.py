"""Run the real program on a pseudo-terminal and keep every byte it writes to the terminal.

What a test of terminal safety has to look at: not the widgets, but the bytes the terminal
would act on. Textual itself writes control sequences (CSI, and OSC 22 for the pointer
shape); `leaks` removes exactly those and returns whatever control characters are left, which
can only have come from data.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence

# Attacks fed through every path: window title (OSC 0), clipboard (OSC 52), clear screen
# (CSI 2J), bell, a C1 CSI, and bidi overrides and isolates.
ATTACKS = (
    "\x1b]0;PWNED\x07",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b[2J",
    "\x07",
    "\x9b31m",
    "\u202etxt.exe\u202c",
    "\u2066isolate\u2069",
)
HOSTILE = "hostile " + " ".join(ATTACKS) + " end"

_TEXTUAL_OWN = re.compile(
    r"\x1b\[[0-9;?<=>]*[ -/]*[@-~]"  # CSI: cursor, colour, modes, sync
    r"|\x1b\]22;[^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC 22: the mouse pointer's shape
    r"|\x1b[78=>]"  # save / restore cursor, keypad modes
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def leaks(output: str) -> list[str]:
    """Control characters in `output` that the program did not write as its own sequences."""
    residual = _TEXTUAL_OWN.sub("", output)
    return [
        f"{m.group()!r} at {m.start()}: {residual[max(0, m.start() - 20) : m.start() + 20]!r}"
        for m in _CONTROL.finditer(residual)
    ]


def run_on_terminal(
    args: Sequence[str],
    keys: Sequence[str],
    env: Mapping[str, str],
    *,
    size: tuple[int, int] = (100, 30),
    startup: float = 4.0,
    per_key: float = 0.7,
) -> tuple[str, int]:
    """Start `python -m eternaut_reader ARGS` on a new pty, type `keys`, return (output, code).

    The output is decoded as UTF-8, as the terminal would; a C1 control arrives as U+0080..
    U+009F, the way a UTF-8 terminal would read it.
    """
    master, slave = pty.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "eternaut_reader", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**env, "TERM": "xterm-256color"},
        close_fds=True,
        start_new_session=True,
    )
    os.close(slave)
    out = bytearray()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # the program closed the terminal
                return
            if not data:
                return
            out.extend(data)

    try:
        pump(startup)
        for key in keys:
            os.write(master, key.encode("utf-8"))
            pump(per_key)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        pump(0.3)
    finally:
        os.close(master)
    return out.decode("utf-8", "replace"), proc.returncode
