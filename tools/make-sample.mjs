// Regenerates www/samples/sample-with-errors.docx, the report behind the page's 示例报告 button:
// tests/fixtures/samples/seed_001.docx with a fictional agency and three planted mistakes.
//   node tools/make-sample.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { editDocumentXml, setCellText } from '../tests/e2e/lib/zip.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const seed = readFileSync(`${root}tests/fixtures/samples/seed_001.docx`);

// Physical tables of seed_001: 0 = 表二, 1 = 表三, 2 = 表四. Indexes are (table, row, nth <w:tc>).
export const SAMPLE_EDITS = [
  // 表三 （一）予以公开, 总计 column: 2 instead of 1 (a wrong 总计: T3.ROW, and T3.RES for the column).
  [1, 5, 8, '2'],
  // 表四 行政复议 结果维持: 1 while the group's 总计 stays 0 (a broken group: T4.SUM).
  [2, 3, 0, '1'],
  // 表二 行政处罚 本年处理决定数量: left blank (T2.BLANK).
  [0, 9, 1, ''],
];

const out = editDocumentXml(seed, (xml) => {
  // A fictional agency: the sample must not suggest a real agency made these mistakes.
  let x = xml.replaceAll('阿合奇', '示例').replaceAll('佳朗奇', '示例').replaceAll('xjahq', 'example');
  for (const [t, r, c, text] of SAMPLE_EDITS) x = setCellText(x, t, r, c, text);
  return x;
});
writeFileSync(`${root}www/samples/sample-with-errors.docx`, out);
console.log(`wrote www/samples/sample-with-errors.docx (${out.length} bytes)`);
