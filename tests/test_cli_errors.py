"""Bad input: one line naming the file and the problem, exit code 2, no traceback, no output
file left behind; with several inputs the good ones are still built."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED, run


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.txt").write_text("  \n")
    (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp / "nothing").mkdir()
    (tmp / "nothing" / "notes.md").write_text("no articles here")
    return {
        "empty": (tmp / "empty.txt", "empty file"),
        "binary": (tmp / "binary.txt", "binary file"),
        "missing": (tmp / "missing.txt", "no such file"),
        "folder": (tmp / "nothing", "folder holds no .txt article"),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "missing", "folder"])
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path: Path, case: str) -> None:
    path, problem = bad_inputs(tmp_path)[case]
    out = tmp_path / "out.trig"
    result = run("build", path, "--output", out)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert str(path) in lines[0] and problem in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()
    assert list(tmp_path.glob(".out.trig*")) == []


def test_good_inputs_are_built_and_bad_ones_listed(tmp_path: Path) -> None:
    cases = bad_inputs(tmp_path)
    out = tmp_path / "out.trig"
    result = run("build", SEED, cases["empty"][0], cases["binary"][0], "--output", out)
    assert result.exit_code == 2
    assert out.exists() and "Herman Suryatman" in out.read_text(encoding="utf-8")
    assert "empty.txt: empty file" in result.stderr
    assert "binary.txt: binary file" in result.stderr


def test_a_failed_build_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out.trig"
    assert run("build", SEED, "--output", out).exit_code == 0
    before = out.read_bytes()
    assert run("build", tmp_path / "missing.txt", "--output", out).exit_code == 2
    assert out.read_bytes() == before


def test_unknown_output_format_is_refused(tmp_path: Path) -> None:
    result = run("build", SEED, "--output", tmp_path / "out.xml")
    assert result.exit_code == 2
    assert "unknown output format '.xml'" in result.stderr


def test_cp1252_text_is_read_with_a_warning(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace('"', "\u201c", 1)
    path = tmp_path / "windows.txt"
    path.write_bytes(text.encode("cp1252"))
    out = tmp_path / "out.trig"
    result = run("build", path, "--output", out)
    assert result.exit_code == 0
    assert "read as cp1252" in result.stderr and str(path) in result.stderr
    assert "Herman Suryatman" in out.read_text(encoding="utf-8")
