"""One ``SheetSpec`` → one worksheet part (``xl/worksheets/sheetN.xml``).

The XML is built as text, not as a tree, because the merged register can hold tens
of thousands of cells and must be written in a fraction of a second. Children of
``<worksheet>`` follow the schema order (sheetPr, dimension, sheetViews,
sheetFormatPr, cols, sheetData, autoFilter, mergeCells, dataValidations,
hyperlinks, printOptions, pageMargins, pageSetup, …); Excel calls a file corrupt
when they do not.

Text is always an inline string (``t="inlineStr"``): the shared string table is never
touched, and a text such as ``=1+1`` can never turn into a formula.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..a1 import cell_to_rowcol, col_to_letters, range_to_rowcols, rowcol_to_cell, rowcols_to_range
from ..errors import WriteError
from ..fit import wrapped_lines
from ..sheetspec import CellSpec, Scalar, SheetSpec, Validation, style_looks
from .styles import LINE_POINTS, WRAPPED

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HYPERLINK_TYPE = REL + "/hyperlink"

MAX_CELL_TEXT = 32767  # Excel's limit for one cell
MAX_LIST = 255  # Excel's limit for a quoted dropdown list in formula1
MAX_PROMPT = 255  # ... and for an input prompt
MAX_PROMPT_TITLE = 32
MAX_ROWS, MAX_COLS = 1_048_576, 16_384

# Characters XML 1.0 forbids (lone surrogates included); Excel would refuse the file.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Excel reads "_x0041_" in cell text as an escaped character; a literal one is escaped itself.
_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_BAD_NAME_CHARS = set("[]:*?/\\")
_URL = re.compile(r"^(https?://|mailto:|ftp://|file:)", re.IGNORECASE)


def check_sheet_name(name: object) -> str:
    """The name if Excel accepts it as a sheet name; otherwise ``WriteError``."""
    if not isinstance(name, str) or not name.strip():
        raise WriteError("Nama lembar kosong.", code="TULIS-NAMA-LEMBAR",
                         message_en="The sheet name is empty.")
    problem_id = problem_en = None
    if len(name) > 31:
        problem_id, problem_en = "lebih dari 31 karakter", "is longer than 31 characters"
    elif set(name) & _BAD_NAME_CHARS:
        problem_id = "memuat karakter yang dilarang Excel ([ ] : * ? / \\)"
        problem_en = "contains a character Excel forbids ([ ] : * ? / \\)"
    elif name.startswith("'") or name.endswith("'"):
        problem_id, problem_en = "diawali atau diakhiri tanda petik (')", "starts or ends with an apostrophe"
    elif _ILLEGAL.search(name) or any(ord(ch) < 32 for ch in name):
        problem_id, problem_en = "memuat karakter kendali", "contains a control character"
    elif name.lower() == "history":
        problem_id, problem_en = "dicadangkan oleh Excel", "is reserved by Excel"
    if problem_id:
        raise WriteError(f"Nama lembar {name!r} tidak dapat dipakai: {problem_id}.",
                         code="TULIS-NAMA-LEMBAR", sheet=name,
                         message_en=f"Sheet name {name!r} cannot be used: it {problem_en}.")
    return name


def quote_sheet(name: str) -> str:
    """The sheet name as it appears in a reference: ``'SOP 01'`` (always quoted)."""
    return "'" + name.replace("'", "''") + "'"


def clean_text(text: str) -> str:
    """Text Excel keeps as it is: no XML-illegal characters, escapes escaped, within limits."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ILLEGAL.sub("", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[:MAX_CELL_TEXT - 1] + "…"
    return text


def esc(text: str) -> str:
    """Escape for element content or a double-quoted attribute."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


def _esc_text(text: str) -> str:
    # Element content: newlines stay literal (they are kept there), only markup is escaped.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class SheetPart:
    """A worksheet part and what the workbook must know about it."""

    xml: bytes
    external_links: list[tuple[str, str]] = field(default_factory=list)  # (rId, url)
    defined_names: list[tuple[str, str, bool]] = field(default_factory=list)  # (name, ref, hidden)

    def rels_xml(self) -> bytes | None:
        if not self.external_links:
            return None
        rels = "".join(f'<Relationship Id="{rid}" Type="{HYPERLINK_TYPE}" Target="{esc(url)}" '
                       'TargetMode="External"/>' for rid, url in self.external_links)
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns='
                f'"http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
                "</Relationships>").encode()


def _bad_spec(spec: SheetSpec, what_id: str, what_en: str) -> WriteError:
    return WriteError(f"Lembar tidak dapat ditulis: {what_id}.", code="TULIS-LEMBAR", sheet=spec.name,
                      message_en=f"The sheet cannot be written: {what_en}.")


def _range(spec: SheetSpec, ref: str) -> tuple[int, int, int, int]:
    try:
        r1, c1, r2, c2 = range_to_rowcols(ref.replace("$", ""))
    except (ValueError, AttributeError):
        raise _bad_spec(spec, f"rentang {ref!r} tidak sah", f"range {ref!r} is not valid") from None
    if r2 >= MAX_ROWS or c2 >= MAX_COLS:
        raise _bad_spec(spec, f"rentang {ref!r} di luar batas Excel",
                        f"range {ref!r} is beyond Excel's limits")
    return r1, c1, r2, c2


def _tab_colour(spec: SheetSpec) -> str:
    rgb = (spec.tab_color or "").lstrip("#").upper()
    if not re.fullmatch(r"[0-9A-F]{6}([0-9A-F]{2})?", rgb):
        raise _bad_spec(spec, f"warna tab {spec.tab_color!r} bukan RRGGBB",
                        f"tab colour {spec.tab_color!r} is not RRGGBB")
    return rgb if len(rgb) == 8 else "FF" + rgb


def _cell_tail(cell: CellSpec, style_ids: dict[str, int], spec: SheetSpec, ref: str) -> str:
    """A cell's XML after ``<c r="A1"``: it depends on the style and value only, so a
    register of 350,000 cells with few distinct values builds each one once."""
    s = ""
    if cell.style is not None:
        if cell.style not in style_ids:
            raise _bad_spec(spec, f"gaya sel {cell.style!r} di {ref} tidak dikenal",
                            f"cell style {cell.style!r} at {ref} is unknown")
        s = f' s="{style_ids[cell.style]}"'
    v = cell.value
    if v is None or v == "":
        return s + "/>" if s else ""
    if isinstance(v, bool):
        return f'{s} t="b"><v>{int(v)}</v></c>'
    if isinstance(v, int) and abs(v) < 10**15:
        return f"{s}><v>{v}</v></c>"
    if isinstance(v, float) and math.isfinite(v):
        return f"{s}><v>{v!r}</v></c>"
    # Text, and numbers Excel cannot hold exactly (NaN, ±inf, 16+ digit integers).
    text = clean_text(str(v))
    if "_x" in text:
        text = _EXCEL_ESCAPE.sub(r"_x005F_\1", text)
    return f'{s} t="inlineStr"><is><t xml:space="preserve">{_esc_text(text)}</t></is></c>'


def _validation_xml(spec: SheetSpec, dv: Validation) -> str:
    r1, c1, r2, c2 = _range(spec, dv.ref)
    sqref = rowcols_to_range(r1, c1, r2, c2)
    options = [clean_text(str(o)) for o in dv.options]
    listed = ",".join(options)
    fits = (options and len(listed) <= MAX_LIST
            and not any("," in o or '"' in o or not o for o in options))
    prompt = clean_text(dv.prompt) if dv.prompt else ""
    attrs = ""
    body = ""
    if fits:
        attrs = ' type="list" allowBlank="1" showErrorMessage="1"'
        body = f"<formula1>{_esc_text(chr(34) + listed + chr(34))}</formula1>"
    elif options:
        # Too long (or a choice holds a comma) for a dropdown: accept any answer and
        # name the choices in the prompt instead, so nobody is blocked by a half list.
        choices = "Pilihan: " + "; ".join(options)
        prompt = f"{prompt}\n{choices}" if prompt else choices
    if prompt:
        if len(prompt) > MAX_PROMPT:
            prompt = prompt[:MAX_PROMPT - 1] + "…"
        attrs += f' showInputMessage="1" prompt="{esc(prompt)}"'
    if not attrs:
        return ""
    return f'<dataValidation{attrs} sqref="{sqref}">{body}</dataValidation>'


def worksheet_part(spec: SheetSpec, style_ids: dict[str, int], *, selected: bool = False) -> SheetPart:
    """The worksheet XML for ``spec``; ``style_ids`` maps style names to ``cellXfs`` indexes."""
    check_sheet_name(spec.name)
    part = SheetPart(b"")
    out: list[str] = []
    add = out.append
    links: list[str] = []

    n_rows = len(spec.rows)
    n_cols = max((len(r) for r in spec.rows), default=0)
    if n_rows > MAX_ROWS or n_cols > MAX_COLS:
        raise _bad_spec(spec, "terlalu banyak baris atau kolom", "too many rows or columns")

    add(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="{MAIN}" '
        f'xmlns:r="{REL}">')
    # sheetPr: tabColor, outlinePr, pageSetUpPr — in this order.
    pr = ""
    if spec.tab_color:
        pr += f'<tabColor rgb="{_tab_colour(spec)}"/>'
    if spec.fit_width:
        pr += '<pageSetUpPr fitToPage="1"/>'
    if pr:
        add(f"<sheetPr>{pr}</sheetPr>")
    add(f'<dimension ref="{rowcols_to_range(0, 0, max(n_rows - 1, 0), max(n_cols - 1, 0))}"/>')

    view = '<sheetView workbookViewId="0"' + (' tabSelected="1"' if selected else "")
    pane = ""
    if spec.freeze:
        try:
            fr, fc = cell_to_rowcol(spec.freeze.replace("$", ""))
        except ValueError:
            raise _bad_spec(spec, f"sel beku {spec.freeze!r} tidak sah",
                            f"freeze cell {spec.freeze!r} is not valid") from None
        if fr or fc:
            active = "bottomRight" if fr and fc else ("bottomLeft" if fr else "topRight")
            split = (f' xSplit="{fc}"' if fc else "") + (f' ySplit="{fr}"' if fr else "")
            top_left = rowcol_to_cell(fr, fc)
            pane = (f'<pane{split} topLeftCell="{top_left}" activePane="{active}" state="frozen"/>'
                    f'<selection pane="{active}" activeCell="{top_left}" sqref="{top_left}"/>')
    add(f"<sheetViews>{view}>{pane}</sheetView></sheetViews>" if pane
        else f"<sheetViews>{view}/></sheetViews>")
    add('<sheetFormatPr defaultRowHeight="15"/>')

    hidden = set(spec.hidden_cols)
    if spec.col_widths or hidden:
        add("<cols>")
        for col in sorted(set(spec.col_widths) | hidden):
            width = float(spec.col_widths.get(col, 8.43))
            if not 0 <= col < MAX_COLS or not 0 <= width <= 255:
                raise _bad_spec(spec, f"lebar kolom {col}: {width} tidak sah",
                                f"width of column {col}: {width} is not valid")
            flag = ' hidden="1"' if col in hidden else ""
            add(f'<col min="{col + 1}" max="{col + 1}" width="{width:g}" customWidth="1"{flag}/>')
        add("</cols>")

    add("<sheetData>")
    # The cells are written as bytes, straight into the part: a register's sheet runs to
    # tens of megabytes of XML, which as one str would be joined, then encoded, again.
    body = ["".join(out).encode("utf-8")]
    out.clear()
    _rows_xml(spec, style_ids, part, links, n_cols, body)
    add("</sheetData>")

    if spec.autofilter:
        r1, c1, r2, c2 = _range(spec, spec.autofilter)
        ref = rowcols_to_range(r1, c1, r2, c2)
        add(f'<autoFilter ref="{ref}"/>')
        absolute = f"${col_to_letters(c1)}${r1 + 1}:${col_to_letters(c2)}${r2 + 1}"
        part.defined_names.append(("_xlnm._FilterDatabase", f"{quote_sheet(spec.name)}!{absolute}", True))

    if spec.merges:
        merged = []
        taken: list[tuple[int, int, int, int]] = []
        for m in spec.merges:
            r1, c1, r2, c2 = _range(spec, m)
            # Excel repairs (and so calls corrupt) a file with overlapping merges: the
            # first one wins, the rest are left out rather than failing the whole write.
            if (r1, c1) == (r2, c2) or any(r1 <= b2 and b1 <= r2 and c1 <= d2 and d1 <= c2
                                           for b1, d1, b2, d2 in taken):
                continue
            taken.append((r1, c1, r2, c2))
            merged.append(f'<mergeCell ref="{rowcols_to_range(r1, c1, r2, c2)}"/>')
        if merged:
            add(f'<mergeCells count="{len(merged)}">{"".join(merged)}</mergeCells>')

    validations = [x for x in (_validation_xml(spec, dv) for dv in spec.validations) if x]
    if validations:
        add(f'<dataValidations count="{len(validations)}">{"".join(validations)}</dataValidations>')
    if links:
        add(f'<hyperlinks>{"".join(links)}</hyperlinks>')

    add('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    setup = '<pageSetup paperSize="9"'
    setup += ' orientation="landscape"' if spec.landscape else ' orientation="portrait"'
    if spec.fit_width:
        setup += ' fitToWidth="1" fitToHeight="0"'
    add(setup + "/>")
    add("</worksheet>")

    if spec.print_title_rows is not None:
        first, last = spec.print_title_rows
        if not 0 <= first <= last < MAX_ROWS:
            raise _bad_spec(spec, "baris judul cetak tidak sah", "print title rows are not valid")
        part.defined_names.append(("_xlnm.Print_Titles",
                                   f"{quote_sheet(spec.name)}!${first + 1}:${last + 1}", False))
    body.append("".join(out).encode("utf-8"))
    part.xml = b"".join(body)
    return part


def _rows_xml(spec: SheetSpec, style_ids: dict[str, int], part: SheetPart, links: list[str],
              n_cols: int, body: list[bytes]) -> None:
    """Append the ``<row>`` elements of ``spec`` to ``body``; its links go to ``links``.

    A register holds hundreds of thousands of cells, so each cell is three pieces put in
    the list (``<c r="B``, the row number, and the rest of the cell) and nothing is joined
    until the whole part is. The rest depends on the style and value only, so it is built
    (and encoded) once per distinct one. Plain text and whole numbers with no CellSpec, most
    of a register, find theirs by the value alone, with no key tuple (a str never equals an
    int, so one dict serves both); such a cell carries no style or link, and no height is
    estimated for a cell without a style, so it needs none of the general path's checks.
    """
    widths, covered = _text_widths(spec)
    starts = [f'<c r="{col_to_letters(c)}'.encode() for c in range(n_cols)]
    tails: dict[tuple[str | None, type, object], bytes] = {}
    plain: dict[str | int, bytes] = {}
    add = body.append
    for r, row in enumerate(spec.rows):
        add(b"")  # the <row> tag, once the row's height is known
        at = len(body) - 1
        height = 0.0
        rn = str(r + 1)
        row_number = rn.encode()
        for c, raw in enumerate(row):
            if raw is None:
                continue
            if type(raw) is str or type(raw) is int:
                tail = plain.get(raw)
                if tail is None:
                    tail = _encoded_tail(CellSpec(raw), style_ids, spec, col_to_letters(c) + rn)
                    if len(plain) < 100_000:
                        plain[raw] = tail
                if tail:
                    add(starts[c])
                    add(row_number)
                    add(tail)
                continue
            given: CellSpec | None
            style: str | None
            value: Scalar
            if isinstance(raw, CellSpec):
                given, style, value = raw, raw.style, raw.value
            else:  # plain values of other types need no CellSpec of their own either
                given, style, value = None, None, raw
            memo = (style, type(value), value)
            tail = tails.get(memo)
            if tail is None:
                tail = _encoded_tail(CellSpec(value, style), style_ids, spec, col_to_letters(c) + rn)
                if len(tails) < 100_000:
                    tails[memo] = tail
            if tail:
                add(starts[c])
                add(row_number)
                add(tail)
            if given is not None and given.link:
                links.append(_hyperlink_xml(part, col_to_letters(c) + rn, given))
            # covered and widths are empty in a sheet without merges (a register): no keys built.
            if style in WRAPPED and type(value) is str and not (covered and (r, c) in covered):
                width = (widths.get((r, c)) if widths else None) or _col_width(spec, c)
                look = style_looks()[style]
                lines = wrapped_lines(value, width, look.bold, look.size)
                if lines > 1:
                    height = max(height, lines * LINE_POINTS[style] + ROW_PAD_POINTS)
        if len(body) - 1 == at:
            body.pop()  # no cell on this row: no row either
            continue
        # A height without customHeight: LibreOffice shows it, Excel still refits the row.
        ht = f' ht="{min(height, MAX_ROW_POINTS):g}"' if height else ""
        body[at] = f'<row r="{rn}"{ht}>'.encode()
        add(b"</row>")


def _encoded_tail(cell: CellSpec, style_ids: dict[str, int], spec: SheetSpec, ref: str) -> bytes:
    """``_cell_tail`` as the bytes that follow ``<c r="A1``: "" (no cell) stays empty."""
    tail = _cell_tail(cell, style_ids, spec, ref)
    return ('"' + tail).encode("utf-8") if tail else b""


DEFAULT_COL_WIDTH = 8.43  # Excel's default column width for Calibri 11, in characters
MAX_ROW_POINTS = 409.0
# The cell's top and bottom margins, so the last wrapped line is not cut at the border.
ROW_PAD_POINTS = 3.0


def _col_width(spec: SheetSpec, col: int) -> float:
    return float(spec.col_widths.get(col, DEFAULT_COL_WIDTH))


def _text_widths(spec: SheetSpec) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    """Width of the text area of merged cells (by top-left cell), and the cells whose
    height is not estimated: those a merge covers, and merges over several rows."""
    widths: dict[tuple[int, int], float] = {}
    covered: set[tuple[int, int]] = set()
    for m in spec.merges:
        r1, c1, r2, c2 = _range(spec, m)
        if r2 > r1:
            covered.update((r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1))
            continue
        widths[(r1, c1)] = sum(_col_width(spec, c) for c in range(c1, c2 + 1))
        covered.update((r1, c) for c in range(c1 + 1, c2 + 1))
    return widths, covered


def _hyperlink_xml(part: SheetPart, ref: str, cell: CellSpec) -> str:
    target = clean_text(str(cell.link))
    display = clean_text(str(cell.value)) if cell.value not in (None, "") else target
    display_attr = f' display="{esc(display[:MAX_LIST])}"'
    if _URL.match(target):
        rid = f"rId{len(part.external_links) + 1}"
        part.external_links.append((rid, target))
        return f'<hyperlink ref="{ref}" r:id="{rid}"{display_attr}/>'
    return f'<hyperlink ref="{ref}" location="{esc(target.lstrip("#"))}"{display_attr}/>'
