"""What a user can get wrong: one exception family, rendered in one place.

Every error names the file, the place in it (a key path such as
``projects[1].indicators[0].actual``, or ``line L, column C`` for a syntax error) and what to
do about it. The command line prints these and exits 2; the traceback is shown only under
``--debug``. A message quotes the user's own text (a file name, a value, a sheet's name) and
may go to a terminal, so it is rendered inert (:func:`scoring.inert.terminal`): a control
character or escape sequence is shown escaped, never obeyed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import _, ngettext


@dataclass
class Problem:
    """One thing wrong at one place."""

    message: str
    where: str | None = None  # key path, or "line L, column C"
    hint: str | None = None
    cell: str | None = None  # "表.xlsx!项目1!F14" when the file is a spreadsheet
    place: str | None = None  # the key path as the form names it, when the file is a form

    def render(self, file: str | None) -> str:
        """The problem as one line (two with its hint): the file or cell, the place, what is
        wrong, what to do; the user's text in it escaped (a place is one line, a message may
        have lines)."""
        from .inert import terminal

        if self.cell:
            cell = terminal(self.cell, lines=False)
            place = self.place or self.where
            head = (
                _("{cell} ({place})").format(cell=cell, place=terminal(place, lines=False))
                if place
                else cell
            )
        else:
            head = ""
            if file and self.where:
                head = _("{file}: {where}").format(
                    file=terminal(file, lines=False), where=terminal(self.where, lines=False)
                )
            elif file or self.where:
                head = terminal(file or self.where, lines=False)
        message = terminal(self.message)
        text = _("{place}: {message}").format(place=head, message=message) if head else message
        if self.hint:
            text += f"\n  → {terminal(self.hint)}"
        return text


@dataclass(eq=False)
class ScoringError(Exception):
    """Base of every error a user can cause. ``code`` is a stable kebab-case reference."""

    message: str
    where: str | None = None
    hint: str | None = None
    file: str | None = None
    code: str = "error"
    problems: list[Problem] = field(default_factory=list)
    more: int = 0  # problems found beyond those listed (scoring.limits.MAX_PROBLEMS), counted
    at_least: bool = False  # ``more`` is a lower bound: some were counted as one at least

    def __post_init__(self) -> None:
        super().__init__(self.message)
        if not self.problems:
            self.problems = [Problem(self.message, self.where, self.hint)]

    def __str__(self) -> str:
        return self.render()

    @classmethod
    def from_problems(cls, problems: list[Problem], file: str, **kw) -> ScoringError:
        """One error for several problems, headed by the first."""
        first = problems[0]
        return cls(first.message, first.where, first.hint, file=file, problems=problems, **kw)

    def in_file(self, file: str, locations: dict | None = None, data=None) -> ScoringError:
        """Attach the file name when the code that raised did not know it, and, when the file
        was a spreadsheet (``locations``: key path → cell), the cell of each problem and its
        place named as on the form, with the names filed in ``data`` (the evaluation as read)."""
        from .places import form_place

        if self.file is None:
            self.file = file
        for problem in self.problems:
            if locations and problem.where and not problem.cell:
                problem.cell = cell_of(problem.where, locations)
            if locations and problem.where and problem.place is None:
                problem.place = form_place(problem.where, data)
        return self

    def render(self) -> str:
        """The error as the command line prints it: its one problem, or a head line (the file,
        how many problems) and each problem indented; the user's text in it escaped."""
        from .inert import terminal

        if len(self.problems) == 1 and not self.more:
            return self.problems[0].render(self.file)
        count = len(self.problems) + self.more
        lines = [
            problems_in(terminal(self.file, lines=False), count, self.at_least)
            if self.file
            else terminal(self.message)
        ]
        lines += ["  " + p.render(None).replace("\n", "\n  ") for p in self.problems]
        if self.more:
            lines.append(f"  {more_problems(self.more, self.at_least)}\n    → {fix_and_rerun()}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.render(), "where": self.where}


# The hint under a list of problems cut short, in English (:func:`fix_and_rerun` says it in the
# language of the messages).
FIX_AND_RERUN = "fix those listed and run again to see the rest"


def fix_and_rerun() -> str:
    """The hint under a list of problems cut short, in the language of the messages."""
    return _("fix those listed and run again to see the rest")


def system_reason(exc: OSError) -> str:
    """Why the system refused to read or write, in the language of the messages: the usual
    reasons by their errno (the system's own words are English whatever the interface speaks),
    any other in the system's words."""
    import errno

    reasons = {
        errno.ENOENT: lambda: _("no such file or folder"),
        errno.EACCES: lambda: _("permission denied"),
        errno.EPERM: lambda: _("permission denied"),
        errno.EISDIR: lambda: _("it is a folder"),
        errno.ENOTDIR: lambda: _("a part of the path is not a folder"),
        errno.ENOSPC: lambda: _("no space left on the disk"),
        errno.EDQUOT: lambda: _("disk quota used up"),
        errno.EROFS: lambda: _("the disk is read-only"),
        errno.ENAMETOOLONG: lambda: _("the name is too long"),
        errno.ELOOP: lambda: _("too many levels of symbolic links"),
        errno.EIO: lambda: _("the device could not be read or written"),
        errno.EBUSY: lambda: _("it is in use"),
        errno.EEXIST: lambda: _("it already exists"),
    }
    said = reasons.get(exc.errno or 0)
    return said() if said is not None else str(exc.strerror or exc)


def read_hint(exc: OSError) -> str:
    """What to do about a file the system would not read, by its errno: a permission asked
    for, a link that loops replaced, otherwise the path and the disk checked."""
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("ask for permission to read it, or copy it to a folder of your own")
    if exc.errno == errno.ELOOP:
        return _("the link leads round in a loop: put the file itself in its place")
    return _("check the path and the disk")


def problems_in(file: str, count: int, at_least: bool = False) -> str:
    """The head line of an error of several problems: ``a.toml: 3 problems``."""
    if at_least:
        text = ngettext(
            "{file}: at least {count} problem", "{file}: at least {count} problems", count
        )
    else:
        text = ngettext("{file}: {count} problem", "{file}: {count} problems", count)
    return text.format(file=file, count=f"{count:,}")


def more_problems(count: int, at_least: bool = False) -> str:
    """The line counting the problems found beyond those listed: ``… and 12 more problems``."""
    if at_least:
        text = ngettext(
            "… and at least {count} more problem", "… and at least {count} more problems", count
        )
    else:
        text = ngettext("… and {count} more problem", "… and {count} more problems", count)
    return text.format(count=f"{count:,}")


class InputError(ScoringError):
    """The evaluation file cannot be read or scored."""

    def __init__(self, message: str, where: str | None = None, hint: str | None = None, **kw):
        kw.setdefault("code", "input-invalid")
        super().__init__(message, where, hint, **kw)


class RulesetError(ScoringError):
    """A rule set cannot be read, resolved or used."""

    def __init__(self, message: str, where: str | None = None, hint: str | None = None, **kw):
        kw.setdefault("code", "ruleset-invalid")
        super().__init__(message, where, hint, **kw)


class PluginError(ScoringError):
    """A plugin is broken, or a rule set needs something no loaded plugin provides."""

    def __init__(self, message: str, where: str | None = None, hint: str | None = None, **kw):
        kw.setdefault("code", "plugin-error")
        super().__init__(message, where, hint, **kw)


class UsageError(ScoringError):
    """The command line is wrong."""

    def __init__(self, message: str, where: str | None = None, hint: str | None = None, **kw):
        kw.setdefault("code", "usage")
        super().__init__(message, where, hint, **kw)


def cell_of(where: str, locations: dict) -> str | None:
    """The cell of a key path, or of the nearest enclosing one that has a cell."""
    path = where
    while path:
        if path in locations:
            return locations[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


# The cell a finding is about, by its code: the filed 得分, the reason, the actual; otherwise
# its row's.
CELL_OF_CODE = {
    "recorded-score-mismatch": ".score",
    "score-above-weight": ".score",
    "score-outside-band": ".score",
    "reason-missing": ".reason",
    "over-achievement": ".actual",
    "actual-not-numeric": ".actual",
    "evaluator-judgement": ".score",
    "deadline-late": ".actual",
    "strict-bound-equal": ".actual",
    "values-blank": ".target",
}


def cell_of_finding(code: str, where: str, locations: dict) -> str | None:
    """The cell a finding (``code`` at key path ``where``) is about, or None."""
    return locations.get(f"{where}{CELL_OF_CODE.get(code, '')}") or cell_of(where, locations)


def did_you_mean(word: str, choices) -> str | None:
    """A hint for a misspelt name, in the manner of ruff and pip (see :func:`closest`)."""
    close = closest(word, choices)
    return _("did you mean `{name}`?").format(name=close) if close is not None else None


def closest(word: str, choices) -> str | None:
    """The choice ``word`` is a misspelling of, if one is close enough; letters compared
    whatever their case (``--FORMAT`` → ``--format``), an option's leading dashes left out
    (``--bogus`` is not close to ``--jobs``)."""
    import difflib

    def key(name: str) -> str:  # an option's dashes are alike in all of them: not counted
        return name.casefold().lstrip("-")

    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(key(str(choice)), str(choice))
    close = difflib.get_close_matches(key(word), list(by_key), n=1, cutoff=0.6)
    return by_key[close[0]] if close else None


class CheckFailed(Exception):
    """A review check of an outside plugin failed, and is left out of the run; ``message``
    says so in the user's words. The engine turns it into a ``check-failed`` finding on each
    result the check did not check (the plugin host raises it, see :mod:`scoring.guard`)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
