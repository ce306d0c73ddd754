"""The report: findings first, then the facts and the claims behind them, in several formats.

:class:`Report` is what :func:`reconcile.reconcile` returns. It renders as a plain-text table
(:meth:`Report.to_table`, also ``str(report)``), JSON (:meth:`Report.to_json`), Markdown
(:meth:`Report.to_markdown`), one self-contained HTML page (:meth:`Report.to_html`), a notebook
view (``_repr_html_``) and pandas frames (:meth:`Report.to_frame`, needs the ``frame`` extra).

JSON schema (``schema_version`` "1")
------------------------------------

The document is one object; keys are stable, new keys may be added within a version, a renamed or
removed key bumps the version. Infinite interval bounds are ``null`` (JSON has no infinity): an
interval ``[200000, null]`` means "200 000 or more". Periods are ``{"from": "YYYY-MM-DD", "to":
"YYYY-MM-DD"}`` or ``null`` (unknown). A subject is a string, a list of strings (a group) or ``null``.

.. code-block:: text

    {
      "schema_version": "1",
      "currency": "USD",                     # every money figure is compared in this currency
      "tolerance": {"relative": 0.02, "rounding_cap": 0.05},
      "window": period | null,               # dates undated money figures (the corpus window)
      "summary": {"claims": int, "facts": int, "findings": {kind: int, ...},
                  "contradictions": int, "problems": int},
      "findings": [{
          "kind": "agreement" | "contradiction" | "stage_gap" | "conversion_consistent"
                  | "conversion_mismatch" | "unknown_period" | "fx_unavailable" | "single_source",
          "severity": "info" | "warning" | "error",
          "fact_id": str | null,
          "message": str,                    # a sentence a person can read
          "claims": [claim id, ...],
          "documents": [document id, ...],
          "details": {...}                   # kind-specific, JSON values only
      }],
      "facts": [{
          "id": str, "subject": subject, "action": str, "object": str | null,
          "kind": "money" | "count" | "percent" | "number", "unit": str, "period": period,
          "consensus": quantity | null, "claims": [claim id, ...]
      }],
      "claims": [{
          "id": str, "doc_id": str, "text": str, "sentence": str, "start": int, "end": int,
          "quantity": quantity, "subject": subject, "action": str, "object": str | null,
          "period": period, "hedged": bool, "attributed_to": str | null, "sources": [str],
          "equivalents": [claim id], "lang": str, "published": period, "publisher": str | null
      }],
      "trust": {outlet: float},              # iterative source trust (facts with 2+ sources)
      "problems": [str]                      # documents that could not be read
    }

    quantity = {"low": float | null, "high": float | null, "stated": float, "unit": str,
                "kind": str, "bound": "exact" | "approx" | "lower" | "upper" | "range", "text": str}
"""

from __future__ import annotations

import html
import json
import math
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from reconcile.errors import ReconcileError
from reconcile.formatting import format_interval, format_number
from reconcile.judge import Judgement
from reconcile.model import Claim, DateRange, Fact, Finding, Quantity

SCHEMA_VERSION = "1"

# --------------------------------------------------------------------------- JSON pieces


def _num(value: float) -> float | None:
    return None if math.isinf(value) else value


def _period(period: DateRange | None) -> dict[str, str] | None:
    return None if period is None else {"from": period.start.isoformat(), "to": period.end.isoformat()}


def _subject(subject: Any) -> Any:
    return list(subject) if isinstance(subject, tuple) else subject


def quantity_json(q: Quantity | None) -> dict[str, Any] | None:
    """A quantity as JSON values (``null`` for an infinite bound).

    >>> quantity_json(Quantity(200_000, math.inf, 200_000, "chip", "count", "lower", "plus de 200 000"))["high"] is None
    True
    """
    if q is None:
        return None
    return {
        "low": _num(q.low),
        "high": _num(q.high),
        "stated": q.stated,
        "unit": q.unit,
        "kind": q.kind,
        "bound": q.bound,
        "text": q.text,
    }


def claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "doc_id": claim.doc_id,
        "text": claim.text,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "quantity": quantity_json(claim.quantity),
        "subject": _subject(claim.subject),
        "action": claim.action,
        "object": claim.object,
        "period": _period(claim.period),
        "hedged": claim.hedged,
        "attributed_to": claim.attributed_to,
        "sources": list(claim.sources),
        "equivalents": list(claim.equivalents),
        "lang": claim.lang,
        "published": _period(claim.published),
        "publisher": claim.publisher,
    }


def fact_json(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "subject": _subject(fact.subject),
        "action": fact.action,
        "object": fact.object,
        "kind": fact.kind,
        "unit": fact.unit,
        "period": _period(fact.period),
        "consensus": quantity_json(fact.consensus),
        "claims": [c.id for c in fact.claims],
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isinf(value) or math.isnan(value) else value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, DateRange):
        return _period(value)
    if isinstance(value, Quantity):
        return quantity_json(value)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "severity": finding.severity,
        "fact_id": finding.fact_id,
        "message": finding.message,
        "claims": [c.id for c in finding.claims],
        "documents": sorted({c.doc_id for c in finding.claims}),
        "details": _jsonable(dict(finding.details)),
    }


# --------------------------------------------------------------------------- the report


@attrs.frozen
class Report:
    """Facts and findings of one :func:`reconcile.reconcile` run, with their renderings.

    >>> from reconcile.model import Claim, Quantity
    >>> q = Quantity.exact(1, "chip", "count")
    >>> c = Claim("a#1", "a", 0, 1, "1", "one <b>chip</b>", q)
    >>> r = Report(facts=(), findings=(Finding("agreement", (c,), "All <agree>"),), currency="USD", claims=(c,))
    >>> r.to_dict()["summary"]["findings"]
    {'agreement': 1}
    >>> "<agree>" in r.to_html(), "&lt;agree&gt;" in r.to_html()
    (False, True)
    """

    facts: tuple[Fact, ...] = attrs.field(converter=tuple)
    findings: tuple[Finding, ...] = attrs.field(converter=tuple)
    currency: str = "USD"
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=tuple)
    tolerance: Any = None
    window: DateRange | None = None
    trust: Mapping[str, float] = attrs.field(factory=dict, eq=False)
    problems: tuple[Any, ...] = attrs.field(default=(), converter=tuple)

    @classmethod
    def of(cls, judgement: Judgement, problems: Sequence[Any] = ()) -> "Report":
        """The report of a :class:`~reconcile.judge.Judgement`, with the batch's ``problems``."""
        return cls(
            facts=judgement.facts,
            findings=judgement.findings,
            currency=judgement.currency,
            claims=judgement.claims,
            tolerance=judgement.tolerance,
            window=judgement.window,
            trust=judgement.trust,
            problems=tuple(problems),
        )

    # ------------------------------------------------------------- queries

    def of_kind(self, kind: str) -> tuple[Finding, ...]:
        """The findings of one kind (``"contradiction"``, ``"stage_gap"``, ...)."""
        return tuple(f for f in self.findings if f.kind == kind)

    @property
    def contradictions(self) -> tuple[Finding, ...]:
        return self.of_kind("contradiction")

    @property
    def has_contradictions(self) -> bool:
        return any(f.kind == "contradiction" for f in self.findings)

    def fact(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise ReconcileError(f"no fact with id {fact_id!r} in this report")

    def _all_claims(self) -> list[Claim]:
        seen: dict[str, Claim] = {c.id: c for c in self.claims}
        for fact in self.facts:
            for claim in fact.claims:
                seen.setdefault(claim.id, claim)
        return list(seen.values())

    # ------------------------------------------------------------- JSON

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON values, following the schema in the module docstring."""
        kinds = Counter(f.kind for f in self.findings)
        tolerance = attrs.asdict(self.tolerance) if attrs.has(type(self.tolerance)) else self.tolerance
        claims = self._all_claims()
        return {
            "schema_version": SCHEMA_VERSION,
            "currency": self.currency,
            "tolerance": tolerance,
            "window": _period(self.window),
            "summary": {
                "claims": len(claims),
                "facts": len(self.facts),
                "findings": dict(sorted(kinds.items())),
                "contradictions": kinds.get("contradiction", 0),
                "problems": len(self.problems),
            },
            "findings": [finding_json(f) for f in self.findings],
            "facts": [fact_json(f) for f in self.facts],
            "claims": [claim_json(c) for c in claims],
            "trust": {k: round(v, 6) for k, v in self.trust.items()},
            "problems": [str(p) for p in self.problems],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The report as a JSON document (schema in the module docstring, ``schema_version`` "1")."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)

    # ------------------------------------------------------------- pandas

    def to_frame(self, table: str = "findings") -> Any:
        """A pandas DataFrame of the ``"findings"``, ``"facts"`` or ``"claims"``.

        Needs pandas (``pip install 'reconcile[frame]'``); imported only here.
        """
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ReconcileError(
                "Report.to_frame() needs pandas: pip install 'reconcile[frame]' (or pip install pandas)"
            ) from exc
        data = self.to_dict()
        if table == "findings":
            rows = [{k: v for k, v in f.items() if k != "details"} for f in data["findings"]]
            columns = ["kind", "severity", "fact_id", "message", "claims", "documents"]
        elif table == "facts":
            rows = []
            for f in data["facts"]:
                consensus = f["consensus"] or {}
                rows.append(
                    {
                        **{k: v for k, v in f.items() if k != "consensus"},
                        "consensus_low": consensus.get("low"),
                        "consensus_high": consensus.get("high"),
                        "period": _period_text(f["period"]),
                    }
                )
            columns = ["id", "subject", "action", "object", "kind", "unit", "period",
                       "consensus_low", "consensus_high", "claims"]
        elif table == "claims":
            rows = []
            for c in data["claims"]:
                q = c["quantity"]
                rows.append(
                    {
                        **{k: v for k, v in c.items() if k not in ("quantity", "period", "published")},
                        "low": q["low"], "high": q["high"], "stated": q["stated"], "unit": q["unit"],
                        "kind": q["kind"], "bound": q["bound"],
                        "period": _period_text(c["period"]), "published": _period_text(c["published"]),
                    }
                )
            columns = ["id", "doc_id", "text", "low", "high", "stated", "unit", "kind", "bound", "subject",
                       "action", "object", "period", "hedged", "sources", "sentence"]
        else:
            raise ReconcileError(f"to_frame(table={table!r}): choose 'findings', 'facts' or 'claims'")
        frame = pd.DataFrame(rows)
        if frame.empty:
            return pd.DataFrame(columns=columns)
        return frame[[c for c in columns if c in frame.columns] + [c for c in frame.columns if c not in columns]]

    # ------------------------------------------------------------- text

    def summary(self) -> str:
        """One line: counts of claims, facts and findings by kind.

        >>> Report(facts=(), findings=(), currency="USD").summary()
        '0 claims, 0 facts, no findings (currency USD)'
        """
        kinds = Counter(f.kind for f in self.findings)
        found = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no findings"
        claims, facts = len(self._all_claims()), len(self.facts)
        return (
            f"{claims} claim{'' if claims == 1 else 's'}, {facts} fact{'' if facts == 1 else 's'}, "
            f"{found} (currency {self.currency})"
        )

    def to_table(self, width: int = 110) -> str:
        """A plain-text table of the findings (severity, kind, fact, message), for terminals.

        >>> print(Report(facts=(), findings=(Finding("agreement", (), "All agree."),), currency="USD").to_table(60))
        SEVERITY  KIND           MESSAGE
        --------  -------------  -----------------------------------
        info      agreement      All agree.
        <BLANKLINE>
        0 claims, 0 facts, 1 agreement (currency USD)
        """
        kind_width = max([len("KIND"), *(len(f.kind) for f in self.findings)]) if self.findings else 13
        kind_width = max(kind_width, 13)
        head = f"{'SEVERITY':<8}  {'KIND':<{kind_width}}  "
        message_width = max(20, width - len(head))
        lines = [head + "MESSAGE", f"{'-' * 8}  {'-' * kind_width}  {'-' * message_width}"]
        for finding in self.findings:
            wrapped = textwrap.wrap(finding.message, message_width) or [""]
            lines.append(f"{finding.severity:<8}  {finding.kind:<{kind_width}}  {wrapped[0]}")
            indent = " " * len(head)
            lines.extend(indent + rest for rest in wrapped[1:])
        if not self.findings:
            lines.append("(no findings)")
        lines.append("")
        lines.append(self.summary())
        for problem in self.problems:
            lines.append(f"problem: {problem}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_table()

    def to_markdown(self) -> str:
        """Markdown: a findings table, then each fact with its claims and sentences."""
        out = ["# Reconciliation report", "", self.summary(), ""]
        out += ["## Findings", ""]
        if self.findings:
            out += ["| severity | kind | fact | message |", "|---|---|---|---|"]
            for f in self.findings:
                out.append(f"| {f.severity} | {f.kind} | {_md(f.fact_id or '')} | {_md(f.message)} |")
        else:
            out.append("No findings.")
        out += ["", "## Facts", ""]
        for fact in self.facts:
            consensus = (
                format_interval(fact.consensus.low, fact.consensus.high, fact.unit) if fact.consensus else "—"
            )
            out.append(f"### {_md(fact.id)}")
            out.append("")
            out.append(f"Consensus: {_md(consensus)}")
            out.append("")
            for claim in fact.claims:
                out.append(
                    f"- **{_md(claim.text)}** — {_md(claim.doc_id)} [{_md(', '.join(claim.sources))}]: "
                    f"“{_md(' '.join(claim.sentence.split()))}”"
                )
            out.append("")
        if self.problems:
            out += ["## Problems", ""] + [f"- {_md(str(p))}" for p in self.problems] + [""]
        return "\n".join(out)

    # ------------------------------------------------------------- HTML

    def _html_body(self) -> str:
        e = _escape
        parts = [f"<h1>Reconciliation report</h1><p class='summary'>{e(self.summary())}</p>", "<h2>Findings</h2>"]
        if not self.findings:
            parts.append("<p>No findings.</p>")
        for f in self.findings:
            claims = "".join(
                f"<li><span class='fig'>{e(c.text)}</span> <span class='doc'>{e(c.doc_id)}"
                f" [{e(', '.join(c.sources))}]</span><blockquote>{e(' '.join(c.sentence.split()))}</blockquote></li>"
                for c in f.claims
            )
            parts.append(
                f"<section class='finding {e(f.kind)} {e(f.severity)}'>"
                f"<h3><span class='badge'>{e(f.severity)}</span> {e(f.kind.replace('_', ' '))}"
                f"{' — ' + e(f.fact_id) if f.fact_id else ''}</h3>"
                f"<p>{e(f.message)}</p><ul>{claims}</ul></section>"
            )
        parts.append("<h2>Facts</h2><table><thead><tr><th>fact</th><th>consensus</th><th>claims</th></tr></thead><tbody>")
        for fact in self.facts:
            consensus = (
                format_interval(fact.consensus.low, fact.consensus.high, fact.unit) if fact.consensus else "—"
            )
            claims = "".join(
                f"<li><span class='fig'>{e(c.text)}</span> <span class='doc'>{e(c.doc_id)}</span>: "
                f"{e(' '.join(c.sentence.split()))}</li>"
                for c in fact.claims
            )
            parts.append(f"<tr><td>{e(fact.id)}</td><td>{e(consensus)}</td><td><ul>{claims}</ul></td></tr>")
        parts.append("</tbody></table>")
        if self.problems:
            parts.append("<h2>Problems</h2><ul>" + "".join(f"<li>{e(str(p))}</li>" for p in self.problems) + "</ul>")
        return "".join(parts)

    def to_html(self, path: str | Path | None = None) -> str:
        """One self-contained HTML page (findings first, contradictions highlighted); written to
        ``path`` if given. All text is escaped and a Content-Security-Policy forbids scripts."""
        page = (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            "<title>Reconciliation report</title>"
            f"<style>{_CSS}</style></head><body>{self._html_body()}</body></html>\n"
        )
        if path is not None:
            try:
                Path(path).write_text(page, encoding="utf-8")
            except OSError as exc:
                raise ReconcileError(f"cannot write the HTML report to {path}: {exc}") from exc
        return page

    def _repr_html_(self) -> str:
        return f"<div class='reconcile-report'><style>{_CSS}</style>{self._html_body()}</div>"


def _escape(text: str) -> str:
    return html.escape(str(text), quote=True)


def _md(text: str) -> str:
    """Markdown-safe text in a table cell: escape HTML, pipes and newlines."""
    return html.escape(" ".join(str(text).split()), quote=False).replace("|", "\\|")


def _period_text(period: Mapping[str, str] | None) -> str | None:
    if period is None:
        return None
    return period["from"] if period["from"] == period["to"] else f"{period['from']}..{period['to']}"


_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;color:#222}"
    ".finding{border-left:4px solid #999;padding:.3rem .8rem;margin:.8rem 0;background:#f7f7f7}"
    ".finding.error,.finding.contradiction{border-color:#c00;background:#fde8e8}"
    ".finding.warning{border-color:#d80;background:#fff4e0}"
    ".finding.info{border-color:#2a7}"
    ".badge{font-size:.75rem;text-transform:uppercase;padding:.1rem .4rem;border-radius:.3rem;background:#ddd}"
    ".error .badge{background:#c00;color:#fff}.warning .badge{background:#d80;color:#fff}"
    "blockquote{margin:.2rem 0 .4rem 1rem;color:#555;font-style:italic}"
    ".fig{font-weight:bold}.doc{color:#555;font-family:monospace}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top}"
)

