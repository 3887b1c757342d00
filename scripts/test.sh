#!/usr/bin/env bash
# Installs what is missing, builds eventgraph with warnings as errors, and
# runs every test. With --sanitize: the same under AddressSanitizer and
# UndefinedBehaviorSanitizer, in build-asan/, without the hostile-input
# cases labelled hostile-heavy (50 MB articles take minutes under ASan).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVENTGRAPH_WERROR=ON -DBUILD_TESTING=ON)
ctest_flags=()
if [[ "${1:-}" == "--sanitize" ]]; then
  build_dir=build-asan
  flags=(-DCMAKE_BUILD_TYPE=Debug -DEVENTGRAPH_WERROR=ON -DEVENTGRAPH_SANITIZE=ON -DBUILD_TESTING=ON)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  ctest_flags=(-LE hostile-heavy)
fi
scripts/install-deps.sh
cmake -S . -B "$build_dir" "${flags[@]}" >/dev/null
cmake --build "$build_dir" -j2
"$build_dir"/tools/eventgraph/eventgraph build samples/ -o "$build_dir"/out/
ctest --test-dir "$build_dir" -j2 --output-on-failure --no-tests=error "${ctest_flags[@]}"
