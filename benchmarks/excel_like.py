"""openpyxl's output rewritten the way Excel saves: texts in a shared string table.

openpyxl 3.1 writes every text as ``<c t="inlineStr"><is><t>``; files saved by Excel, which
is what offices send, keep each text once in ``xl/sharedStrings.xml`` and cells say
``t="s"``. Both benchmarks measure on files like Excel's, so both rewrite through here.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
Q = f"{{{NS}}}"


def shared_string_parts(path: Path) -> dict[str, bytes]:
    """The package's parts with every text moved into ``xl/sharedStrings.xml``."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    strings: dict[str, int] = {}
    for name in list(parts):
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = _share(parts[name], strings)
    sst = etree.Element(Q + "sst", nsmap={None: NS}, count=str(len(strings)), uniqueCount=str(len(strings)))
    for text in strings:
        etree.SubElement(etree.SubElement(sst, Q + "si"), Q + "t").text = text
    parts["xl/sharedStrings.xml"] = etree.tostring(sst, xml_declaration=True, encoding="UTF-8",
                                                   standalone=True)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    return parts


def _share(sheet: bytes, strings: dict[str, int]) -> bytes:
    root = etree.fromstring(sheet)
    for c in root.iter(Q + "c"):
        if c.get("t") == "n":
            del c.attrib["t"]
        if c.get("t") != "inlineStr":
            continue
        inline = c.find(Q + "is")
        text = "".join(inline.itertext()) if inline is not None else ""
        for child in list(c):
            c.remove(child)
        if not text:  # openpyxl writes "" as an empty inline string; Excel writes no value
            del c.attrib["t"]
            continue
        c.set("t", "s")
        etree.SubElement(c, Q + "v").text = str(strings.setdefault(text, len(strings)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def to_shared_strings(path: Path) -> None:
    """Rewrite the workbook at ``path`` in place with a shared string table."""
    parts = shared_string_parts(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
