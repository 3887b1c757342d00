#!/usr/bin/python3
"""Runs eventgraph's extract stage on a Dask cluster and merges the result.

The JSONL corpus is cut into partitions at line boundaries; each partition
goes to a worker, which pipes it through `eventgraph extract -` (JSONL
articles on stdin, one mention line per document on stdout); the mention
lines come back in partition order and go to `eventgraph merge - -o DIR`,
which writes the same files as `eventgraph build`.

  # a local cluster of 4 worker processes
  dask_pipeline.py --eventgraph build/tools/eventgraph/eventgraph \\
      --partitions 8 --workers 4 build/bench/corpus.jsonl -o build/bench/dask-out

  # a running cluster (dask-scheduler / dask-worker); the binary must be at
  # the same path on every worker
  dask_pipeline.py --scheduler tcp://10.0.0.5:8786 --eventgraph /opt/eventgraph/bin/eventgraph \\
      --partitions 64 corpus.jsonl -o out/

Needs Debian's python3-distributed (scripts/install-deps.sh).
"""

import argparse
import os
import subprocess
import sys
import time


def split_lines(path, partitions):
    """The file's bytes cut into at most `partitions` chunks of whole lines, in order,
    each with the number of its first line in the file."""
    with open(path, "rb") as f:
        data = f.read()
    if not data:
        return []
    target = max(1, len(data) // partitions)
    chunks = []
    begin = 0
    while begin < len(data):
        end = min(len(data), begin + target)
        if len(chunks) == partitions - 1:
            end = len(data)
        nl = data.find(b"\n", end - 1) if end < len(data) else -1
        end = len(data) if nl < 0 else nl + 1
        chunks.append((data.count(b"\n", 0, begin) + 1, data[begin:end]))
        begin = end
    return chunks


def extract_partition(eventgraph, source, part, extra_args):
    """Runs on a worker: `eventgraph extract -` over one partition. The partition's
    documents keep the source `build` would give them: the corpus file and line."""
    first_line, chunk = part
    started = time.monotonic()
    cmd = [eventgraph, "extract", "-", "--jobs", "1", "--stdin-name", source,
           "--stdin-first-line", str(first_line)] + list(extra_args)
    run = subprocess.run(cmd, input=chunk,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    return {"status": run.returncode, "stdout": run.stdout, "stderr": run.stderr.decode("utf-8", "replace"),
            "seconds": time.monotonic() - started, "bytes": len(chunk), "host": os.uname().nodename}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="JSONL corpus (one article per line)")
    ap.add_argument("-o", "--output", required=True, help="output directory for eventgraph merge")
    ap.add_argument("--eventgraph", default="eventgraph", help="the eventgraph binary (same path on every worker)")
    ap.add_argument("--partitions", type=int, default=8, help="number of partitions (default 8)")
    ap.add_argument("--workers", type=int, default=2, help="local worker processes (default 2; ignored with --scheduler)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://host:8786")
    ap.add_argument("--format", help="passed to eventgraph merge --format")
    ap.add_argument("--mentions", help="also write the gathered mention lines to this file")
    ap.add_argument("--lexicon", help="passed to eventgraph extract --lexicon (a path every worker can read)")
    args = ap.parse_args(argv)
    if args.partitions < 1 or args.workers < 1:
        ap.error("--partitions and --workers must be at least 1")

    from dask.distributed import Client, LocalCluster  # imported late: --help works without Dask

    eventgraph = args.eventgraph
    if os.sep in eventgraph:
        eventgraph = os.path.abspath(eventgraph)
    extra = ["--lexicon", os.path.abspath(args.lexicon)] if args.lexicon else []
    started = time.monotonic()
    chunks = split_lines(args.input, args.partitions)

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    cluster_ready = time.monotonic()
    try:
        futures = [client.submit(extract_partition, eventgraph, args.input, part, extra, pure=False)
                   for part in chunks]
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    extract_done = time.monotonic()

    status = 0
    mention_lines = bytearray()
    for i, r in enumerate(results):
        if r["stderr"]:
            sys.stderr.write("".join("partition %d: %s\n" % (i, l) for l in r["stderr"].splitlines()))
        if r["status"] not in (0, 1):
            print("partition %d: eventgraph extract exited %d" % (i, r["status"]), file=sys.stderr)
            return r["status"]
        status = max(status, r["status"])
        mention_lines += r["stdout"]

    if args.mentions:
        with open(args.mentions, "wb") as f:
            f.write(mention_lines)
    cmd = [eventgraph, "merge", "-", "-o", args.output]
    if args.format:
        cmd += ["--format", args.format]
    merge = subprocess.run(cmd, input=bytes(mention_lines), check=False)
    done = time.monotonic()
    size = sum(len(c) for _, c in chunks)
    print("dask: %d partitions, %.2f MB, cluster start %.2f s, extract %.2f s on the workers (%.2f MB/s), "
          "merge %.2f s, total %.2f s"
          % (len(chunks), size / 1e6, cluster_ready - started, extract_done - cluster_ready,
             size / 1e6 / max(extract_done - cluster_ready, 1e-9), done - extract_done, done - started),
          file=sys.stderr)
    if merge.returncode != 0:
        return merge.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
