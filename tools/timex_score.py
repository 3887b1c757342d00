#!/usr/bin/python3
"""Scores `eventgraph timex` against TimeML gold the way TempEval-3 does.

Gold: JSON lines {"doc"|"id", "dct", "text", "timexes": [{"start", "end",
"type", "value", "mod"}]} with character offsets (the TempEval-3 JSONL in
shared/data/timeml). System: the JSON lines `eventgraph timex` writes, with
byte offsets into the UTF-8 text; they are converted to characters here.

Reports, as TempEval-3 (UzZaman et al. 2013) does:
  strict  P/R/F1: system and gold extents identical;
  relaxed P/R/F1: extents overlap (one-to-one, largest overlap first);
  value and type accuracy over the relaxed matches, and value/type F1
  (relaxed F1 times the accuracy, the TempEval-3 "attribute F1").

Usage:
  tools/timex_score.py GOLD.jsonl [--system OUT.jsonl | --eventgraph BIN]
                       [--errors N] [--doc-errors]
Only the Python standard library; runs with Debian's /usr/bin/python3.
"""
import argparse
import json
import subprocess
import sys


def byte_to_char_map(text):
    """Maps every byte offset of text's UTF-8 form to a character offset."""
    mapping = []
    for i, ch in enumerate(text):
        mapping.extend([i] * len(ch.encode("utf-8")))
    mapping.append(len(text))
    return mapping


def doc_id(d):
    return d.get("id") or d.get("doc")


def run_system(binary, gold_docs):
    lines = "".join(
        json.dumps({"id": doc_id(d), "dct": d["dct"], "text": d["text"]}) + "\n"
        for d in gold_docs)
    out = subprocess.run([binary, "timex", "-"], input=lines.encode("utf-8"),
                         stdout=subprocess.PIPE, check=False)
    if out.returncode not in (0, 1):
        sys.exit("timex_score: %s exited with %d" % (binary, out.returncode))
    return [json.loads(l) for l in out.stdout.decode("utf-8").splitlines() if l.strip()]


def match(gold, system):
    """One-to-one relaxed matching: pairs by largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if overlap > 0:
                pairs.append((-overlap, gi, si))
    pairs.sort()
    used_g, used_s, result = set(), set(), []
    for _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        result.append((gi, si))
    return result


def prf(correct_sys, n_sys, correct_gold, n_gold):
    p = correct_sys / n_sys if n_sys else 0.0
    r = correct_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--system", help="output of `eventgraph timex` (default: run --eventgraph)")
    ap.add_argument("--eventgraph", default="build/tools/eventgraph/eventgraph",
                    help="the eventgraph binary to run when --system is not given")
    ap.add_argument("--errors", type=int, default=0,
                    help="print up to N examples of each kind of error")
    ap.add_argument("--min-relaxed-f1", type=float, default=0.0,
                    help="exit 1 when relaxed F1 (in %%) falls below this: a regression guard")
    ap.add_argument("--min-value-f1", type=float, default=0.0,
                    help="exit 1 when value F1 (in %%) falls below this")
    args = ap.parse_args()

    with open(args.gold, encoding="utf-8") as f:
        gold_docs = [json.loads(l) for l in f if l.strip()]
    if args.system:
        with open(args.system, encoding="utf-8") as f:
            system_docs = [json.loads(l) for l in f if l.strip()]
    else:
        system_docs = run_system(args.eventgraph, gold_docs)
    by_id = {doc_id(d): d for d in system_docs}

    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    misses, false_pos, wrong_value, wrong_type = [], [], [], []
    for d in gold_docs:
        text = d["text"]
        to_char = byte_to_char_map(text)
        gold = [dict(g) for g in d["timexes"]]
        system = []
        for t in by_id.get(doc_id(d), {}).get("timexes", []):
            s = dict(t)
            s["start"], s["end"] = to_char[t["begin"]], to_char[t["end"]]
            system.append(s)
        n_gold += len(gold)
        n_sys += len(system)
        pairs = match(gold, system)
        matched_g = {gi for gi, _ in pairs}
        matched_s = {si for _, si in pairs}

        def context(x):
            a, b = x["start"], x["end"]
            return (text[max(0, a - 40):a] + "[" + text[a:b] + "]" + text[b:b + 30]).replace("\n", " ")

        for gi, si in pairs:
            g, s = gold[gi], system[si]
            relaxed += 1
            if g["start"] == s["start"] and g["end"] == s["end"]:
                strict += 1
            if g["value"] == s["value"]:
                value_ok += 1
            else:
                wrong_value.append("%s dct=%s gold=%s sys=%s  %s" % (
                    doc_id(d), d["dct"], g["value"], s["value"], context(g)))
            if g["type"] == s["type"]:
                type_ok += 1
            else:
                wrong_type.append("gold=%s sys=%s  %s" % (g["type"], s["type"], context(g)))
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                misses.append("%s %s  %s" % (g["type"], g["value"], context(g)))
        for si, s in enumerate(system):
            if si not in matched_s:
                false_pos.append("%s %s  %s" % (s["type"], s["value"], context(s)))

    sp, sr, sf = prf(strict, n_sys, strict, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, relaxed, n_gold)
    value_acc = value_ok / relaxed if relaxed else 0.0
    type_acc = type_ok / relaxed if relaxed else 0.0
    print("documents %d, gold timexes %d, system timexes %d" % (len(gold_docs), n_gold, n_sys))
    print("strict   P %.2f  R %.2f  F1 %.2f" % (100 * sp, 100 * sr, 100 * sf))
    print("relaxed  P %.2f  R %.2f  F1 %.2f" % (100 * rp, 100 * rr, 100 * rf))
    print("value    accuracy %.2f  F1 %.2f" % (100 * value_acc, 100 * rf * value_acc))
    print("type     accuracy %.2f  F1 %.2f" % (100 * type_acc, 100 * rf * type_acc))
    if args.errors:
        for title, items in (("MISSED", misses), ("FALSE POSITIVES", false_pos),
                             ("WRONG VALUE", wrong_value), ("WRONG TYPE", wrong_type)):
            print("\n== %s (%d)" % (title, len(items)))
            for item in items[:args.errors]:
                print("  " + item)
    if 100 * rf < args.min_relaxed_f1 or 100 * rf * value_acc < args.min_value_f1:
        print("below the required relaxed F1 %.2f / value F1 %.2f" % (args.min_relaxed_f1, args.min_value_f1))
        sys.exit(1)


if __name__ == "__main__":
    main()
