"""Rebuild the committed workbooks and the README picture.

    python -m sopxl.templates [DIR]         workbook_templates/*.xlsx (default DIR)
    python -m sopxl.templates --png FILE    also print contoh.xlsx and save its first page
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from . import committed_files


def main(argv: list[str]) -> int:
    png = None
    if "--png" in argv:
        i = argv.index("--png")
        png = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    folder = Path(argv[0] if argv else "workbook_templates")
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in committed_files().items():
        (folder / name).write_bytes(data)
        print(folder / name)
    if png is not None:
        from .render import page_png, to_pdf

        with tempfile.TemporaryDirectory() as tmp:
            (pdf,) = to_pdf([folder / "contoh.xlsx"], Path(tmp))
            png.parent.mkdir(parents=True, exist_ok=True)
            print(page_png(pdf, png))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
