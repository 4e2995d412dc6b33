// @ts-check
// What leaves the page, all made in this browser (no network): the findings as CSV (the command
// line's --csv, byte for byte) and as .xlsx, and the user's own report with a Word comment on every
// finding ("下载带批注的报告"). The .xlsx and the annotated report come from writer.js, a separate
// module loaded only when one of them is asked for. Files are handed to the browser's downloads
// through a Blob and a temporary object URL. The buttons that ask for them are actions.js's; this
// module is loaded on the first click of one.
import { OUTCOME_LABEL, outcomeOf } from './outcome.js';

/** The CSV header, as the command line writes it (src/present/csv.rs). */
export const CSV_HEADER = '文件,状态,规则,级别,表,行,列,应为,实为,说明,问题';
const BOM = '\uFEFF';
const CN_TABLE = { 2: '二', 3: '三', 4: '四' };

/**
 * A number or text as the command line prints it (src/findings.rs, Quantity's Display): integers as
 * they are, decimals with up to six fraction digits and no trailing zeros.
 */
export function quantity(q) {
  if (q == null) return '';
  if (typeof q !== 'number') return String(q);
  if (Number.isInteger(q) && Math.abs(q) < 9e15) return String(q);
  if (!Number.isFinite(q) || Math.abs(q) >= 9e12) return q < 0 ? '-∞' : '∞';
  const scaled = Math.floor(Math.abs(q) * 1e6 + 0.5);
  const int = Math.floor(scaled / 1e6);
  const frac = scaled % 1e6;
  const sign = q < 0 && scaled !== 0 ? '-' : '';
  if (!frac) return `${sign}${int}`;
  return `${sign}${int}.${String(frac).padStart(6, '0').replace(/0+$/, '')}`;
}

/** One CSV field: quoted when needed; a leading = + @ (or - not of a number) gets a ' (no formulas). */
export function csvField(s) {
  const text = String(s ?? '');
  const guarded = /^[=+@]/.test(text) || (text.startsWith('-') && !isNumber(text)) ? `'${text}` : text;
  return /[,"\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

// Rust's f64 parse: an optional sign, digits with an optional point and exponent, or inf/infinity/nan.
const isNumber = (s) => /^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)$/i.test(s);

/** The status word of one result (状态, column 2): its outcome's. */
export function statusLabel(result) {
  return OUTCOME_LABEL[outcomeOf(result)];
}

/** The CSV rows of one file (CRLF-terminated), exactly as `nianbao check --csv`. */
export function csvRows(file, result) {
  const row = (fields) => `${fields.map(csvField).join(',')}\r\n`;
  if (result.status !== 'checked') {
    const r = result.rejection ?? { code: '', message: '' };
    return row([file, statusLabel(result), r.code, '', '', '', '', '', '', r.message, '']);
  }
  if (!result.findings.length) return row([file, statusLabel(result), '', '', '', '', '', '', '', '未发现问题', '']);
  const status = statusLabel(result);
  return result.findings.map((f) => row([
    file, status, f.rule, f.severity === 'error' ? '错误' : '警告',
    f.table != null ? `表${CN_TABLE[f.table] ?? ''}` : '',
    (f.row ?? []).join(' / '), (f.column ?? []).join(' / '),
    quantity(f.expected), quantity(f.actual), f.message, Number.isInteger(f.problem) ? String(f.problem + 1) : '',
  ])).join('');
}

/** The whole CSV (BOM, header, rows) of entries [{name, result}]. */
export function csvOf(entries) {
  return BOM + CSV_HEADER + '\r\n' + entries.map((e) => csvRows(e.name, e.result)).join('');
}

/** Hands bytes (or text) to the browser's downloads under `name`. */
export function download(data, name, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const stem = (name) => String(name).replace(/\.(docx|doc|wps)$/i, '');
const stamp = () => new Date().toISOString().slice(0, 10);

/** The file name of an export: one file's stem, or 问题清单-<date> for several. */
export function exportName(entries, ext) {
  return entries.length === 1 ? `${stem(entries[0].name)}（问题清单）.${ext}` : `问题清单-${stamp()}.${ext}`;
}

/** The annotated copy's name: "<原名>（检查意见）.docx". */
export const annotatedName = (name) => `${stem(name)}（检查意见）.docx`;

export function exportCsv(entries) {
  download(csvOf(entries), exportName(entries, 'csv'), 'text/csv;charset=utf-8');
}

// <offline-writer> The single-file build (tools/build-offline.mjs) replaces this block: no writer there.
let writer = null;
/** writer.js, loaded on first use (a separate module with its own WebAssembly). */
function loadWriter() {
  writer ??= import('./writer.js').catch((e) => {
    writer = null;
    throw e;
  });
  return writer;
}
// </offline-writer>

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The .xlsx of entries [{name, result}] (findings sheet and summary sheet), downloaded. */
export async function exportXlsx(entries) {
  const w = await loadWriter();
  const bytes = await w.exportXlsx(entries.map((e) => ({ name: e.name, result: e.result })));
  download(bytes, exportName(entries, 'xlsx'), XLSX);
}

/**
 * The user's report with a Word comment on every finding (and, with `suggest`, the corrections as
 * tracked changes), downloaded as "<原名>（检查意见）.docx". Resolves to writer.js's counts.
 */
export async function downloadAnnotated(entry, suggest) {
  const w = await loadWriter();
  // The writer copies the bytes into its own memory: the card keeps them for another download.
  // The card's own results (every report of its file, paired with last year's, its kind…): the copy
  // carries what the card shows, not a fresh check of the file alone.
  const results = entry.rec?.results ?? (entry.result ? [entry.result] : undefined);
  const out = await w.annotate(entry.bytes, { suggest, name: entry.rec?.name ?? entry.name, results });
  download(out.bytes, out.name || annotatedName(entry.name), DOCX);
  return { comments: out.comments, revisions: out.revisions };
}
