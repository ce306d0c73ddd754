"""Plain-text renderings: the terminal table and Markdown.

Both lead with each finding's one-line verdict (:mod:`reconcile.report.verdicts`); the judge's full
message and the claims behind it are the detail (``verbose=True`` in the table, an indented
paragraph and list in Markdown). Every line of the Markdown is wrapped at :data:`MARKDOWN_WIDTH`
(a quoted sentence or a URL longer than that stays whole).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from reconcile.model import Claim, Document, Finding
from reconcile.report.formatting import format_interval, md_cell, one_line
from reconcile.report.links import safe_url
from reconcile.report.verdicts import fact_line

if TYPE_CHECKING:
    from reconcile.report.report import Report

#: The KIND column is at least this wide, so short reports line up with long ones.
MIN_KIND_WIDTH = 13
#: The VERDICT column is at least this wide, however narrow the table.
MIN_MESSAGE_WIDTH = 20
#: Markdown lines are wrapped at this width.
MARKDOWN_WIDTH = 100
#: Severity column width (the longest severity, "warning").
SEVERITY_WIDTH = 8


def render_table(report: Report, width: int = 110, verbose: bool = False) -> str:
    """A plain-text table, one line per finding (severity, kind, verdict), then the summary.

    A verdict is never cut or wrapped (one finding, one line, whatever ``width``); ``verbose=True``
    adds under each finding its full message and its claims (outlet, title, url, sentence),
    wrapped to ``width``.
    """
    kinds = [len(f.kind) for f in report.findings]
    kind_width = max(MIN_KIND_WIDTH, len("KIND"), *kinds)
    head = f"{'SEVERITY':<{SEVERITY_WIDTH}}  {'KIND':<{kind_width}}  "
    message_width = max(MIN_MESSAGE_WIDTH, width - len(head))
    lines = [head + "VERDICT", f"{'-' * SEVERITY_WIDTH}  {'-' * kind_width}  {'-' * message_width}"]
    indent = " " * len(head)
    for finding, verdict in zip(report.findings, report.verdicts()):
        row = f"{finding.severity:<{SEVERITY_WIDTH}}  {finding.kind:<{kind_width}}  "
        lines.append(row + verdict)
        if verbose:
            lines.extend(_detail_lines(report, finding, indent, width))
    if not report.findings:
        lines.append("(no findings)")
    lines.append("")
    lines.append(report.summary())
    lines.extend(f"problem: {problem}" for problem in report.problems)
    return "\n".join(lines)


def _detail_lines(report: Report, finding: Finding, indent: str, width: int) -> list[str]:
    wrap = max(MIN_MESSAGE_WIDTH, width - len(indent))
    lines = [indent + part for part in textwrap.wrap(finding.message, wrap)]
    for claim in finding.claims:
        lines.extend(indent + "  " + part for part in textwrap.wrap(_claim_line(report, claim), wrap - 2))
    lines.append("")
    return lines


def document_label(document: Document | None, doc_id: str) -> str:
    """``outlet — “title” <url>`` of a document, as much of it as is known.

    >>> document_label(Document("a", "t", publisher="Wire", title="Orders", url="https://x.org/a"), "a")
    'Wire — “Orders” <https://x.org/a>'
    >>> document_label(None, "a")
    'a'
    """
    if document is None:
        return doc_id
    parts = [document.publisher or doc_id]
    if document.title:
        parts.append(f"“{one_line(document.title)}”")
    label = " — ".join(parts)
    return f"{label} <{document.url}>" if document.url else label


def _claim_line(report: Report, claim: Claim) -> str:
    source = document_label(report.document(claim.doc_id), claim.doc_id)
    return f"- {one_line(claim.text)} [{', '.join(claim.sources)}] in {source}: “{one_line(claim.sentence)}”"


def _wrapped(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(
        text, MARKDOWN_WIDTH, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    ) or [first.rstrip()]


def _md_document(document: Document | None, doc_id: str) -> str:
    if document is None:
        return md_cell(doc_id)
    outlet = md_cell(document.publisher or doc_id)
    title = md_cell(document.title) if document.title else ""
    url = safe_url(document.url)
    if title and url:
        return f"{outlet}, [{title}](<{url}>)"
    if url:
        return f"{outlet}, <{url}>"
    return f"{outlet}, “{title}”" if title else outlet


def _md_claim(report: Report, claim: Claim) -> list[str]:
    where = _md_document(report.document(claim.doc_id), claim.doc_id)
    text = (
        f"**{md_cell(claim.text)}** [{md_cell(', '.join(claim.sources))}] in {where}: "
        f"“{md_cell(one_line(claim.sentence))}”"
    )
    return _wrapped(text, "- ", "  ")


def _md_summary(report: Report) -> list[str]:
    counts: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        key = (finding.severity, finding.kind)
        counts[key] = counts.get(key, 0) + 1
    out = _wrapped(report.summary()) + [""]
    if counts:
        out += ["| severity | kind | findings |", "|---|---|---|"]
        out += [f"| {s} | {k} | {n} |" for (s, k), n in counts.items()]
        out.append("")
    return out


def render_markdown(report: Report) -> str:
    """Markdown: the summary, each finding's verdict with its detail and claims, then each fact."""
    out = ["# Reconciliation report", "", *_md_summary(report), "## Findings", ""]
    if not report.findings:
        out += ["No findings.", ""]
    for number, (finding, verdict) in enumerate(zip(report.findings, report.verdicts()), start=1):
        out += [f"### {number}. {finding.kind} ({finding.severity})", ""]
        out += _wrapped(f"**{md_cell(verdict)}**") + [""]
        out += ["<details><summary>detail</summary>", ""]
        out += _wrapped(md_cell(finding.message), "> ", "> ") + ["", "</details>", ""]
        for claim in finding.claims:
            out += _md_claim(report, claim)
        out.append("")
    out += ["## Facts", ""]
    for fact in report.facts:
        consensus = format_interval(fact.consensus.low, fact.consensus.high, fact.unit) if fact.consensus else "—"
        out += [f"### {md_cell(fact_line(fact))}", "", f"Consensus: {md_cell(consensus)}", ""]
        for claim in fact.claims:
            out += _md_claim(report, claim)
        out.append("")
    if report.problems:
        out += ["## Problems", ""]
        for problem in report.problems:
            out += _wrapped(md_cell(str(problem)), "- ", "  ")
        out.append("")
    return "\n".join(out)
