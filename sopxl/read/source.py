"""Opening a workbook file at all: the one check every command passes before reading.

A path named ``.xlsx`` can be anything the operating system allows: a named pipe (FIFO), a
device such as ``/dev/zero``, a socket, a folder, a link that points to itself. zipfile
would wait forever on a pipe and read a device without end, so the file is opened without
blocking and its type checked on the open handle (not on the name, which could change in
between) before a byte is read. Every reader opens workbooks through ``SafeZip``, which
opens them here; ``check_input`` is the same check for code that only lists files (merge).
"""
from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from ..errors import WorkbookError

# Opening a FIFO for reading waits for a writer unless O_NONBLOCK is given; it has no
# effect on a regular file. Windows has neither FIFOs nor the flag.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)

# What a path is, when it is not a regular file: (Indonesian, English).
_KINDS = (
    (stat.S_ISFIFO, "pipa bernama (FIFO)", "a named pipe (FIFO)"),
    (stat.S_ISCHR, "perangkat karakter (seperti /dev/zero)", "a character device (like /dev/zero)"),
    (stat.S_ISBLK, "perangkat blok (cakram)", "a block device (a disk)"),
    (stat.S_ISSOCK, "soket", "a socket"),
)


def open_input(path: str) -> BinaryIO:
    """The workbook at ``path`` opened for reading, or ``WorkbookError`` saying why not."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        raise _cannot_open(path, e) from None
    except ValueError:  # a NUL character, which no file name can hold
        raise WorkbookError("Nama berkas tidak sah.", code="BERKAS-TIDAK-ADA", path=path,
                            message_en="The file name is invalid.") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_regular(path, mode)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_input(path: str) -> None:
    """Raise ``WorkbookError`` unless ``path`` is a regular file sopxl may open and read."""
    open_input(path).close()


def not_regular(path: str, mode: int) -> WorkbookError:
    """The message for a path that is a folder, a pipe, a device or a socket."""
    if stat.S_ISDIR(mode):
        return WorkbookError("Ini sebuah folder, bukan berkas.", code="BERKAS-TIDAK-ADA", path=path,
                             message_en="This is a folder, not a file.")
    kind_id, kind_en = "berkas khusus", "a special file"
    for test, name_id, name_en in _KINDS:
        if test(mode):
            kind_id, kind_en = name_id, name_en
            break
    return WorkbookError(f"Ini bukan berkas biasa melainkan {kind_id}; sopxl hanya membaca berkas "
                         ".xlsx/.xlsm yang tersimpan di disk.", code="BERKAS-KHUSUS", path=path,
                         message_en=f"This is not a regular file but {kind_en}; sopxl only reads "
                                    ".xlsx/.xlsm files stored on disk.")


def _cannot_open(path: str, e: OSError) -> WorkbookError:
    if e.errno == errno.ELOOP:
        return WorkbookError("Berkas tidak dapat dibuka: tautan simbolik berputar (menunjuk ke "
                             "dirinya sendiri atau ke tautan yang kembali kepadanya).",
                             code="BERKAS-TAUTAN-BERPUTAR", path=path,
                             message_en="Cannot open the file: a symbolic link loop (the link "
                                        "points to itself or to a link that points back).")
    if isinstance(e, (FileNotFoundError, NotADirectoryError)):
        if os.path.islink(path):
            return WorkbookError("Berkas tidak ditemukan: tautan simbolik ini menunjuk ke berkas "
                                 "yang tidak ada.", code="BERKAS-TIDAK-ADA", path=path,
                                 message_en="File not found: this symbolic link points to a file "
                                            "that does not exist.")
        return WorkbookError("Berkas tidak ditemukan.", code="BERKAS-TIDAK-ADA", path=path,
                             message_en="File not found.")
    if isinstance(e, IsADirectoryError):
        return WorkbookError("Ini sebuah folder, bukan berkas.", code="BERKAS-TIDAK-ADA", path=path,
                             message_en="This is a folder, not a file.")
    if isinstance(e, PermissionError):
        return WorkbookError("Berkas tidak dapat dibuka: tidak ada izin membaca.",
                             code="BERKAS-TERKUNCI", path=path,
                             message_en="Cannot open the file: no permission to read.")
    if e.errno == errno.ENAMETOOLONG:
        return WorkbookError("Nama berkas terlalu panjang untuk sistem operasi.",
                             code="BERKAS-TIDAK-ADA", path=path,
                             message_en="The file name is too long for the operating system.")
    reason = e.strerror or type(e).__name__
    return WorkbookError(f"Berkas tidak dapat dibuka ({reason}).", code="BERKAS-TIDAK-TERBUKA",
                         path=path, message_en=f"Cannot open the file ({reason}).")
