"""whatif: rescoring with --set, and the smallest changes that reach a goal."""

from __future__ import annotations

from ..i18n import _
from . import EXIT_OK, _emit, _json, _output_options, format_hint


def cmd_whatif(args) -> int:
    """Old and new side by side, or the smallest changes that reach a goal."""
    from pathlib import Path

    from ..api import score
    from ..errors import InputError, UsageError
    from ..host import default_host
    from ..loader import load_evaluation, read_data
    from ..render import whatif as view
    from ..whatif import apply_changes, get_value, goal_from, plan

    fmt = args.format or "table"
    if fmt not in ("table", "json"):
        raise UsageError(
            _("whatif has no format {format}").format(format=repr(fmt)),
            hint=format_hint(fmt, ("table", "json"), _("whatif writes table or json")),
        )
    if not args.changes and args.grade is None and args.score is None:
        raise UsageError(
            _("whatif needs --set PATH=VALUE, --grade or --score"),
            hint=_("e.g. scoring whatif FILE --set projects[0].budget.spent=19.9"),
        )
    host = default_host()
    ruleset = host.ruleset(args.rules)
    raw = read_data(Path(args.file), host.readers)  # read once: the search rescores it read
    data = apply_changes(raw, args.changes)
    try:  # hypothetical tables: scored without the scoring_evaluated hooks
        filed = load_evaluation(raw, args.file)
        evaluation = load_evaluation(data, args.file) if args.changes else filed
        before = score(filed, ruleset, host=host, record=False)
        changed = score(evaluation, ruleset, host=host, record=False)
    except InputError as exc:
        given = {c.partition("=")[0].strip() for c in args.changes}
        for problem in exc.problems:
            if problem.where in given:
                problem.hint = (
                    _("{hint}; this value came from --set").format(hint=problem.hint)
                    if problem.hint
                    else _("this value came from --set")
                )
        raise exc.in_file(args.file, getattr(raw, "locations", None)) from None
    # (key path, value filed, value set): each as the file holds it, a number as a number
    paths = [c.partition("=")[0].strip() for c in args.changes]
    edits = [(path, get_value(raw, path), get_value(data, path)) for path in paths]
    goal_plan = None
    if args.grade is not None or args.score is not None:
        goal, label = goal_from(args.grade, args.score, ruleset)
        goal_plan = plan(evaluation, ruleset, host, goal, label)
    if fmt == "json":
        payload = view.to_dict(
            args.file, edits, before, changed, goal_plan, args.rules, args.changes
        )
        text = _json(payload)
    else:
        options = _output_options(args, "score")
        text = view.render_table(
            args.file, edits, before, changed, goal_plan, options, args.rules, args.changes
        )
    _emit(text, None)
    return EXIT_OK
