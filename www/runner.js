// @ts-check
// The batch runner of <nianbao-check>: checks run ahead (a few per worker of the pool, bounded so a
// large batch is not all in memory at once); cards are drawn in the files' order as their results come
// in, put into the page a few times a second, the main thread giving the browser a turn now and then.
import { checkWithBytes, poolSize } from './nianbao.js';

/** Up to this many files, an open card's tables are drawn at once; in larger batches when scrolled to. */
const EAGER_DRAW = 10;
/** The main thread gives the browser a turn after this long of drawing cards (ms). */
const SLICE_MS = 10;
/** During a batch, the summary table takes its new rows this often (ms). */
const OVERVIEW_MS = 250;
/** During a batch, new cards go into the page this often (ms). */
const CARDS_MS = 100;

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * @typedef {object} Batch  what the runner needs of the element
 * @property {import('./records.js').Records} records
 * @property {HTMLElement} results  the list of cards
 * @property {import('./summary.js').Overview} overview
 * @property {import('./summary.js').Progress} progress
 * @property {{observe(card: Element): void}} drawer
 * @property {(busy: boolean) => void} status  updates the status line
 * @property {number} startedAt  when the files were dropped or picked (performance.now())
 * @property {(detail: object) => void} emit  the nianbao-result event
 */

/**
 * Checks files one after another and draws their cards; resolves to the new file records.
 * @param {Batch} b
 * @param {File[]} named
 * @returns {Promise<import('./records.js').FileRecord[]>}
 */
export async function runBatch(b, named) {
  const { records } = b;
  const n = named.length;
  const recs = [];
  const lazy = n > 1 || records.entries.length > 0;
  const ahead = Math.max(2, poolSize() * 3);
  /** @type {(Promise<any> | null)[]} */
  const jobs = new Array(n);
  let next = 0;
  const launch = () => {
    const i = next++;
    const t0 = performance.now();
    jobs[i] = checkWithBytes(named[i]).then((r) => ({ ...r, ms: performance.now() - t0 }));
  };
  while (next < Math.min(n, ahead)) launch();
  if (n > 1) {
    b.progress.show(0, n, named[0].name);
    b.overview.load(); // the summary's table, fetched while the files are checked
  }
  // Cards (and the progress, the status line) go into the page at most every CARDS_MS during a
  // batch: the browser lays the page out and paints it a few times a second, not for every file.
  let buffer = document.createDocumentFragment();
  let shownAt = -Infinity;
  let overviewAt = performance.now();
  const show = (/** @type {number} */ done, /** @type {boolean} */ force) => {
    const now = performance.now();
    if (!force && now - shownAt < CARDS_MS) return;
    shownAt = now;
    b.results.append(buffer);
    buffer = document.createDocumentFragment();
    b.status(done < n);
    if (n > 1 && done < n) b.progress.show(done, n, named[done]?.name);
    // The summary table takes its new rows less often (it is laid out as a whole).
    if (force || now - overviewAt > OVERVIEW_MS || b.overview.entries.length === 2) {
      b.overview.flush();
      overviewAt = now;
    }
  };
  let slice = performance.now();
  for (let i = 0; i < n; i++) {
    const { result, results: reports, keys, digest, bytes, ms } = await jobs[i];
    jobs[i] = null;
    if (next < n) launch();
    const file = named[i];
    const eager = n <= EAGER_DRAW && records.entries.length < EAGER_DRAW;
    // One card per report of the file (a file may hold several). In a large batch each card is
    // built below its summary, and its tables drawn, when it comes near the screen (records.js).
    const rec = records.add(file, reports, keys, digest);
    recs.push(rec);
    for (const entry of records.cardsFor(rec, bytes, { expand: n === 1, lazy, defer: !eager })) {
      const card = entry.card;
      card.dataset.ms = String(Math.round(ms));
      card.dataset.sinceDrop = String(Math.round(performance.now() - b.startedAt));
      records.entries.push(entry);
      buffer.append(card);
      const open = lazy && card.querySelector('details.detail[open]');
      if (open && eager) card._draw?.();
      if ((open && !eager) || !card._woken) b.drawer.observe(card);
      b.overview.add(entry);
      records.count(card, 1);
    }
    show(i + 1, i === 0 || i === n - 1);
    b.emit({ file, result, results: reports });
    // Give the browser a turn now and then: the page stays responsive during a large batch.
    if (performance.now() - slice > SLICE_MS || n === 1) {
      await tick();
      slice = performance.now();
    }
  }
  show(n, true);
  b.progress.hide();
  return recs;
}
