// @ts-check
// The writer of downloads, loaded on demand so that the page's start download does not grow:
// the user's .docx with a Word comment (批注) on every finding, and the findings of a batch as
// .xlsx or CSV (the columns of the command line's --csv). Everything runs in this browser.
//
//   import { annotate, exportXlsx, exportCsv } from './writer.js';
//   const { bytes, name, comments, revisions } = await annotate(fileBytes, { suggest: true, name: file.name });
//   const xlsxBytes = await exportXlsx([{ name: file.name, result }, ...]);
//   const csvText = await exportCsv([{ name: file.name, result }, ...]);   // starts with a BOM

const PKG = new URL('./pkg-writer/nianbao_writer.js', import.meta.url);

let writer = null;
let generation = 0;

// The WebAssembly module, loaded once; after a trap (an instance is then unusable) afresh.
async function load() {
  if (!writer) {
    writer = (async () => {
      const url = generation ? `${PKG.href}?g=${generation}` : PKG.href;
      const mod = await import(url);
      await mod.default();
      return mod;
    })();
    writer.catch(() => { writer = null; });
  }
  return writer;
}

// Runs `fn` on the module; an error thrown by the writer ({code, message}) becomes an Error
// with its Chinese message and `code`; a trap reloads the module for the next call.
async function call(fn) {
  const mod = await load();
  try {
    return fn(mod);
  } catch (e) {
    if (e && typeof e === 'object' && typeof e.message === 'string' && typeof e.code === 'string') {
      const err = /** @type {Error & {code?: string}} */ (new Error(e.message));
      err.code = e.code;
      throw err;
    }
    if (e instanceof WebAssembly.RuntimeError) {
      writer = null;
      generation += 1;
      const err = /** @type {Error & {code?: string}} */ (new Error('生成文件时出现内部错误，请重试；若仍失败请反馈此文件'));
      err.code = 'internal';
      throw err;
    }
    throw e;
  }
}

// The annotated report: `bytes` (ArrayBuffer or Uint8Array) of a .docx; `suggest` also writes
// the computed corrections as tracked changes (修订); `name` (the original file name) gives the
// copy's name "<原名>（检查意见）.docx". Resolves to {bytes: Uint8Array, name, comments,
// revisions, findings}: every report of a file in the one copy, `findings` counting them all; a
// file without findings comes back unchanged with comments 0.
export async function annotate(bytes, { suggest = false, name = undefined, date = new Date() } = {}) {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const iso = date instanceof Date ? date.toISOString().replace(/\.\d+Z$/, 'Z') : String(date);
  return call((mod) => mod.annotate(data, !!suggest, iso, name ?? undefined));
}

// The batch as an .xlsx workbook (sheets 问题清单 and 汇总): `entries` is [{name, result}, …]
// with each result as the checker returned it. Resolves to a Uint8Array.
export async function exportXlsx(entries, { date = new Date() } = {}) {
  const iso = date instanceof Date ? date.toISOString().replace(/\.\d+Z$/, 'Z') : String(date);
  return call((mod) => mod.xlsx(plain(entries), iso));
}

// The batch as CSV text, starting with a byte order mark (Excel and WPS then read UTF-8).
export async function exportCsv(entries) {
  return call((mod) => mod.csv(plain(entries)));
}

// Only what the writer reads: the name and the result's status, rejection, report, findings and
// previous-year report.
function plain(entries) {
  return Array.from(entries, ({ name, result }) => ({
    name: String(name),
    result: {
      status: result.status,
      rejection: result.rejection ?? null,
      report: result.report ?? {},
      findings: result.findings ?? [],
      previous: result.previous ?? null,
    },
  }));
}

// MIME types for the Blob of a download.
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
