"""The SOP page MTs Negeri 1 Pandeglang (a madrasah under Kemenag, Banten) writes for each service.

The madrasah publishes its SOPs for Zona Integritas as Markdown pages in GitHub repository
zulfikriyahya/zona-integritas (``penataan-tata-laksana/file-sop-madrasah/*.md``, listed in
``daftar-inventaris-sop-layanan-madrasah.md`` as "Berlaku" from 02/01/2025). Every page has the
same shape, top to bottom: the service's name as a title; a two-column identity table (Kode SOP,
Tanggal Pembuatan, Tanggal Revisi "-", Tanggal Efektif, Disahkan oleh, Nama Prosedur, Dasar
Hukum); numbered prose sections (1. TUJUAN, 2. RUANG LINGKUP, 3. DEFINISI, 4. PENANGGUNG
JAWAB …); then one or more procedure tables **No | Kegiatan | Pelaksana | Waktu | Keterangan**
in which the actor of each step is written as text in the Pelaksana column — there is no
role-per-column matrix and no drawn symbol — each table under a lettered sub-heading with
"Persyaratan:" and "Prosedur:", and followed by "Waktu Penyelesaian: … hari kerja" and
"Biaya: GRATIS"; more numbered sections (ketentuan, penolakan, jam pelayanan, a register table
with sample rows); and at the very end the signature block "Ditetapkan di: Pandeglang / Pada
Tanggal: 2 Januari 2025 / Kepala MTs Negeri 1 Pandeglang / name / NIP".

In the workbook the page is one sheet read top to bottom, one row per line or table row:
identity labels merged over A:B with the value merged over C:E; prose in column A merged
A:E; table rows from column A exactly as the columns of the Markdown table (A-E for a
procedure table, A-H for the eight-column register table).
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus.builder import Sheet

SIGNATURE = [
    "Ditetapkan di: Pandeglang",
    "Pada Tanggal: 2 Januari 2025",
    "Kepala MTs Negeri 1 Pandeglang",
    "H. EMAN SULAIMAN, S.Ag., M.Pd.",
    "NIP. 197006032000031002",
]

# A body line is a str (prose merged A:E) or a tuple (the cells of a table row from column A).
Line = str | tuple[object, ...]


def mtsn_sheet(
    name: str, *, title: str, identity: Sequence[tuple[str, str]], body: Sequence[Line]
) -> Sheet:
    """The page as one sheet: title, identity table, then ``body`` and the signature block."""
    out: dict[str, object] = {"A1": title}
    merges = ["A1:E1"]
    heights: dict[int, float] = {}
    row = 3
    for label, value in identity:
        out[f"A{row}"], out[f"C{row}"] = label, value
        merges += [f"A{row}:B{row}", f"C{row}:E{row}"]
        row += 1
    row += 1
    for line in [*body, "", *SIGNATURE]:
        if isinstance(line, str):
            if line:
                out[f"A{row}"] = line
                merges.append(f"A{row}:E{row}")
        else:
            for col, value in zip("ABCDEFGH", line):
                if value is not None:
                    out[f"{col}{row}"] = value
            text = str(line[1]) if len(line) > 1 and line[1] is not None else ""
            heights[row] = 15.0 * (text.count("\n") + 1)
        row += 1
    return Sheet(
        name,
        cells=out,
        merges=merges,
        widths={"A": 6, "B": 52, "C": 17, "D": 13, "E": 30, "F": 18, "G": 12, "H": 14},
        heights=heights,
    )


HEADER = ("No", "Kegiatan", "Pelaksana", "Waktu", "Keterangan")
