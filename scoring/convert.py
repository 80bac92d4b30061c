"""An evaluation written out again: as TOML (what a user reads and fixes), JSON, or a 自评表
workbook. ``scoring convert`` reads a file with any reader and writes it with these, so a user
can see what was understood of a spreadsheet, fix it, and go back."""

from __future__ import annotations

import json
from typing import Any

from .i18n import _
from .result import jsonable

# The TOML 自评表 a user fills in: commented in the evaluators' language, every optional key
# shown (commented out, so that the template as written validates and scores). Written by
# hand rather than by tomli-w, which cannot write comments. {year} is the budget year.
TEMPLATE_TOML = """\
# 预算绩效自评表（scoring template 生成）。把（…）占位文字和示例行换成本单位的内容后，
# 用 `scoring score 文件名.toml` 计分。金额单位为万元；年度指标值按表上写法填写
# （≥95%、≤90万元、=42个、效果明显）。全部键名及说明：`scoring schema evaluation`。

[department]
name = "（单位名称）"
year = {year}                   # 预算年度
# goal = "（部门整体年度绩效目标）"
# result = "（部门整体实际完成情况）"

[department.budget]             # 部门预算（各项目合计）
planned = 0                     # 年初预算数
adjusted = 0                    # 全年预算数（调整后）
spent = 0                       # 全年执行数
# score = 10                    # 预算执行率一行的自评得分（只用于复核，不作为计分依据）
# reason = "（执行率偏低的原因）"

# 每个项目一个 [[projects]]，其下每个三级指标一个 [[projects.indicators]]。
[[projects]]
name = "（项目名称）"
# goal = "（年度总体目标）"
# result = "（实际完成情况）"
# score = 95                    # 项目自评总分（只用于复核）
# grade = "优"                  # 项目自评等级（只用于复核）
# weights_reason = "（分值与规则默认权重不同时，说明调整理由）"

[projects.budget]
planned = 0                     # 年初预算数
adjusted = 0                    # 全年预算数
spent = 0                       # 全年执行数
# score = 10                    # 预算执行率自评得分
# reason = "（偏差原因分析及改进措施）"

[[projects.indicators]]
level1 = "产出指标"             # 一级指标
level2 = "数量指标"             # 二级指标
name = "（示例）培训人次"       # 三级指标
target = "≥100人次"             # 年度指标值
actual = "100人次"              # 实际完成值
weight = 50                     # 分值
# score = 50                    # 自评得分（只用于复核，计分以规则为准）
# reason = "（偏差原因分析及改进措施）"
# applicable = false            # 本年度不适用的指标：不计分，其分值按规则处理
# deduction = 2                 # 扣减分数（规则集规定扣分时填写，如广西）

[[projects.indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "（示例）政策知晓率"
target = "≥90%"
actual = "95%"
weight = 30

[[projects.indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "（示例）服务对象满意度"
target = "≥90%"
actual = "92%"
weight = 10
"""


def template_toml(year: int) -> str:
    """The TOML 自评表 template for budget year ``year``: Chinese comments, every optional key
    shown commented out; as written it validates and scores (the example rows)."""
    return TEMPLATE_TOML.format(year=year)


def to_toml(data: dict, source: str = "", notes=(), header: str | None = None) -> str:
    """The evaluation as a TOML file (written by tomli-w, so it is valid TOML whatever the
    texts hold), under a header saying where it came from and what reading it assumed."""
    import tomli_w

    lines = [
        header
        or _("# {source} as scoring read it (scoring convert). Money is in 万元.").format(
            source=source or _("this evaluation")
        )
    ]
    lines += [
        _("# note: {where}: {note}").format(where=note[0], note=note[1]).replace("\n", " ")
        for note in notes
    ]
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
