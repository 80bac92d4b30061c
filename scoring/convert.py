"""An evaluation written out again: as TOML (what a user reads and fixes), JSON, or a 自评表
workbook. ``scoring convert`` reads a file with any reader and writes it with these, so a user
can see what was understood of a spreadsheet, fix it, and go back."""

from __future__ import annotations

import json
from typing import Any

from .result import jsonable

HEADER = "# {source} as scoring read it (scoring convert). Money is in 万元."
TEMPLATE_HEADER = (
    "# A blank 自评表 (scoring template): replace the （…） placeholders and the example rows.\n"
    "# Targets are written as on the form (≥95%, ≤90万元, =42个, 效果明显); money is in 万元;\n"
    "# one [[projects]] table per project. `scoring schema evaluation` lists every key."
)


def to_toml(data: dict, source: str = "", notes=(), header: str | None = None) -> str:
    """The evaluation as a TOML file (written by tomli-w, so it is valid TOML whatever the
    texts hold), under a header saying where it came from and what reading it assumed."""
    import tomli_w

    lines = [header or HEADER.format(source=source or "this evaluation")]
    lines += [f"# note: {where}: {note}".replace("\n", " ") for where, note in notes]
    return "\n".join(lines) + "\n\n" + tomli_w.dumps(_plain(data))


def _plain(value: Any) -> Any:
    """The data as tomli-w writes it: plain dicts and lists, no empty values (TOML has none)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_json(data: dict) -> str:
    """The evaluation as JSON: numbers as JSON numbers, Chinese unescaped."""
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
