"""What is installed: the rule sets (``scoring rules list``) and the plugins
(``scoring plugins``), each with the plugin and distribution it comes from, and what was left
out and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..i18n import _
from . import Options, markup, string_console
from .wrap import Wrapped

if TYPE_CHECKING:
    from ..host import Host


def _registered(kind: str, names: str) -> str:
    """A line of what a plugin registered of ``kind`` (method, reader, format, check, report
    template)."""
    if kind == "method":
        return _("methods: {names}").format(names=names)
    if kind == "reader":
        return _("readers: {names}").format(names=names)
    if kind == "format":
        return _("formats: {names}").format(names=names)
    if kind == "report template":
        return _("report templates: {names}").format(names=names)
    return _("checks: {names}").format(names=names)


def rulesets_table(host: Host, options: Options) -> str:
    """Every installed rule set: id, title, version, basis, and where it comes from."""
    from rich.table import Table

    console, buffer = string_console(options)
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("id", overflow="fold", no_wrap=True)
    table.add_column(_("Title"), overflow="fold")
    table.add_column(_("Version"), overflow="fold", no_wrap=True)
    table.add_column(_("Basis"), overflow="fold")
    table.add_column(_("Source"), overflow="fold")
    for entry in host.catalog.installed.values():
        owner = host.info(entry.plugin)
        origin = _("built in") if owner.builtin else _("plugin {name}").format(name=owner.label)
        table.add_row(
            markup(entry.id),
            Wrapped(markup(entry.title)),
            markup(entry.version),
            Wrapped(markup("\n".join(entry.basis))),
            markup(f"{origin}: {entry.path}"),
        )
    console.print(table)
    return buffer.getvalue()


def plugins_table(host: Host, options: Options) -> str:
    """Every loaded plugin with its distribution and version and what it provides — each
    ``scoring_register_*`` hook as the names it registered, any other hook by its name; then
    the plugins and registrations left out, and those not loaded."""
    from rich.table import Table

    console, buffer = string_console(options)
    table = Table(show_edge=False, pad_edge=False)
    table.add_column(_("plugin"), no_wrap=True)
    table.add_column(_("distribution"), no_wrap=True)
    # what a plugin provides wraps between its names, so the table fits 80 columns
    table.add_column(_("provides"))
    for info in host.plugins():
        table.add_row(
            markup(info.name),
            markup(f"{info.distribution} {info.version}"),
            markup("\n".join(_provides(host, info.name, info.hooks))),
        )
    console.print(table)
    for fault in host.faults:
        console.print(f"[red]✗[/] {markup(fault.message())}")
    for skipped in host.skipped:
        console.print("[dim]– " + _("not loaded: {name}").format(name=markup(skipped)) + "[/]")
    return buffer.getvalue()


REGISTER_HOOKS = {
    "scoring_register_methods": "method",
    "scoring_register_readers": "reader",
    "scoring_register_renderers": "format",
    "scoring_register_checks": "check",
    "scoring_register_report_templates": "report template",
}


def _provides(host: Host, plugin: str, hooks: Sequence[str]) -> list[str]:
    """One line per hook: ``methods: bands, equal`` for a registration, the hook's name for
    any other (``scoring_evaluated``)."""
    lines = []
    for hook in hooks:
        if hook == "scoring_register_rulesets":
            names = sorted(e.id for e in host.catalog.installed.values() if e.plugin == plugin)
            lines.append(_("rule sets: {names}").format(names=", ".join(names) or "—"))
        elif hook in REGISTER_HOOKS:
            kind = REGISTER_HOOKS[hook]
            names = sorted(n for (k, n), owner in host.owners.items()
                           if k == kind and owner.name == plugin)  # fmt: skip
            lines.append(_registered(kind, ", ".join(names) or "—"))
        else:
            lines.append(hook)
    return lines
