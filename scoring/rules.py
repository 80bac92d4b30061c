"""Rule sets compiled: a resolved rule set checked for what scoring needs, and its typed form.

:mod:`scoring.catalog` finds a rule set and resolves its ``extends``; here the merged data is
checked (every required key, tier bands that cover [0, 1] once, grades in order, categories
that add up) and becomes a :class:`RuleSet`, with the file that set each key and the SHA-256
of the whole, so that a score can be reproduced.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cached_property, lru_cache
from typing import TypeVar

from .errors import RulesetError, did_you_mean
from .frozen import record
from .i18n import _
from .values import GE, LE, OPS, format_decimal, quoted, text_key, without_notes

ROUNDING_MODES = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN, "down": ROUND_DOWN}
REQUIRED_SECTIONS = (
    "ruleset",
    "rounding",
    "grades",
    "execution",
    "weights",
    "quantitative",
    "qualitative",
    "not_applicable",
    "department",
    "judgement",
    "reverse_indicators",
    "deadlines",
)
# Keys of [weights] that are not categories.
WEIGHT_SETTINGS = ("total", "missing", "over_total")
# How many readings of names and words, and derived values, a rule set remembers; and the
# longest text whose reading it keeps (a tier word or an indicator's name is far shorter, and
# 4,096 long texts kept would be memory a batch does not give back).
REMEMBERED = 4096
REMEMBERED_TEXT = 200
T = TypeVar("T")


class ReadOnly(TypeError):
    """Raised on any change to a compiled rule set: one rule set is shared by every score of a
    process (and its SHA-256 names it), so a change would alter later scores unseen."""


def _read_only(self, *args, **kwargs):
    raise ReadOnly(
        _("a compiled rule set cannot be changed ({type})").format(type=type(self).__name__)
    )


class FrozenDict(dict):
    """A dict that refuses every change, yet is a dict: JSON, ``isinstance`` and ``{**d}`` work
    on it as on the table it was read from."""

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self):  # copied and pickled by its items, never item by item
        return (FrozenDict, (dict(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return id(self)


class FrozenList(list):
    """A list that refuses every change (see :class:`FrozenDict`)."""

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _read_only
    append = clear = extend = insert = pop = remove = reverse = sort = _read_only

    def __reduce__(self):
        return (FrozenList, (list(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return id(self)


NO_PARAMS = FrozenDict()  # a method's parameters where the rule set gives none


def frozen(value):
    """``value`` with every dict and list in it, at any depth, made read-only."""
    if isinstance(value, dict):
        return FrozenDict({key: frozen(inner) for key, inner in value.items()})
    if isinstance(value, list):
        return FrozenList(frozen(inner) for inner in value)
    return value


@record
class Tier:
    """A tier of qualitative (定性) scoring: its name and aliases, its band of rates and the
    rate it gives by default."""

    name: str
    aliases: tuple[str, ...]
    min: Decimal
    max: Decimal
    default: Decimal


@record
class Override:
    """An ``[[overrides]]`` entry: the rows it matches, the method and parameters it gives."""

    match: dict
    method: str
    params: dict
    index: int = 0  # its place in [[overrides]], for messages


@dataclass(frozen=True, eq=False)
class RuleSet:
    """A resolved rule set. ``data`` is the merged TOML; the fields are its typed reading."""

    id: str
    title: str
    version: str
    basis: tuple[str, ...]
    source: str
    data: dict = field(repr=False)
    origins: dict = field(repr=False)  # dotted key → file that set it
    sha256: str = ""

    # --- typed views, computed once --------------------------------------------------------
    @cached_property
    def decimals(self) -> int:
        return int(self.data["rounding"]["decimals"])

    @cached_property
    def _rounding(self) -> str:
        return ROUNDING_MODES[self.data["rounding"]["mode"]]

    @cached_property
    def _mode(self) -> str:
        return str(self.data["rounding"]["mode"])

    def round(self, value: Decimal | Fraction) -> Decimal:
        """A reported score: the rule set's decimals and rounding mode, applied once to an exact
        value (a Fraction keeps 21 × 5.39 / 42 = 2.695 exact, so it rounds to 2.70)."""
        # Decimal first: isinstance(decimal, Fraction) is an abstract-class check, and slow
        if isinstance(value, Decimal):
            return value.quantize(self.quantum, rounding=self._rounding)
        return round_ratio(value.numerator, value.denominator, self.decimals, self._mode)

    def round_product(self, a: Decimal | Fraction, b: Decimal | Fraction) -> Decimal:
        """``round(a × b)`` from the exact product, rounded once. Called for every row, so the
        product is rounded from the factors' integers as they come, without a Fraction (whose
        normalising would cost more than the rest)."""
        a_numerator, a_denominator = a.as_integer_ratio()
        b_numerator, b_denominator = b.as_integer_ratio()
        return round_ratio(
            a_numerator * b_numerator, a_denominator * b_denominator, self.decimals, self._mode
        )

    @cached_property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.decimals)

    @cached_property
    def grades(self) -> tuple[tuple[str, Decimal], ...]:
        """Grade names with their lower bounds, highest first."""
        bounds = ((name, grade_bound(entry)) for name, entry in self.data["grades"].items())
        return tuple(sorted(bounds, key=lambda item: -item[1]))

    @cached_property
    def grade_aliases(self) -> dict[str, str]:
        """The grade each alias of ``[grades]`` names, by the alias's :func:`text_key`
        (``优秀`` → ``优`` under mof-2020)."""
        return FrozenDict(grade_aliases(self.data["grades"]))

    def names_grade(self, filed: str, grade: str) -> bool:
        """Whether a filed grade word is ``grade``: see :func:`scoring.words.names_grade`."""
        from .words import names_grade

        return names_grade(filed, grade, self.grade_aliases)

    def grade(self, score: Decimal) -> str:
        for name, bound in self.grades:
            if score >= bound:
                return name
        return self.grades[-1][0]

    @cached_property
    def total(self) -> Decimal:
        return self.data["weights"]["total"]

    @cached_property
    def categories(self) -> dict[str, Decimal]:
        """Default 一级指标 weights, in the rule set's order."""
        return FrozenDict(
            {k: v for k, v in self.data["weights"].items() if k not in WEIGHT_SETTINGS}
        )

    @cached_property
    def level2(self) -> dict[str, list[str]]:
        """The 二级指标 of each 一级指标 (``[level2]``), offered by the template's drop-downs."""
        return self.data.get("level2", FrozenDict())

    @cached_property
    def missing(self) -> dict[str, list[str]]:
        return self.data["weights"].get("missing", FrozenDict())

    @cached_property
    def execution(self) -> dict:
        return self.data["execution"]

    @cached_property
    def quantitative(self) -> dict:
        return self.data["quantitative"]

    @cached_property
    def tiers(self) -> tuple[Tier, ...]:
        return tuple(
            Tier(t["name"], tuple(t.get("aliases", ())), t["min"], t["max"], t["default"])
            for t in self.data["qualitative"]["tiers"]
        )

    @cached_property
    def same_as_target(self) -> str:
        return self.data["qualitative"]["same_as_target"]

    @cached_property
    def words(self):
        """The qualitative vocabulary (:class:`scoring.words.Words`)."""
        from .words import Words

        return Words(self.data["qualitative"])

    @cached_property
    def units(self):
        """The standard unit table with this rule set's ``[units]`` added."""
        from .units import standard

        extra = self.data.get("units")
        return standard().extended(extra) if extra else standard()

    @cached_property
    def _memo(self) -> dict:
        return {}

    def remember(self, key: Hashable, make: Callable[[], T]) -> T:
        """What a later stage derives from this rule set alone — the default weights of a set
        of categories, a threshold as the text says it — made once and kept with the rule set.
        ``key`` names it (a tuple whose first item is the caller's name); the value must not be
        changed. At most :data:`REMEMBERED` are kept, so memory stays flat in a long batch."""
        memo = self._memo
        try:
            return memo[key]
        except KeyError:
            value = make()
            if len(memo) < REMEMBERED:  # two threads may both make it: the same value
                memo[key] = value
            return value

    # A batch's rows repeat the same few names and answers: what the rule set reads in them
    # is remembered per rule set, up to this many each (a bounded cache, so memory stays flat).
    @cached_property
    def _read_words(self):
        return lru_cache(maxsize=REMEMBERED)(self.words.read)

    def read_words(self, actual: str, target: str | None):
        """The tier ``actual`` names against ``target`` (:meth:`scoring.words.Words.read`:
        a :class:`~scoring.words.Reading`, or None)."""
        if len(actual) + len(target or "") > REMEMBERED_TEXT:
            return self.words.read(actual, target)
        return self._read_words(actual, target)

    @cached_property
    def _rate_names(self) -> re.Pattern[str] | None:
        words = self.quantitative.get("rate_names", ())
        return re.compile("|".join(map(re.escape, words))) if words else None

    def names_a_rate(self, name: str) -> bool:
        """Whether a row's 三级指标 has a word of ``quantitative.rate_names`` in it."""
        pattern = self._rate_names
        return pattern is not None and pattern.search(name) is not None

    @cached_property
    def _direction(self):
        return lru_cache(maxsize=REMEMBERED)(self._find_direction)

    def reverse_word(self, name: str, level1: str = "", level2: str = "") -> str | None:
        """What marks a row as a limit: a word of ``reverse_indicators.names`` in its 三级指标,
        or its 二级/一级指标 among ``levels`` (see :meth:`direction`); None when nothing does."""
        found = self.direction(name, level1, level2)
        return found[0] if found is not None and found[1] == LE else None

    def direction(self, name: str, level1: str = "", level2: str = "") -> tuple[str, str] | None:
        """What decides whether a row is a limit, as ``(word, "≤")`` or ``(word, "≥")``; None
        when nothing in its name or levels says (the rule set's default op then decides, a
        guess). Of the words of ``reverse_indicators.names`` (limits) and ``except`` (rates
        where more is better) in the 三级指标, the one ending nearest its end decides, the
        longer of two ending together (违规问题整改到位率: 到位率, ≥; 整改后投诉率: 投诉, ≤); a
        word of ``except`` negated — right after a word of ``except_negations``, or after one
        and a word of ``except_manners`` — is a limit when the name measures it (ends with it,
        or with a rate of it: 不达标率, 未办结率, 未按时完成率, 投诉不及时回复率), and no word
        at all before another measure (不满意问题改进率). A name counting what is done about a
        harm (整改违规问题数) is ≥ by its first word. A note in brackets is not read. Without a
        word, a 二级/一级指标 among ``levels`` is a limit (成本指标); a name with a word of
        ``except`` and none of ``names`` is no limit, whatever its level (资金拨付率 under
        成本指标)."""
        if len(name) + len(level1) + len(level2) > REMEMBERED_TEXT:
            return self._find_direction(name, level1, level2)
        return self._direction(name, level1, level2)

    def _find_direction(self, name: str, level1: str, level2: str) -> tuple[str, str] | None:
        rule = self.data["reverse_indicators"]
        # a note in brackets is no part of what the name measures (合格率（不发生质量事故）)
        text = without_notes(name) or _looked_at(name)
        negations = tuple(rule.get("except_negations", ()))
        manners = tuple(rule.get("except_manners", ()))
        words = [(word, LE) for word in rule["names"]]
        for word in rule.get("except", ()):
            start = text.rfind(word)
            if start < 0:
                continue
            negation = _negation(text[:start], negations, manners)
            if not negation:
                words.append((word, GE))
            elif _measures_it(text[start + len(word) :]):  # 未按时完成率, 未整改问题数
                words.append((negation + word, LE))
            # negated before another measure (不满意问题改进率): neither
        last = _last_word(text, words)
        if last is not None and last[1] == LE and _done_about(text, last[0], words):
            # 整改违规问题数: what is done about the harm, counted; its first ≥ word decides
            return min(
                ((word, GE) for word, reading in words if reading == GE and word in text),
                key=lambda found: text.find(found[0]),
            )
        if last is not None:  # the word nearest the end decides: 事故隐患排查率 is a rate of checks
            return last
        levels = rule.get("levels", ())
        return next(((level, LE) for level in (level2, level1) if level in levels), None)

    def duration_reading(
        self, name: str, level1: str = "", level2: str = ""
    ) -> tuple[str | None, str | None]:
        """How a row whose target is a time written without a sign is read, by the words of
        ``reverse_indicators`` in its 三级指标 (the order is the rule set's, mof-2020 says why):
        ``("≤", phrase)`` for a phrase of ``duration_limit_phrases`` (审批时间缩短至);
        ``("≥", word)`` for a word of ``duration_except`` (提前, 缩短, 不少于: a time saved or a
        floor); else, of the words of ``names`` and ``durations`` (≤) and ``duration_floors``
        (≥), the one ending nearest the end of the name, the longer of two ending together
        (保修期内故障响应时间: 响应时间, ≤; 设备保修期: 保修, ≥) — a kept-time word right after
        a word of ``duration_stops`` — a word of ``duration_stoppable``, a time something runs —
        is a limit (停止供电时间, not 无中断运行时间); else ``("≤", level)`` for a
        二级/一级指标 among ``levels`` (成本指标); ``(None, level)`` for one among
        ``duration_levels`` (时效指标: the caller asks for a sign); ``(None, None)`` otherwise
        (the default op). The words of ``except`` name rates and counts (整改到位率) and are not
        asked of a time: 整改时限 | 30天 is a limit."""
        rule = self.data["reverse_indicators"]
        looked_at = _looked_at(name)
        phrase = next((p for p in rule.get("duration_limit_phrases", ()) if p in looked_at), None)
        if phrase is not None:
            return LE, phrase
        saved = next(
            (word for word in rule.get("duration_except", ()) if _saved(word, looked_at)), None
        )
        if saved is not None:
            return GE, saved
        last = _last_word(
            looked_at,
            [(word, LE) for word in (*rule["names"], *rule.get("durations", ()))]
            + [(word, GE) for word in rule.get("duration_floors", ())],
        )
        if last is not None and last[0] in rule.get("duration_stoppable", ()):
            stop = _stopped(looked_at[: looked_at.rfind(last[0])], rule.get("duration_stops", ()))
            if stop is not None:  # 停止供电时间: a time something runs, stopped: a limit
                return LE, stop + last[0]
        if last is not None:
            return last[1], last[0]
        level = next((lv for lv in (level2, level1) if lv in rule.get("levels", ())), None)
        if level is not None:
            return LE, level
        asked = rule.get("duration_levels", ())
        return None, next((level for level in (level2, level1) if level in asked), None)

    @cached_property
    def over_achievement(self) -> dict | None:
        return self.data.get("over_achievement")

    @cached_property
    def not_applicable(self) -> str:
        return self.data["not_applicable"]["mode"]

    @cached_property
    def caps(self) -> list[dict]:
        return self.data.get("caps", FrozenList())

    @cached_property
    def checks(self) -> dict:
        return self.data.get("checks", FrozenDict())

    @cached_property
    def department_method(self) -> str:
        return self.data["department"]["method"]

    @cached_property
    def overrides(self) -> tuple[Override, ...]:
        return tuple(
            Override(o["match"], o["method"], o.get("params", FrozenDict()), i)
            for i, o in enumerate(self.data.get("overrides", []))
        )

    def params(self, method: str) -> dict:
        """The rule set's table for a method (``[methods.NAME]``), empty when it has none."""
        return self._methods.get(method, NO_PARAMS)

    @cached_property
    def _methods(self) -> dict:
        return self.data.get("methods", NO_PARAMS)

    def methods_used(self) -> dict[str, str]:
        """Every method name the rule set asks for, with the key that asks for it."""
        used = {"tiers": "qualitative"}
        used[self.execution["method"]] = "execution.method"
        for op in OPS:
            if op in self.quantitative:
                used.setdefault(self.quantitative[op], f"quantitative.{op}")
        for i, override in enumerate(self.overrides):
            used.setdefault(override.method, f"overrides[{i}].method")
        return used


def fingerprint(data: dict) -> str:
    """SHA-256 of the resolved rule set in a canonical JSON form."""
    # 10 and 10.0 are one number: hash its canonical text, not how the file spelt it
    text = json.dumps(
        data,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=lambda value: format_decimal(value) if isinstance(value, Decimal) else str(value),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _exact(value):
    """Every number of a rule set as a Decimal, whether TOML wrote it as 10 or 10.0."""
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_exact(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, float):  # a rule set given as a dict through the API
        return Decimal(repr(value))
    return value


def compile_ruleset(data: dict, origins: dict, source: str) -> RuleSet:
    """Check that the resolved data can score, and give it its typed form."""
    data = _exact(data)
    if "ruleset" in data:  # the identity comes first, as in a rule-set file
        data = {"ruleset": data["ruleset"], **data}
    _check_complete(data, source)
    _check_consistent(data, source)
    _check_methods(data, source)
    _check_tier_words(data["qualitative"]["tiers"], source)
    _check_units(data.get("units", {}), source)
    meta = data["ruleset"]
    return RuleSet(
        id=meta["id"],
        title=meta.get("title", meta["id"]),
        version=meta.get("version", ""),
        basis=tuple(meta.get("basis", ())),
        source=source,
        data=frozen(data),
        origins=frozen(origins),
        sha256=fingerprint(data),
    )


_REQUIRED_KEYS = {
    "ruleset": ("id",),
    "rounding": ("decimals", "mode"),
    "execution": ("weight", "denominator", "method"),
    "weights": ("total", "over_total"),
    "quantitative": ("default_op", "≥", ">", "≤", "<", "=", "negative_actual"),
    "qualitative": ("same_as_target", "tiers"),
    "judgement": ("no_formula_tiers", "no_formula_default"),
    "reverse_indicators": ("infer", "names"),
    "deadlines": ("late",),
    "not_applicable": ("mode",),
    "department": ("method",),
}


def _check_complete(data: dict, source: str) -> None:
    for section in REQUIRED_SECTIONS:
        if section not in data:
            raise RulesetError(
                _("missing section `[{section}]`").format(section=section),
                section,
                _('add it, or `extends = "mof-2020"` to take the national rules'),
                file=source,
                code="ruleset-incomplete",
            )
        for key in _REQUIRED_KEYS.get(section, ()):
            if key not in data[section]:
                raise RulesetError(
                    _("missing key `{key}`").format(key=key),
                    f"{section}.{key}",
                    _("add it, or extend a rule set that has it"),
                    file=source,
                    code="ruleset-incomplete",
                )
    over = data.get("over_achievement")
    if over is not None:
        for key in ("ratio", "action"):
            if key not in over:
                raise RulesetError(
                    _("missing key `{key}`").format(key=key),
                    f"over_achievement.{key}",
                    file=source,
                    code="ruleset-incomplete",
                )
        if over["action"] == "deduct" and "points" not in over:
            raise RulesetError(
                _('`action = "deduct"` needs `points`'),
                "over_achievement.points",
                _("say how many points are taken off"),
                file=source,
                code="ruleset-incomplete",
            )


def _check_consistent(data: dict, source: str) -> None:
    """What a schema cannot say: tiers inside their bands, categories that exist."""
    tiers = data["qualitative"]["tiers"]
    names = [t["name"] for t in tiers]
    for i, tier in enumerate(tiers):
        where = f"qualitative.tiers[{i}]"
        if not tier["min"] <= tier["default"] <= tier["max"]:
            raise RulesetError(
                _("tier {name}: default {default} is outside [{min}, {max}]").format(
                    name=quoted(tier["name"]),
                    default=tier["default"],
                    min=tier["min"],
                    max=tier["max"],
                ),
                where,
                file=source,
                code="ruleset-invalid",
            )
    if data["qualitative"]["same_as_target"] not in names:
        raise RulesetError(
            _("same_as_target {name} is not a tier").format(
                name=quoted(data["qualitative"]["same_as_target"])
            ),
            "qualitative.same_as_target",
            did_you_mean(data["qualitative"]["same_as_target"], names)
            or _("tiers: {names}").format(names=", ".join(names)),
            file=source,
        )
    _check_tier_bands(tiers, source)
    for key, named in (
        ("deadlines.late", [data["deadlines"]["late"]]),
        ("judgement.no_formula_tiers", data["judgement"]["no_formula_tiers"]),
    ):
        for name in named:
            if name not in names:
                raise RulesetError(
                    _("{name} is not a tier").format(name=quoted(name)),
                    key,
                    did_you_mean(name, names) or _("tiers: {names}").format(names=", ".join(names)),
                    file=source,
                )
    _check_grades(data["grades"], source, data["weights"]["total"])
    _check_caps(data.get("caps", ()), source, data["weights"]["total"])
    categories = [k for k in data["weights"] if k not in WEIGHT_SETTINGS]
    execution = data["execution"]["weight"]
    weights_sum = execution + sum((data["weights"][c] for c in categories), Decimal(0))
    if categories and weights_sum != data["weights"]["total"]:
        raise RulesetError(
            _(
                "the default weights do not add up: execution {execution} + {categories} = "
                "{sum}, not total = {total}"
            ).format(
                execution=execution,
                categories=" + ".join(f"{c} {data['weights'][c]}" for c in categories),
                sum=weights_sum,
                total=data["weights"]["total"],
            ),
            "weights",
            _("change a weight or `total` so that they agree"),
            file=source,
            code="ruleset-weights",
        )
    for lacking, receivers in data["weights"].get("missing", {}).items():
        for name in (lacking, *receivers):
            if name not in categories:
                raise RulesetError(
                    _("`{name}` is not a weighted category").format(name=name),
                    f"weights.missing.{lacking}",
                    did_you_mean(name, categories),
                    file=source,
                )


def round_ratio(numerator: int, denominator: int, decimals: int, mode: str) -> Decimal:
    """``numerator / denominator`` (a denominator above 0, not necessarily in lowest terms)
    rounded once to ``decimals`` places: half-up (away from zero), half-even or down (toward
    zero), by integer arithmetic."""
    whole, rest = divmod(abs(numerator) * 10**decimals, denominator)
    twice = 2 * rest
    if mode != "down" and (
        twice > denominator or (twice == denominator and (mode == "half-up" or whole % 2))
    ):
        whole += 1
    return Decimal(-whole if numerator < 0 else whole).scaleb(-decimals)


def _check_tier_bands(tiers: list[dict], source: str) -> None:
    """The qualitative bands must cover [0, 1] once: no overlap, no gap."""
    ordered = sorted(enumerate(tiers), key=lambda item: item[1]["min"])
    for i, tier in ordered:
        if tier["min"] >= tier["max"]:
            raise RulesetError(
                _("tier {name}: min {min} is not below max {max}").format(
                    name=quoted(tier["name"]), min=tier["min"], max=tier["max"]
                ),
                f"qualitative.tiers[{i}]",
                file=source,
            )
    if ordered[0][1]["min"] != 0 or ordered[-1][1]["max"] != 1:
        raise RulesetError(
            _("the tiers must cover the whole weight, from 0 to 1"),
            "qualitative.tiers",
            _("start the lowest tier at min = 0 and end the highest at max = 1"),
            file=source,
        )
    for (_i, low), (j, high) in itertools.pairwise(ordered):
        if low["max"] != high["min"]:
            message = (
                _("tiers {low} (up to {max}) and {high} (from {min}) overlap")
                if low["max"] > high["min"]
                else _("tiers {low} (up to {max}) and {high} (from {min}) leave a gap")
            )
            raise RulesetError(
                message.format(
                    low=quoted(low["name"]),
                    max=low["max"],
                    high=quoted(high["name"]),
                    min=high["min"],
                ),
                f"qualitative.tiers[{j}].min",
                _("make each tier start where the one below ends"),
                file=source,
            )


def _check_caps(caps: list[dict], source: str, total) -> None:
    """A cap's ``execution_below`` is a rate (0.9 for 90%), and its ``max_score`` at most the
    total: a cap below 90 written as 90 would cap every project, however well spent, and one
    above the total caps none."""
    for i, cap in enumerate(caps):
        below = cap["execution_below"]
        if not 0 < below <= 1:
            what = (
                _(
                    "execution_below = {value} is not a rate: every execution rate is below it, "
                    "so every project would be capped"
                )
                if below > 1
                else _(
                    "execution_below = {value}: no execution rate is below it, so the cap never "
                    "applies"
                )
            )
            raise RulesetError(
                what.format(value=format_decimal(below)),
                f"caps[{i}].execution_below",
                _("write the rate as a fraction: 0.9 for 90%"),
                file=source,
            )
        if cap["max_score"] >= total:
            raise RulesetError(
                _("max_score = {value} is not below the total {total}: it caps nothing").format(
                    value=format_decimal(cap["max_score"]), total=total
                ),
                f"caps[{i}].max_score",
                _(
                    "give the highest score a project under the cap may have, at most {total}"
                ).format(total=total),
                file=source,
            )


def grade_bound(entry) -> Decimal:
    """A grade's lower bound: ``"优" = 90``, or ``"优" = { min = 90, aliases = ["优秀"] }``."""
    return entry["min"] if isinstance(entry, dict) else entry


def grade_aliases(grades) -> dict[str, str]:
    """The grade each alias in ``[grades]`` names, by the alias's :func:`text_key`."""
    return {
        text_key(alias): name
        for name, entry in grades.items()
        if isinstance(entry, dict)
        for alias in entry.get("aliases", ())
    }


def _check_grades(grades: dict, source: str, total) -> None:
    """Grades are listed best first, with falling bounds, the first reachable by a score on
    ``total`` (weights.total, 100), the last by any score; each word — a grade's name or one of
    its aliases — names one grade, or a filed grade would be read as whichever came first."""
    _check_grade_words(grades, source)
    grades = {name: grade_bound(entry) for name, entry in grades.items()}
    bounds = list(grades.values())
    names = list(grades)
    for (name, bound), (next_name, next_bound) in zip(grades.items(), list(grades.items())[1:]):
        if next_bound >= bound:
            raise RulesetError(
                _("grades out of order: {next} = {next_bound} comes after {name} = {bound}").format(
                    next=quoted(next_name), next_bound=next_bound, name=quoted(name), bound=bound
                ),
                f"grades.{next_name}",
                _("list the grades from the best down, bounds falling"),
                file=source,
            )
    if bounds[0] > total:
        raise RulesetError(
            _("the grade {name} starts at {bound}, above {full}: no score reaches it").format(
                name=quoted(names[0]), bound=bounds[0], full=total
            ),
            f"grades.{names[0]}",
            _("scores are on {full}: give the best grade a bound of at most {full}").format(
                full=total
            ),
            file=source,
        )
    if bounds[-1] != 0:
        raise RulesetError(
            _("the lowest grade {name} starts at {bound}, so lower scores have no grade").format(
                name=quoted(names[-1]), bound=bounds[-1]
            ),
            f"grades.{names[-1]}",
            _("give the lowest grade the bound 0"),
            file=source,
        )


# --- what would fail only when a row is scored ---------------------------------------------


def bands_example() -> str:
    """The hint for a ``bands`` method without its bands: an example to copy."""
    return _("add e.g. bands = [{ min = 0.95, rate = 1.0 }, { min = 0, rate = 0.5 }]")


def _method_uses(data: dict):
    """Each place the rule set gives a built-in method its parameters: (method, the key that
    names it, the key of its parameters, the parameters)."""
    execution = data["execution"]
    yield execution["method"], "execution.method", ("execution",), execution
    for op in OPS:
        method = data["quantitative"][op]
        params = data.get("methods", {}).get(method, {})
        yield method, f"quantitative.{op}", ("methods", method), params
    for i, override in enumerate(data.get("overrides", [])):
        params = override.get("params", {})
        yield override["method"], f"overrides[{i}].method", ("overrides", i, "params"), params


def _check_methods(data: dict, source: str) -> None:
    """Every use of a built-in method can score: ``tiers`` is never given numbers, and
    ``bands`` always has its steps — without them every row it scores would get 0."""
    for method, named_at, at, params in _method_uses(data):
        if method == "tiers" and not named_at.startswith("overrides"):
            raise RulesetError(
                _(
                    "method `tiers` scores a qualitative (定性) row by its tier; it cannot score "
                    "numbers"
                ),
                named_at,
                _("use `ratio`, `proportional` or `bands` here"),
                file=source,
            )
        if method == "bands":
            _check_bands(params, at, source)


def _check_bands(params: dict, at: tuple, source: str) -> None:
    from . import schemas

    where = schemas.key_path(at)
    if not params.get("bands"):
        raise RulesetError(
            _('`method = "bands"` needs `bands`'),
            f"{where}.bands",
            bands_example(),
            file=source,
            code="ruleset-incomplete",
        )
    problems = schemas.part_problems("ruleset", "bands", params["bands"], (*at, "bands"))
    if problems:
        raise problems.error(RulesetError, source)
    if params.get("of", "rate") not in ("rate", "actual"):
        raise RulesetError(
            _("of = {value} is not `rate` or `actual`").format(value=quoted(params["of"])),
            f"{where}.of",
            _("`rate` scores actual / target (the default); `actual` scores the actual itself"),
            file=source,
        )
    for i, band in enumerate(params["bands"]):
        if "min" in band and "max" in band and band["min"] > band["max"]:
            raise RulesetError(
                _("band {index}: min {min} is above max {max}, so no value falls in it").format(
                    index=i, min=format_decimal(band["min"]), max=format_decimal(band["max"])
                ),
                f"{where}.bands[{i}]",
                _("swap them, or remove the band"),
                file=source,
            )
    _refuse_a_band_never_reached(params["bands"], where, source)


def _refuse_a_band_never_reached(bands: list[dict], where: str, source: str) -> None:
    """A value takes the first band it falls in: a band inside an earlier one is never reached
    (bands listed from the lowest ``min`` up give every value the first band's rate: 110%
    spent would score as the band from 0). Refused, naming both bands."""
    for later, band in enumerate(bands):
        for earlier, before in enumerate(bands[:later]):
            low = "min" not in before or ("min" in band and before["min"] <= band["min"])
            high = "max" not in before or ("max" in band and before["max"] >= band["max"])
            if low and high:
                raise RulesetError(
                    _(
                        "band {index} is never reached: every value in it falls in band "
                        "{earlier} before it, which is taken first"
                    ).format(index=later, earlier=earlier),
                    f"{where}.bands[{later}]",
                    _(
                        "a value takes the first band it falls in: put the narrower band first — "
                        "bands by min from the highest down, bands by max from the lowest up"
                    ),
                    file=source,
                )


def _check_grade_words(grades: dict, source: str) -> None:
    """One word names one grade: an alias that is another grade's name or alias (优秀 under 优
    and 良) would make a filed grade agree with either."""
    owner = {text_key(name): name for name in grades}
    for name, entry in grades.items():
        aliases = entry.get("aliases", ()) if isinstance(entry, dict) else ()
        for j, word in enumerate(aliases):
            key = text_key(word)
            if key in owner and owner[key] != name:
                raise RulesetError(
                    _("{word} names two grades: {first} and {second}").format(
                        word=quoted(word), first=quoted(owner[key]), second=quoted(name)
                    ),
                    f"grades.{name}.aliases[{j}]",
                    _("give each word to one grade"),
                    file=source,
                )
            owner.setdefault(key, name)


def _check_tier_words(tiers: list[dict], source: str) -> None:
    """One word names one tier: a word given to two would be read as the first, silently."""
    owner: dict[str, str] = {}
    for i, tier in enumerate(tiers):
        for j, word in enumerate((tier["name"], *tier.get("aliases", ()))):
            key = text_key(word)
            if key in owner and owner[key] != tier["name"]:
                raise RulesetError(
                    _("{word} names two tiers: {first} and {second}").format(
                        word=quoted(word), first=quoted(owner[key]), second=quoted(tier["name"])
                    ),
                    f"qualitative.tiers[{i}]" + (f".aliases[{j - 1}]" if j else ".name"),
                    _("give each word to one tier"),
                    file=source,
                )
            owner.setdefault(key, tier["name"])


def _check_units(units: dict, source: str) -> None:
    """A unit's factor is a number above 0 (``2000/3``): 0 or ``1/0`` would fail the first
    conversion; a multiplier has a name (an empty one would prefix every unit)."""
    for name in units.get("multipliers", {}):
        if not name:
            raise RulesetError(
                _("a multiplier without a name"),
                "units.multipliers",
                _("name it as it is written before a unit, e.g. 万"),
                file=source,
            )
    for family, members in units.get("families", {}).items():
        for unit, factor in members.items():
            try:
                value = Fraction(str(factor))
            except (ValueError, ZeroDivisionError):
                value = Fraction(0)
            if value <= 0:
                raise RulesetError(
                    _("the factor of {unit} is {factor}, not a number above 0").format(
                        unit=quoted(unit), factor=quoted(str(factor))
                    ),
                    f"units.families.{family}.{unit}",
                    _("write its size in the family's base unit, e.g. 10000 or 2000/3"),
                    file=source,
                )


def _looked_at(name: str) -> str:
    """A 三级指标 as the words of ``reverse_indicators`` are looked for in it: normalised,
    without spaces."""
    from .values import normalise

    return "".join(normalise(name).split())


# Words that deny the stop after them: 不停运行时间, 无中断运行时间 are times run without a stop.
_DENIALS = ("不", "无", "零", "未", "没有")


def _stopped(before: str, stops) -> str | None:
    """The word of ``stops`` that ``before`` ends with (停止供电时间: 停止), unless a denial
    comes right before it (无中断运行时间); None otherwise."""
    for stop in stops:
        if before.endswith(stop) and not before[: -len(stop)].endswith(_DENIALS):
            return stop
    return None


def _saved(word: str, text: str) -> bool:
    """Whether ``word`` (缩短, 减少 …) is in ``text`` as a time saved, not followed by 后:
    缩短后审批时间 is the time after the cut, a limit."""
    return re.search(re.escape(word) + "(?!后)", text) is not None


def _last_word(text: str, words: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Of ``words`` (each with what it reads as), the one in ``text`` that ends nearest its end,
    the longer of two ending together; None when none is in it."""
    best: tuple[int, int] | None = None
    found = None
    for word, reading in words:
        start = text.rfind(word)
        if start < 0:
            continue
        rank = (start + len(word), len(word))
        if best is None or rank > best:
            best, found = rank, (word, reading)
    return found


# What may follow a negated word of ``except`` for the name to measure that negation
# (不满意率, 未按时完成率): nothing, or a rate of it.
_A_RATE_OF_IT = ("", "率", "比例", "比率", "占比")
_A_COUNT = ("数", "数量", "批次")


def _measures_it(rest: str) -> bool:
    """Whether a name whose negated word is followed by ``rest`` measures that negation: nothing
    or a rate of it (不满意率), or a count without a rate (未整改问题数, 群众不满意件数) — not
    another rate (不满意问题改进率)."""
    return rest in _A_RATE_OF_IT or (rest.endswith(_A_COUNT) and "率" not in rest)


def _done_about(text: str, limit: str, words: list[tuple[str, str]]) -> bool:
    """Whether a name whose last limit word is ``limit`` starts with what is done about it: a
    word read as ≥ before it, and after it no rate of it (整改违规问题数, 化解逾期债务金额 — but
    整改后投诉率 measures complaints)."""
    start = text.rfind(limit)
    if _measures_it(text[start + len(limit) :]) and not text.endswith(_A_COUNT):
        return False
    return any(reading == GE and 0 <= text.find(word) < start for word, reading in words)


def _negation(before: str, negations: tuple[str, ...], manners: tuple[str, ...]) -> str:
    """The words that negate what follows ``before``: a negation right before it (不 in 不合格率,
    未 in 未办结率), or one before a word of manner (未按时 in 未按时完成率, 不及时 in
    投诉不及时回复率); empty when none does (不定期检查率: 定期 is no word of manner)."""
    said = ""  # the words of manner, up to two (未按时足额发放率)
    for _round in range(3):
        for negation in negations:
            if before.endswith(negation):
                return negation + said
        manner = next((m for m in manners if before.endswith(m)), None)
        if manner is None:
            return ""
        before, said = before[: -len(manner)], manner + said
    return ""
