"""Score one table — a project, or the department's own — from its rows and a rule set.

Pure: data in (a :class:`~scoring.model.Table`, a :class:`~scoring.rules.RuleSet`, the
registered methods), data out (a :class:`~scoring.result.TableResult` and findings). No I/O,
no global state. Every number comes from the rule set; a score is ``round(weight × rate)`` —
the rate exact, rounded once — unless a policy of the rule set takes a filed score or takes
points off, and a total is the sum of its rounded parts before not-applicable rows and weights
above full marks are rescaled and caps applied.

How a row is read before a method scores it: a deadline (6月底前) by the time grammar of
:mod:`scoring.deadlines`; words by the rule set's vocabulary (:mod:`scoring.words`); numbers in
one unit by the unit table, a fraction against a percentage refused; a bare target on a row
whose name marks a limit (预算调整率) read as ≤, said so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from fnmatch import fnmatchcase
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING

from .errors import InputError, PluginError, RulesetError
from .i18n import _
from .methods import (
    MethodInput,
    Qualitative,
    Quantitative,
    Rating,
    Row,
    as_decimal,
    rating_breach,
    share,
)
from .model import Budget, Indicator, Table
from .policies import Outcome, apply_policies, no_formula
from .result import (
    CategoryResult,
    ExecutionResult,
    Finding,
    IndicatorResult,
    TableResult,
    read_only,
)
from .rules import RuleSet
from .schemas import ProblemList
from .values import (
    GE,
    GT,
    LE,
    LT,
    RANGE,
    TIME_FAMILIES,
    Quantity,
    Target,
    ValueProblem,
    align_units,
    cut,
    is_blank,
    normalise,
    percent,
    percent_below,
    quoted,
    text_key,
)
from .values import format_decimal as fmt
from .weights import effective_weights, execution_weight

if TYPE_CHECKING:
    from .deadlines import Readings

ZERO, ONE = Decimal(0), Decimal(1)


class Texts:
    """The messages scoring a row may need, each translated the first time it is: once for the
    rows of an evaluation (its :class:`Context` keeps one), not once for each row."""

    @cached_property
    def full_marks(self) -> str:
        return _("{method_words}, full marks {score}")

    @cached_property
    def no_marks(self) -> str:
        return _("{method_words}: {score}")

    @cached_property
    def not_applicable(self) -> str:
        return _("not applicable: not scored")

    @cached_property
    def not_applicable_rescaled(self) -> str:
        return _("not applicable: not scored, and the total is rescaled")

    @cached_property
    def read_as(self) -> str:
        return _("actual value “{actual}” {how}: ")

    @cached_property
    def words_for_a_number(self) -> str:
        return _(
            "the actual value of a quantitative indicator is written “{actual}”: scored as "
            "the qualitative tier “{tier}”; fill in the actual figure"
        )

    @cached_property
    def on_time(self) -> str:
        return _("{reading}: on time")

    @cached_property
    def late(self) -> str:
        return _("“{name}”: {reading}: not on time, scored as “{late}”")

    @cached_property
    def late_lead(self) -> str:
        return _("{reading}: not on time; ")

    @cached_property
    def under(self) -> str:
        return _("it is under “{word}”")

    @cached_property
    def named(self) -> str:
        return _("its name contains “{word}”")

    @cached_property
    def reverse(self) -> str:
        return _(
            "“{name}”: {marked}, so it is a reverse indicator: the target “{target}” is "
            "scored as “{limit}”"
        )

    @cached_property
    def reverse_lead(self) -> str:
        return _("{marked}, so scored as {limit}: ")

    @cached_property
    def within_range(self) -> str:
        return _("actual {actual} is within the range {target}")

    @cached_property
    def below_range(self) -> str:
        return _("actual {actual} is below the range {target}, so scored as {bound}: ")

    @cached_property
    def above_range(self) -> str:
        return _("actual {actual} is above the range {target}, so scored as {bound}: ")

    @cached_property
    def outside_tolerance(self) -> str:
        return _("actual {actual} is outside {target}: its size {size} is scored as {bound}: ")

    @cached_property
    def maybe_reverse(self) -> str:
        return _(
            "“{name}”: {marked}, so it may be a reverse indicator; the target “{target}” is "
            "still scored as “{op}”; if it is an upper limit, write “{limit}”"
        )

    @cached_property
    def time_by_default(self) -> str:
        return _(
            "“{name}”: the target “{target}” is a time without ≤ or ≥ and no word of its row "
            "says whether it is a limit or a length kept, so it is scored as “{limit}”; write "
            "“≤{target}” if it is at most that long, “≥{target}” if at least"
        )

    @cached_property
    def time_by_default_lead(self) -> str:
        return _("no word of its row says a limit or a length kept, so scored as {limit}: ")

    @cached_property
    def bound_lead(self) -> str:
        return _(
            "actual value “{actual}” is a bound, which its figure {figure} shows meets the target: "
        )

    @cached_property
    def by_default(self) -> str:
        return _(
            "“{name}”: the target “{target}” has no sign and no word of its row says whether more "
            "or less is better, so it is scored as “{limit}”; if it is an upper limit, write "
            "“≤{target}”"
        )

    @cached_property
    def by_default_lead(self) -> str:
        return _(
            "no sign, and no word of its row says whether more or less is better, so scored as {limit}: "
        )

    @cached_property
    def deadlines(self) -> Readings:
        from .deadlines import Readings

        return Readings()


class Context:
    """What scoring one evaluation needs besides the data: the rules, the methods, the year
    (deadlines without a year are in it), the findings."""

    def __init__(self, ruleset: RuleSet, methods: dict, year: int = 0):
        self.ruleset = ruleset
        self.methods = methods
        self.year = year
        self.findings: list[Finding] = []
        # rows that cannot be scored, gathered so that one error names every one of them (at
        # most MAX_PROBLEMS listed), under the code of the first
        self.refused = ProblemList()
        self.refused_code = ""
        self.texts = Texts()

    def refuse(self, exc: InputError) -> None:
        """Keep a row's error aside, to be raised with the others once every row is read."""
        self.refused_code = self.refused_code or exc.code
        for problem in exc.problems:
            self.refused.add(problem)

    def flag(self, code: str, severity: str, where: str, message: str) -> None:
        self.findings.append(Finding(code, severity, where, message))

    def rate(self, method_name: str, view: MethodInput, params: dict, where: str) -> Rating:
        """Call a method and hold it to its contract: a Rating with a rate in [0, 1]."""
        method = self.methods[method_name]
        try:
            rating = method(view, params)
        except PluginError as exc:
            if exc.where is None:  # a plugin's method, named by the host: say which row
                exc.where = exc.problems[0].where = where
            raise
        except InputError:
            raise
        except Exception as exc:
            raise PluginError(
                _("method {name} failed on this indicator: {error}").format(
                    name=repr(method_name), error=exc
                ),
                where,
                _("report it to the plugin's authors"),
                code="plugin-fault",
            ) from exc
        breach = rating_breach(rating)
        if breach:
            raise PluginError(
                _("method {name} {breach}").format(name=repr(method_name), breach=breach),
                where,
                code="plugin-fault",
            )
        return rating


# --- execution row ----------------------------------------------------------------------------


def score_execution(budget: Budget, ctx: Context) -> ExecutionResult:
    """The 预算执行率 row: rate = spent / budget (adjusted by default), as it really is (above
    100% when more was spent), scored by the rule set's method on at most 100%."""
    rules = ctx.ruleset.execution
    weight = execution_weight(budget, ctx.ruleset)
    adjusted = rules["denominator"] == "adjusted"
    denominator = budget.adjusted if adjusted else budget.planned
    label = _("adjusted budget") if adjusted else _("initial budget")
    method = rules["method"]
    if denominator <= ZERO:
        ctx.flag(
            "budget-zero",
            "warning",
            budget.where,
            _(
                "{budget_label} is 0: the execution rate is taken as 0, and the execution row "
                "scores 0"
            ).format(budget_label=label),
        )
        explanation = _("{budget_label} is 0: the execution rate is taken as 0").format(
            budget_label=label
        )
        return _execution(budget, weight, method, ZERO, ZERO, ctx.ruleset.round(ZERO), explanation)
    exact = share(budget.spent, denominator)
    rate = as_decimal(exact)
    spent, budgeted, executed = fmt(budget.spent), fmt(denominator), percent(rate)
    if exact.numerator > exact.denominator:  # above 100%
        stated = _(
            "execution rate = spent {spent} / {budget_label} {budget} = {rate}, counted as 100%"
        )
        ctx.flag(
            "spent-over-budget",
            "warning",
            budget.where,
            _(
                "spent {spent} is above the {budget_label} {budget} (execution rate {rate}): "
                "scored as 100%"
            ).format(spent=spent, budget_label=label, budget=budgeted, rate=executed),
        )
    else:
        stated = _("execution rate = spent {spent} / {budget_label} {budget} = {rate}")
    stated = stated.format(spent=spent, budget_label=label, budget=budgeted, rate=executed)
    view = Quantitative(
        level1="预算执行率",
        level2="",
        name="预算执行率",
        weight=weight,
        target_text=budgeted,
        actual_text=spent,
        filed_score=budget.score,
        op=GE,
        target=denominator,
        actual=budget.spent,
        unit="万元",
    )
    rating = ctx.rate(method, view, rules, budget.where)
    if rating.rate is None:
        raise PluginError(
            _("method {name} left the execution row to the evaluator").format(name=repr(method)),
            budget.where,
            _("an execution method must give a rate"),
            code="plugin-fault",
        )
    score = ctx.ruleset.round_product(weight, rating.rate)
    score_rate = as_decimal(rating.rate)
    if method == "proportional":
        # 执行率 = 全年执行数 19.8 / 全年预算数 20 = 99.00%；10 × 99.00% = 9.90
        shown = executed if score_rate == rate else percent(score_rate)  # at most 100%
        explanation = _("{rate_stated}; {weight} × {rate} = {score}").format(
            rate_stated=stated, weight=fmt(weight), rate=shown, score=score
        )
    else:
        explanation = _("{rate_stated}: {scored}").format(
            rate_stated=stated, scored=with_score(rating, weight, score, ctx.texts)
        )
    return _execution(budget, weight, method, rate, score_rate, score, explanation)


def _execution(
    budget: Budget,
    weight: Decimal,
    method: str,
    rate: Decimal,
    score_rate: Decimal,
    score: Decimal,
    explanation: str,
) -> ExecutionResult:
    return ExecutionResult(
        planned=budget.planned,
        adjusted=budget.adjusted,
        spent=budget.spent,
        rate=rate,
        weight=weight,
        score=score,
        method=method,
        explanation=explanation,
        filed_score=budget.score,
        reason=budget.reason,
        score_rate=score_rate,
    )


def with_score(rating: Rating, weight: Decimal, score: Decimal, texts: Texts) -> str:
    """The method's words completed with the score, as an evaluator writes it:
    ``实际 90% / 目标 95% × 30 = 28.42``, ``…，达到目标，得满分 20.00``, ``…，不得分：0.00``."""
    if rating.rate == 1:
        return texts.full_marks.format(method_words=rating.explanation, score=score)
    if rating.rate == 0:
        return texts.no_marks.format(method_words=rating.explanation, score=score)
    return f"{rating.explanation} × {fmt(weight)} = {score}"


# --- indicators -------------------------------------------------------------------------------


def _override(ind: Indicator, ruleset: RuleSet):
    for override in ruleset.overrides:
        fields = {"level1": ind.level1, "level2": ind.level2, "name": ind.name}
        if all(fnmatchcase(fields[key], pattern) for key, pattern in override.match.items()):
            return override
    return None


def _row(
    ind: Indicator,
    weight: Decimal,
    rate: Decimal | None,
    score: Decimal | None,
    method: str,
    explanation: str,
    tier: str | None = None,
    op: str | None = None,
) -> IndicatorResult:
    """A scored row's result: the row as filed, and what scoring it gave."""
    return IndicatorResult(
        level1=ind.level1,
        level2=ind.level2,
        name=ind.name,
        target=ind.target.text,
        actual=ind.actual_text,
        weight=weight,
        filed_score=ind.score,
        where=ind.where,
        reason=ind.reason,
        deduction=ind.deduction,
        applicable=True,
        rate=rate,
        score=score,
        method=method,
        explanation=explanation,
        tier=tier,
        op=op,
    )


def _shown(ind: Indicator, weight: Decimal, method: str, explanation: str) -> IndicatorResult:
    """A row without a score of its own: not applicable, a 其中 breakdown, an empty row."""
    return IndicatorResult(
        level1=ind.level1,
        level2=ind.level2,
        name=ind.name,
        target=ind.target.text,
        actual=ind.actual_text,
        weight=weight,
        filed_score=ind.score,
        where=ind.where,
        reason=ind.reason,
        deduction=None,
        applicable=False,
        rate=None,
        score=None,
        method=method,
        explanation=explanation,
    )


# The kinds of row shown without a score of their own.
SHOWN = ("breakdown", "empty")


def _not_scored(ind: Indicator, ctx: Context) -> IndicatorResult:
    """A 其中 breakdown or an empty row: shown, said, not scored."""
    if ind.kind == "breakdown":
        why = _("a breakdown (其中) of the row above: not scored on its own")
        said = _("“{name}”: a breakdown (其中) of the row above, not scored on its own")
    else:
        why = _("no target, actual value or weight filled in: an empty row, not scored")
        said = _("“{name}”: no target, actual value or weight filled in: an empty row, not scored")
    ctx.flag("row-not-scored", "info", ind.where, said.format(name=ind.name))
    return _shown(ind, ZERO, ind.kind, why)


def score_indicator(ind: Indicator, weight: Decimal, ctx: Context) -> IndicatorResult:
    """One row of the grid: its method, its rate, its rounded score and how they were reached."""
    rules = ctx.ruleset
    if ind.kind in SHOWN:
        return _not_scored(ind, ctx)
    if not ind.applicable:
        explanation = (
            ctx.texts.not_applicable_rescaled
            if rules.not_applicable == "rescale"
            else ctx.texts.not_applicable
        )
        return _shown(ind, weight, "not-applicable", explanation)
    if ind.kind == "blank":
        return _values_blank(ind, weight, ctx)
    plan = _prepare(ind, weight, ctx)
    view = plan.view
    if plan.rating is not None:
        rating = plan.rating
    else:  # a plan without its rating has a method's input (Quantitative or Qualitative)
        rating = ctx.rate(plan.method, view, plan.params, ind.where)  # type: ignore[arg-type]
    if rating.rate is None:
        outcome = no_formula(ind, view, rating.explanation, ctx)
    else:
        score = rules.round_product(weight, rating.rate)
        outcome = apply_policies(
            ind,
            view,
            Outcome(score, as_decimal(rating.rate), with_score(rating, weight, score, ctx.texts)),
            ctx,
        )
    return _row(
        ind,
        weight,
        outcome.rate,
        outcome.score,
        plan.label or plan.method,
        plan.lead + outcome.explanation,
        tier=view.tier if isinstance(view, Qualitative) else None,
        op=view.op if isinstance(view, Quantitative) else None,
    )


def _scored_or_refused(ind: Indicator, weight: Decimal, ctx: Context) -> IndicatorResult:
    """The row scored; a row that cannot be is kept aside (``ctx.refused``) and the others are
    still read, so that one error names every row to fix."""
    try:
        return score_indicator(ind, weight, ctx)
    except InputError as exc:
        ctx.refuse(exc)
        return _shown(ind, weight, "refused", exc.problems[0].message)


def _values_blank(ind: Indicator, weight: Decimal, ctx: Context) -> IndicatorResult:
    """Both values blank, 分值 and 得分 filed: the filed score is the evaluator's judgement,
    at most the weight."""
    assert ind.score is not None, "a blank row has its 得分 filed (its kind says so)"
    filed = ctx.ruleset.round(ind.score)
    score = min(filed, ctx.ruleset.round(weight))
    if filed > weight:
        said = _(
            "“{name}”: neither target nor actual value filled in: scored by the evaluator's "
            "filed score {filed}, counted as the weight {weight} it is above; fill in the values"
        )
        how = _(
            "target and actual value both blank: the filed score {filed} is taken, counted as "
            "the weight {weight} it is above: {score}"
        )
    else:
        said = _(
            "“{name}”: neither target nor actual value filled in: scored by the evaluator's "
            "filed score {filed}; fill in the values"
        )
        how = _("target and actual value both blank: the filed score {filed} is taken: {score}")
    filed_text, weight_text = fmt(ind.score), fmt(weight)
    ctx.flag(
        "values-blank",
        "warning",
        ind.where,
        said.format(name=ind.name, filed=filed_text, weight=weight_text),
    )
    return _row(
        ind,
        weight,
        score / weight if weight else ZERO,
        score,
        "judgement",
        how.format(filed=filed_text, weight=weight_text, score=score),
    )


# The built-in methods that need a number on both sides; `tiers` needs a tier word.
NUMERIC_METHODS = ("ratio", "reverse-linear", "reverse-ratio", "equal", "proportional", "bands")


def _check_override_fits(override, ind: Indicator, tier, rules: RuleSet) -> None:
    """An override that gives a built-in method a row it cannot score is the rule set's
    mistake, said at the rule set's key — not a plugin fault."""
    if tier is not None and override.method in NUMERIC_METHODS:
        message = _(
            "override {index} gives method {method} to a qualitative (定性) row: {where} 「{name}」"
        )
    elif tier is None and override.method == "tiers":
        message = _(
            "override {index} gives method {method} to a quantitative row: {where} 「{name}」"
        )
    else:
        return
    raise RulesetError(
        message.format(
            index=override.index, method=repr(override.method), where=ind.where, name=cut(ind.name)
        ),
        f"overrides[{override.index}].method",
        _("narrow its `match` to the rows that method can score"),
        file=rules.source,
        code="override-mismatch",
    )


# Built for each row and dropped with it, never handed out: a plain slotted record is the
# cheapest to build (a frozen one costs twice as much).
@dataclass(slots=True)
class Plan:
    """How a row is scored: the method's view of it, the method and its parameters — or the
    rating itself when the reading decides (a deadline met: the view is then a plain Row) —
    and how the row was read."""

    view: MethodInput | Row
    method: str
    params: dict
    rating: Rating | None = None
    lead: str = ""  # how the row was read, in front of the method's words
    label: str = ""  # the method shown, when not the one called (deadline)


def _refused(ind: Indicator, exc: ValueProblem, code: str) -> InputError:
    where = f"{ind.where}.{exc.field or 'actual'}"
    return InputError(
        _("「{name}」: {problem}").format(name=cut(ind.name), problem=exc),
        where,
        exc.hint,
        code=code,
    )


def _figure_like(target: Target) -> str:
    """A figure in the target's unit, for a message's example (3个 for ≥3个; 95% when the
    target has no unit)."""
    if target.value is None or target.unit is None:
        return "95%"
    return f"{fmt(target.upper if target.upper is not None else target.value)}{target.unit}"


def _prepare(ind: Indicator, weight: Decimal, ctx: Context) -> Plan:
    """The method's view of the row, which method scores it, and how the row was read."""
    target = ind.target
    if target.deadline is not None:
        return _deadline_plan(ind, target.deadline, weight, ctx)
    if target.qualitative:
        return _tier_plan(ind, weight, ctx, _read_words(ind, ind.target.text, ctx))
    read = None  # the comparison, when it was decided here: (op, lead)
    if target.unit is not None and (target.unit == "分" or target.unit.startswith("分/")):
        _refuse_fen_on_a_time(ind, ctx)
    if target.op != RANGE and _in_time(target.unit, ctx):
        read = (target.op, "") if target.op is not None else _inferred_op(ind, ctx)
        if read[0] in (LE, LT):
            # a time limit by its name (审批时限 | 30天) or in a unit the grammar of deadlines
            # does not spell (≤2h, ≤30min): a deadline, like 30天内, whatever its actual says
            from .deadlines import Deadline, Duration

            assert target.value is not None and target.unit is not None
            limit = Deadline(within=Duration(target.value, target.unit), strict=read[0] == LT)
            return _deadline_plan(ind, limit, weight, ctx, lead=read[1])
    if ind.actual is None:
        _refuse_blank_actual(ind)
        reading = ctx.ruleset.read_words(ind.actual_text, None)
        if reading is None:
            raise InputError(
                _(
                    "「{name}」: 实际完成值 {actual} is not a number, though the target {target} is one"
                ).format(
                    name=cut(ind.name), actual=quoted(ind.actual_text), target=quoted(target.text)
                ),
                f"{ind.where}.actual",
                _('write the actual value as a number with its unit, e.g. "{example}"').format(
                    example=_figure_like(target)
                ),
                code="actual-invalid",
            )
        ctx.flag(
            "actual-not-numeric",
            "warning",
            ind.where,
            ctx.texts.words_for_a_number.format(actual=ind.actual_text, tier=reading.tier),
        )
        return _tier_plan(ind, weight, ctx, reading)
    return _number_plan(ind, ind.actual, weight, ctx, read)


def _in_time(unit: str | None, ctx: Context) -> bool:
    """Whether ``unit`` measures time (天, 小时, 个月, 个工作日 …, by the unit table)."""
    return unit is not None and ctx.ruleset.units.family(unit) in TIME_FAMILIES


def _refuse_fen_on_a_time(ind: Indicator, ctx: Context) -> None:
    """A target in 分 (or 分/次) on a row whose name ends with a time's word (出警时间 | ≤15分,
    响应时长 | 15分/次): minutes, or points (分)? As minutes it is a time limit (late: 部分达成),
    as points a number scored by ratio; neither is guessed. The fix writes 分钟. A name that
    ends otherwise (服务时长考核得分 | 90分) is a score's: points."""
    op, word = ctx.ruleset.duration_reading(ind.name)
    looked_at = "".join(normalise(ind.name).split())  # as the rule set's words are looked for
    if op is None or word is None or not looked_at.endswith(word):
        return  # no time word ending the name: 考核得分 | ≥90分 is points
    raise InputError(
        _(
            "「{name}」: the target {target} is in 分 on a row whose name is a time's ({word}): "
            "minutes, or points?"
        ).format(name=cut(ind.name), target=quoted(ind.target.text), word=word),
        f"{ind.where}.target",
        _("write {value} if it is minutes, with 分钟 in the 实际完成值 too").format(
            value=ind.target.text.replace("分", "分钟")
        ),
        code="unit-ambiguous",
    )


def _per_time(unit: str | None, ctx: Context) -> bool:
    """Whether ``unit`` is a time for each of something (小时/次, 天/件, 分钟/人次): read by the
    words of a time for its comparison, scored as the number it is."""
    head = unit.partition("/")[0] if unit and "/" in unit else None
    return _in_time(head, ctx)


def _refuse_blank_actual(ind: Indicator) -> None:
    """A row with its target and no 实际完成值 (blank, or a placeholder such as ``/``) is said to
    be empty, and one whose 实际完成值 is 不适用 to be marked not applicable — not to be a word
    or a number that is not one."""
    if is_blank(ind.actual_text):
        raise InputError(
            _("「{name}」: 实际完成值 is empty, though the target {target} is filled in").format(
                name=cut(ind.name), target=quoted(ind.target.text)
            ),
            f"{ind.where}.actual",
            _(
                'fill in the 实际完成值, e.g. "95%" or "达成"; a row not assessed this year is '
                "marked 不适用 there in a workbook, or applicable = false in a TOML or JSON file"
            ),
            code="actual-invalid",
        )
    if text_key(ind.actual_text) in NOT_ASSESSED:
        raise InputError(
            _("「{name}」: 实际完成值 {actual} says the row is not assessed this year").format(
                name=cut(ind.name), actual=quoted(ind.actual_text)
            ),
            f"{ind.where}.applicable",
            _("mark the row not applicable with applicable = false, and it is left out"),
            code="actual-invalid",
        )


# What a 实际完成值 writes for a row not assessed this year: in a workbook the reader marks the
# row not applicable; in a TOML or JSON file `applicable = false` says it.
NOT_ASSESSED = ("不适用", "不涉及", "本年度不适用")


_POINTS_OR_MINUTES = re.compile(r"\d++(?:\.\d++)?+分")


def _refuse_points_for_minutes(ind: Indicator) -> None:
    """An actual ``20分`` against a time limit: 分 alone is minutes or points (得分), and neither
    is guessed; the fix writes 分钟."""
    actual = ind.actual_text.strip()
    if _POINTS_OR_MINUTES.fullmatch(actual):
        raise InputError(
            _("「{name}」: 实际完成值 {actual} may be minutes or points (分)").format(
                name=cut(ind.name), actual=quoted(actual)
            ),
            f"{ind.where}.actual",
            _("write {minutes} if it is the time taken").format(
                minutes=actual.removesuffix("分") + "分钟"
            ),
            code="actual-invalid",
        )


# A figure with its unit inside a target read as words: 同比增长5%, 培训200人次, ≥95%（抽检）.
_FIGURE_IN_WORDS = re.compile(r"\d+(?:\.\d+)?")
# Such a target whose figure and unit end it, but for a note in brackets, after words that do
# not make the figure a fraction (千分之5, 百分之95): its figure is the fix, as written.
_FIGURE_ENDING = re.compile(
    r"(?P<words>.*?)(?P<figure>\d+(?:\.\d+)?)(?P<unit>%|‰|[^\W\d_]{1,3})?"
    r"(?:(?<=[%‰])[^\W\d_]{1,6})?(?:[（(][^（()）]*[)）])?"
)


def _sign_ending(words: str) -> str | None:
    """The comparison the words before a target's figure end with (≥, 不低于, 不超过 …), as the
    value grammar reads it; None when they end with none."""
    from .values import ValueProblem, parse_target

    for start in range(len(words)):
        try:
            read = parse_target(words[start:] + "1")
        except ValueProblem:
            continue
        if read.value is not None and read.op is not None:
            return read.op
    return None


def _a_figure_among_words(ind: Indicator) -> bool:
    """Whether the row's target, read as words, holds a figure and its 实际完成值 is a number or
    holds one too: the unit meant a number (同比增长5% | 6%, 全年培训200人次 | 全年培训180人次),
    which no tier word answers."""
    from .values import ValueProblem, parse_quantity

    if not _FIGURE_IN_WORDS.search(ind.target.text):
        return False
    if _FIGURE_IN_WORDS.search(ind.actual_text):
        return True
    try:
        return parse_quantity(ind.actual_text) is not None
    except ValueProblem:
        return False


def _figure_among_words(ind: Indicator) -> InputError:
    """The refusal of a number against a target whose figure has words around it: the target
    is what to write again, as its figure (≥5% or ≤5%), the words in the indicator's name.
    Restating the target in the actual, as the tier words allow, would give full marks. The
    figure is offered only where it ends the target with its unit; otherwise an example."""
    found = _FIGURE_ENDING.fullmatch(ind.target.text.strip())
    words = found["words"].strip() if found is not None else ""
    whole = not words.endswith("分之") and not any(ch.isdigit() for ch in words)
    if found is not None and whole and "/" not in ind.target.text:
        figure = found["figure"] + (found["unit"] or "")
        sign = _sign_ending(words)
        if sign is not None:  # ≥95%（抽检）, 满意度不低于90%: the target's own sign
            hint = _(
                "write the 年度指标值 as its figure ({figure}), and the words in the "
                "indicator's name"
            ).format(figure=sign + figure)
        else:
            hint = _(
                "write the 年度指标值 as its figure with ≥ or ≤ ({at_least} or {at_most}), and "
                "the words in the indicator's name"
            ).format(at_least="≥" + figure, at_most="≤" + figure)
    else:  # 千分之5, 15/10万: the figure is not the whole of it
        hint = _(
            "write the 年度指标值 as a figure with its unit and ≥ or ≤ (e.g. ≥95%), and the "
            "words in the indicator's name"
        )
    if _quantity_or_none(ind.actual_text) is None:
        hint += _("; and the 实际完成值 as the figure reached")
    return InputError(
        _(
            "「{name}」: the 年度指标值 {target} has words around its figure and is read as "
            "words (定性), which the figure in the 实际完成值 {actual} cannot be scored against"
        ).format(
            name=cut(ind.name), target=quoted(ind.target.text), actual=quoted(ind.actual_text)
        ),
        f"{ind.where}.target",
        hint,
        code="target-invalid",
    )


def _quantity_or_none(text: str):
    """The quantity ``text`` reads as, or None (words, or a value refused)."""
    from .values import ValueProblem, parse_quantity

    try:
        return parse_quantity(text)
    except ValueProblem:
        return None


# A figure (in digits or in words) and a unit of time: what a deadline's 实际完成值 meant as a
# time, in a shape not read (十多天, 20来天, 30几天, 约30天, 一个多月 against 2个月内).
_A_TIME_IN_WORDS = re.compile(
    r"[\d一二两三四五六七八九十百]\S{0,3}?(?:天|日|周|月|年|小时|分钟|工作日)"
)


def _a_time_not_read(ind: Indicator) -> InputError:
    """The refusal of an actual that meant a time or a date on a deadline's row, in a shape the
    grammar does not read or a unit the limit's does not convert to: not a list of tier words,
    which it is not, but the shapes that are read."""
    return InputError(
        _(
            "「{name}」: 实际完成值 {actual} is not read as a time or a date to compare with the "
            "deadline {target}"
        ).format(
            name=cut(ind.name), actual=quoted(ind.actual_text), target=quoted(ind.target.text)
        ),
        f"{ind.where}.actual",
        _(
            "write how long it took as a figure in digits with the limit's unit (e.g. 35天, "
            "2个月), or the day it was done (6月20日); or a tier word (按时完成, 延期完成)"
        ),
        code="actual-invalid",
    )


def _read_words(ind: Indicator, target_text: str | None, ctx: Context, dated: bool = False):
    """The tier the row's 实际完成值 names; ``dated``: a date or a duration would do too (the
    target is a deadline)."""
    _refuse_blank_actual(ind)
    reading = ctx.ruleset.read_words(ind.actual_text, target_text)
    if reading is None:
        from .deadlines import duration_of, stretch_of

        if dated:
            _refuse_points_for_minutes(ind)
        hint = (
            _("write a date or a duration, or one of — {words}; or restate the target ({target})")
            if dated
            else _("write one of — {words}; or restate the target ({target})")
        ).format(words=ctx.ruleset.words.accepted(), target=cut(ind.target.text))
        if not dated and (stretch_of(ind.actual_text) or duration_of(ind.actual_text)):
            hint = _(
                "the 年度指标值 {target} is read as words, not as a deadline: write it as a date or "
                "a time limit (6月底前, 年底前, 30天内) to compare a date with it, or answer with a "
                "tier word (按时完成, 延期完成)"
            ).format(target=quoted(ind.target.text))
        elif not dated and _a_figure_among_words(ind):
            raise _figure_among_words(ind)
        elif dated and _A_TIME_IN_WORDS.search(ind.actual_text):
            raise _a_time_not_read(ind)
        raise InputError(
            _(
                "「{name}」: 实际完成值 {actual} is not a tier of this qualitative (定性) indicator"
            ).format(name=cut(ind.name), actual=quoted(ind.actual_text)),
            f"{ind.where}.actual",
            hint,
            code="actual-invalid",
        )
    return reading


def _tier_plan(
    ind: Indicator, weight: Decimal, ctx: Context, reading, lead: str = "", label: str = ""
) -> Plan:
    rules = ctx.ruleset
    override = _override(ind, rules)
    if override is not None:
        _check_override_fits(override, ind, reading.tier, rules)
    # how the words were read, unless they restate the target (said by the tier itself)
    if reading.how and text_key(ind.actual_text) != text_key(ind.target.text):
        lead += ctx.texts.read_as.format(
            actual=ind.actual_text, how=reading.how_of(ind.actual_text)
        )
    view = Qualitative(
        level1=ind.level1,
        level2=ind.level2,
        name=ind.name,
        weight=weight,
        target_text=ind.target.text,
        actual_text=ind.actual_text,
        filed_score=ind.score,
        tier=reading.tier,
    )
    if override is not None:
        return Plan(view, override.method, override.params, lead=lead, label=label)
    return Plan(view, "tiers", rules.data["qualitative"], lead=lead, label=label)


def _deadline_plan(ind: Indicator, deadline, weight: Decimal, ctx: Context, lead: str = "") -> Plan:
    """A deadline: on time or early is full marks; late is the rule set's `deadlines.late`
    tier, a filed score in its band taken; words (按时完成) are read as tiers."""
    from .deadlines import judge

    rules = ctx.ruleset
    try:
        timing = judge(deadline, ind.actual_text, ctx.year, rules.units, ctx.texts.deadlines)
    except ValueProblem as exc:
        raise _refused(ind, exc, "deadline-invalid") from None
    if timing is None:
        reading = _read_words(ind, ind.target.text, ctx, dated=True)
        return _tier_plan(ind, weight, ctx, reading, lead=lead)
    view = Row(
        level1=ind.level1,
        level2=ind.level2,
        name=ind.name,
        weight=weight,
        target_text=ind.target.text,
        actual_text=ind.actual_text,
        filed_score=ind.score,
    )
    if timing.on_time:
        rating = Rating(ONE, ctx.texts.on_time.format(reading=timing.reading))
        return Plan(view, "deadline", {}, rating=rating, lead=lead)
    late = rules.data["deadlines"]["late"]
    ctx.flag(
        "deadline-late",
        "warning",
        ind.where,
        ctx.texts.late.format(name=ind.name, reading=timing.reading, late=late),
    )
    from .words import Reading

    return _tier_plan(
        ind,
        weight,
        ctx,
        Reading(late),
        lead=lead + ctx.texts.late_lead.format(reading=timing.reading),
        label="deadline",
    )


def _number_plan(
    ind: Indicator,
    actual: Quantity,
    weight: Decimal,
    ctx: Context,
    read: tuple[str | None, str] | None = None,
) -> Plan:
    """A number against a number: ``actual`` is the row's 实际完成值 read as one; ``read``, the
    comparison and how it was read when the caller decided it (a time not a limit)."""
    rules = ctx.ruleset
    target = ind.target
    try:
        target_value, actual_value, unit = align_units(
            target,
            actual,
            rules.units,
            rate=rules.names_a_rate(ind.name),
        )
    except ValueProblem as exc:
        within = _both_readings_within(ind, actual, exc, ctx)
        if within is None:
            raise _refused(ind, exc, exc.code or "unit-mismatch") from None
        target_value, actual_value, unit = within
    if actual_value < ZERO and rules.quantitative["negative_actual"] == "error":
        raise InputError(
            _("实际完成值 {actual} is negative").format(actual=quoted(ind.actual_text)),
            f"{ind.where}.actual",
            _("this rule set does not accept negative actual values"),
            code="actual-negative",
        )
    if target.op == RANGE:
        if actual.bound is not None:  # ≥98% in 95%-100%: inside it, or above?
            raise _an_unsettled_bound(ind)
        return _range_plan(ind, actual, actual_value, unit, weight, ctx)
    op, lead = read if read is not None else (target.op, "")
    if op is None:
        op, lead = _inferred_op(ind, ctx, actual_value == target_value)
    if actual.bound is not None and not _bound_settles(
        op, actual.bound, actual_value, target_value
    ):
        raise _an_unsettled_bound(ind)
    if op in (GT, LT) and actual_value == target_value and actual.bound != op:
        _flag_an_excluded_bound_reached(ind, op, ctx)  # not >90% with 超过90%: more than it
    override = _override(ind, rules) if rules.overrides else None
    if override is not None:
        _check_override_fits(override, ind, None, rules)
    method_name = override.method if override else rules.quantitative[op]
    params = override.params if override else rules.params(method_name)
    view = _quantitative(ind, weight, op, target_value, actual_value, unit, actual.bound)
    if actual.bound is not None:  # ≥266米 against ≥250米: the bound's figure, which meets it
        # the figure in the unit it is compared in: 1.2万余人次 against ≥1万人次 is 1.2万人次
        figure = f"{fmt(actual_value)}{unit or ''}"
        lead += ctx.texts.bound_lead.format(actual=ind.actual_text, figure=figure)
    return Plan(view, method_name, params, lead=lead)


def _both_readings_within(
    ind: Indicator, actual: Quantity, exc: ValueProblem, ctx: Context
) -> tuple[Decimal, Decimal, str | None] | None:
    """A bare 实际完成值 refused as a fraction or a percentage (0.004 against ≤5‰: 0.004‰, or
    0.4% = 4‰?) whose two readings are both within the target's limit: full marks either way,
    so it is scored as written and the reading said (``read-assumption``). None where the
    readings may score apart: a ``≥`` target, or one reading over the limit (0.006: 6‰)."""
    target = ind.target
    if exc.code != "percent-ambiguous" or exc.field != "actual" or actual.unit is not None:
        return None
    if target.op not in (LE, LT) or target.unit is None:
        return None
    units = ctx.ruleset.units
    try:
        written = align_units(target, Quantity(actual.value, target.unit), units)
        fraction = align_units(target, Quantity(actual.value * 100, "%"), units)
    except ValueProblem:  # a reading refused on its own: the first refusal stands
        return None
    limit = written[0]
    if not all(a < limit or (a == limit and target.op == LE) for a in (written[1], fraction[1])):
        return None
    ctx.flag(
        "read-assumption",
        "info",
        f"{ind.where}.actual",
        _(
            "「{name}」: 实际完成值 {actual} has no unit: read as {written}; as a fraction, "
            "{percent}%, it is within the target {target} too, and scores the same"
        ).format(
            name=cut(ind.name),
            actual=quoted(ind.actual_text),
            written=f"{fmt(actual.value)}{target.unit}",
            percent=fmt(actual.value * 100),
            target=quoted(target.text),
        ),
    )
    return written


def _bound_settles(op: str, bound: str, actual: Decimal, target: Decimal) -> bool:
    """Whether an actual value written as a bound (``bound`` ≥ in ≥266米: at least 266米) shows
    the target met, so that scoring its figure is scoring what was reached or less: at least a
    figure that meets a ≥ or > target, at most one that meets a ≤ or < target (an = target
    asks for the figure itself: under hebei one not met exactly is the evaluator's). A bound the
    other way (不足90% against ≥90%, 超过100万元 against ≤100万元) says the target may be, or is,
    missed by an amount it does not give; its figure scored would be full marks."""
    if op in (GE, GT) and bound in (GE, GT):  # = asks for the figure itself: no bound shows it
        return actual > target or (actual == target and (op != GT or bound == GT))
    if op in (LE, LT) and bound in (LE, LT):
        return actual < target or (actual == target and (op != LT or bound == LT))
    return False


def _an_unsettled_bound(ind: Indicator) -> InputError:
    """An actual value written as a bound that does not show its target met (see
    :func:`_bound_settles`): no figure to score by, as an approximate one (约88%) has none."""
    return InputError(
        _(
            "「{name}」: 实际完成值 {actual} gives a bound, not the figure reached, and the bound "
            "does not show the target {target} met"
        ).format(
            name=cut(ind.name), actual=quoted(ind.actual_text), target=quoted(ind.target.text)
        ),
        f"{ind.where}.actual",
        _(
            "write the figure reached itself, without ≥, 不足, 超过 or 以上; why it differs from "
            "the target goes in the 偏差原因 (reason)"
        ),
        code="actual-invalid",
    )


def _flag_an_excluded_bound_reached(ind: Indicator, op: str, ctx: Context) -> None:
    """An actual value that is the very bound a strict target leaves out (>95% with 95%,
    ≤5%（不含） with 5%): the target says it is not met, while the rule set's method for > or
    < may score it as the bound reached (mof-2020's ratio: full marks). Said, so that the
    reviewer decides; a time limit settles it itself (deadline-late)."""
    ctx.flag(
        "strict-bound-equal",
        "warning",
        ind.where,
        _(
            "「{name}」 actual {actual} is the bound the target {target} leaves out: scored by "
            "the rule set's method for {op}; check whether the target was met"
        ).format(
            name=cut(ind.name),
            actual=ind.actual_text,
            target=ind.target.text,
            op=op,
        ),
    )


def _quantitative(
    ind: Indicator,
    weight: Decimal,
    op: str,
    target: Decimal,
    actual: Decimal,
    unit: str | None,
    bound: str | None = None,
) -> Quantitative:
    """A method's view of a number against a number, both in ``unit`` (``bound``: the
    comparison the actual was written with, 超过90%: >)."""
    return Quantitative(
        level1=ind.level1,
        level2=ind.level2,
        name=ind.name,
        weight=weight,
        target_text=ind.target.text,
        actual_text=ind.actual_text,
        filed_score=ind.score,
        op=op,
        target=target,
        actual=actual,
        unit=unit,
        bound=bound,
    )


def _range_plan(
    ind: Indicator, actual: Quantity, actual_value: Decimal, unit: str | None, weight, ctx
) -> Plan:
    """A range (95%-100%, ≥3个，≤5个): an actual value inside it, bounds included, is full
    marks; one below it is scored as ``≥`` the lower bound, one above it as ``≤`` the upper,
    each by the rule set's method for that comparison, as a target of that one bound would be
    (an override may give it a plugin's method, not a built-in one). ``actual_value`` is in
    ``unit``, the range's."""
    rules = ctx.ruleset
    target = ind.target  # never a range of times: refused where it is read
    _check_override_fits_a_range(ind, rules)
    lower, upper = target.bound(GE), target.bound(LE)
    rate = rules.names_a_rate(ind.name)
    try:  # in the range's unit, as the actual value is: both bounds share it
        _refuse_a_bare_actual_in_two_units(target, actual)
        low = align_units(lower, actual, rules.units, rate=rate)[0]
        high = align_units(upper, actual, rules.units, rate=rate)[0]
    except ValueProblem as exc:
        raise _refused(ind, exc, exc.code or "unit-mismatch") from None
    shown = f"{fmt(actual_value)}{unit or ''}"
    if low <= actual_value <= high:
        view = _quantitative(ind, weight, RANGE, low, actual_value, unit)
        said = ctx.texts.within_range.format(actual=shown, target=target.text)
        return Plan(view, "range", {}, rating=Rating(ONE, said))
    below = actual_value < low
    if below and low == -high:  # ±5%: a deviation either way, scored by its size
        size = replace(actual, value=-actual.value)
        lead = ctx.texts.outside_tolerance.format(
            actual=shown,
            target=target.text,
            size=f"{fmt(-actual_value)}{unit or ''}",
            bound=f"{LE}{fmt(high)}{unit or ''}",
        )
        plan = _number_plan(replace(ind, target=upper), size, weight, ctx)
        plan.lead = lead + plan.lead
        return plan
    said = ctx.texts.below_range if below else ctx.texts.above_range
    bound = f"{GE}{fmt(low)}" if below else f"{LE}{fmt(high)}"
    lead = said.format(actual=shown, target=target.text, bound=f"{bound}{unit or ''}")
    plan = _number_plan(replace(ind, target=lower if below else upper), actual, weight, ctx)
    plan.lead = lead + plan.lead
    return plan


def _refuse_a_bare_actual_in_two_units(target: Target, actual: Quantity) -> None:
    """A bare 实际完成值 against a range whose bounds are written in two units (5000元-1万元):
    in the lower's unit or the upper's? 8000 is inside the range as 8000 元 and far above it
    as 8000 万元 — a guess either way."""
    if actual.unit is not None or target.lower_unit is None:
        return
    shown = fmt(actual.value)
    raise ValueProblem(
        _(
            "the actual value {value} has no unit, and the range {target} gives its bounds in "
            "{lower} and {upper}: {value}{lower} or {value}{upper}?"
        ).format(
            value=shown, target=quoted(target.text), lower=target.lower_unit, upper=target.unit
        ),
        _("write the actual value with its unit, e.g. {example}").format(
            example=f"{shown}{target.lower_unit}"
        ),
        code="unit-ambiguous",
    )


def _check_override_fits_a_range(ind: Indicator, rules: RuleSet) -> None:
    """An override that gives a range row a built-in method: each of them scores one direction
    (ratio and proportional the more the better, the reverse ones the less, equal one value,
    bands by steps written for one of them), so one side of the range would be scored wrong —
    reverse-ratio gives full marks below it. The rule set's mistake, said at its key whichever
    side the actual value is on. A plugin's method is given the comparison of the bound missed."""
    override = _override(ind, rules) if rules.overrides else None
    if override is None or override.method not in NUMERIC_METHODS:
        return
    raise RulesetError(
        _(
            "override {index} gives method {method} to a row whose target is a range, scored "
            "as ≥ below it and as ≤ above it: {where} 「{name}」"
        ).format(
            index=override.index, method=repr(override.method), where=ind.where, name=cut(ind.name)
        ),
        f"overrides[{override.index}].method",
        _(
            "narrow its `match` so that it leaves out the range rows: a range is scored by the "
            "rule set's methods for ≥ and ≤"
        ),
        file=rules.source,
        code="override-mismatch",
    )


def _a_time_without_a_sign(ind: Indicator, level: str) -> InputError:
    """A time written without ≤ or ≥ under 时效指标, on a row whose name says neither: at most
    (项目完成时间 | 30天, a deadline) or at least (服务时长 | 8小时)? Both occur there; either
    guess scores the other kind wrong."""
    target = ind.target.text
    return InputError(
        _(
            "「{name}」: the target {target} is a time without ≤ or ≥, under {level}, where a "
            "time may be a limit (完成时间) or a floor (服务时长)"
        ).format(name=cut(ind.name), target=quoted(target), level=level),
        f"{ind.where}.target",
        _(
            "write ≤{target} when it is at most that long (a deadline), ≥{target} when at least"
        ).format(target=target),
        code="operator-ambiguous",
    )


def _time_by_default(ind: Indicator, ctx: Context, default: str) -> tuple[str, str]:
    """A time no word of its row reads as a limit or a length kept, outside the levels that ask
    for a sign: the rule set's default comparison (≥ in mof-2020), flagged ``operator-default``
    so that the reviewer sees the guess, which scores a limit missed as met."""
    actual, target = ind.actual, ind.target
    if actual is None or (actual.unit, actual.value) == (target.unit, target.value):
        return default, ""  # scored by its words, or met either way: the guess changes nothing
    limit = f"{default}{ind.target.text}"
    texts = ctx.texts
    ctx.flag(
        "operator-default",
        "warning",
        f"{ind.where}.target",
        texts.time_by_default.format(name=ind.name, target=ind.target.text, limit=limit),
    )
    return default, texts.time_by_default_lead.format(limit=limit)


def _read_by_default(ind: Indicator, ctx: Context, default: str, met: bool | None) -> str:
    """A target without a sign that no word of its row reads either way (不合格产品数 | 5, a
    word no list holds), scored by the rule set's default comparison: flagged
    ``operator-default`` (info), and the start of its explanation returned, where the guess changes
    the score — the actual is not the target (``met``: the two equal once in one unit, 1万 and
    10000; None when not yet known, then compared as written). A word list is never complete: a
    limit it misses reads as at least."""
    actual, target = ind.actual, ind.target
    if met is None:
        met = actual is not None and (actual.unit, actual.value) == (target.unit, target.value)
    if actual is None or met:
        return ""
    limit = f"{default}{target.text}"
    ctx.flag(
        "operator-default",
        "info",
        f"{ind.where}.target",
        ctx.texts.by_default.format(name=ind.name, target=target.text, limit=limit),
    )
    return ctx.texts.by_default_lead.format(limit=limit)


def _a_zero_without_a_sign(ind: Indicator) -> InputError:
    """A target of 0 without ≤ or ≥ that no word of its row reads (群体性食物中毒事件 | 0起): none
    allowed, or any number will do? At least 0 is met whatever happened — 1起 full marks — and
    at most 0 gives 1起 nothing; units mean either (重大舆情事件 | 0起, 新建公厕 | 0座), so
    neither is guessed."""
    target = ind.target.text
    return InputError(
        _(
            "「{name}」: the target {target} is 0 without ≤ or ≥: at least 0 is met by anything, "
            "at most 0 allows none"
        ).format(name=cut(ind.name), target=quoted(target)),
        f"{ind.where}.target",
        _("write ≤{target} if none is allowed, ≥{target} if any number will do").format(
            target=target
        ),
        code="operator-ambiguous",
    )


def _inferred_op(ind: Indicator, ctx: Context, met: bool | None = None) -> tuple[str, str]:
    """The comparison of a target written without one: ≤ on a row whose name marks a limit
    (预算调整率), or a time limit when the target is a time and its name or 二级指标 marks one
    (工期 | 180天, 时效指标 | 项目完成时间 | 30天), when the rule set infers it; otherwise the rule
    set's default. ``met``: whether the actual equals the target in one unit, when the caller
    has aligned them."""
    rules = ctx.ruleset
    default = rules.quantitative["default_op"]
    # 工期 | 180天, 时效指标 | 项目完成时间 | 30天; 平均维修时长 | 2小时/次 (a time each time)
    if _in_time(ind.target.unit, ctx) or _per_time(ind.target.unit, ctx):
        op, word = rules.duration_reading(ind.name, ind.level1, ind.level2)
        if op == GE and word is not None:  # 服务时长 | 8小时, 提前完成天数 | 10天: kept or saved
            named = ctx.texts.named.format(word=word)
            return GE, ctx.texts.reverse_lead.format(marked=named, limit=f"≥{ind.target.text}")
        if op is None and word is not None:
            raise _a_time_without_a_sign(ind, word)
        if op is None:  # 检修用时 | 2小时 under 质量指标: a guess either way, said
            return _time_by_default(ind, ctx, default)
    else:
        found = rules.direction(ind.name, ind.level1, ind.level2)
        word = found[0] if found is not None and found[1] == LE else None
        # a count of 0 (0起, 0): none, or any? 0% is a rate, left to the default (增长率 | 0%)
        zero = ind.target.value == 0 and ind.target.unit != "%"
        if word is None and default in (GE, ">") and zero:
            raise _a_zero_without_a_sign(ind)
        if found is None and default in (GE, ">"):
            return default, _read_by_default(ind, ctx, default, met)
    if word is None or default in (LE, "<"):
        return default, ""
    limit = f"≤{ind.target.text}"
    texts = ctx.texts
    # why the row reads as a limit: its name's word, or the 二级/一级指标 it is under
    marked = (texts.under if word in (ind.level1, ind.level2) else texts.named).format(word=word)
    if rules.data["reverse_indicators"]["infer"]:
        ctx.flag(
            "operator-inferred",
            "info",
            f"{ind.where}.target",
            texts.reverse.format(name=ind.name, marked=marked, target=ind.target.text, limit=limit),
        )
        return LE, texts.reverse_lead.format(marked=marked, limit=limit)
    ctx.flag(
        "operator-inferred",
        "warning",
        f"{ind.where}.target",
        texts.maybe_reverse.format(
            name=ind.name, marked=marked, target=ind.target.text, op=default, limit=limit
        ),
    )
    return default, ""


# --- the table --------------------------------------------------------------------------------


def score_table(table: Table, ctx: Context) -> TableResult:
    """Execution row, indicator rows, total (rescaled for not-applicable rows and for weights
    above full marks, capped), grade."""
    rules = ctx.ruleset
    weights, notes = effective_weights(table, rules)
    for note in notes:
        ctx.flag(note.code, note.severity, note.where, note.message)
    execution = score_execution(table.budget, ctx)
    indicators = [
        _scored_or_refused(ind, weight, ctx) for ind, weight in zip(table.indicators, weights)
    ]
    parts = execution.score + sum(
        (i.score for i in indicators if i.applicable and i.score is not None), ZERO
    )  # an applicable row always has its score
    explanation = _("execution score {execution} + indicator scores {indicators} = {total}").format(
        execution=execution.score, indicators=parts - execution.score, total=parts
    )
    total, explanation = _rescaled(
        parts, explanation, execution.weight + sum(weights, ZERO), indicators, rules
    )
    total, explanation = _apply_caps(total, execution, explanation, table, ctx)
    return TableResult(
        name=table.name,
        score=total,
        grade=rules.grade(total),
        execution=execution,
        categories=_categories(indicators),
        indicators=tuple(indicators),
        explanation=explanation,
        filed_score=table.score,
        filed_grade=table.grade,
        where=table.where,
        goal=table.goal,
        result=table.result,
        weights_reason=table.weights_reason,
    )


def _rescaled(parts, explanation, full, indicators, rules: RuleSet):
    """The sum of the parts rescaled: ``round(parts × basis / (full − dropped))``, where
    ``full`` is the weights filed with the execution row's, ``dropped`` the not-applicable rows'
    (when the rule set rescales those) and ``basis`` the lesser of ``full`` and ``total``.
    Weights above full marks are scaled to them; weights under them are scored as filed
    (``weights-total`` says so), so dropping a row keeps the table's own basis: weights of 90
    with a 20-point row not applicable and the other 70 met give 70 × 90 / 70 = 90, as the same
    table with that row met would, never 70 × 100 / 80."""
    dropped = sum((i.weight for i in indicators if i.method == "not-applicable"), ZERO)
    dropped = dropped if rules.not_applicable == "rescale" else ZERO
    over = full > rules.total
    if not dropped and not over:
        return parts, explanation
    basis = min(full, rules.total)
    remaining = full - dropped
    total = (
        rules.round(Fraction(parts) * Fraction(basis) / Fraction(remaining))
        if remaining > ZERO
        else ZERO
    )
    if full < rules.total:
        rescaled = _(
            "{explanation}; the weights add up to {weights}, under full marks {full}, and the "
            "not-applicable rows weigh {dropped}: rescaled to the weights filed, {parts} × "
            "{weights} / {remaining} = {total}"
        )
    elif over and dropped:
        rescaled = _(
            "{explanation}; the weights add up to {weights}, above full marks {full}, and the "
            "not-applicable rows weigh {dropped}: rescaled {parts} × {full} / {remaining} = {total}"
        )
    elif over:
        rescaled = _(
            "{explanation}; the weights add up to {weights}, above full marks {full}: "
            "rescaled {parts} × {full} / {remaining} = {total}"
        )
    else:
        rescaled = _(
            "{explanation}; the not-applicable rows weigh {dropped}: "
            "rescaled {parts} × {full} / {remaining} = {total}"
        )
    return total, rescaled.format(
        explanation=explanation,
        weights=fmt(full),
        full=fmt(rules.total),
        dropped=fmt(dropped),
        parts=parts,
        remaining=fmt(remaining),
        total=total,
    )


def _apply_caps(total, execution, explanation, table, ctx):
    """Every cap whose condition holds applies; the lowest ``max_score`` wins."""
    holding = [cap for cap in ctx.ruleset.caps if execution.rate < Decimal(cap["execution_below"])]
    if not holding:
        return total, explanation
    cap = min(holding, key=lambda c: Decimal(c["max_score"]))
    limit = ctx.ruleset.round(Decimal(cap["max_score"]))
    if total <= limit:
        return total, explanation
    below = percent(Decimal(cap["execution_below"]))
    # the rate to as many places as it takes to be seen below the line (79.9960% against 80%):
    # the table's 80.00% beside "below 80.00%" would read as a contradiction
    rate = percent_below(execution.rate, Decimal(cap["execution_below"]))
    ctx.flag(
        "score-capped",
        "info",
        table.where or "department",
        _(
            "execution rate {rate} is below {threshold}: the total is capped at {cap} "
            "(computed {total})"
        ).format(rate=rate, threshold=below, cap=limit, total=total),
    )
    return limit, _(
        "{explanation}; execution rate {rate} is below {threshold}: capped at {cap}"
    ).format(explanation=explanation, rate=rate, threshold=below, cap=limit)


def _categories(indicators: list[IndicatorResult]) -> Mapping[str, CategoryResult]:
    weights: dict[str, Decimal] = {}
    scores: dict[str, Decimal] = {}
    for ind in indicators:
        if ind.applicable and ind.score is not None:  # an applicable row always has its score
            weights[ind.level1] = weights.get(ind.level1, ZERO) + ind.weight
            scores[ind.level1] = scores.get(ind.level1, ZERO) + ind.score
    return read_only(
        {name: CategoryResult(weight=weights[name], score=scores[name]) for name in weights}
    )
