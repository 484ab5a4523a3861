"""Rules on the flowchart typed in the role columns: start, end and decisions."""
from __future__ import annotations

from collections.abc import Iterator

from ..findings import Hit
from ..model import SopDocument
from ..parse.numbers import step_number
from . import Context, rule, shown


@rule("alur-awal-bukan-terminator", "alur-akhir-bukan-terminator")
def start_and_end(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    steps = [s for s in doc.steps if s.markers]
    if not steps:
        return
    first, last = steps[0], steps[-1]
    if first.symbol not in ("terminator", "unknown"):
        yield Hit("alur-awal-bukan-terminator", first.markers[0].cell, {"nomor": shown(first)})
    if last.symbol not in ("terminator", "unknown") and last is not first:
        yield Hit("alur-akhir-bukan-terminator", last.markers[0].cell, {"nomor": shown(last)})


@rule("keputusan-tanpa-cabang", "cabang-tujuan-tidak-ada", "cabang-tanpa-keputusan")
def decisions(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    all_numbers = {step_number(s.number.value) for s in doc.steps} - {None}
    for sec in doc.sections:
        numbers = {step_number(s.number.value) for s in sec.steps} - {None}
        for step in sec.steps:
            symbol = step.symbol
            if symbol == "decision":
                if not any(b.target for b in step.branches):
                    cell = step.keterangan.cell or step.markers[0].cell
                    yield Hit("keputusan-tanpa-cabang", cell, {"nomor": shown(step)})
            elif symbol == "process" and any(b.target for b in step.branches):
                yield Hit("cabang-tanpa-keputusan", step.branches[0].cell, {"nomor": shown(step)})
            for b in step.branches:
                if b.target is None:
                    continue
                t = int(b.target)
                if t not in numbers and t not in all_numbers:
                    yield Hit("cabang-tujuan-tidak-ada", b.cell,
                              {"nomor": shown(step), "label": b.label, "tujuan": b.target})
