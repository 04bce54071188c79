"""The reading session: each pane's article and cursor come back after a restart, at the same
sentence even when the file changed above it."""

from __future__ import annotations

from eternaut_reader import load_corpus
from eternaut_reader.ui import session
from eternaut_reader.ui.app import ReaderApp
from tests.screen import focused_pane, settle

TEXT = (
    "Bridge report\n\nThe bridge fell on Monday. Three people died. Engineers believe the "
    "cables failed. The bridge carried ten thousand cars a day. It opened in 1975.\n"
)


def _state(corpus, phrase: str) -> session.PaneState:
    article = corpus.articles[0]
    offset = article.text.index(phrase)
    return session.PaneState(article.id, offset, 0, session.snippet(article.text, offset))


def test_the_cursor_comes_back_to_its_sentence_after_a_line_is_inserted_above(
    write_articles, tmp_path
):
    folder = write_articles({"report.txt": TEXT})
    path = tmp_path / "db.json.session.json"
    corpus = load_corpus([folder])
    session.save(path, corpus, [_state(corpus, "The bridge carried")], 0)
    (folder / "report.txt").write_text(TEXT.replace("\n\n", "\n\nUPDATE: two more names.\n\n", 1))
    edited = load_corpus([folder])
    [state], _focused = session.load(path, edited)
    assert edited.articles[0].text[state.cursor_offset :].startswith("The bridge carried")


def test_a_sentence_gone_or_an_old_session_file_keep_the_offset(write_articles, tmp_path):
    folder = write_articles({"report.txt": TEXT})
    path = tmp_path / "db.json.session.json"
    corpus = load_corpus([folder])
    state = _state(corpus, "Engineers believe")
    session.save(path, corpus, [state, session.PaneState(state.article_id, 10, 0)], 0)
    (folder / "report.txt").write_text(TEXT.replace("Engineers believe the cables failed. ", ""))
    [gone, old], _focused = session.load(path, load_corpus([folder]))
    assert (gone.cursor_offset, old.cursor_offset) == (state.cursor_offset, 10)


async def test_the_reader_reopens_at_the_same_sentence_in_an_edited_file(write_articles):
    folder = write_articles({"report.txt": TEXT})
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "j", "j")
        await pilot.pause()
        pane = focused_pane(app)
        sentence = pane.article.sentences[pane.cursor].text
        assert sentence.startswith("The bridge carried")
        await pilot.press("q")
        await pilot.pause()
    (folder / "report.txt").write_text(TEXT.replace("\n\n", "\n\nUPDATE: two more names.\n\n", 1))
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        pane = focused_pane(app)
        assert pane.article.sentences[pane.cursor].text == sentence
