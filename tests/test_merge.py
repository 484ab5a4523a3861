"""``sopxl merge``: a tree of Bagian folders in, one register out, row by row.

The tree (built by ``office_tree``) is what a Bagian Organisasi collects::

    SOP/
      Bagian Organisasi/  sop_organisasi.xlsx (SOP 01: instansi names the Bagian; SOP 02: the
                          Mojokerto seed, two sections, its instansi names none -> folder),
                          ~$sop_organisasi.xlsx (Excel's lock file: skipped)
      Bagian Hukum/       sop_hukum.xlsx (same Nomor as SOP 01; Keterkaitan by Nomor and by a
                          misspelt Nama), lama.xls (old format), rahasia.xlsx (password: OLE2)
      Bagian Umum/        surat.xlsx ("Pengiriman Surat"), surat_lama.xlsx ("PENGIRIMAN SURAT":
                          the same Nama), anggaran.xlsx (no SOP), rusak.xlsx (broken zip),
                          .tersembunyi.xlsx (hidden), catatan.txt
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from sopxl import merge
from sopxl.cli import run

sys.path.insert(0, str(Path(__file__).resolve().parent))
import merge_builders as mb  # noqa: E402

INSTANSI = "PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH"
SHEETS = ["Daftar SOP", "Temuan", "Beban Pelaksana", "Total Pelaksana", "Keterkaitan", "Berkas Bermasalah"]


def full(k: int, **changes):
    """A seed SOP with its dates and approver filled in (first section only unless told)."""
    base = dict(tanggal_pembuatan="13-03-2018", tanggal_revisi="01/13-03-2019", tanggal_efektif="2 Juni 2025",
                disahkan_oleh="Sekretaris Daerah", sections=1)
    base.update(changes)
    return mb.sop(k, **base)


def office_tree(root: Path) -> Path:
    org, hukum, umum = root / "Bagian Organisasi", root / "Bagian Hukum", root / "Bagian Umum"
    mb.workbook(org / "sop_organisasi.xlsx", [
        full(0, sheet="SOP 01", instansi=f"{INSTANSI} BAGIAN ORGANISASI", nomor="065/SOP/417.112/01",
             nama="Penyusunan Informasi Jabatan",
             keterkaitan="1. SOP Pengiriman Surat\n2. SOP Pengelolaan Arsip Dinamis"),
        full(1, sheet="SOP 02", sections=2),
    ])
    mb.lock_file(org / "~$sop_organisasi.xlsx")
    mb.workbook(hukum / "sop_hukum.xlsx", [
        full(0, sheet="SOP Hukum", instansi=f"{INSTANSI} BAGIAN HUKUM", nomor="065/SOP/417.112/01",
             nama="Penyusunan Produk Hukum Daerah",
             keterkaitan="SOP Nomor 065/SOP/417.112/02; Prosedur Pengirman Surat")])
    mb.old_xls(hukum / "lama.xls")
    mb.encrypted(hukum / "rahasia.xlsx")
    mb.workbook(umum / "surat.xlsx", [
        full(0, sheet="SOP 1", instansi=f"{INSTANSI} BAGIAN UMUM", nomor="065/SOP/417.112/10",
             nama="Pengiriman Surat", keterkaitan="Tidak ada")])
    mb.workbook(umum / "surat_lama.xlsx", [
        full(0, sheet="SOP 1", instansi=f"{INSTANSI} BAGIAN UMUM", nomor="065/SOP/417.112/11",
             nama="PENGIRIMAN SURAT", keterkaitan="Tidak ada")])
    mb.not_sop(umum / "anggaran.xlsx")
    mb.broken(umum / "rusak.xlsx")
    (umum / ".tersembunyi.xlsx").write_bytes(b"hidden")
    (umum / "catatan.txt").write_text("bukan buku kerja", encoding="utf-8")
    return root


def P(*parts: str) -> str:
    """A path as the register shows it (the PATH argument joined with the path below it)."""
    return os.path.join("SOP", *parts)


ORG, HUKUM, UMUM = (P("Bagian Organisasi", "sop_organisasi.xlsx"), P("Bagian Hukum", "sop_hukum.xlsx"),
                    P("Bagian Umum", "surat.xlsx"))
UMUM_LAMA = P("Bagian Umum", "surat_lama.xlsx")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["merge", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def sheet_rows(path: Path | str, name: str) -> list[tuple]:
    wb = openpyxl.load_workbook(path)
    return [tuple(r) for r in wb[name].iter_rows(values_only=True)]


def records(path: Path | str, name: str) -> list[dict]:
    rows = sheet_rows(path, name)
    return [dict(zip(rows[0], r)) for r in rows[1:]]


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """The tree, merged once with --jobs 1 (register, CSV) and once with --jobs 2 (+ JSON)."""
    base = tmp_path_factory.mktemp("kantor")
    office_tree(base / "SOP")
    cwd = os.getcwd()
    os.chdir(base)
    try:
        one = cli("SOP", "--out", "rekap1.xlsx", "--csv", "csv1", "--jobs", "1")
        two = cli("SOP", "--out", "rekap2.xlsx", "--csv", "csv2", "--jobs", "2", "--json")
    finally:
        os.chdir(cwd)
    return {"base": base, "one": one, "two": two, "xlsx": base / "rekap1.xlsx"}


# ---------------------------------------------------------------------------- the register

def test_sheets_and_exit_code(office):
    code, out, err = office["one"]
    assert code == 2  # files that could not be read: still a full register
    assert err == ""  # not a terminal: no progress bar
    assert out.splitlines()[0] == ("Rekap: 8 berkas (4 bermasalah), 5 SOP dari 3 Bagian; 5 lulus; "
                                   "1 galat, 4 peringatan.")
    assert openpyxl.load_workbook(office["xlsx"]).sheetnames == SHEETS


def test_daftar_sop_row_by_row(office):
    rows = sheet_rows(office["xlsx"], "Daftar SOP")
    assert rows[0] == ("No", "Bagian", "Nomor SOP", "Nama SOP", "Tanggal Pembuatan", "Tanggal Revisi",
                       "Tanggal Efektif", "Disahkan Oleh", "Jumlah Langkah", "Jumlah Pelaksana", "Pelaksana",
                       "Total Waktu", "Waktu Min (menit)", "Waktu Maks (menit)", "Galat", "Peringatan",
                       "Hasil", "Ganda", "Berkas", "Lembar")
    seed0 = "Kepala Biro; Kasubbag Anjab; Tim Anjab; Kabag Baga; Kasubbag TU"
    seed1 = "Analisis Jabatan; Kasubbag Kelemb & Anjab; Kabag Organisasi; OPD; Tim"
    dates = ("13-03-2018", "01/13-03-2019", "2 Juni 2025", "Sekretaris Daerah")
    assert rows[1:] == [
        (1, "Bagian Hukum", "065/SOP/417.112/01", "Penyusunan Produk Hukum Daerah", *dates, 19, 5, seed0,
         "10 hari 2 jam 50 menit", 4670, 4670, 0, 1, "LULUS", "Nomor ganda", HUKUM, "SOP Hukum"),
        (2, "Bagian Organisasi", "065/SOP/417.112/01", "Penyusunan Informasi Jabatan", *dates, 19, 5, seed0,
         "10 hari 2 jam 50 menit", 4670, 4670, 0, 1, "LULUS", "Nomor ganda", ORG, "SOP 01"),
        (3, "Bagian Organisasi", "065/SOP/417.112/02", "PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)", *dates,
         26, 5, seed1, "95 hari 5 jam 30 menit", 43080, 43080, 0, 0, "LULUS", None, ORG, "SOP 02"),
        (4, "Bagian Umum", "065/SOP/417.112/10", "Pengiriman Surat", *dates, 19, 5, seed0,
         "10 hari 2 jam 50 menit", 4670, 4670, 0, 1, "LULUS", "Nama ganda", UMUM, "SOP 1"),
        (5, "Bagian Umum", "065/SOP/417.112/11", "PENGIRIMAN SURAT", *dates, 19, 5, seed0,
         "10 hari 2 jam 50 menit", 4670, 4670, 0, 1, "LULUS", "Nama ganda", UMUM_LAMA, "SOP 1"),
    ]


def test_temuan_lists_every_finding_with_its_place(office):
    rows = records(office["xlsx"], "Temuan")
    flat = [[r["Berkas"], r["Lembar"], r["Sel"], r["Kode"], r["Tingkat"]] for r in rows]
    assert [r["No"] for r in rows] == list(range(1, len(rows) + 1))
    assert flat[:4] == [
        [HUKUM, "SOP Hukum", "D1", "rekap-nomor-ganda", "PERINGATAN"],
        [ORG, "SOP 01", "D1", "rekap-nomor-ganda", "PERINGATAN"],
        [ORG, "SOP 01", "A11", "rekap-keterkaitan-tidak-ditemukan", "INFO"],
        [ORG, "SOP 02", "B19", "kegiatan-diawali-pelaksana", "INFO"],  # a common style: info
    ]
    assert flat[4:29] == [[ORG, "SOP 02", f"B{r}", "kegiatan-diawali-pelaksana", "INFO"]
                          for r in [*range(20, 27), *range(32, 50)]]
    assert flat[29:] == [
        [P("Bagian Umum", "anggaran.xlsx"), None, None, "tidak-ada-sop", "GALAT"],
        [UMUM, "SOP 1", "D6", "rekap-nama-ganda", "PERINGATAN"],
        [UMUM_LAMA, "SOP 1", "D6", "rekap-nama-ganda", "PERINGATAN"],
    ]
    dup = rows[0]
    assert dup["Bagian"] == "Bagian Hukum" and dup["Nomor SOP"] == "065/SOP/417.112/01"
    assert dup["Pesan"] == (f"Nomor SOP 065/SOP/417.112/01 juga dipakai oleh SOP lain di rekap: "
                            f"Bagian Organisasi: {ORG}, lembar 'SOP 01'.")
    assert dup["Saran"].startswith("Setiap SOP memerlukan nomornya sendiri")
    assert rows[2]["Pesan"] == ('SOP terkait "SOP Pengelolaan Arsip Dinamis" tidak ditemukan di rekap '
                                "(menurut nomor maupun nama).")


def test_berkas_bermasalah_lists_each_bad_file_with_its_reason(office):
    rows = sheet_rows(office["xlsx"], "Berkas Bermasalah")
    assert rows[0] == ("No", "Bagian", "Berkas", "Kode", "Alasan")
    got = [r[:4] for r in rows[1:]]
    assert got == [
        (1, "Bagian Hukum", P("Bagian Hukum", "lama.xls"), "BERKAS-XLS"),
        (2, "Bagian Hukum", P("Bagian Hukum", "rahasia.xlsx"), "BERKAS-BERSANDI"),
        (3, "Bagian Umum", P("Bagian Umum", "anggaran.xlsx"), "tidak-ada-sop"),
        (4, "Bagian Umum", P("Bagian Umum", "rusak.xlsx"), "BERKAS-BUKAN-XLSX"),
    ]
    assert rows[1][4].startswith("Berkas .xls (Excel 97-2003) tidak didukung.")
    assert "kata sandi" in rows[2][4]
    assert rows[3][4].startswith("Tidak ada lembar SOP")
    everything = json.dumps(rows)
    assert "~$" not in everything and "tersembunyi" not in everything and "catatan" not in everything


def test_keterkaitan_resolved_by_nomor_by_nama_and_not_found(office):
    rows = sheet_rows(office["xlsx"], "Keterkaitan")
    assert rows[0] == ("No", "Bagian", "Nomor SOP", "Nama SOP", "SOP Terkait (tertulis)", "Status",
                       "Cocok Menurut", "Bagian Tujuan", "Nomor SOP Tujuan", "Nama SOP Tujuan",
                       "Berkas Tujuan", "Lembar Tujuan", "Berkas", "Lembar", "Sel")
    skj = "PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)"
    hukum = ("Bagian Hukum", "065/SOP/417.112/01", "Penyusunan Produk Hukum Daerah")
    org = ("Bagian Organisasi", "065/SOP/417.112/01", "Penyusunan Informasi Jabatan")
    surat = ("Bagian Umum", "065/SOP/417.112/10", "Pengiriman Surat", UMUM, "SOP 1")
    nothing = (None,) * 6
    assert [r[1:] for r in rows[1:]] == [
        (*hukum, "SOP Nomor 065/SOP/417.112/02", "Ditemukan", "Nomor", "Bagian Organisasi",
         "065/SOP/417.112/02", skj, ORG, "SOP 02", HUKUM, "SOP Hukum", "A11"),
        (*hukum, "Prosedur Pengirman Surat", "Ditemukan", "Nama (mirip)", *surat, HUKUM, "SOP Hukum", "A11"),
        (*org, "SOP Pengiriman Surat", "Ditemukan", "Nama", *surat, ORG, "SOP 01", "A11"),
        (*org, "SOP Pengelolaan Arsip Dinamis", "Tidak ditemukan", *nothing, ORG, "SOP 01", "A11"),
        ("Bagian Organisasi", "065/SOP/417.112/02", skj, "SOP Pengiriman Surat", "Ditemukan", "Nama", *surat,
         ORG, "SOP 02", "A11"),
    ]


def test_beban_pelaksana_per_sop_and_total_per_role(office):
    per_sop = records(office["xlsx"], "Beban Pelaksana")
    assert len(per_sop) == 25  # 5 SOPs x 5 roles
    first = per_sop[0]
    assert (first["Bagian"], first["Nama SOP"], first["Pelaksana"], first["Jumlah Langkah"],
            first["Waktu Min (menit)"], first["Waktu Maks (menit)"], first["Waktu"]) == (
        "Bagian Hukum", "Penyusunan Produk Hukum Daerah", "Kepala Biro", 3, 160, 160, "2 jam 40 menit")
    skj = [(r["Pelaksana"], r["Jumlah Langkah"], r["Waktu Maks (menit)"]) for r in per_sop
           if r["Lembar"] == "SOP 02"]
    assert skj == [("Analisis Jabatan", 7, 1455), ("Kasubbag Kelemb & Anjab", 10, 11775),
                   ("Kabag Organisasi", 3, 2400), ("OPD", 2, 2700), ("Tim", 4, 24750)]

    total = sheet_rows(office["xlsx"], "Total Pelaksana")
    assert total[0] == ("No", "Pelaksana", "Jumlah Bagian", "Jumlah SOP", "Jumlah Langkah",
                        "Waktu Min (menit)", "Waktu Maks (menit)", "Waktu", "Bagian")
    three = "Bagian Hukum; Bagian Organisasi; Bagian Umum"
    assert total[1:] == [  # heaviest first
        (1, "Tim", 1, 1, 4, 24750, 24750, "55 hari 0 jam 0 menit", "Bagian Organisasi"),
        (2, "Tim Anjab", 3, 4, 36, 16560, 16560, "36 hari 6 jam 0 menit", three),
        (3, "Kasubbag Kelemb & Anjab", 1, 1, 10, 11775, 11775, "26 hari 1 jam 15 menit", "Bagian Organisasi"),
        (4, "OPD", 1, 1, 2, 2700, 2700, "6 hari 0 jam 0 menit", "Bagian Organisasi"),
        (5, "Kabag Organisasi", 1, 1, 3, 2400, 2400, "5 hari 2 jam 30 menit", "Bagian Organisasi"),
        (6, "Analisis Jabatan", 1, 1, 7, 1455, 1455, "3 hari 1 jam 45 menit", "Bagian Organisasi"),
        (7, "Kasubbag TU", 3, 4, 8, 760, 760, "1 hari 5 jam 10 menit", three),
        (8, "Kepala Biro", 3, 4, 12, 640, 640, "1 hari 3 jam 10 menit", three),
        (9, "Kasubbag Anjab", 3, 4, 12, 600, 600, "1 hari 2 jam 30 menit", three),
        (10, "Kabag Baga", 3, 4, 8, 120, 120, "2 jam 0 menit", three),
    ]


def test_register_is_a_tidy_workbook(office):
    wb = openpyxl.load_workbook(office["xlsx"])
    for name in SHEETS:
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", name
        header = ws["A1"]
        assert header.font.b and header.fill.fgColor.rgb.endswith("D9E1F2"), name
        assert all(ws.column_dimensions[ws.cell(1, c).column_letter].width >= 6
                   for c in range(1, ws.max_column + 1)), name
    daftar = wb["Daftar SOP"]
    assert daftar.column_dimensions["D"].width > daftar.column_dimensions["A"].width
    assert daftar["Q2"].value == "LULUS" and daftar["Q2"].fill.fgColor.rgb.endswith("C6EFCE")
    assert daftar["R2"].value == "Nomor ganda" and daftar["R2"].fill.fgColor.rgb.endswith("FFEB9C")
    temuan = wb["Temuan"]
    error_row = next(r for r in temuan.iter_rows(min_row=2) if r[6].value == "GALAT")
    assert error_row[6].fill.fgColor.rgb.endswith("FFC7CE")


# ---------------------------------------------------------------------------- other outputs

def test_jobs_1_and_2_give_the_same_register(office):
    base = office["base"]
    assert (base / "rekap1.xlsx").read_bytes() == (base / "rekap2.xlsx").read_bytes()
    for name in sorted(os.listdir(base / "csv1")):
        assert (base / "csv1" / name).read_bytes() == (base / "csv2" / name).read_bytes(), name
    assert office["two"][0] == office["one"][0]


def test_json_holds_the_same_tables_as_records(office):
    code, out, _err = office["two"]
    data = json.loads(out)
    assert data["summary"] == {"berkas": 8, "berkas_terbaca": 5, "berkas_bermasalah": 4, "sop": 5,
                               "bagian": 3, "sop_lulus": 5, "galat": 1, "peringatan": 4,
                               "keterkaitan_tidak_ditemukan": 1, "kode_keluar": 2}
    assert sorted(data["tables"]) == sorted(t[0] for t in merge.TABLES)
    daftar = data["tables"]["daftar_sop"]
    assert daftar[0] == {
        "no": 1, "bagian": "Bagian Hukum", "nomor_sop": "065/SOP/417.112/01",
        "nama_sop": "Penyusunan Produk Hukum Daerah", "tanggal_pembuatan": "13-03-2018",
        "tanggal_revisi": "01/13-03-2019", "tanggal_efektif": "2 Juni 2025",
        "disahkan_oleh": "Sekretaris Daerah",
        "jumlah_langkah": 19, "jumlah_pelaksana": 5,
        "pelaksana": ["Kepala Biro", "Kasubbag Anjab", "Tim Anjab", "Kabag Baga", "Kasubbag TU"],
        "total_waktu": "10 hari 2 jam 50 menit", "menit_min": 4670, "menit_maks": 4670, "galat": 0,
        "peringatan": 1, "lulus": True, "ganda": ["nomor"], "berkas": HUKUM, "lembar": "SOP Hukum"}
    register = sheet_rows(office["xlsx"], "Daftar SOP")
    assert [(r["no"], r["nomor_sop"], r["nama_sop"], r["berkas"], r["lembar"]) for r in daftar] == [
        (r[0], r[2], r[3], r[18], r[19]) for r in register[1:]]
    for table, sheet in (("temuan", "Temuan"), ("keterkaitan", "Keterkaitan"),
                         ("berkas_bermasalah", "Berkas Bermasalah"), ("beban_pelaksana", "Beban Pelaksana"),
                         ("total_pelaksana", "Total Pelaksana")):
        assert len(data["tables"][table]) == len(sheet_rows(office["xlsx"], sheet)) - 1, table
    assert {r["tingkat"] for r in data["tables"]["temuan"]} == {"error", "warning", "info"}
    assert data["tables"]["keterkaitan"][1]["cocok"] == "nama-mirip"


def test_csv_files_are_excel_friendly(office):
    folder = office["base"] / "csv1"
    assert sorted(os.listdir(folder)) == sorted(f"{t[0]}.csv" for t in merge.TABLES)
    raw = (folder / "daftar_sop.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNo,Bagian,Nomor SOP,Nama SOP,")
    import csv

    with open(folder / "daftar_sop.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    register = sheet_rows(office["xlsx"], "Daftar SOP")
    assert rows[0] == list(register[0])
    assert [r[:4] for r in rows[1:]] == [[str(v) for v in r[:4]] for r in register[1:]]
    assert rows[1][16] == "LULUS" and rows[1][17] == "Nomor ganda"


def test_csv_and_register_are_safe_against_formulas(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mb.workbook(tmp_path / "SOP" / "Bagian Umum" / "jahat.xlsx", [
        full(0, sheet="SOP 1", instansi=f"{INSTANSI} BAGIAN UMUM", nomor="-1+1",
             nama='=HYPERLINK("http://contoh.invalid","klik")', keterkaitan="@SUM(A1)")])
    code, _out, err = cli("SOP", "--out", "rekap.xlsx", "--csv", "csv", "--jobs", "1")
    assert code == 0, err
    with open(tmp_path / "csv" / "daftar_sop.csv", encoding="utf-8-sig") as fh:
        text = fh.read()
    assert "'-1+1" in text and "'=HYPERLINK(" in text
    with open(tmp_path / "csv" / "keterkaitan.csv", encoding="utf-8-sig") as fh:
        assert "'@SUM(A1)" in fh.read()
    ws = openpyxl.load_workbook(tmp_path / "rekap.xlsx")["Daftar SOP"]
    assert ws["D2"].value == '=HYPERLINK("http://contoh.invalid","klik")'
    assert ws["D2"].data_type == "s"  # text, never a formula


# ---------------------------------------------------------------------------- choices

def test_exit_code_0_when_all_read_and_no_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mb.workbook(tmp_path / "SOP" / "Bagian Umum" / "surat.xlsx", [
        full(0, sheet="SOP 1", instansi=f"{INSTANSI} BAGIAN UMUM", nomor="065/SOP/1", nama="Pengiriman Surat",
             keterkaitan="Tidak ada")])
    assert cli("SOP", "--out", "rekap.xlsx", "--quiet")[0] == 0


def test_exit_code_1_when_a_finding_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mb.workbook(tmp_path / "SOP" / "Bagian Umum" / "surat.xlsx", [
        full(0, sheet="SOP 1", instansi=f"{INSTANSI} BAGIAN UMUM", nomor="065/SOP/1", nama="")])
    code, _out, _err = cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    assert code == 1
    row = records("rekap.xlsx", "Daftar SOP")[0]
    assert row["Hasil"] == "PERLU PERBAIKAN" and row["Galat"] >= 1


def test_map_file_overrides_the_bagian(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    office_tree(tmp_path / "SOP")
    mb.workbook(tmp_path / "SOP" / "Lain" / "protokol.xlsx", [
        full(0, sheet="SOP 1", instansi=INSTANSI, nomor="065/SOP/77", nama="Penerimaan Tamu Pimpinan")])
    (tmp_path / "peta.json").write_text(json.dumps({
        "SOP/Bagian Umum/surat_lama.xlsx": "Bagian Tata Usaha",  # a path, relative to the map
        "Lain": "Bagian Protokol",  # a folder name
        "rahasia.xlsx": "Bagian Rahasia",  # a file name
    }), encoding="utf-8")
    code, _out, err = cli("SOP", "--out", "rekap.xlsx", "--map", "peta.json", "--jobs", "2")
    assert code == 2, err
    daftar = [(r["Bagian"], r["Nama SOP"]) for r in records("rekap.xlsx", "Daftar SOP")]
    assert daftar == [("Bagian Hukum", "Penyusunan Produk Hukum Daerah"),
                      ("Bagian Organisasi", "Penyusunan Informasi Jabatan"),
                      ("Bagian Organisasi", "PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)"),
                      ("Bagian Protokol", "Penerimaan Tamu Pimpinan"),
                      ("Bagian Tata Usaha", "PENGIRIMAN SURAT"),
                      ("Bagian Umum", "Pengiriman Surat")]
    problems = {r["Berkas"]: r["Bagian"] for r in records("rekap.xlsx", "Berkas Bermasalah")}
    assert problems[P("Bagian Hukum", "rahasia.xlsx")] == "Bagian Rahasia"


def test_bad_map_file_stops_with_a_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mb.workbook(tmp_path / "SOP" / "a.xlsx", [full(0, sheet="SOP 1")])
    (tmp_path / "peta.json").write_text('["bukan", "objek"]', encoding="utf-8")
    code, _out, err = cli("SOP", "--out", "rekap.xlsx", "--map", "peta.json")
    assert code == 2
    assert "Peta Bagian harus berupa objek JSON" in err
    assert not (tmp_path / "rekap.xlsx").exists()


def test_files_named_directly_and_missing_ones(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mb.workbook(tmp_path / "Bagian Hukum" / "hukum.xlsx", [
        full(0, sheet="SOP 1", instansi=INSTANSI, nomor="065/SOP/5", nama="Penyusunan Perda")])
    code, _out, _err = cli(os.path.join("Bagian Hukum", "hukum.xlsx"), "hilang.xlsx", "--out", "rekap.xlsx",
                           "--jobs", "1")
    assert code == 2
    assert [r["Bagian"] for r in records("rekap.xlsx", "Daftar SOP")] == ["Bagian Hukum"]  # its folder
    problem = records("rekap.xlsx", "Berkas Bermasalah")
    assert [(r["Berkas"], r["Kode"]) for r in problem] == [("hilang.xlsx", "BERKAS-TIDAK-ADA")]


def test_register_written_inside_the_tree_is_not_read_back(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mb.workbook(tmp_path / "SOP" / "Bagian Umum" / "surat.xlsx", [
        full(0, sheet="SOP 1", instansi=f"{INSTANSI} BAGIAN UMUM", nomor="065/SOP/1", nama="Pengiriman Surat",
             keterkaitan="Tidak ada")])
    target = os.path.join("SOP", "REKAP.xlsx")
    assert cli("SOP", "--out", target, "--jobs", "1")[0] == 0
    assert cli("SOP", "--out", target, "--jobs", "1")[0] == 0
    assert records(target, "Berkas Bermasalah") == []


def test_english_headers_and_words(office, tmp_path, monkeypatch):
    monkeypatch.chdir(office["base"])
    code, out, _err = cli("SOP", "--out", str(tmp_path / "en.xlsx"), "--jobs", "1", "--lang", "en")
    assert code == 2
    assert out.startswith("Register: 8 files (4 with problems), 5 SOPs from 3 units")
    row = records(tmp_path / "en.xlsx", "Daftar SOP")[0]
    assert row["SOP number"] == "065/SOP/417.112/01" and row["Verdict"] == "PASSED"
    assert row["Duplicate"] == "Duplicate number"


def test_an_output_is_required(tmp_path):
    code, _out, err = cli(str(tmp_path))
    assert code == 2 and "--out" in err


def test_a_parser_crash_on_one_file_does_not_stop_the_batch(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = mb.workbook(tmp_path / "SOP" / "Bagian Umum" / "baik.xlsx", [
        full(0, sheet="SOP 1", instansi=f"{INSTANSI} BAGIAN UMUM", nomor="065/SOP/1",
             nama="Pengiriman Surat")])
    bad = mb.workbook(tmp_path / "SOP" / "Bagian Umum" / "aneh.xlsx", [full(0, sheet="SOP 1")])
    import sopxl.validate

    real = sopxl.validate.validate_file

    def flaky(path, cfg):
        if os.path.basename(path) == bad.name:
            raise RecursionError("simulated parser bug")
        return real(path, cfg)

    monkeypatch.setattr(sopxl.validate, "validate_file", flaky)
    code, _out, _err = cli("SOP", "--out", "rekap.xlsx", "--jobs", "1")
    assert code == 2
    assert [r["Berkas"] for r in records("rekap.xlsx", "Daftar SOP")] == [os.path.relpath(good, tmp_path)]
    problem = records("rekap.xlsx", "Berkas Bermasalah")[0]
    assert problem["Kode"] == "BERKAS-GAGAL-DIPERIKSA" and "RecursionError" in problem["Alasan"]


# ---------------------------------------------------------------------------- progress

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mb.workbook(tmp_path / "SOP" / "a.xlsx", [full(0, sheet="SOP 1")])
    args = ["merge", "SOP", "--out", "rekap.xlsx", "--jobs", "1", "--no-cache"]  # every run reads
    err = _Terminal()
    run(args, io.StringIO(), err)
    assert err.getvalue()  # rich's bar, or the plain counter
    quiet = _Terminal()
    run([*args, "--quiet"], io.StringIO(), quiet)
    assert quiet.getvalue() == ""

    import sopxl.cli.merge as mc

    def no_rich(*_a, **_k):
        raise ImportError("rich")

    monkeypatch.setattr(mc, "_RichBar", no_rich)
    plain = _Terminal()
    run(args, io.StringIO(), plain)
    assert plain.getvalue() == "\rMembaca 1/1 berkas\n"


def test_validate_does_not_load_pandas():
    code = ("import sys, io; from sopxl.cli import run, build_parser; build_parser(); "
            "import sopxl.cli.merge; print('pandas' in sys.modules, 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


# ---------------------------------------------------------------------------- the rules, as data

@pytest.mark.parametrize("instansi, bagian", [
    ("PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH BAGIAN ORGANISASI", "Bagian Organisasi"),
    ("PEMERINTAH PROVINSI KALIMANTAN SELATAN SEKRETARIAT DAERAH BIRO ORGANISASI", "Biro Organisasi"),
    ("SEKRETARIAT DAERAH BAGIAN PENGADAAN BARANG DAN JASA", "Bagian Pengadaan Barang dan Jasa"),
    ("SETDA BAGIAN UMUM SUB BAGIAN TATA USAHA", "Bagian Umum"),
    ("SEKRETARIAT DAERAH SUBBAGIAN TATA USAHA BAGIAN UMUM", "Bagian Umum"),
    ("Bagian Hukum Sekretariat Daerah Kota Mojokerto", "Bagian Hukum"),
    ("BAGIAN PBJ, Jl. Gajah Mada No. 145", "Bagian PBJ"),
    ("PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH Jl. Gajah Mada No. 145 Telp. (0321) 321746", None),
    ("", None),
])
def test_bagian_from_instansi(instansi, bagian):
    assert merge.bagian_from_instansi(instansi) == bagian


@pytest.mark.parametrize("text, items", [
    ("-", []),
    ("Tidak ada", []),
    ("1. SOP Pengiriman Surat", ["SOP Pengiriman Surat"]),
    ("1. SOP Pengiriman Surat 2. SOP Penerimaan Surat", ["SOP Pengiriman Surat", "SOP Penerimaan Surat"]),
    ("a. SOP Cuti; b. SOP Kenaikan Pangkat", ["SOP Cuti", "SOP Kenaikan Pangkat"]),
    ("SOP Cuti, SOP Izin Belajar dan SOP Kenaikan Pangkat", ["SOP Cuti", "SOP Izin Belajar",
                                                             "SOP Kenaikan Pangkat"]),
    ("SOP Nomor 065/SOP/417.112/02", ["SOP Nomor 065/SOP/417.112/02"]),
    ("- SOP Arsip\n- SOP Rapat", ["SOP Arsip", "SOP Rapat"]),
])
def test_split_references(text, items):
    assert merge.split_references(text) == items


@pytest.mark.parametrize("item, found", [
    ("SOP Pengiriman Surat", (0, "nama")),
    ("Standar Operasional Prosedur Pengiriman Surat", (0, "nama")),
    ("SOP pengiriman  surat.", (0, "nama")),
    ("SOP Pengirman Surat", (0, "nama-mirip")),
    ("SOP Penerimaan Surat", None),  # another SOP, not a typo
    ("SOP Pengiriman Surat Dinas", None),
    ("SOP Nomor 065/SOP/417.112/07 tentang apa saja", (1, "nomor")),
    ("Penyusunan Jadwal Kegiatan 4", None),  # the numbers differ
    ("Penyusunan Jadwal Kegiatan 3", (2, "nama")),
    ("Penyusunan Jadwl Kegiatan 3", (2, "nama-mirip")),
])
def test_keterkaitan_matching(item, found):
    index = merge._Index(["065/SOP/417.112/10", "065/SOP/417.112/07", ""],
                         ["Pengiriman Surat", "Penyusunan SKJ", "Penyusunan Jadwal Kegiatan 3"])
    assert index.resolve(item, self_row=-1) == found


def test_discover_skips_lock_hidden_and_other_files(tmp_path):
    office_tree(tmp_path / "SOP")
    sources, empty = merge.discover([str(tmp_path / "SOP"), str(tmp_path / "SOP")])
    names = [os.path.relpath(s.path, tmp_path / "SOP") for s in sources]
    expected = [("Bagian Hukum", "lama.xls"), ("Bagian Hukum", "rahasia.xlsx"),
                ("Bagian Hukum", "sop_hukum.xlsx"),
                ("Bagian Organisasi", "sop_organisasi.xlsx"), ("Bagian Umum", "anggaran.xlsx"),
                ("Bagian Umum", "rusak.xlsx"), ("Bagian Umum", "surat.xlsx"),
                ("Bagian Umum", "surat_lama.xlsx")]
    assert names == [os.path.join(*p) for p in expected]
    assert empty == [str(tmp_path / "SOP")]  # the second time, everything was already taken
    assert {s.folder for s in sources} == {"Bagian Hukum", "Bagian Organisasi", "Bagian Umum"}


def test_wildcards_are_expanded_when_the_shell_did_not(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a.xlsx", "b.xlsx"):
        mb.workbook(tmp_path / "Bagian Umum" / name, [full(0, sheet="SOP 1")])
    mb.lock_file(tmp_path / "Bagian Umum" / "~$a.xlsx")
    sources, _empty = merge.discover([os.path.join("Bagian Umum", "*.xlsx")])
    assert [os.path.basename(s.path) for s in sources] == ["a.xlsx", "b.xlsx"]


def test_without_rapidfuzz_the_message_names_the_extra(tmp_path):
    # A fresh interpreter where "import rapidfuzz" raises ImportError, as without the extra.
    code = ("import sys; sys.modules['rapidfuzz'] = None; from sopxl.cli import main; "
            f"sys.exit(main(['merge', {str(tmp_path)!r}, '--out', {str(tmp_path / 'rekap.xlsx')!r}]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 2
    assert 'pip install "sopxl[merge]"' in proc.stderr and "Traceback" not in proc.stderr


def test_pandas_is_not_needed_any_more(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "pandas", None)
    mb.workbook(tmp_path / "SOP" / "a.xlsx", [full(0, sheet="SOP 1")])
    code, _out, err = cli("SOP", "--out", "rekap.xlsx", "--csv", "csv", "--jobs", "1")
    assert code == 0, err
    assert len(records("rekap.xlsx", "Daftar SOP")) == 1


def test_merge_codes_are_declared_and_catalogued():
    import sopxl.merge.register  # noqa: F401  (declares its codes on import)
    from sopxl.findings import DECLARED, catalogue

    mine = {c for c, owner in DECLARED.items() if owner.startswith("sopxl.merge")}
    assert mine == {"rekap-nomor-ganda", "rekap-nama-ganda", "rekap-keterkaitan-tidak-ditemukan"}
    assert mine <= set(catalogue())
