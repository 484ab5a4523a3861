"""The biggest sheet of a streamed workbook rendered in a child process, beside the parent.

A national register spends most of its writing time turning rows into XML, which is
Python's work and holds one core; the merge's worker processes are gone by then and the
other cores idle. Where the system can fork (Linux, macOS), the child takes a copy of the
parent as it is — the register, its spool, the sheet's row iterator — renders the biggest
sheet into spool files of its own and says where they are; the parent renders the others
meanwhile and packs the child's parts in their place. Nothing is sent but file names and a
few numbers, so nothing is pickled.

Whatever goes wrong in the child (it dies, it is killed, a row fails to render) costs only
time: the parent renders that sheet itself, from its own untouched copy of the rows, and
the workbook is the same byte for byte. Where there is no fork (Windows), every sheet is
rendered in the parent.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

from ..forked import Child, can_fork

# Below this many cells a workbook is written faster than a process starts.
AHEAD_MIN_CELLS = 400_000


@dataclass
class Body:
    """One worksheet part rendered: its rows' XML in a spool file, and what goes around them."""

    rows_xml: IO[bytes]
    head: bytes
    tail: bytes
    nrows: int  # rows written, header included
    ncols: int
    rest: Iterator[Any] | None  # the rows that did not fit, or None


Render = Callable[..., list[Body]]  # render(sheet index, spool=factory) -> the sheet's parts


def biggest_after_first(sizes: Sequence[int]) -> int:
    """The biggest sheet but the first (which holds the selected tab, and is what the parent
    renders while a child starts); the first of equals. At least two sheets."""
    return max(range(1, len(sizes)), key=lambda j: sizes[j])


def _pick(sizes: Sequence[int]) -> int | None:
    """The sheet the child renders: ``biggest_after_first``, when it is worth a child."""
    if not can_fork() or len(sizes) < 2 or sum(sizes) < AHEAD_MIN_CELLS:
        return None
    k = biggest_after_first(sizes)
    return k if sizes[k] > 0 else None


@contextmanager
def rendered_ahead(sizes: Sequence[int], render: Render) -> Iterator[dict[int, Callable[[], list[Body]]]]:
    """{sheet index: a call that returns that sheet's parts} for the sheets a child renders
    (none where there is no fork or the workbook is small). The call waits for the child."""
    k = _pick(sizes)
    if k is None:
        yield {}
        return
    folder = tempfile.mkdtemp(prefix=".~sopxl-parts-")

    def in_child() -> list[tuple[str, bytes, bytes, int, int]]:
        parts = render(k, spool=lambda: tempfile.NamedTemporaryFile(dir=folder, delete=False))
        for b in parts:
            b.rows_xml.close()
        return [(b.rows_xml.name, b.head, b.tail, b.nrows, b.ncols) for b in parts]

    child = Child(in_child)

    def wait() -> list[Body]:
        ok, said = child.result()
        if not ok:
            return render(k)  # the child failed: the parent renders the sheet itself
        bodies = []
        for name, head, tail, nrows, ncols in said:
            fh = open(name, "rb")  # noqa: SIM115 - closed by the packer, once copied
            bodies.append(Body(fh, head, tail, nrows, ncols, None))
        return bodies

    try:
        yield {k: wait}
    finally:
        child.stop()  # the parent failed first: the child is not waited for
        shutil.rmtree(folder, ignore_errors=True)
