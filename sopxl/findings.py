"""The catalogue of finding codes, and turning rule hits into findings.

Rules yield ``Hit(code, cell, params)``; which severity a code has, and what it says in
Indonesian or English, lives in ``sopxl/data/codes/*.json`` (one file per area), so a
message is written once and an office can switch a code off or make it an error.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .model import Finding

SEVERITIES = ("error", "warning", "info")
_NEW: Any = object()  # Hit's params not given: a dict of its own


@dataclass(frozen=True)
class Hit:
    """What a rule found: a code, the A1 cell, and values for the message template."""

    code: str
    cell: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def __init__(self, code: str, cell: str | None = None, params: dict[str, Any] | Any = _NEW):
        # What dataclass writes for a frozen class, which sets each field through
        # object.__setattr__ (a call each): here the fields go straight into the instance's
        # dict, at half the cost, for the thousands of hits of a merge.
        fields = self.__dict__
        fields["code"] = code
        fields["cell"] = cell
        fields["params"] = {} if params is _NEW else params


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """Every code: {"severity", "area", "id": {"message", "hint"}, "en": {...}}."""
    out: dict[str, dict[str, Any]] = {}
    folder = resources.files("sopxl") / "data" / "codes"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        for code, spec in json.loads(entry.read_text(encoding="utf-8")).items():
            if code in out:
                raise RuntimeError(f"kode temuan ganda: {code}")
            out[code] = {**spec, "area": entry.name[:-5]}
    return out


# Codes raised outside ``sopxl.rules`` (by the parser, the schema check, the merge, …),
# each declared by the module that raises it: code -> that module. With the rules' own
# codes (``RULE_CODES``, filled by ``sopxl.rules.rule``) this is the registry that the
# catalogue must match (see tests/test_registry.py).
DECLARED: dict[str, str] = {}
RULE_CODES: dict[str, str] = {}


class UnregisteredCode(RuntimeError):
    """A programming error: a code was raised that no module declared."""


def registered(code: str) -> bool:
    return code in DECLARED or code in RULE_CODES


def _claim(table: dict[str, str], owner: str, codes: tuple[str, ...]) -> None:
    for code in codes:
        other = DECLARED.get(code) or RULE_CODES.get(code)
        if other not in (None, owner):
            raise RuntimeError(f"kode temuan {code} dideklarasikan dua kali ({other}, {owner})")
        table[code] = owner


def declare(owner: str, *codes: str) -> tuple[str, ...]:
    """Say that module ``owner`` raises these codes; returns them for the module's use."""
    _claim(DECLARED, owner, codes)
    return codes


def declare_rule(owner: str, codes: tuple[str, ...]) -> None:
    """The codes of a rule in ``sopxl.rules`` (called by its ``@rule`` decorator)."""
    _claim(RULE_CODES, owner, codes)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


# Messages already made, by (code, language, params): a batch says "Langkah 3 …" of the same
# step of the same template again and again. Only params of these plain types are keys: their
# value and type say all a message shows of them (True and 1 read differently, so the type
# counts; floats are left out, as 0.0 and -0.0 are equal keys that read differently).
_PLAIN = frozenset((str, int, bool, type(None)))
_RENDERED: dict[tuple, tuple[str, str]] = {}
_RENDERED_MAX = 20_000


def render(code: str, params: dict[str, Any], lang: str = "id") -> tuple[str, str]:
    """The message and hint of a code in a language, with params filled in."""
    # The key is built in C (items and their types as two tuples): every finding of a
    # merge comes through here.
    types = tuple(map(type, params.values()))
    if not _PLAIN.issuperset(types):
        return _render(code, params, lang)
    memo_key = (code, lang, tuple(params.items()), types)
    done = _RENDERED.get(memo_key)
    if done is None:
        done = _render(code, params, lang)
        if len(_RENDERED) < _RENDERED_MAX:
            _RENDERED[memo_key] = done
    return done


def _render(code: str, params: dict[str, Any], lang: str) -> tuple[str, str]:
    spec = catalogue()[code]
    text = spec.get(lang) or spec["id"]
    # A param given as {"id": …, "en": …} is a phrase of the message: it follows the language.
    values = _Blank({k: ("" if v is None else v.get(lang, v["id"]) if isinstance(v, dict) else v)
                     for k, v in params.items()})
    return text["message"].format_map(values), text.get("hint", "").format_map(values)


def to_finding(hit: Hit, sheet: str | None, severity: str, lang: str = "id") -> Finding:
    # Loud on purpose: a code nobody declared is one the README table and the office's
    # configuration may not know about, so a test that reaches it must fail.
    if not registered(hit.code):
        raise UnregisteredCode(f"kode temuan {hit.code} tidak dideklarasikan (findings.declare / @rule)")
    message, hint = render(hit.code, hit.params, lang)
    return Finding(hit.code, severity, sheet, hit.cell, message, hint)


def resolve(hits: list[Hit], sheet: str | None, severities: dict[str, str], lang: str = "id"
            ) -> list[Finding]:
    """Hits to findings, with each code's severity from the config ("off" drops it)."""
    # ``to_finding`` written out: every finding of a merge comes through here. A batch finds
    # the same thing at the same cell of the same sheet again and again ("Tanggal Revisi
    # belum diisi." at F3 of "SOP 01"): a Finding is frozen, so one made is handed out again
    # (with render's plain params only, as its memo keys).
    out = []
    cat = catalogue()
    for h in hits:
        code = h.code
        sev = severities.get(code, cat[code]["severity"])
        if sev == "off":
            continue
        if code not in DECLARED and code not in RULE_CODES:  # registered(code), as to_finding
            raise UnregisteredCode(f"kode temuan {code} tidak dideklarasikan (findings.declare / @rule)")
        params, cell = h.params, h.cell
        types = tuple(map(type, params.values()))
        if not (_PLAIN.issuperset(types) and type(sheet) in _TEXT and type(cell) in _TEXT
                and type(sev) is str and type(code) is str):
            out.append(Finding(code, sev, sheet, cell, *render(code, params, lang)))
            continue
        memo_key = (code, lang, tuple(params.items()), types, sev, sheet, cell)
        finding = _FOUND.get(memo_key)
        if finding is None:
            finding = Finding(code, sev, sheet, cell, *render(code, params, lang))
            if len(_FOUND) < _FOUND_MAX:
                _FOUND[memo_key] = finding
        out.append(finding)
    return out


_TEXT = frozenset((str, type(None)))  # a sheet's and a cell's types: no two equal across them
_FOUND: dict[tuple, Finding] = {}
_FOUND_MAX = 5_000  # a few hundred bytes each: a worker stays small
