"""HTML renderings: one self-contained page, and the notebook view.

The page leads with a summary (findings by kind and severity, the documents and outlets read),
then each finding as a one-line verdict with its sources (outlet, title, link), its fact's chart
(inline SVG, :mod:`reconcile.report.chart`) and its detail folded in a ``<details>``; then each
fact with its chart and claims. Findings can be filtered by kind and severity with checkboxes
and CSS alone (``#show-k-…:not(:checked) ~ main .k-…``), so the page needs no script; it prints
without the filters.

All text is escaped; the page's Content-Security-Policy forbids scripts; only ``http``/``https``
addresses become links (:mod:`reconcile.report.links`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from reconcile.model import SEVERITIES, Claim, Document, Evidence, Fact, Finding
from reconcile.report.chart import svg_chart
from reconcile.report.formatting import escape, format_interval, one_line
from reconcile.report.links import safe_url
from reconcile.report.verdicts import fact_line

if TYPE_CHECKING:
    from reconcile.report.report import Report

#: The page's Content-Security-Policy: no script, no fetch; inline styles only.
CSP = "default-src 'none'; style-src 'unsafe-inline'"

#: Facts drawn as charts on one page at most (the others are listed without one).
MAX_CHARTS = 300

CSS = (
    "body{font-family:system-ui,sans-serif;max-width:72rem;margin:1rem auto;padding:0 1rem;color:#222;line-height:1.4}"
    ".summary{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}"
    ".summary table{width:auto}.summary .read{max-width:34rem}"
    ".finding{border-left:4px solid #999;padding:.3rem .8rem;margin:.8rem 0;background:#f7f7f7;break-inside:avoid}"
    ".finding.s-error{border-color:#c00;background:#fde8e8}"
    ".finding.s-warning{border-color:#d80;background:#fff4e0}"
    ".finding.s-info{border-color:#2a7}"
    ".verdict{font-size:1.05rem;margin:.2rem 0}.verdict .kind{color:#555;font-size:.85rem}"
    ".badge{font-size:.75rem;text-transform:uppercase;padding:.1rem .4rem;border-radius:.3rem;background:#ddd}"
    ".s-error .badge{background:#c00;color:#fff}.s-warning .badge{background:#d80;color:#fff}"
    ".sources{margin:.2rem 0;padding-left:1.2rem;font-size:.9rem;color:#444}"
    "blockquote{margin:.2rem 0 .4rem 1rem;color:#555;font-style:italic}"
    ".fig{font-weight:bold}.doc{color:#555;font-family:monospace}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top}"
    "svg.chart{max-width:100%;height:auto;font-size:11px;font-family:system-ui,sans-serif;display:block}"
    "svg.chart text{fill:#222}svg.chart .unit{fill:#666}"
    "input.filter{position:absolute;opacity:0;width:1px;height:1px}"
    "nav.filters{margin:.8rem 0}nav.filters label{display:inline-block;margin:.15rem;padding:.15rem .5rem;"
    "border:1px solid #888;border-radius:1rem;cursor:pointer;text-decoration:line-through;color:#888}"
    "input.filter:focus-visible~nav.filters{outline:2px dashed #36c}"
    ".fact{border-top:1px solid #ddd;padding:.4rem 0}"
    "@media print{nav.filters,input.filter{display:none}body{max-width:none}"
    "details>*{display:block}a{color:inherit}a[href]::after{content:' <' attr(href) '>';font-size:.8em}}"
)


def _token(name: str) -> str:
    """A name as a CSS class / id token (letters, digits, ``-`` and ``_`` only).

    >>> _token("stage_gap"), _token("a b<c")
    ('stage_gap', 'a-b-c')
    """
    return re.sub(r"[^A-Za-z0-9_-]", "-", name)


def _filter_css(kinds: list[str], severities: list[str]) -> str:
    rules = []
    for prefix, names in (("k", kinds), ("s", severities)):
        for name in names:
            token = f"{prefix}-{_token(name)}"
            rules.append(f"#show-{token}:not(:checked)~main .{token}{{display:none}}")
            rules.append(
                f"#show-{token}:checked~nav.filters label[for='show-{token}']"
                "{text-decoration:none;color:#222;background:#e8eef8}"
            )
    return "".join(rules)


def _present(report: Report) -> tuple[list[str], list[str]]:
    kinds = list(dict.fromkeys(f.kind for f in report.findings))
    order = {s: i for i, s in enumerate(reversed(SEVERITIES))}
    severities = sorted({f.severity for f in report.findings}, key=lambda s: order.get(s, 99))
    return kinds, severities


def _style(report: Report) -> str:
    return CSS + _filter_css(*_present(report))


def render_html(report: Report) -> str:
    """One self-contained HTML page: summary, filters, findings, facts (see the module docstring)."""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Reconciliation report</title>"
        f"<style>{_style(report)}</style></head><body>{html_body(report)}</body></html>\n"
    )


def render_notebook(report: Report) -> str:
    """The notebook view (``_repr_html_``): the page's body and style in one ``<div>``."""
    return f"<div class='reconcile-report'><style>{_style(report)}</style>{html_body(report)}</div>"


def html_body(report: Report) -> str:
    e = escape
    verdicts = report.verdicts()
    parts = ["<h1>Reconciliation report</h1>", _summary_html(report), *_filters_html(report), "<main>",
             "<h2>Findings</h2>"]
    if not report.findings:
        parts.append("<p>No findings.</p>")
    charts = _ChartBudget()
    parts.extend(_finding_html(report, f, v, charts) for f, v in zip(report.findings, verdicts))
    parts.append("<h2>Facts</h2>")
    parts.extend(_fact_html(report, fact, charts) for fact in report.facts)
    parts.append("</main>")
    if report.problems:
        parts.append("<h2>Problems</h2><ul>" + "".join(f"<li>{e(str(p))}</li>" for p in report.problems) + "</ul>")
    return "".join(parts)


class _ChartBudget:
    """Draws at most :data:`MAX_CHARTS` charts on one page."""

    def __init__(self) -> None:
        self.left = MAX_CHARTS

    def chart(self, report: Report, fact: Fact | None) -> str:
        if fact is None or self.left <= 0:
            return ""
        self.left -= 1
        return svg_chart(report, fact)


def _summary_html(report: Report) -> str:
    e = escape
    counts = Counter((f.kind, f.severity) for f in report.findings)
    rows = "".join(
        f"<tr><td>{e(kind)}</td><td>{e(severity)}</td><td>{n}</td></tr>" for (kind, severity), n in counts.items()
    )
    table = (
        f"<table><thead><tr><th>kind</th><th>severity</th><th>findings</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows else "<p>No findings.</p>"
    )
    docs = report.documents
    outlets = report.outlets()
    documents = len(docs) or len({c.doc_id for c in report.all_claims()})
    read = (
        f"<p>Read {documents} document{'' if documents == 1 else 's'} from {len(outlets)} "
        f"outlet{'' if len(outlets) == 1 else 's'}: {e(', '.join(outlets)) or '—'}.</p>"
    )
    listed = "".join(f"<li>{_document_html(d)}</li>" for d in docs)
    folded = f"<details><summary>documents read</summary><ul>{listed}</ul></details>" if listed else ""
    return (
        f"<section class='summary'><div>{table}</div><div class='read'><p class='summary-line'>"
        f"{e(report.summary())}</p>{read}{folded}</div></section>"
    )


def _filters_html(report: Report) -> list[str]:
    kinds, severities = _present(report)
    if not report.findings:
        return []
    inputs, labels = [], []
    for prefix, names in (("s", severities), ("k", kinds)):
        for name in names:
            token = f"{prefix}-{_token(name)}"
            inputs.append(f"<input type='checkbox' class='filter' id='show-{token}' checked>")
            labels.append(f"<label for='show-{token}'>{escape(name.replace('_', ' '))}</label>")
    return [*inputs, f"<nav class='filters'>Show: {''.join(labels)}</nav>"]


def _document_html(document: Document) -> str:
    e = escape
    title = e(one_line(document.title)) if document.title else e(document.id)
    url = safe_url(document.url)
    link = f"<a href='{e(url)}' rel='noopener noreferrer nofollow'>{title}</a>" if url else title
    return f"{e(document.publisher)} — {link}" if document.publisher else link


def _sources_html(report: Report, claims: tuple[Claim, ...]) -> str:
    items = []
    for doc_id in dict.fromkeys(c.doc_id for c in claims):
        document = report.document(doc_id)
        items.append(f"<li>{_document_html(document) if document is not None else escape(doc_id)}</li>")
    return f"<ul class='sources'>{''.join(items)}</ul>"


def _finding_html(report: Report, f: Finding, verdict: str, charts: _ChartBudget) -> str:
    e = escape
    fact = _fact_of(report, f)
    claims = "".join(_claim_html(report, c) for c in f.claims)
    return (
        f"<article class='finding k-{_token(f.kind)} s-{_token(f.severity)}'>"
        f"<p class='verdict'><span class='badge'>{e(f.severity)}</span> "
        f"<span class='kind'>{e(f.kind.replace('_', ' '))}</span> {e(verdict)}</p>"
        f"{_sources_html(report, f.claims)}{charts.chart(report, fact) if len(f.claims) > 1 else ''}"
        f"<details class='detail'><summary>detail</summary><p>{e(f.message)}</p><ul>{claims}</ul></details>"
        "</article>"
    )


def _fact_of(report: Report, finding: Finding) -> Fact | None:
    return report.verdict_context().fact(finding.fact_id)


def _claim_html(report: Report, c: Claim) -> str:
    e = escape
    document = report.document(c.doc_id)
    where = _document_html(document) if document is not None else f"<span class='doc'>{e(c.doc_id)}</span>"
    return (
        f"<li><span class='fig'>{e(c.text)}</span> [{e(', '.join(c.sources))}] in {where}"
        f"<blockquote>{e(one_line(c.sentence))}</blockquote>{evidence_html(c)}</li>"
    )


def _fact_html(report: Report, fact: Fact, charts: _ChartBudget) -> str:
    e = escape
    consensus = format_interval(fact.consensus.low, fact.consensus.high, fact.unit) if fact.consensus else "—"
    claims = "".join(_claim_html(report, c) for c in fact.claims)
    return (
        f"<section class='fact'><h3>{e(fact_line(fact))}</h3><p>consensus: {e(consensus)} · "
        f"{len(fact.claims)} claim{'' if len(fact.claims) == 1 else 's'} · <span class='doc'>{e(fact.id)}</span></p>"
        f"{charts.chart(report, fact)}<details><summary>claims</summary><ul>{claims}</ul></details></section>"
    )


def evidence_html(claim: Claim) -> str:
    """A closed ``<details>`` listing why each slot of the claim's frame holds its value; empty
    when extraction recorded no evidence.

    >>> from reconcile.model import Quantity
    >>> c = Claim("a#1", "a", 0, 2, "12", "ByteDance bought 12.", Quantity.exact(12),
    ...           evidence=(Evidence("subject", "clause_actor", "explicit", 0, 9, "ByteDance"),))
    >>> evidence_html(c)  # doctest: +ELLIPSIS
    "<details class='evidence'><summary>evidence</summary><table>...<td>subject</td><td>clause_actor</td><td>explicit</td><td>ByteDance</td><td>0–9</td></tr></tbody></table></details>"
    """
    if not claim.evidence:
        return ""
    rows = "".join(_evidence_row(item) for item in claim.evidence)
    return (
        "<details class='evidence'><summary>evidence</summary><table><thead><tr><th>slot</th>"
        "<th>resolver</th><th>origin</th><th>words</th><th>offsets</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></details>"
    )


def _evidence_row(item: Evidence) -> str:
    e = escape
    offsets = "" if item.start is None else f"{item.start}–{item.end}"
    return (
        f"<tr><td>{e(item.slot)}</td><td>{e(item.resolver)}</td><td>{e(item.origin)}</td>"
        f"<td>{e(one_line(item.text))}</td><td>{e(offsets)}</td></tr>"
    )
