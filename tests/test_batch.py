"""A batch on the command line: written file by file, the same bytes as the whole batch
rendered at once, the same bytes in one process or several, JSON Lines, and orjson's JSON
byte for byte json's.

No test here measures time: what a test can hold is that the output is the same and that each
file is written before the next is read.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from types import SimpleNamespace

import pytest

from scoring.api import score_many
from scoring.inert import _BEYOND_C0, json_text
from scoring.render import Options
from scoring.render import json as json_view
from scoring.testing import case_files, read_case
from tests.conftest import CASES
from tests.test_inert_output import HOSTILE, evaluation

orjson = pytest.importorskip("orjson")


def old_json(items: list) -> bytes:
    """``-f json`` as it was rendered before it streamed: the whole batch at once."""
    payload = items[0] if len(items) == 1 else items
    return (json_text(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n").encode()


def compact_json(item: dict) -> bytes:
    """One object as json writes it without indentation, made inert."""
    return json_text(json.dumps(item, ensure_ascii=False, separators=(",", ":"))).encode()


# --- every payload the tests know: each case's result or error, and hostile texts ------------


def case_entries() -> list:
    """The entry of every case (its result under its first rule set, or its error)."""
    entries = []
    for path in case_files(CASES):
        case, _, data = read_case(path)
        rules = case.get("ruleset", case.get("rules", "mof-2020"))
        rules = rules[0] if isinstance(rules, list) else rules
        if isinstance(rules, str) and rules.endswith(".toml"):
            rules = str(path.parent / rules)
        entries.extend(item.entry for item in score_many([data], rules))
    return entries


def hostile_entries() -> list:
    """Results whose names and reasons hold every hostile text, and a budget in the
    hundred-thousandths of a 万元 (floats orjson writes otherwise than json)."""
    texts = [value[0] for value in HOSTILE.values()]
    sources = [
        evaluation(department=text, project=text, reason=text, indicator=f"指标{text}")
        for text in texts
    ]
    tiny = evaluation()
    tiny["projects"][0]["budget"] = {"planned": "0.0001", "adjusted": "0.0001", "spent": "0.00005"}
    return [item.entry for item in score_many([*sources, tiny])]


@pytest.fixture(scope="module")
def entries() -> list:
    found = case_entries() + hostile_entries()
    assert len(found) > 100 and {type(e).__name__ for e in found} == {"Result", "FileError"}
    return found


@pytest.mark.parametrize("mode", ["score", "check"])
def test_each_entry_is_json_byte_for_byte(entries, mode):
    options = Options(mode=mode)
    written_by_orjson = 0
    for entry in entries:
        data = json_view.entry_data(entry, options)
        expected = json_text(json.dumps(data, ensure_ascii=False, indent=2)).encode()
        assert json_view.encode(data, finite=True) == expected
        assert json_view.encode(data) == expected
        assert json_view.encode(data, compact=True, finite=True) == compact_json(data)
        written_by_orjson += orjson.dumps(data, option=orjson.OPT_INDENT_2) == expected
    assert written_by_orjson > len(entries) * 0.9  # the fast path is the usual one


def test_a_tiny_float_is_written_as_json_writes_it(entries):
    tiny = [e for e in entries if "0.00005" in json.dumps(e.to_dict())]
    assert tiny, "the batch has no float below 1e-4"
    data = tiny[0].to_dict()
    assert b"5e-05" in json_view.encode(data, finite=True)
    assert orjson.dumps(data, option=orjson.OPT_INDENT_2) != json.dumps(data, indent=2).encode()


@pytest.mark.parametrize(
    "payload",
    [
        [],
        {},
        {"a": [], "b": {}, "c": [[], {}], "d": [{"e": []}]},
        {"id": 1, 2: "a key that is not text"},
        {True: 1, None: 2, 1.5: 3},
        [2**64, -(2**63) - 1, 2**63],
        [float("nan"), float("inf"), -float("inf")],
        [1e-05, -5e-09, 1e-4, 0.0001, 1e16, 1e22, 5e-324, -0.0, 0.1 + 0.2, 10.00001],
        ("a", ("b",)),
        {"half": "招商\ud800经费"},
        {"text": '\x00\x1f\x7f\x85\u200b\u202e\u2028\ufeff\U000e0041 \\ " / é'},
        {"texts": list(HOSTILE.values())},
        [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
        {"text": "1e-5 0.00001 not numbers"},
    ],
    ids=lambda p: repr(p)[:30],
)
def test_any_payload_is_json_byte_for_byte(payload):
    """Where orjson would write otherwise or refuse, json writes."""
    expected = json_text(json.dumps(payload, ensure_ascii=False, indent=2)).encode()
    assert json_view.encode(payload) == expected
    assert json_view.dumps(payload) == expected.decode() + "\n"
    compact = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    assert json_view.encode(payload, compact=True) == json_text(compact).encode()


def test_subclasses_and_other_types_are_json_s():
    class Text(str):
        pass

    class Number(int):
        pass

    payload = {"text": Text("文本"), "number": Number(3), "list": [Text("x")]}
    assert (
        json_view.dumps(payload)
        == json_text(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"
    )
    with pytest.raises(TypeError):
        json_view.dumps({"value": Decimal("1.5")})
    with pytest.raises(TypeError):
        json_view.dumps({"value": SimpleNamespace()})


def test_random_floats_are_written_as_json_writes_them():
    generator = random.Random(2023)
    floats = [generator.uniform(-1, 1) * 10 ** generator.randint(-12, 20) for _ in range(20000)]
    floats += [
        float(Decimal(generator.randint(1, 10**6)) / 10 ** generator.randint(0, 12))
        for _ in range(20000)
    ]
    for value in floats:
        expected = json.dumps({"value": value}, indent=2).encode()
        assert json_view.encode({"value": value}, finite=True) == expected, value


def test_the_escaped_characters_are_those_of_json_text():
    """The bytes looked for are the UTF-8 forms of exactly what json_text escapes."""
    sequences, leads = json_view._escaped_sequences()
    expected = {
        chr(point).encode()
        for point in range(0x110000)
        if not 0xD800 <= point <= 0xDFFF and _BEYOND_C0.fullmatch(chr(point))
    }
    assert sequences == expected
    assert {(s[:1], len(s)) for s in sequences} == set(leads)
    for sequence in list(sequences)[::7]:
        text = f"前{sequence.decode()}后"
        assert not json_view._inert(text.encode())
        assert (
            json_view.encode({"t": text})
            == json_text(json.dumps({"t": text}, ensure_ascii=False, indent=2)).encode()
        )
    assert json_view._inert("“全年”（万元）·≥95%，—…".encode())
