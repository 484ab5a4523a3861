"""``summary.checked`` accepts exactly the texts its plain version (kept here as the
reference) accepted: every place of a summary, replaced in turn by values of every JSON type."""
from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from sopxl.merge.summary import FORMAT, FileSummary, SopSummary, checked, to_json
from sopxl.model import Finding


def _reference(text: str) -> dict[str, Any]:
    """``checked`` as it was before its types were gathered in C."""
    def is_text(v):
        return v is None or isinstance(v, str)

    def check_findings(rows):
        if not isinstance(rows, list):
            raise ValueError
        for row in rows:
            if not (isinstance(row, list) and len(row) == 6):
                raise ValueError
            code, sev, sheet, cell, message, hint = row
            if not (isinstance(code, str) and isinstance(sev, str) and is_text(sheet)
                    and is_text(cell) and isinstance(message, str) and is_text(hint)):
                raise ValueError

    def check_span(v):
        if v is not None and not (isinstance(v, list) and len(v) == 2 and all(
                isinstance(x, (int, float)) and not isinstance(x, bool) for x in v)):
            raise ValueError

    d = json.loads(text)
    if not isinstance(d, dict) or d.get("f") != FORMAT or not isinstance(d.get("path"), str) \
            or not is_text(d.get("error_code")) or not is_text(d.get("error")) \
            or not isinstance(d.get("sops"), list):
        raise ValueError
    check_findings(d.get("findings"))
    for o in d["sops"]:
        if not isinstance(o, dict):
            raise ValueError
        ident, cells = o.get("identity"), o.get("cells")
        if not (isinstance(o.get("sheet"), str) and isinstance(o.get("order"), int)
                and isinstance(ident, dict) and all(isinstance(v, str) for v in ident.values())
                and isinstance(cells, dict) and all(map(is_text, cells.values()))
                and isinstance(o.get("keterkaitan"), str) and isinstance(o.get("steps"), int)
                and isinstance(o.get("roles"), list) and all(isinstance(r, str) for r in o["roles"])
                and isinstance(o.get("total_text"), str) and isinstance(o.get("role_load"), list)):
            raise ValueError
        check_span(o.get("total"))
        for load in o["role_load"]:
            if not (isinstance(load, list) and len(load) == 3 and isinstance(load[0], str)
                    and isinstance(load[1], int)):
                raise ValueError
            check_span(load[2])
        check_findings(o.get("findings"))
    return d


def _summary() -> dict[str, Any]:
    f = Finding("kode", "warning", "SOP 1", "B7", "Pesan.", "Saran.")
    g = Finding("kode-lain", "info", None, None, "Pesan lain.", "")
    sop = SopSummary("SOP 1", 0, {"nomor": "1", "nama": "Nama"}, {"nomor": "F1", "nama": None},
                     "", 3, ["Kepala", "Staf"], (30.0, 45.0), "30 menit",
                     [("Kepala", 2, (10.0, 15.0)), ("Staf", 1, None)], [f, g])
    return json.loads(to_json(FileSummary("a.xlsx", None, None, [g, f], [sop, copy.deepcopy(sop)])))


KINDS = [None, True, False, 0, 1, -3, 1.5, float("inf"), "", "x", [], ["x"], [1, 2], [1.0, "a"],
         [None, None], {}, {"a": "b"}, {"a": 1}, ["a", 1, None], ["a", "b", "c", "d", "e", "f"],
         ["a", "b", None, None, "e", None], [["a", "b", None, None, "e", "f"]], [["x", 1, [1, 2]]]]


def _places(node: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _places(v, (*path, k))
        out.append((*path, "extra"))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _places(v, (*path, i))
    return out


def _replaced(data: Any, path: tuple, value: Any) -> Any:
    data = copy.deepcopy(data)
    if not path:
        return value
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


def _verdict(check, text: str) -> bool:
    try:
        check(text)
    except ValueError:
        return False
    return True


def test_the_summary_itself_is_accepted():
    text = json.dumps(_summary())
    assert checked(text) == _reference(text)


@pytest.mark.parametrize("path", _places(_summary()), ids=lambda p: "/".join(map(str, p)) or "root")
def test_a_place_replaced_is_judged_as_before(path):
    base = _summary()
    for value in KINDS:
        text = json.dumps(_replaced(base, path, value))
        assert _verdict(checked, text) == _verdict(_reference, text), (path, value)
    for key in (path[-1:] if path and isinstance(path[-1], str) else ()):
        parent = _replaced(base, (), base)
        node = parent
        for part in path[:-1]:
            node = node[part]
        if key in node:
            del node[key]
            text = json.dumps(parent)
            assert _verdict(checked, text) == _verdict(_reference, text), (path, "deleted")
