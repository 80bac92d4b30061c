"""Rule sets side by side: what differs between two rule sets, and what that does to a table.

``scoring rules diff A B`` lists the resolved keys that differ (:func:`diff`).
``scoring compare FILE -r A,B`` (or ``scoring score FILE -r A,B``) scores the same evaluation
under each rule set; :func:`rows` gives the department, every project and every row whose score
or grade changes, which :mod:`scoring.render.compare` shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .i18n import _
from .result import Result, TableResult, number
from .rules import RuleSet

MISSING = "—"


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, object]:
    """Dotted keys to leaf values; arrays are leaves (they replace, they do not merge)."""
    flat: dict[str, object] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def shown(value: object) -> str:
    """A rule-set value as one line of JSON; MISSING for a key the rule set does not set."""
    if value is MISSING:
        return MISSING
    return json.dumps(value, ensure_ascii=False, default=number)


def diff(a: RuleSet, b: RuleSet) -> list[tuple[str, object, object]]:
    """(key, value in a, value in b) for every scoring key that differs (MISSING where a rule
    set does not set it); identity keys left out."""
    left = {k: v for k, v in flatten(a.data).items() if not k.startswith("ruleset.")}
    right = {k: v for k, v in flatten(b.data).items() if not k.startswith("ruleset.")}
    keys = list(dict.fromkeys([*left, *right]))
    return [
        (key, left.get(key, MISSING), right.get(key, MISSING))
        for key in keys
        if left.get(key, MISSING) != right.get(key, MISSING)
    ]


@dataclass(frozen=True)
class Row:
    """One line of a comparison: a place, and its score and grade under each rule set."""

    label: str
    where: str
    scores: tuple[Decimal | None, ...]  # None for a row not scored (not applicable)
    grades: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return len(set(self.scores)) > 1 or len(set(self.grades)) > 1


def rows(results: list[Result]) -> list[Row]:
    """The department, each project, then each indicator row whose score differs."""
    first = results[0]
    found = [
        Row(
            _("Department"),
            "department",
            tuple(r.department.score for r in results),
            tuple(r.department.grade for r in results),
        )
    ]
    project_label = _("Project: {name}")
    for i, project in enumerate(first.projects):
        found.append(
            Row(
                project_label.format(name=project.name),
                f"projects[{i}]",
                tuple(r.projects[i].score for r in results),
                tuple(r.projects[i].grade for r in results),
            )
        )
    tables: list[tuple[str, Callable[[Result], TableResult]]] = [
        (f"projects[{i}]", _project(i)) for i in range(len(first.projects))
    ]
    if first.department.table is not None:
        tables.append(("department", _department_table))
    for where, pick in tables:
        name = pick(first).name if where != "department" else _("Department as a whole")
        execution = tuple(pick(r).execution.score for r in results)
        if len(set(execution)) > 1:
            label = _("{table} · execution rate").format(table=name)
            found.append(Row(label, f"{where}.budget", execution, ()))
        for j, indicator in enumerate(pick(first).indicators):
            scores = tuple(pick(r).indicators[j].score for r in results)
            if len(set(scores)) > 1:
                found.append(Row(f"{name} · {indicator.name}", indicator.where, scores, ()))
    return found


def _project(index: int) -> Callable[[Result], TableResult]:
    """The project at ``index`` of a result."""
    return lambda result: result.projects[index]


def _department_table(result: Result) -> TableResult:
    """The department's own table, in a result of a file that has one."""
    table = result.department.table
    assert table is not None, "one file: scored with its own table under every rule set"
    return table
