"""scoring — open, exact and explainable scoring of budget performance self-evaluations.

The public API is imported lazily, so ``scoring --version`` starts without loading the
scoring engine, jsonschema or rich; type checkers see every name through the imports below.
"""

from __future__ import annotations

__version__ = "0.1.0"

# typing is not imported for its TYPE_CHECKING: it would be a third of the package's import time
# (type checkers treat any name TYPE_CHECKING as true)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .api import Scored, load, ruleset, score, score_many
    from .errors import InputError, PluginError, RulesetError, ScoringError
    from .hookspecs import hookimpl
    from .methods import MethodInput, Qualitative, Quantitative, Rating
    from .result import FileError, Finding, Result

__all__ = [
    "FileError",
    "Finding",
    "InputError",
    "MethodInput",
    "PluginError",
    "Qualitative",
    "Quantitative",
    "Rating",
    "Result",
    "RulesetError",
    "Scored",
    "ScoringError",
    "__version__",
    "hookimpl",
    "load",
    "ruleset",
    "score",
    "score_many",
]

_LAZY = {
    "score": "api",
    "score_many": "api",
    "Scored": "api",
    "load": "api",
    "ruleset": "api",
    "Rating": "methods",
    "MethodInput": "methods",
    "Quantitative": "methods",
    "Qualitative": "methods",
    "FileError": "result",
    "Result": "result",
    "Finding": "result",
    "ScoringError": "errors",
    "InputError": "errors",
    "RulesetError": "errors",
    "PluginError": "errors",
    "hookimpl": "hookspecs",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'scoring' has no attribute {name!r}")
