#!/usr/bin/env bash
# Installs what is missing, builds the page and serves it on 127.0.0.1 (prints the address).
#   bash scripts/serve.sh [PORT]      (default 8080; 0 = any free port)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install.sh
bash scripts/build-web.sh
exec node tools/serve.mjs "${1:-${PORT:-8080}}"
