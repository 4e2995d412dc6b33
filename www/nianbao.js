// @ts-check
// nianbao's JavaScript API: check a report's bytes and get the result object documented in
// docs/CONTRACT.md. Loaded on first use; the checks run in a pool of Web Workers sized to the
// machine (the page's main thread stays free; the .wasm is compiled once and shared), each worker one
// WebAssembly instance; where a worker cannot start, one instance on the main thread.
//   import { check, rules, version } from './nianbao.js';
//   const result = await check(file);   // File, Blob, ArrayBuffer or Uint8Array
// Everything stays in this browser: the only requests are for this folder's own files.

import { runJob as runOn } from './jobs.js';

/** Files larger than this are refused before they are read. */
export const MAX_BYTES = 100 * 1024 * 1024;

// <offline> The single-file build (tools/build-offline.mjs) replaces this block.
const workerAllowed = () => typeof Worker === 'function';
/** The wasm-bindgen glue for the main thread; a fresh copy after a trap (generation > 0). */
async function mainThreadGlue(generation) {
  const mod = await import(generation ? `./pkg/nianbao.js?g=${generation}` : './pkg/nianbao.js');
  await mod.default();
  return mod;
}
/** The readers of .doc/.wps files, web pages and pastes (readers.js), loaded on demand. */
const loadReaders = () => import('./readers.js');
/** The rule catalogue (rules.json, written from the code: `nianbao rules --json`), fetched when asked. */
async function loadCatalogue() {
  const res = await fetch(new URL('./rules.json', import.meta.url));
  if (!res.ok) throw new Error(`HTTP ${res.status} for rules.json`);
  return res.json();
}
// </offline>

let engine = null; // Promise<Engine>, shared by every caller on the page
let generation = 0;
let policy = null;

/** At most this many workers, whatever the machine says (each holds its own WebAssembly memory). */
const MAX_WORKERS = 4;

/** How many workers the pool grows to: the machine's logical cores, at least 1, at most MAX_WORKERS. */
export function poolSize() {
  const n = Math.floor(Number(globalThis.navigator?.hardwareConcurrency) || 1);
  return Math.max(1, Math.min(n, MAX_WORKERS));
}

/**
 * Starts loading the checker (once; later calls return the same promise).
 * Resolves to {version, mode, workers} where mode is 'worker' or 'main' (the rule catalogue: rules()).
 */
export function load() {
  if (!engine) {
    const started = generation;
    engine = startPool().catch((why) => {
      if (why) console.info(`nianbao: the checker runs on the main thread (${why.message ?? why})`);
      return startMain(started);
    });
    engine.catch(() => { engine = null; });
  }
  return engine.then(({ version, mode, size }) => ({ version, mode, workers: size }));
}

/** The report kinds a user can choose for the deadline rule: [{id, label}] (loads the checker if needed). */
export const reportKinds = () => load().then(() => engine).then((e) => e.kinds);

/** The checker's version (loads it if needed). */
export const version = () => load().then((e) => e.version);

let catalogue = null; // Promise<RuleInfo[]>, fetched once (again after a failure)
/** The rule catalogue [{id, severity, title, checks, why, example}]: rules.json (not in the checker), fetched once. */
export function rules() {
  catalogue ??= loadCatalogue().then((list) => (Array.isArray(list) ? list : []));
  catalogue.catch(() => { catalogue = null; });
  return catalogue;
}

/**
 * Checks one file. Resolves to the result object (status 'checked' or 'rejected'); a file that cannot
 * be read or checked gives a rejected result, never a thrown error. A Uint8Array or ArrayBuffer is
 * copied; a File or Blob is read into a new buffer that is moved (not copied) to a worker. Several
 * calls run at once, one per worker of the pool.
 */
export async function check(input) {
  return (await checkWithBytes(input)).result;
}

/**
 * Like checkReports(), resolving to {result, results, keys, bytes}: the first report's result, every
 * report's, each report's agency key (as pairing compares agencies; null when unknown) and the file's
 * bytes as read (null when they could not be read), e.g. to write an annotated copy later without
 * reading the file again.
 */
export async function checkWithBytes(input, options = {}) {
  const { kind, previous, previousName, sameYear, previousAmbiguous, likelyPrevious, units } = options;
  const read = await readInput(input);
  if (read.rejected) return only(read.rejected, read.bytes ?? null);
  const job = { op: 'reports', kind: kind || undefined };
  // Other files of the same agency and year (M.DUPYEAR on each report): names, as strings.
  if (Array.isArray(sameYear) && sameYear.length) job.sameYear = sameYear.slice(0, 1000).map((n) => String(n));
  // Last year's reports the batch engine could not choose between, or only likely of this agency (M.PAIR).
  if (Array.isArray(previousAmbiguous) && previousAmbiguous.length) job.previousAmbiguous = previousAmbiguous.slice(0, 1000).map(String);
  if (Array.isArray(likelyPrevious) && likelyPrevious.length) job.likelyPrevious = likelyPrevious.slice(0, 1000).map(String);
  // A consolidated report's units in the batch ([{file, name, report}]): read here, summed by the checker (M.HIER).
  if (Array.isArray(units) && units.length) {
    const read = await Promise.all(units.slice(0, 1000).map((u) => readInput(u.file)));
    const ok = units.slice(0, 1000).map((u, i) => [u, read[i]]).filter(([, r]) => r.bytes);
    if (ok.length) {
      job.units = ok.map(([, r]) => r.bytes);
      job.unitNames = ok.map(([u]) => String(u.name));
      job.unitReports = ok.map(([u]) => Number(u.report) || 0);
    }
  }
  // Last year's file, when it can be read (the checker says why it cannot be compared otherwise, M.PAIR).
  const prev = previous != null ? await readInput(previous) : null;
  if (prev?.bytes) {
    job.op = 'pair';
    job.previous = prev.bytes;
    job.previousName = previousName ?? (typeof File !== 'undefined' && previous instanceof File ? previous.name : undefined);
  }
  const out = await runJob(read.bytes, job);
  if (out.failed) return only(out.failed, out.bytes);
  if (prev?.rejected) {
    // Not read (too large, unreadable): checked alone, with the checker's M.PAIR wording and the reason.
    for (const r of out.results) {
      if (r.status !== 'checked') continue;
      r.findings.push({
        rule: 'M.PAIR', severity: 'warning', message: `指定的上一年度报告无法用于对比：${prev.rejected.rejection.message}；未做跨年度核对`,
        table: null, row: [], column: [], expected: null, actual: null, cells: [], culprit: null, locations: [],
      });
      if (r.outcome === 'pass') r.outcome = 'warning'; // as the core's Outcome: a warning, no error
    }
  }
  return { result: out.results[0], results: out.results, keys: out.keys, digest: out.digest ?? null, bytes: out.bytes };
}

/**
 * The batch engine of the core (check::batch): which report of the page's files is compared with
 * which last year's report, which are the same agency and year twice, which are copies, which are only
 * likely last year's. `files` is [{name, digest, reports: [{agency, year}]}]; resolves to, per file, per
 * report, {previous: {file, report, name, agency, year} | null, previous_ambiguous: [name],
 * likely_previous: [{file, report, name, agency, year}], same_year: [name], copies: [name]}.
 */
export async function planBatch(files) {
  const out = await runJob(new Uint8Array(0), { op: 'plan', plan: files });
  if (out.failed) throw new Error(out.failed.rejection?.message ?? 'plan failed');
  return out.results;
}

/**
 * Checks every report of one file (a file may hold several): resolves to an array of result objects,
 * each with report.index and report.count. options.kind sets the report kind for the deadline rule
 * (an id or label of reportKinds(); none: inferred). options.previous (File, Blob, ArrayBuffer or
 * Uint8Array) is last year's report of the same agency: the results then hold the cross-year findings
 * and `previous` (named options.previousName, or the File's name). options.sameYear (array of file
 * names) names other files of the same agency and year: each report then has the M.DUPYEAR warning.
 */
export async function checkReports(input, options = {}) {
  return (await checkWithBytes(input, options)).results;
}

/**
 * Checks a batch and pairs it as the command line does (the same agency in consecutive years; the same
 * agency and year twice is a warning): resolves to one array of report results per input, in order.
 * options.names names the files (default: the File names, or 文件1 …); options.kind as checkReports.
 */
export async function checkBatch(inputs, options = {}) {
  const list = [...inputs];
  if (!list.length) return [];
  const names = list.map((f, i) => options.names?.[i] ?? (typeof File !== 'undefined' && f instanceof File ? f.name : `文件${i + 1}`));
  const reads = await Promise.all(list.map(readInput));
  const ok = reads.map((r, i) => (r.rejected ? -1 : i)).filter((i) => i >= 0);
  const out = list.map((_, i) => (reads[i].rejected ? [reads[i].rejected] : null));
  if (ok.length) {
    const [first, ...rest] = ok.map((i) => reads[i].bytes);
    const done = await runJob(first, { op: 'files', files: rest, names: ok.map((i) => names[i]), kind: options.kind || undefined });
    ok.forEach((i, n) => { out[i] = done.failed ? [done.failed] : done.results[n]; });
  }
  return out;
}

/** Reads a File, Blob, ArrayBuffer or Uint8Array into a new Uint8Array: {bytes} or {rejected, bytes?}. */
async function readInput(input) {
  let bytes;
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    if (input.size > MAX_BYTES) return { rejected: tooLarge(input.size) };
    try {
      bytes = new Uint8Array(await input.arrayBuffer());
    } catch (e) {
      return { rejected: rejected('unreadable', `无法读取此文件（${short(e)}）。请确认文件仍在原处，然后重新选择。`) };
    }
  } else if (input instanceof ArrayBuffer) {
    bytes = new Uint8Array(input.slice(0));
  } else if (ArrayBuffer.isView(input)) {
    bytes = new Uint8Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength));
  } else {
    throw new TypeError('nianbao.check() takes a File, Blob, ArrayBuffer or Uint8Array');
  }
  if (bytes.byteLength > MAX_BYTES) return { rejected: tooLarge(bytes.byteLength) };
  return { bytes };
}

const only = (result, bytes) => ({ result, results: [result], keys: [null], bytes });

/**
 * A file the start module refused as a legacy Office file or another text format (a .doc/.wps, a web
 * page, an .mht) is read again by the readers module (readers.js, loaded only then).
 */
async function withReaders(out, job) {
  const other = (rs) => (rs ?? []).flat().some((r) => r?.status === 'rejected' && /^(legacy_office|other_text)$/.test(r.rejection?.code));
  if (!out.bytes || !other(out.results)) return out;
  try {
    const readers = await loadReaders();
    return await readers.checkOther(out.bytes, job);
  } catch (err) {
    console.error(err);
    return out;
  }
}

/** Runs a job on the engine: {results, keys, bytes} or {failed: a rejected result, bytes}. */
async function runJob(bytes, job) {
  let e;
  try {
    e = await (load(), engine);
  } catch (err) {
    console.error(err);
    return { failed: rejected('unreadable', `无法加载检查程序（${short(err)}）。此浏览器可能过旧（需要支持 WebAssembly），或网页文件不完整。`), bytes };
  }
  try {
    return await withReaders(await e.run(bytes, job), job);
  } catch (err) {
    console.error(err);
    if (e.mode === 'main' && engine && (await engine.catch(() => null)) === e) {
      // A trap (a Rust panic) leaves the instance unusable: the next check gets a fresh one.
      engine = null;
      generation++;
    }
    return { failed: rejected('internal', `检查时出现内部错误，未能完成检查（${short(err)}）。其他文件不受影响。`), bytes: err.bytes ?? null };
  }
}

/** One worker, started with `module` (a compiled WebAssembly.Module) or null (it compiles the .wasm). */
function spawn(module) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(workerUrl(), { type: 'module', name: 'nianbao' });
    } catch (e) {
      reject(e);
      return;
    }
    const w = { worker, task: null, ready: false, dead: false, onDead: null };
    const fail = (why) => {
      if (w.dead) return;
      w.dead = true;
      worker.terminate();
      if (!w.ready) reject(why);
      const t = w.task;
      w.task = null;
      t?.reject(why);
      w.onDead?.(w);
    };
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      fail(new Error(ev.message || 'the worker stopped'));
    });
    worker.addEventListener('messageerror', () => fail(new Error('unreadable message from the worker')));
    worker.addEventListener('message', ({ data }) => {
      if (!w.ready) {
        if (!data?.ready) return fail(new Error(data?.error ?? 'the worker did not start'));
        w.ready = true;
        resolve({ w, info: data });
        return;
      }
      const t = w.task;
      w.task = null;
      if (!t) return;
      if (typeof data.json === 'string') {
        let out;
        try {
          out = JSON.parse(data.json);
        } catch (e) {
          t.reject(e);
          w.onIdle?.(w);
          return;
        }
        t.resolve({ results: out.results, keys: out.keys, digest: data.digest, bytes: data.bytes ?? null });
      } else {
        const err = new Error(data.error);
        t.reject(err);
        if (data.broken) fail(err);
      }
      w.onIdle?.(w);
    });
    worker.postMessage({ init: module });
  });
}

/**
 * The pool: starts with one worker (which compiles the .wasm and shares the compiled module); grows to
 * poolSize() workers while checks wait; a worker that traps is dropped and replaced on demand.
 */
async function startPool() {
  if (!workerAllowed()) throw new Error('Web Worker unavailable');
  const size = poolSize();
  const first = await spawn(null);
  const module = first.info.module instanceof WebAssembly.Module ? first.info.module : null;
  const workers = [];
  const waiting = []; // {bytes, job, resolve, reject}
  let starting = 0;
  const pump = () => {
    for (const w of workers) {
      if (!waiting.length) return;
      if (w.task || w.dead) continue;
      const t = waiting.shift();
      w.task = t;
      const moved = [t.bytes, t.job?.previous, ...(t.job?.files ?? [])].filter(Boolean).map((b) => b.buffer);
      w.worker.postMessage({ id: 1, bytes: t.bytes, job: t.job }, [...new Set(moved)]);
    }
    if (waiting.length > starting && workers.length + starting < size) grow();
  };
  const adopt = (w) => {
    w.onIdle = pump;
    w.onDead = (dead) => {
      workers.splice(workers.indexOf(dead), 1);
      pump();
    };
    workers.push(w);
  };
  const grow = () => {
    starting++;
    spawn(module).then(({ w }) => adopt(w), (e) => console.info(`nianbao: a worker did not start (${short(e)})`))
      .finally(() => {
        starting--;
        if (!workers.length && !starting) {
          // No worker left and none would start: the waiting checks fail (each gets a rejected result).
          for (const t of waiting.splice(0)) t.reject(new Error('no worker could start'));
        }
        pump();
      });
  };
  adopt(first.w);
  return {
    mode: 'worker',
    size,
    version: first.info.version,
    kinds: first.info.kinds ?? [],
    run(bytes, job) {
      return new Promise((resolve, reject) => {
        waiting.push({ bytes, job, resolve, reject });
        if (!workers.length && !starting) grow();
        pump();
      });
    },
  };
}

/** The worker's URL, as a TrustedScriptURL where the host page requires Trusted Types. */
function workerUrl() {
  const url = new URL('./worker.js', import.meta.url).href;
  const tt = globalThis.trustedTypes;
  if (!tt?.createPolicy) return url;
  policy ??= tt.createPolicy('nianbao', {
    createScriptURL: (u) => {
      if (u !== url) throw new TypeError('nianbao: unexpected script URL');
      return u;
    },
  });
  return policy.createScriptURL(url);
}

async function startMain(gen) {
  const mod = await mainThreadGlue(gen);
  let kinds;
  try { kinds = JSON.parse(mod.report_kinds()); } catch { kinds = []; }
  /** @type {Promise<unknown>} */
  let queue = Promise.resolve(); // one instance: one file at a time
  return {
    mode: 'main',
    size: 0,
    version: mod.version(),
    kinds,
    run(bytes, job = {}) {
      const run = queue.then(() => ({ ...runOn(mod, bytes, job), bytes }));
      queue = run.catch(() => {});
      return run;
    },
  };
}

const short = (e) => String(e?.message ?? e).slice(0, 120);

function tooLarge(size) {
  return rejected('too_large', `文件大小为 ${(size / 1048576).toFixed(0)} MB，超过 100 MB，不像是年度报告，未检查。请确认选择的文件是否正确。`);
}

/** A result made here (not by the checker) for a file that could not be checked. */
function rejected(code, message) {
  return { status: 'rejected', outcome: 'rejected', rejection: { code, message }, report: {}, findings: [], values: {} };
}
