"""The facts a passage states: its numbers, dates, names and negations.

Re-anchoring uses these to tell an edited passage from a different one. Edit distance alone
cannot: "On day 12 of the siege, 84 people were evacuated." and "On day 11 of the siege, 77
people were evacuated." are 94% similar, yet a claim about the first is false of the second.
A fuzzy match is therefore accepted only if it states the same facts as the stored quote
(`same_facts`); typo, whitespace, punctuation and quote-style edits leave the facts alone.

`facts(text)` is a multiset (Counter) of normalised keys:

- ``number:84``, ``number:1000`` (for 1,000 / 1.000 / 1000), ``number:3.5`` (3.5 / 3,5),
  ``number:12`` (also for 12th and 12°), ``number:84%`` (84% / 84 per cent / 84 per cento);
  English and Italian number words count as their value (ten / dieci -> ``number:10``,
  ventitré -> ``number:23``). Years are numbers, and so are the parts of 2025-07-18.
- ``ordinal:2`` for ordinal words (second, secondo / seconda ...).
- ``month:7`` (July, Jul, luglio) and ``weekday:5`` (Friday, venerdì).
- ``currency:$`` for currency symbols.
- ``negation:not`` (not, n't, cannot), ``negation:no``, ``negation:non``, ... kept word by
  word: "not" -> "never" changes what is said.
- ``name:Sarandos``: a capitalised word (case-sensitive). One that opens a sentence is a name
  too unless it is a common word: "The" is not, "Residents" is, because we cannot tell it from
  "Sarandos", and counting it only makes a match stricter. `same_facts` lets a name differ by
  one typo (Netflx -> Netflix) when both spellings have at least five letters, so that fixing
  a misspelt name does not orphan a claim while Hastings still differs from Sarandos.

A span may cut a token at either end. A cut number is read whole; a cut word is left out
unless the caller says otherwise (see `facts`).

The lists are small and closed on purpose: a word we miss is only a fact we do not check, and
a word we count needlessly only makes a match stricter. Pure functions, no Textual.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from rapidfuzz.distance import OSA

__all__ = ["cuts", "facts", "in_word", "same_facts"]


def _words(spaced: str) -> list[str]:
    """Word lists written as prose: easier to read and to check than list literals."""
    return spaced.split()


# A name spelt differently by one typo is the same name only if both spellings are at least
# this long; below it one letter is often the whole difference (Chen / Chan, Bush / Rush).
MIN_TYPO_NAME = 5

_EN_NUMBERS = {
    word: value
    for value, word in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}

_EN_ORDINALS = {
    word: value
    for value, word in enumerate(
        _words("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"),
        start=1,
    )
}
_IT_ORDINALS = {
    stem + ending: value
    for value, stem in enumerate(
        _words("prim second terz quart quint sest settim ottav non decim"), start=1
    )
    for ending in "oaie"
}

# Italian writes numbers as one word (ventitré, duemilacinquecento): parse them from parts.
_IT_PARTS = {
    "uno": 1,
    "un": 1,
    "due": 2,
    "tre": 3,
    "tré": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
    "dieci": 10,
    "undici": 11,
    "dodici": 12,
    "tredici": 13,
    "quattordici": 14,
    "quindici": 15,
    "sedici": 16,
    "diciassette": 17,
    "diciotto": 18,
    "diciannove": 19,
    "venti": 20,
    "vent": 20,
    "trenta": 30,
    "trent": 30,
    "quaranta": 40,
    "quarant": 40,
    "cinquanta": 50,
    "cinquant": 50,
    "sessanta": 60,
    "sessant": 60,
    "settanta": 70,
    "settant": 70,
    "ottanta": 80,
    "ottant": 80,
    "novanta": 90,
    "novant": 90,
    "cento": 100,
    "mille": 1000,
    "mila": 1000,
    "milione": 10**6,
    "milioni": 10**6,
    "miliardo": 10**9,
    "miliardi": 10**9,
}
_IT_NUMBER = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, _IT_PARTS), key=len, reverse=True)) + ")+"
)
_IT_PART = re.compile("|".join(sorted(map(re.escape, _IT_PARTS), key=len, reverse=True)))

# English month and weekday names count only when capitalised: "may" and "march" are verbs.
_EN_MONTHS = {
    name: month
    for month, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep", "Sept"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
_IT_MONTHS = {
    name: month
    for month, name in enumerate(
        _words(
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
            "dicembre"
        ),
        start=1,
    )
}
_EN_WEEKDAYS = {
    name: day
    for day, name in enumerate(
        _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"), start=1
    )
}
_IT_WEEKDAYS = {
    name: day
    for day, stem in enumerate(_words("lune marte mercole giove vener"), start=1)
    for name in (stem + "dì", stem + "di")
} | {"sabato": 6, "domenica": 7}

_NEGATIONS = {
    word: word
    for word in (
        _words(
            "not no never none nobody nothing neither nor without nowhere "
            "non mai nessuno nessuna nessun niente nulla né senza neanche nemmeno neppure"
        )
    )
} | {"cannot": "not", "nè": "né"}

# Capitalised words that open sentences without being names. Mid-sentence, "The" in "The
# Eternaut" is part of a name and counts.
_COMMON = frozenset(
    _words(
        """
    a an the this that these those it its he she they we i you his her their our my your
    there here what which who whom whose why how where when while if as at by for from in into
    of off on onto out over to up with within after before during since until unless because
    although though however meanwhile moreover also still then thus yet so but and or nor
    some many most much more all each every both any other another such few several only even
    just now today yesterday tomorrow later earlier finally instead indeed again already
    according despite once like unlike than about above below under between among
    il lo la i gli le l un una del dello della dei degli delle nel nello nella nei negli nelle
    al allo alla ai agli alle dal dallo dalla dai dagli dalle di da in con su per tra fra
    e ed o ma però anche come che chi cosa questo questa questi queste quello quella quelli
    quelle quel dopo prima durante mentre se quando dove perché poi inoltre infatti tuttavia
    oggi ieri domani ora già ancora così sia tutti tutto tutta ogni alcuni alcune molti molte
    """
    )
)

# Digits with their separators (1,000.5), an ordinal suffix (12th, 12°) and a percent sign or
# words (84 %, 84 per cent, 84 per cento). A bare "%" states nothing and is not a fact.
_TOKEN = re.compile(
    r"""
    (?P<number>\d+(?:[.,]\d+)*)
        (?:st|nd|rd|th|°|º|ª)?
        (?P<percent>\s?(?:%|％|(?i:per\s?cento?)\b))?
    | (?P<currency>[$€£¥])
    | (?P<word>[^\W\d_]+)(?P<contraction>['’]t(?![^\W\d_]))?
    """,
    re.VERBOSE,
)
# What may stand between a sentence end (or the start of the text, or a line break) and the
# first word of a sentence: spaces, quotes, brackets, dashes and bullets.
_OPENERS = " \t\r\"'“”‘’«»„([{—–-•*"
_SENTENCE_END = ".!?…:;\n"


def _number(digits: str, percent: bool) -> str:
    """One spelling per value: 1,000 = 1.000 = 1000; 3,5 = 3.5; 07 = 7."""
    digits = "".join(str(unicodedata.decimal(c, c)) if c.isdigit() else c for c in digits)
    groups = re.split(r"[.,]", digits)
    seps = re.findall(r"[.,]", digits)
    whole, fraction = digits, ""
    if len(seps) == 1:
        # One separator before three digits is a thousands separator (1,000 / 1.000),
        # otherwise a decimal point or comma (3.5 / 3,5).
        if len(groups[1]) == 3 and groups[0].strip("0"):
            whole = groups[0] + groups[1]
        else:
            whole, fraction = groups
    elif len(seps) > 1 and all(len(g) == 3 for g in groups[1:]) and len(set(seps)) == 1:
        whole = "".join(groups)  # 1,000,000 / 1.000.000
    elif (
        len(seps) > 1
        and all(len(g) == 3 for g in groups[1:-1])
        and len(set(seps[:-1])) == 1
        and seps[-1] != seps[0]
    ):
        whole, fraction = "".join(groups[:-1]), groups[-1]  # 1,234.5 / 1.234,5
    elif seps:
        return "number:" + digits + ("%" if percent else "")  # 18.07.2025, 1.2.3: as written
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return "number:" + whole + ("." + fraction if fraction else "") + ("%" if percent else "")


def _italian_number(word: str) -> int | None:
    """The value of an Italian number word such as ventitré or duemilacinquecento, else None."""
    if word in ("un", "una") or not _IT_NUMBER.fullmatch(word):
        return None
    total = current = 0
    for part in _IT_PART.findall(word):
        value = _IT_PARTS[part]
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at text[start] is the first of a sentence, a line or the text."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


@lru_cache(maxsize=1 << 15)
def _word_value(word: str) -> str | None:
    """The fact a word states whatever its case or place: a negation, number, ordinal or date.

    Cached: news text repeats its words, and this runs for every word of every fuzzy candidate.
    """
    lower = word.lower()
    if lower in _NEGATIONS:
        return "negation:" + _NEGATIONS[lower]
    if lower in _EN_NUMBERS:
        return f"number:{_EN_NUMBERS[lower]}"
    if lower in _EN_ORDINALS:
        return f"ordinal:{_EN_ORDINALS[lower]}"
    if lower in _IT_ORDINALS:
        return f"ordinal:{_IT_ORDINALS[lower]}"
    if word in _EN_MONTHS or lower in _IT_MONTHS:
        return f"month:{_EN_MONTHS.get(word) or _IT_MONTHS[lower]}"
    if word in _EN_WEEKDAYS or lower in _IT_WEEKDAYS:
        return f"weekday:{_EN_WEEKDAYS.get(word) or _IT_WEEKDAYS[lower]}"
    value = _italian_number(lower)
    return None if value is None else f"number:{value}"


def _is_name(text: str, start: int, word: str) -> bool:
    """Whether a capitalised word at text[start] is a name: not a common word opening a
    sentence."""
    return not (word.lower() in _COMMON and _opens_sentence(text, start))


def in_word(text: str, i: int) -> bool:
    """Whether text[i] belongs to the word or number around it."""
    c = text[i]
    if c.isalnum():
        return True
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    if c in ".," and before.isdigit() and after.isdigit():
        return True  # 1,000 and 3.5
    return c in "'’" and before.isalpha() and after.isalpha()  # didn't


def cuts(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether text[start:end] begins, and whether it ends, inside a word or number."""
    return (
        0 < start < len(text) and in_word(text, start - 1) and in_word(text, start),
        0 < end < len(text) and in_word(text, end - 1) and in_word(text, end),
    )


def facts(
    text: str, start: int = 0, end: int | None = None, *, drop_cut: tuple[bool, bool] = (True, True)
) -> Counter[str]:
    """The numbers, dates, names and negations text[start:end] states, as a multiset of keys.

    Pass the whole text and a span rather than a slice when there is text around the span:
    whether a capitalised word opens a sentence is judged from the text before it, and a span
    may cut a token at either end. A cut number is read whole ("2" of "12" is twelve, not two).
    A cut word is left out by default: a selection that ends in "tre" of "centre" does not
    state the number three. With drop_cut False at an end, a word cut there is read whole:
    re-anchoring does so where the quote itself did not cut a word, so that a match which
    begins with "bar" of a "Zanzibar" that replaced the quote's "The" counts the new name.
    """
    end = len(text) if end is None else end
    cut_start, cut_end = cuts(text, start, end)
    wide_start, wide_end = start, end
    while cut_start and wide_start > 0 and in_word(text, wide_start - 1):
        wide_start -= 1
    while cut_end and wide_end < len(text) and in_word(text, wide_end):
        wide_end += 1
    found: Counter[str] = Counter()
    for match in _TOKEN.finditer(text, wide_start, wide_end):
        word = match.group("word")
        if word is None:
            number = match.group("number")
            if number is not None:
                found[_number(number, match.group("percent") is not None)] += 1
            else:
                found["currency:" + match.group("currency")] += 1
        elif (match.start() < start and drop_cut[0]) or (match.end() > end and drop_cut[1]):
            continue
        elif match.group("contraction") is not None and word[-1] in "nN":
            found["negation:not"] += 1  # didn't, can't, Don't: the stem is no name
        else:
            fact = _word_value(word)
            if fact is not None:
                found[fact] += 1
            elif word[0].isupper() and _is_name(text, match.start(), word):
                found["name:" + word] += 1
    return found


def same_facts(quote: Counter[str], candidate: Counter[str]) -> bool:
    """Whether `candidate` states exactly the facts of `quote`: none added, dropped or changed.

    Names may differ by one typo (OSA distance 1, both at least MIN_TYPO_NAME letters long),
    each spelling standing in for exactly one other.
    """
    if quote == candidate:
        return True
    changed = (quote - candidate) + (candidate - quote)
    if any(not key.startswith("name:") for key in changed):
        return False  # only a name may be spelt differently
    lost = sorted((quote - candidate).elements())
    gained = sorted((candidate - quote).elements())
    if len(lost) != len(gained):
        return False
    for name in lost:
        match = next(
            (
                other
                for other in gained
                if min(len(name), len(other)) >= MIN_TYPO_NAME + len("name:")
                and OSA.distance(name, other) <= 1
            ),
            None,
        )
        if match is None:
            return False
        gained.remove(match)
    return True
