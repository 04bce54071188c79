"""A change to the annotation store: operations on its tables, and the model the tables hold.

The database holds TinyDB-format tables ({table: {doc_id: document}}, doc_id = the record's
uuid): ANNOTATIONS and HISTORY. A change is the list of operations one store method makes; it
is applied at once to the in-memory model (store.py) and later, in order, to the file
(writer.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from eternaut_reader.core.annotations.model import Annotation, HistoryEntry, Tables

ANNOTATIONS = "annotations"
HISTORY = "history"


@dataclass(frozen=True, slots=True)
class Op:
    """Put `record` under `key` in `table`, or delete the key when record is None."""

    table: str
    key: str
    record: Annotation | HistoryEntry | None


Change = list[Op]

# The model held in the tables: annotations by id, history entries by id (oldest first), and
# descriptions of the records this version could not read.
Model = tuple[dict[str, Annotation], dict[str, HistoryEntry], list[str]]


def parse_tables(tables: Tables) -> Model:
    """The model held in the tables. Unparsable records are reported and left in the file."""
    skipped: list[str] = []
    annotations: dict[str, Annotation] = {}
    for key, doc in tables.get(ANNOTATIONS, {}).items():
        try:
            annotations[key] = Annotation.from_dict(doc)
        except (KeyError, TypeError, ValueError) as exc:
            skipped.append(f"annotation {key}: {type(exc).__name__}: {exc}")
    entries: list[HistoryEntry] = []
    for key, doc in tables.get(HISTORY, {}).items():
        try:
            entries.append(HistoryEntry.from_dict(doc))
        except (KeyError, TypeError, ValueError) as exc:
            skipped.append(f"history entry {key}: {type(exc).__name__}: {exc}")
    entries.sort(key=lambda e: e.at)
    return annotations, {e.id: e for e in entries}, skipped


def apply_change(
    change: Change, annotations: dict[str, Annotation], history: dict[str, HistoryEntry]
) -> None:
    """Apply the change to an in-memory model (annotations and history entries by id)."""
    for op in change:
        if op.table == ANNOTATIONS:
            if isinstance(op.record, Annotation):
                annotations[op.key] = op.record
            else:
                annotations.pop(op.key, None)
        elif isinstance(op.record, HistoryEntry):
            history[op.key] = op.record
        else:
            history.pop(op.key, None)
