"""The registry type of finding kinds: each kind is a name, a severity, a detector and a message.

A *detector* is a function ``(kind, batch) -> iterable of Finding``: it reads the judged batch
(:class:`~reconcile.judge.batch.Batch`) and, for every case it finds, fills the kind's message
template with :meth:`FindingKind.finding`. The table of kinds is :data:`reconcile.judge.kinds.FINDING_KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from reconcile.errors import ReconcileError
from reconcile.model import SEVERITIES, Claim, Finding

if TYPE_CHECKING:
    from reconcile.judge.batch import Batch

Detector = Callable[["FindingKind", "Batch"], Iterable[Finding]]


@attrs.frozen
class FindingKind:
    """One kind of finding: ``name`` (as in :attr:`Finding.kind`), ``severity``, the ``detector``
    that finds its cases and the message ``template`` (:meth:`str.format` fields) they fill;
    ``when`` says in one line when the kind is found.

    >>> kind = FindingKind("demo", "info", lambda kind, batch: (), "{n} figures agree.", "never")
    >>> kind.finding((), None, {"n": 2}, n=2)
    Finding(kind='demo', claims=(), message='2 figures agree.', severity='info', fact_id=None, details={'n': 2}, confidence=1.0, why='')
    """

    name: str
    severity: str = attrs.field(validator=attrs.validators.in_(SEVERITIES))
    detector: Detector = attrs.field(eq=False, repr=False)
    template: str = attrs.field(repr=False)
    when: str = ""

    def finding(
        self,
        claims: Sequence[Claim],
        fact_id: str | None,
        details: Mapping[str, Any],
        /,
        *,
        confidence: float = 1.0,
        why: str = "",
        **fields: Any,
    ) -> Finding:
        """A finding of this kind, its message the template filled with ``fields`` (any names, even
        ``claims``: the first three arguments are positional only), with its confidence and why."""
        message = self.template.format(**fields)
        return Finding(
            self.name, claims, message, self.severity, fact_id, details, confidence=confidence, why=why
        )

    def detect(self, batch: Batch) -> Iterator[Finding]:
        """The findings of this kind in ``batch``."""
        return iter(self.detector(self, batch))


class FindingKinds(Mapping[str, FindingKind]):
    """Finding kinds by name, in registration order; a name is registered once.

    >>> kinds = FindingKinds()
    >>> demo = kinds.register("demo", "info", lambda kind, batch: (), "Demo.")
    >>> list(kinds), kinds["demo"] is demo
    (['demo'], True)
    >>> kinds.register("demo", "info", lambda kind, batch: (), "Again.")
    Traceback (most recent call last):
    ...
    reconcile.errors.ReconcileError: finding kind 'demo' is already registered
    """

    def __init__(self) -> None:
        self._kinds: dict[str, FindingKind] = {}

    def register(self, name: str, severity: str, detector: Detector, template: str, when: str = "") -> FindingKind:
        """Add a kind; returns it (keep it as the module's name for the kind)."""
        if name in self._kinds:
            raise ReconcileError(f"finding kind {name!r} is already registered")
        kind = FindingKind(name, severity, detector, template, when)
        self._kinds[name] = kind
        return kind

    def __getitem__(self, name: str) -> FindingKind:
        return self._kinds[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)

    def detect(self, batch: Batch) -> list[Finding]:
        """Every kind's findings in ``batch``, kind after kind in registration order."""
        return [finding for kind in self._kinds.values() for finding in kind.detect(batch)]
