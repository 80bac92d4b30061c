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
            raise _fault(kind, name, owner, _failed(exc)) from exc
        problem = _breach(kind, answer)
        if problem:
            raise _fault(kind, name, owner, problem)
        return answer

    return call


def _guarded_check(code: str, owner: Owner, check: Callable) -> Callable:
    failure: list[str] = []  # the first fault, once there is one

    @functools.wraps(check)
    def call(*args: Any) -> list:
        if not failure:
            try:
                findings = list(check(*args) or ())  # a generator runs here, inside the guard
                problem = _breach("check", findings)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                problem = _failed(exc)
            if problem is None:
                return findings
            failure.append(problem)
            warnings.warn(
                _("check {name} of plugin {plugin} {problem}; it is left out of this run").format(
                    name=repr(code), plugin=owner.label, problem=problem
                ),
                PluginLoadWarning,
                stacklevel=2,
            )
        raise CheckFailed(
            code,
            f"复核检查「{code}」（插件 {owner.label}）出错，已停用，本结果未经此项检查：{failure[0]}",
        )

    return call


def _failed(exc: BaseException) -> str:
    """What is said of a plugin's function that raised ``exc``."""
    return _("failed: {error}").format(error=f"{type(exc).__name__}: {exc}")


def _fault(kind: str, name: str, owner: Owner, what: str) -> PluginFault:
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
    )


def _breach(kind: str, answer: Any) -> str | None:
    """What is wrong with a plugin function's answer, or None."""
    from .methods import rating_breach
    from .result import SEVERITIES, Finding

    if kind == "method":
        return rating_breach(answer)
    if kind == "check":
        for item in answer:
            if not isinstance(item, Finding):
                return _("yielded {type}, not a scoring.Finding").format(type=type(item).__name__)
            if item.severity not in SEVERITIES:
                return _("yielded severity {severity}: use one of {severities}").format(
                    severity=repr(item.severity), severities=", ".join(SEVERITIES)
                )
    if kind == "format" and not isinstance(answer, (str, bytes)):
        return _("returned {type}, not text").format(type=type(answer).__name__)
    if kind == "reader" and not isinstance(answer, dict):
        return _("returned {type}, not the evaluation as a dict").format(type=type(answer).__name__)
    return None
