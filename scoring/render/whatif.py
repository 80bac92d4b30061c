"""What-if (``scoring whatif``) as a table or JSON: the changes, the department and the rows
before and after, and the smallest changes that reach a goal with the command that checks them."""

from __future__ import annotations

from ..i18n import _
from . import markup, string_console
from .wrap import Wrapped


def to_dict(source, edits, before, changed, goal_plan, rules: str, given=()) -> dict:
    from ..compare import rows
    from ..result import jsonable, number

    payload = {
        "source": source,
        "ruleset": before.ruleset.to_dict(),
        "changes": [
            {"where": where, "from": jsonable(old), "to": jsonable(new)}
            for where, old, new in edits
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
            "held": [
                {"row": label, "score": number(score), "weight": number(weight)}
                for label, score, weight in goal_plan.held
            ],
            "changes": [c.to_dict() for c in goal_plan.changes],
            # the changes to rows whose bare target was read as ≥ by default (operator-default)
            "read_by_default": [c.path for c in _guessed(goal_plan)],
            "command": check_command(source, rules, goal_plan.changes, given)
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


def render_table(source, edits, before, changed, goal_plan, options, rules: str, given=()) -> str:
    from ..result import jsonable
    from .compare import render_table as compare_table

    text = ""
    if edits:
        console, buffer = string_console(options)
        console.print("[bold]" + _("Changes") + "[/]")
        change = _("{place}: {old} → {new}")
        for where, old, new in edits:
            said = change.format(
                place=markup(where), old=markup(str(jsonable(old))), new=markup(str(jsonable(new)))
            )
            console.print("  " + said)
        console.print()
        text += buffer.getvalue()
        text += compare_table(
            [(source, [before, changed])],
            options,
            columns=[_("Before"), _("After")],
            title=_("What-if"),
        )
    if goal_plan is not None:
        text += _goal(source, goal_plan, options, rules, given)
    return text


def _guessed(goal_plan) -> list:
    """The changes to rows whose bare target was read by the default comparison
    (``operator-default``): a change in the wrong direction if the row is a limit."""
    guessed = {
        f.where.removesuffix(".target")
        for f in goal_plan.before.findings
        if f.code == "operator-default"
    }
    return [c for c in goal_plan.changes if c.path.rpartition(".")[0] in guessed]


def check_command(source: str, rules: str, changes, given=()) -> str:
    """The command line that reproduces a goal plan: the rule set, the user's own --set (where
    the plan does not change the same value), then the plan's changes."""
    from shlex import quote

    parts = ["scoring whatif", quote(source)]
    if rules != "mof-2020":
        parts += ["-r", quote(rules)]
    planned = {change.path for change in changes}
    own = [g for g in given if g.partition("=")[0].strip() not in planned]
    parts += [f"--set {quote(arg)}" for arg in [*own, *(change.set_arg for change in changes)]]
    return " ".join(parts)


def _goal(source, goal_plan, options, rules: str, given=()) -> str:
    from rich.table import Table

    from ..result import number

    console, buffer = string_console(options)
    now = goal_plan.before.department
    head = markup(
        _("Goal {goal}; now {score} {grade}").format(
            goal=goal_plan.goal_label, score=now.score, grade=now.grade
        )
    )
    if not goal_plan.reachable:
        console.print(f"[bold]{head}[/]")
        console.print(
            _(
                "[red]Out of reach[/]: with every value raised to its target (none lowered), "
                "the department scores only {best}."
            ).format(best=goal_plan.best)
        )
        if goal_plan.held:
            console.print(
                _(
                    "Still below full marks there, by a filed 得分 the rules adopt (a score within "
                    "its tier's band, a cut for exceeding the target) or the evaluator's "
                    "judgement: {rows}"
                ).format(
                    rows="; ".join(
                        f"{markup(label)} {number(score)}/{number(weight)}"
                        for label, score, weight in goal_plan.held
                    )
                )
            )
        return buffer.getvalue()
    if not goal_plan.changes:
        console.print(_("[bold]{goal}[/]: already reached, nothing to change.").format(goal=head))
        return buffer.getvalue()
    table = Table(
        title=_("{goal}: the fewest changes").format(goal=head),
        title_justify="left",
        title_style="bold",
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    table.add_column(_("Row"), overflow="fold")
    table.add_column(_("Place"), overflow="fold", style="dim")
    table.add_column(_("Was"), justify="right", no_wrap=True)
    table.add_column(_("Change to"), justify="right", no_wrap=True)
    for change in goal_plan.changes:
        table.add_row(
            Wrapped(markup(change.label)),
            markup(change.path),
            markup(change.before),
            markup(change.after),
        )
    console.print(table)
    for change in _guessed(goal_plan):  # 不合格产品数 | 5 read as ≥5: raising it may be wrong
        console.print(
            _(
                "[yellow]Note[/]: “{row}”: the target has no sign and is read as at least (no "
                "word of its row says otherwise); if it is an upper limit, write ≤ and ask again"
            ).format(row=markup(change.label))
        )
    after = goal_plan.after.department
    console.print(
        _(
            "Scored again with the changes: department {score} {grade} "
            "(was {before} {before_grade})"
        ).format(
            score=after.score,
            grade=markup(after.grade),
            before=now.score,
            before_grade=markup(now.grade),
        )
    )
    command = check_command(source, rules, goal_plan.changes, given)
    # the command to copy, whole: one --set for each change, however many
    said = _("To check: {command}").format(command=markup(command, whole=True))
    console.print(f"[dim]{said}[/]", soft_wrap=True)
    return buffer.getvalue()
