"""The JSON Schemas of the evaluation file and the rule-set file, and validation against them.

The schemas are data shipped in this folder; ``scoring schema evaluation|ruleset`` prints
them. jsonschema is imported only when a file is validated, so start-up stays light.

Before the schema, the data's shape is checked as plain data (:func:`structure_problems`):
nothing inside itself, nothing nested deeper than ``MAX_DEPTH``, keys that are text, values a
file can hold, finite numbers of at most ``MAX_DIGITS`` digits, text that can be written as
UTF-8. A dict given through the API can be anything; this is what lets the schema, the
messages and every view after them take it as a file's data. The problems of one file are
gathered in a :class:`ProblemList`: at most ``MAX_PROBLEMS`` listed, the rest counted — past
the first ``MAX_PROBLEMS`` wrong items of a list, an item is only asked whether it is valid, and
counted as one problem at least.

Most files are sound, so each check has a fast answer for them and a thorough one for the
rest: the plain-data check walks the data once without building a key path, and the schema is
compiled once into Python functions that answer yes or no (:func:`is_valid`). Only data they
turn down is looked at again — walked with key paths, validated by jsonschema — to name every
problem in the words it always had.
"""

from __future__ import annotations

import bisect
import datetime
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from numbers import Number  # imported by decimal already
from pathlib import Path

from ..errors import Problem, ScoringError, did_you_mean, fix_and_rerun, more_problems
from ..i18n import _
from ..limits import MAX_DEPTH, MAX_DIGITS, MAX_FILE_BYTES, MAX_PROBLEMS, MAX_QUOTED
from ..values import cut, finite_number_hint, plain_digits, plain_digits_hint, too_many_digits

NAMES = ("evaluation", "ruleset")


def schema_text(name: str) -> str:
    # beside this module, as the package is installed: a path, found in a tenth of the time
    # importlib.resources.files takes
    return Path(__file__).with_name(f"{name}.schema.json").read_text("utf-8")


@cache
def schema(name: str) -> dict:
    return json.loads(schema_text(name))


def _inline_refs(node, defs: dict):
    """The schema with its local ``#/$defs/…`` references replaced by what they point to.

    jsonschema resolves a ``$ref`` anew on every validation; the shipped schemas are not
    recursive, so inlining them once makes validating a file several times faster.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = _inline_refs(defs[ref[len("#/$defs/") :]], defs)
            rest = {k: _inline_refs(v, defs) for k, v in node.items() if k != "$ref"}
            return {**target, **rest}
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


def _inlined(name: str, definition: str | None = None) -> dict:
    """Schema ``name``, or one of its definitions, with its references inlined."""
    defs = schema(name).get("$defs", {})
    return _inline_refs(schema(name) if definition is None else defs[definition], defs)


@cache
def _validator(name: str):
    return _explaining()(_inlined(name))


@cache
def _part_validator(name: str, definition: str):
    return _explaining()(_inlined(name, definition))


@cache
def _explaining():
    """jsonschema's Draft 2020-12 validator, with ``items`` bounded (:func:`_items`)."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {"items": _items})


@cache
def _check(name: str, definition: str | None = None):
    """Schema ``name`` (or one definition of it) compiled to a yes/no function, once: the
    function in :mod:`scoring.schemas.compiled` for a check the package makes (:data:`CHECKS`),
    which Python keeps compiled, else compiled now."""
    from .compiled import FUNCTIONS

    found = FUNCTIONS.get((name, definition))
    return found if found is not None else _compile(_inlined(name, definition))


# The checks the package makes, written out in scoring/schemas/compiled.py by
# ``python tools/schema_checks.py`` (a test checks that the file is what it would write now):
# generating and compiling them at every start took a tenth of a one-file run.
CHECKS: tuple[tuple[str, str | None], ...] = (
    ("evaluation", None),
    ("ruleset", None),
    ("ruleset", "bands"),
)


def is_valid(name: str, data, definition: str | None = None) -> bool:
    """Whether ``data`` (found plain: :func:`structure_problems`) meets schema ``name``, or its
    definition ``definition``: the answer of jsonschema's ``is_valid``, from the schema compiled
    to Python. No message: data it turns down is validated again by jsonschema, to say where
    and why."""
    return _check(name, definition)(data)


def part_problems(name: str, definition: str, data, prefix=()) -> ProblemList:
    """Where ``data`` breaks one definition of schema ``name`` (``$defs``): for a value that
    is checked where it is used, after a rule set's files are merged (the steps of ``bands``
    in a method's parameters). ``data`` is a part of data already found plain."""
    found = ProblemList(order=_file_order)
    if is_valid(name, data, definition):
        return found
    _explain(_part_validator(name, definition), data, prefix, found)
    return found


def key_path(parts) -> str:
    """``['projects', 1, 'indicators', 0, 'actual']`` → ``projects[1].indicators[0].actual``;
    a key longer than ``MAX_QUOTED`` characters is cut (the path is for a person to read)."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = cut(str(part))
            text += f".{key}" if text else key
    return text


class ProblemList:
    """The problems of one file as they are found: the first ``MAX_PROBLEMS`` distinct ones
    kept (in the order of ``order``, a key function on each problem, when given), the others
    only counted — so that a file of a million mistakes costs the memory of fifty, and each
    problem beyond them little more than counting it."""

    def __init__(self, order=None) -> None:
        self.kept: list[Problem] = []
        self.more = 0
        # True once some problems were only counted as at least one each (the parts of a long
        # list found wrong after enough others): ``more`` is then a lower bound
        self.at_least = False
        self._order = order
        self._keys: list = []  # the order's key of each problem kept
        self._seen: set[tuple] = set()  # the problems kept, to keep each once

    def add(self, problem: Problem) -> None:
        same = (problem.message, problem.where, problem.hint, problem.cell)
        if same in self._seen:  # one value read twice is one problem
            return
        key = self._order(problem) if self._order else len(self._keys)
        full = len(self.kept) == MAX_PROBLEMS
        if full and not key < self._keys[-1]:  # a problem after every one kept
            self.more += 1
            return
        at = bisect.bisect_right(self._keys, key)
        self._keys.insert(at, key)
        self.kept.insert(at, problem)
        self._seen.add(same)
        if full:  # the last one kept gives way, and is counted
            self._keys.pop()
            dropped = self.kept.pop()
            self._seen.discard((dropped.message, dropped.where, dropped.hint, dropped.cell))
            self.more += 1

    def add_unexplained(self, parts: int) -> None:
        """``parts`` more places found wrong without saying why: each holds a problem at least,
        none of them before the problems kept. Counted, and the count becomes a lower bound."""
        self.more += parts
        self.at_least = self.at_least or parts > 0

    def __bool__(self) -> bool:
        return bool(self.kept)

    def listed(self) -> list[Problem]:
        """The problems kept, and a last line counting the others when there are any."""
        if not self.more:
            return list(self.kept)
        more = more_problems(self.more, self.at_least)
        return [*self.kept, Problem(more, None, fix_and_rerun())]

    def error(self, kind: type[ScoringError], file: str, **kw) -> ScoringError:
        """One error of ``kind`` for every problem found, headed by the first: those kept
        listed, the others counted."""
        return kind.from_problems(
            list(self.kept), file, more=self.more, at_least=self.at_least, **kw
        )


def problems(name: str, data, prefix=(), plain: bool = False) -> list[Problem]:
    """Every place where ``data`` breaks schema ``name``, in the file's order, as plain words;
    at most ``MAX_PROBLEMS`` listed, then a line counting the rest (see :func:`problem_list`)."""
    return problem_list(name, data, prefix, plain).listed()


def problem_list(name: str, data, prefix=(), plain: bool = False) -> ProblemList:
    """What :func:`problems` lists: first the shape of ``data`` as plain data
    (:func:`structure_problems`, unless ``plain`` says it was looked at), then, when that is
    sound, schema ``name``."""
    found = ProblemList() if plain else structure_problems(data, prefix)
    if found:
        return found
    found = ProblemList(order=_file_order)
    if is_valid(name, data):  # jsonschema is imported only to explain a file it turns down
        return found
    _explain(_validator(name), data, prefix, found)
    return found


def _explain(validator, data, prefix, found: ProblemList) -> None:
    """Each problem jsonschema finds in ``data`` into ``found``; the items of a list past the
    first MAX_PROBLEMS found wrong are only counted (see :func:`_items`)."""
    for error in validator.iter_errors(data):
        if isinstance(error, _unexplained_kind()):
            found.add_unexplained(error.parts)
        else:
            found.add(_describe(error, prefix))


def _items(validator, items, instance, schema):
    """Draft 2020-12's ``items`` as jsonschema checks it, the work bounded: once MAX_PROBLEMS
    items of the list are found wrong, each further item is only asked whether it is valid (by
    the compiled check) and the wrong ones are counted, in one error of their own. Their
    problems could not be listed anyway: the MAX_PROBLEMS items before them have as many
    problems at least, all earlier in the file. (A list of 300,000 empty projects was 900,000
    problems built one by one, for fifty of them to be listed.)"""
    if (
        not validator.is_type(instance, "array")
        or not isinstance(items, dict)
        or "prefixItems" in schema
    ):
        yield from _draft_items(validator, items, instance, schema)  # a form the schemas lack
        return
    wrong = unexplained = 0
    valid = None
    for index, item in enumerate(instance):
        if wrong < MAX_PROBLEMS:
            errors = 0
            for error in validator.descend(item, items, path=index):
                errors += 1
                yield error
            wrong += errors > 0
            continue
        valid = valid or _compiled(items)
        unexplained += not valid(item)
    if unexplained:
        yield _unexplained_kind()(unexplained)


def _draft_items(validator, items, instance, schema):
    from jsonschema import _keywords

    return _keywords.items(validator, items, instance, schema)


_COMPILED: dict[int, tuple] = {}  # id of a part of a schema → (the part, its compiled check)


def _compiled(node: dict):
    """A part of a schema (held by a cached validator) compiled to a yes/no function, once."""
    known = _COMPILED.get(id(node))
    if known is None or known[0] is not node:
        known = _COMPILED[id(node)] = (node, _compile(node))
    return known[1]


@cache
def _unexplained_kind():
    """The error :func:`_items` gives for the items it only counted (jsonschema is imported
    when a file is explained, not before)."""
    from jsonschema.exceptions import ValidationError

    class Unexplained(ValidationError):
        def __init__(self, parts: int) -> None:
            super().__init__(f"{parts:,} more items are not valid", validator="items")
            self.parts = parts

    return Unexplained


_PATH_PARTS = re.compile(r"\[(\d+)\]|\.")


def _file_order(problem: Problem) -> tuple:
    """A problem's place as a sort key: lists by index (projects[2] before projects[10])."""
    parts = _PATH_PARTS.split(problem.where or "")
    return tuple((1, int(p)) if p.isdigit() else (0, p) for p in parts if p)


# --- the shape of plain data ------------------------------------------------------------------

# What a TOML or JSON file can hold besides tables and lists (TOML adds dates and times).
_LEAVES = (str, int, float, Decimal, bool, type(None), datetime.date, datetime.time)


# The pattern of a text that must not be blank: one character at least that is neither a space
# nor invisible (a zero-width space, a direction mark, a byte-order mark).
_NOT_BLANK = r"[^\s\u200b-\u200f\u2060-\u2064\ufeff]"


def _blank_starts() -> frozenset[str]:
    """What a text matched by ``_NOT_BLANK`` only past its first character may start with: the
    empty text, a space or an invisible mark (every Unicode space is below U+3001)."""
    found = {"", *(chr(c) for c in range(0x3001) if re.match(_NOT_BLANK, chr(c)) is None)}
    found.update(chr(c) for c in (*range(0x200B, 0x2010), *range(0x2060, 0x2065), 0xFEFF))
    return frozenset(found)


def _plain_values() -> str:
    return _("give text, a number, true or false, a list or a table, as a file holds them")


def structure_problems(data, prefix=()) -> ProblemList:
    """Where ``data`` is not plain data, each place once: a table or list inside itself, one
    nested more than ``MAX_DEPTH`` deep, a key that is not text, a value no file can hold
    (a set, bytes, an object), a number that is not finite or has more than ``MAX_DIGITS``
    digits, text with a lone surrogate (half a character, which UTF-8 cannot write); and data
    larger, written out, than a file scoring reads (``MAX_FILE_BYTES``).

    Each table and list is looked at once, however often it is shared, and nothing below
    ``MAX_DEPTH`` is descended into, so the work is bounded by the data's own size."""
    try:  # the usual answer, found without a key path
        size = _size(data, 0, {})
        found = ProblemList()
    except _NotPlain:  # walked again, to name each problem at its place
        walk = _Walk()
        size = walk.value(data, list(prefix))
        found = walk.found
    # every value written out takes a byte at least: a file of MAX_FILE_BYTES holds fewer
    if size > MAX_FILE_BYTES and not found:
        found.add(
            Problem(
                _(
                    "the data holds {count} values counted where each appears (tables and lists "
                    "given in several places), more than a file of {limit} bytes can"
                ).format(count=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"),
                key_path(prefix) or None,
                _("give each table or list once, or score the data in parts"),
            )
        )
    return found


class _NotPlain(Exception):
    """Raised by :func:`_size` at the first thing :class:`_Walk` would refuse."""


def _size(value, depth: int, sizes: dict[int, int]) -> int:
    """The number of values in ``value`` written out, as :meth:`_Walk.value` counts them;
    :class:`_NotPlain` at the first thing the walk would refuse. The same rules in a pass that
    builds no key path: ``depth`` tables and lists are around ``value``, ``sizes`` holds the
    size of each one looked at (-1 while inside it: met again, it contains itself)."""
    if not isinstance(value, (dict, list, tuple)):
        return _leaf_size(value)
    seen = id(value)
    known = sizes.get(seen)
    if known is not None:
        if known < 0:
            raise _NotPlain
        return known
    if depth >= MAX_DEPTH:
        raise _NotPlain
    sizes[seen] = -1
    size = 1
    members: Iterable = value
    if isinstance(value, dict):
        for key in value:  # printable text has no half character; other text is encoded
            if not (type(key) is str and key.isprintable()) and not _text_key(key):
                raise _NotPlain
        size += len(value)  # each key
        members = value.values()
    for inner in members:
        kind = type(inner)
        # the commonest values by their exact type, without a call; the others as leaves
        if kind is str and inner.isprintable():
            size += 1
        elif kind is dict or kind is list or isinstance(inner, (dict, list, tuple)):
            size += _size(inner, depth + 1, sizes)
        else:
            size += _leaf_size(inner)
    sizes[seen] = size
    return size


_LARGEST_INT = 10**MAX_DIGITS  # the first int of more than MAX_DIGITS digits


def _leaf_size(value) -> int:
    """1 for a value that is not a table or a list and that a file can hold."""
    if type(value) is int and -_LARGEST_INT < value < _LARGEST_INT:
        return 1
    if _leaf_problem(value) is None:
        return 1
    raise _NotPlain


def _text_key(key) -> bool:
    """Whether ``key`` is text without a half character."""
    return isinstance(key, str) and not _half_character(key)


class _Walk:
    """One pass over plain data: the problems found, the tables and lists around the value
    being looked at (a cycle comes back to one of them), and the size, written out, of each
    table and list already looked at."""

    def __init__(self) -> None:
        self.found = ProblemList()
        self.inside: set[int] = set()
        self.sizes: dict[int, int] = {}

    def value(self, value, path: list) -> int:
        """The number of values in ``value`` written out (itself included)."""
        if isinstance(value, (dict, list, tuple)):
            return self.container(value, path)
        problem = _leaf_problem(value)
        if problem is not None:
            self.found.add(Problem(problem[0], key_path(path) or None, problem[1]))
        return 1

    def container(self, value: dict | list | tuple, path: list) -> int:
        where = key_path(path) or None
        if id(value) in self.inside:
            itself = (
                _("this table contains itself")
                if isinstance(value, dict)
                else _("this list contains itself")
            )
            self.found.add(Problem(itself, where, _("give data without a cycle")))
            return 1
        if id(value) in self.sizes:  # shared, and already looked at where it was first met
            return self.sizes[id(value)]
        if len(self.inside) >= MAX_DEPTH:
            self.found.add(
                Problem(
                    _("nested more than {depth} deep").format(depth=MAX_DEPTH), where, _too_deep()
                )
            )
            self.sizes[id(value)] = 1
            return 1
        self.inside.add(id(value))
        size = 1 + sum(self.member(value, key, inner, path) for key, inner in _members(value))
        self.inside.discard(id(value))
        self.sizes[id(value)] = size
        return size

    def member(self, table, key, inner, path: list) -> int:
        """The size of one member of a table or list; a key that is not text is refused."""
        if not isinstance(table, dict):
            return self.value(inner, [*path, key])
        where = key_path(path) or None
        if not isinstance(key, str):
            self.found.add(
                Problem(
                    _("a key is {type} {value}, not text").format(
                        type=type(key).__name__, value=_shown(key)
                    ),
                    where,
                    _("write every key as text, as in a TOML or JSON file"),
                )
            )
            return 1
        if _half_character(key):  # named by its table: the key cannot be shown
            self.found.add(Problem(_surrogate_in_key(), where, _surrogate_fix()))
            return 1
        return 1 + self.value(inner, [*path, key])


def _members(value: dict | list | tuple):
    return value.items() if isinstance(value, dict) else enumerate(value)


def _too_deep() -> str:
    return _(
        "remove the extra levels: the deepest value of an evaluation, a target written as a "
        "table, is five levels down"
    )


def _surrogate_in_key() -> str:
    return _(
        "a key holds half of a character (a lone surrogate, such as \\ud800), which "
        "cannot be written as UTF-8"
    )


def _surrogate_in_text() -> str:
    return _(
        "the text holds half of a character (a lone surrogate, such as \\ud800), which "
        "cannot be written as UTF-8"
    )


def _surrogate_fix() -> str:
    return _("remove it, or give the whole character (a \\ud83d\\ude00 pair in JSON)")


def _leaf_problem(value) -> tuple[str, str] | None:
    """What is wrong with a value that is not a table or a list, with what to do; None when
    nothing is."""
    if not isinstance(value, _LEAVES):
        said = _("{type} is not a value of a file").format(type=type(value).__name__)
        return said, _plain_values()
    if isinstance(value, str):
        return (_surrogate_in_text(), _surrogate_fix()) if _half_character(value) else None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    if isinstance(value, int):
        if abs(value) >= 10**MAX_DIGITS:
            return too_many_digits(), plain_digits_hint()
        return None
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not number.is_finite():
        return _("{value} is not a usable number").format(value=number), finite_number_hint()
    if plain_digits(number) > MAX_DIGITS:
        said = _("{value} has more than {digits} digits written out").format(
            value=cut(str(number)), digits=MAX_DIGITS
        )
        return said, plain_digits_hint()
    return None


def _half_character(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (encoding is the fast way to look)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _type_names(expected) -> str:
    names = {
        "number": _("a number"),
        "string": _("text"),
        "integer": _("a whole number"),
        "boolean": _("true or false"),
        "object": _("a table"),
        "array": _("a list"),
    }
    expected = expected if isinstance(expected, list) else [expected]
    said = [names.get(t, t) for t in expected]
    text = said[0]
    for other in said[1:]:
        text = _("{first} or {second}").format(first=text, second=other)
    return text


def _shown(value) -> str:
    """A value as a message quotes it, in JSON, cut to ``MAX_QUOTED`` characters: encoded
    piece by piece and stopped there, so that a large value costs no more than a small one.
    A number read exactly (a Decimal: TOML's and JSON's fractions) is shown as the number it
    is, not as text."""
    if isinstance(value, Decimal):
        return cut(str(value))
    pieces = json.JSONEncoder(ensure_ascii=False, default=_plain_or_text).iterencode(value)
    text = ""
    try:
        for piece in pieces:
            text += piece
            if len(text) > MAX_QUOTED:
                break
    except ValueError:  # an int too long for Python to write: a key, never a checked value
        return _("of more than {digits} digits").format(digits=MAX_DIGITS)
    return cut(text)


def _plain_or_text(value):
    """What json cannot write, inside a value quoted: a Decimal as a number, anything else as
    its text."""
    return float(value) if isinstance(value, Decimal) else str(value)


def _belongs_in(name: str, tables: dict) -> str | None:
    """The fix for a key written one level too high (``extends`` above ``[ruleset]``): the
    table among ``tables`` (a schema's properties) that takes it, or None."""
    owner = next(
        (table for table, schema in tables.items() if name in schema.get("properties", {})),
        None,
    )
    if owner is None:
        return None
    return _("`{key}` belongs in [{table}]: write it under that table").format(
        key=name, table=owner
    )


def _describe(error, prefix) -> Problem:
    where = key_path([*prefix, *error.absolute_path]) or None
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        name = cut(unknown[0]) if unknown else "?"
        hint = (
            _belongs_in(name, error.schema.get("properties", {}))
            or did_you_mean(name, allowed)
            or _("allowed here: {keys}").format(keys=", ".join(allowed))
        )
        path = f"{where}.{name}" if where else name
        return Problem(_("unknown key `{key}`").format(key=name), path, hint)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return Problem(
            _("missing key `{key}`").format(key=missing),
            where,
            _("add `{key}` here").format(key=missing),
        )
    if kind == "type":
        expected = _type_names(error.validator_value)
        description = _described_key(error)
        if isinstance(error.instance, (datetime.date, datetime.time)):
            # TOML reads 2024-06-30 unquoted as a date, which looks like the text it is not
            return Problem(
                _("expected {expected}, got the TOML date {value}").format(
                    expected=expected, value=error.instance.isoformat()
                ),
                where,
                _('put it in quotes to write it as text: "{value}"').format(
                    value=error.instance.isoformat()
                ),
            )
        return Problem(
            _("expected {expected}, got {value}").format(
                expected=expected, value=_shown(error.instance)
            ),
            where,
            _("write {expected} here ({description})").format(
                expected=expected, description=description
            )
            if description
            else _("write {expected} here").format(expected=expected),
        )
    if (
        kind == "anyOf"
        and error.schema.get("anyOf")
        and all("required" in alt for alt in error.schema["anyOf"])
    ):
        keys = [alt["required"][0] for alt in error.schema["anyOf"]]
        return Problem(
            _("needs one of {keys}").format(keys=", ".join(f"`{k}`" for k in keys)),
            where,
            _("add `{key}`").format(key=keys[0]),
        )
    if kind == "enum":
        choices = ", ".join(_shown(v) for v in error.validator_value)
        return Problem(
            _("{value} is not one of {choices}").format(
                value=_shown(error.instance), choices=choices
            ),
            where,
            did_you_mean(cut(str(error.instance)), [str(v) for v in error.validator_value])
            or _("use one of {choices}").format(choices=choices),
        )
    # a label of spaces or invisible marks only is as empty as "" on the form
    if kind in ("minItems", "minLength", "minProperties") or (
        kind == "pattern" and error.validator_value == _NOT_BLANK
    ):
        return Problem(
            _("must not be empty"),
            where,
            _described(error) or _("fill it in, or leave the key out"),
        )
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {
            "minimum": _("use a value at least {limit}"),
            "maximum": _("use a value at most {limit}"),
            "exclusiveMinimum": _("use a value above {limit}"),
            "exclusiveMaximum": _("use a value below {limit}"),
        }[kind]
        return Problem(
            _("{value} is out of range").format(value=_shown(error.instance)),
            where,
            bound.format(limit=error.validator_value),
        )
    if kind == "pattern":  # a rule set's id, or a unit's factor written as text
        factor = error.validator_value.startswith("^[0-9]")
        return Problem(
            _("{value} has the wrong form").format(value=_shown(error.instance)),
            where,
            _('write the factor as a number or a fraction of two, e.g. 1000, 0.5 or "2000/3"')
            if factor
            else _("use lower-case letters, digits, '.', '_' and '-', e.g. my-rules"),
        )
    if kind == "uniqueItems":
        return Problem(_("lists the same value twice"), where, _("keep each value once"))
    if kind == "oneOf":
        return Problem(
            _("{value} has the wrong form").format(value=_shown(error.instance)),
            where,
            _described_key(error),
        )
    return Problem(error.message, where, _described(error))


def _described(error) -> str | None:
    """The schema's own description of the key, as a hint of what belongs there."""
    description = _described_key(error)
    return (
        _("expected here: {description}").format(description=description) if description else None
    )


def _described_key(error) -> str | None:
    """The schema's ``description`` of the key ``error`` is about, in the interface's language
    (the catalogs hold each description: tools/catalogs.py)."""
    description = error.schema.get("description")
    return _(description) if isinstance(description, str) and description else None


# --- the schema compiled to yes or no --------------------------------------------------------

# Keywords that say nothing about validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "examples"})
# The keywords that apply to one type only (to other values they say nothing), by that type.
_TYPED = {
    "object": ("properties", "additionalProperties", "required", "minProperties"),
    "array": ("items", "minItems", "uniqueItems"),
    "string": ("minLength", "pattern"),
    "number": ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
}
_KNOWN = (
    _ANNOTATIONS | {"type", "enum", "anyOf", "oneOf"} | {k for ks in _TYPED.values() for k in ks}
)
# A value of each JSON type, as jsonschema's Draft 2020-12 type checker tells them (true is
# not a number; 3.0 is an integer), ``{v}`` standing for the value.
_TYPE_TESTS = {
    "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)",
    "string": "isinstance({v}, str)",
    "boolean": "isinstance({v}, bool)",
    "null": "{v} is None",
    "number": "(type({v}) in _NUMBERS or _number({v}))",
    "integer": "(type({v}) is int or _integer({v}))",
}
_BOUNDS = {"minimum": "<", "maximum": ">", "exclusiveMinimum": "<=", "exclusiveMaximum": ">="}
_MISSING = object()


def _number(value) -> bool:
    return isinstance(value, Number) and not isinstance(value, bool)


def _integer(value) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _same(a, b) -> bool:
    """Two values equal as JSON Schema compares them: true is not 1, lists and tables are
    compared member by member."""
    if a is b:
        return True
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return len(a) == len(b) and all(k in b and _same(v, b[k]) for k, v in a.items())
    if isinstance(a, bool) or isinstance(b, bool):
        return False  # a bool is only itself (a is b was answered above)
    return a == b


def _unique(items: list) -> bool:
    """No two items the same (``uniqueItems``); a list of text is compared as a set."""
    if all(type(item) is str for item in items):
        return len(set(items)) == len(items)
    return not any(_same(a, b) for i, a in enumerate(items) for b in items[i + 1 :])


def compiled_module() -> str:
    """The text of scoring/schemas/compiled.py: the functions of every check in
    :data:`CHECKS`, generated as :func:`_compile` generates them, with their constants written
    out (text sorted, so that the file is the same whenever it is written)."""
    compiler = _Compiler()
    entries = [(check, compiler.function(_inlined(*check))) for check in CHECKS]
    constants = [f"{name} = {_literal(value)}" for name, value in compiler.constants.items()]
    functions = ",\n".join(f"    {check!r}: {entry}" for check, entry in entries)
    return "\n".join(
        [
            '"""The JSON Schema checks the package makes, compiled to Python: written by',
            "``python tools/schema_checks.py`` from the schemas beside this module; do not edit.",
            '"""',
            "",
            "# mypy: ignore-errors",
            "import re",
            "from decimal import Decimal",
            "",
            "from . import _MISSING, _NUMBERS, _integer, _number, _unique",
            "",
            *constants,
            "",
            *compiler.lines,
            "",
            "FUNCTIONS = {",
            functions + ",",
            "}",
            "",
        ]
    )


def _literal(value) -> str:
    """A constant of a compiled check as Python source."""
    if isinstance(value, frozenset):
        return f"frozenset({{{', '.join(sorted(map(repr, value)))}}})"
    if isinstance(value, re.Pattern):
        return f"re.compile({value.pattern!r})"
    if isinstance(value, (bool, int, float, str, Decimal)):
        return repr(value)
    raise ValueError(f"the schema check does not write {type(value).__name__} constants")


# The names a compiled check uses beside its constants.
_NUMBERS = frozenset({int, float, Decimal})


def _compile(node: dict):
    """A JSON Schema (the keywords the shipped schemas use; any other is refused here, so a
    schema cannot outgrow its compiled check unnoticed) as one function of a value: True
    exactly when jsonschema finds the value valid. It is generated as Python source — one
    function for each table, list or choice, tests of plain values inline — so checking a
    file costs one call per table and list in it."""
    compiler = _Compiler()
    entry = compiler.function(node)
    namespace = {
        **compiler.constants,
        "_NUMBERS": _NUMBERS,
        "_number": _number,
        "_integer": _integer,
        "_unique": _unique,
        "_MISSING": _MISSING,
    }
    exec(compile("\n".join(compiler.lines), "<schema check>", "exec"), namespace)
    return namespace[entry]


def _exclusive(alternatives: list) -> bool:
    """Whether no value can fit two of ``alternatives``: each names its types, and no type
    twice (an integer is a number)."""
    seen: set[str] = set()
    for alternative in alternatives:
        if not isinstance(alternative, dict) or "type" not in alternative:
            return False
        types = alternative["type"]
        kinds = {
            "number" if t == "integer" else t
            for t in ([types] if isinstance(types, str) else types)
        }
        if kinds & seen:
            return False
        seen |= kinds
    return True


class _Compiler:
    """The source of the functions that check a schema, and the constants they use."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.constants: dict[str, object] = {}
        self.count = 0

    def constant(self, value) -> str:
        name = f"_c{len(self.constants)}"
        self.constants[name] = value
        return name

    def function(self, node) -> str:
        """The name of a function that checks its argument ``x`` against ``node``."""
        self.count += 1
        name = f"_s{self.count}"
        body = self.statements(node)  # defines the functions it calls first
        self.lines += [f"def {name}(x):", *(f"    {line}" for line in body), "    return True"]
        return name

    def expression(self, node, var: str) -> str:
        """A test of ``var`` against ``node``: inline for a plain value's schema, else a call."""
        if node is True or node == {}:
            return "True"
        if node is False:
            return "False"
        if set(node) & {*_TYPED["object"], *_TYPED["array"], "anyOf", "oneOf"}:
            return f"{self.function(node)}({var})"
        return " and ".join(self.tests(node, var)) or "True"

    def tests(self, node: dict, var: str) -> list[str]:
        """The tests of ``var`` against the keywords of ``node`` that concern plain values."""
        unknown = set(node) - _KNOWN
        if unknown:
            raise ValueError(f"the schema check does not compile {sorted(unknown)}")
        types = node.get("type")
        types = [types] if isinstance(types, str) else types
        found = []
        if types:  # numbers last: their test of a value of another type is the slowest
            ordered = sorted(types, key=lambda t: t in ("number", "integer"))
            either = " or ".join(_TYPE_TESTS[t].format(v=var) for t in ordered)
            found.append(f"({either})")
        if "enum" in node:
            if not all(isinstance(v, str) for v in node["enum"]):
                raise ValueError("the schema check compiles an enum of text only")
            choices = self.constant(frozenset(node["enum"]))
            found.append(f"(isinstance({var}, str) and {var} in {choices})")
        for kind, kinds in (("string", {"string"}), ("number", {"number", "integer"})):
            checks = [self.test(key, node[key], var) for key in _TYPED[kind] if key in node]
            if not checks:
                continue
            test = " and ".join(checks)
            if types and set(types) <= kinds:  # the type is tested already
                found.append(f"({test})")
            else:  # the keyword says nothing of a value of another type
                found.append(f"(not {_TYPE_TESTS[kind].format(v=var)} or ({test}))")
        return found

    def test(self, key: str, value, var: str) -> str:
        if key == "minLength":
            return f"len({var}) >= {int(value)}"
        if key == "pattern":  # jsonschema searches, as re.search does
            search = f"{self.constant(re.compile(value))}.search({var}) is not None"
            if value == _NOT_BLANK:  # a label: its first character decides, but for a blank
                return f"({var}[:1] not in {self.constant(_blank_starts())} or {search})"
            return search
        return f"not {var} {_BOUNDS[key]} {self.constant(value)}"

    def statements(self, node) -> list[str]:
        """The body of a function that returns False where ``x`` breaks ``node``."""
        if not isinstance(node, dict):
            return [f"if not {self.expression(node, 'x')}:", "    return False"]
        lines = []
        for test in self.tests(node, "x"):
            lines += [f"if not {test}:", "    return False"]
        if "anyOf" in node:
            tests = [f"({self.expression(alt, 'x')})" for alt in node["anyOf"]]
            lines += [f"if not ({' or '.join(tests)}):", "    return False"]
        if "oneOf" in node:
            tests = [f"({self.expression(alt, 'x')})" for alt in node["oneOf"]]
            if _exclusive(node["oneOf"]):  # no two can fit: the first that fits is the one
                lines += [f"if not ({' or '.join(tests)}):", "    return False"]
            else:  # every alternative is tried: exactly one may fit
                lines += [f"if [{', '.join(tests)}].count(True) != 1:", "    return False"]
        for kind, block in (
            ("object", self.object_checks(node)),
            ("array", self.array_checks(node)),
        ):
            if not block:
                continue
            if node.get("type") == kind:  # tested above
                lines += block
            else:
                lines += [
                    f"if {_TYPE_TESTS[kind].format(v='x')}:",
                    *(f"    {line}" for line in block),
                ]
        return lines

    def object_checks(self, node: dict) -> list[str]:
        lines = []
        properties = node.get("properties", {})
        if "required" in node:
            named = self.constant(frozenset(node["required"]))
            lines += [f"if not x.keys() >= {named}:", "    return False"]
        if "minProperties" in node:
            lines += [f"if len(x) < {int(node['minProperties'])}:", "    return False"]
        extra = node.get("additionalProperties", True)
        if extra is False:
            lines += [f"if not x.keys() <= {self.constant(frozenset(properties))}:"]
            lines += ["    return False"]
        required = node.get("required", ()) if node.get("type") == "object" else ()
        for key, inner in properties.items():
            test = self.expression(inner, "v")
            if test == "True":
                continue
            if key in required:  # there, as tested above
                lines += [f"v = x[{key!r}]", f"if not ({test}):", "    return False"]
            else:
                lines += [f"v = x.get({key!r}, _MISSING)"]
                lines += [f"if v is not _MISSING and not ({test}):", "    return False"]
        if extra is not True and extra is not False:
            test = self.expression(extra, "v")
            named = self.constant(frozenset(properties))
            lines += ["for k, v in x.items():"]
            lines += [f"    if k not in {named} and not ({test}):", "        return False"]
        return lines

    def array_checks(self, node: dict) -> list[str]:
        lines = []
        if "minItems" in node:
            lines += [f"if len(x) < {int(node['minItems'])}:", "    return False"]
        if node.get("uniqueItems"):
            lines += ["if not _unique(x):", "    return False"]
        if "items" in node:
            if not isinstance(node["items"], (dict, bool)):
                raise ValueError("the schema check compiles `items` as one schema only")
            test = self.expression(node["items"], "v")
            if test != "True":
                lines += ["for v in x:", f"    if not ({test}):", "        return False"]
        return lines
