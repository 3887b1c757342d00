#!/usr/bin/env bash
# Compares eventgraph binaries on one corpus, taking turns, so that a
# shared machine's slow spells hit each alike.
#
#   tools/bench/compare.sh CORPUS ROUNDS BINARY...
#   JOBS="1 2" tools/bench/compare.sh build/bench/corpus.jsonl 5 /tmp/eventgraph-old build/tools/eventgraph/eventgraph
#
# Each round runs `BINARY build CORPUS -q --jobs J` for every binary and
# every J in JOBS (default "1 2"), under /usr/bin/time. Prints, per binary
# and J, the best wall time of the rounds (the least disturbed), the median,
# MB/s and articles/s of the best, and the largest peak RSS; then the
# speed-up of each J over the first J of the same binary.
#
# Each round also runs, per binary, two `--jobs 1` builds at once (row
# "1+1"; PAIR=0 leaves it out): their speed-up, twice the corpus over the
# pair's wall time against one build alone, is what this machine gives two
# threads that share nothing (memory bandwidth, caches, the hypervisor's
# scheduling), the ceiling against which `--jobs 2` is to be read.
set -euo pipefail

if (($# < 3)); then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
corpus=$1
rounds=$2
shift 2
binaries=("$@")
read -r -a jobs <<<"${JOBS:-1 2}"
pair=${PAIR:-1}
python=/usr/bin/python3

[[ -s $corpus ]] || { echo "compare: no corpus at $corpus" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "compare: /usr/bin/time is missing (Debian package 'time')" >&2; exit 2; }
for b in "${binaries[@]}"; do
  [[ -x $b ]] || { echo "compare: $b is not an executable" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"
: > "$results"
for ((r = 1; r <= rounds; r++)); do
  for ((k = 0; k < ${#binaries[@]}; k++)); do
    for j in "${jobs[@]}"; do
      out="$work/out-$k-$j"
      /usr/bin/time -f "%e %M" -o "$work/time" "${binaries[k]}" build "$corpus" -o "$out" -q --jobs "$j"
      printf '%s\t%s\t%s\n' "$k" "$j" "$(cat "$work/time")" >> "$results"
      rm -rf "$out"
    done
    if ((pair)); then
      out="$work/out-$k-pair"
      /usr/bin/time -f "%e %M" -o "$work/time" bash -c \
        '"$1" build "$2" -o "$3-a" -q --jobs 1 & other=$!; status=0
         "$1" build "$2" -o "$3-b" -q --jobs 1 || status=1; wait "$other" || status=1; exit "$status"' \
        _ "${binaries[k]}" "$corpus" "$out"
      printf '%s\t%s\t%s\n' "$k" "1+1" "$(cat "$work/time")" >> "$results"
      rm -rf "$out-a" "$out-b"
    fi
  done
done

bytes=$(stat -c %s "$corpus")
articles=$(wc -l < "$corpus")
"$python" - "$results" "$bytes" "$articles" "${binaries[@]}" <<'EOF'
import statistics, sys
path, size, articles, binaries = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
runs = {}
for line in open(path):
    k, j, times = line.rstrip("\n").split("\t")
    wall, rss = times.split()
    runs.setdefault((int(k), j), []).append((float(wall), int(rss)))
print("corpus: %.1f MB, %d articles" % (size / 1e6, articles))
# MB are 10^6 bytes throughout, for the corpus and for the peak alike, so
# that peak / input is the ratio the targets speak of.
print("%-40s %4s %8s %8s %8s %10s %9s %7s %8s" % ("binary", "jobs", "best_s", "median_s", "MB/s", "articles/s",
                                                    "peak_MB", "x_input", "speedup"))
for k, binary in enumerate(binaries):
    first = None
    alone = None  # best of --jobs 1, for the pair
    for (kk, j), values in runs.items():
        if kk != k:
            continue
        walls = [w for w, _ in values]
        best = max(min(walls), 0.01)
        # The pair builds the corpus twice; its peak is the larger one's.
        corpora = 2 if j == "1+1" else 1
        if j == "1+1":
            speedup = "%7.2fx" % (corpora * alone / best) if alone else "%8s" % "-"
        else:
            first = first or best
            if j == "1":
                alone = best
            speedup = "%7.2fx" % (first / best)
        peak = max(r for _, r in values) * 1024  # /usr/bin/time's %M is in KiB
        print("%-40s %4s %8.2f %8.2f %8.1f %10.0f %9.1f %6.2fx %s" % (
            binary[-40:], j, best, statistics.median(walls), corpora * size / 1e6 / best,
            corpora * articles / best, peak / 1e6, peak / size, speedup))
EOF
