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
import { launchChromium } from './chromium.mjs';
import { serve } from '../tools/serve.mjs';
import { CATEGORIES, summarise } from './trace-summary.mjs';

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
  summarise(JSON.parse(readFileSync(opt('--summarise'), 'utf8')).traceEvents, { n, top });
  rmSync(root, { recursive: true, force: true });
  process.exit(0);
}
const { server, url } = await serve({ root: root + '/', port: 0 });
const browser = await launchChromium();
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
    categories: CATEGORIES,
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
  summarise(traceEvents, { n, top, heading: `${n} reports in ${(ms / 1000).toFixed(2)} s` });
} finally {
  await browser.close();
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
}
