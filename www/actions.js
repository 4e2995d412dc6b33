// @ts-check
// The export and print buttons of a card (the batch summary's are batch.js's, with run() from here). What they make (CSV, .xlsx, the
// annotated report) is exports.js's, loaded on the first click of one: a first check does not
// download it.
import { el } from './dom.js';

// <offline-writer> The single-file build (tools/build-offline.mjs) replaces this block: no writer there.
/** Whether the .xlsx and annotated downloads are offered (writer.js can be loaded). */
export const writerAvailable = true;
// </offline-writer>

/** @type {Promise<typeof import('./exports.js')> | null} */
let exportsModule = null;
/** exports.js, loaded on first use (a failed load is tried again at the next click). */
function exporter() {
  exportsModule ??= import('./exports.js').catch((e) => {
    exportsModule = null;
    throw e;
  });
  return exportsModule;
}

/**
 * The tools of one file's card: 导出问题清单 (CSV, Excel), 下载带批注的报告 (with the 修订模式 option) for a
 * checked file with findings whose bytes are kept, and 打印. `say(text)` reports in the element's
 * status line; `print()` prints this card alone.
 * @param {{name: string, result: any, bytes: Uint8Array | null}} entry
 * @param {{say: (text: string) => void, print: () => void}} act
 */
export function cardTools(entry, { say, print }) {
  const box = el('div', { class: 'card-tools', role: 'group', 'aria-label': '导出与打印' });
  const entries = [entry];
  const csv = el('button', { type: 'button', class: 'export-csv' }, '导出问题清单（CSV）');
  csv.addEventListener('click', () => run(csv, async (x) => x.exportCsv(entries), say));
  box.append(csv);
  if (writerAvailable) {
    const xlsx = el('button', { type: 'button', class: 'export-xlsx' }, '导出问题清单（Excel）');
    xlsx.addEventListener('click', () => run(xlsx, (x) => x.exportXlsx(entries), say, '正在生成 Excel 文件…', () => '已导出 Excel 文件。'));
    box.append(xlsx);
  }
  // The annotated copy is written into a .docx only (a zip); a .doc/.wps or a page says how to get one.
  const docx = !!entry.bytes && entry.bytes[0] === 0x50 && entry.bytes[1] === 0x4b;
  if (entry.bytes && !docx && entry.result.status === 'checked' && entry.result.findings.length) {
    box.append(el('p', { class: 'annotate-note' }, '批注版下载只支持 .docx：请在 Word/WPS 中把这个文件另存为 .docx，再检查并下载批注版。'));
  }
  if (writerAvailable && docx && entry.result.status === 'checked' && entry.result.findings.length) {
    const suggest = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', class: 'suggest' }));
    const annotate = el('button', { type: 'button', class: 'annotate' }, '下载带批注的报告');
    annotate.addEventListener('click', () => run(annotate, async (x) => {
      const n = await x.downloadAnnotated(entry, suggest.checked);
      return `已生成「${x.annotatedName(entry.name)}」：${n.comments} 条批注${suggest.checked ? `，${n.revisions} 处修改建议` : ''}。`;
    }, say, '正在生成带批注的报告…', (text) => text));
    box.append(annotate, el('label', { class: 'suggest-label' }, suggest, '同时给出修改建议（修订模式）'));
  }
  const printButton = el('button', { type: 'button', class: 'print' }, '打印');
  printButton.addEventListener('click', print);
  box.append(printButton);
  return box;
}

/**
 * Runs an export from a button, exports.js loaded first: the button disabled meanwhile, the outcome
 * said in the status line (`busy` while it runs, `done(its value)` after; nothing for a CSV, which is
 * at once).
 * @param {HTMLElement} button
 * @param {(x: typeof import('./exports.js')) => Promise<any>} job
 * @param {(text: string) => void} say
 * @param {string} [busy] @param {(value: any) => string} [done]
 */
export async function run(button, job, say, busy, done) {
  const b = /** @type {HTMLButtonElement} */ (button);
  b.disabled = true;
  if (busy) say(busy);
  try {
    const value = await job(await exporter());
    if (done) say(done(value));
  } catch (e) {
    console.error(e);
    say(`导出失败（${String(e?.message ?? e).slice(0, 120)}）。请重试；若仍失败，请使用命令行工具导出。`);
  } finally {
    b.disabled = false;
  }
}
