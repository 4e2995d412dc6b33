// @ts-check
// Printing <nianbao-check>: on paper every card is open and drawn and the summary shows every row;
// "打印" on a card prints that card alone, "打印汇总" the batch summary alone (print.css hides the rest).

/** @typedef {HTMLElement & {_draw?: () => void, _wake?: () => void}} Card */

export class Printer {
  /**
   * @param {HTMLElement} host  the element (its data-print says what is printed)
   * @param {ShadowRoot} root
   * @param {HTMLElement} list  the list of cards
   * @param {{drawAll(on: boolean): void}} overview  the batch summary
   */
  constructor(host, root, list, overview) {
    this.host = host;
    this.root = root;
    this.list = list;
    this.overview = overview;
  }

  /** Before printing (on) and after (off). @param {boolean} on */
  print(on) {
    const { host, list } = this;
    this.overview.drawAll(on); // on paper, every row of the summary
    if (on) {
      if (host.dataset.print === 'overview') return; // the summary alone: the cards stay as they are
      const only = host.dataset.print === 'card' ? list.querySelector('.file-card.print-target') : null;
      for (const d of /** @type {Element} */ (only ?? list).querySelectorAll('details:not([open])')) {
        if (!(d instanceof HTMLElement)) continue;
        d.setAttribute('open', '');
        d.dataset.printOpened = '1';
      }
      const cards = /** @type {Card[]} */ (only ? [only] : [...list.querySelectorAll('.file-card')]);
      // Every part of a card on paper: those built when it comes near the screen too (records.js).
      for (const card of cards) {
        card._wake?.();
        card._draw?.();
      }
    } else {
      for (const d of list.querySelectorAll('details[data-print-opened]')) {
        if (!(d instanceof HTMLElement)) continue;
        d.removeAttribute('open');
        delete d.dataset.printOpened;
      }
      for (const c of this.root.querySelectorAll('.print-target')) c.classList.remove('print-target');
      delete host.dataset.print;
    }
  }

  /** Prints one card, or the batch summary ('overview'), with everything else hidden (print.css). @param {Element | 'overview'} target */
  only(target) {
    for (const c of this.root.querySelectorAll('.print-target')) c.classList.remove('print-target');
    if (target === 'overview') this.host.dataset.print = 'overview';
    else {
      this.host.dataset.print = 'card';
      target.classList.add('print-target');
    }
    this.print(true);
    window.print();
  }
}
