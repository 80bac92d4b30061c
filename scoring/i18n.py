"""The interface's language: Chinese (zh_CN) by default, English on request.

Messages, help texts, hints and labels are written in English in the code and looked up in the
gettext catalogs shipped with the package (``scoring/locale/<lang>/LC_MESSAGES/scoring.mo``,
compiled from the ``.po`` files beside them by ``python tools/catalogs.py``). Which catalog:

1. ``--lang zh|en`` on the command line (:func:`use`);
2. the environment variable ``SCORING_LANG``;
3. the locale, as gettext reads it — the first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``
   and ``LANG`` that is set: English when it says ``en…``, Chinese when it says ``zh…``;
4. otherwise Chinese: the people who run scoring are evaluators in Chinese finance bureaus,
   and a server's ``C`` or ``C.UTF-8`` locale says nothing about the reader.

The catalogs are loaded when the first message is translated, never at import.
"""

from __future__ import annotations

import _thread  # built in: the thread's identity, without importing threading
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from gettext import NullTranslations

DOMAIN = "scoring"
LANGUAGES = {"zh": "zh_CN", "zh_CN": "zh_CN", "en": "en"}  # what --lang takes → the catalog
DEFAULT = "zh_CN"
ENV = "SCORING_LANG"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: list[str] = []  # the language a command line asked for, when it did
# Thread identity → the language of that thread's innermost `using` block: a block in one
# thread (an embedding program scoring files in a pool) never changes another's messages, nor
# leaves its language behind when blocks of several threads end out of order.
_within: dict[int, str] = {}
_loaded: dict[str, NullTranslations] = {}


class UnknownLanguage(ValueError):
    """A language scoring has no catalog for: ``value`` as given, ``source`` where it was."""

    def __init__(self, value: str, source: str) -> None:
        super().__init__(value)
        self.value, self.source = value, source


def language_of(value: str) -> str | None:
    """The catalog a language or locale name asks for: ``zh``, ``zh_CN.UTF-8``, ``zh-Hans`` →
    ``zh_CN``; ``en``, ``en_US.UTF-8`` → ``en``; anything else (``C``, ``fr_FR``) → None."""
    name = value.strip().split(":")[0].split(".")[0].replace("-", "_").lower()
    if name == "zh" or name.startswith("zh_"):
        return "zh_CN"
    if name == "en" or name.startswith("en_"):
        return "en"
    return None


def choose(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The catalog to use (``zh_CN`` or ``en``), in the order of the module's documentation.

    Raises :class:`UnknownLanguage` when ``--lang`` or ``SCORING_LANG`` names a language there
    is no catalog for: a user who asked for one should hear that it is not there."""
    environ = os.environ if environ is None else environ
    for value, source in ((explicit, "--lang"), (environ.get(ENV), ENV)):
        if value is not None and value.strip():
            language = language_of(value)
            if language is None:
                raise UnknownLanguage(value, source)
            return language
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value.strip():
            return language_of(value) or DEFAULT
    return DEFAULT


def use(language: str | None) -> str:
    """Make ``language`` (as ``--lang`` takes it; None: from the environment) the language of
    every message from now on; returns the catalog chosen. Raises :class:`UnknownLanguage`."""
    chosen = choose(language)
    _chosen[:] = [chosen]
    return chosen


def use_environment() -> None:
    """Forget a language :func:`use` chose: the environment decides again."""
    _chosen.clear()


def current() -> str:
    """The catalog messages are translated with now, in this thread: its `using` block's, else
    the one the command line chose, else the environment's."""
    within = _within.get(_thread.get_ident())
    if within is not None:
        return within
    return _chosen[0] if _chosen else choose_quietly()


def choose_quietly() -> str:
    """:func:`choose` from the environment, Chinese when ``SCORING_LANG`` names no catalog (the
    command line refuses such a value; a library embedding scoring should not raise for it)."""
    try:
        return choose()
    except UnknownLanguage:
        return DEFAULT


def translations(language: str | None = None) -> NullTranslations:
    """The gettext catalog of ``language`` (default: :func:`current`), loaded once."""
    language = language or current()
    if language not in _loaded:
        import gettext
        from pathlib import Path

        folder = Path(__file__).with_name("locale")
        _loaded[language] = gettext.translation(DOMAIN, folder, languages=[language], fallback=True)
    return _loaded[language]


def _(message: str) -> str:
    """``message`` (English, as written in the code) in the current language."""
    return translations().gettext(message)


class using:  # lower case: used as a function, ``with using("zh_CN"):``
    """Translate every message of this thread into ``language`` (a catalog: ``zh_CN`` or
    ``en``) inside the ``with`` block, then return to the language chosen before: a Chinese
    document (the drafted report, a returned workbook) is scored in Chinese under ``--lang en``
    too. Other threads keep their own. (A class, not :func:`contextlib.contextmanager`: this
    module is imported before ``--version`` answers.)"""

    def __init__(self, language: str) -> None:
        self.language = language
        self.thread = 0
        self.before: str | None = None

    def __enter__(self) -> None:
        self.thread = _thread.get_ident()
        self.before = _within.get(self.thread)
        _within[self.thread] = self.language

    def __exit__(self, *exc: object) -> None:
        if self.before is None:
            _within.pop(self.thread, None)
        else:
            _within[self.thread] = self.before


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` in the current language (Chinese has one form)."""
    return translations().ngettext(singular, plural, count)
