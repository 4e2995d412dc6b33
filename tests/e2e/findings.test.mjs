// End-to-end: what the page shows for a checked report: exactly the wrong cells marked, the
// popover's explanation, a clean pass, and document text shown as text (never as markup).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, seed, shot, dropFiles, pickFiles, cards } from './lib/harness.mjs';
import { wrongTotal, xss, XSS, clean } from './lib/fixtures.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const noProblems = (page) => assert.deepEqual(page.problems, [], 'page errors or console errors');
const marked = (page, sel = '#results td[data-mark]') =>
  page.$$eval(sel, (tds) => tds.map((td) => `${td.dataset.table}:${td.dataset.row}:${td.dataset.col}`).sort());

test('a wrong 总计 in 表三 marks exactly the right cells and explains the expected value', async () => {
  const page = await env.open();
  await pickFiles(page, [{ name: '总计有误.docx', bytes: wrongTotal() }]);
  const [c] = await cards(page, 1);
  assert.equal(c.status, 'error');
  assert.match(c.summary, /✖ 2 个错误/);
  // 表三 is physical table 1. Row （一）予以公开 (grid row 5): its 总计 (col 9) says 2, the sum is 1:
  // T3.ROW marks it, and it is the culprit. The 总计 column's （七）总计 (row 26) disagrees with
  // the column's sum: T3.RES marks that cell. The seed itself has one warning, on 表二's row
  // label 规范性文件 (table 0, row 3, col 0: T2.LABEL wants 行政规范性文件 in a 2021 report).
  assert.deepEqual(await marked(page), ['0:3:0', '1:26:9', '1:5:9']);
  assert.deepEqual(await marked(page, '#results td.mark-warning'), ['0:3:0']);
  assert.deepEqual(await marked(page, '#results td.culprit'), ['1:5:9']);
  assert.deepEqual(await marked(page, '#results td.mark-error'), ['1:26:9', '1:5:9']);
  const cell = page.locator('td[data-table="1"][data-row="5"][data-col="9"]');
  assert.match(await cell.getAttribute('aria-label'), /最可能出错.*T3\.ROW/);
  assert.match(await cell.textContent(), /✖\s*2\s*最可能出错/);
  await cell.click();
  const pop = page.locator('#popover');
  await pop.waitFor({ state: 'visible' });
  const text = await pop.textContent();
  assert.match(text, /T3\.ROW/);
  assert.match(text, /最可能出错/);
  const first = pop.locator('.pop-item').first();
  assert.equal(await first.locator('.expected').textContent(), '1');
  assert.equal(await first.locator('.actual').textContent(), '2');
  assert.equal(await first.locator('.pop-main').count(), 0, 'T3.ROW values are this cell\'s own');
  // T3.RES is shown here because this cell is its culprit; its values are those of （七）总计.
  const res = pop.locator('.pop-item', { hasText: 'T3.RES' });
  assert.equal(await res.locator('.pop-main').textContent(), '「（七）总计·总计」');
  // While the popover is open, the cells the total adds up are highlighted.
  assert.ok(await page.$$eval('td.related', (t) => t.length) >= 6);
  await shot(page, '05-wrong-total-popover');
  await page.keyboard.press('Escape');
  await pop.waitFor({ state: 'hidden' });
  // Keyboard: the marked cell is focusable and shows the same explanation on focus.
  await page.focus('td[data-table="1"][data-row="26"][data-col="9"]');
  await pop.waitFor({ state: 'visible' });
  assert.match(await pop.textContent(), /T3\.RES/);
  assert.equal(await pop.locator('.expected').first().textContent(), '2');
  noProblems(page);
  await page.close();
});

test('a clean report shows 通过 and no marked cells; one with warnings only says 有警告, never 通过', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: 'clean.docx', bytes: clean() }]);
  const [c] = await cards(page, 1);
  assert.equal(c.status, 'pass');
  assert.match(c.summary, /✓ 通过/);
  await dropFiles(page, [{ name: 'seed_000.docx', bytes: seed(0) }]);
  const [, w] = await cards(page, 2);
  assert.equal(w.status, 'warning');
  assert.match(w.summary, /⚠ \d+ 个警告/);
  assert.doesNotMatch(w.summary, /通过/);
  assert.doesNotMatch(c.summary, /个错误/);
  assert.equal((await page.$$('#results td.mark-error')).length, 0);
  noProblems(page);
  await page.close();
});

test('markup in a cell is shown as literal text, never run', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: 'xss.docx', bytes: xss() }]);
  await cards(page, 1);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval('#results img', (i) => i.length), 0, 'no img element');
  const cells = await page.$$eval('#results td', (tds) => tds.map((td) => td.textContent));
  assert.ok(cells.some((t) => t.includes(XSS)), 'the markup is visible as text in its cell');
  // The cell is not a number: it is marked, and the popover shows the text as text too.
  const td = page.locator('td[data-table="0"][data-row="2"][data-col="1"]');
  assert.equal(await td.getAttribute('data-mark'), 'error');
  await td.hover();
  await page.locator('#popover').waitFor({ state: 'visible' });
  assert.equal(await page.$$eval('#popover img', (i) => i.length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot(page, '06-markup-as-text');
  noProblems(page);
  await page.close();
});

test('many findings of one rule are one group, built when opened, whose entries still go to their cells', async () => {
  const page = await env.open();
  // Seed 003 (a 2020 report) left every result row of 表三 and 14 cells of 表四 blank.
  await pickFiles(page, [{ name: 'seed_003.docx', bytes: seed(3) }]);
  const [c] = await cards(page, 1);
  assert.equal(c.status, 'error');
  // Every blank cell is still marked in the tables.
  await page.locator('#results td.mark-error').nth(147 + 14 - 1).waitFor();
  assert.equal((await marked(page, '#results td.mark-error')).length, 147 + 14);
  const group = page.locator('details.finding-group[data-rule="T3.BLANK"]');
  assert.equal(await group.getAttribute('data-count'), '147');
  // The group's line is the checker's own summary (result.groups[g].message), not built by the page.
  assert.match(await group.locator('summary').textContent(), /T3\.BLANK 表三「（一）予以公开」等 21 行全部为空，共 147 格/);
  assert.equal(await group.locator('button.finding').count(), 0, 'entries are built on opening');
  await group.locator('summary').click();
  // The entries are built on the details' 'toggle' event, which follows the click as a task.
  await group.locator('button.finding').nth(146).waitFor({ timeout: 5000 });
  assert.equal(await group.locator('button.finding').count(), 147);
  // An entry of the group scrolls to and flashes its cell, like any other.
  const entry = group.locator('button.finding').nth(10);
  const target = await entry.getAttribute('data-target');
  await entry.click();
  await page.waitForFunction((id) => {
    const root = document.querySelector('nianbao-check').shadowRoot;
    return root.activeElement?.id === id || root.getElementById(id)?.classList.contains('flash');
  }, target);
  assert.equal(await page.locator('details.finding-group[data-rule="T4.BLANK"]').getAttribute('data-count'), '14');
  await shot(page, '09-grouped-findings');
  noProblems(page);
  await page.close();
});
