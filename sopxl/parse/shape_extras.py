"""Two readings of drawn flowcharts kept apart from ``shapes``: pictures pasted as symbols, and
the Ya/Tidak label of a decision's bare exit found in a free text box near the diamond."""
from __future__ import annotations

from collections.abc import Iterator

from ..a1 import rowcol_to_cell
from ..findings import Hit, declare
from ..grid import Shape
from ..model import Marker, Step
from .shapes import LABEL_TOLERANCE, _Arrow, _Flow, _gap, _Matrix

PICTURE = declare(__name__, "simbol-gambar")[0]


def pictures(steps: list[Step], matrix: _Matrix, pictures: list[Shape]) -> Iterator[Hit]:
    """A picture over a role cell of a step, where that role has no symbol yet, says the role
    acts in the step (some offices paste their symbols as images). Its kind is inferred like a
    tick mark's, and the guess is reported so it can be checked."""
    for pic in pictures:
        where = matrix.at(*pic.center)
        if where is None:
            continue
        i, role = where
        step = steps[i]
        if any(m.role == role.name for m in step.markers):
            continue
        cell = rowcol_to_cell(step.row, role.col)
        step.markers.append(Marker(role.name, "generic", "gambar", cell, source="shape"))
        step.markers.sort(key=lambda m: matrix.role_order(i).get(m.role, 1 << 30))
        yield Hit(PICTURE, cell, {"pelaksana": role.name, "nomor": step.number.value or "?"})


_OTHER = {"ya": "tidak", "tidak": "ya"}


def complete_pairs(exits: list, labels: dict[int, Shape], flow: _Flow, boxes: list[Shape]) -> None:
    """A decision with one exit labelled "Ya" (or "Tidak") and one unlabelled: the other word,
    typed in a free text box near the diamond (beside the line into it, say), labels that
    other exit."""
    free = [b for b in boxes if all(b is not v for v in labels.values())]
    by_step: dict[int, list] = {}
    for i, arrow in exits:
        by_step.setdefault(i, []).append(arrow)
    for i, arrows in by_step.items():
        def text(a: _Arrow) -> str:
            own = a.shape.text.strip() if a.shape is not None else ""
            box = labels.get(id(a.shape))
            return (own or (box.text.strip() if box is not None else "")).casefold()
        named = [text(a) for a in arrows if text(a)]
        bare = [a for a in arrows if not text(a)]
        if len(named) != 1 or len(bare) != 1 or named[0] not in _OTHER:
            continue
        want = _OTHER[named[0]]
        diamonds = [flow.symbols[k] for k, n in enumerate(flow.nodes)
                    if n == i and flow.symbols[k].kind == "decision"]
        if not diamonds:
            continue
        near = [(_gap(b.center, diamonds[0]), b) for b in free if b.text.strip().casefold() == want]
        near = [(g, b) for g, b in near if g <= 2 * LABEL_TOLERANCE]
        if near:
            box = min(near, key=lambda gb: gb[0])[1]
            labels[id(bare[0].shape)] = box
            free.remove(box)
