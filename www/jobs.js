// @ts-check
// The one job dispatcher: runs a check job on a wasm-bindgen glue instance, in a Web Worker
// (worker.js) or, where no worker can start, on the main thread (nianbao.js). A job:
// {op: 'reports' | 'pair' | 'files' | 'plan', kind?, previous?, previousName?, sameYear?,
// previousAmbiguous?, likelyPrevious?, units?, unitNames?, unitReports?, files?, names?, plan?}.

/**
 * @typedef {object} Glue  the checker's exports (pkg/nianbao.js) a job uses; the checks answer with
 * the JSON text of {results, keys} (src/wasm.rs)
 * @property {(bytes: Uint8Array, kind?: string, sameYear?: string[], previousAmbiguous?: string[], likelyPrevious?: string[], units?: Uint8Array[], unitNames?: string[], unitReports?: Uint32Array) => string} check_reports
 * @property {(bytes: Uint8Array, previous: Uint8Array, previousName?: string, kind?: string, sameYear?: string[], units?: Uint8Array[], unitNames?: string[], unitReports?: Uint32Array) => string} check_pair
 * @property {(files: Uint8Array[], names: string[], kind?: string) => string} check_files
 * @property {(bytes: Uint8Array) => string} file_digest
 * @property {(files: any) => string} plan_batch  the JSON text of the decisions
 */

/**
 * Runs one job: {json, digest?} — `json` the JSON text of {results, keys}: every report's result and
 * agency key (null when unknown); for op 'files', one array of each per file; for op 'plan', the batch
 * engine's decisions (check::batch) for `job.plan` as results. `digest`: the file's digest. The text
 * is what a worker sends to the page (one string: quicker to send and to parse than the objects).
 * @param {Glue} glue
 * @param {Uint8Array} bytes
 * @param {any} [job]
 * @returns {{json: string, digest?: string}}
 */
export function runJobText(glue, bytes, job = {}) {
  // The batch engine's decisions for the page's files (no bytes).
  if (job.op === 'plan') return { json: `{"results":${glue.plan_batch(job.plan ?? [])},"keys":[]}` };
  const kind = job.kind ?? undefined;
  // A consolidated report's units (M.HIER): their files, names and report indices.
  /** @type {[Uint8Array[] | undefined, string[] | undefined, Uint32Array | undefined]} */
  const units = job.units?.length ? [job.units, job.unitNames, Uint32Array.from(job.unitReports ?? [])] : [undefined, undefined, undefined];
  let json;
  if (job.op === 'pair') json = glue.check_pair(bytes, job.previous, job.previousName ?? undefined, kind, job.sameYear ?? undefined, ...units);
  else if (job.op === 'files') json = glue.check_files([bytes, ...job.files], job.names, kind);
  else json = glue.check_reports(bytes, kind, job.sameYear ?? undefined, job.previousAmbiguous ?? undefined, job.likelyPrevious ?? undefined, ...units);
  return { json, digest: glue.file_digest(bytes) };
}

/**
 * Runs one job as runJobText, parsed: {results, keys, digest?}.
 * @param {Glue} glue
 * @param {Uint8Array} bytes
 * @param {any} [job]
 * @returns {{results: any[], keys: any[], digest?: string}}
 */
export function runJob(glue, bytes, job = {}) {
  const { json, digest } = runJobText(glue, bytes, job);
  const { results, keys } = JSON.parse(json);
  return { results, keys, digest };
}
