"""The finding kinds: each registered once with its name, severity, detector and message template.

This table is the one place a kind is defined; the report and everyone else refer to the
:class:`~reconcile.judge.registry.FindingKind` objects below (``CONTRADICTION.name``), never to
a bare string. Adding a kind is one detector in :mod:`reconcile.judge.detectors` and one
registration here. Findings are sorted by severity, kind, fact and first claim, so the order of
registration does not change a report.

>>> for kind in FINDING_KINDS.values():
...     print(f"{kind.name:<22} {kind.severity:<8} {kind.when}")
agreement              info     the claims of a fact from two or more documents can all hold
contradiction          error    they cannot: the message names each side, its figures and sources
stage_gap              warning  one subject, object and period at different stages with different figures
conversion_consistent  info     a stated conversion fits the reference rates of its period
conversion_mismatch    warning  a stated conversion does not: implied and actual rates are given
unknown_period         info     a claim with no period was aligned with dated claims
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
    "the claims of a fact from two or more documents can all hold",
)
CONTRADICTION = FINDING_KINDS.register(
    "contradiction",
    "error",
    detectors.contradiction,
    "Contradiction on {label}{where}: the figures cannot all hold together. {sides}. "
    "Consensus: {consensus}. {sentences}",
    "they cannot: the message names each side, its figures and sources",
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
    "Period unknown for {count} {claims} of {label}: {described}. Aligned with the dated claims of "
    "{period} because an unknown period may match any. {sentences}",
    "a claim with no period was aligned with dated claims",
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
