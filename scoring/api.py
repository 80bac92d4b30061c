"""The Python API: score a path, a dict or a loaded evaluation under a rule set.

    >>> import scoring
    >>> result = scoring.score("leting-2023.toml", rules="mof-2020")   # doctest: +SKIP
    >>> result.department.score, result.department.grade                 # doctest: +SKIP
    (Decimal('99.79'), '优')

Plugins and rule sets are loaded once per host (by default, once per process) and shared
read-only; each call builds its own result and nothing else, so calls may run in parallel.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from .host import Host, default_host
from .model import Evaluation
from .result import Result
from .rules import RuleSet

Source = str | PathLike | dict | Evaluation
Rules = str | PathLike | dict | RuleSet


def load(source: Source, host: Host | None = None) -> Evaluation:
    """An :class:`Evaluation` from a path (any registered reader), a dict, or itself."""
    from .errors import InputError
    from .loader import load_evaluation, read_evaluation

    if isinstance(source, Evaluation):
        return source
    if isinstance(source, dict):
        return load_evaluation(source)
    if not isinstance(source, (str, PathLike)):
        raise InputError(
            f"cannot score a {type(source).__name__}",
            hint="give a path, a dict of the evaluation, or scoring.load(...)",
        )
    host = host or default_host()
    try:
        return read_evaluation(Path(source), host.readers)
    except InputError as exc:
        missing = host.unavailable()
        if exc.code == "unknown-format" and missing:  # a broken plugin may be the reader
            exc.problems[0].hint = f"{exc.problems[0].hint}; not loaded: {missing}"
        raise


def ruleset(rules: Rules = "mof-2020", host: Host | None = None) -> RuleSet:
    """A resolved rule set from an installed id, a path, a dict, or itself."""
    host = host or default_host()
    return host.ruleset(str(rules) if isinstance(rules, PathLike) else rules)


def score(source: Source, rules: Rules = "mof-2020", *, host: Host | None = None) -> Result:
    """Score one evaluation; raises :class:`scoring.ScoringError` for what the user must fix."""
    from . import __version__
    from .engine import evaluate

    host = host or default_host()
    evaluation = load(source, host)
    compiled = ruleset(rules, host)
    result = evaluate(evaluation, compiled, host.methods, host.checks, __version__)
    host.evaluated(result)
    return result
