"""``sopxl template``: write a new SOP AP workbook, empty or filled with the example.

    sopxl template --out FILE [--roles "Kepala Bagian;Kasubbag;Staf"] [--sops N]
                   [--paper A4|F4] [--steps N] [--contoh] [--force]

The workbook is built by ``sopxl.templates``; this module only checks the options, picks
the calendar and roles (options first, then the office's --config, then the defaults) and
writes a new file, refusing to replace one unless --force.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Callable, TextIO

from ..errors import SopxlError, WriteError

MAX_SOPS = 99  # sheets are named "SOP 01" … "SOP 99"
MAX_STEPS = 500
MAX_ROLES = 20


def add_arguments(sub: argparse._SubParsersAction, common: Callable[[argparse.ArgumentParser], None]) -> None:
    t = sub.add_parser("template", help="buat buku kerja templat SOP AP baru (atau contoh terisi)")
    t.add_argument("--out", required=True, metavar="BERKAS", help="berkas .xlsx yang akan dibuat")
    t.add_argument("--roles", metavar="DAFTAR",
                   help='nama pelaksana dipisah titik koma, mis. "Kepala Bagian;Kasubbag;Staf"')
    t.add_argument("--sops", type=int, metavar="N", help="jumlah lembar SOP (bawaan 1)")
    t.add_argument("--paper", choices=("A4", "F4"), default="A4", help="ukuran kertas (bawaan A4)")
    t.add_argument("--steps", type=int, metavar="N", help="jumlah baris langkah per SOP (bawaan 20)")
    t.add_argument("--contoh", action="store_true", help="tulis contoh SOP terisi (dua SOP nyata)")
    t.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    common(t)


def _bad(message: str, message_en: str) -> SopxlError:
    return SopxlError(message, code="PERINTAH", message_en=message_en)


def parse_roles(text: str) -> list[str]:
    roles = [" ".join(r.split()) for r in text.split(";")]
    roles = [r for r in roles if r]
    if not roles:
        raise _bad("--roles tidak berisi nama pelaksana.", "--roles names no role.")
    if len(roles) > MAX_ROLES:
        raise _bad(f"Paling banyak {MAX_ROLES} pelaksana.", f"At most {MAX_ROLES} roles.")
    seen = set()
    for r in roles:
        if r.lower() in seen:
            raise _bad(f"Pelaksana '{r}' disebut dua kali.", f"Role '{r}' is named twice.")
        seen.add(r.lower())
    return roles


def _check(args: argparse.Namespace) -> None:
    if Path(args.out).suffix.lower() != ".xlsx":
        raise _bad("Berkas keluaran harus berakhiran .xlsx.", "The output file must end in .xlsx.")
    if args.contoh and (args.roles is not None or args.sops is not None or args.steps is not None):
        raise _bad("--contoh tidak dapat digabung dengan --roles, --sops atau --steps.",
                   "--contoh cannot be combined with --roles, --sops or --steps.")
    if args.sops is not None and not 1 <= args.sops <= MAX_SOPS:
        raise _bad(f"--sops harus antara 1 dan {MAX_SOPS}.", f"--sops must be between 1 and {MAX_SOPS}.")
    if args.steps is not None and not 1 <= args.steps <= MAX_STEPS:
        raise _bad(f"--steps harus antara 1 dan {MAX_STEPS}.",
                   f"--steps must be between 1 and {MAX_STEPS}.")


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from ..config import load_config
    from ..templates import DEFAULT_ROLES, DEFAULT_STEPS, build_contoh, build_template
    from ..templates.package import workbook_bytes
    from ..write.replace import os_error, write_file

    _check(args)
    cfg = load_config(args.config, final=args.final, lang=args.lang)
    en = args.lang == "en"
    if args.contoh:
        wb, placed = build_contoh(args.paper, cfg.calendar)
        title = "Contoh SOP AP"
    else:
        roles = parse_roles(args.roles) if args.roles is not None else list(cfg.roles or DEFAULT_ROLES)
        steps = args.steps or DEFAULT_STEPS
        wb, placed = build_template(roles, args.sops or 1, args.paper, steps, cfg.calendar)
        title = f"Templat SOP AP ({args.paper})"
    shown = str(args.out)
    try:
        # Beside the file, under sopxl's lock, never over a workbook open in Excel; and
        # without --force never over a file, even one that appears meanwhile.
        write_file(os.path.realpath(shown), workbook_bytes(wb, title), shown=shown, force=args.force)
    except FileExistsError:
        raise WriteError("Berkas sudah ada; tambahkan --force untuk menimpanya.", path=shown,
                         message_en="The file already exists; add --force to replace it.") from None
    except OSError as exc:
        raise os_error(exc, shown) from None

    sheets = ", ".join(p.sheet for p in placed)
    if args.contoh:
        stdout.write(f"Example workbook written: {args.out} ({sheets}; paper {args.paper}).\n" if en else
                     f"Contoh buku kerja ditulis: {args.out} ({sheets}; kertas {args.paper}).\n")
    else:
        n_roles = len(placed[0].role_cols)
        n_steps = len(placed[0].step_rows[0])
        stdout.write(
            f"Template written: {args.out} ({sheets}; {n_roles} roles, {n_steps} step rows, paper "
            f"{args.paper}). Read the Petunjuk sheet first.\n" if en else
            f"Templat ditulis: {args.out} ({sheets}; {n_roles} pelaksana, {n_steps} baris langkah, "
            f"kertas {args.paper}). Baca lembar Petunjuk lebih dulu.\n")
    return 0
