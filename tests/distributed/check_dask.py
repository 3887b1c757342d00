#!/usr/bin/python3
"""The Dask pipeline (tools/bench/dask_pipeline.py) writes the same files as
single-process `eventgraph build`, byte for byte: a 0.3 MiB generated
corpus in 4 partitions on a LocalCluster of 2 worker processes, each
partition through `eventgraph extract -`, the mention lines through
`eventgraph merge -`.

Exits 77 (CTest SKIP_RETURN_CODE) only when `eventgraph merge --help`
fails, i.e. this eventgraph has no merge command yet.

  check_dask.py EVENTGRAPH SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile

SKIP = 77


def main():
    eventgraph, source = sys.argv[1], sys.argv[2]
    probe = subprocess.run([eventgraph, "merge", "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if probe.returncode != 0:
        print("SKIP: `%s merge --help` exited %d: this eventgraph has no merge command yet, "
              "so the Dask pipeline cannot run" % (eventgraph, probe.returncode))
        return SKIP
    bench = os.path.join(source, "tools", "bench")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["/usr/bin/python3", os.path.join(bench, "generate_corpus.py"), "--megabytes", "0.3",
                        "--seed", "3", "-o", tmp], check=True)
        corpus = os.path.join(tmp, "corpus.jsonl")
        single, dask = os.path.join(tmp, "single"), os.path.join(tmp, "dask")
        build = subprocess.run([eventgraph, "build", corpus, "-o", single])
        if build.returncode != 0:
            print("FAIL: eventgraph build exited %d" % build.returncode)
            return 1
        run = subprocess.run(["/usr/bin/python3", os.path.join(bench, "dask_pipeline.py"), "--eventgraph", eventgraph,
                              "--partitions", "4", "--workers", "2", corpus, "-o", dask])
        if run.returncode != 0:
            print("FAIL: dask_pipeline.py exited %d" % run.returncode)
            return 1
        expected = sorted(os.listdir(single))
        got = sorted(os.listdir(dask))
        failures = []
        if expected != got:
            failures.append("files differ: build wrote %s, the Dask run %s" % (expected, got))
        for name in sorted(set(expected) & set(got)):
            with open(os.path.join(single, name), "rb") as f:
                a = f.read()
            with open(os.path.join(dask, name), "rb") as f:
                b = f.read()
            if a != b:
                at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                failures.append("%s differs from build's at byte %d (%d vs %d bytes): %r vs %r"
                                % (name, at, len(a), len(b), a[max(0, at - 40):at + 40], b[max(0, at - 40):at + 40]))
        for f in failures:
            print("FAIL: " + f)
        if not failures:
            print("ok: %d files equal byte for byte" % len(expected))
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
