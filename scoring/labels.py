"""The evaluator's names for the tool's identifiers — methods, ways of combining a department,
finding codes, severities — and the 自评表's own column titles.

Identifiers stay stable in JSON and in rule sets (``ratio``, ``recorded-score-mismatch``);
what a person reads — a workbook, a summary — names them as the 自评表 and its reviewers do
(比例计分, 自评得分与规则不符 in Chinese; ratio scoring, filed score differs from the rules in
English). An identifier of a plugin's own, not listed here, is shown as it is.

The titles are written in English in the code and translated (:mod:`scoring.i18n`) the first
time a language asks for them, then kept: a batch names a method for every row. The documents a
unit files — the drafted 自评报告, its own workbook — are Chinese whatever the interface's
language: they ask with ``chinese=True``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from .i18n import DEFAULT, _, current, using


class Titles(Mapping[str, str]):
    """Identifiers → their titles in the interface's language, made by ``make`` (which calls
    ``_()`` on each title) once per language. The identifiers are the same in every language."""

    def __init__(self, make: Callable[[], dict[str, str]]) -> None:
        self._make = make
        self._made: dict[str, dict[str, str]] = {}

    def of(self, language: str) -> dict[str, str]:
        """The titles in ``language`` (a catalog: ``zh_CN`` or ``en``)."""
        made = self._made.get(language)
        if made is None:
            with using(language):
                made = self._made[language] = self._make()
        return made

    def now(self, chinese: bool = False) -> dict[str, str]:
        """The titles in the interface's language (in Chinese with ``chinese``): to look up
        many, once per table rather than once per row."""
        return self.of(DEFAULT if chinese else current())

    def title(self, identifier: str, chinese: bool = False) -> str:
        """The title of ``identifier`` (in Chinese with ``chinese``), or the identifier itself
        when it has none."""
        return self.now(chinese).get(identifier, identifier)

    def __getitem__(self, identifier: str) -> str:
        return self.of(current())[identifier]

    def __iter__(self) -> Iterator[str]:
        return iter(self.of(current()))

    def __len__(self) -> int:
        return len(self.of(current()))

    def __contains__(self, identifier: object) -> bool:
        return identifier in self.of(current())


def _grid() -> dict[str, str]:
    # The 绩效指标 grid of the 自评表, in the form's own words and order (without its last column).
    return {
        "level1": _("Level-1 indicator"),
        "level2": _("Level-2 indicator"),
        "name": _("Level-3 indicator"),
        "target": _("Annual target"),
        "actual": _("Actual"),
        "weight": _("Weight"),
        "score": _("Score"),
    }


def _methods() -> dict[str, str]:
    return {
        "ratio": _("ratio scoring"),
        "reverse-linear": _("reverse linear scoring"),
        "reverse-ratio": _("reverse ratio scoring"),
        "equal": _("exact-value scoring"),
        "tiers": _("qualitative tier scoring"),
        "proportional": _("scored by execution rate"),
        "bands": _("band scoring"),
        "deadline": _("deadline scoring"),
        "range": _("range scoring"),
        "judgement": _("evaluator's judgement"),
        "not-applicable": _("not applicable"),
        "breakdown": _("sub-item, not scored"),
        "empty": _("empty row, not scored"),
        "table": _("the department's own evaluation table"),
        "budget-weighted": _("weighted by budget"),
        "mean": _("simple mean"),
    }


def _findings() -> dict[str, str]:
    return {
        "check-failed": _("check failed, not run"),
        "recorded-score-mismatch": _("filed score differs from the rules"),
        "recorded-grade-mismatch": _("filed grade differs from the rules"),
        "score-above-weight": _("score above its weight"),
        "score-outside-band": _("qualitative score outside its band"),
        "reason-missing": _("reason not given"),
        "over-achievement": _("actual far above target"),
        "evaluator-judgement": _("left to the evaluator's judgement"),
        "deduction-ignored": _("deduction not applied"),
        "weights-total": _("weights do not add up to full marks"),
        "weights-missing": _("weight not filled in"),
        "weights-default": _("default weights used"),
        "category-missing": _("level-1 indicator missing"),
        "execution-low": _("low execution rate"),
        "execution-weight-filed": _("execution 分值 not the rule set's"),
        "adjustment-unexplained": _("budget adjustment not explained"),
        "spent-over-budget": _("spending above budget"),
        "budget-zero": _("budget is zero"),
        "projects-over-department": _("projects' budgets above the department's"),
        "actual-not-numeric": _("text in a quantitative indicator"),
        "score-capped": _("total capped"),
        "total-not-sum": _("total is not the sum of the rows"),
        "spending-results-mismatch": _("outputs and benefits do not match the spending"),
        "qualitative-for-number": _("should be a quantitative indicator"),
        "targets-equal-actuals": _("every actual equals its target"),
        "rate-above-100": _("a rate above 100%"),
        "placeholder-left": _("template placeholder left in"),
        "project-repeated": _("project filed twice"),
        "weights-off-default": _("weights differ from the defaults, unexplained"),
        "operator-inferred": _("scored as a reverse indicator"),
        "operator-default": _("read by the default comparison"),
        "deadline-late": _("not completed on time"),
        "strict-bound-equal": _("actual at a bound the target leaves out"),
        "values-blank": _("target not filled in"),
        "row-not-scored": _("row not scored"),
        "read-assumption": _("how the file was read"),
        "stated-figure-mismatch": _("figures in the report disagree"),
        "report-table-mismatch": _("report disagrees with the form"),
    }


def _severities() -> dict[str, str]:
    return {"error": _("error"), "warning": _("warning"), "info": _("note")}


def _not_scored() -> dict[str, str]:
    # What a row without a score of its own shows instead: the reason it has none.
    return {
        "not-applicable": _("not applicable"),
        "breakdown": _("not scored"),
        "empty": _("not scored"),
    }


GRID = Titles(_grid)
METHODS = Titles(_methods)
FINDINGS = Titles(_findings)
SEVERITIES = Titles(_severities)
NOT_SCORED = Titles(_not_scored)


def grid_titles(chinese: bool = False) -> tuple[str, ...]:
    """The column titles of the 自评表's 绩效指标 grid, 一级指标 to 得分 (in Chinese with
    ``chinese``)."""
    return tuple(GRID.now(chinese).values())


def method(identifier: str, chinese: bool = False) -> str:
    """A method's or a department method's title: ``ratio`` → 比例计分 (ratio scoring)."""
    return METHODS.title(identifier, chinese)


def finding(code: str, chinese: bool = False) -> str:
    """A finding code's title: ``execution-low`` → 执行率偏低 (low execution rate)."""
    return FINDINGS.title(code, chinese)


def severity(name: str, chinese: bool = False) -> str:
    """A severity's title: ``error`` → 错误 (error)."""
    return SEVERITIES.title(name, chinese)


def not_scored(method_id: str, chinese: bool = False) -> str:
    """What a row that has no score shows in its 得分: 不适用 (not applicable), or 不计分 (not
    scored) for a sub-item or an empty row."""
    titles = NOT_SCORED.now(chinese)
    return titles.get(method_id) or titles["not-applicable"]
