"""The report as JSON values (what :meth:`Report.to_dict` and the ``json`` renderer give).

JSON schema (``schema_version`` "2")
------------------------------------

The document is one object; keys are stable, new keys may be added within a version, a renamed or
removed key bumps the version. Infinite interval bounds are ``null`` (JSON has no infinity): an
interval ``[200000, null]`` means "200 000 or more". Periods are ``{"from": "YYYY-MM-DD", "to":
"YYYY-MM-DD"}`` or ``null`` (unknown). A subject is a string, a list of strings (a group) or ``null``.

.. code-block:: text

    {
      "schema_version": "2",
      "currency": "USD",                     # every money figure is compared in this currency
      "tolerance": {"relative": 0.02, "rounding_cap": 0.05},
      "window": period | null,               # dates undated money figures (the corpus window)
      "summary": {"claims": int, "facts": int, "findings": {kind: int, ...},
                  "contradictions": int, "problems": int,
                  "severities": {severity: int, ...}, "documents": int, "outlets": int},
      "findings": [{
          "kind": "agreement" | "contradiction" | "possible_contradiction" | "close_figures"
                  | "stage_gap" | "conversion_consistent" | "conversion_mismatch" | "unknown_period"
                  | "fx_unavailable" | "single_source",
                                             # the names in reconcile.judge.FINDING_KINDS
          "severity": "info" | "warning" | "error",
          "fact_id": str | null,
          "message": str,                    # the judge's full sentence, with every figure and quote
          "verdict": str,                    # the same in one short line (reconcile.report.verdicts)
          "confidence": float,               # 0..1: how strongly the frames were read, how many sources
          "why": str,                        # one line: what matched and on what evidence
          "claims": [claim id, ...],
          "documents": [document id, ...],
          "details": {...}                   # kind-specific, JSON values only
      }],
      "facts": [{
          "id": str, "subject": subject, "action": str, "object": str | null,
          "kind": "money" | "count" | "percent" | "number", "unit": str, "period": period,
          "consensus": quantity | null, "claims": [claim id, ...]
      }],
      "claims": [{
          "id": str, "doc_id": str, "text": str, "sentence": str, "start": int, "end": int,
          "quantity": quantity, "subject": subject, "action": str,
          "stage": "actual" | "plan" | "forecast" | "estimate" | "target",   # reconcile.model.STAGES
          "object": str | null, "period": period, "hedged": bool, "attributed_to": str | null, "sources": [str],
          "equivalents": [claim id],
          "repeats": claim id | null,        # the body claim a headline, caption or repeated paragraph restates
          "lang": str, "published": period, "publisher": str | null,
          "title": str | null, "url": str | null,   # of the claim's document, when it was read
          "evidence": [evidence, ...]        # why each frame slot holds its value; [] if none recorded
      }],
      "documents": [{"id": str, "lang": str, "published": period, "publisher": str | null,
                     "title": str | null, "url": str | null, "cites": [str]}],   # the documents read
      "trust": {outlet: float},              # iterative source trust (facts with 2+ sources)
      "problems": [str]                      # documents that could not be read
    }

    quantity = {"low": float | null, "high": float | null, "stated": float, "unit": str,
                "kind": str, "bound": "exact" | "approx" | "lower" | "upper" | "range", "text": str}

    evidence = {"slot": "subject" | "action" | "stage" | "object" | "period" | "hedged" | "attributed_to",
                "resolver": str,             # the named rule that decided the slot
                "origin": "explicit" | "carried" | "default",
                "start": int | null, "end": int | null,   # offsets in the document text; null for a default
                "text": str}                 # the words the resolver read

Versions: "1" had no ``evidence`` on claims; "2" adds it (``reconcile`` 0.1.0, issue 8). Within "2",
findings gained ``confidence`` and ``why`` and the kinds ``possible_contradiction`` and
``close_figures`` (issue 10); claims gained ``stage`` (issue 9): whether the figure is done
(``actual``), planned, the company's forecast, someone else's estimate or a target, and
``repeats`` (issues 9 and 12);
issue 12 added ``documents``, the claims' ``title`` and ``url``, each finding's ``verdict`` and the
summary's ``severities``, ``documents`` and ``outlets``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from reconcile.judge.kinds import CONTRADICTION
from reconcile.model import Claim, Document, Evidence, Fact, Finding
from reconcile.report.formatting import (
    jsonable,
    period_json,
    quantity_json,
    subject_json,
)

if TYPE_CHECKING:
    from reconcile.report.report import Report

SCHEMA_VERSION = "2"


def evidence_json(evidence: Evidence) -> dict[str, Any]:
    """One slot's evidence as JSON values.

    >>> evidence_json(Evidence("subject", "clause_actor", "explicit", 0, 9, "ByteDance"))
    {'slot': 'subject', 'resolver': 'clause_actor', 'origin': 'explicit', 'start': 0, 'end': 9, 'text': 'ByteDance'}
    """
    return {
        "slot": evidence.slot,
        "resolver": evidence.resolver,
        "origin": evidence.origin,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
    }


def claim_json(claim: Claim, document: Document | None = None) -> dict[str, Any]:
    """One claim as JSON values; ``document`` (the claim's, when it was read) gives its title and url."""
    return {
        "id": claim.id,
        "doc_id": claim.doc_id,
        "text": claim.text,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "quantity": quantity_json(claim.quantity),
        "subject": subject_json(claim.subject),
        "action": claim.action,
        "stage": claim.stage,
        "object": claim.object,
        "period": period_json(claim.period),
        "hedged": claim.hedged,
        "attributed_to": claim.attributed_to,
        "sources": list(claim.sources),
        "equivalents": list(claim.equivalents),
        "repeats": claim.repeats,
        "lang": claim.lang,
        "published": period_json(claim.published),
        "publisher": claim.publisher,
        "title": document.title if document is not None else None,
        "url": document.url if document is not None else None,
        "evidence": [evidence_json(e) for e in claim.evidence],
    }


def fact_json(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "subject": subject_json(fact.subject),
        "action": fact.action,
        "object": fact.object,
        "kind": fact.kind,
        "unit": fact.unit,
        "period": period_json(fact.period),
        "consensus": quantity_json(fact.consensus),
        "claims": [c.id for c in fact.claims],
    }


def document_json(document: Document) -> dict[str, Any]:
    """A document's metadata as JSON values (never its text).

    >>> document_json(Document("a", "text", "en", publisher="Wire", title="Orders", url="https://example.org/a"))
    {'id': 'a', 'lang': 'en', 'published': None, 'publisher': 'Wire', 'title': 'Orders', 'url': 'https://example.org/a', 'cites': []}
    """
    return {
        "id": document.id,
        "lang": document.lang,
        "published": period_json(document.published),
        "publisher": document.publisher,
        "title": document.title,
        "url": document.url,
        "cites": list(document.cites),
    }


def finding_json(finding: Finding, verdict: str | None = None) -> dict[str, Any]:
    """One finding as JSON values; ``verdict`` is its one-line form (the message when not given)."""
    return {
        "kind": finding.kind,
        "severity": finding.severity,
        "fact_id": finding.fact_id,
        "message": finding.message,
        "confidence": finding.confidence,
        "why": finding.why,
        "verdict": finding.message if verdict is None else verdict,
        "claims": [c.id for c in finding.claims],
        "documents": sorted({c.doc_id for c in finding.claims}),
        "details": jsonable(dict(finding.details)),
    }


def report_dict(report: Report) -> dict[str, Any]:
    """The report as JSON values, following the schema in the module docstring."""
    kinds = Counter(f.kind for f in report.findings)
    severities = Counter(f.severity for f in report.findings)
    tolerance = attrs.asdict(report.tolerance) if attrs.has(type(report.tolerance)) else report.tolerance
    claims = report.all_claims()
    verdicts = report.verdicts()
    documents = {d.id: d for d in report.documents}
    return {
        "schema_version": SCHEMA_VERSION,
        "currency": report.currency,
        "tolerance": tolerance,
        "window": period_json(report.window),
        "summary": {
            "claims": len(claims),
            "facts": len(report.facts),
            "findings": dict(sorted(kinds.items())),
            "contradictions": kinds.get(CONTRADICTION.name, 0),
            "problems": len(report.problems),
            "severities": dict(sorted(severities.items())),
            "documents": len(report.documents) or len({c.doc_id for c in claims}),
            "outlets": len(report.outlets()),
        },
        "findings": [finding_json(f, v) for f, v in zip(report.findings, verdicts)],
        "facts": [fact_json(f) for f in report.facts],
        "claims": [claim_json(c, documents.get(c.doc_id)) for c in claims],
        "documents": [document_json(d) for d in report.documents],
        "trust": {k: round(v, 6) for k, v in report.trust.items()},
        "problems": [str(p) for p in report.problems],
    }
