"""Print workbooks to PDF with LibreOffice, and a PDF page to PNG with pdftoppm.

Used to check that the shipped workbooks print as SOP pages (tests) and to draw the
README picture. Each run uses a throwaway LibreOffice profile, so it neither needs nor
touches the user's own, and a time limit, so a stuck office process cannot hang a build.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(workbooks: list[Path], out_dir: Path, timeout: float = 240) -> list[Path]:
    """PDFs of ``workbooks`` in ``out_dir``, in the same order. Raises RuntimeError when
    LibreOffice is missing or fails, subprocess.TimeoutExpired when it takes too long."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) tidak ditemukan")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sopxl-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, workbooks)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    pdfs = [out_dir / (Path(w).stem + ".pdf") for w in workbooks]
    missing = [p.name for p in pdfs if not p.is_file()]
    if done.returncode != 0 or missing:
        raise RuntimeError(f"LibreOffice gagal ({done.returncode}): {missing} {done.stderr[-500:]}")
    return pdfs


def page_png(pdf: Path, png: Path, page: int = 1, dpi: int = 60, timeout: float = 60) -> Path:
    """One page of ``pdf`` as ``png`` (pdftoppm from poppler-utils)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RuntimeError("pdftoppm tidak ditemukan")
    stem = png.with_suffix("")
    subprocess.run([exe, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True, timeout=timeout, capture_output=True)
    return png
