#!/usr/bin/env bash
# The main job: set up (idempotent), then the what-if demo: prints a table of duration and
# cost at the platform's landmark sizes for an example profile, the recommended
# configuration with its reason and runners-up, and writes its picture to
# lambdasim-demo.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/lambdasim demo --plot "${1:-lambdasim-demo.png}"
