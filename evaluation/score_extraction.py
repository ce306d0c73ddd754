"""Score reconcile's claim extraction against hand-annotated gold sets.

Run from anywhere (paths default to the repository root):

    /work/venv/bin/python evaluation/score_extraction.py              # all sets, held-out failures
    /work/venv/bin/python evaluation/score_extraction.py --failures all
    /work/venv/bin/python evaluation/score_extraction.py --docs DIR --gold FILE   # any other set

For each set it prints precision/recall on figures (a claim at the gold figure's offsets with the
same stated value) and on full frames (subject, action, object all right), then the accuracy of each
field on the matched figures. For the chosen sets it lists the misses, the false figures and the
wrong fields with document id and sentence.

Gold files: ``{"rules": [...], "claims": [...]}`` as read by ``scoring.load_gold`` (``evaluation/scoring.py``). The
held-out file writes a range's value as ``[low, high]``; ``as_scorable`` turns that into the
offset-only match ``score_claims`` understands (``value: null``) and keeps the bounds for the report.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import reconcile
from reconcile.extract import split_sentences
from reconcile.model import Claim, DateRange

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))  # scoring.py sits beside this script: evaluation code, not the library's

from scoring import legacy_view, load_gold, score_claims

DEFAULT_SETS: tuple[tuple[str, str, str], ...] = (
    ("seeds", "seeds", "tests/gold/seeds.json"),
    ("corpus_en", "examples/corpus_en", "examples/corpus_en/gold.json"),
    ("heldout", "evaluation/heldout", "evaluation/heldout/gold.json"),
    ("heldout2", "evaluation/heldout2", "evaluation/heldout2/gold.json"),
    ("heldout3", "evaluation/heldout3", "evaluation/heldout3/gold.json"),
)
HELD_OUT_SETS = ("heldout", "heldout2", "heldout3", "custom")

FRAME_FIELDS = ("subject", "action", "object")
DETAIL_FIELDS = ("period", "hedged", "attributed_to", "unit", "bound")


def as_scorable(gold: Mapping[str, Any]) -> dict[str, Any]:
    """A gold claim in the shape ``score_claims`` reads: a ``[low, high]`` value becomes null.

    >>> as_scorable({"start": 3, "text": "2 to 3", "value": [2, 3]})["value"] is None
    True
    >>> as_scorable({"start": 3, "text": "2", "value": 2})["value"]
    2
    """
    claim = dict(gold)
    if isinstance(claim.get("value"), list):
        claim["range"] = claim["value"]
        claim["value"] = None
    return claim


def expected(gold: Mapping[str, Any], field: str) -> Any:
    """The gold value of a field, in the type the extractor produces.

    >>> expected({"subject": ["Tencent", "Alibaba"]}, "subject")
    ('Alibaba', 'Tencent')
    >>> str(expected({"period": {"from": "2025-01-01", "to": "2025-12-31"}}, "period"))
    '2025-01-01..2025-12-31'
    """
    value = gold.get(field)
    if field == "subject" and isinstance(value, list):
        return tuple(sorted(value))
    if field == "period":
        return DateRange.parse(value) if value else None
    return value


def extracted(claim: Claim, field: str) -> Any:
    if field in ("unit", "bound"):
        return getattr(claim.quantity, field)
    return getattr(claim, field)


def gold_end(gold: Mapping[str, Any]) -> int:
    return gold.get("end", gold["start"] + len(gold.get("text", "")))


def pair_up(claims: Sequence[Claim], gold: Sequence[Mapping[str, Any]]) -> list[tuple[Claim, Mapping[str, Any]]]:
    """Matched (claim, gold) pairs, by the same rule as ``score_claims`` (first overlapping gold)."""
    used: set[int] = set()
    pairs = []
    for claim in claims:
        for i, g in enumerate(gold):
            same_value = g.get("value") is None or abs(claim.quantity.stated - float(g["value"])) <= 1e-6 * max(
                abs(float(g["value"])), 1.0)
            if i not in used and g["doc_id"] == claim.doc_id and g["start"] < claim.end \
                    and claim.start < gold_end(g) and same_value:
                used.add(i)
                pairs.append((claim, g))
                break
    return pairs


def field_accuracy(pairs: Sequence[tuple[Claim, Mapping[str, Any]]]) -> dict[str, float]:
    return {field: (sum(extracted(c, field) == expected(g, field) for c, g in pairs) / len(pairs)) if pairs else 1.0
            for field in FRAME_FIELDS + DETAIL_FIELDS}


def sentence_at(corpus: Any, doc_id: str, offset: int) -> str:
    doc = corpus.by_id(doc_id)
    for sentence in split_sentences(doc.text, doc.lang):
        if sentence.start <= offset < sentence.end:
            return " ".join(sentence.text.split())
    return ""


def show(value: Any) -> str:
    if isinstance(value, tuple):
        return "+".join(value)
    return str(value)


def print_failures(name: str, corpus: Any, claims: Sequence[Claim], score: Any,
                   pairs: Sequence[tuple[Claim, Mapping[str, Any]]]) -> None:
    print(f"\n--- {name}: missed figures ({len(score.missed)}) ---")
    for g in score.missed:
        print(f"  [{g['doc_id']}] {g['text']!r} ({show(expected(g, 'subject'))}, {g.get('action')}, {g.get('object')})")
        print(f"      | {sentence_at(corpus, g['doc_id'], g['start'])}")
    print(f"\n--- {name}: false figures ({len(score.spurious)}) ---")
    for c in score.spurious:
        print(f"  [{c.doc_id}] {c.text!r} read as ({show(c.subject)}, {c.action}, {c.object})")
        print(f"      | {' '.join(c.sentence.split())}")
    print(f"\n--- {name}: wrong frames ({len(score.wrong_frames)}) ---")
    for c, g in score.wrong_frames:
        diffs = [f"{f}: got {show(extracted(c, f))}, want {show(expected(g, f))}"
                 for f in FRAME_FIELDS if extracted(c, f) != expected(g, f)]
        print(f"  [{c.doc_id}] {c.text!r}: " + "; ".join(diffs))
        print(f"      | {' '.join(c.sentence.split())}")
    print(f"\n--- {name}: other fields wrong on matched figures ---")
    for c, g in pairs:
        diffs = [f"{f}: got {show(extracted(c, f))}, want {show(expected(g, f))}"
                 for f in DETAIL_FIELDS if extracted(c, f) != expected(g, f)]
        if diffs:
            print(f"  [{c.doc_id}] {c.text!r}: " + "; ".join(diffs))


def score_set(name: str, docs: Path, gold_path: Path, list_failures: bool) -> dict[str, Any]:
    corpus = reconcile.load_documents(docs)
    errors: list = []
    claims = [legacy_view(c) for c in reconcile.extract_claims(corpus, errors=errors)]
    gold = [as_scorable(g) for g in load_gold(gold_path)]
    score = score_claims(claims, gold)
    pairs = pair_up(claims, gold)
    accuracy = field_accuracy(pairs)
    print(f"== {name}: {docs.relative_to(REPO_ROOT) if docs.is_relative_to(REPO_ROOT) else docs} "
          f"({len(corpus)} documents, {len(gold)} gold figures)")
    print(f"   {score.summary()}")
    print("   field accuracy on matched figures: " + ", ".join(f"{f} {a:.2f}" for f, a in accuracy.items()))
    for problem in list(corpus.problems) + [err for _, err in errors]:
        print(f"   problem: {problem}")
    if list_failures:
        print_failures(name, corpus, claims, score, pairs)
    return {"name": name, "score": score, "fields": accuracy}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, help="folder of articles with sources.toml (with --gold)")
    parser.add_argument("--gold", type=Path, help="gold file for --docs")
    parser.add_argument("--failures", choices=("heldout", "all", "none"), default="heldout",
                        help="which sets to list misses, false figures and wrong frames for")
    args = parser.parse_args(argv)
    if (args.docs is None) != (args.gold is None):
        parser.error("--docs and --gold go together")
    sets = [("custom", str(args.docs.resolve()), str(args.gold.resolve()))] if args.docs else DEFAULT_SETS
    for name, docs, gold in sets:
        list_failures = args.failures == "all" or (args.failures == "heldout" and name in HELD_OUT_SETS)
        score_set(name, REPO_ROOT / docs, REPO_ROOT / gold, list_failures)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
