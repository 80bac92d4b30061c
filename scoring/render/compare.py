"""The comparison of rule sets on the same files (``scoring compare``), as a table, Markdown
or JSON: the department, each project and each row, under each rule set."""

from __future__ import annotations

from ..compare import Row, rows
from ..i18n import _, ngettext
from ..result import Result, number
from . import Options, markup, string_console


def to_dict(source: str, results: list[Result]) -> dict:
    """The comparison of one file as JSON: its rows, the findings counted, each full result."""
    return {
        "source": source,
        "rulesets": [r.ruleset.to_dict() for r in results],
        "rows": [
            {
                "label": row.label,
                "where": row.where,
                "scores": [number(s) for s in row.scores],
                "grades": list(row.grades),
                "changed": row.changed,
            }
            for row in rows(results)
        ],
        "findings": {r.ruleset.id: len(r.findings) for r in results},
        "results": [r.to_dict() for r in results],
    }


GAP = 3  # a column's share of the rules between columns (" │ ")


def render_table(
    groups: list[tuple[str, list[Result]]],
    options: Options,
    columns: list[str] | None = None,
    title: str | None = None,
) -> str:
    """Each file's rows under each rule set, the rows that change in bold; ``columns`` names
    the rule sets (their ids by default); ``title`` heads each file's table (规则对比, "Rule
    sets compared", by default).

    The rule sets are the columns while they fit the width (``options.width``, 100 when not
    given); beyond it, each rule set is a row and the department, the projects and the rows
    that change are the columns, numbered, with what each number stands for listed under the
    table; and when even that is too wide, each place is a block of lines, one per rule set. A
    number is never cut to fit."""
    console, buffer = string_console(options)
    width = options.width or 100
    title = title or _("Rule sets compared")
    for source, results in groups:
        names = columns or [result.ruleset.id for result in results]
        found = rows(results)
        heading = f"{title} · {markup(source)}"
        if _wide_width(names, found, results) <= width:
            console.print(_wide(heading, names, found, results))
        elif _tall_width(names, found, results) <= width:
            for renderable in _tall(heading, names, found, results):
                console.print(renderable)
        else:
            for renderable in _long(heading, names, found, results):
                console.print(renderable)
        console.print()
    return buffer.getvalue()


def _cells(row: Row) -> list[str]:
    """A row's text under each rule set: the score, and the grade when the row has one."""
    return [
        f"{s}  {g}" if g else str(s)
        for s, g in zip(row.scores, row.grades or [""] * len(row.scores))
    ]


def _counts(results: list[Result]) -> list[str]:
    """The findings under each rule set, how many of them errors."""
    counts = []
    for r in results:
        errors = sum(f.severity == "error" for f in r.findings)
        counted = ngettext("{findings} ({errors} error)", "{findings} ({errors} errors)", errors)
        counts.append(counted.format(findings=len(r.findings), errors=errors))
    return counts


def _styled(text: str, changed: bool) -> str:
    return f"[bold yellow]{markup(text)}[/]" if changed else markup(text)


def _wide_width(names: list[str], found: list[Row], results: list[Result]) -> int:
    """The width of the table with the rule sets as columns."""
    from rich.cells import cell_len

    label = max(cell_len(row.label) for row in [*found, _findings()])
    counts = _counts(results)
    widths = [
        max(cell_len(name), cell_len(counts[i]), *(cell_len(_cells(row)[i]) for row in found))
        for i, name in enumerate(names)
    ]
    return label + sum(w + GAP for w in widths)


def _findings() -> Row:
    """The last row: the findings under each rule set."""
    return Row(_("Review findings"), "", (), ())


def _wide(heading: str, names: list[str], found: list[Row], results: list[Result]):
    """The rule sets as columns, the places as rows."""
    from rich.table import Table

    table = Table(
        title=heading, title_justify="left", show_edge=False, pad_edge=False, title_style="bold"
    )
    table.add_column("", overflow="fold")
    for name in names:
        table.add_column(markup(name), justify="right", no_wrap=True)
    for row in found:
        table.add_row(markup(row.label), *[_styled(c, row.changed) for c in _cells(row)])
    table.add_section()
    table.add_row(_findings().label, *[markup(c) for c in _counts(results)])
    return table


def _tall_width(names: list[str], found: list[Row], results: list[Result]) -> int:
    """The width of the table with the rule sets as rows and the places numbered as columns."""
    from rich.cells import cell_len

    first = max(cell_len(_("Rule set")), *(cell_len(name) for name in names))
    columns = [
        max(cell_len(_number(i)), *(cell_len(c) for c in _cells(row)))
        for i, row in enumerate(found)
    ]
    counts = _counts(results)
    columns.append(max(cell_len(_findings().label), *(cell_len(c) for c in counts)))
    return first + sum(w + GAP for w in columns)


def _number(index: int) -> str:
    return f"[{index + 1}]"


def _tall(heading: str, names: list[str], found: list[Row], results: list[Result]) -> list:
    """The rule sets as rows; the places as numbered columns, listed under the table."""
    from rich.table import Table

    table = Table(
        title=heading, title_justify="left", show_edge=False, pad_edge=False, title_style="bold"
    )
    table.add_column(_("Rule set"), no_wrap=True)
    for i, row in enumerate(found):
        table.add_column(_styled(_number(i), row.changed), justify="right", no_wrap=True)
    table.add_column(_findings().label, justify="right", no_wrap=True)
    cells = [_cells(row) for row in found]
    counts = _counts(results)
    for r, name in enumerate(names):
        values = [_styled(column[r], row.changed) for column, row in zip(cells, found)]
        table.add_row(markup(name), *values, markup(counts[r]))
    legend = [f"{_number(i)} {markup(row.label)}" for i, row in enumerate(found)]
    return [table, "\n".join(legend)]


def _long(heading: str, names: list[str], found: list[Row], results: list[Result]) -> list:
    """Each place a block: its label, then one line per rule set."""
    from rich.table import Table

    table = Table(
        title=heading, title_justify="left", show_edge=False, pad_edge=False, title_style="bold"
    )
    table.add_column(_("Rule set"), overflow="fold")
    table.add_column(_("Score"), justify="right", no_wrap=True)
    findings = _findings()
    for row in [*found, findings]:
        table.add_section()
        table.add_row(_styled(row.label, row.changed), "")
        values = _cells(row) if row is not findings else _counts(results)
        for name, value in zip(names, values):
            table.add_row("  " + markup(name), _styled(value, row.changed))
    return [table]


def render_markdown(groups: list[tuple[str, list[Result]]]) -> str:
    """The comparison as Markdown tables, one per file; changed cells in bold. The file's name,
    the rule sets' ids, the rows' labels and the grades are escaped (:mod:`scoring.inert`)."""
    from ..inert import markdown_code, markdown_text

    lines = []
    for source, results in groups:
        lines += [
            "## " + _("Rule sets compared: {source}").format(source=markdown_code(source)),
            "",
            "| | " + " | ".join(markdown_text(r.ruleset.id) for r in results) + " |",
            "|---|" + "---:|" * len(results),
        ]
        for row in rows(results):
            cells = [
                markdown_text(f"{s} {g}".strip())
                for s, g in zip(row.scores, row.grades or [""] * len(row.scores))
            ]
            mark = "**" if row.changed else ""
            label = markdown_text(row.label)
            lines.append(f"| {label} | " + " | ".join(f"{mark}{c}{mark}" for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)
