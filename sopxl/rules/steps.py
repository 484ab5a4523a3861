"""Rules on each step: numbers, kegiatan, actors, markers, mutu baku."""
from __future__ import annotations

from collections.abc import Iterator

from ..a1 import rowcol_to_cell
from ..findings import Hit
from ..model import SopDocument
from ..parse.numbers import step_number
from ..parse.text import key
from . import Context, rule, shown

_VERB_PREFIXES = ("me", "ber", "di", "ter", "pe")
_ME_BER = _VERB_PREFIXES[:2]  # a role's first word may also open a verb: "Membuat", "Bertugas"

# These rules see every step of a merge. They test a Text as ``Text.__bool__`` does (a value
# with more than whitespace), written out as ``t.value.strip()``: the same test without a
# method call for each of the hundreds of cells of a workbook.


@rule("nomor-langkah-kosong", "nomor-langkah-tidak-terbaca", "nomor-langkah-ganda",
      "nomor-langkah-urutan")
def step_numbers(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    for sec in doc.sections:
        seen: dict[int, str] = {}
        previous = 0  # the highest number so far (none yet: 0, so the first expected is 1)
        for step in sec.steps:
            number = step.number
            cell, value = number.cell, number.value
            if not value.strip():
                yield Hit("nomor-langkah-kosong", cell, {"kegiatan": step.kegiatan.value[:60]})
                continue
            n = step_number(value)
            if n is None:
                yield Hit("nomor-langkah-tidak-terbaca", cell, {"nomor": shown(step)})
                continue
            if n in seen:
                yield Hit("nomor-langkah-ganda", cell, {"nomor": n, "sel_pertama": seen[n]})
            elif n != previous + 1:
                yield Hit("nomor-langkah-urutan", cell, {"nomor": n, "harapan": previous + 1})
            if n not in seen:
                seen[n] = cell or ""
            if n > previous:
                previous = n


@rule("kegiatan-kosong", "kegiatan-diawali-pelaksana")
def kegiatan(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    for sec in doc.sections:
        first_words = {}
        for role in sec.roles:
            words = role.name.split()
            if words:
                first_words[key(words[0])] = role.name
        for step in sec.steps:
            text = step.kegiatan.value
            if not text.strip():
                yield Hit("kegiatan-kosong", step.kegiatan.cell, {"nomor": shown(step)})
                continue
            if not first_words:
                continue  # no role to begin with
            first = key(text.split(None, 1)[0])
            if first in first_words and not first.startswith(_ME_BER):
                yield Hit("kegiatan-diawali-pelaksana", step.kegiatan.cell,
                          {"nomor": shown(step), "pelaksana": first_words[first]})


@rule("langkah-tanpa-pelaksana", "langkah-dua-pelaksana", "penanda-tidak-dikenal")
def actors(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    for sec in doc.sections:
        for step in sec.steps:
            markers = step.markers
            if not markers:
                col = sec.roles[0].col if sec.roles else sec.columns["kegiatan"]
                yield Hit("langkah-tanpa-pelaksana", rowcol_to_cell(step.row, col),
                          {"nomor": shown(step)})
            elif len(markers) > 1 and len(step.actors) > 1:  # one marker: one actor
                yield Hit("langkah-dua-pelaksana", markers[1].cell,
                          {"nomor": shown(step), "pelaksana": ", ".join(step.actors)})
            for m in markers:
                if m.symbol == "unknown":
                    yield Hit("penanda-tidak-dikenal", m.cell, {"teks": m.text, "pelaksana": m.role})


@rule("kelengkapan-kosong", "output-kosong", "waktu-kosong", "waktu-tidak-terbaca",
      "waktu-tidak-tentu", "waktu-tanpa-satuan")
def mutu_baku(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    for sec in doc.sections:
        columns = sec.columns
        kelengkapan, output, waktu = "kelengkapan" in columns, "output" in columns, "waktu" in columns
        for step in sec.steps:
            if kelengkapan and not step.kelengkapan.value.strip():
                yield Hit("kelengkapan-kosong", step.kelengkapan.cell, {"nomor": shown(step)})
            if output and not step.output.value.strip():
                yield Hit("output-kosong", step.output.cell, {"nomor": shown(step)})
            if not waktu or step.waktu_shared:
                continue
            problem = step.waktu_problem
            if problem is None:
                continue  # most steps: no number to show
            n = shown(step)
            if problem == "kosong":
                yield Hit("waktu-kosong", step.waktu.cell, {"nomor": n})
            elif problem == "tidak-terbaca":
                yield Hit("waktu-tidak-terbaca", step.waktu.cell, {"nomor": n, "teks": step.waktu.value})
            elif problem == "tidak-tentu":
                yield Hit("waktu-tidak-tentu", step.waktu.cell, {"nomor": n, "teks": step.waktu.value})
            elif problem == "tanpa-satuan":
                yield Hit("waktu-tanpa-satuan", step.waktu.cell, {"nomor": n, "teks": step.waktu.value})
