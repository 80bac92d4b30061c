"""Bounded structures: whatever shape an evaluation or a rule set takes, the work it causes and
the message it gets are bounded by the limits of :mod:`scoring.limits` — problems listed,
values quoted, nesting, cycles, ``extends`` chains, digits — and the answer is an error naming
the place (exit 2), never a RecursionError, a TypeError or a flood of output.

Every hostile input is generated here, small.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

import scoring
from scoring import schemas
from scoring.errors import InputError, Problem, RulesetError
from scoring.limits import (
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_EXTENDS,
    MAX_FILE_BYTES,
    MAX_PROBLEMS,
    MAX_QUOTED,
)


def evaluation(*indicators: dict, projects: int = 1) -> dict:
    """A valid evaluation: ``projects`` projects with the given rows (one sound row if none)."""
    rows = list(indicators) or [row()]
    return {
        "department": {"name": "单位", "year": 2023, "budget": {"adjusted": 100, "spent": 100}},
        "projects": [
            {"name": f"项目{i}", "budget": {"adjusted": 100, "spent": 100}, "indicators": rows}
            for i in range(projects)
        ],
    }


def row(**fields) -> dict:
    return {
        "level1": "产出指标",
        "level2": "数量指标",
        "name": "培训人次",
        "target": "≥100人次",
        "actual": "100人次",
        "weight": 90,
        **fields,
    }


def write_json(tmp_path, data, name="table.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def problem_lines(err: str) -> list[str]:
    """The listed problems of a rendered error: the indented lines that are not hints."""
    return [line for line in err.splitlines() if line.startswith("  ") and "→" not in line]


def refused(run, *words: str) -> None:
    assert run.code == 2, run
    assert "Traceback" not in run.err and "internal error" not in run.err, run.err
    for word in words:
        assert word in run.err, run.err


# --- problems: at most MAX_PROBLEMS listed, the rest counted --------------------------------


def test_a_list_of_problems_keeps_the_first_and_counts_the_rest():
    found = schemas.ProblemList()
    for i in range(10 * MAX_PROBLEMS):
        found.add(Problem(f"problem {i}", f"projects[{i}]"))
    assert len(found.kept) == MAX_PROBLEMS  # bounded while collecting, not only when shown
    listed = found.listed()
    assert listed[:MAX_PROBLEMS] == found.kept and listed[0].message == "problem 0"
    assert listed[-1].message == f"… and {9 * MAX_PROBLEMS:,} more problems"


def test_problems_kept_in_order_are_the_first_places_of_the_file():
    found = schemas.ProblemList(order=lambda p: int(p.where.strip("[]")))
    for i in reversed(range(3 * MAX_PROBLEMS)):
        found.add(Problem("x", f"[{i}]"))
    assert [p.where for p in found.kept] == [f"[{i}]" for i in range(MAX_PROBLEMS)]
    assert found.more == 2 * MAX_PROBLEMS


@pytest.mark.parametrize(
    ("what", "data", "problems", "bound"),
    [
        # the schema: each empty project misses name, budget and indicators; past the first
        # fifty projects, each is only counted as one problem at least
        (
            "empty projects",
            {**evaluation(), "projects": [{}] * 5_000},
            3 * MAX_PROBLEMS + 5_000 - MAX_PROBLEMS,
            "at least ",
        ),
        # the values read: text after the number that is no unit, in every project
        (
            "bad values",
            evaluation(row(actual="100人次，超额完成"), projects=400),
            400,
            "",
        ),
        # the rows refused while scoring: a unit that does not convert, in every project
        (
            "refused rows",
            evaluation(row(actual="100个"), projects=400),
            400,
            "",
        ),
    ],
)
def test_a_file_of_many_mistakes_lists_the_first_and_counts_the_others(
    cli, tmp_path, what, data, problems, bound
):
    path = write_json(tmp_path, data)
    run = cli("score", str(path))
    refused(run, str(path), f"… and {bound}{problems - MAX_PROBLEMS:,} more problems")
    assert f"{path}: {bound}{problems:,} problems" in run.err  # the head counts them all
    listed = [line for line in problem_lines(run.err) if "more problems" not in line]
    assert len(listed) == MAX_PROBLEMS, run.err
    assert "projects[0]" in listed[0]  # the first places of the file, in its order
    assert len(run.err) < 400 * MAX_PROBLEMS  # the output is bounded, whatever the file


def _missing(key: str) -> dict:
    return {k: v for k, v in row().items() if k != key}


WRONG_LISTS = [
    # (id, the evaluation with n wrong items, the problems of each wrong item)
    ("empty-projects", lambda n: {**evaluation(), "projects": [{}] * n}, 3),
    ("projects-not-tables", lambda n: {**evaluation(), "projects": ["项目"] * n}, 1),
    (
        "a-wrong-row-in-each-project",
        lambda n: evaluation(_missing("actual"), row(), projects=n),
        1,
    ),
    ("wrong-rows-in-one-project", lambda n: evaluation(*[_missing("target")] * n), 1),
]


@pytest.mark.parametrize(
    ("make", "each"), [w[1:] for w in WRONG_LISTS], ids=[w[0] for w in WRONG_LISTS]
)
def test_explaining_a_long_list_of_wrong_items_stops_when_enough_are_listed(
    monkeypatch, make, each
):
    """The problems said in words are those of the first MAX_PROBLEMS wrong items of a list,
    however long it is; the items after them are counted, as one problem at least each."""
    described: list[Problem] = []
    describe = schemas._describe

    def counted(error, prefix):
        described.append(describe(error, prefix))
        return described[-1]

    monkeypatch.setattr(schemas, "_describe", counted)
    for n in (2_000, 20_000):
        described.clear()
        found = schemas.problem_list("evaluation", make(n))
        assert len(described) == each * MAX_PROBLEMS  # the same work for 2,000 items and 20,000
        assert len(found.kept) == MAX_PROBLEMS and found.at_least
        assert found.more == each * MAX_PROBLEMS + (n - MAX_PROBLEMS) - MAX_PROBLEMS
        assert found.kept[0].where.startswith(("projects[0]", "projects[0].indicators[0]"))
        said = found.error(InputError, "table.json").render()
        assert said.startswith(f"table.json: at least {len(found.kept) + found.more:,} problems")
        assert f"… and at least {found.more:,} more problems" in said


@pytest.mark.parametrize("n", [1, MAX_PROBLEMS - 1, MAX_PROBLEMS])
def test_the_count_is_exact_while_every_wrong_item_is_explained(n):
    found = schemas.problem_list("evaluation", {**evaluation(), "projects": [{}] * n})
    assert not found.at_least and len(found.kept) + found.more == 3 * n
    said = found.error(InputError, "table.json").render()
    assert said.startswith(f"table.json: {3 * n:,} problems") and "at least" not in said


def test_schema_problems_are_listed_in_the_order_of_the_file():
    data = {**evaluation(), "projects": [{}] * 12}
    listed = schemas.problems("evaluation", data)
    places = [p.where for p in listed]
    assert places.index("projects[2]") < places.index("projects[10]")


LONG = 10_000


@pytest.mark.parametrize(
    ("where", "data"),
    [
        ("projects[0].indicators[0].actual", evaluation(row(actual="100人次" + "多" * LONG))),
        # words for a target (no unit is that long), which the number in the actual cannot
        # answer: refused at the target, and the message quotes it
        ("projects[0].indicators[0].target", evaluation(row(target="≥100" + "个" * LONG))),
        (
            "department.year",
            {**evaluation(), "department": {**evaluation()["department"], "year": "2" * LONG}},
        ),
        (
            "projects[0].indicators[0]." + "k" * (MAX_QUOTED - 1) + "…",
            evaluation(row(**{"k" * LONG: 1})),
        ),
        ("projects[0].indicators[0].level1", evaluation(row(level1=["x" * LONG]))),
    ],
    ids=["actual", "target", "year", "unknown-key", "wrong-type"],
)
def test_a_quoted_value_is_cut_to_max_quoted_characters(cli, tmp_path, where, data):
    run = cli("score", str(write_json(tmp_path, data)))
    refused(run, where, "…")
    assert len(run.err) < 2 * LONG // 10, run.err  # not the value itself
    quoted_runs = re.findall(f"[多个2kx]{{{MAX_QUOTED + 1},}}", run.err)
    assert not quoted_runs, run.err


# --- nesting, cycles, keys and values no file holds (the Python API) ----------------------


def nested(depth: int, inner=None, kind=list):
    value = inner if inner is not None else "x"
    for _ in range(depth):
        value = [value] if kind is list else {"a": value}
    return value


def cyclic_list():
    loop: list = []
    loop.append(loop)
    return loop


def cyclic_table():
    loop: dict = {}
    loop["a"] = loop
    return loop


class Opaque:
    def __repr__(self) -> str:
        raise AssertionError("never shown")


def _with(path: tuple, value) -> dict:
    data = evaluation()
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


ACTUAL = ("projects", 0, "indicators", 0, "actual")
TARGET = ("projects", 0, "indicators", 0, "target")


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        (_with(TARGET, cyclic_list()), "indicators[0].target[0]", "contains itself"),
        (_with(TARGET, cyclic_table()), "indicators[0].target.a", "contains itself"),
        (_with(TARGET, nested(100_000)), "indicators[0].target[0][0]", f"more than {MAX_DEPTH}"),
        (_with(TARGET, nested(100_000, kind=dict)), "target.a.a.a", f"more than {MAX_DEPTH}"),
        (
            _with(("projects", 0, "indicators", 0, 7), 1),
            "projects[0].indicators[0]",
            "a key is int",
        ),
        (_with(("projects", 0, (1, 2)), 1), "projects[0]", "a key is tuple"),
        (_with(ACTUAL, {1, 2}), "indicators[0].actual", "set is not a value of a file"),
        (_with(ACTUAL, b"100"), "indicators[0].actual", "bytes is not a value"),
        (_with(ACTUAL, Opaque()), "indicators[0].actual", "Opaque is not a value"),
        (_with(ACTUAL, 1 + 2j), "indicators[0].actual", "complex is not a value"),
        (_with(ACTUAL, 10**5_000), "indicators[0].actual", f"more than {MAX_DIGITS} digits"),
        (_with(ACTUAL, -(10**MAX_DIGITS)), "indicators[0].actual", f"more than {MAX_DIGITS}"),
        (_with(ACTUAL, float("nan")), "indicators[0].actual", "not a usable number"),
        (_with(ACTUAL, float("-inf")), "indicators[0].actual", "not a usable number"),
        (_with(ACTUAL, Decimal("sNaN")), "indicators[0].actual", "not a usable number"),
        (_with(("department", "year"), Decimal("NaN")), "department.year", "not a usable"),
        (_with(ACTUAL, Decimal("1E+999999")), "indicators[0].actual", "digits written out"),
        (_with(ACTUAL, Decimal("1E-999999")), "indicators[0].actual", "digits written out"),
        (_with(("projects", 0, "name"), "项目\ud800"), "projects[0].name", "half of a character"),
        (_with(("projects", 0, "goal\udfff"), "x"), "projects[0]", "a key holds half"),
    ],
    ids=[
        "cyclic-list",
        "cyclic-table",
        "deep-list",
        "deep-table",
        "int-key",
        "tuple-key",
        "set",
        "bytes",
        "object",
        "complex",
        "5000-digit-int",
        "41-digit-int",
        "float-nan",
        "float-inf",
        "decimal-snan",
        "year-nan",
        "huge-exponent",
        "tiny-exponent",
        "surrogate-text",
        "surrogate-key",
    ],
)
def test_data_no_file_could_hold_is_refused_at_its_place(data, where, words):
    with pytest.raises(InputError) as raised:
        scoring.score(data)
    error = raised.value
    rendered = error.render()
    assert where in (error.where or ""), rendered
    assert words in rendered, rendered
    rendered.encode("utf-8")  # the message itself can be written out


def target_nested(containers: int) -> dict:
    """An evaluation whose first row's target is lists inside lists, ``containers`` tables and
    lists deep counted from the top (five lead to the target: the evaluation, projects, the
    project, indicators, the row)."""
    return _with(TARGET, nested(containers - 5))


@pytest.mark.parametrize("containers", [MAX_DEPTH - 1, MAX_DEPTH])
def test_nesting_up_to_the_limit_is_the_schema_s_to_judge(containers):
    with pytest.raises(InputError) as raised:
        scoring.score(target_nested(containers))
    assert "nested" not in raised.value.render() and "wrong form" in raised.value.render()


def test_nesting_one_beyond_the_limit_is_refused():
    with pytest.raises(InputError, match=f"nested more than {MAX_DEPTH} deep"):
        scoring.score(target_nested(MAX_DEPTH + 1))


class CountedList(list):
    """A list that counts how often it is gone through, to bound the work without a clock."""

    visits = 0

    def __iter__(self):
        CountedList.visits += 1
        return super().__iter__()


def shared_lists(levels: int) -> CountedList:
    """``levels`` lists of [x, x], each x the list below: 2**levels paths through them."""
    shared = CountedList(["leaf"])
    for _ in range(levels):
        shared = CountedList([shared, shared])
    return shared


def test_a_shared_list_is_looked_at_once_not_once_per_path():
    shared = shared_lists(12)
    CountedList.visits = 0
    with pytest.raises(InputError, match="wrong form"):
        scoring.score(_with(TARGET, shared))
    # the shape is looked at once per list, the message quotes the first few
    assert CountedList.visits < 10 * 13, CountedList.visits


def test_data_larger_written_out_than_a_file_is_refused_before_the_schema_sees_it():
    # about 3 × 2**levels values written out (lists and leaves): more than a file holds
    levels = MAX_FILE_BYTES.bit_length() - 2
    shared = shared_lists(levels)
    CountedList.visits = 0
    with pytest.raises(InputError) as raised:
        scoring.score(_with(TARGET, shared))
    assert f"more than a file of {MAX_FILE_BYTES:,} bytes can" in raised.value.render()
    assert CountedList.visits == levels + 1  # each list once, and nothing written out


def test_a_shared_table_is_scored_like_two_copies():
    one = row()
    shared = evaluation(one, one)
    copied = evaluation(row(), row())
    assert scoring.score(shared).department.score == scoring.score(copied).department.score


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ("[" * 50 + "]" * 50, None),
        ('{"department": ' + '{"a": ' * 40 + "1" + "}" * 40 + "}", "department.a.a.a"),
        ('{"department": {}, "x": ' + "[" * 500 + "]" * 500 + "}", "x[0][0][0]"),
    ],
    ids=["top-level-list", "deep-table", "500-deep"],
)
def test_deep_nesting_in_a_json_file_is_refused_at_its_place(cli, tmp_path, body, where):
    path = tmp_path / "deep.json"
    path.write_text(body, "utf-8")
    run = cli("score", str(path))
    refused(run, str(path))
    if where:
        assert where in run.err and f"more than {MAX_DEPTH} deep" in run.err, run.err


# --- rule sets through the API ---------------------------------------------------------------


def rules(**sections) -> dict:
    return {"ruleset": {"id": "mine", "extends": "mof-2020"}, **sections}


@pytest.mark.parametrize(
    ("given", "where", "words"),
    [
        (rules(grades=cyclic_table()), "grades.a", "contains itself"),
        (rules(grades={"优": Decimal("NaN"), "差": 0}), "grades.优", "not a usable number"),
        (rules(grades={"优": float("inf"), "差": 0}), "grades.优", "not a usable number"),
        (rules(grades={"优": 10**5_000, "差": 0}), "grades.优", f"more than {MAX_DIGITS}"),
        (rules(methods=nested(100_000, kind=dict)), "methods.a.a", f"more than {MAX_DEPTH}"),
        (rules(checks={1: "x"}), "checks", "a key is int"),
        (rules(caps=[{"execution_below": {0.6}, "max_score": 60}]), "caps[0]", "set is not"),
    ],
    ids=["cycle", "nan", "inf", "5000-digits", "deep", "int-key", "set"],
)
def test_a_rule_set_no_file_could_hold_is_refused_at_its_place(given, where, words):
    with pytest.raises(RulesetError) as raised:
        scoring.score(evaluation(), rules=given)
    rendered = raised.value.render()
    assert where in rendered and words in rendered, rendered


# --- extends: at most MAX_EXTENDS rule sets in one chain ------------------------------------


def chain(tmp_path, length: int, last: str = "mof-2020"):
    """``length`` rule-set files, each extending the next; the last extends ``last``."""
    for i in range(length):
        parent = f"r{i + 1}.toml" if i + 1 < length else last
        (tmp_path / f"r{i}.toml").write_text(
            f'[ruleset]\nid = "r{i}"\nextends = "{parent}"\n', "utf-8"
        )
    return tmp_path / "r0.toml"


def test_an_extends_chain_up_to_the_limit_resolves(cli, tmp_path):
    # mof-2020 is the chain's last file and extends nothing
    run = cli("rules", "check", str(chain(tmp_path, MAX_EXTENDS - 1)))
    assert run.code == 0, run


@pytest.mark.parametrize("length", [MAX_EXTENDS, 2_000])
def test_a_longer_extends_chain_is_refused_before_it_is_read(cli, tmp_path, length):
    start = chain(tmp_path, length)
    run = cli("rules", "check", str(start))
    refused(run, f"more than {MAX_EXTENDS} rule sets deep", "ruleset.extends")
    assert f"r{MAX_EXTENDS - 1}.toml" in run.err  # the file whose extends goes too far


@pytest.mark.parametrize("length", [1, 2, 3])
def test_an_extends_cycle_is_refused(cli, tmp_path, length):
    start = chain(tmp_path, length, last="r0.toml")
    run = cli("rules", "check", str(start))
    refused(run, "circle", "ruleset.extends")
