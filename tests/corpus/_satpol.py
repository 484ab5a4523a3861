"""The identity page Satpol PP Provinsi Kalimantan Barat prints before each SOP matrix.

The office's SOP books (scanned PDFs under ``public/file/`` and ``static/file/`` in GitHub
repository Alamulhuda201/Satpol-PP, the office's Hugo website) print every SOP on two pages:
first this identity page, then the matrix on its own page under a numbered title ("13. SOP
…"). The identity page: the provincial crest and the unit's name merged on the left, the
sub-unit ("SUB BAGIAN UMUM DAN APARATUR", "BIDANG …") in the row below it; on the right the
labels Nomor SOP, Tanggal Pembuatan, Tanggal Revisi (often left empty), Tanggal Efektif,
Disahkan Oleh (the signer's jabatan, name and NIP in one tall value cell), Nama SOP; then six
boxes, label above text: Dasar Hukum / Kualitas Pelaksana (sic, not "Kualifikasi"),
Keterkaitan / Peralatan / Perlengkapan, Peringatan / Pencatatan dan Pendataan.

In the workbook the identity page is its own sheet, as the office printed it.
"""

from __future__ import annotations

from corpus.builder import Sheet, cells, rows


def satpol_identity(
    *,
    name: str,
    unit: str,
    sub_unit: str,
    identity: list[tuple[str, str | None]],
    signer: str,
    nama: str,
    boxes: list[tuple[str, str, str, str]],
    nama_label: str = "Nama SOP",
) -> Sheet:
    """The identity sheet: unit block A1:D(n), labels in E, values merged F:H."""
    out: dict[str, object] = {"A1": f"PEMERINTAH PROVINSI KALIMANTAN BARAT\n\n{unit}"}
    merges: list[str] = []
    row = 1
    for label, value in identity:
        out[f"E{row}"] = label
        if value is not None:
            out[f"F{row}"] = value
        merges.append(f"F{row}:H{row}")
        row += 1
    # "Disahkan Oleh" is the last identity label; its value runs down over the signature rows.
    out[f"F{row}"] = signer
    merges.append(f"F{row}:H{row + 2}")
    merges.append(f"A1:D{row + 2}")
    row += 3
    out = cells(out, {f"A{row}": sub_unit, f"E{row}": nama_label, f"F{row}": nama})
    merges += [f"A{row}:D{row}", f"F{row}:H{row}"]
    row += 1
    for left_label, left_text, right_label, right_text in boxes:
        out = cells(
            out,
            rows(
                f"A{row}",
                [[left_label, None, None, None, right_label], [left_text, None, None, None, right_text]],
            ),
        )
        merges += [f"A{row}:D{row}", f"E{row}:H{row}", f"A{row + 1}:D{row + 1}", f"E{row + 1}:H{row + 1}"]
        row += 2
    return Sheet(
        name,
        cells=out,
        merges=merges,
        widths={"A": 12, "B": 20, "C": 20, "D": 20, "E": 18, "F": 20, "G": 20, "H": 20},
        heights={r: 18 for r in range(1, row)},
    )
