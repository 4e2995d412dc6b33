// End-to-end: the readers module (www/readers.js, pkg-readers/) loads only when a .doc/.wps, a web
// page or a paste arrives; a dropped .doc, a dropped .html and a pasted selection each get the card
// of the same report as .docx; the annotated copy is offered for a .docx only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, seed, shot, dropFiles, cards, ROOT } from './lib/harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const fixture = (name) => readFileSync(join(ROOT, 'tests/fixtures/readers', name));
const noProblems = (page) => assert.deepEqual(page.problems, [], 'page errors or console errors');
const readersLoaded = () => env.requests.some((u) => u.includes('/pkg-readers/'));

/** The card of seed_00n.docx, for comparison (status and summary without the file name). */
async function docxCard(n) {
  const page = await env.open();
  await dropFiles(page, [{ name: `seed_00${n}.docx`, bytes: seed(n) }]);
  const [c] = await cards(page, 1);
  await page.close();
  return c;
}

const same = (a, b, nameA, nameB) => {
  assert.equal(a.status, b.status, `${a.summary}\n${b.summary}`);
  assert.equal(a.summary.replace(nameA, ''), b.summary.replace(nameB, ''));
};

test('a .docx does not load the readers; a dropped .doc does, and gets the .docx card', async () => {
  const want = await docxCard(0);
  assert.equal(readersLoaded(), false, 'the readers module is not loaded for a .docx');
  const page = await env.open();
  await dropFiles(page, [{ name: 'seed_000.doc', bytes: fixture('seed_000.doc') }]);
  const [c] = await cards(page, 1);
  assert.ok(readersLoaded(), 'the readers module is loaded for a .doc');
  assert.equal(c.code, null, c.rejection);
  same(c, want, 'seed_000.doc', 'seed_000.docx');
  await page.waitForSelector('#results .file-card table.grid');
  // No annotated copy for a .doc: the card says to save it as .docx.
  const card = page.locator('#results .file-card').first();
  assert.equal(await card.locator('button.annotate').count(), 0);
  assert.match(await card.locator('.annotate-note').textContent(), /另存为 \.docx/);
  await shot(page, 'readers-01-dropped-doc');
  noProblems(page);
  await page.close();
});

test('a dropped web page (a portal page with navigation and a layout table) gets the .docx card', async () => {
  const want = await docxCard(4);
  const page = await env.open();
  await dropFiles(page, [{ name: 'seed_004_portal.html', bytes: fixture('seed_004_portal.html') }]);
  const [c] = await cards(page, 1);
  assert.equal(c.code, null, c.rejection);
  same(c, want, 'seed_004_portal.html', 'seed_004.docx');
  noProblems(page);
  await page.close();
});

/** Pastes into the page (a paste event on the body, as Ctrl+V outside any field). */
const paste = (page, data) => page.evaluate((data) => {
  const dt = new DataTransfer();
  for (const [type, value] of Object.entries(data)) dt.setData(type, value);
  document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
}, data);

test('a pasted selection of a report page gets the .docx card; plain text gets a message', async () => {
  const want = await docxCard(4);
  const page = await env.open();
  await page.waitForSelector('.paste-button');
  assert.equal((await page.textContent('.paste-button')).trim(), '粘贴网页内容');
  const html = fixture('seed_004_portal.html').toString('utf8');
  const start = html.indexOf('<div class="article">');
  const end = html.indexOf('<footer>');
  await paste(page, { 'text/html': `<meta charset="utf-8">${html.slice(start, end)}`, 'text/plain': '…' });
  const [c] = await cards(page, 1);
  assert.equal(c.code, null, c.rejection);
  same(c, want, '粘贴的网页内容.html', 'seed_004.docx');
  // Plain text only: the tables are needed.
  await paste(page, { 'text/plain': '一、总体情况 本年度共收到申请 3 件' });
  await page.waitForFunction(() => /表格/.test(document.querySelector('.paste-msg')?.textContent ?? ''));
  assert.match(await page.textContent('.paste-msg'), /纯文字/);
  // The message opened the box; the button closes and opens it.
  assert.equal(await page.isVisible('.paste-area'), true);
  await page.click('.paste-button');
  assert.equal(await page.isVisible('.paste-area'), false);
  await page.click('.paste-button');
  assert.equal(await page.isVisible('.paste-area'), true);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'paste-area');
  await shot(page, 'readers-02-paste');
  noProblems(page);
  await page.close();
});
