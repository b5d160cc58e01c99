"""A persistent store of article graphs: pyoxigraph on disk, one named graph per article.

Layout of a store folder ``DIR``::

    DIR/kapasitas-store.json   format, version and, per article id: content hash, graph IRI, source
    DIR/oxigraph/              the pyoxigraph (RocksDB) database
    DIR/.lock                  the writers' lock file (fcntl.flock)

The database holds each article's triples in its named graph and, in the default graph, the
set union of all named graphs (what ``kg query`` / ``kg serve`` read as "the graph"). Each
article is written in one transaction (``Store.extend`` for a new article, one SPARQL update
for a replacement or a removal), and the metadata file is written atomically afterwards, so
a build killed at any point leaves whole articles only. Articles the database holds but the
metadata does not (a build killed between the two) are taken back into the metadata, with no
hash, the next time the store is opened for writing; a later build replaces them.

One writer at a time: the first change takes an exclusive ``flock`` on ``DIR/.lock``; a second
writer fails at once with a one-line message (or waits, with ``wait=True``). Readers never lock.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError, KgError
from kg.graphio import STORE_MARKER, serialize, write_atomic
from kg.ntriples import XSD_STRING, Triple, nt_escape, nt_term
from kg.rdfmap import bind_prefixes

FORMAT = "kapasitas-store"
VERSION = 1
OXIGRAPH_DIR = "oxigraph"
LOCK_FILE = ".lock"
PARTIAL_DIR = "oxigraph.partial"
OLD_DIR = "oxigraph.old"
BULK_QUADS = 300_000  # quads handed to the bulk loader at once (its memory grows with this: ~740 MiB peak)
FLUSH_EVERY = 200  # articles between metadata writes inside a batch
OX_EXPORT = {".nq": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG}



class StoreBusy(KgError):
    """Another process is writing to the store."""


# ------------------------------------------------------------------ terms as N-Triples text


def graph_triples(graph: Iterable[tuple[Node, Node, Node]]) -> list[Triple]:
    """A graph's (or a set of rdflib triples') triples as sorted N-Triples term tuples."""
    return sorted((nt_term(s), nt_term(p), nt_term(o)) for s, p, o in graph)


def nquads(triples: Iterable[Triple], graph_iri: str | None) -> str:
    """N-Quads (or N-Triples when ``graph_iri`` is None) text of triples."""
    g = f" <{graph_iri}>" if graph_iri else ""
    return "".join(f"{s} {p} {o}{g} .\n" for s, p, o in triples)


def article_quads(triples: Iterable[Triple], graph_iri: str) -> tuple[bytes, bytes]:
    """N-Quads (UTF-8) of the article graph's triples, and N-Triples of the same triples for the
    default graph (the union)."""
    triples = list(triples)
    return nquads(triples, graph_iri).encode("utf-8"), nquads(triples, None).encode("utf-8")


def with_union(triples: list[Triple], graph_iri: str, quads: tuple[bytes, bytes] | None = None) -> list[ox.Quad]:
    """The article graph's quads and their union copy, parsed by pyoxigraph in one call."""
    named, union = quads or article_quads(triples, graph_iri)
    return list(ox.parse(named + union, format=ox.RdfFormat.N_QUADS))


# ------------------------------------------------------------------ the store


class Store:
    """A Kapasitas store folder; open with :meth:`open` or :meth:`create`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.meta: dict[str, Any] = _read_meta(path)
        self._db: ox.Store | None = None
        self._lock: IO[str] | None = None
        self._batching = False
        self._dirty = False
        self._pending = 0
        self._bulk: list[bytes] | None = None  # N-Quads waiting for the bulk loader
        self._bulk_union: set[bytes] = set()  # their union lines, each once
        self._bulk_size = 0
        self._bulk_graphs: set[str] = set()

    # -- opening and closing

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """An existing store; it is opened read-only until the first change."""
        path = Path(path)
        if not (path / STORE_MARKER).is_file():
            what = "no such store" if not path.exists() else f"not a Kapasitas store (no {STORE_MARKER})"
            raise InputError(f"{path}: {what}")
        return cls(path)

    @classmethod
    def create(cls, path: str | Path, wait: bool = False) -> Store:
        """A store at ``path``: an existing store is opened, a new one made (empty folder or none)."""
        path = Path(path)
        if (path / STORE_MARKER).is_file():
            store = cls(path)
            store.writable(wait)
            return store
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise InputError(f"{path}: exists and is not a Kapasitas store; give a new or empty folder")
        path.mkdir(parents=True, exist_ok=True)
        store = cls.__new__(cls)
        store.path, store.meta, store._db, store._lock = path, _empty_meta(), None, None
        store._batching, store._dirty, store._pending = False, True, 0
        store._bulk, store._bulk_graphs, store._bulk_size, store._bulk_union = None, set(), 0, set()
        store.writable(wait)
        return store

    def writable(self, wait: bool = False) -> None:
        """Take the writers' lock and open the database for writing (once)."""
        if self._lock is not None:
            return
        self._lock = _take_lock(self.path, wait)
        self._db = None
        shutil.rmtree(self.path / PARTIAL_DIR, ignore_errors=True)  # an interrupted bulk load
        shutil.rmtree(self.path / OLD_DIR, ignore_errors=True)
        self._db = ox.Store(str(self.path / OXIGRAPH_DIR))
        if (self.path / STORE_MARKER).is_file():
            self.meta = _read_meta(self.path)
        self._reconcile()
        self.flush()

    def close(self) -> None:
        """Write pending metadata, close the database and release the lock."""
        if self._lock is not None:
            self.flush()
            if self._db is not None:
                self._db.flush()
        self._db = None
        if self._lock is not None:
            self._lock.close()  # closing the file releases the flock
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db(self) -> ox.Store:
        """The pyoxigraph store (read-only unless this process writes)."""
        if self._db is None:
            self._db = ox.Store.read_only(str(self.path / OXIGRAPH_DIR))
        return self._db

    # -- metadata

    @property
    def articles(self) -> dict[str, dict[str, Any]]:
        """Article id -> {"hash", "graph", "source"} (a live view of the metadata)."""
        articles: dict[str, dict[str, Any]] = self.meta["articles"]
        return articles

    def status(self, article_id: str, content_hash: str) -> str:
        """'new', 'changed' or 'unchanged' for an article's content hash."""
        entry = self.articles.get(article_id)
        if entry is None:
            return "new"
        return "unchanged" if entry.get("hash") == content_hash else "changed"

    @contextmanager
    def batch(self) -> Iterator[Store]:
        """Changes inside write the metadata at the end (and every FLUSH_EVERY articles)."""
        self._batching = True
        try:
            yield self
        finally:
            self._batching = False
            self.flush()

    def flush(self) -> None:
        """Flush the database, then write the metadata file atomically, if anything changed."""
        if self._dirty and self._lock is not None and self._bulk is None:
            if self._db is not None:
                self._db.flush()  # articles on disk (and memtables freed) before the metadata names them
            data = json.dumps(self.meta, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
            write_atomic(self.path / STORE_MARKER, data.encode("utf-8"))
            self._dirty, self._pending = False, 0

    def _changed(self) -> None:
        self._dirty = True
        self._pending += 1
        if not self._batching or self._pending >= FLUSH_EVERY:
            self.flush()

    # -- changes

    def add(self, article_id: str, content_hash: str, graph_iri: str, graph: Graph | list[Triple],
            source: str = "", quads: tuple[bytes, bytes] | None = None) -> str:
        """Add or replace an article's graph: 'added', 'replaced' or 'unchanged' (same hash).

        ``quads``, when given, is :func:`article_quads` of the triples, made by the caller."""
        self.writable()
        if self.status(article_id, content_hash) == "unchanged" and self.db.contains_named_graph(
                ox.NamedNode(graph_iri)):
            return "unchanged"
        triples = graph_triples(graph) if isinstance(graph, Graph) else graph
        outcome = self.put_graph(graph_iri, triples, quads)
        self.articles[article_id] = {"graph": graph_iri, "hash": content_hash, "source": source}
        self._changed()
        return outcome

    def put_graph(self, graph_iri: str, triples: list[Triple], quads: tuple[bytes, bytes] | None = None) -> str:
        """Write one named graph (and the union) in one transaction: 'added' or 'replaced'."""
        self.writable()
        name = ox.NamedNode(graph_iri)
        if self._bulk is not None and graph_iri not in self._bulk_graphs:
            self._bulk_graphs.add(graph_iri)
            named, union = quads or article_quads(triples, graph_iri)
            self._bulk.append(named)
            self._bulk_union.update(union.splitlines(keepends=True))  # shared triples once per batch
            self._bulk_size += len(triples)
            if self._bulk_size + len(self._bulk_union) >= BULK_QUADS:
                self._load_bulk()
            return "added"
        self._load_bulk()
        if not self.db.contains_named_graph(name):
            self.db.extend(with_union(triples, graph_iri, quads))
            return "added"
        self.db.update(self._replacement(graph_iri, triples))
        return "replaced"

    @contextmanager
    def bulk(self, enabled: bool = True) -> Iterator[Store]:
        """Fill an empty store with pyoxigraph's bulk loader (about 3x faster than transactions).

        The articles go to ``DIR/oxigraph.partial``, which replaces the empty database in one
        rename at the end; a build stopped before that leaves the store empty, as it was.
        With articles already in the store (or ``enabled`` false) this does nothing.
        """
        self.writable()
        if not enabled or self.articles or any(True for _ in self.db.named_graphs()):
            yield self
            return
        self._db = None  # the empty database stays in place for readers until the swap
        self._db, self._bulk, self._bulk_graphs = ox.Store(str(self.path / PARTIAL_DIR)), [], set()
        try:
            yield self
            self._load_bulk()
            self._db.flush()
        except BaseException:
            self._db, self._bulk = None, None
            shutil.rmtree(self.path / PARTIAL_DIR, ignore_errors=True)
            self.meta["articles"] = {}
            self._db = ox.Store(str(self.path / OXIGRAPH_DIR))
            raise
        self._db, self._bulk = None, None
        self._swap_in_partial()
        self._db = ox.Store(str(self.path / OXIGRAPH_DIR))
        self._changed()

    def _swap_in_partial(self) -> None:
        """Replace the empty database by the bulk-loaded one (two renames)."""
        old = self.path / OLD_DIR
        shutil.rmtree(old, ignore_errors=True)
        os.rename(self.path / OXIGRAPH_DIR, old)
        os.rename(self.path / PARTIAL_DIR, self.path / OXIGRAPH_DIR)
        shutil.rmtree(old)

    def _load_bulk(self) -> None:
        if self._bulk:
            # not lenient: measured on 10,000 articles, a lenient load is a tenth faster but its
            # store answers the example listings about 45% slower (typed literals kept unparsed)
            data = b"".join(self._bulk) + b"".join(self._bulk_union)
            self.db.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            self._bulk, self._bulk_size, self._bulk_union = [], 0, set()

    def remove(self, article_id: str) -> None:
        """Remove an article's graph (and its triples no other graph holds from the union)."""
        self.writable()
        entry = self.articles.get(article_id)
        if entry is None:
            known = ", ".join(sorted(self.articles)[:5]) or "none"
            raise InputError(f"{self.path}: no article {article_id!r} in the store (articles: {known}"
                             f"{' ...' if len(self.articles) > 5 else ''})")
        if self.db.contains_named_graph(ox.NamedNode(entry["graph"])):
            self.db.update(self._replacement(entry["graph"], []))
        del self.articles[article_id]
        self._changed()

    def graph_of(self, graph_iri: str) -> list[Triple]:
        """The triples of one named graph, as N-Triples terms, sorted."""
        quads = self.db.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))
        return sorted((str(q.subject), str(q.predicate), str(q.object)) for q in quads)

    def _replacement(self, graph_iri: str, triples: list[Triple]) -> str:
        """One SPARQL update replacing a named graph's triples and keeping the union exact."""
        name = ox.NamedNode(graph_iri)
        new = set(triples)
        gone = [t for t in self.graph_of(graph_iri) if t not in new and not self._held_elsewhere(t, name)]
        parts = [f"DROP SILENT GRAPH <{graph_iri}>"]
        if gone:
            parts.append("DELETE DATA {\n" + nquads(gone, None) + "}")
        if triples:
            parts.append("INSERT DATA {\n" + nquads(triples, None) + f"GRAPH <{graph_iri}> {{\n"
                         + nquads(triples, None) + "}\n}")
        return " ;\n".join(parts)

    def _held_elsewhere(self, triple: Triple, graph: ox.NamedNode) -> bool:
        s, p, o = next(iter(ox.parse(nquads([triple], None), format=ox.RdfFormat.N_TRIPLES))).triple
        for q in self.db.quads_for_pattern(s, p, o, None):
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != graph:
                return True
        return False

    def _reconcile(self) -> None:
        """Match the metadata to the database after an interrupted build."""
        graphs = {g.value for g in self.db.named_graphs() if isinstance(g, ox.NamedNode)}
        known = {entry["graph"] for entry in self.articles.values()}
        for article_id, entry in list(self.articles.items()):
            if entry["graph"] not in graphs:
                del self.articles[article_id]
                self._dirty = True
        for graph in sorted(graphs - known):
            self.articles[graph.rstrip("/").rsplit("/", 1)[-1]] = {"graph": graph, "hash": None, "source": None}
            self._dirty = True

    # -- reading

    def union_size(self) -> int:
        """The number of distinct triples over all article graphs (the default graph)."""
        result = self.db.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))["n"].value)

    def named_quads(self) -> Iterator[ox.Quad]:
        for q in self.db.quads_for_pattern(None, None, None, None):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                yield q

    def to_dataset(self) -> Dataset:
        """All article graphs as an rdflib Dataset (named graphs only; no union copy)."""
        ds = Dataset()
        bind_prefixes(ds)
        data = ox.serialize(self.named_quads(), format=ox.RdfFormat.N_QUADS)
        if data:
            ds.parse(data=data.decode("utf-8"), format="nquads")
        return ds

    def export(self, path: str | Path) -> None:
        """Write the store as one graph file (format by extension), atomically."""
        path = Path(path)
        fmt = OX_EXPORT.get(path.suffix.lower())
        if fmt is None:
            write_atomic(path, serialize(self.to_dataset(), path))
            return
        if fmt == ox.RdfFormat.N_TRIPLES:
            data = ox.serialize((q.triple for q in self.named_quads()), format=fmt)
        elif fmt == ox.RdfFormat.TRIG:
            data = ox.serialize(self.named_quads(), format=fmt, prefixes=_prefixes())
        else:
            data = ox.serialize(self.named_quads(), format=fmt)
        assert data is not None  # serialize returns bytes when given no output
        if fmt != ox.RdfFormat.TRIG:
            data = b"".join(sorted(set(data.splitlines(keepends=True))))
        write_atomic(path, data)


def _prefixes() -> dict[str, str]:
    g = Graph()
    bind_prefixes(g)
    return {prefix: str(ns) for prefix, ns in g.namespaces() if prefix}


def _empty_meta() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "articles": {}}


def _read_meta(path: Path) -> dict[str, Any]:
    marker = path / STORE_MARKER
    try:
        meta = json.loads(marker.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return _empty_meta()
    except (OSError, ValueError) as exc:
        raise InputError(f"{marker}: cannot read the store's metadata ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT or not isinstance(meta.get("articles"), dict):
        raise InputError(f"{marker}: not a Kapasitas store metadata file")
    if meta.get("version") != VERSION:
        raise InputError(f"{marker}: store format version {meta.get('version')!r}; this kg reads {VERSION}")
    return meta


def _take_lock(path: Path, wait: bool) -> IO[str]:
    handle = open(path / LOCK_FILE, "a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise StoreBusy(f"{path}: the store is being written by {holder}; wait for it to finish "
                        "(or use --wait)") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}\n")
    handle.flush()
    return handle
