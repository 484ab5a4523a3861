"""Open an xlsx package as untrusted input.

Workbooks arrive from many offices, so every part is read with a bound on how far it
may decompress, and XML is parsed with entities, DTDs and network access switched off.
Failures become ``WorkbookError`` with an Indonesian message naming the file.
"""
from __future__ import annotations

import os
import posixpath
import struct
import threading
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Union

from lxml import etree

from .. import zlibs
from ..errors import WorkbookError
from . import zipdir
from .source import open_input

Info = Union[zipfile.ZipInfo, zipdir.Entry]  # a part as the central directory records it

# Inflating the parts is a fifth of reading a workbook: ISA-L, where installed, inflates the
# same deflate data some 25 % faster than zlib, with the same bound on what it gives back.
_inflater = zlibs.decompressobj

MAX_PART_BYTES = 256 * 1024 * 1024  # one part, decompressed
# A part parsed whole costs ten times its size or more in lxml's tree: bigger ones are either
# streamed element by element (sheets, shared strings: ``iter_elements``) or refused.
MAX_TREE_BYTES = 32 * 1024 * 1024
TREE_LIMIT_BYTES = 8 * 1024 * 1024  # sheets and shared strings bigger than this are streamed
MAX_RATIO = 200  # decompressed / compressed, for parts bigger than 1 MiB
WHOLE_MAX_BYTES = 256 * 1024  # a file up to this size is read at once (an SOP workbook: 30-100 KiB)

# A zip entry's local header: signature, version, flags (the rest up to the name's and the
# extra field's lengths is skipped); and the flags that send an entry to zipfile's reader:
# encrypted (bit 0), compressed patch data (bit 5), strong encryption (bit 6).
_LOCAL_HEADER = struct.Struct("<4s2xH18xHH")
_UNUSUAL_FLAGS = 0x01 | 0x20 | 0x40
_EXTRA_SLACK = 64
_PREAD = getattr(os, "pread", None)  # not on Windows

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def xml_parser() -> etree.XMLParser:
    """This thread's parser. A batch parses some ten parts a workbook, and a parser made
    afresh for each costs more than parsing a small part; lxml parsers may be reused one
    document at a time, but not shared between threads (xlwings may call from another)."""
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        # collect_ids=False: no xml:id index, which no part of a workbook needs.
        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
            remove_blank_text=False, collect_ids=False)
    return parser


_PARSERS = threading.local()


class SafeZip:
    """A read-only view of an OOXML package with bounded, safe part reads."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.fh = open_input(self.path)
        self._zf: zipfile.ZipFile | None = None
        self._pending: dict[str, bytes] = {}  # compressed bytes ``stored`` has read already
        self._whole: bytes | None = None  # the file's bytes, for a small file: see _pread
        try:
            size = os.fstat(self.fh.fileno()).st_size
            if size <= WHOLE_MAX_BYTES:
                # A workbook reads ten parts or so, each with a system call of its own, which
                # cost more than the bytes of a small file: it is read at once instead.
                self._whole = self._read_whole(size)
            # The plain directory every office writer makes is read here; zipfile, which
            # costs more, opens the file only for anything else, or when a part needs it.
            found = zipdir.entries(self._pread, size)
            if found is None:
                self._zf = zipfile.ZipFile(self.fh)
                self.parts: dict[str, Info] = {i.filename: i for i in self._zf.infolist()}
            else:
                self.parts = {i.filename: i for i in found}
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            err = not_a_workbook(self.path, self._head())
            self.fh.close()
            raise err from None
        except BaseException:
            self.fh.close()
            raise

    @property
    def zf(self) -> zipfile.ZipFile:
        """zipfile's view of the archive, opened when first needed (``zipdir`` read the
        directory, and zipfile accepts every archive ``zipdir`` does)."""
        if self._zf is None:
            self._zf = zipfile.ZipFile(self.fh)
        return self._zf

    @property
    def names(self) -> dict[str, zipfile.ZipInfo]:
        """Every part's zipfile ``ZipInfo`` by name, for a writer copying them; the reader
        itself needs only ``parts``."""
        return {i.filename: i for i in self.zf.infolist()}

    def _head(self) -> bytes:
        try:
            self.fh.seek(0)
            return self.fh.read(8)
        except OSError:
            return b""

    def close(self) -> None:
        if self._zf is not None:
            self._zf.close()
        self.fh.close()
        self._whole = None

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return name in self.parts

    def read(self, name: str) -> bytes:
        info = self.parts.get(name)
        if info is None:
            raise self._missing(name)
        self._check_size(name, info)
        data = self._read_direct(info)
        if data is not None:
            return data
        try:
            with self.zf.open(name) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
            raise damaged_part(self.path, name) from None
        if len(data) > MAX_PART_BYTES:
            raise too_big(self.path, name)
        return data

    def stream(self, name: str) -> _Stream:
        """A part to read bit by bit, for parts too big to hold at once (a long sheet).

        zipfile stops at the part's declared size and checks its CRC at the end, and the
        declared size is bounded here as in ``read``; a damaged part raises ``WorkbookError``
        from the stream's ``read`` when the damage is reached.
        """
        info = self.parts.get(name)
        if info is None:
            raise self._missing(name)
        self._check_size(name, info)
        try:
            return _Stream(self.zf.open(name), self.path, name)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
            raise damaged_part(self.path, name) from None

    def iter_elements(self, name: str, tags: tuple[str, ...]) -> Iterator[etree._Element]:
        """The elements of a part with these tags, each as it ends, freed once the caller moves on.

        For parts too big to parse whole: memory stays flat however long the part is, and
        the caller may stop early (a sheet over its row limit) having read only so far.
        """
        with self.stream(name) as stream:
            events = etree.iterparse(stream, events=("end",), tag=tags, resolve_entities=False,
                                     no_network=True, load_dtd=False, huge_tree=False)
            checked = False
            for _, el in events:
                if not checked and el.getroottree().docinfo.doctype:
                    raise unsafe_doctype(self.path, name)
                checked = True
                yield el
                el.clear()
                parent = el.getparent()
                if parent is not None:
                    while el.getprevious() is not None:
                        del parent[0]

    def _missing(self, name: str) -> WorkbookError:
        return WorkbookError(f"Bagian {name} tidak ada di dalam berkas; berkas rusak atau bukan "
                             "buku kerja Excel.", code="BERKAS-RUSAK", path=self.path,
                             message_en=f"Part {name} is missing; the file is damaged or not an "
                                        "Excel workbook.")

    def _check_size(self, name: str, info: Info) -> None:
        if info.file_size > MAX_PART_BYTES or (
            info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise too_big(self.path, name)

    def stored(self, name: str) -> tuple[int, int, int, bytes] | None:
        """What the part holds, known without inflating it: how it is compressed, its size and
        CRC, and its compressed bytes. Two parts with equal ones hold equal bytes (inflating is
        deterministic), so a result worked out from a part's bytes may be remembered by this.
        None when the part is no plain one, which only ``read`` reads (through zipfile).

        Raises as ``read`` does for a missing or oversized part; ``read`` of the same part
        afterwards inflates the bytes read here rather than reading them again.
        """
        info = self.parts.get(name)
        if info is None:
            raise self._missing(name)
        self._check_size(name, info)
        raw = self._raw(info)
        if raw is None:
            return None
        self._pending[name] = raw
        return (info.compress_type, info.CRC, info.file_size, raw)

    def _read_direct(self, info: Info) -> bytes | None:
        """A part's bytes read straight from the archive, or None to leave it to zipfile.

        zipfile's reader spends some 10 µs a part in Python (a shared file object, a
        decompressor object, buffered reads, a running CRC), and a batch reads ten parts a
        file from a thousand files. A plain stored or deflated entry, all Excel writes, is
        read here with one read and one bounded inflate, and kept only when its local
        header, length and CRC check out. Anything else (encryption, another compression,
        a damaged entry) goes through zipfile, which gives the same bytes or the same error
        as it always did.
        """
        raw = self._pending.pop(info.filename, None)
        if raw is None:
            raw = self._raw(info)
            if raw is None:
                return None
        if info.compress_type == zipfile.ZIP_STORED:
            data = raw
        else:
            try:
                data = _inflater(-15).decompress(raw, MAX_PART_BYTES + 1)
            except zlibs.INFLATE_ERRORS:
                return None
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            return None
        return data

    def _raw(self, info: Info) -> bytes | None:
        """A plain part's compressed bytes, its local header checked; None: leave it to zipfile."""
        if info.flag_bits & _UNUSUAL_FLAGS or info.compress_type not in (zipfile.ZIP_STORED,
                                                                        zipfile.ZIP_DEFLATED):
            return None
        if self.fh.closed or info.header_offset < 0 or info.compress_size > MAX_PART_BYTES:
            return None
        # One positioned read takes the local header, the name, an extra field of the usual
        # few bytes and the data; a longer extra field costs a second read.
        at = info.header_offset
        want = _LOCAL_HEADER.size + 4 * len(info.orig_filename) + _EXTRA_SLACK + info.compress_size
        try:
            block = self._pread(want, at)
            magic, flags, name_len, extra_len = _LOCAL_HEADER.unpack_from(block)
            if magic != b"PK\x03\x04":
                return None
            start = _LOCAL_HEADER.size + name_len + extra_len
            raw_name = block[_LOCAL_HEADER.size:_LOCAL_HEADER.size + name_len]
            local_name = raw_name.decode(  # ASCII as such: cp437's decoder is Python code
                "ascii" if raw_name.isascii() else "utf-8" if flags & 0x800 else "cp437")
            if local_name != info.orig_filename:
                return None
            raw = block[start:start + info.compress_size]
            if len(raw) != info.compress_size and len(block) == want:
                raw = self._pread(info.compress_size, at + start)
        except (OSError, ValueError, UnicodeDecodeError, struct.error):
            return None
        if len(raw) != info.compress_size:
            return None
        return raw

    def _read_whole(self, size: int) -> bytes | None:
        """The whole file of ``size`` bytes, or None (read it part by part) when it cannot be
        read at once or is no longer that size."""
        try:
            whole = self._pread(size, 0)
        except OSError:
            return None
        return whole if len(whole) == size else None

    def _pread(self, size: int, at: int) -> bytes:
        """``size`` bytes of the file from ``at``: one system call where the system has one,
        none for a small file read whole."""
        if self._whole is not None:
            return self._whole[at:at + size]
        if _PREAD is not None:
            return _PREAD(self.fh.fileno(), size, at)
        self.fh.seek(at)
        return self.fh.read(size)

    def xml(self, name: str, data: bytes | None = None) -> etree._Element:
        """The part parsed; ``data`` is its bytes when the caller has read them already."""
        if data is None:
            data = self.read(name)
        if len(data) > MAX_TREE_BYTES:
            raise too_big(self.path, name)
        try:
            root = etree.fromstring(data, xml_parser())
        except etree.XMLSyntaxError:
            if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:65536]:
                raise unsafe_doctype(self.path, name) from None
            raise WorkbookError(f"Bagian {name} bukan XML yang sah; berkas rusak.", code="BERKAS-RUSAK",
                                path=self.path,
                                message_en=f"Part {name} is not valid XML; the file is damaged.") from None
        # lxml-stubs leave DocInfo.doctype out; lxml has had it since 2.0.
        if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]
            raise unsafe_doctype(self.path, name)
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationships of a part: id -> (type, absolute target part name)."""
        names = _RELS_NAMES.get(part)
        if names is None:  # a batch asks of the same few parts (the workbook, each sheet)
            folder, base = posixpath.split(part)
            names = (folder, posixpath.join(folder, "_rels", base + ".rels"))
            if len(_RELS_NAMES) < 4096:
                _RELS_NAMES[part] = names
        folder, rels_name = names
        if not self.has(rels_name):
            return {}
        # Workbooks from one template carry the same relationship parts byte for byte: known
        # by their compressed bytes, they are not even inflated again.
        stored = self.stored(rels_name)
        data = self.read(rels_name) if stored is None else b""
        key = (folder, stored or data)
        known = _RELS.get(key)
        if known is not None:
            return dict(known)
        if stored is not None:
            data = self.read(rels_name)
        out: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name, data).findall("pr:Relationship", NS):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                out[rel.get("Id", "")] = (rel.get("Type", ""), target)
                continue
            out[rel.get("Id", "")] = (rel.get("Type", ""), resolve_target(folder, target))
        if len(data) <= 256 * 1024:  # a few dozen small parts, never a hostile giant
            if len(_RELS) >= 64:
                _RELS.clear()
            _RELS[key] = out
        return dict(out)


# A part's folder and the name of its relationships part, by the part's name.
_RELS_NAMES: dict[str, tuple[str, str]] = {}
# Relationships worked out, by the folder of their part and the .rels part's stored bytes
# (``SafeZip.stored``), or its bytes when it has none.
_RELS: dict[tuple[str, object], dict[str, tuple[str, str]]] = {}


class _Stream:
    """A part being read from the archive, whose failures are the user's ``WorkbookError``."""

    def __init__(self, fh: IO[bytes], path: str, name: str):
        self.fh, self.path, self.name = fh, path, name

    def read(self, size: int = -1) -> bytes:
        try:
            return self.fh.read(size)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error):
            raise damaged_part(self.path, self.name) from None

    def close(self) -> None:
        self.fh.close()

    def __enter__(self) -> _Stream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def resolve_target(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def not_a_workbook(path: str, head: bytes) -> WorkbookError:
    """Why a regular file that zipfile refused is no workbook, from its first bytes."""
    p = Path(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE2: either an old .xls or an encrypted (password-protected) OOXML file.
        if p.suffix.lower() == ".xls":
            return WorkbookError("Berkas .xls (Excel 97-2003) tidak didukung. Buka di Excel lalu "
                                 "simpan sebagai .xlsx.", code="BERKAS-XLS", path=path,
                                 message_en="Old .xls (Excel 97-2003) files are not supported. Open "
                                            "it in Excel and save it as .xlsx.")
        return WorkbookError("Berkas dilindungi kata sandi (terenkripsi) atau berformat lama. Hapus "
                             "kata sandinya lalu simpan sebagai .xlsx.", code="BERKAS-BERSANDI",
                             path=path, message_en="The file is password-protected (encrypted) or "
                                                   "in an old format. Remove the password and save "
                                                   "it as .xlsx.")
    if not head:
        return WorkbookError("Berkas kosong (0 byte).", code="BERKAS-KOSONG", path=path,
                             message_en="The file is empty (0 bytes).")
    return WorkbookError("Berkas ini bukan buku kerja Excel (.xlsx/.xlsm) atau rusak.",
                         code="BERKAS-BUKAN-XLSX", path=path,
                         message_en="This file is not an Excel workbook (.xlsx/.xlsm) or is damaged.")


def damaged_part(path: str, name: str) -> WorkbookError:
    return WorkbookError(f"Bagian {name} rusak dan tidak dapat dibaca.", code="BERKAS-RUSAK", path=path,
                         message_en=f"Part {name} is damaged and cannot be read.")


def unsafe_doctype(path: str, name: str) -> WorkbookError:
    return WorkbookError(f"Bagian {name} memuat DOCTYPE, yang tidak dipakai Excel; berkas ditolak "
                         "demi keamanan.", code="BERKAS-TIDAK-AMAN", path=path,
                         message_en=f"Part {name} carries a DOCTYPE, which Excel never writes; "
                                    "refused for safety.")


def too_big(path: str, name: str) -> WorkbookError:
    return WorkbookError(f"Bagian {name} terlalu besar setelah diekstrak; berkas ditolak demi "
                         "keamanan.", code="BERKAS-TERLALU-BESAR", path=path,
                         message_en=f"Part {name} is too large when decompressed; refused for safety.")
