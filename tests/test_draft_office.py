"""The drafted Word report opened in a real word processor (LibreOffice, headless, printing it
to PDF), and the HTML report in a real browser (headless Chromium): each opens, shows the
department, its score and grade, and the page loads without an error.

Each is skipped, with the reason, where its program is not installed; `.ci/run` installs both
from the distribution's packages.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import scoring
from scoring.draft import draft

from .browser import CHROMIUM, load
from .test_draft_inert import hostile

EXAMPLE = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# LibreOffice's word processor (Debian's libreoffice-writer), beside the program; a machine may
# have only its spreadsheet, which the workbook tests need.
WRITER = SOFFICE is not None and any(
    (Path(os.path.realpath(SOFFICE)).parent / name).exists() for name in ("libswlo.so", "swlo.dll")
)
DAY = datetime.date(2024, 4, 9)
DEPARTMENT = "乐亭县城区工业聚集区管理委员会"
# Where the README's picture of the HTML report comes from: set to refresh it.
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "report-screenshot.png"

needs_libreoffice = pytest.mark.skipif(
    not WRITER,
    reason="LibreOffice is not installed (apt-get install libreoffice-writer): the Word report "
    "is not opened in a real word processor",
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium): the HTML report is not "
    "loaded in a real browser",
)


@pytest.fixture(scope="module")
def example():
    return scoring.score(EXAMPLE)


def _pdf(docx: Path, folder: Path) -> Path:
    """``docx`` printed to PDF by LibreOffice."""
    profile = (folder / "lo-profile").as_uri()
    run = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}",
         "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    pdf = folder / f"{docx.stem}.pdf"
    assert run.returncode == 0 and pdf.exists(), run.stdout + run.stderr
    return pdf


def _pdf_text(pdf: Path) -> str:
    """The PDF's text: pdftotext's where installed, else pypdf's."""
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True, timeout=60).stdout  # fmt: skip
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


@needs_libreoffice
def test_the_word_report_opens_and_prints_in_libreoffice(example, tmp_path):
    from pypdf import PdfReader

    docx = tmp_path / "leting-2023.docx"
    docx.write_bytes(draft(example, "docx", ruleset=scoring.ruleset(), date=DAY))
    pdf = _pdf(docx, tmp_path)
    pages = PdfReader(pdf).pages
    # the body, the tables of three projects and the 附表: 8 pages with the fonts of a Debian
    # machine; a range, as fonts differ between machines
    assert 5 <= len(pages) <= 12, len(pages)
    width, height = (float(v) * 25.4 / 72 for v in (pages[0].mediabox.width, pages[0].mediabox.height))  # fmt: skip
    assert round(width) == 210 and round(height) == 297  # A4
    text = "".join(_pdf_text(pdf).split())  # CJK text may come out with spaces between
    # pypdf (where pdftotext is not installed) gives the quotation marks out of their place:
    # "得分99.79“”分，等级为优"
    text = text.replace("“", "").replace("”", "")
    assert DEPARTMENT in text
    assert "部门整体自评得分99.79分" in text and "等级为优" in text
    assert "—1—" in text and f"—{len(pages)}—" in text  # page numbers in the footer
    assert "附表1招商经费项目支出绩效自评表" in text


@needs_libreoffice
def test_a_hostile_word_report_opens_in_libreoffice(tmp_path):
    docx = tmp_path / "hostile.docx"
    docx.write_bytes(draft(scoring.score(hostile()), "docx"))
    text = "".join(_pdf_text(_pdf(docx, tmp_path)).split())
    assert "<script>alert(1)</script>管理委员会" in text


@needs_chromium
def test_the_html_report_loads_in_chromium_without_an_error(example, tmp_path):
    page = tmp_path / "leting-2023.html"
    page.write_text(draft(example, "html", ruleset=scoring.ruleset(), date=DAY), "utf-8")
    loaded = load(page, width=900, height=1400)
    assert loaded.errors == []
    assert DEPARTMENT in loaded.text and "99.79" in loaded.text and "优" in loaded.text
    assert "预算执行率" in loaded.text and "97.86%" in loaded.text
    assert loaded.png.startswith(b"\x89PNG\r\n\x1a\n") and len(loaded.png) > 10_000
    (tmp_path / "report.png").write_bytes(loaded.png)
    if os.environ.get("SCORING_UPDATE_SCREENSHOT"):
        SCREENSHOT.write_bytes(loaded.png)


@needs_chromium
def test_the_html_report_reads_on_a_phone(example, tmp_path):
    page = tmp_path / "phone.html"
    page.write_text(draft(example, "html", date=DAY), "utf-8")
    loaded = load(page, width=390, height=844, mobile=True)
    assert loaded.errors == [] and DEPARTMENT in loaded.text


@needs_chromium
def test_a_hostile_html_report_runs_nothing(tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(draft(scoring.score(hostile()), "html"), "utf-8")
    loaded = load(page)
    assert loaded.errors == []  # no alert, no image fetched, nothing refused
    assert "<script>alert(1)</script>管理委员会" in loaded.text


@needs_chromium
def test_the_browser_check_sees_an_error(tmp_path):
    """The check above can fail: a page with a broken script and a missing picture is seen."""
    page = tmp_path / "broken.html"
    page.write_text("<p>x</p><script>undefinedFunction()</script><img src='nowhere.png'>", "utf-8")
    assert len(load(page).errors) == 2
