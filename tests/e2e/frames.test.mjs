// End-to-end: the standalone page inside a portal's iframe (?parent=<origin>: results go to that
// origin only, messages from other origins are ignored), and the single offline file opened from
// file:// with no server and no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, startPortal, openHost, STRICT_CSP, WWW, seed, shot, cards } from './lib/harness.mjs';
import { wrongTotal } from './lib/fixtures.mjs';

let env;
let allowed; // the portal named in ?parent=
let other; // another origin embedding the same URL
before(async () => {
  env = await start();
  const csp = `${STRICT_CSP}; frame-src ${env.origin}`;
  allowed = await startPortal({ csp });
  other = await startPortal({ csp });
});
after(async () => {
  await other?.close();
  await allowed?.close();
  await env?.close();
});

const got = (page) => page.evaluate(() => window.__got);
const childFrame = (page) => page.frames().find((f) => f.url().startsWith(env.origin));

test('iframe: results reach the parent named in ?parent= and no other origin; other origins\' requests are ignored', async () => {
  const child = `${env.url}?parent=${encodeURIComponent(allowed.origin)}`;
  const good = await openHost(env.context, `${allowed.url}portal/parent.html?child=${encodeURIComponent(child)}`);
  const bad = await openHost(env.context, `${other.url}portal/parent.html?child=${encodeURIComponent(child)}`);
  for (const page of [good, bad]) {
    await page.waitForFunction(() => document.querySelector('#frame'));
    await page.waitForFunction(() => window.__got !== undefined);
    const frame = await (async () => { for (;;) { const f = childFrame(page); if (f) return f; await page.waitForTimeout(50); } })();
    await frame.waitForSelector('body[data-ready="1"]');
    await page.frameLocator('#frame').locator('#sample').click();
    await cards(frame, 1);
  }
  await good.waitForFunction(() => window.__got.some((m) => m.type === 'nianbao-result'));
  assert.deepEqual((await got(good)).map((m) => [m.origin, m.type, m.name, m.status]), [
    [env.origin, 'nianbao-ready', undefined, undefined],
    [env.origin, 'nianbao-result', '示例报告（含错误）.docx', 'checked'],
  ]);

  // The allowed parent sends a file; the other origin's request is ignored.
  const b64 = Buffer.from(wrongTotal()).toString('base64');
  const send = (page, name) => page.evaluate(([b64, name, origin]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    document.querySelector('#frame').contentWindow.postMessage({ type: 'nianbao-check', name, bytes }, origin);
  }, [b64, name, env.origin]);
  await send(bad, '来自其他来源.docx');
  await send(good, '来自门户.docx');
  await good.waitForFunction(() => window.__got.filter((m) => m.type === 'nianbao-result').length >= 2);
  assert.deepEqual((await got(good)).slice(2).map((m) => [m.origin, m.name, m.status]), [[env.origin, '来自门户.docx', 'checked']]);
  assert.equal((await cards(childFrame(good), 2)).length, 2);
  // Give a stray message time to arrive, then: nothing reached the other origin, its frame drew nothing more.
  await bad.waitForTimeout(500);
  assert.deepEqual(await got(bad), [], 'a result reached an origin not named in ?parent=');
  assert.equal((await cards(childFrame(bad), 1)).length, 1, 'a request from another origin was checked');
  await shot(good, '13-iframe');
  assert.deepEqual(good.problems, []);
  await good.close();
  await bad.close();
});

test('offline file: nianbao.html opened from file:// checks a picked file with no network request', async () => {
  const built = join(WWW, 'nianbao.html');
  assert.ok(existsSync(built), 'www/nianbao.html is missing: run bash scripts/build-web.sh');
  // A folder of its own, as on a USB stick: nothing else beside it.
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-usb-'));
  const file = join(dir, 'nianbao.html');
  copyFileSync(built, file);
  const page = await env.context.newPage();
  const log = [];
  const problems = [];
  page.on('request', (r) => log.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const url = pathToFileURL(file).href;
  try {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]');
    assert.equal(await page.getAttribute('body', 'data-engine'), 'main');
    assert.equal(await page.isVisible('#sample'), false, 'no sample button offline');
    await page.setInputFiles('#picker', [
      { name: '总计有误.docx', mimeType: 'application/octet-stream', buffer: wrongTotal() },
      { name: 'seed_000.docx', mimeType: 'application/octet-stream', buffer: seed(0) },
    ]);
    const cs = await cards(page, 2);
    assert.deepEqual(cs.map((c) => [c.name, c.status]), [['总计有误.docx', 'error'], ['seed_000.docx', 'warning']]);
    assert.match(cs[0].summary, /✖ 2 个错误/);
    // Offline: the CSV export and printing, no Excel or annotated report (their writer is not inside).
    assert.deepEqual(await page.$$eval('.file-card:first-child .card-tools button', (bs) => bs.map((b) => b.textContent)),
      ['导出问题清单（CSV）', '打印']);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.batch-tools .export-csv').click()]);
    assert.match(csv.suggestedFilename(), /^问题清单-\d{4}-\d\d-\d\d\.csv$/);
    // The element's styles (carried inside the file) are applied.
    assert.equal(await page.$eval('#drop', (d) => getComputedStyle(d).borderTopStyle), 'dashed');
    assert.match(await page.textContent('#version'), /^\d+\.\d+\.\d+/);
    // The rule catalogue (rules.json on a server) is inside the file.
    await page.locator('#rules-help summary').click();
    await page.waitForSelector('#rules-help[data-loaded="1"]');
    assert.ok(await page.locator('#rules-list dt').count() > 60, 'the rule catalogue offline');
    assert.deepEqual(log.filter((u) => u !== url), [], `network: ${log.join('\n')}`);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
    await shot(page, '14-offline-file');
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
