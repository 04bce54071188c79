"""The pane header's text: only what is known, the outlet beside the title, fitted to a width."""

from __future__ import annotations

from eternaut_reader import load_corpus
from eternaut_reader.core.text.display import cells
from eternaut_reader.ui.widgets.chrome import heading_details, heading_title


def _decrypt():
    corpus = load_corpus()
    return corpus, corpus.articles[4]


def test_nothing_is_said_of_what_is_not_known():
    corpus = load_corpus()
    italian = corpus.articles[0]
    assert heading_details(corpus, italian, "✓0 ?0 ✗0") == "1/5 ✓0 ?0 ✗0 · IT"
    assert heading_title(italian, 40).rstrip() == italian.title[:39] + "…"
    assert "not named" not in heading_title(italian, 200) + heading_details(corpus, italian)


def test_title_and_outlet_share_the_width():
    _corpus, article = _decrypt()
    for width in (24, 36, 60, 120):
        line = heading_title(article, width)
        assert cells(line) == width and line.endswith(" · Decrypt")
    assert heading_title(article, 120).startswith(article.title + " ")
    assert heading_title(article, 36) == "Netflix Uses Generative A… · Decrypt"
    article.outlet = "The Harbour Gazette of the Northern Coast"
    assert heading_title(article, 36) == "Netflix Uses Generat… · The Harbour…"


def test_the_author_is_shortened_then_left_out_before_the_date():
    corpus, article = _decrypt()
    article.author = "Jason Nelson, Decrypt staff writer"
    full = heading_details(corpus, article, "✓1 ?0 ✗0")
    assert full == "5/5 ✓1 ?0 ✗0 · EN · Jason Nelson, Decrypt staff writer · 2025-07-28"
    cut = heading_details(corpus, article, "✓1 ?0 ✗0", 50)
    assert cut.startswith("5/5 ✓1 ?0 ✗0 · EN · Jason") and cut.endswith("… · 2025-07-28")
    assert cells(cut) <= 50
    assert heading_details(corpus, article, "✓1 ?0 ✗0", 34) == "5/5 ✓1 ?0 ✗0 · EN · 2025-07-28"


def test_a_title_with_control_characters_is_measured_as_drawn():
    """A tab or an ESC in a title is drawn as one visible cell: measured raw, the title got
    an ellipsis at the right edge that cut nothing (found by an outside tester)."""
    from types import SimpleNamespace

    from eternaut_reader.ui.widgets.chrome import heading_title

    for title, drawn in (("Tab\there title", "Tab here title"), ("Evil \x1b[31m", "Evil ␛[31m")):
        article = SimpleNamespace(title=title, outlet=None)
        shown = heading_title(article, 40)  # type: ignore[arg-type]
        assert shown.rstrip() == drawn and "…" not in shown and len(shown) == 40
