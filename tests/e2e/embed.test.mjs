// End-to-end: <nianbao-check> embedded in a portal's own pages, served under the portal's strict
// Content-Security-Policy with Trusted Types: checks, events, style isolation, form integration,
// several elements sharing one checker, and nothing loaded before it is needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, startPortal, openHost, events, seed, shot, dropFiles } from './lib/harness.mjs';
import { wrongTotal } from './lib/fixtures.mjs';

let env;
let portal;
before(async () => {
  env = await start();
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
  await env?.close();
});

const noProblems = async (page) => {
  assert.deepEqual(page.problems, [], 'page errors or console errors');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
};
const ready = (page, id = 'a') => page.waitForSelector(`nianbao-check#${id}[data-ready="1"]`, { state: 'attached' });
const results = async (page, n, id) => {
  await page.waitForFunction(([n, id]) => window.__events.filter((e) => e.type === 'result' && (!id || e.id === id)).length >= n, [n, id]);
  return (await events(page, 'result')).filter((e) => !id || e.id === id);
};
const verdict = (page, v) => page.waitForFunction((v) => document.querySelector('nianbao-check').verdict === v, v);

test('strict CSP with Trusted Types: the element checks the sample and a dropped file and reports both', async () => {
  const page = await openHost(env.context, `${portal.url}portal/strict.html`);
  await ready(page);
  const [r] = await events(page, 'ready');
  assert.equal(r.mode, 'worker', 'the worker starts under the strict policy (Trusted Types script URL)');
  assert.match(r.version, /^\d+\.\d+\.\d+/);

  await page.click('#sample');
  const [sample] = await results(page, 1);
  assert.equal(sample.name, '示例报告（含错误）.docx');
  assert.equal(sample.status, 'checked');
  for (const rule of ['T3.ROW', 'T4.SUM', 'T2.BLANK']) assert.ok(sample.rules.includes(rule), `${rule} in ${sample.rules}`);
  // The counts in the event are the ones the card shows.
  const badge = await page.locator('nianbao-check .file-card .badge-error').first().textContent();
  assert.equal(badge, `✖ ${sample.errors} 个错误`);

  await dropFiles(page, [{ name: '总计有误.docx', bytes: wrongTotal() }]);
  const all = await results(page, 2);
  // Two errors (the wrong 总计: T3.ROW and T3.RES) and the seed's own two warnings.
  assert.deepEqual(all.map((e) => [e.name, e.status, e.errors, e.warnings]).slice(1), [['总计有误.docx', 'checked', 2, 2]]);
  assert.deepEqual([...new Set(all[1].rules)].sort(), ['S.DATE', 'T2.LABEL', 'T3.RES', 'T3.ROW']);
  // The element's own check() resolves to the same result object.
  const viaMethod = await page.evaluate(async () => {
    const r = await document.querySelector('#a').check(new Blob(['%PDF-1.7\n%\u00e2\u00e3\n']));
    return [r.status, r.rejection.code];
  });
  assert.deepEqual(viaMethod, ['rejected', 'pdf']);
  assert.equal(await page.locator('nianbao-check .file-card').count(), 3);
  await shot(page, '10-strict-host');
  await noProblems(page);
  await page.close();
});

// Computed styles of the same nodes in two pages.
const PROPS = ['color', 'font-size', 'font-family', 'line-height', 'letter-spacing', 'text-align', 'box-sizing',
  'display', 'padding-top', 'margin-top', 'font-weight', 'background-color', 'border-top-style'];
const inside = (page) => page.evaluate((props) => {
  const root = document.querySelector('nianbao-check').shadowRoot;
  const pick = (el) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
  const sel = ['.nb', '#drop', '.drop-title', '#status', '.file-card', '.badge', 'td.mark-error', 'td:not([data-mark])', 'button.finding'];
  return Object.fromEntries(sel.map((s) => [s, root.querySelector(s) ? pick(root.querySelector(s)) : null]));
}, PROPS);
const outside = (page) => page.evaluate((props) => {
  const pick = (el) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
  return [...document.querySelectorAll('#decoys, #decoys *')].map((el) => [el.tagName, el.className, pick(el)]);
}, PROPS);

test('host CSS does not reach inside the element, and its CSS does not reach out', async () => {
  const clean = await openHost(env.context, `${portal.url}portal/clean.html`);
  const hostile = await openHost(env.context, `${portal.url}portal/hostile.html`);
  const decoys = await openHost(env.context, `${portal.url}portal/decoys.html`);
  for (const page of [clean, hostile]) {
    await ready(page);
    await dropFiles(page, [{ name: '总计有误.docx', bytes: wrongTotal() }]);
    await results(page, 1);
  }
  const a = await inside(clean);
  const b = await inside(hostile);
  assert.ok(a['td.mark-error'] && a['button.finding'], 'a checked report is drawn');
  assert.notEqual(a['td.mark-error'].color, 'rgb(255, 0, 0)');
  assert.equal(a['.nb']['font-size'], '15px');
  assert.deepEqual(b, a, 'the host page\'s styles changed the element\'s inside');
  // The host's own elements named like the element's parts look the same with and without it.
  const withElement = await outside(hostile);
  assert.ok(withElement.length >= 5);
  assert.deepEqual(withElement, await outside(decoys), 'the element\'s styles changed the host page');
  await shot(hostile, '11-hostile-host-css');
  for (const page of [clean, hostile]) await noProblems(page);
  for (const page of [clean, hostile, decoys]) await page.close();
});

test('two elements on one page: nothing loads before they are visible, then one wasm fetch serves both', async () => {
  const before = portal.count('/nianbao_bg.wasm');
  const workersBefore = portal.count('/worker.js');
  const page = await openHost(env.context, `${portal.url}portal/two.html`);
  await page.waitForFunction(() => customElements.get('nianbao-check') && document.querySelector('#second').shadowRoot);
  await page.waitForTimeout(400);
  assert.equal(portal.count('/nianbao_bg.wasm'), before, 'the wasm was fetched before any element was visible');
  assert.equal(portal.count('/worker.js'), workersBefore, 'the worker was started before any element was visible');
  assert.deepEqual(await events(page, 'ready'), []);

  await page.locator('#first').scrollIntoViewIfNeeded();
  await ready(page, 'first');
  assert.equal(await page.locator('#second').getAttribute('data-ready'), null, 'the second is still off screen');
  await page.locator('#second').scrollIntoViewIfNeeded();
  await ready(page, 'second');
  // Each checks a file.
  await page.setInputFiles('#first #picker', { name: 'a.docx', mimeType: 'application/octet-stream', buffer: seed(0) });
  await page.setInputFiles('#second #picker', { name: 'b.docx', mimeType: 'application/octet-stream', buffer: wrongTotal() });
  assert.deepEqual((await results(page, 1, 'first')).map((e) => [e.name, e.errors]), [['a.docx', 0]]);
  assert.deepEqual((await results(page, 1, 'second')).map((e) => [e.name, e.errors]), [['b.docx', 2]]);
  assert.equal(portal.count('/nianbao_bg.wasm') - before, 1, `wasm fetches: ${portal.log.join(' ')}`);
  // The pool starts one worker and grows only while checks wait (up to the machine's cores, at most 4):
  // two checks queued together may start a second; every worker shares the one compiled module above.
  const cores = await page.evaluate(() => Math.min(4, Math.max(1, navigator.hardwareConcurrency || 1)));
  const workers = portal.count('/worker.js') - workersBefore;
  assert.ok(workers >= 1 && workers <= Math.min(2, cores), `workers started: ${workers}`);
  // Attributes: compact shows the findings with the tables closed; max-files="1" takes one file.
  assert.equal(await page.locator('#first details.detail').getAttribute('open'), null);
  // (a.docx's findings point at text: they are listed once, in the 正文 panel.)
  assert.equal(await page.locator('#first aside.findings').isVisible() || await page.locator('#first .text-findings').isVisible(), true);
  assert.equal(await page.locator('#second #picker').getAttribute('multiple'), null);
  // Attributes changed later take effect.
  await page.evaluate(() => { document.querySelector('#second').removeAttribute('max-files'); document.querySelector('#first').setAttribute('sample', ''); });
  assert.equal(await page.locator('#second #picker').getAttribute('multiple'), '');
  assert.equal(await page.locator('#first #sample').isVisible(), true);
  await page.evaluate(() => document.querySelector('#second').setAttribute('max-files', '1'));
  await page.evaluate(() => document.querySelector('#second').checkFiles([new File([], '1.docx'), new File([], '2.docx')]));
  await page.waitForFunction(() => /只检查了前 1 个/.test(document.querySelector('#second').shadowRoot.querySelector('#status').textContent));
  await noProblems(page);
  await page.close();
});

test('form integration: an erroneous file blocks the submission with a visible reason; a clean one lets it through', async () => {
  const page = await openHost(env.context, `${portal.url}portal/form.html`);
  const submits = () => page.evaluate(() => window.__submits);
  const choose = (name, bytes) => page.setInputFiles('#upload', { name, mimeType: 'application/octet-stream', buffer: bytes });
  assert.equal(await page.evaluate(() => document.querySelector('nianbao-check').verdict), 'none');
  await page.click('#go');
  assert.equal(await submits(), 1, 'with no file the element does not interfere');

  await choose('总计有误.docx', wrongTotal());
  await verdict(page, 'error');
  const reason = page.locator('nianbao-check .verdict');
  assert.match(await reason.textContent(), /所选文件有 2 个错误/);
  assert.equal(await reason.isVisible(), true);
  assert.equal(await page.locator('nianbao-check .file-card[data-status="error"]').count(), 1, 'the result is shown next to the input');
  await page.click('#go');
  const blocked = page.locator('nianbao-check .blocked');
  await blocked.waitFor({ state: 'visible' });
  assert.match(await blocked.textContent(), /未提交：所选文件有 2 个错误/);
  assert.equal(await reason.isVisible(), false, 'the reason is said once');
  assert.equal(await submits(), 1, 'the submission went through');
  assert.equal(await page.evaluate(() => document.querySelector('#submit-form').checkValidity()), false);
  // A form without browser validation (novalidate) is stopped too, before the host's handler.
  await page.evaluate(() => { document.querySelector('#submit-form').noValidate = true; });
  await page.click('#go');
  await page.evaluate(() => document.querySelector('#submit-form').requestSubmit());
  assert.equal(await submits(), 1, 'the submission went through without validation');
  await shot(page, '12-form-blocked');

  // seed_000 has no error, one warning (S.TITLEVAR): clean enough to submit.
  await choose('seed_000.docx', seed(0));
  await verdict(page, 'warning');
  assert.equal(await blocked.isVisible(), false);
  assert.equal(await reason.isVisible(), false);
  await page.click('#go');
  assert.equal(await submits(), 2, 'the host\'s own submit handler runs for a clean file');
  await page.evaluate(() => { document.querySelector('#submit-form').noValidate = false; });
  await page.click('#go');
  assert.equal(await submits(), 3);
  const verdicts = (await events(page, 'verdict')).map((e) => e.verdict);
  assert.deepEqual(verdicts, ['pending', 'error', 'pending', 'warning']);
  await noProblems(page);
  await page.close();
});
