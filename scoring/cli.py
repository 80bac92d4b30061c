"""The ``scoring`` command line (SPEC §3).

Exit codes: 0 done; 1 a ``--fail-under`` not met, or ``check`` found an error-level finding;
2 the input, the rule set or the command line is wrong (a message on stderr, no traceback
unless ``--debug``); 3 an internal fault of scoring itself.

Only argparse is imported at start-up; everything else is imported by the command that needs
it, so ``scoring --version`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from .i18n import _

EXIT_OK, EXIT_FAIL, EXIT_USER, EXIT_INTERNAL = 0, 1, 2, 3


FORMATS = ("table", "json", "jsonl", "markdown", "csv", "xlsx")


class _Parser(argparse.ArgumentParser):
    """The command line's parsers, and the option groups they share as parents (of the
    subparsers' own class, as typeshed wants of ``add_parser(parents=...)``)."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """Help and the version are output, written as every command writes its own: a full
        disk or a closed standard output is said (exit 2), not passed over as argparse does."""
        if file is not None and file is not sys.stdout:  # usage on standard error
            super()._print_message(message, file)
            return
        if message:
            from .commands import _to_standard_output

            _to_standard_output(message)

    def error(self, message: str) -> NoReturn:  # argparse's exit code for usage errors is 2 too
        self.print_usage(sys.stderr)
        from .inert import terminal

        # argparse quotes what was typed: a file name or an option may hold control characters
        self.exit(
            EXIT_USER,
            _("scoring: error: {message}").format(message=terminal(message))
            + "\n  → "
            + _("see `{command} --help`").format(command=self.prog)
            + "\n",
        )


def _lang() -> dict[str, Any]:
    """``--lang``: read before the parser is built, so that the help is in the language asked
    for; the parsers take it only to show it and accept it anywhere on the line."""
    return {
        "metavar": "zh|en",
        "help": _("the language of messages: zh (default) or en; also SCORING_LANG"),
    }


def _common() -> _Parser:
    """Options every command takes, after the command too (scoring score -p no:hunan FILE)."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=_("show tracebacks")
    )
    common.add_argument("--lang", **_lang(), default=argparse.SUPPRESS)
    common.add_argument(
        "-p",
        # its own name: argparse copies a subcommand's values over the main parser's, which
        # would drop the -p given before the command
        dest="plugin_options_after",
        action="append",
        default=argparse.SUPPRESS,
        metavar="no:NAME",
        help=_("disable a plugin by name or distribution (repeatable), as pytest's -p no:NAME"),
    )
    return common


def _rules(default: str | None = "mof-2020", help: str = "") -> _Parser:
    rules = _Parser(add_help=False)
    rules.add_argument(
        "-r",
        "--rules",
        default=default,
        required=default is None,
        metavar="RULES",
        help=help or _("an installed rule-set id or a path (default: mof-2020)"),
    )
    return rules


def _output() -> _Parser:
    output = _Parser(add_help=False)
    output.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=_("write to this file instead of standard output (- for standard output)"),
    )
    return output


def _scoring() -> _Parser:
    """The options of score and demo: the full report in any format."""
    scoring = _Parser(add_help=False, parents=[_rules(), _output(), _jobs()])
    scoring.add_argument(
        "-f",
        "--format",
        default=None,
        metavar="FORMAT",
        help=_("output format: {formats} or one a plugin adds (default: table)").format(
            formats="|".join(FORMATS)
        ),
    )
    scoring.add_argument(
        "--explain", action="store_true", help=_("show the rule and arithmetic behind every score")
    )
    scoring.add_argument(
        "--fail-under",
        metavar="SCORE|GRADE",
        help=_("exit 1 when a department scores below this score (0 to full marks) or grade"),
    )
    return scoring


def _jobs() -> _Parser:
    """``--jobs N``: the processes that score a batch written file by file."""
    jobs = _Parser(add_help=False)
    jobs.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help=_(
            "score in N processes (json, jsonl, csv; default: one per core for 8 files or "
            "more, else 1); the output is the same"
        ),
    )
    return jobs


def _positive(text: str) -> int:
    """A whole number of processes, 1 or more."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            _("{text} is not a number of processes (1 or more)").format(text=repr(text))
        )
    return number


def _format(formats: str) -> _Parser:
    fmt = _Parser(add_help=False)
    fmt.add_argument("-f", "--format", default=None, metavar="FORMAT", help=formats)
    return fmt


def build_parser(files: object = None) -> argparse.ArgumentParser:
    """The command line. ``files`` marks the arguments that name files, for shell completion
    (shtab's FILE); None when parsing."""
    from . import __version__

    parser = _Parser(
        prog="scoring", description=_("Score budget performance self-evaluations (预算绩效自评).")
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"scoring {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument("--debug", action="store_true", help=_("show tracebacks"))
    parser.add_argument("--lang", **_lang())
    parser.add_argument(
        "-p",
        dest="plugin_options",
        action="append",
        default=[],
        metavar="no:NAME",
        help=_("disable a plugin by name or distribution (repeatable), as pytest's -p no:NAME"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = _common()

    def command(name: str, help: str, *parents: _Parser) -> _Parser:
        return commands.add_parser(name, help=help, parents=[*parents, common])

    def file_argument(sub: argparse.ArgumentParser, name: str, **options: Any) -> None:
        action = sub.add_argument(name, **options)
        if files is not None:
            action.complete = files  # type: ignore[attr-defined]  # shtab reads it; argparse has none

    score = command("score", _("score evaluation files"), _scoring())
    file_argument(score, "files", nargs="+", metavar="FILE")
    check = command(
        "check",
        _(
            "validation and review findings only; a .txt, .md, .docx or .html file is a "
            "自评报告 to review"
        ),
        _rules(),
        _format(_("table|json (default: table)")),
        _jobs(),
    )
    file_argument(check, "files", nargs="+", metavar="FILE")
    check.add_argument(
        "--with",
        dest="against",
        metavar="FILE",
        help=_("an evaluation file to check a report's figures against"),
    )
    compare = command(
        "compare",
        _("score files under several rule sets, side by side"),
        _rules(None, _("two or more rule sets, by id or path, separated by commas")),
        _format("table|json|markdown"),
        _output(),
    )
    file_argument(compare, "files", nargs="+", metavar="FILE")
    whatif = command(
        "whatif",
        _("rescore with changes (--set), or find the smallest changes that reach a grade or score"),
        _rules(),
        _format("table|json"),
    )
    file_argument(whatif, "file", metavar="FILE")
    whatif.add_argument(
        "--set",
        dest="changes",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help=_("a change by key path, e.g. projects[0].budget.spent=19.9 (repeatable)"),
    )
    goal = whatif.add_mutually_exclusive_group()
    goal.add_argument("--grade", metavar="GRADE", help=_("the grade to reach, e.g. 优"))
    goal.add_argument("--score", metavar="SCORE", help=_("the department score to reach, e.g. 90"))
    convert = command(
        "convert", _("write an evaluation in another format: .xlsx/.xls ↔ .toml/.json")
    )
    file_argument(convert, "file", metavar="FILE")
    convert.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help=_("the file to write; its suffix (.toml, .json, .xlsx) chooses the format"),
    )
    template = command(
        "template",
        _("a blank 自评表 to fill in"),
        _rules(help=_("the rule set whose categories the drop-downs offer (default mof-2020)")),
    )
    template.add_argument(
        "-f",
        "--format",
        choices=("xlsx", "toml"),
        default=None,
        help=_("xlsx or toml (default: as the output file's suffix says, else xlsx)"),
    )
    template.add_argument(
        "-o", "--output", metavar="OUT", help=_("the file to write (needed for xlsx)")
    )
    template.add_argument(
        "--year", type=int, default=None, help=_("the budget year (default: last year)")
    )
    command(
        "demo", _("score the bundled example (乐亭县城区工业聚集区管理委员会, 2023)"), _scoring()
    )
    report = command(
        "report", _("draft the written 自评报告 (md, html, docx) from scored files"), _rules()
    )
    file_argument(report, "files", nargs="+", metavar="FILE")
    _report_options(report)

    rules = command("rules", _("list, show, check and diff rule sets"))
    actions = rules.add_subparsers(dest="rules_command", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    actions.add_parser("list", help=_("installed rule sets"), parents=[common])
    show = actions.add_parser(
        "show", help=_("a rule set resolved, with the file that set each key"), parents=[common]
    )
    show.add_argument("name", metavar="ID|PATH")
    show.add_argument("-f", "--format", choices=("toml", "json"), default="toml")
    check_rules = actions.add_parser("check", help=_("validate a rule-set file"), parents=[common])
    file_argument(check_rules, "name", metavar="PATH")
    diff = actions.add_parser(
        "diff", help=_("what differs between two rule sets, key by key"), parents=[common]
    )
    diff.add_argument("first", metavar="A")
    diff.add_argument("second", metavar="B")
    diff.add_argument("-f", "--format", choices=("table", "json"), default="table")

    schema = command("schema", _("print a JSON Schema"))
    schema.add_argument("name", choices=("evaluation", "ruleset"))
    command("plugins", _("installed plugins and the hooks each implements"))
    completion = command("completion", _("the shell completion script (bash, zsh or tcsh)"))
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"))
    return parser


def _report_options(report: argparse.ArgumentParser) -> None:
    """The options of ``scoring report`` (scoring/commands/report.py says where OUT goes)."""
    report.add_argument(
        "-f",
        "--format",
        default=None,
        metavar="FORMAT",
        help=_("md|html|docx (default: as OUT's suffix says, else md)"),
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=_("the report's file; a folder for several files (one report each)"),
    )
    report.add_argument(
        "--template",
        metavar="DIR|NAME",
        help=_("a folder of templates, or one a plugin installs, used before the built-in ones"),
    )
    report.add_argument(
        "--combined",
        action="store_true",
        help=_("one summary of all the files: ranking, grades, recurring findings"),
    )
    report.add_argument(
        "--date", metavar="YYYY-MM-DD", help=_("the date the report states (default: today)")
    )


COMMANDS = (
    "score",
    "check",
    "compare",
    "whatif",
    "convert",
    "template",
    "demo",
    "report",
    "rules",
    "schema",
    "plugins",
    "completion",
)


def main(argv: list[str] | None = None) -> int:
    """The command line: the language first (``--lang``, then the environment: see
    :mod:`scoring.i18n`), then the command; returns the exit code."""
    from . import i18n

    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        i18n.use(_asked_language(argv))
    except i18n.UnknownLanguage as exc:
        from .inert import terminal

        print(
            _("scoring: error: {message}").format(
                message=_("{source} {value}: no such language").format(
                    source=exc.source, value=terminal(repr(exc.value))
                )
            )
            + "\n  → "
            + _("zh (Chinese, the default) or en (English)"),
            file=sys.stderr,
        )
        return EXIT_USER
    argparse_messages = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    # argparse looks its own messages up through these two names at each use: pointing them at
    # the chosen catalog translates its headings and errors, and only while the command runs
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    try:
        return _run(argv)
    finally:
        argparse._, argparse.ngettext = argparse_messages  # type: ignore[attr-defined]
        i18n.use_environment()  # a later call in this process chooses again


def _asked_language(argv: list[str]) -> str | None:
    """The value of ``--lang`` (``--lang en`` or ``--lang=en``) anywhere before ``--``."""
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return None


# options before the command that take a value: the command is the first word after them
_VALUED = ("-p", "--lang")


def _mistyped_command(argv: list[str]) -> str | None:
    """The first word where the command belongs when it is no command (``scoring scroe``)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _VALUED:
            skip = True
        elif word == "--":
            return None
        elif not word.startswith("-"):
            return None if word in COMMANDS else word
    return None


def _run(argv: list[str]) -> int:
    parser = build_parser()
    mistyped = _mistyped_command(argv)
    if mistyped is not None:
        from .errors import did_you_mean
        from .inert import terminal

        hint = did_you_mean(mistyped, COMMANDS) or _("commands: {names}").format(
            names=", ".join(COMMANDS)
        )
        parser.print_usage(sys.stderr)
        print(
            _("scoring: error: {message}").format(
                message=_("no command is called {name}").format(name=terminal(repr(mistyped)))
            )
            + f"\n  → {hint}",
            file=sys.stderr,
        )
        return EXIT_USER
    _quiet_broken_pipes()  # help is output too: UTF-8 when piped
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_USER
    except BrokenPipeError:  # `scoring --help | head -1`: as for a command's output
        from .commands import _silence

        _silence(sys.stdout)
        return EXIT_OK
    except Exception as exc:  # --help or --version could not be written
        return _said(exc, debug="--debug" in argv)
    if getattr(args, "output", None) == "-" and args.command != "convert":
        args.output = None  # `-o -` is standard output (convert's -o names a format by its suffix)
    from .commands import _STREAM, _silence

    # A plugin's printing goes to standard error; the command's output to the real stdout
    # (None when the process was started with it closed: a command that writes there says so).
    _STREAM[:] = [sys.stdout]
    sys.stdout = sys.stderr
    try:
        _configure_plugins(args.plugin_options + getattr(args, "plugin_options_after", []))
        return _commands()[args.command](args)
    except KeyboardInterrupt:  # pragma: no cover - Ctrl-C ends the run quietly
        return 130
    except BrokenPipeError:
        # `scoring … | head` stopped reading: nothing more to say, and nowhere to say it
        _silence(_STREAM[0])
        return EXIT_OK
    except Exception as exc:
        return _said(exc, getattr(args, "debug", False))
    finally:
        sys.stdout = _STREAM[0]  # None again when it was closed
        _STREAM.clear()


def _said(exc: Exception, debug: bool) -> int:
    """An error on standard error, and the exit code for it: the user's (2) or scoring's own
    fault (3); raised again under --debug, for its traceback."""
    from .errors import ScoringError
    from .inert import terminal

    if debug:
        raise exc
    if isinstance(exc, ScoringError):
        print(_("scoring: error: {message}").format(message=exc.render()), file=sys.stderr)
        return EXIT_USER
    print(
        _("scoring: internal error: {message}").format(
            message=f"{type(exc).__name__}: {terminal(exc)}"
        )
        + "\n  → "
        + _(
            "this is a fault in scoring, not in your files; run again with --debug and "
            "report the traceback"
        ),
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _configure_plugins(options: list[str]) -> None:
    """`-p no:NAME`: the host of this run, built by the one function every host is built by,
    leaves those plugins out."""
    if not options:
        return
    from .errors import UsageError
    from .host import build_host, set_default_host

    blocked = []
    for option in options:
        if not option.startswith("no:") or not option[3:]:
            raise UsageError(
                _("-p {option}: only -p no:NAME is understood").format(option=repr(option)),
                hint=_("plugins load from their entry points; -p no:NAME disables one"),
            )
        blocked.append(option[3:])
    set_default_host(build_host(blocked=tuple(blocked)))


def _quiet_broken_pipes() -> None:
    """`scoring … | head` must not end in a traceback; warnings print as one plain line."""
    import warnings

    from .inert import terminal

    # a plugin's warning quotes what the plugin raised or registered: shown, never acted on
    warnings.formatwarning = lambda message, *a, **k: (
        _("scoring: warning: {message}").format(message=terminal(message)) + "\n"
    )
    # Piped, the output is UTF-8 whatever the locale. Text with no UTF-8 form (half of a UTF-16
    # pair) is said, as when writing a file with -o, rather than replaced unseen; a message on
    # standard error is printed whatever it holds.
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "replace")):
        if hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors=errors)


def _commands() -> dict:
    """Each command's function (one per name in COMMANDS), imported when it runs (start-up
    stays light)."""
    from .commands import files, info, report, scoring, whatif

    return {
        "score": scoring.cmd_score,
        "check": scoring.cmd_check,
        "compare": scoring.cmd_compare,
        "demo": scoring.cmd_demo,
        "report": report.cmd_report,
        "whatif": whatif.cmd_whatif,
        "convert": files.cmd_convert,
        "template": files.cmd_template,
        "rules": info.cmd_rules,
        "schema": info.cmd_schema,
        "plugins": info.cmd_plugins,
        "completion": info.cmd_completion,
    }


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
