"""Views: results in, text out — every way scoring shows something lives under here.

The formats of ``-f`` are plain functions ``render(entries, options) -> str`` registered through
``scoring_register_renderers``; an entry is a :class:`~scoring.result.Result` or a
:class:`~scoring.result.FileError` for a file that could not be scored. A format that declares a
parameter ``evaluations`` also gets the evaluations read, one per entry (the workbook format
returns the unit's own workbook). The other views — the comparison of rule sets, what-if, the
rule-set catalog, a report's review — are functions of the same kind. Each draws on
:func:`string_console` with the :class:`Options` the command line decided once.

User text — anything a file, a rule set, a plugin or the command line said — reaches a view's
output only through :mod:`scoring.inert`: in a rich view through :func:`markup` (in markup) or
:func:`text` (in a ``Text`` or a plain string), so that neither an escape sequence nor rich's
own markup (``[red]``, ``[link=…]``) in it is obeyed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..frozen import record
from ..labels import NOT_SCORED, SEVERITIES, not_scored
from ..result import FileError
from ..values import format_decimal
from ..values import percent as values_percent

if TYPE_CHECKING:
    from io import StringIO

    from rich.console import Console

__all__ = [
    "NOT_SCORED",
    "SEVERITY_LABELS",
    "FileError",
    "Options",
    "markup",
    "money",
    "percent",
    "plain",
    "string_console",
    "text",
]


@record
class Options:
    """How a view is drawn: the arithmetic shown (``explain``), colour, width in terminal
    columns, and the mode ("score": the full summary; "check": validation and findings)."""

    explain: bool = False
    color: bool = False
    width: int | None = None
    mode: str = "score"


def string_console(options: Options) -> tuple[Console, StringIO]:
    """The one console every rich view draws on: it writes into a string, in colour only when
    ``options`` ask for it (a terminal without NO_COLOR), at their width (100 when not given);
    returns (console, buffer). The command line writes the text once, where it goes; the
    buffer's text has no trailing spaces on its lines (rich pads tables to their width)."""
    from io import StringIO

    from rich.console import Console

    class Drawn(StringIO):
        def getvalue(self) -> str:
            return "\n".join(line.rstrip(" ") for line in super().getvalue().split("\n"))

    buffer = Drawn()
    console = Console(
        file=buffer,
        width=options.width or 100,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    return console, buffer


def text(value: object) -> str:
    """User text for a terminal, where rich does not read markup (a ``Text``, a column title is
    markup, so not there): cut to ``MAX_SHOWN_CHARS`` characters (:func:`shown`), control
    characters and escape sequences shown escaped."""
    from ..inert import terminal

    return terminal(shown(value))


def markup(value: object, whole: bool = False) -> str:
    """User text inside rich markup (a printed line, a cell, a title): cut to
    ``MAX_SHOWN_CHARS`` characters (:func:`shown`), escaped for the terminal, then for rich, so
    that "[重点]" or "[link=…]" stays as written. ``whole``: text scoring wrote whose length
    follows the size of the file, not of one text in it (the department's arithmetic over every
    project), shown whole."""
    from rich.markup import escape

    from ..inert import terminal

    return escape(terminal(value if whole else shown(value)))


def shown(value: object) -> str:
    """One text as a terminal view draws it: at most ``MAX_SHOWN_CHARS`` characters, "…" for
    the rest (rich lays out every character of a cell; the other formats keep the whole)."""
    from ..limits import MAX_SHOWN_CHARS

    value = str(value)
    return value if len(value) <= MAX_SHOWN_CHARS else value[: MAX_SHOWN_CHARS - 1] + "…"


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


# A severity's title in the interface's language (错误 / error), looked up when shown.
SEVERITY_LABELS = SEVERITIES


def shown_score(row, chinese: bool = False) -> str:
    """An indicator row's 得分 as printed: the score, or why it has none (不适用, 不计分; in
    Chinese with ``chinese``, for the documents a unit files)."""
    return str(row.score) if row.applicable else not_scored(row.method, chinese)


def shown_weight(row) -> str:
    """An indicator row's 分值 as printed: empty for a row that carries no points."""
    return "" if row.method in ("breakdown", "empty") else plain(row.weight)
