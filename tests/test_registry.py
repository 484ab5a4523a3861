"""Every finding code goes through the registry, and every code a user can meet is documented.

The catalogue (``sopxl/data/codes/*.json``) says what a code means; the registry (the rules'
``@rule`` codes and ``findings.DECLARED``) says which module raises it; the README's tables
say it to the user. The three must name the same codes.
"""
from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from sopxl import findings
from sopxl.digest import kinds
from sopxl.findings import Hit, catalogue, resolve

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

# Every module that raises finding codes outside sopxl/rules/ calls ``declare(``: found from the
# source, so a new emitting module needs no list here, and one that stops declaring shows up
# as a catalogue code raised by no module. (A hand-kept list missed parse/shape_extras.py and
# made this test pass or fail with the order the other test files imported modules in.)
EMITTERS = tuple(sorted(
    ".".join(p for p in path.relative_to(ROOT).with_suffix("").parts if p != "__init__")
    for path in (ROOT / "sopxl").rglob("*.py")
    if path.name != "findings.py" and "declare(" in path.read_text(encoding="utf-8")))

SEVERITY_WORD = {"galat": "error", "peringatan": "warning", "info": "info"}


def _registry() -> dict[str, str]:
    from sopxl.rules import REGISTRY, _load

    for name in EMITTERS:
        importlib.import_module(name)
    _load()
    out = dict(findings.DECLARED)
    for r in REGISTRY:
        for code in r.codes:
            out[code] = r.func.__module__
    return out


def test_the_catalogue_and_the_registry_name_the_same_codes():
    registry = _registry()
    assert sorted(set(catalogue()) - set(registry)) == [], "in the catalogue, raised by no module"
    assert sorted(set(registry) - set(catalogue())) == [], "raised, but not in the catalogue"


def test_a_hit_with_an_undeclared_code_fails_loudly(monkeypatch):
    # A code in the catalogue that no module declares (as if its module forgot to).
    monkeypatch.delitem(findings.DECLARED, "tidak-ada-sop")
    with pytest.raises(findings.UnregisteredCode, match="tidak-ada-sop"):
        resolve([Hit("tidak-ada-sop")], None, {})


def test_a_code_declared_by_two_modules_is_refused():
    findings.declare("sopxl.validate", "tidak-ada-sop")  # the same owner again is fine
    with pytest.raises(RuntimeError, match="dua kali"):
        findings.declare("sopxl.somewhere_else", "tidak-ada-sop")


def _code_table_rows() -> list[list[str]]:
    section = README.split("### Daftar kode temuan", 1)[1].split("\n## ", 1)[0]
    return [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in section.splitlines() if re.match(r"^\| `[a-z][a-z0-9-]+` \|", line)]


def test_the_readme_code_table_lists_each_catalogue_code_once_with_its_severity():
    rows = _code_table_rows()
    codes = [row[0].strip("`") for row in rows]
    assert sorted(c for c in set(codes) if codes.count(c) > 1) == []
    assert set(codes) == set(catalogue())
    section = README.split("### Daftar kode temuan", 1)[1]
    header = next(line for line in section.splitlines() if line.startswith("| Kode"))
    cells = [c.strip() for c in header.strip().strip("|").split("|")]
    level = next(i for i, c in enumerate(cells) if c.startswith("Tingkat"))
    kind = cells.index("Jenis")
    for row in rows:
        spec = catalogue()[row[0].strip("`")]
        words = row[level].replace("`", "").split("→")
        assert SEVERITY_WORD[words[0].strip()] == spec["severity"], row
        final = SEVERITY_WORD[words[1].strip()] if len(words) > 1 else spec["severity"]
        assert final == spec.get("final", spec["severity"]), row
        assert row[kind] == kinds()[spec["kind"]]["id"].split(" (")[0], row


def _exception_codes() -> dict[str, str]:
    """Every code an exception can carry: ``code="…"`` (or ``error_code=``) in a call, and a
    ``code = "…"`` class attribute, across sopxl/."""
    out: dict[str, str] = {}
    for path in sorted((ROOT / "sopxl").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg in ("code", "error_code") and isinstance(kw.value, ast.Constant) \
                            and isinstance(kw.value.value, str) and kw.value.value.isupper():
                        out.setdefault(kw.value.value, where)
            elif isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign) and [getattr(t, "id", None) for t in stmt.targets] \
                            == ["code"] and isinstance(stmt.value, ast.Constant):
                        out.setdefault(stmt.value.value, where)
    return out


def test_every_exception_code_is_in_the_readme_table_of_file_error_codes():
    codes = _exception_codes()
    assert len(codes) >= 30  # the scan itself works (35 when this test was written)
    section = README.split("### Kode galat berkas", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([A-Z][A-Z0-9-]+)` \|", section, flags=re.M)
    assert sorted(c for c in set(documented) if documented.count(c) > 1) == []
    assert sorted(set(codes) - set(documented)) == [], "undocumented exception codes"
    assert sorted(set(documented) - set(codes)) == [], "documented, but raised nowhere"
