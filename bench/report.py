#!/usr/bin/env python3
"""Collects the outputs of scripts/bench.sh (OUT/*.txt: divan tables and BENCH-JSON lines) into
OUT/results.json and regenerates the results section of BENCHMARKS.md (between the
`<!-- bench:begin -->` and `<!-- bench:end -->` markers).

    python3 bench/report.py target/bench [--no-md]
"""
import json
import os
import platform
import re
import subprocess
import sys
import time

out_dir = sys.argv[1]
write_md = "--no-md" not in sys.argv
here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)

SEEDS = [f"seed_00{i}" for i in range(5)]
LARGE = ["large_images", "large_text", "large"]
UNITS = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}


def read(name):
    path = os.path.join(out_dir, name)
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""


def bench_json(text):
    return [json.loads(l.split(" ", 1)[1]) for l in text.splitlines() if l.startswith("BENCH-JSON ")]


def ms(s):
    v, u = s.split()
    return float(v) * UNITS[u]


def parse_divan(text):
    """{group: {function: {input: {fastest, slowest, median, mean}}}} in ms."""
    out, path = {}, []
    for line in text.splitlines():
        if "│" not in line or line.startswith("pipeline") or "Timer precision" in line:
            continue
        cols = [c.strip() for c in line.split("│")]
        head = line.split("│")[0] if not line.startswith("│") else None
        m = re.match(r"^([\s│├╰─]*?)([├╰]─ )(\S+)\s*(.*)$", line)
        if not m:
            continue
        depth = len(m.group(1)) // 3
        name, rest = m.group(3), m.group(4)
        path = path[:depth] + [name]
        fields = [c.strip() for c in rest.split("│")]
        if fields and fields[0]:
            try:
                fastest, slowest, median, mean = (ms(f) for f in fields[:4])
            except (ValueError, KeyError):
                continue
            g, f, arg = (path + ["", "", ""])[:3]
            out.setdefault(g, {}).setdefault(f, {})[arg] = {
                "fastest": fastest, "slowest": slowest, "median": median, "mean": mean,
                "samples": int(fields[4]) if len(fields) > 4 and fields[4].isdigit() else None,
            }
        del cols, head
    return out


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return ""


def npm_version(pkg):
    try:
        with open(os.path.join(here, "node_modules", pkg, "package.json")) as f:
            return json.load(f)["version"]
    except Exception:
        return None


# ---------------------------------------------------------------------------------------------
def merge_runs(runs):
    """Per figure: fastest over all runs, median of the runs' medians (and their spread)."""
    merged = {}
    for run in runs:
        for g, fns in run.items():
            for fn, args in fns.items():
                for arg, v in args.items():
                    merged.setdefault(g, {}).setdefault(fn, {}).setdefault(arg, []).append(v)
    for g, fns in merged.items():
        for fn, args in fns.items():
            for arg, vs in args.items():
                meds = sorted(v["median"] for v in vs)
                args[arg] = {"fastest": min(v["fastest"] for v in vs), "median": meds[len(meds) // 2],
                             "median_min": meds[0], "median_max": meds[-1], "runs": len(vs),
                             "mean": sum(v["mean"] for v in vs) / len(vs)}
    return merged


pipeline_files = sorted(f for f in os.listdir(out_dir) if re.fullmatch(r"pipeline(\.\d+)?\.txt", f))
native = merge_runs([parse_divan(read(f)) for f in pipeline_files])
pipeline_runs = len(pipeline_files)
memory = [f for f in bench_json(read("memory.txt"))]
cli = bench_json(read("cli.txt"))
size = bench_json(read("size.txt"))
browser = bench_json(read("browser.txt"))
python = bench_json(read("python.txt"))

mem_total = 0
for l in open("/proc/meminfo"):
    if l.startswith("MemTotal"):
        mem_total = int(l.split()[1]) // 1024
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
env = next((f for f in browser if f.get("bench") == "browser-env"), {})
machine = {
    "nproc": os.cpu_count(),
    "cpu": cpu,
    "memory_mib": mem_total,
    "kernel": platform.release(),
    "rustc": sh("rustc --version"),
    "chromium": env.get("chromium") or sh("/usr/bin/chromium --version"),
    "node": sh("node --version"),
    "docx-preview": npm_version("docx-preview"),
    "mammoth": npm_version("mammoth"),
    "playwright-core": npm_version("playwright-core"),
    "python-docx": next((f.get("version") for f in python if f.get("version")), None),
    "python": sh(f"{sys.executable} --version"),
    "nianbao": env.get("nianbao"),
    "commit": sh(f"git -C {repo} rev-parse --short HEAD"),
    "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    "load_average": os.getloadavg(),
}
results = {"machine": machine, "native": native, "memory": memory, "cli": cli, "page_size": size,
           "browser": browser, "python_docx": python}
with open(os.path.join(out_dir, "results.json"), "w") as f:
    json.dump(results, f, indent=1, ensure_ascii=False)
print(f"wrote {os.path.join(out_dir, 'results.json')}")


# ---------------------------------------------------------------------------------------------
def nat(group, fn, inp, stat="median"):
    try:
        return native[group][fn][inp][stat]
    except KeyError:
        return None


def br(tool, inp, bench="browser"):
    return next((f for f in browser if f.get("bench") == bench and f.get("tool") == tool and f.get("input") == inp), None)


def med(tool, inp, bench="browser"):
    f = br(tool, inp, bench)
    return f["median"] if f else None


def py(inp):
    return next((f["median"] for f in python if f.get("input") == inp), None)


def f_ms(v):
    if v is None:
        return "—"
    if v < 1:
        return f"{v:.3f} ms"
    if v < 10:
        return f"{v:.2f} ms"
    return f"{v:.1f} ms"


def ratio(a, b):
    return "—" if a is None or b is None or b == 0 else f"{a / b:.1f}×"


def ok(cond):
    return "—" if cond is None else ("**met**" if cond else "**missed**")


def maxof(vals):
    vals = [v for v in vals if v is not None]
    return max(vals) if vals else None


DOCX_PREVIEW = "docx-preview renderAsync"
MAMMOTH = "mammoth convertToHtml"
WASM = "nianbao wasm check"
DROP = "nianbao page: drop → tables drawn"

lines = []
A = lines.append
A(f"Measured {machine['date']} on commit `{machine['commit']}` (load average at the end: "
  f"{', '.join(f'{x:.2f}' for x in machine['load_average'])}).")
A("")
A("| machine | |")
A("|---|---|")
A(f"| CPU | {machine['cpu']}, {machine['nproc']} cores (`nproc`) |")
A(f"| memory | {machine['memory_mib']:,} MiB |")
A(f"| rustc | {machine['rustc']} |")
A(f"| Chromium | {machine['chromium']} (headless, Debian `/usr/bin/chromium`) |")
A(f"| Node | {machine['node']}; playwright-core {machine['playwright-core']} |")
A(f"| peers | docx-preview {machine['docx-preview']}, mammoth {machine['mammoth']}, "
  f"python-docx {machine['python-docx']} ({machine['python']}) |")
A("")

# Headline table.
wasm_seed = [med(WASM, s) for s in SEEDS]
drop_seed = [med(DROP, s, "drop") for s in SEEDS]
dp_seed = [med(DOCX_PREVIEW, s) for s in SEEDS]
mm_seed = [med(MAMMOTH, s) for s in SEEDS]
check_fast = [nat("check", "check_bytes", s, "fastest") for s in SEEDS]
floor_fast = [nat("floor", "inflate_tokenise", s, "fastest") for s in SEEDS]
check_med = [nat("check", "check_bytes", s) for s in SEEDS]
floor_med = [nat("floor", "inflate_tokenise", s) for s in SEEDS]
r_floor = maxof([c / f for c, f in zip(check_fast, floor_fast) if c and f])
r_floor_med = maxof([c / f for c, f in zip(check_med, floor_med) if c and f])
cli_all = next((f for f in cli if f.get("bench") == "cli" and f.get("jobs") != 1), None)
cli_one = next((f for f in cli if f.get("bench") == "cli" and f.get("jobs") == 1), None)
rss = next((f for f in cli if f.get("bench") == "cli-rss"), None)
gz_total = next((f["gzip"] for f in size if f.get("file") == "total"), None)
mem_seed = [f for f in memory if f["input"] in SEEDS]
mem_all_ok = all(f["peak_heap_bytes"] <= f["target_bytes"] for f in memory) if memory else None
dp_vs_drop = [d / n for d, n in zip(dp_seed, drop_seed) if d and n]

def median_of(vals):
    vals = sorted(v for v in vals if v is not None)
    return vals[len(vals) // 2] if vals else None


A("### Targets")
A("")
A("| figure | nianbao | target | | compared with (same run) | command |")
A("|---|---|---|---|---|---|")
A(f"| wasm `check`, bytes → findings (per-seed medians: middle seed; worst seed) | {f_ms(median_of(wasm_seed))}; {f_ms(maxof(wasm_seed))} | ≤ 10 ms | "
  f"{ok(maxof(wasm_seed) is not None and maxof(wasm_seed) <= 10)} | mammoth {f_ms(median_of(mm_seed))} ({ratio(median_of(mm_seed), median_of(wasm_seed))} slower) | `node bench/browser.mjs` |")
A(f"| page: drop → marked tables drawn (per-seed medians: middle seed; worst seed) | {f_ms(median_of(drop_seed))}; {f_ms(maxof(drop_seed))} | ≤ 20 ms | "
  f"{ok(maxof(drop_seed) is not None and maxof(drop_seed) <= 20)} | docx-preview {f_ms(median_of(dp_seed))} | `node bench/browser.mjs` |")
A(f"| docx-preview ÷ nianbao drop → drawn, same file (middle seed; worst seed) | {f'{median_of(dp_vs_drop):.1f}×' if dp_vs_drop else '—'}; {f'{min(dp_vs_drop):.1f}×' if dp_vs_drop else '—'} | ≥ 10× | "
  f"{ok(min(dp_vs_drop) >= 10 if dp_vs_drop else None)} | | `node bench/browser.mjs` |")
A(f"| native `check_bytes` ÷ floor (inflate + tokenise document.xml), worst seed, fastest of samples (median of samples) | "
  f"{r_floor:.1f}× ({r_floor_med:.1f}×) | ≤ 2× | {ok(r_floor is not None and r_floor <= 2)} | floor {f_ms(floor_fast[0])}, check {f_ms(check_fast[0])} (seed_000, fastest) | `cargo bench --bench pipeline` |"
  if r_floor else "| native ÷ floor | — | ≤ 2× | — | | |")
if cli_all and "cpu_s" in cli_all:
    A(f"| CLI `check --json DIR`, {cli_all['files']:,} reports, {cli_all['jobs']} cores (median of {cli_all['runs']}) | "
      f"{cli_all['reports_per_s']:,.0f} reports/s (best {cli_all['reports_per_s_best']:,.0f}) | ≥ 2,000/s | {ok(cli_all['reports_per_s'] >= 2000)} | "
      f"--jobs 1: {cli_one['reports_per_s']:,.0f}/s; CPU per report {cli_all['cpu_s'] * 1e3 / cli_all['files']:.2f} ms = "
      f"{cli_all['reports_per_cpu_s']:,.0f} reports per CPU-second, i.e. ≈ {cli_all['reports_per_cpu_s'] * cli_all['jobs']:,.0f}/s on {cli_all['jobs']} idle cores "
      f"(load average during the run {cli_all['load_average'][0]:.1f}) | `python3 bench/cli.py …` |" if cli_one else "")
if gz_total:
    A(f"| page download: HTML + CSS + JS + wasm, gzip -9 | {gz_total / 1024:.0f} KB | ≤ 150 KB | {ok(gz_total <= 150 * 1024)} | | `scripts/bench.sh` (wasm step) |")
if mem_seed:
    worst = max(mem_seed, key=lambda f: f["peak_heap_bytes"] / f["target_bytes"])
    A(f"| peak heap per report (`check_bytes`, seeds; worst) | {worst['peak_heap_bytes'] / 1024:.0f} KB "
      f"({worst['peak_heap_bytes'] / worst['document_xml_bytes']:.1f}× document.xml) | ≤ 3× document.xml + 2 MiB = {worst['target_bytes'] / 1024:.0f} KB | "
      f"{ok(mem_all_ok)} | all inputs incl. large: {'within' if mem_all_ok else 'NOT within'} target | `cargo bench --bench memory` |")
if rss:
    A(f"| max RSS, CLI, one seed (minus `nianbao --version` {rss['baseline_kb']:,} KB) | {rss['seed_kb']:,} KB (+{rss['seed_kb'] - rss['baseline_kb']:,} KB) | "
      f"≤ 3 × 118 KB + 2 MiB ≈ 2,402 KB above baseline | {ok(rss['seed_kb'] - rss['baseline_kb'] <= 3 * 120766 // 1024 + 2048)} | batch of {rss['files']:,}: {rss['batch_kb']:,} KB; large report ({rss['large_file_bytes'] / 1e6:.0f} MB file): {rss['large_kb']:,} KB | `/usr/bin/time -v` |")
seed_c, big_c = nat("check", "check_bytes", "seed_000", "fastest"), nat("check", "check_bytes", "large_images", "fastest")
if seed_c and big_c:
    A(f"| large report (seed 0 + 20 × 1 MiB pictures) ÷ seed 0, native check (fastest) | {big_c / seed_c:.2f}× ({f_ms(big_c)} vs {f_ms(seed_c)}) | close to 1× (pictures not inflated) | "
      f"{ok(big_c / seed_c < 1.5)} | | `cargo bench --bench pipeline -- check_bytes` |")
A("")

# Per input, side by side.
A("### Side by side, per file (medians; browser figures from one Chromium page)")
A("")
A("| input | nianbao wasm check | nianbao drop → drawn | docx-preview renderAsync | mammoth convertToHtml | python-docx tables | nianbao native check | "
  "docx-preview ÷ drop | mammoth ÷ wasm | python-docx ÷ native |")
A("|---|---|---|---|---|---|---|---|---|---|")
A("| *statistic* | *median* | *median* | *median* | *median* | *median* | *fastest* | | | |")
for s in SEEDS + LARGE:
    w, d, p, m, y = med(WASM, s), med(DROP, s, "drop"), med(DOCX_PREVIEW, s), med(MAMMOTH, s), py(s)
    n = nat("check", "check_bytes", s, "fastest")
    A(f"| {s} | {f_ms(w)} | {f_ms(d)} | {f_ms(p)} | {f_ms(m)} | {f_ms(y)} | {f_ms(n)} | {ratio(p, d)} | {ratio(m, w)} | {ratio(y, n)} |")
A("")
drops = [br(DROP, s, "drop") for s in SEEDS + LARGE]
A("Drop → drawn, split (medians; the page's own `card.dataset.ms` = file read + wasm check + DOM built; then style + layout; then the next frame) and what was drawn: " + "; ".join(
    f"{s}: {f_ms(f.get('built_median'))} + {f_ms(f.get('layout_median'))}, next frame {f_ms(f['frame_median'])} ({f['tables']} tables, {f['marked']} marked cells, {f['status']})"
    for s, f in zip(SEEDS + LARGE, drops) if f) + ".")
load = next((f for f in browser if f.get("bench") == "page-load"), None)
if load:
    A(f"Page load, navigation → checker ready (wasm compiled and instantiated, local server): median {f_ms(load['median'])} over {load['n']} loads.")
A("")

# Native per stage.
A(f"### Native pipeline per stage (divan, 100 samples per run, {pipeline_runs} runs: fastest sample / median of the runs' medians)")
A("")
A("| input | package::open | document::parse | report::recognise | rules::run_all | check_bytes | with tables (wasm path) | floor: inflate + tokenise | check ÷ floor |")
A("|---|---|---|---|---|---|---|---|---|")
for s in SEEDS + LARGE:
    cells = []
    for g, fn in [("stage", "a_package_open"), ("stage", "b_document_parse"), ("stage", "c_report_recognise"),
                  ("stage", "d_rules_run_all"), ("check", "check_bytes"), ("check", "check_with_tables"), ("floor", "inflate_tokenise")]:
        a, b = nat(g, fn, s, "fastest"), nat(g, fn, s)
        cells.append(f"{f_ms(a)} / {f_ms(b)}")
    c, fl = nat("check", "check_bytes", s, "fastest"), nat("floor", "inflate_tokenise", s, "fastest")
    A(f"| {s} | " + " | ".join(cells) + f" | {ratio(c, fl)} |")
A("")
A("Floor parts (fastest): " + "; ".join(
    f"{s}: inflate document.xml {f_ms(nat('floor', 'inflate_document', s, 'fastest'))}, tokenise {f_ms(nat('floor', 'tokenise_document', s, 'fastest'))}, "
    f"inflate styles.xml {f_ms(nat('floor', 'inflate_styles', s, 'fastest'))}" for s in ["seed_000", "large_text"]) + ".")
A("")

# Memory.
A("### Memory per report (`cargo bench --bench memory`: counting allocator, peak live heap during one `check_bytes`)")
A("")
A("| input | file | document.xml | peak heap | peak with tables | ÷ document.xml | target (3× + 2 MiB) | | allocations | bytes allocated |")
A("|---|---|---|---|---|---|---|---|---|---|")
for f in memory:
    A(f"| {f['input']} | {f['file_bytes'] / 1024:,.0f} KB | {f['document_xml_bytes'] / 1024:,.0f} KB | {f['peak_heap_bytes'] / 1024:,.0f} KB | "
      f"{f['peak_heap_bytes_with_tables'] / 1024:,.0f} KB | {f['peak_heap_bytes'] / f['document_xml_bytes']:.1f}× | {f['target_bytes'] / 1024:,.0f} KB | "
      f"{ok(f['peak_heap_bytes'] <= f['target_bytes'])} | {f['allocations']:,} | {f['allocated_bytes'] / 1e6:.1f} MB |")
A("")

# Page size.
if size:
    A("### Page download")
    A("")
    A("| file | bytes | gzip -9 |")
    A("|---|---|---|")
    for f in size:
        A(f"| {f['file']} | {f['bytes']:,} | {f['gzip']:,} |")
    A("")

table = "\n".join(lines)
print(table)
if write_md:
    md_path = os.path.join(repo, "BENCHMARKS.md")
    md = open(md_path, encoding="utf-8").read() if os.path.exists(md_path) else "<!-- bench:begin -->\n<!-- bench:end -->\n"
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    if begin in md and end in md:
        md = md[: md.index(begin) + len(begin)] + "\n" + table + "\n" + md[md.index(end):]
        with open(md_path, "w", encoding="utf-8") as f:
            f.write(md)
        print(f"updated {md_path}")
    else:
        print(f"{md_path}: markers not found; table not written", file=sys.stderr)
