// @ts-check
// The readers of the files the start module cannot read, loaded on demand so that the page's start
// download does not grow: Word 97-2003 .doc and WPS .wps files, web pages (.html/.htm in UTF-8 or
// GB2312/GBK/GB18030, Word's and WPS's HTML, .mht/.mhtml single-file pages) and a pasted selection.
// The module (pkg-readers/) is the checker built with these readers: nianbao.js hands it a file the
// start module refused as a legacy Office file or as another text format, and it answers as the
// start module does. Everything runs in this browser.
//
//   import { needsReaders, checkOther, checkPaste } from './readers.js';

import { runJob } from './jobs.js';

const PKG = new URL('./pkg-readers/nianbao_readers.js', import.meta.url);

let readers = null;

async function load() {
  if (!readers) {
    readers = (async () => {
      const mod = await import(PKG.href);
      await mod.default();
      return mod;
    })();
    readers.catch(() => { readers = null; });
  }
  return readers;
}

/** Rejection codes of files the readers may read (.doc/.wps: legacy_office; HTML/MHT: other_text). */
const CODES = new Set(['legacy_office', 'other_text']);

/**
 * Whether the start module's results hold a file that only the readers can read.
 * @param {any[]} results
 */
export function needsReaders(results) {
  return (results ?? []).flat().some((r) => r?.status === 'rejected' && CODES.has(r.rejection?.code));
}

/**
 * The job of nianbao.js on the readers' module (the same exports as the start module): {results, keys, bytes}.
 * @param {Uint8Array} bytes
 * @param {any} job
 */
export async function checkOther(bytes, job = {}) {
  const m = await load();
  return { ...runJob(m, bytes, job), bytes };
}

/**
 * A paste: the clipboard's text/html (or nothing, for plain text) → the results of its reports.
 * @param {string | null} html
 * @param {string} [kind]
 */
export async function checkPaste(html, kind) {
  const m = await load();
  return m.check_paste(html || undefined, kind || undefined);
}

/** Whether the bytes are a .docx (a zip): only then is an annotated copy offered. */
export const isDocx = (/** @type {Uint8Array | null} */ bytes) => !!bytes && bytes[0] === 0x50 && bytes[1] === 0x4b;

/** What a card says instead of offering the annotated copy of a .doc/.wps or a page. */
export const SAVE_AS_DOCX = '批注版下载只支持 .docx：请在 Word/WPS 中把这个文件另存为 .docx，再检查并下载批注版。';
