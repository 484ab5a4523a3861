"""The document as JSON, checked against ``schemas/sop.schema.json``.

``to_dict`` is what ``sopxl export`` prints. ``check`` runs jsonschema on it and turns each
error into a Hit at the cell the failing value came from (the nearest object on the
error's path that carries a ``cell``). An office's patterns (``patterns.nomor``) are
added to a copy of the schema, so tightening needs no code.
"""
from __future__ import annotations

import copy
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


def _section(sec: Section) -> dict[str, Any]:
    return {
        "title": sec.title.as_dict() if sec.title else None,
        "roles": [{"name": r.name, "cell": r.cell} for r in sec.roles],
        "columns": {k: col_to_letters(v) for k, v in sec.columns.items()},
        "branch_columns": {k: col_to_letters(v) for k, v in sec.branch_columns.items()},
        "waktu_unit": sec.waktu_unit,
        "steps": [_step(s) for s in sec.steps],
    }


def to_dict(doc: SopDocument, totals: Totals | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "sheet": doc.sheet,
        "identity": {k: v.as_dict() for k, v in doc.identity.items()},
        "boxes": {k: v.as_dict() for k, v in doc.boxes.items()},
        "sections": [_section(s) for s in doc.sections],
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
