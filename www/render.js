// @ts-check
// Draws one file's check result: summary card, the report tables with marked cells, findings list.
// Text from documents is only ever inserted as text nodes (see el()); never as HTML.
import { el } from './dom.js';
import { OUTCOME_LABEL, outcomeOf } from './outcome.js';
import { inTextPanel } from './narrative.js';

const TITLES = {
  2: '表二　主动公开政府信息情况',
  3: '表三　收到和处理政府信息公开申请情况',
  4: '表四　政府信息公开行政复议、行政诉讼情况',
};
const TABLE_NAMES = { 2: '表二', 3: '表三', 4: '表四' };
const SEVERITY = { error: { icon: '✖', label: '错误' }, warning: { icon: '⚠', label: '警告' } };

/** Findings of one rule from this many on are listed as one group. */
const GROUP_MIN = 6;

export { el };

const key = (c) => `${c.table}:${c.row}:${c.col}`;
const show = (q) => (q == null ? '—' : String(q));

/** Where a finding is, in words: 表三 · row labels · column labels. */
export function place(f) {
  const parts = [];
  if (f.table) parts.push(TABLE_NAMES[f.table] ?? `表${f.table}`);
  if (f.row?.length) parts.push(f.row.join(' › '));
  if (f.column?.length) parts.push(f.column.join(' › '));
  return parts.join(' · ');
}

/**
 * Renders the result of one file into a card element. `uid` makes element ids unique on the page.
 * `expand`: open the tables of a report with only warnings; `compact`: findings first, tables on demand;
 * `lazy`: the tables and findings list are built by `card._draw()`, called when the card is opened
 * (or by the caller, e.g. when the card scrolls into view); `card.dataset.drawn` is set once built.
 */
export function renderResult(file, result, uid, { expand = true, compact = false, lazy = false } = {}) {
  const card = el('article', { class: 'file-card', id: `file-${uid}`, 'aria-labelledby': `file-${uid}-name` });
  const head = el('header', { class: 'summary' }, el('h2', { id: `file-${uid}-name`, class: 'fname' }, file.name));
  card.append(head);

  if (result.status !== 'checked') {
    card.dataset.status = 'rejected';
    head.append(el('span', { class: 'badge badge-rejected' }, '无法检查'));
    const r = result.rejection ?? { code: 'unknown', message: '无法检查此文件。' };
    card.append(el('p', { class: 'rejection', role: 'alert', data: { code: r.code } }, r.message));
    return card;
  }

  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity !== 'error');
  // The badges say the report's outcome (as the status line, the summary and the exports do):
  // 通过 only when there is no finding at all.
  const outcome = outcomeOf(result);
  card.dataset.status = outcome;
  if (errors.length) head.append(el('span', { class: 'badge badge-error' }, `✖ ${errors.length} 个错误`));
  if (warnings.length) head.append(el('span', { class: 'badge badge-warning' }, `⚠ ${warnings.length} 个警告`));
  if (outcome === 'pass') head.append(el('span', { class: 'badge badge-pass' }, `✓ ${OUTCOME_LABEL.pass}`));

  const info = result.report ?? {};
  head.append(el('dl', { class: 'facts' },
    el('dt', {}, '机关'), el('dd', { class: 'agency' }, info.agency ?? '未识别'),
    el('dt', {}, '年度'), el('dd', { class: 'year' }, info.year != null ? `${info.year} 年` : '未识别'),
    el('dt', {}, '格式'), el('dd', { class: 'format' }, info.format ? `${info.format} 年版` : '未识别')));

  // Index findings by cell: every finding under its main cell, and under its culprit.
  const byCell = new Map();
  const add = (c, f) => {
    const list = byCell.get(key(c)) ?? [];
    if (!list.includes(f)) list.push(f);
    byCell.set(key(c), list);
  };
  for (const f of result.findings) {
    if (f.cells?.length) add(f.cells[0], f);
    if (f.culprit) add(f.culprit, f);
  }
  const culprits = new Set(result.findings.filter((f) => f.culprit).map((f) => key(f.culprit)));

  // The tables and the findings list, built now or (lazy) when the card is opened or scrolled to.
  const drawBody = () => {
    const tablesBox = el('div', { class: 'tables' });
    const drawn = new Set();
    const kinds = [...new Set((result.tables ?? []).map((t) => t.kind))].sort();
    for (const kind of kinds) {
      const sec = el('section', { class: 'report-table', data: { kind } },
        el('h3', {}, TITLES[kind] ?? `表${kind}`));
      for (const t of result.tables.filter((t) => t.kind === kind)) {
        sec.append(el('div', { class: 'scroll' }, drawTable(t, uid, byCell, culprits)));
        drawn.add(t.table);
      }
      tablesBox.append(sec);
    }
    return { tablesBox, list: findingsList(result.findings, uid, drawn, result.groups) };
  };

  if (compact) {
    // Compact: the summary and the findings list; the tables on demand.
    const { tablesBox, list } = drawBody();
    card.append(list,
      el('details', { class: 'detail' }, el('summary', {}, '查看表格'), el('div', { class: 'body' }, tablesBox)));
    return card;
  }
  const body = el('div', { class: 'body' });
  const draw = () => {
    if (card.dataset.drawn) return;
    card.dataset.drawn = '1';
    const { tablesBox, list } = drawBody();
    body.append(tablesBox, list);
  };
  // Reports with errors open; passing ones open only when checked on their own.
  const summary = el('summary', {}, result.findings.length ? '表格与问题' : '查看表格');
  const details = el('details', { class: 'detail', open: errors.length > 0 || (expand && result.findings.length > 0) || null },
    summary, body);
  card.append(details);
  if (lazy) {
    /** @type {any} */ (card)._draw = draw;
    // On the summary's activation (click, or Enter/Space), not on 'toggle': a details made open
    // also fires 'toggle', and an open card is drawn when it is scrolled to.
    summary.addEventListener('click', () => { if (!details.open) draw(); });
  } else {
    draw();
  }
  return card;
}

function drawTable(t, uid, byCell, culprits) {
  const table = el('table', { class: 'grid', data: { table: t.table, kind: t.kind } });
  const taken = Array.from({ length: t.rows }, () => new Array(t.cols).fill(false));
  const rows = Array.from({ length: t.rows }, () => []);
  for (const c of t.cells) if (c.row < t.rows) rows[c.row].push(c);
  const tbody = el('tbody');
  for (let r = 0; r < t.rows; r++) {
    const tr = el('tr');
    const cells = rows[r].sort((a, b) => a.col - b.col);
    let i = 0;
    for (let col = 0; col < t.cols; col++) {
      if (taken[r][col]) continue;
      const c = cells[i]?.col === col ? cells[i++] : null;
      if (!c) { // a hole in the document's grid: keep the columns aligned
        tr.append(el('td', { class: 'hole', 'aria-hidden': 'true' }));
        continue;
      }
      const rs = Math.max(1, c.row_span), cs = Math.max(1, c.col_span);
      for (let y = r; y < Math.min(t.rows, r + rs); y++)
        for (let x = col; x < Math.min(t.cols, col + cs); x++) taken[y][x] = true;
      tr.append(drawCell(t.table, c, rs, cs, uid, byCell, culprits));
    }
    tbody.append(tr);
  }
  table.append(tbody);
  return table;
}

function drawCell(tableIndex, c, rs, cs, uid, byCell, culprits) {
  const k = `${tableIndex}:${c.row}:${c.col}`;
  const text = c.text ?? '';
  const td = el('td', {
    id: `c-${uid}-${tableIndex}-${c.row}-${c.col}`,
    rowspan: rs > 1 ? rs : null,
    colspan: cs > 1 ? cs : null,
    class: /^\s*[-+]?[\d０-９][\d０-９.,，]*\s*$/.test(text) ? 'num' : null,
    data: { table: tableIndex, row: c.row, col: c.col },
  });
  const findings = byCell.get(k);
  if (!findings) {
    td.append(text);
    return td;
  }
  const sev = findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
  const culprit = culprits.has(k);
  td.classList.add(`mark-${sev}`);
  if (culprit) td.classList.add('culprit');
  td.dataset.mark = sev;
  td.tabIndex = 0;
  const words = findings.map((f) => `${SEVERITY[f.severity]?.label ?? ''} ${f.rule}：${f.message}`).join('；');
  const label = `${culprit ? '最可能出错。' : ''}${text.trim() ? `单元格内容 ${text.trim()}` : '空白单元格'}。${words}`;
  td.setAttribute('aria-label', label);
  td.title = words;
  /** @type {any} */ (td)._findings = findings;
  // The other cells each finding adds up, highlighted while the popover is shown.
  /** @type {any} */ (td)._related = [...new Set(findings.flatMap((f) => f.cells ?? []).map((r) => `c-${uid}-${r.table}-${r.row}-${r.col}`))]
    .filter((id) => id !== td.id);
  td.append(el('span', { class: 'icon', 'aria-hidden': 'true' }, SEVERITY[sev].icon), text);
  if (culprit) td.append(el('span', { class: 'culprit-badge', 'aria-hidden': 'true' }, '最可能出错'));
  return td;
}

function findingsList(all, uid, drawn, groups = []) {
  const aside = el('aside', { class: 'findings', 'aria-label': '问题清单' });
  // Each finding once: those of the 正文 panel (text, last year's report) are listed there.
  const findings = all.filter((f) => !inTextPanel(f));
  if (!findings.length) {
    if (all.length) return aside;
    aside.append(el('p', { class: 'none' }, '✓ 未发现问题。'));
    return aside;
  }
  const located = findings.filter((f) => f.cells?.length && drawn.has(f.cells[0].table));
  const notes = findings.filter((f) => !located.includes(f));
  const order = (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
  if (located.length) {
    aside.append(el('h3', {}, `问题清单（${located.length}）`));
    const ol = el('ol', { class: 'finding-list' });
    const button = (f) => {
      const c = f.cells[0];
      return el('button', {
        type: 'button',
        class: `finding finding-${f.severity}`,
        data: { target: `c-${uid}-${c.table}-${c.row}-${c.col}`, rule: f.rule },
      }, findingBody(f));
    };
    // Many findings of one rule (a table left blank gives one per cell) become one group whose
    // entries are built when it is opened: the list stays readable and the page quick to draw.
    // The contract's groups (result.groups, one line each: groups[g].message); without them (an older
    // checker), from GROUP_MIN findings of one rule on.
    const byGroup = new Map();
    for (const f of [...located].sort(order)) {
      const g = Number.isInteger(f.group) && groups?.[f.group] ? `g${f.group}` : groups?.length ? `f${byGroup.size}` : f.rule;
      byGroup.set(g, [...(byGroup.get(g) ?? []), f]);
    }
    for (const [g, group] of byGroup) {
      const info = g.startsWith('g') ? groups[Number(g.slice(1))] : null;
      if (!info && group.length < GROUP_MIN) {
        for (const f of group) ol.append(el('li', {}, button(f)));
        continue;
      }
      const rule = group[0].rule;
      const sev = SEVERITY[group[0].severity] ?? SEVERITY.warning;
      const tables = [...new Set(group.map((f) => TABLE_NAMES[f.table]).filter(Boolean))].join('、');
      const inner = el('ol', { class: 'finding-list' });
      const details = el('details', { class: `finding-group finding-${group[0].severity}`, data: { rule, count: group.length } },
        el('summary', {}, el('span', { class: 'sev' }, `${sev.icon} ${sev.label}`), ' ', el('code', { class: 'rule' }, rule), ' ',
          info?.message ? `${info.message}（展开逐条查看）` : `${tables}共 ${group.length} 处（展开逐条查看）`),
        inner);
      details.addEventListener('toggle', () => {
        if (details.open && !inner.childElementCount) for (const f of group) inner.append(el('li', {}, button(f)));
      });
      ol.append(el('li', {}, details));
    }
    aside.append(ol);
  }
  if (notes.length) {
    aside.append(el('h3', {}, `文档层面（${notes.length}）`));
    const ul = el('ul', { class: 'finding-list notes' });
    for (const f of [...notes].sort(order)) {
      ul.append(el('li', { class: `finding finding-${f.severity}`, data: { rule: f.rule } }, findingBody(f)));
    }
    aside.append(ul);
  }
  return aside;
}

function findingBody(f) {
  const sev = SEVERITY[f.severity] ?? SEVERITY.warning;
  const where = place(f);
  return [
    el('span', { class: 'sev' }, `${sev.icon} ${sev.label}`), ' ',
    el('code', { class: 'rule' }, f.rule), ' ',
    where ? el('span', { class: 'where' }, where) : null,
    el('span', { class: 'msg' }, f.message),
  ];
}

/** Fills the shared popover with the findings of one marked cell. */
export function fillPopover(pop, td) {
  pop.replaceChildren();
  if (td.classList.contains('culprit')) pop.append(el('p', { class: 'culprit-note' }, '★ 此单元格最可能出错'));
  const here = [td.dataset.table, td.dataset.row, td.dataset.col].join(':');
  for (const f of td._findings ?? []) {
    const sev = SEVERITY[f.severity] ?? SEVERITY.warning;
    const main = f.cells?.[0];
    // Expected/actual belong to the finding's main cell; name it when that is another cell
    // (e.g. the （七）总计 of a column rule shown on the culprit cell).
    const elsewhere = main && [main.table, main.row, main.col].join(':') !== here;
    const mainName = [f.row?.at(-1), f.column?.at(-1)].filter(Boolean).join('·');
    pop.append(el('div', { class: `pop-item pop-${f.severity}` },
      el('p', { class: 'pop-head' }, `${sev.icon} ${sev.label} `, el('code', {}, f.rule)),
      el('p', { class: 'pop-msg' }, f.message),
      f.expected != null
        ? el('p', { class: 'pop-values' },
          elsewhere && mainName ? el('span', { class: 'pop-main' }, `「${mainName}」`) : null,
          '应为 ', el('strong', { class: 'expected' }, show(f.expected)),
          '，实为 ', el('strong', { class: 'actual' }, show(f.actual)))
        : f.actual != null && f.actual !== ''
          ? el('p', { class: 'pop-values' }, '单元格内容：', el('strong', { class: 'actual' }, show(f.actual)))
          : null));
  }
}
