"""Shared fixtures: the seed article and its graph, built once per test session."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c091fb5b20632a9b.txt"
DATA = Path(__file__).resolve().parent / "data"


def run(*args: str) -> "CliRunner.invoke":
    """Run a kg command in process; the result has exit_code, stdout and stderr."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def rows(csv_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text)))


@pytest.fixture(scope="session")
def seed_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "seed.trig"
    result = run("build", SEED, "--output", out)
    assert result.exit_code == 0, result.output
    return out
