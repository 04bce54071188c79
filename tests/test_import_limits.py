"""`import` is bounded: field sizes, the number of annotations, the file's size, the offsets;
and nothing it prints can drive the terminal, while what it stores stays exactly as given."""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from pathlib import Path
from typing import Any

import pytest

from eternaut_reader import open_store
from eternaut_reader.cli import main
from eternaut_reader.core.formats import importer
from eternaut_reader.core.formats.importer import ImportFileError, read_file
from eternaut_reader.core.storage.store import beside_id
from tests.helpers.claims import seeds, tag_claims

RECORD: dict[str, Any] = {
    "id": "r1",
    "article_id": "elsewhere",  # not in the bundled corpus: only intrinsic checks apply
    "quote": "q",
    "start": 0,
    "end": 1,
    "tag": "confirmed",
}
# What a terminal must never receive from data: ESC, BEL, C1 controls, bidi overrides.
FORBIDDEN = re.compile("[\x1b\x07\x80-\x9f\u202a-\u202e\u2066-\u2069]")
NASTY = "\x1b]0;PWNED\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\x07\x9b\u202e"


@pytest.fixture(scope="module")
def corpus():
    return seeds()


@pytest.fixture
def db(tmp_path: Path, corpus) -> Path:
    path = tmp_path / "alice.json"
    tag_claims(path, corpus, "alice")
    return path


def record(**changes: Any) -> dict[str, Any]:
    return {**RECORD, **changes}


def write_jsonl(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_json(path: Path, *records: dict[str, Any]) -> Path:
    doc = {"format": "eternaut-reader", "version": 1, "annotations": list(records)}
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


def run_import(capsys, db: Path, *args: Path | str) -> tuple[int, str, str]:
    code = main(["import", "--db", str(db), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, db: Path, *args: Path | str) -> str:
    """Import, expect the one-line refusal, and that the database did not change at all."""
    before = db.read_bytes() if db.exists() else None
    code, out, err = run_import(capsys, db, *args)
    assert code == 1, (out, err)
    assert out == ""
    assert len(err.splitlines()) == 1 and err.endswith("\n")
    assert (db.read_bytes() if db.exists() else None) == before
    assert not list(db.parent.glob("*.bak"))
    return err.removesuffix("\n")


def stored(db: Path):
    with open_store(db) as store:
        return {a.id: a for a in store.annotations()}


# ---- one field too long ---------------------------------------------------------------------


def test_a_note_over_the_limit_names_the_file_the_line_and_the_id(
    tmp_path, db, capsys, monkeypatch
):
    monkeypatch.setattr(importer, "MAX_TEXT_CHARS", 10)
    bad = write_jsonl(
        tmp_path / "notes.jsonl", record(note="short"), record(id="n2", note="x" * 11)
    )
    message = f"eternaut-reader: {bad}: line 2 (id n2): note is 11 characters, over the limit of 10"
    assert refused(capsys, db, bad) == message
    fresh = tmp_path / "fresh" / "db.json"
    assert refused(capsys, fresh, bad) == message
    assert not fresh.exists()  # no database is made for a refused import


def test_the_default_limit_on_a_note_is_enforced(tmp_path, db, capsys):
    limit = importer.MAX_TEXT_CHARS
    assert limit == 1_048_576
    big = record(id="4f3a", note="n" * (limit + 1))
    lines = write_jsonl(tmp_path / "big.jsonl", record(id="small"), big)
    for bad in (lines, write_json(tmp_path / "big.json", record(id="small"), big)):
        where = "line 2" if bad.suffix == ".jsonl" else "annotation 2"
        err = refused(capsys, db, bad)
        assert err == (
            f"eternaut-reader: {bad}: {where} (id 4f3a): note is 1,048,577 characters, "
            "over the limit of 1,048,576"
        )
    # At the limit it is fine, and kept whole.
    fine = write_jsonl(tmp_path / "fine.jsonl", record(id="at-limit", note="n" * limit))
    code, _, err = run_import(capsys, db, fine)
    assert (code, err) == (0, "")
    assert len(stored(db)["at-limit"].note) == limit


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("quote", "q" * 1_048_577, "quote is 1,048,577 characters, over the limit of 1,048,576"),
        ("prefix", "p" * 1025, "prefix is 1,025 characters, over the limit of 1,024"),
        ("annotator", "a" * 201, "annotator is 201 characters, over the limit of 200"),
        ("article_id", "x" * 2049, "article id is 2,049 characters, over the limit of 2,048"),
    ],
)
def test_each_field_has_a_limit(tmp_path, db, capsys, field, value, message):
    changes: dict[str, Any] = {field: value}
    if field == "quote":
        changes["end"] = len(value)
    bad = write_json(tmp_path / "bad.json", record(**changes))
    assert refused(capsys, db, bad) == f"eternaut-reader: {bad}: annotation 1 (id r1): {message}"


def test_a_long_id_is_shortened_in_the_message(tmp_path, db, capsys):
    ident = "i" * 300
    bad = write_jsonl(tmp_path / "ids.jsonl", record(id=ident))
    shown = "i" * 79 + "…"
    assert refused(capsys, db, bad) == (
        f"eternaut-reader: {bad}: line 1 (id {shown}): id is 300 characters, over the limit of 200"
    )


def test_too_many_links(tmp_path, db, capsys):
    links = [{"target": f"t{i}", "relation": "supports"} for i in range(1001)]
    bad = write_json(tmp_path / "links.json", record(links=links))
    assert refused(capsys, db, bad) == (
        f"eternaut-reader: {bad}: annotation 1 (id r1): 1,001 links, over the limit of 1,000"
    )


def test_a_w3c_note_made_of_many_bodies_is_measured_whole(tmp_path, db, capsys, monkeypatch):
    monkeypatch.setattr(importer, "MAX_TEXT_CHARS", 10)
    annotation = {
        "type": "Annotation",
        "id": "urn:x:1",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "confirmed"},
            {"type": "TextualBody", "value": "abcd"},
            {"type": "TextualBody", "value": "efgh"},
        ],
        "target": {"source": "urn:a", "selector": {"type": "TextQuoteSelector", "exact": "q"}},
    }
    bad = tmp_path / "w3c.jsonld"
    bad.write_text(json.dumps(annotation, indent=2), encoding="utf-8")
    monkeypatch.setattr(importer, "MAX_TEXT_CHARS", 9)
    assert refused(capsys, db, bad) == (
        f"eternaut-reader: {bad}: annotation 1 (id urn:x:1): note is 10 characters, "
        "over the limit of 9"
    )
    # "abcd", a blank line and "efgh" are 10 characters: at a limit of 10 it imports.
    monkeypatch.setattr(importer, "MAX_TEXT_CHARS", 10)
    code, _, err = run_import(capsys, db, bad)
    assert (code, err) == (0, "")
    assert stored(db)["urn:x:1"].note == "abcd\n\nefgh"


# ---- too many annotations, too big a file -----------------------------------------------------


def test_too_many_annotations_counts_every_file_of_the_import(tmp_path, db, capsys):
    first = write_jsonl(tmp_path / "a.jsonl", record(id="a1"), record(id="a2"))
    second = write_json(tmp_path / "b.json", record(id="b1"), record(id="b2"))
    err = refused(capsys, db, "--max-annotations", "3", first, second)
    assert err == (
        f"eternaut-reader: {second}: annotation 2 (id b2): more than 3 annotations in one "
        "import (--max-annotations)"
    )
    code, out, _ = run_import(capsys, db, "--max-annotations", "4", first, second)
    assert code == 0 and "4 added" in out


def test_the_default_number_of_annotations_is_stated(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "--max-annotations N" in out and "1,000,000" in out
    assert "--max-file-size MB" in out and "512" in out


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, db, capsys):
    bad = tmp_path / "big.json"
    bad.write_bytes(b"[" + b" " * (1024 * 1024) + b"]")  # 1 MB and 2 bytes of valid JSON
    assert refused(capsys, db, "--max-file-size", "1", bad) == (
        f"eternaut-reader: {bad}: the file is 1,048,578 bytes, over the limit of 1,048,576 "
        "bytes (1 MB; --max-file-size)"
    )
    # The default, 512 MB: a sparse file takes no room on disk and is never read.
    huge = tmp_path / "huge.jsonl"
    with huge.open("wb") as f:
        f.truncate(512 * 1024 * 1024 + 1)
    assert refused(capsys, db, huge) == (
        f"eternaut-reader: {huge}: the file is 536,870,913 bytes, over the limit of "
        "536,870,912 bytes (512 MB; --max-file-size)"
    )


def test_a_record_of_too_many_values_is_refused(tmp_path, db, capsys):
    # 100,001 empty arrays: 300 KB of JSON that would be 6 MB of Python lists, and far more
    # at the size of a real file, so a record holds at most MAX_RECORD_VALUES values.
    bad = tmp_path / "junk.json"
    junk = "[" + ",".join(["[]"] * 100_001) + "]"
    bad.write_text('[{"id": "j", "junk": ' + junk + "}]", encoding="utf-8")
    assert refused(capsys, db, bad) == (
        f"eternaut-reader: {bad}: annotation 1: more than 100,000 JSON values in one annotation"
    )


def test_json_nested_too_deeply_is_refused(tmp_path, db, capsys):
    bad = tmp_path / "deep.json"
    bad.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    assert refused(capsys, db, bad) == (
        f"eternaut-reader: {bad}: not an annotation file (JSON nested too deeply)"
    )


# ---- offsets ----------------------------------------------------------------------------------


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text("Ten times faster, they said.\n", encoding="utf-8")
    return folder


def test_an_end_beyond_the_article_is_refused(tmp_path, db, capsys, articles):
    text = (articles / "story.txt").read_text(encoding="utf-8")
    inside = record(id="in", article_id="story", quote="faster", start=10, end=16)
    assert text[10:16] == "faster"
    beyond = record(id="out", article_id="story", quote="faster", start=100, end=106)
    bad = write_jsonl(tmp_path / "offsets.jsonl", inside, beyond)
    err = refused(capsys, db, "--articles", articles, bad)
    assert err == (
        f"eternaut-reader: {bad}: line 2 (id out): end 106 is beyond the end of article "
        "story (29 characters)"
    )
    # Only the articles given are known: without them the same file imports.
    code, out, err = run_import(capsys, db, bad)
    assert (code, err) == (0, "") and "2 added" in out


def test_an_end_beyond_a_bundled_article_is_refused_by_default(tmp_path, db, capsys, corpus):
    article = corpus.articles[0]
    n = len(article.text)
    beyond = record(id="far", article_id=article.id, quote="x", start=n, end=n + 1)
    bad = write_json(tmp_path / "far.json", beyond)
    assert refused(capsys, db, bad) == (
        f"eternaut-reader: {bad}: annotation 1 (id far): end {n + 1:,} is beyond the end of "
        f"article {article.id} ({n:,} characters)"
    )


def test_offsets_made_on_another_text_of_the_article_are_left_to_anchoring(
    tmp_path, db, capsys, articles
):
    # The record's content hash names a longer, earlier text of the story: its offsets are
    # of that text, and the reader finds the quote again (or keeps it as an orphan).
    earlier = record(
        id="old",
        article_id="story",
        quote="faster",
        start=200,
        end=206,
        content_hash="sha256:" + "0" * 64,
    )
    path = write_jsonl(tmp_path / "earlier.jsonl", earlier)
    code, out, err = run_import(capsys, db, "--articles", articles, path)
    assert (code, err) == (0, "") and "1 added" in out
    assert stored(db)["old"].start == 200


@pytest.mark.parametrize(
    ("span", "message"),
    [
        ((0, 5), "start 0 and end 5 span 5 characters, but the quote has 1"),
        ((3, 3), "start 3 and end 3 are not a span (0 <= start < end)"),
        ((-1, 0), "start -1 and end 0 are not a span (0 <= start < end)"),
        ((2**31, 2**31 + 1), "end 2,147,483,649 is over the limit of 2,147,483,647"),
    ],
)
def test_a_span_must_fit_its_quote(tmp_path, db, capsys, span, message):
    start, end = span
    bad = write_jsonl(tmp_path / "span.jsonl", record(id="s", start=start, end=end))
    assert refused(capsys, db, bad) == f"eternaut-reader: {bad}: line 1 (id s): {message}"


def test_a_w3c_position_selector_must_fit_its_quote(tmp_path, db, capsys):
    annotation = {
        "type": "Annotation",
        "id": "urn:x:2",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "speculative"},
        "target": {
            "source": "urn:a",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "ten times"},
                {"type": "TextPositionSelector", "start": 4, "end": 20},
            ],
        },
    }
    bad = tmp_path / "w3c.jsonld"
    bad.write_text(json.dumps({"type": "AnnotationPage", "items": [annotation]}), "utf-8")
    assert refused(capsys, db, bad) == (
        f"eternaut-reader: {bad}: annotation 1 (id urn:x:2): start 4 and end 20 span 16 "
        "characters, but the quote has 9"
    )


# ---- streaming reads what the whole document said ---------------------------------------------


def test_the_document_s_own_errors_come_before_its_records(tmp_path, db, capsys):
    # The annotations come first in the file, and one is bad; the version said later wins.
    bad = tmp_path / "newer.json"
    doc = '{"annotations": [{"id": "x"}], "version": 99, "format": "eternaut-reader"}'
    bad.write_text(doc, encoding="utf-8")
    assert refused(capsys, db, bad) == (
        f"eternaut-reader: {bad}: written by a newer eternaut-reader (format version 99)"
    )


def test_a_note_with_line_separators_survives_json_lines(tmp_path, db, capsys):
    # U+2028, U+2029 and U+0085 are allowed raw inside JSON strings; a JSON Lines line ends
    # only at a newline.
    note = "one\u2028two\u2029three\x85four"
    path = tmp_path / "seps.jsonl"
    line = json.dumps(record(id="seps", note=note), ensure_ascii=False)
    path.write_text(line + "\n" + json.dumps(record(id="two")) + "\n", encoding="utf-8")
    code, _, err = run_import(capsys, db, path)
    assert (code, err) == (0, "")
    assert stored(db)["seps"].note == note


def test_a_single_line_document_and_a_compact_collection_are_read(tmp_path, corpus, db, capsys):
    from eternaut_reader.core.formats import export

    with open_store(db) as store:
        expected = {a.id: a for a in store.annotations()}
        export(store, corpus, "w3c", tmp_path / "full.jsonld")
    compact = tmp_path / "compact.jsonld"
    doc = json.loads((tmp_path / "full.jsonld").read_text(encoding="utf-8"))
    compact.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")  # one line
    copy = tmp_path / "copy.json"
    code, out, err = run_import(capsys, copy, compact)
    assert (code, err) == (0, "") and f"{compact}: 6 annotations (w3c)" in out
    assert stored(copy) == expected


def test_read_file_takes_limits_and_articles(tmp_path, articles):
    from eternaut_reader.core.text.corpus import load_corpus

    path = write_jsonl(tmp_path / "a.jsonl", record(), record(id="r2"))
    with pytest.raises(ImportFileError) as caught:
        read_file(path, limits=importer.Limits.default(annotations=1))
    assert str(caught.value) == (
        f"{path}: line 2 (id r2): more than 1 annotations in one import (--max-annotations)"
    )
    beyond = write_jsonl(
        tmp_path / "b.jsonl", record(article_id="story", quote="q", start=40, end=41)
    )
    with pytest.raises(ImportFileError, match="beyond the end of article story"):
        read_file(beyond, articles=load_corpus([articles]).articles)


# ---- nothing reaches the terminal ---------------------------------------------------------------


def nasty(label: str) -> str:
    return f"{label}{NASTY}end"


def assert_safe(*outputs: str) -> None:
    for text in outputs:
        assert not FORBIDDEN.search(text), repr(text)


def test_a_refused_import_prints_nothing_a_terminal_acts_on(tmp_path, db, capsys):
    bad = write_jsonl(tmp_path / f"evil{NASTY}.jsonl", record(id=nasty("id"), tag="maybe"))
    err = refused(capsys, db, bad)
    assert_safe(err)
    assert "id␛]0;PWNED␇" in err  # shown, not executed: the reader can still see what it was
    assert "tag 'maybe' is not one of" in err


def test_a_successful_import_prints_nothing_a_terminal_acts_on_and_keeps_the_data(
    tmp_path, db, capsys
):
    ours = write_jsonl(tmp_path / "ours.jsonl", record(id=nasty("id"), annotator="alice"))
    code, out, err = run_import(capsys, db, ours)
    assert code == 0
    assert_safe(out, err)
    # Another annotator sends an annotation with the same id: the "is another annotator's"
    # line quotes both ids.
    theirs = record(id=nasty("id"), annotator=nasty("bob"), note=nasty("note"), tag="contradicted")
    path = write_jsonl(tmp_path / f"theirs{NASTY}.jsonl", theirs)
    code, out, err = run_import(capsys, db, path)
    assert code == 0 and err == ""
    assert_safe(out, err)
    assert "is another annotator's: stored as" in out
    assert "theirs␛]0;PWNED␇" in out  # the file name, shown visibly
    # What was stored is exactly what the files said: nothing was sanitised away.
    kept = stored(db)
    assert kept[nasty("id")].annotator == "alice"
    beside = kept[beside_id(nasty("id"), nasty("bob"))]
    assert (beside.annotator, beside.note) == (nasty("bob"), nasty("note"))


def test_the_round_trip_keeps_control_characters_exactly(tmp_path, corpus, capsys):
    from eternaut_reader.core.formats import export

    path = write_json(
        tmp_path / "in.json",
        record(id=nasty("id"), annotator=nasty("ann"), note=nasty("note"), quote="q"),
    )
    first = tmp_path / "first.json"
    code, out, err = run_import(capsys, first, path)
    assert code == 0
    assert_safe(out, err)
    with open_store(first) as store:
        export(store, corpus, "jsonl", tmp_path / "out.jsonl")
    second = tmp_path / "second.json"
    code, out, err = run_import(capsys, second, tmp_path / "out.jsonl")
    assert code == 0
    assert_safe(out, err)
    assert stored(second) == stored(first)
    (ann,) = stored(second).values()
    assert (ann.id, ann.annotator, ann.note) == (nasty("id"), nasty("ann"), nasty("note"))


# ---- a pipe -------------------------------------------------------------------------------------


def _fifo(path: Path, data: bytes) -> threading.Thread:
    os.mkfifo(path)

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError), path.open("wb") as f:
            f.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    return writer


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_is_read_and_bounded_too(tmp_path, db, capsys):
    big = tmp_path / "big.jsonl"
    writer = _fifo(big, b" " * (3 * 1024 * 1024))
    assert refused(capsys, db, "--max-file-size", "1", big) == (
        f"eternaut-reader: {big}: more than 1,048,576 bytes, the limit (1 MB; --max-file-size)"
    )
    writer.join(5)
    lines = (json.dumps(record(id="p1")) + "\n" + json.dumps(record(id="p2")) + "\n").encode()
    pipe = tmp_path / "in.jsonl"
    writer = _fifo(pipe, lines)
    code, out, err = run_import(capsys, db, pipe)
    writer.join(5)
    assert (code, err) == (0, "") and f"{pipe}: 2 annotations (jsonl)" in out
    assert {"p1", "p2"} <= set(stored(db))


def test_a_number_of_thousands_of_digits_is_an_error_not_a_crash(tmp_path, db, capsys):
    digits = "1" * 5000
    doc = tmp_path / "digits.json"
    doc.write_text(f'[{{"id": "d", "start": {digits}}}]', encoding="utf-8")
    lines = tmp_path / "digits.jsonl"
    lines.write_text(json.dumps(record()) + "\n" + f'{{"start": {digits}}}\n', encoding="utf-8")
    for bad in (doc, lines):
        err = refused(capsys, db, bad)
        assert err.startswith(f"eternaut-reader: {bad}: ")
        assert "Traceback" not in err
        assert "not JSON (a number of more than 4,300 digits)" in err
    assert "line 2: not JSON (" in err


def test_a_w3c_collection_of_several_embedded_pages_is_read_in_order(tmp_path, db, capsys):
    def annotation(n: int) -> dict[str, Any]:
        return {
            "type": "Annotation",
            "id": f"urn:x:{n}",
            "body": {"type": "TextualBody", "purpose": "tagging", "value": "confirmed"},
            "target": {"source": "urn:a", "selector": {"type": "TextQuoteSelector", "exact": "q"}},
        }

    # "next" before "items" in the first page: the pages' order is what counts.
    second = {"type": "AnnotationPage", "items": [annotation(3)]}
    first = {"type": "AnnotationPage", "next": second, "items": [annotation(1), annotation(2)]}
    path = tmp_path / "pages.jsonld"
    collection = {"type": "AnnotationCollection", "first": first}
    path.write_text(json.dumps(collection, indent=2), encoding="utf-8")
    parsed = read_file(path)
    assert parsed.format == "w3c"
    assert [a.id for a in parsed.annotations] == ["urn:x:1", "urn:x:2", "urn:x:3"]
    first["next"] = "https://example.org/page2"  # not embedded
    path.write_text(json.dumps(collection, indent=2), encoding="utf-8")
    assert refused(capsys, db, path) == (
        f"eternaut-reader: {path}: the collection's pages are not embedded (only embedded "
        "pages are read)"
    )


def test_articles_that_cannot_be_read_stop_the_import_and_missing_seeds_do_not(
    tmp_path, db, capsys, monkeypatch
):
    path = write_jsonl(tmp_path / "a.jsonl", record(id="a1"), record(id="a2"))
    missing = tmp_path / "no-such-folder"
    assert refused(capsys, db, "--articles", missing, path) == (
        f"eternaut-reader: {missing}: no such file or directory"
    )
    monkeypatch.setattr("eternaut_reader.core.text.corpus.seeds_dir", lambda: tmp_path / "gone")
    code, out, err = run_import(capsys, db, path)
    assert code == 0 and "2 added" in out
    assert err.startswith("eternaut-reader: offsets not checked against the bundled articles: ")
