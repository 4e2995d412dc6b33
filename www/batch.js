// The batch overview of <nianbao-check>: from two files on, one table above the cards (file, agency,
// year, format, errors, warnings, status, the previous year's report when the result was compared
// with one), sortable by each column, filtered by status, each row leading to its card; and the
// progress bar of a running batch. Text from documents goes in as text only (el()).
import { el } from './render.js';
import { statusLabel } from './exports.js';

const FILTERS = [
  ['all', '全部'], ['error', '有错误'], ['warning', '有警告'], ['rejected', '无法检查'], ['pass', '通过'],
];
const STATUS_ORDER = { error: 0, rejected: 1, warning: 2, pass: 3 };

/** The status key of a result: 'error' | 'warning' | 'rejected' | 'pass'. */
export function statusKey(result) {
  return { 有错误: 'error', 有警告: 'warning', 无法检查: 'rejected', 通过: 'pass' }[statusLabel(result)];
}

const count = (r, sev) => (r.status === 'checked' ? r.findings.filter((f) => f.severity === sev).length : null);

/** The columns: [key, header, value of an entry (for sorting), cell text]. */
const COLUMNS = [
  ['name', '文件', (e) => e.name, (e) => e.name],
  ['agency', '机关', (e) => e.result.report?.agency ?? '', (e) => e.result.report?.agency ?? '—'],
  ['year', '年度', (e) => e.result.report?.year ?? null, (e) => (e.result.report?.year != null ? String(e.result.report.year) : '—')],
  ['format', '格式', (e) => e.result.report?.format ?? '', (e) => (e.result.report?.format ? `${e.result.report.format} 年版` : '—')],
  ['errors', '错误', (e) => count(e.result, 'error'), (e) => (count(e.result, 'error') ?? '—')],
  ['warnings', '警告', (e) => count(e.result, 'warning'), (e) => (count(e.result, 'warning') ?? '—')],
  ['status', '状态', (e) => STATUS_ORDER[statusKey(e.result)], (e) => statusLabel(e.result)],
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

export class BatchOverview {
  /** @param {(entry: object) => void} open  shows an entry's card */
  constructor(open, actions) {
    this.entries = [];
    this.sort = null; // {key, dir: 1 | -1}
    this.filter = 'all';
    this.open = open;
    this.rows = new Map(); // entry → <tr>
    this.pending = []; // rows not yet in the table (added in bulk by flush())
    this.by = { error: 0, warning: 0, rejected: 0, pass: 0 };
    this.heads = new Map();
    this.filterButtons = new Map();
    const headRow = el('tr');
    for (const [key, label] of COLUMNS) {
      const button = el('button', { type: 'button', class: 'sort', data: { key } }, label);
      const th = el('th', { scope: 'col', 'aria-sort': 'none', data: { key } }, button);
      button.addEventListener('click', () => this.sortBy(key));
      this.heads.set(key, th);
      headRow.append(th);
    }
    this.tbody = el('tbody');
    this.table = el('table', { class: 'overview-table' },
      el('caption', { class: 'visually-hidden' }, '批量检查汇总（点击列标题排序，点击一行查看该文件）'), el('thead', {}, headRow), this.tbody);
    const filters = el('div', { class: 'overview-filters', role: 'group', 'aria-label': '按状态筛选' });
    for (const [key, label] of FILTERS) {
      const b = el('button', { type: 'button', class: 'filter', 'aria-pressed': key === 'all' ? 'true' : 'false', data: { filter: key } }, label);
      b.addEventListener('click', () => this.setFilter(key));
      this.filterButtons.set(key, b);
      filters.append(b);
    }
    this.counts = el('p', { class: 'overview-counts' });
    this.box = el('section', { class: 'overview', 'aria-label': '批量检查汇总', hidden: true },
      el('div', { class: 'overview-head' }, el('h2', {}, '汇总'), this.counts, actions),
      filters, el('div', { class: 'overview-scroll' }, this.table));
    this.tbody.addEventListener('click', (e) => {
      const tr = e.target instanceof Element ? e.target.closest('tr') : null;
      if (tr?._entry) this.open(tr._entry);
    });
    this.tbody.addEventListener('keydown', (e) => {
      const tr = e.target instanceof Element ? e.target.closest('tr') : null;
      if (tr?._entry && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.open(tr._entry);
      }
    });
  }

  /**
   * Adds a checked file: {name, result, card}. Its row joins the table at the next flush(): during a
   * large batch the table is laid out again only now and then, not for every file.
   */
  add(entry) {
    this.entries.push(entry);
    const status = statusKey(entry.result);
    entry.status = status;
    this.by[status]++;
    const tr = el('tr', { tabindex: '0', data: { status } });
    for (const [key, , , text] of COLUMNS) tr.append(el('td', { data: { key } }, String(text(entry))));
    tr.firstChild.title = entry.name;
    tr._entry = entry;
    this.rows.set(entry, tr);
    tr.hidden = !this.#shown(entry);
    this.pending.push(tr);
  }

  /** Puts the rows added since the last flush in the table (in the current order) and updates the counts. */
  flush() {
    if (this.pending.length) {
      this.tbody.append(...this.pending.splice(0));
      if (this.sort) this.#resort();
    }
    this.#refresh();
  }

  clear() {
    this.entries = [];
    this.pending = [];
    this.by = { error: 0, warning: 0, rejected: 0, pass: 0 };
    this.rows.clear();
    this.tbody.replaceChildren();
    this.#refresh();
  }

  /** Sorts by a column: ascending first, then descending (aria-sort says which). */
  sortBy(key) {
    this.flush();
    const dir = this.sort?.key === key ? -this.sort.dir : 1;
    this.sort = { key, dir };
    this.#resort();
  }

  #resort() {
    const { key, dir } = this.sort;
    for (const [k, th] of this.heads) th.setAttribute('aria-sort', k !== key ? 'none' : dir > 0 ? 'ascending' : 'descending');
    const value = COLUMNS.find((c) => c[0] === key)[2];
    const order = this.entries.map((e, i) => [e, value(e), i]);
    order.sort((a, b) => {
      const c = compare(a[1], b[1]);
      if (c && a[1] != null && a[1] !== '' && b[1] != null && b[1] !== '') return c * dir;
      return c || a[2] - b[2];
    });
    this.tbody.replaceChildren(...order.map(([e]) => this.rows.get(e)));
  }

  setFilter(key) {
    this.flush();
    this.filter = key;
    for (const [k, b] of this.filterButtons) b.setAttribute('aria-pressed', String(k === key));
    for (const [e, tr] of this.rows) tr.hidden = !this.#shown(e);
    this.#refresh();
  }

  /** The entries shown (filtered), in table order. */
  visible() {
    this.flush();
    return [...this.tbody.children].filter((tr) => !tr.hidden).map((tr) => tr._entry);
  }

  #shown(e) {
    return this.filter === 'all' || e.status === this.filter;
  }

  #refresh() {
    const n = this.entries.length;
    this.box.hidden = n < 2;
    const by = this.by;
    for (const [key, label] of FILTERS) {
      this.filterButtons.get(key).textContent = `${label}（${key === 'all' ? n : by[key]}）`;
    }
    const shown = this.filter === 'all' ? n : by[this.filter];
    this.counts.textContent = `共 ${n} 个文件：${by.error} 个有错误，${by.warning} 个有警告，${by.rejected} 个无法检查，${by.pass} 个通过` +
      (shown !== n ? `；显示 ${shown} 个` : '') + '。';
  }
}

/** The progress bar of a running batch: count and the file being read. */
export class Progress {
  constructor() {
    this.bar = el('progress', { max: '1', value: '0' });
    this.label = el('span', { class: 'progress-label' });
    this.box = el('div', { class: 'progress', role: 'group', 'aria-label': '检查进度', hidden: true }, this.bar, this.label);
  }

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
