// End-to-end: what leaves the page. 导出问题清单 as CSV (BOM, the command line's header, one row per
// finding) and as .xlsx (read back by openpyxl), of the batch (as filtered) and of one file; the
// annotated report (下载带批注的报告: a Word comment per finding, tracked changes on request); printing a
// card or the summary to PDF (pdftotext reads the findings back).
//
// Tools: the .xlsx check needs python3 with openpyxl (`pip install openpyxl`), the print check
// pdftotext (`apt-get install poppler-utils`); without them those checks are skipped with a notice,
// unless CI is set (then they fail). The .xlsx and annotated downloads need www/writer.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, seed, cards, pickFiles, WWW } from './lib/harness.mjs';
import { wrongTotal, legacyDoc, clean } from './lib/fixtures.mjs';
import { editDocumentXml, readZip } from './lib/zip.mjs';

let env;
let tmp;
before(async () => {
  env = await start();
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-exports-'));
});
after(async () => {
  await env?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const FILES = [
  { name: '总计有误.docx', bytes: wrongTotal() },
  { name: 'seed_003.docx', bytes: seed(3) },
  // Another agency than 总计有误.docx (the same seed): not the same agency and year twice (M.DUPYEAR).
  { name: 'seed_001.docx', bytes: editDocumentXml(seed(1), (xml) => xml.replaceAll('阿合奇县卫生健康委员会', '阿合奇县医疗保障局')) },
  { name: '无误.docx', bytes: clean() },
  { name: '旧版.doc', bytes: legacyDoc() },
];

const hasWriter = existsSync(join(WWW, 'writer.js'));
/**
 * Skips a check whose tool is missing, with a notice; under CI a missing tool is a failure (the
 * writer modules too, once the checkout has them: `www/pkg-writer` and `www/pkg-xlsx` are built by
 * scripts/build-web.sh).
 */
function need(t, ok, what, required = Boolean(process.env.CI)) {
  if (ok) return true;
  if (required) assert.fail(`${what} is required when CI is set`);
  t.skip(`${what} is not available`);
  return false;
}
const hasWriterWasm = existsSync(join(WWW, 'pkg-writer'));
const hasXlsxWasm = existsSync(join(WWW, 'pkg-xlsx'));
// Required under CI once the checkout has the writer module's source (writer.js).
const writerRequired = Boolean(process.env.CI) && hasWriter;
const hasOpenpyxl = spawnSync('python3', ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

/** Opens the page, records every result the element reports, checks FILES. */
async function checked() {
  const page = await env.open();
  await page.evaluate(() => {
    window.__results = [];
    document.querySelector('nianbao-check').addEventListener('nianbao-result', (e) => {
      window.__results.push({ name: e.detail.file.name, result: e.detail.result });
    });
  });
  await pickFiles(page, FILES);
  await cards(page, FILES.length);
  await page.waitForFunction(() => document.querySelector('nianbao-check').dataset.verdict === 'error');
  const results = await page.evaluate(() => window.__results.map(({ name, result }) => ({
    name, status: result.status, rejection: result.rejection, findings: result.findings,
  })));
  return { page, results };
}

/** Clicks `locator` and resolves to the download: {name, bytes}. */
async function download(page, locator) {
  const [d] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const path = join(tmp, `${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: readFileSync(path), path };
}

/** RFC 4180 parser: rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

const HEADER = ['文件', '状态', '规则', '级别', '表', '行', '列', '应为', '实为', '说明', '问题'];
const TABLE = { 2: '表二', 3: '表三', 4: '表四' };

/** The rows a file should have: one per finding (or one for a clean or rejected file). */
function expectedRows(r) {
  if (r.status !== 'checked') return [[r.name, '无法检查', r.rejection.code, '', '', '', '', '', '', r.rejection.message, '']];
  if (!r.findings.length) return [[r.name, '通过', '', '', '', '', '', '', '', '未发现问题', '']];
  const status = r.findings.some((f) => f.severity === 'error') ? '有错误' : '有警告';
  return r.findings.map((f) => [r.name, status, f.rule, f.severity === 'error' ? '错误' : '警告', TABLE[f.table] ?? '',
    f.row.join(' / '), f.column.join(' / '), f.expected == null ? '' : String(f.expected),
    f.actual == null ? '' : String(f.actual), f.message, String(f.problem + 1)]);
}

test('CSV of the batch: BOM, the command line\'s header, a row per finding of every file; as filtered; of one file', async () => {
  const { page, results } = await checked();
  const all = await download(page, page.locator('.batch-tools .export-csv'));
  assert.match(all.name, /^问题清单-\d{4}-\d\d-\d\d\.csv$/);
  assert.deepEqual([...all.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = all.bytes.subarray(3).toString('utf8');
  const rows = parseCsv(text);
  assert.deepEqual(rows[0], HEADER);
  const want = results.flatMap(expectedRows);
  assert.ok(want.length > 160, `seed 3 alone has 162 findings (${want.length} rows)`);
  assert.deepEqual(rows.slice(1), want);
  // The same bytes as the command line's presenter (the writer module runs src/present/csv.rs).
  if (hasWriter && hasWriterWasm) {
    const fromRust = await page.evaluate(async (entries) => {
      const w = await import('./writer.js');
      return w.exportCsv(entries);
    }, await page.evaluate(() => window.__results));
    assert.equal('\uFEFF' + text, fromRust, 'the page\'s CSV equals the command line\'s');
  }
  // Filtered: 有错误 → only the two files with errors.
  await page.locator('.overview-filters button', { hasText: '有错误' }).click();
  const errs = parseCsv((await download(page, page.locator('.batch-tools .export-csv'))).bytes.subarray(3).toString('utf8'));
  assert.deepEqual([...new Set(errs.slice(1).map((r) => r[0]))], ['总计有误.docx', 'seed_003.docx']);
  // One card's export: that file's rows.
  const one = await download(page, page.locator('.file-card', { hasText: '总计有误.docx' }).locator('.card-tools .export-csv'));
  assert.equal(one.name, '总计有误（问题清单）.csv');
  assert.deepEqual(parseCsv(one.bytes.subarray(3).toString('utf8')).slice(1), expectedRows(results[0]));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('xlsx of the batch and of one file, read back by openpyxl: 问题清单 and 汇总 sheets', async (t) => {
  if (!need(t, hasWriter && hasXlsxWasm, 'www/writer.js and www/pkg-xlsx (the .xlsx export module)', writerRequired) || !need(t, hasOpenpyxl, 'python3 openpyxl (pip install openpyxl)')) return;
  const { page, results } = await checked();
  const all = await download(page, page.locator('.batch-tools .export-xlsx'));
  assert.match(all.name, /^问题清单-\d{4}-\d\d-\d\d\.xlsx$/);
  const read = (path) => JSON.parse(execFileSync('python3', ['-c', `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({ws.title: [[("" if v is None else v) for v in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, ensure_ascii=False))
`, path], { encoding: 'utf8' }));
  const book = read(all.path);
  assert.deepEqual(Object.keys(book), ['问题清单', '汇总']);
  const sheet = book['问题清单'];
  assert.deepEqual(sheet[0], HEADER);
  const want = results.flatMap(expectedRows);
  assert.equal(sheet.length - 1, want.length);
  // Text columns as in the CSV; numbers may be numbers in the workbook.
  for (let i = 0; i < want.length; i++) {
    assert.deepEqual(sheet[i + 1].map(String), want[i], `row ${i + 1}`);
  }
  // 汇总: a row per file, in order.
  const summary = book['汇总'];
  const names = summary.slice(1).map((r) => r[0]);
  assert.deepEqual(names, FILES.map((f) => f.name), JSON.stringify(summary[0]));
  const one = await download(page, page.locator('.file-card', { hasText: 'seed_001.docx' }).locator('.card-tools .export-xlsx'));
  assert.equal(one.name, 'seed_001（问题清单）.xlsx');
  const oneBook = read(one.path);
  assert.deepEqual(oneBook['问题清单'].slice(1).map((r) => r.map(String)), expectedRows(results[2]));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('下载带批注的报告: the user\'s file with a Word comment per finding (and per culprit); 修订模式 adds tracked changes', async (t) => {
  if (!need(t, hasWriter && hasWriterWasm, 'www/writer.js and www/pkg-writer (the writer module)', writerRequired)) return;
  const { page, results } = await checked();
  // Only cards of checked files with findings offer it.
  assert.equal(await page.locator('.file-card', { hasText: '无误.docx' }).locator('.annotate').count(), 0);
  assert.equal(await page.locator('.file-card', { hasText: '旧版.doc' }).locator('.annotate').count(), 0);
  const card = page.locator('.file-card', { hasText: '总计有误.docx' });
  const got = await download(page, card.locator('.annotate'));
  assert.equal(got.name, '总计有误（检查意见）.docx');
  const findings = results[0].findings;
  const culprits = new Set(findings.filter((f) => f.culprit).map((f) => JSON.stringify(f.culprit)));
  const parts = Object.fromEntries(readZip(got.bytes).map((e) => [e.name, e.data.toString('utf8')]));
  const comments = [...parts['word/comments.xml'].matchAll(/<w:comment\b[^>]*>([\s\S]*?)<\/w:comment>/g)];
  assert.equal(comments.length, findings.length + culprits.size, 'one comment per placed finding, one per culprit');
  const texts = comments.map((m) => m[1].replace(/<[^>]+>/g, ''));
  for (const f of findings) assert.ok(texts.some((x) => x.includes(f.message)), `a comment says ${f.message}`);
  assert.ok(comments.every((m) => /w:author="nianbao"/.test(m[0])));
  assert.equal(texts.filter((x) => x.startsWith('【最可能出错】')).length, culprits.size);
  assert.doesNotMatch(parts['word/document.xml'], /<w:ins\b/, 'no tracked change without 修订模式');
  // Every other part is unchanged.
  const original = Object.fromEntries(readZip(FILES[0].bytes).map((e) => [e.name, e.data.toString('utf8')]));
  for (const [name, data] of Object.entries(original)) {
    if (!['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'].includes(name)) assert.equal(parts[name], data, name);
  }
  // With 修订模式: the corrected total as a tracked change by nianbao.
  await card.locator('input.suggest').check();
  const suggested = await download(page, card.locator('.annotate'));
  const doc = readZip(suggested.bytes).find((e) => e.name === 'word/document.xml').data.toString('utf8');
  assert.match(doc, /<w:ins\b[^>]*w:author="nianbao"/);
  assert.match(doc, /<w:del\b[^>]*w:author="nianbao"/);
  assert.match(await page.locator('#status').textContent(), /已生成「总计有误（检查意见）.docx」：\d+ 条批注，[1-9]\d* 处修改建议。/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** The text of a PDF (pdftotext -layout). */
function pdfText(bytes) {
  const path = join(tmp, `print-${Date.now()}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

test('print: a card alone on A4 with its findings and marks (icons), no buttons; the summary alone', async (t) => {
  if (!need(t, hasPdftotext, 'pdftotext (apt-get install poppler-utils)')) return;
  const { page, results } = await checked();
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; });
  // 打印 on the card of 总计有误.docx: only that card is printed.
  await page.locator('.file-card', { hasText: '总计有误.docx' }).locator('.card-tools .print').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  const text = pdfText(await page.pdf({ format: 'A4' }));
  const flat = text.replace(/\s+/g, '');
  assert.match(flat, /总计有误\.docx/);
  assert.doesNotMatch(flat, /seed_003\.docx|seed_001\.docx|旧版\.doc/, 'the other cards are not printed');
  for (const f of results[0].findings) assert.ok(flat.includes(f.message.replace(/\s+/g, '')), `the PDF has: ${f.message}`);
  assert.match(text, /✖/, 'marks printed with their icon');
  assert.match(flat, /最可能出错/);
  for (const word of ['导出问题清单', '下载带批注的报告', '打印', '把.docx年度报告拖到这里', '示例报告']) {
    assert.ok(!flat.includes(word), `no ${word} on paper`);
  }
  // After printing the page is as before.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.evaluate(() => document.querySelector('nianbao-check').dataset.print), undefined);
  // 打印汇总: the summary table, no card.
  await page.locator('.batch-tools .print').click();
  const summary = pdfText(await page.pdf({ format: 'A4' })).replace(/\s+/g, '');
  for (const f of FILES) assert.ok(summary.includes(f.name), `the summary lists ${f.name}`);
  assert.ok(!summary.includes(results[0].findings[0].message.replace(/\s+/g, '')), 'no card in the summary print');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.deepEqual(page.problems, []);
  await page.close();
});
