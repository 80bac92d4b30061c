"""The plugin host: built-ins through the entry-point group, faults named, conflicts refused."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

import scoring
from scoring.host import Host
from scoring.methods import Rating
from scoring.model import Note
from tests.conftest import install_plugin, plugin_env


def test_builtins_come_through_the_entry_point_group():
    host = Host(autoload=False)  # the built-in plugins only, whatever else is installed
    names = {info.name for info in host.plugins()}
    kinds = ("methods", "rulesets", "readers", "renderers", "checks", "report_templates")
    assert {f"scoring.{kind}" for kind in kinds} == names  # namespaced: no outside name clashes
    assert {
        "ratio",
        "reverse-linear",
        "reverse-ratio",
        "equal",
        "tiers",
        "proportional",
        "bands",
    } <= set(host.methods)
    assert {".toml", ".json"} <= set(host.readers)
    assert {"table", "json", "markdown", "csv"} <= set(host.renderers)
    assert "mof-2020" in host.catalog
    assert all(info.distribution == "scoring" for info in host.plugins())


def test_hookspecs_are_documented():
    from scoring import hookspecs

    for name in dir(hookspecs):
        if name.startswith("scoring_"):
            doc = getattr(hookspecs, name).__doc__
            assert doc and doc.strip().splitlines()[0].endswith("."), name


class Halving:
    """A plugin method: half of the ratio rate, to show a plugin's method is really used."""

    @scoring.hookimpl
    def scoring_register_methods(self):
        def half(indicator, params):
            return Rating(min(indicator.actual / indicator.target, Decimal(1)) / 2, "half")

        return {"half": half}


def test_a_plugin_method_scores(leting):
    host = Host(plugins=(Halving(),))
    rules = {"ruleset": {"id": "halves", "extends": "mof-2020"}, "quantitative": {"≥": "half"}}
    result = scoring.score(leting, rules=rules, host=host)
    first = result.projects[0].indicators[0]
    assert first.method == "half" and first.score == Decimal("10.00")


def test_a_missing_method_is_refused(leting):
    rules = {"ruleset": {"id": "halves", "extends": "mof-2020"}, "quantitative": {"≥": "half"}}
    with pytest.raises(scoring.PluginError) as raised:
        scoring.score(leting, rules=rules)
    assert "half" in raised.value.render() and raised.value.where == "quantitative.≥"


def test_a_plugin_method_named_as_a_built_in_is_left_out(leting):
    """The built-in keeps its name; the plugin's function is named and left out, not used."""

    class Twin:
        @scoring.hookimpl
        def scoring_register_methods(self):
            return {"ratio": lambda indicator, params: Rating(Decimal(1))}

    with pytest.warns(UserWarning, match="registers method 'ratio', which is built in"):
        host = Host(plugins=(Twin(),))
        result = scoring.score(leting, host=host)
    assert host.methods["ratio"] is scoring.methods.ratio
    assert [f.name for f in host.faults] == ["Twin"]
    assert result.department.score == Decimal("99.79")


@pytest.mark.parametrize("returned", [0.5, Decimal("1.5"), "1", Fraction(3, 2), Decimal("NaN")])
def test_a_method_breaking_its_contract_is_named(leting, returned):
    class Broken:
        @scoring.hookimpl
        def scoring_register_methods(self):
            return {"broken": lambda indicator, params: Rating(returned, "")}

    host = Host(plugins=(Broken(),))
    rules = {"ruleset": {"id": "b", "extends": "mof-2020"}, "quantitative": {"≥": "broken"}}
    with pytest.raises(scoring.PluginError) as raised:
        scoring.score(leting, rules=rules, host=host)
    assert "broken" in str(raised.value) and "projects[0].indicators[0]" in str(raised.value)


def test_a_method_may_leave_a_row_to_the_evaluator(leting):
    """Rating(None, why): no formula scores the row; the rule set's [judgement] takes a filed
    score inside the 部分达成/未达成 bands, else no_formula_default (0) with a warning."""
    import tomllib

    class Judged:
        @scoring.hookimpl
        def scoring_register_methods(self):
            return {"judged": lambda indicator, params: Rating(None, "由评价人判断")}

    host = Host(plugins=(Judged(),))
    rules = {"ruleset": {"id": "j", "extends": "mof-2020"}, "quantitative": {"≥": "judged"}}
    data = tomllib.loads(leting.read_text("utf-8"))
    data["projects"][0]["indicators"][0]["score"] = 5  # of 20: inside [0, 16)
    result = scoring.score(data, rules=rules, host=host)
    first, second = result.projects[0].indicators[:2]
    assert (first.score, first.method) == (Decimal("5.00"), "judged")
    assert second.score == Decimal("0.00")
    codes = {(f.code, f.severity, f.where) for f in result.findings}
    assert ("evaluator-judgement", "info", "projects[0].indicators[0]") in codes
    assert ("evaluator-judgement", "warning", "projects[0].indicators[1]") in codes


def test_a_distribution_metadata_is_read_once_for_all_its_entry_points(tmp_path):
    from importlib.metadata import PathDistribution

    from scoring.entry_points import name_and_version

    info = tmp_path / "scoring_twice-1.2.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: scoring-twice\nVersion: 1.2\n")
    (info / "entry_points.txt").write_text("[scoring]\none = twice.one\ntwo = twice.two\n")
    reads = []

    class Counted(PathDistribution):
        def read_text(self, filename):
            reads.append(filename)
            return super().read_text(filename)

    dist = Counted(info)
    assert [(ep.name, ep.value) for ep in dist.entry_points] == [
        ("one", "twice.one"),
        ("two", "twice.two"),
    ]
    assert name_and_version(dist) == ("scoring-twice", "1.2")
    assert reads.count("METADATA") == 1
    assert dist.version == "1.2"  # as the distribution itself says it


def test_a_plugin_that_fails_to_load_is_named(monkeypatch):
    import scoring.host as host_module
    from scoring.entry_points import Entry

    bad = Entry("broken", "no_such_module_anywhere", "", "")
    real = host_module._entry_points
    monkeypatch.setattr(host_module, "_entry_points", lambda: [*real(), bad])
    with pytest.warns(UserWarning, match="failed to load"):
        host = Host()
    assert [f.name for f in host.faults] == ["broken"]
    assert "ModuleNotFoundError" in host.faults[0].message()
    assert "ratio" in host.methods  # the run goes on without it


def test_the_command_line_names_a_broken_plugin_and_goes_on(cli, tmp_path, leting):
    """An installed distribution whose plugin module is missing: a warning, then the score."""
    site = tmp_path / "site"
    info = site / "scoring_broken_plugin-1.2.3.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: scoring-broken-plugin\nVersion: 1.2.3\n", "utf-8"
    )
    (info / "entry_points.txt").write_text("[scoring]\nbroken = no_such_module_here\n", "utf-8")
    import os

    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
    run = cli("score", str(leting), "-f", "json", env=env)
    assert run.code == 0, run
    assert (
        "scoring: warning: plugin 'broken' from scoring-broken-plugin 1.2.3 failed to load"
        in run.err
    )
    assert "ModuleNotFoundError" in run.err and "Traceback" not in run.err
    plugins = cli("plugins", env=env)
    assert "broken" in plugins.out and "failed to load" in plugins.out


# --- controls, faults and embedding, with real installed distributions ----------------------


HALVES = """
from decimal import Decimal
from scoring import Rating, hookimpl

@hookimpl
def scoring_register_methods():
    def halves(indicator, params):
        return Rating(Decimal("0.5"), "一半")
    return {"halves": halves}
"""

RAISING = """
from scoring import hookimpl

@hookimpl
def scoring_register_methods():
    raise RuntimeError("boom")
"""

WRONG_TYPE = """
from scoring import hookimpl

@hookimpl
def scoring_register_methods():
    return ["halves"]
"""


def _halves_rules(tmp_path):
    rules = tmp_path / "halves.toml"
    rules.write_text(
        '[ruleset]\nid = "halves"\nextends = "mof-2020"\n[quantitative]\n"≥" = "halves"\n', "utf-8"
    )
    return rules


def test_an_outside_plugin_scores_and_can_be_switched_off(cli, site, tmp_path, leting):
    install_plugin(
        site, "scoring-halves", "2.0.1", {"halves": "halves_plugin"}, {"halves_plugin": HALVES}
    )
    rules = _halves_rules(tmp_path)
    run = cli("score", str(leting), "-r", str(rules), "-f", "json", env=plugin_env(site))
    assert run.code == 0, run
    assert json.loads(run.out)[0]["projects"][0]["indicators"][0]["method"] == "halves"
    listing = cli("plugins", env=plugin_env(site))
    assert "halves" in listing.out and "scoring-halves" in listing.out and "2.0.1" in listing.out
    for env, args, why in (
        (
            plugin_env(site, SCORING_DISABLE_PLUGIN_AUTOLOAD="1"),
            (),
            "SCORING_DISABLE_PLUGIN_AUTOLOAD",
        ),
        (plugin_env(site, SCORING_PLUGINS="something-else"), (), "SCORING_PLUGINS"),
        (plugin_env(site), ("-p", "no:halves"), "-p no:halves"),
    ):
        off = cli(*args, "score", str(leting), "-r", str(rules), env=env)
        assert off.code == 2, off
        assert "method 'halves' is not provided" in off.err and "quantitative.≥" in off.err
        assert "scoring-halves 2.0.1" in off.err and why in off.err, off.err
    after = cli("score", "-p", "no:halves", str(leting), "-r", str(rules), env=plugin_env(site))
    assert after.code == 2 and "-p no:halves" in after.err
    for written in ("scoring-halves", "Scoring_Halves"):  # as packaging compares names
        allowed = cli(
            "score",
            str(leting),
            "-r",
            str(rules),
            env=plugin_env(site, SCORING_PLUGINS=written),
        )
        assert allowed.code == 0, allowed


@pytest.mark.parametrize(
    ("module", "words"),
    [(RAISING, "raised RuntimeError: boom"), (WRONG_TYPE, "returned list, not a dict")],
)
def test_a_broken_hook_is_named_and_the_rule_set_needing_it_refused(
    cli, site, tmp_path, leting, module, words
):
    install_plugin(
        site, "scoring-halves", "2.0.1", {"halves": "halves_plugin"}, {"halves_plugin": module}
    )
    fine = cli("score", str(leting), env=plugin_env(site))
    assert fine.code == 0, fine  # mof-2020 needs nothing from it: the run goes on
    assert "plugin 'halves' from scoring-halves 2.0.1 is broken" in fine.err and words in fine.err
    needed = cli("score", str(leting), "-r", str(_halves_rules(tmp_path)), env=plugin_env(site))
    assert needed.code == 2 and "method 'halves' is not provided" in needed.err
    assert "scoring-halves 2.0.1" in needed.err and "Traceback" not in needed.err


def test_two_distributions_with_one_method_name(cli, site, tmp_path, leting):
    """Neither is used; a rule set that does not need the method runs, one that does is
    refused naming both."""
    install_plugin(
        site, "scoring-halves", "2.0.1", {"halves": "halves_plugin"}, {"halves_plugin": HALVES}
    )
    install_plugin(
        site, "scoring-halves-too", "0.3", {"halves2": "halves_two"}, {"halves_two": HALVES}
    )
    fine = cli("score", str(leting), env=plugin_env(site))
    assert fine.code == 0, fine
    assert "registers method 'halves', as does another plugin" in fine.err
    needed = cli("score", str(leting), "-r", str(_halves_rules(tmp_path)), env=plugin_env(site))
    assert needed.code == 2, needed
    assert "method 'halves' is registered by both" in needed.err
    assert "scoring-halves 2.0.1" in needed.err and "scoring-halves-too 0.3" in needed.err


def test_tracing_prints_every_hook_call(cli, leting):
    run = cli("score", str(leting), env={"SCORING_TRACE_HOOKS": "1"})
    assert run.code == 0
    for hook in (
        "scoring_register_methods",
        "scoring_register_readers",
        "scoring_register_checks",
        "scoring_register_rulesets",
        "scoring_evaluated",
    ):
        assert hook in run.err, hook


def test_a_method_that_fails_while_scoring_is_named(site, tmp_path, leting):
    import importlib
    import sys

    (site / "failing_plugin.py").write_text(
        "from scoring import hookimpl\n\n@hookimpl\ndef scoring_register_methods():\n"
        "    def failing(indicator, params):\n        raise ZeroDivisionError('x')\n"
        "    return {'failing': failing}\n",
        "utf-8",
    )
    sys.path.insert(0, str(site))
    try:
        module = importlib.import_module("failing_plugin")
        host = Host(plugins=())
        host.register(module, "failing")
        host.infos["failing"].distribution, host.infos["failing"].version = "scoring-failing", "1.0"
        rules = {"ruleset": {"id": "f", "extends": "mof-2020"}, "quantitative": {"≥": "failing"}}
        with pytest.raises(scoring.PluginError) as raised:
            scoring.score(leting, rules=rules, host=host)
        assert "failing" in raised.value.render() and "scoring-failing 1.0" in raised.value.render()
    finally:
        sys.path.remove(str(site))


def test_a_thousand_scorings_load_plugins_and_rules_once(leting):
    host = Host()
    data = scoring.load(leting, host)
    scoring.score(data, host=host)
    before = (dict(host.stats), host.rulesets_compiled)
    for _ in range(1000):
        scoring.score(data, rules="mof-2020", host=host)
    assert (host.stats, host.rulesets_compiled) == before and before[1] == 1
    assert before[0]["plugins_loaded"] == len(host.plugins())


def test_the_testing_helpers(tmp_path, scoring_host):
    from pathlib import Path

    from scoring.testing import case_files, check_case

    cases = case_files(Path(__file__).parent / "cases")
    assert len(cases) > 50
    langfang = next(c for c in cases if c.stem == "langfang-2019")
    assert check_case(langfang, scoring_host) == []
    broken = tmp_path / "broken.toml"
    text = langfang.read_text("utf-8")
    broken.write_text(
        text.replace(
            'department = { score = 97.24, grade = "优" }',
            'department = { score = 97.25, grade = "优" }',
        ),
        "utf-8",
    )
    assert check_case(broken, scoring_host) == ["department.score: got 97.24, expected 97.25"]


def test_a_case_checks_only_the_finding_codes_it_names(tmp_path, scoring_host):
    """`codes`: the findings of those codes are the exact list; others are not the case's.
    Langfang raises recorded-score-mismatch three times, execution-low, reason-missing and
    operator-inferred."""
    import re
    from pathlib import Path

    from scoring.testing import check_case

    source = (Path(__file__).parent / "cases" / "langfang-2019.toml").read_text("utf-8")
    bare = re.sub(r"\nfindings = \[.*?\]\n", "\n", source, flags=re.S)
    scoped = tmp_path / "scoped.toml"

    def case(codes: str, findings: str) -> list[str]:
        text = bare.replace("[case]", f"[case]\ncodes = {codes}", 1)
        scoped.write_text(text.replace("[expect]", f"[expect]\nfindings = {findings}", 1), "utf-8")
        return check_case(scoped, scoring_host)

    low = '["execution-low@projects[0].budget"]'
    assert case('["execution-low"]', low) == []  # the other five findings are not its concern
    missed = case('["execution-low", "reason-missing"]', low)
    assert (
        len(missed) == 1 and "unexpected ['reason-missing@projects[0].budget.reason:" in missed[0]
    )
    assert case('["no-such-code"]', "[]") == []  # nothing of that code is raised: it holds
    assert "not among the case's codes" in case('["reason-missing"]', low)[0]


def test_plugin_docs_cover_every_hook_and_argument():
    import inspect
    import re
    from pathlib import Path

    from scoring import hookspecs

    page = (Path(__file__).resolve().parent.parent / "docs" / "plugins.md").read_text("utf-8")
    for name, function in vars(hookspecs).items():
        if not name.startswith("scoring_"):
            continue
        arguments = list(inspect.signature(function).parameters)
        heading = re.search(rf"^### `{name}\(([^)]*)\)`\n(.*?)(?=^### |^## )", page, re.S | re.M)
        assert heading, f"{name} has no section in docs/plugins.md"
        assert [a.strip() for a in heading.group(1).split(",") if a.strip()] == arguments, name
        body = heading.group(2)
        for part in ("**Arguments:**", "**Returns:**", "**Called:**", "```python"):
            assert part in body, f"{name}: {part} missing"
        for argument in arguments:
            assert f"`{argument}`" in body, f"{name}: argument {argument} undocumented"


FAULTY_FORMAT = """
from scoring import hookimpl

@hookimpl
def scoring_register_renderers():
    return {"nothing": lambda results, options: None}
"""


def test_a_format_breaking_its_contract_is_named(cli, site, leting):
    """The format asked for is what the run needs: it fails, naming the plugin."""
    install_plugin(
        site,
        "scoring-nothing",
        "1.1",
        {"nothing": "nothing_plugin"},
        {"nothing_plugin": FAULTY_FORMAT},
    )
    run = cli("score", str(leting), "-f", "nothing", env=plugin_env(site))
    assert run.code == 2, run
    assert "format 'nothing' of plugin nothing (scoring-nothing 1.1) returned NoneType" in run.err
    assert "Traceback" not in run.err


def test_threads_resolve_a_rule_set_once(leting):
    from concurrent.futures import ThreadPoolExecutor

    host = Host()
    data = scoring.load(leting, host)
    ids = ["mof-2020", "guangxi", "hebei", "whole-points"] * 25
    with ThreadPoolExecutor(max_workers=16) as pool:
        scores = list(
            pool.map(lambda rid: scoring.score(data, rules=rid, host=host).department.score, ids)
        )
    assert host.rulesets_compiled == 4
    assert scores[:4] == [
        scoring.score(data, rules=rid, host=host).department.score for rid in ids[:4]
    ]


# --- a plugin's answers of the wrong shape: named with the plugin, the batch goes on -----------


def _checking(**fields):
    """A plugin whose check 'odd' yields one finding with ``fields`` over proper ones."""
    finding = {"code": "odd", "severity": "warning", "where": "projects[0]", "message": "m"}

    class Checking:
        @scoring.hookimpl
        def scoring_register_checks(self):
            def odd(evaluation, result, ruleset):
                yield scoring.Finding(**(finding | fields))

            return {"odd": odd}

    return Checking()


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"where": None}, "whose where is None (NoneType)"),
        ({"where": 5}, "whose where is 5 (int)"),
        ({"code": 123}, "whose code is 123 (int)"),
        ({"code": ""}, "whose code is ''"),
        ({"message": None}, "whose message is None (NoneType)"),
        ({"message": 42}, "whose message is 42 (int)"),
        ({"cell": 7}, "whose cell is 7 (int)"),
        ({"severity": "fatal"}, "severity 'fatal'"),
    ],
)
def test_a_check_yielding_an_improper_finding_fails_as_a_check(leting, langfang, fields, said):
    """The check is named once and left out; every file of the batch is scored, and each
    result says which check it lacks and why."""
    with pytest.warns(UserWarning, match="check 'odd' of plugin Checking") as warned:
        host = Host(plugins=(_checking(**fields),), autoload=False)
        batch = list(scoring.score_many([leting, langfang, leting], host=host))
    assert len([w for w in warned if "check 'odd'" in str(w.message)]) == 1
    assert [item.result.department.score for item in batch] == [
        Decimal("99.79"),
        Decimal("97.24"),
        Decimal("99.79"),
    ]
    for item in batch:
        failed = [f for f in item.result.findings if f.code == "check-failed"]
        assert len(failed) == 1 and "odd" not in {f.code for f in item.result.findings}
        assert "check 'odd' of plugin Checking" in failed[0].message
        assert said in failed[0].message, failed[0].message
        json.dumps(item.result.to_dict())


def test_the_check_failed_finding_is_in_the_results_language(leting):
    from scoring.i18n import using

    host = Host(plugins=(_checking(where=None),), autoload=False)
    with pytest.warns(UserWarning):
        with using("zh_CN"):
            chinese = scoring.score(leting, host=host)
        with using("en"):
            english = scoring.score(leting, host=host)
    chinese, english = (
        next(f.message for f in result.findings if f.code == "check-failed")
        for result in (chinese, english)
    )
    assert chinese.startswith("插件 Checking 的复核检查 'odd' 出错，已停用，本结果未经此项检查")
    assert "位置（where）为 None" in chinese
    assert english.startswith("review check 'odd' of plugin Checking failed and is left out")


def _reading(**attributes):
    """A plugin reading `.odd` files as TOML, its answer given ``attributes``."""
    import tomllib

    class Sheet(dict):
        pass

    class Reading:
        @scoring.hookimpl
        def scoring_register_readers(self):
            def read(path):
                sheet = Sheet(tomllib.loads(path.read_text("utf-8")))
                for name, value in attributes.items():
                    setattr(sheet, name, value)
                return sheet

            return {".odd": read}

    return Reading()


@pytest.mark.parametrize(
    ("attributes", "said"),
    [
        ({"locations": ["x"]}, "returned locations as ['x'] (list), not a dict"),
        ({"locations": None}, "returned locations as None (NoneType), not a dict"),
        ({"locations": {"projects[0].name": 5}}, "'projects[0].name': 5 (int); both should be"),
        ({"locations": {7: "x"}}, "the entry 7 (int): 'x'"),
        ({"notes": None}, "returned notes as None (NoneType), not a list"),
        ({"notes": "abc"}, "returned notes as 'abc', not a list"),
        ({"notes": [("projects[0]",)]}, "item 0 is ('projects[0]',) (tuple), not a (key path"),
        ({"notes": [("projects[0]", "w"), None]}, "item 1 is None (NoneType)"),
        ({"notes": [(None, "w")]}, "item 0 has the key path None (NoneType)"),
        ({"notes": [("projects[0]", 42)]}, "item 0 has the words 42 (int)"),
        (
            {"notes": [Note("projects[0]", "w", "fatal")]},
            "item 0 has the severity 'fatal'",
        ),
    ],
)
def test_a_reader_answering_with_wrong_places_or_notes_fails_that_file(
    leting, langfang, tmp_path, attributes, said
):
    odd = tmp_path / "表.odd"
    odd.write_text(leting.read_text("utf-8"), "utf-8")
    host = Host(plugins=(_reading(**attributes),), autoload=False)
    first, second, third = scoring.score_many([leting, odd, langfang], host=host)
    assert first.result.department.score == Decimal("99.79")
    assert third.result.department.score == Decimal("97.24")
    assert second.result is None and second.error.code == "plugin-fault"
    assert isinstance(second.error, scoring.PluginError)
    shown = second.error.render()
    assert shown.startswith(f"{odd}: reader '.odd' of plugin Reading returned "), shown
    assert said in shown, shown
    assert "-p no:Reading" in shown
    with pytest.raises(scoring.PluginError):
        scoring.score(odd, host=host)


def test_a_readers_proper_places_and_notes_are_used(leting, tmp_path):
    odd = tmp_path / "表.odd"
    odd.write_text(leting.read_text("utf-8"), "utf-8")
    plugin = _reading(
        locations={"projects[0].indicators[0].actual": "表.odd line 5, column 9"},
        notes=[("projects[0].indicators[0]", "假定单位"), Note("projects", "w", "warning")],
    )
    result = scoring.score(odd, host=Host(plugins=(plugin,), autoload=False))
    notes = {(f.severity, f.message) for f in result.findings if f.code == "read-assumption"}
    assert notes == {("info", "假定单位"), ("warning", "w")}


class _Naming:
    """A plugin registering methods and readers under names that cannot be used."""

    @scoring.hookimpl
    def scoring_register_methods(self):
        method = lambda indicator, params: Rating(Decimal(1), "")  # noqa: E731
        return {5: method, "": method, "two words": method, "fine": method}

    @scoring.hookimpl
    def scoring_register_readers(self):
        return {"csv": dict, ".CSV": dict, ".tar.gz": dict, ".fine": dict}


def test_names_that_cannot_be_used_are_refused_and_named():
    with pytest.warns(UserWarning) as warned:
        host = Host(plugins=(_Naming(),), autoload=False)
        assert "fine" in host.methods and ".fine" in host.readers
    said = [str(w.message) for w in warned]
    for expected in (
        "registers method under the name 5 (int): a name is text",
        "registers method under the name ''; a name is text without spaces",
        "registers method under the name 'two words'; a name is text without spaces",
        "registers reader 'csv', which is not a file suffix",
        "left out: register it as '.csv'",
        "registers reader '.CSV', which",
        "registers reader '.tar.gz', which",
    ):
        assert any(expected in text for text in said), (expected, said)
    assert set(host.methods) - {"fine"} == set(Host(autoload=False).methods)
    assert {".fine", ".toml"} <= set(host.readers) and "csv" not in host.readers
    assert [kind for kind, name in host.owners if name in (5, "", "csv")] == []


def test_a_misspelt_name_in_allow_is_named():
    with pytest.warns(UserWarning, match="allow: no installed plugin or distribution is named"):
        Host(allow=["scoring-plugin-exmaple", "scoring.methods"])
    import warnings

    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        Host(allow=["scoring.methods"])  # a built-in's name: it is installed
    assert not [w for w in warned if "no installed plugin" in str(w.message)]
