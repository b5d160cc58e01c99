"""Reading and writing RDF datasets: the format follows the file extension.

Writes are atomic (a temporary file in the same folder, then ``os.replace``), so a failed
or interrupted write never leaves a half-written file behind.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.serializers.trig import TrigSerializer

from kg.errors import InputError, KgError

FORMATS = {
    ".ttl": "longturtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
}
PARSE_FORMATS = {**FORMATS, ".ttl": "turtle"}
STORE_MARKER = "kapasitas-store.json"


def format_for(path: Path) -> str:
    """The rdflib serialization format for an output path, from its extension."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        valid = ", ".join(sorted(FORMATS))
        raise KgError(f"{path}: unknown output format {path.suffix!r}; use one of {valid}") from None


def is_store(path: Path) -> bool:
    """True for a Kapasitas store directory (it holds the store marker file)."""
    return path.is_dir() and (path / STORE_MARKER).exists()


def load_dataset(path: str | Path) -> Dataset:
    """Load a graph file (any format of FORMATS) or a store directory into a Dataset."""
    path = Path(path)
    if is_store(path):
        from kg.store import Store  # the store is optional for file users

        return Store.open(path).to_dataset()
    if not path.exists():
        raise InputError(f"{path}: no such file")
    fmt = PARSE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: not a graph file (expected one of {', '.join(sorted(FORMATS))})")
    ds = Dataset()
    try:
        ds.parse(path, format=fmt)
    except (ParserError, SyntaxError, ValueError, UnicodeDecodeError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: cannot parse as {fmt}: {first}") from None
    return ds


def union_graph(ds: Dataset) -> Graph:
    """All triples of all graphs of a dataset in one Graph, with its prefixes."""
    g = Graph(namespace_manager=ds.namespace_manager)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def serialize(ds: Dataset, path: Path) -> bytes:
    """Serialize a dataset in the format of ``path``'s extension (Turtle: the union graph)."""
    fmt = format_for(path)
    if fmt in ("longturtle", "nt"):
        data = union_graph(ds).serialize(format=fmt, encoding="utf-8")
    elif fmt == "json-ld":
        raw = ds.serialize(format=fmt, encoding="utf-8", sort_keys=True, indent=1)
        data = (json.dumps(_sorted_sets(json.loads(raw)), sort_keys=True, indent=1, ensure_ascii=False)
                + "\n").encode("utf-8")
    elif fmt == "trig":
        data = _trig(ds)
    else:
        data = ds.serialize(format=fmt, encoding="utf-8")
    if fmt in ("nquads", "nt"):
        data = b"".join(sorted(data.splitlines(keepends=True)))
    return data


def _trig(ds: Dataset) -> bytes:
    """TriG with the named graphs in IRI order (rdflib writes them in its store's hash order)."""
    serializer = TrigSerializer(ds)
    serializer.contexts = sorted(serializer.contexts, key=lambda g: str(g.identifier))
    stream = io.BytesIO()
    serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue()


def _sorted_sets(node: Any) -> Any:
    """JSON-LD with every array in a canonical order: its arrays are sets (graphs, nodes,
    values), except an ``@list``, which keeps its order."""
    if isinstance(node, dict):
        return {k: v if k == "@list" else _sorted_sets(v) for k, v in node.items()}
    if isinstance(node, list):
        items = [_sorted_sets(item) for item in node]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return node


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_dataset(ds: Dataset, path: str | Path) -> None:
    """Serialize ``ds`` to ``path`` (format from the extension), atomically."""
    path = Path(path)
    write_atomic(path, serialize(ds, path))
