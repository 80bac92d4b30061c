"""A worksheet as a grid of cached values, whatever the file format.

``.xlsx`` is read with openpyxl (``data_only``: the values Excel cached, formulas are never
evaluated; defusedxml guards the XML), ``.xls`` with xlrd, which keeps each cell's number
format, so a cell shown as 95% reads as ``95%`` in either. A formula whose value was never
saved (a file written by a program, not by Excel) is remembered, so that it is named rather
than read as empty. Hidden rows and columns are not part of the form a unit prints and stamps:
their cells are not read, and the grid remembers which held values, to say so. A merged range shows its top-left value in every cell it covers, so a
一级指标 label merged over five rows reads on each of them. Every value keeps its address,
e.g. ``表.xlsx!项目1!F14``.

Before a grid is built the workbook is counted against the limits of :mod:`scoring.limits`
(sheets, rows, columns, cells, merged ranges, XML, and how far an ``.xlsx`` unzips), from the
zip's directory and its XML streamed, or an ``.xls`` sheet by sheet: a file that passes one is
refused at once, naming the sheet and the cell or range, instead of hanging the reader. What a
file is comes from its first bytes, not its name: a workbook protected with a password, a web
page or a CSV file named ``.xls``, or a damaged part is said as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from ..errors import InputError, Problem
from ..limits import (
    MAX_CELLS,
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
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
    # rows and columns hidden in the sheet, whose cells held values: not read, and said so
    hidden: list = field(default_factory=list)

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
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        # a cached float as Excel shows it: 15 significant digits (9.500000000000002 is 9.5)
        number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
        if _percent_format(number_format):
            # 0.95 shown as 95% in Excel is 95% on the form
            return f"{_plain(number * 100)}%"
        return number
    if isinstance(value, (datetime, date)):
        return _date_as_shown(value, number_format)
    return str(value).strip()


def _date_as_shown(value, number_format: str) -> str:
    """A date cell as the form shows it: Excel keeps 2024年6月 as 2024-06-01, so a format without
    a day gives the month (2024年6月), without a month the year, and a full date its ISO day."""
    import re

    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format).lower()
    if number_format and "d" not in bare:
        if "m" not in bare:
            return f"{value.year}年"
        return f"{value.year}年{value.month}月"
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def _percent_format(number_format: str) -> bool:
    """A format that multiplies by 100: a % outside quotes and not escaped (0.00%, not 0"%")."""
    import re

    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)
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
        f"not a spreadsheet this reader understands ({detail})",
        file=str(path),
        hint="save it from Excel or WPS as .xlsx (or .xls), or convert it to TOML",
        code="not-a-spreadsheet",
    )


def _refusal(
    path: Path, message: str, hint: str, code: str, where: str | None = None
) -> InputError:
    return InputError(message, where, hint, file=str(path), code=code)


def _password_protected(path: Path) -> InputError:
    return _refusal(
        path,
        "protected with a password",
        "save a copy without one (Excel: File → Info → Protect Workbook → Encrypt with Password, "
        "and clear it; WPS: 文件 → 文档加密) and score the copy",
        "password-protected",
    )


def _damaged(path: Path, what: str, where: str | None = None) -> InputError:
    return _refusal(
        path,
        f"the workbook is damaged: {what}",
        "open it in Excel or WPS, which repair what they can, save it and score it again; or "
        "copy or download it again",
        "workbook-damaged",
        where,
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
            path, f"cannot read the file: {exc.strerror}", "check its permissions", "not-found"
        ) from None
    if head.startswith(ZIP_SIGNATURES):
        return "xlsx"
    if head.startswith(OLE_SIGNATURE):
        _refuse_an_encrypted_package(path)
        return "xls"
    _refuse_a_page_or_text(path, head)
    if path.suffix.lower() == ".xls":
        return "xls"  # Excel's files before 97 may begin without a signature: xlrd knows them
    raise _not_a_spreadsheet(path, "neither .xlsx nor .xls")


def _workbook_size(path: Path) -> int:
    """The size of a workbook file, which must be a regular file, not empty, not too large."""
    import stat

    try:
        info = path.stat()
    except FileNotFoundError:
        raise _refusal(path, "no such file", "check the path", "not-found") from None
    except OSError as exc:
        raise _refusal(
            path, f"cannot read the file: {exc.strerror}", "check the path", "not-found"
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise _refusal(
            path,
            "this is a folder, not a file",
            "name the workbooks in it, e.g. folder/*.xlsx",
            "not-found",
        )
    if not stat.S_ISREG(info.st_mode):
        raise _refusal(
            path,
            "not a regular file (a pipe or a device): a workbook is read from a file",
            "save the workbook to a file and score that",
            "not-a-file",
        )
    if info.st_size == 0:
        raise _refusal(
            path,
            "not a spreadsheet: the file is empty (0 bytes)",
            "save the workbook again from Excel or WPS; a copy cut short is empty",
            "not-a-spreadsheet",
        )
    if info.st_size > MAX_FILE_BYTES:
        raise _refusal(
            path,
            f"the file is {_megabytes(info.st_size)}, more than the limit of "
            f"{_megabytes(MAX_FILE_BYTES)} for one file",
            "remove pictures and sheets that are not part of the form, or split the workbook",
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
    """A web page, Excel 2003 XML or other text (CSV) saved under a workbook's name."""
    text = _as_text(head)
    if text is None:
        return
    start = text.lstrip().lower()
    if start.startswith(PAGE_STARTS) or (start.startswith("<?xml") and "<html" in start):
        raise _refusal(
            path,
            "a web page (HTML), not a workbook",
            "open it in Excel or WPS and save it as .xlsx (web systems export pages named .xls)",
            "not-a-spreadsheet",
        )
    if XML_SPREADSHEET in start:
        raise _refusal(
            path,
            "an XML Spreadsheet 2003 file, not a workbook this reader understands",
            "open it in Excel or WPS and save it as .xlsx",
            "not-a-spreadsheet",
        )
    raise _refusal(
        path,
        "not a spreadsheet: the file is text (CSV or similar), not a workbook",
        "open it in Excel or WPS and save it as .xlsx, or convert it to TOML",
        "not-a-spreadsheet",
    )


def _as_text(head: bytes) -> str | None:
    """The first bytes of a file as text (UTF-8, GB18030, or UTF-16 after its byte-order mark),
    or None when they hold control characters, as binary files do."""
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
        if not any(ch < " " and ch not in "\t\r\n\f" for ch in text):
            return text
    return None


# --- the limits of one workbook ------------------------------------------------------------------


# What to do about a cell, range, hyperlink or comment too far out, by what it is.
TOO_FAR = {
    "a cell": "delete the {} after the form (select them, then Delete) and save the workbook",
    "a merged range": "unmerge it and merge only cells of the form, then save the workbook",
    "a hyperlink": "remove the hyperlink, or give it one cell of the form",
    "a comment": "delete the comment, or move it into the form",
}


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
                f"more than {MAX_XML_ELEMENTS:,} XML elements in the workbook, the limit "
                f"(reached in {part})",
                "save it again from Excel or WPS; if it still fails, split the workbook",
            )

    def sheet(self, title: str) -> None:
        self.sheets += 1
        if self.sheets > MAX_SHEETS:
            raise self.refuse(
                f"more than {MAX_SHEETS:,} sheets in the workbook, the limit",
                f"split the workbook into files of at most {MAX_SHEETS:,} sheets and score them "
                "one by one",
                title,
            )

    def reach(self, sheet: str, ref: str, row: int, column: int, what: str = "a cell") -> None:
        """``what`` (at ``ref``) reaching ``row`` and ``column``, from 1, within the sheet's
        limits."""
        if row > MAX_SHEET_ROWS:
            raise self.refuse(
                f"{what} at row {row:,}, beyond row {MAX_SHEET_ROWS:,}, the last a sheet may use",
                TOO_FAR[what].format("rows"),
                sheet,
                ref,
            )
        if column > MAX_SHEET_COLUMNS:
            raise self.refuse(
                f"{what} at column {column_letter(column - 1)}, beyond column "
                f"{column_letter(MAX_SHEET_COLUMNS - 1)}, the last a sheet may use",
                TOO_FAR[what].format("columns"),
                sheet,
                ref,
            )

    def write(self, sheet: str, ref: str) -> None:
        self.written += 1
        if self.written > MAX_CELLS:
            raise self.refuse(
                f"more than {MAX_CELLS:,} cells written in the workbook, the limit",
                "split the workbook, or save it again from Excel or WPS",
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
                f"merged ranges cover more than {MAX_MERGED_CELLS:,} cells in the workbook, the "
                f"limit ({ref} alone covers {area:,})",
                "unmerge ranges larger than the form needs (select them, Merge & Center off) and "
                "save the workbook",
                sheet,
                ref,
            )

    def merge(self, sheet: str, ref: str, bounds: tuple[int, int, int, int]) -> None:
        self.merged_ranges += 1
        if self.merged_ranges > MAX_MERGED_RANGES:
            raise self.refuse(
                f"more than {MAX_MERGED_RANGES:,} merged ranges in the workbook, the limit",
                "unmerge what is not part of the form, or split the workbook",
                sheet,
                ref,
            )
        self.span(sheet, ref, bounds, "a merged range")

    def used_range(self, sheet: str, rows: int, columns: int) -> None:
        """A sheet's used range, A1 to its last row and column: reading and annotating the
        sheet go through every cell of it."""
        area = rows * columns
        self.cells += area
        if self.cells > MAX_CELLS:
            ref = f"A1:{column_letter(columns - 1)}{rows}"
            raise self.refuse(
                f"the sheets' used ranges hold more than {MAX_CELLS:,} cells in the workbook, the "
                f"limit (this sheet's, {ref}, holds {area:,})",
                "delete the rows and columns after the form on each sheet (a value or format "
                "left far out makes the used range large), or split the workbook",
                sheet,
                ref,
            )


# --- an .xlsx surveyed: its zip, then its XML streamed --------------------------------------------

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}v", f"{_MAIN}f"
_MERGE, _LINK, _COMMENT = f"{_MAIN}mergeCell", f"{_MAIN}hyperlink", f"{_MAIN}comment"
# The methods a zip member may be compressed by: Excel and WPS store or deflate; zipfile reads
# others (bzip2, LZMA) without bounding their output chunk by chunk.
_STORED, _DEFLATED, _AES = 0, 8, 99
_METHODS = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 98: "PPMd"}
# What a zip without a workbook part holds instead, by a part it has.
_OTHER_PACKAGES = {
    "xl/workbook.bin": (
        "an Excel binary workbook (.xlsb)",
        "open it in Excel and save it as .xlsx",
    ),
    "content.xml": (
        "an OpenDocument spreadsheet (.ods)",
        "open it in WPS, LibreOffice or Excel and save it as .xlsx",
    ),
    "word/document.xml": ("a Word document", "score the 自评表 workbook, not a document"),
}


@dataclass
class _SheetSurvey:
    """What one sheet's XML holds, for the limits and for reading it."""

    rows: int = 0  # its used range, from cells, merged ranges, hyperlinks and comments
    columns: int = 0
    uncached: set = field(default_factory=set)  # (row, column) of formulas without a value
    styled: bool = False  # a cell refers to a style (a number format)
    shared: bool = False  # a cell refers to a shared string


def survey_xlsx(path: Path) -> dict[str, set]:
    """An .xlsx counted against the limits before openpyxl opens it: the zip's members from its
    directory, then every XML part streamed (defusedxml) — sheets, cells, merged ranges,
    hyperlinks, comments, and each sheet's used range. A damaged or unsupported part is named.
    Returns, by sheet title, the cells whose formula has no saved value."""
    import zipfile

    tally = _Tally(path)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = _xml_parts(archive, path)
            roots = {part: _root(archive, part, tally) for part in parts}
            if "workbook" not in roots.values():
                raise _not_a_workbook_package(path, set(archive.namelist()))
            titles = _sheet_titles(archive, roots, tally)
            sheets = {}
            for part in (p for p, root in roots.items() if root == "worksheet"):
                title = titles.get(part, part)
                sheets[title] = _survey_sheet(archive, part, title, tally)
            for part in (p for p in parts if p not in tally.streamed):
                for _ in _events(archive, part, tally):
                    pass  # well-formed, and within the limit of elements
    except zipfile.BadZipFile:
        raise _not_a_spreadsheet(path, "a damaged or incomplete zip archive") from None
    _refuse_missing_parts(path, parts, list(sheets.values()))
    return {title: sheet.uncached for title, sheet in sheets.items() if sheet.uncached}


def _xml_parts(archive, path: Path) -> list[str]:
    """The XML parts of the zip, once its members are known to be stored or deflated, without
    a password, and within the limits of size and compression."""
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1 or info.compress_type == _AES:
            raise _password_protected(path)
        if info.compress_type not in (_STORED, _DEFLATED):
            method = _METHODS.get(info.compress_type, f"method {info.compress_type}")
            raise _refusal(
                path,
                f"not a spreadsheet this reader understands: {info.filename} is compressed with "
                f"{method}, which Excel and WPS never use",
                "open it in Excel or WPS and save it as .xlsx",
                "not-a-spreadsheet",
            )
        total += info.file_size
    size = path.stat().st_size
    if total > MAX_UNZIPPED_BYTES:
        raise _refusal(
            path,
            f"unzipped, the workbook is {_megabytes(total)}, more than the limit of "
            f"{_megabytes(MAX_UNZIPPED_BYTES)}",
            "remove pictures and sheets that are not part of the form, or split the workbook",
            "too-large",
        )
    if total > MAX_COMPRESSION_RATIO * size:
        raise _refusal(
            path,
            f"the workbook unzips to {total // size:,} times its size ({_megabytes(total)}), "
            f"more than the limit of {MAX_COMPRESSION_RATIO} times",
            "save it again from Excel or WPS: theirs unzip to a few times their size",
            "too-large",
        )
    names = (info.filename for info in archive.infolist())
    return list(dict.fromkeys(n for n in names if n.lower().endswith((".xml", ".rels"))))


def _events(archive, part: str, tally: _Tally, subject: str | None = None):
    """The (event, element) pairs of one XML part, streamed: each element is taken from its
    parent once ended, so that memory stays small whatever the part's size, and each counts
    toward the limit of elements. A part that does not unzip, is not well-formed or declares
    entities is damage, named with ``subject`` (the part, or its sheet)."""
    import zlib
    from xml.etree.ElementTree import ParseError
    from zipfile import BadZipFile

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    subject = subject or "the part"
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
        reason = str(exc).rsplit(": line", 1)[0]
        line, column = exc.position
        where = f"{part}, line {line}, column {column}"
        raise _damaged(tally.path, f"{subject} is not well-formed XML ({reason})", where) from None
    except DefusedXmlException:
        raise _damaged(
            tally.path, f"{subject} declares XML entities, which Excel and WPS never write", part
        ) from None
    except (BadZipFile, zlib.error, EOFError):
        raise _damaged(tally.path, f"{subject} does not unzip", part) from None


def _root(archive, part: str, tally: _Tally) -> str:
    """The name of a part's root element, without its namespace: worksheet, workbook …"""
    for _, element in _events(archive, part, tally):
        tally.streamed.discard(part)  # only looked into
        return _local(element.tag)
    return ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_titles(archive, roots: dict[str, str], tally: _Tally) -> dict[str, str]:
    """Each worksheet part's title, from the workbook part and its relationships. Every sheet
    counts toward the limit of sheets; two sheets on one part (openpyxl would read it twice)
    are damage."""
    titles: dict[str, str] = {}
    for part in (p for p, root in roots.items() if root == "workbook"):
        targets = _relationships(archive, part, tally)
        for event, element in _events(archive, part, tally):
            if event != "end" or _local(element.tag) != "sheet":
                continue
            title = element.get("name") or ""
            tally.sheet(title)
            key = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            target = targets.get(key, ("", ""))[1]
            if target in titles:
                raise _damaged(
                    tally.path,
                    f"the sheets 「{titles[target]}」 and 「{title}」 are one part",
                    part,
                )
            if target:
                titles[target] = title
    return titles


def _relationships(archive, part: str, tally: _Tally) -> dict[str, tuple[str, str]]:
    """A part's relationships: by id, its type and the part it points to, resolved as openpyxl
    resolves them."""
    import posixpath

    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    found = {}
    for event, element in _events(archive, rels, tally):
        target = element.get("Target") or ""
        if event != "end" or not target or element.get("TargetMode") == "External":
            continue
        resolved = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        found[element.get("Id") or ""] = (element.get("Type") or "", posixpath.normpath(resolved))
    return found


def _survey_sheet(archive, part: str, title: str, tally: _Tally) -> _SheetSurvey:
    """One worksheet's XML, streamed: where each cell is (as openpyxl places a cell without a
    reference: after the previous one), merged ranges, hyperlinks; then its comments."""
    sheet = _SheetSurvey()
    row = column = 0
    cell = (0, 0)
    formula = saved = False
    subject = f"the sheet 「{title}」"
    for event, element in _events(archive, part, tally, subject):
        tag = element.tag
        if event == "start":
            if tag == _ROW:
                row, column = _row_number(element.get("r"), row, tally, part, subject), 0
            elif tag == _CELL:
                ref = element.get("r")
                cell = _position(ref, tally, part, subject) if ref else (row, column + 1)
                row_at, column = cell
                tally.reach(title, ref or column_letter(column - 1) + str(row_at), *cell)
                tally.write(title, ref or "")
                sheet.rows, sheet.columns = max(sheet.rows, row_at), max(sheet.columns, column)
                sheet.styled = sheet.styled or element.get("s") not in (None, "", "0")
                sheet.shared = sheet.shared or element.get("t") == "s"
                formula = saved = False
        elif tag == _FORMULA:
            formula = True
        elif tag == _VALUE:
            saved = bool(element.text)
        elif tag == _CELL and formula and not saved:
            sheet.uncached.add((cell[0] - 1, cell[1] - 1))
        elif tag in (_MERGE, _LINK):
            ref = element.get("ref") or ""
            bounds = _bounds(ref, tally, part, subject)
            if tag == _MERGE:
                tally.merge(title, ref, bounds)
            else:
                _span_or_reach(tally, title, ref, bounds, "a hyperlink")
            sheet.rows, sheet.columns = max(sheet.rows, bounds[2]), max(sheet.columns, bounds[3])
    for kind, target in _relationships(archive, part, tally).values():
        if kind.endswith("/comments") and target in archive.namelist():
            _survey_comments(archive, target, title, sheet, tally)
    tally.used_range(title, sheet.rows, sheet.columns)
    return sheet


def _survey_comments(archive, part: str, title: str, sheet: _SheetSurvey, tally: _Tally) -> None:
    """A sheet's comments: openpyxl puts each in its cell (every cell of a range), so they
    count toward the sheet's used range."""
    for event, element in _events(archive, part, tally, f"the comments of 「{title}」"):
        if event == "end" and element.tag == _COMMENT:
            ref = element.get("ref") or ""
            bounds = _bounds(ref, tally, part, f"a comment of 「{title}」")
            _span_or_reach(tally, title, ref, bounds, "a comment")
            sheet.rows, sheet.columns = max(sheet.rows, bounds[2]), max(sheet.columns, bounds[3])


def _span_or_reach(tally: _Tally, title: str, ref: str, bounds, what: str) -> None:
    """A hyperlink or comment: for a range, every cell of it; for one cell, that cell."""
    if ":" in ref:
        tally.span(title, ref, bounds, what)
    else:
        tally.reach(title, ref, bounds[2], bounds[3], what)


def _row_number(text: str | None, previous: int, tally: _Tally, part: str, subject: str) -> int:
    """A <row>'s number, as openpyxl reads it: its r, else the one after the previous."""
    if text is None:
        return previous + 1
    try:
        number = float(text)
    except ValueError:
        number = 0.5
    if not number.is_integer():
        raise _damaged(tally.path, f"{subject} has a row numbered {text!r}", part)
    return int(number)


def _position(ref: str, tally: _Tally, part: str, subject: str) -> tuple[int, int]:
    """A cell reference as (row, column), from 1, as openpyxl reads it."""
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        return coordinate_to_tuple(ref)
    except Exception:  # openpyxl raises ValueError, or others for odd references
        raise _damaged(tally.path, f"{subject} has a cell referred to as {ref!r}", part) from None


def _bounds(ref: str, tally: _Tally, part: str, subject: str) -> tuple[int, int, int, int]:
    """A range (or one cell) as (top, left, bottom, right), from 1; a whole row or column
    (A:A, 3:3) reaches the sheet's end, as Excel's sheet has it."""
    from openpyxl.utils.cell import range_boundaries

    try:
        left, top, right, bottom = range_boundaries(ref)
    except Exception:  # ValueError, or others for an empty reference
        raise _damaged(tally.path, f"{subject} has a range referred to as {ref!r}", part) from None
    return (top or 1, left or 1, bottom or EXCEL_ROWS, right or EXCEL_COLUMNS)


EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384  # the size of an Excel sheet


def _refuse_missing_parts(path: Path, parts: list[str], sheets: list[_SheetSurvey]) -> None:
    """Cells that refer to styles (number formats such as 0%) or shared strings the workbook
    does not hold: read without them, a 95% would read as 0.95 and text as nothing."""
    lower = {p.lower() for p in parts}
    if "[content_types].xml" not in lower:
        raise _damaged(path, "[Content_Types].xml, which says what each part is, is missing")
    if any(s.styled for s in sheets) and "xl/styles.xml" not in lower:
        raise _damaged(
            path,
            "its cells have styles (number formats such as 0%), but xl/styles.xml, which holds "
            "them, is missing",
        )
    if any(s.shared for s in sheets) and not any(p.endswith("sharedstrings.xml") for p in lower):
        raise _damaged(
            path,
            "its cells refer to shared texts, but xl/sharedStrings.xml, which holds them, is "
            "missing",
        )


def _not_a_workbook_package(path: Path, names: set[str]) -> InputError:
    """A zip without a workbook part: another kind of document, or none."""
    for name, (what, hint) in _OTHER_PACKAGES.items():
        if name in names:
            return _refusal(
                path, f"{what}, not a workbook this reader understands", hint, "not-a-spreadsheet"
            )
    return _not_a_spreadsheet(path, "a zip archive without a workbook in it")


# --- an .xlsx into grids ----------------------------------------------------------------------------


def open_xlsx(path: Path):
    """The .xlsx at ``path`` opened by openpyxl (the values Excel cached) once it is counted
    against the limits; and, by sheet title, the cells whose formula has no saved value."""
    import openpyxl

    uncached = survey_xlsx(path)
    try:
        with path.open("rb") as handle:  # a file, not a name: openpyxl would refuse .xls
            workbook = openpyxl.load_workbook(handle, data_only=True)
    except Exception as exc:  # openpyxl raises the standard library's types and its own per fault
        raise _damaged(
            path, f"its parts do not read as a workbook ({type(exc).__name__})"
        ) from None
    return workbook, uncached


def _load_xlsx(path: Path) -> list[Grid]:
    from openpyxl.cell.cell import MergedCell

    workbook, uncached = open_xlsx(path)
    grids = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue  # hidden lists (指标库) feed data validation; they are not tables
        grid = Grid(str(path), sheet.title, rows=sheet.max_row, columns=sheet.max_column)
        grid.uncached = uncached.get(sheet.title, set())
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
                value = _cell_value(cell.value, cell.number_format or "")
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
            if sheet.visibility:
                continue  # hidden lists (指标库) feed data validation; they are not tables
            grid = Grid(str(path), sheet.name, rows=sheet.nrows, columns=sheet.ncols)
            hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden}
            hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
            for r in range(sheet.nrows):
                for c in range(sheet.row_len(r)):
                    value = _xls_value(book, sheet.cell(r, c))
                    if value is not None:
                        _put(grid, r, c, value, hidden_rows, hidden_columns)
            for top, bottom, left, right in sheet.merged_cells:  # half-open, as xlrd gives them
                _fill(grid, top, left, bottom - 1, right - 1)
            grids.append(grid)
    finally:
        book.release_resources()
    return grids


def _xls_value(book, cell):
    """A .xls cell as the scorer reads it, with its number format, as for .xlsx."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    number_format = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    if cell.ctype == xlrd.XL_CELL_DATE:
        return _cell_value(xlrd.xldate_as_datetime(cell.value, book.datemode), number_format)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return _cell_value(cell.value, number_format)


def _put(grid: Grid, row: int, column: int, value, hidden_rows, hidden_columns) -> None:
    """A cell into the grid, unless its row or column is hidden (then remembered)."""
    if row in hidden_rows or column in hidden_columns:
        grid.hidden.append((row, column))
        return
    grid.cells[(row, column)] = value


def _fill(grid: Grid, top: int, left: int, bottom: int, right: int) -> None:
    value = grid.cells.get((top, left))
    if value is None:
        return
    for row in range(top, bottom + 1):
        for column in range(left, right + 1):
            grid.cells.setdefault((row, column), value)
    grid.rows = max(grid.rows, bottom + 1)
    grid.columns = max(grid.columns, right + 1)
