"""One Bagian per SOP in every output: the register's Daftar SOP, the Buku's and the Keputusan's.

QA found ``sopxl merge`` naming contoh.xlsx's SOP 01 "Biro Organisasi" while ``sopxl buku``
printed "Bagian Organisasi" and ``sopxl keputusan`` the whole kop. The rule is
``sopxl.bagian.decide``: the ``--map`` file, the instansi, the folder, the file name.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import merge_builders as mb
import pytest
from test_pdf import cli, needs_poppler, pdftotext

docx = pytest.importorskip("docx")
pytest.importorskip("reportlab")
pytestmark = needs_poppler

CONTOH = Path(__file__).resolve().parents[1] / "workbook_templates" / "contoh.xlsx"


def _register(folder: Path, *extra: str) -> dict[tuple[str, str], str]:
    code, out, err = cli("merge", str(folder), "--json", "--quiet", "--out",
                         str(folder.parent / "REKAP.xlsx"), *extra)
    assert code in (0, 1), err
    return {r["nama_sop"]: r["bagian"] for r in json.loads(out)["tables"]["daftar_sop"]}


def _buku(folder: Path, *extra: str) -> str:
    pdf = folder.parent / "BUKU.pdf"
    code, _, err = cli("buku", str(folder), "--out", str(pdf), *extra)
    assert code in (0, 1), err
    return " ".join(pdftotext(pdf, 2).split())


def _lampiran(folder: Path, *extra: str) -> dict[str, str]:
    out = folder.parent / "KEPUTUSAN.docx"
    code, _, err = cli("keputusan", str(folder), "--out", str(out), *extra)
    assert code in (0, 1), err
    rows = [[c.text for c in r.cells] for r in docx.Document(str(out)).tables[0].rows]
    assert rows[0][3] == "Bagian"
    return {r[2]: r[3] for r in rows[1:]}


def _kantor(tmp_path: Path) -> Path:
    root = tmp_path / "kantor"
    root.mkdir()
    shutil.copy(CONTOH, root / "contoh.xlsx")
    # A kop that names no Bagian: the Bagian is the sub-folder, in every output.
    mb.workbook(root / "Bagian Umum" / "umum.xlsx", [mb.sop(
        0, sheet="U", nomor="000/SOP/1", nama="Pengarsipan Surat Umum",
        instansi="PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH")])
    return root


def test_contoh_and_a_folder_get_the_same_bagian_in_register_buku_and_keputusan(tmp_path):
    root = _kantor(tmp_path)
    register = _register(root)
    # contoh.xlsx: SOP 01 is the Kalimantan Selatan Biro's, SOP 02 the Mojokerto Bagian's.
    assert sorted(register.values()) == ["Bagian Organisasi", "Bagian Umum", "Biro Organisasi"]
    assert register["Pengarsipan Surat Umum"] == "Bagian Umum"
    lampiran = _lampiran(root)
    assert lampiran == register
    daftar = _buku(root)
    for nama, bagian in register.items():
        short = " ".join(nama.split())
        assert short in daftar, short
        line = daftar[daftar.index(short):][:len(short) + 40]
        assert bagian in line, (nama, line)
    assert "SEKRETARIAT DAERAH" not in "".join(lampiran.values())


def test_map_file_names_the_bagian_in_buku_and_keputusan_too(tmp_path):
    root = _kantor(tmp_path)
    peta = tmp_path / "peta.json"
    peta.write_text(json.dumps({"contoh.xlsx": "Bagian Kelembagaan"}), encoding="utf-8")
    register = _register(root, "--map", str(peta))
    assert sorted(register.values()) == ["Bagian Kelembagaan", "Bagian Kelembagaan", "Bagian Umum"]
    assert _lampiran(root, "--map", str(peta)) == register
    daftar = _buku(root, "--map", str(peta))
    assert daftar.count("Bagian Kelembagaan") == 2 and "Biro Organisasi" not in daftar


def test_a_missing_map_file_is_said_in_indonesian(tmp_path):
    root = _kantor(tmp_path)
    code, _, err = cli("keputusan", str(root), "--out", str(tmp_path / "k.docx"), "--map",
                       str(tmp_path / "tidak-ada.json"))
    assert code == 2
    assert "peta Bagian tidak ditemukan" in err and "Traceback" not in err


# -- an untouched template sheet is an empty form, not an SOP ------------------------------------

def _with_blank_sheet(tmp_path: Path) -> Path:
    """contoh.xlsx (two SOPs) beside a fresh, untouched ``sopxl template --sops 2``."""
    root = tmp_path / "kantor"
    root.mkdir()
    shutil.copy(CONTOH, root / "contoh.xlsx")
    code, _, err = cli("template", "--sops", "2", "--out", str(root / "baru.xlsx"))
    assert code == 0, err
    return root


def test_blank_template_sheets_are_not_counted_in_the_register(tmp_path):
    root = _with_blank_sheet(tmp_path)
    code, out, err = cli("merge", str(root), "--json", "--quiet", "--out", str(tmp_path / "REKAP.xlsx"))
    data = json.loads(out)
    assert data["summary"]["sop"] == 2  # contoh's two; the template's two blank sheets are forms
    rows = data["tables"]["daftar_sop"]
    assert all(r["nama_sop"] for r in rows) and {r["lembar"] for r in rows} == {"SOP 01", "SOP 02"}
    assert {r["berkas"] for r in rows} == {str(root / "contoh.xlsx")}
    blank = [(r["lembar"], r["tingkat"]) for r in data["tables"]["temuan"] if r["kode"] == "lembar-kosong"]
    assert blank == [("SOP 01", "info"), ("SOP 02", "info")]
    # A workbook of blank forms only holds no SOP: the coordinator sees it among the problem files.
    assert [r["kode"] for r in data["tables"]["berkas_bermasalah"]] == ["tidak-ada-sop"]


def test_validate_says_the_same_of_a_blank_sheet(tmp_path):
    root = _with_blank_sheet(tmp_path)
    code, out, _ = cli("validate", str(root / "baru.xlsx"))
    assert code == 1
    assert "lembar 'SOP 02': dilewati (lembar kosong" in out
    assert "nama-sop-kosong" not in out and "sop-tanpa-langkah" not in out
    code, out, _ = cli("validate", "--json", str(root / "baru.xlsx"))
    skipped = json.loads(out)["files"][0]["skipped"]
    assert [(k["sheet"], k["reason"]) for k in skipped][:2] == [("SOP 01", "lembar-kosong"),
                                                                 ("SOP 02", "lembar-kosong")]


def test_buku_and_keputusan_leave_blank_sheets_out(tmp_path):
    root = _with_blank_sheet(tmp_path)
    lampiran = _lampiran(root)
    assert len(lampiran) == 2 and all(lampiran)
    pdf = tmp_path / "BUKU.pdf"
    code, stdout, err = cli("buku", str(root), "--out", str(pdf))
    assert "2 SOP" in stdout, err
    assert "SOP 01" not in " ".join(pdftotext(pdf, 2).split()).replace("065/SOP", "")


# -- export's exit code is validate's -----------------------------------------------------------

def test_export_of_a_workbook_without_an_sop_exits_like_validate_and_says_why(tmp_path):
    root = _with_blank_sheet(tmp_path)
    blank = root / "baru.xlsx"
    code, out, _ = cli("export", str(blank))
    data = json.loads(out)
    assert code == 1 == cli("validate", str(blank))[0]  # was 0 with {"sops": []}
    assert data["sops"] == []
    found = [(f["code"], f["severity"], f["sheet"]) for f in data["findings"]]
    assert ("tidak-ada-sop", "error", None) in found and ("lembar-kosong", "info", "SOP 02") in found
    assert all(f["path"] == str(blank) for f in data["findings"])


@pytest.mark.parametrize("name", ["contoh.xlsx", "baru.xlsx", "bukan.xlsx"])
def test_export_and_validate_give_the_same_exit_code(tmp_path, name):
    root = _with_blank_sheet(tmp_path)
    (root / "bukan.xlsx").write_text("bukan buku kerja", encoding="utf-8")
    expected = {"contoh.xlsx": 0, "baru.xlsx": 1, "bukan.xlsx": 2}[name]
    assert cli("validate", str(root / name))[0] == expected
    assert cli("export", str(root / name))[0] == expected
