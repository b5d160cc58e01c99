"""Parallel extraction: the same bytes whatever the number of workers; progress only on a tty."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import DATA, ROOT, run
from kg.build import extract_items
from kg.inputs import iter_items
from kg.progress import ProgressLine

INPUTS = (DATA / "multi", *sorted((ROOT / "tests" / "corpus").glob("id-*.txt"))[:3])


@pytest.mark.parametrize("name", ["graph.trig", "graph.nq"])
def test_output_is_byte_identical_for_one_and_two_workers(tmp_path: Path, name: str) -> None:
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / workers / name
        result = run("build", *INPUTS, "--output", out, "--workers", workers)
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_results_come_in_input_order() -> None:
    items = list(iter_items(INPUTS, []))
    assert [r.source for r in extract_items(items, workers=2)] == [i.source for i in items]


def test_store_is_the_same_for_one_and_two_workers(tmp_path: Path) -> None:
    exports = []
    for workers in ("1", "2"):
        assert run("build", *INPUTS, "--store", tmp_path / workers, "--workers", workers).exit_code == 0
        assert run("export", tmp_path / workers, "--output", tmp_path / f"{workers}.nq").exit_code == 0
        exports.append((tmp_path / f"{workers}.nq").read_bytes())
    assert exports[0] == exports[1]


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    result = run("build", DATA / "multi", "--output", tmp_path / "g.trig", "--workers", "2")
    assert "articles/s" not in result.output and "\r" not in result.output


def test_progress_line_shows_count_rate_and_eta() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream)
    line.start(4)
    for _ in range(4):
        line.step("a.txt")
    line.close()
    last = stream.getvalue().rstrip("\n").split("\r")[-1]
    assert last.startswith("Building [########################] 4/4  ")
    assert "articles/s" in last


@pytest.mark.parametrize("args, message", [
    (["--workers", "0"], "Invalid value for '--workers'"),
    ([], "give one of --output FILE or --store DIR"),
])
def test_build_option_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("build", DATA / "multi", *args)
    assert result.exit_code == 2 and message in result.output
