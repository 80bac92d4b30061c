"""Review of a department's written self-evaluation report (自评报告), plain text or Markdown.

Beside its 自评表 a department files a report in prose that restates the key figures: the
budget applied for, what was spent and the execution rate, how many projects were evaluated,
their total and spent amounts and rate, and completion rates. :func:`extract` finds those
figures by the words around them; :func:`review` checks that a stated rate follows from the
amounts stated with it, that a figure stated twice does not change, and — given the
evaluation — that the report agrees with the table, its year and department included.

A budget, spending or rate is the department's, all its projects' together, one project's, or
nobody's the report makes clear — by the words of its sentence, the sentences before it and the
headings above it (the rule is under "whose a figure is" below). Only like is compared with
like: the department's total with the department's, one project's figure with the same
project's; a figure whose owner is unclear is checked within its sentence and compared with
nothing, as a false warning costs more than a missed one.

Markup is removed line by line and normalisation keeps every offset, so a figure keeps the
line it has in the file and its text as the unit wrote it, even in a sentence that text taken
from a PDF breaks across lines. Amounts are exact Decimals in 万元.

Every pattern here takes time linear in the text it reads, whatever the text: a repeat is
possessive (``*+``, ``++``) wherever what follows it cannot start with what it repeats, so the
engine never retries a shorter run; no repeat holds another that can match the same text; and
a search cannot restart inside a run it has already read (what is asserted in front of a
number and of a count). Words before a figure are read once per figure, never from the sentence's
start again. ``tests/test_report_linear.py`` counts the steps.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from itertools import accumulate

from .i18n import _, ngettext
from .labels import Titles
from .limits import MAX_DIGITS, MAX_TITLE_CHARS
from .model import Budget, Evaluation, Table
from .result import Finding, Result, number
from .values import format_decimal

# Budget, spent and rate, by whose they are: the department's own totals, all its projects'
# together, one project's (Figure.project names it), or nobody's the report makes clear.
DEPARTMENT = ("budget", "spent", "execution_rate")
PROJECTS = ("projects_budget", "projects_spent", "projects_rate")
PROJECT = ("project_budget", "project_spent", "project_rate")
UNPLACED = ("unplaced_budget", "unplaced_spent", "unplaced_rate")
IDENTITY = ("department", "year")  # whose report, for which year: stated near the start
# What the self-evaluation gave: the department's and one project's 得分 (in 分) and 等级 (a
# grade's word, the figure's text; its value None). A score or grade whose owner is unclear,
# or said of all the projects together, is no figure.
SCORES = ("department_score", "project_score")
GRADES = ("department_grade", "project_grade")
KINDS = (
    *IDENTITY,
    *DEPARTMENT,
    "project_count",
    *PROJECTS,
    *PROJECT,
    *UNPLACED,
    "completion_rate",
    *SCORES,
    *GRADES,
)


def labels() -> dict[str, str]:
    """What each kind of figure is, in the words of the findings and the current language."""
    return {
        "department": _("reporting unit"),
        "year": _("report year"),
        "budget": _("department budget"),
        "spent": _("department spending"),
        "execution_rate": _("department execution rate"),
        "project_count": _("number of budget projects"),
        "projects_budget": _("projects' total amount"),
        "projects_spent": _("projects' spending"),
        "projects_rate": _("projects' execution rate"),
        # one project's: shown after its name, 「农田水利维护项目」预算资金
        "project_budget": _("budget"),
        "project_spent": _("spending"),
        "project_rate": _("execution rate"),
        "unplaced_budget": _("budget (whose unclear)"),
        "unplaced_spent": _("spending (whose unclear)"),
        "unplaced_rate": _("execution rate (whose unclear)"),
        "completion_rate": _("completion rate"),
        "department_score": _("department score"),
        "project_score": _("score"),
        "department_grade": _("department grade"),
        "project_grade": _("grade"),
    }


# :func:`labels` as a mapping, in the language current when a label is looked up (made once per
# language: a report can state thousands of figures)
LABELS: Mapping[str, str] = Titles(labels)
QUOTE_CHARS = 60

# --- the words around a figure ------------------------------------------------------------------

# Possessive: no filler is two others, so a run of them reads one way only.
_FILLER = r"(?:共计|合计|总计|累计|共|为|是|达到|达|约|在|有|:)*+"


def _ends_with(words: str) -> re.Pattern[str]:
    """A keyword at the end of the text before a figure, allowing 为/共计/达到… in between."""
    return re.compile(rf"(?:{words}){_FILLER}$")


_RATE = _ends_with("执行率")
_COMPLETION = _ends_with("完成率|完成全年任务|完成年度任务|全年任务完成")
# 基本支出 and 人员支出 are parts of the spending, not the total a rate is computed from.
_SPENT = _ends_with("(?<!基本)(?<!人员)支出|执行数|执行金额|支出金额")
_BUDGET = _ends_with("预算资金|年度预算|预算数|预算金额|预算")
_PROJECTS_TOTAL = _ends_with("金额|资金总额|项目资金")
# A table's total score, said as one (自评得分 97.24 分, 综合得分, 该项目得分), never a part of
# one or another year's: a bare 得分 (an indicator's, 得分 8.62 分), 总分 (as often the full
# marks as the score), a 指标's score, the execution row's (执行率得分), a 分值, the 满分, last
# year's (上年, 2018 年).
_SCORE = _ends_with(
    "(?:自评|综合|整体|最终|绩效)总?(?:得分|分数|评分)|总得分|(?:部门|单位|项目)得分"
)
_PART_SCORE = re.compile(r"指标|分值|执行率|满分|扣|上年|去年|前年|同比|较|(?:19|20)\d{2}年(?!度)")
# A grade stated as done: 等级为"优", 评价等级：良好, 自评结果为"良" (the grades' usual words; the table's own
# grade is what it is compared with, through the rule set's aliases: 优秀 stands for 优).
_GRADE = re.compile(
    r"(?:等级|评价结果|自评结果)(?:为|是|:|评定为|评为)?+[“\"「『']?+"
    r"(优秀|良好|中等|不合格|合格|优|良|中|差)"
    # 被评为"良好"等级: 等级 (or 档) after the grade; 被评为优秀单位 is an award, no grade
    r"|被?评(?:定|价)?为[“\"「『']?+(优秀|良好|中等|不合格|合格|优|良|中|差)[”\"」』']?+(?:等级|档)"
)
# Only the department's own projects count: 预算项目 3 个, 评价项目 3 个, "，项目 3 个" — never
# 在建项目 9 个 or 引进项目 3 个, which are results of the work, not budget projects.
_PROJECT_COUNT = re.compile(
    r"(?:^|[,:、]|其中|共|涉及|预算|评价|自评|绩效|支出|部门|(?:评价|自评)的|共实施)项目,?"
    r"(?:共|总数|数量|个数|数)?(?:为|有|是)?$"
)
# A target (年初设定…90% 以上, 目标为 95%) is what was planned, not a figure stated as done;
# 绩效目标完成率 100% is done, so 目标 marks a target only right before the figure.
_TARGET_BEFORE = re.compile(r"设定|不低于|不少于|不高于|不超过|≥|≤|>=|<=|目标值?(?:为|是|:)?$")
_TARGET_AFTER = re.compile(r"\s*+(?:以上|以下|以内)")

# A number starts where no digit or point is before it, nor at a group of three digits after
# a digit and a comma: the search never restarts inside 1,234,567 (which made a run of comma
# groups quadratic); in 30，35 万元 the 35 is still a number.
_NUMBER = r"(?<![\d.])(?!(?<=\d,)\d{3}(?!\d))(\d{1,3}+(?:,\d{3})++(?:\.\d++)?+|\d++(?:\.\d++)?+)"
_FIGURE = re.compile(
    rf"百分之\s*+{_NUMBER}|{_NUMBER}\s*+(万元|亿元|元|%|个(?!月|百分点)|分(?![值之钟别项类析配解布期批摊]))"
)
_SENTENCE_END = re.compile(r"[。!?;]")

# --- whose a figure is ----------------------------------------------------------------------------

# How a project's name ends: 农田水利维护项目, 动物防疫经费, 企业服务费, 耕地地力保护补贴. The
# name is read back from its end, to the previous name or a character that is not Chinese.
_NAME_END = re.compile(r"项目|经费|专项|补助|补贴|费")
NAME_CHARS = 30  # a name is read back at most this far from its end
# Words in front of a name that are not part of it: 其中农田水利维护项目, 全年动物防疫经费, and
# the 和 of 农田水利维护项目和动物防疫经费 (two names joined).
_NAME_LEAD = re.compile(
    r"(?:其中|以及|另外|此外|同时|用于|安排|本年度|本年|今年|当年|全年|年度|[一二三四五六七八九十]是"
    r"|和|及|与|或)*+"
)
# A name that stands for all the projects: 预算项目, 自评项目, 各项目, 3 个项目, 以上项目.
_ALL_NAMED = re.compile(
    r"(?:各|各项|所有|全部|上述|以上|这些|其他|其余|个|预算|评价|自评|绩效|支出|部门|重点|整体)$"
)
# 项目 counted right after it (项目共 3 个, 项目 3 个): all the projects
_COUNTED = re.compile(r"[共计有为是:,]{0,3}+\d++\s*+个(?!月)")
# 该项目, 对本项目: the one the text is about (not 资本项目)
_THIS_NAMED = re.compile(r"(?:该|此|这个|这一|^[对在从为]?本)$")
_PART_NAMED = re.compile(r"人员|公用|基本|日常|运转|办公")  # 人员经费: a part of the spending
# as a table row of one project reads: a name as long as a column's title may be
_QUOTED_NAME = re.compile(rf"「([^「」]{{1,{MAX_TITLE_CHARS}}}+)」")
# 一是乡村道路养护，…；二是人居环境整治，…: the words after 一是 name what the clause is about,
# up to the first word of a figure (一是乡村道路养护预算 120 万元).
_ENUMERATION = re.compile(r"(?<![\u4e00-\u9fff])[一二三四五六七八九十]是([\u4e00-\u9fff]++)")
_NAME_STOP = re.compile(r"预算|支出|执行|资金|金额|全年|年度|合计|共计|总")
_PART_WORD = re.compile(r"其中")  # 其中中央资金 200 万元: a part of something, nobody's total
# Among a budget's parts (其中基本支出…，项目支出 65 万元), words of spending done close them.
_DONE = re.compile(r"实际|执行|完成|支付|拨付")
# Words that make a figure the department's own: 本部门, 我局, 部门整体 — not 相关部门.
_DEPARTMENT_WORDS = re.compile(
    r"(?<!相关)(?<!有关)(?<!各)(?<!职能)(?<!其他)(?<!上级)(?<!主管)部门"
    r"|[本我](?:单位|局|委|院|办|中心|所|站|厅|校)|整体|本级|管委会"
)
# Weaker: a total, the department's when nothing else says whose (全年预算资金 530 万元).
_TOTAL_WORDS = re.compile(r"全年|年度|总|合计")
# A heading or an item about a subject rather than a project: 绩效目标完成情况, 存在的问题.
_TOPIC = re.compile(
    r"情况|概况|分析|评价|自评|绩效|目标|指标|问题|措施|建议|应用|说明|结论|总结|成效|做法"
    r"|经验|预算|执行|支出|资金|收入|总体|效益|满意度|职责|职能|机构|附表|附件"
)
_PLAIN_TITLE = re.compile(r"[\u4e00-\u9fff、()]++")  # （二）文物保护修缮: a name, nothing else

# --- lines and tables ----------------------------------------------------------------------------

# A table's |---|---| line, or a rule: these characters only, with --- among them (one
# pattern for both, [\s|:-]*-{3,}[\s|:-]*, took time cubic in a line of dashes).
_RULE_CHARS = re.compile(r"[\s|:-]++")
_LINE_MARKUP = re.compile(
    r"^\s*+(?P<heading>#{1,6}+\s++)?(?:>\s*+)*+(?P<item>[-*+]\s++|\d++[.)]\s++)?"
)
# Emphasis marks, removed (a single ~ is a range: 3~5 个), and a punctuation character escaped
# with a backslash, read as itself (\# 标题, \[链接\], \*: a name the drafted report made inert).
_EMPHASIS = re.compile(r"\\([!-/:-@\[-`{-~])|[*_`]++|~~")
_TITLE_UNIT = re.compile(r"[(（]\s*+(万元|亿元|元|%|％|个)\s*+[)）]")
_BARE_NUMBER = re.compile(r"\s*+[\d.,]++\s*+")
_SPACES = re.compile(r"\s+")
# 一、 （一） 1、 2. 第三部分: a heading or a numbered paragraph starts a sentence.
_NUMBERED = re.compile(
    r"\s*+(?:[一二三四五六七八九十]++、|[(（][一二三四五六七八九十\d]++[)）]|\d++[、.)](?!\d)"
    r"|第[一二三四五六七八九十\d]++[章节部分])"
)
_CLAUSE_MARK = re.compile(r"[,。!?;:]")
HEADING_CHARS = 30  # a numbered line this short without a comma or stop is a heading

# Rows of a table: a 合计 row, the department's own row, and parts of its spending.
_TOTAL = re.compile(r"(?:项目)?(?:合计|总计)")
# A count starts where its digits start: a search restarting at every digit of a long run
# was quadratic.
_ALL_PROJECTS = re.compile(
    r"合计|总计|全部|所有|(?<!\d)\d++\s*+个|^(?:部门|预算|评价|自评|绩效)?项目(?:支出|资金)?$"
)
# These three are matched against a row's whole label (see :func:`_row_word`): a project may
# be called 人员培训经费, 其他教育事业费, 部门预算编制经费 or 教师培训（上年结转）.
_DEPARTMENT_ROW = re.compile(r"[本全]?(?:部门|单位)(?:整体|合计|总计|本级)?(?:支出|预算)?|整体")
_PART_ROW = re.compile(r"基本支出|(?:人员|公用|日常公用)(?:经费|支出)(?:支出)?|其他(?:支出|经费)?")
# The rows of a 自评表's 项目资金 block (年度资金总额, 其中：财政拨款 …) restate the table of the
# project the heading above names: whose they are is the heading's, which a table row cannot
# tell; said nothing of rather than read as a project called 年度资金总额.
_FUNDS_ROW = re.compile(r"年度资金总额|财政拨款(?:资金)?|上年结转(?:资金)?|其他资金")
# What may stand before such a row's word: 其中：, a number (1.、（一）), spaces.
_ROW_LEAD = re.compile(r"(?:其中|[:、.\s]|\d++|[(][一二三四五六七八九十\d]++[)])*+")
_SERIAL = re.compile(r"序号|编号|序")
_DEPARTMENTS_COLUMN = re.compile(
    r"(?:部门|单位)(?:名称)?"
)  # a column of row numbers before the names

# --- the department and the year, near the start ---------------------------------------------------

FIRST_LINES = 20  # the title page: at most this many lines before the first numbered section
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*+年度")
# From the start of a run of Chinese only: the lazy repeat then reads each run once.
_NAME = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]+?(?:管理委员会|管委会|委员会|人民政府|办公室|局|厅)"
)


@dataclass(frozen=True)
class Figure:
    """A figure the report states: ``value`` in ``unit`` (万元, % or 个), found on ``line``, in a
    sentence that starts on ``sentence_line``; a figure of one project has the project's name
    as the report writes it in ``project``. The department's name is a figure too: its
    ``value`` is None and ``text`` the name."""

    kind: str
    value: Decimal | None
    unit: str
    text: str  # as written, e.g. "382.31 万元" or "３,８２３,１００元"
    sentence: str
    line: int
    sentence_line: int
    # what is shown of the sentence: all of it, or QUOTE_CHARS around the figure with "…" where
    # it is cut (every figure of a long sentence showing all of it made output quadratic)
    excerpt: str = ""
    project: str = ""
    # a budget said to be the one at the start of the year (年初预算), not the full year's
    planned: bool = False

    @property
    def label(self) -> str:
        """What the figure is, in the words of the findings: 部门预算资金, 「农田水利维护项目」执行率."""
        label = LABELS.get(self.kind, self.kind)
        if self.project:
            return _("“{project}” {label}").format(project=self.project, label=label)
        return label

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "value": number(self.value),
            "unit": self.unit,
            "text": self.text,
            "sentence": self.excerpt or self.sentence,
            "line": self.line,
            "project": self.project or None,
        }


def extract(text: str, projects: Iterable[str] = ()) -> list[Figure]:
    """The figures of a report, in the order they are written. ``projects`` are the names of
    the projects the report is about (those of the evaluation it goes with): a sentence that
    names one of them states that project's figures, however the name ends."""
    lines = _plain_lines(text)
    listed = _Listed(projects)
    figures = list(_identity(lines))
    outline = _Outline()
    for run in _runs(lines):
        block = _Block.of(run)
        section = _section(lines[run[0][0] - 1], block, outline, listed)
        paragraph = _Paragraph(section, listed)
        for start, end in _sentences(block.normal):
            figures.extend(_sentence_figures(block, start, end, paragraph))
    return sorted(figures, key=lambda figure: figure.line)  # stable: in a line, as written


def review(
    figures: list[Figure], evaluation: Evaluation | None = None, result: Result | None = None
) -> list[Finding]:
    """Findings on the report's figures, by line; with ``evaluation``, also against the table;
    with its ``result`` (the table scored), the 得分 and 等级 the report states against it."""
    found = [*_rate_mismatches(figures), *_overspending(figures), *_restatements(figures)]
    if evaluation is not None:
        found.extend(_identity_mismatches(figures, evaluation))
        found.extend(_table_mismatches(figures, evaluation))
        found.extend(_unknown_projects(figures, evaluation))
        if result is not None:
            found.extend(_score_mismatches(figures, evaluation, result))
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


# --- reading ---------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _nfkc_char(char: str) -> str:
    normal = unicodedata.normalize("NFKC", char)
    return normal if len(normal) == 1 else char


def _nfkc(text: str) -> str:
    """NFKC character by character, keeping the few characters whose normal form is longer
    (…, ㎡): every offset then points at the same character in the text as written."""
    return "".join(_nfkc_char(char) for char in text)


@dataclass(frozen=True)
class _Line:
    """A line without its markup. A sentence never runs into a line that ``opens`` (a heading,
    a list item, a numbered paragraph, a table row) nor out of one that ``closes`` (a heading,
    a title, a table row). ``depth`` is a Markdown heading's (2 for ``##``), else 0."""

    text: str
    opens: bool = False
    closes: bool = False
    depth: int = 0


def _plain_lines(text: str) -> list[_Line]:
    """The lines without Markdown markup, one for each line of the file; a character Markdown
    writes as an entity (``&lt;``) is read as itself, so that its ``;`` ends no clause."""
    from html import unescape

    lines = [unescape(line.rstrip("\r")) for line in text.split("\n")]
    plain: list[_Line] = []
    table: _Table | None = None
    for index, line in enumerate(lines):
        if _is_rule(line):
            plain.append(_Line(""))
        elif line.strip().startswith("|"):
            cells = [_strip_markup(cell) for cell in _table_cells(line)]
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if _is_rule(following):  # the header row names the columns
                table = _Table(cells, line=index + 1)
                row = "，".join(cells)
            else:
                table = table or _Table([])
                row = table.read(cells)
            plain.append(_Line(row, opens=True, closes=True))
        else:
            table = None
            plain.append(_prose_line(line))
    return plain


def _is_rule(line: str) -> bool:
    """A table's |---|---| line, or a horizontal rule."""
    return "---" in line and _RULE_CHARS.fullmatch(line) is not None


def _table_cells(line: str) -> list[str]:
    """A Markdown table row's cells. A cell ends at a pipe that is not escaped: ``\\|`` is a
    pipe in a name (the drafted report writes a project's name so), not another column."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    cells: list[str] = []
    cell: list[str] = []
    escaped = False
    for char in row:
        if char == "|" and not escaped:
            cells.append("".join(cell))
            cell = []
        elif char == "|":
            cell[-1] = "|"  # the backslash before it was the escape
        else:
            cell.append(char)
        escaped = char == "\\"
    cells.append("".join(cell))
    return cells


def _strip_markup(text: str) -> str:
    """A line or a cell without its emphasis marks, its escaped characters as themselves."""
    return _EMPHASIS.sub(lambda match: match.group(1) or "", text).strip()


def _prose_line(line: str) -> _Line:
    markup = _LINE_MARKUP.match(line)
    assert markup is not None  # every part of the pattern is optional
    text = _strip_markup(line[markup.end() :])
    normal = _nfkc(text)
    numbered = bool(_NUMBERED.match(normal))
    # 一、部门基本情况 is a heading; a short line of a paragraph broken across lines is not.
    heading = bool(markup.group("heading")) or (
        numbered and len(text) <= HEADING_CHARS and not _CLAUSE_MARK.search(normal)
    )
    depth = len(markup.group("heading").strip()) if markup.group("heading") else 0
    opens = heading or numbered or bool(markup.group("item"))
    return _Line(text, opens=opens, closes=heading, depth=depth)


class _Table:
    """The rows of one Markdown table, read in order. In a table of projects — its header names
    项目 or 名称 beside budget or spending columns, or every row so far is a project — a 合计
    row holds the projects' figures and a row for one project holds that project's: its name
    is quoted, 「河道清淤」, as a sentence naming the project would. The names are in the first
    column, or in the second after a 序号 column."""

    def __init__(self, header: list[str], line: int = 0) -> None:
        _refuse_long_titles(header, line)
        self.columns = [_Column.of(title) for title in header]
        serial = len(header) > 1 and _SERIAL.fullmatch(_nfkc(header[0]).strip()) is not None
        self.names = 1 if serial else 0
        label = _nfkc(header[self.names]) if header else ""
        columns = sum(_kind_of_column(title) for title in header[self.names + 1 :])
        self.of_projects = ("项目" in label or "名称" in label) and columns >= 2
        # a column of departments (部门, 单位名称): each row is another department's figures,
        # as a bureau's summary ranks them — none of them this report's own to compare
        self.of_departments = any(_DEPARTMENTS_COLUMN.fullmatch(_nfkc(t).strip()) for t in header)
        self.project_rows = 0
        self.other_rows = 0

    def read(self, cells: list[str]) -> str:
        """The row as a sentence, or "" when it states none of the figures read."""
        if self.of_departments:
            return ""
        one_project = False
        # a 合计 row may span the 序号 column and leave the names' column empty
        at = self.names if self.names < len(cells) and cells[self.names].strip() else 0
        label = _nfkc(cells[at]) if cells else ""
        word = _row_word(label)
        if _FUNDS_ROW.fullmatch(word):
            self.other_rows += 1
            return ""
        if _TOTAL.match(label):
            if (self.of_projects or self.project_rows) and not self.other_rows:
                cells = _relabelled(cells, at, cells[at] if "项目" in label else "项目" + cells[at])
        elif "项目" in label:
            self.project_rows += 1
            if not _ALL_PROJECTS.search(label):
                cells = _relabelled(cells, at, _quoted(cells[at]))  # one project
                one_project = True
        elif _PART_ROW.fullmatch(word):
            self.other_rows += 1
            return ""  # 基本支出, 人员经费: a part of the department's spending
        elif self.of_projects and not _DEPARTMENT_ROW.fullmatch(word):
            self.project_rows += 1
            cells = _relabelled(cells, at, _quoted(cells[at]))  # one project
            one_project = True
        else:
            self.other_rows += 1
        columns = self.columns
        return "，".join(
            _labelled(cell, columns[i] if i < len(columns) else None, one_project)
            for i, cell in enumerate(cells)
            if i >= at  # a row's 序号 says nothing
        )


def _row_word(label: str) -> str:
    """A row's label without what may stand around a word of its own: ``其中：财政拨款`` is
    财政拨款, ``1.基本支出（人员经费）`` is 基本支出, ``教师培训（上年结转）`` is 教师培训 (a
    project, no 上年结转 row)."""
    lead = _ROW_LEAD.match(label)
    assert lead is not None  # every part of the pattern is optional
    word = label[lead.end() :].strip()
    if word.endswith(")") and "(" in word:  # one note in brackets after the word
        word = word[: word.rindex("(")].rstrip()
    return word


def _relabelled(cells: list[str], at: int, label: str) -> list[str]:
    return [*cells[:at], label, *cells[at + 1 :]]


def _quoted(name: str) -> str:
    """A project's name as a row of a table gives it, quoted as 「河道清淤」."""
    return "「" + name.replace("「", "").replace("」", "").strip() + "」"


def _refuse_long_titles(header: list[str], line: int) -> None:
    for column, title in enumerate(header, start=1):
        if len(title) > MAX_TITLE_CHARS:
            from .errors import InputError
            from .i18n import _

            raise InputError(
                _(
                    "the title of column {column} has {count} characters; "
                    "a column title has at most {most}"
                ).format(column=column, count=f"{len(title):,}", most=MAX_TITLE_CHARS),
                where=_("line {line}").format(line=line),
                hint=_("shorten the title, and put any explanation below the table"),
            )


def _kind_of_column(title: str) -> bool:
    """Whether a column's title names a budget, spending or rate."""
    words = _SPACES.sub("", _TITLE_UNIT.sub("", _nfkc(title)))
    return any(_measure(unit, words) is not None for unit in ("万元", "%"))


@dataclass(frozen=True)
class _Column:
    """A column of a table by its title: the title without its unit, and the unit it gives
    (万元 in ``预算数（万元）``). Read once per table, not once per row."""

    name: str
    unit: str | None

    @classmethod
    def of(cls, title: str) -> _Column | None:
        if not title:
            return None  # an untitled column labels nothing
        unit = _TITLE_UNIT.search(title)
        return cls(_TITLE_UNIT.sub("", title).strip(), unit.group(1) if unit else None)


# The 得分 and 等级 columns of a table of projects: a row of one project states its total.
_SCORE_COLUMN = re.compile(r"(?:自评|综合)?总?得分|总分")
_GRADE_COLUMN = re.compile(r"(?:自评|评价)?等级")


def _labelled(cell: str, column: _Column | None, one_project: bool = False) -> str:
    """A cell holding a bare figure reads as its column's title followed by the figure, so that
    ``| 382.31 |`` under ``预算数（万元）`` reads like the prose ``预算数 382.31 万元``. In a row
    of one project (``one_project``), the 得分 and 等级 columns read as the prose says a
    project's total: ``自评得分 99.90 分``, ``等级为优`` (in a table of indicators they are the
    rows' own and read as nothing)."""
    normal = _nfkc(cell)
    bare = _BARE_NUMBER.fullmatch(normal)
    if one_project and column is not None:
        name = _SPACES.sub("", _nfkc(column.name))
        if bare and _SCORE_COLUMN.fullmatch(name):
            return f"自评得分 {cell.strip()} 分"
        if _GRADE_COLUMN.fullmatch(name) and normal.strip():
            return f"等级为{cell.strip()}"
    if column is None or not (bare or _FIGURE.match(normal)):
        return cell
    if column.unit and bare:
        cell = f"{cell} {column.unit}"
    return f"{column.name} {cell}"


def _runs(lines: list[_Line]) -> Iterator[list[tuple[int, str]]]:
    """Runs of lines a sentence may span, as (line number, text): a blank line, a heading, a list
    item or a table row ends a run."""
    run: list[tuple[int, str]] = []
    closed = False
    for line_number, line in enumerate(lines, start=1):
        if run and (closed or line.opens or not line.text):
            yield run
            run = []
        if line.text:
            run.append((line_number, line.text))
        closed = line.closes
    if run:
        yield run


@dataclass(frozen=True)
class _Block:
    """The lines of a run joined, as written and normalised, and where each line starts."""

    written: str
    normal: str
    starts: tuple[int, ...]
    numbers: tuple[int, ...]

    @classmethod
    def of(cls, run: list[tuple[int, str]]) -> _Block:
        # Chinese text broken across lines, and a number broken in two, join as they are.
        written = "".join(text for _, text in run)
        starts = tuple(accumulate((len(text) for _, text in run[:-1]), initial=0))
        numbers = tuple(number for number, _ in run)
        return cls(written, _nfkc(written), starts, numbers)

    def line(self, offset: int) -> int:
        """The line of the file that holds the character at ``offset``."""
        return self.numbers[bisect_right(self.starts, offset) - 1]


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of the sentences of a normalised text."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _sentence_figures(block: _Block, start: int, end: int, paragraph: _Paragraph) -> list[Figure]:
    """The figures of the sentence ``block.normal[start:end]``, each with whose it is."""
    normal = block.normal
    sentence = block.written[start:end].strip()
    first = start + len(block.written[start:end]) - len(block.written[start:end].lstrip())
    # The words that say whose the figures are, found once for the sentence and read up to each
    # figure in turn (searching the sentence up to each figure was quadratic).
    reading = _Reading(_markers(normal, start, end, paragraph.listed), paragraph)
    unsaid: _Owner | None = None  # whose a figure no marker precedes is, found when needed
    figures = []
    lead_start = start
    parts = _Parts()
    for match in _in_order(
        _FIGURE.finditer(normal, start, end), _GRADE.finditer(normal, start, end)
    ):
        value: Decimal | None
        measure: str | None
        if match.re is _GRADE:
            value, unit, measure, lead = None, "", "grade", ""
        else:
            # The words since the previous figure say what this one is.
            lead = _SPACES.sub("", normal[lead_start : match.start()])
            lead_start = match.end()
            if _TARGET_BEFORE.search(lead) or _TARGET_AFTER.match(normal, match.end(), end):
                continue
            value, unit = _value(match, block.line(match.start()))
            measure = parts.read(_measure(unit, lead), lead)
            if measure is None:
                continue
        owner = reading.at(match.start())
        if owner is None:
            unsaid = unsaid or paragraph.unsaid(normal, start, end)
            owner = unsaid
        kind = _kind(measure, owner)
        if kind in ("department_score", "department_grade") and not _DEPARTMENT_WORDS.search(
            normal, start, match.start()
        ):
            # the department's score only where the sentence says so (部门整体自评得分): a
            # table's 总分 under a heading the text does not name is nobody's the report makes
            # clear
            kind = None
        if kind:
            text = block.written[match.start() : match.end()]
            if match.re is _GRADE:
                said = match.lastindex or 1  # the alternative that matched: its grade word
                text = block.written[match.start(said) : match.end(said)]
            line, sentence_line = block.line(match.start()), block.line(first)
            excerpt = _excerpt(block.written, first, first + len(sentence), match.start())
            # a project's budget, spent, rate, score and grade carry its name (not its
            # completion rate)
            project = owner.project if kind in (*PROJECT, "project_score", "project_grade") else ""
            planned = measure == "budget" and _planned(lead)
            figures.append(
                Figure(
                    kind,
                    value,
                    unit,
                    text,
                    sentence,
                    line,
                    sentence_line,
                    excerpt,
                    project,
                    planned,
                )
            )
    paragraph.read(reading.at(end), normal, start, end)
    return figures


def _planned(lead: str) -> bool:
    """Whether the words before a budget say it is the one of the start of the year (年初预算
    1,200 万元), not the full year's (调整后全年预算 1,350.50 万元, 年初预算经调整后)."""
    return lead.rfind("年初") > lead.rfind("调整")


class _Parts:
    """The parts a sentence lists after its budget: in 部门预算资金 382.31 万元，其中基本支出 317.31
    万元，项目支出 65 万元, 项目支出 is the projects' share of the budget, not their spending. Read
    figure by figure: 其中 right after a budget opens its parts (after a spending, the spending's),
    and words of spending done (实际支出, 执行) close them."""

    def __init__(self) -> None:
        self.last: str | None = None  # the last budget or spending the sentence stated
        self.open = False  # the budget's parts are being listed

    def read(self, measure: str | None, lead: str) -> str | None:
        """What a figure after the words ``lead`` states, ``measure`` as its words alone say."""
        if _PART_WORD.search(lead):
            self.open = self.last == "budget"
        elif _DONE.search(lead):
            self.open = False
        if measure == "spent" and self.open and lead.endswith("项目支出"):
            measure = "budget"
        if measure in ("budget", "spent"):
            self.last = measure
        return measure


def _in_order(*found: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The matches of several patterns in one sentence, by where they start."""
    from heapq import merge

    return merge(*found, key=lambda match: match.start())


def _excerpt(written: str, start: int, end: int, at: int) -> str:
    """The sentence ``written[start:end]`` when it is short; else QUOTE_CHARS of it around
    the figure at ``at``, with "…" where it is cut."""
    if end - start <= QUOTE_CHARS:
        return written[start:end]
    left = min(max(start, at - QUOTE_CHARS // 3), end - QUOTE_CHARS)
    right = left + QUOTE_CHARS
    return ("…" if left > start else "") + written[left:right] + ("…" if right < end else "")


def _value(match: re.Match[str], line: int) -> tuple[Decimal, str]:
    """The figure's value, in 万元 when it is money, and its unit."""
    number = _digits(match.group(1) or match.group(2), line)
    if match.group(1) is not None:  # 百分之 90
        return Decimal(number), "%"
    value, unit = Decimal(number), match.group(3)
    if unit == "分":
        return value, unit
    from .units import standard

    in_wanyuan = standard().convert(value, unit, "万元")
    return (in_wanyuan, "万元") if in_wanyuan is not None else (value, unit)


def _digits(written: str, line: int) -> str:
    """A number without its thousands separators; one longer than any figure is refused before
    it is converted (converting a number of n digits takes time n²)."""
    number = written.replace(",", "")
    count = len(number) - ("." in number)
    if count > MAX_DIGITS:
        from .errors import InputError
        from .i18n import _

        raise InputError(
            _(
                "the number {number} has {count} digits; no figure of a report has more than {most}"
            ).format(number=_quote(written), count=f"{count:,}", most=MAX_DIGITS),
            where=_("line {line}").format(line=line),
            hint=_("correct the number in the report, e.g. 382.31 万元"),
        )
    return number


def _measure(unit: str, lead: str) -> str | None:
    """What a figure states, from its unit and the words before it: a "rate", a "completion"
    rate, a "count" of projects, "spent", "budget", or an "amount" (金额合计, 涉及金额: a budget
    when said of projects)."""
    if unit == "%":
        if _RATE.search(lead):
            return "rate"
        return "completion" if _COMPLETION.search(lead) else None
    if unit == "个":
        return "count" if _PROJECT_COUNT.search(lead) else None
    if unit == "分":
        return "score" if _SCORE.search(lead) and not _PART_SCORE.search(lead) else None
    if _SPENT.search(lead):
        return "spent"
    if _BUDGET.search(lead):
        return "budget"
    return "amount" if _PROJECTS_TOTAL.search(lead) else None


_KINDS_OF = {"department": DEPARTMENT, "projects": PROJECTS, "project": PROJECT, "": UNPLACED}


def _kind(measure: str, owner: _Owner) -> str | None:
    """The kind of a figure that states ``measure``, being ``owner``'s."""
    if measure == "count":
        return "project_count"
    if measure == "completion":
        return "completion_rate"
    if measure in ("score", "grade"):
        whose = {"department": "department", "project": "project"}.get(owner.whose)
        return f"{whose}_{measure}" if whose else None
    if measure == "amount" and owner.whose not in ("projects", "project"):
        return None  # 金额 only says whose money it is after a 项目
    budget, spent, rate = _KINDS_OF[owner.whose]
    return {"budget": budget, "amount": budget, "spent": spent, "rate": rate}[measure]


# --- whose a figure is ----------------------------------------------------------------------------
#
# A report states the department's totals, all its projects' together, and each project's, often
# one sentence each; only like is compared with like. Words in a sentence say whose the figures
# after them are, up to the next such words: a project's name (农田水利维护项目, 动物防疫经费,
# 「河道清淤」, 一是乡村道路养护, a name the evaluation lists), words for all the projects (预算项目
# 3 个, 以上 3 个项目), 该项目, 其中, or the department's (本部门, 我局, 部门整体). A figure no such
# words precede is the paragraph's: the owner of the sentences before it, else of the heading,
# numbered paragraph or list item it is under; else the department's when its sentence says a
# total (全年, 年度, 总, 合计); else nobody's, and then it is compared with nothing.


@dataclass(frozen=True)
class _Owner:
    """Whose a budget, spending or rate is: ``whose`` "department", "projects" (all together),
    "project" (``project`` its name as written) or "" (nobody's the report makes clear)."""

    whose: str
    project: str = ""


_OF_DEPARTMENT = _Owner("department")
_OF_PROJECTS = _Owner("projects")
_OF_NOBODY = _Owner("")


@dataclass(frozen=True)
class _Marker:
    """Words of a sentence ending at ``end`` that say whose the figures after them are: ``role``
    "owner" (``owner``'s), "this" (该项目: the project the text is about), "bare" (项目 alone:
    that project, else all of them) or "department"."""

    end: int
    role: str
    owner: _Owner = _OF_NOBODY


class _Listed:
    """The projects' names an evaluation gives, to be found in a report's sentences."""

    def __init__(self, names: Iterable[str]) -> None:
        # longest first: where two names overlap, the longer is the one written
        plain = {_nfkc(name).strip() for name in names}
        self.names = sorted((name for name in plain if len(name) >= 2), key=len, reverse=True)

    def found(self, normal: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) where the sentence ``normal[start:end]`` writes a listed name."""
        if not self.names:
            return
        taken = bytearray(end - start)  # characters a longer name holds
        for name in self.names:
            at = normal.find(name, start, end)
            while at >= 0:
                stop = at + len(name)
                if not any(taken[at - start : stop - start]):
                    taken[at - start : stop - start] = b"\x01" * len(name)
                    yield at, stop, name
                at = normal.find(name, stop, end)

    def canonical(self, name: str) -> str:
        """The listed name a written one holds or is part of, when exactly one; else the name."""
        matches = [listed for listed in self.names if listed in name or name in listed]
        return matches[0] if len(matches) == 1 else name


def _of_project(name: str, listed: _Listed) -> _Owner:
    return _Owner("project", listed.canonical(_SPACES.sub("", name)))


class _Outline:
    """The owners the headings and numbered paragraphs above a line give, by level: one replaces
    those of its level and below, and the deepest that gives an owner holds."""

    def __init__(self) -> None:
        self.levels: list[tuple[int, _Owner | None]] = []

    def enter(self, level: int, owner: _Owner | None) -> None:
        while self.levels and self.levels[-1][0] >= level:
            self.levels.pop()
        self.levels.append((level, owner))

    def owner(self) -> _Owner | None:
        return next((owner for _, owner in reversed(self.levels) if owner), None)


class _Paragraph:
    """Whose a run of lines is about, sentence by sentence: first its ``section``'s (from the
    headings above it, or its own title), then that of the sentence before."""

    def __init__(self, section: _Owner | None, listed: _Listed) -> None:
        self.section = section
        self.owner = section
        self.said_before = False  # whether the owner is a sentence's, not the section's
        self.listed = listed

    def unsaid(self, normal: str, start: int, end: int) -> _Owner:
        """Whose a figure is that no words of its sentence precede."""
        total = _says_department(normal, start, end)
        if self.owner is None:
            return _OF_DEPARTMENT if total else _OF_NOBODY
        # After 农田水利维护项目预算 300 万元, 实际支出 290 万元 is the project's, but 全年预算执行率
        # 97.86% may be the project's or the department's: it is nobody's.
        if total and self.said_before and self.owner.whose in ("project", "projects"):
            return _OF_NOBODY
        return self.owner

    def read(self, said: _Owner | None, normal: str, start: int, end: int) -> None:
        """After a sentence: whose it last said its figures were is whose the next one's are."""
        if said is not None and said.whose:
            self.owner, self.said_before = said, True
        elif said is None and self.owner is None and _says_department(normal, start, end):
            self.owner, self.said_before = _OF_DEPARTMENT, True


def _says_department(normal: str, start: int, end: int) -> bool:
    return bool(
        _TOTAL_WORDS.search(normal, start, end) or _DEPARTMENT_WORDS.search(normal, start, end)
    )


class _Reading:
    """A sentence's markers read in order, up to each figure: whose the figure is, or None when
    no marker precedes it."""

    def __init__(self, markers: list[_Marker], paragraph: _Paragraph) -> None:
        self.markers = markers
        self.next = 0
        self.said: _Owner | None = None
        self.paragraph = paragraph

    def at(self, offset: int) -> _Owner | None:
        markers = self.markers
        while self.next < len(markers) and markers[self.next].end <= offset:
            self.said = self._after(markers[self.next])
            self.next += 1
        return self.said

    def _after(self, marker: _Marker) -> _Owner | None:
        if marker.role == "owner":
            return marker.owner
        if marker.role == "department":
            # Under a project's heading, 部门 is rarely the department's total (为保障部门运转，
            # 安排预算 20 万元): the section's project holds.
            section = self.paragraph.section
            return self.said if section and section.whose == "project" else _OF_DEPARTMENT
        about = (self.said, self.paragraph.owner)
        project = next((owner for owner in about if owner and owner.whose == "project"), None)
        return project or (_OF_PROJECTS if marker.role == "bare" else _OF_NOBODY)


def _section(first: _Line, block: _Block, outline: _Outline, listed: _Listed) -> _Owner | None:
    """Whose the figures of a run of lines are unless its sentences say: a heading or a numbered
    paragraph enters the outline with the owner its title gives; a list item has its title's;
    any other run is the outline's."""
    normal = block.normal
    line_end = block.starts[1] if len(block.starts) > 1 else len(normal)
    numbered = _NUMBERED.match(normal, 0, line_end)
    if numbered:
        level, title_from = _numbering_level(numbered.group()), numbered.end()
    elif first.depth:
        level, title_from = first.depth, 0
    elif first.opens and not first.closes:  # a list item (a table row closes)
        return _title_owner(_title(normal, 0, line_end), listed) or outline.owner()
    else:
        return outline.owner()
    outline.enter(level, _title_owner(_title(normal, title_from, line_end), listed))
    return outline.owner()


def _numbering_level(marker: str) -> int:
    """How deep a numbered heading or paragraph is, as official documents nest them: 第一部分 0,
    一、 1, （一） 2, 1、 or 1. 3, （1） 4."""
    marker = marker.strip()
    if marker.startswith("第"):
        return 0
    if marker.startswith("("):
        return 4 if marker[1].isdigit() else 2
    return 3 if marker[0].isdigit() else 1


def _title(normal: str, start: int, end: int) -> str:
    """The first clause of a line from ``start``: a heading's or an item's title."""
    mark = _CLAUSE_MARK.search(normal, start, end)
    return _SPACES.sub("", normal[start : mark.start() if mark else end])


def _title_owner(title: str, listed: _Listed) -> _Owner | None:
    """Whose the text under a heading, a numbered paragraph, a list item or after a 一是 is, by
    its title: the project it names (（三）旅游宣传推广经费); the department's (部门整体支出情况, a
    unit's name); none in particular for a subject (绩效目标完成情况, 项目支出情况) or a sentence;
    else the title is a project's name (（二）文物保护修缮)."""
    markers = list(_project_markers(title, 0, len(title), listed))
    if markers and markers[-1].role == "owner" and markers[-1].owner.whose == "project":
        return markers[-1].owner
    if _DEPARTMENT_WORDS.search(title) or _NAME.search(title):
        return _OF_DEPARTMENT
    if markers or _TOPIC.search(title) or len(title) > HEADING_CHARS:
        return None
    return _of_project(title, listed) if _PLAIN_TITLE.fullmatch(title) else None


def _markers(normal: str, start: int, end: int, listed: _Listed) -> list[_Marker]:
    """The words of the sentence ``normal[start:end]`` that say whose figures are, in order."""
    found = [
        *_project_markers(normal, start, end, listed),
        *_enumeration_markers(normal, start, end, listed),
        *(_Marker(m.end(), "department") for m in _DEPARTMENT_WORDS.finditer(normal, start, end)),
        *(_Marker(m.end(), "owner") for m in _PART_WORD.finditer(normal, start, end)),
    ]
    return sorted(found, key=lambda marker: marker.end)  # stable: a name before words in it


def _project_markers(normal: str, start: int, end: int, listed: _Listed) -> Iterator[_Marker]:
    """Names of projects, of one or of all: as they end (项目, 经费…), quoted, or listed."""
    yield from _name_markers(normal, start, end, listed)
    for match in _QUOTED_NAME.finditer(normal, start, end):
        yield _Marker(match.end(), "owner", _of_project(match.group(1), listed))
    for _start, stop, name in listed.found(normal, start, end):
        yield _Marker(stop, "owner", _Owner("project", name))


def _name_markers(normal: str, start: int, end: int, listed: _Listed) -> Iterator[_Marker]:
    """A marker for each name ending in 项目, 经费…: one project's, all projects' (预算项目,
    3 个项目), 该项目, 项目 alone, or nobody's (人员经费, and two names joined: 农田水利维护项目
    和动物防疫经费 share what follows). A name that goes on after such an ending is one name:
    学生资助补助经费项目, 耕地地力保护补贴资金项目 (not 经费项目 and 资金项目)."""
    floor = start  # a name starts after the one before it
    joinable = -1  # where the last one project's name ended
    named = -1  # where the one project's name that ends at ``floor`` starts, when one does
    joined = False  # whether that name is joined to the one before it
    for match in _NAME_END.finditer(normal, start, end):
        first = _name_start(normal, max(floor, match.start() - NAME_CHARS), match.start())
        lead = _NAME_LEAD.match(normal, first, match.start())
        prefix_from = lead.end() if lead else first
        prefix = normal[prefix_from : match.start()]
        if named >= 0 and prefix_from == floor and _goes_on(prefix, match.end() - named):
            owner = _of_project(normal[named : match.end()], listed)
            yield _Marker(match.end(), "owner", _OF_NOBODY if joined else owner)
            floor = joinable = match.end()
            continue
        named = -1
        if not prefix:
            if match.group() == "项目":
                yield _Marker(match.end(), "bare")
                floor = match.end()
            continue  # 经费 right after 项目 goes on the same name
        if _ALL_NAMED.search(prefix) or _counted(normal, match, end):
            yield _Marker(match.end(), "owner", _OF_PROJECTS)
        elif _THIS_NAMED.search(prefix):
            yield _Marker(match.end(), "this")
        elif _PART_NAMED.fullmatch(prefix):
            yield _Marker(match.end(), "owner", _OF_NOBODY)
        elif len(prefix) < 2:
            continue  # 会费, 收费: not a name, but may start one (收费项目)
        else:
            joined = joinable >= 0 and _joins(normal[joinable:prefix_from])
            owner = _of_project(normal[prefix_from : match.end()], listed)
            yield _Marker(match.end(), "owner", _OF_NOBODY if joined else owner)
            joinable, named = match.end(), prefix_from
        floor = match.end()


def _counted(normal: str, match: re.Match[str], end: int) -> bool:
    """Whether a 项目 is all the projects, by what its words say of it: counted right after it
    (本年度共实施项目 3 个, 纳入自评的项目共 3 个), or described before it (纳入自评的项目)."""
    if match.group() != "项目":
        return False
    return normal[match.start() - 1 : match.start()] == "的" or bool(
        _COUNTED.match(normal, match.end(), end)
    )


def _goes_on(prefix: str, length: int) -> bool:
    """Whether the words ``prefix`` between a project's name and the next 项目, 经费… go on
    with the same name (补助 + 经费 + 项目, 补贴 + 资金项目), ``length`` being the name's length
    so far: not when they name all the projects (等各项目), this one (该项目) or a part of the
    spending, nor past the length a name is read back."""
    return length <= NAME_CHARS and not (
        _ALL_NAMED.search(prefix) or _THIS_NAMED.search(prefix) or _PART_NAMED.fullmatch(prefix)
    )


def _name_start(normal: str, floor: int, end: int) -> int:
    """Where the name ending at ``end`` starts: after the last character before it that is not
    Chinese, and not before ``floor``."""
    at = end
    while at > floor and "\u4e00" <= normal[at - 1] <= "\u9fff":
        at -= 1
    return at


def _joins(between: str) -> bool:
    """Whether the words between two names join them: 和, 及, 与, 或 or 、 and nothing but Chinese
    (基础设施维护及企业服务费 is one name: no name ends before its 及)."""
    joined = any(char in between for char in "和及与或、")
    return joined and all(char == "、" or "\u4e00" <= char <= "\u9fff" for char in between)


def _enumeration_markers(normal: str, start: int, end: int, listed: _Listed) -> Iterator[_Marker]:
    """一是乡村道路养护，…: what the words after 一是 name, up to the first word of a figure."""
    for match in _ENUMERATION.finditer(normal, start, end):
        words = match.group(1)
        stop = _NAME_STOP.search(words)
        owner = _title_owner(words[: stop.start()] if stop else words, listed)
        if owner is not None:
            yield _Marker(match.start(1), "owner", owner)


def _identity(lines: list[_Line]) -> Iterator[Figure]:
    """The year (2023 年度) and the department's name (…管理委员会, …局) the title page states
    first: in the lines before the first numbered section."""
    first = next((i for i, line in enumerate(lines) if _NUMBERED.match(_nfkc(line.text))), None)
    title = lines[: min(FIRST_LINES, len(lines) if first is None else first)]
    found: dict[str, Figure] = {}
    for run in _runs(title):
        block = _Block.of(run)
        # The name is read with the year blanked out: 2023 年度乐亭县…管委会.
        blanked = _YEAR.sub(lambda match: " " * len(match.group()), block.normal)
        for kind, match in (
            ("year", _YEAR.search(block.normal)),
            ("department", _NAME.search(blanked)),
        ):
            if match and kind not in found:
                found[kind] = _identity_figure(kind, match, block, lines)
    yield from sorted(found.values(), key=lambda figure: figure.line)


def _identity_figure(kind: str, match: re.Match[str], block: _Block, lines: list[_Line]) -> Figure:
    """The year, or the name (its value None); its sentence is the line it starts on."""
    line = block.line(match.start())
    value = Decimal(match.group(1)) if kind == "year" else None
    text = block.written[match.start() : match.end()]
    whole = lines[line - 1].text
    excerpt = _excerpt(whole, 0, len(whole), max(whole.find(text), 0))
    return Figure(kind, value, "年" if value else "", text, whole, line, line, excerpt)


# --- review ------------------------------------------------------------------------------------


def _finding(code: str, line: int, message: str) -> tuple[int, Finding]:
    return line, Finding(code, "warning", f"line {line}", message)


def _shown(figure: Figure) -> str:
    value = format_decimal(figure.value or 0)
    return f"{value}%" if figure.unit == "%" else f"{value} {figure.unit}"


def _quote(sentence: str) -> str:
    return sentence if len(sentence) <= QUOTE_CHARS else sentence[: QUOTE_CHARS - 1] + "…"


_SLOTS = {
    kind: slot
    for kinds in (DEPARTMENT, PROJECTS, PROJECT, UNPLACED)
    for kind, slot in zip(kinds, ("budget", "spent", "rate"), strict=True)
}


# Whose a budget, spent or rate figure is: ("department", ""), ("projects", "") (all of them),
# ("project", its name), or ("", "") when the report does not make it clear.
Whose = tuple[str, str]


def _whose(figure: Figure) -> Whose:
    """Whose a budget, spent or rate figure is (see :data:`Whose`)."""
    if figure.kind in DEPARTMENT:
        return "department", ""
    if figure.kind in PROJECTS:
        return "projects", ""
    return ("project", figure.project) if figure.project else ("", "")


def _amounts(whose: Whose) -> str:
    """Whose amounts a finding names: 部门的金额, 「农田水利维护项目」的金额, 金额."""
    owner, project = whose
    if owner == "department":
        return _("the department's amounts")
    if owner == "projects":
        return _("the projects' amounts")
    if owner == "project":
        return _("the amounts of “{project}”").format(project=project)
    return _("the amounts")


def _overspent(whose: Whose) -> str:
    """Who spent more than the budget: 部门支出大于预算, 「农田水利维护项目」支出大于预算."""
    owner, project = whose
    if owner == "department":
        return _("the department spent more than its budget")
    if owner == "projects":
        return _("the projects spent more than their budget")
    if owner == "project":
        return _("“{project}” spent more than its budget").format(project=project)
    return _("more was spent than budgeted")


def _stated(
    figures: list[Figure],
) -> Iterator[tuple[Whose, Figure | None, Figure | None, Figure | None]]:
    """Whose budget, spent and rate one sentence states, each None when not: a sentence may
    state the department's and then the projects', or two projects' in turn."""
    by_sentence: dict[tuple[int, str, Whose], dict[str, Figure]] = {}
    for figure in figures:
        slot = _SLOTS.get(figure.kind)
        if slot is not None:
            key = (figure.sentence_line, figure.sentence, _whose(figure))
            stated = by_sentence.setdefault(key, {})
            if slot not in stated or (stated[slot].planned and not figure.planned):
                stated[slot] = figure  # the full year's budget before the start of the year's
    for (_line, _sentence, whose), stated in by_sentence.items():
        yield whose, stated.get("budget"), stated.get("spent"), stated.get("rate")


def _roundings(exact: Decimal, quantum: Decimal) -> tuple[Decimal, Decimal]:
    """The rate rounded half up and cut off: units do both."""
    return exact.quantize(quantum, ROUND_HALF_UP), exact.quantize(quantum, ROUND_DOWN)


def _approximately(exact: Decimal, places: int) -> str:
    cut = exact.quantize(Decimal(1).scaleb(-places), ROUND_DOWN)
    return format_decimal(exact) if cut == exact else f"{cut}…"


def _rate_mismatches(figures: list[Figure]) -> Iterator[tuple[int, Finding]]:
    """Amounts and a rate in one sentence that do not agree: either may be the wrong one."""
    for whose, budget, spent, rate in _stated(figures):
        if not (budget and spent and rate):
            continue
        amount, paid, stated = budget.value, spent.value, rate.value
        if amount is None or paid is None or stated is None:  # amounts and rates have values
            continue
        exponent = stated.as_tuple().exponent  # an int: a stated figure is finite
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
        try:
            # 28 significant digits: more than enough to round a rate to its stated decimals.
            exact = paid / amount * 100
            half_up, cut = _roundings(exact, Decimal(1).scaleb(-decimals))
            shown = _approximately(exact, decimals + 1)
        except (InvalidOperation, ZeroDivisionError):
            continue  # a budget of 0, or figures no report holds: nothing to compare
        if stated in (half_up, cut):
            continue
        yield _finding(
            "stated-figure-mismatch",
            rate.line,
            _(
                "{amounts} and the execution rate disagree: in “{sentence}” {spent} / {budget} = "
                "{computed}%, the report says {stated}"
            ).format(
                amounts=_amounts(whose),
                sentence=_quote(rate.sentence),
                spent=format_decimal(paid),
                budget=format_decimal(amount),
                computed=shown,
                stated=rate.text.strip(),
            ),
        )


def _overspending(figures: list[Figure]) -> Iterator[tuple[int, Finding]]:
    """More spent than budgeted, as the amounts or a rate above 100% state it."""
    for whose, budget, spent, rate in _stated(figures):
        # amounts and rates always have values (only a department's name has none)
        if (
            budget
            and spent
            and spent.value is not None
            and budget.value is not None
            and spent.value > budget.value
        ):
            line, sentence = spent.line, spent.sentence
            if rate:
                words = _("spent {spent}, budget {budget}, execution rate {rate}").format(
                    spent=_shown(spent), budget=_shown(budget), rate=rate.text.strip()
                )
            else:
                words = _("spent {spent}, budget {budget}").format(
                    spent=_shown(spent), budget=_shown(budget)
                )
        elif rate and rate.value is not None and rate.value > 100:
            line, sentence = rate.line, (spent or rate).sentence
            words = _("execution rate {rate}, above 100%").format(rate=rate.text.strip())
        else:
            continue
        yield _finding(
            "stated-figure-mismatch",
            line,
            _("{overspent}: in “{sentence}” {words}").format(
                overspent=_overspent(whose), sentence=_quote(sentence), words=words
            ),
        )


def _restatements(figures: list[Figure]) -> Iterator[tuple[int, Finding]]:
    """A figure stated again with another value — the department's against the department's,
    the projects' total against their total, one project's against the same project's (named
    alike). Completion rates differ by project, and a figure whose owner the report does not
    make clear is compared with none."""
    first: dict[tuple[str, str, bool], Figure] = {}
    for figure in figures:
        if figure.kind in ("completion_rate", *IDENTITY, *UNPLACED, *GRADES, "project_score"):
            # a project's score is compared with the table only: indicators of two projects
            # may share a name, and a report restates a project's score in its 附表
            continue
        key = (figure.kind, _project_key(figure.project), figure.planned)
        earlier = first.setdefault(key, figure)
        if figure.value != earlier.value:
            yield _finding(
                "stated-figure-mismatch",
                figure.line,
                _(
                    "{label} is stated differently: line {first_line} says {first}, line {line} "
                    "says {value} (“{sentence}”)"
                ).format(
                    label=figure.label,
                    first_line=earlier.line,
                    first=_shown(earlier),
                    line=figure.line,
                    value=_shown(figure),
                    sentence=_quote(figure.sentence),
                ),
            )


def _plain(name: str) -> str:
    return _SPACES.sub("", _nfkc(name)).replace("管理委员会", "管委会")


def _project_key(name: str) -> str:
    """A project's name as compared: 小型水库除险加固项目 is 小型水库除险加固 of a table's row."""
    return name[: -len("项目")] if len(name) > 4 and name.endswith("项目") else name


def _same_name(stated: str, filed: str) -> bool:
    """Names compared loosely: one holds the other, 管委会 standing for 管理委员会."""
    stated, filed = _plain(stated), _plain(filed)
    return stated in filed or filed in stated


def _identity_mismatches(
    figures: list[Figure], evaluation: Evaluation
) -> Iterator[tuple[int, Finding]]:
    """The report's year and department against the table's."""
    department = evaluation.department
    for figure in figures:
        if figure.kind == "year" and figure.value != department.year:
            message = _(
                "line {line}: the report's year is {stated}, the table's {filed} (“{sentence}”)"
            )
            stated, filed = format_decimal(figure.value or 0), str(department.year)
        elif figure.kind == "department" and not _same_name(figure.text, department.name):
            message = _(
                "line {line}: the reporting unit is “{stated}”, the table's “{filed}” "
                "(“{sentence}”)"
            )
            stated, filed = figure.text, department.name
        else:
            continue
        yield _finding(
            "report-table-mismatch",
            figure.line,
            message.format(
                line=figure.line, stated=stated, filed=filed, sentence=_quote(figure.sentence)
            ),
        )


# What a table says for a kind of figure: the values a report may state, and how to name them
# (words made only for a finding that names them).
Filed = dict[str, tuple[set[Decimal], Callable[[], str]]]


def _budget_values(budget: Budget, project: str | None) -> Filed:
    """What a table's budget row says, for the department's figures (``project`` None) or a
    project's. A report's 申请预算 may be the 年初 or the 全年 budget, so both are accepted."""
    adjusted, planned = format_decimal(budget.adjusted), format_decimal(budget.planned)
    spent = format_decimal(budget.spent)

    def budgeted() -> str:
        if project is None and budget.planned != budget.adjusted:
            words = _(
                "the department's full-year budget {adjusted} 万元, budget at the start of the "
                "year {planned} 万元"
            )
        elif project is None:
            words = _("the department's full-year budget {adjusted} 万元")
        elif budget.planned != budget.adjusted:
            words = _(
                "the full-year budget of “{project}” {adjusted} 万元, budget at the start of the "
                "year {planned} 万元"
            )
        else:
            words = _("the full-year budget of “{project}” {adjusted} 万元")
        return words.format(project=project, adjusted=adjusted, planned=planned)

    def paid() -> str:
        if project is None:
            return _("the department's full-year spending {spent} 万元").format(spent=spent)
        return _("the full-year spending of “{project}” {spent} 万元").format(
            project=project, spent=spent
        )

    kinds = DEPARTMENT if project is None else PROJECT
    return {
        kinds[0]: ({budget.adjusted, budget.planned}, budgeted),
        kinds[1]: ({budget.spent}, paid),
    }


def _table_values(evaluation: Evaluation) -> Filed:
    """What the table says for each kind of the department's and all projects' figures."""
    projects = [project.budget for project in evaluation.projects]
    adjusted = sum((budget.adjusted for budget in projects), Decimal(0))
    planned = sum((budget.planned for budget in projects), Decimal(0))
    spent = sum((budget.spent for budget in projects), Decimal(0))
    count = len(projects)
    return {
        **_budget_values(evaluation.department.budget, None),
        "project_count": (
            {Decimal(count)},
            lambda: ngettext("{count} project listed", "{count} projects listed", count).format(
                count=count
            ),
        ),
        "projects_budget": (
            {adjusted, planned},
            lambda: _("the projects' full-year budgets totalling {adjusted} 万元").format(
                adjusted=format_decimal(adjusted)
            ),
        ),
        "projects_spent": (
            {spent},
            lambda: _("the projects' full-year spending totalling {spent} 万元").format(
                spent=format_decimal(spent)
            ),
        ),
    }


def _filed_project(name: str, evaluation: Evaluation) -> Table | None:
    """The project of the table a report's name stands for: the one so named, else the only one
    whose name holds it or is held by it (项目 at the end of the name aside: 招商项目 stands for
    招商经费); None when none or several are."""
    found = _named(name, evaluation)
    return found[0] if len(found) == 1 else None


def _named(name: str, evaluation: Evaluation) -> list[Table]:
    """The projects of the table a report's name may stand for: those so named; else those whose
    name holds it or is held by it; else, for a name ending in 项目, those that hold it without
    its 项目."""
    projects = evaluation.projects
    stated = _plain(name)
    exact = [project for project in projects if stated in _forms(project.name)]
    if exact:
        return exact
    alike = [
        project
        for project in projects
        if any(stated in form or form in stated for form in _forms(project.name))
    ]
    bare = stated.removesuffix("项目")
    if not alike and len(bare) >= 2 and bare != stated:
        alike = [project for project in projects if any(bare in f for f in _forms(project.name))]
    return alike


def _forms(name: str) -> tuple[str, ...]:
    """A table's name as a report may write it: as filed, and as shown with a control character
    escaped (\\x1b, as the drafted report writes it), compared as :func:`_plain` reads it."""
    from .inert import terminal

    return (_plain(name), _plain(terminal(name)))


def _unknown_projects(
    figures: list[Figure], evaluation: Evaluation
) -> Iterator[tuple[int, Finding]]:
    """A project's figure the table has no project for, or several: said once for each name
    the report writes, where it is first stated, since it is compared with nothing."""
    said: set[str] = set()
    for figure in figures:
        if figure.kind not in (*PROJECT, "project_score", "project_grade"):
            continue
        key = _plain(figure.project)
        if key in said:
            continue
        said.add(key)
        found = _named(figure.project, evaluation)
        if len(found) == 1:
            continue
        if found:
            words = _(
                "line {line}: the report states {label} {value}; “{project}” may be any of the "
                "table's projects {names}, so it is compared with none (“{sentence}”)"
            )
        else:
            words = _(
                "line {line}: the report states {label} {value}; the table has no project named "
                "“{project}”, so it is compared with nothing (“{sentence}”)"
            )
        yield _finding(
            "report-table-mismatch",
            figure.line,
            words.format(
                line=figure.line,
                label=figure.label,
                value=_stated_value(figure),
                project=figure.project,
                names="、".join(f"「{project.name}」" for project in found),
                sentence=_quote(figure.sentence),
            ),
        )


def _stated_value(figure: Figure) -> str:
    """A figure's value as a finding names it: 100 万元, 96%, “良”."""
    if figure.kind in GRADES:
        return _("“{grade}”").format(grade=figure.text)
    return _shown(figure)


def _table_mismatches(
    figures: list[Figure], evaluation: Evaluation
) -> Iterator[tuple[int, Finding]]:
    """The report's figures against the table's: the department's against its row, the projects'
    total against their sum, one project's against that project's row."""
    table = _table_values(evaluation)
    for figure in figures:
        values = table
        if figure.kind in PROJECT:
            filed = _filed_project(figure.project, evaluation)
            values = _budget_values(filed.budget, filed.name) if filed else {}
        if figure.kind in values and figure.value not in values[figure.kind][0]:
            yield _finding(
                "report-table-mismatch",
                figure.line,
                _(
                    "line {line}: the report states {label} {value}; the table has {filed} "
                    "(“{sentence}”)"
                ).format(
                    line=figure.line,
                    label=figure.label,
                    value=_shown(figure),
                    filed=values[figure.kind][1](),
                    sentence=_quote(figure.sentence),
                ),
            )


def _score_mismatches(
    figures: list[Figure], evaluation: Evaluation, result: Result
) -> Iterator[tuple[int, Finding]]:
    """The 得分 and 等级 the report states — the department's, one project's — against the
    scored table. A score may be stated with fewer decimals (97.2 分 for 97.24, rounded or cut
    off); a grade in one of its aliases in the rule set's [grades] (优秀 for 优)."""
    for figure in figures:
        if figure.kind not in (*SCORES, *GRADES):
            continue
        scored = _scored_of(figure, evaluation, result)
        if scored is None:
            continue
        score, grade = scored
        if figure.kind in SCORES:
            assert figure.value is not None  # a score is a number
            places = max(-figure.value.as_tuple().exponent, 0)  # type: ignore[operator]
            if figure.value in _roundings(score, Decimal(1).scaleb(-places)):
                continue
            stated = _shown(figure)
            filed = _("score {score} 分").format(score=format_decimal(score))
        else:
            if result.ruleset.names_grade(figure.text, grade):
                continue
            stated = _("“{grade}”").format(grade=figure.text)
            filed = _("grade “{grade}”").format(grade=grade)
        yield _finding(
            "report-table-mismatch",
            figure.line,
            _(
                "line {line}: the report states {label} {value}; the table has {filed} "
                "(“{sentence}”)"
            ).format(
                line=figure.line,
                label=figure.label,
                value=stated,
                filed=filed,
                sentence=_quote(figure.sentence),
            ),
        )


def _scored_of(
    figure: Figure, evaluation: Evaluation, result: Result
) -> tuple[Decimal, str] | None:
    """(score, grade) of what a score or grade figure is said of: the department, or the project
    the report names (None when no project of the table is that one)."""
    if figure.kind in ("department_score", "department_grade"):
        return result.department.score, result.department.grade
    filed = _filed_project(figure.project, evaluation)
    if filed is None:
        return None
    index = next(i for i, project in enumerate(evaluation.projects) if project is filed)
    project = result.projects[index]
    return project.score, project.grade
