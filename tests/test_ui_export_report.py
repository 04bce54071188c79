"""The export dialog offers the fact-check report, and writes what `report` writes."""

from __future__ import annotations

import re

from textual.widgets import OptionList

from eternaut_reader import load_corpus
from eternaut_reader.cli import main
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.export import ExportScreen
from tests.screen import settle
from tests.test_ui_export import wait_closed


def _without_time(text: str) -> str:
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "TIME", text)


async def test_the_dialog_writes_the_html_report_the_command_writes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "j", "x", "j", "s", "e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        menu = dialog.query_one("#export-format").query_one(OptionList)
        options = [str(option.prompt) for option in menu.options]
        assert any(o.startswith("report (Markdown)") for o in options)
        assert any(o.startswith("report (HTML)") for o in options)
        dialog.query_one("#export-format").value = "report-html"
        await pilot.pause()
        assert dialog.query_one("#export-path").value == str(tmp_path / "report.html")
        # A report shows each claim whole: the tag filter does not apply.
        assert dialog.query_one("#export-tag-confirmed").disabled
        await pilot.press("ctrl+s")
        await wait_closed(app, pilot)
        assert any("HTML report of 3 claims" in n.message for n in app._notifications)
    written = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>")
    assert main(["report", "-o", str(tmp_path / "cli.html")]) == 0, capsys.readouterr().err
    command = (tmp_path / "cli.html").read_text(encoding="utf-8")
    assert _without_time(written) == _without_time(command)


async def test_the_markdown_report_from_the_dialog(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("x", "e")
        dialog = app.screen
        dialog.query_one("#export-format").value = "report-md"
        await pilot.pause()
        assert dialog.query_one("#export-path").value == str(tmp_path / "report.md")
        await pilot.press("ctrl+s")
        await wait_closed(app, pilot)
    written = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert written.startswith("# Fact-check report") and "**Verdict: ✗ contradicted**" in written
