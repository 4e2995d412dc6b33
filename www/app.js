// Page wiring: takes files (picker, drag-and-drop, folders, the sample), checks each one in
// WebAssembly and draws the results. Everything stays in this browser; nothing is uploaded.
import { el, renderResult, fillPopover } from './render.js';

const MAX_BYTES = 100 * 1024 * 1024;
const MAX_FOLDER_FILES = 500;
const MAX_DEPTH = 16;
const REPORT_EXT = /\.(docx|doc|wps)$/i;

const $ = (id) => document.getElementById(id);
const drop = $('drop');
const picker = $('picker');
const results = $('results');
const statusLine = $('status');
const pop = $('popover');

// ---- The checker (WebAssembly). A trap leaves an instance unusable, so one is reloaded afresh.
let engine = null;
let generation = 0;
async function loadEngine() {
  if (!engine) {
    engine = (async () => {
      const mod = await import(generation ? `./pkg/nianbao.js?g=${generation}` : './pkg/nianbao.js');
      await mod.default();
      return mod;
    })();
    engine.catch(() => { engine = null; });
  }
  return engine;
}

let uid = 0;
let counts = { total: 0, pass: 0, fail: 0, rejected: 0 };
function updateStatus(busy) {
  const { total, pass, fail, rejected } = counts;
  if (!total) return;
  const parts = [`已检查 ${total} 个文件`];
  if (pass) parts.push(`${pass} 个通过`);
  if (fail) parts.push(`${fail} 个有错误`);
  if (rejected) parts.push(`${rejected} 个无法检查`);
  statusLine.textContent = (busy ? '正在检查…　' : '') + parts.join('，') + '。';
  $('clear').hidden = false;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Checks the files one after another, drawing each card as soon as it is done. */
async function checkFiles(files, startedAt = performance.now()) {
  if (!files.length) return;
  statusLine.textContent = `正在检查 ${files.length} 个文件…`;
  for (const file of files) {
    const id = ++uid;
    const t0 = performance.now();
    let result;
    if (file.size > MAX_BYTES) {
      result = rejected('too_large', `文件大小为 ${(file.size / 1048576).toFixed(0)} MB，超过 100 MB，不像是年度报告，未检查。请确认选择的文件是否正确。`);
    } else {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const mod = await loadEngine();
        try {
          result = mod.check(bytes);
        } catch (e) {
          engine = null;
          generation++;
          console.error(e);
          result = rejected('internal', `检查时出现内部错误，未能完成检查（${String(e?.message ?? e).slice(0, 120)}）。其他文件不受影响。`);
        }
      } catch (e) {
        console.error(e);
        result = rejected('unreadable', `无法读取此文件或加载检查程序（${String(e?.message ?? e).slice(0, 120)}）。`);
      }
    }
    const card = renderResult(file, result, id, { expand: files.length === 1 });
    card.dataset.ms = Math.round(performance.now() - t0);
    card.dataset.sinceDrop = Math.round(performance.now() - startedAt);
    results.append(card);
    counts.total++;
    counts[card.dataset.status]++;
    updateStatus(true);
    await tick();
  }
  updateStatus(false);
  if (files.length === 1) results.lastElementChild?.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

function rejected(code, message) {
  return { status: 'rejected', rejection: { code, message }, report: {}, findings: [], values: {} };
}

// ---- Intake: picker, keyboard, drag-and-drop (files and folders), sample.
drop.addEventListener('click', () => picker.click());
drop.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    picker.click();
  }
});
picker.addEventListener('change', () => {
  const files = [...picker.files];
  picker.value = '';
  checkFiles(files);
});

let dragDepth = 0;
document.addEventListener('dragenter', (e) => {
  e.preventDefault();
  dragDepth++;
  drop.classList.add('dragging');
});
document.addEventListener('dragleave', () => {
  if (--dragDepth <= 0) { dragDepth = 0; drop.classList.remove('dragging'); }
});
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('drop', async (e) => {
  e.preventDefault();
  const startedAt = performance.now();
  dragDepth = 0;
  drop.classList.remove('dragging');
  const dt = e.dataTransfer;
  if (!dt) return;
  // Entries must be taken synchronously: the DataTransfer is emptied after the event.
  const items = [...(dt.items ?? [])].filter((i) => i.kind === 'file');
  const taken = items.map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  let files = [];
  if (taken.length) {
    for (const { entry, file } of taken) {
      if (entry?.isDirectory) files.push(...(await readFolder(entry)));
      else if (file) files.push(file);
    }
  } else {
    files = [...dt.files];
  }
  if (!files.length) {
    statusLine.textContent = '没有找到可检查的文件（文件夹中只检查 .docx / .doc / .wps 文件）。';
    return;
  }
  checkFiles(files, startedAt);
});

/** Every report-like file under a dropped folder, depth-first, at most MAX_FOLDER_FILES. */
async function readFolder(dir) {
  const out = [];
  const walk = async (d, depth) => {
    if (depth > MAX_DEPTH) return;
    const reader = d.createReader();
    for (;;) {
      const batch = await new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
      if (!batch.length) return;
      for (const entry of batch) {
        if (out.length >= MAX_FOLDER_FILES) return;
        if (entry.isDirectory) await walk(entry, depth + 1);
        else if (REPORT_EXT.test(entry.name) && !entry.name.startsWith('~$')) {
          const f = await new Promise((resolve) => entry.file(resolve, () => resolve(null)));
          if (f) out.push(f);
        }
      }
    }
  };
  await walk(dir, 0);
  if (out.length >= MAX_FOLDER_FILES) {
    statusLine.textContent = `文件夹中的文件太多，只检查前 ${MAX_FOLDER_FILES} 个。`;
  }
  return out;
}

$('sample').addEventListener('click', async () => {
  const startedAt = performance.now();
  try {
    const res = await fetch('samples/sample-with-errors.docx');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const blob = await res.blob();
    await checkFiles([new File([blob], '示例报告（含错误）.docx')], startedAt);
  } catch (e) {
    statusLine.textContent = `无法加载示例报告（${e.message}）。`;
  }
});

$('clear').addEventListener('click', () => {
  hidePopover(true);
  results.replaceChildren();
  counts = { total: 0, pass: 0, fail: 0, rejected: 0 };
  statusLine.textContent = '结果已清空。';
  $('clear').hidden = true;
  drop.focus();
});

// ---- Popover for marked cells: hover, focus or click shows it; Escape, blur or leaving hides it.
let popFor = null;
let pinned = false;
function showPopover(td, pin = false) {
  if (popFor !== td) {
    setRelated(popFor, false);
    fillPopover(pop, td);
    popFor = td;
    setRelated(td, true);
  }
  pinned = pinned || pin;
  pop.hidden = false;
  td.setAttribute('aria-describedby', 'popover');
  const r = td.getBoundingClientRect();
  const w = pop.offsetWidth;
  const left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - w - 8));
  let top = window.scrollY + r.bottom + 6;
  if (r.bottom + pop.offsetHeight + 12 > window.innerHeight && r.top > pop.offsetHeight + 12) {
    top = window.scrollY + r.top - pop.offsetHeight - 6;
  }
  pop.style.left = `${left}px`;
  pop.style.top = `${top}px`;
}
function hidePopover(force = false) {
  if (pinned && !force) return;
  pinned = false;
  popFor?.removeAttribute('aria-describedby');
  setRelated(popFor, false);
  popFor = null;
  pop.hidden = true;
}
function setRelated(td, on) {
  for (const id of td?._related ?? []) document.getElementById(id)?.classList.toggle('related', on);
}
const markedCell = (t) => t instanceof Element ? t.closest('td[data-mark]') : null;
results.addEventListener('mouseover', (e) => { const td = markedCell(e.target); if (td) showPopover(td); });
results.addEventListener('mouseout', (e) => {
  const td = markedCell(e.target);
  if (td && td === popFor && !td.contains(e.relatedTarget) && document.activeElement !== td) hidePopover();
});
results.addEventListener('focusin', (e) => { const td = markedCell(e.target); if (td) showPopover(td); });
results.addEventListener('focusout', (e) => { if (markedCell(e.target) === popFor) hidePopover(true); });
results.addEventListener('click', (e) => {
  const td = markedCell(e.target);
  if (td) { hidePopover(true); showPopover(td, true); return; }
  const btn = e.target instanceof Element ? e.target.closest('button.finding') : null;
  if (btn) goToCell(document.getElementById(btn.dataset.target));
});
document.addEventListener('click', (e) => {
  const t = e.target instanceof Element ? e.target : null;
  if (!markedCell(t) && !pop.contains(t) && !t?.closest('button.finding')) hidePopover(true);
});
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hidePopover(true); });
window.addEventListener('resize', () => hidePopover(true));

function goToCell(td) {
  if (!td) return;
  td.closest('details')?.setAttribute('open', '');
  td.scrollIntoView({ block: 'center', inline: 'center' });
  td.focus({ preventScroll: true });
  td.classList.remove('flash');
  void td.offsetWidth; // restart the animation
  td.classList.add('flash');
}

// Printing shows every table, including collapsed ones.
window.addEventListener('beforeprint', () => {
  for (const d of results.querySelectorAll('details:not([open])')) {
    d.setAttribute('open', '');
    d.dataset.printOpened = '1';
  }
});
window.addEventListener('afterprint', () => {
  for (const d of results.querySelectorAll('details[data-print-opened]')) {
    d.removeAttribute('open');
    delete d.dataset.printOpened;
  }
});

// ---- Start: load the checker, show its version and rule catalogue.
loadEngine().then((mod) => {
  $('version').textContent = mod.version();
  if (statusLine.textContent.startsWith('正在加载')) statusLine.textContent = '检查程序已就绪。';
  document.body.dataset.ready = '1';
  const list = $('rules-list');
  let rules = [];
  try { rules = mod.rules?.() ?? []; } catch { rules = []; }
  for (const r of rules) {
    list.append(el('dt', {}, el('code', {}, r.id), ` ${r.severity === 'error' ? '错误' : '警告'}　${r.title}`),
      el('dd', {}, r.checks));
  }
}).catch((e) => {
  console.error(e);
  statusLine.textContent = '检查程序加载失败：此浏览器可能过旧（需要支持 WebAssembly），或网页文件不完整。';
});
