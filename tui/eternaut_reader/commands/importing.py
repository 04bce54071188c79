"""`eternaut-reader import FILE...`: merge annotations from our JSON/JSONL or W3C files."""

from __future__ import annotations

import argparse
import shutil
from datetime import UTC, datetime
from pathlib import Path

from eternaut_reader.commands._common import fail

HELP = (
    "merge annotations from eternaut-reader JSON / JSON Lines exports or W3C Web Annotation "
    "files into the database"
)

EPILOG = (
    "Annotations are matched by id: one already stored is left alone (importing a file twice "
    "adds nothing); for the same id and annotator the later 'modified' wins; another "
    "annotator's annotation is kept beside ours, never over it. Every file is checked before "
    "anything is written. An import is not undoable in the reader: when it changes anything, "
    "a copy of the database from before it is kept beside the database."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to import")
    parser.add_argument(
        "-n", "--dry-run", action="store_true", help="say what would change, change nothing"
    )


def run(args: argparse.Namespace) -> int:
    from eternaut_reader.core.importer import ImportFileError, read_files
    from eternaut_reader.core.paths import resolve_db_path
    from eternaut_reader.core.store import open_store

    try:
        files = read_files(args.files)  # all of them, before the database is even opened
    except ImportFileError as exc:
        return fail(str(exc))
    for parsed in files:
        print(f"{parsed.path}: {len(parsed.annotations)} annotations ({parsed.format})")
    given = [a for f in files for a in f.annotations]
    db = resolve_db_path(args.db)
    with open_store(db) as store:
        result = store.merge(given, dry_run=True)
        if result.changed and not args.dry_run:
            backup = _back_up(db)
            result = store.merge(given)
            store.flush()
            if backup is not None:
                print(f"the database before this import: {backup}")
    would = "would be " if args.dry_run else ""
    print(
        f"{len(result.added)} {would}added, {len(result.updated)} {would}updated (newer), "
        f"{len(result.unchanged)} already there, {len(result.kept)} kept ours (newer or same "
        f"age), {len(result.beside)} {would}kept beside ours (another annotator, same id)"
    )
    for theirs, stored in result.beside:
        print(f"  {theirs} is another annotator's: stored as {stored}")
    print(f"database: {db}")
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
    return backup
