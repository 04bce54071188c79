"""schema.org ClaimReview: one per claim, supports-linked claims merged, the rating mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eternaut_reader import open_store
from eternaut_reader.core.formats import export
from tests.helpers.claims import FakeArticle, seeds, tag_claims


@pytest.fixture(scope="module")
def corpus():
    return seeds()


def _reviews(path: Path) -> list[dict]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc, list)
    return doc


def test_one_review_per_claim_and_supports_links_join_articles(tmp_path, corpus):
    claims = tag_claims(tmp_path / "db.json", corpus)
    with open_store(tmp_path / "db.json") as store:
        export(store, corpus, "claimreview", tmp_path / "r.jsonld")
    reviews = _reviews(tmp_path / "r.jsonld")
    # a1 supports b1: one review; c1, s1, orphan and unknown stand alone.
    assert len(reviews) == 5
    joined = next(r for r in reviews if claims["a1"].id in r["identifier"])
    assert sorted(joined["identifier"]) == sorted([claims["a1"].id, claims["b1"].id])
    arts = corpus.articles
    assert [a["headline"] for a in joined["itemReviewed"]["appearance"]] == [
        arts[1].title,
        arts[2].title,
    ]
    assert joined["claimReviewed"] == claims["a1"].quote
    assert joined["reviewBody"] == claims["a1"].note
    # c1 contradicts a1: a contradicts link never joins.
    c1 = next(r for r in reviews if claims["c1"].id in r["identifier"])
    assert c1["identifier"] == [claims["c1"].id]
    appearance = c1["itemReviewed"]["appearance"]
    assert appearance == [
        {
            "@type": "CreativeWork",
            "headline": arts[4].title,
            "identifier": arts[4].id,
            "inLanguage": "en",
            "datePublished": "2025-07-28",
            "publisher": {"@type": "Organization", "name": "Decrypt"},
        }
    ]


def test_every_review_has_the_required_properties(tmp_path, corpus):
    claims = tag_claims(tmp_path / "db.json", corpus)
    with open_store(tmp_path / "db.json") as store:
        export(store, corpus, "claimreview", tmp_path / "r.jsonld")
    for review in _reviews(tmp_path / "r.jsonld"):
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]
        assert review["author"] == {"@type": "Person", "name": "alice"}
        mine = [a for a in claims.values() if a.id in review["identifier"]]
        assert review["datePublished"] == max(a.modified for a in mine)[:10]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)


@pytest.mark.parametrize(
    ("tag", "value", "name"),
    [("confirmed", 5, "True"), ("speculative", 3, "Unproven"), ("contradicted", 1, "False")],
)
def test_tags_map_to_the_documented_ratings(tmp_path, tag, value, name):
    article = FakeArticle("a", "Ted Sarandos said the scene was ten times faster to make.")
    with open_store(tmp_path / "db.json") as store:
        store.add(article, 0, 40, tag)
        export(store, [article], "claimreview", tmp_path / "r.jsonld")
    (review,) = _reviews(tmp_path / "r.jsonld")
    assert review["reviewRating"]["ratingValue"] == value
    assert review["reviewRating"]["alternateName"] == name


def test_supports_between_different_verdicts_or_annotators(tmp_path):
    one = FakeArticle("one", "The scene was made ten times faster with generative AI.")
    two = FakeArticle("two", "Reports say the scene was made far faster than before.")
    three = FakeArticle("three", "It was made faster, according to the co-CEO of Netflix.")
    with open_store(tmp_path / "db.json", "alice") as store:
        a = store.add(one, 0, 30, "confirmed")
        b = store.add(two, 0, 30, "speculative")
        store.link(a.id, b.id, "supports")
    with open_store(tmp_path / "db.json", "bob") as store:
        c = store.add(three, 0, 20, "confirmed")
        store.link(c.id, a.id, "supports")
        export(store, [one, two, three], "claimreview", tmp_path / "r.jsonld")
    reviews = _reviews(tmp_path / "r.jsonld")
    # a and c (both confirmed) are one claim reviewed by two people; b has its own rating.
    assert sorted(len(r["identifier"]) for r in reviews) == [1, 2]
    joined = next(r for r in reviews if len(r["identifier"]) == 2)
    assert joined["author"] == [
        {"@type": "Person", "name": "alice"},
        {"@type": "Person", "name": "bob"},
    ]
    assert [w["identifier"] for w in joined["itemReviewed"]["appearance"]] == ["one", "three"]


def test_no_annotations_gives_an_empty_array(tmp_path):
    with open_store(tmp_path / "db.json") as store:
        export(store, None, "claimreview", tmp_path / "r.jsonld")
    assert _reviews(tmp_path / "r.jsonld") == []


def test_a_record_kept_on_an_open_passage_linked_to_the_rated_one_is_published(tmp_path, corpus):
    """The summary, review and evidence written in the claim view lived on the user's open
    passage, linked to a confirmed one: ClaimReview left the open passage out, and the
    record with it (claimReviewed was the quote, no reviewBody, no citation; found by an
    outside tester)."""
    from eternaut_reader.core.annotations.model import Evidence

    first, second = corpus.articles[0], corpus.articles[1]
    a, b = first.segment()[0], second.segment()[2]
    call = Evidence("https://ir.netflix.net/q2", "Q2 call", "first GenAI footage", "")
    with open_store(tmp_path / "db.json", "ana") as store:
        rated = store.add(first, a.start, a.end, "confirmed")
        kept = store.add(second, b.start, b.end, None)
        store.link(kept.id, rated.id, "supports")
        store.update(
            kept.id,
            summary="Netflix first GenAI use in TV",
            review="Said on the call.",
            evidence=[call],
        )
        export(store, corpus, "claimreview", tmp_path / "r.jsonld")
    [review] = _reviews(tmp_path / "r.jsonld")
    assert review["claimReviewed"] == "Netflix first GenAI use in TV"
    assert review["reviewBody"].startswith("Said on the call.")
    assert review["citation"][0]["url"] == "https://ir.netflix.net/q2"
    assert review["identifier"] == [rated.id]  # the open passage is no rated claim of it


def test_an_open_passage_linked_as_supporting_is_an_appearance(tmp_path):
    """The same-fact panel's `+` tags a passage as an open claim and links it as supporting:
    the claim appears in that report too, so the review lists it (it listed only the rated
    claim's report; found by an outside tester). A contradicting one is no appearance."""
    one = FakeArticle("one", "Fishing in the river is banned until 30 April.")
    two = FakeArticle("two", "Il divieto di pesca resta fino al 30 aprile.")
    three = FakeArticle("three", "Fishing is allowed again from next week.")
    with open_store(tmp_path / "db.json", "alice") as store:
        rated = store.add(one, 0, len(one.text), "confirmed")
        supporting = store.add(two, 0, len(two.text), None)
        against = store.add(three, 0, len(three.text), None)
        store.link(rated.id, supporting.id, "supports")
        store.link(against.id, rated.id, "contradicts")
        export(store, [one, two, three], "claimreview", tmp_path / "r.jsonld")
    (review,) = _reviews(tmp_path / "r.jsonld")
    appearing = [w["identifier"] for w in review["itemReviewed"]["appearance"]]
    assert appearing == ["one", "two"]


def test_the_export_command_counts_reviews_not_claims(tmp_path, capsys):
    """Linked claims share one review: the command said "exported 3 annotations" of a file of
    2 reviews."""
    from eternaut_reader.cli import main

    one = FakeArticle("one", "The scene was made ten times faster with generative AI.")
    two = FakeArticle("two", "Reports say the scene was made ten times faster than before.")
    with open_store(tmp_path / "db.json", "alice") as store:
        a = store.add(one, 0, 30, "confirmed")
        b = store.add(two, 0, 30, "confirmed")
        store.add(two, 31, 50, "speculative")
        store.link(a.id, b.id, "supports")
    out = tmp_path / "r.claimreview.jsonld"
    assert main(["export", "--db", str(tmp_path / "db.json"), "-o", str(out)]) == 0
    assert len(_reviews(out)) == 2
    err = capsys.readouterr().err
    assert (
        "exported 2 reviews of 3 annotations (3 of them on text not in the corpus) as claimreview"
        in err
    )


def test_an_article_filtered_export_lists_no_report_through_an_open_passage_alone(tmp_path):
    """Exporting one article's reviews listed another report in `appearance` only because an
    open passage there supports the claim, while a tagged passage there is left out by the
    same filter (an outside tester). Without the filter the open passage still counts."""
    one = FakeArticle("one", "Fishing in the river is banned until 30 April.")
    two = FakeArticle("two", "Il divieto di pesca resta fino al 30 aprile.")
    three = FakeArticle("three", "Fishing stays banned until the end of April.")
    with open_store(tmp_path / "db.json", "alice") as store:
        rated = store.add(one, 0, len(one.text), "confirmed")
        supporting = store.add(two, 0, len(two.text), None)
        tagged = store.add(three, 0, len(three.text), "confirmed")
        store.link(rated.id, supporting.id, "supports")
        store.link(tagged.id, rated.id, "supports")
        export(store, [one, two, three], "claimreview", tmp_path / "one.jsonld", articles="one")
        export(store, [one, two, three], "claimreview", tmp_path / "all.jsonld")
    (review,) = _reviews(tmp_path / "one.jsonld")
    assert review["identifier"] == [rated.id]
    assert [w["identifier"] for w in review["itemReviewed"]["appearance"]] == ["one"]
    (review,) = _reviews(tmp_path / "all.jsonld")
    assert [w["identifier"] for w in review["itemReviewed"]["appearance"]] == [
        "one",
        "three",
        "two",
    ]
