"""Shared fixtures and helpers: the seed article and its graph, built once per test session, and
the records extracted from a made-up text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.extract import extract
from kg.model import Event, Findings
from kg.reader import Meta, parse_article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c091fb5b20632a9b.txt"
DATA = Path(__file__).resolve().parent / "data"


def run(*args: str) -> "CliRunner.invoke":
    """Run a kg command in process; the result has exit_code, stdout and stderr."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def rows(csv_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text)))


def found_in(text: str) -> Findings:
    """Everything the extractors find in a made-up article."""
    return extract(parse_article(text, Meta(id="t"), source="t.txt"))


def events(text: str) -> list[Event]:
    """The events of a made-up article, in text order."""
    return sorted(found_in(text).of(Event), key=lambda e: e.span.start if e.span else 0)


def organizers(text: str) -> list[list[str]]:
    """Per event in text order: the keys of its organizers, then of its hosts."""
    return [[link.key for link in (*e.organizers, *e.hosts)] for e in events(text)]


@pytest.fixture(scope="session")
def seed_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "seed.trig"
    result = run("build", SEED, "--output", out)
    assert result.exit_code == 0, result.output
    return out
