"""Domain rules: small generators that yield ``Hit``s, registered with the codes they emit.

A rule sees one parsed SOP document and the run's context; it never formats a message
(the catalogue does) and never decides a severity (the configuration does).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Callable

from ..config import Config
from ..findings import Hit, declare_rule
from ..model import SopDocument, Step
from ..parse.numbers import step_number
from ..parse.vocab import Vocab


@dataclass
class Context:
    cfg: Config
    vocab: Vocab


RuleFunc = Callable[[SopDocument, Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    func: RuleFunc
    codes: tuple[str, ...]


REGISTRY: list[Rule] = []


def rule(*codes: str) -> Callable[[RuleFunc], RuleFunc]:
    def register(func: RuleFunc) -> RuleFunc:
        declare_rule(func.__module__, codes)
        REGISTRY.append(Rule(func, codes))
        return func
    return register


def run_rules(doc: SopDocument, ctx: Context) -> Iterator[Hit]:
    if not _LOADED:
        _load()
    for r in REGISTRY:
        for hit in r.func(doc, ctx):
            if hit.code not in r.codes:
                raise RuntimeError(f"{r.func.__name__} emitted undeclared code {hit.code}")
            yield hit


def shown(step: Step) -> str:
    """A step's number as a message shows it: "5." reads "5"."""
    n = step_number(step.number.value)
    return str(n) if n is not None else step.number.value


_LOADED: list[bool] = []  # non-empty once the rule modules are imported (once per process)


def _load() -> None:
    from . import flow, identity, matrix, steps, waktu  # noqa: F401  (importing registers the rules)
    _LOADED.append(True)
