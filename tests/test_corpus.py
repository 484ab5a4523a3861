"""Real SOP AP documents, transcribed as offices lay them out, read through the CLI (issue #13).

Each document of ``tests/corpus`` is built into a real .xlsx and read with ``sopxl validate
--json`` and ``sopxl export``; every fact its source states (steps, roles, actor per step,
decisions and their branch labels, total waktu, Nomor, Nama) is its own test. A fact sopxl
reads wrong today fails here: these tests are the measure of the reader, not a description
of it. ``python tests/corpus/score.py`` prints the same comparison as a table.
"""
from __future__ import annotations

import pytest
from corpus import documents
from corpus.builder import build
from corpus.facts import FACTS, actual, expected
from corpus.more import more_documents
from corpus.third import third_documents

DOCS = {doc.__name__.rsplit(".", 1)[-1]: doc for doc in [*documents(), *more_documents(), *third_documents()]}
CASES = [(slug, fact) for slug, doc in DOCS.items() for fact in FACTS
         if expected(doc.EXPECTED).get(fact) is not None]


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


@pytest.mark.parametrize(("slug", "fact"), CASES, ids=[f"{s}-{f}" for s, f in CASES])
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
