"""Results of a game or a contest: who won and who lost.

"Atalanta beat Torino 3-1" and "Atalanta lost 1-3 to Torino" give one score, sorted
(values._scores), and opposite winners; "Il Torino ha perso 1-3 contro l'Atalanta" agrees
with the first. Each side named is read as a value of kind "who" whose act is WON or LOST
and whose name is the side's own words (roles.agent_words). One side named the winner in one
report and the loser in another conflicts; two different winners do not, since a story may
tell of several games (values._same_agent).

Only a side named on each side of the verb is read: "X beat Y", "X si è imposta per tre a
uno sul Y", "X lost 1-3 to Y", "X beaten by Y", "X ha perso contro Y". A headline's "Torino
sconfitto a Bergamo" names no winner, and says nothing here.
"""

from __future__ import annotations

import re

from eternaut_reader.core.analysis.roles import agent_words

__all__ = ["LOST", "WON", "results"]

WON, LOST = "won", "lost"

_CAP = r"(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]+)"
_SIDE = r"(?:(?:the|il|lo|la|i|gli|le)\s+|l['’])?(?P<{0}>{1}(?:\s+{1}){{0,2}})"
_FIRST, _SECOND = _SIDE.format("first", _CAP), _SIDE.format("second", _CAP)
_GAP = r"(?:[^\s,;.:()«»\"“”]+\s+){0,8}?"  # "per tre a uno domenica a Bergamo"
_ADVERB = r"(?:\w+ly\s+)?"
_BEAT = (
    r"finished\s+ahead\s+of|crossed\s+the\s+line\s+ahead\s+of|"
    r"beat|beats|defeated|defeats|thrashed|thrashes|trounced|routed|crushed|outclassed|"
    r"overcame|overcomes|edged(?:\s+past|\s+out)?|"
    r"(?:ha|hanno)\s+(?:battuto|sconfitto|superato|travolto|piegato|regolato|eliminato|"
    r"espugnato)|batte|battono|sconfigge|sconfiggono|travolge|travolgono|piega|regola|elimina"
)
_WON_OVER = (
    r"(?:won|wins|win)\s+" + _GAP + r"(?:against|over)|"
    r"(?:(?:ha|hanno)\s+vinto|vince|vincono|si\s+(?:è|sono)\s+impost[oaie]|si\s+impone|"
    r"s['’]impone|(?:ha|hanno)\s+avuto\s+la\s+meglio)\s+"
    + _GAP
    + r"(?:contro|su|sul|sulla|sull['’]|sui|sugli|sulle)"
)
_LOST_TO = (
    r"finished\s+behind|crossed\s+the\s+line\s+behind|"
    r"(?:lost|loses|lose|(?:was|were)\s+" + _ADVERB + r"(?:beaten|defeated|thrashed|routed|"
    r"knocked\s+out)|beaten|defeated)\s+" + _GAP + r"(?:to|against|by)|"
    r"(?:(?:ha|hanno)\s+perso|perde|perdono|(?:è|sono)\s+stat[oaie]\s+(?:battut|sconfitt|"
    r"superat|travolt|eliminat)[oaie]|(?:battut|sconfitt|travolt)[oaie])\s+"
    + _GAP
    + r"(?:contro|con|col|da|dal|dalla|dall['’]|dai|dagli)"
)
_WINNER_FIRST = [
    re.compile(rf"{_FIRST}\s+{_ADVERB}(?:{verbs})\s*{_SECOND}", re.IGNORECASE)
    for verbs in (_BEAT, _WON_OVER)
]
_LOSER_FIRST = re.compile(rf"{_FIRST}\s+{_ADVERB}(?:{_LOST_TO})\s*{_SECOND}", re.IGNORECASE)
# A word every result has: most passages have none, and substring tests say so fastest.
_KEYS = (
    "beat", "defeat", "thrash", "trounc", "routed", "crushed", "outclass", "overc", "edged",
    "won", "win", "lost", "lose", "batt", "sconf", "super", "travol", "pieg", "regol",
    "elimin", "espugn", "vint", "vinc", "impost", "impone", "meglio", "pers", "perd", "ahead",
    "behind",
)  # fmt: skip
_NOT_A_SIDE = frozenset(
    """the a an it its they he she we this that on in at il lo la le gli i un una monday
    tuesday wednesday thursday friday saturday sunday lunedì martedì mercoledì giovedì
    venerdì sabato domenica ieri yesterday""".split()  # noqa: SIM905
)


def results(text: str) -> list[tuple[str, str, int, int]]:
    """Each side of a result named in text: (WON or LOST, the side's words, start, end of
    the phrase that says it)."""
    lower = text.lower()
    if not any(key in lower for key in _KEYS):
        return []
    out: list[tuple[str, str, int, int]] = []
    readings = [*((p, (WON, LOST)) for p in _WINNER_FIRST), (_LOSER_FIRST, (LOST, WON))]
    for pattern, (first, second) in readings:
        for m in pattern.finditer(text):
            one, other = _side(m.group("first")), _side(m.group("second"))
            if one and other and one != other:
                out += [(first, one, m.start(), m.end()), (second, other, m.start(), m.end())]
    return out


def _side(phrase: str) -> str:
    """A side's own words: its name less the words before it that name no side ("On Sunday
    Atalanta", "L'Atalanta")."""
    words = [re.sub(r"^[LlDd]['’]", "", w) for w in phrase.split()]
    while words and words[0].lower() in _NOT_A_SIDE:
        words.pop(0)
    return agent_words(" ".join(words))
