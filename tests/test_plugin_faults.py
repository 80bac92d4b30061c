"""A broken plugin costs only what it provides: one case per fault a real plugin can have.

Each case installs a distribution (metadata, entry points, modules) on PYTHONPATH and runs the
real command line. Every case checks that the plugin is named with its distribution and version,
that no traceback is shown, and that what does not need the plugin still runs: ``scoring
plugins``, ``scoring rules list`` and a score under mof-2020 (99.79 优 for the Leting table).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .conftest import install_plugin, plugin_env

DIST, VERSION = "scoring-faulty", "0.9"
NAMED = f"{DIST} {VERSION}"


@dataclass(frozen=True)
class Fault:
    """A plugin with one fault: its modules (name → code) and entry points (name → module)."""

    name: str
    modules: dict
    entries: dict = field(default_factory=lambda: {"faulty": "faulty_plugin"})
    files: dict = field(default_factory=dict)  # more files in the site folder, path → text


RULES = "from pathlib import Path\nfrom scoring import hookimpl\n\n"
GOOD_RULES = '[ruleset]\nid = "plugin-rules"\nextends = "mof-2020"\n[rounding]\ndecimals = 1\n'

FAULTS = [
    Fault(
        "rule-set-path-missing",
        {
            "faulty_plugin": RULES
            + "@hookimpl\ndef scoring_register_rulesets():\n"
            + "    return [Path(__file__).parent / 'no-such-folder']\n"
        },
    ),
    Fault(
        "rule-set-folder-with-one-bad-file",
        {
            "faulty_plugin": RULES
            + "@hookimpl\ndef scoring_register_rulesets():\n"
            + "    return [Path(__file__).parent / 'faulty_rules']\n"
        },
        files={"faulty_rules/good.toml": GOOD_RULES, "faulty_rules/bad.toml": "[ruleset\nid = 1"},
    ),
    Fault(
        "rule-set-id-of-a-built-in",
        {
            "faulty_plugin": RULES
            + "@hookimpl\ndef scoring_register_rulesets():\n"
            + "    return [Path(__file__).parent / 'faulty_rules']\n"
        },
        files={"faulty_rules/mof.toml": '[ruleset]\nid = "mof-2020"\n[rounding]\ndecimals = 0\n'},
    ),
    Fault(
        "method-named-as-a-built-in",
        {
            "faulty_plugin": "from decimal import Decimal\nfrom scoring import Rating, hookimpl\n\n"
            "@hookimpl\ndef scoring_register_methods():\n"
            "    return {'ratio': lambda indicator, params: Rating(Decimal(0), 'zero')}\n"
        },
    ),
    Fault(
        "system-exit-on-import",
        {"faulty_plugin": "raise SystemExit(0)\n"},
    ),
    Fault(
        "system-exit-in-a-hook",
        {
            "faulty_plugin": "from scoring import hookimpl\n\n"
            "@hookimpl\ndef scoring_register_checks():\n    raise SystemExit(0)\n"
        },
    ),
    Fault(
        "prints-on-standard-output",
        {
            "faulty_plugin": "from scoring import hookimpl\nprint('loaded!')\n\n"
            "@hookimpl\ndef scoring_register_checks():\n    print('registering')\n"
            "    def noisy(evaluation, result, ruleset):\n        print('checking')\n"
            "        return []\n    return {'noisy': noisy}\n\n"
            "@hookimpl\ndef scoring_evaluated(result):\n    print('recorded', result.source)\n"
        },
    ),
    Fault(
        "check-that-raises",
        {
            "faulty_plugin": "from scoring import hookimpl\n\n"
            "@hookimpl\ndef scoring_register_checks():\n"
            "    def raising(evaluation, result, ruleset):\n"
            "        raise RuntimeError('check down')\n"
            "    return {'faulty-check': raising}\n"
        },
    ),
    Fault(
        "check-yielding-a-finding-placed-nowhere",
        {
            "faulty_plugin": "from scoring import Finding, hookimpl\n\n"
            "@hookimpl\ndef scoring_register_checks():\n"
            "    def nowhere(evaluation, result, ruleset):\n"
            "        yield Finding('nowhere', 'warning', None, 'no place')\n"
            "    return {'nowhere': nowhere}\n"
        },
    ),
    Fault(
        "entry-point-named-as-a-built-in",
        {
            "faulty_plugin": "from scoring import hookimpl\n\n"
            "@hookimpl\ndef scoring_register_methods():\n    return {}\n"
        },
        entries={"scoring.methods": "faulty_plugin"},
    ),
    Fault(
        "hook-with-an-argument-its-hook-lacks",
        {
            "faulty_plugin": "from scoring import hookimpl\n\n"
            "@hookimpl\ndef scoring_register_checks():\n    return {}\n\n"
            "@hookimpl\ndef scoring_register_methods(config):\n    return {}\n"
        },
    ),
    Fault(
        "recorder-that-raises",
        {
            "faulty_plugin": "from scoring import hookimpl\n\n"
            "@hookimpl\ndef scoring_evaluated(result):\n    raise RuntimeError('recorder down')\n"
        },
    ),
    Fault(
        "recorder-that-changes-the-result",
        {
            "faulty_plugin": "from scoring import hookimpl\n\n"
            "@hookimpl\ndef scoring_evaluated(result):\n"
            "    result.projects[0].indicators[0].__dict__  # a look is allowed\n"
            "    result.findings.append('tampered')\n"
        },
    ),
]


def _install_fault(site: Path, fault: Fault) -> None:
    install_plugin(site, DIST, VERSION, fault.entries, fault.modules)
    for name, text in fault.files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_broken_plugin_costs_only_what_it_provides(fault, cli, site, leting, tmp_path):
    _install_fault(site, fault)
    env = plugin_env(site)
    second = tmp_path / "second.toml"
    second.write_text(leting.read_text("utf-8"), "utf-8")

    run = cli("score", str(leting), str(second), "-f", "json", env=env)
    assert run.code == 0, run
    assert "Traceback" not in run.err and "internal error" not in run.err, run
    results = json.loads(run.out)  # a plugin's printing never reaches the output stream
    assert [r["department"]["score"] for r in results] == [99.79, 99.79]
    assert [r["department"]["grade"] for r in results] == ["优", "优"]
    assert NAMED in run.err or fault.name == "prints-on-standard-output", run.err

    for command in (("plugins",), ("rules", "list")):
        listing = cli(*command, env=env)
        assert listing.code == 0, listing
        assert "mof-2020" in listing.out or command == ("plugins",)
    EXPECTED[fault.name](run, results, cli, env)


def _rule_set_path_missing(run, results, cli, env):
    assert "registers rule sets at" in run.err and "does not exist" in run.err


def _folder_with_one_bad_file(run, results, cli, env):
    assert "bad.toml" in run.err and "good.toml" not in run.err
    good = cli(
        "score", str(Path(results[0]["source"])), "-r", "plugin-rules", "-f", "json", env=env
    )
    assert good.code == 0, good  # the folder's good file is installed: 1 decimal
    assert json.loads(good.out)[0]["department"]["score"] == 99.8


def _id_of_a_built_in(run, results, cli, env):
    assert "rule set 'mof-2020'" in run.err and "the built-in rule set" in run.err
    assert results[0]["ruleset"]["sha256"] == _builtin_sha(cli)


def _builtin_sha(cli) -> str:
    shown = cli(
        "rules", "show", "mof-2020", "-f", "json", env={"SCORING_DISABLE_PLUGIN_AUTOLOAD": "1"}
    )
    return json.loads(shown.out)["sha256"]


def _method_named_as_a_built_in(run, results, cli, env):
    assert "registers method 'ratio', which is built in" in run.err
    assert results[0]["projects"][0]["indicators"][0]["score"] == 20  # full marks by ratio


def _system_exit_on_import(run, results, cli, env):
    assert "failed to load and was skipped: SystemExit: 0" in run.err


def _system_exit_in_a_hook(run, results, cli, env):
    assert "scoring_register_checks raised SystemExit: 0" in run.err


def _prints(run, results, cli, env):
    for said in ("loaded!", "registering", "checking", "recorded"):
        assert said in run.err


def _check_that_raises(run, results, cli, env):
    """Said once on standard error; each result says which check it lacks."""
    assert run.err.count("check 'faulty-check'") == 1 and "check down" in run.err
    for result in results:
        failed = [f for f in result["findings"] if f["code"] == "check-failed"]
        assert len(failed) == 1 and NAMED in failed[0]["message"], result["findings"]
        assert failed[0]["severity"] == "warning"


def _check_placed_nowhere(run, results, cli, env):
    """A finding whose place is not text fails its check as raising would: named once, and
    every result of the batch written, each saying which check it lacks and why."""
    assert run.err.count("check 'nowhere'") == 1 and "whose where is None" in run.err
    for result in results:
        failed = [f for f in result["findings"] if f["code"] == "check-failed"]
        assert len(failed) == 1 and NAMED in failed[0]["message"], result["findings"]
        assert "whose where is None" in failed[0]["message"]
        assert "nowhere" not in {f["code"] for f in result["findings"]}


def _entry_point_named_as_a_built_in(run, results, cli, env):
    assert "its entry-point name 'scoring.methods' is also that of scoring" in run.err


def _hook_with_an_argument_its_hook_lacks(run, results, cli, env):
    """pluggy refuses the plugin at registration; none of its hooks stays behind."""
    assert "failed to load: Plugin 'faulty' for hook 'scoring_register_methods'" in run.err
    assert "{'config'} are declared in the hookimpl" in run.err
    shown = cli("plugins", env=env)
    assert "✗ plugin 'faulty'" in shown.out and "\nfaulty " not in shown.out, shown


def _recorder_that_raises(run, results, cli, env):
    """Named once, not called again: both files are scored and written."""
    assert run.err.count("recorder down") == 1


def _recorder_that_changes(run, results, cli, env):
    """A frozen result: the change fails (named), the output is the result as scored."""
    assert "scoring_evaluated raised AttributeError" in run.err
    assert all("tampered" not in json.dumps(r) for r in results)


EXPECTED = {
    "rule-set-path-missing": _rule_set_path_missing,
    "rule-set-folder-with-one-bad-file": _folder_with_one_bad_file,
    "rule-set-id-of-a-built-in": _id_of_a_built_in,
    "method-named-as-a-built-in": _method_named_as_a_built_in,
    "system-exit-on-import": _system_exit_on_import,
    "system-exit-in-a-hook": _system_exit_in_a_hook,
    "prints-on-standard-output": _prints,
    "check-that-raises": _check_that_raises,
    "check-yielding-a-finding-placed-nowhere": _check_placed_nowhere,
    "entry-point-named-as-a-built-in": _entry_point_named_as_a_built_in,
    "hook-with-an-argument-its-hook-lacks": _hook_with_an_argument_its_hook_lacks,
    "recorder-that-raises": _recorder_that_raises,
    "recorder-that-changes-the-result": _recorder_that_changes,
}


def test_every_fault_has_its_expectations():
    assert {fault.name for fault in FAULTS} == set(EXPECTED)


def test_a_rule_set_id_two_plugins_install_is_refused_when_asked_for(cli, site, leting):
    """Neither file is used; mof-2020 still scores; asking for the id names both."""
    for dist in ("scoring-one", "scoring-two"):
        module = dist.replace("-", "_")
        install_plugin(site, dist, "1.0", {module: module}, {
            module: RULES + "@hookimpl\ndef scoring_register_rulesets():\n"
            f"    return [Path(__file__).parent / '{module}.toml']\n"
        })  # fmt: skip
        (site / f"{module}.toml").write_text(GOOD_RULES, "utf-8")
    env = plugin_env(site)
    assert cli("score", str(leting), env=env).code == 0
    asked = cli("score", str(leting), "-r", "plugin-rules", env=env)
    assert asked.code == 2, asked
    assert "rule set 'plugin-rules' is installed twice" in asked.err
    assert "scoring_one.toml" in asked.err and "scoring_two.toml" in asked.err


def test_a_zero_argument_recorder_is_called(cli, site, leting, tmp_path):
    """pluggy passes each hook implementation the arguments it declares: none here."""
    mark = tmp_path / "called"
    install_plugin(site, "scoring-counter", "1.0", {"counter": "counter_plugin"}, {
        "counter_plugin": "from pathlib import Path\nfrom scoring import hookimpl\n\n"
        f"@hookimpl\ndef scoring_evaluated():\n    Path({str(mark)!r}).write_text('yes')\n"
    })  # fmt: skip
    run = cli("score", str(leting), env=plugin_env(site))
    assert run.code == 0 and "warning" not in run.err, run
    assert mark.read_text() == "yes"


def test_p_no_before_and_after_the_command_both_count(cli, site, leting):
    """`scoring -p no:A score … -p no:B`: neither A nor B loads."""
    for dist in ("scoring-one", "scoring-two"):
        module = dist.replace("-", "_")
        install_plugin(site, dist, "1.0", {module: module}, {module: "raise SystemExit(1)\n"})
    env = plugin_env(site)
    run = cli("-p", "no:scoring_one", "plugins", "-p", "no:scoring-two", env=env)
    assert run.code == 0 and "SystemExit" not in run.err, run
    assert "disabled by -p no:scoring_one" in run.out and "disabled by -p no:scoring-two" in run.out


def test_p_no_naming_nothing_installed_says_so(cli, leting):
    run = cli("-p", "no:hunann", "score", str(leting))
    assert run.code == 0, run
    assert "-p no:hunann: no installed plugin or distribution is named 'hunann'" in run.err
    assert "scoring.methods" in run.err  # what is installed, to pick from


def test_each_check_that_fails_is_its_own_finding(cli, site, leting):
    install_plugin(site, DIST, VERSION, {"faulty": "faulty_plugin"}, {
        "faulty_plugin": "from scoring import hookimpl\n\n"
        "@hookimpl\ndef scoring_register_checks():\n"
        "    def one(evaluation, result, ruleset):\n        raise RuntimeError('one down')\n"
        "    def two(evaluation, result, ruleset):\n        yield 'not a finding'\n"
        "    return {'check-one': one, 'check-two': two}\n"
    })  # fmt: skip
    run = cli("score", str(leting), "-f", "json", env=plugin_env(site))
    assert run.code == 0, run
    failed = [f for f in json.loads(run.out)[0]["findings"] if f["code"] == "check-failed"]
    assert len(failed) == 2, failed
    assert any("check-one" in f["message"] for f in failed)
    assert any("check-two" in f["message"] for f in failed)


def test_a_plugins_rule_set_that_cannot_score_names_the_plugin(cli, site, leting):
    """The file reads (so it is listed), but its parent is not installed: asking for it names
    the plugin that installed it, with its distribution and version."""
    install_plugin(site, DIST, VERSION, {"faulty": "faulty_plugin"}, {
        "faulty_plugin": RULES + "@hookimpl\ndef scoring_register_rulesets():\n"
        "    return [Path(__file__).parent / 'orphan.toml']\n"
    })  # fmt: skip
    (site / "orphan.toml").write_text('[ruleset]\nid = "orphan"\nextends = "no-such"\n', "utf-8")
    env = plugin_env(site)
    run = cli("score", str(leting), "-r", "orphan", env=env)
    assert run.code == 2, run
    assert f"installed by the plugin faulty ({NAMED})" in run.err, run
    assert "-p no:faulty" in run.err and "Traceback" not in run.err


def test_a_recorder_that_raises_in_every_worker_is_named_once(cli, site, leting, tmp_path):
    """--jobs 2: the recorder fails in each worker, which names it to the command; the command
    says it once, as a single process does, and scores every file."""
    install_plugin(site, "scoring-faulty", "1.0", {"faulty": "faulty_plugin"}, {
        "faulty_plugin": "from scoring import hookimpl\n\n"
        "@hookimpl\ndef scoring_evaluated(result):\n    raise RuntimeError('recorder down')\n"
    })  # fmt: skip
    folder = tmp_path / "单位"
    folder.mkdir()
    for index in range(40):
        (folder / f"单位{index}.toml").write_text(leting.read_text("utf-8"), "utf-8")
    run = cli("score", str(folder), "-f", "jsonl", "--jobs", "2", env=plugin_env(site))
    assert run.code == 0, run
    assert len(run.out.splitlines()) == 40
    assert run.err.count("recorder down") == 1, run.err


BAD_READER = """
import tomllib
from scoring import hookimpl


class Sheet(dict):
    pass


@hookimpl
def scoring_register_readers():
    def read(path):
        sheet = Sheet(tomllib.loads(path.read_text("utf-8")))
        sheet.locations = {locations}
        sheet.notes = {notes}
        return sheet

    return {{".odd": read}}
"""


@pytest.mark.parametrize(
    ("locations", "notes", "said"),
    [
        ("['x']", "[]", "returned locations as ['x'] (list), not a dict"),
        ("{}", "None", "returned notes as None (NoneType), not a list"),
        ("{}", "[(None, 'w')]", "returned notes whose item 0 has the key path None"),
    ],
)
def test_a_reader_answering_with_wrong_places_or_notes_fails_that_file(
    cli, site, leting, tmp_path, locations, notes, said
):
    """Exit 2, naming the file, the reader, its plugin and what is wrong; the other files of
    the batch are scored and written."""
    install_plugin(site, DIST, VERSION, {"faulty": "faulty_plugin"}, {
        "faulty_plugin": BAD_READER.format(locations=locations, notes=notes)
    })  # fmt: skip
    odd = tmp_path / "表.odd"
    odd.write_text(leting.read_text("utf-8"), "utf-8")
    run = cli("score", str(leting), str(odd), str(leting), "-f", "json", env=plugin_env(site))
    assert run.code == 2, run
    assert "Traceback" not in run.err and "internal error" not in run.err, run
    results = json.loads(run.out)
    assert [r.get("department", {}).get("score") for r in results] == [99.79, None, 99.79]
    assert results[1]["error"]["code"] == "plugin-fault"
    shown = f"reader '.odd' of plugin faulty ({NAMED}) {said}"
    assert shown in results[1]["error"]["message"] and shown in run.err, run
    assert str(odd) in run.err and "-p no:faulty" in run.err


def test_names_a_plugin_cannot_register_under_are_named_by_scoring_plugins(cli, site, leting):
    """A method under a number or an empty name, a reader without its dot: each named and
    left out; `scoring plugins` lists the rest, and a .csv file is refused saying why."""
    install_plugin(site, DIST, VERSION, {"faulty": "faulty_plugin"}, {
        "faulty_plugin": "from decimal import Decimal\nfrom scoring import Rating, hookimpl\n\n"
        "def one(indicator, params):\n    return Rating(Decimal(1), 'one')\n\n"
        "@hookimpl\ndef scoring_register_methods():\n"
        "    return {5: one, '': one, 'one': one}\n\n"
        "@hookimpl\ndef scoring_register_readers():\n    return {'csv': dict}\n"
    })  # fmt: skip
    env = plugin_env(site)
    shown = cli("plugins", env=env)
    assert shown.code == 0, shown
    assert "Traceback" not in shown.err and "internal error" not in shown.err
    listing = " ".join(shown.out.split())
    assert "method: one" in listing or "methods: one" in listing, shown
    for said in (
        "registers method under the name 5 (int): a name is text; it is left out",
        "registers method under the name ''; a name is text without spaces",
        "registers reader 'csv', which is not a file suffix",
    ):
        assert said in listing, (said, shown)
    table = site.parent / "表.csv"
    table.write_text("a,b\n", "utf-8")
    run = cli("score", str(table), str(leting), "-f", "json", env=env)
    assert run.code == 2, run
    assert "register it as '.csv'" in " ".join(run.err.split()), run
    assert json.loads(run.out)[1]["department"]["score"] == 99.79


def test_a_misspelt_name_in_scoring_plugins_is_named(cli, leting):
    run = cli("score", str(leting), env={"SCORING_PLUGINS": "scoring-plugin-exmaple"})
    assert run.code == 0, run
    assert (
        "SCORING_PLUGINS: no installed plugin or distribution is named 'scoring-plugin-exmaple'"
        in run.err
    )
