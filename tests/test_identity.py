"""Identity across articles: short names merge only when exactly one full name fits and the
context (post, organization, region) is shared; memberships keep each article's date."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import ORG, RDF, SDO, SKOS, TIME, XSD

from conftest import DATA
from kg.build import build_dataset, build_store
from kg.graphio import union_graph
from kg.identity import Index, PersonRef, lexical, memberships, rewrite
from kg.store import Store

MULTI = DATA / "multi"
ID = "https://w3id.org/kapasitas/id/"
SEKDA_JABAR = f"<{ID}post/sekretaris-daerah-provinsi-jawa-barat>"
GARUT, BOGOR = f"<{ID}region/id-32.05>", f"<{ID}region/id-32.01>"


def ref(graph: str, slug: str, name: str, *context: str) -> PersonRef:
    return PersonRef(f"<{ID}graph/{graph}>", f"<{ID}person/{slug}>", f'"{name}"', frozenset(context))


@pytest.mark.parametrize("people, expected", [
    # the one full name that fits, same post: merged
    ([ref("a", "setiawan-wangsaatmaja", "Setiawan Wangsaatmaja", SEKDA_JABAR),
      ref("b", "setiawan", "Setiawan", SEKDA_JABAR)],
     {"b": ("setiawan", "setiawan-wangsaatmaja")}),
    # same short name, different region: not merged
    ([ref("a", "budi-santoso", "Budi Santoso", GARUT), ref("b", "budi", "Budi", BOGOR)], {}),
    # two full names fit: ambiguous, not merged even though one shares the region
    ([ref("a", "budi-santoso", "Budi Santoso", GARUT), ref("c", "budi-hartono", "Budi Hartono", BOGOR),
      ref("b", "budi", "Budi", BOGOR)], {}),
    # a full name only in the short name's own article is not a cross-article match
    ([ref("b", "setiawan-wangsaatmaja", "Setiawan Wangsaatmaja", SEKDA_JABAR),
      ref("b", "setiawan", "Setiawan", SEKDA_JABAR)], {}),
    # no shared context at all: not merged
    ([ref("a", "herman-suryatman", "Herman Suryatman", GARUT), ref("b", "herman", "Herman")], {}),
    # two words are a full name of their own: 'Sri Handayani' (DPMK Bantul) is not
    # 'Sri Wahyuni Handayani' (BKPSDM Kota Yogyakarta), even in one province
    ([ref("a", "sri-wahyuni-handayani", "Sri Wahyuni Handayani", f"<{ID}region/id-34>"),
      ref("b", "sri-handayani", "Sri Handayani", f"<{ID}region/id-34>")], {}),
    # word order and case do not matter; the full name has more words
    ([ref("a", "dedi-supandi", "Dedi Supandi", GARUT), ref("b", "supandi", "SUPANDI", GARUT)],
     {"b": ("supandi", "dedi-supandi")}),
])
def test_short_names_resolve_only_to_one_fitting_full_name_in_context(
        people: list[PersonRef], expected: dict[str, tuple[str, str]]) -> None:
    index = Index()
    for graph in sorted({p.graph for p in people}):
        index.add(graph, [p for p in people if p.graph == graph])
    found = {graph.rsplit("/", 1)[-1].rstrip(">"): {old: new for old, (new, _) in mapping.items()}
             for graph, mapping in index.resolve().items()}
    want = {g: {f"<{ID}person/{old}>": f"<{ID}person/{new}>"} for g, (old, new) in expected.items()}
    assert found == want


def test_rewrite_keeps_one_name_and_the_short_form_as_alt_label() -> None:
    old, new = f"<{ID}person/setiawan>", f"<{ID}person/setiawan-wangsaatmaja>"
    triples = [(old, f"<{SDO.name}>", '"Setiawan"'), (old, f"<{ORG.holds}>", SEKDA_JABAR)]
    out = rewrite(triples, {old: (new, '"Setiawan Wangsaatmaja"')})
    assert sorted(out) == sorted([(new, f"<{SDO.name}>", '"Setiawan Wangsaatmaja"'),
                                  (new, f"<{SKOS.altLabel}>", '"Setiawan"'), (new, f"<{ORG.holds}>", SEKDA_JABAR)])


def test_dataset_build_merges_setiawan_but_not_budi() -> None:
    ds, report = build_dataset([MULTI], workers=1)
    short = ds.graph(URIRef(f"{ID}graph/jabar-spbe-2023"))
    full = URIRef(f"{ID}person/setiawan-wangsaatmaja")
    assert (URIRef(f"{ID}person/setiawan"), None, None) not in short
    assert list(short.objects(full, SDO.name)) == [Literal("Setiawan Wangsaatmaja")]
    assert Literal("Setiawan") in set(short.objects(full, SKOS.altLabel))
    assert (full, ORG.holds, URIRef(SEKDA_JABAR.strip("<>"))) in short
    bogor = ds.graph(URIRef(f"{ID}graph/bogor-bimtek-2023"))
    assert list(bogor.objects(URIRef(f"{ID}person/budi"), SDO.name)) == [Literal("Budi")]
    assert report.merged == [f"{ID}graph/jabar-spbe-2023: {ID}person/setiawan -> {ID}person/setiawan-wangsaatmaja"]


def test_store_merges_a_short_name_met_before_its_full_name(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store([MULTI / "jabar-spbe-2023.txt"], store, workers=1)
    report = build_store([MULTI / "jabar-digital-2023.txt"], store, workers=1)
    assert len(report.merged) == 1
    graph = Store.open(store).graph_of(f"{ID}graph/jabar-spbe-2023")
    assert (f"<{ID}person/setiawan-wangsaatmaja>", f"<{SDO.name}>", '"Setiawan Wangsaatmaja"') in graph
    assert not any(s == f"<{ID}person/setiawan>" for s, _, _ in graph)


def test_membership_per_held_post_dated_by_each_article() -> None:
    ds = union_graph(build_dataset([MULTI / "jabar-digital-2023.txt", MULTI / "jabar-spbe-2023.txt"], workers=1)[0])
    person = URIRef(f"{ID}person/setiawan-wangsaatmaja")
    found = set()
    for m in ds.subjects(ORG.member, person):
        assert (m, RDF.type, ORG.Membership) in ds
        assert (m, ORG.organization, URIRef(f"{ID}org/pemerintah-provinsi-jawa-barat")) in ds
        assert (m, ORG.role, URIRef(f"{ID}role/sekretaris-daerah")) in ds
        for interval in ds.objects(m, ORG.memberDuring):
            assert (interval, RDF.type, TIME.Interval) in ds
            for instant in ds.objects(interval, TIME.inside):
                found.update(ds.objects(instant, TIME.inXSDDate))
    assert found == {Literal("2023-05-30", datatype=XSD.date), Literal("2023-10-12", datatype=XSD.date)}


def test_memberships_are_recomputed_not_duplicated() -> None:
    person, post = f"<{ID}person/rudy-gunawan>", f"<{ID}post/bupati-kabupaten-garut>"
    triples = [(person, f"<{ORG.holds}>", post), (post, f"<{ORG.postIn}>", f"<{ID}org/pemerintah-kabupaten-garut>"),
               (f"<{ID}article/x>", f"<{SDO.datePublished}>", f'"2023-06-07"^^<{XSD.date}>')]
    once = memberships(triples)
    assert memberships(once) == once
    assert sum(p == f"<{RDF.type}>" and o == f"<{ORG.Membership}>" for _, p, o in once) == 1
    assert (f"<{ID}instant/2023-06-07>", f"<{TIME.inXSDDate}>", f'"2023-06-07"^^<{XSD.date}>') in once


@pytest.mark.parametrize("literal, text", [('"Setiawan"', "Setiawan"), ('"kata \\"SPBE\\""', 'kata "SPBE"'),
                                           ('"2023-05-30"^^<http://www.w3.org/2001/XMLSchema#date>', "2023-05-30")])
def test_lexical_form_of_ntriples_literals(literal: str, text: str) -> None:
    assert lexical(literal) == text


def test_one_event_name_on_two_dates_is_two_events(tmp_path: Path) -> None:
    text = (MULTI / "garut-bimtek-2023.txt").read_text(encoding="utf-8")
    (tmp_path / "garut-juni.txt").write_text(text, encoding="utf-8")
    (tmp_path / "garut-juli.txt").write_text(text.replace("Rabu (7/6/2023)", "Jumat (7/7/2023)"), encoding="utf-8")
    ds, _ = build_dataset([tmp_path], workers=1)
    union = union_graph(ds)
    assert sorted(str(d) for d in union.objects(None, SDO.startDate)) == ["2023-06-07", "2023-07-07"]
    for e in union.subjects(SDO.startDate, None):
        assert len(list(union.objects(e, SDO.startDate))) == 1
