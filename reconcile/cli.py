"""Command line: ``reconcile PATH`` (also ``python -m reconcile PATH``).

::

    reconcile PATH [PATH ...] [--currency USD] [--format table|json|md|html] [-o FILE]
                   [--lexicon FILE] [--fail-on-contradiction] [--strict] [--verbose] [--quiet]

The pipeline is :func:`reconcile.pipeline.run` (``load_documents(PATH) -> extract_claims(corpus,
lexicon) -> reconcile(claims, currency)``), then the report is rendered in the ``--format`` chosen
among the text formats of :data:`reconcile.report.RENDERERS`. Several PATHs are read as one batch
(``reconcile seeds/ examples/corpus_en/`` lines French and English articles up). Documents that
cannot be read or processed, files of a folder that are not articles (``.html``, ``.json``, ...)
and a document id met in two paths (the second is renamed ``<id>@<file name>``) are reported on
stderr (and in the report) and do not stop the run; ``--strict`` makes any of them fail it.
``--currency`` and ``-o`` are checked before anything is read. Progress goes to stderr (a bar when
stderr is a terminal); the report goes to stdout or ``-o FILE``.

Exit codes:

- ``0``: the report was produced;
- ``1``: ``--fail-on-contradiction`` was given and at least one contradiction was found;
- ``2``: bad usage or unusable input (no such path, no readable document, unreadable lexicon,
  unknown currency, an output file that cannot be written, ...);
- ``3``: ``--strict`` was given and something was skipped, ignored or renamed (the report is
  still written).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reconcile import pipeline
from reconcile.errors import ReconcileError
from reconcile.report import RENDERERS, Report

EXIT_OK = 0
EXIT_CONTRADICTION = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3

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
        epilog=(
            "Exit codes: 0 ok; 1 contradictions found with --fail-on-contradiction; 2 bad usage or input "
            "(nothing readable included); 3 something skipped with --strict."
        ),
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
        "--strict", action="store_true", help="exit with status 3 if any file or document was skipped or ignored"
    )
    parser.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="where the stages run: this process (default) or Dask (the scheduler DASK_SCHEDULER_ADDRESS names, "
        "else a local cluster)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="table: each finding's full message and claims under its line"
    )
    return parser


#: Width of the progress bar, in characters.
BAR_WIDTH = 30


class _Progress:
    """Progress on stderr: a line per stage, and a bar during extraction when stderr is a terminal
    (a pipe or a file gets the lines only)."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self._stream = stream
        self._quiet = quiet
        self._start = time.perf_counter()
        isatty = getattr(stream, "isatty", None)
        self.bar = not quiet and callable(isatty) and bool(isatty())
        self._drawn = False

    def say(self, message: str) -> None:
        if self._quiet:
            return
        self._end_bar()
        elapsed = time.perf_counter() - self._start
        print(f"reconcile [{elapsed:6.1f} s] {message}", file=self._stream, flush=True)

    def count(self, done: int, total: int) -> None:
        """Redraw the bar: ``done`` of ``total`` documents extracted."""
        if not self.bar or total <= 0:
            return
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self._stream.write(f"\rextracting [{bar}] {done}/{total} documents")
        self._stream.flush()
        self._drawn = done < total
        if done >= total:
            self._stream.write("\n")

    def _end_bar(self) -> None:
        if self._drawn:
            self._stream.write("\n")
            self._drawn = False


def check_output(output: str | None) -> None:
    """Raise :class:`ReconcileError` when ``output`` cannot be written (checked before any work):
    a folder, a missing folder, or no permission.

    >>> check_output(None), check_output("/no/such/folder/report.html")
    Traceback (most recent call last):
    ...
    reconcile.errors.ReconcileError: cannot write the report to /no/such/folder/report.html: no such folder /no/such/folder
    """
    if not output:
        return
    path = Path(output)
    folder = path.parent
    problem = None
    if path.is_dir():
        problem = "it is a folder"
    elif not folder.is_dir():
        problem = f"no such folder {folder}"
    elif path.exists() and not os.access(path, os.W_OK):
        problem = "permission denied"
    elif not path.exists() and not os.access(folder, os.W_OK):
        problem = f"permission denied in {folder}"
    if problem is not None:
        raise ReconcileError(f"cannot write the report to {output}: {problem}")


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
        check_output(args.output)
        report = pipeline.run(
            args.paths,
            currency=pipeline.check_currency(args.currency),
            lexicon=args.lexicon or None,
            on_progress=progress.say,
            on_notice=lambda notice: print(f"reconcile: warning: {notice}", file=err),
            on_count=progress.count,
            engine=args.engine,
        )
        progress.say(report.summary())
        options = {"verbose": True} if args.verbose and args.format == "table" else {}
        _write(RENDERERS[args.format].document(report, **options), args.output, out, progress)
    except (ReconcileError, OSError) as exc:
        print(f"reconcile: error: {exc}", file=err)
        return EXIT_USAGE
    return _exit_code(args, report, err)


def _exit_code(args: argparse.Namespace, report: Report, err: TextIO) -> int:
    if args.fail_on_contradiction and report.has_contradictions:
        return EXIT_CONTRADICTION
    if args.strict and report.problems:
        print(f"reconcile: error: --strict: {len(report.problems)} problem(s) (listed above)", file=err)
        return EXIT_SKIPPED
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
