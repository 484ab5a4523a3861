"""The Keputusan that adopts the SOPs, as data: its text with placeholders, and its Lampiran.

The wording is a data file (``teks.json``), modelled on the Keputusan Sekretaris Daerah Kota
Mojokerto 2018 (Menimbang a–c, Mengingat 1–n, MEMUTUSKAN, Menetapkan, diktum KESATU …
KEEMPAT); the parts an office must decide stay in [square brackets]. ``sopxl.keputusan.docx``
writes it as an editable Word file, ``sopxl.pdf.book`` prints it in the Buku SOP.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@dataclass
class Draft:
    kop: list[str]
    judul: str
    nomor: str
    tentang: str
    penetap: str
    menimbang: list[str]
    mengingat: list[str]
    menetapkan: str
    diktum: list[tuple[str, str]]
    ditetapkan: list[str]
    lampiran: str
    lampiran_kolom: list[str]
    lampiran_baris: list[list[str]] = field(default_factory=list)


@cache
def _template() -> dict[str, Any]:
    text = (resources.files("sopxl.keputusan") / "teks.json").read_text(encoding="utf-8")
    return json.loads(text)


def draft(instansi: str, pejabat: str, tahun: str, rows: list[list[str]] | None = None) -> Draft:
    """The Keputusan for ``instansi`` signed by ``pejabat`` (e.g. "SEKRETARIS DAERAH KOTA X")."""
    t = _template()
    inst = " ".join(instansi.split()) or "[instansi]"
    values = {"instansi": inst.upper(), "pejabat": (pejabat or "[pejabat yang menetapkan]").upper(),
              "tahun": tahun}

    def fill(s: str) -> str:
        return s.format(**values)

    return Draft(
        kop=[fill(s) for s in t["kop"]], judul=fill(t["judul"]), nomor=fill(t["nomor"]),
        tentang=fill(t["tentang"]), penetap=fill(t["penetap"]),
        menimbang=[fill(s) for s in t["menimbang"]], mengingat=[fill(s) for s in t["mengingat"]],
        menetapkan=fill(t["menetapkan"]), diktum=[(d, fill(s)) for d, s in t["diktum"]],
        ditetapkan=[fill(s) for s in t["ditetapkan"]], lampiran=fill(t["lampiran"]),
        lampiran_kolom=list(t["lampiran_kolom"]), lampiran_baris=rows or [])


def paragraphs(d: Draft) -> list[tuple[str, str]]:
    """The draft as (style, text) paragraphs: "judul" centred bold, "teks" plain, "kosong"."""
    out: list[tuple[str, str]] = [("judul", s) for s in d.kop]
    out += [("kosong", ""), ("judul", d.judul), ("judul", d.nomor), ("kosong", ""), ("judul", "TENTANG"),
            ("judul", d.tentang), ("kosong", ""), ("judul", d.penetap), ("kosong", "")]
    out.append(("kepala", "Menimbang :"))
    out += [("teks", f"{chr(ord('a') + k)}. {s}") for k, s in enumerate(d.menimbang)]
    out.append(("kepala", "Mengingat :"))
    out += [("teks", f"{k + 1}. {s}") for k, s in enumerate(d.mengingat)]
    out += [("kosong", ""), ("judul", "MEMUTUSKAN"), ("teks", f"Menetapkan : {d.menetapkan}")]
    out += [("teks", f"{name} : {s}") for name, s in d.diktum]
    out.append(("kosong", ""))
    out += [("ttd", s) for s in d.ditetapkan]
    return out


def from_text(text: str) -> list[tuple[str, str]]:
    """An office's own Keputusan text (a .txt file): one paragraph per line, blank lines kept.

    A short line in capitals ("MEMUTUSKAN") is set as a heading, the rest as plain text.
    """
    out: list[tuple[str, str]] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        s = line.strip()
        if not s:
            out.append(("kosong", ""))
        elif s.upper() == s and any(ch.isalpha() for ch in s) and len(s) < 140:
            out.append(("judul", s))
        else:
            out.append(("teks", s))
    return out
