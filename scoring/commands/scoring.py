"""score, check (tables and written reports), compare, demo.

A batch in a format written file by file (json, jsonl, csv: :data:`STREAMED`) streams: each
file is read, scored, and its part of the output rendered and written before the next, so that
memory stays flat however many files there are. With ``--jobs N`` — by default every core, for
:data:`PARALLEL_FROM` files or more — N worker processes read, score and render, and this one
writes every part in the order the files were given, so the bytes are the same whatever the
number of processes. Each worker builds its plugin host and compiles the rule set once, and
calls the plugins' ``scoring_evaluated`` for the results it scores, in its own process. The
other formats (the table, Markdown, the workbook, a plugin's) are drawn from the whole batch,
in this process.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from ..i18n import _
from . import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USER,
    FORMAT_OF_SUFFIX,
    Copies,
    _emit,
    _ending_signals,
    _json,
    _not_written,
    _output_options,
    _refuse_overwriting_input,
    _render,
    _renderer,
    _Writer,
    _written_into,
    format_hint,
    output_format,
)

STREAMED = ("json", "jsonl", "csv")  # formats written file by file, each a module of render
PARALLEL_FROM = 8  # files: fewer are scored in this process, as starting workers costs more
CHUNK = 4  # files sent to a worker at a time: their parts are held until they are written
AHEAD = 3  # chunks out per worker: one being scored, the next ones waiting for it
# At most this many workers: the most a process pool takes on Windows; more than the cores
# only share them, each with its own interpreter in memory.
MAX_JOBS = 61


def _score_files(paths: list, rules: str, debug: bool = False, language: str | None = None) -> list:
    """Every file scored on its own (:func:`scoring.api.score_many`, its texts in ``language``
    when given); a file that cannot be is said on standard error and stands in its place as an
    error entry. ``paths`` may hold an evaluation already read (the bundled example, under its
    label)."""
    from ..api import score_many

    scored = []
    for item in score_many(paths, rules, language=language):
        if item.error is not None:
            if debug:
                raise item.error
            print(
                _("scoring: error: {message}").format(message=item.error.render()), file=sys.stderr
            )
        scored.append(item)
    return scored


class _Threshold(NamedTuple):
    """``--fail-under``: the score a department must reach, and the grade it was given as."""

    score: Decimal
    grade: str | None = None


def _threshold(value: str, ruleset) -> _Threshold:
    """The score of ``--fail-under``: a score from 0 to the rule set's full marks, or the lower
    bound of a grade."""
    from decimal import InvalidOperation

    from ..errors import UsageError
    from ..values import format_decimal

    bounds = dict(ruleset.grades)
    if value in bounds:
        return _Threshold(bounds[value], value)
    grades = ", ".join(bounds)
    try:
        threshold = Decimal(value)
    except InvalidOperation:
        raise UsageError(
            _("--fail-under {value} is neither a score nor a grade").format(value=repr(value)),
            hint=_("give a score such as 90, or a grade of this rule set: {grades}").format(
                grades=grades
            ),
        ) from None
    # a threshold no score can reach or miss (nan, inf, 1e999999999, -5) would make the exit
    # code say nothing about the scores
    if not threshold.is_finite() or not 0 <= threshold <= ruleset.total:
        full = format_decimal(ruleset.total)
        raise UsageError(
            _("--fail-under {value} is not a score from 0 to {full}").format(
                value=repr(value), full=full
            ),
            hint=_(
                "give a score from 0 to {full}, such as 90, or a grade of this rule set: {grades}"
            ).format(full=full, grades=grades),
        )
    return _Threshold(threshold)


def _below(source: str, score: Decimal, threshold: _Threshold) -> bool:
    """Whether a department's ``score`` misses ``--fail-under``; when it does, why, on standard
    error (the exit code alone does not say which file, nor by how much)."""
    if score >= threshold.score:
        return False
    from ..inert import terminal
    from ..values import format_decimal

    if threshold.grade is None:
        said = _("scoring: {file}: department score {score} is below {threshold}")
    else:
        said = _(
            "scoring: {file}: department score {score} is below {threshold}, "
            "the lowest score of {grade}"
        )
    print(
        said.format(
            file=terminal(source, lines=False),
            score=score,
            threshold=format_decimal(threshold.score),
            grade=terminal(threshold.grade or "", lines=False),
        ),
        file=sys.stderr,
    )
    return True


def cmd_score(args, paths=None) -> int:
    from ..host import default_host

    paths = paths or evaluation_paths(args.files, args.output, args.format)
    if "," in args.rules:  # several rule sets: the comparison view
        if args.fail_under is not None or args.explain:
            from ..errors import UsageError

            raise UsageError(
                _("--fail-under and --explain take one rule set"),
                hint=_("score under each rule set on its own, or drop the option"),
            )
        args.files = paths
        return cmd_compare(args)
    if args.output:
        _refuse_overwriting_input(args.output, paths)
    fmt = output_format(args.format, args.output)
    renderer = _renderer(fmt)  # an unknown format is a usage error before any work
    threshold = None
    if args.fail_under is not None:  # so is a bad threshold
        threshold = _threshold(args.fail_under, default_host().ruleset(args.rules))
    if (
        fmt == "xlsx"
        and args.output
        and not args.output.lower().endswith(".xlsx")
        and not _written_into(args.output)  # a FIFO or a device takes the format -f names
    ):
        from ..errors import UsageError

        raise UsageError(
            _("-o {output}: a workbook is written as .xlsx").format(output=args.output),
            hint=_(
                "name the output .xlsx (Excel and LibreOffice open it; .xls is read, not written)"
            ),
        )
    if fmt == "xlsx" and len(paths) > 1 and renderer is _format("xlsx").render:
        from ..errors import UsageError

        raise UsageError(  # said before the files are scored, not after
            _("-f xlsx writes one evaluation per workbook"),
            hint=_("score one file at a time with -f xlsx -o OUT.xlsx"),
        )
    if _streamed(fmt, renderer):
        return _score_streamed(args, paths, fmt, "score", threshold)
    # the workbook returned to the unit is a Chinese document, whatever the interface's language
    language = "zh_CN" if fmt == "xlsx" else None
    scored = _score_files(paths, args.rules, args.debug, language)
    results = [item.result for item in scored if item.result is not None]
    Copies().note_all(results)
    if not results and (args.output or fmt == "xlsx"):
        # nothing scored: the errors are said; an earlier output is not replaced by them
        if args.output:
            _not_written(args.output)
        return EXIT_USER
    text = _render(scored, fmt, _output_options(args, "score"))
    _emit(text, args.output, bom=fmt == "csv")
    if len(results) < len(scored):
        return EXIT_USER
    if threshold is not None:
        below = [_below(r.source, r.department.score, threshold) for r in results]
        if any(below):
            return EXIT_FAIL
    return EXIT_OK


# --- a batch, file by file ---------------------------------------------------------------------


# The suffix of a file written in each format, for a name to suggest: the first that names it
# (.md before .markdown), and a report's.
OUTPUT_SUFFIXES = {
    **{fmt: suffix for suffix, fmt in reversed(FORMAT_OF_SUFFIX.items())},
    **{"md": ".md", "html": ".html", "docx": ".docx"},
}


def evaluation_paths(paths: list, output: str | None = None, fmt: str | None = None) -> list:
    """The files a batch scores: each path as given, and for a folder the evaluation files
    directly in it (a suffix a reader takes: .toml, .json, .xlsx …), in the order a file
    manager lists them (:func:`name_order`: 单位2 before 单位10). Hidden files and Excel's lock
    files (``~$表.xlsx``) are left out, and so are subfolders: a folder of returned workbooks or
    drafts beside the units' files is not read unless named. A folder is how a bureau gives
    thousands of files: a shell's ``*.json`` stops at the system's limit on a command line (2 MB
    on Linux, about 40,000 paths), and every path given there is held by the interpreter for
    the whole run.

    Raises UsageError for a folder that cannot be read or holds no evaluation file, and for
    ``output`` (the file ``-o`` names) inside a folder given, with a suffix a reader takes: the
    next run would read the result as a unit's file (this one, when it is there already); and
    for a standard output redirected to one of the files found (``> 文件夹/结果.json``): the
    shell has made it before the run lists the folder (``fmt``, the output's format, names the
    file to write instead)."""
    found: list = []
    for path in paths:
        if isinstance(path, str) and path != "-" and os.path.isdir(path):
            if output is not None:
                _refuse_output_inside(path, output)
            found.extend(_evaluation_files_in(path))
        else:
            found.append(path)
    _refuse_reading_standard_output(found, OUTPUT_SUFFIXES.get(fmt or "", ".txt"))
    return found


def _evaluation_files_in(folder: str) -> list[str]:
    """The paths of the evaluation files directly in ``folder``, in :func:`name_order` (see
    :func:`evaluation_paths`)."""
    from ..errors import UsageError, system_reason
    from ..host import default_host

    readers = default_host().readers
    try:
        names = sorted(
            (
                entry.name
                for entry in os.scandir(folder)
                if not entry.name.startswith((".", "~$"))
                and os.path.splitext(entry.name)[1].lower() in readers
                and _listed(entry)
            ),
            key=name_order,
        )
    except OSError as exc:
        raise UsageError(
            _("cannot read the folder {folder}: {reason}").format(
                folder=folder, reason=system_reason(exc)
            ),
            hint=_("check that it exists and that you may read it"),
        ) from None
    if not names:
        raise UsageError(
            _("{folder} holds no evaluation file").format(folder=folder),
            hint=_(
                "evaluation files end in {suffixes}; a folder's subfolders are not read: "
                "name them too ({example})"
            ).format(suffixes=", ".join(sorted(readers)), example=os.path.join(folder, "*", "")),
        )
    return [os.path.join(folder, name) for name in names]


def name_order(name: str) -> tuple:
    """The key that sorts file names as a file manager lists them: the name before its suffix
    first (``单位.toml`` before ``单位1.toml``), a run of digits by its number (``单位2`` before
    ``单位10``), letters whatever their case; names that tie (``单位02``, ``单位2``) by their
    characters. The same order on every system, so that a batch's output does not depend on
    where it runs."""
    stem, suffix = os.path.splitext(name)
    parts = _DIGITS.split(stem.casefold())  # text, digits, text … : text at the even places
    natural = tuple(int(part) if index % 2 else part for index, part in enumerate(parts))
    return natural, suffix.casefold(), name


_DIGITS = re.compile(r"([0-9]+)")


def _refuse_output_inside(folder: str, output: str) -> None:
    """``-o`` naming a file directly in ``folder`` with a suffix a reader takes: a result written
    there would be read as a unit's file by the next run over the folder (and by this one, when
    an earlier run left it), so it is refused before any work, with a name outside to give."""
    from ..errors import UsageError
    from ..host import default_host

    inside = os.path.dirname(os.path.realpath(output)) == os.path.realpath(folder)
    if not inside or os.path.splitext(output)[1].lower() not in default_host().readers:
        return
    parent = os.path.dirname(os.path.realpath(folder))
    outside = os.path.relpath(os.path.join(parent, os.path.basename(output)))
    raise UsageError(
        _(
            "-o {output} is in the folder {folder} being scored: a run over it reads it as a unit's file"
        ).format(output=output, folder=folder),
        hint=_("write the output outside the folder, e.g. -o {outside}").format(outside=outside),
    )


def _refuse_reading_standard_output(files: list, suffix: str) -> None:
    """Standard output redirected to one of ``files`` — a file of a folder given
    (``scoring score 单位 > 单位/结果.json``), or one named (``单位/*`` run twice): the run would
    read its own output, half written, as a unit's file. Refused before any work, as an ``-o``
    there is (:func:`_refuse_output_inside`); with ``-o`` too, since the shell has made the file
    all the same. The shell has emptied or made the file before the run starts: said, so that
    the next run over the folder does not trip on it — and, when it was a unit's own file,
    so that it is restored. A name outside, with the output's ``suffix``, is suggested."""
    from ..errors import UsageError

    written = _standard_output_file()
    if written is None:
        return
    for path in files:
        if not isinstance(path, str | os.PathLike) or str(path) == "-":
            continue
        try:
            found = os.stat(path)
        except OSError:
            continue  # said when the file is read
        if (found.st_dev, found.st_ino) != written:
            continue
        folder = os.path.dirname(os.path.realpath(path))
        name = _("results") + suffix
        outside = os.path.relpath(os.path.join(os.path.dirname(folder), name))
        hint = _("write the output outside the folder, e.g. > {outside} or -o {outside}").format(
            outside=outside
        )
        if found.st_size == 0:
            hint += _(
                "; the shell emptied {file} before the run: restore it if it held a unit's "
                "table, else remove it"
            ).format(file=path)
        raise UsageError(
            _(
                "the standard output is {output}, one of the files being scored: this run "
                "would read its own output as a unit's file"
            ).format(output=path),
            hint=hint,
        )


def _standard_output_file() -> tuple[int, int] | None:
    """The (device, inode) of the regular file standard output was redirected to; None for a
    terminal, a pipe, or no standard output."""
    import stat

    from . import output_stream

    stream = output_stream()
    try:
        found = os.fstat(stream.fileno()) if stream is not None else None
    except (OSError, ValueError, AttributeError):  # closed, or a stream without a descriptor
        return None
    if found is None or not stat.S_ISREG(found.st_mode):
        return None
    return found.st_dev, found.st_ino


def _listed(entry: os.DirEntry) -> bool:
    """A file, or a link that leads to none — to a file no longer there, or round in a loop:
    kept, so that the batch says what is wrong with it, rather than leaving out a unit's table
    without a word or stopping the whole folder."""
    try:
        return entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))
    except OSError:  # a link that loops (ELOOP): its own file's error, said with the others
        return True


def _streamed(fmt: str, renderer: Any) -> bool:
    """True when ``fmt`` is the built-in format of that name, which writes file by file."""
    return fmt in STREAMED and renderer is _format(fmt).render


def _format(fmt: str) -> Any:
    from importlib import import_module

    return import_module(f"..render.{fmt}", __package__)


class _Batch(NamedTuple):
    """What scoring a file of the batch takes, in this process or sent once to each worker."""

    rules: str
    fmt: str
    options: Any  # render.Options
    several: bool  # more than one file: -f json writes an array
    blocked: tuple[str, ...]  # plugins disabled with -p no:NAME
    language: str  # the catalog of the messages (scoring.i18n), as --lang or the environment chose


class _Part(NamedTuple):
    """One file's part of the output, and what the command makes of it."""

    data: bytes
    error: str | None  # the file could not be scored: the message for standard error
    score: Decimal | None  # the department's score
    errors: bool  # an error-level finding
    source: str  # the file, as the output names it
    filing: bytes = (
        b""  # what it files (:func:`scoring.merge.filing`): the same in two files, a copy
    )
    # warnings a worker raised while it scored (a plugin's fault): (category, message), said
    # by the command once however many workers met them
    warned: tuple = ()


def _score_streamed(args, paths: list, fmt: str, mode: str, threshold: _Threshold | None) -> int:
    """Score ``paths`` and write each file's part as it is scored (see the module). A failed
    file is said on standard error and stands in its place as its error entry; with ``-o``,
    nothing is written until a file is scored, and nothing at all when none is."""
    from ..host import default_host
    from ..i18n import current

    output = getattr(args, "output", None)
    default_host().ruleset(args.rules)  # a rule set that cannot score: said before any file
    options = _output_options(args, mode)
    batch = _Batch(args.rules, fmt, options, len(paths) != 1, _blocked(args), current())
    head, between, tail = _format(fmt).frame(batch.several)
    scored = failed = 0
    below = errors = False
    copies = Copies()
    with _Writer(output, bom=fmt == "csv", hold=output is not None) as writer:
        writer.write(head)
        for index, part in enumerate(_parts(paths, batch, _jobs(args, paths), args.debug)):
            if part.error is not None:
                failed += 1
                print(_("scoring: error: {message}").format(message=part.error), file=sys.stderr)
            else:
                assert part.score is not None
                scored += 1
                # the name the path list holds already (part.source is its copy, made in a
                # worker): a batch keeps only a digest more per file
                copies.note(part.filing, str(paths[index]))
                writer.start()
                if threshold is not None and _below(part.source, part.score, threshold):
                    below = True
                errors = errors or part.errors
            writer.write(between + part.data if index else part.data)
        writer.write(tail)
    if output and not scored:
        _not_written(output)
    if failed:
        return EXIT_USER
    if mode == "check":
        return EXIT_FAIL if errors else EXIT_OK
    return EXIT_FAIL if below else EXIT_OK


def _parts(paths: list, batch: _Batch, jobs: int, debug: bool) -> Iterator[_Part]:
    """Each file's part, in the order of ``paths``: scored here, or by ``jobs`` processes."""
    if jobs > 1:
        yield from _in_workers(paths, batch, jobs)
        return
    from ..host import default_host

    host = default_host()
    yield from _scored_parts(paths, batch, host, host.ruleset(batch.rules), debug)


def _scored_parts(sources: list, batch: _Batch, host, ruleset, debug: bool) -> Iterator[_Part]:
    """Score ``sources`` one by one and render each file's part (in a worker, or here)."""
    import gc

    from ..api import score_many

    item = _format(batch.fmt).item
    files = iter(score_many(sources, ruleset, host=host))
    collecting = gc.isenabled()
    while True:
        # The collector waits from the moment a file is scored until its part is rendered and
        # its records are let go: let back in while they lived, it would walk all of them once
        # for each file — a few per cent of a batch — and find nothing (they hold no cycles).
        # Between two files it runs as usual.
        gc.disable()
        try:
            scored = next(files, None)
            if scored is None:
                return
            part = _part(scored, item(scored.entry, batch.options, batch.several), debug)
            del scored
        finally:
            if collecting:
                gc.enable()
        yield part


def _part(scored, data: bytes, debug: bool) -> _Part:
    """A scored file's part: its rendered data, its error said, or its score and errors."""
    if scored.error is not None:
        if debug:
            raise scored.error
        return _Part(data, scored.error.render(), None, False, scored.source)
    from ..merge import filing

    assert scored.result is not None
    result = scored.result
    return _Part(
        data, None, result.department.score, result.has_errors, scored.source, filing(result)
    )


def _jobs(args, paths: list) -> int:
    """How many processes score: ``--jobs``, else every core for a batch of
    :data:`PARALLEL_FROM` files or more. One under ``--debug`` (its tracebacks are this
    process's), for an evaluation already read (the demo's) and when one is read from standard
    input (``-``: this process's own)."""
    jobs = getattr(args, "jobs", None)
    if args.debug or not all(isinstance(path, str | os.PathLike) for path in paths):
        return 1
    if any(str(path) == "-" for path in paths):
        return 1
    if jobs is None:
        jobs = _cores() if len(paths) >= PARALLEL_FROM else 1
    return max(1, min(jobs, len(paths), MAX_JOBS))


def _cores() -> int:
    """The cores this process may use (its affinity where the system says it)."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return counted() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _blocked(args) -> tuple[str, ...]:
    """The plugins ``-p no:NAME`` disabled (cli checked the form), for a worker's own host."""
    options = [*getattr(args, "plugin_options", []), *getattr(args, "plugin_options_after", [])]
    return tuple(option[3:] for option in options)


def _forks() -> bool:
    """Workers are forked where that is safe (Linux, and this process has no other thread):
    they start in milliseconds with the host and rule set already built. Elsewhere they start
    afresh (from a fork server, or spawned) and build both."""
    import multiprocessing
    import threading

    return (
        sys.platform == "linux"
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _in_workers(paths: list, batch: _Batch, jobs: int) -> Iterator[_Part]:
    """The parts of ``paths`` from ``jobs`` worker processes, in order; this process hands
    out the chunks and writes the parts. A few chunks per worker are out at a time, so that
    neither the parts waiting to be written nor those on their way grow with the batch.

    This process scores nothing itself: the pool's thread that hands chunks to the workers and
    takes their parts back needs the interpreter's lock, which a scoring loop here would hold
    for most of its slices — measured, the workers then waited a fifth of the time. Writing
    takes this process a few per cent of one core."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from . import output_stream

    for stream in (sys.stderr, output_stream()):  # nothing buffered is copied into a worker
        if stream is not None:
            stream.flush()
    forked = _forks()
    methods = multiprocessing.get_all_start_methods()
    fresh = "forkserver" if "forkserver" in methods else "spawn"  # never fork beside a thread
    context = multiprocessing.get_context("fork" if forked else fresh)
    size = max(1, min(CHUNK, len(paths) // (jobs * 4)))
    ahead = AHEAD * jobs  # chunks given to the workers and not yet written
    # Frozen before the workers are forked, for the whole batch: the collector then never
    # walks what they share with this process, so the pages stay shared instead of being
    # copied into each worker as its collector touches them.
    import gc

    with _signals_awaited() as asked:
        pool = ProcessPoolExecutor(
            jobs, context, initializer=_start_worker, initargs=(batch, forked)
        )
        gc.freeze()  # the workers are forked at the first chunk handed out
        finished = False
        try:
            pending: deque[Future[list[_Part]]] = deque()  # in the order of the files
            warned: set = set()
            for start in range(0, len(paths), size):
                if len(pending) >= ahead:  # the first chunk out is the next to write
                    yield from _warned_once(pending.popleft().result(), warned)
                if asked:
                    break
                pending.append(_submitted(pool, paths[start : start + size], jobs))
            while pending and not asked:
                yield from _warned_once(pending.popleft().result(), warned)
            finished = True
        except BrokenProcessPool:
            if not _signalled(asked):  # the command's own signal, if it came, says why
                raise _a_worker_ended(jobs) from None
        finally:
            if not finished:  # a fault or a signal: the workers are stopped, not waited for
                _stop(pool)
            pool.shutdown(wait=True, cancel_futures=True)
            gc.unfreeze()


def _signalled(asked: list[int]) -> bool:
    """Whether this process was sent an ending signal too: a signal sent to the whole process
    group (Ctrl-C, ``kill -TERM -PGID``) ends the workers as it reaches this process, whose
    handler may run a moment after their end is seen. Half a second at most, once."""
    import time

    for _step in range(10):
        if asked:
            return True
        time.sleep(0.05)  # a signal arriving ends the sleep, and its handler runs
    return bool(asked)


def _a_worker_ended(jobs: int) -> Exception:
    """A worker ended from outside — killed, by the system out of memory — before its
    files were scored: not a fault of the files, nor of the scoring. An output file (-o) is
    not written; what went to the standard output stays as far as it got."""
    from ..errors import UsageError

    return UsageError(
        _(
            "a worker process ended before its files were scored (killed, or by the system when "
            "short of memory): the batch was not finished"
        ),
        hint=_("run it again; if memory is short, give a smaller --jobs (now {jobs})").format(
            jobs=jobs
        ),
    )


def _submitted(pool, chunk: list, jobs: int):
    """``chunk`` handed to the pool; a pool that cannot start its workers (no process or file
    descriptor left) is the user's to size."""
    from ..errors import UsageError, system_reason

    try:
        return pool.submit(_score_chunk, chunk)
    except OSError as exc:
        raise UsageError(
            _("cannot start {count} processes: {reason}").format(
                count=jobs, reason=system_reason(exc)
            ),
            hint=_("give a smaller --jobs, or raise the system's limits (ulimit -n, ulimit -u)"),
        ) from None


def _stop(pool) -> None:
    """The pool's workers ended at once (SIGTERM), so that shutting it down cannot wait on one
    left waiting for work that will not come. The pool has no public way to do it before
    Python 3.14 (``terminate_workers``)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()


@contextlib.contextmanager
def _signals_awaited() -> Iterator[list[int]]:
    """While a pool scores: Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed) are noted
    (the list holds the signal) instead of raised wherever this process happens to be — raised
    inside the pool's own bookkeeping they left it waiting for ever — and raised once it is
    shut down: SIGINT as KeyboardInterrupt, the others as exit 128 + the signal. Only in the
    main thread, where handlers are set."""
    import signal
    import threading

    asked: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield asked
        return
    before = {number: signal.getsignal(number) for number in _ending_signals()}
    for number, handler in before.items():
        if handler is not signal.SIG_IGN:  # ignored, as a shell's background job's Ctrl-C: kept
            signal.signal(number, lambda number, frame: asked.append(number))
    try:
        yield asked
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
    if signal.SIGINT in asked:
        raise KeyboardInterrupt
    if asked:
        raise SystemExit(128 + asked[0])


_WORKER: dict[str, Any] = {}  # a worker's batch, host and rule set, set once when it starts


def _start_worker(batch: _Batch, forked: bool) -> None:
    """A worker's start: its host (with the plugins the command line disabled left out) and
    the rule set compiled once, for every chunk it scores. A forked worker has this process's
    host, rule set already compiled."""
    import signal

    from ..host import build_host, default_host, set_default_host
    from ..i18n import use

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    # SIGTERM and SIGHUP keep the handler the worker was forked with, which notes them: a
    # signal to the process group is the command's to act on, which stops the workers between
    # two chunks — a worker ended as it writes a chunk's parts would leave the pool waiting on
    # the rest of them for ever.
    _end_with_the_parent()
    sys.stdout = sys.stderr  # as in the main process: a plugin's printing is not output
    use(batch.language)  # a worker started afresh would ask the environment, not --lang
    if batch.blocked and not forked:
        set_default_host(build_host(blocked=batch.blocked))
    host = default_host()
    _WORKER.update(batch=batch, host=host, ruleset=host.ruleset(batch.rules))
    import gc

    gc.freeze()  # for the worker's life: its host and rule set, and what it was forked with


def _end_with_the_parent() -> None:
    """A worker whose parent is gone (killed with SIGKILL, by the system short of memory, by a
    CI job cancelled) would wait for work for ever: the pipe it reads is held open by the
    other workers. A thread looks every second and ends the worker once it has a new parent."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="scoring-parent-watch", daemon=True).start()


def _score_chunk(paths: list) -> list[_Part]:
    """In a worker: the parts of a few files, the warnings raised while they were scored kept
    with the first, for the command to say (see :func:`_warned_once`)."""
    import warnings

    batch, host, ruleset = _WORKER["batch"], _WORKER["host"], _WORKER["ruleset"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parts = list(_scored_parts(paths, batch, host, ruleset, debug=False))
    if caught and parts:
        said = tuple((warning.category, str(warning.message)) for warning in caught)
        parts[0] = parts[0]._replace(warned=said)
    return parts


def _warned_once(parts: list[_Part], warned: set) -> Iterator[_Part]:
    """``parts`` as they come, each warning a worker raised said here, once in the run: a
    plugin that fails in every worker is named once, as in one process."""
    import warnings

    for part in parts:
        for category, message in part.warned:
            if (category, message) not in warned:
                warned.add((category, message))
                warnings.warn(message, category, stacklevel=2)
        yield part


def cmd_check(args) -> int:
    fmt = args.format or "table"
    args.files = evaluation_paths(args.files, fmt=fmt)
    reports = [path for path in args.files if path.lower().endswith(REPORT_SUFFIXES)]
    if reports or args.against:
        return _check_reports(args, reports, fmt)
    if fmt not in ("table", "json"):
        from ..errors import UsageError

        raise UsageError(
            _("check has no format {format}").format(format=repr(fmt)),
            hint=format_hint(
                fmt,
                ("table", "json"),
                _("check writes table or json; for the full report use `scoring score -f FORMAT`"),
            ),
        )
    if _streamed(fmt, _renderer(fmt)):
        return _score_streamed(args, args.files, fmt, "check", None)
    scored = _score_files(args.files, args.rules, args.debug)
    Copies().note_all([item.result for item in scored if item.result is not None])
    _emit(_render(scored, fmt, _output_options(args, "check")), None)
    if any(item.error is not None for item in scored):
        return EXIT_USER
    return EXIT_FAIL if any(item.result.has_errors for item in scored) else EXIT_OK


def cmd_compare(args) -> int:
    """The same files under several rule sets: the department, projects and rows that change."""
    from ..api import load, score
    from ..errors import ScoringError, UsageError
    from ..host import default_host
    from ..render import compare as view
    from ..result import FileError

    names = [name.strip() for name in args.rules.split(",") if name.strip()]
    if len(names) < 2:
        raise UsageError(
            _("-r {rules} names one rule set; compare needs two or more").format(
                rules=repr(args.rules)
            ),
            hint=_("e.g. -r mof-2020,guangxi"),
        )
    args.files = evaluation_paths(args.files, args.output, args.format)  # a folder: its files
    if args.output:
        _refuse_overwriting_input(args.output, args.files)
    fmt = output_format(args.format, args.output, ("table", "json", "markdown"))
    if fmt not in ("table", "json", "markdown"):
        raise UsageError(
            _("compare has no format {format}").format(format=repr(fmt)),
            hint=format_hint(
                fmt,
                ("table", "json", "markdown"),
                _("formats: {formats}").format(formats="table, json, markdown"),
            ),
        )
    from ..merge import filing

    host = default_host()
    rulesets = [host.ruleset(name) for name in names]
    groups, items = [], []
    copies = Copies()
    for path in args.files:
        try:
            evaluation = load(path, host)
            results = [score(evaluation, ruleset, host=host) for ruleset in rulesets]
            copies.note(filing(results[0]), str(path))
        except ScoringError as exc:
            if getattr(args, "debug", False):
                raise
            print(
                _("scoring: error: {message}").format(message=exc.in_file(path).render()),
                file=sys.stderr,
            )
            items.append(FileError(path, exc.code, exc.render(), exc.where).to_dict())
            continue
        groups.append((path, results))
        items.append(view.to_dict(path, results))
    if not groups and args.output:  # as in score: an earlier output is not replaced by errors
        _not_written(args.output)
        return EXIT_USER
    if fmt == "json":  # a file that could not be scored stands in its place, as in score
        text = _json(items)  # a list whatever the number of files, as score's
    elif fmt == "markdown":
        text = view.render_markdown(groups)
    else:
        text = view.render_table(groups, _output_options(args, "score"))
    _emit(text, args.output)
    return EXIT_USER if len(groups) < len(args.files) else EXIT_OK


REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")


def _check_reports(args, reports: list[str], fmt: str) -> int:
    """`check REPORT.txt [--with FILE]`: the figures a report states, checked."""
    from pathlib import Path

    from ..api import load, score
    from ..errors import InputError, UsageError
    from ..render.report_view import render_table, to_dict
    from ..report import extract, review
    from ..report_files import read_report

    others = [path for path in args.files if path not in reports]
    if args.against and others:  # --with goes with a report: say what a report can be
        other = others[0]
        suffix = _("standard input") if other == "-" else (Path(other).suffix or other)
        raise UsageError(
            _("{file}: check --with reads a report (.txt, .md, .docx, .html), not {suffix}").format(
                file=other, suffix=suffix
            ),
            hint=_(
                "save the report as .docx, .md or .txt (from a PDF, copy its text into a .txt "
                "file) and give its path"
            ),
        )
    if others or not reports:
        raise UsageError(
            _(
                "check reviews either evaluation files or reports (.txt, .md, .docx, .html), "
                "one kind per call"
            ),
            hint=_("`--with FILE` goes with a report: scoring check REPORT.txt --with FILE.toml"),
        )
    if fmt not in ("table", "json"):
        raise UsageError(
            _("check has no format {format}").format(format=repr(fmt)),
            hint=format_hint(fmt, ("table", "json"), _("check writes table or json")),
        )
    evaluation = load(args.against) if args.against else None
    # the 得分 and 等级 a report states are checked against the table scored by the rule set
    scored = score(evaluation, rules=args.rules) if evaluation is not None else None
    # a sentence naming one of the table's projects states that project's figures
    names = [project.name for project in evaluation.projects] if evaluation else []
    options = _output_options(args, "check")
    parts, payload, failed = [], [], False
    for path in reports:
        try:
            figures = extract(read_report(Path(path)), names)
        except InputError as exc:
            if getattr(args, "debug", False):
                raise
            print(
                _("scoring: error: {message}").format(message=exc.in_file(path).render()),
                file=sys.stderr,
            )
            payload.append(
                {
                    "source": path,
                    "error": {"code": exc.code, "message": exc.render(), "where": exc.where},
                }
            )
            failed = True
            continue
        findings = review(figures, evaluation, scored)
        payload.append(to_dict(path, figures, findings, args.against))  # its errors: the exit code
        if fmt == "table":  # drawn only when asked for: a large report's table is work
            parts.append(render_table(path, figures, findings, args.against, options))
    # JSON: a list whatever the number of reports, as score's
    text = _json(payload) if fmt == "json" else "\n".join(parts)
    _emit(text, None)
    if failed:
        return EXIT_USER
    return EXIT_FAIL if any(item.get("errors") for item in payload) else EXIT_OK


def cmd_demo(args) -> int:
    """The bundled example scored, named in the output as the example, not by its path."""
    from dataclasses import replace
    from importlib import resources

    from ..api import load

    example = resources.files("scoring").joinpath("examples", "leting-2023.toml")
    with resources.as_file(example) as path:
        source = _("scoring demo · {name} (the bundled example)").format(name="leting-2023.toml")
        evaluation = replace(load(path), source=source)
        return cmd_score(args, [evaluation])
