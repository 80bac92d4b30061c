"""User text made inert on its way out: whatever a file says is shown, never obeyed.

A name, a target, a reason, a file name or a rule set's title comes from someone else's file,
and each destination would obey some of it: a terminal runs escape sequences (ESC[2J clears
the screen, OSC 52 writes the clipboard, OSC 8 hides a link), a spreadsheet runs a CSV cell
that starts with ``=`` as a formula, Markdown opens HTML, headings, rows and links. One function
per destination makes the text inert there, and every view calls it on every piece of user text:

- :func:`terminal` — a terminal, and every message (standard error may be one);
- :func:`csv_cell` — a CSV cell, for a spreadsheet and for a terminal;
- :func:`markdown_text`, :func:`markdown_code`, :func:`markdown_block` — Markdown text, an
  inline code span, a fenced block;
- :func:`json_text`, :func:`toml_text` — JSON or TOML already serialised, on its way to a
  terminal;
- :func:`html_text` — HTML text or an attribute's value (a drafted report's page);
- :func:`word_text` — a Word document's text, which XML must be able to hold.

The escaped form is the same everywhere: Python's notation for a code point, ``\\x1b`` (up to
U+00FF), ``\\u202e``, ``\\U000e0041`` — visible, ASCII, and the same number a developer would
search for. What is escaped is every code point Unicode classes as a control (Cc: C0, DEL, C1),
a format character (Cf: bidirectional embeddings, overrides and isolates, zero-width spaces and
joiners, the byte-order mark, the invisible tag characters), a surrogate (Cs: a file name's
undecodable bytes) or a line or paragraph separator (Zl, Zp). None of these has a use in a
自评表, and each can make text look other than it is. A line feed and a tab are kept where a
text may have lines (a reason of several lines is shown on several lines); CR LF is one line
break. Backslashes are not escaped: a Windows path stays readable, and escaping twice changes
nothing (``\\x1b`` holds no control character).

This module imports nothing from the package: it is used by the errors and by every view.
"""

from __future__ import annotations

import re

# Every code point of the general categories Cc, Cf, Cs, Zl and Zp (Unicode 14 and 15: Python
# 3.11 to 3.13), as ranges; tests/test_inert_output.py checks it against unicodedata, so a newer
# Unicode cannot add one unseen. Listed rather than computed: scanning 1.1 million code points
# costs a third of a second at every start.
_C0 = r"\x00-\x1f"
_OTHERS = (
    r"\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    r"\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb\U000110bd"
    r"\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    r"\U000e0020-\U000e007f"
)
_ANY = re.compile(f"[{_C0}{_OTHERS}]")
# the same without the line feed and the tab, for text that may have lines
_IN_LINES = re.compile(r"[\x00-\x08\x0b-\x1f" + _OTHERS + "]")
# all but C0, for serialised JSON and TOML: they escape C0 in strings themselves, and the line
# feeds and spaces between their values are C0 that must stay
_BEYOND_C0 = re.compile(f"[{_OTHERS}]")


def escaped(char: str) -> str:
    """One code point in the visible form: ``\\x1b``, ``\\u202e``, ``\\U000e0041``."""
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def terminal(text: object, lines: bool = True) -> str:
    """``text`` as a terminal may show it: every control, format and separator character
    escaped (see the module's docstring). ``lines``: keep line feeds and tabs (a reason, a
    message); without it they are escaped too (a file name, a place, a cell on one line)."""
    value = str(text)
    if value.isprintable():  # the common case: no work
        return value
    if lines:
        return _IN_LINES.sub(lambda m: escaped(m.group()), value.replace("\r\n", "\n"))
    return _ANY.sub(lambda m: escaped(m.group()), value)


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP's CSV injection
# list): =1+1, +1+1, -1+1, @SUM(…), and a tab or carriage return before any of them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number a spreadsheet reads as one, which stays a number: -3.5, +2, -1E3, -5%.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows and never runs: a text starting as a formula does gets a
    leading ``'`` (as spreadsheet users write text that looks like a formula), a number such as
    ``-3.5`` stays a number; control characters escaped as on a terminal (line feeds and tabs
    kept: a cell may have lines). Always, whether the CSV goes to a file or a terminal."""
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        text = "'" + text
    return terminal(text)


# Characters with a meaning in Markdown inline text (CommonMark, GitHub's tables,
# strikethrough and math, @mentions, a heading's closing #), shown as themselves with a
# backslash before them.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~$@#])")
# What starts a block at the beginning of a line or a list item: a list marker (-, + or 1.
# before a space) or a thematic break (---); a number such as -3.5 or +2 starts none.
_BLOCK_START = re.compile(r"^(\s*)(?:([+\-])(?=[\s\-]|$)|(\d{1,9})([.)])(?=\s|$))")


def markdown_text(value: object) -> str:
    """``value`` as Markdown that renders as the text itself, on one line: no HTML (``<``, ``>``
    and ``&`` as entities), no link, image, emphasis or code (their punctuation
    backslash-escaped), no table cell boundary (``|``), no new block (a line break is ``<br>``,
    ``#`` escaped, a list marker or ``---`` at the start escaped); control characters escaped
    as on a terminal. A bare URL may still be shown as a link by GitHub: its text is its target."""
    text = terminal(value).replace("\t", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    text = _BLOCK_START.sub(_escape_block_start, text)
    return text.replace("\n", "<br>")


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker, digits, delimiter = match.groups()
    if marker:
        return f"{indent}\\{marker}"
    return f"{indent}{digits}\\{delimiter}"


def markdown_code(value: object, in_table: bool = False) -> str:
    """``value`` as an inline code span (a file name, a cell): shown literally, so only the
    backticks around it must outnumber any run of backticks inside; on one line, control
    characters escaped. ``in_table``: inside a table row, where ``|`` ends the cell even in
    code and is written ``\\|``."""
    text = terminal(value, lines=False)
    if in_table:
        text = text.replace("|", "\\|")
    fence = "`" * (_longest_run(text, "`") + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_block(value: object, info: str = "text") -> str:
    """``value`` as a fenced code block, literally and with its lines: the fence outnumbers any
    run of backticks inside, so no line of it can close the block; control characters escaped."""
    text = terminal(value)
    fence = "`" * max(3, _longest_run(text, "`") + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(run) for run in runs), default=0)


_HTML_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def html_text(value: object) -> str:
    """``value`` as HTML text, inside an element or a quoted attribute: shown, never parsed —
    ``<``, ``>``, ``&`` and both quotes as entities, control characters escaped as on a
    terminal (a line feed kept: the page's CSS decides whether it breaks the line)."""
    return terminal(value).translate(_HTML_SPECIAL)


# Code points XML 1.0 cannot hold that the escapes above leave (noncharacters of the BMP's end).
_NOT_XML = re.compile("[\ufffe\uffff]")


def word_text(value: object) -> str:
    """``value`` as the text of a Word document (XML): control characters escaped as on a
    terminal, line feeds and tabs kept (a run writes them as breaks and tabs), and the two code
    points XML cannot hold (U+FFFE, U+FFFF) escaped too. Word has no markup in text to fear."""
    return _NOT_XML.sub(lambda m: escaped(m.group()), terminal(value))


def json_text(serialised: str) -> str:
    """JSON text (``json.dumps(…, ensure_ascii=False)``) with the characters a terminal would
    act on written as JSON escapes (``\\u009b``): the same JSON, the same values. json.dumps
    escapes C0 itself but leaves DEL, C1, format characters and surrogates as they are; each
    can only be inside a string, where its ``\\u`` escape is its exact equivalent."""
    return _BEYOND_C0.sub(lambda m: _unicode_escape(m.group(), astral="json"), serialised)


def toml_text(serialised: str) -> str:
    """TOML text (tomlkit's, its comments made inert with :func:`terminal`) with the characters
    a terminal would act on written as TOML escapes (``\\u009b``, ``\\U000e0041``): tomlkit
    escapes C0 in strings and keys but leaves the others as they are, inside basic strings and
    quoted keys, where the escape is their exact equivalent."""
    return _BEYOND_C0.sub(lambda m: _unicode_escape(m.group(), astral="toml"), serialised)


def _unicode_escape(char: str, astral: str) -> str:
    """``\\u`` and four hex digits (``\\u009b``); outside the BMP, JSON's UTF-16 surrogate pair
    or TOML's ``\\U`` and eight (``\\U000e0041``)."""
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    if astral == "toml":
        return f"\\U{code:08x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
