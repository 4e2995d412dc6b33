// End-to-end: reading the whole report on the page — last year's report beside this one (pairs found
// in a batch, and chosen with 加入上一年度报告对比), the sentence of a narrative finding with its
// statement highlighted and linked to the cell, every report of a file, and the report kind control.
// Fixtures: tests/e2e/lib/pairs.mjs (from the checked-in pair tests/fixtures/pairs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot, dropFiles, cards } from './lib/harness.mjs';
import { notReport } from './lib/fixtures.mjs';
import { editDocumentXml } from './lib/zip.mjs';
import { PAIR_2021, BROKEN_2022, consistent2022, narrative2022, late2022, twoReports, NARRATIVE_CLAIM } from './lib/pairs.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const noProblems = (page) => assert.deepEqual(page.problems, [], 'page errors or console errors');
const card = (page, name) => page.locator('#results .file-card', { has: page.locator('.fname', { hasText: name }) });
const marks = (c) => c.locator('td[data-mark]').evaluateAll((tds) => tds.map((td) => `${td.dataset.table}:${td.dataset.row}:${td.dataset.col}`).sort());

test('a broken carry-over pair: the later card marks 上年结转 with T3.XYEAR and names last year\'s file', async () => {
  const page = await env.open();
  // The later year first: pairing does not depend on the order of the files.
  await dropFiles(page, [{ name: '某某县卫健局2022年报.docx', bytes: BROKEN_2022() }, { name: '某某县卫健局2021年报.docx', bytes: PAIR_2021() }]);
  await cards(page, 2);
  const later = card(page, '2022年报');
  const paired = later.locator('.paired');
  await paired.waitFor();
  assert.match(await paired.textContent(), /已与上一年度报告「某某县卫健局2021年报\.docx」（2021 年，某某县卫生健康局）对比（同一机关相邻年度，自动配对）/);
  assert.equal(await later.getAttribute('data-status'), 'error');
  // 表三 is physical table 1; 二、上年结转 is grid row 4: 自然人 (col 3) 2 ≠ 1, 总计 (col 9) 3 ≠ 2.
  await later.locator('td[data-mark]').first().waitFor();
  assert.deepEqual(await marks(later), ['1:4:3', '1:4:9']);
  const cell = later.locator('td[data-table="1"][data-row="4"][data-col="9"]');
  assert.match(await cell.getAttribute('aria-label'), /T3\.XYEAR/);
  await cell.click();
  const pop = page.locator('#popover');
  await pop.waitFor({ state: 'visible' });
  assert.equal(await pop.locator('.expected').first().textContent(), '2');
  assert.equal(await pop.locator('.actual').first().textContent(), '3');
  // The popover names last year's file and cell, read from last year's card on the page.
  assert.match(await pop.locator('.pop-text').first().textContent(),
    /对比：上一年度 某某县卫健局2021年报\.docx（2021 年） 表三「四、结转下年度继续办理」「总计」列 为 2/);
  await page.keyboard.press('Escape');
  // The panel lists the cross-year findings; its link goes to last year's cell, in the other card.
  const item = later.locator('.text-item[data-rule="T3.XYEAR"]');
  assert.equal(await item.count(), 2);
  const link = item.first().locator('.text-previous button.text-link');
  const target = await link.getAttribute('data-target');
  await link.click();
  await page.waitForFunction((id) => document.querySelector('nianbao-check').shadowRoot.getElementById(id)?.classList.contains('flash'), target);
  assert.equal(await card(page, '2021年报').locator(`[id="${target}"]`).count(), 1, 'the cell is in last year\'s card');
  // The earlier report gets no cross-year finding and no pairing line.
  const earlier = card(page, '2021年报');
  assert.equal(await earlier.getAttribute('data-status'), 'pass');
  assert.equal(await earlier.locator('.paired').count(), 0);
  // The summary table says which file each was compared with.
  const row = page.locator('.overview-table tbody tr', { hasText: '2022年报' });
  assert.match(await row.locator('td[data-key="previous"]').textContent(), /某某县卫健局2021年报\.docx，2021 年/);
  await shot(page, '20-cross-year-broken');
  noProblems(page);
  await page.close();
});

test('a consistent pair is paired and passes', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: 'a2021.docx', bytes: PAIR_2021() }, { name: 'a2022.docx', bytes: consistent2022() }]);
  await cards(page, 2);
  const later = card(page, 'a2022');
  await later.locator('.paired').waitFor();
  assert.match(await later.locator('.paired').textContent(), /「a2021\.docx」/);
  assert.equal(await later.getAttribute('data-status'), 'pass');
  assert.equal(await page.locator('#results td[data-mark]').count(), 0);
  assert.equal(await page.locator('.text-item').count(), 0);
  noProblems(page);
  await page.close();
});

test('a second drop pairs with last year\'s file already on the page; two versions of one year each pair with it', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: 'y2021.docx', bytes: PAIR_2021() }]);
  await cards(page, 1);
  // Two versions of 2022 (identical files would count as one, with no M.DUPYEAR).
  const version2022 = editDocumentXml(BROKEN_2022(), (xml) => xml.replace('扎实推进政务公开工作。', '扎实推进政务公开工作，本报告为修订版。'));
  await dropFiles(page, [{ name: 'y2022.docx', bytes: BROKEN_2022() }, { name: 'y2022副本.docx', bytes: version2022 }]);
  await cards(page, 3);
  for (const name of ['y2022.docx', 'y2022副本.docx']) {
    const paired = card(page, name).locator('.paired');
    await paired.waitFor();
    assert.match(await paired.textContent(), /「y2021\.docx」/);
    assert.equal(await card(page, name).locator('.text-item[data-rule="T3.XYEAR"]').count(), 2);
    // The same agency and year twice: each copy names the other, in the same one re-check.
    const other = name === 'y2022.docx' ? 'y2022副本.docx' : 'y2022.docx';
    assert.ok((await card(page, name).locator('[data-rule="M.DUPYEAR"]').first().textContent()).includes(`（${other}）`));
  }
  assert.equal(await card(page, 'y2021').locator('.paired').count(), 0);
  assert.equal(await card(page, 'y2021').locator('[data-rule="M.DUPYEAR"]').count(), 0);
  await page.waitForFunction(() => document.querySelector('nianbao-check').dataset.verdict === 'error');
  noProblems(page);
  await page.close();
});

test('two versions of one report under two names: each card has the M.DUPYEAR warning naming the other file', async () => {
  const page = await env.open();
  // Two versions of one report (identical files count as one: no M.DUPYEAR).
  const version2021 = editDocumentXml(PAIR_2021(), (xml) => xml.replace('确保各项要求落到实处。', '确保各项要求落到实处，本报告为修订版。'));
  await dropFiles(page, [{ name: 'dup甲.docx', bytes: PAIR_2021() }, { name: 'dup乙.docx', bytes: version2021 }, { name: 'other2022.docx', bytes: consistent2022() }]);
  await cards(page, 3);
  for (const [name, other] of [['dup甲.docx', 'dup乙.docx'], ['dup乙.docx', 'dup甲.docx']]) {
    const item = card(page, name).locator('[data-rule="M.DUPYEAR"]').first();
    await item.waitFor({ state: 'attached' });
    const text = await item.textContent();
    assert.match(text, /同一批文件中还有另一份「某某县卫生健康局」2021 年度的报告/);
    assert.ok(text.includes(`（${other}）`), `${name} names ${other}: ${text}`);
    assert.ok(!text.includes('other2022'), 'another year is not a duplicate');
    // A warning, not an error: the report itself is consistent (its outcome: 有警告).
    assert.equal(await card(page, name).getAttribute('data-status'), 'warning');
  }
  // The next year's report is no duplicate, and is compared with neither version (no arbitrary choice): M.PAIR says so.
  assert.equal(await card(page, 'other2022').locator('[data-rule="M.DUPYEAR"]').count(), 0);
  // Its document-level findings are drawn when the card is opened.
  await card(page, 'other2022').locator('details.detail > summary').first().click();
  await card(page, 'other2022').locator('[data-rule="M.PAIR"]').first().waitFor({ state: 'attached' });
  assert.equal(await card(page, 'other2022').locator('.paired').count(), 0);
  noProblems(page);
  await page.close();
});

test('加入上一年度报告对比 checks this file against the chosen file, and 取消对比 undoes it', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: 'this-year.docx', bytes: BROKEN_2022() }]);
  const [c] = await cards(page, 1);
  assert.equal(c.status, 'pass', 'alone, the 2022 report is consistent');
  const later = card(page, 'this-year');
  assert.equal(await later.locator('button.add-previous').textContent(), '加入上一年度报告对比');
  const chooser = page.waitForEvent('filechooser');
  await later.locator('button.add-previous').click();
  await (await chooser).setFiles([{ name: 'last-year.docx', mimeType: 'application/octet-stream', buffer: PAIR_2021() }]);
  const paired = card(page, 'this-year').locator('.paired');
  await paired.waitFor();
  assert.match(await paired.textContent(), /已与上一年度报告「last-year\.docx」（2021 年，某某县卫生健康局）对比。/);
  const now = card(page, 'this-year');
  assert.equal(await now.getAttribute('data-status'), 'error');
  await now.locator('td[data-mark]').first().waitFor();
  assert.deepEqual(await marks(now), ['1:4:3', '1:4:9']);
  assert.match(await now.locator('.text-item[data-rule="T3.XYEAR"] .text-previous').first().textContent(), /对比：上一年度 last-year\.docx（2021 年） 表三「四、结转下年度继续办理」「(自然人|总计)」列 为 \d$/);
  await shot(page, '21-cross-year-chosen');
  await now.locator('button.drop-previous').click();
  await page.waitForFunction(() => {
    const c = document.querySelector('nianbao-check').shadowRoot.querySelector('#results .file-card');
    return c && !c.querySelector('.paired') && c.dataset.status === 'pass';
  });
  // A file that is not last year's report: checked alone, the card says why (M.PAIR), and the pair can be dropped.
  const again = page.waitForEvent('filechooser');
  await card(page, 'this-year').locator('button.add-previous').click();
  await (await again).setFiles([{ name: '通知.docx', mimeType: 'application/octet-stream', buffer: notReport() }]);
  const failed = card(page, 'this-year').locator('.paired-failed');
  await failed.waitFor();
  assert.match(await failed.textContent(), /^未能与所选的上一年度报告「通知\.docx」对比：.+/);
  assert.equal(await card(page, 'this-year').locator('td[data-mark="error"]').count(), 0);
  await failed.locator('button.drop-previous').click();
  await page.waitForFunction(() => {
    const c = document.querySelector('nianbao-check').shadowRoot.querySelector('#results .file-card');
    return c && !c.hasAttribute('aria-busy') && !c.querySelector('.paired, .paired-failed');
  });
  noProblems(page);
  await page.close();
});

test('a narrative finding shows its sentence with the claim highlighted, linked both ways to the cell', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: 'narrative.docx', bytes: narrative2022() }]);
  await cards(page, 1);
  const item = page.locator('.text-item[data-rule="TX.NEW"]');
  await item.waitFor();
  assert.match(await item.locator('.msg').textContent(), /^正文写 9 件（“共收到政府信息公开申请9件”），表三/);
  const sentence = item.locator('q.sentence');
  assert.equal(await sentence.textContent(),
    `2022年，某某县卫生健康局认真贯彻落实《中华人民共和国政府信息公开条例》，全年${NARRATIVE_CLAIM}，均已按时答复`);
  assert.equal(await sentence.locator('mark').textContent(), NARRATIVE_CLAIM);
  assert.equal(await sentence.locator('mark *').count(), 0, 'the sentence is text, not markup');
  // Sentence → cell: 表三 一、本年新收 总计 (table 1, grid row 3, col 9) scrolls into view and flashes.
  const link = item.locator('.text-cell button.text-link');
  assert.equal(await link.getAttribute('data-target'), await page.locator('td[data-table="1"][data-row="3"][data-col="9"]').getAttribute('id'));
  await link.click();
  await page.waitForFunction(() => document.querySelector('nianbao-check').shadowRoot
    .querySelector('td[data-table="1"][data-row="3"][data-col="9"]').classList.contains('flash'));
  // Cell → sentence: the cell's popover shows the sentence with the claim highlighted.
  const cell = page.locator('td[data-table="1"][data-row="3"][data-col="9"]');
  assert.equal(await cell.getAttribute('data-mark'), 'error');
  await cell.click();
  const pop = page.locator('#popover');
  await pop.waitFor({ state: 'visible' });
  assert.match(await pop.locator('.pop-text').textContent(), /^正文：.*全年共收到政府信息公开申请9件，均已按时答复/);
  assert.equal(await pop.locator('.pop-text mark').textContent(), NARRATIVE_CLAIM);
  await shot(page, '22-narrative-sentence');
  noProblems(page);
  await page.close();
});

test('a file holding two reports gives one card per report, each with its own counts', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: 'two.docx', bytes: twoReports() }]);
  const got = await cards(page, 2);
  assert.deepEqual(got.map((c) => c.name), ['two.docx（第 1/2 份年报）', 'two.docx（第 2/2 份年报）']);
  const years = await page.locator('#results .file-card dd.year').allTextContents();
  assert.deepEqual(years, ['2022 年', '2021 年']);
  for (const [i, c] of got.entries()) {
    assert.match(c.summary, /⚠ 1 个警告/, `report ${i + 1}: S.MULTI only`);
  }
  const multi = await page.locator('#results .file-card').evaluateAll((cs) => cs.map((c) => c.querySelectorAll('[data-rule="S.MULTI"]').length));
  assert.ok(multi.every((n) => n >= 1), 'each report says which it is (S.MULTI)');
  assert.match(await page.locator('#status').textContent(), /^已检查 1 个文件（2 份年报），2 个有警告。/);
  // Reports of one file do not pair with each other.
  assert.equal(await page.locator('.paired').count(), 0);
  noProblems(page);
  await page.close();
});

test('the report kind control re-checks the file: a county government has until 2月20日', async () => {
  const page = await env.open();
  await dropFiles(page, [{ name: 'late.docx', bytes: late2022() }]);
  await cards(page, 1);
  const deadline = page.locator('.text-item[data-rule="S.DEADLINE"]');
  await deadline.waitFor();
  assert.match(await deadline.textContent(), /晚于发布时限 2023年1月31日/);
  assert.match(await deadline.textContent(), /本报告按“部门”判断/);
  const select = page.locator('select.kind-select');
  assert.equal(await select.inputValue(), '');
  assert.deepEqual(await select.locator('option').allTextContents(), ['自动判断（部门）', '部门', '乡镇', '县级政府', '地市级政府', '省级政府']);
  await select.focus();
  await select.selectOption({ label: '县级政府' });
  await page.waitForFunction(() => {
    const root = document.querySelector('nianbao-check').shadowRoot;
    // The old card is busy from the change on; the new one, drawn from the new result, is not.
    const c = root.querySelector('#results .file-card');
    return c && !c.hasAttribute('aria-busy') && c.querySelector('select.kind-select')?.value === 'county';
  });
  assert.equal(await page.locator('[data-rule="S.DEADLINE"]').count(), 0, 'dated 2月10日: within a county\'s deadline');
  assert.equal(await page.locator('select.kind-select option:checked').textContent(), '县级政府');
  assert.equal(await page.evaluate(() => document.querySelector('nianbao-check').shadowRoot.activeElement?.className), 'kind-select',
    'the new card\'s select has the focus');
  await page.locator('select.kind-select').selectOption({ label: '部门' });
  await page.locator('.text-item[data-rule="S.DEADLINE"]').waitFor();
  assert.match(await page.locator('.text-item[data-rule="S.DEADLINE"]').textContent(), /晚于发布时限 2023年1月31日/);
  noProblems(page);
  await page.close();
});

test('the JS API: checkBatch pairs like the command line, checkReports takes last year and the kind', async () => {
  const page = await env.open();
  const b64 = (b) => Buffer.from(b).toString('base64');
  const out = await page.evaluate(async ({ y21, y22, late }) => {
    const api = await import('./nianbao.js');
    const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    const rules = (r) => r.findings.map((f) => f.rule);
    const batch = await api.checkBatch([bytes(y21), bytes(y22), bytes(y22)], { names: ['2021.docx', '2022.docx', '2022副本.docx'] });
    const pair = await api.checkReports(bytes(y22), { previous: new File([bytes(y21)], '去年.docx') });
    const county = await api.checkReports(bytes(late), { kind: 'county' });
    const dept = await api.checkReports(bytes(late));
    // Last year's file too large to read: checked alone, M.PAIR says why.
    const huge = await api.checkReports(bytes(y22), { previous: new File([new Uint8Array(101 * 1024 * 1024)], '超大.docx') });
    return {
      huge: [huge[0].previous ?? null, huge[0].findings.filter((f) => f.rule === 'M.PAIR').map((f) => f.message)],
      batch: batch.map((rs) => rs.map((r) => ({ rules: rules(r), previous: r.previous ?? null }))),
      pair: pair.map((r) => ({ rules: rules(r), previous: r.previous })),
      kinds: await api.reportKinds(),
      county: [rules(county[0]), county[0].report.kind],
      dept: [rules(dept[0]), dept[0].report.kind.id],
    };
  }, { y21: b64(PAIR_2021()), y22: b64(BROKEN_2022()), late: b64(late2022()) });
  // The batch: both 2022 copies pair with 2021; identical files count as one (no M.DUPYEAR).
  assert.equal(out.batch.length, 3);
  assert.equal(out.batch[0][0].previous, null);
  assert.ok(!out.batch[0][0].rules.includes('M.DUPYEAR'));
  for (const later of [out.batch[1][0], out.batch[2][0]]) {
    assert.equal(later.previous.file, '2021.docx');
    assert.equal(later.previous.explicit, false);
    assert.ok(later.rules.includes('T3.XYEAR'));
    assert.ok(!later.rules.includes('M.DUPYEAR'));
  }
  assert.equal(out.pair[0].previous.file, '去年.docx');
  assert.equal(out.pair[0].previous.explicit, true);
  assert.deepEqual(out.pair[0].rules, ['T3.XYEAR', 'T3.XYEAR']);
  assert.deepEqual(out.kinds.map((k) => k.label), ['部门', '乡镇', '县级政府', '地市级政府', '省级政府']);
  assert.ok(!out.county[0].includes('S.DEADLINE'));
  assert.equal(out.county[1].id, 'county');
  assert.equal(out.county[1].by_user, true);
  assert.deepEqual(out.dept, [['S.DEADLINE'], 'department']);
  assert.equal(out.huge[0], null);
  assert.equal(out.huge[1].length, 1);
  assert.match(out.huge[1][0], /^指定的上一年度报告无法用于对比：文件大小为 101 MB，超过 100 MB.*；未做跨年度核对$/);
  noProblems(page);
  await page.close();
});

test('without Web Workers (the main thread, as the offline file runs): pairs, reports and kinds work the same', async () => {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => { delete window.Worker; });
  await page.goto(env.url);
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await page.getAttribute('body', 'data-engine'), 'main');
  await dropFiles(page, [{ name: 'm2021.docx', bytes: PAIR_2021() }, { name: 'm2022.docx', bytes: BROKEN_2022() }]);
  await cards(page, 2);
  const later = card(page, 'm2022');
  await later.locator('.paired').waitFor();
  await later.locator('td[data-mark]').first().waitFor();
  assert.deepEqual(await marks(later), ['1:4:3', '1:4:9']);
  assert.deepEqual(await later.locator('select.kind-select option').allTextContents(), ['自动判断（部门）', '部门', '乡镇', '县级政府', '地市级政府', '省级政府']);
  // A file holding both years again (another 2021 report of the agency): m2022 now has two distinct
  // last years and is compared with neither (the batch engine makes no arbitrary choice).
  await dropFiles(page, [{ name: 'two.docx', bytes: twoReports() }]);
  await cards(page, 4);
  assert.equal(await page.locator('#results .file-card .fname', { hasText: 'two.docx（第 2/2 份年报）' }).count(), 1);
  await page.waitForFunction(() => {
    const all = [...document.querySelector('nianbao-check').shadowRoot.querySelectorAll('#results .file-card')];
    const c = all.find((x) => x.querySelector('.fname')?.textContent.includes('m2022'));
    return c && !c.querySelector('.paired');
  });
  assert.deepEqual(errors, []);
  await page.close();
});
