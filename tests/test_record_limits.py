"""What the reader saves, any other copy can import: texts and evidence within the import's
limits, refused with one line before anything is written, and the form left open."""

from __future__ import annotations

import pytest

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.annotations import record
from eternaut_reader.core.annotations.model import Evidence
from eternaut_reader.core.annotations.record import BadRecord, check_evidence
from eternaut_reader.core.formats import importer
from eternaut_reader.ui.app import ReaderApp
from eternaut_reader.ui.screens.note import NoteScreen
from tests.screen import settle


def test_the_reader_and_the_importer_share_one_set_of_limits():
    assert importer.MAX_TEXT_CHARS == record.MAX_TEXT_CHARS == 1024 * 1024
    assert importer.MAX_ARTICLE_ID_CHARS == record.MAX_URL_CHARS
    assert importer.MAX_EVIDENCE == record.MAX_EVIDENCE


def test_a_note_or_review_over_the_limit_is_refused_and_nothing_changes(tmp_path):
    corpus = load_corpus()
    article = corpus.articles[0]
    with open_store(tmp_path / "db.json") as store:
        ann = store.add(article, 0, 20, "confirmed")
        with pytest.raises(BadRecord, match="the note is 1,048,577 characters, over the limit"):
            store.update(ann.id, note="x" * (record.MAX_TEXT_CHARS + 1))
        with pytest.raises(BadRecord, match="the review is"):
            store.update(ann.id, review="x" * (record.MAX_TEXT_CHARS + 1), note="kept?")
        with pytest.raises(BadRecord, match="the title is"):
            store.update(ann.id, evidence=[Evidence("", "t" * (record.MAX_TEXT_CHARS + 1))])
        with pytest.raises(BadRecord, match="1,001 evidence items"):
            store.update(ann.id, evidence=[Evidence("", "t")] * (record.MAX_EVIDENCE + 1))
        store.update(ann.id, note="x" * record.MAX_TEXT_CHARS)  # the limit itself is fine
    with open_store(tmp_path / "db.json") as store:
        [saved] = store.annotations()
    assert (len(saved.note), saved.review, saved.evidence) == (record.MAX_TEXT_CHARS, "", ())


def test_an_evidence_url_longer_than_an_import_takes_is_refused():
    url = "https://example.org/" + "a" * record.MAX_URL_CHARS
    with pytest.raises(BadRecord, match="the URL is"):
        check_evidence(Evidence(url, "Transcript"))


async def test_a_note_too_long_to_save_keeps_the_dialog_open(monkeypatch):
    monkeypatch.setattr(record, "MAX_TEXT_CHARS", 10)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"far too long a note", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)  # still open, the typing still there
        assert [n.message for n in app._notifications] == [
            "the note is 19 characters, over the limit of 10"
        ]
        [ann] = app.editor.store.annotations()
        assert ann.note == ""
        await pilot.press(*(["backspace"] * 12), "ctrl+s")  # "far too" fits
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
        assert app.editor.store.annotations()[0].note == "far too"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ('https://example.org/a"b<c> d', "holds a space"),
        ("https://example.org/\x07bell", "holds a control character"),
        ("javascript:alert(1)", "is not an http or https URL"),
        ("ftp://example.org/file", "is not an http or https URL"),
        ("https:///no-host", "has no host name"),
    ],
)
def test_a_refused_evidence_url_says_what_is_wrong_with_it(url: str, why: str):
    """An https URL with a space was refused as "not an http or https URL"."""
    with pytest.raises(BadRecord, match=why):
        check_evidence(Evidence(url, "Transcript"))
