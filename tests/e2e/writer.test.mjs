// End-to-end: www/writer.js, the on-demand writer, in Chromium: not loaded at start; the
// annotated .docx, the .xlsx and the CSV made in the page from the checker's results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { start, seed, WWW } from './lib/harness.mjs';
import { readZip } from './lib/zip.mjs';
import { wrongTotal } from './lib/fixtures.mjs';

let env;
before(async () => {
  for (const [dir, wasm] of [['pkg-writer', 'nianbao_writer_bg.wasm'], ['pkg-xlsx', 'nianbao_xlsx_bg.wasm']]) {
    if (!existsSync(join(WWW, dir, wasm))) throw new Error(`www/${dir} is missing: run bash scripts/build-web.sh first`);
  }
  env = await start();
});
after(async () => { await env?.close(); });

const part = (zip, name) => zip.find((e) => e.name === name)?.data.toString('utf8');

test('the page does not download the writer until it is asked for', async () => {
  const before = env.requests.length;
  const page = await env.open();
  const loaded = env.requests.slice(before).filter((u) => /writer|xlsx/.test(u));
  assert.deepEqual(loaded, [], 'writer requested at start');
  await page.close();
});

// Each download fetches its own module only: the annotated copy pkg-writer/, the tables pkg-xlsx/.
const wasmFetched = (from) => env.requests.slice(from).map((u) => new URL(u).pathname)
  .filter((p) => /\/pkg-(writer|xlsx)\/.*\.wasm$/.test(p)).map((p) => p.replace(/^.*\/(pkg-[^/]+\/)/, '$1'));

test('writer.js annotates a report: comments, the tracked correction and the file name', async () => {
  const page = await env.open();
  const from = env.requests.length;
  const bytes = [...wrongTotal()];
  const out = await page.evaluate(async (bytes) => {
    const w = await import(new URL('writer.js', location.href));
    const r = await w.annotate(new Uint8Array(bytes), { suggest: true, name: '年报.docx', date: new Date(Date.UTC(2026, 11, 1, 8)) });
    const plain = await w.annotate(new Uint8Array(bytes), { name: '年报.docx' });
    return { ...r, bytes: [...r.bytes], plainRevisions: plain.revisions, isU8: r.bytes instanceof Uint8Array };
  }, bytes);
  assert.equal(out.name, '年报（检查意见）.docx');
  assert.ok(out.isU8);
  assert.ok(out.findings >= 2, `findings: ${out.findings}`);
  assert.equal(out.comments, out.findings + 1, 'one per finding and one on the culprit');
  assert.equal(out.revisions, 2, 'the wrong total deleted, the right one inserted');
  assert.equal(out.plainRevisions, 0);
  assert.deepEqual(wasmFetched(from), ['pkg-writer/nianbao_writer_bg.wasm'], 'the annotated copy loads the annotating module only');
  const zip = readZip(Buffer.from(out.bytes));
  const comments = part(zip, 'word/comments.xml');
  assert.equal(comments.match(/<w:comment /g).length, out.comments);
  assert.match(comments, /w:author="nianbao" w:date="2026-12-01T08:00:00Z"/);
  const main = part(zip, 'word/document.xml');
  assert.match(main, /<w:ins w:id="\d+" w:author="nianbao"[^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>1<\/w:t>/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('writer.js refuses a file that is not a report with a Chinese message', async () => {
  const page = await env.open();
  const err = await page.evaluate(async () => {
    const w = await import(new URL('writer.js', location.href));
    try {
      await w.annotate(new TextEncoder().encode('not a report'));
      return null;
    } catch (e) {
      return { isError: e instanceof Error, code: e.code, message: e.message };
    }
  });
  assert.ok(err?.isError, 'an Error is thrown');
  assert.notEqual(err.code, 'internal');
  assert.match(err.message, /[\u4e00-\u9fff]/);
  await page.close();
});

test('writer.js exports the batch as .xlsx and CSV from the checker results', async () => {
  const page = await env.open();
  const files = [
    { name: '有错误.docx', bytes: [...wrongTotal()] },
    { name: 'seed_000.docx', bytes: [...seed(0)] },
    { name: '坏.docx', bytes: [...Buffer.from('PK\x03\x04 cut short')] },
  ];
  const entries = await page.evaluate(async (files) => {
    const checker = await import(new URL('pkg/nianbao.js', location.href));
    await checker.default();
    return files.map((f) => ({ name: f.name, result: JSON.parse(checker.check(new Uint8Array(f.bytes))) }));
  }, files);
  const from = env.requests.length;
  const out = await page.evaluate(async (entries) => {
    const w = await import(new URL('writer.js', location.href));
    const xlsx = await w.exportXlsx(entries, { date: new Date(Date.UTC(2026, 11, 1)) });
    const csv = await w.exportCsv(entries);
    return { xlsx: [...xlsx], csv, findings: entries.map((e) => e.result.findings.length) };
  }, entries);
  assert.deepEqual(wasmFetched(from), ['pkg-xlsx/nianbao_xlsx_bg.wasm'], 'the tables load the export module only, no checker');
  // CSV: BOM, the command line's header, a row per finding and one per file without findings.
  assert.ok(out.csv.startsWith('\ufeff文件,状态,规则,级别,表,行,列,应为,实为,说明,问题\r\n'));
  const lines = out.csv.trimEnd().split('\r\n');
  const rows = out.findings.reduce((n, k) => n + Math.max(k, 1), 0);
  assert.equal(lines.length, 1 + rows);
  assert.ok(lines.some((l) => l.startsWith('有错误.docx,有错误,T3.ROW,错误,表三')), out.csv);
  assert.ok(lines.some((l) => l.startsWith('坏.docx,无法检查,corrupt_zip')), out.csv);
  // xlsx: both sheets, every file in the summary.
  const zip = readZip(Buffer.from(out.xlsx));
  const workbook = part(zip, 'xl/workbook.xml');
  assert.match(workbook, /<sheet name="问题清单"[^>]*\/><sheet name="汇总"/);
  const strings = part(zip, 'xl/sharedStrings.xml');
  for (const f of files) assert.ok(strings.includes(f.name), f.name);
  assert.equal(part(zip, 'xl/worksheets/sheet2.xml').match(/<row /g).length, 1 + files.length);
  assert.match(part(zip, 'docProps/core.xml'), /2026-12-01T00:00:00Z/);
  await page.close();
});

test('the writer talks to nothing but its own server', () => {
  assert.deepEqual(env.foreignRequests(), []);
});
