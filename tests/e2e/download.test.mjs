// End-to-end (Chromium): what a first check of one report downloads is exactly what the size report
// counts. The page is opened, one report dropped, its card drawn (tables, 正文 panel, exports) and
// the page left idle; every file the page and its workers fetched is compared with `page_files` of
// scripts/build-web.sh (which bench/size.sh reads too), so the figure cannot drift from the page.
// The modules a single report does not need (the batch summary's table, the exports, the writer)
// must not be among them; a click on an export or a second file loads them.
//   NIANBAO_FETCHES=1 node --test tests/e2e/download.test.mjs   also prints the list with gzip sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { start, seed, cards, dropFiles, ROOT, WWW } from './lib/harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The files of www/ the requests since `from` fetched (paths relative to www/, queries dropped). */
const fetched = (from) => [...new Set(env.requests.slice(from)
  .filter((u) => u.startsWith(env.origin))
  .map((u) => {
    let p = decodeURIComponent(new URL(u).pathname).replace(/^\//, '');
    if (p === '' || p.endsWith('/')) p += 'index.html';
    return p;
  }))].sort();

/** The size report's list of what a first check downloads, as scripts/build-web.sh names it. */
function counted() {
  const out = execFileSync('bash', ['-c',
    'eval "$(awk \'/^(element_js|element_files|page_files)=\\(/ {on = 1} on {print} on && /\\)$/ {on = 0}\' scripts/build-web.sh)"; printf "%s\\n" "${page_files[@]}"'],
  { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(out.split('\n').filter(Boolean).map((f) => f.replace(/^www\//, '')))].sort();
}

const idle = (page) => page.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 300), { timeout: 2000 })));

test('one report dropped: the page fetches exactly the files the size report counts, and no batch or export module', async () => {
  const from = env.requests.length;
  const page = await env.open();
  await dropFiles(page, [{ name: 'seed_000.docx', bytes: seed(0) }]);
  await cards(page, 1);
  const card = page.locator('#results .file-card');
  await card.locator('table').first().waitFor();
  await card.locator('.card-tools').waitFor();
  await idle(page);
  await page.waitForTimeout(500);
  const got = fetched(from);
  if (process.env.NIANBAO_FETCHES) {
    let total = 0;
    for (const f of got) {
      const gz = gzipSync(readFileSync(join(WWW, f)), { level: 9 }).length;
      total += gz;
      console.log(`${f.padEnd(28)} ${String(gz).padStart(8)}`);
    }
    console.log(`${'total'.padEnd(28)} ${String(total).padStart(8)}`);
  }
  assert.deepEqual(got, counted(), 'fetched by one drop vs. page_files of scripts/build-web.sh');
  for (const lazy of ['batch.js', 'exports.js', 'writer.js', 'readers.js']) {
    assert.ok(!got.includes(lazy), `${lazy} is loaded on demand only`);
  }
  assert.deepEqual(page.problems, []);

  // The CSV button loads the exports, and the CSV is downloaded.
  const n = env.requests.length;
  const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button.export-csv').click()]);
  assert.match(download.suggestedFilename(), /seed_000（问题清单）\.csv$/);
  assert.deepEqual(fetched(n), ['exports.js']);
  // A second file brings the batch summary.
  const m = env.requests.length;
  await dropFiles(page, [{ name: 'seed_001.docx', bytes: seed(1) }]);
  await cards(page, 2);
  await page.locator('section.overview:not([hidden])').waitFor();
  assert.deepEqual(fetched(m), ['batch.js']);
  assert.equal(await page.locator('section.overview tbody tr[data-status]').count(), 2);
  assert.deepEqual(page.problems, []);
  await page.close();
});
