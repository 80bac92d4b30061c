"""Built-in readers: TOML and JSON evaluation files."""

from scoring.hookspecs import hookimpl


@hookimpl
def scoring_register_readers():
    from scoring.readers import read_json, read_toml

    return {".toml": read_toml, ".json": read_json}
