"""Where the package's data, ontology and example queries live.

In a wheel, ``ontology/`` and ``examples/queries/`` are copied into the package
(pyproject's force-include); in a checkout or an editable install they are read from
the project's top level.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"


def _first(*candidates: Path) -> Path:
    for path in candidates:
        if path.exists():
            return path
    return candidates[-1]


ONTOLOGY = _first(PACKAGE / "ontology", PACKAGE.parent / "ontology")
QUERIES = _first(PACKAGE / "queries", PACKAGE.parent / "examples" / "queries")
