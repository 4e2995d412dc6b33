// @ts-check
// The batch summary as <nianbao-check> holds it: a stand-in that keeps the entries until a second
// report arrives, then loads batch.js (the table, its filters and sorting) and hands them over; and
// the progress bar of a running batch. A first check of one report does not download batch.js.
import { el } from './dom.js';

export class Overview {
  /** @type {import('./batch.js').BatchOverview | null} */
  #real = null;
  /** @type {Promise<void> | null} */
  #loading = null;
  /** @type {any[]} the entries added before batch.js is in */
  #pending = [];

  /**
   * @param {(entry: any) => void} open  shows an entry's card
   * @param {(batchTools: typeof import('./batch.js').batchTools) => Element} actions  makes the summary's
   *   buttons (exports, print) with batch.js's batchTools when the table is made
   */
  constructor(open, actions) {
    this.open = open;
    this.actions = actions;
    /** @type {HTMLElement} where the summary goes (the table's own box once it is made) */
    this.box = el('section', { class: 'overview', hidden: true });
  }

  /** The entries added: {name, result, card, …}. */
  get entries() { return this.#real?.entries ?? this.#pending; }

  /** Adds a checked report's entry; it shows at the next flush(). */
  add(entry) {
    if (this.#real) this.#real.add(entry);
    else this.#pending.push(entry);
  }

  /** Shows the entries added since the last flush (from two on: batch.js is loaded then). */
  flush() {
    if (this.#real) this.#real.flush();
    else if (this.#pending.length >= 2) this.load();
  }

  clear() {
    if (this.#real) this.#real.clear();
    else this.#pending = [];
  }

  /** The entries shown (filtered), in the table's order. */
  visible() { return this.#real ? this.#real.visible() : [...this.#pending]; }

  /** Draws every row (printing) or only the window around the visible ones. @param {boolean} on */
  drawAll(on) { this.#real?.drawAll(on); }

  /** Loads batch.js and makes the table (once; a batch starts it early). Resolves when it is in the page. */
  load() {
    this.#loading ??= import('./batch.js').then(({ BatchOverview, batchTools }) => {
      const real = new BatchOverview(this.open, this.actions(batchTools));
      for (const e of this.#pending) real.add(e);
      this.#pending = [];
      this.#real = real;
      this.box.replaceWith(real.box);
      this.box = real.box;
      real.flush();
    }, (e) => {
      this.#loading = null;
      console.error(e);
    });
    return this.#loading;
  }

  /** Resolves once a table being made is in the page. */
  settled() { return this.#loading ?? Promise.resolve(); }
}

/** The progress bar of a running batch: count and the file being read. */
export class Progress {
  constructor() {
    this.bar = /** @type {HTMLProgressElement} */ (el('progress', { max: '1', value: '0', 'aria-label': '检查进度' }));
    this.label = el('span', { class: 'progress-label' });
    this.box = el('div', { class: 'progress', role: 'group', 'aria-label': '检查进度', hidden: true }, this.bar, this.label);
  }

  /** @param {number} done @param {number} total @param {string} [name] */
  show(done, total, name) {
    this.box.hidden = false;
    this.bar.max = total;
    this.bar.value = done;
    this.label.textContent = `已检查 ${done} / ${total} 个文件${name ? `，正在读取：${name}` : ''}`;
  }

  hide() {
    this.box.hidden = true;
  }
}
