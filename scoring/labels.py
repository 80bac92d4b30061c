"""The evaluator's names for the tool's identifiers — methods, ways of combining a department,
finding codes, severities — and the 自评表's own column titles.

Identifiers stay stable in JSON and in rule sets (``ratio``, ``recorded-score-mismatch``);
what a person reads — a workbook, a summary — names them as the 自评表 and its reviewers do
(比例计分, 自评得分与规则不符). An identifier of a plugin's own, not listed here, is shown as it is.
"""

from __future__ import annotations

# The 绩效指标 grid of the 自评表, in the form's own words and order (without its last column).
GRID_TITLES = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")

METHODS = {
    "ratio": "比例计分",
    "reverse-linear": "反向线性计分",
    "reverse-ratio": "反向比例计分",
    "equal": "等值计分",
    "tiers": "定性分档计分",
    "proportional": "按执行率计分",
    "bands": "分档计分",
    "deadline": "时限计分",
    "judgement": "评价人判断",
    "not-applicable": "不适用",
    "breakdown": "其中项，不计分",
    "empty": "空行，不计分",
    "table": "部门整体自评表",
    "budget-weighted": "按预算加权",
    "mean": "简单平均",
}

FINDINGS = {
    "check-failed": "复核检查出错，未执行",
    "recorded-score-mismatch": "自评得分与规则不符",
    "recorded-grade-mismatch": "自评等级与规则不符",
    "score-above-weight": "得分超过分值",
    "score-outside-band": "定性得分不在档内",
    "reason-missing": "未说明原因",
    "over-achievement": "完成值高于指标值较多",
    "evaluator-judgement": "由评价人判断",
    "deduction-ignored": "扣减分数未采用",
    "weights-total": "分值合计不为满分",
    "weights-missing": "未填写分值",
    "category-missing": "缺少一级指标",
    "execution-low": "执行率偏低",
    "adjustment-unexplained": "预算调整未说明",
    "spent-over-budget": "执行数超过预算",
    "budget-zero": "预算数为零",
    "projects-over-department": "项目预算超过部门预算",
    "actual-not-numeric": "定量指标填了文字",
    "score-capped": "总分封顶",
    "total-not-sum": "总分不等于各行之和",
    "spending-results-mismatch": "产出效益与资金使用不匹配",
    "qualitative-for-number": "应为定量指标",
    "targets-equal-actuals": "实际完成值全部等于指标值",
    "placeholder-left": "模板占位文字未替换",
    "weights-off-default": "分值与默认不同且未说明",
    "operator-inferred": "按反向指标计分",
    "deadline-late": "未按时完成",
    "values-blank": "指标值未填写",
    "row-not-scored": "不计分的行",
    "read-assumption": "读取说明",
    "stated-figure-mismatch": "报告数字前后不符",
    "report-table-mismatch": "报告与自评表不符",
}

SEVERITIES = {"error": "错误", "warning": "警告", "info": "提示"}


def method(identifier: str) -> str:
    """A method's or a department method's title: ``ratio`` → 比例计分."""
    return METHODS.get(identifier, identifier)


def finding(code: str) -> str:
    """A finding code's title: ``execution-low`` → 执行率偏低."""
    return FINDINGS.get(code, code)
