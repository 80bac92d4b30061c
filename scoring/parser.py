"""The command line's parsers (argparse): every command, its options, their help and the names
of their values (the metavars: FILE, 文件 in Chinese), in the language :mod:`scoring.i18n`
chose. Imported when a command line is parsed, not for ``scoring --version``.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from collections.abc import Mapping

    from _typeshed import SupportsWrite

from .cli import EXIT_USER
from .i18n import _


class _Once(argparse.Action):
    """An option given at most once: a second value would silently replace the first (a report
    is checked against one evaluation file)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        if getattr(namespace, self.dest, None) is not None:
            raise argparse.ArgumentError(
                self, _("given twice; a report is checked against one evaluation file")
            )
        setattr(namespace, self.dest, values)


class _OneRules(argparse.Action):
    """``-r`` given once: a second would silently replace the first (``compare -r a -r b``
    compared nothing); several rule sets are written together, ``-r a,b``."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        if getattr(namespace, "_rules_given", False):
            raise argparse.ArgumentError(
                self, _("given twice; to compare rule sets, give them together: -r a,b")
            )
        namespace._rules_given = True
        setattr(namespace, self.dest, values)


FORMATS = ("table", "json", "jsonl", "markdown", "csv", "xlsx")
# A colour a help text may carry (argparse's own, from Python 3.14): it takes no column.
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def _columns(text: str) -> int:
    """The columns ``text`` takes on a terminal: two for a Chinese character, as 文件."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(char) in "WF" else 1 for char in _COLOUR.sub("", text))


class _Formatter(argparse.HelpFormatter):
    """argparse's help measured in terminal columns, where argparse counts characters: an
    option with a Chinese metavar (``-r 规则集``) had pushed its help past the others', and a
    usage of Chinese words had run past the terminal's width."""

    def _format_usage(self, usage, actions, groups, prefix) -> str:
        """argparse's usage, its lines under the first as far in as 用法：scoring score is wide,
        and wrapped narrower until every line fits the width in columns (argparse's own when
        none can, or when every character takes one column)."""
        width, first = self._width, ""
        try:
            while True:
                text = self._indented(super()._format_usage(usage, actions, groups, prefix))
                first = first or text
                if _columns(text) == len(text):
                    return text
                if all(_columns(line) <= width for line in text.split("\n")):
                    return text
                if self._width <= 20:
                    return first
                self._width -= 1
        finally:
            self._width = width

    def _indented(self, usage: str) -> str:
        """The usage's lines after the first moved in by the columns its prefix (用法：) takes
        beyond its characters."""
        first, _newline, rest = usage.partition("\n")
        at = first.find(self._prog)
        wider = _columns(first[:at]) - at
        if not rest or at < 0 or wider <= 0:
            return usage
        lines = [" " * wider + line if line.strip() else line for line in rest.split("\n")]
        return "\n".join([first, *lines])

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            taken = _columns(self._format_action_invocation(action)) + self._current_indent
            self._action_max_length = max(self._action_max_length, taken)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        plain = _COLOUR.sub("", header)
        wider = _columns(plain) - len(plain)
        lead = " " * self._current_indent + header
        rest = text[len(lead) :]
        if not wider or not action.help or not text.startswith(lead) or rest[:1] != " ":
            return text  # no Chinese in it, or no help beside it
        # beside its help, padded as if each character took one column
        position = min(self._action_max_length + 2, self._max_help_position)
        padding = len(rest) - len(rest.lstrip(" "))
        if _columns(plain) <= position - self._current_indent - 2:
            return lead + rest[wider:]
        return f"{lead}\n{' ' * position}{rest[padding:]}"


class _Parser(argparse.ArgumentParser):
    """The command line's parsers, and the option groups they share as parents (of the
    subparsers' own class, as typeshed wants of ``add_parser(parents=...)``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """Help and the version are output, written as every command writes its own: a full
        disk or a closed standard output is said (exit 2), not passed over as argparse does."""
        if file is not None and file is not sys.stdout:  # usage on standard error
            super()._print_message(message, file)
            return
        if message:
            from .commands import _to_standard_output

            _to_standard_output(message)

    def format_help(self) -> str:
        """argparse's help, each section's heading ended as the interface's language ends one
        (``选项：`` in Chinese; argparse writes an ASCII colon whatever the language)."""
        text = super().format_help()
        for group in self._action_groups:
            title = group.title
            if title and f"\n{title}:\n" in f"\n{text}":
                ended = _("{heading}:").format(heading=title)
                text = f"\n{text}".replace(f"\n{title}:\n", f"\n{ended}\n")[1:]
        return text

    def parse_args(self, args=None, namespace=None):
        """argparse's, but a word no parser took is said by the command's own parser — its
        usage, and the option meant when one is close (``--formt`` → ``--format``) — rather
        than by the top parser, which knows none of the command's options."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self._chosen(parsed)._unrecognized(extras)
        return parsed

    def _chosen(self, parsed: argparse.Namespace) -> _Parser:
        """The innermost parser of the command line parsed: the command's, or its action's
        (``rules list``)."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(parsed, action.dest, None) or "")
                if isinstance(chosen, _Parser):
                    return chosen._chosen(parsed)
        return self

    def _unrecognized(self, extras: list[str]) -> NoReturn:
        from .errors import did_you_mean

        typed = next((word.split("=", 1)[0] for word in extras if word.startswith("--")), None)
        options = [option for action in self._actions for option in action.option_strings]
        self.error(
            _("unrecognized arguments: %s") % " ".join(extras),
            did_you_mean(typed, options) if typed else None,
        )

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """argparse's, noting the choice meant when one is close (``rules lsit`` → ``list``)
        for :meth:`error` to give as the hint."""
        choices = action.choices
        if choices is not None and value not in choices:
            from .errors import did_you_mean

            self._close_choice = did_you_mean(str(value), [str(c) for c in choices])
        super()._check_value(action, value)

    def error(self, message: str, hint: str | None = None) -> NoReturn:
        """A usage error (exit 2, as argparse's): the usage, the message and ``hint`` (else the
        choice meant, when a value is close to one), else where to read the command's help."""
        hint = hint or getattr(self, "_close_choice", None)
        self.print_usage(sys.stderr)
        from .inert import terminal

        # argparse quotes what was typed: a file name or an option may hold control characters
        self.exit(
            EXIT_USER,
            _("scoring: error: {message}").format(message=terminal(message))
            + "\n  → "
            + (hint or _("see `{command} --help`").format(command=self.prog))
            + "\n",
        )


def chosen_parser(parser: argparse.ArgumentParser, parsed: argparse.Namespace):
    """The parser of the command ``parsed`` ran (its usage is the one to show with an error
    about its options); ``parser`` itself when it has no commands of its own."""
    return parser._chosen(parsed) if isinstance(parser, _Parser) else parser


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
        metavar=_("no:NAME"),
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
        action=_OneRules,
        metavar=_("RULES"),
        help=help or _("an installed rule-set id or a path (default: mof-2020)"),
    )
    return rules


def _output() -> _Parser:
    output = _Parser(add_help=False)
    output.add_argument(
        "-o",
        "--output",
        metavar=_("OUT"),
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
        metavar=_("FORMAT"),
        help=_("output format: {formats} or one a plugin adds (default: table)").format(
            formats="|".join(FORMATS)
        ),
    )
    scoring.add_argument(
        "--explain", action="store_true", help=_("show the rule and arithmetic behind every score")
    )
    scoring.add_argument(
        "--fail-under",
        metavar=_("SCORE|GRADE"),
        help=_("exit 1 when a department scores below this score (0 to full marks) or grade"),
    )
    return scoring


def _jobs(said: str | None = None) -> _Parser:
    """``--jobs N``: the processes that score a batch written file by file; ``said``: its help,
    where the command writes other formats than ``score``'s."""
    jobs = _Parser(add_help=False)
    jobs.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar=_("N"),
        help=said
        or _(
            "score in N processes (json, jsonl, csv; default: one per core for 8 files or "
            "more, else 1); the output is the same"
        ),
    )
    return jobs


def _positive(text: str) -> int:
    """A whole number of processes, 1 or more."""
    if not text.strip():  # `-j "$N"` with N unset: said as every empty value is (cli)
        raise argparse.ArgumentTypeError(_("empty: it names nothing"))
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
    fmt.add_argument("-f", "--format", default=None, metavar=_("FORMAT"), help=formats)
    return fmt


def _format_of(
    sub: argparse.ArgumentParser, choices: tuple[str, ...], default: str | None, said: str
) -> None:
    """``-f FORMAT`` of a command whose formats are its own, not the renderers' (checked by
    argparse: rules show, rules diff, template)."""
    sub.add_argument(
        "-f", "--format", choices=choices, default=default, metavar=_("FORMAT"), help=said
    )


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
        metavar=_("no:NAME"),
        help=_("disable a plugin by name or distribution (repeatable), as pytest's -p no:NAME"),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    common = _common()

    def command(name: str, help: str, *parents: _Parser) -> _Parser:
        return commands.add_parser(name, help=help, parents=[*parents, common])

    def file_argument(sub: argparse.ArgumentParser, name: str, **options: Any) -> None:
        action = sub.add_argument(name, **options)
        if files is not None:
            action.complete = files  # type: ignore[attr-defined]  # shtab reads it; argparse has none

    score = command("score", _("score evaluation files"), _scoring())
    file_argument(
        score,
        "files",
        nargs="+",
        metavar=_("FILE"),
        help=_("evaluation files; a folder stands for the evaluation files in it"),
    )
    check = command(
        "check",
        _(
            "validation and review findings only; a .txt, .md, .docx or .html file is a "
            "自评报告 to review"
        ),
        _rules(),
        _format(_("table|json (default: table)")),
        _jobs(
            _(
                "check in N processes (default: one per core for 8 files or more, else 1); the "
                "output is the same"
            )
        ),
    )
    file_argument(
        check,
        "files",
        nargs="+",
        metavar=_("FILE"),
        help=_(
            "evaluation files or written reports; a folder stands for the evaluation files in it"
        ),
    )
    check.add_argument(
        "--with",
        dest="against",
        metavar=_("FILE"),
        action=_Once,
        help=_("an evaluation file to check a report's figures against"),
    )
    compare = command(
        "compare",
        _("score files under several rule sets, side by side"),
        _rules(None, _("two or more rule sets, by id or path, separated by commas")),
        _format(_("table|json|markdown (default: table)")),
        _output(),
    )
    file_argument(
        compare,
        "files",
        nargs="+",
        metavar=_("FILE"),
        help=_("evaluation files; a folder stands for the evaluation files in it"),
    )
    whatif = command(
        "whatif",
        _("rescore with changes (--set), or find the smallest changes that reach a grade or score"),
        _rules(),
        _format(_("table|json (default: table)")),
    )
    file_argument(whatif, "file", metavar=_("FILE"), help=_("the evaluation file to rescore"))
    whatif.add_argument(
        "--set",
        dest="changes",
        action="append",
        default=[],
        metavar=_("PATH=VALUE"),
        help=_("a change by key path, e.g. projects[0].budget.spent=19.9 (repeatable)"),
    )
    goal = whatif.add_mutually_exclusive_group()
    goal.add_argument("--grade", metavar=_("GRADE"), help=_("the grade to reach, e.g. 优"))
    goal.add_argument(
        "--score", metavar=_("SCORE"), help=_("the department score to reach, e.g. 90")
    )
    convert = command(
        "convert", _("write an evaluation in another format: .xlsx/.xls ↔ .toml/.json")
    )
    file_argument(
        convert,
        "file",
        metavar=_("FILE"),
        help=_("the evaluation file to convert (.xlsx, .xls, .toml, .json)"),
    )
    convert.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=_("OUT"),
        help=_("the file to write; its suffix (.toml, .json, .xlsx) chooses the format"),
    )
    template = command(
        "template",
        _("a blank 自评表 to fill in"),
        _rules(help=_("the rule set whose categories the drop-downs offer (default mof-2020)")),
    )
    _format_of(
        template,
        ("xlsx", "toml"),
        None,
        _("xlsx or toml (default: as the output file's suffix says, else xlsx)"),
    )
    template.add_argument(
        "-o", "--output", metavar=_("OUT"), help=_("the file to write (needed for xlsx)")
    )
    template.add_argument(
        "--year",
        type=int,
        default=None,
        metavar=_("YEAR"),
        help=_("the budget year (default: last year)"),
    )
    command(
        "demo", _("score the bundled example (乐亭县城区工业聚集区管理委员会, 2023)"), _scoring()
    )
    report = command(
        "report", _("draft the written 自评报告 (md, html, docx) from scored files"), _rules()
    )
    file_argument(
        report,
        "files",
        nargs="+",
        metavar=_("FILE"),
        help=_(
            "the evaluation files the report is drafted from; a folder stands for the "
            "evaluation files in it"
        ),
    )
    _report_options(report)

    rules = command("rules", _("list, show, check and diff rule sets"))
    actions = rules.add_subparsers(dest="rules_command", metavar=_("ACTION"), parser_class=_Parser)
    actions.required = True
    actions.add_parser("list", help=_("installed rule sets"), parents=[common])
    show = actions.add_parser(
        "show", help=_("a rule set resolved, with the file that set each key"), parents=[common]
    )
    show.add_argument("name", metavar=_("ID|PATH"), help=_("an installed rule set's id, or a file"))
    _format_of(show, ("toml", "json"), "toml", _("toml|json (default: toml)"))
    check_rules = actions.add_parser("check", help=_("validate a rule-set file"), parents=[common])
    file_argument(check_rules, "name", metavar=_("PATH"), help=_("the rule-set file to check"))
    diff = actions.add_parser(
        "diff", help=_("what differs between two rule sets, key by key"), parents=[common]
    )
    diff.add_argument("first", metavar=_("A"), help=_("a rule set, by id or path"))
    diff.add_argument("second", metavar=_("B"), help=_("the rule set to compare it with"))
    _format_of(diff, ("table", "json"), "table", _("table|json (default: table)"))

    schema = command("schema", _("print a JSON Schema"))
    schema.add_argument(
        "name",
        choices=("evaluation", "ruleset"),
        help=_("evaluation (the input files) or ruleset (the rule-set files)"),
    )
    command("plugins", _("installed plugins and the hooks each implements"))
    completion = command("completion", _("the shell completion script (bash, zsh or tcsh)"))
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"), help=_("the shell"))
    if files is not None:
        _offer_values(commands.choices)
    return parser


# The formats each command's -f takes besides a plugin's; score and demo take every renderer.
COMMAND_FORMATS = {
    "check": ("table", "json"),
    "compare": ("table", "json", "markdown"),
    "whatif": ("table", "json"),
    "report": ("md", "html", "docx"),
}
# A value completion offers is a word a shell takes as it is: plugins name their own formats.
_COMPLETED = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _offer_values(commands: Mapping[str, argparse.ArgumentParser]) -> None:
    """For the completion script only: the values of ``-f`` and ``-r`` as choices, which shtab
    completes — each command's formats (the installed plugins' too) and the installed rule
    sets' ids. A rule set given by its path is still taken; only its completion is not offered."""
    from .host import default_host

    host = default_host()
    rendered = tuple(name for name in host.renderers if _COMPLETED.fullmatch(name))
    installed = (entry.id for entry in host.catalog.installed.values())
    ids = tuple(sorted(name for name in installed if _COMPLETED.fullmatch(name)))
    for name, command in commands.items():
        for action in command._actions:
            if action.dest == "format" and action.choices is None:
                action.choices = COMMAND_FORMATS.get(name, rendered)
            elif action.dest == "rules" and name != "compare":  # compare takes id,id,…
                action.choices = ids


def _report_options(report: argparse.ArgumentParser) -> None:
    """The options of ``scoring report`` (scoring/commands/report.py says where OUT goes)."""
    report.add_argument(
        "-f",
        "--format",
        default=None,
        metavar=_("FORMAT"),
        help=_("md|html|docx (default: as OUT's suffix says, else md)"),
    )
    report.add_argument(
        "-o",
        "--output",
        metavar=_("OUT"),
        help=_("the report's file; a folder for several files (one report each)"),
    )
    report.add_argument(
        "--template",
        metavar=_("DIR|NAME"),
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
