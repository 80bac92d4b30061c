"""The drafted report as a Word document, written with python-docx into a copy of the
reference document (``report.docx``: its styles, page and footer; see
:mod:`scoring.draft.styles`).

The layout template ``report.docx.j2`` drives a :class:`WordDocument`: each call adds a title, a
heading, a paragraph, a caption or a table, in the order the template makes them, and returns
"" (so the template's own output is nothing). Text is made XML-safe and inert
(:func:`scoring.inert.word_text`) as it is added; 【待单位补充…】 is set in the character style
``待补充`` (shaded), so that the unit finds what it must complete.

Tables fill the width between the margins: each column gets a share of it by the length of its
longest text (within bounds), the layout is fixed, the header row repeats on a new page and a
row never breaks across two. Style names are those of the reference document; a restyled copy
that lost one is a UsageError naming the style.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..i18n import _
from ..inert import word_text
from . import TO_COMPLETE
from .styles import FONTS, TO_COMPLETE_STYLE

HEADINGS = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
# A column's share of the width by its longest line, in half-width characters (a Chinese
# character is two), within these bounds: a column of short numbers stays readable, one of long
# reasons does not starve the others.
NARROWEST, WIDEST = 10, 40
SHORT = 8  # a column whose texts are at most this wide is sized to fit them whole
HALF_WIDTH_PT = 7.0  # a half-width character of 10.5 pt text in the widest common fonts
PADDING_PT = 14  # a cell's margins, left and right, and a little room
EMU_PER_PT = 12700
TWIPS_PER_EMU = 1 / 635


class WordDocument:
    """A report being written into a copy of the reference document at ``reference``."""

    def __init__(self, reference: Path) -> None:
        self.reference = reference
        self.document = _open(reference)
        _clear_body(self.document)
        self._styles = {style.name for style in self.document.styles}
        missing = [
            name for name in (*FONTS, TO_COMPLETE_STYLE, "Table Grid") if name not in self._styles
        ]
        if missing:
            raise UsageError(
                _("{file}: the Word template has no style {styles}").format(
                    file=reference, styles=", ".join(map(repr, missing))
                ),
                hint=_(
                    "restyle a copy of the built-in report.docx rather than a new document; "
                    "keep its style names"
                ),
                code="template-invalid",
            )

    # --- what a layout template calls -----------------------------------------------------------
    def title(self, text: Any) -> str:
        self._paragraph(text, "Title")
        return ""

    def subtitle(self, text: Any) -> str:
        self._paragraph(text, "Subtitle")
        return ""

    def note(self, text: Any) -> str:
        self._paragraph(text, "Note")
        return ""

    def heading(self, level: int, text: Any) -> str:
        """A heading of level 1 (一、), 2 （一） or 3."""
        self._paragraph(text, HEADINGS.get(int(level), "Heading 3"))
        return ""

    def paragraph(self, text: Any) -> str:
        self._paragraph(text, "Normal")
        return ""

    def caption(self, text: Any) -> str:
        """A table's title, above it."""
        self._paragraph(text, "Caption")
        return ""

    def page_break(self) -> str:
        from docx.enum.text import WD_BREAK

        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        return ""

    def table(
        self,
        head: Sequence[Any],
        rows: Sequence[Sequence[Any]],
        numbers: Sequence[int] = (),
        total: bool = False,
    ) -> str:
        """A table with the header ``head`` and ``rows`` (cells as text), fitted to the page's
        width; columns in ``numbers`` right-aligned; ``total``: the last row in bold."""
        texts = [[word_text(cell) for cell in head]] + [[word_text(c) for c in r] for r in rows]
        table = self.document.add_table(rows=len(texts), cols=len(head))
        table.style = self.document.styles["Table Grid"]
        _fit(table, _widths(texts, self._text_width()))
        for index, (row, cells) in enumerate(zip(table.rows, texts)):
            _row_properties(row, header=index == 0)
            bold = total and index == len(texts) - 1
            for column, (cell, text) in enumerate(zip(row.cells, cells)):
                self._cell(cell, text, index == 0, column in numbers, bold)
        return ""

    def to_bytes(self) -> bytes:
        """The document as a .docx file's bytes."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    # --- writing --------------------------------------------------------------------------------
    def _paragraph(self, text: Any, style: str) -> Any:
        paragraph = self.document.add_paragraph(style=self.document.styles[style])
        self._runs(paragraph, word_text(text))
        return paragraph

    def _runs(self, paragraph: Any, text: str) -> None:
        """``text`` as runs, what the unit must complete in the ``待补充`` style."""
        for part in TO_COMPLETE.split(text):
            if part:
                run = paragraph.add_run(part)
                if TO_COMPLETE.fullmatch(part):
                    run.style = self.document.styles[TO_COMPLETE_STYLE]

    def _cell(self, cell: Any, text: str, header: bool, number: bool, bold: bool) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = cell.paragraphs[0]
        paragraph.style = self.document.styles["Table Heading" if header else "Table Text"]
        if number and not header:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self._runs(paragraph, text)
        if bold:
            for run in paragraph.runs:
                run.bold = True

    def _text_width(self) -> int:
        """The width between the margins, in EMU."""
        section = self.document.sections[-1]
        return int(section.page_width - section.left_margin - section.right_margin)


def _open(reference: Path) -> Any:
    """The reference document, or the user's error naming it."""
    from docx import Document

    try:
        return Document(str(reference))
    except Exception as exc:  # python-docx raises many kinds for a file that is not a .docx
        raise UsageError(
            _("{file}: cannot be read as a Word document ({error})").format(
                file=reference, error=f"{type(exc).__name__}: {exc}"
            ),
            hint=_("save it from Word or WPS as .docx, or remove it to use the built-in one"),
            code="template-invalid",
        ) from None


def _clear_body(document: Any) -> None:
    """Everything of the body but its section properties (page size, margins, footer)."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _widths(texts: list[list[str]], total: int) -> list[int]:
    """Each column's width in EMU, together ``total``. A column of short texts (numbers, grades)
    gets what its longest text and half its title need, so that it never wraps; the other
    columns share the rest by what their longest line would need (within NARROWEST and WIDEST
    half-width characters). When even the short columns do not fit, all are scaled down."""
    head, body = texts[0], texts[1:]
    fixed, wanted = [], []
    for column, title in enumerate(head):
        longest = _longest(row[column] for row in body if column < len(row))
        half_title = (_longest([title]) + 1) // 2  # a title may wrap onto two lines
        if 0 < longest <= SHORT:
            fixed.append(_emu_for(max(longest, half_title)))
            wanted.append(0)
        else:
            fixed.append(0)
            wanted.append(_emu_for(min(max(longest, half_title, NARROWEST), WIDEST)))
    room = total - sum(fixed)
    if room <= 0 or not any(wanted):  # no room to share, or nothing to share it: scale all
        whole = [f or w for f, w in zip(fixed, wanted)]
        widths = [total * width // max(sum(whole), 1) for width in whole]
    else:
        widths = [f or room * w // sum(wanted) for f, w in zip(fixed, wanted)]
    widths[-1] += total - sum(widths)  # what integer division left goes to the last column
    return widths


def _longest(cells: Any) -> int:
    """The display width of the longest line of any of ``cells``."""
    return max((_display_width(line) for cell in cells for line in cell.split("\n")), default=0)


def _emu_for(characters: int) -> int:
    """The width a cell needs for ``characters`` half-width characters of 五号 text, with its
    padding."""
    return int((characters * HALF_WIDTH_PT + PADDING_PT) * EMU_PER_PT)


def _display_width(text: str) -> int:
    """Half-width characters ``text`` takes: two for a wide (Chinese) character."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _fit(table: Any, widths: list[int]) -> None:
    """A fixed layout at exactly ``widths``: Word reads the grid and each cell's width,
    LibreOffice the grid and the table's width."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Emu

    table.autofit = False
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        properties.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(int(sum(widths) * TWIPS_PER_EMU)))
    for column, value in zip(table._tbl.tblGrid.gridCol_lst, widths):
        column.w = Emu(value)
    for row in table.rows:
        for cell, value in zip(row.cells, widths):
            cell.width = Emu(value)


def _row_properties(row: Any, header: bool) -> None:
    """A row never splits across pages; the header row repeats on each page."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))
