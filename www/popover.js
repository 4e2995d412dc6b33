// @ts-check
// The popover of <nianbao-check>'s marked cells: hover, focus or click shows it; Escape, blur or
// leaving hides it; a click on a finding of a list goes to its cell (scrolls, flashes, focuses it).
import { fillPopover } from './render.js';
import { popoverText } from './narrative.js';

/** A marked cell: a <td data-mark> with the findings drawn on it (render.js). @typedef {HTMLElement & {_findings?: any[], _related?: string[]}} MarkedCell */

/** @param {EventTarget | null} t */
const markedCell = (t) => /** @type {MarkedCell | null} */ (t instanceof Element ? t.closest('td[data-mark]') : null);

export class Popover {
  /** @type {MarkedCell | null} the cell whose popover is shown */
  for = null;
  pinned = false;

  /**
   * @param {ShadowRoot} root  the element's shadow root
   * @param {HTMLElement} results  the list of cards
   * @param {HTMLElement} pop  the popover box
   * @param {(card: Element | null, finding: any) => any} previousOf  last year's report a finding of a card compares with
   */
  constructor(root, results, pop, previousOf) {
    this.root = root;
    this.pop = pop;
    this.previousOf = previousOf;
    results.addEventListener('mouseover', (e) => { const td = markedCell(e.target); if (td) this.show(td); });
    results.addEventListener('mouseout', (e) => {
      const td = markedCell(e.target);
      const to = e.relatedTarget instanceof Node ? e.relatedTarget : null;
      if (td && td === this.for && !td.contains(to) && this.root.activeElement !== td) this.hide();
    });
    results.addEventListener('focusin', (e) => { const td = markedCell(e.target); if (td) this.show(td); });
    results.addEventListener('focusout', (e) => { if (markedCell(e.target) === this.for) this.hide(true); });
    results.addEventListener('click', (e) => {
      const td = markedCell(e.target);
      if (td) { this.hide(true); this.show(td, true); return; }
      const btn = e.target instanceof Element ? e.target.closest('button.finding') : null;
      if (btn instanceof HTMLElement) this.goToCell(this.root.getElementById(btn.dataset.target ?? ''));
    });
    root.addEventListener('click', (e) => {
      const t = e.target instanceof Element ? e.target : null;
      if (!markedCell(t) && !this.pop.contains(t) && !t?.closest('button.finding')) this.hide(true);
    });
  }

  /** Shows the popover of a marked cell (pinned: it stays until Escape or a click elsewhere). @param {MarkedCell} td */
  show(td, pin = false) {
    const pop = this.pop;
    if (this.for !== td) {
      this.#setRelated(this.for, false);
      fillPopover(pop, td);
      popoverText(pop, td._findings, (f) => this.previousOf(td.closest('.file-card'), f));
      this.for = td;
      this.#setRelated(td, true);
    }
    this.pinned = this.pinned || pin;
    pop.hidden = false;
    td.setAttribute('aria-describedby', 'popover');
    // Placed in the element's own coordinates (its root box is position: relative).
    const box = pop.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0 };
    const r = td.getBoundingClientRect();
    const w = pop.offsetWidth;
    const vw = document.documentElement.clientWidth;
    const left = Math.max(8, Math.min(r.left, vw - w - 8)) - box.left;
    let top = r.bottom + 6;
    if (r.bottom + pop.offsetHeight + 12 > window.innerHeight && r.top > pop.offsetHeight + 12) {
      top = r.top - pop.offsetHeight - 6;
    }
    pop.style.left = `${left}px`;
    pop.style.top = `${top - box.top}px`;
  }

  /** Hides the popover (a pinned one only when forced). */
  hide(force = false) {
    if (this.pinned && !force) return;
    this.pinned = false;
    this.for?.removeAttribute('aria-describedby');
    this.#setRelated(this.for, false);
    this.for = null;
    this.pop.hidden = true;
  }

  /** Whether the popover belongs to a cell inside `node`. @param {Node} node */
  within(node) {
    return Boolean(this.for && node.contains(this.for));
  }

  /** @param {MarkedCell | null} td @param {boolean} on */
  #setRelated(td, on) {
    for (const id of td?._related ?? []) this.root.getElementById(id)?.classList.toggle('related', on);
  }

  /** Opens the tables holding a cell, scrolls to it, focuses it and flashes it. @param {HTMLElement | null} td */
  goToCell(td) {
    if (!td) return;
    td.closest('details')?.setAttribute('open', '');
    td.scrollIntoView({ block: 'center', inline: 'center' });
    // The focus follows the jump (a cell without a mark is made focusable for it).
    if (!td.hasAttribute('tabindex')) td.tabIndex = -1;
    td.focus({ preventScroll: true });
    td.classList.remove('flash');
    void td.offsetWidth; // restart the animation
    td.classList.add('flash');
  }
}
