"""The identity page of one SOP, laid out as the regulation's form.

Left of the top block the kop (instansi); right of it Nomor SOP, Tanggal Pembuatan, Revisi,
Efektif, Disahkan Oleh (with room for the signature between the jabatan and the name) and
Nama SOP. Below, the six boxes in two columns: Dasar Hukum | Kualifikasi Pelaksana,
Keterkaitan | Peralatan/Perlengkapan, Peringatan | Pencatatan dan Pendataan. A text too long
for the page is set smaller rather than cut.
"""
from __future__ import annotations

import re

from ..model import SopDocument
from .page import Box, Measure, Page, Rect, text_height, text_in

MARGIN = 28.0
SIGN = 42.0  # the blank room for a signature and stamp
ROWS = (("nomor", "Nomor SOP"), ("tanggal_pembuatan", "Tanggal Pembuatan"),
        ("tanggal_revisi", "Tanggal Revisi"), ("tanggal_efektif", "Tanggal Efektif"),
        ("disahkan_oleh", "Disahkan Oleh"), ("nama", "Nama SOP"))
BOXES = (("dasar_hukum", "Dasar Hukum"), ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
         ("keterkaitan", "Keterkaitan"), ("peralatan_perlengkapan", "Peralatan/Perlengkapan"),
         ("peringatan", "Peringatan"), ("pencatatan_pendataan", "Pencatatan dan Pendataan"))


_PANGKAT = ("pembina", "penata", "pengatur", "juru")
# Where a name starts in a one-line "Disahkan Oleh": an academic or religious title, else the
# pangkat or the NIP after it.
_NAME_START = re.compile(r"(?:(?<=\s)(?:Dr|Drs|Dra|Ir|Prof|H|Hj|dr)\.\s|\b(?:Pembina|Penata|Pengatur|Juru)\b|"
                         r"\bNIP\b)")


def _signed(text: str) -> tuple[str, str]:
    """Disahkan Oleh split into (jabatan, name, pangkat and NIP): the signature goes between.

    Where offices left a blank line for the signature, there; otherwise before the name, found
    as the line above the NIP (or above the pangkat above the NIP); without a NIP, after all.
    """
    lines = [ln.strip() for ln in text.replace("\r", "").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    if len(lines) == 1:  # the cell was read as one line: split before the name's title
        m = _NAME_START.search(lines[0])
        if m and m.start() > 0:
            return lines[0][:m.start()].strip(), lines[0][m.start():].strip()
    if "" in lines:
        k = lines.index("")
        return "\n".join(lines[:k]), "\n".join(ln for ln in lines[k:] if ln)
    nip = next((k for k, ln in enumerate(lines) if ln.upper().startswith("NIP")), None)
    if nip is None or nip == 0:
        return "\n".join(lines), ""
    cut = nip - 1
    if cut > 1 and lines[cut].lower().startswith(_PANGKAT):
        cut -= 1
    if cut == 0:
        return "", "\n".join(lines)
    return "\n".join(lines[:cut]), "\n".join(lines[cut:])


def layout_identity(doc: SopDocument, instansi: str, paper: tuple[float, float], measure: Measure) -> Page:
    pw, ph = paper
    for size in (8.5, 7.5, 6.5, 5.5, 4.5):
        page = _at(doc, instansi, pw, ph, size, measure)
        if page is not None:
            return page
    return _at(doc, instansi, pw, ph, 4.5, measure, force=True) or Page(pw, ph)


def _at(doc: SopDocument, instansi: str, pw: float, ph: float, size: float, measure: Measure,
        force: bool = False) -> Page | None:
    page = Page(pw, ph, kind="identitas")
    left, width = MARGIN, pw - 2 * MARGIN
    kop_w = width * 0.42
    label_w = width * 0.16
    value_w = width - kop_w - label_w
    y = MARGIN
    heights = []
    signed = _signed(doc.identity["disahkan_oleh"].value)
    for key, _ in ROWS:
        if key == "disahkan_oleh":
            h = (text_height(signed[0], value_w, size, measure) + SIGN
                 + (text_height(signed[1], value_w, size, measure, bold=True) if signed[1] else 0))
        else:
            h = text_height(doc.identity[key].value, value_w, size, measure, bold=key == "nama")
        heights.append(max(size * 2.4, h))
    top_h = sum(heights)
    kop = Box(left, y, kop_w, top_h)
    page.rects.append(Rect(kop))
    kop_text = text_in(kop, instansi or " ", size + 2.5, measure, bold=True, align="c", pad=8)
    used = len(kop_text.lines) * kop_text.line_height
    kop_text.box = Box(kop_text.box.x, kop.y + max(8.0, (kop.h - used) / 2), kop_text.box.w, used)
    page.texts.append(kop_text)
    for (key, label), h in zip(ROWS, heights):
        lb = Box(left + kop_w, y, label_w, h)
        vb = Box(left + kop_w + label_w, y, value_w, h)
        page.rects.append(Rect(lb, fill=0.93))
        page.rects.append(Rect(vb))
        page.texts.append(text_in(lb, label, size, measure, bold=True))
        if key == "disahkan_oleh":
            jab = text_in(vb, signed[0], size, measure)
            page.texts.append(jab)
            name_y = vb.y + text_height(signed[0], value_w, size, measure) + SIGN
            if signed[1]:
                page.texts.append(text_in(Box(vb.x, name_y, vb.w, vb.bottom - name_y), signed[1], size,
                                          measure, bold=True))
            else:  # no name written yet: a line to sign on
                page.lines.append((vb.x + 8, name_y - 4, vb.x + min(vb.w - 8, 160), name_y - 4))
        else:
            page.texts.append(text_in(vb, doc.identity[key].value, size, measure, bold=key == "nama"))
        y += h
    y += 8
    half = width / 2
    for k in range(0, len(BOXES), 2):
        pair = BOXES[k:k + 2]
        head_h = size * 2.2
        body_h = max(size * 3.0, *(text_height(doc.boxes[key].value, half, size, measure) for key, _ in pair))
        if y + head_h + body_h > ph - MARGIN - 16 and not force:
            return None
        for j, (key, label) in enumerate(pair):
            x = left + j * half
            hb, bb = Box(x, y, half, head_h), Box(x, y + head_h, half, body_h)
            page.rects.append(Rect(hb, fill=0.93))
            page.rects.append(Rect(bb))
            page.texts.append(text_in(hb, label, size, measure, bold=True))
            page.texts.append(text_in(bb, doc.boxes[key].value, size, measure))
        y += head_h + body_h
    return page
