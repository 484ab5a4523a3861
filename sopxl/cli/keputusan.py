"""``sopxl keputusan``: the draft Keputusan adopting the SOPs, as an editable Word file."""
from __future__ import annotations

import argparse
from typing import TextIO

from .exits import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE
from .pdf import bagian_lookup, map_argument, report_failed, report_unreadable


def add_arguments(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser("keputusan", help="draf Keputusan penetapan SOP dengan lampirannya (Word .docx)")
    p.add_argument("sources", nargs="+", metavar="SUMBER",
                   help="register rekap (sopxl merge), folder buku kerja, atau buku kerja SOP")
    p.add_argument("--out", required=True, metavar="KEPUTUSAN.docx", help="berkas Word yang ditulis")
    p.add_argument("--instansi", metavar="TEKS", help="instansi (bawaan: dari SOP pertama)")
    p.add_argument("--pejabat", metavar="JABATAN",
                   help="pejabat yang menetapkan, mis. SEKRETARIS DAERAH KOTA X")
    p.add_argument("--tahun", metavar="TAHUN", help="tahun penetapan (bawaan: tahun ini)")
    map_argument(p)
    common(p)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from ..config import load_config
    from ..keputusan import draft
    from ..keputusan.docx import docx_bytes
    from ..pdf import collect, default_info
    from ..pdf.output import write_atomic
    from ..pdf.source import short_instansi
    from .buku import check_tahun

    en = args.lang == "en"
    check_tahun(args.tahun)
    cfg = load_config(args.config, final=args.final, lang=args.lang)
    found = collect(args.sources, cfg, bagian_lookup(args))
    info = default_info(found, None, args.instansi, args.tahun)
    # The Lampiran lists what ``sopxl buku`` prints: an SOP with errors (an empty template sheet,
    # a step with no actor) is not one an official should sign into force.
    adopted = [e for e in found.entries if e.sop.errors == 0]
    failed = [e for e in found.entries if e.sop.errors > 0]
    rows = [[str(k + 1), e.sop.doc.nomor, e.sop.doc.nama or e.sop.doc.sheet, e.bagian,
             e.sop.doc.identity["tanggal_efektif"].value] for k, e in enumerate(adopted)]
    d = draft(short_instansi(info.instansi), args.pejabat or "", info.tahun, rows)
    path = write_atomic(args.out, docx_bytes(d))
    report_unreadable(found.unreadable, stderr)
    report_failed(failed, stderr, en, "tidak dimasukkan ke Lampiran (perbaiki lalu jalankan lagi)",
                  "left out of the Lampiran (fix it, then run again)")
    if en:
        stdout.write(f"{path}: draft Keputusan with {len(rows)} SOP(s) in its Lampiran.\n")
    else:
        stdout.write(f"{path}: draf Keputusan dengan {len(rows)} SOP dalam Lampiran.\n")
    if found.unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if failed else EXIT_OK
