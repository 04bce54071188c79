"""Child process for bench_reader.py: run an app headless, print seconds since the parent's t0.

usage: python _startup_child.py {bare|reader|ready|quit} T0 [PATH...]

"First screen" is Textual's own Ready event, posted once the first frame has been composited,
for both apps. For the reader it must also show article text in every pane (otherwise the
next frame that does is taken); "ready" waits until every pane is segmented as well (`G`
works and a claim can be tagged). "quit" presses `q` as soon as the first screen shows, while
the article is still loading, and prints the time.time() of that press: the parent measures
how long the process takes to end after it. The last line also carries the peak RSS in MiB.
"""

from __future__ import annotations

import resource
import sys
import time

MODE, T0, PATHS = sys.argv[1], float(sys.argv[2]), sys.argv[3:]

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Static  # noqa: E402


def rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report_and_exit(app: App) -> None:
    if getattr(app, "_reported", False):
        return
    app._reported = True  # type: ignore[attr-defined]
    if MODE == "quit":
        app._quit_at = time.time()  # type: ignore[attr-defined]
        app.call_next(app.run_action, "quit")
        return
    sys.__stdout__.write(f"{time.time() - T0:.4f} {rss():.1f}\n")
    sys.__stdout__.flush()
    app.exit()


class Bare(App[None]):
    """The baseline: a bare Textual app showing one line of text."""

    def compose(self) -> ComposeResult:
        yield Static("hello")

    def on_ready(self) -> None:
        report_and_exit(self)


def reader() -> App[None]:
    from eternaut_reader import load_corpus
    from eternaut_reader.ui.app import ReaderApp
    from eternaut_reader.ui.widgets.pane import ArticlePane

    class Timed(ReaderApp):
        def _done(self) -> bool:
            views = list(self.screen.query(ArticlePane))
            shown = bool(views) and all(v._index is not None for v in views)
            return shown and (MODE != "ready" or all(v.ready for v in views))

        def on_ready(self) -> None:
            if self._done():
                report_and_exit(self)
            else:
                self.set_interval(0.002, self._check)

        def _check(self) -> None:
            if self._done():
                self.call_after_refresh(report_and_exit, self)

    return Timed(load_corpus(PATHS))


app = Bare() if MODE == "bare" else reader()
app.run(headless=True, size=(160, 45))
if MODE == "quit":
    sys.__stdout__.write(f"{getattr(app, '_quit_at', time.time()):.4f} {rss():.1f}\n")
    sys.__stdout__.flush()
