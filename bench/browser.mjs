// Browser benchmarks, in Debian's Chromium driven by playwright-core:
//   * nianbao wasm `check` (bytes → findings), docx-preview `renderAsync` and mammoth
//     `convertToHtml` on the same files, in the same bench page (bench/page.html);
//   * the real page (www/index.html): a `drop` of one file → the report's tables drawn
//     (DOM built and laid out; and the next frame);
//   * the real page's load: navigation → checker ready.
//
//   node bench/browser.mjs --pkg DIR --samples DIR [--large DIR] [--out FILE] [--quick]
//
// --pkg is the wasm-bindgen output served as /www/pkg/ (default: www/pkg). Prints a table and
// one `BENCH-JSON` line per figure; --out also writes them as a JSON array.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { MIME } from '../tools/serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const pkgDir = resolve(opt('--pkg', join(repo, 'www/pkg')));
const samplesDir = resolve(opt('--samples', join(repo, 'tests/fixtures/samples')));
const largeDir = opt('--large', null);
const outFile = opt('--out', null);
const quick = args.includes('--quick');

const SEEDS = ['seed_000', 'seed_001', 'seed_002', 'seed_003', 'seed_004'];
const LARGE = largeDir ? ['large_images', 'large_text', 'large'] : [];
// Runs per figure (after warm-up runs). Large files cost the peers seconds each: fewer runs.
const RUNS = quick
  ? { nianbao: 10, peer: 3, drop: 5, load: 2, largeNianbao: 3, largePeer: 1 }
  : { nianbao: 60, peer: 15, drop: 30, load: 7, largeNianbao: 15, largePeer: 3 };

// ---- Static server: /www/pkg → --pkg, /www → www/, /bench → bench/, /samples → samples + large.
function mapPath(path) {
  const roots = [
    ['/www/pkg/', pkgDir],
    ['/www/', join(repo, 'www')],
    ['/bench/', join(repo, 'bench')],
    ['/samples/', samplesDir],
    ...(largeDir ? [['/large/', resolve(largeDir)]] : []),
  ];
  for (const [prefix, root] of roots) {
    if (!path.startsWith(prefix)) continue;
    const base = normalize(root + sep);
    const file = normalize(join(base, path.slice(prefix.length) || 'index.html'));
    return file.startsWith(base) ? file : null;
  }
  return null;
}
const server = createServer((req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    path = '';
  }
  const file = mapPath(path);
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not found');
  }
  res.writeHead(200, {
    'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const url = (name) => (SEEDS.includes(name) ? `/samples/${name}.docx` : `/large/${name}.docx`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
const record = (figure) => {
  results.push(figure);
  console.log(`BENCH-JSON ${JSON.stringify(figure)}`);
};
const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  // ---- Side by side in the bench page.
  await page.goto(`${origin}/bench/page.html`);
  const nianbaoVersion = await page.evaluate(() => window.bench.ready);
  const chromiumVersion = browser.version();
  record({ bench: 'browser-env', chromium: chromiumVersion, nianbao: nianbaoVersion });
  console.log(`chromium ${chromiumVersion}, nianbao ${nianbaoVersion}`);
  console.log(`${'input'.padEnd(14)} ${'tool'.padEnd(34)} ${'median ms'.padStart(10)} ${'p10'.padStart(8)} ${'p90'.padStart(8)} ${'runs'.padStart(5)}`);
  for (const name of [...SEEDS, ...LARGE]) {
    const large = !SEEDS.includes(name);
    const nRuns = large ? RUNS.largeNianbao : RUNS.nianbao;
    const pRuns = large ? RUNS.largePeer : RUNS.peer;
    const rows = [
      ['nianbao wasm check', 'nianbao', 5, nRuns],
      ['docx-preview renderAsync', 'docxPreview', 2, pRuns],
      ['mammoth convertToHtml', 'mammoth', 2, pRuns],
    ];
    for (const [tool, fn, warmup, runs] of rows) {
      const r = await page.evaluate(([fn, u, w, n]) => window.bench[fn](u, w, n), [fn, url(name), large ? 1 : warmup, runs]);
      record({ bench: 'browser', tool, input: name, ...r });
      console.log(`${name.padEnd(14)} ${tool.padEnd(34)} ${fmt(r.median).padStart(10)} ${fmt(r.p10).padStart(8)} ${fmt(r.p90).padStart(8)} ${String(r.n).padStart(5)}`);
    }
  }

  // ---- The real page: drop → drawn, marked tables.
  const app = await context.newPage();
  app.on('pageerror', (e) => errors.push(String(e)));
  const loads = [];
  for (let i = 0; i < RUNS.load + 1; i++) {
    await app.goto(`${origin}/www/index.html`, { waitUntil: 'commit' });
    await app.waitForFunction(() => document.body?.dataset.ready === '1', null, { polling: 'raf' });
    const t = await app.evaluate(() => performance.now());
    if (i > 0) loads.push(t); // the first load warms the server's disk cache
  }
  loads.sort((a, b) => a - b);
  const load = { n: loads.length, median: loads[loads.length >> 1], min: loads[0], max: loads[loads.length - 1] };
  record({ bench: 'page-load', tool: 'nianbao page: navigation → checker ready', ...load });
  console.log(`page load (navigation → checker ready): median ${fmt(load.median)} ms over ${load.n}`);

  for (const name of [...SEEDS, ...LARGE]) {
    const large = !SEEDS.includes(name);
    const r = await app.evaluate(async ([u, warmup, runs]) => {
      const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
      const root = document.querySelector('nianbao-check')?.shadowRoot ?? document;
      const results = root.getElementById('results');
      const drop = root.getElementById('drop');
      const pause = (ms) => new Promise((res) => setTimeout(res, ms));
      const one = () =>
        new Promise((resolve) => {
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], 'report.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
          let t0 = 0;
          const mo = new MutationObserver(() => {
            const card = results.lastElementChild;
            if (!card || !(card.querySelector('table') || card.dataset.status === 'rejected')) return;
            mo.disconnect();
            const tl = performance.now();
            void results.offsetHeight; // style + layout of the drawn tables
            const dom = performance.now() - t0;
            const layout = performance.now() - tl;
            const built = Number(card.dataset.ms); // app.js: file read + check + DOM built
            requestAnimationFrame(() =>
              setTimeout(() => resolve({
                dom,
                layout,
                built,
                frame: performance.now() - t0,
                tables: card.querySelectorAll('table').length,
                marked: card.querySelectorAll('td[data-mark]').length,
                status: card.dataset.status,
              }), 0));
          });
          mo.observe(results, { childList: true, subtree: true });
          t0 = performance.now();
          drop.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
        });
      const dom = [];
      const frame = [];
      const layout = [];
      const built = [];
      let last = null;
      for (let i = 0; i < warmup + runs; i++) {
        results.replaceChildren();
        await pause(30);
        last = await one();
        if (i >= warmup) {
          dom.push(last.dom);
          frame.push(last.frame);
          layout.push(last.layout);
          built.push(last.built);
        }
      }
      results.replaceChildren();
      const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
      const sorted = [...dom].sort((x, y) => x - y);
      return {
        n: dom.length, median: med(dom), p10: sorted[Math.floor(dom.length * 0.1)], p90: sorted[Math.floor(dom.length * 0.9)],
        frame_median: med(frame), layout_median: med(layout), built_median: med(built), tables: last.tables, marked: last.marked, status: last.status,
      };
    }, [url(name), large ? 1 : 3, large ? RUNS.largeNianbao : RUNS.drop]);
    record({ bench: 'drop', tool: 'nianbao page: drop → tables drawn', input: name, ...r });
    console.log(`${name.padEnd(14)} ${'nianbao page: drop → tables drawn'.padEnd(34)} ${fmt(r.median).padStart(10)} ${fmt(r.p10).padStart(8)} ${fmt(r.p90).padStart(8)} ${String(r.n).padStart(5)}  (app: read+check+DOM ${fmt(r.built_median)} ms, style+layout ${fmt(r.layout_median)} ms; next frame ${fmt(r.frame_median)} ms; ${r.tables} tables, ${r.marked} marked cells, ${r.status})`);
  }
  if (errors.length) {
    console.error(`page errors:\n  ${errors.join('\n  ')}`);
    record({ bench: 'browser-errors', errors });
  }
} finally {
  await browser.close();
  server.close();
}
if (outFile) writeFileSync(outFile, JSON.stringify(results, null, 1));
