"""`scoring template -f toml`: a 自评表 in TOML commented in Chinese, showing every optional key
commented out — as written it scores, and with every optional key switched on it still does."""

from __future__ import annotations

import json
import re

OPTIONAL = (
    "score",
    "reason",
    "applicable",
    "deduction",
    "goal",
    "result",
    "grade",
    "weights_reason",
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def template(cli, tmp_path):
    out = tmp_path / "自评表.toml"
    run = cli("template", "-f", "toml", "--year", "2024", "-o", str(out))
    assert run.code == 0, run
    return out, out.read_text("utf-8")


def test_every_comment_is_chinese_and_every_optional_key_is_shown(cli, tmp_path):
    _, text = template(cli, tmp_path)
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
    assert comments and all(CJK.search(c) or re.match(r"\s*[a-z_]+ = ", c) for c in comments)
    shown = set(re.findall(r"^# ([a-z_]+) = ", text, re.M))
    assert set(OPTIONAL) <= shown


def test_as_written_it_scores(cli, tmp_path):
    out, _ = template(cli, tmp_path)
    run = cli("score", str(out), "-f", "json")
    assert run.code == 0, run
    result = json.loads(run.out)[0]
    # the example rows all meet their targets: 50 + 30 + 10 = 90 of the indicators' 90 points
    assert sum(i["score"] for i in result["projects"][0]["indicators"]) == 90


def test_with_every_optional_key_switched_on_it_still_scores(cli, tmp_path):
    out, text = template(cli, tmp_path)
    out.write_text(re.sub(r"^# ([a-z_]+ = )", r"\1", text, flags=re.M), "utf-8")
    run = cli("score", str(out), "-f", "json")
    assert run.code == 0, run
    project = json.loads(run.out)[0]["projects"][0]
    assert project["goal"] == "（年度总体目标）"
    first = project["indicators"][0]
    assert first["applicable"] is False and first["score"] is None  # 不适用: not scored
    assert first["reason"] == "（偏差原因分析及改进措施）"


def test_a_template_left_as_it_is_fails_check_by_its_placeholders(cli, tmp_path):
    """Its example rows score, so a form nobody filled must not pass for one: each name still
    the template's is an error — the unit, the project and the three example rows."""
    out, text = template(cli, tmp_path)
    run = cli("check", str(out), "-f", "json")
    assert run.code == 1, run
    left = [
        f["where"] for f in json.loads(run.out)[0]["findings"] if f["code"] == "placeholder-left"
    ]
    assert sorted(left) == [
        "department.name",
        "projects[0].indicators[0].name",
        "projects[0].indicators[1].name",
        "projects[0].indicators[2].name",
        "projects[0].name",
    ]
    filled = text.replace("（单位名称）", "某局").replace("（项目名称）", "培训经费")
    out.write_text(filled.replace("（示例）", ""), "utf-8")
    run = cli("check", str(out), "-f", "json")
    assert not [f for f in json.loads(run.out)[0]["findings"] if f["code"] == "placeholder-left"]
