// @ts-check
// The writer of downloads, loaded on demand so that the page's start download does not grow:
// the user's .docx with a Word comment (批注) on every finding, and the findings of a batch as
// .xlsx or CSV (the columns of the command line's --csv). Everything runs in this browser.
// Two WebAssembly modules, each fetched on its first use: pkg-writer/ annotates (it reads the
// .docx again to find where each finding is), pkg-xlsx/ writes the tables from the results the
// page holds (no checker in it).
//
//   import { annotate, exportXlsx, exportCsv } from './writer.js';
//   const { bytes, name, comments, revisions } = await annotate(fileBytes, { suggest: true, name: file.name });
//   const xlsxBytes = await exportXlsx([{ name: file.name, result }, ...]);
//   const csvText = await exportCsv([{ name: file.name, result }, ...]);   // starts with a BOM

const ANNOTATE = new URL('./pkg-writer/nianbao_writer.js', import.meta.url);
const XLSX = new URL('./pkg-xlsx/nianbao_xlsx.js', import.meta.url);

/** A WebAssembly module loaded once; after a trap (an instance is then unusable) afresh. */
function loader(pkg) {
  let mod = null;
  let generation = 0;
  return {
    load() {
      if (!mod) {
        mod = (async () => {
          const url = generation ? `${pkg.href}?g=${generation}` : pkg.href;
          const m = await import(url);
          await m.default();
          return m;
        })();
        mod.catch(() => { mod = null; });
      }
      return mod;
    },
    reset() {
      mod = null;
      generation += 1;
    },
  };
}

const annotator = loader(ANNOTATE);
const tables = loader(XLSX);

// Runs `fn` on the module of `which`; an error thrown by the writer ({code, message}) becomes an
// Error with its Chinese message and `code`; a trap reloads the module for the next call.
async function call(which, fn) {
  const mod = await which.load();
  try {
    return fn(mod);
  } catch (e) {
    if (e && typeof e === 'object' && typeof e.message === 'string' && typeof e.code === 'string') {
      const err = /** @type {Error & {code?: string}} */ (new Error(e.message));
      err.code = e.code;
      throw err;
    }
    if (e instanceof WebAssembly.RuntimeError) {
      which.reset();
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
// With `results` (every report's result of the file, as the page's card holds them: its pair with
// last year's report, its report kind…), the comments are those findings, not a fresh check of the
// file alone: the download says what the card says.
export async function annotate(bytes, { suggest = false, name = undefined, date = new Date(), results = undefined } = {}) {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const iso = date instanceof Date ? date.toISOString().replace(/\.\d+Z$/, 'Z') : String(date);
  if (Array.isArray(results) && results.length) {
    const plainResults = plain(results.map((result) => ({ name: '', result }))).map((e) => e.result);
    // The comments need only these fields of a finding: the labels of its row and column, its
    // cells and group (half of the JSON text of a result) are left out, so that the module
    // parses less (seed_003's 162 findings: 60 KB of JSON, a sixth of the annotation's time).
    for (const r of plainResults) r.findings = Array.from(r.findings, commentFields);
    return call(annotator, (mod) => mod.annotate_checked(data, JSON.stringify(plainResults), !!suggest, iso, name ?? undefined));
  }
  return call(annotator, (mod) => mod.annotate(data, !!suggest, iso, name ?? undefined));
}

// The batch as an .xlsx workbook (sheets 问题清单 and 汇总): `entries` is [{name, result}, …]
// with each result as the checker returned it. Resolves to a Uint8Array.
export async function exportXlsx(entries, { date = new Date() } = {}) {
  const iso = date instanceof Date ? date.toISOString().replace(/\.\d+Z$/, 'Z') : String(date);
  return call(tables, (mod) => mod.xlsx(JSON.stringify(plain(entries)), iso));
}

// The batch as CSV text, starting with a byte order mark (Excel and WPS then read UTF-8).
export async function exportCsv(entries) {
  return call(tables, (mod) => mod.csv(JSON.stringify(plain(entries))));
}

// What a finding's comment and its anchor are made of (src/present/annotate/anchors.rs and
// messages::finding_comment); the writer's Rust side reads the other fields as absent.
function commentFields({ rule, severity, message, expected, actual, culprit, fix, locations, problem }) {
  return { rule, severity, message, expected, actual, culprit, fix, locations, problem };
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
