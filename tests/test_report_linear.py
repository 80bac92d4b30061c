"""Reading a written report takes time linear in its length, whatever it holds — scoring/report.py,
and the patterns of scoring/words.py and scoring/deadlines.py, which read the cells of a table.

Python's ``re`` backtracks, and a pattern with ambiguous repeats can take time quadratic,
cubic or exponential in the text (``'-' * 4000 + 'x'`` took minutes). It counts nothing, so the
work is counted here by :class:`Machine`: it runs the tree ``re`` compiles the way ``re`` runs
it — first alternative first, greedy repeats longest first, each start of a search in turn, no
memo — and counts every node it tries. ``re`` does no more than that (its optimisations only skip
work), so steps that grow linearly here grow linearly there. Every answer of the machine is
checked against ``re``'s on the same call, so it cannot count one thing while ``re`` does another.

Each hostile text is built at two sizes, n and 8n: the steps of the whole extraction may grow
8-fold, not 64-fold. The counter is shown to catch the patterns that were slow. At full size
(``'-' * 4000 + 'x'``, ``'9' * 20000`` …) the texts are read for real, in a child process whose
timeout is only a safety net, and must give the right figures: none, or the ones they state.
No assertion is on time.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

import pytest

from scoring import deadlines, report, words

D = Decimal
GROWTH = 8  # the big text is 8 times the small one
LINEAR = GROWTH * 1.25  # steps may grow this much; quadratic work grows 64-fold

# --- a matcher that counts its steps ---------------------------------------------------------------

Captures = dict
Next = Callable[[int, Captures], bool]

_CATEGORIES: dict = {
    sre.CATEGORY_DIGIT: str.isdecimal,
    sre.CATEGORY_NOT_DIGIT: lambda char: not char.isdecimal(),
    sre.CATEGORY_SPACE: str.isspace,
    sre.CATEGORY_NOT_SPACE: lambda char: not char.isspace(),
    sre.CATEGORY_WORD: lambda char: char.isalnum() or char == "_",
    sre.CATEGORY_NOT_WORD: lambda char: not (char.isalnum() or char == "_"),
}


def _in_set(items, char: str) -> bool:
    code, negate = ord(char), False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif (
            (op is sre.LITERAL and code == av)
            or (op is sre.RANGE and av[0] <= code <= av[1])
            or (op is sre.CATEGORY and _CATEGORIES[av](char))
        ):
            return not negate
    return negate


class Machine:
    """One compiled pattern run by backtracking over its parse tree, as ``re`` runs it, with
    ``steps`` counting every node tried. Answers are spans (start, end)."""

    def __init__(self, pattern: re.Pattern[str]):
        self.tree = list(_parser.parse(pattern.pattern, pattern.flags))
        self.steps = 0
        self.text = ""
        self.end = 0

    def match(self, text: str, pos: int, endpos: int, full: bool = False):
        self._start(text, endpos)
        return self._at(pos, full)

    def search(self, text: str, pos: int, endpos: int, advance: int = -1):
        """The first match from ``pos`` on; none may be empty at ``advance`` (as in re's
        iteration after an empty match)."""
        self._start(text, endpos)
        for start in range(pos, self.end + 1):
            span = self._at(start, False, start == advance)
            if span is not None:
                return span
        return None

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[tuple[int, int]]:
        advance = -1
        while pos <= min(endpos, len(text)):
            span = self.search(text, pos, endpos, advance)
            if span is None:
                return
            yield span
            pos, advance = span[1], span[1] if span[0] == span[1] else -1

    def _start(self, text: str, endpos: int) -> None:
        self.text, self.end = text, max(0, min(endpos, len(text)))

    def _at(self, start: int, full: bool, advance: bool = False):
        ends: list[int] = []

        def done(pos: int, _: Captures) -> bool:
            if (full and pos != self.end) or (advance and pos == start):
                return False
            ends.append(pos)
            return True

        # One frame or so per character: as deep as the texts here are long.
        saved = sys.getrecursionlimit()
        sys.setrecursionlimit(max(saved, 100_000))
        try:
            return (start, ends[0]) if self._seq(self.tree, 0, start, {}, done) else None
        finally:
            sys.setrecursionlimit(saved)

    def _first(self, items, pos: int, caps: Captures):
        """Where ``items`` first match at ``pos``, with their captures: an atomic group."""
        found: list = []
        self._seq(items, 0, pos, caps, lambda end, caps: found.append((end, caps)) or True)
        return found[0] if found else None

    def _seq(self, items, i: int, pos: int, caps: Captures, then: Next) -> bool:
        """Whether ``items[i:]`` match at ``pos`` and ``then`` accepts where they end."""
        if i == len(items):
            return then(pos, caps)
        self.steps += 1
        op, av = items[i]

        def after(end: int, caps: Captures) -> bool:
            return self._seq(items, i + 1, end, caps, then)

        text, end = self.text, self.end
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            return pos < end and self._one(op, av, text[pos]) and after(pos + 1, caps)
        if op is sre.BRANCH:
            # a loop, not any() over a generator: deep recursion stays off the C stack
            for alternative in av[1]:  # noqa: SIM110
                if self._seq(list(alternative), 0, pos, caps, after):
                    return True
            return False
        if op is sre.SUBPATTERN:
            group, _, _, sub = av

            def close(stop: int, caps: Captures) -> bool:
                return after(stop, {**caps, group: (pos, stop)} if group else caps)

            return self._seq(list(sub), 0, pos, caps, close)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = av
            repeat = self._greedy if op is sre.MAX_REPEAT else self._lazy
            return repeat(list(sub), low, high, 0, pos, caps, after)
        if op in (sre.POSSESSIVE_REPEAT, sre.ATOMIC_GROUP):
            inside = [(sre.MAX_REPEAT, av)] if op is sre.POSSESSIVE_REPEAT else list(av)
            first = self._first(inside, pos, caps)
            return first is not None and after(*first)
        if op is sre.AT:
            return self._anchored(av, pos) and after(pos, caps)
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            holds = self._looks(av[0], list(av[1]), pos, caps)
            return holds == (op is sre.ASSERT) and after(pos, caps)
        if op is sre.GROUPREF and av in caps:
            a, b = caps[av]
            same = pos + b - a <= end and text.startswith(text[a:b], pos)
            return same and after(pos + b - a, caps)
        if op is sre.GROUPREF:
            return False
        raise NotImplementedError(op)

    @staticmethod
    def _one(op, av, char: str) -> bool:
        if op is sre.LITERAL:
            return ord(char) == av
        if op is sre.NOT_LITERAL:
            return ord(char) != av
        if op is sre.ANY:
            return char != "\n"
        return _in_set(av, char)

    def _greedy(self, sub, low, high, count, pos, caps, then) -> bool:
        self.steps += 1

        def more(stop: int, caps: Captures) -> bool:
            # an empty iteration ends the repeat once its minimum is met, as in re
            return (stop != pos or count < low) and self._greedy(
                sub, low, high, count + 1, stop, caps, then
            )

        if count < high and self._seq(sub, 0, pos, caps, more):
            return True
        return count >= low and then(pos, caps)

    def _lazy(self, sub, low, high, count, pos, caps, then) -> bool:
        self.steps += 1
        if count >= low and then(pos, caps):
            return True

        def more(stop: int, caps: Captures) -> bool:
            return stop != pos and self._lazy(sub, low, high, count + 1, stop, caps, then)

        return count < high and self._seq(sub, 0, pos, caps, more)

    def _anchored(self, at, pos: int) -> bool:
        if at in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
            return pos == 0
        if at is sre.AT_END:
            return pos == self.end or (pos == self.end - 1 and self.text[pos] == "\n")
        if at is sre.AT_END_STRING:
            return pos == self.end
        raise NotImplementedError(at)

    def _looks(self, direction: int, sub, pos: int, caps: Captures) -> bool:
        if direction == 1:  # ahead
            return self._first(sub, pos, caps) is not None
        width, most = _parser.SubPattern(_parser.State(), sub).getwidth()
        assert width == most, "a lookbehind has one width"
        if pos < width:
            return False
        saved, self.end = self.end, pos
        try:
            return self._seq(sub, 0, pos - width, caps, lambda stop, _: stop == pos)
        finally:
            self.end = saved


class Tally:
    steps = 0


class Counted:
    """A compiled pattern whose every call is run by a :class:`Machine` too: the steps go to
    ``tally``, and the machine's answer must be re's. Calls it does not know fail."""

    def __init__(self, pattern: re.Pattern[str], tally: Tally):
        self.pattern, self.tally = pattern, tally

    def _count(self, run: Callable[[Machine], object], expected: object) -> None:
        machine = Machine(self.pattern)
        assert run(machine) == expected, f"the machine reads {self.pattern.pattern!r} otherwise"
        self.tally.steps += machine.steps

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        found = self.pattern.search(text, pos, endpos)
        self._count(lambda m: m.search(text, pos, endpos), found and found.span())
        return found

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        found = self.pattern.match(text, pos, endpos)
        self._count(lambda m: m.match(text, pos, endpos), found and found.span())
        return found

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        found = self.pattern.fullmatch(text, pos, endpos)
        self._count(lambda m: m.match(text, pos, endpos, full=True), found and found.span())
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        found = list(self.pattern.finditer(text, pos, endpos))
        self._count(lambda m: list(m.finditer(text, pos, endpos)), [f.span() for f in found])
        return iter(found)

    def sub(self, repl, text: str):
        self.finditer(text)  # what sub replaces
        return self.pattern.sub(repl, text)


def counting(monkeypatch, *modules) -> Tally:
    """Every pattern of ``modules`` counted from now on, and ``re`` itself out of their reach:
    a pattern compiled or called in any other way would fail the test."""
    tally = Tally()
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, Counted(value, tally))
        monkeypatch.setattr(module, "re", None)
    return tally


def steps(monkeypatch, work: Callable[[], object], *modules) -> int:
    with monkeypatch.context() as patched:
        tally = counting(patched, *modules)
        work()
    return tally.steps


# --- the counter sees backtracking --------------------------------------------------------------------


def _machine_steps(pattern: str, text: str, how: str) -> int:
    machine = Machine(re.compile(pattern))
    if how == "fullmatch":
        machine.match(text, 0, len(text), full=True)
    else:
        list(machine.finditer(text, 0, len(text)))
    return machine.steps


@pytest.mark.parametrize(
    ("pattern", "make", "how", "n"),
    [
        # the table rule of report.py before: cubic in a line of dashes
        (r"[\s|:-]*-{3,}[\s|:-]*", lambda n: "-" * n + "x", "fullmatch", 6),
        # its numbers before: a search restarted in every comma group, quadratic
        (
            r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)",
            lambda n: "1" + ",123" * n + "x",
            "finditer",
            6,
        ),
        # a count of projects in a table's label before: quadratic in a run of digits
        (r"\d+\s*个", lambda n: "9" * n, "finditer", 12),
        # nested repeats: exponential
        (r"(?:a|aa)+b", lambda n: "a" * n, "fullmatch", 2),
    ],
    ids=["rule-cubic", "comma-groups", "digits-before-count", "nested"],
)
def test_the_counter_sees_super_linear_backtracking(pattern, make, how, n):
    small, big = _machine_steps(pattern, make(n), how), _machine_steps(pattern, make(n * 8), how)
    assert big > small * LINEAR * 3, (small, big)


@pytest.mark.parametrize(
    "pattern",
    [r"(?<!\d)\d++\s*+个", r"[\s|:-]++", report._FIGURE.pattern, report._NAME.pattern],
)
def test_the_counter_finds_linear_patterns_linear(pattern):
    for make in (lambda n: "9" * n, lambda n: "1" + ",123" * n + "x", lambda n: "预算" * n):
        small = _machine_steps(pattern, make(30), "finditer")
        assert _machine_steps(pattern, make(240), "finditer") <= small * LINEAR


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?P<sep>[-./])\d(?P=sep)", "2024-06-30 2024.06/30"),
        (r"a*+ab|a*b", "aaab"),
        (r"(?>ab|a)c|a", "abc ac a"),
        (r"x*?y", "xxy"),
        (r"(?<=预算)\d+(?!万)", "预算12万 预算13元"),
        (r"^\s*$", "  \n"),
        (r"\s*", "a b"),
    ],
)
def test_the_machine_answers_as_re_does(pattern, text):
    compiled = re.compile(pattern)
    for pos in range(len(text) + 1):
        spans = [m.span() for m in compiled.finditer(text, pos)]
        assert list(Machine(compiled).finditer(text, pos, len(text))) == spans
        full = compiled.fullmatch(text, pos)
        assert Machine(compiled).match(text, pos, len(text), full=True) == (full and full.span())


# --- every pattern is counted ---------------------------------------------------------------------


@pytest.mark.parametrize("module", [report, words, deadlines], ids=lambda m: m.__name__)
def test_patterns_are_compiled_once_where_the_counter_finds_them(module):
    """re is used only to compile; every compiled pattern is a name of the module (the tests
    here take ``re`` away from the module while they count, so any other call would fail)."""
    tree = ast.parse(inspect.getsource(module))
    calls = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
    }
    assert calls == {"compile"}
    assert any(isinstance(value, re.Pattern) for value in vars(module).values())


# --- hostile reports ------------------------------------------------------------------------------


def _figures(text: str) -> list[tuple[str, Decimal | None]]:
    found = report.extract(text)
    report.review(found)
    return [(f.kind, f.value) for f in found]


def _table(n: int) -> str:
    title = "预算" + " " * 190 + "数（万元）"  # as long as a title may be
    return f"| 项目 | {title} |\n|---|---|\n" + "| 合计 | 65 |\n" * n


# name, the text of size n, its figures, n small (counted at n and 8n), n in full (read for real)
HOSTILE: list[tuple[str, Callable[[int], str], Callable[[int], list], int, int]] = [
    ("dashes", lambda n: "-" * n + "x", lambda n: [], 20, 4000),
    ("a table rule", lambda n: "|" + "-|" * n + "x", lambda n: [], 20, 4000),
    ("comma pairs", lambda n: "1," * n, lambda n: [], 20, 5000),
    ("comma groups", lambda n: "1" + ",123" * n + "x", lambda n: [], 10, 5000),
    ("comma groups, 万元", lambda n: "1,234,567.89 万元，" * n, lambda n: [], 5, 2000),
    ("points", lambda n: "." * n, lambda n: [], 40, 10000),
    ("digit points", lambda n: "1." * n + "5%", lambda n: [], 20, 10000),
    ("nines", lambda n: "9" * n, lambda n: [], 40, 20000),
    ("nines, a point, nines", lambda n: "9" * n + "." + "9" * n + "x", lambda n: [], 20, 10000),
    ("万元 without words", lambda n: "382.31万元" * n, lambda n: [], 5, 2000),
    ("digits and 万元", lambda n: ("9" * 7 + "万元") * n, lambda n: [], 5, 2000),
    (
        "a sentence of budgets",
        lambda n: "预算资金 382.31 万元，" * n,
        lambda n: [("unplaced_budget", D("382.31"))] * n,
        5,
        2000,
    ),
    (
        "其中 and figures",
        lambda n: "其中" + "项目实际支出 63.62 万元，" * n,
        lambda n: [("projects_spent", D("63.62"))] * n,
        5,
        2000,
    ),
    (
        "targets",
        lambda n: "执行率目标为 90% 以上，" * n + "执行率 97%",
        lambda n: [("unplaced_rate", D(97))],
        5,
        2000,
    ),
    ("Chinese without numbers", lambda n: "预算执行" * n, lambda n: [], 20, 20000),
    ("deep parentheses", lambda n: "(" * n + "1" + ")" * n, lambda n: [], 40, 10000),
    ("full-width parentheses", lambda n: "（" * n + "万元" + "）" * n, lambda n: [], 40, 10000),
    ("spaces before x", lambda n: "执行率 97" + " " * n + "x", lambda n: [], 40, 20000),
    (
        "spaces before %",
        lambda n: "执行率 97" + " " * n + "%",
        lambda n: [("unplaced_rate", D(97))],
        40,
        20000,
    ),
    (
        "fillers",
        lambda n: "执行率" + "共计" * n + "97%",
        lambda n: [("unplaced_rate", D(97))],
        20,
        10000,
    ),
    ("百分之 and spaces", lambda n: "完成率百分之" + " " * n + "x", lambda n: [], 40, 20000),
    ("a table label of digits", lambda n: "| 项目" + "9" * n + " |\n", lambda n: [], 40, 20000),
    ("a long column title", _table, lambda n: [("budget", D(65))] * n, 3, 1000),
    ("headings", lambda n: "#" * n + " 1、" + "9" * n + "x", lambda n: [], 20, 10000),
    ("quotes", lambda n: "> " * n + "x", lambda n: [], 20, 10000),
    ("emphasis", lambda n: "*_`" * n + "~", lambda n: [], 20, 10000),
    ("numbered", lambda n: "第" + "一" * n + "x\n（" + "1" * n + "x", lambda n: [], 20, 10000),
    (
        "years",
        lambda n: "2023" + " " * n + "x\n" + "2023 年度 " * n,
        lambda n: [("year", D(2023))],
        10,
        5000,
    ),
    (
        "a long name",
        lambda n: "乡" * n + "局\n",
        lambda n: [("department", None)],
        20,
        20000,
    ),
    ("lines", lambda n: "a\n" * n, lambda n: [], 20, 20000),
    (
        "projects' budgets",
        lambda n: "农田水利维护项目预算 300 万元，" * n,
        lambda n: [("project_budget", D(300))] * n,
        5,
        2000,
    ),
    (
        "names joined",
        lambda n: "农田项目和" * n + "预算 1 万元",
        lambda n: [("unplaced_budget", D(1))],
        10,
        5000,
    ),
    (
        "a long project name",
        lambda n: "乡" * n + "项目预算 1 万元",
        lambda n: [("project_budget", D(1))],
        20,
        20000,
    ),
    (
        "name endings",
        lambda n: "经费项目费" * n + "预算 1 万元",
        lambda n: [("project_budget", D(1))],
        10,
        5000,
    ),
    (
        "enumerations",
        lambda n: "一是" * n + "预算 1 万元",
        lambda n: [("unplaced_budget", D(1))],
        20,
        10000,
    ),
    (
        "corner quotes",
        lambda n: "「" * n + "预算 1 万元",
        lambda n: [("unplaced_budget", D(1))],
        20,
        10000,
    ),
    (
        "headings of projects",
        lambda n: "## 一、招商经费\n预算 1 万元。\n" * n,
        lambda n: [("project_budget", D(1))] * n,
        5,
        2000,
    ),
    ("stops", lambda n: "。" * n + "!?;" * n, lambda n: [], 10, 10000),
]


@pytest.mark.parametrize(
    ("make", "n"),
    [pytest.param(make, n, id=name) for name, make, _, n, _ in HOSTILE],
)
def test_reading_a_hostile_report_takes_steps_linear_in_its_length(monkeypatch, make, n):
    small = steps(monkeypatch, lambda: _figures(make(n)), report)
    big = steps(monkeypatch, lambda: _figures(make(n * GROWTH)), report)
    assert small > 0
    assert big <= small * LINEAR, f"{small} steps, then {big} for a text 8 times as long"


@pytest.fixture(scope="module")
def read_in_full() -> dict[str, list]:
    """Each hostile text at full size, read for real in a child process (the timeout only keeps
    a regression from hanging the suite)."""
    texts = {name: make(full) for name, make, _, _, full in HOSTILE}
    script = (
        "import json, sys\n"
        "from scoring.report import extract, review\n"
        "out = {}\n"
        "for name, text in json.load(sys.stdin).items():\n"
        "    found = extract(text)\n"
        "    review(found)\n"
        "    out[name] = [(f.kind, None if f.value is None else str(f.value)) for f in found]\n"
        "json.dump(out, sys.stdout)\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert child.returncode == 0, child.stderr
    return json.loads(child.stdout)


@pytest.mark.parametrize(
    ("name", "expected", "full"),
    [pytest.param(name, expected, full, id=name) for name, _, expected, _, full in HOSTILE],
)
def test_a_hostile_report_in_full_gives_the_figures_it_states(read_in_full, name, expected, full):
    found = [(kind, None if value is None else D(value)) for kind, value in read_in_full[name]]
    assert found == expected(full)


def test_the_full_size_texts_are_the_ones_asked_for():
    sizes = {name: len(make(full)) for name, make, _, _, full in HOSTILE}
    assert sizes["dashes"] == 4001
    assert sizes["comma pairs"] == 10000
    assert sizes["points"] == 10000
    assert sizes["nines"] == 20000


# --- the command line ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("-" * 4000 + "x", "没有找到预算、支出、执行率等数字"),
        ("1" + ",123" * 5000 + "x", "没有找到预算、支出、执行率等数字"),
        ("执行率" + "共计" * 5000 + " 97%", "执行率（归属不明）"),
    ],
    ids=["dashes", "comma-groups", "fillers"],
)
@pytest.mark.usefixtures("chinese")
def test_check_reads_a_hostile_report(cli, tmp_path: Path, text, figures):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    run = cli("check", str(path), process=True)  # in a child: its timeout is a safety net
    assert run.code == 0, run
    assert figures in run.out.replace("\n", "")
    assert "Traceback" not in run.out + run.err


@pytest.mark.parametrize(
    ("number", "digits"),
    [("9" * 41, "41"), ("1" + ",234" * 100, "301"), ("9" * 20000 + ".5", "20,001")],
    ids=["41-digits", "comma-groups", "20001-digits"],
)
def test_a_number_longer_than_any_figure_is_refused_with_its_line(cli, tmp_path, number, digits):
    path = tmp_path / "report.txt"
    path.write_text(f"报告\n\n预算资金 {number} 万元。\n", encoding="utf-8")
    run = cli("check", str(path))
    assert run.code == 2, run
    quoted = number if len(number) <= 60 else number[:59] + "…"
    assert f"{path}: line 3: the number {quoted} has {digits} digits" in run.err
    assert "no figure of a report has more than 40" in run.err
    assert "→ correct the number in the report, e.g. 382.31 万元" in run.err
    assert "Traceback" not in run.out + run.err


def test_a_column_title_longer_than_200_characters_is_refused_with_its_line(cli, tmp_path):
    path = tmp_path / "report.md"
    title = "预算数" + "（说明）" * 50
    path.write_text(f"# 报告\n\n| 项目 | {title} |\n|---|---|\n| 合计 | 65 |\n", encoding="utf-8")
    run = cli("check", str(path))
    assert run.code == 2, run
    assert f"{path}: line 3: the title of column 2 has 203 characters" in run.err
    assert "a column title has at most 200" in run.err
    assert "→ shorten the title, and put any explanation below the table" in run.err
    assert "Traceback" not in run.out + run.err
    path.write_text(path.read_text("utf-8").replace("（说明）", "", 1), encoding="utf-8")
    assert cli("check", str(path)).code == 0  # 199 characters


def test_a_number_starts_after_a_comma_unless_it_continues_a_group_of_thousands():
    # as normalised: 30，35 万元 reads 30,35 万元
    found = report._FIGURE.finditer("30,35 万元;1,234,567 元;1234,567 万元;12,5 个")
    assert [m.group(2) for m in found] == ["35", "1,234,567", "5"]


def test_forty_digits_are_still_a_figure():
    number = "1" + "0" * 35 + ".123"
    assert _figures(f"部门预算资金 {number} 万元") == [("budget", D(number))]


# --- the cells words.py and deadlines.py read -------------------------------------------------------


def _vocabulary():
    from scoring import api

    return api.ruleset("mof-2020").words


def _read_words(text: str) -> None:
    vocabulary = _vocabulary()
    vocabulary.read(text, text)
    vocabulary.read(text, "优良中差")
    vocabulary.read(text, "无重大安全事故")
    vocabulary.read("优", text)


def _read_deadline(text: str) -> None:
    from scoring.units import standard

    deadlines.stretch_of(text)
    deadlines.duration_of(text)
    deadlines.parse_deadline(text)
    deadlines.parse_deadline(text, "≤")
    for target in (deadlines.parse_deadline("6月底前"), deadlines.parse_deadline("30天内")):
        assert target is not None
        with contextlib.suppress(deadlines.ValueProblem):  # a date against a limit, say
            deadlines.judge(target, text, 2023, standard())


CELLS: list[tuple[str, Callable[[int], str]]] = [
    ("zeros", lambda n: "0" * n + "起起起起"),
    ("zeros and a point", lambda n: "0." + "0" * n + "x"),
    ("separators", lambda n: "优/" * n + "x"),
    ("spaces", lambda n: " " * n + "x"),
    ("an ISO date and digits", lambda n: "2023-06-30T" + "1" * n + "x"),
    ("a duration of digits", lambda n: "1" * n + ".5" + "9" * n + "x"),
    ("ahead by digits", lambda n: "提前" + "1" * n + "天天天天天天天"),
    ("before 后", lambda n: "收到资金" * n + "后30日内"),
    ("digits and points", lambda n: "1." * n + "x"),
    ("months", lambda n: "6月" * n),
]


@pytest.mark.parametrize(("make"), [pytest.param(make, id=name) for name, make in CELLS])
@pytest.mark.parametrize("read", [_read_words, _read_deadline], ids=["words", "deadlines"])
def test_reading_a_hostile_cell_takes_steps_linear_in_its_length(monkeypatch, read, make):
    _vocabulary()  # the rule set is read before counting
    small = steps(monkeypatch, lambda: read(make(20)), words, deadlines)
    big = steps(monkeypatch, lambda: read(make(20 * GROWTH)), words, deadlines)
    assert big <= small * LINEAR, f"{small} steps, then {big} for a cell 8 times as long"


# --- a rule set's units ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "unit", "where"),
    [
        ({"multipliers": {"": 10}}, "人", "units.multipliers"),
        ({"aliases": {"元": "万元"}}, "元", "units.aliases.元"),
        ({"aliases": {"人": "亿人"}}, "人", "units.aliases.人"),
        ({"aliases": {"x": "万x/人"}}, "x", "units.aliases.x"),
        ({"aliases": {f"u{i}": f"万人/u{i + 1}" for i in range(100)}}, "u0", "units.aliases.u0"),
    ],
    ids=["empty-multiplier", "alias-through-万", "alias-through-亿", "compound", "deep-chain"],
)
def test_a_unit_table_that_never_resolves_is_named_not_recursed(extra, unit, where):
    from scoring.units import UnitLoop, standard

    table = standard().extended(extra)
    with pytest.raises(UnitLoop):
        table.resolve(unit)
    found = table.problem()
    assert found is not None and found[0] == where


@pytest.mark.parametrize(
    "rules", sorted(p.stem for p in (Path(__file__).parent.parent / "rules").glob("*.toml"))
)
def test_the_shipped_unit_tables_resolve(rules):
    from scoring import api

    assert api.ruleset(rules).units.problem() is None


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_the_output_grows_with_the_figures_not_with_their_sentences(cli, tmp_path, fmt):
    """Each figure of one long sentence quotes at most QUOTE_CHARS of it: 8× the figures is
    about 8× the output (quoting the whole sentence each time was 64×)."""
    sizes = []
    for n in (100, 800):
        report = tmp_path / f"r{n}.txt"
        report.write_text("预算资金1万元，" * n, "utf-8")
        run = cli("check", str(report), "-f", fmt)
        assert run.code == 0, run
        sizes.append(len(run.out))
    assert sizes[1] <= 9 * sizes[0], sizes
