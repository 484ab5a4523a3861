"""Finding the workbooks of a batch: files and folders → Source list.

Lock, hidden and temp files are skipped; .xls/.xlsb/.ods are kept so the register can say
why they are missing; a file reached twice (a link, a PATH given twice) is read once.
"""
from __future__ import annotations

import os
import posixpath
import re
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

WORKBOOK_EXTS = (".xlsx", ".xlsm")
# Listed in "Berkas Bermasalah" with the reader's reason rather than silently ignored: an office
# that sends .xls or .ods should learn why its SOP is missing from the register.
PROBLEM_EXTS = (".xls", ".xlsb", ".ods")
_SKIP_DIRS = {"__macosx", "$recycle.bin", "system volume information"}



@dataclass(frozen=True)
class Source:
    """One workbook to read, and the folder name its Bagian falls back to."""

    path: str  # as shown in the register: the PATH argument joined with the path below it
    folder: str  # the Bagian folder name ("" when there is none)
    sort_key: tuple[str, ...]


def shown_path(path: str) -> str:
    """A path as text any output can hold: a name that is not valid in the file system's
    encoding (Python keeps its bytes as surrogates) shows those bytes as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        raw = os.fsencode(path)
        return raw.decode("utf-8", "backslashreplace")


def _hidden(entry: os.DirEntry) -> bool:
    """A dot name (Unix, macOS "._x.xlsx"), or Windows' hidden attribute (cached in DirEntry)."""
    if entry.name.startswith("."):
        return True
    if os.name != "nt":
        return False
    attrs = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    return bool(attrs & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


def _special(entry: os.DirEntry) -> bool:
    """A pipe, device or socket (followed through a symlink); a dangling link is not."""
    mode = entry.stat().st_mode
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)


def _is_link(entry: os.DirEntry) -> bool | None:
    """Whether the entry is a symlink (known from the listing); None: RealPaths finds out."""
    try:
        return entry.is_symlink()
    except OSError:
        return None


def _temp_name(name: str) -> bool:
    # "~$Rekap.xlsx" is Excel's lock file, "~WRL0001.tmp" its temp copy, ".~lock.x#" LibreOffice's.
    return name.startswith(("~", ".")) or name.lower().endswith((".tmp", ".bak"))


def _wanted(name: str) -> bool:
    return name.lower().endswith(WORKBOOK_EXTS + PROBLEM_EXTS) and not _temp_name(name)


class RealPaths:
    """``os.path.realpath`` of many files in few folders, the same answers for less.

    Python's realpath lstat's every component of every path it is given; the files of a
    batch share a few folders. A name that is not a symlink has, as real path, its folder's
    real path joined with the name (the folder's is looked up once): that is what
    ``posixpath.realpath`` itself makes of such a last component, even of one that cannot be
    lstat'ed. A symlink, or a name such as "..", gets the full realpath; so does every path
    on Windows, whose realpath asks the system.
    """

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}
        self.cwd = os.getcwd() if _POSIX else ""

    def __call__(self, path: str, is_link: bool | None = None) -> str:
        """The real path of ``path``; ``is_link``: whether it is a symlink, when known
        (``DirEntry.is_symlink()``), else lstat'ed here."""
        folder, name = os.path.split(path)
        if not _POSIX or name in ("", ".", ".."):
            return os.path.realpath(path)
        if is_link is None:
            try:
                is_link = stat.S_ISLNK(os.lstat(path).st_mode)
            except (OSError, ValueError):
                is_link = False  # as realpath takes a last component it cannot lstat
        if is_link:
            return os.path.realpath(path)
        if not os.path.isabs(folder):
            cwd = os.getcwd()
            if cwd != self.cwd:  # a relative folder's real path depends on where we stand
                self.folders.clear()
                self.cwd = cwd
        real = self.folders.get(folder)
        if real is None:
            real = self.folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)


_POSIX = os.path is posixpath


def _path_key(path: str) -> tuple[str, ...]:
    parts = [p for p in re.split(r"[\\/]+", path) if p not in ("", ".")]
    # Interned: the folders above a national collection's files are the same few hundred.
    return tuple(sys.intern(p.casefold()) for p in parts) + ("\x00" + path,)


def discover(paths: Sequence[str], *, exclude: Iterable[str] = ()) -> tuple[list[Source], list[str]]:
    """The workbooks under ``paths`` and the PATH arguments that held none.

    A folder is walked recursively in name order; a file named on the command line is taken
    whatever it is (a missing one becomes a problem row). The same file reached twice is
    read once; ``exclude`` names files never to read (the register being written).
    """
    seen = {os.path.realpath(p) for p in exclude}
    real_path = RealPaths()
    sources: list[Source] = []
    empty: list[str] = []
    for arg in _expand(paths):
        shown = os.path.normpath(arg)
        if not os.path.isdir(shown):
            name = os.path.basename(shown)
            if _temp_name(name) and os.path.exists(shown):
                continue  # a lock file named by a wildcard: never a workbook
            real = os.path.realpath(shown)
            if real not in seen:
                seen.add(real)
                folder = os.path.basename(os.path.dirname(os.path.abspath(shown)))
                sources.append(Source(shown, folder, _path_key(shown)))
            continue
        root_name = os.path.basename(os.path.abspath(shown))
        found = 0
        for path, rel, real in _walk(shown, real_path):
            if real in seen:
                continue
            seen.add(real)
            parts = re.split(r"[\\/]+", rel)
            folder = parts[0] if len(parts) > 1 else root_name
            sources.append(Source(path, folder, _path_key(path)))
            found += 1
        if not found:
            empty.append(arg)
    return sources, empty


def _expand(paths: Sequence[str]) -> list[str]:
    # Windows' cmd passes "*.xlsx" through unexpanded; a pattern that names no file is expanded here.
    import glob

    out: list[str] = []
    for p in paths:
        if not os.path.exists(p) and any(ch in p for ch in "*?["):
            out.extend(sorted(glob.glob(p), key=lambda x: (x.casefold(), x)) or [p])
        else:
            out.append(p)
    return out


def _walk(root: str, real_path: RealPaths) -> Iterable[tuple[str, str, str]]:
    """(path, path relative to root, real path) of every wanted file, depth first, in name
    order."""
    stack = [("", root)]
    while stack:
        rel, folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: (e.name.casefold(), e.name))
        except OSError:
            continue  # an unreadable folder is skipped like a hidden one
        subdirs = []
        for e in entries:
            try:
                if _hidden(e):
                    continue
                if e.is_dir(follow_symlinks=False):
                    if e.name.casefold() not in _SKIP_DIRS:
                        subdirs.append(e)
                elif _wanted(e.name) and (e.is_file() or _special(e)):
                    # A FIFO or device named like a workbook is listed (the per-file step
                    # reports it without opening it), not silently left out.
                    path = os.path.join(folder, e.name)
                    yield path, os.path.join(rel, e.name) if rel else e.name, real_path(path, _is_link(e))
            except OSError:
                continue
        for e in reversed(subdirs):
            stack.append((os.path.join(rel, e.name) if rel else e.name, os.path.join(folder, e.name)))


