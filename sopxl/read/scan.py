"""The reader's fast path: worksheet and shared-string parts read straight from their bytes.

Building an lxml tree of every ``<c>`` costs most of a workbook's read, and an office
template is mostly styled empty cells that hold nothing. Excel, LibreOffice and openpyxl all
write these parts in one plain shape (default namespace, double-quoted attributes in a fixed
order, ``<c r="B3" s="5" t="s"><v>12</v></c>``, ``<mergeCell ref="A1:D6"/>``), which regular
expressions find in C without a tree. A scan here returns what the tree walk in
``worksheet.py``/``values.py`` would take from the part, or None when cheap checks cannot vouch
for that shape: then the part goes through lxml as before. The checks:

* UTF-8 with no character XML refuses, no ``<!`` at all (DOCTYPE, ENTITY, CDATA, comments)
  and no processing instruction past the declaration: lxml alone deals with those (and
  refuses the unsafe ones);
* one default namespace, on the root, the one the workbook uses; no prefix bound to it, so
  every element in the main namespace is an unprefixed one;
* the root closed at the very end (a cut part goes to lxml, which calls it damaged);
* ``sheetData`` and ``mergeCells`` once each, both children of the root (tags counted before
  them), ``mergeCells`` holding nothing but ``<mergeCell ref=".."/>``;
* every ``<v`` and ``<is`` inside ``sheetData`` matched by the cell patterns, so each value
  has a parent ``<c>`` with an ``r`` the pattern read; entities other than XML's five and
  character references send the part to lxml.

What the scan leaves unlooked at (the rest of the part's markup: views, formats, page setup,
styled empty cells) is what the tree walk never reads either. One difference follows: markup
damaged only there is a part lxml refuses as invalid XML (BERKAS-RUSAK) while the scan reads
its cells; and a ``<row>`` inside a ``<row>`` (which no writer makes) would have the inner one
checked as the last row. ``FORCE_LXML`` turns the fast path off; ``tests/test_read_fast.py``
compares both on every workbook the test builders make, crafted variants and fuzzed damage.
"""
from __future__ import annotations

import re
from typing import NamedTuple

FORCE_LXML = False  # True: every part through lxml (the tests' reference)

_MAIN_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)

Cell = tuple[str, str, str, str]  # r, s, t, text of the <v>; "" for what is left out
Inline = tuple[str, str]  # r, text of the <is>


class SheetScan(NamedTuple):
    merges: str  # the body of <mergeCells>, checked: merge_refs() lists its refs
    has_data: bool  # the root has a <sheetData>
    last_row: str | None  # the r of sheetData's last child (a row), None when it has no r
    has_rows: bool
    cells: list[Cell]  # every <c> holding a <v>, in document order
    inline: list[Inline]  # every <c t="inlineStr"> holding an <is>, in document order
    # Asked for a sheet with a drawing (shapes are placed by row heights and column widths):
    head: list[tuple[str, dict[str, str]]]  # ("format"|"col", attributes) at the root's level
    rows: list[dict[str, str]]  # the attributes of every <row>, in document order


class _Unsure(Exception):
    """The part is not in the plain shape after all: read it through lxml."""


_DECL = re.compile(r'\A\ufeff?(?:<\?xml\s+version\s*=\s*(["\'])1\.0\1(?:\s+encoding\s*=\s*(["\'])'
                   r'(?i:utf-8)\2)?(?:\s+standalone\s*=\s*(["\'])(?:yes|no)\3)?\s*\?>)?\s*')
_ATTRS = r'(?:\s+[A-Za-z_][\w.:-]*="[^"<&]*")*'
_ROOT = re.compile(r'<([A-Za-z_][\w.-]*)(' + _ATTRS + r')\s*>')
_DEFAULT_NS = re.compile(r'\sxmlns="([^"]*)"')
_XMLNS = re.compile(r'xmlns(:[^\s=>]*)?\s*=\s*(["\'])([^"\']*)\2')
_TAG = re.compile(r'<(/?)[A-Za-z_][\w.:-]*(?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|\'[^\'<]*\'))*\s*(/?)>')

_SHEET_DATA = re.compile(r'<sheetData\s*(/?)>')
_MERGE_CELLS = re.compile(r'<mergeCells(?:\s+count="[0-9]*")?\s*(/?)>')
_MERGE_CELL = re.compile(r'\s*<mergeCell ref="([^"<&\s]*)"\s*/>')
_MERGE_BODY = re.compile(r'(?:\s*<mergeCell ref="[^"<&\s]*"\s*/>)*\s*')

_REF = r'([A-Z]{1,3}+[0-9]{1,7}+)'
_FORMULA = r'(?:<f(?:\s+[A-Za-z]+="[^"<]*")*\s*(?:/>|>[^<]*</f>)|)'
# Optional parts as "(?:x|)": sre runs an alternative faster than a "?" group. Most cells of a
# template are styled and empty (<c r="B3" s="5"/>): the look-ahead turns them away at once,
# by the "/" before their tag's end (never there in a tag this pattern matches), a fifth of
# the pattern's time saved.
_CELL = re.compile(r'<c r="(?![^>]*+(?<=/))' + _REF + r'"(?: s="([0-9]{1,9}+)"|)(?: t="([a-zA-Z]{1,9}+)"|)'
                   r'(?: (?:cm|vm|ph)="[0-9]++"|)\s*+>' + _FORMULA + r'(?:<v>([^<]*+)</v>|<v/>)</c>')
_T = r'<t(?: xml:space="preserve")?>[^<]*</t>'
_RUN = r'<r>(?:<rPr>(?:<[A-Za-z]+(?:\s+[A-Za-z]+="[^"<&]*")*\s*/>)*</rPr>)?' + _T + r'</r>'
_PHONETIC = (r'<rPh(?:\s+[A-Za-z]+="[^"<&]*")*\s*>' + _T + r'</rPh>'
             r'|<phoneticPr(?:\s+[A-Za-z]+="[^"<&]*")*\s*/>')
_RICH = r'(?:' + _T + r'|<t/>|' + _RUN + r'|' + _PHONETIC + r')*'
_INLINE = re.compile(r'<c r="' + _REF + r'"(?: s="[0-9]{1,9}")? t="inlineStr"'
                     r'(?: (?:cm|vm|ph)="[0-9]+")*\s*><is>(' + _RICH + r')</is></c>')
_ROW = re.compile(r'<row(' + _ATTRS + r')\s*/?>')
_ANY_ATTRS = r'(?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|\'[^\'<]*\'))*'
_ROW_TAG = re.compile(r'<row(' + _ANY_ATTRS + r')\s*(/?)>')
_TAG_ATTRS = re.compile(r'<(/?)([A-Za-z_][\w.:-]*)(' + _ANY_ATTRS + r')\s*(/?)>')
_ATTR = re.compile(r'([\w.:-]+)\s*=\s*(?:"([^"<]*)"|\'([^\'<]*)\')')
_ROW_R = re.compile(r'\sr="([^"]*)"')

_SI = re.compile(r'<si>(?:<t(?: xml:space="preserve")?>([^<]*)</t>|<t/>|(' + _RICH + r'))</si>')
_SI_PLAIN = re.compile(r'<si>(?:<t(?: xml:space="preserve")?>([^<]*+)</t>|<t/>)</si>')
_SST_BODY = re.compile(r'(?:\s*<si>(?:' + _RICH + r')</si>)*\s*')
_TEXTS = re.compile(r'<t(?: xml:space="preserve")?>([^<]*)</t>')
_RPH = re.compile(r'<rPh[^>]*>.*?</rPh>', re.S)

# Every byte but the C0 controls XML refuses (tab, line feed and carriage return are allowed):
# deleting them all from a part leaves nothing when it holds none, in one pass in C.
_NOT_CONTROL = bytes(sorted(set(range(256)) - (set(range(32)) - {0x9, 0xA, 0xD})))
# Known answers for parts of a sheet that workbooks from one template repeat byte for byte,
# a few dozen of them, none bigger than KEEP_MAX (a hostile part must not fill the memory).
KEEP_MAX = 256 * 1024
_TOP: dict[str, bool] = {}
_HEADS: dict[str, list[tuple[str, dict[str, str]]]] = {}
_PLAIN_MERGES: set[str] = set()
_ENTITY = re.compile(r'&(?:#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6})|(amp|lt|gt|quot|apos));')
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def sheet(data: bytes, ns: str, geometry: bool = False) -> SheetScan | None:
    """What the tree walk reads from a worksheet part (with ``geometry``, also the columns'
    widths and the rows' heights), or None to have lxml read it."""
    if FORCE_LXML:
        return None
    try:
        return _sheet(data, ns, geometry)
    except (_Unsure, UnicodeDecodeError):
        return None


def shared_strings(data: bytes) -> list[str] | None:
    """The texts of a shared-string part, in index order, or None to have lxml read it."""
    if FORCE_LXML:
        return None
    try:
        return _shared_strings(data)
    except (_Unsure, UnicodeDecodeError):
        return None


def _open(data: bytes, inner_namespaces: bool = True) -> tuple[str, str, int, int, str]:
    """The part as text, its root's name, where its content starts and ends, its namespace.

    ``inner_namespaces=False`` looks for namespace declarations on the root only: for a
    caller that then makes sure the content holds no element but its own (whose tags carry
    no attribute named xmlns), which spares a search through the whole part.
    """
    if data.translate(None, _NOT_CONTROL):
        raise _Unsure  # a control character, which no XML part may hold: lxml refuses the part
    text = data.decode("utf-8")
    if not text.isascii() and ("\ufffe" in text or "\uffff" in text):
        raise _Unsure  # the two other code points XML refuses outright
    decl = _DECL.match(text)
    if decl is None or _after_lt(text, "!", 0) or _after_lt(text, "?", decl.end()):
        raise _Unsure
    root = _ROOT.match(text, decl.end())
    if root is None:
        raise _Unsure
    default = ""
    declared = 0
    at = text.find("xmlns", 0, None if inner_namespaces else root.end())
    while at >= 0:
        m = _XMLNS.match(text, at)
        if m is not None:
            uri = m.group(3)
            if "&" in uri:
                raise _Unsure
            if m.group(1) is None:
                declared += 1
                default = uri
            elif uri in _MAIN_NS:
                raise _Unsure  # a prefix for the main namespace: elements lxml sees, we would not
        at = text.find("xmlns", at + 5, None if inner_namespaces else root.end())
    # The one default namespace must be the root's own: look for it among its attributes.
    own = _DEFAULT_NS.search(root.group(2))
    if declared != 1 or own is None or own.group(1) != default:
        raise _Unsure
    end = text.rstrip().rfind("</")
    if end < 0 or text[end:].rstrip() != f"</{root.group(1)}>":
        raise _Unsure
    return text, root.group(1), root.end(), end, default


def _after_lt(text: str, ch: str, start: int) -> bool:
    """Whether ``<`` followed by ``ch`` occurs from ``start`` on. Looking for the rare second
    character runs at memory speed; a search for "<!" trips over every "<" of the part."""
    at = text.find(ch, start)
    while at >= 0:
        if at > 0 and text[at - 1] == "<":
            return True
        at = text.find(ch, at + 1)
    return False


def _at_top(text: str, start: int, end: int) -> bool:
    """No element is left open between ``start`` and ``end`` (both at the root's level)."""
    if end - start > 64:  # a sheet's head (views, columns) is the same in a template's files
        head = text[start:end]
        known = _TOP.get(head)
        if known is None:
            known = _balanced(head)
            if len(head) <= KEEP_MAX:
                if len(_TOP) >= 64:
                    _TOP.clear()
                _TOP[head] = known
        return known
    return _balanced(text[start:end])


def _balanced(text: str) -> bool:
    depth = 0
    tags = 0
    for closing, empty in _TAG.findall(text):
        tags += 1
        if closing:
            depth -= 1
        elif not empty:
            depth += 1
        if depth < 0:
            return False
    return depth == 0 and tags == text.count("<")


def _sheet(data: bytes, ns: str, geometry: bool) -> SheetScan:
    text, _root, start, end, default = _open(data)
    if default != ns:
        raise _Unsure
    at = text.find("<sheetData", start, end)
    if at < 0:
        if geometry:
            raise _Unsure
        return SheetScan(_merges(text, start, end), False, None, False, [], [], [], [])
    m = _SHEET_DATA.match(text, at)
    if m is None or text.find("<mergeCells", start, at) >= 0:
        raise _Unsure
    head = _head(text[start:at]) if geometry else []
    if not geometry and not _at_top(text, start, at):
        raise _Unsure
    if m.group(1):  # <sheetData/>
        after, body = m.end(), ""
    else:
        close = text.find("</sheetData>", m.end(), end)
        if close < 0:
            raise _Unsure
        after, body = close + len("</sheetData>"), text[m.end():close]
    # One sheetData, closed where we think: a second one, or a nested one's outer end, is
    # left behind.
    if text.find("sheetData", after, end) >= 0:
        raise _Unsure
    merges = _merges(text, after, end)
    if geometry and (text.find("<cols", after, end) >= 0 or text.find("<sheetFormatPr", after, end) >= 0):
        raise _Unsure  # read by the tree walk wherever they stand
    if "\r" in body:  # as the XML parser does: line ends become "\n"
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    found_cells = _CELL.findall(body)
    if body.count("<v") != len(found_cells):
        raise _Unsure
    cells: list[Cell] = found_cells
    if "&" in body:
        cells = [(r, s, t, _text(v)) for r, s, t, v in found_cells]
    inline: list[Inline] = []
    # A cell read as inline text has t="inlineStr", written out or with a character
    # reference: with neither an "S" nor an "&" in the rows (a search at memory speed), no
    # cell is, and lxml's walk would read no <is> either (that of any other cell is left).
    if ("S" in body or "&" in body) and "<is" in body:
        found_inline = _INLINE.findall(body)
        if body.count("<is") != len(found_inline):
            raise _Unsure
        inline = [(r, _rich_text(content)) for r, content in found_inline]
    last_row, has_rows = _last_row(body)
    return SheetScan(merges, True, last_row, has_rows, cells, inline, head,
                     _rows(body) if geometry else [])


def _head(text: str) -> list[tuple[str, dict[str, str]]]:
    """``sheetFormatPr`` and the ``col`` of ``cols``, at the root's level, from a sheet's head
    (everything before ``sheetData``), which must be balanced elements and nothing else."""
    known = _HEADS.get(text)
    if known is not None:
        return known
    out: list[tuple[str, dict[str, str]]] = []
    depth = 0
    tags = 0
    in_cols = False
    for m in _TAG_ATTRS.finditer(text):
        tags += 1
        closing, name, attrs, empty = m.groups()
        if closing:
            depth -= 1
            in_cols = in_cols and depth > 0
            if depth < 0:
                raise _Unsure
            continue
        if depth == 0 and name == "sheetFormatPr":
            out.append(("format", _attrs(attrs)))
        elif depth == 1 and in_cols and name == "col":
            out.append(("col", _attrs(attrs)))
        if not empty:
            in_cols = depth == 0 and name == "cols" or in_cols
            depth += 1
    if depth != 0 or tags != text.count("<"):
        raise _Unsure
    if len(text) <= KEEP_MAX:
        if len(_HEADS) >= 64:
            _HEADS.clear()
        _HEADS[text] = out
    return out


def _rows(body: str) -> list[dict[str, str]]:
    """The attributes of every row, which must be the only elements sheetData holds."""
    found = list(_ROW_TAG.finditer(body))
    if body.count("<row") != len(found):
        raise _Unsure
    rows = []
    after = 0  # where the previous row ended
    for i, m in enumerate(found):
        if body.find("<", after, m.start()) >= 0:
            raise _Unsure  # an element between rows, or a row inside another one
        if m.group(2):
            after = m.end()
        else:
            upto = found[i + 1].start() if i + 1 < len(found) else len(body)
            close = body.find("</row>", m.end(), upto)
            if close < 0 or body.find("</row>", close + 6, upto) >= 0:
                raise _Unsure
            after = close + 6
        rows.append(_attrs(m.group(1)))
    if body.find("<", after) >= 0:
        raise _Unsure
    return rows


def _attrs(text: str) -> dict[str, str]:
    """Attributes as lxml gives them (names as written: a prefixed one is none of ours)."""
    pairs = _ATTR.findall(text)
    out = {name: a or b for name, a, b in pairs}
    if len(out) != len(pairs) or any("&" in v or "\t" in v or "\n" in v or "\r" in v
                                     for v in out.values()):
        raise _Unsure  # a repeated name (not XML), or a value the parser would rewrite
    return out


def merge_refs(body: str) -> list[str]:
    """The ``ref`` of every ``<mergeCell>`` of a body ``SheetScan.merges`` holds."""
    return _MERGE_CELL.findall(body)


def _merges(text: str, start: int, end: int) -> str:
    """The checked body of the one ``mergeCells`` at the root's level from ``start`` on."""
    at = text.find("<mergeCells", start, end)
    if at < 0:
        return ""
    m = _MERGE_CELLS.match(text, at)
    if m is None or not _at_top(text, start, at):
        raise _Unsure
    body = ""
    after = m.end()
    if not m.group(1):
        close = text.find("</mergeCells>", after, end)
        if close < 0:
            raise _Unsure
        body, after = text[after:close], close + len("</mergeCells>")
        if body not in _PLAIN_MERGES:  # a template's files repeat the same body
            if _MERGE_BODY.fullmatch(body) is None:
                raise _Unsure
            if len(body) <= KEEP_MAX:
                if len(_PLAIN_MERGES) >= 64:
                    _PLAIN_MERGES.clear()
                _PLAIN_MERGES.add(body)
    if text.find("<mergeCells", after, end) >= 0:
        raise _Unsure
    return body


def _last_row(body: str) -> tuple[str | None, bool]:
    """The ``r`` of sheetData's last child, which must be a ``<row>``, and whether it has any.

    The last ``<row`` is the last child when the body ends with that row's ``/>`` or with a
    ``</row>``; a row inside a row, which no writer makes, would name the inner one.
    """
    tail = body.rstrip()
    if not tail:
        if body.strip("\n\t "):
            raise _Unsure
        return None, False
    at = tail.rfind("<row")
    m = _ROW.match(tail, at) if at >= 0 else None
    if m is None or not (tail.endswith("</row>") or (m.end() == len(tail) and tail.endswith("/>"))):
        raise _Unsure
    r = _ROW_R.search(m.group(1))
    if r is None:
        return None, True
    if r.group(1).strip() != r.group(1) or "\n" in r.group(1) or "\t" in r.group(1):
        raise _Unsure  # the XML parser would normalise the white space first
    return r.group(1), True


def _text(raw: str) -> str:
    """Character data as the XML parser gives it: the five entities and character references
    replaced (line ends were made "\\n" before)."""
    if "&" not in raw:
        return raw
    return _ENTITY.sub(_entity, _no_stray_ampersand(raw))


def _no_stray_ampersand(raw: str) -> str:
    if raw.count("&") != len(_ENTITY.findall(raw)):
        raise _Unsure  # an entity a DTD would define: lxml refuses the part
    return raw


def _entity(m: re.Match[str]) -> str:
    if m.group(3):
        return _NAMED[m.group(3)]
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
            or 0x10000 <= code <= 0x10FFFF:
        return chr(code)
    raise _Unsure  # not an XML character: lxml calls the part damaged


def _rich_text(content: str) -> str:
    """What ``values.rich_text`` makes of an ``<si>``/``<is>``: its texts and runs' texts, not
    the phonetic ones, joined; OOXML's ``_xHHHH_`` escapes undone."""
    plain = _TEXTS.fullmatch(content)
    if plain is not None:  # one plain <t>, as openpyxl writes every inline string
        return _plain_text(plain.group(1))
    if "<rPh" in content:
        content = _RPH.sub("", content)
    parts = [_text(t) for t in _TEXTS.findall(content) if t]
    return _undo_escapes(parts[0] if len(parts) == 1 else "".join(parts))


def _plain_text(raw: str) -> str:
    """The text of a plain ``<t>``: entities replaced, then OOXML's ``_xHHHH_`` escapes."""
    return _undo_escapes(_text(raw))


def _undo_escapes(text: str) -> str:
    if "_x" not in text:
        return text
    from .values import unescape  # values imports this module

    return unescape(text)


def _shared_strings(data: bytes) -> list[str]:
    # Namespaces declared inside the table are looked for only when it holds more than
    # plain entries, whose tags declare none: a search through the whole part spared.
    text, root, start, end, ns = _open(data, inner_namespaces=False)
    if root != "sst" or ns not in _MAIN_NS:
        raise _Unsure
    texts = _back_to_back(text, start, end)
    if texts is not None:
        return texts
    body = text[start:end]
    if "\r" in body:  # as the XML parser does: line ends become "\n"
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    # Nearly always every entry is a plain <t>: then every tag of the body is one of theirs
    # (four an entry, three for <t/>) and nothing else is there. (Multi-character searches
    # cost as much as the pattern here, so the cheap counts come first.)
    plain = _SI_PLAIN.findall(body)
    if body.count("<") == 4 * len(plain) - (body.count("<t/>") if "" in plain else 0):
        if "&" not in body and "_" not in body:
            return plain
        return [_plain_text(t) if "&" in t or "_x" in t else t for t in plain]
    _open(data)  # richer entries: every namespace declaration checked after all
    if _SST_BODY.fullmatch(body) is None:
        raise _Unsure
    found = _SI.findall(body)
    out: list[str] = []
    add = out.append
    for plain, rich in found:
        if rich:
            add(_rich_text(rich))
        elif "&" in plain or "_x" in plain:
            add(_plain_text(plain))
        else:
            add(plain)
    return out


_SI_FIRST, _SI_BETWEEN, _SI_LAST = "<si><t>", "</t></si><si><t>", "</t></si>"


def _back_to_back(text: str, start: int, end: int) -> list[str] | None:
    """The texts of a table body (``text[start:end]``) of plain ``<si><t>`` entries back to
    back, as Excel and openpyxl write most, or None. Split at the markup between two texts,
    in C, twice as fast as the pattern, it is that markup and texts and nothing else when it
    starts and ends as such a body does and every "<" in it is one of that markup's four."""
    if not (text.startswith(_SI_FIRST, start) and text.endswith(_SI_LAST, start, end)):
        return None
    inner = text[start + len(_SI_FIRST):end - len(_SI_LAST)]
    if "\r" in inner:  # the parser makes line ends "\n": left to the way below
        return None
    texts = inner.split(_SI_BETWEEN)
    if inner.count("<") != 4 * (len(texts) - 1):
        return None
    if "_" in inner:  # maybe an "_xHHHH_" escape, as _shared_strings reads them
        return [_plain_text(t) if "&" in t or "_x" in t else t for t in texts]
    if "&" in inner:  # a text with no "&" (nor "_") has nothing to undo; one with, both
        return [_plain_text(t) if "&" in t else t for t in texts]
    return texts
