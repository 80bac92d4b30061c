"""Records (:func:`scoring.frozen.record`) behave as the frozen dataclasses they stand for:
the same fields, parameters, constructor, equality, hashing, ``repr``, errors and copies."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from decimal import Decimal

import pytest

from scoring.frozen import record
from scoring.model import Evaluation
from scoring.result import Finding, IndicatorResult


@record(kw_only=True)
class Row:
    """A record of the test, keyword-only, with a default and a field left out of comparison."""

    name: str
    score: Decimal
    note: str = ""
    seen: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)


@dataclasses.dataclass(frozen=True, kw_only=True)
class PlainRow:
    """The same fields as ``Row``, as dataclasses makes them."""

    name: str
    score: Decimal
    note: str = ""
    seen: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)


def test_a_record_is_the_frozen_dataclass_it_stands_for():
    row = Row(name="a", score=Decimal("1.50"))
    plain = PlainRow(name="a", score=Decimal("1.50"))
    assert dataclasses.is_dataclass(Row)
    assert repr(row).replace("Row", "PlainRow", 1) == repr(plain)
    assert repr(Row.__dataclass_params__) == repr(PlainRow.__dataclass_params__)
    assert Row.__match_args__ == PlainRow.__match_args__
    assert [(f.name, f.default, f.compare, f.kw_only) for f in dataclasses.fields(Row)] == [
        (f.name, f.default, f.compare, f.kw_only) for f in dataclasses.fields(PlainRow)
    ]
    assert [p.name for p in inspect.signature(Row).parameters.values()] == [
        p.name for p in inspect.signature(PlainRow).parameters.values()
    ]
    with pytest.raises(TypeError):
        Row("a", Decimal(1))  # keyword-only, as the dataclass


def test_equality_and_hashing_follow_the_compared_fields():
    row = Row(name="a", score=Decimal(1), seen={"x": 1})
    same = Row(name="a", score=Decimal("1.0"))
    assert row == same and hash(row) == hash(same)
    assert row != Row(name="a", score=Decimal(2))
    assert row != PlainRow(name="a", score=Decimal(1))  # another class is never equal
    assert hash(row) == hash(PlainRow(name="a", score=Decimal(1)))  # the same tuple hashed
    assert len({row, same}) == 1


def test_a_record_is_frozen_copied_and_pickled_as_a_dataclass():
    row = Row(name="a", score=Decimal(1))
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'name'"):
        row.name = "b"
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'note'"):
        del row.note
    assert dataclasses.replace(row, name="b") == Row(name="b", score=Decimal(1))
    assert pickle.loads(pickle.dumps(row)) == row
    assert Row(name="a", score=Decimal(1)).seen is not row.seen  # a new dict each time
    assert vars(row) == {"name": "a", "score": Decimal(1), "note": "", "seen": {}}


def test_the_package_records_keep_their_constructors():
    finding = Finding("code", "error", "where", "message")
    assert finding == Finding(code="code", severity="error", where="where", message="message")
    assert repr(finding) == (
        "Finding(code='code', severity='error', where='where', message='message', cell=None)"
    )
    assert "department" in inspect.signature(Evaluation).parameters
    with pytest.raises(TypeError):
        IndicatorResult("level1")  # keyword-only
