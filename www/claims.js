// @ts-check
// The "正文核对" list of a result card: every statement the prose reader read (result.claims, see
// docs/CONTRACT.md "Claims") with what it was compared with — agreements too ("正文 21 件 = 表三… 21 件
// ✓") — so that a user sees what was checked. Sentences are document text: they go in as text nodes
// (and <mark> elements holding text nodes), never as HTML.
import { el as h } from './dom.js';

const chars = (/** @type {string | undefined} */ s) => Array.from(s ?? '');

/** What the text says: "21 件", or the statement's name for statements without a number. */
/** @param {any} c a claim of result.claims */
function said(c) {
  return c.value != null ? `${c.value} ${c.unit ?? '件'}` : `“${c.label}”`;
}

/** One line: 正文 21 件 = 表三… 21 件 ✓ / ≠ … ✗ / not compared (and why). */
/** @param {any} c a claim of result.claims */
export function claimLine(c) {
  if (c.agrees == null) {
    const why = c.part ? '其中一部分，不与表格总数直接比较'
      : c.other_year ? '不是本年度的数字，未比较'
        : '未与表格比较';
    return c.value != null ? `正文 ${said(c)}（${c.label}）：${why}` : `正文${said(c)}：${why}`;
  }
  const table = `${c.figure} ${c.table_value} 件`;
  return c.agrees ? `正文 ${said(c)} = ${table} ✓` : `正文 ${said(c)} ≠ ${table} ✗`;
}

/** The sentence with the statement marked (offsets are characters of the paragraph). */
/** @param {any} c a claim of result.claims */
function sentenceNode(c) {
  const s = chars(c.sentence);
  const from = Math.max(0, Math.min(s.length, c.start - c.sentence_start));
  const to = Math.max(from, Math.min(s.length, c.end - c.sentence_start));
  return h('q', { class: 'sentence' }, s.slice(0, from).join(''), h('mark', {}, s.slice(from, to).join('')), s.slice(to).join(''));
}

/**
 * The 正文核对 section of one result card (null when the prose states nothing the reader reads).
 * `uid`: the card's id number (cell ids are c-uid-table-row-col); `open(cellId)` draws the card that
 * holds a cell before the button's own handler (button.finding on the results list) flashes it.
 * @param {any} result
 * @param {number} uid
 * @param {{ open?: (cellId: string) => void }} [options]
 */
export function claimsPanel(result, uid, { open = () => {} } = {}) {
  const claims = result.claims ?? [];
  if (!claims.length) return null;
  const agree = claims.filter((c) => c.agrees === true).length;
  const differ = claims.filter((c) => c.agrees === false).length;
  const list = h('ol', { class: 'claim-list' });
  for (const c of claims) {
    const state = c.agrees == null ? 'unchecked' : c.agrees ? 'agree' : 'differ';
    const item = h('li', { class: `claim-item claim-${state}`, data: { subject: c.subject, state } },
      h('p', { class: 'claim-line' }, claimLine(c), c.rule ? [' ', h('code', { class: 'rule' }, c.rule)] : null),
      h('p', { class: 'claim-sentence' }, '正文：', sentenceNode(c)));
    const cell = c.cells?.[0];
    if (cell) {
      const target = `c-${uid}-${cell.table}-${cell.row}-${cell.col}`;
      const b = h('button', { type: 'button', class: 'finding text-link', data: { target } }, '查看单元格');
      b.addEventListener('click', () => open(target));
      item.append(h('p', { class: 'claim-cell' }, b));
    }
    list.append(item);
  }
  const summary = `正文核对（读到 ${claims.length} 处陈述：${agree} 处与表格一致，${differ} 处不一致）`;
  return h('details', { class: 'claims', open: differ > 0 }, h('summary', {}, summary), list);
}
