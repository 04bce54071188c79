"""The core is a library: no module under eternaut_reader/core may import textual."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "tui" / "eternaut_reader" / "core"


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_core_source_file_mentions_an_import_of_textual():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 5
    offenders = {
        str(path.relative_to(CORE)): sorted(
            n for n in _imported_modules(path) if n.split(".")[0] == "textual"
        )
        for path in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_every_core_module_does_not_load_textual():
    script = (
        "import importlib, json, pkgutil, sys\n"
        "import eternaut_reader.core as core\n"
        "names = [m.name for m in pkgutil.walk_packages(core.__path__, 'eternaut_reader.core.')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "textual = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print(json.dumps({'modules': names, 'textual': textual}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(CORE.parents[1])}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    result = json.loads(out.stdout)
    assert "eternaut_reader.core.storage.store" in result["modules"]
    assert result["textual"] == []
