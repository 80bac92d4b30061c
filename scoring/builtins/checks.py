"""Built-in review checks: filed scores and grades, scores above weight, missing reasons,
low execution, projects over the department's budget."""

from scoring.hookspecs import hookimpl


@hookimpl
def scoring_register_checks():
    from scoring.checks import BUILTIN

    return dict(BUILTIN)
