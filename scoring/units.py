"""Units of measure: which spellings are one unit, which units convert, and by what factor.

The table is data — ``units.toml`` beside this module, extended by a rule set's ``[units]``
table of the same shape — not code: families of units with exact factors (``亩 = 2000/3`` m²),
aliases (``平米`` is ``平方米``, ``百分比`` is ``%``) and the multipliers (万, 亿, 百, 千, 十万, 百万,
千万) that prefix any unit not listed under its own name (``1.1万亩``, ``2.6万人次``). A compound unit converts part by part (``元/平方米``).

A unit outside every family (``个``, ``人次``, ``篇``) equals only itself, times a multiplier.

A rule set's table can make a unit read as itself times a multiplier, without end (an alias
``元 = "万元"``, a multiplier named ``""``): :meth:`UnitTable.problem` names the entry, and
resolving such a unit raises :class:`UnitLoop` instead of recursing until Python gives up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction
from functools import cache

from .frozen import record
from .i18n import _
from .limits import MAX_DEPTH


class UnitLoop(ValueError):
    """A unit that the table reads as itself times a multiplier, or through more than
    MAX_DEPTH compounds inside one another (元/平方米 is one; the standard table needs 2)."""

    def __init__(self, unit: str):
        super().__init__(_("the unit {unit} never resolves").format(unit=repr(unit)))
        self.unit = unit


@record
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
        return self._lookup(unit, ())

    def _lookup(self, unit: str, within: tuple[str, ...]) -> Resolved:
        """``unit`` resolved while resolving the units ``within`` (to see a loop)."""
        found = self._resolved.get(unit)
        if found is None:
            if unit in within or len(within) >= MAX_DEPTH:
                raise UnitLoop(unit)
            found = self._resolved[unit] = self._resolve(unit, (*within, unit))
        return found

    def _resolve(self, unit: str, within: tuple[str, ...]) -> Resolved:
        if "/" in unit:
            top, _, bottom = unit.partition("/")
            a, b = self._lookup(top, within), self._lookup(bottom, within)
            return Resolved(f"{a.dimension}/{b.dimension}", a.factor / b.factor)
        factor, seen = Fraction(1), set()
        # Multipliers come off in a loop, each unit met once: 万万元 is 万 × 万 × 元.
        while unit not in seen:
            seen.add(unit)
            unit = self.canonical(unit)
            if unit in self.factors:
                family, own = self.factors[unit]
                return Resolved(family, factor * own, family)
            prefix = next((p for p in self.multipliers if unit.startswith(p) and unit != p), None)
            if prefix is None:
                break
            factor, unit = factor * self.multipliers[prefix], unit[len(prefix) :]
            if "/" in unit:
                inner = self._lookup(unit, within)
                return Resolved(inner.dimension, factor * inner.factor, inner.family)
        else:
            raise UnitLoop(unit)
        if unit in self.multipliers:
            return Resolved("", factor * self.multipliers[unit])
        return Resolved(unit, factor)

    def problem(self) -> tuple[str, str, str] | None:
        """The first entry of the table that makes a unit resolve without end, as (key path,
        message, what to do); None when every unit resolves."""
        if "" in self.multipliers:
            return (
                "units.multipliers",
                _('a multiplier named "" would multiply every unit by itself'),
                _('remove it, or give it the prefix it stands for (e.g. "万")'),
            )
        for table, names in (("aliases", self.aliases), ("multipliers", self.multipliers)):
            for name in names:
                try:
                    self.resolve(name)
                except UnitLoop:
                    return (
                        f"units.{table}.{name}",
                        _(
                            "「{name}」 never resolves: it leads back to itself through 万 or 亿, "
                            "or through more than {depth} units inside one another"
                        ).format(name=name, depth=MAX_DEPTH),
                        _("name the unit an alias stands for, not one written with the alias"),
                    )
        return None

    def multiplied(self, unit: str) -> bool:
        """A unit written with a multiplier in front (万亩, 万人次, 千人), not listed as a unit of its own."""
        unit = self.canonical(unit)
        return unit not in self.factors and any(
            unit.startswith(prefix) and unit != prefix for prefix in self.multipliers
        )

    def family(self, unit: str | None) -> str | None:
        return None if unit is None else self.resolve(unit).family

    def convert(self, value: Decimal, unit: str, into: str) -> Decimal | None:
        """``value`` of ``unit`` expressed in ``into``, or None when the two do not convert.

        Exact whenever the result has a finite decimal form (every power-of-ten factor);
        otherwise (亩 to 公顷) to 28 digits, whatever the caller's decimal context."""
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


# The arithmetic's own context (the engine's, and Python's default): what a unit converts to
# does not depend on the caller's decimal context, and can be read once and kept.
_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)


def _decimal(value: Fraction) -> Decimal:
    """A fraction as a Decimal: exact when it terminates within 28 digits."""
    return _CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


@cache
def standard() -> UnitTable:
    """The package's table (``units.toml``), read once."""
    import tomllib
    from pathlib import Path

    text = Path(__file__).with_name("units.toml").read_text("utf-8")  # beside it, as schemas
    return UnitTable(tomllib.loads(text))
