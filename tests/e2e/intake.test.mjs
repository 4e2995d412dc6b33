// End-to-end: the ways files get into the page (picker, keyboard, drag-and-drop, several files,
// the bundled sample), and that the page never talks to anything but its own server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, seed, shot, dropFiles, pickFiles, cards, WWW } from './lib/harness.mjs';
import { serve } from '../../tools/serve.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

// Playwright turns on file-chooser interception without waiting for it when a listener is added;
// a round trip to the page makes sure it is on before the key is pressed.
const enableChooser = (page) => page.evaluate(() => 0);
const noProblems = (page) => assert.deepEqual(page.problems, [], 'page errors or console errors');

test('the page loads offline-ready with its privacy line and an accessible drop zone', async () => {
  const page = await env.open();
  assert.match(await page.textContent('.privacy'), /文件只在本机浏览器中检查，不会上传/);
  const zone = page.locator('#drop');
  assert.equal(await zone.getAttribute('role'), 'button');
  assert.equal(await zone.getAttribute('tabindex'), '0');
  assert.match(await page.textContent('#version'), /^\d+\.\d+\.\d+/);
  // The rule catalogue is not part of the checker: rules.json is fetched when its panel opens.
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('/rules.json')) fetched.push(r.url()); });
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await page.locator('#rules-list dt').count(), 0, 'no catalogue before the panel opens');
  assert.deepEqual(fetched, [], 'rules.json not fetched before the panel opens');
  await page.locator('#rules-help summary').click();
  await page.waitForSelector('#rules-help[data-loaded="1"]');
  assert.ok(await page.$$eval('#rules-list dt', (d) => d.length) > 10, 'rule catalogue shown');
  assert.equal(fetched.length, 1);
  assert.deepEqual(await page.evaluate(async () => (await import('./nianbao.js')).rules().then((r) => r.length)),
    await page.locator('#rules-list dt').count(), 'rules() gives the same catalogue');
  await shot(page, '01-start');
  noProblems(page);
  await page.close();
});

test('file picker: a seed report is checked (its warnings: 有警告, not 通过)', async () => {
  const page = await env.open();
  await pickFiles(page, [{ name: 'seed_000.docx', bytes: seed(0) }]);
  const [c] = await cards(page, 1);
  assert.equal(c.status, 'warning', c.summary); // seed_000 has 3 warnings (S.*), no error
  assert.match(c.summary, /⚠ 3 个警告/);
  assert.doesNotMatch(c.summary, /通过/);
  assert.match(c.summary, /机关/);
  assert.match(c.summary, /2021 年/);
  assert.ok(await page.$$eval('#results table.grid', (t) => t.length) >= 3, 'tables drawn');
  noProblems(page);
  await page.close();
});

test('keyboard: Enter and Space on the focused drop zone open the file chooser', async () => {
  const page = await env.open();
  await page.focus('#drop');
  const focusRing = await page.$eval('#drop', (el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(focusRing, 'none', 'visible focus');
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), enableChooser(page).then(() => page.keyboard.press('Enter'))]);
  assert.ok(chooser.isMultiple());
  await chooser.setFiles({ name: 'seed_000.docx', mimeType: 'application/octet-stream', buffer: seed(0) });
  await cards(page, 1);
  await page.focus('#drop');
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), enableChooser(page).then(() => page.keyboard.press(' '))]);
  await chooser.setFiles({ name: 'seed_002.docx', mimeType: 'application/octet-stream', buffer: seed(2) });
  const cs = await cards(page, 2);
  assert.equal(cs[1].name, 'seed_002.docx');
  noProblems(page);
  await page.close();
});

test('drag-and-drop: a dropped report is checked and drawn', async (t) => {
  const page = await env.open();
  const wall = Date.now();
  await dropFiles(page, [{ name: 'seed_000.docx', bytes: seed(0) }]);
  const [c] = await cards(page, 1);
  await page.waitForSelector('#results .file-card table.grid');
  t.diagnostic(`drop → drawn: ${c.sinceDrop} ms in the page (check + draw ${c.ms} ms), ${Date.now() - wall} ms wall clock`);
  console.log(`timing: drop → drawn ${c.sinceDrop} ms (check + draw ${c.ms} ms) for seed_000.docx`);
  assert.equal(c.status, 'warning', c.summary);
  await shot(page, '02-dropped-seed');
  noProblems(page);
  await page.close();
});

test('several files at once, by drop and by picker, each get a card in order', async () => {
  const page = await env.open();
  await dropFiles(page, [0, 2, 3].map((n) => ({ name: `seed_00${n}.docx`, bytes: seed(n) })));
  let cs = await cards(page, 3);
  assert.deepEqual(cs.map((c) => c.name), ['seed_000.docx', 'seed_002.docx', 'seed_003.docx']);
  for (const c of cs) assert.notEqual(c.status, 'rejected', c.summary);
  await pickFiles(page, [1, 4].map((n) => ({ name: `seed_00${n}.docx`, bytes: seed(n) })));
  cs = await cards(page, 5);
  assert.deepEqual(cs.slice(3).map((c) => c.name), ['seed_001.docx', 'seed_004.docx']);
  assert.match(await page.textContent('#status'), /已检查 5 个文件/);
  await shot(page, '03-several-files', true);
  noProblems(page);
  await page.close();
});

test('folder drop: reports in a dropped folder and its sub-folders are checked, other files skipped', async () => {
  const page = await env.open();
  const b64 = Buffer.from(seed(0)).toString('base64');
  // A synthetic DataTransfer cannot hold folders, so the drop event carries a stand-in with the
  // same shape as Chromium's (items[].webkitGetAsEntry() → FileSystemDirectoryEntry).
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const file = (name, data = bytes) => ({ isFile: true, isDirectory: false, name, file: (ok) => ok(new File([data], name)) });
    const dir = (name, children) => ({
      isFile: false, isDirectory: true, name,
      createReader() {
        const batches = [children.slice(0, 2), children.slice(2)]; // readEntries returns batches
        return { readEntries: (ok) => ok(batches.shift() ?? []) };
      },
    });
    const root = dir('2021年报', [
      file('a.docx'),
      file('说明.txt', new Uint8Array([65])),
      file('~$a.docx'),
      dir('子目录', [file('b.docx'), dir('更深', [file('c.DOCX')])]),
    ]);
    const dt = { items: [{ kind: 'file', webkitGetAsEntry: () => root, getAsFile: () => null }], files: [] };
    const ev = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(ev, 'dataTransfer', { value: dt });
    document.querySelector('nianbao-check').shadowRoot.querySelector('#drop').dispatchEvent(ev);
  }, b64);
  const cs = await cards(page, 3);
  assert.deepEqual(cs.map((c) => c.name), ['a.docx', 'b.docx', 'c.DOCX']);
  await page.waitForFunction(() => /^已检查 3 个文件/.test(document.querySelector('nianbao-check').shadowRoot.querySelector('#status').textContent));
  assert.equal((await cards(page, 3)).length, 3);
  for (const c of cs) assert.equal(c.status, 'warning', c.summary); // seed_000: warnings only
  noProblems(page);
  await page.close();
});

test('the 示例报告 button checks the bundled sample and shows its mistakes', async (t) => {
  const page = await env.open();
  await page.click('#sample');
  const [c] = await cards(page, 1);
  t.diagnostic(`sample: click → drawn ${c.sinceDrop} ms`);
  assert.equal(c.status, 'error', c.summary);
  const rules = await page.$$eval('#results [data-rule]', (els) => els.map((e) => e.dataset.rule));
  for (const r of ['T3.ROW', 'T4.SUM', 'T2.BLANK']) assert.ok(rules.includes(r), `${r} in ${rules}`);
  assert.ok(await page.$('td.culprit .culprit-badge'), 'culprit badge');
  // A finding button scrolls to its cell and flashes it.
  await page.click('button.finding[data-rule="T4.SUM"]');
  const target = await page.$eval('button.finding[data-rule="T4.SUM"]', (b) => b.dataset.target);
  await page.waitForFunction((id) => document.querySelector('nianbao-check').shadowRoot.getElementById(id).classList.contains('flash'), target);
  assert.equal(await page.evaluate(() => document.querySelector('nianbao-check').shadowRoot.activeElement.id), target);
  assert.equal(await page.isVisible('#popover'), true);
  await page.click('h1');
  await page.hover('td.culprit');
  await shot(page, '04-sample');
  noProblems(page);
  await page.close();
});

test('the page works from a sub-path of another site', async () => {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-subpath-'));
  mkdirSync(join(root, 'portal', 'tools'), { recursive: true });
  symlinkSync(WWW, join(root, 'portal', 'tools', 'nianbao'));
  const { server, url } = await serve({ root: root + '/', port: 0 });
  try {
    const page = await env.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}portal/tools/nianbao/`);
    await page.waitForSelector('body[data-ready="1"]');
    await page.click('#sample');
    const [c] = await cards(page, 1);
    assert.equal(c.status, 'error');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await new Promise((r) => server.close(r));
    rmSync(root, { recursive: true, force: true });
  }
});

test('network: every request goes to the page’s own server, for files of www/ only', async () => {
  const log = [];
  const page = await env.context.newPage();
  page.on('request', (r) => log.push(r.url()));
  await page.goto(env.url);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#sample');
  await cards(page, 1);
  await dropFiles(page, [{ name: 'seed_000.docx', bytes: seed(0) }]);
  await cards(page, 2);
  await page.close();
  assert.ok(log.some((u) => u.endsWith('/pkg/nianbao_bg.wasm')));
  assert.ok(log.some((u) => u.endsWith('/samples/sample-with-errors.docx')));
  assert.deepEqual(env.foreignRequests(log), [], `requests: ${log.join('\n')}`);
  // And over the whole file's run, every tab of this server's page stayed on it too.
  assert.deepEqual(env.foreignRequests(env.requests.filter((u) => u.startsWith(env.origin) || !u.includes('/portal/'))), []);
});
