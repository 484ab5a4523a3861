"""``sopxl pdf --map``: each printed page names the SOP's Bagian, the one the register names.

The Bagian is printed at the foot of every page of the SOP (identity and procedure pages),
decided as ``sopxl merge`` and ``sopxl buku`` decide it: the ``--map`` file, then the
instansi, the folder, the file name. A map file that is missing or not a map is refused
with the message ``sopxl buku`` gives.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_pdf import cli, needs_poppler, page_sizes, pdftotext

pytestmark = needs_poppler
CONTOH = Path(__file__).resolve().parents[1] / "workbook_templates" / "contoh.xlsx"


def _kantor(tmp_path: Path) -> Path:
    root = tmp_path / "kantor"
    root.mkdir()
    shutil.copy(CONTOH, root / "contoh.xlsx")
    return root / "contoh.xlsx"


def _page_feet(pdf: Path) -> list[str]:
    """Each page's text, on one line: it ends with what is drawn last, the page's foot."""
    return [" ".join(pdftotext(pdf, k).split()) for k in range(1, len(page_sizes(pdf)) + 1)]


def test_map_names_the_bagian_on_every_page_of_every_sop(tmp_path):
    book = _kantor(tmp_path)
    peta = tmp_path / "peta.json"
    peta.write_text(json.dumps({"contoh.xlsx": "Bagian Kelembagaan"}), encoding="utf-8")
    code, out, err = cli("pdf", str(book), "--out", str(tmp_path / "pdf"), "--map", str(peta))
    assert code == 0, err
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        pages = _page_feet(pdf)
        assert len(pages) >= 2
        assert all(text.endswith("Bagian Kelembagaan") for text in pages), pdf


def test_without_a_map_each_sop_names_the_bagian_the_register_names(tmp_path):
    book = _kantor(tmp_path)
    code, out, err = cli("merge", str(book.parent), "--json", "--quiet", "--out", str(tmp_path / "R.xlsx"))
    assert code in (0, 1), err
    register = {r["lembar"]: r["bagian"] for r in json.loads(out)["tables"]["daftar_sop"]}
    assert sorted(register.values()) == ["Bagian Organisasi", "Biro Organisasi"]
    code, _, err = cli("pdf", str(book), "--out", str(tmp_path / "pdf"))
    assert code == 0, err
    for sheet, bagian in register.items():
        pdf = tmp_path / "pdf" / f"contoh_{sheet.replace(' ', '_')}.pdf"
        feet = _page_feet(pdf)
        assert all(text.endswith(bagian) for text in feet), (sheet, bagian)


@pytest.mark.parametrize("content", [None, "{not json", '["a list"]'])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_bad_map_file_is_refused_as_buku_refuses_it(tmp_path, content, lang):
    book = _kantor(tmp_path)
    peta = tmp_path / "peta.json"
    if content is not None:
        peta.write_text(content, encoding="utf-8")
    pdf_code, pdf_out, pdf_err = cli("pdf", str(book), "--out", str(tmp_path / "pdf"), "--map", str(peta),
                                     "--lang", lang)
    buku_code, _, buku_err = cli("buku", str(book), "--out", str(tmp_path / "B.pdf"), "--map", str(peta),
                                 "--lang", lang)
    assert pdf_code == buku_code == 2
    assert pdf_err == buku_err and "peta.json" in pdf_err and "Traceback" not in pdf_err
    assert ("Bagian map" if lang == "en" else "peta Bagian") in pdf_err.replace("Peta", "peta")
    assert not (tmp_path / "pdf").exists() and pdf_out == ""
