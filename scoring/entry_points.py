"""The plugins installed: the entry points of a group, as importlib.metadata finds them, kept
between runs.

Finding them is a fifth of a one-file run's start: importlib.metadata imports the email
package to read metadata, and looks at every distribution of the environment. They change only
when a distribution is installed, removed, upgraded or edited, so the list found is kept in a
small JSON file in the user's cache folder (``$XDG_CACHE_HOME/scoring`` or
``~/.cache/scoring`` on Linux, ``~/Library/Caches/scoring`` on macOS,
``%LOCALAPPDATA%\\scoring\\Cache`` on Windows), one file per Python environment, under a
fingerprint of what importlib.metadata would look at: the interpreter; each entry of the import
path (``sys.path``), with its times (modified, changed), inode and size; and, in each entry and
in each ``*.dist-info``, ``*.egg-info`` or ``*.egg`` in it (any case), the same of its metadata
file and the whole text of its ``entry_points.txt``. Installing, removing, upgrading or
editing a distribution changes one of those — even one unpacked with its files' times fixed
(a reproducible build): the file is new, so its inode and change time are. Any change gives
another fingerprint, and the entry points are found anew by importlib.metadata and kept again.
The file keeps the lists of the last few fingerprints (``python -m scoring`` puts the working
folder first on the import path, the ``scoring`` script its own folder: both are kept).

The cache is only a shortcut, never the source: a cache folder that cannot be written, a file
that cannot be read or is not what this module writes, and a metadata finder other than
Python's own on ``sys.meta_path`` (which could list distributions no folder shows) all mean the
entry points are found by importlib.metadata, as without a cache. ``SCORING_NO_CACHE=1`` turns
it off; ``SCORING_CACHE_DIR`` names another folder for it.

A distribution whose entry points or metadata cannot be read (a file that is not UTF-8, a
line without ``=``) is one :class:`Entry` with its ``problem``: the host names it and leaves it
out, and every other plugin loads.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

NO_CACHE = "SCORING_NO_CACHE"
CACHE_DIR = "SCORING_CACHE_DIR"
FORMAT = 2  # of the cache file: a file of another format is read as no cache
KEPT = 8  # fingerprints whose lists a cache file keeps, the most recent
# The folders and files of the import path where importlib.metadata finds distributions.
DISTRIBUTION_SUFFIXES = (".dist-info", ".egg-info", ".egg")
# In each of them: the entry points, and the metadata that names the distribution.
METADATA = ("METADATA", "PKG-INFO", os.path.join("EGG-INFO", "PKG-INFO"))
ENTRY_POINTS = ("entry_points.txt", os.path.join("EGG-INFO", "entry_points.txt"))


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry point of an installed distribution: its name, its object reference
    (``package.module:attribute``), and the distribution's name and version as its metadata
    says them ("" for an entry point without a distribution). A distribution whose entry points
    or metadata cannot be read is one entry with its ``problem`` (the error, in its own words),
    named by its folder (``badenc-1.0.dist-info``) and, as a distribution, by the name the
    folder starts with (``badenc``)."""

    name: str
    value: str
    distribution: str
    version: str
    problem: str = ""

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
    """The entry points of ``group`` as importlib.metadata finds them now: its
    ``entry_points(group=...)``, one distribution at a time, so that one that cannot be read is
    an entry with its problem instead of an error for every distribution."""
    from importlib.metadata import distributions

    seen: set[str] = set()  # a distribution found twice on the path: the first, as importlib's
    found: list[Entry] = []
    for dist in distributions():
        try:
            # how importlib.metadata.entry_points tells them apart (Python 3.10 to 3.13)
            key = getattr(dist, "_normalized_name", None)
        except Exception:  # metadata that does not read: said below, when it holds the group
            key = None
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        try:
            entry_points = [ep for ep in dist.entry_points if ep.group == group]
            if entry_points:
                name, version = name_and_version(dist)
        except Exception as exc:  # any fault of its files is the distribution's own
            folder = _folder_name(dist)
            problem = f"{type(exc).__name__}: {exc}"
            found.append(Entry(folder, "", folder.split("-", 1)[0], "", problem))
            continue
        found.extend(Entry(ep.name, ep.value, name, version) for ep in entry_points)
    return found


def name_and_version(dist) -> tuple[str, str]:
    """A distribution's name and version as its metadata says them ("" for one it does not
    say). The metadata file is read and parsed on every access to ``metadata`` (``version`` is
    one), and it holds the project's whole description: here it is read once."""
    from importlib.metadata import Distribution

    metadata = dist.metadata
    # the version as Distribution reads it from the metadata, unless a distribution's own
    # class says it otherwise
    plain = getattr(type(dist), "version", None) is Distribution.version
    version = metadata["Version"] if plain else dist.version
    return str(metadata["Name"] or ""), str(version or "")


def _folder_name(dist) -> str:
    """The folder a distribution's metadata is in, to name one whose metadata does not read."""
    path = getattr(dist, "_path", None)
    return os.path.basename(str(path)) if path is not None else type(dist).__name__


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
        _add_distribution(add, folder)  # an entry may be a distribution itself (an .egg)
        try:
            with os.scandir(folder) as found:
                names = sorted(
                    e.name for e in found if e.name.lower().endswith(DISTRIBUTION_SUFFIXES)
                )
        except OSError:  # a file (a zip: its stamp says when it changed), or not there
            continue
        for name in names:
            where = os.path.join(folder, name)
            add("distribution", name, _stamp(where))
            _add_distribution(add, where)
    return digest.hexdigest()


def _add_distribution(add, folder: str) -> None:
    """The metadata files of a distribution's folder, stamped, and its entry points' text."""
    for name in METADATA:
        add(name, _stamp(os.path.join(folder, name)))
    for name in ENTRY_POINTS:
        try:
            with open(os.path.join(folder, name), "rb") as handle:
                add(name, handle.read().hex())
        except OSError:
            add(name, "-")


def _stamp(path: str) -> str:
    """When ``path`` last changed, its inode and its size; "-" when it is not there. The
    change time and the inode are the system's, set when the file is written or made: an
    unpacked file with a fixed modification time still has new ones."""
    try:
        info = os.stat(path)
    except OSError:
        return "-"
    return f"{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_size}"


def _read(path: str, fingerprint: str) -> list[Entry] | None:
    """The entries kept in ``path`` for ``fingerprint``; None for anything else."""
    rows = _kept(path).get(fingerprint)
    if not isinstance(rows, list) or not all(
        isinstance(row, list) and len(row) == 5 and all(type(part) is str for part in row)
        for row in rows
    ):
        return None
    return [Entry(*row) for row in rows]


def _kept(path: str) -> dict:
    """The lists a cache file keeps, by fingerprint, the most recent last; {} for a file that
    is not there or not one this module writes."""
    import json

    try:
        with open(path, encoding="utf-8") as handle:
            kept = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(kept, dict) or kept.get("format") != FORMAT:
        return {}
    lists = kept.get("entry_points")
    return lists if isinstance(lists, dict) else {}


def _write(path: str, fingerprint: str, entries: list[Entry]) -> None:
    """Keep ``entries`` for ``fingerprint`` in ``path``, beside the lists of the last few other
    fingerprints, whole or not at all (another run may be reading it); a folder that cannot be
    written is passed over."""
    import json
    import tempfile

    lists = {key: rows for key, rows in _kept(path).items() if key != fingerprint}
    lists[fingerprint] = [[e.name, e.value, e.distribution, e.version, e.problem] for e in entries]
    data = {"format": FORMAT, "entry_points": dict(list(lists.items())[-KEPT:])}
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
