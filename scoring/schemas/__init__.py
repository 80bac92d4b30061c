"""The JSON Schemas of the evaluation file and the rule-set file, and validation against them.

The schemas are data shipped in this folder; ``scoring schema evaluation|ruleset`` prints
them. jsonschema is imported only when a file is validated, so start-up stays light.

Before the schema, the data's shape is checked as plain data (:func:`structure_problems`):
nothing inside itself, nothing nested deeper than ``MAX_DEPTH``, keys that are text, values a
file can hold, finite numbers of at most ``MAX_DIGITS`` digits, text that can be written as
UTF-8. A dict given through the API can be anything; this is what lets the schema, the
messages and every view after them take it as a file's data. The problems of one file are
gathered in a :class:`ProblemList`: at most ``MAX_PROBLEMS`` listed, the rest counted.
"""

from __future__ import annotations

import bisect
import datetime
import json
import re
from decimal import Decimal
from functools import cache
from importlib import resources

from ..errors import FIX_AND_RERUN, Problem, ScoringError, did_you_mean
from ..limits import MAX_DEPTH, MAX_DIGITS, MAX_FILE_BYTES, MAX_PROBLEMS, MAX_QUOTED
from ..values import cut, plain_digits

NAMES = ("evaluation", "ruleset")


def schema_text(name: str) -> str:
    return resources.files(__name__).joinpath(f"{name}.schema.json").read_text("utf-8")


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


@cache
def _validator(name: str):
    from jsonschema import Draft202012Validator

    document = schema(name)
    return Draft202012Validator(_inline_refs(document, document.get("$defs", {})))


@cache
def _part_validator(name: str, definition: str):
    from jsonschema import Draft202012Validator

    defs = schema(name).get("$defs", {})
    return Draft202012Validator(_inline_refs(defs[definition], defs))


def part_problems(name: str, definition: str, data, prefix=()) -> ProblemList:
    """Where ``data`` breaks one definition of schema ``name`` (``$defs``): for a value that
    is checked where it is used, after a rule set's files are merged (the steps of ``bands``
    in a method's parameters). ``data`` is a part of data already found plain."""
    found = ProblemList(order=_file_order)
    for error in _part_validator(name, definition).iter_errors(data):
        found.add(_describe(error, prefix))
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

    def __bool__(self) -> bool:
        return bool(self.kept)

    def listed(self) -> list[Problem]:
        """The problems kept, and a last line counting the others when there are any."""
        if not self.more:
            return list(self.kept)
        return [*self.kept, Problem(f"… and {self.more:,} more problems", None, FIX_AND_RERUN)]

    def error(self, kind: type[ScoringError], file: str, **kw) -> ScoringError:
        """One error of ``kind`` for every problem found, headed by the first: those kept
        listed, the others counted."""
        return kind.from_problems(list(self.kept), file, more=self.more, **kw)


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
    for error in _validator(name).iter_errors(data):
        found.add(_describe(error, prefix))
    return found


_PATH_PARTS = re.compile(r"\[(\d+)\]|\.")


def _file_order(problem: Problem) -> tuple:
    """A problem's place as a sort key: lists by index (projects[2] before projects[10])."""
    parts = _PATH_PARTS.split(problem.where or "")
    return tuple((1, int(p)) if p.isdigit() else (0, p) for p in parts if p)


# --- the shape of plain data ------------------------------------------------------------------

# What a TOML or JSON file can hold besides tables and lists (TOML adds dates and times).
_LEAVES = (str, int, float, Decimal, bool, type(None), datetime.date, datetime.time)
_PLAIN_VALUES = "give text, a number, true or false, a list or a table, as a file holds them"


def structure_problems(data, prefix=()) -> ProblemList:
    """Where ``data`` is not plain data, each place once: a table or list inside itself, one
    nested more than ``MAX_DEPTH`` deep, a key that is not text, a value no file can hold
    (a set, bytes, an object), a number that is not finite or has more than ``MAX_DIGITS``
    digits, text with a lone surrogate (half a character, which UTF-8 cannot write); and data
    larger, written out, than a file scoring reads (``MAX_FILE_BYTES``).

    Each table and list is looked at once, however often it is shared, and nothing below
    ``MAX_DEPTH`` is descended into, so the work is bounded by the data's own size."""
    walk = _Walk()
    size = walk.value(data, list(prefix))
    # every value written out takes a byte at least: a file of MAX_FILE_BYTES holds fewer
    if size > MAX_FILE_BYTES and not walk.found:
        walk.found.add(
            Problem(
                f"the data holds {size:,} values counted where each appears (tables and lists "
                f"given in several places), more than a file of {MAX_FILE_BYTES:,} bytes can",
                key_path(prefix) or None,
                "give each table or list once, or score the data in parts",
            )
        )
    return walk.found


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
            kind = "table" if isinstance(value, dict) else "list"
            self.found.add(
                Problem(f"this {kind} contains itself", where, "give data without a cycle")
            )
            return 1
        if id(value) in self.sizes:  # shared, and already looked at where it was first met
            return self.sizes[id(value)]
        if len(self.inside) >= MAX_DEPTH:
            self.found.add(Problem(f"nested more than {MAX_DEPTH} deep", where, _TOO_DEEP))
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
                    f"a key is {type(key).__name__} {_shown(key)}, not text",
                    where,
                    "write every key as text, as in a TOML or JSON file",
                )
            )
            return 1
        if _half_character(key):  # named by its table: the key cannot be shown
            self.found.add(Problem(_surrogate("a key"), where, _SURROGATE_FIX))
            return 1
        return 1 + self.value(inner, [*path, key])


def _members(value: dict | list | tuple):
    return value.items() if isinstance(value, dict) else enumerate(value)


_TOO_DEEP = (
    "remove the extra levels: the deepest value of an evaluation, a target written as a "
    "table, is five levels down"
)


def _surrogate(holder: str) -> str:
    return (
        f"{holder} holds half of a character (a lone surrogate, such as \\ud800), which "
        "cannot be written as UTF-8"
    )


_SURROGATE_FIX = "remove it, or give the whole character (a \\ud83d\\ude00 pair in JSON)"


def _leaf_problem(value) -> tuple[str, str] | None:
    """What is wrong with a value that is not a table or a list, with what to do; None when
    nothing is."""
    if not isinstance(value, _LEAVES):
        return f"{type(value).__name__} is not a value of a file", _PLAIN_VALUES
    if isinstance(value, str):
        return (_surrogate("the text"), _SURROGATE_FIX) if _half_character(value) else None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    if isinstance(value, int):
        if abs(value) >= 10**MAX_DIGITS:
            return f"a number of more than {MAX_DIGITS} digits", _PLAIN_DIGITS
        return None
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not number.is_finite():
        return f"{number} is not a usable number", "write a finite number such as 95.5"
    if plain_digits(number) > MAX_DIGITS:
        return f"{cut(str(number))} has more than {MAX_DIGITS} digits written out", _PLAIN_DIGITS
    return None


_PLAIN_DIGITS = "write the figure in plain digits, e.g. 382.31"


def _half_character(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (encoding is the fast way to look)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _type_names(expected) -> str:
    names = {
        "number": "a number",
        "string": "text",
        "integer": "a whole number",
        "boolean": "true or false",
        "object": "a table",
        "array": "a list",
    }
    expected = expected if isinstance(expected, list) else [expected]
    return " or ".join(names.get(t, t) for t in expected)


def _shown(value) -> str:
    """A value as a message quotes it, in JSON, cut to ``MAX_QUOTED`` characters: encoded
    piece by piece and stopped there, so that a large value costs no more than a small one."""
    pieces = json.JSONEncoder(ensure_ascii=False, default=str).iterencode(value)
    text = ""
    try:
        for piece in pieces:
            text += piece
            if len(text) > MAX_QUOTED:
                break
    except ValueError:  # an int too long for Python to write: a key, never a checked value
        return f"of more than {MAX_DIGITS} digits"
    return cut(text)


def _describe(error, prefix) -> Problem:
    where = key_path([*prefix, *error.absolute_path]) or None
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        name = cut(unknown[0]) if unknown else "?"
        hint = did_you_mean(name, allowed) or "allowed here: " + ", ".join(allowed)
        path = f"{where}.{name}" if where else name
        return Problem(f"unknown key `{name}`", path, hint)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return Problem(f"missing key `{missing}`", where, f"add `{missing}` here")
    if kind == "type":
        expected = _type_names(error.validator_value)
        return Problem(
            f"expected {expected}, got {_shown(error.instance)}",
            where,
            f"write {expected} here"
            + (f" ({error.schema['description']})" if error.schema.get("description") else ""),
        )
    if (
        kind == "anyOf"
        and error.schema.get("anyOf")
        and all("required" in alt for alt in error.schema["anyOf"])
    ):
        keys = [alt["required"][0] for alt in error.schema["anyOf"]]
        return Problem(
            f"needs one of {', '.join(f'`{k}`' for k in keys)}", where, f"add `{keys[0]}`"
        )
    if kind == "enum":
        choices = ", ".join(_shown(v) for v in error.validator_value)
        return Problem(
            f"{_shown(error.instance)} is not one of {choices}",
            where,
            did_you_mean(cut(str(error.instance)), [str(v) for v in error.validator_value])
            or f"use one of {choices}",
        )
    if kind in ("minItems", "minLength", "minProperties"):
        return Problem(
            "must not be empty", where, _described(error) or "fill it in, or leave the key out"
        )
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "above",
            "exclusiveMaximum": "below",
        }[kind]
        return Problem(
            f"{_shown(error.instance)} is out of range",
            where,
            f"use a value {bound} {error.validator_value}",
        )
    if kind == "pattern":
        return Problem(
            f"{_shown(error.instance)} has the wrong form",
            where,
            "use lower-case letters, digits, '.', '_' and '-', e.g. my-rules",
        )
    if kind == "uniqueItems":
        return Problem("lists the same value twice", where, "keep each value once")
    if kind == "oneOf":
        return Problem(
            f"{_shown(error.instance)} has the wrong form", where, error.schema.get("description")
        )
    return Problem(error.message, where, _described(error))


def _described(error) -> str | None:
    """The schema's own description of the key, as a hint of what belongs there."""
    description = error.schema.get("description")
    return f"expected here: {description}" if description else None
