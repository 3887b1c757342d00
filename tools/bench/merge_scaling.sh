#!/usr/bin/env bash
# How the merge scales: its seconds on a corpus and on one ten times larger.
#
#   tools/bench/merge_scaling.sh [MB] [RUNS]      # default 5 and 3
#
# Two measurements, each the fastest of RUNS runs of `eventgraph build
# --jobs 1 --format csv --stats` (the merge stage, which also places
# undated documents and builds the graph):
#   more stories: generate_corpus.py at MB and at 10 x MB (seed 1); the
#     world's calendar is fixed, so ten times the stories crowd the same days;
#   more reports: the first corpus repeated ten times under new document ids
#     and outlets, so every event is reported ten times as often.
# The target (issue 7): ten times the mentions cost at most twelve times
# the time. EVENTGRAPH and BENCH_DIR as in run_benchmark.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mb=${1:-5}
runs=${2:-3}
eventgraph=${EVENTGRAPH:-$root/build/tools/eventgraph/eventgraph}
dir=${BENCH_DIR:-$root/build/bench}/merge-scaling
python=/usr/bin/python3

if [[ ! -x $eventgraph ]]; then
  echo "merge_scaling: no eventgraph binary at $eventgraph (build it, or set EVENTGRAPH)" >&2
  exit 2
fi
mkdir -p "$dir"

corpus() {  # corpus MB -> its directory, generated once
  local out="$dir/corpus-$1"
  if [[ ! -s $out/corpus.jsonl ]]; then
    "$python" "$here/generate_corpus.py" --megabytes "$1" --seed 1 -o "$out" > /dev/null 2>&1
  fi
  echo "$out/corpus.jsonl"
}

# merge_run NAME JSONL: one run; appends "NAME seconds mentions" to $times
merge_run() {
  local out="$dir/out-$1"
  "$eventgraph" build "$2" -o "$out" --jobs 1 --format csv --stats "$dir/stats.json" > /dev/null 2>&1 || true
  local s
  s=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["stages"]["merge"]["seconds"])' "$dir/stats.json")
  echo "$1 $s $(($(wc -l < "$out/mentions.csv") - 1))" >> "$times"
}

small=$(corpus "$mb")
large=$(corpus $((mb * 10)))
repeated="$dir/repeated-$mb.jsonl"
if [[ ! -s $repeated ]]; then
  "$python" - "$small" "$repeated" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(10):
        for line in lines:
            d = json.loads(line)
            d["id"] = "%s-r%d" % (d["id"], k)
            d["outlet"] = "r%d.%s" % (k, d["outlet"])
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
EOF
fi

# The three corpora take turns, RUNS rounds, so that a shared machine's
# slow spells hit each alike; each one's fastest run counts.
times="$dir/times.txt"
: > "$times"
for ((r = 0; r < runs; ++r)); do
  merge_run small "$small"
  merge_run large "$large"
  merge_run repeated "$repeated"
done
"$python" - "$times" <<'EOF'
import sys
best = {}
for line in open(sys.argv[1]):
    name, s, m = line.split()
    best[name] = min(best.get(name, (float("inf"), 0)), (float(s), int(m)))
(s1, m1), (s2, m2), (s3, m3) = best["small"], best["large"], best["repeated"]
print("%-28s %10s %10s %12s %12s" % ("corpus", "mentions", "merge s", "x mentions", "x time"))
print("%-28s %10d %10.4f %12s %12s" % ("base", m1, s1, "1", "1"))
for name, s, m in (("10x stories", s2, m2), ("10x reports of each event", s3, m3)):
    print("%-28s %10d %10.4f %12.2f %12.2f" % (name, m, s, m / m1, s / s1))
EOF
