"""score, check (tables and written reports), compare, demo."""

from __future__ import annotations

import sys

from . import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USER,
    _emit,
    _output_options,
    _refuse_overwriting_input,
    _render,
    _renderer,
)


def _score_files(paths: list[str], rules: str, debug: bool = False, label: str | None = None):
    """Every file scored on its own; one that fails stands in its place as an error entry.

    ``label`` names the source in the output instead of its path (the bundled example)."""
    from dataclasses import replace

    from .. import __version__
    from ..api import load
    from ..engine import evaluate
    from ..errors import PluginError, RulesetError, ScoringError
    from ..host import default_host
    from ..render import FileError

    host = default_host()
    ruleset = host.ruleset(rules)  # a bad rule set stops the run: nothing could be scored
    entries = []
    for path in paths:
        try:
            evaluation = load(path, host)
            if label:
                evaluation = replace(evaluation, source=label)
            result = evaluate(evaluation, ruleset, host.methods, host.checks, __version__)
            host.evaluated(result)
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


def _fail_under(value: str, entries, ruleset) -> bool:
    """True when some department is below the score or grade given."""
    from decimal import Decimal, InvalidOperation

    from ..errors import UsageError
    from ..result import Result

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
    from ..host import default_host
    from ..render import FileError
    from ..result import Result

    paths = paths or args.files
    if "," in args.rules:  # several rule sets: the comparison view
        if args.fail_under is not None or args.explain:
            from ..errors import UsageError

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
    if fmt == "xlsx" and args.output and not args.output.lower().endswith(".xlsx"):
        from ..errors import UsageError

        raise UsageError(
            f"-o {args.output}: a workbook is written as .xlsx",
            hint="name the output .xlsx (Excel and LibreOffice open it; .xls is read, not written)",
        )
    entries = _score_files(paths, args.rules, args.debug, label)
    if fmt == "xlsx" and not any(isinstance(e, Result) for e in entries):
        return EXIT_USER  # nothing scored: the errors are said, no workbook is written
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
    from ..render import FileError
    from ..result import Result

    fmt = args.format or "table"
    reports = [path for path in args.files if path.lower().endswith(REPORT_SUFFIXES)]
    if reports or args.against:
        return _check_reports(args, reports, fmt)
    if fmt not in ("table", "json"):
        from ..errors import UsageError

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
    from .. import __version__
    from ..api import load
    from ..compare import render_markdown, render_table, to_dict
    from ..engine import evaluate
    from ..errors import ScoringError, UsageError
    from ..host import default_host
    from ..render import FileError

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
    groups, failed, errors = [], False, {}
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
            errors[path] = FileError(path, exc.code, exc.render(), exc.where).to_dict()
            continue
        for result in results:
            host.evaluated(result)
        groups.append((path, results))
    if fmt == "json":
        import json

        # a file that could not be scored stands in its place, as in `score -f json`
        scored = {source: to_dict(source, results) for source, results in groups}
        items = [scored.get(path) or errors[path] for path in args.files]
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

    from ..api import load
    from ..errors import InputError, UsageError
    from ..readers import read_text
    from ..render.report_view import render_table, to_dict
    from ..report import extract, review

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


def cmd_demo(args) -> int:
    from importlib import resources

    example = resources.files("scoring").joinpath("examples", "leting-2023.toml")
    with resources.as_file(example) as path:
        return cmd_score(args, [str(path)], label="scoring demo · leting-2023.toml（内置示例）")
