"""``sopxl draw``: arguments and messages; the drawing itself is ``sopxl.draw``.

Kept apart so building the command line does not import the drawing code (lxml and the
DrawingML writer) for every other command.
"""
from __future__ import annotations

import argparse
import os
from typing import TextIO

from ..errors import SopxlError


def add_arguments(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser("draw", help="gambar bagan alir (shape Excel) dari simbol yang diketik")
    p.add_argument("files", nargs="+", metavar="BERKAS")
    p.add_argument("--output", metavar="SALINAN", help="tulis ke salinan ini, berkas asli tidak diubah")
    common(p)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from ..config import load_config
    from ..draw import draw_file
    from ..write.lock import workbook_lock

    en = args.lang == "en"
    if args.output and len(args.files) > 1:
        raise SopxlError("--output hanya dapat dipakai dengan satu berkas.", code="PERINTAH",
                         message_en="--output works with one file only.")
    cfg = load_config(args.config, final=args.final, lang=args.lang)
    code = 0
    for f in args.files:
        try:
            # Held from the read to the write: another sopxl command on this workbook waits.
            with workbook_lock(os.path.realpath(args.output or f), shown=args.output or f):
                r = draw_file(f, cfg, args.output)
        except SopxlError as exc:
            stderr.write(f"sopxl: {exc.text(args.lang)}\n")
            code = 2
            continue
        sheets = ", ".join(repr(s) for s in r.sheets)
        if en:
            stdout.write(f"{r.path}: flowchart drawn on {len(r.sheets)} sheet(s) ({sheets}), "
                         f"{r.shapes} shapes.\n")
        else:
            stdout.write(f"{r.path}: bagan alir digambar pada {len(r.sheets)} lembar ({sheets}), "
                         f"{r.shapes} bentuk.\n")
    return code
