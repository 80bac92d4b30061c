"""A bureau's summary of many departments (``scoring report --combined``): the data its
templates read, as the variable ``c``.

The departments are ranked by score (equal scores share a rank, the next rank skips: 1, 1, 3),
the grades counted, and the review's findings counted by code — in how many departments each
occurs and how often — so that the summary names the problems that recur most. Figures are the
results' own, formatted as in a single report.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from ..labels import finding as finding_title
from ..render import percent
from ..values import format_decimal
from .context import chinese_date, execution_line

if TYPE_CHECKING:
    from ..result import Result
    from ..rules import RuleSet

RECURRING_SHOWN = 10  # the summary lists the findings that recur most, up to this many


@dataclass(frozen=True)
class Entry:
    """A department in the ranking."""

    rank: int
    name: str
    year: int
    score: str
    score_value: Decimal
    grade: str
    rate: str
    rate_value: Decimal
    projects: int
    findings: int
    source: str


@dataclass(frozen=True)
class GradeCount:
    grade: str
    count: int
    share: str  # of the departments, as a percentage


@dataclass(frozen=True)
class Recurring:
    """A finding code: its title, how many departments have it, how many times in all."""

    code: str
    title: str
    departments: int
    occurrences: int


@dataclass(frozen=True)
class Combined:
    """Everything a combined template reads."""

    departments: tuple[Entry, ...]
    grades: tuple[GradeCount, ...]
    recurring: tuple[Recurring, ...]
    count: int
    years: str
    mean: str
    rules_id: str
    rules_title: str
    rules_version: str
    execution_line: str
    execution_line_value: Decimal
    below_line: int
    date: str
    engine: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    finding_columns: tuple[str, ...]
    finding_rows: tuple[tuple[str, ...], ...]
    left_out: tuple[str, ...] = ()  # the files given that could not be read or scored
    # files that file what an earlier one did (one unit's table twice?), each with that one's
    # name: counted apart, and said
    repeated: tuple[tuple[str, str], ...] = ()


def combined_context(
    results: list[Result],
    ruleset: RuleSet | None = None,
    *,
    date: datetime.date | None = None,
    left_out: tuple[str, ...] = (),
) -> Combined:
    """The summary's records for ``results`` (one per department, at least one); ``left_out``:
    the files given that could not be read or scored, which the summary names."""
    line = execution_line(ruleset)
    entries = ranking(results)
    recurring = recurring_findings(results)
    first = results[0]
    return Combined(
        departments=entries,
        grades=_grades(results),
        recurring=recurring,
        count=len(results),
        years="、".join(sorted({str(r.department.year) for r in results})),
        mean=_mean([r.department.score for r in results]),
        rules_id=first.ruleset.id,
        rules_title=first.ruleset.title,
        rules_version=first.ruleset.version,
        execution_line=f"{format_decimal(line * 100)}%",
        execution_line_value=line,
        below_line=sum(1 for r in results if r.department.execution.rate < line),
        date=chinese_date(date or datetime.date.today()),
        engine=first.engine_version,
        columns=("排名", "部门", "年度", "得分", "等级", "预算执行率", "项目数", "复核发现"),
        rows=tuple(
            (
                str(e.rank),
                e.name,
                str(e.year),
                e.score,
                e.grade,
                e.rate,
                str(e.projects),
                str(e.findings),
            )
            for e in entries
        ),
        finding_columns=("复核发现", "涉及部门数", "出现次数"),
        finding_rows=tuple((f.title, str(f.departments), str(f.occurrences)) for f in recurring),
        left_out=left_out,
        repeated=_repeated(results),
    )


def _repeated(results: list[Result]) -> tuple[tuple[str, str], ...]:
    """(file, the earlier file it repeats) for each result filing the same department, year and
    projects as an earlier one (:func:`scoring.merge.filing`): a copy, a second version — the
    summary counts both, and says so, for the reviewer to keep one."""
    from collections import Counter
    from pathlib import PurePath

    from ..merge import filing

    names = Counter(PurePath(result.source).name for result in results)

    def shown(source: str) -> str:  # its name, or its path where two files share the name
        name = PurePath(source).name
        return name if names[name] == 1 else source

    first: dict[bytes, str] = {}
    pairs = []
    for result in results:
        earlier = first.setdefault(filing(result), result.source)
        if earlier != result.source:
            pairs.append((shown(result.source), shown(earlier)))
    return tuple(pairs)


def ranking(results: list[Result]) -> tuple[Entry, ...]:
    """The departments by score, highest first (then by name); equal scores share a rank."""
    ordered = sorted(results, key=lambda r: (-r.department.score, r.department.name))
    entries: list[Entry] = []
    for position, result in enumerate(ordered, start=1):
        department = result.department
        tied = entries and entries[-1].score_value == department.score
        entries.append(
            Entry(
                rank=entries[-1].rank if tied else position,
                name=department.name,
                year=department.year,
                score=str(department.score),
                score_value=department.score,
                grade=department.grade,
                rate=percent(department.execution.rate),
                rate_value=department.execution.rate,
                projects=len(result.projects),
                findings=len(result.findings),
                source=result.source,
            )
        )
    return tuple(entries)


def recurring_findings(results: list[Result]) -> tuple[Recurring, ...]:
    """Finding codes by the number of departments they occur in, then by how often; at most
    RECURRING_SHOWN."""
    departments: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for result in results:
        codes = [f.code for f in result.findings]
        occurrences.update(codes)
        departments.update(set(codes))
    order = sorted(departments, key=lambda code: (-departments[code], -occurrences[code], code))
    return tuple(
        Recurring(code, finding_title(code, chinese=True), departments[code], occurrences[code])
        for code in order[:RECURRING_SHOWN]
    )


def _grades(results: list[Result]) -> tuple[GradeCount, ...]:
    """Each grade of the rule set (highest first) with how many departments have it."""
    counts = Counter(r.department.grade for r in results)
    names = [name for name, _ in results[0].ruleset.grades] or sorted(counts)
    names += [name for name in counts if name not in names]
    total = Decimal(len(results))
    return tuple(GradeCount(name, counts[name], percent(counts[name] / total)) for name in names)


def _mean(scores: list[Decimal]) -> str:
    """The plain mean of the department scores, to two decimals (half up)."""
    mean = sum(scores, Decimal(0)) / len(scores)
    return str(mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
