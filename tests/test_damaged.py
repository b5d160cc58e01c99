"""Damaged text never crashes the extractor and never leaves a graph that breaks the contract:
articles cut off mid-word, with spaces lost, with lines mixed, or reduced to fragments."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kg.build import graph_of
from kg.reader import Meta, parse_article
from kg.validate import validate

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.txt"))


def damaged(text: str) -> list[str]:
    n = len(text)
    return [
        text[: n // 3],  # cut off mid-sentence or mid-word
        text[: (2 * n) // 3 + 1],
        text.replace(", ", ",").replace(" (", "("),  # lost spaces
        "\n".join(reversed(text.splitlines())),  # lines out of order
        text.replace('"', "").replace("“", "").replace("”", ""),  # quotation marks lost
        text[n // 2 :],  # no dateline, no opening
    ]


@pytest.mark.parametrize("path", CORPUS[::3], ids=lambda p: p.stem)
def test_damaged_articles_still_give_a_valid_graph(path: Path) -> None:
    for i, text in enumerate(damaged(path.read_text(encoding="utf-8"))):
        article = parse_article(text, Meta(id=f"{path.stem}-{i}"), str(path))
        gid, g = graph_of(article)
        ds = Dataset()
        target = ds.graph(gid)
        for triple in g:
            target.add(triple)
        report = validate(ds)
        assert report.conforms, f"{path.name} variant {i}: {report.text[:500]}"


def test_a_quotation_cut_off_is_not_completed() -> None:
    text = 'Sekda Kabupaten Garut Ahmad Fauzi membuka bimtek.\n"Kami ingin semua ASN menguasai'
    gid, g = graph_of(parse_article(text, Meta(id="cut"), "cut.txt"))
    assert "menguasai" not in g.serialize(format="nt")
