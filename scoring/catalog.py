"""Rule sets by name: the installed catalog, and one resolver for ids, paths and dicts.

The catalog holds what plugins register through ``scoring_register_rulesets`` — files, or
folders of them — read once per host. A registration that is not there, a file that does not
read and an id installed twice are each left out and named; the rest stays usable, so a broken
plugin costs only its own rule sets. The built-in rule sets keep their ids against an outside
plugin's; an id two outside plugins install is given to neither, and asking for it says why.

The resolver turns an installed id, a path (relative to the current folder) or a dict (the
Python API) into a compiled :class:`~scoring.rules.RuleSet`: ``extends`` followed by id or by a
path relative to the file that says it, tables merged key by key, arrays replaced, the file
that set each key kept. A compiled rule set is cached with the files of its chain and their
modification times and sizes, so an edited rule set is read again and an unchanged one never.
"""

from __future__ import annotations

import copy
import json
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .errors import RulesetError, ScoringError, did_you_mean, system_reason
from .frozen import record
from .i18n import _
from .limits import MAX_EXTENDS
from .rules import RuleSet, compile_ruleset

# A rule set's identity (id, title, version, basis) is its own, never inherited.
IDENTITY = "ruleset"
# Tables a child replaces whole: grades merged key by key would keep a parent's grade the child
# does not want, so a rule set that sets [grades] sets all of it.
WHOLE_TABLES = ("grades",)
# Each file's modification time and size, None for a file that is gone.
Stamps = tuple[tuple[int, int] | None, ...]


@record
class Installed:
    """One installed rule-set file: its id and what its ``[ruleset]`` table says of it."""

    id: str
    path: Path
    plugin: str  # the plugin that registered it
    title: str = ""
    version: str = ""
    basis: tuple[str, ...] = ()


class Catalog:
    """The installed rule sets by id.

    ``registered`` gives (path, plugin name) pairs as the plugins registered them;
    ``builtin(plugin)`` says whether a plugin is one of scoring's own; ``fault(plugin, what)``
    is told each registration left out; ``not_loaded()`` names the plugins that did not load,
    for the message when an id is not found.
    """

    def __init__(
        self,
        registered: Iterable[tuple[Path, str]],
        builtin: Callable[[str], bool],
        fault: Callable[[str, str], None],
        not_loaded: Callable[[], str] = str,
        label: Callable[[str], str] = str,
    ) -> None:
        self.installed: dict[str, Installed] = {}
        self.builtin = builtin
        self.label = label  # a plugin's name with its distribution and version
        self.withheld: dict[str, str] = {}  # id → why no plugin's file is used for it
        self._not_loaded = not_loaded
        # Each file's TOML as read here, by the file's identity, until the resolver takes it
        # (:meth:`parsed`): the rule set a run scores under is not read and parsed twice.
        self._parsed: dict[tuple[int, int], tuple[Stamps, dict]] = {}
        claims: dict[str, list[Installed]] = {}
        for path, plugin in registered:
            for entry in _read_registration(path, plugin, fault, self._parsed):
                claims.setdefault(entry.id, []).append(entry)
        for rid, entries in claims.items():
            own = [e for e in entries if builtin(e.plugin)]
            if len(entries) == 1 or len(own) == 1:
                chosen = own[0] if own else entries[0]
                self.installed[rid] = chosen
                for other in entries:
                    if other is not chosen:
                        fault(
                            other.plugin,
                            _(
                                "rule set {id} ({path}) left out: the built-in rule set {id} "
                                "({builtin}) has that id"
                            ).format(id=repr(rid), path=other.path, builtin=chosen.path),
                        )
                continue
            files = [
                _("{path} (plugin {plugin})").format(path=e.path, plugin=e.plugin) for e in entries
            ]
            self.withheld[rid] = _("rule set {id} is installed twice, by {files}").format(
                id=repr(rid), files=joined(files)
            )
            for entry in entries:
                fault(entry.plugin, _neither(self.withheld[rid]))

    def __contains__(self, rid: object) -> bool:
        return rid in self.installed

    def parsed(self, path: Path) -> dict | None:
        """The TOML of the file at ``path`` as the catalog read it, not validated, handed over
        once (the caller may change it); None when the catalog did not read that file, or the
        file changed since."""
        identity, stamps = _identity(path)
        if identity is None:
            return None
        kept = self._parsed.pop(identity, None)
        return kept[1] if kept is not None and kept[0] == stamps else None

    def locate(self, name: str, base: Path, asked_by: str | None = None) -> Path:
        """The file of a rule set named by an installed id, or by a path relative to ``base``;
        ``asked_by`` is the file whose ``extends`` names it (None: the command line or API)."""
        if name in self.installed:
            return self.installed[name].path

        def said(message: str) -> str:
            """The message, after the `extends` that asked for the rule set when one did."""
            if not asked_by:
                return message
            return _('`extends = "{name}"`: {message}').format(name=name, message=message)

        where = "ruleset.extends" if asked_by else None
        if name in self.withheld:
            raise RulesetError(
                said(_neither(self.withheld[name])),
                where,
                _("uninstall one of the two plugins, or disable one with -p no:NAME"),
                file=asked_by,
                code="ruleset-ambiguous",
            )
        candidate = base / name
        try:
            there, is_file = candidate.exists(), candidate.is_file()
        except OSError as exc:  # a name too long, a folder that may not be searched
            there, is_file, reason = True, False, system_reason(exc)
        else:
            reason = _("{path} is not a file (a folder, a pipe or a device)").format(path=candidate)
        if candidate.suffix == ".toml" or there:
            if not is_file:
                what = reason if there else _("no such rule-set file {path}").format(path=candidate)
                raise RulesetError(
                    said(what),
                    where,
                    _(
                        "a path in `extends` is relative to the file that says it; or give an "
                        "installed id"
                    )
                    if asked_by
                    else _("give an installed id (scoring rules list) or a path"),
                    file=asked_by or name,
                    code="ruleset-missing",
                )
            return candidate
        hint = did_you_mean(name, self.installed) or _("installed: {ids}").format(
            ids=", ".join(sorted(self.installed))
        )
        missing = self._not_loaded()
        raise RulesetError(
            said(_("no installed rule set is called {name}").format(name=repr(name))),
            where,
            _("{hint}; not loaded: {missing}").format(hint=hint, missing=missing)
            if missing
            else hint,
            file=asked_by,
            code="ruleset-missing",
        )


def joined(names: list[str]) -> str:
    """Two names or more, said as one: ``a and b``."""
    said = names[0]
    for name in names[1:]:
        said = _("{one} and {other}").format(one=said, other=name)
    return said


def _neither(why: str) -> str:
    """Why two registrations of one name are both left out, and that they are."""
    return _("{reason}: neither is used").format(reason=why)


def _read_registration(
    path: Path, plugin: str, fault: Callable[[str, str], None], parsed: dict | None = None
):
    """The rule sets of one registered path: a file, or every ``*.toml`` of a folder. A path
    that is not there, a file that does not read or has no id, is left out and named. Each
    file's TOML is kept in ``parsed`` by the file's identity, with its stamps (:func:`_identity`,
    taken before it is read: a file changed while being read is read again when used)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
    elif path.is_file():
        files = [path]
    else:
        fault(plugin, _("registers rule sets at {path}, which does not exist").format(path=path))
        return
    for file in files:
        identity, stamps = _identity(file)
        try:
            data = read_ruleset_file(file, validate=False)
        except ScoringError as exc:
            fault(plugin, _("rule-set file left out: {error}").format(error=exc.render()))
            continue
        if parsed is not None and identity is not None:
            parsed[identity] = (stamps, data)
        meta = data.get(IDENTITY, {})
        rid = meta.get("id") if isinstance(meta, dict) else None
        if not isinstance(rid, str) or not rid:
            fault(plugin, _("rule-set file left out: {file} has no [ruleset] id").format(file=file))
            continue
        yield Installed(
            rid,
            file,
            plugin,
            str(meta.get("title", "")),
            str(meta.get("version", "")),
            tuple(str(b) for b in meta.get("basis", ())),
        )


# --- reading and merging ------------------------------------------------------------------------


def read_ruleset_file(path: Path, validate: bool = True) -> dict:
    """A rule-set file's TOML, checked against the rule-set schema unless ``validate`` is off;
    raises :class:`RulesetError` naming the file and the place."""
    from .readers import parse_toml, read_text

    data = parse_toml(read_text(path, RulesetError), str(path), RulesetError)
    if validate:
        _refuse_problems(data, str(path))
    return data


def _refuse_problems(data: dict, source: str, plain: bool = False) -> None:
    """Raise one RulesetError for what is wrong in a rule set's data: its shape as plain data
    (NaN, a number of 5,000 digits, a cycle through the API; unless ``plain`` says it was looked
    at), then the schema."""
    from . import schemas

    problems = schemas.problem_list("ruleset", data, plain=plain)
    if problems:
        raise problems.error(RulesetError, source)


def merge(base: dict, child: dict, origins: dict, source: str, prefix: str = "") -> dict:
    """``child`` over ``base``: tables merge key by key, everything else (arrays included)
    replaces, and so do WHOLE_TABLES; ``origins`` (dotted key → file) is updated in place."""
    merged = dict(base)
    for key, value in child.items():
        dotted = f"{prefix}{key}"
        whole = dotted in WHOLE_TABLES
        if isinstance(value, dict) and isinstance(merged.get(key), dict) and not whole:
            merged[key] = merge(merged[key], value, origins, source, dotted + ".")
        else:
            merged[key] = value
            for stale in [k for k in origins if k == dotted or k.startswith(dotted + ".")]:
                del origins[stale]
            _record_origins(value, dotted, source, origins)
    return merged


def _record_origins(value: Any, dotted: str, source: str, origins: dict) -> None:
    if isinstance(value, dict) and value:
        for key, inner in value.items():
            _record_origins(inner, f"{dotted}.{key}", source, origins)
    else:
        origins[dotted] = source


def _over_parent(
    data: dict, source: str, parent: str | None, base: Path, catalog: Catalog, chain: tuple
) -> tuple[dict, dict, tuple[Path, ...]]:
    """``data`` merged over the rule set its ``extends`` names, with origins and the files of
    the whole chain (``chain``: the files that led here, to refuse a circle)."""
    origins: dict = {}
    inherited: dict = {}
    files: tuple[Path, ...] = ()
    if parent:
        asked_by = str(chain[-1]) if chain else source
        parent_path = catalog.locate(parent, base, asked_by=asked_by)
        inherited, origins, files = _resolve_file(parent_path, catalog, chain)
        inherited = {k: v for k, v in inherited.items() if k != IDENTITY}
        origins = {k: v for k, v in origins.items() if not k.startswith(IDENTITY + ".")}
    merged = merge(inherited, data, origins, source)
    merged.get(IDENTITY, {}).pop("extends", None)
    origins.pop(f"{IDENTITY}.extends", None)
    return merged, origins, files


def _resolve_file(
    path: Path, catalog: Catalog, chain: tuple[Path, ...] = ()
) -> tuple[dict, dict, tuple[Path, ...]]:
    """A rule-set file merged over its ``extends`` chain: (data, origins, the chain's files)."""
    path = path.resolve()
    if len(chain) >= MAX_EXTENDS:
        raise RulesetError(
            _("`extends` goes more than {count} rule sets deep").format(count=MAX_EXTENDS),
            "ruleset.extends",
            _("extend an installed rule set directly: a chain of at most {count} files").format(
                count=MAX_EXTENDS
            ),
            file=str(chain[-1]),
            code="ruleset-extends",
        )
    if path in chain:
        cycle = " → ".join(str(p) for p in (*chain, path))
        raise RulesetError(
            _("`extends` goes round in a circle: {cycle}").format(cycle=cycle),
            "ruleset.extends",
            _("remove one of the `extends`"),
            file=str(chain[-1]),
            code="ruleset-cycle",
        )
    data = catalog.parsed(path)
    if data is None:
        data = read_ruleset_file(path)
    else:
        _refuse_problems(data, str(path))
    parent = data.get(IDENTITY, {}).get("extends")
    merged, origins, files = _over_parent(
        data, str(path), parent, path.parent, catalog, (*chain, path)
    )
    return merged, origins, (path, *files)


# --- the resolver -------------------------------------------------------------------------------


def _identity(path: Path) -> tuple[tuple[int, int] | None, Stamps]:
    """Which file ``path`` is (device and inode, symlinks followed) and its stamps (as
    :func:`_stamps`); (None, (None,)) when it cannot be looked at."""
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None, (None,)
    return (stat.st_dev, stat.st_ino), ((stat.st_mtime_ns, stat.st_size),)


def _stamps(files: tuple[Path, ...]) -> Stamps:
    """What says a file is unchanged: its modification time and size (None when it is gone)."""
    stamps: list[tuple[int, int] | None] = []
    for file in files:
        try:
            stat = file.stat()
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def _refuse_unplain(rules: dict) -> None:
    """A rule set given as a dict that no file could hold (inside itself, too deep, keys that
    are not text, NaN …) is refused before anything else looks at it."""
    from . import schemas

    shape = schemas.structure_problems(rules)
    if shape:
        raise shape.error(RulesetError, "<rules>")


class Resolver:
    """Compiled rule sets from ids, paths and dicts, cached while their files are unchanged.

    ``accept(ruleset)`` is called on each rule set compiled (the host refuses one whose methods
    no plugin provides). Threads asking at once resolve a rule set once.
    """

    def __init__(self, catalog: Catalog, accept: Callable[[RuleSet], None]) -> None:
        self.catalog = catalog
        self.accept = accept
        self.compiled = 0
        self._cache: dict[tuple[str, ...], tuple[tuple[Path, ...], Stamps, RuleSet]] = {}
        self._lock = threading.RLock()

    def ruleset(self, rules: str | os.PathLike | dict | RuleSet) -> RuleSet:
        """The rule set ``rules`` names (an installed id or a path) or holds (a dict)."""
        if isinstance(rules, RuleSet):
            return rules
        if isinstance(rules, os.PathLike):
            rules = os.fspath(rules)
        if isinstance(rules, dict):
            _refuse_unplain(rules)  # before it is written out as the key of the cache
            key: tuple[str, ...] = ("dict", json.dumps(rules, sort_keys=True, default=str))
        elif isinstance(rules, str):
            key = ("name", rules, "" if rules in self.catalog else os.getcwd())
        else:
            raise RulesetError(
                _("a rule set cannot be a {type}").format(type=type(rules).__name__),
                hint=_('give an installed id ("mof-2020"), a path, or a dict'),
                code="ruleset-invalid",
            )
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None and _stamps(cached[0]) == cached[1]:
                return cached[2]
            ruleset, files = self._compile(rules)
            self.accept(ruleset)
            self._cache[key] = (files, _stamps(files), ruleset)
            self.compiled += 1
            return ruleset

    def _compile(self, rules: str | dict) -> tuple[RuleSet, tuple[Path, ...]]:
        if isinstance(rules, dict):
            return self._compile_dict(rules)
        path = self.catalog.locate(rules, Path.cwd())
        try:
            data, origins, files = _resolve_file(path, self.catalog)
            return compile_ruleset(data, origins, str(path)), files
        except RulesetError as exc:
            entry = self.catalog.installed.get(rules)
            if entry is not None and not self.catalog.builtin(entry.plugin):
                # the user did not write this file: say whose it is and what they can do
                whose = _(
                    "the rule set {id} is installed by the plugin {plugin}: tell its authors, or "
                    "disable it with -p no:{name}"
                ).format(id=repr(rules), plugin=self.catalog.label(entry.plugin), name=entry.plugin)
                hint = exc.problems[-1].hint
                exc.problems[-1].hint = (
                    _("{hint}; {more}").format(hint=hint, more=whose) if hint else whose
                )
            raise

    def _compile_dict(self, rules: dict) -> tuple[RuleSet, tuple[Path, ...]]:
        source = "<rules>"
        _refuse_problems(rules, source, plain=True)  # its shape was looked at in ruleset()
        data = copy.deepcopy(rules)
        parent = data.get(IDENTITY, {}).get("extends")
        merged, origins, files = _over_parent(data, source, parent, Path.cwd(), self.catalog, ())
        return compile_ruleset(merged, origins, source), files
