"""Keterkaitan: the related SOPs a box names, and which SOP of the register each one is."""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict

_EMPTY_REFS = {"", "-", "--", "—", "–", "tidak ada", "n/a", "na", "nihil", "tidak", "belum ada", "0"}
_SEPARATORS = re.compile(r"[;\n\r]+")
# Inline list markers, as they stay after the parser folds a box onto one line:
# "1. SOP A 2. SOP B", "a) SOP A b) SOP B", "- SOP A - SOP B", "• SOP A".
_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-•·▪●*])(?=\s)")
_BEFORE_SOP = re.compile(r"\s*(?:,|\bdan\b|\bserta\b|&)\s*(?=\bSOP\b)", re.I)


def split_references(text: str) -> list[str]:
    """The related SOPs a Keterkaitan box names, one text each ([] for "-" or "Tidak ada")."""
    items: list[str] = []
    for piece in _SEPARATORS.split(text or ""):
        for part in _MARKER.split(piece):
            for item in _BEFORE_SOP.split(part):
                item = item.strip(" \t,.;:")
                item = re.sub(r"^(?:dan|serta)\s+", "", item, flags=re.I).strip()
                if item.casefold() not in _EMPTY_REFS and any(ch.isalnum() for ch in item):
                    items.append(" ".join(item.split()))
    return items


_NOISE_PREFIX = re.compile(
    r"^(?:(?:standa?r(?:d)?\s+operasional\s+prosedur|sop\s+ap|sop|s\s+o\s+p|prosedur|ap|"
    r"administrasi\s+pemerintahan|nomor|no|tentang)\s+)+")
_STOP_TOKENS = {"dan", "di", "ke", "dari", "untuk", "yang", "pada", "serta", "atau", "tentang"}


def _words(text: str) -> list[str]:
    t = unicodedata.normalize("NFKC", text).casefold().replace("&", " dan ")
    t = re.sub(r"[^\w]+|_", " ", t)
    t = _NOISE_PREFIX.sub("", " ".join(t.split()) + " ").strip()
    return t.split()


def _nomor_key(text: str) -> str:
    k = "".join(unicodedata.normalize("NFKC", text).casefold().split())
    return k if any(map(str.isdigit, k)) else ""  # "-" or "…" is no number


def _nama_key(text: str) -> str:
    return " ".join(_words(text))


def _tokens_match(a: list[str], b: list[str]) -> bool:
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
                     and difflib.SequenceMatcher(None, t, u).ratio() >= 0.88), None)
        if near is not None:
            right.remove(near)
            left.remove(t)
    extra = left + right
    return len(extra) == 0 or (len(extra) == 1 and len(extra[0]) <= 4 and len(a) >= 2 and len(b) >= 2)


class _Index:
    """The register's SOPs by Nomor and by Nama, for resolving Keterkaitan references."""

    def __init__(self, nomors: list[str], namas: list[str]):
        self.by_nomor: dict[str, int] = {}
        self.nomor_by_digits: dict[str, list[str]] = defaultdict(list)
        for i, n in enumerate(nomors):
            k = _nomor_key(n)
            if k and k not in self.by_nomor:
                self.by_nomor[k] = i
                digits = max(re.findall(r"\d+", k), key=len)
                self.nomor_by_digits[digits].append(k)
        self.words = [_words(n) for n in namas]
        self.by_nama: dict[str, int] = {}
        self.by_token: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(self.words):
            if w:
                self.by_nama.setdefault(" ".join(w), i)
                for t in set(w) - _STOP_TOKENS:
                    self.by_token[t].append(i)

    def resolve(self, item: str, self_row: int) -> tuple[int, str] | None:
        """(row, "nomor" | "nama" | "nama-mirip") of the SOP ``item`` names, or None."""
        ikey = _nomor_key(item)
        if ikey:
            best = ""
            for d in set(re.findall(r"\d+", ikey)):
                for k in self.nomor_by_digits.get(d, ()):
                    if len(k) > len(best) and k in ikey:
                        best = k
            if best:
                return self.by_nomor[best], "nomor"
        words = _words(item)
        if not words:
            return None
        exact = self.by_nama.get(" ".join(words))
        if exact is not None:
            return exact, "nama"
        # Fuzzy: a typo leaves the other words exact, so candidates are the SOPs holding the
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
        for row in sorted(cands):
            other = self.words[row]
            if row != self_row and abs(len(other) - n) <= 1 and _tokens_match(words, other):
                return row, "nama-mirip"
        return None


