"""The ``sopxl`` command: parse arguments, call the core, render, return an exit code.

``run(argv, stdout, stderr)`` does the work with streams as parameters, so tests call it
in memory; ``main()`` is the console entry point. No traceback ever reaches a user: an
unexpected failure is reported as one Indonesian line (``SOPXL_DEBUG=1`` shows it).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from typing import NoReturn, TextIO

from .. import __version__
from ..errors import SopxlError
from .exits import EXIT_OK, EXIT_UNREADABLE


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # prefix "" is argparse naming a subcommand's prog: leave that one alone.
        super().add_usage(usage, actions, groups, prefix="Pemakaian: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with its headings and help flag in Indonesian."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:  # argparse would exit(2) with English text
        raise SopxlError(f"Perintah tidak lengkap atau salah: {_indonesian(message)}. Lihat 'sopxl --help'.",
                         code="PERINTAH", message_en=f"Bad command: {message}. See 'sopxl --help'.")


def _indonesian(message: str) -> str:
    """argparse's own English wording of a bad command, in Indonesian (sopxl/data/argparse_id.json)."""
    import re

    from ..resources import load_data

    for pattern, wording in load_data("argparse_id.json")["patterns"]:
        message = re.sub(pattern, wording, message)
    return message


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="sopxl", description="Memeriksa dan merekap SOP AP dalam buku kerja Excel.")
    p.add_argument("--version", action="version", version=f"sopxl {__version__}",
                   help="tampilkan versi sopxl")
    sub = p.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--config", metavar="BERKAS", help="berkas pengaturan JSON kantor")
        sp.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa pesan (id/en)")
        sp.add_argument("--final", action="store_true",
                        help="pemeriksaan ketat untuk SOP yang akan disahkan")

    # Each command module imports only the standard library at load time (optional
    # dependencies are imported when the command runs), so a failure here is a bug to show.
    for module in dict.fromkeys(_COMMANDS.values()):
        mod = importlib.import_module(f"sopxl.cli.{module}")
        mod.add_arguments(sub, common)
    return p


# Each command lives in its own module of this package, with add_arguments(sub, common) and
# run(args, out, err); the order here is the order of ``sopxl --help``.
_COMMANDS = {"validate": "validate", "export": "validate", "template": "template", "merge": "merge",
             "draw": "draw", "excel": "excel", "libreoffice": "libreoffice",
             "pdf": "pdf", "buku": "buku", "keputusan": "keputusan"}


def run(argv: list[str], stdout: TextIO, stderr: TextIO) -> int:
    lang = "en" if "--lang" in argv and argv[argv.index("--lang") + 1:][:1] == ["en"] else "id"
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help(stdout)
            return EXIT_OK
        mod = importlib.import_module(f"sopxl.cli.{_COMMANDS[args.command]}")
        return int(mod.run(args, stdout, stderr))
    except SopxlError as exc:
        stderr.write(f"sopxl: {exc.text(lang)}\n")
        return EXIT_UNREADABLE
    except BrokenPipeError:
        return EXIT_UNREADABLE  # the reader went away (``sopxl validate … | head``): no one to tell
    except KeyboardInterrupt:
        stderr.write("sopxl: dibatalkan.\n" if lang == "id" else "sopxl: cancelled.\n")
        return 130
    except Exception:
        if os.environ.get("SOPXL_DEBUG"):
            traceback.print_exc(file=stderr)
        stderr.write("sopxl: terjadi kesalahan tak terduga. Jalankan ulang dengan SOPXL_DEBUG=1 dan "
                     "kirimkan keluarannya ke pengelola sopxl.\n" if lang == "id" else
                     "sopxl: unexpected error. Run again with SOPXL_DEBUG=1 and send the output to "
                     "the sopxl maintainers.\n")
        return EXIT_UNREADABLE


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Windows consoles default to a code page that cannot print "✓". sys.stdout is typed
        # TextIO, which has no reconfigure; the stream in use may be any object, so ask it.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
    code = run(sys.argv[1:] if argv is None else argv, sys.stdout, sys.stderr)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit and would print a traceback: point it at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = code or EXIT_UNREADABLE
    return code
