"""``-f hunan-summary``: a short plain-text summary, to show what a plugin's renderer is.

One block per file::

    某县农业农村局 2023 年度：91.23 分，优
    规则 hunan-steps 0.1.0 · 文件 examples/hunan-2023.csv
    部门得分：按各项目全年预算数加权（惯例，非官方规定）
      农村改厕        88.25  良
      高标准农田建设  95.00  优
    复核：警告 2 条，提示 1 条

A file that could not be scored is one line naming it and the error. ``--explain`` adds the
department's arithmetic. A renderer is ``render(entries, options) -> str``; it uses only the
public :class:`scoring.Result`, and takes any other entry as an error entry (``source`` and
``message``).
"""

from __future__ import annotations

import unicodedata

from scoring import Result

DEPARTMENT_METHODS = {
    "table": "部门整体自评表",
    "budget-weighted": "按各项目全年预算数加权（惯例，非官方规定）",
    "mean": "各项目得分的平均（惯例，非官方规定）",
}
SEVERITIES = (("error", "错误"), ("warning", "警告"), ("info", "提示"))


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _block(result: Result, explain: bool) -> list[str]:
    department = result.department
    lines = [
        f"{department.name} {department.year} 年度：{department.score} 分，{department.grade}",
        f"规则 {result.ruleset.id} {result.ruleset.version} · 文件 {result.source}".rstrip(),
        f"部门得分：{DEPARTMENT_METHODS.get(department.method, department.method)}",
    ]
    if explain and department.explanation:
        lines.append(f"  {department.explanation}")
    names = [project.name for project in result.projects]
    width = max((_width(name) for name in names), default=0)
    scores = [str(project.score) for project in result.projects]
    score_width = max((len(s) for s in scores), default=0)
    for project, score in zip(result.projects, scores, strict=True):
        lines.append(f"  {_pad(project.name, width)}  {score:>{score_width}}  {project.grade}")
    counts = []
    for severity, label in SEVERITIES:
        found = sum(1 for finding in result.findings if finding.severity == severity)
        if found:
            counts.append(f"{label} {found} 条")
    lines.append("复核：" + ("，".join(counts) if counts else "无发现"))
    return lines


def render(entries: list, options) -> str:
    """The summary of every scored file, a blank line between files."""
    explain = bool(getattr(options, "explain", False))
    blocks = []
    for entry in entries:
        if isinstance(entry, Result):
            blocks.append("\n".join(_block(entry, explain)))
        else:
            source, message = getattr(entry, "source", ""), getattr(entry, "message", str(entry))
            named = message if source and source in message else f"{source}: {message}"
            blocks.append(f"无法评分：{named}")
    return "\n\n".join(blocks) + "\n"
