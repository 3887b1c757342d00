"""Builds the samples and validates events.json and the samples' manifest
against their JSON Schemas (draft 2020-12). Usage: validate_schema.py BINARY SOURCE_DIR"""
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
with tempfile.TemporaryDirectory() as out:
    subprocess.run([binary, "build", str(source / "samples"), "-o", out, "-q"], check=True)
    events = json.loads((pathlib.Path(out) / "events.json").read_text())
for instance, schema_name in [(events, "eventgraph.schema.json"),
                              (json.loads((source / "samples/manifest.json").read_text()),
                               "manifest.schema.json")]:
    schema = json.loads((source / "schemas" / schema_name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(instance)
    print(f"{schema_name}: valid")
assert len(events["documents"]) == 3, events["documents"]
