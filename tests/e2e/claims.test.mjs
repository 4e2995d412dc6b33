// End-to-end: the 正文核对 list of a card (www/claims.js) shows every statement the prose reader read
// with what it was compared with — agreements too ("正文 1 件 = 表三… 1 件 ✓") — its sentence with the
// statement marked, and a button to the compared cell.
// Fixtures: tests/e2e/lib/pairs.mjs (the consistent 2022 report; 表三 一 总计 is 1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot, dropFiles, cards } from './lib/harness.mjs';
import { consistent2022, narrative2022, NARRATIVE_CLAIM } from './lib/pairs.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const noProblems = (page) => assert.deepEqual(page.problems, [], 'page errors or console errors');
const card = (page, name) => page.locator('#results .file-card', { has: page.locator('.fname', { hasText: name }) });
const FIGURE = '表三“一、本年新收政府信息公开申请数量”总计';
const agreeing = () => consistent2022((xml) => xml.replace(
  '2022年，某某县卫生健康局认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。',
  '2022年，某某县卫生健康局认真贯彻落实《中华人民共和国政府信息公开条例》，全年共收到政府信息公开申请1件，均已按时答复。'));

test('正文核对 lists agreements and disagreements, each with its sentence and its cell', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: '不一致.docx', bytes: narrative2022() }, { name: '一致.docx', bytes: agreeing() }]);
  await cards(page, 2);

  // The disagreement: open by default, the statement against the cell, the rule that reports it.
  const bad = card(page, '不一致');
  const list = bad.locator('details.claims');
  await list.waitFor();
  assert.equal(await list.getAttribute('open'), '', 'open when a statement disagrees');
  assert.match(await list.locator('summary').textContent(), /^正文核对（读到 \d+ 处陈述：\d+ 处与表格一致，1 处不一致）$/);
  const differ = list.locator('.claim-item[data-subject="New"]');
  assert.equal(await differ.getAttribute('data-state'), 'differ');
  assert.equal(await differ.locator('.claim-line').textContent(), `正文 9 件 ≠ ${FIGURE} 1 件 ✗ TX.NEW`);
  assert.equal(await differ.locator('q.sentence mark').textContent(), NARRATIVE_CLAIM);
  assert.equal(await differ.locator('q.sentence mark *').count(), 0, 'the sentence is text, not markup');
  // Statement → cell: 表三 一、本年新收 总计 (table 1, grid row 3, col 9) flashes.
  const link = differ.locator('button.text-link');
  assert.equal(await link.getAttribute('data-target'),
    await bad.locator('td[data-table="1"][data-row="3"][data-col="9"]').getAttribute('id'));
  await link.click();
  await page.waitForFunction(() => [...document.querySelector('nianbao-check').shadowRoot
    .querySelectorAll('td[data-table="1"][data-row="3"][data-col="9"]')].some((td) => td.classList.contains('flash')));

  // The agreement: listed too, closed by default.
  const good = card(page, '一致.docx').filter({ hasNot: page.locator('.fname', { hasText: '不一致' }) });
  const ok = good.locator('details.claims');
  await ok.waitFor();
  assert.equal(await ok.getAttribute('open'), null);
  assert.match(await ok.locator('summary').textContent(), /处与表格一致，0 处不一致）$/);
  await ok.locator('summary').click();
  const agree = ok.locator('.claim-item[data-subject="New"]');
  assert.equal(await agree.getAttribute('data-state'), 'agree');
  assert.equal(await agree.locator('.claim-line').textContent(), `正文 1 件 = ${FIGURE} 1 件 ✓`);
  assert.equal(await agree.locator('q.sentence mark').textContent(), '共收到政府信息公开申请1件');
  await shot(page, '30-claims');
  noProblems(page);
  await page.close();
});
