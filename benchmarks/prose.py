"""Generated test prose that reads like news: the text the benchmarks open.

Repeating the seeds makes a poor test: five short articles over and over hold no "Mr.", no
"U.S." and no "a.m.", which are what make a sentence segmenter slow and what it gets wrong.
This generator builds paragraphs from sentence patterns filled with random words, names,
amounts and dates, with abbreviations ("Mr.", "Dr.", "U.S.", "a.m.", "e.g.", "i.e.",
"Inc.", "No. 3", "vs."), decimals ("3.5%", "$1.2 billion"), quotes (straight and curly,
with the full stop inside or outside), bulleted and numbered lists, headings, and Italian
paragraphs ("sig.", "dott.", "ecc.", "p. es.", decimals with a comma, «caporali»).

    python benchmarks/prose.py SIZE [--italian FRACTION] [--seed N] > article.txt

`article(size, seed, italian)` returns the text; `sentences_en(n)` / `sentences_it(n)` give
paragraphs of known sentence counts for the segmenter comparison.
"""

from __future__ import annotations

import argparse
import random
import sys

FIRST = [
    "Maria",
    "John",
    "Ana",
    "Luis",
    "Sarah",
    "David",
    "Elena",
    "Tom",
    "Lucía",
    "Peter",
    "Giulia",
    "Marco",
    "Laura",
    "Kevin",
]
LAST = [
    "Smith",
    "García",
    "Rossi",
    "Chen",
    "Okafor",
    "Müller",
    "Dubois",
    "Kowalski",
    "Silva",
    "Nguyen",
    "Brown",
    "Bianchi",
    "Fernández",
    "Patel",
    "Johnson",
    "Romano",
    "Costa",
    "Ferrari",
]
ORGS = [
    "Netflix Inc.",
    "K&S Films",
    "Acme Corp.",
    "the U.S. Department of Commerce",
    "the U.N.",
    "Warner Bros.",
    "the E.U. Commission",
    "Globex Ltd.",
    "Initech Co.",
    "the BBC",
    "St. Mary's Hospital",
]
PLACES = ["Buenos Aires", "Washington, D.C.", "Los Angeles", "Madrid", "Rome", "St. Louis"]
TITLES = ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Gov.", "Gen."]
NOUNS = [
    "budget",
    "series",
    "episode",
    "scene",
    "studio",
    "company",
    "report",
    "agency",
    "market",
    "production",
    "audience",
    "network",
    "platform",
    "contract",
    "vote",
    "council",
    "policy",
    "study",
    "survey",
    "figure",
    "program",
    "team",
    "effect",
    "tool",
    "model",
    "camera",
    "crew",
    "building",
    "city",
    "rate",
    "price",
    "deal",
    "release",
]
VERBS = [
    "said",
    "reported",
    "announced",
    "confirmed",
    "denied",
    "estimated",
    "suggested",
    "argued",
    "noted",
    "claimed",
    "warned",
    "added",
    "explained",
    "revealed",
    "insisted",
]
ADJ = [
    "new",
    "first",
    "final",
    "early",
    "late",
    "major",
    "key",
    "visual",
    "digital",
    "generative",
    "public",
    "local",
    "independent",
    "original",
    "complex",
    "rapid",
    "significant",
]
ADV = [
    "quickly",
    "reportedly",
    "largely",
    "mostly",
    "still",
    "already",
    "nearly",
    "roughly",
    "almost",
]
MONTHS = [
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "March",
    "April",
    "June",
    "July",
]

IT_NOMI = [
    "il",
    "bilancio",
    "la",
    "serie",
    "l'episodio",
    "la",
    "scena",
    "lo",
    "studio",
    "la",
    "società",
    "il",
    "rapporto",
]
IT_FRASI = [
    "Secondo il sig. {last}, la produzione è costata {it_amount} milioni di euro.",
    "Il dott. {last} ha spiegato che «la scena del crollo è stata realizzata in {n} giorni».",
    "La piattaforma ha confermato i dati, cioè il {it_pct}% degli abbonati in più.",
    "Gli effetti visivi, p. es. le macerie e la neve, sono stati generati al computer.",
    'La prof.ssa {last} ha detto: "Non è la prima volta."',
    "Il costo è sceso del {it_pct}%, ecc., come riportato dall'agenzia il {day} marzo.",
    "Alle ore {hour}.{minute} la conferenza stampa è iniziata a {it_place}.",
    "Il regista ha lavorato con la sig.ra {last} per {n} mesi.",
    "Non è chiaro quando uscirà la seconda stagione: forse nella seconda metà dell'anno.",
    "Il gruppo ha investito {it_amount} mld di dollari nel settore, "
    "secondo l'art. {n} del contratto.",
    "La notizia è stata ripresa da altri giornali?",
    "Lo studio di Buenos Aires impiega {n} persone, tra cui tecnici, attori, ecc.",
]
IT_PLACES = ["Roma", "Milano", "Buenos Aires", "Torino", "Napoli"]


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Prose:
    def __init__(self, seed: int = 0) -> None:
        self.r = random.Random(seed)

    # -- pieces -----------------------------------------------------------------------------

    def name(self) -> str:
        r = self.r
        if r.random() < 0.4:
            return f"{r.choice(TITLES)} {r.choice(LAST)}"
        if r.random() < 0.2:
            return f"{r.choice(FIRST)} {r.choice('ABCDEFGHJKLMPRST')}. {r.choice(LAST)}"
        return f"{r.choice(FIRST)} {r.choice(LAST)}"

    def amount(self) -> str:
        r = self.r
        return r.choice(
            [
                f"${r.randint(1, 99)}.{r.randint(1, 9)} million",
                f"${r.randint(1, 9)}.{r.randint(10, 99)} billion",
                f"{r.randint(2, 98)}.{r.randint(1, 9)}%",
                f"{r.randint(1, 9)},{r.randint(100, 999)} people",
                f"€{r.randint(1, 500)}",
                f"{r.randint(1, 12)}.{r.randint(0, 9)} times",
            ]
        )

    def time(self) -> str:
        r = self.r
        return (
            f"{r.randint(1, 12)}:{r.choice(['00', '15', '30', '45'])} {r.choice(['a.m.', 'p.m.'])}"
        )

    def date(self) -> str:
        r = self.r
        return f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2019, 2026)}"

    def clause(self) -> str:
        r = self.r
        return (
            f"the {r.choice(ADJ)} {r.choice(NOUNS)} {r.choice(ADV)} "
            f"{r.choice(['cost', 'reached', 'passed', 'needed', 'drew'])} {self.amount()}"
        )

    # -- sentences --------------------------------------------------------------------------

    def sentence_en(self) -> str:
        r = self.r
        kind = r.randrange(14)
        if kind == 0:
            return f"{self.name()} {r.choice(VERBS)} that {self.clause()}."
        if kind == 1:
            q = f"{cap(self.clause())}, and that is only the start"
            if r.random() < 0.5:
                return f"\u201c{q},\u201d {self.name()} {r.choice(VERBS)}."
            return f'"{q}," said {self.name()} of {r.choice(ORGS)}.'
        if kind == 2:
            return (
                f"According to {r.choice(ORGS)}, {self.clause()} by {self.date()}, "
                f"e.g. in {r.choice(PLACES)}."
            )
        if kind == 3:
            return f"The announcement came at {self.time()} on {self.date()} in {r.choice(PLACES)}."
        if kind == 4:
            return (
                f"{cap(r.choice(ORGS))} vs. {r.choice(ORGS)} is case No. "
                f"{r.randint(1, 99)}, i.e. the {r.choice(ADJ)} one."
            )
        if kind == 5:
            return f"Why would {self.name()} agree to a {r.choice(ADJ)} {r.choice(NOUNS)}?"
        if kind == 6:
            return (
                f"{cap(self.clause())} ({r.randint(2, 40)}.{r.randint(1, 9)} "
                f"percent more than in {r.randint(2015, 2024)})."
            )
        if kind == 7:
            return f"It was {r.choice(ADV)} {r.choice(ADJ)}!"
        if kind == 8:
            return (
                f"{self.name()}, who joined {r.choice(ORGS)} in {r.randint(1990, 2022)}, "
                f"{r.choice(VERBS)} the {r.choice(NOUNS)} was \u201c{r.choice(ADJ)}.\u201d"
            )
        if kind == 9:
            return (
                f"The {r.choice(NOUNS)} rose from {self.amount()} to {self.amount()} "
                "in the U.S. last year."
            )
        if kind == 10:
            return (
                f"Shares of {r.choice(ORGS)} closed at ${r.randint(10, 900)}.{r.randint(10, 99)} "
                f"on the N.Y. Stock Exchange, up {r.randint(1, 9)}.{r.randint(1, 9)}%."
            )
        if kind == 11:
            return (
                f"Its {r.choice(NOUNS)} (approx. {self.amount()}) was {r.choice(VERBS)} "
                f"by Gen. {r.choice(LAST)} et al. in a report."
            )
        if kind == 12:
            return (
                f"{self.name()} {r.choice(VERBS)}: "
                f"\u2018The {r.choice(NOUNS)} is {r.choice(ADJ)}.\u2019"
            )
        return (
            f"In {r.choice(PLACES)}, {self.clause()}; {r.choice(ADV)} {self.clause()}, "
            f"{self.name()} {r.choice(VERBS)}."
        )

    def sentence_it(self) -> str:
        r = self.r
        template = r.choice(IT_FRASI)
        return template.format(
            last=r.choice(LAST),
            it_amount=f"{r.randint(1, 99)},{r.randint(1, 9)}",
            it_pct=f"{r.randint(1, 60)},{r.randint(1, 9)}",
            n=r.randint(2, 300),
            day=r.randint(1, 28),
            hour=r.randint(8, 20),
            minute=r.choice(["00", "15", "30"]),
            it_place=r.choice(IT_PLACES),
        )

    # -- blocks -----------------------------------------------------------------------------

    def paragraph(self, italian: bool = False) -> str:
        r = self.r
        make = self.sentence_it if italian else self.sentence_en
        return " ".join(make() for _ in range(r.randint(1, 7)))

    def block(self, italian_fraction: float = 0.1) -> str:
        r = self.r
        kind = r.random()
        if kind < 0.04:
            return f"{cap(r.choice(ADJ))} {r.choice(NOUNS)} in {r.choice(PLACES)}"
        if kind < 0.08:
            items = [f"- {cap(self.clause())}." for _ in range(r.randint(2, 5))]
            return f"{self.name()} listed the figures:\n" + "\n".join(items)
        if kind < 0.11:
            items = [f"{i}. {self.sentence_en()}" for i in range(1, r.randint(3, 5))]
            return "\n".join(items)
        return self.paragraph(italian=r.random() < italian_fraction)


def article(size: int, seed: int = 0, italian: float = 0.1) -> str:
    """About `size` characters of news prose, cut at a paragraph's end."""
    prose = Prose(seed)
    parts: list[str] = [f"Report {seed}: a {prose.r.choice(ADJ)} {prose.r.choice(NOUNS)}"]
    total = len(parts[0])
    while total < size:
        block = prose.block(italian)
        parts.append(block)
        total += len(block) + 2
    return "\n\n".join(parts) + "\n"


def paragraphs_of(count: int, italian: bool, seed: int = 1) -> list[str]:
    """Paragraphs of generated sentences, for comparing segmenters."""
    prose = Prose(seed)
    return [prose.paragraph(italian=italian) for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--italian", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    sys.stdout.write(article(args.size, args.seed, args.italian))


if __name__ == "__main__":
    main()
