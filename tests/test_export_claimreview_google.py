"""ClaimReview checked field by field against Google's Fact Check structured-data lists.

Google (developers.google.com/search/docs/appearance/structured-data/factcheck):

    ClaimReview  required: claimReviewed (short: under 75 characters), reviewRating, url
                 recommended: author (Organization or Person: name, url), datePublished,
                 itemReviewed
    Claim        recommended: appearance (URL or CreativeWork), author (Organization or
                 Person), datePublished, firstAppearance
    Rating       required: alternateName; recommended: bestRating, name, ratingValue,
                 worstRating

DESIGN.md asks for all of these (ratingValue, bestRating, worstRating and alternateName on
every rating; url, headline, datePublished and inLanguage on an appearance).
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eternaut_reader import open_store
from eternaut_reader.cli import main
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.config import Profile
from eternaut_reader.core.formats import FORMATS, export, prepare
from eternaut_reader.core.formats.claimreview import (
    CLAIM_CHARS,
    NOT_IN_CORPUS,
    ORPHANED,
    RATINGS,
    google_notes,
    short_claim,
)
from eternaut_reader.core.text.corpus import Article
from tests.helpers.claims import FakeArticle, seeds, tag_claims

GOOGLE_REQUIRED = ("claimReviewed", "reviewRating", "url")
GOOGLE_RECOMMENDED = ("author", "datePublished", "itemReviewed")
RATING_FIELDS = ("ratingValue", "bestRating", "worstRating", "alternateName", "name")
CLAIM_RECOMMENDED = ("appearance", "author", "datePublished", "firstAppearance")
APPEARANCE_FIELDS = ("url", "headline", "datePublished", "inLanguage")

PROFILE = Profile(
    name="Ana Pérez",
    url="https://factcheck.example.org/about",
    organisation="Example Fact Check",
    review_url="https://factcheck.example.org/checks/{id}",
)

LONG = (
    "Netflix said that generative artificial intelligence let its effects team finish "
    "the building collapse in El Eternauta ten times faster than before."
)
SECOND = "A second report says the scene was made ten times faster with generative AI."


def _articles() -> tuple[Article, Article]:
    web = Article(
        id="example-org-news-netflix-ai",
        title="Netflix uses generative AI on screen",
        language="en",
        text=f"Intro. {LONG} The end.",
        outlet="Example News",
        date="2025-07-18",
        url="https://news.example.org/2025/07/netflix-ai",
        author="Jane Roe",
    )
    other = Article(
        id="other-report",
        title="Un altro rapporto",
        language="it",
        text=f"Prima. {SECOND} Fine.",
        date="2025-07-17",  # earlier: it is the claim's first appearance
        author="Mario Rossi",  # no outlet: the claim's author would be this person
        url="https://altro.example.it/articolo",
    )
    return web, other


def _span(article: Article, phrase: str) -> tuple[int, int]:
    start = article.text.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def store_and_claims(tmp_path: Path):
    web, other = _articles()
    with open_store(tmp_path / "db.json", "alice") as store:
        a = store.add(web, *_span(web, LONG), "contradicted", "The studio said four times.")
        b = store.add(other, *_span(other, SECOND), "contradicted")
        store.link(b.id, a.id, "supports")  # the same claim: one review, two appearances
        c = store.add(web, *_span(web, "The end."), "confirmed")
        yield store, [web, other], {"a": a, "b": b, "c": c}


def _reviews(store, articles, profile=None) -> list[dict[str, Any]]:
    out = io.StringIO()
    export(store, articles, "claimreview", out, profile=profile)
    doc = json.loads(out.getvalue())
    assert isinstance(doc, list)
    return doc


def _is_date(value: str) -> bool:
    date.fromisoformat(value)
    return True


def test_every_required_and_recommended_property_with_a_profile(store_and_claims):
    store, articles, _ = store_and_claims
    reviews = _reviews(store, articles, PROFILE)
    assert len(reviews) == 2
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        for key in (*GOOGLE_REQUIRED, *GOOGLE_RECOMMENDED):
            assert review.get(key), key
        assert 0 < len(review["claimReviewed"]) <= CLAIM_CHARS
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        for key in RATING_FIELDS:
            assert key in rating, key
        assert isinstance(rating["ratingValue"], int)
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["name"] == rating["alternateName"]
        # Google: don't put the rating in claimReviewed.
        assert rating["alternateName"] not in review["claimReviewed"]
        assert review["author"] == {
            "@type": "Organization",
            "name": "Example Fact Check",
            "url": "https://factcheck.example.org/about",
        }
        assert _is_date(review["datePublished"])
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        for key in CLAIM_RECOMMENDED:
            assert claim.get(key), key
        for work in claim["appearance"]:
            assert work["@type"] == "CreativeWork"
            for key in APPEARANCE_FIELDS:
                assert work.get(key), key
            assert _is_date(work["datePublished"])


def test_the_url_comes_from_review_url_and_the_id_is_the_review_s_own(store_and_claims):
    store, articles, claims = store_and_claims
    reviews = {r["identifier"][0]: r for r in _reviews(store, articles, PROFILE)}
    a = claims["a"]
    review = reviews[a.id]  # a was tagged first: it names the review
    assert review["url"] == f"https://factcheck.example.org/checks/{a.id}"
    assert review["@id"] == f"https://factcheck.example.org/checks/{a.id}#claimreview"
    assert not review["@id"].startswith("urn:uuid:")  # never the W3C annotation's IRI
    assert len({r["@id"] for r in reviews.values()}) == 2
    # Without a profile, the id is a URN of the review, still not the annotation's.
    bare = {r["identifier"][0]: r for r in _reviews(store, articles)}
    assert bare[a.id]["@id"] == f"urn:eternaut-reader:review:{a.id}"
    assert "url" not in bare[a.id]


def test_one_page_for_every_review_gives_each_a_fragment_of_its_own(tmp_path):
    article = FakeArticle("a", "First claim here. Second claim there.")
    profile = Profile(organisation="Checks", review_url="https://checks.example.org/july")
    with open_store(tmp_path / "db.json") as store:
        one = store.add(article, 0, 17, "confirmed")
        two = store.add(article, 18, 37, "speculative")
        reviews = _reviews(store, [article], profile)
    assert [r["url"] for r in reviews] == ["https://checks.example.org/july"] * 2
    assert [r["@id"] for r in reviews] == [
        f"https://checks.example.org/july#claimreview-{one.id}",
        f"https://checks.example.org/july#claimreview-{two.id}",
    ]


def test_an_id_that_is_not_url_safe_is_percent_encoded_in_the_url(tmp_path):
    article = FakeArticle("a", "The claim is here.")
    ann = Annotation(
        id="https://other.tool/anno/1?x=y z",
        article_id="a",
        quote="The claim",
        prefix="",
        suffix=" is here.",
        start=0,
        end=9,
        tag="confirmed",
        note="",
        annotator="bob",
        created="2025-07-20T10:00:00.000Z",
        modified="2025-07-20T10:00:00.000Z",
        content_hash="",
    )
    (review,) = _reviews([ann], [article], PROFILE)
    assert review["url"] == (
        "https://factcheck.example.org/checks/https%3A%2F%2Fother.tool%2Fanno%2F1%3Fx%3Dy%20z"
    )


def test_the_claim_its_author_date_and_appearances(store_and_claims):
    store, articles, claims = store_and_claims
    web, other = articles
    reviews = {r["identifier"][0]: r for r in _reviews(store, articles, PROFILE)}
    review = reviews[claims["a"].id]
    assert sorted(review["identifier"]) == sorted([claims["a"].id, claims["b"].id])
    claim = review["itemReviewed"]
    # Said by the first-tagged annotation's article: its outlet, as an Organization.
    assert claim["author"] == {"@type": "Organization", "name": "Example News"}
    assert claim["datePublished"] == "2025-07-18"
    assert claim["text"] == LONG  # the whole quote; claimReviewed is its short form
    assert claim["appearance"] == [
        {
            "@type": "CreativeWork",
            "url": "https://news.example.org/2025/07/netflix-ai",
            "headline": "Netflix uses generative AI on screen",
            "identifier": web.id,
            "inLanguage": "en",
            "datePublished": "2025-07-18",
            "author": {"@type": "Person", "name": "Jane Roe"},
            "publisher": {"@type": "Organization", "name": "Example News"},
        },
        {
            "@type": "CreativeWork",
            "url": "https://altro.example.it/articolo",
            "headline": "Un altro rapporto",
            "identifier": other.id,
            "inLanguage": "it",
            "datePublished": "2025-07-17",
            "author": {"@type": "Person", "name": "Mario Rossi"},
        },
    ]
    assert claim["firstAppearance"] == claim["appearance"][1]  # the earliest date


def test_an_article_with_an_author_and_no_outlet_makes_a_person_the_claim_s_author(tmp_path):
    _, other = _articles()
    with open_store(tmp_path / "db.json") as store:
        store.add(other, *_span(other, SECOND), "speculative")
        (review,) = _reviews(store, [other], PROFILE)
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Mario Rossi"}


@pytest.mark.parametrize(
    ("profile", "author"),
    [
        (PROFILE, {"@type": "Organization", "name": "Example Fact Check", "url": PROFILE.url}),
        # An organisation without a url of its own: the site that publishes the reviews.
        (
            Profile(organisation="Checks", review_url="https://checks.example.org/c/{id}"),
            {"@type": "Organization", "name": "Checks", "url": "https://checks.example.org/"},
        ),
        (
            Profile(name="Ana Pérez", url="https://ana.example.org/"),
            {"@type": "Person", "name": "Ana Pérez", "url": "https://ana.example.org/"},
        ),
        (Profile(name="Ana Pérez"), {"@type": "Person", "name": "Ana Pérez"}),
        # No profile, or one without a name: the annotator.
        (None, {"@type": "Person", "name": "alice"}),
        (Profile(review_url="https://x.example/{id}"), {"@type": "Person", "name": "alice"}),
    ],
)
def test_the_author_is_the_organisation_else_the_person(store_and_claims, profile, author):
    store, articles, _ = store_and_claims
    for review in _reviews(store, articles, profile):
        assert review["author"] == author


@pytest.mark.parametrize(("tag", "rating"), list(RATINGS.items()))
def test_the_rating_mapping(tmp_path, tag, rating):
    article = FakeArticle("a", "Ted Sarandos said the scene was ten times faster to make.")
    with open_store(tmp_path / "db.json") as store:
        store.add(article, 0, 40, tag)
        (review,) = _reviews(store, [article], PROFILE)
    value, name = rating
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": name,
        "name": name,
    }


def test_the_documented_mapping():
    assert RATINGS == {
        "confirmed": (5, "True"),
        "speculative": (3, "Unproven"),
        "contradicted": (1, "False"),
    }


# ---- claimReviewed: at most 75 characters, cut at a word boundary ----------------------------


def test_a_long_quote_is_cut_at_a_word_boundary(store_and_claims):
    store, articles, claims = store_and_claims
    reviews = {r["identifier"][0]: r for r in _reviews(store, articles, PROFILE)}
    short = reviews[claims["a"].id]["claimReviewed"]
    assert short == "Netflix said that generative artificial intelligence let its effects team…"
    assert len(short) <= 75
    assert reviews[claims["c"].id]["claimReviewed"] == "The end."  # short: as it is


@pytest.mark.parametrize(
    "text",
    [
        LONG,
        "word " * 40,
        "A sentence, with commas, semicolons; and dashes — that goes on and on and on past it",
        "Line one of the quote\nline two of the quote\n\tline three, which is long enough now",
        "Short start then averyveryveryveryveryveryveryveryveryveryveryveryverylongwordhere x",
        "See https://example.org/a/very/long/address/that/is/one/word/and/then/some/more/text",
    ],
)
def test_short_claim_cuts_between_words(text):
    short = short_claim(text)
    single = " ".join(text.split())
    assert len(short) <= CLAIM_CHARS and short.endswith("…")
    kept = short[:-1]
    assert single.startswith(kept)
    # The cut falls where a word ends: the next character of the text is a space (after any
    # punctuation that was dropped with it).
    rest = single[len(kept) :]
    assert rest[:1] in (" ", ",", ";", ":", "—", "-") or rest == ""
    assert not kept.endswith((" ", ","))


def test_a_long_word_is_left_out_whole():
    text = "Short start then " + "very" * 20 + " end"
    assert short_claim(text) == "Short start then…"


def test_short_claim_keeps_a_short_text_and_the_limit_exactly():
    assert short_claim("  Ten times\nfaster.  ") == "Ten times faster."
    exact = "x" * 70 + " abcd"  # 75 characters: kept whole
    assert short_claim(exact) == exact
    over = "x" * 70 + " abcde"  # 76: cut at the space
    assert short_claim(over) == "x" * 70 + "…"


def test_short_claim_without_spaces_is_cut_inside_but_never_splits_a_character():
    chinese = "网飞表示生成式人工智能让特效团队" * 8
    short = short_claim(chinese)
    assert len(short) == CLAIM_CHARS and chinese.startswith(short[:-1])
    # A skin-tone modifier or a combining accent stays with the character before it.
    thumbs = "👍🏽" * 60
    cut = short_claim(thumbs)
    assert len(cut) <= CLAIM_CHARS and cut[:-1] == "👍🏽" * ((len(cut) - 1) // 2)
    accents = "e\u0301" * 60
    cut = short_claim(accents)
    assert cut[:-1] == "e\u0301" * ((len(cut) - 1) // 2)


# ---- orphans and open claims ----------------------------------------------------------------


def test_orphans_are_marked_on_their_appearance(tmp_path):
    corpus = seeds()
    claims = tag_claims(tmp_path / "db.json", corpus)
    with open_store(tmp_path / "db.json") as store:
        reviews = {r["identifier"][0]: r for r in _reviews(store, corpus, PROFILE)}
    (orphan,) = reviews[claims["orphan"].id]["itemReviewed"]["appearance"]
    assert orphan["creativeWorkStatus"] == ORPHANED
    (unknown,) = reviews[claims["unknown"].id]["itemReviewed"]["appearance"]
    assert unknown["creativeWorkStatus"] == NOT_IN_CORPUS
    (placed,) = reviews[claims["c1"].id]["itemReviewed"]["appearance"]
    assert "creativeWorkStatus" not in placed


def test_open_claims_stay_left_out(tmp_path):
    article = FakeArticle("a", "An open claim. A tagged claim.")
    with open_store(tmp_path / "db.json") as store:
        store.add(article, 0, 14, None)
        store.add(article, 15, 30, "confirmed")
        reviews = _reviews(store, [article], PROFILE)
    assert [r["claimReviewed"] for r in reviews] == ["A tagged claim."]


# ---- what Google needs and the profile does not give: said on stderr ------------------------


def _notes(profile) -> list[str]:
    article = FakeArticle("a", "A tagged claim.")
    ann = Annotation(
        "id-1", "a", "A tagged", "", " claim.", 0, 8, "confirmed", "", "alice", "", "", ""
    )
    return google_notes(prepare([ann], [article], profile=profile))


def test_google_notes_say_what_is_missing():
    assert _notes(PROFILE) == []
    missing = _notes(None)
    assert len(missing) == 2
    assert missing[0].startswith("claimreview: no review_url in [profile]: Google requires")
    assert "no organisation or name in [profile]" in missing[1]
    assert _notes(Profile(name="Ana", review_url="https://x.example/{id}")) == [
        "claimreview: no url in [profile]: Google asks for the author's url"
    ]
    (bad,) = _notes(Profile(organisation="O", url="https://o.example/", review_url="/c/{id}"))
    assert "is not an http(s) address" in bad
    assert FORMATS["claimreview"].notes is google_notes


def test_no_note_when_there_is_no_review_to_write(tmp_path):
    with open_store(tmp_path / "db.json") as store:
        result = export(store, [], "claimreview", tmp_path / "r.jsonld")
    assert result.notes == ()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "db.json"
    tag_claims(db, seeds())
    return db


def test_export_without_review_url_still_runs_and_says_google_requires_it(tmp_path, db, capsys):
    out = tmp_path / "claims.claimreview.jsonld"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert len(reviews) == 5 and not any("url" in r for r in reviews)
    err = capsys.readouterr().err
    assert "claimreview: no review_url in [profile]: Google requires each fact-check's url" in err
    assert (
        "exported 5 reviews of 6 annotations (2 of them on text not in the corpus) as claimreview "
        f"to {out}" in err
    )


def test_export_with_a_profile_writes_url_and_author_and_says_nothing_more(
    tmp_path, db, capsys, monkeypatch
):
    config = tmp_path / "config.toml"
    config.write_text(
        "[profile]\n"
        'name = "Ana Pérez"\n'
        'url = "https://factcheck.example.org/about"\n'
        'organisation = "Example Fact Check"\n'
        'review_url = "https://factcheck.example.org/checks/{id}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ETERNAUT_READER_CONFIG", str(config))
    out = tmp_path / "claims.claimreview.jsonld"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    for review in reviews:
        assert review["url"] == f"https://factcheck.example.org/checks/{review['identifier'][0]}"
        assert review["author"]["name"] == "Example Fact Check"
    err = capsys.readouterr().err
    assert "Google" not in err
    assert err == (
        "eternaut-reader: exported 5 reviews of 6 annotations "
        f"(2 of them on text not in the corpus) as claimreview to {out}\n"
    )


def test_other_formats_say_nothing_about_google(tmp_path, db, capsys):
    out = tmp_path / "claims.json"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert "Google" not in capsys.readouterr().err
