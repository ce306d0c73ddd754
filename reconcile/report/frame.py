"""pandas renderings: the findings, facts or claims as a DataFrame (needs the ``frame`` extra)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reconcile.errors import ReconcileError
from reconcile.report.formatting import period_text

if TYPE_CHECKING:
    from reconcile.report.report import Report

Rows = list[dict[str, Any]]

FINDING_COLUMNS = ["kind", "severity", "fact_id", "message", "verdict", "claims", "documents"]
FACT_COLUMNS = ["id", "subject", "action", "object", "kind", "unit", "period", "consensus_low", "consensus_high", "claims"]
CLAIM_COLUMNS = ["id", "doc_id", "text", "low", "high", "stated", "unit", "kind", "bound", "subject",
                 "action", "object", "period", "hedged", "sources", "sentence"]


def _finding_rows(data: dict[str, Any]) -> Rows:
    return [{k: v for k, v in f.items() if k != "details"} for f in data["findings"]]


def _fact_rows(data: dict[str, Any]) -> Rows:
    rows = []
    for f in data["facts"]:
        consensus = f["consensus"] or {}
        rows.append(
            {
                **{k: v for k, v in f.items() if k != "consensus"},
                "consensus_low": consensus.get("low"),
                "consensus_high": consensus.get("high"),
                "period": period_text(f["period"]),
            }
        )
    return rows


def _claim_rows(data: dict[str, Any]) -> Rows:
    rows = []
    for c in data["claims"]:
        q = c["quantity"]
        rows.append(
            {
                **{k: v for k, v in c.items() if k not in ("quantity", "period", "published", "evidence")},
                "low": q["low"], "high": q["high"], "stated": q["stated"], "unit": q["unit"],
                "kind": q["kind"], "bound": q["bound"],
                "period": period_text(c["period"]), "published": period_text(c["published"]),
            }
        )
    return rows


#: table name -> (rows from the report's JSON values, the columns shown first)
TABLES: dict[str, tuple[Callable[[dict[str, Any]], Rows], list[str]]] = {
    "findings": (_finding_rows, FINDING_COLUMNS),
    "facts": (_fact_rows, FACT_COLUMNS),
    "claims": (_claim_rows, CLAIM_COLUMNS),
}


def render_frame(report: Report, table: str = "findings") -> Any:
    """A pandas DataFrame of the ``"findings"``, ``"facts"`` or ``"claims"``.

    Needs pandas (``pip install 'reconcile[frame]'``); imported only here. Raises
    :class:`ReconcileError` for another table or without pandas.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ReconcileError(
            "Report.to_frame() needs pandas: pip install 'reconcile[frame]' (or pip install pandas)"
        ) from exc
    if table not in TABLES:
        raise ReconcileError(f"to_frame(table={table!r}): choose 'findings', 'facts' or 'claims'")
    rows_of, columns = TABLES[table]
    frame = pd.DataFrame(rows_of(report.to_dict()))
    if frame.empty:
        return pd.DataFrame(columns=columns)
    return frame[[c for c in columns if c in frame.columns] + [c for c in frame.columns if c not in columns]]
