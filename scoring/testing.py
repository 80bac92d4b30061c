"""Test helpers for plugin authors and rule-set writers, as sqlfluff ships its rule-test
helpers: a fixture with a host of one's own, and the runner of data-driven cases.

In a plugin's ``conftest.py``::

    pytest_plugins = ["scoring.testing"]

then ``scoring_host`` is a fresh :class:`~scoring.host.Host` with every installed plugin, and::

    from scoring.testing import case_files, check_case

    @pytest.mark.parametrize("path", case_files("tests/cases"), ids=lambda p: p.stem)
    def test_case(path, scoring_host):
        assert not check_case(path, scoring_host)

runs every case file of a folder. The case format:
The scoring rules as data: every ``cases/*.toml`` is an evaluation with the result it must give.

A case file is an evaluation file plus two tables the loader never sees:

``[case]``
    ``description``; ``rules`` (an installed id, or a path relative to the case file) or
    ``ruleset`` (an inline rule set, usually ``extends = "mof-2020"`` and a few keys).
    ``rules`` may be a list of ids: the table is scored under each, and ``[expect.ID]`` holds
    the expectations for rule set ID — how a provincial variant differs from mof-2020.
    ``codes``: the finding codes the case checks; findings of other codes are left to the
    cases about them (without ``codes``, ``findings`` is the whole list).
``[expect]``
    ``department = {score, grade, method}``; ``projects = [{score, grade, execution,
    indicators = [score, …], weights = [weight, …]}, …]`` — any key may be left out;
    ``findings = ["code@where", …]``, the exact list (order ignored) when given; an entry
    ending in ``:error``, ``:warning`` or ``:info`` also pins the severity;
    ``error = {code, where}`` when the file must be refused.

Expected numbers are worked out by hand in each case's comments.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

import scoring

from .i18n import _


def case_files(folder) -> list[Path]:
    """Every ``*.toml`` case in ``folder``, in name order."""
    return sorted(Path(folder).glob("*.toml"))


def read_case(path: Path) -> tuple[dict, dict, dict]:
    """(``[case]``, ``[expect]``, the evaluation) of a case file."""
    from .readers import read_text  # bounded, as every file scoring reads

    data = tomllib.loads(read_text(Path(path)), parse_float=Decimal)
    return data.pop("case", {}), data.pop("expect"), data


def check_case(path, host=None) -> list[str]:
    """What in the case does not hold, one line each; empty when every expectation holds."""
    path = Path(path)
    case, expect, evaluation = read_case(path)
    wrong: list[str] = []
    for label, rules, expected in _runs(case, expect, path):
        found = _check_run(evaluation, rules, expected, host, case.get("codes"))
        wrong += [f"[{label}] {w}" if label else w for w in found]
    return wrong


@pytest.fixture
def scoring_host():
    """A host of the test's own, with every installed plugin (not the process's default)."""
    from .host import Host

    return Host()


def _rules(rules, path: Path):
    if isinstance(rules, dict):
        return rules
    return str(path.parent / rules) if rules.endswith(".toml") else rules


def _runs(case: dict, expect: dict, path: Path) -> list[tuple[str, object, dict]]:
    """(label, rules, expectations) for each rule set the case is scored under."""
    if isinstance(case.get("rules"), list):
        return [(rules, _rules(rules, path), expect[rules]) for rules in case["rules"]]
    rules = case.get("ruleset", case.get("rules", "mof-2020"))
    return [("", _rules(rules, path), expect)]


def _findings_differ(result, expected: list[str], codes: list[str] | None) -> str | None:
    """What differs between the findings and those expected, among ``codes`` (all when None)."""
    got = [
        (f"{f.code}@{f.where}", f.severity)
        for f in result.findings
        if codes is None or f.code in codes
    ]
    left = list(got)
    missing = []
    for entry in expected:
        place, _colon, severity = (
            entry.partition(":") if entry.rsplit(":", 1)[-1] in SEVERITIES else (entry, "", "")
        )
        match = next((g for g in left if g[0] == place and severity in ("", g[1])), None)
        if match is None:
            missing.append(entry)
        else:
            left.remove(match)
    if missing or left:
        return _("findings: missing {missing}, unexpected {unexpected} (got {got})").format(
            missing=missing,
            unexpected=[f"{p}:{s}" for p, s in left],
            got=sorted(f"{p}:{s}" for p, s in got),
        )
    return None


SEVERITIES = ("error", "warning", "info")


def _same(actual, expected) -> bool:
    if isinstance(expected, (int, Decimal)) and not isinstance(expected, bool):
        return actual is not None and Decimal(actual) == Decimal(expected)
    return actual == expected


def _differs(path: str, got, expected) -> str:
    """What a key of the result holds, against what the case expects."""
    return _("{path}: got {got}, expected {expected}").format(path=path, got=got, expected=expected)


def _check_table(label: str, scored, expected: dict) -> list[str]:
    wrong = []
    for key in ("score", "grade"):
        if key in expected and not _same(getattr(scored, key), expected[key]):
            wrong.append(_differs(f"{label}.{key}", getattr(scored, key), expected[key]))
    if "execution" in expected and not _same(scored.execution.score, expected["execution"]):
        wrong.append(_differs(f"{label}.execution", scored.execution.score, expected["execution"]))
    if "execution_rate" in expected and not _same(
        scored.execution.rate.quantize(Decimal("0.0001")), expected["execution_rate"]
    ):
        wrong.append(
            _differs(f"{label}.execution_rate", scored.execution.rate, expected["execution_rate"])
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
                    _differs(f"{label}.{key}", [str(g) for g in got], [str(w) for w in want])
                )
    return wrong


def _check_refused(evaluation: dict, rules, expected: dict, host) -> list[str]:
    """What differs from the error a refused file must give (its code, and its place)."""
    with pytest.raises(scoring.ScoringError) as raised:
        scoring.score(evaluation, rules=rules, host=host)
    error = raised.value
    wrong: list[str] = []
    if error.code != expected["code"]:
        wrong.append(
            _("error code {code}, expected {expected}: {message}").format(
                code=error.code, expected=expected["code"], message=error.render()
            )
        )
    if "where" in expected and expected["where"] not in [p.where for p in error.problems]:
        wrong.append(_("error place: {message}").format(message=error.render()))
    return wrong


def _check_run(evaluation: dict, rules, expect: dict, host=None, codes=None) -> list[str]:
    if "error" in expect:
        return _check_refused(evaluation, rules, expect["error"], host)
    result = scoring.score(evaluation, rules=rules, host=host)
    wrong: list[str] = []
    if "department" in expect:
        department = expect["department"]
        for key in ("score", "grade", "method"):
            if key in department and not _same(getattr(result.department, key), department[key]):
                wrong.append(
                    _differs(f"department.{key}", getattr(result.department, key), department[key])
                )
        if "table" in department:
            wrong += _check_table("department.table", result.department.table, department["table"])
    expected_projects = expect.get("projects", [])
    if len(expected_projects) > len(result.projects):
        wrong.append(
            _("projects: {expected} expected, the result has {count}").format(
                expected=len(expected_projects), count=len(result.projects)
            )
        )
    for i, expected in enumerate(expected_projects[: len(result.projects)]):
        wrong += _check_table(f"projects[{i}]", result.projects[i], expected)
    if "findings" in expect:
        stray = sorted({e.split("@")[0] for e in expect["findings"]} - set(codes or ()))
        if codes is not None and stray:
            wrong.append(
                _("findings: {stray} expected, but not among the case's codes {codes}").format(
                    stray=stray, codes=codes
                )
            )
        problem = _findings_differ(result, expect["findings"], codes)
        if problem:
            wrong.append(problem)
    return wrong
