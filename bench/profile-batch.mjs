// Where a page batch's time goes: a Chromium trace (timeline + V8 sampling profiler) of N reports
// dropped at once on the real page, summarised per thread (the page's main thread, each checker
// worker): busy time by kind of work (script, style, layout, paint, GC, …) and the top functions by
// self time. Load-independent enough to guide work on a loaded machine (it counts the thread's own
// work; a preempted thread shows gaps, not work). A benchmark aid, nothing asserted.
//   python3 bench/make_corpus.py --distinct /tmp/nianbao-bench-distinct 1000
//   node bench/profile-batch.mjs [--corpus DIR] [--n 200] [--www DIR] [--top 25] [--trace FILE] [--summarise FILE]
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';
import { serve } from '../tools/serve.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const corpus = opt('--corpus', '/tmp/nianbao-bench-distinct');
const n = Number(opt('--n', 200));
const top = Number(opt('--top', 25));
const WWW = opt('--www', fileURLToPath(new URL('../www/', import.meta.url))).replace(/\/?$/, '/');
const root = mkdtempSync(join(tmpdir(), 'nianbao-profile-batch-'));
const traceFile = opt('--trace', join(root, 'trace.json'));
for (const name of readdirSync(WWW)) symlinkSync(join(WWW, name), join(root, name));
symlinkSync(corpus, join(root, '__corpus'));
const names = readdirSync(corpus).filter((f) => f.endsWith('.docx')).sort().slice(0, n);

// --summarise FILE: only summarise a trace written earlier (with --trace).
if (args.includes('--summarise')) {
  summarise(JSON.parse(readFileSync(opt('--summarise'), 'utf8')).traceEvents, NaN);
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}
const { server, url } = await serve({ root: root + '/', port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  await page.evaluate(async (names) => {
    window.__files = await Promise.all(names.map(async (name) => new File([await (await fetch(`__corpus/${name}`)).blob()], name)));
  }, names);
  await browser.startTracing(page, {
    path: traceFile,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
      'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'toplevel'],
  });
  const ms = await page.evaluate(async (n) => {
    const el = document.querySelector('nianbao-check');
    const results = el.shadowRoot.getElementById('results');
    const dt = new DataTransfer();
    for (const f of window.__files) dt.items.add(f);
    const start = performance.now();
    const done = new Promise((resolve) => {
      const check = () => (results.childElementCount >= n && el.dataset.verdict !== 'pending' ? resolve() : setTimeout(check, 20));
      check();
    });
    el.shadowRoot.getElementById('drop').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    await done;
    return performance.now() - start;
  }, n);
  await browser.stopTracing();
  const { traceEvents } = JSON.parse(readFileSync(traceFile, 'utf8'));
  summarise(traceEvents, ms);
} finally {
  await browser.close();
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
}

function summarise(events, wallMs) {
  // Thread names: CrRendererMain (the page), DedicatedWorker thread (the checker's workers).
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  // Busy time by top-level task kind, per thread: the complete ('X') events at the thread's top level.
  const KIND = {
    FunctionCall: 'script', EvaluateScript: 'script', 'v8.callFunction': 'script', TimerFire: 'script', FireAnimationFrame: 'script',
    EventDispatch: 'script', RunMicrotasks: 'script', 'v8.run': 'script', ParseHTML: 'parse', UpdateLayoutTree: 'style', RecalculateStyles: 'style',
    Layout: 'layout', Paint: 'paint', PrePaint: 'paint', Layerize: 'paint', 'UpdateLayer': 'paint', CompositeLayers: 'paint',
    MinorGC: 'gc', MajorGC: 'gc', 'V8.GC_SCAVENGER': 'gc', 'V8.GC_MARK_COMPACTOR': 'gc', HitTest: 'other',
  };
  const perThread = new Map();
  events.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    const th = names.get(key);
    if (!th || !(th === 'CrRendererMain' || th.startsWith('DedicatedWorker'))) continue;
    const t = perThread.get(key) ?? { name: th, tasks: 0, busy: 0, cpu: 0, long: 0, longest: 0, kinds: new Map() };
    perThread.set(key, t);
    // CPU time (tdur, the thread's own time) where the trace has it, else wall time.
    const cpu = (e.tdur ?? e.dur) / 1000;
    // A task: the outermost run-task event (traces with the 'toplevel' category nest RunTask >
    // ThreadControllerImpl::RunTask; count each task once).
    if ((e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && !(t.lastEnd > e.ts)) {
      t.lastEnd = e.ts + e.dur;
      t.tasks++;
      t.busy += e.dur / 1000;
      t.cpu += cpu;
      if (e.dur > 50000) t.long++;
      t.longest = Math.max(t.longest, e.dur / 1000);
    }
    const kind = KIND[e.name];
    if (kind) t.kinds.set(`${kind} (${e.name})`, (t.kinds.get(`${kind} (${e.name})`) ?? 0) + cpu);
  }
  // Sampled self time per function, per thread (ProfileChunk events of the V8 sampling profiler).
  const profiles = new Map(); // id → {key, nodes: Map, self: Map}
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    const id = `${e.pid}:${e.id}`;
    const p = profiles.get(id) ?? { thread: `${e.pid}:${e.tid}`, nodes: new Map(), self: new Map() };
    profiles.set(id, p);
    if (e.name === 'Profile') { p.thread = `${e.pid}:${e.tid}`; continue; }
    const data = e.args?.data ?? {};
    for (const node of data.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const cf = p.nodes.get(id)?.callFrame ?? {};
      const k = `${cf.functionName || '(anonymous)'} ${String(cf.url ?? '').split('/').pop()}${cf.lineNumber >= 0 ? `:${cf.lineNumber + 1}` : ''}`;
      p.self.set(k, (p.self.get(k) ?? 0) + Math.max(0, deltas[i] ?? 0) / 1000);
    });
  }
  console.log(`${n} reports in ${(wallMs / 1000).toFixed(2)} s (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
  for (const [key, t] of perThread) {
    if (t.busy < 1) continue;
    console.log(`\n== ${t.name} ${key}: CPU ${t.cpu.toFixed(0)} ms = ${(t.cpu / n).toFixed(2)} ms per report (busy, wall: ${t.busy.toFixed(0)} ms); ` +
      `${t.tasks} tasks, ${t.long} over 50 ms wall (longest ${t.longest.toFixed(0)} ms); CPU by kind (nested kinds overlap):`);
    for (const [k, v] of [...t.kinds].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(v / n).toFixed(3).padStart(8)} ms/report  ${k}`);
    const self = new Map();
    for (const p of profiles.values()) {
      if (p.thread !== key) continue;
      for (const [k, v] of p.self) self.set(k, (self.get(k) ?? 0) + v);
    }
    const total = [...self].filter(([k]) => !k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
    if (!total) continue;
    console.log(`  sampled (not idle, wall-clock samples): ${(total / n).toFixed(2)} ms per report; top self time:`);
    for (const [k, v] of [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${(v / n).toFixed(3).padStart(8)} ms/report ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
    }
  }
}
