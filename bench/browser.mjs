// Browser benchmarks, in Debian's Chromium driven by playwright-core:
//   * nianbao wasm `check` (bytes → findings), docx-preview `renderAsync` and mammoth
//     `convertToHtml` on the same files, in the same bench page (bench/page.html);
//   * the real page (www/index.html): a `drop` of one file → the report's tables drawn
//     (DOM built and laid out; and the next frame);
//   * the real page's load: navigation → checker ready.
//
//   node bench/browser.mjs --pkg DIR --samples DIR [--large DIR] [--out FILE] [--quick] [--only page]
//                          [--www DIR] [--runs N]
//
// --pkg is the wasm-bindgen output served as /www/pkg/ (default: www/pkg). Prints a table and
// one `BENCH-JSON` line per figure; --out also writes them as a JSON array. --only page: the real
// page's figures only (no peers: bench/node_modules is not needed); --www serves another copy of
// the page (with its pkg/, e.g. an earlier commit's build) for a before/after; --runs: drops per file.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIME } from '../tools/serve.mjs';
import { launchChromium } from './chromium.mjs';

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
const pageOnly = opt('--only', null) === 'page';
const wwwDir = resolve(opt('--www', join(repo, 'www')));

const SEEDS = ['seed_000', 'seed_001', 'seed_002', 'seed_003', 'seed_004'];
const LARGE = largeDir ? ['large_images', 'large_text', 'large'] : [];
// Runs per figure (after warm-up runs). Large files cost the peers seconds each: fewer runs.
const RUNS = quick
  ? { nianbao: 10, peer: 3, drop: 5, load: 2, largeNianbao: 3, largePeer: 1 }
  : { nianbao: 60, peer: 15, drop: 30, load: 7, largeNianbao: 15, largePeer: 3 };
if (opt('--runs', null)) RUNS.drop = Number(opt('--runs'));

// ---- Static server: /www/pkg → --pkg, /www → www/, /bench → bench/, /samples → samples + large.
function mapPath(path) {
  const roots = [
    ...(opt('--www', null) && !opt('--pkg', null) ? [] : [['/www/pkg/', pkgDir]]),
    ['/www/', wwwDir],
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

const browser = await launchChromium();
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
  const chromiumVersion = browser.version();
  if (!pageOnly) await page.goto(`${origin}/bench/page.html`);
  const nianbaoVersion = pageOnly ? null : await page.evaluate(() => window.bench.ready);
  record({ bench: 'browser-env', chromium: chromiumVersion, nianbao: nianbaoVersion });
  console.log(`chromium ${chromiumVersion}, nianbao ${nianbaoVersion}`);
  if (!pageOnly) console.log(`${'input'.padEnd(14)} ${'tool'.padEnd(34)} ${'median ms'.padStart(10)} ${'p10'.padStart(8)} ${'p90'.padStart(8)} ${'runs'.padStart(5)}`);
  for (const name of pageOnly ? [] : [...SEEDS, ...LARGE]) {
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
      const checker = document.querySelector('nianbao-check');
      const root = checker?.shadowRoot ?? document;
      const results = root.getElementById('results');
      // Each drop on an empty page, as a user's first file: the cards and records of the drop
      // before cleared, and its check finished (the pairing pass after the card included).
      const settled = async () => {
        while (checker?.dataset.verdict === 'pending') await pause(10);
      };
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
            // Style + layout of the drawn tables: the geometry of the last cell of the last table
            // (the card is content-visibility: auto, so the list's own height would not lay out
            // what is inside a card the browser has not found on screen yet).
            const cells = card.querySelectorAll('td');
            void (cells[cells.length - 1] ?? results).getBoundingClientRect();
            const dom = performance.now() - t0;
            const layout = performance.now() - tl;
            const built = Number(card.dataset.sinceDrop); // runner.js: drop → the card built (file read, check, DOM)
            const checked = Number(card.dataset.ms); // runner.js: file read + check (worker, result parsed)
            requestAnimationFrame(() =>
              setTimeout(() => resolve({
                dom,
                layout,
                built,
                checked,
                frame: performance.now() - t0,
                tables: card.querySelectorAll('table').length,
                marked: card.querySelectorAll('td[data-mark]').length,
                status: card.dataset.status,
                top: Math.round(card.getBoundingClientRect().top),
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
      const checked = [];
      let last = null;
      for (let i = 0; i < warmup + runs; i++) {
        await settled();
        if (checker?.clear) checker.clear();
        else results.replaceChildren();
        await pause(30);
        last = await one();
        if (i >= warmup) {
          dom.push(last.dom);
          frame.push(last.frame);
          layout.push(last.layout);
          built.push(last.built);
          checked.push(last.checked);
        }
      }
      await settled();
      if (checker?.clear) checker.clear();
      else results.replaceChildren();
      const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
      const sorted = [...dom].sort((x, y) => x - y);
      return {
        n: dom.length, median: med(dom), p10: sorted[Math.floor(dom.length * 0.1)], p90: sorted[Math.floor(dom.length * 0.9)],
        frame_median: med(frame), layout_median: med(layout), built_median: med(built), checked_median: med(checked), tables: last.tables, marked: last.marked, status: last.status, top: last.top,
      };
    }, [url(name), large ? 1 : 3, large ? RUNS.largeNianbao : RUNS.drop]);
    record({ bench: 'drop', tool: 'nianbao page: drop → tables drawn', input: name, ...r });
    console.log(`${name.padEnd(14)} ${'nianbao page: drop → tables drawn'.padEnd(34)} ${fmt(r.median).padStart(10)} ${fmt(r.p10).padStart(8)} ${fmt(r.p90).padStart(8)} ${String(r.n).padStart(5)}  (read+check ${fmt(r.checked_median)} ms, card built ${fmt(r.built_median)} ms after the drop, style+layout ${fmt(r.layout_median)} ms; next frame ${fmt(r.frame_median)} ms; card at y=${r.top}; ${r.tables} tables, ${r.marked} marked cells, ${r.status})`);
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
