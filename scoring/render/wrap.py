"""Where a terminal view may break a line of mixed Chinese and figures.

rich breaks a cell's text only at spaces and folds a word that does not fit character by
character, so at 80 columns a table showed ``87.`` / ``50`` and ``3`` / ``项定量指标…``. The
texts of a 自评表 follow Chinese line breaking instead (the rules of GB/T 15834 punctuation and
of Unicode's line breaking, UAX #14, tailored to these texts):

- a line may break after a space, and between two Chinese characters;
- never inside a figure with its sign, operator and unit: ``≥95%``, ``87.50``, ``10个``,
  ``6.5万元``, nor between a figure and the measure word after one space (``3 项``, ``99.79 分``),
  nor between a Chinese label and the figure after one space (``执行率 97.86%``);
- never before closing punctuation (``，。、；：？！）」》%`` …) nor after opening punctuation
  (``（「《“`` …);
- an operator stays with what follows it (``≥ 目标``, ``= 65.00%``);
- a run of up to :data:`SHORT_PHRASE` Chinese characters is kept whole (``达到目标``,
  ``部分达成``), the form's own terms (:data:`TERMS`: ``年度指标值``, ``全年预算数`` …) are never
  split, and a longer run does not leave one character alone at either end;
- a line that starts with spaces (a 三级指标 under its 一级 · 二级 heading) keeps that indent on
  every line it wraps to.

A piece wider than the whole column is cut at the looser breaks inside it (Chinese line
breaking alone, figures still whole), and only what is still too wide is folded, character by
character. :class:`Wrapped`
is the rich renderable a table cell holds; :func:`break_offsets` and :func:`wrap_plain` are the
rule itself, on plain strings.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement
    from rich.text import Text

# Chinese characters kept on one line while the column allows: most 三级指标 names
# (工程验收合格率) and phrases; a longer run breaks between characters, as Chinese does.
SHORT_PHRASE = 7
# The 自评表's own terms, never split wherever they stand in a longer run of characters.
TERMS = (
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "全年预算数", "全年执行数",
    "年初预算数", "预算执行率", "执行率", "指标值", "完成值", "分值", "得分", "万元",
    "项目名称", "自评得分",
)  # fmt: skip
OPERATORS = set("≥≤=×/+−-<>≈÷")
OPENING = set("（([{「『【《〈〔“‘＜")
CLOSING = set("，。、；：？！）)]}」』】》〉〕”’%‰,;:?!…·＞℃")
SPACES = set(" \u3000")


def _is_chinese(char: str) -> bool:
    """A character of the CJK ideograph blocks, or kana."""
    code = ord(char)
    return (
        0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x3040 <= code <= 0x30FF
        or 0x20000 <= code <= 0x3FFFF
    )


def _is_figure(char: str) -> bool:
    return char.isdigit()


def _figure_begins(text: str, i: int) -> bool:
    """A figure starts at ``text[i]``: a digit, or a sign before one."""
    if text[i].isdigit():
        return True
    return text[i] in "+-−" and i + 1 < len(text) and text[i + 1].isdigit()


def _runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every run of Chinese characters."""
    runs, start = [], None
    for i, char in enumerate(text):
        if _is_chinese(char):
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(text)))
    return runs


def break_offsets(text: str, together: bool = True) -> list[int]:
    """The offsets ``i`` (0 < i < len) at which a line may end before ``text[i]``, by the rules
    of the module's documentation. One line: ``text`` holds no newline. ``together`` False: only
    Chinese line breaking and figures whole — what a piece wider than the whole column is cut
    by before it is folded, so that it still never splits a figure or puts a comma first."""
    inside_short: set[int] = set()  # offsets inside a run that must not be broken
    for start, end in _runs(text) if together else ():
        length = end - start
        if length <= SHORT_PHRASE:
            inside_short.update(range(start + 1, end))
        else:
            inside_short.update((start + 1, end - 1))
    for term in TERMS if together else ():
        found = text.find(term)
        while found != -1:
            inside_short.update(range(found + 1, found + len(term)))
            found = text.find(term, found + len(term))
    offsets = []
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if after in SPACES or after in CLOSING or before in OPENING or i in inside_short:
            continue
        if before in SPACES:
            if not together:
                offsets.append(i)
                continue
            # a figure, one space, a measure word: 3 项, 99.79 分
            if i >= 2 and _is_figure(text[i - 2]) and _is_chinese(after):
                continue
            if i >= 2 and text[i - 2] in OPERATORS:
                continue  # ≥ 目标, = 65.00%: the operator begins the next line instead
            if i >= 2 and _is_chinese(text[i - 2]) and _figure_begins(text, i):
                continue  # 执行率 97.86%, 效益指标 30: a label stays with its figure
            offsets.append(i)
        elif _is_chinese(before) and (_is_chinese(after) or after in OPENING):
            offsets.append(i)
        elif _is_chinese(before) and not _is_chinese(after):
            offsets.append(i)  # 实际|10个: a figure may begin a line
        elif before in CLOSING and _is_chinese(after):
            offsets.append(i)  # 达成，|指标值: after closing punctuation
        elif not _is_chinese(before) and after in OPENING:
            offsets.append(i)
    return offsets


def _pieces(text: str, together: bool = True) -> Iterator[tuple[int, int]]:
    """(start, end) of the unbreakable pieces of one line, each with its trailing spaces."""
    start = 0
    for offset in break_offsets(text, together):
        yield start, offset
        start = offset
    yield start, len(text)


def _fitting_pieces(text: str, widest: int) -> Iterator[tuple[int, int]]:
    """:func:`_pieces`, a piece wider than ``widest`` cells cut at the looser breaks inside it."""
    from rich.cells import cell_len

    loose: list[tuple[int, int]] | None = None
    for start, end in _pieces(text):
        if cell_len(text[start:end].rstrip(" ")) <= widest:
            yield start, end
            continue
        loose = loose if loose is not None else list(_pieces(text, together=False))
        yield from ((a, b) for a, b in loose if a >= start and b <= end)


def line_spans(text: str, width: int) -> list[tuple[int, int, int]]:
    """How one line (no newline) of ``text`` wraps at ``width`` cells: (start, end, indent) of
    each output line, trailing spaces left out, continuation lines indented as the first."""
    from rich.cells import cell_len

    indent = len(text) - len(text.lstrip(" "))
    if cell_len(text) <= width or not text.strip():
        return [(0, len(text.rstrip(" ")) or len(text), 0)]
    if indent >= width // 2:
        indent = 0  # an indent that leaves no room is dropped rather than kept
    lines: list[tuple[int, int, int]] = []
    start, used = 0, 0  # current line's start and its width so far
    room = width
    for piece_start, piece_end in _fitting_pieces(text, width - indent):
        piece = text[piece_start:piece_end]
        piece_width = cell_len(piece.rstrip(" "))
        if used and used + piece_width > room:
            lines.append((start, _trimmed(text, start, piece_start), 0 if not lines else indent))
            start, used, room = piece_start, 0, width - indent
        if piece_width > room:  # wider than the column: fold it, character by character
            for i, char in enumerate(piece):
                char_width = cell_len(char)
                if used and used + char_width > room and char not in SPACES:
                    here = piece_start + i
                    lines.append((start, _trimmed(text, start, here), 0 if not lines else indent))
                    start, used, room = here, 0, width - indent
                used += char_width
            continue
        used += cell_len(piece)
    lines.append((start, _trimmed(text, start, len(text)), 0 if not lines else indent))
    return lines


def _trimmed(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing spaces, not before ``start``."""
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return end


def wrap_plain(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width`` cells by these rules, as plain lines (for tests and for
    views that print without rich)."""
    lines = []
    for line in text.split("\n"):
        for start, end, indent in line_spans(line, width):
            lines.append(" " * indent + line[start:end].lstrip(" " if start else ""))
    return lines


# An emoji code as rich replaces it (``:thumbs_up:``): two colons with no space between them.
_EMOJI_CODE = re.compile(r":\S*:")


def read_markup(content: str) -> Text:
    """Rich markup read as rich reads a string it is given (a cell, a panel's title): the same
    text and styles, its emoji codes replaced. Reading them loads rich's table of every emoji (a
    few ms of a one-file run), so markup that cannot hold a code is read without that step."""
    from rich.text import Text

    return Text.from_markup(content, emoji=_EMOJI_CODE.search(content) is not None)


class Wrapped:
    """A table cell's text (rich markup, or a ``Text``) that wraps by these rules: its minimum
    width is its widest unbreakable piece, so rich narrows the column no further than that."""

    def __init__(self, content: str | Text) -> None:
        self.text = read_markup(content) if isinstance(content, str) else content

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.cells import cell_len
        from rich.measure import Measurement

        plain = self.text.plain
        widest_piece, widest_line = 1, 1
        for line in plain.split("\n"):
            indent = len(line) - len(line.lstrip(" "))
            widest_line = max(widest_line, cell_len(line))
            for start, end in _pieces(line):
                piece = line[start:end].rstrip(" ")
                widest_piece = max(widest_piece, cell_len(piece) + (indent if start else 0))
        widest_piece = min(widest_piece, widest_line)
        return Measurement(widest_piece, widest_line).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment
        from rich.text import Text

        width = max(1, options.max_width)
        start = 0
        for line in self.text.plain.split("\n"):
            for line_start, line_end, indent in line_spans(line, width):
                piece = self.text[start + line_start : start + line_end]
                if line_start:
                    piece = _strip_leading(piece)
                shown = Text(" " * indent) + piece if indent else piece
                yield from shown.render(console, end="")
                yield Segment.line()
            start += len(line) + 1


def _strip_leading(piece: Text) -> Text:
    """``piece`` without its leading spaces, styles kept."""
    plain = piece.plain
    cut = len(plain) - len(plain.lstrip(" "))
    return piece[cut:] if cut else piece
