"""The pipeline: documents -> claims -> judgement -> report, in one call.

:func:`reconcile` judges claims and wraps the judgement in a :class:`~reconcile.report.Report`.
It lives here, after both the judge and the report, so that the judge never imports the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reconcile.fx import FxRates
from reconcile.judge import DEFAULT_TOLERANCE, Tolerance, judge
from reconcile.lexicon import Lexicon
from reconcile.model import Claim, DateRange
from reconcile.report import Report


def reconcile(
    claims: Iterable[Claim],
    currency: str = "USD",
    rates: FxRates | None = None,
    *,
    tolerance: Tolerance | float | None = DEFAULT_TOLERANCE,
    lexicon: Lexicon | None = None,
    unknown_date_window: DateRange | None = None,
    report_single_source: bool = False,
    problems: Sequence[Any] = (),
) -> Report:
    """Align claims into facts, judge them (:func:`reconcile.judge.judge`) and report.

    Money is compared in ``currency``; ``problems`` (e.g. the loader's) are carried to the report.
    The other arguments are the judge's.

    >>> import math
    >>> from reconcile.model import Quantity
    >>> chips = lambda v, bound="exact", high=None: Quantity(v, high if high is not None else v, v, "chip", "count", bound)
    >>> mk = lambda i, q, who: Claim(f"{i}#1", i, 0, 1, "x", "x", q, subject="ByteDance", action="order",
    ...                              object="H20", period=DateRange.year(2024), publisher=who)
    >>> report = reconcile([mk("a", chips(200_000), "FT"), mk("b", chips(200_000, "lower", math.inf), "Reuters")])
    >>> [f.kind for f in report.findings]
    ['agreement']
    >>> report = reconcile([mk("a", chips(120_000), "FT"), mk("b", chips(200_000, "lower", math.inf), "Reuters")])
    >>> [(f.kind, f.severity) for f in report.findings]
    [('contradiction', 'error')]
    """
    judgement = judge(
        claims,
        currency,
        rates,
        tolerance=tolerance,
        lexicon=lexicon,
        unknown_date_window=unknown_date_window,
        report_single_source=report_single_source,
    )
    return Report.of(judgement, problems)
