"""A key path named as on the form, for messages about a workbook (scoring/places.py)."""

from __future__ import annotations

import pytest

from scoring.places import form_place

# what these tests assert is the Chinese the users read
pytestmark = pytest.mark.usefixtures("chinese")

DATA = {
    "department": {"name": "某局", "budget": {"spent": "很多"}},
    "projects": [
        {
            "name": "招商经费",
            "indicators": [{"name": f"指标{i}"} for i in range(5)] + [{"name": "工程验收合格率"}],
        }
    ],
}


@pytest.mark.parametrize(
    ("where", "place"),
    [
        (
            "projects[0].indicators[5].actual",
            "第 1 个项目 · 第 6 项指标「工程验收合格率」 · 实际完成值",
        ),
        ("projects[0].indicators[0].target", "第 1 个项目 · 第 1 项指标「指标0」 · 年度指标值"),
        ("projects[0].budget.spent", "第 1 个项目 · 预算执行情况 · 全年执行数"),
        ("projects[0].weights_reason", "第 1 个项目 · 分值调整说明"),
        ("department.budget.adjusted", "部门 · 预算执行情况 · 全年预算数"),
        ("projects[0]", "第 1 个项目"),
        # beyond what was filed: counted, not named
        ("projects[3].indicators[9].weight", "第 4 个项目 · 第 10 项指标 · 分值"),
        # what is no key path of the form stays as it is
        ("line 3, column 7", "line 3, column 7"),
        ("projects[0].unknown_key", "projects[0].unknown_key"),
    ],
)
def test_a_key_path_reads_as_the_form(where, place):
    assert form_place(where, DATA) == place


def test_the_evaluation_as_loaded_names_its_rows_too(leting):
    import scoring

    evaluation = scoring.load(leting)
    assert form_place("projects[1].indicators[0].actual", evaluation) == (
        "第 2 个项目 · 第 1 项指标「基础设施日常维护完成率」 · 实际完成值"
    )
