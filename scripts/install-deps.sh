#!/usr/bin/env bash
# Installs the Debian packages eventgraph needs to build and test, when missing.
# Idempotent: a machine that has them all is left alone (no apt-get update).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev        # Boost.Graph: the event graph
  rapidjson-dev             # JSON reading and writing
  libhowardhinnant-date-dev # calendar arithmetic for time resolution
  libgraphviz-dev graphviz  # cgraph (DOT) and gvc (layout, SVG/PNG; PNG via libgvc6's cairo plugin)
  fonts-dejavu-core         # the font Graphviz draws labels with; render sizes badges by it
  doctest-dev               # unit tests
  libicu-dev                # UTF-8, NFC, sentence break iteration
  libcli11-dev              # command-line parsing with help text
  libmimalloc-dev           # mimalloc, the binary's allocator: faster than glibc malloc, less memory with --jobs
  iso-codes                 # country names and ISO codes for the lexicon
  clang libclang-rt-14-dev  # libFuzzer and sanitizer runtimes
  python3 python3-jsonschema  # test helpers run under Debian's /usr/bin/python3; schema validation
  python3-networkx python3-igraph python3-rdflib  # exporters' consumers in tests
  python3-distributed       # Dask: the distributed extract + merge run (tools/bench/dask_pipeline.py)
  time                      # /usr/bin/time: wall time and peak RSS in tools/bench/run_benchmark.sh and the hostile tests
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
