// @ts-check
// The "正文" panel of a result card: every finding that points at text (the narrative rules TX.*,
// the structure and date rules S.*) shows its sentence with the statement highlighted, linked to the
// cell(s) the finding names; a cross-year finding says which file and cell of last year it compares
// with. Also the text part of a marked cell's popover. Sentences are document text: they go in as text
// nodes (and <mark> elements holding text nodes), never as HTML.
import { el as h } from './dom.js';

const SEVERITY = { error: { icon: '✖', label: '错误' }, warning: { icon: '⚠', label: '警告' } };
const TABLE_NAMES = { 2: '表二', 3: '表三', 4: '表四' };

const chars = (s) => Array.from(s ?? '');

/**
 * Where the statement is inside its sentence: [start, end) in characters, or null. A location's
 * start/end count in the whole paragraph, and the sentence may start later in it: the span is the
 * statement the message quotes (“…”) when the sentence holds it, else a figure of the finding
 * (expected or actual) written as a count, else the paragraph offsets when the span there is a count.
 */
export function spanIn(sentence, loc, finding) {
  const s = chars(sentence);
  const text = s.join('');
  const len = loc.end - loc.start;
  const quoted = [...(finding.message ?? '').matchAll(/“([^”]{1,200})”/g)].map((m) => m[1]).filter((q) => text.includes(q));
  const best = quoted.find((q) => chars(q).length === len) ?? quoted[0];
  const at = (sub) => {
    const i = text.indexOf(sub);
    const start = chars(text.slice(0, i)).length;
    return [start, start + chars(sub).length];
  };
  if (best) return at(best);
  // The TX rules give the text's figure as `expected` and the table's as `actual`: either, as a count.
  for (const q of [finding.expected, finding.actual]) {
    if (typeof q !== 'number' || !Number.isInteger(q)) continue;
    const m = new RegExp(`(?<![\\d.])${q}(?![\\d.])\\s*[件条份起个次宗]`).exec(text);
    if (m) return at(m[0]);
  }
  // The paragraph offsets hold only when the sentence starts the paragraph: used when the span there
  // is a count (a numeral and its unit), which a misplaced span seldom is.
  if (len > 0 && loc.end <= s.length) {
    const piece = s.slice(loc.start, loc.end).join('');
    if (/[\d０-９零〇一二两三四五六七八九十百千万]+\s*[件条份起个次宗]/.test(piece)) return [loc.start, loc.end];
  }
  return null;
}

/**
 * The sentence as a node: text with the statement in a <mark>.
 * @param {any} loc @param {any} finding @param {keyof HTMLElementTagNameMap} [tag]
 */
export function sentenceNode(loc, finding, tag = 'q') {
  const s = chars(loc.sentence);
  const span = spanIn(loc.sentence, loc, finding);
  const node = h(tag, { class: 'sentence' });
  if (!span) {
    node.append(loc.sentence ?? '');
    return node;
  }
  node.append(s.slice(0, span[0]).join(''), h('mark', {}, s.slice(span[0], span[1]).join('')), s.slice(span[1]).join(''));
  return node;
}

/**
 * Last year's cell a cross-year finding compares with, in words: file, the cell's name by its
 * table's row and column labels (the core names it: result.previous.cells) and its value. `info`:
 * the result's `previous`; `previous`: {name, result} of last year's report on the page, or null.
 * @param {any} loc @param {any} finding @param {any} info @param {any} previous
 */
export function previousCellText(loc, finding, info, previous) {
  const file = info?.file ?? previous?.name ?? '上一年度报告';
  const year = info?.year != null ? `（${info.year} 年）` : '';
  const parts = [`${file}${year}`];
  const named = (info?.cells ?? []).find((/** @type {any} */ c) => c.table === loc.table && c.row === loc.row && c.col === loc.col);
  if (named) {
    parts.push(named.name);
    parts.push(`为 ${named.text || '空白'}`);
  } else if (finding.table) {
    // Not a number cell the core could name (it always names those): the table only.
    parts.push(TABLE_NAMES[finding.table] ?? '表格');
  }
  return parts.join(' ');
}

/**
 * Whether a finding is shown in the 正文 panel (it points at text or at last year's report): the
 * card's findings list then leaves it out, so that each finding is shown once.
 * @param {any} f
 */
export const inTextPanel = (f) => (f.locations ?? []).some((/** @type {any} */ l) => l.kind === 'text' || l.doc === 1);

/**
 * The 正文 panel of one result card (null when no finding points at text or at last year's report).
 * `uid`: the card's id number (cell ids are c-uid-table-row-col); `previous`: {name, result, uid} of
 * last year's report when it is on the page; `open(cellId)` draws the card that holds a cell (its
 * tables may be drawn lazily) before the element's own handler flashes it (button.finding).
 */
export function textPanel(result, uid, { previous = null, open = () => {} } = {}) {
  const shown = (result.findings ?? []).filter(inTextPanel);
  if (!shown.length) return null;
  const order = (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
  const list = h('ol', { class: 'text-list' });
  for (const f of [...shown].sort(order)) {
    const sev = SEVERITY[f.severity] ?? SEVERITY.warning;
    const item = h('li', { class: `text-item text-${f.severity}`, data: { rule: f.rule } },
      h('p', { class: 'text-head' }, h('span', { class: 'sev' }, `${sev.icon} ${sev.label}`), ' ', h('code', { class: 'rule' }, f.rule), ' ',
        h('span', { class: 'msg' }, f.message)));
    for (const loc of f.locations) {
      if (loc.kind === 'text') {
        const label = loc.doc === 1 ? `上一年度报告（${result.previous?.file ?? '未命名'}）正文：` : '正文：';
        item.append(h('p', { class: `text-sentence${loc.doc === 1 ? ' text-previous' : ''}` }, label, sentenceNode(loc, f)));
      } else if (loc.doc === 1) {
        const words = previousCellText(loc, f, result.previous, previous);
        const target = previous ? `c-${previous.uid}-${loc.table}-${loc.row}-${loc.col}` : null;
        item.append(h('p', { class: 'text-previous' }, '对比：',
          target ? cellButton(target, `上一年度 ${words}`, open) : h('span', {}, `上一年度 ${words}`)));
      }
    }
    const cell = f.cells?.[0];
    if (cell) {
      const here = [f.row?.at(-1), f.column?.at(-1)].filter(Boolean).join('·');
      const name = `${TABLE_NAMES[f.table] ?? '表格'}${here ? `「${here}」` : ''}`;
      item.append(h('p', { class: 'text-cell' }, cellButton(`c-${uid}-${cell.table}-${cell.row}-${cell.col}`, `查看单元格：${name}`, open)));
    }
    list.append(item);
  }
  return h('section', { class: 'text-findings', 'aria-label': '正文中的问题' }, h('h3', {}, `正文与跨年度对比（${shown.length}）`), list);
}

function cellButton(target, text, open) {
  const b = h('button', { type: 'button', class: 'finding text-link', data: { target } }, text);
  // Runs before the element's handler (on the results list) that scrolls to the cell and flashes it.
  b.addEventListener('click', () => open(target));
  return b;
}

/**
 * Adds the sentences of a marked cell's findings (and last year's file) to its popover.
 * @param {HTMLElement} pop @param {any[] | undefined} findings @param {(finding: any) => any} [previousOf]
 */
export function popoverText(pop, findings, previousOf = () => null) {
  const items = pop.querySelectorAll('.pop-item');
  (findings ?? []).forEach((f, i) => {
    const box = items[i];
    if (!box) return;
    for (const loc of f.locations ?? []) {
      if (loc.kind === 'text') {
        box.append(h('p', { class: 'pop-text' }, loc.doc === 1 ? '上一年度正文：' : '正文：', sentenceNode(loc, f)));
      } else if (loc.doc === 1) {
        const prev = previousOf(f);
        box.append(h('p', { class: 'pop-text' }, `对比：上一年度 ${previousCellText(loc, f, prev?.info, prev)}`));
      }
    }
  });
}
