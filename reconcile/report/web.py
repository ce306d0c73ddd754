"""HTML renderings: one self-contained page, and the notebook view.

All text is escaped; the page's Content-Security-Policy forbids scripts. A claim's evidence (why
each slot of its frame holds its value) is shown on demand in a ``<details>`` element, which
needs no script.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconcile.judge.kinds import CONTRADICTION
from reconcile.model import Claim, Evidence, Fact, Finding
from reconcile.report.formatting import escape, format_interval, one_line

if TYPE_CHECKING:
    from reconcile.report.report import Report

#: The page's Content-Security-Policy: no script, no fetch; inline styles only.
CSP = "default-src 'none'; style-src 'unsafe-inline'"

CSS = (
    "body{font-family:system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;color:#222}"
    ".finding{border-left:4px solid #999;padding:.3rem .8rem;margin:.8rem 0;background:#f7f7f7}"
    f".finding.error,.finding.{CONTRADICTION.name}{{border-color:#c00;background:#fde8e8}}"
    ".finding.warning{border-color:#d80;background:#fff4e0}"
    ".finding.info{border-color:#2a7}"
    ".badge{font-size:.75rem;text-transform:uppercase;padding:.1rem .4rem;border-radius:.3rem;background:#ddd}"
    ".error .badge{background:#c00;color:#fff}.warning .badge{background:#d80;color:#fff}"
    "blockquote{margin:.2rem 0 .4rem 1rem;color:#555;font-style:italic}"
    ".fig{font-weight:bold}.doc{color:#555;font-family:monospace}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top}"
)


def render_html(report: Report) -> str:
    """One self-contained HTML page, findings first, contradictions highlighted."""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Reconciliation report</title>"
        f"<style>{CSS}</style></head><body>{html_body(report)}</body></html>\n"
    )


def render_notebook(report: Report) -> str:
    """The notebook view (``_repr_html_``): the page's body and style in one ``<div>``."""
    return f"<div class='reconcile-report'><style>{CSS}</style>{html_body(report)}</div>"


def html_body(report: Report) -> str:
    e = escape
    parts = [f"<h1>Reconciliation report</h1><p class='summary'>{e(report.summary())}</p>", "<h2>Findings</h2>"]
    if not report.findings:
        parts.append("<p>No findings.</p>")
    parts.extend(_finding_html(f) for f in report.findings)
    parts.append("<h2>Facts</h2><table><thead><tr><th>fact</th><th>consensus</th><th>claims</th></tr></thead><tbody>")
    parts.extend(_fact_html(fact) for fact in report.facts)
    parts.append("</tbody></table>")
    if report.problems:
        parts.append("<h2>Problems</h2><ul>" + "".join(f"<li>{e(str(p))}</li>" for p in report.problems) + "</ul>")
    return "".join(parts)


def _finding_html(f: Finding) -> str:
    e = escape
    claims = "".join(
        f"<li><span class='fig'>{e(c.text)}</span> <span class='doc'>{e(c.doc_id)}"
        f" [{e(', '.join(c.sources))}]</span><blockquote>{e(one_line(c.sentence))}</blockquote>"
        f"{evidence_html(c)}</li>"
        for c in f.claims
    )
    return (
        f"<section class='finding {e(f.kind)} {e(f.severity)}'>"
        f"<h3><span class='badge'>{e(f.severity)}</span> {e(f.kind.replace('_', ' '))}"
        f"{' — ' + e(f.fact_id) if f.fact_id else ''}</h3>"
        f"<p>{e(f.message)}</p><ul>{claims}</ul></section>"
    )


def _fact_html(fact: Fact) -> str:
    e = escape
    consensus = format_interval(fact.consensus.low, fact.consensus.high, fact.unit) if fact.consensus else "—"
    claims = "".join(
        f"<li><span class='fig'>{e(c.text)}</span> <span class='doc'>{e(c.doc_id)}</span>: "
        f"{e(one_line(c.sentence))}{evidence_html(c)}</li>"
        for c in fact.claims
    )
    return f"<tr><td>{e(fact.id)}</td><td>{e(consensus)}</td><td><ul>{claims}</ul></td></tr>"


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
