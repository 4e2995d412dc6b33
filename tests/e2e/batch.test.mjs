// End-to-end: a batch of files in the page: the summary table (from two files on; sorting by each
// column with aria-sort; filters by status; a row opens its card), the progress bar while the batch
// runs, and the cards of passing files left collapsed with their tables drawn only when opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, seed, cards, pickFiles, shot } from './lib/harness.mjs';
import { wrongTotal, legacyDoc, clean } from './lib/fixtures.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Runs fn(shadowRoot, arg) in the page, on the element's shadow root. */
const SHADOW = async (page, fn, arg) => {
  const root = await page.evaluateHandle(() => document.querySelector('nianbao-check').shadowRoot);
  return root.evaluate(fn, arg);
};

/** The summary table's rows as shown: [{name, agency, year, format, errors, warnings, status}], hidden rows left out. */
const rows = (page) => SHADOW(page, (root) => [...root.querySelectorAll('.overview-table tbody tr:not(.spacer)')]
  .map((tr) => Object.fromEntries([...tr.cells].map((td) => [td.dataset.key, td.textContent]))));

// Five files, one of each status and more: 表三 total wrong (错误), seed 3 (错误: blank rows), seed 1
// (警告), seed 0 with its heading corrected (通过), a legacy .doc (无法检查).
const FILES = [
  { name: 'b-总计有误.docx', bytes: wrongTotal() },
  { name: 'd-seed_003.docx', bytes: seed(3) },
  { name: 'a-seed_001.docx', bytes: seed(1) },
  { name: 'e-无误.docx', bytes: clean() },
  { name: 'c-旧版.doc', bytes: legacyDoc() },
];

test('one file: no summary table; two files on: a row per file with its facts', async () => {
  const page = await env.open();
  await pickFiles(page, [FILES[0]]);
  await cards(page, 1);
  assert.equal(await SHADOW(page, (root) => root.querySelector('.overview').hidden), true);
  await pickFiles(page, FILES.slice(1));
  await cards(page, 5);
  assert.equal(await SHADOW(page, (root) => root.querySelector('.overview').hidden), false);
  // The results as the element reported them, to compare the table with.
  const t = await rows(page);
  assert.deepEqual(t.map((r) => r.name), FILES.map((f) => f.name));
  assert.deepEqual(t.map((r) => r.status), ['有错误', '有错误', '有警告', '通过', '无法检查']);
  assert.equal(t[0].errors, '2');
  assert.equal(t[4].errors, '—');
  assert.match(t[0].year, /^20\d\d$/);
  assert.match(t[0].format, /^20\d\d 年版$/);
  assert.ok(t[0].agency.length > 1 && t[0].agency !== '—', t[0].agency);
  assert.match(await SHADOW(page, (root) => root.querySelector('.overview-counts').textContent),
    /共 5 个文件：2 个有错误，1 个有警告，1 个无法检查，1 个通过/);
  await page.close();
});

test('sorting: each column header sorts ascending then descending, with aria-sort', async () => {
  const page = await env.open();
  await pickFiles(page, FILES);
  await cards(page, 5);
  const sortBy = async (key) => {
    await page.locator(`.overview-table th[data-key="${key}"] button`).click();
    return SHADOW(page, (root, key) => [...root.querySelectorAll('.overview-table th')]
      .map((th) => [th.dataset.key, th.getAttribute('aria-sort')]).filter(([k, v]) => k === key || v !== 'none'), key);
  };
  assert.deepEqual(await sortBy('name'), [['name', 'ascending']]);
  assert.deepEqual((await rows(page)).map((r) => r.name), [...FILES.map((f) => f.name)].sort());
  assert.deepEqual(await sortBy('name'), [['name', 'descending']]);
  assert.deepEqual((await rows(page)).map((r) => r.name), [...FILES.map((f) => f.name)].sort().reverse());
  // Errors: numbers in order, the file that could not be checked last either way.
  await sortBy('errors');
  let errs = (await rows(page)).map((r) => r.errors);
  assert.equal(errs.at(-1), '—');
  const nums = errs.slice(0, -1).map(Number);
  assert.deepEqual(nums, [...nums].sort((a, b) => a - b));
  assert.deepEqual(await sortBy('errors'), [['errors', 'descending']]);
  errs = (await rows(page)).map((r) => r.errors);
  assert.equal(errs.at(-1), '—');
  assert.ok(Number(errs[0]) > 2, 'the most errors first (seed 3: its blank rows)');
  // Status: 有错误 first, then 无法检查, 有警告, 通过.
  assert.deepEqual(await sortBy('status'), [['status', 'ascending']]);
  assert.deepEqual((await rows(page)).map((r) => r.status), ['有错误', '有错误', '无法检查', '有警告', '通过']);
  // Every column sorts (and says so).
  // No result here was compared with a previous year's report: no 对比上年 column.
  assert.equal(await page.locator('.overview-table th[data-key="previous"]').isVisible(), false);
  for (const key of ['agency', 'year', 'format', 'warnings']) {
    assert.deepEqual(await sortBy(key), [[key, 'ascending']]);
    assert.equal((await rows(page)).length, 5);
  }
  await page.close();
});

test('filters: 有错误 / 有警告 / 无法检查 / 通过 / 全部', async () => {
  const page = await env.open();
  await pickFiles(page, FILES);
  await cards(page, 5);
  const filter = async (label) => {
    await page.locator('.overview-filters button', { hasText: label }).click();
    return (await rows(page)).map((r) => r.name);
  };
  assert.deepEqual(await filter('有错误'), ['b-总计有误.docx', 'd-seed_003.docx']);
  assert.equal(await page.locator('.overview-filters button[aria-pressed="true"]').textContent(), '有错误（2）');
  assert.deepEqual(await filter('有警告'), ['a-seed_001.docx']);
  assert.deepEqual(await filter('无法检查'), ['c-旧版.doc']);
  assert.deepEqual(await filter('通过'), ['e-无误.docx']);
  assert.deepEqual(await filter('全部'), FILES.map((f) => f.name));
  await shot(page, '20-batch-overview');
  await page.close();
});

test('a passing file\'s card stays collapsed, its tables undrawn; clicking its row opens, draws and shows it', async () => {
  const page = await env.open();
  await pickFiles(page, FILES);
  await cards(page, 5);
  const state = (name) => SHADOW(page, (root, name) => {
    const card = [...root.querySelectorAll('.file-card')].find((c) => c.querySelector('.fname').textContent === name);
    const r = card.getBoundingClientRect();
    return {
      open: card.querySelector('details.detail').open,
      cells: card.querySelectorAll('table.grid td').length,
      inView: r.top >= -1 && r.top < innerHeight,
    };
  }, name);
  const pass = await state('e-无误.docx');
  assert.equal(pass.open, false);
  assert.equal(pass.cells, 0, 'a collapsed passing card draws no table');
  assert.ok((await state('b-总计有误.docx')).open, 'a card with errors is open');
  await page.locator('.overview-table tbody tr', { hasText: 'e-无误.docx' }).click();
  await page.waitForFunction(() => {
    const root = document.querySelector('nianbao-check').shadowRoot;
    const card = [...root.querySelectorAll('.file-card')].at(-2);
    return card.dataset.drawn && card.getBoundingClientRect().top < innerHeight / 2;
  });
  const opened = await state('e-无误.docx');
  assert.equal(opened.open, true);
  assert.ok(opened.cells > 100, `tables drawn on opening (${opened.cells} cells)`);
  assert.ok(opened.inView);
  // Keyboard: Enter on a row does the same.
  await page.locator('.overview-table tbody tr', { hasText: 'a-seed_001.docx' }).focus();
  await page.keyboard.press('Enter');
  assert.equal((await state('a-seed_001.docx')).open, true);
  await page.close();
});

test('a large batch: the progress bar shows the count and the file being read, open cards are drawn when scrolled to, the summary draws the rows in view', async () => {
  const page = await env.open();
  // Every change of the progress bar, recorded in the page.
  await SHADOW(page, (root) => {
    window.__progress = [];
    const box = root.querySelector('.progress');
    new MutationObserver(() => {
      window.__progress.push({ hidden: box.hidden, label: box.textContent, value: box.querySelector('progress').value });
    }).observe(box, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  const n = 90;
  const files = Array.from({ length: n }, (_, i) => ({ name: `r${String(i).padStart(2, '0')}.docx`, bytes: i % 2 ? seed(3) : wrongTotal() }));
  await pickFiles(page, files);
  await cards(page, n);
  await page.waitForFunction(() => document.querySelector('nianbao-check').dataset.verdict === 'error');
  const seen = await page.evaluate(() => window.__progress);
  const shown = seen.filter((p) => !p.hidden);
  assert.ok(shown.length >= 2, `the bar was shown during the batch (${shown.length} updates)`);
  assert.ok(shown.some((p) => /^已检查 \d+ \/ 90 个文件，正在读取：r\d\d\.docx$/.test(p.label)), shown.map((p) => p.label).join('\n'));
  assert.ok(shown.some((p) => p.value > 0 && p.value < n), 'a count between none and all');
  assert.equal(seen.at(-1).hidden, true, 'hidden once the batch is done');
  // Open cards beyond the first screens are drawn only when scrolled to.
  const drawn = () => SHADOW(page, (root) => [...root.querySelectorAll('.file-card')].map((c) => !!c.dataset.drawn));
  const before = await drawn();
  assert.equal(before[0], true);
  assert.equal(before.at(-1), false, `the last card is not drawn before it is seen: ${before.map(Number).join('')}`);
  // Below its summary a card is built when it comes near the screen (its form controls cost the
  // browser's autofill a layout of the page each): the first card has its report kind select, the last not yet.
  const kindSelects = () => SHADOW(page, (root) => [...root.querySelectorAll('.file-card')].map((c) => !!c.querySelector('select.kind-select')));
  const selects = await kindSelects();
  assert.equal(selects[0], true, 'the first card, on screen, has its tools');
  assert.equal(selects.at(-1), false, 'the last card is built below its summary only when seen');
  await page.locator('.file-card').last().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !!document.querySelector('nianbao-check').shadowRoot.querySelector('.file-card:last-child').dataset.drawn);
  // Drawing its tables makes the card taller: keep its end in view, as a reader scrolling to it
  // would, until its tools are built (on a loaded machine the first scroll may land before the
  // tables are in).
  await page.waitForFunction(() => {
    const card = document.querySelector('nianbao-check').shadowRoot.querySelector('.file-card:last-child');
    card.scrollIntoView({ block: 'end' });
    return !!card.querySelector('select.kind-select');
  });
  assert.equal(await SHADOW(page, (root) => root.querySelector('.file-card:last-child .card-tools .export-csv') !== null), true, 'and its export tools');
  assert.ok((await SHADOW(page, (root) => root.querySelector('.file-card:last-child').querySelectorAll('td.mark-error').length)) > 0);
  // The summary table has a row for each file but draws only those around its scroll position.
  const table = () => SHADOW(page, (root) => ({
    count: root.querySelector('.overview-table').getAttribute('aria-rowcount'),
    drawn: [...root.querySelectorAll('.overview-table tbody tr:not(.spacer)')].map((tr) => tr.cells[0].textContent),
  }));
  let t = await table();
  assert.equal(t.count, String(n + 1));
  assert.ok(t.drawn.length < n, `${t.drawn.length} rows drawn of ${n}`);
  assert.equal(t.drawn[0], 'r00.docx');
  await SHADOW(page, (root) => { const s = root.querySelector('.overview-scroll'); s.scrollTop = s.scrollHeight; });
  await page.waitForFunction(() => [...document.querySelector('nianbao-check').shadowRoot
    .querySelectorAll('.overview-table tbody tr:not(.spacer)')].some((tr) => tr.cells[0].textContent === 'r89.docx'));
  t = await table();
  assert.ok(!t.drawn.includes('r00.docx'));
  // On paper the summary has every row: 打印汇总 draws them all until the print is over.
  await page.evaluate(() => { window.print = () => {}; });
  await page.locator('.batch-tools .print').click();
  assert.equal((await table()).drawn.length, n);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.ok((await table()).drawn.length < n);
  // Its last row leads to the last card.
  await page.locator('.overview-table tbody tr', { hasText: 'r89.docx' }).click();
  await page.waitForFunction(() => {
    const card = document.querySelector('nianbao-check').shadowRoot.querySelector('.file-card:last-child');
    const r = card.getBoundingClientRect();
    return card.dataset.drawn && r.top < innerHeight && r.bottom > 0;
  });
  await page.close();
});
