"""Review of a department's written self-evaluation report (自评报告), plain text or Markdown.

Beside its 自评表 a department files a report in prose that restates the key figures: the
budget applied for, what was spent and the execution rate, how many projects were evaluated,
their total and spent amounts and rate, and completion rates. :func:`extract` finds those
figures by the words around them; :func:`review` checks that a stated rate follows from the
amounts stated with it, that a figure stated twice does not change, and — given the
evaluation — that the report agrees with the table, its year and department included.

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
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from itertools import accumulate

from .limits import MAX_DIGITS, MAX_TITLE_CHARS
from .model import Evaluation
from .result import Finding, number
from .values import format_decimal

DEPARTMENT = ("budget", "spent", "execution_rate")
PROJECTS = ("projects_budget", "projects_spent", "projects_rate")
IDENTITY = ("department", "year")  # whose report, for which year: stated near the start
KINDS = (*IDENTITY, *DEPARTMENT, "project_count", *PROJECTS, "completion_rate")
WHOSE = {"部门": DEPARTMENT, "项目": PROJECTS}  # budget, spent and rate, by whose they are
LABELS = {
    "department": "报告单位",
    "year": "报告年度",
    "budget": "部门预算资金",
    "spent": "部门实际支出",
    "execution_rate": "部门预算执行率",
    "project_count": "预算项目个数",
    "projects_budget": "项目金额合计",
    "projects_spent": "项目实际支出",
    "projects_rate": "项目执行率",
    "completion_rate": "完成率",
}
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
# Only the department's own projects count: 预算项目 3 个, 评价项目 3 个, "，项目 3 个" — never
# 在建项目 9 个 or 引进项目 3 个, which are results of the work, not budget projects.
_PROJECT_COUNT = re.compile(
    r"(?:^|[,:、]|其中|共|涉及|预算|评价|自评|绩效|支出|部门)项目,?(?:共|总数|数量|个数|数)?(?:为|有|是)?$"
)
_PROJECT_CONTEXT = re.compile(r"其中|项目")
# A target (年初设定…90% 以上, 目标为 95%) is what was planned, not a figure stated as done;
# 绩效目标完成率 100% is done, so 目标 marks a target only right before the figure.
_TARGET_BEFORE = re.compile(r"设定|不低于|不少于|不高于|不超过|≥|≤|>=|<=|目标值?(?:为|是|:)?$")
_TARGET_AFTER = re.compile(r"\s*+(?:以上|以下|以内)")

# A number starts where no digit or point is before it, nor at a group of three digits after
# a digit and a comma: the search never restarts inside 1,234,567 (which made a run of comma
# groups quadratic); in 30，35 万元 the 35 is still a number.
_NUMBER = r"(?<![\d.])(?!(?<=\d,)\d{3}(?!\d))(\d{1,3}+(?:,\d{3})++(?:\.\d++)?+|\d++(?:\.\d++)?+)"
_FIGURE = re.compile(rf"百分之\s*+{_NUMBER}|{_NUMBER}\s*+(万元|亿元|元|%|个(?!月|百分点))")
_SENTENCE_END = re.compile(r"[。!?;]")

# --- lines and tables ----------------------------------------------------------------------------

# A table's |---|---| line, or a rule: these characters only, with --- among them (one
# pattern for both, [\s|:-]*-{3,}[\s|:-]*, took time cubic in a line of dashes).
_RULE_CHARS = re.compile(r"[\s|:-]++")
_LINE_MARKUP = re.compile(
    r"^\s*+(?P<heading>#{1,6}+\s++)?(?:>\s*+)*+(?P<item>[-*+]\s++|\d++[.)]\s++)?"
)
_EMPHASIS = re.compile(r"[*_`]++|~~")  # a single ~ is a range: 3~5 个
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
_DEPARTMENT_ROW = re.compile(r"部门|整体|单位")
_PART_ROW = re.compile(r"基本支出|人员|公用|其他")

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
    sentence that starts on ``sentence_line``. The department's name is a figure too: its
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

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "value": number(self.value),
            "unit": self.unit,
            "text": self.text,
            "sentence": self.excerpt or self.sentence,
            "line": self.line,
        }


def extract(text: str) -> list[Figure]:
    """The figures of a report, in the order they are written."""
    lines = _plain_lines(text)
    figures = list(_identity(lines))
    for run in _runs(lines):
        block = _Block.of(run)
        for start, end in _sentences(block.normal):
            figures.extend(_sentence_figures(block, start, end))
    return sorted(figures, key=lambda figure: figure.line)  # stable: in a line, as written


def review(figures: list[Figure], evaluation: Evaluation | None = None) -> list[Finding]:
    """Findings on the report's figures, by line; with ``evaluation``, also against the table."""
    found = [*_rate_mismatches(figures), *_overspending(figures), *_restatements(figures)]
    if evaluation is not None:
        found.extend(_identity_mismatches(figures, evaluation))
        found.extend(_table_mismatches(figures, evaluation))
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
    a title, a table row)."""

    text: str
    opens: bool = False
    closes: bool = False


def _plain_lines(text: str) -> list[_Line]:
    """The lines without Markdown markup, one for each line of the file."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    plain: list[_Line] = []
    table: _Table | None = None
    for index, line in enumerate(lines):
        if _is_rule(line):
            plain.append(_Line(""))
        elif line.strip().startswith("|"):
            cells = [_strip_markup(cell) for cell in line.strip().strip("|").split("|")]
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


def _strip_markup(text: str) -> str:
    return _EMPHASIS.sub("", text).strip()


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
    return _Line(text, opens=heading or numbered or bool(markup.group("item")), closes=heading)


class _Table:
    """The rows of one Markdown table, read in order. In a table of projects — its header names
    项目 beside budget or spending columns, or every row so far is a project — a 合计 row holds
    the projects' figures and a row for one project holds no figure of the department."""

    def __init__(self, header: list[str], line: int = 0) -> None:
        _refuse_long_titles(header, line)
        self.columns = [_Column.of(title) for title in header]
        label = _nfkc(header[0]) if header else ""
        columns = sum(_kind_of_column(title) for title in header[1:])
        self.of_projects = "项目" in label and columns >= 2
        self.project_rows = 0
        self.other_rows = 0

    def read(self, cells: list[str]) -> str:
        """The row as a sentence, or "" when it states none of the department's figures."""
        label = _nfkc(cells[0]) if cells else ""
        if _TOTAL.match(label):
            if (self.of_projects or self.project_rows) and not self.other_rows:
                cells = ["项目" + cells[0] if "项目" not in label else cells[0], *cells[1:]]
        elif "项目" in label:
            self.project_rows += 1
            if not _ALL_PROJECTS.search(label):
                return ""  # one project
        elif _PART_ROW.search(label):
            self.other_rows += 1
            return ""  # 基本支出, 人员经费: a part of the department's spending
        elif self.of_projects and not _DEPARTMENT_ROW.search(label):
            self.project_rows += 1
            return ""  # one project
        else:
            self.other_rows += 1
        columns = self.columns
        return "，".join(
            _labelled(cell, columns[i] if i < len(columns) else None)
            for i, cell in enumerate(cells)
        )


def _refuse_long_titles(header: list[str], line: int) -> None:
    for column, title in enumerate(header, start=1):
        if len(title) > MAX_TITLE_CHARS:
            from .errors import InputError

            raise InputError(
                f"the title of column {column} has {len(title):,} characters; "
                f"a column title has at most {MAX_TITLE_CHARS}",
                where=f"line {line}",
                hint="shorten the title, and put any explanation below the table",
            )


def _kind_of_column(title: str) -> bool:
    """Whether a column's title names a budget, spending or rate."""
    words = _SPACES.sub("", _TITLE_UNIT.sub("", _nfkc(title)))
    return any(_kind(unit, words, projects=True) for unit in ("万元", "%"))


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


def _labelled(cell: str, column: _Column | None) -> str:
    """A cell holding a bare figure reads as its column's title followed by the figure, so that
    ``| 382.31 |`` under ``预算数（万元）`` reads like the prose ``预算数 382.31 万元``."""
    normal = _nfkc(cell)
    bare = _BARE_NUMBER.fullmatch(normal)
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


def _sentence_figures(block: _Block, start: int, end: int) -> Iterator[Figure]:
    normal = block.normal
    sentence = block.written[start:end].strip()
    first = start + len(block.written[start:end]) - len(block.written[start:end].lstrip())
    # A 其中 or 项目 before a figure makes it the projects': where the first one ends, found once
    # for the sentence (searching the sentence up to each figure was quadratic).
    context = _PROJECT_CONTEXT.search(normal, start, end)
    projects_from = context.end() if context else end + 1
    lead_start = start
    for match in _FIGURE.finditer(normal, start, end):
        # The words since the previous figure say what this one is.
        lead = _SPACES.sub("", normal[lead_start : match.start()])
        lead_start = match.end()
        if _TARGET_BEFORE.search(lead) or _TARGET_AFTER.match(normal, match.end(), end):
            continue
        value, unit = _value(match, block.line(match.start()))
        projects = projects_from <= match.start()
        kind = _kind(unit, lead, projects)
        if kind:
            text = block.written[match.start() : match.end()]
            line, sentence_line = block.line(match.start()), block.line(first)
            excerpt = _excerpt(block.written, first, first + len(sentence), match.start())
            yield Figure(kind, value, unit, text, sentence, line, sentence_line, excerpt)


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

        raise InputError(
            f"the number {_quote(written)} has {count:,} digits; "
            f"no figure of a report has more than {MAX_DIGITS}",
            where=f"line {line}",
            hint="correct the number in the report, e.g. 382.31 万元",
        )
    return number


def _kind(unit: str, lead: str, projects: bool) -> str | None:
    """The kind of a figure from its unit, the words before it and whether a 其中/项目 came
    earlier in the sentence (then budget, spent and rate are the projects')."""
    if unit == "%":
        if _RATE.search(lead):
            return "projects_rate" if projects else "execution_rate"
        return "completion_rate" if _COMPLETION.search(lead) else None
    if unit == "个":
        return "project_count" if _PROJECT_COUNT.search(lead) else None
    if _SPENT.search(lead):
        return "projects_spent" if projects else "spent"
    if _BUDGET.search(lead):
        return "projects_budget" if projects else "budget"
    # 金额合计 / 涉及金额 only say whose money it is after a 项目.
    return "projects_budget" if projects and _PROJECTS_TOTAL.search(lead) else None


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


def _stated(
    figures: list[Figure],
) -> Iterator[tuple[str, Figure | None, Figure | None, Figure | None]]:
    """Whose (部门 or 项目) budget, spent and rate one sentence states, each None when not."""
    by_sentence: dict[tuple[int, str], dict[str, Figure]] = {}
    for figure in figures:
        key = (figure.sentence_line, figure.sentence)
        by_sentence.setdefault(key, {}).setdefault(figure.kind, figure)
    for stated in by_sentence.values():
        for whose, kinds in WHOSE.items():
            budget, spent, rate = (stated.get(kind) for kind in kinds)
            if budget or spent or rate:
                yield whose, budget, spent, rate


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
            f"{whose}的金额与执行率不符：「{_quote(rate.sentence)}」中 "
            f"{format_decimal(paid)} / {format_decimal(amount)} = {shown}%，"
            f"报告写 {rate.text.strip()}",
        )


def _overspending(figures: list[Figure]) -> Iterator[tuple[int, Finding]]:
    """More spent than budgeted, as the amounts or a rate above 100% state it."""
    for whose, budget, spent, rate in _stated(figures):
        rate_words = f"，执行率 {rate.text.strip()}" if rate else ""
        # amounts and rates always have values (only a department's name has none)
        if (
            budget
            and spent
            and spent.value is not None
            and budget.value is not None
            and spent.value > budget.value
        ):
            line, sentence = spent.line, spent.sentence
            words = f"支出 {_shown(spent)}，预算 {_shown(budget)}{rate_words}"
        elif rate and rate.value is not None and rate.value > 100:
            line, sentence = rate.line, (spent or rate).sentence
            words = f"执行率 {rate.text.strip()}，超过 100%"
        else:
            continue
        yield _finding(
            "stated-figure-mismatch",
            line,
            f"{whose}支出大于预算：「{_quote(sentence)}」中{words}",
        )


def _restatements(figures: list[Figure]) -> Iterator[tuple[int, Finding]]:
    """A figure stated again with another value; completion rates differ by project, so not
    those."""
    first: dict[str, Figure] = {}
    for figure in figures:
        if figure.kind in ("completion_rate", *IDENTITY):
            continue
        earlier = first.setdefault(figure.kind, figure)
        if figure.value != earlier.value:
            yield _finding(
                "stated-figure-mismatch",
                figure.line,
                f"{LABELS[figure.kind]}前后不一致：第 {earlier.line} 行写 {_shown(earlier)}，"
                f"第 {figure.line} 行写 {_shown(figure)}（「{_quote(figure.sentence)}」）",
            )


def _same_name(stated: str, filed: str) -> bool:
    """Names compared loosely: one holds the other, 管委会 standing for 管理委员会."""

    def plain(name: str) -> str:
        return _SPACES.sub("", _nfkc(name)).replace("管理委员会", "管委会")

    stated, filed = plain(stated), plain(filed)
    return stated in filed or filed in stated


def _identity_mismatches(
    figures: list[Figure], evaluation: Evaluation
) -> Iterator[tuple[int, Finding]]:
    """The report's year and department against the table's."""
    department = evaluation.department
    for figure in figures:
        if figure.kind == "year" and figure.value != department.year:
            stated, filed = f"{format_decimal(figure.value or 0)} 年度", f"{department.year} 年度"
        elif figure.kind == "department" and not _same_name(figure.text, department.name):
            stated, filed = f"「{figure.text}」", f"「{department.name}」"
        else:
            continue
        yield _finding(
            "report-table-mismatch",
            figure.line,
            f"第 {figure.line} 行{LABELS[figure.kind]}为{stated}，自评表为{filed}"
            f"（「{_quote(figure.sentence)}」）",
        )


def _table_values(evaluation: Evaluation) -> dict[str, tuple[set[Decimal], str]]:
    """What the table says for each kind: the values a report may state, and how to name them.
    A report's 申请预算 may be the 年初 or the 全年 budget, so both are accepted."""
    department = evaluation.department.budget
    projects = [project.budget for project in evaluation.projects]
    adjusted = sum((budget.adjusted for budget in projects), Decimal(0))
    planned = sum((budget.planned for budget in projects), Decimal(0))
    spent = sum((budget.spent for budget in projects), Decimal(0))
    budget = f"部门全年预算数 {format_decimal(department.adjusted)} 万元"
    if department.planned != department.adjusted:
        budget += f"、年初预算数 {format_decimal(department.planned)} 万元"
    return {
        "budget": ({department.adjusted, department.planned}, budget),
        "spent": ({department.spent}, f"部门全年执行数 {format_decimal(department.spent)} 万元"),
        "project_count": ({Decimal(len(projects))}, f"项目 {len(projects)} 个"),
        "projects_budget": (
            {adjusted, planned},
            f"各项目全年预算数合计 {format_decimal(adjusted)} 万元",
        ),
        "projects_spent": ({spent}, f"各项目全年执行数合计 {format_decimal(spent)} 万元"),
    }


def _table_mismatches(
    figures: list[Figure], evaluation: Evaluation
) -> Iterator[tuple[int, Finding]]:
    table = _table_values(evaluation)
    for figure in figures:
        if figure.kind in table and figure.value not in table[figure.kind][0]:
            yield _finding(
                "report-table-mismatch",
                figure.line,
                f"第 {figure.line} 行报告{LABELS[figure.kind]} {_shown(figure)}，"
                f"自评表为{table[figure.kind][1]}（「{_quote(figure.sentence)}」）",
            )
