"""The persistent store: add / unchanged / replace / remove, the exact union, export, the
metadata file, a build killed with SIGKILL, and two builds on one store at once."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from conftest import DATA, ROOT, run
from kg.build import extract_item
from kg.errors import InputError
from kg.inputs import iter_items
from kg.store import Store, StoreBusy

MULTI = DATA / "multi"
ID = "https://w3id.org/kapasitas/id/"
G = f"{ID}graph/"


def triple(n: int, graph: str = "a") -> tuple[str, str, str]:
    return (f"<{ID}person/orang-{n}>", "<https://schema.org/name>", f'"Orang {n} dari {graph}"')


SHARED = (f"<{ID}region/id-32>", "<https://schema.org/name>", '"Jawa Barat"')


def union_is_exact(store: Store) -> bool:
    named = {(q.subject, q.predicate, q.object) for q in store.named_quads()}
    default = {q.triple for q in store.db.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return {ox.Triple(*t) for t in named} == default


def test_add_unchanged_replace_remove_keep_the_union_exact(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "s")
    assert store.add("a", "sha256:1", G + "a", [triple(1), SHARED], source="a.txt") == "added"
    assert store.add("b", "sha256:2", G + "b", [triple(2, "b"), SHARED], source="b.txt") == "added"
    assert store.add("a", "sha256:1", G + "a", [triple(9)]) == "unchanged"
    assert store.add("a", "sha256:3", G + "a", [triple(3), SHARED]) == "replaced"
    assert store.graph_of(G + "a") == sorted([triple(3), SHARED])
    assert union_is_exact(store)
    store.remove("b")
    assert union_is_exact(store) and store.union_size() == 2
    store.remove("a")
    assert store.union_size() == 0 and store.articles == {}
    store.close()


def test_metadata_file_is_deterministic_and_time_free(tmp_path: Path) -> None:
    for name in ("one", "two"):
        with Store.create(tmp_path / name) as store:
            store.add("b", "sha256:2", G + "b", [triple(2)], source="b.txt")
            store.add("a", "sha256:1", G + "a", [triple(1)], source="a.txt")
    meta = (tmp_path / "one" / "kapasitas-store.json").read_text()
    assert meta == (tmp_path / "two" / "kapasitas-store.json").read_text()
    assert json.loads(meta) == {"format": "kapasitas-store", "version": 1, "articles": {
        "a": {"graph": G + "a", "hash": "sha256:1", "source": "a.txt"},
        "b": {"graph": G + "b", "hash": "sha256:2", "source": "b.txt"}}}


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no such store"),
    (lambda p: p.mkdir(), "not a Kapasitas store (no kapasitas-store.json)"),
])
def test_open_refuses_what_is_not_a_store(tmp_path: Path, make, message: str) -> None:
    make(tmp_path / "x")
    with pytest.raises(InputError, match=re.escape(message)):
        Store.open(tmp_path / "x")


def test_create_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    (tmp_path / "berita.txt").write_text("isi")
    with pytest.raises(InputError, match="exists and is not a Kapasitas store"):
        Store.create(tmp_path)


def test_remove_unknown_article_names_it(tmp_path: Path) -> None:
    with Store.create(tmp_path / "s") as store:
        with pytest.raises(InputError, match="no article 'tidak-ada' in the store"):
            store.remove("tidak-ada")


def test_second_writer_fails_with_one_line(tmp_path: Path) -> None:
    first = Store.create(tmp_path / "s")
    with pytest.raises(StoreBusy, match=f"the store is being written by pid {os.getpid()}; wait for it"):
        Store.create(tmp_path / "s")
    first.close()
    Store.create(tmp_path / "s").close()  # free again


def test_cli_build_twice_then_remove_and_export(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = run("build", MULTI, "--store", store, "--workers", "1")
    assert first.exit_code == 0, first.output
    assert f"Store {store}: 7 added, 0 replaced, 0 unchanged, 1 short name(s) merged;" in first.output
    again = run("build", MULTI, "--store", store, "--workers", "1")
    assert f"Store {store}: 0 added, 0 replaced, 7 unchanged;" in again.output
    removed = run("remove", store, "bogor-bimtek-2023")
    assert removed.exit_code == 0 and "6 article(s) left" in removed.output
    for name in ("all.trig", "all.nq", "all.nt", "all.ttl", "all.jsonld", "net.graphml"):
        result = run("export", store, "--output", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 1000
    ds = Dataset()
    ds.parse(tmp_path / "all.trig", format="trig")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert G + "bogor-bimtek-2023" not in graphs and G + "jabar-spbe-2023" in graphs
    nq = (tmp_path / "all.nq").read_text().splitlines()
    assert nq == sorted(nq)


def test_store_and_file_build_hold_the_same_graphs(tmp_path: Path) -> None:
    assert run("build", MULTI, "--store", tmp_path / "s", "--workers", "1").exit_code == 0
    assert run("build", MULTI, "--output", tmp_path / "f.nq", "--workers", "1").exit_code == 0
    run("export", tmp_path / "s", "--output", tmp_path / "s.nq")
    from_store = (tmp_path / "s.nq").read_text().splitlines()
    assert from_store == [line for line in (tmp_path / "f.nq").read_text().splitlines() if line]


def test_graphio_loads_a_store_as_a_dataset(tmp_path: Path) -> None:
    from kg.graphio import load_dataset

    run("build", MULTI / "garut-bimtek-2023.txt", "--store", tmp_path / "s")
    ds = load_dataset(tmp_path / "s")
    assert [str(g.identifier) for g in ds.graphs() if len(g)] == [G + "garut-bimtek-2023"]


# ------------------------------------------------------------ killed and concurrent builds


def many_articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    text = (MULTI / "garut-bimtek-2023.txt").read_bytes()
    for i in range(n):
        (folder / f"garut-{i:03d}.txt").write_bytes(text)
    return folder


def start_build(inputs: Path, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(inputs), "--store", str(store), "--workers", "1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for_graphs(store: Path, count: int, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and child.poll() is None:
        if (store / "oxigraph").is_dir():
            try:
                if len(list(ox.Store.read_only(str(store / "oxigraph")).named_graphs())) >= count:
                    return
            except (OSError, RuntimeError):  # a read-only open can race the writer's files
                pass
        time.sleep(0.05)
    raise AssertionError("the build did not get going")


def test_build_killed_with_sigkill_leaves_whole_articles(tmp_path: Path) -> None:
    inputs, store = many_articles(tmp_path / "in", 40), tmp_path / "store"
    child = start_build(inputs, store)
    wait_for_graphs(store, 5, child)
    child.send_signal(signal.SIGKILL)
    child.wait()
    expected = len(extract_item(next(iter_items([inputs / "garut-000.txt"], []))).triples)
    with Store.create(store) as opened:  # takes the lock: the dead build's lock is gone
        graphs = [g.value for g in opened.db.named_graphs()]
        assert 5 <= len(graphs) <= 40
        assert all(len(opened.graph_of(g)) == expected for g in graphs)
        assert sorted(e["graph"] for e in opened.articles.values()) == sorted(graphs)
        assert union_is_exact(opened)
    finished = run("build", inputs, "--store", store, "--workers", "2")
    assert finished.exit_code == 0, finished.output
    assert len(Store.open(store).articles) == 40


def test_two_builds_at_once_second_fails_cleanly(tmp_path: Path) -> None:
    inputs, store = many_articles(tmp_path / "in", 40), tmp_path / "store"
    child = start_build(inputs, store)
    try:
        wait_for_graphs(store, 1, child)
        second = run("build", MULTI / "garut-bimtek-2023.txt", "--store", store)
        assert second.exit_code == 2
        assert second.output.strip().splitlines()[-1] == (
            f"Error: {store}: the store is being written by pid {child.pid}; wait for it to finish (or use --wait)")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    with Store.create(store) as opened:
        assert union_is_exact(opened)


def test_wait_blocks_until_the_first_writer_is_done(tmp_path: Path) -> None:
    import threading

    from kg.build import build_store

    first = Store.create(tmp_path / "s")
    reports = []
    waiter = threading.Thread(target=lambda: reports.append(
        build_store([MULTI / "garut-bimtek-2023.txt"], tmp_path / "s", workers=1, wait=True)))
    waiter.start()
    time.sleep(0.3)
    assert waiter.is_alive() and not reports
    first.close()
    waiter.join(10)
    assert [r.built for r in reports] == [[str(MULTI / "garut-bimtek-2023.txt")]]


def test_first_build_of_many_articles_uses_the_bulk_loader_with_the_same_result(tmp_path: Path) -> None:
    import kg.build

    inputs = many_articles(tmp_path / "in", 12)
    (inputs / "jabar.txt").write_bytes((MULTI / "jabar-digital-2023.txt").read_bytes())
    outputs = []
    for name, threshold in (("bulk", 1), ("tx", 10**9)):
        kg.build.BULK_MIN, saved = threshold, kg.build.BULK_MIN
        try:
            assert run("build", inputs, "--store", tmp_path / name, "--workers", "1").exit_code == 0
        finally:
            kg.build.BULK_MIN = saved
        with Store.open(tmp_path / name) as opened:
            assert union_is_exact(opened) and len(opened.articles) == 13
        run("export", tmp_path / name, "--output", tmp_path / f"{name}.nq")
        outputs.append((tmp_path / f"{name}.nq").read_bytes())
        assert sorted(p.name for p in (tmp_path / name).iterdir()) == [".lock", "kapasitas-store.json", "oxigraph"]
    assert outputs[0] == outputs[1]


def test_bulk_build_killed_leaves_the_store_empty_and_usable(tmp_path: Path) -> None:
    inputs, store = many_articles(tmp_path / "in", 120), tmp_path / "store"
    child = start_build(inputs, store)
    deadline = time.monotonic() + 30
    while not (store / "oxigraph.partial").is_dir() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    time.sleep(0.3)
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store.create(store) as opened:
        assert opened.articles == {} and list(opened.db.named_graphs()) == []
    assert not (store / "oxigraph.partial").exists()
    assert run("build", MULTI / "garut-bimtek-2023.txt", "--store", store).exit_code == 0
