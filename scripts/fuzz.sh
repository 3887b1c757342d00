#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/, clang, ASan+UBSan, in
# build-fuzz/) and runs each for SECONDS (default 60), one after another.
# Fails when any harness finds a crash, a hang (over 10 s on one input) or
# runs out of memory (2 GB); the input is saved in
# build-fuzz/fuzz-artifacts/<target>/ and the fuzzer's log printed.
#
#   scripts/fuzz.sh              # 60 s per target
#   scripts/fuzz.sh 600 output   # one target for 10 minutes
#
# A found input belongs in tests/fuzz/regressions/<target>/ with its fix;
# the normal test run replays it from there (ctest -L fuzz).
# The corpus each run grows is kept in build-fuzz/fuzz-corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then targets=(manifest jsonl text time extract output); fi
declare -A dicts=([manifest]=json [jsonl]=json [text]=extract [time]=time [extract]=extract [output]=output)

scripts/install-deps.sh >/dev/null
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVENTGRAPH_WERROR=ON \
      -DEVENTGRAPH_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=$PWD/tests/fuzz/ubsan.supp
failed=()
for t in "${targets[@]}"; do
  corpus=build-fuzz/fuzz-corpus/$t
  artifacts=build-fuzz/fuzz-artifacts/$t
  log=build-fuzz/fuzz-$t.log
  mkdir -p "$corpus" "$artifacts"
  inputs=("$corpus" tests/fuzz/corpus/"$t")
  [[ -d tests/fuzz/regressions/$t ]] && inputs+=(tests/fuzz/regressions/"$t")
  dict=()
  [[ -n "${dicts[$t]:-}" ]] && dict=(-dict=tests/fuzz/"${dicts[$t]}".dict)
  echo "fuzz: $t for $seconds s"
  # stdin from /dev/null: a manifest may name /dev/stdin.
  if build-fuzz/tests/fuzz_"$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
       -print_final_stats=1 -artifact_prefix="$artifacts"/ "${dict[@]}" "${inputs[@]}" \
       </dev/null >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
    echo "fuzz: $t ok: $execs runs, $rate exec/s, $cov"
  else
    echo "fuzz: $t FAILED; log $log, input in $artifacts/:"
    tail -n 60 "$log"
    failed+=("$t")
  fi
done
if ((${#failed[@]} > 0)); then
  echo "fuzz: findings in ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, no findings"
