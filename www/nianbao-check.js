// @ts-check
// <nianbao-check>: the checker as a custom element, for a portal's own pages (and the basis of
// nianbao's standalone page). Shadow DOM with its own stylesheet; the checker loads when the
// element becomes visible or is first used, and every element on the page shares it.
//   <script type="module" src="/static/nianbao/nianbao-check.js"></script>
//   <nianbao-check sample></nianbao-check>
// Attributes: compact, max-files, sample, for="input-id", block-on-error. Events: nianbao-ready,
// nianbao-result, nianbao-verdict. Method: check(fileOrBlob). Property: verdict. See docs/EMBEDDING.md.
// This file wires the parts: intake.js (files in), runner.js (a batch), records.js (cards, pairs,
// re-checks), form.js (verdict, a host's form), popover.js, print.js, summary.js (the summary; batch.js from two reports on), actions.js (exports).
import { load, reportKinds } from './nianbao.js';
import { el } from './dom.js';
import { adoptStyles } from './styles.js';
import { Overview, Progress } from './summary.js';
import { fromDataTransfer, intakeControls, sampleFile, wireIntake } from './intake.js';
import { Records } from './records.js';
import { runBatch } from './runner.js';
import { Verdict, verdictOf } from './form.js';
import { Popover } from './popover.js';
import { Printer } from './print.js';
import { OUTCOMES, OUTCOME_LABEL } from './outcome.js';

/** Resolves once the page has loaded and the browser is idle (the checker then loads without delaying the page). */
function whenIdle() {
  return new Promise((resolve) => {
    const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(undefined), { timeout: 2000 }) : setTimeout(resolve, 200));
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}

/**
 * Calls `near(card)` once when a card (observed before it is put in `list`) comes near the screen.
 * Where the browser says so itself — the cards are content-visibility: auto, and it fires
 * contentvisibilityautostatechange when one starts being rendered — that event, at no cost of ours;
 * else an IntersectionObserver (whose work each frame grows with the cards it watches: a thousand
 * in a large batch); without either, at once.
 * @param {HTMLElement} list @param {(card: any) => void} near
 * @returns {{observe(card: Element): void, unobserve(card: Element): void, disconnect(): void}}
 */
function nearScreen(list, near) {
  if (typeof ContentVisibilityAutoStateChangeEvent === 'function') {
    let waiting = new WeakSet();
    list.addEventListener('contentvisibilityautostatechange', (e) => {
      const card = e.target;
      if (/** @type {any} */ (e).skipped || !waiting.has(card)) return;
      waiting.delete(card);
      near(card);
    }, { capture: true });
    return { observe: (card) => waiting.add(card), unobserve: (card) => waiting.delete(card), disconnect: () => { waiting = new WeakSet(); } };
  }
  if (typeof IntersectionObserver === 'function') {
    const io = new IntersectionObserver((seen) => {
      for (const e of seen) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        near(e.target);
      }
    }, { rootMargin: '400px 0px' });
    return io;
  }
  return { observe: near, unobserve() {}, disconnect() {} };
}

/**
 * @typedef {object} UI
 * @property {HTMLElement} drop
 * @property {HTMLInputElement} picker
 * @property {HTMLButtonElement} sample
 * @property {HTMLButtonElement} clear
 * @property {HTMLElement} intake
 * @property {HTMLElement} status
 * @property {HTMLElement} verdict
 * @property {HTMLElement} blocked
 * @property {HTMLElement} results
 * @property {HTMLElement} pop
 */

export class NianbaoCheck extends HTMLElement {
  #root;
  /** @type {UI} */
  #ui = /** @type {any} */ ({});
  /** @type {Promise<any> | null} */
  #loading = null;
  /** @type {IntersectionObserver | null} */
  #observer = null;
  #batch = 0;
  #dragDepth = 0;
  #styled;
  /** @type {(() => void)[]} listeners on document/window, removed when disconnected */
  #off = [];
  /** @type {Overview} */
  #overview = /** @type {any} */ (null);
  /** @type {Progress} */
  #progress = /** @type {any} */ (null);
  /** @type {{observe(card: Element): void, unobserve(card: Element): void, disconnect(): void}} builds cards scrolled to and draws the tables of open ones */
  #drawer = /** @type {any} */ (null);
  /** @type {Records} */
  #records = /** @type {any} */ (null);
  /** @type {Verdict} */
  #verdict = /** @type {any} */ (null);
  /** @type {Popover} */
  #pop = /** @type {any} */ (null);
  /** @type {Printer} */
  #printer = /** @type {any} */ (null);
  /** @type {{id: string, label: string}[]} the report kinds of the core */
  #kinds = [];

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#styled = adoptStyles(this.#root);
  }

  /** 'none' | 'pending' | 'pass' | 'warning' | 'error' | 'rejected' — of the files checked last. */
  get verdict() { return this.#verdict?.verdict ?? 'none'; }

  /** Resolves when the checker is loaded (and starts loading it). */
  get ready() { return this.#load(); }

  connectedCallback() {
    if (!this.#ui.results) this.#build();
    this.#listen(document, 'keydown', (e) => { if (/** @type {KeyboardEvent} */ (e).key === 'Escape') this.#pop.hide(true); });
    this.#listen(document, 'click', (e) => {
      const t = e.composedPath()[0];
      if (!(t instanceof Element) || !this.#root.contains(t)) this.#pop.hide(true);
    });
    this.#listen(window, 'resize', () => this.#pop.hide(true));
    this.#listen(window, 'beforeprint', () => this.#printer.print(true));
    this.#listen(window, 'afterprint', () => this.#printer.print(false));
    if (!this.hasAttribute('for')) {
      const drop = this.#ui.drop;
      this.#listen(document, 'dragenter', () => { this.#dragDepth++; drop.classList.add('dragging'); });
      this.#listen(document, 'dragleave', () => {
        if (--this.#dragDepth <= 0) { this.#dragDepth = 0; drop.classList.remove('dragging'); }
      });
      this.#listen(document, 'drop', () => { this.#dragDepth = 0; drop.classList.remove('dragging'); });
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
        this.#listen(document, 'DOMContentLoaded', () => this.#verdict.bind(), { once: true });
      } else {
        this.#verdict.bind();
      }
    }
  }

  static get observedAttributes() { return ['sample', 'max-files', 'for']; }

  /** @param {string} name */
  attributeChangedCallback(name) {
    const ui = this.#ui;
    if (!ui.results) return; // not built yet: #build reads the attributes
    const own = !this.hasAttribute('for');
    if (name === 'sample' || name === 'for') ui.sample.hidden = !this.hasAttribute('sample') || !own;
    if (name === 'max-files') ui.picker.multiple = this.#maxFiles() > 1;
    if (name === 'for' && this.isConnected) {
      ui.intake.hidden = !own;
      ui.drop.hidden = !own;
      if (own) this.#verdict.unbind();
      else this.#verdict.bind();
    }
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    for (const off of this.#off) off();
    this.#off = [];
    this.#verdict.unbind();
  }

  /** Checks one file or Blob, draws its card and resolves to the result object. @param {Blob} file */
  async check(file) {
    const [result] = await this.checkFiles([file]);
    return result;
  }

  /**
   * Checks files one after another, drawing each card as soon as it is done; resolves to their
   * results. Takes an array or FileList of Files/Blobs, or a DataTransfer (folders included; call it
   * during the drop event).
   * @param {Blob[] | FileList | DataTransfer} list
   */
  async checkFiles(list, startedAt = performance.now()) {
    const say = (/** @type {string} */ t) => { this.#ui.status.textContent = t; };
    const files = list instanceof DataTransfer ? await fromDataTransfer(list, say) : [...list];
    const max = this.#maxFiles();
    let note = '';
    if (files.length > max) {
      note = `一次最多检查 ${max} 个文件，只检查了前 ${max} 个。`;
      files.length = max;
    }
    const batch = ++this.#batch;
    if (!files.length) return [];
    this.#verdict.set('pending');
    say(`正在检查 ${files.length} 个文件…`);
    this.#load();
    const named = files.map((f) => (f instanceof File ? f : new File([f], '未命名文件.docx')));
    const recs = await runBatch({
      records: this.#records, results: this.#ui.results, overview: this.#overview, progress: this.#progress, drawer: this.#drawer,
      status: (busy) => this.#updateStatus(busy), emit: (detail) => this.#emit(detail), startedAt,
    }, named);
    // Reports of the same agency in consecutive years (on the page, this batch or an earlier one):
    // the later one is checked again beside the earlier.
    await this.#records.pairAuto(true);
    await this.#overview.settled();
    this.#updateStatus(false, note);
    // The verdict covers every report of every file, as last checked (a pair's cross-year findings included).
    const all = recs.flatMap((r) => r.results);
    if (batch === this.#batch) this.#verdict.set(verdictOf(all), all);
    if (files.length === 1 && !this.#verdict.input) this.#ui.results.lastElementChild?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    return recs.map((r) => r.results[0]);
  }

  /** Removes every result card. */
  clear() {
    this.#pop.hide(true);
    this.#ui.results.replaceChildren();
    this.#drawer?.disconnect();
    this.#records.reset();
    this.#ui.status.textContent = '结果已清空。';
    this.#ui.clear.hidden = true;
  }

  // ---- Loading and state

  #load() {
    if (!this.#loading) {
      this.#observer?.disconnect();
      this.#ui.status.textContent = '正在加载检查程序…';
      this.#loading = load().then((info) => {
        if (this.#ui.status.textContent?.startsWith('正在加载')) this.#ui.status.textContent = '检查程序已就绪。';
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

  /** @param {object} detail */
  #emit(detail) {
    this.dispatchEvent(new CustomEvent('nianbao-result', { detail, bubbles: true, composed: true }));
  }

  #updateStatus(busy = false, note = '') {
    const counts = this.#records.counts;
    const total = counts.total;
    if (!total) return;
    // Counted by report (a card each), by outcome as the summary counts them; the files too when
    // one holds several reports.
    const files = this.#records.files.length;
    const parts = [files && files !== total ? `已检查 ${files} 个文件（${total} 份年报）` : `已检查 ${total} 个文件`];
    for (const o of OUTCOMES) if (counts[o]) parts.push(`${counts[o]} 个${OUTCOME_LABEL[o]}`);
    this.#ui.status.textContent = (busy ? '正在检查…　' : '') + parts.join('，') + '。' + note;
    if (!this.#verdict.input) this.#ui.clear.hidden = false;
  }

  // ---- Building the element

  #build() {
    const ui = this.#ui;
    const own = !this.hasAttribute('for');
    const say = (/** @type {string} */ t) => { ui.status.textContent = t; };
    const intake = intakeControls({ own, sample: this.hasAttribute('sample'), multiple: this.#maxFiles() > 1 });
    Object.assign(ui, { drop: intake.drop, picker: intake.picker, sample: intake.sample, clear: intake.clear, intake: intake.box });
    ui.status = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }, '检查程序将在需要时加载。');
    ui.verdict = el('p', { class: 'verdict', role: 'alert', hidden: true });
    ui.blocked = el('p', { class: 'blocked', role: 'alert', hidden: true });
    ui.results = el('div', { id: 'results' });
    ui.pop = el('div', { id: 'popover', class: 'popover', role: 'tooltip', hidden: true });
    this.#progress = new Progress();
    const tools = (/** @type {typeof import('./batch.js').batchTools} */ batchTools) => batchTools(() => this.#overview.visible(), {
      say,
      print: () => this.#printer.only('overview'),
      jump: () => {
        // The first report with errors, else with warnings, else that could not be checked, else the first.
        const shown = this.#overview.visible();
        const rank = (/** @type {any} */ e) => ['error', 'warning', 'rejected', 'pass'].indexOf(e.status);
        const first = [...shown].sort((a, b) => rank(a) - rank(b))[0];
        if (first) this.#openCard(first, true);
      },
    });
    // The summary's table (batch.js) is loaded when a second report arrives.
    this.#overview = new Overview((entry) => this.#openCard(entry), tools);
    this.#printer = new Printer(this, this.#root, ui.results, this.#overview);
    // A card near the screen: its parts below the summary are built (records.js, cardsFor) and, when
    // it is open, its tables drawn.
    const near = (/** @type {import('./records.js').Card} */ card) => {
      card._wake?.();
      if (card.querySelector('details.detail[open]')) card._draw?.();
    };
    this.#drawer = nearScreen(ui.results, near);
    this.#pop = new Popover(this.#root, ui.results, ui.pop, (card, f) => this.#records.previousOf(card, f));
    this.#records = new Records({
      root: this.#root, results: ui.results, overview: this.#overview, drawer: this.#drawer, popover: this.#pop, say,
      compact: () => this.hasAttribute('compact'),
      kinds: () => this.#kinds,
      print: (card) => this.#printer.only(card),
      settled: () => {
        this.#updateStatus(false);
        const all = this.#records.entries.map((e) => e.result);
        this.#verdict.set(verdictOf(all), all);
      },
      emit: (detail) => this.#emit(detail),
    });
    this.#verdict = new Verdict(this, ui, {
      reset: () => {
        ui.results.replaceChildren();
        this.#records.reset();
      },
      check: (files) => this.checkFiles(files),
    });
    // Shown once the stylesheet is in (no flash of unstyled content).
    const box = el('div', { class: 'nb', part: 'root', hidden: true }, intake.box, ui.status, this.#progress.box, ui.verdict, ui.blocked,
      this.#overview.box, ui.results, ui.pop);
    this.#root.append(box);
    this.#styled.then(() => { box.hidden = false; });

    wireIntake(this.#root, ui, () => !this.hasAttribute('for'), (files, startedAt) => this.checkFiles(files, startedAt), say);
    ui.sample.addEventListener('click', () => this.#sample());
    ui.clear.addEventListener('click', () => { this.clear(); ui.drop.focus(); });
  }

  /**
   * @param {EventTarget} target @param {string} type @param {(e: Event) => void} fn
   * @param {AddEventListenerOptions} [opts]
   */
  #listen(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this.#off.push(() => target.removeEventListener(type, fn, opts));
  }

  async #sample() {
    const startedAt = performance.now();
    try {
      await this.checkFiles([await sampleFile()], startedAt);
    } catch (e) {
      this.#ui.status.textContent = `无法加载示例报告（${/** @type {Error} */ (e).message}）。`;
    }
  }

  /**
   * Opens an entry's card (its tables drawn), scrolls to it and focuses it (with `findings`, its
   * findings list, or its 正文 panel when the list is empty).
   * @param {{card: import('./records.js').Card}} entry
   */
  #openCard(entry, findings = false) {
    const card = entry.card;
    card.querySelector('details.detail')?.setAttribute('open', '');
    card._wake?.();
    card._draw?.();
    const list = findings ? [...card.querySelectorAll('aside.findings, .text-findings, .rejection')].find((x) => x.childElementCount || x.textContent) : null;
    const target = /** @type {HTMLElement} */ (list ?? card);
    target.scrollIntoView({ block: 'start' });
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }
}

if (!customElements.get('nianbao-check')) customElements.define('nianbao-check', NianbaoCheck);
