"""Renderers: a list of results (or per-file errors) in, text out.

Each format is a plain function ``render(entries, options) -> str`` registered through
``scoring_register_renderers``. An entry is a :class:`~scoring.result.Result` or a
:class:`FileError` for a file that could not be scored.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..values import format_decimal
from ..values import percent as values_percent


@dataclass(frozen=True)
class Options:
    explain: bool = False
    color: bool = False
    width: int | None = None
    mode: str = "score"  # "score": the full summary; "check": validation and findings only


@dataclass(frozen=True)
class FileError:
    """A file that could not be read or scored, standing in its place in the output."""

    source: str
    code: str
    message: str
    where: str | None

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "error": {"code": self.code, "message": self.message, "where": self.where},
        }


def string_console(color: bool, width: int | None):
    """A rich console that writes into a string: colour only when asked (a terminal), the
    width given; returns (console, buffer). Every rich view is drawn this way, then written
    once by the command line."""
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width or 100,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    return console, buffer


def percent(rate: Decimal | None) -> str:
    """A rate as the form prints it (97.86%), a dash for none."""
    return "—" if rate is None else values_percent(rate)


def plain(value: Decimal | None) -> str:
    return "—" if value is None else format_decimal(value)


def money(value: Decimal) -> str:
    """万元 with at least two decimals, as the 自评表 prints them: 20.00, 19.80, 0.1234."""
    text = format_decimal(value)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return text if decimals >= 2 else f"{value:.2f}"


SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


# What a row without a score of its own shows instead: the reason it has none.
NOT_SCORED = {"not-applicable": "不适用", "breakdown": "不计分", "empty": "不计分"}


def shown_score(row) -> str:
    """An indicator row's 得分 as printed: the score, or why it has none (不适用, 不计分)."""
    return str(row.score) if row.applicable else NOT_SCORED.get(row.method, "不适用")


def shown_weight(row) -> str:
    """An indicator row's 分值 as printed: empty for a row that carries no points."""
    return "" if row.method in ("breakdown", "empty") else plain(row.weight)
