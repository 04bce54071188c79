"""The claim view (`r`): one claim across its reports, with its record.

A claim is the passages joined by links (core/annotations/groups.py). The view shows its
summary, its verdict ("± mixed" says which reports say what), where its passages disagree
(values the alignment found in conflict, `contradicts` links, different tags) side by side,
every report's passage with its tag and annotator, the review and the evidence. The user's
own record is edited here (summary and review, evidence added, edited and removed), each
change one undoable step of the store; another annotator's record is shown, read only.
`Enter` on a passage goes to it in a pane; on a piece of evidence it copies its URL (it never
opens a browser or runs anything).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from eternaut_reader.core.analysis.conflicts import (
    ELSEWHERE,
    PassageConflict,
    Untagged,
    claim_conflicts,
)
from eternaut_reader.core.analysis.matrix import MATCH_MARK, Cell
from eternaut_reader.core.annotations.groups import MIXED, ClaimGroup, verdict_label
from eternaut_reader.core.annotations.model import Annotation, Evidence
from eternaut_reader.core.annotations.tags import verdict
from eternaut_reader.core.storage.database import NotInClaim, StoreError
from eternaut_reader.core.terminal import one_line
from eternaut_reader.core.text.display import printable
from eternaut_reader.ui.claim_text import step_notice
from eternaut_reader.ui.keys import key_hint, keyed, offered
from eternaut_reader.ui.screens.matrix import matrix_of
from eternaut_reader.ui.widgets.chrome import step_options
from eternaut_reader.ui.widgets.hint_line import HintLine

if TYPE_CHECKING:
    from eternaut_reader.core.analysis import Alignment
    from eternaut_reader.core.annotations.editing import ClaimEditor, Edit
    from eternaut_reader.core.text.corpus import Corpus
    from eternaut_reader.ui.screens.claim_record import RecordResult

# Styles by role; each also reads without colour (bold, reverse, a glyph in the text).
HEADING = "bold reverse"
SUBHEADING = "bold"
CONFLICT = "bold $error"
MUTED = "dim"
VERDICT_STYLES = {
    "confirmed": "bold $success",
    "speculative": "bold $warning",
    "contradicted": "bold $error",
    MIXED: "bold $error",
}


@dataclass(frozen=True)
class Row:
    """What one line of the list is: a heading, text, a passage or a piece of evidence."""

    kind: str  # "heading", "text", "passage", "evidence"
    annotation: Annotation | None = None
    evidence: Evidence | None = None
    owner: str = ""  # whose evidence it is
    where: tuple[str, int, int] | None = None  # an untagged passage: article id, start, end


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(text: str, style: str = "") -> Content:
    """Data shown as it is: control characters made visible, never read as markup."""
    return Content.styled(printable(text), style) if style else Content(printable(text))


def _join(*parts: Content | str) -> Content:
    return Content.assemble(*(p if isinstance(p, Content) else Content(p) for p in parts))


def hang(content: Content, width: int) -> Content:
    """Each line wrapped to `width` cells, its continuation lines indented as the line is, so
    that a long quote stays under its heading rather than running back to the margin."""
    out: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        plain = line.plain
        indent = len(plain) - len(plain.lstrip(" "))
        pad = Content(" " * indent)
        for piece in line[indent:].wrap(max(10, width - indent)):
            out.append(pad + piece)
    return Content("\n").join(out)


@keyed("Claim view", shares=("undo", "redo"))
class ClaimViewScreen(Screen[tuple[str, int, int] | None]):
    """Dismisses with (article id, start, end) of a passage to go to, or None."""

    BINDINGS = [
        Binding("escape,q,r", "close", "Claim view: back", id="claim-view.close"),
        Binding(
            "enter",
            "choose",
            "Claim view: go to the passage, or copy the evidence's URL (never opens it)",
            id="claim-view.choose",
            priority=True,
        ),
        Binding("j", "move(1)", "Claim view: next line", id="claim-view.down", show=False),
        Binding("k", "move(-1)", "Claim view: previous line", id="claim-view.up", show=False),
        Binding(
            "s",
            "edit_record",
            "Claim view: edit the summary and the review",
            id="claim-view.record",
        ),
        Binding("a", "add_evidence", "Claim view: add evidence", id="claim-view.add-evidence"),
        Binding(
            "e",
            "edit_evidence",
            "Claim view: edit the evidence under the cursor",
            id="claim-view.edit-evidence",
        ),
        Binding(
            "d,delete",
            "remove_evidence",
            "Claim view: remove the evidence under the cursor",
            id="claim-view.remove-evidence",
        ),
        # The reader's own undo and redo (the same ids, so a remapped key works here too).
        Binding("u", "undo", "Undo", id="undo", show=False),
        Binding("ctrl+r", "redo", "Redo", id="redo", show=False),
    ]

    def __init__(
        self,
        editor: ClaimEditor,
        corpus: Corpus,
        annotation_id: str,
        alignment: Alignment | None = None,
        on_edit: Callable[[Edit], None] | None = None,
    ) -> None:
        super().__init__()
        self._editor = editor
        self.corpus = corpus
        self.alignment = alignment
        self.on_edit = on_edit
        self.annotation_id = annotation_id
        self._member_ids: list[str] = [annotation_id]
        self._rows: list[Row] = []
        self.group: ClaimGroup | None = None

    @property
    def editor(self) -> ClaimEditor:
        """The app's editor: when claims arrive from disk the app anchors them in a new one,
        and the view must change and read the claims the panes show."""
        current = getattr(self.app, "editor", None) if self.is_attached else None
        return cast("ClaimEditor", current) if current is not None else self._editor

    def _alignment(self) -> Alignment | None:
        """The app's alignment once its worker is done (the view may open before), else the
        one the view was given."""
        current = getattr(self.app, "alignment", None) if self.is_attached else None
        return cast("Alignment | None", current) if current is not None else self.alignment

    # -- drawing ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="claim-view"):
            yield Static(id="claim-view-title")
            yield OptionList(id="claim-view-list")
            yield HintLine(id="claim-view-keys")

    def on_mount(self) -> None:
        self.refresh_claim()
        self.query_one(OptionList).focus()

    def _find_group(self) -> ClaimGroup | None:
        """The claim again, from any passage of it that still exists (an undo may have
        removed the one it was opened from)."""
        for ann_id in [self.annotation_id, *self._member_ids]:
            group = self.editor.group(ann_id)
            if group is not None:
                self.annotation_id = ann_id
                return group
        return None

    def refresh_claim(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        group = self.group = self._find_group()
        options.clear_options()
        self._rows = []
        title = self.query_one("#claim-view-title", Static)
        self._show_keys()
        if group is None:
            undo = key_hint(self.app, "undo")
            title.update(f"This claim is gone: its passages were removed ({undo} undoes)")
            return
        self._member_ids = [a.id for a in group.members]
        reports = len(group.articles)
        passages = len(group.members)
        title.update(
            _join(
                _text("Claim · ", "bold"),
                _text(verdict_label(group.verdict), VERDICT_STYLES.get(group.verdict, "bold")),
                f" · {passages} passage{'s' if passages != 1 else ''} in {reports} "
                f"report{'s' if reports != 1 else ''}",
            )
        )
        width = self._width()
        for prompt, row in self._lines(group):
            heading = row.kind == "heading"
            options.add_option(Option(prompt if heading else hang(prompt, width), disabled=heading))
            self._rows.append(row)
        if self._rows:
            wanted = highlighted if highlighted is not None else 0
            wanted = min(wanted, len(self._rows) - 1)
            enabled = [n for n, r in enumerate(self._rows) if r.kind != "heading"]
            if enabled:
                options.highlighted = min(enabled, key=lambda n: (abs(n - wanted), n))

    def _width(self) -> int:
        """Cells a line of the list has (its padding and scroll bar left out)."""
        options = self.query_one(OptionList)
        width = options.scrollable_content_region.width or self.app.size.width - 2
        return max(20, width - 2)

    def on_resize(self) -> None:
        if self._rows:
            self.refresh_claim()

    def _show_keys(self) -> None:
        app = self.app
        # The keys that write the record are left out where nothing can be written (a
        # read-only database); pressed, they still say why.
        edits = (
            f"{key_hint(app, 'claim-view.record')} summary & review · "
            f"{key_hint(app, 'claim-view.add-evidence')} add evidence · "
            f"{key_hint(app, 'claim-view.edit-evidence')} edit · "
            f"{key_hint(app, 'claim-view.remove-evidence')} remove · "
            f"{key_hint(app, 'undo')} undo · "
            if offered(app, "claim-view.record")
            else ""
        )
        self.query_one("#claim-view-keys", Static).update(
            Content(
                f"{key_hint(app, 'claim-view.choose')} goes to the passage / copies the URL · "
                f"{edits}{key_hint(app, 'claim-view.close')} back"
            )
        )

    def _whose(self, annotator: str, noun: str) -> str:
        if annotator == self.editor.me:
            return f"{noun} · yours"
        return f"{noun} · {annotator}'s (read only)"

    def _lines(self, group: ClaimGroup) -> list[tuple[Content, Row]]:
        me = self.editor.me
        lines: list[tuple[Content, Row]] = []

        def heading(text: str) -> None:
            lines.append((_text(f" {text} ", HEADING), Row("heading")))

        def text(content: Content) -> None:
            lines.append((content, Row("text")))

        # What writing the record takes: a key, or (with no passage of one's own) a passage.
        # (Nothing is the user's to write on a read-only database: no key offered for it.)
        mine = group.lead(me) is not None and offered(self.app, "claim-view.record")
        record_key = key_hint(self.app, "claim-view.record")

        def writes(what: str) -> str:
            if not offered(self.app, "claim-view.record"):
                return "read only"
            return f"{record_key} writes {what}" if mine else "tag or link a passage to write it"

        # The summary: the user's own, else the earliest someone wrote, else the first quote.
        record = group.record_for(me)
        if record is not None and record.summary:
            heading(self._whose(record.annotator, "Summary"))
            text(_text(record.summary, "bold"))
        else:
            heading("Summary · none yet")
            text(
                _join(
                    _text(f"“{_short(group.summary(me), 200)}”", "italic"),
                    _text(
                        f"  (the first passage stands for it; {writes('a summary')})",
                        MUTED,
                    ),
                )
            )
        # The verdict: for a mixed claim, which reports say what.
        heading("Verdict")
        # Reports named as the passages below are: "1/5 Decrypt", "3/5 Netflix’s Pioneering…".
        reason = self._who_says_what(group)
        text(
            _join(
                _text(verdict_label(group.verdict), VERDICT_STYLES.get(group.verdict, "bold")),
                _text(f" — {reason}"),
            )
        )
        conflicts = claim_conflicts(group.members, self._alignment(), self._span)
        conflicted = {
            a.id for c in conflicts for a in (c.first, c.second) if isinstance(a, Annotation)
        }
        if conflicts:
            heading(f"⚠ Where the passages disagree ({len(conflicts)})")
            for conflict in conflicts:
                text(self._conflict(conflict))
        elif self._alignment() is None and len(group.articles) > 1:
            text(
                _text("(the reports are still being aligned: conflicting values show later)", MUTED)
            )
        # Every report's passages.
        heading(
            f"Passages · {len(group.members)} in {len(group.articles)} "
            f"report{'s' if len(group.articles) != 1 else ''} · "
            f"{key_hint(self.app, 'claim-view.choose')} goes there"
        )
        for article_id, members in group.by_article().items():
            lines.append((_text(self._report(article_id), SUBHEADING), Row("heading")))
            for annotation in members:
                lines.append(
                    (
                        self._passage(annotation, annotation.id in conflicted),
                        Row("passage", annotation),
                    )
                )
        # The other reports' passages that state the claim, untagged: the matrix's · cells of
        # this row, from the same code, so that the two views never tell a different story.
        untagged = self._untagged(group)
        if untagged:
            heading(
                f"Also stated in {len(untagged)} other "
                f"report{'s' if len(untagged) != 1 else ''}, not tagged"
                f" · {key_hint(self.app, 'claim-view.choose')} goes there"
            )
            for article_id, cell in untagged:
                lines.append((_text(self._report(article_id), SUBHEADING), Row("heading")))
                lines.append(
                    (
                        self._untagged_line(article_id, cell),
                        Row("aligned", where=(article_id, cell.start, cell.end)),
                    )
                )
        # The review: each annotator's, theirs read only.
        reviews = group.reviews()
        heading(f"Review{f' ({len(reviews)})' if len(reviews) > 1 else ''}")
        if not reviews:
            text(_text(f"none yet ({writes('one')})", MUTED))
        for annotator, review in reviews:
            label = "yours" if annotator == me else f"{annotator}'s (read only)"
            text(_join(_text(f"{label}: ", "bold"), _text(review)))
        # The evidence.
        evidence = group.evidence(me)
        heading(
            f"Evidence ({len(evidence)}) · "
            f"{key_hint(self.app, 'claim-view.choose')} copies the URL · "
            + (f"{key_hint(self.app, 'claim-view.add-evidence')} adds" if mine else "read only")
        )
        if not evidence:
            text(_text("none yet", MUTED))
        for owner, item in evidence:
            lines.append((self._evidence(owner, item), Row("evidence", evidence=item, owner=owner)))
        return lines

    def _untagged(self, group: ClaimGroup) -> list[tuple[str, Cell]]:
        """The reports whose matrix cell for this claim is an aligned passage not tagged."""
        alignment = self._alignment()
        if alignment is None:
            return []
        mine = {m.id for m in group.members}
        rows = matrix_of(self.editor, self.corpus, alignment, only=mine).rows
        if not rows:
            return []
        row = rows[0]  # the claim's passages are joined by links: one row
        # The matrix's ⚠ cells are shown above, where the passages disagree.
        return [(a, cell) for a, cell in row.cells.items() if cell.kind == "matches"]

    def _untagged_line(self, article_id: str, cell: Cell) -> Content:
        article = self.corpus.by_id(article_id)
        quote = "" if article is None else article.text[cell.start : cell.end]
        mark = _text(f"{MATCH_MARK} states it · not tagged", "bold")
        return _join("  ", mark, "\n    ", _text(f"“{_short(quote, 600)}”", "italic"))

    def _who_says_what(self, group: ClaimGroup) -> str:
        """Which reports say what, naming each as the passages below are ("1/5 Decrypt"):
        "confirmed in 1/5 …, 2/5 …; contradicted in 3/5 …" (open passages too)."""
        named = ClaimGroup(group.members, {a: self._short_name(a) for a in group.articles})
        if named.verdict == MIXED:
            return named.verdict_reason()
        by_tag = named.reports_by_tag()
        return "; ".join(f"{tag} in {', '.join(places)}" for tag, places in by_tag.items())

    def _span(self, annotation: Annotation) -> tuple[int, int] | None:
        """Where a passage sits now in its article (None: an orphan or not open)."""
        found = self.editor.claim(annotation.id)
        return None if found is None else (found[1].start, found[1].end)

    def _short_name(self, article_id: str) -> str:
        article = self.corpus.by_id(article_id)
        place = self.corpus.place(article_id)
        if article is None:
            return f"{_short(self.corpus.title_of(article_id), 24)} (not open)"
        # As much of the title as a wide terminal has room for (a few reports share a line).
        room = max(24, min(60, self._width() // 4)) if self.is_attached else 24
        return f"{place} {article.outlet or _short(article.title, room)}"

    def _report(self, article_id: str) -> str:
        article = self.corpus.by_id(article_id)
        place = self.corpus.place(article_id)
        if article is None:
            return f"{_short(self.corpus.title_of(article_id), 90)} (not open)"
        details = [d for d in (article.outlet, article.date) if d]
        about = f" · {' · '.join(details)}" if details else ""
        return f"{place} [{article.language.upper()}] {_short(article.title, 90)}{about}"

    def _passage(self, annotation: Annotation, conflicted: bool) -> Content:
        me = self.editor.me
        who = "you" if annotation.annotator == me else f"{annotation.annotator} (read only)"
        tag = annotation.tag or "open"
        if self.corpus.by_id(annotation.article_id) is None:
            orphan = " · article not open (Enter opens it)"
        else:
            orphan = "" if self._span(annotation) is not None else " · text no longer found"
        parts: list[Content | str] = [
            "  ",
            _text(verdict(annotation.tag), VERDICT_STYLES.get(tag, "bold")),
            _text(f" · {who}{orphan}"),
        ]
        if conflicted:
            parts.append(_text(" · ⚠ disagrees", CONFLICT))
        parts += ["\n    ", _text(f"“{_short(annotation.quote, 600)}”", "italic")]
        if annotation.note:
            parts += ["\n    ", _text(f"note: {_short(annotation.note, 400)}", MUTED)]
        return _join(*parts)

    def _place(self, article_id: str) -> str:
        """ "3/5", or "not open" for an article left out this time ("?/5" told nothing)."""
        if self.corpus.by_id(article_id) is None:
            return "not open"
        return self.corpus.place(article_id)

    def _where(self, passage: Annotation | Untagged) -> str:
        if isinstance(passage, Untagged):
            article = self.corpus.by_id(passage.article_id)
            quote = "" if article is None else article.text[passage.start : passage.end]
        else:
            quote = passage.quote
        return f"{self._place(passage.article_id)} “{_short(quote, 50)}”"

    def _conflict(self, conflict: PassageConflict) -> Content:
        a, b = conflict.first, conflict.second
        parts: list[Content | str] = [
            _text("⚠ ", CONFLICT),
            _text(self._where(a)),
            _text("  ⟷  ", CONFLICT),
            _text(self._where(b)),
        ]
        for what, here, there in conflict.values:
            parts += [
                "\n    ",
                _text(f"{what}: ", "bold"),
                _text(f"“{here}” ({self._place(a.article_id)})"),
                _text(" vs ", CONFLICT),
                _text(f"“{there}” ({self._place(b.article_id)})"),
            ]
        if conflict.tags is not None:
            parts += [
                "\n    ",
                _text("tagged: ", "bold"),
                _text(f"{verdict(conflict.tags[0])} ({self._place(a.article_id)})"),
                _text(" vs ", CONFLICT),
                _text(f"{verdict(conflict.tags[1])} ({self._place(b.article_id)})"),
            ]
        if conflict.linked:
            parts += ["\n    ", _text("linked as contradicting each other", "bold")]
        if isinstance(b, Untagged):
            other = self.editor.indexes.get(b.article_id)
            claim = other.at(b.start, b.end, prefer=self.editor.me) if other else None
            if claim is not None:
                # Tagged, as a claim of its own: the matrix shows its verdict; say so here.
                who = (
                    "you"
                    if claim.annotation.annotator == self.editor.me
                    else claim.annotation.annotator
                )
                parts += [
                    "\n    ",
                    _text(f"tagged {verdict(claim.tag)} by {who}, ", "bold"),
                    _text("as a claim of its own, not linked to this one"),
                ]
            else:
                parts += ["\n    ", _text("not tagged: ", "bold"), _text(ELSEWHERE)]
        return _join(*parts)

    def _evidence(self, owner: str, item: Evidence) -> Content:
        whose = "yours" if owner == self.editor.me else f"{owner}'s (read only)"
        parts: list[Content | str] = ["  ", _text(item.title or item.url, "bold")]
        parts.append(_text(f" · {whose}", MUTED))
        if item.url and item.title:
            parts += ["\n    ", _text(item.url, "underline")]
        if item.quote:
            parts += ["\n    ", _text(f"“{_short(item.quote, 400)}”", "italic")]
        if item.note:
            parts += ["\n    ", _text(f"note: {_short(item.note, 400)}")]
        return _join(*parts)

    # -- moving and choosing ---------------------------------------------------------------

    def _current(self) -> Row | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self._rows):
            return None
        return self._rows[index]

    def action_move(self, step: int) -> None:
        step_options(self.query_one(OptionList), step)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click on a line
        self.action_choose()

    def action_choose(self) -> None:
        row = self._current()
        if row is None:
            return
        if row.kind == "passage" and row.annotation is not None:
            self._go(row.annotation)
        elif row.kind == "aligned" and row.where is not None:
            self.dismiss(row.where)
        elif row.kind == "evidence" and row.evidence is not None:
            self._copy(row.evidence)

    def _go(self, annotation: Annotation) -> None:
        found = self.editor.claim(annotation.id)
        if found is None and self.corpus.by_id(annotation.article_id) is None:
            # Opened where it was stored; the reader anchors it once the article is read.
            self.dismiss((annotation.article_id, annotation.start, annotation.end))
            return
        if found is None:
            self.notify(
                "Cannot go to this passage: its text is no longer in the article",
                severity="warning",
            )
            return
        article, claim = found
        self.dismiss((article.id, claim.start, claim.end))

    def _copy(self, item: Evidence) -> None:
        """Copy the URL to the clipboard (OSC 52): nothing is opened or run."""
        if not item.url:
            self.notify("This evidence has no URL to copy", severity="warning")
            return
        self.app.copy_to_clipboard(item.url)
        self.notify(f"copied {item.url}", timeout=4)

    # -- changes ---------------------------------------------------------------------------

    def _editable(self) -> ClaimGroup | None:
        """The claim, when the user can write its record; otherwise say why and None."""
        group = self.group
        if group is None:
            return None
        if self.editor.store.read_only:
            reason = self.editor.store.read_only_reason or "the database is read-only"
            self.notify(f"Not changed: {reason}", severity="warning", timeout=8)
            return None
        if group.lead(self.editor.me) is None:
            self.notify(
                str(NotInClaim()), title="Not yours to edit", severity="warning", timeout=10
            )
            return None
        return group

    def _asked_name(self, then: Callable[[], None]) -> bool:
        """Ask who is annotating before the first change of a run that has no name."""
        name_first = getattr(self.app, "name_first", None)
        return bool(callable(name_first) and name_first(then))

    def _own_evidence(self) -> tuple[Evidence, ...]:
        group = self.group
        lead = group.lead(self.editor.me) if group is not None else None
        return lead.evidence if lead is not None else ()

    def _write(
        self,
        done: str,
        *,
        summary: str | None = None,
        review: str | None = None,
        evidence: tuple[Evidence, ...] | None = None,
        on: str | None = None,
    ) -> bool:
        group = self.group
        if group is None:
            return False
        try:
            edit = self.editor.set_record(
                group, summary=summary, review=review, evidence=evidence, on=on
            )
        except (StoreError, ValueError) as error:
            self.notify(one_line(str(error)), title="Not saved", severity="error", timeout=12)
            return False
        if self.on_edit is not None:
            self.on_edit(edit)
        self.refresh_claim()
        self.notify(f"{done} ({key_hint(self.app, 'undo')} undoes)", timeout=3)
        return True

    def action_edit_record(self) -> None:
        from eternaut_reader.ui.screens.claim_record import RecordScreen

        if self._asked_name(self.action_edit_record):
            return
        group = self._editable()
        if group is None:
            return
        lead = group.lead(self.editor.me)
        summary = lead.summary if lead is not None else ""
        review = lead.review if lead is not None else ""

        def save(result: RecordResult | None) -> None:
            if result is None or (result.summary, result.review) == (summary, review):
                return
            self._write(
                "Saved the summary and review", summary=result.summary, review=result.review
            )

        title = f"The claim: “{_short(group.summary(self.editor.me), 70)}”"
        self.app.push_screen(RecordScreen(title, summary, review), save)

    def action_add_evidence(self) -> None:
        from eternaut_reader.ui.screens.claim_record import EvidenceScreen

        if self._asked_name(self.action_add_evidence):
            return
        if self._editable() is None:
            return

        def save(item: Evidence | None) -> None:
            if item is None:
                return
            if item in self._own_evidence():
                self.notify("That evidence is already listed", severity="warning")
                return
            if self._write(
                f"Added evidence “{_short(item.label, 40)}”", evidence=(*self._own_evidence(), item)
            ):
                self._highlight_evidence(item)

        self.app.push_screen(EvidenceScreen("Add evidence for this claim"), save)

    def _evidence_row(self, doing: str) -> tuple[str, int, Evidence] | None:
        """The user's own evidence under the cursor: the id of their annotation whose record
        holds it (the lead, or another record of theirs that a link joined to this claim),
        its index there and the item; or None after saying why not."""
        row = self._current()
        if row is None or row.kind != "evidence" or row.evidence is None:
            self.notify(f"Put the cursor on a piece of evidence to {doing} it", severity="warning")
            return None
        group = self.group
        me = self.editor.me
        for record in [] if group is None else group.records():
            if record.annotator == me and row.evidence in record.evidence:
                return record.id, record.evidence.index(row.evidence), row.evidence
        self.notify(
            f"This evidence is {row.owner}'s: read only (yours can be {doing}ed)",
            severity="warning",
        )
        return None

    def _highlight_evidence(self, item: Evidence) -> None:
        for n, row in enumerate(self._rows):
            if row.kind == "evidence" and row.evidence == item:
                self.query_one(OptionList).highlighted = n
                return

    def action_edit_evidence(self) -> None:
        from eternaut_reader.ui.screens.claim_record import EvidenceScreen

        if self._editable() is None:
            return
        found = self._evidence_row("edit")
        if found is None:
            return
        record_id, _, original = found

        def save(item: Evidence | None) -> None:
            record = self.editor.store.get(record_id)
            held = list(record.evidence) if record is not None else []
            if item is None or item == original or original not in held:
                return
            held[held.index(original)] = item
            done = f"Changed evidence “{_short(item.label, 40)}”"
            if self._write(done, evidence=tuple(held), on=record_id):
                self._highlight_evidence(item)

        self.app.push_screen(EvidenceScreen("Edit evidence", original), save)

    def action_remove_evidence(self) -> None:
        if self._editable() is None:
            return
        found = self._evidence_row("remove")
        if found is None:
            return
        record_id, index, item = found
        record = self.editor.store.get(record_id)
        if record is None:
            return
        held = list(record.evidence)
        del held[index]
        self._write(
            f"Removed evidence “{_short(item.label, 40)}”", evidence=tuple(held), on=record_id
        )

    def action_undo(self) -> None:
        self._undo_redo("undo")

    def action_redo(self) -> None:
        self._undo_redo("redo")

    def _undo_redo(self, which: str) -> None:
        try:
            edit = self.editor.undo() if which == "undo" else self.editor.redo()
        except StoreError as error:
            self.notify(one_line(str(error)), title="Not changed", severity="warning", timeout=8)
            return
        if edit is None:
            self.notify(f"Nothing to {which}", severity="warning")
            return
        if self.on_edit is not None:
            self.on_edit(edit)
        self.refresh_claim()
        notice = step_notice(which, self.editor.store.last_step, edit.annotation, len(edit.also))
        self.notify(notice, timeout=3)

    def action_close(self) -> None:
        self.dismiss(None)
