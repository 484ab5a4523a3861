"""The central directory of a plain zip archive, read without zipfile.

``zipfile.ZipFile`` spends some 40 µs on the directory of a fourteen-part workbook (a
``ZipInfo`` of twenty attributes per part, several small reads through a buffered file), a
fixed cost per file that a batch of thousands pays in full. ``entries`` reads the directory
with one or two positioned reads and keeps what ``SafeZip`` uses. It answers only for the
plain archive every office writer makes (no archive comment, no zip64, no data in front of the
archive, every record where the directory says, names that decode); for anything else it
returns None and the caller opens the file with zipfile as before, so what zipfile accepts,
refuses or reads differently is still zipfile's to decide. Whatever it accepts, zipfile
accepts too, with the same entries (``tests/test_read_fast.py`` compares them).
"""
from __future__ import annotations

import os
import struct
from collections.abc import Callable

_END = struct.Struct("<4s4H2LH")  # zipfile's structEndArchive
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # zipfile's structCentralDir
_ZIP64_LOCATOR = b"PK\x06\x07"
_MAX_EXTRACT_VERSION = 63  # zipfile refuses a later one (NotImplementedError)
_OTHER_SEP = os.sep if os.sep != "/" else ""  # Windows' "\\", which ZipInfo turns into "/"
_TAIL = 8192  # the end of the file read at once: the directory of a workbook is some 1-2 KiB


class Entry:
    """One part as the central directory records it: what ``SafeZip`` reads of a ZipInfo."""

    __slots__ = ("filename", "orig_filename", "flag_bits", "compress_type", "CRC",
                 "compress_size", "file_size", "header_offset")

    def __init__(self, filename: str, flag_bits: int, compress_type: int, crc: int,
                 compress_size: int, file_size: int, header_offset: int):
        self.filename = self.orig_filename = filename
        self.flag_bits, self.compress_type, self.CRC = flag_bits, compress_type, crc
        self.compress_size, self.file_size, self.header_offset = compress_size, file_size, header_offset


def entries(pread: Callable[[int, int], bytes], size: int) -> list[Entry] | None:
    """Every entry of the archive of ``size`` bytes, in directory order, or None: let zipfile read it.

    ``pread(n, at)`` reads n bytes of the file from ``at``.
    """
    try:
        if size < _END.size:
            return None
        tail_at = max(0, size - _TAIL)
        tail = pread(size - tail_at, tail_at)
        if len(tail) != size - tail_at:
            return None
        end_at = len(tail) - _END.size
        sig, disk, disk_dir, _n_here, _n_all, dir_size, dir_at, comment = _END.unpack_from(tail, end_at)
        if sig != b"PK\x05\x06" or comment or disk or disk_dir:
            return None
        # zipfile looks for a zip64 locator just before the end record, and reckons with
        # bytes in front of the archive (a self-extractor): both left to it.
        if end_at >= 20 and tail[end_at - 20:end_at - 16] == _ZIP64_LOCATOR:
            return None
        if dir_size + dir_at != size - _END.size:
            return None
        if dir_at >= tail_at:
            directory = tail[dir_at - tail_at:end_at]
        else:
            directory = pread(dir_size, dir_at)
        if len(directory) != dir_size:
            return None
        return _records(directory)
    except (OSError, ValueError, struct.error):
        return None


def _records(directory: bytes) -> list[Entry] | None:
    out: list[Entry] = []
    at = 0
    end = len(directory)
    unpack = _CENTRAL.unpack_from
    while at < end:
        (sig, _made_by, _system, extract_version, _reserved, flags, method, _time, _date, crc,
         compressed, size, name_len, extra_len, comment_len, _disk, _internal, _external,
         offset) = unpack(directory, at)
        if sig != b"PK\x01\x02" or extract_version > _MAX_EXTRACT_VERSION:
            return None
        name_at = at + _CENTRAL.size
        extra_at = name_at + name_len
        at = extra_at + extra_len + comment_len
        if at > end:
            return None  # zipfile would read a short name or extra field: its to judge
        if 0xFFFFFFFF in (compressed, size, offset):
            return None  # sizes or offset in a zip64 extra field
        if extra_len and not _plain_extra(directory[extra_at:extra_at + extra_len]):
            return None
        raw_name = directory[name_at:extra_at]
        # An ASCII name reads the same in both encodings; ASCII's decoder is a C loop, cp437's
        # a Python one.
        name = raw_name.decode("ascii" if raw_name.isascii() else "utf-8" if flags & 0x800 else "cp437")
        if "\0" in name or (_OTHER_SEP and _OTHER_SEP in name):
            return None  # ZipInfo rewrites such names
        out.append(Entry(name, flags, method, crc, compressed, size, offset))
    return out


def _plain_extra(extra: bytes) -> bool:
    """The extra field is well formed and holds no zip64 record (zipfile's ``_decodeExtra``
    would raise for the one and change sizes for the other)."""
    while len(extra) >= 4:
        kind, length = struct.unpack_from("<HH", extra)
        if length + 4 > len(extra) or kind == 0x0001:
            return False
        extra = extra[length + 4:]
    return True
