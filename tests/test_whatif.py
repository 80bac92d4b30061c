"""What-if: rescoring with --set, and the smallest changes that reach a grade or score."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from scoring.errors import UsageError
from scoring.whatif import apply_changes, parse_path, parse_value


def test_key_paths_and_values():
    assert parse_path("projects[0].indicators[12].actual") == [
        "projects",
        0,
        "indicators",
        12,
        "actual",
    ]
    assert parse_value("8") == 8 and parse_value("19.9") == Decimal("19.9")
    assert (
        parse_value("false") is False
        and parse_value("≥90%") == "≥90%"
        and parse_value("达成") == "达成"
    )
    for bad in ("projects[x]", "projects..name", ""):
        with pytest.raises(UsageError):
            parse_path(bad)


def test_a_set_value_with_a_key_of_too_many_parts_is_taken_as_text(monkeypatch):
    """--set PATH={a.a.a… = 1}: tomllib is not given a key it would take minutes over."""
    import tomllib

    from scoring.limits import MAX_KEY_PARTS

    text = "{ " + ".".join(["a"] * 50_000) + " = 1 }"

    def refuse(*args, **kwargs):
        raise AssertionError("tomllib was given the long key")

    monkeypatch.setattr(tomllib, "loads", refuse)
    assert parse_value(text) == text
    monkeypatch.undo()
    short = "{ " + ".".join(["a"] * MAX_KEY_PARTS) + " = 1 }"
    assert isinstance(parse_value(short), dict)


def test_changes_never_touch_the_original():
    data = {"projects": [{"budget": {"spent": 1}}]}
    changed = apply_changes(data, ["projects[0].budget.spent=2"])
    assert (
        changed["projects"][0]["budget"]["spent"] == 2
        and data["projects"][0]["budget"]["spent"] == 1
    )
    with pytest.raises(UsageError, match="does not exist"):
        apply_changes(data, ["projects[3].budget.spent=2"])
    with pytest.raises(UsageError, match="not in the file"):
        apply_changes(data, ["projects[0].budjet.spent=2"])


@pytest.mark.usefixtures("chinese")
def test_set_shows_old_and_new(cli, langfang):
    run = cli(
        "whatif",
        str(langfang),
        "--set",
        "projects[0].indicators[0].actual=40",
        "--set",
        "projects[0].budget.spent=40",
        "-f",
        "json",
    )
    assert run.code == 0, run
    data = json.loads(run.out)
    # 40 / 43.2 = 0.9259… → 9.26 twice: 9.26 + 9.26 + 80 = 98.52
    assert data["before"] == {"score": 97.24, "grade": "优"}
    assert data["after"] == {"score": 98.52, "grade": "优"}
    # each value as the file holds it: --set 40 sets the number 40, as a TOML file writes it
    assert data["changes"] == [
        {"where": "projects[0].indicators[0].actual", "from": "37.24", "to": 40},
        {"where": "projects[0].budget.spent", "from": 37.24, "to": 40},
    ]
    rows = {row["where"]: row["scores"] for row in data["rows"]}
    assert rows["projects[0].budget"] == [8.62, 9.26] and rows["projects[0].indicators[0]"] == [
        8.62,
        9.26,
    ]
    table = cli("whatif", str(langfang), "--set", "projects[0].budget.spent=40")
    assert "假设分析" in table.out and "97.24" in table.out and "98.52" not in table.out


@pytest.mark.usefixtures("chinese")
def test_goal_is_reached_with_the_fewest_rows_and_the_least_change(cli, langfang):
    run = cli("whatif", str(langfang), "--score", "99", "-f", "json")
    goal = json.loads(run.out)["goal"]
    assert goal["reachable"] and goal["after"] == {"score": 99, "grade": "优"}
    # execution (+1.38 at full) and 工程资金金额 (+1.38) are both needed; each is then cut back to
    # the least value that still rounds to full or enough: spent 43.18 → 10 × 0.99954 = 10.00
    # (43.17 gives 9.99), 工程资金金额 38.86 → 8.995 → 9.00 (38.85 gives 8.99): 10 + 9 + 80 = 99
    assert goal["changes"] == [
        {
            "where": "projects[0].budget.spent",
            "label": "办公宿舍楼、食堂及餐厅暖通改造经费 · 全年执行数",
            "from": "37.24",
            "to": "43.18",
        },
        {
            "where": "projects[0].indicators[0].actual",
            "label": "办公宿舍楼、食堂及餐厅暖通改造经费 · 工程资金金额",
            "from": "37.24",
            "to": "38.86",
        },
    ]
    check = cli(
        "whatif",
        str(langfang),
        *[a for c in goal["changes"] for a in ("--set", f"{c['where']}={c['to']}")],
        "-f",
        "json",
    )
    assert json.loads(check.out)["after"]["score"] == 99  # the plan, checked by rescoring


@pytest.mark.usefixtures("chinese")
def test_goal_by_grade_and_the_unreachable(cli, tmp_path):
    table = tmp_path / "low.toml"
    table.write_text(
        '[department]\nname = "d"\nyear = 2024\nbudget = { planned = 10, spent = 5 }\n'
        '[[projects]]\nname = "p"\nbudget = { planned = 10, spent = 5 }\n'
        '[[projects.indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "培训人次"\n'
        'target = "≥100人次"\nactual = "60人次"\nweight = 50\nreason = "疫情"\n'
        '[[projects.indicators]]\nlevel1 = "效益指标"\nlevel2 = "社会效益指标"\nname = "效果"\n'
        'target = "效果明显"\nactual = "部分达成"\nweight = 30\nreason = "尚需时日"\n',
        "utf-8",
    )
    # now: 5 + 30 + 21 = 56 (差); the weights add up to 90, so the best is 90
    run = cli("whatif", str(table), "--grade", "良", "-f", "json")
    goal = json.loads(run.out)["goal"]
    assert goal["reachable"] and goal["after"]["grade"] == "良"
    # largest gain first: 培训人次 (+20 at full) gives 76 < 80, then 效果 (+9, 部分达成 → 达成)
    # gives 85. 培训人次 is then cut back to the least count that still reaches 80 with 效果 at
    # full: 5 + 50 × a / 100 + 30 ≥ 80 → a ≥ 90 人次, scoring exactly 80.00.
    assert [(c["where"], c["to"]) for c in goal["changes"]] == [
        ("projects[0].indicators[0].actual", "90人次"),
        ("projects[0].indicators[1].actual", "达成"),
    ]
    assert goal["after"] == {"score": 80, "grade": "良"}
    unreachable = cli("whatif", str(table), "--score", "95")
    assert unreachable.code == 0 and "无法达到" in unreachable.out and "90.00" in unreachable.out


@pytest.mark.usefixtures("chinese")
def test_out_of_reach_names_the_filed_scores_that_hold_it(cli, tmp_path):
    """A filed 得分 the rules adopt (27 within the 达成 band [24, 30]) is the unit's own cut: no
    value of the table lifts it, so the best is not 'every row at full marks'. Execution
    196 / 200 = 98% → 9.80 now, 10 at full spending; 50 + 27 + 10 = 87 → best 97.00, named
    with the row that holds it; the goal of 98 is out of reach."""
    table = tmp_path / "qual.toml"
    table.write_text(
        '[department]\nname = "某县农业农村局"\nyear = 2023\n'
        "budget = { planned = 200, adjusted = 200, spent = 196 }\n"
        '[[projects]]\nname = "高标准农田建设"\n'
        "budget = { planned = 200, adjusted = 200, spent = 196 }\n"
        '[[projects.indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\n'
        'name = "新建高标准农田面积"\ntarget = "≥1万亩"\nactual = "1万亩"\nweight = 50\n'
        '[[projects.indicators]]\nlevel1 = "效益指标"\nlevel2 = "经济效益指标"\n'
        'name = "农业生产条件改善"\ntarget = "明显改善"\nactual = "达成"\nweight = 30\n'
        "score = 27\n"
        '[[projects.indicators]]\nlevel1 = "满意度指标"\nlevel2 = "服务对象满意度指标"\n'
        'name = "农户满意度"\ntarget = "≥90%"\nactual = "95%"\nweight = 10\n',
        "utf-8",
    )
    run = cli("whatif", str(table), "--score", "98", "-f", "json")
    goal = json.loads(run.out)["goal"]
    assert not goal["reachable"] and goal["best"] == 97
    assert goal["held"] == [{"row": "高标准农田建设 · 农业生产条件改善", "score": 27, "weight": 30}]
    shown = cli("whatif", str(table), "--score", "98")
    assert shown.code == 0 and "97.00" in shown.out and "农业生产条件改善 27/30" in shown.out
    assert "每一行都得满分" not in shown.out


def test_whatif_usage_errors(cli, langfang):
    assert cli("whatif", str(langfang)).code == 2
    run = cli("whatif", str(langfang), "--set", "projects[2].budget.spent=1")
    assert run.code == 2 and "projects[2]" in run.err and "Traceback" not in run.err
    bad = cli("whatif", str(langfang), "--set", "projects[0].budget.spent=abc")
    assert bad.code == 2 and "projects[0].budget.spent" in bad.err and "came from --set" in bad.err
    assert cli("whatif", str(langfang), "--grade", "A").code == 2


def test_the_check_line_keeps_the_users_own_changes(cli, leting):
    run = cli("whatif", str(leting), "--set", "projects[0].reason_note=x", "--score", "99.9")
    assert run.code == 2  # a key the file does not have is refused, not silently added
    run = cli(
        "whatif",
        str(leting),
        "--set",
        "projects[0].goal=另定的目标",
        "--score",
        "99.9",
        "-f",
        "json",
    )
    goal = json.loads(run.out)["goal"]
    assert goal["reachable"]
    assert goal["command"].startswith(
        f"scoring whatif {leting} --set 'projects[0].goal=另定的目标' --set "
    )


READ_AS_FILED = """
[department]
name = "某县财政局"
year = 2023
budget = { adjusted = 100, spent = 100 }

[[projects]]
name = "预算管理"
budget = { adjusted = 100, spent = 100 }
weights_reason = "按任务分配"

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "预算调整率"
target = "3%"
actual = "5%"
weight = 20

[[projects.indicators]]
level1 = "产出指标"
level2 = "时效指标"
name = "完工时间"
target = "6月底前"
actual = "8月"
weight = 20

[[projects.indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "工程质量"
target = ""
actual = ""
weight = 50
score = 40
"""


def test_goals_follow_the_reading_of_the_rows(cli, tmp_path):
    """预算调整率 3% is ≤3% (inferred): the change proposed lowers it to 3%; the late deadline is
    met by its last day; the blank row's filed 40 of 50 is the evaluator's and no value of it
    changes it, so 90 is the most the table can reach.
    Before: 10 + 6.67 (5% against ≤3%: 20 × (2 − 5/3)) + 14 (部分达成) + 40 = 70.67."""
    path = tmp_path / "t.toml"
    path.write_text(READ_AS_FILED, "utf-8")
    run = cli("whatif", str(path), "--score", "90", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert data["before"]["score"] == 70.67
    changes = {c["where"]: c["to"] for c in data["goal"]["changes"]}
    assert changes == {
        "projects[0].indicators[0].actual": "3%",
        "projects[0].indicators[1].actual": "6月30日",
    }
    assert data["goal"]["after"]["score"] == 90
    unreachable = cli("whatif", str(path), "--score", "95")
    assert unreachable.code == 0 and "90.00" in unreachable.out


def _one_project(*rows: tuple[str, str, str, str, str, int, str]) -> str:
    """A department of one project (budgets 100, all spent: execution 10.00) with ``rows`` of
    (一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 偏差原因)."""
    head = (
        '[department]\nname = "某县财政局"\nyear = 2023\nbudget = { planned = 100, spent = 100 }\n'
        '[[projects]]\nname = "项目"\nbudget = { planned = 100, spent = 100 }\n'
    )
    return head + "".join(
        f'[[projects.indicators]]\nlevel1 = "{l1}"\nlevel2 = "{l2}"\nname = "{name}"\n'
        f'target = "{target}"\nactual = "{actual}"\nweight = {weight}\nreason = "{reason}"\n'
        for l1, l2, name, target, actual, weight, reason in rows
    )


RANGES = _one_project(
    ("产出指标", "质量指标", "课程满座率", "95%-100%", "150%", 45, "旁听人员计入"),
    ("效益指标", "社会效益指标", "带教机构数", "3至5个", "2个", 45, "一家机构退出"),
)


def test_a_range_is_reached_at_the_bound_it_misses(cli, tmp_path):
    """150% above 95%-100% is scored as ≤100%: (2 − 150/100) × 45 = 22.50; 2个 below 3至5个 as
    ≥3个: 2/3 × 45 = 30.00. Before: 10 + 22.50 + 30.00 = 62.50. The least change to full marks
    is to the bound each misses: 100%, not the range's lower bound 95% (inside the range too,
    but a larger change), and 3个."""
    path = tmp_path / "ranges.toml"
    path.write_text(RANGES, "utf-8")
    run = cli("whatif", str(path), "--score", "100", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert data["before"]["score"] == 62.5
    changes = {c["where"]: c["to"] for c in data["goal"]["changes"]}
    assert changes == {
        "projects[0].indicators[0].actual": "100%",
        "projects[0].indicators[1].actual": "3个",
    }
    assert data["goal"]["after"]["score"] == 100


TIME_LIMITS = _one_project(
    ("产出指标", "时效指标", "施工工期", "180天", "200天", 30, "雨季停工"),
    ("产出指标", "时效指标", "现场响应时间", "≤2h", "3h", 30, "夜间值守不足"),
    ("产出指标", "时效指标", "热线接通时间", "<2h", "3h", 30, "线路故障"),
)


def test_a_time_limit_read_from_its_name_or_unit_is_reached_on_time(cli, tmp_path):
    """工期 | 180天 (a limit by its name), ≤2h and <2h (units the grammar of deadlines does
    not spell) are deadlines, late: 部分达成, 0.7 × 30 = 21.00 each, 10 + 63 = 73.00. Full
    marks are reached on time: 180天, 2小时, and 1小时 under the strict <2h — it was said to be
    unreachable."""
    path = tmp_path / "limits.toml"
    path.write_text(TIME_LIMITS, "utf-8")
    run = cli("whatif", str(path), "--score", "100", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert data["before"]["score"] == 73
    changes = {c["where"]: c["to"] for c in data["goal"]["changes"]}
    assert changes == {
        "projects[0].indicators[0].actual": "180天",
        "projects[0].indicators[1].actual": "2小时",
        "projects[0].indicators[2].actual": "1小时",
    }
    assert data["goal"]["after"]["score"] == 100


STRICT_TARGETS = _one_project(
    ("产出指标", "质量指标", "抽检合格率", ">95%", "90%", 45, "个别批次返工"),
    ("效益指标", "社会效益指标", "群众投诉率", "<5%", "9%", 45, "补助标准有异议"),
)


def test_a_strict_target_is_reached_past_its_bound_not_at_it(cli, tmp_path):
    """>95% with 90%: ratio 90/95 × 45 = 42.63; <5% with 9%: reverse-linear (2 − 9/5) × 45 =
    9.00. Before: 10 + 42.63 + 9.00 = 61.63. mof-2020 gives full marks at the bound itself (95%,
    5%) and flags the row (strict-bound-equal); the least change that meets the target as
    written is one step of the filed precision past it: 96% and 4%, 100.00 with no such
    finding. Before the fix, 95% and 5% were proposed."""
    path = tmp_path / "strict.toml"
    path.write_text(STRICT_TARGETS, "utf-8")
    run = cli("whatif", str(path), "--score", "100", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out, parse_float=Decimal)
    assert data["before"]["score"] == Decimal("61.63")
    changes = {c["where"]: c["to"] for c in data["goal"]["changes"]}
    assert changes == {
        "projects[0].indicators[0].actual": "96%",
        "projects[0].indicators[1].actual": "4%",
    }
    assert data["goal"]["after"]["score"] == 100
    changed = tmp_path / "changed.toml"
    changed.write_text(STRICT_TARGETS.replace('"90%"', '"96%"').replace('"9%"', '"4%"'), "utf-8")
    checked = cli("score", str(changed), "-f", "json")
    assert checked.code == 0, checked
    (scored,) = json.loads(checked.out, parse_float=Decimal)
    assert scored["department"]["score"] == 100
    assert "strict-bound-equal" not in {f["code"] for f in scored["findings"]}


def test_a_strict_target_s_least_change_stops_a_step_past_its_bound(cli, tmp_path):
    """优 (≥ 90) from 61.63 above: the search finds that 投诉率 at 5% (the bound: full marks
    under mof-2020) with 合格率 at 74% reaches it; 5% does not meet <5%, so 4% is proposed, and
    the plan still reaches 优: 10 + 74/95 × 45 (35.05) + 45 = 90.05."""
    path = tmp_path / "strict.toml"
    path.write_text(STRICT_TARGETS.replace('actual = "90%"', 'actual = "50%"'), "utf-8")
    run = cli("whatif", str(path), "--grade", "优", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out, parse_float=Decimal)
    changes = {c["where"]: c["to"] for c in data["goal"]["changes"]}
    assert changes["projects[0].indicators[1].actual"] == "4%"
    assert data["goal"]["after"]["score"] == Decimal("90.05")


STRICT_TIMES = _one_project(
    ("产出指标", "时效指标", "审批办结时间", "<1.5天", "2天", 30, "材料补正"),
    ("产出指标", "时效指标", "热线接通时间", "<半小时", "1小时", 30, "线路故障"),
    ("产出指标", "数量指标", "培训时长", ">半小时", "10分钟", 30, "课时压缩"),
)


def test_a_strict_time_is_reached_a_step_of_its_own_precision_inside_it(cli, tmp_path):
    """<1.5天 and <半小时 with 2天 and 1小时: late, 0.7 × 30 = 21.00 each; >半小时 with 10分钟:
    ratio 10 / 30 × 30 = 10.00. Before: 10 + 21 + 21 + 10 = 62.00. Full marks are met a step of
    the limit's own precision inside it — 1.4天 and 0.4小时, not 0.5天 and -0.5小时 (a whole
    unit off) — and 31分钟 in the unit filed: in the target's, 10分钟 is 0.1666…小时, and the
    step was too fine to file (the proposal was refused as more than 15 digits)."""
    path = tmp_path / "times.toml"
    path.write_text(STRICT_TIMES, "utf-8")
    run = cli("whatif", str(path), "--score", "100", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out, parse_float=Decimal)
    assert data["before"]["score"] == 62
    changes = {c["where"]: c["to"] for c in data["goal"]["changes"]}
    assert changes == {
        "projects[0].indicators[0].actual": "1.4天",
        "projects[0].indicators[1].actual": "0.4小时",
        "projects[0].indicators[2].actual": "31分钟",
    }
    assert data["goal"]["after"]["score"] == 100


OUTSIDE_RANGES = _one_project(
    ("产出指标", "成本指标", "造价偏差率", "控制在±5%", "-7%", 30, "材料降价"),
    ("产出指标", "数量指标", "单次培训时长", "≥2小时", "90分钟", 30, "课时压缩"),
    ("产出指标", "数量指标", "配送批次", "100±5批", "110批", 30, "追加配送"),
)


def test_a_range_about_0_missed_below_is_reached_at_its_lower_bound(cli, tmp_path):
    """-7% outside ±5%: scored by its size 7% as ≤5%, (2 − 7/5) × 30 = 18.00; 90分钟 against
    ≥2小时: 90 / 120 × 30 = 22.50; 110批 above 95-105批: (2 − 110/105) × 30 = 28.57. Before: 10 +
    18 + 22.50 + 28.57 = 79.07. Full marks: -5% (the bound it misses, below — it was said to be
    unreachable, the search looking at the upper bound it is under), 120分钟 (in the unit filed:
    in 小时 the step was 1/60, and the proposal was refused as too many digits) and 105批."""
    path = tmp_path / "ranges.toml"
    path.write_text(OUTSIDE_RANGES, "utf-8")
    run = cli("whatif", str(path), "--score", "100", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out, parse_float=Decimal)
    assert data["before"]["score"] == Decimal("79.07")
    changes = {c["where"]: c["to"] for c in data["goal"]["changes"]}
    assert changes == {
        "projects[0].indicators[0].actual": "-5%",
        "projects[0].indicators[1].actual": "120分钟",
        "projects[0].indicators[2].actual": "105批",
    }
    assert data["goal"]["after"]["score"] == 100


# --- the search reads the file once, and rescores the tables it changes -----------------------


def _far_below(projects: int) -> str:
    """An evaluation of ``projects`` projects, each far below its targets and its budget, so
    that reaching 优 takes changes in most of them."""
    head = '[department]\nname = "单位"\nyear = 2023\nbudget = { planned = 100, spent = 50 }\n'
    tables = []
    for index in range(projects):
        rows = "".join(
            f'[[projects.indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\n'
            f'name = "指标{row}"\ntarget = "≥{100 + 7 * row + index}个"\n'
            f'actual = "{30 + 11 * row + index % 5}个"\nweight = 30\nreason = "进度滞后"\n'
            for row in range(3)
        )
        tables.append(
            f'[[projects]]\nname = "项目{index}"\n'
            f"budget = {{ planned = {10 + index}, spent = {4 + index % 3} }}\n{rows}"
        )
    return head + "\n".join(tables)


@pytest.mark.parametrize("projects", [4, 16])
def test_a_goal_search_reads_the_file_once_and_rescores_only_what_it_changes(
    tmp_path, monkeypatch, projects
):
    """Whatever the search tries (hundreds of values in a large file): the file is read once
    and validated a fixed number of times (the table as filed, and the plan found, checked as
    a file is), and each rescoring scores again only the tables it changes."""
    from scoring import engine, loader, schemas, scorer
    from tests.conftest import run_cli

    path = tmp_path / "below.toml"
    path.write_text(_far_below(projects), "utf-8")
    counted = {"reads": 0, "validations": 0, "rescorings": 0, "tables scored": 0}
    searching = [False]

    def counting(name, function, during_search=False):
        def call(*args, **kwargs):
            if not during_search or searching[0]:
                counted[name] += 1
            return function(*args, **kwargs)

        return call

    def rescoring(*args, **kwargs):
        counted["rescorings"] += 1
        searching[0] = True
        try:
            return department_score(*args, **kwargs)
        finally:
            searching[0] = False

    department_score = engine.department_score
    monkeypatch.setattr(loader, "read_data", counting("reads", loader.read_data))
    problem_list = schemas.problem_list

    def validating(name, *args, **kwargs):
        counted["validations"] += name == "evaluation"  # not the rule set's
        return problem_list(name, *args, **kwargs)

    monkeypatch.setattr(schemas, "problem_list", validating)
    monkeypatch.setattr(engine, "department_score", rescoring)
    monkeypatch.setattr(scorer, "score_table", counting("tables scored", scorer.score_table, True))
    run = run_cli("whatif", str(path), "--grade", "优", "-f", "json")
    assert run.code == 0, run
    goal = json.loads(run.out)["goal"]
    assert goal["reachable"] and goal["after"]["grade"] == "优"
    assert len(goal["changes"]) >= projects  # most projects change
    assert counted["reads"] == 1
    assert counted["validations"] == 2  # the file as filed, and the plan found
    # a rescoring scores the tables its change is in (the first, every project once): not
    # every project each time, which was rescorings × projects
    assert counted["rescorings"] > 3 * projects
    assert counted["tables scored"] <= counted["rescorings"] + 2 * projects
    command = goal["command"]
    assert all(f"--set '{c['where']}={c['to']}'" in command for c in goal["changes"])


@pytest.mark.usefixtures("chinese")
def test_the_check_line_is_shown_whole_however_many_changes(cli, tmp_path):
    path = tmp_path / "below.toml"
    path.write_text(_far_below(16), "utf-8")
    run = cli("whatif", str(path), "--grade", "优")
    line = next(line for line in run.out.splitlines() if line.startswith("核对："))
    changes = json.loads(cli("whatif", str(path), "--grade", "优", "-f", "json").out)["goal"]
    assert len(line) > 1_000 and not line.endswith("…")
    assert all(f"{c['where']}={c['to']}" in line for c in changes["changes"])


def test_a_value_set_is_given_in_json_as_the_file_holds_it(cli, langfang):
    """--set spent=40.50 sets a number (a JSON number, 40.5); actual=40万元 a text."""
    run = cli(
        "whatif",
        str(langfang),
        "--set",
        "projects[0].budget.spent=40.50",
        "--set",
        "projects[0].indicators[0].actual=40万元",
        "-f",
        "json",
    )
    assert run.code == 0, run
    changes = {c["where"]: c["to"] for c in json.loads(run.out)["changes"]}
    assert changes == {
        "projects[0].budget.spent": 40.5,
        "projects[0].indicators[0].actual": "40万元",
    }


MONEY_IN_TWO_UNITS = _one_project(
    ("产出指标", "成本指标", "单公里养护成本", "≤20万元", "250000元", 45, "材料涨价"),
    ("效益指标", "经济效益指标", "带动就业收入", "≥100万元", "500000元", 45, "工期缩短"),
)


def test_a_row_filed_in_another_unit_is_changed_in_the_targets(cli, tmp_path):
    """250000元 against ≤20万元 is 25万元: (2 − 25/20) × 45 = 33.75; 500000元 against ≥100万元 is
    50万元: 50/100 × 45 = 22.50. Before: 10 + 33.75 + 22.50 = 66.25. Full marks (44.995 and up,
    rounded half-up) take x ≤ 20.00222…万元 and x ≥ 99.98888…万元: to the 元 the values were filed
    in, 20.0022万元 and 99.9889万元 — said in the target's unit, each row's "from" as filed (not
    "250000万元"), and the goal is reachable (not said unreachable by comparing 250000 with 20)."""
    path = tmp_path / "money.toml"
    path.write_text(MONEY_IN_TWO_UNITS, "utf-8")
    run = cli("whatif", str(path), "--score", "100", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert data["before"]["score"] == 66.25
    goal = data["goal"]
    assert goal["reachable"] and goal["after"]["score"] == 100
    changes = {c["where"]: (c["from"], c["to"]) for c in goal["changes"]}
    assert changes == {
        "projects[0].indicators[0].actual": ("250000元", "20.0022万元"),
        "projects[0].indicators[1].actual": ("500000元", "99.9889万元"),
    }


def test_the_least_change_is_as_fine_as_the_value_was_filed(cli, tmp_path):
    """50000元 against ≤2万元 is 5万元: (2 − 5/2) × 30 < 0, scored 0; 80% of ≥90% is 60 × 8/9 =
    53.33; before 10 + 0 + 53.33 = 63.33. Reaching 64 needs 0.67 from the first row:
    (2 − x/2) × 30 ≥ 0.665 → x ≤ 3.95566…万元. Filed to the 元, the change is searched to the 元
    (0.0001万元): 3.9556万元 — not a whole 万元 (3万元, 15 points more than needed)."""
    path = tmp_path / "cost.toml"
    path.write_text(
        _one_project(
            ("产出指标", "成本指标", "单公里养护成本", "≤2万元", "50000元", 30, "材料涨价"),
            ("效益指标", "经济效益指标", "通畅率", "≥90%", "80%", 60, "工期"),
        ),
        "utf-8",
    )
    run = cli("whatif", str(path), "--score", "64", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert data["before"]["score"] == 63.33
    assert [(c["from"], c["to"]) for c in data["goal"]["changes"]] == [("50000元", "3.9556万元")]
    assert data["goal"]["after"]["score"] == 64


def test_a_change_to_a_row_read_by_the_default_comparison_is_noted(cli, tmp_path):
    # 不合格产品数 | 5 | 3 (weight 90): no word reads it, so ≥5: 3 / 5 × 90 = 54.00, total 64.00
    # 中; 优 asks for 5 (10 + 90 = 100 ≥ 90; 4 gives 10 + 72 = 82). Raising a count of faulty
    # products is the wrong way if it is a limit: the plan says the reading was a guess.
    path = tmp_path / "bare.toml"
    path.write_text(
        """[department]
name = "某县测试单位"
year = 2023
budget = { planned = 10, adjusted = 10, spent = 10 }

[[projects]]
name = "质量抽检"
budget = { planned = 10, adjusted = 10, spent = 10 }

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "不合格产品数"
target = "5"
actual = "3"
weight = 90
""",
        encoding="utf-8",
    )
    run = cli("--lang", "en", "whatif", str(path), "--grade", "优")
    assert run.code == 0, run
    flat = " ".join(run.out.split())
    assert "--set 'projects[0].indicators[0].actual=5'" in flat
    assert "“质量抽检 · 不合格产品数”: the target has no sign and is read as at least" in flat
    run = cli("whatif", str(path), "--grade", "优", "-f", "json")
    goal = json.loads(run.out)["goal"]
    assert goal["read_by_default"] == ["projects[0].indicators[0].actual"]
