"""The fast checks agree with the thorough ones on thousands of mutated documents.

A file is validated by the schema compiled to a yes/no function, and jsonschema is called only
to explain a file that function turns down; the plain-data pre-check likewise walks the data
once without key paths and walks it again only to name what it found. So the fast answers
must be exactly the thorough ones: here, on evaluation files and rule sets from the test cases
and the shipped rules, each mutated at random (seeded) — keys dropped and added, values of the
wrong type, empty lists and tables, text where numbers go, nested wrong shapes, values moved
from elsewhere in the document, and valid variants.
"""

from __future__ import annotations

import copy
import datetime
import tomllib
from decimal import Decimal
from pathlib import Path
from random import Random

import pytest
from jsonschema import Draft202012Validator

from scoring import schemas

from .conftest import CASES, case_evaluation

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = 2500  # of each schema's documents


def _toml(text: str) -> dict:
    return tomllib.loads(text, parse_float=Decimal)


def evaluations() -> list[dict]:
    """Every case's evaluation, as its file gives it."""
    return [_toml(case_evaluation(path)) for path in sorted(CASES.glob("*.toml"))]


def rulesets() -> list[dict]:
    """The shipped rule sets, and the rule sets the cases give inline."""
    found = [_toml(path.read_text("utf-8")) for path in sorted((ROOT / "rules").glob("*.toml"))]
    # the standard unit table is a rule set's [units] of the same shape (with its patterns)
    found.append({"units": _toml((ROOT / "scoring" / "units.toml").read_text("utf-8"))})
    for path in sorted(CASES.glob("*.toml")):
        inline = _toml(path.read_text("utf-8")).get("case", {}).get("ruleset")
        if isinstance(inline, dict):
            found.append(inline)
    return found


def _schema_words(node, found: set) -> set:
    """Every key and every enum word a schema names: mutations use the schema's own words."""
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key == "enum":
                found.update(v for v in value if isinstance(v, str))
            _schema_words(value, found)
    elif isinstance(node, list):
        for item in node:
            _schema_words(item, found)
    return found


# Values of every JSON type and then some: at the bounds the schemas name (0, 1, 6, 1949,
# 9999), text in the shapes of a pattern (and a newline after one), a target as a table.
VALUES = [
    "",
    "x",
    "1",
    "1.5",
    "1/3",
    "1.5\n",
    "1.5/",
    "≥95%",
    "2024年",
    0,
    1,
    -1,
    6,
    7,
    1948,
    1949,
    2024,
    9999,
    10000,
    2024.0,
    0.5,
    1.5,
    -0.5,
    Decimal("0"),
    Decimal("0.5"),
    Decimal("1.0"),
    Decimal("1.5"),
    Decimal("-0.1"),
    Decimal("2024"),
    True,
    False,
    None,
    [],
    {},
    ["x"],
    ["x", "x"],
    [1],
    [[]],
    [["x"]],
    [{}],
    {"x": 1},
    {"value": "5"},
    {"op": "≥", "value": 95, "unit": "%"},
    {"value": 1, "extra": 2},
    {"rate": 1},
    {"rate": Decimal("0.5"), "min": 0, "max": 1},
    datetime.date(2024, 1, 1),
    datetime.time(12, 0),
    ("x",),
    ("x", 1),
]


def _places(node, path=()):
    """Every place in a document: (path, value), the document itself first; not inside a
    tuple (it cannot be changed in place)."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*path, index))


def _set(document, path: tuple, value):
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value


# What each mutation changes: a table, a list, text, or any value but the document itself.
_CHANGES = (dict, dict, list, (dict, list), None, None, None, str, str, list, None, (int, Decimal))
# Numbers at and beside the bounds the schemas set, as int, float and Decimal.
BOUNDS = [
    *(0, 1, -1, 6, 7, 1948, 1949, 9999, 10000),
    *(0.0, 1.0, 6.0, 2024.0, 0.5, 1.5, -0.001, 9999.5),
    *map(Decimal, ("0", "1", "1.0", "0.999", "1.001", "-0.001", "6", "2024", "9999.01")),
]


def _mutate(document, rng: Random, words: list[str]):
    """``document`` changed once, at a place drawn among those the change applies to."""
    kind = rng.randrange(len(_CHANGES))
    places = list(_places(document))
    fitting = [
        (path, value)
        for path, value in places
        if (isinstance(value, _CHANGES[kind]) if _CHANGES[kind] else path)
    ]
    if not fitting:
        return document
    path, value = rng.choice(fitting)
    if kind == 0 and value:  # a key dropped
        del value[rng.choice(list(value))]
    elif kind == 1:  # a key added: a schema's word, or another
        value[rng.choice([*words, "extra"])] = copy.deepcopy(rng.choice(VALUES))
    elif kind == 2 and value:  # an item dropped, or repeated
        index = rng.randrange(len(value))
        if rng.random() < 0.5:
            del value[index]
        else:
            value.append(copy.deepcopy(value[index]))
    elif kind == 3:  # emptied
        value.clear()
    elif kind == 4:  # wrapped in a list, or a list's first item in its place
        inner = value[0] if isinstance(value, list) and value else [value]
        _set(document, path, copy.deepcopy(inner))
    elif kind == 5:  # a value from elsewhere in the document
        _set(document, path, copy.deepcopy(rng.choice(places)[1]))
    elif kind == 6:  # a word of the schema (an enum's, a key's) as the value
        _set(document, path, rng.choice(words))
    elif kind == 7:  # a number written as text, or text in a number's place
        _set(document, path, Decimal(value) if value.isdigit() else f"{value}%")
    elif kind == 8:  # text edited: a pattern's edges
        _set(document, path, rng.choice((f"{value}\n", f"{value} ", f"x{value}", "")))
    elif kind == 9:  # a list given as a tuple
        _set(document, path, tuple(value))
    elif kind == 10:  # a value of another type
        _set(document, path, copy.deepcopy(rng.choice(VALUES)))
    elif kind == 11:  # a number at a bound, or beside one
        _set(document, path, rng.choice(BOUNDS))
    return document


def mutants(name: str, documents: list[dict], count: int, seed: int):
    """``count`` documents, each a copy of one of ``documents`` changed 0 to 3 times."""
    rng = Random(seed)
    words = sorted(_schema_words(schemas.schema(name), set()) - {"$defs", "$ref", "$schema"})
    for _ in range(count):
        document = copy.deepcopy(rng.choice(documents))
        for _ in range(rng.choice((0, 1, 1, 1, 2, 3))):
            document = _mutate(document, rng, words)
        yield document


@pytest.mark.parametrize(
    ("name", "documents", "seed"),
    [("evaluation", evaluations, 2023), ("ruleset", rulesets, 2020)],
)
def test_the_compiled_schema_answers_as_jsonschema(name, documents, seed):
    validator = Draft202012Validator(schemas.schema(name))
    answers = {True: 0, False: 0}
    for document in mutants(name, documents(), MUTANTS, seed):
        if schemas.structure_problems(document):
            continue  # not plain data: refused before the schema
        expected = validator.is_valid(document)
        assert schemas.is_valid(name, document) is expected, document
        answers[expected] += 1
    # both answers given often: the mutations neither break everything nor nothing
    assert min(answers.values()) > MUTANTS // 10, answers


def test_the_compiled_definition_answers_as_jsonschema():
    """The steps of ``bands``, checked where a method uses them, after a rule set's merge."""
    defs = schemas.schema("ruleset")["$defs"]
    validator = Draft202012Validator({**defs["bands"], "$defs": defs})
    rng = Random(7)
    words = sorted(_schema_words(defs["bands"], set()))
    base = [[{"min": 0, "max": Decimal("0.6"), "rate": 0}, {"min": Decimal("0.6"), "rate": 1}]]
    for _ in range(500):
        bands = {"bands": copy.deepcopy(base[0])}
        for _ in range(rng.choice((0, 1, 2))):
            bands = _mutate(bands, rng, words)
        value = bands.get("bands")
        if value is None or schemas.structure_problems(value):
            continue
        assert schemas.is_valid("ruleset", value, "bands") is validator.is_valid(value), value


class _Thing:
    """A value no file holds."""


def _unplain(document, rng: Random):
    """``document`` with one thing plain data cannot hold added, or (now and then) text."""
    places = [p for p in _places(document) if isinstance(p[1], (dict, list))]
    container = rng.choice(places)[1]
    bad = rng.choice(
        [
            Decimal("NaN"),
            Decimal("Infinity"),
            float("nan"),
            float("-inf"),
            10**40,
            -(10**40),
            10**40 - 1,
            Decimal("1E+39"),
            Decimal("1E+40"),
            Decimal("1E-39"),
            Decimal("1E-40"),
            1e300,
            "\ud800",
            "ok\udfff",
            "全角\ud83d",
            "😀",
            {1, 2},
            b"bytes",
            _Thing(),
            "cycle",
            "shared",
            "deep",
            "key",
            "fine",
        ]
    )
    if bad == "cycle":
        bad = container
    elif bad == "shared":  # a table or list given twice: plain, unless it holds this one
        bad = rng.choice(places)[1]
    elif bad == "deep":
        bad = []
        for _ in range(rng.choice((20, 29, 30, 31, 40))):
            bad = [bad]
    elif bad == "fine":
        bad = "全角文字"
    if bad == "key":
        if isinstance(container, dict):
            container[rng.choice((1, None, ("a",), "\udc00", "正常"))] = "x"
    elif isinstance(container, dict):
        container[rng.choice(list(container) or ["x"])] = bad
    else:
        container.append(bad)
    return document


@pytest.mark.parametrize(("documents", "seed"), [(evaluations, 1), (rulesets, 2)])
def test_the_fast_plain_data_check_answers_as_the_walk(documents, seed):
    rng = Random(seed)
    originals = documents()
    answers = {True: 0, False: 0}
    for _ in range(1500):
        document = _unplain(copy.deepcopy(rng.choice(originals)), rng)
        walk = schemas._Walk()
        walk.value(document, [])
        try:
            schemas._size(document, 0, {})
            fast = True
        except schemas._NotPlain:
            fast = False
        assert fast is not bool(walk.found), walk.found.listed()
        answers[fast] += 1
    assert min(answers.values()) > 150, answers


def test_the_written_checks_are_those_the_schemas_make_now():
    """scoring/schemas/compiled.py is what ``python tools/schema_checks.py`` writes from the
    schemas as they are: a schema changed without it would be checked by the old one."""
    written = Path(schemas.__file__).with_name("compiled.py").read_text("utf-8")
    assert written == schemas.compiled_module(), "run python tools/schema_checks.py"
    from scoring.schemas.compiled import FUNCTIONS

    assert set(FUNCTIONS) == set(schemas.CHECKS)


def test_a_check_not_written_out_is_compiled_when_asked_for():
    """A definition the package does not check on its own is compiled at its first use, and
    answers as jsonschema does."""
    defs = schemas.schema("ruleset")["$defs"]
    name = next(name for name in defs if ("ruleset", name) not in schemas.CHECKS)
    validator = Draft202012Validator({**defs[name], "$defs": defs})
    for value in ({}, [], "x", 1, {"min": 0}, None):
        assert schemas.is_valid("ruleset", value, name) is validator.is_valid(value), value
