"""The ``scoring`` command line (SPEC §3).

Exit codes: 0 done; 1 a ``--fail-under`` not met, or ``check`` found an error-level finding;
2 the input, the rule set or the command line is wrong (a message on stderr, no traceback
unless ``--debug``); 3 an internal fault of scoring itself.

Only argparse is imported at start-up; everything else is imported by the command that needs
it, so ``scoring --version`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_FAIL, EXIT_USER, EXIT_INTERNAL = 0, 1, 2, 3


FORMATS = ("table", "json", "markdown", "csv", "xlsx")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit code for usage errors is 2 as well
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER, f"scoring: error: {message}\n  → see `{self.prog} --help`\n")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(
        prog="scoring", description="Score budget performance self-evaluations (预算绩效自评)."
    )
    parser.add_argument("--version", action="version", version=f"scoring {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument(
        "-p",
        dest="plugin_options",
        action="append",
        default=[],
        metavar="no:NAME",
        help="disable a plugin by name or distribution (repeatable), as pytest's -p no:NAME",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def scoring_options(p, formats=FORMATS, full=True):
        p.add_argument(
            "-r",
            "--rules",
            default="mof-2020",
            metavar="RULES",
            help="an installed rule-set id or a path (default: mof-2020)",
        )
        p.add_argument(
            "-f",
            "--format",
            default=None,
            metavar="FORMAT",
            help=f"output format: {'|'.join(formats)} or one a plugin adds (default: table)",
        )
        p.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
        )
        if full:
            p.add_argument(
                "-o",
                "--output",
                metavar="OUT",
                help="write to this file instead of standard output",
            )
            p.add_argument(
                "--explain",
                action="store_true",
                help="show the rule and arithmetic behind every score",
            )
            p.add_argument(
                "--fail-under",
                metavar="SCORE|GRADE",
                help="exit 1 when a department scores below this score or grade",
            )

    score = commands.add_parser("score", help="score evaluation files")
    score.add_argument("files", nargs="+", metavar="FILE")
    scoring_options(score)
    check = commands.add_parser(
        "check",
        help="validation and review findings only; a .txt or .md file is a 自评报告 to review",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    scoring_options(check, ("table", "json"), full=False)
    check.add_argument(
        "--with",
        dest="against",
        metavar="FILE",
        help="an evaluation file to check a report's figures against",
    )
    compare = commands.add_parser(
        "compare", help="score files under several rule sets, side by side"
    )
    compare.add_argument("files", nargs="+", metavar="FILE")
    compare.add_argument(
        "-r",
        "--rules",
        required=True,
        metavar="A,B[,…]",
        help="two or more rule sets, by id or path, separated by commas",
    )
    compare.add_argument(
        "-f", "--format", default=None, metavar="FORMAT", help="table|json|markdown"
    )
    compare.add_argument(
        "-o", "--output", metavar="OUT", help="write to this file instead of standard output"
    )
    compare.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    whatif = commands.add_parser(
        "whatif",
        help="rescore with changes (--set), or find the smallest changes that reach a grade or score",
    )
    whatif.add_argument("file", metavar="FILE")
    whatif.add_argument(
        "--set",
        dest="changes",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help="a change by key path, e.g. projects[0].budget.spent=19.9 (repeatable)",
    )
    goal = whatif.add_mutually_exclusive_group()
    goal.add_argument("--grade", metavar="GRADE", help="the grade to reach, e.g. 优")
    goal.add_argument("--score", metavar="SCORE", help="the department score to reach, e.g. 90")
    whatif.add_argument("-r", "--rules", default="mof-2020", metavar="RULES")
    whatif.add_argument("-f", "--format", default=None, metavar="FORMAT", help="table|json")
    whatif.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    convert = commands.add_parser(
        "convert", help="write an evaluation in another format: .xlsx/.xls ↔ .toml/.json"
    )
    convert.add_argument("file", metavar="FILE")
    convert.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the file to write; its suffix (.toml, .json, .xlsx) chooses the format",
    )
    convert.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    template = commands.add_parser("template", help="a blank 自评表 to fill in")
    template.add_argument(
        "-f",
        "--format",
        choices=("xlsx", "toml"),
        default=None,
        help="xlsx or toml (default: as the output file's suffix says, else xlsx)",
    )
    template.add_argument(
        "-r",
        "--rules",
        default="mof-2020",
        metavar="RULES",
        help="the rule set whose categories the drop-downs offer (default mof-2020)",
    )
    template.add_argument(
        "-o", "--output", metavar="OUT", help="the file to write (needed for xlsx)"
    )
    template.add_argument(
        "--year", type=int, default=None, help="the budget year (default: last year)"
    )
    demo = commands.add_parser(
        "demo", help="score the bundled example (乐亭县城区工业聚集区管理委员会, 2023)"
    )
    scoring_options(demo)

    rules = commands.add_parser("rules", help="list, show, check and diff rule sets")
    rules_commands = rules.add_subparsers(
        dest="rules_command", metavar="ACTION", parser_class=_Parser
    )
    rules_commands.required = True
    rules_commands.add_parser("list", help="installed rule sets")
    show = rules_commands.add_parser(
        "show", help="a rule set resolved, with the file that set each key"
    )
    show.add_argument("name", metavar="ID|PATH")
    show.add_argument("-f", "--format", choices=("toml", "json"), default="toml")
    check_rules = rules_commands.add_parser("check", help="validate a rule-set file")
    check_rules.add_argument("name", metavar="PATH")
    diff = rules_commands.add_parser("diff", help="what differs between two rule sets, key by key")
    diff.add_argument("first", metavar="A")
    diff.add_argument("second", metavar="B")
    diff.add_argument("-f", "--format", choices=("table", "json"), default="table")

    schema = commands.add_parser("schema", help="print a JSON Schema")
    schema.add_argument("name", choices=("evaluation", "ruleset"))
    commands.add_parser("plugins", help="installed plugins and the hooks each implements")
    # -p no:NAME is understood after the command too (scoring score -p no:hunan FILE), as pytest does
    for sub in commands.choices.values():
        if not any("-p" in action.option_strings for action in sub._actions):
            sub.add_argument(
                "-p",
                dest="plugin_options",
                action="append",
                default=argparse.SUPPRESS,
                metavar="no:NAME",
                help="disable a plugin (repeatable)",
            )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USER
    _quiet_broken_pipes()
    try:
        _configure_plugins(args.plugin_options)
        return _commands()[args.command](args)
    except KeyboardInterrupt:  # pragma: no cover - Ctrl-C ends the run quietly
        return 130
    except BrokenPipeError:
        # `scoring … | head` stopped reading: nothing more to say, and nowhere to say it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        from .errors import ScoringError

        if getattr(args, "debug", False):
            raise
        if isinstance(exc, ScoringError):
            print(f"scoring: error: {exc.render()}", file=sys.stderr)
            return EXIT_USER
        print(
            f"scoring: internal error: {type(exc).__name__}: {exc}\n"
            "  → this is a fault in scoring, not in your files; run again with --debug and "
            "report the traceback",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _configure_plugins(options: list[str]) -> None:
    """`-p no:NAME`: the host of this run leaves those plugins out."""
    if not options:
        return
    from .errors import UsageError
    from .host import Host, set_default_host

    blocked = []
    for option in options:
        if not option.startswith("no:") or not option[3:]:
            raise UsageError(
                f"-p {option!r}: only -p no:NAME is understood",
                hint="plugins load from their entry points; -p no:NAME disables one",
            )
        blocked.append(option[3:])
    set_default_host(Host(blocked=tuple(blocked)))


def _quiet_broken_pipes() -> None:
    """`scoring … | head` must not end in a traceback; warnings print as one plain line."""
    import warnings

    warnings.formatwarning = lambda message, category, *a, **k: f"scoring: warning: {message}\n"
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="replace")


def _commands() -> dict:
    """Each command's function, imported when it runs (start-up stays light)."""
    from .commands import files, info, scoring, whatif

    return {
        "score": scoring.cmd_score,
        "check": scoring.cmd_check,
        "compare": scoring.cmd_compare,
        "demo": scoring.cmd_demo,
        "whatif": whatif.cmd_whatif,
        "convert": files.cmd_convert,
        "template": files.cmd_template,
        "rules": info.cmd_rules,
        "schema": info.cmd_schema,
        "plugins": info.cmd_plugins,
    }


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
