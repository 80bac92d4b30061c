"""The charts of the HTML report, as geometry for its inline SVG.

The page is one self-contained file (no script, no font or picture fetched): its charts are SVG
drawn by the macros of ``charts.html.j2`` from the records here — horizontal bars with their
labels, values and positions already computed. :func:`charts` makes them for a report (scores
by project, execution rate against the execution line, indicator completion by 一级指标) or a
combined summary (scores and execution by department). Positions are in the SVG's own units,
computed with Decimal and written with one decimal; a bar never runs past its scale (a rate
above 100 % is drawn full and labelled with its value).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

WIDTH = Decimal(640)  # the SVG's width in its own units; it scales to the page
LABEL = Decimal(200)  # room for the labels at the left
BAR_ROOM = Decimal(350)  # the longest bar, at the top of the scale
ROW = Decimal(30)  # one bar's row
BAR = Decimal(18)  # a bar's thickness
TOP = Decimal(8)
AXIS = Decimal(24)  # room for the scale under the bars
LABEL_CHARS = 12  # a longer label is cut, with "…"; its full text is the bar's tooltip
ONE = Decimal(1)


@dataclass(frozen=True)
class Bar:
    """One bar: its label (cut to fit, ``label`` whole for the tooltip), the value shown, where
    it is drawn, and its tone (a CSS class: good, fair, poor, low)."""

    label: str
    short: str
    value: str
    y: str
    text_y: str
    width: str
    value_x: str
    tone: str


@dataclass(frozen=True)
class Tick:
    x: str
    label: str


@dataclass(frozen=True)
class Line:
    """A reference line across the bars (the execution line) and its label."""

    x: str
    label: str


@dataclass(frozen=True)
class Chart:
    """A bar chart: its id (for the page's anchors), title, bars, scale and size."""

    id: str
    title: str
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    line: Line | None
    width: str
    height: str
    bars_x: str
    bars_bottom: str


def charts(variables: dict[str, Any]) -> dict[str, Chart]:
    """The charts of the page whose template variables are ``variables`` (``r``: one report;
    ``c``: a combined summary), by name."""
    if "r" in variables:
        return _report_charts(variables["r"])
    return _combined_charts(variables["c"])


def _report_charts(r: Any) -> dict[str, Chart]:
    line = r.execution_line_value
    scores = [
        (p.name, p.score_value / _full(p.weight), p.score, _grade_tone(p.grade)) for p in r.projects
    ]
    execution = [
        (p.name, p.funds.rate_value, p.funds.rate, _rate_tone(p.funds.rate_value, line))
        for p in r.projects
    ]
    execution.append(
        ("部门整体", r.funds.rate_value, r.funds.rate, _rate_tone(r.funds.rate_value, line))
    )
    completion = [
        (c.name, c.rate_value, c.rate, _rate_tone(c.rate_value, ONE)) for c in r.completion
    ]
    return {
        "scores": _chart("chart-scores", "各项目自评得分", scores, _score_ticks()),
        "execution": _chart(
            "chart-execution",
            "预算执行率",
            execution,
            _percent_ticks(),
            Line(_x(line), f"{r.execution_line} 基准线"),
        ),
        "completion": _chart(
            "chart-completion", "绩效指标得分率（按一级指标）", completion, _percent_ticks()
        ),
    }


def _combined_charts(c: Any) -> dict[str, Chart]:
    line = c.execution_line_value
    scores = [(d.name, d.score_value / 100, d.score, _grade_tone(d.grade)) for d in c.departments]
    execution = [
        (d.name, d.rate_value, d.rate, _rate_tone(d.rate_value, line)) for d in c.departments
    ]
    return {
        "scores": _chart("chart-scores", "各部门自评得分", scores, _score_ticks()),
        "execution": _chart(
            "chart-execution",
            "各部门预算执行率",
            execution,
            _percent_ticks(),
            Line(_x(line), f"{c.execution_line} 基准线"),
        ),
    }


def _full(weight: str) -> Decimal:
    """A table's full marks as a number (100 unless its weights say otherwise), never 0."""
    value = Decimal(weight) if weight.replace(".", "", 1).isdigit() else Decimal(100)
    return value or Decimal(100)


def _chart(
    name: str,
    title: str,
    rows: list[tuple[str, Decimal, str, str]],
    ticks: tuple[Tick, ...],
    line: Line | None = None,
) -> Chart:
    """Bars for ``rows`` of (label, share of the scale in [0, 1] or beyond, value shown, tone)."""
    bars = tuple(_bar(i, *row) for i, row in enumerate(rows))
    bottom = TOP + ROW * len(rows)
    return Chart(
        id=name,
        title=title,
        bars=bars,
        ticks=ticks,
        line=line,
        width=_n(WIDTH),
        height=_n(bottom + AXIS),
        bars_x=_n(LABEL),
        bars_bottom=_n(bottom),
    )


def _bar(index: int, label: str, share: Decimal, value: str, tone: str) -> Bar:
    length = BAR_ROOM * min(max(share, Decimal(0)), ONE)
    y = TOP + ROW * index + (ROW - BAR) / 2
    short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
    return Bar(
        label=label,
        short=short,
        value=value,
        y=_n(y),
        text_y=_n(y + BAR / 2),
        width=_n(length),
        value_x=_n(LABEL + length + 6),
        tone=tone,
    )


def _x(share: Decimal) -> str:
    return _n(LABEL + BAR_ROOM * min(max(share, Decimal(0)), ONE))


def _score_ticks() -> tuple[Tick, ...]:
    return tuple(Tick(_x(Decimal(s) / 100), str(s)) for s in (0, 60, 80, 90, 100))


def _percent_ticks() -> tuple[Tick, ...]:
    return tuple(Tick(_x(Decimal(s) / 100), f"{s}%") for s in (0, 50, 90, 100))


def _grade_tone(grade: str) -> str:
    return {"优": "good", "良": "fair", "中": "poor"}.get(grade, "low")


def _rate_tone(rate: Decimal, line: Decimal) -> str:
    return "good" if rate >= line else "low"


def _n(value: Decimal) -> str:
    """An SVG coordinate: one decimal, half up."""
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
