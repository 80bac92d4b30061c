"""Built-in rule sets: the TOML files of the repository's rules/ folder."""

from pathlib import Path

from scoring.hookspecs import hookimpl


def ruleset_folder() -> Path:
    """Inside an installed wheel the rule sets sit in the package; in a source checkout
    (editable install) they are the repository's top-level rules/ folder."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "rules"
    return installed if installed.is_dir() else package.parent / "rules"


@hookimpl
def scoring_register_rulesets():
    return [ruleset_folder()]
