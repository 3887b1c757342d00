#!/usr/bin/python3
"""Scores `eventgraph extract` on annotated documents.

Usage:
  tools/score_extraction.py BINARY [--inputs samples] [--annotations samples/annotations.json]
                            [--gold samples/gold.json] [--json] [--check]

Reports, from the mention-level annotation (schemas/annotations.schema.json):
per-type precision, recall and F1 of factual mentions (asserted or reported;
a predicted mention matches an annotated one when document and type are
equal and the trigger spans overlap), date and actor accuracy of the matched
mentions, and modality accuracy on annotated non-factual mentions.
From the event gold (samples/gold.json): for each required event, whether
every document that reports it has a factual mention with the right type,
a compatible date and a gold actor; and the share of factual mentions that
match no gold event. --check exits 1 when a required event is missed or that
share is above 20%. Standard library only (Debian's /usr/bin/python3).
"""
import argparse
import json
import subprocess
import sys
from collections import defaultdict

FACTUAL = {"asserted", "reported"}


def run_lines(cmd):
    out = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def locate(sentences, evidence, trigger):
    """Byte span of `trigger` inside the first sentence holding `evidence`."""
    for s in sentences:
        text = s["text"]
        at = text.find(evidence)
        if at < 0:
            continue
        t = text.find(trigger, at)
        if t < 0 or t >= at + len(evidence):
            break
        begin = s["begin"] + len(text[:t].encode())
        return (begin, begin + len(trigger.encode()))
    return None


def date_compatible(found, gold):
    """Gold's rule: equal, or a coarser value that contains it."""
    if gold is None:
        return True
    if not found:
        return False
    found = found[:10] if "T" in found else found
    return gold == found or (gold.startswith(found) and len(found) < len(gold))


def names_of(doc):
    names = {}
    for e in doc["entities"]:
        names[e["id"]] = {e["name"].lower(), *(a.lower() for a in e.get("aliases", []))}
    return names


def actor_names(mention, names):
    return [names.get(a["entity"], {a["name"].lower()}) for a in mention["actors"]]


def shares_actor(mention, names, gold_actors):
    wanted = {g.lower() for g in gold_actors}
    return any(n & wanted for n in actor_names(mention, names))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--inputs", default="samples")
    ap.add_argument("--annotations", default="samples/annotations.json")
    ap.add_argument("--gold", default="samples/gold.json")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    docs = {d["doc"]: d for d in run_lines([args.binary, "extract", args.inputs])}
    sentences = defaultdict(list)
    for s in run_lines([args.binary, "segment", args.inputs]):
        sentences[s["doc"]].append(s)
    annotations = json.load(open(args.annotations))["mentions"]
    gold = json.load(open(args.gold))

    problems = []
    # --- mention level -----------------------------------------------------
    for a in annotations:
        a["span"] = locate(sentences[a["doc"]], a["evidence"], a["trigger"])
        if a["span"] is None:
            problems.append(f"annotation not found in {a['doc']}: {a['evidence']!r} / {a['trigger']!r}")
    predicted = [(doc_id, m) for doc_id, d in docs.items() for m in d["mentions"]]

    def overlaps(m, a):
        return a["span"] and m["span"][0] < a["span"][1] and a["span"][0] < m["span"][1]

    per_type = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    dates_ok = actors_ok = matched = 0
    used = set()
    for doc_id, m in predicted:
        if m["modality"] not in FACTUAL:
            continue
        hit = next((i for i, a in enumerate(annotations)
                    if i not in used and a["doc"] == doc_id and a["type"] == m["type"]
                    and a.get("modality", "asserted") in FACTUAL and overlaps(m, a)), None)
        if hit is None:
            per_type[m["type"]]["fp"] += 1
            continue
        used.add(hit)
        a = annotations[hit]
        per_type[m["type"]]["tp"] += 1
        matched += 1
        value = m["time"]["value"]
        dates_ok += a["date"] is None or (value[:10] if "T" in value else value) == a["date"]
        actors_ok += shares_actor(m, names_of(docs[doc_id]), a["actors"])
    for i, a in enumerate(annotations):
        if a.get("modality", "asserted") in FACTUAL and i not in used:
            per_type[a["type"]]["fn"] += 1
    modal = [a for a in annotations if a.get("modality", "asserted") not in FACTUAL]
    modal_ok = sum(any(overlaps(m, a) and m["type"] == a["type"] and m["modality"] == a["modality"]
                       for doc_id, m in predicted if doc_id == a["doc"]) for a in modal)

    def prf(c):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    total = {k: sum(c[k] for c in per_type.values()) for k in ("tp", "fp", "fn")}
    # --- event gold ----------------------------------------------------------
    factual = [(d, m) for d, m in predicted if m["modality"] in FACTUAL]
    missed = []
    for g in gold["events"]:
        if g["status"] != "required":
            continue
        for doc_id in g["reported_by"]:
            d = docs.get(doc_id)
            ok = d and any(m["type"] == g["type"] and date_compatible(m["time"]["value"], g["date"])
                           and shares_actor(m, names_of(d), g["actors"]) for m in d["mentions"]
                           if m["modality"] in FACTUAL)
            if not ok:
                missed.append(f"{g['id']} ({g['type']} {g['date']}) in {doc_id}")
    unmatched = []
    for doc_id, m in factual:
        names = names_of(docs[doc_id])
        if not any(m["type"] == g["type"] and date_compatible(m["time"]["value"], g["date"])
                   and shares_actor(m, names, g["actors"]) for g in gold["events"]):
            unmatched.append(f"{doc_id} {m['type']} {m['time']['value']} {m['text']!r} "
                             f"{[a['name'] for a in m['actors']]}")
    share = len(unmatched) / len(factual) if factual else 0.0

    report = {
        "mentions": {t: dict(zip(("precision", "recall", "f1"), prf(c)), **c) for t, c in sorted(per_type.items())},
        "total": dict(zip(("precision", "recall", "f1"), prf(total)), **total),
        "dates_accuracy": dates_ok / matched if matched else 0.0,
        "actors_accuracy": actors_ok / matched if matched else 0.0,
        "modality_accuracy": modal_ok / len(modal) if modal else 1.0,
        "gold_required_missed": missed,
        "gold_unmatched_share": share,
        "gold_unmatched": unmatched,
        "problems": problems,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
        for t, c in sorted(per_type.items()):
            p, r, f = prf(c)
            print(f"{t:<12}{p:7.2f}{r:7.2f}{f:7.2f}{c['tp']:5}{c['fp']:5}{c['fn']:5}")
        p, r, f = prf(total)
        print(f"{'all':<12}{p:7.2f}{r:7.2f}{f:7.2f}{total['tp']:5}{total['fp']:5}{total['fn']:5}")
        print(f"date accuracy {report['dates_accuracy']:.2f}, actor accuracy {report['actors_accuracy']:.2f}, "
              f"modality accuracy (non-factual) {report['modality_accuracy']:.2f} over {matched} matched")
        print(f"gold: required (event, document) pairs missed: {len(missed)}; "
              f"factual mentions matching no gold event: {len(unmatched)}/{len(factual)} = {share:.0%}")
        for line in missed:
            print("  missed:", line)
        for line in unmatched:
            print("  unmatched:", line)
        for line in problems:
            print("  problem:", line)
    if args.check and (missed or share > 0.2 or problems):
        sys.exit(1)


if __name__ == "__main__":
    main()
