"""The report: findings first, then the facts and the claims behind them, in several formats.

:class:`Report` is what :func:`reconcile.reconcile` returns. Its formats are registered in
:data:`reconcile.report.renderers.RENDERERS`: a plain-text table (:meth:`Report.to_table`, also
``str(report)``), JSON (:meth:`Report.to_json`, schema in :mod:`reconcile.report.schema`), Markdown
(:meth:`Report.to_markdown`), one self-contained HTML page (:meth:`Report.to_html`) and pandas
frames (:meth:`Report.to_frame`, needs the ``frame`` extra); ``_repr_html_`` is the notebook view.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from reconcile.errors import ReconcileError
from reconcile.judge import Judgement
from reconcile.judge.kinds import CONTRADICTION
from reconcile.model import Claim, DateRange, Document, Fact, Finding
from reconcile.report.renderers import RENDERERS
from reconcile.report.schema import report_dict
from reconcile.report.verdicts import VerdictContext, verdict
from reconcile.report.web import render_notebook


def _facts(items: Iterable[Fact]) -> tuple[Fact, ...]:
    return tuple(items)


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


def _claims(items: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(items)


def _problems(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


def _documents(items: Iterable[Document]) -> tuple[Document, ...]:
    documents = tuple(items)
    for document in documents:
        if not isinstance(document, Document):
            raise TypeError(f"Report documents must be Document objects, got {type(document).__name__}")
    return documents


@attrs.frozen
class Report:
    """Facts and findings of one :func:`reconcile.reconcile` run, with their renderings.

    >>> from reconcile.model import Claim, Quantity
    >>> q = Quantity.exact(1, "chip", "count")
    >>> c = Claim("a#1", "a", 0, 1, "1", "one <b>chip</b>", q)
    >>> r = Report(facts=(), findings=(Finding("agreement", (c,), "All <agree>"),), currency="USD", claims=(c,))
    >>> r.to_dict()["summary"]["findings"]
    {'agreement': 1}
    >>> "<agree>" in r.to_html(), "&lt;agree&gt;" in r.to_html()
    (False, True)
    """

    facts: tuple[Fact, ...] = attrs.field(converter=_facts)
    findings: tuple[Finding, ...] = attrs.field(converter=_findings)
    currency: str = "USD"
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claims)
    tolerance: Any = None
    window: DateRange | None = None
    trust: Mapping[str, float] = attrs.field(factory=dict, eq=False)
    problems: tuple[Any, ...] = attrs.field(default=(), converter=_problems)
    documents: tuple[Document, ...] = attrs.field(default=(), converter=_documents, eq=False, repr=False)
    _by_id: dict[str, Document] = attrs.field(init=False, factory=dict, eq=False, repr=False)
    _memo: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._by_id.update((d.id, d) for d in self.documents)

    @classmethod
    def of(cls, judgement: Judgement, problems: Sequence[Any] = (), documents: Iterable[Document] = ()) -> Report:
        """The report of a :class:`~reconcile.judge.Judgement`, with the batch's ``problems`` and
        the ``documents`` read (their outlet, title and url name the sources in every output)."""
        return cls(
            facts=judgement.facts,
            findings=judgement.findings,
            currency=judgement.currency,
            claims=judgement.claims,
            tolerance=judgement.tolerance,
            window=judgement.window,
            trust=judgement.trust,
            problems=tuple(problems),
            documents=tuple(documents),
        )

    # ------------------------------------------------------------- queries

    def of_kind(self, kind: str) -> tuple[Finding, ...]:
        """The findings of one kind (``"contradiction"``, ``"stage_gap"``, ...)."""
        return tuple(f for f in self.findings if f.kind == kind)

    @property
    def contradictions(self) -> tuple[Finding, ...]:
        return self.of_kind(CONTRADICTION.name)

    @property
    def has_contradictions(self) -> bool:
        return any(f.kind == CONTRADICTION.name for f in self.findings)

    def fact(self, fact_id: str) -> Fact:
        """The fact with id ``fact_id``; raises :class:`ReconcileError` when there is none."""
        fact = self.verdict_context().fact(fact_id)
        if fact is None:
            raise ReconcileError(f"no fact with id {fact_id!r} in this report")
        return fact

    def document(self, doc_id: str) -> Document | None:
        """The document read with id ``doc_id``, or ``None`` when the report was built from claims
        alone (its title and url are then unknown).

        >>> r = Report(facts=(), findings=(), documents=(Document("a", "text", title="Orders"),))
        >>> r.document("a").title, r.document("b")
        ('Orders', None)
        """
        return self._by_id.get(doc_id)

    def outlets(self) -> tuple[str, ...]:
        """The outlets the report read: the publishers of its documents and of its claims, sorted.

        >>> Report(facts=(), findings=(), documents=(Document("a", "t", publisher="Wire"),)).outlets()
        ('Wire',)
        """
        named = {d.publisher for d in self.documents} | {c.publisher for c in self.all_claims()}
        return tuple(sorted(p for p in named if p))

    def all_claims(self) -> list[Claim]:
        """The batch's claims, then any claim of a fact not among them, each once."""
        seen: dict[str, Claim] = {c.id: c for c in self.claims}
        for fact in self.facts:
            for claim in fact.claims:
                seen.setdefault(claim.id, claim)
        return list(seen.values())

    def verdict_context(self) -> VerdictContext:
        """What verdicts read: the facts, and each document's outlet (publisher, else title)."""
        if "context" not in self._memo:
            outlets = {d.id: d.publisher or d.title or d.id for d in self.documents}
            self._memo["context"] = VerdictContext(self.facts, outlets)
        context: VerdictContext = self._memo["context"]
        return context

    def verdicts(self) -> tuple[str, ...]:
        """Each finding in one line of plain words, in the order of :attr:`findings`
        (:mod:`reconcile.report.verdicts`); the ``message`` is the detail.

        >>> Report(facts=(), findings=(Finding("made_up", (), "All agree. In detail."),)).verdicts()
        ('All agree.',)
        """
        if "verdicts" not in self._memo:
            context = self.verdict_context()
            self._memo["verdicts"] = tuple(verdict(f, context) for f in self.findings)
        verdicts: tuple[str, ...] = self._memo["verdicts"]
        return verdicts

    def contradicted(self, fact_id: str) -> frozenset[str]:
        """The ids of the claims of contradictions on the fact ``fact_id`` (computed once per report)."""
        if "contradicted" not in self._memo:
            by_fact: dict[str, set[str]] = {}
            for finding in self.contradictions:
                by_fact.setdefault(finding.fact_id or "", set()).update(c.id for c in finding.claims)
            self._memo["contradicted"] = {k: frozenset(v) for k, v in by_fact.items()}
        return self._memo["contradicted"].get(fact_id, frozenset())

    def summary(self) -> str:
        """One line: counts of claims, facts and findings by kind.

        >>> Report(facts=(), findings=(), currency="USD").summary()
        '0 claims, 0 facts, no findings (currency USD)'
        """
        kinds = Counter(f.kind for f in self.findings)
        found = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no findings"
        claims, facts = len(self.all_claims()), len(self.facts)
        return (
            f"{claims} claim{'' if claims == 1 else 's'}, {facts} fact{'' if facts == 1 else 's'}, "
            f"{found} (currency {self.currency})"
        )

    # ------------------------------------------------------------- renderings (see RENDERERS)

    def render(self, fmt: str, **options: Any) -> Any:
        """The report in the registered format ``fmt`` (``table``, ``json``, ``md``, ``html``,
        ``frame``, ...); raises :class:`ReconcileError` for an unknown one.

        >>> Report(facts=(), findings=()).render("json", indent=None)[:25]
        '{"schema_version": "2", "'
        """
        return RENDERERS[fmt].render(self, **options)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON values, following :mod:`reconcile.report.schema`."""
        return report_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        """The report as a JSON document (:mod:`reconcile.report.schema`, ``schema_version`` "2")."""
        return str(self.render("json", indent=indent))

    def to_frame(self, table: str = "findings") -> Any:
        """A pandas DataFrame of the ``"findings"``, ``"facts"`` or ``"claims"``.

        Needs pandas (``pip install 'reconcile[frame]'``); imported only here.
        """
        return self.render("frame", table=table)

    def plot(self, min_claims: int = 1) -> Any:
        """The consensus chart as a matplotlib ``Figure``: one panel per fact with at least
        ``min_claims`` claims, each source's interval on a log axis and the consensus as a green
        band (:mod:`reconcile.report.plot`). Needs matplotlib (``pip install 'reconcile[plot]'``).
        """
        return self.render("plot", min_claims=min_claims)

    def to_table(self, width: int = 110, verbose: bool = False) -> str:
        """A plain-text table for terminals: one line per finding (severity, kind, verdict); with
        ``verbose`` each finding's full message and claims follow its line.

        >>> print(Report(facts=(), findings=(Finding("made_up", (), "All agree."),), currency="USD").to_table(60))
        SEVERITY  KIND           VERDICT
        --------  -------------  -----------------------------------
        info      made_up        All agree.
        <BLANKLINE>
        0 claims, 0 facts, 1 made_up (currency USD)
        """
        return str(self.render("table", width=width, verbose=verbose))

    def __str__(self) -> str:
        return self.to_table()

    def to_markdown(self) -> str:
        """Markdown: a findings table, then each fact with its claims and sentences."""
        return str(self.render("md"))

    def to_html(self, path: str | Path | None = None) -> str:
        """One self-contained HTML page (findings first, contradictions highlighted); written to
        ``path`` if given. All text is escaped and a Content-Security-Policy forbids scripts; each
        claim's evidence opens on demand."""
        page = str(self.render("html"))
        if path is not None:
            try:
                Path(path).write_text(page, encoding="utf-8")
            except OSError as exc:
                raise ReconcileError(f"cannot write the HTML report to {path}: {exc}") from exc
        return page

    def _repr_html_(self) -> str:
        return render_notebook(self)
