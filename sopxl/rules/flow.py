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
    # Every step of a merge comes through here and few have a branch: the step numbers are
    # gathered only for a branch that names one, and a step of one marker (nearly all) has
    # that marker's symbol, as Step.symbol says, without building the set it builds.
    all_numbers: set[int | None] = set()
    for sec in doc.sections:
        numbers: set[int | None] | None = None
        for step in sec.steps:
            markers, branches = step.markers, step.branches
            symbol = markers[0].symbol if len(markers) == 1 else step.symbol
            if symbol == "decision":
                if not any(b.target for b in branches):
                    cell = step.keterangan.cell or markers[0].cell
                    yield Hit("keputusan-tanpa-cabang", cell, {"nomor": shown(step)})
            elif symbol == "process" and branches and any(b.target for b in branches):
                yield Hit("cabang-tanpa-keputusan", branches[0].cell, {"nomor": shown(step)})
            for b in branches:
                if b.target is None:
                    continue
                if numbers is None:
                    numbers = {step_number(s.number.value) for s in sec.steps} - {None}
                    if not all_numbers:
                        all_numbers = {step_number(s.number.value) for s in doc.steps} - {None}
                t = int(b.target)
                if t not in numbers and t not in all_numbers:
                    yield Hit("cabang-tujuan-tidak-ada", b.cell,
                              {"nomor": shown(step), "label": b.label, "tujuan": b.target})
