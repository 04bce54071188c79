"""The core corpus API: bundled seeds, user files, and files that are not articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eternaut_reader import CorpusError, load_corpus
from eternaut_reader.core.text.corpus import seeds_dir

SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_bundled_corpus_has_the_five_reports_one_italian():
    corpus = load_corpus()
    assert len(corpus.articles) == 5
    languages = [a.language for a in corpus.articles]
    assert languages.count("it") == 1 and languages.count("en") == 4
    assert len({a.id for a in corpus.articles}) == 5
    decrypt = [a for a in corpus.articles if a.outlet == "Decrypt"]
    assert decrypt and decrypt[0].date == "2025-07-28"
    assert all(a.title and a.text for a in corpus.articles)


def test_ids_are_stable_between_loads():
    assert [a.id for a in load_corpus().articles] == [a.id for a in load_corpus().articles]


def test_seeds_are_the_shared_texts_unchanged():
    manifest = json.loads((seeds_dir() / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["articles"]:
        ours = (seeds_dir() / entry["file"]).read_bytes()
        if SHARED.is_dir():
            assert ours == (SHARED / entry["file"]).read_bytes()
        assert set(entry) >= {"title", "outlet", "language", "date"}


def test_every_sentence_is_a_slice_of_the_text():
    for article in load_corpus().articles:
        assert article.sentences
        for sentence in article.sentences:
            assert sentence.text == article.text[sentence.start : sentence.end]
            assert sentence.text == sentence.text.strip()


def test_sentences_never_cross_paragraphs():
    for article in load_corpus().articles:
        for sentence in article.sentences:
            assert "\n" not in sentence.text


def _sentences(text: str, language: str = "en") -> list[str]:
    from eternaut_reader.core.text.segment import sentences

    return [s.text for s in sentences(text, language)]


def test_segmenter_keeps_abbreviations_numbers_and_quotes_together():
    text = (
        "Ted Sarandos, co-CEO of Netflix, spoke to U.S. investors on Thursday. "
        "Revenue reached $11 billion, up 15.9% on the year. "
        "The scene was finished 10x faster. "
        "\u201cIt\u2019s a chance to help creators,\u201d he said. "
        'He added: "Not just cheaper." Critics disagreed.'
    )
    assert _sentences(text) == [
        "Ted Sarandos, co-CEO of Netflix, spoke to U.S. investors on Thursday.",
        "Revenue reached $11 billion, up 15.9% on the year.",
        "The scene was finished 10x faster.",
        "\u201cIt\u2019s a chance to help creators,\u201d he said.",
        'He added: "Not just cheaper."',
        "Critics disagreed.",
    ]


def test_segmenter_handles_italian():
    text = (
        "A confermarlo è stato Ted Sarandos, co-CEO di Netflix. Il risultato? "
        "Una sequenza completa, dieci volte più velocemente. Il fatturato ha superato "
        "gli 11 miliardi di dollari, +16% rispetto all’anno precedente."
    )
    assert _sentences(text, "it") == [
        "A confermarlo è stato Ted Sarandos, co-CEO di Netflix.",
        "Il risultato?",
        "Una sequenza completa, dieci volte più velocemente.",
        "Il fatturato ha superato gli 11 miliardi di dollari, +16% rispetto all’anno precedente.",
    ]


def test_paragraphs_are_kept_for_news_and_hard_wrapped_text():
    from eternaut_reader.core.text.segment import paragraphs

    long_line = "A paragraph delivered on one long line, as news sites do, " * 3
    news = f"Headline\n{long_line}\nSubheading\n{long_line}"
    assert len(paragraphs(news)) == 4
    wrapped = "A short wrapped\nline of prose.\n\n- item one\n- item two\n\nLast one."
    got = [wrapped[p.start : p.end] for p in paragraphs(wrapped)]
    assert got == ["A short wrapped\nline of prose.", "- item one", "- item two", "Last one."]


def test_user_files_and_folders(write_articles):
    folder = write_articles(
        {
            "b-report.md": "# Second report\n\nText of the second report. It has two sentences.",
            "a-report.txt": "First report\n\n2025-07-20\n\nThe scene took a week.",
            "notes.csv": "not,an,article",
        }
    )
    corpus = load_corpus([folder])
    assert [a.id for a in corpus.articles] == ["a-report", "b-report"]
    first, second = corpus.articles
    assert first.title == "First report" and first.date == "2025-07-20"
    assert second.title == "Second report" and second.language == "en"
    assert [s.text for s in second.sentences][-1] == "It has two sentences."


def test_clashing_file_names_get_distinct_ids(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text("Same name, other text " + sub)
    ids = [a.id for a in load_corpus([tmp_path / "x", tmp_path / "y"]).articles]
    assert len(set(ids)) == 2 and all(i.startswith("report-") for i in ids)


def test_missing_path_is_a_one_line_error(tmp_path):
    with pytest.raises(CorpusError) as caught:
        load_corpus([tmp_path / "nowhere.txt"])
    assert "nowhere.txt" in str(caught.value) and "\n" not in str(caught.value)


def test_folder_without_articles_is_an_error(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    with pytest.raises(CorpusError, match=r"no \.txt or \.md"):
        load_corpus([tmp_path])


def test_empty_and_binary_files_are_skipped_with_a_notice(write_articles):
    folder = write_articles(
        {
            "empty.txt": "",
            "blob.txt": b"\x00\x01\x02binary\x00",
            "good.txt": "A real article. With text.",
        }
    )
    corpus = load_corpus([folder])
    assert [a.id for a in corpus.articles] == ["good"]
    assert any("empty.txt is empty" in n for n in corpus.notices)
    assert any("blob.txt looks like a binary file" in n for n in corpus.notices)


def test_only_unusable_files_is_an_error(write_articles):
    folder = write_articles({"empty.txt": "   \n"})
    with pytest.raises(CorpusError, match="empty"):
        load_corpus([folder / "empty.txt"])


def test_non_utf8_opens_with_a_notice(write_articles):
    folder = write_articles({"latin.txt": "Perché la città è così?\n".encode("cp1252")})
    corpus = load_corpus([folder])
    assert corpus.articles[0].text.startswith("Perché la città è così?")
    assert corpus.notices and "not valid UTF-8" in corpus.notices[0]


def test_bom_and_crlf_are_normalised(write_articles):
    folder = write_articles({"win.txt": b"\xef\xbb\xbfTitle\r\n\r\nFirst line. Second.\r\n"})
    article = load_corpus([folder]).articles[0]
    assert article.text == "Title\n\nFirst line. Second.\n"
    assert [s.text for s in article.sentences] == ["Title", "First line.", "Second."]


def test_segmenting_in_parallel_threads_gives_the_same_sentences():
    from concurrent.futures import ThreadPoolExecutor

    from eternaut_reader.core.text.segment import sentences

    texts = [a.text for a in load_corpus().articles] * 3
    expected = [[s.text for s in sentences(t)] for t in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        got = list(pool.map(lambda t: [s.text for s in sentences(t)], texts))
    assert got == expected
