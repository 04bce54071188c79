"""Rewrite the keys table in README.md, and core/bindings.json (what `where` and the config
check a [keymap] against), from the bindings: python scripts/readme_keys.py"""

from __future__ import annotations

import json
import re
from pathlib import Path

from eternaut_reader.ui.app import load_bindings
from eternaut_reader.ui.keys import markdown_table, registry_bindings

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BINDINGS = ROOT / "tui" / "eternaut_reader" / "core" / "bindings.json"
BLOCK = re.compile(r"(<!-- keys:start -->\n).*?(\n<!-- keys:end -->)", re.S)


def bindings_json() -> str:
    return json.dumps(registry_bindings().to_data(), indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    load_bindings()
    text = README.read_text(encoding="utf-8")
    README.write_text(
        BLOCK.sub(lambda m: m.group(1) + markdown_table() + m.group(2), text), encoding="utf-8"
    )
    BINDINGS.write_text(bindings_json(), encoding="utf-8")


if __name__ == "__main__":
    main()
