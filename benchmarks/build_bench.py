"""Build benchmark: extraction rate, peak memory, store size and query latency, in one run.

    .venv/bin/python benchmarks/build_bench.py --articles 10000 [--single 1000] [--repeats 7]

1. writes a deterministic synthetic corpus of N articles (benchmarks/corpus.py);
2. ``kg build --store`` of the first ``--single`` articles with 1 worker, and of all N with 2
   workers, each in a child process: articles/s, MB/s of input text, peak RSS (``wait4``);
   then the same build again (every article unchanged: skipped);
3. the store's size on disk;
4. p50/p95 latency of every example query (``kg.paths.QUERIES``) and of a few selective
   lookups, on the N-article store (pyoxigraph, on disk) and, on the ``--single``-article
   store, with pyoxigraph next to rdflib's in-memory graph of the same triples.

Prints a Markdown report (paste into docs/benchmarks.md). Timings on a shared machine vary;
CPU seconds are reported beside wall-clock seconds.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

from kg.paths import QUERIES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUERY_DEADLINE = 120  # seconds for one query's runs; a runaway query is stopped and reported
MEMORY_CAP = 6 << 30  # bytes of address space for the process that times one query
SELECTIVE = {
    "lookup-person-by-name": 'SELECT ?p WHERE { ?p <https://schema.org/name> "{name}" }',
    "lookup-posts-of-person": "SELECT ?post ?name WHERE { <{person}> <http://www.w3.org/ns/org#holds> ?post . "
                              "?post <https://schema.org/name> ?name }",
    "lookup-events-in-region": "SELECT ?e ?name WHERE { ?e <https://schema.org/location> <{region}> ; "
                               "<https://schema.org/name> ?name }",
    "lookup-article-graph": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <{graph}> { ?s ?p ?o } }",
}


def build(inputs: Path, store: Path, workers: int) -> dict[str, float]:
    """Run ``kg build --store`` in a child process: wall and CPU seconds, peak RSS (MiB)."""
    cmd = [sys.executable, "-m", "kg", "build", str(inputs), "--store", str(store), "--workers", str(workers)]
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    err = child.stderr.read().decode() if child.stderr else ""
    if status != 0:
        raise SystemExit(f"build failed: {err}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}


def disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed(run: Callable[[], int], repeats: int) -> tuple[float, float, int]:
    """(p50 ms, p95 ms, rows) over ``repeats`` runs after one warm-up run."""
    rows = run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, rows


def queries(store: ox.Store) -> dict[str, str]:
    """The example queries and the selective lookups, with values taken from the store."""
    out = {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERIES.glob("*.rq"))}
    values = _sample_values(store)
    for name, template in SELECTIVE.items():
        text = template
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        out[name] = text
    return out


def _sample_values(store: ox.Store) -> dict[str, str]:
    q = """SELECT ?g ?person ?name ?region WHERE { GRAPH ?g {
      ?person <http://www.w3.org/ns/org#holds> ?post ; <https://schema.org/name> ?name .
      ?e <https://schema.org/location> ?region . } } LIMIT 1"""
    row = next(iter(store.query(q)))
    return {"graph": row["g"].value, "person": row["person"].value, "name": row["name"].value,
            "region": row["region"].value}


def ox_runner(store: ox.Store, text: str) -> Callable[[], int]:
    def run() -> int:
        result = store.query(text)
        return sum(1 for _ in result) if isinstance(result, ox.QuerySolutions) else 1
    return run


def rdflib_graph(store_path: Path) -> tuple[object, float]:
    """The union of a store's article graphs in rdflib's Memory store, and the load time."""
    from rdflib import Graph

    start = time.perf_counter()
    db = ox.Store.read_only(str(store_path / "oxigraph"))
    data = ox.serialize(db.quads_for_pattern(None, None, None, ox.DefaultGraph()), format=ox.RdfFormat.N_QUADS)
    g = Graph()
    g.parse(data=data.decode("utf-8"), format="nt")
    return g, time.perf_counter() - start


def rdflib_runner(graph: object, text: str) -> Callable[[], int]:
    def run() -> int:
        return len(list(graph.query(text)))  # type: ignore[attr-defined]
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--single", type=int, default=1_000, help="articles for the 1-worker and rdflib runs")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the corpus and stores in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        report(work, args.articles, min(args.single, args.articles), args.repeats)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def report(work: Path, n: int, single: int, repeats: int) -> None:
    corpus, small_corpus = work / "corpus", work / "corpus-small"
    size = write_corpus(n, corpus)
    small_size = write_corpus(single, small_corpus)
    print(f"# Build benchmark: {n} synthetic articles ({size / 1e6:.2f} MB), {os.cpu_count()} cores\n")
    print("| run | articles | wall s | CPU s | articles/s | MB/s | peak RSS MiB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    small = work / "store-small"
    for label, inputs, count, nbytes, store, workers in (
            ("1 worker", small_corpus, single, small_size, small, 1),
            ("2 workers", corpus, n, size, work / "store", 2)):
        r = build(inputs, store, workers)
        print(f"| {label} | {count} | {r['wall']:.1f} | {r['cpu']:.1f} | {count / r['wall']:.1f} | "
              f"{nbytes / 1e6 / r['wall']:.3f} | {r['rss']:.0f} |", flush=True)
    again = build(corpus, work / "store", 2)
    print(f"| again, all unchanged | {n} | {again['wall']:.1f} | {again['cpu']:.1f} | {n / again['wall']:.1f} | "
          f"{size / 1e6 / again['wall']:.3f} | {again['rss']:.0f} |", flush=True)
    big = ox.Store.read_only(str(work / "store" / "oxigraph"))
    named = sum(1 for q in big.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
    union = sum(1 for _ in big.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    print(f"\nStore: {named} triples in article graphs, {union} distinct in the union, "
          f"{disk_size(work / 'store') / 1e6:.0f} MB on disk.\n")
    latency_table(big, f"pyoxigraph, {n} articles", repeats)
    small_db = ox.Store.read_only(str(small / "oxigraph"))
    graph, load = rdflib_graph(small)
    print(f"\nSame data, {single} articles ({len(graph)} triples; rdflib load {load:.1f} s):\n")  # type: ignore[arg-type]
    compare_table(small_db, graph, repeats)


def guarded(run: Callable[[], int], repeats: int) -> str:
    """'rows | p50 | p95' of ``timed`` in a forked child with a memory cap and a deadline."""
    parent, child = multiprocessing.get_context("fork").Pipe(duplex=False)

    def work() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        try:
            p50, p95, rows = timed(run, repeats)
        except Exception as exc:  # an engine that cannot run the query says so in the table
            child.send(f"- | fails: {type(exc).__name__} | -")
            return
        child.send(f"{rows} | {p50:.1f} | {p95:.1f}")

    proc = multiprocessing.get_context("fork").Process(target=work)
    proc.start()
    answer = parent.recv() if parent.poll(QUERY_DEADLINE) else None
    proc.kill()
    proc.join()
    if answer is None:
        return f"- | over {QUERY_DEADLINE} s or {MEMORY_CAP >> 30} GiB | -"
    return str(answer)


def latency_table(store: ox.Store, label: str, repeats: int) -> None:
    print(f"| query ({label}) | rows | p50 ms | p95 ms |")
    print("| --- | ---: | ---: | ---: |")
    for name, text in queries(store).items():
        print(f"| {name} | {guarded(ox_runner(store, text), repeats)} |", flush=True)


def compare_table(store: ox.Store, graph: object, repeats: int) -> None:
    print("| query | pyoxigraph rows | p50 ms | p95 ms | rdflib rows | p50 ms | p95 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, text in queries(store).items():
        ours = guarded(ox_runner(store, text), repeats)
        # the rdflib side holds the union graph only: no GRAPH queries there
        theirs = "n/a | | " if "GRAPH" in text else guarded(rdflib_runner(graph, text), max(3, repeats // 2))
        print(f"| {name} | {ours} | {theirs} |", flush=True)


if __name__ == "__main__":
    main()
