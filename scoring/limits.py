"""Every bound on the work one input can cause, in one place: sizes, counts and depths that no
real 自评表, rule set or report comes near, and beyond which a file is refused (exit 2, naming the
limit) instead of hanging the run or exhausting memory.

The numbers are listed with the message a user sees in ``docs/limits.md``; a test checks that
page against this module. Each is a plain constant so that an embedding program may read it;
none is a setting (a limit a user could raise is no limit).
"""

from __future__ import annotations

# --- files ----------------------------------------------------------------------------------
# A text file (TOML, JSON, a written report) is read to at most this many bytes + 1: one more
# byte means the file is too large, whatever stat() says (a FIFO or /dev/zero reports 0).
MAX_FILE_BYTES = 64 * 1024 * 1024

# Parts of one dotted key or table header in a TOML file (``[[projects.indicators]]`` has two),
# counted in the text before it is parsed: tomllib's work on one key grows with the square of
# its parts (a key of 100,000 parts, 200 kB, took minutes). A key of more parts would nest
# deeper than MAX_DEPTH, which is refused anyway.
MAX_KEY_PARTS = 32

# --- errors ---------------------------------------------------------------------------------
# At most this many problems are listed for one file; the rest are counted ("… and 9,950 more").
MAX_PROBLEMS = 50
# A value quoted in a message is cut to this many characters, with "…" after it.
MAX_QUOTED = 60

# --- the terminal ---------------------------------------------------------------------------
# Characters of one user text (a name, a target, an actual, a message quoting them) that the
# terminal views draw, with "…" after them; JSON, CSV, Markdown and workbooks keep the whole
# text. rich lays out every character of a cell, escaped (\u202e is six): a 300,000-character
# name took a minute to draw. A name on the form is a few dozen characters, a message a few
# hundred.
MAX_SHOWN_CHARS = 1_000

# --- written reports (scoring check) ----------------------------------------------------------
# Characters in the title of a column of a table in a report: each title is repeated before every
# figure of its column, so a long title × many rows was quadratic work. A real title is a few
# words (项目名称, 预算数（万元）).
MAX_TITLE_CHARS = 200

# --- structures -----------------------------------------------------------------------------
# Lists and tables inside one another in an evaluation given to the API or read from JSON; the
# form itself is four deep (department → projects → indicators → a target table).
MAX_DEPTH = 32
# Rule sets in one ``extends`` chain; the built-in chains are at most three long.
MAX_EXTENDS = 16
# Digits in one number of an evaluation or a rule set. Money is filed to the fen (15
# significant digits is Excel's precision); 40 digits leaves room for any real figure.
MAX_DIGITS = 40

# --- workbooks ------------------------------------------------------------------------------
# A workbook is counted before it is opened (an .xlsx from its zip's directory and its XML
# streamed, an .xls sheet by sheet) and refused at the first count past its limit, naming the
# sheet and the cell or range. The yardstick is the largest real case: a department's workbook
# of 500 projects stacked on one sheet (8,665 rows × 9 columns; 33,499 cells written, 10,834
# merged ranges covering 43,838 cells; 2.4 MB of XML, 0.25 MB zipped; read in about 5 s), or
# one project a sheet (500 sheets of about 40 × 10). Each limit is a few times that, and
# bounds the work openpyxl would do (20–60 µs a cell, more for a merged one: see below) to a
# minute and under a gigabyte at worst. A workbook file, like a text file, is at most
# MAX_FILE_BYTES.
#
# The parts of an .xlsx together, unzipped.
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
# How many times its own size an .xlsx may unzip to: Excel's and WPS's unzip to 3–10 times (XML
# compresses well, pictures not at all), a zip bomb to a thousand. It keeps the work a small file
# can cause in proportion to its size.
MAX_COMPRESSION_RATIO = 100
# Elements in the XML of an .xlsx (a cell with its value is two or three); the 500-project
# workbook has about 120,000.
MAX_XML_ELEMENTS = 2_000_000
# Sheets in a workbook: a department files a few hundred projects, one a sheet at most.
MAX_SHEETS = 1_000
# The rows and columns a sheet may use, for a cell, a merged range, a hyperlink or a comment:
# those of an .xls sheet (65,536 rows, columns A to IV), in which the form was drawn; it has 10
# to 20 columns, and 500 projects stacked on one sheet take 8,665 rows. The size a sheet's
# <dimension> claims is not counted: Excel writes whole formatted columns there.
MAX_SHEET_ROWS = 65_536
MAX_SHEET_COLUMNS = 256
# Cells in a workbook: those of each sheet's used range (from A1 to its last row and column, a
# formatted cell counting as one), which reading and annotating a sheet go through; and those
# written in its XML. The 500-project sheet's used range is 77,985 cells; 500 sheets of 40 × 10,
# 200,000.
MAX_CELLS = 1_000_000
# Cells covered by merged ranges in a workbook (openpyxl makes an object for each, and expands a
# hyperlink or a comment given for a range alike), and merged ranges. Reading takes their ranges
# from the survey (about 0.1 ms a range); the workbook returned with -f xlsx is opened whole by
# openpyxl, which borders and protects every cell of every range one by one (about 50 µs a cell
# and 0.3 ms a range): 49,000 ranges of 8 cells took 34 s of processor time there, 25,000 of 4
# cells 15 s. These bounds keep it to that, and hold the yardstick twice over, or 1,000 sheets of one project each
# (the limit of sheets, 21 ranges and 88 merged cells a project).
MAX_MERGED_CELLS = 100_000
MAX_MERGED_RANGES = 25_000
# Ranges listed by the data validations and conditional formats of a workbook (their sqref,
# "B11:B20 D11 …") and by its defined names (a print area): openpyxl makes an object for each
# (about 20 µs and 300 bytes), and a list of 300,000 ranges fits in a 0.6 MB file. A form lists a
# few ranges a rule, a few rules and one print area a sheet.
MAX_LISTED_RANGES = 50_000
