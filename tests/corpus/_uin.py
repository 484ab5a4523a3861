"""The one-page SOP form of Universitas Islam Negeri (UIN) Salatiga, identity and matrix on one sheet.

UIN Salatiga's signed SOPs (scanned PDFs under ``data/`` in GitHub repository
Yutaa19/Chatbot-Production-UIN-SALATIGA) print everything on one portrait page: the crest with
"KEMENTERIAN AGAMA REPUBLIK INDONESIA / UNIVERSITAS ISLAM NEGERI SALATIGA" merged on the left;
on the right the labels Nomor (not "Nomor SOP"), Tanggal Pembuatan, Tanggal Revisi, Tanggal
Efektif, Disahkan Oleh (jabatan, signature and name in one tall cell); then the SOP's name as
a banner row across the whole page, with no "Nama SOP" label; then the boxes DASAR HUKUM /
KUALIFIKASI PELAKSANA, KETERKAITAN / PERALATAN/PERLENGKAPAN, PERINGATAN /
PENCATATAN/PENDATAAN with numbered items in their own rows; and the matrix right below: No |
Kegiatan | Pelaksana over the roles | Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan.
Symbols are filled blue shapes drawn over the role cells: a rounded rectangle for start and
end, rectangles for the steps.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter

from corpus.builder import Arrow, Shape, Sheet, cells, rows


def uin_sheet(
    name: str,
    *,
    roles: list[str],
    identity: list[tuple[str, str | None]],
    signer: str,
    nama: str,
    boxes: list[tuple[str, list[tuple[int | None, str]], str, list[str]]],
    steps: Sequence[tuple[str, str, str, str]],
    flow: Sequence[tuple[int, str]],
    arrows: Sequence[tuple[int, int]],
) -> Sheet:
    """``steps``: (Kegiatan, Kelengkapan, Waktu, Output) per numbered row; ``flow``: per step,
    the 0-based role column holding its symbol and the symbol kind."""
    n = len(roles)
    col = [get_column_letter(c) for c in range(1, n + 8)]
    first_role, last_role = col[2], col[2 + n - 1]
    kel, wkt, out_, ket = col[2 + n], col[3 + n], col[4 + n], col[5 + n]
    out: dict[str, object] = {"A1": "KEMENTERIAN AGAMA REPUBLIK INDONESIA\nUNIVERSITAS ISLAM NEGERI SALATIGA"}
    merges: list[str] = []
    row = 1
    for label, value in identity:
        out[f"{kel}{row}"] = label
        if value is not None:
            out[f"{wkt}{row}"] = value
        merges.append(f"{wkt}{row}:{ket}{row}")
        row += 1
    out[f"{wkt}{row}"] = signer  # under the jabatan in the "Disahkan Oleh" block
    merges += [f"{wkt}{row}:{ket}{row + 1}", f"A1:{last_role}{row + 1}"]
    row += 2
    out[f"A{row}"] = nama
    merges.append(f"A{row}:{ket}{row}")
    row += 1
    for left, left_items, right, right_items in boxes:
        out = cells(out, {f"A{row}": left, f"{kel}{row}": right})
        merges += [f"A{row}:{last_role}{row}", f"{kel}{row}:{ket}{row}"]
        row += 1
        for i in range(max(len(left_items), len(right_items), 1)):
            if i < len(left_items):  # numbered items: the number in A, the text from B
                number, text = left_items[i]
                out = cells(
                    out, {f"A{row}": number, f"B{row}": text} if number is not None else {f"A{row}": text}
                )
            if i < len(right_items):
                out[f"{kel}{row}"] = right_items[i]
            numbered = i < len(left_items) and left_items[i][0] is not None
            merges += [f"{'B' if numbered else 'A'}{row}:{last_role}{row}", f"{kel}{row}:{ket}{row}"]
            row += 1
    top = row + 1
    out = cells(
        out,
        rows(
            f"A{top}",
            [
                ["No", "Kegiatan", "Pelaksana", *[None] * (n - 1), "Mutu Baku", None, None, "Keterangan"],
                [None, None, *roles, "Kelengkapan", "Waktu", "Output"],
            ],
        ),
    )
    merges += [
        f"A{top}:A{top + 1}",
        f"B{top}:B{top + 1}",
        f"{first_role}{top}:{last_role}{top}",
        f"{kel}{top}:{out_}{top}",
        f"{ket}{top}:{ket}{top + 1}",
    ]
    first = top + 2
    out = cells(
        out, rows(f"A{first}", [[i, k, *[None] * n, kl, w, o] for i, (k, kl, w, o) in enumerate(steps, 1)])
    )
    shapes = [Shape(f"{col[2 + r]}{first + i}", kind) for i, (r, kind) in enumerate(flow)]
    widths = {"A": 4, "B": 24, **{c: 14 for c in col[2 : 2 + n]}, kel: 22, wkt: 10, out_: 20, ket: 16}
    return Sheet(
        name,
        cells=out,
        merges=merges,
        shapes=shapes,
        arrows=[Arrow(a, b) for a, b in arrows],
        widths=widths,
        heights={
            **{r: 16 for r in range(1, first)},
            top + 1: 45,
            **{r: 48 for r in range(first, first + len(steps))},
        },
    )
