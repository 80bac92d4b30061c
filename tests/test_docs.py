"""The reference pages cover what they document: a key, method or finding code missing from
docs/rulesets.md fails here."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from scoring import schemas
from scoring.host import Host

DOCS = Path(__file__).resolve().parent.parent / "docs"
RULESETS = (DOCS / "rulesets.md").read_text("utf-8")


def _keys(node: dict, prefix: str = "") -> list[str]:
    """Every dotted key the rule-set schema names, arrays of tables included."""
    found = []
    for key, sub in node.get("properties", {}).items():
        dotted = f"{prefix}{key}"
        found.append(dotted)
        target = sub.get("items", sub) if sub.get("type") == "array" else sub
        if "$ref" in target:
            continue
        found += _keys(target, dotted + ".")
    return found


RULESET_KEYS = _keys(schemas.schema("ruleset"))


@pytest.mark.parametrize("key", RULESET_KEYS)
def test_every_ruleset_key_is_documented(key):
    top = key.split(".")[0]
    if key == top:
        assert re.search(rf"`\[\[?{re.escape(top)}\]\]?`", RULESETS), (
            f"section [{top}] undocumented"
        )
    else:
        assert f"`{key}`" in RULESETS, f"`{key}` is missing from docs/rulesets.md"


@pytest.mark.parametrize("method", sorted(Host(autoload=False).methods))
def test_every_builtin_method_has_a_formula_and_an_example(method):
    section = re.search(rf"^### `{re.escape(method)}`\n(.*?)(?=^### |^## )", RULESETS, re.S | re.M)
    assert section, f"method {method} has no section in docs/rulesets.md"
    assert "**" in section.group(1) and "→" in section.group(1), f"{method}: no worked example"


def test_every_shipped_ruleset_is_in_the_table():
    for ruleset in Host(autoload=False).catalog.installed:
        assert f"| `{ruleset}` |" in RULESETS, ruleset


def test_every_finding_code_is_documented():
    import scoring.checks

    package = Path(scoring.checks.__file__).parent
    source = "".join(
        (package / name).read_text("utf-8")
        for name in ("checks.py", "scorer.py", "policies.py", "weights.py", "engine.py")
    )
    codes = set(Host(autoload=False).checks)  # a check is registered under the code it raises
    codes |= set(re.findall(r'(?:flag|WeightNote|Finding)\(\s*"([a-z]+(?:-[a-z]+)+)"', source))
    assert {"recorded-score-mismatch", "over-achievement", "weights-total", "budget-zero"} <= codes
    for code in codes:
        assert f"| `{code}` |" in RULESETS, f"finding {code} is missing from docs/rulesets.md"


def test_every_method_and_finding_code_has_a_chinese_title():
    """What a reviewer reads (a workbook, a summary) names methods and findings in Chinese."""
    import scoring.checks
    from scoring import labels

    package = Path(scoring.checks.__file__).parent
    source = "".join(
        (package / name).read_text("utf-8")
        for name in ("checks.py", "scorer.py", "policies.py", "weights.py", "engine.py")
    )
    codes = set(Host(autoload=False).checks)
    codes |= set(re.findall(r'(?:flag|WeightNote|Finding)\(\s*"([a-z]+(?:-[a-z]+)+)"', source))
    for code in codes:
        assert code in labels.FINDINGS, f"finding {code} has no Chinese title in scoring/labels.py"
    for method in (*Host(autoload=False).methods, "deadline", "judgement", "not-applicable"):
        assert method in labels.METHODS, f"method {method} has no Chinese title"
    for method in ("table", "budget-weighted", "mean"):
        assert method in labels.METHODS


def test_the_readme_shows_what_the_command_prints(cli, langfang):
    """The README's screenshot is `scoring score examples/langfang-2019.toml` at 100 columns,
    run from the repository as it says, as it prints today — the example being the test case
    without its [case] and [expect] tables; the links it gives lead to pages that exist."""
    readme = (DOCS.parent / "README.md").read_text("utf-8")
    assert "`scoring score examples/langfang-2019.toml`" in readme
    example = DOCS.parent / "examples" / "langfang-2019.toml"
    assert example.read_text("utf-8") == langfang.read_text("utf-8")
    shown = re.search(r"```text\n(.*?)```\n", readme, re.S).group(1)
    run = cli("score", "examples/langfang-2019.toml", cwd=DOCS.parent, env={"SCORING_LANG": "zh"})
    assert run.code == 0, run
    assert [line.rstrip() for line in run.out.splitlines()] == shown.splitlines()
    for link in re.findall(r"\]\(([^)#]+)", readme):
        assert (DOCS.parent / link).exists(), link


def test_the_limits_page_lists_every_limit_with_its_number():
    """docs/limits.md has a row for each constant of scoring.limits, giving its value."""
    from scoring import limits

    page = (DOCS / "limits.md").read_text("utf-8")
    rows = {line for line in page.splitlines() if line.startswith("|")}
    constants = {name: value for name, value in vars(limits).items() if name.isupper()}
    assert len(constants) >= 15
    for name, value in constants.items():
        row = next((r for r in rows if f"`{name}`" in r), None)
        assert row is not None, f"{name} has no row in docs/limits.md"
        assert f"{value:,}" in row, f"{name} = {value:,}, not what docs/limits.md says: {row}"


def test_the_first_api_example_runs_as_written(monkeypatch):
    """docs/api.md opens with a call a user pastes into Python in the repository's folder: it
    runs, and its last line gives what its comment says."""
    api = (DOCS / "api.md").read_text("utf-8")
    block = re.search(r"```python\n(.*?)```\n", api, re.S).group(1)
    *lines, last = block.strip().splitlines()
    expression, expected = last.split("  # ")
    monkeypatch.chdir(DOCS.parent)
    scope: dict = {}
    exec("\n".join(lines), scope)
    assert repr(eval(expression, scope)) == expected


def test_the_rule_set_docs_give_every_code_its_chinese_title():
    """docs/rulesets.md names each method and finding code as the output does (比例计分,
    执行率偏低), beside its id."""
    from scoring import labels
    from scoring.i18n import using

    page = (DOCS / "rulesets.md").read_text("utf-8")
    with using("zh_CN"):
        for code in labels.METHODS:
            assert f"| `{code}` | {labels.method(code)} |" in page, code
        for code in labels.FINDINGS:
            assert f"| `{code}` | {labels.finding(code)} |" in page, code


def test_the_bash_completion_installed_as_the_guide_says_completes_scoring(tmp_path):
    """The guide's one-command install for bash: the script it evals registers a completion
    for scoring that offers the commands."""
    import shutil
    import subprocess

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash on this machine")
    guide = (DOCS / "guide.md").read_text("utf-8")
    assert """echo 'eval "$(scoring completion bash)"' >> ~/.bashrc""" in guide
    # the installed command's script, made by this interpreter (its venv need not be on PATH)
    script = (
        f'eval "$({sys.executable} -m scoring completion bash)"; complete -p scoring; '
        "COMP_WORDS=(scoring sco); COMP_CWORD=1; COMP_LINE='scoring sco'; COMP_POINT=11; "
        '_shtab_scoring; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    run = subprocess.run([bash, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "-F _shtab_scoring scoring" in run.stdout
    assert "score" in run.stdout.split()
