"""The report review (报告复核) as a terminal table or JSON: the figures a report states, and
what does not add up."""

from __future__ import annotations

from ..i18n import _
from ..labels import FINDINGS
from ..report import LABELS, Figure
from ..result import Finding
from . import SEVERITY_LABELS, Options, markup, string_console
from .wrap import Wrapped


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
    if against:
        title = _("Report review · {source} (against {table})").format(
            source=markup(source), table=markup(against)
        )
    else:
        title = _("Report review · {source}").format(source=markup(source))
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    table.add_column(_("Line"), justify="right", no_wrap=True)
    # a project's name may be long: it folds rather than squeeze the sentence
    table.add_column(_("Figure"), overflow="fold", max_width=24)
    table.add_column(_("As written"), overflow="fold")
    table.add_column(_("Sentence"), overflow="fold", style="dim")
    project = _("“{project}”")
    for figure in figures:
        table.add_row(
            str(figure.line),
            Wrapped(markup(_label(figure, project))),
            markup(figure.text),
            Wrapped("[dim]" + markup(figure.excerpt or figure.sentence) + "[/]"),
        )
    if figures:
        console.print(table)
    else:
        console.print(
            _(
                "[bold]{title}[/]: no budget, spending, execution rate or other figures found"
            ).format(title=title)
        )
    console.print()
    if not findings and figures:  # a report with no figure was not checked: no ✓ for it
        if against:
            console.print(
                _("[green]✓ The report's figures agree with one another[/], and with the form")
            )
        else:
            console.print(_("[green]✓ The report's figures agree with one another[/]"))
    about = _("{place} · {title} ({code})")
    titles = FINDINGS.now()
    found = Table(show_header=False, box=None, pad_edge=False)
    found.add_column(no_wrap=True)
    found.add_column(ratio=1)
    for finding in findings:
        label = SEVERITY_LABELS.get(finding.severity, finding.severity)
        said = about.format(
            place=markup(_place(finding.where)),
            title=markup(titles.get(finding.code, finding.code)),
            code=markup(finding.code),
        )
        # the message wraps as the summary's findings do, beside its severity
        found.add_row(f"[yellow]{label}[/]", Wrapped(f"{markup(finding.message)}\n[dim]{said}[/]"))
    if findings:
        console.print(found)
    return buffer.getvalue()


def _label(figure: Figure, project: str) -> str:
    """What a figure is; a project's name (quoted by ``project``, a message with
    ``{project}``) on a line of its own, so that folding a long name never splits the words
    after it (预算资金)."""
    if figure.project:
        quoted = project.format(project=figure.project)
        return f"{quoted}\n{LABELS.get(figure.kind, figure.kind)}"
    return figure.label


def _place(where: str) -> str:
    """A report's place as the reader's language says it (``line 14`` → 第 14 行); JSON keeps
    ``line 14``, a stable field."""
    head, _space, number = where.partition(" ")
    return _("line {line}").format(line=number) if head == "line" and number.isdigit() else where
