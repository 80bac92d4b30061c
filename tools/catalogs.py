"""Keep the interface's message catalogs in step with the code (Babel).

    python tools/catalogs.py            # extract, update both .po files, compile the .mo files
    python tools/catalogs.py --check    # exit 1 and list what is missing or stale; change nothing

The messages are the English strings the code passes to ``_()`` and ``ngettext()`` (see
``scoring/i18n.py``), argparse's own (``usage:``, ``options``, its errors), which the
command line translates too, and the ``description`` of each key of the JSON Schemas, which a
hint about that key quotes. Each language has ``scoring/locale/<lang>/LC_MESSAGES/
scoring.po`` — edited by hand, the translations kept when the code changes — and the ``.mo``
compiled from it, which is what the package ships and reads. The English catalog starts each new
message as its own translation; the Chinese one must be written: ``--check`` (run by the tests)
fails while a message has no translation in either catalog, or a ``.mo`` is older than its
``.po``.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "scoring"
LOCALE = PACKAGE / "locale"
DOMAIN = "scoring"
LANGUAGES = ("zh_CN", "en")
KEYWORDS = {"_": None, "ngettext": (1, 2)}
HEADER = "Messages of scoring's command line and reports"
# The catalogs' header dates stay fixed, so that the files change only when a message does.
DATE = datetime(2026, 1, 1, tzinfo=UTC)


# argparse's messages a user of the command line can see (its usage and help headings, its
# errors), as Python 3.11–3.13 write them; the command line translates them with these
# catalogs. A wording another Python version changes stays English there: nothing breaks.
ARGPARSE = (
    "usage: ",
    "options",
    "positional arguments",
    "show this help message and exit",
    "show program's version number and exit",
    "ambiguous option: %(option)s could match %(matches)s",
    "argument %(argument_name)s: %(message)s",
    "expected one argument",
    "expected at least one argument",
    "expected at most one argument",
    ("expected %s argument", "expected %s arguments"),
    "ignored explicit argument %r",
    "invalid %(type)s value: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "not allowed with argument %s",
    "one of the arguments %s is required",
    "the following arguments are required: %s",
    "unrecognized arguments: %s",
    "can't open '%(filename)s': %(error)s",
)


def template() -> Catalog:
    """Every message of the code, and argparse's that a user sees, without translations."""
    catalog = Catalog(domain=DOMAIN, creation_date=DATE)
    for name, line, message, _comments, _context in extract_from_dir(
        PACKAGE, keywords=KEYWORDS, comment_tags=()
    ):
        catalog.add(message, locations=[(f"{PACKAGE.name}/{name}", line)])
    for message in ARGPARSE:
        flags = ("python-format",) if "%" in str(message) else ()
        catalog.add(message, locations=[("argparse.py", 0)], flags=flags)
    for schema in sorted((PACKAGE / "schemas").glob("*.schema.json")):
        location = f"{PACKAGE.name}/schemas/{schema.name}"
        for message in descriptions(json.loads(schema.read_text("utf-8"))):
            catalog.add(message, locations=[(location, 0)])
    return catalog


def descriptions(node) -> list[str]:
    """Every ``description`` of a JSON Schema, in the file's order: a hint quotes the one of
    the key it is about (scoring.schemas), in the interface's language."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(descriptions(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(descriptions(value))
    return found


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN)
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def updated(language: str, messages: Catalog) -> Catalog:
    """The language's catalog with the messages of the code: new ones added (in English, their
    own translation), gone ones dropped, translations kept."""
    catalog = read_catalog(language)
    catalog.update(messages, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.header_comment = f"# {HEADER}: {language}."
    catalog.project, catalog.version, catalog.fuzzy = "scoring", "", False
    catalog.creation_date = catalog.revision_date = DATE
    catalog.last_translator = catalog.language_team = "scoring"
    catalog.msgid_bugs_address = ""
    if language == "en":
        for message in catalog:
            if message.id and not any(_strings(message)):
                message.string = message.id
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _strings(message) -> tuple:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def untranslated(catalog: Catalog) -> list[str]:
    """The messages of a catalog with no translation, or only a fuzzy one."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy or not all(_strings(message)):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def _without_babel_version(po: bytes) -> bytes:
    """A .po file's bytes without the Babel version its header names (another Babel writes
    the same catalog)."""
    return b"\n".join(line for line in po.split(b"\n") if not line.startswith(b'"Generated-By:'))


def _messages_of_mo(mo: bytes) -> dict:
    """What a compiled catalog translates, its header aside."""
    import gettext

    return {k: v for k, v in gettext.GNUTranslations(io.BytesIO(mo))._catalog.items() if k}


def problems(language: str, messages: Catalog) -> list[str]:
    """What ``--check`` reports for one language."""
    found = []
    po, mo = po_path(language), po_path(language).with_suffix(".mo")
    catalog = updated(language, messages)
    if not po.exists() or (
        _without_babel_version(po_bytes(catalog)) != _without_babel_version(po.read_bytes())
    ):
        found.append(f"{po}: not in step with the code; run python tools/catalogs.py")
    found += [f"{po}: no translation of {m!r}" for m in untranslated(catalog)]
    compiled = mo_bytes(read_catalog(language))
    if not mo.exists() or _messages_of_mo(mo.read_bytes()) != _messages_of_mo(compiled):
        found.append(f"{mo}: not compiled from its .po; run python tools/catalogs.py")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    args = parser.parse_args(argv)
    messages = template()
    if args.check:
        found = [p for language in LANGUAGES for p in problems(language, messages)]
        print("\n".join(found) or f"{len(messages)} messages, translated in {LANGUAGES}")
        return 1 if found else 0
    for language in LANGUAGES:
        catalog = updated(language, messages)
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        po_path(language).write_bytes(po_bytes(catalog))
        compiled = read_catalog(language)
        (po_path(language).parent / f"{DOMAIN}.mo").write_bytes(mo_bytes(compiled))
        left = untranslated(compiled)
        print(f"{language}: {len(compiled)} messages, {len(left)} without a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
