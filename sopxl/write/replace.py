"""Put a new package in place of the old one: a temporary file beside it, then an atomic replace.

The target is checked before any work (a folder, open in Excel or LibreOffice,
read-only); the new package is written to a hidden temporary file in the same folder,
flushed to disk, reopened and checked, given the old file's permission bits, and only
then moved over the target in one step. On any failure the target is untouched and the
temporary file is removed.
"""
from __future__ import annotations

import errno
import os
import secrets
import stat
import zipfile
from contextlib import suppress

from ..errors import SopxlError, WriteError
from .packing import Entry, write_zip, zip_holds


def check_target(target: str, *, shown: str) -> None:
    """Refuse before any work when the target is open in Excel or cannot be written."""
    folder, base = os.path.split(target)
    folder = folder or "."
    if os.path.isdir(target):
        raise WriteError("Tujuan penulisan adalah sebuah folder, bukan berkas.", code="TULIS-TUJUAN",
                         path=shown, message_en="The output path is a folder, not a file.")
    if os.path.exists(os.path.join(folder, "~$" + base)):
        raise WriteError(f"Berkas sedang dibuka di Excel; tutup dulu lalu ulangi. ({base})",
                         code="TULIS-TERKUNCI", path=shown,
                         message_en=f"The file is open in Excel; close it first, then try again. ({base})")
    if os.path.exists(os.path.join(folder, f".~lock.{base}#")):
        raise WriteError(f"Berkas sedang dibuka di LibreOffice; tutup dulu lalu ulangi. ({base})",
                         code="TULIS-TERKUNCI", path=shown,
                         message_en=f"The file is open in LibreOffice; close it first, then try again. "
                                    f"({base})")
    if os.path.exists(target):
        mode = os.stat(target).st_mode
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


def commit(target: str, entries: list[Entry], *, shown: str) -> None:
    """Write ``entries`` to a temporary file beside ``target``, check it, move it into place.

    An existing target keeps its permission bits (and owner, where allowed); a new file
    gets the usual ones.
    """
    folder = os.path.dirname(target) or "."
    try:
        like: os.stat_result | None = os.stat(target)
    except OSError:
        like = None
    tmp = os.path.join(folder, f".~sopxl-{secrets.token_hex(6)}.tmp")
    try:
        # Private while being written; the final permission bits are set just before the move.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise os_error(exc, shown) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write_zip(fh, entries)
            fh.flush()
            os.fsync(fh.fileno())
        if not zip_holds(tmp, [e.info.filename for e in entries]):
            raise WriteError("Hasil penulisan tidak dapat dibuka kembali; berkas asli tidak diubah.",
                             code="TULIS-GAGAL", path=shown,
                             message_en="The written workbook could not be reopened; the original file "
                                        "was not changed.")
        os.chmod(tmp, stat.S_IMODE(like.st_mode) if like is not None else _default_mode())
        if like is not None and hasattr(os, "chown"):
            with suppress(OSError):
                os.chown(tmp, like.st_uid, like.st_gid)
        os.replace(tmp, target)
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
