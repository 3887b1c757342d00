#!/usr/bin/env bash
# Benchmarks `eventgraph build` on a generated corpus.
#
#   tools/bench/run_benchmark.sh [MB] [JOBS...]
#   EVENTGRAPH=build/tools/eventgraph/eventgraph BENCH_DIR=build/bench SEED=1 tools/bench/run_benchmark.sh 20 1 2
#
# Generates MB MiB (default 20) of articles with tools/bench/generate_corpus.py
# into BENCH_DIR (default build/bench; kept when it already holds a corpus of
# that size and seed), runs `eventgraph build` on it under /usr/bin/time -v for
# each JOBS value (default: one run; --jobs is passed only when `build --help`
# lists it), and prints wall time, peak RSS, MB/s and articles/s, the
# per-stage MB/s from `--stats` when build has it, and `eventgraph eval
# --gold` when that command exists. CPU seconds (user + system) are printed
# beside wall time: on a shared machine they are the steadier figure.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mb=${1:-20}
shift || true
jobs=("$@")
eventgraph=${EVENTGRAPH:-$root/build/tools/eventgraph/eventgraph}
dir=${BENCH_DIR:-$root/build/bench}
seed=${SEED:-1}
python=/usr/bin/python3

if [[ ! -x $eventgraph ]]; then
  echo "run_benchmark: no eventgraph binary at $eventgraph (build it, or set EVENTGRAPH)" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "run_benchmark: /usr/bin/time is missing (Debian package 'time')" >&2
  exit 2
fi

mkdir -p "$dir"
stamp="$dir/corpus.params"
params="$mb $seed $(sha256sum < "$here/generate_corpus.py" | cut -c1-16)"  # a new generator, a new corpus
if [[ ! -s $dir/corpus.jsonl || ! -s $dir/gold.json || "$(cat "$stamp" 2>/dev/null)" != "$params" ]]; then
  start=$(date +%s.%N)
  "$python" "$here/generate_corpus.py" --megabytes "$mb" --seed "$seed" -o "$dir"
  end=$(date +%s.%N)
  echo "$params" > "$stamp"
  awk -v s="$start" -v e="$end" 'BEGIN { printf "generated in %.1f s\n", e - s }'
fi

help=$("$eventgraph" build --help 2>&1 || true)
has_jobs=0; has_stats=0
grep -q -- '--jobs' <<<"$help" && has_jobs=1
grep -q -- '--stats' <<<"$help" && has_stats=1
if ((${#jobs[@]} == 0)); then jobs=(default); fi
if ((!has_jobs)) && [[ ${jobs[*]} != default ]]; then
  echo "run_benchmark: this eventgraph build has no --jobs; running once with its default" >&2
  jobs=(default)
fi

bytes=$(stat -c %s "$dir/corpus.jsonl")
articles=$(wc -l < "$dir/corpus.jsonl")
summary="$dir/summary.tsv"
printf 'jobs\twall_s\tcpu_s\tpeak_rss_mb\tx_input\tMB_s\tarticles_s\tMB_per_cpu_s\texit\n' > "$summary"

for j in "${jobs[@]}"; do
  out="$dir/out-$j"
  args=(build "$dir/corpus.jsonl" -o "$out")
  [[ $j != default ]] && args+=(--jobs "$j")
  ((has_stats)) && args+=(--stats "$dir/stats-$j.json")
  status=0
  /usr/bin/time -v -o "$dir/time-$j.txt" "$eventgraph" "${args[@]}" > "$dir/build-$j.log" 2>&1 || status=$?
  "$python" - "$dir/time-$j.txt" "$bytes" "$articles" "$j" "$status" >> "$summary" <<'EOF'
import sys
path, size, articles, jobs, status = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
wall = rss = None
cpu = 0.0
for line in open(path):
    line = line.strip()
    if line.startswith(("User time", "System time")):
        cpu += float(line.rsplit(" ", 1)[1])
    if line.startswith("Elapsed (wall clock) time"):
        parts = [float(p) for p in line.rsplit(" ", 1)[1].split(":")]
        wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    elif line.startswith("Maximum resident set size"):
        rss = int(line.rsplit(" ", 1)[1]) * 1024
wall = max(wall, 0.01)
# MB are 10^6 bytes, for the peak as for the corpus: peak / input is x_input.
print("%s\t%.2f\t%.2f\t%.1f\t%.2f\t%.2f\t%.0f\t%.2f\t%s" % (jobs, wall, cpu, rss / 1e6, rss / size, size / 1e6 / wall,
                                              articles / wall, size / 1e6 / max(cpu, 0.01), status))
EOF
done

echo
echo "corpus: $dir/corpus.jsonl, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'), $articles articles (seed $seed)"
column -t -s $'\t' "$summary"

if ((has_stats)); then
  echo
  for j in "${jobs[@]}"; do
    [[ -s $dir/stats-$j.json ]] || continue
    echo "stages (jobs $j):"
    "$python" - "$dir/stats-$j.json" <<'EOF'
import json, sys
stats = json.load(open(sys.argv[1]))
print("  %-8s %9s %10s %10s %9s" % ("stage", "seconds", "MB", "documents", "MB/s"))
order = ["load", "text", "time", "extract", "merge", "output"]
stages = stats.get("stages", {})
for name in order + sorted(set(stages) - set(order)):
    s = stages.get(name)
    if s is None:
        continue
    sec, size = s.get("seconds", 0.0), s.get("bytes", 0)
    rate = "%9.2f" % (size / 1e6 / sec) if sec and size else "%9s" % "-"
    print("  %-8s %9.3f %10.2f %10s %s" % (name, sec, size / 1e6, s.get("documents", "-"), rate))
if "peak_rss_bytes" in stats:
    print("  peak RSS %.1f MB" % (stats["peak_rss_bytes"] / 1e6))
EOF
  done
fi

if "$eventgraph" eval --help > /dev/null 2>&1; then
  first=${jobs[0]}
  echo
  echo "eval against the generated gold (out-$first):"
  "$eventgraph" eval --gold "$dir/gold.json" "$dir/out-$first/events.json" || echo "(eventgraph eval exited $?)"
fi
