#!/usr/bin/python3
"""The benchmark corpus generator: a small corpus with a fixed seed loads in
`eventgraph build` without a diagnostic, its gold spans point at trigger
words of the event's type in the texts eventgraph reads, and two runs with
the same seed write the same bytes (a different seed, different ones).

  check_generator.py EVENTGRAPH SOURCE_DIR
"""
import filecmp
import json
import os
import subprocess
import sys
import tempfile


def main():
    eventgraph, source = sys.argv[1], sys.argv[2]
    gen = os.path.join(source, "tools", "bench", "generate_corpus.py")
    check = os.path.join(source, "tools", "bench", "check_corpus.py")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        a, b, c = (os.path.join(tmp, n) for n in "abc")
        for out, seed in ((a, 7), (b, 7), (c, 8)):
            subprocess.run(["/usr/bin/python3", gen, "--megabytes", "0.15", "--seed", str(seed), "-o", out], check=True)
        for name in ("corpus.jsonl", "gold.json"):
            if not filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False):
                failures.append("%s differs between two runs with seed 7" % name)
            if filecmp.cmp(os.path.join(a, name), os.path.join(c, name), shallow=False):
                failures.append("%s is the same for seeds 7 and 8" % name)
        size = os.path.getsize(os.path.join(a, "corpus.jsonl"))
        if not 0.15 * 1048576 <= size < 0.15 * 1048576 + 20000:
            failures.append("corpus.jsonl has %d bytes for --megabytes 0.15" % size)

        gold = json.load(open(os.path.join(a, "gold.json"), encoding="utf-8"))
        docs = [json.loads(l) for l in open(os.path.join(a, "corpus.jsonl"), encoding="utf-8")]
        if [d["id"] for d in gold["documents"]] != [d["id"] for d in docs]:
            failures.append("gold documents differ from the corpus's")
        types = {e["type"] for e in gold["events"]}
        if types != {"meeting", "vote", "airstrike", "statement", "directive", "deployment"}:
            failures.append("event types in the gold: %s" % sorted(types))
        if not any(len(e["reported_by"]) >= 2 for e in gold["events"]):
            failures.append("no event is told by two outlets")
        reported = {d for e in gold["events"] for d in e["reported_by"]}
        if all(d["id"] in reported for d in docs):
            failures.append("every article reports an event; some should report none")
        for e in gold["events"]:
            for key in ("id", "status", "type", "date", "actors", "reported_by", "mentions"):
                if key not in e:
                    failures.append("%s has no %s" % (e.get("id"), key))

        # Loads with no diagnostic at all.
        run = subprocess.run([eventgraph, "build", os.path.join(a, "corpus.jsonl"), "-o", os.path.join(tmp, "out"),
                              "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if run.returncode != 0 or run.stderr.strip():
            failures.append("eventgraph build exited %d: %s" % (run.returncode, run.stderr.decode()[:400]))
        events = json.load(open(os.path.join(tmp, "out", "events.json"), encoding="utf-8"))
        if len(events["documents"]) != len(docs) or events["skipped"]:
            failures.append("build read %d of %d documents, skipped %s"
                            % (len(events["documents"]), len(docs), events["skipped"][:3]))

        # Spans hold trigger words of the type, in the text eventgraph
        # extracts from; and most planted mentions are found.
        run = subprocess.run(["/usr/bin/python3", check, eventgraph, a, "--min-recall", "0.8"])
        if run.returncode != 0:
            failures.append("check_corpus.py failed (see above)")
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
