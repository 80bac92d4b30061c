"""``-f markdown``: the summary as Markdown, for a report or a ticket.

User text cannot write Markdown here: every value a file, a rule set or a plugin gave goes
through :mod:`scoring.inert` (:func:`md` for text, :func:`~scoring.inert.markdown_code` in
backticks, :func:`~scoring.inert.markdown_block` in a fenced block), so that it opens no HTML,
heading, table row, link or image. A table cell is escaped unless the view wrote it as
:class:`Markdown` itself (``**总分**``).
"""

from __future__ import annotations

from ..inert import markdown_block, markdown_code
from ..inert import markdown_text as md
from ..labels import GRID_TITLES
from ..labels import finding as finding_title
from ..labels import method as method_title
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

    lines = [
        f"### {title}",  # the title's user text is escaped by the caller
        "",
        _row(*GRID_TITLES, "自评得分"),
        _row(*map(Markdown, ["---"] * 5 + ["---:"] * 3)),
        _row(
            "预算执行率",
            "",
            f"执行率 {percent(execution.rate)}",
            f"{money(execution.adjusted)}万元",
            f"{money(execution.spent)}万元",
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
            Markdown("**总分**"),
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
    lines += ["", f"等级：**{md(table.grade)}**。{md(table.explanation)}", ""]
    if explain:
        lines += ["计算过程：", "", f"- 预算执行率：{md(execution.explanation)}"]
        lines += [
            f"- {md(row.name)}（{md(method_title(row.method))}）：{md(row.explanation)}"
            for row in table.indicators
        ]
        lines.append("")
    return lines


def _review(result: Result) -> list[str]:
    """复核表: the filed values that differ, as a table a reviewer can send back."""
    differing = [row for row in result.review if not row.agrees]
    if not result.review:
        return []
    head = f"### 复核表（自评 {len(result.review)} 项：一致 {len(result.review) - len(differing)} 项，不一致 {len(differing)} 项）"
    if not differing:
        return [head, ""]
    lines = [head, "", "| 行 | 位置 | 自评 | 按规则 | 差 | 依据 |", "|---|---|---:|---:|---:|---|"]
    for row in differing:
        difference = "" if row.difference is None else f"{row.difference:+}"
        rule = row.rule + (f"（{row.note}）" if row.note else "")
        where = Markdown(markdown_code(row.where, in_table=True))
        lines.append(_row(row.label, where, row.filed, row.computed, difference, rule))
    return [*lines, ""]


def _result(result: Result, options: Options) -> list[str]:
    department = result.department
    differing = disagreements(result)
    execution = department.execution
    ruleset = result.ruleset
    lines = [
        f"## {md(department.name)} {department.year} 年度预算绩效自评",
        "",
        f"- 得分 **{department.score}**，等级 **{md(department.grade)}**（{md(method_title(department.method))}）",
        f"- 部门预算：年初 {money(execution.planned)}，全年 {money(execution.adjusted)}，"
        f"执行 {money(execution.spent)} 万元，执行率 {percent(execution.rate)}",
        f"- 规则：{md(ruleset.id)} {md(ruleset.version)} {md(ruleset.title)}",
        f"- 来源：{markdown_code(result.source)}",
        "",
    ]
    if options.mode == "score":
        if result.projects:
            lines += [
                "| # | 项目名称 | 全年预算数 | 全年执行数 | 执行率 | 得分 | 等级 |",
                "|---:|---|---:|---:|---:|---:|:---:|",
            ]
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
        for project in result.projects:
            lines += _table(f"项目：{md(project.name)}", project, differing, options.explain)
        if department.table is not None:
            lines += _table("部门整体绩效自评表", department.table, differing, options.explain)
        if options.explain:
            lines += [f"部门得分：{md(department.explanation)}", ""]
    lines += _review(result)
    lines += ["### 复核发现", ""]
    if not result.findings:
        lines.append("无。")
    for severity, findings in result.findings_by_severity().items():
        for f in findings:
            label = md(SEVERITY_LABELS.get(severity, severity))
            place = markdown_code(f.cell or f.where)
            title = md(finding_title(f.code))
            lines.append(
                f"- **{label}** {place} {md(f.message)}（{title} {markdown_code(f.code)}）"
            )
    lines.append("")
    return lines


def render(entries: list[Result | FileError], options: Options) -> str:
    lines: list[str] = []
    for entry in entries:
        if isinstance(entry, FileError):
            lines += [
                f"## {md(entry.source)}",
                "",
                f"**错误**（{markdown_code(entry.code)}）：",
                "",
                markdown_block(entry.message),
                "",
            ]
        else:
            lines += _result(entry, options)
    return "\n".join(lines)
