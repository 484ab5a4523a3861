"""``sopxl keputusan``: the draft Keputusan as a Word file an office edits before signing."""
from __future__ import annotations

import merge_builders as mb
import pytest
from test_pdf import cli

docx = pytest.importorskip("docx")


def test_keputusan_docx_has_the_parts_and_the_lampiran(tmp_path):
    root = tmp_path / "sop"
    mb.workbook(root / "Organisasi" / "org.xlsx", [
        # The Kalimantan kop names its Biro, which ``sopxl merge`` would show: the folder names both.
        mb.sop(0, sheet="A", nomor="065/SOP/10", nama="Penyusunan Anjab", tanggal_efektif="2 Juni 2025",
               instansi="PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH"),
        mb.sop(1, sheet="B", nomor="065/SOP/2", nama="Penyusunan SKJ")])
    out = tmp_path / "KEPUTUSAN.docx"
    code, stdout, err = cli("keputusan", str(root), "--out", str(out), "--pejabat",
                            "Sekretaris Daerah Kota Contoh", "--tahun", "2025")
    assert code == 0, err
    assert "2 SOP" in stdout
    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    for part in ("KEPUTUSAN SEKRETARIS DAERAH KOTA CONTOH", "Menimbang", "Mengingat", "MEMUTUSKAN",
                 "Menetapkan", "KESATU", "KEEMPAT", "[nomor keputusan]", "2025"):
        assert part in text, part
    # Menimbang a. b. c. as in the Mojokerto Keputusan.
    assert "a. bahwa" in text and "c. bahwa" in text
    assert "JL." not in text.upper()  # the kop's address is not part of the instansi's name
    assert "DI LINGKUNGAN PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH" in text
    assert len(d.tables) == 1
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    assert rows[0] == ["No", "Nomor SOP", "Nama SOP", "Bagian", "Tanggal Efektif"]
    # In the register's order: Nomor 065/SOP/2 before 065/SOP/10.
    assert [r[1] for r in rows[1:]] == ["065/SOP/2", "065/SOP/10"]
    assert rows[2][2] == "Penyusunan Anjab" and rows[2][3] == "Organisasi" and rows[2][4] == "2 Juni 2025"


def test_keputusan_english_and_missing_source(tmp_path):
    code, _, err = cli("keputusan", str(tmp_path / "tidak-ada"), "--out", str(tmp_path / "k.docx"),
                       "--lang", "en")
    assert code == 2 and "not found" in err
    assert not (tmp_path / "k.docx").exists()


def test_sop_with_errors_is_left_out_of_the_lampiran_like_the_buku(tmp_path):
    # Regression: the Lampiran listed every SOP read, an empty template sheet and SOPs with errors
    # included, while ``sopxl buku`` leaves those out; the command said nothing and exited 0.
    root = tmp_path / "sop"
    mb.workbook(root / "Organisasi" / "org.xlsx", [mb.sop(0, sheet="A", nomor="065/SOP/1", nama="Anjab")])
    mb.workbook(root / "Hukum" / "draf.xlsx", [mb.sop(1, sheet="Draf", nomor="180/SOP/9", nama="")])
    out = tmp_path / "K.docx"
    code, stdout, err = cli("keputusan", str(root), "--out", str(out))
    assert code == 1, err
    assert "draf.xlsx [Draf]" in err and "tidak dimasukkan ke Lampiran" in err
    assert "1 SOP dalam Lampiran" in stdout
    rows = [[c.text for c in r.cells] for r in docx.Document(str(out)).tables[0].rows]
    assert [r[1] for r in rows[1:]] == ["065/SOP/1"]
    code, _, err = cli("keputusan", str(root), "--out", str(out), "--lang", "en")
    assert code == 1 and "left out of the Lampiran" in err
