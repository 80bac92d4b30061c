"""One department filed over several files read as the one evaluation it is.

Units often send one 项目支出绩效自评表 per project, each its own workbook; a bureau's summary
(``scoring report --combined``) must count the department once, its score combined from all
its projects as one file of them would be. Files are one department's when their 部门名称 and
年度 agree — names as :func:`scoring.values.name_key` has them, width, spaces and Traditional
characters aside — and they are merged only when nothing has to be chosen between them:

- no project is in two of them, its name read alike (a project filed twice is a copy or a
  second version: which one counts is the reviewer's call);
- at most one files the department's own 部门整体 table;
- the department's budget is the same in every file that states it. A file that does not (a
  workbook with no 部门 sheet) took the sum of its own projects' and said so in a
  read-assumption: that sum says nothing of the department, and when no file states the
  budget, the department's is the sum over all the files — what one workbook of all the
  projects would give;
- the department's filed 自评得分, 自评等级, 分值调整说明, texts, 执行率得分 and 资金偏差原因 agree
  wherever they are filed (texts with spaces and width aside); filed in one file only, they are
  the department's.

Otherwise the files stay apart, each counted as a department, and :class:`Apart` says why. One
file given twice, by one path or two (a link, ./a.toml), is counted once (the batch says it was
given twice).
The merged evaluation keeps every file's projects in the order the files were given, each
renumbered (the second file's ``projects[0]`` is ``projects[1]`` when the first has one), with
its read-assumptions and the cells they came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from .i18n import _
from .model import DATA_SOURCE, Budget, Evaluation, Note, Table
from .values import format_decimal, name_key, text_key

# The key path of the read-assumption a reader leaves when it took the department's budget as
# the sum of the projects' (scoring.excel.read).
SUMMED_BUDGET = "department.budget"
# The department's own filed values, which the files must not contradict, by the form's names:
# the department's, and its budget row's.
FILED = {
    "score": "自评得分",
    "grade": "自评等级",
    "goal": "年度总体目标",
    "result": "实际完成情况",
    "weights_reason": "分值调整说明",
}
FILED_BUDGET = {"score": "执行率得分", "reason": "资金偏差原因"}


@dataclass(frozen=True)
class Apart:
    """Files of one department left apart: their sources and why (a sentence)."""

    name: str
    year: int
    sources: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Unit:
    """One department of a summary: its evaluation and the files it was read from (one, or
    the several merged into it)."""

    evaluation: Evaluation
    sources: tuple[str, ...]


def departments(evaluations: Sequence[Evaluation]) -> tuple[list[Unit], list[Apart]]:
    """``evaluations`` as departments, in the order given: each department filed over several
    of them merged into one at the place of its first file, when it can be (see the module);
    and the groups left apart, with why."""
    groups: dict[tuple[str, int], list[int]] = {}
    for index, evaluation in enumerate(evaluations):
        department = evaluation.department
        groups.setdefault((name_key(department.name), department.year), []).append(index)
    units: list[Unit | None] = [Unit(e, (e.source,)) for e in evaluations]
    for indexes in groups.values():  # one file given twice is counted once (said by the batch)
        files: set = set()
        for index in list(indexes):
            source = evaluations[index].source
            if source == DATA_SOURCE:  # data given in memory names no file
                continue
            identity = _identity(source)
            if identity in files:
                indexes.remove(index)
                units[index] = None
            files.add(identity)
    apart: list[Apart] = []
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        group = [evaluations[i] for i in indexes]
        reason = _why_apart(group)
        if reason is not None:
            first = group[0].department
            apart.append(Apart(first.name, first.year, tuple(e.source for e in group), reason))
            continue
        units[indexes[0]] = Unit(merged(group), tuple(e.source for e in group))
        for index in indexes[1:]:
            units[index] = None
    return [unit for unit in units if unit is not None], apart


def _identity(source: str):
    """What a file is, whatever path names it (a/p1.toml, ./a/p1.toml, a link to it): its
    device and inode, or the path when it cannot be looked at."""
    import os

    try:
        found = os.stat(source)
    except (OSError, ValueError):
        return source
    return found.st_dev, found.st_ino


def merged(group: Sequence[Evaluation]) -> Evaluation:
    """The files of ``group`` (one department, :func:`_why_apart` None) as one evaluation."""
    projects: list[Table] = []
    locations: dict = {}
    notes: list = []
    for evaluation in group:
        moves = {}
        for table in evaluation.projects:
            old, new = table.where, f"projects[{len(projects)}]"
            moves[old] = new
            projects.append(_moved_table(table, old, new))
        locations.update({_moved_path(k, moves): v for k, v in evaluation.locations.items()})
        for note in map(Note.of, evaluation.notes):
            note = Note(_moved_path(note.where, moves), note.words, note.severity)
            if note not in notes:  # the department's, said alike by each file, said once
                notes.append(note)
    if any(not _summed(e) for e in group):  # a budget stated: no sum was taken
        notes = [note for note in notes if note[0] != SUMMED_BUDGET]
    first = group[0]
    department = replace(
        first.department,
        budget=_budget(group),
        table=next((e.department.table for e in group if e.department.table), None),
        **{key: _filed(group, key) for key in FILED},
    )
    for evaluation in group:  # the department's cells, from the file that filed them
        for key, cell in evaluation.locations.items():
            if key.startswith("department"):
                locations.setdefault(key, cell)
    return Evaluation(
        department=department,
        projects=tuple(projects),
        source="、".join(evaluation.source for evaluation in group),
        locations=locations,
        notes=tuple(notes),
    )


def _why_apart(group: Sequence[Evaluation]) -> str | None:
    """Why the files of one department cannot be merged, or None when they can."""
    seen: dict[str, str] = {}
    for evaluation in group:
        names = {name_key(table.name): table.name for table in evaluation.projects}
        for name, shown in names.items():  # two of one name in one file are that file's
            if name in seen:
                return _("the project “{project}” is in {first} and in {second}").format(
                    project=shown, first=seen[name], second=evaluation.source
                )
        seen.update(dict.fromkeys(names, evaluation.source))
    tables = [e.source for e in group if e.department.table is not None]
    if len(tables) > 1:
        return _("{first} and {second} each file the department's own table").format(
            first=tables[0], second=tables[1]
        )
    stated = [e for e in group if not _summed(e)]
    if len({_amounts(e.department.budget) for e in stated}) > 1:
        amounts = "; ".join(
            f"{e.source} {' / '.join(format_decimal(a) for a in _amounts(e.department.budget))}"
            for e in stated
        )
        return _(
            "their department budgets (年初预算数 / 全年预算数 / 全年执行数) differ: {amounts}"
        ).format(amounts=amounts)
    for records, fields in (
        ([e.department for e in group], FILED),
        ([e.department.budget for e in group], FILED_BUDGET),
    ):
        for key, field in fields.items():
            if len({_compared(getattr(record, key)) for record in records} - {None}) > 1:
                return _("their department's filed {field} differ").format(field=field)
    return None


def _compared(value):
    """A filed value as two files are compared on it: text by :func:`text_key` (spaces and
    width aside), None for nothing filed."""
    if value is None or value == "":
        return None
    return text_key(value) if isinstance(value, str) else value


def _budget(group: Sequence[Evaluation]) -> Budget:
    """The department's budget: the one the files that state it state, or, when each file took
    its own as the sum of its projects', the sum over all the files."""
    stated = [e.department.budget for e in group if not _summed(e)]
    budget = stated[0] if stated else group[0].department.budget
    filed = [e.department.budget for e in group]  # its 得分 and 资金偏差原因, wherever filed
    score = next((b.score for b in filed if b.score is not None), None)
    reason = next((b.reason for b in filed if b.reason), "")
    if stated:
        return replace(budget, score=score, reason=reason)
    total = [Decimal(0)] * 3
    for evaluation in group:
        for i, amount in enumerate(_amounts(evaluation.department.budget)):
            total[i] += amount
    return replace(
        budget, planned=total[0], adjusted=total[1], spent=total[2], score=score, reason=reason
    )


def _summed(evaluation: Evaluation) -> bool:
    """Whether the reader took the department's budget as the sum of the projects'."""
    return any(where == SUMMED_BUDGET for where, _words in evaluation.notes)


def _amounts(budget: Budget) -> tuple[Decimal, Decimal, Decimal]:
    return budget.planned, budget.adjusted, budget.spent


def _filed(group: Sequence[Evaluation], key: str):
    """The department's filed ``key`` wherever a file filed it (they agree), else the first's."""
    for evaluation in group:
        value = getattr(evaluation.department, key)
        if value not in (None, ""):
            return value
    return getattr(group[0].department, key)


def _moved_table(table: Table, old: str, new: str) -> Table:
    """``table`` with every key path under ``old`` moved under ``new``."""
    return replace(
        table,
        where=new,
        budget=replace(table.budget, where=_moved_path(table.budget.where, {old: new})),
        indicators=tuple(
            replace(ind, where=_moved_path(ind.where, {old: new})) for ind in table.indicators
        ),
    )


def _moved_path(where: str, moves: dict[str, str]) -> str:
    """``where`` with its ``projects[i]`` prefix renumbered by ``moves``."""
    if where.startswith("projects["):
        head, bracket, rest = where.partition("]")
        moved = moves.get(head + bracket)
        if moved is not None:
            return moved + rest
    return where


def filing(result) -> bytes:
    """What a file files, as a key: its department, year and projects' names (each as
    :func:`scoring.values.name_key` has it: width, spaces and Traditional characters aside),
    the projects in any order. Two files of a batch with the same key are one unit's
    table twice — a copy, a second version, a reviewed workbook returned (``-f xlsx``) left
    beside the unit's own — and a list of the batch would count the unit twice. The projects
    tell apart the files of a unit that files one project per file. A digest: a batch keeps
    one per file."""
    import hashlib

    from .values import name_key

    department = result.department
    projects = sorted(name_key(project.name) for project in result.projects)
    text = "\x1f".join([name_key(department.name), str(department.year), *projects])
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
