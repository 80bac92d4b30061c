"""The comparison of rule sets on the same files (``scoring compare``), as a table, Markdown
or JSON: the department, each project and each row, under each rule set."""

from __future__ import annotations

from ..compare import rows
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


def render_table(
    groups: list[tuple[str, list[Result]]],
    options: Options,
    columns: list[str] | None = None,
    title: str = "规则对比",
) -> str:
    """Each file's rows under each rule set, the rows that change in bold; ``columns`` names
    the rule sets' columns (their ids by default)."""
    from rich.table import Table

    console, buffer = string_console(options)
    for source, results in groups:
        table = Table(
            title=f"{title} · {markup(source)}",
            title_justify="left",
            show_edge=False,
            pad_edge=False,
            title_style="bold",
        )
        table.add_column("", overflow="fold")
        for label in columns or [result.ruleset.id for result in results]:
            table.add_column(markup(label), justify="right", no_wrap=True)
        for row in rows(results):
            cells = [
                f"{s}  {g}" if g else str(s)
                for s, g in zip(row.scores, row.grades or [""] * len(row.scores))
            ]
            style = "bold yellow" if row.changed else ""
            table.add_row(
                markup(row.label),
                *[f"[{style}]{markup(c)}[/]" if style else markup(c) for c in cells],
            )
        counts = [
            f"{len(r.findings)}（错误 {sum(f.severity == 'error' for f in r.findings)}）"
            for r in results
        ]
        table.add_section()
        table.add_row("复核发现", *counts)
        console.print(table)
        console.print()
    return buffer.getvalue()


def render_markdown(groups: list[tuple[str, list[Result]]]) -> str:
    """The comparison as Markdown tables, one per file; changed cells in bold. The file's name,
    the rule sets' ids, the rows' labels and the grades are escaped (:mod:`scoring.inert`)."""
    from ..inert import markdown_code, markdown_text

    lines = []
    for source, results in groups:
        lines += [
            f"## 规则对比：{markdown_code(source)}",
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
