"""Which arrows leave each step of an SOP: to the next step, or along a decision's branches.

The reading of the document is the one ``sopxl draw`` makes for Excel shapes: "Selesai" (a
terminator that does not open its section) has no exit; a step goes on to the next step that
has a symbol, but not into the next section when that one starts its own procedure with a
terminator; a decision goes where each branch's step number says ("Tidak: 3"), a branch
without a number to the next step. A branch number is looked up in the decision's own section
first, since sections restart their numbering.
"""
from __future__ import annotations

from collections.abc import Collection

from ..model import SopDocument


def step_exits(doc: SopDocument, drawn: Collection[int]) -> dict[int, list[tuple[str, int]]]:
    """For each drawn step index: (branch label or "", target step index) of its arrows."""
    steps = doc.steps
    section: list[int] = []
    opens: set[int] = set()
    for k, sec in enumerate(doc.sections):
        if sec.steps:
            opens.add(len(section))
        section.extend([k] * len(sec.steps))
    numbered: dict[tuple[int, str], int] = {}
    anywhere: dict[str, int] = {}
    for i, s in enumerate(steps):
        n = s.number.value.strip().rstrip(".")
        numbered.setdefault((section[i], n), i)
        anywhere.setdefault(n, i)

    def following(i: int) -> int | None:
        j = i + 1
        while j < len(steps) and j not in drawn:
            j += 1
        if j >= len(steps):
            return None
        if section[j] != section[i] and steps[j].symbol == "terminator":
            return None  # the next section is a procedure of its own
        return j

    out: dict[int, list[tuple[str, int]]] = {}
    for i in drawn:
        step = steps[i]
        if step.symbol == "terminator" and i not in opens:
            out[i] = []
            continue
        if step.symbol == "decision" and step.branches:
            arrows = []
            for b in step.branches:
                if b.target is None:
                    j = following(i)
                else:
                    t = b.target.strip()
                    j = numbered.get((section[i], t), anywhere.get(t))
                if j is not None and j in drawn and j != i:
                    arrows.append((b.label, j))
            out[i] = arrows
            continue
        j = following(i)
        out[i] = [("", j)] if j is not None else []
    return out
