"""Cover (identity) sheets and next-page sheets are named for what they are, not "bukan SOP",
in the text, the JSON and the Status sheet; links to a borrowed identity land on the cover
sheet's cells (issue #13's loose ends). Real workbooks built by ``real_layouts``."""
from __future__ import annotations

import io
import json

import real_layouts as L
from openpyxl import load_workbook

from sopxl.cli import run


def cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue()


def links(ws) -> dict[str, str]:
    """Each linked cell's text -> where it jumps, as Excel stores it."""
    return {str(c.value): c.hyperlink.location.replace("$", "") for row in ws.iter_rows() for c in row
            if c.hyperlink is not None and c.hyperlink.location}


def test_cover_and_next_page_sheets_say_whose_they_are_in_the_text(tmp_path):
    path = L.table_over_two_sheets(tmp_path / "dua_lembar.xlsx")
    _, out = cli("validate", str(path))
    assert "  lembar 'Identitas': lembar identitas untuk SOP 'Pelayanan Surat Masuk'\n" in out
    assert "  lembar 'Prosedur (2)': lanjutan tabel SOP di lembar 'Prosedur (1)'\n" in out
    assert "bukan SOP" not in out
    _, out = cli("validate", "--lang", "en", str(path))
    assert "  sheet 'Identitas': identity sheet of SOP 'Pelayanan Surat Masuk'\n" in out
    assert "  sheet 'Prosedur (2)': continuation of the SOP table on sheet 'Prosedur (1)'\n" in out


def test_json_gives_a_reason_code_and_the_sop_a_sheet_belongs_to(tmp_path):
    path = L.table_over_two_sheets(tmp_path / "dua_lembar.xlsx")
    _, out = cli("validate", "--json", str(path))
    skipped = json.loads(out)["files"][0]["skipped"]
    sop = {"sop": "Prosedur (1)", "nama": "Pelayanan Surat Masuk"}
    assert skipped == [{"sheet": "Identitas", "reason": "identitas-sop", **sop},
                       {"sheet": "Prosedur (2)", "reason": "lanjutan-sop", **sop}]


def test_a_cover_sheet_no_table_took_says_so(tmp_path):
    path = L.identity_sheets(tmp_path / "madrasah.xlsx")
    wb = load_workbook(path)
    del wb["Prosedur 2"]
    wb.save(path)
    _, out = cli("validate", "--json", str(path))
    skipped = json.loads(out)["files"][0]["skipped"]
    assert skipped[-1] == {"sheet": "Identitas 2", "reason": "identitas-tanpa-tabel", "sop": None,
                           "nama": None}
    _, out = cli("validate", str(path))
    assert "  lembar 'Identitas 2': lembar identitas tanpa tabel SOP (lihat temuan)\n" in out


def test_status_sheet_names_the_cover_and_next_page_sheets(tmp_path):
    path = L.table_over_two_sheets(tmp_path / "dua_lembar.xlsx")
    cli("validate", "--write", str(path))
    texts = [str(c.value) for row in load_workbook(path)["Status"].iter_rows() for c in row if c.value]
    assert "Lembar 'Identitas': lembar identitas untuk SOP 'Pelayanan Surat Masuk'" in texts
    assert "Lembar 'Prosedur (2)': lanjutan tabel SOP di lembar 'Prosedur (1)'" in texts
    assert not [t for t in texts if "bukan SOP" in t]


def test_links_to_a_borrowed_identity_land_on_the_cover_sheet(tmp_path):
    path = L.identity_sheets(tmp_path / "madrasah.xlsx")
    cli("validate", "--write", str(path))
    wb = load_workbook(path)
    checklist = links(wb["Checklist"])
    # The sheet name jumps to the table, the identity's address to the Nomor SOP on the cover
    # sheet (a short link: LibreOffice does not wrap a link's text).
    assert checklist["Prosedur 1"] == "'Prosedur 1'!A1"
    assert checklist["Identitas 1!E1"] == "'Identitas 1'!E1"
    assert checklist["Identitas 2!E1"] == "'Identitas 2'!E1"
    rows = {r[1].value: r[3].value for r in wb["Checklist"].iter_rows() if r[0].value == "Lembar"}
    assert rows == {"Prosedur 1": "Nomor SOP: 800/012/SOP/2023 | Nama SOP: Pelayanan Surat Masuk",
                    "Prosedur 2": "Nomor SOP: 800/013/SOP/2023 | Nama SOP: Pelayanan Legalisir Ijazah"}
    # The Status sheet's "Kelengkapan format": identity and boxes on the cover, the rest on the
    # table's sheet.
    status = wb["Status"]
    rows = [[c for c in row] for row in status.iter_rows()]
    where = {(r[0].value, r[3].value): r[3].hyperlink.location.replace("$", "") for r in rows
             if len(r) > 3 and r[3].hyperlink is not None and r[3].hyperlink.location}
    assert where[("Prosedur 1", "Nomor SOP")] == "'Identitas 1'!E1"
    assert where[("Prosedur 1", "Nama SOP")] == "'Identitas 1'!E6"
    assert where[("Prosedur 1", "Dasar Hukum")].startswith("'Identitas 1'!")
    assert where[("Prosedur 2", "Tanggal Efektif")] == "'Identitas 2'!E4"
    assert where[("Prosedur 1", "Langkah kegiatan")] == "'Prosedur 1'!A4"


def test_findings_on_a_next_page_sheet_name_it_even_at_the_first_sheets_addresses(tmp_path):
    from openpyxl import load_workbook as load
    from test_real_layouts import assert_reads_the_five_steps, check

    path = L.table_over_two_sheets(tmp_path / "sejajar.xlsx", aligned=True)
    wb = load(path)
    wb["Prosedur (2)"]["F4"] = None  # step 4's kelengkapan: F4 is step 1's kelengkapan on page 1
    wb["Prosedur (1)"]["F5"] = None  # step 2's kelengkapan, on the first sheet
    wb.save(path)
    r = check(path)
    sop = r.sops[0]
    assert [s.row + 1 for s in sop.doc.steps] == [4, 5, 6, 4, 5]
    assert_reads_the_five_steps(sop)
    where = {(f.code, f.sheet, f.cell) for f in sop.findings
             if f.code in ("output-kosong", "kelengkapan-kosong")}
    assert where == {("output-kosong", "Prosedur (2)", "H5"), ("kelengkapan-kosong", "Prosedur (2)", "F4"),
                     ("kelengkapan-kosong", "Prosedur (1)", "F5")}
