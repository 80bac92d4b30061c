"""What-if: rescore a table with changes, or find the smallest changes that reach a goal.

``--set 'projects[0].indicators[1].actual=8'`` changes a value by its key path in the file's
own keys; the table is then scored again through the whole pipeline. ``--grade 优`` (or
``--score 90``) searches for the smallest changes that reach the goal:

1. every row below full marks is a candidate: an indicator raised to its target (a qualitative
   one to the top tier), an execution row raised to full spending;
2. candidates are taken largest gain to the department first, so as few rows as possible
   change, until rescoring reaches the goal;
3. each numeric change, the last taken first, is then cut back to the least value that still
   reaches the goal with the others as they stand (a binary search over the value's own
   precision: whole 个, cents of 万元);
4. the result is always checked by rescoring the changed table; a goal beyond the score of a
   table with every value at its target is reported as unreachable, with that score and the
   rows still below full marks there (a filed 得分 the rules adopt, which no value lifts).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .deadlines import Deadline, Duration, on_time_text
from .errors import UsageError
from .i18n import _
from .methods import CONVERTED_PLACES, decimal_places
from .result import Result, TableResult
from .values import GE, GT, LE, LT, RANGE, ValueProblem, align_units, format_decimal

if TYPE_CHECKING:
    from .host import Host
    from .model import Evaluation, Indicator, Table
    from .rules import RuleSet

_STEP = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


# --- --set ------------------------------------------------------------------------------------


def parse_path(path: str) -> list[str | int]:
    """``projects[0].budget.spent`` → ``['projects', 0, 'budget', 'spent']``."""
    parts: list[str | int] = []
    position = 0
    for match in _STEP.finditer(path):
        if match.start() != position:
            break
        parts.append(int(match.group(2)) if match.group(2) is not None else match.group(1))
        position = match.end()
    if not parts or position != len(path):
        raise UsageError(
            _("--set: {path} is not a key path").format(path=repr(path)),
            hint=_("write it like projects[0].indicators[1].actual"),
        )
    return parts


def parse_value(text: str) -> Any:
    """A TOML value when the text is one (8, 19.9, true, "达成"), otherwise the text itself."""
    import tomllib

    from .readers import long_dotted_key

    if long_dotted_key(text) is not None:  # no value of a table: not worth tomllib's time
        return text.strip()
    try:
        return tomllib.loads(f"v = {text}", parse_float=Decimal)["v"]
    except Exception:  # not a TOML value: the text as written, e.g. ≥90% or 达成
        return text.strip()


def apply_changes(data: dict[str, Any], changes: list[str]) -> dict[str, Any]:
    """A copy of ``data`` with each ``PATH=VALUE`` applied."""
    changed = copy.deepcopy(data)
    paths = [change.partition("=")[0].strip() for change in changes]
    twice = sorted({p for p in paths if paths.count(p) > 1})
    if twice:
        raise UsageError(
            _("--set names {paths} more than once").format(paths=", ".join(twice)),
            hint=_("give each key path once"),
        )
    for change in changes:
        path, sep, value = change.partition("=")
        if not sep:
            raise UsageError(
                _("--set {change} has no value").format(change=repr(change)),
                hint=_("write PATH=VALUE, e.g. projects[0].budget.spent=19.9"),
            )
        set_value(changed, path.strip(), parse_value(value))
    return changed


def get_value(data: dict[str, Any], path: str) -> Any:
    """The value at a key path, or None where the file has none."""
    node: Any = data
    for part in parse_path(path):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def set_value(data: dict[str, Any], path: str, value: object) -> None:
    parts = parse_path(path)
    node: Any = data
    for depth, part in enumerate(parts[:-1]):
        node = _step(node, part, parts[: depth + 1], path)
    last = parts[-1]
    if isinstance(last, int):
        _step(node, last, parts, path)  # the index must exist
    elif not isinstance(node, dict):
        raise UsageError(
            _("--set {path}: {key} is not a table").format(path=path, key=_shown(parts[:-1]))
        )
    node[last] = value


def _step(node: Any, part: str | int, so_far: list[str | int], path: str) -> Any:
    if isinstance(part, int):
        if not isinstance(node, list) or part >= len(node):
            size = len(node) if isinstance(node, list) else 0
            raise UsageError(
                _("--set {path}: {key} does not exist").format(path=path, key=_shown(so_far)),
                hint=_("the file has {count} of them, numbered from 0").format(count=size),
            )
        return node[part]
    if not isinstance(node, dict) or part not in node:
        raise UsageError(
            _("--set {path}: {key} is not in the file").format(path=path, key=_shown(so_far)),
            hint=_("name a key the file has; `scoring schema evaluation` lists them"),
        )
    return node[part]


def _shown(parts: list[str | int]) -> str:
    from .schemas import key_path

    return key_path(parts)


# --- goal search ------------------------------------------------------------------------------


# A value the search gives a row: a number (an amount, an actual), or words (a tier, a date).
Value = Decimal | str


@dataclass(frozen=True)
class Candidate:
    """One row that could score more: where to change it, from what, to what at full marks.

    A numeric row has numbers for ``current`` and ``full`` and its precision as ``step``; a row
    of words (a tier, a deadline met) has words for both and no ``step``."""

    path: str  # key path of the value to change
    label: str
    current: Value
    full: Value
    unit: str
    step: Decimal | None  # precision of a numeric value; None for a word
    gain: Decimal  # department points at full marks, for ordering
    filed: str = ""  # the value as filed, when ``current`` is it in another unit
    excluded: Decimal | None = None  # the bound a strict target leaves out (<5%: 5)

    def text(self, value: Value) -> str:
        return value if isinstance(value, str) else f"{format_decimal(value)}{self.unit}"


# A candidate with the value chosen for it.
Choice = tuple[Candidate, Value]


@dataclass(frozen=True)
class Change:
    path: str
    label: str
    before: str
    after: str

    @property
    def set_arg(self) -> str:
        return f"{self.path}={self.after}"

    def to_dict(self) -> dict[str, str]:
        return {"where": self.path, "label": self.label, "from": self.before, "to": self.after}


@dataclass(frozen=True)
class Plan:
    goal: Decimal
    goal_label: str
    before: Result
    after: Result | None  # the rescored table with the changes; None when unreachable
    changes: tuple[Change, ...]
    best: Decimal | None = None  # the score with every value at its target, when unreachable
    # when unreachable: the rows still below full marks with every value at its target — a
    # filed 得分 the rules adopt (a cut of the unit's own), the evaluator's judgement — each
    # as (label, score, weight)
    held: tuple[tuple[str, Decimal, Decimal], ...] = ()

    @property
    def reachable(self) -> bool:
        return self.after is not None


def _decimals(*values: Decimal) -> int:
    """The most decimal places any of ``values`` is written with."""
    return max(decimal_places(value) for value in values)


def _share(result: Result, evaluation: Evaluation, index: int | None) -> Decimal:
    """How much one point of a table moves the department score."""
    method = result.department.method
    if index is None:
        return Decimal(1) if method == "table" else Decimal(0)
    if method == "table":
        return Decimal(0)
    budgets = [p.budget.adjusted for p in evaluation.projects]
    total = sum(budgets, Decimal(0))
    if method == "budget-weighted" and total > 0:
        return budgets[index] / total
    return Decimal(1) / len(budgets)


def candidates(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> list[Candidate]:
    """Every row below full marks, with the value that would give it full marks."""
    top_tier = max(ruleset.tiers, key=lambda t: t.max).name
    found: list[Candidate] = []
    spent_label = _("{table} · amount spent")  # a project's 全年执行数
    tables: list[tuple[int | None, Table, TableResult]] = [
        (i, t, s) for i, (t, s) in enumerate(zip(evaluation.projects, result.projects))
    ]
    if evaluation.department.table is not None and result.department.table is not None:
        tables.append((None, evaluation.department.table, result.department.table))
    for index, table, scored in tables:
        share = _share(result, evaluation, index)
        if share == 0:
            continue
        execution = scored.execution
        denominator = (
            table.budget.adjusted
            if ruleset.execution["denominator"] == "adjusted"
            else table.budget.planned
        )
        if execution.score < execution.weight and denominator > 0:
            found.append(
                Candidate(
                    f"{table.budget.where}.spent",
                    spent_label.format(table=scored.name),
                    table.budget.spent,
                    denominator,
                    "",
                    Decimal("0.01"),
                    (execution.weight - execution.score) * share,
                )
            )
        for filed, row in zip(table.indicators, scored.indicators):
            if (
                not row.applicable
                or row.score is None  # never for an applicable row
                or row.score >= row.weight
                or row.method == "judgement"
            ):
                continue  # a blank row's score is the evaluator's: no value of it to change
            gain = (row.weight - row.score) * share
            label = f"{scored.name} · {row.name}"
            deadline = filed.target.deadline
            if deadline is None and row.method == "deadline" and filed.target.value is not None:
                # a time limit read from its name or unit (工期 | 180天, ≤2h), scored as 180天内
                assert filed.target.unit is not None
                deadline = Deadline(
                    within=Duration(filed.target.value, filed.target.unit),
                    strict=filed.target.op == LT,
                )
            if deadline is not None:
                on_time = on_time_text(deadline, evaluation.department.year)
                found.append(
                    Candidate(
                        f"{filed.where}.actual", label, filed.actual_text, on_time, "", None, gain
                    )
                )
                continue
            if filed.target.value is None or filed.actual is None:  # words (定性)
                found.append(
                    Candidate(
                        f"{filed.where}.actual", label, filed.actual_text, top_tier, "", None, gain
                    )
                )
                continue
            candidate = _numeric_candidate(filed, row.op, label, gain, ruleset)
            if candidate is not None:
                found.append(candidate)
    return sorted(found, key=lambda c: -c.gain)


def _numeric_candidate(
    filed: Indicator, op: str | None, label: str, gain: Decimal, ruleset: RuleSet
) -> Candidate | None:
    """A number against a number scored ``op`` below full marks, with the value that gives it
    full marks: the bound it misses, in the target's unit, as the row was scored (250000元
    against ≤20万元 is 25万元); None when it is at its target already (what it lacks is a cut
    or a deduction: no change is proposed that would report less)."""
    actual = filed.actual
    assert actual is not None, "a row of words has its own candidate"
    rate = ruleset.names_a_rate(filed.name)
    reverse = op in (LE, LT)  # the comparison scored, inferred ones included
    bound = filed.target
    try:
        if bound.op == RANGE:
            # below a range, its lower bound (as ≥); above it, its upper (as ≤) — outside a
            # range about 0 (±5%) the row was scored by its size as ≤, on either side
            low, current, _unit = align_units(bound.bound(GE), actual, ruleset.units, rate=rate)
            reverse = current >= low
            bound = bound.bound(LE if reverse else GE)
        target, current, unit = align_units(bound, actual, ruleset.units, rate=rate)
    except ValueProblem:  # scored some other way (a time limit read as a deadline)
        return None
    step = _precision(target, current, actual.value)
    if actual.unit and max(decimal_places(current), decimal_places(step)) > CONVERTED_PLACES:
        # 10分钟 against >半小时 is 0.1666…小时, and 90分钟 against ≥2小时 moves by 1/60小时:
        # the search is made in the unit filed, where the target is exact (30分钟 → 31分钟)
        back = ruleset.units.convert(target, unit or "", actual.unit)
        if back is not None and decimal_places(back) <= CONVERTED_PLACES:
            target, current, unit = back, actual.value, actual.unit
            step = _precision(target, current, current)
    if (current <= target) if reverse else (current >= target):
        return None
    # a strict target (<5%, >95%) is met a step past its bound, not at it: there the rule set
    # may still give full marks, but the row is flagged (strict-bound-equal)
    strict = op in (LT, GT)
    full = target + (-step if reverse else step) if strict else target
    return Candidate(
        f"{filed.where}.actual",
        label,
        current,
        full,
        unit or "",
        step,
        gain,
        filed.actual_text,
        target if strict else None,
    )


def _precision(target: Decimal, current: Decimal, filed: Decimal) -> Decimal:
    """The precision a value moves by: as fine as either value was filed, and as the actual
    was filed in its own unit (50000元 in 万元 moves by 0.0001, one 元)."""
    step = Decimal(1).scaleb(-_decimals(target, current))
    if filed and current != filed:
        step = min(step, Decimal(1).scaleb(-_decimals(filed)) * current / filed)
    return step


def plan(
    evaluation: Evaluation,
    ruleset: RuleSet,
    host: Host | None,
    goal: Decimal,
    goal_label: str,
) -> Plan:
    """The fewest rows, and the least change in the last of them, that reach ``goal``.

    ``evaluation`` is read once; the search rescores it through :class:`_Search`, which reads
    and scores again only the table a change is in. The plan found is checked by reading the
    file's data with the changes, as a file is read, and scoring it through the whole
    pipeline."""
    from .api import score
    from .loader import load_evaluation

    before = score(evaluation, ruleset, host=host, record=False)
    if before.department.score >= goal:
        return Plan(goal, goal_label, before, before, ())
    rows = candidates(evaluation, before, ruleset)
    search = _Search(evaluation, ruleset, host)
    best = search.score([(c, c.full) for c in rows])
    if best < goal:
        return Plan(
            goal, goal_label, before, None, (), best, _held(evaluation, rows, ruleset, host)
        )
    chosen: list[Choice] = []
    add = search.adding()
    for candidate in rows:
        chosen.append((candidate, candidate.full))
        if add(chosen[-1]) >= goal:
            break
    # Then each numeric change, the last taken first, is cut back to the least value that still
    # reaches the goal with the others as they stand.
    for index in reversed(range(len(chosen))):
        others = search.varying(chosen[:index] + chosen[index + 1 :])
        chosen[index] = (chosen[index][0], _least_value(chosen[index][0], goal, others))
    changed = copy.deepcopy(evaluation.data)
    for candidate, value in chosen:
        set_value(changed, candidate.path, candidate.text(value))
    after = score(load_evaluation(changed, evaluation.source), ruleset, host=host, record=False)
    if after.department.score < goal:  # checked by rescoring, never assumed
        raise RuntimeError(
            _("the plan reached {score}, not {goal}: a fault in whatif").format(
                score=after.department.score, goal=goal
            )
        )
    changes = tuple(
        Change(c.path, c.label, c.filed or c.text(c.current), c.text(v)) for c, v in chosen
    )
    return Plan(goal, goal_label, before, after, changes)


def _held(
    evaluation: Evaluation, rows: list[Candidate], ruleset: RuleSet, host: Host | None
) -> tuple[tuple[str, Decimal, Decimal], ...]:
    """The rows below full marks once every candidate is at its target, scored through the
    whole pipeline: what keeps the goal out of reach, since no value is lowered (a filed 得分 of
    27 the rules adopt within the 达成 band, the unit's own cut for exceeding its target — which
    reporting less would undo — or the evaluator's judgement)."""
    from .api import score
    from .loader import load_evaluation

    changed = copy.deepcopy(evaluation.data)
    for candidate in rows:
        set_value(changed, candidate.path, candidate.text(candidate.full))
    best = score(load_evaluation(changed, evaluation.source), ruleset, host=host, record=False)
    tables = [*best.projects]
    if best.department.table is not None:
        tables.append(best.department.table)
    return tuple(
        (f"{table.name} · {row.name}", row.score, row.weight)
        for table in tables
        for row in table.indicators
        if row.applicable and row.score is not None and row.score < row.weight
    )


# The values a search sets in one table, by key path, as text: ((path, value), …) in order.
Values = tuple[tuple[str, str], ...]


class _Search:
    """The department's score of ``evaluation`` with some values changed, as the search asks
    for it hundreds of times. A table is read again (:func:`scoring.loader.reread`) and scored
    once for each set of values it is given; every other table keeps its reading and its
    score, and the department's score is combined from them as the engine combines them
    (:func:`scoring.engine.department_score`). So a rescoring reads and scores the one table
    whose value it tries, not the file."""

    def __init__(self, evaluation: Evaluation, ruleset: RuleSet, host: Host | None) -> None:
        from .host import default_host

        self.evaluation = evaluation
        self.ruleset = ruleset
        self.methods = (host or default_host()).methods
        self.read: dict[tuple[str, Values], Any] = {}  # a table read with values: its record
        # id of a table → (the table, its score): kept with the table, so the id stays its own
        self.scored: dict[int, tuple[Table, TableResult]] = {}

    def score(self, changes: list[Choice]) -> Decimal:
        """The department's score with ``changes``."""
        by_table: dict[str, list[tuple[str, str]]] = {}
        for choice in changes:
            by_table.setdefault(_table_of(choice[0].path), []).append(_set(choice))
        return self._department(self._changed(self.evaluation, by_table))

    def adding(self) -> Callable[[Choice], Decimal]:
        """The department's score as changes are added one by one: each call reads again the
        table of the change it adds, the others as the calls before left them."""
        by_table: dict[str, list[tuple[str, str]]] = {}
        current = [self.evaluation]

        def add(choice: Choice) -> Decimal:
            table = _table_of(choice[0].path)
            by_table.setdefault(table, []).append(_set(choice))
            current[0] = self._changed(current[0], {table: by_table[table]})
            return self._department(current[0])

        return add

    def varying(self, fixed: list[Choice]) -> Callable[[Choice], Decimal]:
        """The department's score with ``fixed`` and one change more, for trying many values of
        one row while the others stay: the tables of ``fixed`` are read once, here."""
        by_table: dict[str, list[tuple[str, str]]] = {}
        for choice in fixed:
            by_table.setdefault(_table_of(choice[0].path), []).append(_set(choice))
        base = self._changed(self.evaluation, by_table)

        def score_with(choice: Choice) -> Decimal:
            table = _table_of(choice[0].path)
            own = [*by_table.get(table, []), _set(choice)]
            return self._department(self._changed(base, {table: own}))

        return score_with

    def _department(self, evaluation: Evaluation) -> Decimal:
        from .engine import department_score

        return department_score(evaluation, self.ruleset, self.methods, self._table_score)

    def _changed(self, base: Evaluation, by_table: dict[str, list[tuple[str, str]]]):
        """``base`` with each table of ``by_table`` as read with its values set."""
        from dataclasses import replace

        department = base.department
        projects = list(base.projects)
        for table, values in by_table.items():
            read = self._read(table, tuple(values))
            if table == "department":
                department = read
            else:
                projects[_index_of(table)] = read
        return replace(base, department=department, projects=tuple(projects))

    def _read(self, table: str, values: Values):
        """The record of one table (a Table, or the Department) read with ``values`` set in
        its data, once for each set of values."""
        from .loader import reread

        key = (table, values)
        if key not in self.read:
            data = dict(self.evaluation.data)  # the other tables' data shared, not copied
            if table == "department":
                data["department"] = copy.deepcopy(data["department"])
            else:
                data["projects"] = list(data["projects"])
                index = _index_of(table)
                data["projects"][index] = copy.deepcopy(data["projects"][index])
            for path, value in values:
                set_value(data, path, value)
            read = reread(self.evaluation, data, [table])
            self.read[key] = (
                read.department if table == "department" else read.projects[_index_of(table)]
            )
        return self.read[key]

    def _table_score(self, table: Table, ctx) -> TableResult:
        """A project's score, remembered once it was scored without a row refused (a refused
        row is raised from ``ctx`` by the caller, as the engine raises it)."""
        from .scorer import score_table

        known = self.scored.get(id(table))
        if known is not None and known[0] is table:
            return known[1]
        scored = score_table(table, ctx)
        if not ctx.refused:
            self.scored[id(table)] = (table, scored)
        return scored


def _set(choice: Choice) -> tuple[str, str]:
    """A choice as the search sets it: (key path, the value as text)."""
    candidate, value = choice
    return candidate.path, candidate.text(value)


@lru_cache(maxsize=4096)  # the same few hundred paths, asked for at every rescoring
def _table_of(path: str) -> str:
    """The table a key path is in: ``projects[3]`` or ``department``."""
    parts = parse_path(path)
    return "department" if parts[0] == "department" else f"projects[{parts[1]}]"


def _index_of(table: str) -> int:
    """``projects[3]`` → 3."""
    return int(table.removeprefix("projects[").removesuffix("]"))


def _least_value(
    candidate: Candidate, goal: Decimal, rescore: Callable[[Choice], Decimal]
) -> Value:
    """The value closest to the current one that still reaches the goal (binary search);
    ``rescore`` gives the department's score with the candidate at a value, the other changes
    as they stand."""
    current, full, step = candidate.current, candidate.full, candidate.step
    if step is None or isinstance(current, str) or isinstance(full, str):
        return full  # words: nothing lies between them (a numeric row has numbers and a step)
    steps = int(abs(full - current) / step)
    direction = 1 if full >= current else -1
    low, high = 0, steps  # high reaches the goal (checked by the caller)
    while high - low > 1:
        middle = (low + high) // 2
        value = current + direction * middle * step
        if rescore((candidate, value)) >= goal:
            high = middle
        else:
            low = middle
    value = full if high == steps else current + direction * high * step
    if value == candidate.excluded:  # the bound of a strict target does not meet it
        value += direction * step  # still between the current value and ``full``
    return value


def goal_from(
    args_grade: str | None, args_score: str | None, ruleset: RuleSet
) -> tuple[Decimal, str]:
    bounds = dict(ruleset.grades)
    if args_grade is not None:
        if args_grade not in bounds:
            raise UsageError(
                _("--grade {grade} is not a grade of {ruleset}").format(
                    grade=repr(args_grade), ruleset=ruleset.id
                ),
                hint=_("grades: {grades}").format(grades=", ".join(bounds)),
            )
        bound = Decimal(bounds[args_grade])
        return bound, _("{grade} (≥ {score})").format(grade=args_grade, score=format_decimal(bound))
    try:
        if args_score is None:  # neither goal given
            raise ValueError
        score = Decimal(args_score)
        if not score.is_finite() or not 0 <= score <= ruleset.total:
            raise ValueError
    except Exception:
        raise UsageError(
            _("--score {score} is not a score of this rule set").format(score=repr(args_score)),
            hint=_("give a score from 0 to {full}, e.g. --score 90").format(
                full=format_decimal(ruleset.total)
            ),
        ) from None
    return score, _("{score} points").format(score=format_decimal(score))
