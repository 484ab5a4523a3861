"""Which Bagian an SOP belongs to, decided once for the register, the Buku and the Keputusan.

Pure: the caller looks the workbook up in the ``--map`` file (``sopxl.merge.bagian``) and
names the folder; this decides between the map, the instansi (kop) text, the folder and the
file name, in that order, so the coordinator sees the same Bagian in every output.
"""
from __future__ import annotations

import re
from functools import lru_cache

_UNIT_WORD = re.compile(r"\b(bagian|biro)\b", re.I)
_SUB_BEFORE = re.compile(r"\bsub[\s\-.]*$", re.I)
# Where a Bagian's name ends: a lower unit, the address, or the region that follows it.
_UNIT_END = re.compile(
    r"\b(?:sub[\s\-.]*bag(?:ian)?|bidang|seksi|upt|jl|jln|jalan|telp|telepon|tlp|fax|faks|"
    r"e-?mail|website|kode\s+pos|pemerintah|provinsi|kabupaten|kab|kota|sekretariat|setda)\b"
    r"|[,;:(\n\d]", re.I)
_SMALL_WORDS = {"dan", "atau", "serta", "di", "ke", "dari", "untuk", "pada", "&"}
_VOWELS = set("aeiouAEIOU")


@lru_cache(maxsize=1024)  # an office's SOPs share one instansi text
def bagian_from_instansi(text: str) -> str | None:
    """The Bagian (or Biro) an instansi text names, in title case; None when it names none.

    "PEMERINTAH KOTA MOJOKERTO SEKRETARIAT DAERAH BAGIAN ORGANISASI" -> "Bagian Organisasi".
    The first BAGIAN/BIRO that is not part of "SUB BAGIAN" counts; its name runs to the end,
    to a lower unit (Sub Bagian, Bidang, Seksi, UPT), an address or a region word.
    """
    for m in _UNIT_WORD.finditer(text or ""):
        if _SUB_BEFORE.search(text[:m.start()]):
            continue
        rest = text[m.end():]
        end = _UNIT_END.search(rest)
        words = (rest[:end.start()] if end else rest).replace(".", " ").split()[:8]
        words = [w for w in words if any(ch.isalnum() for ch in w)]
        while words and words[-1].lower() in _SMALL_WORDS:
            words.pop()
        if not words:
            continue
        return " ".join([m.group(1).capitalize()] + [_title(w) for w in words])
    return None


def _title(word: str) -> str:
    if not word.isupper():
        return word  # written in mixed case on purpose ("e-Government")
    if word.lower() in _SMALL_WORDS:
        return word.lower()
    if word.isalpha() and not (set(word) & _VOWELS):
        return word  # an acronym such as PBJ or SDM
    return "-".join(p.capitalize() for p in word.split("-"))


def decide(mapped: str | None, instansi: str, folder: str, path: str) -> tuple[str, str]:
    """(Bagian, where it came from): "peta", "instansi", "folder" or "berkas".

    ``mapped`` is the ``--map`` file's answer for the workbook, ``folder`` the name of the
    Bagian folder it was found in ("" when none), ``path`` the workbook's path.
    """
    if mapped:
        return mapped, "peta"
    named = bagian_from_instansi(instansi) if instansi else None
    if named:
        return named, "instansi"
    if folder.strip():
        return " ".join(folder.split()), "folder"
    name = re.split(r"[\\/]", path)[-1]
    return (name.rsplit(".", 1)[0] if "." in name else name), "berkas"
