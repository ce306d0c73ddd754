"""Named resolvers: how a frame slot is decided, and the evidence of each decision.

A slot (subject, action, object, period, hedged, attributed_to) is decided by an ordered tuple of
:class:`Resolver` s, tried in turn: the first that answers wins, so the order of the tuple is the
precedence, and the evidence says which one answered, from what span, and whether the value was
read in the figure's own clause (``explicit``), taken from context (``carried``) or nothing was
read (``default``). Every list ends with a default that always answers.

A resolver that refines what the rest of its list would give (a purchase step under "could" is a
plan) asks for that rest by its name, a tuple of the slot's module: the refinement stands first,
so the winner is visible in the order.

>>> numbers = (Resolver("even", lambda n: Found("even", start=0, end=1) if n % 2 == 0 else None),
...            Resolver("odd", lambda n: Found("odd", "default")))
>>> decision = decide("parity", numbers, 4, "4")
>>> decision.value, decision.evidence
('even', Evidence(slot='parity', resolver='even', origin='explicit', start=0, end=1, text='4'))
>>> decide("parity", numbers, 3, "3").evidence.resolver
'odd'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import attrs

from reconcile.model import Evidence

_Context = TypeVar("_Context")
_Value = TypeVar("_Value")

__all__ = ["Decision", "Found", "Resolver", "decide", "first", "resolver"]


@attrs.frozen
class Found(Generic[_Value]):
    """What a resolver answers: the value, how it was come by, and the document span it read."""

    value: _Value
    origin: str = "explicit"
    start: int | None = None
    end: int | None = None


@attrs.frozen
class Decision(Generic[_Value]):
    """A slot's value and, on demand, the evidence of the resolver that decided it."""

    value: _Value
    slot: str
    resolver: str
    found: Found[_Value] = attrs.field(repr=False)
    document: str = attrs.field(repr=False)

    @property
    def evidence(self) -> Evidence:
        found = self.found
        read = self.document[found.start : found.end] if found.start is not None and found.end is not None else ""
        return Evidence(self.slot, self.resolver, found.origin, found.start, found.end, read)


@attrs.frozen
class Resolver(Generic[_Context, _Value]):
    """A named rule for one slot: ``read`` answers a :class:`Found`, or ``None`` when it does not apply."""

    name: str
    read: Callable[[_Context], Found[_Value] | None] = attrs.field(repr=False)

    def __call__(self, context: _Context) -> Found[_Value] | None:
        return self.read(context)


def resolver(name: str) -> Callable[[Callable[[_Context], Found[_Value] | None]], Resolver[_Context, _Value]]:
    """Decorator: the function becomes a :class:`Resolver` of that name."""

    def wrap(read: Callable[[_Context], Found[_Value] | None]) -> Resolver[_Context, _Value]:
        return Resolver(name, read)

    return wrap


def first(slot: str, resolvers: Sequence[Resolver[_Context, _Value]], context: _Context,
          text: str) -> Decision[_Value] | None:
    """The first answer of ``resolvers`` (in order) for ``context`` with its evidence, or ``None``
    when none answers; ``text`` is the document the spans point into."""
    for rule in resolvers:
        found = rule(context)
        if found is not None:
            return Decision(found.value, slot, rule.name, found, text)
    return None


def decide(slot: str, resolvers: Sequence[Resolver[_Context, _Value]], context: _Context, text: str) -> Decision[_Value]:
    """Like :func:`first`, for a list that ends with its default: raises ``LookupError`` when
    none answers."""
    decision = first(slot, resolvers, context, text)
    if decision is None:
        raise LookupError(f"no resolver decided {slot!r}: {[r.name for r in resolvers]}")
    return decision
