"""Claims on the bundled seeds for the report tests: one of each verdict, a mixed one whose
passages the alignment finds conflicting on a date, and a claim record.

    ads (mixed)       (2) "second half of 2025" confirmed, linked to (3) "by 2026" contradicted
                      (a `contradicts` link); the alignment finds the dates conflicting
    debut (contradicted)  (5) Decrypt's "announced ... upcoming" passage
    ai (speculative)  (1) the Italian report's first sentence
    faster (confirmed) (3) "10 times faster", supported by (4)'s first sentence (confirmed)
    open              (4) a passage highlighted, no verdict yet
"""

from __future__ import annotations

from dataclasses import replace

from eternaut_reader.core.annotations.model import Annotation, Evidence, Link
from eternaut_reader.core.text.corpus import Article, Corpus

EVIDENCE = Evidence(
    "https://ir.netflix.net/q2-2025",
    "Netflix Q2 2025 earnings interview",
    "we expect to launch interactive ad formats in the second half",
    "The call puts it in 2025",
)


def ann(
    article: Article,
    start: int,
    end: int,
    tag: str | None,
    ident: str,
    *links: Link,
    created: str = "2025-07-30T10:00:00Z",
    **record: object,
) -> Annotation:
    text = article.text
    return Annotation(
        id=ident,
        article_id=article.id,
        quote=text[start:end],
        prefix=text[max(0, start - 32) : start],
        suffix=text[end : end + 32],
        start=start,
        end=end,
        tag=tag,
        note=str(record.pop("note", "")),
        annotator=str(record.pop("annotator", "alice")),
        created=created,
        modified=created,
        content_hash=article.content_hash,
        links=tuple(links),
        **record,  # type: ignore[arg-type]
    )


def phrase(article: Article, text: str) -> tuple[int, int]:
    start = article.text.index(text)
    return start, start + len(text)


def claims(corpus: Corpus) -> dict[str, Annotation]:
    a = corpus.articles
    made = {
        "ads": ann(
            a[1],
            2987,
            3089,
            "confirmed",
            "ads",
            Link("ads-2", "contradicts"),
            summary="AI ad formats launch in the second half of 2025",
            review="Netflix said so on its earnings call; one report says 2026.",
            evidence=(EVIDENCE,),
            note="The call is the source.",
        ),
        "ads-2": ann(a[2], 4512, 4672, "contradicted", "ads-2", created="2025-07-30T10:01:00Z"),
        "debut": ann(a[4], 157, 299, "contradicted", "debut", created="2025-07-30T10:02:00Z"),
        "ai": ann(a[0], *_first(a[0]), "speculative", "ai", created="2025-07-30T10:03:00Z"),
        "faster": ann(
            a[2],
            *phrase(a[2], "complete the visual effects sequence 10 times faster"),
            "confirmed",
            "faster",
            Link("faster-2", "supports"),
            created="2025-07-30T10:04:00Z",
        ),
        "faster-2": ann(
            a[3], *_first(a[3]), "confirmed", "faster-2", created="2025-07-30T10:05:00Z"
        ),
        "open": ann(a[3], *_second(a[3]), None, "open", created="2025-07-30T10:06:00Z"),
    }
    return made


def _first(article: Article) -> tuple[int, int]:
    sentence = article.segment()[0]
    return sentence.start, sentence.end


def _second(article: Article) -> tuple[int, int]:
    sentence = article.segment()[1]
    return sentence.start, sentence.end


def with_record(annotation: Annotation, **fields: object) -> Annotation:
    return replace(annotation, **fields)  # type: ignore[arg-type]
