"""Keterkaitan: the related SOPs a box names, and which SOP of the register each one is."""
from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Callable


@cache
def _similarity_function() -> Callable[[str, str], float]:
    # Imported on first use, so that `import sopxl.merge` works without the optional library
    # (the command says which extra to install before it starts, see runtime.py).
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity


def _similarity(a: str, b: str) -> float:
    """Two words' likeness, 0..1: 1 - Indel distance / total length, as difflib's ratio but
    exact (difflib's is a heuristic) and in C."""
    return _similarity_function()(a, b)

_EMPTY_REFS = {"", "-", "--", "—", "–", "tidak ada", "n/a", "na", "nihil", "tidak", "belum ada", "0"}
_SEPARATORS = re.compile(r"[;\n\r]+")
# Inline list markers, as they stay after the parser folds a box onto one line:
# "1. SOP A 2. SOP B", "a) SOP A b) SOP B", "- SOP A - SOP B", "• SOP A".
_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-•·▪●*])(?=\s)")
_LEADING_AND = re.compile(r"^(?:dan|serta)\s+", re.I)
_BEFORE_SOP = re.compile(r"\s*(?:,|\bdan\b|\bserta\b|&)\s*(?=\bSOP\b)", re.I)


def _may_join(low: str) -> bool:
    """Whether an ASCII part (lower case) may hold two SOPs joined by "," "dan" "serta" "&":
    only where "sop" stands after something, not where it only opens the part, and only
    where one of those joining words is there at all (the pattern matches nothing else)."""
    if not ("," in low or "&" in low or "dan" in low or "serta" in low):
        return False
    at = low.find("sop")
    return at >= 0 and (bool(low[:at].strip()) or low.find("sop", at + 3) >= 0)


def split_references(text: str) -> list[str]:
    """The related SOPs a Keterkaitan box names, one text each ([] for "-" or "Tidak ada")."""
    items: list[str] = []
    text = text or ""
    # Most boxes are one line: no separator to split at.
    pieces = _SEPARATORS.split(text) if ";" in text or "\n" in text or "\r" in text else (text,)
    for piece in pieces:
        for part in _MARKER.split(piece):
            # Most parts name one SOP with no "SOP" inside to split before (regex case
            # folding matches a few non-ASCII letters too: only ASCII takes the short cut).
            ascii_ = part.isascii()
            for item in (_BEFORE_SOP.split(part) if not ascii_ or _may_join(part.lower()) else (part,)):
                item = item.strip(" \t,.;:")
                if not ascii_ or item[:5].lower().startswith(("dan", "serta")):
                    item = _LEADING_AND.sub("", item)
                item = item.strip()
                if item.casefold() in _EMPTY_REFS:
                    continue
                # (The first character tells for nearly every item: no loop over the rest.)
                if item[:1].isalnum() or any(ch.isalnum() for ch in item):
                    items.append(" ".join(item.split()))
    return items


_NOISE_PREFIX = re.compile(
    r"^(?:(?:standa?r(?:d)?\s+operasional\s+prosedur|sop\s+ap|sop|s\s+o\s+p|prosedur|ap|"
    r"administrasi\s+pemerintahan|nomor|no|tentang)\s+)+")
_STOP_TOKENS = {"dan", "di", "ke", "dari", "untuk", "yang", "pada", "serta", "atau", "tentang"}


_NON_WORD = re.compile(r"[^\w]+|_")
_DIGITS = re.compile(r"\d+")


def _nfkc(text: str) -> str:
    # ASCII is its own NFKC form: most references are, and the check is far cheaper.
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


_WORD = re.compile(r"[^\W_]+")  # what _NON_WORD leaves between the spaces it puts
# _NOISE_PREFIX as words, in the pattern's order: each run of words it drops, by its first word
# (the pattern's alternatives each end in a space, so they match whole words only).
_NOISE_RUNS: dict[str, list[tuple[str, ...]]] = {}
for _run in (("standar", "operasional", "prosedur"), ("standr", "operasional", "prosedur"),
             ("standard", "operasional", "prosedur"), ("standrd", "operasional", "prosedur"),
             ("sop", "ap"), ("sop",), ("s", "o", "p"), ("prosedur",), ("ap",),
             ("administrasi", "pemerintahan"), ("nomor",), ("no",), ("tentang",)):
    _NOISE_RUNS.setdefault(_run[0], []).append(_run)


def _words(text: str) -> tuple[str, ...]:
    """The words of a name (folded), the noise before it dropped ("SOP Nomor …", "Standar
    Operasional Prosedur …"): ``_NOISE_PREFIX`` applied to the words joined by spaces, done
    on the list (a name is looked up tens of thousands of times in a national register)."""
    # Interned: a national register's names share their words, and every name's words are
    # held at once while the Keterkaitan are resolved.
    words = tuple(map(sys.intern, _WORD.findall(_nfkc(text).casefold().replace("&", " dan "))))
    start = 0
    while start < len(words):
        runs = _NOISE_RUNS.get(words[start])
        if runs is None:
            break
        for run in runs:  # the first that fits, as the pattern's alternation takes it
            if tuple(words[start:start + len(run)]) == run:
                start += len(run)
                break
        else:
            break
    return words[start:] if start else words


def _nomor_key(text: str) -> str:
    k = "".join(_nfkc(text).casefold().split())
    return k if any(map(str.isdigit, k)) else ""  # "-" or "…" is no number


def _nama_key(text: str) -> str:
    return " ".join(_words(text))


def _tokens_match(a: Sequence[str], b: Sequence[str]) -> bool:
    """Same name up to typos: the same numbers, every word paired with an equal word or a
    near one (5+ letters, 88 % alike), and at most one short extra word (an acronym)."""
    if [t for t in a if t.isdigit()] != [t for t in b if t.isdigit()]:
        return False
    a = [t for t in a if t not in _STOP_TOKENS]
    b = [t for t in b if t not in _STOP_TOKENS]
    left, right = list(a), list(b)
    for t in a:
        if t in right:
            right.remove(t)
            left.remove(t)
    for t in list(left):
        near = next((u for u in right if len(t) >= 5 and len(u) >= 5
                     and _similarity(t, u) >= 0.88), None)
        if near is not None:
            right.remove(near)
            left.remove(t)
    extra = left + right
    return len(extra) == 0 or (len(extra) == 1 and len(extra[0]) <= 4 and len(a) >= 2 and len(b) >= 2)


def _digit_groups(key: str) -> tuple[str, ...]:
    return tuple(map(sys.intern, _DIGITS.findall(key)))  # "065", "417": shared by thousands


class _Index:
    """The register's SOPs by Nomor and by Nama, for resolving Keterkaitan references.

    Near-linear in the number of SOPs: Nomors are found by their digit groups, names by
    exact text, and the fuzzy pass looks only at the *distinct* names that share the
    reference's rarest word. Many offices publish SOPs of one name ("Pengelolaan Surat
    Masuk"): each distinct name is compared once, and each distinct reference resolved
    once, however many SOPs carry it.
    """

    def __init__(self, nomors: list[str], namas: list[str]):
        self._build([_nomor_key(n) for n in nomors], [_words(n) for n in namas])

    @classmethod
    def of_keys(cls, nomor_keys: list[str], name_words: Sequence[Sequence[str]],
                name_keys: list[str] | None = None) -> _Index:
        """The index from each SOP's ``_nomor_key`` and ``_words`` of its name (and those
        words joined, ``_nama_key``), when the caller has them already (the register finds
        duplicates by the same keys)."""
        index = cls.__new__(cls)
        index._build(nomor_keys, name_words, name_keys)
        return index

    def _build(self, nomor_keys: list[str], name_words: Sequence[Sequence[str]],
               name_keys: list[str] | None = None) -> None:
        self.by_nomor: dict[str, int] = {}
        # a Nomor key by the run of digit groups it holds ("065/sop/417.112/01" -> 065,417,112,01)
        self.nomor_by_groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for i, k in enumerate(nomor_keys):
            if k and k not in self.by_nomor:
                self.by_nomor[k] = i
                self.nomor_by_groups[_digit_groups(k)].append(k)
        self.nomor_starts = {groups[0] for groups in self.nomor_by_groups}
        self.names: list[Sequence[str]] = []  # distinct names (as words), in order of first SOP
        self.numbers: list[tuple[str, ...]] = []  # the number words of each distinct name
        self.rows: list[list[int]] = []  # the SOP rows of each distinct name, ascending
        self.by_nama: dict[str, int] = {}  # name text -> distinct name id
        self.by_token: dict[str, list[int]] = defaultdict(list)  # word -> distinct name ids
        for i, words in enumerate(name_words):
            w = words  # interned by _words: a national register's names share their words
            if not w:
                continue
            text = name_keys[i] if name_keys is not None else " ".join(w)
            nid = self.by_nama.get(text)
            if nid is None:
                nid = self.by_nama[text] = len(self.names)
                self.names.append(w)
                self.numbers.append(tuple(t for t in w if t.isdigit()) if any(map(str.isdigit, w)) else ())
                self.rows.append([])
                for t in set(w) - _STOP_TOKENS:
                    self.by_token[t].append(nid)
            self.rows[nid].append(i)
        self._memo: dict[str, tuple[str, list[int]] | None] = {}

    def resolve(self, item: str, self_row: int) -> tuple[int, str] | None:
        """(row, "nomor" | "nama" | "nama-mirip") of the SOP ``item`` names, or None."""
        if item in self._memo:
            found = self._memo[item]
        else:
            if len(self._memo) >= 4096:
                self._memo.clear()  # bounded: most repeats are near each other (one office's SOPs)
            found = self._memo[item] = self._find(item)
        if found is None:
            return None
        how, ids = found
        if how == "nomor":
            return ids[0], how
        if how == "nama":
            return self.rows[ids[0]][0], how
        # A similar name: the first SOP (in register order) bearing one, never the SOP itself.
        best = None
        for nid in ids:
            rows = self.rows[nid]
            row = rows[0] if rows[0] != self_row else (rows[1] if len(rows) > 1 else None)
            if row is not None and (best is None or row < best):
                best = row
        return None if best is None else (best, "nama-mirip")

    def _find(self, item: str) -> tuple[str, list[int]] | None:
        ikey = _nomor_key(item)
        if ikey:
            groups = _digit_groups(ikey)
            best = ""
            starts = self.nomor_starts
            for i in range(len(groups)):
                if groups[i] not in starts:
                    continue  # no Nomor's digits begin with this group
                for j in range(i + 1, len(groups) + 1):
                    for k in self.nomor_by_groups.get(groups[i:j], ()):
                        if len(k) > len(best) and k in ikey:
                            best = k
            if best:
                return "nomor", [self.by_nomor[best]]
        words = _words(item)
        if not words:
            return None
        exact = self.by_nama.get(" ".join(words))
        if exact is not None:
            return "nama", [exact]
        # Fuzzy: a typo leaves the other words exact, so candidates are the names holding the
        # item's rarest indexed word (narrowed by the next rarest while there are many).
        if any(t.isdigit() and t not in self.by_token for t in words):
            return None  # a number no SOP name has: no fuzzy match can pair it
        postings = sorted((self.by_token[t] for t in set(words) - _STOP_TOKENS if t in self.by_token),
                          key=len)
        if not postings:
            return None
        cands = set(postings[0])
        for more in postings[1:]:
            if len(cands) <= 64:
                break
            cands &= set(more)
        n = len(words)
        # _tokens_match's first test, numbers equal, made here from the name's numbers kept:
        # most candidates differ there (another SOP of the same series).
        numbers = tuple(t for t in words if t.isdigit())
        hits = [nid for nid in sorted(cands)
                if abs(len(self.names[nid]) - n) <= 1 and self.numbers[nid] == numbers
                and _tokens_match(words, self.names[nid])]
        return ("nama-mirip", hits) if hits else None
