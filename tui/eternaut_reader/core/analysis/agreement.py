"""Inter-annotator agreement: where several annotators tagged the same claims, how far they agree.

Claims. In each article, annotations whose spans overlap (start < other.end and other.start
< end, transitively) form one claim. Spans are where the annotations anchor in the article as
loaded; orphans are left out, and so are open claims (highlighted, no verdict yet: nothing to
agree on); an article not in the corpus uses the recorded offsets. When
one annotator has several annotations in a claim, the one overlapping the other annotators'
the most (then the longest) is their verdict. A claim counts for a pair of annotators when
both tagged it, and for Fleiss' kappa when all of them did. The categories are the three tags.

Cohen's kappa, for annotators a and b over the n claims both tagged:

    p_o = (claims they gave the same tag) / n
    p_e = sum over tags k of (a's share of k) * (b's share of k)
    kappa = (p_o - p_e) / (1 - p_e)

Fleiss' kappa, for m >= 3 annotators over the N claims all of them tagged, n_ik = how many
of them gave claim i tag k:

    P_i = (sum_k n_ik * (n_ik - 1)) / (m * (m - 1))       agreement on claim i
    P   = mean of P_i
    p_k = (sum_i n_ik) / (N * m)                          share of tag k
    P_e = sum_k p_k ** 2
    kappa = (P - P_e) / (1 - P_e)

Both are undefined (None) when the expected agreement is 1: every verdict was one same tag.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from eternaut_reader.core.annotations.model import TAGS, Annotation
from eternaut_reader.core.formats.base import ArticleInfo, prepare
from eternaut_reader.core.text.display import counted

__all__ = [
    "ClaimGroup",
    "PairAgreement",
    "Report",
    "agreement",
    "cohen_kappa",
    "find_claims",
    "fleiss_kappa",
    "interpret",
    "render",
]


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    article_id: str
    start: int
    end: int
    verdicts: dict[str, Annotation]  # annotator -> the annotation that is their verdict
    text: str = ""  # the claim's text in the article, or its longest quote

    def tag(self, annotator: str) -> str | None:
        ann = self.verdicts.get(annotator)
        return None if ann is None else ann.tag

    def verdict(self, annotator: str) -> str:
        """annotator's tag (every annotation in a group has one: open claims are left out)."""
        return _verdict(self.verdicts[annotator])

    @property
    def agreed(self) -> bool:
        return len({a.tag for a in self.verdicts.values()}) <= 1


def _verdict(ann: Annotation) -> str:
    assert ann.tag is not None, "open claims are left out of the agreement"
    return ann.tag


@dataclass(frozen=True, slots=True)
class PairAgreement:
    a: str
    b: str
    n: int  # claims both tagged
    kappa: float | None
    observed: float
    expected: float
    table: tuple[tuple[int, ...], ...]  # rows: a's tag, columns: b's tag, in TAGS order


@dataclass
class Report:
    annotators: list[str]
    claims: list[ClaimGroup]  # tagged by two or more annotators
    single: int  # claims tagged by one annotator only
    orphans: int  # annotations left out because they could not be placed
    pairs: list[PairAgreement]
    open: int = 0  # open claims left out: highlighted, no verdict yet
    fleiss: float | None = None  # for three or more annotators
    fleiss_n: int = 0  # claims tagged by all of them
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def disagreements(self) -> list[ClaimGroup]:
        return [c for c in self.claims if not c.agreed]


def cohen_kappa(
    pairs: Sequence[tuple[str, str]], categories: Sequence[str] = TAGS
) -> tuple[float | None, float, float]:
    """(kappa, p_o, p_e) for paired verdicts; kappa is None if undefined (p_e == 1 or n == 0)."""
    n = len(pairs)
    if n == 0:
        return None, 0.0, 0.0
    observed = sum(a == b for a, b in pairs) / n
    expected = sum(
        (sum(a == k for a, _ in pairs) / n) * (sum(b == k for _, b in pairs) / n)
        for k in categories
    )
    if expected >= 1.0:
        return None, observed, expected
    return (observed - expected) / (1 - expected), observed, expected


def fleiss_kappa(counts: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' kappa from per-claim tag counts (each row sums to the same number of raters)."""
    if not counts:
        return None
    raters = sum(counts[0])
    if raters < 2 or any(sum(row) != raters for row in counts):
        raise ValueError("every claim needs the same number (two or more) of verdicts")
    claims = len(counts)
    agreement = [sum(c * (c - 1) for c in row) / (raters * (raters - 1)) for row in counts]
    p_bar = sum(agreement) / claims
    shares = [sum(row[k] for row in counts) / (claims * raters) for k in range(len(counts[0]))]
    p_e = sum(p * p for p in shares)
    if p_e >= 1.0:
        return None
    return (p_bar - p_e) / (1 - p_e)


def interpret(kappa: float | None) -> str:
    """Landis and Koch's (1977) words for a kappa."""
    if kappa is None:
        return "undefined"
    if kappa < 0:
        return "poor"
    for bound, word in ((0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if kappa <= bound:
            return word
    return "almost perfect"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


_Placed = tuple[int, int, Annotation]


def _score(entry: _Placed, others: list[tuple[int, int]]) -> tuple[int, int, int]:
    """Overlap with the other annotators' spans, then length, then the earlier start."""
    span = (entry[0], entry[1])
    return (sum(_overlap(span, o) for o in others), span[1] - span[0], -span[0])


def _verdicts(group: list[_Placed]) -> dict[str, Annotation]:
    by_annotator: dict[str, list[_Placed]] = {}
    for entry in group:
        by_annotator.setdefault(entry[2].annotator, []).append(entry)
    chosen = {}
    for annotator, mine in by_annotator.items():
        others = [(s, e) for s, e, a in group if a.annotator != annotator]
        chosen[annotator] = max(mine, key=lambda entry: _score(entry, others))[2]
    return chosen


def find_claims(
    annotations: Iterable[Annotation], articles: Iterable[ArticleInfo] = ()
) -> tuple[list[ClaimGroup], int]:
    """Every claim (overlapping spans in one article), and how many orphans were left out.

    Open claims (no verdict) are left out: count them with `a.tag is None`."""
    data = prepare([a for a in annotations if a.tag is not None], articles)
    spans: dict[str, list[_Placed]] = {}
    orphans = 0
    for item in data.items:
        ann, anchor = item.annotation, item.anchor
        if anchor is None:
            spans.setdefault(ann.article_id, []).append((ann.start, ann.end, ann))
        elif anchor.start is None or anchor.end is None:
            orphans += 1
        else:
            spans.setdefault(ann.article_id, []).append((anchor.start, anchor.end, ann))
    claims = []
    for article_id in sorted(spans):
        entries = sorted(spans[article_id], key=lambda e: (e[0], e[1], e[2].id))
        group: list[_Placed] = []
        reach = -1
        for entry in [*entries, None]:
            if entry is not None and entry[0] < reach:
                group.append(entry)
                reach = max(reach, entry[1])
                continue
            if group:
                start, end = group[0][0], max(e[1] for e in group)
                article = data.articles.get(article_id)
                text = (
                    article.text[start:end]
                    if article is not None
                    else max((e[2].quote for e in group), key=len)
                )
                claims.append(ClaimGroup(article_id, start, end, _verdicts(group), text))
            if entry is not None:
                group, reach = [entry], entry[1]
    return claims, orphans


def agreement(
    annotations: Iterable[Annotation],
    articles: Iterable[ArticleInfo] = (),
    *,
    annotators: Sequence[str] | None = None,
) -> Report:
    """Claims, kappas and confusion tables for the annotators (default: everyone found)."""
    articles = list(articles)
    wanted = None if not annotators else set(annotators)
    chosen = [a for a in annotations if wanted is None or a.annotator in wanted]
    claims, orphans = find_claims(chosen, articles)
    still_open = sum(a.tag is None for a in chosen)
    names = sorted({a.annotator for a in chosen})
    shared = [c for c in claims if len(c.verdicts) >= 2]
    report = Report(
        annotators=names,
        claims=shared,
        single=len(claims) - len(shared),
        orphans=orphans,
        pairs=[],
        open=still_open,
        titles={a.id: a.title for a in articles},
    )
    for a, b in itertools.combinations(names, 2):
        both = [c for c in shared if a in c.verdicts and b in c.verdicts]
        verdicts = [(c.verdict(a), c.verdict(b)) for c in both]
        kappa, observed, expected = cohen_kappa(verdicts)
        table = tuple(
            tuple(sum(1 for x, y in verdicts if (x, y) == (ra, cb)) for cb in TAGS) for ra in TAGS
        )
        report.pairs.append(PairAgreement(a, b, len(both), kappa, observed, expected, table))
    if len(names) >= 3:
        everyone = [c for c in shared if len(c.verdicts) == len(names)]
        counts = [[sum(v.tag == k for v in c.verdicts.values()) for k in TAGS] for c in everyone]
        report.fleiss, report.fleiss_n = fleiss_kappa(counts), len(everyone)
    return report


# ---- the text the `agreement` command prints --------------------------------------------------

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _clean(text: str, limit: int = 0) -> str:
    text = _CONTROL.sub("\ufffd", " ".join(text.split()))
    return text if not limit or len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _figure(kappa: float | None) -> str:
    return "undefined" if kappa is None else f"{kappa:.3f} ({interpret(kappa)})"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _table(pair: PairAgreement) -> list[str]:
    width = max(len(t) for t in TAGS) + 2
    a, b = _clean(pair.a, 30), _clean(pair.b, 30)
    left = max(width, len(a) + 2)
    lines = [f"    {'':<{left}}{b + ' →':>{width * len(TAGS)}}"]
    lines.append(f"    {a + ' ↓':<{left}}" + "".join(f"{t:>{width}}" for t in TAGS))
    for tag, row in zip(TAGS, pair.table, strict=True):
        lines.append(f"    {tag:<{left}}" + "".join(f"{n:>{width}}" for n in row))
    return lines


def render(report: Report, titles: Mapping[str, str] | None = None) -> str:
    titles = {**report.titles, **(titles or {})}
    names = ", ".join(_clean(n, 40) for n in report.annotators)
    out = [
        f"{counted(len(report.claims), 'claim')} tagged by two or more of "
        f"{len(report.annotators)} annotators: {names}"
    ]
    left_out = []
    if report.single:
        left_out.append(f"{counted(report.single, 'claim')} tagged by one annotator only")
    if report.orphans:
        left_out.append(f"{counted(report.orphans, 'orphan annotation')}")
    if report.open:
        left_out.append(f"{counted(report.open, 'open claim')} (no verdict yet)")
    if left_out:
        out.append(f"Left out: {_and(left_out)}.")
    if len(report.annotators) >= 3:
        out += [
            "",
            f"Fleiss' kappa: {_figure(report.fleiss)}, on "
            f"{counted(report.fleiss_n, 'claim')} tagged by all {len(report.annotators)}",
        ]
    for pair in report.pairs:
        out.append("")
        head = f"{_clean(pair.a, 40)} and {_clean(pair.b, 40)}: "
        if pair.n == 0:
            out.append(head + "no claims tagged by both")
            continue
        out.append(
            head + f"Cohen's kappa {_figure(pair.kappa)}, on {counted(pair.n, 'claim')}; "
            f"observed agreement {pair.observed:.3f}, expected by chance {pair.expected:.3f}"
        )
        out += _table(pair)
    disagreements = report.disagreements
    out += ["", f"Disagreements: {len(disagreements)}"]
    for claim in disagreements:
        title = _clean(titles.get(claim.article_id, claim.article_id), 60)
        out.append(f"  {title}, characters {claim.start}–{claim.end}")
        out.append(f"    “{_clean(claim.text, 100)}”")
        verdicts = [
            f"{_clean(name, 30)}: {claim.verdicts[name].tag}"
            for name in report.annotators
            if name in claim.verdicts
        ]
        out.append("    " + " · ".join(verdicts))
    return "\n".join(out) + "\n"
