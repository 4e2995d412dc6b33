// End-to-end (Chromium): the page as people use it — cells named by their table's labels (this and
// last year's report, on the page or not), each finding once with errors first and the 正文 panel
// after the tables, the focus following a jump to last year's cell, texts that match what the page
// does (rules intro, no 上传, the offline file's note), and printing that never cuts a name.
// The cross-engine subset (counts, badges, CSV, popover, 390 px, offline) is in engines.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, seed, cards, dropFiles } from './lib/harness.mjs';
import { legacyDoc, wrongTotal } from './lib/fixtures.mjs';
import { PAIR_2021, BROKEN_2022 } from './lib/pairs.mjs';
import { editDocumentXml } from './lib/zip.mjs';

let env;
let tmp;
before(async () => {
  env = await start();
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-page-'));
});
after(async () => {
  await env?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const card = (page, name) => page.locator('#results .file-card', { has: page.locator('.fname', { hasText: name }) });
const noProblems = (page) => assert.deepEqual(page.problems, [], 'page errors or console errors');
/** A cell named by numbers (第 28 行第 4 列) or by a number taken as a row label (« › 88 »). */
const NUMBERED = /第 ?\d+ ?行|第 ?\d+ ?列|› ?\d/;

test('last year\'s cell is named by its table\'s labels, and the focus follows the jump to it', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: '2021年报.docx', bytes: PAIR_2021() }, { name: '2022年报.docx', bytes: BROKEN_2022() }]);
  await cards(page, 2);
  const later = card(page, '2022年报');
  await later.locator('.paired').waitFor();
  const lines = await later.locator('.text-previous').allTextContents();
  assert.ok(lines.length >= 2, lines.join('\n'));
  for (const l of lines) {
    assert.match(l, /表三「四、结转下年度继续办理」「(自然人|总计)」列 为 \d/, l);
    assert.doesNotMatch(l, NUMBERED, l);
  }
  const link = later.locator('.text-previous button.text-link').first();
  const target = await link.getAttribute('data-target');
  await link.click();
  await page.waitForFunction((id) => document.querySelector('nianbao-check').shadowRoot.activeElement?.id === id, target);
  assert.equal(await card(page, '2021年报').locator(`[id="${target}"]`).count(), 1, 'the focused cell is last year\'s');
  noProblems(page);
  await page.close();
});

test('last year\'s cell is named by its labels when last year\'s file is not on the page', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: '2022年报.docx', bytes: BROKEN_2022() }]);
  await cards(page, 1);
  const later = card(page, '2022年报');
  await later.locator('input.previous-picker').setInputFiles({ name: '2021年报.docx', mimeType: 'application/octet-stream', buffer: PAIR_2021() });
  await later.locator('.paired').waitFor();
  const lines = await later.locator('.text-previous').allTextContents();
  assert.ok(lines.length >= 2);
  for (const l of lines) {
    assert.match(l, /2021年报\.docx（2021 年） 表三「四、结转下年度继续办理」「(自然人|总计)」列 为 \d/, l);
    assert.doesNotMatch(l, NUMBERED, l);
  }
  // The popover of the marked cell says the same.
  await later.locator('td[data-table="1"][data-row="4"][data-col="9"]').click();
  const pop = page.locator('#popover');
  await pop.waitFor({ state: 'visible' });
  const text = await pop.locator('.pop-text').first().textContent();
  assert.match(text, /表三「四、结转下年度继续办理」「总计」列 为 2/);
  assert.doesNotMatch(text, NUMBERED);
  noProblems(page);
  await page.close();
});

test('each finding once: S.* only in the 正文 panel, which comes after the tables; errors first', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: 'seed_000.docx', bytes: seed(0) }, { name: '总计有误.docx', bytes: wrongTotal() }]);
  await cards(page, 2);
  const warned = card(page, 'seed_000');
  await warned.locator('summary', { hasText: '表格与问题' }).click();
  await warned.locator('aside.findings').waitFor({ state: 'attached' });
  // seed_000: S.TITLEVAR, S.SEC5PART, S.SEC6 — each exactly once on the card.
  for (const rule of ['S.TITLEVAR', 'S.SEC5PART', 'S.SEC6']) {
    assert.equal(await warned.locator(`[data-rule="${rule}"]`).count(), 1, rule);
  }
  const order = await warned.evaluate((c) => [...c.children].map((x) => x.matches('details.detail') ? 'tables' : x.matches('.text-findings') ? 'text' : x.tagName.toLowerCase()));
  assert.ok(order.indexOf('tables') >= 0 && order.indexOf('tables') < order.indexOf('text'), order.join(' '));
  // The findings list of the other card: errors before warnings.
  const errs = card(page, '总计有误');
  const sev = await errs.locator('aside.findings li > .finding, aside.findings li > details').evaluateAll((xs) => xs.map((x) => (x.className.includes('finding-error') ? 'e' : 'w')).join(''));
  assert.match(sev, /^e+w*$/, sev);
  noProblems(page);
  await page.close();
});

test('texts match the page: the rules intro (every rule, not only the tables), no 上传 in a refusal', async () => {
  const page = await env.open();
  await page.locator('#rules-help summary').click();
  await page.waitForSelector('#rules-help[data-loaded="1"]');
  const intro = await page.locator('#rules-intro').textContent();
  const n = await page.locator('#rules-list dt').count();
  assert.ok(n > 60, `${n} rules`);
  assert.match(intro, new RegExp(`共 ${n} 条规则`));
  assert.match(intro, /正文/);
  assert.match(intro, /上一年度/);
  const text = editDocumentXml(seed(1), (xml) => xml); // a real report, renamed below as a text file
  await dropFiles(page, [{ name: '旧版.doc', bytes: legacyDoc() }, { name: '说明.txt.docx', bytes: Buffer.from('这是一份纯文本说明，不是年度报告。\n'.repeat(20)) }, { name: 'ok.docx', bytes: text }]);
  await cards(page, 3);
  const refusals = await page.locator('.rejection').allTextContents();
  assert.equal(refusals.length, 2);
  for (const r of refusals) assert.doesNotMatch(r, /上传/, r);
  // A refused card offers nothing to export or print.
  assert.equal(await card(page, '旧版.doc').locator('.card-tools').count(), 0);
  noProblems(page);
  await page.close();
});

test('print: the summary never cuts an agency, format or file name', async (t) => {
  if (spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status !== 0) {
    if (process.env.CI) assert.fail('pdftotext is required when CI is set');
    t.skip('pdftotext is not available');
    return;
  }
  const page = await env.open();
  const long = '某某自治区某某自治州某某县人民政府办公室关于政府信息公开工作的年度报告（修订稿第二版）.docx';
  await dropFiles(page, [{ name: long, bytes: seed(0) }, { name: '总计有误.docx', bytes: wrongTotal() }]);
  await cards(page, 2);
  await page.evaluate(() => { window.print = () => {}; });
  await page.locator('.batch-tools .print').click();
  await page.emulateMedia({ media: 'print' });
  const cut = await page.$$eval('.overview-table tbody tr:not(.spacer) td', (tds) => tds
    .filter((td) => getComputedStyle(td).display !== 'none' && (td.scrollWidth > td.clientWidth + 1 || getComputedStyle(td).textOverflow === 'ellipsis'))
    .map((td) => td.textContent));
  assert.deepEqual(cut, []);
  const pdf = join(tmp, 'summary.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  const flat = raw.replace(/\s+/g, '');
  assert.ok(!raw.includes('…'), 'nothing printed with an ellipsis');
  assert.ok(flat.includes(long.replace(/\s+/g, '')), 'the whole file name is printed');
  assert.ok(flat.includes('繁峙县卫生健康和体育局'), 'the whole agency name is printed');
  await page.emulateMedia({ media: 'screen' });
  noProblems(page);
  await page.close();
});
