#!/usr/bin/env python3
"""python-docx, as an analyst would script it: open the .docx and read every table cell's text.

    python3 bench/python_docx.py RUNS FILE...

Prints one `BENCH-JSON` line per file: median (and p10/p90) of Document(path) + iterate all
tables' rows' cells' text, in milliseconds.
"""
import json
import sys
import time

import docx

runs = int(sys.argv[1])
for path in sys.argv[2:]:
    def once():
        d = docx.Document(path)
        n = 0
        for table in d.tables:
            for row in table.rows:
                for cell in row.cells:
                    n += len(cell.text)
        return n

    once()  # warm-up (imports, file cache)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        chars = once()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    fig = {
        "bench": "python-docx",
        "tool": "python-docx Document + all table cells' text",
        "input": name,
        "n": runs,
        "median": times[len(times) // 2],
        "p10": times[int(len(times) * 0.1)],
        "p90": times[min(len(times) - 1, int(len(times) * 0.9))],
        "chars": chars,
        "version": docx.__version__ if hasattr(docx, "__version__") else None,
    }
    print(f"{name:<14} python-docx tables text       {fig['median']:>9.1f} ms (p10 {fig['p10']:.1f}, p90 {fig['p90']:.1f}, {runs} runs)")
    print("BENCH-JSON " + json.dumps(fig))
