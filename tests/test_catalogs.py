"""The interface's two languages: every message has a translation in both catalogs, keeps its
placeholders, and the language is chosen as scoring/i18n.py documents."""

from __future__ import annotations

import gettext
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from scoring import i18n

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogs"] = module
    spec.loader.exec_module(module)
    return module


catalogs = _tool()
MESSAGES = catalogs.template()


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_every_message_is_translated_and_compiled(language):
    assert catalogs.problems(language, MESSAGES) == []


PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr]")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _pairs():
    for language in catalogs.LANGUAGES:
        for message in catalogs.read_catalog(language):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for string in strings:
                yield pytest.param(ids[-1], string, id=f"{language}:{ids[0][:40]}")


@pytest.mark.parametrize(("msgid", "translation"), list(_pairs()))
def test_a_translation_keeps_every_placeholder(msgid, translation):
    """A `{count}` or `%(prog)s` lost or misspelt in a translation would raise, or drop a figure,
    only when that message is shown."""
    assert _placeholders(translation) == _placeholders(msgid)


def test_every_message_renders_in_both_languages():
    """Each message, looked up in each compiled catalog, formats with its own placeholders."""
    for language in catalogs.LANGUAGES:
        table = gettext.translation(
            i18n.DOMAIN, ROOT / "scoring" / "locale", languages=[language], fallback=False
        )
        for message in MESSAGES:
            if not message.id:
                continue
            one = message.id[0] if isinstance(message.id, tuple) else message.id
            text = (
                table.ngettext(message.id[0], message.id[1], 2)
                if isinstance(message.id, tuple)
                else table.gettext(one)
            )
            assert text.strip(), (language, one)
            names = {p[1:-1] for p in PLACEHOLDER.findall(one) if p.startswith("{")}
            if names and all(n.isidentifier() for n in names):
                text.format(**{n: "x" for n in names})


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        (None, {}, "zh_CN"),  # nothing said: the evaluators' language
        (None, {"LANG": "C.UTF-8"}, "zh_CN"),  # a server locale says nothing about the reader
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        (None, {"LANG": "fr_FR.UTF-8"}, "zh_CN"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL overrides LANG
        (None, {"LANGUAGE": "zh_TW:en", "LANG": "en_US.UTF-8"}, "zh_CN"),
        (None, {"SCORING_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ("zh", {"SCORING_LANG": "en"}, "zh_CN"),  # --lang over everything
        ("en", {}, "en"),
        ("zh-CN", {}, "zh_CN"),
    ],
)
def test_the_language_is_chosen_in_order(explicit, environ, expected):
    assert i18n.choose(explicit, environ) == expected


@pytest.mark.parametrize(
    ("explicit", "environ", "source"),
    [("fr", {}, "--lang"), (None, {"SCORING_LANG": "de"}, "SCORING_LANG")],
)
def test_a_language_without_a_catalog_is_refused_where_it_was_asked(explicit, environ, source):
    with pytest.raises(i18n.UnknownLanguage) as caught:
        i18n.choose(explicit, environ)
    assert caught.value.source == source
