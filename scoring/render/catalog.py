"""What is installed: the rule sets (``scoring rules list``) and the plugins
(``scoring plugins``), each with the plugin and distribution it comes from, and what was left
out and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import Options, string_console

if TYPE_CHECKING:
    from ..host import Host

KINDS = {"method": "methods", "reader": "readers", "format": "formats", "check": "checks"}


def rulesets_table(host: Host, options: Options) -> str:
    """Every installed rule set: id, title, version, basis, and where it comes from."""
    from rich.markup import escape
    from rich.table import Table

    console, buffer = string_console(options)
    table = Table(show_edge=False, pad_edge=False)
    for header in ("id", "标题", "版本", "依据", "来源"):
        table.add_column(header, overflow="fold", no_wrap=header in ("id", "版本"))
    for entry in host.catalog.installed.values():
        owner = host.info(entry.plugin)
        origin = "built in" if owner.builtin else f"plugin {owner.label}"
        table.add_row(
            escape(entry.id),
            escape(entry.title),
            escape(entry.version),
            escape("\n".join(entry.basis)),
            escape(f"{origin}: {entry.path}"),
        )
    console.print(table)
    return buffer.getvalue()


def plugins_table(host: Host, options: Options) -> str:
    """Every loaded plugin with its distribution, version, hooks and what it registers; then
    the plugins and registrations left out, and those not loaded."""
    from rich.markup import escape
    from rich.table import Table

    console, buffer = string_console(options)
    table = Table(show_edge=False, pad_edge=False)
    for header in ("plugin", "distribution", "version", "hooks", "registers"):
        table.add_column(header)
    for info in host.plugins():
        parts = []
        for kind, label in KINDS.items():
            names = sorted(n for (k, n), owner in host.owners.items()
                           if k == kind and owner.name == info.name)  # fmt: skip
            if names:
                parts.append(f"{label}: {', '.join(names)}")
        rulesets = sorted(e.id for e in host.catalog.installed.values() if e.plugin == info.name)
        if rulesets:
            parts.append(f"rule sets: {', '.join(rulesets)}")
        table.add_row(
            escape(info.name),
            escape(info.distribution),
            escape(info.version),
            "\n".join(info.hooks),
            escape("\n".join(parts)),
        )
    console.print(table)
    for fault in host.faults:
        console.print(f"[red]✗[/] {escape(fault.message())}")
    for skipped in host.skipped:
        console.print(f"[dim]– not loaded: {escape(skipped)}[/]")
    return buffer.getvalue()
