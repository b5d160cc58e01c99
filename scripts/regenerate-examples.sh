#!/usr/bin/env bash
# Regenerate examples/graph.ttl, examples/graph.trig and examples/graph.html from the seed.
# Run from the project root with the project's environment active (or .venv/bin on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
kg=${KG:-kg}
command -v "$kg" >/dev/null 2>&1 || kg=.venv/bin/kg
"$kg" build seeds/ --output examples/graph.ttl
"$kg" build seeds/ --output examples/graph.trig
"$kg" view examples/graph.trig --output examples/graph.html --title "Kapasitas: the seed article"
