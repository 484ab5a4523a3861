"""Step numbers as offices write them: 1, "1.", "1.0", " 5 ."."""
from __future__ import annotations

import re
from functools import lru_cache

_NUMBER = re.compile(r"^\s*(\d{1,4})\s*(?:[.,]\s*0*)?\s*\.?\s*\)?\s*$")


@lru_cache(maxsize=4096)  # the parser and the rules ask for the same "1".."25" again and again
def step_number(text: str) -> int | None:
    """The whole number of a step ("5." -> 5), or None for anything else ("5.1", "a")."""
    m = _NUMBER.match(str(text))
    return int(m.group(1)) if m else None
