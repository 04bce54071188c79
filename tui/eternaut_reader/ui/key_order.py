"""Keys in the order they were typed, even when they arrive in one burst.

Textual hands a key to the focused widget's queue and goes on to the next key at once. When
keys arrive together (tmux send-keys, a macro, a fast typist on a slow machine), a key that
opens a dialog or moves the focus has not been handled yet when the keys after it are handed
on, so they go to the old widget: "c Enter note Ctrl+S" tags, then types "note" into the
pane (where n, o, t and e are commands) and saves an empty note. A priority binding is worse
still: Ctrl+S runs before the text typed just ahead of it has reached the field.

So a key that arrives while the screen is still busy with the keys before it (a message
waiting in any of its widgets' queues) waits, and goes on once they are all handled. A key
never waits longer than MAX_WAIT: if something keeps posting messages, keys flow as Textual
would send them.

A paste (bracketed paste: one Paste event for the whole text) waits in the same line: typed
"/bri" and pasted "dge" read "/dgebri" while the keys were held and the paste was not (found
by an outside tester, in the search prompt and in the note editor).
"""

from __future__ import annotations

from collections import deque
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App

POLL = 0.002  # seconds between looks at the queues while keys wait
MAX_WAIT = 0.25  # the longest the first key in line waits for the screen to be done


class KeyOrder:
    """Holds keys back while the screen is busy; the app asks `admit` for every key."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.held: deque[events.Key | events.Paste] = deque()
        self.draining = False
        # When the key now first in line got there: MAX_WAIT counts from then, not from when
        # it arrived, or a long burst would be let through all at once once the first key
        # had waited long enough.
        self.front_since = 0.0

    def busy(self) -> bool:
        """Whether a message waits in the app's queue, the screen's or any widget's on it.

        The app's own queue counts: a dialog just pushed gets its focus from there, so a key
        handed on before that would reach the screen behind it."""
        from textual.app import ScreenStackError

        if not self.app._message_queue.empty():
            return True
        try:
            screen = self.app.screen
        except ScreenStackError:  # before the first screen, or after the last
            return False
        return any(not node._message_queue.empty() for node in screen.walk_children(with_self=True))

    def admit(self, event: events.Key | events.Paste) -> bool:
        """True: hand the key (or paste) on now. False: it is held and will be handed on in
        order."""
        if not self.draining and not self.busy():
            return True
        self.held.append(event)
        if not self.draining:
            self.draining = True
            self.front_since = monotonic()
            self.app.set_timer(POLL, self._drain)
        return False

    async def _drain(self) -> None:
        from textual.app import App

        while self.held:
            if self.busy() and monotonic() - self.front_since < MAX_WAIT:
                self.app.set_timer(POLL, self._drain)
                return
            await App.on_event(self.app, self.held[0])  # Textual's own handling, in order
            # Taken off only now: a key arriving while this one was handled waits behind it.
            self.held.popleft()
            self.front_since = monotonic()
        self.draining = False
