"""Throughput of reconcile's text scanners, in MB/s on one core.

Each measurement is a function returning a :class:`Measurement`; :data:`MEASUREMENTS` lists them
and :func:`main` prints the table. A later stage adds its own (``extract_claims``) by appending
a function to the list.

Usage::

    python benchmarks/throughput.py [--size MB]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from reconcile.quantities import find_quantities  # noqa: E402

SEEDS = REPO / "seeds"


@dataclass(frozen=True)
class Measurement:
    name: str
    megabytes: float
    seconds: float
    items: int

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else float("inf")


def seed_articles() -> list[tuple[str, str]]:
    """``(text, lang)`` of the seed articles; the language is read from ``sources.toml``."""
    manifest = (SEEDS / "sources.toml").read_text(encoding="utf-8") if (SEEDS / "sources.toml").exists() else ""
    langs = dict(re.findall(r'file\s*=\s*"([^"]+)"\s*\n\s*language\s*=\s*"(\w+)"', manifest))
    return [(path.read_text(encoding="utf-8"), langs.get(path.name, "fr")) for path in sorted(SEEDS.glob("*.txt"))]


def article_text(megabytes: float = 3.0) -> dict[str, str]:
    """The seed articles of each language repeated to about ``megabytes``."""
    by_lang: dict[str, str] = {}
    for text, lang in seed_articles():
        by_lang[lang] = by_lang.get(lang, "") + text + "\n"
    size = int(megabytes * 1_000_000)
    return {lang: (text * (size // max(len(text.encode()), 1) + 1))[:size] for lang, text in by_lang.items()}


def adversarial_text(megabytes: float = 1.0, dense: bool = True) -> str:
    """Long runs of digits and of the three spaces, thousands groups that never end, repeated
    qualifiers with no figure, separators in a row: what makes a careless regex backtrack.
    ``dense`` adds lists of one-digit figures ("1,2,3,...": a figure every two characters),
    the worst case for the per-figure work."""
    blocks = [
        "9" * 5000,
        " " * 5000,
        "\u00a0\u202f " * 1000,
        "123 " * 1500,
        "1 000 000 000 " * 100,
        "plus de " * 400,
        "environ entre au moins " * 150,
        "more than about nearly between " * 120,
        "deux cent mille " * 150,
        "$ € £ ¥ " * 400,
        "- – " * 600,
        "puces puces Nvidia " * 200,
    ]
    if dense:
        blocks += ["1,2,3,4,5,6,7,8,9," * 200, "1.2.3.4.5.6.7.8.9." * 200]
    text = " ".join(blocks)
    size = int(megabytes * 1_000_000)
    return (text * (size // len(text) + 1))[:size]


def _time(name: str, func: Callable[[], int], megabytes: float) -> Measurement:
    func()  # warm up: compile the patterns, load the data files
    started = time.perf_counter()
    items = func()
    return Measurement(name, megabytes, time.perf_counter() - started, items)


def find_quantities_articles(size: float = 3.0) -> list[Measurement]:
    out = []
    for lang, text in article_text(size).items():
        mb = len(text.encode()) / 1e6
        out.append(_time(f"find_quantities, articles ({lang})", lambda t=text, l=lang: len(find_quantities(t, l)), mb))
    return out


def find_quantities_adversarial(size: float = 1.0) -> list[Measurement]:
    out = []
    for dense, label in ((False, "adversarial"), (True, "adversarial + dense lists")):
        text = adversarial_text(size, dense=dense)
        mb = len(text.encode()) / 1e6
        for lang in ("fr", "en"):
            out.append(_time(f"find_quantities, {label} ({lang})", lambda t=text, l=lang: len(find_quantities(t, l)), mb))
    return out


# Every measurement: a function of the size in MB returning measurements. Append to extend.
MEASUREMENTS: list[Callable[[float], list[Measurement]]] = [find_quantities_articles, find_quantities_adversarial]


# --- extract_claims (EXTRACT) -----------------------------------------------------------------


def extract_claims_seeds(size: float = 1.0) -> list[Measurement]:
    """extract_claims on the seed documents (with their manifest) repeated to about ``size`` MB,
    one Document per copy; target >= 0.2 MB/s (200 KB/s) on one core."""
    import attrs

    from reconcile.documents import load_documents
    from reconcile.extract import extract_claims

    seeds = list(load_documents(SEEDS))
    seed_bytes = sum(len(d.text.encode()) for d in seeds)
    copies = max(1, round(size * 1_000_000 / seed_bytes))
    docs = [attrs.evolve(d, id=f"{d.id}~{n}") for n in range(copies) for d in seeds]
    mb = copies * seed_bytes / 1e6
    return [_time("extract_claims, seed documents", lambda: len(extract_claims(docs)), mb)]


def extract_claims_adversarial(size: float = 1.0) -> list[Measurement]:
    """extract_claims on the hostile text above as one document per language: the time per
    figure must stay bounded (no sentence end for a megabyte, tens of thousands of figures)."""
    from reconcile.extract import extract_claims
    from reconcile.model import Document

    text = adversarial_text(size)
    mb = len(text.encode()) / 1e6
    return [
        _time(f"extract_claims, adversarial ({lang})",
              lambda l=lang: len(extract_claims([Document(id="adversarial", text=text, lang=l)])), mb)
        for lang in ("fr", "en")
    ]


MEASUREMENTS.extend([extract_claims_seeds, extract_claims_adversarial])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="reconcile throughput, one core")
    parser.add_argument("--size", type=float, default=None, help="MB of text per measurement")
    args = parser.parse_args(argv)
    print(f"{'measurement':50} {'MB':>6} {'seconds':>8} {'MB/s':>7} {'items':>8}")
    for measure in MEASUREMENTS:
        results = measure(args.size) if args.size else measure()
        for m in results:
            print(f"{m.name:50} {m.megabytes:6.2f} {m.seconds:8.2f} {m.mb_per_s:7.2f} {m.items:8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
