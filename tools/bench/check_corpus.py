#!/usr/bin/python3
"""Checks a corpus written by generate_corpus.py and scores extraction on it.

  check_corpus.py EVENTGRAPH DIR [--lexicon lib/extract/lexicon/events.json]
                  [--min-recall R] [--extractions FILE]

DIR holds corpus.jsonl and gold.json. Checks that every gold mention's
span holds, in its document's text, a trigger of the event's type from the
lexicon (wildcard "*" = one word), and that the text eventgraph extracts
from equals the generated text (normalization left it alone, so the spans
hold). Then runs `EVENTGRAPH extract DIR/corpus.jsonl` and reports the
recall of the planted mentions: a planted mention is found when a mention
of the same type in the same document overlaps its trigger span; "date"
and "actors" count the found ones whose date is the gold day or a coarser
value containing it, and that share an actor with the gold event. Mentions
extracted outside every planted span are reported as unplanned.

Exit status 0 when the checks pass (and recall >= --min-recall), 1 if not.
"""

import argparse
import collections
import datetime
import json
import os
import subprocess
import sys


def load_triggers(lexicon_path):
    with open(lexicon_path, encoding="utf-8") as f:
        lexicon = json.load(f)
    triggers = collections.defaultdict(list)
    for t in lexicon["event_types"]:
        for trig in t["triggers"]:
            phrase = trig["phrase"] if isinstance(trig, dict) else trig
            triggers[t["type"]].append(phrase.lower().split())
    return triggers


def matches_trigger(words, patterns):
    for p in patterns:
        if len(p) == len(words) and all(a == "*" or a == b for a, b in zip(p, words)):
            return True
        # A wildcard stands for one word or none ("launched airstrikes").
        if "*" in p:
            q = [a for a in p if a != "*"]
            if q == words:
                return True
    return False


def day_contains(value, day):
    """True when the TIMEX value `value` is `day` or a coarser span holding it."""
    if not value:
        return False
    if value[:10] == day:
        return True
    d = datetime.date.fromisoformat(day)
    if len(value) == 7 and value[4] == "-":  # YYYY-MM
        return day.startswith(value)
    if len(value) == 4:
        return day.startswith(value)
    if len(value) >= 8 and value[4:6] == "-W":  # YYYY-Www
        year, week, _ = d.isocalendar()
        return value[:8] == "%04d-W%02d" % (year, week)
    return False


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eventgraph")
    ap.add_argument("dir")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--lexicon", default=os.path.join(here, "..", "..", "lib", "extract", "lexicon", "events.json"))
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--extractions", help="read `eventgraph extract` output from FILE instead of running it")
    args = ap.parse_args(argv)

    problems = []
    docs = {}
    with open(os.path.join(args.dir, "corpus.jsonl"), "rb") as f:
        for line in f:
            d = json.loads(line)
            docs[d["id"]] = d["text"].encode("utf-8")
    with open(os.path.join(args.dir, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    triggers = load_triggers(args.lexicon)

    planted = collections.defaultdict(list)  # doc -> [(begin, end, event)]
    for ev in gold["events"]:
        for m in ev["mentions"]:
            b, e = m["span"]
            text = docs[m["doc"]]
            words = text[b:e].decode("utf-8").lower().split()
            if not matches_trigger(words, triggers[ev["type"]]):
                problems.append("%s: span %d-%d in %s holds %r, not a %s trigger"
                                % (ev["id"], b, e, m["doc"], text[b:e], ev["type"]))
            planted[m["doc"]].append((b, e, ev))
        if sorted(set(m["doc"] for m in ev["mentions"])) != ev["reported_by"]:
            problems.append("%s: reported_by differs from the documents of its mentions" % ev["id"])

    if args.extractions:
        with open(args.extractions, encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        run = subprocess.run([args.eventgraph, "extract", os.path.join(args.dir, "corpus.jsonl")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        if run.returncode != 0:
            problems.append("eventgraph extract exited %d: %s" % (run.returncode, run.stderr.decode()[:500]))
        lines = run.stdout.decode("utf-8").splitlines()

    by_type = collections.Counter()
    found_type = collections.Counter()
    found_date = collections.Counter()
    found_actor = collections.Counter()
    unplanned = collections.Counter()
    seen_docs = set()
    for line in lines:
        x = json.loads(line)
        doc = x["doc"]
        seen_docs.add(doc)
        text = docs.get(doc)
        mentions = x["mentions"]
        for m in mentions:
            b, e = m["span"]
            # The extracted trigger text must sit at its span in our text:
            # normalization kept the generated text byte for byte.
            if text is not None and text[b:e].decode("utf-8", "replace") != m["text"]:
                problems.append("%s: extracted trigger %r at %d-%d but the text there is %r"
                                % (doc, m["text"], b, e, text[b:e]))
            if not any(pb < e and b < pe and ev["type"] == m["type"] for pb, pe, ev in planted.get(doc, [])):
                unplanned[m["type"]] += 1
        for pb, pe, ev in planted.get(doc, []):
            pass
    extracted = {}
    for line in lines:
        x = json.loads(line)
        extracted[x["doc"]] = x["mentions"]
    for doc, spans in planted.items():
        for pb, pe, ev in spans:
            t = ev["type"]
            by_type[t] += 1
            hits = [m for m in extracted.get(doc, []) if m["type"] == t and m["span"][0] < pe and pb < m["span"][1]]
            if not hits:
                continue
            found_type[t] += 1
            if any(day_contains((m.get("time") or {}).get("value"), ev["date"]) for m in hits):
                found_date[t] += 1
            if any(set(a.get("name") for a in m.get("actors", [])) & set(ev["actors"]) for m in hits):
                found_actor[t] += 1
    missing_docs = set(docs) - seen_docs
    if missing_docs:
        problems.append("%d documents missing from the extract output, e.g. %s"
                        % (len(missing_docs), sorted(missing_docs)[0]))

    total = sum(by_type.values())
    found = sum(found_type.values())
    print("%-11s %8s %8s %7s %7s %7s %10s" % ("type", "planted", "found", "recall", "date", "actors", "unplanned"))
    for t in sorted(set(by_type) | set(unplanned)):
        n = by_type[t]
        print("%-11s %8d %8d %7.3f %7.3f %7.3f %10d" % (
            t, n, found_type[t], found_type[t] / n if n else 0, found_date[t] / n if n else 0,
            found_actor[t] / n if n else 0, unplanned[t]))
    recall = found / total if total else 0.0
    print("%-11s %8d %8d %7.3f %7.3f %7.3f %10d" % (
        "all", total, found, recall, sum(found_date.values()) / total if total else 0,
        sum(found_actor.values()) / total if total else 0, sum(unplanned.values())))
    for p in problems[:20]:
        print("problem: " + p, file=sys.stderr)
    if len(problems) > 20:
        print("problem: ... and %d more" % (len(problems) - 20), file=sys.stderr)
    if recall < args.min_recall:
        print("recall %.3f is below --min-recall %.3f" % (recall, args.min_recall), file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
