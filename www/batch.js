// @ts-check
// The batch overview of <nianbao-check>: from two files on, one table above the cards (file, agency,
// year, format, errors, warnings, status, the previous year's report when the result was compared
// with one), sortable by each column, filtered by status, each row leading to its card. Loaded when
// a second report arrives (summary.js), with its export and print buttons. Text from documents goes in
// as text only (el()).
import { el } from './render.js';
import { OUTCOMES, OUTCOME_LABEL, outcomeOf } from './outcome.js';
import { run, writerAvailable } from './actions.js';

/** The filters: all, then one per outcome (its words). */
const FILTERS = [['all', '全部'], ...OUTCOMES.map((o) => [o, OUTCOME_LABEL[o]])];
const STATUS_ORDER = { error: 0, rejected: 1, warning: 2, pass: 3 };

/** The status key of a result: its outcome, 'error' | 'warning' | 'rejected' | 'pass'. */
export const statusKey = outcomeOf;

const count = (r, sev) => (r.status === 'checked' ? r.findings.filter((f) => f.severity === sev).length : null);
/** How many problems a result's findings hold (the findings one culprit cell explains are one: `problem`). */
export const problems = (r) => (r.status === 'checked' ? new Set(r.findings.map((f, i) => (Number.isInteger(f.problem) ? f.problem : `f${i}`))).size : null);

/** A row of the summary, with the entry it shows. @typedef {HTMLTableRowElement & {_entry?: any}} Row */

/**
 * The columns: [key, header, value of an entry (for sorting), cell text].
 * @type {[string, string, (e: any) => any, (e: any) => any][]}
 */
const COLUMNS = [
  ['name', '文件', (e) => e.name, (e) => e.name],
  ['agency', '机关', (e) => e.result.report?.agency ?? '', (e) => e.result.report?.agency ?? '—'],
  ['year', '年度', (e) => e.result.report?.year ?? null, (e) => (e.result.report?.year != null ? String(e.result.report.year) : '—')],
  ['format', '格式', (e) => e.result.report?.format ?? '', (e) => (e.result.report?.format ? `${e.result.report.format} 年版` : '—')],
  ['problems', '问题', (e) => problems(e.result), (e) => (problems(e.result) ?? '—')],
  ['errors', '错误', (e) => count(e.result, 'error'), (e) => (count(e.result, 'error') ?? '—')],
  ['warnings', '警告', (e) => count(e.result, 'warning'), (e) => (count(e.result, 'warning') ?? '—')],
  ['status', '状态', (e) => STATUS_ORDER[statusKey(e.result)], (e) => OUTCOME_LABEL[outcomeOf(e.result)]],
  ['previous', '对比上年', (e) => previousText(e.result), (e) => previousText(e.result) || '—'],
];

function previousText(r) {
  const p = r.previous;
  if (!p) return '';
  return [p.file, p.year != null ? `${p.year} 年` : null].filter(Boolean).join('，');
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
function compare(a, b) {
  if (a === b) return 0;
  if (a == null || a === '') return 1; // missing values last, whatever the direction
  if (b == null || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/** Rows drawn around the visible ones (the table draws only a window of its rows: a batch of a thousand files stays quick). */
const WINDOW = 60;

export class BatchOverview {
  /**
   * @param {(entry: object) => void} open  shows an entry's card
   * @param {Element} actions  the summary's buttons (exports, print)
   */
  constructor(open, actions) {
    this.entries = [];
    this.order = []; // the entries shown, sorted and filtered
    this.sort = null; // {key, dir: 1 | -1}
    this.filter = 'all';
    this.open = open;
    this.rows = new Map(); // entry → <tr>, made when first drawn
    this.added = 0; // entries added since the last flush()
    this.by = { error: 0, warning: 0, rejected: 0, pass: 0 };
    this.rowHeight = 0; // measured from the first row drawn
    this.all = false; // every row drawn (printing)
    this.heads = new Map();
    this.filterButtons = new Map();
    const headRow = el('tr', { 'aria-rowindex': '1' });
    for (const [key, label] of COLUMNS) {
      const button = el('button', { type: 'button', class: 'sort', data: { key } }, label);
      const th = el('th', { scope: 'col', 'aria-sort': 'none', data: { key } }, button);
      button.addEventListener('click', () => this.sortBy(key));
      this.heads.set(key, th);
      headRow.append(th);
    }
    this.tbody = el('tbody');
    this.before = el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colspan: COLUMNS.length }));
    this.after = el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colspan: COLUMNS.length }));
    this.table = el('table', { class: 'overview-table', 'aria-rowcount': '1' },
      el('caption', { class: 'visually-hidden' }, '批量检查汇总（点击列标题排序，点击一行查看该文件）'), el('thead', {}, headRow), this.tbody);
    const filters = el('div', { class: 'overview-filters', role: 'group', 'aria-label': '按状态筛选' });
    for (const [key, label] of FILTERS) {
      const b = el('button', { type: 'button', class: 'filter', 'aria-pressed': key === 'all' ? 'true' : 'false', data: { filter: key } }, label);
      b.addEventListener('click', () => this.setFilter(key));
      this.filterButtons.set(key, b);
      filters.append(b);
    }
    this.counts = el('p', { class: 'overview-counts' });
    this.scroller = el('div', { class: 'overview-scroll' }, this.table);
    this.box = el('section', { class: 'overview', 'aria-label': '批量检查汇总', hidden: true },
      el('div', { class: 'overview-head' }, el('h2', {}, '汇总'), this.counts, actions), filters, this.scroller);
    let queued = false;
    this.scroller.addEventListener('scroll', () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; this.#draw(); });
    }, { passive: true });
    this.tbody.addEventListener('click', (e) => {
      const tr = /** @type {Row | null} */ (e.target instanceof Element ? e.target.closest('tr') : null);
      if (tr?._entry) this.open(tr._entry);
    });
    this.tbody.addEventListener('keydown', (e) => {
      const tr = /** @type {Row | null} */ (e.target instanceof Element ? e.target.closest('tr') : null);
      if (tr?._entry && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.open(tr._entry);
      }
    });
  }

  /** Adds a checked file: {name, result, card}. It shows at the next flush() (a batch adds many at once). */
  add(entry) {
    entry.status = statusKey(entry.result);
    this.by[entry.status]++;
    if (entry.result.previous) this.paired = true;
    this.entries.push(entry);
    this.added++;
  }

  /** Shows the files added since the last flush (in the current order) and updates the counts. */
  flush() {
    if (this.added) {
      const fresh = this.entries.slice(-this.added).filter((e) => this.#shown(e));
      this.added = 0;
      this.order.push(...fresh);
      if (this.sort) this.#resort();
      this.#draw();
    }
    this.#refresh();
  }

  clear() {
    this.entries = [];
    this.order = [];
    this.added = 0;
    this.by = { error: 0, warning: 0, rejected: 0, pass: 0 };
    this.paired = false;
    this.rows.clear();
    this.#draw();
    this.#refresh();
  }

  /** Sorts by a column: ascending first, then descending (aria-sort says which). */
  sortBy(key) {
    this.flush();
    const dir = this.sort?.key === key ? -this.sort.dir : 1;
    this.sort = { key, dir };
    for (const [k, th] of this.heads) th.setAttribute('aria-sort', k !== key ? 'none' : dir > 0 ? 'ascending' : 'descending');
    this.#resort();
    this.#draw();
  }

  #resort() {
    const { key, dir } = this.sort;
    const value = COLUMNS.find((c) => c[0] === key)[2];
    const index = new Map(this.entries.map((e, i) => [e, i]));
    const order = this.order.map((e) => [e, value(e), index.get(e)]);
    order.sort((a, b) => {
      const c = compare(a[1], b[1]);
      if (c && a[1] != null && a[1] !== '' && b[1] != null && b[1] !== '') return c * dir;
      return c || a[2] - b[2];
    });
    this.order = order.map(([e]) => e);
  }

  setFilter(key) {
    this.flush();
    this.filter = key;
    for (const [k, b] of this.filterButtons) b.setAttribute('aria-pressed', String(k === key));
    this.order = this.entries.filter((e) => this.#shown(e));
    if (this.sort) this.#resort();
    this.scroller.scrollTop = 0;
    this.#draw();
    this.#refresh();
  }

  /** The entries shown (filtered), in table order. */
  visible() {
    this.flush();
    return [...this.order];
  }

  /** Draws every row (for printing) or, again, only the window around the visible ones. */
  drawAll(on) {
    this.all = on;
    this.#draw();
  }

  #shown(e) {
    return this.filter === 'all' || e.status === this.filter;
  }

  #row(entry) {
    let tr = this.rows.get(entry);
    if (!tr) {
      tr = el('tr', { tabindex: '0', data: { status: entry.status } });
      // data-label: the column's name, shown before each cell where the rows are stacked (phones).
      for (const [key, label, , text] of COLUMNS) tr.append(el('td', { data: { key, label } }, String(text(entry))));
      tr.firstChild.title = entry.name;
      tr._entry = entry;
      this.rows.set(entry, tr);
    }
    return tr;
  }

  /** Puts the rows of the window around the scroll position in the table, spacers for the others. */
  #draw() {
    const n = this.order.length;
    this.table.setAttribute('aria-rowcount', String(n + 1));
    const h = this.rowHeight || 30;
    let first = 0;
    let last = n;
    if (!this.all && n > WINDOW) {
      first = Math.max(0, Math.min(n - WINDOW, Math.floor(this.scroller.scrollTop / h) - WINDOW / 3));
      last = first + WINDOW;
    }
    const rows = this.order.slice(first, last).map((e, i) => {
      const tr = this.#row(e);
      const index = String(first + i + 2);
      if (tr.getAttribute('aria-rowindex') !== index) tr.setAttribute('aria-rowindex', index);
      return tr;
    });
    this.before.hidden = first === 0;
    this.after.hidden = last === n;
    /** @type {HTMLElement} */ (this.before.firstChild).style.height = `${first * h}px`;
    /** @type {HTMLElement} */ (this.after.firstChild).style.height = `${(n - last) * h}px`;
    // The same rows in the same order (a batch adding files below the window): left in place, so
    // that the browser does not lay the table out again for every flush.
    const kids = this.tbody.children;
    const same = kids.length === rows.length + 2 && kids[0] === this.before && kids[kids.length - 1] === this.after &&
      rows.every((tr, i) => kids[i + 1] === tr);
    if (!same) this.tbody.replaceChildren(this.before, ...rows, this.after);
    if (!this.rowHeight && rows.length && !this.box.hidden) {
      this.rowHeight = rows[0].getBoundingClientRect().height || 0;
      if (this.rowHeight && n > WINDOW) this.#draw();
    }
  }

  #refresh() {
    const n = this.entries.length;
    this.box.hidden = n < 2;
    // The 对比上年 column only when a result was compared with the previous year's report.
    this.table.classList.toggle('paired', Boolean(this.paired));
    const span = COLUMNS.length - (this.paired ? 0 : 1);
    /** @type {HTMLTableCellElement} */ (this.before.firstChild).colSpan = span;
    /** @type {HTMLTableCellElement} */ (this.after.firstChild).colSpan = span;
    const by = this.by;
    for (const [key, label] of FILTERS) {
      this.filterButtons.get(key).textContent = `${label}（${key === 'all' ? n : by[key]}）`;
    }
    const shown = this.filter === 'all' ? n : by[this.filter];
    this.counts.textContent = `共 ${n} 个文件：${OUTCOMES.map((o) => `${by[o]} 个${OUTCOME_LABEL[o]}`).join('，')}` +
      (shown !== n ? `；显示 ${shown} 个` : '') + '。';
  }
}

/**
 * The batch summary's tools: exports of the files shown (`shown()`: the summary's rows, filtered) and
 * 打印汇总 (`print()`); `jump()` goes to the first report with findings.
 * @param {() => any[]} shown
 * @param {{say: (text: string) => void, print: () => void, jump: () => void}} act
 */
export function batchTools(shown, { say, print, jump }) {
  const box = el('div', { class: 'batch-tools', role: 'group', 'aria-label': '导出与打印' });
  // From the summary straight to the findings (on a phone the cards start far below).
  const go = el('button', { type: 'button', class: 'jump-findings' }, '查看问题（从最严重的报告开始）');
  go.addEventListener('click', jump);
  box.append(go);
  const csv = el('button', { type: 'button', class: 'export-csv' }, '导出问题清单（CSV）');
  csv.addEventListener('click', () => run(csv, async (x) => x.exportCsv(shown()), say));
  box.append(csv);
  if (writerAvailable) {
    const xlsx = el('button', { type: 'button', class: 'export-xlsx' }, '导出问题清单（Excel）');
    xlsx.addEventListener('click', () => run(xlsx, (x) => x.exportXlsx(shown()), say, '正在生成 Excel 文件…', () => '已导出 Excel 文件。'));
    box.append(xlsx);
  }
  const printButton = el('button', { type: 'button', class: 'print' }, '打印汇总');
  printButton.addEventListener('click', print);
  box.append(printButton);
  return box;
}
