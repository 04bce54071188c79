"""Web pages and HTML files as articles: extraction, snapshots, --refresh and fetch failures.

Every page comes from tests/data/web/ through a local server on 127.0.0.1 (tests/web_server.py);
nothing reaches the internet.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from eternaut_reader import load_corpus
from eternaut_reader.core.annotations.editing import ClaimEditor
from eternaut_reader.core.storage.store import open_store
from eternaut_reader.core.text import web
from eternaut_reader.core.text.web import extract, snapshots_dir
from tests.web_server import WEB, Site, refused_url, story_html

CANONICAL = "https://news.example.org/culture/netflix-eternauta-ai"
BOILERPLATE = (
    "cookies",
    "Subscribe",
    "newsletter",
    "Related stories",
    "Streaming prices rise",
    "All rights reserved",
    "Home",
    "By Marta Quiroga",
)


@pytest.fixture
def site():
    server = Site()
    yield server
    server.stop()


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eternaut_reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )


def test_extraction_keeps_the_story_and_every_field_without_boilerplate():
    page = extract((WEB / "story.html").read_bytes(), "http://127.0.0.1/story")
    assert page.text.startswith("Netflix turns to generative AI for a collapsing building\n\n")
    assert "ten times faster than it could have been with traditional tools" in page.text
    assert "Héctor Germán Oesterheld" in page.text
    assert len(page.text.split("\n\n")) == 5  # the headline and four paragraphs
    for junk in BOILERPLATE:
        assert junk not in page.text, junk
    assert page.title == "Netflix turns to generative AI for a collapsing building"
    assert page.author == "Marta Quiroga"
    assert page.outlet == "The Harbour Gazette"
    assert page.date == "2025-07-18"
    assert page.language == "en"
    assert page.url == CANONICAL


def test_url_opens_as_an_article_with_its_metadata_and_an_id_from_the_canonical_url(site):
    url = site.page("/story", story_html())
    progress: list[str] = []
    corpus = load_corpus([url], progress=progress.append)
    (article,) = corpus.articles
    assert article.id == "news-example-org-culture-netflix-eternauta-ai"
    assert (article.url, article.author, article.outlet) == (
        CANONICAL,
        "Marta Quiroga",
        "The Harbour Gazette",
    )
    assert (article.date, article.language, article.source) == ("2025-07-18", "en", url)
    assert article.fetched and article.fetched.endswith("+00:00")
    assert progress == [f"fetching {url} …", f"fetched {url}: {len(article.text)} characters"]
    # Kept in the data folder, keyed by the canonical URL, with the fetch time.
    (kept,) = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in snapshots_dir().glob("*.json")
        if "text" in json.loads(p.read_text(encoding="utf-8"))
    ]
    assert kept["url"] == CANONICAL and kept["fetched"] == article.fetched
    assert kept["text"] == article.text


def test_html_files_open_beside_text_files_and_folders(tmp_path):
    folder = tmp_path / "reports"
    (folder / "italian").mkdir(parents=True)
    shutil.copy(WEB / "story.html", folder / "gazette.html")
    shutil.copy(WEB / "storia.html", folder / "italian" / "cronache.htm")
    (folder / "notes.txt").write_text("Notes on the story\n\nThe scene took a week.\n")
    corpus = load_corpus([folder])
    by_id = {a.id: a for a in corpus.articles}
    assert sorted(by_id) == ["cronache", "gazette", "notes"]
    gazette, cronache = by_id["gazette"], by_id["cronache"]
    assert gazette.url == CANONICAL and gazette.outlet == "The Harbour Gazette"
    assert gazette.source == str(folder / "gazette.html")
    assert cronache.language == "it" and cronache.author == "Luca Bianchi"
    assert cronache.outlet == "Cronache del Porto" and cronache.date == "2025-07-19"
    assert "Tutti i diritti" not in cronache.text and "Abbonati" not in cronache.text


def _tag_sentence(url_or_path: str, needle: str) -> str:
    corpus = load_corpus([url_or_path])
    article = corpus.articles[0]
    start = article.text.index(needle)
    with open_store() as store:
        annotation = store.add(article, start, start + len(needle), tag="confirmed")
    return annotation.id


def _anchored(paths: list[str], **kwargs) -> tuple[list[str], list[str]]:
    corpus = load_corpus(paths, **kwargs)
    with open_store() as store:
        editor = ClaimEditor.load(store, corpus)
        index = editor.index(corpus.articles[0])
        return [c.id for c in index.claims()], list(index.orphans)


def test_snapshot_reopens_the_url_offline_with_its_claims_anchored(site):
    url = site.page("/story", story_html())
    claim = _tag_sentence(url, "Sarandos said")
    site.stop()
    corpus = load_corpus([url])  # the server is gone: the snapshot is read
    assert corpus.notices == [] and "ten times faster" in corpus.articles[0].text
    assert _anchored([url]) == ([claim], [])


def test_refresh_fetches_again_and_changed_text_leaves_orphans(site):
    url = site.page("/story", story_html())
    kept = _tag_sentence(url, "ten times faster")
    lost = _tag_sentence(url, "unions in the industry have warned")
    changed = story_html().replace(
        "although unions in the industry have warned that such tools could replace the work "
        "of artists",
        "and the unions were not consulted",
    )
    site.page("/story", changed)
    assert _anchored([url]) == ([kept, lost], [])  # the snapshot still: nothing changed
    assert site.hits["/story"] == 1
    claims, orphans = _anchored([url], refresh=True)
    assert site.hits["/story"] == 2
    assert claims == [kept] and orphans == [lost]
    assert "the unions were not consulted" in load_corpus([url]).articles[0].text


def test_refresh_from_the_command_line_says_what_it_fetches(site):
    url = site.page("/story", story_html())
    load_corpus([url])
    result = run_cli("--refresh", url)  # not a terminal: fetches, then says it needs one
    assert f"eternaut-reader: fetching {url} …" in result.stderr
    assert site.hits["/story"] == 2


def _broken(site: Site, kind: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """A URL that fails in the given way, and words its one-line message must hold."""
    monkeypatch.setattr(web, "RETRY_PAUSE", 0.0)
    if kind == "refused":
        return refused_url(), "connection refused"
    if kind == "404":
        return site.url("/missing"), "404"
    if kind == "not html":
        return site.page("/report.pdf", b"%PDF-1.7 ...", "application/pdf"), "not a web page"
    if kind == "too big":
        monkeypatch.setattr(web, "MAX_BYTES", 20_000)
        return site.page("/huge", "<html><body>" + "<p>words</p>" * 5000), "too big"
    monkeypatch.setattr(web, "TIMEOUT", 0.3)
    site.pages["/slow"] = (0, "text/html", b"1.5")
    return site.url("/slow"), "no answer within 0.3 seconds"


@pytest.mark.parametrize("kind", ["refused", "404", "not html", "too big", "timeout"])
def test_each_fetch_failure_is_one_line_naming_the_url_and_the_rest_opens(site, kind, monkeypatch):
    bad, words = _broken(site, kind, monkeypatch)
    good = site.page("/story", story_html())
    corpus = load_corpus([bad, good])
    assert [a.url for a in corpus.articles] == [CANONICAL]
    (notice,) = corpus.notices
    assert notice.startswith(f"{bad}: ") and words in notice and "\n" not in notice


def test_a_server_error_is_tried_once_more(site, monkeypatch):
    monkeypatch.setattr(web, "RETRY_PAUSE", 0.0)
    site.pages["/busy"] = (503, "text/html", b"busy")
    with pytest.raises(web.FetchError, match="503"):
        web.fetch(site.url("/busy"))
    assert site.hits["/busy"] == 2
    site.pages["/missing"] = (404, "text/html", b"no")
    with pytest.raises(web.FetchError, match="404"):
        web.fetch(site.url("/missing"))
    assert site.hits["/missing"] == 1  # a 404 will not change on a second try


def test_only_failing_urls_is_one_line_on_the_command_line(site):
    bad = site.url("/missing")
    result = run_cli("where", bad)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("eternaut-reader: no articles to open: ") and bad in last
    assert "404" in last


def test_page_metadata_is_data_never_terminal_codes(site):
    hostile = (
        story_html()
        .replace("<title>Netflix turns", "<title>\x1b]0;pwned\x07Netflix turns")
        .replace('content="Netflix turns', 'content="\x1b[2JNetflix turns')
    )
    url = site.page("/hostile", hostile)
    result = run_cli("where", url)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "Netflix turns" in result.stdout


def test_refresh_while_the_page_cannot_be_fetched_keeps_the_snapshot(site, monkeypatch):
    monkeypatch.setattr(web, "RETRY_PAUSE", 0.0)
    url = site.page("/story", story_html())
    first = load_corpus([url]).articles[0]
    site.stop()
    corpus = load_corpus([url], refresh=True)
    assert corpus.articles[0].text == first.text
    (notice,) = corpus.notices
    assert notice.startswith(f"{url}: connection refused; showing the snapshot fetched 20")


def test_a_page_without_a_date_is_not_given_one_from_its_text():
    """A page with no date in its metadata took the first date its story named ("work will
    start on 3 March 2026") as its publication date, and "on Tuesday" was then read against
    it (an outside tester's false conflict)."""
    html = (
        "<html lang='en'><head><title>Wind farm near Ravenna</title></head><body><article>"
        "<h1>Wind farm near Ravenna</h1>"
        "<p>Construction of the Voltaria wind farm will start on 3 March 2026, the company "
        "said on Tuesday, after years of delays and a long fight with local fishermen.</p>"
        "<p>The farm will have 40 turbines and power half a million homes in the region, "
        "according to the plans filed with the ministry last year.</p>"
        "</article></body></html>"
    )
    page = extract(html)
    assert page.date is None
    assert "3 March 2026" in page.text
