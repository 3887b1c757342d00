"""events.dot of the samples renders with `dot -Tsvg`: exit status 0 and
nothing at all on stderr (no warnings). Usage: dot_svg.py BINARY SOURCE_DIR"""
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from common import build

binary, source = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as out:
    events = build(binary, source, out)
    dot = pathlib.Path(out) / "events.dot"
    run = subprocess.run(["dot", "-Tsvg", str(dot)], capture_output=True)
    print(f"dot -Tsvg: exit {run.returncode}, {len(run.stdout)} bytes of SVG, stderr {run.stderr!r}")
    assert run.returncode == 0
    assert run.stderr == b"", run.stderr.decode(errors="replace")
    svg = ET.fromstring(run.stdout)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    titles = {t.text for t in svg.iterfind(".//svg:g[@class='node']/svg:title", ns)}
    missing = [e["id"] for e in events["events"] if e["id"] not in titles]
    assert not missing, missing
    print(f"svg: {len(titles)} nodes drawn, every event among them")
print("dot: ok")
