"""What the claim bar says: the claim under the cursor, its links both ways, the totals."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from eternaut_reader.core.analysis.verdict import rename_reports
from eternaut_reader.core.annotations.claims import Claim
from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.annotations.tags import OPEN, OPEN_SYMBOL, SYMBOLS, verdict
from eternaut_reader.core.text.corpus import Corpus

NOTE_SHOWN = 80  # characters of a note the claim bar shows


def describe(
    claim: Claim,
    corpus: Corpus,
    me: str | None = None,
    linked_from: Sequence[Annotation] = (),
    follow_key: str = "f",
    view_key: str | None = None,
    alive: Callable[[str], bool] | None = None,
) -> str:
    """Tag, links and note of one claim, whose it is when not ours, and the claims that link
    to it (a link made from the other end)."""
    annotation = claim.annotation
    parts = [verdict(annotation.tag)]
    if me is not None and annotation.annotator != me:
        parts[0] = f"{annotation.annotator}'s {parts[0]} (theirs: read only)"
    if view_key:
        parts.append(f"{view_key} claim view")
    # `alive`: whether a link's target still exists; a link to a removed claim is kept for
    # an undo, and not shown.
    links = [
        f"{link.relation} {_where(corpus, link.article_id)}"
        for link in annotation.links
        if alive is None or alive(link.target)
    ]
    for other in linked_from:
        relation = next(k.relation for k in other.links if k.target == annotation.id)
        links.append(f"{relation} from {_where(corpus, other.article_id)}")
    if links:
        parts.append(f"links: {', '.join(links)} ({follow_key} follows)")
    # The note last, and cut: a long one pushed the links out of the bar (found by an
    # outside tester). The whole note is in the note dialog and the claim view.
    if annotation.note:
        note = " ".join(annotation.note.split())
        parts.append(f"note: {note if len(note) <= NOTE_SHOWN else note[: NOTE_SHOWN - 1] + '…'}")
    return " · ".join(parts)


def _where(corpus: Corpus, article_id: str | None) -> str:
    # "?/5" told the user nothing; the link is followed all the same (it opens the article).
    open_ = article_id is not None and corpus.by_id(article_id) is not None
    return corpus.place(article_id) if open_ else "an article not open"


def totals(counts: Mapping[str, int]) -> str:
    """ "✓3 ?1 ✗2", and "○2" after them when there are open claims."""
    shown = " ".join(f"{SYMBOLS[tag]}{counts.get(tag, 0)}" for tag in SYMBOLS)
    if counts.get(OPEN, 0):
        shown += f" {OPEN_SYMBOL}{counts[OPEN]}"
    return shown


def readable(reason: str, corpus: Corpus) -> str:
    """A suggestion's reason names reports by id; the reader names them by place ("3/5"), as
    the panes, the links and the panel do (verdict.rename_reports)."""
    return rename_reports(reason, {a.id: corpus.place(a.id) for a in corpus.articles})


def others_touched(count: int) -> str:
    """What else one undo or redo step changed, for its notification: " and 1 other claim"."""
    return f" and {count} other claim{'s' if count > 1 else ''}" if count else ""


def step_notice(which: str, what: str, annotation: Annotation | None, also: int) -> str:
    """The notification of one undo or redo: what it changed and on which claim, "Undo (note):
    “Netflix has confirmed…”" (what: the store's last_step), and how many other claims."""
    quote = " ".join(annotation.quote.split()) if annotation is not None else ""
    short = quote if len(quote) <= 40 else quote[:39] + "…"
    of = f" ({what})" if what else ""
    return f"{which.capitalize()}{of}: “{short}”{others_touched(also)}"


def suggestion_text(tag: str, reason: str, corpus: Corpus, accept_key: str | None) -> str:
    """accept_key None: nothing can be tagged (a read-only database), so no key is offered."""
    # The key first: a narrow terminal cuts the end of the reason, never how to accept it.
    accept = f" ({accept_key} accepts)" if accept_key else ""
    return f"suggest {verdict(tag)}{accept}: {readable(reason, corpus)}"
