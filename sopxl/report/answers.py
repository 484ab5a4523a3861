"""What people typed into the Checklist sheet, read back so that a new run keeps it.

Every row sopxl writes in the Checklist carries a **key** in its last column::

    SOP 01|1|5        sheet | section (1-based) | step number (as a number: "5." → 5)
    SOP 01|1|5#2      the second step numbered 5 in that section (a duplicated number)
    SOP 01|1|?3       an unnumbered step: the third step of its section
    SOP 01|evaluasi|4 the answer to evaluation question 4 of that SOP

Why a key column, and not the row's position or the text alone: it travels with its
row when people sort, filter or insert rows; it does not depend on the language of the
labels; and the reader finds every column by its header, so an inserted column does no
harm. The key alone is not enough either, because step numbers shift when a step is
inserted; so matching (``match_steps``) pairs a step first by what it says (Kegiatan
and Pelaksana, within its sheet: a renumbered step keeps its answers) and only then by
its key (a step whose wording was edited). What is left over belongs to steps that no
longer exist: it is kept under its own heading, never dropped.

If the key column has been deleted, rows are still read by the block they are in
(the "Lembar | SOP 01" row above them) and their No, with the section unknown.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..grid import Grid, Value, value_to_text
from ..parse.numbers import step_number
from ..parse.text import key as text_key
from ..resources import load_data
from ..sheetspec import Scalar

ANSWER_FIELDS = ("penilaian", "catatan", "tindakan", "paraf")
EVAL_FIELDS = ("jawaban", "catatan")
EVAL_PART = "evaluasi"
KEY_SEP = "|"

# Column header labels (both languages) -> the field a column holds.
_LABEL_FIELDS = {
    "col_no": "no", "col_kegiatan": "kegiatan", "col_pertanyaan": "kegiatan", "col_pelaksana": "pelaksana",
    "col_penilaian": "penilaian", "col_catatan": "catatan", "col_eval_catatan": "catatan",
    "col_tindakan": "tindakan", "col_paraf": "paraf", "col_jawaban": "jawaban", "col_kunci": "kunci",
    "col_lembar": "lembar",
}


def make_key(sheet: str, section: str, item: str) -> str:
    return f"{sheet}{KEY_SEP}{section}{KEY_SEP}{item}"


def parse_key(text: str) -> tuple[str, str, str] | None:
    """"SOP 01|1|5" -> ("SOP 01", "1", "5"); a sheet name may itself hold "|"."""
    parts = text.strip().rsplit(KEY_SEP, 2)
    if len(parts) != 3 or not parts[0] or not parts[1] or not parts[2]:
        return None
    return parts[0], parts[1], parts[2]


def step_item(number_text: str, position: int, seen: dict[str, int]) -> str:
    """The key's step part: the step number, made unique within its section."""
    n = step_number(number_text)
    base = str(n) if n is not None else f"?{position}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}#{seen[base]}"


@dataclass
class StepAnswer:
    """The answers given for one step of one SOP."""

    sheet: str
    section: str  # "1", "2", … ; "" when read without a key
    number: str  # the key's step part: "5", "5#2", "?3"
    kegiatan: str
    values: dict[str, Scalar] = field(default_factory=dict)  # ANSWER_FIELDS -> what was typed
    pelaksana: str = ""

    @property
    def key(self) -> str:
        return make_key(self.sheet, self.section or "?", self.number)


@dataclass
class EvalAnswer:
    """The answer to one of the seven evaluation questions of one SOP."""

    sheet: str
    question: int  # 1..7
    text: str
    values: dict[str, Scalar] = field(default_factory=dict)  # EVAL_FIELDS -> what was typed

    @property
    def key(self) -> str:
        return make_key(self.sheet, EVAL_PART, str(self.question))


@dataclass
class Answers:
    steps: list[StepAnswer] = field(default_factory=list)
    evaluations: list[EvalAnswer] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.steps) + len(self.evaluations)

    def over(self, older: Answers) -> Answers:
        """These answers, plus the older ones these do not already hold (same key and text)."""
        have = {(a.key, _identity(a.sheet, a.kegiatan, a.pelaksana)) for a in self.steps}
        have_eval = {a.key for a in self.evaluations}
        return Answers(
            self.steps + [a for a in older.steps
                          if (a.key, _identity(a.sheet, a.kegiatan, a.pelaksana)) not in have],
            self.evaluations + [a for a in older.evaluations if a.key not in have_eval])


# -- reading a Checklist grid --------------------------------------------------------------

def _labels() -> tuple[dict[str, str], set[str]]:
    texts = load_data("report_text.json")["checklist"]
    fields: dict[str, str] = {}
    sheet_words: set[str] = set()
    for lang_texts in texts.values():
        for name, field_name in _LABEL_FIELDS.items():
            fields.setdefault(text_key(lang_texts[name]), field_name)
        sheet_words.add(text_key(lang_texts["sheet"]))
    return fields, sheet_words


def _answer_value(v: Value | None) -> Scalar:
    """What a person typed, as a value sopxl can write back (dates and booleans as text)."""
    if v is None:
        return None
    if isinstance(v, str):
        return v if v.strip() else None
    if isinstance(v, bool) or isinstance(v, _dt.datetime):
        return value_to_text(v)
    return v


def _has_any(values: dict[str, Scalar]) -> bool:
    return any(v is not None and v != "" for v in values.values())


def read_answers(grid: Grid) -> Answers:
    """Every answer typed into a Checklist sheet (rows with nothing typed are skipped)."""
    fields, sheet_words = _labels()
    answers = Answers()
    columns: dict[str, int] = {}
    block_sheet: str | None = None
    n_cols = grid.n_cols
    for r in sorted({row for row, _ in grid.values}):
        found: dict[str, int] = {}
        texts: list[str] = []
        for c in range(n_cols):
            t = grid.text(r, c)
            if not t:
                continue
            texts.append(t)
            f = fields.get(text_key(t))
            if f is not None and f not in found:
                found[f] = c
        if ("kunci" in found and len(found) >= 3) or (
                {"no", "kegiatan"} <= found.keys() and found.keys() & {*ANSWER_FIELDS, "jawaban"}):
            columns = found  # a header row: the columns of the rows under it
            continue
        if len(texts) >= 2 and text_key(texts[0]) in sheet_words:
            block_sheet = texts[1]  # "Lembar | SOP 01 | …" opens an SOP's block
            continue
        if columns:
            _read_row(grid, r, columns, block_sheet, answers)
    return answers


def _read_row(grid: Grid, r: int, columns: dict[str, int], block_sheet: str | None,
              answers: Answers) -> None:
    def cell(name: str) -> Value | None:
        return grid.get(r, columns[name]) if name in columns else None

    kegiatan = value_to_text(cell("kegiatan"))
    if "kunci" in columns:
        parsed = parse_key(value_to_text(cell("kunci")))
        if parsed is None:
            return
        sheet, part, item = parsed
        part = "" if part == "?" else part
    else:
        # No key column (deleted by hand): the row's "Lembar SOP" or its block's sheet, and its No.
        row_sheet = value_to_text(cell("lembar")) or block_sheet
        n = step_number(value_to_text(cell("no")))
        if row_sheet is None or n is None:
            return
        sheet = row_sheet
        item = str(n)
        part = EVAL_PART if "jawaban" in columns else ""
    if part == EVAL_PART:
        values = {"jawaban": _answer_value(cell("jawaban") if "jawaban" in columns else cell("penilaian")),
                  "catatan": _answer_value(cell("catatan"))}
        if _has_any(values) and item.isdigit():
            answers.evaluations.append(EvalAnswer(sheet, int(item), kegiatan, values))
        return
    values = {name: _answer_value(cell(name)) for name in ANSWER_FIELDS}
    if _has_any(values):
        answers.steps.append(StepAnswer(sheet, part, item, kegiatan, values,
                                        pelaksana=value_to_text(cell("pelaksana"))))


# -- matching answers to the steps of this run ---------------------------------------------

@dataclass(frozen=True)
class Slot:
    """A step row of the new Checklist, waiting for its answers."""

    sheet: str
    section: str
    number: str
    kegiatan: str
    pelaksana: str = ""

    @property
    def key(self) -> str:
        return make_key(self.sheet, self.section, self.number)


def _same_place(a: StepAnswer, s: Slot) -> bool:
    return a.sheet == s.sheet and a.number == s.number and a.section in ("", s.section)


def _identity(sheet: str, kegiatan: str, pelaksana: str) -> tuple[str, str, str]:
    # Kegiatan alone is not enough: one SOP may have "Meneliti, mengoreksi, membubuhkan
    # paraf …" twice, once for each signing official.
    return sheet, text_key(kegiatan), text_key(pelaksana)


def match_steps(slots: Iterable[Slot], answers: Iterable[StepAnswer]
                ) -> tuple[dict[Slot, StepAnswer], list[StepAnswer]]:
    """Pair saved answers with this run's steps; return the pairs and the answers left over.

    1. Steps that read the same (Kegiatan and Pelaksana) in the same sheet: as many
       answers as steps are paired in order, whatever their numbers (renumbered steps,
       identical steps included); otherwise those in the same place first.
    2. Then the same place alone: the step's wording was edited.
    """
    slots = list(slots)
    pool = list(answers)
    used: set[int] = set()
    pairs: dict[Slot, StepAnswer] = {}

    def take(slot: Slot, i: int) -> None:
        pairs[slot] = pool[i]
        used.add(i)

    groups: dict[tuple[str, str, str], tuple[list[Slot], list[int]]] = {}
    for slot in slots:
        groups.setdefault(_identity(slot.sheet, slot.kegiatan, slot.pelaksana), ([], []))[0].append(slot)
    for i, a in enumerate(pool):
        group = groups.get(_identity(a.sheet, a.kegiatan, a.pelaksana))
        if group is not None:
            group[1].append(i)
    for waiting, found in groups.values():
        if not found:
            continue
        if len(waiting) == len(found):
            for slot, i in zip(waiting, found):
                take(slot, i)
            continue
        for slot in waiting:
            pick = next((i for i in found if i not in used and _same_place(pool[i], slot)), None)
            if pick is not None:
                take(slot, pick)
    for slot in slots:
        if slot in pairs:
            continue
        pick = next((i for i, a in enumerate(pool) if i not in used and _same_place(a, slot)), None)
        if pick is not None:
            take(slot, pick)
    return pairs, [a for i, a in enumerate(pool) if i not in used]


def match_evaluations(sheets: Iterable[str], answers: Iterable[EvalAnswer], n_questions: int
                      ) -> tuple[dict[tuple[str, int], EvalAnswer], list[EvalAnswer]]:
    """Evaluation answers by (sheet, question); those of sheets gone are left over."""
    wanted = set(sheets)
    pairs: dict[tuple[str, int], EvalAnswer] = {}
    left: list[EvalAnswer] = []
    for a in answers:
        k = (a.sheet, a.question)
        if a.sheet in wanted and 1 <= a.question <= n_questions and k not in pairs:
            pairs[k] = a
        else:
            left.append(a)
    return pairs, left


def as_dict(answers: Answers) -> dict[str, Any]:
    """Answers as plain data (for tests and for the Excel/LibreOffice buttons' logs)."""
    return {"steps": [{"key": a.key, "kegiatan": a.kegiatan, **a.values} for a in answers.steps],
            "evaluations": [{"key": a.key, **a.values} for a in answers.evaluations]}
