"""The language an article is read in: detected among the languages news is written in."""

from __future__ import annotations

import pytest

from eternaut_reader.core.text.corpus import NEWS_LANGUAGES, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The council met on Tuesday and voted seven to two for the new bridge.", "en"),
        ("Il consiglio si è riunito martedì e ha votato per il nuovo ponte.", "it"),
        ("Le conseil s'est réuni mardi et a voté pour le nouveau pont.", "fr"),
        ("Der Rat trat am Dienstag zusammen und stimmte für die neue Brücke.", "de"),
        ("Совет собрался во вторник и проголосовал за новый мост.", "ru"),
        # Mixed Chinese and English was read as Latin before.
        ("这是一个简短的中文句子。 The cable car stopped near Selva.", "zh"),
    ],
)
def test_the_language_of_a_report(text: str, language: str):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Cafè résumé naïve story about the bridge. It cost €100.",  # was Javanese
        "Long word report\n\nAnother sentence about Seceda.",
        "Status report. Bridge open. Train late.",
        "\u200b\u200c x y z 1 2 3",
        "Red: \x1b[31mred\x1b[0m, a title \x1b]0;pwned\x07.",
    ],
)
def test_odd_or_short_text_is_never_read_as_a_rare_language(text: str):
    # Afrikaans, Latin, Javanese and the like are not among them.
    assert detect_language(text) in NEWS_LANGUAGES
    assert not {"af", "la", "jv"} & set(NEWS_LANGUAGES)
