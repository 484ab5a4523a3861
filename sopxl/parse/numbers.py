"""Step numbers as offices write them: 1, "1.", "1.0", " 5 .".

The reading lives in ``sopxl.model`` (a step knows its own number); the parser, the rules and
the report import it from here as well.
"""
from __future__ import annotations

from ..model import step_number

__all__ = ["step_number"]
