"""Checks the merged events of the samples against samples/gold.json.

Usage: check_gold.py BINARY SOURCE_DIR

- each required gold event is exactly one event carrying every document of
  its reported_by; no two events match the same gold event;
- at most 20% of the factual events match no gold event;
- the same bytes come out when the inputs are given in another order;
- with Breitbart's date removed from the manifest, its "Tuesday" still lands
  on 2015-09-29 and the document is marked as inferred.
A found event matches a gold event when the type is equal, the date equal or
a coarser value containing it, and an actor is shared (the gold's "about").
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

# The gold's date rule, shared with the extraction scorer.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tools"))
from score_extraction import date_compatible  # noqa: E402

binary, source = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
gold = json.loads((source / "samples/gold.json").read_text())
FACTUAL = {"asserted", "reported"}
failures = []


def build(inputs, out, cwd=None):
    subprocess.run([binary, "build", "-q", *inputs, "-o", str(out), "--format=json"], check=True, cwd=cwd)
    return json.loads((out / "events.json").read_text())


def matches(event, g, names):
    if event["type"] != g["type"] or not date_compatible(event["date"], g["date"]):
        return False
    wanted = {a.lower() for a in g["actors"]}
    return any(names.get(a["entity"], set()) & wanted for a in event["actors"])


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    result = build([str(source / "samples")], tmp / "a")
    names = {e["id"]: {e["name"].lower(), *(x.lower() for x in e["aliases"])} for e in result["entities"]}
    factual = [e for e in result["events"] if e["modality"] in FACTUAL]
    print(f"{len(result['events'])} events ({len(factual)} factual) from "
          f"{sum(len(e['mentions']) for e in result['events'])} mentions")
    for g in gold["events"]:
        found = [e for e in factual if matches(e, g, names)]
        docs = set(g["reported_by"])
        if g["status"] == "required":
            carrying = [e for e in found if docs <= {m["doc"] for m in e["mentions"]}]
            if len(found) != 1 or not carrying:
                failures.append(f"{g['id']} ({g['type']} {g['date']}): {len(found)} events match, "
                                f"{len(carrying)} carry all of {sorted(docs)}: "
                                f"{[(e['label'], sorted({m['doc'] for m in e['mentions']})) for e in found]}")
        print(f"  {g['id']:4} {g['status']:8} {g['type']:10} {str(g['date']):10} -> "
              f"{[e['id'] + ' ' + '/'.join(e['outlets']) for e in found]}")
    unmatched = [e for e in factual if not any(matches(e, g, names) for g in gold["events"])]
    share = len(unmatched) / len(factual)
    print(f"factual events matching no gold event: {len(unmatched)}/{len(factual)} = {share:.0%}")
    for e in unmatched:
        print("  unmatched:", e["label"], e["date"], e["outlets"])
    if share > 0.2:
        failures.append(f"{share:.0%} of the factual events match no gold event")

    # Another input order: the same bytes. Both runs name their input
    # "samples" (the paths given are recorded as document sources).
    manifest = json.loads((source / "samples/manifest.json").read_text())
    for name, order in (("forward", manifest["documents"]), ("reversed", manifest["documents"][::-1])):
        folder = tmp / name / "samples"
        folder.mkdir(parents=True)
        for f in (source / "samples").glob("*.txt"):
            shutil.copy(f, folder / f.name)
        (folder / "manifest.json").write_text(json.dumps({"documents": order}))
        build(["samples"], tmp / name / "out", cwd=tmp / name)
    if (tmp / "forward/out/events.json").read_bytes() != (tmp / "reversed/out/events.json").read_bytes():
        failures.append("reversed manifest order gives different bytes")
    shuffled = tmp / "reversed" / "samples"

    # Breitbart without its date.
    for d in manifest["documents"]:
        if d["id"] == "breitbart-20150929":
            del d["published"]
    (shuffled / "manifest.json").write_text(json.dumps(manifest))
    undated = build([str(shuffled)], tmp / "c")
    doc = next(d for d in undated["documents"] if d["id"] == "breitbart-20150929")
    if doc["published"] != "2015-09-29" or not doc["published_inferred"]:
        failures.append(f"Breitbart's date was not inferred: {doc['published']} {doc['published_inferred']}")
    tuesday = [m for e in undated["events"] for m in e["mentions"]
               if m["doc"] == "breitbart-20150929" and m["time"]["value"] == "2015-09-29"]
    if not tuesday:
        failures.append("no Breitbart mention dated 2015-09-29 without its date")
    print(f"undated Breitbart: published {doc['published']} (inferred: {doc['published_inferred']}), "
          f"{len(tuesday)} mentions on 2015-09-29")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
