"""Qualitative (定性) actuals: which of the rule set's tiers a word names.

Units answer a qualitative target in many words — 达成, 好 / 较好 / 一般 / 差, 优 / 良 / 中 / 差,
优秀 / 良好 / 合格 / 不合格, 满意 / 基本满意, 基本实现, 明显改善, 有 / 无, 按时完成. Every word
and its tier is rule-set data (``[qualitative]``); this module only applies it, in this order:

1. The actual restates the target (``有效`` / ``有效``): the ``same_as_target`` tier.
2. 有 / 无 (``polar``) answer the target: 无 restates a target that says there is none
   (``无重大安全事故``, ``全年无重大安全事故``, ``确保不发生事故``: one of the ``negations``
   stands in it, where none of the ``not_negations`` such as 无障碍 begins) and contradicts any
   other; 有 the reverse. A zero count
   (``0起``) is a 无. Restating is the ``same_as_target`` tier, contradicting the lowest tier.
3. A word of a ``scale`` (best first; words of one rank grouped: 优, 优秀, 好) against a target
   on the same scale: a target that is a word of the scale (``高``), or ends in one of two
   characters or more (``工程质量合格``), is met by that word or one of a better rank
   (``same_as_target``); a worse word takes its own tier, and never the ``same_as_target`` one
   (``良`` or ``良好`` against ``优秀`` is 部分达成). One character ending a longer
   target is no level (``明显提高`` does not set 高, ``减少偏差`` not 差). A target that lists the
   words of any scale (``优良中低差``) sets no level. A target that asks for none of what the
   scale ranks (``噪音影响不明显``, ``差异不显著``) is met by a word of its last rank, one tier
   below by the rank above it, and contradicted by any higher (the lowest tier).
4. A tier's name or one of its ``aliases``.

Otherwise the word is not read: the caller refuses it, listing every accepted word by tier.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from .frozen import record
from .i18n import _
from .values import CACHE_SIZE, CACHED_CHARS, SENTENCE_END
from .values import text_key as _key

# Repeats are possessive where what follows cannot start with what they repeat: the engine
# never retries a shorter run, and a text of n characters is read in time linear in n.
_SEPARATORS = re.compile(r"[\s/、,，;；|]++")
_ZERO_COUNT = re.compile(r"0++(?:\.0++)?+[^\d]{0,3}+")  # 0起, 0次, 0: none at all


@record
class Reading:
    """The tier a word names, and how it was read: ``way`` is ``""`` (the tier's own word or one
    of its aliases), ``restates`` (the actual restates the target), ``agrees`` or ``contradicts``
    (有 / 无 against the target ``against``), ``not-below`` or ``below`` (a word of a scale
    against the target's level ``against``); ``word`` is the actual as compared."""

    tier: str
    way: str = ""
    word: str = ""
    against: str = ""

    @property
    def how(self) -> str:
        """How the word was read, said in the current language when asked (a reading is kept
        across rows, and a block of the run may speak another language); empty when the word
        is the tier's own or restates the target, which says nothing more than the tier."""
        way = self.way
        if not way or way == "restates":
            return ""
        if way == "agrees":
            text = _("“{word}” agrees with the target “{target}”")
        elif way == "contradicts":
            text = _("“{word}” contradicts the target “{target}”")
        elif way == "not-below":
            text = _("“{word}” is not below the target's level “{target}”")
        else:
            text = _("“{word}” is below the target's level “{target}”")
        return text.format(word=self.word, target=self.against)

    def how_of(self, actual: str) -> str:
        """:attr:`how`, said after the actual value ``actual`` itself: the word compared is not
        quoted again when it is the actual as written (``实际完成值「有」与年度指标值…相反``,
        not ``「有」「有」``)."""
        if not self.way or self.way == "restates" or _key(self.word) != _key(actual):
            return self.how
        if self.way == "agrees":
            text = _("agrees with the target “{target}”")
        elif self.way == "contradicts":
            text = _("contradicts the target “{target}”")
        elif self.way == "not-below":
            text = _("is not below the target's level “{target}”")
        else:
            text = _("is below the target's level “{target}”")
        return text.format(target=self.against)


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
        # each scale as word → rank (0 the best); words of one entry share a rank
        self.scales = [
            {
                _key(word): rank
                for rank, entry in enumerate(scale)
                for word in ([entry] if isinstance(entry, str) else entry)
            }
            for scale in qualitative.get("scales", ())
        ]
        polar = qualitative.get("polar", {})
        self.yes = {_key(w) for w in polar.get("yes", ())}
        self.no = {_key(w) for w in polar.get("no", ())}
        self.negations = tuple(_key(w) for w in polar.get("negations", ()))
        self.not_negations = tuple(_key(w) for w in polar.get("not_negations", ()))
        # the readings of the short pairs met so far (rows repeat them), CACHE_SIZE at most
        self._readings: dict[tuple[str, str | None], Reading | None] = {}

    def read(self, actual: str, target: str | None) -> Reading | None:
        """The tier of ``actual``; ``target`` is the row's 年度指标值 text (None when the target
        is a number and only the tiers' own words apply)."""
        pair = (actual, target)
        if pair in self._readings:
            return self._readings[pair]
        found = self._read(actual, target)
        if len(self._readings) < CACHE_SIZE and len(actual) + len(target or "") <= CACHED_CHARS:
            self._readings[pair] = found
        return found

    def _read(self, actual: str, target: str | None) -> Reading | None:
        word = _key(actual).rstrip(SENTENCE_END)  # 达成。: a sentence's end is no part of it
        if not word:
            return None
        if target is not None:
            aim = _key(target)
            if word == aim:
                return Reading(self.same, "restates")
            found = self._polar(word, aim)
            if found is None and not self._lists_a_scale(aim):
                found = self._on_scale(word, aim)
            if found is not None:
                return found
        tier = self.aliases.get(word)
        return Reading(tier) if tier is not None else None

    def _polar(self, word: str, aim: str) -> Reading | None:
        says_none = word in self.no or (bool(self.no) and _ZERO_COUNT.fullmatch(word) is not None)
        if word not in self.yes and not says_none:
            return None
        # 全年无重大安全事故, 确保不发生事故: says there is none; so does 噪音影响不明显
        negated = self._says_none(aim) or self._asks_for_none(aim)
        restates = says_none == negated
        if restates:
            return Reading(self.same, "agrees", word, aim)
        return Reading(self.lowest, "contradicts", word, aim)

    def _on_scale(self, word: str, aim: str) -> Reading | None:
        for scale in self.scales:
            if word not in scale:
                continue
            level = _level(aim, scale)
            if level is not None:
                negated = _says_not(aim, level, scale)
            elif _negated_inside(aim, scale):  # 对周边环境无明显影响: none of it, inside
                negated = True
            else:
                continue
            if negated:
                # 噪音影响不明显, 差异不显著: none is asked for; a word of the scale's last rank
                # says so, the rank above it is one tier below (一般), any higher says there
                # was plainly some (较明显, 显著): the lowest tier
                above = max(scale.values()) - scale[word]
                if above == 0:
                    return Reading(self.same, "agrees", word, aim)
                if above == 1:
                    below = self.order[min(self.order.index(self.same) + 1, len(self.order) - 1)]
                    return Reading(below, "contradicts", word, aim)
                return Reading(self.lowest, "contradicts", word, aim)
            assert level is not None
            if scale[word] <= scale[level]:
                return Reading(self.same, "not-below", word, level)
            tier = self.aliases.get(word)
            if tier is None or self.order.index(tier) <= self.order.index(self.same):
                tier = self.order[min(self.order.index(self.same) + 1, len(self.order) - 1)]
            return Reading(tier, "below", word, level)
        return None

    def _says_none(self, aim: str) -> bool:
        """Whether one of the ``negations`` stands in the target, where none of the
        ``not_negations`` begins (无重大安全事故, 全年无重大安全事故, 确保不发生重大事故; not
        无障碍设施建设)."""
        for negation in self.negations:
            at = aim.find(negation)
            while at != -1:
                if not aim.startswith(self.not_negations, at):
                    return True
                at = aim.find(negation, at + 1)
        return False

    def _asks_for_none(self, aim: str) -> bool:
        """Whether the target asks for none of what a scale ranks (噪音影响不明显, 差异不显著,
        对周边环境无明显影响): the scale's reading of it (:meth:`_on_scale`)."""
        for scale in self.scales:
            level = _level(aim, scale)
            if level is not None and _says_not(aim, level, scale):
                return True
            if level is None and _negated_inside(aim, scale):
                return True
        return False

    def _lists_a_scale(self, aim: str) -> bool:
        """The target lists words of a scale (``优良中低差``, ``好/较好/一般/较差/差``)."""
        return any(self._lists(scale, aim) for scale in self.scales)

    @staticmethod
    def _lists(scale: dict, aim: str) -> bool:
        rest, at, found = _SEPARATORS.sub("", aim), 0, 0
        while at < len(rest):  # an offset, not a shorter copy each time: linear in the target
            word = max((w for w in scale if rest.startswith(w, at)), key=len, default=None)
            if word is None:
                return False
            at, found = at + len(word), found + 1
        return found >= 2

    def accepted(self) -> str:
        """Every accepted word with its tier, for the message that refuses an unknown one."""
        by_tier: dict[str, list[str]] = {name: [] for name in self.order}
        for word, tier in self.aliases.items():
            by_tier[tier].append(word)
        words_of = _("{tier}: {words}")
        text = listed(
            (words_of.format(tier=tier, words=listed(words)) for tier, words in by_tier.items()),
            _("{list}; {item}"),
        )
        if self.yes or self.no:
            text = _("{tiers}; yes or no, judged against the target ({words})").format(
                tiers=text, words=listed(sorted(self.yes | self.no))
            )
        return text


def names_grade(filed: str, grade: str, aliases: Mapping[str, str]) -> bool:
    """Whether a grade word a unit filed (自评等级) or a report states is ``grade``: its name,
    or one of its aliases in the rule set's ``[grades]`` (``aliases``: the grade of each alias,
    by the alias's text key) — under mof-2020 优秀 is 优, 良好 良, 中等 中 and 较差 差 — compared
    as texts are (spaces and full-width forms aside). Another grade's name or alias (良好 filed
    for 优) is not, nor a word the rule set does not list (A, 优良). The one test of a grade
    word: the review table, its findings and the report's check all ask it."""
    key = _key(filed)
    return key == _key(grade) or aliases.get(key) == grade


def listed(items: Iterable[str], joined: str | None = None) -> str:
    """``items`` as a list in the current language (Chinese: 甲、乙、丙); ``joined`` the message
    that adds an item to the list, a comma's by default."""
    joined = joined or _("{list}, {item}")
    rest = iter(items)
    first = next(rest, "")
    return functools.reduce(lambda text, item: joined.format(list=text, item=item), rest, first)


# Before a word of a scale, or beginning its last rank's: not (不明显, 不显著, 无明显效果).
_NOT = ("不", "无", "未", "没有")


def _says_not(aim: str, level: str, scale: Mapping[str, int]) -> bool:
    """Whether the target asks for none of what the scale ranks: its level is a word of the
    scale's last rank that says not (噪音影响不明显, 对环境无明显影响), or a word of the scale with
    not before it (差异不显著). Not twice (无不合格) is no such target."""
    before = aim[: len(aim) - len(level)]
    negated_level = scale[level] == max(scale.values()) and level.startswith(_NOT)
    negated_before = before.endswith(_NOT)
    return negated_level != negated_before


def _level(aim: str, scale: Mapping[str, int]) -> str | None:
    """The word of ``scale`` the target is, or ends in (two characters or more): its level."""
    return max(
        (w for w in scale if aim == w or (len(w) > 1 and aim.endswith(w))), key=len, default=None
    )


def _negated_inside(aim: str, scale: Mapping[str, int]) -> bool:
    """Whether the target's longest word of ``scale`` (two characters or more), standing inside
    it, is said not, once (对周边环境无明显影响, 施工噪音不明显扰民): the target asks for none of
    what the scale ranks. Not twice up to the word's end is no such target (对生态无不满意投诉,
    未发生不满意事件: none of the dissatisfied)."""
    present = [word for word in scale if len(word) > 1 and word in aim]
    if not present:
        return False
    word = max(present, key=len)
    said = aim[: aim.find(word) + len(word)]
    return sum(said.count(no) for no in _NOT) % 2 == 1
