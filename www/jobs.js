// @ts-check
// The one job dispatcher: runs a check job on a wasm-bindgen glue instance, in a Web Worker
// (worker.js) or, where no worker can start, on the main thread (nianbao.js). A job:
// {op: 'reports' | 'pair' | 'files' | 'plan', kind?, previous?, previousName?, sameYear?,
// previousAmbiguous?, likelyPrevious?, units?, unitNames?, unitReports?, files?, names?, plan?}.

/**
 * @typedef {object} Glue  the checker's exports (pkg/nianbao.js) a job uses
 * @property {(bytes: Uint8Array, kind?: string, sameYear?: string[], previousAmbiguous?: string[], likelyPrevious?: string[], units?: Uint8Array[], unitNames?: string[], unitReports?: Uint32Array) => any[]} check_reports
 * @property {(bytes: Uint8Array, previous: Uint8Array, previousName?: string, kind?: string, sameYear?: string[], units?: Uint8Array[], unitNames?: string[], unitReports?: Uint32Array) => any[]} check_pair
 * @property {(files: Uint8Array[], names: string[], kind?: string) => any[][]} check_files
 * @property {(agency: string) => string} agency_key
 * @property {(bytes: Uint8Array) => string} file_digest
 * @property {(files: any) => any[][]} plan_batch
 */

/**
 * Runs one job: {results, keys, digest?} — every report's result and agency key (null when
 * unknown) and the file's digest; for op 'files', one array of each per file; for op 'plan', the
 * batch engine's decisions (check::batch) for `job.plan` as results.
 * @param {Glue} glue
 * @param {Uint8Array} bytes
 * @param {any} [job]
 * @returns {{results: any[], keys: any[], digest?: string}}
 */
export function runJob(glue, bytes, job = {}) {
  // The batch engine's decisions for the page's files (no bytes).
  if (job.op === 'plan') return { results: glue.plan_batch(job.plan ?? []), keys: [] };
  const kind = job.kind ?? undefined;
  // A consolidated report's units (M.HIER): their files, names and report indices.
  /** @type {[Uint8Array[] | undefined, string[] | undefined, Uint32Array | undefined]} */
  const units = job.units?.length ? [job.units, job.unitNames, Uint32Array.from(job.unitReports ?? [])] : [undefined, undefined, undefined];
  let results;
  if (job.op === 'pair') results = glue.check_pair(bytes, job.previous, job.previousName ?? undefined, kind, job.sameYear ?? undefined, ...units);
  else if (job.op === 'files') results = glue.check_files([bytes, ...job.files], job.names, kind);
  else results = glue.check_reports(bytes, kind, job.sameYear ?? undefined, job.previousAmbiguous ?? undefined, job.likelyPrevious ?? undefined, ...units);
  /** @param {any} r */
  const keyOf = (r) => (r?.report?.agency ? glue.agency_key(r.report.agency) : null);
  const keys = job.op === 'files' ? results.map((rs) => rs.map(keyOf)) : results.map(keyOf);
  return { results, keys, digest: glue.file_digest(bytes) };
}
