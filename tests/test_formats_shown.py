"""A cell reads as its number format shows it, in the shapes a person reads differently from the
value the cell holds: text shown through a format's text section (``"≤"@``), a fall a format
shows in words (``"上升"0%;"下降"0%``), and a number shown divided under a word (``0.0,"千人"``).

Every workbook here is built cell by cell (openpyxl for .xlsx, xlwt for .xls) and scored; each
score an evaluator would check is worked out by hand beside it.
"""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest

import scoring

from .test_excel_read import Sheet, save_xls, save_xlsx

openpyxl = pytest.importorskip("openpyxl")

SAVERS = pytest.mark.parametrize("saver", [save_xlsx, save_xls], ids=["xlsx", "xls"])


def _form(saver, tmp_path, rows, name="t", budget=(100, 100, 95)):
    """A one-project 自评表 whose indicator rows are ``rows``: (三级指标, target, actual, 分值),
    each target, actual and amount of ``budget`` a value or (value, number format). Execution:
    100 / 100 / 95 万元 → 95% → 10 × 0.95 = 9.50."""
    sheet = Sheet("项目1")
    sheet.put(1, 1, "项目支出绩效自评表（2023年度）")
    sheet.put(2, 1, "项目名称")
    sheet.put(2, 2, "道路维护")
    sheet.put(3, 1, "主管部门")
    sheet.put(3, 2, "某区城管局")
    titles = ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "得分"]
    for column, text in enumerate(titles, 1):
        sheet.put(4, column, text)
    for column, value in enumerate(["年度资金总额", *budget, 10], 2):
        sheet.put(5, column, *(value if isinstance(value, tuple) else (value,)))
    titles = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    for column, text in enumerate(titles, 1):
        sheet.put(6, column, text)
    for row, (label, target, actual, weight) in enumerate(rows, 7):
        for column, text in enumerate(("产出指标", "数量指标", label), 1):
            sheet.put(row, column, text)
        for column, cell in ((4, target), (5, actual)):
            sheet.put(row, column, *(cell if isinstance(cell, tuple) else (cell,)))
        sheet.put(row, 6, weight)
    suffix = ".xls" if saver is save_xls else ".xlsx"
    return saver([sheet], tmp_path / f"{name}{suffix}")


def _read(saver, tmp_path, rows):
    """The 年度指标值 and 实际完成值 cells of ``_form``'s rows as read: [(target, actual)]."""
    from scoring.excel.grid import load_grids

    grid = load_grids(_form(saver, tmp_path, rows))[0]
    return [(grid.value(row, 3), grid.value(row, 4)) for row in range(6, 6 + len(rows))]


# --- text shown through a format's text section ---------------------------------------------


def test_openpyxl_gives_a_text_cell_its_number_format_in_either_mode(tmp_path):
    """The reader reads a workbook's cells read-only (a whole workbook only when its rows are
    out of order): both give a text cell the format its style holds."""
    path = _form(save_xlsx, tmp_path, [("缺株率", ("5%", '"≤"@'), "3%", 90)])
    for read_only in (True, False):
        with path.open("rb") as handle:
            book = openpyxl.load_workbook(
                io.BytesIO(handle.read()), read_only=read_only, data_only=True
            )
        cell = next(book["项目1"].iter_rows(min_row=7, max_row=7, min_col=4, max_col=4))[0]
        assert (cell.value, cell.number_format) == ("5%", '"≤"@')
        book.close()


def test_both_ways_of_reading_an_xlsx_read_a_text_cell_through_its_text_section(tmp_path):
    from scoring.excel.grid import _grids_of_a_whole_workbook, _opened, load_grids, survey_xlsx

    path = _form(save_xlsx, tmp_path, [("缺株率", ("5%", '"≤"@'), "3%", 90)])
    whole = _grids_of_a_whole_workbook(path, _opened(path, read_only=False), survey_xlsx(path))
    for grid in (load_grids(path)[0], whole[0]):
        assert grid.value(6, 3) == "≤5%"


@pytest.mark.parametrize(
    ("text", "number_format", "read"),
    [
        ("5%", '"≤"@', "≤5%"),  # the sign before the text
        ("90", '0%;-0%;0%;"≤"@', "≤90"),  # the fourth section is the text's
        ("90", '0.00;"≥"@', "≥90"),  # a last section with @ is the text's
        ("90", '@"人次"', "90人次"),  # a unit after it
        ("90", '[Red]"≤"@', "≤90"),  # a colour is not shown
        ("90", "@", "90"),  # the Text format shows the text as it is
        ("90", '_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ ', "90"),  # accounting's: spaces
        ("5%", "0%", "5%"),  # no text section: as it is, never multiplied by 100
        ("5%", '"≤"0%', "5%"),  # a number's words are not shown for text
        ("5%", '0;-0;0;"—"', "5%"),  # a fourth section without @ shows no text: as it is
        ("#N/A", '"≤"@', "#N/A"),  # a formula's error shows as itself, whatever the format
    ],
)
def test_a_text_cell_reads_as_its_format_s_text_section_shows_it(text, number_format, read):
    from scoring.excel.grid import _cell_value

    assert _cell_value(text, number_format) == read


@SAVERS
def test_a_sign_a_text_format_shows_is_read_with_the_text(saver, tmp_path):
    """Text cells whose format shows a sign before them. Execution 9.50.
    - 绿化带缺株率: "5%" shown ≤5% (``"≤"@``), actual 3% → ≤5% met → 30.00 (read as the bare
      5% it holds — its name says no limit, so at least — it was 3 / 5 × 30 = 18.00);
    - 占道经营点位数: "10" shown ≤10 (the fourth section of ``0;-0;0;"≤"@``), actual 8 → met →
      30.00 (as a bare 10: 8 / 10 × 30 = 24.00);
    - 群众满意度: "95%" formatted 0% (no text section) is 95%, actual 96% → met → 30.00.
    Total 9.50 + 30 + 30 + 30 = 99.50 (as the text the cells hold, 81.50)."""
    path = _form(
        saver,
        tmp_path,
        [
            ("绿化带缺株率", ("5%", '"≤"@'), "3%", 30),
            ("占道经营点位数", ("10", '0;-0;0;"≤"@'), 8, 30),
            ("群众满意度", ("95%", "0%"), "96%", 30),
        ],
    )
    result = scoring.score(path)
    rows = result.projects[0].indicators
    assert [(row.target, row.actual) for row in rows] == [
        ("≤5%", "3%"),
        ("≤10", "8"),
        ("95%", "96%"),
    ]
    assert [row.score for row in rows] == [D(30), D(30), D(30)]
    assert result.projects[0].score == D("99.50")


# --- a fall a format shows in words ------------------------------------------------------------

RISE_FALL = '"上升"0%;"下降"0%'


@pytest.mark.parametrize(
    ("value", "number_format", "read"),
    [
        # the negatives' section's words are the sign: Excel shows the digits unsigned
        (-0.05, RISE_FALL, "下降5%"),
        (-0.05, '0%;"降低"0%', "降低5%"),  # words in the negatives' section alone
        (-0.05, '"增长"0.0%;"减少"0.0%', "减少5%"),  # the digits exact, as every number
        (-0.0512, '[Red]"上升"0.0%;[Green]"下降"0.0%', "下降5.12%"),  # Excel: 下降5.1%
        (-5, '0"人";"减少"0"人"', "减少5人"),
        (-0.05, '0%"增长";0%"下降"', "5%下降"),  # words after the digits
        (-0.05, '"上升"0%;"下降"0%;"持平";"≤"@', "下降5%"),  # a text section beside them
        (-800, '"≤"0"个";"≤"-0"个"', "≤-800个"),  # the section's own minus beside its words
        (-0.05, '"高于"0%;"低于"0%', "低于5%"),  # words the grammar reads: below 5%, as shown
        # a positive number's words say its sign, which the number carries
        (0.05, RISE_FALL, "5%"),
        (0, '"上升"0%;"下降"0%;"持平"', "0%"),  # a section without digits: as it is
        # no words of the sign: the number carries it
        (-2, '0.0"天";-0.0"天"', "-2天"),
        (-5, '0"人";0"人"', "-5人"),
        (-5, "#,##0_);(#,##0)", D(-5)),
        (-0.05, '"≤"0%;-0%', "-5%"),
    ],
)
def test_a_negative_number_reads_as_its_section_shows_it(value, number_format, read):
    from scoring.excel.grid import _cell_value

    assert _cell_value(value, number_format) == read


@SAVERS
def test_a_fall_a_format_shows_in_words_reads_as_those_words(saver, tmp_path):
    """−0.05 and −0.08 formatted ``"上升"0%;"下降"0%`` show 下降5% and 下降8%, and are read so
    (they were −5% and −8%); 0.05 and 0.08 show 上升5% and 上升8%, read 5% and 8%."""
    rows = [
        ("能耗下降", (-0.05, RISE_FALL), (-0.08, RISE_FALL), 45),
        ("产值增长", (0.05, RISE_FALL), (0.08, RISE_FALL), 45),
    ]
    assert _read(saver, tmp_path, rows) == [("下降5%", "下降8%"), ("5%", "8%")]


def _refusal(path) -> tuple:
    with pytest.raises(scoring.InputError) as raised:
        scoring.score(path)
    problems = raised.value.problems
    return raised.value.code, [(p.cell.rsplit("!", 1)[1], p.message) for p in problems]


@SAVERS
@pytest.mark.parametrize(
    ("target", "actual", "cell"),
    [
        # 下降5% against 下降8%: a fall beyond the target, which as −5% and −8% scored 0.00 of
        # 90 (−8% is not at least −5%). Typed, 下降5% is a word (定性) target, whose figure the
        # figure in 下降8% cannot be scored against: refused at D7, the target, with its figure
        # as the fix (≥5% or ≤5%, 下降 in the name)
        ((-0.05, RISE_FALL), (-0.08, RISE_FALL), "D7"),
        # 下降5% against 上升2%: a rise where a fall was the target, which as −5% and 2% had
        # full marks, 90 of 90 (2% is at least −5%). 上升2% reads as the number 2%, which the
        # words of the target cannot be compared with: refused at D7, the target, whose figure
        # is the fix (≥5% or ≤5%, 下降 in the name)
        ((-0.05, RISE_FALL), (0.02, RISE_FALL), "D7"),
        # 上升5% against 下降2%: 5% against the text 下降2%, which is no number: refused at E7
        ((0.05, RISE_FALL), (-0.02, RISE_FALL), "E7"),
    ],
    ids=["fell-more", "rose", "fell-against-a-rise"],
)
def test_a_fall_in_words_is_refused_where_the_same_text_typed_is(
    saver, target, actual, cell, tmp_path
):
    formatted = _form(saver, tmp_path, [("能耗变化率", target, actual, 90)], name="formatted")
    shown = [_cell_text(target), _cell_text(actual)]
    typed = _form(saver, tmp_path, [("能耗变化率", *shown, 90)], name="typed")
    code, problems = _refusal(formatted)
    assert (code, problems) == _refusal(typed)
    assert [place for place, _message in problems] == [cell]


def _cell_text(cell) -> str:
    """What a (value, format) cell of these tests shows, typed as text."""
    from scoring.excel.grid import _cell_value

    return _cell_value(*cell)


@SAVERS
def test_a_fall_in_words_scores_as_the_same_text_typed(saver, tmp_path):
    """下降5% (−0.05 formatted ``"上升"0%;"下降"0%``) against 完成 is a word target met, as
    typed: 定性 达成 → 90.00; 上升5% against 上升8% is 5% against 8%, at least 5% met → 90.00
    (its own row). Execution 9.50; each form 9.50 + 90 = 99.50."""
    for name, target, actual in (
        ("fall", (-0.05, RISE_FALL), "完成"),
        ("rise", (0.05, RISE_FALL), (0.08, RISE_FALL)),
    ):
        formatted = _form(saver, tmp_path, [("产值变化率", target, actual, 90)], name=name)
        result = scoring.score(formatted)
        assert result.projects[0].indicators[0].score == D(90)
        assert result.projects[0].score == D("99.50")


# --- a number shown divided under a word --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "number_format", "read"),
    [
        # a thousand 人 times 15.0: 15千人, exactly, which the grammar reads as 15000 人 (千
        # multiplies the unit after it, as 万 does)
        (15000, '0.0,"千人"', "15千人"),
        (12345, '0.0,"千人"', "12.345千人"),  # Excel shows 12.3千人: the digits exact
        (15000, '"≥"0.0,"千人次以上"', "≥15千人次以上"),
        (15000, '0.0,"千瓦"', "15千瓦"),
        # 千 or 百万 alone: the figure shown with it, 15千 (15000), held to the rules a typed
        # 15千 is against a bare figure beside it (4 against ≥5千: 4 or 4千?) — read as the
        # bare 15000, it met a typed 4 as 4 and scored 0.07 of 90 without a word
        (15000, '0.0,"千"', "15千"),
        (15000, '0.0,,"千"', "0.015千"),  # a thousand times 0.015
        (432000, '#,##0.00,,"百万"', "0.432百万"),
        (432000, '#,##0.00,,"百万元"', "0.432百万元"),  # 43.2万元
        (15000, '0.0,"十万元"', "15十万元"),  # 1,500,000 元, as the unit table reads 十万
        (15000, '0.0,"千万元"', "15千万元"),  # units the unit table knows whole: as shown
        (15000, '0.0,"千克"', "15千克"),
        (15000, '0.0,"千米"', "15千米"),
        (15000, '0.0,"千分比"', "15千分比"),
        (15000, '0.0,"吨"', "15吨"),  # a word without a multiplier: as it shows, 15吨
        (1234567, '#,##0,"千元"', "1234.567千元"),  # money, as before
        (1234567, "#,##0,", D(1234567)),  # no word: the number as it is, as before
    ],
)
def test_a_number_shown_divided_under_a_word_reads_as_it_shows(value, number_format, read):
    from scoring.excel.grid import _cell_value

    assert _cell_value(value, number_format) == read


@SAVERS
def test_numbers_shown_in_thousands_of_a_unit_score_as_they_show(saver, tmp_path):
    """Amounts, people and tonnes shown divided. Execution: 1,000,000 / 1,000,000 / 950,000
    formatted ``#,##0.00,,"百万元"`` (1.00百万元, 0.95百万元) are 100 / 100 / 95 万元 → 9.50.
    - 受益人数: ≥1.2万人 against 9000 shown 9.0千人 → 9千人, 9000人 of 12000人 → 9000 / 12000 ×
      30 = 22.50 (read as the bare 9000 it holds, the file was refused: 9000人 or 9000万人?);
    - 培训人次: 12000 and 13000 both shown in 千人次 → 13千人次 against 12千人次 → met → 30.00;
    - 垃圾清运量: ≥800吨 against 600000 shown 600.0吨 → 600吨 → 600 / 800 × 30 = 22.50 (read as
      the bare 600000 it holds, in the target's unit, 600000吨: met, 30.00).
    Total 9.50 + 22.50 + 30 + 22.50 = 84.50."""
    million = '#,##0.00,,"百万元"'
    thousands = '0.0,"千人次"'
    path = _form(
        saver,
        tmp_path,
        [
            ("受益人数", "≥1.2万人", (9000, '0.0,"千人"'), 30),
            ("培训人次", (12000, thousands), (13000, thousands), 30),
            ("垃圾清运量", "≥800吨", (600000, '0.0,"吨"'), 30),
        ],
        budget=((1000000, million), (1000000, million), (950000, million)),
    )
    result = scoring.score(path)
    project = result.projects[0]
    assert (project.execution.adjusted, project.execution.spent) == (D(100), D(95))
    assert project.execution.score == D("9.50")
    assert [(row.target, row.actual) for row in project.indicators] == [
        ("≥1.2万人", "9千人"),
        ("12千人次", "13千人次"),
        ("≥800吨", "600吨"),
    ]
    assert [row.score for row in project.indicators] == [D("22.50"), D(30), D("22.50")]
    assert project.score == D("84.50")


@SAVERS
def test_thousands_shown_against_a_target_typed_in_thousands_are_converted_not_multiplied(
    saver, tmp_path
):
    """≥12千人 typed against 9000 shown 9.0千人: 9千人, of 12千人, 9 / 12 × 90 = 67.50 — read
    as the bare 9000, in the target's unit, 9000千人 met it with full marks, 90.00."""
    path = _form(saver, tmp_path, [("受益人数", "≥12千人", (9000, '0.0,"千人"'), 90)])
    row = scoring.score(path).projects[0].indicators[0]
    assert (row.target, row.actual, row.score) == ("≥12千人", "9千人", D("67.50"))


@SAVERS
@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ((5000, '"≥"0.0,"千"'), 4),  # ≥5千 against 4: 4 or 4千? (read as 5000, it was 0.07)
        ((5000, '"≥"0.0,"千人"'), 4),  # ≥5千人 against 4: 4人 or 4千人?
        ("≥5", (4000, '0.0,"千"')),  # 4千 against ≥5: 4000, or 4 thousands? (it was 90.00)
    ],
)
def test_a_bare_figure_beside_thousands_shown_is_refused_as_typed_text_is(
    saver, target, actual, tmp_path
):
    path = _form(saver, tmp_path, [("受益人数", target, actual, 90)])
    with pytest.raises(scoring.InputError) as raised:
        scoring.score(path)
    assert raised.value.code == "unit-ambiguous"


@SAVERS
@pytest.mark.parametrize("number_format", ['"约"0.0,"千人"', '0.0,"千人左右"'])
def test_a_number_shown_divided_in_words_not_read_as_it_is_refused_at_its_cell(
    saver, number_format, tmp_path
):
    """约15.0千人 and 15.0千人左右 read as 约15000人 (words, 定性) and 15000人左右 (refused as
    approximate): neither as the 15000 shown, nor can 15000 stand for what they say. Refused at
    E7, with the fix."""
    path = _form(saver, tmp_path, [("受益人数", "≥12000人", (15000, number_format), 90)])
    with pytest.raises(scoring.InputError) as raised:
        scoring.score(path)
    error = raised.value
    assert error.code == "number-format-unread"
    assert [problem.cell for problem in error.problems] == [f"{path.name}!项目1!E7"]
    assert "15000" in error.problems[0].message and number_format in error.problems[0].message
    assert "15000" in (error.problems[0].hint or "")


def test_a_number_shown_divided_in_a_hidden_row_or_sheet_is_not_refused(tmp_path):
    """A hidden row, or a hidden sheet, is not read: a cell there shown 约15.0千人 is not refused,
    and the form is scored without it. Execution 9.50; 培训人次 met → 30.00 of its 30; total
    39.50."""
    path = _form(
        save_xlsx,
        tmp_path,
        [
            ("受益人数", "≥12000人", (15000, '"约"0.0,"千人"'), 60),
            ("培训人次", "≥100人次", "120人次", 30),
        ],
    )
    book = openpyxl.load_workbook(path)
    book["项目1"].row_dimensions[7].hidden = True
    lists = book.create_sheet("备用")
    lists["A1"] = 15000
    lists["A1"].number_format = '"约"0.0,"千人"'
    lists.sheet_state = "hidden"
    book.save(path)
    result = scoring.score(path)
    assert [row.name for row in result.projects[0].indicators] == ["培训人次"]
    assert result.projects[0].score == D("39.50")


def test_the_refusal_of_a_number_shown_divided_is_said_in_chinese(chinese, tmp_path):
    path = _form(save_xlsx, tmp_path, [("受益人数", "≥12000人", (15000, '"约"0.0,"千人"'), 90)])
    with pytest.raises(scoring.InputError) as raised:
        scoring.score(path)
    problem = raised.value.problems[0]
    assert problem.cell == f"{path.name}!项目1!E7"
    assert "缩小显示" in problem.message and "15000 及其单位" in (problem.hint or "")
