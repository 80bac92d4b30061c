"""Built-in scoring methods: ratio, reverse-linear, reverse-ratio, equal, tiers, proportional, bands."""

from scoring.hookspecs import hookimpl


@hookimpl
def scoring_register_methods():
    from scoring.methods import BUILTIN

    return dict(BUILTIN)
