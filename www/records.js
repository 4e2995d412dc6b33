// @ts-check
// The records of <nianbao-check>: one per file ({file, name, kind, previous, sameYear, results, keys,
// digest, entries, seq}, and what the core's batch engine said: ambiguous, likely, units,
// consolidatedBy), each with one card entry per report of the file ({name, size, result, bytes, card,
// rec, uid}); the counts by card status; pairing with last year's report on the page and the re-check
// of a file when its kind or its pair changes (its new cards put in place of the old ones).
import { checkWithBytes, planBatch } from './nianbao.js';
import { renderResult } from './render.js';
import { cardTools } from './actions.js';
import { notesOf, planRecords, reportTitle, reportTools } from './pairing.js';
import { textPanel } from './narrative.js';
import { claimsPanel } from './claims.js';

let uid = 0; // card ids stay unique across all elements of the page

/** @typedef {HTMLElement & {_draw?: () => void, _wake?: () => void, _woken?: boolean}} Card */
/** @typedef {{name: string, size: number, result: any, bytes: Uint8Array | null, card: Card, rec: FileRecord, uid: number, status?: string}} Entry */
/**
 * @typedef {object} FileRecord
 * @property {File} file
 * @property {string} name
 * @property {string | null} kind  the report kind the user chose (null: inferred)
 * @property {{file: File, name: string, explicit: boolean, rec: FileRecord | null} | null} previous  last year's file
 * @property {string[]} sameYear  other files of the page with the same agency and year
 * @property {any[]} results
 * @property {any[]} keys
 * @property {string | null} [digest]  the file's digest (identical files count once)
 * @property {string[]} [ambiguous]  several distinct last years (compared with none)
 * @property {{rec: FileRecord, name: string, agency: string | null, year: number | null}[]} [likely]  likely last years, offered
 * @property {{rec: FileRecord, name: string, report: number}[]} [units]  a consolidated report's units (M.HIER)
 * @property {{rec: FileRecord | null, name: string} | null} [consolidatedBy]  a unit's consolidated report
 * @property {Entry[]} entries
 * @property {number} seq
 */
/**
 * @typedef {object} Host  what the records need of the element
 * @property {ShadowRoot} root
 * @property {HTMLElement} results  the list of cards
 * @property {import('./summary.js').Overview} overview
 * @property {{observe(card: Element): void}} drawer  draws an open card's tables when it is scrolled to
 * @property {import('./popover.js').Popover} popover
 * @property {() => boolean} compact
 * @property {() => {id: string, label: string}[]} kinds
 * @property {(text: string) => void} say
 * @property {(card: Element) => void} print  prints one card
 * @property {() => void} settled  a file checked again on its own: status line and verdict
 * @property {(detail: object) => void} emit  the nianbao-result event
 */

export class Records {
  /** @type {FileRecord[]} */
  files = [];
  /** @type {Entry[]} every card shown, in page order */
  entries = [];
  /** Cards by outcome (data-status). */
  counts = { total: 0, error: 0, warning: 0, rejected: 0, pass: 0 };

  /** @param {Host} host */
  constructor(host) {
    this.host = host;
  }

  /** Forgets every record and card (the caller empties the list). */
  reset() {
    this.entries = [];
    this.files = [];
    this.host.overview.clear();
    this.counts = { total: 0, error: 0, warning: 0, rejected: 0, pass: 0 };
  }

  /** Counts a card in (+1) or out (-1). @param {Card} card @param {number} by */
  count(card, by) {
    this.counts.total += by;
    const k = /** @type {import('./outcome.js').Outcome} */ (card.dataset.status);
    this.counts[k] += by;
  }

  /**
   * A new record for a checked file.
   * @param {File} file @param {any[]} results @param {any[]} keys @param {string | null} [digest]
   * @returns {FileRecord}
   */
  add(file, results, keys, digest = null) {
    /** @type {FileRecord} */
    const rec = { file, name: file.name, kind: null, previous: null, sameYear: [], results, keys, digest, entries: [], seq: 0 };
    this.files.push(rec);
    return rec;
  }

  /**
   * The cards of a file record's reports. `lazy`: the tables are drawn by `card._draw()` (render.js);
   * `defer`: the rest of the card below its summary (report tools, 正文 panels, exports) is built by
   * `card._wake()`, when the card comes near the screen or is opened. In a large batch most cards are
   * never seen, and their form controls are costly: the browser's autofill looks at every <select> and
   * <input> put into the page, a forced style and layout of the page each time (the main thread's
   * largest cost in a batch of hundreds of files before these were deferred).
   * @param {FileRecord} rec @param {Uint8Array | null} bytes @param {{expand: boolean, lazy: boolean, defer?: boolean}} opts
   * @returns {Entry[]}
   */
  cardsFor(rec, bytes, { expand, lazy, defer = false }) {
    const { say } = this.host;
    rec.entries = rec.results.map((result) => {
      const id = ++uid;
      const name = reportTitle(rec.name, result);
      const card = /** @type {Card} */ (renderResult({ name, size: rec.file.size }, result, id, { expand, compact: this.host.compact(), lazy }));
      // The bytes are kept for the annotated copy only when there is something to annotate.
      /** @type {Entry} */
      const entry = { name, size: rec.file.size, result, bytes: result.findings?.length ? bytes : null, card, rec, uid: id };
      card._wake = () => {
        if (card._woken) return;
        card._woken = true;
        this.#dress(entry, say);
      };
      if (!defer) card._wake();
      return entry;
    });
    return rec.entries;
  }

  /** Builds a card's parts below its summary (see cardsFor). @param {Entry} entry @param {(text: string) => void} say */
  #dress(entry, say) {
    const { card, result, rec, uid: id } = entry;
    const tools = reportTools(result, rec, this.host.kinds(), {
      kind: (/** @type {string} */ kind) => { rec.kind = kind || null; this.recheck(rec); },
      previous: (/** @type {File | null} */ file, /** @type {FileRecord | null} */ other = null) => {
        rec.previous = file ? { file, name: other?.name ?? file.name, explicit: true, rec: other } : null;
        this.recheck(rec).then(() => this.pairAuto());
      },
    });
    const panel = textPanel(result, id, { previous: this.previousEntry(entry), open: (target) => this.openCell(target) });
    const claims = claimsPanel(result, id, { open: (target) => this.openCell(target) });
    if (tools) card.querySelector('header.summary')?.after(tools);
    // The tables and their findings (errors first) come first; the 正文 panel after them.
    const after = card.querySelector(':scope > aside.findings') ?? card.querySelector(':scope > details.detail') ?? card.lastElementChild;
    // The 正文 panel, then the 正文核对 list of what the prose reader read.
    if (panel || claims) after?.after(...[panel, claims].filter((x) => x != null));
    // A file that could not be checked has nothing to export or print.
    if (result.status === 'checked') card.append(cardTools(entry, { say, print: () => this.host.print(card) }));
  }

  /** Last year's report on the page that an entry was compared with: {name, result, uid, info} or null. @param {Entry} entry */
  previousEntry(entry) {
    const p = entry.result.previous;
    const prev = entry.rec.previous?.rec;
    if (!p || !prev) return null;
    const e = prev.entries.find((x) => (x.result.report?.index ?? 0) === (p.report ?? 0)) ?? prev.entries[0];
    return e ? { name: prev.name, result: e.result, uid: e.uid, info: p } : null;
  }

  /** @param {Element | null} card @param {any} finding */
  previousOf(card, finding) {
    const entry = this.entries.find((e) => e.card === card);
    if (!entry?.result.findings.includes(finding)) return null;
    return this.previousEntry(entry) ?? { info: entry.result.previous };
  }

  /** Draws the card holding a cell (its tables may be drawn lazily) and opens its tables. @param {string} target */
  openCell(target) {
    const id = target.split('-')[1];
    const card = /** @type {Card | null} */ (this.host.root.getElementById(`file-${id}`));
    card?.querySelector('details.detail')?.setAttribute('open', '');
    card?._wake?.();
    card?._draw?.();
  }

  /**
   * Asks the core's batch engine which file of the page is last year's of which, and which are a
   * consolidated report's units (pairing.js, planRecords); re-checks those whose pair or notes changed,
   * each once beside its one previous file (so a large batch costs at most one more check per file). A
   * file paired by the user keeps its pair. Duplicates (M.DUPYEAR), an undecidable or a likely last year
   * (M.PAIR) and a consolidated report's units (M.HIER) are named in the same re-check.
   */
  async pairAuto(inBatch = false) {
    /** @type {FileRecord[]} */
    let changed = [];
    try {
      changed = await planRecords(this.files, planBatch);
    } catch (e) {
      console.error(e);
    }
    await Promise.all(changed.map((rec) => this.recheck(rec, inBatch)));
  }

  /** Checks a file again (its kind, its previous year's file) and puts the new cards in place of its old ones. @param {FileRecord} rec */
  async recheck(rec, inBatch = false) {
    const host = this.host;
    const seq = ++rec.seq;
    host.say(`正在重新检查 ${rec.name}…`);
    for (const e of rec.entries) e.card.setAttribute('aria-busy', 'true');
    const out = await checkWithBytes(rec.file, {
      kind: rec.kind ?? undefined, previous: rec.previous?.file, previousName: rec.previous?.name, ...notesOf(rec),
    });
    if (seq !== rec.seq || !this.files.includes(rec)) return;
    // The page paired these itself (a batch pair, not a file the user named): as the contract says it.
    if (rec.previous && !rec.previous.explicit) for (const r of out.results) if (r.previous) r.previous.explicit = false;
    const old = rec.entries;
    if (old.some((e) => host.popover.within(e.card))) host.popover.hide(true);
    // The control the user worked (the kind select, a button) keeps the focus in the new card.
    const active = host.root.activeElement;
    const refocus = active && old.some((e) => e.card.contains(active)) ? ['select.kind-select', 'button.add-previous'].find((q) => active.matches(q)) : null;
    const wasOpen = old.some((e) => e.card.querySelector('details.detail[open]'));
    const wasDrawn = old.some((e) => e.card.dataset.drawn);
    rec.results = out.results;
    rec.keys = out.keys;
    rec.digest = out.digest ?? rec.digest;
    // Drawn (and built) now when the old card was; otherwise (a large batch) when scrolled to, like the others.
    const wasWoken = !old.length || old.some((e) => e.card._woken);
    const made = this.cardsFor(rec, out.bytes, { expand: wasOpen, lazy: true, defer: !wasWoken });
    for (const e of made) {
      const open = !!e.card.querySelector('details.detail[open]');
      if (open && wasDrawn) e.card._draw?.();
      if ((open && !wasDrawn) || !e.card._woken) host.drawer.observe(e.card);
    }
    const at = old.length ? this.entries.indexOf(old[0]) : -1;
    for (const e of made) {
      if (old[0]?.card.isConnected) old[0].card.before(e.card);
      else host.results.append(e.card);
      this.count(e.card, 1);
    }
    for (const e of old) {
      e.card.remove();
      this.count(e.card, -1);
      const i = this.entries.indexOf(e);
      if (i >= 0) this.entries.splice(i, 1);
    }
    this.entries.splice(at >= 0 ? at : this.entries.length, 0, ...made);
    if (refocus) /** @type {HTMLElement | null} */ (made[0]?.card.querySelector(refocus))?.focus();
    host.overview.clear();
    for (const e of this.entries) host.overview.add(e);
    host.overview.flush();
    // The later files compared with this one point at its new cards.
    for (const other of this.files) {
      if (other !== rec && other.previous?.rec === rec) {
        for (const e of other.entries) {
          const panel = e.card.querySelector('.text-findings');
          const fresh = textPanel(e.result, e.uid, { previous: this.previousEntry(e), open: (t) => this.openCell(t) });
          if (panel && fresh) panel.replaceWith(fresh);
        }
      }
    }
    // A file checked again on its own (its kind, last year's report): the verdict of what is shown.
    if (!inBatch) host.settled();
    host.emit({ file: rec.file, result: out.result, results: out.results });
  }
}
