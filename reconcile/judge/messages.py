"""Pieces of the sentences findings say: figures as written and normalised, sources, sentences."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reconcile.formatting import format_interval, format_number
from reconcile.judge.align import subject_label
from reconcile.judge.normalise import Normal
from reconcile.model import Claim, Fact

#: Claims (and sentences) quoted in one message; a finding's ``claims`` always holds them all.
MESSAGE_CLAIMS = 8


def quote(text: str) -> str:
    """Text in quotation marks, its whitespace collapsed.

    >>> quote("40 milliards\\n de yuans")
    '“40 milliards de yuans”'
    """
    return "“" + " ".join(text.split()) + "”"


def doc_sources(claim: Claim) -> str:
    return f"{claim.doc_id} [{', '.join(claim.sources)}]"


def describe(normal: Normal) -> str:
    """A figure as written, normalised, how it was dated, and where it comes from."""
    claim = normal.claim
    text = f"{quote(claim.text)} ({format_interval(normal.low, normal.high, normal.unit)}"
    if normal.dating is not None:
        basis = normal.dating.basis
        when = f"rates over {normal.window}" + (f", {basis}" if basis != "period" else "")
        if normal.dating.unknown:
            when += ": date unknown"
        text += f"; {when}"
    if claim.period is None:
        text += "; period unknown"
    if claim.hedged:
        text += "; hedged"
    return text + f") in {doc_sources(claim)}"


def describe_all(normals: Sequence[Normal]) -> str:
    shown = "; ".join(describe(n) for n in normals[:MESSAGE_CLAIMS])
    if len(normals) > MESSAGE_CLAIMS:
        shown += f"; and {len(normals) - MESSAGE_CLAIMS:,} more claims (see the finding's claims)"
    return shown


def sentences(claims: Iterable[Claim]) -> str:
    """``Sentences: doc: “…”; …`` (each sentence once, at most :data:`MESSAGE_CLAIMS`)."""
    seen: set[tuple[str, str]] = set()
    parts: list[str] = []
    more = 0
    for claim in claims:
        key = (claim.doc_id, claim.sentence)
        if key in seen:
            continue
        seen.add(key)
        if len(parts) < MESSAGE_CLAIMS:
            parts.append(f"{claim.doc_id}: {quote(claim.sentence)}")
        else:
            more += 1
    tail = f"; and {more:,} more sentences" if more else ""
    return "Sentences: " + "; ".join(parts) + tail + "."


def fact_label(fact: Fact) -> str:
    """``subject · action · object (kind, period)``."""
    parts = [subject_label(fact.subject), fact.action]
    if fact.object:
        parts.append(fact.object)
    period = str(fact.period) if fact.period is not None else "period unknown"
    return f"{' · '.join(parts)} ({fact.kind}, {period})"


def rate_range(low: float, high: float) -> str:
    """A rate interval, one figure when both ends read the same.

    >>> rate_range(0.1371, 0.1372), rate_range(0.13, 0.14)
    ('0.1371–0.1372', '0.13–0.14')
    """
    a, b = format_number(low, 4), format_number(high, 4)
    return a if a == b else f"{a}–{b}"


def plural(count: int, word: str) -> str:
    """``word`` with an ``s`` unless ``count`` is one.

    >>> plural(1, "claim"), plural(2, "claim")
    ('claim', 'claims')
    """
    return word if count == 1 else word + "s"
