// @ts-check
// How files come to <nianbao-check>: the drop zone and file picker, dropped files and folders
// (depth-first, bounded), the sample report. Nothing is sent anywhere: files are read in this browser.
import { el } from './dom.js';
import { MAX_BYTES } from './nianbao.js';

const MAX_FOLDER_FILES = 500;
const MAX_DEPTH = 16;
const REPORT_EXT = /\.(docx|doc|wps|html?|mht(ml)?)$/i;
export const ACCEPT = '.docx,.doc,.wps,.html,.htm,.mht,.mhtml,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SAMPLE = new URL('./samples/sample-with-errors.docx', import.meta.url).href;

/**
 * The intake's controls: drop zone, hidden picker, 示例报告 and 清空结果 buttons, in one box.
 * @param {{own: boolean, sample: boolean, multiple: boolean}} opts  own: the element takes files itself (no for="…")
 */
export function intakeControls({ own, sample, multiple }) {
  const drop = el('div', { id: 'drop', class: 'dropzone', role: 'button', tabindex: '0', 'aria-describedby': 'drop-hint', hidden: !own },
    el('p', { class: 'drop-title' }, '把 .docx 年度报告拖到这里，或点击选择文件'),
    el('p', { id: 'drop-hint', class: 'drop-hint' }, '可一次选择多个文件，也可以拖入整个文件夹。支持 .docx、旧版 .doc/.wps 和保存的年报网页（.html/.htm/.mht）。'));
  const picker = el('input', { id: 'picker', type: 'file', multiple, hidden: true, accept: ACCEPT });
  const sampleButton = el('button', { id: 'sample', type: 'button', hidden: !sample || !own }, '示例报告');
  const clear = el('button', { id: 'clear', type: 'button', hidden: true }, '清空结果');
  const box = el('div', { class: 'intake', hidden: !own }, drop, picker, el('div', { class: 'actions' }, sampleButton, clear));
  return { box, drop, picker, sample: sampleButton, clear };
}

/**
 * Wires the intake: the drop zone opens the picker (click, Enter, Space); picked and dropped files go
 * to `take`. `root` is the shadow root (it sees real, composed drag events and ones made inside it);
 * `own()` says whether the element takes files itself.
 * @param {ShadowRoot} root
 * @param {{drop: HTMLElement, picker: HTMLInputElement}} ui
 * @param {() => boolean} own
 * @param {(files: File[], startedAt?: number) => void} take
 * @param {(text: string) => void} say
 */
export function wireIntake(root, ui, own, take, say) {
  ui.drop.addEventListener('click', () => ui.picker.click());
  ui.drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      ui.picker.click();
    }
  });
  ui.picker.addEventListener('change', () => {
    const files = [...(ui.picker.files ?? [])];
    ui.picker.value = '';
    take(files);
  });
  root.addEventListener('dragover', (ev) => {
    const e = /** @type {DragEvent} */ (ev);
    if (!own()) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  root.addEventListener('drop', async (ev) => {
    const e = /** @type {DragEvent} */ (ev);
    if (!own() || !e.dataTransfer) return;
    e.preventDefault();
    const startedAt = performance.now();
    const files = await fromDataTransfer(e.dataTransfer, say);
    if (!files.length) {
      say('没有找到可检查的文件（文件夹中只检查 .docx / .doc / .wps 文件）。');
      return;
    }
    take(files, startedAt);
  });
}

/**
 * The files of a drop (folders included). Call it during the drop event: the entries are taken at once.
 * @param {DataTransfer} dt
 * @param {(text: string) => void} say
 * @returns {Promise<File[]>}
 */
export async function fromDataTransfer(dt, say) {
  // Entries must be taken synchronously: the DataTransfer is emptied after the event.
  const items = [...(dt.items ?? [])].filter((i) => i.kind === 'file');
  const taken = items.map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  if (!taken.length) return [...(dt.files ?? [])];
  const files = [];
  for (const { entry, file } of taken) {
    if (entry?.isDirectory) files.push(...(await readFolder(/** @type {FileSystemDirectoryEntry} */ (entry), say)));
    else if (file) files.push(file);
  }
  return files;
}

/**
 * Every report-like file under a dropped folder, depth-first, at most MAX_FOLDER_FILES.
 * @param {FileSystemDirectoryEntry} dir
 * @param {(text: string) => void} say
 */
async function readFolder(dir, say) {
  /** @type {File[]} */
  const out = [];
  /** @param {FileSystemDirectoryEntry} d @param {number} depth @returns {Promise<void>} */
  const walk = async (d, depth) => {
    if (depth > MAX_DEPTH) return;
    const reader = d.createReader();
    for (;;) {
      /** @type {FileSystemEntry[]} */
      const batch = await new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
      if (!batch.length) return;
      for (const entry of batch) {
        if (out.length >= MAX_FOLDER_FILES) return;
        if (entry.isDirectory) await walk(/** @type {FileSystemDirectoryEntry} */ (entry), depth + 1);
        else if (REPORT_EXT.test(entry.name) && !entry.name.startsWith('~$')) {
          /** @type {File | null} */
          const f = await new Promise((resolve) => /** @type {FileSystemFileEntry} */ (entry).file(resolve, () => resolve(null)));
          if (f) out.push(f);
        }
      }
    }
  };
  await walk(dir, 0);
  if (out.length >= MAX_FOLDER_FILES) say(`文件夹中的文件太多，只检查前 ${MAX_FOLDER_FILES} 个。`);
  return out;
}

/** The sample report (fetched from this folder only when asked for), as a File. */
export async function sampleFile() {
  const res = await fetch(SAMPLE);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const blob = await res.blob();
  if (blob.size > MAX_BYTES) throw new Error('too large');
  return new File([blob], '示例报告（含错误）.docx');
}
