"""What a match says (agrees, conflicts, related) and the verdict a unit's matches suggest.

- A conflicting value or release status in another report: contradicted.
- Stated by at least one other report too, with no conflict, and not hedged: confirmed.
  A passage copied nearly word for word is one report quoting another and does not count.
- Hedged ("reportedly", "secondo", the Italian conditional), or stated by this report
  alone: speculative.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple, Protocol

from rapidfuzz import fuzz

from eternaut_reader.core.analysis.results import LOST, WON
from eternaut_reader.core.analysis.values import (
    DURATION,
    STATUS_FAMILY,
    Value,
    compare,
    far_apart,
    is_measure,
    significant_digits,
)

__all__ = [
    "AGREE_SCORE",
    "Conflict",
    "Match",
    "Suggestion",
    "relate",
    "rename_reports",
    "restrict",
    "suggest",
]

AGREE_SCORE = 0.2  # at or above this, the same fact even without a value to compare
# (Lower, more "confirmed" verdicts come out right, but claims made by one report alone start
# to be "confirmed" by a passage that merely shares its words: a wrong "confirmed" costs a
# fact-checker more than a wrong "speculative".)
LEFTOVER_SCORE = 0.3  # passages this alike compare the one count each has left (_leftover)
LEFTOVER_DAYS = 62  # ...and the one day each has left, when this close: one event's
LEFTOVER_YEARS = 10  # ...and the one year, when this close ("built in 2012" / "nel 2019")
LEFTOVER_APART = 1.25  # ...when the two are this close: two nouns, so a near figure only
# Passages this alike tell one fact: two counts of one noun in them are one figure, however
# far apart (values.far_apart). Two reports rarely word two different facts so nearly alike.
# (0.45 until method 19: "hire 300 engineers next year" / "assumerà 1.300 ingegneri il
# prossimo anno" score 0.39; at 0.35 the 36 sets lose nothing.)
NEAR_SAME_SCORE = 0.35
COPY_RATIO = 95  # two passages this alike (rapidfuzz ratio) are one report quoting another
RELATIONS = ("agrees", "conflicts", "related")
TAGS = ("confirmed", "speculative", "contradicted")
# Value kinds that can conflict, and how a conflict names them.
WHAT = {
    "date": "date",
    "status": "status",
    "money": "money",
    "percent": "percentage",
    "multiplier": "multiplier",
    "score": "score",
    "ordinal": "ordinal",
    "quantity": "number",
    "time": "time",
    "who": "who",
    "place": "place",
}


WINNER = "winner"  # how a conflict names a side that won in one report and lost in another
TURNED = "direction"  # how a conflict names a figure that rose in one report and fell in another


def _turned(value: Value) -> str:
    return " ".join(f"{value.trend[1:]}{value.display()}".split())


class Conflict(NamedTuple):
    """Two values of one measure that disagree: (what, here, there)."""

    # date, status, money, percentage, multiplier, number, time, who, direction, score, ordinal
    what: str
    here: str  # the value as written in this unit
    there: str  # the value as written in the other report


@dataclass(frozen=True, slots=True)
class Match:
    """A passage of another article that states the same fact, or a related one.

    at[i] is where conflicts[i].here stands in the article of the unit matched from, so that
    part of a unit can be judged on the values it holds. days[i], for a date written in words
    ("ieri", "on Sunday", "last month"), gives the days the reports' own dates make of its two
    values ("" for one given in figures): the reason and the panel say them, so that nobody
    works them out by hand (an outside tester). `shown(i)` gives both values with them.
    """

    article: str
    start: int
    end: int
    score: float
    relation: str  # agrees, conflicts, related
    conflicts: tuple[Conflict, ...] = ()
    at: tuple[tuple[int, int], ...] = ()
    days: tuple[tuple[str, str], ...] = ()

    def shown(self, i: int) -> tuple[str, str]:
        """conflicts[i]'s values here and there, each with its day where it has one."""
        conflict = self.conflicts[i]
        here_day, there_day = self.days[i] if i < len(self.days) else ("", "")
        return _with_day(conflict.here, here_day), _with_day(conflict.there, there_day)


@dataclass(frozen=True, slots=True)
class Suggestion:
    tag: str  # confirmed, speculative, contradicted
    reason: str
    evidence: tuple[Match, ...] = ()


def relate(
    here: Sequence[Value],
    there: Sequence[Value],
    offset: int,
    score: float,
    same: Callable[[int, int], bool] | None = None,
    *,
    triangle: bool = False,
) -> tuple[str, tuple[Conflict, ...], tuple[tuple[int, int], ...]]:
    """The relation of two units given their values, the conflicts and where each `here`
    value stands (offset places the unit in its article).

    same(i, j), when given, says whether here[i] and there[j] measure one thing (the dates
    of one event, not a restoration's and a reopening's): values that do not never conflict
    (equal values still agree), but they keep the passages from agreeing: two values of one
    kind that differ, with no equal value beside them, leave the two passages related at most.
    triangle: a third report states what both do, so they agree however low the score."""
    conflicts: list[Conflict] = []
    at: list[tuple[int, int]] = []
    agreed = False
    doubtful = False
    theirs_by_kind: dict[str, list[tuple[int, Value]]] = defaultdict(list)
    for j, value in enumerate(there):
        theirs_by_kind[value.kind].append((j, value))

    # Passages that share a value of any kind and say much the same (LEFTOVER_SCORE) tell one
    # event: the one count, or day, each has left over is then one figure told two ways.
    # (A status shared is too common a word for that: "will begin" / "inizieranno".) Worked
    # out only when a leftover is looked at (relate runs for every match), and once.
    @cache
    def alike() -> bool:
        return score >= LEFTOVER_SCORE and any(
            compare(a, b) is True
            for a in here
            if a.kind != "status"
            for _, b in theirs_by_kind[a.kind]
        )

    kinds_here = {value.kind for value in here}
    for kind, what in WHAT.items():
        if kind not in kinds_here or kind not in theirs_by_kind:
            continue  # nothing of this kind on one side: nothing to compare (a hot path)
        ours = [(i, a) for i, a in enumerate(here) if a.kind == kind]
        theirs = theirs_by_kind[kind]
        if len(ours) * len(theirs) > MANY_PAIRS:
            # A pasted table or a list of thousands of figures ("tra 1 e 2 milioni più 3 di
            # bonus" 1,250 times): each distinct value is compared once, not every copy with
            # every copy (20 s for two such passages).
            ours, theirs = _distinct(ours), _distinct(theirs)
        outcomes = [
            (compare(a, b), a, b, same is None or same(i, j)) for i, a in ours for j, b in theirs
        ]
        agreeing = [(a, b) for o, a, b, _ in outcomes if o is True]
        # One figure, of one measure, that rose in one report and fell in the other
        # ("Unemployment fell to 6.1%" / "rose to 6.1%"): told two ways, so a conflict.
        turned = [
            (a, b)
            for o, a, b, s in outcomes
            if o is True and s and {a.trend[:1], b.trend[:1]} == {"+", "-"}
        ]
        if turned:
            a, b = turned[0]
            conflicts.append(Conflict(TURNED, _turned(a), _turned(b)))
            at.append((offset + a.start, offset + a.end))
        if any(STATUS_FAMILY.get(a.unit) != "start" for a, _ in agreeing):
            # An equal value is evidence of one fact in itself ("will begin" / "inizieranno",
            # said of anything planned, is not).
            agreed = True
        # A value that agrees with one of the other's answers its question there ("Q2" and
        # "second half" may both be right): only values with no agreeing partner clash, so
        # a report's "ieri" matching the other's "on Wednesday" leaves "30 giugno" against
        # "31 May" to be told.
        settled = {id(v) for pair in agreeing for v in pair}
        if kind == "money":
            # A fee and a bonus in one report, their sum in the other ("40 million euros
            # plus 5 million in bonuses" / "45 milioni, bonus compresi"): one figure, told in
            # parts (an outside tester saw 40 and 45 conflict).
            summed = _summed(
                [a for a in here if a.kind == kind], [b for _, b in theirs_by_kind[kind]]
            ) or _summed([b for _, b in theirs_by_kind[kind]], [a for a in here if a.kind == kind])
            if summed:
                settled |= {id(v) for v in summed}
                agreed = True
        # Two values of one kind that differ where nothing says they measure one thing: the
        # passages may tell two facts, or one fact two ways; either way not an agreement.
        doubtful = doubtful or any(
            o is False and id(a) not in settled and id(b) not in settled for o, a, b, _ in outcomes
        )
        clashes = [
            (a, b)
            for o, a, b, s in outcomes
            if o is False and s and id(a) not in settled and id(b) not in settled
        ]
        if not clashes and kind in ("percent", "money") and alike():
            # The one share, or amount, each has left where another value agrees: "58 per
            # cent, down from 63 per cent in 2020" / "48%, in calo rispetto al 63%".
            left = [(o, a, b) for o, a, b, _ in outcomes if id(a) not in settled]
            left = [(o, a, b) for o, a, b in left if id(b) not in settled]
            if len({id(a) for _, a, _ in left}) == len({id(b) for _, _, b in left}) == 1 and (
                left[0][0] is False
            ):
                clashes = [(left[0][1], left[0][2])]
        if not clashes and kind in ("quantity", "date"):
            # The values of this kind no equal value settled: compared by elimination.
            left_here = [a for a in here if a.kind == kind and id(a) not in settled]
            left_there = [b for b in there if b.kind == kind and id(b) not in settled]
            if kind == "quantity":
                # A count left over is one figure told two ways with the other's count, not
                # with its measures: "37 people" / "42 passengers … for more than five hours".
                left_here = [a for a in left_here if not is_measure(a)]
                left_there = [b for b in left_there if not is_measure(b)]
                clashes = _leftover(left_here, left_there) if alike() else []
                clashes = clashes or _transposed(left_here, left_there)
                # One count left on each side, of nouns written differently and of other
                # figures ("8.000 famiglie" / "18,000 households"): maybe two measures, maybe
                # one told two ways; either way no agreement (an outside tester saw it
                # suggested confirmed).
                if not clashes and len(left_here) == 1 and len(left_there) == 1:
                    a, b = left_here[0], left_there[0]
                    if not (a.nouns & b.nouns) and a.low != b.low and a.former == b.former:
                        doubtful = True
            elif alike():
                clashes = _leftover_dates(left_here, left_there)
        if not clashes and kind in ("quantity", "money") and score >= NEAR_SAME_SCORE:
            clashes = [
                (a, b)
                for o, a, b, s in outcomes
                if o is None
                and s
                and id(a) not in settled
                and id(b) not in settled
                and far_apart(a, b)
            ]
        # Several pairs clash ("380 of the 1,450 jobs" / "320 jobs"): the closest two values
        # are the ones told two ways (380 and 320), so they name the conflict; two other
        # values that clash too are another ("40 milioni … più 5 milioni di bonus" / "35
        # milioni … più 7 di bonus": the fee, and the bonus).
        used: set[int] = set()
        for mine, other in sorted(clashes, key=lambda p: _apart(*p)):
            if id(mine) in used or id(other) in used:
                continue
            used.update((id(mine), id(other)))
            named = WINNER if mine.unit in (WON, LOST) and kind == "who" else what
            conflict = Conflict(named, *_shown(mine, other))
            if conflict in conflicts:
                continue  # "X beat Y" / "X lost to Y": X's side and Y's are one conflict
            conflicts.append(conflict)
            at.append((offset + mine.start, offset + mine.end))
    if conflicts:
        return "conflicts", tuple(conflicts), tuple(at)
    if doubtful and not agreed:
        return "related", (), ()
    return ("agrees" if agreed or score >= AGREE_SCORE or triangle else "related"), (), ()


MANY_PAIRS = 4096  # value pairs of one kind in two passages past which copies are dropped


def _distinct(values: list[tuple[int, Value]]) -> list[tuple[int, Value]]:
    """The first of each value that reads alike (same kind, figure, noun and marks)."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for i, v in values:
        key = (v.kind, v.unit, v.name, v.low, v.high, v.bound, v.former, v.trend, v.window)
        if key not in seen:
            seen.add(key)
            out.append((i, v))
    return out


def _summed(parts: Sequence[Value], totals: Sequence[Value]) -> list[Value]:
    """Two amounts of one currency and a third that is their sum: the three, else []."""
    for i, a in enumerate(parts):
        for b in parts[i + 1 :]:
            if a.unit != b.unit or a.bound or b.bound:
                continue
            whole = replace(a, low=a.low + b.low, high=a.high + b.high, bound="", rough=False)
            for total in totals:
                if total.unit == a.unit and compare(whole, total) is True:
                    return [a, b, total]
    return []


def _shown(mine: Value, other: Value) -> tuple[str, str]:
    """Two clashing values as written; two dates written alike ("March next year" in reports
    a year apart, "on Sunday" in reports of two weeks) also say which day each one is."""
    here, there = mine.display(), other.display()
    if {mine.trend[:1], other.trend[:1]} == {"+", "-"}:
        return _turned(mine), _turned(other)  # "down 4.5%" / "in rialzo dell'1,2%"
    if mine.kind == "date" and here.casefold() == there.casefold():
        return f"{here} (= {_when(mine)})", f"{there} (= {_when(other)})"
    return here, there


def days_of(
    conflicts: Sequence[Conflict], here: Sequence[Value], there: Sequence[Value]
) -> tuple[tuple[str, str], ...]:
    """For each conflict of `relate`, the days its two values are when written in words
    (Match.days); () when none is."""

    def day(shown: str, values: Sequence[Value]) -> str:
        value = next((v for v in values if v.kind == "date" and v.display() == shown), None)
        return "" if value is None else _day(value)

    days = tuple(
        (day(c.here, here), day(c.there, there)) if c.what == "date" else ("", "")
        for c in conflicts
    )
    return days if any(a or b for a, b in days) else ()


def _with_day(value: str, day: str) -> str:
    return f"{value} (= {day})" if day else value


def _day(value: Value) -> str:
    """The day (or month, or year) a date written in words is: "ieri" against "on Sunday"
    leaves a fact-checker to work out the days from the reports' dates (an outside tester).
    "" for any other value, and for a date that gives its figures or says its day already."""
    shown = value.display()
    if value.kind != "date" or any(c.isdigit() for c in shown) or value.low > value.high:
        return ""
    return _when(value)


def _when(value: Value) -> str:
    first = dt.date.fromordinal(int(value.low))
    last = dt.date.fromordinal(int(value.high))
    if first == last:
        return f"{first.day} {first:%b} {first.year}"
    if (first.day, first.month, last.day, last.month) == (1, 1, 31, 12) and first.year == last.year:
        return str(first.year)
    if first.day == 1 and (last + dt.timedelta(days=1)).day == 1:
        if (first.year, first.month) == (last.year, last.month):
            return f"{first:%b} {first.year}"
        return f"{first:%b} {first.year}–{last:%b} {last.year}"
    return f"{first.day} {first:%b} {first.year}–{last.day} {last:%b} {last.year}"


def _leftover(mine: Sequence[Value], theirs: Sequence[Value]) -> list[tuple[Value, Value]]:
    """Two passages that say the same (LEFTOVER_SCORE) and agree on their other counts, each
    with one count left over (mine, theirs), of nouns written differently: those two are one
    figure told two ways ("212 supermarkets across nine regions… 6,800 people" / "221 punti
    vendita in nove regioni… 6.800 persone"), and clash when they differ, however close."""
    if len(mine) != 1 or len(theirs) != 1:
        return []
    a, b = mine[0], theirs[0]
    if a.nouns & b.nouns or a.former != b.former or a.low == b.low:
        return []  # the same noun was compared already; a plan is not a figure
    if DURATION in a.nouns | b.nouns:
        return []  # days and weeks are counted in hours: "seven days" is 168 of them
    low, high = sorted((abs(a.low), abs(b.low)))
    return [(a, b)] if high <= LEFTOVER_APART * max(low, 1e-9) else []


def _leftover_dates(mine: Sequence[Value], theirs: Sequence[Value]) -> list[tuple[Value, Value]]:
    """Two passages that say the same and agree on one date, each with one day left over
    (mine, theirs) within LEFTOVER_DAYS of the other: the two days of one event ("opens on
    March 14 and runs until Sept. 6" / "inaugurerà sabato 21 marzo e resterà aperta fino al 6
    settembre")."""
    if len(mine) != 1 or len(theirs) != 1:
        return []
    a, b = mine[0], theirs[0]
    if a.recent or b.recent or a.former != b.former:
        return []
    days = a.low == a.high and b.low == b.high  # both a day, not "in 2027" against "March 14"
    if days:
        return [(a, b)] if abs(a.low - b.low) <= LEFTOVER_DAYS else []
    # ...or both a whole year, up to ten years apart ("fined in 2019 and in 2022" / "in 2019 and
    # in 2021"): one year told two ways.
    mine_year, their_year = _whole_year(a), _whole_year(b)
    if mine_year is None or their_year is None:
        return []
    return [(a, b)] if abs(mine_year - their_year) <= LEFTOVER_YEARS else []


def _whole_year(value: Value) -> int | None:
    first = dt.date.fromordinal(int(value.low))
    last = dt.date.fromordinal(int(value.high))
    whole = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    return first.year if whole and first.year == last.year else None


def _transposed(mine: Sequence[Value], theirs: Sequence[Value]) -> list[tuple[Value, Value]]:
    """Counts left over in two passages that say the same whose digits are the same in
    another order ("41,000 borrowers" / "14mila clienti", "2.4 million" / "4.2 million"): one
    figure with its digits swapped in one report, the commonest misprint of a figure,
    whatever noun each report counts. Only figures of 100 or more with two significant digits
    or more: "12" and "21" of two passages are as often two different counts."""
    return [(a, b) for a in mine for b in theirs if _swapped_digits(a.low, b.low)]


def _swapped_digits(a: float, b: float) -> bool:
    if a == b or min(abs(a), abs(b)) < 100:
        return False
    da, db = significant_digits(a), significant_digits(b)
    return len(da) >= 2 and sorted(da) == sorted(db) and len(f"{a:.0f}") == len(f"{b:.0f}")


def _apart(a: Value, b: Value) -> float:
    """How far two values of one kind are: relative for amounts, in days for dates."""
    if a.kind == "date":
        return max(a.low - b.high, b.low - a.high, 0.0)
    low, high = sorted((abs(a.low), abs(b.low)))
    return (high - low) / max(high, 1e-9)


def restrict(matches: Sequence[Match], start: int, end: int) -> list[Match]:
    """The matches as seen from part of a unit: a conflict on a value outside [start, end)
    is about another fact of the unit, so it is dropped, and a match left without conflict
    agrees."""
    out = []
    for match in matches:
        if not match.conflicts:
            out.append(match)
            continue
        kept = [
            (c, (s, e))
            for c, (s, e) in zip(match.conflicts, match.at, strict=True)
            if s < end and start < e
        ]
        if kept:
            conflicts, at = zip(*kept, strict=True)
            out.append(replace(match, conflicts=tuple(conflicts), at=tuple(at)))
        else:
            out.append(replace(match, relation="agrees", conflicts=(), at=()))
    return out


def suggest(
    claim: bool,
    hedge: str | None,
    text: str,
    matches: Sequence[Match],
    passage: Callable[[Match], str],
    copies: Collection[str] = (),
    others: int = 0,
) -> Suggestion | None:
    """The suggested verdict for a unit (None for a heading or a fragment: claim False).

    text is the unit's own text and passage(match) the matched text, to tell a quotation
    from a second source; copies are the reports that copy this unit's report as a whole (a
    syndicated story): what they say is no second source either. others: how many other
    reports there are (when every one of two or more states it, they are not listed).
    """
    if not claim:
        return None
    conflicting = [m for m in matches if m.relation == "conflicts"]
    if conflicting:
        first = conflicting[0]
        c = first.conflicts[0]
        here, there = first.shown(0)
        # The reports that agree are part of the picture: one dissent among four that agree
        # is not the same finding as a report that stands alone against another.
        # A report with a passage that conflicts and another that agrees disagrees: it is
        # counted once, among those that disagree.
        dissenting = {m.article for m in conflicting}
        agreed = len({m.article for m in matches if m.relation == "agrees"} - dissenting)
        dissent = len(dissenting) - 1
        tail = f"; {dissent} more disagree{'s' if dissent == 1 else ''}" if dissent else ""
        if agreed:
            tail += f"; {_reports(agreed)} agree{'s' if agreed == 1 else ''}"
        return Suggestion(
            "contradicted",
            f'{c.what}: "{there}" in {first.article} vs "{here}" here{tail}',
            tuple(conflicting),
        )
    agreeing: list[Match] = []
    copied: list[Match] = []
    for m in matches:
        if m.relation == "agrees":
            copy = m.article in copies or fuzz.ratio(text, passage(m)) >= COPY_RATIO
            (copied if copy else agreeing).append(m)
    # A report that copies this passage is no second source for it in any of its passages:
    # its headline, written over the copy, tells the copy again (an outside tester saw a
    # copied sentence "confirmed" by the copying report's own headline).
    if copied:
        copying_reports = {m.article for m in copied}
        agreeing = [m for m in agreeing if m.article not in copying_reports]
    reports = sorted({m.article for m in agreeing})
    if hedge:
        agree = "agrees" if len(reports) == 1 else "agree"
        also = f"; {_reports(len(reports))} {agree}" if reports else ""
        return Suggestion("speculative", f'hedged ("{hedge}"){also}', tuple(agreeing))
    if reports:
        return _confirmed(reports, others, tuple(agreeing))
    if copied:
        copying = sorted({m.article for m in copied})
        return Suggestion(
            "speculative",
            f"only copied in {', '.join(copying)}: a copy is no second source",
            tuple(copied),
        )
    related = [m for m in matches if m.relation == "related"]
    if related:
        return Suggestion(
            "speculative", "only related passages elsewhere, none states this", tuple(related)
        )
    return Suggestion("speculative", "stated by this report alone")


def _confirmed(reports: Sequence[str], others: int, evidence: tuple[Match, ...]) -> Suggestion:
    """ "confirmed", naming the reports that state it (all of them in a word)."""
    if len(reports) == others > 1:
        every = "both other reports" if others == 2 else f"all {others} other reports"
        return Suggestion("confirmed", f"also stated by {every}", evidence)
    listed = ", ".join(reports)
    return Suggestion("confirmed", f"also stated by {_reports(len(reports))}: {listed}", evidence)


def merge_confirmed(found: Sequence[Suggestion], others: int) -> Suggestion:
    """Several units' "confirmed" as one, for a span over them (a sentence of two clauses):
    every report that states one of them. The first unit's alone named other reports than
    the same-fact panel lists for the sentence, a tester found."""
    evidence = tuple(m for s in found for m in s.evidence)
    return _confirmed(sorted({m.article for m in evidence}), others, evidence)


def _reports(n: int) -> str:
    return f"{n} other report" + ("" if n == 1 else "s")


class AlignmentLike(Protocol):
    """What the matrix, the scorecard, the claim view's conflicts and the report read of an
    alignment (align.Alignment has it): the matches of a span."""

    def matches(self, article_id: str, start: int, end: int) -> Sequence[Match]: ...


# Where a reason names reports (suggest): after `" in ` in a conflict, and as the list after
# "also stated by N other reports: " or "only copied in ".
_CONFLICT_IN = re.compile(r'(" in )(.+?)( vs ")')
_LISTED = re.compile(r"(also stated by \d+ other reports?: |^only copied in )(.+?)(: a copy|$)")


def rename_reports(reason: str, names: Mapping[str, str]) -> str:
    """A reason with its report ids replaced by names ("3/5"), only where it lists them:
    never a word that happens to be an id ("report", "a") in the rest of it."""
    known = sorted(names, key=len, reverse=True)

    def rename(listed: str) -> str:
        ellipsis = listed.endswith("…")
        rest = listed[:-1] if ellipsis else listed
        out = []
        while rest:
            found = next((i for i in known if rest == i or rest.startswith(i + ", ")), None)
            if found is None:
                return listed  # not a list of ids after all: left as written
            out.append(names[found])
            rest = rest[len(found) + 2 :]
        # In the order the reader shows the reports (names' order), not the ids' order.
        order = {name: n for n, name in enumerate(names.values())}
        out.sort(key=lambda name: order.get(name, len(order)))
        return ", ".join(out) + ("…" if ellipsis else "")

    reason = _CONFLICT_IN.sub(lambda m: m.group(1) + rename(m.group(2)) + m.group(3), reason, 1)
    return _LISTED.sub(lambda m: m.group(1) + rename(m.group(2)) + m.group(3), reason, 1)
