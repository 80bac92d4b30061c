"""The text of a written 自评报告 for :mod:`scoring.report`, whatever it was written in: plain
text or Markdown as it is, a Word document (``.docx``) or a web page (``.html``) as lines of
text in reading order.

A Word document gives its paragraphs and tables in the order of its body (python-docx), each
paragraph followed by a blank line as in Markdown, a heading or title as a Markdown heading, each table as Markdown rows with a rule under the first
(the header), so that :func:`scoring.report.extract` reads them as it reads a Markdown report;
a cell merged across columns is read once. A page gives its text the way a browser lays out
blocks, its tables likewise; what is not text — scripts, styles, SVG charts — is left out.

A .docx is a zip: it is read to at most :data:`~scoring.limits.MAX_FILE_BYTES`, and refused when
its parts would unzip past :data:`~scoring.limits.MAX_UNZIPPED_BYTES` or
:data:`~scoring.limits.MAX_COMPRESSION_RATIO` times its size, before anything is unzipped.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .errors import InputError
from .i18n import _
from .limits import MAX_COMPRESSION_RATIO, MAX_UNZIPPED_BYTES
from .readers import read_limited, read_text

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")


def _not_a_docx() -> str:
    """The hint for a file that is no Word document."""
    return _("save it from Word or WPS as .docx (an old .doc must be saved as .docx first)")


def read_report(path: Path) -> str:
    """The report's text, as lines: a .docx and a .html as described above, anything else as
    UTF-8 text. Raises InputError naming the file for one that cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_text(read_limited(path), str(path))
    if suffix in (".html", ".htm"):
        return html_text(read_text(path))
    return read_text(path)


# --- Word --------------------------------------------------------------------------------------


def docx_text(data: bytes, file: str) -> str:
    """The paragraphs and tables of a .docx's body, in order, as lines."""
    names = _refuse_large_zip(data, file)
    if "word/document.xml" not in names:
        said = (
            _("an Excel workbook, not a Word document (.docx)")
            if "xl/workbook.xml" in names
            else _("not a Word document (.docx): the package has no document part")
        )
        raise InputError(said, hint=_not_a_docx(), file=file, code="unknown-format")
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds for a damaged .docx
        raise InputError(
            _("not a Word document (.docx): its parts cannot be read"),
            hint=_not_a_docx(),
            file=file,
            code="unknown-format",
        ) from None
    lines: list[str] = []
    _block_lines(document.element.body, lines)
    return "\n".join(lines) + "\n"


def _refuse_large_zip(data: bytes, file: str) -> set[str]:
    """The names of the package's parts, after refusing one that unpacks too large."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            unzipped = sum(info.file_size for info in infos)
    except zipfile.BadZipFile:
        raise InputError(
            _("not a Word document (.docx): not a zip file"), hint=_not_a_docx(), file=file,
            code="unknown-format",
        ) from None  # fmt: skip
    if unzipped > MAX_UNZIPPED_BYTES or unzipped > MAX_COMPRESSION_RATIO * max(len(data), 1):
        raise InputError(
            _(
                "the document unzips to {size} bytes, more than a report holds "
                "(at most {most} bytes, {ratio} times its size)"
            ).format(
                size=f"{unzipped:,}", most=f"{MAX_UNZIPPED_BYTES:,}", ratio=MAX_COMPRESSION_RATIO
            ),
            hint=_("save the report again from Word without embedded files, or as text"),
            file=file,
            code="file-too-large",
        )
    return {info.filename for info in infos}


_MARKS = re.compile(r"([\\*_`~])")


def literal(text: str) -> str:
    """A document's text as Markdown that reads as the text itself: the characters Markdown
    takes for emphasis or code (``*粗体*``, ``代码`` in backquotes) and the backslash escaped, as
    a name a unit wrote so is no markup of the document's."""
    return _MARKS.sub(r"\\\1", text)


def _block_lines(parent: Any, lines: list[str]) -> None:
    """The lines of the paragraphs and tables directly in ``parent`` (a body or a content
    control's content), in order."""
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            # a blank line after each: a Word paragraph is a paragraph, as in Markdown, and
            # whose a figure is does not run on from the paragraph before
            lines.extend((_paragraph_line(child), ""))
        elif tag == "tbl":
            lines.extend(_table_lines(child))
            lines.append("")
        elif tag == "sdt":  # a content control: its content is text of the body
            for content in child.iterchildren():
                if content.tag.endswith("}sdtContent"):
                    _block_lines(content, lines)


def _paragraph_line(element: Any) -> str:
    """A paragraph's text; a heading or title marked as one (``# ``)."""
    # python-docx's paragraph element: runs, tabs, breaks
    text = literal(element.text.replace("\n", " "))
    style = _style_id(element)
    heading = style.startswith(("heading", "title")) or style in ("1", "2", "3")
    return f"# {text}" if heading and text.strip() else text


def _style_id(element: Any) -> str:
    """The paragraph's style id, lower case (``heading1``, ``title``); "" for none."""
    properties = element.pPr
    style = properties.pStyle if properties is not None else None
    return (style.val or "").lower() if style is not None else ""


def _table_lines(element: Any) -> list[str]:
    """A table as Markdown rows, a rule under the first; a merged cell read once."""
    from docx.oxml.ns import qn

    rows = []
    for row in element.iterchildren(qn("w:tr")):
        cells = [_cell_text(cell) for cell in row.iterchildren(qn("w:tc"))]
        rows.append("| " + " | ".join(cells) + " |")
    if rows:
        rows.insert(1, "|" + "---|" * max(rows[0].count(" | ") + 1, 1))
    return rows


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs on one line (a row is one line), its ``|`` kept from ending it."""
    from docx.oxml.ns import qn

    texts = [literal(paragraph.text.replace("\n", " ")) for paragraph in cell.iter(qn("w:p"))]
    return " ".join(text for text in texts if text).replace("|", "｜")


# --- HTML --------------------------------------------------------------------------------------

BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "ul", "caption", "br",
}  # fmt: skip
PARAGRAPHS = {"p", "blockquote", "pre"}  # blocks that end a paragraph
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
HIDDEN = {"script", "style", "svg", "template", "noscript", "head", "math", "object"}
_SPACES = re.compile(r"\s+")


class _PageText(HTMLParser):
    """A page's visible text as lines: blocks on lines of their own, headings as ``# ``, table
    rows as Markdown rows with a rule under each table's first."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.text: list[str] = []
        self.hidden = 0
        self.heading = False
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.rows_in_table: list[int] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif self.hidden:
            return
        elif tag == "table":
            self._end_line()
            self.rows_in_table.append(0)
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []
        elif tag in HEADINGS:
            self._end_line()
            self.heading = True
        elif tag in BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif self.hidden:
            return
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(_SPACES.sub(" ", "".join(self.cell)).strip().replace("|", "｜"))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self._table_row(self.row)
            self.row = None
        elif tag == "table":
            if self.rows_in_table:
                self.rows_in_table.pop()
            self.lines.append("")
        elif tag in HEADINGS:
            self._end_line()
            self.heading = False
        elif tag in BLOCKS:
            self._end_line()
            if tag in PARAGRAPHS and self.lines and self.lines[-1]:
                # a blank line after a paragraph, as in Markdown and in a Word document: whose
                # a figure is does not run on from the paragraph before
                self.lines.append("")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        (self.cell if self.cell is not None else self.text).append(literal(data))

    def _table_row(self, cells: list[str]) -> None:
        self.lines.append("| " + " | ".join(cells) + " |")
        if self.rows_in_table:
            self.rows_in_table[-1] += 1
            if self.rows_in_table[-1] == 1:
                self.lines.append("|" + "---|" * max(len(cells), 1))

    def _end_line(self) -> None:
        text = _SPACES.sub(" ", "".join(self.text)).strip()
        self.text = []
        if text:
            self.lines.append(f"# {text}" if self.heading else text)


def html_text(page: str) -> str:
    """A page's visible text as lines (see :class:`_PageText`)."""
    parser = _PageText()
    parser.feed(page)
    parser.close()
    parser._end_line()
    return "\n".join(parser.lines) + "\n"
