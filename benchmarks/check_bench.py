"""How long a merge worker spends on a workbook after reading it, next to the read itself.

    .venv/bin/python benchmarks/check_bench.py --n 300 [--folder DIR] [--rounds 3]

The worker's step (``sopxl.merge.summary.summarize``) is ``read_workbook``, then
``validate_grids`` (parse every sheet, schema, rules, totals) and ``summary_of`` + ``to_json``.
This times the two parts over the same files in the same run: the sheets are read first (not
timed), then checked and summarised, best of ``--rounds`` rounds (fresh grids each round, so no
cache a grid keeps is reused), in process CPU time (the machine is shared). It prints ms per
file for each part, the ratio check / read, and where the check's time goes.

Workbooks: ``--folder`` (every .xlsx under it), else N written by ``merge_bench.generate``
(office layout: three SOP sheets, Petunjuk and Pengaturan) into a temporary folder.
"""
from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from sopxl.config import load_config  # noqa: E402
from sopxl.merge.summary import summary_of, to_json  # noqa: E402
from sopxl.read.xlsx import read_workbook  # noqa: E402
from sopxl.validate import UNREAD_SHEETS, validate_grids  # noqa: E402


def check_once(paths: list[Path], cfg) -> tuple[float, float]:
    """(read seconds, check seconds) over ``paths``, in process CPU time, with the cyclic
    garbage collector off as in the merge's workers (``summary.init_worker``): here every
    grid of the run is alive at once, and the collector walking them would be timed too."""
    clock = time.process_time
    gc.disable()
    try:
        a = clock()
        books = [(str(p), read_workbook(p, skip=UNREAD_SHEETS).sheets) for p in paths]
        b = clock()
        for path, sheets in books:
            to_json(summary_of(path, validate_grids(path, sheets, cfg), cfg))
        c = clock()
    finally:
        gc.enable()
        gc.collect()
    return b - a, c - b


def stages(paths: list[Path], cfg) -> dict[str, float]:
    """Seconds in each part of the check (the core's own functions, timed by wrapping)."""
    import sopxl.validate as v

    spent: dict[str, float] = {}
    originals = {name: getattr(v, name) for name in ("parse_book", "check_document")}

    def timed(name, func):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return run

    for name, func in originals.items():
        setattr(v, name, timed(name, func))
    gc.disable()  # as in check_once
    try:
        books = [(str(p), read_workbook(p, skip=UNREAD_SHEETS).sheets) for p in paths]
        for path, sheets in books:
            result = v.validate_grids(path, sheets, cfg)
            start = time.process_time()
            to_json(summary_of(path, result, cfg))
            spent["summary"] = spent.get("summary", 0.0) + time.process_time() - start
    finally:
        gc.enable()
        for name, func in originals.items():
            setattr(v, name, func)
    return spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="workbooks to write (default 300)")
    ap.add_argument("--folder", help="check the workbooks under this folder instead")
    ap.add_argument("--rounds", type=int, default=3, help="best of this many rounds (default 3)")
    args = ap.parse_args(argv)
    cfg = load_config()
    with tempfile.TemporaryDirectory() as tmp:
        if args.folder:
            paths = sorted(Path(args.folder).rglob("*.xlsx"))
        else:
            from merge_bench import generate

            paths = generate(args.n, Path(tmp))
        if not paths:
            print("no workbooks", file=sys.stderr)
            return 1
        n = len(paths)
        runs = [check_once(paths, cfg) for _ in range(max(1, args.rounds))]
        read, check = min(r for r, _c in runs), min(c for _r, c in runs)
        print(f"{n} workbooks, best of {len(runs)} rounds, process CPU time")
        print(f"read_workbook:              {read / n * 1000:6.3f} ms/file")
        print(f"validate_grids + summary:   {check / n * 1000:6.3f} ms/file  "
              f"({check / read:.2f}x the read)")
        for name, secs in sorted(stages(paths, cfg).items(), key=lambda kv: -kv[1]):
            print(f"  {name:24s}  {secs / n * 1000:6.3f} ms/file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
