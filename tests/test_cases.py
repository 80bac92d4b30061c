"""The scoring rules as data: every ``cases/*.toml`` is an evaluation with the result it must give.

A case file is an evaluation file plus two tables the loader never sees:

``[case]``
    ``description``; ``rules`` (an installed id, or a path relative to the case file) or
    ``ruleset`` (an inline rule set, usually ``extends = "mof-2020"`` and a few keys).
``[expect]``
    ``department = {score, grade, method}``; ``projects = [{score, grade, execution,
    indicators = [score, …], weights = [weight, …]}, …]`` — any key may be left out;
    ``findings = ["code@where", …]``, the exact list (order ignored) when given;
    ``error = {code, where}`` when the file must be refused.

Expected numbers are worked out by hand in each case's comments.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

import scoring

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES = sorted((Path(__file__).parent / "cases").glob("*.toml"))


def _read(path: Path) -> tuple[dict, dict, dict]:
    data = tomllib.loads(path.read_text("utf-8"), parse_float=Decimal)
    return data.pop("case", {}), data.pop("expect"), data


def _rules(case: dict, path: Path):
    if "ruleset" in case:
        return case["ruleset"]
    rules = case.get("rules", "mof-2020")
    return str(path.parent / rules) if rules.endswith(".toml") else rules


def _same(actual, expected) -> bool:
    if isinstance(expected, (int, Decimal)) and not isinstance(expected, bool):
        return actual is not None and Decimal(actual) == Decimal(expected)
    return actual == expected


def _check_table(label: str, scored, expected: dict) -> list[str]:
    wrong = []
    for key in ("score", "grade"):
        if key in expected and not _same(getattr(scored, key), expected[key]):
            wrong.append(f"{label}.{key}: got {getattr(scored, key)}, expected {expected[key]}")
    if "execution" in expected and not _same(scored.execution.score, expected["execution"]):
        wrong.append(
            f"{label}.execution: got {scored.execution.score}, expected {expected['execution']}"
        )
    if "execution_rate" in expected and not _same(
        scored.execution.rate.quantize(Decimal("0.0001")), expected["execution_rate"]
    ):
        wrong.append(
            f"{label}.execution_rate: got {scored.execution.rate}, expected {expected['execution_rate']}"
        )
    for key, attr in (("indicators", "score"), ("weights", "weight"), ("rates", "rate")):
        if key in expected:
            got = [getattr(i, attr) for i in scored.indicators]
            if attr == "rate":
                got = [None if r is None else r.quantize(Decimal("0.0001")) for r in got]
            want = [None if w == "n/a" else w for w in expected[key]]
            if len(got) != len(want) or not all(
                (g is None and w is None) or (g is not None and w is not None and _same(g, w))
                for g, w in zip(got, want)
            ):
                wrong.append(
                    f"{label}.{key}: got {[str(g) for g in got]}, expected {[str(w) for w in want]}"
                )
    return wrong


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    case, expect, evaluation = _read(path)
    rules = _rules(case, path)
    if "error" in expect:
        with pytest.raises(scoring.ScoringError) as raised:
            scoring.score(evaluation, rules=rules)
        error = raised.value
        assert error.code == expect["error"]["code"], error.render()
        if "where" in expect["error"]:
            assert expect["error"]["where"] in [p.where for p in error.problems], error.render()
        return
    result = scoring.score(evaluation, rules=rules)
    wrong: list[str] = []
    if "department" in expect:
        department = expect["department"]
        for key in ("score", "grade", "method"):
            if key in department and not _same(getattr(result.department, key), department[key]):
                wrong.append(
                    f"department.{key}: got {getattr(result.department, key)}, expected {department[key]}"
                )
        if "table" in department:
            wrong += _check_table("department.table", result.department.table, department["table"])
    for i, expected in enumerate(expect.get("projects", [])):
        wrong += _check_table(f"projects[{i}]", result.projects[i], expected)
    if "findings" in expect:
        got = sorted(f"{f.code}@{f.where}" for f in result.findings)
        if got != sorted(expect["findings"]):
            wrong.append(f"findings: got {got}, expected {sorted(expect['findings'])}")
    assert not wrong, "\n".join(wrong)


def test_every_case_checks_something() -> None:
    for path in CASES:
        _, expect, _ = _read(path)
        assert expect, f"{path.name} has an empty [expect]"
