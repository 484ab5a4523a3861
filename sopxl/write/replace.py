"""Put a new package in place of the old one, safely, even with another writer at work.

The target is checked before any work (a folder, open in Excel or LibreOffice,
read-only); the new package is written to a hidden temporary file in the same folder,
flushed to disk, reopened and checked, given the old file's permission bits, and only
then moved over the target in one step. On any failure — a full disk, a kill in the
middle — the target is untouched; the temporary file is removed, or, when the process
was killed, removed by the next write into that folder (``clean_leftovers``).

Two writers at once (``sopxl validate --write`` and ``sopxl draw`` on one workbook):

* sopxl processes take the workbook's lock (``lock.py``) and so write it one after
  the other.
* Just before the replace, under that lock, the target must still be the file that was
  read (size, modification time and a hash of its content, ``Fingerprint``). If another
  program changed it meanwhile, nothing is written (``WorkbookChangedError``) and the
  caller reads it again and redoes its edit — the other writer's work is never lost.
* A workbook open in Excel (``~$NAME``) or LibreOffice (``.~lock.NAME#``) is refused,
  checked again just before the replace: the office program would save over it later.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import stat
import time
import zipfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import IO

from ..errors import SopxlError, WorkbookChangedError, WriteError
from ..read.source import not_regular
from .lock import HOST, alive, workbook_lock
from .packing import Entry, write_zip, zip_holds

TEMP_PREFIX = ".~sopxl-"
TEMP_STALE_SECONDS = 3600  # a temporary file this old is a leftover whoever wrote it
# ".~sopxl-<host>-<pid>-<random>.tmp"; older versions wrote ".~sopxl-<random>.tmp".
_TEMP_NAME = re.compile(r"\.~sopxl-(?:([0-9a-f]{6})-(\d+)-)?[0-9a-f]+\.tmp")


class _Any:
    """``commit(expect=ANY)``: whatever the target holds, replace it."""


ANY = _Any()


@dataclass(frozen=True)
class Fingerprint:
    """What a file was when it was read: another writer's change shows in one of these."""

    size: int
    mtime_ns: int
    sha256: str


def fingerprint(path: str) -> Fingerprint | None:
    """The file's fingerprint, or None when there is no file.

    Only a regular file's content is read: a named pipe or a device behind a workbook's
    name would block or never end (the reader refuses those with its own message), and
    a file that cannot be opened is fingerprinted by the failure.
    """
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        return Fingerprint(-1, -1, f"errno {exc.errno}")
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            return Fingerprint(st.st_size, st.st_mtime_ns, f"mode {st.st_mode:o}")
        digest = hashlib.sha256()
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return Fingerprint(st.st_size, st.st_mtime_ns, digest.hexdigest())


def _office_lock(target: str, shown: str) -> None:
    """Refuse a workbook that Excel or LibreOffice has open: it would save over us later."""
    folder, base = os.path.split(target)
    folder = folder or "."
    excel = "~$" + base
    if os.path.exists(os.path.join(folder, excel)):
        raise WriteError(f"Buku kerja sedang dibuka di Excel; tutup dulu lalu ulangi. ({base}; bila "
                         f"Excel sudah ditutup, hapus berkas tersembunyi {excel})", code="TULIS-TERKUNCI",
                         path=shown, message_en=f"The workbook is open in Excel; close it first, then try "
                                                f"again. ({base}; if Excel is already closed, delete the "
                                                f"hidden file {excel})")
    office = f".~lock.{base}#"
    if os.path.exists(os.path.join(folder, office)):
        raise WriteError(f"Buku kerja sedang dibuka di LibreOffice; tutup dulu lalu ulangi. ({base}; bila "
                         f"LibreOffice sudah ditutup, hapus berkas tersembunyi {office})",
                         code="TULIS-TERKUNCI", path=shown,
                         message_en=f"The workbook is open in LibreOffice; close it first, then try again. "
                                    f"({base}; if LibreOffice is already closed, delete the hidden file "
                                    f"{office})")


def check_target(target: str, *, shown: str) -> None:
    """Refuse before any work when the target is open in Excel or cannot be written."""
    folder, base = os.path.split(target)
    folder = folder or "."
    if os.path.isdir(target):
        raise WriteError("Tujuan penulisan adalah sebuah folder, bukan berkas.", code="TULIS-TUJUAN",
                         path=shown, message_en="The output path is a folder, not a file.")
    _office_lock(target, shown)
    if os.path.exists(target):
        mode = os.stat(target).st_mode
        if not stat.S_ISREG(mode):  # a pipe or a device as the output: replacing it is no "write"
            raise not_regular(shown, mode)
        if not mode & stat.S_IWUSR or not os.access(target, os.W_OK):
            raise WriteError("Berkas hanya-baca (read-only) sehingga tidak dapat ditulisi. Hapus "
                             "atribut hanya-baca atau simpan ke berkas lain.", code="TULIS-HANYA-BACA",
                             path=shown, message_en="The file is read-only and cannot be written. Clear "
                                                    "the read-only flag or write to another file.")
    if not os.path.isdir(folder):
        raise WriteError("Folder tujuan tidak ada.", code="TULIS-TUJUAN", path=shown,
                         message_en="The target folder does not exist.")
    # Windows marks many writable folders read-only (a display flag), so only POSIX
    # permission bits are trusted here; elsewhere creating the temporary file decides.
    folder_mode = os.stat(folder).st_mode
    if os.name != "nt" and (not folder_mode & stat.S_IWUSR or not os.access(folder, os.W_OK)):
        raise WriteError("Folder berkas hanya-baca sehingga berkas tidak dapat disimpan di sana.",
                         code="TULIS-HANYA-BACA", path=shown,
                         message_en="The file's folder is read-only, so the file cannot be saved there.")


def commit(target: str, entries: list[Entry], *, shown: str,
           expect: Fingerprint | None | _Any = ANY) -> None:
    """Write ``entries`` to a temporary file beside ``target``, check it, move it into place.

    ``expect`` is the target as it was read (``fingerprint``; None: there was no file).
    If it is something else now, another program wrote it meanwhile: nothing is written
    and ``WorkbookChangedError`` is raised. An existing target keeps its permission bits
    (and owner, where allowed); a new file gets the usual ones.
    """
    def write(fh: IO[bytes]) -> list[str]:
        write_zip(fh, entries)
        return [e.info.filename for e in entries]

    commit_with(target, write, shown=shown, expect=expect)


def commit_with(target: str, write: Callable[[IO[bytes]], list[str]], *, shown: str,
                expect: Fingerprint | None | _Any = ANY) -> None:
    """``commit`` for a package written by ``write`` (into the temporary file; it returns the
    entry names), so a large one is streamed rather than held in memory."""
    folder = os.path.dirname(target) or "."
    clean_leftovers(folder)
    tmp = os.path.join(folder, f"{TEMP_PREFIX}{HOST}-{os.getpid()}-{secrets.token_hex(6)}.tmp")
    try:
        # Private while being written; the final permission bits are set just before the move.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise os_error(exc, shown) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            names = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if not zip_holds(tmp, names):
            raise WriteError("Hasil penulisan tidak dapat dibuka kembali; berkas asli tidak diubah.",
                             code="TULIS-GAGAL", path=shown,
                             message_en="The written workbook could not be reopened; the original file "
                                        "was not changed.")
        with workbook_lock(target, shown=shown):
            _office_lock(target, shown)  # opened in Excel while we worked
            if not isinstance(expect, _Any) and fingerprint(target) != expect:
                raise changed_error(shown)
            try:
                like: os.stat_result | None = os.stat(target)
            except FileNotFoundError:
                like = None
            os.chmod(tmp, stat.S_IMODE(like.st_mode) if like is not None else _default_mode())
            if like is not None and hasattr(os, "chown"):
                with suppress(OSError):
                    os.chown(tmp, like.st_uid, like.st_gid)
            os.replace(tmp, target)
        _sync_folder(folder)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, SopxlError):
            raise
        if isinstance(exc, OSError):
            raise os_error(exc, shown) from None
        if isinstance(exc, (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, RuntimeError)):
            raise WriteError("Buku kerja tidak dapat ditulis; berkas asli tidak diubah.", code="TULIS-GAGAL",
                             path=shown, message_en="The workbook could not be written; the original "
                                                    "file was not changed.") from None
        raise


def write_file(target: str, data: bytes, *, shown: str, force: bool) -> None:
    """Write a whole new file (a template); an existing one is replaced only with ``force``.

    Raises ``FileExistsError`` when the file exists and ``force`` is off: without it
    the file is linked into place, which fails rather than overwrite a file that
    appeared meanwhile.
    """
    check_target(target, shown=shown)
    folder = os.path.dirname(target) or "."
    clean_leftovers(folder)
    tmp = os.path.join(folder, f"{TEMP_PREFIX}{HOST}-{os.getpid()}-{secrets.token_hex(6)}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _default_mode())
        with workbook_lock(target, shown=shown):
            _office_lock(target, shown)
            if force:
                os.replace(tmp, target)
            else:
                _place_new(tmp, target)
        _sync_folder(folder)
    finally:
        with suppress(OSError):
            os.unlink(tmp)


def _place_new(tmp: str, target: str) -> None:
    """Move ``tmp`` to ``target`` only if there is no file there (FileExistsError otherwise)."""
    try:
        os.link(tmp, target)  # atomic, and never replaces
        return
    except FileExistsError:
        raise
    except (OSError, NotImplementedError):
        pass  # a file system without hard links (FAT, some shares): check, then move, under our lock
    if os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, "file exists", target)
    os.replace(tmp, target)


def changed_error(shown: str) -> WorkbookChangedError:
    return WorkbookChangedError(
        "Buku kerja diubah oleh program lain (perintah sopxl lain, Excel, atau LibreOffice) selagi sopxl "
        "bekerja; agar perubahan itu tidak hilang, sopxl tidak menulis apa pun. Jalankan lagi.",
        path=shown, message_en="Another program (another sopxl command, Excel or LibreOffice) changed the "
                               "workbook while sopxl worked on it; so as not to lose that change, sopxl "
                               "wrote nothing. Run it again.")


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); elsewhere the file system does it."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _default_mode() -> int:
    """The permission bits a newly created file gets here (0o666 less the umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def os_error(exc: OSError, shown: str) -> WriteError:
    """The user's message for an operating-system failure while writing."""
    if exc.errno == errno.ENOSPC:
        return WriteError("Ruang disk tidak cukup untuk menyimpan buku kerja; berkas asli tidak diubah.",
                          code="TULIS-PENUH", path=shown,
                          message_en="Not enough disk space to save the workbook; the original file "
                                     "was not changed.")
    if isinstance(exc, PermissionError):
        return WriteError("Berkas tidak dapat ditulisi: mungkin sedang dibuka di Excel atau tidak ada izin "
                          "menulis. Tutup berkasnya lalu ulangi.", code="TULIS-TERKUNCI", path=shown,
                          message_en="The file cannot be written: it may be open in Excel, or there is "
                                     "no permission to write. Close it and try again.")
    return WriteError(f"Buku kerja tidak dapat ditulis ({exc.strerror or exc}); berkas asli tidak diubah.",
                      code="TULIS-GAGAL", path=shown,
                      message_en=f"The workbook could not be written ({exc.strerror or exc}); the "
                                 "original file was not changed.")


# ---------------------------------------------------------------------------- leftovers

def clean_leftovers(folder: str) -> list[str]:
    """Remove sopxl's own temporary files that a killed process left in ``folder``.

    Only names sopxl writes (``.~sopxl-….tmp``), and only when they are older than an
    hour or their writer on this machine has ended: never a fresh one of a writer at
    work. Returns the names removed.
    """
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        m = _TEMP_NAME.fullmatch(name)
        if m is None:
            continue
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        host, pid = m.group(1), m.group(2)
        dead = host == HOST and pid is not None and int(pid) != os.getpid() and not alive(int(pid))
        if dead or now - st.st_mtime > TEMP_STALE_SECONDS:
            with suppress(OSError):
                os.unlink(path)
                removed.append(name)
    return removed
