"""``xl/styles.xml`` with the named styles appended (their look is data: ``sopxl.sheetspec``).

Every cell of every sheet points into ``cellXfs`` by position (``s="7"``), so the
user's own entries are never changed or reordered: the fonts, fills, borders and
cell formats our named styles need are *appended*. An entry that already exists
with exactly the same content (for instance from an earlier run of sopxl) is reused,
so writing the same sheets twice leaves ``styles.xml`` byte for byte as it was.

The look is sober, like a hand-made office table: Calibri 11, thin grey borders, a
light blue header, Excel's own light red / yellow / green for error / warning / ok.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..errors import WriteError
from ..sheetspec import Look, style_looks

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

NO_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>"
NO_FILL = '<fill><patternFill patternType="none"/></fill>'


def _font(size: float = 11, *, bold: bool = False, italic: bool = False, underline: bool = False,
          rgb: str | None = None) -> str:
    # Child order as Excel writes it: b, i, u, sz, color, name, family.
    return ("<font>" + ("<b/>" if bold else "") + ("<i/>" if italic else "")
            + ("<u/>" if underline else "") + f'<sz val="{size:g}"/>'
            + (f'<color rgb="{rgb}"/>' if rgb else "")
            + '<name val="Calibri"/><family val="2"/></font>')


def _fill(rgb: str) -> str:
    return (f'<fill><patternFill patternType="solid"><fgColor rgb="{rgb}"/>'
            '<bgColor indexed="64"/></patternFill></fill>')


def _thin_border(rgb: str) -> str:
    sides = "".join(f'<{side} style="thin"><color rgb="{rgb}"/></{side}>'
                    for side in ("left", "right", "top", "bottom"))
    return f"<border>{sides}<diagonal/></border>"


def _argb(rgb: str | None) -> str | None:
    return "FF" + rgb.upper() if rgb else None


@dataclass(frozen=True)
class XfLook:
    """One named style as the ``styles.xml`` entries it needs."""

    font: str
    fill: str = NO_FILL
    border: str = NO_BORDER
    num_fmt: int = 0  # a built-in number format id (0 = General)
    align: tuple[tuple[str, str], ...] = ()
    locked: bool = True


def xf_look(look: Look) -> XfLook:
    """The XML entries of a look (the data in ``sopxl/data/styles.json``)."""
    align = tuple((k, v) for k, v in (("horizontal", look.halign), ("vertical", look.valign),
                                      ("wrapText", "1" if look.wrap else None)) if v)
    fill_rgb, border_rgb = _argb(look.fill), _argb(look.border)
    return XfLook(_font(look.size, bold=look.bold, italic=look.italic, underline=look.underline,
                        rgb=_argb(look.color)),
                  _fill(fill_rgb) if fill_rgb else NO_FILL,
                  _thin_border(border_rgb) if border_rgb else NO_BORDER,
                  look.num_fmt, align, look.locked)


LOOKS: dict[str, XfLook] = {name: xf_look(look) for name, look in style_looks().items()}

# Styles whose text wraps, and the height (points) of one line of their font: used to
# give wrapped rows a height, since LibreOffice shows a stored file's rows as they are.
WRAPPED = frozenset(name for name, look in style_looks().items() if look.wrap)
LINE_POINTS = {name: round(look.size * 15 / 11, 2) for name, look in style_looks().items()}

# A stylesheet for a workbook made from nothing; index 0 of each list is Excel's default.
FRESH = (
    f'<styleSheet xmlns="{MAIN}">'
    f'<fonts count="1">{_font()}</fonts>'
    f'<fills count="2">{NO_FILL}<fill><patternFill patternType="gray125"/></fill></fills>'
    f'<borders count="1">{NO_BORDER}</borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="0"/><tableStyles count="0"/>'
    "</styleSheet>"
)

# Children of <styleSheet> in schema order; a missing list is created in its place.
_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
          "tableStyles", "colors", "extLst")


def _q(tag: str) -> str:
    return f"{{{MAIN}}}{tag}"


def _key(el: etree._Element) -> tuple:
    """A comparable form of an element: name, attributes and children, order of attributes aside."""
    return (etree.QName(el).localname, tuple(sorted(el.attrib.items())),
            (el.text or "").strip(), tuple(_key(c) for c in el if isinstance(c.tag, str)))


class _Sheet:
    """An editable stylesheet that only ever appends."""

    def __init__(self, root: etree._Element):
        self.root = root
        self.changed = False

    def _list(self, tag: str) -> etree._Element:
        found = self.root.find(_q(tag))
        if found is not None:
            return found
        el = etree.Element(_q(tag))
        later = _ORDER[_ORDER.index(tag) + 1:]
        for i, child in enumerate(self.root):
            if isinstance(child.tag, str) and etree.QName(child).localname in later:
                self.root.insert(i, el)
                break
        else:
            self.root.append(el)
        self.changed = True
        return el

    def index_of(self, tag: str, xml: str) -> int:
        """Position of an entry equal to ``xml`` in list ``tag``; appended if absent."""
        lst = self._list(tag)
        new = etree.fromstring(f'<w xmlns="{MAIN}">{xml}</w>')[0]
        want = _key(new)
        entries = [c for c in lst if isinstance(c.tag, str)]
        for i, c in enumerate(entries):
            if _key(c) == want:
                return i
        lst.append(new)
        lst.set("count", str(len(entries) + 1))
        self.changed = True
        return len(entries)

    def xf_for(self, look: XfLook) -> int:
        font = self.index_of("fonts", look.font)
        # Fill 0 is "none" in every workbook Excel accepts (it reserves 0 and 1).
        fill = 0 if look.fill == NO_FILL else self.index_of("fills", look.fill)
        border = self.index_of("borders", look.border)
        has_style_xf = self.root.find(_q("cellStyleXfs")) is not None
        attrs = [("numFmtId", str(look.num_fmt)), ("fontId", str(font)), ("fillId", str(fill)),
                 ("borderId", str(border))]
        if has_style_xf:
            attrs.append(("xfId", "0"))
        attrs += [("applyFont", "1"), ("applyBorder", "1")]
        if look.fill != NO_FILL:
            attrs.append(("applyFill", "1"))
        if look.num_fmt:
            attrs.append(("applyNumberFormat", "1"))
        if look.align:
            attrs.append(("applyAlignment", "1"))
        if not look.locked:
            attrs.append(("applyProtection", "1"))
        inner = ""
        if look.align:
            inner += "<alignment " + " ".join(f'{k}="{v}"' for k, v in look.align) + "/>"
        if not look.locked:
            inner += '<protection locked="0"/>'
        xf = "<xf " + " ".join(f'{k}="{v}"' for k, v in attrs) + (f">{inner}</xf>" if inner else "/>")
        return self.index_of("cellXfs", xf)


def merge_styles(styles_xml: bytes | None) -> tuple[bytes | None, dict[str, int]]:
    """Append the named styles to a workbook's ``styles.xml``.

    Returns the new part (``None`` when nothing had to be appended, so the caller keeps
    the original bytes) and the ``cellXfs`` index of every named style.
    """
    fresh = styles_xml is None
    try:
        root = etree.fromstring(styles_xml if styles_xml is not None else FRESH.encode(),
                                etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        raise WriteError("Bagian xl/styles.xml rusak sehingga gaya sel tidak dapat ditambahkan.",
                         code="TULIS-RUSAK", message_en="Part xl/styles.xml is damaged; cell styles "
                                                        "cannot be added.") from None
    if root.tag != _q("styleSheet"):
        raise WriteError("Bagian xl/styles.xml bukan lembar gaya Excel yang dikenal.", code="TULIS-RUSAK",
                         message_en="Part xl/styles.xml is not a known Excel stylesheet.")
    sheet = _Sheet(root)
    ids = {name: sheet.xf_for(look) for name, look in LOOKS.items()}
    if not sheet.changed and not fresh:
        return None, ids
    return XML_DECL + etree.tostring(root, encoding="UTF-8"), ids


def fresh_styles() -> tuple[bytes, dict[str, int]]:
    """A complete ``styles.xml`` for a new workbook, with the named styles."""
    data, ids = merge_styles(None)
    assert data is not None
    return data, ids
