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
(led, ordered or signed, convened, scored, found, carried out, analysed; a few words may come
between: "spotted on Tuesday morning by"), an order or a ban with its agent as the subject
("The Catania prefecture has banned", "il sindaco, Gaetano Bonaccorsi, ha firmato"), or last
in an Italian cleft sentence ("A trovarli
è stato un agricoltore, Luigi Bresciani"). A description followed by a name after a comma
("the owner of the field, Luigi Bresciani") is that person. An agent is its name, not the
place or the rest of the sentence after it; an office ("il prefetto", "the mayor") is one
word in both languages, and a body ("the University of Padua", marked INSTITUTION) is not
compared with a person, who may act for it (values._same_agent).
"""

from __future__ import annotations

import re

from eternaut_reader.core.analysis.lexicon import stopwords, unaccent
from eternaut_reader.core.analysis.names import EXONYMS, token_key

__all__ = [
    "DESCRIBED",
    "EXCLUSIVE",
    "HELD",
    "INSTITUTION",
    "OFFICES",
    "ROLE_FAMILIES",
    "agent_words",
    "roles",
]

# Roles by family, longest first within a family's pattern (English, Italian).
_ROLE_WORDS = {
    "deputy mayor": r"deputy\s+mayor|vice[\s-]?mayor|vice\s*sindac[oa]",
    "chief executive": (
        r"chief\s+executive(?:\s+officer)?|ceo|amministrat(?:ore|rice)\s+delegat[oa]|"
        r"direttore\s+generale|managing\s+director"
    ),
    "chair": r"chair(?:man|woman|person)?|president|presiden(?:te|tessa|za)",
    "mayor": r"(?<!deputy\s)(?<!vice\s)(?<!vice-)mayor|(?<!vice)sindac[oa]",
    "coach": r"head\s+coach|coach|allenatore",
    "captain": r"captain|capitan[oa]",
    "director": r"(?<!managing\s)director|diret(?:tore|trice)(?!\s+generale)|head(?=\s+of\b)",
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
    # "Alberico Evani is the new coach of Sampdoria", "è il nuovo allenatore"
    r"(?:is|è)(?:\s+now)?(?=\s+(?:the|il|la)\s+(?:new|nuov[oa])\b)|"
    r"sarà|diventerà|(?:è|sarà)\s+stat[oa]\s+(?:nominat|scelt|confermat|elett|designat)[oa]"
    r"(?:\s+come)?|assumerà)"
)
_WHEN = (
    r"(?:ieri|oggi|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|yesterday|today|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
)
_PATTERNS = (
    # "Marco Ferrante will lead the merged bank as CEO", "Giulia Sartori will become chair",
    # "Marco Ferrante, oggi alla testa del Credito Lariano, sarà l'amministratore delegato",
    # "Ferrante, numero uno del Credito Lariano, assumerà la presidenza".
    # (A day may come between: "è stata nominata lunedì presidente".)
    re.compile(
        rf"{_NAME}{_APPOSITION}\s+{_APPOINTED}(?:\s+{_WHEN})?\s+{_DET}{_ROLE}\b", re.IGNORECASE
    ),
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
# A role and its holder in apposition, as news names who speaks: "il direttore del
# Dipartimento di prevenzione, Stefano Dalla Valle", "Lucia Bellotto, head of the ULSS 2
# prevention department", "Carlo Ferri, the bank's chief executive,". Read as HELD roles,
# compared only between passages that say much the same (matcher._same_measure): a story
# quotes the mayors of several towns.
HELD = "held "
_OF_ORG = r"(?:\s+(?:of|del|della|dello|dell['’]|dei|degli|delle|di)\s+[^,;.:()«»]{1,60}?)?"
_HOLDERS = (
    re.compile(
        rf"\b{_ROLE}{_OF_ORG},\s+{_NAME}(?=\s*[,;.:)]|\s*$|\s+(?:said|says|told|added|ha|has|"
        r"had|spiega|dice|afferma|will|would|is|was)\b)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"{_NAME},\s+(?:the\s+|il\s+|la\s+|l['’]\s*)?(?:[\w'’-]+['’]s\s+)?{_ROLE}{_OF_ORG}"
        r"(?=\s*[,;.:)]|\s*$)",
        re.IGNORECASE,
    ),
)
# "da" and its forms with the article, longest first ("dalla" is not "da" + "lla").
_DA = r"(?:dall['’]|dalla|dalle|dagli|dai|dal|da\b)"
# An act and its agent after "by" / "da": who led, ordered or signed it.
_ACTS = {
    "led": (
        r"(?:led|headed|coordinated|directed|conducted)\s+by|"
        rf"(?:guidat|coordinat|dirett|condott)[oaie]\s+{_DA}"
    ),
    "ordered": (
        r"(?:ordered|signed|issued|decreed)\s+by|"
        rf"(?:firmat|dispost|ordinat|emess)[oaie]\s+{_DA}"
    ),
    "convened": (
        r"(?:convened|summoned)\s+by|"
        rf"(?:convocat|indett)[oaie]\s+{_DA}"
    ),
    # "The decisive basket was scored by Devon Hayes" / "segnata da Rinaldi".
    "scored": (
        r"(?:scored|netted)\s+by|(?:segnat|realizzat)[oaie]\s+(?:(?:proprio|solo|poi)\s+)?"
        rf"{_DA}"
    ),
    # "first spotted by Giulia Ranieri", "scoperto da un tecnico", "flagged by analysts at ACN".
    "found": (
        r"(?:spotted|discovered|found|detected|noticed|flagged|identified)\s+by|"
        rf"(?:scopert|notat|individuat|rilevat|segnalat|trovat)[oaie]\s+{_DA}"
    ),
    # "The check was carried out on 31 May by the park's vet", "eseguito dalla veterinaria
    # del parco", "effettuata dai tecnici".
    "carried out": (
        r"(?:carried\s+out|performed)\s+by|"
        rf"(?:eseguit|effettuat)[oaie]\s+{_DA}"
    ),
    # "will be analysed by the Institute of Planetary Sciences", "saranno studiati dal
    # dipartimento di Scienze della Terra", "Le analisi sono affidate all'Istituto".
    "analysed": (
        r"(?:analy[sz]ed|studied|examined|tested)\s+by|"
        rf"(?:analizzat|studiat|esaminat)[oaie]\s+{_DA}|"
        r"(?:analisi|indagini|accertamenti|esami)\s+(?:sono|saranno)\s+affidat[ie]\s+"
        r"(?:all['’]|alla|alle|agli|ai|al|a\b)"
    ),
}
# Italian puts the agent last in a cleft sentence: "A trovarli è stato un agricoltore di 67
# anni, Luigi Bresciani", "A convocare l'incontro è stato il prefetto", "Ad accorgersene sono
# stati due tecnici".
_CLEFT_ACTS = (
    *((stem, "found") for stem in ("trov", "scopr", "not", "accorg", "individu", "dare", "segnal")),
    *((stem, "ordered") for stem in ("ordin", "firm", "dispor")),
    *((stem, "led") for stem in ("guid", "coordin", "dirig")),
    ("convoc", "convened"),
    ("segn", "scored"),
    *((stem, "carried out") for stem in ("esegu", "effettu")),
    *((stem, "analysed") for stem in ("analizz", "studi", "esamin")),
)
_CLEFT = re.compile(
    r"\b[Aa]d?\s+(?P<cleft>(?:trovar|scoprir|notar|accorger|individuar|segnalar|ordinar|firmar|"
    r"disporr|guidar|coordinar|dirigere|convocar|segnar|eseguir|effettuar|analizzar|studiar|"
    r"esaminar)\w*|dare\s+l['’]allarme)(?:[\s,]+[^\s,;.:]+){0,5}?,?\s+(?:è|sono)\s+stat[oaie]\s+"
    r"(?P<agent>[^,;.:()«»]{1,90})"
)
# The agent as the subject before its act: "The Catania prefecture has banned motorbikes",
# "il sindaco di Zafferana Etnea, Gaetano Bonaccorsi, ha firmato un'ordinanza". Orders and
# bans only: what a body "has issued" is as often an alert or a statement.
_ACTIVE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:also\s+|already\s+|now\s+|since\s+|\w+ly\s+)?"
    r"(?:ordered|signed|decreed|banned|prohibited)|"
    r"(?:ha|hanno|aveva|avevano)\s+(?:anche\s+|già\s+|inoltre\s+|poi\s+|intanto\s+)?"
    r"(?:firmat|ordinat|dispost|vietat|decretat)[oaie])\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;:!?()«»\"“”]")
_SUBJECT_WORDS = 8  # a subject longer than this is a clause, not an agent
_ARTICLE = re.compile(r"\b(?:the|il|la|lo|i|gli|le|l['’])(?=[\s\w])", re.IGNORECASE)
# Words between the act and its "by" ("spotted on Tuesday morning by the owner of the
# field"), none a stop or a comma.
_GAP = r"(?:\s+[^\s,;.:()«»]+){0,4}?"
_BY = r"\s+by"
_ACT = re.compile(
    "(?:"
    + "|".join(
        f"(?P<{k.replace(' ', '_')}>\\b(?:{p.replace(_BY, _GAP + _BY)}))" for k, p in _ACTS.items()
    )
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


def agent_words(phrase: str, plain: bool = False) -> str:
    """The agent's own words: its capitalised words less generic ones, and the office it
    names, sorted, joined; with `plain`, a body named in lower case by its first words."""
    words = {_POSSESSIVE.sub("", unaccent(w)).strip("'’") for w in _WORD.findall(phrase)}
    words = {EXONYMS.get(w.lower(), w) for w in words}  # "Padova" is "Padua"
    offices = {
        _OFFICES[w] for w in map(unaccent, _ANY_WORD.findall(phrase.lower())) if w in _OFFICES
    }
    words = {_cognate(token_key(w)) for w in words - _GENERIC}
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


def _cognate(key: str) -> str:
    """A name's word as English and Italian both spell it: "Planetary" and "Planetarie" are
    one word ("planetar")."""
    return key[:-1] if len(key) > 5 and key[-1] in "iy" else key


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
    "director", "head", "led ", "headed", "coordinated", "directed", "conducted",
    "ordered", "signed", "issued", "decreed", "convened", "summoned",
    "called by", "guidat", "coordinat", "dirett", "condott", "firmat", "dispost", "ordinat",
    "emess", "convocat", "indett", "scored", "netted", "segnat", "realizzat",
    "spotted", "discovered", "found", "detected", "noticed", "flagged",
    "identified", "scopert", "notat", "individuat", "rilevat", "segnalat", "trovat",
    "carried out", "performed", "eseguit", "effettuat", "analysed", "analyzed", "studied",
    "examined", "tested", "analizzat", "studiat", "esaminat", "affidat",
    "a trovar", "a scoprir", "a notar", "accorger", "individuar", "a segnalar", "a ordinar",
    "a firmar", "a disporr", "a guidar", "a coordinar", "a dirigere", "a convocar",
    "a segnar", "eseguir", "effettuar", "analizzar", "a studiar", "esaminar", "l'allarme",
    "l’allarme", "banned", "prohibited", "firmat", "vietat", "decretat",
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
            agent = agent_words(holder)
            if not agent or not holder[:1].isupper():
                continue
            taken.append((m.start(), m.end()))
            out.append((_family(m), agent, m.start(), m.end()))
    for m in (*_ACT.finditer(text), *_CLEFT.finditer(text)):
        if m.re is _CLEFT:
            said = m.group("cleft")
            act = next(a for stem, a in _CLEFT_ACTS if said.lower().startswith(stem))
        else:
            act = next(k for k in _ACTS if m.group(k.replace(" ", "_")))
            said = m.group(act.replace(" ", "_"))
        agent_text = _agent_phrase(m.group("agent"))
        # Only a body named with the definite article ("by the port authority", "dalla
        # protezione civile") is one in lower case: not "led by a majority".
        definite = _THE.match(agent_text) or _DA_THE.search(said)
        agent = agent_words(agent_text, plain=bool(definite))
        end = m.start("agent") + len(agent_text.rstrip())
        named = _APPOSED_NAME.match(text, end)
        if named:
            # "by the owner of the field, Luigi Bresciani", "dalla veterinaria del parco,
            # Marta Zanin": the person the words describe, by name ("due volontari della rete
            # FRIDA, Elena Fornasari": the network and its people).
            described = agent_words(agent_text) if _WORD.search(agent_text) else ""
            agent = " ".join(sorted({*described.split(), *agent_words(named.group(1)).split()}))
            end = named.end(1)
        if not agent or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if _INSTITUTION.search(agent_text) and not any(o in agent.split() for o in OFFICES):
            # A body, which a person of it may act for ("coordinated by Professor Marchetti" /
            # "dall'Università di Padova"); an office holder ("the president of the
            # Province") acts as the office, and is compared with bodies.
            agent = INSTITUTION + agent
        elif not named and not _WORD.search(agent_text) and not set(agent.split()) & OFFICES:
            # Words that say what kind of person, with no name ("the park's veterinarian"):
            # compared with no one but an agent told in the same words.
            agent = DESCRIBED + agent
        out.append((act, agent, m.start(), end))
    for m in _ACTIVE.finditer(text):
        found = _subject(text, m.start())
        if found and not any(s < m.end() and found[1] < e for s, e in taken):
            out.append(("ordered", found[0], found[1], m.end()))
    # Last, and beside what was read above: the mayor who signed an order is the mayor.
    for pattern in _HOLDERS:
        for m in pattern.finditer(text):
            agent = agent_words(_OWNER.split(m.group("name"))[-1])
            if agent and not set(agent.split()) <= set(OFFICES):
                out.append((HELD + _family(m), agent, m.start(), m.end()))
    return out


def _subject(text: str, verb: int) -> tuple[str, int] | None:
    """The agent named as the subject before an act at `verb`, and where it starts: the last
    words before it back to a comma or the clause's start; a name between commas is the
    person the words before it describe ("il sindaco di Zafferana Etnea, Gaetano
    Bonaccorsi,"). None where the subject is no agent ("It has ordered", "Authorities have
    banned")."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, verb)), default=0)
    parts = text[start:verb].split(",")
    if parts and not parts[-1].strip():
        parts.pop()
    if not parts:
        return None
    subject = parts[-1]
    words = subject.split()
    if not words or len(words) > _SUBJECT_WORDS or words[0].lower() in ("and", "e", "but", "ma"):
        return None
    named = len(parts) > 1 and all(w[:1].isupper() for w in words) and len(words) <= 4
    if named and len(parts[-2].split()) <= _SUBJECT_WORDS:
        # The description from its article on ("Per questo la sindaca, Paola Gandolfi,").
        described = parts[-2]
        articles = list(_ARTICLE.finditer(described))
        subject = described[articles[-1].start() :] if articles else described
        subject += "," + parts[-1]
    begin = verb - len(text[start:verb]) + text[start:verb].index(subject.strip())
    plain = _THE.match(subject) is not None or subject.strip().lower().startswith(
        ("il ", "la ", "lo ", "l'", "l’", "i ", "gli ", "le ")
    )
    if not text[start:begin].strip() and len(parts) == 1:
        # A clause's first word is capitalised whatever it is ("Authorities have banned"):
        # not a name by that alone.
        subject = subject.strip().split(maxsplit=1)[1] if len(words) > 1 else ""
    agent = agent_words(subject, plain=plain)
    if not agent or not any(w not in _STOP for w in agent.split()):
        return None
    if _INSTITUTION.search(subject) and not any(o in agent.split() for o in OFFICES):
        agent = INSTITUTION + agent
    return agent, begin


_APPOSED_NAME = re.compile(
    rf",\s+({_CAP}(?:\s+{_CAP}){{1,3}})\b(?!\s+(?:said|says|told|added|explained|noted|"
    r"wrote|ha\s+detto|ha\s+spiegato|ha\s+aggiunto|commenta|spiega|dice|aggiunge|racconta))",
    re.IGNORECASE,
)
INSTITUTION = "@"  # marks the words of a body ("the University of Padua"), not a person's
DESCRIBED = "~"  # marks a person described, not named ("the park's veterinarian")
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
