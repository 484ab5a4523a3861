"""Hostile and unlucky inputs (issue #14): special files, absurd numbers, huge sheets, odd names.

Each test plays what a user or a shared folder can hand sopxl: a FIFO or /dev/zero named
.xlsx, a link that points to itself, a waktu of hundreds of digits, a sheet of a million
steps, a file name that is not UTF-8. What the user must get is a clear Indonesian message
naming the file (or a finding naming the cell), promptly, never a hang or a traceback.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from fixtures_office import read_parts, write_parts
from report_builders import build_workbook, seed_sops

from sopxl.cli import run
from sopxl.config import load_config
from sopxl.errors import WorkbookError
from sopxl.read import worksheet
from sopxl.read.source import check_input
from sopxl.read.xlsx import read_workbook
from sopxl.validate import validate_file

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and byte file names are POSIX")
UNEXPECTED = "terjadi kesalahan tak terduga"


def cli(*argv: str) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def sopxl_process(*argv: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real command in its own process, with a timeout: a hang fails instead of stalling."""
    return subprocess.run([sys.executable, "-m", "sopxl", *argv], capture_output=True, timeout=120,
                          env={**os.environ, **(env or {})})


def strict_json(text: str) -> object:
    def refuse(constant: str) -> object:
        raise AssertionError(f"{constant} is not JSON")
    return json.loads(text, parse_constant=refuse)


# -- special files ------------------------------------------------------------------------------

@posix_only
@pytest.mark.parametrize("command", [
    ["validate", "{fifo}"], ["validate", "--write", "{fifo}"], ["draw", "{fifo}"],
    # The FIFO as the copy to write: the writer fingerprints its target before writing.
    ["validate", "--write", "--output", "{fifo}", "{good}"], ["draw", "--output", "{fifo}", "{good}"],
])
def test_a_fifo_named_xlsx_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "kiriman.xlsx"
    os.mkfifo(fifo)
    good = tmp_path / "sop.xlsx"
    build_workbook(good)
    before = good.read_bytes()
    argv = [a.format(fifo=fifo, good=good) for a in command]
    p = sopxl_process(*argv)  # before the fix: waited forever for a writer
    text = (p.stdout + p.stderr).decode()
    assert p.returncode == 2
    assert "bukan berkas biasa melainkan pipa bernama (FIFO)" in text
    assert str(fifo) in text
    assert UNEXPECTED not in text
    assert good.read_bytes() == before


@posix_only
def test_a_device_behind_an_xlsx_name_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "nol.xlsx"
    link.symlink_to("/dev/zero")
    code, out, _ = cli("validate", "--json", str(link))
    (result,) = strict_json(out)["files"]  # type: ignore[index]
    assert code == 2
    assert result["error"]["code"] == "BERKAS-KHUSUS"
    assert "perangkat karakter" in result["error"]["message"]


@posix_only
def test_a_symlink_loop_is_called_what_it_is(tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    a.symlink_to(b)
    b.symlink_to(a)
    r = validate_file(str(a), load_config(None))
    assert r.error is not None and r.error.code == "BERKAS-TAUTAN-BERPUTAR"
    assert "tautan simbolik berputar" in r.error.text()
    assert "kosong" not in r.error.text()  # it used to be reported as an empty file


@posix_only
def test_a_dangling_symlink_says_its_target_is_missing(tmp_path: Path) -> None:
    link = tmp_path / "hilang.xlsx"
    link.symlink_to(tmp_path / "tidak-ada.xlsx")
    with pytest.raises(WorkbookError) as e:
        check_input(str(link))
    assert e.value.code == "BERKAS-TIDAK-ADA" and "tautan simbolik" in e.value.message


@posix_only
def test_check_input_is_the_one_check_merge_can_call(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(WorkbookError) as e:
        check_input(str(fifo))
    assert e.value.code == "BERKAS-KHUSUS" and e.value.path == str(fifo)
    good = tmp_path / "baik.xlsx"
    build_workbook(good)
    check_input(str(good))  # a regular file passes, and stays readable
    assert read_workbook(good).sheets


# -- numbers ------------------------------------------------------------------------------------

def _waktu_workbook(path: Path, waktu: list[object], *,
                    minutes_header: bool = False) -> tuple[str, list[str]]:
    """The first seed SOP with its first steps' waktu replaced; returns its sheet and those cells."""
    sops = seed_sops()[:1]
    steps = sops[0]["bagian"][0]["langkah"]
    for step, value in zip(steps, waktu):
        step["waktu"] = value if isinstance(value, str) else "PLACEHOLDER"
    placed = build_workbook(path, sops)
    sheet = sops[0]["sheet"]
    rows = placed[sheet].step_rows[0][:len(waktu)]
    wb = openpyxl.load_workbook(path)  # the user typing numbers into the sheet
    ws = wb[sheet]
    col = next(c.column for c in ws[16] if c.value == "Waktu")
    if minutes_header:
        ws.cell(16, col, "Waktu (dalam menit)")
    cells = []
    for row, value in zip(rows, waktu):
        if not isinstance(value, str):
            ws.cell(row, col, value)
        cells.append(ws.cell(row, col).coordinate)
    wb.save(path)
    return sheet, cells


def test_absurd_waktu_is_a_finding_and_left_out_of_the_total(tmp_path: Path) -> None:
    path = tmp_path / "waktu.xlsx"
    huge = "9" * 400 + " menit"
    sheet, cells = _waktu_workbook(path, [huge, "1000 hari", "1" + "0" * 320 + " jam", "15 menit"])
    code, out, err = cli("validate", "--json", str(path))
    assert UNEXPECTED not in err
    data = strict_json(out)  # printed Infinity before the fix
    (sop,) = [s for s in data["files"][0]["sops"] if s["sheet"] == sheet]  # type: ignore[index]
    absurd = sorted(f["cell"] for f in sop["findings"] if f["code"] == "waktu-tidak-wajar")
    assert absurd == sorted(cells[:3])
    assert code == 1  # an error-level finding
    r = validate_file(str(path), load_config(None))
    (res,) = [s for s in r.sops if s.doc.sheet == sheet]
    counted = [step.minutes for step in res.doc.steps if step.minutes is not None]
    assert res.totals.total is not None
    assert res.totals.total[1] == pytest.approx(sum(m[1] for m in counted))
    assert res.totals.total[1] < 236 * 7.5 * 60 * len(counted)  # nothing near a year a step
    code, out, err = cli("validate", str(path))  # the text report used to crash on the total
    assert code == 1 and UNEXPECTED not in err and "waktu-tidak-wajar" in out
    code, out, _ = cli("export", str(path))
    strict_json(out)


def test_negative_and_huge_numbers_of_minutes_are_not_counted(tmp_path: Path) -> None:
    path = tmp_path / "negatif.xlsx"
    sheet, cells = _waktu_workbook(path, [-30, 10 ** 300, 15], minutes_header=True)
    r = validate_file(str(path), load_config(None))
    (res,) = [s for s in r.sops if s.doc.sheet == sheet]
    assert [f.cell for f in res.findings if f.code == "waktu-tidak-wajar"] == cells[:2]
    assert [s.minutes for s in res.doc.steps[:3]] == [None, None, (15.0, 15.0)]


@pytest.mark.parametrize("stored", ["NaN", "INF", "-Infinity", "1e400", "9" * 400])
def test_cells_excel_cannot_hold_are_read_as_their_text(tmp_path: Path, stored: str) -> None:
    path = tmp_path / "angka.xlsx"
    sheet, cells = _waktu_workbook(path, [12345])
    parts = read_parts(path)
    name = next(n for n, data in parts.items() if n.startswith("xl/worksheets/") and b"12345" in data)
    parts[name] = parts[name].replace(b"<v>12345</v>", f"<v>{stored}</v>".encode())
    write_parts(path, parts)
    wb = read_workbook(path)
    grid = wb.sheet(sheet)
    assert grid is not None
    assert grid.text(*_rowcol(cells[0])) == stored
    code, out, err = cli("validate", "--json", str(path))
    strict_json(out)
    assert code in (0, 1) and UNEXPECTED not in err


def test_a_number_of_hundreds_of_digits_in_pengaturan_does_not_crash(tmp_path: Path) -> None:
    """Found by the fuzzer: float(int) overflowed reading the Pengaturan sheet."""
    path = tmp_path / "pengaturan.xlsx"
    build_workbook(path, settings={"Jam per hari kerja": 123456})
    parts = read_parts(path)
    name = next(n for n, data in parts.items() if n.startswith("xl/worksheets/") and b"123456" in data)
    parts[name] = parts[name].replace(b"<v>123456</v>", b"<v>" + b"9" * 400 + b"</v>")
    write_parts(path, parts)
    for argv in (["validate", "--json", str(path)],
                 ["validate", "--write", "--output", str(tmp_path / "salinan.xlsx"), str(path)]):
        code, out, err = cli(*argv)
        assert code in (0, 1) and UNEXPECTED not in err, err


def _rowcol(cell: str) -> tuple[int, int]:
    from sopxl.a1 import cell_to_rowcol

    return cell_to_rowcol(cell)


# -- long sheets ---------------------------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _long_sheet(path: Path, rows: int, *, dimension: str | None, broken_after: int | None = None,
                empty_rows: int = 0) -> Path:
    """A one-sheet package of ``rows`` steps (No, Kegiatan, a marker, a waktu) by hand."""
    body = []
    for i in range(rows):
        r = 2 + i
        if broken_after is not None and i == broken_after:
            body.append('<row r="x"/>')  # unreadable: reached only if the rows are parsed
        body.append(f'<row r="{r}"><c r="A{r}"><v>{i + 1}</v></c><c r="B{r}" t="inlineStr"><is>'
                    f'<t>Menyusun dokumen {i}</t></is></c><c r="C{r}" t="inlineStr"><is><t>Proses</t>'
                    f'</is></c><c r="D{r}" t="inlineStr"><is><t>15 menit</t></is></c></row>')
    body.extend(f'<row r="{2 + rows + k}" ht="20" customHeight="1"/>' for k in range(empty_rows))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}<sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>No</t></is></c></row>'
             f'{"".join(body)}</sheetData></worksheet>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{rel}"><sheets>'
                                      '<sheet name="SOP" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def test_a_long_sheet_is_refused_from_its_dimension_before_a_row_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worksheet, "TREE_LIMIT_BYTES", 0)  # as a part of hundreds of megabytes
    monkeypatch.setattr(worksheet, "MAX_SHEET_ROWS", 100)
    path = _long_sheet(tmp_path / "panjang.xlsx", 30, dimension="A1:L1000001", broken_after=3)
    with pytest.raises(WorkbookError) as e:
        read_workbook(path)
    # BERKAS-RUSAK would mean the rows were parsed (row 5 is unreadable on purpose).
    assert e.value.code == "BERKAS-TERLALU-BESAR"
    assert "1.000.001 baris" in e.value.message and "batas sopxl 100 baris" in e.value.message
    assert e.value.sheet == "SOP"


@pytest.mark.parametrize("streamed", [False, True])
def test_a_long_sheet_without_dimension_is_refused_as_its_rows_come(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool) -> None:
    if streamed:
        monkeypatch.setattr(worksheet, "TREE_LIMIT_BYTES", 0)
    monkeypatch.setattr(worksheet, "MAX_SHEET_ROWS", 100)
    path = _long_sheet(tmp_path / "panjang.xlsx", 400, dimension=None,
                       broken_after=150 if streamed else None)
    code, out, _ = cli("validate", str(path))
    assert code == 2
    # A streamed sheet stops at the first row over the limit; a small one is counted whole.
    counted = "101" if streamed else "401"
    assert f"{counted} baris berisi; batas sopxl 100 baris per lembar" in out
    assert str(path) in out and "'SOP'" in out


@pytest.mark.parametrize("streamed", [False, True])
def test_empty_formatted_rows_and_a_stray_bottom_cell_are_not_counted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool) -> None:
    if streamed:
        monkeypatch.setattr(worksheet, "TREE_LIMIT_BYTES", 0)
    monkeypatch.setattr(worksheet, "MAX_SHEET_ROWS", 100)
    path = _long_sheet(tmp_path / "rapi.xlsx", 90, dimension="A1:L1048576", empty_rows=500)
    if not streamed:  # a small part that claims a million rows (a stray cell) is read
        grid = read_workbook(path).sheets[0]
        assert grid.text(90, 1) == "Menyusun dokumen 89"
    else:  # a big part's dimension is believed
        with pytest.raises(WorkbookError):
            read_workbook(path)


# -- file names ----------------------------------------------------------------------------------

@posix_only
@pytest.mark.parametrize(("raw", "encoding"), [
    (b"laporan \xff\xfe lama.xlsx", "ascii"),  # not UTF-8, printed where only ASCII goes
    ("nama dengan spasi ünïcødé 📄.xlsx".encode(), "utf-8"),
])
def test_any_file_name_the_os_allows_works_in_every_command(tmp_path: Path, raw: bytes,
                                                            encoding: str) -> None:
    name = os.path.join(os.fsencode(tmp_path), raw)
    build_workbook(os.fsdecode(name))
    env = {"PYTHONIOENCODING": encoding, "LC_ALL": "C"}
    for argv in (["validate"], ["validate", "--json"], ["validate", "--write"], ["draw"]):
        p = sopxl_process(*argv, name, env=env)
        text = (p.stdout + p.stderr).decode("utf-8", "replace")
        assert p.returncode in (0, 1), (argv, text[-500:])
        assert UNEXPECTED not in text and "Traceback" not in text
        if "--json" in argv:
            strict_json(p.stdout.decode("utf-8"))
    assert read_workbook(os.fsdecode(name)).sheet("Status") is not None  # --write wrote it
    code, out, err = cli("export", os.fsdecode(name))  # the name as Python holds it, in memory
    assert code == 0 and strict_json(out)


@posix_only
def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "sop.xlsx"
    build_workbook(path)
    p = subprocess.Popen([sys.executable, "-m", "sopxl", "validate", *[str(path)] * 60],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    p.stdout.read(10)  # ``sopxl validate … | head -c 10``
    p.stdout.close()
    err = p.stderr.read().decode()
    p.wait(timeout=120)
    assert UNEXPECTED not in err and "Traceback" not in err
    assert p.returncode in (0, 1, 2)


# -- found by the fuzzer -------------------------------------------------------------------------

def _with_texts(path: Path, texts: dict[str, str]) -> str:
    """The seed SOPs with some inline texts of the first SOP sheet replaced as raw XML."""
    placed = build_workbook(path)
    parts = read_parts(path)
    sheet = next(iter(placed))
    name = next(n for n, data in parts.items() if n.startswith("xl/worksheets/")
                and all(old.encode() in data for old in texts))
    for old, new in texts.items():
        parts[name] = parts[name].replace(old.encode(), new.encode(), 1)
    write_parts(path, parts)
    return sheet


def test_escaped_utf16_halves_become_characters_or_a_replacement(tmp_path: Path) -> None:
    """``_xD800_`` alone made a lone surrogate, which no JSON encoder or printer takes."""
    path = tmp_path / "escape.xlsx"
    sheet = _with_texts(path, {"<t>Mulai</t>": "<t>_xD83D__xDCC4_ Mulai _xD800_</t>"})
    grid = read_workbook(path).sheet(sheet)
    assert grid is not None
    assert "\U0001F4C4 Mulai \ufffd" in grid.values.values()
    for argv in (["validate", "--json"], ["export"], ["validate"]):
        code, out, err = cli(*argv, str(path))
        assert code in (0, 1) and UNEXPECTED not in err, err
    strict_json(cli("export", str(path))[1])


@pytest.mark.parametrize("text", ["9" * 5000, "²"])
def test_digit_texts_int_refuses_do_not_crash_the_header_search(tmp_path: Path, text: str) -> None:
    """A column-number row cell of 5000 digits (or "²", a digit to isdigit()) crashed int()."""
    path = tmp_path / "digits.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No", "Kegiatan", "Staf", "Kelengkapan", "Waktu", "Output", "Keterangan"])
    ws.append([1, 2, 3, 4, 5, text, 7])
    ws.append([1, "Menerima surat", "Mulai", "Surat", "5 menit", "Surat", None])
    wb.save(path)
    code, out, err = cli("validate", "--json", str(path))
    assert code in (0, 1) and UNEXPECTED not in err, err
    strict_json(out)


def test_a_word_of_forty_thousand_characters_prints(tmp_path: Path) -> None:
    """The PDF cut an overlong word one character at a time: minutes for one cell."""
    from sopxl.pdf.page import wrap
    from sopxl.pdf.render import measure

    word = "A" * 40_000
    lines = wrap(f"Menyusun {word} akhir", 80, 8, measure)
    assert lines[0] == "Menyusun" and lines[-1].endswith("akhir")
    assert "".join(lines).replace(" ", "") == f"Menyusun{word}akhir"  # nothing lost
    assert all(measure(line, 8) <= 80 for line in lines)

    sops = seed_sops()[:1]
    sops[0]["bagian"][0]["langkah"][0]["kegiatan"] = f"Menyusun {word}"
    path = tmp_path / "panjang.xlsx"
    build_workbook(path, sops)
    code, out, err = cli("pdf", "--out", str(tmp_path / "pdf"), str(path))
    assert code in (0, 1) and UNEXPECTED not in err, err
    assert list((tmp_path / "pdf").glob("*.pdf"))
