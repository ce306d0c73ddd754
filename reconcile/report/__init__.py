"""The report of a judgement: findings first, then the facts and the claims behind them.

==============  ===============================================================
module          what it owns
==============  ===============================================================
``report``      :class:`Report`: the judged data, queries, ``to_*`` methods
``renderers``   **the registry of output formats** (table, json, md, html, frame, plot)
``schema``      the JSON document and its schema (``schema_version`` "2")
``formatting``  figures as people read them, JSON values, escaping
``verdicts``    each finding in one line of plain words
``text``        the terminal table and Markdown
``web``         the HTML page and notebook view (evidence on demand, no script)
``chart``       the consensus chart's bars, and the chart as inline SVG
``links``       which document URLs may become links (http/https only)
``frame``       pandas DataFrames
``plot``        the consensus chart as a matplotlib figure (``plot`` extra)
==============  ===============================================================
"""

from reconcile.report.formatting import format_interval, format_number, quantity_json
from reconcile.report.renderers import RENDERERS, Renderer, Renderers
from reconcile.report.report import Report
from reconcile.report.schema import (
    SCHEMA_VERSION,
    claim_json,
    evidence_json,
    fact_json,
    finding_json,
)

__all__ = [
    "RENDERERS",
    "SCHEMA_VERSION",
    "Renderer",
    "Renderers",
    "Report",
    "claim_json",
    "evidence_json",
    "fact_json",
    "finding_json",
    "format_interval",
    "format_number",
    "quantity_json",
]
