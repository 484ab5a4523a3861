"""Text keys for matching what people type against the vocabularies.

"PERSYARATAN&PE RLENGKAPAN", "Persyaratan & Perlengkapan" and "persyaratan dan
perlengkapan" must all find the same column, so labels are compared as *keys*: lower
case, "&" read as "dan", "tgl" as "tanggal", everything but letters and digits dropped.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_TGL = re.compile(r"\btgl\b\.?")


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    t = unicodedata.normalize("NFKC", str(text)).lower().replace("&", " dan ")
    t = _TGL.sub("tanggal", t)
    return _NON_ALNUM.sub("", t)


# The parser tidies every cell it keeps (some 500 a workbook), and a batch of workbooks made
# from one template repeats most of them; typed, so 1 and 1.0 (shown "1" and "1.0") stay apart.
@lru_cache(maxsize=8192, typed=True)
def tidy(text: str) -> str:
    """One line, single spaces: how a value is shown back to the user."""
    return " ".join(str(text).split())


def alias_index(groups: dict[str, list[str]]) -> dict[str, str]:
    """{"field": ["Alias", …]} -> {key(alias): field}; the first group to claim a key keeps it."""
    out: dict[str, str] = {}
    for name, aliases in groups.items():
        for alias in [name.replace("_", " "), *aliases]:
            out.setdefault(key(alias), name)
    return out


_WORD_SPLIT = re.compile(r"[^0-9a-z]+")
# Typo tolerance only on long words: "Pelaksna" is "Pelaksana", but "No" is never "Ke".
_FUZZY_MIN = 5


# Each label index (identity, matrix, groups, …) asks for the words of a text it does not know:
# made once per text, not once per index.
@lru_cache(maxsize=8192, typed=True)
def words(text: str) -> tuple[str, ...]:
    """The words of a label as keys compare them ("Tgl. Disahkan" -> ("tanggal", "disahkan"))."""
    t = unicodedata.normalize("NFKC", str(text)).lower().replace("&", " dan ")
    t = _TGL.sub("tanggal", t)
    return tuple(w for w in _WORD_SPLIT.split(t) if w)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def near(a: str, b: str) -> bool:
    """One typo apart (a letter changed, added, dropped or two swapped), both words long."""
    if a == b:
        return True
    if len(a) < _FUZZY_MIN or len(b) < _FUZZY_MIN or abs(len(a) - len(b)) > 1:
        return False
    da, db = _deletions(a), _deletions(b)
    return a in db or b in da or bool(da & db)


class LabelIndex(dict):
    """{key(alias): field} that also finds a label written with one typo per long word.

    Exact keys first (fast, and "PERSYARATAN&PE RLENGKAPAN" is caught by its key); then the
    label's words are compared one by one with each alias's, so "Pelaksna" or "Kegiatn" still
    find their field while short words must match exactly. With ``prefix``, a label that goes
    on after an alias still names its field ("Kegiatan Pelayanan", "Output/Hasil Kerja").
    """

    def __init__(self, groups: dict[str, list[str]], prefix: bool = False):
        super().__init__(alias_index(groups))
        self._prefix = prefix
        self._words: list[tuple[tuple[str, ...], str]] = []
        # Every long alias word and each of its one-letter deletions -> the alias words: a
        # typo is then a few dictionary lookups, not a comparison with every alias.
        self._near: dict[str, set[str]] = {}
        for name, aliases in groups.items():
            for alias in [name.replace("_", " "), *aliases]:
                ws = words(alias)
                self._words.append((ws, name))
                for w in ws:
                    if len(w) >= _FUZZY_MIN:
                        for k in (w, *_deletions(w)):
                            self._near.setdefault(k, set()).add(w)
        self._found: dict[str, str | None] = {}  # the same labels come back sheet after sheet

    def find(self, text: str) -> str | None:
        hit = self._found.get(text, self)
        if hit is not self:
            return hit  # type: ignore[return-value]
        found = self._find(text)
        if len(self._found) < 50_000:
            self._found[text] = found
        return found

    def _find(self, text: str) -> str | None:
        found = self.get(key(text))
        if found is not None:
            return found
        ws = words(text)
        if not ws or len(ws) > 5 or not any(len(w) >= _FUZZY_MIN for w in ws):
            return None
        ok = [self._close(w) for w in ws]
        found = self._match(ok)
        if found is None and self._prefix:
            for n in range(len(ws) - 1, 0, -1):
                if any(len(w) >= _FUZZY_MIN for w in ws[:n]):
                    found = self._match(ok[:n])
                    if found is not None:
                        break
        return found

    def _close(self, w: str) -> set[str]:
        """The alias words one typo from ``w`` (and ``w`` itself)."""
        out = {w}
        if len(w) >= _FUZZY_MIN:
            for k in (w, *_deletions(w)):
                out |= {a for a in self._near.get(k, ()) if near(a, w)}
        return out

    def _match(self, ok: list[set[str]]) -> str | None:
        for alias_words, name in self._words:
            if len(alias_words) == len(ok) and all(a in s for a, s in zip(alias_words, ok)):
                return name
        return None
