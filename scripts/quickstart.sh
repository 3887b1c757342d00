#!/usr/bin/env bash
# Installs what is missing, builds eventgraph, and runs it on samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# Warnings are not errors here (scripts/test.sh makes them so): a newer
# compiler's new warning must not keep a user from building.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DEVENTGRAPH_WERROR=OFF >/dev/null
cmake --build build -j2
build/tools/eventgraph/eventgraph build samples/ -o out/
