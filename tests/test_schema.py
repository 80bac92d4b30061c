"""The JSON Schemas shipped in the package: valid, strict, and in step with the examples."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from jsonschema import Draft202012Validator

from scoring import schemas

from .conftest import LANGFANG, LETING, case_evaluation


@pytest.mark.parametrize("name", schemas.NAMES)
def test_schema_is_valid_draft_2020_12(name):
    document = json.loads(schemas.schema_text(name))
    Draft202012Validator.check_schema(document)
    assert document["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize("path", [LETING, LANGFANG])
def test_examples_validate(path):
    import tomllib

    data = tomllib.loads(case_evaluation(path), parse_float=Decimal)
    assert schemas.problems("evaluation", data) == []


def test_bundled_rule_sets_validate():
    import tomllib
    from pathlib import Path

    from scoring.builtins.rulesets import ruleset_folder

    files = sorted(Path(ruleset_folder()).glob("*.toml"))
    assert files
    for path in files:
        data = tomllib.loads(path.read_text("utf-8"), parse_float=Decimal)
        assert schemas.problems("ruleset", data) == [], path


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        (
            {
                "department": {
                    "name": "d",
                    "year": 2024,
                    "budget": {"planned": 1, "spent": 1},
                    "x": 1,
                }
            },
            "department.x",
            "unknown key",
        ),
        (
            {"department": {"name": "d", "year": 2024.5, "budget": {"planned": 1, "spent": 1}}},
            "department.year",
            "whole number",
        ),
        (
            {"department": {"name": "", "year": 2024, "budget": {"planned": 1, "spent": 1}}},
            "department.name",
            "empty",
        ),
        (  # invisible marks only (a zero-width space, a byte-order mark): empty too
            {
                "department": {
                    "name": "\u200b\ufeff",
                    "year": 2024,
                    "budget": {"planned": 1, "spent": 1},
                }
            },
            "department.name",
            "empty",
        ),
        (  # spaces only: as empty on the form as ""
            {"department": {"name": " \u3000", "year": 2024, "budget": {"planned": 1, "spent": 1}}},
            "department.name",
            "empty",
        ),
        (
            {
                "department": {"name": "d", "year": 2024, "budget": {"planned": 1, "spent": 1}},
                "projects": [
                    {
                        "name": "p",
                        "budget": {"planned": 1, "spent": 1},
                        "indicators": [
                            {
                                "level1": "a",
                                "level2": "b",
                                "name": "c",
                                "target": {"op": "≥"},
                                "actual": 1,
                            }
                        ],
                    }
                ],
            },
            "projects[0].indicators[0].target",
            "wrong form",
        ),
    ],
)
def test_schema_problems_speak_plainly(data, where, words):
    found = schemas.problems("evaluation", data)
    assert found, data
    assert found[0].where == where and words in found[0].message, found


def test_a_unit_factor_of_the_wrong_form_gets_the_factor_hint():
    """Not the hint for a rule set's id (lower-case letters …): the factor's own."""
    found = schemas.problems("ruleset", {"units": {"families": {"area": {"亩": "abc"}}}})
    assert found[0].where == "units.families.area.亩", found
    assert "2000/3" in found[0].hint and "lower-case" not in found[0].hint


def test_a_name_of_spaces_only_is_refused_as_empty(tmp_path, cli):
    """A 项目名称 of spaces names no project: refused at its key, the label described."""
    path = tmp_path / "blank.toml"
    path.write_text(
        '[department]\nname = "某县财政局"\nyear = 2023\nbudget = { planned = 1, spent = 1 }\n'
        '[[projects]]\nname = "   "\nbudget = { planned = 1, spent = 1 }\n'
        '[[projects.indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "台数"\n'
        'target = "≥5台"\nactual = "5台"\n',
        "utf-8",
    )
    run = cli("score", str(path))
    assert run.code == 2 and "projects[0].name" in run.err and "empty" in run.err, run


def test_unknown_rule_set_key_is_named():
    found = schemas.problems("ruleset", {"execution": {"wieght": 10}})
    assert found[0].where == "execution.wieght" and "did you mean `weight`" in found[0].hint


def test_a_key_written_above_its_table_is_sent_to_it(cli, tmp_path):
    """`extends` above [ruleset], `year` above [department]: the fix names the table that
    takes the key, rather than listing the keys allowed at the top."""
    rules = tmp_path / "local.toml"
    rules.write_text('extends = "mof-2020"\n[ruleset]\nid = "local"\n', "utf-8")
    run = cli("rules", "check", str(rules))
    assert run.code == 2 and "`extends` belongs in [ruleset]" in run.err, run.err
    evaluation = tmp_path / "e.toml"
    evaluation.write_text(
        'year = 2023\n[department]\nname = "某局"\nbudget = { planned = 1, spent = 1 }\n',
        "utf-8",
    )
    run = cli("score", str(evaluation))
    assert run.code == 2 and "`year` belongs in [department]" in run.err, run.err
