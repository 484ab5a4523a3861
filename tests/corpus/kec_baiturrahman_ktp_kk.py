"""SOP pelayanan KTP dan Kartu Keluarga — Kecamatan Baiturrahman, Pemerintah Kota Banda Aceh.

Source: the kecamatan's own web page https://baiturrahmankec.bandaacehkota.go.id/sop, a stored
copy read with the ``search`` tool (corpus "pages"; query "Pedoman SOP pada Kecamatan …
persyaratan kelengkapan waktu output"), which gives the page's text from its beginning: one
HTML table per service, each under the service's name in capitals — "KARTU TANDA PENDUDUK",
"KARTU KELUARGA", "SURAT PINDAH MASUK ANTAR KOTA/KABUPATEN", … No identity block (no Nomor,
no dates, no signer).

Layout as published: NO | URAIAN PROSEDUR | KELENGKAPAN BERKAS PEMOHON | DURASI WAKTU | KET;
**no Pelaksana at all** — no role columns, no actor column, no symbols: the steps say what is
done ("Verifikasi dokumen/berkas pemohon", "Melakukan paraf dan tanda tangan …") and only a
KET note names an official ("apabila Camat tidak ditempat dapat ditandatangani oleh
Sekcam"); numbers typed with a dot ("1."); **step 1's Kelengkapan runs on over unnumbered rows**,
one document per row, with its own KET per row ("Fotocopy KTP" / "Perpanjangan KTP", "F1.01" /
"Buat KK baru/pisah", "F1.15" with no note); "DURASI WAKTU" as "5 Menit", "10 Menit", …;
**two procedures on one page**, each table under its own heading, the header repeated.

Transcribed: the first two tables (KTP and KK), whole, one sheet, as the page stacks them. The
stored copy breaks off in the third table's header, so the tables from "SURAT PINDAH MASUK"
on are left out.
"""

from __future__ import annotations

from corpus.builder import Sheet
from corpus.facts import Expected

_ = None
HEADER = ["NO", "URAIAN PROSEDUR", "KELENGKAPAN BERKAS PEMOHON", "DURASI WAKTU", "KET"]
SEKCAM = ("Berdasarkan Peraturan Walikota Nomor 25 Tahun 2012 tentang Tata Naskah Dinas apabila "
          "Camat tidak ditempat dapat ditandatangani oleh Sekcam")
DUKCAPIL = "Selanjutnya pemohon membawa ke Dinas Kependudukan dan Catatan Sipil"
ARSIP = "Mengarsipkan dokumen/berkas yang telah diproses"

KTP: list[list[object]] = [
    ["1.", "Pemohon membawa berkas", "Fotocopy Kartu Keluarga", "5 Menit",
     "Kelengkapan permohonan KTP baru dan permohonan perekaman KTP-el F1.21"],
    [_, _, "Form KTP dari Gampong"],
    [_, _, "Fotocopy KTP", _, "Perpanjangan KTP"],
    [_, _, "Surat Keterangan Belum Pernah Membuat KTP", _, "Wajib KTP baru"],
    [_, _, "Surat Kehilangan dari Kepolisian", _, "Untuk yang hilang KTP"],
    ["2.", "Verifikasi dokumen/berkas pemohon", _, "10 Menit"],
    ["3.", "Melakukan paraf dan tanda tangan dokumen/berkas", _, "15 Menit", SEKCAM],
    ["4.", "Melakukan stempel dokumen/berkas", _, "5 Menit", DUKCAPIL],
    ["5.", ARSIP, _, "10 Menit"],
]

KK: list[list[object]] = [
    ["1.", "Pemohon membawa berkas", "Fotocopy Kartu Keluarga", "5 Menit",
     "Termasuk untuk kelengkapan permohonan/perekaman KTP-el"],
    [_, _, "F1.01", _, "Buat KK baru/pisah"],
    [_, _, "F1.15"],
    [_, _, "F1.02", _, "Perubahan data KK"],
    [_, _, "F1.05"],
    [_, _, "F1.06"],
    [_, _, "F1.16"],
    [_, _, "Fotocopy KTP", _, "Untuk wajib KTP"],
    [_, _, "Surat kehilangan dari Kepolisian", _,
     "Bagi yang hilang KTP dan lain-lainnya sebagai kelengkapan perubahan data KK"],
    [_, _, "Photocopy Ijazah/Akta Kelahiran", _,
     "Untuk perubahan data pribadi/penambahan anggota keluarga"],
    ["2.", "Verifikasi dokumen/berkas", _, "20 Menit"],
    ["3.", "Melakukan paraf dan tanda tangan dokumen/berkas", _, "15 Menit", SEKCAM],
    ["4.", "Melakukan stempel dokumen/berkas", _, "5 Menit", DUKCAPIL],
    ["5.", ARSIP, _, "10 Menit"],
]


def _sheet() -> Sheet:
    out: dict[str, object] = {}
    merges: list[str] = []
    row = 1
    for title, table in (("KARTU TANDA PENDUDUK", KTP), ("KARTU KELUARGA", KK)):
        out[f"A{row}"] = title
        merges.append(f"A{row}:E{row}")
        row += 1
        for line in [HEADER, *table]:
            for col, value in zip("ABCDE", line):
                if value is not None:
                    out[f"{col}{row}"] = value
            row += 1
        row += 1  # the page leaves space before the next service
    return Sheet(
        "SOP",
        cells=out,
        merges=merges,
        widths={"A": 5, "B": 40, "C": 34, "D": 12, "E": 50},
    )


SHEETS = [_sheet()]

# Two procedures. The facts are those of the first (KTP): five numbered steps, the four
# unnumbered Kelengkapan rows belong to step 1; waktu 5 + 10 + 15 + 5 + 10 = 45 menit. The
# source names no pelaksana for any step, so the roles are none and each step has no actor.
EXPECTED = Expected(
    roles=[],
    actors=[[], [], [], [], []],
    waktu=(45, 45),
    sop_count=2,
)
