"""The cells of a remembered sheet scan, worked out once: where each goes, what it takes.

Workbooks made from one template carry the same sheet parts byte for byte (``recall.py``): the
same cells at the same addresses, holding the same shared-string indices and the same numbers;
only the table of texts differs from file to file. ``SheetParser.store_values`` spends some
0.1 µs a cell all the same on each file (an address looked up, a type compared, an index looked
up), a third of a workbook's read, and builds a look-up of the table's indices besides. A plan
does the per-cell part once per remembered scan: the cells' positions, and one ``itemgetter``
that picks every cell's value, in document order, from the sheet's numbers (worked out again
only for another styles part or calendar, which decide which numbers are dates) followed by
the table of texts.

A plan is made only of cells ``store_values`` reads without a question: a known address and a
text, holding a shared-string index written as a whole number (``int`` reads it, >= 0) or a
number (``t`` left out or "n"). For any other list there is no plan; and when applying one
fails (an index past this file's table, a number that is none, a damaged styles part) the
caller leaves the list to ``store_values``, which raises the first error in document order.
"""
from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from ..errors import WorkbookError
from .values import CellFormats

Cell = tuple[str, str, str, str]  # scan.Cell: r, s, t, text of the <v>
RowCol = tuple[int, int]


class CellPlan:
    """What one list of scanned cells stores, but for the values of the file at hand."""

    __slots__ = ("cells", "rcs", "numbers", "pick", "styled", "known")

    def __init__(self, cells: list[Cell], rcs: list[RowCol], numbers: list[tuple[str, str | None]],
                 pick: Callable[[list[Any]], tuple[Any, ...]]):
        self.cells = cells  # kept: the plan is found by the list's id, which must stay its own
        self.rcs = rcs  # where each stored cell goes, in document order
        self.numbers = numbers  # (text, style) of each number cell, in document order
        self.pick = pick  # [*numbers' values, *table] -> every stored cell's value, in order
        self.styled = any(s is not None for _text, s in numbers)  # may one show a date?
        # The numbers' values as last worked out, with the cell formats (date or not) and the
        # calendar they were worked out under.
        self.known: tuple[list[bool] | None, bool, list[Any]] | None = None

    def store(self, values: dict[RowCol, Any], number: Callable[[str, str | None], Any],
              table: list[str], formats: CellFormats) -> bool:
        """Store the cells' values, as ``store_values`` would, into ``values``; ``number``
        reads a number cell (``SheetParser.number``) under ``formats``, ``table`` is the shared
        strings. False, having stored nothing, when this file's values do not fit the plan."""
        try:
            found = self.pick(self._numbers(number, formats) + table)
        except (ValueError, IndexError, WorkbookError):
            return False  # store_values raises what the first cell at fault says
        # An empty shared string is not stored (a number is never ""): looked for among the
        # values only when the table has one.
        if _holds_empty(table) and "" in found:
            values.update([(rc, v) for rc, v in zip(self.rcs, found) if v != ""])
        else:
            values.update(zip(self.rcs, found))
        return True

    def _numbers(self, number: Callable[[str, str | None], Any], formats: CellFormats) -> list[Any]:
        """The number cells' values. A number's value depends on its text and, when it has a
        style, on whether that style shows a date and on the calendar: the values worked out
        for one file hold for the next with the same styles part (the same list of date
        formats, ``CellFormats.date_xfs``) and calendar. Values are never changed."""
        date_xfs = formats.date_xfs() if self.styled else None
        known = self.known
        if known is not None and known[0] is date_xfs and known[1] == formats.date1904:
            return known[2]
        found = [number(text, s) for text, s in self.numbers]
        self.known = (date_xfs, formats.date1904, found)
        return found


def plan_for(cells: list[Cell], position: Callable[[str], RowCol]) -> CellPlan | None:
    """The plan of a remembered list of cells (made once; None: no plan for this list).

    ``position`` turns an address into its (row, column), raising ``WorkbookError`` for one
    that is none.
    """
    key = id(cells)
    known = _PLANS.get(key)
    if known is not None and known[0] is cells:
        return known[1]
    plan = _make(cells, position)
    if len(_PLANS) >= _PLANS_MAX:
        _PLANS.clear()
    _PLANS[key] = (cells, plan)
    return plan


def _make(cells: list[Cell], position: Callable[[str], RowCol]) -> CellPlan | None:
    rcs: list[RowCol] = []
    numbers: list[tuple[str, str | None]] = []
    picks: list[tuple[bool, int]] = []  # (from the table?, index there or among the numbers)
    try:
        for ref, s, ctype, text in cells:
            rc = position(ref)
            if not text:
                continue  # a formula never calculated: nothing stored
            if ctype == "s":
                index = int(text)
                if index < 0:
                    return None
                picks.append((True, index))
            elif not ctype or ctype == "n":
                picks.append((False, len(numbers)))
                numbers.append((text, s or None))
            else:
                return None
            rcs.append(rc)
    except (ValueError, WorkbookError):
        return None  # an index that is none, an address that is none: store_values says so
    if len(rcs) < 2:
        return None  # itemgetter of one index gives no tuple; nothing to spare anyway
    # The numbers go in front of the table, so the table's indices are shifted by a count
    # the plan knows.
    shift = len(numbers)
    return CellPlan(cells, rcs, numbers,
                    itemgetter(*[shift + i if from_table else i for from_table, i in picks]))


def _holds_empty(table: list[str]) -> bool:
    """Whether the shared strings hold an empty text: asked once a table, not once a sheet."""
    global _EMPTY
    known, empty = _EMPTY
    if known is not table:
        empty = "" in table
        _EMPTY = (table, empty)
    return empty


_EMPTY: tuple[list[str] | None, bool] = (None, False)
# Plans by the id of their scan's list of cells (with the list, and None for a list that has
# none): as few as the scans recall.py keeps.
_PLANS: dict[int, tuple[list[Cell], CellPlan | None]] = {}
_PLANS_MAX = 16
