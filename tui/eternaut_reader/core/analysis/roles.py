"""Who: the person or body a passage names for a role or as the agent of an act.

Reports disagree on who as often as on how many: who will be chief executive or deputy
mayor ("Marco Ferrante will lead the merged bank as CEO" / "Ferrante assumerà la
presidenza"), who led a study or signed an order ("led by the University of Valdora" /
"led by the National Institute for Alpine Research"; "firmata dal sindaco di Legnago" /
"firmata dal presidente della Provincia"). Each is read as a value of kind "who": its
`unit` is the role or the act (ceo, chair, mayor…; led, ordered), its `name` the agent's
distinctive words (capitalised words less titles and generic nouns: "valdora",
"castellani legnago roberta"). Two of one role or act with no word of the agent in common
conflict; so do two roles of one person that one person cannot hold together (CEO and chair
of one bank, named in one story).

Only these plain patterns are read, and only where the agent is named: an appointment
("will be", "will become", "was named", "sarà", "andrà a"), a role followed by its holder
("her deputy mayor will be Lorenzo Gatti"), or an act with its agent after "by" / "da"
(led, ordered or signed, convened). An agent is its name, not the place or the rest of the
sentence after it; an office ("il prefetto", "the mayor") is one word in both languages, and
a body ("the University of Padua", marked INSTITUTION) is not compared with a person, who
may act for it (values._same_agent).
"""

from __future__ import annotations

import re

from eternaut_reader.core.analysis.lexicon import stopwords, unaccent
from eternaut_reader.core.analysis.names import EXONYMS, token_key

__all__ = ["EXCLUSIVE", "INSTITUTION", "OFFICES", "ROLE_FAMILIES", "roles"]

# Roles by family, longest first within a family's pattern (English, Italian).
_ROLE_WORDS = {
    "deputy mayor": r"deputy\s+mayor|vice[\s-]?mayor|vice\s*sindac[oa]",
    "chief executive": (
        r"chief\s+executive(?:\s+officer)?|ceo|amministrat(?:ore|rice)\s+delegat[oa]|"
        r"direttore\s+generale|managing\s+director"
    ),
    "chair": r"chair(?:man|woman|person)?|presiden(?:te|tessa|za)",
    "mayor": r"(?<!deputy\s)(?<!vice\s)(?<!vice-)mayor|(?<!vice)sindac[oa]",
    "coach": r"head\s+coach|coach|allenatore",
    "captain": r"captain|capitan[oa]",
    "director": r"(?<!managing\s)director|diret(?:tore|trice)(?!\s+generale)",
}
ROLE_FAMILIES = tuple(_ROLE_WORDS)
_ROLE = "(?:" + "|".join(f"(?P<r{n}>{p})" for n, p in enumerate(_ROLE_WORDS.values())) + ")"
# Roles one person does not hold together in one story: an appointment to one of them
# against another's, for the same person, is a contradiction ("as CEO" / "la presidenza").
EXCLUSIVE = frozenset({"chief executive", "chair", "deputy mayor", "mayor"})

# A name: capitalised words, with connectors inside ("Giulia Sartori", "Banca Valli Alpine",
# "University of Valdora"); an apposition may follow ("Marco Ferrante, oggi alla testa del
# Credito Lariano, sarà…").
_CAP = r"(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]+)"  # capitalised whatever the pattern's flags
_NAME = rf"(?P<name>{_CAP}(?:\s+(?:(?:of|di|del|della|dei|de|da|van|von|the)\s+)?{_CAP}){{0,4}})"
_APPOSITION = r"(?:,[^,;.:()«»\"“”]{1,90},)?"
_DET = r"(?:(?:the|its|their|her|his|a|new|il|la|lo|l['’]|nuov[oa]|prossim[oa])\s*)*"
_APPOINTED = (
    r"(?:will\s+(?:be|become|serve\s+as|take\s+over\s+as|act\s+as)|"
    r"(?:was|has\s+been|had\s+been|is|will\s+be)\s+(?:named|appointed|elected|chosen|picked|"
    r"confirmed|nominated|designated)(?:\s+as)?|"
    r"will\s+(?:lead|run|head)\s+[^,;.:]{0,40}?\s+as|becomes|became|"
    r"sarà|diventerà|(?:è|sarà)\s+stat[oa]\s+(?:nominat|scelt|confermat|elett|designat)[oa]"
    r"(?:\s+come)?|assumerà)"
)
_PATTERNS = (
    # "Marco Ferrante will lead the merged bank as CEO", "Giulia Sartori will become chair",
    # "Marco Ferrante, oggi alla testa del Credito Lariano, sarà l'amministratore delegato",
    # "Ferrante, numero uno del Credito Lariano, assumerà la presidenza".
    re.compile(rf"{_NAME}{_APPOSITION}\s+{_APPOINTED}\s+{_DET}{_ROLE}\b", re.IGNORECASE),
    # "her deputy mayor will be Lorenzo Gatti", "il vicesindaco sarà Federica Molinari",
    # "il ruolo di vicesindaco andrebbe a Federica Molinari", "Pesaro's coach is Marco Rinaldi".
    re.compile(
        rf"\b{_ROLE}\s+(?:will\s+be|is\s+to\s+be|is|was|è|sarà|sarebbe|(?:andrà|andrebbe|spetterà|"
        rf"spetterebbe|toccherà|toccherebbe)\s+a)\s+{_NAME}",
        re.IGNORECASE,
    ),
    # "named Lorenzo Gatti as her deputy", "appointed Giulia Sartori chief executive".
    re.compile(
        rf"\b(?:named|appointed|picked|chose|nominated|nominato|nominata|scelto|scelta)\s+"
        rf"{_NAME}\s+(?:as\s+|come\s+)?{_DET}{_ROLE}\b",
        re.IGNORECASE,
    ),
)
# An act and its agent after "by" / "da": who led, ordered or signed it.
_ACTS = {
    "led": (
        r"(?:led|headed|coordinated|directed|conducted)\s+by|"
        r"(?:guidat|coordinat|dirett|condott)[oaie]\s+(?:da|dal|dalla|dall['’]|dai|dagli|dalle)"
    ),
    "ordered": (
        r"(?:ordered|signed|issued|decreed)\s+by|"
        r"(?:firmat|dispost|ordinat|emess)[oaie]\s+(?:da|dal|dalla|dall['’]|dai|dagli|dalle)"
    ),
    "convened": (
        r"(?:convened|summoned)\s+by|"
        r"(?:convocat|indett)[oaie]\s+(?:da|dal|dalla|dall['’]|dai|dagli|dalle)"
    ),
    # "The decisive basket was scored by Devon Hayes" / "segnata da Rinaldi".
    "scored": (
        r"(?:scored|netted)\s+by|(?:segnat|realizzat)[oaie]\s+(?:(?:proprio|solo|poi)\s+)?"
        r"(?:da|dal|dalla|dall['’]|dai|dagli|dalle)"
    ),
    # "first spotted by Giulia Ranieri", "scoperto da un tecnico", "flagged by analysts at ACN".
    "found": (
        r"(?:spotted|discovered|found|detected|noticed|flagged|identified)\s+by|"
        r"(?:scopert|notat|individuat|rilevat|segnalat|trovat)[oaie]\s+(?:da|dal|dalla|dall['’]|"
        r"dai|dagli|dalle)"
    ),
}
_ACT = re.compile(
    "(?:"
    + "|".join(f"(?P<{k}>{p})" for k, p in _ACTS.items())
    + r")\s*(?P<agent>[^,;.:()«»]{1,90})",
    re.IGNORECASE,
)
# Capitalised words that say what kind of body or person, not which one.
_GENERIC = frozenset(
    unaccent(w)
    for w in """university università universita institute istituto national nazionale
    research ricerca department dipartimento province provincia region regione council
    consiglio comune city città town ministry ministero agency agenzia authority autorità
    office ufficio centre center centro school scuola faculty facoltà italy italia italian
    italiano italiana the of di del della dei degli delle de da dal dalla for per and e
    chairman professor professore dr dott
    mr mrs ms signor signora sciences scienze science earth terra bank banca group gruppo
    company società spa inc ltd new nuovo nuova""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s$")
_OWNER = re.compile(r"['’]s\s+")


# An office, in either language and any case, as one word: "the prefect" and "il prefetto
# Anna Maria Tescari" are one agent, "il sindaco di Legnago" and "the province" two.
_OFFICES = {
    unaccent(word): office
    for office, words in {
        "prefect": "prefect prefetto prefetta prefettura prefecture",
        "mayor": "mayor sindaco sindaca",
        "president": "president presidente presidentessa",
        "governor": "governor governatore governatrice",
        "minister": "minister ministro ministra",
    }.items()
    for word in words.split()
}
OFFICES = frozenset(_OFFICES.values())

_ANY_WORD = re.compile(r"[^\W\d_]+")
_THE = re.compile(r"\s*the\b", re.IGNORECASE)
_DA_THE = re.compile(r"\bd(?:al|alla|allo|all['’]|ai|agli|alle)\s*$", re.IGNORECASE)
_STOP = stopwords("en") | stopwords("it") | {"all", "both", "some", "two", "three"}


def _distinctive(phrase: str, plain: bool = False) -> str:
    """The agent's own words: its capitalised words less generic ones, and the office it
    names, sorted, joined; with `plain`, a body named in lower case by its first words."""
    words = {_POSSESSIVE.sub("", unaccent(w)).strip("'’") for w in _WORD.findall(phrase)}
    words = {EXONYMS.get(w.lower(), w) for w in words}  # "Padova" is "Padua"
    offices = {
        _OFFICES[w] for w in map(unaccent, _ANY_WORD.findall(phrase.lower())) if w in _OFFICES
    }
    words = {token_key(w) for w in words - _GENERIC}
    words = {w for w in words if unaccent(w) not in _OFFICES} | offices
    if not words and plain:
        # A body named in lower case ("convened by the port authority"): its first words.
        first = [
            unaccent(w)
            for w in _ANY_WORD.findall(phrase.lower())
            if w not in _STOP and unaccent(w) not in _GENERIC
        ][:2]
        words = {token_key(w) for w in first}
    return " ".join(sorted(w for w in words if len(w) > 1))


def _family(match: re.Match[str]) -> str:
    for n, family in enumerate(ROLE_FAMILIES):
        if match.group(f"r{n}"):
            return family
    return ""


# A word every role or act has: most passages have none, and plain substring tests say so
# faster than any pattern (a 5 MB article has tens of thousands of passages).
_KEYS = (
    "mayor", "sindac", "ceo", "chief executive", "amministrat", "direttore", "direttrice",
    "managing director", "chair", "presiden", "coach", "allenatore", "captain", "capitan",
    "director", "led by", "headed by", "coordinated by", "directed by", "conducted by",
    "ordered by", "signed by", "issued by", "decreed by", "convened by", "summoned by",
    "called by", "guidat", "coordinat", "dirett", "condott", "firmat", "dispost", "ordinat",
    "emess", "convocat", "indett", "scored by", "netted by", "segnat", "realizzat",
    "spotted by", "discovered by", "found by", "detected by", "noticed by", "flagged by",
    "identified by", "scopert", "notat", "individuat", "rilevat", "segnalat", "trovat",
)  # fmt: skip


def roles(text: str) -> list[tuple[str, str, int, int]]:
    """The roles and acts in text with their agents: (role or act, the agent's distinctive
    words, start, end of the phrase that says it). Only where the agent is named."""
    lower = text.lower()
    if not any(key in lower for key in _KEYS):
        return []
    out: list[tuple[str, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            # "Banca Valli Alpine's Giulia Sartori": the holder is who comes after the
            # possessive, not the body (two people of one bank are two people).
            holder = _OWNER.split(m.group("name"))[-1]
            agent = _distinctive(holder)
            if not agent or not holder[:1].isupper():
                continue
            taken.append((m.start(), m.end()))
            out.append((_family(m), agent, m.start(), m.end()))
    for m in _ACT.finditer(text):
        act = next(k for k in _ACTS if m.group(k))
        agent_text = _agent_phrase(m.group("agent"))
        # Only a body named with the definite article ("by the port authority", "dalla
        # protezione civile") is one in lower case: not "led by a majority".
        definite = _THE.match(agent_text) or _DA_THE.search(m.group(act))
        agent = _distinctive(agent_text, plain=bool(definite))
        if not agent or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if _INSTITUTION.search(agent_text) and not any(o in agent.split() for o in OFFICES):
            # A body, which a person of it may act for ("coordinated by Professor Marchetti" /
            # "dall'Università di Padova"); an office holder ("the president of the
            # Province") acts as the office, and is compared with bodies.
            agent = INSTITUTION + agent
        end = m.start("agent") + len(agent_text.rstrip())
        out.append((act, agent, m.start(), end))
    return out


INSTITUTION = "@"  # marks the words of a body ("the University of Padua"), not a person's
_INSTITUTION = re.compile(
    r"\b(?:universit[yàa]|institute|istituto|department|dipartimento|ministry|ministero|"
    r"agency|agenzia|authority|autorit[àa]|council|consiglio|province|provincia|region|"
    r"regione|company|società|board|commission|commissione|court|tribunale|police|polizia|"
    r"prefettura|comune|government|governo|foundation|fondazione|association|associazione)\b",
    re.IGNORECASE,
)
# After the agent's name: a place it acts in ("the outgoing board in Verona") or the rest of
# the sentence ("the University of Padua found that…") is not the agent.
_AGENT_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CONNECT = frozenset(
    "of di del della dello dei degli delle dell dell' dell’ for per and e & de the".split()  # noqa: SIM905
)
_ELIDED = re.compile(r"^(?:d|l|dell|dall|nell|sull|all|coll)['’]", re.IGNORECASE)
_TITLES = frozenset(  # a title between a place and a name: "Legnago mayor Roberta Castellani"
    "professor professore professoressa dr dott dottor dottoressa doctor mr mrs ms".split()  # noqa: SIM905
)
_PLACE_BEFORE = frozenset(
    "in a nel nella nello nei negli nelle near presso on during after before since until".split()  # noqa: SIM905
)
# Days and months are capitalised in English, and no agent's name.
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()  # noqa: SIM905
)


_ROLE_THEN_NAME = re.compile(r"[a-z]+(?:\s+[a-z]+)?\s+(?-i:[A-Z])")


def _agent_phrase(phrase: str) -> str:
    """The agent's words at the start of phrase: lower-case words before a name ("glaciologists
    at the"), then the name with its connectors, up to the first word of neither; a name
    after "in" is the place the agent acts in, and ends it."""
    seen_name = False
    end = 0
    previous = ""
    named = 0  # capitalised words of the name so far
    for m in _AGENT_WORD.finditer(phrase):
        word = _ELIDED.sub("", m.group())  # "dell'Università" is "Università"
        capital = word[:1].isupper()
        titled = unaccent(word.lower()) in _OFFICES or word.lower() in _TITLES
        if seen_name and not capital and word.lower() not in _CONNECT and not titled:
            lower = word.lower()
            if (
                named == 1
                and lower not in _STOP
                and lower not in _PLACE_BEFORE
                and _ROLE_THEN_NAME.match(phrase, m.start())
            ):
                # "American forward Devon Hayes": a word that says what kind of person, the
                # role, then the name.
                seen_name, named = False, 0
                end = m.end()
                previous = lower
                continue
            break
        if capital and not seen_name and previous in _PLACE_BEFORE and end:
            break  # "the outgoing board in Verona": the board, in Verona
        if word.lower() in _CALENDAR:
            break  # "…the outgoing board on Monday"
        if capital:
            seen_name = True
            named += 1
        end = m.end()
        previous = word.lower()
        if not seen_name and len(phrase[:end].split()) > 6:
            break
    if not end:
        return phrase
    # "led by Rossi and the team in Milan": the name, not the words that join it to more.
    words = phrase[:end].split()
    while len(words) > 1 and words[-1].lower() in _CONNECT | _PLACE_BEFORE:
        words.pop()
    return phrase[: phrase.index(words[-1], len(" ".join(words[:-1]))) + len(words[-1])]
