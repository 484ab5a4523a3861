"""Four reading habits once read wrong, each on a real workbook: several actors in one
Pelaksana cell, "N x 24 jam", a waktu column whose label sopxl does not know, and the
identity findings of a second SOP stacked on one sheet."""
from __future__ import annotations

import io
import json

import pytest
import reader_gap_layouts as G
import real_layouts as L
from test_real_layouts import check

from sopxl.cli import run
from sopxl.config import load_config, merge_config
from sopxl.validate import validate_file


def found(sop, *codes_: str) -> list[tuple[str, str | None]]:
    return [(f.code, f.cell) for f in sop.findings if f.code in codes_]


# 1. Several names in one single-column Pelaksana cell.

def test_two_actors_in_one_pelaksana_cell_act_both_when_each_is_named_elsewhere(tmp_path):
    sop = check(G.joined_actors(tmp_path / "gabungan.xlsx")).sops[0]
    doc = sop.doc
    assert [s.actors for s in doc.steps] == [
        ["Operator"], ["Verifikator"],
        ["Operator", "Verifikator"],                      # both act in their own rows
        ["Kepala Seksi"], ["Staf"],
        ["Kepala Seksi", "Staf"],
        ["Kasubbag Umum", "Bendahara"],                   # both listed in Kualifikasi Pelaksana
        ["Subbag Perencanaan dan Keuangan"],              # one unit, named whole in Kualifikasi
        ["Kepala Bagian Umum dan Keuangan"],              # no part is a role the SOP names
        ["Arsiparis, Pengelola Data"],                    # unsure: kept whole and said so
        ["Operator dan Petugas Loket"],                   # only one part known: kept whole
    ]
    assert doc.roles == ["Operator", "Verifikator", "Kepala Seksi", "Staf", "Kasubbag Umum",
                         "Bendahara", "Subbag Perencanaan dan Keuangan",
                         "Kepala Bagian Umum dan Keuangan", "Arsiparis, Pengelola Data",
                         "Operator dan Petugas Loket"]
    # Each split marker points at the one cell both names were typed in (C8 holds step 1).
    assert {m.cell for m in doc.steps[2].markers} == {"C10"}
    # The shared step counts for each actor, as a step marked in two role columns does.
    roles = sop.totals.roles
    assert roles["Operator"] == (40, 40) and roles["Verifikator"] == (50, 50)
    assert roles["Kepala Seksi"] == (20, 20) and roles["Staf"] == (25, 25)
    assert roles["Bendahara"] == (15, 15)
    assert sop.totals.total == (200, 200)
    # Kept whole when unsure, and said where; a "dan" inside one unit's name is no doubt.
    unsure = [(f.cell, f.severity, f.message) for f in sop.findings
              if f.code == "pelaksana-teks-gabungan"]
    assert unsure == [
        ("C17", "info", 'Pelaksana "Arsiparis, Pengelola Data" pada langkah 10 mungkin menyebut '
                        'lebih dari satu jabatan; dibaca sebagai satu pelaksana karena tidak '
                        'setiap bagiannya disebut di tempat lain di SOP ini.'),
        ("C18", "info", 'Pelaksana "Operator dan Petugas Loket" pada langkah 11 mungkin menyebut '
                        'lebih dari satu jabatan; dibaca sebagai satu pelaksana karena tidak '
                        'setiap bagiannya disebut di tempat lain di SOP ini.')]
    # Two actors in one step is what two marked role columns say too.
    assert ("langkah-dua-pelaksana", "C10") in found(sop, "langkah-dua-pelaksana")


def test_without_kualifikasi_only_rows_of_their_own_make_a_name_a_role(tmp_path):
    sop = check(G.joined_actors(tmp_path / "gabungan.xlsx", kualifikasi=False)).sops[0]
    actors = [s.actors for s in sop.doc.steps]
    assert actors[2] == ["Operator", "Verifikator"]
    assert actors[6] == ["Kasubbag Umum dan Bendahara"]  # neither part acts on its own
    assert actors[7] == ["Subbag Perencanaan dan Keuangan"]
    assert [f.cell for f in sop.findings if f.code == "pelaksana-teks-gabungan"] == ["C16", "C17"]


def test_the_signer_named_in_disahkan_oleh_is_a_role_too(tmp_path):
    steps = [("Menerima berkas", "Operator", "5 menit"),
             ("Menandatangani dan memaraf surat", "Kepala Kantor, Operator", "10 menit"),
             ("Mengirim surat", "Operator", "5 menit")]
    sop = check(G.joined_actors(tmp_path / "ttd.xlsx", kualifikasi=False, steps=steps)).sops[0]
    assert [s.actors for s in sop.doc.steps] == [["Operator"], ["Kepala Kantor", "Operator"],
                                                 ["Operator"]]
    assert sop.doc.roles == ["Operator", "Kepala Kantor"]
    assert sop.totals.roles["Operator"] == (20, 20)
    assert not found(sop, "pelaksana-teks-gabungan")


def test_office_role_list_names_a_joined_unit_whole(tmp_path):
    """A name the office's own list of roles holds whole is never cut ("Kepala Seksi & Staf"
    as one team), even when each part acts elsewhere."""
    cfg = merge_config(load_config(), {"roles": ["Kepala Seksi & Staf"]})
    sop = validate_file(str(G.joined_actors(tmp_path / "gabungan.xlsx")), cfg).sops[0]
    assert sop.doc.steps[5].actors == ["Kepala Seksi & Staf"]


def test_unsure_joined_actor_is_said_in_english_too(tmp_path):
    path = G.joined_actors(tmp_path / "gabungan.xlsx")
    out, err = io.StringIO(), io.StringIO()
    run(["validate", "--json", "--lang", "en", str(path)], out, err)
    said = [f["message"] for f in json.loads(out.getvalue())["files"][0]["sops"][0]["findings"]
            if f["code"] == "pelaksana-teks-gabungan"]
    assert said[0] == ('Pelaksana "Arsiparis, Pengelola Data" at step 10 may name more than one '
                       'role; it was read as one actor because not every part of it is named '
                       'elsewhere in this SOP.')


# 2. "N x 24 jam".

N_X_24 = ["1 x 24 jam", "2 x 24 jam", "3x24 jam", "1 x 24 Jam kerja", "7 x 24 jam"]


def test_n_x_24_jam_is_n_working_days_and_says_so(tmp_path):
    sop = check(L.waktu_texts(tmp_path / "waktu.xlsx", N_X_24)).sops[0]
    day = 7.5 * 60  # the default calendar's working day
    assert [s.minutes for s in sop.doc.steps] == [(n * day, n * day) for n in (1, 2, 3, 1, 7)]
    assert [s.waktu.value for s in sop.doc.steps] == N_X_24  # shown as written
    said = [(f.cell, f.severity, f.message) for f in sop.findings if f.code == "waktu-24-jam"]
    assert [c for c, _s, _m in said] == ["G9", "G10", "G11", "G12", "G13"]
    assert {s for _c, s, _m in said} == {"info"}
    assert said[1][2] == ('Waktu langkah 2 "2 x 24 jam" dibaca sebagai 2 hari kerja menurut '
                          'kalender kerja, bukan 48 jam.')
    assert not found(sop, "waktu-tidak-terbaca", "waktu-tidak-wajar")


def test_n_x_24_jam_follows_the_offices_working_day(tmp_path):
    cfg = merge_config(load_config(), {"calendar": {"jam_per_hari": 8}})
    path = L.waktu_texts(tmp_path / "waktu.xlsx", ["2 x 24 jam", "1-2 x 24 jam", "2 x 8 jam",
                                                   "maks.1x24 jam", "8 jam kerja"])
    sop = validate_file(str(path), cfg).sops[0]
    assert [s.minutes for s in sop.doc.steps] == [(960, 960), (480, 960), (960, 960), (480, 480),
                                                  (480, 480)]
    # Only "x 24 jam" is the one-day promise; "2 x 8 jam" is sixteen hours, said nowhere.
    said = [(f.cell, f.message) for f in sop.findings if f.code == "waktu-24-jam"]
    assert [c for c, _m in said] == ["G9", "G10", "G12"]
    assert said[1][1] == ('Waktu langkah 2 "1-2 x 24 jam" dibaca sebagai 1-2 hari kerja menurut '
                          'kalender kerja, bukan 24-48 jam.')


def test_a_range_of_days_written_in_full_on_both_ends(tmp_path):
    texts = ["1 x 24 jam - 2 x 24 jam", "1x24 jam s/d 3x24 jam", "2 x 24 jam sampai dengan 4 x 24 jam"]
    sop = check(L.waktu_texts(tmp_path / "waktu.xlsx", texts)).sops[0]
    day = 7.5 * 60
    assert [s.minutes for s in sop.doc.steps[:3]] == [(day, 2 * day), (day, 3 * day), (2 * day, 4 * day)]
    said = [f.message for f in sop.findings if f.code == "waktu-24-jam"]
    assert said[0] == ('Waktu langkah 1 "1 x 24 jam - 2 x 24 jam" dibaca sebagai 1-2 hari kerja menurut '
                       'kalender kerja, bukan 24-48 jam.')
    assert not found(sop, "waktu-tidak-terbaca")


def test_a_bare_n_x_24_under_hours_is_n_working_days(tmp_path):
    """"1 x 24" with no unit in a column headed "Waktu (jam)" is "1 x 24 jam"; other bare
    figures there stay hours, and "2 x 8" stays sixteen of them."""
    texts = ["1 x 24", "2x24", "1 - 2 x 24", "2 x 8", "3"]
    sop = check(L.waktu_texts(tmp_path / "waktu.xlsx", texts, waktu="Waktu (jam)")).sops[0]
    day = 7.5 * 60
    assert [s.minutes for s in sop.doc.steps] == [(day, day), (2 * day, 2 * day), (day, 2 * day),
                                                  (960, 960), (180, 180)]
    assert [s.waktu.value for s in sop.doc.steps] == texts  # shown as written
    said = [(f.cell, f.message) for f in sop.findings if f.code == "waktu-24-jam"]
    assert [c for c, _m in said] == ["G9", "G10", "G11"]
    assert said[0][1] == ('Waktu langkah 1 "1 x 24" dibaca sebagai 1 hari kerja menurut '
                          'kalender kerja, bukan 24 jam.')
    under_minutes = check(L.waktu_texts(tmp_path / "m.xlsx", ["1 x 24"], waktu="Waktu (menit)")).sops[0]
    assert under_minutes.doc.steps[0].minutes == (24, 24)  # 24 minutes: no day promised there
    assert not found(under_minutes, "waktu-24-jam")


def test_a_multiplier_applies_to_both_ends_of_a_range(tmp_path):
    sop = check(L.waktu_texts(tmp_path / "waktu.xlsx", ["1-2 x 30 menit", "2 x 15 menit"])).sops[0]
    assert [s.minutes for s in sop.doc.steps[:2]] == [(30, 60), (30, 30)]


def test_n_x_24_jam_in_a_sentence_keeps_its_multiplier(tmp_path):
    sop = check(L.waktu_texts(tmp_path / "waktu.xlsx", ["Pengaduan ditanggapi maksimal 2x24 jam"])).sops[0]
    assert sop.doc.steps[0].minutes == (900, 900)
    assert found(sop, "waktu-dari-kalimat", "waktu-24-jam") == [
        ("waktu-dari-kalimat", "G9"), ("waktu-24-jam", "G9")]


# 3. An unrecognised waktu label.

@pytest.mark.parametrize("label", ["Lama Proses", "Estimasi Lama"])
def test_a_waktu_column_with_an_unknown_label_is_reported_at_that_label(tmp_path, label):
    sop = check(G.unknown_waktu_label(tmp_path / "lama.xlsx", label)).sops[0]
    # The header's second row is 9; Kelengkapan F, the unknown label G, Output H.
    assert found(sop, "kolom-mutu-baku-hilang") == [("kolom-mutu-baku-hilang", "G9")]
    [f] = [f for f in sop.findings if f.code == "kolom-mutu-baku-hilang"]
    assert "Waktu" in f.message and "judul lain" in f.hint


def test_one_unknown_label_where_two_columns_are_missing_names_neither(tmp_path):
    wb, ws, top = L.sop_sheet()
    L.put(ws, top, [["No", "Kegiatan", *L.ROLES, "Lama Proses", "Output", "Keterangan"]])
    L.put(ws, top + 1, [r[:5] + r[6:] for r in L.step_rows()])
    sop = check(L.save(wb, tmp_path / "dua.xlsx")).sops[0]
    assert found(sop, "kolom-mutu-baku-hilang") == [("kolom-mutu-baku-hilang", "B8")] * 2


def test_a_missing_waktu_column_is_still_reported_at_the_header(tmp_path):
    wb, ws, top = L.sop_sheet()
    L.put(ws, top, [["No", "Kegiatan", *L.ROLES, "Kelengkapan", "Output", "Keterangan"]])
    L.put(ws, top + 1, [r[:6] + r[7:] for r in L.step_rows()])
    sop = check(L.save(wb, tmp_path / "tanpa.xlsx")).sops[0]
    assert found(sop, "kolom-mutu-baku-hilang") == [("kolom-mutu-baku-hilang", "B8")]


# 4. The identity findings of a second SOP stacked on one sheet.

def test_missing_identity_and_boxes_of_a_stacked_sop_point_at_its_own_block(tmp_path):
    first, second = check(G.stacked_with_gaps(tmp_path / "semua.xlsx")).sops
    assert [s.row + 1 for s in second.doc.steps] == [23, 24, 25, 26, 27]
    assert found(second, "identitas-tidak-ada") == [("identitas-tidak-ada", "A17")]
    assert {c for _code, c in found(second, "kotak-tidak-ada")} == {"A17"}
    assert len(found(second, "kotak-tidak-ada")) == 6
    # The first SOP's block starts at A1, as it always did.
    assert {c for _code, c in found(first, "kotak-tidak-ada")} == {"A1"}
    assert not found(first, "identitas-tidak-ada")


def test_status_links_a_stacked_sops_missing_identity_to_its_block(tmp_path):
    from openpyxl import load_workbook

    path = G.stacked_with_gaps(tmp_path / "semua.xlsx")
    assert run(["validate", "--write", str(path)], io.StringIO(), io.StringIO()) in (0, 1)
    status = load_workbook(path)["Status"]
    # The finding's own row in the detail table: its cell address, linked to that cell.
    links = {(c.value, c.hyperlink.location.replace("$", "")) for row in status.iter_rows()
             if any(d.value == "identitas-tidak-ada" for d in row)
             for c in row if c.hyperlink is not None and c.value == "A17"}
    assert links == {("A17", "'Semua SOP'!A17")}


# 5. Section rows written as a letter in No and the section's name in Kegiatan.

@pytest.mark.parametrize("letters", [("A", "B."), ("A.", "B)"), ("I", "II.")])
def test_a_letter_in_no_with_a_name_in_kegiatan_is_a_section_title(tmp_path, letters):
    sop = check(G.lettered_sections(tmp_path / "huruf.xlsx", letters)).sops[0]
    doc = sop.doc
    first, second = (letter.rstrip(".)") for letter in letters)
    assert [s.title.value if s.title else None for s in doc.sections] == [
        f"{first}. Persiapan", f"{second}. Pelaksanaan"]
    assert [s.number_value for s in doc.steps] == [1, 2, 3, 4, 5]
    assert not found(sop, "nomor-langkah-tidak-terbaca", "langkah-tanpa-pelaksana")


@pytest.mark.parametrize(("letters", "extra"), [
    (("A", "b."), ()),                                 # lower case: a draft's sub-step
    (("A", "B."), (None, "Proses")),                   # a symbol in a role column
    (("A", "B."), (None, None, None, None, "5 menit")),  # a waktu of its own
])
def test_a_lettered_row_that_is_a_step_stays_a_step(tmp_path, letters, extra):
    sop = check(G.lettered_sections(tmp_path / "langkah.xlsx", letters, extra)).sops[0]
    assert [s.number.value for s in sop.doc.steps] == ["1", "2", letters[1], "3", "4", "5"]


# 6. The actor named as text under "Pejabat terkait", a column-number row under the header.

def test_names_under_pejabat_terkait_are_the_actors_not_a_role_column(tmp_path):
    sop = check(G.actors_under_pejabat_terkait(tmp_path / "pejabat.xlsx")).sops[0]
    doc = sop.doc
    # The "1 2 3 4 5" row names no role, and the number typed in Uraian is the step's.
    assert doc.roles == ["Kasubag Umum", "Staf Umum", "Kepala Kantor"]
    assert [s.actors for s in doc.steps] == [["Kasubag Umum"], ["Staf Umum"], ["Kasubag Umum"],
                                            ["Kepala Kantor"]]
    assert [(s.number.value, s.kegiatan.value) for s in doc.steps][0] == ("1", "Menerima berkas")
    assert [s.number_value for s in doc.steps] == [1, 2, 3, 4]
    assert found(sop, "pelaksana-sebagai-teks") == [("pelaksana-sebagai-teks", "C8")]
    assert not found(sop, "penanda-tidak-dikenal", "nomor-langkah-kosong")


def test_symbols_under_a_one_column_pelaksana_label_stay_a_role_column(tmp_path):
    path = G.actors_under_pejabat_terkait(tmp_path / "simbol.xlsx",
                                          names=("Mulai", "Proses", "Proses", "Selesai"))
    doc = check(path).sops[0].doc
    assert doc.roles == ["Pejabat terkait"]
    assert [s.symbol for s in doc.steps] == ["terminator", "process", "process", "terminator"]


def test_one_header_over_names_and_over_symbols_in_one_batch(tmp_path):
    """The same two header rows, names under them in one workbook and symbols in the next:
    a batch that remembers headers (parse/header.py) reads each by what stands under it."""
    names = G.actors_under_pejabat_terkait(tmp_path / "nama.xlsx")
    symbols = G.actors_under_pejabat_terkait(tmp_path / "simbol.xlsx",
                                             names=("Mulai", "Proses", "Proses", "Selesai"))
    cfg = load_config()
    for order in ([symbols, names, symbols], [names, symbols, names]):
        for path in order:
            doc = validate_file(str(path), cfg).sops[0].doc
            want = ["Pejabat terkait"] if path == symbols else ["Kasubag Umum", "Staf Umum", "Kepala Kantor"]
            assert doc.roles == want, path.name


# 7. Procedures stacked on one sheet with no identity block, each under its own title.

def test_a_different_title_above_a_repeated_header_starts_a_new_sop(tmp_path):
    path = G.titled_tables(tmp_path / "layanan.xlsx",
                           ["KARTU TANDA PENDUDUK", "KARTU KELUARGA", "AKTA KELAHIRAN"])
    sops = check(path).sops
    assert [len(s.doc.steps) for s in sops] == [5, 5, 5]
    assert [s.totals.total for s in sops] == [(L.TOTAL, L.TOTAL)] * 3
    said = [(f.cell, f.message) for s in sops for f in s.findings if f.code == "sop-bertumpuk-judul"]
    assert said == [
        ("A9", 'SOP ke-2 di lembar ini dimulai di baris 9: judul "KARTU KELUARGA" di atas judul '
               "tabel yang diulang, berbeda dari judul tabel sebelumnya; dibaca sebagai SOP "
               "tersendiri."),
        ("A17", 'SOP ke-3 di lembar ini dimulai di baris 17: judul "AKTA KELAHIRAN" di atas '
                "judul tabel yang diulang, berbeda dari judul tabel sebelumnya; dibaca sebagai "
                "SOP tersendiri.")]


@pytest.mark.parametrize("titles", [
    ["KARTU KELUARGA", "KARTU KELUARGA"],   # the same running title on every printed page
    ["KARTU KELUARGA", None],               # a header repeated at a page break
    [None, "KARTU KELUARGA"],               # the first table has no title to differ from
    ["A. PENDAFTARAN", "B. PENERBITAN"],    # lettered: sections of one SOP
])
def test_a_repeated_header_without_a_new_title_goes_on_with_the_sop(tmp_path, titles):
    sops = check(G.titled_tables(tmp_path / "satu.xlsx", titles)).sops
    assert len(sops) == 1
    assert not [f for f in sops[0].findings if f.code.startswith("sop-bertumpuk")]


# 8. A header with no "No" and no "Kegiatan" heading, only PELAKSANA and the mutu baku.

def test_numbered_steps_left_of_pelaksana_are_read_and_the_missing_headings_said(tmp_path):
    r = check(G.no_kegiatan_heading(tmp_path / "kelurahan.xlsx"))
    assert len(r.sops) == 1
    sop = r.sops[0]
    assert [s.number_value for s in sop.doc.steps] == [1, 2, 3, 4, 5]
    assert [s.kegiatan.value for s in sop.doc.steps] == [s[0] for s in L.STEPS]
    assert sop.doc.roles == L.ROLES
    assert sop.totals.total == (L.TOTAL, L.TOTAL)
    assert found(sop, "kolom-no-kegiatan-tanpa-judul") == [("kolom-no-kegiatan-tanpa-judul", "B8")]


def test_without_step_numbers_such_a_header_stays_not_understood(tmp_path):
    r = check(G.no_kegiatan_heading(tmp_path / "tanpa_nomor.xlsx", numbered=False))
    assert r.sops == []
    assert "sop-tidak-terbaca" in [f.code for f in r.findings]
