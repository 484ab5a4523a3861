"""Decision branches as offices write them in the Keterangan or in branch columns.

"Ya: 5; Tidak: 3", "Tidak → 3", "Dalam kota: 5; Luar kota: 4", "jika tidak kembali ke
langkah 3", "Tidak lengkap, kembali ke no. 2". A label without a step number ("Ya") goes
to the next step.
"""
from __future__ import annotations

import re

from ..a1 import rowcol_to_cell
from ..grid import Grid
from ..model import Branch, Text
from .text import key, tidy
from .vocab import Vocab

_TARGET = r"(?:(?:kembali|dikembalikan|kembalikan|lanjut(?:kan)?|dilanjutkan|diteruskan|teruskan|" \
          r"menuju|balik|diproses)\s+)?(?:ke\s+)?" \
          r"(?:langkah|no\.?|nomor|kegiatan|step|tahap)?\s*(\d{1,4})\b"
_PAIR = re.compile(r"(?P<label>[A-Za-z][A-Za-z /\-]*?)\s*(?::|→|->|=>|⇒|=|➔|➜)\s*" + _TARGET, re.I)
_CONDITION = re.compile(r"(?:jika|bila|apabila|kalau)\s+(?P<label>[A-Za-z][A-Za-z /\-]*?)\s*,?\s*"
                        r"(?:maka\s+)?" + _TARGET, re.I)
_LABEL_THEN_TARGET = re.compile(r"^(?P<label>[A-Za-z][A-Za-z /\-]*?)\s*,\s*" + _TARGET, re.I)


def _label(text: str) -> str:
    t = tidy(text).strip(" -/,")
    return t[:1].upper() + t[1:] if t else t


def branches_from_text(ket: Text, vocab: Vocab) -> list[Branch]:
    text = ket.value
    if not text:
        return []
    out: list[Branch] = []
    for part in re.split(r"[;\n]+", text):
        part = part.strip()
        if not part:
            continue
        found = list(_CONDITION.finditer(part)) or list(_PAIR.finditer(part)) or \
            list(_LABEL_THEN_TARGET.finditer(part))
        for m in found:
            out.append(Branch(_label(m.group("label")), m.group(2), ket.cell or ""))
        if not found:
            # "Ya" alone, or a list of bare labels ("Ya / Tidak"): labels that go on to the next step.
            for word in re.split(r"[,]", part):
                label = vocab.branch_labels.get(key(word))
                if label and len(key(word)) == len(key(label)):
                    out.append(Branch(_label(word), None, ket.cell or ""))
    return out


def branches_from_columns(grid: Grid, row: int, columns: dict[str, int]) -> list[Branch]:
    out = []
    for label, col in columns.items():
        text = grid.text(row, col)
        if not text:
            continue
        m = re.search(r"(\d{1,4})", text)
        out.append(Branch(_label(label), m.group(1) if m else None, rowcol_to_cell(row, col), "column"))
    return out
