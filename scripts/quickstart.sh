#!/usr/bin/env bash
# Installs what is missing, builds eventgraph, and runs it on samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j2
build/tools/eventgraph/eventgraph build samples/ -o out/
