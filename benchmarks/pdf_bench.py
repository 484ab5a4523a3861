"""How fast ``sopxl buku`` prints a Buku SOP of N SOPs, next to validating the same workbooks.

    .venv/bin/python benchmarks/pdf_bench.py --n 100

Writes N SOP sheets (the two real seed SOPs of ``sopxl/data/contoh.json``, 19 and 26 steps,
alternately, each with its own Nomor and Nama) as workbooks of five sheets in four Bagian
folders, then in the same run and over the same files:

* the baseline: ``validate_file`` on every workbook (what any sopxl command pays to read them);
* ``sopxl buku TREE --out BUKU.pdf`` in a fresh Python process (start-up included);
* inside one process: reading (collect), laying out and drawing, apart.

The goal is a 100-SOP book in at most 10 s on 2 cores; the ratio to the baseline says how
much printing adds to reading.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the workbook builder the tests use

import merge_builders as mb  # noqa: E402

BAGIAN = ["Organisasi", "Hukum", "Umum", "Perekonomian"]
PER_BOOK = 5


def build(root: Path, n: int) -> list[Path]:
    books = []
    k = 0
    while k < n:
        bagian = BAGIAN[(k // PER_BOOK) % len(BAGIAN)]
        sops = [mb.sop(j % 2, sheet=f"SOP {j + 1}", nomor=f"065/SOP/{j + 1}", nama=f"Prosedur nomor {j + 1}")
                for j in range(k, min(n, k + PER_BOOK))]
        books.append(mb.workbook(root / bagian / f"buku_{k // PER_BOOK + 1:03}.xlsx", sops))
        k += PER_BOOK
    return books


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()
    from sopxl.config import load_config
    from sopxl.pdf import collect, default_info, print_book
    from sopxl.pdf.book import layout_book
    from sopxl.pdf.render import measure, write_pdf
    from sopxl.validate import validate_file

    cfg = load_config(None)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "sop"
        t = time.perf_counter()
        books = build(tree, args.n)
        print(f"{args.n} SOP in {len(books)} buku kerja ditulis dalam {time.perf_counter() - t:.1f} s")

        t = time.perf_counter()
        for b in books:
            validate_file(str(b), cfg)
        base = time.perf_counter() - t
        print(f"baseline  validate_file semua buku kerja : {base:6.2f} s")

        out = Path(tmp) / "BUKU.pdf"
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sopxl", "buku", str(tree), "--out", str(out)], check=True,
                       capture_output=True)
        cmd = time.perf_counter() - t
        print(f"sopxl buku (proses baru, termasuk start) : {cmd:6.2f} s  = {cmd / base:.2f} x baseline"
              f"  [{out.stat().st_size / 1e6:.1f} MB]")

        t = time.perf_counter()
        found = collect([str(tree)], cfg)
        t_read = time.perf_counter() - t
        info = default_info(found, None)
        t = time.perf_counter()
        pages, _ = layout_book(found.entries, found.unreadable, info, None, measure)
        t_layout = time.perf_counter() - t
        t = time.perf_counter()
        write_pdf(pages, str(out))
        t_draw = time.perf_counter() - t
        print(f"  membaca {t_read:.2f} s, tata letak {t_layout:.2f} s ({len(pages)} halaman), "
              f"menggambar {t_draw:.2f} s")
        t = time.perf_counter()
        print_book(found, str(out), info)
        print(f"  print_book tanpa membaca: {time.perf_counter() - t:.2f} s")
        goal = "TERCAPAI" if cmd <= 10 else "BELUM tercapai"
        print(f"sasaran 100 SOP <= 10 s: {goal} ({cmd:.1f} s untuk {args.n} SOP)")


if __name__ == "__main__":
    main()
