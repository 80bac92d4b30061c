"""The plugin hooks of ``scoring``.

Plugins are `pluggy <https://pluggy.readthedocs.io>`_ plugins of the project ``scoring``,
found through the entry-point group ``scoring``. The built-in methods, rule sets, readers,
renderers, checks and report templates register through these same hooks. Every ``scoring_register_*`` hook
returns a registry keyed by name, so the order in which plugins are called never matters.

An implementation may accept fewer arguments than its spec, so specs can grow without
breaking plugins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from .methods import MethodInput, Rating
    from .model import Evaluation
    from .render import Options
    from .result import FileError, Finding, Result
    from .rules import RuleSet

    # What the registries hold: functions a plugin supplies, called as described below.
    Method = Callable[[MethodInput, dict[str, Any]], Rating]
    Reader = Callable[[Path], dict[str, Any]]
    Renderer = Callable[[list[Result | FileError], Options], str | bytes]
    Check = Callable[[Evaluation, Result, RuleSet], Iterable[Finding]]

hookspec = pluggy.HookspecMarker("scoring")
hookimpl = pluggy.HookimplMarker("scoring")

# A registry is a dict (the host refuses any other answer); every hook may answer None, for
# nothing of its kind.


@hookspec
def scoring_register_methods() -> dict[str, Method] | None:
    """Return indicator scoring methods, keyed by the name a rule set uses.

    A method is called as ``method(indicator, params)`` and returns
    :class:`scoring.Rating`. ``indicator`` is a :class:`scoring.Quantitative` row (``target``
    and ``actual`` as Decimals in one ``unit``, compared by ``op``) or a
    :class:`scoring.Qualitative` one (its ``tier``); both have ``weight``, ``level1``,
    ``level2``, ``name``. ``params`` is the rule set's table for the method.

    :return: ``{name: method}``, e.g. ``{"ratio": ratio}``.

    .. versionadded:: 0.1
    """


@hookspec
def scoring_register_rulesets() -> list[Path] | tuple[Path, ...] | None:
    """Return rule-set files, or folders of them, to install.

    Each file is a TOML rule set with ``[ruleset] id``; ``scoring rules list`` shows them and
    ``-r ID`` selects one.

    :return: a list of :class:`pathlib.Path`.

    .. versionadded:: 0.1
    """


@hookspec
def scoring_register_readers() -> dict[str, Reader] | None:
    """Return readers of evaluation files, keyed by file suffix.

    A reader is called as ``reader(path)`` with a :class:`pathlib.Path` and returns the
    evaluation as plain data (the structure of ``scoring schema evaluation``), numbers as
    :class:`~decimal.Decimal`, int or text. It raises :class:`scoring.InputError` for what the
    user must fix.

    :return: ``{suffix: reader}``, e.g. ``{".toml": read_toml}``.

    .. versionadded:: 0.1
    """


@hookspec
def scoring_register_renderers() -> dict[str, Renderer] | None:
    """Return output formats for ``-f``, keyed by format name.

    A renderer is called as ``renderer(results, options)`` with a list of
    :class:`scoring.Result` (or error entries) and a :class:`scoring.render.Options`, and
    returns the text to write.

    :return: ``{format: renderer}``, e.g. ``{"json": render_json}``.

    .. versionadded:: 0.1
    """


@hookspec
def scoring_register_checks() -> dict[str, Check] | None:
    """Return review checks, keyed by the finding code they raise.

    A check is called as ``check(evaluation, result, ruleset)`` after scoring and yields
    :class:`scoring.Finding` objects. It must not change its arguments.

    :return: ``{code: check}``.

    .. versionadded:: 0.1
    """


@hookspec
def scoring_register_report_templates() -> dict[str, Path] | None:
    """Return folders of report templates, keyed by the name ``--template NAME`` selects.

    A folder holds any of the files of the built-in one (``prose.j2``, ``report.md.j2``,
    ``report.html.j2``, ``report.docx.j2``, ``report.docx`` …); ``scoring report`` looks for
    each file there first and takes the built-in one for what the folder lacks.

    :return: ``{name: folder}``, e.g. ``{"hebei": Path(__file__).parent / "templates"}``.

    .. versionadded:: 0.2
    """


@hookspec
def scoring_evaluated(result: Result) -> None:
    """Receive each finished result, for tools that record them.

    Called once for every evaluation scored, through the command line or the Python API.

    :param result: the :class:`scoring.Result`, complete with its findings.

    .. versionadded:: 0.1
    """
