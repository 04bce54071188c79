"""A Markdown report: a summary table, then each article's claims by tag, then the orphans.

Open claims (highlighted, no verdict yet) come after the tagged ones of their article, under
"Open"; the summary has an "Open" column when the report holds any.

Text from articles and users is data, never markup. Each line of it is escaped: the ASCII
characters that start inline markup (\\ ` * _ [ ] < > # | ~ &) get a backslash, as do
block markers at the start of a line (+ - = and "1." / "1)"); leading spaces and tabs become
character references so they cannot open a code block; control characters become U+FFFD.
Every line of a quote, note and link list is written inside the block quote ("> "), and line
breaks inside a quote or note are hard breaks, so a note containing "\\n# heading" stays a
line of text in its block quote.

An article's heading links its title to the article's URL when it has an http or https one
(`## [Title](https://…)`); the title is escaped as above, and the URL is written as a URI (the
host in IDNA; spaces, angle brackets, backslashes, control and non-ASCII characters
percent-encoded) with its parentheses and `&` escaped by a backslash, so that a renderer gives
back the address and nothing in it ends the link. Other schemes (javascript:, file:) are
never linked.

An annotation that holds its claim's record (see annotations/groups.py) shows it after its
note: **Claim:** (the summary), **Review:**, and **Evidence:** (each title linked to its URL,
with its quote and note).

Links show from both ends: under "Links", `→ supports “…” (*title*)` for a link this claim
made and `← contradicted by “…” (*title*)` for one another claim made to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TextIO

from eternaut_reader.core.annotations.model import Annotation
from eternaut_reader.core.annotations.tags import OPEN, TAGS
from eternaut_reader.core.formats.base import (
    ArticleInfo,
    ExportSet,
    Item,
    article_url,
    passive,
    web_uri,
)
from eternaut_reader.core.formats.table import excerpt

__all__ = ["escape_block", "escape_inline", "link_destination", "write_markdown"]

_LEADING_SPACE = re.compile(r"^[ \t]+")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


# Control characters (C0 but tab and newline, DEL, C1) and the bidirectional embeddings,
# overrides and isolates (a quote holding U+202E would turn the "by" and the verdict after it
# around wherever the Markdown is shown) become U+FFFD, and Markdown's markup characters are
# escaped with a backslash, in one str.translate (an export of 10,000 claims escapes about
# 50,000 lines: two regex substitutions each took most of its time).
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x061C]
_ESCAPES: dict[int, str] = {
    **{c: "\ufffd" for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *_BIDI]},
    **{ord(c): "\\" + c for c in "\\`*_[]<>#|~&"},
}


def _escape_line(line: str) -> str:
    line = line.translate(_ESCAPES)
    first = line[:1]
    if first in (" ", "\t"):
        line = _LEADING_SPACE.sub(
            lambda m: m.group().replace(" ", "&#32;").replace("\t", "&#9;"), line
        )
    elif first in ("+", "-", "="):
        return "\\" + line
    elif first.isdigit():
        return _ORDERED.sub(r"\1\\\2", line)
    return line


def escape_inline(text: str) -> str:
    """One line of literal text: newlines and runs of whitespace become single spaces."""
    return _escape_line(" ".join(text.split()))


def escape_block(text: str) -> list[str]:
    """Lines of literal text; a line break inside a paragraph is kept as a hard break."""
    lines = [_escape_line(line) for line in _NEWLINES.split(text)]
    out = []
    for n, line in enumerate(lines):
        following = lines[n + 1] if n + 1 < len(lines) else ""
        out.append(line + "\\" if line and following else line)
    return out


def link_destination(url: str) -> str | None:
    """A URL as a Markdown link destination, or None if it is not an http(s) URL: written as
    a URI (base.web_uri), with the characters that would end the link or be read as an entity
    there (parentheses and &) escaped by a backslash."""
    uri = web_uri(url)
    if uri is None:
        return None
    return re.sub(r"([()&])", r"\\\1", uri)


def _heading_title(data: ExportSet, article_id: str) -> str:
    """The article's title, escaped, linked to its URL when it has one."""
    title = escape_inline(data.title(article_id))
    url = article_url(data.articles.get(article_id))
    destination = link_destination(url) if url else None
    return f"[{title}]({destination})" if destination else title


def _quoted(lines: Iterable[str]) -> list[str]:
    return [f"> {line}" if line else ">" for line in lines]


def _label(tag: str | None) -> str:
    return (OPEN if tag is None else tag).capitalize()


def _tags(data: ExportSet) -> list[str | None]:
    """The tags the report is grouped by: the three verdicts, then None (open) if any."""
    tags: list[str | None] = list(TAGS)
    if any(item.annotation.tag is None for item in data.items):
        tags.append(None)
    return tags


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ") if stamp else ""


def _entry(item: Item, data: ExportSet, *, show_tag: bool) -> list[str]:
    ann = item.annotation
    lines = escape_block(ann.quote)
    if ann.note:
        note = escape_block(ann.note)
        lines += ["", "**Note:** " + note[0], *note[1:]]
    lines += _record(ann)
    backlinks = data.linked_from(ann.id)
    if ann.links or backlinks:
        lines += ["", "**Links:**", ""]
        for link in ann.links:
            target = data.target(link)
            if target is None:
                what = f"{escape_inline(link.target)} (not in the store)"
            else:
                what = _claim_ref(target.quote, data.title(target.article_id))
            lines.append(f"- → {link.relation} {what}")
        for back in backlinks:
            what = _claim_ref(back.source.quote, data.title(back.source.article_id))
            lines.append(f"- ← {passive(back.relation)} {what}")
    about = [f"**{_label(ann.tag)}**"] if show_tag else []
    about += [
        escape_inline(ann.annotator or "unknown annotator"),
        escape_inline(_when(ann.created)),
        f"characters {ann.start}–{ann.end}",
    ]
    if item.orphan is None:
        about.append("article not in the corpus")
    elif item.orphan:
        about.append("quote not found in the current text")
    lines += ["", "— " + " · ".join(a for a in about if a)]
    return _quoted(lines)


def _record(ann: Annotation) -> list[str]:
    """The claim record this annotation holds (it leads its claim): summary, review, evidence
    (titles linked to their http(s) URLs)."""
    lines: list[str] = []
    if ann.summary:
        lines += ["", "**Claim:** " + escape_inline(ann.summary)]
    if ann.review:
        review = escape_block(ann.review)
        lines += ["", "**Review:** " + review[0], *review[1:]]
    if ann.evidence:
        lines += ["", "**Evidence:**", ""]
        for item in ann.evidence:
            destination = link_destination(item.url) if item.url else None
            label = escape_inline(item.title or item.url)
            entry = f"[{label}]({destination})" if destination else label
            if item.quote:
                entry += f" — “{escape_inline(item.quote)}”"
            if item.note:
                entry += f" — {escape_inline(item.note)}"
            lines.append(f"- {entry}")
    return lines


def _claim_ref(text: str, title: str) -> str:
    return f"“{escape_inline(excerpt(text))}” (*{escape_inline(title)}*)"


def _article_order(data: ExportSet) -> list[str]:
    present = {item.annotation.article_id for item in data.items}
    known = [a for a in data.articles if a in present]
    return known + sorted(present - set(known))


def _by_article(items: Iterable[Item]) -> dict[str, list[Item]]:
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.annotation.article_id, []).append(item)
    return groups


def _summary(data: ExportSet, order: list[str]) -> list[str]:
    tags = _tags(data)
    head = ["Article", *(_label(t) for t in tags), "Orphans", "Total"]
    lines = ["| " + " | ".join(head) + " |", "|---" + "|--:" * (len(head) - 1) + "|"]
    totals = [0] * (len(tags) + 2)
    groups = _by_article(data.items)
    for article_id in order:
        items = groups[article_id]
        counts = [sum(i.annotation.tag == t for i in items) for t in tags]
        counts += [sum(i.orphan is not False for i in items), len(items)]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        cells = [escape_inline(data.title(article_id)), *map(str, counts)]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("| **All articles** | " + " | ".join(f"**{n}**" for n in totals) + " |")
    return lines


def _facts(article: ArticleInfo | None) -> str:
    if article is None:
        return "Not in the corpus."
    facts = [article.outlet, article.date, f"language: {article.language}"]
    return escape_inline(" · ".join(f for f in facts if f))


def write_markdown(data: ExportSet, out: TextIO, tick: Callable[[], None]) -> None:
    """Every block (heading, paragraph, table, block quote) is followed by one blank line."""
    order = _article_order(data)
    count = len(data.items)
    about = f"{count} annotation{'' if count == 1 else 's'}, exported {_when(data.generated)} UTC"
    filters = "; ".join(f"{k}: {', '.join(v)}" for k, v in data.filters.items())
    if filters:
        about += f" (only {escape_inline(filters)})"
    out.write(f"# Claims report\n\n{about}.\n\n## Summary\n\n")
    out.write("\n".join(_summary(data, order)) + "\n\n")

    def entries(items: list[Item], *, show_tag: bool) -> None:
        for item in items:
            out.write("\n".join(_entry(item, data, show_tag=show_tag)) + "\n\n")
            tick()

    anchored = _by_article(i for i in data.items if i.orphan is False)
    orphans = _by_article(i for i in data.items if i.orphan is not False)
    for article_id in order:
        items = anchored.get(article_id)
        if not items:
            continue
        out.write(f"## {_heading_title(data, article_id)}\n\n")
        out.write(_facts(data.articles.get(article_id)) + "\n\n")
        for tag in _tags(data):
            tagged = [i for i in items if i.annotation.tag == tag]
            if tagged:
                out.write(f"### {_label(tag)} ({len(tagged)})\n\n")
                entries(tagged, show_tag=False)
    if orphans:
        out.write(
            "## Orphans\n\nThese claims could not be placed: their quote is no longer in "
            "their article's text, or their article is not in the corpus. They are kept as "
            "they were tagged.\n\n"
        )
        for article_id in order:
            items = orphans.get(article_id)
            if items:
                out.write(f"### {_heading_title(data, article_id)}\n\n")
                entries(items, show_tag=True)
