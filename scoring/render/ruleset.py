"""One rule set shown (``scoring rules show``) and two compared (``scoring rules diff``).

``rules show`` writes the resolved rule set as TOML (through tomlkit, so that it is valid TOML
whatever the keys and texts hold) with the file that set each key as a comment: after a
section's header when one file set all of it, after each key when several did. Numbers keep
their exact digits. A rule set may come from anyone's file: what it says reaches the terminal
inert — strings and keys keep TOML's escapes (``\\u202e``), file names in comments are
escaped (:mod:`scoring.inert`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..i18n import _, ngettext
from ..rules import RuleSet
from . import Options, markup, string_console


def show_toml(ruleset: RuleSet) -> str:
    """The resolved rule set as TOML, each key's origin in a comment."""
    import tomlkit

    from ..inert import terminal, toml_text

    document = tomlkit.document()
    source = terminal(
        _("{id} resolved from {source}").format(id=ruleset.id, source=ruleset.source), lines=False
    )
    document.add(tomlkit.comment(source))
    document.add(tomlkit.comment(f"sha256 {ruleset.sha256}"))
    for section, content in ruleset.data.items():
        if isinstance(content, list):  # an array of tables: [[overrides]], [[caps]]
            tables = tomlkit.aot()
            for row in content:
                tables.append(_table(row, section, ruleset.origins, whole=True))
            document.add(tomlkit.nl())
            document.add(section, tables)
        elif isinstance(content, dict):
            document.add(section, _table(content, section, ruleset.origins))
        else:
            document.add(section, _item(content))
    return toml_text(tomlkit.dumps(document))


def _table(data: dict, section: str, origins: dict, whole: bool = False):
    """A section; its keys' origins after its header when one file set them all (or when the
    section is an array of tables, which a child replaces whole), else after each key."""
    import tomlkit
    from rich.cells import cell_len

    table = tomlkit.table()
    items = {key: _item(value) for key, value in data.items()}
    for key, item in items.items():
        table.add(key, item)
    sources = {_origin_of(origins, f"{section}.{key}") for key in data}
    if whole or len(sources) == 1:
        table.comment(_origin_of(origins, section) if whole else sources.pop())
        return table
    # each key's file after it, the comments aligned in terminal columns (CJK counts two)
    lines = {key: cell_len(f"{tomlkit.key(key).as_string()} = {item.as_string()}")
             for key, item in items.items()}  # fmt: skip
    width = max(lines.values())
    for key, item in items.items():
        item.comment(_origin_of(origins, f"{section}.{key}"))
        item.trivia.comment_ws = " " * (width - lines[key] + 2)
    return table


def _item(value: Any):
    """A TOML value: tables inline inside a section, numbers as their exact digits."""
    import tomlkit
    from tomlkit.items import Float, Trivia

    if isinstance(value, bool):
        return tomlkit.item(value)
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return tomlkit.integer(int(value))
        return Float(float(value), Trivia(), str(value))
    if isinstance(value, dict):
        inline = tomlkit.inline_table()
        for key, inner in value.items():
            inline.append(key, _item(inner))
        return inline
    if isinstance(value, list):
        array = tomlkit.array()
        for inner in value:
            array.append(_item(inner))
        return array
    return tomlkit.item(value)


def _origin_of(origins: dict, dotted: str) -> str:
    """The file that set a key; for a table, the files that set its keys — as a comment holds
    them: on one line, escaped."""
    from ..inert import terminal

    if dotted in origins:
        return terminal(origins[dotted], lines=False)
    inner = sorted({v for k, v in origins.items() if k.startswith(dotted + ".")})
    return terminal(", ".join(inner), lines=False) if inner else "?"


def show_dict(ruleset: RuleSet) -> dict:
    """The resolved rule set as JSON: its id, fingerprint, file, keys and their origins."""
    from ..result import jsonable

    return {
        "id": ruleset.id,
        "sha256": ruleset.sha256,
        "source": ruleset.source,
        "ruleset": jsonable(ruleset.data),
        "origins": ruleset.origins,
    }


def diff_dict(first: RuleSet, second: RuleSet, changes: list[tuple[str, Any, Any]]) -> dict:
    """``rules diff`` as JSON: each key that differs with its value in either (None: unset)."""
    from ..compare import MISSING
    from ..result import jsonable

    return {
        "a": first.id,
        "b": second.id,
        "differences": [
            {
                "key": key,
                "a": None if a is MISSING else jsonable(a),
                "b": None if b is MISSING else jsonable(b),
            }
            for key, a, b in changes
        ],
    }


def diff_table(
    first: RuleSet, second: RuleSet, changes: list[tuple[str, Any, Any]], options: Options
) -> str:
    """``rules diff`` as a table: each key that differs, its value in either rule set."""
    from rich.table import Table

    from ..compare import shown

    console, buffer = string_console(options)
    if not changes:
        console.print(
            _("{first} and {second} score alike: no key differs").format(
                first=markup(first.id), second=markup(second.id)
            )
        )
        return buffer.getvalue()
    table = Table(
        title=ngettext(
            "{first} → {second}: {count} key differs",
            "{first} → {second}: {count} keys differ",
            len(changes),
        ).format(first=markup(first.id), second=markup(second.id), count=len(changes)),
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    table.add_column(_("key"), no_wrap=True)
    table.add_column(markup(first.id), overflow="fold")
    table.add_column(markup(second.id), overflow="fold")
    for key, a, b in changes:
        table.add_row(markup(key), markup(shown(a)), markup(shown(b)))
    console.print(table)
    return buffer.getvalue()
