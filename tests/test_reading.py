"""The reading state: cursor, paragraphs, pages, the two-ended selection, search and prompt."""

from __future__ import annotations

from dataclasses import dataclass

from eternaut_reader.core.text.reading import Reading, Selection

TEXT = (
    "First one here. Second one follows.\n"
    "Third starts a paragraph. Fourth ends it.\n"
    "Fifth is alone."
)


@dataclass(frozen=True)
class S:
    start: int
    end: int
    paragraph: int


def sentences(text: str = TEXT) -> list[S]:
    out = []
    for paragraph, line in enumerate(text.split("\n")):
        base = text.index(line)
        for piece in line.split(". "):
            piece = piece if piece.endswith(".") else piece + "."
            start = text.index(piece, base)
            out.append(S(start, start + len(piece), paragraph))
    return out


def reading() -> Reading:
    return Reading(TEXT, sentences())


def quote(r: Reading) -> str:
    span = r.cursor_span
    assert span is not None
    return TEXT[span[0] : span[1]]


def test_sentences_of_the_fixture_are_what_they_say():
    assert [TEXT[s.start : s.end] for s in sentences()] == [
        "First one here.",
        "Second one follows.",
        "Third starts a paragraph.",
        "Fourth ends it.",
        "Fifth is alone.",
    ]


def test_no_cursor_until_the_sentences_arrive():
    r = Reading(TEXT)
    assert r.cursor_span is None and not r.next_sentence() and r.start_selection() is None
    r.set_sentences(sentences(), at=TEXT.index("Fourth"))
    assert quote(r) == "Fourth ends it."


def test_sentence_moves_are_clamped_and_say_whether_they_moved():
    r = reading()
    assert not r.previous_sentence()
    assert r.next_sentence() and quote(r) == "Second one follows."
    assert r.bottom() and quote(r) == "Fifth is alone."
    assert not r.next_sentence()
    assert r.top() and quote(r) == "First one here."


def test_paragraph_moves_go_to_starts_then_to_the_paragraph_before():
    r = reading()
    assert r.next_paragraph() and quote(r) == "Third starts a paragraph."
    r.next_sentence()
    assert r.previous_paragraph() and quote(r) == "Third starts a paragraph."
    assert r.previous_paragraph() and quote(r) == "First one here."
    r.bottom()
    assert not r.next_paragraph()


def test_a_page_lands_on_the_first_sentence_starting_on_it():
    r = reading()
    inside_second = TEXT.index("one follows")
    assert r.page_target(inside_second, len(TEXT)) == 2
    assert r.page_target(inside_second, inside_second + 5) == 1


def test_v_selects_the_first_word_and_o_lets_the_start_move_too():
    r = reading()
    r.next_sentence()
    selection = r.start_selection()
    assert selection == Selection(16, 22) and TEXT[16:22] == "Second"
    r.head_by_words(1)
    assert r.selection and r.selection.span == (16, 26)  # "Second one"
    r.swap_ends()
    r.head_by_chars(-1)
    # The start moves back to the start of the previous word: ending a word there began
    # the selection on the space before the next one (found by an outside tester).
    r.head_by_words(-1)
    assert r.selection and r.selection.span == (10, 26) and TEXT[10:14] == "here"
    r.head_by_words(1)  # and forward to the next word's start
    assert r.selection.span == (16, 26)
    r.head_by_chars(-1)
    assert r.selection.span == (15, 26)
    r.swap_ends()
    r.head_by_sentences(1)  # from inside the second sentence: to the end of the third
    assert r.selection.span == (15, TEXT.index(" Fourth"))


def test_sentence_steps_of_the_start_end_go_from_start_to_start():
    r = reading()
    r.move_to(2)
    r.start_selection()
    r.swap_ends()  # the head is now the sentence's start
    r.head_by_sentences(-1)
    assert r.selection and TEXT[slice(*r.selection.span)].startswith("Second one follows.")
    r.head_by_sentences(1)
    assert r.selection.span == (TEXT.index("Third"), TEXT.index(" starts"))


def test_a_selection_starts_on_the_current_search_match():
    r = reading()
    assert r.set_search("paragraph") == 1
    selection = r.start_selection()
    assert selection and TEXT[slice(*selection.span)] == "paragraph"


def test_the_head_stays_inside_the_text():
    r = reading()
    r.bottom()
    r.start_selection()
    r.head_by_chars(10_000)
    assert r.selection and r.selection.head == len(TEXT)
    r.head_by_words(1)
    assert r.selection.head == len(TEXT)
    assert r.clear_selection() and r.selection is None


def test_search_goes_to_the_first_match_from_the_cursor_and_wraps():
    r = reading()
    r.move_to(3)
    assert r.set_search("one") == 3  # "one", "one", "alone"
    assert quote(r) == "Fifth is alone." and r.search.current == 2
    r.move_to(1)
    r.set_search("ONE")
    assert r.search.current_span == (TEXT.index("one follows"), TEXT.index(" follows"))
    assert quote(r) == "Second one follows."
    assert r.step_match(-1) == (6, 9) and quote(r) == "First one here."
    assert r.step_match(-1) == (TEXT.index("one."), len(TEXT) - 1)  # wraps to the last
    assert r.clear_search() and r.step_match(1) is None


def test_the_prompt_searches_as_typed_and_esc_puts_everything_back():
    r = reading()
    r.set_search("Fifth")
    before = r.search
    r.move_to(1)
    r.open_prompt()
    assert r.type_query("fol") == 1 and quote(r) == "Second one follows."
    assert r.type_query("folx") == 0 and quote(r) == "Second one follows."
    r.cancel_prompt()
    assert r.prompt is None and r.search is before and quote(r) == "Second one follows."
    r.open_prompt()
    r.type_query("four")
    assert r.keep_prompt() == "four" and quote(r) == "Fourth ends it." and r.prompt is None
