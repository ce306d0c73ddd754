"""Command line: ``reconcile PATH`` (also ``python -m reconcile PATH``).

::

    reconcile PATH [PATH ...] [--currency USD] [--format table|json|md|html] [-o FILE]
                   [--lexicon FILE] [--fail-on-contradiction] [--quiet]

The pipeline is ``load_documents(PATH) -> extract_claims(corpus, lexicon) -> reconcile(claims,
currency) -> print``; several PATHs are read as one batch (``reconcile seeds/ examples/corpus_en/``
lines French and English articles up). Documents that cannot be read or processed are reported on
stderr (and in the report) and do not stop the run. Progress goes to stderr; the report goes to stdout or ``-o FILE``.

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
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reconcile.errors import ReconcileError
from reconcile.report import RENDERERS

EXIT_OK = 0
EXIT_CONTRADICTION = 1
EXIT_USAGE = 2

FORMATS = RENDERERS.text_formats()
"""The ``--format`` choices: every text format registered in :data:`reconcile.report.RENDERERS`."""
#: Documents between two progress lines on stderr.
PROGRESS_EVERY = 100


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
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse already printed the usage (or the help)
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    progress = _Progress(err, args.quiet)
    try:
        from reconcile.documents import load_documents
        from reconcile.extract import extract_claims
        from reconcile.pipeline import reconcile
        from reconcile.lexicon import Lexicon

        lexicon = Lexicon.default()
        if args.lexicon:
            lexicon = lexicon.merge(Lexicon.load(args.lexicon))
        for path in args.paths:
            if not Path(path).exists():
                print(f"reconcile: error: {path}: no such file or directory", file=err)
                return EXIT_USAGE
        documents: list[Any] = []
        problems: list[ReconcileError] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for path in args.paths:
                progress.say(f"loading {path}")
                corpus = load_documents(path)
                documents.extend(corpus)
                problems.extend(corpus.problems)
        reported = [str(p) for p in problems]
        others = [str(w.message) for w in caught if not any(r in str(w.message) for r in reported)]
        notices = dict.fromkeys([*reported, *others])  # each once, in order
        for notice in notices:
            print(f"reconcile: warning: {notice}", file=err)
        progress.say(f"{len(documents)} documents; extracting claims")
        claims = []
        failed: list[tuple[str, ReconcileError]] = []
        for start in range(0, len(documents), PROGRESS_EVERY):
            claims.extend(extract_claims(documents[start : start + PROGRESS_EVERY], lexicon, errors=failed))
            done = min(start + PROGRESS_EVERY, len(documents))
            if len(documents) > PROGRESS_EVERY:
                progress.say(f"extracted {len(claims)} claims from {done}/{len(documents)} documents")
        for doc_id, error in failed:
            print(f"reconcile: warning: {doc_id}: skipped: {error}", file=err)
        problems.extend(error for _, error in failed)
        progress.say(f"{len(claims)} claims; reconciling in {args.currency.upper()}")
        report = reconcile(claims, args.currency, lexicon=lexicon, problems=tuple(problems))
        progress.say(report.summary())
        text = RENDERERS[args.format].document(report)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
            progress.say(f"report written to {args.output}")
        else:
            out.write(text)
            out.flush()
    except ReconcileError as exc:
        print(f"reconcile: error: {exc}", file=err)
        return EXIT_USAGE
    except OSError as exc:
        print(f"reconcile: error: {exc}", file=err)
        return EXIT_USAGE
    if args.fail_on_contradiction and report.has_contradictions:
        return EXIT_CONTRADICTION
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point (``reconcile``): runs and returns the exit code for ``sys.exit``."""
    return run(argv)
