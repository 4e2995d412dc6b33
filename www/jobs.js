// @ts-check
// The one job dispatcher: runs a check job on a wasm-bindgen glue instance, in a Web Worker
// (worker.js) or, where no worker can start, on the main thread (nianbao.js). A job:
// {op: 'reports' | 'pair' | 'files', kind?, previous?, previousName?, sameYear?, files?, names?}.

/**
 * @typedef {object} Glue  the checker's exports (pkg/nianbao.js) a job uses
 * @property {(bytes: Uint8Array, kind?: string, sameYear?: string[]) => any[]} check_reports
 * @property {(bytes: Uint8Array, previous: Uint8Array, previousName?: string, kind?: string, sameYear?: string[]) => any[]} check_pair
 * @property {(files: Uint8Array[], names: string[], kind?: string) => any[][]} check_files
 * @property {(agency: string) => string} agency_key
 */

/**
 * Runs one job: {results, keys} — every report's result and agency key (null when unknown); for
 * op 'files', one array of each per file.
 * @param {Glue} glue
 * @param {Uint8Array} bytes
 * @param {any} [job]
 * @returns {{results: any[], keys: any[]}}
 */
export function runJob(glue, bytes, job = {}) {
  const kind = job.kind ?? undefined;
  let results;
  if (job.op === 'pair') results = glue.check_pair(bytes, job.previous, job.previousName ?? undefined, kind, job.sameYear ?? undefined);
  else if (job.op === 'files') results = glue.check_files([bytes, ...job.files], job.names, kind);
  else results = glue.check_reports(bytes, kind, job.sameYear ?? undefined);
  /** @param {any} r */
  const keyOf = (r) => (r?.report?.agency ? glue.agency_key(r.report.agency) : null);
  const keys = job.op === 'files' ? results.map((rs) => rs.map(keyOf)) : results.map(keyOf);
  return { results, keys };
}
