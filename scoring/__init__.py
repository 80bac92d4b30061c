"""scoring — open, exact and explainable scoring of budget performance self-evaluations.

The public API is imported lazily, so ``scoring --version`` starts without loading the
scoring engine, jsonschema or rich.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "Finding",
    "InputError",
    "MethodInput",
    "PluginError",
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
    "Result": "result",
    "Finding": "result",
    "ScoringError": "errors",
    "InputError": "errors",
    "RulesetError": "errors",
    "PluginError": "errors",
    "hookimpl": "hookspecs",
}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'scoring' has no attribute {name!r}")
