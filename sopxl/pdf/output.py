"""Writing a finished PDF or Word file: a temporary file beside it, then an atomic replace.

A reader with the old file open keeps the old one; a failure (a file locked by a viewer, a
read-only folder, a full disk) leaves the old file as it was and says so in Indonesian.
"""
from __future__ import annotations

import errno
import os
import secrets
import stat

from ..errors import SopxlError

# The operating system words its reasons in English ("Read-only file system"): the usual ones in
# the user's language, the rest as the system says them.
_WHY = {errno.EROFS: ("folder hanya-baca", "read-only folder"),
        errno.EACCES: ("tidak ada izin menulis", "no permission to write"),
        errno.EPERM: ("tidak ada izin menulis", "no permission to write"),
        errno.ENOSPC: ("disk penuh", "disk full"),
        errno.EISDIR: ("tujuannya folder", "the target is a folder"),
        errno.ENOTDIR: ("sebagian jalurnya berkas, bukan folder", "part of the path is a file, not a folder"),
        errno.EEXIST: ("sebagian jalurnya berkas, bukan folder", "part of the path is a file, not a folder"),
        errno.ENAMETOOLONG: ("nama terlalu panjang", "name too long")}


def write_atomic(path: str, data: bytes) -> str:
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        os.makedirs(folder, exist_ok=True)
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, "tujuan adalah folder")
        # Created with 0o666 less the umask, as any program's new file: mkstemp's 0o600 left a PDF
        # put on an office share unreadable by everyone else. A file replaced keeps its own bits.
        tmp = os.path.join(folder, f".sopxl-{secrets.token_hex(6)}{os.path.splitext(path)[1]}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if os.path.isfile(path):
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        why, why_en = _WHY.get(exc.errno or 0, (exc.strerror or type(exc).__name__,) * 2)
        raise SopxlError(f"Berkas keluaran tidak dapat ditulis ({why}); tutup berkas itu bila sedang dibuka, "
                         "atau pilih folder lain.", code="CETAK-TULIS", path=path,
                         message_en=f"The output file cannot be written ({why_en}); close it if it is open, "
                                    "or choose another folder.") from exc
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return path
