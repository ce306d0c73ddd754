"""The finding kinds: each registered once with its name, severity, detector and message template.

This table is the one place a kind is defined; the report and everyone else refer to the
:class:`~reconcile.judge.registry.FindingKind` objects below (``CONTRADICTION.name``), never to
a bare string. Adding a kind is one detector in :mod:`reconcile.judge.detectors` and one
registration here. Findings are sorted by severity, kind, fact and first claim, so the order of
registration does not change a report.

>>> for kind in FINDING_KINDS.values():
...     print(f"{kind.name:<22} {kind.severity:<8} {kind.when}")
agreement              info     the claims of a fact from two or more documents share a value
contradiction          error    they cannot: the message names each side, its figures and sources
possible_contradiction info     figures that cannot all hold, but a frame was not read or the figures share one document
close_figures          info     figures from two or more documents within the tolerance that do not share a value
stage_gap              warning  one subject, object and period at different stages with different figures
conversion_consistent  info     a stated conversion fits the reference rates of its period
conversion_mismatch    warning  a stated conversion does not: implied and actual rates are given
unknown_period         info     undated claims beside dated claims of the same subject, measure and object
fx_unavailable         warning  a money figure could not be converted (unknown currency, no rates)
single_source          info     only with report_single_source=True: a fact stated by one document
"""

from __future__ import annotations

from reconcile.judge import detectors
from reconcile.judge.registry import FindingKinds

FINDING_KINDS = FindingKinds()
"""Every finding kind, by name, in registration order."""

AGREEMENT = FINDING_KINDS.register(
    "agreement",
    "info",
    detectors.agreement,
    "Agreement on {label}: {claims} claims from {documents} documents ({independents} independent "
    "{sources}) can all hold; consensus {consensus}. {described}.{shared} {sentences}",
    "the claims of a fact from two or more documents share a value",
)
CONTRADICTION = FINDING_KINDS.register(
    "contradiction",
    "error",
    detectors.contradiction,
    "Contradiction on {label}{where}: the figures cannot all hold together. {sides}. "
    "Consensus: {consensus}. {sentences}",
    "they cannot: the message names each side, its figures and sources",
)
POSSIBLE_CONTRADICTION = FINDING_KINDS.register(
    "possible_contradiction",
    "info",
    detectors.possible_contradiction,
    "Possible contradiction on {label}{where}, not raised as one ({reasons}): {sides}. {sentences}",
    "figures that cannot all hold, but a frame was not read or the figures share one document",
)
CLOSE_FIGURES = FINDING_KINDS.register(
    "close_figures",
    "info",
    detectors.close_figures,
    "Close but different figures on {label}: {described}; {spread} % apart, within the tolerance "
    "but with no value in common, so no consensus is drawn. {sentences}",
    "figures from two or more documents within the tolerance that do not share a value",
)
STAGE_GAP = FINDING_KINDS.register(
    "stage_gap",
    "warning",
    detectors.stage_gap,
    "Stage gap for {what} ({kind}, {when}): {early_action} {early}; but {late_action} {late}: "
    "{late_action} is {percent} % of {early_action} (ratio {ratio}). Different stages of one deal, "
    "not a contradiction between sources. {sentences}",
    "one subject, object and period at different stages with different figures",
)
CONVERSION_CONSISTENT = FINDING_KINDS.register(
    "conversion_consistent",
    "info",
    detectors.conversion_consistent,
    "Stated conversion in {doc}: {a} ({a_interval}) = {b} ({b_interval}) implies {implied}; "
    "that is consistent with the reference rates over {when}: {rates}. {sentences}",
    "a stated conversion fits the reference rates of its period",
)
CONVERSION_MISMATCH = FINDING_KINDS.register(
    "conversion_mismatch",
    "warning",
    detectors.conversion_mismatch,
    "Stated conversion in {doc}: {a} ({a_interval}) = {b} ({b_interval}) implies {implied}; "
    "that is inconsistent with the reference rates over {when}: {rates}. {sentences}",
    "a stated conversion does not: implied and actual rates are given",
)
UNKNOWN_PERIOD = FINDING_KINDS.register(
    "unknown_period",
    "info",
    detectors.unknown_period,
    "Period unknown for {count} {claims} of {label}: {described}. Possibly the same fact as the "
    "dated claims of {period}; not judged against them, since an unknown period may be any. {sentences}",
    "undated claims beside dated claims of the same subject, measure and object",
)
FX_UNAVAILABLE = FINDING_KINDS.register(
    "fx_unavailable",
    "warning",
    detectors.fx_unavailable,
    "Cannot {attempt}: {error}. {consequence}{sentences}",
    "a money figure could not be converted (unknown currency, no rates)",
)
SINGLE_SOURCE = FINDING_KINDS.register(
    "single_source",
    "info",
    detectors.single_source,
    "Single source for {label}: {described}. {sentences}",
    "only with report_single_source=True: a fact stated by one document",
)
