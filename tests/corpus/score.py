"""Print the corpus score table: facts sopxl reads right / facts the source states, per document.

Run from the repository root: ``python tests/corpus/score.py`` (add ``--detail`` to see each
wrong fact with what was expected and what was read; ``--fourth`` scores the documents of
``FOURTH_SLUGS`` instead of ``SLUGS``). The table goes into docs/corpus.md.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import documents  # noqa: E402
from corpus.builder import build  # noqa: E402
from corpus.facts import FACTS, actual, compare, expected  # noqa: E402
from corpus.fourth import fourth_documents  # noqa: E402


def main(argv: list[str]) -> int:
    detail = "--detail" in argv
    total_right = total = 0
    lines = ["| Dokumen | " + " | ".join(FACTS) + " | benar/total |",
             "|---|" + "---|" * len(FACTS) + "---|"]
    notes = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in fourth_documents() if "--fourth" in argv else documents():
            slug = doc.__name__.rsplit(".", 1)[-1]
            path = build(doc.SHEETS, Path(tmp) / f"{slug}.xlsx")
            exp, act = expected(doc.EXPECTED), actual(path)
            marks = compare(exp, act)
            right = sum(marks.values())
            total_right += right
            total += len(marks)
            cells = ["–" if f not in marks else "✓" if marks[f] else "✗" for f in FACTS]
            lines.append(f"| {slug} | " + " | ".join(cells) + f" | {right}/{len(marks)} |")
            for fact, ok in marks.items():
                if not ok:
                    notes.append(f"{slug} {fact}: diharapkan {exp[fact]!r}, terbaca {act.get(fact)!r}")
    lines.append("| **Jumlah** | " + " | ".join("" for _ in FACTS) + f" | **{total_right}/{total}** |")
    print("\n".join(lines))
    if detail:
        print()
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
