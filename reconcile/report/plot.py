"""The consensus chart as a matplotlib figure (:meth:`Report.plot <reconcile.report.Report.plot>`,
needs the ``plot`` extra).

One panel per fact: each source's interval on a log axis (money in the report's currency, at the
rates of the claim's period or publication dates), the consensus as a green band. Open bounds
("plus de 200 000") run to the edge and end in an arrow; a claim of a contradicted fact that falls
outside the consensus is red, the others blue; a diamond is an exact figure, the black tick the
figure as stated. The bars are the ones the HTML page draws (:func:`reconcile.report.chart.fact_bars`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from reconcile.errors import ReconcileError
from reconcile.model import Fact
from reconcile.report.chart import (
    BAR_COLOUR,
    CONSENSUS_COLOUR,
    OUTSIDE_COLOUR,
    Bar,
    axis_range,
    fact_bars,
)
from reconcile.report.formatting import format_number
from reconcile.report.verdicts import fact_line

if TYPE_CHECKING:
    from reconcile.report.report import Report

#: Figure width in inches, height per row of a panel and per panel's title and axis.
FIGURE_WIDTH = 11.0
ROW_INCHES = 0.42
PANEL_EXTRA_ROWS = 1.3


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ReconcileError(
            "Report.plot() needs matplotlib: pip install 'reconcile[plot]' (or pip install matplotlib)"
        ) from exc
    return plt


def _panels(report: Report, min_claims: int) -> tuple[list[tuple[Fact, list[Bar], tuple[float, float]]], list[str]]:
    panels, notes = [], []
    for fact in report.facts:
        if len(fact.claims) < min_claims:
            continue
        bars, not_drawn = fact_bars(report, fact)
        notes.extend(not_drawn)
        span = axis_range(bars, fact.consensus)
        if bars and span is not None:
            panels.append((fact, bars, span))
    return panels, notes


def _draw_bar(ax: Any, y: int, bar: Bar, left: float, right: float) -> None:
    colour = OUTSIDE_COLOUR if bar.outside else BAR_COLOUR
    low = bar.low if bar.low > 0 else left
    high = bar.high if math.isfinite(bar.high) else right
    ax.plot([low, high], [y, y], color=colour, lw=7, alpha=0.55, solid_capstyle="butt")
    if bar.exact:
        ax.plot([bar.stated], [y], marker="D", color=colour, ms=9, alpha=0.8)
    if math.isfinite(bar.stated) and bar.stated > 0:
        ax.plot([bar.stated], [y], marker="|", color="black", ms=15, mew=2)
    arrow = {"arrowstyle": "-|>", "color": colour, "lw": 2}
    if not math.isfinite(bar.high):
        ax.annotate("", xy=(right, y), xytext=(right / 1.8, y), arrowprops=arrow)
    if bar.low <= 0:
        ax.annotate("", xy=(left, y), xytext=(left * 1.8, y), arrowprops=arrow)


def _draw_panel(ax: Any, report: Report, fact: Fact, bars: list[Bar], span: tuple[float, float]) -> None:
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    left, right = span
    for y, bar in enumerate(bars):
        _draw_bar(ax, y, bar, left, right)
    if fact.consensus is not None:
        c = fact.consensus
        ax.axvspan(max(c.low, left), min(c.high, right), color=CONSENSUS_COLOUR, alpha=0.2, zorder=0)
    ax.set_xscale("log")
    ax.set_xlim(left, right)
    ax.xaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_number(v)))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.tick_params(axis="x", labelsize=8)
    ax.set_ylim(len(bars) - 0.3, -0.7)
    ax.set_yticks(range(len(bars)))
    ax.set_yticklabels([bar.label for bar in bars], fontsize=8)
    unit = report.currency if fact.kind == "money" else fact.unit
    ax.set_title(f"{fact_line(fact)}   ({unit})", fontsize=9, loc="left", fontweight="bold")
    ax.grid(axis="x", which="major", alpha=0.25)


def _legend(fig: Any) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    fig.legend(
        handles=[
            Line2D([], [], color=BAR_COLOUR, lw=7, alpha=0.55, label="a source's interval"),
            Line2D([], [], color=OUTSIDE_COLOUR, lw=7, alpha=0.55, label="outside the consensus of a contradicted fact"),
            Line2D([], [], color=BAR_COLOUR, marker="D", ms=8, lw=0, alpha=0.8, label="an exact figure"),
            Line2D([], [], color="black", marker="|", ms=12, mew=2, lw=0, label="figure as stated"),
            Patch(color=CONSENSUS_COLOUR, alpha=0.2, label="consensus"),
        ],
        loc="upper center", ncol=5, fontsize=8, frameon=False,
    )


def render_plot(report: Report, min_claims: int = 1) -> Any:
    """A matplotlib ``Figure``: one panel per fact with at least ``min_claims`` claims (see the
    module docstring). Claims that cannot be drawn (money with no rate) are left out and listed
    in the figure's ``not_drawn`` attribute. Raises :class:`ReconcileError` without matplotlib
    or when no fact can be drawn."""
    plt = _pyplot()
    panels, notes = _panels(report, min_claims)
    if not panels:
        raise ReconcileError(f"nothing to plot: no fact with {min_claims} or more drawable claims")
    heights = [len(bars) + PANEL_EXTRA_ROWS for _, bars, _ in panels]
    fig, axes = plt.subplots(
        len(panels), 1, figsize=(FIGURE_WIDTH, ROW_INCHES * sum(heights) + 0.9), squeeze=False,
        gridspec_kw={"height_ratios": heights},
    )
    for ax, (fact, bars, span) in zip(axes[:, 0], panels):
        _draw_panel(ax, report, fact, bars, span)
    _legend(fig)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.35 / fig.get_figheight()))
    fig.not_drawn = notes
    return fig
