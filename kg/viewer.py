"""One self-contained, offline HTML page to browse a Kapasitas graph (``kg view``).

The page inlines vis-network (vendored under ``kg/static/``) and its own script; nothing is
fetched from anywhere (a Content-Security-Policy of ``default-src 'none'`` enforces it). The
graph goes in as JSON inside a ``<script type="application/json">`` block with ``<``, ``>``
and ``&`` escaped, the template is autoescaped, and the page builds every element with DOM
APIs and ``textContent``: an article string like ``</script><img onerror=...>`` stays text.

Positions are computed here, deterministically and in O(n log n): entities are grouped around the nearest event, each group laid out on
rings around its event, and the groups packed in rows. Small graphs are then relaxed in
the browser with a bounded physics budget; large ones are drawn as computed.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import math
from collections import deque
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup
from rdflib import Graph

from kg.errors import KgError
from kg.graphio import write_atomic
from kg.network import GraphLike, as_graph, evidence, families, to_networkx

STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_JS = "vis-network-9.1.2.min.js"
HIDDEN_PREDICATES = frozenset({"schema:mentions"})
PHYSICS_LIMIT = 600  # up to this many nodes the browser relaxes the layout ...
PHYSICS_BUDGET = 40_000  # ... for at most this many node-iterations (50 to 250 iterations)
RING_GAP = 90.0
NODE_SPACING = 55.0
CLUSTER_MARGIN = 120.0
JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


# --- choosing what to show -------------------------------------------------------------


def adjacency(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Undirected, sorted neighbour lists over the drawn edges (mentions left out)."""
    adj: dict[str, set[str]] = {n: set() for n in graph.nodes}
    for u, v, key in graph.edges(keys=True):
        if key not in HIDDEN_PREDICATES and u != v:
            adj[u].add(v)
            adj[v].add(u)
    return {n: sorted(ns) for n, ns in adj.items()}


def _names(attrs: dict[str, Any]) -> list[str]:
    names = [attrs.get("name"), attrs.get("skos:altLabel"), attrs.get("label")]
    flat: list[str] = []
    for value in names:
        flat.extend(value if isinstance(value, list) else [value] if value else [])
    return [str(v) for v in flat]


def find_entity(graph: nx.MultiDiGraph, focus: str, source: str) -> str:
    """The node whose IRI, name or altLabel is ``focus`` (case-insensitive); else KgError."""
    if focus in graph:
        return focus
    wanted = focus.strip().casefold()
    exact = sorted(n for n, a in graph.nodes(data=True) if wanted == str(a.get("name", "")).casefold())
    alt = sorted(n for n, a in graph.nodes(data=True) if wanted in (x.casefold() for x in _names(a)))
    if exact or alt:
        return str((exact or alt)[0])
    labels = sorted({name for _, a in graph.nodes(data=True) for name in _names(a)})
    close = difflib.get_close_matches(focus, labels, n=3, cutoff=0.6)
    close += [x for x in labels if wanted and wanted in x.casefold() and x not in close][: 3 - len(close)]
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise KgError(f"no entity named {focus!r} in {source}{hint}")


def neighbourhood(adj: dict[str, list[str]], start: str, depth: int) -> set[str]:
    """The nodes at most ``depth`` hops from ``start`` (edges in either direction)."""
    seen = {start}
    frontier = [start]
    for _ in range(depth):
        frontier = [m for n in frontier for m in adj[n] if m not in seen]
        seen.update(frontier)
    return seen


def select(graph: nx.MultiDiGraph, focus: str | None, depth: int, source: str) -> nx.MultiDiGraph:
    """The whole graph, or the part within ``depth`` hops of the ``focus`` entity."""
    if depth < 0:
        raise KgError(f"--depth must be 0 or more, not {depth}")
    if focus is None:
        return graph
    start = find_entity(graph, focus, source)
    keep = neighbourhood(adjacency(graph), start, depth)
    return graph.subgraph(sorted(keep)).copy()


# --- layout ---------------------------------------------------------------------------


def _anchor_order(graph: nx.MultiDiGraph, adj: dict[str, list[str]]) -> list[str]:
    events = [n for n, a in graph.nodes(data=True) if a.get("family") == "event"]
    return sorted(events, key=lambda n: (-len(adj[n]), n))


def _bfs(adj: dict[str, list[str]], sources: list[str], owner: dict[str, str],
         parent: dict[str, str | None], depth: dict[str, int]) -> None:
    """Multi-source BFS: each unowned node joins the first source that reaches it."""
    queue = deque(s for s in sources if s not in owner)
    for s in queue:
        owner[s], parent[s], depth[s] = s, None, 0
    while queue:
        node = queue.popleft()
        for nxt in adj[node]:
            if nxt not in owner:
                owner[nxt], parent[nxt], depth[nxt] = owner[node], node, depth[node] + 1
                queue.append(nxt)


def clusters(graph: nx.MultiDiGraph, adj: dict[str, list[str]]) -> tuple[dict[str, str], dict[str, str | None], dict[str, int]]:
    """Each node's anchor (nearest event, else its component's hub), BFS parent and depth."""
    owner: dict[str, str] = {}
    parent: dict[str, str | None] = {}
    depth: dict[str, int] = {}
    _bfs(adj, _anchor_order(graph, adj), owner, parent, depth)
    rest = sorted((n for n in adj if n not in owner), key=lambda n: (-len(adj[n]), n))
    for node in rest:
        if node not in owner:
            _bfs(adj, [node], owner, parent, depth)
    return owner, parent, depth


def _ring_layout(members: list[str], parent: dict[str, str | None], depth: dict[str, int],
                 family: dict[str, str]) -> tuple[dict[str, tuple[float, float]], float]:
    """One cluster around its anchor at (0, 0): each BFS level on rings, near its parent."""
    pos: dict[str, tuple[float, float]] = {}
    angle: dict[str, float] = {}
    radius = 0.0
    for level in sorted({depth[m] for m in members}):
        layer = [m for m in members if depth[m] == level]
        if level == 0:
            pos.update({m: (0.0, 0.0) for m in layer})
            angle.update({m: 0.0 for m in layer})
            continue
        layer.sort(key=lambda m: (angle.get(parent[m] or "", 0.0), family[m], m))
        while layer:
            radius += RING_GAP
            capacity = max(6, int(2 * math.pi * radius / NODE_SPACING))
            ring, layer = layer[:capacity], layer[capacity:]
            for i, node in enumerate(ring):
                theta = 2 * math.pi * i / len(ring) + 0.5 * level
                angle[node] = (theta - 0.5 * level) % (2 * math.pi)
                pos[node] = (radius * math.cos(theta), radius * math.sin(theta))
    return pos, radius


def _pack(sizes: list[tuple[str, float]]) -> dict[str, tuple[float, float]]:
    """Centres for circles of the given radii, packed left to right in rows (largest first)."""
    total = sum((2 * r + CLUSTER_MARGIN) ** 2 for _, r in sizes)
    width = max(math.sqrt(total) * 1.2, max((2 * r + CLUSTER_MARGIN for _, r in sizes), default=0))
    centres: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for key, r in sizes:
        d = 2 * r + CLUSTER_MARGIN
        if x > 0 and x + d > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        centres[key] = (x + d / 2, y + d / 2)
        x, row_height = x + d, max(row_height, d)
    return centres


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Deterministic positions for every node, in O(n log n): event clusters on rings, packed."""
    adj = adjacency(graph)
    owner, parent, depth = clusters(graph, adj)
    family = {n: str(a.get("family", "")) for n, a in graph.nodes(data=True)}
    members: dict[str, list[str]] = {}
    for node in sorted(owner):
        members.setdefault(owner[node], []).append(node)
    local = {anchor: _ring_layout(ms, parent, depth, family) for anchor, ms in members.items()}
    order = sorted(local, key=lambda a: (-len(members[a]), a))
    centres = _pack([(a, local[a][1]) for a in order])
    return {
        node: (round(centres[a][0] + x), round(centres[a][1] + y))
        for a in order
        for node, (x, y) in sorted(local[a][0].items())
    }


# --- the page's data ------------------------------------------------------------------


def _text(value: Any) -> str:
    return " | ".join(map(str, value)) if isinstance(value, list) else str(value)


def _props(node: str, attrs: dict[str, Any]) -> list[list[str]]:
    skip = {"label", "family", "name", "types"}
    rows = [["IRI", node], ["name", _text(attrs.get("name", attrs.get("label", "")))]]
    rows += [[key, _text(value)] for key, value in sorted(attrs.items()) if key not in skip]
    return rows


def _node(node: str, attrs: dict[str, Any], xy: tuple[int, int]) -> dict[str, Any]:
    alt = attrs.get("skos:altLabel", [])
    return {
        "id": node,
        "label": str(attrs.get("label", node)),
        "family": attrs.get("family", "other"),
        "alt": [str(a) for a in (alt if isinstance(alt, list) else [alt])],
        "x": xy[0],
        "y": xy[1],
        "props": _props(node, attrs),
    }


def _evidence_by_entity(g: Graph, shown: set[str], full: nx.MultiDiGraph) -> dict[str, list[dict[str, str]]]:
    creators = {u: sorted(v for _, v, k in full.out_edges(u, keys=True) if k == "schema:creator") for u in full}
    out: dict[str, list[dict[str, str]]] = {}
    for ev in evidence(g):
        item = {"s": ev.subject, "p": ev.predicate, "o": ev.object, "text": ev.text, "article": ev.article}
        owners = {ev.subject, ev.object} | set(creators.get(ev.subject, []))
        for owner in sorted(owners & shown):
            out.setdefault(owner, []).append(item)
    return out


def _articles(full: nx.MultiDiGraph, shown: set[str]) -> tuple[dict[str, list[str]], dict[str, dict[str, str]]]:
    """For each shown entity the articles that mention it; and those articles' details."""
    mentioned: dict[str, list[str]] = {}
    for u, v, key in sorted(full.edges(keys=True)):
        if key == "schema:mentions" and v in shown:
            mentioned.setdefault(v, []).append(u)
    used = sorted({a for arts in mentioned.values() for a in arts})
    details = {a: {k: _text(full.nodes[a].get(k, "")) for k in ("label", "schema:url", "schema:datePublished")} for a in used}
    return mentioned, details


def page_data(g: Graph, full: nx.MultiDiGraph, shown: nx.MultiDiGraph, title: str) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data (sorted).

    ``g`` is the RDF graph (for evidence), ``full`` its networkx graph (for articles) and
    ``shown`` the part of ``full`` to draw.
    """
    positions = layout(shown)
    nodes = [_node(n, a, positions[n]) for n, a in sorted(shown.nodes(data=True))]
    edges = [
        {"from": u, "to": v, "label": key}
        for u, v, key in sorted(shown.edges(keys=True))
        if key not in HIDDEN_PREDICATES
    ]
    counts: dict[str, int] = {}
    for node in nodes:
        counts[node["family"]] = counts.get(node["family"], 0) + 1
    legend = [{k: f[k] for k in ("family", "label", "color", "shape")} | {"count": counts[f["family"]]}
              for f in families() if f["family"] in counts]
    ids = set(shown.nodes)
    mentioned, articles = _articles(full, ids)
    return {
        "title": title,
        "physics": len(nodes) <= PHYSICS_LIMIT,
        "iterations": max(50, min(250, PHYSICS_BUDGET // max(1, len(nodes)))),
        "families": legend,
        "nodes": nodes,
        "edges": edges,
        "events": sorted((n["id"] for n in nodes if n["family"] == "event"), key=lambda i: (shown.nodes[i]["label"], i)),
        "mentionedIn": mentioned,
        "articles": articles,
        "evidence": _evidence_by_entity(g, ids, full),
    }


# --- the page -------------------------------------------------------------------------


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> block: no '<', '>', '&' (nor U+2028/9) as such."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(JSON_ESCAPES)


def _static(name: str) -> str:
    text = (STATIC / name).read_text(encoding="utf-8")
    if any(bad in text.lower() for bad in ("</script", "</style", "<!--")):
        raise KgError(f"{STATIC / name}: cannot be inlined (contains '</script', '</style' or '<!--')")
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("viewer.html.j2")


def render_html(
    dataset: GraphLike,
    *,
    focus: str | None = None,
    depth: int = 2,
    title: str = "Kapasitas graph",
    source: str = "the graph",
) -> str:
    """The whole viewer page for ``dataset`` (or the part around ``focus``) as one string."""
    g = as_graph(dataset)
    full = to_networkx(g)
    shown = select(full, focus, depth, source)
    scripts = [_static(VIS_JS), _static("viewer.js")]
    return _template().render(
        title=title,
        css=Markup(_static("viewer.css")),
        data=Markup(script_json(page_data(g, full, shown, title))),
        scripts=[Markup(s) for s in scripts],
        script_hashes=" ".join(_csp_hash(s) for s in scripts),
    )


def write_html(dataset: GraphLike, path: str | Path, **kw: Any) -> None:
    """Write the viewer page for ``dataset`` to ``path`` (UTF-8), atomically."""
    write_atomic(Path(path), render_html(dataset, **kw).encode("utf-8"))

