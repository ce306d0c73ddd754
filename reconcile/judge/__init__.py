"""Judgement: where the sources agree, where they contradict, where a gap is real but no conflict.

:func:`judge` aligns claims into facts (:func:`align`), puts every figure of a fact on one footing
(money converted to ``currency`` at the rates of its period, an interval when the period is a
span), weighs the sides of each fact and runs one detector per finding kind. It returns a
:class:`Judgement` (data only); :func:`reconcile.reconcile` wraps it in a
:class:`~reconcile.report.Report`. The judge never imports the report.

==================  ===================================================================
module              what it owns
==================  ===================================================================
``align``           blocking keys and period clusters: the claims of one fact
``tolerance``       :class:`Tolerance`, rounding margins, compatible intervals
``normalise``       conversion windows and figures in one currency
``trust``           independent sources, side weights, iterative source trust
``sides``           the sides of a fact and its consensus
``conversions``     stated conversions measured against the reference rates
``kinds``           **the registry of finding kinds**: name, severity, detector, message
``detectors``       one detector per kind
``core``            :func:`judge` and :class:`Judgement`
==================  ===================================================================

The kinds are listed, with their severity and when each is found, in :mod:`reconcile.judge.kinds`.

Policies (each decided in one place)
------------------------------------

**Tolerance** (:class:`Tolerance`). Two intervals are compatible when ``max(lows) <= min(highs)``
up to ``relative`` (default 2 %) of the larger bound. Before that, a figure stated *exactly* is
widened by its rounding: half a unit of its last significant digit (``5,6 milliards`` ->
± 0.05 bn), capped at ``rounding_cap`` (default 5 %) of the figure, because a journalist's
``30 000`` is rounded but not to ± 5 000. Bounds (``plus de``, ``fewer than``) are boundaries, not
roundings, and approximate figures (``environ``) already carry the width that
:mod:`reconcile.quantities` gives them. So ``200 000`` agrees with ``plus de 200 000``, ``30 000``
with ``fewer than 30,000``, and ``about 120,000`` contradicts ``more than 200,000``.

**Conversion dates** (:mod:`~reconcile.judge.normalise`). A money figure is converted at the rates
over, in order of preference: the claim's period; else its document's publication date (a range
if only bounds are known); else the *corpus window*, the span of the publication dates of the
batch's other claims; else the ``unknown_date_window`` argument; else the last 365 days of the
rate table. Spans are clipped to the days the rate table covers. Findings say which basis was used
and that the date was unknown.

**Stated conversions** (:mod:`~reconcile.judge.conversions`). The two figures of an equivalence
(``claim.equivalents``) are one statement: the pair's implied rate ``[low_B / high_A, high_B /
low_A]`` is checked against the actual rate interval over the claim's window. A ``plus de`` /
``more than`` is read as applying to both figures, so the implied rate uses the stated figures
(widened by rounding and approximation), not the open interval. Inside facts only the figure
written first is judged (the statement; the others are the writer's conversions of it), so a
wrong conversion is reported once, as a mismatch, and cannot also make a contradiction.

**Independence** (:mod:`~reconcile.judge.trust`). Claims whose
:attr:`~reconcile.model.Claim.sources` share an outlet are one source (two articles citing Reuters
count once). A side's weight is the sum over its independent sources of the strongest of their
claims (a hedged claim, ``aurait commandé``, weighs ``HEDGED_WEIGHT``).

**Consensus** (:mod:`~reconcile.judge.sides`). When all claims agree, the consensus is their
common interval. When they do not, the side with the greatest weight wins; with three or more
independent sources the weight is the side's confidence from an iterative source-trust estimate in
the manner of TruthFinder (:func:`source_trust`); on a tie the consensus is ``None``.

**Stage gaps** (:func:`~reconcile.judge.detectors.stage_gap`). Facts are also grouped ignoring the
action; two facts whose actions have different stages (:meth:`Lexicon.action_stage`: plan <
approve < order < buy < receive), overlapping or unknown periods and incompatible consensus figures
make a ``stage_gap``.
"""

from reconcile.judge.align import (
    align,
    block_key,
    common_period,
    fact_id,
    period_clusters,
    subject_key,
    subject_label,
)
from reconcile.judge.core import Judgement, finding_order, judge
from reconcile.judge.kinds import FINDING_KINDS
from reconcile.judge.messages import MESSAGE_CLAIMS
from reconcile.judge.normalise import FALLBACK_WINDOW_DAYS, corpus_window
from reconcile.judge.registry import FindingKind, FindingKinds
from reconcile.judge.sides import split_sides
from reconcile.judge.tolerance import (
    DEFAULT_TOLERANCE,
    Tolerance,
    compatible,
    rounding_margin,
    widened,
)
from reconcile.judge.trust import HEDGED_WEIGHT, independent_groups, source_trust

__all__ = [
    "DEFAULT_TOLERANCE",
    "FALLBACK_WINDOW_DAYS",
    "FINDING_KINDS",
    "HEDGED_WEIGHT",
    "MESSAGE_CLAIMS",
    "FindingKind",
    "FindingKinds",
    "Judgement",
    "Tolerance",
    "align",
    "block_key",
    "common_period",
    "compatible",
    "corpus_window",
    "fact_id",
    "finding_order",
    "independent_groups",
    "judge",
    "period_clusters",
    "rounding_margin",
    "source_trust",
    "split_sides",
    "subject_key",
    "subject_label",
    "widened",
]
