"""A key path named as on the 自评表, for a message about a file that was a form.

A TOML or JSON file is written by key, so its messages name the key path
(``projects[0].indicators[5].actual``). A workbook is a form: its user never saw a key, so a
message names the place as the form does, counted from 1 — ``第 1 个项目 · 第 6 项指标「工程验收合格率」 ·
实际完成值`` — beside the cell.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .i18n import _


def fields() -> dict[str, str]:
    """The form's names of the keys a message can point at (the column titles of the 自评表 and
    the budget rows' captions), in the current language."""
    return {
        "level1": _("level-1 indicator"),
        "level2": _("level-2 indicator"),
        "name": _("name"),
        "target": _("annual target"),
        "actual": _("actual value"),
        "weight": _("weight"),
        "score": _("score"),
        "reason": _("reason for deviation"),
        "applicable": _("applicable?"),
        "deduction": _("deduction"),
        "grade": _("grade"),
        "goal": _("overall annual goal"),
        "result": _("what was achieved"),
        "weights_reason": _("reason for the weights"),
        "year": _("year"),
        "budget": _("budget execution"),
        "planned": _("budget at the start of the year"),
        "adjusted": _("full-year budget"),
        "spent": _("full-year spending"),
        "department": _("department"),
        "indicators": _("performance indicators"),
        "projects": _("projects"),
    }


_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def form_place(where: str, data: Any = None) -> str:
    """``where`` (a key path) as the form names it, each project and indicator counted from 1
    and named as filed when ``data`` — the evaluation as read (a mapping) or as loaded (a
    :class:`scoring.model.Evaluation`) — holds its name. A path this does not know is returned
    as it is."""
    parts: list[str] = []
    names = fields()
    node: Any = data
    for step in where.split("."):
        match = _STEP.fullmatch(step)
        if match is None:
            return where
        key, index = match.group(1), match.group(2)
        node = _child(node, key)
        if index is None:
            if key not in names:
                return where
            parts.append(names[key])
            continue
        number = int(index)
        node = node[number] if isinstance(node, list | tuple) and number < len(node) else None
        parts.append(_numbered(key, number, node, names))
    return " · ".join(parts) if parts else where


def _child(node: Any, key: str) -> Any:
    """A key of the data as read, or an attribute of the evaluation as loaded."""
    if isinstance(node, Mapping):
        return node.get(key)
    return getattr(node, key, None) if node is not None else None


def _numbered(key: str, index: int, node: Any, names: dict[str, str]) -> str:
    """``projects[0]`` → 第 1 个项目; ``indicators[5]`` → 第 6 项指标「name」."""
    name = _child(node, "name")
    named = isinstance(name, str) and bool(name.strip())
    if key == "projects":  # its sheet or its row in the cell names it already
        return _("project {number}").format(number=index + 1)
    if key == "indicators":
        if named:
            return _("indicator {number} “{name}”").format(number=index + 1, name=name)
        return _("indicator {number}").format(number=index + 1)
    field = names.get(key, key)
    if named:
        return _("{field} item {number} “{name}”").format(field=field, number=index + 1, name=name)
    return _("{field} item {number}").format(field=field, number=index + 1)
