// @ts-check
// Two years side by side and the report kind, on the page: which file of the page is last year's
// report of a file (the same agency, as the core keys it, and the year before; the first such file in
// the page's order, as the command line pairs a batch), and each card's tools: the report kind for the
// deadline rule (报告类型), "加入上一年度报告对比" (choose last year's file), and which file the report
// was compared with. Document text goes in as text only.
import { el as h } from './dom.js';

const ACCEPT = '.docx,.doc,.wps,.html,.htm,.mht,.mhtml,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The (agency key, year) of each report of a file record: [[key, year]] (checked reports only). */
function keysOf(rec) {
  return (rec.results ?? []).map((r, i) => [rec.keys?.[i] ?? null, r.status === 'checked' ? r.report?.year ?? null : null])
    .filter(([k, y]) => k && Number.isInteger(y));
}

/**
 * The names of the other records of `records` holding a report of the same agency key and year as
 * one of rec's reports (M.DUPYEAR), in page order; [] when there is none.
 */
export function findSameYear(rec, records) {
  const mine = keysOf(rec);
  if (!mine.length) return [];
  const out = [];
  for (const other of records) {
    if (other === rec || other.file === rec.file) continue;
    const theirs = keysOf(other);
    if (mine.some(([k, y]) => theirs.some(([k2, y2]) => k2 === k && y2 === y))) out.push(other.name);
  }
  return out;
}

/**
 * Last year's file for `rec` among `records` (page order): the first other record holding a report of
 * the same agency key one year earlier than one of rec's reports; null when there is none.
 */
export function findPrevious(rec, records) {
  const mine = keysOf(rec);
  if (!mine.length) return null;
  for (const other of records) {
    if (other === rec || other.file === rec.file) continue;
    const theirs = keysOf(other);
    if (mine.some(([k, y]) => theirs.some(([k2, y2]) => k2 === k && y2 === y - 1))) return other;
  }
  return null;
}

/** The card's title: the file name, and which report of the file when it holds several. */
export function reportTitle(name, result) {
  const n = result?.report?.count ?? 1;
  return n > 1 ? `${name}（第 ${(result.report.index ?? 0) + 1}/${n} 份年报）` : name;
}

/**
 * The tools of one report card. `rec`: the file record {file, name, kind, previous: {file, name,
 * explicit} | null}; `kinds`: [{id, label}] of the core; `act.kind(id | '')` re-checks the file with
 * that kind, `act.previous(File | null)` with that file as last year's report (null: drop the pair).
 * Null for a file that could not be checked.
 */
export function reportTools(result, rec, kinds, act) {
  if (result.status !== 'checked') return null;
  const box = h('div', { class: 'report-tools', role: 'group', 'aria-label': '报告类型与跨年度对比' });
  const info = result.report?.kind;
  const select = h('select', { class: 'kind-select', 'aria-label': '报告类型（决定发布时限）' },
    h('option', { value: '' }, info && !info.by_user ? `自动判断（${info.label}）` : '自动判断'),
    ...kinds.map((k) => h('option', { value: k.id }, k.label)));
  select.value = rec.kind ?? '';
  if (info?.reason && !info.by_user) select.title = info.reason;
  select.addEventListener('change', () => act.kind(select.value));
  box.append(h('label', { class: 'kind' }, '报告类型：', select));

  const picker = h('input', { type: 'file', accept: ACCEPT, hidden: true, class: 'previous-picker' });
  const add = h('button', { type: 'button', class: 'add-previous' }, rec.previous?.explicit ? '更换上一年度报告' : '加入上一年度报告对比');
  add.addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    const f = picker.files?.[0];
    picker.value = '';
    if (f) act.previous(f);
  });
  box.append(add, picker);

  const p = result.previous;
  if (p) {
    const what = [p.year != null ? `${p.year} 年` : null, p.agency].filter(Boolean).join('，');
    const line = h('p', { class: 'paired', data: { file: p.file ?? '' } },
      `已与上一年度报告「${p.file ?? '未命名'}」${what ? `（${what}）` : ''}对比${p.explicit ? '' : '（同一机关相邻年度，自动配对）'}。`);
    if (rec.previous?.explicit) {
      const drop = h('button', { type: 'button', class: 'drop-previous' }, '取消对比');
      drop.addEventListener('click', () => act.previous(null));
      line.append(' ', drop);
    }
    box.append(line);
  } else if (rec.previous?.explicit) {
    // The chosen file could not be compared (not a report, not the year before…): M.PAIR says why.
    const why = result.findings.find((f) => f.rule === 'M.PAIR')?.message;
    const line = h('p', { class: 'paired paired-failed', data: { file: rec.previous.name ?? '' } },
      `未能与所选的上一年度报告「${rec.previous.name ?? '未命名'}」对比${why ? `：${why}` : '。'}`);
    const drop = h('button', { type: 'button', class: 'drop-previous' }, '取消对比');
    drop.addEventListener('click', () => act.previous(null));
    line.append(' ', drop);
    box.append(line);
  }
  return box;
}
