"""Workbooks that would make the reader work without end are refused before the work is done.

Each limit of :mod:`scoring.limits` on a workbook is passed by a small file built here from a
real-layout 自评表 (one project on 项目1, :func:`workbook_layouts.single`): a cell at
XFD1048576 in a few kilobytes, a merged range over the whole sheet, a zip that unzips a
thousandfold. Each ends in exit 2 naming the limit, the file, the sheet and the cell or range,
with what to do — and openpyxl never opens the file, nor is a grid built: the refusal comes
before them, which is what bounds the work (a sentinel stops the test if either is reached).
Limits on counts that only a large file reaches (sheets, merged ranges, XML elements, cells
written, bytes unzipped) are lowered for their test, so that the file stays small.

A sheet whose ``<dimension>`` claims the whole sheet, with formatted columns and rows to its
end (as Excel writes them), is not refused: it reads as the same table without them.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

import scoring
from scoring import limits
from scoring.errors import InputError
from scoring.excel import grid
from scoring.excel.source import unit_workbook

from . import workbook_layouts as W

openpyxl = pytest.importorskip("openpyxl")

SHEET = "xl/worksheets/sheet1.xml"


# --- building --------------------------------------------------------------------------------


def base(tmp_path: Path, suffix: str = "xlsx") -> Path:
    """A real 自评表 (县级公立医院服务能力提升, on 项目1, 21 merged ranges) that scores."""
    return W.single(tmp_path / f"base.{suffix}", W.hospital_project(), **W.HEALTH).path


def rewritten(source: Path, target: Path, change, extra: dict | None = None, method=None) -> Path:
    """A copy of the .xlsx ``source`` whose parts pass through ``change(name, data)``, with the
    parts ``extra`` added, every part compressed by ``method`` (deflated if not given)."""
    method = zipfile.ZIP_DEFLATED if method is None else method
    with zipfile.ZipFile(source) as archive:
        parts = [(name, archive.read(name)) for name in archive.namelist()]
    with zipfile.ZipFile(target, "w", method) as archive:
        for name, data in parts:
            archive.writestr(name, change(name, data))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return target


def in_sheet(old: str, new: str):
    """A change of the sheet's XML: ``old`` (found once at least) becomes ``new``."""

    def change(name: str, data: bytes) -> bytes:
        if name != SHEET:
            return data
        text = data.decode("utf-8")
        assert old in text, f"{old!r} is not in {SHEET}"
        return text.replace(old, new, 1).encode("utf-8")

    return change


def rows_added(xml: str):
    """Rows written after the sheet's last row."""
    return in_sheet("</sheetData>", f"{xml}</sheetData>")


def merges_added(*refs: str):
    return in_sheet(
        "</mergeCells>", "".join(f'<mergeCell ref="{r}" />' for r in refs) + "</mergeCells>"
    )


def text_cell(ref: str = "") -> str:
    at = f' r="{ref}"' if ref else ""
    return f'<c{at} t="inlineStr"><is><t>备注</t></is></c>'


def with_comment(tmp_path: Path, ref: str) -> Path:
    """The base with a comment (openpyxl writes its part and the sheet's relationship), moved
    to ``ref``."""
    workbook = openpyxl.load_workbook(base(tmp_path))
    workbook["项目1"]["A1"].comment = openpyxl.comments.Comment("请复核", "财政局")
    commented = tmp_path / "commented.xlsx"
    workbook.save(commented)

    def change(name: str, data: bytes) -> bytes:
        if name.startswith("xl/comments/"):
            return data.replace(b'ref="A1"', f'ref="{ref}"'.encode())
        return data

    return rewritten(commented, tmp_path / "bad.xlsx", change)


def with_sheets(tmp_path: Path, count: int) -> Path:
    """The base with its sheet copied, ``count`` sheets in all (项目1, 项目1 Copy …)."""
    workbook = openpyxl.load_workbook(base(tmp_path))
    for _ in range(count - 1):
        workbook.copy_worksheet(workbook["项目1"])
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    return path


def xls_with(tmp_path: Path, write) -> Path:
    """A one-sheet .xls (项目1) written by xlwt: the form's title, then ``write(sheet)``."""
    xlwt = pytest.importorskip("xlwt")
    workbook = xlwt.Workbook(encoding="utf-8")
    for index in range(getattr(write, "sheets", 1)):
        sheet = workbook.add_sheet(f"项目{index + 1}")
        sheet.write(0, 0, "项目支出绩效自评表")
        write(sheet)
    path = tmp_path / "bad.xls"
    workbook.save(str(path))
    return path


# --- the sentinel: no work after the limit ------------------------------------------------------


class Worked(BaseException):
    """Raised where the work a limit prevents would begin; a BaseException, so that no
    ``except Exception`` of the reader turns it into a message."""


@pytest.fixture
def no_work(monkeypatch):
    """A function that makes sure, from when it is called, that openpyxl never opens a
    workbook and no cell is put into a grid (call it once the hostile file is built)."""

    def opened(*args, **kwargs):
        raise Worked("openpyxl opened a workbook that a limit refuses")

    def put(*args, **kwargs):
        raise Worked("a grid was built from a workbook that a limit refuses")

    def arm() -> None:
        monkeypatch.setattr(openpyxl, "load_workbook", opened)
        monkeypatch.setattr(grid, "_put", put)

    return arm


def refused(cli, no_work, path: Path, *words: str) -> None:
    """`scoring score path` ends in exit 2 with ``words`` (the place, the limit, what to do)
    in its message, and no traceback; the reader and the writer of the unit's workbook both
    refuse it with the code too-large."""
    no_work()
    run = cli("score", str(path))
    assert run.code == 2, run
    assert "Traceback" not in run.err and "internal error" not in run.err, run
    for word in (path.name, *words):
        assert word in run.err, (word, run.err)
    for reading in (grid.load_grids, unit_workbook):
        with pytest.raises(InputError) as caught:
            reading(path)
        assert caught.value.code == "too-large", caught.value


# --- 1. a cell, range, hyperlink or comment past the sheet's rows or columns --------------------

FAR = [
    pytest.param(
        rows_added(f'<row r="1048576">{text_cell("XFD1048576")}</row>'),
        ["bad.xlsx!项目1!XFD1048576", "row 1,048,576", "row 65,536", "delete the rows"],
        id="a cell at XFD1048576",
    ),
    pytest.param(
        rows_added(f'<row r="70000">{text_cell("A70000")}</row>'),
        ["项目1!A70000", "row 70,000", "row 65,536", "delete the rows"],
        id="a cell below row 65,536",
    ),
    pytest.param(
        rows_added(f'<row r="20">{text_cell("IW20")}</row>'),
        ["项目1!IW20", "column IW", "column IV", "delete the columns"],
        id="a cell right of column IV",
    ),
    pytest.param(
        rows_added('<row r="20">' + text_cell() * 257 + "</row>"),
        ["项目1!IW20", "column IW", "column IV"],
        id="cells without references running past column IV",
    ),
    pytest.param(
        merges_added("A17:XFD1048576"),
        ["项目1!A17:XFD1048576", "a merged range", "row 65,536", "unmerge it"],
        id="a merged range to XFD1048576",
    ),
    pytest.param(
        merges_added("J:J"),
        ["项目1!J:J", "a merged range", "row 1,048,576", "unmerge it"],
        id="a whole column merged",
    ),
    pytest.param(
        in_sheet(
            "</mergeCells>",
            '</mergeCells><hyperlinks><hyperlink ref="A1:XFD1" display="x" /></hyperlinks>',
        ),
        ["项目1!A1:XFD1", "a hyperlink", "column XFD", "remove the hyperlink"],
        id="a hyperlink over a whole row",
    ),
]


@pytest.mark.parametrize("change, words", FAR)
def test_a_cell_or_range_past_the_sheet_s_rows_or_columns_is_refused(
    cli, tmp_path, no_work, change, words
):
    refused(cli, no_work, rewritten(base(tmp_path), tmp_path / "bad.xlsx", change), *words)


@pytest.mark.parametrize(
    "ref, words",
    [
        ("XFD1048576", ["bad.xlsx!项目1!XFD1048576", "a comment", "delete the comment"]),
        ("A1:IV65536", ["项目1!A1:IV65536", "merged ranges cover more than 100,000 cells"]),
    ],
    ids=["a comment far out", "a comment over a range"],
)
def test_a_comment_far_out_is_refused(cli, tmp_path, no_work, ref, words):
    """openpyxl puts a comment into its cell — every cell of a range — when it opens the file."""
    refused(cli, no_work, with_comment(tmp_path, ref), *words)


# --- 2. the cells of the used ranges, and merged cells -------------------------------------------


def test_a_value_far_out_makes_a_used_range_past_the_limit(cli, tmp_path, no_work):
    """A1 to IV65536 is inside a sheet's rows and columns, but its 16,777,216 cells are more
    than a workbook may hold (1,000,000): reading and annotating go through every one."""
    change = rows_added(f'<row r="65536">{text_cell("IV65536")}</row>')
    path = rewritten(base(tmp_path), tmp_path / "far.xlsx", change)
    refused(
        cli,
        no_work,
        path,
        "far.xlsx!项目1!A1:IV65536",
        "more than 1,000,000 cells",
        "16,777,216",
        "delete the rows and columns after the form",
    )


def test_a_merged_range_over_too_many_cells_is_refused(cli, tmp_path, no_work):
    """A100:IV2000 lies inside the sheet's rows and columns; its 486,656 cells are more than
    merged ranges may cover (100,000): openpyxl would make an object for each."""
    path = rewritten(base(tmp_path), tmp_path / "merged.xlsx", merges_added("A100:IV2000"))
    refused(
        cli,
        no_work,
        path,
        "merged.xlsx!项目1!A100:IV2000",
        "more than 100,000 cells",
        "486,656",
        "unmerge",
    )


# --- 3. the zip: how far it unzips -----------------------------------------------------------------


def test_a_zip_bomb_is_refused_from_the_zip_s_directory(cli, tmp_path, no_work):
    """A part of 5 MB of spaces deflates to a few kilobytes: the workbook unzips to hundreds of
    times its size (Excel's unzip to 3–10), past the limit of 100 — known from the zip's
    directory, before anything is unzipped."""
    padding = "<a>" + " " * 5_000_000 + "</a>"
    path = rewritten(
        base(tmp_path), tmp_path / "bomb.xlsx", lambda n, d: d, {"xl/padding.xml": padding}
    )
    assert path.stat().st_size < 40_000
    refused(
        cli, no_work, path, "bomb.xlsx", "times its size", "the limit of 100 times", "save it again"
    )


def test_a_file_past_the_size_limit_is_refused_unread(cli, tmp_path, no_work, monkeypatch):
    """A workbook file of 64 MB and one byte (sparse: it takes no room) is refused by its size."""
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(limits.MAX_FILE_BYTES + 1)
    refused(cli, no_work, path, "huge.xlsx", "more than the limit of 64 MB", "split the workbook")


# --- 4. counts only a large workbook reaches, with the limit lowered ------------------------------


def _many_cells(tmp_path: Path) -> Path:
    return rewritten(
        base(tmp_path),
        tmp_path / "bad.xlsx",
        rows_added('<row r="40">' + text_cell() * 30 + "</row>"),
    )


def _validated(tmp_path: Path) -> Path:
    """The base with a drop-down (data validation) listing twelve cells one by one."""
    ranges = " ".join(f"B{row}" for row in range(11, 23))
    rule = f'<dataValidation type="list" sqref="{ranges}"><formula1>"是,否"</formula1></dataValidation>'
    change = in_sheet("</mergeCells>", f"</mergeCells><dataValidations>{rule}</dataValidations>")
    return rewritten(base(tmp_path), tmp_path / "bad.xlsx", change)


def _print_area(tmp_path: Path) -> Path:
    """The base printing twelve cells of its sheet one by one."""
    cells = ",".join(f"'项目1'!$B${row}" for row in range(11, 23))
    name = f'<definedName name="_xlnm.Print_Area" localSheetId="0">{cells}</definedName>'

    def change(part: str, data: bytes) -> bytes:
        if part != "xl/workbook.xml":
            return data
        # openpyxl writes the empty element as <definedNames /> or, with lxml, <definedNames/>
        return re.sub(rb"<definedNames\s*/>", f"<definedNames>{name}</definedNames>".encode(), data)

    return rewritten(base(tmp_path), tmp_path / "bad.xlsx", change)


LOWERED = [
    pytest.param(
        "MAX_SHEETS",
        2,
        lambda tmp_path: with_sheets(tmp_path, 3),
        ["bad.xlsx!项目1 Copy1", "more than 2 sheets", "split the workbook"],
        id="sheets",
    ),
    pytest.param(
        "MAX_MERGED_RANGES",
        20,
        lambda tmp_path: base(tmp_path),
        ["base.xlsx!项目1!", "more than 20 merged ranges", "unmerge"],
        id="merged ranges",
    ),
    pytest.param(
        "MAX_XML_ELEMENTS",
        200,
        lambda tmp_path: base(tmp_path),
        ["base.xlsx", "more than 200 XML elements", "split the workbook"],
        id="XML elements",
    ),
    pytest.param(
        "MAX_CELLS",
        60,
        _many_cells,
        ["bad.xlsx!项目1", "more than 60 cells written", "split the workbook"],
        id="cells written",
    ),
    pytest.param(
        "MAX_UNZIPPED_BYTES",
        20_000,
        lambda tmp_path: base(tmp_path),
        ["base.xlsx", "unzipped, the workbook is", "more than the limit of 20 KB", "pictures"],
        id="bytes unzipped",
    ),
    pytest.param(
        "MAX_LISTED_RANGES",
        10,
        _validated,
        ["bad.xlsx!项目1", "more than 10 ranges listed by data validation", "clear the rules"],
        id="ranges listed by data validation",
    ),
    pytest.param(
        "MAX_LISTED_RANGES",
        10,
        _print_area,
        ["bad.xlsx", "more than 10 ranges listed by data validation", "print areas"],
        id="ranges of a print area",
    ),
]


@pytest.mark.parametrize("limit, value, build, words", LOWERED)
def test_a_count_past_its_limit_is_refused(
    cli, tmp_path, no_work, monkeypatch, limit, value, build, words
):
    path = build(tmp_path)
    monkeypatch.setattr(grid, limit, value)
    refused(cli, no_work, path, *words)


# --- 5. .xls ------------------------------------------------------------------------------------------


def _far_value(sheet):
    sheet.write(65535, 255, "备注")


def _big_merge(sheet):
    sheet.write_merge(99, 1999, 0, 255, "备注")


def _three_sheets(sheet):
    pass


_three_sheets.sheets = 3  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "write, lowered, words",
    [
        (_far_value, {}, ["bad.xls!项目1!A1:IV65536", "more than 1,000,000 cells", "16,777,216"]),
        (_big_merge, {}, ["bad.xls!项目1!A100:IV2000", "more than 100,000 cells", "unmerge"]),
        (_three_sheets, {"MAX_SHEETS": 2}, ["bad.xls!项目3", "more than 2 sheets"]),
    ],
    ids=["a value at IV65536", "a merged range over 486,656 cells", "sheets"],
)
def test_an_xls_past_a_limit_is_refused_sheet_by_sheet(
    cli, tmp_path, no_work, monkeypatch, write, lowered, words
):
    path = xls_with(tmp_path, write)
    for name, value in lowered.items():
        monkeypatch.setattr(grid, name, value)
    refused(cli, no_work, path, *words)


# --- 6. the parts openpyxl loads, whatever their names, roots and namespaces ------------------------


def moved(renames: dict[str, str], change):
    """A builder: the base with its parts passed through ``change(name, data)``, then renamed as
    ``renames`` says — in the zip, in the relationships and in [Content_Types].xml alike, so that
    openpyxl still finds them (it goes by what they are, not by their names)."""

    def build(tmp_path: Path) -> Path:
        with zipfile.ZipFile(base(tmp_path)) as archive:
            parts = [(name, archive.read(name)) for name in archive.namelist()]
        path = tmp_path / "bad.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts:
                data = change(name, data)
                if name.endswith(".rels") or name == "[Content_Types].xml":
                    for old, new in renames.items():
                        data = data.replace(old.encode(), new.encode())
                archive.writestr(renames.get(name, name), data)
        return path

    return build


def also(*changes):
    """The changes one after the other."""

    def change(name: str, data: bytes) -> bytes:
        for each in changes:
            data = each(name, data)
        return data

    return change


FAR_MERGE = merges_added("A17:XFD1048576")
FOREIGN = 'xmlns:o="urn:other"'
HIDDEN = [
    pytest.param(
        moved({SHEET: "xl/worksheets/sheet1.bin"}, FAR_MERGE),
        ["bad.xlsx!项目1!A17:XFD1048576", "a merged range", "row 65,536"],
        id="the sheet's part not named .xml",
    ),
    pytest.param(
        moved(
            {
                "xl/workbook.xml": "xl/book.dat",
                "xl/_rels/workbook.xml.rels": "xl/_rels/book.dat.rels",
                SHEET: "xl/media/image1.png",
            },
            FAR_MERGE,
        ),
        ["bad.xlsx!项目1!A17:XFD1048576", "a merged range"],
        id="the workbook part and the sheet's renamed",
    ),
    pytest.param(
        moved(
            {},
            also(
                FAR_MERGE,
                in_sheet("<worksheet ", "<notasheet "),
                in_sheet("</worksheet>", "</notasheet>"),
            ),
        ),
        ["bad.xlsx!项目1!A17:XFD1048576", "a merged range"],
        id="the sheet's root not a worksheet",
    ),
    pytest.param(
        moved({}, merges_added(f'A1" /><o:mergeCell {FOREIGN} ref="A17:XFD1048576')),
        ["bad.xlsx!项目1!A17:XFD1048576", "a merged range"],
        id="a merged range in another namespace",
    ),
    pytest.param(
        moved({}, rows_added(f'<row r="20"><o:c {FOREIGN} r="XFD1048576"><v>1</v></o:c></row>')),
        ["bad.xlsx!项目1!XFD1048576", "a cell at row 1,048,576"],
        id="a cell in another namespace",
    ),
    pytest.param(
        moved(
            {},
            in_sheet(
                "</mergeCells>",
                f'</mergeCells><hyperlinks><o:hyperlink {FOREIGN} ref="A1:XFD1" /></hyperlinks>',
            ),
        ),
        ["bad.xlsx!项目1!A1:XFD1", "a hyperlink", "column XFD"],
        id="a hyperlink in another namespace",
    ),
    pytest.param(
        moved(
            {},
            rows_added(f'<row r="65536" /><o:row {FOREIGN} r="1" /><row>{text_cell()}</row>'),
        ),
        ["bad.xlsx!项目1!A65537", "a cell at row 65,537"],
        id="a row in another namespace numbering back",
    ),
]


@pytest.mark.parametrize("build, words", HIDDEN)
def test_what_openpyxl_loads_is_counted_whatever_it_is_named(cli, tmp_path, no_work, build, words):
    """openpyxl finds the workbook and its sheets by their types, not their names, loads a sheet
    whatever its root element, takes every child of a row for a cell and a merged range or a
    hyperlink by its local name: each is counted as openpyxl reads it, and refused before it
    loads it (an 11 KB file made openpyxl work for minutes and take 2.4 GB)."""
    refused(cli, no_work, build(tmp_path), *words)


# --- 7. what is not refused ---------------------------------------------------------------------------


def test_a_sheet_claiming_the_whole_sheet_reads_as_its_cells(tmp_path):
    """Excel formats whole columns and rows: the <dimension> then claims A1:XFD1048576, <col>
    runs to column XFD (hidden here), and a formatted row sits at 1,048,576 without a cell.
    None is a cell: the workbook reads and scores as the same table without them."""
    plain = base(tmp_path)
    claimed = rewritten(
        plain,
        tmp_path / "claimed.xlsx",
        lambda name, data: _claiming(data) if name == SHEET else data,
    )
    got, want = scoring.score(claimed), scoring.score(plain)
    assert got.projects[0].score == want.projects[0].score
    assert [i.score for i in got.projects[0].indicators] == [
        i.score for i in want.projects[0].indicators
    ]
    cells = [
        {key: cell.split("!", 1)[1] for key, cell in scoring.load(path).locations.items()}
        for path in (claimed, plain)
    ]
    assert cells[0] == cells[1]


def _claiming(data: bytes) -> bytes:
    text = data.decode("utf-8")
    text = re.sub(r'<dimension ref="[^"]*" />', '<dimension ref="A1:XFD1048576" />', text)
    text = text.replace(
        "<sheetData>",
        '<cols><col min="10" max="16384" width="9" hidden="1" customWidth="1" /></cols><sheetData>',
    )
    text = text.replace(
        "</sheetData>", '<row r="1048576" ht="20" customHeight="1" hidden="1" /></sheetData>'
    )
    return text.encode("utf-8")


@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
def test_the_real_layout_passes_every_limit_and_is_returned(cli, tmp_path, suffix):
    """The real layout reads, scores and comes back reviewed (the unit's workbook is counted
    again before it is opened to be returned)."""
    path = base(tmp_path, suffix)
    out = tmp_path / "复核.xlsx"
    run = cli("score", str(path), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    assert out.is_file()


def test_rows_out_of_order_read_as_openpyxl_places_them(tmp_path):
    """A sheet is read from openpyxl's read-only sheets, which skip a row numbered before the
    one above it; such a sheet (no program writes one, but nothing forbids it) is read from the
    whole workbook instead, and gives the same table as the same rows in order."""
    plain = base(tmp_path)
    row = re.search(r'<row r="3">.*?</row>', _sheet_xml(plain)).group(0)  # 项目名称
    shuffled = rewritten(
        plain,
        tmp_path / "shuffled.xlsx",
        also(in_sheet(row, ""), in_sheet("</sheetData>", f"{row}</sheetData>")),
    )
    got, want = scoring.load(shuffled), scoring.load(plain)
    assert got.data == want.data
    cells = [{k: c.split("!", 1)[1] for k, c in e.locations.items()} for e in (got, want)]
    assert cells[0] == cells[1]


def test_sheets_of_one_name_are_titled_as_the_reviewed_workbook_titles_them(tmp_path):
    """Two sheets named 项目1 (no program writes that, Excel refuses it): openpyxl's whole
    workbook, which is returned reviewed, calls the second 项目11, and so do the cells read
    from the read-only sheets, so that the review lands on the sheet it is about."""
    twice = rewritten(
        with_sheets(tmp_path, 2),
        tmp_path / "twice.xlsx",
        lambda name, data: data.replace("项目1 Copy".encode(), "项目1".encode()),
    )
    sheets = {cell.split("!")[1] for cell in scoring.load(twice).locations.values()}
    assert sheets == {"项目1", "项目11"}
    assert [s.title for s in openpyxl.load_workbook(twice).worksheets] == ["项目1", "项目11"]


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(SHEET).decode("utf-8")


def test_reading_does_not_style_the_cells_of_merged_ranges(tmp_path, monkeypatch):
    """openpyxl's whole workbook borders and protects every cell of every merged range when it
    opens (50 µs a cell): reading takes the ranges from the count instead, so its work grows with
    the cells written, not with what merged ranges cover. The label merged over rows still reads
    on each of them."""
    from openpyxl.worksheet.merge import MergedCellRange

    def styled(*args, **kwargs):
        raise Worked("openpyxl styled the cells of a merged range")

    path = base(tmp_path)
    monkeypatch.setattr(MergedCellRange, "format", styled)
    sheet = grid.load_grids(path)[0]
    spread = 0
    for ref in re.findall(r'<mergeCell ref="([^"]+)"', _sheet_xml(path)):
        left, top, right, bottom = openpyxl.utils.cell.range_boundaries(ref)
        first = sheet.value(top - 1, left - 1)
        covered = {
            sheet.value(row, column)
            for row in range(top - 1, bottom)
            for column in range(left - 1, right)
        }
        assert covered == {first}, ref
        spread += first is not None and bottom > top
    assert spread  # a label merged over rows reads on each


def test_the_review_finds_the_first_cell_of_a_merged_range_from_one_table(tmp_path):
    """Painting a finding on a cell that a merged range covers goes to the range's first cell;
    the ranges of a sheet are looked through once, into a table, whatever the number of cells
    painted (50,000 ranges looked through per cell made the review quadratic)."""
    from scoring.excel.annotate import _anchor, _Overlay

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in range(1, 2001):
        sheet.merge_cells(f"A{row}:C{row}")
    overlay = _Overlay(workbook)
    assert _anchor(overlay, sheet.title, "D5").coordinate == "D5"  # not covered
    assert _anchor(overlay, sheet.title, "A7").coordinate == "A7"  # a range's first cell
    assert overlay.firsts == {}  # neither needed the table
    assert _anchor(overlay, sheet.title, "C9").coordinate == "A9"
    sheet.merged_cells.ranges = set()  # from here on, the table alone answers
    assert _anchor(overlay, sheet.title, "B2000").coordinate == "A2000"
    assert len(overlay.firsts[sheet.title]) == 2000 * 3
