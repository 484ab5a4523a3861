"""``[Content_Types].xml``: the content type of every part of the package.

A part added to the package needs an ``<Override>`` naming its type, and a part
removed must lose its own, or Excel reports the file as damaged. Part names compare
case-insensitively, as the Open Packaging Conventions say.
"""
from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from ..read.safezip import NS
from .styles import XML_DECL

CONTENT_TYPES = "[Content_Types].xml"
CT_NS = NS["ct"]
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"


def set_override(types: etree._Element, part: str, content_type: str) -> None:
    """Give ``part`` (no leading slash) its content type, replacing any it had."""
    wanted = "/" + part.lower()
    for ov in types.findall("ct:Override", NS):
        if ov.get("PartName", "").lower() == wanted:
            ov.set("ContentType", content_type)
            return
    ov = etree.SubElement(types, f"{{{CT_NS}}}Override")
    ov.set("PartName", "/" + part)
    ov.set("ContentType", content_type)


def forget_overrides(types: etree._Element, removed: Iterable[str]) -> None:
    """Drop the overrides of parts no longer in the package."""
    lower = {"/" + p.lower() for p in removed}
    for ov in types.findall("ct:Override", NS):
        if ov.get("PartName", "").lower() in lower:
            types.remove(ov)


def fresh_content_types(overrides: Iterable[tuple[str, str]]) -> bytes:
    """The part for a new workbook: the defaults plus one override per (part, type)."""
    listed = "".join(f'<Override PartName="/{part}" ContentType="{ct}"/>' for part, ct in overrides)
    return (f'{XML_DECL.decode()}<Types xmlns="{CT_NS}"><Default Extension="rels" ContentType="{CT_RELS}"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{listed}</Types>').encode()
