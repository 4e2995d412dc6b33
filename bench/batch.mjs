// Batch benchmark of the real page (www/index.html) in Debian's Chromium: N reports dropped at once
// on the drop zone → every card drawn. Prints reports per second, the main thread's long tasks while
// the batch runs (PerformanceObserver 'longtask': tasks over 50 ms), the worker pool's size, and
// what the page loads at start (before it is idle) versus later. A benchmark, not a test: nothing
// is asserted.
//   python3 bench/make_corpus.py /tmp/nianbao-bench-corpus 1000
//   node bench/batch.mjs [--corpus /tmp/nianbao-bench-corpus] [--n 1000] [--runs 3] [--out FILE] [--www DIR]
// --www serves another copy of the page (e.g. an earlier commit's www/ with its pkg/) for a before/after.
// Needs www/pkg built (bash scripts/build-web.sh) and tools/node_modules (bash tools/install.sh).
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serve } from '../tools/serve.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const corpus = opt('--corpus', '/tmp/nianbao-bench-corpus');
const n = Number(opt('--n', 1000));
const runs = Number(opt('--runs', 3));
const outFile = opt('--out', null);
const WWW = opt('--www', fileURLToPath(new URL('../www/', import.meta.url))).replace(/\/?$/, '/');

// The page's files and the corpus under one root (symlinks), served with the page's own policy.
const root = mkdtempSync(join(tmpdir(), 'nianbao-batch-bench-'));
for (const name of readdirSync(WWW)) symlinkSync(join(WWW, name), join(root, name));
symlinkSync(corpus, join(root, '__corpus'));
const names = readdirSync(corpus).filter((f) => f.endsWith('.docx')).sort().slice(0, n);
if (names.length < n) throw new Error(`${corpus} has ${names.length} reports, fewer than ${n}: run bench/make_corpus.py`);

const { server, url } = await serve({ root: root + '/', port: 0 });
const browser = await launchChromium();

/** CPU time (user + system, seconds) of every process under this one (the browser and its children). */
function cpuSeconds() {
  const parent = new Map();
  const ticks = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(f[1]));
      ticks.set(Number(pid), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
    } catch { /* gone meanwhile */ }
  }
  const mine = (pid) => {
    for (let p = pid, depth = 0; p > 1 && depth < 64; p = parent.get(p), depth++) if (p === process.pid) return true;
    return false;
  };
  let sum = 0;
  for (const [pid, t] of ticks) if (pid !== process.pid && mine(pid)) sum += t;
  return sum / 100; // USER_HZ
}
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const requested = [];
    page.on('request', (r) => requested.push({ url: r.url(), at: Date.now() }));
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]');
    const nav = await page.evaluate(() => {
      const t = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').map((r) => ({ name: r.name, start: r.startTime }));
      return { load: t.loadEventEnd, res };
    });
    // Which files loaded before the load event (the start) and which after (the checker, when idle).
    const path = (u) => decodeURIComponent(new URL(u).pathname).replace(/^\//, '') || 'index.html';
    const gz = (p) => { try { return gzipSync(readFileSync(join(WWW, p)), { level: 9 }).length; } catch { return 0; } };
    const early = ['index.html', ...nav.res.filter((r) => r.start <= nav.load).map((r) => path(r.name))];
    // After: what the page fetched after its load event, and what its workers fetched (the .wasm).
    const late = [...new Set([...nav.res.filter((r) => r.start > nav.load).map((r) => path(r.name)),
      ...requested.map((r) => path(r.url)).filter((p) => !early.includes(p))])];
    const startGz = early.reduce((s, p) => s + gz(p), 0);
    const lateGz = late.reduce((s, p) => s + gz(p), 0);
    const ready = Date.now() - t0;

    // The reports, fetched into the page before the drop (not timed).
    await page.evaluate(async (names) => {
      window.__files = await Promise.all(names.map(async (name) => {
        const res = await fetch(`__corpus/${name}`);
        return new File([await res.blob()], name);
      }));
    }, names);
    const cpu0 = cpuSeconds();
    const result = await page.evaluate(async (n) => {
      const el = document.querySelector('nianbao-check');
      const results = el.shadowRoot.getElementById('results');
      const dt = new DataTransfer();
      for (const f of window.__files) dt.items.add(f);
      const done = new Promise((resolve) => {
        const check = () => (results.childElementCount >= n && el.dataset.verdict !== 'pending' ? resolve() : setTimeout(check, 20));
        check();
      });
      const start = performance.now();
      const drop = el.shadowRoot.getElementById('drop');
      for (const type of ['dragenter', 'dragover', 'drop']) drop.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      await done;
      const end = performance.now();
      const long = window.__long.filter((t) => t.start >= start && t.start <= end);
      return {
        ms: end - start,
        cards: results.childElementCount,
        drawn: results.querySelectorAll('.file-card[data-drawn]').length,
        long: long.length,
        longest: long.reduce((m, t) => Math.max(m, t.ms), 0),
        longTotal: long.reduce((s, t) => s + t.ms, 0),
      };
    }, n);
    const cpu = cpuSeconds() - cpu0;
    const workers = page.workers().length;
    const fig = { run, n, ...result, perSecond: (n / result.ms) * 1000, workers, ready, startGz, lateGz, early, late,
      cpuSeconds: cpu, cpuMsPerReport: (cpu * 1000) / n, load: loadavg() };
    figures.push(fig);
    console.log(`run ${run + 1}: ${n} reports in ${(result.ms / 1000).toFixed(2)} s = ${fig.perSecond.toFixed(0)} reports/s; ` +
      `${workers} workers; long tasks during the batch: ${result.long} (longest ${result.longest.toFixed(0)} ms, total ${result.longTotal.toFixed(0)} ms); ` +
      `cards ${result.cards}, drawn ${result.drawn}; page ready ${ready} ms; at start ${startGz} B gz, later ${lateGz} B gz; ` +
      `browser CPU ${fig.cpuMsPerReport.toFixed(1)} ms per report (all processes), i.e. ${(2000 / fig.cpuMsPerReport).toFixed(0)} reports/s on 2 idle cores; ` +
      `load average ${fig.load.join(' ')}`);
    await context.close();
  }
  // The first check: a file given at the page's load event (the checker not loaded yet, it loads on
  // this use) versus the same file once the checker is ready (loaded when the page was idle).
  const first = { atLoad: [], whenReady: [] };
  for (let run = 0; run < Math.max(3, runs); run++) {
    for (const when of ['atLoad', 'whenReady']) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      if (when === 'whenReady') await page.waitForSelector('body[data-ready="1"]');
      const ms = await page.evaluate(async (name) => {
        const res = await fetch(`__corpus/${name}`);
        const file = new File([await res.blob()], name);
        const t0 = performance.now();
        await document.querySelector('nianbao-check').check(file);
        return performance.now() - t0;
      }, names[0]);
      first[when].push(ms);
      await context.close();
    }
  }
  console.log(`first check of one report: given at the load event ${median(first.atLoad).toFixed(0)} ms (checker loaded on this use), ` +
    `once the checker is ready ${median(first.whenReady).toFixed(0)} ms (medians of ${first.atLoad.length})`);
  const f0 = figures[0];
  console.log(`loaded at start (before the load event): ${f0.early.join(', ')}`);
  console.log(`loaded after (when idle): ${f0.late.join(', ')}`);
  const summary = {
    figure: 'page batch: reports dropped → every card drawn',
    n,
    runs,
    perSecondMedian: median(figures.map((f) => f.perSecond)),
    perSecondBest: Math.max(...figures.map((f) => f.perSecond)),
    longTasksMax: Math.max(...figures.map((f) => f.long)),
    longestMs: Math.max(...figures.map((f) => f.longest)),
    cpuMsPerReport: median(figures.map((f) => f.cpuMsPerReport)),
    workers: f0.workers,
    firstCheckAtLoadMs: median(first.atLoad),
    firstCheckReadyMs: median(first.whenReady),
    startGz: f0.startGz,
    lateGz: f0.lateGz,
  };
  console.log(`BENCH-JSON ${JSON.stringify(summary)}`);
  if (outFile) writeFileSync(outFile, JSON.stringify({ summary, figures }, null, 2));
} finally {
  await browser.close();
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
}
