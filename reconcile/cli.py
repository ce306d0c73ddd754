"""Command line: ``reconcile PATH`` (also ``python -m reconcile PATH``).

::

    reconcile PATH [PATH ...] [--currency USD] [--format table|json|md|html] [-o FILE]
                   [--lexicon FILE] [--fail-on-contradiction] [--quiet]

The pipeline is :func:`reconcile.pipeline.run` (``load_documents(PATH) -> extract_claims(corpus,
lexicon) -> reconcile(claims, currency)``), then the report is rendered in the ``--format`` chosen
among the text formats of :data:`reconcile.report.RENDERERS`. Several PATHs are read as one batch
(``reconcile seeds/ examples/corpus_en/`` lines French and English articles up). Documents that
cannot be read or processed are reported on stderr (and in the report) and do not stop the run.
Progress goes to stderr; the report goes to stdout or ``-o FILE``.

Exit codes:

- ``0``: the report was produced;
- ``1``: ``--fail-on-contradiction`` was given and at least one contradiction was found;
- ``2``: bad usage or unusable input (no such path, unreadable lexicon, unknown currency, ...).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reconcile import pipeline
from reconcile.errors import ReconcileError
from reconcile.report import RENDERERS

EXIT_OK = 0
EXIT_CONTRADICTION = 1
EXIT_USAGE = 2

FORMATS = RENDERERS.text_formats()
"""The ``--format`` choices: every text format registered in :data:`reconcile.report.RENDERERS`."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests).

    >>> build_parser().parse_args(["seeds/", "--format", "json"]).format
    'json'
    """
    parser = argparse.ArgumentParser(
        prog="reconcile",
        description="Reconcile the figures of news articles: where sources agree, contradict, or differ by stage.",
        epilog="Exit codes: 0 ok; 1 contradictions found with --fail-on-contradiction; 2 bad usage or input.",
    )
    parser.add_argument(
        "paths", metavar="PATH", nargs="+", help="a folder of articles (with sources.toml) or a JSONL file"
    )
    parser.add_argument("--currency", default="USD", help="ISO 4217 code money is compared in (default USD)")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--lexicon", metavar="FILE", help="a lexicon TOML file merged over the default one")
    parser.add_argument(
        "--fail-on-contradiction", action="store_true", help="exit with status 1 if any contradiction is found"
    )
    parser.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="where the stages run: this process (default) or Dask (the scheduler DASK_SCHEDULER_ADDRESS names, "
        "else a local cluster)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    return parser


class _Progress:
    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self._stream = stream
        self._quiet = quiet
        self._start = time.perf_counter()

    def say(self, message: str) -> None:
        if not self._quiet:
            elapsed = time.perf_counter() - self._start
            print(f"reconcile [{elapsed:6.1f} s] {message}", file=self._stream, flush=True)


def run(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line with ``argv``; returns the exit code (see the module docstring)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # argparse already printed the usage (or the help)
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    progress = _Progress(err, args.quiet)
    try:
        report = pipeline.run(
            args.paths,
            currency=args.currency,
            lexicon=args.lexicon or None,
            on_progress=progress.say,
            on_notice=lambda notice: print(f"reconcile: warning: {notice}", file=err),
            engine=args.engine,
        )
        progress.say(report.summary())
        _write(RENDERERS[args.format].document(report), args.output, out, progress)
    except (ReconcileError, OSError) as exc:
        print(f"reconcile: error: {exc}", file=err)
        return EXIT_USAGE
    if args.fail_on_contradiction and report.has_contradictions:
        return EXIT_CONTRADICTION
    return EXIT_OK


def _write(text: str, output: str | None, out: TextIO, progress: _Progress) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
        progress.say(f"report written to {output}")
    else:
        out.write(text)
        out.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point (``reconcile``): runs and returns the exit code for ``sys.exit``."""
    return run(argv)
