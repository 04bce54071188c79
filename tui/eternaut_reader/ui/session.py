"""The reading session: which article each pane shows and where its cursor is.

Kept beside the annotation database (`<db>.session.json`), one entry per corpus, written
atomically; a missing or unreadable file just means a fresh start, since it holds no work.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from eternaut_reader.core.storage.atomic import write_atomic
from eternaut_reader.core.text.corpus import Corpus

MAX_CORPORA = 20
SNIPPET = 80  # characters of the cursor's sentence kept to find it again in an edited file


@dataclass(frozen=True)
class PaneState:
    article_id: str
    cursor_offset: int
    top_offset: int
    cursor_text: str = ""  # the text at the cursor when saved (its first SNIPPET characters)


def snippet(text: str, offset: int) -> str:
    return text[offset : offset + SNIPPET]


def _refound(state: PaneState, text: str) -> PaneState:
    """The state moved to where its cursor text is now, when the file changed under it (a
    line inserted above put the cursor on the next sentence, found by an outside tester):
    the occurrence nearest the old offset. Unchanged when the text is where it was, or gone."""
    wanted = state.cursor_text
    if not wanted or text.startswith(wanted, state.cursor_offset):
        return state
    found, start = [], text.find(wanted)
    while start != -1:
        found.append(start)
        start = text.find(wanted, start + 1)
    if not found:
        return state
    nearest = min(found, key=lambda at: abs(at - state.cursor_offset))
    shift = nearest - state.cursor_offset
    return PaneState(state.article_id, nearest, max(0, state.top_offset + shift), wanted)


def session_path(db: Path) -> Path:
    return db.with_name(db.name + ".session.json")


def corpus_key(corpus: Corpus) -> str:
    ids = "\n".join(sorted(a.id for a in corpus.articles))
    return hashlib.sha1(ids.encode("utf-8")).hexdigest()[:16]


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load(path: Path, corpus: Corpus) -> tuple[list[PaneState], int]:
    """The saved panes (left to right) and the focused pane's number, if any were saved."""
    entry = _read(path).get(corpus_key(corpus))
    if not isinstance(entry, dict):
        return [], 0
    texts = {a.id: a.text for a in corpus.articles}
    panes = []
    for item in entry.get("panes", []):
        try:
            state = PaneState(
                str(item["article_id"]),
                int(item["cursor_offset"]),
                int(item["top_offset"]),
                str(item.get("cursor_text", "")),
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            continue
        if state.article_id in texts:
            panes.append(_refound(state, texts[state.article_id]))
    focused = entry.get("focused", 0)
    return panes, focused if isinstance(focused, int) else 0


def export_format(path: Path, corpus: Corpus) -> str | None:
    """The export format used last with this corpus, if one was saved."""
    entry = _read(path).get(corpus_key(corpus))
    fmt = entry.get("export_format") if isinstance(entry, dict) else None
    return fmt if isinstance(fmt, str) else None


def save(
    path: Path,
    corpus: Corpus,
    panes: list[PaneState],
    focused: int,
    export_format: str | None = None,
) -> None:
    data = _read(path)
    key = corpus_key(corpus)
    data.pop(key, None)
    entry: dict[str, object] = {"panes": [p.__dict__ for p in panes], "focused": focused}
    if export_format is not None:
        entry["export_format"] = export_format
    data[key] = entry
    while len(data) > MAX_CORPORA:  # the oldest entries go first
        data.pop(next(iter(data)))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, [json.dumps(data).encode("utf-8")])
