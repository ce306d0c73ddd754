"""What one figure's frame is, and what the claims before it leave for the next figure."""

from __future__ import annotations

import attrs

from reconcile.model import DateRange


@attrs.frozen
class _Frame:
    subject: str | tuple[str, ...] | None
    action: str
    object: str | None
    period: DateRange | None
    seller_unnamed: bool = False
    """The subject is the seller of a unit price, not named in its sentence ("Chaque H200 serait
    facturé 27 000 dollars"): a later "Le groupe" does not mean it."""


@attrs.frozen
class _Context:
    """What the previous claims and sentences of a document leave for the next figure."""

    claim_frame: _Frame | None = None
    claim_sentence: int = -1
