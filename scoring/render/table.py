"""``-f table``: the rich summary an evaluator reads first.

A header with the department, year, rule set, score and grade; the department's budget row;
the projects; each project's indicator table in the 自评表's own order and words; and the
findings grouped by severity. Colour only on a terminal; rich measures CJK width, so Chinese
columns line up. Every piece of user text goes through :func:`~scoring.render.markup` (or
:func:`~scoring.render.text` in a ``Text``): shown, never obeyed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import _
from ..labels import finding as finding_title
from ..labels import method as method_title
from ..result import Result, TableResult
from ..review import ScoreRow, disagreements
from ..values import format_decimal as fmt
from . import (
    SEVERITY_LABELS,
    FileError,
    Options,
    markup,
    money,
    percent,
    plain,
    shown_score,
    shown_weight,
    string_console,
    text,
)
from .wrap import Wrapped, read_markup

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod


GRADE_STYLES = ("bold green", "bold cyan", "bold yellow", "bold red")
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def grade_style(result: Result, grade: str) -> str:
    """Colour by the grade's rank in the rule set: the best green, the worst red."""
    names = [name for name, _ in result.ruleset.grades]
    if grade not in names:
        return ""
    rank = names.index(grade)
    if rank == len(names) - 1 and len(names) > 1:
        return GRADE_STYLES[-1]
    return GRADE_STYLES[min(rank, len(GRADE_STYLES) - 2)]


def render(entries: list[Result | FileError], options: Options) -> str:
    console, buffer = string_console(options)
    for i, entry in enumerate(entries):
        if i and not (isinstance(entry, FileError) and len(entries) == 1):
            console.rule(style="dim")
        if isinstance(entry, FileError):
            # the message itself went to standard error; with several files, mark the gap here
            if len(entries) > 1:
                console.print(
                    f"[bold red]✗ {markup(entry.source)}[/]"
                    + _(": not scored ({code}), the reason is on standard error").format(
                        code=markup(entry.code)
                    )
                )
        elif options.mode == "check":
            _check_summary(console, entry)
        else:
            _summary(console, entry, options)
    return buffer.getvalue()


def _summary(console, result: Result, options: Options) -> None:
    _header(console, result)
    if len(result.projects) > 0:
        console.print(_projects_table(result))
        console.print()
    for project in result.projects:
        console.print(
            _indicator_table(
                result,
                project,
                _("Project: {name}").format(name=markup(project.name)),
                console.width,
            )
        )
        console.print()
        if options.explain:
            _explain(console, project)
    if result.department.table is not None:
        table = result.department.table
        console.print(
            _indicator_table(result, table, _("Department's own evaluation table"), console.width)
        )
        console.print()
        if options.explain:
            _explain(console, table)
    if options.explain:
        console.print(
            "[bold]"
            + _("Department score")
            + "[/]"
            + _(": {explanation}").format(
                explanation=markup(result.department.explanation, whole=True)
            )
            + "\n"
        )
    _review(console, result)
    _findings(console, result)


def _header(console, result: Result) -> None:
    from rich.panel import Panel
    from rich.text import Text

    department = result.department
    style = grade_style(result, department.grade)
    header = Text()
    header.append(text(department.name), style="bold")
    header.append("  " + _("year {year}").format(year=department.year) + "\n")
    header.append(_("Score") + " ")
    header.append(f"{department.score}", style=style)
    header.append("   " + _("Grade") + " ")
    header.append(text(department.grade), style=style)
    header.append(
        "   " + _("Scored: {method}").format(method=text(_combined_by(department.method))) + "\n",
        style="dim",
    )
    execution = department.execution
    header.append(
        _(
            "Department budget  initial {planned}  adjusted {adjusted}  spent {spent} "
            "(10k yuan)  execution {rate}"
        ).format(
            planned=money(execution.planned),
            adjusted=money(execution.adjusted),
            spent=money(execution.spent),
            rate=percent(execution.rate),
        )
        + "\n"
    )
    ruleset = result.ruleset
    header.append(
        _("Rules")
        + " "
        + "  ".join(
            text(part)
            for part in (
                ruleset.id,
                ruleset.version,
                ruleset.title if ruleset.title != ruleset.id else "",
            )
            if part
        ),
        style="dim",
    )
    title = "[bold]" + _("Budget performance self-evaluation") + f"[/] · {markup(result.source)}"
    console.print(
        Panel(
            header,
            title=read_markup(title),
            title_align="left",
            expand=False,
        )
    )


def _combined_by(method: str) -> str:
    """How the department's score was made, as the header says it; a plugin's own way by its id."""
    return {
        "table": _("the department's own evaluation table"),
        "budget-weighted": _("projects' scores weighted by adjusted budget (convention)"),
        "mean": _("plain mean of the projects' scores (convention)"),
    }.get(method, method)


def _projects_table(result: Result):
    from rich.table import Table

    table = Table(title=_("Projects"), title_justify="left", show_edge=False, pad_edge=False)
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("#", "right"),
        (_("Project"), "left"),
        (_("Adjusted budget"), "right"),
        (_("Spent"), "right"),
        (_("Execution rate"), "right"),
        (_("Score"), "right"),
        (_("Grade"), "center"),
    )
    for i, (header, justify) in enumerate(columns):
        # the name's column wraps (its title too, as a term of the form); the figures' do not
        title = Wrapped(header) if i == 1 else header
        table.add_column(title, justify=justify, no_wrap=i != 1, overflow="fold")
    for i, project in enumerate(result.projects, 1):
        execution = project.execution
        style = grade_style(result, project.grade)
        table.add_row(
            str(i),
            Wrapped(markup(project.name)),
            money(execution.adjusted),
            money(execution.spent),
            percent(execution.rate),
            f"[{style}]{project.score}[/]" if style else str(project.score),
            f"[{style}]{markup(project.grade)}[/]" if style else markup(project.grade),
        )
    return table


COMPACT_BELOW = 120  # columns: under this, 一级/二级指标 become group rows instead of columns


def _indicator_table(result: Result, project: TableResult, title: str, width: int):
    from rich.table import Table

    rows = project.indicators
    execution = project.execution
    compact = width < COMPACT_BELOW
    differing = disagreements(result)
    place = project.where or "department"
    shown = [f"{place}.budget.score", *(f"{r.where}.score" for r in rows), f"{place}.score"]
    show_filed = any(where in differing for where in shown)
    table = Table(
        title=title,
        title_justify="left",
        show_edge=False,
        pad_edge=False,
        header_style="bold",
        title_style="bold",
    )
    if not compact:
        table.add_column(Wrapped(_("Level-1 indicator")), overflow="fold")
        table.add_column(Wrapped(_("Level-2 indicator")), overflow="fold")
    table.add_column(Wrapped(_("Indicator")), overflow="fold", ratio=3 if compact else None)
    table.add_column(Wrapped(_("Annual target")), overflow="fold", ratio=2 if compact else None)
    table.add_column(Wrapped(_("Actual")), overflow="fold", ratio=2 if compact else None)
    table.add_column(_("Weight"), justify="right", no_wrap=True)
    table.add_column(_("Score"), justify="right", no_wrap=True)
    if show_filed:
        table.add_column(_("Filed"), justify="right", no_wrap=True, style="yellow")

    def filed(where: str) -> list[str]:
        """The 自评 column: the filed value where the review says it differs."""
        if not show_filed:
            return []
        row = differing.get(where)
        # every place asked is a score's (….score): a grade is never shown here
        return [plain(row.filed) if isinstance(row, ScoreRow) else ""]

    def labels(*cells):
        return list(cells[2:]) if compact else list(cells)

    table.add_row(
        *labels(
            _("Budget execution rate"),
            "",
            _("Execution rate {rate}").format(rate=percent(execution.rate))
            if not compact
            else _("Budget execution rate {rate}").format(rate=percent(execution.rate)),
        ),
        _("{amount} (10k yuan)").format(amount=money(execution.adjusted)),
        _("{amount} (10k yuan)").format(amount=money(execution.spent)),
        plain(execution.weight),
        str(execution.score),
        *filed(f"{place}.budget.score"),
        end_section=True,
    )
    previous: tuple[str | None, str | None] = (None, None)
    for row in rows:
        group = (row.level1, row.level2)
        if compact and group != previous:
            table.add_row(
                Wrapped(
                    f"[bold]{markup(row.level1)}[/] · {markup(row.level2)}"
                    if row.level1 != previous[0]
                    else f"[dim]{markup(row.level1)}[/] · {markup(row.level2)}"
                )
            )
        level1 = markup(row.level1) if row.level1 != previous[0] else ""
        level2 = markup(row.level2) if group != previous else ""
        previous = group
        name = f"  {markup(row.name)}" if compact else markup(row.name)
        score = str(row.score) if row.applicable else f"[dim]{shown_score(row)}[/]"
        table.add_row(
            *labels(Wrapped(level1), Wrapped(level2), Wrapped(name)),
            Wrapped(markup(row.target)),
            Wrapped(markup(row.actual)),
            shown_weight(row),
            score,
            *filed(f"{row.where}.score"),
        )
    style = grade_style(result, project.grade)
    weight_total = execution.weight + sum((r.weight for r in rows), type(execution.weight)(0))
    table.add_section()
    total = (
        f"[{style}]{project.score}  {markup(project.grade)}[/]"
        if style
        else f"{project.score}  {markup(project.grade)}"
    )
    total_label = _("Total")
    table.add_row(
        *labels(total_label, "", "" if not compact else total_label),
        "",
        "",
        plain(weight_total),
        total,
        *filed(f"{place}.score"),
    )
    table.caption = markup(project.explanation)
    table.caption_justify = "left"
    return table


def _explain(console, project: TableResult) -> None:
    from rich.table import Table

    table = Table(
        title=_("How each score was computed"),
        title_justify="left",
        show_edge=False,
        pad_edge=False,
        box=None,
        header_style="dim",
    )
    table.add_column(_("Row"), style="bold", max_width=24, overflow="fold")
    table.add_column(_("Computation"), overflow="fold", ratio=1)
    table.add_column(_("Method"), style="dim", no_wrap=True)
    execution = project.execution
    table.add_row(
        _("Budget execution rate"),
        Wrapped(markup(execution.explanation)),
        markup(method_title(execution.method)),
    )
    for row in project.indicators:
        table.add_row(
            Wrapped(markup(row.name)),
            Wrapped(markup(row.explanation)),
            markup(method_title(row.method)),
        )
    table.add_row(_("Total"), Wrapped(markup(project.explanation)), "")
    console.print(table)
    console.print()


def _review(console: Console, result: Result) -> None:
    """复核表: the filed values that differ from the rules, ready to send back to the unit."""
    from rich.table import Table

    rows = [row for row in result.review if not row.agrees]
    if not result.review:
        return
    agreeing = len(result.review) - len(rows)
    title = _("Review ({filed} filed: {agreeing} agree, {differing} differ)").format(
        filed=len(result.review), agreeing=agreeing, differing=len(rows)
    )
    if not rows:
        console.print(f"[green]✓[/] {title}")
        console.print()
        return
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    table.add_column(_("Row"), overflow="fold", ratio=2)
    table.add_column(_("Filed"), justify="right", no_wrap=True, style="yellow")
    table.add_column(_("By the rules"), justify="right", no_wrap=True)
    table.add_column(_("Difference"), justify="right", no_wrap=True)
    table.add_column(_("Basis"), overflow="fold", ratio=3)
    for row in rows:
        difference = row.difference
        shown = (
            "" if difference is None else (f"+{difference}" if difference > 0 else str(difference))
        )
        rule = _("{rule} ({note})").format(rule=row.rule, note=row.note) if row.note else row.rule
        table.add_row(
            Wrapped(f"{markup(row.label)}\n[dim]{markup(row.where)}[/]"),
            markup(fmt(row.filed) if row.kind == "score" else row.filed),
            markup(row.computed),
            shown,
            Wrapped(markup(rule)),
        )
    console.print(table)
    console.print()


def _findings(console, result: Result) -> None:
    from rich.table import Table

    if not result.findings:
        console.print("[green]✓ " + _("No findings") + "[/]")
        return
    grouped = result.findings_by_severity()
    counts = _(", ").join(f"{SEVERITY_LABELS[s]} {len(f)}" for s, f in grouped.items() if f)
    table = Table(
        title=_("Findings ({counts})").format(counts=counts),
        title_justify="left",
        title_style="bold",
        show_header=False,
        box=None,
        pad_edge=False,
    )
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold", ratio=1)
    for severity, findings in grouped.items():
        style = SEVERITY_STYLES.get(severity, "")
        for finding in findings:
            table.add_row(
                f"[{style}]{SEVERITY_LABELS.get(severity, severity)}[/]",
                Wrapped(
                    f"{markup(finding.message)}\n[dim]{markup(finding.cell or finding.where)} · "
                    + _("{title} ({code})").format(
                        title=markup(finding_title(finding.code)), code=markup(finding.code)
                    )
                    + "[/]"
                ),
            )
    console.print(table)


def _check_summary(console, result: Result) -> None:
    department = result.department
    style = grade_style(result, department.grade)
    console.print(
        f"[bold]{markup(result.source)}[/]  {markup(department.name)} {department.year}  "
        + _("Rules {rules}  Score").format(rules=markup(result.ruleset.id))
        + f" [{style}]{department.score} {markup(department.grade)}[/]"
    )
    _review(console, result)
    _findings(console, result)
