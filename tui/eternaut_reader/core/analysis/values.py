"""Normalised values in a clause: amounts, money, percentages, multipliers, dates, status.

"$11 billion" and "11 miliardi di dollari" both become money USD 1.1e10; "tenfold", "10x",
"10 times" and "dieci volte" a multiplier 10; "Q2" and "secondo trimestre" the same quarter;
"second half of 2025" and "seconda metà dell'anno" (read in a 2025 report) the same months.
Number words are read by text2num, in English and Italian. Dates are intervals of days, so
that two dates agree when they overlap; relative dates ("next year", "ieri", "on Monday")
are resolved against the article's date, and only when the article has one.

Two values are comparable when they measure the same thing (same kind, same currency or
counted noun); comparable values agree or conflict, which is what a match reports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from text_to_num import text2num

from eternaut_reader.core.analysis.lexicon import (
    GLOSSARY,
    IT_WORDS,
    SYNONYMS,
    stem,
    stopwords,
    unaccent,
)
from eternaut_reader.core.analysis.names import EXONYMS
from eternaut_reader.core.analysis.results import LOST, WON, results
from eternaut_reader.core.analysis.roles import (
    DESCRIBED,
    EXCLUSIVE,
    HELD,
    INSTITUTION,
    OFFICES,
    roles,
)

__all__ = ["Value", "compare", "extract", "far_apart", "parse_number", "significant_digits"]

# Kinds whose disagreement is a conflict. "year" (a bare year used as a modifier, as in
# "the 2023 strikes") only helps to find the same fact, it never conflicts.
CONFLICTING_KINDS = frozenset(
    {
        "money",
        "percent",
        "multiplier",
        "quantity",
        "date",
        "status",
        "time",
        "who",
        "score",
        "ordinal",
        "place",
    }
)
_TOLERANCE = 0.02  # amounts within 2% of each other agree ("oltre 11 miliardi" / "$11.0bn")
_APART = 10.0  # amounts more than ten times apart are not comparable at all
# Counts more than three times apart neither: a story counts people and things for many
# measures, and two reports of one count rarely differ by more ("1,200 hectares" / "1.500
# ettari"); an industry's 165,000 workers and a company's 21,000 are two figures. (A
# percentage may: "16%" misreported as "61%".)
_COUNTS_APART = 3.0


@dataclass(frozen=True, slots=True)
class Value:
    """One value as written (text, start, end relative to the text read) and normalised."""

    # money, percent, multiplier, quantity, date, status, year, time, who, score, ordinal
    kind: str
    # currency, counted noun, status word, or (who) the role or act; "" where there is none
    unit: str
    low: float  # the amount; for a date its first day (proleptic ordinal)
    high: float  # the amount again; for a date its last day
    text: str
    start: int
    end: int
    # A count written with a name before its noun ("2.4 million Telvia customers", "seven
    # Canadair aircraft"): the name, as a second noun it may be a count of ("sette Canadair").
    name: str = ""
    rough: bool = False  # written as a round figure: "nearly", "some", "circa"
    # A day of the week of publication ("yesterday", "on Tuesday", "last week"): news gives
    # several (the announcement, a closing price), so only the words next to it say which.
    recent: bool = False
    # A figure of another time than the story's: a superseded plan ("originally due by
    # March", "doveva chiudersi"), or an earlier event recalled ("July 2022, when the
    # Marmolada glacier broke away and killed eleven people").
    former: bool = False
    # An amount given as a bound: "more than 70" is ">", "at least 30" ">=", "less than
    # half" "<", "no more than 10" "<=", "nearly 100" "~<" (a little less), "just over" "~>".
    bound: str = ""
    # A change: its direction and the words before the figure that give it ("+rose to " for
    # "rose to 6.1%", "-in calo del " for "in calo del 3%"); "" where the value is no change.
    trend: str = ""
    # A duration that frames another figure ("in 24 ore sono caduti 180 millimetri", "within
    # 48 hours"), not how long the event lasted ("after two days of heavy rain").
    window: bool = False
    # The day something was said, not the day it happened: "born on Tuesday, the zoo said on
    # Wednesday" (an outside tester: Wednesday agreed with "nata mercoledì 2 settembre").
    said: bool = False

    @property
    def nouns(self) -> frozenset[str]:
        return frozenset(n for n in (self.unit, self.name) if n)

    @property
    def keys(self) -> list[str]:
        """`key`, and the same for the name a count is also a count of; and for a count of
        ten or more, its figure alone ("17 reti" / "17 goals": nouns the glossary may not
        pair are still one figure)."""
        if self.kind == "who":
            return [self.key]  # the role ("who:deputy mayor"): its holder is a name already
        if self.unit.startswith(NAMED_PLACES) or self.unit in _NO_EVIDENCE:
            # Most passages of a local story name its province, and of a deadly one say who
            # died: no evidence of one fact. Nor is a closure of anything ("was closed for").
            return []
        out = [self.key] + ([self._as_name().key] if self.name else [])
        if self.kind == "quantity" and abs(self.low) >= _BARE_COUNT and not is_measure(self):
            out.append(f"count:{self.low:.3g}")
        if self.unit == YEARS and self.low == self.high and self.low % 1:
            # "six years and four months" and "six years and eight months": a term of years
            # and months shares its years with another, as a sign of one fact (before they
            # were one value, the two 6s did).
            out.append(f"{self.kind}:{self.unit}:{int(self.low)}")
        return out

    @property
    def kind_keys(self) -> list[str]:
        """`kind_key`, and the same for the name a count is also a count of."""
        if (
            self.kind == "who"
            or (self.kind == "status" and ":" in self.unit)
            or self.unit.startswith(NAMED_PLACES)
            or self.unit in _NO_EVIDENCE
        ):
            # A role is no measure to find passages by: weighed as one, it drew an election
            # story's "was elected mayor" away from the passages that state it. Nor is an act
            # done or not ("was announced", "è stato firmato"): too common a phrase. Nor a
            # province or a town's hospital, which most passages of a local story name.
            return []
        return [self.kind_key] + ([self._as_name().kind_key] if self.name else [])

    def _as_name(self) -> Value:
        return replace(self, unit=self.name, name="")

    @property
    def key(self) -> str:
        """A feature for finding the same fact: equal values have equal keys."""
        if self.kind == "date":
            return f"date:{int(self.low)}-{int(self.high)}"
        if self.kind == "status":
            return f"status:{self.unit}"
        if self.kind == "time":
            return f"time:{int(self.low)}"
        return f"{self.kind}:{self.unit}:{self.low:.3g}"

    @property
    def kind_key(self) -> str:
        """A feature for "speaks of the same measure": a date, a count of passengers, a
        release status; two units that both give one are likely about the same fact."""
        if self.kind in ("quantity", "money", "who"):
            return f"{self.kind}:{self.unit}"
        return self.kind

    def display(self) -> str:
        shown = " ".join(self.text.split()).strip(" ,;:.")
        if self.text.rstrip(" ,;:").lower().endswith(("a.m.", "p.m.")):
            shown += "."  # "3 a.m.", not "3 a.m" (an outside tester)
        return shown


# Places compared by a word of their names (_places), not by the whole of it.
NAMED_PLACES = ("hospital:", "province:", "lake:", "side:", "shore:", "region:")
_COUNT_REACH = 24  # characters between a count and a verb that tells what befell those counted
_BARE_COUNT = 10  # smaller counts ("two", "three") are too common to tell one fact by


def significant_digits(x: float) -> str:
    """The significant digits of a figure: 41,000 -> "41", 2,400,000 -> "24"."""
    return f"{abs(x):.5e}".split("e")[0].replace(".", "").rstrip("0")


def _scale_slip(low: float, high: float) -> bool:
    """The same digits ten, a hundred, a thousand or a million times apart: a zero too many
    or thousand, million and billion swapped in one report ("300,000" / "30,000" records)."""
    ratio = high / max(low, 1e-9)
    slipped = any(abs(ratio - 10.0**k) < 1e-6 * 10.0**k for k in (1, 2, 3, 6))
    return slipped and significant_digits(low) == significant_digits(high)


def _same_agent(a: Value, b: Value) -> bool | None:
    """One role or act with agents that share a word agree, and conflict with none; one
    person in two roles no one holds together conflicts (roles.EXCLUSIVE)."""
    words_a, words_b = (
        set(a.name.lstrip(INSTITUTION + DESCRIBED).split()),
        set(b.name.lstrip(INSTITUTION + DESCRIBED).split()),
    )
    shared = bool(words_a & words_b)
    if a.unit in _SIDES and b.unit in _SIDES:
        # A side of a result: the same side won in one report and lost in the other is a
        # conflict; two winners are two games as often as two reports of one.
        if a.unit == b.unit:
            return True if shared else None
        return False if shared else None
    if a.unit == b.unit and DESCRIBED in (a.name[:1], b.name[:1]):
        # "carried out by the park's veterinarian" / "dalla veterinaria del parco, Marta
        # Zanin": a description may be of anyone named, and in two languages its words
        # differ. Only the same words agree; nothing conflicts.
        return True if shared else None
    if a.unit == b.unit:
        body_a, body_b = a.name.startswith(INSTITUTION), b.name.startswith(INSTITUTION)
        person = (not body_a and not words_a & OFFICES) or (not body_b and not words_b & OFFICES)
        if body_a != body_b and person and not shared:
            return None  # "coordinated by Professor Marchetti" / "dall'Università di Padova"
        return shared
    if shared and a.unit.removeprefix(HELD) in EXCLUSIVE and b.unit.removeprefix(HELD) in EXCLUSIVE:
        return False
    return None


_SIDES = frozenset({WON, LOST})

FAR_APART = 10.0  # counts of one noun this far apart may still be one figure: see far_apart


def far_apart(a: Value, b: Value) -> bool:
    """Two counts, or amounts, of one noun too far apart for `compare` to take for one
    figure (more than three times), but less than FAR_APART: in two passages that say
    nearly the same ("will hire 300 workers" / "will hire 1,000 workers", or "1,300", the
    slip of a key a fact-checker looks for first) they are one figure told two ways after
    all; elsewhere, two measures (a group's 2,900 employees, a region's 900)."""
    if a.kind != b.kind or a.kind not in ("quantity", "money") or a.bound or b.bound:
        return False
    if a.unit != b.unit or a.name or b.name or is_measure(a) or a.former != b.former:
        return False
    low, high = sorted((abs(a.low), abs(b.low)))
    return low > 0 and _COUNTS_APART * low < high <= FAR_APART * low


_PUT_OFF_AND_SET = frozenset({"postponed", "scheduled"})


def _status_family(unit: str) -> str | None:
    """What a status is of: STATUS_FAMILY's, or for an act done or not its act ("show")."""
    return STATUS_FAMILY.get(unit) or unit.partition(":")[2] or None


def compare(a: Value, b: Value) -> bool | None:
    """True if the values agree, False if they conflict, None if they measure different things."""
    if a.kind != b.kind or a.kind not in CONFLICTING_KINDS:
        return None
    if a.kind == "who":  # the unit is the role or act, the name the agent's own words
        return _same_agent(a, b)
    if a.kind == "score":  # a result: "3-1" / "3 a 1", whichever side is named first
        return a.low == b.low
    if a.kind == "place":  # "street:manin": a street against a street, a square a square
        if a.unit.partition(":")[0] != b.unit.partition(":")[0]:
            return None
        if a.unit.startswith(("side:", "shore:")):
            # ...a side by its point of the compass: the north-east is on the east.
            here, there = a.unit.partition(":")[2], b.unit.partition(":")[2]
            return here in there or there in here
        if a.unit.startswith(NAMED_PLACES):
            # ...and a hospital or a province by a word of its name in common ("the
            # Alessandro Manzoni hospital in Lecco" / "ospedale Manzoni di Lecco").
            words_a = set(a.unit.partition(":")[2].split())
            return bool(words_a & set(b.unit.partition(":")[2].split()))
        return a.unit == b.unit
    if a.kind == "ordinal":  # "the third attack" / "il quarto attacco": of one noun only
        return a.low == b.low if a.unit == b.unit else None
    if a.kind == "status":  # the unit is the status itself: "upcoming" or "released"
        if _status_family(a.unit) != _status_family(b.unit):
            return None  # a work's release and a line's reopening: two things
        if {a.unit, b.unit} == _PUT_OFF_AND_SET:
            return None  # "postponed" and then "scheduled for Thursday": both may be so
        if "shut" in (a.unit, b.unit) and {a.unit, b.unit} & {"closed", "reopened"}:
            return None  # shut, and still closed or reopened since: both may be so
        if a.unit in _OUTCOME_UNITS and a.name and b.name and a.name != b.name:
            # Two people's outcomes (a trial acquits one, convicts another); one passage that
            # names nobody ("the hiker") may be of either.
            return None
        return a.unit == b.unit
    if a.kind == "quantity" and a.unit != b.unit:
        # One measure in two units: "3 kilometres" / "3,000 metres", "1.5 tonnes" / "1,500
        # kg", "5 miles" / "8 km", "4 km²" / "400 ettari" (an outside tester saw the first two
        # conflict, and 2 tonnes agree with 500 kilograms).
        base_a, base_b = _in_base(a), _in_base(b)
        if base_a is not None and base_b is not None:
            if base_a.unit != base_b.unit:
                return None
            a, b = base_a, base_b
    if a.unit != b.unit or a.name or b.name:  # (compared by their nouns: a hot path)
        shared = a.nouns & b.nouns
        if not shared and not people_and_persons(a, b):
            return None  # dollars and euros, passengers and trains
        if shared == _ONLY_PEOPLE and _befell(a) != _befell(b):
            return None  # "31 people were injured" / "48 people on board": a part, the whole
    if a.kind == "time":
        if a.said != b.said:
            return None  # a live blog's time of writing, against the time of the event
        apart = abs(a.low - b.low)
        apart = min(apart, 24 * 60 - apart)  # "11 p.m." and "1 a.m." are two hours apart
        # A rough hour ("around 8 p.m.", "intorno alle 3") is an hour either way; a rough time
        # given to the minute ("at about 9.40 pm", "just after 10.20pm") is not.
        rough = any(v.rough and v.low % 60 == 0 for v in (a, b))
        if rough:
            return apart <= TIME_ROUGH
        # ...but is rough still: "around 1.30 a.m." agrees with "by 1 a.m.", while "dalle
        # 8.30" and "dalle 9", both exact, are two times.
        return apart <= (TIME_ROUGH_MINUTE if a.rough or b.rough else TIME_SLACK)
    if a.kind == "date":
        if a.said != b.said:
            return None  # the day it was said, against the day it happened
        overlap = a.low <= b.high and b.low <= a.high
        present = _PRESENT.fullmatch(a.text.strip()) and _PRESENT.fullmatch(b.text.strip())
        if not overlap and present:
            # "today" in reports of two days: each its own present ("the line is still shut
            # today"), not two dates for one event.
            return None
        return overlap
    if a.low != a.high or b.low != b.high:
        return _ranges_meet(a, b)
    if a.unit == _DEGREE and (a.low < 0) != (b.low < 0) and max(abs(a.low), abs(b.low)) >= 1:
        return False  # -5°C is no 5°C (a change's sign is its trend's; a temperature's its own)
    low, high = sorted((abs(a.low), abs(b.low)))
    if a.kind == "quantity" and low == 0:
        return high == 0  # "no one was killed" / "two people died"
    if high > (_COUNTS_APART if a.kind in ("quantity", "money") else _APART) * max(low, 1e-9):
        if a.kind in ("quantity", "money") and _scale_slip(low, high):
            return False  # "$2 billion" / "2 million dollars": one figure, its scale misread
        return None  # a ferry's price and a ticket's: amounts this far apart measure two things
    tolerance = _ROUGH_TOLERANCE if a.rough or b.rough else _TOLERANCE
    if a.bound or b.bound:
        return _bounds_meet(a, b)
    return (high - low) / max(high, 1e-9) <= tolerance


# Units of measures, which reports round (durations, lengths, weights, areas, power), as
# against the things a count counts.
_MEASURE_UNITS = frozenset(
    stem(w)
    for w in [
        "seconds",
        "minutes",
        "hours",
        "days",
        "weeks",
        "months",
        "years",
        "metres",
        "meters",
        "kilometres",
        "kilometers",
        "miles",
        "feet",
        "kilograms",
        "tonnes",
        "tons",
        "millimetres",
        "centimetres",
        "litres",
        "liters",
        "hectares",
        "acres",
        "degrees",
        "magnitude",
        "megawatts",
        "kilowatts",
        "gigawatts",
        "secondi",
        "minuti",
        "ore",
        "giorni",
        "settimane",
        "mesi",
        "anni",
        "metri",
        "chilometri",
        "miglia",
        "chili",
        "chilogrammi",
        "tonnellate",
        "litri",
        "ettari",
        "gradi",
    ]
)


PEOPLE = stem("people")  # "persone", "residents" and "individuals" are read as it too
# ...and "units" ("le unità interessate sono 58.000" / "48,000 battery packs"), things.
UNITS = stem("units")
_ONLY_PEOPLE = frozenset({PEOPLE})
_GENERIC = frozenset({PEOPLE, UNITS})


# Units of one dimension, by their stems, with what one of them is in the dimension's base.
_IN_BASE = {
    stem("kilometres"): ("length", 1000.0),
    stem("metres"): ("length", 1.0),
    stem("centimetres"): ("length", 0.01),
    stem("millimetres"): ("length", 0.001),
    stem("miles"): ("length", 1609.344),
    stem("feet"): ("length", 0.3048),
    stem("kilograms"): ("mass", 1.0),
    stem("tonnes"): ("mass", 1000.0),
    stem("grams"): ("mass", 0.001),
    stem("hectares"): ("area", 10_000.0),
    # A term in months against one in years ("18 months" / "two years", "30 mesi" / "two and
    # a half years"); not against days or weeks, which a month is only roughly.
    stem("months"): ("term", 1 / 12),
    stem("years"): ("term", 1.0),
}


def _in_base(value: Value) -> Value | None:
    """The value in its dimension's base unit (metres, kilograms, square metres; a speed in
    metres an hour or a second), or None when its unit has no known dimension."""
    unit, per = value.unit, ""
    for suffix in ("/h", "/s"):
        if unit.endswith(suffix):
            unit, per = unit.removesuffix(suffix), suffix
    power = 1
    if unit.endswith(("2", "3")) and unit[:-1] in _IN_BASE:
        unit, power = unit[:-1], int(unit[-1])
    known = _IN_BASE.get(unit)
    if known is None or "!" in value.unit:
        return None
    dimension, factor = known
    if dimension != "length" and (power != 1 or per):
        return None
    name = dimension if power == 1 else ("area" if power == 2 else "volume")
    factor = factor**power
    return replace(
        value, unit=name + per, low=value.low * factor, high=value.high * factor, name=""
    )


def _ranges_meet(a: Value, b: Value) -> bool | None:
    """A range ("between 30 and 35 million") against a figure or another range: they agree
    where they meet (within the tolerance), and conflict where not, unless they are so far
    apart that they measure two things."""
    middle_a, middle_b = (a.low + a.high) / 2, (b.low + b.high) / 2
    low, high = sorted((abs(middle_a), abs(middle_b)))
    if high > (_COUNTS_APART if a.kind in ("quantity", "money") else _APART) * max(low, 1e-9):
        return None
    slack = _ROUGH_TOLERANCE if a.rough or b.rough else _TOLERANCE
    if a.low != a.high and b.low != b.high and not (a.bound or b.bound):
        # Two ranges are one estimate when their ends are: "€800,000-1.2m" and "1 million to
        # 1.5 million euros" overlap, but are two estimates of one sale.
        return _close(a.low, b.low, slack) and _close(a.high, b.high, slack)
    return a.low * (1 - slack) <= b.high and b.low * (1 - slack) <= a.high


def _close(x: float, y: float, slack: float) -> bool:
    return abs(x - y) <= slack * max(abs(x), abs(y))


def people_and_persons(a: Value, b: Value) -> bool:
    """A count of people against a count of some other noun ("37 people were evacuated" /
    "42 passengers were lifted", "2,400 people an hour" / "2,400 passengers an hour"): reports
    count the same persons as "people" in one and by their role in the other. A measure
    ("five hours", "two years") is no count of persons. Whether the two count one thing is
    then for their neighbouring words to say (matcher._same_measure)."""
    if a.kind != "quantity" or b.kind != "quantity":
        return False
    mine, theirs = a.nouns, b.nouns
    if not (mine | theirs) & _GENERIC:
        return False
    if (PEOPLE in mine) == (PEOPLE in theirs) and (UNITS in mine) == (UNITS in theirs):
        return False
    if _befell(a) and _befell(b):
        return False  # the dead and the injured, the seriously injured and all the injured
    return not any(_measured(n) or n == YEARS for n in a.nouns | b.nouns)


def _befell(value: Value) -> bool:
    """Does a count say what befell the people it counts ("injured", "evacuated")?"""
    return any(n.startswith(_BEFALLEN) for n in value.nouns)


def is_measure(value: Value) -> bool:
    """A measure (hours, metres, hectares), as against a count of things or people."""
    return any(_measured(n) for n in value.nouns)


def _unit_word(word: str) -> bool:
    """Is a word a unit of measure ("metre", "metro", "km", "ore")?"""
    noun = stem(word)
    return _measured(_UNIT_ALIASES.get(noun, noun))


def _measured(unit: str) -> bool:
    base = unit.split("!")[0].removesuffix("/s").removesuffix("/h").rstrip("23")
    return base in _MEASURE_UNITS or unit == DURATION


def _bounds_meet(a: Value, b: Value) -> bool:
    """ "less than half" and "around 40 per cent" agree; "more than 70" and 64 do not, nor 70
    itself, while "at least 30" takes 30. An amount of money is written rounded by its scale
    ("oltre 11 miliardi" / "$11.0bn"), so its strict bounds take their own figure too."""
    if a.bound and b.bound:
        if (">" in a.bound) == (">" in b.bound):
            return True  # "more than 60" and "over 70": both may be true
        above, below = (a, b) if ">" in a.bound else (b, a)
        return abs(above.low) <= abs(below.low)
    bounded, other = (a, b) if a.bound else (b, a)
    x, y = abs(bounded.low), abs(other.low)
    # A strict bound takes its own figure where that figure is a rounded one: money, or a
    # measure ("more than five hours" / "about five hours", found by an outside tester). A
    # count is exact, and so is a share ("less than half" is not half).
    inclusive = bounded.bound.endswith("=") or bounded.kind == "money" or _measured(bounded.unit)
    if bounded.bound == "~<":
        # "nearly 38,000" is 38,000 or a little less: not 104 for "nearly 100", nor 20.
        return x * (1 - _ROUGH_TOLERANCE) <= y <= x
    if bounded.bound == "~>":
        return x <= y <= x * (1 + _ROUGH_TOLERANCE)
    if bounded.bound[0] == ">":
        return y >= x if inclusive else y > x
    return y <= x if inclusive else y < x


# ---------------------------------------------------------------------------------------------
# Numbers

_DIGITS = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_NUMBER_WORD = re.compile(r"[^\W\d_]+")
_BARE_YEAR = re.compile(r"(?:19|20)\d\d|2100")
_CONNECTORS = frozenset({"and", "e"})
# A figure in digits, or "and a half", just before a scale word ("2 million", "two and a half
# million"): the scale belongs to that figure.
# How far back a pattern anchored at a value's start looks ("$", "and a", "first"): a search
# from the text's start made each value cost the whole text before it, quadratic in a long
# unit ("1-1-1-…" over 40,000 characters took 90 s).
_LOOK_BACK = 32
_DIGITS_BEFORE = re.compile(r"(?:\d|\band\s+a\s+half)\s*$", re.IGNORECASE)
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "mila": 1e3,
    "migliaia": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "milione": 1e6,
    "milioni": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "miliardo": 1e9,
    "miliardi": 1e9,
    "mld": 1e9,
    "mrd": 1e9,
    "trillion": 1e12,
}
# Letters that are a scale only in an amount of money: otherwise a unit ("2.4 m", "5 k").
_MONEY_ONLY_SCALES = frozenset({"m", "b", "k"})
_SCALE_AFTER = re.compile(
    r"\s*(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_HALF_SCALE = re.compile(
    r"\b(?:an?\s+)?(?:half|mezz[oa])(?:\s+an?\b|-|\s+)(?=\s*(?:"
    + "|".join(sorted((k for k in _SCALES if len(k) > 2), key=len, reverse=True))
    + r")\b)",
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"\band\s+(?:an?\s+)?$", re.IGNORECASE)
_DOZEN = re.compile(r"\b(a|one|two|three|una|due|tre)\s+(?:dozen|dozzin[ae])\b", re.IGNORECASE)
# Round counts, a figure and its bound: "hundreds of people", "centinaia di persone" (at
# least two hundred), "una sessantina di interventi" (about sixty).
_ROUGH_COUNTS = {
    "dozens": (24.0, ">="),
    "decine": (20.0, ">="),
    "hundreds": (200.0, ">="),
    "centinaia": (200.0, ">="),
    "thousands": (2000.0, ">="),
    "migliaia": (2000.0, ">="),
    "decina": (10.0, ""),
    "quindicina": (15.0, ""),
    "ventina": (20.0, ""),
    "trentina": (30.0, ""),
    "quarantina": (40.0, ""),
    "cinquantina": (50.0, ""),
    "sessantina": (60.0, ""),
    "settantina": (70.0, ""),
    "ottantina": (80.0, ""),
    "novantina": (90.0, ""),
    "centinaio": (100.0, ""),
    "migliaio": (1000.0, ""),
}
_ABOUT_HIGH = 1.25  # "una ventina": up to twenty-five
_ROUGH_COUNT = re.compile(
    r"\b(" + "|".join(_ROUGH_COUNTS) + r")(?=\s+(?:of|di|d['’])\s*[^\W\d_])", re.IGNORECASE
)
# "one", "a" and their Italian forms are numbers only before a scale ("un miliardo").
_ARTICLES = frozenset({"one", "a", "an", "un", "uno", "una", "un'"})
_NOT_NUMBERS = frozenset({"second", "secondo", "seconda", "first", "prima", "primo"})
_ONE_WORDS = frozenset({"one", "un", "uno", "una"})  # not "a": "5 euros a day" is a rate
_NEXT_WORD = re.compile(r"(?:\s+|['’])([^\W\d_]+)")  # "un metro", "un'ora"
# Half an hour, which no figure says: "after half an hour", "dopo mezz'ora".
_HALF_HOUR = re.compile(r"\b(?:half\s+an\s+hour|mezz['’]\s?ora|mezzora)\b", re.IGNORECASE)


def parse_number(digits: str) -> float:
    """'1,200' and '1.200' -> 1200; '11,5' and '11.5' -> 11.5; '1.234,5' -> 1234.5."""
    if "." in digits and "," in digits:
        decimal = max(digits.rfind("."), digits.rfind(","))
        whole = re.sub(r"[.,]", "", digits[:decimal])
        return float(f"{whole}.{digits[decimal + 1 :]}")
    groups = re.split(r"[.,]", digits)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
        return float("".join(groups))
    if len(groups) == 2:
        return float(f"{groups[0]}.{groups[1]}")
    return float("".join(groups))


@lru_cache(maxsize=65536)
def is_number_word(word: str) -> bool:
    """Is the word a number in English or Italian ("forty", "sedici")?"""
    return any(_word_number(word, language) is not None for language in ("en", "it"))


@lru_cache(maxsize=8192)
def _word_number(words: str, language: str) -> int | None:
    lang = language if language in ("en", "it") else "en"
    try:
        value = text2num(words, lang)
    except ValueError:
        return None
    return int(value)


@dataclass(frozen=True, slots=True)
class _Number:
    start: int
    end: int
    value: float
    word: bool


def _numbers(text: str, language: str) -> list[_Number]:
    found = [
        _Number(m.start(), m.end(), parse_number(m.group()), False) for m in _DIGITS.finditer(text)
    ]
    # "half a million", "a half-million", "mezzo milione": half of the scale after it.
    halves = [
        (m.start(), m.end())
        for m in _HALF_SCALE.finditer(text)
        if not _AND_BEFORE.search(
            text, max(0, m.start() - _LOOK_BACK), m.start()
        )  # "two and a half million": see below
    ]
    found += [_Number(start, end, 0.5, True) for start, end in halves]
    # "a dozen", "two dozen", "una dozzina": twelves.
    for m in _DOZEN.finditer(text):
        count = _count_word(m.group(1)) or 1
        found.append(_Number(m.start(), m.end(), 12.0 * count, True))
    taken = [(m.start(), m.end()) for m in _DOZEN.finditer(text)]
    for m in _ROUGH_COUNT.finditer(text):
        found.append(_Number(m.start(), m.end(), _ROUGH_COUNTS[m.group(1).lower()][0], True))
        taken.append((m.start(), m.end()))
    for start, end in halves:
        scale = _SCALE_AFTER.match(text, end)
        taken.append((start, scale.end() if scale else end))  # its scale is read with it
    # Words split at hyphens too: "forty-eight" is two words of one number, "five-year" a
    # number and its noun.
    tokens = [
        t for t in _NUMBER_WORD.finditer(text) if not any(s <= t.start() < e for s, e in taken)
    ]
    i = 0
    while i < len(tokens):
        token = tokens[i].group().lower()
        if token in _NOT_NUMBERS or token in _CONNECTORS or _word_number(token, language) is None:
            i += 1
            continue
        if token in _SCALES and _DIGITS_BEFORE.search(
            text, max(0, tokens[i].start() - _LOOK_BACK), tokens[i].start()
        ):
            i += 1  # the scale of the figure before it ("2 million"), not one million
            continue
        # The longest run of words from here that still reads as one number; "and" between
        # its words is skipped ("three hundred and twenty").
        parts = [token]
        end = i + 1
        best = end
        while end < len(tokens) and end - i < 8:
            gap = text[tokens[end - 1].end() : tokens[end].start()]
            if gap.strip() not in ("", "-"):
                break
            word = tokens[end].group().lower()
            if word in _CONNECTORS:
                end += 1
                continue
            if _word_number(" ".join([*parts, word]), language) is None:
                break
            parts.append(word)
            end += 1
            best = end
        words = " ".join(parts)
        value = _word_number(words, language)
        end_of_run = tokens[best - 1].end()
        lone_article = words in _ARTICLES and not _SCALE_AFTER.match(text, end_of_run)
        if lone_article and words in _ONE_WORDS:
            # "one metre", "un metro e mezzo", "one hour": a measure, not an article.
            after = _NEXT_WORD.match(text, end_of_run)
            lone_article = not (after and _unit_word(after.group(1)))
        if value is not None and not lone_article:
            found.append(_Number(tokens[i].start(), end_of_run, float(value), True))
        i = best
    return [_and_a_half(text, n) for n in sorted(found, key=lambda n: n.start)]


# "two and a half", "2 and a half": half a unit more, read with the number.
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
# Italian puts the half after what is counted: "due volte e mezzo", "tre milioni e mezzo".
_E_MEZZO = re.compile(r"\s+e\s+mezz[oa]\b", re.IGNORECASE)


def _and_a_half(text: str, number: _Number) -> _Number:
    half = _AND_A_HALF.match(text, number.end)
    if half is not None:
        return _Number(number.start, half.end(), number.value + 0.5, number.word)
    last = text[number.start : number.end].rsplit(None, 1)[-1].lower()
    half = _E_MEZZO.match(text, number.end)
    if half is not None and last in _SCALES:  # "due milioni e mezzo"
        return _Number(number.start, half.end(), number.value + _SCALES[last] / 2, number.word)
    return number


# ---------------------------------------------------------------------------------------------
# Amounts: money, percentages, multipliers, counted quantities

_CURRENCY_BEFORE = re.compile(r"(US\$|\$|€|£|USD|EUR|GBP)\s?$")
# The high end of a range of money whose currency stands before its low end only: "€800,000-
# 1.2m", "$2m to $3m" has its own. Its "m" is millions, not metres.
_CURRENCY_RANGE_BEFORE = re.compile(
    r"(US\$|\$|€|£)\s?\d[\d.,]*\s?(?:m|bn|b|k|million|billion|milioni|miliardi)?"
    r"(?:\s*[-–]\s*|\s+to\s+)$",
    re.IGNORECASE,
)
_CURRENCY_AFTER = re.compile(
    r"\s*(?:di\s+|d['’]\s*|of\s+)?(dollari|dollaro|dollars?|euros?|sterline|pounds?|usd|eur|gbp)\b",
    re.IGNORECASE,
)
_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollari": "USD",
    "dollaro": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "sterline": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
}
_PERCENT_AFTER = re.compile(
    r"\s?(%|per\s?cent\b|percent\b|per\s+cento\b|percento\b)", re.IGNORECASE
)
_TIMES_AFTER = re.compile(r"(?:\s?[x×](?![\w])|\s+(?:times|volte)\b|-?fold\b)", re.IGNORECASE)
_FOLD_WORD = re.compile(r"\b([^\W\d_]+)fold\b", re.IGNORECASE)
# Abbreviated units, by stem, to the stem of the word written out.
# A length per unit of time: "/s", "per second", "al secondo"; "/h", "per hour", "orari".
_PER_TIME = re.compile(
    r"\s*(?:(/\s*h(?:r|our)?\b|\s+per\s+hour|\s+an\s+hour|\s+all['’]ora|\s+orar[io]|"
    r"\s+l['’]ora)|/\s*s(?:ec)?\b|\s+per\s+second|\s+a\s+second|\s+al\s+secondo)",
    re.IGNORECASE,
)
_SPEED_WORDS = {"kmh": "h", "mph": "h", "kph": "h"}  # units that are speeds already
_LENGTHS = frozenset(stem(w) for w in ("kilometres", "metres", "miles"))
_UNIT_ALIASES = {
    stem(short): stem(word)
    for short, word in (
        ("km", "kilometres"),
        ("kms", "kilometres"),
        ("m", "metres"),
        ("kg", "kilograms"),
        ("chili", "kilograms"),
        ("chilo", "kilograms"),
        ("chilogrammi", "kilograms"),
        ("kilos", "kilograms"),
        ("t", "tonnes"),
        ("h", "hours"),
        ("hr", "hours"),
        ("hrs", "hours"),
        ("min", "minutes"),
        ("mph", "miles"),
        ("kmh", "kilometres"),
        ("mw", "megawatts"),
        ("kw", "kilowatts"),
        ("kwh", "kilowatts"),
        ("mwh", "megawatts"),
        ("gw", "gigawatts"),
        ("gwh", "gigawatts"),
        ("mm", "millimetres"),
        ("cm", "centimetres"),
        ("ft", "feet"),
        ("gradi", "degrees"),
    )
} | {
    stem(short): stem(word) + "2"  # areas: the length's unit squared
    for short, word in (
        ("km2", "kilometres"),
        ("m2", "metres"),
        ("mq", "metres"),
        ("sqm", "metres"),
    )
}
# "four square kilometres", "quattro chilometri quadrati", "300 metri quadri": an area, the
# same measure as "4 km²".
_SQUARE = frozenset({stem("square"), stem("sq")})
_SQUARED_AFTER = re.compile(r"\s+(?:quadrat[oiae]|quadr[oiae])\b", re.IGNORECASE)
_CUBE = frozenset({stem("cubic")})
_CUBED_AFTER = re.compile(r"\s+(?:cub[oiae])\b", re.IGNORECASE)
_DEGREES_AFTER = re.compile(
    r"(?:\s?°\s?([CF])\b|(?-i:([CF]))\b(?![’'])|"  # "40°C", "-4.5C" (no space before the C)
    r"\s?(?:degrees?|gradi)(?:\s+(Celsius|Fahrenheit|centigrad[ei]))?\b)",
    re.IGNORECASE,
)
# Below zero in words: "meno 5 gradi", "minus 5 degrees" (an outside tester's -5°C agreed with
# 5°C, and "meno 5 gradi" with "5°C").
_MINUS_BEFORE = re.compile(r"\b(?:meno|minus)\s+$", re.IGNORECASE)
_BELOW_ZERO_AFTER = re.compile(r"\s+(?:below\s+(?:zero|freezing)|sotto\s+(?:lo\s+)?zero)\b", re.I)
_DEGREE = stem("degrees")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th|°|ª|º)(?![^\W\d_])", re.IGNORECASE)
_COUNTED = re.compile(r"(?:-|\s*)(?:(?:di|of|de|d['’])\s+)?([^\W\d_]{1,})")
_PASSIVE_COUNT = re.compile(
    r"\s+(?:were|was|have\s+been|had\s+been|are|sono\s+stat[ie]|sono\s+rimast[ie]|"
    r"sono|erano\s+stat[ie])\s+(?:(?:all|seriously|badly|slightly|gravemente|lievemente)\s+)?"
    r"([^\W\d_]{4,}(?:ed|en|ti|te))\b",
    re.IGNORECASE,
)
# "460 people displaced", "14 persone ferite": people counted by what happened to them.
# ...and "twelve passengers were injured", "three workers were killed": any people.
_PEOPLE = frozenset(
    stem(w)
    for w in [
        "people",
        "persons",
        "persone",
        "residents",
        "abitanti",
        "passengers",
        "passeggeri",
        "workers",
        "lavoratori",
        "operai",
        "employees",
        "dipendenti",
        "children",
        "bambini",
        "students",
        "studenti",
        "pupils",
        "tourists",
        "turisti",
        "patients",
        "pazienti",
        "fans",
        "tifosi",
        "climbers",
        "hikers",
        "escursionisti",
        "miners",
        "minatori",
        "visitors",
        "visitatori",
        "spectators",
        "spettatori",
        "migrants",
        "migranti",
        "soldiers",
        "soldati",
        "civilians",
        "civili",
        "firefighters",
        "pompieri",
        "officers",
        "agenti",
        "crew",
        "villagers",
    ]
)
_PARTICIPLE_AFTER = re.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been|are|sono\s+stat[ie]|sono\s+rimast[ie]|sono)\s+)?"
    r"(?:(?:all|seriously|badly|slightly|gravemente|lievemente)\s+)?"
    r"([^\W\d_]{3,}(?:ed|en|ti|te)|hurt|died|stuck)\b",
    re.IGNORECASE,
)
# People driven from their homes are the evacuated, however it is said: "150 people forced
# from their homes", "residents forced to leave their homes", "120 famiglie costrette a
# lasciare le loro case".
_DISPLACED_AFTER = re.compile(
    r"\s+(?:(?:were|have\s+been|had\s+been|sono\s+stat[ie]|sono)\s+)?"
    r"(forced|driven|costrett[ie])\s+(?:from|out\s+of|to\s+(?:leave|flee|abandon|quit)|"
    r"a\s+(?:lasciare|abbandonare))\s+(?:their\s+|le\s+(?:loro\s+)?|la\s+(?:loro\s+)?)?"
    r"(?:homes?|houses?|case|abitazion[ie]|casa)\b",
    re.IGNORECASE,
)
_PARTICIPLE_BEFORE = re.compile(
    r"\b(?:sono\s+stat[ie]|sono\s+rimast[ie]|sono|risultano|were|have\s+been)\s+"
    # ("morte", "morti": the dead, however short the participle)
    r"([^\W\d_]{3,}(?:at[ie]|it[ie]|ut[ie]|ed|en)|[^\W\d_]*ort[ie]|uccis[ie])\s+"
    r"(?:(?:circa|about|oltre|almeno)\s+)?$",
    re.IGNORECASE,
)
# "…closed the bakery, injuring 3 people": what befell them, said first by a gerund.
_GERUND_BEFORE = re.compile(
    r"\b(?:(?:ha|hanno)\s+)?(injuring|killing|wounding|hurting|"
    # ...or by the verb in the active voice: "The storm killed at least 12 people", "ha
    # ucciso almeno dodici persone", "evacuated 300 residents".
    r"killed|injured|wounded|evacuated|rescued|arrested|infected|"
    # ...or by a headline's participle, "Valmorra, evacuati 120 residenti", or a noun, "forcing
    # the evacuation of 120 residents", "l'evacuazione di 300 persone".
    r"uccis[oaie]|ferit[oaie]|evacuat[oaie]|salvat[oaie]|arrestat[oaie]|contagiat[oaie]|"
    r"evacuation\s+of|evacuazione\s+d[ei]\w*)"
    r"\s+(?:(?:at\s+least|about|some|around|nearly|almeno|circa|oltre)\s+)?$",
    re.IGNORECASE,
)
# What befalls people in the news, by how its participles begin: "injured", "hurt",
# "evacuated", "feriti", "sfollati"… ("1,300 workers downed tools" counts workers).
_BEFALLEN = (
    "injur",
    "hurt",
    "kill",
    "died",
    "dead",
    "wound",
    "evacu",
    "displac",
    "rescu",
    "arrest",
    "hospital",
    "trapp",
    "strand",
    "detain",
    "infect",
    "poison",
    "sicken",
    "treated",
    "missing",
    "ferit",
    "mort",
    "sfollat",
    "soccors",
    "arrestat",
    "ricoverat",
    "uccis",
    "intrappolat",
    "bloccat",
    "stuck",
    "dispers",
    "intossicat",
    "contagiat",
    "salvat",
    "fermat",
)
# "Gli sfollati sono 380", "the dead number three", "i feriti salgono a 14": the noun before,
# right after its article ("le confezioni interessate sono…" names no noun there).
# "a crowd of 4,800", "a fleet of 30": the noun before "of" when none follows the figure.
_NOUN_OF = re.compile(
    r"\b([^\W\d_]{4,})\s+of\s+(?:(?:about|some|around|nearly|almost|more\s+than|over)\s+)?$",
    re.IGNORECASE,
)
# ...not a word that says how a figure is taken ("a total of", "an age of", "a cost of").
_NO_COUNT_OF = frozenset(
    """total number figure sum maximum minimum average peak record height depth length width
    value cost price rate share level speed distance temperature weight area score age""".split()  # noqa: SIM905
)
_NOUN_IS = re.compile(
    r"\b(?:the|i|gli|le)\s+([^\W\d_]{4,})(?:\s+(?:[^\W\d_]{4,}(?:at[ieo]|ut[ieo]|it[ieo]|ed)))?\s+"
    r"(?:sono|are|were|number|numbered|totalled|total|salgono\s+a|"
    r"sono\s+saliti\s+a|ammontano\s+a|rose\s+to|rise\s+to|risen\s+to)"
    r"(?:\s+(?:circa|about|around|almeno|at\s+least))?\s+$",
    re.IGNORECASE,
)
_IT_PLURAL_ARTICLES = frozenset({"i", "gli", "le"})
_IT_IN_ALL = re.compile(r"\s+(?:in\s+tutto|in\s+totale|complessivamente|finora)\b", re.IGNORECASE)
# People "treated", "taken" or "rushed" to hospital are the injured.
_CARED_FOR = frozenset(stem(w) for w in ("treated", "taken", "rushed", "admitted", "brought"))
_TO_HOSPITAL = re.compile(
    r"\s+(?:[^\W\d_]+\s+){0,2}?(?:in|to|at|into)\s+(?:a\s+|the\s+|local\s+|nearby\s+)*hospital",
    re.IGNORECASE,
)
_SENT_TO_HOSPITAL = re.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been|are|sono\s+stat[ie])\s+)?(?:[^\W\d_]+ly\s+)?"
    r"(?:(?:treated|taken|rushed|"
    r"admitted|brought|flown)\b(?:\s+[^\W\d_]+){0,2}?\s+(?:in|to|at|into)\s+(?:(?:a|the|local|"
    r"nearby)\s+)*hospital|(?:portat|trasportat|accompagnat|trasferit|medicat|curat|soccors)[ie]\s+"
    r"(?:d['’]urgenza\s+)?(?:in|all['’]|al)\s*(?:ospedale|pronto\s+soccorso))",
    re.IGNORECASE,
)
# The seriously injured are a count of their own: "no serious injuries" does not contradict
# "14 people were slightly hurt", and "two people were seriously injured" does.
_INJURED = stem("injured")
_INJURED_SERIOUSLY = _INJURED + "!serious"
_SERIOUS = re.compile(
    r"\b(?:seriously|badly|critically|serious|gravemente|grav[ei])\b", re.IGNORECASE
)


def _serious(text: str, start: int, stop: int) -> bool:
    """Is the count at text[start:stop] of the seriously injured? Its severity may be written
    right after it too ("tre feriti gravi"), but in its clause: "23 feriti, tre gravi"
    counts all 23."""
    end = min(len(text), stop + 20)
    brk = re.search(r"[,;:.(]", text[stop:end])
    return _SERIOUS.search(text, start, stop + brk.start() if brk else end) is not None


_METRE = stem("metres")
_AND_MONTHS = re.compile(
    r"(?:\s*,\s*|\s+e\s+|\s+and\s+|\s*,\s+and\s+)(\d{1,2}|[^\W\d_]+)\s+(?:mesi|mese|months?)\b",
    re.IGNORECASE,
)
_AND_CENTIMETRES = re.compile(r"\s+e\s+(\d{1,2}|[^\W\d_]+)\b(\s+centimetri)?", re.IGNORECASE)
# The body a count's people belong to: a name after "of", "from", "del"…
_OWNER = re.compile(
    r"\s+(?:of|from|at|del|della|dei|degli|delle|dello|dal|dalla|di)\s+(?:the\s+)?"
    r"([A-Z][^\W\d_]{2,})",
)
# A vote's tally written as two bare numbers, in a clause about voting.
_TALLY = re.compile(r"\s*(?:-|–|\bto\b|\ba\b)\s*(\d+|[^\W\d_]+)\b", re.IGNORECASE)
# Words of a vote; a tally's "against" besides ("21 for, 15 against").
_VOTE_WORDS = (
    r"vot\w*|backed|approv\w*|passed|adopted|ballot\w*|elect\w*|favou?r|favorevol\w*|"
    r"contrar\w*|maggioranza|majority"
)
_VOTING = re.compile(rf"\b(?:{_VOTE_WORDS}|against)\b", re.IGNORECASE)
_VOTE = stem("votes")
_NOUN_AFTER_NAME = re.compile(r"\s+([a-zà-ÿ][^\W\d_]*)")
_PLURAL_HEAD = re.compile(r"[a-z]{2,}[^s\W]s")  # "ships", "packs", "vessels"; not "glass"
_IT_BEFORE = frozenset(
    f"{base}{end}"
    for base in ("piccol", "nuov", "vecch", "numeros", "divers")
    for end in ("i", "e")
) | {"grandi", "ulteriori"}
# "320 job cuts", "40 branch closures", "150 job losses": the jobs and branches are counted.
_LOST_HEADS = frozenset(stem(w) for w in ("cuts", "losses", "closures", "redundancies"))


_IN_HOURS = {"day": 24, "week": 168, "minut": 1 / 60, "second": 1 / 3600}
YEARS = stem("years")  # the noun of ages and anniversaries
# An age in apposition: a name or a person's noun, a comma, the figure, a comma or the end
# of the clause ("Benetti, 38,", "the mayor, 54, said").
_OLDEST = 120
_AGE_BEFORE = re.compile(r"[^\W\d_]{2,}['’]?,\s+$")
_AGE_AFTER = re.compile(r"\s*(?:,|\)|;|\.(?!\d)|$)")
DURATION = "hour"  # the unit durations are counted in: "a two-day strike" is 48 of them


# The words before a duration that make it a window: "in 24 hours", "within 48 hours", "in the
# past 24 hours", "nelle ultime 24 ore", "nel giro di due giorni", "nell'arco di 12 ore".
_WINDOW = re.compile(
    r"\b(?:in|within|in\s+the\s+(?:last|past|first|space\s+of)|in\s+(?:just|only)|"
    r"nelle\s+(?:ultime|prime)|negli\s+(?:ultimi|primi)|nel\s+giro\s+di|nell['’]arco\s+di|"
    r"in\s+(?:appena|sole|soli))\s+$",
    re.IGNORECASE,
)


def _amount(kind: str, unit: str, amount: float, text: str, start: int, end: int) -> Value:
    return Value(kind, unit, amount, amount, text[start:end], start, end)


# "380 of the 1,450 jobs", "nove dei 14 lotti": a part counts what the whole counts.
_PART_OF = re.compile(
    r"\s+(?:out\s+of|of|dei|degli|delle|sui|sugli|sulle|tra|fra)\s+(?:(?:the|its|their|i|gli|le)\s+)?"
    r"(?:[^\W\d_]+['’]s\s+)?",  # "two of the train's five carriages"
    re.IGNORECASE,
)


# "No one was killed", "nobody died", "there were no injuries", "nessun ferito", "non ci sono
# vittime": a count of none, which another report's "two dead" contradicts.
_NONE_OF = re.compile(
    r"\b(?:(?:no[\s-]one|nobody|none)(?:\s+(?:else|of\s+them|of\s+the\s+\w+))?\s+"
    r"(?:(?:was|were|is|has\s+been|had\s+been|have\s+been)\s+)?"
    r"(?:seriously\s+|badly\s+|critically\s+)?(killed|died|hurt|injured|wounded|"
    r"missing|hospitali[sz]ed|evacuated|arrested)"
    r"|no\s+(?:serious\s+|major\s+)?(deaths|fatalities|casualties|injuries|victims|dead|injured|arrests)"
    # "No patients died", "no passengers were hurt"
    r"|no\s+[^\W\d_]+\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?"
    r"(?:seriously\s+|badly\s+)?(killed|died|hurt|injured|wounded)"
    # "did not cause any injuries", "there were not any casualties", "without injuries"
    r"|(?:not|n['’]t|without)\s+(?:[^\W\d_]+\s+){0,2}?(?:any\s+)?"
    r"(deaths|fatalities|casualties|injuries|victims|arrests)"
    r"|senza\s+(?:causare\s+|fare\s+)?(feriti|vittime|morti)"
    r"|nessun[oa]?\s+(?:(?:è|e)\s+(?:rimast[oa]\s+)?)?(ferit[oa]|mort[oa]|vittima|dispers[oa]|"
    r"arrestat[oa])"
    r"|non\s+ci\s+sono\s+(?:stat[ie]\s+)?(vittime|feriti|morti|dispersi|arresti))\b",
    re.IGNORECASE,
)
# In a report of an accident or a disaster, its "victims" and "casualties" are its dead.
_NONE_NOUN = {"victim": "dead", "casual": "dead", "vittim": "dead", "fatali": "dead"}


# "Nobody died among the firefighters", "tra i vigili del fuoco nessun ferito": none of some
# group only, which another report's two dead elsewhere do not contradict.
_SCOPE = re.compile(
    r"\b(?:among|amongst|of\s+the|tra|fra|between|inside|aboard|on\s+board|a\s+bordo)\b",
    re.IGNORECASE,
)


# "One person died", "a man was killed", "una donna è rimasta ferita", "è morto l'autista":
# a count of one dead or injured, which another report's "nobody died" contradicts.
_PERSON = (
    r"(?:person|man|woman|child|boy|girl|passenger|worker|driver|pedestrian|tourist|resident|"
    r"cyclist|motorcyclist|firefighter|officer|patient|soldier|student|climber|victim|"
    r"persona|uomo|donna|bambin[oa]|ragazz[oa]|passegger[oa]|operai[oa]|autista|turista|pedone|"
    r"ciclista|motociclista|paziente|soldato|studente|studentessa|alpinista)"
)
_ONE_OF = re.compile(
    rf"\b(?:one|a|an|un|una|uno|un['’])\s*(?:[^\W\d_]+\s+)?{_PERSON}\s+(?:(?:was|has\s+been|had\s+"
    r"been|è|è\s+stat[oa]|è\s+rimast[oa])\s+)?(?:seriously\s+|badly\s+|critically\s+|fatally\s+|"
    r"gravemente\s+)?(killed|died|injured|hurt|wounded|mort[oa]|uccis[oa]|ferit[oa]|decedut[oa])\b"
    rf"|\b(?:è|è\s+stat[oa]|è\s+rimast[oa])\s+(mort[oa]|uccis[oa]|ferit[oa]|decedut[oa])\s+"
    rf"(?:un|una|uno|un['’]|l['’]|il|la)\s*(?:[^\W\d_]+\s+)?{_PERSON}\b",
    re.IGNORECASE,
)
_ONE_NOUN = {"uccis": "dead", "decedu": "dead"}


_ONE_HINT = re.compile(r"kill|die|injur|hurt|wound|mort|uccis|ferit|decedut", re.IGNORECASE)


def _in_english(noun: str, language: str = "it") -> str:
    """A counted noun's stem as the glossary and the synonyms read it ("feriti" -> injured).
    The glossary is Italian's: an English noun may have an Italian stem's letters ("men" is
    "meno", less), so it is read by the synonyms alone."""
    if language == "it":
        noun = GLOSSARY.get(noun, noun)
    noun = SYNONYMS.get(noun, noun)
    return _befell_as(noun) or noun


def _befell_as(noun: str) -> str | None:
    return next((what for begins, what in _BEFELL if noun.startswith(begins)), None)


# What befell the people counted, one word for each whatever the language or the form:
# "salvate", "soccorse", "rescued"; "intrappolate", "bloccate", "trapped", "stuck".
_EVACUATED = stem("evacuated")
_BEFELL = (
    (("uccis",), "dead"),
    (("resc", "salvat", "soccors"), stem("rescued")),
    (("trapp", "intrap", "blocca", "stuck"), stem("trapped")),
    (("infect", "contag"), stem("infected")),
)


def _one_counts(text: str) -> list[Value]:
    if not _ONE_HINT.search(text):
        return []  # the common case, cheaply: nobody died or was hurt here
    out = []
    for m in _ONE_OF.finditer(text):
        noun = stem(next(g for g in m.groups() if g))
        noun = _ONE_NOUN.get(noun, noun)
        noun = _in_english(noun)
        if noun == _INJURED and _serious(text, m.start(), m.end()):
            noun = _INJURED_SERIOUSLY
        count = Value("quantity", noun, 1.0, 1.0, m.group(), m.start(), m.end())
        out.append(replace(count, name=PEOPLE))
    return out


def _none_counts(text: str) -> list[Value]:
    out = []
    for m in _NONE_OF.finditer(text):
        clause = _clause_start(text, m.start())
        after = re.search(r"[.;:!?]", text[m.end() :])
        stop = m.end() + after.start() if after else len(text)
        if _SCOPE.search(text, clause, stop):
            continue
        word = next(g for g in m.groups() if g)
        noun = stem(word)
        noun = _NONE_NOUN.get(noun, noun)
        noun = _in_english(noun)
        if noun == _INJURED and _serious(text, m.start(), m.end()):
            noun = _INJURED_SERIOUSLY  # "no serious injuries", "nessun ferito grave"
        out.append(Value("quantity", noun, 0.0, 0.0, m.group(), m.start(), m.end()))
    return out


_MAGNITUDE = stem("magnitude")
_AFTERSHOCK = re.compile(
    r"\b(?:aftershocks?|repliche|replica|scosse\s+di\s+assestamento|scossa\s+di\s+assestamento)\b"
    r"[^.]*$",
    re.IGNORECASE,
)
_MAGNITUDE_BEFORE = re.compile(r"\b(?:magnitude|magnitudo)[\s-]+(?:of\s+|di\s+)?$", re.IGNORECASE)


# A part of a toll told right after it: "injuring 23 people, two of them seriously", "27
# feriti, tre dei quali in gravi condizioni", "di cui due gravi". The part is the count of the
# seriously injured another report gives as "the two most seriously injured".
_PART_OF_THEM = re.compile(
    r"\b(?:(?P<n>\w+)\s+(?:of\s+(?:them|whom)|dei\s+quali|delle\s+quali|tra\s+(?:loro|cui))"
    r"|(?:di|tra)\s+cui\s+(?P<m>\w+)|,\s+(?P<k>\w+)(?=\s+(?:seriously|critically|gravi|grave|"
    r"in\s+(?:gravi|serious|critical)\s+condi)))\b",
    re.IGNORECASE,
)
# "the three seriously injured passengers", "due gravemente feriti": the adverb is no noun.
_SERIOUSLY_HURT = re.compile(
    r"\b(?P<n>\w+)\s+(?:seriously|critically|badly|gravemente)\s+(?:injured|hurt|ferit[ie])\b",
    re.IGNORECASE,
)


def _serious_parts(text: str, numbers: list[_Number], found: list[Value]) -> list[Value]:
    if not _SERIOUS.search(text):
        return []  # the common case, cheaply
    out = []
    for m in _SERIOUSLY_HURT.finditer(text):
        number = next((n for n in numbers if n.start == m.start("n")), None)
        if number is not None and 0 < number.value < 1000:
            out.append(_amount("quantity", _INJURED_SERIOUSLY, number.value, text, *m.span()))
    for m in _PART_OF_THEM.finditer(text):
        group = next(g for g in ("n", "m", "k") if m.group(g))
        number = next((n for n in numbers if n.start == m.start(group)), None)
        if number is None or not 0 < number.value < 1000:
            continue
        clause = _clause_start(text, m.start())
        toll = [v for v in found if v.unit == _INJURED and clause <= v.start and v.end <= m.start()]
        if toll and number.value < toll[-1].low and _serious(text, m.start(), m.end()):
            severity = _SERIOUS.search(text, m.start(), min(len(text), m.end() + 20))
            stop = severity.end() if severity else m.end()
            first = m.start(group) if group == "k" else m.start()
            out.append(_amount("quantity", _INJURED_SERIOUSLY, number.value, text, first, stop))
    return out


# An amount added to money just before it, in its clause: "plus 5 million in add-ons", "più
# 7 di bonus", "e altri 2 milioni".
_PLUS_BEFORE = re.compile(
    r"\b(?:plus|più|with\s+a\s+further|and\s+(?:another|a\s+further)|e\s+altri|oltre\s+a)\s+"
    r"(?:up\s+to\s+|fino\s+a\s+|another\s+|altri\s+)?$",
    re.IGNORECASE,
)
_ELLIPTIC_FLOOR = 1e5  # money this large is written with a scale a bare figure after it shares
# ...where the bare figure is followed by what it pays for: "più 7 di bonus", "plus 5 in".
_ELLIPTIC_AFTER = re.compile(r"\s+(?:di|in|of|per|for)\s+[^\W\d_]+", re.IGNORECASE)


_TOP_BEFORE = re.compile(r"\btop[\s-]+$", re.IGNORECASE)


def _added_money(text: str, start: int, money: Value | None) -> Value | None:
    """The money value (the last one read before the figure at `start`) that the figure is
    added to, if any."""
    if money is None:
        return None  # the common case, cheaply: no money before it
    plus = _PLUS_BEFORE.search(text, max(0, start - 32), start)
    if plus is None or money.end > plus.start() or plus.start() - money.end > 60:
        return None
    if _SENTENCE_STOP.search(text, money.end, plus.start()):
        return None
    return money


def _scale_of(money: Value) -> float:
    """The scale a money value was written with ("35 milioni di euro": a million), else 1."""
    for word in reversed(re.findall(r"[^\W\d_]+", money.text.lower())):
        if word in _SCALES and word not in _MONEY_ONLY_SCALES:
            return _SCALES[word]
    return 1.0


def _amounts(text: str, language: str) -> list[Value]:
    out: list[Value] = [*_none_counts(text), *_one_counts(text)]
    out += [_amount("quantity", DURATION, 0.5, text, *m.span()) for m in _HALF_HOUR.finditer(text)]
    numbers = _numbers(text, language)
    starts = {n.start: n for n in numbers}
    inside: list[tuple[int, int]] = []  # read as part of an amount ("metri e quaranta")
    last_money: Value | None = None
    money_checked = 0
    for number in numbers:
        start, end, amount = number.start, number.end, number.value
        if any(s < start < e for s, e in inside):
            continue
        # A year is four bare digits: "2,000 tonnes" and "2.000 tonnellate" are counts.
        year_like = not number.word and _BARE_YEAR.fullmatch(text, start, end) is not None
        scale = _SCALE_AFTER.match(text, end)
        if (
            scale
            and scale.group(1).lower() in _MONEY_ONLY_SCALES
            and not (
                _CURRENCY_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
                or _CURRENCY_AFTER.match(text, scale.end())
                or _CURRENCY_RANGE_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
            )
        ):
            scale = None  # "2.4 m below the street": metres; "$2.4m", "€14m": millions
        if scale:
            factor = _SCALES[scale.group(1).lower()]
            amount *= factor
            end = scale.end()
            half = _E_MEZZO.match(text, end)
            if half:
                amount, end = amount + factor / 2, half.end()
        before = _CURRENCY_BEFORE.search(
            text, max(0, start - _LOOK_BACK), start
        ) or _CURRENCY_RANGE_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
        after = _CURRENCY_AFTER.match(text, end)
        if before:
            currency = _CURRENCIES[before.group(1).lower()]
            # (A range's high end starts at its figure: _ranges joins it to the low end.)
            begin = before.start() if before.re is _CURRENCY_BEFORE else start
            out.append(_amount("money", currency, amount, text, begin, end))
            continue
        if after:
            currency = _CURRENCIES[after.group(1).lower()]
            out.append(_amount("money", currency, amount, text, start, after.end()))
            continue
        for seen in out[money_checked:]:  # the last money read so far, in one pass
            if seen.kind == "money":
                last_money = seen
        money_checked = len(out)
        added = _added_money(text, start, last_money)
        if added is not None and not number.word and not _PERCENT_AFTER.match(text, end):
            # "40 milioni di euro, più 5 milioni di bonus", "35 milioni … più 7 di bonus":
            # an amount added to money is money of its currency, and of its scale if it
            # gives none.
            elliptic = None if scale else _ELLIPTIC_AFTER.match(text, end)
            if scale or added.low < _ELLIPTIC_FLOOR:
                out.append(_amount("money", added.unit, amount, text, start, end))
                continue
            if elliptic and amount < 1000:
                amount *= _scale_of(added)
                out.append(_amount("money", added.unit, amount, text, start, elliptic.end()))
                continue
        scale_word = _MAGNITUDE_BEFORE.search(text, max(0, start - 24), start)
        if scale_word and not number.word:
            # "of magnitude 4.6", "di magnitudo 5,1", "magnitude-4.6": an earthquake's size.
            # An aftershock's magnitude is another measure than the main shock's.
            after = _AFTERSHOCK.search(text, max(0, scale_word.start() - 120), scale_word.start())
            noun = _MAGNITUDE + ("!after" if after else "")
            out.append(_amount("quantity", noun, amount, text, scale_word.start(), end))
            continue
        percent = _PERCENT_AFTER.match(text, end)
        if percent:
            sign = start - 1 if start and text[start - 1] in "+-−" else start
            out.append(
                Value(
                    "percent", "", amount, amount, text[sign : percent.end()], sign, percent.end()
                )
            )
            continue
        times = _TIMES_AFTER.match(text, end)
        if times:
            stop = times.end()
            half = _E_MEZZO.match(text, stop)
            if half:
                amount, stop = amount + 0.5, half.end()
            out.append(Value("multiplier", "", amount, amount, text[start:stop], start, stop))
            continue
        if year_like and not scale:
            out.append(Value("year", "", amount, amount, text[start:end], start, end))
            continue
        degrees = _DEGREES_AFTER.match(text, end)
        if degrees:
            # "40°C", "104 °F": a temperature, in degrees Celsius like "40 gradi".
            below = start > 0 and text[start - 1] in "-−"
            start -= below
            minus = _MINUS_BEFORE.search(text, max(0, start - 8), start)
            if minus:
                below, start = True, minus.start()
            stop = degrees.end()
            if zero := _BELOW_ZERO_AFTER.match(text, stop):
                below, stop = True, zero.end()
            celsius = -amount if below else amount
            written = degrees.group(1) or degrees.group(2) or degrees.group(3) or "C"
            fahrenheit = written[0].upper() == "F"
            if fahrenheit:
                celsius = round((celsius - 32) * 5 / 9, 1)
            out.append(_amount("quantity", _DEGREE, celsius, text, start, stop))
            continue
        aged = _AGE_BEFORE.search(text, max(0, start - 40), start)
        if aged and not number.word and 0 < amount < _OLDEST and _AGE_AFTER.match(text, end):
            # "Marco Benetti, 38, a driver", "The mayor, 54, was elected": an age, as
            # another report's "38 anni" or "a 38-year-old" gives it (_owned: whose).
            out.append(_amount("quantity", YEARS, amount, text, start, end))
            continue
        if _TOP_BEFORE.search(text, max(0, start - 8), start):
            continue  # "one of the top 10 firms": a rank, not a count
        if not number.word and _ORDINAL_AFTER.match(text, end):
            continue  # "17th-century", "3rd": an ordinal, not a count
        counted = _COUNTED.match(text, end)
        whole = None
        if language == "it" and (total := _IT_IN_ALL.match(text, end)):
            # "Sono sette in tutto gli indagati": the count, a word of totals, the article.
            article = _COUNTED.match(text, total.end())
            if article and article.group(1).lower() in _IT_PLURAL_ARTICLES:
                counted = article
        if counted and language == "it" and counted.group(1).lower() in _IT_PLURAL_ARTICLES:
            # "Sono 2,4 milioni i clienti": the count comes before its noun's article.
            after = _NOUN_AFTER_NAME.match(text, counted.end())
            if after and after.group(1).lower() not in stopwords(language):
                counted = after
        if counted and counted.group(1).lower() in stopwords(language):
            counted = None  # "one of the", "2 per"
            part = _PART_OF.match(text, end)
            whole = starts.get(part.end()) if part else None
            if whole is not None and not scale:
                counted = _COUNTED.match(text, whole.end)
                if counted and counted.group(1).lower() in stopwords(language):
                    counted = None
        if counted is None and whole is None:
            # "28 were injured", "tre sono rimasti feriti": the people counted are named by
            # what happened to them, as in "23 injured" / "23 feriti".
            counted = _PASSIVE_COUNT.match(text, end)
        first, people, said_after = start, "", end
        forced_out = False
        if counted is not None and stem(counted.group(1)) not in _PEOPLE:
            # "two road workers", "two elderly residents": the people are the word after.
            after_word = _NOUN_AFTER_NAME.match(text, counted.end())
            if after_word and stem(after_word.group(1)) in _PEOPLE:
                counted = after_word
        if counted is None and whole is None:
            named = _NOUN_IS.search(text, max(0, start - 48), start) or _NOUN_OF.search(
                text, max(0, start - 40), start
            )
            if (
                named
                and named.group(1).lower() not in stopwords(language)
                and named.group(1).lower() not in _NO_COUNT_OF
            ):
                counted, first = named, named.start()
        elif counted is not None and stem(counted.group(1)) in _PEOPLE:
            participle = _PARTICIPLE_AFTER.match(text, counted.end())
            before = _PARTICIPLE_BEFORE.search(
                text, max(0, start - 48), start
            ) or _GERUND_BEFORE.search(text, max(0, start - 48), start)
            if not (participle and participle.group(1).lower().startswith(_BEFALLEN)) and (
                before and before.group(1).lower().startswith(_BEFALLEN)
            ):
                # "Sono state evacuate 150 persone": what befell them is said first.
                participle, first, said_after = before, before.start(1), counted.end()
            if participle and participle.group(1).lower().startswith(_BEFALLEN):
                # "460 people displaced": the displaced, and still a count of people (of
                # passengers, for "twelve passengers were injured").
                people = stem(counted.group(1))
                people = _in_english(people, language)
                counted = participle
            elif displaced := _DISPLACED_AFTER.match(text, counted.end()):
                people = _in_english(stem(counted.group(1)), language)
                counted, forced_out = displaced, True
        if counted is None and not scale:
            tally = _TALLY.match(text, end)
            if tally and _VOTING.search(text, _clause_start(text, start), start):
                # "backed the plan 21 to 15": the votes for, against another report's "24
                # votes to 15".
                out.append(_amount("quantity", _VOTE, amount, text, start, tally.end()))
                continue
        name = people
        if counted and counted.group(1)[0].isupper():
            # "2.4 million Telvia customers", "16 Pressilan batches": the noun after the name
            # is what is counted, and the name may be too ("seven Canadair aircraft").
            after = _NOUN_AFTER_NAME.match(text, counted.end())
            if after and after.group(1).lower() not in stopwords(language):
                name, counted = stem(counted.group(1)), after
        if counted and language == "en" and amount != 1 and not name:
            # "23 container ships", "48,000 battery packs": in English the last noun of a
            # compound is what is counted, and the one before it may be too. After a count
            # of two or more, a singular word followed by one ending in -s is such a pair,
            # not a noun and its verb ("23 workers strike", "two ships sank").
            head = _NOUN_AFTER_NAME.match(text, counted.end())
            first_word = counted.group(1).lower()
            if (
                head
                and _PLURAL_HEAD.fullmatch(head.group(1))
                and not first_word.endswith("s")
                and first_word not in stopwords(language)
                and head.group(1).lower() not in stopwords(language)
                and not _measured(_UNIT_ALIASES.get(stem(first_word), stem(first_word)))
                and stem(first_word) not in _PEOPLE
                and stem(first_word) not in _SQUARE | _CUBE
                and stem(head.group(1)) not in _LOST_HEADS
            ):
                name, counted = stem(first_word), head
        if counted and language == "it" and not name and counted.group(1).lower() in _IT_BEFORE:
            # "due piccoli paesaggi", "tre nuovi treni": the few adjectives Italian puts
            # before a noun; the noun after them is what is counted.
            head = _NOUN_AFTER_NAME.match(text, counted.end())
            if head and head.group(1).lower() not in stopwords(language):
                name, counted = stem(counted.group(1)), head
        one_measure = number.word and amount == 1 and counted and _unit_word(counted.group(1))
        if counted and (one_measure or not (number.word and amount < 2)):
            # ("one" and "un" count nothing, "one of the", "un incidente", but "one metre",
            # "un metro e mezzo" and "one hour" measure.)
            word = counted.group(1).lower()
            # An Italian word whose stem is another's ("case", homes, and "caso", a case).
            noun = stem(IT_WORDS[word] if language == "it" and word in IT_WORDS else word)
            noun = _befell_as(stem(word)) or noun  # "bloccate" is "trapped", not "blocked"
            if forced_out:
                noun = _EVACUATED
            squared, stop = "", max(counted.end(), end, said_after)
            if noun in _SQUARE or noun in _CUBE:
                power = "2" if noun in _SQUARE else "3"
                length = _NOUN_AFTER_NAME.match(text, counted.end())
                if length:
                    counted, noun, squared, stop = (
                        length,
                        stem(length.group(1)),
                        power,
                        length.end(),
                    )
            elif quadrati := _SQUARED_AFTER.match(text, counted.end()):
                squared, stop = "2", quadrati.end()
            elif cubi := _CUBED_AFTER.match(text, counted.end()):
                squared, stop = "3", cubi.end()
            speed = _SPEED_WORDS.get(noun)
            noun = _in_english(_UNIT_ALIASES.get(noun, noun), language) + squared
            per = _PER_TIME.match(text, stop) if noun in _LENGTHS and not squared else None
            if per or speed:
                # "18 km/s", "25 chilometri al secondo", "90 km/h", "120 chilometri orari":
                # a speed, another measure than a length ("a 24 chilometri di altezza").
                hour = speed == "h" or bool(per and per.group(1))
                noun, stop = noun + ("/h" if hour else "/s"), per.end() if per else stop
            half = _E_MEZZO.match(text, stop) if _measured(noun) or noun in _IN_HOURS else None
            if half:
                # "due metri e mezzo", "tre ore e mezza": a measure and a half.
                amount, stop = amount + 0.5, half.end()
            centimetres = _AND_CENTIMETRES.match(text, stop) if noun == _METRE else None
            if centimetres and not half:
                # "due metri e quaranta", "2 metri e 40 centimetri": metres and centimetres
                # (not "5 metri e una scala").
                extra = _count_word(centimetres.group(1))
                said = centimetres.group(2) is not None
                # ...nor "10 metri e 20 operai": a count of something else follows.
                noun_after = _NOUN_AFTER_NAME.match(text, centimetres.end())
                counts = noun_after and noun_after.group(1).lower() not in stopwords(language)
                cm = extra if extra is not None and 0 < extra < 100 else 0
                if cm and (said or (cm >= 10 and not counts)):
                    amount, stop = amount + cm / 100, centimetres.end()
                    inside.append((start, stop))
            months = _AND_MONTHS.match(text, stop) if noun == YEARS and not half else None
            if months:
                # "2 anni e 6 mesi", "six years and eight months": one term, in years ("due
                # anni e mezzo" agrees; an outside tester saw "2 anni" against it).
                extra = _count_word(months.group(1))
                if extra is not None and 0 < extra < 12:
                    amount, stop = amount + extra / 12, months.end()
                    inside.append((start, stop))
            if (noun in _CARED_FOR and _TO_HOSPITAL.match(text, stop)) or _SENT_TO_HOSPITAL.match(
                text, stop
            ):
                # "two workers were treated in hospital", "taken to hospital": the injured,
                # which another report's "no one was hurt" contradicts.
                noun = _INJURED
            if noun == _INJURED and _serious(text, start, stop):
                # "two seriously injured", "tre feriti gravi": not a count of all the people
                # hurt, which another report's "14 slightly hurt" would seem to contradict.
                noun, name = _INJURED_SERIOUSLY, "" if name == people else name
            if noun in _IN_HOURS:  # "a two-day strike" lasts "48 hours"
                amount, noun = amount * _IN_HOURS[noun], DURATION
            # "380 of the 1,450 jobs" as written: the part with the whole it is part of.
            owner = _OWNER.match(text, counted.end())
            if owner and not name:
                # "42 rescuers from the Soccorso Alpino", "24 members of the Soccorso Alpino",
                # "ventiquattro uomini del Soccorso alpino": the count of one body's people,
                # whatever each report calls them.
                name = stem(owner.group(1))
            if _OTHER_BEFORE.search(text, max(0, first - 16), first):
                # "the other two turtles", "le altre due", "altre quattro tartarughe": a part
                # besides the one counted elsewhere, not that count told again.
                noun += "!other"
            count = _amount("quantity", noun, amount, text, first, stop)
            if noun == DURATION and _WINDOW.search(text, max(0, first - 30), first):
                count = replace(count, window=True)
            out.append(replace(count, name=name) if name and name != noun else count)
    for fold in _FOLD_WORD.finditer(text):
        value = _word_number(fold.group(1).lower(), language)
        if value is None:
            value = _word_number(fold.group(1).lower(), "en")
        if value is not None:
            out.append(_amount("multiplier", "", value, text, fold.start(), fold.end()))
    parts = _serious_parts(text, numbers, out)
    out = [v for v in out if not any(p.start < v.end and v.start < p.end for p in parts)]
    out += parts
    return out


# ---------------------------------------------------------------------------------------------
# Dates

_YEAR = r"((?:1[7-9]|20)\d\d)"  # 1700 to 2099: "built in 1887" is history news tells too
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "primo": 1,
    "prima": 1,
    "secondo": 2,
    "seconda": 2,
    "terzo": 3,
    "quarto": 4,
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january gennaio jan gen",
            "february febbraio feb",
            "march marzo mar",
            "april aprile apr",
            "may maggio mag",
            "june giugno jun giu",
            "july luglio jul lug",
            "august agosto aug ago",
            "september settembre sep sept set",
            "october ottobre oct ott",
            "november novembre nov",
            "december dicembre dec dic",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH_STEMS = frozenset(stem(name) for name in _MONTHS if len(name) > 3)
# Abbreviations of three letters ("mar", "set", "ago") are ordinary words too: full names only.
_MONTH_NAMES = "|".join(
    sorted((m for m in _MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True)
)
_THIS_YEAR = r"(?:the|this)\s+year|quest['’]\s*anno|dell['’]\s*anno|dell['’]\s*anno\s+in\s+corso"

_QUARTER = re.compile(
    rf"\bQ([1-4])(?:\s*(?:of\s+)?{_YEAR})?\b"
    rf"|\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter(?:\s+of\s+(?:{_THIS_YEAR}|{_YEAR}))?"
    rf"|\b(primo|secondo|terzo|quarto)\s+trimestre(?:\s+(?:del\s+|dell['’]\s*anno\s+)?{_YEAR})?",
    re.IGNORECASE,
)
_HALF = re.compile(
    rf"\b(first|second|1st|2nd)[-\s]+half\s*(?:of\s+)?(?:{_THIS_YEAR}|{_YEAR})?"
    rf"|\bH([12])\s*{_YEAR}?\b"
    rf"|\b(prima|seconda|primo|secondo)\s+(?:metà|semestre)\s*(?:(?:del\s+)?{_YEAR}|{_THIS_YEAR})?"
    rf"|\b(late|early|end\s+of|the\s+end\s+of|mid)[-\s]+{_YEAR}"
    rf"|\b(fine|inizio|metà)\s+(?:del\s+)?{_YEAR}"
    rf"|\b(?:entro\s+(?:la\s+)?)?(fine)\s+(?:{_THIS_YEAR}|anno)",
    re.IGNORECASE,
)
_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}}|primo|first)(?:st|nd|rd|th|°)?\s+(?:of\s+)?)?({_MONTH_NAMES})\b\.?(?:\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?,?)?(?:\s+(?:of\s+|del\s+)?{_YEAR})?",
    re.IGNORECASE,
)
_ISO = re.compile(rf"\b{_YEAR}-([01]\d)-([0-3]\d)\b")
# A date in figures: "3/3/2024", "03.03.24", "14/7/2025". Italian and most of Europe write
# the day first; an English report's "3/4/2024" may be either way round, so there it is read
# only where one order is impossible (a day past 12) or both give one day.
_NUMERIC_DATE = re.compile(r"(?<![\w./,-])([0-3]?\d)([/.])([01]?\d)\2(\d{4}|\d{2})(?![\w/]|[.,]\d)")
# Abbreviated months before a day, as wire copy writes them ("Oct. 19", "Jan 5, 2026"): with
# their day they are no ordinary word ("mar" and "set" only with a full stop).
_ABBREVIATED = re.compile(
    rf"\b(?:(jan|feb|apr|jun|jul|aug|oct|nov|dec)\.?|(mar|sep)\.)\s*(\d{{1,2}})(?!\d)"
    rf"(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?",
    re.IGNORECASE,
)
# ...and after the day, as Italian wires date their copy ("CREMONA, 14 APR -", "il 3 ott.
# 2025"): in capitals, with a full stop or before a year, since "14 mar" or "3 set" may be
# other words.
_DAY_ABBREVIATED = re.compile(
    rf"\b(\d{{1,2}})\s+(?:(?-i:(JAN|GEN|FEB|MAR|APR|MAY|MAG|JUN|GIU|JUL|LUG|AUG|AGO|SEPT?|SET|"
    rf"OCT|OTT|NOV|DEC|DIC))\b\.?|(jan|gen|feb|mar|apr|mag|jun|giu|jul|lug|aug|ago|sept?|set|oct|"
    rf"ott|nov|dec|dic)(?:\.|(?=,?\s+(?:1[7-9]|20)\d\d\b)))(?:,?\s+{_YEAR})?",
    re.IGNORECASE,
)
_PREP_YEAR = re.compile(
    rf"\b(?:in|by|since|until|from|before|after|during|nel|entro\s+il|entro|dal|fino\s+al|durante|"
    rf"risale\s+al|risalgono\s+al|risalente\s+al|del)\s+{_YEAR}\b",
    re.IGNORECASE,
)
_RELATIVE_YEAR = re.compile(
    r"\b(?:(next|this|last)\s+year|l['’]\s*anno\s+(prossimo|scorso)|il\s+(prossimo)\s+anno"
    r"|lo\s+(scorso)\s+anno|(quest)['’]\s*anno)\b",
    re.IGNORECASE,
)
# (Two days away first: "l'altro ieri" and "the day before yesterday" are no "ieri", and an
# outside tester's robbery of "l'altro ieri" conflicted with "yesterday" a day earlier.)
_RELATIVE_DAY = re.compile(
    r"\b(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|l['’]altro\s*ieri|"
    r"altroieri|ieri\s+l['’]altro|dopodomani|yesterday|today|tomorrow|ieri|oggi|domani)\b",
    re.IGNORECASE,
)
# "last month", "il mese scorso", "earlier this month", "next month": a month of the
# report's date (an outside tester saw "closed last month" agree with "chiusa a settembre"
# in a November report).
_RELATIVE_MONTH = re.compile(
    r"\b(?:(?:earlier\s+|later\s+)?(next|this|last)\s+month|il\s+mese\s+(prossimo|scorso)"
    r"|(?:il|lo)\s+(prossimo|scorso)\s+mese|(quest)o\s+mese)\b",
    re.IGNORECASE,
)
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            "monday lunedì lunedi",
            "tuesday martedì martedi",
            "wednesday mercoledì mercoledi",
            "thursday giovedì giovedi",
            "friday venerdì venerdi",
            "saturday sabato",
            "sunday domenica",
        )
    )
    for name in names.split()
}
WEEKDAY_NAMES = tuple(_WEEKDAYS)  # English and Italian, with and without the accent
# "until", "until at least", "fino a", "fino almeno al", "entro", before a date or its weekday
# (a bound: "closed until 15 April" is a reopening's day, matcher; "fino a venerdì" the
# coming Friday).
UNTIL = re.compile(
    r"\b(?:until|till|through|entro|fino\s+(?:almeno\s+)?a(?:l(?:l[aoe']?)?)?)"
    r"(?:\s+at\s+least)?(?:\s+(?:" + "|".join(WEEKDAY_NAMES) + r"),?)?\s*$",
    re.IGNORECASE,
)
# The names of months and days and their stems, capitalised in English but no one's name.
CALENDAR_STEMS = (
    _MONTH_STEMS
    | frozenset(stem(day) for day in _WEEKDAYS)
    | frozenset(name for name in (*_MONTHS, *_WEEKDAYS) if len(name) > 3)
)
_WEEKDAY_GAP = re.compile(r"[\s,]{0,3}(?:the\s+|il\s+)?")
_WEEKDAY = re.compile(
    r"\b(?:on|last|lo\s+scorso|la\s+scorsa)?\s*(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE
)
_OTHER_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?other|another|(?:gli\s+|le\s+|degli\s+|delle\s+)?altr[ieao])\s+$",
    re.IGNORECASE,
)
_LAST_BEFORE = re.compile(r"\b(?:last|scors[oa])\b", re.IGNORECASE)
_SCORSO_AFTER = re.compile(r"\s+scors[oa]\b", re.IGNORECASE)
_NEXT_BEFORE = re.compile(r"\b(?:next|(?:il|la)\s+prossim[oa])\s+$", re.IGNORECASE)
_PROSSIMO_AFTER = re.compile(r"\s+prossim[oa]\b", re.IGNORECASE)
# ...said in the present or the future ("resta chiusa", "will stay closed"): "kept the news
# quiet until Tuesday" and "fino a martedì c'era una sughereta" tell a past Tuesday.
_STILL = re.compile(
    r"\b(?:resta|restano|resterà|resteranno|rimane|rimangono|rimarrà|rimarranno|sarà|saranno|"
    r"will|remains?|stays?|is|are|è|sono)\b",
    re.IGNORECASE,
)
_YEARS_AGO = re.compile(
    r"\b(\d{1,2}|[^\W\d_]+)\s+(?:years?\s+ago|anni\s+fa|anno\s+fa)\b", re.IGNORECASE
)
_LAST_WEEK = re.compile(
    r"\b(?:last\s+week|la\s+settimana\s+scorsa|la\s+scorsa\s+settimana)\b", re.IGNORECASE
)
_MONTH_YEAR = re.compile(
    r"\s+(?:of\s+)?(?:(next|this|last)\s+year|dell['’]\s*anno\s+(prossimo|scorso)"
    r"|del\s+(prossimo)\s+anno|dello\s+(scorso)\s+anno)\b",
    re.IGNORECASE,
)
_YEAR_SHIFT = {"next": 1, "prossimo": 1, "this": 0, "quest": 0, "last": -1, "scorso": -1}
_PRESENT = re.compile(r"today|oggi", re.IGNORECASE)
_DAY_SHIFT = {
    "yesterday": -1,
    "ieri": -1,
    "today": 0,
    "oggi": 0,
    "tomorrow": 1,
    "domani": 1,
    "the day before yesterday": -2,
    "l'altro ieri": -2,
    "l'altroieri": -2,
    "altroieri": -2,
    "ieri l'altro": -2,
    "the day after tomorrow": 2,
    "dopodomani": 2,
}


def _month_shifted(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after day's (before, when negative)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _span(start: dt.date, end: dt.date) -> tuple[float, float]:
    return float(start.toordinal()), float(end.toordinal())


def _months(year: int, first: int, last: int) -> tuple[float, float]:
    end = dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)
    return _span(dt.date(year, first, 1), end - dt.timedelta(days=1))


def _numeric_day(first: int, second: int, year: int, language: str) -> dt.date | None:
    if year < 100:
        year += 2000
    if language == "it" or first > 12 or first == second:
        return _safe_date(year, second, first)
    if second > 12:
        return _safe_date(year, first, second)
    return None  # "3/4/2024" in English: 3 April or March 4


def _dates(
    text: str, reference: dt.date | None, year: int | None, language: str = "en"
) -> list[Value]:
    out: list[Value] = []

    def add(match: re.Match[str], span: tuple[float, float], recent: bool = False) -> None:
        low, high = span
        value = Value("date", "", low, high, match.group(), match.start(), match.end())
        out.append(replace(value, recent=True) if recent else value)

    def year_of(*groups: str | None) -> int | None:
        given = next((g for g in groups if g), None)
        return int(given) if given else year

    for m in _QUARTER.finditer(text):
        quarter = int(m.group(1)) if m.group(1) else _ORDINALS[(m.group(3) or m.group(5)).lower()]
        y = year_of(m.group(2), m.group(4), m.group(6))
        if y:
            add(m, _months(y, 3 * quarter - 2, 3 * quarter))
    for m in _HALF.finditer(text):
        if m.group(1) or m.group(3) or m.group(5):
            half = _ORDINALS.get((m.group(1) or m.group(5) or "").lower()) or int(m.group(3) or 0)
            y = year_of(m.group(2), m.group(4), m.group(6))
            if y and half:
                add(m, _months(y, 1 if half == 1 else 7, 6 if half == 1 else 12))
            continue
        word = re.sub(r"\s+", " ", (m.group(7) or m.group(9) or m.group(11) or "").lower())
        y = year_of(m.group(8), m.group(10))
        if not y:
            continue
        if word in ("early", "inizio"):
            add(m, _months(y, 1, 6))
        elif word == "mid" or word == "metà":
            add(m, _months(y, 4, 9))
        else:  # late, end of, fine
            add(m, _months(y, 7, 12))
    for m in _ISO.finditer(text):
        day = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day:
            add(m, _span(day, day))
    for m in _NUMERIC_DATE.finditer(text):
        day = _numeric_day(int(m.group(1)), int(m.group(3)), int(m.group(4)), language)
        if day and 1700 <= day.year <= 2100:
            add(m, _span(day, day))
    for m in _MONTH.finditer(text):
        if m.group(2) in ("may", "MAY") and not (m.group(1) or m.group(3) or m.group(4)):
            continue  # the modal verb, not the month
        month = _MONTHS[m.group(2).lower().rstrip(".")]
        y = int(m.group(4)) if m.group(4) else year
        shifted = None if m.group(4) else _MONTH_YEAR.match(text, m.end())
        if shifted and reference is not None:
            # "the end of March next year", "a marzo dell'anno prossimo": that year's March.
            y = reference.year + _YEAR_SHIFT[next(g for g in shifted.groups() if g).lower()]
        if not y:
            continue
        day_text = m.group(1) or m.group(3)
        if day_text and day_text.lower() in ("primo", "first"):
            day_text = "1"  # "il primo ottobre", "the first of May"
        if not m.group(4) and not shifted and reference is not None and y == reference.year:
            y = _year_of_month(text, m.start(), month, reference)
        day = _safe_date(y, month, int(day_text)) if day_text else None
        span = _span(day, day) if day else _months(y, month, month)
        if shifted and reference is not None:
            end = shifted.end()
            out.append(Value("date", "", *span, text[m.start() : end], m.start(), end))
        else:
            add(m, span)
    for m in _ABBREVIATED.finditer(text):
        y = int(m.group(4)) if m.group(4) else year
        month = _MONTHS[(m.group(1) or m.group(2)).lower()]
        if not m.group(4) and reference is not None and y == reference.year:
            y = _year_of_month(text, m.start(), month, reference)
        day = _safe_date(y, month, int(m.group(3))) if y else None
        if day:
            add(m, _span(day, day))
    for m in _DAY_ABBREVIATED.finditer(text):
        y = int(m.group(4)) if m.group(4) else year
        month = _MONTHS[(m.group(2) or m.group(3)).lower()]
        if not m.group(4) and reference is not None and y == reference.year:
            y = _year_of_month(text, m.start(), month, reference)
        day = _safe_date(y, month, int(m.group(1))) if y else None
        if day:
            add(m, _span(day, day))
    for m in _PREP_YEAR.finditer(text):
        y = int(m.group(1))
        add(m, _span(dt.date(y, 1, 1), dt.date(y, 12, 31)))
    if reference is not None:
        for m in _RELATIVE_YEAR.finditer(text):
            word = next(g for g in m.groups() if g).lower()
            y = reference.year + _YEAR_SHIFT[word]
            add(m, _span(dt.date(y, 1, 1), dt.date(y, 12, 31)))
        for m in _RELATIVE_MONTH.finditer(text):
            word = next(g for g in m.groups() if g).lower()
            first = _month_shifted(reference, _YEAR_SHIFT[word])
            last = _month_shifted(first, 1) - dt.timedelta(days=1)
            add(m, _span(first, last))
        for m in _YEARS_AGO.finditer(text):
            # "four years ago", "due anni fa" in a 2025 report: 2021, 2023.
            n = _count_word(m.group(1))
            if n is not None and 0 < n <= 100:
                y = reference.year - n
                add(m, _span(dt.date(y, 1, 1), dt.date(y, 12, 31)))
        for m in _LAST_WEEK.finditer(text):
            monday = reference - dt.timedelta(days=reference.weekday() + 7)
            add(m, _span(monday, monday + dt.timedelta(days=6)), recent=True)
        for m in _RELATIVE_DAY.finditer(text):
            said = " ".join(m.group(1).lower().replace("’", "'").split())
            day = reference + dt.timedelta(days=_DAY_SHIFT[said])
            add(m, _span(day, day), recent=True)
        days = [v.start for v in out if v.high == v.low]  # explicit days: "14 March"
        for m in _WEEKDAY.finditer(text):
            dated = [start for start in days if _WEEKDAY_GAP.fullmatch(text, m.end(), start)]
            if dated:
                # "on Saturday, March 14", "domenica 19 ottobre": that date's day, written
                # with it (so the words before the weekday tell what the date is of).
                out = [
                    replace(v, start=m.start(1), text=text[m.start(1) : v.end])
                    if v.start == dated[0]
                    else v
                    for v in out
                ]
                continue
            # News reports a weekday of the week before publication ("on Monday")...
            back = (reference.weekday() - _WEEKDAYS[m.group(1).lower()]) % 7
            if back == 0 and (_LAST_BEFORE.search(m.group()) or _SCORSO_AFTER.match(text, m.end())):
                back = 7  # "last Tuesday", "martedì scorso" written on a Tuesday: a week ago
            day = reference - dt.timedelta(days=back)
            if (
                back
                and UNTIL.search(text, max(0, m.start() - 24), m.start(1))
                and _STILL.search(text, _sentence_start(text, m.start()), m.start())
            ):
                # "resta chiusa almeno fino a venerdì", "closed until Friday": a bound still
                # ahead, so the coming one (read as the Friday before, a road said shut until
                # Friday agreed with one reopened since).
                ahead = reference + dt.timedelta(days=7 - back)
                add(m, _span(ahead, ahead), recent=True)
                continue
            if _NEXT_BEFORE.search(text, max(0, m.start() - 14), m.start(1)) or (
                _PROSSIMO_AFTER.match(text, m.end())
            ):
                # "next Monday", "lunedì prossimo", "il prossimo lunedì": the coming one (read
                # as the Monday before, a shuttle starting "da lunedì prossimo" clashed with
                # "dal 21 ottobre").
                add(m, _span(day + dt.timedelta(days=7), day + dt.timedelta(days=7)), recent=True)
                continue
            opening, closing = _sentence_start(text, m.start()), _sentence_end(text, m.end())
            if opening > 0 and not text[opening : m.start()].strip() and _BARE_DAY.match(m.group()):
                # ", on Saturday at its district offices": a day set off by commas belongs to
                # the verb before them ("will offer free vaccination, without appointment, on
                # Saturday"), not to a clause of its own.
                opening = _whole_sentence_start(text, opening)
            if back and (
                _FUTURE.search(text, opening, m.start())
                or (
                    _PLANNED_PRESENT.search(text, opening, closing)
                    and not _PAST_MARK.search(text, opening, closing)
                )
            ):
                # ...or, after a future tense, of the week after it: "will open on Sunday"
                # written on a Friday is two days later.
                day += dt.timedelta(days=7)
            add(m, _span(day, day), recent=True)
    return _in_order(text, _outermost(out))


def _count_word(token: str) -> int | None:
    """ "4", "four", "quattro", "a", "un" -> the small whole number, else None."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    if token in ("a", "an", "un", "uno", "one"):
        return 1
    for language in ("en", "it"):
        value = _word_number(token, language)
        if value is not None and value == int(value):
            return int(value)
    return None


# The present that news uses for what is planned: "la biblioteca riapre sabato", "the
# exhibition opens on Friday", "si vota domenica" (an outside tester: "riapre sabato" in a
# Thursday's report was read as the Saturday before). A weekday said with one of these verbs,
# and no past tense in its sentence, is the next one.
_PLANNED_PRESENT = re.compile(
    r"\b(?:opens|reopens|closes|starts|begins|ends|kicks\s+off|returns|arrives|debuts|"
    r"premieres|goes\s+on\s+sale|takes\s+place|apre|riapre|chiude|inizia|comincia|parte|"
    r"riparte|torna|arriva|debutta|scatta|si\s+vota|si\s+gioca|si\s+tiene|si\s+svolge|"
    r"va\s+in\s+scena)\b",
    re.IGNORECASE,
)
_PAST_MARK = re.compile(
    r"\b(?:was|were|had|did|said|told|has\s+been|have\s+been|\w+ed|yesterday|last|ieri|scors[oa]|"
    r"(?:ha|hanno|è|sono|era|erano|aveva|avevano)\s+(?:\w+\s+)?\w+(?:at|ut|it|st|ert|ors)[oaie]|"
    r"\w{3,}ò)\b",
    re.IGNORECASE,
)


# Words that put what follows in the future: "will reopen in September", "riaprirà a
# settembre", "is due to start in March", "said it would be towed on Monday".
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|would|is\s+(?:due|set|expected|scheduled)\s+to|are\s+(?:due|set|"
    r"expected|scheduled)\s+to|going\s+to|plans?\s+to|\w+(?:rà|ranno|remo|rete)|"
    # A headline's infinitive: "Lodi pool to reopen on Saturday", "Council to vote Monday".
    r"to\s+(?:re)?(?:open|close|start|begin|resume|return|launch|hold|"
    r"host|vote|meet|debut|premiere|end|finish|unveil|announce))\b|\w'll\b",
    re.IGNORECASE,
)


# Between the two ends of a span: "14 March to 6 September", "opens on March 14 and runs
# until Sept. 6", "inaugurerà sabato 21 marzo e resterà aperta fino al 6 settembre".
_RANGE_WORD = re.compile(r"\b(?:to|until|till|through|fino|al)\b|[-–]", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _in_order(text: str, dates: list[Value]) -> list[Value]:
    """The end of a span of dates comes after its start: "from 14 March to 6 September",
    written in February, runs to next September, whichever September is nearer."""
    out = list(dates)
    for n in range(1, len(out)):
        first, then = out[n - 1], out[n]
        if _HAS_YEAR.search(then.text) or then.recent or then.low >= first.low:
            continue
        gap = text[first.end : then.start]
        if len(gap) > 48 or any(stop in gap for stop in ".;:") or not _RANGE_WORD.search(gap):
            continue
        day = dt.date.fromordinal(int(then.low))
        last = dt.date.fromordinal(int(then.high))
        try:
            moved = (day.replace(year=day.year + 1), last.replace(year=last.year + 1))
        except ValueError:  # 29 February
            continue
        out[n] = replace(then, low=float(moved[0].toordinal()), high=float(moved[1].toordinal()))
    return out


def _year_of_month(text: str, position: int, month: int, reference: dt.date) -> int:
    """The year of a month written without one at `position`: the next such month after a
    future tense in its clause, or as the start of what its clause says will be ("Dal
    primo ottobre chi vorrà entrare … dovrà pagare", written in March: next October), else
    the nearest (_nearest_year)."""
    ahead = _FUTURE.search(text, _clause_start(text, position), position) is not None
    if not ahead and _FROM_BEFORE.search(text, max(0, position - 16), position):
        ahead = _FUTURE.search(text, position, _sentence_end(text, position)) is not None
    return _nearest_year(reference, month, ahead=ahead)


def starts_from(text: str, value: Value) -> bool:
    """Is a date written as the start of something ("from September", "dal primo ottobre")?"""
    return (
        value.kind == "date"
        and _FROM_BEFORE.search(text, max(0, value.start - 16), value.start) is not None
    )


# A date as the start of something: "from 1 October", "dal primo ottobre", "a partire da".
_FROM_BEFORE = re.compile(
    r"\b(?:from|starting|as\s+of|dal|dall['’]|dai|a\s+partire\s+da[l]?|da)\s*(?:the\s+|il\s+)?$",
    re.IGNORECASE,
)


def _nearest_year(reference: dt.date, month: int, *, ahead: bool = False) -> int:
    """The year of the month nearest the report's date: "in March" written in November is
    next March, "in September" last September; ahead (a future tense before it), the first
    such month from the report's own month on: "will reopen in September", written in
    December, is next September."""
    if ahead:
        return reference.year if month >= reference.month else reference.year + 1
    return min(
        (reference.year - 1, reference.year, reference.year + 1),
        key=lambda y: abs(dt.date(y, month, 15).toordinal() - reference.toordinal()),
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _within(value: Value, others: list[Value]) -> bool:
    return any(o.start <= value.start and value.end <= o.end for o in others)


def _outermost(values: list[Value]) -> list[Value]:
    """Drop a value whose text lies inside another's ("2025" inside "second half of 2025")."""
    ordered = sorted(values, key=lambda v: (v.start, -(v.end - v.start)))
    kept: list[Value] = []
    for value in ordered:
        if kept and value.start >= kept[-1].start and value.end <= kept[-1].end:
            continue
        kept.append(value)
    return kept


# ---------------------------------------------------------------------------------------------
# Release status of a work (series, film, season…)

_STATUS = (
    (
        "upcoming",
        re.compile(
            r"\b(upcoming|forthcoming|yet\s+to\s+(?:be\s+released|premiere|debut|air)"
            r"|will\s+(?:premiere|debut|be\s+released|air|launch)|set\s+to\s+(?:premiere|debut|air)"
            r"|coming\s+soon|due\s+out|in\s+uscita|di\s+prossima\s+uscita|uscirà|usciranno"
            r"|debutterà|arriverà\s+su|in\s+arrivo|(?:prima\s+del|in\s+vista\s+del|verso\s+il)\s+debutto"
            # "still awaits its premiere", "has not yet been released", "attende il debutto"
            r"|(?:still\s+)?awaits?\s+(?:its\s+|their\s+)?(?:premiere|release|debut)"
            r"|(?:has|have)\s+(?:yet|still)\s+to\s+(?:premiere|debut|be\s+released|air)"
            r"|(?:has|have)\s+not\s+(?:yet\s+)?(?:premiered|debuted|been\s+released|aired)"
            r"|non\s+(?:è|sono)\s+ancora\s+(?:uscit[aoie]|andat[aoie]\s+in\s+onda)"
            r"|(?:attende|attendono|aspetta|aspettano)\s+(?:ancora\s+)?(?:il|la|l['’])\s*"
            r"(?:debutto|prima|uscita))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "released",
        re.compile(
            r"\b(premiered|debuted|debuts|released|aired|now\s+streaming|out\s+now|launched"
            r"|ha\s+debuttato|hanno\s+debuttato|è\s+uscit[ao]|sono\s+uscit[ie]|debutto"
            r"|è\s+disponibile|andat[ao]\s+in\s+onda|è\s+approdat[ao])\b",
            re.IGNORECASE,
        ),
    ),
)
# A service, a line or a place that was shut: open again, or still closed and to reopen. Two
# passages telling one closure conflict when one says it is over and the other that it is not
# ("has already reopened" / "will reopen next week" / "riaprirà a fine luglio", found by an
# outside tester: the reader suggested "confirmed").
_SERVICE_STATUS = (
    (
        "closed",
        re.compile(
            r"\b(will\s+(?:only\s+|not\s+|then\s+)?reopen|won[’']t\s+reopen|(?:is|are)\s+"
            r"(?:expected|due|set|scheduled)\s+to\s+reopen|(?:remains?|remained|stays?|is\s+still|"
            r"are\s+still)\s+(?:closed|shut)|still\s+(?:closed|shut)\b|"
            r"yet\s+to\s+reopen|riaprirà|riapriranno|"
            r"(?:resta|restano|resterà|resteranno|rimane|rimangono|rimarrà|rimarranno|è\s+ancora|"
            r"sono\s+ancora)\s+(?:ancora\s+)?chius[aoie]|sarà\s+riapert[ao]|saranno\s+riapert[ie]|"
            # "l'anagrafe resta ferma", "i sistemi restano bloccati", "è ancora offline"
            r"(?:resta|restano|rimane|rimangono|è\s+ancora|sono\s+ancora)\s+(?:ferm[aoie]|"
            r"bloccat[aoie]|offline|fuori\s+uso|inaccessibil[ei])|"
            # A supply cut ("tap water remains off and will be restored on Friday"): the same
            # closure of a service, of water or power rather than of a line.
            r"(?:remains?|remained|stays?|is\s+still|are\s+still)\s+(?:off|offline|down|cut\s+off|"
            r"suspended)|"
            r"(?:will|is\s+expected\s+to|is\s+due\s+to)\s+be\s+restored|not\s+(?:yet\s+)?"
            r"(?:been\s+)?restored|sarà\s+ripristinat[ao]|saranno\s+ripristinat[ie])\b",
            re.IGNORECASE,
        ),
    ),
    (
        "reopened",
        re.compile(
            r"\b((?:has|have|had)\s+(?:already\s+|now\s+)?reopened|(?<!be\s)(?<!been\s)"
            r"(?<!to\s)reopened(?:\s+to\s+(?:traffic|the\s+public|visitors|passengers|vehicles|"
            r"cars|trains|shipping))?(?=\s+(?:on|at|in|yesterday|today|last|this|after)\b|"
            r"\s*[.,;])|"
            # "is back online", "è tornata operativa": a system's outage over.
            r"(?:is|are|was|were)\s+(?:now\s+)?back\s+(?:online|up|in\s+operation)|"
            r"(?:is|are)\s+(?:now\s+)?(?:working|operational|running)\s+again|"
            r"(?:è|sono)\s+(?:già\s+)?(?:tornat[aoie]\s+(?:operativ[aoie]|online|in\s+funzione|"
            r"a\s+funzionare)|di\s+nuovo\s+operativ[aoie]|nuovamente\s+operativ[aoie])|"
            r"(?:ha|hanno)\s+ripreso\s+a\s+funzionare|"
            r"(?:is|are)\s+(?:now\s+)?open\s+again|back\s+in\s+service|resumed\s+service|"
            r"(?:ha|hanno)\s+(?:già\s+)?riaperto|(?:è|sono)\s+(?:già\s+)?(?:stat[aoie]\s+)?"
            r"riapert[aoie]|(?:ha|hanno)\s+ripreso\s+servizio|(?:è|sono)\s+tornat[aoie]\s+in\s+"
            r"servizio|"
            # ...and its end, said of a supply only: a painting is restored too.
            r"(?:water|power|electricity|gas|supply|supplies|service|systems?|network|acqua|"
            r"erogazione|corrente|elettricità|fornitura|servizio|sistemi|rete)\b[^.;:]{0,60}?"
            r"(?:(?:has|have|had)\s+(?:already\s+|"
            r"now\s+)?been\s+restored|(?:è|sono)\s+(?:già\s+)?stat[aoie]\s+ripristinat[aoie]))",
            re.IGNORECASE,
        ),
    ),
)
# ...and a place never shut ("the school, which remains open", "La scuola Pascoli resta
# aperta") against one ordered shut ("ha disposto la chiusura per due giorni della scuola",
# "will be closed until Friday"). Kept open conflicts with shut and with still closed; shut
# says nothing against reopened (it may have been shut for a day, and reopened since).
_OPEN_OR_SHUT = (
    (
        "kept open",
        re.compile(
            r"\b((?:remains?|remained|stays?|stayed|will\s+(?:remain|stay)|is\s+still|are\s+still|"
            r"(?:has|have)\s+(?:remained|stayed))\s+open|will\s+not\s+(?:be\s+)?close|"
            r"(?:resta|restano|resterà|resteranno|rimane|rimangono|rimarrà|rimarranno|è\s+ancora|"
            r"sono\s+ancora)\s+apert[aoie]|non\s+(?:sarà|saranno|verrà|verranno|è\s+stat[ao]|"
            r"sono\s+stat[ie])\s+chius[aoie])\b",
            re.IGNORECASE,
        ),
    ),
    (
        "shut",
        re.compile(
            r"\b((?:ha|hanno)\s+(?:disposto|ordinato|deciso|imposto)\s+la\s+chiusura|"
            r"(?:ordered|announced|decided\s+on)\s+(?:the\s+)?closure|ordered\s+(?:it|them|the\s+\w+)"
            r"\s+(?:closed|shut)|(?:will|would)\s+be\s+(?:closed|shut)|"
            r"(?:sarà|saranno|verrà|verranno|è\s+stat[ao]|sono\s+stat[ie])\s+chius[aoie]|"
            r"(?:was|were|has\s+been|have\s+been)\s+(?:closed|shut)\s+(?:for|until|since)\b)",
            re.IGNORECASE,
        ),
    ),
)


# What a vote or a board decided: "Parliament approved the rent control bill" / "rejected
# the bill", "did not approve", "ha respinto", "non ha approvato", "è stata bocciata". Two
# passages telling one decision conflict when one has it passed and the other not (an
# outside tester saw them agree at 0.85).
_DECISIONS = (
    (
        "rejected",
        re.compile(
            r"\b((?:rejected|voted\s+down|turned\s+down|threw\s+out|vetoed)|"
            r"(?:did|does|do|has|have|had)\s+not\s+(?:approve|approved|pass|passed|adopt|adopted)|"
            r"failed\s+to\s+(?:approve|pass|win\s+approval)|"
            r"(?:ha|hanno|aveva|avevano)\s+(?:respinto|bocciato)|"
            r"non\s+(?:ha|hanno|aveva|avevano)\s+approvato|"
            r"(?:è|sono)\s+stat[oaie]\s+(?:respint|bocciat)[oaie]|"
            r"non\s+(?:è|sono)\s+stat[oaie]\s+approvat[oaie])\b",
            re.IGNORECASE,
        ),
    ),
    (
        "approved",
        re.compile(
            # (Not "must be approved by the watchdog": a condition, not a decision.)
            r"\b((?<!not\s)(?<!be\s)(?:approved|passed|adopted)(?=\s+(?:the|a|an|its|their|on|by|with|"
            r"in|late|yesterday|unanimously)\b)|(?:was|were|has\s+been|have\s+been)\s+"
            r"(?:approved|passed|adopted)|gave\s+(?:the\s+)?(?:green\s+light|go-ahead)|"
            r"(?<!non\s)(?:ha|hanno|aveva|avevano)\s+approvato|"
            r"(?<!non\s)(?:è|sono)\s+stat[oaie]\s+approvat[oaie]|(?:ha|hanno)\s+dato\s+il\s+"
            r"via\s+libera|(?:il\s+)?via\s+libera\s+(?:a|al|alla|all['’]|del|della))\b",
            re.IGNORECASE,
        ),
    ),
)


# A word each of these statuses has: most passages have none, and substring tests say so
# faster than the patterns.
_OPEN_OR_SHUT_KEYS = ("open", "apert", "chius", "clos", "shut")
_DECISION_KEYS = (
    "approv", "passed", "adopted", "reject", "voted", "turned down", "threw out", "veto",
    "respint", "bocciat", "green light", "go-ahead", "via libera", "failed to",
)  # fmt: skip


# Whether a planned operation (a recovery, the shipping of replacements, works) has begun:
# "will begin shipping in April" / "le sostituzioni sono già partite".
# Whether a thing was taken away or is still where it was: a find lifted or left in situ, a
# ban lifted or still in force ("the dolphin panel was detached and taken to Ancona" / "the
# mosaic remains in place").
_PLACE_STATUS = (
    (
        "in place",
        re.compile(
            r"\b((?:remains?|remained|stays?|is\s+still|are\s+still|was\s+still|were\s+still)\s+"
            r"(?:in\s+place|in\s+situ|where\s+it\s+(?:is|was))|"
            r"(?:si\s+trova|si\s+trovano|resta|restano|rimane|rimangono|è|sono)\s+ancora\s+"
            r"(?:al\s+(?:suo|loro)\s+posto|in\s+situ|in\s+loco)|"
            r"(?:resta|restano|rimane|rimangono)\s+(?:per\s+ora\s+)?(?:al\s+(?:suo|loro)\s+posto|"
            r"in\s+situ))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "removed",
        re.compile(
            r"\b((?:has|have|had)\s+(?:already\s+)?been\s+(?:removed|lifted|detached|taken\s+away)|"
            r"(?:was|were)\s+(?:already\s+)?(?:removed|detached|taken\s+away)|"
            r"(?:ha|hanno)\s+(?:già\s+)?(?:staccato|rimosso|asportato|prelevato)|"
            r"(?:è|sono)\s+(?:già\s+)?stat[aoie]\s+(?:staccat[aoie]|rimoss[aoie]|asportat[aoie]|"
            r"prelevat[aoie]|portat[aoie]\s+via))\b",
            re.IGNORECASE,
        ),
    ),
)
_START_STATUS = (
    (
        "to start",
        re.compile(
            r"\b(will\s+(?:only\s+|not\s+)?(?:begin|start|commence|get\s+under\s+way)|won[’']t\s+"
            r"(?:begin|start|commence)|(?:is|are)\s+(?:not\s+)?"
            r"(?:expected|due|set|scheduled|planned)\s+to\s+(?:begin|start|commence)|yet\s+to\s+"
            r"(?:begin|start)|(?:has|have)\s+not\s+yet\s+(?:begun|started)|"
            r"(?:inizierà|inizieranno|comincerà|cominceranno|partirà|partiranno|avvierà|"
            r"avvieranno|scatterà|scatteranno)|prender(?:à|anno)"
            r"\s+il\s+via|(?:non\s+(?:è|sono)|devono)\s+ancora\s+(?:iniziat|partit|cominciat)"
            r"[aoie]|"
            # A rule's start: "will take effect", "takes effect on 1 September", "entrerà in
            # vigore" (against "è già in vigore", "took effect").
            r"will\s+(?:only\s+)?(?:take\s+effect|come\s+into\s+force)|"
            r"(?:takes|take)\s+effect(?=\s+(?:on|from|next|in|at)\b)|comes?\s+into\s+force"
            r"(?=\s+(?:on|from|next|in|at)\b)|entrer(?:à|anno)\s+in\s+vigore)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "started",
        re.compile(
            r"\b((?:has|have|had)\s+already\s+(?:begun|started|got\s+under\s+way)|already\s+"
            r"(?:began|started|under\s+way)|(?:è|sono)\s+già\s+(?:(?:iniziat|partit|cominciat|"
            r"avviat|scattat)[aoie]|in\s+corso)|(?:ha|hanno)\s+già\s+(?:iniziato|cominciato|avviato|"
            r"fatto\s+partire|preso\s+il\s+via)|"
            r"(?:is|are)\s+already\s+in\s+(?:force|effect)|(?:has|have)\s+already\s+(?:taken\s+"
            r"effect|come\s+into\s+force)|took\s+effect|came\s+into\s+force|(?:è|sono)\s+già\s+in\s+"
            r"vigore|(?:è|sono)\s+(?:già\s+)?entrat[aoie]\s+in\s+vigore)",
            re.IGNORECASE,
        ),
    ),
)
# Whether an event (a meeting, a match, a concert, a vote) took place, is still to come, or
# was called off or put off: "The meeting is scheduled for Thursday" / "si è svolto ieri
# pomeriggio", "The concert was cancelled" / "Il concerto si è regolarmente svolto". Said of
# an event noun near it only ("was held in custody" is no meeting).
_EVENT_STATUS = (
    (
        "cancelled",
        re.compile(
            r"\b((?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:now\s+)?"
            r"(?:cancell?ed|called\s+off|scrapped|axed)|(?:è|sono)\s+(?:stat[aoie]\s+)?"
            r"(?:annullat[aoie]|cancellat[aoie])|(?:è|sono)\s+saltat[aoie])\b",
            re.IGNORECASE,
        ),
    ),
    (
        "postponed",
        re.compile(
            r"\b((?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:now\s+)?"
            r"(?:postponed|put\s+off|pushed\s+back|rescheduled)|(?:è|sono)\s+(?:stat[aoie]\s+)?"
            r"(?:rinviat[aoie]|posticipat[aoie]|spostat[aoie]|slittat[aoie]))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "held",
        re.compile(
            r"\b(went\s+ahead|took\s+place|(?:was|were|has\s+been|have\s+been)\s+held"
            r"|(?:si\s+)?(?:è|sono)\s+(?:già\s+|regolarmente\s+)?(?:svolt[aoie]|tenut[aoie])"
            r"|(?:è|sono)\s+andat[aoie]\s+in\s+scena|(?:ha|hanno)\s+avuto\s+luogo)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "scheduled",
        re.compile(
            r"\b((?:is|are)\s+(?:now\s+)?(?:scheduled|set|due|planned|expected)\s+(?:for|to\s+"
            r"(?:take\s+place|be\s+held|go\s+ahead))|will\s+(?:take\s+place|be\s+held|go\s+"
            r"ahead)|si\s+(?:terrà|terranno|svolgerà|svolgeranno)|(?:è|sono)\s+in\s+programma"
            r"|(?:è|sono)\s+(?:previst[aoie]|fissat[aoie]|convocat[aoie])\s+per)\b",
            re.IGNORECASE,
        ),
    ),
)
_EVENT_NOUN = re.compile(
    r"\b(meeting|talks|summit|match|game|final|race|concert|show|festival|gig|performance|"
    r"ceremony|event|conference|hearing|vote|ballot|referendum|election|debate|parade|march|"
    r"protest|demonstration|rally|strike|session|assembly|auction|launch|exam|regatta|"
    r"marathon|tournament|stage|fair|exhibition|trial|regata|maratona|torneo|tappa|fiera|mostra|"
    r"processo|"
    r"incontro|riunione|vertice|tavolo|partita|finale|gara|concerto|spettacolo|esibizione|"
    r"cerimonia|evento|conferenza|udienza|voto|votazione|referendum|elezioni|dibattito|"
    r"sfilata|corteo|protesta|manifestazione|sciopero|seduta|assemblea|asta|lancio|esame)\b",
    re.IGNORECASE,
)
_EVENT_WINDOW = 60  # characters between an event's noun and what is said of it


# An act done or not yet done: "was shown to the public yesterday" / "has not yet been
# shown to the public", "ha fatto il suo debutto" / "has not yet made her public debut", "è
# stato firmato" / "non è ancora stato firmato". Two conflict only for one act (the status's
# unit is "done:show" or "pending:show").
_ACTS_DONE = {
    "show": ("shown", "present", "unveil", "debut", "mostrat", "esposto", "esposta"),
    "sign": ("signed", "firmat", "sottoscritt"),
    "approve": ("approved", "approvat", "ratified", "ratificat"),
    "publish": ("published", "pubblicat"),
    "pay": ("paid", "pagat", "versat"),
    "deliver": ("delivered", "consegnat"),
    "announce": ("announced", "annunciat"),
}
_ACT_DONE = re.compile(
    r"\b(?:(?:was|were|has\s+been|have\s+been|had\s+been|not\s+been|yet\s+been)\s+"
    r"(?:officially\s+|formally\s+|"
    r"finally\s+)?(shown|presented|unveiled|signed|approved|ratified|published|paid|delivered|"
    r"announced)|(?:made|make|makes)\s+(?:its|her|his|their)\s+(?:public\s+|official\s+)?(debut)|"
    r"(?:è|sono)\s+(?:già\s+|ancora\s+)?stat[aoie]\s+(?:ufficialmente\s+)?(presentat[aoie]|"
    r"mostrat[aoie]|espost[aoie]|firmat[aoie]|sottoscritt[aoie]|approvat[aoie]|ratificat[aoie]|"
    r"pubblicat[aoie]|pagat[aoie]|versat[aoie]|consegnat[aoie]|annunciat[aoie])|"
    r"(?:ha|hanno)\s+(?:già\s+|ancora\s+)?fatto\s+(?:il\s+suo|la\s+sua|il\s+loro)\s+(debutto))\b",
    re.IGNORECASE,
)
# Not done yet: "has not yet been shown", "is yet to be signed", "non è ancora stato firmato",
# "non ha ancora fatto il suo debutto", "has not yet made her public debut".
_NOT_YET = re.compile(
    r"\b(?:not\s+yet|yet\s+to|not\s+been|non\s+(?:è|sono|ha|hanno)\s+ancora|"
    r"non\s+(?:è|sono)\s+stat[aoie]|still\s+to|ancora\s+da|never)\b",
    re.IGNORECASE,
)

# Which thing a status is of: a work's release, a closure's end, or an operation's start.
STATUS_FAMILY = {
    "in place": "place",
    "removed": "place",
    "cancelled": "event",
    "postponed": "event",
    "held": "event",
    "scheduled": "event",
    "upcoming": "release",
    "released": "release",
    "closed": "service",
    "reopened": "service",
    "kept open": "service",
    "shut": "service",
    "approved": "decision",
    "rejected": "decision",
    "to start": "start",
    "started": "start",
    "convicted": "verdict",
    "acquitted": "verdict",
    "died": "fate",
    "survived": "fate",
    "elected": "election",
    "defeated": "election",
}

_WORK_NOUN = re.compile(
    r"\b(series|show|film|movie|season|episode|documentary|serie|stagione|episodio|puntata"
    r"|documentario|programma|miniserie|album)\b",
    re.IGNORECASE,
)
# Words said of shows and films only ("The Eternaut, which premiered in April"): a status
# even with no "series" or "film" near.
_ONLY_OF_WORKS = re.compile(
    r"(?:premiered|debuted|ha\s+debuttato|hanno\s+debuttato|will\s+premiere|"
    r"(?:still\s+)?awaits?\s+(?:its\s+|their\s+)?premiere|"
    r"will\s+debut|set\s+to\s+(?:premiere|debut)|yet\s+to\s+(?:premiere|debut)|debutterà|"
    r"in\s+uscita|di\s+prossima\s+uscita|uscirà)\b",
    re.IGNORECASE,
)
_STATUS_WINDOW = 40  # characters between a status word and the work it is said of


def _any_in(lower: str, keys: tuple[str, ...]) -> bool:
    """Does lower-case text hold one of these words? Substring tests, which are many times
    faster than a pattern of alternatives on the tens of thousands of passages of a long
    article; the patterns then read only the passages that pass."""
    return any(key in lower for key in keys)


def _status(text: str) -> list[Value]:
    out: list[Value] = []
    works = [m.start() for m in _WORK_NOUN.finditer(text)]
    taken: list[tuple[int, int]] = []
    for status, pattern in _STATUS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            strong = _ONLY_OF_WORKS.match(m.group())
            near = any(-_STATUS_WINDOW <= w - m.start() <= _STATUS_WINDOW for w in works)
            if not (near or strong):
                continue  # "upcoming ad formats", "released figures": not a work's release
            taken.append((m.start(), m.end()))
            out.append(Value("status", status, 0.0, 0.0, m.group(), m.start(), m.end()))
    lower = text.lower()
    optional = [
        *(_OPEN_OR_SHUT if _any_in(lower, _OPEN_OR_SHUT_KEYS) else ()),
        *(_DECISIONS if _any_in(lower, _DECISION_KEYS) else ()),
    ]
    for status, pattern in (*_SERVICE_STATUS, *optional, *_START_STATUS, *_PLACE_STATUS):
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for s, e in taken):
                taken.append((m.start(), m.end()))
                out.append(Value("status", status, 0.0, 0.0, m.group(), m.start(), m.end()))
    for m in _ACT_DONE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        verb = next(g for g in m.groups() if g).lower()
        act = next(name for name, stems in _ACTS_DONE.items() if verb.startswith(stems))
        cue = _NOT_YET.search(text, max(0, m.start() - 24), m.end())
        start = cue.start() if cue else m.start()  # shown with its "not yet"
        taken.append((start, m.end()))
        unit = ("pending:" if cue else "done:") + act
        out.append(Value("status", unit, 0.0, 0.0, text[start : m.end()], start, m.end()))
    out += _outcomes(text, taken)
    if not _EVENT_NOUN.search(text):
        return out  # the common case, cheaply: no event named here
    events = [m.start() for m in _EVENT_NOUN.finditer(text)]
    for status, pattern in _EVENT_STATUS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if not any(-_EVENT_WINDOW <= e - m.start() <= _EVENT_WINDOW for e in events):
                continue
            taken.append((m.start(), m.end()))
            out.append(Value("status", status, 0.0, 0.0, m.group(), m.start(), m.end()))
    return out


# What came of a person: a verdict ("acquitted" / "ha condannato") or their fate ("died" /
# "è sopravvissuto"). Opposite outcomes of one person are a contradiction (an outside tester
# saw "A German hiker died" agree with "survived" at 1.00, and "acquitted" with "convicted").
# The person is the value's name: the capitalised name nearest the verb in its clause, or none
# ("un escursionista"). Two outcomes compare only for one person, or where one passage names
# nobody: a trial convicts one defendant and acquits another.
_OUTCOMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "acquitted",
        re.compile(
            r"\b(?:acquitted|cleared\s+of|found\s+not\s+guilty|(?:è|sono)\s+stat[oaie]\s+"
            r"(?:assolt|prosciolt)[oaie]|(?:ha|hanno)\s+(?:assolto|prosciolto)|assolt[oaie]\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "convicted",
        re.compile(
            r"\b(?:convicted|found\s+guilty|(?:was|were|has\s+been)\s+sentenced|sentenced\s+"
            r"(?:him|her|them)|(?:è|sono)\s+stat[oaie]\s+condannat[oaie]|(?:ha|hanno)\s+"
            r"condannato|condannat[oaie]\s+(?:a|per|in))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "died",
        re.compile(
            r"\b(?:died|dies|was\s+killed|lost\s+(?:his|her)\s+life|(?:è|era)\s+mort[oa]|"
            r"muore|ha\s+perso\s+la\s+vita|(?:è|era)\s+decedut[oa])\b",
            re.IGNORECASE,
        ),
    ),
    (
        "survived",
        re.compile(
            r"\b(?:survived|survives|escaped\s+unhurt|(?:è|era)\s+sopravvissut[oa]|sopravvive|"
            r"si\s+è\s+salvat[oa]|(?:è|era)\s+rimast[oa]\s+illes[oa])\b",
            re.IGNORECASE,
        ),
    ),
)
# ...and of a candidate: "Jane Smith was elected mayor" / "was defeated in the mayoral
# election", "è stato rieletto" / "ha perso il seggio" (an outside tester saw them agree).
_CONTEST = (
    r"\s+(?:\w+\s+){0,3}?(?:election|elections|race|vote|ballot|run-?off|primary|primaries|seat)"
)
_GARA = r"\s+(?:\w+\s+){0,2}?(?:elezioni|ballottaggio|primarie|seggio)"
_OUTCOMES += (
    (
        "defeated",
        re.compile(
            rf"\b(?:(?:was|were)\s+defeated|lost\s+(?:the|a|his|her|their){_CONTEST}|"
            r"failed\s+to\s+win|(?:was|were)\s+not\s+(?:re-?)?elected|"
            r"non\s+(?:è|sono)\s+stat[oaie]\s+(?:ri)?elett[oaie]|"
            rf"(?:ha|hanno)\s+perso\s+(?:le|la|il){_GARA}|(?:è|sono)\s+stat[oaie]\s+sconfitt[oaie])\b",
            re.IGNORECASE,
        ),
    ),
    (
        "elected",
        re.compile(
            r"\b(?:(?:was|were|has\s+been|have\s+been)\s+(?:re-?)?elected|"
            rf"won\s+(?:the|a|his|her|their){_CONTEST}|"
            r"(?<!non\s)(?:è|sono)\s+stat[oaie]\s+(?:ri)?elett[oaie]|"
            rf"(?:ha|hanno)\s+vinto\s+(?:le|la|il){_GARA})\b",
            re.IGNORECASE,
        ),
    ),
)
_OUTCOME_UNITS = frozenset(unit for unit, _ in _OUTCOMES)
# Statuses no feature of one fact: too common, of too many things.
_NO_EVIDENCE = _OUTCOME_UNITS | {"kept open", "shut", "approved", "rejected"}
_OUTCOME_KEYS = (
    "acquit", "cleared", "guilty", "sentenced", "assolt", "prosciolt", "condann", "convicted",
    "died", "dies", "killed", "elect", "elett", "defeat", "sconfitt", "lost", "perso", "won",
    "vinto", "fail", "mort", "muore", "decedut", "surviv", "unhurt", "sopravviss", "salvat",
    "illes",
)  # fmt: skip
# A count before the verb ("two people died", "3 feriti sono morti", "Nobody died among the
# firefighters") is a count (of none, of a group), not a fate.
_COUNTED_BEFORE = re.compile(
    r"(?:\d|\b(?:no|none|nobody|no[\s-]one|nessun[oa]?|two|three|four|five|six|seven|eight|"
    r"nine|ten|dozens?|hundreds?|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|decine|"
    r"centinaia))\b[^.;:]{0,30}$",
    re.IGNORECASE,
)
_PERSON_NAME = re.compile(r"(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]+)(?:\s+(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]+))*")
_CLAUSE_MARK = re.compile(r"[.;:]|,\s+(?:while|whereas|but|and|mentre|ma|e)\b", re.IGNORECASE)


def _outcomes(text: str, taken: list[tuple[int, int]]) -> list[Value]:
    if not _any_in(text.lower(), _OUTCOME_KEYS):
        return []  # the common case, cheaply
    out: list[Value] = []
    for status, pattern in _OUTCOMES:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if _COUNTED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue
            taken.append((m.start(), m.end()))
            name = _outcome_person(text, m.start(), m.end())
            out.append(Value("status", status, 0.0, 0.0, m.group(), m.start(), m.end(), name=name))
    return out


def _outcome_person(text: str, start: int, end: int) -> str:
    """The person an outcome is of, as the lower-case last word of their name: the first
    name after the verb in its clause ("acquitted former councillor Paolo Ricci"), else the
    last before it ("Paolo Ricci was acquitted"); "" where the clause names nobody ("A German
    hiker died")."""
    after_end = next((m.start() for m in _CLAUSE_MARK.finditer(text, end)), len(text))
    names = [n for n in _PERSON_NAME.finditer(text, end, after_end) if _a_name(n.group())]
    if names:
        return unaccent(names[0].group().split()[-1].lower())
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, 0, start)]
    opening = marks[-1] if marks else 0
    named = []
    for n in _PERSON_NAME.finditer(text, opening, start):
        words = n.group().split()
        sentence = max(text.rfind(c, 0, n.start()) for c in ".;:!?") + 1
        if not text[sentence : n.start()].strip():
            words = words[1:]  # a sentence's first word is capitalised whatever it is ("Ex")
        if words and _a_name(" ".join(words)):
            named.append(words[-1])
    return unaccent(named[-1].lower()) if named else ""


def _a_name(words: str) -> bool:
    """Capitalised words that name someone: not an article, a clause's opening word or a day
    ("died on Sunday")."""
    first = words.split()[0].lower()
    return (
        first not in stopwords("en")
        and first not in stopwords("it")
        and first.rstrip(".") not in _MONTHS
        and first not in _WEEKDAYS
    )


# ---------------------------------------------------------------------------------------------
# Times of day: "7am", "7 p.m.", "19:00", "alle 19", "dalle 7", "mezzanotte"

_IT_HOURS = {
    word: hour
    for hour, word in enumerate(
        "una due tre quattro cinque sei sette otto nove dieci undici dodici".split(),  # noqa: SIM905
        start=1,
    )
}
_EN_HOURS = {
    word: hour
    for hour, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(),  # noqa: SIM905
        start=1,
    )
}
_CLOCK_12 = re.compile(
    r"(?<![\w.,:])(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE
)
_CLOCK_24 = re.compile(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")
# A wire's time, four digits before a zone: "at 0600 GMT", "0800 local time" (an outside tester
# saw them read as counts, and conflict).
_CLOCK_WIRE = re.compile(
    r"(?<![\w.,:])([01]\d|2[0-3])([0-5]\d)(?=\s*(?:gmt|utc|bst|cet|cest|local\s+time|hrs)\b)",
    re.IGNORECASE,
)
# Italian gives the hour after "alle", "dalle", "ore"… ("dalle 7 alle 19", "alle 19.30").
_ORE = re.compile(
    r"\b(?:alle|dalle|fino\s+alle|entro\s+le|verso\s+le|(?:dopo|prima)\s+(?:del)?le|le\s+ore|"
    r"alle\s+ore|dalle\s+ore|ore|(?:passate|erano|sono)\s+(?:da\s+poco\s+)?le)"
    r"\s+(?:([01]?\d|2[0-4])(?:[.:]([0-5]\d))?(?![\w:]|[.,]\d)|"
    # An hour in words only with the part of the day or "in punto": "alle due squadre" is
    # no time.
    rf"({'|'.join(_IT_HOURS)})(?=\s+(?:d[ei]|della|del)\s+(?:sera|pomeriggio|notte|mattin)|"
    r"\s+in\s+punto))"
    r"(?:\s+(di\s+sera|della\s+sera|del\s+pomeriggio|di\s+notte|della\s+notte|del\s+mattino|"
    r"di\s+mattina))?",
    re.IGNORECASE,
)
# "at two in the morning", "at about four o'clock", "at nine in the evening".
_EN_HOUR = re.compile(
    rf"\bat\s+(?:about\s+|around\s+)?({'|'.join(_EN_HOURS)})\s+(?:o['’]clock(?:\s+in\s+the\s+"
    r"(morning|afternoon|evening))?|in\s+the\s+(morning|afternoon|evening)|at\s+(night))\b",
    re.IGNORECASE,
)
_NOON = re.compile(r"\b(noon|midday|midnight|mezzogiorno|mezzanotte)\b", re.IGNORECASE)
_LATER = re.compile(r"sera|pomeriggio|notte", re.IGNORECASE)


# "around 3 a.m.", "shortly after 1 a.m.", "intorno alle 3", "poco dopo le 21": a time given
# roughly, which agrees with one TIME_ROUGH minutes from it.
_TIME_ROUGHLY = re.compile(
    r"\b(?:around|about|approximately|roughly|shortly\s+(?:after|before)|just\s+(?:after|before)|"
    r"intorno|verso|circa|poco(?:\s+(?:dopo|prima))?)\s+(?:the\s+|le\s+|alle\s+|delle\s+)?$",
    re.IGNORECASE,
)
# "poco dopo le 21 italiane", "8pm local time", "19:00 GMT": a time of one zone, which another
# report may give in its own; compared only with a time of the same words.
_TIME_ZONE = re.compile(
    r"\s*(?:italian[ei]|ora\s+italiana|local(?:\s+time)?|(?:uk|uk's|british|italian|"
    r"european)\s+time|ora\s+locale|gmt|bst|cet|cest|utc|et|pt)\b",
    re.IGNORECASE,
)
TIME_SLACK = 20  # minutes: "at 7:40 p.m." / "alle 19.45" is one time; 8.30 and 9 are two
TIME_ROUGH = 60  # ...and "around 8 p.m." / "alle 19" too
TIME_ROUGH_MINUTE = 30  # ...and "around 1.30 a.m." / "by 1 a.m."


def _times(text: str, language: str) -> list[Value]:
    """Times of day, as minutes after midnight. They help find one fact told twice ("from 7am
    to 7pm" / "dalle 7 alle 19"), and conflict only where the words next to them say they are
    the time of one thing (matcher): a story has many hours."""
    out: list[Value] = []

    def add(match: re.Match[str], hour: int, minute: int) -> None:
        minutes = float(hour % 24 * 60 + minute)
        zone = _TIME_ZONE.match(text, match.end())
        unit = "zone:" + zone.group().strip().casefold() if zone else ""
        value = Value("time", unit, minutes, minutes, match.group(), match.start(), match.end())
        if _TIME_ROUGHLY.search(text, max(0, match.start() - 30), match.start()):
            value = replace(value, rough=True)
        out.append(value)

    for m in _CLOCK_12.finditer(text):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        add(m, hour, int(m.group(2) or 0))
    for m in _CLOCK_24.finditer(text):
        add(m, int(m.group(1)), int(m.group(2)))
    for m in _CLOCK_WIRE.finditer(text):
        add(m, int(m.group(1)), int(m.group(2)))
    if language == "it":
        for m in _ORE.finditer(text):
            hour = int(m.group(1)) if m.group(1) else _IT_HOURS[m.group(3).lower()]
            later = m.group(4) and _LATER.search(m.group(4))
            # "alle 9 di sera", "alle 11 di notte"; but "alle 3 di notte" is 3 a.m.
            if later and hour < 12 and not (later.group().lower() == "notte" and hour < 7):
                hour += 12
            add(m, hour, int(m.group(2) or 0))
    for m in _EN_HOUR.finditer(text):
        hour = _EN_HOURS[m.group(1).lower()] % 12
        part = (m.group(2) or m.group(3) or m.group(4) or "").lower()
        add(
            m,
            hour
            + (12 if part in ("afternoon", "evening") or (part == "night" and hour > 6) else 0),
            0,
        )
    for m in _NOON.finditer(text):
        add(m, 0 if m.group(1).lower() in ("midnight", "mezzanotte") else 12, 0)
    # A live blog's entry opens with the time it was written ("Ore 17.40 – Ottanta sezioni su
    # 101", "5.40pm: polls close"): the time of the telling, like a day something was said,
    # compared only with other such times (a count's progress at 17.40 is no start at 15).
    return [
        replace(t, said=True)
        if not text[: t.start].strip() and _STAMP_AFTER.match(text, t.end)
        else t
        for t in _outermost(out)
    ]


_STAMP_AFTER = re.compile(r"\s*(?:[–—|]|-\s|:\s)")


# CSI ("ESC[31m", "ESC[?25l"), OSC ("ESC]0;title BEL") and the C1 CSI byte.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]?"
)


# The adjective after a period that makes it a yardstick: "una settimana normale", "un anno
# qualsiasi", "a week typical of the season" is rarer but read alike.
_ORDINARY_AFTER = re.compile(
    r"\s+(?:normale|normali|tipica|tipico|qualsiasi|qualunque|media|medio|ordinaria|ordinario"
    r"|normal|typical|ordinary|average)\b",
    re.IGNORECASE,
)


# "…, the zoo said on Wednesday", "announced on Monday", "ha comunicato ieri": the day of the
# saying, when the passage gives the day of what happened before it ("born on Tuesday, the zoo
# said on Wednesday"). Alone ("Bath city council said on Tuesday") it may be the fact itself.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|told\s+\w+|reported|confirmed|stated|added|explained|"
    r"(?:ha|hanno)\s+(?:detto|annunciato|comunicato|riferito|confermato|spiegato|dichiarato|"
    r"fatto\s+sapere)|ha\s+reso\s+noto)\s+(?:on\s+|late\s+on\s+|early\s+on\s+)?$",
    re.IGNORECASE,
)


def _owned(text: str, value: Value) -> Value:
    """An age in apposition with whose it is: "Benetti, 38", "Il sindaco, 45 anni" (the name
    or noun is what tells two people's ages apart, matcher.value_context)."""
    if value.kind != "quantity" or value.unit != YEARS:
        return value
    old = _OLD_AFTER.match(text, value.end)
    if old is not None:  # "a 47-year-old": shown whole, not as "47-year"
        value = replace(value, text=text[value.start : old.end()], end=old.end())
    owner = _AGE_BEFORE.search(text, max(0, value.start - 40), value.start)
    if owner is None:
        return value
    return replace(value, text=text[owner.start() : value.end], start=owner.start())


_OLD_AFTER = re.compile(r"-old\b", re.IGNORECASE)


def extract(
    text: str,
    language: str = "en",
    reference: dt.date | None = None,
    year: int | None = None,
) -> list[Value]:
    """Every value in text, in order. reference: the article's date (resolves relative dates);
    year: the year a year-less quarter or half belongs to (default: the reference's)."""
    if year is None and reference is not None:
        year = reference.year
    # Terminal escape sequences pasted into an article are no figures: "ESC[0m" read as
    # 0 metres contradicted "300 metres" (found by an outside tester). Blanked, offsets kept.
    text = _ESCAPE_SEQUENCE.sub(lambda m: " " * len(m.group()), text)
    times = _times(text, language)
    scores = _scores(text)
    dates = [
        d for d in _dates(text, reference, year, language) if not _within(d, [*times, *scores])
    ]
    shares = [s for s in _shares(text) if not any(d.start <= s.start < d.end for d in dates)]
    ages = [a for a in _age_ranges(text) if not _within(a, [*dates, *times, *scores])]
    ages += [
        a
        for a in _one_word_ages(text)
        if not _within(a, [*dates, *times, *scores]) and not _within(a, ages)
    ]
    covered = [(v.start, v.end) for v in (*dates, *shares, *times, *scores, *ages)]
    amounts = [v for v in _amounts(text, language) if not any(s <= v.start < e for s, e in covered)]
    amounts += ages
    # "15 October" with no year to place it is no count of Octobers: left out, not misread.
    amounts = [v for v in amounts if not (v.kind == "quantity" and v.unit in _MONTH_STEMS)]
    # "quasi il triplo rispetto a una settimana normale": a period to compare with, no span
    # of time (it conflicted with a quarantine's "21 giorni", found on a held-out set).
    amounts = [
        v
        for v in amounts
        if not (v.unit in (DURATION, "month", YEARS) and _ORDINARY_AFTER.match(text, v.end))
    ]
    amounts = [_bounded(text, _hedged_amount(text, v)) for v in (*shares, *amounts)]
    amounts = [_owned(text, v) for v in amounts]
    amounts = _ranges(text, language, amounts)
    dates = [
        replace(d, said=True)
        if _SAID_BEFORE.search(text, max(0, d.start - 40), d.start)
        and any(e.end <= d.start for e in dates)
        else d
        for d in dates
    ]
    wire = [(t.start, t.end) for t in times if _CLOCK_WIRE.fullmatch(t.text)]
    amounts = [a for a in amounts if not any(s < a.end and a.start < e for s, e in wire)]
    found = [_former(text, v) for v in (*dates, *amounts, *times)]
    if reference is not None:
        found = _recalled(text, found, dates, reference)
    found = [_trend(text, v) if v.kind in _CHANGING else v for v in found]
    who = [
        Value("who", role, 0.0, 0.0, text[start:end], start, end, name=agent)
        for role, agent, start, end in (*roles(text), *results(text))
    ]
    found += [
        v
        for v in (
            *_folds(text),
            *_ordinals(text, language),
            *_stated_ages(text),
            *_a_spans(text),
            *_one_word_ages(text),
        )
        if not any(f.start < v.end and v.start < f.end for f in found)
    ]
    places = [p for p in _places(text) if not any(f.start < p.end and p.start < f.end for f in who)]
    counts = [v for v in found if v.kind == "quantity"]
    statuses = [
        v
        for v in _status(text)
        # "One person died", "No one was killed", "Un paziente è morto": a count of the dead
        # (or of none), which another report's count contradicts, not one person's fate.
        if v.unit not in _OUTCOME_UNITS
        or not any(c.start < v.end and v.start - _COUNT_REACH < c.end for c in counts)
    ]
    return sorted([*found, *scores, *statuses, *who, *places], key=lambda v: (v.start, v.kind))


# A street or a square by its name, as local news places an event: "at the junction of Viale
# Verdi and Via Manin" / "all'incrocio tra viale Verdi e via Solferino", "beneath Piazza
# Garibaldi" / "in largo San Rocco", "on Manin Street". Two streets, or two squares, of one
# event in two reports conflict; a street and a square are not alternatives.
_PLACE_WORD = r"[A-Z][\w'’-]*"
_PLACE_OF = r"(?:(?:d[ei]|del|della|dei|degli|delle|di)\s+)"
_PLACE_NAME = rf"{_PLACE_OF}?{_PLACE_WORD}(?:\s+{_PLACE_OF}?{_PLACE_WORD}){{0,3}}"
_PLACE_CLASS = {
    **dict.fromkeys(
        (
            "via",
            "viale",
            "corso",
            "strada",
            "vicolo",
            "lungomare",
            "street",
            "road",
            "avenue",
            "lane",
            "boulevard",
        ),
        "street",
    ),
    **dict.fromkeys(("piazza", "piazzale", "largo", "square"), "square"),
}
_PLACE = re.compile(
    rf"\b(?:(?P<type>(?i:via|viale|corso|strada|vicolo|lungomare|piazza|piazzale|largo))\s+"
    rf"(?P<name>{_PLACE_NAME})|(?P<name2>{_PLACE_NAME})\s+"
    rf"(?P<type2>Street|Road|Avenue|Lane|Boulevard|Square))\b"
)


_OFFSHORE = re.compile(r"\b(?:al|dal|nel|verso\s+il|prendere\s+il)\s+$", re.IGNORECASE)


def _places(text: str) -> list[Value]:
    out = []
    for m in _PLACE.finditer(text):
        kind = (m.group("type") or m.group("type2")).lower()
        if kind == "largo" and _OFFSHORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "al largo di Carovigno": off the coast, not a square
        name = " ".join((m.group("name") or m.group("name2")).lower().split())
        unit = f"{_PLACE_CLASS[kind]}:{name}"
        out.append(Value("place", unit, 0.0, 0.0, m.group(), m.start(), m.end()))
    for m in _WHICH_PLACE.finditer(text):
        # "taken to hospital in Nuoro" / "all'ospedale di Lanusei", "in the province of
        # Cremona" / "in provincia di Mantova": which one, by the words of its name.
        kind = "hospital" if m.group("hospital") else "lake" if m.group("lake") else "province"
        words = sorted({_place_word(w) for w in _PLACE_NAME_WORD.findall(m.group("name"))})
        if words and not any(v.start < m.end() and m.start() < v.end for v in out):
            unit = f"{kind}:{' '.join(words)}"
            out.append(Value("place", unit, 0.0, 0.0, m.group(), m.start(), m.end()))
    for m in _REGION.finditer(text):
        # "bought in Sicily" / "acquistava vino sfuso in Puglia": where something comes from
        # or happens, by the region's name (what it is of, the words next to it say).
        if not m.group("region")[:1].isupper():
            continue  # "le marche" are brands, "the marches" of the map are capitalised
        name = _REGIONS[m.group("region").lower().replace("’", "'")]
        if not any(v.start < m.end() and m.start() < v.end for v in out):
            out.append(Value("place", f"region:{name}", 0.0, 0.0, m.group(), m.start(), m.end()))
    for m in _SIDE.finditer(text):
        # "the volcano's western flank" / "sul versante orientale", "the eastern shore": which
        # side of a mountain, a town or a lake.
        direction = _DIRECTIONS[(m.group("dir") or m.group("dir2")).lower().replace(" ", "-")]
        noun = (m.group("noun") or m.group("noun2")).lower()
        unit = f"{'shore' if noun in _SHORES else 'side'}:{direction}"
        out.append(Value("place", unit, 0.0, 0.0, m.group(), m.start(), m.end()))
    return out


# Italy's regions, in Italian and English, after "in"/"from"/"dalla"... (a region named as a
# place, not "the Sicily region's president" alone).
_REGIONS = {
    **dict.fromkeys(("sicily", "sicilia"), "sicily"),
    **dict.fromkeys(("apulia", "puglia", "le puglie"), "apulia"),
    **dict.fromkeys(("tuscany", "toscana"), "tuscany"),
    **dict.fromkeys(("lombardy", "lombardia"), "lombardy"),
    **dict.fromkeys(("piedmont", "piemonte"), "piedmont"),
    **dict.fromkeys(("sardinia", "sardegna"), "sardinia"),
    **dict.fromkeys(("campania",), "campania"),
    **dict.fromkeys(("calabria",), "calabria"),
    **dict.fromkeys(("basilicata",), "basilicata"),
    **dict.fromkeys(("veneto",), "veneto"),
    **dict.fromkeys(("liguria",), "liguria"),
    **dict.fromkeys(("lazio", "latium"), "lazio"),
    **dict.fromkeys(("umbria",), "umbria"),
    **dict.fromkeys(("abruzzo", "abruzzi"), "abruzzo"),
    **dict.fromkeys(("molise",), "molise"),
    **dict.fromkeys(("marche", "the marches"), "marche"),
    **dict.fromkeys(("emilia-romagna", "emilia romagna"), "emilia-romagna"),
    **dict.fromkeys(("friuli", "friuli-venezia giulia", "friuli venezia giulia"), "friuli"),
    **dict.fromkeys(("trentino", "trentino-alto adige"), "trentino"),
    **dict.fromkeys(("aosta valley", "valle d'aosta", "val d'aosta"), "aosta"),
}  # fmt: skip
_REGION = re.compile(
    r"\b(?:in|from|to|across|of|dalla|dalle|della|delle|nella|nelle|dal|del|nel|dall['’]|"
    r"dell['’]|nell['’])\s*(?:the\s+)?(?P<region>"
    + "|".join(sorted((re.escape(r) for r in _REGIONS), key=len, reverse=True))
    + r")\b(?!\s*(?:region|regione|'s|’s)\b)",
    re.IGNORECASE,
)


# Sides by the points of the compass, in English and Italian, and what they are sides of.
_DIRECTIONS = {
    **dict.fromkeys(("north", "northern", "settentrionale", "nord"), "north"),
    **dict.fromkeys(("south", "southern", "meridionale", "sud"), "south"),
    **dict.fromkeys(("east", "eastern", "orientale", "est"), "east"),
    **dict.fromkeys(("west", "western", "occidentale", "ovest"), "west"),
    **dict.fromkeys(
        ("north-east", "north-eastern", "northeast", "northeastern", "nord-est", "nordest",
         "nord-orientale", "nordorientale"), "north-east"
    ),
    **dict.fromkeys(
        ("north-west", "north-western", "northwest", "northwestern", "nord-ovest", "nordovest",
         "nord-occidentale", "nordoccidentale"), "north-west"
    ),
    **dict.fromkeys(
        ("south-east", "south-eastern", "southeast", "southeastern", "sud-est", "sudest",
         "sud-orientale", "sudorientale"), "south-east"
    ),
    **dict.fromkeys(
        ("south-west", "south-western", "southwest", "southwestern", "sud-ovest", "sudovest",
         "sud-occidentale", "sudoccidentale"), "south-west"
    ),
}  # fmt: skip
_SHORES = frozenset({"shore", "shores", "coast", "sponda", "riva", "costa"})
_DIRECTION = "|".join(sorted((re.escape(d) for d in _DIRECTIONS), key=len, reverse=True))
_SIDE = re.compile(
    rf"\b(?:(?P<dir>{_DIRECTION})\s+(?P<noun>flanks?|sides?|slopes?|shores?|coast)|"
    rf"(?P<noun2>versante|versanti|fianco|lato|pendici|sponda|riva|costa)\s+(?P<dir2>{_DIRECTION}))\b",
    re.IGNORECASE,
)


# A hospital by its town, a province or a lake: "(taken to) hospital in Nuoro", "the
# Alessandro Manzoni hospital in Lecco", "all'ospedale di Lanusei", "ospedale Manzoni di
# Lecco", "in the province of Cremona", "in provincia di Mantova", "Lake Maggiore", "sul lago
# di Como". A hospital named by its own name alone
# ("ospedale Santa Chiara") is not compared: another report may name it by its town.
_WHICH_NAME = r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:di|del|della|of|in|a)\s+)?[A-Z][\w'’-]*){0,3})"
_WHICH_PLACE = re.compile(
    r"\b(?:(?P<hospital>(?i:hospital|ospedale|policlinico))(?:\s+[A-Z][\w'’-]*){0,3}"
    r"\s+(?i:in|di|a|at)"
    rf"|(?P<province>(?i:province|provincia))\s+(?i:of|di)"
    r"|(?P<lake>(?i:lake|lago))(?:\s+(?i:of|di))?)\s+"
    rf"{_WHICH_NAME}"
)
_PLACE_NAME_WORD = re.compile(r"[A-Z][\w'’-]*")


def _place_word(word: str) -> str:
    """A word of a place's name, in English where it has an exonym ("Mantova" is "mantua")."""
    lower = re.sub(r"['’]s$", "", word.lower())  # "the Province of Verona's decision"
    return EXONYMS.get(lower, lower)


# A multiplier said by its verb: "prices have doubled", "sono triplicati", "halved".
_FOLD_VERB = re.compile(
    r"\b(?:(doubl|tripl|quadrupl|halv)ed|(?:will|to|would)\s+(doubl|tripl|quadrupl|halv)e|"
    r"(raddoppi|triplic|quadruplic|dimezz)(?:at[oaie]|a|ano|erà|eranno|erebbe))\b",
    re.IGNORECASE,
)
_FOLD_OF = {
    "doubl": 2.0,
    "tripl": 3.0,
    "quadrupl": 4.0,
    "halv": 0.5,
    "raddoppi": 2.0,
    "triplic": 3.0,
    "quadruplic": 4.0,
    "dimezz": 0.5,
}


def _folds(text: str) -> list[Value]:
    out = []
    for m in _FOLD_VERB.finditer(text):
        times = _FOLD_OF[next(g for g in m.groups() if g).lower()]
        out.append(Value("multiplier", "", times, times, m.group(), m.start(), m.end()))
    return out


# "the third attack this year", "il quarto attacco", "for the fifth consecutive year", "la
# 3ª edizione": which time something happens. "first" and "second" are left out: "first" is
# in every other sentence ("first reported"), "second" and "secondo" are also a unit of time
# and "according to".
_ORDINAL_WORDS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "terzo": 3, "terza": 3, "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5,
    "sesto": 6, "sesta": 6, "settimo": 7, "settima": 7, "ottavo": 8, "ottava": 8, "nono": 9,
    "nona": 9, "decimo": 10, "decima": 10,
}  # fmt: skip
_ORDINAL = re.compile(
    r"\b(?:(" + "|".join(_ORDINAL_WORDS) + r")|([3-9]|1\d)(?:rd|th|ª|º|°))\s+"
    r"(?:(?:consecutive|straight|successive|consecutiv[oa]|)\s*)([^\W\d_]{3,})",
    re.IGNORECASE,
)
_ORDINAL_ARTICLE = re.compile(
    r"\b(?:the|its|their|his|her|our|a|il|la|l['’]|lo|per\s+la|for\s+the|"
    r"(?:il\s+|la\s+)?(?:suo|sua|loro|nostro|nostra))\s+$",
    re.I,
)
# A rank's noun where the glossary's first sense is another: "il sesto titolo" is a title won,
# not a security.
_RANKED_NOUNS = {"titolo": "title", "titoli": "title"}


# A rank in a race or a ranking, "second" and "first" included where nothing else can be
# meant: "finished second", "took third place", "al secondo posto", "è arrivata terza" (an
# outside tester saw "finished second" agree with "finished third").
_RANKS = {
    **dict.fromkeys(("first", "1st", "primo", "prima"), 1),
    **dict.fromkeys(("second", "2nd", "secondo", "seconda"), 2),
    **dict.fromkeys(("third", "3rd", "terzo", "terza"), 3),
    **dict.fromkeys(("fourth", "4th", "quarto", "quarta"), 4),
    **dict.fromkeys(("fifth", "5th", "quinto", "quinta"), 5),
    **dict.fromkeys(("sixth", "6th", "sesto", "sesta"), 6),
    **dict.fromkeys(("seventh", "7th", "settimo", "settima"), 7),
    **dict.fromkeys(("eighth", "8th", "ottavo", "ottava"), 8),
    **dict.fromkeys(("ninth", "9th", "nono", "nona"), 9),
    **dict.fromkeys(("tenth", "10th", "decimo", "decima"), 10),
}
_RANK = "|".join(sorted(_RANKS, key=len, reverse=True))
_PLACED = re.compile(
    rf"\b(?:(?:finished|finishes|placed|came|comes|ended|crossed\s+the\s+line)\s+(?:in\s+)?"
    rf"(?P<after_verb>{_RANK})\b|(?:took|takes|in|earned|claimed)\s+(?P<place>{_RANK})\s+place\b|"
    rf"(?:al|il)\s+(?P<posto>{_RANK})\s+posto\b|(?:è|sono)\s+arrivat[oaie]\s+(?P<arrived>{_RANK})\b|"
    rf"(?P<classified>{_RANK})\s+classificat[oaie]\b)",
    re.IGNORECASE,
)
PLACE_RANK = "place"  # the noun of a rank in a race


_PLACED_KEYS = ("finish", "place", "came", "ended", "crossed", "posto", "arrivat", "classificat")


_RANK_KEYS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "1st", "2nd", "3rd", "th ", "prim", "second", "terz", "quart", "quint", "sest",
    "settim", "ottav", "nono", "nona", "decim",
)  # fmt: skip


def _places_in_a_race(text: str) -> list[Value]:
    lower = text.lower()
    if not (_any_in(lower, _PLACED_KEYS) and _any_in(lower, _RANK_KEYS)):
        return []  # the common case, cheaply
    out = []
    for m in _PLACED.finditer(text):
        word = next(g for g in m.groupdict().values() if g)
        rank = float(_RANKS[word.lower()])
        out.append(Value("ordinal", PLACE_RANK, rank, rank, m.group(), m.start(), m.end()))
    return out


def _ordinals(text: str, language: str) -> list[Value]:
    out = _places_in_a_race(text)
    for m in _ORDINAL.finditer(text):
        if not _ORDINAL_ARTICLE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "quarto d'ora", "Sesto San Giovanni": no ordinal of a thing
        word, digits, noun = m.group(1), m.group(2), m.group(3)
        if noun.lower() in stopwords(language) or (word and word[0].isupper()):
            continue  # "Sesto San Giovanni" is a town
        if any(v.start <= m.start() < v.end for v in out):
            continue  # a place in a race, read above
        rank = float(_ORDINAL_WORDS[word.lower()] if word else int(digits))
        lemma = IT_WORDS.get(noun.lower(), noun) if language == "it" else noun
        unit = _in_english(stem(lemma.lower()), language)
        if language == "it" and noun.lower() in _RANKED_NOUNS:
            unit = stem(_RANKED_NOUNS[noun.lower()])
        out.append(Value("ordinal", unit, rank, rank, m.group(), m.start(), m.end()))
    return out


# A span of one week, fortnight, month or year written with "a": "a strike that will last a
# week" (against "durerà sette giorni"), "for a fortnight", "a year-long inquiry". Only after
# a word of lasting or before "-long": "a week ago", "twice a week" and "a year earlier" are
# no span.
_A_SPAN = re.compile(
    r"(?:\b(?:for|last|lasts|lasted|lasting|spent|took|after)\s+(?:just\s+|only\s+|nearly\s+|"
    r"almost\s+|about\s+|over\s+)?)(?P<a>an?)\s+(?P<span>week|fortnight|month|year)\b"
    r"(?!\s+(?:ago|earlier|before|later|on|after|from|since)\b)"
    r"|\b(?P<a2>an?)\s+(?P<span2>week|fortnight|month|year)[-\s]long\b",
    re.IGNORECASE,
)
_SPANS = {"week": (168.0, DURATION), "fortnight": (336.0, DURATION), "month": (1.0, "month")}


def _a_spans(text: str) -> list[Value]:
    if not _any_in(text.lower(), ("week", "fortnight", "month", "year")):
        return []  # the common case, cheaply
    out = []
    for m in _A_SPAN.finditer(text):
        span = (m.group("span") or m.group("span2")).lower()
        amount, unit = _SPANS.get(span, (1.0, YEARS))
        start = m.start("a") if m.group("a") else m.start("a2")
        value = Value("quantity", unit, amount, amount, text[start : m.end()], start, m.end())
        # A fortnight is as often fifteen days as fourteen ("quindici giorni").
        out.append(replace(value, rough=True) if span == "fortnight" else value)
    return out


# An age in one Italian word ("un diciassettenne", "la sedicenne", "un 76enne"), or after
# "aged" ("a boy aged 16"). A decade's word ("trentenne") is anyone in that decade.
_ENNE = re.compile(r"\b(\d{1,3}|[a-zé]{3,}?)enn[eia]\b", re.IGNORECASE)
# ...and a list of them: "aged 52 and 47", "di 52 e 47 anni" (whose last is "47 anni").
_AGED = re.compile(
    r"\baged\s+(\d{1,3}(?:\s*,\s*\d{1,3})*(?:\s*,?\s+(?:and|or)\s+\d{1,3})?)\b"
    r"(?!\s*(?:%|per\s*cent|months?|weeks?|days?))",
    re.I,
)
_AGES_BEFORE_ANNI = re.compile(
    r"\b(?:di|da)\s+(\d{1,3}(?:\s*,\s*\d{1,3})*)\s+(?:e|o)\s+\d{1,3}\s+anni\b", re.I
)
_FIGURE = re.compile(r"\d{1,3}")
_AGE_HINT = re.compile(r"enn[eia]\b|aged|\d\s+anni\b|years?\s+old\b", re.IGNORECASE)
_DECADES = frozenset(
    ["vent", "trent", "quarant", "cinquant", "sessant", "settant", "ottant", "novant"]
)


# The ages of a group from youngest to oldest: "aged between 2 and 41", "aged 2 to 41",
# "between 2 and 41 years old", "tra i 2 e i 41 anni", "dai 2 ai 41 anni" (read as one age, 41,
# they agreed with nothing and made "41 anni" a second value).
_AGE_RANGE = re.compile(
    r"\baged\s+(?:between\s+(\d{1,3})\s+and\s+(\d{1,3})|(?:from\s+)?(\d{1,3})\s*(?:to|-|–)\s*"
    r"(\d{1,3}))\b"
    r"(?!\s*(?:%|per\s*cent|months?|weeks?|days?))"
    r"|\b(?:between|from)\s+(\d{1,3})\s*(?:and|to|-|–)\s*(\d{1,3})\s+years?\s+old\b"
    r"|\b(?:tra|fra|dai?)\s+(?:(?:i|gli)\s+)?(\d{1,3})\s+(?:e|ai?)\s+(?:(?:i|gli)\s+)?(\d{1,3})"
    r"\s+anni\b",
    re.IGNORECASE,
)


def _age_ranges(text: str) -> list[Value]:
    if not _AGE_HINT.search(text):
        return []  # the common case, cheaply
    out = []
    for m in _AGE_RANGE.finditer(text):
        low, high = (int(g) for g in m.groups() if g)
        if 0 <= low < high < _OLDEST:
            out.append(
                replace(
                    _amount("quantity", YEARS, float(low), text, m.start(), m.end()),
                    high=float(high),
                )
            )
    return out


def _one_word_ages(text: str) -> list[Value]:
    if not _AGE_HINT.search(text):
        return []  # the common case, cheaply
    out = []
    for m in _ENNE.finditer(text):
        base = m.group(1).lower()
        if base.isdigit():
            age: int | None = int(base)
        else:
            age = next(
                (n for end in ("e", "i", "a", "o", "") if (n := _word_number(base + end, "it"))),
                None,
            )
        if age is None or not 0 < age < _OLDEST:
            continue
        value = _amount("quantity", YEARS, float(age), text, m.start(), m.end())
        if base in _DECADES:
            value = replace(value, high=float(age + 9))
        out.append(value)
    for pattern in (_AGED, _AGES_BEFORE_ANNI):
        for m in pattern.finditer(text):
            for n, figure in enumerate(_FIGURE.finditer(text, m.start(1), m.end(1))):
                if 0 < (age := int(figure.group())) < _OLDEST:
                    start = m.start() if n == 0 and pattern is _AGED else figure.start()
                    out.append(_amount("quantity", YEARS, float(age), text, start, figure.end()))
    return out


# "the driver was 19", "the victim, who was 34": an age stated with "was", after a person.
_AGE_STATED = re.compile(
    rf"\b{_PERSON}s?\b[^.;:!?]{{0,25}}?\b(?:was|is|aged)\s+(\d{{1,3}})"
    r"(?=\s*(?:[.,;)]|$)|\s+(?:years?\b|when\b|at\s+the\s+time\b))",
    re.IGNORECASE,
)


def _stated_ages(text: str) -> list[Value]:
    out = []
    for m in _AGE_STATED.finditer(text):
        age = float(m.group(1))
        if 0 < age < _OLDEST:
            out.append(_amount("quantity", YEARS, age, text, m.start(), m.end(1)))
    return out


# A match's result: "won 3-1", "a 2–0 defeat", "ha vinto per 3 a 1", "finita 1-1". Said of a
# game only: a word of winning, losing or scoring in the clause before it or right after.
_SCORE = re.compile(
    r"(?<![\d.,:/])(\d{1,2})(?:\s*[-–]\s*|\s+a\s+)(\d{1,2})"
    r"(?![\d,:/-]|[.]\d|\s*(?:%|per\s*cent))"
)
# ...and in words, as Italian reports often give it: "per tre a uno", "two-nil".
_GOALS = {
    "zero": 0, "nil": 0, "nulla": 0, "uno": 1, "one": 1, "due": 2, "two": 2, "tre": 3,
    "three": 3, "quattro": 4, "four": 4, "cinque": 5, "five": 5, "sei": 6, "six": 6,
    "sette": 7, "seven": 7, "otto": 8, "eight": 8, "nove": 9, "nine": 9,
}  # fmt: skip
_GOAL_WORD = "|".join(_GOALS)
_SCORE_WORDS = re.compile(
    rf"\b({_GOAL_WORD})(?:\s+a\s+|[-–])({_GOAL_WORD})\b(?!\s*(?:%|per\s*cent))", re.IGNORECASE
)
# A word of a game, without which no score is written in words (a cheap test first).
_GAME_KEYS = (
    "won", "win", "beat", "lost", "drew", "vint", "vinc", "batt", "pareggi", "impost", "impon",
    "sconfitt", "result", "risultato", "punteggio", "score", "finit", "terminat",
)  # fmt: skip
_GAME_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beaten|beating|drew|draw|"
    r"drawing|defeated|defeating|thrashed|battendo|vincendo|perdendo|sconfiggendo|superando|"
    r"edged|scored|score|scoreline|result|ended|finished|vinto|vince|vincono|perso|perde|"
    r"pareggiato|pareggia|battuto|batte|sconfitt[aoie]|vittoria|successo|risultato|punteggio|"
    r"finit[aoie]|terminat[aoie]|chius[aoie]|imposto|impost[aoie])\b[^.;:]{0,30}$",
    re.IGNORECASE,
)
_GAME_AFTER = re.compile(
    r"\s+(?:win|victory|defeat|loss|draw|home\s+win|away\s+win|vittoria|sconfitta|successo|"
    r"pareggio)\b",
    re.IGNORECASE,
)
_SCORE_SIDES = 100  # a result of two figures is one number: the larger side first
# (_VOTING without "against": "won 3-1 against Trento" is a game.)
_VOTE_WORD = re.compile(rf"\b(?:{_VOTE_WORDS})\b", re.IGNORECASE)
_SERIES_AFTER = re.compile(
    r"\s+(?:up|down|lead|ahead|behind|in\s+the\s+(?:series|tie)|series|nella\s+serie|"
    r"nel(?:la)?\s+(?:serie|conto))\b",
    re.IGNORECASE,
)
_SERIES_BEFORE = re.compile(
    r"\b(?:series|serie|lead|leads|led|trail|trails|conduce|conducono)\s+(?:by\s+|per\s+)?$",
    re.IGNORECASE,
)


def _scores(text: str) -> list[Value]:
    out = []
    in_words = _SCORE_WORDS.finditer(text) if _any_in(text.lower(), _GAME_KEYS) else ()
    for m in (*_SCORE.finditer(text), *in_words):
        if _SERIES_AFTER.match(text, m.end()) or _SERIES_BEFORE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            continue  # "to move 2-1 up", "lead the series 3-2": games won, not a game's score
        before = _GAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if not (before or _GAME_AFTER.match(text, m.end())):
            continue
        if _VOTE_WORD.search(text, _clause_start(text, m.start()), _sentence_end(text, m.end())):
            continue  # "won 21-15 in the vote": a tally of votes, read as one (_TALLY)
        sides = [int(g) if g.isdigit() else _GOALS[g.lower()] for g in m.group(1, 2)]
        high, low = sorted(sides, reverse=True)
        result = float(high * _SCORE_SIDES + low)
        out.append(Value("score", "", result, result, m.group(), m.start(), m.end()))
    return out


# A figure that rose or fell, by the word before it: "closed down 4.5%", "rose to 6.1%", "in
# rialzo dell'1,2%", "è sceso al 6,1%". Two reports giving one figure with opposite directions
# disagree ("Unemployment fell to 6.1%" / "rose to 6.1%").
_CHANGING = frozenset({"percent", "money", "quantity"})
_UP = (
    r"rose|risen|rises|rising|increased|increases|grew|grown|grows|gained|gains|jumped|climbed|"
    r"soared|surged|rallied|higher|up(?!\s+to\b)|in\s+(?:rialzo|aumento|crescita)|"
    # "inflation accelerated to 3%", "edged up to", "ha accelerato al 3%"
    r"accelerated|quickened|picked\s+up|(?:edged|ticked|crept)\s+up|(?:ha|hanno)\s+accelerato|"
    r"accelera|(?:è|sono)\s+(?:di\s+nuovo\s+|ancora\s+)?(?:salit|cresciut|aumentat)[oaie]|"
    r"(?:ha|hanno)\s+(?:di\s+nuovo\s+|ancora\s+)?guadagnato|guadagna|"
    r"aumenta|cresce|sale"
)
_DOWN = (
    r"fell|fallen|falls|falling|dropped|drops|declined|declines|decreased|decreases|lost|loses|"
    r"slid|slipped|plunged|tumbled|sank|shrank|lower|down|"
    # "inflation slowed to 2.1%", "eased to", "è rallentata al 2,1%"
    r"slowed|eased|cooled|dipped|retreated|(?:edged|ticked|crept)\s+down|"
    r"(?:ha|hanno)\s+rallentato|rallenta|(?:è|sono)\s+rallentat[oaie]|in\s+(?:calo|ribasso|flessione|"
    r"diminuzione)|(?:è|sono)\s+(?:di\s+nuovo\s+|ancora\s+)?(?:sces|calat|diminuit)[oaie]|"
    r"(?:ha|hanno)\s+(?:di\s+nuovo\s+|ancora\s+)?perso|perde|cala|"
    r"scende"
)
# Words between the verb and the figure: "rose again to", "rose sharply by", "ancora".
_TREND_ADVERB = r"(?:(?:again|further|sharply|slightly|steadily|ancora|ulteriormente|[a-z]+ly)\s+)?"
_TREND_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s+{_TREND_ADVERB}(?:(?:by|to|of|at|a|al|all['’]|del|dell['’]|"
    r"di|dal|dall['’])\s*)?(?:(?:about|around|some|nearly|almost|just|circa|quasi|oltre|"
    r"more\s+than)\s+)?$",
    re.IGNORECASE,
)


# A maximum: "peaked at 5.2 metres", "reached a peak of", "il picco di", "ha toccato il massimo
# di". It is another measure than the level a figure rose or fell to at some other time.
_PEAK_BEFORE = re.compile(
    r"\b(?:peaked|peaking|crested|topped\s+out|(?:reached|hit)\s+(?:a\s+|its\s+)?"
    r"(?:peak|high|maximum)(?:\s+of)?|a\s+peak\s+of|picco|massimo|(?:ha\s+|hanno\s+)?"
    r"(?:raggiunto|toccato)\s+(?:il\s+)?(?:picco|massimo))"
    r"\s+(?:at|of|di|del|dei|della|delle|a|al|all['’])?\s*(?:(?:about|around|nearly|circa|quasi|"
    r"oltre)\s+)?$",
    re.IGNORECASE,
)
PEAK = "^"  # the trend mark of a maximum


def _trend(text: str, value: Value) -> Value:
    if value.former and value.text[:1] in "fFdD":
        return value  # "rose from 30 to 35": the 30 it rose from has no direction of its own
    m = _TREND_BEFORE.search(text, max(0, value.start - 40), value.start)
    if m is None:
        peak = _PEAK_BEFORE.search(text, max(0, value.start - 40), value.start)
        if peak is None:
            return value
        return replace(value, trend=PEAK + text[peak.start() : value.start])
    return replace(value, trend=("+" if m.group("up") else "-") + text[m.start() : value.start])


def two_moments(a: Value, b: Value) -> bool:
    """A peak and the level a figure fell to: two times ("peaked at 5.2 metres on Sunday" /
    "è sceso a 3 metri lunedì sera"), so neither the figures nor their days clash. (A level
    risen to in one report and fallen to in the other may be one figure told two ways.)"""
    return {a.trend[:1], b.trend[:1]} == {PEAK, "-"}


# A value given as what was planned before ("originally due to be finished before the end of
# March", "doveva chiudersi entro la fine di marzo"): the old plan, not the report's figure.
_FORMERLY = re.compile(
    r"\b(?:originally|initially|previously|at\s+first|had\s+been|was\s+(?:due|scheduled|set|"
    r"supposed|meant|expected|planned)|were\s+(?:due|scheduled|supposed|meant|expected)|"
    r"inizialmente|originariamente|in\s+origine|doveva|dovevano|era\s+previst[oa]|"
    r"erano\s+previst[ie]|sarebbe\s+dovut[oa])\b"
    # ...up to the value, within its clause: not past a comma or an "and", "but", "now"
    # that starts telling the new plan ("…end of March, will now end on 31 May").
    r"(?:(?!,|\b(?:and|but|now|while|e|ma|ora|invece|mentre)\b)[^.;:!?]){0,60}$",
    re.IGNORECASE,
)


# How far a clause or a sentence is looked for around a value: news sentences are far
# shorter, and a unit of 40,000 characters with no stop ("1-1-1-…", a pasted table) made each
# value's search run over the whole of it before, quadratic in its length.
CLAUSE_REACH = 400


def _clause_start(text: str, position: int) -> int:
    """Where the sentence or clause holding `position` starts (after . ; : ! or ?)."""
    floor = max(0, position - CLAUSE_REACH)
    return max(floor, max(text.rfind(stop, floor, position) for stop in ".;:!?") + 1)


def _sentence_end(text: str, position: int) -> int:
    ceiling = min(len(text), position + CLAUSE_REACH)
    found = _SENTENCE_END.search(text, position, ceiling)
    return found.start() if found else ceiling


_SENTENCE_END = re.compile(r"[.!?;](?!\d)")


_BARE_DAY = re.compile(r"(?:on|this|next|entro|by)\s+", re.IGNORECASE)


def _whole_sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts, past its commas (not past the dots of
    "a.m." and "U.S.", as _sentence_start)."""
    start = max(0, position - CLAUSE_REACH)
    for m in _STOP.finditer(text, start, position):
        if m.group() != ",":
            start = m.end()
    return start


def _sentence_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts, commas included, reading the dots of
    "4 p.m." or "U.S." as no stop: "will be presented at 4 p.m. on Tuesday" is one clause,
    its Tuesday the next one (an outside tester)."""
    start = max(0, position - CLAUSE_REACH)
    for m in _STOP.finditer(text, start, position):
        start = m.end()
    return start


# A stop, or a comma, but not the dots of "p.m." or "U.S." ("…will pay 14.50 euros per
# share, a premium to the closing price on Tuesday": the Tuesday is the comma's clause's).
_STOP = re.compile(r"[;:!?,]|(?<!\.[A-Za-z])(?<!\b[A-Za-z])\.(?!\d)")


# "…memories of July 2022, when part of the glacier broke away and killed eleven people",
# "the worst since 2016, quando il sisma fece 299 vittime": the figures of the "when" clause
# after a date a year or more before the report's are that earlier event's.
_WHEN_AFTER = re.compile(r"\s*,?\s*(?:when|quando|in\s+cui|allorché)\b[^.;:!?]*$", re.IGNORECASE)
_WHEN_BEFORE = re.compile(r"\b(?:when|quando)\b[^.;:!?,]*$", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.;:!?](?!\d)")
_RECALLED_DAYS = 365


_OPENING_WORDS = frozenset({"", "in", "nel", "back in", "già nel", "ancora nel"})


def _recalled(text: str, found: list[Value], dates: list[Value], reference: dt.date) -> list[Value]:
    long_ago = [d for d in dates if d.high < reference.toordinal() - _RECALLED_DAYS]
    if not long_ago:
        return found
    out = []
    for value in found:
        if (
            value.kind in ("quantity", "money", "percent")
            and any(
                d.end <= value.start
                and (
                    _WHEN_AFTER.match(text[d.end : value.start])
                    # "When Ruggeri took over in 2016, the group had revenue of 2.3 billion"
                    or (
                        _WHEN_BEFORE.search(text, max(0, d.start - 80), d.start) is not None
                        and _SENTENCE_STOP.search(text, d.end, value.start) is None
                    )
                    # "In September 1997, two earthquakes killed 11 people": a sentence that
                    # opens on a year long past tells of then.
                    or (
                        text[_sentence_start(text, d.start) : d.start].strip().lower()
                        in _OPENING_WORDS
                        and _SENTENCE_STOP.search(text, d.end, value.start) is None
                    )
                )
                for d in long_ago
            )
        ):
            value = replace(value, former=True)
        out.append(value)
    return out


def _former(text: str, value: Value) -> Value:
    clause = _clause_start(text, value.start)
    if _FORMERLY.search(text, clause, value.start):
        return replace(value, former=True)
    if _any_in(text[clause : value.start].lower(), _TARGET_KEYS) and _TARGET.search(
        text, clause, value.start
    ):
        return replace(value, former=True)
    return value


# A figure set as a goal, not reached: "The WHO recommends 95% coverage", "a target of 90%",
# "la soglia del 95%", "l'obiettivo è il 95 per cento" (against "la copertura si ferma
# all'89,5 per cento" it is another measure, as a former plan is).
_TARGET_KEYS = (
    "recommend", "target", "goal", "aim", "threshold", "raccomand", "obiettivo", "soglia",
    "traguardo", "punta",
)  # fmt: skip
_TARGET = re.compile(
    r"\b(?:recommends?|recommended|target(?:s|ed)?|targeting|goal|aim(?:s|ed)?\s+(?:for|at)|"
    r"threshold|raccomanda(?:no)?|raccomandat[aoie]|obiettivo|soglia|traguardo|punta(?:no)?\s+a)"
    r"\b[^.;:!?]{0,40}$",
    re.IGNORECASE,
)


# An amount given as a round figure ("nearly one in five", "circa il 18 per cento", "some
# 200"): it agrees with figures this close, not only within _TOLERANCE.
_ROUGHLY = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|approximately|some|an\s+estimated|close\s+to|"
    r"circa|quasi|intorno\s+a[il]?|attorno\s+a[il]?|all'incirca|pressoché)"
    r"(?:\s+(?:the|il|lo|la|i|gli|le|l'))?\s*$",
    re.IGNORECASE,
)
_ROUGH_TOLERANCE = 0.15

# "more than 70 paintings", "oltre 11 miliardi", "less than half": an amount given as a
# bound. "Up to 150 passengers" and "at most" are not: they state a maximum, which another
# report's "120 passeggeri" contradicts.
_OF_THE = r"(?:\s+(?:the|il|lo|la|i|gli|le|l'|of\s+the|of))?"
_IT_DI = r"d(?:i|el|ella|ello|ei|egli|elle|ell')"  # "di", "della", "degli"…
# Bounds by operator: strict ("more than 70", "oltre", "less than half", "nearly 100") and
# inclusive ("at least 30", "almeno", "no more than", "at most", "non più di").
_BOUNDS = (
    (
        ">=",
        re.compile(
            r"\b(?:at\s+least|no\s+(?:fewer|less)\s+than|almeno|non\s+meno\s+"
            + _IT_DI
            + r")"
            + _OF_THE
            + r"\s*$",
            re.IGNORECASE,
        ),
    ),
    (
        "<=",
        re.compile(
            r"\b(?:no\s+more\s+than|not\s+more\s+than|at\s+most|non\s+più\s+"
            + _IT_DI
            + r")"
            + _OF_THE
            + r"\s*$",
            re.IGNORECASE,
        ),
    ),
    (
        ">",
        re.compile(
            r"\b(?:more\s+than|over|above|upwards\s+of|in\s+excess\s+of|oltre|"
            r"più\s+" + _IT_DI + r"|sopra|superiore\s+a|ben\s+oltre|"
            # ...and a verb that says it: "revenue tops one billion", "ha superato gli 11
            # miliardi" (an outside tester saw "tops €1 billion" against "€1.2 billion").
            r"tops|topped|topping|exceeds?|exceeded|exceeding|surpass(?:es|ed|ing)?|"
            r"supera|superano|superare|superato|superata|superati|superate|superando|sfonda|"
            r"sfondare|sfondato)" + _OF_THE + r"\s*$",
            re.IGNORECASE,
        ),
    ),
    (
        "<",
        re.compile(
            r"\b(?:less\s+than|fewer\s+than|under|below|meno\s+"
            + _IT_DI
            + r"|sotto|inferiore\s+a)"
            + _OF_THE
            + r"\s*$",
            re.IGNORECASE,
        ),
    ),
    # ...and near one: "nearly 38,000" is 38,000 or a little less.
    (
        "~<",
        re.compile(
            r"\b(?:nearly|almost|just\s+under|quasi|poco\s+meno\s+"
            + _IT_DI
            + r")"
            + _OF_THE
            + r"\s*$",
            re.IGNORECASE,
        ),
    ),
    (
        "~>",
        re.compile(
            r"\b(?:just\s+over|just\s+above|poco\s+più\s+" + _IT_DI + r")" + _OF_THE + r"\s*$",
            re.IGNORECASE,
        ),
    ),
)
# A cap on money ("will pay up to 150,000 euros", "fino a 2 milioni") is a bound; "up to 150
# passengers" states the boat's capacity, a figure that "120 passeggeri" contradicts.
_CAP = re.compile(r"\b(?:up\s+to|fino\s+a|al\s+massimo)\s*$", re.IGNORECASE)


# A range written before the figure that carries the unit: "between 30 and 35 million euros",
# "tra 30 e 35 milioni", "from 2 to 3 billion dollars", "da 200 a 250 persone", "30-35
# milioni". The value is the range (low to high): "32 million" lies in it, "40 million" not.
# ("rose from 30 to 35 million" is a change, not a range: left to _trend.)
_RANGE_BEFORE = re.compile(
    r"(?:\b(?P<word>between|tra|fra|from|da|dai|dalle|dagli)\s+)?(?:[$€£]\s*)?"
    r"(?P<low>\d[\d.,]*|[^\W\d_]+)(?:\s*(?P<scale>[^\W\d_]+))?"
    r"(?:\s+(?P<join>and|e|to|a|al|alle|ai)\s+|\s*(?P<dash>[-–])\s*)(?:[$€£]\s*)?$",
    re.IGNORECASE,
)
_RANGE_JOINED = re.compile(
    r"(?:\s(?:and|e|to|a|al|alle|ai)\s+|[-–]\s*)(?:[$€£]\s*)?$", re.IGNORECASE
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rising|fell|fallen|falling|grew|grown|increased|decreased|climbed|"
    r"dropped|jumped|cut|raised|lowered|went|moved|salit[oaie]|sces[oaie]|cresciut[oaie]|"
    # ...and in the present or the future: "will rise from €2 to €2.20".
    r"rises?|falls?|grows?|increases?|climbs?|drops?|jumps?|go(?:es)?\s+(?:up|down)|"
    r"passat[oaie]|aumentat[oaie]|diminuit[oaie]|calat[oaie]|portat[oaie]|ridott[oaie]|"
    r"alzat[oaie]|abbassat[oaie])\b[^.;:]{0,30}$",
    re.IGNORECASE,
)
# ...and the Italian present and future, read in Italian only ("sale" is a sale in English):
# "passerà da 2 euro a 2,50 euro".
_CHANGE_BEFORE_IT = re.compile(
    r"\b(?:passa|passano|passerà|passeranno|sale|salgono|salirà|saliranno|aumenta|aumenterà|"
    r"scende|scenderà|cala|calerà|cresce|crescerà)\b[^.;:]{0,30}$",
    re.IGNORECASE,
)
_RANGE_JOINS: dict[str, tuple[str, ...]] = {
    "between": ("and",),
    "tra": ("e",),
    "fra": ("e",),
    "from": ("to",),
    **dict.fromkeys(("da", "dai", "dalle", "dagli"), ("a", "al", "alle", "ai")),
}


def _ranges(text: str, language: str, values: list[Value]) -> list[Value]:
    out = []
    for value in values:
        if value.kind not in ("quantity", "money") or value.bound or value.low != value.high:
            out.append(value)
            continue
        if not _RANGE_JOINED.search(text, max(0, value.start - 8), value.start):
            out.append(value)  # the common case, cheaply: no "and", "to", "a" or dash before
            continue
        m = _RANGE_BEFORE.search(text, max(0, value.start - 40), value.start)
        if m is not None and (
            _CHANGE_BEFORE.search(text, max(0, m.start() - 40), m.start())
            or (
                language == "it"
                and _CHANGE_BEFORE_IT.search(text, max(0, m.start() - 40), m.start())
            )
        ):
            # "rose from 30 to 35 million": a change, whose first figure is the earlier level
            # ("30 million last year" in another report agrees with it, not against 35).
            out.append(value)
            written = [
                i
                for i, v in enumerate(out)
                if m.start() <= v.start < value.start and v is not value
            ]
            for i in written:
                # "from €2 to €2.20", "da 2 euro a 2,50 euro": the first figure is a value of
                # its own, the earlier one.
                out[i] = replace(out[i], former=True)
            low = _range_low(m, value, language)
            if not written and low is not None and m.group("word"):
                first = text[m.start() : m.end()].rstrip()
                first = re.sub(r"\s+(?:and|e|to|a|al|alle|ai)$", "", first, flags=re.IGNORECASE)
                earlier = Value(
                    value.kind, value.unit, low, low, first, m.start(), m.start() + len(first)
                )
                out.append(replace(earlier, name=value.name, former=True))
            continue
        low = _range_low(m, value, language) if m else None
        if m is None or low is None:
            out.append(value)
            continue
        start = m.start()
        out.append(replace(value, low=low, start=start, text=text[start : value.end]))
    spans = [(v.start, v.end) for v in out if v.low != v.high and v.kind in ("quantity", "money")]
    # "between $30 million and $35 million", "an estimate of 1 million to 1.5 million euros":
    # the low end is no figure of its own.
    return [
        v for v in out if not any(s < v.end < e or (s <= v.start and v.end < e) for s, e in spans)
    ]


def _range_low(m: re.Match[str], value: Value, language: str) -> float | None:
    """The low end of a range whose high end is `value`, or None where m is no range."""
    word, join = (m.group("word") or "").lower(), (m.group("join") or "").lower()
    if word and join not in _RANGE_JOINS[word]:
        return None
    scale = m.group("scale")
    if not word and not m.group("dash"):
        # "30 and 35 million" alone may be two figures, not one range; "1 million to 1.5
        # million euros", a scale written at both ends, is one.
        high_scale = _SCALE_AFTER.search(value.text)
        if not (
            join == "to"
            and scale
            and high_scale
            and scale.lower() == high_scale.group(1).lower()
            and scale.lower() in _SCALES
        ):
            return None
    if m.group("dash") and (word or not m.group("low")[0].isdigit()):
        return None
    numbers = _numbers(m.group("low"), language)
    if len(numbers) != 1 or numbers[0].end != len(m.group("low")):
        return None
    high_numbers = _numbers(value.text, language)
    if not high_numbers:
        return None
    low = numbers[0].value
    # A dash joins two figures of one scale ("30-35"); words may span more ("da 2 a 10
    # giorni"), though not orders of magnitude ("from 3 to 35 million" is no range).
    widest = _COUNTS_APART if m.group("dash") else _APART
    if scale and scale.lower() in _SCALES:
        candidates = [low * _SCALES[scale.lower()]]
    elif scale:
        return None  # "from 30 people to 35 million": two figures
    else:
        # The high end's scale ("30-35 milioni"), or none where the low end is written in
        # full ("800.000-1,2 milioni di euro").
        factor = value.low / high_numbers[0].value if high_numbers[0].value else 1.0
        candidates = [low * factor, low]
    for low in candidates:
        if 0 < low < value.low and low >= value.low / widest:
            return low
    return None


# "Over" and "under" after a verb of extent are prepositions: a trial "stretched over forty-one
# hearings", rain "spread over three days", a count "split under two headings" (an outside
# tester's "over forty-one hearings" contradicted "41 udienze"). Not after "lasted" or "fell":
# "lasted over three hours" is more than three.
_SPREAD_OVER = re.compile(r"(?:over|under)\b", re.IGNORECASE)
_SPREAD_BEFORE = re.compile(
    r"\b(?:stretch|spread|span|held|hold|took\s+place|split|divid|distribut|scatter|play|"
    r"stag)\w*\s+$",
    re.IGNORECASE,
)


def _bounded(text: str, value: Value) -> Value:
    if rough := _ROUGH_COUNT.match(text, value.start):
        # "hundreds of": two hundred or more; "una sessantina": about sixty, which is no
        # more than seventy-five: rounded down more often than up ("una ventina" / "24
        # people" agree). The low end stays the figure, a feature of the fact (key).
        bound = _ROUGH_COUNTS[rough.group(1).lower()][1]
        if bound or value.low != value.high:
            return replace(value, bound=bound, rough=True)
        return replace(value, high=value.high * _ABOUT_HIGH, rough=True)
    window = max(0, value.start - 28)
    # The longest bound written: "just over" rather than "over", "no more than" than "more".
    found = [
        (m.start(), bound)
        for bound, pattern in _BOUNDS
        if (m := pattern.search(text, window, value.start))
    ]
    if found:
        start, bound = min(found)
        if _SPREAD_OVER.match(text, start) and _SPREAD_BEFORE.search(
            text, max(0, start - 24), start
        ):
            return value  # "stretched over forty-one hearings": over them, not more of them
        return replace(value, bound=bound, start=start, text=text[start : value.end])
    cap = _CAP.search(text, window, value.start) if value.kind == "money" else None
    if cap:
        return replace(value, bound="<=", start=cap.start(), text=text[cap.start() : value.end])
    return value


def _hedged_amount(text: str, value: Value) -> Value:
    if _ROUGHLY.search(text, max(0, value.start - 32), value.start):
        return replace(value, rough=True)
    return value


_SHARE = re.compile(
    r"\b(\d{1,2}|[^\W\d_]+)\s+(?:in|out\s+of|su)\s+(\d{1,3}|[^\W\d_]+)\b", re.IGNORECASE
)


# "a quarter", "two thirds", "un terzo", "la metà dei": a share, written as a round figure.
_FRACTION = re.compile(
    r"\b(?:(a|one|un|uno|two|due|three|tre)[\s-]+(quarters?|thirds?|quart[oi]|terz[oi])\b"
    r"|(?:la\s+)?(metà)\s+(?=d)|(half)\s+(?=of\b|the\b))",
    re.IGNORECASE,
)
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|prima|seconda|primo|secondo)\s+$", re.IGNORECASE)
_FRACTION_OF = {"quar": 25.0, "thir": 100 / 3, "terz": 100 / 3}  # by the word's first letters


def _fractions(text: str) -> list[Value]:
    out = []
    for m in _FRACTION.finditer(text):
        if _ORDINAL_BEFORE.search(text, max(0, m.start() - _LOOK_BACK), m.start()):
            continue  # "la seconda metà dell'anno", "the first half": a part of the year
        if m.group(3) or m.group(4):
            share = 50.0
        else:
            parts = _count_word(m.group(1)) or 1
            share = parts * _FRACTION_OF[m.group(2).lower()[:4]]
        share = round(share, 1)
        value = Value("percent", "", share, share, m.group().strip(), m.start(), m.end())
        out.append(replace(value, end=m.start() + len(value.text), rough=True))
    return out


# A part and its whole with the noun after the part: "un lavoratore su quattro", "40 scuole su
# 80", "one worker in four", "three residents out of ten". English "in" only where the whole
# ends the phrase ("two people in three cars" is no share).
_SHARE_HINT = re.compile(
    r"\b(?:su|out\s+of|in)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|due|tre|"
    r"quattro|cinque|sei|sette|otto|nove|dieci)",
    re.IGNORECASE,
)
_NOUN_SHARE = re.compile(
    r"\b(\d{1,6}|[^\W\d_]+)\s+([^\W\d_]{3,})\s+(?:(su|out\s+of)|(in))\s+(\d{1,6}|[^\W\d_]+)\b"
    r"(?(4)(?=\s*(?:[,.;:!?)]|$|(?:is|are|was|were|has|have|had|will|would|say|said|now)\b)))",
    re.IGNORECASE,
)


def _shares(text: str) -> list[Value]:
    """ "nine in ten", "one in five", "nove su dieci", "3 out of 4", "a quarter", "40 scuole
    su 80": a percentage."""
    out = _fractions(text)
    noun_shares = _NOUN_SHARE.finditer(text) if _SHARE_HINT.search(text) else ()
    for m in noun_shares:
        part, whole = _count_word(m.group(1)), _count_word(m.group(5))
        noun = m.group(2).lower()
        if part is None or whole is None or is_number_word(noun) or noun in stopwords("en"):
            continue
        if 0 < part < whole and (whole <= 10 or whole == 100 or m.group(1).isdigit()):
            share = round(100 * part / whole, 1)
            out.append(Value("percent", "", share, share, m.group(), m.start(), m.end()))
    for m in _SHARE.finditer(text):
        part, whole = _count_word(m.group(1)), _count_word(m.group(2))
        if part is None or whole is None or m.group(1).lower() in ("a", "an", "un", "uno"):
            continue
        if (2 <= whole <= 10 or whole == 100) and 0 < part < whole:
            share = round(100 * part / whole, 1)
            out.append(Value("percent", "", share, share, m.group(), m.start(), m.end()))
    return out
