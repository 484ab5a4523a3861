"""LibreOffice headless as a real client of what sopxl writes: convert and read back.

Each test run uses a throwaway profile, so a LibreOffice the developer has open is not
disturbed and no profile lock is shared.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) tidak terpasang")


def convert(src: Path, fmt: str, outdir: Path, profile: Path, timeout: float = 180) -> Path:
    """``soffice --convert-to fmt``: the converted file, or a failed assertion with its output."""
    assert SOFFICE is not None
    outdir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir), str(src)],
        capture_output=True, text=True, timeout=timeout)
    out = outdir / (Path(src).stem + "." + fmt.split(":")[0])
    assert proc.returncode == 0 and out.exists(), proc.stdout + proc.stderr
    return out
