"""The report review (报告复核) as a terminal table or JSON: the figures a report states, and
what does not add up."""

from __future__ import annotations

from ..labels import finding as finding_title
from ..report import LABELS, Figure
from ..result import Finding
from . import SEVERITY_LABELS, Options, markup, string_console


def to_dict(
    source: str, figures: list[Figure], findings: list[Finding], against: str | None
) -> dict:
    """A report's review as JSON: its figures, its findings, how many are errors."""
    return {
        "source": source,
        "kind": "report",
        "with": against,
        "figures": [f.to_dict() for f in figures],
        "findings": [f.to_dict() for f in findings],
        "errors": sum(f.severity == "error" for f in findings),
    }


def render_table(
    source: str,
    figures: list[Figure],
    findings: list[Finding],
    against: str | None,
    options: Options,
) -> str:
    """The figures a report states, line by line, and what does not add up."""
    from rich.table import Table

    console, buffer = string_console(options)
    title = f"报告复核 · {markup(source)}" + (f"（对照 {markup(against)}）" if against else "")
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    table.add_column("行", justify="right", no_wrap=True)
    # a project's name may be long: it folds rather than squeeze the sentence
    table.add_column("数字", overflow="fold", max_width=24)
    table.add_column("原文", overflow="fold")
    table.add_column("所在句", overflow="fold", style="dim")
    for figure in figures:
        table.add_row(
            str(figure.line),
            markup(_label(figure)),
            markup(figure.text),
            markup(figure.excerpt or figure.sentence),
        )
    if figures:
        console.print(table)
    else:
        console.print(f"[bold]{title}[/]：没有找到预算、支出、执行率等数字")
    console.print()
    if not findings:
        console.print("[green]✓ 报告中的数字前后一致[/]" + ("，并与自评表相符" if against else ""))
    for finding in findings:
        label = SEVERITY_LABELS.get(finding.severity, finding.severity)
        console.print(
            f"[yellow]{label}[/] {markup(finding.message)}\n      "
            f"[dim]{markup(_place(finding.where))} · {markup(finding_title(finding.code))}"
            f"（{markup(finding.code)}）[/]"
        )
    return buffer.getvalue()


def _label(figure: Figure) -> str:
    """What a figure is; a project's name on a line of its own, so that folding a long name
    never splits the words after it (预算资金)."""
    if figure.project:
        return f"「{figure.project}」\n{LABELS.get(figure.kind, figure.kind)}"
    return figure.label


def _place(where: str) -> str:
    """A report's place as the reader's language says it (``line 14`` → 第 14 行); JSON keeps
    ``line 14``, a stable field."""
    from ..i18n import _

    head, _space, number = where.partition(" ")
    return _("line {line}").format(line=number) if head == "line" and number.isdigit() else where
