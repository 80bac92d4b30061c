"""Effective weights (分值) of a table's indicators.

Explicit weights are used as filed; weights adding up to more than full marks are rescaled
by the scorer (or refused, as the rule set says). When no indicator carries one, each 一级指标
takes the rule set's default weight — after the weight of a category the table lacks has moved
to the categories ``missing`` names, in proportion — and splits it equally among its
indicators. Rows that carry no points (a 其中 breakdown, an empty row) take none.

Splits are made in the rule set's quantum (0.01 for two decimals) by largest remainder, so the
weights printed add up exactly and no indicator can score more than its printed weight: 50
among three indicators is 16.67 + 16.67 + 16.66, not three unrounded thirds whose rounded
scores would print 50.01. (SPEC §1 says "unrounded"; README explains this deviation.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from .errors import InputError
from .frozen import record
from .i18n import _, current
from .model import Budget, Indicator, Table
from .rules import RuleSet
from .values import format_decimal


@record
class WeightNote:
    """A finding the weighting raises: ``weights-total`` or ``category-missing``."""

    code: str
    severity: str
    where: str
    message: str


def enumeration(items: Iterable[str]) -> str:
    """``items`` as a list in a sentence: ``执行 +3、效益 +2`` in Chinese, ``a, b`` in English."""
    items = iter(items)
    text = next(items, "")
    if text:
        more = _("{earlier}, {item}")  # one more item of a list: 「{earlier}、{item}」
        for item in items:
            text = more.format(earlier=text, item=item)
    return text


def apportion(amount: Decimal, shares: list[Decimal], quantum: Decimal) -> list[Decimal]:
    """Split ``amount`` in proportion to ``shares``, in whole quanta that add up to ``amount``."""
    total = sum(shares, Decimal(0))
    if not shares:
        return []
    if total == 0:
        shares, total = [Decimal(1)] * len(shares), Decimal(len(shares))
    exact = [amount * share / total for share in shares]
    floors = [value.quantize(quantum, rounding=ROUND_DOWN) for value in exact]
    left = int(((amount - sum(floors, Decimal(0))) / quantum).to_integral_value())
    # The largest remainders take one more quantum each; ties go to the earlier row.
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += quantum
    return floors


def effective_weights(table: Table, ruleset: RuleSet) -> tuple[list[Decimal], list[WeightNote]]:
    """The weight of every indicator of ``table``, in order, and what a reviewer should know."""
    counted = [ind for ind in table.indicators if ind.counted]
    weighted = [ind.weight is not None for ind in counted]
    if all(weighted):
        weights = [ind.weight for ind in counted if ind.weight is not None]  # every one of them
        notes = _check_total(table, weights, ruleset)
    elif any(weighted):
        first = counted[weighted.index(False)]
        if not first.applicable:  # 不适用 with its 分值 left blank or /: the others' basis
            raise InputError(
                _(
                    "「{name}」 is not applicable and has no weight (分值): the other rows are "
                    "rescaled by the points it would have carried"
                ).format(name=first.name),
                f"{first.where}.weight",
                _("write its 分值 as the table gave it (the row stays not applicable)"),
                code="weights-partial",
            )
        raise InputError(
            _("some indicators of this table have a weight (分值) and some do not"),
            first.where,
            _("give every indicator its weight, or none of them to use the rule set's defaults"),
            code="weights-partial",
        )
    else:
        weights, notes = _default_weights(table, counted, ruleset)
        if counted and not any(ind.score is not None for ind in counted):
            notes.append(_defaults_used(table, counted, weights))
        if any(ind.score is not None for ind in counted):
            notes.append(
                WeightNote(
                    "weights-missing",
                    "warning",
                    table.where or "department",
                    _(
                        "the rows have scores but no weights: scored with the rule set's default "
                        "weights, so the weights the filed scores assumed are unknown; fill in "
                        "the weights"
                    ),
                )
            )
    if len(weights) == len(table.indicators):  # every row carries points: the usual table
        return weights, notes
    given = iter(weights)
    return [next(given) if ind.counted else Decimal(0) for ind in table.indicators], notes


# The key path of the department's own budget row, whose table may weight its execution row.
DEPARTMENT_BUDGET = "department.budget"


def execution_weight(budget: Budget, ruleset: RuleSet) -> Decimal:
    """The 分值 of a table's 预算执行率 row: the rule set's (第十七条: 10 of a project's 100),
    whatever a project's form files (``execution-weight-filed`` says where they differ) —
    except on the department's own 部门整体 table, which weights it itself where it files one
    (财预〔2013〕53号 leaves those weights to each province; 20 of 100 is common): that one."""
    if budget.weight is not None and budget.where == DEPARTMENT_BUDGET:
        if budget.weight >= ruleset.total:  # nothing left for the indicators, or less
            raise InputError(
                _(
                    "the 预算执行率 row's 分值 {weight} leaves nothing of full marks ({full})"
                ).format(weight=format_decimal(budget.weight), full=format_decimal(ruleset.total)),
                f"{budget.where}.weight",
                _("write the 分值 the table gives the 预算执行率 row, e.g. 20"),
                code="weights-over-total",
            )
        return budget.weight
    return ruleset.execution["weight"]


def _check_total(table: Table, weights: list[Decimal], ruleset: RuleSet) -> list[WeightNote]:
    execution = execution_weight(table.budget, ruleset)
    total = execution + sum(weights, Decimal(0))
    if total == ruleset.total:
        return []
    where = table.where or "department"
    figures = {
        "total": format_decimal(total),
        "execution": format_decimal(execution),
        "indicators": format_decimal(total - execution),
        "full": format_decimal(ruleset.total),
    }
    filed = _filed_execution(table, execution, total)
    if total < ruleset.total:
        message = _(
            "the weights add up to {total} (budget execution rate {execution} + indicators "
            "{indicators}), not {full}; scored with the weights as filed, not rescaled"
        )
        return [WeightNote("weights-total", "warning", where, message.format(**figures) + filed)]
    if ruleset.data["weights"]["over_total"] == "refuse":
        raise InputError(
            _("the weights (分值) add up to {total}, more than full marks ({full})").format(
                total=format_decimal(total), full=format_decimal(ruleset.total)
            ),
            where,
            _(
                "correct the 分值 so that they add up to full marks, or use a rule set with "
                '[weights] over_total = "rescale"'
            ),
            code="weights-over-total",
        )
    # rows not applicable leave the total (the scorer's _rescaled): what remains is rescaled
    dropped = Decimal(0)
    if ruleset.not_applicable == "rescale":
        counted = [ind for ind in table.indicators if ind.counted]  # as ``weights`` are
        dropped = sum((w for ind, w in zip(counted, weights) if not ind.applicable), Decimal(0))
    figures |= {"dropped": format_decimal(dropped), "remaining": format_decimal(total - dropped)}
    if not dropped:
        message = _(
            "the weights add up to {total} (budget execution rate {execution} + indicators "
            "{indicators}), not {full}; the total is rescaled by {full} / {total} so as not "
            "to exceed full marks"
        )
    elif total - dropped == ruleset.total:
        message = _(
            "the weights add up to {total} (budget execution rate {execution} + indicators "
            "{indicators}), not {full}; {dropped} of them are on rows not applicable, left out, "
            "and the rest add up to {full}: the total is not rescaled"
        )
    else:
        message = _(
            "the weights add up to {total} (budget execution rate {execution} + indicators "
            "{indicators}), not {full}; {dropped} of them are on rows not applicable, left out, "
            "and the total is rescaled by {full} / {remaining} so as not to exceed full marks"
        )
    return [WeightNote("weights-total", "warning", where, message.format(**figures) + filed)]


def _filed_execution(table: Table, execution: Decimal, total: Decimal) -> str:
    """What the table's own 分值 for its 预算执行率 row, where it files one other than the rule
    set's ``execution``, does to the total (20 filed: 80 of indicators add up to 100 with it):
    the weights-total note counts the rule set's, and the unit's form adds up with its own."""
    filed = table.budget.weight
    if filed is None or filed == execution:
        return ""
    return _(
        "; with the 预算执行率 row's {filed} as filed they add up to {filed_total}, but the rule "
        "set scores that row on {execution} (execution-weight-filed)"
    ).format(
        filed=format_decimal(filed),
        filed_total=format_decimal(total - execution + filed),
        execution=format_decimal(execution),
    )


def _defaults_used(table: Table, counted: list[Indicator], weights: list[Decimal]) -> WeightNote:
    """The note that no row of a table has its 分值: the rule set's defaults, by 一级指标, are
    what was scored (a reviewer reading 50 / 30 / 10 in the table should not think them filed)."""
    by_category: dict[str, Decimal] = {}
    for ind, weight in zip(counted, weights):
        by_category[ind.level1] = by_category.get(ind.level1, Decimal(0)) + weight
    return WeightNote(
        "weights-default",
        "info",
        table.where or "department",
        _("no weights (分值) filed: scored with the rule set's default weights, {weights}").format(
            weights=enumeration(f"{name} {format_decimal(w)}" for name, w in by_category.items())
        ),
    )


def _default_weights(
    table: Table, counted: list[Indicator], ruleset: RuleSet
) -> tuple[list[Decimal], list[WeightNote]]:
    categories = ruleset.categories
    present = list(dict.fromkeys(ind.level1 for ind in counted))
    for ind in counted:
        if ind.level1 not in categories:
            raise InputError(
                _("一级指标 {name} has no default weight in rule set {id}").format(
                    name=repr(ind.level1), id=repr(ruleset.id)
                ),
                f"{ind.where}.level1",
                _(
                    "give every indicator of this table a weight, or use a rule set that weights "
                    "this category; weighted here: {categories}"
                ).format(categories=", ".join(categories)),
                code="category-unknown",
            )
    category_weight, notes = table_default_weights(table, present, ruleset)
    counts = {name: sum(1 for ind in counted if ind.level1 == name) for name in present}
    splits = {
        name: iter(apportion(category_weight[name], [Decimal(1)] * counts[name], ruleset.quantum))
        for name in present
    }
    return [next(splits[ind.level1]) for ind in counted], notes


def table_default_weights(
    table: Table, present: list[str], ruleset: RuleSet
) -> tuple[dict[str, Decimal], list[WeightNote]]:
    """:func:`default_category_weights` for ``table``: where the department's own table weights
    its execution row itself (20, :func:`execution_weight`), the rule set's category weights
    share what is left of the total (80) in their proportions (50 / 30 / 10 → 44.44 / 26.67 /
    8.89) before a missing category's is passed on or lost, as the rule set says."""
    execution = execution_weight(table.budget, ruleset)
    own = None if execution == ruleset.execution["weight"] else execution
    return default_category_weights(present, ruleset, table.where or "department", own)


def default_category_weights(
    present: list[str], ruleset: RuleSet, where: str, execution: Decimal | None = None
) -> tuple[dict[str, Decimal], list[WeightNote]]:
    """The default weight of each category a table has, after ``missing`` moved the weight of
    the categories it lacks; ``execution``: the table's own execution weight where it is not
    the rule set's (the categories then share the rest). The same for every table with these
    categories: worked out once per rule set, execution weight and language (the notes are
    words)."""
    key = ("category-weights", tuple(present), current(), execution)
    weights, notes = ruleset.remember(key, lambda: _category_weights(present, ruleset, execution))
    return dict(weights), [replace(note, where=where) for note in notes]


def _categories_sharing(ruleset: RuleSet, execution: Decimal | None) -> dict[str, Decimal]:
    """The rule set's category weights, or, beside an execution weight of the table's own,
    what it leaves of the total shared in their proportions."""
    categories = dict(ruleset.categories)
    if execution is None:
        return categories
    names = list(categories)
    shares = [categories[name] for name in names]
    return dict(zip(names, apportion(ruleset.total - execution, shares, ruleset.quantum)))


def _category_weights(
    present: list[str], ruleset: RuleSet, execution: Decimal | None = None
) -> tuple[dict[str, Decimal], tuple[WeightNote, ...]]:
    """:func:`default_category_weights`, its notes not yet placed (``where`` empty)."""
    categories = _categories_sharing(ruleset, execution)
    notes: list[WeightNote] = []
    category_weight = {name: categories[name] for name in present}
    for lacking in categories:
        if lacking in present or categories[lacking] == 0:
            continue
        receivers = [c for c in ruleset.missing.get(lacking, ()) if c in present]
        if not receivers:
            notes.append(
                WeightNote(
                    "category-missing",
                    "warning",
                    "",
                    _(
                        "no “{category}” indicators: its default weight {weight} goes to no other "
                        "category, so full marks cannot reach {full}"
                    ).format(
                        category=lacking,
                        weight=format_decimal(categories[lacking]),
                        full=format_decimal(ruleset.total),
                    ),
                )
            )
            continue
        shares = apportion(categories[lacking], [categories[c] for c in receivers], ruleset.quantum)
        for receiver, share in zip(receivers, shares):
            category_weight[receiver] += share
        notes.append(
            WeightNote(
                "category-missing",
                "info",
                "",
                _(
                    "no “{category}” indicators: its weight {weight} is shared in proportion "
                    "among {receivers}"
                ).format(
                    category=lacking,
                    weight=format_decimal(categories[lacking]),
                    receivers=enumeration(
                        f"{c} +{format_decimal(s)}" for c, s in zip(receivers, shares)
                    ),
                ),
            )
        )
    return category_weight, tuple(notes)
