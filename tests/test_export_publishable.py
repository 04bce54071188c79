"""Publishable exports (issue 12) besides ClaimReview: the W3C target is the page's URL, CSV
rows join back by id and can carry a byte-order mark for Excel, Markdown titles link to their
pages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from eternaut_reader import load_corpus, open_store
from eternaut_reader.cli import main
from eternaut_reader.core.formats import ExportError, export
from eternaut_reader.core.formats.base import web_uri
from eternaut_reader.core.formats.importer import read_file
from eternaut_reader.core.formats.markdown import link_destination
from eternaut_reader.core.text.corpus import Article
from tests.helpers.claims import seeds, tag_claims
from tests.test_w3c import MUSTS, _failures, _is_uri

URL = "https://news.example.org/2025/07/netflix-ai?ref=rss&page=2"
TEXT = (
    "Netflix used generative AI for the first time in a series. "
    "The building collapse in El Eternauta was finished ten times faster."
)


def _web_article(url: str | None = URL, **changes: Any) -> Article:
    fields: dict[str, Any] = {
        "id": "news-example-org-netflix-ai",
        "title": "Netflix uses generative AI on screen",
        "language": "en",
        "text": TEXT,
        "outlet": "Example News",
        "date": "2025-07-18",
        "url": url,
        "author": "Jane Roe",
    }
    return Article(**{**fields, **changes})


def _claim(tmp_path: Path, article: Article, tag: str | None = "confirmed"):
    phrase = "finished ten times faster"
    start = article.text.index(phrase)
    with open_store(tmp_path / "db.json", "alice") as store:
        return store.add(article, start, start + len(phrase), tag, "Four times, says the studio.")


def _w3c(tmp_path: Path, articles: list[Article]) -> list[dict[str, Any]]:
    out = tmp_path / "a.jsonld"
    with open_store(tmp_path / "db.json") as store:
        export(store, articles, "w3c", out)
    return json.loads(out.read_text(encoding="utf-8"))["first"]["items"]


# ---- W3C: the target's source is the page ---------------------------------------------------


def test_w3c_source_is_the_article_url_and_every_must_assertion_passes(tmp_path):
    article = _web_article()
    ann = _claim(tmp_path, article)
    _claim(tmp_path, article, None)  # an open claim too (highlighting)
    items = _w3c(tmp_path, [article])
    assert len(MUSTS) == 54
    for annotation in items:
        target = annotation["target"]
        assert target["source"] == URL
        assert target["eternaut:articleId"] == article.id  # ours, beside the page's
        assert target["eternaut:articleTitle"] == article.title
        assert _is_uri(target["source"])
        assert _failures(annotation) == {}, annotation["id"]
    assert {a["id"] for a in items} >= {f"urn:uuid:{ann.id}"}


def test_w3c_source_without_a_url_is_still_our_urn(tmp_path):
    article = _web_article(url=None)
    _claim(tmp_path, article)
    (annotation,) = _w3c(tmp_path, [article])
    assert annotation["target"]["source"] == f"urn:eternaut-reader:article:{article.id}"
    assert "eternaut:articleId" not in annotation["target"]
    assert _failures(annotation) == {}


@pytest.mark.parametrize(
    ("url", "source"),
    [
        # An internationalised address is written as a URI: IDNA host, UTF-8 escapes.
        (
            "https://notizie.esempio.it/perché-l’IA",
            "https://notizie.esempio.it/perch%C3%A9-l%E2%80%99IA",
        ),
        ("https://例え.jp/記事", "https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B"),
        ("https://example.org/a b/<x>", "https://example.org/a%20b/%3Cx%3E"),
        ("https://example.org/100%", "https://example.org/100%25"),
        ("https://example.org/%7Euser", "https://example.org/%7Euser"),  # kept as it was
    ],
)
def test_w3c_source_is_always_a_valid_uri(tmp_path, url, source):
    article = _web_article(url=url)
    _claim(tmp_path, article)
    (annotation,) = _w3c(tmp_path, [article])
    assert annotation["target"]["source"] == source
    assert _failures(annotation) == {}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "not a url", ""])
def test_w3c_a_url_that_is_not_a_web_page_is_not_the_source(tmp_path, url):
    article = _web_article(url=url)
    _claim(tmp_path, article)
    (annotation,) = _w3c(tmp_path, [article])
    assert annotation["target"]["source"] == f"urn:eternaut-reader:article:{article.id}"


def test_w3c_with_the_page_url_reads_back_into_the_same_annotation(tmp_path, capsys):
    article = _web_article()
    ann = _claim(tmp_path, article)
    out = tmp_path / "a.jsonld"
    with open_store(tmp_path / "db.json") as store:
        export(store, [article], "w3c", out)
    (read,) = read_file(out).annotations
    assert read == ann  # the article id is ours, not the URL
    copy = tmp_path / "copy.json"
    assert main(["import", "--db", str(copy), str(out)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert main(["import", "--db", str(copy), str(out)]) == 0
    assert "0 added" in capsys.readouterr().out  # the second time adds nothing
    with open_store(copy) as store:
        assert store.annotations() == [ann]


def test_web_uri():
    assert web_uri("HTTPS://Example.ORG:8443/a?b=c#d") == "https://example.org:8443/a?b=c#d"
    assert web_uri("http://[::1]:8080/a b") == "http://[::1]:8080/a%20b"
    assert web_uri("mailto:someone@example.org") is None
    assert web_uri("https://") is None


# ---- CSV: id and article id, and a byte-order mark on request -------------------------------


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_rows_join_back_by_id_and_article_id(tmp_path):
    corpus = seeds()
    claims = tag_claims(tmp_path / "db.json", corpus)
    out = tmp_path / "c.csv"
    with open_store(tmp_path / "db.json") as store:
        export(store, corpus, "csv", out)
        stored = {a.id: a for a in store.annotations()}
    rows = _csv_rows(out.read_bytes())
    assert sorted(r["id"] for r in rows) == sorted(stored)
    for row in rows:
        ann = stored[row["id"]]
        assert row["article id"] == ann.article_id
        assert (row["quote"], row["start"], row["end"]) == (ann.quote, str(ann.start), str(ann.end))
    assert {r["article id"] for r in rows} >= {claims["unknown"].article_id, corpus.articles[1].id}


def test_csv_has_no_byte_order_mark_unless_asked(tmp_path):
    corpus = seeds()
    tag_claims(tmp_path / "db.json", corpus)
    with open_store(tmp_path / "db.json") as store:
        export(store, corpus, "csv", tmp_path / "plain.csv")
        export(store, corpus, "csv", tmp_path / "excel.csv", bom=True)
    plain = (tmp_path / "plain.csv").read_bytes()
    excel = (tmp_path / "excel.csv").read_bytes()
    assert plain.startswith(b"id,article id,")
    assert excel == b"\xef\xbb\xbf" + plain
    rows = _csv_rows(excel)
    assert list(rows[0])[:2] == ["id", "article id"]  # no BOM left in the first header


def test_a_byte_order_mark_is_for_csv_only(tmp_path):
    with (
        open_store(tmp_path / "db.json") as store,
        pytest.raises(ExportError, match="byte-order mark is for csv"),
    ):
        export(store, [], "json", tmp_path / "c.json", bom=True)
    assert not (tmp_path / "c.json").exists()


def test_export_bom_on_the_command_line(tmp_path, capsys):
    db = tmp_path / "db.json"
    tag_claims(db, seeds())
    out = tmp_path / "excel.csv"
    assert main(["export", "--db", str(db), "--bom", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,article id,")
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--bom", "-o", str(tmp_path / "c.json")]) == 1
    err = capsys.readouterr().err
    assert "--bom is for csv (Excel); json is written without a byte-order mark" in err
    assert not (tmp_path / "c.json").exists()


def test_export_bom_to_stdout(tmp_path):
    import os
    import subprocess
    import sys

    db = tmp_path / "db.json"
    tag_claims(db, seeds())
    done = subprocess.run(
        [sys.executable, "-m", "eternaut_reader", "export", "-f", "csv", "--bom"],
        capture_output=True,
        timeout=60,
        env={**os.environ, "ETERNAUT_READER_DB": str(db)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbfid,article id,")


async def test_the_export_dialog_writes_a_byte_order_mark_when_ticked(tmp_path, monkeypatch):
    from eternaut_reader.ui.app import ReaderApp
    from eternaut_reader.ui.screens.export import ExportScreen
    from tests.screen import settle
    from tests.test_ui_export import wait_closed

    monkeypatch.chdir(tmp_path)
    app = ReaderApp(load_corpus())
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        bom = dialog.query_one("#export-bom")
        assert bom.value is False and not bom.disabled  # csv: offered, off by default
        assert bom.display
        assert "BOM" in app.export_screenshot()
        for never in ("json", "report-html"):  # never take one: not shown at all
            dialog.query_one("#export-format").value = never
            await pilot.pause()
            assert bom.disabled and not bom.display
            assert "BOM" not in app.export_screenshot()
        dialog.query_one("#export-format").value = "csv"
        await pilot.pause()
        assert not bom.disabled and bom.display
        bom.value = True
        await pilot.press("ctrl+s")
        await wait_closed(app, pilot)
    assert (tmp_path / "claims.csv").read_bytes().startswith(b"\xef\xbb\xbfid,article id,")


# ---- Markdown: titles link to their pages ---------------------------------------------------


def _markdown(tmp_path: Path, article: Article) -> str:
    _claim(tmp_path, article)
    out = tmp_path / "r.md"
    with open_store(tmp_path / "db.json") as store:
        export(store, [article], "md", out)
    return out.read_text(encoding="utf-8")


def _heading_links(text: str) -> list[tuple[str, str]]:
    """(href, link text) of every link inside a heading, as a CommonMark renderer reads them."""
    tokens = MarkdownIt("commonmark").parse(text)
    found = []
    for n, tok in enumerate(tokens):
        if tok.type != "heading_open":
            continue
        children = tokens[n + 1].children or []
        for m, child in enumerate(children):
            if child.type == "link_open":
                label = "".join(c.content for c in children[m + 1 :] if c.type == "text")
                found.append((str(child.attrs["href"]), label))
    return found


def test_markdown_article_title_links_to_its_url(tmp_path):
    links = _heading_links(_markdown(tmp_path, _web_article()))
    assert links == [(URL, "Netflix uses generative AI on screen")]


def test_markdown_title_and_url_are_escaped(tmp_path):
    article = _web_article(
        url="https://example.org/wiki/Eternauta_(serie)?a=1&copy=2 x",
        title="The [Eternaut] *review* (part 1) <b>",
    )
    text = _markdown(tmp_path, article)
    ((href, label),) = _heading_links(text)
    # The renderer gives back the address (a space percent-encoded) and the title as text.
    assert href == "https://example.org/wiki/Eternauta_(serie)?a=1&copy=2%20x"
    assert label == "The [Eternaut] *review* (part 1) <b>"
    html = MarkdownIt("commonmark").render(text)
    assert "<b>" not in html and "<em>" not in html.split("<h3>")[0]


@pytest.mark.parametrize("url", [None, "javascript:alert(1)", "file:///etc/passwd", "ftp://x/y"])
def test_markdown_links_only_web_pages(tmp_path, url):
    text = _markdown(tmp_path, _web_article(url=url))
    assert _heading_links(text) == []
    assert "## Netflix uses generative AI on screen\n" in text


def test_markdown_orphans_heading_links_too(tmp_path):
    article = _web_article()
    with open_store(tmp_path / "db.json", "alice") as store:
        store.add(_web_article(text="Gone text that said something else."), 0, 9, "confirmed")
        out = tmp_path / "r.md"
        export(store, [article], "md", out)
    text = out.read_text(encoding="utf-8")
    assert "## Orphans" in text
    assert _heading_links(text) == [(URL, "Netflix uses generative AI on screen")]


def test_link_destination():
    assert link_destination("https://example.org/a(b)") == "https://example.org/a\\(b\\)"
    assert link_destination("https://example.org/?a=1&b=2") == "https://example.org/?a=1\\&b=2"
    assert link_destination("javascript:alert(1)") is None
