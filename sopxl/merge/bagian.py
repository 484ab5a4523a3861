"""The ``--map`` file of Bagian names, and the register's call to the shared rule (``sopxl.bagian``)."""
from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..bagian import bagian_from_instansi, decide
from ..errors import ConfigError
from .discover import Source


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
    """(Bagian, where it came from): map, instansi, folder or file name (``sopxl.bagian.decide``)."""
    return decide(bmap.lookup(source.path), instansi, source.folder, source.path)


def _spellings(names: Iterable[str]) -> dict[str, str]:
    """One way to write each Bagian: the most used spelling (ties: the first in sort order)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for n in names:
        counts[n.casefold()][n] += 1
    return {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in counts.items()}


__all__ = ["BagianMap", "bagian_from_instansi", "load_map"]
