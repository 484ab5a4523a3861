"""``sopxl buku``: the compiled Buku SOP, read back through pdftotext.

Checked as a coordinator would: the order (Bagian, then Nomor), that the page the Daftar SOP
names really starts that SOP, the SOPs with errors listed on their own page and not printed,
the Keputusan text, "Halaman X dari Y" on every page, the page size.
"""
from __future__ import annotations

import re

import merge_builders as mb
import openpyxl
import pytest
from test_pdf import cli, long_sop, needs_poppler, page_sizes, pdftotext, squeeze

pytest.importorskip("reportlab")
pytestmark = needs_poppler


def _folder(tmp_path):
    """Two Bagian folders; Organisasi holds two SOPs whose numbers sort as numbers (2 < 10)."""
    root = tmp_path / "sop"
    kop = "PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH"  # names no Bagian: the folder does, as in merge
    mb.workbook(root / "Organisasi" / "org.xlsx", [
        mb.sop(0, sheet="A", nomor="065/SOP/10", nama="Penyusunan Anjab Sepuluh", instansi=kop),
        long_sop(sheet="B", nomor="065/SOP/2", nama="Verifikasi Berkas Dua", instansi=kop),
    ])
    mb.workbook(root / "Hukum" / "hukum.xlsx",
                [mb.sop(1, sheet="C", nomor="180/SOP/1", nama="Telaah Hukum Satu", instansi=kop)])
    return root


def _daftar(pdf) -> list[tuple[str, int]]:
    """(nama, page) rows of the Daftar SOP, read from page 2 (and on) of the book."""
    text = pdftotext(pdf, 2)
    rows = []
    for nama in ("Telaah Hukum Satu", "Verifikasi Berkas Dua", "Penyusunan Anjab Sepuluh"):
        m = re.search(re.escape(nama) + r".*?(\d+)\s*$", text, re.M)
        if m:
            rows.append((nama, int(m.group(1))))
    return rows


def test_book_in_register_order_with_true_page_numbers(tmp_path):
    root = _folder(tmp_path)
    out = tmp_path / "BUKU.pdf"
    code, stdout, err = cli("buku", str(root), "--out", str(out), "--tahun", "2025")
    assert code == 0, err
    assert "3 SOP" in stdout
    cover = pdftotext(out, 1)
    assert "TAHUN 2025" in cover and "STANDAR OPERASIONAL PROSEDUR" in cover
    daftar = pdftotext(out, 2)
    assert "DAFTAR SOP" in daftar
    # Bagian first (Hukum before Organisasi), then Nomor as numbers (065/SOP/2 before 065/SOP/10).
    names = ("Telaah Hukum Satu", "Verifikasi Berkas Dua", "Penyusunan Anjab Sepuluh")
    order = [daftar.index(n) for n in names]
    assert order == sorted(order)
    rows = _daftar(out)
    assert len(rows) == 3
    total = len(page_sizes(out))
    for k, (nama, page) in enumerate(rows):
        start = squeeze(pdftotext(out, page))
        assert squeeze(nama) in start and "TanggalPembuatan" in start, (nama, page)
        assert squeeze(f"Halaman {page} dari {total}") in start
        # The page before it belongs to the SOP before (or to the Daftar).
        assert squeeze(nama) not in squeeze(pdftotext(out, page - 1)) or k == 0
    # The procedure of the 40-step SOP follows its identity page: every step is in the book.
    nama, page = rows[1]
    nxt = rows[2][1]
    body = squeeze(pdftotext(out, page, nxt - 1))
    for k in range(1, 41):
        assert squeeze(f"Kegiatan nomor {k}:") in body or squeeze(f"berkas {k} lengkap") in body
    for k in range(1, total + 1):
        assert squeeze(f"Halaman {k} dari {total}") in squeeze(pdftotext(out, k))
    assert all(abs(w - 841.89) < 0.5 and abs(h - 595.28) < 0.5 for w, h in page_sizes(out))


def test_sop_with_errors_is_listed_not_printed(tmp_path):
    root = _folder(tmp_path)
    mb.workbook(root / "Hukum" / "draf.xlsx", [mb.sop(1, sheet="Draf", nomor="180/SOP/9", nama="")])
    mb.broken(root / "Hukum" / "rusak.xlsx")
    out = tmp_path / "BUKU.pdf"
    code, stdout, err = cli("buku", str(root), "--out", str(out))
    assert code == 2  # a file could not be read at all
    assert "draf.xlsx [Draf]" in err and "tidak dicetak" in err and "rusak.xlsx" in err
    text = pdftotext(out)
    assert "SOP YANG TIDAK DICETAK" in text
    galat = next(k for k in range(1, 6) if "SOP YANG TIDAK DICETAK" in pdftotext(out, k))
    page = squeeze(pdftotext(out, galat))
    assert "draf.xlsx" in page and "Draf" in page and squeeze("Nama SOP belum diisi") in page
    assert "rusak.xlsx" in page
    # Not in the Daftar SOP and no identity page of its own.
    assert "180/SOP/9" not in pdftotext(out, 2)
    assert text.count("180/SOP/9") == 0


def test_keputusan_text_from_file_and_placeholders(tmp_path):
    root = _folder(tmp_path)
    txt = tmp_path / "kep.txt"
    txt.write_text("KEPUTUSAN SEKRETARIS DAERAH KOTA CONTOH\nMenimbang : bahwa SOP perlu ditetapkan;\n",
                   encoding="utf-8")
    out = tmp_path / "BUKU.pdf"
    code, _, err = cli("buku", str(root), "--out", str(out), "--keputusan", str(txt), "--kertas", "F4")
    assert code == 0, err
    text = squeeze(pdftotext(out))
    assert squeeze("KEPUTUSAN SEKRETARIS DAERAH KOTA CONTOH") in text
    assert squeeze("bahwa SOP perlu ditetapkan;") in text
    assert all(abs(w - 935.43) < 0.5 and abs(h - 609.45) < 0.5 for w, h in page_sizes(out))
    code, _, _ = cli("buku", str(root), "--out", str(out), "--keputusan", "--pejabat", "Sekretaris Daerah")
    text = pdftotext(out)
    for part in ("Menimbang", "Mengingat", "MEMUTUSKAN", "KESATU", "KEPUTUSAN SEKRETARIS DAERAH"):
        assert part in text
    # Daftar SOP still names the right page after the Keputusan pages moved everything on.
    rows = _daftar(out)
    assert len(rows) == 3
    for nama, page in rows:
        start = squeeze(pdftotext(out, page))
        assert squeeze(nama) in start and "TanggalPembuatan" in start


def test_register_lists_the_workbooks_and_their_bagian(tmp_path):
    """A register (sheet "Daftar SOP" with Bagian, Berkas, Lembar) picks sheets and Bagian."""
    root = _folder(tmp_path)
    reg = tmp_path / "REKAP.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar SOP"
    ws.append(["No", "Bagian", "Nomor SOP", "Nama SOP", "Berkas", "Lembar"])
    ws.append([1, "Bagian Organisasi", "065/SOP/2", "x", str(root / "Organisasi" / "org.xlsx"), "B"])
    ws.append([2, "Bagian Hukum", "180/SOP/1", "x", "sop/Hukum/hukum.xlsx", "C"])  # relative to the register
    wb.save(reg)
    out = tmp_path / "BUKU.pdf"
    code, stdout, err = cli("buku", str(reg), "--out", str(out))
    assert code == 0, err
    assert "2 SOP" in stdout
    daftar = pdftotext(out, 2)
    assert "Bagian Hukum" in daftar and "Bagian Organisasi" in daftar
    assert daftar.index("Telaah Hukum Satu") < daftar.index("Verifikasi Berkas Dua")
    assert "Penyusunan Anjab Sepuluh" not in daftar  # sheet A is not in the register


def test_buku_english_messages(tmp_path):
    root = _folder(tmp_path)
    code, stdout, _ = cli("buku", str(root), "--out", str(tmp_path / "b.pdf"), "--lang", "en")
    assert code == 0 and "3 SOP(s) on" in stdout
    code, _, err = cli("buku", str(root), "--out", str(tmp_path / "b.pdf"), "--keputusan",
                       str(tmp_path / "none.txt"), "--lang", "en")
    assert code == 2 and "Keputusan text file was not found" in err


def test_register_written_by_sopxl_merge(tmp_path):
    """The register ``sopxl merge`` writes is a source: its workbooks are read again."""
    pytest.importorskip("pandas")
    root = _folder(tmp_path)
    reg = tmp_path / "REKAP.xlsx"
    code, _, err = cli("merge", str(root), "--out", str(reg))
    assert code in (0, 1), err
    out = tmp_path / "BUKU.pdf"
    code, stdout, err = cli("buku", str(reg), "--out", str(out))
    assert code == 0, err
    assert "3 SOP" in stdout
    rows = _daftar(out)
    assert len(rows) == 3
    for nama, page in rows:
        start = squeeze(pdftotext(out, page))
        assert squeeze(nama) in start and "TanggalPembuatan" in start


def test_cover_names_the_instansi_of_an_sop_that_has_one(tmp_path):
    # Regression: the cover and the Keputusan took the instansi of the register's first SOP only;
    # when that one had no kop (an empty template sheet, a Bagian sorted first) they said
    # "[INSTANSI]" although the printed SOPs name it.
    root = tmp_path / "sop"
    mb.workbook(root / "A Hukum" / "draf.xlsx", [mb.sop(1, sheet="Draf", nama="", instansi=None)])
    mb.workbook(root / "Organisasi" / "org.xlsx", [mb.sop(0, sheet="A", nomor="065/SOP/1", nama="Anjab")])
    out = tmp_path / "BUKU.pdf"
    code, _, err = cli("buku", str(root), "--out", str(out), "--keputusan")
    assert code == 1, err
    cover = squeeze(pdftotext(out, 1))
    assert squeeze("PROVINSI KALIMANTAN SELATAN") in cover.upper()
    assert "[INSTANSI]" not in pdftotext(out)


def test_keputusan_text_missing_or_not_utf8_is_told_apart(tmp_path):
    # Regression: a mistyped --keputusan file name was reported as "harus berkas teks UTF-8".
    root = _folder(tmp_path)
    out = tmp_path / "BUKU.pdf"
    code, _, err = cli("buku", str(root), "--out", str(out), "--keputusan", str(tmp_path / "kep.txt"))
    assert code == 2 and "tidak ditemukan" in err and "UTF-8" not in err and "kep.txt" in err
    (tmp_path / "kep.txt").write_bytes(b"KEPUTUSAN\n\xe9t\xe9\n")  # Latin-1, as Notepad once saved
    code, _, err = cli("buku", str(root), "--out", str(out), "--keputusan", str(tmp_path / "kep.txt"))
    assert code == 2 and "UTF-8" in err
    assert not out.exists()


def test_register_row_of_a_sheet_named_with_a_trailing_space_is_printed(tmp_path):
    # Regression: a sheet named "SOP SAR " (an office's trailing space) was read back from the
    # register trimmed, matched no sheet, and its SOP was missing from the book without a word.
    root = tmp_path / "sop"
    mb.workbook(root / "Operasi" / "sar.xlsx",
                [mb.sop(0, sheet="SOP SAR ", nomor="1/SAR", nama="Verifikasi Berita")])
    mb.workbook(root / "Umum" / "umum.xlsx", [mb.sop(1, sheet="B", nomor="2/UM", nama="Telaah Surat")])
    reg = tmp_path / "REKAP.xlsx"
    code, _, err = cli("merge", str(root), "--out", str(reg), "--quiet")
    assert code in (0, 1), err
    out = tmp_path / "BUKU.pdf"
    code, stdout, err = cli("buku", str(reg), "--out", str(out))
    assert code == 0 and "2 SOP" in stdout, err
    assert "VerifikasiBerita" in squeeze(pdftotext(out, 2))
    # A sheet the register names that is gone since is said, not skipped in silence.
    wb = openpyxl.load_workbook(root / "Umum" / "umum.xlsx")
    wb["B"].title = "B baru"
    wb.save(root / "Umum" / "umum.xlsx")
    code, stdout, err = cli("buku", str(reg), "--out", str(out))
    assert code == 2 and "Lembar 'B' tidak ada lagi" in err and "umum.xlsx" in err
    assert "1 SOP" in stdout


@pytest.mark.parametrize("tahun", ["abc", "25", "20255", "２０２５", "-2025"])
def test_a_year_that_is_not_four_digits_is_refused(tmp_path, tahun):
    """Regression: ``--tahun abc`` was accepted and printed on the cover as "TAHUN abc"."""
    root = _folder(tmp_path)
    for command in ("buku", "keputusan"):
        out = tmp_path / f"{command}.out"
        code, stdout, err = cli(command, str(root), "--out", str(out), f"--tahun={tahun}")
        assert code == 2, (command, err)
        assert "bukan tahun" in err and "empat angka" in err and "Traceback" not in err
        assert not out.exists()
    code, _, err = cli("buku", str(root), "--out", str(tmp_path / "b.pdf"), "--tahun=abc", "--lang", "en")
    assert code == 2 and "is not a year" in err
