"""A worksheet as a grid of cached values, whatever the file format.

``.xlsx`` is read with openpyxl (``data_only``: the values Excel cached, formulas are never
evaluated; defusedxml guards the XML) from its read-only sheets, the merged ranges and hidden
rows and columns taken from the count below; ``.xls`` with xlrd, which keeps each cell's number
format, so a cell reads as its format shows it in either: 0.95 shown as 95% as ``95%``, text
through the format's text section (``"≤"@``), a fall shown in words as those words (下降5%), a
number shown divided as what it shows (15.0千人: ``15千人``, which reads as 15000 人) — or, where that text would not
read as the number shown, refused at its cell. A formula whose value was never
saved (a file written by a program, not by Excel) is remembered, so that it is named rather
than read as empty. Hidden rows and columns are not part of the form a unit prints and stamps:
their cells are not read, and the grid remembers which held values, to say so. A merged range shows its top-left value in every cell it covers, so a
一级指标 label merged over five rows reads on each of them. Every value keeps its address,
e.g. ``表.xlsx!项目1!F14``.

Before a grid is built the workbook is counted against the limits of :mod:`scoring.limits`
(sheets, rows, columns, cells, merged ranges, ranges listed by data validation, XML, and how
far an ``.xlsx`` unzips), from the zip's directory and its XML streamed, or an ``.xls`` sheet
by sheet: a file that passes one is refused at once, naming the sheet and the cell or range,
instead of hanging the reader; the parts counted are those openpyxl will load, whatever their
names and namespaces. What a file is comes from its first bytes, not its name: a workbook
protected with a password, a web page or a CSV file named ``.xls``, or a damaged part is said
as such.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from ..errors import InputError, Problem, system_reason
from ..i18n import _
from ..limits import (
    MAX_CELLS,
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_LISTED_RANGES,
    MAX_MERGED_CELLS,
    MAX_MERGED_RANGES,
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    MAX_SHEETS,
    MAX_UNZIPPED_BYTES,
    MAX_XML_ELEMENTS,
)


def column_letter(column: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


# What a cell shows when its formula fails (#DIV/0! for a rate over a 0 budget), as Excel and
# WPS write it: never a value, wherever it stands.
EXCEL_ERRORS = frozenset(
    ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!")
)


def range_name(top: int, left: int, bottom: int, right: int) -> str:
    """A range of cells as Excel names it, from its bounds (from 0): (10, 5, 11, 5) → F11:F12."""
    return f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"


@dataclass
class Grid:
    """One sheet: values by (row, column), both from 0."""

    file: str
    sheet: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    rows: int = 0
    columns: int = 0
    # cells holding a formula whose value the file does not carry: (row, column)
    uncached: set = field(default_factory=set)
    # rows and columns hidden in the sheet whose cells held values (from 0): not read, said so
    hidden_rows: set = field(default_factory=set)
    hidden_columns: set = field(default_factory=set)
    # False for a sheet hidden in the workbook: read only to say whether it holds a 自评表
    shown: bool = True
    # cells a range merged over several rows covers → that range (top, left, bottom, right)
    spans: dict = field(default_factory=dict)
    # cells showing the error of their formula (#DIV/0!, #N/A): (row, column)
    errors: set = field(default_factory=set)

    def value(self, row: int, column: int):
        return self.cells.get((row, column))

    def text(self, row: int, column: int) -> str:
        """The cell as text with all whitespace removed, for matching header words."""
        value = self.value(row, column)
        if value is None:
            return ""
        return "".join(str(value).split())

    def address(self, row: int, column: int) -> str:
        return f"{Path(self.file).name}!{self.sheet}!{column_letter(column)}{row + 1}"

    def row_texts(self, row: int) -> list[str]:
        return [self.text(row, column) for column in range(self.columns)]


def _cell_value(value, number_format: str = ""):
    """A cell's cached value as the scorer reads it: exact decimals, percentages as text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):  # a logical cell, as Excel and WPS show it
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        # a cached float as Excel shows it: 15 significant digits (9.500000000000002 is 9.5)
        number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
        return _number_as_shown(number, number_format)
    if isinstance(value, (datetime, date)):
        return _date_as_shown(value, number_format)
    if isinstance(value, time):  # 1:12 typed into a cell: Excel keeps a time of day
        return f"{value.hour}:{value.minute:02}" + (f":{value.second:02}" if value.second else "")
    if isinstance(value, timedelta):  # 26:30 in a cell formatted [h]:mm
        minutes, seconds = divmod(int(value.total_seconds()), 60)
        return f"{minutes // 60}:{minutes % 60:02}" + (f":{seconds:02}" if seconds else "")
    return _text_as_shown(str(value).strip(), number_format)


def _number_as_shown(number: Decimal, number_format: str) -> Decimal | str:
    """A number cell as its format shows it (see :func:`_shown_around`): the number, or text
    when the format shows it as a percentage or with words. Raises :class:`_ShownUnread` for a
    number shown divided in words the value grammar would not read as that number."""
    shown = _shown_around(number_format, number)
    digits = -number if shown.unsigned else number  # "上升"0%;"下降"0% shows -0.05 as 下降5%
    if shown.scale:  # 1234567 formatted #,##0,"千元" shows 1,235千元: in thousands, exactly
        digits = Decimal(_plain(digits.scaleb(-shown.scale)))
    if _percent_format(number_format):
        # 0.95 shown as 95% in Excel is 95% on the form
        return f"{shown.before}{_plain(digits * 100)}%{shown.after}"
    if not (shown.before or shown.after):
        return digits
    text = f"{shown.before}{_plain(digits)}{shown.after}"  # "≤"0% shows 0.05 as ≤5%; 0"人" 10人
    if shown.checked and not _reads_as(text, digits):
        raise _ShownUnread(number, number_format)
    return text


def _reads_as(text: str, number: Decimal) -> bool:
    """Whether the value grammar reads ``text`` as ``number`` (15000人, ≥15000人: 15000)."""
    from ..values import parse_target

    try:
        return parse_target(text).value == number
    except ValueError:  # the grammar refuses it (15000人左右: approximate)
        return False


class _ShownUnread(ValueError):
    """A number its format shows divided in words that the value grammar would not read as the
    number shown: refused at its cell (see :func:`_hidden_or_refused`)."""

    def __init__(self, number: Decimal, number_format: str):
        super().__init__(number_format)
        self.number = number
        self.number_format = number_format


def _text_as_shown(text: str, number_format: str) -> str:
    """A text cell as its format's text section shows it: the text in place of each ``@``, with
    what the section shows around it (``5%`` formatted ``"≤"@`` shows ≤5%, ``90`` formatted
    ``0%;-0%;0%;"≤"@`` ≤90), so that it reads as the same text typed would. A format without a
    text section (``General``, ``0%``; a fourth section without ``@``) shows the text as it is,
    and so does every format for a formula's error (``#N/A``)."""
    section = _text_section(number_format) if text not in EXCEL_ERRORS else None
    if section is None:
        return text
    shown = {"at": text, "text": None}
    return "".join(
        shown[kind] or part for kind, part in _format_tokens(section) if kind in shown
    ).strip()


@lru_cache(maxsize=256)
def _text_section(number_format: str) -> str | None:
    """The section of a number format that shows text, None for none: the fourth, or the last
    of fewer when it holds an ``@`` (``"≤"@``, ``0.00;@``), and then only when it does — a
    fourth section of words alone (``;;;"—"``) or none at all shows nothing of the text, which
    is read as it is."""
    if not number_format or number_format.lower() == "general":
        return None
    sections = _sections(number_format)
    section = sections[3] if len(sections) > 3 else sections[-1]
    return section if any(kind == "at" for kind, _part in _format_tokens(section)) else None


def _date_as_shown(value, number_format: str) -> str:
    """A date cell as the form shows it: Excel keeps 2024年6月 as 2024-06-01, so a format without
    a day gives the month (2024年6月), without a month the year, and a full date its ISO day;
    with the word after or before a date the format shows (m"月"d"日后": 6月30日后), which
    makes it a bound of the day done, as the same text typed."""
    bare = re.sub(r'"[^"]*"|[\\!].|\[[^\]]*\]', "", number_format).lower()
    side = _side_shown(number_format)
    if number_format and "d" not in bare:
        if "m" not in bare:
            return f"{value.year}年{side}"
        return f"{value.year}年{value.month}月{side}"
    day = value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
    return day + side


# The words a date's format may show after it that put the day done after or before it.
_DATE_SIDES = ("之后", "以后", "之前", "以前", "后", "前")


def _side_shown(number_format: str) -> str:
    """The word of _DATE_SIDES a date format shows at its end (m"月"d"日后": 后), the date's
    own words (年, 月, 日, 号) aside; empty for none."""
    section = _sections(number_format)[0] if number_format else ""
    literals = "".join(a or b for a, b in re.findall(r'"([^"]*)"|[\\!](.)', section))
    words = re.sub(r"[年月日号\s./-]", "", literals)
    return next((side for side in _DATE_SIDES if words.endswith(side)), "")


# The signs and currency marks a number format may show around the digits, which say nothing
# the number does not: it carries its sign, and ¥ is the amount's own unit.
_SIGNS = " +-()$¥￥"


@dataclass(frozen=True)
class _Shown:
    """What a number format shows around a number's digits, and how it scales them."""

    before: str = ""
    after: str = ""
    # the powers of ten the digits are shown divided by: 3 for each comma after the last digit
    # (#,##0,), and the digits after a point the format writes as text (0!.0000: 元 as 万元)
    scale: int = 0
    # a negative number shown without its minus, its sign in the words around it (下降5%): the
    # cell reads as that text, as if typed
    unsigned: bool = False
    # shown divided under a word that is not money (see _divided): read only if the value
    # grammar reads the text as the number it shows
    checked: bool = False


# What a format that shows a number divided (#,##0,"千元", 0!.0000"万元") may show after it to be
# read as it shows: money, or a multiplier the value grammar reads. Another word is read by
# _divided.
_SCALED_UNITS = ("元", "千元", "万元", "亿元", "万", "亿")


def _shown_around(number_format: str, number: Decimal) -> _Shown:
    """What ``number_format`` shows around the digits of ``number``, from its section for the
    number's sign: quoted text and escaped characters (``"≤"0%`` → ≤ before, ``#,##0"元"`` → 元
    after, ``0.0"天";-0.0"天"`` for −2 → 天 after), and how it divides the digits — a comma after
    the last digit by a thousand (``#,##0,"千元"`` shows 1234567 as 1,235千元), a point written as
    text by ten for each digit after it (``0!.0000"万元"`` shows 500000 as 50.0000万元) — when
    money or a multiplier follows (:data:`_SCALED_UNITS`). A negatives' section that says the
    sign in words of its own (``"上升"0%;"下降"0%``) shows the digits unsigned, and its text as it
    is (−0.05 as 下降5%: ``unsigned``). Colours, conditions, spaces (``_x``), fills (``*x``),
    text between digits, signs and currency marks are not shown; a section without digits
    (accounting's "-" for zero) shows the number as it is."""
    if not number_format or number_format.lower() == "general":
        return _NOTHING_AROUND
    sign = (number > 0) - (number < 0)
    return _around(number_format, sign)


_NOTHING_AROUND = _Shown()


@lru_cache(maxsize=256)
def _around(number_format: str, sign: int) -> _Shown:
    sections = _number_sections(number_format)
    if not sections or any(_CONDITION.search(section) for section in sections):
        return _NOTHING_AROUND  # [>=10000]…;…: which section shows is the value's, not its sign's
    index = 1 if sign < 0 and len(sections) > 1 else 2 if sign == 0 and len(sections) > 2 else 0
    layout = _layout(sections[index])
    if not layout.digits:
        return _NOTHING_AROUND
    if index == 1 and _shows_the_sign(sections):
        # "上升"0%;"下降"0% shows −0.05 as 下降5%: the words are the sign, the digits unsigned
        return _Shown(layout.before.strip(), layout.after.strip(), layout.scale, unsigned=True)
    # the section's own minus or brackets say the sign the number carries; and where the
    # negatives' section has words of its own before the digits ("增长"0%;"下降"0%), a positive
    # number's words say its sign, which the number carries
    negatives = _words(sections[1])[0] if len(sections) > 1 else ""
    signed = bool(negatives) and negatives != _words(sections[0])[0]
    shown_before = "" if sign < 0 or signed else layout.before.strip(_SIGNS)
    shown_after = layout.after.strip(_SIGNS)
    if layout.scale and shown_after not in _SCALED_UNITS:
        return _divided(shown_before, shown_after, layout.scale)
    return _Shown(shown_before, shown_after, layout.scale)


def _divided(before: str, word: str, scale: int) -> _Shown:
    """What a format shows around a number it divides by ``10 ** scale`` under ``word``, which is
    not money nor 万 or 亿. No word (``#,##0,``): nothing, the number is read as it is. Any other
    word as it shows, read by the value grammar with the unit table's multipliers (百, 千, 十万,
    百万, 千万): ``0.0,"吨"`` 15吨, ``0.0,"千人"`` 15千人 (15000 人), ``0.0,"千"`` 15千 (15000,
    held to the rules a typed 15千 is against a bare figure beside it), ``#,##0.00,,"百万元"``
    0.432百万元. ``checked``: the text must read back as its digits, or the cell is refused."""
    if not word:
        return _NOTHING_AROUND
    return _Shown(before, word, scale, checked=True)


# A condition of a format's section ([>=10000], [<0.9]), not a colour or a locale.
_CONDITION = re.compile(r"\[\s*[<>=]")


def _number_sections(number_format: str) -> list[str]:
    """The sections of a number format that show numbers — positive, negative, zero — without
    its section for text (see :func:`_text_section`)."""
    sections = _sections(number_format)[:3]
    if sections and any(kind == "at" for kind, _part in _format_tokens(sections[-1])):
        sections.pop()  # "≤"@ or 0.00;@: the last is the text's
    return sections


def _shows_the_sign(sections: list[str]) -> bool:
    """Whether the negatives' section shows a negative number's sign itself, Excel then showing
    its digits unsigned: in words of its own, before or after the digits (``"上升"0%;"下降"0%``
    shows −0.05 as 下降5%, ``0%;"下降"0%`` too, ``0%"增长";0%"下降"`` as 5%下降), or with its own
    minus beside words (``"≤"0"个";"≤"-0"个"`` shows −800 as ≤-800个). Words the same as the
    positives' without a minus (``0"人";0"人"``) or a minus alone (``0.0;-0.0``) do not."""
    negatives = _words(sections[1])
    if not any(negatives):
        return False
    return negatives != _words(sections[0]) or "-" in _layout(sections[1]).before


@lru_cache(maxsize=256)
def _words(section: str) -> tuple[str, str]:
    """The text a format's section shows before and after its digits, signs aside."""
    layout = _layout(section)
    return layout.before.strip(_SIGNS), layout.after.strip(_SIGNS)


@dataclass(frozen=True)
class _Layout:
    """A format's section read: the text it shows before its first digit and after its last,
    whether it shows digits, and the powers of ten it divides them by (see :class:`_Shown`)."""

    before: str
    after: str
    digits: bool
    scale: int


@lru_cache(maxsize=256)
def _layout(section: str) -> _Layout:
    before: list[str] = []
    after: list[str] = []
    digits = thousands = shift = 0
    point = written_point = False  # a decimal point; a point written as text between digits
    for kind, text in _format_tokens(section):
        if kind == "digit":
            if text == ".":
                point = True
            elif text in "0#?":
                written_point = written_point or (bool(after) and after[-1] == "." and not point)
                shift += 1 if written_point else 0
            digits, thousands = digits + 1, 0
            after.clear()
        elif kind == "comma":
            thousands += 1 if digits and not after else 0
        elif kind == "text" and digits:
            after.append(text)
        elif kind == "text":
            before.append(text)
    return _Layout("".join(before), "".join(after), bool(digits), 3 * thousands + shift)


def _sections(number_format: str) -> list[str]:
    """A number format's sections, split at the semicolons outside quotes and escapes."""
    sections: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in number_format:
        if escaped:
            escaped = False
        elif char in "\\!" and not quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append("".join(current))
            current = []
            continue
        current.append(char)
    sections.append("".join(current))
    return sections


def _format_tokens(section: str):
    """(kind, text) for each part of a format's section: ``("text", …)`` for text it shows,
    ``("digit", …)`` for a digit, a decimal point, a percent or an exponent, ``("comma", ",")``,
    ``("at", "@")`` for the text of a text cell; brackets, spaces (``_x``) and fills (``*x``)
    give nothing."""
    at, length = 0, len(section)
    while at < length:
        char = section[at]
        step = 1
        if char == '"':
            end = section.find('"', at + 1)
            end = length if end < 0 else end
            yield "text", section[at + 1 : end]
            step = end + 1 - at
        elif char in "\\!":  # an escaped character: \. or !. shows a point as text
            yield "text", section[at + 1 : at + 2]
            step = 2
        elif char == "[":
            end = section.find("]", at)
            step = (length if end < 0 else end + 1) - at
        elif char in "_*":
            step = 2
        elif char == ",":
            yield "comma", char
        elif char in "0#?.%":
            yield "digit", char
        elif char == "@":  # where a text section shows the cell's text
            yield "at", char
        elif char in "Ee" and section[at + 1 : at + 2] in ("+", "-"):
            yield "digit", section[at : at + 2]
            step = 2
        elif section[at : at + 7].lower() == "general":
            yield "digit", "General"
            step = 7
        else:
            yield "text", char
        at += step


def _percent_format(number_format: str) -> bool:
    """A format that multiplies by 100: a % outside quotes and not escaped (0.00%, not 0"%")."""
    bare = re.sub(r'"[^"]*"|[\\!].|\[[^\]]*\]', "", number_format)
    return "%" in bare


def _plain(number: Decimal) -> str:
    from ..values import format_decimal

    return format_decimal(number)


# --- reading a workbook ---------------------------------------------------------------------------


def load_grids(path: Path) -> list[Grid]:
    """Every visible sheet of a workbook, or an InputError that says what the file is not. The
    workbook is counted against the limits of :mod:`scoring.limits` before its grid is built."""
    if workbook_format(path) == "xls":
        return _load_xls(path)
    return _load_xlsx(path)


def _not_a_spreadsheet(path: Path, detail: str) -> InputError:
    return InputError(
        _("not a spreadsheet this reader understands ({detail})").format(detail=detail),
        file=str(path),
        hint=_("save it from Excel or WPS as .xlsx (or .xls), or convert it to TOML"),
        code="not-a-spreadsheet",
    )


def _refusal(
    path: Path, message: str, hint: str, code: str, where: str | None = None, cell: str = ""
) -> InputError:
    """What a file is not, or what is wrong in it: at ``where`` (a part of the file), or at
    ``cell`` (file!sheet!cell)."""
    problems = [Problem(message, where, hint, cell)] if cell else []
    return InputError(message, where, hint, file=str(path), code=code, problems=problems)


def _hidden_or_refused(path: Path, cell: str, unread: _ShownUnread, hidden: bool) -> Decimal:
    """The value of a number shown divided in words not read as the number shown: in a hidden
    row, column or sheet, which is not read, the number itself; else refused at ``cell``
    (表.xlsx!项目1!E7)."""
    if hidden:
        return unread.number
    raise _refusal(
        path,
        _(
            "the number {number} is shown divided by its number format {format}, in words that "
            "do not read as the number shown"
        ).format(number=_plain(unread.number), format=unread.number_format),
        _(
            "format the cell to show the number itself (no comma after its digits, no point "
            "written as text), or type the value as text as it is meant: {number} with its unit"
        ).format(number=_plain(unread.number)),
        "number-format-unread",
        cell=cell,
    )


def _password_protected(path: Path) -> InputError:
    return _refusal(
        path,
        _("protected with a password"),
        _(
            "save a copy without one (Excel: File → Info → Protect Workbook → Encrypt with "
            "Password, and clear it; WPS: 文件 → 文档加密) and score the copy"
        ),
        "password-protected",
    )


def _damaged(path: Path, what: str, where: str | None = None, cell: str = "") -> InputError:
    return _refusal(
        path,
        _("the workbook is damaged: {what}").format(what=what),
        _(
            "open it in Excel or WPS, which repair what they can, save it and score it again; or "
            "copy or download it again"
        ),
        "workbook-damaged",
        where,
        cell,
    )


# --- what a file is, from its first bytes --------------------------------------------------------

ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first member, or an empty zip
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 compound file
HEAD_BYTES = 4096
# How a web page begins: web systems export their tables as HTML named .xls, Excel opens them.
PAGE_STARTS = ("<!doctype html", "<html", "<head", "<body", "<table", "<meta", "mime-version:")
XML_SPREADSHEET = "urn:schemas-microsoft-com:office:spreadsheet"  # Excel 2003's XML format


def workbook_format(path: Path) -> str:
    """``"xlsx"`` or ``"xls"``, as the file's first bytes say, whatever its name (systems name
    one the other); otherwise an InputError that says what the file is: missing, empty, too
    large, protected with a password, a web page, text."""
    _workbook_size(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise _refusal(
            path,
            _("cannot read the file: {reason}").format(reason=system_reason(exc)),
            _("check its permissions"),
            "unreadable",
        ) from None
    if head.startswith(ZIP_SIGNATURES):
        return "xlsx"
    if head.startswith(OLE_SIGNATURE):
        _refuse_an_encrypted_package(path)
        return "xls"
    _refuse_a_page_or_text(path, head)
    if path.suffix.lower() == ".xls":
        return "xls"  # Excel's files before 97 may begin without a signature: xlrd knows them
    raise _not_a_spreadsheet(path, _("neither .xlsx nor .xls"))


def _workbook_size(path: Path) -> int:
    """The size of a workbook file, which must be a regular file, not empty, not too large."""
    import stat

    try:
        info = path.stat()
    except FileNotFoundError:
        raise _refusal(path, _("no such file"), _("check the path"), "not-found") from None
    except OSError as exc:
        raise _refusal(
            path,
            _("cannot read the file: {reason}").format(reason=system_reason(exc)),
            _("check the path"),
            "unreadable",
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise _refusal(
            path,
            _("this is a folder, not a file"),
            _("name the workbooks in it, e.g. folder/*.xlsx"),
            "not-found",
        )
    if not stat.S_ISREG(info.st_mode):
        raise _refusal(
            path,
            _("not a regular file (a pipe or a device): a workbook is read from a file"),
            _("save the workbook to a file and score that"),
            "not-a-file",
        )
    if info.st_size == 0:
        raise _refusal(
            path,
            _("not a spreadsheet: the file is empty (0 bytes)"),
            _("save the workbook again from Excel or WPS; a copy cut short is empty"),
            "not-a-spreadsheet",
        )
    if info.st_size > MAX_FILE_BYTES:
        raise _refusal(
            path,
            _("the file is {size}, more than the limit of {limit} for one file").format(
                size=_megabytes(info.st_size), limit=_megabytes(MAX_FILE_BYTES)
            ),
            _("remove pictures and sheets that are not part of the form, or split the workbook"),
            "too-large",
        )
    return info.st_size


def _megabytes(size: int) -> str:
    """A size as a person reads it: 64 MB, 2.4 MB, 12 KB."""
    if size < 2**20:
        return f"{size / 1024:,.0f} KB"
    return f"{size / 2**20:,.{0 if size >= 10 * 2**20 else 1}f} MB"


def _refuse_an_encrypted_package(path: Path) -> None:
    """An .xlsx saved with a password is not a zip but an OLE2 compound file holding the
    streams EncryptionInfo and EncryptedPackage; xlrd would call it an .xls without a workbook.
    The compound file's directory is read with xlrd's own reader."""
    import io

    from xlrd.compdoc import CompDoc

    try:
        directory = CompDoc(path.read_bytes(), logfile=io.StringIO()).dirlist
    except Exception:  # not a compound file xlrd can read: opening it says what is wrong
        return
    if {entry.name for entry in directory} & {"EncryptionInfo", "EncryptedPackage"}:
        raise _password_protected(path)


def _refuse_a_page_or_text(path: Path, head: bytes) -> None:
    """A web page, Excel 2003 XML or other text (CSV) saved under a workbook's name. A page is
    known by how it begins, whatever control characters its table holds; other text holds none
    (binary files do)."""
    text = _as_text(head, controls=True)
    if text is None:
        return
    start = text.lstrip().lower()
    if start.startswith(PAGE_STARTS) or (start.startswith("<?xml") and "<html" in start):
        raise _refusal(
            path,
            _("a web page (HTML), not a workbook"),
            _("open it in Excel or WPS and save it as .xlsx (web systems export pages named .xls)"),
            "not-a-spreadsheet",
        )
    if XML_SPREADSHEET in start:
        raise _refusal(
            path,
            _("an XML Spreadsheet 2003 file, not a workbook this reader understands"),
            _("open it in Excel or WPS and save it as .xlsx"),
            "not-a-spreadsheet",
        )
    if _as_text(head) is None:
        return  # control characters: a binary file, which its reader names
    raise _refusal(
        path,
        _("not a spreadsheet: the file is text (CSV or similar), not a workbook"),
        _("open it in Excel or WPS and save it as .xlsx, or convert it to TOML"),
        "not-a-spreadsheet",
    )


def _as_text(head: bytes, controls: bool = False) -> str | None:
    """The first bytes of a file as text (UTF-8, GB18030, or UTF-16 after its byte-order mark),
    or None when they do not decode, or hold control characters (as binary files do) unless
    ``controls``."""
    import codecs

    encodings: tuple[str, ...] = ("utf-8", "gb18030")
    for mark, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(mark):
            head, encodings = head[len(mark) :], (encoding,)
            break
    for encoding in encodings:
        try:  # not final: the head may end inside a character
            text = codecs.getincrementaldecoder(encoding)().decode(head)
        except UnicodeDecodeError:
            continue
        if controls or not any(ch < " " and ch not in "\t\r\n\f" for ch in text):
            return text
    return None


# --- the limits of one workbook ------------------------------------------------------------------


# What is too far out: a cell, merged range, hyperlink or comment, named in English in the code.
def _thing(what: str) -> str:
    """``what`` (``"a cell"``, ``"a merged range"``, ``"a hyperlink"``, ``"a comment"``) in the
    language of the messages."""
    return {
        "a cell": _("a cell"),
        "a merged range": _("a merged range"),
        "a hyperlink": _("a hyperlink"),
        "a comment": _("a comment"),
    }[what]


def _too_far(what: str, rows: bool) -> str:
    """What to do about ``what`` too far out, past the last row (``rows``) or column."""
    if what == "a cell" and rows:
        return _("delete the rows after the form (select them, then Delete) and save the workbook")
    if what == "a cell":
        return _(
            "delete the columns after the form (select them, then Delete) and save the workbook"
        )
    return {
        "a merged range": _("unmerge it and merge only cells of the form, then save the workbook"),
        "a hyperlink": _("remove the hyperlink, or give it one cell of the form"),
        "a comment": _("delete the comment, or move it into the form"),
    }[what]


class _Tally:
    """What a workbook holds, counted as it is surveyed, against the limits of
    :mod:`scoring.limits`: the first count past its limit refuses the workbook (exit 2), naming
    the sheet and the cell or range that passed it — before openpyxl or the grid does the work."""

    def __init__(self, path: Path):
        self.path = path
        self.elements = 0
        self.sheets = 0
        self.written = 0  # cells written in the XML
        self.cells = 0  # cells of the sheets' used ranges
        self.merged_cells = 0
        self.merged_ranges = 0
        self.listed_ranges = 0
        self.streamed: set[str] = set()  # the parts read through, each counted once

    def refuse(
        self, message: str, hint: str, sheet: str | None = None, ref: str = ""
    ) -> InputError:
        place = "!".join(p for p in (self.path.name, sheet, ref) if p) if sheet else None
        return InputError(
            message,
            None,
            hint,
            file=str(self.path),
            code="too-large",
            problems=[Problem(message, None, hint, place)],
        )

    def element(self, part: str) -> None:
        self.elements += 1
        if self.elements > MAX_XML_ELEMENTS:
            raise self.refuse(
                _(
                    "more than {limit} XML elements in the workbook, the limit (reached in {part})"
                ).format(limit=f"{MAX_XML_ELEMENTS:,}", part=part),
                _("save it again from Excel or WPS; if it still fails, split the workbook"),
            )

    def sheet(self, title: str) -> None:
        self.sheets += 1
        if self.sheets > MAX_SHEETS:
            raise self.refuse(
                _("more than {limit} sheets in the workbook, the limit").format(
                    limit=f"{MAX_SHEETS:,}"
                ),
                _(
                    "split the workbook into files of at most {limit} sheets and score them "
                    "one by one"
                ).format(limit=f"{MAX_SHEETS:,}"),
                title,
            )

    def reach(self, sheet: str, ref: str, row: int, column: int, what: str = "a cell") -> None:
        """``what`` (at ``ref``; a cell without a reference at its place) reaching ``row`` and
        ``column``, from 1, within the sheet's limits."""
        if row <= MAX_SHEET_ROWS and column <= MAX_SHEET_COLUMNS:
            return
        ref = ref or f"{column_letter(column - 1)}{row}"
        if row > MAX_SHEET_ROWS:
            raise self.refuse(
                _("{what} at row {row}, beyond row {last}, the last a sheet may use").format(
                    what=_thing(what), row=f"{row:,}", last=f"{MAX_SHEET_ROWS:,}"
                ),
                _too_far(what, rows=True),
                sheet,
                ref,
            )
        if column > MAX_SHEET_COLUMNS:
            raise self.refuse(
                _(
                    "{what} at column {column}, beyond column {last}, the last a sheet may use"
                ).format(
                    what=_thing(what),
                    column=column_letter(column - 1),
                    last=column_letter(MAX_SHEET_COLUMNS - 1),
                ),
                _too_far(what, rows=False),
                sheet,
                ref,
            )

    def write(self, sheet: str, ref: str) -> None:
        self.written += 1
        if self.written > MAX_CELLS:
            raise self.refuse(
                _("more than {limit} cells written in the workbook, the limit").format(
                    limit=f"{MAX_CELLS:,}"
                ),
                _("split the workbook, or save it again from Excel or WPS"),
                sheet,
                ref,
            )

    def span(self, sheet: str, ref: str, bounds: tuple[int, int, int, int], what: str) -> None:
        """A merged range, or a hyperlink or comment given for a range: openpyxl makes an
        object for each of its cells. ``bounds`` are (top, left, bottom, right), from 1."""
        top, left, bottom, right = bounds
        self.reach(sheet, ref, bottom, right, what)
        area = (bottom - top + 1) * (right - left + 1)
        self.merged_cells += area
        if self.merged_cells > MAX_MERGED_CELLS:
            raise self.refuse(
                _(
                    "merged ranges cover more than {limit} cells in the workbook, the limit "
                    "({ref} alone covers {area})"
                ).format(limit=f"{MAX_MERGED_CELLS:,}", ref=ref, area=f"{area:,}"),
                _(
                    "unmerge ranges larger than the form needs (select them, Merge & Center off) "
                    "and save the workbook"
                ),
                sheet,
                ref,
            )

    def merge(self, sheet: str, ref: str, bounds: tuple[int, int, int, int]) -> None:
        self.merged_ranges += 1
        if self.merged_ranges > MAX_MERGED_RANGES:
            raise self.refuse(
                _("more than {limit} merged ranges in the workbook, the limit").format(
                    limit=f"{MAX_MERGED_RANGES:,}"
                ),
                _("unmerge what is not part of the form, or split the workbook"),
                sheet,
                ref,
            )
        self.span(sheet, ref, bounds, "a merged range")

    def listed(self, sheet: str | None, count: int) -> None:
        """``count`` ranges listed by a data validation or conditional format (its sqref) or a
        print area: openpyxl makes an object for each when it reads the workbook."""
        self.listed_ranges += count
        if self.listed_ranges > MAX_LISTED_RANGES:
            raise self.refuse(
                _(
                    "more than {limit} ranges listed by data validation, conditional formatting "
                    "and print areas in the workbook, the limit"
                ).format(limit=f"{MAX_LISTED_RANGES:,}"),
                _(
                    "clear the rules and print areas that reach past the form (Data → Data "
                    "Validation → Clear All; Conditional Formatting → Clear Rules; Page Layout → "
                    "Print Area → Clear) and save the workbook"
                ),
                sheet,
            )

    def used_range(self, sheet: str, rows: int, columns: int) -> None:
        """A sheet's used range, A1 to its last row and column: reading and annotating the
        sheet go through every cell of it."""
        area = rows * columns
        self.cells += area
        if self.cells > MAX_CELLS:
            ref = f"A1:{column_letter(columns - 1)}{rows}"
            raise self.refuse(
                _(
                    "the sheets' used ranges hold more than {limit} cells in the workbook, the "
                    "limit (this sheet's, {ref}, holds {area})"
                ).format(limit=f"{MAX_CELLS:,}", ref=ref, area=f"{area:,}"),
                _(
                    "delete the rows and columns after the form on each sheet (a value or format "
                    "left far out makes the used range large), or split the workbook"
                ),
                sheet,
                ref,
            )


# --- an .xlsx surveyed: its zip, then its XML streamed --------------------------------------------
#
# What is counted is what openpyxl will load: the workbook part, its sheets and their comments are
# found with openpyxl's own functions (from [Content_Types].xml and the relationships, whatever the
# parts are named), and each part is counted as it streams before openpyxl parses it whole. In a
# sheet, elements are known by their local names, whatever their namespace and the root element:
# openpyxl takes every child of a row for a cell, and a merged range or hyperlink by its local name.
# Every other member of the zip is counted too, in case openpyxl reads it.

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _VALUE, _FORMULA = f"{_MAIN}row", f"{_MAIN}v", f"{_MAIN}f"
_MERGES, _COLUMN = f"{_MAIN}mergeCells", f"{_MAIN}col"
CONTENT_TYPES = "[Content_Types].xml"
# The parts a sheet's relationships point to that openpyxl reads with the sheet, by the end of the
# relationship's type: one that is missing fails the reading, or loses what it holds.
_READ_WITH_A_SHEET = ("/comments", "/drawing", "/pivotTable")
# The methods a zip member may be compressed by: Excel and WPS store or deflate; zipfile reads
# others (bzip2, LZMA) without bounding their output chunk by chunk.
_STORED, _DEFLATED, _AES = 0, 8, 99
_METHODS = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 98: "PPMd"}
# What a zip without a workbook part holds instead, by a part it has.
_OTHER_PACKAGES = ("xl/workbook.bin", "content.xml", "word/document.xml")


def _other_package(name: str) -> tuple[str, str]:
    """What a zip holding the part ``name`` (of :data:`_OTHER_PACKAGES`) is, and what to do."""
    if name == "xl/workbook.bin":
        return _("an Excel binary workbook (.xlsb)"), _("open it in Excel and save it as .xlsx")
    if name == "content.xml":
        return _("an OpenDocument spreadsheet (.ods)"), _(
            "open it in WPS, LibreOffice or Excel and save it as .xlsx"
        )
    return _("a Word document"), _("score the 自评表 workbook, not a document")


@dataclass
class _SheetSurvey:
    """What one sheet's XML holds, for the limits and for reading it."""

    rows: int = 0  # its used range, from cells, merged ranges, hyperlinks and comments
    columns: int = 0
    title: str = ""  # as openpyxl titles the sheet when it opens the workbook whole
    uncached: set = field(default_factory=set)  # (row, column) of formulas without a value
    merged: list = field(default_factory=list)  # (top, left, bottom, right) openpyxl merges
    hidden_rows: set = field(default_factory=set)  # rows marked hidden, from 1
    hidden_columns: list = field(default_factory=list)  # (first, last) columns marked hidden
    ordered: bool = True  # every row numbered after the one before it, as Excel writes them
    styled: bool = False  # a cell refers to a style (a number format)
    shared: bool = False  # a cell refers to a shared string


@dataclass
class _SheetPart:
    """A sheet of the workbook as openpyxl finds it: its title, its part, and whether it is a
    chartsheet (a chart on a sheet of its own, without cells)."""

    title: str
    part: str
    chart: bool


@dataclass
class _Package:
    """The parts of an .xlsx that openpyxl will load by what they are, not by their names."""

    names: set[str]
    sheets: list[_SheetPart]
    strings: str | None  # the shared strings, if [Content_Types].xml names a part for them


def survey_xlsx(path: Path) -> list[_SheetSurvey]:
    """An .xlsx counted against the limits before openpyxl opens it: the zip's members from its
    directory, then the parts openpyxl will load, found as it finds them and streamed (defusedxml)
    — sheets, cells, merged ranges, hyperlinks, comments, and each sheet's used range — and every
    other member that is XML. A damaged, missing or unsupported part is named. Returns what each
    worksheet holds, in the order openpyxl gives the worksheets."""
    import zipfile

    tally = _Tally(path)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_members(archive, path)
            package = _package(archive, tally)
            surveys = [
                _survey_sheet(archive, sheet.part, sheet.title, tally, package.names)
                for sheet in package.sheets
                if not sheet.chart
            ]
            titles = _titles_as_opened(tally.path, package.sheets)
            for survey, title in zip(surveys, titles):
                survey.title = title
            for part in (package.strings, *(s.part for s in package.sheets if s.chart)):
                if part in package.names and part not in tally.streamed:
                    _count(archive, part, tally)
            for name in archive.namelist():
                if name not in tally.streamed:
                    _count(archive, name, tally, lenient=not _named_xml(name))
    except zipfile.BadZipFile:
        raise _not_a_spreadsheet(path, _("a damaged or incomplete zip archive")) from None
    _refuse_missing_parts(path, package, surveys)
    return surveys


def _named_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _check_members(archive, path: Path) -> None:
    """The zip's members stored or deflated, without a password, and within the limits of size
    and compression — known from the zip's directory, before anything is unzipped."""
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1 or info.compress_type == _AES:
            raise _password_protected(path)
        if info.compress_type not in (_STORED, _DEFLATED):
            method = _METHODS.get(info.compress_type) or _("method {number}").format(
                number=info.compress_type
            )
            raise _refusal(
                path,
                _(
                    "not a spreadsheet this reader understands: {part} is compressed with "
                    "{method}, which Excel and WPS never use"
                ).format(part=info.filename, method=method),
                _("open it in Excel or WPS and save it as .xlsx"),
                "not-a-spreadsheet",
            )
        total += info.file_size
    size = path.stat().st_size
    if total > MAX_UNZIPPED_BYTES:
        raise _refusal(
            path,
            _("unzipped, the workbook is {size}, more than the limit of {limit}").format(
                size=_megabytes(total), limit=_megabytes(MAX_UNZIPPED_BYTES)
            ),
            _("remove pictures and sheets that are not part of the form, or split the workbook"),
            "too-large",
        )
    if total > MAX_COMPRESSION_RATIO * size:
        raise _refusal(
            path,
            _(
                "the workbook unzips to {ratio} times its size ({size}), more than the limit "
                "of {limit} times"
            ).format(
                ratio=f"{total // size:,}", size=_megabytes(total), limit=MAX_COMPRESSION_RATIO
            ),
            _("save it again from Excel or WPS: theirs unzip to a few times their size"),
            "too-large",
        )


def _events(archive, part: str, tally: _Tally, subject: str | None = None, lenient: bool = False):
    """The (event, element) pairs of one XML part, streamed: each element is taken from its
    parent once ended, so that memory stays small whatever the part's size, and each counts
    toward the limit of elements. A part that does not unzip, is not well-formed or declares
    entities is damage, named with ``subject`` (the part, or its sheet) — unless ``lenient``:
    then the part ends there (a picture is not XML; openpyxl reads no more of it either)."""
    import zlib
    from xml.etree.ElementTree import ParseError
    from zipfile import BadZipFile

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    subject = subject or _("the part")
    tally.streamed.add(part)
    ancestors: list = []
    try:
        with archive.open(part) as stream:
            for event, element in iterparse(stream, events=("start", "end")):
                if event == "start":
                    tally.element(part)
                    ancestors.append(element)
                else:
                    ancestors.pop()
                    if ancestors:  # it is its parent's last child: found at once
                        ancestors[-1].remove(element)
                yield event, element
    except ParseError as exc:
        if lenient:
            return
        reason = str(exc).rsplit(": line", 1)[0]
        line, column = exc.position
        where = _("{part}, line {line}, column {column}").format(
            part=part, line=line, column=column
        )
        what = _("{subject} is not well-formed XML ({reason})").format(
            subject=subject, reason=reason
        )
        raise _damaged(tally.path, what, where) from None
    except DefusedXmlException:
        if lenient:
            return
        raise _damaged(
            tally.path,
            _("{subject} declares XML entities, which Excel and WPS never write").format(
                subject=subject
            ),
            part,
        ) from None
    except (BadZipFile, zlib.error, EOFError):
        if lenient:
            return
        raise _damaged(
            tally.path, _("{subject} does not unzip").format(subject=subject), part
        ) from None


def _count(archive, part: str, tally: _Tally, lenient: bool = False) -> None:
    """A part streamed through: well-formed (unless ``lenient``), and within the limit of
    elements."""
    for _event in _events(archive, part, tally, lenient=lenient):
        pass


def _parsed(archive, part: str, tally: _Tally, parse):
    """What ``parse`` (openpyxl's own reading of ``part``, which builds the whole part at once)
    makes of the part, once it has streamed well-formed within the limits; what openpyxl cannot
    make of it is damage, named."""
    if part not in tally.streamed:
        _count(archive, part, tally)
    try:
        return parse()
    except Exception as exc:  # openpyxl raises the standard library's types and its own per fault
        raise _damaged(
            tally.path,
            _("{part} does not read as a part of a workbook ({error})").format(
                part=part, error=type(exc).__name__
            ),
            part,
        ) from None


def _root(archive, part: str, tally: _Tally) -> str:
    """The name of a part's root element, without its namespace: worksheet, workbook …"""
    for _event, element in _events(archive, part, tally, lenient=True):
        tally.streamed.discard(part)  # only looked into
        return _local(element.tag)
    return ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _true(text: str | None) -> bool:
    """An attribute read as openpyxl reads a boolean: anything but false, f, 0 or nothing."""
    return bool(text) and text not in ("false", "f", "0")


# --- which parts openpyxl loads ----------------------------------------------------------------


def _package(archive, tally: _Tally) -> _Package:
    """The parts openpyxl will load as the workbook, its sheets and its shared strings, found with
    openpyxl's own functions: the workbook part [Content_Types].xml names, whatever its name, and
    the sheets its relationships point to. Every sheet counts toward the limit of sheets; a sheet
    whose part is missing or outside the package (openpyxl would drop it without a word), and two
    sheets on one part (openpyxl would read it twice), are damage."""
    from openpyxl.packaging.manifest import Manifest
    from openpyxl.xml.constants import SHARED_STRINGS
    from openpyxl.xml.functions import fromstring

    names = set(archive.namelist())
    if CONTENT_TYPES not in names:
        if any(_root(archive, n, tally) == "workbook" for n in sorted(names) if _named_xml(n)):
            raise _damaged(
                tally.path,
                _("{part}, which says what each part is, is missing").format(part=CONTENT_TYPES),
            )
        raise _not_a_workbook_package(tally.path, names)
    manifest = _parsed(
        archive,
        CONTENT_TYPES,
        tally,
        lambda: Manifest.from_tree(fromstring(archive.read(CONTENT_TYPES))),
    )
    workbook = _workbook_part(manifest)
    if workbook is None:
        raise _not_a_workbook_package(tally.path, names)
    if workbook not in names:
        raise _damaged(
            tally.path,
            _("its workbook part, {part}, is missing").format(part=workbook),
            _("named in {part}").format(part=CONTENT_TYPES),
        )
    strings = manifest.find(SHARED_STRINGS)
    return _Package(
        names,
        _sheet_parts(archive, workbook, names, tally),
        strings.PartName[1:] if strings is not None else None,
    )


def _workbook_part(manifest) -> str | None:
    """The part openpyxl loads as the workbook: the first [Content_Types].xml names with a
    workbook's type (a template's, a macro workbook's, then a workbook's), else xl/workbook.xml
    when the default type of a kind of file is a workbook's."""
    from openpyxl.xml.constants import ARC_WORKBOOK, XLSM, XLSX, XLTM, XLTX

    kinds = (XLTM, XLTX, XLSM, XLSX)
    for kind in kinds:
        if (part := manifest.find(kind)) is not None:
            return part.PartName[1:]
    if {default.ContentType for default in manifest.Default} & set(kinds):
        return ARC_WORKBOOK
    return None


def _sheet_parts(archive, workbook: str, names: set[str], tally: _Tally) -> list[_SheetPart]:
    """The sheets of the workbook part, in its order, each with the part openpyxl loads for it."""
    from openpyxl.packaging.relationship import get_rels_path
    from openpyxl.reader.workbook import WorkbookParser

    _count_sheets(archive, workbook, tally)
    parser = WorkbookParser(archive, workbook, keep_links=False)  # links are counted as parts
    _parsed(archive, workbook, tally, parser.parse)
    rels = get_rels_path(workbook)
    targets = _parsed(archive, rels, tally, lambda: parser.rels) if rels in names else {}
    sheets: list[_SheetPart] = []
    held: dict[str, str] = {}  # the title of the sheet on each part
    for child in parser.sheets:
        title = child.name or ""
        relationship = targets.get(child.id) if child.id else None
        if relationship is None:
            raise _damaged(
                tally.path,
                _("the sheet 「{title}」 is not in the workbook: {rels} gives it no part").format(
                    title=title, rels=rels
                ),
                workbook,
            )
        part = relationship.target
        subject = _("the sheet 「{title}」").format(title=title)
        _refuse_a_part_not_held(tally.path, subject, relationship, names, rels)
        if part in held:
            raise _damaged(
                tally.path,
                _("the sheets 「{first}」 and 「{second}」 are one part").format(
                    first=held[part], second=title
                ),
                workbook,
            )
        held[part] = title
        sheets.append(_SheetPart(title, part, "chartsheet" in (relationship.Type or "")))
    return sheets


def _titles_as_opened(path: Path, sheets: list[_SheetPart]) -> list[str]:
    """The titles openpyxl gives the worksheets when it opens the workbook whole, which the
    reviewed workbook keeps: a sheet without a name is Sheet, a name taken before gets a number
    (项目1 twice is 项目1 and 项目11). A read-only workbook keeps the names as written."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.worksheets[0])  # the sheet a new workbook comes with
    titles = []
    for sheet in sheets:
        try:
            child = (
                book.create_chartsheet(sheet.title)
                if sheet.chart
                else book.create_sheet(sheet.title)
            )
        except ValueError:  # a character a sheet's name cannot hold: openpyxl cannot open it
            raise _damaged(
                path,
                _("the name of the sheet 「{title}」 is not a sheet's name").format(
                    title=sheet.title
                ),
            ) from None
        if not sheet.chart:
            titles.append(child.title)
    return titles


def _count_sheets(archive, workbook: str, tally: _Tally) -> None:
    """The workbook part streamed, each sheet counted toward the limit of sheets before openpyxl
    builds the part: openpyxl takes every child of <sheets> for a sheet, whatever its name. The
    ranges of a defined name (a print area lists them, separated by commas) count toward the
    listed ranges."""
    depth = 0
    inside: list[int] = []  # the depths of the <sheets> open
    for event, element in _events(archive, workbook, tally):
        if event == "end":
            if inside and inside[-1] == depth:
                inside.pop()
            if _local(element.tag) == "definedName" and element.text:
                tally.listed(None, element.text.count(",") + 1)
            depth -= 1
            continue
        depth += 1
        name = _local(element.tag)
        if name == "sheet" or (inside and inside[-1] == depth - 1):
            tally.sheet(element.get("name") or "")
        if name == "sheets":
            inside.append(depth)


def _refuse_a_part_not_held(path: Path, subject: str, relationship, names: set[str], rels: str):
    """A part that ``relationship`` (as openpyxl resolves it) points to, which openpyxl reads:
    held by the package, not outside it, nor missing."""
    import posixpath

    if relationship.target in names:
        return
    written = relationship.Target or relationship.target
    outside = relationship.TargetMode == "External" or posixpath.normpath(
        relationship.target
    ).startswith("..")
    if outside:
        raise _damaged(
            path,
            _("{subject} is not in the workbook: {rels} points to {target}, outside it").format(
                subject=subject, rels=rels, target=written
            ),
            rels,
        )
    raise _damaged(
        path,
        _("{subject} is not in the workbook: its part, {part}, is missing").format(
            subject=subject, part=relationship.target
        ),
        rels,
    )


# --- a sheet surveyed -------------------------------------------------------------------------


class _SheetWalk:
    """One worksheet's XML as it streams, read as openpyxl reads it whatever the part's root
    element and the namespaces of its elements: every child of a row is a cell, placed as
    openpyxl places one without a reference (after the one before it in its row; a row without
    a number is after the highest so far, which is where openpyxl puts it or further); merged
    ranges and hyperlinks are known by their local names, wherever they are. A row inside a row,
    which openpyxl would number in another order, is damage."""

    def __init__(self, title: str, part: str, tally: _Tally):
        self.title, self.part, self.tally = title, part, tally
        self.subject = _("the sheet 「{title}」").format(title=title)
        self.sheet = _SheetSurvey()
        self.open: list[str] = []  # the tags of the elements open, the root first
        self.row_depth = self.cell_depth = 0  # how deep the open row and cell are (0: none)
        self.row = self.highest = self.column = 0
        self.cell = (0, 0)
        self.formula = self.saved = False

    def start(self, element) -> None:
        depth = len(self.open) + 1
        name = _local(element.tag)
        if name == "row":
            self._row(element, depth)
        elif self.row_depth and depth == self.row_depth + 1:
            self._cell(element, depth)
        if name in ("mergeCell", "hyperlink"):
            self._range(element, name)
        elif element.tag == _COLUMN and _true(element.get("hidden")):
            self._hidden_columns(element)
        elif self.cell_depth and element.tag == _FORMULA:
            self.formula = True
        if (listed := element.get("sqref")) is not None:
            self.tally.listed(self.title, _ranges_in(listed))
        self.open.append(element.tag)

    def end(self, element) -> None:
        depth = len(self.open)
        self.open.pop()
        if self.cell_depth and element.tag == _VALUE:
            self.saved = bool(element.text)
        if depth == self.cell_depth:
            if self.formula and not self.saved:
                self.sheet.uncached.add((self.cell[0] - 1, self.cell[1] - 1))
            self.cell_depth = 0
        elif depth == self.row_depth:
            self.row_depth = 0

    def _row(self, element, depth: int) -> None:
        if self.row_depth:
            what = _("{subject} has a row inside a row").format(subject=self.subject)
            raise _damaged(self.tally.path, what, self.part)
        number = _row_number(element.get("r"), self.highest, self.tally, self.part, self.subject)
        self.sheet.ordered = self.sheet.ordered and number > self.highest
        self.row, self.highest = number, max(self.highest, number)
        self.row_depth, self.column = depth, 0
        if element.tag == _ROW and _true(element.get("hidden")):
            self.sheet.hidden_rows.add(number)

    def _cell(self, element, depth: int) -> None:
        ref = element.get("r")
        position = (
            _position(ref, self.tally, self.part, self.subject)
            if ref
            else (self.row, self.column + 1)
        )
        row, self.column = position
        self.tally.reach(self.title, ref or "", *position)
        self.tally.write(self.title, ref or "")
        self._extend(row, self.column)
        sheet = self.sheet
        sheet.styled = sheet.styled or element.get("s") not in (None, "", "0")
        sheet.shared = sheet.shared or element.get("t") == "s"
        self.cell, self.cell_depth = position, depth
        self.formula = self.saved = False

    def _range(self, element, name: str) -> None:
        ref = element.get("ref") or ""
        bounds = _bounds(ref, self.tally, self.part, self.subject)
        if name == "mergeCell":
            self.tally.merge(self.title, ref, bounds)
            if self.open and self.open[-1] == _MERGES:  # the ranges openpyxl merges
                self.sheet.merged.append(bounds)
        else:
            _span_or_reach(self.tally, self.title, ref, bounds, "a hyperlink")
        self._extend(bounds[2], bounds[3])

    def _hidden_columns(self, element) -> None:
        try:
            first = int(element.get("min") or "")
            last = int(element.get("max") or first)
        except ValueError:
            return  # openpyxl fails on the sheet when it reads it, which says so
        self.sheet.hidden_columns.append((first, last))

    def _extend(self, row: int, column: int) -> None:
        self.sheet.rows = max(self.sheet.rows, row)
        self.sheet.columns = max(self.sheet.columns, column)


def _survey_sheet(archive, part: str, title: str, tally: _Tally, names: set[str]) -> _SheetSurvey:
    """One worksheet's XML, streamed (see :class:`_SheetWalk`); then the parts openpyxl reads
    with it, held by the package, and its comments."""
    from openpyxl.packaging.relationship import get_dependents, get_rels_path

    walk = _SheetWalk(title, part, tally)
    for event, element in _events(archive, part, tally, walk.subject):
        if event == "start":
            walk.start(element)
        else:
            walk.end(element)
    sheet = walk.sheet
    rels = get_rels_path(part)
    if rels in names:
        related = _parsed(archive, rels, tally, lambda: get_dependents(archive, rels))
        for relationship in related:
            kind = relationship.Type or ""
            if not kind.endswith(_READ_WITH_A_SHEET):
                continue
            subject = _("a part of the sheet 「{title}」").format(title=title)
            _refuse_a_part_not_held(tally.path, subject, relationship, names, rels)
            if kind.endswith("/comments"):
                _survey_comments(archive, relationship.target, title, sheet, tally)
    tally.used_range(title, sheet.rows, sheet.columns)
    return sheet


def _survey_comments(archive, part: str, title: str, sheet: _SheetSurvey, tally: _Tally) -> None:
    """A sheet's comments: openpyxl puts each in its cell (every cell of a range), so they
    count toward the sheet's used range."""
    subject = _("the comments of 「{title}」").format(title=title)
    for event, element in _events(archive, part, tally, subject):
        if event == "end" and _local(element.tag) == "comment":
            ref = element.get("ref") or ""
            bounds = _bounds(ref, tally, part, _("a comment of 「{title}」").format(title=title))
            _span_or_reach(tally, title, ref, bounds, "a comment")
            sheet.rows, sheet.columns = max(sheet.rows, bounds[2]), max(sheet.columns, bounds[3])


def _span_or_reach(tally: _Tally, title: str, ref: str, bounds, what: str) -> None:
    """A hyperlink or comment: for a range, every cell of it; for one cell, that cell."""
    if ":" in ref:
        tally.span(title, ref, bounds, what)
    else:
        tally.reach(title, ref, bounds[2], bounds[3], what)


def _ranges_in(listed: str) -> int:
    """How many ranges a sqref lists ("B11 B12:B20 …", split at whitespace as openpyxl splits
    it), counted without splitting a list that may be megabytes long."""
    return sum(1 for _ in re.finditer(r"\S+", listed))


def _row_number(text: str | None, highest: int, tally: _Tally, part: str, subject: str) -> int:
    """A row's number, as openpyxl reads it: its r (an integer, from 1), else the one after the
    highest so far."""
    if text is None:
        return highest + 1
    try:
        number = float(text)
    except ValueError:
        number = 0.5
    if not number.is_integer() or number < 1:
        what = _("{subject} has a row numbered {number}").format(subject=subject, number=repr(text))
        raise _damaged(tally.path, what, part)
    return int(number)


def _position(ref: str, tally: _Tally, part: str, subject: str) -> tuple[int, int]:
    """A cell reference as (row, column), from 1, as openpyxl reads it."""
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        return coordinate_to_tuple(ref)
    except Exception:  # openpyxl raises ValueError, or others for odd references
        what = _("{subject} has a cell referred to as {ref}").format(subject=subject, ref=repr(ref))
        raise _damaged(tally.path, what, part) from None


def _bounds(ref: str, tally: _Tally, part: str, subject: str) -> tuple[int, int, int, int]:
    """A range (or one cell) as (top, left, bottom, right), from 1; a whole row or column
    (A:A, 3:3) reaches the sheet's end, as Excel's sheet has it."""
    from openpyxl.utils.cell import range_boundaries

    try:
        left, top, right, bottom = range_boundaries(ref)
    except Exception:  # ValueError, or others for an empty reference
        what = _("{subject} has a range referred to as {ref}").format(
            subject=subject, ref=repr(ref)
        )
        raise _damaged(tally.path, what, part) from None
    return (top or 1, left or 1, bottom or EXCEL_ROWS, right or EXCEL_COLUMNS)


EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384  # the size of an Excel sheet


def _refuse_missing_parts(path: Path, package: _Package, sheets: list[_SheetSurvey]) -> None:
    """Cells that refer to styles (number formats such as 0%) or shared strings the workbook
    does not hold: read without them, a 95% would read as 0.95 and text as nothing."""
    from openpyxl.xml.constants import ARC_STYLE

    if any(s.styled for s in sheets) and ARC_STYLE not in package.names:
        raise _damaged(
            path,
            _(
                "its cells have styles (number formats such as 0%), but xl/styles.xml, which "
                "holds them, is missing"
            ),
        )
    if any(s.shared for s in sheets) and package.strings not in package.names:
        raise _damaged(
            path,
            _(
                "its cells refer to shared texts, but xl/sharedStrings.xml, which holds them, "
                "is missing"
            ),
        )


def _not_a_workbook_package(path: Path, names: set[str]) -> InputError:
    """A zip without a workbook part: another kind of document, or none."""
    for name in _OTHER_PACKAGES:
        if name in names:
            what, hint = _other_package(name)
            message = _("{what}, not a workbook this reader understands").format(what=what)
            return _refusal(path, message, hint, "not-a-spreadsheet")
    return _not_a_spreadsheet(path, _("a zip archive without a workbook in it"))


# --- an .xlsx into grids ----------------------------------------------------------------------------


def open_xlsx(path: Path):
    """The .xlsx at ``path`` opened whole by openpyxl (the values Excel cached), to be
    annotated and saved, once it is counted against the limits."""
    surveys = survey_xlsx(path)
    workbook = _opened(path, read_only=False)
    _empty_dates_emptied(workbook)
    if any(survey.uncached for survey in surveys):
        _uncached_formulas_kept(workbook, path, surveys)
    return workbook


def _uncached_formulas_kept(workbook, path: Path, surveys: list[_SheetSurvey]) -> None:
    """A formula whose value the file does not carry (a file written by a program and never
    opened in Excel or WPS, such as ``scoring convert``'s 执行率) kept as the formula, which the
    spreadsheet computes on opening: opened for its values alone, it would be given back
    empty. The formulas are read from the rows the survey found them on, in read-only mode:
    opening the workbook whole a second time would double the time of returning it."""
    from openpyxl.cell.cell import MergedCell

    formulas = _opened(path, read_only=True, data_only=False)
    try:
        # the three list the worksheets in one order; titles may differ (see _titles_as_opened)
        for sheet, source, survey in zip(workbook.worksheets, formulas.worksheets, surveys):
            if not survey.uncached:
                continue
            rows, columns = zip(*survey.uncached)
            top, left = min(rows), min(columns)
            # bounds given: a read-only sheet stops at the used range its XML declares; a
            # position without a cell in the XML is an empty cell without a place of its own
            cells = source.iter_rows(
                min_row=top + 1, max_row=max(rows) + 1, min_col=left + 1, max_col=max(columns) + 1
            )
            for row_number, row in enumerate(cells, top):
                for column_number, cell in enumerate(row, left):
                    if (row_number, column_number) not in survey.uncached:
                        continue
                    target = sheet.cell(row=row_number + 1, column=column_number + 1)
                    # a cell a merged range covers shows nothing, and keeps nothing
                    if isinstance(target, MergedCell) or cell.data_type != "f":
                        continue
                    if target.value is None:
                        target.value = cell.value
    finally:
        formulas.close()


def _empty_dates_emptied(workbook) -> None:
    """A cell typed as a date that holds no date (t="d" without a value, which Excel never
    writes) made an empty cell, as it reads: openpyxl reads it, then fails to write it back."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "d" and cell.value is None:
                    cell.data_type = "n"


def _opened(path: Path, read_only: bool, data_only: bool = True):
    """openpyxl's workbook of the .xlsx at ``path`` (the values Excel saved, or with
    ``data_only`` False its formulas); what it cannot read is damage."""
    import openpyxl

    try:
        with path.open("rb") as handle:  # a file, not a name: openpyxl would refuse .xls
            if read_only:  # it reads the sheets when asked for their cells, from the file
                data = io.BytesIO(handle.read())
                return openpyxl.load_workbook(data, read_only=True, data_only=data_only)
            return openpyxl.load_workbook(handle, data_only=data_only)
    except Exception as exc:  # openpyxl raises the standard library's types and its own per fault
        raise _damaged(
            path,
            _("its parts do not read as a workbook ({error})").format(error=type(exc).__name__),
        ) from None


def _load_xlsx(path: Path) -> list[Grid]:
    """Each visible worksheet of the .xlsx as a grid. Its cells are read from openpyxl's
    read-only sheets, and its merged ranges, hidden rows and columns from the survey: openpyxl's
    whole workbook borders and protects every cell of every merged range one by one (about 50 µs
    a cell and 0.3 ms a range), which reading does not need. A sheet whose rows are out of order,
    which a read-only sheet would skip, is read from the whole workbook instead."""
    surveys = survey_xlsx(path)
    if not all(survey.ordered for survey in surveys):
        return _grids_of_a_whole_workbook(path, _opened(path, read_only=False), surveys)
    workbook = _opened(path, read_only=True)
    try:
        sheets = workbook.worksheets
        if len(sheets) != len(surveys):  # the survey found the sheets as openpyxl finds them
            raise _damaged(path, _("its sheets do not read as the workbook part lists them"))
        return [_read_only_grid(path, sheet, survey) for sheet, survey in zip(sheets, surveys)]
    finally:
        workbook.close()


def _read_only_grid(path: Path, sheet, survey: _SheetSurvey) -> Grid:
    """A grid of a read-only sheet, sized, merged and hidden as its survey found."""
    rows, columns = max(survey.rows, 1), max(survey.columns, 1)  # as openpyxl sizes a sheet
    title = survey.title
    grid = Grid(str(path), title, rows=rows, columns=columns, uncached=survey.uncached)
    grid.shown = sheet.sheet_state == "visible"
    hidden_rows = {r - 1 for r in survey.hidden_rows}
    hidden_columns = {
        c - 1
        for first, last in survey.hidden_columns
        # a hidden range may run to column XFD: only the used columns matter
        for c in range(max(first, 1), min(last, columns) + 1)
    }
    covered = _covered(survey.merged)
    try:
        for row in sheet.iter_rows(min_row=1, max_row=rows, min_col=1, max_col=columns):
            for cell in row:
                if cell.value is None or (cell.row - 1, cell.column - 1) in covered:
                    continue  # a cell a merged range covers holds no value of its own
                value = _xlsx_value(path, grid, cell, hidden_rows, hidden_columns)
                if value is not None:
                    _put(grid, cell.row - 1, cell.column - 1, value, hidden_rows, hidden_columns)
    except InputError:
        raise
    except Exception as exc:  # openpyxl reads the sheet as it is iterated, and raises per fault
        raise _damaged(
            path,
            _("the sheet 「{title}」 does not read as a worksheet ({error})").format(
                title=title, error=type(exc).__name__
            ),
        ) from None
    for top, left, bottom, right in survey.merged:
        _fill(grid, top - 1, left - 1, bottom - 1, right - 1)
    return grid


def _xlsx_value(path: Path, grid: Grid, cell, hidden_rows, hidden_columns):
    """An .xlsx cell of ``grid``'s sheet as the scorer reads it, with its number format
    (:func:`_cell_value`)."""
    try:
        return _cell_value(cell.value, _number_format(path, grid.sheet, cell))
    except _ShownUnread as unread:
        row, column = cell.row - 1, cell.column - 1
        hidden = not grid.shown or row in hidden_rows or column in hidden_columns
        return _hidden_or_refused(path, grid.address(row, column), unread, hidden)


def _covered(merged: list) -> set[tuple[int, int]]:
    """The cells, from 0, that merged ranges cover other than their first: openpyxl gives them no
    value of their own (at most MAX_MERGED_CELLS)."""
    return {
        (row, column)
        for top, left, bottom, right in merged
        for row in range(top - 1, bottom)
        for column in range(left - 1, right)
        if (row, column) != (top - 1, left - 1)
    }


def _number_format(path: Path, title: str, cell) -> str:
    """A cell's number format; a style or number format the workbook's styles do not hold is
    damage, named at the cell (openpyxl raises IndexError)."""
    try:
        return cell.number_format or ""
    except IndexError:
        pass
    try:
        what = _("the cell's number format ({number}) is not in xl/styles.xml").format(
            number=cell.style_array.numFmtId
        )
    except IndexError:  # a read-only cell's style itself
        what = _("the cell's style is not in xl/styles.xml")
    except AttributeError:  # a cell of a whole workbook, whose style was found when it was opened
        what = _("the number format of the cell's style is not in xl/styles.xml")
    raise _damaged(path, what, cell=f"{path.name}!{title}!{cell.coordinate}")


def _grids_of_a_whole_workbook(path: Path, workbook, surveys: list[_SheetSurvey]) -> list[Grid]:
    """Each sheet of a workbook openpyxl opened whole, as a grid."""
    from openpyxl.cell.cell import MergedCell

    grids = []
    for sheet, survey in zip(workbook.worksheets, surveys):
        grid = Grid(str(path), sheet.title, rows=sheet.max_row, columns=sheet.max_column)
        grid.uncached = survey.uncached
        grid.shown = sheet.sheet_state == "visible"
        hidden_rows = {r - 1 for r, d in sheet.row_dimensions.items() if d.hidden}
        hidden_columns = {
            c - 1
            for d in sheet.column_dimensions.values()
            if d.hidden and d.min
            # a hidden range may run to column XFD: only the used columns matter
            for c in range(d.min, min(d.max or d.min, grid.columns) + 1)
        }
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell, MergedCell):
                    continue  # never a value of its own: its range's first cell has it
                value = _xlsx_value(path, grid, cell, hidden_rows, hidden_columns)
                if value is not None:
                    _put(grid, cell.row - 1, cell.column - 1, value, hidden_rows, hidden_columns)
        for merged in sheet.merged_cells.ranges:
            _fill(
                grid, merged.min_row - 1, merged.min_col - 1, merged.max_row - 1, merged.max_col - 1
            )
        grids.append(grid)
    return grids


# --- an .xls, sheet by sheet ---------------------------------------------------------------------------


def open_xls(path: Path):
    """The .xls at ``path`` opened by xlrd with its number formats, its sheets not yet read:
    :func:`xls_sheets` reads them one at a time, each counted against the limits."""
    import io

    import xlrd

    try:
        return xlrd.open_workbook(
            str(path),
            formatting_info=True,
            on_demand=True,
            ragged_rows=True,  # a row holds its cells, not blanks up to the widest row's
            logfile=io.StringIO(),  # xlrd's warnings about odd files are not the user's
        )
    except Exception as exc:  # xlrd raises its own and the standard library's types per fault
        if "encrypted" in str(exc).lower():  # xlrd's "Workbook is encrypted": a FILEPASS record
            raise _password_protected(path) from None
        raise _not_a_spreadsheet(path, type(exc).__name__) from None


def xls_sheets(book, path: Path):
    """Each sheet of an .xls opened by :func:`open_xls`, read and counted against the limits
    before it is handed on, and let go after."""
    tally = _Tally(path)
    for name in book.sheet_names():
        tally.sheet(name)
    for index in range(book.nsheets):
        try:
            sheet = book.sheet_by_index(index)
        except Exception as exc:  # a damaged sheet: xlrd raises per fault
            raise _not_a_spreadsheet(path, type(exc).__name__) from None
        _count_xls_sheet(sheet, tally)
        yield sheet
        book.unload_sheet(index)


def _count_xls_sheet(sheet, tally: _Tally) -> None:
    rows, columns = sheet.nrows, sheet.ncols
    if rows and columns:
        tally.reach(sheet.name, f"{column_letter(columns - 1)}{rows}", rows, columns)
    for top, bottom, left, right in sheet.merged_cells:  # half-open, from 0
        ref = f"{column_letter(left)}{top + 1}:{column_letter(right - 1)}{bottom}"
        tally.merge(sheet.name, ref, (top + 1, left + 1, bottom, right))
        rows, columns = max(rows, bottom), max(columns, right)
    tally.used_range(sheet.name, rows, columns)


def _load_xls(path: Path) -> list[Grid]:
    book = open_xls(path)
    grids = []
    try:
        for sheet in xls_sheets(book, path):
            grid = Grid(str(path), sheet.name, rows=sheet.nrows, columns=sheet.ncols)
            grid.shown = not sheet.visibility
            hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden}
            hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
            for r in range(sheet.nrows):
                for c in range(sheet.row_len(r)):
                    place = xls_place(path, sheet, r, c)
                    try:
                        value = _xls_value(book, sheet.cell(r, c), path, place)
                    except _ShownUnread as unread:
                        hidden = not grid.shown or r in hidden_rows or c in hidden_columns
                        value = _hidden_or_refused(path, place(), unread, hidden)
                    if value is not None:
                        _put(grid, r, c, value, hidden_rows, hidden_columns)
            for top, bottom, left, right in sheet.merged_cells:  # half-open, as xlrd gives them
                _fill(grid, top, left, bottom - 1, right - 1)
            grids.append(grid)
    finally:
        book.release_resources()
    return grids


def _xls_value(book, cell, path: Path, place):
    """A .xls cell as the scorer reads it, with its number format, as for .xlsx. ``place`` gives
    the cell's address, for a message."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_ERROR:  # shown as Excel shows it, and never read as a value
        return xlrd.error_text_from_code.get(cell.value, "#VALUE!")
    _xf, number_format = xls_format(book, cell, path, place)
    if cell.ctype == xlrd.XL_CELL_DATE:
        moment = xls_date(book, cell)
        if moment is not None:
            return _cell_value(moment, number_format)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return _cell_value(bool(cell.value))
    return _cell_value(cell.value, number_format)


def xls_place(path: Path, sheet, row: int, column: int):
    """A function giving the address of an .xls cell (表.xls!项目1!B7), made only for a message."""
    return lambda: f"{path.name}!{sheet.name}!{column_letter(column)}{row + 1}"


def xls_format(book, cell, path: Path, place) -> tuple:
    """The format record (XF) of an .xls cell, and its number format. A cell whose format the
    workbook does not hold is damage, named at ``place()`` (xlrd reads it without a word)."""
    try:
        xf = book.xf_list[cell.xf_index]
        return xf, book.format_map[xf.format_key].format_str
    except (IndexError, KeyError):
        raise _damaged(
            path,
            _("the cell's format (XF {number}) is not in the workbook").format(
                number=cell.xf_index
            ),
            cell=place(),
        ) from None


def xls_date(book, cell):
    """An .xls cell formatted as a date as a datetime; None when its number is no date (Excel
    shows ######): it is then read as the number it is."""
    import xlrd

    try:
        return xlrd.xldate_as_datetime(cell.value, book.datemode)
    except (ValueError, OverflowError):
        return None


def _put(grid: Grid, row: int, column: int, value, hidden_rows, hidden_columns) -> None:
    """A cell into the grid, unless its row or column is hidden (then remembered)."""
    if row in hidden_rows or column in hidden_columns:
        if row in hidden_rows:
            grid.hidden_rows.add(row)
        if column in hidden_columns:
            grid.hidden_columns.add(column)
        return
    grid.cells[(row, column)] = value
    if isinstance(value, str) and value in EXCEL_ERRORS:
        grid.errors.add((row, column))


def _fill(grid: Grid, top: int, left: int, bottom: int, right: int) -> None:
    value = grid.cells.get((top, left))
    if value is None:
        return
    for row in range(top, bottom + 1):
        for column in range(left, right + 1):
            grid.cells.setdefault((row, column), value)
            if bottom > top:
                grid.spans[(row, column)] = (top, left, bottom, right)
    grid.rows = max(grid.rows, bottom + 1)
    grid.columns = max(grid.columns, right + 1)
