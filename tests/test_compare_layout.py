"""`scoring compare` fits its width: rule sets as columns while they fit, as rows when they do
not, and one block per place when even that is too wide; no number is ever cut.

The example is leting-2023 (3 projects). Under mof-2020 its department scores 99.79 and its
projects 99.90 / 99.71 / 99.82; under hubei-huanggang, whose 预算执行率 row is worth 20 points
instead of 10, the execution rows score 19.80 / 19.43 / 19.64 (twice 9.90 / 9.71 / 9.82) and
the department 99.61 — so the execution rows change and are shown.
"""

from __future__ import annotations

import pytest

import scoring
from scoring.render import Options
from scoring.render.compare import render_table

ALL = [
    "mof-2020",
    "hebei",
    "guangxi",
    "sichuan-2023",
    "whole-points",
    "legacy-ratio",
    "platform-caps",
    "mof-system",
    "hubei-huanggang",
]
FIGURES = ["99.79", "99.90", "99.71", "99.82", "99.61", "19.80", "19.43", "19.64", "9.90"]


def drawn(leting, rulesets: list[str], width: int) -> str:
    results = [scoring.score(leting, rules=r) for r in rulesets]
    return render_table([(str(leting), results)], Options(width=width))


def header(text: str) -> str:
    return next(line for line in text.splitlines() if "┃" in line)


@pytest.mark.usefixtures("chinese")
def test_two_rule_sets_are_columns(leting):
    text = drawn(leting, ["mof-2020", "hubei-huanggang"], 100)
    assert "mof-2020" in header(text) and "hubei-huanggang" in header(text)
    assert "部门" in text and "招商经费 · 预算执行率" in text
    assert all(len(line) <= 100 for line in text.splitlines())


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("width", [140, 120])
def test_many_rule_sets_become_rows_with_the_places_numbered(leting, width):
    text = drawn(leting, ALL, width)
    lines = text.splitlines()
    assert header(text).startswith("规则") and "[1]" in header(text) and "[7]" in header(text)
    row = next(line for line in lines if line.startswith("hubei-huanggang"))
    for figure in ["99.61", "99.82", "99.48", "99.67", "19.80", "19.43", "19.64"]:
        assert figure in row
    assert "[1] 部门" in lines and "[7] 电子政务平台经费 · 预算执行率" in lines
    assert all(len(line) <= width for line in lines)


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("width", [100, 80])
def test_too_many_for_rows_too_each_place_is_a_block(leting, width):
    text = drawn(leting, ALL, width)
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines)
    assert "  hubei-huanggang" in text and "项目：招商经费" in text
    for figure in FIGURES:
        assert figure in text  # whole: never folded or cut with an ellipsis
    assert "…" not in text
    block = lines[lines.index(next(line for line in lines if line.startswith("部门"))) :]
    assert block[1].split()[0] == "mof-2020" and "99.79" in block[1]
