"""The Python API: score one evaluation, or a batch of them, under a rule set.

    >>> import scoring
    >>> result = scoring.score("leting-2023.toml", rules="mof-2020")   # doctest: +SKIP
    >>> result.department.score, result.department.grade                 # doctest: +SKIP
    (Decimal('99.79'), '优')

:func:`score` is the one entry for one evaluation and :func:`score_many` for a batch; the
command line, what-if and the comparison of rule sets call only these. Both read the source
with the host's readers, resolve the rule set once, run the pure engine
(:func:`scoring.engine.evaluate`) with the host's methods and checks, and give each frozen
result to the ``scoring_evaluated`` hooks. Plugins and rule sets are loaded once per host (by
default, once per process) and shared read-only; each call builds its own result and nothing
else, so calls may run in parallel.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from os import PathLike
from pathlib import Path
from typing import Any

from .errors import InputError, ScoringError
from .frozen import record
from .host import Host, default_host
from .i18n import _
from .model import DATA_SOURCE, Evaluation
from .result import FileError, Result
from .rules import RuleSet

# An evaluation: a file's path, its data (the structure of ``scoring schema evaluation``), or
# one already read.
Source = str | PathLike[str] | dict[str, Any] | Evaluation
# A rule set: an installed id, a file's path, its data, or one already resolved.
Rules = str | PathLike[str] | dict[str, Any] | RuleSet

__all__ = ["Rules", "Scored", "Source", "load", "ruleset", "score", "score_many"]


def load(source: Source, host: Host | None = None) -> Evaluation:
    """An :class:`Evaluation` from a path (any registered reader), a dict, or itself.

    Raises :class:`scoring.InputError` naming the file, the place and the fix."""
    from .loader import load_evaluation, read_evaluation

    if isinstance(source, Evaluation):
        return source
    if isinstance(source, dict):
        return load_evaluation(source)
    if not isinstance(source, (str, PathLike)):
        raise InputError(
            _("cannot score a {type}").format(type=type(source).__name__),
            hint=_("give a path, a dict of the evaluation, or scoring.load(...)"),
        )
    host = host or default_host()
    try:
        return read_evaluation(Path(source), host.readers)
    except InputError as exc:
        missing = host.unavailable("reader")
        if exc.code == "unknown-format" and missing:  # a plugin left out may be the reader
            exc.problems[0].hint = _("{hint}; not loaded: {missing}").format(
                hint=exc.problems[0].hint, missing=missing
            )
        raise


def ruleset(rules: Rules = "mof-2020", host: Host | None = None) -> RuleSet:
    """A resolved rule set from an installed id, a path, a dict, or itself; cached per host
    while its files are unchanged. Raises RulesetError, or PluginError for a missing method."""
    return (host or default_host()).ruleset(rules)


def score(
    source: Source, rules: Rules = "mof-2020", *, host: Host | None = None, record: bool = True
) -> Result:
    """Score one evaluation. ``record=False`` scores a hypothetical table (what-if) without
    calling the ``scoring_evaluated`` hooks. Raises :class:`scoring.ScoringError` for what the
    user must fix."""
    from . import __version__
    from .engine import evaluate

    host = host or default_host()
    evaluation = load(source, host)
    result = evaluate(evaluation, ruleset(rules, host), host.methods, host.checks, __version__)
    if record:
        host.evaluated(result)
    return result


@record
class Scored:
    """One source of a batch: the evaluation read and its result, or the error that stopped
    it (``evaluation`` is None when the file could not be read)."""

    source: str
    evaluation: Evaluation | None
    result: Result | None
    error: ScoringError | None = None

    @property
    def entry(self) -> Result | FileError:
        """What a renderer shows in the source's place: the result, or the error."""
        if self.result is not None:
            return self.result
        assert self.error is not None
        return FileError(self.source, self.error.code, self.error.render(), self.error.where)


def score_many(
    sources: Iterable[Source],
    rules: Rules = "mof-2020",
    *,
    host: Host | None = None,
    language: str | None = None,
) -> Iterator[Scored]:
    """Score each source in turn, yielding as it goes (a batch streams). The rule set is
    resolved when this is called: a rule set that cannot score raises here, as nothing could be
    scored. A source that cannot be read or scored is yielded with its error, and the batch goes
    on. Raises TypeError when ``sources`` is one source (a path or a dict), not several.

    ``language`` (a catalog, ``"zh_CN"`` or ``"en"``): the language the results' texts —
    findings, explanations — are written in, when it is not the interface's; a source is still
    read in the interface's language, so what is wrong with it is said as every message is.
    The drafted report and a returned workbook are Chinese documents: they are scored with
    ``language="zh_CN"``."""
    if isinstance(sources, (str, bytes, PathLike, dict, Evaluation)):
        raise TypeError(
            f"score_many takes several sources (a list of paths, say), not one "
            f"{type(sources).__name__}; for one, use scoring.score"
        )
    host = host or default_host()
    return _scored(sources, ruleset(rules, host), host, language)


def _scored(
    sources: Iterable[Source], compiled: RuleSet, host: Host, language: str | None = None
) -> Iterator[Scored]:
    """Each source scored in turn. What the process holds when the batch starts (modules, the
    host, the rule set) is frozen out of the garbage collector's scans until the batch ends,
    and the collector waits while a file is scored: a file's records hold no cycles and go
    with their file, so scanning the heap again and again in the middle of one finds
    nothing. When something is frozen already (by the program embedding scoring, or by the
    command line before its workers start), it is left as it is, and so is what it froze."""
    freezing = gc.get_freeze_count() == 0
    if freezing:
        gc.freeze()
    try:
        for source in sources:
            yield _scored_one(source, compiled, host, language)
    finally:
        if freezing:
            gc.unfreeze()


def _scored_one(
    source: Source, compiled: RuleSet, host: Host, language: str | None = None
) -> Scored:
    from . import __version__
    from .engine import evaluate
    from .i18n import current, using
    from .loader import evaluation_of, read_data
    from .readers import STANDARD_INPUT

    name = source.source if isinstance(source, Evaluation) else _name(source)
    evaluation = None
    piped = None  # what standard input gave: it is read once
    with _collector_waiting():
        try:
            with using(current()):  # the environment read once for the file's messages
                if isinstance(source, (str, PathLike)) and str(source) == STANDARD_INPUT:
                    piped = read_data(Path(STANDARD_INPUT), host.readers)
                    evaluation = evaluation_of(piped, Path(STANDARD_INPUT))
                else:
                    evaluation = load(source, host)
            if language and language != current() and isinstance(source, (str, PathLike)):
                # read again in the results' language: what the reader assumed (a workbook's
                # notes, a row's placeholder name) is part of what the document says; the
                # file read once already, its mistakes have been said in the interface's
                with using(language):
                    if piped is not None:
                        evaluation = evaluation_of(piped, Path(STANDARD_INPUT))
                    else:
                        evaluation = load(source, host)
            with using(language or current()):
                result = evaluate(evaluation, compiled, host.methods, host.checks, __version__)
        except ScoringError as exc:
            return Scored(name, evaluation, None, exc.in_file(name))
        host.evaluated(result)
    return Scored(name, evaluation, result)


@contextmanager
def _collector_waiting() -> Iterator[None]:
    """The garbage collector off for the block, and on again after it unless it was off."""
    collecting = gc.isenabled()  # an embedding program may have turned it off: left so
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _name(source: Source) -> str:
    return DATA_SOURCE if isinstance(source, dict) else str(source)
