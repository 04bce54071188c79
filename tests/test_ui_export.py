"""The export dialog (`e`): format, filters, path; a worker writes while the UI stays live."""

from __future__ import annotations

import csv
import json

from eternaut_reader import load_corpus, open_store
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.export import ExportScreen
from tests.screen import settle


async def wait_closed(app, pilot, timeout: float = 20.0) -> None:
    import asyncio

    deadline = asyncio.get_running_loop().time() + timeout
    while isinstance(app.screen, ExportScreen):
        assert asyncio.get_running_loop().time() < deadline, "the export never finished"
        await pilot.pause(0.05)


async def test_export_dialog_writes_the_chosen_format_and_filters(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "j", "x", "j", "s", "e")
        assert isinstance(app.screen, ExportScreen)
        dialog = app.screen
        assert dialog.query_one("#export-path").value == str(tmp_path / "claims.csv")
        dialog.query_one("#export-format").value = "json"
        await pilot.pause()
        assert dialog.query_one("#export-path").value == str(tmp_path / "claims.json")
        dialog.query_one("#export-tag-confirmed").value = False
        await pilot.press("ctrl+s")
        await wait_closed(app, pilot)
        written = json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))
        assert sorted(a["tag"] for a in written["annotations"]) == ["contradicted", "speculative"]
        assert any(f"to {tmp_path / 'claims.json'}" in n.message for n in app._notifications)


async def test_export_dialog_escape_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "e", "escape")
        assert not isinstance(app.screen, ExportScreen)
    assert list(tmp_path.iterdir()) == []


async def test_export_failure_is_reported(tmp_path):
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "e")
        app.screen.query_one("#export-path").value = str(tmp_path / "no" / "such" / "dir.csv")
        await pilot.press("ctrl+s")
        await pilot.pause(1.0)
        assert isinstance(app.screen, ExportScreen)  # still open, so the path can be fixed
        assert any(n.title == "Export failed" for n in app._notifications)


async def test_exporting_10000_claims_reports_progress_from_a_worker(tmp_path):
    corpus = load_corpus()
    article = corpus.articles[4]
    with open_store() as store:
        for i in range(10_000):
            start = (i * 37) % (len(article.text) - 50)
            store.add(article, start, start + 30, tag="confirmed")
    app = ReaderApp(corpus)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot, timeout=30)
        await pilot.press("e")
        dialog = app.screen
        dialog.query_one("#export-path").value = str(tmp_path / "big.csv")
        seen: list[float] = []
        bar = dialog.query_one("#export-progress")
        original = bar.update

        def record(**kwargs):
            if "progress" in kwargs:
                seen.append(kwargs["progress"])
            return original(**kwargs)

        bar.update = record
        await pilot.press("ctrl+s")
        await wait_closed(app, pilot, timeout=60)
        assert len(seen) > 10 and seen[-1] == 10_000 and min(seen) < 10_000
        assert [w for w in app.workers if w.name == "_run" and w.is_running] == []
    with (tmp_path / "big.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 10_000


async def test_export_asks_before_overwriting_and_remembers_the_format(tmp_path, monkeypatch):
    from eternaut_reader.ui.screens.choice import ChoiceScreen

    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.md").write_text("my own report\n", encoding="utf-8")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "e")
        dialog = app.screen
        dialog.query_one("#export-format").value = "md"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)  # the file exists: asked first
        await pilot.press("enter")  # Enter picks the safe answer: another name (a tester)
        await pilot.pause()
        assert app.screen is dialog
        assert (tmp_path / "claims.md").read_text(encoding="utf-8") == "my own report\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # choose another name
        await pilot.pause()
        assert app.screen is dialog
        assert (tmp_path / "claims.md").read_text(encoding="utf-8") == "my own report\n"
        await pilot.press("ctrl+s", "o")  # now overwrite it
        await wait_closed(app, pilot)
        assert (tmp_path / "claims.md").read_text(encoding="utf-8").startswith("# Claims report")
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#export-format").value == "md"  # remembered
        await pilot.press("escape", "q")
        await pilot.pause()
    # ...and after a restart too.
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#export-format").value == "md"


async def test_an_export_that_would_hold_no_claim_is_refused(tmp_path, monkeypatch):
    """With no claim to write, ctrl+s wrote a file of 0 claims, even over an earlier export
    (a tester); it says there is nothing to export and writes nothing."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims.csv").write_text("an earlier export\n", encoding="utf-8")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-format").value = "csv"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # no overwrite question, no export
        messages = [str(n.message) for n in app._notifications]
        assert "No claims to export with these tags and this article" in messages
    assert (tmp_path / "claims.csv").read_text(encoding="utf-8") == "an earlier export\n"


async def test_ticked_and_empty_boxes_differ_without_colour(monkeypatch):
    """With NO_COLOR every box of the dialog showed "X", ticked or not."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        box = dialog.query_one("#export-tag-confirmed")
        box.value = True
        await pilot.pause()
        ticked = str(box.render())  # what the box draws inside its border
        box.value = False
        await pilot.pause()
        empty = str(box.render())
        assert "✓" in ticked and "✓" not in empty and "X" not in empty


async def test_claimreview_export_counts_the_reviews_it_wrote(tmp_path, monkeypatch):
    """Two claims linked as the same one share a review: the dialog said "Exported 4 claims"
    of a file of 3 reviews (an outside tester)."""
    monkeypatch.chdir(tmp_path)
    corpus = load_corpus()
    db = tmp_path / "annotations.json"
    one, two = corpus.articles[0], corpus.articles[1]
    a, b = one.segment()[0], one.segment()[1]
    c, d = two.segment()[0], two.segment()[1]
    with open_store(db, "ana") as store:
        first = store.add(one, a.start, a.end, "confirmed")
        store.add(one, b.start, b.end, "speculative")
        same = store.add(two, c.start, c.end, "confirmed")
        store.add(two, d.start, d.end, "contradicted")
        store.link(first.id, same.id, "supports")
        e = two.segment()[2]
        store.add(two, e.start, e.end, None)  # open, no verdict: no place in ClaimReview
    app = ReaderApp(corpus, db=db)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one("#export-format").value = "claimreview"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_closed(app, pilot)
        out = tmp_path / "claims.claimreview.jsonld"
        assert len(json.loads(out.read_text(encoding="utf-8"))) == 3
        messages = [n.message for n in app._notifications]
        assert f"Exported 3 reviews of 4 claims to {out}" in messages, messages
        # ...and, as the command does, the open claim it left out.
        assert any("Left out 1 open claim (no verdict yet)" in m for m in messages), messages


async def test_export_dialog_reopens_on_the_folder_and_name_last_exported_to(tmp_path, monkeypatch):
    launch = tmp_path / "launch"
    elsewhere = tmp_path / "elsewhere"
    launch.mkdir()
    elsewhere.mkdir()
    monkeypatch.chdir(launch)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "e")
        app.screen.query_one("#export-path").value = str(elsewhere / "netflix.csv")
        await pilot.press("ctrl+s")
        await wait_closed(app, pilot)
        assert (elsewhere / "netflix.csv").exists()
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert dialog.query_one("#export-path").value == str(elsewhere / "netflix.csv")
        dialog.query_one("#export-format").value = "json"
        await pilot.pause()
        assert dialog.query_one("#export-path").value == str(elsewhere / "netflix.json")
        dialog.query_one("#export-format").value = "claimreview"
        await pilot.pause()
        assert dialog.query_one("#export-path").value == str(
            elsewhere / "netflix.claimreview.jsonld"
        )


async def test_export_dialog_report_formats_hide_the_tag_boxes_and_tab_reaches_the_path(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "e")
        dialog = app.screen
        boxes = [b for b in dialog.query("#export-tags TickBox")]
        assert all(b.visible and b.display for b in boxes)
        assert dialog.query_one("#export-tags").display
        for report in ("report-md", "report-html"):
            dialog.query_one("#export-format").value = report
            await pilot.pause()
            assert not dialog.query_one("#export-tags").display
            assert dialog.query_one("#export-tags-report").display
            assert all(b.disabled for b in boxes)
            dialog.query_one("#export-format").focus()
            await pilot.press("tab")
            assert dialog.focused is dialog.query_one("#export-article")
            await pilot.press("tab")
            assert dialog.focused is dialog.query_one("#export-path")
        dialog.query_one("#export-format").value = "csv"
        await pilot.pause()
        assert dialog.query_one("#export-tags").display
        assert not any(b.disabled for b in boxes)
        dialog.query_one("#export-format").focus()
        await pilot.press(*["tab"] * 5)
        assert dialog.focused is dialog.query_one("#export-article")
        await pilot.press("tab")
        assert dialog.focused is dialog.query_one("#export-path")
