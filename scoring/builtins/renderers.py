"""Built-in output formats: table (rich), json, jsonl, markdown, csv, xlsx."""

from scoring.hookspecs import hookimpl


@hookimpl
def scoring_register_renderers():
    from scoring.render import csv, json, jsonl, markdown, table, xlsx

    return {
        "table": table.render,
        "json": json.render,
        "jsonl": jsonl.render,
        "markdown": markdown.render,
        "csv": csv.render,
        "xlsx": xlsx.render,
    }
