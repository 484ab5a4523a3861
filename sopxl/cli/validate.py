"""``sopxl validate`` and ``sopxl export``: check workbooks, print findings or the SOPs as JSON."""
from __future__ import annotations

import argparse
import json
import os
from typing import Callable, TextIO

from ..errors import SopxlError
from .exits import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE


def add_arguments(sub: argparse._SubParsersAction, common: Callable[[argparse.ArgumentParser], None]) -> None:
    v = sub.add_parser("validate", help="periksa buku kerja SOP")
    v.add_argument("files", nargs="+", metavar="BERKAS")
    v.add_argument("--json", action="store_true", help="keluaran JSON")
    v.add_argument("--write", action="store_true", help="tulis lembar Status dan Checklist ke buku kerja")
    v.add_argument("--output", metavar="SALINAN", help="dengan --write: tulis ke salinan ini")
    v.add_argument("--rinci", "--verbose", dest="verbose", action="store_true",
                   help="satu baris per temuan (bawaan: satu baris per kode per lembar)")
    common(v)

    e = sub.add_parser("export", help="cetak SOP sebagai JSON sesuai skema")
    e.add_argument("files", nargs="+", metavar="BERKAS")
    common(e)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return _validate(args, out, err) if args.command == "validate" else _export(args, out)


def _folders_opened(files: list[str], en: bool, err: TextIO) -> list[str]:
    """``files`` with each folder replaced by the workbooks in it (as ``sopxl merge`` finds them).

    A clerk who names the Bagian's folder wants its workbooks checked, not "1 berkas" that is
    unreadable; the register of them all is ``sopxl merge``, which is said alongside.
    """
    if not any(os.path.isdir(f) for f in files):
        return files
    from ..merge.discover import discover

    out: list[str] = []
    for f in files:
        if not os.path.isdir(f):
            out.append(f)
            continue
        found = [s.path for s in discover([f])[0]]
        if not found:
            raise SopxlError(f"Folder {f} tidak berisi buku kerja .xlsx/.xlsm.", code="PERINTAH",
                             message_en=f"The folder {f} holds no .xlsx/.xlsm workbook.")
        err.write(f"sopxl: folder {f}: {len(found)} workbook(s) checked one by one; for one register "
                  f"of them all: sopxl merge {f}\n" if en else
                  f"sopxl: folder {f}: {len(found)} buku kerja diperiksa satu per satu; untuk satu "
                  f"register rekap semuanya: sopxl merge {f}\n")
        out.extend(found)
    return out


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..config import load_config
    from ..render import file_json, print_text
    from ..validate import validate_file

    if args.output and (not args.write or len(args.files) != 1 or os.path.isdir(args.files[0])):
        raise SopxlError("--output hanya untuk satu berkas, bersama --write.", code="PERINTAH",
                         message_en="--output takes exactly one file, together with --write.")
    files = _folders_opened(args.files, args.lang == "en", err)
    cfg = load_config(args.config, final=args.final, lang=args.lang)
    if args.write:
        from ..annotate import annotate_file

        # A workbook that cannot be written must not stop the rest: its result says why.
        results = [annotate_file(f, cfg, output=args.output) for f in files]
    else:
        results = [validate_file(f, cfg) for f in files]
    if args.json:
        json.dump({"files": [file_json(r, args.lang) for r in results]}, out, ensure_ascii=False,
                  allow_nan=False, indent=2)
        out.write("\n")
    else:
        print_text(results, cfg.calendar, args.lang, out, verbose=args.verbose)
    if any(r.error is not None or r.write_error is not None for r in results):
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if any(r.errors for r in results) else EXIT_OK


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from ..config import load_config
    from ..schema import to_dict
    from ..validate import validate_file

    cfg = load_config(args.config, final=args.final, lang=args.lang)
    docs: list[dict] = []
    findings: list[dict] = []
    results = []
    for f in args.files:
        r = validate_file(f, cfg)
        results.append(r)
        if r.error is not None:
            docs.append({"path": f, "error": r.error.as_dict(args.lang)})
            continue
        docs.extend({"path": f, **to_dict(s.doc, s.totals)} for s in r.sops)
        # Each SOP follows schemas/sop.schema.json; what is said of the workbook itself ("no SOP",
        # an empty form sheet) sits beside them, so an empty "sops" never reads as a clean pass.
        findings.extend({"path": f, **x.as_dict()} for x in r.findings)
    json.dump({"sops": docs, "findings": findings}, out, ensure_ascii=False, allow_nan=False, indent=2)
    out.write("\n")
    # The same exit code as ``sopxl validate`` on the same files (README: 0, 1, 2).
    if any(r.error is not None for r in results):
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if any(r.errors for r in results) else EXIT_OK
