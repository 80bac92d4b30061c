"""Review of a department's written self-evaluation report (自评报告), plain text or Markdown.

Beside its 自评表 a department files a report in prose that restates the key figures: the
budget applied for, what was spent and the execution rate, how many projects were evaluated,
their total and spent amounts and rate, and completion rates. :func:`extract` finds those
figures by the words around them; :func:`review` checks that a stated rate follows from the
amounts stated with it, that a figure stated twice does not change, and — given the
evaluation — that the report agrees with the table.

Markup is removed line by line and normalisation keeps every offset, so a figure keeps the
line it has in the file and its text as the unit wrote it. Amounts are exact Decimals in 万元.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from .model import Evaluation
from .result import Finding, number
from .values import MONEY, format_decimal

DEPARTMENT = ("budget", "spent", "execution_rate")
PROJECTS = ("projects_budget", "projects_spent", "projects_rate")
KINDS = (*DEPARTMENT, "project_count", *PROJECTS, "completion_rate")
LABELS = {
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

_FILLER = r"(?:共计|合计|总计|累计|共|为|是|达到|达|约|在|有|:)*"


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
_TARGET_AFTER = re.compile(r"以上|以下|以内")

_NUMBER = r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_FIGURE = re.compile(rf"百分之\s*{_NUMBER}|{_NUMBER}\s*(万元|亿元|元|%|个(?!月|百分点))")
_SENTENCE_END = re.compile(r"[。!?;]")

# --- Markdown ------------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"[\s|:-]*-{3,}[\s|:-]*")  # a table's |---|---| line, or a rule
_LINE_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+)?(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?")
_EMPHASIS = re.compile(r"[*_`]+|~~")  # a single ~ is a range: 3~5 个
_TITLE_UNIT = re.compile(r"[(（]\s*(万元|亿元|元|%|％|个)\s*[)）]")
_BARE_NUMBER = re.compile(r"\s*[\d.,]+\s*")


@dataclass(frozen=True)
class Figure:
    """A figure the report states: ``value`` in ``unit`` (万元, % or 个), found on ``line``."""

    kind: str
    value: Decimal
    unit: str
    text: str  # as written, e.g. "382.31 万元" or "３,８２３,１００元"
    sentence: str
    line: int

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "value": number(self.value),
            "unit": self.unit,
            "text": self.text,
            "sentence": self.sentence,
            "line": self.line,
        }


def extract(text: str) -> list[Figure]:
    """The figures of a report, in the order they are written."""
    figures: list[Figure] = []
    for line_number, line in enumerate(_plain_lines(text), start=1):
        normal = _nfkc(line)
        for start, end in _sentences(normal):
            figures.extend(_sentence_figures(line, normal, start, end, line_number))
    return figures


def review(figures: list[Figure], evaluation: Evaluation | None = None) -> list[Finding]:
    """Findings on the report's figures, by line; with ``evaluation``, also against the table."""
    found = [*_rate_mismatches(figures), *_restatements(figures)]
    if evaluation is not None:
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


def _plain_lines(text: str) -> list[str]:
    """The lines without Markdown markup, one for each line of the file."""
    lines = [line.rstrip("\r") for line in text.split("\n")]
    plain: list[str] = []
    header: list[str] | None = None
    for index, line in enumerate(lines):
        if _SEPARATOR.fullmatch(line):
            plain.append("")
        elif line.strip().startswith("|"):
            cells = [_strip_markup(cell) for cell in line.strip().strip("|").split("|")]
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if _SEPARATOR.fullmatch(following):  # the header row names the columns
                header = cells
                plain.append("，".join(cells))
            else:
                plain.append("，".join(_labelled(cell, header, i) for i, cell in enumerate(cells)))
        else:
            header = None
            plain.append(_strip_markup(_LINE_MARKUP.sub("", line, count=1)))
    return plain


def _strip_markup(text: str) -> str:
    return _EMPHASIS.sub("", text).strip()


def _labelled(cell: str, header: list[str] | None, column: int) -> str:
    """A cell holding a bare figure reads as its column's title followed by the figure, so that
    ``| 382.31 |`` under ``预算数（万元）`` reads like the prose ``预算数 382.31 万元``."""
    title = header[column] if header and column < len(header) else ""
    bare = _BARE_NUMBER.fullmatch(_nfkc(cell))
    if not title or not (bare or _FIGURE.match(_nfkc(cell))):
        return cell
    unit = _TITLE_UNIT.search(title)
    if unit and bare:
        cell = f"{cell} {unit.group(1)}"
    return f"{_TITLE_UNIT.sub('', title).strip()} {cell}"


def _sentences(line: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of the sentences of a normalised line."""
    start = 0
    for match in _SENTENCE_END.finditer(line):
        yield start, match.start()
        start = match.end()
    yield start, len(line)


def _sentence_figures(
    line: str, normal: str, start: int, end: int, line_number: int
) -> Iterator[Figure]:
    sentence = line[start:end].strip()
    lead_start = start
    for match in _FIGURE.finditer(normal, start, end):
        # The words since the previous figure say what this one is.
        lead = re.sub(r"\s+", "", normal[lead_start : match.start()])
        lead_start = match.end()
        if _TARGET_BEFORE.search(lead) or _TARGET_AFTER.match(normal[match.end() : end].lstrip()):
            continue
        value, unit = _value(match)
        projects = bool(_PROJECT_CONTEXT.search(normal[start : match.start()]))
        kind = _kind(unit, lead, projects)
        if kind:
            text = line[match.start() : match.end()]
            yield Figure(kind, value, unit, text, sentence, line_number)


def _value(match: re.Match[str]) -> tuple[Decimal, str]:
    if match.group(1) is not None:  # 百分之 90
        return Decimal(match.group(1).replace(",", "")), "%"
    value, unit = Decimal(match.group(2).replace(",", "")), match.group(3)
    if unit in MONEY:
        return value * MONEY[unit], "万元"
    return value, unit


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


# --- review ------------------------------------------------------------------------------------


def _finding(code: str, line: int, message: str) -> tuple[int, Finding]:
    return line, Finding(code, "warning", f"line {line}", message)


def _shown(figure: Figure) -> str:
    value = format_decimal(figure.value)
    return f"{value}%" if figure.unit == "%" else f"{value} {figure.unit}"


def _quote(sentence: str) -> str:
    return sentence if len(sentence) <= QUOTE_CHARS else sentence[: QUOTE_CHARS - 1] + "…"


def _triples(figures: list[Figure]) -> Iterator[tuple[Figure, Figure, Figure]]:
    """Budget, spent and rate stated in one sentence, for the department and the projects."""
    by_sentence: dict[tuple[int, str], dict[str, Figure]] = {}
    for figure in figures:
        by_sentence.setdefault((figure.line, figure.sentence), {}).setdefault(figure.kind, figure)
    for stated in by_sentence.values():
        for kinds in (DEPARTMENT, PROJECTS):
            if all(kind in stated for kind in kinds):
                budget, spent, rate = (stated[kind] for kind in kinds)
                yield budget, spent, rate


def _roundings(exact: Decimal, quantum: Decimal) -> tuple[Decimal, Decimal]:
    """The rate rounded half up and cut off: units do both."""
    return exact.quantize(quantum, ROUND_HALF_UP), exact.quantize(quantum, ROUND_DOWN)


def _approximately(exact: Decimal, places: int) -> str:
    cut = exact.quantize(Decimal(1).scaleb(-places), ROUND_DOWN)
    return format_decimal(exact) if cut == exact else f"{cut}…"


def _rate_mismatches(figures: list[Figure]) -> Iterator[tuple[int, Finding]]:
    for budget, spent, rate in _triples(figures):
        decimals = max(0, -rate.value.as_tuple().exponent)
        try:
            # 28 significant digits: more than enough to round a rate to its stated decimals.
            exact = spent.value / budget.value * 100
            half_up, cut = _roundings(exact, Decimal(1).scaleb(-decimals))
            shown = _approximately(exact, decimals + 1)
        except (InvalidOperation, ZeroDivisionError):
            continue  # a budget of 0, or figures no report holds: nothing to compare
        if rate.value in (half_up, cut):
            continue
        yield _finding(
            "stated-figure-mismatch",
            rate.line,
            f"{LABELS[rate.kind]}与金额不符：「{_quote(rate.sentence)}」中 "
            f"{format_decimal(spent.value)} / {format_decimal(budget.value)} = {shown}%，"
            f"报告写 {rate.text.strip()}（应为 {half_up}%）",
        )


def _restatements(figures: list[Figure]) -> Iterator[tuple[int, Finding]]:
    """A figure stated again with another value; completion rates differ by project, so not
    those."""
    first: dict[str, Figure] = {}
    for figure in figures:
        if figure.kind == "completion_rate":
            continue
        earlier = first.setdefault(figure.kind, figure)
        if figure.value != earlier.value:
            yield _finding(
                "stated-figure-mismatch",
                figure.line,
                f"{LABELS[figure.kind]}前后不一致：第 {earlier.line} 行写 {_shown(earlier)}，"
                f"第 {figure.line} 行写 {_shown(figure)}（「{_quote(figure.sentence)}」）",
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
