"""The command line's other commands: ``rule``, ``rules``, ``config``, ``server``, ``facts``, ``abbreviations``.

``checker.cli`` parses the command word and calls these; ``factlint check`` (the linting run) stays there.
"""

from __future__ import annotations

from checker.cli import EXIT_ERROR, EXIT_OK, UsageError, _add_config_option, _Parser, _say, _settings


def cmd_rule(argv: list[str]) -> int:
    parser = _Parser(prog="factlint rule", description="Print a rule's documentation.")
    parser.add_argument("rule", metavar="CODE", help="a rule code, name or prefix")
    args = parser.parse_args(argv)
    from checker.registry import lookup
    from checker.ruledoc import render_rule

    for index, rule in enumerate(lookup(args.rule)):
        if index:
            print()
        print(render_rule(rule))
    return EXIT_OK


def cmd_rules(argv: list[str]) -> int:
    parser = _Parser(prog="factlint rules", description="List every rule.")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    args = parser.parse_args(argv)
    from checker.ruledoc import rules_table

    print(rules_table(args.format))
    return EXIT_OK


def cmd_config(argv: list[str]) -> int:
    parser = _Parser(prog="factlint config", description="Print the effective configuration.")
    _add_config_option(parser)
    args = parser.parse_args(argv)
    from checker.config import dump

    print(dump(_settings(args.config)), end="")
    return EXIT_OK


def cmd_server(argv: list[str]) -> int:
    try:
        import pygls  # noqa: F401  (only checked for here: the server imports it)
    except ImportError:
        raise UsageError("factlint server needs pygls: pip install 'factlint[lsp]'") from None
    from checker.lsp import main as serve

    return serve(argv)


def cmd_facts(argv: list[str]) -> int:
    parser = _Parser(prog="factlint facts", description="Print a document's fact sheet as JSON, or a corpus's facts as a ledger.")
    parser.add_argument("path", nargs="?", metavar="FILE")
    parser.add_argument("--corpus", metavar="DIR", help="print the facts of every document under DIR in ledger (TOML) format")
    parser.add_argument("--stdin-filename", metavar="PATH")
    parser.add_argument("--schema", action="store_true", help="print the JSON schema of what FILE prints (no FILE needed)")
    _add_config_option(parser)
    args = parser.parse_args(argv)
    if args.schema and not (args.path or args.corpus):
        import json

        from checker.fact_schema import schema

        print(json.dumps(schema(), indent=2, ensure_ascii=False))
        return EXIT_OK
    if bool(args.path) == bool(args.corpus):
        raise UsageError("give either FILE or --corpus DIR, or --schema alone")
    settings = _settings(args.config)
    from checker.engine import run, validate_selectors
    from checker.registry import resolve_selection

    validate_selectors(settings)
    from checker.sources import collect

    rules = resolve_selection(list(settings.select), list(settings.ignore))
    sources, problems = collect([args.path or args.corpus], settings, [], stdin_filename=args.stdin_filename, no_corpus=True)
    for problem in problems:
        _say(f"error: {problem}")
    if problems:
        return EXIT_ERROR
    result = run(sources, settings, rules if args.path else [], jobs=1 if args.path else None, extract_all=True)
    for notice in result.notices:
        _say(f"{notice.path}: {notice.message}")
    if args.corpus:
        from checker.ledger import to_ledger

        print(to_ledger(result.sheets), end="")
        return EXIT_OK
    if not result.sheets:
        return EXIT_ERROR
    from checker.fact_schema import to_json

    print(to_json(result.sheets[0]))
    return EXIT_OK


def cmd_abbreviations(argv: list[str]) -> int:
    parser = _Parser(
        prog="factlint abbreviations",
        description="Print the table of abbreviations of the documents: acronym, long form, where defined, "
        "where first used, count; acronyms used but never defined are marked.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--format", choices=("markdown", "csv", "json"), default="markdown")
    _add_config_option(parser)
    args = parser.parse_args(argv)
    settings = _settings(args.config)
    from checker.abbreviations import abbreviations, render
    from checker.engine import run
    from checker.rules.acronym_variants import defined_elsewhere
    from checker.sources import collect

    sources, problems = collect(args.paths, settings, [], no_corpus=True)
    for problem in problems:
        _say(f"error: {problem}")
    if problems:
        return EXIT_ERROR
    result = run(sources, settings, [], jobs=1, extract_all=True)
    for notice in result.notices:
        _say(f"{notice.path}: {notice.message}")
    sheets = sorted(result.sheets, key=lambda sheet: sheet.path)
    print(render(abbreviations(sheets, defined_elsewhere(settings)), args.format), end="")
    return EXIT_OK
