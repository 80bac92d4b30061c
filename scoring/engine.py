"""The pipeline in one pure function: evaluation + rule set → result.

score the projects → combine into the department → run the review checks → order the findings.
No I/O and no state outside its arguments, so a batch, a web service or a thread pool can call
it as it is.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from .combine import score_department
from .errors import CheckFailed, InputError, PluginError, ScoringError, cell_of_finding
from .model import Evaluation, Note, Table
from .result import SEVERITIES, Finding, Result, RulesetInfo, TableResult
from .review import filed_values
from .rules import RuleSet
from .scorer import Context, score_table


def evaluate(
    evaluation: Evaluation, ruleset: RuleSet, methods: dict, checks: dict, engine_version: str = ""
) -> Result:
    """Score ``evaluation`` under ``ruleset`` with the given methods and review checks.

    The arithmetic runs in a decimal context of its own, so the caller's settings (a lower
    precision, another rounding, traps) cannot change a score. The texts of the result are in
    the language current when it is called, decided once for the whole evaluation (the
    environment is read once, not for each of its thousands of messages)."""
    from .i18n import current, using

    with decimal.localcontext(_arithmetic()), using(current()):
        _require_methods(ruleset, methods)
        return _evaluate(evaluation, ruleset, methods, checks, engine_version)


def _require_methods(ruleset: RuleSet, methods: dict) -> None:
    """Refuse to score under ``ruleset`` when ``methods`` lacks a method it asks for (a rule
    set resolved where a plugin provided it, scored where none does): a PluginError naming the
    method and the rule-set key that asks for it, never a score computed without it."""
    from .i18n import _

    for method, key in ruleset.methods_used().items():
        if method not in methods:
            raise PluginError(
                _("method {name} is not provided by any loaded plugin").format(name=repr(method)),
                key,
                _(
                    "score with the plugins the rule set was resolved with; `scoring plugins` "
                    "lists what is loaded"
                ),
                file=ruleset.source,
                code="method-missing",
            )


def department_score(
    evaluation: Evaluation,
    ruleset: RuleSet,
    methods: dict,
    scored: Callable[[Table, Context], TableResult] = score_table,
) -> Decimal:
    """The department's score alone, as :func:`evaluate` finds it — each project scored by
    ``scored``, combined as the rule set says, in the same decimal context — without the
    review, the checks and the findings: for a search that scores many variants of one
    evaluation, where ``scored`` may remember the tables it has scored. Raises as evaluate does
    for a row that cannot be scored."""
    with decimal.localcontext(_arithmetic()):
        ctx = Context(ruleset, methods, evaluation.department.year)
        _, department = _scored(evaluation, ctx, scored)
    return department.score


def _scored(evaluation: Evaluation, ctx: Context, scored: Callable[[Table, Context], TableResult]):
    """(the projects scored, the department combined from them); a row that cannot be scored
    is an InputError naming the file and its place (on the form, for a workbook)."""
    try:
        projects = tuple(scored(project, ctx) for project in evaluation.projects)
        department = score_department(evaluation, projects, ctx)
        if ctx.refused:
            raise ctx.refused.error(InputError, evaluation.source, code=ctx.refused_code)
    except ScoringError as exc:
        raise exc.in_file(evaluation.source, evaluation.locations, evaluation) from None
    return projects, department


def _arithmetic() -> decimal.Context:
    """The decimal context every score is computed in: 28 digits, rounding half to even."""
    return decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)


def _evaluate(
    evaluation: Evaluation, ruleset: RuleSet, methods: dict, checks: dict, engine_version: str
) -> Result:
    ctx = Context(ruleset, methods, evaluation.department.year)
    projects, department = _scored(evaluation, ctx, score_table)
    scored = Result(
        engine_version=engine_version,
        ruleset=RulesetInfo(
            id=ruleset.id,
            version=ruleset.version,
            sha256=ruleset.sha256,
            title=ruleset.title,
            grades=tuple(ruleset.grades),
            grade_aliases=tuple(ruleset.grade_aliases.items()),
        ),
        source=evaluation.source,
        department=department,
        projects=projects,
    )
    scored = replace(scored, review=tuple(filed_values(evaluation, scored, ruleset)))
    found = [
        Finding("read-assumption", note.severity, note.where, note.words)
        for note in map(Note.of, evaluation.notes)
    ]
    found += ctx.findings
    found += _checked(evaluation, scored, ruleset, checks)
    found = _once_for_one_project(found, evaluation)
    return replace(scored, findings=tuple(_settle(found, ruleset, evaluation.locations)))


def _checked(evaluation: Evaluation, result: Result, ruleset: RuleSet, checks: dict) -> list:
    """Every review check's findings; a plugin's check that failed is said as a finding of
    its own (``check-failed``), and the other checks still run."""
    found: list[Finding] = []
    for check in checks.values():
        try:
            found.extend(check(evaluation, result, ruleset))
        except CheckFailed as failed:
            found.append(Finding("check-failed", "warning", "department", failed.message))
    return found


def _once_for_one_project(findings: list[Finding], evaluation: Evaluation) -> list[Finding]:
    """When the department's budget is its one project's, a finding on the budget row is said
    once, at the project's row; a reason the project's row gives is the department's too."""
    projects = evaluation.projects
    own = evaluation.department.budget
    if len(projects) != 1 or evaluation.department.table is not None:
        return findings
    budget = projects[0].budget
    if (budget.planned, budget.adjusted, budget.spent) != (own.planned, own.adjusted, own.spent):
        return findings
    at_project = {
        (f.code, f.where[len(budget.where) :])
        for f in findings
        if f.where.startswith(budget.where) and f.code != "read-assumption"  # readings differ
    }
    if budget.reason:
        at_project |= {("reason-missing", ".reason"), ("adjustment-unexplained", ".reason")}
    if own.score != budget.score:  # the department filed its own 得分: its own disagreement
        at_project.discard(("recorded-score-mismatch", ""))
    own_row = "department.budget"
    return [
        f
        for f in findings
        if not (f.where.startswith(own_row) and (f.code, f.where[len(own_row) :]) in at_project)
    ]


def _settle(findings: list[Finding], ruleset: RuleSet, locations: dict) -> list[Finding]:
    """Apply the rule set's severity overrides, drop what it turns off, name the cell of each
    finding when the file was a spreadsheet, and order them by place."""
    overrides = ruleset.checks.get("severity", {})
    settled = []
    for finding in findings:
        severity = overrides.get(finding.code, finding.severity)
        if severity == "off":
            continue
        cell = cell_of_finding(finding.code, finding.where, locations) if locations else None
        if severity != finding.severity or cell:
            finding = Finding(finding.code, severity, finding.where, finding.message, cell)
        settled.append(finding)
    # One finding per code and place: when two rules raise the same code on one row (a reason
    # missing below full marks, and missing where over-achievement requires one), the most
    # severe stands. Each check that failed is its own finding (they share the place).
    strongest: dict = {}
    for finding in settled:
        own = finding.message if finding.code == "check-failed" else None
        key = (finding.code, finding.where, own)
        if (
            key not in strongest
            or SEVERITY_RANK[finding.severity] < SEVERITY_RANK[strongest[key].severity]
        ):
            strongest[key] = finding
    return sorted(strongest.values(), key=lambda f: (_place(f.where), SEVERITY_RANK[f.severity]))


SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
_NUMBERS = re.compile(r"(\d+)")


# The cell a finding is about, where its row has one: a score mismatch points at the 得分 cell,
# a missing reason at the reason cell, an over-achievement at the actual — not at the row's name.
@lru_cache(maxsize=4096)  # the files of a batch have their findings at the same few places
def _place(where: str) -> tuple:
    """Order key for a key path: the department first, then projects in file order."""
    parts: list = _NUMBERS.split(where)  # text, number, text, …: numbers compared as numbers
    parts[1::2] = map(int, parts[1::2])
    return (0 if where.startswith("department") else 1, tuple(parts))
