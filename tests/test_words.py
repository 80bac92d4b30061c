"""The qualitative vocabulary (scoring.words) under mof-2020: which tier a word names, read
against the target. Scoring through whole tables is in tests/cases/words-*.toml."""

from __future__ import annotations

import pytest

import scoring

WORDS = scoring.ruleset("mof-2020").words


@pytest.mark.parametrize(
    ("actual", "target", "tier"),
    [
        # the target restated
        ("有效", "有效", "达成"),
        (" 效果 明显 ", "效果明显", "达成"),
        # grade words, by the grade bands
        ("优", "效果明显", "达成"),
        ("良", "效果明显", "达成"),
        ("中", "效果明显", "部分达成"),
        ("差", "效果明显", "未达成"),
        ("优秀", "严格执行制度", "达成"),
        ("良好", "严格执行制度", "达成"),
        ("合格", "严格执行制度", "部分达成"),
        ("不合格", "严格执行制度", "未达成"),
        ("好", "服务规范", "达成"),
        ("较好", "服务规范", "达成"),
        ("一般", "服务规范", "部分达成"),
        ("较差", "服务规范", "未达成"),
        ("满意", "群众认可", "达成"),
        ("基本满意", "群众认可", "部分达成"),
        ("不满意", "群众认可", "未达成"),
        ("基本达到", "达到预期", "部分达成"),
        ("基本实现", "实现目标", "部分达成"),
        ("显著提升", "逐步提高", "达成"),
        ("明显改善", "逐步提高", "达成"),
        ("有所提升", "逐步提高", "部分达成"),
        ("达标", "水质稳定", "达成"),
        ("不达标", "水质稳定", "未达成"),
        ("按时完成", "按计划推进", "达成"),
        ("延期完成", "按计划推进", "部分达成"),
        # a target that is a word of the scale sets the level
        ("优", "优", "达成"),
        ("良", "优", "部分达成"),  # below the target's 优: never 达成
        ("中", "良", "部分达成"),
        ("合格", "工程质量合格", "达成"),
        ("优秀", "工程质量合格", "达成"),
        ("不合格", "工程质量合格", "未达成"),
        ("较高", "高", "部分达成"),
        ("高", "较高", "达成"),
        ("较好", "好", "部分达成"),
        # how plain an effect is: 显著 / 明显 / 较明显 / 一般 / 不明显
        ("效果显著", "效果明显", "达成"),
        ("非常明显", "效果明显", "达成"),
        ("较明显", "效果明显", "部分达成"),  # below the target's 明显: never 达成
        ("较为明显", "效果明显", "部分达成"),
        ("不太明显", "效果明显", "部分达成"),
        ("不显著", "效果明显", "未达成"),
        ("较为明显", "进一步改善", "达成"),  # no level: the word's own tier
        # a target asking for none of it: met by the last rank, contradicted above it
        ("不明显", "噪音影响不明显", "达成"),
        ("尚不明显", "噪音影响不明显", "达成"),
        ("一般", "噪音影响不明显", "部分达成"),
        ("较明显", "噪音影响不明显", "未达成"),
        ("显著", "差异不显著", "未达成"),
        ("不明显", "差异不显著", "达成"),
        # … said not inside the target, once
        ("明显", "对周边环境无明显影响", "未达成"),
        ("不明显", "对周边环境无明显影响", "达成"),
        ("较明显", "施工噪音不明显扰民", "未达成"),
        # 有/无 against a target that asks for none: 无 restates it, 有 contradicts it
        ("无", "噪音影响不明显", "达成"),
        ("有", "噪音影响不明显", "未达成"),
        ("无", "差异不显著", "达成"),
        # how well a measure worked, a scale of its own: 效果较明显 below 效果明显
        ("效果较明显", "效果明显", "部分达成"),
        ("效果明显", "效果显著", "部分达成"),
        ("效果显著", "效果明显", "达成"),
        # … and no size of an impact: against a target asking for none, read by its tier
        ("成效显著", "差异不显著", "达成"),
        ("效果不明显", "噪音影响不明显", "未达成"),
        ("无明显影响", "噪音影响不明显", "达成"),  # the target's own words
        # not twice is none of the dissatisfied: the word's own tier
        ("满意", "对生态无不满意投诉", "达成"),
        ("满意", "未发生不满意事件", "达成"),
        # a target that lists the scale sets no level
        ("良", "优良中低差", "达成"),
        ("中", "优/良/中/差", "部分达成"),
        # 有/无 against the target's polarity
        ("无", "无重大安全事故", "达成"),
        ("有", "无重大安全事故", "未达成"),
        ("无", "杜绝安全生产事故", "达成"),
        # a negation anywhere in the target: 全年无…, 确保不发生… say there is none (无 had
        # contradicted them, 未达成)
        ("无", "全年无重大安全事故", "达成"),
        ("有", "全年无重大安全事故", "未达成"),
        ("无", "确保不发生重大事故", "达成"),
        ("无", "实现零事故", "达成"),
        ("无", "对生态无不满意投诉", "达成"),
        ("有", "无障碍设施建设", "达成"),  # 无障碍 says no such thing
        ("有", "建立健全管理制度", "达成"),
        ("无", "建立健全管理制度", "未达成"),
    ],
)
def test_words_name_tiers(actual, target, tier):
    assert WORDS.read(actual, target).tier == tier


def test_with_a_numeric_target_only_the_tiers_own_words_apply():
    assert WORDS.read("达成", None).tier == "达成"
    assert WORDS.read("无", None) is None  # 有/无 need a target to mean anything
    assert WORDS.read("效果明显", None).tier == "达成"


@pytest.mark.parametrize("actual", ["正在推进", "很好", "95%", ""])
def test_unknown_words_are_not_read(actual):
    assert WORDS.read(actual, "效果明显") is None


@pytest.mark.usefixtures("chinese")
def test_the_refusal_lists_every_word_with_its_tier():
    with pytest.raises(scoring.ScoringError) as raised:
        scoring.score(
            {
                "department": {
                    "name": "某县文旅局",
                    "year": 2023,
                    "budget": {"adjusted": 1, "spent": 1},
                },
                "projects": [
                    {
                        "name": "文化惠民",
                        "budget": {"adjusted": 1, "spent": 1},
                        "indicators": [
                            {
                                "level1": "效益指标",
                                "level2": "社会效益指标",
                                "name": "群众文化生活",
                                "target": "明显丰富",
                                "actual": "正在推进",
                                "weight": 90,
                            }
                        ],
                    }
                ],
            }
        )
    text = raised.value.render()
    assert "达成：" in text and "部分达成：" in text and "未达成：" in text
    assert "好" in text and "基本满意" in text and "有/无" in text
