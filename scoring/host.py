"""The plugin host: load the ``scoring`` entry points and gather what they register.

Each entry point is loaded on its own, so one broken plugin is reported by name and skipped
instead of stopping every run. The registries are built once per host and are read-only
afterwards; :func:`default_host` keeps one for the process, and a host can be built apart from
it (with other plugins) for embedding.
"""

from __future__ import annotations

import os
import sys
import threading
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


AUTOLOAD_OFF = "SCORING_DISABLE_PLUGIN_AUTOLOAD"
ALLOW = "SCORING_PLUGINS"
TRACE = "SCORING_TRACE_HOOKS"
BUILTIN_DISTRIBUTION = "scoring"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


class Host:
    """A plugin manager with the registries its plugins provide.

    Which plugins load, in the manner of pytest: the built-in ones always (unless blocked);
    others through the ``scoring`` entry points unless ``autoload`` is off
    (``SCORING_DISABLE_PLUGIN_AUTOLOAD=1``), only those named when ``allow`` is given
    (``SCORING_PLUGINS=a,b``), never those ``blocked`` (``-p no:NAME``). ``trace``
    (``SCORING_TRACE_HOOKS=1``) prints every hook call on standard error.
    """

    def __init__(
        self,
        *,
        autoload: bool | None = None,
        plugins: tuple = (),
        blocked=(),
        allow=None,
        trace: bool | None = None,
    ):
        self.pm = pluggy.PluginManager(GROUP)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.failures: list[LoadFailure] = []
        self.skipped: list[str] = []  # plugins installed but not loaded, and why
        self.owners: dict[tuple[str, str], PluginInfo] = {}  # (kind, name) → who registered it
        self.trace = _env_flag(TRACE) if trace is None else trace
        # How often the expensive things happened: an embedding host checks these stay flat.
        self.stats = {"plugins_loaded": 0, "rulesets_compiled": 0}
        self._lock = threading.RLock()
        if autoload is None:
            autoload = not _env_flag(AUTOLOAD_OFF)
        if allow is None and os.environ.get(ALLOW, "").strip():
            allow = [name.strip() for name in os.environ[ALLOW].split(",") if name.strip()]
        for name in blocked:
            self.pm.set_blocked(name)
        self._load_entry_points(autoload, None if allow is None else set(allow), set(blocked))
        for plugin in plugins:
            self.register(plugin)
        self.pm.check_pending()

    def _load_entry_points(self, autoload: bool, allow: set | None, blocked: set) -> None:
        for ep in _entry_points():
            dist = getattr(ep, "dist", None)
            dist_name = dist.metadata["Name"] if dist is not None else ""
            version = dist.version if dist is not None else ""
            if self.pm.get_plugin(ep.name) is not None:
                continue
            builtin = dist_name == BUILTIN_DISTRIBUTION
            if ep.name in blocked or dist_name in blocked:
                self.skipped.append(
                    f"{ep.name} ({dist_name} {version}): disabled by -p no:{ep.name}"
                )
                continue
            if not builtin and not autoload:
                self.skipped.append(f"{ep.name} ({dist_name} {version}): {AUTOLOAD_OFF} is set")
                continue
            if not builtin and allow is not None and not ({ep.name, dist_name} & allow):
                self.skipped.append(f"{ep.name} ({dist_name} {version}): not in {ALLOW}")
                continue
            try:
                plugin = ep.load()
                self.pm.register(plugin, name=ep.name)
                self.stats["plugins_loaded"] += 1
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

    def info(self, plugin_name: str) -> PluginInfo:
        return self.infos.get(plugin_name) or PluginInfo(plugin_name)

    # --- registries -------------------------------------------------------------------------
    def _call(self, impl, hook_name: str):
        """One plugin's answer to a registry hook; a plugin that raises or answers with the wrong
        type is named (with its distribution and version) and left out, not fatal."""
        info = self.info(impl.plugin_name)
        if self.trace:
            sys.stderr.write(f"scoring: trace: {hook_name} → {info.label}\n")
        try:
            provided = impl.function()
        except Exception as exc:
            return self._fault(info, f"{hook_name} raised {type(exc).__name__}: {exc}")
        expected = list if hook_name == "scoring_register_rulesets" else dict
        if provided is None:
            return expected()
        if not isinstance(provided, expected if expected is dict else (list, tuple)):
            return self._fault(
                info, f"{hook_name} returned {type(provided).__name__}, not a {expected.__name__}"
            )
        return provided

    def _fault(self, info: PluginInfo, error: str):
        failure = LoadFailure(info.name, info.distribution, info.version, error)
        self.failures.append(failure)
        warnings.warn(
            failure.message().replace("failed to load", "is broken"),
            PluginLoadWarning,
            stacklevel=3,
        )
        return None

    def _registry(self, hook_name: str, kind: str) -> dict:
        """Merge the dicts every implementation returns; a name registered twice is an error."""
        registry: dict = {}
        for impl in getattr(self.pm.hook, hook_name).get_hookimpls():
            provided = self._call(impl, hook_name)
            if provided is None:
                continue
            owner = self.info(impl.plugin_name)
            for name, value in provided.items():
                if name in registry:
                    first = self.owners[(kind, name)]
                    raise PluginError(
                        f"{kind} {name!r} is registered by both {first.label} and {owner.label}",
                        hint="uninstall one of them, or disable one with -p no:NAME",
                        code="plugin-conflict",
                    )
                registry[name] = (
                    value
                    if owner.distribution == BUILTIN_DISTRIBUTION
                    else _guarded(kind, name, owner, value)
                )
                self.owners[(kind, name)] = owner
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

    def evaluated(self, result) -> None:
        """Pass a finished result to every ``scoring_evaluated`` hook; one that raises is named."""
        impls = self.pm.hook.scoring_evaluated.get_hookimpls()
        if self.trace:
            called = (
                ", ".join(self.info(i.plugin_name).label for i in impls)
                or "no plugin implements it"
            )
            sys.stderr.write(f"scoring: trace: scoring_evaluated({result.source}) → {called}\n")
        for impl in impls:
            info = self.info(impl.plugin_name)
            try:
                impl.function(result=result)
            except Exception as exc:
                raise PluginError(
                    f"plugin {info.label} failed in scoring_evaluated: {type(exc).__name__}: {exc}",
                    hint=f"report it to the plugin's authors, or disable it with -p no:{info.name}",
                    code="plugin-fault",
                ) from exc

    def unavailable(self) -> str:
        """Plugins that are installed but did not load or broke, for a message about what is missing."""
        lines = [f.message() for f in self.failures] + [f"plugin {s}" for s in self.skipped]
        return "; ".join(lines)

    @cached_property
    def ruleset_files(self) -> list[tuple[Path, str]]:
        """Every installed rule-set file, with the plugin that registered it."""
        files = []
        for impl in self.pm.hook.scoring_register_rulesets.get_hookimpls():
            for entry in self._call(impl, "scoring_register_rulesets") or ():
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
        with self._lock:  # threads asking at once resolve a rule set once
            return self._ruleset_from_name(str(rules or "mof-2020"))

    @lru_cache(maxsize=64)  # noqa: B019 - a host lives as long as its process, by design
    def _ruleset_from_name(self, name: str):
        from .rules import compile_ruleset, locate, resolve

        path = locate(name, self.catalog, Path(), not_loaded=self.unavailable())
        data, origins = resolve(path, self.catalog)
        ruleset = compile_ruleset(data, origins, str(path))
        self.require_methods(ruleset)
        self.stats["rulesets_compiled"] += 1
        return ruleset

    def _ruleset_from_dict(self, data: dict):
        import copy

        from . import schemas
        from .rules import compile_ruleset, locate, merge, resolve

        problems = schemas.problems("ruleset", data)
        if problems:
            raise RulesetError.from_problems(problems, "<rules>")
        data = copy.deepcopy(data)
        parent = data.get("ruleset", {}).pop("extends", None)
        base, origins = ({}, {})
        if parent:
            base, origins = resolve(
                locate(parent, self.catalog, Path.cwd(), asked_by="<rules>"), self.catalog
            )
            base = {k: v for k, v in base.items() if k != "ruleset"}
        merged = merge(base, data, origins, "<rules>")
        ruleset = compile_ruleset(merged, origins, "<rules>")
        self.require_methods(ruleset)
        self.stats["rulesets_compiled"] += 1
        return ruleset

    def require_methods(self, ruleset) -> None:
        """Refuse a rule set whose methods no loaded plugin provides: never score without them."""
        for method, key in ruleset.methods_used().items():
            if method not in self.methods:
                missing = self.unavailable()
                hint = did_you_mean(method, self.methods) or (
                    f"the plugin that should provide it is not loaded — {missing}"
                    if missing
                    else "install the plugin that provides it; `scoring plugins` lists what is loaded"
                )
                raise PluginError(
                    f"method {method!r} is not provided by any loaded plugin",
                    key,
                    hint,
                    file=ruleset.source,
                    code="method-missing",
                )


_DEFAULT: list[Host] = []  # the process's host, once built; a list so a lock can guard it
_LOCK = threading.Lock()


def set_default_host(host: Host | None) -> None:
    """Make ``host`` the one the API and the command line use (None: build it anew on use)."""
    with _LOCK:
        _DEFAULT[:] = [host] if host is not None else []


def default_host() -> Host:
    """The process's host with every installed plugin, built once, on first use, under a lock
    so that threads scoring at once share one host and load plugins once."""
    if _DEFAULT:
        return _DEFAULT[0]
    with _LOCK:
        if not _DEFAULT:
            _DEFAULT.append(_new_default_host())
    return _DEFAULT[0]


def _new_default_host() -> Host:
    host = Host()
    for failure in host.failures:
        warnings.warn(failure.message(), PluginLoadWarning, stacklevel=2)
    # Build every registry now, under the lock, so threads never race to build them.
    _ = (host.readers, host.renderers, host.checks, host.catalog)
    if not host.methods:
        raise PluginError(
            "the built-in plugins are not registered: scoring is not installed as a package",
            hint="install it with `pip install .` (or `pip install -e .`) in its folder",
            code="not-installed",
        )
    return host


def _guarded(kind: str, name: str, owner: PluginInfo, function):
    """An outside plugin's function, held to its contract and named with its plugin when it
    fails: a method must return a Rating with a rate in [0, 1], a check yield Findings (its
    generator is run here, so a fault inside it is caught here), a format return text or bytes."""
    import functools

    from .errors import ScoringError

    def fault(what: str, cause=None):
        return PluginError(
            f"{kind} {name!r} of plugin {owner.label} {what}",
            hint="report it to the plugin's authors, or disable it with -p no:" + owner.name,
            code="plugin-fault",
        )

    @functools.wraps(function)
    def call(*args, **kwargs):
        try:
            answer = function(*args, **kwargs)
            if kind == "check":
                answer = list(answer or ())
        except ScoringError:
            raise  # a user error the plugin reports, such as a reader's InputError
        except Exception as exc:
            raise fault(f"failed: {type(exc).__name__}: {exc}") from exc
        problem = _breach(kind, answer)
        if problem:
            raise fault(problem)
        return answer

    return call


def _breach(kind: str, answer) -> str | None:
    """What is wrong with a plugin function's answer, or None."""

    from .methods import rating_breach
    from .result import SEVERITIES, Finding

    if kind == "method":
        return rating_breach(answer)
    if kind == "check":
        for item in answer:
            if not isinstance(item, Finding):
                return f"yielded {type(item).__name__}, not a scoring.Finding"
            if item.severity not in SEVERITIES:
                return f"yielded severity {item.severity!r}: use one of {', '.join(SEVERITIES)}"
    if kind == "format" and not isinstance(answer, (str, bytes)):
        return f"returned {type(answer).__name__}, not text"
    return None
