"""The facts a coordinator checks on each corpus document, read back through the CLI.

``expected(doc)`` turns a document module's EXPECTED (written from the source) into facts;
``actual(path)`` runs ``sopxl validate --json`` and ``sopxl export`` in-process on the built
workbook and reads the same facts from their JSON. A fact the source does not state (no
identity block, say) is ``None`` in EXPECTED and is not checked.
"""
from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sopxl.cli import run

FACTS = ("sop_count", "steps", "roles", "actors", "decisions", "branches", "waktu", "nomor", "nama")


@dataclass
class Expected:
    """What the source shows. ``actors``: one list of role names per step, in flow order.
    ``decisions``: 1-based step position -> its branch labels. ``waktu``: total minutes
    (min, max), converted with 7.5 working hours a day.

    ``roles``/``actors`` are ``None`` where the source cannot show them (a text layer that
    keeps the words of a matrix but not the column each symbol is drawn in); ``steps`` then
    gives the number of steps, which otherwise is ``len(actors)``."""

    roles: list[str] | None
    actors: list[list[str]] | None
    decisions: dict[int, list[str]] = field(default_factory=dict)
    waktu: tuple[int, int] | None = None
    nomor: str | None = None
    nama: str | None = None
    sop_count: int = 1
    steps: int | None = None


def norm(text: Any) -> str:
    """Case, spacing and line breaks do not make a different name."""
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


def expected(exp: Expected) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "sop_count": exp.sop_count,
        "steps": exp.steps if exp.steps is not None else len(exp.actors or []),
        "roles": [norm(r) for r in exp.roles] if exp.roles is not None else None,
        "actors": [sorted(norm(a) for a in step) for step in exp.actors] if exp.actors is not None else None,
        "decisions": sorted(exp.decisions),
        "branches": {n: sorted(norm(b) for b in labels) for n, labels in sorted(exp.decisions.items())},
        "waktu": list(exp.waktu) if exp.waktu is not None else None,
        "nomor": norm(exp.nomor) if exp.nomor is not None else None,
        "nama": norm(exp.nama) if exp.nama is not None else None,
    }
    return facts


def _cli(argv: list[str]) -> tuple[int, Any, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(argv, out, err)
    text = out.getvalue()
    try:
        data = json.loads(text) if text.strip() else None
    except json.JSONDecodeError:
        data = None
    return code, data, err.getvalue()


def actual(path: str | Path) -> dict[str, Any]:
    """The facts as sopxl reads them; a crash or an unread SOP leaves facts at None/"crash"."""
    path = str(path)
    facts: dict[str, Any] = dict.fromkeys(FACTS)
    try:
        _, validated, err_v = _cli(["validate", "--json", path])
        _, exported, err_e = _cli(["export", path])
    except Exception as exc:  # noqa: BLE001 - a crash is itself the finding to report
        return {k: f"crash: {type(exc).__name__}: {exc}" for k in FACTS}
    sops_v = (validated or {}).get("files", [{}])[0].get("sops", []) if validated else []
    sops_e = (exported or {}).get("sops", []) if exported else []
    facts["sop_count"] = len(sops_v)
    if not sops_v or not sops_e:
        return facts
    first_v, first_e = sops_v[0], sops_e[0]
    steps = [st for sec in first_e.get("sections", []) for st in sec.get("steps", [])]
    facts["steps"] = len(steps)
    facts["roles"] = [norm(r) for r in first_v.get("roles", [])]
    facts["actors"] = [sorted(norm(a) for a in st.get("actors", [])) for st in steps]
    decisions = {}
    for n, st in enumerate(steps, 1):
        symbols = {st.get("symbol")} | {m.get("symbol") for m in st.get("markers", [])}
        if "decision" in symbols:
            decisions[n] = sorted(norm(b.get("label", "")) for b in st.get("branches", []))
    facts["decisions"] = sorted(decisions)
    facts["branches"] = decisions
    total = first_v.get("total_minutes")
    facts["waktu"] = [total.get("min"), total.get("max")] if total else None
    facts["nomor"] = norm(first_v.get("nomor") or "")
    facts["nama"] = norm(first_v.get("nama") or "")
    return facts


def compare(exp: dict[str, Any], act: dict[str, Any]) -> dict[str, bool]:
    """fact -> right or wrong, for the facts the source states."""
    return {k: exp[k] == act.get(k) for k in FACTS if exp.get(k) is not None}
