"""Scoring a province's tables: the command line against a bare Decimal loop, DuckDB and start-up.

Run from the repository root, with the package installed (``pip install -e .``)::

    python benchmarks/bench_scoring.py            # full size: 2,000 files, then 10,000 (10⁶ rows)
    python benchmarks/bench_scoring.py --quick    # 1/20 of that, a minute or two

It writes synthetic 预算绩效自评 files for mof-2020 to a temporary folder — a seeded
``random.Random``, so the same files on every run and every machine — each a department with
P projects of K indicators (default 20 × 5) mixing quantitative targets ("≥95%", "≤90万元",
"=42个", "100") and qualitative ones ("效果明显" / 达成, 部分达成). Then it measures:

- the floor: a bare loop that reads the same files with ``json.load`` and computes the same
  department scores with ``Decimal`` — and checks that they *are* the same: the department
  scores of the bare loop, of DuckDB and of every ``scoring score`` run must be equal, or the
  benchmark stops;
- DuckDB, the peer a bureau would reach for: one SQL query over the same files (``read_json``)
  computing only the scores, exactly (integer cents);
- ``scoring score FILES -f json -o OUT`` in one call at 2,000 files, serial (``--jobs 1``) and
  parallel (``--jobs N``), and ``-f jsonl``, each only when the installed command offers it;
- the 10⁶-indicator run (10,000 files × 20 projects × 5 indicators): wall time and peak memory,
  and the peak at a quarter of the files, to see whether memory grows with the number of files —
  beside the peak of a bare interpreter given the same files as arguments, the interpreter's own
  share of that command line;
- workbooks: the first files also as ``.xlsx`` (``scoring convert``'s layout), scored serially
  beside their JSON; where a workbook's reading goes, and python-calamine reading its values;
- start-up: ``python -c pass``, ``import scoring``, ``scoring --version`` and
  ``scoring score leting-2023.toml`` (the bundled example), each as a fresh process;
- in process: ``scoring.load`` and the engine on their own, and many calls through the API.

Times are seconds of wall-clock and of CPU, the best of ``--repeat`` runs (the large runs: one
each), with ratios against the bare loop or the bare interpreter. Peak memory is the command's own
``ru_maxrss`` (from ``os.wait4``, in a small launcher process, so that the benchmark's own memory
does not count) and, when psutil is installed, the sampled sum over the command and its
workers, of their resident sets (RSS) and, on Linux, of their proportional sets (PSS: a page a
forked worker shares with the command counted once, not in both). Each command's address space
is capped (``--memory-limit``, 4 GB) so that a run that would take the shared machine's memory
fails instead, and says so. Last, the goals of the work on speed, each with the figure that
decides it. Nothing is asserted but the equality of the scores: this measures, it does not
test.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from random import Random
from typing import Any

CENT = Decimal("0.01")
ZERO, ONE, TWO, TEN = Decimal(0), Decimal(1), Decimal(2), Decimal(10)
# The default 一级指标 weights of mof-2020 without the execution row: 50 + 30 + 10 = 90.
CATEGORIES = (
    ("产出指标", 50, ("数量指标", "质量指标", "时效指标")),
    ("效益指标", 30, ("社会效益指标", "可持续影响指标")),
    ("满意度指标", 10, ("服务对象满意度指标",)),
)
QUALITATIVE = ("效果明显", "持续优化", "形成长效机制", "群众获得感提升")
# mof-2020's default rates of the two qualitative tiers the generator files (no score filed).
TIER_RATE = {"达成": Decimal(1), "部分达成": Decimal("0.7")}
EXECUTION_WEIGHT = TEN  # mof-2020 [execution] weight: 10 × min(spent / adjusted, 1)
FULL_SIZE = {"files": 2000, "large_files": 10_000, "workbooks": 200}
QUICK_DIVISOR = 20
STAGE_READINGS = 20  # workbooks read per stage of the in-process workbook row
STARTUP_REPEAT = 10  # fresh processes per start-up row: short, so the most disturbed by others


# --- synthetic input -------------------------------------------------------------------------


def split_weight(total: int, count: int) -> list[str]:
    """``total`` points over ``count`` rows in whole cents that add up exactly (50/3 → 16.67…)."""
    cents, extra = divmod(total * 100, count)
    return [str(Decimal(cents + (i < extra)) * CENT) for i in range(count)]


def category_counts(k: int) -> list[int]:
    """How many of K indicators fall in 产出/效益/满意度: roughly 5:3:1, at least one each."""
    satisfaction = max(1, k // 9)
    benefit = max(1, round((k - satisfaction) * 3 / 8))
    return [k - satisfaction - benefit, benefit, satisfaction]


def make_indicator(rng: Random, level1: str, level2: str, n: int, weight: str) -> dict:
    """One row; the kind of target is drawn so every comparison and both tiers appear."""
    kind = rng.randrange(5)
    if kind == 0:
        goal = rng.choice((90, 95, 98))
        target, actual = f"≥{goal}%", f"{rng.randint(goal - 8, 100)}%"
    elif kind == 1:
        goal = rng.randint(50, 120)
        target = f"≤{goal}万元"
        actual = f"{Decimal(rng.randint(goal * 80, goal * 115)) * CENT}万元"
    elif kind == 2:
        goal = rng.randint(5, 60)
        target, actual = f"={goal}个", f"{goal - rng.choice((0, 0, 1, 2))}个"
    elif kind == 3:
        target, actual = "100", str(rng.randint(85, 130))  # a bare target reads as ≥ 100
    else:
        target, actual = rng.choice(QUALITATIVE), rng.choice(("达成", "达成", "部分达成"))
    return {
        "level1": level1,
        "level2": level2,
        "name": f"{level2}{n}",
        "target": target,
        "actual": actual,
        "weight": weight,
    }


def make_budget(rng: Random, low: int, high: int) -> dict:
    """A project's 年初/全年预算数 and 全年执行数, in 万元."""
    adjusted = Decimal(rng.randint(low * 100, high * 100)) * CENT
    planned = adjusted if rng.random() < 0.7 else (adjusted * Decimal("0.9")).quantize(CENT)
    # 85–100% executed: about a third below 90%, so the execution findings fire too.
    spent = (adjusted * Decimal(rng.randint(85, 100)) / 100).quantize(CENT)
    return {"planned": str(planned), "adjusted": str(adjusted), "spent": str(spent)}


def make_department(rng: Random, index: int, projects: int, indicators: int) -> dict:
    """One evaluation file's data: a department and its projects, as mof-2020 reads them."""
    counts = category_counts(indicators)
    project_list: list[dict[str, Any]] = []
    for p in range(projects):
        rows = []
        for (level1, total, level2s), count in zip(CATEGORIES, counts):
            for i, weight in enumerate(split_weight(total, count)):
                rows.append(make_indicator(rng, level1, level2s[i % len(level2s)], i + 1, weight))
        project_list.append(
            {"name": f"项目{p + 1}", "budget": make_budget(rng, 10, 200), "indicators": rows}
        )
    # The department's budget covers its projects plus running costs, so no budget finding.
    budget = {
        key: str(sum(Decimal(p["budget"][key]) for p in project_list) + 100)
        for key in ("planned", "adjusted", "spent")
    }
    return {
        "department": {"name": f"部门{index + 1:05d}", "year": 2023, "budget": budget},
        "projects": project_list,
    }


def make_departments(n: int, projects: int, indicators: int, seed: int) -> list[dict]:
    """``n`` departments; the first ``m`` of them are the same for any ``n`` ≥ ``m``."""
    rng = Random(seed)
    return [make_department(rng, i, projects, indicators) for i in range(n)]


def write_files(folder: Path, n: int, projects: int, indicators: int, seed: int) -> list[Path]:
    """``n`` evaluation files in ``folder``, named so that sorting them keeps their order."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = Random(seed)
    paths = []
    for i in range(n):
        path = folder / f"{i:05d}.json"
        data = make_department(rng, i, projects, indicators)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


# --- the floor: a bare loop over the same files ----------------------------------------------

# An operator, then the number; the unit after it (%, 万元, 个) is the same on both sides.
VALUE = re.compile(r"([≥≤=]?)(\d+(?:\.\d+)?)")


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def bare_indicator(row: dict) -> Decimal:
    """mof-2020's score of one generated row: ≥, = and a bare target by min(actual / target, 1),
    ≤ by 2 − actual / target (0 from twice the target), a tier by its default rate."""
    weight = Decimal(row["weight"])
    target = VALUE.match(row["target"])
    if target is None:  # a qualitative target: the tier its actual names
        return _cents(weight * TIER_RATE[row["actual"]])
    op, t = target[1], Decimal(target[2])
    actual = VALUE.match(row["actual"])
    assert actual is not None, row  # the generator gives a quantitative row a number as actual
    a = Decimal(actual[2])
    if op == "≤":
        if a <= t:
            return _cents(weight)
        return _cents(max(TWO * t - a, ZERO) * weight / t)  # one division: rounded once
    if a >= t:
        return _cents(weight)
    return _cents(a * weight / t)


def bare_execution(budget: dict) -> Decimal:
    """The 预算执行率 row: 10 × min(全年执行数 / 全年预算数, 1)."""
    spent, adjusted = Decimal(budget["spent"]), Decimal(budget["adjusted"])
    if spent >= adjusted:
        return _cents(EXECUTION_WEIGHT)
    return _cents(spent * EXECUTION_WEIGHT / adjusted)


def bare_department(data: dict) -> Decimal:
    """Each project's execution row plus its indicators; the department is the mean of the
    project totals weighted by 全年预算数 (mof-2020's department method without its own table)."""
    weighted, budgets = ZERO, ZERO
    for project in data["projects"]:
        total = bare_execution(project["budget"])
        for row in project["indicators"]:
            total += bare_indicator(row)
        adjusted = Decimal(project["budget"]["adjusted"])
        weighted += total * adjusted
        budgets += adjusted
    return _cents(weighted / budgets)


def bare_loop(paths: Iterable[Path]) -> dict[str, Decimal]:
    """Each file read from disk with json.load and its department scored: name → score."""
    scores = {}
    for path in paths:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
        scores[data["department"]["name"]] = bare_department(data)
    return scores


# --- the peer: DuckDB ------------------------------------------------------------------------

# The same scores in SQL, exactly: every value has at most two decimals, so each is read as
# whole cents and every score is a half-up division of integers, (2n + d) // 2d.
DUCKDB_SQL = r"""
WITH files AS (
  SELECT department.name AS department, unnest(projects) AS p FROM read_json($files, columns = {
    department: 'STRUCT(name VARCHAR)',
    projects: 'STRUCT(budget STRUCT(adjusted VARCHAR, spent VARCHAR),
                      indicators STRUCT(target VARCHAR, actual VARCHAR, weight VARCHAR)[])[]'})
), projects AS (
  SELECT row_number() OVER () AS project, department,
         CAST(CAST(p.budget.adjusted AS DECIMAL(18, 2)) * 100 AS HUGEINT) AS adjusted,
         CAST(CAST(p.budget.spent AS DECIMAL(18, 2)) * 100 AS HUGEINT) AS spent,
         p.indicators AS indicators
  FROM files
), rows AS (
  SELECT project, i.actual AS word,
         regexp_extract(i.target, '^([≥≤=]?)', 1) AS op,
         nullif(regexp_extract(i.target, '^[≥≤=]?([0-9]+(?:\.[0-9]+)?)', 1), '') AS t_text,
         CAST(CAST(nullif(regexp_extract(i.actual, '^([0-9]+(?:\.[0-9]+)?)', 1), '')
                   AS DECIMAL(18, 2)) * 100 AS HUGEINT) AS a,
         CAST(CAST(i.weight AS DECIMAL(18, 2)) * 100 AS HUGEINT) AS w
  FROM (SELECT project, unnest(indicators) AS i FROM projects)
), scored AS (
  SELECT project, CASE
    WHEN t_text IS NULL THEN CASE word WHEN '达成' THEN w ELSE (14 * w + 10) // 20 END
    WHEN op = '≤' THEN CASE
      WHEN a <= t THEN w WHEN a >= 2 * t THEN 0 ELSE (2 * (2 * t - a) * w + t) // (2 * t) END
    ELSE CASE WHEN a >= t THEN w ELSE (2 * a * w + t) // (2 * t) END
  END AS cents
  FROM (SELECT *, CAST(CAST(t_text AS DECIMAL(18, 2)) * 100 AS HUGEINT) AS t FROM rows)
), totals AS (
  SELECT p.department, p.adjusted,
         CASE WHEN p.spent >= p.adjusted THEN 1000
              ELSE (2 * p.spent * 1000 + p.adjusted) // (2 * p.adjusted) END
         + sum(s.cents) AS cents
  FROM projects p JOIN scored s USING (project)
  GROUP BY p.project, p.department, p.adjusted, p.spent
)
SELECT department,
       (2 * sum(cents * adjusted) + sum(adjusted)) // (2 * sum(adjusted)) AS cents
FROM totals GROUP BY department
"""


def duckdb_module() -> Any | None:
    """DuckDB if installed (a benchmark-only dependency), else None."""
    try:
        import duckdb
    except ImportError:
        return None
    return duckdb


def duckdb_scores(duckdb: Any, paths: list[Path]) -> dict[str, Decimal]:
    """The department scores of one SQL query over the files: name → score."""
    with duckdb.connect() as connection:
        rows = connection.execute(DUCKDB_SQL, {"files": [str(p) for p in paths]}).fetchall()
    return {name: Decimal(int(cents)).scaleb(-2) for name, cents in rows}


# --- the product, as a child process ---------------------------------------------------------


@dataclass
class Child:
    """One finished child process: its wall time, exit code and peak memory."""

    seconds: float
    cpu: float  # user + system seconds of it and the workers it waited for
    code: int
    max_rss: int | None  # bytes: the largest single process (ru_maxrss from wait4)
    tree_rss: int | None  # bytes: the process and its workers together, sampled (psutil)
    tree_pss: int | None  # bytes: the same, each page they share counted once (Linux)
    stderr: str


def scoring_command() -> list[str]:
    """The console script beside this interpreter (a PATH shim such as pyenv's adds ~60 ms), or
    the package run as a module."""
    beside = Path(sys.executable).with_name("scoring")
    return [str(beside)] if beside.is_file() else [sys.executable, "-m", "scoring"]


# Runs the measured command and reports "seconds exit-code ru_maxrss cpu-seconds" on its standard
# output. A
# child's ru_maxrss counts the memory of the process it was forked from, up to its exec (Linux
# keeps the old address space's high-water mark), so the command is started from this small
# process, never from the benchmark with its files and DuckDB in memory. The memory cap is set
# here, before the start, and every worker of the command inherits it, each its own.
LAUNCHER = """
import os, resource, subprocess, sys, time
cap = int(sys.argv[1])
if cap:
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
print(seconds, os.waitstatus_to_exitcode(status), usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def _has_psutil() -> bool:
    try:
        import psutil  # noqa: F401
    except ImportError:
        return False
    return True


def _sample_tree(pid: int, stop: threading.Event, peak: list[int]) -> None:
    """The peaks of the summed RSS and of the summed PSS of a process's descendants (the
    launcher's command and its workers), sampled every 50 ms until ``stop``. A forked worker's
    RSS counts every page it still shares with the command, so the summed RSS counts those
    twice; the PSS gives each process its share of a shared page (Linux only: elsewhere 0)."""
    import psutil

    proportional = sys.platform.startswith("linux")  # PSS is read from /proc/PID/smaps_rollup
    try:
        launcher = psutil.Process(pid)
        while not stop.wait(0.05):
            rss = pss = 0
            for proc in launcher.children(recursive=True):
                with contextlib.suppress(psutil.NoSuchProcess, psutil.ZombieProcess):
                    # unless the worker has just ended
                    memory = proc.memory_full_info() if proportional else proc.memory_info()
                    rss += memory.rss
                    pss += getattr(memory, "pss", 0)
            peak[0] = max(peak[0], rss)
            peak[1] = max(peak[1], pss)
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return


def run_child(
    command: list[str], memory_limit: int = 0, env: dict[str, str] | None = None
) -> Child:
    """``command`` as a child process of a small launcher: its wall time, its exit code and its
    peak memory — ru_maxrss from wait4: the largest of it and the workers it waited for — and,
    with psutil, the sampled sum over it and its workers. ``memory_limit`` caps each process's
    address space in MB (0: no cap); ``env`` replaces the environment when given."""
    cap = str(memory_limit * 2**20)
    launcher = [sys.executable, "-I", "-S", "-c", LAUNCHER, cap, *command]
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(launcher, stdout=subprocess.PIPE, stderr=errors, text=True, env=env)
        sampler, stop, peak = None, threading.Event(), [0, 0]
        if _has_psutil():
            sampler = threading.Thread(target=_sample_tree, args=(proc.pid, stop, peak))
            sampler.start()
        report, _ = proc.communicate()
        stop.set()
        if sampler is not None:
            sampler.join()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    if proc.returncode != 0:  # the launcher itself failed: no figures
        return Child(0.0, 0.0, proc.returncode, None, None, None, stderr)
    seconds, code, maxrss, cpu = report.split()
    scale = 1 if sys.platform == "darwin" else 1024  # macOS counts bytes, Linux kB
    rss = int(maxrss) * scale
    return Child(
        float(seconds), float(cpu), int(code), rss, peak[0] or None, peak[1] or None, stderr
    )


def product_scores(out: Path, fmt: str) -> dict[str, Decimal]:
    """The department scores in a ``scoring score`` output (JSON or JSON Lines): name → score."""
    with open(out, encoding="utf-8") as file:
        if fmt == "jsonl":
            results = (json.loads(line, parse_float=Decimal) for line in file if line.strip())
        else:
            results = iter(json.load(file, parse_float=Decimal))
        return {r["department"]["name"]: Decimal(r["department"]["score"]) for r in results}


def check_scores(expected: dict[str, Decimal], actual: dict[str, Decimal], who: str) -> None:
    """Stops the benchmark when ``who`` scored any department otherwise than the bare loop: a
    floor that computes something else proves nothing."""
    wrong = [
        f"{name}: bare loop {score}, {who} {actual.get(name)}"
        for name, score in expected.items()
        if actual.get(name) != score
    ]
    if wrong or len(actual) != len(expected):
        raise SystemExit(
            f"{who} and the bare loop disagree on {len(wrong)} of {len(expected)} departments "
            f"({len(actual)} scored):\n  " + "\n  ".join(wrong[:10])
        )


@dataclass
class Product:
    """The installed ``scoring score``: whether it offers --jobs and -f jsonl (each tried on one
    file), and the memory cap of its runs in MB (0: none)."""

    jobs: bool
    jsonl: bool
    memory_limit: int
    folders: bool = False  # takes a folder for the evaluation files in it

    @classmethod
    def probe(cls, path: Path, out: Path, memory_limit: int) -> Product:
        """Each option tried on one file (and a folder holding it): offered when the command
        exits 0."""

        def works(fmt: str, jobs: int | None, given: list[Path]) -> bool:
            return run_child(cls.command(given, fmt, out / f"probe.{fmt}", jobs)).code == 0

        alone = linked_folder([path], out.parent / "probe-folder")
        return cls(
            jobs=works("json", 1, [path]),
            jsonl=works("jsonl", None, [path]),
            memory_limit=memory_limit,
            folders=works("json", None, [alone]),
        )

    @staticmethod
    def command(paths: list[Path], fmt: str, out: Path, jobs: int | None) -> list[str]:
        """``scoring score FILES -f FMT -o OUT [--jobs N]`` (FILES: files or folders)."""
        command = [*scoring_command(), "score", *map(str, paths), "-f", fmt, "-o", str(out)]
        return command + (["--jobs", str(jobs)] if jobs is not None else [])

    def run(self, paths: list[Path], fmt: str, jobs: int | None, out: Path, repeat: int) -> dict:
        """The best of ``repeat`` runs as a row — the least wall time, the least CPU time, the
        peak memory of the fastest — or why it failed (a MemoryError at the cap, or any other
        exit). ``paths``: the files, or a folder of them."""
        children = []
        for _ in range(repeat):
            child = run_child(self.command(paths, fmt, out, jobs), self.memory_limit)
            if child.code != 0:
                over_cap = "MemoryError" in child.stderr and bool(self.memory_limit)
                return {"seconds": child.seconds, "failed": self._why(child), "over_cap": over_cap}
            children.append(child)
        best = min(children, key=lambda c: c.seconds)
        return {
            "seconds": best.seconds,
            "cpu": min(c.cpu for c in children),
            "max_rss": best.max_rss,
            "tree_rss": best.tree_rss,
            "tree_pss": best.tree_pss,
        }

    def _why(self, child: Child) -> str:
        if "MemoryError" in child.stderr:
            return f"MemoryError at the {self.memory_limit:,} MB cap"
        last = child.stderr.strip().splitlines()[-1:] or [""]
        return f"exit {child.code}: {last[0][:80]}"


def label(fmt: str, jobs: int | None) -> str:
    """A row's command, as a user would type it."""
    return f"scoring score -f {fmt}" + (f" --jobs {jobs}" if jobs is not None else "")


# --- workbooks -------------------------------------------------------------------------------


def write_workbooks(paths: list[Path], folder: Path) -> list[Path]:
    """The files as ``scoring convert FILE.json FILE.xlsx`` writes them (a 部门 sheet and a sheet
    per project, the tool's layout), named as the files are."""
    import scoring
    from scoring.excel.write import evaluation_workbook, workbook_bytes

    folder.mkdir(parents=True, exist_ok=True)
    books = []
    for path in paths:
        book = folder / f"{path.stem}.xlsx"
        book.write_bytes(workbook_bytes(evaluation_workbook(scoring.load(path).data)))
        books.append(book)
    return books


def calamine_module() -> Any | None:
    """python-calamine (Rust's calamine) when installed: the lever the work on speed named for
    reading workbooks; never a dependency of scoring."""
    try:
        import python_calamine
    except ImportError:
        return None
    return python_calamine


def calamine_values(calamine: Any, books: list[Path]) -> int:
    """Every sheet's values of ``books`` read by python-calamine (as Python objects, without
    number formats: 95% arrives as 0.95); the number of cells holding one."""
    cells = 0
    for book in books:
        workbook = calamine.CalamineWorkbook.from_path(str(book))
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python()
            cells += sum(value not in ("", None) for row in rows for value in row)
    return cells


def workbook_stages(books: list[Path], repeat: int) -> dict:
    """Where a workbook's reading goes, in this process, per workbook: the survey (the limits,
    merged ranges, hidden rows and columns, streamed), openpyxl opening the workbook and reading
    every cell with its number format into grids, and the forms read from the grids — against
    python-calamine reading the values alone, when installed."""
    from scoring.excel.grid import load_grids, survey_xlsx
    from scoring.excel.read import read_workbook

    def each(stage: Callable[[Path], Any]) -> float:
        return best_of(repeat, lambda: [stage(book) for book in books])[1] / len(books)

    survey, grids, forms = each(survey_xlsx), each(load_grids), each(read_workbook)
    stages = {"survey": survey, "cells": grids - survey, "forms": forms - grids, "all": forms}
    calamine = calamine_module()
    if calamine is None:
        return {**stages, "calamine": None}
    seconds = best_of(repeat, lambda: calamine_values(calamine, books))[1] / len(books)
    return {**stages, "calamine": seconds, "calamine_version": _version("python-calamine")}


def workbook_rows(args: argparse.Namespace, product: Product, paths: list[Path], out: Path) -> dict:
    """The first files as JSON and as .xlsx, each scored in one serial call (``-f jsonl
    --jobs 1``, as a folder), checked against the bare loop; and where a workbook's time goes."""
    books = write_workbooks(paths, out.parent / "workbooks")
    fmt = "jsonl" if product.jsonl else "json"
    jobs = 1 if product.jobs else None
    expected = bare_loop(paths)
    rows = []
    for what, given in (("JSON", paths), (".xlsx", books)):
        target = out / f"workbooks.{fmt}"
        folder = linked_folder(given, out.parent / f"given-{what.strip('.').lower()}")
        row = {"label": f"{label(fmt, jobs)}: {what}"}
        row |= product.run([folder] if product.folders else given, fmt, jobs, target, args.repeat)
        if "max_rss" in row:
            check_scores(expected, product_scores(target, fmt), row["label"])
        rows.append(row)
        target.unlink(missing_ok=True)
    return {
        "files": len(paths),
        "rows": rows,
        # 20 readings, the workbooks taken in turn: a stage is the difference of two timings,
        # which a handful of readings leaves to the machine's noise
        "stages": workbook_stages(
            [books[i % len(books)] for i in range(STAGE_READINGS)], args.repeat
        ),
        "stage_files": min(len(books), STAGE_READINGS),
    }


def _workbook_lines(w: dict) -> list[str]:
    json_row, xlsx_row = w["rows"]
    lines = [
        f"{w['files']:,} of the files as .xlsx (scoring convert's layout), best of the runs",
        f"{'':<{WIDTH}}{'time':>11}{'× JSON':>8}{'cpu':>11}{'× JSON':>8}{'peak 1 proc':>14}",
    ]
    for row in w["rows"]:
        if "max_rss" not in row:
            lines.append(_row(row, json_row))
            continue
        lines.append(
            f"{row['label']:<{WIDTH}}{_s(row['seconds']):>11}"
            f"{_x(row['seconds'], json_row.get('seconds')):>8}{_s(row['cpu']):>11}"
            f"{_x(row['cpu'], json_row.get('cpu')):>8}{_mb(row['max_rss']):>14}"
        )
    if "max_rss" in xlsx_row:
        lines.append(f"department scores equal, all {w['files']:,}: bare loop = JSON = .xlsx")
    s = w["stages"]
    ms = {key: f"{value * 1000:.1f} ms" for key, value in s.items() if isinstance(value, float)}
    lines.append(
        f"reading one .xlsx in process (CPU, mean of {STAGE_READINGS} readings of "
        f"{w['stage_files']}): survey {ms['survey']}, "
        f"openpyxl's cells {ms['cells']}, the forms {ms['forms']}; in all {ms['all']}"
    )
    if s["calamine"] is None:
        lines.append("python-calamine, the values alone: n/a (pip install python-calamine)")
    else:
        saved = s["cells"] - s["calamine"]
        lines.append(
            f"python-calamine {s['calamine_version']}, the values alone (no number formats): "
            f"{ms['calamine']}; in place of openpyxl's cells it would save at most "
            f"{saved * 1000:.1f} ms, {saved / s['all']:.0%} of the reading"
        )
    return lines


# --- timing ----------------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[float, float, Any]:
    """The least wall time and the least CPU time (this process's, every thread) of ``repeat``
    runs, and what the run returned; the minimum is the least disturbed by the machine."""
    wall, cpu, value = float("inf"), float("inf"), None
    for _ in range(repeat):
        gc.collect()  # start each run from the same heap; gc stays on, as in real use
        start, start_cpu = time.perf_counter(), time.process_time()
        value = run()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu, value


# --- the measurements ------------------------------------------------------------------------


def duckdb_row(paths: list[Path], floor: dict, repeat: int) -> dict:
    """The peer: DuckDB's query over the same files, checked against the bare loop."""
    duckdb = duckdb_module()
    if duckdb is None:
        return {"label": "DuckDB: read_json + SQL", "missing": "pip install duckdb"}
    seconds, cpu, scores = best_of(repeat, lambda: duckdb_scores(duckdb, paths))
    check_scores(floor, scores, "DuckDB")
    return {
        "label": f"DuckDB {duckdb.__version__}: read_json + SQL",
        "seconds": seconds,
        "cpu": cpu,
    }


def batch_rows(
    args: argparse.Namespace, product: Product, paths: list[Path], out: Path, floor: dict
) -> dict:
    """The 2,000-file rows: ``scoring score`` serial, parallel and as JSON Lines, each checked
    against the bare loop's scores, and whether serial and parallel wrote the same bytes."""
    plans = [
        ("json", 1 if product.jobs else None, None),
        ("json", args.jobs, None if product.jobs else "no --jobs"),
        ("jsonl", args.jobs if product.jobs else None, None if product.jsonl else "no -f jsonl"),
    ]
    rows, targets = [], [out / f"batch-{n}.{fmt}" for n, (fmt, _, _) in enumerate(plans)]
    for (fmt, jobs, missing), target in zip(plans, targets):
        row: dict[str, Any] = {"label": label(fmt, jobs)}
        if missing:
            row["missing"] = missing
        else:
            row |= product.run(paths, fmt, jobs, target, args.repeat)
        if "max_rss" in row:
            check_scores(floor, product_scores(target, fmt), row["label"])
        rows.append(row)
    serial, parallel = rows[0], rows[1]  # both -f json
    same = None
    if "max_rss" in serial and "max_rss" in parallel:
        same = targets[0].read_bytes() == targets[1].read_bytes()
    for leftover in out.iterdir():
        leftover.unlink()
    return {"rows": rows, "parallel_bytes_identical": same}


def large_runs(args: argparse.Namespace, product: Product, paths: list[Path], out: Path) -> dict:
    """The 10⁶-indicator run and the same at a quarter of the files: wall time and peak memory,
    in the batch configuration (JSON Lines and --jobs when offered); and the peak of a bare
    interpreter given the same files as arguments (:func:`interpreter_peak`): CPython keeps
    copies of its command line for the whole run, a share of the command's peak that grows with
    the files and that a worker forked from the command holds too."""
    fmt = "jsonl" if product.jsonl else "json"
    jobs = args.jobs if product.jobs else None
    runs = []
    for count in (len(paths) // 4, len(paths)):
        target = out / f"large.{fmt}"
        # a folder of the files when the command takes one, as a bureau gives thousands of
        # files (a command line of their paths is held by the interpreter, and has a limit)
        given = [linked_folder(paths[:count], out.parent / f"large-{count}")]
        given = given if product.folders else paths[:count]
        run = {"files": count, **product.run(given, fmt, jobs, target, 1)}
        run["folder"] = product.folders
        run["interpreter_rss"] = interpreter_peak(paths[:count])
        if "failed" not in run:
            wall, cpu, floor = best_of(args.repeat, functools.partial(bare_loop, paths[:count]))
            run |= {"bare_seconds": wall, "bare_cpu": cpu}
            run["checked"] = fmt == "jsonl"  # a JSON list this size is not read back
            if run["checked"]:
                check_scores(floor, product_scores(target, fmt), label(fmt, jobs))
        runs.append(run)
        target.unlink(missing_ok=True)
    return {"label": label(fmt, jobs), "runs": runs}


def linked_folder(paths: list[Path], folder: Path) -> Path:
    """``folder`` holding ``paths`` under their names (hard links where the file system allows,
    else copies): the same files, given to the command as one folder."""
    folder.mkdir(exist_ok=True)
    for path in paths:
        linked = folder / path.name
        if not linked.exists():
            try:
                os.link(path, linked)
            except OSError:
                shutil.copyfile(path, linked)
    return folder


# The peak resident memory of the process it runs in, as Linux keeps it (VmHWM: unlike ru_maxrss,
# nothing of the process it was started from); printed in kB.
PEAK = "print(next(line.split()[1] for line in open('/proc/self/status') if line[:6] == 'VmHWM:'))"


def interpreter_peak(paths: list[Path]) -> int | None:
    """The peak memory in bytes of a bare interpreter given ``paths`` as its arguments, as the
    command is given them: what CPython's own copies of that command line take (Linux only)."""
    if not sys.platform.startswith("linux"):
        return None
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *map(str, paths)], capture_output=True, text=True
    )
    return int(done.stdout) * 1024 if done.returncode == 0 else None


def bytecode_environment(cache: Path) -> dict[str, str]:
    """The environment of the start-up rows: Python's compiled bytecode kept in ``cache``.

    An installed wheel has its modules compiled at install time; a source checkout, or a
    shell with PYTHONDONTWRITEBYTECODE set, would compile every module on every start and time
    the compiler instead of the program (about 0.5 s more here)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def startup(command: list[str], env: dict[str, str], repeat: int = STARTUP_REPEAT) -> dict | None:
    """The least wall and CPU time of a fresh process, or None when the command fails; a first
    run, not counted, compiles the bytecode."""
    run_child(command, env=env)
    children = [run_child(command, env=env) for _ in range(repeat)]
    if any(child.code != 0 for child in children):
        return None
    return {"seconds": min(c.seconds for c in children), "cpu": min(c.cpu for c in children)}


def startup_rows() -> dict:
    """The bare interpreter, the package's import, ``--version`` and one bundled file scored."""
    import scoring

    example = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
    cli = scoring_command()
    with tempfile.TemporaryDirectory(prefix="scoring-bytecode-") as cache:
        env = bytecode_environment(Path(cache))
        return {
            "python -c pass": startup([sys.executable, "-c", "pass"], env),
            "python -c 'import scoring'": startup([sys.executable, "-c", "import scoring"], env),
            "scoring --version": startup([*cli, "--version"], env),
            "scoring score leting-2023.toml": startup([*cli, "score", str(example)], env),
        }


def in_process(data: list[dict], repeat: int, calls: int) -> dict:
    """Where the time goes inside one process: load (validation and value parsing) and the engine
    on their own, the whole API, the first use of the host, and many calls through the API."""
    import scoring
    import scoring.engine
    import scoring.host

    start = time.perf_counter()  # one-off: entry points, plugin registries, rule-set compile
    host = scoring.host.default_host()
    ruleset = host.ruleset("mof-2020")
    first_use = time.perf_counter() - start
    parse, _, evaluations = best_of(repeat, lambda: [scoring.load(d) for d in data])
    engine, _, results = best_of(
        repeat,
        lambda: [
            scoring.engine.evaluate(e, ruleset, host.methods, host.checks) for e in evaluations
        ],
    )
    full, _, _ = best_of(repeat, lambda: [scoring.score(d) for d in data])
    before = dict(host.stats)
    start = time.perf_counter()
    for i in range(calls):
        scoring.score(data[i % len(data)], rules="mof-2020")
    embedded = time.perf_counter() - start
    return {
        "files": len(data),
        "findings": sum(len(r.findings) for r in results),
        "seconds": {"load": parse, "engine": engine, "full_api": full, "first_use": first_use},
        "embedded": {
            "calls": calls,
            "seconds": embedded,
            "before": before,
            "after": dict(host.stats),
        },
    }


def measure(args: argparse.Namespace, folder: Path) -> dict:
    """Every measurement, on files written to ``folder``."""
    largest = max(args.files, args.large_files)
    start = time.perf_counter()
    paths = write_files(folder / "files", largest, args.projects, args.indicators, args.seed)
    generated = time.perf_counter() - start
    out = folder / "out"
    out.mkdir()
    batch = paths[: args.files]
    bare_seconds, bare_cpu, floor = best_of(args.repeat, lambda: bare_loop(batch))
    product = Product.probe(paths[0], out, args.memory_limit)
    figures = {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.system()}",
        "scoring": _version(),
        "shape": {"projects": args.projects, "indicators": args.indicators},
        "files": args.files,
        "repeat": args.repeat,
        "memory_limit": args.memory_limit,
        "generated_seconds": generated,
        "bare_seconds": bare_seconds,
        "bare_cpu": bare_cpu,
        "duckdb": duckdb_row(batch, floor, args.repeat),
        "batch": batch_rows(args, product, batch, out, floor),
    }
    if args.large_files:
        figures["large"] = large_runs(args, product, paths[: args.large_files], out)
    figures["startup"] = startup_rows()
    if args.api_files:  # first in this process: its first use of the host is one
        data = [json.loads(p.read_text(encoding="utf-8")) for p in paths[: args.api_files]]
        figures["in_process"] = in_process(data, args.repeat, args.embedded)
    if args.workbooks:
        figures["workbooks"] = workbook_rows(args, product, paths[: args.workbooks], out)
    return figures


def _version(distribution: str = "scoring") -> str:
    from importlib.metadata import version

    return version(distribution)


# --- output ----------------------------------------------------------------------------------

WIDTH = 40  # the label column


def _s(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds:.3f} s"


def _mb(size: int | None) -> str:
    return "n/a" if size is None else f"{size / 2**20:,.0f} MB"


def _x(seconds: float | None, floor: float | None) -> str:
    return "n/a" if seconds is None or not floor else f"{seconds / floor:.1f}×"


def _row(row: dict, floor: dict) -> str:
    """One timed row: wall and CPU time, each × the floor's, and peak memory; or why there is
    no figure."""
    head = f"{row['label']:<{WIDTH}}"
    if "missing" in row:
        return f"{head}{'n/a':>11}  ({row['missing']})"
    if "failed" in row:
        return f"{head}{'failed':>11}  after {_s(row['seconds'])}: {row['failed']}"
    memory = f"{_mb(row['max_rss']):>14}{_mb(row['tree_rss']):>13}" if "max_rss" in row else ""
    return (
        f"{head}{_s(row['seconds']):>11}{_x(row['seconds'], floor['seconds']):>8}"
        f"{_s(row['cpu']):>11}{_x(row['cpu'], floor['cpu']):>8}{memory}"
    )


def _batch_lines(f: dict) -> list[str]:
    per_file = f["shape"]["projects"] * f["shape"]["indicators"]
    bare = {"label": "bare loop: json.load + Decimal", "seconds": f["bare_seconds"]}
    bare["cpu"], batch = f["bare_cpu"], f["batch"]
    lines = [
        f"{f['files']:,} files × {per_file} indicators = {f['files'] * per_file:,} indicators, "
        f"best of {f['repeat']}",
        f"{'':<{WIDTH}}{'time':>11}{'× bare':>8}{'cpu':>11}{'× bare':>8}"
        f"{'peak 1 proc':>14}{'peak tree':>13}",
        _row(bare, bare),
        _row(f["duckdb"], bare),
        *(_row(row, bare) for row in batch["rows"]),
    ]
    agree = ["bare loop"]
    agree += ["DuckDB"] if "seconds" in f["duckdb"] else []
    agree += [r["label"].removeprefix("scoring score ") for r in batch["rows"] if "max_rss" in r]
    lines.append(f"department scores equal, all {f['files']:,} files: {' = '.join(agree)}")
    if batch["parallel_bytes_identical"] is not None:
        same = "identical" if batch["parallel_bytes_identical"] else "DIFFERENT"
        lines.append(f"serial and parallel output: {same} bytes")
    return lines


def _large_lines(f: dict) -> list[str]:
    large, cap = f["large"], f["memory_limit"]
    per_file = f["shape"]["projects"] * f["shape"]["indicators"]
    lines = [
        f"{large['label']}, once each"
        + ("; the files given as one folder" if large["runs"][0].get("folder") else "")
        + (f"; each process capped at {cap:,} MB" if cap else ""),
        f"{'files':>8}{'indicators':>12}{'time':>11}{'bare':>9}{'× bare':>8}{'cpu × bare':>12}"
        f"{'peak 1 proc':>14}{'peak tree':>13}{'tree PSS':>12}{'checked':>9}",
    ]
    for run in large["runs"]:
        head = f"{run['files']:>8,}{run['files'] * per_file:>12,}"
        if "failed" in run:  # no bare loop either: there is nothing to compare
            lines.append(f"{head}{'failed':>11}  after {_s(run['seconds'])}: {run['failed']}")
            continue
        lines.append(
            f"{head}{_s(run['seconds']):>11}{_s(run['bare_seconds']):>9}"
            f"{_x(run['seconds'], run['bare_seconds']):>8}{_x(run['cpu'], run['bare_cpu']):>12}"
            f"{_mb(run['max_rss']):>14}"
            f"{_mb(run['tree_rss']):>13}{_mb(run['tree_pss']):>12}"
            f"{'yes' if run['checked'] else 'no':>9}"
        )
    small, big = large["runs"]
    for key, what in (
        ("max_rss", "1 proc"),
        ("tree_rss", "tree"),
        ("tree_pss", "tree PSS"),  # the pages a forked worker shares counted once
        ("interpreter_rss", "bare python FILES"),  # the interpreter's copies of the files
    ):
        if small.get(key) and big.get(key):
            grown = big[key] - small[key]
            per_file = grown / (big["files"] - small["files"]) / 1024
            lines.append(
                f"peak {what}, {small['files']:,} → {big['files']:,} files: "
                f"{_mb(small[key]).strip()} → {_mb(big[key]).strip()}, "
                f"{grown / 2**20:+,.0f} MB ({per_file:+,.1f} kB per file)"
            )
    return lines


# The memory the goals are judged on, the first measured: the process tree's summed PSS (each
# page the forked workers share with the command counted once, as it is in the machine's
# memory; Linux), its summed RSS (those pages counted once per process), the largest process.
MEMORY_KEYS = ("tree_pss", "tree_rss", "max_rss")


def memory_key(*runs: dict) -> str:
    """The measure of :data:`MEMORY_KEYS` every one of ``runs`` has (the last as a fallback)."""
    return next((key for key in MEMORY_KEYS if all(run.get(key) for run in runs)), "max_rss")


def memory_growth(large: dict) -> float | None:
    """How much the peak grew from N to 4N files, as a share of the peak at N (the measure of
    :func:`memory_key`)."""
    small, big = large["runs"]
    key = memory_key(small, big)
    if not (small.get(key) and big.get(key)):
        return None
    return (big[key] - small[key]) / small[key]


def _verdict(value: float | None, limit: float) -> str:
    return "n/a" if value is None else ("met" if value <= limit else "NOT met")


def _goal_lines(f: dict) -> list[str]:
    """The issue's goals, each with the figure that decides it."""
    bare, startup = f["bare_seconds"], f["startup"]
    timed = [r for r in f["batch"]["rows"] if "max_rss" in r and "-f json" in r["label"]]
    fastest = min(timed, key=lambda r: r["seconds"], default=None)
    ratio = fastest["seconds"] / bare if fastest else None
    version = (startup["scoring --version"] or {}).get("seconds")
    python = (startup["python -c pass"] or {}).get("seconds")
    example = (startup["scoring score leting-2023.toml"] or {}).get("seconds")
    goals = [
        (
            f"{f['files']:,} files in one call ≤ 3× the bare loop",
            f"{_x(fastest['seconds'], bare)} ({fastest['label'].removeprefix('scoring score ')}; "
            f"CPU {_x(fastest['cpu'], f['bare_cpu'])})"
            if fastest
            else "n/a",
            _verdict(ratio, 3),
        ),
        (
            "scoring --version ≤ 2× python -c pass",
            _x(version, python),
            _verdict(version / python if version and python else None, 2),
        ),
        ("scoring score one.toml < 0.3 s", _s(example), _verdict(example, 0.3)),
    ]
    same = f["batch"]["parallel_bytes_identical"]
    goals.append(
        (
            "serial and parallel write the same bytes",
            {None: "n/a", True: "identical", False: "different"}[same],
            {None: "n/a", True: "met", False: "NOT met"}[same],
        )
    )
    if "large" in f:
        goals += _large_goals(f)
    return [f"{'goal':<{WIDTH + 6}}{'measured':<44}verdict"] + [
        f"{goal:<{WIDTH + 6}}{measured:<44}{verdict}" for goal, measured, verdict in goals
    ]


def _large_goals(f: dict) -> list[tuple[str, str, str]]:
    big = f["large"]["runs"][-1]
    size = big["files"] * f["shape"]["projects"] * f["shape"]["indicators"]
    # --quick runs a twentieth of the goal's size: its verdict is no verdict on the goal
    scaled = "" if size >= 10**6 else " (goal: 10⁶)"
    time_goal, peak_goal, flat_goal = (
        f"{size:,} indicators < 60 s{scaled}",
        f"peak memory at {size:,} < 100 MB{scaled}",
        "peak memory flat: 4N ≤ 1.1 × N files",
    )
    if "failed" in big:
        return _failed_goals(f, (time_goal, peak_goal, flat_goal))
    key = memory_key(big)
    peak = big.get(key)
    named = {"tree_pss": " (tree PSS)", "tree_rss": " (tree RSS)"}.get(key, "")
    measured = _mb(peak).strip() + named
    growth = memory_growth(f["large"])
    return [
        (time_goal, _s(big["seconds"]), _verdict(big["seconds"], 60)),
        (peak_goal, measured, _verdict(peak, 100 * 2**20)),
        (flat_goal, "n/a" if growth is None else f"{growth:+.0%}", _verdict(growth, 0.1)),
    ]


def _failed_goals(f: dict, goals: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    """What a large run that failed still decides: a run still going after 60 s missed the time,
    and one stopped at the memory cap had a peak above the cap, and grew by more than the cap
    over the peak at N."""
    small, big = f["large"]["runs"]
    cap = f["memory_limit"] * 2**20
    late = big["seconds"] > 60
    time = (f"> {_s(big['seconds'])} ({big['failed']})", "NOT met" if late else "n/a")
    if not big.get("over_cap"):
        return [(goals[0], *time), (goals[1], "n/a", "n/a"), (goals[2], "n/a", "n/a")]
    before = small.get(memory_key(small))
    floor = (cap - before) / before if before else None
    return [
        (goals[0], *time),
        (goals[1], f"> {_mb(cap)} (the cap)", "NOT met" if cap >= 100 * 2**20 else "n/a"),
        (
            goals[2],
            "n/a" if floor is None else f"> {floor:+.0%}",
            "NOT met" if floor is not None and floor > 0.1 else "n/a",
        ),
    ]


def _startup_lines(up: dict) -> list[str]:
    python = up["python -c pass"] or {}
    lines = [
        f"{f'start-up, best of {STARTUP_REPEAT}':<{WIDTH}}{'time':>11}{'× python':>10}"
        f"{'cpu':>11}{'× python':>10}"
    ]
    for name, run in up.items():
        wall, cpu = (run or {}).get("seconds"), (run or {}).get("cpu")
        lines.append(
            f"{name:<{WIDTH}}{_s(wall):>11}{_x(wall, python.get('seconds')):>10}"
            f"{_s(cpu):>11}{_x(cpu, python.get('cpu')):>10}"
        )
    return lines


def _in_process_lines(p: dict) -> list[str]:
    s, e = p["seconds"], p["embedded"]
    counters = ", ".join(
        f"{key.replace('_', ' ')} {e['before'].get(key, 0)} → {count}"
        for key, count in e["after"].items()
    )
    return [
        f"in process, {p['files']} files ({p['findings']:,} findings): load {_s(s['load'])}, "
        f"engine {_s(s['engine'])}, full API {_s(s['full_api'])}; "
        f"first use (host + mof-2020) {_s(s['first_use'])}",
        f"embedded: {e['calls']} × scoring.score in one process, {_s(e['seconds'])}; {counters}",
    ]


def render(f: dict) -> str:
    """The figures as README.md shows them."""
    lines = [
        f"scoring {f['scoring']} on {f['machine']}; mof-2020; files of "
        f"{f['shape']['projects']} projects × {f['shape']['indicators']} indicators "
        f"(generated in {_s(f['generated_seconds'])})",
        "",
        *_batch_lines(f),
    ]
    if "large" in f:
        lines += ["", *_large_lines(f)]
    if "workbooks" in f:
        lines += ["", *_workbook_lines(f["workbooks"])]
    lines += ["", *_startup_lines(f["startup"])]
    if "in_process" in f:
        lines += ["", *_in_process_lines(f["in_process"])]
    lines += ["", *_goal_lines(f)]
    return "\n".join(lines)


# --- command line ----------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The options; ``--quick`` divides the default sizes by 20."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1/20 of the default sizes")
    parser.add_argument("--files", type=int, help="files in the batch rows (default 2000)")
    parser.add_argument(
        "--large-files", type=int, help="files in the large run, 0 to skip (default 10000)"
    )
    parser.add_argument("--projects", type=int, default=20, help="per file (default 20)")
    parser.add_argument("--indicators", type=int, default=5, help="per project, at least 3")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel rows")
    parser.add_argument("--repeat", type=int, default=3, help="runs per batch row; best kept")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument(
        "--workbooks", type=int, help="files also scored as .xlsx, 0 to skip (default 200)"
    )
    parser.add_argument("--api-files", type=int, default=200, help="in-process rows, 0 to skip")
    parser.add_argument("--embedded", type=int, default=200, help="API calls in one process")
    parser.add_argument(
        "--memory-limit",
        type=int,
        default=4096,
        help="cap on each scoring process's address space in MB, 0 for none (default 4096)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    divisor = QUICK_DIVISOR if args.quick else 1
    for key, full in FULL_SIZE.items():
        if getattr(args, key) is None:
            setattr(args, key, full // divisor)
    if args.indicators < 3 or min(args.files, args.projects, args.repeat, args.jobs) < 1:
        parser.error("need --indicators ≥ 3 (one per 一级指标) and positive counts")
    if 0 < args.large_files < 4:
        parser.error("--large-files needs at least 4 files (it is also run at a quarter)")
    return args


def main(argv: list[str] | None = None) -> None:
    """Writes the files, measures, prints the report, removes the files."""
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-scoring-") as folder:
        figures = measure(args, Path(folder))
    print(json.dumps(figures, indent=2, ensure_ascii=False) if args.json else render(figures))


if __name__ == "__main__":
    main()
