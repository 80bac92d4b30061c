"""Files given as workbooks that are not ones a reader can use end in exit 2 and a message that
says what the file is and what to do — never "internal error".

Each file is built here: from a real-layout 自评表 (:func:`workbook_layouts.single`) with a part
changed through :mod:`zipfile` (cut short, compressed otherwise, encrypted, missing), or as the
bytes that web systems, other programs and users produce under a workbook's name (a web page, a
CSV file, an OpenDocument file, an encrypted compound file). A workbook whose content and name
disagree (a zip named .xls) is read by its content.
"""

from __future__ import annotations

import codecs
import os
import re
import struct
import zipfile
from pathlib import Path

import pytest

import scoring
from scoring.errors import InputError

from . import workbook_layouts as W
from .test_bounded_workbooks import SHEET, base, in_sheet, moved, rewritten, with_comment

openpyxl = pytest.importorskip("openpyxl")

DAMAGED = "open it in Excel or WPS, which repair what they can"
AS_XLSX = "save it as .xlsx"


# --- building ------------------------------------------------------------------------------------


def changed(name: str, change, method=None):
    """A builder: the base .xlsx rewritten into ``name`` by ``change(part, data)``."""
    return lambda tmp_path: rewritten(base(tmp_path), tmp_path / name, change, method=method)


def first_text_shared():
    """A change of the sheet: its first text, written inline, refers to a shared string
    instead — whether openpyxl wrote the text as characters or (with lxml) as references."""
    import re

    inline = re.compile(r't="inlineStr"><is><t>[^<]*</t></is>')

    def change(name: str, data: bytes) -> bytes:
        if name != SHEET:
            return data
        text = data.decode("utf-8")
        assert inline.search(text), f"no text written inline in {SHEET}"
        return inline.sub('t="s"><v>0</v>', text, count=1).encode("utf-8")

    return change


def part_changed(part: str, change):
    return lambda name, data: change(data) if name == part else data


def dropped(name: str, part: str):
    """A builder: the base .xlsx without ``part``."""

    def build(tmp_path: Path) -> Path:
        source = base(tmp_path)
        target = tmp_path / name
        with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
            for info in archive.infolist():
                if info.filename != part:
                    out.writestr(info, archive.read(info))
        return target

    return build


def patched_member(name: str, part: str, *, method: int | None = None, flags: int = 0):
    """The base .xlsx with ``part``'s compression method set to ``method`` or its flags or-ed
    with ``flags``, in its local header and in the zip's directory alike (zipfile cannot write
    a method it does not know)."""

    def build(tmp_path: Path) -> Path:
        target = rewritten(
            base(tmp_path), tmp_path / name, lambda n, d: d, method=zipfile.ZIP_STORED
        )
        data = bytearray(target.read_bytes())
        with zipfile.ZipFile(target) as archive:
            local = archive.getinfo(part).header_offset
        central = data.index(b"PK\x01\x02")  # the directory's first entry
        while True:  # the directory entry of ``part``
            name_length = struct.unpack_from("<H", data, central + 28)[0]
            extra, comment = struct.unpack_from("<HH", data, central + 30)
            if data[central + 46 : central + 46 + name_length] == part.encode():
                break
            central += 46 + name_length + extra + comment
        for at, offset in ((local, 6), (central, 8)):  # general-purpose flags
            value = struct.unpack_from("<H", data, at + offset)[0]
            struct.pack_into("<H", data, at + offset, value | flags)
        if method is not None:
            struct.pack_into("<H", data, local + 8, method)
            struct.pack_into("<H", data, central + 10, method)
        target.write_bytes(bytes(data))
        return target

    return build


def crc_broken(tmp_path: Path) -> Path:
    """The sheet stored (not compressed) with one cell's reference changed after the zip was
    written: well-formed XML, whose checksum no longer matches."""
    target = rewritten(
        base(tmp_path), tmp_path / "crc.xlsx", lambda n, d: d, method=zipfile.ZIP_STORED
    )
    data = target.read_bytes()
    at = data.index(b'r="A1"')
    target.write_bytes(data[:at] + b'r="A2"' + data[at + 6 :])
    return target


def written(name: str, content: bytes):
    def build(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(content)
        return path

    return build


def zipped(name: str, parts: dict[str, str]):
    def build(tmp_path: Path) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, text in parts.items():
                archive.writestr(part, text)
        return path

    return build


def compound(stream_name: str, name: str, filepass: bool = False):
    """An OLE2 compound file as xlwt writes an .xls (one stream, Workbook), with the stream
    renamed ``stream_name`` — EncryptedPackage is how Excel stores an .xlsx saved with a
    password — or, with ``filepass``, a FILEPASS record after the BOF: an .xls with a password."""

    def build(tmp_path: Path) -> Path:
        xlwt = pytest.importorskip("xlwt")
        from xlwt.CompoundDoc import XlsDoc

        workbook = xlwt.Workbook(encoding="utf-8")
        workbook.add_sheet("项目1").write(0, 0, "项目支出绩效自评表")
        stream = workbook.get_biff_data()
        if filepass:  # weak XOR encryption, as Excel 97 writes it: xlrd stops at the record
            bof = 4 + struct.unpack_from("<H", stream, 2)[0]
            stream = stream[:bof] + struct.pack("<HHHHH", 0x2F, 6, 0, 0x1234, 0x5678) + stream[bof:]
        path = tmp_path / name
        XlsDoc().save(str(path), stream)
        data = bytearray(path.read_bytes())
        old = "Workbook\x00".encode("utf-16-le")
        at = data.index(old)
        new = f"{stream_name}\x00".encode("utf-16-le")
        data[at : at + 64] = new.ljust(64, b"\x00")
        struct.pack_into("<H", data, at + 64, len(new))
        path.write_bytes(bytes(data))
        return path

    return build


# The BIFF records of .xls cells that carry a format (XF) first after their place: a text (xlrd
# looks up a number's format as it reads the sheet, a text's when it is read); a blank, blanks in
# a row.
CELL_RECORDS = {"text": (0x00FD,), "blank": (0x0201, 0x00BE)}


def xls_format_missing(name: str, kind: str):
    """A builder: the base .xls with the first cell of ``kind`` given format 4095, which the
    workbook does not hold (the records are patched in place: xlwt writes the stream whole)."""

    def build(tmp_path: Path) -> Path:
        path = tmp_path / name
        data = bytearray(base(tmp_path, "xls").read_bytes())
        at = 512  # the Workbook stream, after the compound file's header
        while at + 4 <= len(data):
            record, length = struct.unpack_from("<HH", data, at)
            if record in CELL_RECORDS[kind]:
                struct.pack_into("<H", data, at + 8, 0x0FFF)
                path.write_bytes(bytes(data))
                return path
            at += 4 + length
        raise AssertionError(f"no {kind} cell in the .xls")

    return build


RELS = "xl/_rels/workbook.xml.rels"
SHEET_TARGET = f"/{SHEET}".encode()


def _without_comments(path: Path) -> Path:
    """The workbook at ``path`` without its comments' part (its sheet still points to it)."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist() if not n.startswith("xl/comments")}
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


ENTITIES = (
    '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "项目"><!ENTITY b "&a;&a;&a;&a;">]>'
)
PAGE = "<html><head><meta charset='utf-8'></head><body><table><tr><td>项目名称</td></tr></table></body></html>"
CSV = "项目名称,年度指标值,实际完成值\n培训人次,≥1000人次,1000人次\n"
XML_2003 = (
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>'
)


# --- each mistake: (build, code, words of the message) ----------------------------------------------

MISTAKES = [
    # damaged parts
    pytest.param(
        changed("cut.xlsx", part_changed(SHEET, lambda d: d[: len(d) // 2])),
        "workbook-damaged",
        [f"{SHEET}, line 1, column", "the sheet 「项目1」 is not well-formed XML", DAMAGED],
        id="a sheet's XML cut short",
    ),
    pytest.param(
        changed("cut.xlsx", part_changed("xl/workbook.xml", lambda d: d[:40])),
        "workbook-damaged",
        ["xl/workbook.xml, line 1", "not well-formed XML", DAMAGED],
        id="the workbook part cut short",
    ),
    pytest.param(
        changed("cut.xlsx", part_changed("xl/styles.xml", lambda d: d.replace(b"</", b"<", 1))),
        "workbook-damaged",
        ["xl/styles.xml, line", "not well-formed XML", DAMAGED],
        id="the styles not well-formed",
    ),
    pytest.param(
        changed("entities.xlsx", part_changed(SHEET, lambda d: ENTITIES.encode() + d)),
        "workbook-damaged",
        [SHEET, "declares XML entities", DAMAGED],
        id="a sheet declaring entities",
    ),
    pytest.param(
        crc_broken,
        "workbook-damaged",
        [SHEET, "does not unzip", "copy or download it again"],
        id="a part whose checksum fails",
    ),
    pytest.param(
        changed("ref.xlsx", in_sheet('r="C3"', 'r="3C"')),
        "workbook-damaged",
        [SHEET, "a cell referred to as '3C'", DAMAGED],
        id="a cell reference that is not one",
    ),
    pytest.param(
        changed(
            "twice.xlsx",
            part_changed(
                "xl/workbook.xml",
                lambda d: d.replace(
                    b"</sheets>",
                    # the prefix declared here: openpyxl declares it on the root, or (writing
                    # with lxml) on each sheet
                    b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships" name="Copy" sheetId="9" r:id="rId1" /></sheets>',
                ),
            ),
        ),
        "workbook-damaged",
        ["the sheets 「项目1」 and 「Copy」 are one part", DAMAGED],
        id="two sheets on one part",
    ),
    pytest.param(
        changed("outside.xlsx", part_changed(RELS, lambda d: d.replace(SHEET_TARGET, b"../../x"))),
        "workbook-damaged",
        [RELS, "the sheet 「项目1」 is not in the workbook", "points to ../x, outside it", DAMAGED],
        id="a sheet outside the package",
    ),
    pytest.param(
        changed(
            "external.xlsx",
            part_changed(
                RELS, lambda d: d.replace(b'Id="rId1"', b'Id="rId1" TargetMode="External"')
            ),
        ),
        "workbook-damaged",
        ["the sheet 「项目1」 is not in the workbook", "outside it", DAMAGED],
        id="a sheet on another computer",
    ),
    pytest.param(
        changed("gone.xlsx", part_changed(RELS, lambda d: d.replace(b"sheet1.xml", b"sheet9.xml"))),
        "workbook-damaged",
        ["the sheet 「项目1」 is not in the workbook", "xl/worksheets/sheet9.xml, is missing"],
        id="a sheet's part missing",
    ),
    pytest.param(
        changed("noid.xlsx", part_changed(RELS, lambda d: d.replace(b'Id="rId1"', b'Id="rId7"'))),
        "workbook-damaged",
        ["the sheet 「项目1」 is not in the workbook", f"{RELS} gives it no part"],
        id="a sheet without a relationship",
    ),
    pytest.param(
        lambda tmp_path: _without_comments(with_comment(tmp_path, "A1")),
        "workbook-damaged",
        ["a part of the sheet 「项目1」 is not in the workbook", "comment1.xml, is missing"],
        id="a sheet's comments missing",
    ),
    pytest.param(
        changed("nested.xlsx", in_sheet('<row r="3">', '<row r="3"><row r="60000" />')),
        "workbook-damaged",
        [SHEET, "the sheet 「项目1」 has a row inside a row", DAMAGED],
        id="a row inside a row",
    ),
    pytest.param(
        changed("zero.xlsx", in_sheet('<row r="3">', '<row r="0">')),
        "workbook-damaged",
        [SHEET, "the sheet 「项目1」 has a row numbered '0'", DAMAGED],
        id="a row numbered 0",
    ),
    pytest.param(
        moved({SHEET: "xl/worksheets/sheet1.bin"}, part_changed(SHEET, lambda d: d[:-40])),
        "workbook-damaged",
        ["xl/worksheets/sheet1.bin, line 1", "the sheet 「项目1」 is not well-formed XML"],
        id="a sheet's part not named .xml, cut short",
    ),
    pytest.param(
        changed("text.xlsx", in_sheet('t="n"><v>', 't="n"><v>九十五')),
        "workbook-damaged",
        ["the sheet 「项目1」 does not read as a worksheet (ValueError)", DAMAGED],
        id="a number cell holding text",
    ),
    # parts missing
    pytest.param(
        dropped("nostyles.xlsx", "xl/styles.xml"),
        "workbook-damaged",
        ["styles (number formats such as 0%)", "xl/styles.xml", "is missing", DAMAGED],
        id="styles missing",
    ),
    pytest.param(
        changed(  # openpyxl writes texts inline: one refers to a shared string instead
            "nostrings.xlsx", first_text_shared()
        ),
        "workbook-damaged",
        ["shared texts", "xl/sharedStrings.xml", "is missing"],
        id="shared strings missing",
    ),
    pytest.param(
        dropped("nocontent.xlsx", "[Content_Types].xml"),
        "workbook-damaged",
        ["[Content_Types].xml", "is missing", DAMAGED],
        id="content types missing",
    ),
    # compressed as Excel never does
    pytest.param(
        changed("bzip2.xlsx", lambda n, d: d, method=zipfile.ZIP_BZIP2),
        "not-a-spreadsheet",
        ["compressed with bzip2", "which Excel and WPS never use", AS_XLSX],
        id="bzip2",
    ),
    pytest.param(
        changed("lzma.xlsx", lambda n, d: d, method=zipfile.ZIP_LZMA),
        "not-a-spreadsheet",
        ["compressed with LZMA", AS_XLSX],
        id="LZMA",
    ),
    pytest.param(
        patched_member("deflate64.xlsx", SHEET, method=9),
        "not-a-spreadsheet",
        [f"{SHEET} is compressed with Deflate64", AS_XLSX],
        id="Deflate64",
    ),
    pytest.param(
        patched_member("unknown.xlsx", SHEET, method=77),
        "not-a-spreadsheet",
        [f"{SHEET} is compressed with method 77", AS_XLSX],
        id="an unknown method",
    ),
    # protected with a password
    pytest.param(
        patched_member("zipcrypto.xlsx", SHEET, flags=0x1),
        "password-protected",
        ["protected with a password", "save a copy without one"],
        id="a zip member encrypted",
    ),
    pytest.param(
        patched_member("aes.xlsx", SHEET, method=99),
        "password-protected",
        ["protected with a password", "save a copy without one"],
        id="a zip member encrypted with AES",
    ),
    pytest.param(
        compound("EncryptedPackage", "password.xlsx"),
        "password-protected",
        ["protected with a password", "save a copy without one"],
        id="an xlsx saved with a password",
    ),
    pytest.param(
        compound("Workbook", "password.xls", filepass=True),
        "password-protected",
        ["protected with a password", "save a copy without one"],
        id="an xls saved with a password",
    ),
    # not a workbook
    pytest.param(
        written("page.xls", PAGE.encode()),
        "not-a-spreadsheet",
        ["a web page (HTML), not a workbook", AS_XLSX],
        id="a web page named .xls",
    ),
    pytest.param(
        written("page.xls", ("<!DOCTYPE html>\n" + PAGE).encode("gb18030")),
        "not-a-spreadsheet",
        ["a web page (HTML), not a workbook"],
        id="a web page in GB18030",
    ),
    pytest.param(
        written("page.xls", codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le")),
        "not-a-spreadsheet",
        ["a web page (HTML), not a workbook"],
        id="a web page in UTF-16",
    ),
    pytest.param(
        written("page.xls", PAGE.replace("项目名称", "项目名称\x1b[2J\x07").encode()),
        "not-a-spreadsheet",
        ["a web page (HTML), not a workbook", AS_XLSX],
        id="a web page holding control characters",
    ),
    pytest.param(
        written("page.xls", b"MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\n\r\n"),
        "not-a-spreadsheet",
        ["a web page (HTML), not a workbook"],
        id="a single-file web page",
    ),
    pytest.param(
        written("xml2003.xls", XML_2003.encode()),
        "not-a-spreadsheet",
        ["XML Spreadsheet 2003", AS_XLSX],
        id="an Excel 2003 XML file",
    ),
    pytest.param(
        written("table.xlsx", codecs.BOM_UTF8 + CSV.encode()),
        "not-a-spreadsheet",
        ["the file is text (CSV or similar)", AS_XLSX],
        id="a CSV file named .xlsx",
    ),
    pytest.param(
        written("table.xls", CSV.encode("gbk")),
        "not-a-spreadsheet",
        ["the file is text (CSV or similar)"],
        id="a GBK CSV file named .xls",
    ),
    pytest.param(
        written("empty.xlsx", b""),
        "not-a-spreadsheet",
        ["the file is empty", "save the workbook again"],
        id="an empty .xlsx",
    ),
    pytest.param(
        written("empty.xls", b""),
        "not-a-spreadsheet",
        ["the file is empty"],
        id="an empty .xls",
    ),
    pytest.param(
        written("noise.xlsx", bytes(range(256)) * 4),
        "not-a-spreadsheet",
        ["neither .xlsx nor .xls"],
        id="binary noise",
    ),
    pytest.param(
        zipped("archive.xlsx", {"readme.txt": "项目材料"}),
        "not-a-spreadsheet",
        ["a zip archive without a workbook in it"],
        id="a zip that is not a workbook",
    ),
    pytest.param(
        zipped(
            "sheet.xlsx",
            {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<a/>"},
        ),
        "not-a-spreadsheet",
        ["an OpenDocument spreadsheet (.ods)", AS_XLSX],
        id="an OpenDocument file",
    ),
    pytest.param(
        zipped("report.xlsx", {"word/document.xml": "<a/>"}),
        "not-a-spreadsheet",
        ["a Word document", "score the 自评表 workbook"],
        id="a Word document",
    ),
    pytest.param(
        compound("WordDocument", "word.xls"),
        "not-a-spreadsheet",
        ["not a spreadsheet this reader understands"],
        id="a compound file without a workbook",
    ),
]


# Damage found at a cell: the message names the cell (file!sheet!cell), not the file's path.
AT_A_CELL = [
    pytest.param(
        changed(
            "numfmt.xlsx",
            part_changed(
                "xl/styles.xml", lambda d: d.replace(b'xf numFmtId="10"', b'xf numFmtId="200"')
            ),
        ),
        "workbook-damaged",
        ["numfmt.xlsx!项目1!G6", "the cell's number format (200) is not in xl/styles.xml", DAMAGED],
        id="a number format xl/styles.xml does not define",
    ),
    pytest.param(
        changed("style.xlsx", in_sheet('<c r="C6" t="n">', '<c r="C6" s="99" t="n">')),
        "workbook-damaged",
        ["style.xlsx!项目1!C6", "the cell's style is not in xl/styles.xml", DAMAGED],
        id="a style xl/styles.xml does not hold",
    ),
    pytest.param(
        xls_format_missing("format.xls", "text"),
        "workbook-damaged",
        ["format.xls!项目1!", "the cell's format (XF 4095) is not in the workbook", DAMAGED],
        id="an .xls cell's format missing",
    ),
]


@pytest.mark.parametrize("build, code, words", AT_A_CELL)
def test_damage_at_a_cell_is_named_at_the_cell(cli, tmp_path, build, code, words):
    """A style, number format or .xls format the workbook does not hold ended in an internal
    error (IndexError); it is damage, at its cell."""
    path = build(tmp_path)
    run = cli("score", str(path))
    assert run.code == 2, run
    assert "Traceback" not in run.err and "internal error" not in run.err, run
    for word in words:
        assert word in run.err, (word, run.err)
    with pytest.raises(InputError) as caught:
        scoring.load(path)
    assert caught.value.code == code, caught.value


@pytest.mark.parametrize("build, code, words", MISTAKES)
def test_a_workbook_mistake_is_said_with_what_to_do(cli, tmp_path, build, code, words):
    path = build(tmp_path)
    run = cli("score", str(path))
    assert run.code == 2, run
    assert "Traceback" not in run.err and "internal error" not in run.err, run
    for word in (str(path), *words):
        assert word in run.err, (word, run.err)
    with pytest.raises(InputError) as caught:
        scoring.load(path)
    assert caught.value.code == code, caught.value


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_as_a_workbook_is_refused_without_waiting(cli, tmp_path):
    """A named pipe is never opened (it would wait for a writer): its kind is enough."""
    path = tmp_path / "pipe.xlsx"
    os.mkfifo(path)
    run = cli("score", str(path))
    assert run.code == 2, run
    assert "not a regular file (a pipe or a device)" in run.err, run
    assert "save the workbook to a file" in run.err, run


# --- content, not name ------------------------------------------------------------------------------


@pytest.mark.parametrize("real, named", [("xlsx", "xls"), ("xls", "xlsx")])
def test_a_workbook_named_as_the_other_kind_reads_by_its_content(cli, tmp_path, real, named):
    """Web systems name an .xlsx .xls, and the other way round: read by its first bytes, it
    scores as the same workbook named rightly, and comes back reviewed."""
    right = base(tmp_path, real)
    wrong = tmp_path / f"renamed.{named}"
    wrong.write_bytes(right.read_bytes())
    got, want = scoring.score(wrong), scoring.score(right)
    assert got.projects[0].score == want.projects[0].score
    out = tmp_path / "复核.xlsx"
    run = cli("score", str(wrong), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    assert out.is_file()


# --- what the review copy meets that reading does not ---------------------------------------------


def test_an_xls_blank_cell_without_its_format_is_named_when_the_workbook_is_returned(cli, tmp_path):
    """A blank cell is not read, but its format is copied into the reviewed workbook: a format
    the .xls does not hold is damage, named at the cell, not an internal error."""
    path = xls_format_missing("blank.xls", "blank")(tmp_path)
    run = cli("score", str(path), "-f", "xlsx", "-o", str(tmp_path / "复核.xlsx"))
    assert run.code == 2, run
    assert "Traceback" not in run.err and "internal error" not in run.err, run
    for word in ("blank.xls!项目1!", "the cell's format (XF 4095) is not in the workbook", DAMAGED):
        assert word in run.err, (word, run.err)


def _xls_form_with(tmp_path: Path, cells: dict[tuple[int, int], object], fmt=None) -> Path:
    """The base .xls form with ``cells`` (row, column from 1) written beside it."""
    sheet = W.Sheet("项目1")
    W.write_project(sheet, 1, W.hospital_project(), **W.HEALTH)
    for (row, column), value in cells.items():
        sheet.put(row, column, value, fmt)
    return W.save([sheet], tmp_path / "note.xls")


def test_an_xls_date_beyond_dates_reads_as_its_number(cli, tmp_path):
    """A number formatted as a date but past any date (Excel shows ######) reads, and is copied,
    as the number it is, instead of ending in an internal error."""
    path = _xls_form_with(tmp_path, {(3, 12): 1e10}, "yyyy-mm-dd")
    out = tmp_path / "复核.xlsx"
    run = cli("score", str(path), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    with zipfile.ZipFile(out) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if "worksheets/" in n]
    assert any(re.search(r'<c r="L3"[^>]*><v>10000000000(\.0)?</v>', xml) for xml in sheets)


def test_an_empty_date_cell_is_returned_empty(cli, tmp_path):
    """A cell typed as a date without a value (t="d", no <v>: Excel never writes one, other
    programs do) reads as empty and is written back empty; openpyxl failed to write it."""
    path = changed(
        "dates.xlsx", in_sheet("</sheetData>", '<row r="30"><c r="B30" t="d" /></row></sheetData>')
    )(tmp_path)
    out = tmp_path / "复核.xlsx"
    run = cli("score", str(path), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    assert openpyxl.load_workbook(out)["项目1"]["B30"].value is None
