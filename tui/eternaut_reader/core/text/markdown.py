"""A Markdown article as the plain text a reader reads.

A report saved as `.md` is read as its text, not its markup: "# Big fire in Milan" is the
headline "Big fire in Milan", "**fire**" is "fire", "[the agency](https://…)" is "the agency"
(an outside tester saw every "#", "**" and link target in the pane, where a claim's quote
took them in). Headings, paragraphs, quotations and code blocks become paragraphs separated
by blank lines; list items become lines of their own that start with "- ". The parsing is
markdown-it-py's (CommonMark), the same library rich renders Markdown with.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["markdown_text"]

_BLOCKS_WITH_TEXT = frozenset({"inline", "code_block", "fence", "html_block"})


def markdown_text(source: str) -> str:
    """The text of a Markdown document: its blocks, each on a line, a blank line between
    paragraphs and none between the items of a list."""
    tokens = MarkdownIt("commonmark").parse(source)
    blocks: list[tuple[bool, str]] = []  # (an item of a list, its text)
    depth = 0  # lists open around the current token
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type in _BLOCKS_WITH_TEXT:
            text = _inline(token) if token.type == "inline" else token.content.strip("\n")
            if text.strip():
                blocks.append((depth > 0, ("- " + text) if depth > 0 else text))
    out: list[str] = []
    for n, (item, text) in enumerate(blocks):
        if n:
            out.append("\n" if item and blocks[n - 1][0] else "\n\n")
        out.append(text)
    return "".join(out) + ("\n" if out else "")


def _inline(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)  # its alternative text
    return "".join(parts).strip()
