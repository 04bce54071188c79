"""How claims are drawn on a line: the one-pass line_marks gives exactly what the plain
two-pass reading below (the reader's drawing until method 15) gives, on sparse and dense
lines, with our claims and others'."""

from __future__ import annotations

import random

from eternaut_reader.core.annotations.claims import ClaimIndex
from eternaut_reader.core.annotations.model import Anchored, Annotation
from eternaut_reader.core.annotations.tags import SYMBOLS, TAGS
from eternaut_reader.ui.widgets.claim_marks import EXACT_LAYERS, line_marks

TEXT = "The council met on Tuesday and voted seven to two for the new bridge. " * 40


def _annotation(n: int, start: int, end: int, tag: str | None, annotator: str) -> Annotation:
    return Annotation(
        id=f"a{n}",
        article_id="report",
        quote=TEXT[start:end],
        prefix="",
        suffix="",
        start=start,
        end=end,
        tag=tag,
        note="",
        annotator=annotator,
        created="2025-07-18T00:00:00Z",
        modified="2025-07-18T00:00:00Z",
        content_hash="sha256:x",
    )


def _layers(touching, me, style):
    """Each claim a layer, longest and others' first; past EXACT_LAYERS, the union of each
    tag's spans."""
    if len(touching) <= EXACT_LAYERS:
        ordered = sorted(touching, key=lambda c: (c.annotation.annotator == me, c.start - c.end))
        theirs = {True: "", False: "theirs-"}
        return [
            (
                c.start,
                c.end,
                style(f"pane--{theirs[c.annotation.annotator == me]}{c.tag or 'open'}"),
            )
            for c in ordered
        ]
    layers = []
    for tag in (None, *TAGS):
        runs: list[tuple[int, int]] = []
        for start, end in sorted((c.start, c.end) for c in touching if c.tag == tag):
            if runs and start <= runs[-1][1]:
                runs[-1] = (runs[-1][0], max(runs[-1][1], end))
            else:
                runs.append((start, end))
        layers += [(a, b, style(f"pane--{tag or 'open'}")) for a, b in runs]
    return layers


def _mark(touching, me, style):
    if not touching:
        return None
    mine = {c.tag for c in touching if c.annotation.annotator == me}
    if not mine:
        first = touching[0]
        return first.annotation.annotator[0], style(f"pane--mark-{first.tag or 'open'}")
    if len(mine) > 1:
        return "※", style("pane--mark-contradicted")
    (tag,) = mine
    return (
        ("○", style("pane--mark-open"))
        if tag is None
        else (SYMBOLS[tag], style(f"pane--mark-{tag}"))
    )


def test_one_pass_marks_are_the_layers_and_the_gutter_mark():
    rng = random.Random(7)
    tags = [None, "confirmed", "speculative", "contradicted"]
    dense = 0
    for density in (3, 40, 800):  # sparse lines, then dense ones (past EXACT_LAYERS)
        made = []
        for n in range(density):
            start = rng.randrange(0, len(TEXT) - 60)
            end = start + rng.randrange(1, 60)
            annotator = rng.choice(["me", "me", "alice"])
            made.append(_annotation(n, start, end, rng.choice(tags), annotator))
        index = ClaimIndex(Anchored(a, a.start, a.end) for a in made)
        for line_start in range(0, len(TEXT) - 40, 37):
            touching = index.overlapping(line_start, line_start + 40)
            expected = (_layers(touching, "me", str), _mark(touching, "me", str))
            assert line_marks(touching, "me", str) == expected
            dense += len(touching) > EXACT_LAYERS
    assert dense  # the dense path was taken


def test_the_claims_panel_rows_follow_edits_as_a_fresh_build_would():
    """The claims panel keeps each article's rows and changes only what an edit touched:
    after any sequence of tags, retags, removals (named or not) and orphans, the rows are
    those a build from scratch gives, or the update says to build them again."""
    from dataclasses import replace

    from eternaut_reader.ui.widgets.claims_panel import ArticleRows

    rng = random.Random(11)
    made = [_annotation(n, 5 * n, 5 * n + 4, "confirmed", "me") for n in range(200)]
    index = ClaimIndex(Anchored(a, a.start, a.end) for a in made)
    rows = ArticleRows(index)
    rebuilt = 0
    for step in range(300):
        ann = rng.choice(made)
        kind = rng.choice(["retag", "remove", "remove-unnamed", "add", "orphan"])
        if kind == "retag" and ann.id in index:
            index.put(replace(ann, tag=rng.choice(["speculative", None])), (ann.start, ann.end))
            named = ann.id
        elif kind.startswith("remove"):
            index.discard(ann.id)
            named = None if kind == "remove-unnamed" else ann.id
        elif kind == "orphan":
            index.put(ann, None)
            named = ann.id
        else:
            index.put(ann, (ann.start, ann.end))
            named = ann.id
        if not rows.follows([named]):
            rows, rebuilt = ArticleRows(index), rebuilt + 1
        fresh = ArticleRows(index)
        assert [(r.annotation.id, r.annotation.tag) for r in rows.rows] == [
            (r.annotation.id, r.annotation.tag) for r in fresh.rows
        ], step
    assert rebuilt < 120  # most edits were followed, not rebuilt
