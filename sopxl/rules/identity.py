"""Rules on the identity block and the six boxes."""
from __future__ import annotations

from collections.abc import Iterator

from ..dates import parse_date
from ..findings import Hit
from ..model import SopDocument
from . import Context, rule

FIELD_LABELS = {
    "instansi": "Nama instansi/unit kerja",
    "nomor": "Nomor SOP",
    "tanggal_pembuatan": "Tanggal Pembuatan",
    "tanggal_revisi": "Tanggal Revisi",
    "tanggal_efektif": "Tanggal Efektif",
    "disahkan_oleh": "Disahkan Oleh",
    "nama": "Nama SOP",
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
}

_REQUIRED = ("nomor", "tanggal_pembuatan", "tanggal_efektif", "disahkan_oleh")


def _anchor(doc: SopDocument) -> str | None:
    return doc.sections[0].roles[0].cell if doc.sections and doc.sections[0].roles else "A1"


@rule("nama-sop-kosong", "identitas-kosong", "identitas-tidak-ada", "revisi-kosong", "instansi-kosong")
def identity_filled(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    top = doc.origin or "A1"  # a second SOP stacked on the sheet: its own block's first cell
    nama = doc.identity["nama"]
    if not nama:
        yield Hit("nama-sop-kosong", nama.cell or top)
    for name in _REQUIRED:
        t = doc.identity[name]
        if t.cell is None:
            yield Hit("identitas-tidak-ada", top, {"label": FIELD_LABELS[name]})
        elif not t:
            yield Hit("identitas-kosong", t.cell, {"label": FIELD_LABELS[name]})
    rev = doc.identity["tanggal_revisi"]
    if not rev:
        yield Hit("revisi-kosong", rev.cell or top)
    if not doc.identity["instansi"]:
        yield Hit("instansi-kosong", top)


@rule("kotak-kosong", "kotak-tidak-ada")
def boxes_filled(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    for name, t in doc.boxes.items():
        if t.cell is None:
            yield Hit("kotak-tidak-ada", doc.origin or "A1", {"label": FIELD_LABELS[name]})
        elif not t or t.value.strip() == ":":  # "-" is an answer: "none", as the hint asks
            yield Hit("kotak-kosong", t.cell, {"label": FIELD_LABELS[name]})


# parse_date of each date text, read once: a batch's workbooks repeat the same few dates.
_DATES: dict[str, str | None] = {}
_DATES_MAX = 5_000


def _read_date(text: str) -> str | None:
    if type(text) is not str:
        return parse_date(text)
    if text in _DATES:
        return _DATES[text]
    d = parse_date(text)
    if len(_DATES) < _DATES_MAX:
        _DATES[text] = d
    return d


@rule("tanggal-tidak-terbaca", "tanggal-efektif-sebelum-pembuatan")
def dates_readable(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    parsed = {}
    for name in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
        t = doc.identity[name]
        if not t or t.value.strip() == "-":  # "-": deliberately none (no revision yet)
            continue
        d = _read_date(t.value)
        if d is None:
            yield Hit("tanggal-tidak-terbaca", t.cell, {"label": FIELD_LABELS[name], "value": t.value})
        parsed[name] = d
    a, b = parsed.get("tanggal_pembuatan"), parsed.get("tanggal_efektif")
    if a and b and len(a) == 10 and len(b) == 10 and b < a:
        yield Hit("tanggal-efektif-sebelum-pembuatan", doc.identity["tanggal_efektif"].cell,
                  {"efektif": b, "pembuatan": a})
