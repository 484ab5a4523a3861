"""The arrows of a flowchart, as steps: which step each arrow leaves and reaches, and its label.

One reading of the order of steps for every drawing of it: the Excel shapes
(``sopxl.draw.layout``) and the flowchart in a printed SOP both ask ``exits``. A step's
arrow goes to the next drawn step, a decision's branches to their targets ("Ya: 5"),
"Selesai" has none, and a section that starts with "Mulai" is not joined to the one before.
"""
from __future__ import annotations

from collections.abc import Container

from ..model import SopDocument, Step

__all__ = ["exits", "step_by_number"]


def exits(doc: SopDocument, i: int, drawn: Container[int]) -> list[tuple[str, int]]:
    """(label, target step index) for each arrow leaving step ``i``; label "" = plain arrow.

    ``drawn`` holds the indexes of the steps that get a symbol; an arrow skips the others.
    """
    steps = doc.steps
    step = steps[i]
    section_of = {id(s): k for k, sec in enumerate(doc.sections) for s in sec.steps}
    first_of_section = {id(sec.steps[0]) for sec in doc.sections if sec.steps}
    if step.symbol == "terminator" and id(step) not in first_of_section:
        return []  # "Selesai"

    def next_drawn(j: int) -> int | None:
        while j < len(steps) and j not in drawn:
            j += 1
        if j >= len(steps):
            return None
        if section_of[id(steps[j])] != section_of[id(step)] and steps[j].symbol == "terminator":
            return None  # the next section starts its own procedure
        return j

    if step.symbol == "decision" and step.branches:
        out = []
        for b in step.branches:
            j = next_drawn(i + 1) if b.target is None else step_by_number(doc, step, b.target)
            if j is not None and j in drawn and j != i:
                out.append((b.label, j))
        return out
    j = next_drawn(i + 1)
    return [("", j)] if j is not None else []


def step_by_number(doc: SopDocument, near: Step, number: str) -> int | None:
    """The step numbered ``number``, preferring the section ``near`` is in."""
    found = [k for k, s in enumerate(doc.steps) if s.number.value.strip().rstrip(".") == number.strip()]
    for sec in doc.sections:
        if any(s is near for s in sec.steps):
            mine = [k for k in found if any(doc.steps[k] is s for s in sec.steps)]
            if mine:
                return mine[0]
    return found[0] if found else None
