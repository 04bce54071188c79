"""Word lists per language: stop words, hedges, and a small English-Italian news glossary.

These are data, not rules: the matcher reads them, and adding a language means adding its
lists here. The glossary maps an Italian word stem to the English stem of the same meaning
for the everyday vocabulary of news reports whose spellings are not cognates ("crollo" /
"collapse", "fatturato" / "revenue"); cognates ("generativa" / "generative") need no entry,
character n-grams and stems already match them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each
        few for from further had has have having he her here hers him his how i if in into is
        it its itself just me more most my no nor not now of off on once only or other our
        out over own same she should so some such than that the their them then there these
        they this those through to too under until up very was we were what when where which
        while who whom why will with would you your yet still even though however while whose
        said says say told according reportedly noted stated""".split()  # noqa: SIM905
    ),
    "it": frozenset(
        """a ad al allo alla ai agli alle anche ancora che chi ci come con contro cui da dal
        dallo dalla dai dagli dalle dei degli delle del dello della di dove e ed è era erano
        essere fa gli ha hanno ho i il in io la le lei lo loro lui ma mi mentre ne nei negli
        nel nello nella nelle noi non o per però più poi quale quali quando quanto quella
        quelle quelli quello questa queste questi questo se sei si sia siamo sono su sua sue
        sui sugli sul sullo sulla sulle suo suoi tra fra tu tutti tutto un una uno vi voi già
        cosa essa esso stato stata stati state dunque quindi infatti ovvero oltre secondo
        dichiarato detto
        dell nell sull dall all coll quest quell un c s d l
        sarà saranno sarebbe sarebbero sia siano fosse fossero sarebbe essendo
        avrà avranno avrebbe avrebbero aveva avevano abbia abbiano
        può possono potrà potranno deve devono dovrà dovranno
        proprio propria propri proprie""".split()  # noqa: SIM905
    ),
}

# Words that make a statement hedged: attribution, expectation, possibility. Matched as whole
# words on casefolded text. The Italian conditional mood is matched by its endings below.
HEDGES: dict[str, tuple[str, ...]] = {
    "en": (
        "reportedly",
        "allegedly",
        "according to",
        "reports indicate",
        "reports suggest",
        "sources",
        "expected",
        "expects",
        "is likely",
        "are likely",
        "likely to",
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "rumoured",
        "rumored",
        "appears to",
        "seems to",
        "is said to",
        "unconfirmed",
        "not been confirmed",
        "not confirmed",
        "could not be confirmed",
        "plans to",
        "poised to",
        # Cues of the hedge-detection literature (CoNLL-2010 shared task, BioScope): belief,
        # suspicion, unnamed sources and talks not yet concluded.
        "believed to",
        "is believed",
        "are believed",
        "thought to",
        "is thought",
        "are thought",
        "suspected",
        "apparently",
        "probably",
        "presumably",
        "supposedly",
        "purportedly",
        "alleged",
        "speculation",
        "speculated",
        "unclear whether",
        "not clear whether",
        "understood to",
        "is understood",
        "tipped to",
        "in talks",
        "potentially",
        "rumour",
        "rumor",
        "rumours",
        "rumors",
        "unverified",
        "unnamed",
        "people familiar",
        "people close to",
        "anonymity",
        "is considering",
        "are considering",
        # A possibility left open, and talk no one stands behind.
        "are said to",
        "said to be",
        "cannot exclude",
        "cannot rule out",
        "can't rule out",
        "could not rule out",
        "not ruled out",
        "not be ruled out",
        "there has been talk",
        "there was talk",
        "there is talk",
    ),
    "it": (
        "secondo",
        "stando a",
        "pare",
        "sembra",
        "sembrerebbe",
        "probabilmente",
        "forse",
        "previsto",
        "prevista",
        "previsti",
        "previste",
        "attesi",
        "atteso",
        "attesa",
        "indiscrezioni",
        "fonti",
        "ufficiosamente",
        "presunto",
        "presunta",
        "presunti",
        "presunte",
        "presumibilmente",
        "si ipotizza",
        "ipotesi",
        "rumors",
        "in trattativa",
        "si dice",
        "a quanto pare",
        "apparentemente",
        "potenzialmente",
        "non escludono",
        "non esclude",
        "non escludere",
        "non si esclude",
        "non si può escludere",
        "non possiamo escludere",
        "non possono escludere",
        "non è escluso",
        "non è esclusa",
        "si parla di",
        "non confermata",
        "non confermato",
        "non confermate",
        "non confermati",
        # "la notizia non è confermata", "non è stata confermata" (an outside tester)
        "non è confermata",
        "non è confermato",
        "non sono confermate",
        "non sono confermati",
        "non è stata confermata",
        "non è stato confermato",
        "non ha trovato conferma",
        "non trova conferma",
        "in attesa di conferma",
        "ufficiosa",
        "ufficiose",
        "anonimato",
        "vicine al dossier",
        "vicino al dossier",
        "vicini al dossier",
    ),
}

# Italian conditional mood (avrebbe, potrebbero, sarebbe stato…): a hedge in news reports.
IT_CONDITIONAL = re.compile(r"\b\w+(?:rebbe|rebbero)\b")
# ...except in a counterfactual comparison or a reported counterfactual ("rispetto a quanto
# sarebbe stato possibile", "ha sottolineato come il costo non sarebbe stato sostenibile").
IT_COUNTERFACTUAL = re.compile(
    r"\b(?:quanto|come|senza|se)\b(?:\W+\w+){0,3}?\W+\w+(?:rebbe|rebbero)\b"
)
# "secondo" is a hedge as a preposition ("secondo fonti", "secondo Sarandos"), not as the
# ordinal ("secondo trimestre").
IT_SECONDO_ORDINAL = re.compile(
    r"\bsecond[oa]\s+(?:trimestre|semestre|metà|meta|anno|mese|giorno|tempo|posto|volta|"
    r"stagione|episodio|round|livello|piano)\b"
)

# Italian stem -> English stem for common news words that are not cognates. Both sides are
# written the way `stem()` in similarity.py reduces a word, so the lookup is by stem.
_GLOSSARY_WORDS = """
volta time; spettatori crowd;
edificio building; palazzo building; crollo collapse; crolla collapse; velocemente fast;
veloce fast; rapidamente fast; rapido fast; più more; meno less; fatturato revenue;
ricavi revenue; entrate revenue; utile profit; utili profit; perdite loss; perdita loss;
dollari dollar; dollaro dollar; miliardi billion; miliardo billion; milioni million;
milione million; ore hours; ora hour; anno year; anni years; mese month; mesi months;
settimana week; giorno day; giorni days; trimestre quarter; semestre half; metà half;
crescita growth; aumento increase; calo decline; ricerca search; funzione feature;
funzioni features; consigli recommendations; abbonati subscribers; pubblicità advertising;
pubblicitari advertising; pubblicitaria advertising; annunci ads; scioperi strikes;
sciopero strike; sceneggiatori writers; scrittori writers; attori actors; lavoratori workers;
lavoro work; posti jobs; costo cost; costi costs; economici cheap; economico cheap;
risparmio savings; bilancio budget; spesa spending; sostenibile feasible; fattibile feasible;
migliori better; migliore better; nuovi new; nuova new; nuovo new; nuove new; primo first;
prima first; prime first; ultimo last; ultima last; mondo world; paese country;
città city; governo government; legge law; ministro minister; sindaco mayor; polizia police;
vittime victims; morti dead; feriti injured; ricoverati injured; ricoverato injured;
ricoverata injured; ospedale hospital; scuola school; treno train;
stazione station; ponte bridge; strada road; aeroporto airport; volo flight; voli flights;
nave ship; traghetto ferry; porto port; biglietti tickets; biglietto ticket; prezzo price;
prezzi prices; visitatori visitors; turisti tourists; apertura opening; riapertura reopening;
chiusura closure; inaugurazione opening; lavori works; ritardo delay; ritardi delays;
rinvio postponement; annuncio announcement; annunciato announced; confermato confirmed;
smentito denied; dichiarato stated; azienda company; società company; gruppo group;
piattaforma platform; utenti users; pubblico audience; spettatori viewers; classifiche charts;
scena scene; serie series; stagione season; puntata episode; uscita release; debutto debut;
sequenza sequence; effetti effects; visivi visual; strumenti tools; modello model;
intelligenza intelligence; artificiale artificial; creatori creators; umana human;
umano human; umani human; investitori investors; risultati results; finanziari financial;
dati data; mercato market; vendite sales; crescere grow; sostituire replace;
sostitutivo replacing; passeggeri passengers; corse trips; chilometri kilometres;
metri metres; euro euro; sterline pounds; tonnellate tonnes; pannelli panels;
energia energy; solare solar; elettrico electric; elettrica electric; batterie batteries;
lago lake; mare sea; fiume river; ricostruzione rebuilding; restauro restoration;
cantiere construction; progetto project; fondi funds; finanziamento funding; durata duration;
notte night; sera evening; mattina morning; pomeriggio afternoon; oggi today; ieri yesterday;
domani tomorrow; settimane weeks; recente recent; recentemente recently; passato past;
futuro future; prossimo next; scorso last; abitanti people; residenti people;
cittadini citizens; persone people; bambini children; famiglie families;
agricoltori farmers; allevatori farmers; contadini farmers; dipendenti employees;
operai workers; volontari volunteers; pompieri firefighters; soccorritori rescuers;
soccorsi rescue; medici doctors; infermieri nurses; studenti students; esperti experts;
funzionari officials; autorità authorities; presidente president; capo head;
direttore director; direttrice director; portavoce spokesperson; giudice judge;
avvocato lawyer; sindacati unions; sindacato union; incendio fire; incendi fire;
fiamme fire; fuoco fire; rogo fire; alluvione flood; inondazione flood; terremoto earthquake;
scossa tremor; frana landslide; tempesta storm; grandine hail; pioggia rain; neve snow;
vento wind; siccità drought; caldo heat; danni damage; danno damage; ferito injured;
morto dead; vittima victim; dispersi missing; evacuati evacuated; sfollati evacuated;
evacuazione evacuation; salvataggio rescue; emergenza emergency; allarme alarm;
causa cause; indagine investigation; indagini investigation; inchiesta investigation;
arresto arrest; arrestato arrested; accusa charge; sentenza ruling; letta read; letto read;
lette read; letti read;
villaggio village; campagne countryside; campo field; campi fields;
fonti sources; fonte source; nord north; sud south; est east; ovest west; tempo time;
acquisto purchase; acquisizione acquisition; vendita sale; sicurezza safety;
tecnici technicians; tecnico technician; tedesco german; tedesca german; inglese english;
francese french; americano american; americana american; aperta open; aperto open;
consegne deliveries; consegna delivery; fornitori suppliers; fornitore supplier;
segnalazioni reports; richiesta request; chiesto asked; amministratore executive;
delegato executive; ordinanza order; mostra exhibition; titolo shares; titoli shares;
azioni shares; borsa stock; pista runway; rimborso refund; multa fine; sanzione fine;
lotti batches; lotto batch; consiglio council; consiglieri councillors; comune council;
comunale municipal; tribunale court; giudici judges; processo trial; condanna sentence;
pagare pay; pagato paid; pirati hackers; vigili firefighters; costretti forced;
costretto forced; proprietario owner; proprietaria owner; tavolo talks; convocato called;
convocata called; fondata founded; fondato founded; ritiro recall; confezioni packs;
confezione pack; lievi minor; lieve minor; potabile drinking; presidio picket;
presidi pickets; comunicato statement; uomini men; indiscrezioni rumours;
bosco woods; boschi woods; foresta forest; terreni land; terreno land; ettari hectares;
ettaro hectare; isola island; regione region; regionale regional; provincia province;
quartiere district; piazza square; zona area; confine border;
montagna mountain; collina hill; colline hills; valle valley; lasciare leave;
partire start; partite started; iniziare start; iniziato started; cominciare start;
finire end; terminare end; aprire open; chiudere close; chiuso closed; costruire build;
costruito built; costruita built; distruggere destroy; distrutto destroyed;
bruciare burn; bruciato burned; spegnere extinguish; spento extinguished;
domato contained; circoscritto contained; controllo control; usare use; usato used;
utilizzare use; utilizzato used; impiegare use; impiegato used; adottare adopt;
creare create; creato created; produrre produce; sviluppare develop; aiutare help;
aiuto help; migliorare improve; ridurre reduce; aumentare increase; tagliare cut;
perdere lose; perso lost; vincere win; promettere promise; promesso promised;
chiedere ask; spiegare explain; affermare state; sostenere support; presentare present;
lanciare launch; lanciato launched; arrivare arrive; arrivo arrival; trasportare carry;
portare bring; stimati estimated; stimato estimated; stima estimate; aziende companies;
imprese businesses; impresa business; agricole farm; agricola farm; agricoltura farming;
industria industry; settore sector; occupazione employment; tasse taxes; imposte taxes;
investimento investment; investimenti investment; accordo deal; contratto contract;
trattativa negotiation; trattative negotiation; protesta protest; elezioni election;
voto vote; rete network; dispositivi devices; tecnologia technology;
strumento tool; sviluppatori developers; contenuti content; contenuto content;
schermo screen; regista director; sceneggiatura script; attore actor; episodi episodes;
spettacolo show; abbonamento subscription; velocizzare fast; rapidità fast;
sostituire replace; sostituto replace; accelerare fast; artisti creators;
potenziare improve; rafforzare improve; riaprire reopen; riaprirà reopen; riaperto reopened;
restare remain; resterà remain; rimanere remain; rimarrà remain; furto theft; furti theft;
rapina robbery; rubare steal; rubato stolen; rubata stolen; rubati stolen; rubate stolen;
sottratto stolen; sottratta stolen; sottratti stolen; sottratte stolen; ladri thieves;
ladro thief; dipinto painting; dipinti paintings; quadro painting; quadri paintings;
tele paintings; opere works; opera work; refurtiva loot; furgone van; tetto roof;
finestra window; telecamere cameras; telecamera camera; filmati footage; filmato footage;
immagini images; sorveglianza surveillance; ricompensa reward; assicurato insured;
assicurate insured; valore value; complice accomplice; banda gang; sconvolti devastated;
sconvolto devastated; ritrovamento recovery; recuperare recover; sospettato suspect;
sospettati suspects; ricercati wanted; unità units; interessate affected;
interessati affected; carrozza carriage; carrozze carriages; vagone carriage;
vagoni carriages; vicesindaco deputy; vicesindaca deputy; rifugio hut; rifugi huts;
deragliamento derailment; vittoria win; vittorie wins; sconfitta defeat; sconfitte defeats;
pareggio draw; partita match; tifosi fans; semifinale semifinal;
torneo tournament; doppietta brace;
deragliato derailed; deragliata derailed; deragliare derail; grave serious; gravi serious;
gravemente seriously
"""

# English words of one meaning that news reports use in turn, by stem -> a shared stem.
_SYNONYM_WORDS = """
spectators crowd; attendance crowd;
ads advertising; ad advertising; adverts advertising; commercials advertising;
faster fast; quicker fast; quick fast; quickly fast; rapid fast; rapidly fast; speed fast;
speedup fast; accelerate fast; cheaper cheap; inexpensive cheap; harness use; utilize use;
utilise use; employ use; employed use; deploy use; leverage use; movie film; show series;
programme series; program series; boat ship; vessel ship; introduce launch; unveil launch;
debut launch; roll launch; revenue revenue; sales revenue; turnover revenue; earnings results;
begin start; commence start; enter start; opens start; cost price; costs price; fare price;
fares price; seats passengers; riders passengers; say said; says said; told said;
announced said; stated said; noted said; explained said; replace replace; replacing replace;
supplant replace; enhance improve; augment improve; empower improve; boost improve;
substitute replace; wildfire fire; blaze fire; flames fire; overnight night; nighttime night;
residents people; inhabitants people; locals people; hurt injured; wounded injured;
hospitalised injured; hospitalized injured; hospital injured; households families;
homes families;
displaced evacuated; evacuees evacuated; homeless evacuated;
injuries injured; injuring injured; wounding injured; hurting injured; killed dead;
killing dead; died dead; deaths dead; aeroplanes aircraft;
contained control; extinguished control; losses damage; farmland land; woodland forest;
forests forest; woods forest; started start; began start; broke start; erupted start;
firms companies; businesses companies; employees workers; staff workers; jobs workers;
probe investigation; inquiry investigation; authorities officials; chief head;
leader head; helps help; assist help; replacement replace; substitution replace;
amplify improve; artists creators; creatives creators; filmmakers creators;
shut closed; close closed; stay remain; stays remain; artworks paintings;
artwork painting; pictures paintings; canvases paintings; heist theft; robbery theft;
burglary theft; stole stolen; thieves thief; robbers thief; burglars thief; raiders thief;
intruders thief; recordings footage; video footage; verdict ruling; verdicts ruling;
judgment ruling; judgement ruling
"""

# Phrases of one meaning whose words, taken one by one, share nothing: each is read as one
# word ("takes effect", "comes into force", "entra in vigore", "scatta" all as "effect"), so
# that "The charge takes effect on September 1" and "It comes into force on 1 September"
# share more than their date.
_PHRASES: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "en": (
        (
            re.compile(
                r"\b(?:(?:takes?|took|taken|taking)\s+effect|(?:comes?|came|coming|enters?|"
                r"entered|entering)\s+into\s+(?:force|effect)|(?:goes|go|went|gone|going)\s+"
                r"live|(?:becomes?|became|becoming)\s+effective|(?:kicks?|kicked|kicking)\s+in)\b",
                re.IGNORECASE,
            ),
            "effect",
        ),
        (
            re.compile(
                r"\b(?:comes?|came|coming|went|go|goes|going|gone)\s+off\s+the\s+"
                r"(?:rails|tracks)\b",
                re.IGNORECASE,
            ),
            "derailed",
        ),
        (
            # Taking up a post: "will take office in September" / "entrerà in carica a
            # settembre" (an outside tester saw the two unmatched).
            re.compile(
                r"\b(?:(?:takes?|took|taken|taking|assumes?|assumed|assuming)\s+office|"
                r"(?:be|is|was|were|been|being|will\s+be)\s+sworn\s+in)\b",
                re.IGNORECASE,
            ),
            "installed",
        ),
        (
            # "intellectual property" is copyright, not intelligence ("intelligenza
            # artificiale" shared its stem with "intellectual": an outside tester saw a
            # passage on artists' rights agree with one on Netflix's use of AI).
            re.compile(r"\bintellectual\s+property\b", re.IGNORECASE),
            "copyright",
        ),
    ),
    "it": (
        (
            re.compile(
                r"\b(?:(?:entra|entrano|entrerà|entreranno|entrato|entrata|entrati|entrate|"
                r"entrare)\s+)?in\s+vigore\b|\bscatt(?:a|ano|erà|eranno|at[aoie])\b",
                re.IGNORECASE,
            ),
            "effect",
        ),
        (
            re.compile(
                r"\b(?:uscit[aoie]|uscire|esce|escono|uscendo)\s+dai\s+binari\b", re.IGNORECASE
            ),
            "deragliato",
        ),
        (
            re.compile(
                r"\b(?:entra|entrano|entrerà|entreranno|entrato|entrata|entrare|entrando)\s+in\s+"
                r"carica\b|\b(?:si\s+)?insedi(?:a|ano|erà|eranno|arsi|ato|ata|amento)\b|"
                r"\bsi\s+è\s+insediat[oa]\b",
                re.IGNORECASE,
            ),
            "installed",
        ),
        (
            # "tratto in salvo 37 persone" / "pulled more than 60 people to safety". (Reading
            # "vigili del fuoco" as firefighters, not "fire", was tried: a pair lost.)
            re.compile(r"\bin\s+salvo\b", re.IGNORECASE),
            "safety",
        ),
        (
            re.compile(
                r"\bpropriet[àa]\s+intellettual[ei]\b|\bdiritt[oi]\s+d['’]autore\b", re.IGNORECASE
            ),
            "copyright",
        ),
    ),
}


# A word each phrase of a language has: most texts have none, and plain substring tests
# say so faster than the patterns (content_stems runs tens of thousands of times).
_PHRASE_WORDS = {
    "en": ("effect", "force", "live", "kick", "rails", "tracks", "office", "sworn", "intellect"),
    "it": ("vigore", "scatt", "binari", "carica", "insedi", "salvo", "intellett", "autore"),
}


def phrased(text: str, language: str) -> str:
    """text with the phrases of _PHRASES each written as its one word (for word features
    only: offsets into the result mean nothing)."""
    words = _PHRASE_WORDS.get(language, ())
    lower = text.lower()
    if not any(word in lower for word in words):
        return text
    for pattern, word in _PHRASES[language]:
        text = pattern.sub(word, text)
    return text


WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def unaccent(text: str) -> str:
    """Casefolded text without accents: 'Città' -> 'citta', 'López' -> 'lopez'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem shared by English and Italian cognates: unaccented, plural s and final
    vowels dropped, cut to six letters ('generativa', 'generative' -> 'generat';
    'costi', 'costs' -> 'cost'; 'scena', 'scene' -> 'scen').

    (Snowball's English and Italian stemmers were tried in its place: their Italian stems
    are often too short or too unlike the English ones for cognates to meet, and the
    alignment was no better on any evaluation set.)"""
    w = unaccent(word)
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    while len(w) > 3 and w[-1] in "aeiouy":
        w = w[:-1]
    return w[:6]


# Nouns of an act read as its verb, next to a value: "the closure, from 6 p.m." / "shut at 8
# p.m.", "the seizure of 118,000 bottles" / "seized".
_NOUN_OF_VERB = {
    "closure": "close", "closures": "close", "seizure": "seize", "seizures": "seize",
    "departure": "depart", "arrival": "arrive", "failure": "fail", "approval": "approve",
    "refusal": "refuse", "removal": "remove", "survival": "survive",
}  # fmt: skip


@lru_cache(maxsize=65536)
def base_stem(word: str) -> str:
    """`stem` of an English verb's base form: "renewed", "renewing" -> "renew", as "renew".

    Only the words next to a value are read this way (matcher's value contexts), where a
    dictionary's base form must meet the text's inflected one ("rinnovato" is "renew" in
    the lexicon, "renewed" in the report). Read into whole passages, the same stems joined
    more unrelated English sentences than they found restatements."""
    verb = _NOUN_OF_VERB.get(word)
    if verb is not None:
        return stem(verb)  # "closure" (from "chiusura") meets "closed" and "shut"
    if len(word) > 6 and word.endswith("ing"):
        w = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith(("eed", "hundred")):
        w = word[:-2]
    else:
        return stem(word)
    if w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # "planned", "stopped"
    # The root as a base form with its final e, which `stem` drops with any vowel: "clos" is
    # read as "close", not as the plural of "clo".
    return stem(w + "e")


def _glossary(
    words: str, key: Callable[[str], str] = stem, target: Callable[[str], str] = stem
) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for entry in words.replace("\n", " ").split(";"):
        parts = entry.split()
        if len(parts) == 2:
            pairs.setdefault(key(parts[0]), target(parts[1]))
    return pairs


# Italian words whose crude stem is another word's ("sindacati", unions, and "sindaco",
# mayor, are both "sindac"; "annunciato", announced, and "annuncio", an advert, "annunc"):
# looked up by the whole word before stemming. The English side is stemmed as usual.
IT_WORDS: dict[str, str] = {
    word: english
    for entry in """
sindacato union; sindacati union; sindacale union; sindacali union; sindacalista union;
sindacalisti union; annunciato announced; annunciata announced; annunciati announced;
annunciate announced; annuncia announced; annunciano announced; annunciando announced;
due two; tre three; quattro four; cinque five; sei six; sette seven; otto eight; nove nine;
dieci ten; venti twenty; trenta thirty; quaranta forty; cinquanta fifty; cento hundred;
mille thousand; mila thousand; case homes; casa home; abitazioni homes; abitazione home;
alloggi homes
""".replace("\n", " ").split(";")
    if len(pair := entry.split()) == 2
    for word, english in [pair]
}

# Italian stem -> English stem. Entries whose stems already agree are harmless.
GLOSSARY: dict[str, str] = _glossary(_GLOSSARY_WORDS)
# English stem -> the stem of a common synonym.
SYNONYMS: dict[str, str] = _glossary(_SYNONYM_WORDS)


@lru_cache(maxsize=1)
def news_words() -> dict[str, str]:
    """Everyday Italian news words by their whole form, from data/it_en_news.txt (952 pairs:
    "autisti drivers", "atterrato landed"): what bilingual.TranslationMap offers first for an
    Italian word, taken only where the corpus's English reports use the word it gives (so
    "campioni" is "champions" in a football story and left alone in a water-testing one).
    By the whole word, not the stem: "farmaci" (drugs) and "farmacie" (pharmacies) share a
    stem. A word whose stem the glossary above gives is left to it."""
    raw = resources.files(__package__).joinpath("data", "it_en_news.txt").read_text("utf-8")
    pairs = (line.split() for line in raw.splitlines() if line and not line.startswith("#"))
    return {p[0]: p[1] for p in pairs if len(p) == 2 and stem(p[0]) not in GLOSSARY}


# The same, to the English words' base stems (base_stem), for the words next to a value.
GLOSSARY_BASE: dict[str, str] = _glossary(_GLOSSARY_WORDS, target=base_stem)
SYNONYMS_BASE: dict[str, str] = _glossary(_SYNONYM_WORDS, base_stem, base_stem)


def stopwords(language: str) -> frozenset[str]:
    return STOPWORDS.get(language, STOPWORDS["en"])


def is_hedged(text: str, language: str) -> str | None:
    """The hedge word that makes `text` a reported or uncertain statement, or None."""
    folded = text.casefold().replace("’", "'")
    # "avrebbe dovuto aprire nel 2028", "avrebbe potuto causare una strage": what was due, or
    # possible, and did not happen, told as fact; not a reported claim.
    folded = _DUE_OR_ABLE.sub(lambda m: " " * len(m.group()), folded)
    lang = language if language in HEDGES else "en"
    found: set[str] = set(_cues(lang).findall(folded))
    if "secondo" in found and not _secondo_is_preposition(folded):
        found.discard("secondo")
    if "may" in found and not _MAY_VERB.search(text):
        found.discard("may")  # the month ("3 May 2024"), not the verb
    if found & _AWAITED and not _EXPECTED.search(folded):
        # "32 navi in attesa al largo", "dopo ore di attesa": waiting, not expected; "la
        # notizia più attesa": the most awaited, told as fact.
        found -= _AWAITED
    if found & _COMPARED and not _expectation_left(folded):
        # "più danneggiati del previsto", "higher than expected": a comparison with what was
        # expected, told as fact.
        found -= _COMPARED
    if found & _PLANNED and _NONE_PLANNED.search(folded):
        # "non è previsto alcun esubero", "Nessun licenziamento è previsto": no plan, told as
        # fact (as "no job cuts were planned" is in English).
        found -= _PLANNED
    if "could" in found and not _COULD_HEDGE.search(folded):
        # "Firefighters could not reach the village for six hours": what was not possible,
        # told as fact (an outside tester saw it hedged, its Italian twin not).
        found.discard("could")
    for cue in found & _ATTRIBUTIONS:
        if not any(_unnamed(text, m.end()) for m in cue_pattern(cue).finditer(text)):
            found.discard(cue)  # "according to INGV", "secondo l'Ingv": a named source
    if found:
        return str(min(found, key=HEDGES[lang].index))  # the first in HEDGES order
    if lang == "it":
        for match in IT_CONDITIONAL.finditer(folded):
            if not any(
                c.start() <= match.start() and c.end() >= match.end()
                for c in IT_COUNTERFACTUAL.finditer(folded)
            ):
                return match.group(0)
    return None


_DUE_OR_ABLE = re.compile(r"\b(?:avrebbe|avrebbero|sarebbe|sarebbero)\s+(?:dovut|potut)[oaie]\b")
_PLANNED = frozenset({"previsto", "prevista", "previsti", "previste"})
_COMPARED = _PLANNED | {"expected", "atteso"}
_THAN_EXPECTED = re.compile(
    r"\b(?:than\s+(?:expected|planned|forecast)|(?:del|di\s+quanto|rispetto\s+al)\s+"
    r"(?:previsto|atteso|preventivato))\b"
)


_EXPECTATION = re.compile(r"\b(?:expected|previst[oaie]|attes[oaie])\b")


def _expectation_left(folded: str) -> bool:
    """Is a word of expectation left once the comparisons ("than expected", "del previsto")
    are taken out?"""
    return _EXPECTATION.search(_THAN_EXPECTED.sub(" ", folded)) is not None


_NONE_PLANNED = re.compile(
    r"\b(?:non\s+(?:è|sono|era|erano|sarà|saranno)\s+(?:stat[oaie]\s+)?previst[oaie]|"
    r"(?:nessun[oa]?|nessun'|alcun[oa]?)\b[^.;:,]{0,40}\b(?:è|sono|sarà|saranno)\s+previst[oaie])\b"
)


# "attesa" hedges as "expected" ("è attesa per domani", "la decisione attesa"), not as the
# noun of "in attesa", "sala d'attesa", "lista d'attesa", "ore di attesa" (waiting), nor
# after "più" or "tanto" (awaited: "la notizia più attesa è arrivata").
_AWAITED = frozenset({"atteso", "attesa", "attesi"})
_EXPECTED = re.compile(
    r"(?<!\bin )(?<!d')(?<!\bdi )(?<!\bl')(?<!\bpiù )(?<!\bmolto )(?<!\btanto )(?<!\btanta )"
    r"(?<!\blungamente )\batte(?:sa|so|si)\b(?!\s+(?:di|del|della|dei|delle|degli)\b)"
)


@lru_cache(maxsize=8)
def _cues(language: str) -> re.Pattern[str]:
    """Every hedge of a language as one pattern: one scan of a passage instead of one search
    a cue (a long article has tens of thousands of passages)."""
    # A lookahead matches at every position, so overlapping cues are all found ("is
    # thought to" holds both "is thought" and "thought to").
    cues = "|".join(re.escape(cue) for cue in HEDGES[language])
    return re.compile(rf"(?=\b({cues})\b)")


# "could" hedges unless it says what was not possible: "could not reach", "couldn't".
_COULD_HEDGE = re.compile(
    r"\bcould\b(?!\s+not\b|n't)(?!\s+(?:only|never|hardly|barely)\b)|"
    r"\bcould\s+not\s+(?:be\s+(?:confirmed|verified|ruled\s+out)|rule\s+out)"
)
_MAY_VERB = re.compile(r"(?<!\d )\bmay\b(?!\s+\d)")
# Attribution is a hedge when its source has no name ("according to sources", "secondo gli
# esperti", "secondo quanto riferito"), not when it is named ("according to Italy's National
# Institute of Geophysics", "secondo l'Istituto nazionale di geofisica", "secondo Netflix").
_ATTRIBUTIONS = frozenset({"according to", "secondo", "stando a"})
_SOURCE_ARTICLE = re.compile(
    r"\s+(?:the\s+|il\s+|lo\s+|la\s+|i\s+|gli\s+|le\s+|l['’]\s*)?(\w)", re.IGNORECASE
)
# Named, yet no one to stand behind the claim: "according to Bloomberg sources" still is.
_UNNAMED_AFTER = re.compile(r"[^,.;:]{0,40}\b(?:sources?|fonti|people|persone)\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def cue_pattern(cue: str) -> re.Pattern[str]:
    """Where a hedge cue is said in a text, as a word (any case)."""
    return re.compile(rf"\b{re.escape(cue)}\b", re.IGNORECASE)


# A public body named by its office, lower-case as Italian writes it ("secondo il ministero
# della Salute", "according to the police"). Not "the company" or "l'azienda": a party's
# own figure stays a claim of that party.
_INSTITUTION = re.compile(
    # (a word or two before the office: "the health ministry", "the regional health agency")
    r"(?:(?!sources?\b|fonti\b)[^\W\d_]+\s+){0,2}?(?:ministero|ministry|ministro|minister|comune|regione|governo|government|polizia|police|"
    r"procura|prosecutors?|prefettura|questura|carabinieri|vigili|firefighters|protezione\s+civile|"
    r"istituto|institute|agenzia|agency|ospedale|hospital|council|consiglio|"
    r"sindaco|mayor|tribunale|court|autorità|authority|ufficio|office|department|dipartimento)\b",
    re.IGNORECASE,
)
# A body's document before the body: "figures from the regional environmental agency
# ARPA", "l'ultimo rapporto dell'autorità regionale", "i dati diffusi dal ministero".
_DOCUMENT_OF = re.compile(
    r"(?:(?:latest|last|new|first|official|provisional|ultim[oaie]|prim[oaie]|nuov[oaie]|"
    r"ufficial[ei])\s+)?(?:report|figures|data|statistics|estimates?|survey|census|rapporto|"
    r"dati|stim[ae]|cifre|bilancio|censimento|relazione|indagine)\s+"
    r"(?:(?:released|published|issued|diffus[io]|pubblicat[io]|resi\s+noti)\s+)?"
    r"(?:(?:of|from|by|della|dello|delle|degli|dei|del|dalla|dallo|dalle|dagli|dai|dal)\b|"
    r"(?:dell|dall)['’])\s*(?:the\s+)?",
    re.IGNORECASE,
)
# A person or a body named within the attribution: "according to hospital director Marco
# Galli", "secondo l'assessore Rossi".
_NAMED_WITHIN = re.compile(r"[^,.;:]{0,40}?\s(?:[A-Z][\w'’-]+)")


def _unnamed(text: str, end: int) -> bool:
    """Does the attribution ending at `end` name no one ("secondo fonti", "according to
    analysts") or only sources of someone ("according to Bloomberg sources")?"""
    source = _SOURCE_ARTICLE.match(text, end)
    if source is None:
        return True
    if _UNNAMED_AFTER.match(text, source.start(1)) is not None:
        return True
    first = source.start(1)
    if source.group(1).isupper() or _INSTITUTION.match(text, first):
        return False
    document = _DOCUMENT_OF.match(text, first)
    if document is not None:
        # "secondo l'ultimo rapporto dell'autorità regionale", "according to figures from
        # the regional environmental agency ARPA": a body's report names the body.
        after = document.end()
        if _INSTITUTION.match(text, after) or _NAMED_WITHIN.match(text, after - 1):
            return False
    return _NAMED_WITHIN.match(text, first - 1) is None


def _secondo_is_preposition(folded: str) -> bool:
    every = [m.start() for m in re.finditer(r"\bsecondo\b", folded)]
    ordinals = {m.start() for m in IT_SECONDO_ORDINAL.finditer(folded)}
    return any(position not in ordinals for position in every)
