"""Score ``reconcile.find_quantities`` on the Microsoft Recognizers-Text test specs.

Each case is an input text and the figures the peer expects. A case passes when every expected
figure is found (same value, overlapping span; for money the ISO 4217 code the peer's unit name
denotes) and nothing else of that kind is found. Cases we judge out of scope still count as
failures; cases the peer marks ``NotSupported`` are counted and also reported apart.

Usage::

    python benchmarks/peer_conformance.py [--specs DIR] [--chinese]

The spec folder defaults to ``../shared/peer-specs/recognizers-text`` from the repository root;
``--specs`` or the ``RECONCILE_PEER_SPECS`` environment variable override it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from reconcile.quantities import find_quantities  # noqa: E402

# file stem -> (language, kind of figure scored)
FILES: dict[str, tuple[str, str]] = {
    "NumberWithUnit-French-CurrencyModel": ("fr", "currency"),
    "Number-French-NumberModel": ("fr", "number"),
    "Number-French-PercentModel": ("fr", "percent"),
    "NumberWithUnit-English-CurrencyModel": ("en", "currency"),
    "Number-English-NumberModel": ("en", "number"),
    "Number-English-PercentModel": ("en", "percent"),
}
STRETCH_FILES: dict[str, tuple[str, str]] = {"Number-Chinese-NumberModel": ("zh", "number")}

# The peer's unit names -> (ISO 4217 code, how many units of that currency one peer unit is).
PEER_UNITS: dict[str, tuple[str, float]] = {
    "dollar": ("USD", 1.0),
    "dollar états-unis": ("USD", 1.0),
    "united states dollar": ("USD", 1.0),
    "cent": ("USD", 0.01),
    "dollar canadien": ("CAD", 1.0),
    "canadian dollar": ("CAD", 1.0),
    "dollar australien": ("AUD", 1.0),
    "australian dollar": ("AUD", 1.0),
    "dollar de hong kong": ("HKD", 1.0),
    "hong kong dollar": ("HKD", 1.0),
    "dollar néo-zélandais": ("NZD", 1.0),
    "new zealand dollar": ("NZD", 1.0),
    "euro": ("EUR", 1.0),
    "centimes": ("EUR", 0.01),
    "livre": ("GBP", 1.0),
    "pound": ("GBP", 1.0),
    "british pound": ("GBP", 1.0),
    "pence": ("GBP", 0.01),
    "penny": ("GBP", 0.01),
    "yuan chinois": ("CNY", 1.0),
    "chinese yuan": ("CNY", 1.0),
    "yen japonais": ("JPY", 1.0),
    "japanese yen": ("JPY", 1.0),
    "franc": ("FRF", 1.0),
    "franc suisse": ("CHF", 1.0),
    "swiss franc": ("CHF", 1.0),
    "mark finlandais": ("FIM", 1.0),
    "finnish markka": ("FIM", 1.0),
    "florins néerlandais": ("NLG", 1.0),
    "netherlands guilder": ("NLG", 1.0),
    "peseta": ("ESP", 1.0),
    "roupie indienne": ("INR", 1.0),
    "roupie": ("INR", 1.0),
    "rupee": ("INR", 1.0),
    "turkish lira": ("TRY", 1.0),
    "mexican peso": ("MXN", 1.0),
    "costa rican colón": ("CRC", 1.0),
    "georgian lari": ("GEL", 1.0),
    "lao kip": ("LAK", 1.0),
    "sri lankan rupee": ("LKR", 1.0),
    "bitcoin": ("XBT", 1.0),
    "satoshi": ("XBT", 1e-8),
    "pesewa": ("GHS", 0.01),
}

KIND_OF_FILE = {"currency": {"money"}, "percent": {"percent"}, "number": None}


def spec_dir(override: str | os.PathLike | None = None) -> Path:
    """Where the spec JSON files are: the argument, else ``RECONCILE_PEER_SPECS``, else
    ``<repo>/../shared/peer-specs/recognizers-text``."""
    if override:
        return Path(override)
    if os.environ.get("RECONCILE_PEER_SPECS"):
        return Path(os.environ["RECONCILE_PEER_SPECS"])
    return REPO.parent / "shared" / "peer-specs" / "recognizers-text"


def peer_figures(folder: Path) -> dict[str, tuple[str, str]]:
    """The peer's own pass rate and throughput per file, read from the README table."""
    readme = folder.parent / "README.md"
    rows: dict[str, tuple[str, str]] = {}
    if readme.is_file():
        for line in readme.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 3 and cells[0] in {**FILES, **STRETCH_FILES}:
                rows[cells[0]] = (cells[1], cells[2])
    return rows


def peer_value(raw: object, lang: str) -> float | None:
    """The peer's resolved value as a float: "75000000", "2,75" (French), "1E-12", "27%"."""
    if raw is None:
        return None
    text = str(raw).strip().rstrip("%").strip()
    if lang == "fr":
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Expected:
    value: float | None
    currency: str | None
    start: int
    end: int


def expected_results(case: dict, lang: str, kind: str) -> list[Expected]:
    out = []
    for result in case.get("Results", []):
        resolution = result.get("Resolution") or {}
        value = peer_value(resolution.get("value"), lang)
        currency = None
        if kind == "currency":
            code, factor = PEER_UNITS.get(str(resolution.get("unit", "")).lower(), ("?", 1.0))
            currency = code
            if value is not None:
                value *= factor
        start, end = result.get("Start"), result.get("End")
        if start is None or end is None:  # some cases give only the text: find it
            start = case["Input"].lower().find(str(result.get("Text", "")).lower())
            end = start + len(str(result.get("Text", ""))) - 1 if start >= 0 else len(case["Input"])
            start = max(start, 0)
        out.append(Expected(value, currency, int(start), int(end)))
    return out


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def score_case(case: dict, lang: str, kind: str) -> bool:
    """Whether ``find_quantities`` finds exactly what the peer expects in this case."""
    wanted = KIND_OF_FILE[kind]
    mentions = [m for m in find_quantities(case["Input"], lang) if wanted is None or m.quantity.kind in wanted]
    unused = list(mentions)
    for expected in expected_results(case, lang, kind):
        if expected.value is None:
            return False
        hit = None
        for mention in unused:
            overlaps = mention.start <= expected.end and expected.start < mention.end
            same_value = _close(mention.quantity.stated, expected.value)
            same_currency = expected.currency is None or mention.quantity.unit == expected.currency
            if overlaps and same_value and same_currency:
                hit = mention
                break
        if hit is None:
            return False
        unused.remove(hit)
    return not unused


@dataclass(frozen=True)
class FileScore:
    name: str
    passed: int
    total: int
    supported_passed: int
    supported_total: int
    unsupported_passed: int
    unsupported_total: int
    kb_per_s: float
    failures: tuple[str, ...]

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


def load_cases(folder: Path, name: str) -> list[dict]:
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8-sig"))


def score_file(name: str, folder: Path | None = None, lang: str | None = None, kind: str | None = None) -> FileScore:
    """Score one spec file; ``lang``/``kind`` default to the file's entry in :data:`FILES`."""
    folder = spec_dir(folder)
    default_lang, default_kind = {**FILES, **STRETCH_FILES}[name]
    lang, kind = lang or default_lang, kind or default_kind
    cases = load_cases(folder, name)
    passed = sup_p = sup_t = uns_p = uns_t = 0
    failures = []
    size = sum(len(c["Input"].encode("utf-8")) for c in cases)
    started = time.perf_counter()
    for case in cases:
        find_quantities(case["Input"], lang)
    elapsed = max(time.perf_counter() - started, 1e-9)
    for case in cases:
        ok = score_case(case, lang, kind)
        unsupported = any(key.startswith("NotSupported") for key in case)
        passed += ok
        if unsupported:
            uns_t += 1
            uns_p += ok
        else:
            sup_t += 1
            sup_p += ok
        if not ok:
            failures.append(case["Input"])
    return FileScore(name, passed, len(cases), sup_p, sup_t, uns_p, uns_t, size / elapsed / 1000, tuple(failures))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--specs", help="folder of the spec JSON files")
    parser.add_argument("--chinese", action="store_true", help="also score the Chinese number file (stretch)")
    parser.add_argument("--failures", action="store_true", help="print the failing inputs")
    args = parser.parse_args(argv)
    folder = spec_dir(args.specs)
    peers = peer_figures(folder)
    names = list(FILES) + (list(STRETCH_FILES) if args.chinese else [])
    header = f"{'file':40} {'reconcile':>18} {'supported':>12} {'NotSupported':>13} {'KB/s':>9}   {'peer':>18} {'peer KB/s':>10}"
    print(header)
    print("-" * len(header))
    for name in names:
        score = score_file(name, folder)
        peer_rate, peer_speed = peers.get(name, ("-", "-"))
        print(
            f"{name:40} {100 * score.rate:6.1f} % ({score.passed:3}/{score.total:3})"
            f" {score.supported_passed:5}/{score.supported_total:<5} {score.unsupported_passed:6}/{score.unsupported_total:<6}"
            f" {score.kb_per_s:9.1f}   {peer_rate:>18} {peer_speed:>10}"
        )
        if args.failures:
            for text in score.failures:
                print(f"    FAIL {text[:150]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
