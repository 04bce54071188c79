"""A small, known set of tagged claims on the bundled seeds, for the export and import tests.

a1  confirmed, 001 (en), a two-line note, supports b1
b1  confirmed, 002 (en)
c1  contradicted, 004 (Decrypt), contradicts a1
s1  speculative, 000 (it)
orphan   speculative, 001, on text that is no longer in the article
unknown  confirmed, on an article that is not in the corpus
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eternaut_reader import load_corpus, open_store
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.text.corpus import Article, Corpus

PHRASES = {
    "a1": (1, "Netflix has confirmed the use of generative AI"),
    "b1": (
        2,
        "allowed the production team to complete the visual effects sequence 10 times faster",
    ),
    "c1": (4, "the streaming giant’s first TV show to harness this rapidly evolving technology"),
    "s1": (0, "la serie fantascientifica L’Eternauta"),
}
NOTE = "Two outlets agree.\nThe third one does not."
OLD_TEXT = "An earlier version said: the scene cost nothing at all, which was later removed."
OLD_QUOTE = "the scene cost nothing at all"
GONE_TEXT = "A report we no longer have says budgets were cut by half."
GONE_QUOTE = "budgets were cut by half"


@dataclass
class FakeArticle:
    id: str
    text: str
    title: str = "Fake"
    language: str = "en"
    outlet: str | None = None
    date: str | None = None
    content_hash: str = "sha256:old"


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def seeds() -> Corpus:
    return load_corpus()


def tag_claims(db: Path, corpus: Corpus, annotator: str = "alice") -> dict[str, Annotation]:
    """Write the claims above into the database at db; returns them by name, as stored."""
    arts: list[Article] = corpus.articles
    made: dict[str, Annotation] = {}
    with open_store(db, annotator) as store:
        tags = {"a1": "confirmed", "b1": "confirmed", "c1": "contradicted", "s1": "speculative"}
        notes = {"a1": NOTE, "c1": "Decrypt says it was announced, not confirmed."}
        for name, (index, phrase) in PHRASES.items():
            article = arts[index]
            made[name] = store.add(
                article, *span(article.text, phrase), tags[name], notes.get(name, "")
            )
        old = FakeArticle(arts[1].id, OLD_TEXT)
        made["orphan"] = store.add(old, *span(OLD_TEXT, OLD_QUOTE), "speculative")
        gone = FakeArticle("gone-article", GONE_TEXT)
        made["unknown"] = store.add(gone, *span(GONE_TEXT, GONE_QUOTE), "confirmed")
        store.link(made["a1"].id, made["b1"].id, "supports")
        store.link(made["c1"].id, made["a1"].id, "contradicts")
        stored = {name: store.get(ann.id) for name, ann in made.items()}
    return {name: ann for name, ann in stored.items() if ann is not None}
