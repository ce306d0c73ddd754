"""How reconcile() scales: time and peak memory on synthetic claims at 10k, 100k and 1M claims.

    python benchmarks/scale.py                 # 10k, 100k, 1M
    python benchmarks/scale.py 10000 100000    # chosen sizes
    python benchmarks/scale.py --engine dask 1000000 10000000   # on a LocalCluster of two workers

Each size runs in its own subprocess so that its peak RSS (``ru_maxrss``) is its own; time is
measured without tracemalloc (which would slow the run several times). ``build`` is the time to
make the synthetic claims (not part of reconcile), ``rss_claims`` the RSS once they exist,
``rss_peak`` the peak after reconcile(); ``cpu s`` is the process CPU time of reconcile() (less
sensitive than wall time to other work on the machine).

The synthetic batch has realistic key cardinality: about one fact key per four claims, most
facts with 1-6 claims, and twenty "hot" facts that gather 10 % of all claims (thousands each at
1M); money in USD, EUR and CNY over 2019-2025 (so FX lookups are exercised and cached), ~10 %
undated claims, 1 % outliers at twice the figure (contradictions), stage pairs (order/receive), 1 % stated
conversions, 300 outlets of which some relay others (``cites``).

With ``--engine dask`` the same claims are judged by :class:`reconcile.engines.dask.DaskEngine`
on a ``LocalCluster`` of ``--workers`` worker processes (one thread each); ``worker peak MB`` is
each worker's peak RSS, ``rss_peak`` the client's (which builds the claims and gathers the
report). The cluster starts before the timing.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reconcile.model import Claim, DateRange, Quantity

SIZES = (10_000, 100_000, 1_000_000)
ACTIONS = ("plan", "order", "buy", "receive", "spend", "users")
CURRENCIES = ("USD", "USD", "EUR", "CNY")


_FX_CACHE: dict = {}


def fx_factor(unit: str, period: DateRange | None) -> float:
    """Units of ``unit`` per USD in the middle of the period (2025 when undated)."""
    from reconcile.fx import FxRates

    if unit == "USD":
        return 1.0
    key = (unit, period)
    if key not in _FX_CACHE:
        low, high = FxRates.default().rate("USD", unit, period or DateRange.year(2025))
        _FX_CACHE[key] = (low + high) / 2
    return _FX_CACHE[key]


def synthetic_claims(n: int, seed: int = 7) -> list[Claim]:
    rnd = random.Random(seed)
    keys = max(20, n // 4)
    outlets = [f"Outlet {i}" for i in range(300)]
    wires = ["Reuters", "AFP", "Bloomberg", "AP"]
    years = [DateRange.year(y) for y in range(2019, 2026)]
    months = [DateRange.month(y, m) for y in range(2019, 2026) for m in range(1, 13)]
    sentences = [f"Company said it had ordered {i} units this year." for i in range(1000)]
    claims: list[Claim] = []
    for i in range(n):
        key = rnd.randrange(20) if rnd.random() < 0.10 else rnd.randrange(keys)
        krnd = random.Random(key)
        subject = f"Company {key % (keys // 3 + 1)}"
        action = ACTIONS[key % len(ACTIONS)]
        obj = f"Product {krnd.randrange(200)}"
        money = action in ("spend", "plan") and krnd.random() < 0.7
        base = krnd.uniform(1e3, 1e9)
        roll = rnd.random()
        if roll < 0.10:
            period = None
        elif roll < 0.6:
            period = years[krnd.randrange(len(years))]
        else:
            period = months[krnd.randrange(len(months))]
        value = float(f"{base * rnd.uniform(0.99, 1.01):.2g}")  # news figures are rounded
        if rnd.random() < 0.01:
            value *= 2.0
        if money:
            unit = CURRENCIES[rnd.randrange(len(CURRENCIES))]
            value *= fx_factor(unit, period)
            quantity = Quantity(value * 0.95, value * 1.05, value, unit, "money", "approx", f"{value:.3g} {unit}")
        else:
            quantity = Quantity.exact(round(value), "item", "count", f"{round(value):,}")
        doc = f"doc{rnd.randrange(max(1, n // 5))}"
        cites = (wires[rnd.randrange(4)],) if rnd.random() < 0.3 else ()
        claims.append(
            Claim(
                id=f"{doc}#{i}",
                doc_id=doc,
                start=0,
                end=10,
                text=quantity.text,
                sentence=sentences[i % len(sentences)],
                quantity=quantity,
                subject=subject,
                action=action,
                object=obj,
                period=period,
                hedged=rnd.random() < 0.2,
                publisher=outlets[rnd.randrange(len(outlets))],
                cites=cites,
                published=years[-1] if rnd.random() < 0.8 else None,
            )
        )
    # stated conversions: 1 % of the money claims get a CNY/USD twin in the same sentence
    extra: list[Claim] = []
    for claim in claims[: n // 100]:
        if claim.quantity.kind == "money" and claim.quantity.unit == "CNY":
            usd = claim.quantity.stated / 7.1 * (1.0 if rnd.random() < 0.8 else 0.7)
            twin = Quantity(usd * 0.95, usd * 1.05, usd, "USD", "money", "approx", f"{usd:.3g} USD")
            extra.append(
                Claim(
                    id=claim.id + "b", doc_id=claim.doc_id, start=20, end=30, text=twin.text,
                    sentence=claim.sentence, quantity=twin, subject=claim.subject, action=claim.action,
                    object=claim.object, period=claim.period, publisher=claim.publisher,
                    published=claim.published, equivalents=(claim.id,),
                )
            )
    return claims + extra


def run_one(n: int) -> dict:
    from reconcile import reconcile
    from reconcile.fx import FxRates
    from reconcile.lexicon import Lexicon

    rates, lexicon = FxRates.default(), Lexicon.default()  # loaded once, outside the timing
    started = time.perf_counter()
    claims = synthetic_claims(n)
    build = time.perf_counter() - started
    rss_claims = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    report = reconcile(claims, "USD", rates, lexicon=lexicon)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return _figures(report, len(claims), build, elapsed, cpu, rss_claims, rss_peak)


def _figures(report: Any, claims: int, build: float, elapsed: float, cpu: float, rss_claims: int, rss_peak: int) -> dict:
    """What one run prints: sizes, findings by kind, seconds and peak memory (ru_maxrss is in KB)."""
    kinds: dict[str, int] = {}
    for finding in report.findings:
        kinds[finding.kind] = kinds.get(finding.kind, 0) + 1
    return {
        "claims": claims,
        "facts": len(report.facts),
        "findings": kinds,
        "build_s": round(build, 2),
        "reconcile_s": round(elapsed, 2),
        "cpu_s": round(cpu, 2),
        "rss_claims_mb": round(rss_claims / 1024),
        "rss_peak_mb": round(rss_peak / 1024),
    }


def run_one_dask(n: int, workers: int) -> dict:
    from distributed import Client, LocalCluster

    from reconcile.engines.dask import DaskEngine
    from reconcile.lexicon import Lexicon
    from reconcile.report import Report

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           memory_limit=0, silence_logs=40)
    with Client(cluster) as client:
        lexicon = Lexicon.default()
        started = time.perf_counter()
        claims = synthetic_claims(n)
        build = time.perf_counter() - started
        rss_claims = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started, cpu = time.perf_counter(), time.process_time()
        report = Report.of(DaskEngine(client).judge(claims, "USD", lexicon=lexicon))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    cluster.close()
    figures = _figures(report, len(claims), build, elapsed, cpu, rss_claims, rss_peak)
    return {**figures, "worker_peak_mb": [round(kb / 1024) for kb in peaks.values()]}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, help=f"claim counts (default {' '.join(map(str, SIZES))})")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="engine (default local)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, in this process
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one) if args.engine == "local" else run_one_dask(args.one, args.workers)))
        return
    sizes = args.sizes or list(SIZES)
    print(f"{'claims':>10} {'facts':>9} {'reconcile s':>12} {'cpu s':>7} {'s/100k':>7} {'build s':>8} "
          f"{'RSS claims MB':>14} {'RSS peak MB':>12}  findings" + ("  worker peak MB" if args.engine == "dask" else ""))
    for n in sizes:
        command = [sys.executable, __file__, "--one", str(n), "--engine", args.engine, "--workers", str(args.workers)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        per = r["reconcile_s"] / r["claims"] * 100_000
        print(f"{r['claims']:>10,} {r['facts']:>9,} {r['reconcile_s']:>12.2f} {r['cpu_s']:>7.2f} {per:>7.2f} {r['build_s']:>8.2f} "
              f"{r['rss_claims_mb']:>14,} {r['rss_peak_mb']:>12,}  {r['findings']}  {r.get('worker_peak_mb', '')}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
