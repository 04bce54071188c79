"""Messages between the panes, the main screen and the app ("attributes down, messages up")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from eternaut_reader.core.claims import Claim
    from eternaut_reader.ui.annotator import Change
    from eternaut_reader.ui.widgets.article_view import ArticleView


class ClaimsChanged(Message):
    """A claim was added, retagged, noted, linked, removed, undone or redone."""

    def __init__(self, change: Change) -> None:
        super().__init__()
        self.change = change


class NoteRequested(Message):
    def __init__(self, pane: ArticleView, claim: Claim) -> None:
        super().__init__()
        self.pane = pane
        self.claim = claim


class LinkRequested(Message):
    def __init__(self, pane: ArticleView, claim: Claim) -> None:
        super().__init__()
        self.pane = pane
        self.claim = claim


class FollowRequested(Message):
    def __init__(self, pane: ArticleView, target_id: str) -> None:
        super().__init__()
        self.pane = pane
        self.target_id = target_id


class SaveState(Message):
    """The store's writer reports "saving", "saved" or an error (posted from its thread)."""

    def __init__(self, state: str) -> None:
        super().__init__()
        self.state = state


class AnnotatorReady(Message):
    def __init__(self, annotator: object) -> None:
        super().__init__()
        self.annotator = annotator
