"""Two writers on one workbook at once, and writes cut short: nothing a user did is ever lost.

Issue #14. Real files and real ``sopxl`` processes: ``validate --write`` racing
``draw``, a workbook open in Excel or LibreOffice, a program that changes the file
while sopxl works on it, a process killed in the middle of a write, and the hidden
temporary and lock files such a kill leaves behind.
"""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from sopxl.cli import run as cli_run
from sopxl.errors import WorkbookChangedError, WriteError
from sopxl.read.drawing import SOPXL_DESCR
from sopxl.read.xlsx import read_workbook
from sopxl.sheetspec import CellSpec, SheetSpec
from sopxl.write import lock, package, replace
from sopxl.write.package import write_sheets

needs_posix = pytest.mark.skipif(os.name != "posix", reason="sends SIGKILL")

CHANGED = "diubah oleh program lain"
BUSY = "sedang ditulis oleh proses sopxl lain"


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def sopxl(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "sopxl", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The example workbook: two SOPs with their symbols typed, no Status, no flowchart yet."""
    path = tmp_path_factory.mktemp("contoh") / "contoh.xlsx"
    code, _, err = cli("template", "--contoh", "--out", str(path))
    assert code == 0, err
    return path.read_bytes()


@pytest.fixture
def book(tmp_path: Path, contoh: bytes) -> Path:
    path = tmp_path / "SOP Bagian Umum.xlsx"
    path.write_bytes(contoh)
    return path


def sheet_names(path: Path) -> list[str]:
    return [g.name for g in read_workbook(path, shapes=False).sheets]


def drawn_shapes(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        return sum(z.read(n).decode("utf-8").count(f'descr="{SOPXL_DESCR}') for n in z.namelist()
                   if n.startswith("xl/drawings/") and n.endswith(".xml"))


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".~sopxl-", "~$", ".~lock.")))


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


# ---------------------------------------------------------------------------- two sopxl commands

def test_validate_write_and_draw_racing_never_lose_either_result(tmp_path: Path, contoh: bytes) -> None:
    rounds = 8
    for i in range(rounds):
        path = tmp_path / f"race{i}.xlsx"
        path.write_bytes(contoh)
        first, second = ("validate", "draw") if i % 2 else ("draw", "validate")
        procs = {}
        for command in (first, second):
            procs[command] = sopxl(command, str(path), "--write") if command == "validate" else sopxl(
                command, str(path))
        done = {name: (p.wait(timeout=120), *p.communicate()) for name, p in procs.items()}
        names = sheet_names(path)
        v_code, v_out, v_err = done["validate"]
        d_code, d_out, d_err = done["draw"]
        if v_code in (0, 1):
            assert "Status" in names and "Checklist" in names, (i, names, v_out, v_err)
        else:
            assert v_code == 2 and (CHANGED in v_out + v_err or BUSY in v_out + v_err), (v_out, v_err)
        if d_code == 0:
            assert drawn_shapes(path) > 0, (i, d_out, d_err)
        else:
            assert d_code == 2 and (CHANGED in d_err or BUSY in d_err), d_err
        assert not (v_code == 2 and d_code == 2), "one of them must have been written"
        assert hidden(tmp_path) == []  # no lock and no temporary file stays behind


def test_two_validate_writes_at_once_keep_the_answers_and_one_status_sheet(book: Path) -> None:
    procs = [sopxl("validate", str(book), "--write") for _ in range(3)]
    codes = [p.wait(timeout=120) for p in procs]
    for p in procs:
        p.communicate()
    assert codes.count(0) + codes.count(1) >= 1
    names = sheet_names(book)
    assert names.count("Status") == 1 and names.count("Checklist") == 1
    with zipfile.ZipFile(book) as z:
        assert z.testzip() is None


# ---------------------------------------------------------------------------- a program without our lock

def another_program_saves_after_our_read(monkeypatch: pytest.MonkeyPatch, book: Path,
                                         times: int) -> list[str]:
    """After each of sopxl's first ``times`` reads of ``book`` (for a Status sheet), another
    program (no sopxl lock) adds a sheet of its own; the names of those sheets."""
    real = package._Edit.with_sheets
    added: list[str] = []

    def meanwhile(self, specs):
        entries = real(self, specs)
        if specs and specs[0].name == "Status" and len(added) < times:
            added.append(f"Catatan kantor {len(added) + 1}")
            write_sheets(book, [SheetSpec(added[-1], rows=[["ditulis oleh orang lain"]])])
        return entries

    monkeypatch.setattr(package._Edit, "with_sheets", meanwhile)
    return added


def test_a_change_made_while_sheets_are_built_is_kept_and_the_sheets_applied_again(
        book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel (or a copy over the file) writes it between sopxl's read and its replace."""
    added = another_program_saves_after_our_read(monkeypatch, book, times=1)
    write_sheets(book, [SheetSpec("Status", rows=[[CellSpec("hasil sopxl", "title")]])])
    names = sheet_names(book)
    assert added == ["Catatan kantor 1"] and "Catatan kantor 1" in names and "Status" in names


def test_a_file_that_keeps_changing_is_refused_and_left_as_the_other_program_wrote_it(
        book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    added = another_program_saves_after_our_read(monkeypatch, book, times=99)
    with pytest.raises(WorkbookChangedError) as err:
        write_sheets(book, [SheetSpec("Status", rows=[["hasil"]])])
    assert err.value.code == "TULIS-BERUBAH" and CHANGED in err.value.message
    names = sheet_names(book)
    assert len(added) == package.ATTEMPTS and "Status" not in names and added[-1] in names
    assert hidden(book.parent) == []


def test_the_draw_path_refuses_when_the_file_changed_after_its_check(book: Path) -> None:
    """write/drawing.py checks with _check_target, reads, then _commits: a change in between wins."""
    target = str(book)
    package._check_target(target, shown=target)
    from sopxl.read.safezip import SafeZip
    from sopxl.write.packing import edited_entries

    with SafeZip(target) as z:
        entries = edited_entries(z, {}, set())
    write_sheets(book, [SheetSpec("Catatan kantor", rows=[["x"]])])  # another writer, meanwhile
    after_other = book.read_bytes()
    with pytest.raises(WorkbookChangedError):
        package._commit(target, entries, shown=target)
    assert book.read_bytes() == after_other


def test_validate_write_checks_again_what_it_reads_again(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """annotate: a change between the check and the write makes it check the new content."""
    from sopxl import annotate
    from sopxl.config import load_config

    real = annotate.write_reports
    seen = []

    def meanwhile(result, cfg, **kw):
        seen.append(sorted(s.doc.sheet for s in result.sops))
        if len(seen) == 1:
            write_sheets(book, [SheetSpec("Catatan kantor", rows=[["x"]])])
        return real(result, cfg, **kw)

    monkeypatch.setattr(annotate, "write_reports", meanwhile)
    result = annotate.annotate_file(book, load_config(None))
    assert result.write_error is None and len(seen) == 2
    names = sheet_names(book)
    assert {"Catatan kantor", "Status", "Checklist"} <= set(names)


# ---------------------------------------------------------------------------- open in Excel / LibreOffice

@pytest.mark.parametrize("office_lock", ["~$SOP Bagian Umum.xlsx", ".~lock.SOP Bagian Umum.xlsx#"])
def test_a_workbook_open_in_an_office_program_is_never_rewritten(book: Path, office_lock: str) -> None:
    (book.parent / office_lock).write_bytes(b"owner")
    before = book.read_bytes()
    for args in (("validate", str(book), "--write"), ("draw", str(book)),
                 ("template", "--out", str(book), "--force")):
        code, out, err = cli(*args)
        assert code == 2, args
        assert "Buku kerja sedang dibuka di" in out + err and "tutup dulu" in out + err, args
        assert book.read_bytes() == before
    assert hidden(book.parent) == [office_lock]


def test_excel_opening_the_file_during_the_write_stops_the_replace(
        book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = book.read_bytes()
    real = replace.zip_holds

    def excel_opens_it(path, names):
        (book.parent / f"~${book.name}").write_bytes(b"owner")
        return real(path, names)

    monkeypatch.setattr(replace, "zip_holds", excel_opens_it)
    code, out, _ = cli("validate", str(book), "--write")
    assert code == 2 and "sedang dibuka di Excel" in out
    assert book.read_bytes() == before
    assert hidden(book.parent) == [f"~${book.name}"]


# ---------------------------------------------------------------------------- the lock

def test_a_lock_held_by_a_live_process_makes_the_next_writer_wait_then_say_who(book: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom sopxl.write.lock import workbook_lock\n"
         "with workbook_lock(sys.argv[1], shown='x'):\n    print('held', flush=True)\n    time.sleep(30)\n",
         str(book)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(WriteError) as err:
            with lock.workbook_lock(str(book), shown=str(book), wait=0.5):
                pass
        assert err.value.code == "TULIS-SIBUK" and f"pid {holder.pid}" in err.value.message
        if os.name == "posix":
            holder.send_signal(signal.SIGKILL)  # dies holding it: the lock file stays behind
            holder.wait()
            assert Path(lock.lock_path(str(book))).exists()
            with lock.workbook_lock(str(book), shown=str(book), wait=0.5):
                pass  # its process is gone: the lock is broken at once
    finally:
        holder.kill()
        holder.wait()
        holder.stdout and holder.stdout.close()
    assert hidden(book.parent) == []


def test_a_lock_file_sopxl_did_not_write_is_waited_for_while_it_is_young(book: Path) -> None:
    Path(lock.lock_path(str(book))).write_bytes(b"")  # created this instant, content not written yet
    with pytest.raises(WriteError, match=BUSY):
        with lock.workbook_lock(str(book), shown=str(book), wait=0.3):
            pass
    old = time.time() - lock.LOCK_STALE_SECONDS - 5
    os.utime(lock.lock_path(str(book)), (old, old))
    with lock.workbook_lock(str(book), shown=str(book), wait=0.3):
        pass
    assert hidden(book.parent) == []


# ---------------------------------------------------------------------------- leftovers of a kill

def test_stale_temporary_files_are_cleaned_and_fresh_ones_kept(book: Path) -> None:
    folder = book.parent
    host = lock.HOST
    gone = dead_pid()
    stale_dead = folder / f".~sopxl-{host}-{gone}-a1b2c3.tmp"
    stale_old = folder / ".~sopxl-0123456789ab.tmp"  # the old naming, two hours old
    fresh_old_style = folder / ".~sopxl-ba9876543210.tmp"
    fresh_alive = folder / f".~sopxl-{host}-{os.getppid()}-d4e5f6.tmp"
    other_machine = folder / f".~sopxl-{'0' * 6 if host != '0' * 6 else '1' * 6}-{gone}-0a0b0c.tmp"
    not_ours = [folder / ".~sopxl-catatan.txt", folder / f"{book.name}.tmp", folder / ".~sopxl-x.tmp"]
    for p in (stale_dead, stale_old, fresh_old_style, fresh_alive, other_machine, *not_ours):
        p.write_bytes(b"partial")
    two_hours = time.time() - 7200
    os.utime(stale_old, (two_hours, two_hours))
    code, out, _ = cli("validate", str(book), "--write")
    assert code in (0, 1), out
    left = {p.name for p in folder.iterdir()}
    assert stale_dead.name not in left and stale_old.name not in left
    for p in (fresh_old_style, fresh_alive, other_machine, *not_ours):
        assert p.name in left and p.read_bytes() == b"partial"


KILLED_WRITER = """
import sys
from sopxl.sheetspec import SheetSpec
from sopxl.write.package import write_sheets
rows = [[f"baris {r}", r, "teks yang agak panjang supaya berkasnya besar " * 3] for r in range(30000)]
write_sheets(sys.argv[1], [SheetSpec("Besar", rows=rows)])
"""


@needs_posix
def test_a_write_killed_at_any_moment_leaves_the_original_whole(tmp_path: Path, contoh: bytes) -> None:
    mid_write = 0
    # Killed as soon as its temporary file appears, and a little later each time, up to
    # after the replace.
    for i, delay in enumerate((0.0, 0.05, 0.15, 0.3, 2.0)):
        folder = tmp_path / f"k{i}"
        folder.mkdir()
        path = folder / "SOP.xlsx"
        path.write_bytes(contoh)
        child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path)])
        deadline = time.monotonic() + 60
        while not any(n.endswith(".tmp") for n in hidden(folder)) and child.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        if path.read_bytes() == contoh:
            mid_write += any(n.endswith(".tmp") for n in hidden(folder))
        else:  # the replace happened before the kill: the new file is whole
            assert "Besar" in sheet_names(path)
        with zipfile.ZipFile(path) as z:
            assert z.testzip() is None
        # The next write into the folder removes what the killed one left.
        write_sheets(path, [SheetSpec("Status", rows=[["x"]])])
        assert hidden(folder) == []
    assert mid_write, "no kill landed in the middle of a write: make the workbook bigger"


# ---------------------------------------------------------------------------- only the named file

def test_template_force_replaces_only_the_named_file(tmp_path: Path) -> None:
    target = tmp_path / "Templat.xlsx"
    target.write_bytes(b"lama")
    mine = tmp_path / "Templat.xlsx.tmp"  # the name the old writer used for its temporary file
    mine.write_bytes(b"catatan saya")
    code, _, err = cli("template", "--out", str(target), "--force")
    assert code == 0, err
    assert mine.read_bytes() == b"catatan saya"
    assert "SOP 01" in sheet_names(target)
    assert hidden(tmp_path) == []


def test_template_without_force_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "Templat.xlsx"
    target.write_bytes(b"punya kantor")
    code, _, err = cli("template", "--out", str(target))
    assert code == 2 and "--force" in err
    assert target.read_bytes() == b"punya kantor"
    assert hidden(tmp_path) == []


@needs_posix
def test_the_fingerprint_of_a_named_pipe_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    """Regression: validate --write and draw blocked on a FIFO named .xlsx before the reader refused it."""
    fifo = tmp_path / "kiriman.xlsx"
    os.mkfifo(fifo)
    seen = replace.fingerprint(str(fifo))
    assert seen is not None and seen == replace.fingerprint(str(fifo))
    assert replace.fingerprint(str(tmp_path / "tidak ada.xlsx")) is None
