"""Building graphs: articles in, one named graph per article out (a Dataset or a store).

The pipeline: input files become work items (:mod:`kg.inputs`); items are extracted and mapped
to triples in worker processes (:func:`extract_items`, results in input order whatever the
number of workers); then, in this process, short person names are resolved across articles
and memberships dated (:mod:`kg.identity`), and the graphs go into an rdflib Dataset
(:func:`build_dataset`) or a persistent store (:func:`build_store`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kg import extract as extraction
from kg import identity
from kg.errors import InputError, KgError
from kg.inputs import Item, iter_items, to_article
from kg.model import Article
from kg.namespaces import DATA
from kg.rdfmap import article_graph, article_triples, bind_prefixes
from kg.reader import Meta, parse_article
from kg.store import Store, Triple, article_quads, nquads

Progress = Callable[[str], None]
BULK_MIN = 100  # articles from which a first build into an empty store uses the bulk loader
PEOPLE_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX kap: <https://w3id.org/kapasitas/ontology#>
SELECT ?g ?s ?p ?o WHERE { GRAPH ?g {
  { ?s ?p ?o . VALUES ?p { org:holds org:postIn schema:areaServed schema:location kap:level } }
  UNION { ?s ?p ?o . VALUES (?p ?o) { (rdf:type kap:Person) (rdf:type kap:Region) } }
  UNION { ?s a kap:Person ; ?p ?o . VALUES ?p { schema:name } }
  UNION { ?s schema:mentions ?o . ?o a kap:Region . BIND(schema:mentions AS ?p) }
} }
"""


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)  # sources added or replaced
    failed: list[str] = field(default_factory=list)  # one-line messages naming the file
    warnings: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # sources skipped: same content hash
    replaced: list[str] = field(default_factory=list)  # sources whose article changed
    merged: list[str] = field(default_factory=list)  # "graph: short IRI -> full IRI"
    triples: int = 0


@dataclass(frozen=True)
class Extracted:
    """One item's result: its graph as N-Triples term tuples, or the error message."""

    source: str
    article_id: str
    content_hash: str
    graph_iri: str = ""
    triples: tuple[Triple, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    people: tuple[identity.PersonRef, ...] = ()  # for identity across articles
    quads: tuple[bytes, bytes] | None = None  # store.article_quads, for the store's bulk loader


def expand_inputs(paths: Iterable[Path], report: BuildReport) -> list[Path]:
    """Files as given and the input files of folders, sorted; problems go to the report."""
    from kg.inputs import expand

    return expand(paths, report.failed)


def graph_of(article: Article, base: str = DATA) -> tuple[URIRef, Graph]:
    """Extract one article and map it to its named graph."""
    return article_graph(article, extraction.extract(article), base)


def extract_item(item: Item, base: str = DATA, for_store: bool = False) -> Extracted:
    """Read, extract and map one item (runs in a worker process); memberships included.

    ``for_store``: also make the N-Quads the store loads (in the worker, off the main process)."""
    try:
        article = to_article(item)
    except InputError as exc:
        return Extracted(item.source, item.article_id, item.content_hash, error=str(exc))
    try:
        gid, raw = article_triples(article, extraction.extract(article), base)
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not stop a build of thousands
        return Extracted(item.source, article.id, item.content_hash,
                         error=f"{item.source}: extraction failed ({type(exc).__name__}: {exc}); "
                               "this is a Kapasitas bug, please report it with the article")
    triples = identity.memberships(list(raw), base)  # memberships sorts
    graph = f"<{gid}>"
    return Extracted(item.source, article.id, item.content_hash, str(gid), tuple(triples), article.warnings,
                     people=tuple(identity.people(graph, triples)), quads=article_quads(triples, str(gid)) if for_store else None)


def _extract_default(item: Item) -> Extracted:
    return extract_item(item)


def _extract_for_store(item: Item) -> Extracted:
    return extract_item(item, for_store=True)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def extract_items(items: list[Item], workers: int | None = None, base: str = DATA,
                  for_store: bool = False) -> Iterator[Extracted]:
    """Extract items over ``workers`` processes; results come in input order."""
    workers = default_workers() if workers is None else max(1, workers)
    if workers == 1 or len(items) < 2 or base != DATA:
        yield from (extract_item(item, base, for_store) for item in items)
        return
    _warm_up()
    chunk = max(1, min(16, len(items) // (workers * 8)))
    with multiprocessing.get_context("fork").Pool(min(workers, len(items))) as pool:
        yield from pool.imap(_extract_for_store if for_store else _extract_default, items, chunksize=chunk)


def _warm_up() -> None:
    """Load lexicons and gazetteer once, before the workers fork (they share the pages)."""
    text = "Bupati Garut Rudy Gunawan membuka bimbingan teknis di Garut, Selasa (30/5/2023)."
    graph_of(parse_article(text, Meta(id="warm-up"), source="warm-up"))


def _record(result: Extracted, report: BuildReport) -> bool:
    report.warnings.extend(result.warnings)
    if result.error is not None:
        report.failed.append(result.error)
        return False
    return True


def build_dataset(paths: Iterable[Path], base: str = DATA, progress: Progress | None = None,
                  workers: int | None = 1, start: Callable[[int], None] | None = None) -> tuple[Dataset, BuildReport]:
    """Read, extract and map every article; bad inputs are reported, the rest is built."""
    report = BuildReport()
    items = list(iter_items(paths, report.failed))
    if start:
        start(len(items))
    graphs: dict[str, list[Triple]] = {}
    index = identity.Index()
    for result in extract_items(items, workers, base):
        if _record(result, report):
            graphs[result.graph_iri] = list(result.triples)
            index.add(result.graph_iri, list(result.people))
            report.built.append(result.source)
        if progress:
            progress(result.source)
    if not report.built and not report.failed:
        raise KgError("no input articles")
    for graph, mapping in index.resolve().items():
        graphs[graph] = identity.memberships(identity.rewrite(graphs[graph], mapping), base)
        report.merged.extend(_merges(graph, mapping))
    ds = _dataset(graphs)
    report.triples = len(ds)
    return ds, report


def _dataset(graphs: dict[str, list[Triple]]) -> Dataset:
    ds = Dataset()
    bind_prefixes(ds)
    text = "".join(nquads(triples, graph) for graph, triples in graphs.items())
    if text:
        ds.parse(data=text, format="nquads")
    return ds


def _merges(graph: str, mapping: dict[str, tuple[str, str]]) -> list[str]:
    return [f"{graph.strip('<>')}: {old.strip('<>')} -> {new.strip('<>')}"
            for old, (new, _) in sorted(mapping.items())]


def build_store(paths: Iterable[Path], store_path: Path, base: str = DATA, progress: Progress | None = None,
                workers: int | None = None, wait: bool = False,
                start: Callable[[int], None] | None = None) -> BuildReport:
    """Add articles to the store at ``store_path`` (made if missing); unchanged ones are skipped."""
    report = BuildReport()
    items = list(iter_items(paths, report.failed))
    if not items and not report.failed:
        raise KgError("no input articles")
    with Store.create(store_path, wait=wait) as store:
        todo = _changed_items(store, items, report)
        if start:
            start(len(items))
        for source in report.unchanged:
            if progress:
                progress(source)
        if todo:  # nothing new: the store was resolved when its articles came in
            index = _store_index(store)
            with store.batch(), store.bulk(len(todo) >= BULK_MIN):
                for result in extract_items(todo, workers, base, for_store=True):
                    _store_one(store, result, index, report)
                    if progress:
                        progress(result.source)
            with store.batch():
                _resolve_store(store, index, report, base)
        report.triples = store.union_size()
    return report


def _changed_items(store: Store, items: list[Item], report: BuildReport) -> list[Item]:
    todo: list[Item] = []
    todo_ids: set[str] = set()
    seen: dict[str, str] = {}
    for item in items:
        if item.article_id in seen:
            report.warnings.append(f"{item.source}: same article id {item.article_id!r} as {seen[item.article_id]}; "
                                   "the later input replaces the earlier")
        seen[item.article_id] = item.source
        if store.status(item.article_id, item.content_hash) == "unchanged" and item.article_id not in todo_ids:
            report.unchanged.append(item.source)
        else:
            todo.append(item)
            todo_ids.add(item.article_id)
    return todo


def _store_one(store: Store, result: Extracted, index: identity.Index, report: BuildReport) -> None:
    if not _record(result, report):
        return
    outcome = store.add(result.article_id, result.content_hash, result.graph_iri, list(result.triples),
                        source=result.source, quads=result.quads)
    if outcome == "unchanged":
        report.unchanged.append(result.source)
        return
    report.built.append(result.source)
    if outcome == "replaced":
        report.replaced.append(result.source)
    index.add(f"<{result.graph_iri}>", list(result.people))


def _store_index(store: Store) -> identity.Index:
    """The people of every graph already in the store."""
    index = identity.Index()
    if not store.articles:
        return index
    rows: dict[str, list[Triple]] = {}
    solutions = store.db.query(PEOPLE_QUERY)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        rows.setdefault(str(row["g"]), []).append((str(row["s"]), str(row["p"]), str(row["o"])))
    for graph, triples in rows.items():
        index.add(graph, identity.people(graph, triples))
    return index


def _resolve_store(store: Store, index: identity.Index, report: BuildReport, base: str) -> None:
    """Rewrite short person names in every graph (new or old) where one full name fits."""
    for graph, mapping in index.resolve().items():
        iri = graph.strip("<>")
        triples = identity.memberships(identity.rewrite(store.graph_of(iri), mapping), base)
        store.put_graph(iri, triples)
        index.add(graph, identity.people(graph, triples))
        report.merged.extend(_merges(graph, mapping))
