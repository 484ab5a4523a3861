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

This module is the orchestrator: the edit of ``xl/workbook.xml`` and the parts that
follow from it. Each other part has its module — ``contenttypes``, ``relationships``,
``styles``, ``sheetxml``, ``docprops`` — and so do the zip (``packing``) and the safe replacement of
the file (``replace``: a temporary file beside the target, checked by reopening it,
moved over the target only then; on any failure the target is untouched).
"""
from __future__ import annotations

import os
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from ..errors import WorkbookChangedError, WorkbookError, WriteError
from ..read.safezip import NS, SafeZip
from ..sheetspec import SheetSpec
from .contenttypes import (
    CONTENT_TYPES,
    CT_STYLES,
    CT_WORKBOOK,
    CT_WORKSHEET,
    forget_overrides,
    fresh_content_types,
    set_override,
)
from .docprops import app_titles
from .packing import Entry, edited_entries, new_info, xml_bytes
from .packing import Entry as _Entry  # noqa: F401
from .packing import new_info as _new_info  # noqa: F401
from .relationships import (
    PKG_REL,
    REL,
    RT_CALC_CHAIN,
    RT_DOCUMENT,
    RT_STYLES,
    RT_WORKSHEET,
    add_relationship,
    find_rel,
    reachable,
    rel_graph,
    relationships_xml,
    rels_name,
    unique_id,
)
from .replace import ANY, Fingerprint, _Any, check_target, commit, fingerprint, workbook_lock
from .sheetxml import check_sheet_name, worksheet_part
from .styles import XML_DECL, fresh_styles, merge_styles

__all__ = ["write_sheets", "new_workbook"]
# _Entry and _new_info (packing.py) are imported under their old names, and _check_target
# and _commit are defined below, because write/drawing.py takes them from here.

ATTEMPTS = 3  # reads of a workbook that another program keeps changing, before giving up


MAIN = NS["m"]

# Schema order of <workbook> children that may precede <definedNames>.
_BEFORE_NAMES = ("sheets", "functionGroups", "externalReferences")


# ---------------------------------------------------------------------------- public API

def write_sheets(path: str | os.PathLike[str], sheets: Sequence[SheetSpec], *,
                 output: str | os.PathLike[str] | None = None,
                 expect: Fingerprint | None | _Any = ANY) -> str:
    """Add each sheet to the workbook at ``path`` (or replace the sheet of that name).

    With ``output`` the result is written there and ``path`` is left alone. Returns the
    path written. Raises ``WriteError`` (nothing written) or ``WorkbookError``.

    ``expect``: the target as the caller read it (``replace.fingerprint``), when the
    sheets were built from that reading. If the target changed since, nothing is written
    and ``WorkbookChangedError`` tells the caller to read it again and rebuild them.
    Without it, the sheets are applied again to the new content (a few times at most).
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
    check_target(target, shown=written)
    with workbook_lock(target, shown=written):
        for attempt in range(ATTEMPTS):
            seen = fingerprint(target) if isinstance(expect, _Any) else expect
            with SafeZip(source) as z:
                entries = _Edit(z).with_sheets(sheets)
            try:
                commit(target, entries, shown=written, expect=seen)
                return written
            except WorkbookChangedError:
                # Changed by a program that takes no sopxl lock (Excel saving, a copy over
                # it): read it again and apply the same sheets to what it holds now.
                if not isinstance(expect, _Any) or attempt == ATTEMPTS - 1:
                    raise
    raise AssertionError("unreachable")


def new_workbook(path: str | os.PathLike[str], sheets: Sequence[SheetSpec]) -> None:
    """Write a fresh workbook made only of ``sheets`` (the first one is the active tab)."""
    shown = os.fspath(path)
    target = os.path.realpath(shown)
    _check_specs(sheets)
    if not sheets:
        raise WriteError("Buku kerja baru memerlukan sedikitnya satu lembar.", code="TULIS-LEMBAR",
                         path=shown, message_en="A new workbook needs at least one sheet.")
    check_target(target, shown=shown)
    styles, ids = fresh_styles()
    sheet_list: list[str] = []
    names: list[str] = []
    wb_rels: list[tuple[str, str, str]] = []
    overrides = [("xl/workbook.xml", CT_WORKBOOK), ("xl/styles.xml", CT_STYLES)]
    files: list[tuple[str, bytes]] = []
    for i, spec in enumerate(sheets):
        part = worksheet_part(spec, ids, selected=(i == 0))
        name = f"xl/worksheets/sheet{i + 1}.xml"
        files.append((name, part.xml))
        rels = part.rels_xml()
        if rels:
            files.append((rels_name(name), rels))
        sheet_list.append(f'<sheet name="{_attr(spec.name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>')
        wb_rels.append((f"rId{i + 1}", RT_WORKSHEET, f"worksheets/sheet{i + 1}.xml"))
        overrides.append((name, CT_WORKSHEET))
        for dn, ref, hidden in part.defined_names:
            hidden_attr = ' hidden="1"' if hidden else ""
            names.append(f'<definedName name="{dn}" localSheetId="{i}"{hidden_attr}>'
                         f'{_text(ref)}</definedName>')
    wb_rels.append((f"rId{len(sheets) + 1}", RT_STYLES, "styles.xml"))
    workbook = (f'{XML_DECL.decode()}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews>'
                f'<workbookView activeTab="0"/></bookViews><sheets>{"".join(sheet_list)}</sheets>'
                + (f'<definedNames>{"".join(names)}</definedNames>' if names else "")
                + "</workbook>")
    parts = [(CONTENT_TYPES, fresh_content_types(overrides)),
             ("_rels/.rels", relationships_xml([("rId1", RT_DOCUMENT, "xl/workbook.xml")])),
             ("xl/workbook.xml", workbook.encode()),
             ("xl/_rels/workbook.xml.rels", relationships_xml(wb_rels)),
             ("xl/styles.xml", styles), *files]
    # A register of tens of thousands of rows: the fastest deflate level costs a few per cent
    # in size and saves a quarter of a second.
    entries = [Entry(new_info(name), data, level=1) for name, data in parts]
    commit(target, entries, shown=shown)


# The targets checked by _check_target, as they were then (see _commit).
_checked: dict[str, Fingerprint | None] = {}


def _check_target(target: str, *, shown: str) -> None:
    """``check_target`` for a writer that reads the package after this call and then
    calls ``_commit``: the target is remembered as it is now, and ``_commit`` writes
    nothing if another program changed it in between (``WorkbookChangedError``)."""
    check_target(target, shown=shown)
    _checked[target] = fingerprint(target)


def _commit(target: str, entries: list[Entry], *, shown: str) -> None:
    """``commit``, refusing when the target changed since ``_check_target`` saw it."""
    commit(target, entries, shown=shown, expect=_checked.pop(target, ANY))


# ---------------------------------------------------------------------------- the package edit

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

    def with_sheets(self, specs: Sequence[SheetSpec]) -> list[Entry]:
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
        self.wb_rels_name = rels_name(self.workbook)
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
        rels_xml, part_rels = part.rels_xml(), rels_name(part_name)
        if rels_xml is not None:
            self.changed[part_rels] = rels_xml
        elif self.z.has(part_rels):
            self.removed.add(part_rels)
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
        rid = unique_id({r.get("Id", "") for r in self.wb_rels})
        sheet_id = max((int(s.get("sheetId", "0")) for s in sheet_els), default=0) + 1
        el = etree.SubElement(self.sheets_el, f"{{{MAIN}}}sheet", nsmap={"r": REL})
        el.set("name", spec.name)
        el.set("sheetId", str(sheet_id))
        el.set(f"{{{REL}}}id", rid)
        add_relationship(self.wb_rels, rid, RT_WORKSHEET, posixpath.relpath(part_name, self.wb_dir or "."))
        self.rels[rid] = (RT_WORKSHEET, part_name)
        set_override(self.types, part_name, CT_WORKSHEET)
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
            rel_el = find_rel(self.wb_rels, rid)
            rel_el.set("Type", RT_WORKSHEET)
            rel_el.set("Target", posixpath.relpath(part_name, self.wb_dir or "."))
            set_override(self.types, part_name, CT_WORKSHEET)
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
        self.changed[self.workbook] = xml_bytes(self.wb)
        self.changed[self.wb_rels_name] = xml_bytes(self.wb_rels)
        self._update_app()
        self.changed[CONTENT_TYPES] = xml_bytes(self.types)

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
            if not self._taken(name) and not self._taken(rels_name(name)):
                self.new_parts.append(name)
                return name
            n += 1

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
        add_relationship(self.wb_rels, unique_id({r.get("Id", "") for r in self.wb_rels}), RT_STYLES,
                         "styles.xml")
        set_override(self.types, part, CT_STYLES)
        return ids

    def _drop_unreachable(self) -> None:
        """Remove the parts that only the replaced sheets reached (their drawings, comments…)."""
        replaced = self.replaced
        before = rel_graph(self.z)
        after = {k: set(v) for k, v in before.items()}
        for r in replaced:
            after[r.old_part] = set()
            after[r.new_part] = set()
            wb_edges = after.setdefault(self.workbook, set())
            wb_edges.discard(r.old_part)
            wb_edges.add(r.new_part)
        gone = (reachable(before) - reachable(after)) | {r.old_part for r in replaced
                                                           if r.old_part != r.new_part}
        for r in replaced:
            if self.z.has(rels_name(r.old_part)) and rels_name(r.old_part) not in self.changed:
                self.removed.add(rels_name(r.old_part))
        for part in gone:
            if self.z.has(part):
                self.removed.add(part)
            if self.z.has(rels_name(part)):
                self.removed.add(rels_name(part))
        forget_overrides(self.types, self.removed)

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
            self.changed[part] = xml_bytes(root)
            return
        self.removed.add(part)
        self.wb_rels.remove(find_rel(self.wb_rels, rid))
        forget_overrides(self.types, self.removed)

    def _update_app(self) -> None:
        found = app_titles(self.z, self.worksheet_names, self.renamed, self.added)
        if found is not None:
            self.changed[found[0]] = found[1]

    # -- the new zip ---------------------------------------------------------------------

    def _entries(self) -> list[Entry]:
        return edited_entries(self.z, self.changed, self.removed)


# ---------------------------------------------------------------------------- helpers

def _check_specs(sheets: Sequence[SheetSpec]) -> None:
    seen: set[str] = set()
    for spec in sheets:
        name = check_sheet_name(spec.name)
        if name.lower() in seen:
            raise WriteError(f"Nama lembar {name!r} dipakai dua kali.", code="TULIS-NAMA-LEMBAR",
                             sheet=name, message_en=f"Sheet name {name!r} is used twice.")
        seen.add(name.lower())


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


