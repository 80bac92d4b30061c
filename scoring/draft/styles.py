"""The Word look of the drafted report, as the styles of ``templates/report.docx``.

The report is written into a copy of that document, using its styles by name, so that a bureau
can restyle it in Word (Home → Styles → Modify) and pass the folder holding its copy with
``--template DIR``. This module made the shipped file and remakes it after a change here::

    python -m scoring.draft.styles scoring/draft/templates/report.docx

The look follows the national standard for official documents (GB/T 9704-2012) where a report
can: A4 paper with the standard's margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm);
the title in 小标宋 (二号, 22 pt), first-level headings in 黑体 and second-level ones in 楷体,
the body in 仿宋 (三号, 16 pt) at a fixed line spacing of 28 pt with a two-character indent;
page numbers in the footer as "— 1 —" (宋体 四号). Tables use 仿宋 五号 (10.5 pt) to fit the page.
A font a machine does not have is replaced by Word's or LibreOffice's nearest one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

# style name → (Latin font, East Asian font, size in pt, bold)
FONTS = {
    "Normal": ("Times New Roman", "仿宋", 16, False),
    "Title": ("Times New Roman", "方正小标宋简体", 22, False),
    "Subtitle": ("Times New Roman", "楷体", 16, False),
    "Heading 1": ("Times New Roman", "黑体", 16, False),
    "Heading 2": ("Times New Roman", "楷体", 16, False),
    "Heading 3": ("Times New Roman", "仿宋", 16, True),
    "Caption": ("Times New Roman", "黑体", 12, False),
    "Footer": ("Times New Roman", "宋体", 14, False),
    "Note": ("Times New Roman", "楷体", 14, False),
    "Table Text": ("Times New Roman", "仿宋", 10.5, False),
    "Table Heading": ("Times New Roman", "黑体", 10.5, False),
}
NEW_PARAGRAPH_STYLES = ("Note", "Table Text", "Table Heading")
TO_COMPLETE_STYLE = "待补充"  # a character style: what the unit must complete, shaded
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
LINE_PT = 28


def reference_document() -> DocumentObject:
    """A new document holding the report's styles, page and footer, and no text."""
    from docx import Document

    document = Document()
    _page(document)
    for name in NEW_PARAGRAPH_STYLES:
        _new_paragraph_style(document, name)
    for name, font in FONTS.items():
        _style(document.styles[name], *font)
    _paragraphs(document)
    _todo_style(document)
    _footer(document)
    _properties(document)
    return document


def _page(document: Any) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(20)


def _new_paragraph_style(document: Any, name: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True


def _style(style: Any, latin: str, east_asian: str, size: float, bold: bool) -> None:
    """The style's fonts (Latin and East Asian), size, weight, and black text."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name, font.size, font.bold, font.italic = latin, Pt(size), bold, False
    font.color.rgb = RGBColor(0, 0, 0)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the names above


def _paragraphs(document: Any) -> None:
    """Spacing, indents and alignment of each paragraph style."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    styles = document.styles
    for name in FONTS:
        form = styles[name].paragraph_format
        form.space_before = form.space_after = Pt(0)
        form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        form.line_spacing = Pt(LINE_PT)
    styles["Normal"].paragraph_format.first_line_indent = Pt(32)  # two characters of 16 pt
    styles["Normal"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name in ("Title", "Subtitle", "Caption", "Footer", "Table Heading", "Table Text", "Note"):
        styles[name].paragraph_format.first_line_indent = Pt(0)
    for name in ("Title", "Subtitle", "Caption", "Footer", "Table Heading"):
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = styles["Title"].paragraph_format
    title.line_spacing = Pt(36)
    title.space_before, title.space_after = Pt(12), Pt(6)
    styles["Subtitle"].paragraph_format.space_after = Pt(12)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        form = styles[name].paragraph_format
        form.first_line_indent = Pt(32)
        form.keep_with_next = True
    styles["Caption"].paragraph_format.space_before = Pt(6)
    styles["Caption"].paragraph_format.keep_with_next = True
    for name in ("Table Text", "Table Heading"):
        form = styles[name].paragraph_format
        form.line_spacing_rule = WD_LINE_SPACING.SINGLE
    styles["Table Text"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    styles["Note"].paragraph_format.line_spacing = Pt(24)
    styles["Note"].paragraph_format.space_after = Pt(12)


def _todo_style(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    style = document.styles.add_style(TO_COMPLETE_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.quick_style = True
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "FFF3B0")
    style.element.get_or_add_rPr().append(shading)


def _footer(document: Any) -> None:
    """ "— N —" centred in the footer, N the page number field (Word and LibreOffice fill it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    paragraph.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    closing = OxmlElement("w:r")
    closing_text = OxmlElement("w:t")
    closing_text.set(qn("xml:space"), "preserve")
    closing_text.text = " —"
    closing.append(closing_text)
    paragraph._p.append(closing)


def _properties(document: Any) -> None:
    import datetime

    properties = document.core_properties
    properties.author = properties.last_modified_by = "scoring"
    properties.title = "部门整体绩效自评报告"
    properties.comments = "The styles of scoring's drafted reports; restyle them in Word."
    fixed = datetime.datetime(2024, 1, 1)  # the file is the same each time it is remade
    properties.created = properties.modified = fixed
    properties.revision = 1


def main(argv: list[str]) -> int:
    """``python -m scoring.draft.styles OUT.docx``: write the reference document."""
    if len(argv) != 1 or not argv[0].endswith(".docx"):
        print("usage: python -m scoring.draft.styles OUT.docx", file=sys.stderr)
        return 2
    reference_document().save(str(Path(argv[0])))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
