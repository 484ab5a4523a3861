"""Give a kind to markers that only say "this role acts" (√, v, X, ●).

A check mark in the first or last step of a section is its terminator, one in a step
whose Keterangan names branches is a decision, any other is a process. Explicit words
and symbols ("Keputusan", "◇") keep what they say.
"""
from __future__ import annotations

from ..model import SopDocument


def infer_symbols(doc: SopDocument) -> None:
    for sec in doc.sections:
        acting = [s for s in sec.steps if s.markers]
        for i, step in enumerate(acting):
            for m in step.markers:
                if m.symbol != "generic":
                    continue
                if any(b.target for b in step.branches):
                    m.symbol = "decision"
                elif i == 0 or i == len(acting) - 1:
                    m.symbol = "terminator"
                else:
                    m.symbol = "process"
