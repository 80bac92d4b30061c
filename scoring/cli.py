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
FORMATS = ("table", "json", "markdown", "csv")


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
    template.add_argument("-f", "--format", choices=("xlsx", "toml"), default="xlsx")
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

    rules = commands.add_parser("rules", help="list, show and check rule sets")
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
        return COMMANDS[args.command](args)
    except Exception as exc:
        from .errors import ScoringError

        if getattr(args, "debug", False):
            raise
        if isinstance(exc, ScoringError):
            print(f"scoring: error: {exc.render()}", file=sys.stderr)
            return EXIT_USER
        if isinstance(exc, KeyboardInterrupt):  # pragma: no cover
            return 130
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


# --- score, check, demo ----------------------------------------------------------------------


def _output_options(args, mode: str):
    import shutil

    from .render import Options

    tty = sys.stdout.isatty() and not getattr(args, "output", None)
    color = tty and not os.environ.get("NO_COLOR")
    width = shutil.get_terminal_size((100, 24)).columns if tty else _columns(100)
    return Options(explain=getattr(args, "explain", False), color=color, width=width, mode=mode)


def _score_files(paths: list[str], rules: str, debug: bool = False, label: str | None = None):
    """Every file scored on its own; one that fails stands in its place as an error entry.

    ``label`` names the source in the output instead of its path (the bundled example)."""
    from dataclasses import replace

    from . import __version__
    from .api import load
    from .engine import evaluate
    from .errors import PluginError, RulesetError, ScoringError
    from .host import default_host
    from .render import FileError

    host = default_host()
    ruleset = host.ruleset(rules)  # a bad rule set stops the run: nothing could be scored
    entries = []
    for path in paths:
        try:
            evaluation = load(path, host)
            if label:
                evaluation = replace(evaluation, source=label)
            result = evaluate(evaluation, ruleset, host.methods, host.checks, __version__)
            host.pm.hook.scoring_evaluated(result=result)
            entries.append(result)
        except (RulesetError, PluginError):
            raise
        except ScoringError as exc:
            if debug:
                raise
            exc.in_file(path)
            print(f"scoring: error: {exc.render()}", file=sys.stderr)
            entries.append(FileError(path, exc.code, exc.render(), exc.where))
    return entries


def _renderer(fmt: str):
    from .errors import UsageError
    from .host import default_host

    renderers = default_host().renderers
    if fmt not in renderers:
        raise UsageError(f"unknown format {fmt!r}", hint="formats: " + ", ".join(renderers))
    return renderers[fmt]


def _render(entries, fmt: str, options) -> str:
    return _renderer(fmt)(entries, options)


def _fail_under(value: str, entries, ruleset) -> bool:
    """True when some department is below the score or grade given."""
    from decimal import Decimal, InvalidOperation

    from .errors import UsageError
    from .result import Result

    bounds = dict(ruleset.grades)
    if value in bounds:
        threshold = bounds[value]
    else:
        try:
            threshold = Decimal(value)
            if not threshold.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise UsageError(
                f"--fail-under {value!r} is neither a score nor a grade",
                hint="give a score such as 90, or a grade of this rule set: " + ", ".join(bounds),
            ) from None
    return any(e.department.score < threshold for e in entries if isinstance(e, Result))


def cmd_score(args, paths=None, label=None) -> int:
    from .host import default_host
    from .render import FileError

    paths = paths or args.files
    if "," in args.rules:  # several rule sets: the comparison view
        if args.fail_under is not None or args.explain:
            from .errors import UsageError

            raise UsageError(
                "--fail-under and --explain take one rule set",
                hint="score under each rule set on its own, or drop the option",
            )
        args.files = paths
        return cmd_compare(args)
    fmt = args.format or "table"
    if args.output:
        _refuse_overwriting_input(args.output, paths)
    _renderer(fmt)  # an unknown format is a usage error before any work
    if args.fail_under is not None:  # so is a bad threshold
        _fail_under(args.fail_under, [], default_host().ruleset(args.rules))
    entries = _score_files(paths, args.rules, args.debug, label)
    text = _render(entries, fmt, _output_options(args, "score"))
    _emit(text, args.output, bom=fmt == "csv")
    if any(isinstance(e, FileError) for e in entries):
        return EXIT_USER
    if args.fail_under is not None and _fail_under(
        args.fail_under, entries, default_host().ruleset(args.rules)
    ):
        return EXIT_FAIL
    return EXIT_OK


def cmd_check(args) -> int:
    from .render import FileError
    from .result import Result

    fmt = args.format or "table"
    reports = [path for path in args.files if path.lower().endswith(REPORT_SUFFIXES)]
    if reports or args.against:
        return _check_reports(args, reports, fmt)
    if fmt not in ("table", "json"):
        from .errors import UsageError

        raise UsageError(
            f"check has no format {fmt!r}",
            hint="check writes table or json; for the full report use `scoring score -f FORMAT`",
        )
    entries = _score_files(args.files, args.rules, args.debug)
    text = _render(entries, fmt, _output_options(args, "check"))
    _emit(text, None)
    if any(isinstance(e, FileError) for e in entries):
        return EXIT_USER
    return EXIT_FAIL if any(isinstance(e, Result) and e.has_errors for e in entries) else EXIT_OK


def cmd_compare(args) -> int:
    """The same files under several rule sets: the department, projects and rows that change."""
    from . import __version__
    from .api import load
    from .compare import render_markdown, render_table, to_dict
    from .engine import evaluate
    from .errors import ScoringError, UsageError
    from .host import default_host

    names = [name.strip() for name in args.rules.split(",") if name.strip()]
    if len(names) < 2:
        raise UsageError(
            f"-r {args.rules!r} names one rule set; compare needs two or more",
            hint="e.g. -r mof-2020,guangxi",
        )
    fmt = args.format or "table"
    if fmt not in ("table", "json", "markdown"):
        raise UsageError(f"compare has no format {fmt!r}", hint="formats: table, json, markdown")
    if args.output:
        _refuse_overwriting_input(args.output, args.files)
    host = default_host()
    rulesets = [host.ruleset(name) for name in names]
    groups, failed = [], False
    for path in args.files:
        try:
            evaluation = load(path, host)
            results = [
                evaluate(evaluation, r, host.methods, host.checks, __version__) for r in rulesets
            ]
        except ScoringError as exc:
            if getattr(args, "debug", False):
                raise
            print(f"scoring: error: {exc.in_file(path).render()}", file=sys.stderr)
            failed = True
            continue
        for result in results:
            host.pm.hook.scoring_evaluated(result=result)
        groups.append((path, results))
    if fmt == "json":
        import json

        items = [to_dict(source, results) for source, results in groups]
        text = (
            json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=2) + "\n"
        )
    elif fmt == "markdown":
        text = render_markdown(groups)
    else:
        options = _output_options(args, "score")
        text = render_table(groups, options.color, options.width)
    _emit(text, args.output)
    return EXIT_USER if failed else EXIT_OK


REPORT_SUFFIXES = (".txt", ".md", ".markdown")


def _check_reports(args, reports: list[str], fmt: str) -> int:
    """`check REPORT.txt [--with FILE]`: the figures a report states, checked."""
    from pathlib import Path

    from .api import load
    from .errors import InputError, UsageError
    from .readers import read_text
    from .render.report_view import render_table, to_dict
    from .report import extract, review

    others = [path for path in args.files if path not in reports]
    if others or not reports:
        raise UsageError(
            "check reviews either evaluation files or reports (.txt, .md), one kind per call",
            hint="`--with FILE` goes with a report: scoring check REPORT.txt --with FILE.toml",
        )
    if fmt not in ("table", "json"):
        raise UsageError(f"check has no format {fmt!r}", hint="check writes table or json")
    evaluation = load(args.against) if args.against else None
    options = _output_options(args, "check")
    parts, payload, failed = [], [], False
    for path in reports:
        try:
            figures = extract(read_text(Path(path)))
        except InputError as exc:
            if getattr(args, "debug", False):
                raise
            print(f"scoring: error: {exc.in_file(path).render()}", file=sys.stderr)
            payload.append(
                {
                    "source": path,
                    "error": {"code": exc.code, "message": exc.render(), "where": exc.where},
                }
            )
            failed = True
            continue
        findings = review(figures, evaluation)
        payload.append(to_dict(path, figures, findings, args.against))
        parts.append(
            render_table(path, figures, findings, args.against, options.color, options.width)
        )
    if fmt == "json":
        import json

        text = (
            json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2)
            + "\n"
        )
    else:
        text = "\n".join(parts)
    _emit(text, None)
    if failed:
        return EXIT_USER
    return EXIT_FAIL if any(item.get("errors") for item in payload) else EXIT_OK


def cmd_whatif(args) -> int:
    """Old and new side by side, or the smallest changes that reach a goal."""
    from pathlib import Path

    from . import __version__
    from .engine import evaluate
    from .errors import InputError, UsageError
    from .host import default_host
    from .loader import load_evaluation
    from .whatif import apply_changes, get_value, goal_from, plan

    fmt = args.format or "table"
    if fmt not in ("table", "json"):
        raise UsageError(f"whatif has no format {fmt!r}", hint="whatif writes table or json")
    if not args.changes and args.grade is None and args.score is None:
        raise UsageError(
            "whatif needs --set PATH=VALUE, --grade or --score",
            hint="e.g. scoring whatif FILE --set projects[0].budget.spent=19.9",
        )
    host = default_host()
    ruleset = host.ruleset(args.rules)
    path = Path(args.file)
    if not path.is_file():
        raise InputError("no such file", file=args.file, hint="check the path")
    reader = host.readers.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            f"no reader for {path.suffix}",
            file=args.file,
            hint="evaluation files end in " + ", ".join(sorted(host.readers)),
        )
    raw = reader(path)
    data = apply_changes(raw, args.changes)
    try:
        before = evaluate(
            load_evaluation(raw, args.file), ruleset, host.methods, host.checks, __version__
        )
        changed = evaluate(
            load_evaluation(data, args.file), ruleset, host.methods, host.checks, __version__
        )
    except InputError as exc:
        given = {c.partition("=")[0].strip() for c in args.changes}
        for problem in exc.problems:
            if problem.where in given:
                problem.hint = (
                    problem.hint + "; " if problem.hint else ""
                ) + "this value came from --set"
        raise exc.in_file(args.file) from None
    edits = [
        (
            c.partition("=")[0].strip(),
            get_value(raw, c.partition("=")[0].strip()),
            c.partition("=")[2].strip(),
        )
        for c in args.changes
    ]
    goal_plan = None
    if args.grade is not None or args.score is not None:
        goal, label = goal_from(args.grade, args.score, ruleset)
        goal_plan = plan(data, args.file, ruleset, host, goal, label)
    options = _output_options(args, "score")
    if fmt == "json":
        import json

        text = (
            json.dumps(
                _whatif_dict(args.file, edits, before, changed, goal_plan, args.rules),
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    else:
        text = _whatif_table(args.file, edits, before, changed, goal_plan, options, args.rules)
    _emit(text, None)
    return EXIT_OK


def _whatif_dict(source, edits, before, changed, goal_plan, rules: str) -> dict:
    from .compare import rows
    from .result import number

    payload = {
        "source": source,
        "ruleset": before.ruleset.to_dict(),
        "changes": [
            {"where": where, "from": _plain_value(old), "to": new} for where, old, new in edits
        ],
        "before": {"score": number(before.department.score), "grade": before.department.grade},
        "after": {"score": number(changed.department.score), "grade": changed.department.grade},
        "rows": [
            {
                "label": r.label,
                "where": r.where,
                "scores": [number(s) for s in r.scores],
                "grades": list(r.grades),
            }
            for r in rows([before, changed])
            if r.changed
        ],
    }
    if goal_plan is not None:
        payload["goal"] = {
            "score": number(goal_plan.goal),
            "label": goal_plan.goal_label,
            "reachable": goal_plan.reachable,
            "best": number(goal_plan.best),
            "changes": [c.to_dict() for c in goal_plan.changes],
            "command": _check_command(source, rules, goal_plan.changes)
            if goal_plan.changes
            else None,
            "after": None
            if goal_plan.after is None
            else {
                "score": number(goal_plan.after.department.score),
                "grade": goal_plan.after.department.grade,
            },
        }
    return payload


def _plain_value(value):
    from decimal import Decimal

    from .result import number

    return number(value) if isinstance(value, Decimal) else value


def _whatif_table(source, edits, before, changed, goal_plan, options, rules: str) -> str:
    from rich.markup import escape

    from .compare import render_table
    from .render import string_console

    text = ""
    if edits:
        console, buffer = string_console(options.color, options.width)
        console.print("[bold]改动[/]")
        for where, old, new in edits:
            console.print(f"  {escape(where)}：{escape(str(_plain_value(old)))} → {escape(new)}")
        console.print()
        text += buffer.getvalue()
        text += render_table(
            [(source, [before, changed])],
            options.color,
            options.width,
            columns=["原", "改后"],
            title="假设分析",
        )
    if goal_plan is not None:
        text += _goal_table(source, goal_plan, options, rules)
    return text


def _check_command(source: str, rules: str, changes) -> str:
    """The command line that reproduces a goal plan, rule set included."""
    from shlex import quote

    parts = ["scoring whatif", quote(source)]
    if rules != "mof-2020":
        parts += ["-r", quote(rules)]
    parts += [f"--set {quote(change.set_arg)}" for change in changes]
    return " ".join(parts)


def _goal_table(source, goal_plan, options, rules: str) -> str:
    from rich.markup import escape
    from rich.table import Table

    from .render import string_console

    console, buffer = string_console(options.color, options.width)
    now = goal_plan.before.department
    head = f"目标 {goal_plan.goal_label}；现为 {now.score} {now.grade}"
    if not goal_plan.reachable:
        console.print(f"[bold]{escape(head)}[/]")
        console.print(f"[red]无法达到[/]：即使每一行都得满分，部门得分也只有 {goal_plan.best}。")
        return buffer.getvalue()
    if not goal_plan.changes:
        console.print(f"[bold]{escape(head)}[/]：已经达到，无需改动。")
        return buffer.getvalue()
    table = Table(
        title=f"{head}：最少的改动",
        title_justify="left",
        title_style="bold",
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    table.add_column("行", overflow="fold")
    table.add_column("位置", overflow="fold", style="dim")
    table.add_column("原值", justify="right", no_wrap=True)
    table.add_column("改为", justify="right", no_wrap=True)
    for change in goal_plan.changes:
        table.add_row(
            escape(change.label), escape(change.path), escape(change.before), escape(change.after)
        )
    console.print(table)
    after = goal_plan.after.department
    console.print(
        f"按改后数据重新评分：部门 {after.score} {after.grade}（原 {now.score} {now.grade}）"
    )
    command = _check_command(source, rules, goal_plan.changes)
    console.print(f"[dim]核对：{escape(command)}[/]", soft_wrap=True)
    return buffer.getvalue()


def cmd_convert(args) -> int:
    """Read FILE with its reader and write it in the format OUT's suffix names."""
    from pathlib import Path

    from .api import load
    from .convert import to_json, to_toml
    from .errors import UsageError

    target = Path(args.output).suffix.lower()
    if target not in (".toml", ".json", ".xlsx"):
        raise UsageError(
            f"convert cannot write {target or 'files without a suffix'}",
            hint="name the output .toml, .json or .xlsx",
        )
    _refuse_overwriting_input(args.output, [args.file])
    evaluation = load(args.file)  # read and validated: what is written is what scores
    data = evaluation.data
    if target == ".toml":
        _emit(to_toml(data, args.file, evaluation.notes), args.output)
    elif target == ".json":
        _emit(to_json(data), args.output)
    else:
        from .excel.write import evaluation_workbook, workbook_bytes

        _emit(workbook_bytes(evaluation_workbook(data)), args.output)
    print(f"✓ {args.file} → {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_template(args) -> int:
    """A blank 自评表 whose placeholders read back without an error."""
    import datetime

    from .excel.write import template_evaluation

    year = args.year or datetime.date.today().year - 1  # self-evaluation looks back a year
    if args.format == "toml":
        from .convert import TEMPLATE_HEADER, to_toml

        text = to_toml(template_evaluation(year), header=TEMPLATE_HEADER)
        _emit(text, args.output)
        return EXIT_OK
    from .excel.write import template_workbook, workbook_bytes

    _emit(workbook_bytes(template_workbook(year)), args.output)
    return EXIT_OK


def cmd_demo(args) -> int:
    from importlib import resources

    example = resources.files("scoring").joinpath("examples", "leting-2023.toml")
    with resources.as_file(example) as path:
        return cmd_score(args, [str(path)], label="scoring demo · leting-2023.toml（内置示例）")


def _refuse_overwriting_input(output: str, inputs: list[str]) -> None:
    from pathlib import Path

    from .errors import UsageError

    target = Path(output).resolve()
    if any(Path(p).resolve() == target for p in inputs):
        raise UsageError(
            f"-o {output} is one of the input files", hint="write the output to another file"
        )


def _emit(text: str | bytes, output: str | None, bom: bool = False) -> None:
    """Standard output, or a file written atomically (a temporary file renamed into place)."""
    from .errors import UsageError

    if output is None:
        if isinstance(text, bytes):
            if sys.stdout.isatty():
                raise UsageError(
                    "a workbook is not for the terminal", hint="write it to a file with -o OUT.xlsx"
                )
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    import tempfile
    from pathlib import Path

    from .errors import UsageError

    target = Path(output)
    if target.is_dir():
        raise UsageError(f"-o {output} is a folder", hint="give a file name")
    try:
        fd, tmp = tempfile.mkstemp(
            dir=target.parent if str(target.parent) else ".",
            prefix=f".{target.name}.",
            suffix=".tmp",
        )
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as handle:
                handle.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
                handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


# --- rules, schema, plugins ------------------------------------------------------------------


def cmd_rules(args) -> int:
    from .host import default_host

    host = default_host()
    if args.rules_command == "list":
        return _rules_list(host)
    if args.rules_command == "show":
        ruleset = host.ruleset(args.name)
        if args.format == "json":
            import json

            payload = {
                "id": ruleset.id,
                "sha256": ruleset.sha256,
                "source": ruleset.source,
                "ruleset": ruleset.data,
                "origins": ruleset.origins,
            }
            _emit(
                json.dumps(payload, ensure_ascii=False, indent=2, default=_json_number) + "\n", None
            )
        else:
            from .rules import to_toml

            _emit(to_toml(ruleset), None)
        return EXIT_OK
    if args.rules_command == "diff":
        return _rules_diff(host, args)
    ruleset = host.ruleset(args.name)
    version = f" {ruleset.version}" if ruleset.version else ""
    print(f"✓ {args.name}: rule set {ruleset.id}{version} is valid (sha256 {ruleset.sha256[:12]}…)")
    return EXIT_OK


def _rules_diff(host, args) -> int:
    from .compare import diff

    first, second = host.ruleset(args.first), host.ruleset(args.second)
    changes = diff(first, second)
    if args.format == "json":
        import json

        payload = {
            "a": first.id,
            "b": second.id,
            "differences": [
                {
                    "key": k,
                    "a": json.loads(a) if a != "—" else None,
                    "b": json.loads(b) if b != "—" else None,
                }
                for k, a, b in changes
            ],
        }
        _emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(no_color=bool(os.environ.get("NO_COLOR")), width=_width(), highlight=False)
    if not changes:
        console.print(f"{escape(first.id)} and {escape(second.id)} score alike: no key differs")
        return EXIT_OK
    table = Table(
        title=f"{escape(first.id)} → {escape(second.id)}：{len(changes)} 项不同",
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("key", no_wrap=True)
    table.add_column(escape(first.id), overflow="fold")
    table.add_column(escape(second.id), overflow="fold")
    for key, a, b in changes:
        table.add_row(escape(key), escape(a), escape(b))
    console.print(table)
    return EXIT_OK


def _json_number(value):
    from .result import number

    return number(value)


def _rules_list(host) -> int:
    from rich.console import Console
    from rich.table import Table

    from .rules import read_ruleset_file

    table = Table(show_edge=False, pad_edge=False)
    for header in ("id", "标题", "版本", "依据", "来源"):
        table.add_column(header, overflow="fold", no_wrap=header in ("id", "版本"))
    for path, plugin in host.ruleset_files:
        meta = read_ruleset_file(path).get("ruleset", {})
        origin = "built in" if plugin in _BUILTIN_PLUGINS else f"plugin {plugin}"
        table.add_row(
            meta.get("id", "?"),
            meta.get("title", ""),
            meta.get("version", ""),
            "\n".join(meta.get("basis", ())),
            f"{origin}: {path}",
        )
    Console(no_color=bool(os.environ.get("NO_COLOR")), width=_width()).print(table)
    return EXIT_OK


_BUILTIN_PLUGINS = ("methods", "rulesets", "readers", "renderers", "checks")


def _width() -> int | None:
    return None if sys.stdout.isatty() else _columns(120)


def _columns(default: int) -> int:
    """The width asked for in COLUMNS when output is not a terminal; nonsense there is ignored."""
    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return default


def cmd_schema(args) -> int:
    from .schemas import schema_text

    _emit(schema_text(args.name), None)
    return EXIT_OK


def cmd_plugins(args) -> int:
    from rich.console import Console
    from rich.table import Table

    from .host import default_host

    host = default_host()
    table = Table(show_edge=False, pad_edge=False)
    for header in ("plugin", "distribution", "version", "hooks", "registers"):
        table.add_column(header)
    # what each plugin registered, by kind, from the registries themselves
    _ = (host.methods, host.readers, host.renderers, host.checks, host.catalog)
    kinds = {"method": "methods", "reader for": "readers", "format": "formats", "check": "checks"}
    for info in host.plugins():
        parts = []
        for kind, label in kinds.items():
            names = sorted(
                n for (k, n), owner in host.owners.items() if k == kind and owner.name == info.name
            )
            if names:
                parts.append(f"{label}: {', '.join(names)}")
        rulesets = sorted(
            rid
            for rid, path in host.catalog.items()
            if any(p == path and owner == info.name for p, owner in host.ruleset_files)
        )
        if rulesets:
            parts.append(f"rule sets: {', '.join(rulesets)}")
        table.add_row(
            info.name, info.distribution, info.version, "\n".join(info.hooks), "\n".join(parts)
        )
    console = Console(no_color=bool(os.environ.get("NO_COLOR")), width=_width())
    console.print(table)
    for failure in host.failures:
        console.print(f"[red]✗[/] {failure.message()}")
    for skipped in host.skipped:
        console.print(f"[dim]– not loaded: {skipped}[/]")
    return EXIT_OK


COMMANDS = {
    "score": cmd_score,
    "compare": cmd_compare,
    "whatif": cmd_whatif,
    "convert": cmd_convert,
    "template": cmd_template,
    "check": cmd_check,
    "demo": cmd_demo,
    "rules": cmd_rules,
    "schema": cmd_schema,
    "plugins": cmd_plugins,
}


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
