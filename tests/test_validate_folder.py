"""``sopxl validate FOLDER``: the workbooks in the folder are checked one by one.

Regression: the folder itself was counted as "1 berkas" that could not be read.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

from openpyxl import load_workbook
from report_builders import build_workbook, seed_sops

from sopxl.cli import run


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def bagian_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "Bagian Organisasi"
    (folder / "2025").mkdir(parents=True)
    build_workbook(folder / "anjab.xlsx")
    sops = seed_sops()[:1]
    sops[0]["bagian"][0]["langkah"][5]["no"] = "5."  # a duplicated step number: an error
    build_workbook(folder / "2025" / "rusak.xlsm", sops)
    (folder / "~$anjab.xlsx").write_bytes(b"lock")  # Excel's lock file while it is open
    (folder / "catatan.txt").write_text("bukan buku kerja")
    return folder


def test_a_folder_is_opened_and_each_workbook_checked(tmp_path):
    folder = bagian_folder(tmp_path)
    code, out, err = cli("validate", str(folder))
    assert code == 1  # rusak.xlsm has an error
    assert "Ringkasan: 2 berkas, 3 SOP, 1 galat" in out
    assert "anjab.xlsx" in out and "rusak.xlsm" in out and "nomor-langkah-ganda" in out
    assert "folder" in err and "2 buku kerja" in err and f"sopxl merge {folder}" in err
    assert "TIDAK TERBACA" not in out and "~$" not in out
    code, out, _ = cli("validate", "--json", str(folder))
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == ["anjab.xlsx", "rusak.xlsm"]


def test_write_on_a_folder_writes_each_workbook_and_refuses_one_output(tmp_path):
    folder = bagian_folder(tmp_path)
    code, _, err = cli("validate", "--write", str(folder), "--output", str(tmp_path / "salinan.xlsx"))
    assert code == 2 and "--output hanya untuk satu berkas" in err
    assert not (tmp_path / "salinan.xlsx").exists()
    # anjab.xlsx is open in Excel (its lock file is there): it is left alone, the other written.
    code, out, _ = cli("validate", "--write", str(folder))
    assert code == 2 and "sedang dibuka di Excel" in out
    assert "Status" not in load_workbook(folder / "anjab.xlsx").sheetnames
    assert {"Status", "Checklist"} <= set(load_workbook(folder / "2025" / "rusak.xlsm").sheetnames)
    (folder / "~$anjab.xlsx").unlink()  # Excel closed
    code, _, _ = cli("validate", "--write", str(folder))
    assert code == 1
    for path in (folder / "anjab.xlsx", folder / "2025" / "rusak.xlsm"):
        assert {"Status", "Checklist"} <= set(load_workbook(path).sheetnames)


def test_a_folder_without_workbooks_is_told(tmp_path):
    empty = tmp_path / "kosong"
    empty.mkdir()
    (empty / "catatan.txt").write_text("x")
    code, out, err = cli("validate", str(empty))
    assert code == 2 and "tidak berisi buku kerja .xlsx/.xlsm" in err and str(empty) in err
    code, _, err = cli("validate", str(empty), "--lang", "en")
    assert code == 2 and "holds no .xlsx/.xlsm workbook" in err
