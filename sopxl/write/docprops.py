"""``docProps/app.xml``: the worksheet titles Excel lists in the file's properties.

Excel writes the titles of the worksheets and their count there; a sheet sopxl adds or
renames is listed too, so the properties dialog agrees with the tabs. Left alone when
the part lists the titles in a way sopxl does not recognise.
"""
from __future__ import annotations

from lxml import etree

from ..read.safezip import SafeZip
from .packing import xml_bytes
from .relationships import RT_APP

EXT_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def app_titles(z: SafeZip, worksheet_names: list[str], renamed: dict[str, str],
               added: list[str]) -> tuple[str, bytes] | None:
    """(part, new bytes) of ``docProps/app.xml`` with the titles in step; None: no change."""
    part = next((t for typ, t in z.rels("").values() if typ == RT_APP), None)
    if part is None or not z.has(part) or not (renamed or added):
        return None
    root = z.xml(part)
    pairs = root.find(f"{{{EXT_PROPS}}}HeadingPairs/{{{VT}}}vector")
    titles = root.find(f"{{{EXT_PROPS}}}TitlesOfParts/{{{VT}}}vector")
    if pairs is None or titles is None:
        return None
    variants = list(pairs)
    lpstrs = list(titles)
    offset = 0
    for i in range(0, len(variants) - 1, 2):
        count_el = variants[i + 1].find(f"{{{VT}}}i4")
        if count_el is None or not (count_el.text or "").strip().isdigit():
            return None
        count = int(count_el.text or "0")
        group = lpstrs[offset:offset + count]
        if count and {t.text for t in group} == set(worksheet_names):
            for t in group:
                if t.text in renamed:
                    t.text = renamed[t.text]
            anchor = group[-1]
            for name in added:
                new = etree.Element(f"{{{VT}}}lpstr")
                new.text = name
                anchor.addnext(new)
                anchor = new
            count_el.text = str(count + len(added))
            titles.set("size", str(len(lpstrs) + len(added)))
            return part, xml_bytes(root)
        offset += count
    return None
