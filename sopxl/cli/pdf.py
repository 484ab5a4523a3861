"""``sopxl pdf``: one print-ready PDF per SOP; the layout and drawing are ``sopxl.pdf``."""
from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from .exits import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE

PAPERS = ("A4", "F4")


def kertas_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kertas", type=str.upper, choices=PAPERS, metavar="A4|F4",
                   help="ukuran kertas (melintang); bawaan: baris Kertas di lembar Pengaturan, lalu "
                        "pengaturan cetak lembar SOP, selain F4 = A4")


def map_argument(p: argparse.ArgumentParser) -> None:
    """``--map``, as ``sopxl merge`` takes it: the PDF, the Buku and the Keputusan name the same
    Bagian as the register."""
    p.add_argument("--map", metavar="PETA.json",
                   help='peta Bagian seperti sopxl merge: {"berkas, nama berkas atau folder": "Nama Bagian"}')


def bagian_lookup(args: argparse.Namespace) -> Callable[[str], str | None] | None:
    """The ``--map`` file's lookup (workbook path -> Bagian), or None without one."""
    from ..merge.bagian import load_map

    return load_map(args.map).lookup if getattr(args, "map", None) else None


def add_arguments(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser("pdf", help="cetak setiap SOP ke PDF siap cetak (identitas + bagan alir)")
    p.add_argument("files", nargs="+", metavar="BERKAS", help="buku kerja SOP, folder, atau register rekap")
    p.add_argument("--out", metavar="FOLDER", help="folder PDF (bawaan: di samping tiap buku kerja)")
    kertas_argument(p)
    map_argument(p)
    common(p)


def report_unreadable(unreadable: list[tuple[str, str]], stderr: TextIO) -> None:
    for path, message in unreadable:
        stderr.write(f"sopxl: {path}: {message}\n")


def report_failed(failed: list, stderr: TextIO, en: bool, left_out_id: str, left_out_en: str) -> None:
    """Name each SOP left out (of the Buku, of the Keputusan's Lampiran) because it has errors."""
    for e in failed:
        stderr.write(f"sopxl: {e.path} [{e.sop.doc.sheet}]: "
                     + (f"{e.sop.errors} error(s), {left_out_en}.\n" if en else
                        f"{e.sop.errors} galat, {left_out_id}.\n"))


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from ..config import load_config
    from ..pdf import print_sops

    en = args.lang == "en"
    cfg = load_config(args.config, final=args.final, lang=args.lang)
    done, found = print_sops(args.files, cfg, args.out, args.kertas, bagian_lookup(args))
    report_unreadable(found.unreadable, stderr)
    errors = 0
    for d in done:
        n = d.entry.sop.errors
        errors += n
        where = f"{d.entry.path} [{d.entry.sop.doc.sheet}]"
        if en:
            note = f"; {n} error(s): see 'sopxl validate'" if n else ""
            stdout.write(f"{where}: printed to {d.path} ({d.pages} pages, {d.paper}){note}\n")
        else:
            note = f"; {n} galat: lihat 'sopxl validate'" if n else ""
            stdout.write(f"{where}: dicetak ke {d.path} ({d.pages} halaman, {d.paper}){note}\n")
    if not done:
        given = ", ".join(args.files)  # a user who gave several files must know which ones
        stderr.write(f"sopxl: no SOP to print in {given}.\n" if en else
                     f"sopxl: tidak ada SOP yang dapat dicetak di {given}.\n")
        return EXIT_UNREADABLE
    if found.unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if errors else EXIT_OK
