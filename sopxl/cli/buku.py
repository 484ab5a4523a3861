"""``sopxl buku``: the compiled Buku SOP as one PDF (cover, Daftar SOP, Keputusan, every SOP)."""
from __future__ import annotations

import argparse
from typing import TextIO

from ..errors import SopxlError
from .exits import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE
from .pdf import bagian_lookup, kertas_argument, map_argument, report_failed, report_unreadable


def add_arguments(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser("buku", help="susun Buku SOP (sampul, daftar SOP, Keputusan, setiap SOP) ke satu PDF")
    p.add_argument("sources", nargs="+", metavar="SUMBER",
                   help="register rekap (sopxl merge), folder buku kerja, atau buku kerja SOP")
    p.add_argument("--out", required=True, metavar="BUKU.pdf", help="berkas PDF yang ditulis")
    kertas_argument(p)
    p.add_argument("--keputusan", nargs="?", const="", metavar="TEKS.txt",
                   help="sertakan teks Keputusan dari berkas ini; tanpa berkas: kerangka dengan isian [..]")
    p.add_argument("--instansi", metavar="TEKS", help="instansi di sampul (bawaan: dari SOP pertama)")
    p.add_argument("--judul", metavar="TEKS", help="judul di sampul")
    p.add_argument("--tahun", metavar="TAHUN", help="tahun di sampul (bawaan: tahun ini)")
    p.add_argument("--pejabat", metavar="JABATAN", help="pejabat yang menetapkan Keputusan")
    map_argument(p)
    common(p)


def check_tahun(tahun: str | None) -> None:
    """A year on a cover or a Keputusan is four digits ("2025"), never "abc"."""
    if tahun is not None and not (len(tahun) == 4 and tahun.isascii() and tahun.isdigit()):
        raise SopxlError(f"--tahun {tahun!r} bukan tahun: tulis empat angka, misalnya 2025.", code="PERINTAH",
                         message_en=f"--tahun {tahun!r} is not a year: write four digits, e.g. 2025.")


def keputusan_paragraphs(args: argparse.Namespace, instansi: str, tahun: str) -> list[tuple[str, str]] | None:
    from ..keputusan import draft, from_text, paragraphs
    from ..pdf.source import short_instansi

    if args.keputusan is None:
        return None
    if args.keputusan == "":
        return paragraphs(draft(short_instansi(instansi), args.pejabat or "", tahun))
    try:
        with open(args.keputusan, encoding="utf-8-sig") as fh:
            return from_text(fh.read())
    except FileNotFoundError as exc:  # a mistyped name is not a wrong encoding: say which it is
        raise SopxlError("Berkas teks Keputusan tidak ditemukan.", code="KEPUTUSAN", path=args.keputusan,
                         message_en="The Keputusan text file was not found.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SopxlError("Teks Keputusan tidak dapat dibaca (harus berkas teks UTF-8).", code="KEPUTUSAN",
                         path=args.keputusan,
                         message_en="The Keputusan text cannot be read (must be a UTF-8 text file).") from exc


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from ..config import load_config
    from ..pdf import collect, default_info, print_book

    en = args.lang == "en"
    check_tahun(args.tahun)
    cfg = load_config(args.config, final=args.final, lang=args.lang)
    found = collect(args.sources, cfg, bagian_lookup(args))
    info = default_info(found, args.kertas, args.instansi, args.tahun, args.judul)
    paras = keputusan_paragraphs(args, info.instansi, info.tahun)
    r = print_book(found, args.out, info, paras, args.kertas, args.lang)
    report_unreadable(r.unreadable, stderr)
    report_failed(r.failed, stderr, en, "tidak dicetak (didaftar di halaman tersendiri)",
                  "not printed (listed on its own page)")
    if en:
        stdout.write(f"{r.path}: {len(r.printed)} SOP(s) on {r.pages} pages.\n")
    else:
        stdout.write(f"{r.path}: {len(r.printed)} SOP dalam {r.pages} halaman.\n")
    if r.unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if r.failed else EXIT_OK
