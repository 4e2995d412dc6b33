// The on-demand writer (www/writer.js → www/pkg-writer/) timed on each seed: `annotate` (check,
// comments on every finding, corrections as tracked changes), as the bench always measured it,
// and `annotate_checked` (what the page's download calls: the card's results given, the file
// read again for the cells' positions, comments written), in Debian's Chromium (through
// www/writer.js, as the page calls it) and in Node (the module directly). Build first:
// scripts/build-web.sh.
//
//   node bench/writer.mjs [--runs 40] [--node-only] [--against DIR]
//
// --against DIR: another build's writer (a www-like DIR holding its writer.js and pkg-writer/,
// e.g. main's, built and copied aside) timed in the same run, in Node and in Chromium, the two
// builds' calls interleaved run by run so that the machine's load falls on both alike.
// Prints a table and one `BENCH-JSON` line per figure (median and fastest, ms).
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const RUNS = Number(opt('--runs', 40));
const WARMUP = 5;
const SEEDS = ['seed_000', 'seed_001', 'seed_002', 'seed_003', 'seed_004'];
const DATE = '2026-12-01T08:00:00Z';
const pkgJs = join(repo, 'www/pkg-writer/nianbao_writer.js');
if (!existsSync(pkgJs)) {
  console.error('bench/writer: www/pkg-writer missing; run scripts/build-web.sh first');
  process.exit(1);
}

const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], fastest: s[0] };
};
const rows = [];
const report = (where, what, input, ms, extra = {}) => {
  const { median, fastest } = stats(ms);
  rows.push({ where, what, input, median, fastest, ...extra });
  console.log(`BENCH-JSON ${JSON.stringify({ where, what, input, median, fastest, runs: ms.length, ...extra })}`);
};

// ---- Node: the module directly (and, with --against, another build's, interleaved).
const loadWriter = async (dir) => {
  const mod = await import(pathToFileURL(join(dir, 'nianbao_writer.js')).href);
  await mod.default({ module_or_path: readFileSync(join(dir, 'nianbao_writer_bg.wasm')) });
  return mod;
};
{
  const builds = [['node', await loadWriter(join(repo, 'www/pkg-writer'))]];
  const against = opt('--against', null);
  if (against) builds.push(['node-against', await loadWriter(join(resolve(against), 'pkg-writer'))]);
  // The card's results, as the page holds them (the checker module's JSON), when it is built.
  const checkerJs = join(repo, 'www/pkg/nianbao.js');
  let checker = null;
  if (existsSync(checkerJs)) {
    checker = await import(pathToFileURL(checkerJs).href);
    await checker.default({ module_or_path: readFileSync(join(repo, 'www/pkg/nianbao_bg.wasm')) });
  }
  const calls = {
    annotate: (mod, bytes) => mod.annotate(bytes, true, DATE, undefined),
  };
  for (const seed of SEEDS) {
    const bytes = new Uint8Array(readFileSync(join(repo, `tests/fixtures/samples/${seed}.docx`)));
    if (checker) {
      const answer = checker.check_reports(bytes);
      const { results: full } = typeof answer === 'string' ? JSON.parse(answer) : answer;
      // What www/writer.js passes on (its `plain`): the fields the writer reads.
      const results = full.map((r) => ({ status: r.status, rejection: r.rejection ?? null, report: r.report ?? {}, findings: r.findings ?? [], previous: r.previous ?? null }));
      calls.annotate_checked = (mod, b) => mod.annotate_checked(b, typeof mod.xlsx === 'function' ? results : JSON.stringify(results), true, DATE, undefined);
    }
    for (const [what, call] of Object.entries(calls)) {
      const ms = builds.map(() => []);
      const outs = [];
      for (const [i, [, mod]] of builds.entries()) for (let k = 0; k < WARMUP; k++) outs[i] = call(mod, bytes);
      for (let r = 0; r < RUNS; r++) {
        // Alternate which build goes first, so that neither always follows the other.
        const order = r % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
        for (const i of order) {
          const t = performance.now();
          outs[i] = call(builds[i][1], bytes);
          ms[i].push(performance.now() - t);
        }
      }
      for (const [i, [where]] of builds.entries()) {
        report(where, what, seed, ms[i], { comments: outs[i].comments, revisions: outs[i].revisions });
      }
    }
  }
}

// ---- Chromium: through www/writer.js, as the page calls it.
if (!args.includes('--node-only')) {
  const { launchChromium } = await import('./chromium.mjs');
  const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.docx': 'application/octet-stream' };
  const roots = [['/www/', join(repo, 'www')], ['/samples/', join(repo, 'tests/fixtures/samples')]];
  const against = opt('--against', null);
  if (against) roots.push(['/against/', resolve(against)]);
  // Each build's writer.js, as the page calls it; the page's path gives it the card's results
  // (here the checker module's, as the page's card holds them).
  const builds = [['chromium', '/www/writer.js'], ...(against ? [['chromium-against', '/against/writer.js']] : [])];
  const server = createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>writer bench</title>');
    }
    for (const [prefix, root] of roots) {
      if (!p.startsWith(prefix)) continue;
      const f = normalize(join(root, p.slice(prefix.length)));
      if (f.startsWith(normalize(root + sep)) && existsSync(f) && statSync(f).isFile()) {
        res.writeHead(200, { 'Content-Type': MIME[extname(f)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
        return createReadStream(f).pipe(res);
      }
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(origin + '/');
    const load = await page.evaluate(async () => {
      const t = performance.now();
      const w = await import('/www/writer.js');
      const bytes = new Uint8Array(await (await fetch('/samples/seed_004.docx')).arrayBuffer());
      await w.annotate(bytes);
      return performance.now() - t;
    });
    rows.push({ where: 'chromium', what: 'load annotating module (first call)', input: '-', median: load, fastest: load });
    console.log(`BENCH-JSON ${JSON.stringify({ where: 'chromium', what: 'load', median: load })}`);
    for (const seed of SEEDS) {
      const r = await page.evaluate(async ({ seed, runs, warmup, urls }) => {
        const writers = await Promise.all(urls.map((u) => import(u)));
        const checker = await import('/www/pkg/nianbao.js');
        await checker.default();
        const bytes = new Uint8Array(await (await fetch(`/samples/${seed}.docx`)).arrayBuffer());
        const answer = checker.check_reports(bytes);
        const { results } = typeof answer === 'string' ? JSON.parse(answer) : answer;
        const calls = {
          annotate: (w) => w.annotate(bytes, { suggest: true, name: `${seed}.docx` }),
          annotate_checked: (w) => w.annotate(bytes, { suggest: true, name: `${seed}.docx`, results }),
        };
        const out = {};
        for (const [what, call] of Object.entries(calls)) {
          const ms = writers.map(() => []);
          const last = [];
          for (const [i, w] of writers.entries()) for (let k = 0; k < warmup; k++) last[i] = await call(w);
          for (let k = 0; k < runs; k++) {
            const order = k % 2 ? [...writers.keys()].reverse() : [...writers.keys()];
            for (const i of order) {
              const t = performance.now();
              last[i] = await call(writers[i]);
              ms[i].push(performance.now() - t);
            }
          }
          out[what] = writers.map((_, i) => ({ ms: ms[i], comments: last[i].comments, revisions: last[i].revisions }));
        }
        return out;
      }, { seed, runs: RUNS, warmup: WARMUP, urls: builds.map(([, u]) => u) });
      for (const [what, per] of Object.entries(r)) {
        for (const [i, [where]] of builds.entries()) {
          report(where, what, seed, per[i].ms, { comments: per[i].comments, revisions: per[i].revisions });
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

console.log('\nwhere        what              input      comments  median ms  fastest ms');
for (const r of rows) {
  console.log(`${r.where.padEnd(12)} ${r.what.padEnd(17)} ${String(r.input).padEnd(10)} ${String(r.comments ?? '').padStart(8)} ${r.median.toFixed(2).padStart(10)} ${r.fastest.toFixed(2).padStart(11)}`);
}
