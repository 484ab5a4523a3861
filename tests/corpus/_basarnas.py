"""The "COVER" sheet Basarnas' Direktorat Kesiapsiagaan puts before each SOP matrix.

Both Basarnas workbooks of the corpus (kawasdal4/sop-katalog-basarnas, ``upload/`` and
``uploads/``) carry the same cover: identity labels in H, values merged over I:L (the Nomor
still a placeholder "…   Tahun 2024"), the signer's name and NIP under the jabatan, the legal
basis as numbered rows 1-7 in column A, then Keterkaitan, Peralatan, Peringatan, Pencatatan.
Only the Nama SOP, the related SOPs, the warning and the records differ, and where the
Keterkaitan block starts (row ``at``) and the Peringatan block (row ``warn``).
"""
from __future__ import annotations

from corpus.builder import Sheet, cells, rows

DASAR_HUKUM = [
    "Undang-Undang Nomor 29 Tahun 2014 tentang Pencarian dan Pertolongan",
    "UU Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara",
    "Peraturan Presiden Nomor 83 Tahun 2016 tentang Badan Nasional Pencarian dan Pertolongan",
    "Peraturan Kabasarnas Nomor : PK 16 Tahun 2014 tentang Pedoman Penyusunan SOP Badan SAR Nasional",
    "Peraturan Badan Nasional Pencarian Dan Pertolongan Nomor 3 Tahun 2022",
    "Peraturan Badan Nasional Pencarian dan Pertolongan Nomor 8 Tahun 2021 tentang Siaga Pencarian "
    "dan Pertolongan",
    "Peraturan Badan Nasional Pencarian dan Pertolongan Nomor 3 Tahun 2020",
]


def basarnas_cover(nama: str, *, keterkaitan: list[str | None], at: int, warn: int, peringatan: str,
                   pencatatan: str) -> Sheet:
    return Sheet(
        "COVER",
        cells=cells(
            rows("H2", [["NOMOR SOP", "…   Tahun 2024"],
                        ["TANGGAL PEMBUATAN", "      Oktober 2024"],
                        ["TANGGAL REVISI", "-"],
                        ["TANGGAL EFEKTIF", "      Novermber 2024"],
                        ["DISAHKAN OLEH", "DIREKTUR KESIAPSIAGAAN"]]),
            rows("A7", [["BADAN NASIONAL PENCARIAN DAN PERTOLONGAN"],
                        ["DEPUTI BIDANG OPERASI PENCARIAN DAN PERTOONGAN, DAN KESIAPSIAGAAN"],
                        ["DIREKTORAT KESIAPSIAGAAN"]]),
            {"I9": "Noer Isrodin Muchlisin, S.Pd., M.M.", "I10": "NIP. 197212241998031002",
             "H11": "NAMA SOP ", "I11": nama,
             "A12": "DASAR HUKUM :  ", "H12": "KUALIFIKASI PELAKSANA :  ",
             "H13": "Mempunyai kemampuan dan pengetahuan tentang peraturan perundang-undangan yang "
                    "berlaku mengenai penerimaan dan validasi berita"},
            rows("A13", [[n, text] for n, text in enumerate(DASAR_HUKUM, 1)]),
            {f"A{at}": "KETERKAITAN:  ", f"H{at}": "PERALATAN / PERLENGKAPAN :  ",
             f"H{at + 1}": "Peralatan : \n   Komputer/Laptop , scanner, printer, Meja, Kursi, Telepon, "
                           "Fax,\n",
             f"H{at + 2}": "Perlengkapan\n   Perangkat deteksi dini, Perangkat monitoring pesawat, Peta",
             f"A{warn}": "PERINGATAN : ", f"H{warn}": "PENCATATAN DAN PENDAFTARAN :  ",
             f"A{warn + 1}": peringatan, f"H{warn + 1}": pencatatan},
            rows(f"A{at + 1}", [[n, text] for n, text in enumerate(keterkaitan, 1)]),
        ),
        merges=["A2:G2", "A3:G3", "A4:G4", "I2:L2", "I3:L3", "I4:L4", "I5:L5", "I6:L6", "A6:G6",
                "A7:G7", "A8:G8", "A9:G9", "I7:L7", "I8:L8", "I9:L9", "A10:G10", "I10:L10", "A11:G11",
                "I11:L11", "A12:G12", "H12:L12", *[f"B{r}:G{r}" for r in range(13, 20)],
                "H13:L13", "H14:L14", "H17:L17", "H18:L18", f"A{at}:G{at}", f"H{at}:L{at}",
                *[f"B{r}:G{r}" for r in range(at + 1, at + 1 + len(keterkaitan))],
                f"H{at + 1}:L{at + 1}", f"H{at + 2}:L{at + 2}", f"H{at + 3}:L{at + 3}",
                f"A{warn}:G{warn}", f"H{warn}:L{warn}", f"A{warn + 1}:G{warn + 1}",
                f"H{warn + 1}:L{warn + 1}"],
    )
