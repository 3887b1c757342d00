#!/usr/bin/python3
"""Writes the seed corpus of the fuzz harnesses (tests/fuzz/corpus/<target>/)
from the samples and a few hand-made inputs. Run from anywhere:
    /usr/bin/python3 tests/fuzz/make_seeds.py
The files are committed; rerun only to change the seeds."""
import json
import pathlib

here = pathlib.Path(__file__).resolve().parent
root = here.parent.parent
samples = sorted((root / "samples").glob("*.txt"))
texts = [p.read_text(encoding="utf-8") for p in samples]


def put(target, name, data):
    path = here / "corpus" / target / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def paragraphs(text, n, size=1200):
    """The first `n` pieces of about `size` bytes, cut at paragraph ends."""
    out, cur = [], ""
    for para in text.split("\n"):
        cur += para + "\n"
        if len(cur) >= size:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out[:n]


# manifest: the samples' manifest pointing at the harness's own files.
put("manifest", "samples_like.json", json.dumps({"documents": [
    {"id": "a", "file": "a.txt", "outlet": "cnsnews.com", "title": "Talks", "published": "2015-09-30T08:23:00-04:00"},
    {"id": "b", "file": "b.txt", "outlet": "rt.com", "published": "2015-09-29"},
    {"file": "empty.txt"}, {"file": "utf16.txt"}, {"file": "sub"}, {"file": "missing.txt"}]}, indent=2))
put("manifest", "bad_fields.json", '{"documents": [{"id": 3, "file": "a.txt"}, 7, {"file": "a.txt", "published": "Sept 30"}]}')
put("manifest", "syntax_error.json", '{"documents": [\n  {"id": "a", "file": "a.txt",}\n]}')
put("manifest", "not_object.json", '[1, 2, {"documents": []}]')

# jsonl: records of every shape.
lines = [json.dumps({"id": "cns", "outlet": "cnsnews.com", "published": "2015-09-30T08:23:00-04:00",
                     "title": "Talks", "text": texts[0][:300]}),
         json.dumps({"id": "rt", "text": "Moscow, 29 Sep, 2015 23:35\nPutin met Obama."}),
         '{"id": "x", "text": 5}', '{"text": "no id"}', '[1,2]', '{"id": "y", "text": "a\\u0000b"}',
         '{"id": "z", "published": "2015-13-45", "text": "hi"}', '  ', '{"id": "bad", ']
put("jsonl", "records.jsonl", "\n".join(lines) + "\n")
put("jsonl", "crlf.jsonl", '{"id": "c", "text": "Carter said\\r\\nhello"}\r\n{"id": "d", "text": "\\ud83d\\ude00"}\r\n')

# text, extract: pieces of the samples, and the samples' own troubles.
for i, text in enumerate(texts):
    for k, piece in enumerate(paragraphs(text, 2)):
        put("text", f"sample{i}_{k}.txt", piece)
        put("extract", f"sample{i}_{k}.txt", piece)
put("text", "mixed.txt", b"\xef\xbb\xbfA\r\nB\rC \xe2\x80\x9cquoted\xe2\x80\x9d \xc3( bad\x00 \x07 Font Size\n\xe2\x80\xa8Sen. J. Smith Jr. said so. U.S. troops left.")
put("extract", "quotes.txt", '"We do not want an accident," Pentagon spokesman Peter Cook said on Tuesday. '
    'Russian President Vladimir Putin will meet Barack Obama in New York next week, the Kremlin said.')

# time: first byte = flags (bit 0: no publication day, bit 1: day first).
time_seeds = ["on Tuesday, Sept. 29, 2015, and last week", "03/04/2015 at 8:23am EDT, two years ago",
              "the day before; a year earlier; the 1990s; Q3 2015; mid-October", "every Monday for 4 years, since 2014",
              "until next spring, the following day, 29 Sep, 2015 23:35"]
for i, s in enumerate(time_seeds):
    put("time", f"seed{i}.txt", bytes([i % 4]) + s.encode())


# output: length-prefixed fields (fuzz::Fields in fuzz_support.h).
def field(s):
    b = s.encode("utf-8", "surrogatepass") if isinstance(s, str) else s
    return bytes([len(b)]) + b


def output_seed(doc_ids, names, quote, label):
    out = b""
    for i, d in enumerate(doc_ids):
        out += field(d) + field("example.com") + field('http://example.com/a b?q=<1>&r="2"#top')
        out += field(names[0]) + bytes([1]) + field("evil.txt") + field("Intro. " + names[0] + " met them. " + quote)
    for i, n in enumerate(names):
        out += field(f"person:{i}") + bytes([i]) + field(n) + field("Alias") + field(n[::-1]) + field("Q42")
    for i in range(2):
        out += field(f"ev-{i}") + field("meeting") + field("040") + field(label) + bytes([i, 1])
        out += bytes([1, 3, 2]) + (bytes([0, 7, 3, 1, 2, 2]) + bytes([1, 1, 2] * 3)) * 2
        out += bytes([1]) + field("2015-09-28") + field("2015-09-27")
    return out + field("input.jsonl") + field("invalid JSON near \"\\\"")


put("output", "evil.bin", output_seed(["doc-1", "doc-2"], ['Evil "Name" \\ <b> & ]]> line1\nline2 Zoë 日本', "Here \\", "bell\x07tab\tend"],
                                      "=HYPERLINK(\"http://x\")", "Meeting: \\N \\l \"x\""))
put("output", "plain.bin", output_seed(["cnsnews-20150930", "rt-20150929"], ["Barack Obama", "Vladimir Putin", "Russia"],
                                       "We do not want an accident", "Meeting: Barack Obama and Vladimir Putin"))
put("output", "bytes.bin", output_seed([b"\xff\xfe".decode("latin-1"), "d\r\n"], ["\ud800x", "a,b\r\nc", "'-1+2"],
                                       "\x00nul", "]]>&#0;"))
