"""From plain data to an :class:`~scoring.model.Evaluation`: validate, then parse every value.

Validation against the shipped JSON Schema catches unknown and missing keys and wrong types;
parsing then reads numbers, money and targets with :mod:`scoring.values`. Every problem is
reported with its key path in the file, all of them at once where possible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from . import schemas
from .errors import InputError, Problem
from .i18n import _, ngettext
from .model import (
    BUDGET_LABELS,
    DATA_SOURCE,
    Budget,
    Department,
    Evaluation,
    Indicator,
    Note,
    Table,
)
from .readers import result_hint, written_by_scoring
from .values import (
    CACHE_SIZE,
    Quantity,
    Target,
    ValueProblem,
    cut,
    format_decimal,
    is_blank,
    normalise,
    parse_money,
    parse_quantity,
    parse_target,
    quoted,
    read_label,
    same_text,
    target_hint,
    to_decimal,
    without_notes,
)

# 其中：… rows break the row above down; without 分值 they are shown and not scored.
BREAKDOWN = ("其中",)
ZERO = Decimal(0)
# The points read from each text (at most CACHE_SIZE texts, then read anew): a Decimal, or
# None for a blank.
_POINTS: dict[str, Decimal | None] = {}


class _Collector:
    """Gathers value problems so one run reports every bad value, not only the first (at most
    ``MAX_PROBLEMS`` of them listed, the rest counted), and what was assumed in reading
    (reported as ``read-assumption`` findings)."""

    def __init__(self) -> None:
        self.problems = schemas.ProblemList()
        self.traditional: list[tuple[str, str]] = []  # (key path, text) written in 繁体
        self.traditional_count = 0
        self.notes: list[Note] = []  # other assumptions, each said where it was made

    def take(self, where: str, parse, raw, key: str = ""):
        """``parse(raw)``, or None with the problem noted at ``where`` (then ``.key``, when
        given: the path is written out only for a value refused)."""
        try:
            return parse(raw)
        except ValueProblem as exc:
            self.problems.add(Problem(str(exc), f"{where}.{key}" if key else where, exc.hint))
            return None

    def points(self, raw: dict, where: str, key: str) -> Decimal | None:
        """The points (分值, 得分, 扣减分数) filed at ``key`` of ``raw``; None when none are."""
        value = raw.get(key)
        if value is None:
            return None
        if type(value) is str:  # the same few texts on every row of a batch: read once
            if value in _POINTS:
                return _POINTS[value]
            read = self.take(where, parse_points, value, key)
            if read is not None or is_blank(value):  # a refused text is refused at each place
                if len(_POINTS) >= CACHE_SIZE:
                    _POINTS.clear()
                _POINTS[value] = read
            return read
        return self.take(where, parse_points, value, key)

    def note_traditional(self, where: str, text: str) -> None:
        """Text written in 繁体: the first is quoted, the others counted."""
        if not self.traditional:
            self.traditional.append((where, text))
        self.traditional_count += 1


def load_evaluation(data: dict, source: str = DATA_SOURCE) -> Evaluation:
    """Validate ``data`` (the structure of ``scoring schema evaluation``) and parse it."""
    if not isinstance(data, dict):
        raise InputError(
            _("an evaluation is a table with `department` and `projects`"), file=source
        )
    if written_by_scoring(data):
        raise InputError(
            _("this is a result scoring wrote (-f json), not an evaluation"),
            file=source,
            hint=result_hint(),
        )
    # a value no file holds (NaN, a set, text with half a character) is the data's mistake;
    # the schema's are of the form
    shape = schemas.structure_problems(data)
    if shape:
        raise shape.error(InputError, source)
    problems = schemas.problem_list("evaluation", data, plain=True)
    if problems:
        raise problems.error(InputError, source, code="schema")
    found = _Collector()
    department_data = data["department"]
    budget = _budget(department_data["budget"], "department.budget", found)
    table = None
    if "indicators" in department_data:
        # The department's filed score and grade are its own, checked once as the department's.
        own = {k: v for k, v in department_data.items() if k not in ("score", "grade")}
        table = _table(own, "department", found, budget=budget)
        budget = table.budget  # with the table's own 预算执行率 row, when it files one
    projects = tuple(
        _table(project, f"projects[{i}]", found)
        for i, project in enumerate(data.get("projects", []))
    )
    department = Department(
        name=department_data["name"],
        year=found.take("department.year", parse_year, department_data["year"]) or 0,
        budget=budget,
        table=table,
        score=found.take("department.score", parse_points, department_data.get("score")),
        grade=department_data.get("grade"),
        goal=department_data.get("goal", ""),
        result=department_data.get("result", ""),
        weights_reason=department_data.get("weights_reason", "").strip(),
    )
    if not projects and table is None:
        found.problems.add(
            Problem(
                _("there is nothing to score"),
                "projects",
                _("add at least one [[projects]] table, or the department's own `indicators`"),
            )
        )
    if found.problems:
        raise found.problems.error(InputError, source)
    notes = [Note.of(note) for note in getattr(data, "notes", ())]
    if found.traditional:
        notes.append(_traditional_note(found))
    notes.extend(found.notes)
    return Evaluation(
        department=department,
        projects=projects,
        source=source,
        locations=getattr(data, "locations", {}),
        notes=tuple(notes),
        data=data,
    )


def _traditional_note(found: _Collector) -> Note:
    """What was assumed of text written in Traditional characters: read as Simplified, said at
    the first such text, quoted, with how many there were."""
    where, text = found.traditional[0]
    return Note(
        where,
        ngettext(
            "{count} text is written in Traditional characters (such as “{text}”) and was read "
            "as Simplified",
            "{count} texts are written in Traditional characters (such as “{text}”) and were "
            "read as Simplified",
            found.traditional_count,
        ).format(count=found.traditional_count, text=cut(text)),
    )


def reread(evaluation: Evaluation, data: dict, tables: Iterable[str]) -> Evaluation:
    """``evaluation`` with the tables named in ``tables`` (``projects[3]``, ``department``)
    read again from ``data`` — the data of ``evaluation`` with values of those tables changed —
    and every other table kept as it was read: rescoring a change costs the table it is in, not
    the whole file (what-if's search rescores hundreds of times). Each value of a table read
    again is parsed as :func:`load_evaluation` parses it; the schema is not applied again, so
    the changes must keep each value's type. Raises InputError for a value that cannot be read."""
    found = _Collector()
    department = evaluation.department
    projects = list(evaluation.projects)
    for name in tables:
        if name == "department":
            department = _department_again(department, data["department"], found)
            continue
        index = int(name.removeprefix("projects[").removesuffix("]"))
        projects[index] = _table(data["projects"][index], name, found)
    if found.problems:
        raise found.problems.error(InputError, evaluation.source)
    return replace(evaluation, department=department, projects=tuple(projects), data=data)


def _department_again(department: Department, raw: dict, found: _Collector) -> Department:
    """The department's budget row, and its own table when it has one, read again from ``raw``."""
    budget = _budget(raw["budget"], "department.budget", found)
    table = None
    if department.table is not None:
        own = {k: v for k, v in raw.items() if k not in ("score", "grade")}
        table = _table(own, "department", found, budget=budget)
        budget = table.budget
    return replace(department, budget=budget, table=table)


_YEAR = re.compile(r"(\d{4})\s*(?:年度?)?")


def parse_year(raw) -> int:
    """年度: ``2024``, ``"2024"``, ``"2024年"`` or ``"2024年度"``."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        year = raw
    else:
        found = _YEAR.fullmatch(normalise(str(raw)))
        if not found:
            raise ValueProblem(
                _("{value} is not a year").format(value=quoted(raw)),
                _("write the year as 2024 (or 2024年)"),
            )
        year = int(found.group(1))
    if not 1949 <= year <= 9999:
        raise ValueProblem(
            _("{value} is not a year of a 自评表").format(value=quoted(raw)),
            _("write the year as 2024"),
        )
    return year


def parse_points(raw) -> Decimal | None:
    """Points as filed (分值, 得分, 扣减分数): a number, or a number of 分 (``"9.5分"``); None
    when blank. Anything else, or a negative number, is a ValueProblem."""
    if is_blank(raw):
        return None
    quantity = parse_quantity(raw)
    if quantity is None or quantity.unit not in (None, "分") or quantity.bound is not None:
        raise ValueProblem(
            _("{value} is not a score").format(value=quoted(raw)),
            _("write the points as a number, e.g. 9.5"),
        )
    if quantity.value < 0:
        raise ValueProblem(
            _("{value} is negative").format(value=raw),
            _("points (分值, 得分, 扣减分数) are 0 or more"),
        )
    return quantity.value


def _budget(raw: dict, where: str, found: _Collector) -> Budget:
    # each amount filed is read once, at its own key; planned and adjusted default to each other
    amounts = {
        key: found.take(where, parse_money, raw[key], key)
        for key in ("planned", "adjusted", "spent")
        if key in raw
    }
    planned = amounts["planned"] if "planned" in raw else amounts.get("adjusted")
    adjusted = amounts["adjusted"] if "adjusted" in raw else planned
    spent = amounts["spent"]
    if "adjusted" not in raw and planned is not None:  # scored on the planned
        found.notes.append(_a_budget_taken_for_the_other(where, "adjusted", "planned", planned))
    for key, value in amounts.items():
        if value is not None and value < 0:
            found.problems.add(
                Problem(
                    _negative_amount(key).format(amount=format_decimal(value)),
                    f"{where}.{key}",
                    _("amounts of money are 0 or more"),
                )
            )
    return Budget(
        planned=planned or ZERO,
        adjusted=adjusted or ZERO,
        spent=spent or ZERO,
        score=found.points(raw, where, "score"),
        reason=raw.get("reason", "").strip(),
        where=where,
        weight=found.points(raw, where, "weight"),
    )


def _a_budget_taken_for_the_other(where: str, blank: str, filled: str, amount: Decimal) -> Note:
    """全年预算数 not given beside the 年初预算数, which stands for it (SPEC's default), as is
    said: one left out may hide a budget adjusted in the year, and the execution rate is
    全年执行数 over it. (年初预算数 left out is taken as the 全年预算数 unsaid: it scores nothing.)"""
    return Note(
        f"{where}.{blank}",
        _("{label} is not given: taken as the {other}, {amount}").format(
            label=BUDGET_LABELS[blank], other=BUDGET_LABELS[filled], amount=format_decimal(amount)
        ),
    )


def _negative_amount(key: str) -> str:
    """The message for a negative amount at ``key`` of a budget row, an ``{amount}`` in it."""
    return {
        "planned": _("planned is negative ({amount})"),
        "adjusted": _("adjusted is negative ({amount})"),
        "spent": _("spent is negative ({amount})"),
    }[key]


def _table(raw: dict, where: str, found: _Collector, budget: Budget | None = None) -> Table:
    budget = budget or _budget(raw["budget"], f"{where}.budget", found)
    indicators = tuple(
        _indicator(ind, f"{where}.indicators[{i}]", found)
        for i, ind in enumerate(raw["indicators"])
    )
    rows = [
        ind
        for ind in indicators
        if ind.counted and ind.applicable and names_the_execution_row(ind.name)
    ]
    if rows:  # the table's own 预算执行率 row among its indicators (部门整体 tables file it so)
        budget = _execution_row(rows, budget, found)
        indicators = tuple(ind for ind in indicators if ind is not rows[0])
        if not any(ind.counted and ind.applicable for ind in indicators):
            found.problems.add(_only_the_execution_row(raw, rows[0]))
    _refuse_all_not_applicable(raw, indicators, where, found)
    return Table(
        name=raw["name"],
        budget=budget,
        indicators=indicators,
        score=found.points(raw, where, "score"),
        grade=raw.get("grade"),
        goal=raw.get("goal", ""),
        result=raw.get("result", ""),
        weights_reason=raw.get("weights_reason", "").strip(),
        where=where,
    )


# The names of the form's execution row, a row so named among the indicators being that row:
# 预算执行率 and 资金执行率, with whose budget they are (项目, 部门, 年度 …), a note in brackets
# aside (预算执行率（%）, 预算执行率（20分）) — not the rate of one kind of spending
# (政府采购执行率, “三公”经费执行率), which is an indicator of its own.
_EXECUTION_ROW = re.compile(
    "(?:项目|部门|单位|整体|年度|全年|本年|当年)*(?:预算资金|财政资金|项目资金|预算|资金)?执行率"
)


def names_the_execution_row(name: str) -> bool:
    """Whether an indicator's 三级指标 names the table's 预算执行率 row (预算执行率, 资金执行率,
    项目预算执行率, 预算执行率（%）…; not 政府采购执行率): the loader reads such a row, counted
    and applicable, as the table's execution row."""
    return _EXECUTION_ROW.fullmatch(without_notes(name)) is not None


def _execution_row(rows: list[Indicator], budget: Budget, found: _Collector) -> Budget:
    """The table's 预算执行率 row filed among its indicators (部门整体 tables built on 财预
    〔2013〕53号 put it under 过程): the execution row itself, not an indicator beside the one
    the rule set adds — counted twice, a table of 100 points became 110. Its 分值, 得分 and
    偏差原因 become the execution row's (a project's is scored on the rule set's 分值, which
    ``execution-weight-filed`` compares with it; the department's own table on this one, see
    :func:`scoring.weights.execution_weight`); it is scored, as that row is, by
    全年执行数 / 全年预算数, and a 实际完成值 that says another rate is said beside it. A second
    such row, or one beside a 分值 filed for the execution row, is refused: which is it?"""
    row = rows[0]
    if len(rows) > 1 or budget.weight is not None:
        found.problems.add(
            Problem(
                _("the table has two 预算执行率 rows: this one, and {other}").format(
                    other=rows[0].where if len(rows) > 1 else budget.where
                ),
                rows[-1].where,
                _("keep one 预算执行率 row: the execution row is scored from the budget"),
            )
        )
        return budget
    words = _(
        "「{name}」 is the table's 预算执行率 row ({weight} points filed): scored as that row, "
        "by 全年执行数 / 全年预算数, not as an indicator beside it"
    ).format(name=row.name, weight=format_decimal(row.weight) if row.weight is not None else "—")
    filed = _filed_rate(row, budget)
    if filed is not None:
        words += _("; its 实际完成值 {actual} is not that rate, {rate}").format(
            actual=quoted(row.actual_text), rate=filed
        )
    severity = "warning" if filed is not None else "info"
    mine, theirs = row.score, budget.score
    if mine is not None and theirs is not None and mine != theirs:
        # G11 16 beside H6 10: the execution row's is reviewed, the other said
        words += _(
            "; its 得分 {score} is not the execution row's, {other}, which is reviewed"
        ).format(score=format_decimal(mine), other=format_decimal(theirs))
        severity = "warning"
    found.notes.append(Note(row.where, words, severity))
    return replace(
        budget,
        weight=row.weight,
        score=budget.score if budget.score is not None else row.score,
        reason=budget.reason or row.reason,
    )


def _only_the_execution_row(raw: dict, row: Indicator) -> Problem:
    """A table whose one row to score is its 预算执行率: scored on it alone, a department's
    18.00 差 would stand for its table, as one of rows all not applicable would (refused too)."""
    return Problem(
        _(
            "「{name}」 has no indicator to score besides its 预算执行率 row, which is the "
            "execution row"
        ).format(name=cut(str(raw["name"]))),
        row.where,
        _("add the table's other indicators, or leave the table out of the file"),
    )


def _filed_rate(row: Indicator, budget: Budget) -> str | None:
    """The rate the budget gives (全年执行数 / 全年预算数, as a percentage to the places the row's
    实际完成值 has, half up), where that 实际完成值 is a percentage other than it; else None."""
    actual = row.actual
    if actual is None or actual.unit != "%" or budget.adjusted <= 0:
        return None
    places = Decimal(1).scaleb(min(actual.value.as_tuple().exponent, 0))  # type: ignore[arg-type]
    rate = (budget.spent * 100 / budget.adjusted).quantize(places, ROUND_HALF_UP)
    return None if rate == actual.value else f"{format_decimal(rate)}%"


def _refuse_all_not_applicable(raw: dict, indicators, where: str, found: _Collector) -> None:
    """A table whose every indicator is marked not applicable has nothing left to score but its
    execution row: a score from that alone would pass for the table's, so it is refused."""
    marked = [ind for ind in raw["indicators"] if ind.get("applicable", True) is False]
    if not marked or any(ind.applicable for ind in indicators):
        return
    found.problems.add(
        Problem(
            _(
                "no indicator of 「{name}」 is left to score: {count} marked not applicable "
                "(applicable = false) and none applicable, so only the execution row would be "
                "scored"
            ).format(name=cut(str(raw["name"])), count=len(marked)),
            f"{where}.indicators",
            _(
                "set applicable = true on the indicators that apply this year; a project with "
                "none is left out of the file"
            ),
        )
    )


def _kind(name: str, raw: dict, weight, score) -> str:
    """Which of the model's ROW_KINDS a row of the grid is."""
    if weight is None and name.startswith(BREAKDOWN):
        return "breakdown"
    if is_blank(raw["target"]) and is_blank(raw["actual"]):
        if weight is None and score is None:
            return "empty"
        if weight is not None and score is not None:
            return "blank"
    return "row"


_LABELS = ("level1", "level2", "name", "target", "actual")  # the row's text, in the form's order


def _indicator(raw: dict, where: str, found: _Collector) -> Indicator:
    # in the form's order, so that the first text noted is the first on the form (_text, inline)
    texts = []
    for key in _LABELS:
        value = raw[key]
        if isinstance(value, str):
            filed, value = read_label(value)
            if value != filed:
                found.note_traditional(f"{where}.{key}", filed)
        texts.append(value)
    level1, level2, name, target_raw, actual_raw = texts
    weight = found.points(raw, where, "weight")
    score = found.points(raw, where, "score")
    kind = _kind(name, raw, weight, score)
    # a number filed as a number is read once, here: its text is how it is shown
    text = isinstance(actual_raw, str)
    number = None if text else found.take(where, to_decimal, actual_raw, "actual")
    actual_text = actual_raw if text else _plain(number)
    actual = None
    if kind == "row":
        if is_blank(target_raw):
            found.problems.add(Problem(_("the target is empty"), f"{where}.target", _hint(score)))
            target = None
        else:
            target = found.take(where, parse_target, target_raw, "target")
        # A qualitative (定性) row is scored by the words of its actual, a deadline by the
        # scorer's reading of a date; only a quantity needs a number here.
        if target is not None and target.value is not None:
            if number is not None:
                actual = Quantity(number)
            elif text and target.upper is not None and same_text(actual_raw, target_raw):
                found.problems.add(_range_restated(where, actual_raw))
            elif text:
                actual = found.take(where, parse_quantity, actual_raw, "actual")
    else:
        target = _shown_target(target_raw)
    return Indicator(
        level1=level1,
        level2=level2,
        name=name,
        target=target if target is not None else Target("?"),
        actual_text="" if kind != "row" and is_blank(actual_raw) else actual_text,
        actual=actual,
        weight=weight,
        score=score,
        reason=raw.get("reason", "").strip(),
        applicable=raw.get("applicable", True) and kind in ("row", "blank"),
        deduction=found.points(raw, where, "deduction"),
        where=where,
        kind=kind,
    )


def _range_restated(where: str, actual) -> Problem:
    """A range target copied into the 实际完成值: a claim, not the figure reached."""
    return Problem(
        _("实际完成值 {actual} restates the range of the target, not the figure reached").format(
            actual=quoted(actual)
        ),
        f"{where}.actual",
        _('write the figure reached, e.g. "98%"'),
    )


def _hint(score) -> str:
    """The fix for an empty target that fits the row: with a filed 得分, leaving both values
    blank is also a way (the evaluator's judgement)."""
    if score is None:
        return target_hint()
    return _(
        'write the 年度指标值, e.g. "≥95%" or "效果明显"; or leave 实际完成值 blank '
        "too and give 分值, to score the filed 得分"
    )


def _shown_target(raw) -> Target:
    """The target of a row that is shown and not scored: read when it can be, else its text."""
    if is_blank(raw):
        return Target("")
    try:
        return parse_target(raw)
    except ValueProblem:
        return Target(str(raw).strip())


def _plain(number: Decimal | None) -> str:
    """A number filed as a number, as text: "" when it could not be read."""
    return "" if number is None else format_decimal(number)


def read_evaluation(path: Path, readers: dict) -> Evaluation:
    """Read a file with the reader registered for its suffix, then load it."""
    return evaluation_of(read_data(path, readers), path)


def evaluation_of(data, path: Path) -> Evaluation:
    """The evaluation in ``data``, as :func:`read_data` read it from ``path``; its errors name
    the file, and the cell of a workbook's value."""
    try:
        return load_evaluation(data, str(path))
    except InputError as exc:
        raise exc.in_file(str(path), getattr(data, "locations", None), data) from None


def _kind_of(path: Path) -> str | None:
    """``"folder"``, ``"file"`` (or anything else there), or None when nothing is there. A path
    the system will not look up (a name too long, a folder that may not be searched) is said
    with the system's reason."""
    import stat

    from .errors import read_hint, system_reason

    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise InputError(
            _("cannot read the file: {reason}").format(reason=system_reason(exc)),
            file=str(path),
            hint=read_hint(exc),
            code="unreadable",
        ) from None
    return "folder" if stat.S_ISDIR(mode) else "file"


# What files with these suffixes usually are, when given where an evaluation is read.
_REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")


def _unread_hint(path: Path, readers: dict) -> str:
    """The fix for a file no reader takes: a written report goes to ``check``; a table of
    results is what -f csv writes; else the suffixes that are read."""
    suffix = path.suffix.lower()
    if suffix in _REPORT_SUFFIXES:
        return _("a written report? review it with `scoring check {file}`").format(file=path)
    listed = _("evaluation files end in {suffixes}").format(suffixes=", ".join(sorted(readers)))
    if suffix == ".csv":
        return _("{listed}; a .csv scoring wrote (-f csv) holds results").format(listed=listed)
    return listed


def read_data(path: Path, readers: dict) -> dict:
    """A file's plain data through the reader registered for its suffix (not yet validated);
    ``-`` reads TOML or JSON from standard input."""
    from .readers import STANDARD_INPUT, read_standard_input

    if str(path) == STANDARD_INPUT:
        return read_standard_input()
    kind = _kind_of(path)
    if kind is None:
        raise InputError(
            _("no such file"), file=str(path), hint=_("check the path"), code="not-found"
        )
    if kind == "folder":
        raise InputError(
            _("this is a folder, not a file"),
            file=str(path),
            hint=_("name the evaluation files in it, e.g. {example}").format(
                example=path / "*.xlsx"
            ),
            code="not-found",
        )
    reader = readers.get(path.suffix.lower())
    if reader is None and path.suffix.lower() == ".jsonl":
        from .readers import result_hint

        raise InputError(
            _(
                "a .jsonl file holds results, one per line (scoring writes them with -f jsonl), "
                "not an evaluation"
            ),
            file=str(path),
            hint=result_hint(),
            code="unknown-format",
        )
    if reader is None:
        raise InputError(
            _("no reader for {suffix}").format(suffix=path.suffix)
            if path.suffix
            else _("no reader for files without a suffix"),
            file=str(path),
            hint=_unread_hint(path, readers),
            code="unknown-format",
        )
    return reader(path)
