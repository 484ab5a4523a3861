"""Rules on each step's waktu beyond reading it: durations no step can take.

``durations`` refuses to count a waktu that is not a finite number of minutes or is longer
than one working year (a typo such as "1000 hari", or hundreds of digits); the step is left
out of the totals and reported here, so the total never silently swallows it.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..findings import Hit
from ..model import SopDocument
from . import Context, rule, shown


@rule("waktu-tidak-wajar")
def absurd_waktu(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    for sec in doc.sections:
        if "waktu" not in sec.columns:
            continue
        for step in sec.steps:
            if step.waktu_problem == "tidak-wajar" and not step.waktu_shared:
                yield Hit("waktu-tidak-wajar", step.waktu.cell,
                          {"nomor": shown(step), "teks": _short(step.waktu.value)})


def _short(text: str) -> str:
    # A waktu of hundreds of digits would make the message as long; its head says enough.
    return text if len(text) <= 40 else text[:37] + "…"
