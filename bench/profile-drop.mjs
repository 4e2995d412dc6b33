// CPU profile of the page's drop → drawn path (Chrome DevTools protocol): which functions the
// time goes to. Prints the top self-time functions.
//   node bench/profile-drop.mjs --pkg DIR [--file tests/fixtures/samples/seed_003.docx] [--runs 20]
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const pkg = resolve(opt('--pkg', join(repo, 'www/pkg')));
const file = resolve(opt('--file', join(repo, 'tests/fixtures/samples/seed_003.docx')));
const runs = Number(opt('--runs', 20));
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const p = new URL(req.url, 'http://x').pathname;
  const [prefix, root] = p.startsWith('/www/pkg/') ? ['/www/pkg/', pkg] : ['/www/', join(repo, 'www')];
  const f = normalize(join(root, p.slice(prefix.length)));
  if (!f.startsWith(normalize(root + sep)) || !existsSync(f) || !statSync(f).isFile()) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': MIME[extname(f)] ?? 'application/octet-stream' });
  createReadStream(f).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/www/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  const bytes = [...readFileSync(file)];
  await page.evaluate((b) => { window.__bytes = new Uint8Array(b); }, bytes);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.evaluate(async (runs) => {
    const results = document.getElementById('results');
    for (let i = 0; i < runs; i++) {
      results.replaceChildren();
      await new Promise((r) => setTimeout(r, 20));
      await new Promise((resolve) => {
        const mo = new MutationObserver(() => { if (results.querySelector('table')) { mo.disconnect(); void results.offsetHeight; resolve(); } });
        mo.observe(results, { childList: true, subtree: true });
        const dt = new DataTransfer();
        dt.items.add(new File([window.__bytes], 'r.docx'));
        document.getElementById('drop').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      });
    }
  }, runs);
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const cf = n.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').slice(-1)[0]}:${cf.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`self time over ${runs} drops, ms per drop (total sampled ${(total / runs).toFixed(1)} ms per drop):`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${(v / runs).toFixed(2).padStart(8)}  ${k}`);
  }
} finally {
  await browser.close();
  server.close();
}
