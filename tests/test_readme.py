"""The README documents what the code does: its keys table is the bindings' own."""

from __future__ import annotations

import re
from pathlib import Path

from eternaut_reader.ui.app import load_bindings
from eternaut_reader.ui.keys import markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_keys_table_matches_the_bindings():
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- keys:start -->\n(.*?)\n<!-- keys:end -->", text, re.S)
    assert block, "README.md lost its keys table markers"
    load_bindings()
    assert block.group(1) == markdown_table(), "run: python scripts/readme_keys.py"


def test_the_shipped_bindings_file_matches_the_bindings():
    """core/bindings.json is what `where` and the config check a [keymap] against, without
    the UI: it must say what the bindings say."""
    import importlib.util
    from pathlib import Path

    from eternaut_reader.core.keymap import BINDINGS_FILE

    script = Path(__file__).resolve().parents[1] / "scripts" / "readme_keys.py"
    spec = importlib.util.spec_from_file_location("readme_keys", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    load_bindings()
    shipped = Path(__file__).resolve().parents[1] / "tui" / "eternaut_reader" / "core"
    assert (shipped / BINDINGS_FILE).read_text(encoding="utf-8") == module.bindings_json(), (
        "run: python scripts/readme_keys.py"
    )


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one():
    text = README.read_text(encoding="utf-8")
    setup = re.search(r"## Set up\n(.*?)\n## ", text, re.S)
    assert setup
    commands = re.findall(r"```sh\n(.*?)\n```", setup.group(1), re.S)
    assert len(commands) == 2
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    install_and_test = commands[1].strip()
    assert install_and_test in ci
