"""Validates files against eventgraph's JSON Schemas (draft 2020-12).

Usage:
  validate_schema.py BINARY SOURCE_DIR
      builds the samples; validates events.json, the samples' manifest and
      the output of `eventgraph diff --json`.
  validate_schema.py --files SOURCE_DIR SCHEMA FILE...
      validates each FILE against schemas/SCHEMA (e.g. gold.schema.json)."""
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema


def validate(instance, source, schema_name, label):
    schema = json.loads((source / "schemas" / schema_name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(instance)
    print(f"{label}: valid against {schema_name}")


if sys.argv[1] == "--files":
    source, schema_name, files = pathlib.Path(sys.argv[2]), sys.argv[3], sys.argv[4:]
    assert files, "no file given"
    for f in files:
        validate(json.loads(pathlib.Path(f).read_text()), source, schema_name, f)
    sys.exit(0)

binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
with tempfile.TemporaryDirectory() as out:
    subprocess.run([binary, "build", str(source / "samples"), "-o", out, "-q"], check=True)
    events = json.loads((pathlib.Path(out) / "events.json").read_text())
    diff = json.loads(subprocess.run([binary, "diff", str(pathlib.Path(out) / "events.json"), "--json"],
                                     check=True, capture_output=True, text=True).stdout)
validate(events, source, "eventgraph.schema.json", "events.json")
validate(json.loads((source / "samples/manifest.json").read_text()), source, "manifest.schema.json",
         "samples/manifest.json")
validate(diff, source, "diff.schema.json", "eventgraph diff --json")
assert len(events["documents"]) == 3, events["documents"]
# Every pair of the three outlets, and rt.com's article (2015-09-29T23:35Z)
# came before the events of 2015-09-30 that cnsnews.com reports.
assert [(p["first"], p["second"]) for p in diff["pairs"]] == [
    ("breitbart.com", "cnsnews.com"), ("breitbart.com", "rt.com"), ("cnsnews.com", "rt.com")], diff["pairs"]
cns_rt = diff["pairs"][2]
assert {e["type"] for e in cns_rt["after_second_publication"]} >= {"airstrike", "vote"}, cns_rt
assert all(e["date_range"][0] > "2015-09-29" for e in cns_rt["after_second_publication"]), cns_rt
