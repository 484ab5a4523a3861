"""The document as JSON, checked against ``schemas/sop.schema.json``.

``to_dict`` is what ``sopxl export`` prints. ``check`` runs jsonschema on it and turns each
error into a Hit at the cell the failing value came from (the nearest object on the
error's path that carries a ``cell``). An office's patterns (``patterns.nomor``) are
added to a copy of the schema, so tightening needs no code.
"""
from __future__ import annotations

import copy
import json
import re
import zlib
from functools import lru_cache
from typing import Any

from .a1 import col_to_letters
from .config import Config
from .findings import Hit, declare
from .model import Section, SopDocument, Span, Step, Totals
from .resources import load_schema

declare(__name__, "skema-tidak-sesuai", "nomor-tidak-sesuai-pola")


def span_dict(span: Span | None) -> dict[str, float] | None:
    if span is None:
        return None
    lo, hi = span
    return {"min": _num(lo), "max": _num(hi)}


def _num(x: float) -> float:
    return int(x) if float(x).is_integer() else round(x, 2)


def _step(step: Step) -> dict[str, Any]:
    # Every step of every SOP of a batch comes through here: the Text dicts are written
    # out rather than made by as_dict(), the same dicts, without a call for each.
    w = step.waktu
    waktu: dict[str, Any] = {"value": w.value, "cell": w.cell, "minutes": span_dict(step.minutes)}
    if step.waktu_shared:
        waktu["shared"] = True
    number, kegiatan, kelengkapan = step.number, step.kegiatan, step.kelengkapan
    output, keterangan = step.output, step.keterangan
    out: dict[str, Any] = {
        "number": {"value": number.value, "cell": number.cell},
        "kegiatan": {"value": kegiatan.value, "cell": kegiatan.cell},
        "actors": step.actors,
        "symbol": step.symbol,
        "markers": [{"role": m.role, "symbol": m.symbol, "text": m.text, "cell": m.cell,
                     "source": m.source} for m in step.markers],
        "kelengkapan": {"value": kelengkapan.value, "cell": kelengkapan.cell},
        "waktu": waktu,
        "output": {"value": output.value, "cell": output.cell},
        "keterangan": {"value": keterangan.value, "cell": keterangan.cell},
        "branches": [{"label": b.label, "target": b.target, "cell": b.cell, "source": b.source}
                     for b in step.branches],
    }
    if step.next_steps:
        out["next"] = list(step.next_steps)
    return out


def _section(sec: Section, steps: bool = True) -> dict[str, Any]:
    return {
        "title": sec.title.as_dict() if sec.title else None,
        "roles": [{"name": r.name, "cell": r.cell} for r in sec.roles],
        "columns": {k: col_to_letters(v) for k, v in sec.columns.items()},
        "branch_columns": {k: col_to_letters(v) for k, v in sec.branch_columns.items()},
        "waktu_unit": sec.waktu_unit,
        "steps": [_step(s) for s in sec.steps] if steps else [],
    }


def to_dict(doc: SopDocument, totals: Totals | None = None, steps: bool = True) -> dict[str, Any]:
    """The document as JSON-like data; ``steps=False`` leaves every section's steps out
    (the rest of the document, which ``check_doc`` validates on its own)."""
    out: dict[str, Any] = {
        "sheet": doc.sheet,
        "identity": {k: v.as_dict() for k, v in doc.identity.items()},
        "boxes": {k: v.as_dict() for k, v in doc.boxes.items()},
        "sections": [_section(s, steps) for s in doc.sections],
    }
    if totals is not None:
        out["totals"] = {
            "total": span_dict(totals.total),
            "sections": {k: span_dict(v) for k, v in totals.sections.items()},
            "roles": {k: span_dict(v) for k, v in totals.roles.items()},
        }
    return out


def schema_for(cfg: Config) -> dict[str, Any]:
    return _schema_with(cfg.patterns.get("nomor"))


@lru_cache(maxsize=16)
def _schema_with(pattern: str | None) -> dict[str, Any]:
    schema = load_schema("sop.schema.json")
    if not pattern:
        return schema
    schema = copy.deepcopy(schema)
    schema["$defs"]["nomor"] = {
        "allOf": [{"$ref": "#/$defs/text"}],
        "properties": {"value": {"if": {"minLength": 1}, "then": {"pattern": pattern}}},
    }
    return schema


_validators: dict[int, Any] = {}
_fast: dict[int, Any] = {}


def _validator(schema: dict[str, Any]) -> Any:
    import jsonschema

    v = _validators.get(id(schema))
    if v is None:
        v = jsonschema.Draft202012Validator(schema)
        _validators[id(schema)] = v
    return v


def _is_valid(schema: dict[str, Any], data: dict[str, Any]) -> bool | None:
    """The compiled (Rust) validator's verdict, or None when it is not installed.

    Nearly every document is valid, and python-jsonschema takes ~20 ms for one SOP,
    which alone would break the batch merge's budget; so the compiled check decides,
    and python-jsonschema runs only to explain a document already known to be invalid.
    """
    v = _fast.get(id(schema))
    if v is None:
        try:
            import jsonschema_rs
        except ImportError:
            return None
        v = _fast[id(schema)] = jsonschema_rs.validator_for(schema)
    return bool(v.is_valid(data))


def _cell_at(instance: Any, path: list[Any]) -> str | None:
    cell = None
    node = instance
    if isinstance(node, dict) and node.get("cell"):
        cell = node["cell"]
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and node.get("cell"):
            cell = node["cell"]
    return cell


# ------------------------------------------------------------------ steps known valid
#
# Turning every step into dicts for jsonschema was most of the schema check's time (some
# twenty steps an SOP, thousands of SOPs a merge), and nearly every step is valid as the
# parser builds it. So ``check_doc`` first asks ``_steps_valid``, in plain Python, whether a
# step's dict would meet the schema's "step" definition. That test is stricter than the
# schema, never looser: whenever it says yes, the schema says yes too. When every step
# passes, only the rest of the document (its steps left out) goes through jsonschema, as
# steps are items of an array and no schema keyword looks across them. When any step does
# not pass, the whole document is converted and checked exactly as before, so the hits of
# an invalid document are the same hits at the same cells. tests/test_schema_fast.py
# breaks each property of a step in turn and compares both ways.

_CELL = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")  # the schema's $defs/cell, anchored
_TARGET = re.compile(r"[0-9]+")
_SYMBOLS = frozenset(("terminator", "process", "decision", "offpage", "unknown"))
_MARKER_SOURCES = frozenset(("cell", "shape"))
_BRANCH_SOURCES = frozenset(("keterangan", "column", "shape"))
_MAX_MINUTES = 1e15  # far beyond any step's (durations caps one at a working year)
_CELL_TYPES = frozenset((str, type(None)))
_good_cells: set[Any] = {None}  # cells already matched against _CELL: "B12" recurs a lot
_GOOD_CELLS_MAX = 20_000


def _encodable(text: str) -> bool:
    # jsonschema_rs refuses (raises UnicodeEncodeError for) a string with a lone surrogate,
    # which no UTF-8 can hold: such a document must still reach it, to fail as it did.
    # (Encoding is several times faster than searching for one with a regex.)
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _cells_valid(cells: list[Any]) -> bool:
    # Exact types first, of every cell (a set keeps one of equal ones): a str subclass equal
    # to a cell seen before is no str to jsonschema_rs.
    if not _CELL_TYPES.issuperset(map(type, cells)):
        return False
    if _good_cells.issuperset(cells):  # nearly always, in a batch: no set of them made
        return True
    for c in set(cells) - _good_cells:
        if type(c) is not str or not _CELL.fullmatch(c):
            return False
        if len(_good_cells) < _GOOD_CELLS_MAX:
            _good_cells.add(c)
    return True


def _steps_valid(steps: list[Step]) -> bool:
    """True only if every ``_step(step)`` meets the schema's step definition (see above).

    One plain loop: this runs for every step of a merge. The values and cells are gathered
    and checked once for the whole document (a set of types; a set of cells mostly seen)."""
    values: list[Any] = []
    cells: list[Any] = []
    try:
        for s in steps:
            number, kegiatan, kelengkapan = s.number, s.kegiatan, s.kelengkapan
            waktu, output, keterangan = s.waktu, s.output, s.keterangan
            values += (number.value, kegiatan.value, kelengkapan.value, waktu.value, output.value,
                       keterangan.value)
            cells += (number.cell, kegiatan.cell, kelengkapan.cell, waktu.cell, output.cell,
                      keterangan.cell)
            span = s.minutes
            if span is not None:
                # span_dict writes each end as a number (int or rounded float); >= 0 it must be.
                if type(span) is not tuple or len(span) != 2:
                    return False
                lo, hi = span
                if not (type(lo) is float and type(hi) is float
                        and 0.0 <= lo <= _MAX_MINUTES and 0.0 <= hi <= _MAX_MINUTES):
                    return False  # NaN too: it compares false
            for m in s.markers:
                # actors are the markers' roles and symbol the strongest of their symbols:
                # both valid when every marker is.
                if not (m.role and m.symbol in _SYMBOLS and m.source in _MARKER_SOURCES):
                    return False
                values += (m.role, m.text, m.symbol, m.source)
                cells.append(m.cell)
            for b in s.branches:
                target = b.target
                if not (b.source in _BRANCH_SOURCES
                        and (target is None or (type(target) is str and _TARGET.fullmatch(target)))):
                    return False
                values += (b.label, b.source)
                cells.append(b.cell)
            for n in s.next_steps:
                if type(n) is not int or n < 0:
                    return False
        # Exactly str: jsonschema_rs refuses a str subclass (ValueError "Unsupported type").
        if set(map(type, values)) - {str} or not _encodable("".join(values)):
            return False
        return _cells_valid(cells)
    except TypeError:  # an unhashable value where a string belongs: the schema explains it
        return False


def _step_valid(step: Step) -> bool:
    return _steps_valid([step])


def _totals_valid(totals: Totals) -> bool:
    """True only if the "totals" ``to_dict`` writes meets the schema (strictly, as above)."""
    spans = [*totals.sections.values(), *totals.roles.values()]
    if totals.total is not None:
        spans.append(totals.total)
    names = [*totals.sections, *totals.roles]
    if set(map(type, names)) - {str} or not _encodable("".join(names)):
        return False
    for span in spans:
        if type(span) is not tuple or len(span) != 2:
            return False
        lo, hi = span
        if not (type(lo) is float and type(hi) is float
                and 0.0 <= lo <= _MAX_MINUTES and 0.0 <= hi <= _MAX_MINUTES):
            return False
    return True


# What _steps_valid and _totals_valid mirror of the schema, as a digest: should the schema
# change any of it, the fast path turns itself off (tests/test_schema_fast.py then fails)
# until the mirror is brought in line and the digest renewed.
_MIRRORED_DEFS = ("cell", "text", "span", "symbol", "marker", "branch", "step", "section", "totals")
_MIRRORED_DIGEST = "bca3abea"
_mirrored: dict[int, tuple[dict[str, Any], bool]] = {}


def _mirror_digest(schema: dict[str, Any]) -> str:
    defs = schema.get("$defs", {})
    shape = {"required": schema.get("required"), "properties": schema.get("properties"),
             "$defs": {k: defs.get(k) for k in _MIRRORED_DEFS}}
    # crc32, not hashlib: no attack to resist, and importing hashlib costs a worker ~7 ms.
    return f"{zlib.crc32(json.dumps(shape, sort_keys=True).encode()):08x}"


def _mirrors(schema: dict[str, Any]) -> bool:
    seen = _mirrored.get(id(schema))
    if seen is None or seen[0] is not schema:
        seen = _mirrored[id(schema)] = (schema, _mirror_digest(schema) == _MIRRORED_DIGEST)
    return seen[1]


def check_doc(doc: SopDocument, totals: Totals | None, cfg: Config) -> list[Hit]:
    """``check(to_dict(doc, totals), cfg)``, the same hits, without converting the steps
    of a document whose steps are all known valid (see ``_steps_valid``), nor its totals
    when they are (the schema does not require them)."""
    schema = schema_for(cfg)
    if _mirrors(schema) and _steps_valid([s for sec in doc.sections for s in sec.steps]):
        rest = totals if totals is None or not _totals_valid(totals) else None
        if _is_valid(schema, to_dict(doc, rest, steps=False)):
            return []
    return check(to_dict(doc, totals), cfg)


def check(data: dict[str, Any], cfg: Config) -> list[Hit]:
    """Schema errors as hits, one per failing value, at the cell it came from."""
    schema = schema_for(cfg)
    if _is_valid(schema, data):
        return []
    hits = []
    for err in _validator(schema).iter_errors(data):
        path = list(err.absolute_path)
        where = "/".join(str(p) for p in path) or "(dokumen)"
        cell = _cell_at(data, path)
        if path[:2] == ["identity", "nomor"] and err.validator == "pattern":
            hits.append(Hit("nomor-tidak-sesuai-pola", cell,
                            {"value": err.instance, "pattern": err.validator_value}))
            continue
        hits.append(Hit("skema-tidak-sesuai", cell, {"lokasi": where, "aturan": err.validator,
                                                     "nilai": str(err.instance)[:60]}))
    return hits
