"""Built-in readers: TOML and JSON evaluation files, and 自评表 workbooks (.xlsx, .xls)."""

from scoring.hookspecs import hookimpl


@hookimpl
def scoring_register_readers():
    from scoring.excel.read import read_workbook
    from scoring.readers import read_json, read_toml

    return {
        ".toml": read_toml,
        ".json": read_json,
        ".xlsx": read_workbook,
        ".xlsm": read_workbook,
        ".xls": read_workbook,
    }
