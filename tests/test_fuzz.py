"""Fuzzing: real workbooks, damaged at random, through the real command line in memory.

Seeds are the shipped templates, a workbook built from the two seed SOPs (once as openpyxl
writes it, once with a shared string table as Excel saves), the seeds as the two offices lay
them out (Kalsel and Mojokerto drafts), and the office workbook with pictures, drawn
flowcharts, comments and a macro. Each case applies one to three mutations:

* cell values: huge numbers, NaN and infinity, negative and absurd durations, unicode,
  formulas, escapes of control characters, empty, very long; cell types and styles changed;
* XML bytes: truncation, bit flips, elements deleted or duplicated, attributes garbled;
* zip entries: parts missing, names duplicated, sizes, compression method and flags wrong.

and runs ``sopxl validate --json`` on the result (some cases ``export``, the text report in
either language, ``validate --write --output COPY``, ``draw --output COPY`` or ``pdf``). Whatever
the file, a user must get a named ``SopxlError`` or a report, never a traceback nor the
"unexpected error" line; exit codes are 0, 1 or 2; JSON parses without NaN or Infinity;
the input is byte for byte what it was; a copy sopxl wrote opens again in sopxl.

``SOPXL_FUZZ_CASES`` and ``SOPXL_FUZZ_SEED`` run more or other cases locally; a failing
case is saved under the test's tmp folder with the mutations that made it.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import struct
import sys
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sopxl.cli import run

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from excel_like import shared_string_parts  # noqa: E402
from fixtures_office import office_workbook, read_parts  # noqa: E402
from office_drafts import build_workbook as office_drafts  # noqa: E402
from report_builders import build_workbook  # noqa: E402

SEED = int(os.environ.get("SOPXL_FUZZ_SEED", "1204"))
CASES = int(os.environ.get("SOPXL_FUZZ_CASES", "2500"))  # ~35 s of CPU

Parts = list[tuple[str, bytes]]  # zip entries in order; a name may repeat


# -- seeds --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Parts]]:
    folder = tmp_path_factory.mktemp("seeds")
    out: list[tuple[str, Parts]] = []
    for path in sorted((ROOT / "workbook_templates").glob("*.xlsx")):
        out.append((path.name, list(read_parts(path).items())))
    built = folder / "seed_sops.xlsx"
    build_workbook(built, settings={"Jam per hari kerja": 8})
    out.append(("seed_sops.xlsx", list(read_parts(built).items())))
    out.append(("seed_sops_sst.xlsx", list(shared_string_parts(built).items())))
    drafts = folder / "drafts.xlsx"  # the two seeds as the two offices lay them out
    office_drafts(drafts)
    out.append(("drafts.xlsx", list(read_parts(drafts).items())))
    office = office_workbook(folder / "office.xlsm", macro=True)
    out.append(("office.xlsm", list(read_parts(office).items())))
    return out


# -- mutations ----------------------------------------------------------------------------------

HOSTILE_VALUES = [
    "9" * 400, "1" + "0" * 400 + " menit", "9" * 5000, "1e400", "-1e400", "1e308", "NaN", "nan",
    "inf", "-Infinity", "-5", "-5 jam", "0", "0.0000001", "99999 tahun", "1000 hari", "1,5 jam",
    "3 - 5 jam", "4294967296", "1_000", "2958466", "-1", "", " ", "Ṡ̷̛ö́P 📄 \u202eabc", "日本語",
    "=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3",
    "_x0000__x0001__x001F_", "_xD800_", "_xFFFF_", "A" * 40_000, "Ya: 99999999; Tidak: -1",
    "Ya: 1e400", "Mulai", "Keputusan", "Selesai", "√", "2024-02-30", "1900-02-29T25:61:00",
    "true", "#DIV/0!", "&amp;", "]]>",
]
CELL_TYPES = ["n", "s", "b", "e", "str", "d", "inlineStr", "zz", ""]
ATTR_VALUES = ["", "0", "-1", "A0", "ZZZZ9", "A99999999", "XFE1", "a1", "1", "99999999999999999999",
               "NaN", "B2:A1", "$A$1:$B$2", "A1:XFD1048576", "\u00e9", "2.5"]


def _xml_names(parts: Parts) -> list[int]:
    return [i for i, (name, data) in enumerate(parts)
            if name.endswith((".xml", ".rels", ".vml")) and data]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mutate_cell_value(rng: random.Random, parts: Parts) -> str:
    cands = [i for i, (n, _) in enumerate(parts) if n.startswith("xl/worksheets/sheet")
             or n == "xl/sharedStrings.xml"]
    if not cands:
        return "no cell part"
    i = rng.choice(cands)
    name, data = parts[i]
    spans = [m.span(2) for m in re.finditer(rb"<(v|t)(?: [^>]*)?>([^<]*)</\1>", data)]
    if not spans:
        return f"{name}: no value"
    value = rng.choice(HOSTILE_VALUES)
    count = rng.choice((1, 1, 3, 20))
    picked = sorted(rng.sample(spans, min(count, len(spans))), reverse=True)
    for a, b in picked:
        data = data[:a] + _escape(value).encode("utf-8") + data[b:]
    parts[i] = (name, data)
    return f"{name}: {len(picked)} value(s) -> {value[:30]!r}"


def mutate_cell_type(rng: random.Random, parts: Parts) -> str:
    cands = [i for i, (n, _) in enumerate(parts) if n.startswith("xl/worksheets/sheet")]
    if not cands:
        return "no sheet"
    i = rng.choice(cands)
    name, data = parts[i]
    attr = rng.choice((b"t", b"s", b"r"))
    spans = [m.span(1) for m in re.finditer(rb"<c [^>]*?\b" + attr + rb'="([^"]*)"', data)]
    if not spans:
        return f"{name}: no c@{attr.decode()}"
    new = rng.choice(CELL_TYPES if attr == b"t" else ATTR_VALUES)
    for a, b in sorted(rng.sample(spans, min(rng.choice((1, 5)), len(spans))), reverse=True):
        data = data[:a] + new.encode() + data[b:]
    parts[i] = (name, data)
    return f"{name}: c@{attr.decode()} -> {new!r}"


def mutate_attribute(rng: random.Random, parts: Parts) -> str:
    i = rng.choice(_xml_names(parts))
    name, data = parts[i]
    spans = [m.span(1) for m in re.finditer(rb'\b[\w:]+="([^"]*)"', data)]
    if not spans:
        return f"{name}: no attribute"
    a, b = rng.choice(spans)
    new = rng.choice(ATTR_VALUES + ["../../etc/passwd", "/xl/worksheets/sheet1.xml", "rId1"])
    parts[i] = (name, data[:a] + _escape(new).encode() + data[b:])
    return f"{name}: attribute at {a} -> {new!r}"


def truncate(rng: random.Random, parts: Parts) -> str:
    i = rng.choice(_xml_names(parts))
    name, data = parts[i]
    cut = rng.randrange(len(data))
    parts[i] = (name, data[:cut])
    return f"{name}: truncated at {cut}"


def flip_bits(rng: random.Random, parts: Parts) -> str:
    i = rng.choice(_xml_names(parts))
    name, data = parts[i]
    buf = bytearray(data)
    for _ in range(rng.choice((1, 2, 8))):
        pos = rng.randrange(len(buf))
        buf[pos] ^= 1 << rng.randrange(8)
    parts[i] = (name, bytes(buf))
    return f"{name}: bits flipped"


_ELEMENT = re.compile(rb"<([\w:]+)\b[^>]*?/>|<([\w:]+)\b[^>]*>.*?</\2>", re.S)


def delete_or_duplicate_element(rng: random.Random, parts: Parts) -> str:
    i = rng.choice(_xml_names(parts))
    name, data = parts[i]
    spans = [m.span() for m in _ELEMENT.finditer(data, 40)]
    if not spans:
        return f"{name}: no element"
    a, b = rng.choice(spans)
    if rng.random() < 0.5:
        parts[i] = (name, data[:a] + data[b:])
        return f"{name}: element at {a} deleted"
    parts[i] = (name, data[:b] + data[a:b] * rng.choice((1, 2, 50)) + data[b:])
    return f"{name}: element at {a} duplicated"


def drop_part(rng: random.Random, parts: Parts) -> str:
    i = rng.randrange(len(parts))
    name, _ = parts.pop(i)
    return f"{name}: removed"


def duplicate_name(rng: random.Random, parts: Parts) -> str:
    i = rng.randrange(len(parts))
    name, data = parts[i]
    other = rng.choice(parts)[1]
    parts.insert(rng.randrange(len(parts) + 1), (name, other if rng.random() < 0.5 else data))
    return f"{name}: written twice"


def rename_part(rng: random.Random, parts: Parts) -> str:
    i = rng.randrange(len(parts))
    name, data = parts[i]
    new = rng.choice((name.upper(), "../" + name, "/" + name, name + "\\x", name.replace("/", "\\")))
    parts[i] = (new, data)
    return f"{name}: renamed {new!r}"


CONTENT_MUTATIONS: list[Callable[[random.Random, Parts], str]] = [
    mutate_cell_value, mutate_cell_value, mutate_cell_value, mutate_cell_type, mutate_attribute,
    truncate, flip_bits, delete_or_duplicate_element, delete_or_duplicate_element,
    drop_part, duplicate_name, rename_part,
]


def pack(parts: Parts) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": written twice on purpose
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in parts:
                zf.writestr(zipfile.ZipInfo(name, (2024, 1, 2, 8, 0, 0)), data,
                            compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def break_headers(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Lie in the zip headers: sizes, compression method, flags (central or local)."""
    central = [m.start() for m in re.finditer(rb"PK\x01\x02", data)]
    local = [m.start() for m in re.finditer(rb"PK\x03\x04", data)]
    buf = bytearray(data)
    which = rng.choice(("csize", "usize", "method", "flags", "local-size", "local-method"))
    value = rng.choice((0, 1, 7, 1000, 0x7FFFFFFF, 0xFFFFFFFF))
    if which.startswith("local") and local:
        at = rng.choice(local)
        if which == "local-size":
            struct.pack_into("<I", buf, at + 18, value)
        else:
            struct.pack_into("<H", buf, at + 8, rng.choice((1, 12, 14, 99)))
    elif central:
        at = rng.choice(central)
        if which == "csize":
            struct.pack_into("<I", buf, at + 20, value)
        elif which == "usize":
            struct.pack_into("<I", buf, at + 24, value)
        elif which == "method":
            struct.pack_into("<H", buf, at + 10, rng.choice((1, 12, 14, 99)))
        else:
            struct.pack_into("<H", buf, at + 8, rng.choice((0x1, 0x8, 0x20, 0x40, 0x800)))
    return bytes(buf), f"zip header {which} -> {value}"


def make_case(rng: random.Random, seeds: list[tuple[str, Parts]]) -> tuple[str, bytes, list[str]]:
    seed_name, seed_parts = rng.choice(seeds)
    parts = list(seed_parts)
    how = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        how.append(rng.choice(CONTENT_MUTATIONS)(rng, parts))
    data = pack(parts) if parts else b""
    if data and rng.random() < 0.12:
        data, said = break_headers(rng, data)
        how.append(said)
    return seed_name, data, how


# -- checks -------------------------------------------------------------------------------------

@dataclass
class Outcome:
    argv: list[str]
    code: int
    out: str
    err: str
    problems: list[str] = field(default_factory=list)


_CATCH_ALL = re.compile(r"tidak dapat (?:dibaca|diperiksa)[^.]*\(\w+(?:Error|Exception)\)"
                        r"|cannot be (?:read|checked)[^.]*\(\w+(?:Error|Exception)\)")


def _no_nan(text: str) -> None:
    raise ValueError(f"{text} in JSON")


def cli(argv: list[str]) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    code = run(argv, out, err)
    o = Outcome(argv, code, out.getvalue(), err.getvalue())
    if code not in (0, 1, 2):
        o.problems.append(f"exit code {code}")
    both = o.out + o.err
    for bad in ("terjadi kesalahan tak terduga", "unexpected error", "Traceback"):
        if bad in both:
            o.problems.append(f"{bad!r} printed")
    if _CATCH_ALL.search(both):
        o.problems.append(f"a bug reached a catch-all: {_CATCH_ALL.search(both).group(0)!r}")
    if "--json" in argv or argv[0] == "export":
        try:
            json.loads(o.out, parse_constant=_no_nan)
        except ValueError as e:
            o.problems.append(f"output is not JSON: {e}")
    return o


def opens_again(copy: Path, original: Path) -> str | None:
    """None when sopxl checks a file it wrote as well as it checked the original; else why not.

    (A part sopxl does not change, such as a damaged sheet ``draw`` leaves alone, is copied as
    it was: the copy must read whenever the original did, not whatever the original was.)
    """
    o = cli(["validate", "--json", str(copy)])
    if o.problems:
        return f"checking the copy sopxl wrote: {o.problems}"
    if o.code == 2 and cli(["validate", "--json", str(original)]).code != 2:
        return f"the copy sopxl wrote does not read, the original did: {o.out[:600]}"
    return None


def run_case(i: int, path: Path, copy: Path) -> list[Outcome]:
    before = hashlib.sha256(path.read_bytes()).digest()
    p = str(path)
    kind = i % 20
    if kind in (3, 11):
        argvs = [["export", p]]
    elif kind == 5:
        argvs = [["validate", p]]
    elif kind == 9:
        argvs = [["validate", "--lang", "en", "--final", p]]
    elif kind == 7:
        argvs = [["validate", "--write", "--output", str(copy), p]]
    elif kind == 15:
        argvs = [["draw", "--output", str(copy), p]]
    elif kind == 13:
        argvs = [["pdf", "--out", str(copy.with_suffix(".pdf.d")), p]]
    else:
        argvs = [["validate", "--json", p]]
    outcomes = []
    for argv in argvs:
        if copy.exists():
            copy.unlink()
        o = cli(argv)
        if copy.exists():
            why = opens_again(copy, path)
            if why:
                o.problems.append(why)
        elif ("--write" in argv or argv[0] == "draw") and o.code != 2:
            o.problems.append("no copy written, yet no error")
        outcomes.append(o)
    if hashlib.sha256(path.read_bytes()).digest() != before:
        outcomes[-1].problems.append("the input file changed")
    return outcomes


def test_damaged_workbooks_get_a_named_error_or_a_report(seeds, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    failures: list[str] = []
    saved = tmp_path / "failures"
    for i in range(CASES):
        seed_name, data, how = make_case(rng, seeds)
        path = tmp_path / ("case.xlsm" if seed_name.endswith(".xlsm") else "case.xlsx")
        path.write_bytes(data)
        for o in run_case(i, path, tmp_path / "copy.xlsx"):
            if o.problems:
                saved.mkdir(exist_ok=True)
                keep = saved / f"case{i}{path.suffix}"
                keep.write_bytes(data)
                failures.append(f"case {i} (seed {SEED}, from {seed_name}; {'; '.join(how)}): "
                                f"sopxl {' '.join(o.argv[:-1])} -> {o.code}: {'; '.join(o.problems)}"
                                f"\n    stderr: {o.err[-400:]!r}\n    kept: {keep}")
        if len(failures) >= 20:
            break
    assert not failures, f"{len(failures)} failing case(s):\n" + "\n".join(failures)


def test_the_fuzzer_reaches_more_than_the_zip_layer(seeds, tmp_path: Path) -> None:
    """The mutations must leave many files readable, or the fuzzing tests only the unzip."""
    rng = random.Random(SEED + 1)
    codes = {0: 0, 1: 0, 2: 0}
    for _ in range(120):
        _, data, _ = make_case(rng, seeds)
        path = tmp_path / "case.xlsx"
        path.write_bytes(data)
        codes[cli(["validate", "--json", str(path)]).code] += 1
    assert codes[0] + codes[1] >= 30, codes
    assert codes[2] >= 10, codes
