// End-to-end (Chromium): what a first check of one report downloads is exactly what the size report
// counts. The page is opened, one report dropped, its card drawn (tables, 正文 panel, exports) and
// the page left idle; every file the page and its workers fetched is compared with `page_files` of
// scripts/build-web.sh (which bench/size.sh reads too), so the figure cannot drift from the page.
// The modules a single report does not need (the batch summary's table, the exports, the writer)
// must not be among them; a click on an export or a second file loads them. The same again on the
// minified copy (tools/minify.mjs, what scripts/build-web.sh writes to dist/): the same files, and
// it works the same.
//   NIANBAO_FETCHES=1 node --test tests/e2e/download.test.mjs   also prints the list with gzip sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { start, seed, cards, dropFiles, ROOT, WWW } from './lib/harness.mjs';
import { wrongTotal } from './lib/fixtures.mjs';
import { build as minify } from '../../tools/minify.mjs';

/** The files of www/ (or `root`) the requests since `from` fetched (relative paths, queries dropped). */
const fetched = (env, from) => [...new Set(env.requests.slice(from)
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

/** One report dropped on the page served from `root`: what it fetched, then the exports and a second report. */
async function firstCheck(root) {
  const env = await start({ root });
  try {
    const from = env.requests.length;
    const page = await env.open();
    await dropFiles(page, [{ name: '总计有误.docx', bytes: wrongTotal() }]);
    await cards(page, 1);
    const card = page.locator('#results .file-card');
    await card.locator('table').first().waitFor();
    await card.locator('.card-tools').waitFor();
    await idle(page);
    await page.waitForTimeout(500);
    const got = fetched(env, from);
    if (process.env.NIANBAO_FETCHES) {
      let total = 0;
      for (const f of got) {
        const gz = gzipSync(readFileSync(join(root, f)), { level: 9 }).length;
        total += gz;
        console.log(`${f.padEnd(28)} ${String(gz).padStart(8)}`);
      }
      console.log(`${'total'.padEnd(28)} ${String(total).padStart(8)}  (${root})`);
    }
    assert.deepEqual(got, counted(), 'fetched by one drop vs. page_files of scripts/build-web.sh');
    for (const lazy of ['batch.js', 'exports.js', 'writer.js', 'readers.js']) {
      assert.ok(!got.includes(lazy), `${lazy} is loaded on demand only`);
    }
    assert.deepEqual(page.problems, []);

    // The CSV button loads the exports, and the CSV is downloaded.
    const n = env.requests.length;
    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button.export-csv').click()]);
    assert.match(download.suggestedFilename(), /总计有误（问题清单）\.csv$/);
    assert.deepEqual(fetched(env, n), ['exports.js']);
    // A marked cell's popover.
    await card.locator('td.mark-error').first().click();
    await page.locator('#popover').waitFor({ state: 'visible' });
    // A second file brings the batch summary.
    const m = env.requests.length;
    await dropFiles(page, [{ name: 'seed_001.docx', bytes: seed(1) }]);
    await cards(page, 2);
    await page.locator('section.overview:not([hidden])').waitFor();
    // (a second check may start a second worker of the pool: worker.js and its glue again, from the cache)
    assert.deepEqual(fetched(env, m).filter((f) => f !== 'worker.js' && f !== 'jobs.js' && !f.startsWith('pkg/')), ['batch.js']);
    assert.equal(await page.locator('section.overview tbody tr[data-status]').count(), 2);
    assert.deepEqual(page.problems, []);
    await page.close();
    return got;
  } finally {
    await env.close();
  }
}

test('one report dropped: the page fetches exactly the files the size report counts, and no batch or export module', async () => {
  await firstCheck(WWW);
});

test('the minified copy (tools/minify.mjs): the same files fetched, the same behaviour, smaller, with source maps', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-dist-'));
  try {
    await minify(dir);
    const got = await firstCheck(dir);
    const gz = (root) => got.filter((f) => !f.startsWith('pkg/')).reduce((n, f) => n + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0);
    assert.ok(gz(dir) < gz(WWW) * 0.75, `minified ${gz(dir)} B vs ${gz(WWW)} B gzipped`);
    // Each minified file points to its map, which carries the readable source.
    for (const f of got.filter((x) => x.endsWith('.js'))) {
      const code = readFileSync(join(dir, f), 'utf8');
      const name = f.split('/').pop();
      assert.ok(code.trimEnd().endsWith(`//# sourceMappingURL=${name}.map`), f);
      const map = JSON.parse(readFileSync(join(dir, `${f}.map`), 'utf8'));
      assert.equal(map.sourcesContent[0], readFileSync(join(WWW, f), 'utf8'), f);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
