"""Figures for cross-source alignment: quality on the hand-built sets, time and memory.

    PYTHONPATH=tui python benchmarks/bench_align.py [--articles 50] [--size 5000] [--embeddings]

For the seeds, tests/data/align/corpus2 (a solar ferry), tests/data/align/corpus3 (a
wildfire), tests/data/align/corpus4 (a museum theft), tests/data/align/corpus5 (a factory strike)
tests/data/align/corpus6 (a drug recall), corpus7 (contaminated tap water), corpus8 (a runway
overrun), corpus9 (a telecom data breach) and corpus10 (a school closed after an earthquake
check), corpus11 (a congestion charge), corpus12 (a supermarket takeover), corpus13 (a
mountain rescue), corpus14 (a bank fined by the regulator), corpus15 (a derailment),
corpus16 (a bequest of paintings), corpus17 (a bike plant closing), corpus18 (an
earthquake), corpus19 (a Roman house under a car park), corpus20 (a chemical plant fire),
corpus21 (a vineyard frost), corpus22 (a satellite launch), corpus23 (a Roman shipwreck),
corpus24 (an e-bike battery recall), corpus25 (a train derailment), corpus26 (a football
transfer), corpus27 (a heatwave blackout), corpus28 (a bank merger), corpus29 (a
Legionnaires' outbreak), corpus30 (a bridge closed after an inspection), corpus31 (a municipal
run-off), corpus32 (a glacier study and collapse), corpus33 (a port strike), corpus34 (a
festival stopped by a storm), corpus35 (a ransomware attack on a town hall), corpus36 (a
Roman mosaic found under a car park), corpus37 (a water main burst), corpus38 (snow-leopard
cubs born at a wildlife park), corpus39 (a wildfire in Sardinia), corpus40 (a meteorite
fall over the Po valley), corpus41 (an eruption of Etna that shut Catania airport),
corpus42 (a record auction of a Renaissance drawing), corpus43 (the verdict of a corruption
trial in Naples), corpus44 (a flash flood of the Seveso in Milan), corpus45 (a paper mill
bought by a Swedish group), corpus46 (a measles outbreak near Treviso), corpus47 (a river
bridge closed after an inspection) and corpus48 (a wine fraud near Siena), against the
hand-built clusters
(tests/data/align/*_clusters.json; see core/analysis/evaluate.py for how pairs are counted):
pairwise precision and recall for EN-EN and IT-EN, verdict accuracy per cluster, and the
contradictions caught. Then the time to align the seeds cold (empty cache, segmentation
included) and warm (the cache written by the cold run), the same for 50 generated articles of
about 5 kB in English and Italian, and the peak memory of the cold run (tracemalloc).

Targets (issue 10): precision >= 0.8 and recall >= 0.8, verdict accuracy >= 0.8 with every
contradiction caught; seeds < 1 s warm, 50 articles < 5 s. Tests never assert times; this
script only prints them. The cache lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "align"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--size", type=int, default=5000, help="characters per article")
    parser.add_argument(
        "--embeddings",
        action="store_true",
        help="with the embeddings extra (pip install '.[embeddings]'); lexical alone otherwise",
    )
    args = parser.parse_args()
    os.environ["ETERNAUT_READER_CACHE"] = tempfile.mkdtemp(prefix="bench-align-cache-")
    os.environ["ETERNAUT_READER_EMBEDDINGS"] = "1" if args.embeddings else "0"

    from eternaut_reader.core.analysis import align, embeddings
    from eternaut_reader.core.analysis.evaluate import evaluate, load_clusters
    from eternaut_reader.core.text.corpus import load_corpus

    if args.embeddings and not embeddings.available():
        raise SystemExit("bench_align: the embeddings extra is not installed")
    print(
        "method:", "lexical + embeddings (multilingual-e5-small)" if args.embeddings else "lexical"
    )
    for name, paths, clusters in (
        ("seeds", None, DATA / "seeds_clusters.json"),
        ("corpus2", [DATA / "corpus2"], DATA / "corpus2_clusters.json"),
        ("corpus3", [DATA / "corpus3"], DATA / "corpus3_clusters.json"),
        ("corpus4", [DATA / "corpus4"], DATA / "corpus4_clusters.json"),
        ("corpus5", [DATA / "corpus5"], DATA / "corpus5_clusters.json"),
        ("corpus6", [DATA / "corpus6"], DATA / "corpus6_clusters.json"),
        ("corpus7", [DATA / "corpus7"], DATA / "corpus7_clusters.json"),
        ("corpus8", [DATA / "corpus8"], DATA / "corpus8_clusters.json"),
        ("corpus9", [DATA / "corpus9"], DATA / "corpus9_clusters.json"),
        ("corpus10", [DATA / "corpus10"], DATA / "corpus10_clusters.json"),
        ("corpus11", [DATA / "corpus11"], DATA / "corpus11_clusters.json"),
        ("corpus12", [DATA / "corpus12"], DATA / "corpus12_clusters.json"),
        ("corpus13", [DATA / "corpus13"], DATA / "corpus13_clusters.json"),
        ("corpus14", [DATA / "corpus14"], DATA / "corpus14_clusters.json"),
        ("corpus15", [DATA / "corpus15"], DATA / "corpus15_clusters.json"),
        ("corpus16", [DATA / "corpus16"], DATA / "corpus16_clusters.json"),
        ("corpus17", [DATA / "corpus17"], DATA / "corpus17_clusters.json"),
        ("corpus18", [DATA / "corpus18"], DATA / "corpus18_clusters.json"),
        ("corpus19", [DATA / "corpus19"], DATA / "corpus19_clusters.json"),
        ("corpus20", [DATA / "corpus20"], DATA / "corpus20_clusters.json"),
        ("corpus21", [DATA / "corpus21"], DATA / "corpus21_clusters.json"),
        ("corpus22", [DATA / "corpus22"], DATA / "corpus22_clusters.json"),
        ("corpus23", [DATA / "corpus23"], DATA / "corpus23_clusters.json"),
        ("corpus24", [DATA / "corpus24"], DATA / "corpus24_clusters.json"),
        ("corpus25", [DATA / "corpus25"], DATA / "corpus25_clusters.json"),
        ("corpus26", [DATA / "corpus26"], DATA / "corpus26_clusters.json"),
        ("corpus27", [DATA / "corpus27"], DATA / "corpus27_clusters.json"),
        ("corpus28", [DATA / "corpus28"], DATA / "corpus28_clusters.json"),
        ("corpus29", [DATA / "corpus29"], DATA / "corpus29_clusters.json"),
        ("corpus30", [DATA / "corpus30"], DATA / "corpus30_clusters.json"),
        ("corpus31", [DATA / "corpus31"], DATA / "corpus31_clusters.json"),
        ("corpus32", [DATA / "corpus32"], DATA / "corpus32_clusters.json"),
        ("corpus33", [DATA / "corpus33"], DATA / "corpus33_clusters.json"),
        ("corpus34", [DATA / "corpus34"], DATA / "corpus34_clusters.json"),
        ("corpus35", [DATA / "corpus35"], DATA / "corpus35_clusters.json"),
        ("corpus36", [DATA / "corpus36"], DATA / "corpus36_clusters.json"),
        ("corpus37", [DATA / "corpus37"], DATA / "corpus37_clusters.json"),
        ("corpus38", [DATA / "corpus38"], DATA / "corpus38_clusters.json"),
        ("corpus39", [DATA / "corpus39"], DATA / "corpus39_clusters.json"),
        ("corpus40", [DATA / "corpus40"], DATA / "corpus40_clusters.json"),
        ("corpus41", [DATA / "corpus41"], DATA / "corpus41_clusters.json"),
        ("corpus42", [DATA / "corpus42"], DATA / "corpus42_clusters.json"),
        ("corpus43", [DATA / "corpus43"], DATA / "corpus43_clusters.json"),
        ("corpus44", [DATA / "corpus44"], DATA / "corpus44_clusters.json"),
        ("corpus45", [DATA / "corpus45"], DATA / "corpus45_clusters.json"),
        ("corpus46", [DATA / "corpus46"], DATA / "corpus46_clusters.json"),
        ("corpus47", [DATA / "corpus47"], DATA / "corpus47_clusters.json"),
        ("corpus48", [DATA / "corpus48"], DATA / "corpus48_clusters.json"),
    ):
        corpus = load_corpus(paths)
        result = evaluate(align(corpus, use_cache=False), corpus.articles, load_clusters(clusters))
        print(f"{name}: {len(result.clusters)} clusters, {len(corpus.articles)} articles")
        for pair, label in (("en-en", "EN-EN"), ("en-it", "IT-EN"), (None, "all")):
            n = sum(result.gold.values()) if pair is None else result.gold[pair]
            p, r = result.precision(pair), result.recall(pair)
            print(
                f"  {label:<6} precision {p:5.3f} {mark(p >= 0.8)}  recall {r:5.3f} "
                f"{mark(r >= 0.8)}  ({n} pairs)   target >= 0.80"
            )
        for pair, label in (("en-en", "EN-EN"), ("en-it", "IT-EN"), (None, "all")):
            rr = result.report_recall(pair)
            print(f"  {label:<6} report-level recall {rr:5.3f} (one passage per other report)")
        accuracy = result.verdict_accuracy
        caught, total = result.contradictions
        print(f"  verdict accuracy {accuracy:5.2f} {mark(accuracy >= 0.8)}   target >= 0.80")
        print(f"  (per quote: {result.quote_verdict_accuracy:5.2f})")
        print(f"  contradictions caught {caught}/{total} {mark(caught == total)}   target all")
        for cluster in result.clusters:
            if cluster.predicted != cluster.expected:
                print(f"    {cluster.id}: expected {cluster.expected}, got {cluster.predicted}")

    print("time (peak memory from a second cold run under tracemalloc, which slows it)")
    seconds = timed(lambda: align(load_corpus()))
    peak = peak_memory(lambda: align(load_corpus(), use_cache=False))
    print(
        f"  {'seeds cold (load, segment, align, write cache)':<48}{ms(seconds)}   peak {mb(peak)}"
    )
    seconds = timed(lambda: align(load_corpus()))
    label = "seeds warm (load, read cache)"
    print(f"  {label:<48}{ms(seconds)}   target < 1000 ms {mark(seconds < 1)}")
    folder = Path(tempfile.mkdtemp(prefix="bench-align-articles-"))
    generate(folder, args.articles, args.size)
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1000
    seconds = timed(lambda: align(load_corpus([folder])))
    peak = peak_memory(lambda: align(load_corpus([folder]), use_cache=False))
    label = f"{args.articles} articles, {size:.0f} kB, cold"
    print(f"  {label:<48}{ms(seconds)}   target < 5000 ms {mark(seconds < 5)}   peak {mb(peak)}")
    seconds = timed(lambda: align(load_corpus([folder])))
    print(f"  {f'{args.articles} articles, warm':<48}{ms(seconds)}")
    # One very long article beside two short ones: the cost must stay linear in its length.
    huge = Path(tempfile.mkdtemp(prefix="bench-align-huge-"))
    generate(huge, 1, 5_000_000)
    generate(huge, 2, args.size, first=1)
    seconds = timed(lambda: align(load_corpus([huge])))
    peak = peak_memory(lambda: align(load_corpus([huge]), use_cache=False))
    print(f"  {'one 5 MB article and two of 5 kB, cold':<48}{ms(seconds)}   peak {mb(peak)}")
    # One unit of 40,000 characters with no stop in it (a pasted table, "1-1-1-…"): each
    # value's clause was looked for from the start of the text, quadratic in its length.
    from eternaut_reader.core.analysis.values import extract

    for label, text in (
        ("40 kB unit of '1-1-1-…', values read", "1-" * 20_000),
        ("24 kB unit of 'won 3-1 …', values read", "won 3-1 " * 3_000),
    ):
        seconds = timed(lambda text=text: extract(text, "en"))
        print(f"  {label:<48}{ms(seconds)}")


def timed(work) -> float:
    t0 = time.perf_counter()
    work()
    return time.perf_counter() - t0


def peak_memory(work) -> int:
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


# -- generated reports: several outlets, in English and Italian, on a handful of events --------

EVENTS = [
    ("the Po river bridge", "il ponte sul Po", "Piacenza", "bridge", "ponte"),
    ("the new metro line", "la nuova linea della metropolitana", "Turin", "line", "linea"),
    ("the wind farm", "il parco eolico", "Taranto", "farm", "parco"),
    ("the hospital wing", "la nuova ala dell'ospedale", "Bologna", "wing", "ala"),
    ("the port terminal", "il terminal del porto", "Genoa", "terminal", "terminal"),
    ("the rail tunnel", "la galleria ferroviaria", "Bolzano", "tunnel", "galleria"),
    ("the solar plant", "l'impianto solare", "Foggia", "plant", "impianto"),
    ("the library", "la biblioteca civica", "Florence", "library", "biblioteca"),
    ("the stadium roof", "la copertura dello stadio", "Milan", "roof", "copertura"),
    ("the airport runway", "la pista dell'aeroporto", "Venice", "runway", "pista"),
]
MONTHS_EN = "January February March April May June July August September October November December"
MONTHS_IT = "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre"
MONTHS_IT += " dicembre"
NAMES = ["Giulia Ferri", "Marco Bellini", "Anna Russo", "Dr. Paolo Conti", "Elena Galli"]
EN_SENTENCES = [
    "Work on {thing} in {city} will finish on {day} {month_en} {year}, officials said on Monday.",
    "The project cost €{money} million, according to the regional government.",
    "About {people} workers were employed on the site at its peak, i.e. in the summer months.",
    "“We kept to the budget and to the schedule,” said {name}, who led the works.",
    "Critics, e.g. local residents' groups, say the noise could last until {year2}.",
    "Traffic is expected to grow by {pct}% in the first year, a U.S.-style survey found.",
    "The opposition asked for the figures to be published in full; the council refused.",
    "Engineers said the structure is {mult} times stronger than the one it replaces.",
    "Inspections are planned every {small} months, and the first is due in the second half "
    "of {year}.",
    "Some {people} people attended the presentation at the town hall on {day} {month_en}.",
    "The operator reportedly plans a second phase worth €{money2} million by {year2}.",
    "Mr. {surname} said the design had won an award at 3.5 times the usual score.",
]
IT_SENTENCES = [
    "I lavori su {thing_it} a {city_it} termineranno il {day} {month_it} {year}, ha detto ieri "
    "la Regione.",
    "Il progetto è costato {money_it} milioni di euro, secondo la giunta regionale.",
    "Nel cantiere hanno lavorato circa {people} operai nei mesi estivi.",
    "«Abbiamo rispettato il bilancio e i tempi», ha detto {name}, che ha guidato i lavori.",
    "I comitati dei residenti temono che i disagi possano durare fino al {year2}.",
    "Il traffico dovrebbe crescere del {pct}% nel primo anno, secondo uno studio.",
    "L'opposizione ha chiesto di pubblicare i dati, ma il consiglio ha rifiutato.",
    "Secondo i tecnici la struttura è {mult_it} volte più resistente della precedente.",
    "Le ispezioni sono previste ogni {small} mesi e la prima entro la seconda metà del {year}.",
    "Circa {people} persone hanno partecipato alla presentazione in municipio il {day} {month_it}.",
    "Il gestore avrebbe in programma una seconda fase da {money2_it} milioni entro il {year2}.",
]
ITALIAN_CITIES = {
    "Turin": "Torino",
    "Genoa": "Genova",
    "Florence": "Firenze",
    "Milan": "Milano",
    "Venice": "Venezia",
}
WORDS_IT = {2: "due", 3: "tre", 4: "quattro", 5: "cinque", 10: "dieci"}


def generate(folder: Path, count: int, size: int, first: int = 0) -> None:
    """Write count reports of about size characters: every event is covered by several
    outlets, one in four in Italian, with the odd figure or date changed between them."""
    rng = random.Random(10)
    for number in range(first, first + count):
        event = EVENTS[number % len(EVENTS)]
        facts = random.Random(number % len(EVENTS))  # the same facts for every outlet...
        values = {
            "day": facts.randint(1, 28),
            "month": facts.randrange(12),
            "year": facts.choice([2025, 2026]),
            "year2": facts.choice([2027, 2028]),
            "money": facts.choice([12, 45, 120, 310]),
            "money2": facts.choice([8, 25, 60]),
            "people": facts.choice([150, 400, 1200]),
            "pct": facts.choice([4, 9, 16]),
            "mult": facts.choice([2, 3, 5, 10]),
            "small": facts.choice([3, 6]),
        }
        if rng.random() < 0.3:  # ...except where an outlet got one wrong
            values["day"] = values["day"] % 28 + 1
        if rng.random() < 0.3:
            values["people"] += 50
        italian = number % 4 == 3
        thing, thing_it, city, _, _ = event
        fields = {
            "thing": thing,
            "thing_it": thing_it,
            "city": city,
            "city_it": ITALIAN_CITIES.get(city, city),
            "month_en": MONTHS_EN.split()[values["month"]],
            "month_it": MONTHS_IT.split()[values["month"]],
            "money_it": str(values["money"]).replace(".", ","),
            "money2_it": values["money2"],
            "mult_it": WORDS_IT.get(values["mult"], values["mult"]),
            "name": rng.choice(NAMES),
            "surname": rng.choice(NAMES).split()[-1],
            **values,
        }
        sentences = IT_SENTENCES if italian else EN_SENTENCES
        paragraphs, length = [], 0
        while length < size:
            chosen = rng.sample(sentences, k=3)
            paragraph = " ".join(s.format(**fields) for s in chosen)
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        date = f"2025-{values['month'] + 1:02d}-{min(values['day'], 28):02d}"
        title = thing_it.capitalize() if italian else thing.capitalize()
        text = f"{title}, {fields['city_it'] if italian else city}\n\n{date}\n\n"
        (folder / f"report-{number:03d}.txt").write_text(
            text + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
        )


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def mb(size: int) -> str:
    return f"{size / 1e6:6.1f} MB"


if __name__ == "__main__":
    main()
