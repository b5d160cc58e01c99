"""The committed examples are what the current code makes of the seed (regenerate them with
scripts/regenerate-examples.sh), and every example query parses and runs on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SEED, run

EXAMPLES = ROOT / "examples"


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig"])
def test_example_graph_is_current(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert run("build", SEED, "--output", out).exit_code == 0
    assert out.read_bytes() == (EXAMPLES / name).read_bytes(), "run scripts/regenerate-examples.sh"


def test_example_viewer_is_current(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    result = run("view", EXAMPLES / "graph.trig", "--output", out, "--title", "Kapasitas: the seed article")
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (EXAMPLES / "graph.html").read_bytes(), "run scripts/regenerate-examples.sh"


@pytest.mark.parametrize("query", sorted(p.stem for p in (EXAMPLES / "queries").glob("*.rq")))
def test_every_example_query_runs_by_name(query: str) -> None:
    result = run("query", EXAMPLES / "graph.ttl", "--example", query, "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"bindings"' in result.stdout
