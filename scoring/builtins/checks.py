"""Built-in review checks (复核): every check of scoring/checks.py, each under the finding code
it raises — filed scores and grades, scores above weight, missing reasons, low execution, budget
adjustments, totals that are not the sum of their rows, spending against results, qualitative
targets on numeric indicators, targets equal to actuals, weights off the defaults, projects
over the department's budget."""

from scoring.hookspecs import hookimpl


@hookimpl
def scoring_register_checks():
    from scoring.checks import BUILTIN

    return dict(BUILTIN)
