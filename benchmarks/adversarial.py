"""Growth of reconcile's scanners on hostile text: each family at several sizes, and its exponent.

Articles are untrusted input. A regex with nested or adjacent unbounded quantifiers, a window that
is not bounded, or a check of every figure against every URL turns a scraped page into minutes of
CPU. This script times ``find_quantities`` and ``extract_claims`` on each adversarial family at
10 KB, 100 KB, 1 MB and 4 MB (``--sizes``), and prints the throughput at each size and the growth
exponent fitted over the sizes (time ∝ size^k: k ≈ 1 is linear, k ≈ 2 quadratic).

Usage::

    python benchmarks/adversarial.py                       # every family, both scanners
    python benchmarks/adversarial.py --sizes 10 100 --only nbsp_run urls
    python benchmarks/adversarial.py --budget 20           # give up on a family past 20 s at one size

A family that exceeds the time budget at some size is reported with the sizes it reached: that
is a failure to fix, not a figure to quote. Targets (issue 14): every exponent ≤ 1.1; no family
below 1 MB/s for ``find_quantities`` nor 100 KB/s for ``extract_claims``.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import reconcile  # noqa: E402
from reconcile.model import Document  # noqa: E402

SPACES = " \u00a0\u202f\u2009\t"


def _cycle(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Each family builds ``size`` characters of one kind of hostile text.
FAMILIES: dict[str, Callable[[int], str]] = {
    # runs of each kind of space, with and without a small number before them (a day before a month?)
    "space_run": lambda n: _cycle(" ", n),
    "nbsp_run": lambda n: _cycle("\u00a0", n),
    "narrow_nbsp_run": lambda n: _cycle("\u202f", n),
    "small_int_then_spaces": lambda n: "12" + _cycle(" \u00a0", n - 2),
    "mixed_spaces": lambda n: _cycle(SPACES, n),
    # digits with separators that never close a figure
    "digit_run": lambda n: _cycle("1234567890", n),
    "mixed_separators": lambda n: _cycle("1 234,567.890\u00a0123'456", n),
    "thousands_groups": lambda n: "1" + _cycle(",000", n - 1),
    # qualifiers and scale words repeated without a figure, then with
    "qualifiers": lambda n: _cycle("more than about nearly plus de environ près de ", n),
    "scale_words": lambda n: _cycle("billion milliards million bn mn ", n),
    "french_number_words": lambda n: _cycle("deux cent mille trois cent quarante-cinq ", n),
    # currency signs glued to digits
    "currency_digits": lambda n: _cycle("$1€2£3¥4", n),
    "currency_signs": lambda n: _cycle("$€£¥", n),
    # many URLs with digits among figures
    "urls": lambda n: _cycle("See https://example.com/2024/09/10/a-123-b/456 for $5bn. ", n),
    # one sentence that never ends; nested parentheses
    "no_sentence_end": lambda n: _cycle("the company said it ordered 100 jets and ", n),
    "nested_parentheses": lambda n: "(" * (n // 4) + "5 jets" + ")" * (n // 4),
}


@dataclass(frozen=True)
class Timing:
    family: str
    scanner: str
    sizes: tuple[int, ...]
    seconds: tuple[float, ...]
    gave_up_at: int | None = None

    @property
    def exponent(self) -> float | None:
        points = [(math.log(s), math.log(t)) for s, t in zip(self.sizes, self.seconds) if t > 0]
        if len(points) < 2:
            return None
        mean_x = sum(x for x, _ in points) / len(points)
        mean_y = sum(y for _, y in points) / len(points)
        var = sum((x - mean_x) ** 2 for x, _ in points)
        return sum((x - mean_x) * (y - mean_y) for x, y in points) / var if var else None

    def slowest_rate(self) -> float:
        """The lowest throughput over the sizes reached, in KB/s."""
        return min(s / 1000 / t for s, t in zip(self.sizes, self.seconds) if t > 0) if self.seconds else 0.0


def _find_quantities(text: str) -> None:
    reconcile.find_quantities(text, "en")
    reconcile.find_quantities(text, "fr")


def _extract(text: str) -> None:
    reconcile.extract_claims([Document(id="en", text=text, lang="en"), Document(id="fr", text=text, lang="fr")])


SCANNERS: dict[str, Callable[[str], None]] = {"find_quantities": _find_quantities, "extract_claims": _extract}


def time_family(family: str, scanner: str, sizes: Sequence[int], budget: float) -> Timing:
    build, scan = FAMILIES[family], SCANNERS[scanner]
    reached: list[int] = []
    seconds: list[float] = []
    for size in sizes:
        text = build(size)
        start = time.process_time()
        scan(text)
        elapsed = (time.process_time() - start) / 2  # two languages scanned
        reached.append(size)
        seconds.append(elapsed)
        if elapsed > budget:
            remaining = [s for s in sizes if s > size]
            return Timing(family, scanner, tuple(reached), tuple(seconds), remaining[0] if remaining else None)
    return Timing(family, scanner, tuple(reached), tuple(seconds))


def _row(t: Timing) -> str:
    rates = "  ".join(f"{s // 1000:>5} KB {s / 1000 / x:>9.0f} KB/s" if x else f"{s // 1000:>5} KB       inf" for s, x in zip(t.sizes, t.seconds))
    k = t.exponent
    exponent = f"{k:4.2f}" if k is not None else " n/a"
    note = f"  GAVE UP before {t.gave_up_at // 1000} KB" if t.gave_up_at else ""
    return f"{t.scanner:<16} {t.family:<22} k={exponent}  {rates}{note}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 4000], help="sizes in KB")
    parser.add_argument("--only", nargs="+", choices=sorted(FAMILIES), help="some families")
    parser.add_argument("--scanner", choices=sorted(SCANNERS), help="one scanner only")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds at one size before giving up a family")
    args = parser.parse_args(argv)
    sizes = [kb * 1000 for kb in sorted(args.sizes)]
    scanners = [args.scanner] if args.scanner else list(SCANNERS)
    for scanner in scanners:  # warm up: compiled patterns, language data and rate tables load once
        SCANNERS[scanner]("Apple earned $6bn, about 12 % more than in 2023.")
    worst: list[Timing] = []
    for scanner in scanners:
        for family in args.only or FAMILIES:
            timing = time_family(family, scanner, sizes, args.budget)
            worst.append(timing)
            print(_row(timing), flush=True)
    exponents = [t.exponent for t in worst if t.exponent is not None]
    if exponents:
        print(f"\nlargest exponent {max(exponents):.2f}; families that gave up: {sum(t.gave_up_at is not None for t in worst)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
