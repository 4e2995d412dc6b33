// End-to-end: files that cannot be checked get their Chinese message, and the page goes on working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, seed, shot, dropFiles, pickFiles, cards } from './lib/harness.mjs';
import { encrypted, legacyDoc, notReport, zipBomb } from './lib/fixtures.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const noProblems = (page) => assert.deepEqual(page.problems, [], 'page errors or console errors');
const chinese = /[\u4e00-\u9fff]{4,}/;

const CASES = [
  ['旧版.doc', legacyDoc, 'legacy_office', /docx/],
  ['会议通知.docx', notReport, 'no_report_tables', chinese],
  ['加密.docx', encrypted, 'encrypted', /密码/],
  ['炸弹.docx', zipBomb, 'too_large_inflated', chinese],
];

for (const [name, make, code, words] of CASES) {
  test(`${code}: ${name} shows its message and the next file still works`, async (t) => {
    const page = await env.open();
    const bytes = make();
    t.diagnostic(`${name}: ${bytes.length} bytes`);
    await pickFiles(page, [{ name, bytes }]);
    const [c] = await cards(page, 1);
    assert.equal(c.status, 'rejected');
    assert.equal(c.code, code, c.rejection);
    assert.match(c.rejection, chinese);
    assert.match(c.rejection, words);
    assert.match(c.summary, /无法检查/);
    assert.equal(await page.getAttribute('#results .rejection', 'role'), 'alert');
    await dropFiles(page, [{ name: 'seed_000.docx', bytes: seed(0) }]);
    const cs = await cards(page, 2);
    assert.equal(cs[1].status, 'warning', cs[1].summary);
    if (code === 'legacy_office') await shot(page, '07-rejected-doc');
    noProblems(page);
    await page.close();
  });
}

test('a file over 100 MB is refused before it is read', async () => {
  const page = await env.open();
  // A 101 MB File made in the page (a Blob of zeros: nothing is transferred).
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(101 * 1024 * 1024)], '超大.docx'));
    document.querySelector('nianbao-check').shadowRoot.querySelector('#drop').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  const [c] = await cards(page, 1);
  assert.equal(c.code, 'too_large');
  assert.match(c.rejection, /100 MB/);
  noProblems(page);
  await page.close();
});

test('several bad and good files dropped together each get their own card', async () => {
  const page = await env.open();
  await dropFiles(page, [
    { name: 'a.doc', bytes: legacyDoc() },
    { name: 'b.docx', bytes: seed(0) },
    { name: 'c.pdf', bytes: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n') },
    { name: 'd.docx', bytes: Buffer.alloc(0) },
  ]);
  const cs = await cards(page, 4);
  assert.deepEqual(cs.map((c) => c.status), ['rejected', 'warning', 'rejected', 'rejected']);
  assert.deepEqual(cs.map((c) => c.code), ['legacy_office', null, 'pdf', 'empty']);
  await shot(page, '08-mixed', true);
  noProblems(page);
  await page.close();
});
