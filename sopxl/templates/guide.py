"""The two helper sheets of a template: "Petunjuk" (how to fill it) and "Pengaturan".

Pengaturan is written in the layout ``sopxl.parse.settings`` reads: label in column A,
value in column B, then a "Daftar Pelaksana" row with one role a row under it. Notes go in
column C, which the reader never looks at. Under the calendar a "Kertas" row (A4 or F4, a
dropdown) names the paper ``sopxl pdf`` and ``sopxl buku`` print on (``sopxl.pdf.source``
reads it through ``sopxl/data/paper_labels.json``). The role list starts on row
``ROLES_FIRST_ROW``, the range the role-name dropdown of every SOP sheet points at
(``sop_sheet.ROLE_RANGE_SETTINGS``).
"""
from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from . import style as st
from .print_setup import apply_print_setup
from .sop_sheet import BRANCH_EXAMPLE, MARKERS, ROLES_FIRST_ROW, WAKTU_FORMS

CALENDAR_ROWS = [
    ("Jam per hari kerja", "jam_per_hari", "Bawaan 7,5: 37,5 jam seminggu dibagi 5 hari kerja."),
    ("Hari kerja per minggu", "hari_per_minggu", "Dipakai untuk waktu yang ditulis dalam minggu."),
    ("Hari kerja per bulan", "hari_per_bulan", "Dipakai untuk waktu yang ditulis dalam bulan."),
    ("Hari kerja per tahun", "hari_per_tahun", "Setelah hari libur nasional dan cuti bersama."),
]
PAPER_ROW = 8
PAPER_CHOICES = ("A4", "F4")


def write_settings(ws: Worksheet, calendar: dict[str, float], roles: list[str], paper: str = "A4") -> None:
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 70
    ws.cell(1, 1, "Pengaturan").font = st.TITLE
    note = ws.cell(2, 1, "Dibaca sopxl saat memeriksa dan mencetak buku kerja ini. Ubah isi kolom B "
                         "bila kalender kerja atau kertas kantor berbeda.")
    note.font = st.HINT
    ws.merge_cells("A2:C2")
    for row, (label, name, why) in enumerate(CALENDAR_ROWS, 4):
        ws.cell(row, 1, label).font = st.BOLD
        value = calendar[name]
        cell = ws.cell(row, 2, int(value) if float(value).is_integer() else value)
        cell.font, cell.border = st.BODY, st.BOX
        _note(ws, row, why)
    _paper_row(ws, paper)
    ws.cell(ROLES_FIRST_ROW - 1, 1, "Daftar Pelaksana").font = st.BOLD
    _note(ws, ROLES_FIRST_ROW - 1, "Satu jabatan per baris, tanpa baris kosong. Daftar ini menjadi "
                                   "pilihan nama pelaksana di lembar SOP.")
    for i, role in enumerate(roles):
        cell = ws.cell(ROLES_FIRST_ROW + i, 1, role)
        cell.font, cell.border = st.BODY, st.BOX
    apply_print_setup(ws, "A4", ROLES_FIRST_ROW + max(len(roles), 1), 3, None, landscape=False)


def _note(ws: Worksheet, row: int, text: str) -> None:
    """A note in column C, wrapped inside it: a longer one ran past the printed page and was cut."""
    cell = ws.cell(row, 3, text)
    cell.font, cell.alignment = st.HINT, st.TOP_LEFT
    for col in (1, 2):  # label and value on the note's first line
        ws.cell(row, col).alignment = st.TOP
    ws.row_dimensions[row].height = st.height_for([(text, ws.column_dimensions["C"].width)])


def _paper_row(ws: Worksheet, paper: str) -> None:
    """"Kertas | A4": the paper sopxl prints the SOPs on, chosen from a dropdown."""
    ws.cell(PAPER_ROW, 1, "Kertas").font = st.BOLD
    cell = ws.cell(PAPER_ROW, 2, paper)
    cell.font, cell.border = st.BODY, st.BOX
    _note(ws, PAPER_ROW, "Kertas PDF sopxl pdf dan sopxl buku: A4 atau F4 (215 × 330 mm), melintang.")
    dv = DataValidation(type="list", formula1='"' + ",".join(PAPER_CHOICES) + '"', allow_blank=True,
                        showInputMessage=True, promptTitle="Kertas",
                        prompt="Pilih A4 atau F4: ukuran kertas PDF yang dicetak sopxl.")
    dv.add(cell.coordinate)
    ws.add_data_validation(dv)


def number_id(x: float) -> str:
    """7.5 -> "7,5", 20.0 -> "20": numbers as Indonesian text."""
    return (str(int(x)) if float(x).is_integer() else f"{x:g}").replace(".", ",")


def _guide(cal: dict[str, float]) -> list[tuple[str, object]]:
    """The Petunjuk as (kind, content): "h" heading, "p" paragraph, "t" table rows."""
    jam, minggu, bulan, tahun = (number_id(cal[k]) for k in
                                 ("jam_per_hari", "hari_per_minggu", "hari_per_bulan", "hari_per_tahun"))
    about = {
        "Mulai": ("kapsul (terminator)", "Langkah pertama SOP."),
        "Proses": ("kotak", "Langkah kerja biasa."),
        "Keputusan": ("belah ketupat", "Langkah yang memilih jalan (Ya/Tidak, Lengkap/Tidak lengkap); "
                                       "tulis cabangnya di Keterangan."),
        "Selesai": ("kapsul (terminator)", "Langkah terakhir SOP."),
        "Penghubung": ("segi lima (off-page connector)", "Alur berlanjut di halaman cetak berikutnya."),
        "√": ("-", "Tanda centang saja: di langkah pertama dan terakhir dibaca sebagai Mulai/Selesai, "
                   "di langkah dengan cabang di Keterangan sebagai Keputusan, selain itu sebagai Proses."),
    }
    markers_table = [("Penanda", "Simbol", "Kapan dipakai"), *[(m, *about[m]) for m in MARKERS]]
    waktu_table = [
        ("Tulisan", "Artinya"),
        (WAKTU_FORMS[0], "menit"),
        (WAKTU_FORMS[1], "jam"),
        (WAKTU_FORMS[2], f"hari kerja = {jam} jam (lihat lembar Pengaturan)"),
        (WAKTU_FORMS[3], "rentang: dijumlahkan sebagai paling cepat dan paling lama"),
        ("1 minggu, 1 bulan", f"{minggu} dan {bulan} hari kerja (lihat lembar Pengaturan)"),
        ("-, Disesuaikan", "tidak dapat dijumlahkan; sopxl memberi peringatan"),
    ]
    return [
        ("title", "PETUNJUK PENGISIAN SOP AP"),
        ("p", "Templat buku kerja Standar Operasional Prosedur Administrasi Pemerintahan menurut "
              "Peraturan Menteri PANRB Nomor 35 Tahun 2012, dibuat oleh sopxl. Isi lembar SOP seperti "
              "mengisi formulir: sel berisi label jangan diubah, isilah sel di sebelah kanan atau di "
              "bawahnya."),
        ("h", "1. Isi buku kerja"),
        ("t", [("SOP 01, SOP 02, …", "Satu SOP per lembar. Untuk SOP berikutnya salin lembar yang masih "
                                     "kosong (klik kanan tab lembar > Pindahkan atau Salin > Buat salinan)."),
               ("Petunjuk", "Lembar ini."),
               ("Pengaturan", "Kalender kerja dan daftar pelaksana yang dipakai sopxl saat memeriksa.")]),
        ("h", "2. Identitas SOP"),
        ("p", "Kiri atas: tempel logo di kotak paling atas, tulis nama instansi di bawahnya (mis. "
              "PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH) dan nama unit kerja di baris terakhir (mis. "
              "BAGIAN ORGANISASI)."),
        ("p", "Kanan atas: isi Nomor SOP, Tanggal Pembuatan, Tanggal Revisi, Tanggal Efektif, Disahkan "
              "Oleh dan Nama SOP di sel nilai sebelah kanan labelnya. Nomor mengikuti tata naskah dinas "
              "unit kerja. Tanggal ditulis seperti 13-03-2018 atau 2 Juni 2025. Disahkan Oleh memuat "
              "jabatan, tanda tangan, nama dan NIP (Alt+Enter untuk baris baru)."),
        ("p", "Enam kotak: Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan, Peralatan/Perlengkapan, "
              "Peringatan, Pencatatan dan Pendataan. Tulis di kotak besar di bawah judulnya, satu butir "
              "per baris (1., 2., … atau a., b., …). Bila memang tidak ada, tulis \"-\"."),
        ("h", "3. Langkah-langkah (matriks)"),
        ("p", "Satu baris untuk satu langkah. No diisi 1, 2, 3, … berurutan. Kegiatan ditulis dengan "
              "kata kerja aktif tanpa subjek: \"Menyusun jadwal kegiatan\", bukan \"Kasubbag menyusun "
              "jadwal kegiatan\"; pelaksananya ditunjukkan oleh penanda di kolom pelaksana."),
        ("p", "Pelaksana: nama jabatan ditulis di baris judul kolom PELAKSANA, urut sesuai alur kerja "
              "(pilihan diambil dari Daftar Pelaksana di lembar Pengaturan). Di baris langkah, isi sel "
              "pelaksana yang mengerjakan langkah itu dengan penanda dari daftar pilihan."),
        ("p", "Mutu Baku: Kelengkapan (bahan atau persyaratan), Waktu (lihat bagian 5) dan Output "
              "(hasil langkah). Keterangan untuk catatan dan cabang keputusan."),
        ("p", "Baris langkah yang tidak terpakai boleh dibiarkan kosong. Untuk menambah baris, sisipkan "
              "baris di tengah daftar langkah (klik kanan nomor baris > Sisipkan) agar daftar pilihan "
              "dan warna penanda ikut. Bila pelaksananya lebih banyak, buat templat baru dengan "
              "sopxl template --roles \"Jabatan 1;Jabatan 2;…\"."),
        ("h", "4. Penanda pelaksana"),
        ("t", markers_table),
        ("p", "Sel yang berisi penanda langsung berwarna: hijau untuk Mulai/Selesai, kuning untuk "
              "Keputusan, ungu untuk Penghubung, biru untuk yang lain, sehingga alur terlihat sekilas. "
              "Bentuk bagan alir yang digambar di atas sel (kapsul, kotak, belah ketupat, segi lima) "
              "juga dibaca sopxl. Bagan alir lengkap dengan panahnya dapat digambar otomatis dari "
              "penanda yang diketik: sopxl draw berkas.xlsx, atau tombol Gambar Bagan Alir di Excel."),
        ("h", "5. Menulis waktu"),
        ("t", waktu_table),
        ("p", "Selalu tulis satuannya: angka tanpa satuan tidak dapat dijumlahkan. sopxl menjumlahkan "
              "waktu per SOP, per bagian dan per pelaksana."),
        ("h", "6. Menulis keputusan"),
        ("p", f"Beri penanda Keputusan pada pelaksana yang memutuskan, lalu tulis setiap cabang dan nomor "
              f"langkah tujuannya di Keterangan: \"{BRANCH_EXAMPLE}\". Label lain juga dikenal: "
              "\"Lengkap: 4; Tidak lengkap: 2\", \"Dalam kota: 6; Luar kota: 9\". Cabang yang kembali ke "
              "langkah sebelumnya (mis. Tidak: 3) berarti langkah itu diulang atau diperbaiki. Kolom "
              "tambahan berjudul Ya dan Tidak sesudah Output juga dibaca sebagai cabang."),
        ("h", "7. Memeriksa SOP"),
        ("t", [("Baris perintah", "sopxl validate berkas.xlsx   (tambahkan --write untuk menulis lembar "
                                  "Status dan Checklist ke buku kerja, --final untuk pemeriksaan ketat "
                                  "sebelum pengesahan)"),
               ("Excel", "Tombol Validasi SOP di pita (ribbon) Excel, setelah add-in dipasang sekali "
                         "dengan sopxl excel install (lihat README sopxl). Hasilnya ditulis ke lembar "
                         "Status dan Checklist."),
               ("LibreOffice Calc", "Tombol Validasi SOP dari ekstensi sopxl untuk LibreOffice (dipasang "
                                    "dengan perintah sopxl libreoffice, lihat README sopxl)."),
               ("Hasil", "GALAT harus diperbaiki sebelum SOP disahkan; PERINGATAN dan INFO sebaiknya "
                         "diperiksa. Setiap temuan menyebut lembar dan selnya.")]),
        ("h", "8. Mencetak"),
        ("p", "Lembar SOP sudah diatur: lanskap, selebar satu halaman, judul kolom matriks berulang di "
              "setiap halaman, nomor halaman di kaki. Kertas F4 diatur sebagai \"Folio 8,5 × 13 in\" "
              "(215,9 × 330,2 mm), ukuran baku terdekat dengan F4 (215 × 330 mm)."),
        ("h", "9. Pengaturan"),
        ("p", f"Jam per hari kerja {jam}, hari kerja per minggu {minggu}, per bulan {bulan}, per tahun "
              f"{tahun} (aturan umum: 37,5 jam seminggu dalam 5 hari kerja, sekitar 236 hari kerja "
              "setahun). Ubah bila kalender kantor berbeda. Daftar Pelaksana: satu jabatan per baris; "
              "sopxl memberi info bila lembar SOP memakai jabatan di luar daftar ini. Kertas: A4 atau "
              "F4, ukuran kertas PDF yang dicetak sopxl pdf dan sopxl buku."),
    ]


def write_guide(ws: Worksheet, calendar: dict[str, float]) -> None:
    widths = {"A": 24.0, "B": 30.0, "C": 66.0}
    for col, w in widths.items():
        ws.column_dimensions[col].width = w
    full = sum(widths.values())
    row = 1
    for kind, content in _guide(calendar):
        if kind == "title":
            ws.cell(row, 1, content).font = st.TITLE
            ws.row_dimensions[row].height = 22
        elif kind == "h":
            row += 1  # a blank line before each heading
            ws.cell(row, 1, content).font = st.BOLD
            ws.row_dimensions[row].height = 17
        elif kind == "p":
            cell = ws.cell(row, 1, content)
            cell.font, cell.alignment = st.BODY, st.TOP_LEFT
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
            ws.row_dimensions[row].height = st.height_for([(str(content), full)])
        else:
            row = _table(ws, row, content, widths)  # type: ignore[arg-type]
            continue
        row += 1
    apply_print_setup(ws, "A4", row - 1, 3, None, landscape=False)


def _table(ws: Worksheet, row: int, rows: list[tuple[str, ...]], widths: dict[str, float]) -> int:
    """Two-column tables span A | B:C; three-column tables use A | B | C. A header row (the
    first of a three-column table, or of the waktu table) is bold and grey."""
    w = list(widths.values())
    header = len(rows[0]) == 3 or rows[0][0] == "Tulisan"
    for i, values in enumerate(rows):
        spans = [(1, 1), (2, 3)] if len(values) == 2 else [(1, 1), (2, 2), (3, 3)]
        texts = []
        for value, (c1, c2) in zip(values, spans):
            cell = ws.cell(row, c1, value)
            bold = header and i == 0
            for c in range(c1, c2 + 1):
                x = ws.cell(row, c)
                x.font = st.BOLD if bold or c1 == 1 else st.BODY
                x.alignment, x.border = st.TOP_LEFT, st.BOX
                if bold:
                    x.fill = st.HEADER_FILL
            if c2 > c1:
                ws.merge_cells(start_row=row, start_column=c1, end_row=row, end_column=c2)
            texts.append((str(cell.value), sum(w[c1 - 1:c2])))
        ws.row_dimensions[row].height = st.height_for(texts, bold=True)
        row += 1
    return row
