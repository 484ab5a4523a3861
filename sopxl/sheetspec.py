"""The sheet contract: a sheet to be written, as plain data, and the look of its named styles.

The report (``sopxl.report``), the register (``sopxl.merge``) and the templates build
``SheetSpec`` values; the package writer (``sopxl.write``) and the office buttons
(``sopxl.excel``, ``sopxl.libreoffice``) render them. It sits below all of them, so the
builders and the renderers never import each other.

A cell names its style (a header, an error) and never says how it is drawn: the look
of every named style is data (``sopxl/data/styles.json``), read here once for every
renderer, so the file, Excel and LibreOffice agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Union

from .resources import load_data

Scalar = Union[str, int, float, None]


@dataclass
class CellSpec:
    value: Scalar = None
    style: str | None = None
    link: str | None = None  # internal target such as "'SOP 01'!J21"


CellLike = Union[CellSpec, Scalar]


@dataclass
class Validation:
    """A dropdown list on a range (A1), optionally with an input prompt."""

    ref: str
    options: list[str]
    prompt: str | None = None


@dataclass
class SheetSpec:
    name: str
    rows: list[list[CellLike]] = field(default_factory=list)  # row-major, starting at A1
    col_widths: dict[int, float] = field(default_factory=dict)  # zero-based col -> width (chars)
    merges: list[str] = field(default_factory=list)  # "A1:F1"
    freeze: str | None = None  # top-left cell of the scrolling pane, e.g. "A6"
    autofilter: str | None = None  # "A5:H40"
    validations: list[Validation] = field(default_factory=list)
    landscape: bool = True
    fit_width: bool = True
    print_title_rows: tuple[int, int] | None = None  # zero-based, inclusive
    tab_color: str | None = None  # "RRGGBB"
    # Zero-based columns kept in the file but hidden, so not printed (a key a reader needs).
    hidden_cols: list[int] = field(default_factory=list)

    def cell(self, row: int, col: int) -> CellSpec:
        """The cell at (row, col) as a CellSpec (an empty one outside the rows)."""
        if row < len(self.rows) and col < len(self.rows[row]):
            v = self.rows[row][col]
            return v if isinstance(v, CellSpec) else CellSpec(v)
        return CellSpec()


# -- the named styles -------------------------------------------------------------------

@dataclass(frozen=True)
class Look:
    """What one named style looks like, as properties every renderer understands."""

    size: float = 11  # points
    bold: bool = False
    italic: bool = False
    underline: bool = False
    color: str | None = None  # font colour, "RRGGBB"
    fill: str | None = None  # solid fill, "RRGGBB"
    border: str | None = None  # colour of a thin border on all four sides, "RRGGBB"
    halign: str | None = None  # "left" | "center" | "right"
    valign: str | None = None  # "top" | "center" | "bottom"
    wrap: bool = False
    locked: bool = True
    num_fmt: int = 0  # a built-in number format id (0 = General)


@cache
def style_looks() -> dict[str, Look]:
    """Every named style and its look, in the order of the data file."""
    data = load_data("styles.json")
    defaults = data["defaults"]
    out: dict[str, Look] = {}
    for name, props in data["styles"].items():
        merged = {**defaults, **{k: v for k, v in props.items() if k != "what"}}
        merged["size"] = float(merged["size"])
        out[name] = Look(**merged)
    return out


# The named styles every renderer knows.
STYLES: tuple[str, ...] = tuple(style_looks())


@cache
def looks() -> dict[str, dict[str, Any]]:
    """Each named style as plain properties (for the office adapters, which talk in dicts).

    Keys: bold, italic, underline (bool), size (points), color and fill ("RRGGBB" or None),
    border ("RRGGBB" of a thin border on every side, or None), halign and valign
    ("left" | "center" | "right" | "top" | "bottom" or None), wrap (bool), locked (bool).
    """
    keys = ("bold", "italic", "underline", "size", "color", "fill", "border", "halign", "valign", "wrap",
            "locked")
    return {name: {k: getattr(look, k) for k in keys} for name, look in style_looks().items()}
