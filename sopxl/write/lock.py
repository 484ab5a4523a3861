"""The sopxl lock of one workbook: two sopxl processes write it one after the other.

A lock file beside the workbook, ``.~sopxl-NAME.lock``, created exclusively (``O_EXCL``),
so it works on Windows, on network shares and wherever ``fcntl`` is missing. It holds
the writer's machine and process id. A lock is broken when its process has ended on
this machine, or when it is older than any sopxl write takes (``LOCK_STALE_SECONDS``);
otherwise the next writer waits (``LOCK_WAIT_SECONDS``), then says who holds it.
"""
from __future__ import annotations

import errno
import hashlib
import os
import platform
import re
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from ..errors import WriteError

LOCK_PREFIX = ".~sopxl-"
LOCK_STALE_SECONDS = 600  # no sopxl write holds a workbook this long
LOCK_WAIT_SECONDS = 60.0  # how long to wait for another sopxl process to finish

# Which machine wrote a lock or temporary file: a process id only means something there.
HOST = hashlib.blake2s(platform.node().encode("utf-8", "replace"), digest_size=3).hexdigest()


_threads: dict[str, threading.RLock] = {}
_depth: dict[str, int] = {}
_tokens: dict[str, bytes] = {}
_guard = threading.Lock()


def lock_path(target: str) -> str:
    folder, base = os.path.split(os.path.realpath(target))
    return os.path.join(folder, f"{LOCK_PREFIX}{base}.lock")


@contextmanager
def workbook_lock(target: str, *, shown: str, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the workbook's sopxl lock: other sopxl processes (and threads) wait for it.

    Taken again by the same thread it is simply held on (``annotate`` holds it from the
    read to the write; the write's own ``commit`` takes it too).
    """
    key = os.path.realpath(target)
    with _guard:
        in_process = _threads.setdefault(key, threading.RLock())
    if not in_process.acquire(timeout=wait):
        raise _busy(shown, None)
    try:
        depth = _depth.get(key, 0)
        if depth == 0:
            _tokens[key] = _take_file(lock_path(key), shown, wait)
        _depth[key] = depth + 1
        try:
            yield
        finally:
            _depth[key] -= 1
            if _depth[key] == 0:
                _drop_file(lock_path(key), _tokens.pop(key))
    finally:
        in_process.release()


def _take_file(lock: str, shown: str, wait: float) -> bytes:
    token = f"{HOST} {os.getpid()} {secrets.token_hex(8)}\n".encode()
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except (FileExistsError, PermissionError) as exc:
            # Windows says PermissionError for a lock file being deleted by its owner.
            if isinstance(exc, PermissionError) and not os.path.lexists(lock):
                raise _os_failure(exc, shown) from None
            held = _read(lock)
            if held is not None and _stale(lock, held):
                _break(lock, held)
                continue
            if time.monotonic() >= deadline:
                raise _busy(shown, held) from None
            time.sleep(0.05)
            continue
        except OSError as exc:
            raise _os_failure(exc, shown) from None
        with os.fdopen(fd, "wb") as fh:
            fh.write(token)
        return token


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read(200)
    except OSError:
        return None


def _writer(content: bytes) -> tuple[str, int] | None:
    """(host, pid) of a lock file's content; None for content sopxl did not write (yet)."""
    parts = content.decode("ascii", "replace").split()
    if len(parts) == 3 and re.fullmatch(r"[0-9a-f]{6}", parts[0]) and parts[1].isdigit():
        return parts[0], int(parts[1])
    return None


def _stale(path: str, content: bytes) -> bool:
    try:
        age = time.time() - os.stat(path).st_mtime
    except OSError:
        return False  # gone already: just try again
    if age > LOCK_STALE_SECONDS:
        return True
    writer = _writer(content)
    # An empty or foreign file may be a lock being written this instant: only age tells.
    return writer is not None and writer[0] == HOST and not alive(writer[1])


def _break(lock: str, content: bytes) -> None:
    """Remove a stale lock, unless it was replaced by a fresh one since it was judged."""
    aside = f"{lock}.{secrets.token_hex(4)}"
    try:
        os.rename(lock, aside)  # atomic: only one breaker gets it
    except OSError:
        return
    if _read(aside) == content:
        with suppress(OSError):
            os.unlink(aside)
        return
    # A fresh lock was taken between our judgement and the rename: give it back.
    with suppress(OSError):
        os.link(aside, lock)
    with suppress(OSError):
        os.unlink(aside)


def _drop_file(lock: str, token: bytes) -> None:
    if _read(lock) == token:
        with suppress(OSError):
            os.unlink(lock)


def _busy(shown: str, content: bytes | None) -> WriteError:
    writer = _writer(content) if content else None
    who = f" (pid {writer[1]})" if writer else ""
    return WriteError(f"Buku kerja sedang ditulis oleh proses sopxl lain{who}; tunggu sampai selesai lalu "
                      "jalankan lagi.", code="TULIS-SIBUK", path=shown,
                      message_en=f"Another sopxl process{who} is writing the workbook; wait until it is "
                                 "done, then run again.")


def alive(pid: int) -> bool:
    """Whether another process of this id runs on this machine.

    Our own id counts as ended: a lock or temporary file of ours that this process does
    not hold was left by an earlier process that had the same id.
    """
    if pid == os.getpid():
        return False
    if pid <= 0:
        return True
    if os.name == "nt":
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, belongs to someone else
    return True


def _alive_on_windows(pid: int) -> bool:
    # os.kill(pid, 0) would end the process on Windows; ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # only on Windows
    query_limited_information, still_active = 0x1000, 259
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists, someone else's
    try:
        code = ctypes.c_ulong()
        return not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value == still_active
    finally:
        kernel32.CloseHandle(handle)




def _os_failure(exc: OSError, shown: str) -> WriteError:
    """The lock cannot be made: for the same reasons the file could not be written."""
    if isinstance(exc, FileNotFoundError):
        return WriteError("Folder tujuan tidak ada.", code="TULIS-TUJUAN", path=shown,
                          message_en="The target folder does not exist.")
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return WriteError("Folder berkas hanya-baca sehingga berkas tidak dapat disimpan di sana.",
                          code="TULIS-HANYA-BACA", path=shown,
                          message_en="The file's folder is read-only, so the file cannot be saved there.")
    return WriteError(f"Kunci buku kerja tidak dapat dibuat ({exc.strerror or exc}); berkas tidak diubah.",
                      code="TULIS-GAGAL", path=shown,
                      message_en=f"The workbook's lock cannot be made ({exc.strerror or exc}); the file "
                                 "was not changed.")
