"""The vocabularies of one run, compiled once from the configuration for fast lookups."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..durations import DurationReader
from .text import LabelIndex, key


@dataclass
class Vocab:
    identity: LabelIndex
    boxes: LabelIndex
    matrix: LabelIndex
    groups: LabelIndex
    instansi: tuple[str, ...]
    branch_labels: dict[str, str]  # key -> label as written in the vocabulary
    marker_exact: dict[str, str]  # lowercased symbol or word -> kind
    marker_keys: dict[str, str]  # key(word) -> kind
    durations: DurationReader
    roles: dict[str, str]  # key(role) -> role name, from the office's role list
    table_end: LabelIndex | None = None  # what ends a table: jumlah, tanda_tangan, catatan
    waktu_units: LabelIndex | None = None  # "Satuan": the unit column beside a waktu column
    # What a cell's text means to one lookup, by lookup name: a batch of workbooks from one
    # template asks the same question of the same texts sheet after sheet. Shared by the
    # copies ``vocab_for`` makes (only the roles differ), as none of the answers uses roles.
    memo: dict[str, dict[Any, Any]] = field(default_factory=dict, repr=False, compare=False)
    # marker_kind's answers (asked of every role cell that holds a marker), shared the same way.
    kinds: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def remembered(self, lookup: str) -> dict[Any, Any]:
        """The cache of one lookup, a text (or a key made from it) -> the answer (see
        ``memo``); callers store at most ``MEMO_MAX`` answers in it."""
        table = self.memo.get(lookup)
        if table is None:
            table = self.memo[lookup] = {}
        return table

    def marker_kind(self, text: str) -> str:
        """The kind a typed marker names: terminator, process, decision, offpage, generic,
        arrow, or "unknown" when the vocabulary does not know it."""
        kind = self.kinds.get(text)
        if kind is None:
            kind = self._marker_kind(text)
            if len(self.kinds) < MEMO_MAX:
                self.kinds[text] = kind
        return kind

    def _marker_kind(self, text: str) -> str:
        t = text.strip()
        if not t:
            return "arrow"
        kind = self.marker_exact.get(t.lower())
        if kind:
            return kind
        k = key(t)
        if k in self.marker_keys:
            return self.marker_keys[k]
        for word_key, kind in self.marker_keys.items():
            # "Mulai (kapsul)", "Proses/kotak": the word leads, a note follows.
            if len(word_key) >= 4 and k.startswith(word_key):
                return kind
        if all(not ch.isalnum() for ch in t):
            # Only symbols, none known one by one: treat a row of known symbols as its first.
            for ch in t:
                if ch.lower() in self.marker_exact:
                    return self.marker_exact[ch.lower()]
        return "unknown"


MEMO_MAX = 50_000  # answers kept per lookup: a batch's distinct label texts, with room to spare
_WAKTU_UNIT = re.compile(r"(menit|mnt|jam|hari|minggu|bulan)")
_UNIT_SHORT = {"mnt": "menit"}  # "Waktu (mnt)": the short form offices write in a narrow column


def waktu_unit(header_text: str) -> str | None:
    """"Waktu (dalam menit)" -> "menit"; a plain "Waktu" -> None."""
    inside = re.findall(r"\(([^)]*)\)", header_text.lower())
    for part in inside:
        m = _WAKTU_UNIT.search(part)
        if m:
            return _UNIT_SHORT.get(m.group(1), m.group(1))
    return None


def build_vocab(cfg: Config) -> Vocab:
    labels = cfg.labels
    exact: dict[str, str] = {}
    keys: dict[str, str] = {}
    for kind, words in cfg.markers.items():
        for w in words:
            exact.setdefault(w.strip().lower(), kind)
            if any(ch.isalpha() for ch in w) and len(w.strip()) > 1:
                keys.setdefault(key(w), kind)
    return Vocab(
        identity=LabelIndex(labels["identity"]),
        boxes=LabelIndex(labels["boxes"]),
        matrix=LabelIndex(labels["matrix"], prefix=True),
        groups=LabelIndex(labels["groups"], prefix=True),
        instansi=tuple(key(p) for p in labels.get("instansi_prefixes", [])),
        branch_labels={key(b): b for b in labels.get("branch_labels", [])},
        marker_exact=exact,
        marker_keys=keys,
        durations=DurationReader(cfg.units, cfg.calendar),
        roles={key(r): r for r in cfg.roles},
        table_end=LabelIndex(labels.get("table_end", {})),
        waktu_units=LabelIndex({"satuan": labels.get("waktu_unit_labels", [])}),
    )
