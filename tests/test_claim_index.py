"""ClaimIndex: built straight from annotations (ClaimIndex.of) it is the index built from
anchored ones, and its lookups agree with a plain scan after adds, retags and removals."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from eternaut_reader.core.annotations.anchor import anchor, select
from eternaut_reader.core.annotations.claims import ClaimIndex
from eternaut_reader.core.annotations.model import TAGS, Anchored, Annotation

TEXT = "The council met on Monday. A ferry strike closed the harbour. " * 8


def annotation(n: int, start: int, end: int, tag: str | None, text: str = TEXT) -> Annotation:
    sel = select(text, start, end)
    return Annotation(
        id=f"a{n:04}",
        article_id="x",
        quote=sel.quote,
        prefix=sel.prefix,
        suffix=sel.suffix,
        start=start,
        end=end,
        tag=tag,
        note="",
        annotator=("alice", "bob")[n % 2],
        created="2024-01-01T00:00:00.000Z",
        modified="2024-01-01T00:00:00.000Z",
        content_hash="",
    )


spans = st.lists(
    st.tuples(
        st.integers(0, len(TEXT) - 2),
        st.integers(1, 40),
        st.sampled_from([None, *TAGS]),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(spans, st.integers(0, 2**32))
def test_of_is_the_index_of_the_anchored_and_lookups_match_a_scan(made, seed):
    anns = [annotation(n, s, min(s + w, len(TEXT)), tag) for n, (s, w, tag) in enumerate(made)]
    # Some moved: the text they were made in is not this one (anchored by quote or orphaned).
    edited = "Breaking: " + TEXT[: len(TEXT) // 2]
    for text in (TEXT, edited):
        direct = ClaimIndex.of(text, anns)
        anchored = ClaimIndex([Anchored.at(a, anchor(text, a)) for a in anns])
        assert direct.claims() == anchored.claims()
        assert direct.orphans == anchored.orphans
        assert direct.counts() == anchored.counts()
    index = ClaimIndex.of(TEXT, anns)
    rng = random.Random(seed)
    for n in range(20):
        if anns and rng.random() < 0.4:
            gone = anns.pop(rng.randrange(len(anns)))
            index.discard(gone.id)
        else:
            s = rng.randrange(len(TEXT) - 2)
            ann = annotation(1000 + n, s, min(s + rng.randint(1, 80), len(TEXT)), "confirmed")
            anns.append(ann)
            index.put(ann, (ann.start, ann.end))
        start = rng.randrange(len(TEXT))
        end = start + rng.randint(0, 90)
        wanted = sorted(
            (a.start, a.end, a.id) for a in anns if a.start < max(end, start + 1) and a.end > start
        )
        found = [(c.start, c.end, c.id) for c in index.overlapping(start, end)]
        assert found == wanted
        assert len(index) == len(anns)


def test_the_claim_at_a_span_follows_every_change_though_it_is_remembered():
    """`at` remembers its answers (the claim bar asks at every frame); a claim added, changed
    or removed is seen at once."""
    index = ClaimIndex()
    assert index.at(0, 10) is None
    first = annotation(1, 0, 10, "confirmed")
    index.put(first, (0, 10))
    assert index.at(0, 10).annotation.tag == "confirmed"
    index.put(annotation(1, 0, 10, "contradicted"), (0, 10))
    assert index.at(0, 10).annotation.tag == "contradicted"
    index.put(annotation(2, 2, 8, "speculative"), (2, 8))
    assert index.at(2, 8).annotation.tag == "speculative"
    index.discard(first.id)
    assert index.at(0, 10).annotation.tag == "speculative"
    index.discard(annotation(2, 2, 8, None).id)
    assert index.at(0, 10) is None
