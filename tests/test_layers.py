"""The shape of the code: imports point down the layers, modules stay small, the core stays pure.

The layer order is data (``LAYERS``, lowest first; docs/architecture.md explains it). A module
may import from a lower layer, or from its own room (its package, or itself); every import
counts, also the ones inside functions that keep start-up fast. A new top-level module or
package must be given a place here before its imports can pass.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sopxl"

# Lowest first. Rooms in one tuple are side by side: neither may import the other.
LAYERS: list[tuple[str, ...]] = [
    # "sopxl": __version__
    ("sopxl", "a1", "errors", "resources", "text", "dates", "bagian", "forked", "zlibs"),
    ("model",),  # the SOP document and its results; step numbers
    ("grid", "durations", "findings"),  # cells as values; minutes; the catalogue of codes
    ("config", "digest"),  # which codes are on, how strict; findings in the order to act on
    ("sheetspec",),  # a sheet to write as data: report builds it, write renders it
    ("fit",),  # how wide a label is and how many lines a cell wraps to, at its font
    ("read",),  # the only file readers (safezip, xlsx, geometry, printsetup, placement, drawing)
    ("parse",),  # grid -> SopDocument
    ("rules", "schema"),  # domain rules yielding findings; the JSON Schema of a document
    ("validate",),  # read -> parse -> rules + schema, for one file
    ("report", "render"),  # Status and Checklist as data; results as text and JSON
    ("write",),  # the xlsx package writer: parts, sheet XML, styles, DrawingML
    ("annotate",),  # a report applied to a workbook: read -> report -> write
    ("draw",),  # flowcharts as Excel shapes; its reading of the arrows serves the PDF too
    ("merge", "pdf", "keputusan", "templates"),  # capabilities with their own rooms
    ("excel", "libreoffice"),  # the buttons: xlwings add-in, LibreOffice macro and bridge
    ("cli",),  # one module per command
    ("__main__", "excel_bagan"),  # entry points
]
# Rooms that read and decide but never open a file: no file library, even inside a function.
PURE = ("model", "parse", "rules", "durations", "report", "findings", "digest", "validate", "schema")
FILE_LIBRARIES = ("openpyxl", "lxml", "xlwings", "pandas")
MAX_LINES = 500

LEVEL = {room: i for i, rooms in enumerate(LAYERS) for room in rooms}


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file under the package."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = (package.name, *path.relative_to(package).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports(module: str, path: Path, known: dict[str, Path] | None = None) -> list[tuple[int, str]]:
    """(line, dotted name) of everything the module imports, at any depth of the file.

    ``known`` are the package's modules, to tell ``from .. import a1`` (a module) from
    ``from .. import __version__`` (a name in the package).
    """
    is_package = path.name == "__init__.py"
    here = module.split(".") if is_package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.append((node.lineno, node.module or ""))
                continue
            base = here[:len(here) - (node.level - 1)]
            if node.module:
                found.append((node.lineno, ".".join([*base, node.module])))
            else:  # "from .. import a1": each name may be a module of its own
                for alias in node.names:
                    name = ".".join([*base, alias.name])
                    found.append((node.lineno, name if name in (known or {}) else ".".join(base)))
    return found


def room(dotted: str, top: str = "sopxl") -> str:
    """The top-level module or package a name belongs to ("sopxl.read.xlsx" -> "read")."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else top


def upward_imports(package: Path = PACKAGE, level: dict[str, int] = LEVEL) -> list[str]:
    """Every import that points up or sideways, or comes from or goes to an undeclared room."""
    top = package.name
    problems = []
    known = modules(package)
    for module, path in known.items():
        src = room(module, top)
        for line, target in imports(module, path, known):
            if target != top and not target.startswith(top + "."):
                continue
            dst = room(target, top)
            where = f"{path.relative_to(package.parent)}:{line}"
            if src not in level or dst not in level:
                problems.append(f"{where}: {src!r} or {dst!r} has no layer in LAYERS")
            elif src != dst and level[dst] >= level[src]:
                problems.append(f"{where}: {src} imports {target} ({dst} is not below {src})")
    return problems


def test_imports_point_down_the_layers():
    assert upward_imports() == []


def test_an_upward_import_inside_a_function_is_caught(tmp_path):
    pkg = tmp_path / "toy"
    (pkg / "low").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "low" / "__init__.py").write_text("from .. import high\n")  # up, at module level
    (pkg / "low" / "inner.py").write_text("def f():\n    from ..high import g\n    from . import x\n")
    (pkg / "high.py").write_text("from .low import inner\n")  # down: fine
    found = upward_imports(pkg, {"toy": 0, "low": 1, "high": 2})
    assert found == [
        "toy/low/__init__.py:1: low imports toy.high (high is not below low)",
        "toy/low/inner.py:2: low imports toy.high (high is not below low)",
    ]


def test_every_layer_is_named_once():
    named = [r for rooms in LAYERS for r in rooms]
    assert len(named) == len(set(named))
    assert set(PURE) <= set(named)


@pytest.mark.parametrize("module", sorted(modules()))
def test_no_module_is_over_the_limit(module):
    path = modules()[module]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines; split it into rooms"


def test_the_pure_core_names_no_file_library():
    found = [f"{path.relative_to(ROOT)}:{line}: {target}"
             for module, path in modules().items() if room(module) in PURE
             for line, target in imports(module, path)
             if target.split(".")[0] in FILE_LIBRARIES]
    assert found == []


def test_the_pure_core_loads_no_file_library():
    """Importing every core module pulls none of them in, not even through a lower layer."""
    core = [m for m in modules() if room(m) in PURE]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in core)
            + f"print(sorted(set(m.split('.')[0] for m in sys.modules) & {set(FILE_LIBRARIES)!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
