"""Rule sets side by side: what differs between two rule sets, and what that does to a table.

``scoring rules diff A B`` lists the resolved keys that differ. ``scoring compare FILE -r A,B``
(or ``scoring score FILE -r A,B``) scores the same evaluation under each rule set and shows the
department, every project and every row whose score or grade changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .result import Result, number
from .rules import RuleSet

MISSING = "—"


def flatten(data: dict, prefix: str = "") -> dict[str, object]:
    """Dotted keys to leaf values; arrays are leaves (they replace, they do not merge)."""
    flat: dict[str, object] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def _shown(value) -> str:
    if value is MISSING:
        return MISSING
    return json.dumps(value, ensure_ascii=False, default=number)


def diff(a: RuleSet, b: RuleSet) -> list[tuple[str, str, str]]:
    """(key, value in a, value in b) for every scoring key that differs; identity keys left out."""
    left = {k: v for k, v in flatten(a.data).items() if not k.startswith("ruleset.")}
    right = {k: v for k, v in flatten(b.data).items() if not k.startswith("ruleset.")}
    keys = list(dict.fromkeys([*left, *right]))
    return [
        (key, _shown(left.get(key, MISSING)), _shown(right.get(key, MISSING)))
        for key in keys
        if left.get(key, MISSING) != right.get(key, MISSING)
    ]


@dataclass(frozen=True)
class Row:
    """One line of a comparison: a place, and its score and grade under each rule set."""

    label: str
    where: str
    scores: tuple
    grades: tuple

    @property
    def changed(self) -> bool:
        return len(set(self.scores)) > 1 or len(set(self.grades)) > 1


def rows(results: list[Result]) -> list[Row]:
    """The department, each project, then each indicator row whose score differs."""
    first = results[0]
    found = [
        Row(
            "部门",
            "department",
            tuple(r.department.score for r in results),
            tuple(r.department.grade for r in results),
        )
    ]
    for i, project in enumerate(first.projects):
        found.append(
            Row(
                f"项目：{project.name}",
                f"projects[{i}]",
                tuple(r.projects[i].score for r in results),
                tuple(r.projects[i].grade for r in results),
            )
        )
    tables = [(f"projects[{i}]", lambda r, i=i: r.projects[i]) for i in range(len(first.projects))]
    if first.department.table is not None:
        tables.append(("department", lambda r: r.department.table))
    for where, pick in tables:
        name = pick(first).name if where != "department" else "部门整体"
        execution = tuple(pick(r).execution.score for r in results)
        if len(set(execution)) > 1:
            found.append(Row(f"{name} · 预算执行率", f"{where}.budget", execution, ()))
        for j, indicator in enumerate(pick(first).indicators):
            scores = tuple(pick(r).indicators[j].score for r in results)
            if len(set(scores)) > 1:
                found.append(Row(f"{name} · {indicator.name}", indicator.where, scores, ()))
    return found


def to_dict(source: str, results: list[Result]) -> dict:
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
    color: bool,
    width: int,
    columns: list[str] | None = None,
    title: str = "规则对比",
) -> str:
    from rich.markup import escape
    from rich.table import Table

    from .render import string_console

    console, buffer = string_console(color, width)
    for source, results in groups:
        table = Table(
            title=f"{title} · {escape(source)}",
            title_justify="left",
            show_edge=False,
            pad_edge=False,
            title_style="bold",
        )
        table.add_column("", overflow="fold")
        for label in columns or [result.ruleset.id for result in results]:
            table.add_column(escape(label), justify="right", no_wrap=True)
        for row in rows(results):
            cells = [
                f"{s}  {g}" if g else str(s)
                for s, g in zip(row.scores, row.grades or [""] * len(row.scores))
            ]
            style = "bold yellow" if row.changed else ""
            table.add_row(
                escape(row.label),
                *[f"[{style}]{escape(c)}[/]" if style else escape(c) for c in cells],
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
    lines = []
    for source, results in groups:
        lines += [
            f"## 规则对比：`{source}`",
            "",
            "| | " + " | ".join(r.ruleset.id for r in results) + " |",
            "|---|" + "---:|" * len(results),
        ]
        for row in rows(results):
            cells = [
                f"{s} {g}".strip() for s, g in zip(row.scores, row.grades or [""] * len(row.scores))
            ]
            mark = "**" if row.changed else ""
            lines.append(f"| {row.label} | " + " | ".join(f"{mark}{c}{mark}" for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)
