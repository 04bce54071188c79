"""Search across all articles: one prompt, the matches listed by article with their context;
Enter opens the match in the focused pane, with the search kept there (n and N go on)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from eternaut_reader.core.terminal import safe
from eternaut_reader.core.text.corpus import Corpus
from eternaut_reader.core.text.display import counted
from eternaut_reader.core.text.finder import ArticleMatches, search_articles
from eternaut_reader.ui.keys import key_hint, keyed
from eternaut_reader.ui.widgets.hint_line import HintLine
from eternaut_reader.ui.widgets.safe_inputs import SafeInput

PER_ARTICLE = 50  # matches listed per article (the count says how many there are)
DELAY = 0.15  # seconds of quiet typing before the articles are searched


@dataclass(frozen=True)
class MatchChoice:
    """What the screen dismisses with: a match to open."""

    article_id: str
    start: int
    end: int
    query: str


@keyed("Dialogs")
class SearchAllScreen(ModalScreen[MatchChoice | None]):
    DEFAULT_CSS = """
    SearchAllScreen { align: center middle; }
    #search-all-dialog {
        width: 95%; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    #search-all-list { height: 1fr; }
    #search-all-status, #search-all-help { color: $text-muted; }
    """

    BINDINGS = [
        Binding(
            "enter",
            "choose",
            "Search all: open the match in the focused pane",
            id="search-all.open",
        ),
        Binding(
            "down",
            "move(1)",
            "Search all: next match in the list",
            id="search-all.down",
            show=False,
        ),
        Binding(
            "up",
            "move(-1)",
            "Search all: previous match in the list",
            id="search-all.up",
            show=False,
        ),
        Binding("escape", "close", "Search all: close without opening", id="search-all.close"),
    ]

    @dataclass
    class Found(Message):
        query: str
        results: list[ArticleMatches]

    def __init__(self, corpus: Corpus, query: str = "") -> None:
        super().__init__()
        self.corpus = corpus
        self.initial = query
        self.query_text = ""
        self._timer: Timer | None = None
        self._choices: dict[str, MatchChoice] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="search-all-dialog"):
            yield Static(
                f"Search all {counted(len(self.corpus.articles), 'article')}",
                id="search-all-title",
            )
            yield SafeInput(self.initial, placeholder="a word or phrase", id="search-all-query")
            yield Static("", id="search-all-status")
            yield OptionList(id="search-all-list")
            yield HintLine(
                f"{key_hint(self.app, 'search-all.open')} opens the match in the focused pane · "
                f"{key_hint(self.app, 'search-all.up', 'search-all.down')} move · "
                f"{key_hint(self.app, 'search-all.close')} close",
                id="search-all-help",
            )

    def on_mount(self) -> None:
        self.query_one("#search-all-query", Input).focus()
        if self.initial:
            self._search(self.initial)

    @on(Input.Changed, "#search-all-query")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self._timer = self.set_timer(DELAY, lambda: self._search(query))

    @on(Input.Submitted, "#search-all-query")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value != self.query_text:
            self._search(event.value)  # Enter before the pause: search now, choose after
        else:
            self.action_choose()

    @work(thread=True, exclusive=True, group="search-all")
    def _search(self, query: str) -> None:
        from textual.worker import get_current_worker

        from eternaut_reader.core.text.search import SearchCancelled

        worker = get_current_worker()
        try:
            results = search_articles(
                self.corpus.articles,
                query,
                per_article=PER_ARTICLE,
                cancel=lambda: worker.is_cancelled,
            )
        except SearchCancelled:
            return
        self.post_message(self.Found(query, results))

    def on_search_all_screen_found(self, message: SearchAllScreen.Found) -> None:
        self.query_text = message.query
        options = self.query_one("#search-all-list", OptionList)
        options.clear_options()
        self._choices = {}
        rows: list[Option] = []
        for found in message.results:
            article = self.corpus.by_id(found.article_id)
            if article is None:
                continue
            more = f" (first {len(found.hits)} shown)" if found.total > len(found.hits) else ""
            # Named as the panes and the same-fact panel name it (place, language, title,
            # outlet when known), never by its id, which the user never sees elsewhere.
            place = self.corpus.place(article.id)
            outlet = f" — {article.outlet}" if article.outlet else ""
            heading = Text(
                safe(f"{place} [{article.language.upper()}] {article.title}{outlet}: "),
                style="bold",
            )
            heading.append(f"{found.total} match{'es' if found.total != 1 else ''}{more}")
            rows.append(Option(heading, disabled=True))
            for number, hit in enumerate(found.hits):
                key = f"{found.article_id}:{number}"
                self._choices[key] = MatchChoice(
                    found.article_id, hit.start, hit.end, message.query
                )
                line = Text("   ")
                line.append(safe(hit.before))
                line.append(safe(hit.match), style="reverse")
                line.append(safe(hit.after))
                rows.append(Option(line, id=key))
        options.add_options(rows)
        total = sum(f.total for f in message.results)
        status = self.query_one("#search-all-status", Static)
        if not message.query:
            status.update("")
        elif not total:
            status.update(Text(safe(f"No match for {message.query!r}")))
        else:
            status.update(
                Text(
                    safe(
                        f"{counted(total, 'match', 'matches')} of {message.query!r} in "
                        f"{len(message.results)} of {counted(len(self.corpus.articles), 'article')}"
                    )
                )
            )
        first = next((n for n, row in enumerate(rows) if not row.disabled), None)
        if first is not None:
            options.highlighted = first

    @on(OptionList.OptionSelected, "#search-all-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id in self._choices:
            self.dismiss(self._choices[event.option.id])

    def action_move(self, step: int) -> None:
        options = self.query_one("#search-all-list", OptionList)
        if not options.option_count:
            return
        index = options.highlighted if options.highlighted is not None else -step
        for _ in range(options.option_count):
            index = (index + step) % options.option_count
            if not options.get_option_at_index(index).disabled:
                options.highlighted = index
                return

    def action_choose(self) -> None:
        options = self.query_one("#search-all-list", OptionList)
        if options.highlighted is None or not options.option_count:
            return
        key = options.get_option_at_index(options.highlighted).id
        if key in self._choices:
            self.dismiss(self._choices[key])

    def action_close(self) -> None:
        self.dismiss(None)
