"""Cell values as the package stores them: namespaces, texts, numbers, dates, number formats.

What a ``<c>`` element holds is not what the user sees: shared strings are indices into
``xl/sharedStrings.xml`` (rich runs joined, phonetic runs dropped), control characters are
escaped as ``_xHHHH_``, and a date is a serial day number that only the cell's style
(``xl/styles.xml`` → ``cellXfs`` → ``numFmtId``) marks as a date. This module turns those into
Python values; ``worksheet.py`` walks the sheet XML and ``workbook.py`` the package.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from lxml import etree

from ..errors import WorkbookError
from ..grid import Value
from . import scan
from .safezip import TREE_LIMIT_BYTES, SafeZip

MAIN_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # ISO strict
)
REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)


class Tags:
    """Clark names of one namespace, computed once (transitional or strict)."""

    def __init__(self, ns: str):
        q = f"{{{ns}}}"
        self.ns = ns
        self.sheetData, self.row, self.c, self.v = q + "sheetData", q + "row", q + "c", q + "v"
        self.is_, self.t, self.r, self.si = q + "is", q + "t", q + "r", q + "si"
        self.mergeCells, self.mergeCell = q + "mergeCells", q + "mergeCell"
        self.cols, self.col, self.sheetFormatPr = q + "cols", q + "col", q + "sheetFormatPr"
        self.dimension = q + "dimension"
        self.workbookPr, self.sheets, self.sheet = q + "workbookPr", q + "sheets", q + "sheet"
        self.numFmts, self.numFmt = q + "numFmts", q + "numFmt"
        self.cellXfs, self.xf = q + "cellXfs", q + "xf"


TAGS = {ns: Tags(ns) for ns in MAIN_NS}

MAX_SHARED_STRINGS = 2_000_000  # as many as the cells one sheet may hold


def rel_id(el: etree._Element) -> str | None:
    for ns in REL_NS:
        rid = el.get(f"{{{ns}}}id")
        if rid is not None:
            return rid
    return None


# -- texts ------------------------------------------------------------------------------------

def shared_strings(z: SafeZip, part: str, default: Tags) -> list[str]:
    """The shared string table of a workbook, in index order."""
    if not z.has(part):
        return []
    if z.parts[part].file_size > TREE_LIMIT_BYTES:
        return _streamed_strings(z, part)
    data = z.read(part)
    texts = scan.shared_strings(data)
    if texts is not None:
        return texts
    root = z.xml(part, data)
    t = TAGS.get(etree.QName(root).namespace or "", default)
    # Nearly every entry is a plain <si><t>text</t></si>: read it directly, which halves
    # the cost of a table of a few hundred texts; rich runs go through rich_text.
    out: list[str] = []
    add = out.append
    plain_t = t.t
    for si in root.iterchildren(t.si):
        if len(si) == 1:
            ch = si[0]
            if ch.tag == plain_t:
                text = ch.text or ""
                add(unescape(text) if "_x" in text else text)
                continue
        add(rich_text(si, t))
    return out


def by_index_text(sst: list[str]) -> dict[str, str]:
    """The shared strings by their index as the sheet writes it ("12"), for the table being
    read: a look-up saves an int() per text cell. Kept for one table at a time."""
    global _SST_BY_TEXT
    known, by_text = _SST_BY_TEXT
    if known is not sst:
        n = len(sst)
        if n > 100_000:
            by_text = {}
        elif n <= len(_INDEX_TEXTS):
            # The index texts kept from table to table, their hashes known: a table of a few
            # hundred texts a file is looked up at half the cost of making them anew.
            by_text = dict(zip(_INDEX_TEXTS, sst))
        else:
            by_text = dict(zip(map(str, range(n)), sst))
        _SST_BY_TEXT = (sst, by_text)
    return by_text


_SST_BY_TEXT: tuple[list[str] | None, dict[str, str]] = (None, {})
_INDEX_TEXTS = [str(i) for i in range(4096)]  # "0", "1", ...: an SOP workbook uses a few hundred


def _streamed_strings(z: SafeZip, part: str) -> list[str]:
    """A big table read entry by entry: a few megabytes zipped can hold millions of them,
    whose tree would take gigabytes; the texts alone take about what the part does."""
    out: list[str] = []
    by_tag = {t.si: t for t in TAGS.values()}
    for si in z.iter_elements(part, tuple(by_tag)):
        out.append(rich_text(si, by_tag[si.tag]))
        if len(out) > MAX_SHARED_STRINGS:
            limit = f"{MAX_SHARED_STRINGS:,}"
            raise WorkbookError(f"Bagian {part} memuat lebih dari {limit.replace(',', '.')} teks; "
                                "berkas ditolak demi keamanan.", code="BERKAS-TERLALU-BESAR",
                                path=z.path, message_en=f"Part {part} holds more than {limit} "
                                                        "texts; refused for safety.")
    return out


def rich_text(el: etree._Element, t: Tags) -> str:
    """Text of ``<si>``/``<is>``: a plain ``<t>`` or rich runs ``<r><t>``; ``<rPh>`` is skipped."""
    parts: list[str] = []
    for ch in el:
        tag = ch.tag
        if tag == t.t:
            if ch.text:
                parts.append(ch.text)
        elif tag == t.r:
            for rt in ch:
                if rt.tag == t.t and rt.text:
                    parts.append(rt.text)
    text = parts[0] if len(parts) == 1 else "".join(parts)
    return unescape(text) if "_x" in text else text


def value_cells(data: etree._Element, v_tag: str) -> Iterator[tuple[str | None, str | None,
                                                                   str | None, str | None]]:
    """(r, s, t, text) of the cell of every ``<v>`` under ``sheetData``; r None: no address.

    ``store_values`` takes "" for an attribute left out, as the scan reports it; one written
    empty (``t=""``, ``s=""``) is passed on as " ", which reads the way "" always did here
    (an unknown type; a style that is no number).
    """
    for v in data.iter(v_tag):
        c = v.getparent()
        if c is None:
            yield None, None, None, None
            return
        s, t = c.get("s"), c.get("t")
        yield c.get("r"), s if s is None else s or " ", t if t is None else t or " ", v.text


def inline_cells(data: etree._Element, t: Tags) -> Iterator[tuple[str | None, str]]:
    """(r, text) of every inline-string cell under ``sheetData``."""
    for inline in data.iter(t.is_):
        c = inline.getparent()
        if c is None:
            yield None, ""
            return
        if c.get("t") == "inlineStr":
            yield c.get("r"), rich_text(inline, t)


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SURROGATE = re.compile("[\ud800-\udfff]")


def unescape(text: str) -> str:
    """Undo OOXML's ``_xHHHH_`` escapes (control characters such as ``_x000D_``)."""
    if "_x" not in text:
        return text
    out = _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)
    if _SURROGATE.search(out):
        # "_xD83D__xDE00_" is one character (an emoji) written as UTF-16 halves: join the
        # pairs; a half alone is no character at all and could not even be printed or saved.
        out = out.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return out


# -- dates ------------------------------------------------------------------------------------

def iso_datetime(text: str) -> Value:
    """A ``t="d"`` cell: an ISO 8601 date/time as written by strict OOXML writers."""
    s = text.strip()
    if s.endswith("Z"):
        s = s[:-1]
    try:
        if "T" in s or " " in s:
            return _dt.datetime.fromisoformat(s)
        return _dt.datetime.combine(_dt.date.fromisoformat(s), _dt.time())
    except ValueError:
        return text


_EPOCH_1900 = _dt.datetime(1899, 12, 30)
_EPOCH_1904 = _dt.datetime(1904, 1, 1)

# The cell formats of a styles part that show dates, by the part's stored bytes
# (``SafeZip.stored``) or its bytes when it has none (and the namespace of the workbook, which
# stands in when the styles part's own is unknown). Read-only lists.
_DATE_XFS: dict[tuple[str, object], list[bool]] = {}
_NO_DATE_XFS: list[bool] = []  # no styles part: no cell format at all


class CellFormats:
    """What a workbook's styles say about its numbers: which cell formats show dates."""

    def __init__(self, z: SafeZip, tags: Tags, styles_part: str | None, date1904: bool):
        self.z = z
        self.tags = tags
        self.styles_part = styles_part
        self.date1904 = date1904
        self._date_xfs: list[bool] | None = None

    def is_date_xf(self, xf: int) -> bool:
        date_xfs = self.date_xfs()
        return 0 <= xf < len(date_xfs) and date_xfs[xf]

    def date_xfs(self) -> list[bool]:
        """For each cell format: does it show a date? Read-only: workbooks with the same styles
        part get the same list (``cellplan`` knows them by it)."""
        if self._date_xfs is None:
            self._date_xfs = self._read_date_xfs()
        return self._date_xfs

    def _read_date_xfs(self) -> list[bool]:
        part = self.styles_part
        if not part or not self.z.has(part):
            return _NO_DATE_XFS
        # Workbooks made from one template carry the same styles part, byte for byte: what
        # it says about dates is worked out once for them all, from the bytes themselves
        # (known by their compressed bytes, which spares inflating them again).
        stored = self.z.stored(part)
        data = self.z.read(part) if stored is None else b""
        key = (self.tags.ns, stored or data)
        known = _DATE_XFS.get(key)
        if known is not None:
            return known
        if stored is not None:
            data = self.z.read(part)
        out = self._date_xfs_of(self.z.xml(part, data))
        if len(_DATE_XFS) >= 16:
            _DATE_XFS.clear()
        _DATE_XFS[key] = out
        return out

    def _date_xfs_of(self, root: etree._Element) -> list[bool]:
        """For each cell format (``cellXfs``) of a styles part: does it show a date?"""
        t = TAGS.get(etree.QName(root).namespace or "", self.tags)
        custom: dict[int, str] = {}
        fmts = root.find(t.numFmts)
        for nf in (fmts if fmts is not None else ()):
            if nf.tag == t.numFmt:
                try:
                    custom[int(nf.get("numFmtId", ""))] = nf.get("formatCode", "")
                except ValueError:
                    continue
        out: list[bool] = []
        xfs = root.find(t.cellXfs)
        for xf in (xfs if xfs is not None else ()):
            if xf.tag != t.xf:
                continue
            try:
                fid = int(xf.get("numFmtId", "0"))
            except ValueError:
                fid = 0
            if fid in custom:
                out.append(is_date_format(custom[fid]))
            else:
                out.append(fid in _BUILTIN_DATE_IDS)
        return out

    def serial_to_datetime(self, serial: float) -> Value:
        """Excel serial day number -> datetime (kept a number when out of range)."""
        if self.date1904:
            epoch = _EPOCH_1904
        else:
            epoch = _EPOCH_1900
            if 1 <= serial < 60:
                serial += 1  # Excel counts 29 Feb 1900, which never was; times stay on day 0
        try:
            days, frac = divmod(serial, 1)
            ms = round(frac * 86_400_000)
            return epoch + _dt.timedelta(days=int(days), milliseconds=ms)
        except (OverflowError, ValueError):
            return serial


# -- number formats ---------------------------------------------------------------------------

# Built-in formats that show dates or times (ECMA-376 §18.8.30).
_BUILTIN_DATE_IDS = frozenset(range(14, 23)) | frozenset((45, 46, 47))


def is_date_format(code: str) -> bool:
    """True when an Excel number format shows a date or time.

    Letters d, m, y, h, s count only outside quoted text, ``[...]`` (colours, locales,
    conditions), backslash escapes and the ``_x``/``*x`` padding and fill characters.
    Elapsed-time formats (``[h]:mm``) show a duration, not a date, and count as numbers.
    """
    low = code.lower()
    if "[h" in low or "[m" in low or "[s" in low:
        return False
    i = 0
    n = len(low)
    while i < n:
        ch = low[i]
        if ch == '"':
            j = low.find('"', i + 1)
            i = n if j < 0 else j + 1
            continue
        if ch == "[":
            j = low.find("]", i + 1)
            i = n if j < 0 else j + 1
            continue
        if ch in "\\_*":
            i += 2
            continue
        if ch in "dmyhs":
            return True
        i += 1
    return False
