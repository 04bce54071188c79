"""Editing claims as the reader does: one claim index per article, kept in step with the store.

Every change goes through the store API (so it is saved and undoable) and then updates only
the claim it touched, which keeps a key press cheap with thousands of claims. The store
refuses changes to another annotator's claims (NotYours) and every change to a read-only
database (ReadOnlyStore); both are StoreErrors, which the screen shows as one line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace

from eternaut_reader.core.annotations.anchor import anchor
from eternaut_reader.core.annotations.claims import Claim, ClaimIndex
from eternaut_reader.core.annotations.groups import ClaimGroup, group_of
from eternaut_reader.core.annotations.model import Annotation, Evidence
from eternaut_reader.core.annotations.tags import OPEN, TAGS
from eternaut_reader.core.gcpause import gc_paused
from eternaut_reader.core.storage.database import NotInClaim
from eternaut_reader.core.storage.store import AnnotationStore
from eternaut_reader.core.text.corpus import Article, Corpus


@dataclass(frozen=True)
class Edit:
    """What an edit touched, so that views redraw just those characters."""

    article_id: str
    spans: tuple[tuple[int, int], ...]
    annotation: Annotation | None
    # What else the same step touched (an undo of "+": the passage it tagged, in another
    # article), for views to redraw too.
    also: tuple[Edit, ...] = ()


class ClaimEditor:
    def __init__(self, store: AnnotationStore, corpus: Corpus) -> None:
        self.store = store
        self.corpus = corpus
        self.indexes: dict[str, ClaimIndex] = {}
        # The store's version and generation when the indexes were anchored (see catch_up).
        self.version = store.version
        self.generation = store.generation

    @classmethod
    def load(
        cls, store: AnnotationStore, corpus: Corpus, only: Collection[str] | None = None
    ) -> ClaimEditor:
        """Anchor every stored claim in the corpus (run this off the UI thread); with `only`,
        the claims of those articles only (the ones on screen: see more()).

        Changes made on the UI thread while this runs are not lost: call catch_up() on the
        UI thread before the editor is used.
        """
        editor = cls(store, corpus)
        with gc_paused():  # see gcpause.py
            for article in corpus.articles:
                if only is None or article.id in only:
                    index = ClaimIndex.of(article.text, store.of_article(article))
                    editor.indexes[article.id] = index
        return editor

    def anchor_more(self, skip: Collection[str]) -> tuple[dict[str, ClaimIndex], int]:
        """The indexes of the corpus's articles not in `skip`, and the store's version before
        they were anchored: off the UI thread, for more() to put in on the UI thread."""
        version = self.store.version
        with gc_paused():
            indexes = {
                article.id: ClaimIndex.of(article.text, self.store.of_article(article))
                for article in list(self.corpus.articles)
                if article.id not in skip
            }
        return indexes, version

    def more(self, indexes: dict[str, ClaimIndex], version: int) -> None:
        """Put in indexes anchored off the UI thread since `version` (anchor_more), then the
        changes made meanwhile (a tag on one of those articles before its claims arrived)."""
        self.indexes.update(indexes)
        self.catch_up(version)

    def catch_up(self, version: int | None = None) -> bool:
        """Bring the indexes in line with the changes made in the store since they were
        anchored (at `version`, by default the editor's own); on the UI thread. False when
        the store was reloaded from disk meanwhile, so everything must be anchored again."""
        since = self.version if version is None else version
        for ann_id, article_id in self.store.changed_since(since):
            self.resync(ann_id, article_id)
        reloaded = self.store.reloaded_since(since)
        self.version = self.store.version
        if reloaded:
            self.generation = -1  # stale(): anchored again at the next look at the disk
        return not reloaded

    def stale(self) -> bool:
        """Whether the store reloaded claims from disk since this editor anchored them."""
        return self.store.generation != self.generation

    def index(self, article: Article) -> ClaimIndex:
        return self.indexes.setdefault(article.id, ClaimIndex())

    def counts(self) -> Counter[str]:
        total: Counter[str] = Counter({tag: 0 for tag in (*TAGS, OPEN)})
        for index in self.indexes.values():
            total.update(index.counts())
        return total

    def claim(self, ann_id: str) -> tuple[Article, Claim] | None:
        annotation = self.store.get(ann_id)
        if annotation is None:
            return None
        article = self.corpus.by_id(annotation.article_id)
        if article is None:
            return None
        claim = self.index(article).get(ann_id)
        return None if claim is None else (article, claim)

    def links_to(self, ann_id: str) -> list[Annotation]:
        """The annotations whose links point at this one (the other end of a link)."""
        return self.store.linking_to(ann_id)

    def link_targets(self, claim: Claim) -> list[str]:
        """Where following a claim's links goes: the claims it links to, then the claims that
        link to it, so that a link can be followed from either end."""
        # A link to a claim since removed stays stored (an undo brings the claim back) but
        # leads nowhere: it is not followed.
        targets = [link.target for link in claim.annotation.links if self.store.get(link.target)]
        targets += [a.id for a in self.links_to(claim.id) if a.id not in targets]
        return targets

    def group(self, ann_id: str) -> ClaimGroup | None:
        """The claim (annotations joined by links, see groups.py) this annotation is part of."""
        annotation = self.store.get(ann_id)
        if annotation is None:
            return None
        titles = {a.id: a.title for a in self.corpus.articles}
        return group_of(annotation, self.store.get, self.store.linking_to, titles)

    # -- changes ---------------------------------------------------------------------------

    @property
    def me(self) -> str:
        """The annotator the reader acts as: only their claims are ever changed."""
        return self.store.annotator

    def is_mine(self, claim: Claim) -> bool:
        return claim.annotation.annotator == self.store.annotator

    def tag(self, article: Article, start: int, end: int, tag: str | None) -> Edit:
        """Tag start..end as the current annotator; tag None marks it an open claim.

        Our own claim on the same span is retagged, not duplicated. Another annotator's claim
        there is left as it is: ours is added beside it, so a verdict is only ever credited
        to whoever gave it.
        """
        index = self.index(article)
        existing = index.exactly(start, end, annotator=self.me)
        if existing is None:
            annotation = self.store.add(article, start, end, tag=tag)
        elif existing.tag == tag:
            return Edit(article.id, (), existing.annotation)
        else:
            annotation = self.store.update(existing.id, tag=tag)
        index.put(annotation, (start, end))
        return Edit(article.id, ((start, end),), annotation)

    def untag(self, article: Article, claim: Claim) -> Edit:
        self.store.remove(claim.id)
        self.index(article).discard(claim.id)
        return Edit(article.id, ((claim.start, claim.end),), None)

    def set_note(
        self, article: Article, claim: Claim, note: str, summary: str | None = None
    ) -> Edit:
        annotation = self.store.update(claim.id, note=note, summary=summary)
        self.index(article).put(annotation, (claim.start, claim.end))
        return Edit(article.id, ((claim.start, claim.end),), annotation)

    def set_record(
        self,
        group: ClaimGroup,
        *,
        summary: str | None = None,
        review: str | None = None,
        evidence: tuple[Evidence, ...] | None = None,
        on: str | None = None,
    ) -> Edit:
        """Change the claim's record (None leaves a field as it is), on this annotator's lead
        annotation of the group, or on `on`, another of their annotations in it that holds a
        record (two claims linked after each had one: both stay editable); one undoable step.
        Raises NotInClaim (a StoreError) when the annotator has no such annotation in it."""
        # The group as the store has it now: the view's copy may predate a change from disk
        # (the lead removed by another program, a link made elsewhere).
        current = next(
            (found for found in map(self.group, (a.id for a in group.members)) if found), None
        )
        lead = None if current is None else current.lead(self.me)
        if on is not None and current is not None:
            lead = next((a for a in current.members if a.id == on and a.annotator == self.me), None)
        if lead is None:
            raise NotInClaim
        annotation = self.store.update(lead.id, summary=summary, review=review, evidence=evidence)
        edit = self.resync(annotation.id, annotation.article_id)
        return edit if edit is not None else Edit(annotation.article_id, (), annotation)

    def link(self, article: Article, claim: Claim, target: Claim, relation: str) -> Edit:
        annotation = self.store.link(claim.id, target.id, relation)
        self.index(article).put(annotation, (claim.start, claim.end))
        return Edit(article.id, ((claim.start, claim.end),), annotation)

    def one_step(self) -> AbstractContextManager[None]:
        """Edits made inside are undone and redone together (see AnnotationStore.one_step)."""
        return self.store.one_step()

    def undo(self) -> Edit | None:
        return self._resync_all(self.store.undo_step())

    def redo(self) -> Edit | None:
        return self._resync_all(self.store.redo_step())

    def _resync_all(self, touched: list[Annotation]) -> Edit | None:
        """The Edit of the annotation a step changed last, with the others' in `also`."""
        edits = [edit for edit in map(self._resync, touched) if edit is not None]
        if not edits:
            return None
        return replace(edits[0], also=tuple(edits[1:]))

    def _resync(self, touched: Annotation | None) -> Edit | None:
        """Bring the index in line with the store for one annotation an undo or redo changed."""
        if touched is None:
            return None
        edit = self.resync(touched.id, touched.article_id)
        if edit is None:
            return Edit(touched.article_id, (), touched)
        return Edit(edit.article_id, edit.spans, edit.annotation or touched)

    def resync(self, ann_id: str, article_id: str) -> Edit | None:
        """Put one annotation in its article's index as the store has it now (or take it out);
        None when its article is not open."""
        article = self.corpus.by_id(article_id)
        if article is None:
            return None
        index = self.index(article)
        before = index.get(ann_id)
        spans = [] if before is None else [(before.start, before.end)]
        current = self.store.get(ann_id)
        if current is None:
            index.discard(ann_id)
        else:
            where = anchor(article.text, current)
            span = None if where is None else (where.start, where.end)
            index.put(current, span)
            if span is not None:
                spans.append(span)
        return Edit(article.id, tuple(spans), current)
