"""The report as one self-contained HTML file: readable on a phone, printable, light or dark.

What the file guarantees, whatever the data holds:

- no script, no event handler, nothing fetched: the CSS is inline and refers to nothing
  outside (no fonts, images, @import or url()), and a Content-Security-Policy meta tag
  (default-src 'none') would stop anything that slipped in;
- the only links are <a href> to the articles and the evidence, http or https only
  (base.web_uri), attribute values always quoted and escaped;
- every string from the data is escaped (html.escape), control characters become U+FFFD,
  and multi-line text keeps its lines through CSS (white-space), never through markup;
- verdicts read without colour: a glyph and a word ("✗ contradicted"), colour only adds.
"""

from __future__ import annotations

import html
import re

from eternaut_reader.core.analysis.matrix import LEGEND as MATRIX_LEGEND
from eternaut_reader.core.annotations.groups import verdict_label
from eternaut_reader.core.formats.base import web_uri
from eternaut_reader.core.report.model import ClaimEntry, Disagreement, Report, Source

__all__ = ["CSS", "render_html"]

# C0 (but tab and newline), DEL, C1 and lone surrogates: not text, in any document; and the
# bidirectional embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069, U+061C): a quote holding U+202E must not turn the verdict
# or the name that follow it around. Right-to-left text itself needs none of them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\u061c]")

CSS = """
:root {
  color-scheme: light dark;
  --ink: #1d1d1f; --muted: #5b5e66; --paper: #ffffff; --panel: #f5f5f7; --line: #d9dbe0;
  --link: #1a55b8;
  --confirmed: #1b6b3a; --speculative: #8a5a00; --contradicted: #b3261e;
  --mixed: #6a3fb5; --open: #5b5e66;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e8e8ea; --muted: #a4a7b0; --paper: #16171a; --panel: #202226; --line: #3a3d44;
    --link: #8ab4ff;
    --confirmed: #6fd394; --speculative: #f0c060; --contradicted: #ff8a80;
    --mixed: #c6a6ff; --open: #a4a7b0;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--paper); color: var(--ink);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif;
}
main { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 1.35rem; margin: 2.4rem 0 .8rem; padding-bottom: .3rem;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 1.12rem; line-height: 1.35; margin: 0 0 .5rem; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
  margin: 1.1rem 0 .4rem; }
p { margin: .4rem 0; }
a { color: var(--link); overflow-wrap: anywhere; }
.meta, .facts, .who, .why, .legend { color: var(--muted); font-size: .88rem; }
.reports { padding-left: 1.3rem; }
.reports li { margin: .25rem 0; }
.totals { display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; list-style: none; }
.claim { border: 1px solid var(--line); border-radius: .6rem; padding: 1rem 1.1rem;
  margin: 1rem 0; background: var(--paper); }
.claim > header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline;
  justify-content: space-between; }
.num { color: var(--muted); font-weight: 600; margin-right: .3rem; }
.verdict { display: inline-block; white-space: nowrap; font-weight: 600; font-size: .85rem;
  border: 1.5px solid currentColor; border-radius: 1rem; padding: 0 .6rem; }
.v-confirmed { color: var(--confirmed); }
.v-speculative { color: var(--speculative); }
.v-contradicted { color: var(--contradicted); }
.v-mixed { color: var(--mixed); }
.v-open, .v-untagged { color: var(--open); }
.v-untagged { border-style: dashed; }
.reason { margin: .2rem 0 .6rem; }
.statements { list-style: none; padding: 0; margin: 0; }
.statements > li { margin: .6rem 0; }
blockquote { margin: .35rem 0; padding: .35rem .8rem; border-left: 3px solid var(--line);
  background: var(--panel); font-family: Georgia, "Iowan Old Style", "Times New Roman", serif;
  white-space: pre-line; overflow-wrap: anywhere; }
.text { white-space: pre-line; overflow-wrap: anywhere; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem; margin: .5rem 0; }
.side { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .7rem; }
.side blockquote { margin: .4rem 0; }
.conflict { margin: .8rem 0 1.2rem; }
.values { border-collapse: collapse; width: 100%; font-size: .92rem; }
.values th, .values td { text-align: left; padding: .2rem .4rem;
  border-bottom: 1px solid var(--line); vertical-align: top; }
.values .what { color: var(--muted); font-weight: 600; width: 20%; }
.values td { width: 40%; }
.evidence li, .notes li { margin: .35rem 0; }
.scroll { overflow-x: auto; }
table.grid { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: .35rem .5rem;
  vertical-align: top; }
table.grid thead th { text-align: left; background: var(--panel); vertical-align: bottom; }
table.grid tbody th { text-align: left; font-weight: 500; min-width: 10rem; }
table.grid td.n, table.grid th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.grid td.mark, table.grid th.mark { text-align: center; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 36rem) {
  main { padding: 1rem .8rem 2rem; }
  h1 { font-size: 1.5rem; }
  .sides { grid-template-columns: 1fr; }
  .claim { padding: .8rem; }
}
@media print {
  :root { --ink: #000; --muted: #333; --paper: #fff; --panel: #fff; --line: #999;
    --link: #000; --confirmed: #000; --speculative: #000; --contradicted: #000;
    --mixed: #000; --open: #000; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .claim, .conflict, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { text-decoration: none; }
  a.out::after { content: " <" attr(href) ">"; font-size: .8em; color: #333; }
  .scroll { overflow: visible; }
}
""".strip()

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _e(text: str) -> str:
    """Text (or an attribute value) escaped; control characters as U+FFFD."""
    return html.escape(_CONTROL.sub("\ufffd", text), quote=True)


def _link(text: str, url: str | None) -> str:
    """Escaped text, linked when url is an http(s) URI (Source.url and evidence URLs are
    checked before they get here; checked again all the same)."""
    uri = web_uri(url) if url else None
    if not uri:
        return _e(text)
    return f'<a class="out" href="{_e(uri)}" rel="noopener noreferrer">{_e(text)}</a>'


def _verdict(verdict: str) -> str:
    """A verdict pill: glyph and word, coloured by class."""
    return f'<span class="verdict v-{_e(verdict)}">{_e(verdict_label(verdict))}</span>'


def _passage_verdict(tag: str | None, annotator: str | None) -> str:
    if annotator is None:
        return '<span class="verdict v-untagged">not tagged</span>'
    return _verdict(tag or "open")


def _lang(source: Source) -> str:
    return f' lang="{_e(source.language)}"' if source.language else ""


def _source(source: Source) -> str:
    facts = f' <span class="facts">{_e(source.facts)}</span>' if source.facts else ""
    return f"<strong>{_link(source.label, source.url)}</strong>{facts}"


def _header(report: Report) -> list[str]:
    out = ["<header>", f"<h1>{_e(report.title)}</h1>"]
    about = f"Generated {_e(report.when)} by eternaut-reader"
    if report.publisher:
        about += f" for {_e(report.publisher)}"
    names = ", ".join(_e(n) for n in report.annotators) or "none"
    out.append(f'<p class="meta">{about} · annotators: {names}</p>')
    if report.filters:
        only = "; ".join(f"{k}: {', '.join(v)}" for k, v in report.filters.items())
        out.append(f'<p class="meta">Only {_e(only)}.</p>')
    count = len(report.sources)
    out.append(f"<h4>The story, in {count} report{'s' if count != 1 else ''}</h4>")
    out.append('<ul class="reports">')
    out += [f"<li>{_source(s)}</li>" for s in report.sources]
    out.append("</ul>")
    if report.elsewhere:
        out.append('<h4>Also cited, not in the corpus</h4><ul class="reports">')
        out += [f"<li>{_e(s.title)}</li>" for s in report.elsewhere]
        out.append("</ul>")
    claims = len(report.claims)
    out.append(f"<h4>{claims} claim{'s' if claims != 1 else ''}</h4>")
    out.append('<ul class="totals">')
    out += [f"<li>{n} {_verdict(v)}</li>" for v, n in report.counts().items()]
    out.append("</ul>")
    out += [f'<p class="meta"><em>{_e(n)}</em></p>' for n in report.notices]
    out.append("</header>")
    return out


def _side(passage_source: Source, text: str, verdict: str) -> str:
    return (
        f'<div class="side"><div>{_link(passage_source.label, passage_source.url)}</div>'
        f'<blockquote dir="auto"{_lang(passage_source)}>{_e(text)}</blockquote>'
        f"<div>{verdict}</div></div>"
    )


def _disagreement(item: Disagreement) -> list[str]:
    left, right = item.left, item.right
    out = ['<div class="conflict">', '<div class="sides">']
    out.append(_side(left.source, left.text, _passage_verdict(left.tag, left.annotator)))
    out.append(_side(right.source, right.text, _passage_verdict(right.tag, right.annotator)))
    out.append("</div>")
    if item.values:
        out.append('<table class="values"><thead><tr><th scope="col">value</th>')
        out.append(f'<th scope="col" title="{_e(left.source.title)}">{_e(left.source.short)}</th>')
        out.append(
            f'<th scope="col" title="{_e(right.source.title)}">{_e(right.source.short)}</th>'
            "</tr></thead><tbody>"
        )
        out += [
            f'<tr><th scope="row" class="what">{_e(v.what)}</th><td>{_e(v.left)}</td>'
            f"<td>{_e(v.right)}</td></tr>"
            for v in item.values
        ]
        out.append("</tbody></table>")
    out.append(f'<p class="why">Why side by side: {_e("; ".join(item.reasons))}.</p>')
    out.append("</div>")
    return out


def _claim(claim: ClaimEntry) -> list[str]:
    out = [f'<article class="claim" id="claim-{claim.number}">', "<header>"]
    out.append(
        f'<h3><span class="num">{claim.number}.</span>'
        f'<span class="text" dir="auto">{_e(claim.headline)}</span></h3>'
    )
    out.append(_verdict(claim.verdict))
    out.append("</header>")
    out.append(f'<p class="reason">{_e(claim.reason)}.</p>')
    out.append("<h4>What the reports say</h4>")
    out.append('<ul class="statements">')
    for s in claim.statements:
        who = f"{_passage_verdict(s.tag, s.annotator)} "
        who += f'<span class="who">by {_e(s.annotator or "unknown")}'
        if s.placed is False:
            who += " · quote no longer found in the text"
        who += "</span>"
        out.append(
            f"<li><div>{_source(s.source)}</div>"
            f'<blockquote dir="auto"{_lang(s.source)}>{_e(s.quote)}</blockquote>'
            f"<div>{who}</div></li>"
        )
    out.append("</ul>")
    if claim.conflicts:
        out.append("<h4>Where the reports conflict</h4>")
        for item in claim.conflicts:
            out += _disagreement(item)
        if claim.more_conflicts:
            out.append(f'<p class="why">And {claim.more_conflicts} more pairs.</p>')
    if claim.notes:
        out.append('<h4>Notes</h4><ul class="notes">')
        out += [
            f'<li><span class="who">{_e(n.annotator or "unknown")} on {_e(n.source.label)}:'
            f'</span> <span class="text" dir="auto">{_e(n.text)}</span></li>'
            for n in claim.notes
        ]
        out.append("</ul>")
    if claim.reviews:
        out.append("<h4>Review</h4>")
        for annotator, review in claim.reviews:
            out.append(
                f'<div class="review"><p class="text" dir="auto">{_e(review)}</p>'
                f'<p class="who">— {_e(annotator or "unknown")}</p></div>'
            )
    if claim.evidence:
        out.append('<h4>Evidence</h4><ul class="evidence">')
        for annotator, piece in claim.evidence:
            entry = f"<strong>{_link(piece.title or piece.url, piece.url or None)}</strong>"
            if piece.quote:
                entry += f'<blockquote dir="auto">{_e(piece.quote)}</blockquote>'
            if piece.note:
                entry += f'<div class="text" dir="auto">{_e(piece.note)}</div>'
            entry += f'<div class="who">added by {_e(annotator or "unknown")}</div>'
            out.append(f"<li>{entry}</li>")
        out.append("</ul>")
    out.append("</article>")
    return out


def _scorecard(report: Report) -> list[str]:
    labels = {s.id: s.label for s in report.sources}
    head = (
        '<tr><th scope="col">Report</th><th scope="col" class="n">Claims tagged</th>'
        '<th scope="col" class="n">✓ confirmed</th><th scope="col" class="n">? speculative</th>'
        '<th scope="col" class="n">✗ contradicted</th><th scope="col" class="n">○ open</th>'
        '<th scope="col" class="n">Only this report</th></tr>'
    )
    rows = [
        f'<tr><th scope="row">{_e(labels.get(s.article_id, s.title))}</th>'
        + "".join(
            f'<td class="n">{n}</td>'
            for n in (s.claims, s.confirmed, s.speculative, s.contradicted, s.open, s.alone)
        )
        + "</tr>"
        for s in report.scores
    ]
    return [
        '<section id="scorecard"><h2>Source scorecard</h2>',
        "<p>Per report: the claims it states, how its passages were tagged, and the claims no "
        "other report makes.</p>",
        '<div class="scroll"><table class="grid">',
        f"<thead>{head}</thead><tbody>",
        *rows,
        "</tbody></table></div></section>",
    ]


def _matrix(report: Report) -> list[str]:
    head = '<tr><th scope="col" class="n">#</th><th scope="col">Claim</th>'
    head += "".join(
        f'<th scope="col" class="mark" title="{_e(s.title)}">{s.number}</th>'
        for s in report.sources
    )
    head += "</tr>"
    rows = [
        f'<tr><td class="n">{line.number}</td>'
        f'<td dir="auto">{_e(line.summary)}</td>'
        + "".join(f'<td class="mark">{_e(mark)}</td>' for mark in line.marks)
        + "</tr>"
        for line in report.matrix
    ]
    return [
        '<section id="matrix"><h2>Claim × report matrix</h2>',
        "<p>One row per claim, one column per report (numbered as above).</p>",
        '<div class="scroll"><table class="grid">',
        f"<thead>{head}</thead><tbody>",
        *rows,
        "</tbody></table></div>",
        f'<p class="legend">{_e(MATRIX_LEGEND)}</p></section>',
    ]


def render_html(report: Report) -> str:
    """The whole report as one HTML document (UTF-8)."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(_POLICY)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="eternaut-reader">',
        f"<title>{_e(report.title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    out += _header(report)
    out.append('<section id="claims"><h2>Claims</h2>')
    if not report.claims:
        out.append("<p>No claims.</p>")
    for claim in report.claims:
        out += _claim(claim)
    out.append("</section>")
    out += _scorecard(report)
    out += _matrix(report)
    out.append(
        f"<footer>Made with eternaut-reader on {_e(report.when)}. Verdicts: ✓ confirmed · ? "
        "speculative · ✗ contradicted · ± mixed (the reports disagree) · ○ open (not yet "
        "judged).</footer>"
    )
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
