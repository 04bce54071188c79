"""The report as Markdown (CommonMark with GitHub's tables), for pasting into a CMS.

Every string from the data goes through the exports' own escaping (formats/markdown.py:
escape_inline for one line and table cells, escape_block for notes, quotes and reviews), and
links only ever point at http(s) URLs (link_destination), so nothing in a quote, a note or a
title becomes markup or a link of its own.
"""

from __future__ import annotations

from eternaut_reader.core.analysis.matrix import LEGEND as MATRIX_LEGEND
from eternaut_reader.core.annotations.groups import verdict_label
from eternaut_reader.core.formats.markdown import escape_block, escape_inline, link_destination
from eternaut_reader.core.report.model import ClaimEntry, Disagreement, Report, Source

__all__ = ["render_markdown"]


def _link(text: str, url: str | None) -> str:
    """Escaped text, linked to url when it is an http(s) URL."""
    destination = link_destination(url) if url else None
    shown = escape_inline(text)
    return f"[{shown}]({destination})" if destination else shown


def _source(source: Source) -> str:
    """**[2] Title** (linked) — outlet · date · language."""
    label = _link(source.label, source.url)
    facts = escape_inline(source.facts)
    return f"**{label}**" + (f" — {facts}" if facts else "")


def _indented(lines: list[str], prefix: str = "  ") -> list[str]:
    return [prefix + line if line else "" for line in lines]


def _quote(text: str, prefix: str = "") -> list[str]:
    return [f"{prefix}> {line}" if line else f"{prefix}>" for line in escape_block(text)]


def _people(names: list[str]) -> str:
    return ", ".join(escape_inline(n or "unknown") for n in names)


def _header(report: Report) -> list[str]:
    lines = [f"# {escape_inline(report.title)}", ""]
    about = f"Generated {escape_inline(report.when)} by eternaut-reader"
    if report.publisher:
        about += f" for {escape_inline(report.publisher)}"
    about += f" · annotators: {_people(report.annotators) or 'none'}"
    lines += [about + ".", ""]
    if report.filters:
        only = "; ".join(f"{k}: {', '.join(v)}" for k, v in report.filters.items())
        lines += [f"Only {escape_inline(only)}.", ""]
    count = len(report.sources)
    lines += [f"**The story, in {count} report{'s' if count != 1 else ''}:**", ""]
    for source in report.sources:
        lines.append(f"- {_source(source)}")
    lines.append("")
    if report.elsewhere:
        lines += ["**Also cited, not in the corpus:**", ""]
        lines += [f"- {escape_inline(s.title)}" for s in report.elsewhere]
        lines.append("")
    counts = " · ".join(f"{n} {verdict_label(v)}" for v, n in report.counts().items())
    claims = len(report.claims)
    lines += [f"**{claims} claim{'s' if claims != 1 else ''}:** {counts}", ""]
    for notice in report.notices:
        lines += [f"*{escape_inline(notice)}*", ""]
    return lines


def _disagreement(item: Disagreement) -> list[str]:
    left, right = item.left, item.right
    rows = [
        [
            "",
            _link(left.source.label, left.source.url),
            _link(right.source.label, right.source.url),
        ],
        ["---", "---", "---"],
        ["**says**", escape_inline(left.text), escape_inline(right.text)],
        ["**verdict**", escape_inline(left.verdict), escape_inline(right.verdict)],
    ]
    rows += [
        [f"**{escape_inline(v.what)}**", escape_inline(v.left), escape_inline(v.right)]
        for v in item.values
    ]
    lines = ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    why = "; ".join(item.reasons)
    return [*lines, "", f"*Why side by side: {escape_inline(why)}.*", ""]


def _claim(claim: ClaimEntry) -> list[str]:
    lines = [f"### {claim.number}. {escape_inline(claim.headline)}", ""]
    lines += [f"**Verdict: {claim.label}** — {escape_inline(claim.reason)}.", ""]
    lines += ["**What the reports say**", ""]
    for statement in claim.statements:
        about = f"{statement.verdict} by {escape_inline(statement.annotator or 'unknown')}"
        if statement.placed is False:
            about += " · quote no longer found in the text"
        lines.append(f"- {_source(statement.source)} — {about}")
        lines += ["", *_quote(statement.quote, "  "), ""]
    if claim.conflicts:
        lines += ["**Where the reports conflict**", ""]
        for item in claim.conflicts:
            lines += _disagreement(item)
        if claim.more_conflicts:
            lines += [f"*And {claim.more_conflicts} more pairs.*", ""]
    if claim.notes:
        lines += ["**Notes**", ""]
        for note in claim.notes:
            body = escape_block(note.text)
            who = escape_inline(f"{note.annotator or 'unknown'} on {note.source.label}")
            lines += [f"- *{who}:* {body[0]}", *_indented(body[1:]), ""]
    if claim.reviews:
        lines += ["**Review**", ""]
        for annotator, review in claim.reviews:
            lines += [*_quote(review), ">", f"> — {escape_inline(annotator or 'unknown')}", ""]
    if claim.evidence:
        lines += ["**Evidence**", ""]
        for annotator, piece in claim.evidence:
            entry = _link(piece.title or piece.url, piece.url or None)
            if piece.quote:
                entry += f" — “{escape_inline(piece.quote)}”"
            if piece.note:
                entry += f" — {escape_inline(piece.note)}"
            entry += f" *(added by {escape_inline(annotator or 'unknown')})*"
            lines.append(f"- {entry}")
        lines.append("")
    return lines


def _table(head: list[str], rows: list[list[str]], align: list[str]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _scorecard(report: Report) -> list[str]:
    head = ["Report", "Claims tagged", "✓ confirmed", "? speculative", "✗ contradicted", "○ open"]
    head.append("Only this report")
    rows = [
        [
            escape_inline(next(s.label for s in report.sources if s.id == score.article_id)),
            str(score.claims),
            str(score.confirmed),
            str(score.speculative),
            str(score.contradicted),
            str(score.open),
            str(score.alone),
        ]
        for score in report.scores
    ]
    intro = (
        "Per report: the claims it states, how its passages were tagged, and the claims no "
        "other report makes."
    )
    return ["## Source scorecard", "", intro, "", *_table(head, rows, ["---"] + ["--:"] * 6)]


def _matrix(report: Report) -> list[str]:
    head = ["#", "Claim", *(str(s.number) for s in report.sources)]
    rows = [[str(line.number), escape_inline(line.summary), *line.marks] for line in report.matrix]
    align = ["--:", "---", *([":-:"] * len(report.sources))]
    intro = "One row per claim, one column per report (numbered as above)."
    return [
        "## Claim × report matrix",
        "",
        intro,
        "",
        *_table(head, rows, align),
        escape_inline(MATRIX_LEGEND),
        "",
    ]


def render_markdown(report: Report) -> str:
    """The whole report; every block is followed by one blank line."""
    lines = _header(report)
    lines += ["## Claims", ""]
    if not report.claims:
        lines += ["No claims.", ""]
    for claim in report.claims:
        lines += _claim(claim)
    lines += _scorecard(report)
    lines += _matrix(report)
    return "\n".join(lines).rstrip("\n") + "\n"
