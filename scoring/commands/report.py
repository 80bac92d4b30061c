"""report: the written 自评报告 drafted from scored evaluations (Markdown, HTML or Word).

``scoring report FILE|FOLDER… [-f md|html|docx] [-o OUT] [--template DIR|NAME] [--combined]``
(a folder: its evaluation files, as ``score`` reads one)

Where the output goes:

- one file: ``-o OUT`` is the report (standard output without it, for md and html); an existing
  folder as OUT receives ``STEM.md`` / ``.html`` / ``.docx`` named after the input
  (``自评报告`` for standard input);
- several files: one report each, so ``-o`` names a folder (made when missing) that receives
  ``STEM.SUFFIX`` for each input (``STEM-2.SUFFIX`` … when two inputs share a name);
- ``--combined``: one summary of all of them, written as for one file.

A Word document is never written to standard output: ``-f docx`` needs ``-o``. The format is
``-f``'s, else the suffix of OUT's (``.md``, ``.html``, ``.docx``), else Markdown; an OUT whose
suffix names another format than ``-f``, or a document no report is written as (``.pdf``,
``.doc``), is refused, nothing written. A file that
cannot be read or scored is named on standard error and the others are still drafted; the exit
code is then 2.
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

from ..i18n import _
from . import (
    EXIT_OK,
    EXIT_USER,
    Copies,
    _emit,
    _not_written,
    _refuse_overwriting_input,
    format_hint,
    names_a_folder,
)

BY_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


def cmd_report(args) -> int:
    """Score each file and write its drafted report, or one combined summary."""
    from ..api import ruleset, score_many
    from ..draft import draft, draft_combined
    from ..inert import terminal
    from .scoring import evaluation_paths

    # a folder: the evaluation files in it
    args.files = evaluation_paths(args.files, fmt=args.format or "md")
    several = len(args.files) > 1 and not args.combined
    fmt = report_format(args.format, args.output, several)
    targets, folder = _targets(args, fmt, several)
    folders = template_folders(args.template)
    date = report_date(args.date)
    rules = ruleset(args.rules)
    # the report is a Chinese document: the texts scoring writes into it are Chinese; a file
    # that cannot be read is said in the interface's language
    batch = score_many(args.files, rules, language="zh_CN")
    if args.combined:
        # a file read but not scored on its own waits: merged with its department's other
        # files it may be (a project file under a rule set that scores the department by its
        # 部门整体 table, which another file holds)
        scored = _scored(args, batch, folder, waiting=True)
        results, left_out = _departments(args, scored, rules)
        if not results:
            if args.output:
                _not_written(args.output)
            return EXIT_USER
        data = draft_combined(
            results, fmt, ruleset=rules, templates=folders, date=date, left_out=left_out
        )
        _write(data, targets[0], terminal)
        return EXIT_USER if left_out else EXIT_OK
    scored = _scored(args, batch, folder)
    for item, target in zip(scored, targets):
        if item.result is not None:
            data = draft(item.result, fmt, ruleset=rules, templates=folders, date=date)
            _write(data, target, terminal)
    failed = any(item.result is None for item in scored)
    return EXIT_USER if failed else EXIT_OK


def _departments(args, scored: list, rules) -> tuple[list, tuple[str, ...]]:
    """The summary's departments, and the files left out (not read, or not scored): each
    file's result, and a
    department filed over several files (one project per file) scored once from all of them
    (:mod:`scoring.merge`), at the place of its first file. Each merge is said on standard
    error with its files, and so is a department whose files cannot be merged, with why: each
    of those files is counted as a department. A file read and not scored on its own is said
    now, if it is not merged, and a merged department that cannot be scored is said naming
    its files."""
    from ..api import score_many
    from ..inert import terminal
    from ..merge import departments

    read = [item for item in scored if item.evaluation is not None]
    left_out = [item.source for item in scored if item.evaluation is None]
    by_evaluation = {id(item.evaluation): item for item in read}
    units, apart = departments([item.evaluation for item in read])
    for group in apart:
        said = _(
            "scoring: warning: {count} files are of one department, {department} ({year}), "
            "and are counted apart, as {count} departments: {reason} ({files})"
        )
        print(
            said.format(
                count=len(group.sources),
                department=terminal(group.name, lines=False),
                year=group.year,
                reason=terminal(group.reason, lines=False),
                files=terminal(", ".join(group.sources), lines=False),
            ),
            file=sys.stderr,
        )
    merged = [unit.evaluation for unit in units if len(unit.sources) > 1]
    scores = iter(score_many(merged, rules, language="zh_CN")) if merged else iter(())
    found = []
    for unit in units:
        item = by_evaluation[id(unit.evaluation)] if len(unit.sources) == 1 else next(scores)
        if item.error is not None:  # said as any file's, naming the files merged
            left_out.extend(unit.sources)
            _say_error(args, item.error)
            continue
        assert item.result is not None
        if len(unit.sources) == 1:
            found.append(item.result)
            continue
        said = _(
            "scoring: {department} ({year}) is filed over {count} files, summed up as one "
            "department: {files}"
        )
        department = item.result.department
        print(
            said.format(
                department=terminal(department.name, lines=False),
                year=department.year,
                count=len(unit.sources),
                files=terminal(", ".join(unit.sources), lines=False),
            ),
            file=sys.stderr,
        )
        found.append(item.result)
    return found, tuple(left_out)


def report_format(fmt: str | None, output: str | None, several: bool = False) -> str:
    """The format asked for, else the one the suffix of the file -o names, else Markdown;
    ``several``: the reports go into the folder -o names."""
    from ..draft import FORMATS
    from ..errors import UsageError

    # the file -o names, if it is one: a folder's name chooses nothing
    file = output if output is not None and not _is_a_folder(output, several) else None
    if file is not None:
        _refuse_unwritten_suffix(file)
    if fmt is None:
        return BY_SUFFIX.get(Path(file).suffix.lower(), "md") if file else "md"
    if fmt == "markdown":
        return "md"
    if fmt not in FORMATS:
        raise UsageError(
            _("report has no format {format}").format(format=repr(fmt)),
            hint=format_hint(
                fmt, FORMATS, _("report writes md, html or docx (-f docx -o FILE.docx)")
            ),
        )
    if file is None:
        return fmt
    named = BY_SUFFIX.get(Path(file).suffix.lower())
    if named is not None and named != fmt:
        # a Word document named .md (or Markdown named .docx) opens in nothing: said, not written
        from ..draft import SUFFIXES

        raise UsageError(
            _("-o {output} names a {named} file, but -f {format} writes {written}").format(
                output=file,
                named=_FORMAT_NAMES[named](),
                format=fmt,
                written=_FORMAT_NAMES[fmt](),
            ),
            hint=_("name it {name}, or leave -f out: the suffix of -o chooses the format").format(
                name=Path(file).with_suffix(SUFFIXES[fmt]).name
            ),
        )
    return fmt


# Suffixes of documents a report is not written as: a file so named would not open as one.
# Suffixes a report is never written as: other documents, and the files scoring reads or writes
# as data (a report named 单位/汇总.toml would be read as a unit's file by the next run).
UNWRITTEN = (".doc", ".wps", ".pdf", ".xlsx", ".xlsm", ".xls", ".odt", ".rtf", ".toml", ".json",
             ".jsonl", ".csv")  # fmt: skip


def _refuse_unwritten_suffix(output: str) -> None:
    """An -o naming a document of a kind the report is not written as (``报告.doc``,
    ``报告.pdf``): said with the suffixes it can take, before anything is drafted."""
    from ..errors import UsageError

    suffix = Path(output).suffix.lower()
    if suffix in UNWRITTEN:
        raise UsageError(
            _("-o {output}: a report is not written as {suffix}").format(
                output=output, suffix=suffix
            ),
            hint=_(
                "name it .docx (Word and WPS open it), .html (a browser prints it to PDF) or .md"
            ),
        )


# What each format is, as a user knows it (a function each: translated when said).
_FORMAT_NAMES = {
    "md": lambda: _("Markdown"),
    "html": lambda: _("HTML"),
    "docx": lambda: _("Word (.docx)"),
}


def template_folders(template: str | None) -> list[Path]:
    """The folders searched before the built-in templates: ``--template``'s folder, or the one
    an installed plugin registers under that name (none for the built-in ``default``)."""
    from ..errors import UsageError

    if template is None:
        return []
    path = Path(template)
    if path.is_dir():
        return [path]
    from ..host import default_host

    registered = default_host().report_templates
    if template in registered:
        folder = Path(registered[template])
        if not folder.is_dir():
            raise UsageError(
                _(
                    "--template {template}: the plugin that registers it names {folder}, "
                    "which is not a folder"
                ).format(template=template, folder=folder),
                hint=_("reinstall the plugin, or give a folder of templates"),
            )
        return [] if template == "default" else [folder]
    if path.exists():
        raise UsageError(
            _("--template {template} is a file, not a folder of templates").format(
                template=template
            ),
            hint=_("give the folder that holds report.md.j2, report.html.j2, report.docx …"),
        )
    from ..errors import did_you_mean

    names = ", ".join(sorted(registered)) or _("none")
    raise UsageError(
        _(
            "--template {template}: no such folder, and no installed report template has that name"
        ).format(template=template),
        hint=did_you_mean(template, registered)
        or _(
            "give a folder of templates (docs/reports.md says how to make one), or one of: {names}"
        ).format(names=names),
    )


def report_date(text: str | None) -> datetime.date | None:
    """``--date YYYY-MM-DD``, the date the report states (today when not given)."""
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        from ..errors import UsageError

        raise UsageError(
            _("--date {date} is not a date").format(date=repr(text)),
            hint=_("give it as 2024-04-09"),
        ) from None


def _is_a_folder(output: str, several: bool) -> bool:
    """Whether -o names a folder: one that is there, one written with a slash at its end
    (``-o 报告/``, made when missing), or the folder several reports go into."""
    return several or names_a_folder(output) or os.path.isdir(output)


def _targets(args, fmt: str, several: bool) -> tuple[list[str | None], Path | None]:
    """Where each report goes (None: standard output) — one target for one file or
    --combined, one per file in the folder -o names otherwise — and that folder, made once a
    file has scored."""
    from ..draft import SUFFIXES
    from ..errors import UsageError

    output = args.output
    if fmt == "docx" and output is None:
        raise UsageError(
            _("-f docx writes a Word document, which is not for standard output"),
            hint=_("give -o FILE.docx (or -o FOLDER for several files)"),
        )
    if output is not None:
        _refuse_overwriting_input(output, args.files)
    if not several:
        if output is not None and _is_a_folder(output, several):
            name = f"{_stem(args.files[0], args.combined)}{SUFFIXES[fmt]}"
            return [str(Path(output) / name)], Path(output)
        return [output], None
    if output is None:
        raise UsageError(
            _("{count} files make {count} reports: -o must name a folder for them").format(
                count=len(args.files)
            ),
            hint=_(
                "give -o FOLDER (each report is named after its file), or --combined for one "
                "summary"
            ),
        )
    if os.path.exists(output) and not os.path.isdir(output):
        raise UsageError(
            _("-o {output} is a file; several reports go into a folder").format(output=output),
            hint=_("give -o FOLDER (it is made when missing), or --combined for one summary"),
        )
    return _names_in(Path(output), args.files, SUFFIXES[fmt]), Path(output)


def _stem(path: str, combined: bool) -> str:
    return "combined" if combined else _file_stem(path)


# The name of the report of an evaluation read from standard input (`-`), in a folder: a file
# named `-.md` reads as an option to the next command that is given it.
STANDARD_INPUT_STEM = "自评报告"


def _file_stem(path: str) -> str:
    """The name a report written into a folder takes from its evaluation file."""
    return STANDARD_INPUT_STEM if path == "-" else Path(path).stem


def _names_in(folder: Path, files: list[str], suffix: str) -> list[str | None]:
    """``folder/STEM.SUFFIX`` for each file, ``STEM-2`` … when a name is taken."""
    taken: set[str] = set()
    names: list[str | None] = []
    for file in files:
        stem, count = _file_stem(file), 1
        name = f"{stem}{suffix}"
        while name in taken:
            count += 1
            name = f"{stem}-{count}{suffix}"
        taken.add(name)
        names.append(str(folder / name))
    return names


def _scored(args, batch, folder: Path | None, waiting: bool = False) -> list:
    """Each file scored, an error named on standard error as it happens — with ``waiting``,
    only where the file could not be read: one read and not scored is said by the caller; the
    ``folder`` -o names is made once a file has scored (a run that scores nothing makes
    none)."""
    from ..merge import filing

    scored = []
    copies = Copies()  # a unit filed twice would be drafted, or summed up, twice
    for item in batch:
        if item.result is not None:
            copies.note(filing(item.result), item.source)
        if item.error is not None:
            if not (waiting and item.evaluation is not None):
                _say_error(args, item.error)
        elif folder is not None:
            _make_folder(folder)
        scored.append(item)
    return scored


def _say_error(args, error) -> None:
    """A file's error on standard error (raised as it is under --debug)."""
    if getattr(args, "debug", False):
        raise error
    print(_("scoring: error: {message}").format(message=error.render()), file=sys.stderr)


def _make_folder(folder: Path) -> None:
    from ..errors import UsageError, system_reason

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            _("cannot make the folder {folder}: {reason}").format(
                folder=folder, reason=system_reason(exc)
            ),
            hint=_("choose another folder with -o"),
        ) from None


def _write(data: str | bytes, target: str | None, terminal) -> None:
    _emit(data, target)
    if target is not None:
        print(f"✓ {terminal(target, False)}", file=sys.stderr)
