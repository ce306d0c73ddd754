"""The consensus chart of a fact: each source's interval and the consensus, on one axis.

:func:`fact_bars` computes what to draw (the same for the HTML page's inline SVG and for
:meth:`Report.plot <reconcile.report.Report.plot>`'s matplotlib figure): each claim's interval in
the unit the judge compared in (money converted to the report's currency at the rates of the
claim's period, else its publication dates, else the corpus window), whether it falls outside the
consensus of a contradicted fact, and a label. :func:`svg_chart` draws it as inline SVG: no
script, every text escaped, so the page's Content-Security-Policy stays as strict as it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from reconcile.errors import ReconcileError
from reconcile.fx import convert
from reconcile.model import Claim, Fact, Quantity
from reconcile.report.formatting import escape, format_interval, format_number
from reconcile.report.verdicts import fact_line, shorten

if TYPE_CHECKING:
    from reconcile.report.report import Report

#: The axis runs this factor beyond the smallest and largest figure drawn (log axis).
LOG_MARGIN = 3.0
#: SVG geometry, in pixels: total width, the label column, one row, the axis below the rows.
SVG_WIDTH = 760
LABEL_WIDTH = 300
ROW_HEIGHT = 22
AXIS_HEIGHT = 26
#: Characters of a row's label (outlet: figure as written) before it is cut.
LABEL_CHARS = 46
#: Colours: a source's interval, one outside the consensus of a contradicted fact, the consensus.
BAR_COLOUR = "#3b6fb6"
OUTSIDE_COLOUR = "#c62828"
CONSENSUS_COLOUR = "#2e7d32"


@attrs.frozen
class Bar:
    """One claim on a fact's chart: its interval in the fact's unit and how to draw it."""

    claim: Claim
    low: float
    high: float
    stated: float
    outside: bool
    label: str

    @property
    def exact(self) -> bool:
        """An interval too narrow to see (drawn as a diamond)."""
        return math.isfinite(self.high) and self.high <= self.low * 1.01 + 1e-12


def in_report_unit(claim: Claim, report: Report) -> Quantity:
    """The claim's quantity in the unit the judge compares in (money converted to the report's
    currency over the claim's period, else its publication dates, else the corpus window).
    Raises :class:`ReconcileError` (an ``FxError``) when it cannot be converted."""
    quantity = claim.quantity
    if quantity.kind == "money" and quantity.unit != report.currency:
        quantity = convert(quantity, report.currency, on=claim.period or claim.published or report.window)
    return quantity


def claim_label(claim: Claim, outlet: str) -> str:
    """``outlet: figure as written``, cut to :data:`LABEL_CHARS`."""
    return shorten(f"{outlet}: {claim.text}", LABEL_CHARS)


def fact_bars(report: Report, fact: Fact) -> tuple[list[Bar], list[str]]:
    """The bars of a fact's chart, and a note for each claim that could not be drawn."""
    contradicted = report.contradicted(fact.id)
    context = report.verdict_context()
    consensus = fact.consensus
    bars: list[Bar] = []
    notes: list[str] = []
    for claim in fact.claims:
        try:
            q = in_report_unit(claim, report)
        except ReconcileError as error:
            notes.append(f"{claim.id}: not drawn: {error}")
            continue
        outside = consensus is not None and (q.high < consensus.low or q.low > consensus.high)
        bars.append(Bar(claim, q.low, q.high, q.stated, claim.id in contradicted and outside,
                        claim_label(claim, context.who(claim))))
    return bars, notes


def axis_range(bars: Sequence[Bar], consensus: Quantity | None) -> tuple[float, float] | None:
    """The span of the axis: the positive finite figures drawn, widened by :data:`LOG_MARGIN`;
    ``None`` when nothing positive and finite is drawn.

    >>> from reconcile.model import Quantity
    >>> bar = Bar(Claim("c", "d", 0, 1, "", "", Quantity.exact(1)), 10.0, 30.0, 20.0, False, "")
    >>> axis_range([bar], None)
    (3.3333333333333335, 90.0)
    """
    values = [v for b in bars for v in (b.low, b.high, b.stated) if math.isfinite(v) and v > 0]
    if consensus is not None:
        values += [v for v in (consensus.low, consensus.high) if math.isfinite(v) and v > 0]
    if not values:
        return None
    return min(values) / LOG_MARGIN, max(values) * LOG_MARGIN


def log_ticks(left: float, right: float) -> list[float]:
    """Round values (1, 2, 5 times a power of ten) between ``left`` and ``right``, at most six.

    >>> log_ticks(30, 900), log_ticks(3, 900)
    ([50.0, 100.0, 200.0, 500.0], [5.0, 10.0, 50.0, 100.0, 500.0])
    """
    ticks = []
    for exponent in range(math.floor(math.log10(left)), math.ceil(math.log10(right)) + 1):
        for step in (1, 2, 5):
            value = step * 10.0**exponent
            if left <= value <= right:
                ticks.append(value)
    if len(ticks) > 6:  # drop the twos first, then every other tick
        ticks = [t for t in ticks if not str(t).startswith("2")]
    while len(ticks) > 6:
        ticks = ticks[::2]
    return ticks


class _Scale:
    """Values to x pixels on a log axis from ``left`` to ``right``."""

    def __init__(self, left: float, right: float) -> None:
        self.left, self.right = left, right
        self.x0, self.x1 = LABEL_WIDTH + 8, SVG_WIDTH - 14
        self._log_left = math.log10(left)
        self._span = math.log10(right) - self._log_left or 1.0

    def x(self, value: float) -> float:
        if not math.isfinite(value) or value >= self.right:
            return self.x1
        if value <= self.left:
            return self.x0
        return self.x0 + (math.log10(value) - self._log_left) / self._span * (self.x1 - self.x0)


def _bar_svg(bar: Bar, y: float, scale: _Scale) -> str:
    colour = OUTSIDE_COLOUR if bar.outside else BAR_COLOUR
    x_low, x_high = scale.x(bar.low), scale.x(bar.high)
    tip = escape(f"{bar.label} ({format_interval(bar.low, bar.high, '')})")
    parts = [f"<g class='bar'><title>{tip}</title>",
             f"<text x='{LABEL_WIDTH}' y='{y + 4:.1f}' text-anchor='end'>{escape(bar.label)}</text>"]
    if bar.exact:
        x = scale.x(bar.stated)
        parts.append(f"<polygon points='{x - 6:.1f},{y:.1f} {x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f}' "
                     f"fill='{colour}' fill-opacity='0.8'/>")
    else:
        parts.append(f"<rect x='{x_low:.1f}' y='{y - 5:.1f}' width='{max(x_high - x_low, 2):.1f}' height='10' "
                     f"fill='{colour}' fill-opacity='0.55'/>")
    if not math.isfinite(bar.high):  # open above: an arrow at the edge
        parts.append(f"<polygon points='{x_high:.1f},{y:.1f} {x_high - 9:.1f},{y - 7:.1f} {x_high - 9:.1f},{y + 7:.1f}' "
                     f"fill='{colour}'/>")
    if bar.low <= 0:  # open below
        parts.append(f"<polygon points='{x_low:.1f},{y:.1f} {x_low + 9:.1f},{y - 7:.1f} {x_low + 9:.1f},{y + 7:.1f}' "
                     f"fill='{colour}'/>")
    if math.isfinite(bar.stated) and bar.stated > 0:
        x = scale.x(bar.stated)
        parts.append(f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{y - 8:.1f}' y2='{y + 8:.1f}' stroke='#111' stroke-width='2'/>")
    parts.append("</g>")
    return "".join(parts)


def _axis_svg(scale: _Scale, top: float, bottom: float, unit: str) -> str:
    parts = [f"<line x1='{scale.x0}' x2='{scale.x1}' y1='{bottom:.1f}' y2='{bottom:.1f}' stroke='#888'/>"]
    for tick in log_ticks(scale.left, scale.right):
        x = scale.x(tick)
        parts.append(f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{top:.1f}' y2='{bottom:.1f}' stroke='#ddd'/>")
        parts.append(f"<text x='{x:.1f}' y='{bottom + 14:.1f}' text-anchor='middle'>{escape(format_number(tick))}</text>")
    parts.append(f"<text x='{scale.x1}' y='{bottom + 24:.1f}' text-anchor='end' class='unit'>{escape(unit)}</text>")
    return "".join(parts)


def svg_chart(report: Report, fact: Fact) -> str:
    """The fact's chart as an inline ``<svg>`` (empty when nothing can be drawn).

    A bar per claim (a diamond for an exact figure, an arrow for an open bound, a black tick at
    the figure as stated; red when outside the consensus of a contradicted fact) and the consensus
    as a green band.
    """
    bars, _ = fact_bars(report, fact)
    span = axis_range(bars, fact.consensus)
    if not bars or span is None:
        return ""
    scale = _Scale(*span)
    top = 8.0
    bottom = top + ROW_HEIGHT * len(bars)
    height = bottom + AXIS_HEIGHT + 4
    unit = report.currency if fact.kind == "money" else fact.unit
    title = escape(f"{fact_line(fact)} ({unit})")
    opening = (
        f"<svg class='chart' role='img' aria-label='{title}' viewBox='0 0 {SVG_WIDTH} {height:.0f}' "
        f"width='{SVG_WIDTH}' height='{height:.0f}' xmlns='http://www.w3.org/2000/svg'><title>{title}</title>"
    )
    parts = [opening]
    if fact.consensus is not None:
        x_low, x_high = scale.x(fact.consensus.low), scale.x(fact.consensus.high)
        parts.append(f"<rect class='consensus' x='{x_low:.1f}' y='{top - 4:.1f}' width='{max(x_high - x_low, 3):.1f}' "
                     f"height='{bottom - top + 4:.1f}' fill='{CONSENSUS_COLOUR}' fill-opacity='0.18'>"
                     f"<title>consensus {escape(format_interval(fact.consensus.low, fact.consensus.high, unit))}</title></rect>")
    parts.append(_axis_svg(scale, top - 4, bottom, unit))
    parts.extend(_bar_svg(bar, top + ROW_HEIGHT * (i + 0.5), scale) for i, bar in enumerate(bars))
    parts.append("</svg>")
    return "".join(parts)
