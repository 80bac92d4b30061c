"""Units of measure: which spellings are one unit, which units convert, and by what factor.

The table is data — ``units.toml`` beside this module, extended by a rule set's ``[units]``
table of the same shape — not code: families of units with exact factors (``亩 = 2000/3`` m²),
aliases (``平米`` is ``平方米``, ``百分比`` is ``%``) and the multipliers 万 and 亿 that prefix any
unit (``1.1万亩``, ``2.6万人次``). A compound unit converts part by part (``元/平方米``).

A unit outside every family (``个``, ``人次``, ``篇``) equals only itself, times a multiplier.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache


@dataclass(frozen=True)
class Resolved:
    """A unit read against the table: its dimension and its size in that dimension's base.

    ``dimension`` is a family name (``area``), a unit of its own (``人次``), a compound
    (``money/area``), or ``""`` for a bare multiplier (``2.6万``)."""

    dimension: str
    factor: Fraction
    family: str | None = None  # the family of a simple unit, None for a unit of its own


class UnitTable:
    """Families, aliases and multipliers, with lookups cached per table."""

    def __init__(self, data: dict):
        self.multipliers = {k: Fraction(str(v)) for k, v in data.get("multipliers", {}).items()}
        self.aliases = dict(data.get("aliases", {}))
        self.factors: dict[str, tuple[str, Fraction]] = {}
        for family, units in data.get("families", {}).items():
            for unit, factor in units.items():
                self.factors[unit] = (family, Fraction(str(factor)))
        self._resolved: dict[str, Resolved] = {}

    def extended(self, extra: dict) -> UnitTable:
        """This table with a rule set's ``[units]`` added (its entries win)."""
        data = {
            "multipliers": {**self.multipliers, **extra.get("multipliers", {})},
            "aliases": {**self.aliases, **extra.get("aliases", {})},
            "families": {},
        }
        for unit, (family, factor) in self.factors.items():
            data["families"].setdefault(family, {})[unit] = factor
        for family, units in extra.get("families", {}).items():
            data["families"].setdefault(family, {}).update(units)
        return UnitTable(data)

    def canonical(self, unit: str) -> str:
        """The unit's usual spelling: ``百分比`` → ``%``, ``平米`` → ``平方米``, ``KM`` → ``公里``
        (a Latin unit in capitals is the unit)."""
        if unit not in self.aliases and unit not in self.factors and unit.isascii():
            unit = unit.lower() if unit.lower() in self.aliases else unit
        return self.aliases.get(unit, unit)

    def resolve(self, unit: str) -> Resolved:
        """The dimension and factor of a unit as written (already NFKC-normalised)."""
        found = self._resolved.get(unit)
        if found is None:
            found = self._resolved[unit] = self._resolve(unit)
        return found

    def _resolve(self, unit: str) -> Resolved:
        if "/" in unit:
            top, _, bottom = unit.partition("/")
            a, b = self.resolve(top), self.resolve(bottom)
            return Resolved(f"{a.dimension}/{b.dimension}", a.factor / b.factor)
        unit = self.canonical(unit)
        if unit in self.factors:
            family, factor = self.factors[unit]
            return Resolved(family, factor, family)
        for prefix, multiplier in self.multipliers.items():
            if unit.startswith(prefix) and unit != prefix:
                inner = self.resolve(unit[len(prefix) :])
                return Resolved(inner.dimension, multiplier * inner.factor, inner.family)
        if unit in self.multipliers:
            return Resolved("", self.multipliers[unit])
        return Resolved(unit, Fraction(1))

    def multiplied(self, unit: str) -> bool:
        """A unit written with 万 or 亿 in front (万亩, 万人次), not listed as a unit of its own."""
        unit = self.canonical(unit)
        return unit not in self.factors and any(
            unit.startswith(prefix) and unit != prefix for prefix in self.multipliers
        )

    def family(self, unit: str | None) -> str | None:
        return None if unit is None else self.resolve(unit).family

    def convert(self, value: Decimal, unit: str, into: str) -> Decimal | None:
        """``value`` of ``unit`` expressed in ``into``, or None when the two do not convert.

        Exact whenever the result has a finite decimal form (every power-of-ten factor);
        otherwise (亩 to 公顷) to the context's precision of 28 digits."""
        a, b = self.resolve(unit), self.resolve(into)
        if a.dimension != b.dimension:
            return None
        if a.factor == b.factor:
            return value
        return _decimal(Fraction(value) * a.factor / b.factor)

    def same(self, a: str, b: str) -> bool:
        """Two spellings of one unit (``平米`` and ``m2``)."""
        ra, rb = self.resolve(a), self.resolve(b)
        return ra.dimension == rb.dimension and ra.factor == rb.factor


def _decimal(value: Fraction) -> Decimal:
    """A fraction as a Decimal: exact when it terminates within the context's 28 digits."""
    return Decimal(value.numerator) / Decimal(value.denominator)


@cache
def standard() -> UnitTable:
    """The package's table (``units.toml``), read once."""
    import tomllib
    from importlib import resources

    text = resources.files(__package__).joinpath("units.toml").read_text("utf-8")
    return UnitTable(tomllib.loads(text))
