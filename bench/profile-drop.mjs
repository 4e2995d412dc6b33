// Where the time of the page's drop → card drawn goes: a Chromium trace (timeline + V8 sampling
// profiler) of RUNS drops of one file on the real page (each on an empty page, the card's tables
// drawn and laid out, as bench/browser.mjs measures it), summarised per thread — the page's main
// thread and the checker's workers — per drop: CPU, kinds of work, top functions by self time.
//   node bench/profile-drop.mjs [--file tests/fixtures/samples/seed_003.docx] [--runs 20] [--www DIR] [--trace FILE]
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serve } from '../tools/serve.mjs';
import { CATEGORIES, summarise } from './trace-summary.mjs';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const file = resolve(opt('--file', join(repo, 'tests/fixtures/samples/seed_003.docx')));
const runs = Number(opt('--runs', 20));
const top = Number(opt('--top', 25));
const WWW = resolve(opt('--www', join(repo, 'www')));
const root = mkdtempSync(join(tmpdir(), 'nianbao-profile-drop-'));
const traceFile = opt('--trace', join(root, 'trace.json'));
for (const name of readdirSync(WWW)) symlinkSync(join(WWW, name), join(root, name));

const { server, url } = await serve({ root: root + '/', port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  await page.evaluate((b) => { window.__bytes = new Uint8Array(b); }, [...readFileSync(file)]);
  const drops = (n) => page.evaluate(async (n) => {
    const checker = document.querySelector('nianbao-check');
    const results = checker.shadowRoot.getElementById('results');
    const drop = checker.shadowRoot.getElementById('drop');
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    const times = [];
    for (let i = 0; i < n; i++) {
      while (checker.dataset.verdict === 'pending') await pause(10);
      checker.clear();
      await pause(30);
      const t0 = performance.now();
      await new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          const card = results.lastElementChild;
          if (!card?.querySelector('table')) return;
          mo.disconnect();
          const cells = card.querySelectorAll('td');
          void cells[cells.length - 1].getBoundingClientRect();
          times.push(performance.now() - t0);
          resolve();
        });
        mo.observe(results, { childList: true, subtree: true });
        const dt = new DataTransfer();
        dt.items.add(new File([window.__bytes], 'report.docx'));
        drop.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      });
    }
    while (checker.dataset.verdict === 'pending') await pause(10);
    return times.sort((a, b) => a - b)[times.length >> 1];
  }, n);
  await drops(3); // warm-up
  await browser.startTracing(page, { path: traceFile, categories: CATEGORIES });
  const median = await drops(runs);
  await browser.stopTracing();
  summarise(JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents,
    { n: runs, unit: 'drop', top, heading: `${runs} drops of ${file.split('/').pop()}: drop → tables laid out, median ${median.toFixed(1)} ms (traced)` });
} finally {
  await browser.close();
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
}
