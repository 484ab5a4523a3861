"""The schema check's fast path (steps known valid are not converted) finds what the full
check finds: for valid documents nothing, for a broken step the same hits at the same cells."""
from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from sopxl.config import load_config
from sopxl.model import Branch, Marker, Totals
from sopxl.schema import _mirrors, _step, _step_valid, check, check_doc, schema_for, to_dict
from sopxl.validate import compute_totals, validate_file

ROOT = Path(__file__).resolve().parent.parent
CFG = load_config()


@pytest.fixture(scope="module")
def doc():
    result = validate_file(str(ROOT / "workbook_templates" / "contoh.xlsx"), CFG)
    return result.sops[0].doc


def _set(path: str, value):
    def change(step):
        *owners, name = path.split(".")
        obj = step
        for part in owners:
            obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
        setattr(obj, name, value)
    return change


def _add_branch(**kw):
    def change(step):
        step.branches.append(Branch(**{"label": "Ya", "target": "2", "cell": "K5", **kw}))
    return change


def _add_marker(**kw):
    def change(step):
        step.markers.append(Marker(**{"role": "Kepala", "symbol": "process", "text": "x",
                                      "cell": "D5", **kw}))
    return change


class _Str(str):
    """A str to Python, but no type jsonschema_rs takes."""


CHANGES = {
    "valid as parsed": lambda step: None,
    "number value an int": _set("number.value", 5),
    "kegiatan value None": _set("kegiatan.value", None),
    "keterangan value a list": _set("keterangan.value", ["x"]),
    "cell lower case": _set("number.cell", "a1"),
    "cell row 0": _set("kegiatan.cell", "B0"),
    "cell with a newline": _set("output.cell", "B7\n"),
    "cell of four letters": _set("kelengkapan.cell", "AAAA1"),
    "cell an int": _set("waktu.cell", 7),
    "cell a list": _set("keterangan.cell", ["B7"]),
    "cell None": _set("number.cell", None),
    "value a str subclass": _set("output.value", _Str("Surat")),
    "cell a str subclass": _set("output.cell", _Str("B7")),
    "cell a str subclass, as one seen": lambda step: setattr(step.output, "cell",
                                                             _Str(step.kegiatan.cell)),
    "marker symbol a str subclass": _add_marker(symbol=_Str("process")),
    "marker source a str subclass": _add_marker(source=_Str("cell")),
    "marker role a str subclass": _add_marker(role=_Str("Kepala")),
    "branch source a str subclass": _add_branch(source=_Str("shape")),
    "branch target a str subclass": _add_branch(target=_Str("2")),
    "value with a lone surrogate": _set("kegiatan.value", "Mulai \ud800"),
    "value with an emoji": _set("kegiatan.value", "Mulai \U0001F4C4 \u2026"),
    "marker role with a lone surrogate": _add_marker(role="Kepala \udcff"),
    "marker text with a lone surrogate": _add_marker(text="\ud83d"),
    "branch label with a lone surrogate": _add_branch(label="Ya\ud800"),
    "cell far down": _set("number.cell", "XFD1048576"),
    "minutes negative": _set("minutes", (-1.0, 2.0)),
    "minutes NaN": _set("minutes", (float("nan"), 1.0)),
    "minutes infinite": _set("minutes", (float("inf"), float("inf"))),
    "minutes ints": _set("minutes", (1, 2)),
    "minutes None": _set("minutes", None),
    "minutes tiny negative": _set("minutes", (-0.001, 1.0)),
    "waktu shared": _set("waktu_shared", True),
    "next negative": _set("next_steps", [-1]),
    "next a bool": _set("next_steps", [True]),
    "next a float": _set("next_steps", [1.5]),
    "next fine": _set("next_steps", [0, 2]),
    "marker role empty": _add_marker(role=""),
    "marker role None": _add_marker(role=None),
    "marker symbol unknown word": _add_marker(symbol="circle"),
    "marker source": _add_marker(source="drawn"),
    "marker text None": _add_marker(text=None),
    "marker cell": _add_marker(cell="D"),
    "marker fine": _add_marker(),
    "branch fine": _add_branch(),
    "branch to the next": _add_branch(target=None),
    "branch target not a number": _add_branch(target="3a"),
    "branch target another digit": _add_branch(target="\u0663"),
    "branch target an int": _add_branch(target=3),
    "branch target empty": _add_branch(target=""),
    "branch source": _add_branch(source="arrow"),
    "branch label None": _add_branch(label=None),
    "branch cell": _add_branch(cell="K-5"),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_fast_path_finds_what_the_full_check_finds(doc, name):
    doc = copy.deepcopy(doc)
    step = doc.sections[0].steps[1]
    CHANGES[name](step)
    totals = compute_totals(doc)
    try:
        expected = check(to_dict(doc, totals), CFG)
    except ValueError as exc:  # jsonschema_rs refuses a lone surrogate, a str subclass: so
        with pytest.raises(type(exc)):  # must check_doc
            check_doc(doc, totals, CFG)
        return
    assert check_doc(doc, totals, CFG) == expected


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_step_known_valid_is_valid(doc, name):
    # The fast path's one promise: a step it lets through is one the schema accepts.
    import jsonschema

    step = copy.deepcopy(doc.sections[0].steps[1])
    CHANGES[name](step)
    if _step_valid(step):
        schema = schema_for(CFG)
        validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/step"})
        assert not list(validator.iter_errors(_step(step)))


TOTALS = {
    "as summed": lambda t: t,
    "total None": lambda t: Totals(None, t.sections, t.roles),
    "total negative": lambda t: Totals((-1.0, 2.0), t.sections, t.roles),
    "total NaN": lambda t: Totals((float("nan"), 2.0), t.sections, t.roles),
    "total ints": lambda t: Totals((1, 2), t.sections, t.roles),
    "a role's span infinite": lambda t: Totals(t.total, t.sections, {"X": (float("inf"),) * 2}),
    "a section's span of three": lambda t: Totals(t.total, {"A": (1.0, 2.0, 3.0)}, t.roles),
    "a role not a string": lambda t: Totals(t.total, t.sections, {7: (1.0, 2.0)}),
    "a role with a lone surrogate": lambda t: Totals(t.total, t.sections, {"X\ud800": (1.0, 2.0)}),
}


@pytest.mark.parametrize("name", list(TOTALS))
def test_totals_left_out_only_when_valid(doc, name):
    totals = TOTALS[name](compute_totals(doc))
    try:
        expected = check(to_dict(doc, totals), CFG)
    except (TypeError, ValueError) as exc:  # the full check cannot convert them (or refuses)
        with pytest.raises(type(exc)):
            check_doc(doc, totals, CFG)
        return
    assert check_doc(doc, totals, CFG) == expected


def test_the_fast_path_mirrors_the_schema_as_it_is():
    # Failing here means sop.schema.json changed what _steps_valid / _totals_valid mirror:
    # bring them in line with it, then renew _MIRRORED_DIGEST (until then the full check runs).
    assert _mirrors(schema_for(CFG))
    assert _mirrors(schema_for(dataclasses.replace(CFG, patterns={"nomor": "^[0-9]+$"})))


def test_a_changed_schema_turns_the_fast_path_off(doc, monkeypatch):
    import sopxl.schema as schema

    changed = copy.deepcopy(schema_for(CFG))
    changed["$defs"]["text"]["properties"]["value"]["maxLength"] = 3
    assert not _mirrors(changed)
    monkeypatch.setattr(schema, "schema_for", lambda cfg: changed)
    totals = compute_totals(doc)
    assert check_doc(doc, totals, CFG) == check(to_dict(doc, totals), CFG) != []
