// @ts-check
// Two years side by side and the report kind, on the page: which file of the page is last year's
// report of a file (the core's batch engine decides, as for the command line: the same agency and the
// year before, one distinct such report; a likely one is offered), and each card's tools: the report kind for the
// deadline rule (报告类型), "加入上一年度报告对比" (choose last year's file), and which file the report
// was compared with. Document text goes in as text only.
import { el as h } from './dom.js';

const ACCEPT = '.docx,.doc,.wps,.html,.htm,.mht,.mhtml,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The engine's description of a file record: {name, digest, reports: [{agency, year}]}. */
function describe(rec) {
  return {
    name: rec.name,
    digest: rec.digest ?? '',
    reports: (rec.results ?? []).map((r) => (r.status === 'checked'
      ? { agency: r.report?.agency ?? null, year: Number.isInteger(r.report?.year) ? r.report.year : null, consolidated: !!r.report?.kind?.consolidated }
      : {})),
  };
}

const sameList = (a = [], b = []) => a.length === b.length && a.every((x, i) => x === b[i]);
const union = (lists) => [...new Set(lists.flat())];

/**
 * Asks the core's batch engine (`plan`: nianbao.js planBatch) about `records` (the page's files, in
 * page order) and records its answer on each: `rec.sameYear` (M.DUPYEAR), `rec.ambiguous` (several last
 * years: compared with none), `rec.likely` ([{rec, name, agency, year}]: offered, not paired) and, unless
 * the user chose last year's file, `rec.previous` ({file, name, explicit: false, rec}). Resolves to the
 * records whose pairing or notes changed (to be checked again). The page does not pair on its own.
 */
export async function planRecords(records, plan) {
  if (!records.length) return [];
  const plans = await plan(records.map(describe));
  const changed = [];
  records.forEach((rec, i) => {
    const reports = plans[i] ?? [];
    const sameYear = union(reports.map((p) => p.same_year ?? []));
    const ambiguous = union(reports.map((p) => p.previous_ambiguous ?? []));
    const likely = [];
    for (const l of reports.flatMap((p) => p.likely_previous ?? [])) {
      const other = records[l.file];
      if (other && other !== rec && !likely.some((x) => x.rec === other)) likely.push({ rec: other, name: l.name, agency: l.agency, year: l.year });
    }
    // Consolidation (M.HIER): a consolidated report's units, a unit's consolidated report.
    const units = reports.flatMap((p) => p.units ?? []).map((u) => ({ rec: records[u.file], name: u.name, report: u.report })).filter((u) => u.rec && u.rec !== rec);
    const byRef = reports.map((p) => p.consolidated_by).find(Boolean);
    const prevRef = reports.map((p) => p.previous).find(Boolean);
    const prev = prevRef ? records[prevRef.file] ?? null : null;
    let again = !sameList(sameYear, rec.sameYear) || !sameList(ambiguous, rec.ambiguous)
      || !sameList(likely.map((l) => l.name), (rec.likely ?? []).map((l) => l.name))
      || !sameList(units.map((u) => u.name), (rec.units ?? []).map((u) => u.name))
      || (byRef?.name ?? null) !== (rec.consolidatedBy?.name ?? null);
    rec.units = units;
    rec.consolidatedBy = byRef ? { rec: records[byRef.file] ?? null, name: byRef.name } : null;
    rec.sameYear = sameYear;
    rec.ambiguous = ambiguous;
    rec.likely = likely;
    if (!rec.previous?.explicit && prev !== (rec.previous?.rec ?? null)) {
      rec.previous = prev ? { file: prev.file, name: prev.name, explicit: false, rec: prev } : null;
      again = true;
    }
    if (again) changed.push(rec);
  });
  return changed;
}

/** What the engine said of a record, as checkWithBytes takes it (the check names them: M.DUPYEAR, M.PAIR). */
export function notesOf(rec) {
  const list = (l) => (l?.length ? l : undefined);
  return {
    sameYear: list(rec.sameYear),
    previousAmbiguous: rec.previous ? undefined : list(rec.ambiguous),
    likelyPrevious: rec.previous ? undefined : list((rec.likely ?? []).map((l) => l.name)),
    units: list((rec.units ?? []).map((u) => ({ file: u.rec.file, name: u.name, report: u.report }))),
  };
}

/** The card's title: the file name, and which report of the file when it holds several. */
export function reportTitle(name, result) {
  const n = result?.report?.count ?? 1;
  return n > 1 ? `${name}（第 ${(result.report.index ?? 0) + 1}/${n} 份年报）` : name;
}

/**
 * The tools of one report card. `rec`: the file record {file, name, kind, previous: {file, name,
 * explicit} | null}; `kinds`: [{id, label}] of the core; `act.kind(id | '')` re-checks the file with
 * that kind, `act.previous(File | null, rec?)` with that file (of that record of the page, if any) as last year's
 * report (null: drop the pair).
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
    // A pair the checker doubts (another agency): said here, beside the pair; its cross-year findings are warnings.
    const doubt = result.findings.find((f) => f.rule === 'M.PAIR')?.message;
    if (doubt) box.append(h('p', { class: 'paired-warning', role: 'note' }, `注意：${doubt}（跨年度核对的问题只作为警告）`));
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
  // Consolidation (M.HIER): the group this report belongs to.
  if (rec.units?.length) {
    const names = rec.units.map((u) => `「${u.name}」`);
    box.append(h('p', { class: 'hier-group', data: { count: rec.units.length } },
      `汇总核对：本报告为汇总报告，已与本批 ${rec.units.length} 份下属单位报告对比（${names.slice(0, 20).join('、')}${names.length > 20 ? ' 等' : ''}）；下属单位之和不应超过汇总数。`));
  } else if (rec.consolidatedBy) {
    box.append(h('p', { class: 'hier-unit' }, `汇总核对：本报告已计入汇总报告「${rec.consolidatedBy.name}」的核对。`));
  }
  if (!p && !rec.previous?.explicit && rec.likely?.length) {
    // Only likely last year's report (a near agency name): offered, not paired.
    for (const l of rec.likely.slice(0, 3)) {
      const what = [l.year != null ? `${l.year} 年` : null, l.agency].filter(Boolean).join('，');
      const offer = h('button', { type: 'button', class: 'pair-likely' }, '与此报告对比');
      offer.addEventListener('click', () => act.previous(l.rec.file, l.rec));
      box.append(h('p', { class: 'paired paired-likely', data: { file: l.name } },
        `「${l.name}」${what ? `（${what}）` : ''}可能是本机关上一年度的报告（机关名称相近），未自动对比。`, ' ', offer));
    }
  }
  return box;
}
