"""Score reconcile on the real-news sets of ``evaluation/realnews/`` (annotated blind).

The article texts are third-party and live in a local cache outside the repository
(``$RECONCILE_REALNEWS_CACHE``, default ``<repo>/../cache/realnews``), one folder per set. Each
cached text is checked against the sha256 in the set's ``sources.toml`` before it is scored; a
missing or changed text is listed and left out, never scored silently.

    .venv/bin/python evaluation/score_realnews.py                      # every development set
    .venv/bin/python evaluation/score_realnews.py results recall       # some sets
    .venv/bin/python evaluation/score_realnews.py layoffs --unseen     # a set kept unseen (see README)
    .venv/bin/python evaluation/score_realnews.py --failures results   # list misses and wrong frames
    .venv/bin/python evaluation/score_realnews.py --findings           # also judge, and match expected findings

Figures: a claim matches a gold figure when their offsets overlap and the values agree (ranges
match on offsets). Counts recall is over gold figures of kind ``count``; the currency score over
gold money figures. Frames: subject, measure and object all right, on matched figures. Names are
compared leniently (case, accents, legal suffixes such as *Inc* or *SA*, a leading *the*, and one
name being the first words of the other), because open-vocabulary subjects and objects are
written as the article names them.

Until claims carry a ``measure`` of their own, a claim's measure is read from its ``action``
through ``ACTION_TO_MEASURE`` (documented beside it): a bridge, and scored as such.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import shutil
import sys
import tempfile
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import greedy_pairs

REPO_ROOT = Path(__file__).resolve().parent.parent
SETS_DIR = REPO_ROOT / "evaluation" / "realnews"
DEFAULT_CACHE = REPO_ROOT.parent / "cache" / "realnews"

# Sets kept unseen until the end of a piece of work: scored only with --unseen, and the first
# score is the one to report (see evaluation/realnews/README.md).
UNSEEN_SETS = frozenset({"layoffs", "listing"})

# The manifest keys the document loader reads; the others (query, sha256, country) are for the
# cache and for people.
LOADER_KEYS = ("file", "language", "title", "publisher", "published", "cites", "url", "country")

# The library's actions (stages of a purchase and a few metrics) read as the guidelines' measures.
ACTION_TO_MEASURE = {
    "plan": "purchase",
    "approve": "purchase",
    "order": "order",
    "buy": "purchase",
    "receive": "delivery",
    "spend": "capex",
    "users": "users",
    "value": "market_value",
    "price": "unit_price",
    "produce": "production",
}

LEGAL_SUFFIXES = frozenset(
    ["inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "sa", "se", "ag", "nv", "bv", "spa", "gmbh", "group", "groupe", "holding", "holdings"]
)
VALUE_TOLERANCE = 1e-6
REVIEWED_KINDS = frozenset({"contradiction", "possible_contradiction", "stage_gap", "conversion_mismatch"})  # relative: 4.6e9 against 4600000000.0


@attrs.frozen
class CachedSet:
    name: str
    folder: Path  # a temporary folder holding the verified texts and a loader-ready manifest
    documents: tuple[str, ...]
    problems: tuple[str, ...]


def cache_root() -> Path:
    return Path(os.environ.get("RECONCILE_REALNEWS_CACHE", DEFAULT_CACHE))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_toml_value(v)}" for key, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def verified_set(name: str, work: Path) -> CachedSet:
    """Copy the set's cached texts whose sha256 matches into ``work``, with a manifest the loader reads."""
    manifest = tomllib.loads((SETS_DIR / name / "sources.toml").read_text(encoding="utf-8"))
    source = cache_root() / name
    folder = work / name
    folder.mkdir(parents=True)
    kept: list[str] = []
    problems: list[str] = []
    lines: list[str] = []
    for entry in manifest.get("document", []):
        path = source / entry["file"]
        if not path.is_file():
            problems.append(f"{name}/{entry['file']}: not in the cache ({path})")
            continue
        if entry.get("sha256") and sha256_of(path) != entry["sha256"]:
            problems.append(f"{name}/{entry['file']}: sha256 differs from the manifest")
            continue
        shutil.copy(path, folder / entry["file"])
        kept.append(Path(entry["file"]).stem)
        lines.append("[[document]]")
        lines.extend(f"{key} = {_toml_value(entry[key])}" for key in LOADER_KEYS if entry.get(key) is not None)
        lines.append("")
    (folder / "sources.toml").write_text("\n".join(lines), encoding="utf-8")
    return CachedSet(name, folder, tuple(kept), tuple(problems))


# --- comparing names, values, periods ---------------------------------------------------------


def fold_name(name: Any) -> tuple[str, ...]:
    """A name as comparable words: folded case and accents, no legal suffix, no leading article.

    >>> fold_name("The Boeing Co.")
    ('boeing',)
    >>> fold_name("Société Générale SA")
    ('societe', 'generale')
    """
    if name is None:
        return ()
    if isinstance(name, (list, tuple)):
        return tuple(sorted(" ".join(fold_name(n)) for n in name))
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", text)
    while words and words[0] in ("the", "le", "la", "les", "l"):
        words = words[1:]
    while words and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return tuple(words)


def same_name(got: Any, want: Any) -> bool:
    """Lenient equality of two names: one's words start the other's.

    >>> same_name("Toyota Motor", "Toyota"), same_name("Stellantis", "Renault"), same_name(None, None)
    (True, False, True)
    """
    a, b = fold_name(got), fold_name(want)
    if not a or not b:
        return a == b
    short, long_ = sorted((a, b), key=len)
    return long_[: len(short)] == short


def gold_bounds(gold: Mapping[str, Any]) -> tuple[float, float] | None:
    value = gold.get("value")
    if isinstance(value, list):
        return None
    return float(value), float(value)


def same_value(claim: Any, gold: Mapping[str, Any]) -> bool:
    bounds = gold_bounds(gold)
    if bounds is None:  # a range: offsets decide
        return True
    stated = claim.quantity.stated
    return math.isclose(stated, bounds[0], rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def claim_measure(claim: Any) -> str | None:
    measure = getattr(claim, "measure", None)
    if measure:
        return str(measure)
    return ACTION_TO_MEASURE.get(claim.action, claim.action)


def same_period(claim: Any, gold: Mapping[str, Any]) -> bool:
    want = gold.get("period")
    got = claim.period
    if not want or got is None:
        return not want and got is None
    return (str(got.start), str(got.end)) == (want["from"], want["to"])


FIELDS = {
    "subject": lambda c, g: same_name(c.subject, g.get("subject")),
    "measure": lambda c, g: claim_measure(c) == g.get("measure"),
    "object": lambda c, g: same_name(c.object, g.get("object")),
    "stage": lambda c, g: getattr(c, "stage", "actual") == (g.get("stage") or "actual"),
    "period": same_period,
    "unit": lambda c, g: (c.quantity.unit or "") == (g.get("unit") or "") if g.get("kind") == "money" else True,
    "bound": lambda c, g: c.quantity.bound == g.get("bound"),
    "hedged": lambda c, g: bool(c.hedged) == bool(g.get("hedged")),
    "attributed_to": lambda c, g: same_name(c.attributed_to, g.get("attributed_to")),
}
FRAME = ("subject", "measure", "object")


# --- matching ----------------------------------------------------------------------------------


@attrs.frozen
class Score:
    name: str
    claims: int
    gold: int
    pairs: tuple[tuple[Any, Mapping[str, Any]], ...]
    spurious: tuple[Any, ...]
    missed: tuple[Mapping[str, Any], ...]
    repeats_linked: tuple[int, int] = (0, 0)  # gold headline figures with "repeats", linked to that body figure

    def ratio(self, good: int, total: int) -> str:
        return f"{good / total:.2f} ({good}/{total})" if total else "n/a"

    def field(self, name: str, only_kind: str | None = None) -> tuple[int, int]:
        pairs = [(c, g) for c, g in self.pairs if only_kind is None or g.get("kind") == only_kind]
        return sum(FIELDS[name](c, g) for c, g in pairs), len(pairs)

    def frames(self) -> int:
        return sum(all(FIELDS[f](c, g) for f in FRAME) for c, g in self.pairs)

    def lines(self) -> list[str]:
        matched = len(self.pairs)
        counts_gold = sum(g.get("kind") == "count" for g in self.missed) + sum(g.get("kind") == "count" for _, g in self.pairs)
        counts_found = sum(g.get("kind") == "count" for _, g in self.pairs)
        money_right, money = self.field("unit", "money")
        out = [
            f"== {self.name}: {self.gold} gold figures, {self.claims} claims",
            (f"   figures P={self.ratio(matched, self.claims)} R={self.ratio(matched, self.gold)}; "
            f"counts R={self.ratio(counts_found, counts_gold)}; money with its currency {self.ratio(money_right, money)}"),
            f"   frames (subject+measure+object) P={self.ratio(self.frames(), self.claims)} R={self.ratio(self.frames(), self.gold)}",
            "   on matched figures: " + ", ".join(f"{name} {self.ratio(*self.field(name))}" for name in FIELDS if name != "unit"),
            f"   headline figures linked to the body figure they repeat: {self.ratio(*self.repeats_linked)}",
        ]
        return out


def match(name: str, claims: Sequence[Any], gold: Sequence[Mapping[str, Any]]) -> Score:
    pairs, spurious, used = greedy_pairs(claims, gold, same_value)
    missed = tuple(g for i, g in enumerate(gold) if i not in used)
    return Score(name, len(claims), len(gold), tuple(pairs), tuple(spurious), missed, repeats_linked(claims, pairs, gold))


def repeats_linked(claims: Sequence[Any], pairs: Sequence[tuple[Any, Mapping[str, Any]]],
                   gold: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """How many gold figures marked ``repeats`` have a claim whose ``repeats`` names the claim
    starting at (or holding) the gold's body offset, out of how many are marked."""
    by_id = {c.id: c for c in claims}
    linked = 0
    for claim, want in pairs:
        target = by_id.get(getattr(claim, "repeats", None) or "")
        if want.get("repeats") is not None and target is not None and target.start <= want["repeats"] < target.end:
            linked += 1
    return linked, sum(g.get("repeats") is not None for g in gold)


def failures(score: Score) -> list[str]:
    out = [f"--- {score.name}: missed ({len(score.missed)})"]
    out += [f"  [{g['doc_id']}] {g['text']!r} {g.get('kind')} {g.get('subject')}/{g.get('measure')}/{g.get('object')}" for g in score.missed]
    out.append(f"--- {score.name}: false figures ({len(score.spurious)})")
    out += [f"  [{c.doc_id}] {c.text!r} ({c.quantity.kind}) in: {c.sentence[:140]!r}" for c in score.spurious]
    out.append(f"--- {score.name}: wrong frames")
    for c, g in score.pairs:
        wrong = [f for f in (*FRAME, "period") if not FIELDS[f](c, g)]
        if wrong:
            detail = "; ".join(f"{f}: got {_got(c, f)!r} want {_want(g, f)!r}" for f in wrong)
            out.append(f"  [{c.doc_id}] {c.text!r}: {detail}")
    return out


def _got(claim: Any, field: str) -> Any:
    return claim_measure(claim) if field == "measure" else getattr(claim, field)


def _want(gold: Mapping[str, Any], field: str) -> Any:
    return gold.get(field)


# --- findings ----------------------------------------------------------------------------------


def _positions(finding: Any) -> set[tuple[str, int]]:
    return {(c.doc_id, c.start) for c in finding.claims}


def _near(position: tuple[str, int], found: Iterable[tuple[str, int]], gold: Mapping[tuple[str, int], Mapping[str, Any]]) -> bool:
    doc, start = position
    end = gold.get(position, {}).get("end", start + 1)
    return any(d == doc and start <= s < end for d, s in found)


def finding_record(name: str, finding: Any) -> dict[str, Any]:
    """A reported finding as a blind reviewer reads it: the sides as written, with their sentences."""
    return {
        "set": name,
        "kind": finding.kind,
        "severity": finding.severity,
        "message": finding.message,
        "claims": [
            {"doc_id": c.doc_id, "start": c.start, "text": c.text, "sentence": c.sentence, "publisher": c.publisher}
            for c in finding.claims
        ],
    }


DUMPED: list[dict[str, Any]] = []  # findings to review, filled when --dump is given


def score_findings(name: str, claims: Sequence[Any], gold: Sequence[Mapping[str, Any]]) -> list[str]:
    import reconcile

    expected_path = SETS_DIR / name / "expected_findings.json"
    expected = json.loads(expected_path.read_text(encoding="utf-8")).get("findings", []) if expected_path.exists() else []
    report = reconcile.reconcile(list(claims), currency="USD")
    by_position = {(g["doc_id"], g["start"]): g for g in gold}
    DUMPED.extend(finding_record(name, f) for f in report.findings if f.kind in REVIEWED_KINDS)
    kinds = Counter(f.kind for f in report.findings)
    out = ["   findings reported: " + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none")]
    for want in expected:
        positions = [tuple(p) for p in want["claims"]]
        hit = any(
            f.kind == want["kind"] and all(_near(p, _positions(f), by_position) for p in positions) for f in report.findings
        )
        out.append(f"   expected {want['kind']}: {'found' if hit else 'MISSED'}: {want.get('why', '')[:120]}")
    return out


# --- main --------------------------------------------------------------------------------------


def available_sets() -> list[str]:
    return sorted(p.name for p in SETS_DIR.iterdir() if (p / "gold.json").is_file())


def score_set(name: str, work: Path, show_failures: bool, findings: bool, lexicon: Any) -> list[str]:
    import reconcile

    cached = verified_set(name, work)
    out = [f"!! {p}" for p in cached.problems]
    if not cached.documents:
        return out + [f"== {name}: no cached text to score (see evaluation/realnews/README.md to rebuild the cache)"]
    gold = [g for g in json.loads((SETS_DIR / name / "gold.json").read_text(encoding="utf-8"))["claims"] if g["doc_id"] in cached.documents]
    corpus = reconcile.load_documents(cached.folder)
    claims = reconcile.extract_claims(corpus, lexicon=lexicon) if lexicon is not None else reconcile.extract_claims(corpus)
    score = match(name, claims, gold)
    out += score.lines()
    if findings:
        out += score_findings(name, claims, gold)
    if show_failures:
        out += failures(score)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="set names (default: every development set)")
    parser.add_argument("--unseen", action="store_true", help="allow scoring the sets kept unseen")
    parser.add_argument("--failures", action="store_true", help="list misses, false figures and wrong frames")
    parser.add_argument("--findings", action="store_true", help="also reconcile and match the expected findings")
    parser.add_argument("--lexicon", help="a user lexicon (TOML) merged over the default one")
    parser.add_argument("--dump", metavar="FILE", help="with --findings: write the reported contradictions, stage gaps and "
                        "conversion mismatches as JSON, for a blind reviewer's verdicts")
    args = parser.parse_args(argv)
    names = args.sets or [s for s in available_sets() if s not in UNSEEN_SETS]
    blocked = [s for s in names if s in UNSEEN_SETS and not args.unseen]
    if blocked:
        parser.error(f"{', '.join(blocked)} kept unseen: pass --unseen only to take its one honest score")
    lexicon = None
    if args.lexicon:
        import reconcile

        lexicon = reconcile.Lexicon.default() | reconcile.Lexicon.load(args.lexicon)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            print("\n".join(score_set(name, Path(tmp), args.failures, args.findings, lexicon)))
            print()
    if args.dump:
        Path(args.dump).write_text(json.dumps(DUMPED, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
