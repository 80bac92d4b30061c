"""The Python API: what an embedding budget system calls."""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest

import scoring
from scoring.host import Host

from .conftest import run_cli


def test_score_a_path(leting):
    result = scoring.score(leting)
    assert result.department.score == Decimal("99.79")
    assert result.department.grade == "优"
    assert [p.score for p in result.projects] == [
        Decimal("99.90"),
        Decimal("99.71"),
        Decimal("99.82"),
    ]


def test_score_a_dict_and_a_loaded_evaluation(leting):
    import tomllib

    data = tomllib.loads(leting.read_text("utf-8"), parse_float=Decimal)
    from_dict = scoring.score(data)
    loaded = scoring.load(leting)
    assert scoring.load(leting) is not None  # the name stays the API function after use
    from_loaded = scoring.score(loaded)
    assert from_dict.department.score == from_loaded.department.score == Decimal("99.79")
    assert from_dict.source == "<data>"


def test_rules_by_id_path_and_dict(leting, tmp_path):
    by_id = scoring.score(leting, rules="mof-2020")
    path = tmp_path / "whole.toml"
    path.write_text(
        '[ruleset]\nid = "whole"\nextends = "mof-2020"\n[rounding]\ndecimals = 0\n', "utf-8"
    )
    by_path = scoring.score(leting, rules=path)
    by_dict = scoring.score(
        leting,
        rules={"ruleset": {"id": "whole-dict", "extends": "mof-2020"}, "rounding": {"decimals": 0}},
    )
    assert by_id.department.score == Decimal("99.79")
    # whole points: executions 9.9 → 10, 9.71 → 10, 9.82 → 10: every project 100
    assert by_path.department.score == by_dict.department.score == Decimal("100")
    assert by_path.ruleset.id == "whole" and by_dict.ruleset.id == "whole-dict"
    assert by_path.ruleset.sha256 != by_id.ruleset.sha256


def test_to_dict_equals_the_json_output(leting):
    result = scoring.score(leting)
    run = run_cli("score", str(leting), "-f", "json")
    assert json.loads(run.out)[0] == result.to_dict()


def test_sha256_is_stable_and_follows_the_rules(leting):
    a = scoring.score(leting).ruleset.sha256
    b = scoring.score(leting).ruleset.sha256
    assert a == b and len(a) == 64


def test_errors_are_one_family(tmp_path, leting):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[department]\nname = "d"\nyear = 2024\nbudget = { planned = 1, spent = 1 }\n', "utf-8"
    )
    with pytest.raises(scoring.InputError) as raised:
        scoring.score(bad)
    assert isinstance(raised.value, scoring.ScoringError)
    assert str(bad) in raised.value.render() and "projects" in raised.value.render()
    with pytest.raises(scoring.RulesetError):
        scoring.score(leting, rules="no-such-rules")


def test_threads_share_nothing_but_the_read_only_host(leting, langfang):
    paths = [leting, langfang] * 20
    with ThreadPoolExecutor(max_workers=4) as pool:
        scores = list(pool.map(lambda p: scoring.score(p).department.score, paths))
    assert scores == [Decimal("99.79"), Decimal("97.24")] * 20


def test_a_language_chosen_in_one_thread_stays_in_it(monkeypatch):
    """Each thread's `using` block is its own: two threads whose blocks end out of order (the
    first to enter leaves first) leave no language behind for the process, and neither sees the
    other's. Before, one list held the language for every thread: a pool of threads scoring
    files could leave English behind for the rest of a Chinese process."""
    import threading

    from scoring import i18n

    monkeypatch.setenv("SCORING_LANG", "zh")
    entered, leave_first, left = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():  # enters, waits for the second to enter, then leaves first
        with i18n.using("en"):
            entered.set()
            leave_first.wait(5)
            seen["first"] = i18n.current()
        left.set()

    def second():
        entered.wait(5)
        with i18n.using("en"):
            leave_first.set()
            left.wait(5)
            seen["second"] = i18n.current()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert i18n.current() == "zh_CN"  # this thread's own, while both blocks are open
    for thread in threads:
        thread.join(10)
    assert seen == {"first": "en", "second": "en"}
    assert i18n.current() == "zh_CN"  # nothing left behind


def test_evaluated_hook_sees_every_result(leting):
    seen = []

    class Recorder:
        @scoring.hookimpl
        def scoring_evaluated(self, result):
            seen.append(result.department.score)

    host = Host(plugins=(Recorder(),))  # every installed plugin, and this one
    scoring.score(leting, host=host)
    assert seen == [Decimal("99.79")]


def test_typed_package():
    assert (Path(scoring.__file__).parent / "py.typed").exists()


def test_lazy_import_keeps_the_engine_out():
    import subprocess

    code = "import sys, scoring; print(sorted(m for m in sys.modules if m.startswith(('scoring.', 'jsonschema', 'rich'))))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "[]"


def test_the_callers_decimal_context_cannot_change_a_score(leting):
    import decimal

    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        assert scoring.score(leting).department.score == Decimal("99.79")


def test_the_fingerprint_does_not_depend_on_how_a_number_is_written():
    whole = scoring.ruleset(
        {"ruleset": {"id": "x", "extends": "mof-2020"}, "execution": {"weight": 10}}
    )
    point = scoring.ruleset(
        {"ruleset": {"id": "x", "extends": "mof-2020"}, "execution": {"weight": Decimal("10.0")}}
    )
    assert whole.sha256 == point.sha256


def test_an_override_that_does_not_fit_is_the_rule_sets_mistake(leting):
    rules = {
        "ruleset": {"id": "o", "extends": "mof-2020"},
        "overrides": [{"match": {"level2": "质量指标"}, "method": "ratio"}],
    }
    with pytest.raises(scoring.RulesetError) as raised:
        scoring.score(leting, rules=rules)
    assert raised.value.where == "overrides[0].method" and "qualitative" in raised.value.render()


def test_a_batch_streams_and_goes_on_past_a_bad_file(leting, langfang, tmp_path):
    """score_many yields each source as it is scored, in order; a file that cannot be read
    is yielded with its error (naming the file) and the batch goes on."""
    broken = tmp_path / "broken.toml"
    broken.write_text("[department\n", "utf-8")
    batch = scoring.score_many([leting, broken, langfang])
    first = next(batch)  # a generator: nothing after the first is read yet
    assert (first.result.department.score, first.error) == (Decimal("99.79"), None)
    second, third = list(batch)
    assert second.result is None and second.evaluation is None
    assert second.error.code == "syntax" and str(broken) in second.error.render()
    assert second.entry.to_dict()["error"]["code"] == "syntax"
    assert third.result.department.score == Decimal("97.24")


def test_a_batch_refuses_a_rule_set_before_reading_any_file(tmp_path):
    never = tmp_path / "never-read.toml"  # does not exist: reading it would be a file error
    with pytest.raises(scoring.RulesetError) as raised:
        next(scoring.score_many([never], rules="no-such-rules"))
    assert raised.value.code == "ruleset-missing"


def test_an_edited_rule_set_is_read_again(leting, tmp_path):
    """Cached by its files' modification times and sizes: the edit counts on the next call,
    an unchanged file is never compiled twice."""
    import os

    rules = tmp_path / "mine.toml"
    rules.write_text('[ruleset]\nid = "mine"\nextends = "mof-2020"\n[rounding]\ndecimals = 2\n')
    host = Host(autoload=False)
    assert scoring.score(leting, rules, host=host).department.score == Decimal("99.79")
    assert scoring.score(leting, rules, host=host).department.score == Decimal("99.79")
    assert host.rulesets_compiled == 1
    rules.write_text('[ruleset]\nid = "mine"\nextends = "mof-2020"\n[rounding]\ndecimals = 0\n')
    stamp = rules.stat().st_mtime_ns + 1_000_000_000  # a second later, as an editor saves
    os.utime(rules, ns=(stamp, stamp))
    assert scoring.score(leting, rules, host=host).department.score == Decimal("100")
    assert host.rulesets_compiled == 2


def test_an_installed_rule_set_is_read_once_then_again_when_edited(tmp_path, monkeypatch):
    """The catalog reads every installed file for its id; the first compilation of one takes
    what the catalog read instead of reading it again, a file edited since is read anew."""
    import os

    from scoring import catalog

    rules = tmp_path / "mine.toml"
    rules.write_text('[ruleset]\nid = "mine"\nextends = "mof-2020"\n[rounding]\ndecimals = 2\n')

    class Registers:
        @scoring.hookimpl
        def scoring_register_rulesets(self):
            return [rules]

    reads: list[str] = []
    real = catalog.read_ruleset_file

    def counted(path, validate=True):
        reads.append(Path(path).name)
        return real(path, validate)

    monkeypatch.setattr(catalog, "read_ruleset_file", counted)
    host = Host(autoload=False, plugins=(Registers(),))
    installed = sorted(entry.path.name for entry in host.catalog.installed.values())
    assert sorted(reads) == installed and "mine.toml" in installed
    reads.clear()
    assert host.ruleset("mine").decimals == 2
    assert reads == []  # mine.toml and the mof-2020.toml it extends, as the catalog read them
    rules.write_text('[ruleset]\nid = "mine"\nextends = "mof-2020"\n[rounding]\ndecimals = 0\n')
    stamp = rules.stat().st_mtime_ns + 1_000_000_000  # a second later, as an editor saves
    os.utime(rules, ns=(stamp, stamp))
    assert host.ruleset("mine").decimals == 0
    assert reads == ["mine.toml", "mof-2020.toml"]


def test_a_result_is_frozen_all_the_way_down(leting):
    import dataclasses

    result = scoring.score(leting)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.department.score = Decimal(0)  # type: ignore[misc]
    assert isinstance(result.projects, tuple) and isinstance(result.findings, tuple)
    assert isinstance(result.projects[0].indicators, tuple)
    with pytest.raises(TypeError):
        result.projects[0].categories["产出指标"] = None  # type: ignore[index]


def test_what_if_tables_are_not_recorded(leting):
    seen = []

    class Recorder:
        @scoring.hookimpl
        def scoring_evaluated(self, result):
            seen.append(result.source)

    host = Host(plugins=(Recorder(),))
    scoring.score(leting, host=host, record=False)
    assert seen == []
    scoring.score(leting, host=host)
    assert seen == [str(leting)]


def test_a_compiled_rule_set_refuses_every_change():
    """One rule set is shared by every score of the process and named by its SHA-256: a change
    by a caller or a plugin's check would alter later scores unseen, so none is allowed."""
    from scoring.rules import ReadOnly

    rules = scoring.ruleset("mof-2020")
    changes = [
        lambda: rules.execution.__setitem__("weight", 50),
        lambda: rules.data["grades"].clear(),
        lambda: rules.checks.update({"severity": {}}),
        lambda: rules.data["qualitative"]["tiers"].append({}),
        lambda: rules.params("ratio").setdefault("x", 1),
        lambda: rules.origins.pop("rounding.decimals"),
    ]
    for change in changes:
        with pytest.raises(ReadOnly):
            change()
    assert isinstance(rules.grades, tuple) and isinstance(rules.tiers, tuple)
    import copy
    import json

    assert copy.deepcopy(rules.data) == rules.data  # copied and written as the table it is
    json.dumps(rules.data, default=str)


@pytest.mark.parametrize("one", ["leting-2023.toml", Path("leting-2023.toml"), {"department": {}}])
def test_score_many_given_one_source_says_so(one):
    """A path is iterable (its characters): taken as a batch it would be scored letter by letter."""
    with pytest.raises(TypeError, match=r"for one, use scoring\.score"):
        scoring.score_many(one)


def test_score_many_refuses_a_rule_set_when_called():
    with pytest.raises(scoring.RulesetError):
        scoring.score_many([], rules="no-such-rules")


def test_a_batch_leaves_what_the_program_froze_frozen(leting):
    """A program that froze its own objects out of the collector's scans (gc.freeze, as a
    server does before forking) finds them frozen still after a batch; a program that froze
    nothing finds nothing frozen."""
    import gc

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert [item.error for item in scoring.score_many([leting, leting])] == [None, None]
        assert gc.get_freeze_count() > frozen // 2  # not unfrozen (a few may have been freed)
    finally:
        gc.unfreeze()
    assert [item.error for item in scoring.score_many([leting])] == [None]
    assert gc.get_freeze_count() == 0


class _Halving:
    """A plugin method the default host does not have."""

    @scoring.hookimpl
    def scoring_register_methods(self):
        return {"half": lambda indicator, params: scoring.Rating(Decimal("0.5"), "half")}


HALVES = {"ruleset": {"id": "halves", "extends": "mof-2020"}, "quantitative": {"≥": "half"}}


def test_a_rule_set_resolved_with_a_plugin_is_refused_by_a_host_without_it(leting, langfang):
    """Resolved where a plugin gave its method, scored where none does: the method is named
    with the key asking for it, as for a rule set the host resolves itself — by score, by
    score_many when called (before any file is read), and by the engine itself."""
    from scoring.engine import evaluate

    resolved = scoring.ruleset(HALVES, Host(plugins=(_Halving(),), autoload=False))
    bare = Host(autoload=False)
    with pytest.raises(scoring.PluginError) as raised:
        scoring.score(leting, resolved, host=bare)
    assert raised.value.code == "method-missing" and raised.value.where == "quantitative.≥"
    assert "'half'" in raised.value.render()
    with pytest.raises(scoring.PluginError, match="'half'"):
        scoring.score_many([leting, langfang], resolved, host=bare)
    with pytest.raises(scoring.PluginError, match="'half'") as direct:
        evaluate(scoring.load(leting, bare), resolved, bare.methods, bare.checks)
    assert direct.value.where == "quantitative.≥"


def test_a_result_is_written_as_json_whatever_the_callers_decimal_context(leting, langfang):
    """Traps on Inexact or Rounded, or a precision of 2: to_dict is the same."""
    import decimal

    results = [scoring.score(source) for source in (leting, langfang)]
    expected = [result.to_dict() for result in results]
    for context in (
        decimal.Context(traps=[decimal.Inexact]),
        decimal.Context(traps=[decimal.Rounded]),
        decimal.Context(prec=2, rounding=decimal.ROUND_DOWN),
    ):
        with decimal.localcontext(context):
            assert [result.to_dict() for result in results] == expected
            assert scoring.result.rate4(Decimal("0.123456")) == 0.1235


def test_a_review_row_s_difference_is_exact_whatever_the_callers_decimal_context(langfang):
    """The school filed 98 where the rules give 97.24, and 9 where they give 8.62: −0.76 and
    −0.38, not −0.8 and −0.4 under a caller's precision of 1."""
    import decimal

    rows = [row for row in scoring.score(langfang).review if row.kind == "score" and not row.same]
    exact = {row.where: row.computed - row.filed for row in rows}
    assert Decimal("-0.76") in exact.values() and Decimal("-0.38") in exact.values()
    with decimal.localcontext(decimal.Context(prec=1, traps=[decimal.Inexact])):
        assert {row.where: row.difference for row in rows} == exact


def _traditional(leting) -> dict:
    """The Leting table with two labels written in Traditional characters."""
    import tomllib

    data = tomllib.loads(leting.read_text("utf-8"), parse_float=Decimal)
    data["projects"][0]["indicators"][0]["level1"] = "產出指標"
    data["projects"][0]["indicators"][1]["level1"] = "產出指標"
    return data


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "2 texts are written in Traditional characters (such as “產出指標”) and were read"),
        ("zh_CN", "2 处文字为繁体（如「產出指標」），已按简体读取"),
    ],
)
def test_the_traditional_characters_note_is_in_the_results_language(leting, language, words):
    from scoring.i18n import using

    with using(language):
        result = scoring.score(_traditional(leting))
    notes = [f.message for f in result.findings if f.code == "read-assumption"]
    assert len(notes) == 1 and notes[0].startswith(words), notes
