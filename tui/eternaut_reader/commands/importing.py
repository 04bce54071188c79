"""`eternaut-reader import FILE...`: merge annotations from our JSON/JSONL or W3C files."""

from __future__ import annotations

import argparse
import shutil
from datetime import UTC, datetime
from pathlib import Path

from eternaut_reader.commands._common import fail, note, say
from eternaut_reader.core.formats.importer import (
    MAX_ANNOTATIONS,
    MAX_FILE_BYTES,
    MAX_LINKS,
    MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
)

HELP = (
    "merge annotations from eternaut-reader JSON / JSON Lines exports or W3C Web Annotation "
    "files into the database"
)

EPILOG = (
    "Annotations are matched by id: one already stored is left alone (importing a file twice "
    "adds nothing); for the same id and annotator the later 'modified' wins; another "
    "annotator's annotation is kept beside ours, never over it. Every file is checked before "
    "anything is written. An import is not undoable in the reader: when it changes anything, "
    "a copy of the database from before it is kept beside the database. Limits: a file of at "
    f"most {MAX_FILE_BYTES // 2**20:,} MB (--max-file-size), {MAX_ANNOTATIONS:,} annotations "
    f"per import (--max-annotations), a note or quote of {MAX_TEXT_CHARS:,} characters, ids "
    f"and names of {MAX_NAME_CHARS:,}, {MAX_LINKS:,} links per annotation; a span's end must "
    "lie within its article when the article is among --articles (by default the bundled "
    "ones)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to import")
    parser.add_argument(
        "-n", "--dry-run", action="store_true", help="say what would change, change nothing"
    )
    parser.add_argument(
        "--articles",
        action="append",
        metavar="PATH",
        help="an article file or folder whose articles the offsets are checked against "
        "(repeatable; default: the bundled articles)",
    )
    parser.add_argument(
        "--max-annotations",
        type=_positive,
        default=MAX_ANNOTATIONS,
        metavar="N",
        help=f"refuse an import of more than N annotations (default {MAX_ANNOTATIONS:,})",
    )
    parser.add_argument(
        "--max-file-size",
        type=_positive,
        default=MAX_FILE_BYTES // 2**20,
        metavar="MB",
        help="refuse a file larger than MB megabytes of 1,048,576 bytes "
        f"(default {MAX_FILE_BYTES // 2**20:,})",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def run(args: argparse.Namespace) -> int:
    from eternaut_reader.core.formats.importer import ImportFileError, Limits, read_files
    from eternaut_reader.core.storage.paths import resolve_db_path
    from eternaut_reader.core.storage.store import open_store
    from eternaut_reader.core.text.corpus import Corpus, CorpusError, load_corpus

    try:
        corpus = load_corpus(args.articles)
    except CorpusError as exc:
        if args.articles:
            return fail(str(exc))
        # The bundled articles serve only the offsets' check: an install that lost them can
        # still import, and says what it did not check.
        note(f"offsets not checked against the bundled articles: {exc}")
        corpus = Corpus([], source="none")
    for notice in corpus.notices:
        note(notice)
    limits = Limits.default(annotations=args.max_annotations, file_bytes=args.max_file_size * 2**20)
    try:
        # All of them, before the database is even opened. The messages quote file names
        # and ids as they are: fail() and say() make them safe for the terminal.
        files = read_files(args.files, limits=limits, articles=corpus.articles)
    except ImportFileError as exc:
        return fail(str(exc))
    del corpus  # only the offsets' check needed the articles' text
    for parsed in files:
        count = len(parsed.annotations)
        say(f"{parsed.path}: {count} annotation{'' if count == 1 else 's'} ({parsed.format})")
    given = [a for f in files for a in f.annotations]
    db = resolve_db_path(args.db)
    with open_store(db) as store:
        result = store.merge(given, dry_run=True)
        if result.changed and not args.dry_run and store.read_only:
            # Refused before the backup copy, which would be a file written for nothing.
            return fail(f"nothing imported: {store.read_only_reason}")
        if result.changed and not args.dry_run:
            backup = _back_up(db)
            result = store.merge(given)
            store.flush()
            if backup is not None:
                say(f"the database before this import: {backup}")
    would = "would be " if args.dry_run else ""
    say(
        f"{len(result.added)} {would}added, {len(result.updated)} {would}updated (newer), "
        f"{len(result.unchanged)} already there, {len(result.kept)} kept ours (newer or same "
        f"age), {len(result.beside)} {would}kept beside ours (another annotator, same id)"
    )
    for theirs, stored in result.beside:
        say(f"  {theirs} is another annotator's: stored as {stored}")
    say(f"database: {db}")
    return 0


def _back_up(db: Path) -> Path | None:
    if not db.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = db.with_name(f"{db.name}.before-import-{stamp}.bak")
    n = 1
    while backup.exists():
        n += 1
        backup = db.with_name(f"{db.name}.before-import-{stamp}-{n}.bak")
    shutil.copy2(db, backup)
    from eternaut_reader.core.storage.shards import shards_root

    # The shards too, beside the copy as beside the database: `--db BACKUP` opens it whole.
    shards = shards_root(db)
    if shards.is_dir():
        shutil.copytree(shards, shards_root(backup), ignore=shutil.ignore_patterns(".*"))
    return backup
