"""The plugin's hooks, registered through the entry point ``hunan`` in the group ``scoring``.

``scoring`` imports this module at start-up, so it imports nothing but the hook marker; each
hook imports the code it registers when ``scoring`` first asks for that kind of thing.
"""

from pathlib import Path

from scoring import hookimpl


@hookimpl
def scoring_register_methods():
    from .methods import METHODS

    return dict(METHODS)


@hookimpl
def scoring_register_rulesets():
    return [Path(__file__).resolve().parent / "rules" / "hunan-steps.toml"]


@hookimpl
def scoring_register_readers():
    from .csv_reader import read_csv

    return {".csv": read_csv}


@hookimpl
def scoring_register_renderers():
    from .renderer import render

    return {"hunan-summary": render}
