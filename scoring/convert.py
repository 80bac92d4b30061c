"""An evaluation written out again: as TOML (what a user reads and fixes), JSON, or a 自评表
workbook. ``scoring convert`` reads a file with any reader and writes it with these, so a user
can see what was understood of a spreadsheet, fix it, and go back."""

from __future__ import annotations

import json
from decimal import Decimal

from .result import jsonable
from .values import format_decimal

HEADER = "# {source} as scoring read it (scoring convert). Money is in 万元."
TEMPLATE_HEADER = (
    "# A blank 自评表 (scoring template): replace the （…） placeholders and the example rows.\n"
    "# Targets are written as on the form (≥95%, ≤90万元, =42个, 效果明显); money is in 万元;\n"
    "# one [[projects]] table per project. `scoring schema evaluation` lists every key."
)


def toml_key(key: str) -> str:
    """A TOML key: bare when it can be, quoted otherwise (\"≥\", \"产出指标\")."""
    import re

    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def toml_value(value) -> str:
    """A TOML value on one line: tables inline, numbers as their exact digits."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format_decimal(value) if value == value.to_integral_value() else str(value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # JSON string escapes are valid TOML


def _table(header: str, data: dict, skip: tuple = ()) -> list[str]:
    lines = [header]
    lines += [
        f"{toml_key(k)} = {toml_value(v)}"
        for k, v in data.items()
        if k not in skip and v is not None
    ]
    return [*lines, ""]


def to_toml(data: dict, source: str = "", notes=(), header: str | None = None) -> str:
    """The evaluation as a TOML file in the layout of the documentation."""
    lines = [header or HEADER.format(source=source or "this evaluation")]
    lines += [f"# note: {where}: {note}" for where, note in notes]
    lines.append("")
    department = data.get("department", {})
    lines += _table("[department]", department, skip=("indicators",))
    for indicator in department.get("indicators", ()):
        lines += _table("[[department.indicators]]", indicator)
    for project in data.get("projects", ()):
        lines += _table("[[projects]]", project, skip=("indicators",))
        for indicator in project.get("indicators", ()):
            lines += _table("[[projects.indicators]]", indicator)
    return "\n".join(lines)


def to_json(data: dict) -> str:
    return json.dumps(jsonable(dict(data)), ensure_ascii=False, indent=2) + "\n"


def template_evaluation(year: int) -> dict:
    """The example rows of a TOML 自评表 template: an evaluation that validates and scores."""
    return {
        "department": {
            "name": "（单位名称）",
            "year": year,
            "budget": {"planned": 0, "adjusted": 0, "spent": 0},
        },
        "projects": [
            {
                "name": "（项目名称）",
                "budget": {"planned": 0, "adjusted": 0, "spent": 0},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": "（示例）培训人次",
                        "target": "≥100人次",
                        "actual": "100人次",
                        "weight": 50,
                    },
                    {
                        "level1": "效益指标",
                        "level2": "社会效益指标",
                        "name": "（示例）政策知晓率",
                        "target": "≥90%",
                        "actual": "95%",
                        "weight": 30,
                    },
                    {
                        "level1": "满意度指标",
                        "level2": "服务对象满意度指标",
                        "name": "（示例）服务对象满意度",
                        "target": "≥90%",
                        "actual": "92%",
                        "weight": 10,
                    },
                ],
            }
        ],
    }
