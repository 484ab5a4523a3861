"""How fast and how lean sopxl refuses a sheet of a million steps, next to reading a normal SOP.

    .venv/bin/python benchmarks/refusal_bench.py [--steps 1000000]

Writes, into a temporary folder, one ordinary SOP workbook (25 steps), two workbooks whose
SOP sheet has ``--steps`` steps: one with the ``<dimension>`` Excel writes at the top of every
sheet, one without it (so sopxl must count rows as they stream by), and one whose shared
string table holds ``--strings-mb`` megabytes of distinct texts (read entry by entry). Each file is checked by
``sopxl validate`` in a fresh process, which reports its own time and peak memory; the
refusals are printed as ratios against the ordinary workbook measured in the same run.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROLES = ["Kepala Bagian", "Kasubbag", "Staf"]


# Texts as Excel saves them: once in the shared string table, cells point at them by index.
TEXTS = ["No", "Kegiatan", *ROLES, "Kelengkapan", "Waktu", "Output", "Menyusun dokumen", "Proses",
         "Surat", "15 menit", "Dokumen"]


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="s"><v>{TEXTS.index(text)}</v></c>'


def _header() -> str:
    cells = [_text("A1", "No"), _text("B1", "Kegiatan")]
    cells += [_text(f"{chr(67 + i)}1", role) for i, role in enumerate(ROLES)]
    cells += [_text("F1", "Kelengkapan"), _text("G1", "Waktu"), _text("H1", "Output")]
    return f'<row r="1">{"".join(cells)}</row>'


def _step(i: int) -> str:
    r = i + 2
    return (f'<row r="{r}"><c r="A{r}"><v>{i + 1}</v></c>{_text(f"B{r}", "Menyusun dokumen")}'
            f'{_text(f"{chr(67 + i % 3)}{r}", "Proses")}{_text(f"F{r}", "Surat")}'
            f'{_text(f"G{r}", "15 menit")}{_text(f"H{r}", "Dokumen")}</row>')


def write_sop(path: Path, steps: int, *, dimension: bool) -> Path:
    """A one-sheet SOP workbook of ``steps`` steps, its sheet XML streamed into the zip."""
    sst = "".join(f"<si><t>{t}</t></si>" for t in TEXTS)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                                      '<sheet name="SOP 01" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                   f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
                   '</Relationships>')
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{sst}</sst>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            dim = f'<dimension ref="A1:H{steps + 1}"/>' if dimension else ""
            fh.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dim}'
                     f'<sheetData>{_header()}'.encode())
            for start in range(0, steps, 10_000):
                fh.write("".join(_step(i) for i in range(start, min(steps, start + 10_000))).encode())
            fh.write(b"</sheetData></worksheet>")
    return path


def write_big_strings(path: Path, megabytes: int) -> Path:
    """A tiny sheet over a shared string table of ``megabytes`` of distinct short texts: a few
    megabytes zipped, whose tree alone would take about twenty times its size."""
    import random

    rng = random.Random(1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                                      '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                   f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">'
                                               '<c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>')
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(f'<sst xmlns="{MAIN}">'.encode())
            written = 0
            while written < megabytes * 1_000_000:
                chunk = "".join(f"<si><t>{rng.getrandbits(64):x}</t></si>" for _ in range(10_000))
                fh.write(chunk.encode())
                written += len(chunk)
            fh.write(b"</sst>")
    return path


def child(path: str) -> None:
    """Run in a fresh process: check one file, print seconds, peak memory and exit code."""
    import io

    from sopxl.cli import run

    t = time.perf_counter()
    out = io.StringIO()
    code = run(["validate", path], out, io.StringIO())
    seconds = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "code": code,
                      "said": out.getvalue().strip().splitlines()[1:2]}))


def measure(path: Path) -> dict:
    p = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True,
                       text=True, check=True)
    return json.loads(p.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=1_000_000)
    ap.add_argument("--strings-mb", type=int, default=40)
    ap.add_argument("--child")
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        normal = write_sop(folder / "biasa.xlsx", 25, dimension=True)
        with_dim = write_sop(folder / "sejuta.xlsx", args.steps, dimension=True)
        without = write_sop(folder / "sejuta_tanpa_dimensi.xlsx", args.steps, dimension=False)
        strings = write_big_strings(folder / "teks.xlsx", args.strings_mb)
        base = measure(normal)
        print(f"normal SOP (25 steps): {base['seconds']:.3f} s, {base['peak_mb']:.0f} MB, "
              f"exit {base['code']}")
        for label, path in ((f"{args.steps:,} steps with <dimension>", with_dim),
                            (f"{args.steps:,} steps without <dimension>", without),
                            (f"{args.strings_mb} MB of shared strings", strings)):
            m = measure(path)
            print(f"{label}: {m['seconds']:.3f} s "
                  f"({m['seconds'] / base['seconds']:.1f}x the normal SOP), {m['peak_mb']:.0f} MB "
                  f"({m['peak_mb'] / base['peak_mb']:.1f}x), exit {m['code']}, "
                  f"part {path.stat().st_size / 1e6:.0f} MB zipped")
            print(f"    {' '.join(m['said'])}")


if __name__ == "__main__":
    main()
