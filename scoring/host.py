"""The plugin host: load the ``scoring`` entry points and gather what they register.

Each entry point is loaded on its own, so one broken plugin is reported by name and skipped
instead of stopping every run. The registries are built once per host and are read-only
afterwards; :func:`default_host` keeps one for the process, and a host can be built apart from
it (with other plugins) for embedding.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pluggy

from . import hookspecs
from .errors import PluginError, RulesetError, did_you_mean

GROUP = "scoring"


class PluginLoadWarning(UserWarning):
    """A plugin could not be loaded and was skipped."""


@dataclass
class PluginInfo:
    name: str
    distribution: str = ""
    version: str = ""
    hooks: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        dist = f"{self.distribution} {self.version}".strip()
        return f"{self.name} ({dist})" if dist and dist != self.name else self.name


@dataclass
class LoadFailure:
    name: str
    distribution: str
    version: str
    error: str

    def message(self) -> str:
        dist = f" from {self.distribution} {self.version}" if self.distribution else ""
        return f"plugin {self.name!r}{dist} failed to load and was skipped: {self.error}"


def _entry_points():
    from importlib.metadata import entry_points

    found = entry_points()
    if hasattr(found, "select"):
        return list(found.select(group=GROUP))
    return list(found.get(GROUP, []))  # pragma: no cover - Python 3.9


class Host:
    """A plugin manager with the registries its plugins provide."""

    def __init__(self, *, autoload: bool = True, plugins: tuple = ()):
        self.pm = pluggy.PluginManager(GROUP)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.failures: list[LoadFailure] = []
        if autoload:
            self._load_entry_points()
        for plugin in plugins:
            self.register(plugin)
        self.pm.check_pending()

    def _load_entry_points(self) -> None:
        for ep in _entry_points():
            dist = getattr(ep, "dist", None)
            dist_name = dist.metadata["Name"] if dist is not None else ""
            version = dist.version if dist is not None else ""
            if self.pm.get_plugin(ep.name) is not None or self.pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
                self.pm.register(plugin, name=ep.name)
            except Exception as exc:  # any fault in a third-party import is reported, not fatal
                self.failures.append(
                    LoadFailure(ep.name, dist_name, version, f"{type(exc).__name__}: {exc}")
                )
                continue
            self.infos[ep.name] = PluginInfo(ep.name, dist_name, version)

    def register(self, plugin, name: str | None = None) -> None:
        """Register a plugin object (a module or class with ``@hookimpl`` functions)."""
        name = self.pm.register(plugin, name=name)
        self.infos[name] = PluginInfo(name)

    def plugins(self) -> list[PluginInfo]:
        """Loaded plugins, each with the hooks it implements."""
        for info in self.infos.values():
            plugin = self.pm.get_plugin(info.name)
            info.hooks = sorted(h.name for h in self.pm.get_hookcallers(plugin) or ())
        return list(self.infos.values())

    # --- registries -------------------------------------------------------------------------
    def _registry(self, hook_name: str, kind: str) -> dict:
        """Merge the dicts every implementation returns; a name registered twice is an error."""
        registry: dict = {}
        owners: dict = {}
        for impl in getattr(self.pm.hook, hook_name).get_hookimpls():
            try:
                provided = impl.function()
            except Exception as exc:
                raise PluginError(
                    f"plugin {impl.plugin_name!r} raised in {hook_name}: {exc}", code="plugin-fault"
                ) from exc
            if not isinstance(provided, dict):
                raise PluginError(
                    f"plugin {impl.plugin_name!r}: {hook_name} returned {type(provided).__name__}, "
                    "not a dict",
                    code="plugin-fault",
                )
            for name, value in provided.items():
                if name in registry:
                    raise PluginError(
                        f"{kind} {name!r} is registered by both {owners[name]!r} and "
                        f"{impl.plugin_name!r}",
                        hint="uninstall or disable one of them",
                        code="plugin-conflict",
                    )
                registry[name] = value
                owners[name] = impl.plugin_name
        return registry

    @cached_property
    def methods(self) -> dict:
        return self._registry("scoring_register_methods", "method")

    @cached_property
    def readers(self) -> dict:
        return self._registry("scoring_register_readers", "reader for")

    @cached_property
    def renderers(self) -> dict:
        return self._registry("scoring_register_renderers", "format")

    @cached_property
    def checks(self) -> dict:
        return self._registry("scoring_register_checks", "check")

    @cached_property
    def ruleset_files(self) -> list[tuple[Path, str]]:
        """Every installed rule-set file, with the plugin that registered it."""
        files = []
        for impl in self.pm.hook.scoring_register_rulesets.get_hookimpls():
            for entry in impl.function() or ():
                path = Path(entry)
                found = sorted(path.glob("*.toml")) if path.is_dir() else [path]
                files += [(f, impl.plugin_name) for f in found]
        return files

    @cached_property
    def catalog(self) -> dict[str, Path]:
        """Installed rule sets by id."""
        from .readers import parse_toml, read_text

        catalog: dict[str, Path] = {}
        for path, _plugin in self.ruleset_files:
            data = parse_toml(read_text(path, RulesetError), str(path), RulesetError)
            rid = data.get("ruleset", {}).get("id")
            if not rid:
                raise RulesetError("missing key `id`", "ruleset.id", file=str(path))
            if rid in catalog:
                raise PluginError(
                    f"rule set {rid!r} is installed twice: {catalog[rid]} and {path}",
                    code="plugin-conflict",
                )
            catalog[rid] = path
        return catalog

    # --- rule sets -------------------------------------------------------------------------
    def ruleset(self, rules=None):
        """A compiled rule set from an installed id, a path, or a dict; cached per host."""
        from .rules import RuleSet

        if isinstance(rules, RuleSet):
            return rules
        if isinstance(rules, dict):
            return self._ruleset_from_dict(rules)
        return self._ruleset_from_name(str(rules or "mof-2020"))

    @lru_cache(maxsize=64)  # noqa: B019 - a host lives as long as its process, by design
    def _ruleset_from_name(self, name: str):
        from .rules import compile_ruleset, resolve

        path = self._ruleset_path(name)
        data, origins = resolve(path, self.catalog)
        ruleset = compile_ruleset(data, origins, str(path))
        self.require_methods(ruleset)
        return ruleset

    def _ruleset_from_dict(self, data: dict):
        import copy

        from . import schemas
        from .rules import _parent_path, compile_ruleset, merge, resolve

        problems = schemas.problems("ruleset", data)
        if problems:
            raise RulesetError(
                problems[0].message,
                problems[0].where,
                problems[0].hint,
                file="<rules>",
                problems=problems,
            )
        data = copy.deepcopy(data)
        parent = data.get("ruleset", {}).pop("extends", None)
        base, origins = ({}, {})
        if parent:
            base, origins = resolve(
                _parent_path(parent, Path.cwd() / "<rules>", self.catalog), self.catalog
            )
            base = {k: v for k, v in base.items() if k != "ruleset"}
        merged = merge(base, data, origins, "<rules>")
        ruleset = compile_ruleset(merged, origins, "<rules>")
        self.require_methods(ruleset)
        return ruleset

    def _ruleset_path(self, name: str) -> Path:
        if name in self.catalog:
            return self.catalog[name]
        path = Path(name)
        if path.suffix == ".toml" or path.exists():
            if not path.is_file():
                raise RulesetError(
                    "no such rule-set file",
                    file=name,
                    code="ruleset-missing",
                    hint="give an installed id (scoring rules list) or a path",
                )
            return path
        raise RulesetError(
            f"no installed rule set is called {name!r}",
            code="ruleset-missing",
            hint=did_you_mean(name, self.catalog)
            or "installed: " + ", ".join(sorted(self.catalog)),
        )

    def require_methods(self, ruleset) -> None:
        """Refuse a rule set whose methods no loaded plugin provides: never score without them."""
        for method, key in ruleset.methods_used().items():
            if method not in self.methods:
                failed = "; ".join(f.message() for f in self.failures)
                hint = did_you_mean(method, self.methods) or (
                    f"a plugin that failed to load may provide it: {failed}"
                    if failed
                    else "install the plugin that provides it; `scoring plugins` lists what is loaded"
                )
                raise PluginError(
                    f"method {method!r} is not provided by any loaded plugin",
                    key,
                    hint,
                    file=ruleset.source,
                    code="method-missing",
                )


@lru_cache(maxsize=1)
def default_host() -> Host:
    """The process's host with every installed plugin; built on first use."""
    host = Host()
    for failure in host.failures:
        warnings.warn(failure.message(), PluginLoadWarning, stacklevel=2)
    if not host.methods:
        raise PluginError(
            "the built-in plugins are not registered: scoring is not installed as a package",
            hint="install it with `pip install .` (or `pip install -e .`) in its folder",
            code="not-installed",
        )
    return host
