"""rules, schema and plugins: what is installed, and what it says."""

from __future__ import annotations

from ..i18n import _
from . import EXIT_OK, _emit, _json, _output_options


def cmd_rules(args) -> int:
    from ..host import default_host
    from ..render import catalog, ruleset

    host = default_host()
    options = _output_options(args)
    if args.rules_command == "list":
        _emit(catalog.rulesets_table(host, options), None)
    elif args.rules_command == "show":
        shown = host.ruleset(args.name)
        text = (
            _json(ruleset.show_dict(shown)) if args.format == "json" else ruleset.show_toml(shown)
        )
        _emit(text, None)
    elif args.rules_command == "diff":
        from ..compare import diff

        first, second = host.ruleset(args.first), host.ruleset(args.second)
        changes = diff(first, second)
        if args.format == "json":
            _emit(_json(ruleset.diff_dict(first, second, changes)), None)
        else:
            _emit(ruleset.diff_table(first, second, changes, options), None)
    else:  # check
        checked = host.ruleset(args.name)
        said = (
            _("{name}: rule set {id} {version} is valid (sha256 {sha256}…)")
            if checked.version
            else _("{name}: rule set {id} is valid (sha256 {sha256}…)")
        )
        fingerprint = checked.sha256[:12]
        _emit(
            "✓ "
            + said.format(
                name=args.name, id=checked.id, version=checked.version, sha256=fingerprint
            )
            + "\n",
            None,
        )
    return EXIT_OK


def cmd_schema(args) -> int:
    from ..schemas import schema_text

    _emit(schema_text(args.name), None)
    return EXIT_OK


def cmd_plugins(args) -> int:
    from ..host import default_host
    from ..render.catalog import plugins_table

    _emit(plugins_table(default_host(), _output_options(args)), None)
    return EXIT_OK


def cmd_completion(args) -> int:
    """The completion script for a shell, written by shtab from the parser itself."""
    import shtab

    from ..cli import build_parser

    _emit(shtab.complete(build_parser(files=shtab.FILE), shell=args.shell), None)
    return EXIT_OK
