"""Several actors typed in one Pelaksana cell: "Operator, Verifikator", "Kepala Seksi & Staf".

Where the actor of each step is typed as a name in one Pelaksana column (``text_actors``), a
step done by two people names both in its cell. Cutting at every "dan" would break one unit's
own name ("Kepala Bagian Umum dan Keuangan"), so a cell is cut only into parts the same SOP
names as roles elsewhere: a step of its own, a role column of another table, the Kualifikasi
Pelaksana or Disahkan Oleh text, or the office's list of roles. A name known whole there is
never cut. When some parts are known and others are not, or names are listed with commas and
none is known, the cell stays one actor and an ``info`` finding says so: a wrong cut would
give a step to someone who does not do it.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..findings import Hit, declare
from ..model import Marker, Role, Section, SopDocument, Step
from .text import key
from .vocab import Vocab

JOINED = declare(__name__, "pelaksana-teks-gabungan")[0]
_SEPARATOR = re.compile(r"(\s*[,;/+&]\s*|\s+(?:dan|serta)\s+)", re.I)
# Two spellings of one name differ at most in case, dots and spaces ("Panmud. Hukum").
_DOTS_AND_SPACES = re.compile(r"[.\s]+")
_LISTING = re.compile(r"[,;/+]")  # a list of names; "dan" and "&" also join one unit's own name
# Where an item of a free text begins: its start, after punctuation, or after "1." / "2)".
_ITEM_START = r"(?:^|[,;:.(•\-–]|\d[.)])\s*"


def split_joined_actors(doc: SopDocument, vocab: Vocab) -> list[Hit]:
    """Cut the joined names of the document's text-actor sections into their roles; the hits
    name the cells kept whole for want of certainty."""
    typed = [sec for sec in doc.sections if _typed_names(sec)]
    if not typed:
        return []
    _one_spelling(typed)
    known = _known(doc, typed, vocab)
    hits: list[Hit] = []
    for sec in typed:
        for step in sec.steps:
            if len(step.markers) != 1:
                continue
            hit = _split(step, known)
            if hit is not None:
                hits.append(hit)
        _renew_roles(sec)
    return hits


def _spelling_key(name: str) -> str:
    return _DOTS_AND_SPACES.sub("", name.casefold())


def _one_spelling(typed: list[Section]) -> None:
    """One name for one official typed two ways ("Panmud. Hukum" in one step, "Panmud Hukum"
    in another): the spelling with the fewest dots, or the first seen, for every step, so the
    SOP names one role, not two."""
    chosen: dict[str, str] = {}
    for sec in typed:
        for step in sec.steps:
            for m in step.markers:
                k = _spelling_key(m.role)
                if k not in chosen or m.role.count(".") < chosen[k].count("."):
                    chosen[k] = m.role
    for sec in typed:
        for step in sec.steps:
            for i, m in enumerate(step.markers):
                name = chosen[_spelling_key(m.role)]
                if name != m.role:
                    step.markers[i] = Marker(name, m.symbol, name, m.cell, m.source)
        _renew_roles(sec)


def _typed_names(sec: Section) -> bool:
    """The section's actors are names typed in one column: every marker is the name itself."""
    if len({r.col for r in sec.roles}) != 1:
        return False  # the usual matrix, a column per role: no need to look at every marker
    markers = [m for s in sec.steps for m in s.markers]
    return bool(markers) and all(m.text == m.role for m in markers)


def _known(doc: SopDocument, typed: list[Section], vocab: Vocab) -> Callable[[str], bool]:
    """Whether a name is a role this SOP (or the office) names on its own somewhere."""
    names = set(vocab.roles)
    for sec in doc.sections:
        if sec in typed:
            names.update(key(m.role) for s in sec.steps for m in s.markers
                         if not _SEPARATOR.search(m.role))
        else:
            names.update(key(r.name) for r in sec.roles)
    texts = [_plain(t.value) for t in (doc.boxes.get("kualifikasi_pelaksana"),
                                       doc.identity.get("disahkan_oleh")) if t is not None and t]

    def known(name: str) -> bool:
        if key(name) in names:
            return True
        words = _plain(name).split()
        if not words:
            return False
        pattern = re.compile(_ITEM_START + r"\s+".join(map(re.escape, words)) + r"(?!\w)")
        return any(pattern.search(t) for t in texts)

    return known


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("&", " dan ").split())


def _split(step: Step, known: Callable[[str], bool]) -> Hit | None:
    marker = step.markers[0]
    pieces = _SEPARATOR.split(marker.role)
    names, joints = pieces[0::2], pieces[1::2]
    if len(names) < 2 or not all(n.strip() for n in names):
        return None
    cut = _fewest_known(names, joints, known)
    if cut is not None:
        if len(cut) > 1:
            step.markers = [Marker(n, marker.symbol, n, marker.cell) for n in cut]
        return None
    some_known = any(known(n.strip()) for n in names)
    if some_known or any(_LISTING.search(j) for j in joints):
        return Hit(JOINED, marker.cell, {"teks": marker.role, "nomor": step.number.value or "?"})
    return None  # "Kepala Bagian Umum dan Keuangan": one unit's name, nothing says otherwise


def _fewest_known(names: list[str], joints: list[str], known: Callable[[str], bool]) -> list[str] | None:
    """The cut of ``names`` into the fewest runs that are each a known role ("A dan B, C" may
    be "A dan B" and "C"), or None when no cut has every run known."""
    n = len(names)
    best: list[list[str] | None] = [[]] + [None] * n
    for end in range(1, n + 1):
        for start in range(end):
            before = best[start]
            if before is None:
                continue
            run = names[start] + "".join(j + w for j, w in zip(joints[start:end - 1], names[start + 1:end]))
            run = run.strip()
            current = best[end]
            if known(run) and (current is None or len(before) + 1 < len(current)):
                best[end] = [*before, run]
    return best[n]


def _renew_roles(sec: Section) -> None:
    """The section's roles again from its steps, in order of first appearance."""
    col = sec.roles[0].col
    roles: list[Role] = []
    seen: set[str] = set()
    for step in sec.steps:
        for m in step.markers:
            if key(m.role) not in seen:
                seen.add(key(m.role))
                roles.append(Role(m.role, col, m.cell))
    sec.roles = roles
