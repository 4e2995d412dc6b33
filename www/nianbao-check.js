// <nianbao-check>: the checker as a custom element, for a portal's own pages (and the basis of
// nianbao's standalone page). Shadow DOM with its own stylesheet; the checker loads when the
// element becomes visible or is first used, and every element on the page shares it.
//   <script type="module" src="/static/nianbao/nianbao-check.js"></script>
//   <nianbao-check sample></nianbao-check>
// Attributes: compact, max-files, sample, for="input-id", block-on-error. Events: nianbao-ready,
// nianbao-result, nianbao-verdict. Method: check(fileOrBlob). Property: verdict. See docs/EMBEDDING.md.
import { checkWithBytes, load, poolSize, reportKinds, MAX_BYTES } from './nianbao.js';
import { el, renderResult, fillPopover } from './render.js';
import { adoptStyles } from './styles.js';
import { BatchOverview, Progress } from './batch.js';
import { cardTools, exportCsv, exportXlsx, run, writerAvailable } from './exports.js';
import { findPrevious, findSameYear, reportTitle, reportTools } from './pairing.js';
import { popoverText, textPanel } from './narrative.js';
import { claimsPanel } from './claims.js';

const MAX_FOLDER_FILES = 500;
const MAX_DEPTH = 16;
const REPORT_EXT = /\.(docx|doc|wps)$/i;
const ACCEPT = '.docx,.doc,.wps,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SAMPLE = new URL('./samples/sample-with-errors.docx', import.meta.url).href;

let uid = 0; // card ids stay unique across all elements of the page

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Up to this many files, an open card's tables are drawn at once; in larger batches when scrolled to. */
const EAGER_DRAW = 10;
/** The main thread gives the browser a turn after this long of drawing cards (ms). */
const SLICE_MS = 10;
/** During a batch, the summary table takes its new rows this often (ms). */
const OVERVIEW_MS = 250;
/** During a batch, new cards go into the page this often (ms). */
const CARDS_MS = 100;

/** Resolves once the page has loaded and the browser is idle (the checker then loads without delaying the page). */
function whenIdle() {
  return new Promise((resolve) => {
    const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 200));
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}

/** The verdict of a set of results: error > rejected > warning > pass. */
function verdictOf(results) {
  if (!results.length) return 'none';
  if (results.some((r) => r.status === 'checked' && r.findings.some((f) => f.severity === 'error'))) return 'error';
  if (results.some((r) => r.status !== 'checked')) return 'rejected';
  return results.some((r) => r.findings.length) ? 'warning' : 'pass';
}

export class NianbaoCheck extends HTMLElement {
  #root;
  #ui = {};
  #counts = { total: 0, pass: 0, fail: 0, rejected: 0 };
  #loading = null;
  #observer = null;
  #verdict = 'none';
  #blockReason = '';
  #input = null; // the host's <input type="file"> (for="…")
  #batch = 0;
  #dragDepth = 0;
  #popFor = null;
  #pinned = false;
  #styled;
  #off = []; // listeners on document/window, removed when disconnected
  #entries = []; // {name, size, result, bytes, card} of every card shown
  #overview = null;
  #progress = null;
  #drawer = null; // IntersectionObserver drawing the tables of open cards scrolled to
  #records = []; // one per file: {file, name, kind, previous, sameYear, results, keys, entries, seq}
  #kinds = []; // the report kinds of the core: [{id, label}]

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#styled = adoptStyles(this.#root);
  }

  /** 'none' | 'pending' | 'pass' | 'warning' | 'error' | 'rejected' — of the files checked last. */
  get verdict() { return this.#verdict; }

  /** Resolves when the checker is loaded (and starts loading it). */
  get ready() { return this.#load(); }

  connectedCallback() {
    if (!this.#ui.results) this.#build();
    this.#listen(document, 'keydown', (e) => { if (e.key === 'Escape') this.#hidePopover(true); });
    this.#listen(document, 'click', (e) => {
      const t = e.composedPath()[0];
      if (!(t instanceof Element) || !this.#root.contains(t)) this.#hidePopover(true);
    });
    this.#listen(window, 'resize', () => this.#hidePopover(true));
    this.#listen(window, 'beforeprint', () => this.#print(true));
    this.#listen(window, 'afterprint', () => this.#print(false));
    if (!this.hasAttribute('for')) {
      this.#listen(document, 'dragenter', () => { this.#dragDepth++; this.#ui.drop.classList.add('dragging'); });
      this.#listen(document, 'dragleave', () => {
        if (--this.#dragDepth <= 0) { this.#dragDepth = 0; this.#ui.drop.classList.remove('dragging'); }
      });
      this.#listen(document, 'drop', () => { this.#dragDepth = 0; this.#ui.drop.classList.remove('dragging'); });
    }
    // Lazy: the checker loads once the element is on screen (or when it is used).
    if (typeof IntersectionObserver === 'function') {
      this.#observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) { this.#observer?.disconnect(); whenIdle().then(() => this.#load()); }
      });
      this.#observer.observe(this);
    } else {
      whenIdle().then(() => this.#load());
    }
    if (this.hasAttribute('for')) {
      if (document.readyState === 'loading') {
        this.#listen(document, 'DOMContentLoaded', () => this.#bindInput(), { once: true });
      } else {
        this.#bindInput();
      }
    }
  }

  static get observedAttributes() { return ['sample', 'max-files', 'for']; }

  attributeChangedCallback(name) {
    const ui = this.#ui;
    if (!ui.results) return; // not built yet: #build reads the attributes
    const own = !this.hasAttribute('for');
    if (name === 'sample' || name === 'for') ui.sample.hidden = !this.hasAttribute('sample') || !own;
    if (name === 'max-files') ui.picker.multiple = this.#maxFiles() > 1;
    if (name === 'for' && this.isConnected) {
      ui.drop.parentElement.hidden = !own;
      ui.drop.hidden = !own;
      if (own) this.#unbindInput();
      else this.#bindInput();
    }
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    for (const off of this.#off) off();
    this.#off = [];
    this.#unbindInput();
  }

  /** Checks one file or Blob, draws its card and resolves to the result object. */
  async check(file) {
    const [result] = await this.checkFiles([file]);
    return result;
  }

  /**
   * Checks files one after another, drawing each card as soon as it is done; resolves to their
   * results. Takes an array or FileList of Files/Blobs, or a DataTransfer (folders included; call it
   * during the drop event).
   */
  async checkFiles(list, startedAt = performance.now()) {
    const files = list instanceof DataTransfer ? await this.#fromDataTransfer(list) : [...list];
    const max = this.#maxFiles();
    let note = '';
    if (files.length > max) {
      note = `一次最多检查 ${max} 个文件，只检查了前 ${max} 个。`;
      files.length = max;
    }
    const batch = ++this.#batch;
    const results = [];
    if (!files.length) return results;
    const recs = [];
    this.#setVerdict('pending');
    this.#ui.status.textContent = `正在检查 ${files.length} 个文件…`;
    this.#load();
    const named = files.map((f) => (f instanceof File ? f : new File([f], '未命名文件.docx')));
    const n = named.length;
    const lazy = n > 1 || this.#entries.length > 0;
    // Checks run ahead (a few per worker of the pool, bounded so a large batch is not all in memory at
    // once); cards are drawn in the files' order as their results come in.
    const ahead = Math.max(2, poolSize() * 3);
    const jobs = new Array(n);
    let next = 0;
    const launch = () => {
      const i = next++;
      const t0 = performance.now();
      jobs[i] = checkWithBytes(named[i]).then((r) => ({ ...r, ms: performance.now() - t0 }));
    };
    while (next < Math.min(n, ahead)) launch();
    if (n > 1) this.#progress.show(0, n, named[0].name);
    // Cards (and the progress, the status line) go into the page at most every CARDS_MS during a
    // batch: the browser lays the page out and paints it a few times a second, not for every file.
    let buffer = document.createDocumentFragment();
    let shownAt = -Infinity;
    let overviewAt = performance.now();
    const show = (done, force) => {
      const now = performance.now();
      if (!force && now - shownAt < CARDS_MS) return;
      shownAt = now;
      this.#ui.results.append(buffer);
      buffer = document.createDocumentFragment();
      this.#updateStatus(done < n);
      if (n > 1 && done < n) this.#progress.show(done, n, named[done]?.name);
      // The summary table takes its new rows less often (it is laid out as a whole).
      if (force || now - overviewAt > OVERVIEW_MS || this.#overview.entries.length === 2) {
        this.#overview.flush();
        overviewAt = now;
      }
    };
    let slice = performance.now();
    for (let i = 0; i < n; i++) {
      const { result, results: reports, keys, bytes, ms } = await jobs[i];
      jobs[i] = null;
      if (next < n) launch();
      const file = named[i];
      const eager = n <= EAGER_DRAW && this.#entries.length < EAGER_DRAW;
      // One card per report of the file (a file may hold several).
      const rec = { file, name: file.name, kind: null, previous: null, sameYear: [], results: reports, keys, entries: [], seq: 0 };
      this.#records.push(rec);
      recs.push(rec);
      for (const entry of this.#cardsFor(rec, bytes, { expand: n === 1, lazy })) {
        const card = entry.card;
        card.dataset.ms = Math.round(ms);
        card.dataset.sinceDrop = Math.round(performance.now() - startedAt);
        this.#entries.push(entry);
        buffer.append(card);
        if (lazy && card.querySelector('details.detail[open]')) {
          if (eager) card._draw();
          else this.#drawer.observe(card);
        }
        this.#overview.add(entry);
        this.#counts.total++;
        this.#counts[card.dataset.status]++;
      }
      show(i + 1, i === 0 || i === n - 1);
      this.dispatchEvent(new CustomEvent('nianbao-result', { detail: { file, result, results: reports }, bubbles: true, composed: true }));
      // Give the browser a turn now and then: the page stays responsive during a large batch.
      if (performance.now() - slice > SLICE_MS || n === 1) {
        await tick();
        slice = performance.now();
      }
    }
    show(n, true);
    this.#progress.hide();
    // Reports of the same agency in consecutive years (on the page, this batch or an earlier one):
    // the later one is checked again beside the earlier.
    await this.#pairAuto(true);
    this.#updateStatus(false, note);
    // The verdict covers every report of every file, as last checked (a pair's cross-year findings included).
    const all = recs.flatMap((r) => r.results);
    if (batch === this.#batch) this.#setVerdict(verdictOf(all), all);
    if (files.length === 1 && !this.#input) this.#ui.results.lastElementChild?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    return recs.map((r) => r.results[0]);
  }

  /** Removes every result card. */
  clear() {
    this.#hidePopover(true);
    this.#ui.results.replaceChildren();
    this.#drawer?.disconnect();
    this.#entries = [];
    this.#records = [];
    this.#overview.clear();
    this.#counts = { total: 0, pass: 0, fail: 0, rejected: 0 };
    this.#ui.status.textContent = '结果已清空。';
    this.#ui.clear.hidden = true;
  }

  // ---- Loading and state

  #load() {
    if (!this.#loading) {
      this.#observer?.disconnect();
      this.#ui.status.textContent = '正在加载检查程序…';
      this.#loading = load().then((info) => {
        if (this.#ui.status.textContent.startsWith('正在加载')) this.#ui.status.textContent = '检查程序已就绪。';
        this.dataset.ready = '1';
        reportKinds().then((k) => { this.#kinds = k ?? []; }, () => {});
        this.dispatchEvent(new CustomEvent('nianbao-ready', { detail: info, bubbles: true, composed: true }));
        return info;
      }, (e) => {
        console.error(e);
        this.#loading = null;
        this.#ui.status.textContent = '检查程序加载失败：此浏览器可能过旧（需要支持 WebAssembly），或网页文件不完整。';
        throw e;
      });
      this.#loading.catch(() => {});
    }
    return this.#loading;
  }

  #maxFiles() {
    const n = Number.parseInt(this.getAttribute('max-files') ?? '', 10);
    return Number.isFinite(n) && n > 0 ? n : Infinity;
  }

  #updateStatus(busy, note = '') {
    const { total, pass, fail, rejected } = this.#counts;
    if (!total) return;
    // Counted by report (a card each); the files too when one holds several reports.
    const files = this.#records.length;
    const parts = [files && files !== total ? `已检查 ${files} 个文件（${total} 份年报）` : `已检查 ${total} 个文件`];
    if (pass) parts.push(`${pass} 个通过`);
    if (fail) parts.push(`${fail} 个有错误`);
    if (rejected) parts.push(`${rejected} 个无法检查`);
    this.#ui.status.textContent = (busy ? '正在检查…　' : '') + parts.join('，') + '。' + note;
    if (!this.#input) this.#ui.clear.hidden = false;
  }

  #setVerdict(verdict, results = []) {
    this.#verdict = verdict;
    const block = this.hasAttribute('block-on-error');
    const blocking = block && ['pending', 'error', 'rejected'].includes(verdict);
    const errors = results.reduce((n, r) => n + (r.findings?.filter((f) => f.severity === 'error').length ?? 0), 0);
    this.#blockReason = !blocking ? ''
      : verdict === 'pending' ? '正在检查所选文件，请稍候再提交。'
        : verdict === 'error' ? `所选文件有 ${errors} 个错误，请改正后重新选择文件再提交。`
          : '所选文件无法检查（见下方说明），请选择正确的 .docx 年度报告后再提交。';
    this.#input?.setCustomValidity?.(this.#blockReason);
    const msg = this.#ui.verdict;
    msg.textContent = this.#blockReason;
    msg.hidden = !this.#blockReason || verdict === 'pending';
    this.dataset.verdict = verdict;
    this.dispatchEvent(new CustomEvent('nianbao-verdict', { detail: { verdict }, bubbles: true, composed: true }));
  }

  // ---- Form integration: for="input-id" watches the host's file input.

  #bindInput() {
    this.#unbindInput();
    const id = this.getAttribute('for');
    const root = this.getRootNode();
    const input = root.getElementById?.(id) ?? document.getElementById(id);
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') {
      this.#ui.status.textContent = `找不到要检查的文件选择框（id="${id}"）。`;
      return;
    }
    this.#input = input;
    const onChange = () => {
      this.#ui.results.replaceChildren();
      this.#entries = [];
      this.#records = [];
      this.#overview.clear();
      this.#counts = { total: 0, pass: 0, fail: 0, rejected: 0 };
      this.#ui.blocked.hidden = true;
      if (input.files?.length) this.checkFiles(input.files);
      else this.#setVerdict('none');
    };
    const onInvalid = () => this.#showBlocked();
    // Capture on the document: runs before the host's own submit handlers, so a blocked
    // submission (forms with novalidate, or form.requestSubmit()) never reaches them.
    const onSubmit = (e) => {
      if (e.target !== input.form || !this.#blockReason) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      this.#showBlocked();
    };
    input.addEventListener('change', onChange);
    input.addEventListener('invalid', onInvalid);
    document.addEventListener('submit', onSubmit, true);
    this.#unbind = () => {
      input.removeEventListener('change', onChange);
      input.removeEventListener('invalid', onInvalid);
      document.removeEventListener('submit', onSubmit, true);
      input.setCustomValidity('');
    };
    if (input.files?.length) onChange();
  }

  #unbind = null;
  #unbindInput() {
    this.#unbind?.();
    this.#unbind = null;
    this.#input = null;
  }

  #showBlocked() {
    const b = this.#ui.blocked;
    b.textContent = `未提交：${this.#blockReason}`;
    b.hidden = false;
    this.#ui.verdict.hidden = true; // the same reason, now said as a refused submission
    b.scrollIntoView({ block: 'nearest' });
  }

  // ---- Building the element

  #build() {
    const ui = this.#ui;
    const own = !this.hasAttribute('for');
    ui.drop = el('div', { id: 'drop', class: 'dropzone', role: 'button', tabindex: '0', 'aria-describedby': 'drop-hint', hidden: !own },
      el('p', { class: 'drop-title' }, '把 .docx 年度报告拖到这里，或点击选择文件'),
      el('p', { id: 'drop-hint', class: 'drop-hint' }, '可一次选择多个文件，也可以拖入整个文件夹。支持 Word 2007 及以后的 .docx 格式。'));
    ui.picker = el('input', { id: 'picker', type: 'file', multiple: this.#maxFiles() > 1, hidden: true, accept: ACCEPT });
    ui.sample = el('button', { id: 'sample', type: 'button', hidden: !this.hasAttribute('sample') || !own }, '示例报告');
    ui.clear = el('button', { id: 'clear', type: 'button', hidden: true }, '清空结果');
    ui.status = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }, '检查程序将在需要时加载。');
    ui.verdict = el('p', { class: 'verdict', role: 'alert', hidden: true });
    ui.blocked = el('p', { class: 'blocked', role: 'alert', hidden: true });
    ui.results = el('div', { id: 'results' });
    ui.pop = el('div', { id: 'popover', class: 'popover', role: 'tooltip', hidden: true });
    this.#progress = new Progress();
    this.#overview = new BatchOverview((entry) => this.#openCard(entry), this.#batchTools());
    this.#drawer = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((seen) => {
        for (const e of seen) {
          if (!e.isIntersecting) continue;
          this.#drawer.unobserve(e.target);
          e.target._draw?.();
        }
      }, { rootMargin: '400px 0px' })
      : { observe: (card) => card._draw?.(), unobserve() {}, disconnect() {} };
    const intake = el('div', { class: 'intake', hidden: !own }, ui.drop, ui.picker, el('div', { class: 'actions' }, ui.sample, ui.clear));
    // Shown once the stylesheet is in (no flash of unstyled content).
    const box = el('div', { class: 'nb', part: 'root', hidden: true }, intake, ui.status, this.#progress.box, ui.verdict, ui.blocked,
      this.#overview.box, ui.results, ui.pop);
    this.#root.append(box);
    this.#styled.then(() => { box.hidden = false; });

    ui.drop.addEventListener('click', () => ui.picker.click());
    ui.drop.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        ui.picker.click();
      }
    });
    ui.picker.addEventListener('change', () => {
      const files = [...ui.picker.files];
      ui.picker.value = '';
      this.checkFiles(files);
    });
    // On the shadow root: it sees real (composed) drag events and ones made inside it.
    this.#root.addEventListener('dragover', (e) => {
      if (this.hasAttribute('for')) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    });
    this.#root.addEventListener('drop', (e) => {
      if (this.hasAttribute('for') || !e.dataTransfer) return;
      e.preventDefault();
      this.#drop(e.dataTransfer);
    });
    ui.sample.addEventListener('click', () => this.#sample());
    ui.clear.addEventListener('click', () => { this.clear(); ui.drop.focus(); });
    this.#wirePopover();
  }

  #listen(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this.#off.push(() => target.removeEventListener(type, fn, opts));
  }

  async #drop(dt) {
    const startedAt = performance.now();
    const files = await this.#fromDataTransfer(dt);
    if (!files.length) {
      this.#ui.status.textContent = '没有找到可检查的文件（文件夹中只检查 .docx / .doc / .wps 文件）。';
      return;
    }
    this.checkFiles(files, startedAt);
  }

  async #fromDataTransfer(dt) {
    // Entries must be taken synchronously: the DataTransfer is emptied after the event.
    const items = [...(dt.items ?? [])].filter((i) => i.kind === 'file');
    const taken = items.map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
    if (!taken.length) return [...(dt.files ?? [])];
    const files = [];
    for (const { entry, file } of taken) {
      if (entry?.isDirectory) files.push(...(await this.#readFolder(entry)));
      else if (file) files.push(file);
    }
    return files;
  }

  /** Every report-like file under a dropped folder, depth-first, at most MAX_FOLDER_FILES. */
  async #readFolder(dir) {
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
      this.#ui.status.textContent = `文件夹中的文件太多，只检查前 ${MAX_FOLDER_FILES} 个。`;
    }
    return out;
  }

  async #sample() {
    const startedAt = performance.now();
    try {
      const res = await fetch(SAMPLE);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const blob = await res.blob();
      if (blob.size > MAX_BYTES) throw new Error('too large');
      await this.checkFiles([new File([blob], '示例报告（含错误）.docx')], startedAt);
    } catch (e) {
      this.#ui.status.textContent = `无法加载示例报告（${e.message}）。`;
    }
  }

  #print(on) {
    const list = this.#ui.results;
    this.#overview.drawAll(on); // on paper, every row of the summary
    if (on) {
      if (this.dataset.print === 'overview') return; // the summary alone: the cards stay as they are
      const only = this.dataset.print === 'card' ? list.querySelector('.file-card.print-target') : null;
      for (const d of (only ?? list).querySelectorAll('details:not([open])')) {
        d.setAttribute('open', '');
        d.dataset.printOpened = '1';
      }
      for (const card of only ? [only] : list.querySelectorAll('.file-card')) card._draw?.();
    } else {
      for (const d of list.querySelectorAll('details[data-print-opened]')) {
        d.removeAttribute('open');
        delete d.dataset.printOpened;
      }
      for (const c of this.#root.querySelectorAll('.print-target')) c.classList.remove('print-target');
      delete this.dataset.print;
    }
  }

  /** Prints one card, or the batch summary ('overview'), with everything else hidden (print.css). */
  #printOnly(target) {
    for (const c of this.#root.querySelectorAll('.print-target')) c.classList.remove('print-target');
    if (target === 'overview') this.dataset.print = 'overview';
    else {
      this.dataset.print = 'card';
      target.classList.add('print-target');
    }
    this.#print(true);
    window.print();
  }

  /** The batch summary's tools: exports of the files shown (filtered), print of the summary. */
  #batchTools() {
    const box = el('div', { class: 'batch-tools', role: 'group', 'aria-label': '导出与打印' });
    const shown = () => this.#overview.visible();
    const say = (t) => { this.#ui.status.textContent = t; };
    const csv = el('button', { type: 'button', class: 'export-csv' }, '导出问题清单（CSV）');
    csv.addEventListener('click', () => exportCsv(shown()));
    box.append(csv);
    if (writerAvailable) {
      const xlsx = el('button', { type: 'button', class: 'export-xlsx' }, '导出问题清单（Excel）');
      xlsx.addEventListener('click', () => run(xlsx, () => exportXlsx(shown()), say, '正在生成 Excel 文件…', () => '已导出 Excel 文件。'));
      box.append(xlsx);
    }
    const print = el('button', { type: 'button', class: 'print' }, '打印汇总');
    print.addEventListener('click', () => this.#printOnly('overview'));
    box.append(print);
    return box;
  }

  /** Opens an entry's card (its tables drawn) and scrolls to it. */
  #openCard(entry) {
    const card = entry.card;
    card.querySelector('details.detail')?.setAttribute('open', '');
    card._draw?.();
    card.scrollIntoView({ block: 'start' });
    card.tabIndex = -1;
    card.focus({ preventScroll: true });
  }

  // ---- Every report of a file, the report kind, last year's report

  /** The cards of a file record's reports: entries {name, size, result, bytes, card, rec, uid}. */
  #cardsFor(rec, bytes, { expand, lazy }) {
    const say = (t) => { this.#ui.status.textContent = t; };
    rec.entries = rec.results.map((result) => {
      const id = ++uid;
      const name = reportTitle(rec.name, result);
      const card = renderResult({ name, size: rec.file.size }, result, id, { expand, compact: this.hasAttribute('compact'), lazy });
      // The bytes are kept for the annotated copy only when there is something to annotate.
      const entry = { name, size: rec.file.size, result, bytes: result.findings?.length ? bytes : null, card, rec, uid: id };
      const tools = reportTools(result, rec, this.#kinds, {
        kind: (kind) => { rec.kind = kind || null; this.#recheck(rec); },
        previous: (file) => {
          rec.previous = file ? { file, name: file.name, explicit: true, rec: null } : null;
          this.#recheck(rec).then(() => this.#pairAuto());
        },
      });
      const panel = textPanel(result, id, { previous: this.#previousEntry(entry), open: (target) => this.#openCell(target) });
      const claims = claimsPanel(result, id, { open: (target) => this.#openCell(target) });
      card.querySelector('header.summary')?.after(...[tools, panel, claims].filter(Boolean));
      card.append(cardTools(el, entry, { say, print: () => this.#printOnly(card) }));
      return entry;
    });
    return rec.entries;
  }

  /** Last year's report on the page that an entry was compared with: {name, result, uid, info} or null. */
  #previousEntry(entry) {
    const p = entry.result.previous;
    const prev = entry.rec.previous?.rec;
    if (!p || !prev) return null;
    const e = prev.entries.find((x) => (x.result.report?.index ?? 0) === (p.report ?? 0)) ?? prev.entries[0];
    return e ? { name: prev.name, result: e.result, uid: e.uid, info: p } : null;
  }

  #previousOf(card, finding) {
    const entry = this.#entries.find((e) => e.card === card);
    if (!entry?.result.findings.includes(finding)) return null;
    return this.#previousEntry(entry) ?? { info: entry.result.previous };
  }

  /** Draws the card holding a cell (its tables may be drawn lazily) and opens its tables. */
  #openCell(target) {
    const id = target.split('-')[1];
    const card = this.#root.getElementById(`file-${id}`);
    card?.querySelector('details.detail')?.setAttribute('open', '');
    card?._draw?.();
  }

  /**
   * Pairs each file with last year's file of the same agency on the page (the first in the page's
   * order, as the command line pairs a batch); re-checks those whose pair changed, each once beside its
   * one previous file (so a large batch costs at most one more check per file). A file paired by the
   * user keeps its pair. A file holding the same agency and year as other files on the page is checked
   * again naming them (M.DUPYEAR), in the same one re-check.
   */
  async #pairAuto(inBatch = false) {
    const changed = [];
    for (const rec of this.#records) {
      const same = findSameYear(rec, this.#records);
      let again = same.join('\n') !== (rec.sameYear ?? []).join('\n');
      rec.sameYear = same;
      if (!rec.previous?.explicit) {
        const prev = findPrevious(rec, this.#records);
        if (prev !== (rec.previous?.rec ?? null)) {
          rec.previous = prev ? { file: prev.file, name: prev.name, explicit: false, rec: prev } : null;
          again = true;
        }
      }
      if (again) changed.push(this.#recheck(rec, inBatch));
    }
    await Promise.all(changed);
  }

  /** Checks a file again (its kind, its previous year's file) and puts the new cards in place of its old ones. */
  async #recheck(rec, inBatch = false) {
    const seq = ++rec.seq;
    this.#ui.status.textContent = `正在重新检查 ${rec.name}…`;
    for (const e of rec.entries) e.card.setAttribute('aria-busy', 'true');
    const out = await checkWithBytes(rec.file, {
      kind: rec.kind ?? undefined, previous: rec.previous?.file, previousName: rec.previous?.name, sameYear: rec.sameYear?.length ? rec.sameYear : undefined,
    });
    if (seq !== rec.seq || !this.#records.includes(rec)) return;
    // The page paired these itself (a batch pair, not a file the user named): as the contract says it.
    if (rec.previous && !rec.previous.explicit) for (const r of out.results) if (r.previous) r.previous.explicit = false;
    const old = rec.entries;
    if (old.some((e) => e.card.contains(this.#popFor))) this.#hidePopover(true);
    // The control the user worked (the kind select, a button) keeps the focus in the new card.
    const active = this.#root.activeElement;
    const refocus = old.some((e) => e.card.contains(active)) ? ['select.kind-select', 'button.add-previous'].find((q) => active.matches(q)) : null;
    const wasOpen = old.some((e) => e.card.querySelector('details.detail[open]'));
    const wasDrawn = old.some((e) => e.card.dataset.drawn);
    rec.results = out.results;
    rec.keys = out.keys;
    // Drawn now when the old card was; otherwise (a large batch) when scrolled to, like the others.
    const made = this.#cardsFor(rec, out.bytes, { expand: wasOpen, lazy: true });
    for (const e of made) {
      if (!e.card.querySelector('details.detail[open]')) continue;
      if (wasDrawn) e.card._draw();
      else this.#drawer.observe(e.card);
    }
    const at = old.length ? this.#entries.indexOf(old[0]) : -1;
    for (const e of made) {
      if (old[0]?.card.isConnected) old[0].card.before(e.card);
      else this.#ui.results.append(e.card);
      this.#counts.total++;
      this.#counts[e.card.dataset.status]++;
    }
    for (const e of old) {
      e.card.remove();
      this.#counts.total--;
      this.#counts[e.card.dataset.status]--;
      const i = this.#entries.indexOf(e);
      if (i >= 0) this.#entries.splice(i, 1);
    }
    this.#entries.splice(at >= 0 ? at : this.#entries.length, 0, ...made);
    if (refocus) made[0]?.card.querySelector(refocus)?.focus();
    this.#overview.clear();
    for (const e of this.#entries) this.#overview.add(e);
    this.#overview.flush();
    // The later files compared with this one point at its new cards.
    for (const other of this.#records) {
      if (other !== rec && other.previous?.rec === rec) {
        for (const e of other.entries) {
          const panel = e.card.querySelector('.text-findings');
          const fresh = textPanel(e.result, e.uid, { previous: this.#previousEntry(e), open: (t) => this.#openCell(t) });
          if (panel && fresh) panel.replaceWith(fresh);
        }
      }
    }
    if (!inBatch) {
      // A file checked again on its own (its kind, last year's report): the verdict of what is shown.
      this.#updateStatus(false);
      const all = this.#entries.map((e) => e.result);
      this.#setVerdict(verdictOf(all), all);
    }
    this.dispatchEvent(new CustomEvent('nianbao-result', { detail: { file: rec.file, result: out.result, results: out.results }, bubbles: true, composed: true }));
  }

  // ---- Popover for marked cells: hover, focus or click shows it; Escape, blur or leaving hides it.

  #wirePopover() {
    const results = this.#ui.results;
    const markedCell = (t) => (t instanceof Element ? t.closest('td[data-mark]') : null);
    results.addEventListener('mouseover', (e) => { const td = markedCell(e.target); if (td) this.#showPopover(td); });
    results.addEventListener('mouseout', (e) => {
      const td = markedCell(e.target);
      if (td && td === this.#popFor && !td.contains(e.relatedTarget) && this.#root.activeElement !== td) this.#hidePopover();
    });
    results.addEventListener('focusin', (e) => { const td = markedCell(e.target); if (td) this.#showPopover(td); });
    results.addEventListener('focusout', (e) => { if (markedCell(e.target) === this.#popFor) this.#hidePopover(true); });
    results.addEventListener('click', (e) => {
      const td = markedCell(e.target);
      if (td) { this.#hidePopover(true); this.#showPopover(td, true); return; }
      const btn = e.target instanceof Element ? e.target.closest('button.finding') : null;
      if (btn) this.#goToCell(this.#root.getElementById(btn.dataset.target));
    });
    this.#root.addEventListener('click', (e) => {
      const t = e.target instanceof Element ? e.target : null;
      if (!markedCell(t) && !this.#ui.pop.contains(t) && !t?.closest('button.finding')) this.#hidePopover(true);
    });
  }

  #showPopover(td, pin = false) {
    const pop = this.#ui.pop;
    if (this.#popFor !== td) {
      this.#setRelated(this.#popFor, false);
      fillPopover(pop, td);
      popoverText(pop, td._findings, (f) => this.#previousOf(td.closest('.file-card'), f));
      this.#popFor = td;
      this.#setRelated(td, true);
    }
    this.#pinned = this.#pinned || pin;
    pop.hidden = false;
    td.setAttribute('aria-describedby', 'popover');
    // Placed in the element's own coordinates (its root box is position: relative).
    const box = pop.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0 };
    const r = td.getBoundingClientRect();
    const w = pop.offsetWidth;
    const vw = document.documentElement.clientWidth;
    const left = Math.max(8, Math.min(r.left, vw - w - 8)) - box.left;
    let top = r.bottom + 6;
    if (r.bottom + pop.offsetHeight + 12 > window.innerHeight && r.top > pop.offsetHeight + 12) {
      top = r.top - pop.offsetHeight - 6;
    }
    pop.style.left = `${left}px`;
    pop.style.top = `${top - box.top}px`;
  }

  #hidePopover(force = false) {
    if (this.#pinned && !force) return;
    this.#pinned = false;
    this.#popFor?.removeAttribute('aria-describedby');
    this.#setRelated(this.#popFor, false);
    this.#popFor = null;
    if (this.#ui.pop) this.#ui.pop.hidden = true;
  }

  #setRelated(td, on) {
    for (const id of td?._related ?? []) this.#root.getElementById(id)?.classList.toggle('related', on);
  }

  #goToCell(td) {
    if (!td) return;
    td.closest('details')?.setAttribute('open', '');
    td.scrollIntoView({ block: 'center', inline: 'center' });
    td.focus({ preventScroll: true });
    td.classList.remove('flash');
    void td.offsetWidth; // restart the animation
    td.classList.add('flash');
  }
}

if (!customElements.get('nianbao-check')) customElements.define('nianbao-check', NianbaoCheck);
