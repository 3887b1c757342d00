#!/bin/sh
# Throughput of `eventgraph timex`: MB of article text per second.
#
# Builds a large JSON-lines input by repeating the TempEval-3 texts (or any
# JSON-lines file given as $2), times one run, and prints MB/s. Also runs the
# same text as one single huge document, to show the time stays linear in
# the input size rather than in the size of a document.
#
# Usage: tools/bench_timex.sh [EVENTGRAPH_BINARY] [CORPUS.jsonl] [COPIES]
set -eu
bin=${1:-build/tools/eventgraph/eventgraph}
corpus=${2:-$(dirname "$0")/../../shared/data/timeml/tempeval3-train.jsonl}
copies=${3:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$corpus" "$copies" "$work" <<'PY'
import json, sys
corpus, copies, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = [json.loads(l) for l in open(corpus, encoding="utf-8") if l.strip()]
text_bytes = 0
with open(work + "/many.jsonl", "w", encoding="utf-8") as out:
    for c in range(copies):
        for d in docs:
            out.write(json.dumps({"id": "%s-%d" % (d.get("doc", d.get("id")), c),
                                  "dct": d["dct"], "text": d["text"]}) + "\n")
            text_bytes += len(d["text"].encode("utf-8"))
with open(work + "/one.jsonl", "w", encoding="utf-8") as out:
    big = "\n\n".join(d["text"] for d in docs for _ in range(copies))
    out.write(json.dumps({"id": "one", "dct": docs[0]["dct"], "text": big}) + "\n")
open(work + "/bytes", "w").write(str(text_bytes))
PY

bytes=$(cat "$work/bytes")
run() {
  start=$(date +%s.%N)
  "$bin" timex "$1" > "$work/out.jsonl"
  end=$(date +%s.%N)
  timexes=$(grep -o '"begin"' "$work/out.jsonl" | wc -l)
  echo "$2: $(echo "$bytes" | awk '{printf "%.1f", $1/1e6}') MB of text, $timexes timexes," \
       "$(echo "$start $end" | awk '{printf "%.2f", $2-$1}') s," \
       "$(echo "$bytes $start $end" | awk '{printf "%.1f", $1/1e6/($3-$2)}') MB/s"
}
run "$work/many.jsonl" "many documents"
run "$work/one.jsonl" "one document  "
