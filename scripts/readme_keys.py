"""Rewrite the keys table in README.md from the bindings: python scripts/readme_keys.py"""

from __future__ import annotations

import re
from pathlib import Path

from eternaut_reader.ui.app import load_bindings
from eternaut_reader.ui.keys import markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(<!-- keys:start -->\n).*?(\n<!-- keys:end -->)", re.S)


def main() -> None:
    load_bindings()
    text = README.read_text(encoding="utf-8")
    README.write_text(
        BLOCK.sub(lambda m: m.group(1) + markdown_table() + m.group(2), text), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
