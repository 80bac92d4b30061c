"""The plugins installed: the entry points of a group, as importlib.metadata finds them, kept
between runs.

Finding them is a fifth of a one-file run's start: importlib.metadata imports the email
package to read metadata, and looks at every distribution of the environment. They change only
when a distribution is installed, removed, upgraded or edited, so the list found is kept in a
small JSON file in the user's cache folder (``$XDG_CACHE_HOME/scoring`` or
``~/.cache/scoring`` on Linux, ``~/Library/Caches/scoring`` on macOS,
``%LOCALAPPDATA%\\scoring\\Cache`` on Windows), one file per Python environment, with a fingerprint of what importlib.metadata
would look at: the interpreter; each folder of the import path (``sys.path``) with its
modification time; and in each, every ``*.dist-info``, ``*.egg-info`` and ``*.egg`` with the
modification time and size of its ``entry_points.txt`` and of its metadata file. Installing,
removing or upgrading a distribution changes its folder's name or the folder around it; editing
its entry points in place changes their file's. Any change gives another fingerprint, and the
entry points are found anew by importlib.metadata and kept again.

The cache is only a shortcut, never the source: a cache folder that cannot be written, a file
that cannot be read or is not what this module writes, and a metadata finder other than
Python's own on ``sys.meta_path`` (which could list distributions no folder shows) all mean the
entry points are found by importlib.metadata, as without a cache. ``SCORING_NO_CACHE=1`` turns
it off; ``SCORING_CACHE_DIR`` names another folder for it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

NO_CACHE = "SCORING_NO_CACHE"
CACHE_DIR = "SCORING_CACHE_DIR"
FORMAT = 1  # of the cache file: a file of another format is read as no cache
# The folders and files of the import path where importlib.metadata finds distributions.
DISTRIBUTION_SUFFIXES = (".dist-info", ".egg-info", ".egg")
# In each of them: the entry points, and the metadata that names the distribution.
WATCHED = (
    "entry_points.txt",
    "METADATA",
    "PKG-INFO",
    os.path.join("EGG-INFO", "entry_points.txt"),
    os.path.join("EGG-INFO", "PKG-INFO"),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry point of an installed distribution: its name, its object reference
    (``package.module:attribute``), and the distribution's name and version as its metadata
    says them ("" for an entry point without a distribution)."""

    name: str
    value: str
    distribution: str
    version: str

    def load(self) -> Any:
        """The object the entry point names, imported (as importlib.metadata's
        ``EntryPoint.load``: ``module``, ``module:attribute``, extras in brackets ignored)."""
        from functools import reduce
        from importlib import import_module

        reference = self.value.split("[", 1)[0]
        module, _, attributes = reference.partition(":")
        found = import_module(module.strip())
        return reduce(getattr, filter(None, attributes.strip().split(".")), found)


def installed(group: str) -> list[Entry]:
    """The entry points of ``group`` in the installed distributions, in importlib.metadata's
    order: from the cache when nothing it depends on has changed, else found and kept."""
    if os.environ.get(NO_CACHE, "").strip().lower() not in ("", "0", "false", "no"):
        return found_by_metadata(group)
    if not _only_path_finders():
        return found_by_metadata(group)
    path = _cache_file()
    fingerprint = _fingerprint(group)
    cached = _read(path, fingerprint) if path is not None else None
    if cached is not None:
        return cached
    entries = found_by_metadata(group)
    if path is not None:
        _write(path, fingerprint, entries)
    return entries


def found_by_metadata(group: str) -> list[Entry]:
    """The entry points of ``group`` as importlib.metadata finds them now."""
    from importlib.metadata import entry_points

    return named(list(entry_points(group=group)))


def named(entry_points: list) -> list[Entry]:
    """Each of importlib.metadata's entry points with its distribution's name and version. A
    distribution's metadata file is read and parsed again on every access to ``metadata``
    (``version`` is one), and it holds the project's whole description: here it is read once
    per distribution, however many entry points the distribution has."""
    from importlib.metadata import Distribution

    seen: dict[int, tuple[str, str]] = {}  # by id: a distribution need not be hashable
    found = []
    for ep in entry_points:
        dist = ep.dist
        if dist is None:
            found.append(Entry(ep.name, ep.value, "", ""))
            continue
        if id(dist) not in seen:  # the entry points keep each one alive meanwhile
            metadata = dist.metadata
            # the version as Distribution reads it from the metadata, unless a distribution's
            # own class says it otherwise
            plain = getattr(type(dist), "version", None) is Distribution.version
            seen[id(dist)] = (metadata["Name"], metadata["Version"] if plain else dist.version)
        found.append(Entry(ep.name, ep.value, *seen[id(dist)]))
    return found


def _only_path_finders() -> bool:
    """Whether every finder that lists distributions is Python's own path finder: the folders
    of the import path are then all importlib.metadata reads."""
    from importlib.machinery import PathFinder

    return all(
        finder is PathFinder or not hasattr(finder, "find_distributions")
        for finder in sys.meta_path
    )


def _cache_file() -> str | None:
    """The cache file of this Python environment, or None when no cache folder is known."""
    import hashlib

    folder = os.environ.get(CACHE_DIR, "").strip() or _user_cache_folder()
    if not folder:
        return None
    environment = f"{sys.prefix}\0{sys.executable}".encode("utf-8", "surrogatepass")
    name = hashlib.blake2b(environment, digest_size=8).hexdigest()
    return os.path.join(folder, f"entry-points-{name}.json")


def _user_cache_folder() -> str | None:
    """The user's cache folder for scoring, where each system keeps one: %LOCALAPPDATA% on
    Windows, ~/Library/Caches on macOS, $XDG_CACHE_HOME or ~/.cache elsewhere (the XDG base
    directory specification). platformdirs says the same, but importing it takes longer than
    the cache saves."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "").strip()
        return os.path.join(base, "scoring", "Cache") if base else None
    home = os.path.expanduser("~")
    if home == "~":  # no home folder
        return None
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "scoring")
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if not os.path.isabs(base):  # the specification: a relative path is to be ignored
        base = os.path.join(home, ".cache")
    return os.path.join(base, "scoring")


def _fingerprint(group: str) -> str:
    """What importlib.metadata would find, as a digest of what it would look at (see the
    module's documentation)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=16)

    def add(*parts: object) -> None:
        digest.update("\0".join(map(str, parts)).encode("utf-8", "surrogatepass") + b"\n")

    add(FORMAT, group, sys.executable, sys.version)
    for entry in sys.path:
        folder = entry or "."
        add("path", entry, _stamp(folder))
        try:
            with os.scandir(folder) as found:
                names = sorted(e.name for e in found if e.name.endswith(DISTRIBUTION_SUFFIXES))
        except OSError:  # a file (a zip: its stamp says when it changed), or not there
            continue
        for name in names:
            where = os.path.join(folder, name)
            add("distribution", name, _stamp(where))
            for watched in WATCHED:
                add(watched, _stamp(os.path.join(where, watched)))
    return digest.hexdigest()


def _stamp(path: str) -> str:
    """When ``path`` last changed and its size; "-" when it is not there."""
    try:
        info = os.stat(path)
    except OSError:
        return "-"
    return f"{info.st_mtime_ns}:{info.st_size}"


def _read(path: str, fingerprint: str) -> list[Entry] | None:
    """The entries kept in ``path`` for ``fingerprint``; None for anything else."""
    import json

    try:
        with open(path, encoding="utf-8") as handle:
            kept = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("fingerprint") != fingerprint:
        return None
    rows = kept.get("entry_points")
    if not isinstance(rows, list) or not all(
        isinstance(row, list) and len(row) == 4 and all(type(part) is str for part in row)
        for row in rows
    ):
        return None
    return [Entry(*row) for row in rows]


def _write(path: str, fingerprint: str, entries: list[Entry]) -> None:
    """Keep ``entries`` for ``fingerprint`` in ``path``, whole or not at all (another run may
    be reading it); a folder that cannot be written is passed over."""
    import json
    import tempfile

    data = {
        "format": FORMAT,
        "fingerprint": fingerprint,
        "entry_points": [[e.name, e.value, e.distribution, e.version] for e in entries],
    }
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".entry-points-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return
