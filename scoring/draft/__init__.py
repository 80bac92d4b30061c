"""The written 自评报告 drafted from a scored evaluation: Markdown, a self-contained HTML page,
or a Word document.

The pipeline is the rest of scoring's, one step on: a :class:`~scoring.result.Result` is turned
into the report's data (:mod:`scoring.draft.context`, every figure computed from the result and
formatted as the form prints it; :mod:`scoring.draft.issues` for 五、存在问题 and 六、改进措施),
and the data is written through Jinja2 templates (:mod:`scoring.draft.environment`): the
sentences in ``prose.j2``, shared by every format, and one layout per format
(``report.md.j2``, ``report.html.j2``, ``report.docx.j2`` with the Word styles of
``report.docx``). ``combined.*.j2`` lay out a bureau's summary of many departments
(:mod:`scoring.draft.combined`).

:func:`draft` and :func:`draft_combined` are the entries; each returns the text (Markdown,
HTML) or the bytes (a .docx) to write. Template mistakes are :class:`scoring.errors.UsageError`
naming the template file and line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime

    from ..result import Result
    from ..rules import RuleSet

FORMATS = ("md", "html", "docx")
# The built-in templates, shipped in the wheel; registered as ``default`` by the built-in plugin.
BUILTIN = Path(__file__).resolve().parent / "templates"
SUFFIXES = {"md": ".md", "html": ".html", "docx": ".docx"}
# What the unit must complete, 【待单位补充】 or 【待单位补充：…】: highlighted in every format (one
# group, so that splitting a text on it keeps the marks).
TO_COMPLETE = re.compile(r"(【待单位补充[^】]*】)")

__all__ = ["BUILTIN", "FORMATS", "SUFFIXES", "draft", "draft_combined"]


def draft(
    result: Result,
    fmt: str,
    *,
    ruleset: RuleSet | None = None,
    templates: list[Path] | None = None,
    date: datetime.date | None = None,
) -> str | bytes:
    """The drafted report of one scored evaluation in ``fmt`` (md, html: text; docx: bytes).

    ``ruleset`` adds its basis and the execution threshold it checks (90 % when not given);
    ``templates`` are folders searched before the built-in templates, first first; ``date`` is
    the report's date (today when not given). Raises UsageError for a faulty template."""
    from .context import report_context
    from .environment import write

    context = report_context(result, ruleset, date=date)
    return write(fmt, "report", {"r": context}, templates or [])


def draft_combined(
    results: list[Result],
    fmt: str,
    *,
    ruleset: RuleSet | None = None,
    templates: list[Path] | None = None,
    date: datetime.date | None = None,
    left_out: tuple[str, ...] = (),
) -> str | bytes:
    """A bureau's summary of several scored departments in ``fmt``: the ranking by score, the
    grades, and the findings that recur most; ``left_out``, the files given that could not be
    read or scored, it names. Other arguments as for :func:`draft`."""
    from .combined import combined_context
    from .environment import write

    context = combined_context(results, ruleset, date=date, left_out=left_out)
    return write(fmt, "combined", {"c": context}, templates or [])
