#!/usr/bin/env python3
"""Makes a folder of N reports for the CLI throughput benchmark: copies of the five seeds, two in
three with one table number changed (so the checker finds errors in many of them).

    python3 bench/make_corpus.py DIR [N=1000]

Idempotent: does nothing when DIR already holds the same N files made by this version.
"""
import hashlib
import os
import re
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
samples = os.path.join(here, "..", "tests", "fixtures", "samples")
out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
stamp = os.path.join(out, ".corpus-stamp")
with open(__file__, "rb") as f:
    version = f"{n} {hashlib.sha256(f.read()).hexdigest()[:16]}"
if os.path.exists(stamp) and open(stamp).read() == version:
    print(f"corpus: {out} already has {n} reports")
    sys.exit(0)
os.makedirs(out, exist_ok=True)
for name in os.listdir(out):
    if name.endswith(".docx"):
        os.remove(os.path.join(out, name))

seeds = []
for k in range(5):
    path = os.path.join(samples, f"seed_{k:03}.docx")
    with zipfile.ZipFile(path) as z:
        seeds.append((open(path, "rb").read(), [(i, z.read(i.filename)) for i in z.infolist()]))

number = re.compile(rb"<w:t>(\d+)</w:t>")
for i in range(n):
    raw, parts = seeds[i % 5]
    dest = os.path.join(out, f"report_{i:05}.docx")
    if i % 3 == 0:
        with open(dest, "wb") as f:
            f.write(raw)
        continue
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "word/document.xml":
                hits = list(number.finditer(data))
                m = hits[(i * 7919) % len(hits)]
                new = str(int(m.group(1)) + 1 + i % 9).encode()
                data = data[: m.start(1)] + new + data[m.end(1):]
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
with open(stamp, "w") as f:
    f.write(version)
print(f"corpus: wrote {n} reports to {out}")
