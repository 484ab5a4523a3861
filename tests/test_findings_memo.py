"""``resolve`` hands out a Finding made before for the same hit, sheet, severity and
language: the same finding it would make afresh, never one of another hit's."""
from __future__ import annotations

import pytest

import sopxl.findings as findings
from sopxl.findings import Hit, _render, resolve
from sopxl.model import Finding
from sopxl.rules import identity, steps  # noqa: F401  (declares the codes used here)

HITS = [
    Hit("langkah-tanpa-pelaksana", "B7", {"nomor": "3"}),
    Hit("langkah-tanpa-pelaksana", "B7", {"nomor": 3}),
    Hit("langkah-tanpa-pelaksana", "B7", {"nomor": True}),
    Hit("langkah-tanpa-pelaksana", "B7", {"nomor": 1}),
    Hit("langkah-tanpa-pelaksana", "B7", {"nomor": 1.0}),
    Hit("langkah-tanpa-pelaksana", None, {"nomor": "3"}),
    Hit("langkah-tanpa-pelaksana", "B8", {"nomor": "3"}),
    Hit("revisi-kosong", "F3"),
    Hit("identitas-kosong", "F2", {"label": "Tanggal Pembuatan"}),
    Hit("identitas-kosong", "F2", {"label": {"id": "Tanggal", "en": "Date"}}),
]


def _fresh(h: Hit, sheet, sev: str, lang: str) -> Finding:
    return Finding(h.code, sev, sheet, h.cell, *_render(h.code, h.params, lang))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("sheet", ["SOP 1", "SOP 2", None])
def test_a_finding_handed_out_again_is_the_one_made_afresh(lang, sheet):
    for severities in ({}, {"revisi-kosong": "error", "langkah-tanpa-pelaksana": "info"}):
        for _ in range(2):  # the second time from the memo
            got = resolve(HITS, sheet, severities, lang)
            cat = findings.catalogue()
            want = [_fresh(h, sheet, severities.get(h.code, cat[h.code]["severity"]), lang)
                    for h in HITS]
            assert got == want
            assert [repr(f) for f in got] == [repr(f) for f in want]  # True stays True, 1 stays 1


def test_off_drops_the_finding_even_when_it_was_made_before():
    resolve(HITS[:1], "SOP 1", {})
    assert resolve(HITS[:1], "SOP 1", {"langkah-tanpa-pelaksana": "off"}) == []


def test_a_hit_made_with_or_without_params_is_the_dataclass_it_always_was() -> None:
    """``Hit`` sets its fields itself (faster than dataclass's frozen __init__): the same
    fields, defaults, equality, frozenness and replace()."""
    import dataclasses

    assert Hit("revisi-kosong") == Hit("revisi-kosong", None, {})
    assert Hit("a", params=None).params is None  # None given is None kept, as dataclass did
    first, second = Hit("a"), Hit("a")
    assert first.params == {} and first.params is not second.params
    assert dataclasses.replace(HITS[0], cell="C9") == Hit("langkah-tanpa-pelaksana", "C9", {"nomor": "3"})
    assert [f.name for f in dataclasses.fields(Hit)] == ["code", "cell", "params"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.code = "b"  # type: ignore[misc]


def test_severities_are_made_once_per_set_of_rules() -> None:
    """``validate.severities_of`` remembers ``cfg.severities()`` by the rules that make it:
    a change to them, even in place, gives the table those rules make."""
    from sopxl.config import load_config
    from sopxl.validate import severities_of

    cfg = load_config()
    assert severities_of(cfg) == cfg.severities()
    assert severities_of(cfg) is severities_of(cfg)
    cfg.rules["revisi-kosong"] = "off"
    assert severities_of(cfg)["revisi-kosong"] == "off" and severities_of(cfg) == cfg.severities()
    cfg.final = True
    cfg.final_rules["identitas-kosong"] = "info"
    assert severities_of(cfg) == cfg.severities()
    assert severities_of(cfg)["identitas-kosong"] == "info"
