#!/usr/bin/env python3
"""Makes a folder of N reports for the CLI and page batch benchmarks.

    python3 bench/make_corpus.py DIR [N=1000]              # copies of the five seeds
    python3 bench/make_corpus.py --distinct DIR [N=1000]   # N reports of N distinct agencies

Default mode: copies of the five seeds, two in three with one table number changed (so the
checker finds errors in many of them). Every agency appears N/5 times in one year, so a batch of
them pairs and duplicates everything (M.DUPYEAR with hundreds of names per report): it measures
the batch's pairing more than the check.

`--distinct`: report i is seed i % 5 with its agency name replaced everywhere in document.xml by
a name of its own (a county of a generated list + a department; no two reports share an agency
key) and every year of the text shifted by i % 4 (2015-2024 stays plausible), two in three with
one table number changed as above. Nothing pairs (no two reports of one agency) and nothing
duplicates: the batch measures the check of N different reports.

Idempotent: does nothing when DIR already holds the same N files made by this version and mode.
"""
import hashlib
import os
import re
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
samples = os.path.join(here, "..", "tests", "fixtures", "samples")
args = [a for a in sys.argv[1:] if not a.startswith("--")]
distinct = "--distinct" in sys.argv[1:]
out = args[0]
n = int(args[1]) if len(args) > 1 else 1000
stamp = os.path.join(out, ".corpus-stamp")
with open(__file__, "rb") as f:
    version = f"{n} {'distinct' if distinct else 'copies'} {hashlib.sha256(f.read()).hexdigest()[:16]}"
if os.path.exists(stamp) and open(stamp).read() == version:
    print(f"corpus: {out} already has {n} reports")
    sys.exit(0)
os.makedirs(out, exist_ok=True)
for name in os.listdir(out):
    if name.endswith(".docx"):
        os.remove(os.path.join(out, name))

# The agency name each seed's title and text use (as written in document.xml's runs).
SEED_AGENCIES = ["繁峙县卫生健康和体育局", "阿合奇县卫生健康委员会", "曲沃县卫生健康和体育局", "赵县卫生健康局",
                 "宁海县卫生健康局"]
# Generated county names: a character of each list + 县 (40 × 25 counties).
FIRST = "安宝昌崇丹德东丰福阜广海和华怀嘉建江金靖乐临龙隆宁平普庆仁瑞沙寿顺泰通文武祥兴永"
SECOND = "宁平安源昌和城泉阳山水川江河远兴德化林溪云峰湖台田"
DEPTS = ["卫生健康局", "教育局", "民政局", "财政局", "自然资源局", "生态环境局", "交通运输局", "水利局", "农业农村局",
         "商务局", "文化和旅游局", "应急管理局", "市场监督管理局", "统计局", "医疗保障局", "人力资源和社会保障局",
         "住房和城乡建设局", "司法局", "审计局", "林业局"]


def agency(i):
    """A distinct agency for each i < 20,000: county i % 1,000 and a department."""
    c = i % (len(FIRST) * len(SECOND))
    county = FIRST[c % len(FIRST)] + SECOND[c // len(FIRST)] + "县"
    return county + DEPTS[(i + i // (len(FIRST) * len(SECOND))) % len(DEPTS)]


seeds = []
for k in range(5):
    path = os.path.join(samples, f"seed_{k:03}.docx")
    with zipfile.ZipFile(path) as z:
        seeds.append((open(path, "rb").read(), [(i, z.read(i.filename)) for i in z.infolist()]))

number = re.compile(rb"<w:t>(\d+)</w:t>")
year = re.compile(rb"(?<![0-9])(20[12][0-9])(?![0-9])")
text_run = re.compile(rb"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")
names = set()
for i in range(n):
    raw, parts = seeds[i % 5]
    dest = os.path.join(out, f"report_{i:05}.docx")
    if not distinct and i % 3 == 0:
        with open(dest, "wb") as f:
            f.write(raw)
        continue
    if distinct:
        name = agency(i)
        assert name not in names, f"agency {name} twice"
        names.add(name)
        shift = i % 4
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "word/document.xml":
                if i % 3 != 0:
                    hits = list(number.finditer(data))
                    m = hits[(i * 7919) % len(hits)]
                    new = str(int(m.group(1)) + 1 + i % 9).encode()
                    data = data[: m.start(1)] + new + data[m.end(1):]
                if distinct:
                    data = data.replace(SEED_AGENCIES[i % 5].encode(), name.encode())
                    data = text_run.sub(
                        lambda m: m.group(1)
                        + year.sub(lambda y: str(int(y.group(1)) - shift).encode(), m.group(2))
                        + m.group(3),
                        data,
                    )
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
with open(stamp, "w") as f:
    f.write(version)
print(f"corpus: wrote {n} reports to {out}" + (f" ({len(names)} distinct agencies)" if distinct else ""))
