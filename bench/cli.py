#!/usr/bin/env python3
"""CLI throughput and memory: times `nianbao check --json DIR > /dev/null` over a folder of
reports (median of RUNS runs, all cores, and --jobs 1), and reads max RSS with /usr/bin/time -v
for the whole batch, for one seed, for the large report and for `nianbao --version` (baseline).

    python3 bench/cli.py NIANBAO CORPUS_DIR RUNS SEED_FILE [LARGE_FILE]

Prints a summary and `BENCH-JSON` lines.
"""
import json
import os
import re
import resource
import subprocess
import sys
import time

exe, corpus, runs, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
large = sys.argv[5] if len(sys.argv) > 5 else None
n_files = len([f for f in os.listdir(corpus) if f.endswith(".docx")])


def emit(fig):
    print("BENCH-JSON " + json.dumps(fig))


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


cpu_used = []


def timed(args):
    c0 = cpu_children()
    t0 = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    cpu_used.append(cpu_children() - c0)
    return wall


def max_rss_kb(args):
    p = subprocess.run(["/usr/bin/time", "-v", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return int(m.group(1)) if m else None


for jobs in (None, 1):
    extra = [] if jobs is None else ["--jobs", str(jobs)]
    args = [exe, "check", "--json", *extra, corpus]
    timed(args)  # warm the page cache
    cpu_used.clear()
    times = sorted(timed(args) for _ in range(runs))
    med = times[len(times) // 2]
    cpu = sorted(cpu_used)[len(cpu_used) // 2]
    label = f"--jobs {jobs}" if jobs else f"all cores ({os.cpu_count()})"
    print(f"CLI {label}: {n_files} reports in {med * 1e3:.0f} ms (median of {runs}; best {times[0] * 1e3:.0f} ms) "
          f"= {n_files / med:,.0f} reports/s (best {n_files / times[0]:,.0f}/s); CPU {cpu * 1e3:.0f} ms "
          f"= {cpu * 1e3 / n_files:.2f} ms per report = {n_files / cpu:,.0f} reports per CPU-second")
    emit({"bench": "cli", "tool": f"nianbao check --json DIR ({label})", "jobs": jobs or os.cpu_count(), "files": n_files,
          "runs": runs, "median_s": med, "best_s": times[0], "reports_per_s": n_files / med,
          "reports_per_s_best": n_files / times[0], "cpu_s": cpu, "reports_per_cpu_s": n_files / cpu,
          "load_average": os.getloadavg()})

batch = max_rss_kb([exe, "check", "--json", corpus])
base = max_rss_kb([exe, "--version"])
one = max_rss_kb([exe, "check", "--json", seed])
big = max_rss_kb([exe, "check", "--json", large]) if large else None
print(f"max RSS: batch of {n_files} {batch} KB; one seed {one} KB; "
      f"large {big} KB; `nianbao --version` {base} KB (baseline)")
emit({"bench": "cli-rss", "batch_kb": batch, "baseline_kb": base, "seed_kb": one, "large_kb": big,
      "files": n_files, "seed_file_bytes": os.path.getsize(seed),
      "large_file_bytes": os.path.getsize(large) if large else None})
