"""Line breaking in the terminal views (scoring.render.wrap): a figure, a short phrase and a term
of the form are never split; a wrapped 三级指标 keeps its indent. Each case gives the width and
the lines a reader should see, worked out from the rules in the module's documentation."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scoring.render.wrap import break_offsets, wrap_plain

CASES = [
    # rich gave "「招商经费」3" / "项定量指标…": the figure and its measure word after one space
    # stay together, and the 20-character run breaks between characters elsewhere.
    (
        "「招商经费」3 项定量指标的实际完成值全部等于年度指标值：指标值是否事后填写？",
        20,
        ["「招商经费」3 项定量", "指标的实际完成值全部", "等于年度指标值：", "指标值是否事后填写？"],
    ),
    # a label stays with its figure and the figure with its unit: "得分 87.50 分，" (14 cells)
    # and "执行率 50%" are whole; the closing "），" never begins a line; 需说明原因 is a run of 5
    (
        "得分 87.50 分，执行率 50%（低于 90%），需说明原因",
        16,
        ["得分 87.50 分，", "执行率 50%", "（低于 90%），", "需说明原因"],
    ),
    # narrower than "得分 87.50 分，": cut at a looser break inside it, never inside 87.50
    (
        "得分 87.50 分，执行率 50%（低于 90%），需说明原因",
        12,
        ["得分 87.50", "分，", "执行率 50%", "（低于", "90%），", "需说明原因"],
    ),
    # an operator stays with what follows it: "≥ 目标 10个", not "≥" at a line's end
    ("实际 10个 ≥ 目标 10个，达到目标，得满分 90.00", 16, ["实际 10个", "≥ 目标 10个，", "达到目标，", "得满分 90.00"]),
    # the indent of a 三级指标 under its heading is kept on every line; 三级指标 is a term
    (
        "  高校共建研发机构落户数及其他很长的三级指标名称",
        12,
        ["  高校共建研", "  发机构落户", "  数及其他很", "  长的", "  三级指标", "  名称"],
    ),
    # the execution arithmetic: terms whole (全年执行数, 全年预算数), each operator with what
    # follows it, each label with its figure ("全年预算数 10")
    (
        "执行率 = 全年执行数 6.5 / 全年预算数 10 = 65.00%；10 × 65.00% = 6.50",
        20,
        ["执行率", "= 全年执行数 6.5", "/ 全年预算数 10", "= 65.00%；10", "× 65.00% = 6.50"],
    ),
    # English wraps at spaces, as before
    ("actual 10 ≥ target 10: target met, full marks 90.00", 20, ["actual 10 ≥ target", "10: target met, full", "marks 90.00"]),
    # a piece wider than the column is folded, character by character (nothing else fits)
    ("1234567890123", 5, ["12345", "67890", "123"]),
    # text that fits is left alone, spaces and all
    ("达成", 10, ["达成"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "width", "lines"), CASES)
def test_lines_break_where_a_reader_expects(text, width, lines):
    assert wrap_plain(text, width) == lines


@pytest.mark.parametrize(
    ("text", "never_before"),
    [
        ("87.50", range(1, 5)),  # inside a figure
        ("≥95%", range(1, 4)),  # sign, figure, percent
        ("6.5万元", range(1, 5)),  # a figure with its unit
        ("部分达成", range(1, 4)),  # a short phrase
        ("年度指标值", range(1, 5)),  # a term of the form
        ("（低于）", range(1, 4)),  # after an opening, before a closing mark
        ("执行率 97.86%", range(1, 10)),  # a label and its figure
    ],
)
def test_no_break_inside(text, never_before):
    assert not set(break_offsets(text)) & set(never_before)


def test_the_table_at_80_columns_keeps_figures_and_indents(cli, tmp_path):
    """The demo's finding and a long 三级指标 and 年度指标值, through the real command at 80
    columns: no line ends inside a figure, and the wrapped name keeps its two-space indent."""
    from pathlib import Path

    import scoring

    source = (Path(scoring.__file__).parent / "examples" / "leting-2023.toml").read_text("utf-8")
    long = source.replace(
        "自主引进项目数", "自主引进项目数及高校共建研发机构落户数（含省级以上重点实验室）"
    )
    evaluation = tmp_path / "long.toml"
    evaluation.write_text(long, "utf-8")
    run = cli("score", str(evaluation), env={"SCORING_LANG": "zh", "COLUMNS": "80"})
    assert run.code == 0, run
    lines = run.out.splitlines()
    assert max(len(line) for line in lines) <= 80
    name = [line for line in lines if "自主引进" in line or "研发机构落户数" in line]
    assert name[0].startswith("  自主引进项目数")
    follow = lines[lines.index(name[0]) + 1]
    assert follow.startswith("  ") and not follow.startswith("   "), follow
    finding = next(i for i, line in enumerate(lines) if "「招商经费」" in line)
    assert "3 项" in lines[finding]
    for line in lines:
        assert not line.rstrip().endswith(("87.", "99.", "→")), line


@settings(max_examples=300, deadline=None)
@example(text="00。。 %", width=6)  # a fold that ended on a space was 7 wide
@given(
    text=st.text(alphabet="执行率得分项目指标值 0123456789.%，。（）「」≥=万元个abc ", max_size=80),
    width=st.integers(min_value=4, max_value=40),
)
def test_wrapping_loses_nothing_and_fits(text, width):
    """Whatever the text and width: every character but the spaces a break takes comes back,
    in order, and no line is wider than the column."""
    from rich.cells import cell_len

    lines = wrap_plain(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line) <= width for line in lines), lines
