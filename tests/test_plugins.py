"""The plugin host: built-ins through the entry-point group, faults named, conflicts refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.host import Host
from scoring.methods import Rating


def test_builtins_come_through_the_entry_point_group():
    host = Host()
    names = {info.name for info in host.plugins()}
    assert {"methods", "rulesets", "readers", "renderers", "checks"} <= names
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


def test_two_plugins_with_one_name_are_an_error():
    class Twin:
        @scoring.hookimpl
        def scoring_register_methods(self):
            return {"ratio": lambda indicator, params: Rating(Decimal(1))}

    host = Host(plugins=(Twin(),))
    with pytest.raises(scoring.PluginError) as raised:
        _ = host.methods
    assert "ratio" in str(raised.value) and "methods" in str(raised.value)


@pytest.mark.parametrize("returned", [0.5, Decimal("1.5"), "1", None])
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


def test_a_plugin_that_fails_to_load_is_named(monkeypatch):
    from importlib.metadata import EntryPoint

    import scoring.host as host_module

    bad = EntryPoint(name="broken", value="no_such_module_anywhere", group="scoring")
    real = host_module._entry_points
    monkeypatch.setattr(host_module, "_entry_points", lambda: [*real(), bad])
    host = Host()
    assert [f.name for f in host.failures] == ["broken"]
    assert "ModuleNotFoundError" in host.failures[0].message()
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
