"""The Checklist sheet: the regulation's monitoring and evaluation forms, one block per SOP.

    Monitoring dan Evaluasi Pelaksanaan SOP AP             (title, file, how to fill it in)
    Lembar | SOP 01 | D1 | Nomor SOP: … | Nama SOP: …      (one block per SOP sheet; links on the
                                                           sheet and on the identity's address)
    No | Kegiatan (Prosedur) | Pelaksana | Kelengkapan | Waktu | Output |
       Penilaian terhadap penerapan ▾ | Catatan hasil penilaian | Tindakan yang harus diambil |
       Paraf penilai | Kunci
    … one row per step (a section's title above its steps) …
    Evaluasi penerapan SOP AP: the seven questions, Ya/Tidak ▾ and a note
    Jawaban untuk langkah yang sudah tidak ada di SOP      (answers whose step is gone)

The yellow cells ("input") are the user's; what was typed there comes back in through
``answers.read_answers`` and is written again into the row of the same step. The last
column holds each row's key (see ``answers`` for why a key and how it is matched).
"""
from __future__ import annotations

import os
from typing import Any

from ..a1 import rowcol_to_cell
from ..fit import fit_labels
from ..model import FileResult, SopResult, Step
from ..resources import load_data
from ..sheetspec import CellLike, CellSpec, SheetSpec, Validation
from .answers import (
    ANSWER_FIELDS,
    EVAL_PART,
    Answers,
    EvalAnswer,
    Slot,
    StepAnswer,
    make_key,
    match_evaluations,
    match_steps,
    step_item,
)
from .sheet import RowBuilder
from .status import identity_cell, link_text, sheet_ref, sop_places

SHEET_NAME = "Checklist"
# No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Penilaian | Catatan | Tindakan | Paraf | Kunci
WIDTHS = {0: 7, 1: 42, 2: 18, 3: 22, 4: 12, 5: 22, 6: 20, 7: 28, 8: 28, 9: 11, 10: 14}
ANSWER_COL = 6  # first of the four columns to fill in (G)
KEY_COL = 10
LAST_SHOWN = 9  # merges of headings stop before the key column


def texts(lang: str) -> dict[str, Any]:
    data = load_data("report_text.json")["checklist"]
    return data.get(lang, data["id"])


def questions(lang: str) -> list[str]:
    data = load_data("report_text.json")["evaluation"]
    return list(data.get(lang, data["id"]))


class _Rows(RowBuilder):
    """The Checklist's rows, and the dropdowns of its answer columns."""

    def dropdown(self, col: int, first: int, last: int, options: list[str], prompt: str) -> None:
        if last >= first:
            ref = f"{rowcol_to_cell(first, col)}:{rowcol_to_cell(last, col)}"
            self.spec.validations.append(Validation(ref, list(options), prompt))


def _step_header(t: dict) -> list[CellLike]:
    return [CellSpec(t[name], "header") for name in (
        "col_no", "col_kegiatan", "col_pelaksana", "col_kelengkapan", "col_waktu", "col_output",
        "col_penilaian", "col_catatan", "col_tindakan", "col_paraf", "col_kunci")]


def _eval_header(t: dict) -> list[CellLike]:
    return [CellSpec(t["col_no"], "header"), CellSpec(t["col_pertanyaan"], "header"),
            *[CellSpec(None, "header")] * 4, CellSpec(t["col_jawaban"], "header"),
            CellSpec(t["col_eval_catatan"], "header"), CellSpec(None, "header"), CellSpec(None, "header"),
            CellSpec(t["col_kunci"], "header")]


def _key_cell(key: str, style: str = "plain") -> CellSpec:
    return CellSpec(key, style)


def slots_of(s: SopResult, label: str | None = None) -> list[tuple[Slot, Step]]:
    """(slot, step) for every step of an SOP, in order, with its stable key."""
    out = []
    for si, sec in enumerate(s.doc.sections, start=1):
        seen: dict[str, int] = {}
        for pos, step in enumerate(sec.steps, start=1):
            item = step_item(step.number.value, pos, seen)
            out.append((Slot(label or s.doc.sheet, str(si), item, step.kegiatan.value,
                             ", ".join(step.actors)), step))
    return out


def build_checklist(result: FileResult, answers: Answers, *, lang: str = "id") -> SheetSpec:
    """The Checklist sheet, with every answer in ``answers`` written back where it belongs."""
    t = texts(lang)
    qs = questions(lang)
    spec = SheetSpec(name=SHEET_NAME, col_widths=dict(WIDTHS), freeze="C4", print_title_rows=(0, 1),
                     landscape=True, fit_width=True, hidden_cols=[KEY_COL])
    b = _Rows(spec)
    b.add([CellSpec(t["title"], "title")], merges=((0, LAST_SHOWN),))
    b.add([CellSpec(t["file"].format(file=os.path.basename(result.path)), "subtitle")],
          merges=((0, LAST_SHOWN),))
    b.add([CellSpec(t["instructions"], "plain")], merges=((0, LAST_SHOWN),))
    b.add()

    places = sop_places(result)
    labels = [name for name, _ in places]
    all_slots = [pair for s, label in zip(result.sops, labels) for pair in slots_of(s, label)]
    pairs, left_steps = match_steps([slot for slot, _ in all_slots], answers.steps)
    eval_pairs, left_evals = match_evaluations(labels, answers.evaluations, len(qs))
    if not result.sops:
        b.add([CellSpec(t["no_sops"], "text")], merges=((0, LAST_SHOWN),))
        b.add()
    for s, (label, top) in zip(result.sops, places):
        _sop_block(b, s, label, top, t, qs, pairs, eval_pairs)
    if left_steps or left_evals:
        _removed_block(b, t, qs, left_steps, left_evals)
    # Headers on one line: a wrapped header is taller than the writer's estimate of its row in
    # LibreOffice, which then cuts its top ("Penilaian terhadap penerapan").
    fit_labels(spec, ("header", "subtitle", "section"))
    fit_labels(spec, ("link",))  # LibreOffice never wraps a link: each fits its column
    return spec


def _sop_block(b: _Rows, s: SopResult, label: str, top: str, t: dict, qs: list[str],
               pairs: dict[Slot, StepAnswer], eval_pairs: dict[tuple[str, int], EvalAnswer]) -> None:
    """One SOP's forms; ``label`` starts its keys, ``top`` is where its sheet link lands
    (``status.sop_places``: several SOPs stacked on one sheet keep apart)."""
    doc = s.doc
    identity = t["identity"].format(nomor=doc.nomor or "-", nama=doc.nama or "-")
    # The identity's own cell is a link on its address (on the cover sheet when the identity
    # was borrowed from one); the long Nomor and Nama sit in a wrapped cell of their own,
    # because LibreOffice never wraps a link's text and cut it at the page's edge.
    at = identity_cell(doc)
    b.add([CellSpec(t["sheet"], "section"), CellSpec(label, "link", sheet_ref(doc.sheet, top)),
           CellSpec(link_text(doc.sheet, *at), "link", sheet_ref(*at)) if at else CellSpec(None, "section"),
           CellSpec(identity, "section"), *[CellSpec(None, "section")] * (LAST_SHOWN - 3)],
          merges=((3, LAST_SHOWN),))
    b.add([CellSpec(t["monitoring_title"], "subtitle")], merges=((0, LAST_SHOWN),))
    b.add(_step_header(t))
    first = b.row
    titled = len(doc.sections) > 1 or any(sec.title for sec in doc.sections)
    by_step = {id(step): slot for slot, step in slots_of(s, label)}
    for si, sec in enumerate(doc.sections, start=1):
        if titled:
            b.add([CellSpec(sec.name or f"{si}", "section"), *[CellSpec(None, "section")] * LAST_SHOWN],
                  merges=((0, LAST_SHOWN),))
        for step in sec.steps:
            slot = by_step[id(step)]
            answer = pairs.get(slot)
            values = answer.values if answer else {}
            b.add([CellSpec(step.number.value, "text"), CellSpec(step.kegiatan.value, "text"),
                   CellSpec(", ".join(step.actors), "text"), CellSpec(step.kelengkapan.value, "text"),
                   CellSpec(step.waktu.value, "text"), CellSpec(step.output.value, "text"),
                   *[CellSpec(values.get(name), "input") for name in ANSWER_FIELDS],
                   _key_cell(slot.key)])
    b.dropdown(ANSWER_COL, first, b.row - 1, t["options"], t["prompt"])
    b.add()

    b.add([CellSpec(t["evaluation_title"], "subtitle")], merges=((0, LAST_SHOWN),))
    b.add(_eval_header(t), merges=((1, 5), (7, 9)))
    first = b.row
    for n, question in enumerate(qs, start=1):
        evaluation = eval_pairs.get((label, n))
        values = evaluation.values if evaluation else {}
        b.add([CellSpec(n, "number"), CellSpec(question, "text"), *[CellSpec(None, "text")] * 4,
               CellSpec(values.get("jawaban"), "input"), CellSpec(values.get("catatan"), "input"),
               CellSpec(None, "input"), CellSpec(None, "input"),
               _key_cell(make_key(label, EVAL_PART, str(n)))],
              merges=((1, 5), (7, 9)))
    b.dropdown(ANSWER_COL, first, b.row - 1, t["yes_no"], t["yes_no_prompt"])
    b.add()


def _removed_block(b: _Rows, t: dict, qs: list[str], steps: list[StepAnswer],
                   evals: list[EvalAnswer]) -> None:
    b.add([CellSpec(t["removed_title"], "removed"), *[CellSpec(None, "removed")] * LAST_SHOWN],
          merges=((0, LAST_SHOWN),))
    b.add([CellSpec(t["removed_note"], "plain")], merges=((0, LAST_SHOWN),))
    if steps:
        header = _step_header(t)
        header[3] = CellSpec(t["col_lembar"], "header")
        for c in (4, 5):
            header[c] = CellSpec(None, "header")
        b.add(header)
        for a in steps:
            number = a.number.split("#")[0].lstrip("?")
            b.add([CellSpec(number, "removed"), CellSpec(a.kegiatan, "removed"),
                   CellSpec(a.pelaksana, "removed"), CellSpec(a.sheet, "removed"),
                   *[CellSpec(None, "removed")] * 2,
                   *[CellSpec(a.values.get(name), "removed") for name in ANSWER_FIELDS],
                   _key_cell(a.key, "removed")])
    if evals:
        header = _eval_header(t)
        header[2] = CellSpec(t["col_lembar"], "header")
        b.add(header, merges=((7, 9),))
        for e in evals:
            text = e.text or (qs[e.question - 1] if 1 <= e.question <= len(qs) else "")
            b.add([CellSpec(e.question, "removed"), CellSpec(text, "removed"), CellSpec(e.sheet, "removed"),
                   *[CellSpec(None, "removed")] * 3,
                   CellSpec(e.values.get("jawaban"), "removed"), CellSpec(e.values.get("catatan"), "removed"),
                   CellSpec(None, "removed"), CellSpec(None, "removed"), _key_cell(e.key, "removed")],
                  merges=((7, 9),))
