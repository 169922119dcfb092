"""Command line: ``factlint [check] PATHS``, ``rule``, ``rules``, ``config``, ``facts``, ``abbreviations``.

Exit codes (stable): 0 no finding at or above ``fail-on``; 1 findings at or
above it; 2 usage, configuration or internal error, a named path that could
not be checked (missing, unreadable, binary, not a regular file), or no
document checked at all. ``--exit-zero`` turns 1 into 0 (errors still exit 2).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from checker import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "rule", "rules", "config", "facts", "server", "abbreviations")
FORMATS = ("full", "concise", "json", "sarif", "github", "html")

_EPILOG = """\
commands:
  factlint [check] PATH ...   lint files and directories ("-" reads stdin)
  factlint rule CODE          print a rule's documentation (code, name or prefix)
  factlint rules              list every rule
  factlint config             print the effective configuration
  factlint facts FILE         print a document's fact sheet as JSON
  factlint facts --schema     print the JSON schema of that fact sheet
  factlint facts --corpus DIR print the facts found in a corpus, in ledger format
  factlint server             run the language server for editors (needs the lsp extra)
  factlint abbreviations PATH ...  print the table of abbreviations (Markdown, CSV or JSON)

exit codes:
  0  no finding at or above fail-on (default: warning)
  1  findings at or above fail-on
  2  usage, configuration or internal error; a named file that could not be
     checked (missing, unreadable, binary); or no document to check

configuration: [tool.factlint] in pyproject.toml, or factlint.toml / .factlint.toml,
found by walking up from the working directory; --config overrides.
"""


class UsageError(Exception):
    """Bad command-line usage; exit 2."""


def _collect_less_often() -> None:
    """Run the cycle collector after every 10,000 new objects rather than Python's 700.

    A run allocates millions of small objects (mentions, quantities, their tuples) that
    are never part of a cycle, and each collection walks the young ones again: with
    the default thresholds the collector took 15% of a --jobs 1 run (1.1 of 7.5 CPU
    seconds on 10 MB of prose), with these 5%, at the same peak memory. Workers of
    --jobs are forked from this process and keep the setting.
    """
    import gc

    gc.set_threshold(10_000, 10, 10)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``factlint`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _collect_less_often()
    from checker.dataclass_code import install

    install()  # before the modules that define dataclasses are imported
    try:
        return _dispatch(argv)
    except UsageError as error:
        print(f"factlint: error: {printable_lines(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # anything else is a bug: say so clearly, exit 2
        from checker.config import ConfigError
        from checker.registry import RegistryError

        if isinstance(error, (ConfigError, RegistryError)):
            print(f"factlint: error: {printable_lines(str(error))}", file=sys.stderr)
            return EXIT_ERROR
        import traceback

        traceback.print_exc()
        print(f"factlint: internal error: {type(error).__name__}: {printable_lines(str(error))}", file=sys.stderr)
        return EXIT_ERROR


def printable_lines(text: str) -> str:
    """Text for stderr: line breaks kept, every other control character escaped."""
    from checker.formatters import printable

    return "\n".join(printable(line) for line in text.split("\n"))


def _say(message: str) -> None:
    """A message about a path or document on stderr, control characters escaped."""
    from checker.formatters import printable

    print(f"factlint: {printable(message)}", file=sys.stderr)


def _dispatch(argv: list[str]) -> int:
    command = "check"
    if argv and argv[0] in COMMANDS:
        command = argv.pop(0)
    if command == "check":
        return _cmd_check(argv)
    from checker import cli_commands

    return getattr(cli_commands, f"cmd_{command}")(argv)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit 2 through our own path, with usage
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, given the terminal's width rather than asking ``shutil`` for it.

    argparse makes a formatter at every ``add_argument`` (to check the help text), and the first one imports
    ``shutil`` (with ``bz2`` and ``lzma``) for ``shutil.get_terminal_size``: about 2% of a one-file run, for a
    width only help output reads. The width is the one ``shutil`` would give: ``COLUMNS``, else the terminal's,
    else 80.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


def _columns() -> int:
    """The columns of ``shutil.get_terminal_size()`` (its fallback is 80 columns)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factlint",
        description="A linter for the facts inside prose documents: names, encoding, numbers, dates and text.",
        epilog=_EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to lint; '-' for stdin (default: .)")
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    _add_config_option(parser)
    select = parser.add_argument_group("rule selection")
    select.add_argument("--select", metavar="RULES", help="comma-separated codes, names or prefixes to enable (replaces config)")
    select.add_argument("--extend-select", metavar="RULES", help="enable these in addition to the configured selection")
    select.add_argument("--ignore", metavar="RULES", help="comma-separated codes, names or prefixes to disable")
    output = parser.add_argument_group("output")
    output.add_argument("-f", "--output-format", choices=FORMATS, help="report format (default: full; github under GitHub Actions)")
    output.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE instead of stdout")
    output.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in the full format (default: auto)")
    output.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    output.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="a progress bar on stderr (default: only on a terminal, outside CI, for runs over a second)",
    )
    exits = parser.add_argument_group("exit status")
    exits.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails the run (default: config, else warning)")
    exits.add_argument(
        "--min-confidence", choices=("high", "medium", "low"), help="report only findings at least this sure (default: config, else low: all)"
    )
    exits.add_argument("--baseline", metavar="FILE", help="report only findings not in this baseline (default: config baseline)")
    exits.add_argument("--write-baseline", metavar="FILE", help="record every finding of this run in FILE (stale entries pruned), report none")
    exits.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    fixing = parser.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fixing.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes")
    fixing.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    run = parser.add_argument_group("run")
    run.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes for pass 1 (default: CPU count; 1 = in-process)")
    run.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="where pass 1 runs: local processes (default), or a Dask cluster (needs the dask extra; see --scheduler)",
    )
    run.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="with --engine dask: the scheduler of an existing cluster (tcp://HOST:8786); default: a local cluster of --jobs processes",
    )
    run.add_argument("--stdin-filename", metavar="PATH", help="name (and so format) of the document read from stdin")
    run.add_argument("--no-corpus", action="store_true", help="corpus rules see only the named files, not the whole project")
    run.add_argument("--no-cache", action="store_true", help="read every document again; do not use or update the fact-sheet cache")
    run.add_argument("--cache-dir", metavar="DIR", help="fact-sheet cache directory (default: config cache-dir, else .factlint_cache in the project root)")
    return parser


def _add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="PATH", help="configuration file (pyproject.toml, factlint.toml or .factlint.toml)")


def _settings(config: str | None, cache: bool | Path = False):
    from checker.config import find_config, load_settings

    path = Path(config) if config else find_config(Path.cwd())
    return load_settings(path, cache=cache)


def _split(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def _cmd_check(argv: list[str]) -> int:
    args = _check_parser().parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    if args.fix and "-" in args.paths:
        raise UsageError("--fix cannot rewrite standard input; use --diff")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if args.engine != "dask":
        return _check(args, None)
    if "-" in args.paths:
        raise UsageError(
            "--engine dask: the workers read the documents from their own disks, so standard input ('-') cannot be checked; run without --engine dask"
        )
    from checker.dask_engine import DaskEngine, DaskEngineError

    try:
        with DaskEngine(args.scheduler, args.jobs) as engine:
            return _check(args, engine.pass_one)
    except DaskEngineError as error:
        raise UsageError(str(error)) from None


def _check(args: argparse.Namespace, pass_one) -> int:
    """``factlint check`` with its arguments checked; ``pass_one`` from the engine asked for (None: local processes)."""
    settings = _settings(args.config, cache=False if args.no_cache else Path(args.cache_dir) if args.cache_dir else True)
    from checker.engine import validate_selectors
    from checker.registry import RegistryError, resolve_selection

    validate_selectors(settings)  # first, so that an unknown rule in the config names the file
    select = _split(args.select) or list(settings.select)
    select += _split(args.extend_select)
    ignore = list(settings.ignore) + _split(args.ignore)
    try:
        rules = resolve_selection(select, ignore, deferred=True)
    except RegistryError as unknown:  # the config's selectors are valid: this one came from the command line
        raise UsageError(f"--select/--extend-select/--ignore: {unknown}") from None
    fail_on = args.fail_on or settings.fail_on
    min_confidence = args.min_confidence or settings.min_confidence

    from checker.engine import run
    from checker.sources import collect

    paths = args.paths or ["."]
    skipped: list[str] = []
    empty: list[str] = []
    sources, problems = collect(paths, settings, rules, stdin_filename=args.stdin_filename, no_corpus=args.no_corpus, notices=skipped, empty=empty)
    for problem in problems:
        _say(f"error: {problem}")
    for message in skipped:
        _say(message)
    if problems and not sources:
        return EXIT_ERROR
    cache_dir = None if args.no_cache else Path(args.cache_dir) if args.cache_dir else Path(settings.root) / settings.cache_dir
    from checker.progress import progress_bar

    with progress_bar(len(sources), args.progress) as advance:
        result = _confident(
            run(sources, settings, rules, jobs=args.jobs, cache_dir=cache_dir, progress=advance, keep_sheets=False, pass_one=pass_one), min_confidence
        )

    known = None if args.write_baseline else _known(args, settings)
    if args.fix or args.diff:
        from checker.fixes import fix_run

        fixable, keep = _fixable(result, known, Path(settings.root), min_confidence)
        changed = fix_run(
            fixable, sources, settings, rules, unsafe=args.unsafe_fixes, write=args.fix, diff_stream=sys.stdout if args.diff else None, keep=keep
        )
        if args.diff:
            return EXIT_FINDINGS if changed and not args.exit_zero else EXIT_OK
        if changed:  # report what remains
            result = _confident(run(sources, settings, rules, jobs=args.jobs, cache_dir=cache_dir, keep_sheets=False, pass_one=pass_one), min_confidence)
            result.stats["fixed_documents"] = len(changed)

    _baseline(args, settings, result, known)
    named = _named_files(paths, args.stdin_filename)
    # Decided before the report is written, so that the report can give it (SARIF invocations).
    code = _exit_code(args, result, problems, named, fail_on)
    result.stats["exit_code"] = code
    fmt = args.output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full")
    stream: TextIO
    if args.output_file:
        stream = open(args.output_file, "w", encoding="utf-8", newline="\n")
    else:
        stream = sys.stdout
    try:
        from checker.formatters import render

        color = args.color == "always" or (args.color == "auto" and stream.isatty() and not os.environ.get("NO_COLOR"))
        render(fmt, result, stream, settings=settings, color=color, quiet=args.quiet)
    finally:
        if args.output_file:
            stream.close()
    for notice in result.notices:
        _say(f"{notice.path}: {notice.message}")
    if result.errors:
        for error in result.errors:
            _say(f"internal error: {error}")
    elif not problems:
        # A file the user named that could not be checked (unreadable, binary) fails the run, like a
        # missing one: passing silently would let CI go green on a document nobody checked.
        unchecked = [notice.path for notice in result.notices if notice.path in named]
        for path in unchecked:
            _say(f"error: {path}: named on the command line, but could not be checked (see above)")
        if not unchecked and not result.stats.get("documents"):
            for reason in empty:
                _say(f"no document found in {reason}")
            _say("error: no documents were checked (no file matched the include globs, or every file was skipped)")
    return code


def _exit_code(args: argparse.Namespace, result, problems: list[str], named: set[str], fail_on: str) -> int:
    """The run's exit status (see the module docstring)."""
    if result.errors or problems:
        return EXIT_ERROR
    if any(notice.path in named for notice in result.notices) or not result.stats.get("documents"):
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    from checker.finding import SEVERITY_RANK

    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[d.severity] >= threshold for d in result.diagnostics)
    return EXIT_FINDINGS if failing else EXIT_OK


def _confident(result, minimum: str):
    """Drop the findings less sure than ``minimum``: they are not reported, fixed or counted."""
    from checker.finding import CONFIDENCE_RANK

    threshold = CONFIDENCE_RANK[minimum]
    if threshold:
        kept = [d for d in result.diagnostics if CONFIDENCE_RANK[d.confidence] >= threshold]
        result.stats["below_confidence"] = len(result.diagnostics) - len(kept)
        result.diagnostics = kept
    return result


def _baseline_name(args: argparse.Namespace, settings) -> str | None:
    return args.baseline or (str(Path(settings.root) / settings.baseline) if settings.baseline else None)


def _known(args: argparse.Namespace, settings):
    """The entries of the baseline in use (``--baseline`` or the config's), or None."""
    name = _baseline_name(args, settings)
    if not name:
        return None
    from checker import baseline

    return baseline.load(Path(name))


def _fixable(result, known, root: Path, min_confidence: str):
    """What ``--fix`` may fix: the run without its baselined findings, and the same filter for later fix rounds."""
    from dataclasses import replace

    from checker import baseline
    from checker.finding import CONFIDENCE_RANK

    threshold = CONFIDENCE_RANK[min_confidence]

    def keep(diagnostics, text):
        sure = [d for d in diagnostics if CONFIDENCE_RANK[d.confidence] >= threshold]
        return sure if known is None else baseline.unknown(sure, text, known, root)

    if known is None:
        return result, keep
    return replace(result, diagnostics=baseline.apply(result, known, root).kept), keep


def _baseline(args: argparse.Namespace, settings, result, known=None) -> None:
    """Record the findings in ``--write-baseline``, or drop those ``--baseline`` (or config) holds."""
    if not args.write_baseline and known is None:
        return
    from checker import baseline

    root = Path(settings.root)
    if args.write_baseline:
        target = Path(args.write_baseline)
        previous = baseline.load(target) if target.exists() else None  # never overwrite a file that is not one
        count = baseline.write(target, result, root, previous)
        _say(f"baseline {target}: {count} finding{'s' if count != 1 else ''} recorded")
        result.diagnostics = []
        result.stats["baselined"] = count
        return
    name = _baseline_name(args, settings)
    if not name or known is None:
        return
    outcome = baseline.apply(result, known, root)
    result.diagnostics = outcome.kept
    result.stats["baselined"] = outcome.matched
    result.baseline = {"file": name, "matched": outcome.matched, "stale": baseline.stale_json(outcome.stale)}
    stale = sum(outcome.stale.values())
    if stale:
        _say(
            f"baseline {name}: {stale} {'entries no longer match' if stale != 1 else 'entry no longer matches'} a finding (fixed or reworded); "
            "--write-baseline prunes them"
        )


def _named_files(paths: list[str], stdin_filename: str | None) -> set[str]:
    """Report paths of the files named on the command line (directories excluded)."""
    from checker.sources import display_path

    named = set()
    for raw in paths:
        if raw == "-":
            named.add(stdin_filename or "<stdin>.txt")
        elif not Path(raw).is_dir():
            named.add(display_path(Path(raw)))
    return named


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
