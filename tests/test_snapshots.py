"""SVG snapshots of the main screens (pytest-textual-snapshot).

Update after an intended change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from eternaut_reader import load_corpus
from eternaut_reader.ui.app import ReaderApp
from tests.screen import settle


def make_app(theme: str | None = None) -> ReaderApp:
    return ReaderApp(load_corpus(), theme=theme)


async def _ready(pilot) -> None:
    """Everything loaded, the alignment included: the claim bar's suggestion depends on it."""
    await settle(pilot.app, pilot)
    for _ in range(200):
        if pilot.app.alignment is not None or pilot.app.align_problem:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def test_main_screen_80x24(snap_compare):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_ready)


def test_main_screen_wide_after_moving(snap_compare):
    async def run_before(pilot) -> None:
        await _ready(pilot)
        await pilot.press("j", "j", "tab", "right_curly_bracket")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(220, 50), run_before=run_before)


def test_search_highlights_light_theme(snap_compare):
    async def run_before(pilot) -> None:
        await _ready(pilot)
        await pilot.press("slash", *"sarandos", "enter")
        await pilot.pause()

    assert snap_compare(make_app("textual-light"), terminal_size=(120, 30), run_before=run_before)


def test_help_screen(snap_compare):
    async def run_before(pilot) -> None:
        await _ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(100, 40), run_before=run_before)


async def _tagged(pilot) -> None:
    """One claim in each tag, a nested one, and a note; every save done."""
    await _ready(pilot)
    await pilot.press("c", "v", "w", "x", "j", "s", "j", "j", "x", "tab", "j", "c", "n")
    await pilot.press(*"Also in the Q2 call", "ctrl+s")
    await pilot.pause()
    pilot.app.editor.store.flush()
    await pilot.pause(0.2)


def test_tagged_claims_in_each_colour_dark(snap_compare):
    assert snap_compare(make_app(), terminal_size=(120, 34), run_before=_tagged)


def test_tagged_claims_in_each_colour_light_80x24(snap_compare):
    assert snap_compare(make_app("textual-light"), terminal_size=(80, 24), run_before=_tagged)


def test_claims_panel(snap_compare):
    async def run_before(pilot) -> None:
        await _tagged(pilot)
        await pilot.press("t")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 34), run_before=run_before)


def test_note_dialog(snap_compare):
    async def run_before(pilot) -> None:
        await _tagged(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=run_before)


async def _premiered(pilot) -> None:
    """The third report's "premiered recently" tagged, with the same-fact panel open."""
    await _ready(pilot)
    await pilot.press("tab", "tab", "slash", *"premiered recently", "enter", "x", "a")
    await pilot.pause()
    pilot.app.editor.store.flush()
    await pilot.pause(0.2)


def test_same_fact_panel_wide(snap_compare):
    assert snap_compare(make_app(), terminal_size=(160, 40), run_before=_premiered)


def test_same_fact_panel_80x24(snap_compare):
    async def run_before(pilot) -> None:
        await _ready(pilot)
        await pilot.press("c", "a")
        await pilot.pause()
        pilot.app.editor.store.flush()
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


async def _matrix(pilot) -> None:
    await _premiered(pilot)
    options = pilot.app.screen.query_one("#same-fact-list")
    while "conflicts" not in str(options.get_option_at_index(options.highlighted).prompt):
        await pilot.press("down")
    await pilot.press("minus", "escape", "m")
    await pilot.pause()
    pilot.app.editor.store.flush()
    pilot.app.clear_notifications()
    await pilot.pause(0.2)


def test_matrix_wide(snap_compare):
    assert snap_compare(make_app(), terminal_size=(160, 40), run_before=_matrix)


def test_matrix_80x24(snap_compare):
    async def run_before(pilot) -> None:
        await _tagged(pilot)
        await pilot.press("m")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


async def _claim_view(pilot) -> None:
    """The conflict of "premiered" (report 3) and "upcoming" (report 5) linked, then the claim
    view with a summary, a review and one piece of evidence written in it."""
    await _premiered(pilot)
    options = pilot.app.screen.query_one("#same-fact-list")
    while "conflicts" not in str(options.get_option_at_index(options.highlighted).prompt):
        await pilot.press("down")
    await pilot.press("minus", "escape", "r")
    await pilot.pause()
    await _write_record(pilot)


async def _write_record(pilot) -> None:
    await pilot.press("s", *"The series had not premiered yet", "tab")
    await pilot.press(*"Decrypt says upcoming on 28 July; the third report says premiered.")
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("a", *"https://decrypt.co/eternaut", "tab", *"Decrypt, 28 July", "tab")
    await pilot.press(*"its upcoming series", "ctrl+s")
    await pilot.pause()
    pilot.app.editor.store.flush()
    pilot.app.clear_notifications()
    await pilot.pause(0.2)


def test_claim_view_wide(snap_compare):
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=_claim_view)


def test_claim_view_80x24_light(snap_compare):
    async def run_before(pilot) -> None:
        await _ready(pilot)
        await pilot.press("c", "a", "plus", "escape", "r")
        await pilot.pause()
        await _write_record(pilot)

    assert snap_compare(make_app("textual-light"), terminal_size=(80, 24), run_before=run_before)
