"""Built-in report templates: the folder ``scoring/draft/templates`` under the name ``default``,
the sentences and layouts of ``scoring report``."""

from scoring.hookspecs import hookimpl


@hookimpl
def scoring_register_report_templates():
    from scoring.draft import BUILTIN

    return {"default": BUILTIN}
