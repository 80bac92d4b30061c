"""``-f markdown``: the summary as Markdown, for a report or a ticket.

User text cannot write Markdown here: every value a file, a rule set or a plugin gave goes
through :mod:`scoring.inert` (:func:`md` for text, :func:`~scoring.inert.markdown_code` in
backticks, :func:`~scoring.inert.markdown_block` in a fenced block), so that it opens no HTML,
heading, table row, link or image. A table cell is escaped unless the view wrote it as
:class:`Markdown` itself (``**总分**``). Its headings, labels and sentences are in the
interface's language (:mod:`scoring.i18n`).
"""

from __future__ import annotations

from ..i18n import _
from ..inert import markdown_block, markdown_code
from ..inert import markdown_text as md
from ..labels import FINDINGS, METHODS, grid_titles
from ..result import Result, TableResult
from ..review import ReviewRow, ScoreRow, disagreements
from . import SEVERITY_LABELS, FileError, Options, money, percent, plain, shown_score, shown_weight


class Markdown(str):
    """A cell the view wrote as Markdown (bold, a code span of escaped text): kept as it is."""


def _cell(value: object) -> str:
    """A table cell: the view's own Markdown as written, anything else escaped."""
    return value if isinstance(value, Markdown) else md(value)


def _row(*cells: object) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table(
    title: str, table: TableResult, differing: dict[str, ReviewRow], explain: bool
) -> list[str]:
    execution = table.execution
    place = table.where or "department"

    def _filed(where: str) -> str:
        """The filed value only where the review says it differs, as in the terminal table."""
        row = differing.get(where)
        # every place asked is a score's (….score): a grade is never shown here
        return plain(row.filed) if isinstance(row, ScoreRow) else ""

    in_10k_yuan = _("{amount} (10k yuan)")
    lines = [
        f"### {title}",  # the title's user text is escaped by the caller
        "",
        _row(*grid_titles(), _("Filed score")),
        _row(*map(Markdown, ["---"] * 5 + ["---:"] * 3)),
        _row(
            _("Budget execution rate"),
            "",
            _("execution rate {rate}").format(rate=percent(execution.rate)),
            in_10k_yuan.format(amount=money(execution.adjusted)),
            in_10k_yuan.format(amount=money(execution.spent)),
            plain(execution.weight),
            execution.score,
            _filed(f"{place}.budget.score"),
        ),
    ]
    for row in table.indicators:
        lines.append(
            _row(
                row.level1,
                row.level2,
                row.name,
                row.target,
                row.actual,
                shown_weight(row),
                shown_score(row),
                _filed(f"{row.where}.score"),
            )
        )
    lines.append(
        _row(
            Markdown("**" + _("Total") + "**"),
            "",
            "",
            "",
            "",
            plain(
                execution.weight + sum((r.weight for r in table.indicators), execution.weight * 0)
            ),
            Markdown(f"**{table.score}**"),
            _filed(f"{place}.score"),
        )
    )
    grade = _("Grade: **{grade}**. {explanation}")
    lines += ["", grade.format(grade=md(table.grade), explanation=md(table.explanation)), ""]
    if explain:
        budget = _("Budget execution rate: {explanation}")
        lines += [
            _("Calculation:"),
            "",
            "- " + budget.format(explanation=md(execution.explanation)),
        ]
        each = _("{name} ({method}): {explanation}")
        methods = METHODS.now()
        lines += [
            "- "
            + each.format(
                name=md(row.name),
                method=md(methods.get(row.method, row.method)),
                explanation=md(row.explanation),
            )
            for row in table.indicators
        ]
        lines.append("")
    return lines


def _review(result: Result) -> list[str]:
    """复核表: the filed values that differ, as a table a reviewer can send back."""
    differing = [row for row in result.review if not row.agrees]
    if not result.review:
        return []
    filed = len(result.review)
    head = "### " + _("Review ({filed} filed: {agreeing} agree, {differing} differ)").format(
        filed=filed, agreeing=filed - len(differing), differing=len(differing)
    )
    if not differing:
        return [head, ""]
    titles = (_("Row"), _("Place"), _("Filed"), _("By the rules"), _("Difference"), _("Basis"))
    lines = [head, "", _row(*titles), "|---|---|---:|---:|---:|---|"]
    noted = _("{rule} ({note})")
    for row in differing:
        difference = "" if row.difference is None else f"{row.difference:+}"
        rule = noted.format(rule=row.rule, note=row.note) if row.note else row.rule
        where = Markdown(markdown_code(row.where, in_table=True))
        lines.append(_row(row.label, where, row.filed, row.computed, difference, rule))
    return [*lines, ""]


def _result(result: Result, options: Options) -> list[str]:
    department = result.department
    differing = disagreements(result)
    execution = department.execution
    ruleset = result.ruleset
    heading = _("{department} {year} budget performance self-evaluation")
    score = _("Score **{score}**, grade **{grade}** ({method})")
    budget = _(
        "Department budget: initial {planned}, adjusted {adjusted}, spent {spent} (10k yuan), "
        "execution rate {rate}"
    )
    lines = [
        "## " + heading.format(department=md(department.name), year=department.year),
        "",
        "- "
        + score.format(
            score=department.score,
            grade=md(department.grade),
            method=md(METHODS.title(department.method)),
        ),
        "- "
        + budget.format(
            planned=money(execution.planned),
            adjusted=money(execution.adjusted),
            spent=money(execution.spent),
            rate=percent(execution.rate),
        ),
        "- "
        + _("Rules: {id} {version} {title}").format(
            id=md(ruleset.id), version=md(ruleset.version), title=md(ruleset.title)
        ),
        "- " + _("Source: {source}").format(source=markdown_code(result.source)),
        "",
    ]
    if options.mode == "score":
        if result.projects:
            titles = (
                _("Project"),
                _("Adjusted budget"),
                _("Spent"),
                _("Execution rate"),
                _("Score"),
                _("Grade"),
            )
            lines += [_row(Markdown("#"), *titles), "|---:|---|---:|---:|---:|---:|:---:|"]
            for i, p in enumerate(result.projects, 1):
                lines.append(
                    _row(
                        i,
                        p.name,
                        money(p.execution.adjusted),
                        money(p.execution.spent),
                        percent(p.execution.rate),
                        p.score,
                        p.grade,
                    )
                )
            lines.append("")
        project_title = _("Project: {name}")
        for project in result.projects:
            title = project_title.format(name=md(project.name))
            lines += _table(title, project, differing, options.explain)
        if department.table is not None:
            title = _("Department's own evaluation table")
            lines += _table(title, department.table, differing, options.explain)
        if options.explain:
            explained = _("Department score: {explanation}")
            lines += [explained.format(explanation=md(department.explanation)), ""]
    lines += _review(result)
    lines += ["### " + _("Review findings"), ""]
    if not result.findings:
        lines.append(_("None."))
    found = _("**{severity}** {place} {message} ({title} {code})")
    finding_titles = FINDINGS.now()
    for severity, findings in result.findings_by_severity().items():
        label = md(SEVERITY_LABELS.get(severity, severity))
        for f in findings:
            said = found.format(
                severity=label,
                place=markdown_code(f.cell or f.where),
                message=md(f.message),
                title=md(finding_titles.get(f.code, f.code)),
                code=markdown_code(f.code),
            )
            lines.append("- " + said)
    lines.append("")
    return lines


def render(entries: list[Result | FileError], options: Options) -> str:
    lines: list[str] = []
    for entry in entries:
        if isinstance(entry, FileError):
            lines += [
                f"## {md(entry.source)}",
                "",
                _("**Error** ({code}):").format(code=markdown_code(entry.code)),
                "",
                markdown_block(entry.message),
                "",
            ]
        else:
            lines += _result(entry, options)
    return "\n".join(lines)
