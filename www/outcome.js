// @ts-check
// A report's outcome — pass, warning, error or rejected — as the core defines it (the result's
// `outcome`, src/findings.rs Outcome), and its words: what the status line, the summary, its filter,
// the card badge, the CSV and the .xlsx all show.

/** @typedef {'error' | 'warning' | 'rejected' | 'pass'} Outcome */

/** Every outcome, the worst first: the order of the summary, the status line and the command line. */
/** @type {Outcome[]} */
export const OUTCOMES = ['error', 'warning', 'rejected', 'pass'];

/** The words of each outcome (src/messages/outcome.rs). */
export const OUTCOME_LABEL = { error: '有错误', warning: '有警告', rejected: '无法检查', pass: '通过' };

/**
 * The outcome of one result: the core's `outcome`. (Results made on the page set it too: a file that
 * could not be read is 'rejected', a warning added here makes 'pass' 'warning'.) A result without
 * one (an older checker) gets the same definition applied to its findings.
 * @param {any} result
 * @returns {Outcome}
 */
export function outcomeOf(result) {
  if (OUTCOMES.includes(result?.outcome)) return result.outcome;
  if (result?.status !== 'checked') return 'rejected';
  const findings = result.findings ?? [];
  if (findings.some((/** @type {any} */ f) => f.severity === 'error')) return 'error';
  return findings.length ? 'warning' : 'pass';
}
