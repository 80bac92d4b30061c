"""The figures of a drafted 自评报告, computed from a scored evaluation.

:func:`report_context` turns a :class:`~scoring.result.Result` into the records the templates
read (the names ``docs/reports.md`` lists): the department, its budget row, each project with
its scored rows, the projects' totals, the rule set, and the issues for 五、存在问题. Every
figure is taken from the result — money and scores stay :class:`~decimal.Decimal` until they are
formatted here, once, as the 自评表 prints them (money with two decimals, rates as percentages
with two, scores at the rule set's decimals) — so the report can only say what the tables say.
User text (names, targets, reasons) is passed on as written: each output format makes it inert.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from ..labels import grid_titles
from ..labels import method as method_title
from ..render import money, percent, plain, shown_score, shown_weight
from ..values import format_decimal
from .issues import SHOWN_ONLY, Issues, find_issues, missed

if TYPE_CHECKING:
    from ..result import CategoryResult, ExecutionResult, IndicatorResult, Result, TableResult
    from ..rules import RuleSet

# The execution rate below which spending counts as slow, when no rule set says otherwise: the
# 90 % that provincial rules (Sichuan 2023) and the ministry's system use.
DEFAULT_EXECUTION_LINE = Decimal("0.9")
FULL_MARKS = Decimal(100)  # a table's full marks when no rule set is given
ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Funds:
    """A 预算执行率 row as the form prints it: money in 万元 with two decimals, the rate as a
    percentage (``rate_value`` exact, for charts), the row's 分值 and 得分."""

    planned: str
    adjusted: str
    spent: str
    rate: str
    rate_value: Decimal
    weight: str
    score: str
    reason: str
    adjusted_differs: bool  # 全年预算数 is not 年初预算数: the budget was adjusted in the year


@dataclass(frozen=True)
class Row:
    """An indicator row of the form: its texts as filed, 分值 and 得分 as printed; ``missed``
    when it earned less than its weight, ``over`` when its actual is well above its target."""

    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: str
    score: str
    reason: str
    applicable: bool
    missed: bool
    over: bool
    breakdown: bool  # a 其中 row: a part of the row above, not an indicator of its own


@dataclass(frozen=True)
class Category:
    """A 一级指标 of a table, or of all projects together: its rows, 分值, 得分 and the share of
    the weight earned (``rate`` as a percentage, ``rate_value`` exact)."""

    name: str
    count: int
    weight: str
    score: str
    rate: str
    rate_value: Decimal


Cells = tuple[tuple[str, ...], ...]  # a table's rows, each a tuple of cell texts


@dataclass(frozen=True)
class Columns:
    """The column titles of the report's tables, in the form's words; each table's rows
    (``Table.grid`` …) have these cells in this order."""

    projects: tuple[str, ...] = ("项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率", "得分", "等级")  # fmt: skip
    targets: tuple[str, ...] = ("一级指标", "二级指标", "三级指标", "年度指标值", "分值")
    grid: tuple[str, ...] = field(default_factory=lambda: grid_titles(chinese=True))
    form: tuple[str, ...] = field(
        default_factory=lambda: (*grid_titles(chinese=True), "偏差原因分析及改进措施")
    )
    funds: tuple[str, ...] = ("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")  # fmt: skip
    # the department's own table's funds: the department's budget, not a project's
    own_funds: tuple[str, ...] = ("部门预算资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")  # fmt: skip


@dataclass(frozen=True)
class Total:
    """How a table's 总分 follows from its rows: ``rows`` is the 预算执行率 row's 得分 and every
    scored row's summed (what the table's 得分 column adds up to); ``weights`` the 分值 set,
    the execution row's with every row's, those not applicable too; ``full`` the 满分 the total
    is on (the lesser of ``weights`` and the rule set's full marks). When rows are not
    applicable (``dropped`` their 分值, ``dropped_rows`` their names) or ``weights`` exceed the
    full marks, ``rows`` is rescaled: ``rows`` × ``full`` / ``remaining`` = ``rescaled``; a cap
    (``capped``, below the execution rate ``cap_line``) then holds the total to ``score``."""

    rows: str
    weights: str
    full: str
    dropped: str
    dropped_rows: tuple[str, ...]
    remaining: str
    over: bool  # the 分值 set exceed the full marks
    rescaled: bool
    rescaled_score: str
    capped: bool
    cap_line: str  # "" when the rule set is not known
    score: str


@dataclass(frozen=True)
class Table:
    """A project (or the department's own table, ``own``): its number in the report
    (``ordinal`` 一、二 …), texts as filed, funds, rows, categories, and its total and grade; and
    its rows as table cells: ``targets`` (二、the indicators set), ``grid`` (四、scored, with the
    预算执行率 row first and the 总分 row last), ``form`` (附表, with the reasons) and
    ``funds_row``."""

    number: int
    own: bool  # the department's own 部门整体 table: the report speaks of it as the department
    department_scored: bool  # the department's score is this table's 总分 (method ``table``)
    ordinal: str
    name: str
    goal: str
    result: str
    weights_reason: str
    funds: Funds
    rows: tuple[Row, ...]
    missed: tuple[Row, ...]
    reduced: tuple[Row, ...]  # rows above their targets whose 得分 is below their 分值
    categories: tuple[Category, ...]
    set_categories: tuple[Category, ...]  # as set in 二: every indicator and its 分值
    inapplicable: tuple[Row, ...]  # rows not applicable: set, not scored
    breakdowns: int  # 其中 rows, shown and not scored
    indicator_count: int  # the indicators set: rows that are not a 其中 breakdown
    weight: str  # the 分值 set: execution weight and every row's 分值
    total: Total
    score: str
    score_value: Decimal
    grade: str
    targets: Cells
    grid: Cells
    form: Cells
    funds_row: tuple[str, ...]


@dataclass(frozen=True)
class Totals:
    """The projects together: how many, 全年预算数 and 全年执行数 summed, the rate of the sums."""

    count: int
    adjusted: str
    spent: str
    rate: str
    rate_value: Decimal


@dataclass(frozen=True)
class Department:
    """Whose report: name and year, its score and grade, and how the score was combined
    (``method``; ``convention`` when from projects, which no official text prescribes)."""

    name: str
    year: int
    score: str
    score_value: Decimal
    grade: str
    method: str
    method_title: str
    convention: bool
    explanation: str
    budgets_zero: bool  # weighted by budget was asked for, but the budgets add up to 0


@dataclass(frozen=True)
class Rules:
    """The rule set the scores follow: id, title, version, its basis, and its fingerprint
    (the first 12 hex digits of its SHA-256), by which the scores can be reproduced."""

    id: str
    title: str
    version: str
    basis: tuple[str, ...]
    fingerprint: str
    grades: tuple[tuple[str, str], ...]  # (grade, lower bound), highest first


@dataclass(frozen=True)
class Report:
    """Everything a report template reads, as the variable ``r``."""

    department: Department
    funds: Funds
    totals: Totals
    projects: tuple[Table, ...]
    own_table: Table | None
    completion: tuple[Category, ...]
    rules: Rules
    issues: Issues
    execution_line: str
    execution_line_value: Decimal
    date: str
    engine: str
    source: str
    indicator_count: int
    project_rows: Cells  # 一、the projects' funds and scores, with the 合计 row last
    columns: Columns


def report_context(
    result: Result, ruleset: RuleSet | None = None, *, date: datetime.date | None = None
) -> Report:
    """The report's records from ``result``; ``ruleset`` (the one it was scored under) adds the
    basis and the execution threshold (``checks.execution_reason_below``, else 90 %)."""
    line = execution_line(ruleset)
    projects = tuple(_table(i, p, result, ruleset) for i, p in enumerate(result.projects, start=1))
    table = result.department.table
    totals = _totals(result.projects)
    own = _table(len(projects) + 1, table, result, ruleset, own=True) if table is not None else None
    return Report(
        department=_department(result),
        funds=funds(result.department.execution),
        totals=totals,
        projects=projects,
        own_table=own,
        completion=_categories([p.categories for p in result.projects], result.projects),
        rules=_rules(result, ruleset),
        issues=find_issues(result, line),
        execution_line=f"{format_decimal(line * 100)}%",
        execution_line_value=line,
        date=chinese_date(date or datetime.date.today()),
        engine=result.engine_version,
        source=result.source,
        indicator_count=sum(p.indicator_count for p in projects),
        project_rows=_project_rows(projects, totals),
        columns=Columns(),
    )


def execution_line(ruleset: RuleSet | None) -> Decimal:
    """The execution rate below which the rule set asks for a reason (90 % by default)."""
    threshold = ruleset.checks.get("execution_reason_below") if ruleset is not None else None
    return Decimal(str(threshold)) if threshold is not None else DEFAULT_EXECUTION_LINE


def chinese_date(day: datetime.date) -> str:
    """A date as an official document writes it: 2024 年 4 月 9 日."""
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def ordinal(number: int) -> str:
    """一, 二 … 九十九: the numbers of the report's sub-sections (（一）招商经费)."""
    if number <= 10:
        return ORDINALS[number - 1]
    tens, units = divmod(number, 10)
    head = "" if tens == 1 else ORDINALS[tens - 1]
    return head + "十" + (ORDINALS[units - 1] if units else "")


def funds(execution: ExecutionResult) -> Funds:
    """A 预算执行率 row's figures as printed."""
    return Funds(
        planned=money(execution.planned),
        adjusted=money(execution.adjusted),
        spent=money(execution.spent),
        rate=percent(execution.rate),
        rate_value=execution.rate,
        weight=plain(execution.weight),
        score=str(execution.score),
        reason=execution.reason,
        adjusted_differs=execution.adjusted != execution.planned,
    )


def _department(result: Result) -> Department:
    department = result.department
    method = used_method(result)
    return Department(
        name=department.name,
        year=department.year,
        score=str(department.score),
        score_value=department.score,
        grade=department.grade,
        method=method,
        method_title=method_title(method, chinese=True),
        convention=method != "table",
        explanation=department.explanation,
        budgets_zero=department.method == "budget-weighted" and method == "mean",
    )


def used_method(result: Result) -> str:
    """How the department's score was combined: its method, except that a mean weighted by
    budgets that add up to 0 is the plain mean (as the scoring takes it)."""
    method = result.department.method
    if method == "budget-weighted" and not sum(
        (p.execution.adjusted for p in result.projects), Decimal(0)
    ):
        return "mean"
    return method


def _totals(projects: tuple[TableResult, ...]) -> Totals:
    """The projects' 全年预算数 and 全年执行数 summed, and the rate of the sums (0 for no budget)."""
    adjusted = sum((p.execution.adjusted for p in projects), Decimal(0))
    spent = sum((p.execution.spent for p in projects), Decimal(0))
    rate = spent / adjusted if adjusted else Decimal(0)
    return Totals(len(projects), money(adjusted), money(spent), percent(rate), rate)


def _table(
    number: int,
    table: TableResult,
    result: Result,
    ruleset: RuleSet | None = None,
    *,
    own: bool = False,
) -> Table:
    over = _over_achieving(result)
    rows = tuple(_row(indicator, indicator.where in over) for indicator in table.indicators)
    scored = tuple(row for row in rows if not row.breakdown)
    set_weight = table.execution.weight + sum((i.weight for i in table.indicators), Decimal(0))
    weight = plain(set_weight)
    money_row = funds(table.execution)
    total = _total(table, ruleset)
    return Table(
        number=number,
        own=own,
        department_scored=own and used_method(result) == "table",
        ordinal=ordinal(number),
        name=table.name,
        goal=table.goal,
        result=table.result,
        weights_reason=table.weights_reason,
        funds=money_row,
        rows=rows,
        missed=tuple(row for row in rows if row.missed),
        reduced=tuple(
            row
            for row, i in zip(rows, table.indicators, strict=True)
            if row.over and i.score is not None and i.score < i.weight
        ),
        categories=_categories([table.categories], [table]),
        set_categories=_set_categories(table),
        inapplicable=tuple(row for row in scored if not row.applicable),
        breakdowns=len(rows) - len(scored),
        indicator_count=len(scored),
        weight=weight,
        total=total,
        score=str(table.score),
        score_value=table.score,
        grade=table.grade,
        targets=tuple((r.level1, r.level2, r.name, r.target, r.weight) for r in rows),
        grid=(
            ("预算执行率", "", "", "", money_row.rate, money_row.weight, money_row.score),
            *((r.level1, r.level2, r.name, r.target, r.actual, r.weight, r.score) for r in rows),
            ("总分", "", "", "", "", total.full, str(table.score)),
        ),
        form=(
            (
                "预算执行率",
                "",
                "",
                "",
                money_row.rate,
                money_row.weight,
                money_row.score,
                money_row.reason,
            ),
            *(
                (r.level1, r.level2, r.name, r.target, r.actual, r.weight, r.score, r.reason)
                for r in rows
            ),
            ("总分", "", "", "", "", total.full, str(table.score), ""),
        ),
        funds_row=(
            "年度资金总额",
            money_row.planned,
            money_row.adjusted,
            money_row.spent,
            money_row.weight,
            money_row.rate,
            money_row.score,
        ),
    )


def _total(table: TableResult, ruleset: RuleSet | None) -> Total:
    """How the table's 总分 follows from its rows (see :class:`Total`), as the scoring reached
    it: the rows rescaled for those not applicable and for 分值 above the full marks, then
    capped."""
    execution = table.execution
    rows = execution.score + sum(
        (i.score for i in table.indicators if i.applicable and i.score is not None), Decimal(0)
    )
    weights = execution.weight + sum((i.weight for i in table.indicators), Decimal(0))
    most = ruleset.total if ruleset is not None else FULL_MARKS
    rescale = ruleset is None or ruleset.not_applicable == "rescale"
    dropped_rows = [i for i in table.indicators if i.method == "not-applicable"]
    dropped = sum((i.weight for i in dropped_rows), Decimal(0)) if rescale else Decimal(0)
    full = min(weights, most)
    remaining = weights - dropped
    rescaled = bool(dropped) or weights > most
    value = rows
    if rescaled and remaining > 0:
        exact = Fraction(rows) * Fraction(full) / Fraction(remaining)
        value = ruleset.round(exact) if ruleset is not None else _rounded(exact, table.score)
    capped = value != table.score
    return Total(
        rows=str(rows),
        weights=plain(weights),
        full=plain(full),
        dropped=plain(dropped),
        dropped_rows=tuple(i.name for i in dropped_rows) if dropped else (),
        remaining=plain(remaining),
        over=weights > most,
        rescaled=rescaled,
        rescaled_score=str(value),
        capped=capped,
        cap_line=_cap_line(execution.rate, ruleset) if capped else "",
        score=str(table.score),
    )


def _rounded(exact: Fraction, like: Decimal) -> Decimal:
    """``exact`` half up to the decimals of ``like`` (the rule set's, as the total has them)."""
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return value.quantize(like, ROUND_HALF_UP)


def _cap_line(rate: Decimal, ruleset: RuleSet | None) -> str:
    """The execution rate below which the rule set caps a total, of the caps that hold at
    ``rate`` the one with the lowest cap; "" when the rule set is not known."""
    if ruleset is None:
        return ""
    holding = [cap for cap in ruleset.caps if rate < Decimal(str(cap["execution_below"]))]
    if not holding:
        return ""
    cap = min(holding, key=lambda c: Decimal(str(c["max_score"])))
    return percent(Decimal(str(cap["execution_below"])))


def _set_categories(table: TableResult) -> tuple[Category, ...]:
    """Each 一级指标 as set in 二: its indicators (a 其中 row is none) and their 分值, those not
    applicable too; 得分 and the share earned as scored."""
    counts: dict[str, int] = {}
    weights: dict[str, Decimal] = {}
    for indicator in table.indicators:
        if indicator.method in SHOWN_ONLY:
            continue
        name = indicator.level1
        counts[name] = counts.get(name, 0) + 1
        weights[name] = weights.get(name, Decimal(0)) + indicator.weight
    scored = table.categories
    return tuple(
        _category(
            name,
            counts[name],
            weights[name],
            scored[name].score if name in scored else Decimal(0),
        )
        for name in counts
    )


def _project_rows(projects: tuple[Table, ...], totals: Totals) -> Cells:
    """一's table: each project's 全年预算数, 全年执行数, 执行率, 得分 and 等级, then 合计."""
    rows = tuple(
        (p.name, p.funds.adjusted, p.funds.spent, p.funds.rate, p.score, p.grade) for p in projects
    )
    return (*rows, ("合计", totals.adjusted, totals.spent, totals.rate, "", ""))


def _row(indicator: IndicatorResult, over: bool) -> Row:
    return Row(
        level1=indicator.level1,
        level2=indicator.level2,
        name=indicator.name,
        target=indicator.target,
        actual=indicator.actual,
        weight=shown_weight(indicator),
        score=shown_score(indicator, chinese=True),
        reason=indicator.reason,
        applicable=indicator.applicable,
        missed=missed(indicator, over),
        over=over,
        breakdown=indicator.method in SHOWN_ONLY,
    )


def _over_achieving(result: Result) -> set[str]:
    """The rows the scoring flagged as well above their targets, by key path."""
    return {f.where for f in result.findings if f.code == "over-achievement"}


def _categories(
    mappings: list, tables: tuple[TableResult, ...] | list[TableResult]
) -> tuple[Category, ...]:
    """Each 一级指标 over the given tables, in the order first met: rows counted, 分值 and 得分
    summed, and the share earned."""
    weights: dict[str, Decimal] = {}
    scores: dict[str, Decimal] = {}
    for categories in mappings:
        for name, category in categories.items():
            _add(weights, scores, name, category)
    counts: dict[str, int] = {}
    for table in tables:
        for indicator in table.indicators:
            if indicator.method not in SHOWN_ONLY:
                counts[indicator.level1] = counts.get(indicator.level1, 0) + 1
    return tuple(
        _category(name, counts.get(name, 0), weights[name], scores[name]) for name in weights
    )


def _add(weights: dict, scores: dict, name: str, category: CategoryResult) -> None:
    weights[name] = weights.get(name, Decimal(0)) + category.weight
    scores[name] = scores.get(name, Decimal(0)) + category.score


def _category(name: str, count: int, weight: Decimal, score: Decimal) -> Category:
    rate = score / weight if weight else Decimal(0)
    return Category(name, count, plain(weight), plain(score), percent(rate), rate)


def _rules(result: Result, ruleset: RuleSet | None) -> Rules:
    info = result.ruleset
    return Rules(
        id=info.id,
        title=info.title,
        version=info.version,
        basis=ruleset.basis if ruleset is not None else (),
        fingerprint=info.sha256[:12],
        grades=tuple((name, plain(bound)) for name, bound in info.grades),
    )
