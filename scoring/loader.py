"""From plain data to an :class:`~scoring.model.Evaluation`: validate, then parse every value.

Validation against the shipped JSON Schema catches unknown and missing keys and wrong types;
parsing then reads numbers, money and targets with :mod:`scoring.values`. Every problem is
reported with its key path in the file, all of them at once where possible.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from . import schemas
from .errors import InputError, Problem
from .model import Budget, Department, Evaluation, Indicator, Table
from .values import ValueProblem, parse_money, parse_quantity, parse_target, to_decimal


class _Collector:
    """Gathers value problems so one run reports every bad value, not only the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def take(self, where: str, parse, raw):
        try:
            return parse(raw)
        except ValueProblem as exc:
            self.problems.append(Problem(str(exc), where, exc.hint))
            return None


def load_evaluation(data: dict, source: str = "<data>") -> Evaluation:
    """Validate ``data`` (the structure of ``scoring schema evaluation``) and parse it."""
    if not isinstance(data, dict):
        raise InputError("an evaluation is a table with `department` and `projects`", file=source)
    problems = schemas.problems("evaluation", data)
    if problems:
        raise InputError.from_problems(problems, source, code="schema")
    found = _Collector()
    department_data = data["department"]
    budget = _budget(department_data["budget"], "department.budget", found)
    table = None
    if "indicators" in department_data:
        # The department's filed score and grade are its own, checked once as the department's.
        own = {k: v for k, v in department_data.items() if k not in ("score", "grade")}
        table = _table(own, "department", found, budget=budget)
    projects = tuple(
        _table(project, f"projects[{i}]", found)
        for i, project in enumerate(data.get("projects", []))
    )
    department = Department(
        name=department_data["name"],
        year=int(department_data["year"]),
        budget=budget,
        table=table,
        score=found.take("department.score", _score, department_data.get("score")),
        grade=department_data.get("grade"),
    )
    if not projects and table is None:
        found.problems.append(
            Problem(
                "there is nothing to score",
                "projects",
                "add at least one [[projects]] table, or the department's own `indicators`",
            )
        )
    if found.problems:
        raise InputError.from_problems(found.problems, source)
    return Evaluation(
        department=department,
        projects=projects,
        source=source,
        locations=getattr(data, "locations", {}),
        notes=tuple(getattr(data, "notes", ())),
        data=data,
    )


def _score(raw) -> Decimal | None:
    if raw is None:
        return None
    quantity = parse_quantity(raw)
    if quantity is None or quantity.unit not in (None, "分"):
        raise ValueProblem(f"{raw!r} is not a score", "write the points as a number, e.g. 9.5")
    if quantity.value < 0:
        raise ValueProblem(f"{raw} is negative", "points (分值, 得分, 扣减分数) are 0 or more")
    return quantity.value


# 分值 and 扣减分数 are points like 得分: a number, 0 or more.
_weight = _deduction = _score


def _budget(raw: dict, where: str, found: _Collector) -> Budget:
    planned = found.take(f"{where}.planned", parse_money, raw.get("planned", raw.get("adjusted")))
    adjusted = found.take(f"{where}.adjusted", parse_money, raw.get("adjusted", raw.get("planned")))
    spent = found.take(f"{where}.spent", parse_money, raw["spent"])
    for key, value in (("planned", planned), ("adjusted", adjusted), ("spent", spent)):
        if value is not None and value < 0:
            found.problems.append(
                Problem(
                    f"{key} is negative ({value})",
                    f"{where}.{key}",
                    "amounts of money are 0 or more",
                )
            )
    return Budget(
        planned=planned or Decimal(0),
        adjusted=adjusted or Decimal(0),
        spent=spent or Decimal(0),
        score=found.take(f"{where}.score", _score, raw.get("score")),
        reason=raw.get("reason", "").strip(),
        where=where,
    )


def _table(raw: dict, where: str, found: _Collector, budget: Budget | None = None) -> Table:
    return Table(
        name=raw["name"],
        budget=budget or _budget(raw["budget"], f"{where}.budget", found),
        indicators=tuple(
            _indicator(ind, f"{where}.indicators[{i}]", found)
            for i, ind in enumerate(raw["indicators"])
        ),
        score=found.take(f"{where}.score", _score, raw.get("score")),
        grade=raw.get("grade"),
        goal=raw.get("goal", ""),
        result=raw.get("result", ""),
        weights_reason=raw.get("weights_reason", "").strip(),
        where=where,
    )


def _indicator(raw: dict, where: str, found: _Collector) -> Indicator:
    target = found.take(f"{where}.target", parse_target, raw["target"])
    actual_raw = raw["actual"]
    # A qualitative (定性) row is scored by the words of its actual; only a quantitative one
    # needs a number there ("12月底前完成" restating its target is not a malformed number).
    actual = None
    if target is not None and not target.qualitative:
        actual = found.take(f"{where}.actual", parse_quantity, actual_raw)
    return Indicator(
        level1=raw["level1"].strip(),
        level2=raw["level2"].strip(),
        name=raw["name"].strip(),
        target=target if target is not None else parse_target("?"),
        actual_text=actual_raw.strip() if isinstance(actual_raw, str) else _plain(actual_raw),
        actual=actual,
        weight=found.take(f"{where}.weight", _weight, raw.get("weight")),
        score=found.take(f"{where}.score", _score, raw.get("score")),
        reason=raw.get("reason", "").strip(),
        applicable=raw.get("applicable", True),
        deduction=found.take(f"{where}.deduction", _deduction, raw.get("deduction")),
        where=where,
    )


def _plain(value) -> str:
    from .values import format_decimal

    return format_decimal(to_decimal(value))


def read_evaluation(path: Path, readers: dict) -> Evaluation:
    """Read a file with the reader registered for its suffix, then load it."""
    data = read_data(path, readers)
    try:
        return load_evaluation(data, str(path))
    except InputError as exc:
        raise exc.in_file(str(path), getattr(data, "locations", None)) from None


def read_data(path: Path, readers: dict) -> dict:
    """A file's plain data through the reader registered for its suffix (not yet validated)."""
    if not path.exists():
        raise InputError("no such file", file=str(path), hint="check the path", code="not-found")
    if path.is_dir():
        raise InputError(
            "this is a folder, not a file",
            file=str(path),
            hint="name the evaluation files in it, e.g. folder/*.toml",
            code="not-found",
        )
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            f"no reader for {path.suffix or 'files without a suffix'}",
            file=str(path),
            hint="a written report? review it with `scoring check REPORT.txt`"
            if path.suffix.lower() in (".txt", ".md", ".markdown")
            else "evaluation files end in " + ", ".join(sorted(readers)),
            code="unknown-format",
        )
    return reader(path)
