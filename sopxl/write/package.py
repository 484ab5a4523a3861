"""Write sheets into an xlsx/xlsm package, losing nothing of what is already there.

openpyxl drops the shapes of a flowchart, and any part it does not understand, when
it saves; so the package is edited here at the zip level instead. Every entry of the
original is copied as it is, except the parts that register sheets::

    [Content_Types].xml           + Override for each new part (stays the first entry)
    docProps/app.xml              worksheet titles and count (when present)
    xl/workbook.xml               <sheet> entries, print titles / filter names
    xl/_rels/workbook.xml.rels    + one relationship per new sheet
    xl/styles.xml                 named styles appended; existing entries never move
    xl/calcChain.xml              only when a replaced sheet had formulas
    xl/worksheets/sheetN.xml      the new or replaced sheets (+ _rels for web links)

New sheets go at the end of the tab list, so no ``localSheetId`` of the user's names
shifts; a replaced sheet keeps its tab position, sheetId and (when it was a worksheet)
its part name, and loses its old relationships and the parts only they reached.

The result is written to a temporary file beside the target, checked by reopening
it, and only then moved over the target; on any failure the target is untouched.
"""
from __future__ import annotations

import errno
import os
import posixpath
import secrets
import stat
import zipfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from ..errors import SopxlError, WorkbookError, WriteError
from ..read.safezip import NS, SafeZip
from ..report.sheet import SheetSpec
from .sheetxml import check_sheet_name, worksheet_part
from .styles import XML_DECL, fresh_styles, merge_styles

__all__ = ["write_sheets", "new_workbook"]

CONTENT_TYPES = "[Content_Types].xml"
MAIN = NS["m"]
REL = NS["r"]
PKG_REL = NS["pr"]
CT_NS = NS["ct"]
EXT_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

RT_DOCUMENT = REL + "/officeDocument"
RT_WORKSHEET = REL + "/worksheet"
RT_STYLES = REL + "/styles"
RT_CALC_CHAIN = REL + "/calcChain"
RT_APP = REL + "/extended-properties"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # generated parts carry no clock time: same input, same bytes
# Schema order of <workbook> children that may precede <definedNames>.
_BEFORE_NAMES = ("sheets", "functionGroups", "externalReferences")


# ---------------------------------------------------------------------------- public API

def write_sheets(path: str | os.PathLike[str], sheets: Sequence[SheetSpec], *,
                 output: str | os.PathLike[str] | None = None) -> str:
    """Add each sheet to the workbook at ``path`` (or replace the sheet of that name).

    With ``output`` the result is written there and ``path`` is left alone. Returns the
    path written. Raises ``WriteError`` (nothing written) or ``WorkbookError``.
    """
    source = os.fspath(path)
    written = os.fspath(output) if output is not None else source
    target = os.path.realpath(written)
    _check_specs(sheets)
    same = os.path.exists(target) and os.path.exists(source) and os.path.samefile(source, target)
    if not same and output is not None:
        src_ext, out_ext = os.path.splitext(source)[1].lower(), os.path.splitext(target)[1].lower()
        if src_ext != out_ext:
            raise WriteError(f"Berkas keluaran harus berekstensi {src_ext or '(tanpa ekstensi)'} seperti "
                             "berkas aslinya; Excel menolak berkas yang ekstensinya tidak cocok dengan "
                             "isinya.", code="TULIS-EKSTENSI", path=written,
                             message_en=f"The output file must have the extension {src_ext or '(none)'} "
                                        "like the original; Excel refuses a file whose extension does "
                                        "not match its content.")
    _check_target(target, shown=written)
    with SafeZip(source) as z:
        entries = _Edit(z).with_sheets(sheets)
        _commit(target, entries, shown=written)
    return written


def new_workbook(path: str | os.PathLike[str], sheets: Sequence[SheetSpec]) -> None:
    """Write a fresh workbook made only of ``sheets`` (the first one is the active tab)."""
    shown = os.fspath(path)
    target = os.path.realpath(shown)
    _check_specs(sheets)
    if not sheets:
        raise WriteError("Buku kerja baru memerlukan sedikitnya satu lembar.", code="TULIS-LEMBAR",
                         path=shown, message_en="A new workbook needs at least one sheet.")
    _check_target(target, shown=shown)
    styles, ids = fresh_styles()
    sheet_list, wb_rels, overrides, names = [], [], [], []
    files: list[tuple[str, bytes]] = []
    for i, spec in enumerate(sheets):
        part = worksheet_part(spec, ids, selected=(i == 0))
        name = f"xl/worksheets/sheet{i + 1}.xml"
        files.append((name, part.xml))
        rels = part.rels_xml()
        if rels:
            files.append((f"xl/worksheets/_rels/sheet{i + 1}.xml.rels", rels))
        sheet_list.append(f'<sheet name="{_attr(spec.name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>')
        wb_rels.append(f'<Relationship Id="rId{i + 1}" Type="{RT_WORKSHEET}" '
                       f'Target="worksheets/sheet{i + 1}.xml"/>')
        overrides.append(f'<Override PartName="/{name}" ContentType="{CT_WORKSHEET}"/>')
        for dn, ref, hidden in part.defined_names:
            hidden_attr = ' hidden="1"' if hidden else ""
            names.append(f'<definedName name="{dn}" localSheetId="{i}"{hidden_attr}>'
                         f'{_text(ref)}</definedName>')
    n = len(sheets)
    wb_rels.append(f'<Relationship Id="rId{n + 1}" Type="{RT_STYLES}" Target="styles.xml"/>')
    decl = XML_DECL.decode()
    content_types = (
        f'{decl}<Types xmlns="{CT_NS}"><Default Extension="rels" ContentType="{CT_RELS}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{CT_WORKBOOK}"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{CT_STYLES}"/>{"".join(overrides)}</Types>')
    root_rels = (f'{decl}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{RT_DOCUMENT}" '
                 'Target="xl/workbook.xml"/></Relationships>')
    workbook = (f'{decl}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView activeTab="0"/>'
                f'</bookViews><sheets>{"".join(sheet_list)}</sheets>'
                + (f'<definedNames>{"".join(names)}</definedNames>' if names else "")
                + "</workbook>")
    parts = [(CONTENT_TYPES, content_types.encode()), ("_rels/.rels", root_rels.encode()),
             ("xl/workbook.xml", workbook.encode()),
             ("xl/_rels/workbook.xml.rels",
              f'{decl}<Relationships xmlns="{PKG_REL}">{"".join(wb_rels)}</Relationships>'.encode()),
             ("xl/styles.xml", styles), *files]
    # A register of tens of thousands of rows: the fastest deflate level costs a few per cent
    # in size and saves a quarter of a second.
    entries = [_Entry(_new_info(name), data, level=1) for name, data in parts]
    _commit(target, entries, shown=shown)


# ---------------------------------------------------------------------------- the package edit

@dataclass
class _Entry:
    info: zipfile.ZipInfo
    data: bytes
    level: int | None = None  # zlib level; None is zipfile's default (6)


@dataclass
class _Replaced:
    old_part: str
    new_part: str
    sheet_id: int


class _Edit:
    """The registering parts of one package, parsed, and what changes in it."""

    def __init__(self, z: SafeZip):
        self.z = z
        self.changed: dict[str, bytes] = {}  # part -> new bytes (an existing part or a new one)
        self.removed: set[str] = set()
        self.new_parts: list[str] = []
        self.replaced: list[_Replaced] = []
        self.renamed: dict[str, str] = {}  # old sheet name -> new spelling
        self.added: list[str] = []
        self.new_names: list[etree._Element] = []

    def with_sheets(self, specs: Sequence[SheetSpec]) -> list[_Entry]:
        """Every zip entry of the result, in order."""
        if not specs:
            return self._entries()  # nothing to add: a plain copy
        try:
            self._load()
            for spec in specs:
                self._put(spec)
            self._finish()
        except (etree.LxmlError, ValueError):
            raise WriteError("Struktur buku kerja tidak dapat diubah; berkas mungkin rusak.",
                             code="TULIS-RUSAK", path=self.z.path,
                             message_en="The workbook structure cannot be changed; the file may be "
                                        "damaged.") from None
        return self._entries()

    def _load(self) -> None:
        z = self.z
        self.workbook = self._main_part()
        self.wb_dir = posixpath.dirname(self.workbook)
        self.wb_rels_name = _rels_name(self.workbook)
        self.wb = z.xml(self.workbook)
        if self.wb.tag != f"{{{MAIN}}}workbook":
            raise WriteError("Buku kerja ini berformat 'Strict Open XML' yang tidak didukung. Simpan "
                             "ulang di Excel sebagai 'Excel Workbook (.xlsx)'.", code="TULIS-FORMAT",
                             path=z.path, message_en="This workbook uses the 'Strict Open XML' format, "
                             "which is not supported. Save it again in Excel as 'Excel Workbook (.xlsx)'.")
        # lxml-stubs types nsmap as Mapping[str, str], but lxml takes None as the default namespace's key.
        self.wb_rels = z.xml(self.wb_rels_name) if z.has(self.wb_rels_name) else etree.Element(
            f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})  # type: ignore[dict-item]
        self.types = z.xml(CONTENT_TYPES)
        self.rels = z.rels(self.workbook)
        sheets_el = self.wb.find("m:sheets", NS)
        if sheets_el is None:
            raise WorkbookError("Buku kerja tidak memiliki daftar lembar; berkas rusak.", code="BERKAS-RUSAK",
                                path=z.path, message_en="The workbook has no sheet list; the file is "
                                                        "damaged.")
        self.sheets_el = sheets_el
        self.style_ids = self._styles()
        self.worksheet_names = [s.get("name", "") for s in self._sheet_els()
                                if self.rels.get(s.get(f"{{{REL}}}id", ""), ("",))[0] == RT_WORKSHEET]
        view = self.wb.find("m:bookViews/m:workbookView", NS)
        self.active = int(view.get("activeTab", "0")) if view is not None else 0
        self.names_el = self.wb.find("m:definedNames", NS)

    def _sheet_els(self) -> list[etree._Element]:
        return list(self.sheets_el.findall("m:sheet", NS))

    def _put(self, spec: SheetSpec) -> None:
        """Write one sheet: over the sheet of that name (any case, as Excel compares), or at the end."""
        sheet_els = self._sheet_els()
        idx = next((i for i, s in enumerate(sheet_els) if s.get("name", "").lower() == spec.name.lower()),
                   None)
        if idx is None:
            idx, part_name = len(sheet_els), self._add_sheet(spec, sheet_els)
            selected = False  # a new tab is never selected: two selected tabs are grouped
        else:
            part_name = self._reuse_sheet(spec, idx, sheet_els[idx])
            selected = idx == self.active
        part = worksheet_part(spec, self.style_ids, selected=selected)
        self.changed[part_name] = part.xml
        rels_xml, rels_name = part.rels_xml(), _rels_name(part_name)
        if rels_xml is not None:
            self.changed[rels_name] = rels_xml
        elif self.z.has(rels_name):
            self.removed.add(rels_name)
        for name, ref, hidden in part.defined_names:
            dn = etree.Element(f"{{{MAIN}}}definedName")
            dn.set("name", name)
            dn.set("localSheetId", str(idx))
            if hidden:
                dn.set("hidden", "1")
            dn.text = ref
            self.new_names.append(dn)

    def _add_sheet(self, spec: SheetSpec, sheet_els: list[etree._Element]) -> str:
        part_name = self._new_sheet_part()
        rid = _unique_id({r.get("Id", "") for r in self.wb_rels})
        sheet_id = max((int(s.get("sheetId", "0")) for s in sheet_els), default=0) + 1
        el = etree.SubElement(self.sheets_el, f"{{{MAIN}}}sheet", nsmap={"r": REL})
        el.set("name", spec.name)
        el.set("sheetId", str(sheet_id))
        el.set(f"{{{REL}}}id", rid)
        rel_el = etree.SubElement(self.wb_rels, f"{{{PKG_REL}}}Relationship")
        rel_el.set("Id", rid)
        rel_el.set("Type", RT_WORKSHEET)
        rel_el.set("Target", posixpath.relpath(part_name, self.wb_dir or "."))
        self.rels[rid] = (RT_WORKSHEET, part_name)
        self._override(part_name, CT_WORKSHEET)
        self.added.append(spec.name)
        return part_name

    def _reuse_sheet(self, spec: SheetSpec, idx: int, el: etree._Element) -> str:
        """Take over an existing tab: same position, sheetId and (for a worksheet) part name."""
        rid = el.get(f"{{{REL}}}id", "")
        if rid not in self.rels:
            raise WorkbookError(f"Lembar {el.get('name')!r} tidak punya bagian di dalam berkas; "
                                "berkas rusak.", code="BERKAS-RUSAK", path=self.z.path, sheet=el.get("name"),
                                message_en="The sheet has no part in the package; the file is damaged.")
        rel_type, old_part = self.rels[rid]
        part_name = old_part
        if rel_type != RT_WORKSHEET:
            # A chart or dialog sheet of that name becomes a worksheet in a part of its own.
            part_name = self._new_sheet_part()
            rel_el = _find_rel(self.wb_rels, rid)
            rel_el.set("Type", RT_WORKSHEET)
            rel_el.set("Target", posixpath.relpath(part_name, self.wb_dir or "."))
            self._override(part_name, CT_WORKSHEET)
        self.replaced.append(_Replaced(old_part, part_name, int(el.get("sheetId", "0"))))
        if el.get("name") != spec.name:
            self.renamed[el.get("name", "")] = spec.name
            el.set("name", spec.name)
        if self.names_el is not None:
            for dn in self.names_el.findall("m:definedName", NS):
                if dn.get("localSheetId") == str(idx):
                    self.names_el.remove(dn)
        return part_name

    def _finish(self) -> None:
        if self.replaced:
            self._drop_unreachable()
            self._clean_calc_chain({r.sheet_id for r in self.replaced})
        if self.new_names:
            if self.names_el is None:
                self.names_el = etree.Element(f"{{{MAIN}}}definedNames")
                anchor = [c for c in self.wb if isinstance(c.tag, str)
                          and etree.QName(c).localname in _BEFORE_NAMES][-1]
                anchor.addnext(self.names_el)
            self.names_el.extend(self.new_names)
        elif self.names_el is not None and len(self.names_el) == 0 and self.replaced:
            self.wb.remove(self.names_el)  # emptied by us: Excel writes no empty list
        self.changed[self.workbook] = _serialize(self.wb)
        self.changed[self.wb_rels_name] = _serialize(self.wb_rels)
        self._update_app()
        self.changed[CONTENT_TYPES] = _serialize(self.types)

    # -- parts -------------------------------------------------------------------------

    def _main_part(self) -> str:
        for rel_type, target in self.z.rels("").values():
            if rel_type == RT_DOCUMENT:
                return unquote(target)
        if self.z.has("xl/workbook.xml"):
            return "xl/workbook.xml"
        raise WorkbookError("Berkas ini tidak memuat buku kerja Excel.", code="BERKAS-RUSAK",
                            path=self.z.path, message_en="This file holds no Excel workbook.")

    def _taken(self, name: str) -> bool:
        lower = name.lower()
        return (any(n.lower() == lower for n in self.z.names) or lower in
                {n.lower() for n in self.changed} or lower in {n.lower() for n in self.new_parts})

    def _new_sheet_part(self) -> str:
        n = 1
        while True:
            name = posixpath.join(self.wb_dir, "worksheets", f"sheet{n}.xml")
            if not self._taken(name) and not self._taken(_rels_name(name)):
                self.new_parts.append(name)
                return name
            n += 1

    def _override(self, part: str, content_type: str) -> None:
        wanted = "/" + part.lower()
        for ov in self.types.findall("ct:Override", NS):
            if ov.get("PartName", "").lower() == wanted:
                ov.set("ContentType", content_type)
                return
        ov = etree.SubElement(self.types, f"{{{CT_NS}}}Override")
        ov.set("PartName", "/" + part)
        ov.set("ContentType", content_type)

    def _styles(self) -> dict[str, int]:
        part = next((t for typ, t in self.rels.values() if typ == RT_STYLES), None)
        if part is not None and self.z.has(part):
            data, ids = merge_styles(self.z.read(part))
            if data is not None:
                self.changed[part] = data
            return ids
        # No stylesheet at all (some generators omit it): add a fresh one.
        data, ids = fresh_styles()
        part = posixpath.join(self.wb_dir, "styles.xml")
        if part in self.z.names:
            raise WorkbookError("Bagian styles.xml tidak terdaftar dengan benar; berkas rusak.",
                                code="BERKAS-RUSAK", path=self.z.path,
                                message_en="Part styles.xml is not registered properly; the file is "
                                           "damaged.")
        self.changed[part] = data
        self.new_parts.append(part)
        rel_el = etree.SubElement(self.wb_rels, f"{{{PKG_REL}}}Relationship")
        rel_el.set("Id", _unique_id({r.get("Id", "") for r in self.wb_rels}))
        rel_el.set("Type", RT_STYLES)
        rel_el.set("Target", "styles.xml")
        self._override(part, CT_STYLES)
        return ids

    def _drop_unreachable(self) -> None:
        """Remove the parts that only the replaced sheets reached (their drawings, comments…)."""
        replaced = self.replaced
        before = self._rel_graph()
        after = {k: set(v) for k, v in before.items()}
        for r in replaced:
            after[r.old_part] = set()
            after[r.new_part] = set()
            wb_edges = after.setdefault(self.workbook, set())
            wb_edges.discard(r.old_part)
            wb_edges.add(r.new_part)
        gone = (_reachable(before) - _reachable(after)) | {r.old_part for r in replaced
                                                           if r.old_part != r.new_part}
        for r in replaced:
            if self.z.has(_rels_name(r.old_part)) and _rels_name(r.old_part) not in self.changed:
                self.removed.add(_rels_name(r.old_part))
        for part in gone:
            if self.z.has(part):
                self.removed.add(part)
            if self.z.has(_rels_name(part)):
                self.removed.add(_rels_name(part))
        self._forget_types()

    def _forget_types(self) -> None:
        lower = {"/" + p.lower() for p in self.removed}
        for ov in self.types.findall("ct:Override", NS):
            if ov.get("PartName", "").lower() in lower:
                self.types.remove(ov)

    def _rel_graph(self) -> dict[str, set[str]]:
        graph: dict[str, set[str]] = {}
        for name in self.z.names:
            folder, base = posixpath.split(name)
            if not base.endswith(".rels") or posixpath.basename(folder) != "_rels":
                continue
            source = posixpath.join(posixpath.dirname(folder), base[:-len(".rels")])
            source = "" if base == ".rels" and not posixpath.dirname(folder) else source
            with suppress(WorkbookError):
                targets = self.z.rels(source).values()
                # External targets are addresses, not parts; they never match a part name.
                graph[source] = {unquote(t) for _, t in targets}
        return graph

    def _clean_calc_chain(self, sheet_ids: set[int]) -> None:
        """Drop calculation-chain entries of replaced sheets (Excel repairs a file whose chain
        names cells without formulas)."""
        found = [(rid, t) for rid, (typ, t) in self.rels.items() if typ == RT_CALC_CHAIN]
        if not found or not self.z.has(found[0][1]):
            return
        rid, part = found[0]
        root = self.z.xml(part)
        current = previous = None
        removed_any = False
        for c in list(root):
            if c.get("i") is not None:
                current = c.get("i")
            if current is not None and int(current) in sheet_ids:
                root.remove(c)
                removed_any = True
                continue
            if c.get("i") is None and previous != current and current is not None:
                c.set("i", current)
            previous = current
        if not removed_any:
            return
        if len(root):
            self.changed[part] = _serialize(root)
            return
        self.removed.add(part)
        self.wb_rels.remove(_find_rel(self.wb_rels, rid))
        self._forget_types()

    def _update_app(self) -> None:
        """Keep the worksheet titles in ``docProps/app.xml`` in step (only if Excel listed them)."""
        worksheet_names, renamed, added = self.worksheet_names, self.renamed, self.added
        part = next((t for typ, t in self.z.rels("").values() if typ == RT_APP), None)
        if part is None or not self.z.has(part) or not (renamed or added):
            return
        root = self.z.xml(part)
        pairs = root.find(f"{{{EXT_PROPS}}}HeadingPairs/{{{VT}}}vector")
        titles = root.find(f"{{{EXT_PROPS}}}TitlesOfParts/{{{VT}}}vector")
        if pairs is None or titles is None:
            return
        variants = list(pairs)
        lpstrs = list(titles)
        offset = 0
        for i in range(0, len(variants) - 1, 2):
            count_el = variants[i + 1].find(f"{{{VT}}}i4")
            if count_el is None or not (count_el.text or "").strip().isdigit():
                return
            count = int(count_el.text or "0")
            group = lpstrs[offset:offset + count]
            if count and {t.text for t in group} == set(worksheet_names):
                for t in group:
                    if t.text in renamed:
                        t.text = renamed[t.text]
                anchor = group[-1]
                for name in added:
                    new = etree.Element(f"{{{VT}}}lpstr")
                    new.text = name
                    anchor.addnext(new)
                    anchor = new
                count_el.text = str(count + len(added))
                titles.set("size", str(len(lpstrs) + len(added)))
                self.changed[part] = _serialize(root)
                return
            offset += count

    # -- the new zip ---------------------------------------------------------------------

    def _entries(self) -> list[_Entry]:
        z = self.z
        out: list[_Entry] = []
        seen: set[str] = set()
        # [Content_Types].xml first: some readers look for it at the start of the zip.
        infos = sorted(z.zf.infolist(), key=lambda i: i.filename != CONTENT_TYPES)
        for info in infos:
            name = info.filename
            if name in seen or name in self.removed:
                continue
            seen.add(name)
            data = self.changed[name] if name in self.changed else z.read(name)
            out.append(_Entry(_new_info(name, info), data))
        for name in self.changed:
            if name not in seen:
                seen.add(name)
                out.append(_Entry(_new_info(name), self.changed[name]))
        return out


# ---------------------------------------------------------------------------- helpers

def _check_specs(sheets: Sequence[SheetSpec]) -> None:
    seen: set[str] = set()
    for spec in sheets:
        name = check_sheet_name(spec.name)
        if name.lower() in seen:
            raise WriteError(f"Nama lembar {name!r} dipakai dua kali.", code="TULIS-NAMA-LEMBAR",
                             sheet=name, message_en=f"Sheet name {name!r} is used twice.")
        seen.add(name.lower())


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _reachable(graph: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [""]
    while todo:
        node = todo.pop()
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _find_rel(rels: etree._Element, rid: str) -> etree._Element:
    for r in rels:
        if r.get("Id") == rid:
            return r
    raise WriteError("Relasi lembar tidak ditemukan; berkas rusak.", code="TULIS-RUSAK",
                     message_en="A sheet relationship is missing; the file is damaged.")


def _unique_id(taken: Iterable[str]) -> str:
    taken = set(taken)
    n = 1
    while f"rId{n}" in taken:
        n += 1
    return f"rId{n}"


def _serialize(root: etree._Element) -> bytes:
    return XML_DECL + etree.tostring(root, encoding="UTF-8")


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _new_info(name: str, like: zipfile.ZipInfo | None = None) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, like.date_time if like is not None else _FIXED_TIME)
    stored = like is not None and like.compress_type == zipfile.ZIP_STORED
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    if like is not None:
        info.external_attr = like.external_attr
        info.create_system = like.create_system
    return info


# ---------------------------------------------------------------------------- safe file replacement

def _check_target(target: str, *, shown: str) -> None:
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


def _commit(target: str, entries: list[_Entry], *, shown: str) -> None:
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
        raise _os_error(exc, shown) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
                for entry in entries:
                    zf.writestr(entry.info, entry.data, compresslevel=entry.level)
            fh.flush()
            os.fsync(fh.fileno())
        _verify(tmp, [e.info.filename for e in entries], shown)
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
            raise _os_error(exc, shown) from None
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


def _verify(tmp: str, names: list[str], shown: str) -> None:
    try:
        with zipfile.ZipFile(tmp) as check:
            bad = check.testzip()
            ok = bad is None and check.namelist() == names
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        ok = False
    if not ok:
        raise WriteError("Hasil penulisan tidak dapat dibuka kembali; berkas asli tidak diubah.",
                         code="TULIS-GAGAL", path=shown,
                         message_en="The written workbook could not be reopened; the original file "
                                    "was not changed.")


def _os_error(exc: OSError, shown: str) -> WriteError:
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
