"""The identity page BPS Provinsi Bengkulu prints before each SOP matrix (its SOP AP template).

BPS Bengkulu's signed SOP PDFs (GitHub repository ocidserver/openSOP, path
``backend/static/sop/documents/``) all open with the same page: the unit's name merged on the
left, the identity labels and values on the right (the signer's jabatan, name and NIP in the
"Disahkan Oleh" value), then six boxes with the label above the text. The matrix follows on
the next printed page; in the workbook it is the same sheet, below the boxes.
"""
from __future__ import annotations

from openpyxl.utils import get_column_letter

from corpus.builder import cells


def bps_identity(*, last_col: int, tim: str, identity: list[tuple[str, str | None]], signer: str,
                 nama: str, nama_label: str = "Nama SOP", boxes: list[tuple[str, str, str, str]],
                 ) -> tuple[dict[str, object], list[str], int]:
    """Cells, merges and the first free row for the identity page; ``last_col`` 1-based."""
    lab, val, end = (get_column_letter(c) for c in (last_col - 2, last_col - 1, last_col))
    left_end = get_column_letter(last_col - 3)
    out: dict[str, object] = {"A1": f"BADAN PUSAT STATISTIK\nPROVINSI BENGKULU\n\n{tim}"}
    merges = [f"A1:{left_end}{len(identity) + 3}"]
    row = 1
    for label, value in identity:
        out[f"{lab}{row}"] = label
        if value is not None:  # an identity value the office left empty
            out[f"{val}{row}"] = value
        merges.append(f"{val}{row}:{end}{row}")
        row += 1
    out[f"{val}{row}"] = signer
    merges.append(f"{val}{row}:{end}{row + 1}")
    row += 2
    out[f"{lab}{row}"] = nama_label
    out[f"{val}{row}"] = nama
    merges.append(f"{val}{row}:{end}{row}")
    row += 1
    for left_label, left_text, right_label, right_text in boxes:
        out = cells(out, {f"A{row}": left_label, f"{lab}{row}": right_label,
                          f"A{row + 1}": left_text, f"{lab}{row + 1}": right_text})
        merges += [f"A{row}:{left_end}{row}", f"{lab}{row}:{end}{row}",
                   f"A{row + 1}:{left_end}{row + 1}", f"{lab}{row + 1}:{end}{row + 1}"]
        row += 2
    return out, merges, row + 1


def uraian_prosedur_header(top: int, roles: list[str]) -> tuple[dict[str, object], list[str]]:
    """The 2025 service-SOP header of the Tim Diseminasi: "Uraian Prosedur" merged over an
    unlabelled number column and the text column, "Pelaksana", "Mutu Buku" (sic), "Ket"."""
    n = len(roles)
    mutu, ket = get_column_letter(3 + n), get_column_letter(6 + n)
    last_role, last_mutu = get_column_letter(2 + n), get_column_letter(5 + n)
    out: dict[str, object] = {f"A{top}": "Uraian Prosedur", f"C{top}": "Pelaksana",
                              f"{mutu}{top}": "Mutu Buku", f"{ket}{top}": "Ket"}
    for i, name in enumerate([*roles, "Kelengkapan", "Waktu", "Output"]):
        out[f"{get_column_letter(3 + i)}{top + 1}"] = name
    merges = [f"A{top}:B{top + 1}", f"C{top}:{last_role}{top}", f"{mutu}{top}:{last_mutu}{top}",
              f"{ket}{top}:{ket}{top + 1}"]
    return out, merges
