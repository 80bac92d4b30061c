"""The plugin host: load the ``scoring`` entry points, gather what they register, call hooks.

Which plugins load, as in pytest: the built-in ones always (under the entry-point names
``scoring.methods``, ``scoring.rulesets`` …) unless blocked; outside ones unless ``autoload`` is
off (``SCORING_DISABLE_PLUGIN_AUTOLOAD=1``), only those named when ``allow`` is given
(``SCORING_PLUGINS=a,b``), never those ``blocked`` (``-p no:NAME``). ``trace``
(``SCORING_TRACE_HOOKS=1``) has pluggy write every hook call on standard error.

A broken plugin costs only what it provides. A plugin that does not load, a hook that raises
or answers with the wrong kind of thing, a name a built-in has or two plugins share, a rule-set
file that is not there: each is left out, kept in :attr:`Host.faults` and named in a warning
with the plugin's distribution and version, and the rest runs. A run fails only when it needs
what was left out — the message then says why it is missing. Hooks are called one plugin at a
time through pluggy, each with the arguments it declares.

:func:`build_host` builds every host: the process's (:func:`default_host`) and the command
line's when ``-p no:NAME`` blocks a plugin.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pluggy

from . import hookspecs
from .catalog import Catalog, Resolver, joined
from .errors import PluginError, did_you_mean
from .frozen import record
from .guard import PluginLoadWarning, guarded
from .i18n import _
from .rules import RuleSet

GROUP = "scoring"
BUILTIN_DISTRIBUTION = "scoring"
AUTOLOAD_OFF = "SCORING_DISABLE_PLUGIN_AUTOLOAD"
ALLOW = "SCORING_PLUGINS"
TRACE = "SCORING_TRACE_HOOKS"
REGISTRIES = {  # kind → its hook
    "method": "scoring_register_methods",
    "reader": "scoring_register_readers",
    "format": "scoring_register_renderers",
    "check": "scoring_register_checks",
    "report template": "scoring_register_report_templates",
}
KIND_OF_HOOK = {hook: kind for kind, hook in REGISTRIES.items()} | {
    "scoring_register_rulesets": "ruleset"
}

__all__ = ["Fault", "Host", "PluginInfo", "PluginLoadWarning", "build_host", "default_host"]


@dataclass
class PluginInfo:
    """A loaded plugin: its registration name, distribution and version, the hooks it has."""

    name: str
    distribution: str = ""
    version: str = ""
    hooks: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        dist = f"{self.distribution} {self.version}".strip()
        return f"{self.name} ({dist})" if dist and dist != self.name else self.name

    @property
    def builtin(self) -> bool:
        return self.distribution == BUILTIN_DISTRIBUTION


@record
class Fault:
    """A plugin, or one thing it registers, left out: who, ``what`` (a predicate), and the
    ``kind`` of thing it cost (``method``, ``reader``, ``format``, ``check``, ``ruleset``,
    ``report template``; None when the whole plugin is out)."""

    name: str
    distribution: str
    version: str
    what: str
    kind: str | None = None

    def message(self) -> str:
        if not self.distribution:
            return _("plugin {name} {what}").format(name=repr(self.name), what=self.what)
        return _("plugin {name} from {distribution} {what}").format(
            name=repr(self.name),
            distribution=f"{self.distribution} {self.version}".rstrip(),
            what=self.what,
        )

    def summary(self) -> str:
        """The message's first line, to quote inside another message."""
        return self.message().split("\n", 1)[0]


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _kind(kind: str) -> str:
    """The name of a kind of thing a plugin registers, in the reader's language."""
    names = {
        "method": _("method"),
        "reader": _("reader"),
        "format": _("format"),
        "check": _("check"),
        "report template": _("report template"),
    }
    return names.get(kind, kind)


def _normalized(name: str) -> str:
    """A distribution's name as packaging compares it (PEP 503): ``Scoring_Halves`` is
    ``scoring-halves``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _allowed(name: str, distribution: str, allow: set) -> bool:
    """Whether ``SCORING_PLUGINS`` names the plugin ``name`` or its distribution, written as
    packaging compares names (``plug_a`` and ``Plug.A`` are ``plug-a``), as ``-p no:`` does."""
    return name in allow or _normalized(distribution) in {_normalized(word) for word in allow}


def _warn_unmatched(source: str, allow: list[str], found: list) -> None:
    """Warn of each name in ``allow`` (given as ``source``: the ``allow`` argument or
    ``SCORING_PLUGINS``) that is no installed plugin's entry-point or distribution name: a
    misspelt name would leave out the plugin it meant without a word."""
    everyone = [(ep.name, dist) for ep, dist, _version in found]
    outside = [(name, dist) for name, dist in everyone if dist != BUILTIN_DISTRIBUTION]
    names = sorted({name for name, _dist in outside} | {dist for _name, dist in outside if dist})
    for word in allow:
        if not any(_allowed(name, dist, {word}) for name, dist in everyone):
            warnings.warn(
                _(
                    "{source}: no installed plugin or distribution is named {name}, so none "
                    "loads under it (installed: {names})"
                ).format(source=source, name=repr(word), names=", ".join(names) or "—"),
                PluginLoadWarning,
                stacklevel=4,
            )


def _entry_points() -> list:
    """The entry points of scoring's group installed (:mod:`scoring.entry_points`)."""
    from .entry_points import installed

    return installed(GROUP)


class Host:
    """A pluggy plugin manager with the registries its plugins provide, built once and
    read-only afterwards (see the module's documentation for which plugins load)."""

    def __init__(
        self,
        *,
        autoload: bool | None = None,
        plugins: tuple = (),
        blocked: tuple[str, ...] | list[str] = (),
        allow: list[str] | None = None,
        trace: bool | None = None,
    ) -> None:
        self.pm = pluggy.PluginManager(GROUP)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.faults: list[Fault] = []
        self.skipped: list[str] = []  # installed but not loaded, and why
        self.owners: dict[tuple[str, str], PluginInfo] = {}  # (kind, name) → its plugin
        self.withheld: dict[tuple[str, str], str] = {}  # (kind, name) two plugins share → why
        self.stats = {"plugins_loaded": 0}  # an embedding host checks these stay flat
        self._lock = threading.RLock()
        self._silenced: set[str] = set()  # plugins whose scoring_evaluated failed
        # pluggy's tracer: silent unless tracing is on, then every hook call and each plugin
        # called is written on standard error
        self._trace = self.pm.trace.root.get("scoring")
        if trace if trace is not None else _env_flag(TRACE):
            self.pm.trace.root.setwriter(lambda text: sys.stderr.write(f"scoring: trace: {text}"))
            self.pm.enable_tracing()
        if autoload is None:
            autoload = not _env_flag(AUTOLOAD_OFF)
        allowed_by = "allow"
        if allow is None and os.environ.get(ALLOW, "").strip():
            allow = [name.strip() for name in os.environ[ALLOW].split(",") if name.strip()]
            allowed_by = ALLOW
        for name in blocked:
            self.pm.set_blocked(name)
        found = self._load_entry_points(
            autoload, None if allow is None else set(allow), set(blocked)
        )
        if allow is not None:
            _warn_unmatched(allowed_by, allow, found)
        for plugin in plugins:
            self.register(plugin)

    # --- loading -------------------------------------------------------------------------------
    def _load_entry_points(self, autoload: bool, allow: set | None, blocked: set) -> list:
        """Load the entry points found, but those blocked, not allowed or not autoloaded;
        returns what was found, as (entry point, distribution, version)."""
        found = [(ep, ep.distribution, ep.version) for ep in _entry_points()]
        unmatched = set(blocked)
        for ep, dist, version in found:
            label = f"{ep.name} ({dist} {version})"
            words = [w for w in blocked if w == ep.name or _normalized(w) == _normalized(dist)]
            if words:
                unmatched -= set(words)
                self.skipped.append(
                    _("{plugin}: disabled by -p no:{name}").format(plugin=label, name=words[0])
                )
                continue
            if dist != BUILTIN_DISTRIBUTION and not autoload:
                self.skipped.append(
                    _("{plugin}: {variable} is set").format(plugin=label, variable=AUTOLOAD_OFF)
                )
                continue
            if (
                dist != BUILTIN_DISTRIBUTION
                and allow is not None
                and not _allowed(ep.name, dist, allow)
            ):
                self.skipped.append(
                    _("{plugin}: not in {variable}").format(plugin=label, variable=ALLOW)
                )
                continue
            if ep.problem:  # its files do not read: nothing of it can load
                self._fault(
                    PluginInfo(ep.name),
                    _(
                        "has entry points or metadata that cannot be read, and was skipped: "
                        "{error}; reinstall it, or uninstall it"
                    ).format(error=ep.problem),
                )
                continue
            rivals = [f"{d} {v}" for other, d, v in found if other.name == ep.name and d != dist]
            if rivals and (dist != BUILTIN_DISTRIBUTION or len(rivals) > 1):
                self._fault(
                    PluginInfo(ep.name, dist, version),
                    _(
                        "failed to load and was skipped: its entry-point name {name} is also "
                        "that of {distributions}"
                    ).format(name=repr(ep.name), distributions=joined(rivals)),
                )
                continue
            try:
                plugin = ep.load()
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # SystemExit too: a plugin never ends the run
                self._fault(
                    PluginInfo(ep.name, dist, version),
                    _("failed to load and was skipped: {error}").format(
                        error=f"{type(exc).__name__}: {exc}"
                    ),
                )
                continue
            if self.register(plugin, ep.name, dist, version):
                self.stats["plugins_loaded"] += 1
        for word in sorted(unmatched):
            names = sorted({ep.name for ep, _d, _v in found} | {d for _e, d, _v in found if d})
            warnings.warn(
                _(
                    "-p no:{word}: no installed plugin or distribution is named {name} "
                    "(installed: {names})"
                ).format(word=word, name=repr(word), names=", ".join(names)),
                PluginLoadWarning,
                stacklevel=3,
            )
        return found

    def register(self, plugin: Any, name: str | None = None, distribution: str = "",
                 version: str = "") -> bool:  # fmt: skip
        """Register a plugin object (a module or class with ``@hookimpl`` functions); one that
        pluggy refuses is named and left out (False)."""
        if name is None:  # an object registered by hand: named by its class, not its id
            name = getattr(plugin, "__name__", None) or type(plugin).__name__
            name = name if self.pm.get_plugin(name) is None else f"{name}-{len(self.infos)}"
        info = PluginInfo(name, distribution, version)
        try:
            info.name = self.pm.register(plugin, name=name) or ""
        except (ValueError, pluggy.PluginValidationError) as exc:
            # pluggy: a name taken, or a hook implementation with arguments its hook does not
            # have — then pluggy has registered the hooks before it, which must go too
            if isinstance(exc, pluggy.PluginValidationError) and self.pm.is_registered(plugin):
                self.pm.unregister(plugin)
            reason = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
            self._fault(
                info if info.name else PluginInfo(repr(plugin)),
                _("failed to load: {reason}").format(reason=reason),
            )
            return False
        if not info.name:  # blocked
            return False
        self.infos[info.name] = info
        unknown = [c.name for c in self.pm.get_hookcallers(plugin) or () if not c.has_spec()]
        if unknown:
            self._fault(
                info,
                _("implements {hooks}, which scoring does not call").format(
                    hooks=", ".join(unknown)
                ),
            )
        return True

    def _fault(self, info: PluginInfo, what: str, kind: str | None = None) -> None:
        fault = Fault(info.name, info.distribution, info.version, what, kind)
        self.faults.append(fault)
        warnings.warn(fault.message(), PluginLoadWarning, stacklevel=3)

    def plugins(self) -> list[PluginInfo]:
        """Loaded plugins, each with the hooks it implements."""
        for info in self.infos.values():
            callers = self.pm.get_hookcallers(self.pm.get_plugin(info.name)) or ()
            info.hooks = sorted(caller.name for caller in callers)
        return list(self.infos.values())

    def info(self, name: str) -> PluginInfo:
        return self.infos.get(name) or PluginInfo(name)

    def unavailable(self, kind: str | None = None) -> str:
        """What did not load, and what of ``kind`` was left out (of every kind when None), one
        line for a message about something missing; empty when nothing was."""
        faults = [f.summary() for f in self.faults if kind is None or f.kind in (None, kind)]
        return "; ".join(faults + [_("plugin {skipped}").format(skipped=s) for s in self.skipped])

    # --- hooks ---------------------------------------------------------------------------------
    def _answers(self, hook: str, **kwargs: Any) -> Iterator[tuple[PluginInfo, Any]]:
        """Each plugin's answer to ``hook``, one plugin at a time through pluggy (so each gets
        the arguments it declares). A plugin that raises is named and skipped — and, for
        ``scoring_evaluated``, called on every result, not called again in this run."""
        for impl in getattr(self.pm.hook, hook).get_hookimpls():
            if impl.plugin_name in self._silenced:
                continue
            info = self.info(impl.plugin_name)
            self._trace(f"{hook} → plugin {info.label}")
            others = [p for p in self.pm.get_plugins() if p is not impl.plugin]
            try:
                answers = self.pm.subset_hook_caller(hook, others)(**kwargs)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                error = f"{type(exc).__name__}: {exc}"
                if hook == "scoring_evaluated":
                    self._silenced.add(impl.plugin_name)
                    what = _(
                        "is broken: {hook} raised {error}; it is not called again in this run"
                    ).format(hook=hook, error=error)
                else:
                    what = _("is broken: {hook} raised {error}").format(hook=hook, error=error)
                self._fault(info, what, KIND_OF_HOOK.get(hook))
                continue
            yield info, answers[0] if answers else None

    def _registry(self, kind: str) -> dict[str, Any]:
        """The names every plugin registers of ``kind``, merged; outside functions guarded. A
        built-in keeps its name; a name two outside plugins share is given to neither."""
        hook = REGISTRIES[kind]
        claims: dict[str, list[tuple[PluginInfo, Any]]] = {}
        for info, provided in self._answers(hook):
            if provided is not None and not isinstance(provided, dict):
                self._fault(
                    info,
                    _("is broken: {hook} returned {type}, not a dict").format(
                        hook=hook, type=type(provided).__name__
                    ),
                    kind,
                )
                continue
            for name, value in (provided or {}).items():
                refused = _name_refused(kind, name)
                if refused:
                    self._fault(info, refused, kind)
                elif _acceptable(kind, value):
                    claims.setdefault(name, []).append((info, value))
                else:
                    self._fault(
                        info,
                        _(
                            "registers {kind} {name} as a {type}, not {wanted}; it is left out"
                        ).format(
                            kind=_kind(kind),
                            name=repr(name),
                            type=type(value).__name__,
                            wanted=_wanted(kind),
                        ),
                        kind,
                    )
        registry = {}
        for name, entries in claims.items():
            own = [entry for entry in entries if entry[0].builtin]
            if len(entries) > 1 and len(own) != 1:
                both = joined([info.label for info, _value in entries])
                self.withheld[(kind, name)] = _(
                    "{kind} {name} is registered by both {plugins}"
                ).format(kind=_kind(kind), name=repr(name), plugins=both)
                for info, _value in entries:
                    self._fault(
                        info,
                        _(
                            "registers {kind} {name}, as does another plugin ({plugins}): "
                            "neither is used"
                        ).format(kind=_kind(kind), name=repr(name), plugins=both),
                        kind,
                    )
                continue
            owner, value = own[0] if own else entries[0]
            # a folder is read, never called: only functions are guarded
            plain = owner.builtin or not callable(value)
            registry[name] = value if plain else guarded(kind, name, owner, value)
            self.owners[(kind, name)] = owner
            for info, _value in entries:
                if info is not owner:
                    self._fault(
                        info,
                        _("registers {kind} {name}, which is built in; its own is left out").format(
                            kind=_kind(kind), name=repr(name)
                        ),
                        kind,
                    )
        return registry

    @cached_property
    def methods(self) -> dict[str, Any]:
        return self._registry("method")

    @cached_property
    def readers(self) -> dict[str, Any]:
        return self._registry("reader")

    @cached_property
    def renderers(self) -> dict[str, Any]:
        return self._registry("format")

    @cached_property
    def checks(self) -> dict[str, Any]:
        return self._registry("check")

    @cached_property
    def report_templates(self) -> dict[str, Any]:
        """Folders of report templates by name (``scoring report --template NAME``)."""
        return self._registry("report template")

    def evaluated(self, result: Any) -> None:
        """Give a finished (frozen) result to every ``scoring_evaluated`` hook. One that fails
        is named once and not called again; the run goes on."""
        if not self.pm.hook.scoring_evaluated.get_hookimpls():
            self._trace(f"scoring_evaluated({result.source}): no plugin implements it")
        for _answer in self._answers("scoring_evaluated", result=result):
            pass

    # --- rule sets -----------------------------------------------------------------------------
    @cached_property
    def catalog(self) -> Catalog:
        """The installed rule sets by id."""
        from pathlib import Path

        registered = [
            (Path(entry), info.name)
            for info, provided in self._answers("scoring_register_rulesets")
            for entry in _entries(self, info, provided)
        ]
        return Catalog(
            registered,
            builtin=lambda name: self.info(name).builtin,
            fault=lambda name, what: self._fault(self.info(name), what, "ruleset"),
            not_loaded=self.unavailable,
            label=lambda name: self.info(name).label,
        )

    @cached_property
    def _resolver(self) -> Resolver:
        return Resolver(self.catalog, self.require_methods)

    def ruleset(self, rules: Any = "mof-2020") -> RuleSet:
        """A compiled rule set from an installed id, a path, a dict or itself (see
        :class:`scoring.catalog.Resolver`); raises RulesetError or PluginError.

        A rule set already resolved — perhaps by another host, with plugins this one lacks —
        is held to this host's methods and checks as one it resolves itself: a method it asks
        for that no plugin of this host provides is refused, naming the method and its key."""
        if isinstance(rules, RuleSet):
            self.require_methods(rules)
            return rules
        return self._resolver.ruleset(rules)

    @property
    def rulesets_compiled(self) -> int:
        return self._resolver.compiled if "_resolver" in vars(self) else 0

    def _refuse_unknown_severities(self, ruleset: RuleSet) -> None:
        severities = ruleset.checks.get("severity", {})
        known = _known_codes(self)
        for code in severities:
            if code not in known:
                raise PluginError(
                    _(
                        "no check gives a finding {code}, so its severity would never be used"
                    ).format(code=repr(code)),
                    f"checks.severity.{code}",
                    did_you_mean(code, known)
                    or _("`scoring rules show mof-2020` lists the codes under [checks.severity]"),
                    file=ruleset.source,
                    code="ruleset-invalid",
                )

    def require_methods(self, ruleset: RuleSet) -> None:
        """Refuse a rule set whose methods no loaded plugin provides (never score without
        them), or that sets the severity of a finding no check of scoring or of a loaded plugin
        gives (a misspelt code would be silently ignored)."""
        self._refuse_unknown_severities(ruleset)
        for method, key in ruleset.methods_used().items():
            if method in self.methods:
                continue
            if _a_reading(method):
                raise PluginError(
                    _(
                        "{name} is how scoring reads a row (shown as its method), not a method "
                        "a rule set can give"
                    ).format(name=repr(method)),
                    key,
                    _("use one of the methods: {methods}").format(
                        methods=", ".join(sorted(self.methods))
                    ),
                    file=ruleset.source,
                    code="method-missing",
                )
            withheld = self.withheld.get(("method", method))
            missing = self.unavailable("method")
            raise PluginError(
                withheld
                or _("method {name} is not provided by any loaded plugin").format(
                    name=repr(method)
                ),
                key,
                _("uninstall one of them, or disable one with -p no:NAME")
                if withheld
                else did_you_mean(method, self.methods)
                or (
                    _("the plugin that should provide it is not loaded — {missing}").format(
                        missing=missing
                    )
                    if missing
                    else _(
                        "install the plugin that provides it; `scoring plugins` lists what is "
                        "loaded"
                    )
                ),
                file=ruleset.source,
                code="method-missing",
            )


def _a_reading(method: str) -> bool:
    """Whether ``method`` is what a result shows for a row scored by how it was read (range,
    deadline, judgement, not-applicable …): titled as a method, and no built-in one."""
    from .labels import METHODS
    from .methods import BUILTIN

    return method in METHODS and method not in BUILTIN


def _name_refused(kind: str, name: Any) -> str | None:
    """Why a plugin may not register something of ``kind`` under ``name``, or None: a name is
    non-empty text without spaces, and a reader's is a file suffix as scoring looks it up
    (a dot, then the suffix in lower case: ``.csv``)."""
    if not isinstance(name, str):
        return _(
            "registers {kind} under the name {name} ({type}): a name is text; it is left out"
        ).format(kind=_kind(kind), name=repr(name), type=type(name).__name__)
    if not name.strip() or any(character.isspace() for character in name):
        return _(
            "registers {kind} under the name {name}; a name is text without spaces, so it is "
            "left out"
        ).format(kind=_kind(kind), name=repr(name))
    if kind == "reader" and not _a_suffix(name):
        suffix = "." + name.strip(".").lower().rsplit(".", 1)[-1]
        return _(
            "registers reader {name}, which is not a file suffix as scoring looks it up, so no "
            "file would ever reach it; it is left out: register it as {suffix}"
        ).format(name=repr(name), suffix=repr(suffix))
    return None


def _a_suffix(name: str) -> bool:
    """Whether ``name`` is a file suffix as the readers are looked up by: ``.csv``, one dot,
    lower case (``Path.suffix.lower()``)."""
    return len(name) > 1 and name[0] == "." and "." not in name[1:] and name == name.lower()


def _wanted(kind: str) -> str:
    """What a registry of ``kind`` holds, as a message says it."""
    if kind == "report template":
        return _("a folder (pathlib.Path)")
    return _("a function")


def _acceptable(kind: str, value: Any) -> bool:
    """What a registry of ``kind`` holds: a folder's path for report templates, else a function."""
    if kind == "report template":
        from pathlib import PurePath

        return isinstance(value, PurePath)
    return callable(value)


def _known_codes(host: Host) -> set[str]:
    """The finding codes a rule set may set a severity for: scoring's own, and a plugin
    check's name (a plugin's check gives findings under its own name)."""
    from .labels import FINDINGS

    return set(FINDINGS) | set(host.checks)


def _entries(host: Host, info: PluginInfo, provided: Any) -> list:
    if provided is None:
        return []
    if isinstance(provided, (list, tuple)):
        return list(provided)
    host._fault(
        info,
        _("is broken: {hook} returned {type}, not a list").format(
            hook="scoring_register_rulesets", type=type(provided).__name__
        ),
        "ruleset",
    )
    return []


def build_host(**options: Any) -> Host:
    """A host with its registries built (so every fault is named now, once); ``options`` are
    :class:`Host`'s. Raises PluginError when scoring's own plugins are not registered."""
    host = Host(**options)
    for registry in ("methods", "readers", "renderers", "checks", "catalog", "report_templates"):
        getattr(host, registry)  # built now: every fault named once
    if not any(info.builtin for info in host.infos.values()) and not options.get("blocked"):
        raise PluginError(
            _("the built-in plugins are not registered: scoring is not installed as a package"),
            hint=_("install it with `pip install .` (or `pip install -e .`) in its folder"),
            code="not-installed",
        )
    return host


_DEFAULT: list[Host] = []  # the process's host, once built
_LOCK = threading.Lock()


def set_default_host(host: Host | None) -> None:
    """Make ``host`` the one the API and the command line use (None: build it anew on use)."""
    with _LOCK:
        _DEFAULT[:] = [host] if host is not None else []


def default_host() -> Host:
    """The process's host with every installed plugin, built once on first use, under a lock
    so that threads scoring at once share one host and load plugins once."""
    if not _DEFAULT:
        with _LOCK:
            if not _DEFAULT:
                _DEFAULT.append(build_host())
    return _DEFAULT[0]
