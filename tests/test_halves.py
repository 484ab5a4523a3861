"""Work shared with a forked child (merge/halves.py): the same result whichever process did
which half, and the child's failure costs only time.

The forking cases run in a fresh Python: this test process has threads of C libraries
(numpy's), and halves.py rightly never forks then.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import openpyxl
import pytest
from test_merge import office_tree

from sopxl.merge import halves

ROOT = Path(__file__).resolve().parent.parent
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")

SQUARES = """
import json, os, sys
from sopxl.merge import halves

def squares(lo, hi):
    if os.getpid() != PARENT and DIE:
        os._exit(3)
    return {"pid": os.getpid(), "values": [i * i for i in range(lo, hi)]}

PARENT = os.getpid()
DIE = sys.argv[1] == "die"
first, second = halves.in_halves(9, squares, min_items=2)
print(json.dumps({"parent": PARENT, "first": first, "second": second}))
"""


def _python(script: str, *args: str, cwd: Path = ROOT) -> str:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _squares(lo: int, hi: int) -> dict:
    return {"pid": os.getpid(), "values": [i * i for i in range(lo, hi)]}


def test_serial_below_the_threshold() -> None:
    first, second = halves.in_halves(7, _squares, min_items=100)
    assert first["values"] + second["values"] == [i * i for i in range(7)]
    assert first["pid"] == second["pid"] == os.getpid()


@needs_fork
def test_the_second_half_is_done_by_a_child() -> None:
    got = json.loads(_python(SQUARES, "live"))
    assert got["first"]["values"] + got["second"]["values"] == [i * i for i in range(9)]
    assert got["first"]["pid"] == got["parent"] != got["second"]["pid"]


@needs_fork
def test_a_child_that_dies_leaves_the_work_to_the_parent() -> None:
    got = json.loads(_python(SQUARES, "die"))
    assert got["first"]["values"] + got["second"]["values"] == [i * i for i in range(9)]
    assert got["second"]["pid"] == got["parent"]


def test_no_fork_while_another_thread_runs(monkeypatch) -> None:
    forks = []
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or pytest.fail("forked"), raising=False)
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        first, second = halves.in_halves(9, _squares, min_items=2)
    finally:
        stop.set()
        t.join()
    assert forks == [] and second["pid"] == os.getpid()
    assert first["values"] + second["values"] == [i * i for i in range(9)]


MERGE = """
import os, sys
from sopxl.cli import main
from sopxl.merge import halves
halves.HALVES_MIN_ITEMS = int(sys.argv[1])
real_fork, forks = os.fork, []
def counting_fork():
    pid = real_fork()
    if pid:
        forks.append(pid)
    return pid
os.fork = counting_fork
code = main(["merge", "SOP", "--out", sys.argv[2], "--jobs", "1", "--no-cache", "--quiet"])
print(code, len(forks))
"""


def _sheets(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


@needs_fork
def test_keterkaitan_resolved_in_halves_gives_the_same_register(tmp_path) -> None:
    office_tree(tmp_path / "SOP")
    code_one, forks_one = _python(MERGE, str(10**9), "satu.xlsx", cwd=tmp_path).split()[-2:]
    code_two, forks_two = _python(MERGE, "2", "dua.xlsx", cwd=tmp_path).split()[-2:]
    assert (code_one, forks_one, forks_two) == (code_two, "0", "1")  # the second did fork
    one, two = _sheets(tmp_path / "satu.xlsx"), _sheets(tmp_path / "dua.xlsx")
    assert one == two
    assert any(r[5] == "Tidak ditemukan" for r in one["Keterkaitan"])  # the halves had work to do
    assert any(r[5] == "Ditemukan" for r in one["Keterkaitan"])
