"""Reading the package's own small data tables (CSV with a header; '#' lines are comments)."""

from __future__ import annotations

import csv
import functools
import io

from kg.errors import KgError
from kg.paths import DATA


@functools.cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``kg/data/<name>`` as dicts; a row of the wrong width names file and line."""
    path = DATA / name
    lines = [
        (n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        return ()
    header = next(csv.reader([lines[0][1]]))
    rows = []
    for n, line in lines[1:]:
        values = next(csv.reader(io.StringIO(line)))
        if len(values) != len(header):
            raise KgError(f"{path}:{n}: expected {len(header)} columns ({', '.join(header)}), got {len(values)}")
        rows.append(dict(zip(header, (v.strip() for v in values))))
    return tuple(rows)


def column(name: str, col: str) -> tuple[str, ...]:
    return tuple(row[col] for row in table(name))
