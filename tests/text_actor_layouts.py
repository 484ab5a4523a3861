"""Workbooks whose Pelaksana is typed as a name in one column (madrasah pages under Kemenag).

``No | Kegiatan | Pelaksana | Waktu | Keterangan``, one row per step; prose lines merged over
the page's width between and after the tables ("Persyaratan:", "Waktu Penyelesaian: …").
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from real_layouts import put, save

HEADER = ["No", "Kegiatan", "Pelaksana", "Waktu", "Keterangan"]
IDENTITY = [
    ["Kode SOP", None, "SOP/AKD/001"],
    ["Tanggal Pembuatan", None, "2 Januari 2025"],
    ["Disahkan oleh", None, "Kepala Madrasah"],
    ["Nama Prosedur", None, "Pelayanan Surat Keterangan"],
]


def _prose(ws, row: int, text: str) -> None:
    ws.cell(row, 1, text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)


def _sheet(path: Path, body: list[str | list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP Madrasah"
    row = put(ws, 1, IDENTITY) + 1
    for line in body:
        if isinstance(line, str):
            _prose(ws, row, line)
        else:
            put(ws, row, [line])
        row += 1
    return save(wb, path)


def two_tables(path: Path) -> Path:
    """Table A (3 steps), prose, a sub-service that only refers to A, table C numbered again
    from 1, then notes, a register table with a sample row, and the signature."""
    return _sheet(path, [
        "A. SURAT KETERANGAN AKTIF",                         # row 6
        "Persyaratan:",
        "1. Fotokopi kartu pelajar",
        "Prosedur:",
        HEADER,                                             # row 10
        [1, "Mengisi formulir permohonan", "Pemohon", "10 menit", "-"],
        [2, "Memeriksa data siswa", "Staf TU", "15 menit", "Cek buku induk"],
        [3, "Menandatangani surat", "Kepala Madrasah", "1 hari", "-"],
        "Waktu Penyelesaian: 1-2 hari kerja",              # row 14
        "Biaya: GRATIS",
        "B. SURAT KETERANGAN PINDAH",
        "Prosedur:",
        "Sama dengan prosedur surat keterangan aktif (poin A)",
        "C. SURAT REKOMENDASI",
        "Prosedur:",
        HEADER,                                             # row 21
        [1, "Mengajukan permohonan", "Siswa", "5 menit", "-"],
        [2, "Memberi persetujuan", "Wali Kelas", "5 menit", "Paraf formulir"],
        "Waktu Penyelesaian: 1 hari kerja",                # row 24
        "Catatan:",
        "- Pengambilan pada hari berikutnya",
        ["No", "Tanggal", "Nama Pemohon", "Jenis", "Jumlah"],
        [1, "03/01/2025", "Ahmad Fauzi", "Aktif", "1 lembar"],
        "Ditetapkan di: Pandeglang",
        "NIP. 197006032000031002",
    ])


def decision_as_step(path: Path, note_under_branch: bool = False) -> Path:
    """A decision typed as a step ("Status OK?") with its branch on a row of its own under it
    ("↓ YA"), and a step whose list goes on over unnumbered rows. ``note_under_branch``: one
    more unnumbered line of the decision under the branch row."""
    return _sheet(path, [
        "PROSEDUR PEMINJAMAN",
        HEADER,                                             # row 7
        [1, "Menunjukkan kartu anggota", "Peminjam", "1 menit", "-"],
        [2, "Status OK?", "Pustakawan", "2 menit", "Jika ada masalah, tidak boleh pinjam"],
        [None, "↓ YA"],                                     # row 10
        *([[None, None, None, None, "Cek tunggakan"]] if note_under_branch else []),
        [3, "Sistem mencatat:", "Pustakawan", "1 menit", "-"],
        [None, "- Nomor anggota"],
        [None, "- Tanggal pinjam"],
        [4, "Penyerahan buku ke peminjam", "Pustakawan", "1 menit", "Selamat membaca!"],
        "Total Waktu: 5 menit",
    ])


def one_role_one_column(path: Path) -> Path:
    """The Permenpan layout with a single role: a one-cell PELAKSANA over the role's name on
    the second header row, a column-number row, then symbols. Not names as text."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP"
    top = put(ws, 1, IDENTITY) + 1
    put(ws, top, [
        ["No", "Kegiatan", "Pelaksana", "Mutu Baku", None, None, "Keterangan"],
        [None, None, "Operator", "Kelengkapan", "Waktu", "Output", None],
        [1, 2, 3, 4, 5, 6, 7],
        [1, "Menerima berkas", "Mulai", "Berkas", "5 menit", "Berkas diterima", None],
        [2, "Mengarsipkan berkas", "Selesai", "Map", "10 menit", "Arsip", None],
    ])
    ws.merge_cells(start_row=top, start_column=4, end_row=top, end_column=6)
    return save(wb, path)
