"""Independence and trust: which claims are one source, and how much each outlet is believed.

Claims whose :attr:`~reconcile.model.Claim.sources` share an outlet are one source (two articles
citing Reuters count once). A side's weight is the sum over its independent sources of the
strongest of their claims (a hedged claim weighs :data:`HEDGED_WEIGHT`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

from reconcile.judge.normalise import Normal, copy_source
from reconcile.judge.strength import hedge_counts
from reconcile.model import Claim

#: Weight of a hedged claim (conditional, "aurait", "reportedly") against an asserted one.
HEDGED_WEIGHT = 0.5

T = TypeVar("T")


def independent_groups(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Partition claims into independent sources: claims sharing any outlet are one source.

    >>> from reconcile.model import Quantity
    >>> q = Quantity.exact(1, "chip", "count")
    >>> a = Claim("a#1", "a", 0, 1, "1", "1", q, cites=("Reuters",))
    >>> b = Claim("b#1", "b", 0, 1, "1", "1", q, attributed_to="Reuters")
    >>> c = Claim("c#1", "c", 0, 1, "1", "1", q, publisher="Le Monde")
    >>> [[x.id for x in g] for g in independent_groups([a, b, c])]
    [['a#1', 'b#1'], ['c#1']]
    """
    return partition(claims, _claim_sources)


def partition(items: Sequence[T], sources_of: Callable[[T], tuple[str, ...]]) -> list[list[T]]:
    """Group items whose sources share an outlet (union-find; a dict when each has one source)."""
    all_sources = [sources_of(item) for item in items]
    if all(len(src) == 1 for src in all_sources):
        simple: dict[str, list[T]] = {}
        for item, src in zip(items, all_sources):
            simple.setdefault(src[0], []).append(item)
        return list(simple.values())
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        root = name
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[name] != root:
            parent[name], name = root, parent[name]
        return root

    for outlets in all_sources:
        first = find(outlets[0])
        for outlet in outlets[1:]:
            other = find(outlet)
            if other != first:
                parent[other] = first
    groups: dict[str, list[T]] = {}
    for item, outlets in zip(items, all_sources):
        groups.setdefault(find(outlets[0]), []).append(item)
    return list(groups.values())


def claim_weight(claim: Claim) -> float:
    """A hedged claim weighs less, whatever the wording of its attribution (see
    :func:`reconcile.judge.strength.hedge_counts`)."""
    return HEDGED_WEIGHT if hedge_counts(claim) else 1.0


def _claim_sources(claim: Claim) -> tuple[str, ...]:
    copy = copy_source(claim)
    return claim.sources + (copy,) if copy else claim.sources


def normal_sources(normal: Normal) -> tuple[str, ...]:
    """The sources a figure rests on for independence: its outlets, and its sentence's copy source
    (:func:`~reconcile.judge.normalise.copy_source`), so syndicated copies count once."""
    copy = copy_source(normal.claim)
    return normal.sources + (copy,) if copy else normal.sources  # the display keeps normal.sources


def count_weight(normals: Sequence[Normal]) -> float:
    """The weight of a side: per independent source, its strongest claim."""
    groups = partition(normals, normal_sources)
    return sum(max(claim_weight(n.claim) for n in group) for group in groups)


def independent_count(normals: Sequence[Normal]) -> int:
    """How many independent sources back these figures."""
    return len(partition(normals, normal_sources)) if len(normals) > 1 else len(normals)


def source_trust(
    contests: Sequence[Sequence[frozenset[str]]],
    *,
    initial: float = 0.8,
    dampening: float = 0.3,
    implication: float = 0.5,
    iterations: int = 20,
    epsilon: float = 1e-4,
) -> tuple[dict[str, float], list[list[float]]]:
    """Iterative source trust in the manner of TruthFinder (Yin, Han & Yu, 2007).

    ``contests`` holds, for each fact, its sides; a side is the set of outlets backing it. Each
    round, a side's score is the sum of ``-ln(1 - trust)`` of its outlets minus ``implication``
    times the scores of the sides it excludes; its confidence is ``1 / (1 + exp(-dampening *
    score))``; an outlet's trust is the mean confidence of the sides it backs. Returns the trust
    per outlet and the final confidence of every side.

    >>> trust, conf = source_trust([[frozenset({"A", "B"}), frozenset({"C"})], [frozenset({"A", "B", "C"})]])
    >>> trust["A"] > trust["C"], conf[0][0] > conf[0][1]
    (True, True)
    """
    names = sorted({o for sides in contests for side in sides for o in side})
    index = {name: i for i, name in enumerate(names)}
    # each contest as a list of sides, each side a tuple of outlet indices
    encoded = [[tuple(index[o] for o in side) for side in sides] for sides in contests]
    backing = [0] * len(names)
    for sides in encoded:
        for side in sides:
            for i in side:
                backing[i] += 1
    trust = [initial] * len(names)
    confidences: list[list[float]] = []
    for _ in range(max(1, iterations)):
        totals, confidences = _trust_round(encoded, trust, dampening, implication)
        updated = [min(0.99, totals[i] / backing[i]) for i in range(len(names))]
        change = max((abs(a - b) for a, b in zip(updated, trust)), default=0.0)
        trust = updated
        if change < epsilon:
            break
    return dict(zip(names, trust)), confidences


def _trust_round(
    encoded: list[list[tuple[int, ...]]], trust: list[float], dampening: float, implication: float
) -> tuple[list[float], list[list[float]]]:
    """One round: each side's confidence, and per outlet the sum of the confidences it backs."""
    exp, log = math.exp, math.log
    tau = [-log(max(1e-6, 1 - t)) for t in trust]
    totals = [0.0] * len(trust)
    confidences = []
    for sides in encoded:
        scores = [sum(tau[i] for i in side) for side in sides]
        total = sum(scores)
        row = []
        for side, score in zip(sides, scores):
            confidence = 1 / (1 + exp(-dampening * (score - implication * (total - score))))
            row.append(confidence)
            for i in side:
                totals[i] += confidence
        confidences.append(row)
    return totals, confidences
