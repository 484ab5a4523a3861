"""Which Bagian an SOP belongs to: the ``--map`` file, the instansi text, the folder, the name."""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import ConfigError
from .discover import Source

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


@dataclass
class BagianMap:
    """``--map``: path, file name or folder → Bagian, checked in that order."""

    paths: dict[str, str] = field(default_factory=dict)  # realpath (casefolded) -> Bagian
    names: dict[str, str] = field(default_factory=dict)  # file or folder name (casefolded) -> Bagian

    def lookup(self, path: str) -> str | None:
        if not self.paths and not self.names:
            return None
        real = os.path.realpath(path)
        chain = [real]
        parent = os.path.dirname(real)
        while parent and parent not in chain:
            chain.append(parent)
            parent = os.path.dirname(parent)
        for p in chain:  # the file itself, then its folders, nearest first
            hit = self.paths.get(os.path.normcase(p).casefold())
            if hit:
                return hit
        for p in chain:
            hit = self.names.get(os.path.basename(p).casefold())
            if hit:
                return hit
        return None


def load_map(path: str | None) -> BagianMap:
    """Read a ``--map`` JSON file: ``{"Bagian Hukum/sop lama.xlsx": "Bagian Hukum", …}``.

    A key with a path separator is a path (relative to the map file's folder, or to the
    current folder); any key also matches a file or folder of that name.
    """
    bm = BagianMap()
    if not path:
        return bm
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ConfigError("Berkas peta Bagian tidak ditemukan.", code="PETA-BAGIAN", path=path,
                          message_en="Bagian map file not found.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"Berkas peta Bagian tidak dapat dibaca sebagai JSON: {exc}",
                          code="PETA-BAGIAN", path=path,
                          message_en=f"Bagian map file cannot be read as JSON: {exc}") from None
    if not isinstance(data, dict) or not all(
            isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
            for k, v in data.items()):
        raise ConfigError('Peta Bagian harus berupa objek JSON {"berkas atau folder": "Nama Bagian"} '
                          "dengan teks yang tidak kosong.", code="PETA-BAGIAN", path=path,
                          message_en='The Bagian map must be a JSON object {"file or folder": '
                                     '"Bagian name"} of non-empty texts.')
    base = os.path.dirname(os.path.abspath(path))
    for k, v in data.items():
        k, v = k.strip(), " ".join(v.split())
        if re.search(r"[\\/]", k) or os.path.isabs(k):
            for cand in ([k] if os.path.isabs(k) else [os.path.join(base, k), os.path.abspath(k)]):
                bm.paths.setdefault(os.path.normcase(os.path.realpath(cand)).casefold(), v)
        name = os.path.basename(k.rstrip("\\/"))
        if name:
            bm.names.setdefault(name.casefold(), v)
    return bm


def _bagian(source: Source, instansi: str, bmap: BagianMap) -> tuple[str, str]:
    """(Bagian, where it came from): map, instansi, folder or file name."""
    mapped = bmap.lookup(source.path)
    if mapped:
        return mapped, "peta"
    named = bagian_from_instansi(instansi) if instansi else None
    if named:
        return named, "instansi"
    if source.folder:
        return " ".join(source.folder.split()), "folder"
    return os.path.splitext(os.path.basename(source.path))[0], "berkas"


