"""The library type-checks: mypy over kg/ with the settings of pyproject.toml."""

from __future__ import annotations

from mypy import api

from conftest import ROOT


def test_the_library_type_checks() -> None:
    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--no-incremental",
                                      str(ROOT / "kg")])
    assert status == 0, stdout + stderr
