"""rules, schema and plugins: what is installed, and what it says."""

from __future__ import annotations

import os

from . import (
    EXIT_OK,
    EXIT_USER,
    _emit,
    _width,
)


def cmd_rules(args) -> int:
    from ..host import default_host
    from ..result import number

    host = default_host()
    if args.rules_command == "list":
        return _rules_list(host)
    if args.rules_command == "show":
        ruleset = host.ruleset(args.name)
        if args.format == "json":
            import json

            payload = {
                "id": ruleset.id,
                "sha256": ruleset.sha256,
                "source": ruleset.source,
                "ruleset": ruleset.data,
                "origins": ruleset.origins,
            }
            _emit(json.dumps(payload, ensure_ascii=False, indent=2, default=number) + "\n", None)
        else:
            from ..rules import to_toml

            _emit(to_toml(ruleset), None)
        return EXIT_OK
    if args.rules_command == "diff":
        return _rules_diff(host, args)
    ruleset = host.ruleset(args.name)
    version = f" {ruleset.version}" if ruleset.version else ""
    print(f"✓ {args.name}: rule set {ruleset.id}{version} is valid (sha256 {ruleset.sha256[:12]}…)")
    return EXIT_OK


def _rules_diff(host, args) -> int:
    from ..compare import diff

    first, second = host.ruleset(args.first), host.ruleset(args.second)
    changes = diff(first, second)
    if args.format == "json":
        import json

        payload = {
            "a": first.id,
            "b": second.id,
            "differences": [
                {
                    "key": k,
                    "a": json.loads(a) if a != "—" else None,
                    "b": json.loads(b) if b != "—" else None,
                }
                for k, a, b in changes
            ],
        }
        _emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(no_color=bool(os.environ.get("NO_COLOR")), width=_width(), highlight=False)
    if not changes:
        console.print(f"{escape(first.id)} and {escape(second.id)} score alike: no key differs")
        return EXIT_OK
    table = Table(
        title=f"{escape(first.id)} → {escape(second.id)}：{len(changes)} 项不同",
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("key", no_wrap=True)
    table.add_column(escape(first.id), overflow="fold")
    table.add_column(escape(second.id), overflow="fold")
    for key, a, b in changes:
        table.add_row(escape(key), escape(a), escape(b))
    console.print(table)
    return EXIT_OK


def _rules_list(host) -> int:
    from rich.console import Console
    from rich.table import Table

    from ..host import BUILTIN_DISTRIBUTION
    from ..rules import read_ruleset_file

    table = Table(show_edge=False, pad_edge=False)
    for header in ("id", "标题", "版本", "依据", "来源"):
        table.add_column(header, overflow="fold", no_wrap=header in ("id", "版本"))
    for path, plugin in host.ruleset_files:
        meta = read_ruleset_file(path).get("ruleset", {})
        owner = host.info(plugin)
        origin = (
            "built in" if owner.distribution == BUILTIN_DISTRIBUTION else f"plugin {owner.label}"
        )
        table.add_row(
            meta.get("id", "?"),
            meta.get("title", ""),
            meta.get("version", ""),
            "\n".join(meta.get("basis", ())),
            f"{origin}: {path}",
        )
    Console(no_color=bool(os.environ.get("NO_COLOR")), width=_width()).print(table)
    return EXIT_OK


def cmd_schema(args) -> int:
    from ..schemas import schema_text

    _emit(schema_text(args.name), None)
    return EXIT_OK


def cmd_plugins(args) -> int:
    from rich.console import Console
    from rich.table import Table

    from ..errors import PluginError
    from ..host import Host, default_host

    try:
        host = default_host()
    except PluginError:  # a clash: list the plugins anyway, from a host not yet built
        host = Host()
    table = Table(show_edge=False, pad_edge=False)
    for header in ("plugin", "distribution", "version", "hooks", "registers"):
        table.add_column(header)
    # what each plugin registered, by kind, from the registries themselves

    conflict = None
    try:  # the command that diagnoses plugins must run even when two of them clash
        _ = (host.methods, host.readers, host.renderers, host.checks, host.catalog)
    except PluginError as exc:
        conflict = exc
    kinds = {"method": "methods", "reader for": "readers", "format": "formats", "check": "checks"}
    for info in host.plugins():
        parts = []
        for kind, label in kinds.items():
            names = sorted(
                n for (k, n), owner in host.owners.items() if k == kind and owner.name == info.name
            )
            if names:
                parts.append(f"{label}: {', '.join(names)}")
        rulesets = sorted(
            rid
            for rid, path in vars(host).get("catalog", {}).items()
            if any(p == path and owner == info.name for p, owner in host.ruleset_files)
        )
        if rulesets:
            parts.append(f"rule sets: {', '.join(rulesets)}")
        table.add_row(
            info.name, info.distribution, info.version, "\n".join(info.hooks), "\n".join(parts)
        )
    console = Console(no_color=bool(os.environ.get("NO_COLOR")), width=_width())
    console.print(table)
    for failure in host.failures:
        console.print(f"[red]✗[/] {failure.message()}")
    for skipped in host.skipped:
        console.print(f"[dim]– not loaded: {skipped}[/]")
    if conflict is not None:
        console.print(f"[red]✗[/] {conflict.render()}")
        return EXIT_USER
    return EXIT_OK
