"""Outside plugins' functions held to their contract, their faults named with the plugin.

Every function an outside plugin registers — a method, a check, a reader, a format — is called
through :func:`guarded`. An exception it raises (``SystemExit`` included: only Ctrl-C passes)
and an answer of the wrong kind become a :class:`PluginFault` naming the function, the plugin,
its distribution and version. A user error the plugin reports on purpose (a reader's
:class:`scoring.InputError`) passes as it is.

A check that fails is left out from then on: it raises :class:`CheckFailed` on that call and on
every later one, which the engine turns into a ``check-failed`` finding, so a batch goes on and
every result says which check it lacks. A warning names the check once.

The built-in functions are not wrapped: a fault in them is a fault of scoring itself.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, Protocol

from .errors import CheckFailed, PluginError, ScoringError
from .i18n import _


class Owner(Protocol):
    """The plugin a function came from: its name, and its label with distribution and version."""

    name: str

    @property
    def label(self) -> str: ...


class PluginLoadWarning(UserWarning):
    """A plugin, or one thing it registers, could not be used and was left out."""


class PluginFault(PluginError):
    """An outside plugin's function raised, or answered with the wrong kind of thing."""


def guarded(kind: str, name: str, owner: Owner, function: Callable) -> Callable:
    """``function`` of ``owner``, registered as the ``kind`` (method, check, reader, format)
    called ``name``, wrapped so that its faults are named and its answers checked."""
    if kind == "check":
        return _guarded_check(name, owner, function)

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            answer = function(*args, **kwargs)
        except ScoringError:
            raise
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit too: a plugin never ends the run
            raise _fault(kind, name, owner, _failed(exc), _file(kind, args)) from exc
        problem = _breach(kind, answer)
        if problem:
            raise _fault(kind, name, owner, problem, _file(kind, args))
        return answer

    return call


def _guarded_check(code: str, owner: Owner, check: Callable) -> Callable:
    """``check`` of ``owner``, run whole inside the guard: its findings as a list, or — once it
    has raised or yielded something that is not a proper finding — :class:`CheckFailed` on
    this call and every later one, the fault named in one warning."""
    failure: list[Callable[[], str]] = []  # the first fault, said in the current language

    @functools.wraps(check)
    def call(*args: Any) -> list:
        if not failure:
            fault: Callable[[], str | None]
            try:
                findings = list(check(*args) or ())  # a generator runs here, inside the guard
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                # its words kept, not the exception: its traceback would hold the evaluation
                fault = functools.partial(_failure, type(exc).__name__, str(exc))
            else:
                if _breach("check", findings) is None:
                    return findings
                fault = functools.partial(_breach, "check", findings)
            failure.append(lambda: fault() or "")
            warnings.warn(
                _("check {name} of plugin {plugin} {problem}; it is left out of this run").format(
                    name=repr(code), plugin=owner.label, problem=failure[0]()
                ),
                PluginLoadWarning,
                stacklevel=2,
            )
        raise CheckFailed(code, _check_failed(code, owner, failure[0]()))

    return call


def _check_failed(code: str, owner: Owner, problem: str) -> str:
    """The ``check-failed`` finding's words for the check ``code`` of ``owner``, in the
    language of the result it goes into."""
    return _(
        "review check {name} of plugin {plugin} failed and is left out: this result was not "
        "checked by it ({problem})"
    ).format(name=repr(code), plugin=owner.label, problem=problem)


def _failed(exc: BaseException) -> str:
    """What is said of a plugin's function that raised ``exc``."""
    return _failure(type(exc).__name__, str(exc))


def _failure(name: str, text: str) -> str:
    """What is said of a plugin's function that raised the exception ``name`` saying ``text``."""
    return _("failed: {error}").format(error=f"{name}: {text}")


def _file(kind: str, args: tuple) -> str | None:
    """The file a reader was reading when it failed (its one argument), to name in the fault."""
    return str(args[0]) if kind == "reader" and args else None


def _fault(kind: str, name: str, owner: Owner, what: str, file: str | None = None) -> PluginFault:
    said = {
        "method": _("method {name} of plugin {plugin} {problem}"),
        "reader": _("reader {name} of plugin {plugin} {problem}"),
        "format": _("format {name} of plugin {plugin} {problem}"),
    }.get(kind) or _("{kind} {name} of plugin {plugin} {problem}")
    return PluginFault(
        said.format(kind=kind, name=repr(name), plugin=owner.label, problem=what),
        hint=_("report it to the plugin's authors, or disable it with -p no:{name}").format(
            name=owner.name
        ),
        code="plugin-fault",
        file=file,
    )


def _breach(kind: str, answer: Any) -> str | None:
    """What is wrong with a plugin function's answer, or None."""
    from .methods import rating_breach
    from .result import SEVERITIES

    if kind == "method":
        return rating_breach(answer)
    if kind == "check":
        return _findings_breach(answer)
    if kind == "format" and not isinstance(answer, (str, bytes)):
        return _("returned {type}, not text").format(type=type(answer).__name__)
    if kind == "reader":
        if not isinstance(answer, dict):
            return _("returned {type}, not the evaluation as a dict").format(
                type=type(answer).__name__
            )
        return _locations_breach(answer) or _notes_breach(answer, SEVERITIES)
    return None


def _locations_breach(answer: dict) -> str | None:
    """What is wrong with a reader's ``locations`` attribute, or None: when there is one, a
    dict of key paths to places, both text."""
    if not hasattr(answer, "locations"):
        return None
    locations = answer.locations
    if not isinstance(locations, dict):
        return _(
            "returned locations as {value}, not a dict of key paths to places, such as {example}"
        ).format(value=_shown(locations), example=_LOCATION_EXAMPLE)
    for path, place in locations.items():
        if not isinstance(path, str) or not isinstance(place, str):
            return _(
                "returned locations with the entry {path}: {place}; both should be text, "
                "such as {example}"
            ).format(path=_shown(path), place=_shown(place), example=_LOCATION_EXAMPLE)
    return None


_LOCATION_EXAMPLE = '{"projects[0].indicators[2].actual": "表.csv line 5, column 9"}'


def _notes_breach(answer: dict, severities: tuple[str, ...]) -> str | None:
    """What is wrong with a reader's ``notes`` attribute, or None: when there is one, a list
    of ``(key path, words)`` pairs of text, or ``scoring.model.Note`` with a known severity."""
    if not hasattr(answer, "notes"):
        return None
    notes = answer.notes
    if not isinstance(notes, (list, tuple)):
        return _("returned notes as {value}, not a list of (key path, words) pairs").format(
            value=_shown(notes)
        )
    for index, note in enumerate(notes):
        problem = _note_breach(note, severities)
        if problem:
            return _("returned notes whose item {index} {problem}").format(
                index=index, problem=problem
            )
    return None


def _note_breach(note: Any, severities: tuple[str, ...]) -> str | None:
    """What is wrong with one of a reader's notes, or None."""
    if not isinstance(note, (list, tuple)) or len(note) != 2:
        return _("is {value}, not a (key path, words) pair").format(value=_shown(note))
    where, words = note
    if not isinstance(where, str):
        return _("has the key path {value}: give text, such as projects[0].budget").format(
            value=_shown(where)
        )
    if not _text(words):
        return _("has the words {value}: give non-empty text").format(value=_shown(words))
    severity = getattr(note, "severity", "info")
    if severity not in severities:
        return _("has the severity {severity}: use one of {severities}").format(
            severity=repr(severity), severities=", ".join(severities)
        )
    return None


def _findings_breach(findings: list) -> str | None:
    """What is wrong with the first improper finding a check yielded, or None: each must be a
    :class:`scoring.Finding` whose code and message are non-empty text, whose place is a key
    path (text), whose severity is known, and whose cell is text or None."""
    from .result import SEVERITIES, Finding

    for item in findings:
        if not isinstance(item, Finding):
            return _("yielded {type}, not a scoring.Finding").format(type=type(item).__name__)
        if not _text(item.code):
            return _("yielded a finding whose code is {value}: give the code as text").format(
                value=_shown(item.code)
            )
        if not _text(item.message):
            return _("yielded the finding {code} whose message is {value}: give text").format(
                code=repr(item.code), value=_shown(item.message)
            )
        if not isinstance(item.where, str):
            return _(
                "yielded the finding {code} whose where is {value}: give a key path as text, "
                "such as projects[0].indicators[2]"
            ).format(code=repr(item.code), value=_shown(item.where))
        if item.severity not in SEVERITIES:
            return _("yielded severity {severity}: use one of {severities}").format(
                severity=repr(item.severity), severities=", ".join(SEVERITIES)
            )
        if item.cell is not None and not isinstance(item.cell, str):
            return _(
                "yielded the finding {code} whose cell is {value}: give text, or leave it None"
            ).format(code=repr(item.code), value=_shown(item.cell))
    return None


def _text(value: Any) -> bool:
    """Whether ``value`` is text with something in it."""
    return isinstance(value, str) and bool(value.strip())


def _shown(value: Any) -> str:
    """A value a plugin gave, as a message shows it: its repr and, unless it is text, its type."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return text if isinstance(value, str) else f"{text} ({type(value).__name__})"
