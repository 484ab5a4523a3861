"""One SOP AP sheet in the layout of Permenpan RB 35/2012, empty (a template) or filled.

The sheet from top to bottom, as offices draft it::

    identity   logo / instansi / unit (left, merged)  |  Nomor SOP … Nama SOP: label | value
    boxes      Dasar Hukum | Kualifikasi Pelaksana     label over a tall value, two a row
               Keterkaitan | Peralatan/Perlengkapan
               Peringatan  | Pencatatan dan Pendataan
    matrix     (URAIAN PROSEDUR …)  (A. section title)
               No | Kegiatan | PELAKSANA: roles | MUTU BAKU: Kelengkapan Waktu Output | Keterangan
               1    2          3 …                                                       n
               one row a step: typing help on role, Waktu and Keterangan cells
    signature  under the matrix, at the right

openpyxl counts rows and columns from 1, so this module does too; it is the only one that
talks to openpyxl about a sheet's cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.formatting.rule import Rule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from . import style as st
from .print_setup import apply_print_setup, page_capacity

IDENTITY = [("nomor", "Nomor SOP"), ("tanggal_pembuatan", "Tanggal Pembuatan"),
            ("tanggal_revisi", "Tanggal Revisi"), ("tanggal_efektif", "Tanggal Efektif"),
            ("disahkan_oleh", "Disahkan Oleh"), ("nama", "Nama SOP")]
BOXES = [("dasar_hukum", "Dasar Hukum"), ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
         ("keterkaitan", "Keterkaitan"), ("peralatan_perlengkapan", "Peralatan/Perlengkapan"),
         ("peringatan", "Peringatan"), ("pencatatan_pendataan", "Pencatatan dan Pendataan")]

# The markers offered in every role cell, one per symbol of the regulation, each the first
# word markers.json lists for its kind (a test keeps the two in step).
MARKERS = ["Mulai", "Proses", "Keputusan", "Selesai", "Penghubung", "√"]
WAKTU_FORMS = ["15 menit", "2 jam", "1 hari", "3 - 5 jam"]
BRANCH_EXAMPLE = "Ya: 5; Tidak: 3"

WIDTHS = {"no": 5.5, "kegiatan": 42.0, "role": 12.5, "kelengkapan": 21.0, "waktu": 11.0,
          "output": 21.0, "keterangan": 18.0}
STEP_HEIGHT = 27.0  # an empty step row: room for a marker and two lines of text
# Where guide.py writes the role list: under the calendar, the Kertas row and a blank row.
ROLES_FIRST_ROW = 11
ROLE_RANGE_SETTINGS = f"Pengaturan!$A${ROLES_FIRST_ROW}:$A${ROLES_FIRST_ROW + 31}"

_PROMPTS_IDENTITY = {
    "nomor": "Nomor menurut tata naskah dinas unit kerja, mis. 065/SOP/417.112/02.",
    "tanggal_pembuatan": "Tanggal SOP selesai disusun, mis. 13-03-2018 atau 2 Juni 2025.",
    "tanggal_revisi": "Tanggal revisi, atau tanggal rencana peninjauan. Boleh '-' bila belum ada.",
    "tanggal_efektif": "Tanggal SOP mulai berlaku (biasanya tanggal pengesahan).",
    "disahkan_oleh": "Jabatan pengesah, ruang tanda tangan, nama, pangkat dan NIP (Alt+Enter untuk "
                     "baris baru).",
    "nama": "Judul SOP, mis. Penyusunan Standar Kompetensi Jabatan.",
}


@dataclass
class SectionSpec:
    """One part of the matrix: its own title and roles (e.g. "A. PERENCANAAN")."""

    title: str | None
    roles: list[str]
    steps: list[dict[str, Any]] = field(default_factory=list)  # contoh.json "langkah" items
    blank_rows: int = 0


@dataclass
class SopSpec:
    """What one sheet shows; a template is a spec with empty texts and blank step rows."""

    sheet: str
    instansi: str = ""
    unit: str = ""
    identity: dict[str, str] = field(default_factory=dict)
    boxes: dict[str, str] = field(default_factory=dict)
    uraian: str | None = None
    sections: list[SectionSpec] = field(default_factory=list)
    # (lines above the signing space, name, lines under it); None: no signature block.
    signature: tuple[list[str], str, list[str]] | None = None
    blank: bool = False

    @classmethod
    def empty(cls, sheet: str, roles: list[str], steps: int) -> SopSpec:
        return cls(sheet=sheet, sections=[SectionSpec(None, list(roles), blank_rows=steps)],
                   signature=(["……………, …………………… 20……", "Jabatan pengesah,"], "Nama Lengkap",
                              ["NIP. ……………………………"]),
                   blank=True)

    @classmethod
    def from_contoh(cls, data: dict[str, Any]) -> SopSpec:
        sections = [SectionSpec(b.get("judul"), list(b["pelaksana"]), list(b["langkah"]))
                    for b in data["bagian"]]
        signature: tuple[list[str], str, list[str]] | None = None
        lines = data.get("penandatangan") or []
        if lines:
            signature = (list(lines[:-1]), lines[-1], [])
        return cls(sheet=data["sheet"], instansi=data.get("instansi", ""), unit=data.get("unit", ""),
                   identity=dict(data.get("identitas", {})), boxes=dict(data.get("kotak", {})),
                   uraian=data.get("uraian"), sections=sections, signature=signature)


@dataclass
class Placed:
    """Where things landed on a sheet (1-based rows and columns), for tests and callers."""

    sheet: str
    columns: dict[str, int]
    role_cols: list[int]
    identity: dict[str, str] = field(default_factory=dict)  # field -> A1 of its value cell
    boxes: dict[str, str] = field(default_factory=dict)
    instansi: str = ""
    headers: list[int] = field(default_factory=list)  # top row of each matrix header
    step_rows: list[list[int]] = field(default_factory=list)  # per section
    role_ranges: list[str] = field(default_factory=list)  # per section, the role cells
    signature_row: int | None = None
    last_row: int = 0

    @property
    def last_col(self) -> int:
        return self.columns["keterangan"]


# ---------------------------------------------------------------------------------------------
# Cells


def _a1(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def _put(ws: Worksheet, row: int, col: int, value: Any, font=st.BODY, align=st.TOP_LEFT,
         fill=None, border=True, row2: int | None = None, col2: int | None = None) -> None:
    """Write a value with its style; a range is merged and every cell in it is styled, so the
    borders of merged cells print in Excel and LibreOffice alike."""
    row2, col2 = row2 or row, col2 or col
    if (row2, col2) != (row, col):
        ws.merge_cells(start_row=row, start_column=col, end_row=row2, end_column=col2)
    for r in range(row, row2 + 1):
        for c in range(col, col2 + 1):
            cell = ws.cell(r, c)
            cell.font, cell.alignment = font, align
            if border:
                cell.border = st.BOX
            if fill is not None:
                cell.fill = fill
    if value not in (None, ""):
        ws.cell(row, col).value = value


def _width(widths: list[float], c1: int, c2: int) -> float:
    return sum(widths[c1 - 1:c2])


def _split_at(widths: list[float], fraction: float, start: int = 1) -> int:
    """The first column (1-based, from ``start``) where the running width reaches ``fraction``."""
    total, run = sum(widths), 0.0
    for i, w in enumerate(widths, 1):
        run += w
        if i >= start and run >= fraction * total:
            return i
    return len(widths)


# ---------------------------------------------------------------------------------------------
# The sheet


class _Pager:
    """Plans page breaks on a sheet whose sections have headers of their own, where one set of
    print titles cannot serve: a section that runs over a page gets its header again at the
    top of the next, as offices repeat it by hand (the validator reads it as a continuation)."""

    def __init__(self, ws: Worksheet, capacity: float):
        self.ws, self.capacity, self.start = ws, capacity, 1

    def fits(self, row: int, need: float) -> bool:
        used = sum(self.ws.row_dimensions[r].height or 15 for r in range(self.start, row))
        return used + need <= self.capacity

    def break_before(self, row: int) -> None:
        self.ws.row_breaks.append(Break(id=row - 1))
        self.start = row


def write_sop_sheet(ws: Worksheet, spec: SopSpec, paper: str) -> Placed:
    n_roles = max(len(s.roles) for s in spec.sections)
    names = ["no", "kegiatan", *["role"] * n_roles, "kelengkapan", "waktu", "output", "keterangan"]
    widths = [WIDTHS[n] for n in names]
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    columns = {"no": 1, "kegiatan": 2, "kelengkapan": 3 + n_roles, "waktu": 4 + n_roles,
               "output": 5 + n_roles, "keterangan": 6 + n_roles}
    placed = Placed(spec.sheet, columns, list(range(3, 3 + n_roles)))
    prompts: list[tuple[str, str, str]] = []  # (A1 range, title, text)
    single = len(spec.sections) == 1
    pager = None if single else _Pager(ws, page_capacity(paper, widths))

    row = _identity(ws, spec, widths, placed, prompts)
    row = _boxes(ws, spec, widths, row, placed)
    ws.row_dimensions[row].height = 9  # a little air between the boxes and the matrix
    row += 1
    last = len(widths)
    if spec.uraian:
        _put(ws, row, 1, spec.uraian, font=st.BOLD, align=st.CENTER, border=False, col2=last)
        ws.row_dimensions[row].height = 18
        row += 1
    for i, sec in enumerate(spec.sections):
        spans = _role_spans(sec, placed.role_cols)
        first = _step_height(sec.steps[0] if sec.steps else None, widths, columns)
        need = (9 if i else 0) + (18 if sec.title else 0) + _header_height(sec, spans, widths) + first
        if pager is not None and not pager.fits(row, need):
            pager.break_before(row)
        elif i:
            ws.row_dimensions[row].height = 9
            row += 1
        if sec.title:
            _put(ws, row, 1, sec.title, font=st.BOLD, align=st.MIDDLE_LEFT, border=False, col2=last)
            ws.row_dimensions[row].height = 18
            row += 1
        placed.headers.append(row)
        row = _header(ws, sec, spans, widths, row, columns)
        rows: list[int] = []
        for step in [*sec.steps, *[None] * sec.blank_rows]:
            height = _step_height(step, widths, columns)
            if pager is not None and not pager.fits(row, height):
                pager.break_before(row)
                row = _header(ws, sec, spans, widths, row, columns)
            _step_row(ws, row, sec, step, spans, columns, height)
            rows.append(row)
            row += 1
        placed.step_rows.append(rows)
    if spec.signature is not None:
        row += 1
        above, _name, below = spec.signature
        if pager is not None and not pager.fits(row, 15 * (len(above) + len(below) + 1) + 54):
            pager.break_before(row)
        row = _signature(ws, spec.signature, columns["kelengkapan"], last, row, placed)
    placed.last_row = row - 1
    placed.role_ranges = [f"{_a1(r1, placed.role_cols[0])}:{_a1(r2, placed.role_cols[-1])}"
                          for r1, r2 in _runs([r for rows in placed.step_rows for r in rows])]

    _typing_help(ws, placed, prompts)
    _marker_formats(ws, placed)
    titles = (placed.headers[0], placed.headers[0] + 2) if single else None
    apply_print_setup(ws, paper, placed.last_row, last, titles)
    return placed


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """[5, 6, 7, 10, 11] -> [(5, 7), (10, 11)]: the step rows between repeated headers."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


def _identity(ws: Worksheet, spec: SopSpec, widths: list[float], placed: Placed,
              prompts: list[tuple[str, str, str]]) -> int:
    left_end = _split_at(widths, 0.30, start=2)
    label_end = _split_at(widths, 0.46, start=left_end + 1)
    while _width(widths, left_end + 1, label_end) < 18 and label_end < len(widths) - 1:
        label_end += 1
    last = len(widths)
    label_w, value_w, left_w = (_width(widths, left_end + 1, label_end),
                                _width(widths, label_end + 1, last), _width(widths, 1, left_end))
    heights = []
    for i, (name, label) in enumerate(IDENTITY, 1):
        value = spec.identity.get(name, "")
        _put(ws, i, left_end + 1, label, font=st.BOLD, align=st.MIDDLE_LEFT, fill=st.LABEL_FILL,
             col2=label_end)
        bold = name == "nama"
        align = st.TOP_LEFT if name == "disahkan_oleh" else st.MIDDLE_LEFT
        _put(ws, i, label_end + 1, value, font=st.BOLD if bold else st.BODY, align=align,
             col2=last)
        placed.identity[name] = _a1(i, label_end + 1)
        minimum = 20.0 if spec.blank else 17.0
        if name == "disahkan_oleh" and spec.blank:
            minimum = 62.0  # room for a signature and stamp
        heights.append(st.height_for([(value, value_w), (label, label_w)], minimum, bold=True))
        if spec.blank:
            prompts.append((placed.identity[name], label, _PROMPTS_IDENTITY[name]))

    # Left: the logo on top, the instansi under it, the unit (Bagian/Bidang) at the bottom.
    inst_rows = (4, 5) if spec.unit or spec.blank else (4, 6)
    inst_font = st.BOLD
    _put(ws, 1, 1, None, align=st.CENTER, row2=3, col2=left_end)
    _put(ws, inst_rows[0], 1, spec.instansi, font=inst_font, align=st.CENTER, row2=inst_rows[1],
         col2=left_end)
    placed.instansi = _a1(inst_rows[0], 1)
    if inst_rows[1] == 5:
        _put(ws, 6, 1, spec.unit, font=st.BOLD, align=st.CENTER, col2=left_end)
    if spec.blank:
        prompts.append(("A1", "Logo", "Tempel logo instansi di kotak ini (Sisipkan > Gambar)."))
        prompts.append((placed.instansi, "Instansi", "Nama instansi dan unit, mis. PEMERINTAH KOTA "
                        "MOJOKERTO SEKRETARIAT DAERAH."))
        prompts.append(("A6", "Unit kerja", "Nama unit kerja pemilik SOP, mis. BAGIAN ORGANISASI."))
    # Grow the rows under the left block when its texts need more room than the right side.
    need_inst = st.height_for([(spec.instansi, left_w)], 17.0, bold=True)
    have = sum(heights[inst_rows[0] - 1:inst_rows[1]])
    if need_inst > have:
        heights[inst_rows[1] - 1] += need_inst - have
    if spec.unit:
        heights[5] = max(heights[5], st.height_for([(spec.unit, left_w)], 17.0, bold=True))
    logo = sum(heights[:3])
    if logo < 54:
        for i in range(3):
            heights[i] += (54 - logo) / 3
    for i, h in enumerate(heights, 1):
        ws.row_dimensions[i].height = round(h, 1)
    return len(IDENTITY) + 1


def _boxes(ws: Worksheet, spec: SopSpec, widths: list[float], row: int, placed: Placed) -> int:
    mid = _split_at(widths, 0.5, start=2)
    last = len(widths)
    spans = [(1, mid), (mid + 1, last)]
    for pair in (BOXES[0:2], BOXES[2:4], BOXES[4:6]):
        texts = []
        for (name, label), (c1, c2) in zip(pair, spans):
            value = spec.boxes.get(name, "")
            _put(ws, row, c1, label, font=st.BOLD, align=st.MIDDLE_LEFT, fill=st.LABEL_FILL, col2=c2)
            _put(ws, row + 1, c1, value, col2=c2)
            placed.boxes[name] = _a1(row + 1, c1)
            texts.append((value, _width(widths, c1, c2)))
        ws.row_dimensions[row].height = 17
        ws.row_dimensions[row + 1].height = st.height_for(texts, 66.0 if spec.blank else 30.0)
        row += 2
    return row


def _role_spans(sec: SectionSpec, role_cols: list[int]) -> list[tuple[int, int]]:
    """The columns of each role; a section with fewer roles than the sheet has role columns
    gives its last role the spare ones (merged), so the mutu baku columns stay aligned."""
    k = len(sec.roles)
    spans = [(role_cols[i], role_cols[i]) for i in range(k - 1)]
    spans.append((role_cols[k - 1], role_cols[-1]))
    return spans


def _header_height(sec: SectionSpec, spans: list[tuple[int, int]], widths: list[float]) -> float:
    sub = st.height_for([(r, _width(widths, c1, c2)) for r, (c1, c2) in zip(sec.roles, spans)], 17.0,
                       bold=True)
    return 17 + sub + 13


def _header(ws: Worksheet, sec: SectionSpec, spans: list[tuple[int, int]], widths: list[float],
            top: int, cols: dict[str, int]) -> int:
    """The two header rows and the column-number row; returns the row after them."""
    sub, nums = top + 1, top + 2
    role_first, role_last = spans[0][0], spans[-1][1]
    hdr = dict(font=st.BOLD, align=st.CENTER, fill=st.HEADER_FILL)
    _put(ws, top, cols["no"], "No", row2=sub, **hdr)
    _put(ws, top, cols["kegiatan"], "Kegiatan", row2=sub, **hdr)
    _put(ws, top, role_first, "PELAKSANA", col2=role_last, **hdr)
    _put(ws, top, cols["kelengkapan"], "MUTU BAKU", col2=cols["output"], **hdr)
    _put(ws, top, cols["keterangan"], "Keterangan", row2=sub, **hdr)
    for name, (c1, c2) in zip(sec.roles, spans):
        _put(ws, sub, c1, name, col2=c2, **hdr)
    for name, label in (("kelengkapan", "Kelengkapan"), ("waktu", "Waktu"), ("output", "Output")):
        _put(ws, sub, cols[name], label, **hdr)
    ws.row_dimensions[top].height = 17
    ws.row_dimensions[sub].height = _header_height(sec, spans, widths) - 30
    number = 1
    for c1, c2 in [(cols["no"], cols["no"]), (cols["kegiatan"], cols["kegiatan"]), *spans,
                   *[(cols[n], cols[n]) for n in ("kelengkapan", "waktu", "output", "keterangan")]]:
        _put(ws, nums, c1, number, font=st.SMALL, align=st.CENTER, fill=st.NUMBER_FILL, col2=c2)
        number += 1
    ws.row_dimensions[nums].height = 13
    return nums + 1


def _step_height(step: dict[str, Any] | None, widths: list[float], cols: dict[str, int]) -> float:
    if not step:
        return STEP_HEIGHT
    texts = [(step.get(n) or "", widths[cols[n] - 1]) for n in
             ("kegiatan", "kelengkapan", "output", "keterangan")]
    return st.height_for(texts, 26.0)


def _step_row(ws: Worksheet, row: int, sec: SectionSpec, step: dict[str, Any] | None,
              spans: list[tuple[int, int]], cols: dict[str, int], height: float) -> None:
    step = step or {}
    _put(ws, row, cols["no"], step.get("no"), align=st.TOP_CENTER)
    _put(ws, row, cols["kegiatan"], step.get("kegiatan"))
    acting = set(step.get("pelaksana", []))
    for name, (c1, c2) in zip(sec.roles, spans):
        marker = step.get("simbol", "√") if name in acting else None
        _put(ws, row, c1, marker, font=st.BOLD, align=st.CENTER, col2=c2)
    _put(ws, row, cols["kelengkapan"], step.get("kelengkapan"))
    _put(ws, row, cols["waktu"], step.get("waktu"), align=st.TOP_CENTER)
    _put(ws, row, cols["output"], step.get("output"))
    _put(ws, row, cols["keterangan"], step.get("keterangan"))
    ws.row_dimensions[row].height = height


def _signature(ws: Worksheet, sig: tuple[list[str], str, list[str]], c1: int, c2: int, row: int,
               placed: Placed) -> int:
    above, name, below = sig
    placed.signature_row = row
    for line in above:
        _put(ws, row, c1, line, font=st.BOLD, align=st.CENTER, border=False, col2=c2)
        row += 1
    ws.row_dimensions[row].height = 54  # the signing space
    row += 1
    _put(ws, row, c1, name, font=st.BOLD_UNDERLINED, align=st.CENTER, border=False, col2=c2)
    row += 1
    for line in below:
        _put(ws, row, c1, line, align=st.CENTER, border=False, col2=c2)
        row += 1
    return row


# ---------------------------------------------------------------------------------------------
# Help while typing


def _typing_help(ws: Worksheet, placed: Placed, prompts: list[tuple[str, str, str]]) -> None:
    cols = placed.columns
    markers = DataValidation(type="list", formula1='"' + ",".join(MARKERS) + '"', allow_blank=True,
                             showErrorMessage=False)
    markers.sqref = _ranges(placed.role_ranges)
    waktu = DataValidation(allow_blank=True, showInputMessage=True, promptTitle="Waktu",
                           prompt="Tulis angka dan satuan, mis. " + "; ".join(
                               f'"{w}"' for w in WAKTU_FORMS) + ". Hari = hari kerja.")
    ket = DataValidation(allow_blank=True, showInputMessage=True, promptTitle="Keterangan",
                         prompt=f'Untuk Keputusan: {BRANCH_EXAMPLE} (label cabang dan nomor langkah '
                                'tujuannya).')
    runs = _runs([r for rows in placed.step_rows for r in rows])
    waktu_ranges = [f"{_a1(r1, cols['waktu'])}:{_a1(r2, cols['waktu'])}" for r1, r2 in runs]
    ket_ranges = [f"{_a1(r1, cols['keterangan'])}:{_a1(r2, cols['keterangan'])}" for r1, r2 in runs]
    waktu.sqref = _ranges(waktu_ranges)
    ket.sqref = _ranges(ket_ranges)
    roles = DataValidation(type="list", formula1=ROLE_RANGE_SETTINGS, allow_blank=True,
                           showErrorMessage=False, showInputMessage=True, promptTitle="Pelaksana",
                           prompt="Pilih jabatan dari daftar di lembar Pengaturan, atau ketik nama lain.")
    roles.sqref = _ranges([f"{_a1(top + 1, placed.role_cols[0])}:{_a1(top + 1, placed.role_cols[-1])}"
                           for top in placed.headers])
    for dv in (markers, waktu, ket, roles):
        if str(dv.sqref):
            ws.add_data_validation(dv)
    for ref, title, text in prompts:
        dv = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=title[:32],
                            prompt=text[:255])
        dv.sqref = _ranges([ref])
        ws.add_data_validation(dv)


def _ranges(refs: list[str]):
    from openpyxl.worksheet.cell_range import MultiCellRange

    return MultiCellRange(" ".join(refs))


def _marker_formats(ws: Worksheet, placed: Placed) -> None:
    """Style a typed marker by its kind; the first rule that matches wins, in Excel (stopIfTrue)
    and in LibreOffice (which always stops at the first)."""
    for ref in placed.role_ranges:
        corner = ref.split(":")[0]
        t = f"TRIM({corner})"
        formulas = [
            ("terminator", f'OR({t}="Mulai",{t}="Selesai")'),
            ("decision", f'OR({t}="Keputusan",{t}="◇",{t}="◆")'),
            ("offpage", f'{t}="Penghubung"'),
            ("process", f"LEN({t})>0"),
        ]
        for kind, formula in formulas:
            rule = Rule(type="expression", dxf=st.marker_style(kind), stopIfTrue=True)
            rule.formula = [formula]
            ws.conditional_formatting.add(ref, rule)
