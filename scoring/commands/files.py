"""convert and template: evaluations written in another format, and blank tables."""

from __future__ import annotations

import sys

from ..i18n import _
from . import (
    EXIT_OK,
    _emit,
    _refuse_overwriting_input,
)


def cmd_convert(args) -> int:
    """Read FILE with its reader and write it in the format OUT's suffix names."""
    from pathlib import Path

    from ..api import load
    from ..convert import to_json, to_toml
    from ..errors import UsageError

    target = Path(args.output).suffix.lower()
    if target not in (".toml", ".json", ".xlsx"):
        raise UsageError(
            _("convert cannot write {suffix}").format(suffix=target)
            if target
            else _("convert cannot write files without a suffix"),
            hint=_("name the output .toml, .json or .xlsx"),
        )
    _refuse_overwriting_input(args.output, [args.file])
    evaluation = load(args.file)  # read and validated: what is written is what scores
    data = evaluation.data
    if target == ".toml":
        _emit(to_toml(data, args.file, evaluation.notes), args.output)
    elif target == ".json":
        _emit(to_json(data), args.output)
    else:
        from ..errors import ScoringError
        from ..excel.write import evaluation_workbook, workbook_bytes

        try:
            workbook = workbook_bytes(evaluation_workbook(data))
        except ScoringError as exc:  # text a workbook cannot hold, by the place it was read
            raise exc.in_file(args.file, evaluation.locations, evaluation) from None
        _emit(workbook, args.output)
    from ..inert import terminal

    print(f"✓ {terminal(args.file, False)} → {terminal(args.output, False)}", file=sys.stderr)
    return EXIT_OK


def cmd_template(args) -> int:
    """A blank 自评表 whose placeholders read back without an error."""
    import datetime

    from ..errors import UsageError

    year = args.year
    if year is None:
        year = datetime.date.today().year - 1  # self-evaluation looks back a year
    if not 1949 <= year <= 9999:
        raise UsageError(
            _("--year {year} is not a budget year").format(year=year),
            hint=_("give the year as 2024"),
        )
    fmt = args.format
    if fmt is None:  # the output's suffix says which, as for convert
        fmt = "toml" if args.output and args.output.lower().endswith(".toml") else "xlsx"
    if args.output and not args.output.lower().endswith(f".{fmt}"):
        raise UsageError(
            _("-o {output} does not end in .{format}").format(output=args.output, format=fmt),
            hint=_("name the output .{format}").format(format=fmt),
        )
    if fmt == "toml":
        from ..convert import template_toml

        _emit(template_toml(year), args.output)
        return EXIT_OK
    from ..api import ruleset
    from ..excel.write import template_workbook, workbook_bytes

    _emit(workbook_bytes(template_workbook(year, ruleset(args.rules))), args.output)
    return EXIT_OK
