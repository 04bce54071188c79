"""core.terminal: what makes data safe for a terminal, and how an edited note is restored."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from eternaut_reader.core.terminal import SafeStream, is_safe, one_line, restore, safe
from tests.helpers.pty_terminal import ATTACKS, HOSTILE, leaks


def test_every_attack_is_shown_not_executed_and_keeps_its_length():
    for attack in ATTACKS:
        shown = safe(attack)
        assert len(shown) == len(attack)
        assert is_safe(shown) and not leaks(shown)
    assert safe("\x1b]0;PWNED\x07") == "␛]0;PWNED␇"
    assert safe("\x9b") == "\ufffd" and safe("a\u202eb") == "a\ufffdb"


def test_newlines_stay_tabs_become_a_space_plain_text_is_untouched():
    assert safe("one\ntwo\tthree") == "one\ntwo three"
    text = "L’Eternauta — 10× più veloce, “$11 billion” 新闻 🎬"
    assert safe(text) is text


def test_lone_surrogates_from_undecodable_file_names_become_replacement_characters():
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    shown = safe(name)
    assert shown == "caf\ufffd.txt"
    shown.encode("utf-8")  # printable on any UTF-8 terminal


def test_one_line_collapses_lines_for_a_message():
    assert one_line("a\n\x1b[2J  b\r\nc") == "a ␛[2J b␍ c"


def test_an_untouched_note_is_restored_exactly():
    assert restore(HOSTILE, safe(HOSTILE)) == HOSTILE


def test_an_edit_keeps_the_control_characters_the_user_did_not_touch():
    shown = safe(HOSTILE)
    edited = shown.replace("hostile", "friendly") + " more"
    assert restore(HOSTILE, edited) == HOSTILE.replace("hostile", "friendly") + " more"


def test_what_the_user_typed_is_kept_as_typed():
    assert restore("plain", "plain and ␛ typed") == "plain and ␛ typed"


@given(st.text(), st.text())
def test_restore_never_invents_text(original, typed):
    shown = safe(original)
    assert restore(original, shown) == original
    result = restore(original, shown + typed)
    assert result.startswith(original) or typed == ""
    assert safe(result) == safe(original + typed)


def test_safe_stream_passes_tabs_and_newlines_and_nothing_else():
    target = io.StringIO()
    stream = SafeStream(target)
    stream.write("a\tb\n" + HOSTILE)
    stream.flush()
    assert target.getvalue().startswith("a\tb\n")
    assert not leaks(target.getvalue())


def test_a_safe_stream_ends_a_csv_row_as_a_line_and_still_shows_a_lone_return():
    target = io.StringIO()
    stream = SafeStream(target)
    stream.write('id,quote\r\n1,"a\rb"\r\n')
    assert target.getvalue() == 'id,quote\n1,"a␍b"\n'
