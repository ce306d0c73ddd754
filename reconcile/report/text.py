"""Plain-text renderings: the terminal table and Markdown."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from reconcile.report.formatting import format_interval, md_cell, one_line

if TYPE_CHECKING:
    from reconcile.report.report import Report

#: The KIND column is at least this wide, so short reports line up with long ones.
MIN_KIND_WIDTH = 13
#: The MESSAGE column is at least this wide, however narrow the table.
MIN_MESSAGE_WIDTH = 20


def render_table(report: Report, width: int = 110) -> str:
    """A plain-text table of the findings (severity, kind, message), then the summary."""
    kind_width = max([len("KIND"), *(len(f.kind) for f in report.findings)]) if report.findings else MIN_KIND_WIDTH
    kind_width = max(kind_width, MIN_KIND_WIDTH)
    head = f"{'SEVERITY':<8}  {'KIND':<{kind_width}}  "
    message_width = max(MIN_MESSAGE_WIDTH, width - len(head))
    lines = [head + "MESSAGE", f"{'-' * 8}  {'-' * kind_width}  {'-' * message_width}"]
    for finding in report.findings:
        wrapped = textwrap.wrap(finding.message, message_width) or [""]
        lines.append(f"{finding.severity:<8}  {finding.kind:<{kind_width}}  {wrapped[0]}")
        indent = " " * len(head)
        lines.extend(indent + rest for rest in wrapped[1:])
    if not report.findings:
        lines.append("(no findings)")
    lines.append("")
    lines.append(report.summary())
    for problem in report.problems:
        lines.append(f"problem: {problem}")
    return "\n".join(lines)


def render_markdown(report: Report) -> str:
    """Markdown: a findings table, then each fact with its claims and sentences."""
    out = ["# Reconciliation report", "", report.summary(), ""]
    out += ["## Findings", ""]
    if report.findings:
        out += ["| severity | kind | fact | message |", "|---|---|---|---|"]
        for f in report.findings:
            out.append(f"| {f.severity} | {f.kind} | {md_cell(f.fact_id or '')} | {md_cell(f.message)} |")
    else:
        out.append("No findings.")
    out += ["", "## Facts", ""]
    for fact in report.facts:
        consensus = format_interval(fact.consensus.low, fact.consensus.high, fact.unit) if fact.consensus else "—"
        out += [f"### {md_cell(fact.id)}", "", f"Consensus: {md_cell(consensus)}", ""]
        for claim in fact.claims:
            out.append(
                f"- **{md_cell(claim.text)}** — {md_cell(claim.doc_id)} [{md_cell(', '.join(claim.sources))}]: "
                f"“{md_cell(one_line(claim.sentence))}”"
            )
        out.append("")
    if report.problems:
        out += ["## Problems", ""] + [f"- {md_cell(str(p))}" for p in report.problems] + [""]
    return "\n".join(out)
