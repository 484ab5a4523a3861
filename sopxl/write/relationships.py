"""The ``_rels/*.rels`` parts: which part reaches which, and by what kind of link.

A part ``xl/workbook.xml`` lists its links in ``xl/_rels/workbook.xml.rels``; the
package itself in ``_rels/.rels``. Following them from the package root tells which
parts are still used, so that a replaced sheet's drawing or comments go with it.
"""
from __future__ import annotations

import posixpath
from collections.abc import Iterable
from contextlib import suppress
from urllib.parse import unquote

from lxml import etree

from ..errors import WorkbookError, WriteError
from ..read.safezip import NS, SafeZip
from .styles import XML_DECL

REL = NS["r"]
PKG_REL = NS["pr"]
RT_DOCUMENT = REL + "/officeDocument"
RT_WORKSHEET = REL + "/worksheet"
RT_STYLES = REL + "/styles"
RT_CALC_CHAIN = REL + "/calcChain"
RT_APP = REL + "/extended-properties"


def rels_name(part: str) -> str:
    """The relationships part of ``part``: xl/workbook.xml -> xl/_rels/workbook.xml.rels."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def add_relationship(rels: etree._Element, rid: str, rel_type: str, target: str) -> None:
    el = etree.SubElement(rels, f"{{{PKG_REL}}}Relationship")
    el.set("Id", rid)
    el.set("Type", rel_type)
    el.set("Target", target)


def find_rel(rels: etree._Element, rid: str) -> etree._Element:
    for r in rels:
        if r.get("Id") == rid:
            return r
    raise WriteError("Relasi lembar tidak ditemukan; berkas rusak.", code="TULIS-RUSAK",
                     message_en="A sheet relationship is missing; the file is damaged.")


def unique_id(taken: Iterable[str]) -> str:
    """The first ``rIdN`` not taken."""
    taken = set(taken)
    n = 1
    while f"rId{n}" in taken:
        n += 1
    return f"rId{n}"


def relationships_xml(rels: Iterable[tuple[str, str, str]]) -> bytes:
    """A relationships part made of (Id, Type, Target) triples."""
    listed = "".join(f'<Relationship Id="{rid}" Type="{typ}" Target="{target}"/>'
                     for rid, typ, target in rels)
    return f'{XML_DECL.decode()}<Relationships xmlns="{PKG_REL}">{listed}</Relationships>'.encode()


def rel_graph(z: SafeZip) -> dict[str, set[str]]:
    """Every part that has relationships -> the parts it reaches ("" is the package root)."""
    graph: dict[str, set[str]] = {}
    for name in z.names:
        folder, base = posixpath.split(name)
        if not base.endswith(".rels") or posixpath.basename(folder) != "_rels":
            continue
        source = posixpath.join(posixpath.dirname(folder), base[:-len(".rels")])
        source = "" if base == ".rels" and not posixpath.dirname(folder) else source
        with suppress(WorkbookError):
            targets = z.rels(source).values()
            # External targets are addresses, not parts; they never match a part name.
            graph[source] = {unquote(t) for _, t in targets}
    return graph


def reachable(graph: dict[str, set[str]]) -> set[str]:
    """The parts reached from the package root."""
    seen: set[str] = set()
    todo = [""]
    while todo:
        node = todo.pop()
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
