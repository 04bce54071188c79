"""Tab and Shift+Tab in a form: the next and the previous field, as the key arrives.

Textual moves focus on Tab only after the focused field has seen the key and let it bubble
up; keys that arrived in the same burst (tmux send-keys, a macro, a terminal without
bracketed paste pasting a tab) have by then been handed to the old field, so "Title<Tab>Note"
typed at once ends up as "TitleNote" in one field. As priority bindings they are handled
before any later key is handed on. The fields of our forms never take a tab themselves.
"""

from __future__ import annotations

from textual.binding import Binding

FIELD_KEYS = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]
