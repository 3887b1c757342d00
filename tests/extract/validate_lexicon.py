"""Validates every lexicon file against schemas/lexicon.schema.json (JSON
Schema draft 2020-12) and checks what a schema cannot say: ids unique within
the built-in files, references ("of", "part_of", "affiliation") to entities
that exist, and countries.json in step with tools/gen_country_lexicon.py.

Usage: validate_lexicon.py SOURCE_DIR [EXTRA_LEXICON ...]
"""
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

source = pathlib.Path(sys.argv[1])
schema = json.loads((source / "schemas/lexicon.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

files = sorted((source / "lib/extract/lexicon").glob("*.json")) + [pathlib.Path(p) for p in sys.argv[2:]]
failures = []
ids = {}
references = []
for path in files:
    lexicon = json.loads(path.read_text(encoding="utf-8"))
    errors = sorted(validator.iter_errors(lexicon), key=lambda e: list(e.absolute_path))
    for error in errors:
        failures.append(f"{path.name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    for entity in lexicon.get("entities", []):
        if entity["id"] in ids:
            failures.append(f"{path.name}: {entity['id']} already defined in {ids[entity['id']]}")
        ids[entity["id"]] = path.name
        if "part_of" in entity:
            references.append((path.name, entity["id"], entity["part_of"]))
        for role in entity.get("roles", []):
            references.append((path.name, entity["id"], role["of"]))
    for title in lexicon.get("titles", []):
        if isinstance(title, dict) and "affiliation" in title:
            references.append((path.name, title["title"], title["affiliation"]))
    print(f"{path.name}: {len(lexicon.get('entities', []))} entities, "
          f"{len(lexicon.get('titles', []))} titles, {len(errors)} schema errors")
for file, owner, target in references:
    if target not in ids:
        failures.append(f"{file}: {owner} refers to {target}, which no lexicon file defines")

# countries.json is generated: re-running the script must give the same bytes.
iso = pathlib.Path("/usr/share/iso-codes/json/iso_3166-1.json")
if iso.exists():
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "countries.json"
        subprocess.run([sys.executable, str(source / "tools/gen_country_lexicon.py"), str(iso), str(out)],
                       check=True, capture_output=True)
        if out.read_bytes() != (source / "lib/extract/lexicon/countries.json").read_bytes():
            failures.append("countries.json differs from what tools/gen_country_lexicon.py generates")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("all lexicon files valid")
