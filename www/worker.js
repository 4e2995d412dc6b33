// One of the checker's Web Workers (nianbao.js runs a pool of them): one WebAssembly instance, off
// the page's main thread.
// Protocol: the page first sends {init: null} (this worker compiles the .wasm itself and sends the
// compiled module back, so that the pool's other workers need not compile it again) or
// {init: WebAssembly.Module}; the worker answers {ready: true, version, rules, kinds, module?} or
// {ready: false, error}. Then the page sends {id, bytes, job} (bytes transferred; job as run() in
// nianbao.js takes it: {op: 'reports' | 'pair' | 'files' | 'plan', kind?, previous?, previousName?, sameYear?,
// previousAmbiguous?, likelyPrevious?, files?, names?, plan?}) and gets back {id, json, bytes} (json: {results, keys} as JSON text; the same bytes,
// transferred back) or {id, error}; after a trap the worker says {id, error, broken: true} and is replaced.
import init, { agency_key, check_files, check_pair, check_reports, file_digest, plan_batch, report_kinds, rules, version } from './pkg/nianbao.js';

const WASM = new URL('./pkg/nianbao_bg.wasm', import.meta.url);

async function compile() {
  const res = await fetch(WASM);
  if (!res.ok) throw new Error(`HTTP ${res.status} for nianbao_bg.wasm`);
  try {
    return await WebAssembly.compileStreaming(res.clone());
  } catch {
    // A server that does not say application/wasm: compile from the bytes.
    return WebAssembly.compile(await res.arrayBuffer());
  }
}

/** Runs one job on this instance: {results, keys} (nianbao.js's runJob does the same on the main thread). */
function runJob(glue, bytes, job = {}) {
  const kind = job.kind ?? undefined;
  let results;
  // The batch engine's decisions for the page's files (no bytes): {results: plans}.
  if (job.op === 'plan') return { results: glue.plan_batch(job.plan ?? []), keys: [] };
  // A consolidated report's units (M.HIER): their files, names and report indices.
  const units = job.units?.length ? [job.units, job.unitNames, Uint32Array.from(job.unitReports ?? [])] : [undefined, undefined, undefined];
  if (job.op === 'pair') results = glue.check_pair(bytes, job.previous, job.previousName ?? undefined, kind, job.sameYear ?? undefined, ...units);
  else if (job.op === 'files') results = glue.check_files([bytes, ...job.files], job.names, kind);
  else results = glue.check_reports(bytes, kind, job.sameYear ?? undefined, job.previousAmbiguous ?? undefined, job.likelyPrevious ?? undefined, ...units);
  const keyOf = (r) => (r?.report?.agency ? glue.agency_key(r.report.agency) : null);
  const keys = job.op === 'files' ? results.map((rs) => rs.map(keyOf)) : results.map(keyOf);
  return { results, keys, digest: glue.file_digest(bytes) };
}

let started = null;
const glue = { agency_key, check_files, check_pair, check_reports, file_digest, plan_batch };

addEventListener('message', async ({ data }) => {
  if (!started) {
    if (!data || !('init' in data)) return;
    const given = data.init instanceof WebAssembly.Module ? data.init : null;
    started = (async () => {
      const module = given ?? (await compile());
      await init({ module_or_path: module });
      let catalogue;
      try { catalogue = rules() ?? []; } catch { catalogue = []; }
      let kinds;
      try { kinds = report_kinds() ?? []; } catch { kinds = []; }
      postMessage({ ready: true, version: version(), rules: catalogue, kinds, module: given ? undefined : module });
    })().catch((e) => postMessage({ ready: false, error: String(e?.message ?? e) }));
    return;
  }
  await started;
  const { id, bytes, job } = data ?? {};
  if (typeof id !== 'number' || !(bytes instanceof Uint8Array)) return;
  let json;
  try {
    // Sent as JSON text: the page's JSON.parse is several times quicker than the structured
    // clone of the same object (a result with its tables is tens of KB of small objects).
    json = JSON.stringify(runJob(glue, bytes, job ?? {}));
  } catch (e) {
    // A Rust panic is a trap: this instance must not be used again.
    postMessage({ id, error: String(e?.message ?? e), broken: true });
    return;
  }
  postMessage({ id, json, bytes }, [bytes.buffer]);
});
