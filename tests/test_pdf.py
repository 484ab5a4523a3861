"""``sopxl pdf``: one print-ready PDF per SOP, checked through its text, its pages and its layout.

The layout is data (``sopxl.pdf.page``), so the promises of the drawing are tested on it
directly: no arrow runs through a symbol other than its own two ends, no symbol covers text,
every decision's exits carry their labels, a page break is crossed only through a pair of
off-page connectors with the same letter.
"""
from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
from pathlib import Path

import merge_builders as mb
import openpyxl
import pytest

from sopxl.cli import run
from sopxl.config import load_config
from sopxl.pdf.flow import layout_flow
from sopxl.pdf.page import PAPERS, Page
from sopxl.pdf.route import segment_hits
from sopxl.validate import validate_file

pytest.importorskip("reportlab")
POPPLER = shutil.which("pdftotext") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext) tidak terpasang")
ROLES = ["Pemohon", "Staf Pelaksana", "Kasubbag Umum", "Kabag Organisasi", "Sekretaris Daerah"]


def long_sop(n: int = 40, loops: tuple[tuple[int, int], ...] = ((12, 6), (31, 22)), **changes) -> dict:
    """An SOP of ``n`` steps over five roles; each (decision step, back to step) is a loop
    whose "Tidak" goes back up and whose "Ya" goes on to the next step."""
    s = mb.sop(0, sheet=changes.pop("sheet", "SOP Panjang"), sections=1, **changes)
    sec = s["bagian"][0]
    sec["judul"] = None
    sec["pelaksana"] = list(ROLES)
    steps = []
    for k in range(1, n + 1):
        role = ROLES[(k * 3 + k // 4) % len(ROLES)]
        step = {"no": f"{k}.", "kegiatan": f"Kegiatan nomor {k}: memeriksa berkas usulan ke-{k}",
                "kelengkapan": f"Berkas {k}", "waktu": f"{(k % 5) + 1}0 menit", "output": f"Hasil {k}",
                "pelaksana": [role], "simbol": "Proses"}
        if k == 1:
            step["simbol"] = "Mulai"
        elif k == n:
            step["simbol"] = "Selesai"
        back = dict(loops).get(k)
        if back:
            step["simbol"] = "Keputusan"
            step["kegiatan"] = f"Memutuskan apakah berkas {k} lengkap"
            step["keterangan"] = f"Ya: {k + 1}; Tidak: {back}"
        steps.append(step)
    sec["langkah"] = steps
    return s


def doc_of(path: Path, sheet: str | None = None):
    r = validate_file(str(path), load_config(None))
    return next(s for s in r.sops if sheet is None or s.doc.sheet == sheet)


def pdftotext(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text in drawing order (each cell's lines together)."""
    cmd = ["pdftotext", "-raw"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(cmd + [str(path), "-"], check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """Text without any whitespace: a cell wraps long words and lines where it must."""
    return "".join(text.split())


def page_sizes(path: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], check=True, capture_output=True,
                         text=True).stdout
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            w, _, h = line.split("size:")[1].split()[:3]
            sizes.append((float(w), float(h)))
    return sizes


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


# -- geometry of the layout -------------------------------------------------------------------

def geometry_problems(page: Page) -> list[str]:
    problems = []
    for a_i, a in enumerate(page.arrows):
        for p, q in zip(a.points, a.points[1:]):
            if abs(p[0] - q[0]) > 0.01 and abs(p[1] - q[1]) > 0.01:
                problems.append(f"arrow {a_i} not orthogonal: {p} -> {q}")
            for k, s in enumerate(page.symbols):
                if k in a.ends:
                    continue
                if segment_hits(p, q, s.box):
                    problems.append(f"arrow {a_i} {a.ends} crosses symbol {k} ({s.kind} {s.text})")
    for t in page.labels:
        for a_i, a in enumerate(page.arrows):
            if any(segment_hits(p, q, t.box) for p, q in zip(a.points, a.points[1:])):
                problems.append(f"arrow {a_i} runs through label {t.lines[0]}")
    for k, s in enumerate(page.symbols):
        for t in page.texts + page.labels:
            if s.box.overlaps(t.box):
                problems.append(f"symbol {k} covers text {t.lines[:1]}")
        for j, o in enumerate(page.symbols[k + 1:], start=k + 1):
            if s.box.overlaps(o.box):
                problems.append(f"symbols {k} and {j} overlap")
    return problems


def test_long_sop_with_two_loops_back_stays_readable(tmp_path):
    """40 steps, two decisions whose "Tidak" loops back up: every arrow clear of every symbol,
    every label placed, each loop drawn as an arrow that goes up."""
    path = mb.workbook(tmp_path / "panjang.xlsx", [long_sop()])
    res = doc_of(path)
    assert len(res.doc.steps) == 40
    fl = layout_flow(res.doc, PAPERS["A4"], _measure())
    assert fl.collisions == 0
    assert len(fl.pages) >= 3
    for page in fl.pages:
        assert geometry_problems(page) == []
    labels = [t.lines[0] for p in fl.pages for t in p.labels]
    assert sorted(labels) == ["Tidak", "Tidak", "Ya", "Ya"]
    # The loops: 12 -> 6 and 31 -> 22 end at a symbol above where they start (or, across a
    # page, at an off-page connector); each decision has two exits by different sides.
    for decision in (11, 30):
        page = fl.pages[fl.step_page[decision]]
        k = next(k for k, s in enumerate(page.symbols) if s.step == decision)
        outs = [a for a in page.arrows if a.ends[0] == k]
        assert len(outs) == 2
        assert len({a.points[0] for a in outs}) == 2
        ups = [a for a in outs if a.points[-1][1] < a.points[0][1] or page.symbols[a.ends[1]].step < 0]
        assert ups, f"no loop back from step {decision + 1}"


def test_loops_and_skips_in_one_column_go_around_the_symbols_between(tmp_path):
    """Every step in one role's column: a loop back (5 -> 2) and a skip forward (6 -> 9, its only
    exit, so the side under it is free) would
    run straight through the symbols between; they go round them beside the column."""
    s = mb.sop(0, sheet="Satu Kolom", sections=1)
    sec = s["bagian"][0]
    sec["pelaksana"] = ["Staf", "Kasubbag"]
    sec["langkah"] = [
        {"no": f"{k}.", "kegiatan": f"Langkah {k}", "pelaksana": ["Staf"], "waktu": "5 menit",
         "simbol": {1: "Mulai", 5: "Keputusan", 6: "Keputusan", 10: "Selesai"}.get(k, "Proses"),
         "keterangan": {5: "Ya: 6; Tidak: 2", 6: "Lanjut: 9"}.get(k)}
        for k in range(1, 11)]
    path = mb.workbook(tmp_path / "satu.xlsx", [s])
    fl = layout_flow(doc_of(path).doc, PAPERS["A4"], _measure())
    assert fl.collisions == 0 and len(fl.pages) == 1
    page = fl.pages[0]
    assert geometry_problems(page) == []
    by_step = {sym.step: k for k, sym in enumerate(page.symbols)}
    ends = {a.ends for a in page.arrows}
    assert (by_step[4], by_step[1]) in ends and (by_step[5], by_step[8]) in ends
    loop = next(a for a in page.arrows if a.ends == (by_step[4], by_step[1]))
    assert len(loop.points) >= 4  # out, along the lane, back in: not a straight line


def _measure():
    from sopxl.pdf.render import measure

    return measure


def test_page_breaks_go_through_lettered_connector_pairs(tmp_path):
    path = mb.workbook(tmp_path / "panjang.xlsx", [long_sop()])
    fl = layout_flow(doc_of(path).doc, PAPERS["A4"], _measure())
    letters: dict[str, list[int]] = {}
    for p, page in enumerate(fl.pages):
        for s in page.symbols:
            if s.step < 0:
                letters.setdefault(s.text, []).append(p)
    assert letters, "a 40-step SOP over several pages needs off-page connectors"
    for letter, pages in letters.items():
        assert len(pages) == 2 and pages[0] != pages[1], (letter, pages)
    # Every arrow stays on its page: it ends at a symbol of that page.
    for page in fl.pages:
        for a in page.arrows:
            assert all(0 <= e < len(page.symbols) for e in a.ends)


@needs_poppler
def test_pdf_command_prints_every_step_and_role(tmp_path):
    path = mb.workbook(tmp_path / "bagian.xlsx", [mb.sop(0), long_sop(sheet="SOP 40")])
    code, out, err = cli("pdf", str(path), "--out", str(tmp_path / "pdf"))
    assert code == 0, err
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert [p.name for p in pdfs] == ["bagian_SOP_01.pdf", "bagian_SOP_40.pdf"]
    for pdf, sheet in zip(pdfs, ("SOP 01", "SOP 40")):
        doc = doc_of(path, sheet).doc
        text = squeeze(pdftotext(pdf))
        for step in doc.steps:
            assert squeeze(step.kegiatan.value) in text, step.kegiatan.value
            for cell in (step.kelengkapan, step.waktu, step.output, step.keterangan):
                assert squeeze(cell.value) in text, cell
        for role in doc.roles:
            assert squeeze(role) in text, role
        for label in ("Dasar Hukum", "Disahkan Oleh", "Pencatatan dan Pendataan", "Kualifikasi Pelaksana"):
            assert squeeze(label) in text
        assert squeeze(f"Halaman 1 dari {len(page_sizes(pdf))}") in text
    sizes = page_sizes(pdfs[1])
    assert len(sizes) >= 4  # identity page + at least three pages of 40 steps
    assert all(abs(w - 841.89) < 0.5 and abs(h - 595.28) < 0.5 for w, h in sizes)


@needs_poppler
def test_header_is_repeated_on_every_procedure_page(tmp_path):
    path = mb.workbook(tmp_path / "p.xlsx", [long_sop()])
    cli("pdf", str(path), "--out", str(tmp_path))
    pdf = tmp_path / "p_SOP_Panjang.pdf"
    n = len(page_sizes(pdf))
    for page in range(2, n + 1):
        text = pdftotext(pdf, page)
        for head in ("Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"):
            assert head in text, (page, head)


@needs_poppler
def test_kertas_f4_and_workbook_paper_setting(tmp_path):
    path = mb.workbook(tmp_path / "p.xlsx", [mb.sop(0)])
    cli("pdf", str(path), "--out", str(tmp_path / "f4"), "--kertas", "F4")
    sizes = page_sizes(next((tmp_path / "f4").glob("*.pdf")))
    assert sizes and all(abs(w - 935.43) < 0.5 and abs(h - 609.45) < 0.5 for w, h in sizes)
    # A sheet set up for Folio/F4 (paperSize 14) prints on F4 without --kertas.
    import openpyxl

    f4 = tmp_path / "f4book.xlsx"
    wb = openpyxl.load_workbook(path)
    wb["SOP 01"].page_setup.paperSize = 14
    wb.save(f4)
    code, out, _ = cli("pdf", str(f4), "--out", str(tmp_path / "auto"))
    assert code == 0 and "F4" in out
    sizes = page_sizes(next((tmp_path / "auto").glob("*.pdf")))
    assert all(abs(w - 935.43) < 0.5 for w, _ in sizes)


def test_pdf_messages_in_english_and_bad_input(tmp_path):
    code, _, err = cli("pdf", str(tmp_path / "tidak-ada.xlsx"))
    assert code == 2 and "tidak ditemukan" in err and "Traceback" not in err
    broken = mb.broken(tmp_path / "rusak.xlsx")
    code, _, err = cli("pdf", str(broken), "--lang", "en")
    assert code == 2 and "rusak.xlsx" in err and "no SOP to print" in err


def test_missing_extra_is_named_not_a_traceback(tmp_path, monkeypatch):
    """Without reportlab / python-docx the commands say which extra to install."""
    import sys

    from sopxl.pdf import render

    path = mb.workbook(tmp_path / "p.xlsx", [mb.sop(0)])
    render._font.cache_clear()
    render.measure.cache_clear()
    monkeypatch.setitem(sys.modules, "reportlab", None)
    code, _, err = cli("pdf", str(path), "--out", str(tmp_path))
    assert code == 2 and "pip install 'sopxl[pdf]'" in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf"))
    monkeypatch.setitem(sys.modules, "docx", None)
    code, _, err = cli("keputusan", str(path), "--out", str(tmp_path / "k.docx"), "--lang", "en")
    assert code == 2 and "install the extra" in err


def test_output_that_cannot_be_written_is_a_message(tmp_path):
    path = mb.workbook(tmp_path / "p.xlsx", [mb.sop(0)])
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "BUKU.pdf").mkdir()  # the output path is taken by a folder
    code, _, err = cli("buku", str(path), "--out", str(tmp_path / "out" / "BUKU.pdf"))
    assert code == 2 and "tidak dapat ditulis" in err and "Traceback" not in err
    assert not [p for p in (tmp_path / "out").iterdir() if p.name != "BUKU.pdf"]  # no temp file left


def test_identity_page_leaves_room_to_sign_between_jabatan_and_name(tmp_path):
    from sopxl.pdf.identity import SIGN, layout_identity

    path = mb.workbook(tmp_path / "p.xlsx", [mb.sop(1), mb.sop(0, sheet="Kalsel")])
    moj = doc_of(path, "SOP 02").doc
    page = layout_identity(moj, moj.identity["instansi"].value, PAPERS["A4"], _measure())
    jab = next(t for t in page.texts if any("Plt. SEKRETARIS" in ln for ln in t.lines))
    name = next(t for t in page.texts if any("GENTUR" in ln for ln in t.lines))
    assert name.box.y - (jab.box.y + len(jab.lines) * jab.line_height) >= SIGN
    assert not any("GENTUR" in ln for ln in jab.lines)
    for key in ("nomor", "nama", "tanggal_efektif"):
        value = moj.identity[key].value
        assert value and any(value in " ".join(t.lines) for t in page.texts), key
    # No name written yet ("Gubernur Kalimantan Selatan" only): a line to sign on.
    kalsel = doc_of(path, "Kalsel").doc
    page = layout_identity(kalsel, "", PAPERS["A4"], _measure())
    assert len(page.lines) == 1


def test_two_actors_and_many_roles(tmp_path):
    """Eight roles (narrow columns) and a step given to two actors: both symbols drawn and
    joined, arrows keep off the join's sides, nothing overlaps."""
    roles = [f"Pelaksana {k}" for k in range(1, 9)]
    s = mb.sop(0, sheet="Delapan", sections=1)
    sec = s["bagian"][0]
    sec["pelaksana"] = roles
    sec["langkah"] = [
        {"no": f"{k}.", "kegiatan": f"Langkah {k}", "waktu": "5 menit",
         "pelaksana": [roles[(k * 5) % 8]] + ([roles[(k * 5 + 3) % 8]] if k in (3, 7) else []),
         "simbol": {1: "Mulai", 6: "Keputusan", 12: "Selesai"}.get(k, "Proses"),
         "keterangan": "Ya: 7; Tidak: 2" if k == 6 else None}
        for k in range(1, 13)]
    path = mb.workbook(tmp_path / "delapan.xlsx", [s])
    doc = doc_of(path).doc
    assert doc.roles == roles and len(doc.steps[2].actors) == 2
    fl = layout_flow(doc, PAPERS["A4"], _measure())
    assert fl.collisions == 0
    for page in fl.pages:
        assert geometry_problems(page) == []
    page = fl.pages[fl.step_page[2]]
    two = [k for k, sym in enumerate(page.symbols) if sym.step == 2]
    assert len(two) == 2
    join = [a for a in page.arrows if set(a.ends) == set(two)]
    assert len(join) == 1 and not join[0].head
    # No arrow starts or ends on the sides the join uses.
    on_join = {join[0].points[0], join[0].points[-1]}
    for a in page.arrows:
        if a is not join[0]:
            assert a.points[0] not in on_join and a.points[-1] not in on_join


@needs_poppler
def test_text_longer_than_a_page_is_printed_whole(tmp_path):
    """Regression: a Kegiatan of 4,000 characters was cut at the foot of the page; now its row
    is set in a smaller type and every word is printed. A long Dasar Hukum likewise."""
    s = mb.sop(0, sheet="Besar", dasar_hukum=" ".join(f"{k}. Peraturan nomor {k};" for k in range(1, 200)))
    s["bagian"][0]["langkah"][2]["kegiatan"] = "Menyusun " + "laporan yang sangat panjang " * 150 + "SELESAI."
    path = mb.workbook(tmp_path / "besar.xlsx", [s])
    code, _, err = cli("pdf", str(path), "--out", str(tmp_path))
    assert code == 0, err
    text = squeeze(pdftotext(tmp_path / "besar_Besar.pdf"))
    assert text.count(squeeze("laporan yang sangat panjang")) == 150 and "SELESAI." in text
    assert squeeze("199. Peraturan nomor 199;") in text


def _with_settings_paper(src: Path, dst: Path, kertas: str, sheet_paper: int | None = None) -> Path:
    """A copy of ``src`` whose Pengaturan sheet names ``kertas`` on a "Kertas" row (the
    sheet is added when the workbook has none) and whose SOP sheets print on ``sheet_paper``."""
    wb = openpyxl.load_workbook(src)
    ws = wb["Pengaturan"] if "Pengaturan" in wb.sheetnames else wb.create_sheet("Pengaturan")
    row = 3 if ws.cell(3, 1).value is None else ws.max_row + 2
    ws.cell(row, 1, "Ukuran kertas")
    ws.cell(row, 2, kertas)
    if sheet_paper is not None:
        for name in wb.sheetnames:
            if name.startswith("SOP"):
                wb[name].page_setup.paperSize = sheet_paper
    wb.save(dst)
    return dst


@needs_poppler
def test_paper_from_the_pengaturan_sheet_comes_after_kertas_and_before_page_setup(tmp_path):
    """Issue #16: the office's paper on its Pengaturan sheet beats the sheet's print setup,
    and --kertas beats both."""
    f4_w, a4_w = 935.43, 841.89
    plain = mb.workbook(tmp_path / "p.xlsx", [mb.sop(0)])
    on_f4 = _with_settings_paper(plain, tmp_path / "pengaturan_f4.xlsx", "F4", sheet_paper=9)
    code, out, _ = cli("pdf", str(on_f4), "--out", str(tmp_path / "a"))
    assert code == 0 and "F4" in out
    assert all(abs(w - f4_w) < 0.5 for w, _ in page_sizes(next((tmp_path / "a").glob("*.pdf"))))
    code, out, _ = cli("pdf", str(on_f4), "--out", str(tmp_path / "b"), "--kertas", "A4")
    assert code == 0
    assert all(abs(w - a4_w) < 0.5 for w, _ in page_sizes(next((tmp_path / "b").glob("*.pdf"))))
    # The real template set up for F4, whose Pengaturan says A4 ("a4 (melintang)"): A4.
    tpl = tmp_path / "contoh_f4.xlsx"
    assert cli("template", "--contoh", "--paper", "F4", "--out", str(tpl))[0] == 0
    on_a4 = _with_settings_paper(tpl, tmp_path / "pengaturan_a4.xlsx", "a4 (melintang)")
    code, out, _ = cli("pdf", str(on_a4), "--out", str(tmp_path / "c"))
    assert code == 0 and "F4" not in out
    pdfs = sorted((tmp_path / "c").glob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        assert all(abs(w - a4_w) < 0.5 for w, _ in page_sizes(pdf))
    # Without the row the same template prints on its print setup's F4; an unknown value
    # ("Legal") is no choice either.
    on_legal = _with_settings_paper(tpl, tmp_path / "legal.xlsx", "Legal")
    code, out, _ = cli("pdf", str(on_legal), "--out", str(tmp_path / "d"))
    assert code == 0
    for pdf in (tmp_path / "d").glob("*.pdf"):
        assert all(abs(w - f4_w) < 0.5 for w, _ in page_sizes(pdf))
    # The book follows the Pengaturan sheet too: cover, lists and SOP pages on F4.
    book = tmp_path / "BUKU.pdf"
    assert cli("buku", str(on_f4), "--out", str(book))[0] == 0
    sizes = page_sizes(book)
    assert len(sizes) > 3 and all(abs(max(w, h) - f4_w) < 0.5 for w, h in sizes)


def _three_actor_sop(tmp_path: Path):
    roles = [f"Pelaksana {k}" for k in range(1, 7)]
    s = mb.sop(0, sheet="Tiga", sections=1)
    sec = s["bagian"][0]
    sec["pelaksana"] = roles
    actors = {1: [0], 2: [1], 3: [0, 2, 4], 4: [3], 5: [1, 2, 3, 5], 6: [4], 7: [2], 8: [5]}
    sec["langkah"] = [
        {"no": f"{k}.", "kegiatan": f"Langkah {k}", "waktu": "5 menit",
         "pelaksana": [roles[i] for i in actors[k]],
         "simbol": {1: "Mulai", 6: "Keputusan", 8: "Selesai"}.get(k, "Proses"),
         "keterangan": "Ya: 7; Tidak: 3" if k == 6 else None}
        for k in range(1, 9)]
    return mb.workbook(tmp_path / "tiga.xlsx", [s])


@pytest.mark.parametrize("listed", ["in column order", "shape marker listed last"])
def test_three_or_more_actors_in_one_step_are_one_line_of_symbols(tmp_path, listed):
    """Issue #16: a step given to three (and four) actors draws one symbol per actor, all on
    one horizontal line that runs from neighbour to neighbour and through no other symbol,
    whatever order the markers were read in (a marker drawn as a shape is added last)."""
    path = _three_actor_sop(tmp_path)
    doc = doc_of(path).doc
    assert [len(s.actors) for s in doc.steps][2:5] == [3, 1, 4]
    if listed != "in column order":
        for k in (2, 4):
            m = doc.steps[k].markers
            m.append(m.pop(1))  # the middle column's marker comes last
    fl = layout_flow(doc, PAPERS["A4"], _measure())
    assert fl.collisions == 0
    for page in fl.pages:
        assert geometry_problems(page) == []
    for k, n in ((2, 3), (4, 4)):
        page = fl.pages[fl.step_page[k]]
        mine = sorted((i for i, sym in enumerate(page.symbols) if sym.step == k),
                      key=lambda i: page.symbols[i].box.cx)
        assert len(mine) == n
        joins = [a for a in page.arrows if not a.head and set(a.ends) <= set(mine)]
        assert sorted(tuple(a.ends) for a in joins) == sorted(zip(mine, mine[1:]))
        ys = {p[1] for a in joins for p in a.points}
        assert len(ys) == 1  # one horizontal line
        assert min(p[0] for a in joins for p in a.points) == page.symbols[mine[0]].box.right
        assert max(p[0] for a in joins for p in a.points) == page.symbols[mine[-1]].box.x
        # Arrows in and out of the step use neither side a join holds.
        held = {a.points[0] for a in joins} | {a.points[-1] for a in joins}
        for a in page.arrows:
            if a.head:
                assert a.points[0] not in held and a.points[-1] not in held


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_pdf_and_docx_are_readable_by_others_like_any_new_file(tmp_path):
    # Regression: the PDF and the Word file were created 0o600 (tempfile.mkstemp), so a book put
    # on the office share could not be opened by anyone else; a replaced file keeps its own bits.
    book = mb.workbook(tmp_path / "Bagian Umum.xlsx", [mb.sop(0)])
    old = os.umask(0o022)
    try:
        assert cli("pdf", str(book), "--out", str(tmp_path / "pdf"))[0] == 0
        assert cli("keputusan", str(book), "--out", str(tmp_path / "K.docx"))[0] == 0
        (tmp_path / "K.docx").chmod(0o640)
        assert cli("keputusan", str(book), "--out", str(tmp_path / "K.docx"))[0] == 0
    finally:
        os.umask(old)
    pdfs = list((tmp_path / "pdf").glob("*.pdf"))
    assert pdfs and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in pdfs)
    assert stat.S_IMODE((tmp_path / "K.docx").stat().st_mode) == 0o640


def test_workbook_without_sop_is_named_when_nothing_is_printed(tmp_path):
    # Regression: "tidak ada SOP yang dapat dicetak." named no file, so with several files given
    # the user could not tell which one held no SOP.
    book = tmp_path / "Data Pegawai.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.active["A1"] = "Nama"
    wb.save(book)
    code, _, err = cli("pdf", str(book))
    assert code == 2 and "tidak ada SOP yang dapat dicetak" in err and "Data Pegawai.xlsx" in err
    assert not list(tmp_path.glob("*.pdf"))


def test_output_under_a_file_is_told_in_indonesian(tmp_path):
    # Regression: the reason was the operating system's English ("Not a directory", "Read-only
    # file system") inside the Indonesian sentence.
    path = mb.workbook(tmp_path / "p.xlsx", [mb.sop(0)])
    code, _, err = cli("keputusan", str(path), "--out", str(path / "K.docx"))
    assert code == 2 and "sebagian jalurnya berkas, bukan folder" in err
    assert "directory" not in err.lower() and "exists" not in err.lower()
    code, _, err = cli("buku", str(path), "--out", str(tmp_path), "--lang", "en")
    assert code == 2 and "the target is a folder" in err


def test_unreadable_workbook_is_named_once(tmp_path):
    # Regression: "sopxl: rusak.xlsx: Berkas kosong (0 byte). (berkas rusak.xlsx)" named the file
    # twice on screen and in the book's "SOP YANG TIDAK DICETAK" table beside its Berkas column.
    empty = tmp_path / "rusak.xlsx"
    empty.write_bytes(b"")
    good = mb.workbook(tmp_path / "baik.xlsx", [mb.sop(0)])
    code, _, err = cli("pdf", str(empty), str(good), "--out", str(tmp_path / "pdf"))
    assert code == 2
    line = next(x for x in err.splitlines() if "rusak.xlsx" in x)
    assert line.count("rusak.xlsx") == 1 and "Berkas kosong" in line


def test_role_headers_break_between_words_and_shrink_before_cutting_one(tmp_path):
    """Regression: "Kepegawaian" was printed "Kepegawaia/n" in a narrow role column. A header
    now breaks at spaces and after "/" or "-", shrinks its type before cutting a word, and cuts
    only a word wider than its column at the smallest size."""
    from sopxl.pdf.flow import HEAD_SIZES
    from sopxl.pdf.page import pieces

    too_long = "Pranatakomputerahlimudapadasubbagianperencanaan"
    roles = ["Kasubbag Kepegawaian", "Analis Kepegawaian/Keuangan", "Pengadministrasi Umum",
             "Sekretaris Daerah", "Bendahara Pengeluaran", "Pengelola Kepegawaian", "Kepala Bagian",
             too_long]
    s = mb.sop(0, sheet="Delapan", sections=1)
    sec = s["bagian"][0]
    sec["pelaksana"] = roles
    sec["langkah"] = [{"no": f"{k}.", "kegiatan": f"Langkah {k}", "waktu": "5 menit",
                       "pelaksana": [roles[k % 8]],
                       "simbol": {1: "Mulai", 8: "Selesai"}.get(k, "Proses")} for k in range(1, 9)]
    path = mb.workbook(tmp_path / "delapan.xlsx", [s])
    measure = _measure()
    fl = layout_flow(doc_of(path).doc, PAPERS["A4"], measure)
    page = fl.pages[0]
    seen = {}
    for tb in page.texts:
        if tb.bold and tb.lines:
            for role in roles:
                if squeeze("".join(tb.lines)) == squeeze(role):
                    seen[role] = tb
    assert set(seen) == set(roles)
    for role, tb in seen.items():
        words = [p for w in role.split() for p in pieces(w)]
        for line in tb.lines:
            assert measure(line, tb.size, True) <= tb.box.w + 0.01, (role, line)
            if role == too_long:
                assert line in role
            else:
                # Each line is whole words, or pieces broken after "/" or "-".
                assert all(p in words for w in line.split() for p in pieces(w)), (role, tb.lines)
    assert seen["Kasubbag Kepegawaian"].lines[-1] == "Kepegawaian"
    assert seen["Analis Kepegawaian/Keuangan"].lines[1:] == ["Kepegawaian/", "Keuangan"]
    # The too-long word is cut only at the smallest size; the others keep a readable one.
    assert seen[too_long].size == HEAD_SIZES[-1] and len(seen[too_long].lines) > 1
    assert seen["Kepala Bagian"].size == HEAD_SIZES[0]
