"""Find the files sopxl ships: schemas and vocabularies.

The schemas live once, in the repository's ``schemas/`` folder; a built wheel carries them
inside the package as ``sopxl/schemas`` (see pyproject.toml). An editable install runs
from the source tree, so both places are tried.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

_PKG = Path(__file__).resolve().parent


def schema_path(name: str) -> Path:
    for folder in (_PKG / "schemas", _PKG.parent / "schemas"):
        p = folder / name
        if p.is_file():
            return p
    raise FileNotFoundError(f"skema {name} tidak ditemukan; pasang ulang sopxl")


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


@cache
def load_data(name: str) -> Any:
    return json.loads((resources.files("sopxl") / "data" / name).read_text(encoding="utf-8"))
