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

# The form's names of the keys a message can point at (the column titles of the 自评表 and the
# budget rows' captions).
FIELDS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "名称",
    "target": "年度指标值",
    "actual": "实际完成值",
    "weight": "分值",
    "score": "得分",
    "reason": "偏差原因分析",
    "applicable": "是否适用",
    "deduction": "扣减分数",
    "grade": "等级",
    "goal": "年度总体目标",
    "result": "实际完成情况",
    "weights_reason": "分值调整说明",
    "year": "年度",
    "budget": "预算执行情况",
    "planned": "年初预算数",
    "adjusted": "全年预算数",
    "spent": "全年执行数",
    "department": "部门",
    "indicators": "绩效指标",
    "projects": "项目",
}

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def form_place(where: str, data: Any = None) -> str:
    """``where`` (a key path) as the form names it, each project and indicator counted from 1
    and named as filed when ``data`` — the evaluation as read (a mapping) or as loaded (a
    :class:`scoring.model.Evaluation`) — holds its name. A path this does not know is returned
    as it is."""
    parts: list[str] = []
    node: Any = data
    for step in where.split("."):
        match = _STEP.fullmatch(step)
        if match is None:
            return where
        key, index = match.group(1), match.group(2)
        node = _child(node, key)
        if index is None:
            if key not in FIELDS:
                return where
            parts.append(FIELDS[key])
            continue
        number = int(index)
        node = node[number] if isinstance(node, list | tuple) and number < len(node) else None
        parts.append(_numbered(key, number, node))
    return " · ".join(parts) if parts else where


def _child(node: Any, key: str) -> Any:
    """A key of the data as read, or an attribute of the evaluation as loaded."""
    if isinstance(node, Mapping):
        return node.get(key)
    return getattr(node, key, None) if node is not None else None


def _numbered(key: str, index: int, node: Any) -> str:
    """``projects[0]`` → 第 1 个项目; ``indicators[5]`` → 第 6 项指标「name」."""
    name = _child(node, "name")
    shown = f"「{name}」" if isinstance(name, str) and name.strip() else ""
    if key == "projects":  # its sheet or its row in the cell names it already
        return f"第 {index + 1} 个项目"
    if key == "indicators":
        return f"第 {index + 1} 项指标{shown}"
    return f"{FIELDS.get(key, key)} 第 {index + 1} 项{shown}"
