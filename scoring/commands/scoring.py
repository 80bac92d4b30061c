"""score, check (tables and written reports), compare, demo."""

from __future__ import annotations

import sys

from . import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USER,
    _emit,
    _json,
    _not_written,
    _output_options,
    _refuse_overwriting_input,
    _render,
    _renderer,
)


def _score_files(paths: list, rules: str, debug: bool = False) -> list:
    """Every file scored on its own (:func:`scoring.api.score_many`); a file that cannot be is
    said on standard error and stands in its place as an error entry. ``paths`` may hold an
    evaluation already read (the bundled example, under its label)."""
    from ..api import score_many

    scored = []
    for item in score_many(paths, rules):
        if item.error is not None:
            if debug:
                raise item.error
            print(f"scoring: error: {item.error.render()}", file=sys.stderr)
        scored.append(item)
    return scored


def _fail_under(value: str, results: list, ruleset) -> bool:
    """True when some department is below the score or grade given."""
    from decimal import Decimal, InvalidOperation

    from ..errors import UsageError

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
    return any(result.department.score < threshold for result in results)


def cmd_score(args, paths=None) -> int:
    from ..host import default_host

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
    scored = _score_files(paths, args.rules, args.debug)
    results = [item.result for item in scored if item.result is not None]
    if not results and (args.output or fmt == "xlsx"):
        # nothing scored: the errors are said; an earlier output is not replaced by them
        if args.output:
            _not_written(args.output)
        return EXIT_USER
    text = _render(scored, fmt, _output_options(args, "score"))
    _emit(text, args.output, bom=fmt == "csv")
    if len(results) < len(scored):
        return EXIT_USER
    if args.fail_under is not None and _fail_under(
        args.fail_under, results, default_host().ruleset(args.rules)
    ):
        return EXIT_FAIL
    return EXIT_OK


def cmd_check(args) -> int:
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
    scored = _score_files(args.files, args.rules, args.debug)
    _emit(_render(scored, fmt, _output_options(args, "check")), None)
    if any(item.error is not None for item in scored):
        return EXIT_USER
    return EXIT_FAIL if any(item.result.has_errors for item in scored) else EXIT_OK


def cmd_compare(args) -> int:
    """The same files under several rule sets: the department, projects and rows that change."""
    from ..api import load, score
    from ..errors import ScoringError, UsageError
    from ..host import default_host
    from ..render import compare as view
    from ..result import FileError

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
    groups, items = [], []
    for path in args.files:
        try:
            evaluation = load(path, host)
            results = [score(evaluation, ruleset, host=host) for ruleset in rulesets]
        except ScoringError as exc:
            if getattr(args, "debug", False):
                raise
            print(f"scoring: error: {exc.in_file(path).render()}", file=sys.stderr)
            items.append(FileError(path, exc.code, exc.render(), exc.where).to_dict())
            continue
        groups.append((path, results))
        items.append(view.to_dict(path, results))
    if not groups and args.output:  # as in score: an earlier output is not replaced by errors
        _not_written(args.output)
        return EXIT_USER
    if fmt == "json":  # a file that could not be scored stands in its place, as in score
        text = _json(items[0] if len(items) == 1 else items)
    elif fmt == "markdown":
        text = view.render_markdown(groups)
    else:
        text = view.render_table(groups, _output_options(args, "score"))
    _emit(text, args.output)
    return EXIT_USER if len(groups) < len(args.files) else EXIT_OK


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
        parts.append(render_table(path, figures, findings, args.against, options))
    if fmt == "json":
        text = _json(payload[0] if len(payload) == 1 else payload)
    else:
        text = "\n".join(parts)
    _emit(text, None)
    if failed:
        return EXIT_USER
    return EXIT_FAIL if any(item.get("errors") for item in payload) else EXIT_OK


def cmd_demo(args) -> int:
    """The bundled example scored, named in the output as the example, not by its path."""
    from dataclasses import replace
    from importlib import resources

    from ..api import load

    example = resources.files("scoring").joinpath("examples", "leting-2023.toml")
    with resources.as_file(example) as path:
        evaluation = replace(load(path), source="scoring demo · leting-2023.toml（内置示例）")
        return cmd_score(args, [evaluation])
