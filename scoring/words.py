"""Qualitative (定性) actuals: which of the rule set's tiers a word names.

Units answer a qualitative target in many words — 达成, 好 / 较好 / 一般 / 差, 优 / 良 / 中 / 差,
优秀 / 良好 / 合格 / 不合格, 满意 / 基本满意, 基本实现, 明显改善, 有 / 无, 按时完成. Every word
and its tier is rule-set data (``[qualitative]``); this module only applies it, in this order:

1. The actual restates the target (``有效`` / ``有效``): the ``same_as_target`` tier.
2. 有 / 无 (``polar``) answer the target: 无 restates a target that says there is none
   (``无重大安全事故``, which starts with one of the ``negations``) and contradicts any other;
   有 the reverse. Restating is the ``same_as_target`` tier, contradicting the lowest tier.
3. A word of a ``scale`` (best first) against a target on the same scale: a target ending in a
   word of the scale (``工程质量合格``, ``高``) is met by that word or a better one
   (``same_as_target``); a worse word takes its own tier, and never the ``same_as_target`` one
   (``良`` against ``优`` is 部分达成). A target that lists the scale (``优良中低差``) sets no level.
4. A tier's name or one of its ``aliases``.

Otherwise the word is not read: the caller refuses it, listing every accepted word by tier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .values import normalise

_SEPARATORS = re.compile(r"[\s/、,，;；|]+")


def _key(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text))


@dataclass(frozen=True)
class Reading:
    """The tier a word names, and how it was read (empty when the word is the tier's own)."""

    tier: str
    how: str = ""


class Words:
    """The rule set's qualitative vocabulary, indexed once per rule set."""

    def __init__(self, qualitative: dict):
        tiers = qualitative["tiers"]
        self.same = qualitative["same_as_target"]
        order = sorted(tiers, key=lambda t: -t["max"])  # best first
        self.order = [t["name"] for t in order]
        self.lowest = self.order[-1]
        self.aliases: dict[str, str] = {}
        for tier in tiers:
            for word in (tier["name"], *tier.get("aliases", ())):
                self.aliases.setdefault(_key(word), tier["name"])
        self.scales = [[_key(w) for w in scale] for scale in qualitative.get("scales", ())]
        polar = qualitative.get("polar", {})
        self.yes = {_key(w) for w in polar.get("yes", ())}
        self.no = {_key(w) for w in polar.get("no", ())}
        self.negations = tuple(_key(w) for w in polar.get("negations", ()))

    def read(self, actual: str, target: str | None) -> Reading | None:
        """The tier of ``actual``; ``target`` is the row's 年度指标值 text (None when the target
        is a number and only the tiers' own words apply)."""
        word = _key(actual)
        if not word:
            return None
        if target is not None:
            aim = _key(target)
            if word == aim:
                return Reading(self.same, "复述年度指标值")
            found = self._polar(word, aim) or self._on_scale(word, aim)
            if found is not None:
                return found
        tier = self.aliases.get(word)
        return Reading(tier) if tier is not None else None

    def _polar(self, word: str, aim: str) -> Reading | None:
        if word not in self.yes and word not in self.no:
            return None
        negated = aim.startswith(self.negations) if self.negations else False
        restates = (word in self.no) == negated
        if restates:
            return Reading(self.same, f"「{word}」与年度指标值「{aim}」相符")
        return Reading(self.lowest, f"「{word}」与年度指标值「{aim}」相反")

    def _on_scale(self, word: str, aim: str) -> Reading | None:
        for scale in self.scales:
            if word not in scale or self._lists(scale, aim):
                continue
            level = max((w for w in scale if aim.endswith(w)), key=len, default=None)
            if level is None:
                continue
            if scale.index(word) <= scale.index(level):
                return Reading(self.same, f"「{word}」不低于年度指标值的「{level}」")
            tier = self.aliases.get(word)
            if tier is None or self.order.index(tier) <= self.order.index(self.same):
                tier = self.order[min(self.order.index(self.same) + 1, len(self.order) - 1)]
            return Reading(tier, f"「{word}」低于年度指标值的「{level}」")
        return None

    @staticmethod
    def _lists(scale: list[str], aim: str) -> bool:
        """The target is the scale itself, or part of it (``优良中低差``, ``优/良/中/差``)."""
        rest, found = _SEPARATORS.sub("", aim), 0
        while rest:
            word = max((w for w in scale if rest.startswith(w)), key=len, default=None)
            if word is None:
                return False
            rest, found = rest[len(word) :], found + 1
        return found >= 2

    def accepted(self) -> str:
        """Every accepted word with its tier, for the message that refuses an unknown one."""
        by_tier: dict[str, list[str]] = {name: [] for name in self.order}
        for word, tier in self.aliases.items():
            by_tier[tier].append(word)
        text = "；".join(f"{tier}：{'、'.join(words)}" for tier, words in by_tier.items())
        if self.yes or self.no:
            text += f"；有/无按年度指标值判断（{'、'.join(sorted(self.yes | self.no))}）"
        return text
