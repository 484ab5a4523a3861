"""Real SOP AP documents, transcribed as offices lay them out, read through the CLI (issue #13).

Each document of ``tests/corpus`` is built into a real .xlsx and read with ``sopxl validate
--json`` and ``sopxl export``; every fact its source states (steps, roles, actor per step,
decisions and their branch labels, total waktu, Nomor, Nama) is its own test. A fact sopxl
reads wrong today fails here: these tests are the measure of the reader, not a description
of it. A fact listed in ``KNOWN_GAPS`` (corpus/fourth.py) is a strict expected failure: known
wrong, with the reason, and an unexpected pass once fixed. ``python tests/corpus/score.py``
prints the same comparison as a table.
"""
from __future__ import annotations

import pytest
from corpus import documents
from corpus.builder import build
from corpus.facts import FACTS, actual, expected
from corpus.fourth import KNOWN_GAPS, fourth_documents
from corpus.more import more_documents
from corpus.third import third_documents

DOCS = {
    doc.__name__.rsplit(".", 1)[-1]: doc
    for doc in [*documents(), *more_documents(), *third_documents(), *fourth_documents()]
}
CASES = [(slug, fact) for slug, doc in DOCS.items() for fact in FACTS
         if expected(doc.EXPECTED).get(fact) is not None]


def _case(slug: str, fact: str):
    """A fact named in KNOWN_GAPS is a strict xfail: known wrong today, and a fix must say so."""
    why = KNOWN_GAPS.get(slug, {}).get(fact)
    marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
    return pytest.param(slug, fact, id=f"{slug}-{fact}", marks=marks)


@pytest.fixture(scope="module")
def read_back(tmp_path_factory):
    """slug -> facts as sopxl reads them, each workbook built and read once."""
    cache: dict[str, dict] = {}

    def get(slug: str) -> dict:
        if slug not in cache:
            path = build(DOCS[slug].SHEETS, tmp_path_factory.mktemp("corpus") / f"{slug}.xlsx")
            cache[slug] = actual(path)
        return cache[slug]

    return get


@pytest.mark.parametrize(("slug", "fact"), [_case(s, f) for s, f in CASES])
def test_fact(read_back, slug, fact):
    want = expected(DOCS[slug].EXPECTED)[fact]
    got = read_back(slug)[fact]
    assert got == want, f"{slug}: {fact} read as {got!r}, the source says {want!r}"


def test_corpus_names_its_sources():
    """At least 12 documents, each opening with its source, from more than one office."""
    assert len(DOCS) >= 12
    for slug, doc in DOCS.items():
        assert doc.__doc__ and "Source:" in doc.__doc__, slug
    assert len({slug.split("_")[0] for slug in DOCS}) > 1


def test_known_gaps_name_checked_facts():
    """Every KNOWN_GAPS entry is a fact its document states, so no xfail hides a typo."""
    for slug, gaps in KNOWN_GAPS.items():
        assert slug in DOCS, slug
        for fact in gaps:
            assert (slug, fact) in CASES, (slug, fact)
