"""Print the score table of the additional documents (``MORE_SLUGS``), as score.py does for ``SLUGS``.

Run from the repository root: ``python tests/corpus/score_more.py`` (``--detail`` lists each
wrong fact with what was expected and what was read).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus.builder import build  # noqa: E402
from corpus.facts import FACTS, actual, compare, expected  # noqa: E402
from corpus.more import more_documents  # noqa: E402


def main(argv: list[str]) -> int:
    lines = ["| Dokumen | " + " | ".join(FACTS) + " | benar/total |", "|---|" + "---|" * len(FACTS) + "---|"]
    notes, total_right, total = [], 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for doc in more_documents():
            slug = doc.__name__.rsplit(".", 1)[-1]
            exp, act = expected(doc.EXPECTED), actual(build(doc.SHEETS, Path(tmp) / f"{slug}.xlsx"))
            marks = compare(exp, act)
            total_right, total = total_right + sum(marks.values()), total + len(marks)
            cells = ["–" if f not in marks else "✓" if marks[f] else "✗" for f in FACTS]
            lines.append(f"| {slug} | " + " | ".join(cells) + f" | {sum(marks.values())}/{len(marks)} |")
            notes += [
                f"{slug} {f}: diharapkan {exp[f]!r}, terbaca {act.get(f)!r}"
                for f, ok in marks.items()
                if not ok
            ]
    lines.append("| **Jumlah** | " + " | ".join("" for _ in FACTS) + f" | **{total_right}/{total}** |")
    print("\n".join(lines))
    if "--detail" in argv:
        print("\n" + "\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
