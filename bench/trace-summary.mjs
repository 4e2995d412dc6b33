// Summary of a Chromium trace (timeline + V8 sampling profiler) per thread of the page: the
// page's main thread and each checker worker: CPU time (the trace's thread time), its kinds
// (script, style, layout, paint, GC), tasks over 50 ms, and the top functions by sampled self
// time. Shared by bench/profile-batch.mjs and bench/profile-drop.mjs.
import { readFileSync } from 'node:fs';

/** The trace categories these summaries read. */
export const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
  'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'toplevel'];

/**
 * Prints the summary. `n`: what the figures are divided by (reports, drops); `unit`: its name.
 * @param {any[]} events @param {{n: number, unit?: string, top?: number, heading?: string}} opts
 */
export function summarise(events, { n, unit = 'report', top = 25, heading = '' }) {
  // Thread names: CrRendererMain (the page), DedicatedWorker thread (the checker's workers).
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  // Busy time by top-level task kind, per thread: the complete ('X') events at the thread's top level.
  const KIND = {
    FunctionCall: 'script', EvaluateScript: 'script', 'v8.callFunction': 'script', TimerFire: 'script', FireAnimationFrame: 'script',
    EventDispatch: 'script', RunMicrotasks: 'script', 'v8.run': 'script', ParseHTML: 'parse', UpdateLayoutTree: 'style', RecalculateStyles: 'style',
    Layout: 'layout', Paint: 'paint', PrePaint: 'paint', Layerize: 'paint', 'UpdateLayer': 'paint', CompositeLayers: 'paint',
    MinorGC: 'gc', MajorGC: 'gc', 'V8.GC_SCAVENGER': 'gc', 'V8.GC_MARK_COMPACTOR': 'gc', HitTest: 'other',
  };
  const perThread = new Map();
  events.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    const th = names.get(key);
    if (!th || !(th === 'CrRendererMain' || th.startsWith('DedicatedWorker'))) continue;
    const t = perThread.get(key) ?? { name: th, tasks: 0, busy: 0, cpu: 0, long: 0, longest: 0, kinds: new Map() };
    perThread.set(key, t);
    // CPU time (tdur, the thread's own time) where the trace has it, else wall time.
    const cpu = (e.tdur ?? e.dur) / 1000;
    // A task: the outermost run-task event (traces with the 'toplevel' category nest RunTask >
    // ThreadControllerImpl::RunTask; count each task once).
    if ((e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && !(t.lastEnd > e.ts)) {
      t.lastEnd = e.ts + e.dur;
      t.tasks++;
      t.busy += e.dur / 1000;
      t.cpu += cpu;
      if (e.dur > 50000) t.long++;
      t.longest = Math.max(t.longest, e.dur / 1000);
    }
    const kind = KIND[e.name];
    if (kind) t.kinds.set(`${kind} (${e.name})`, (t.kinds.get(`${kind} (${e.name})`) ?? 0) + cpu);
  }
  // Sampled self time per function, per thread (ProfileChunk events of the V8 sampling profiler).
  const profiles = new Map(); // id → {key, nodes: Map, self: Map}
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    const id = `${e.pid}:${e.id}`;
    const p = profiles.get(id) ?? { thread: `${e.pid}:${e.tid}`, nodes: new Map(), self: new Map() };
    profiles.set(id, p);
    if (e.name === 'Profile') { p.thread = `${e.pid}:${e.tid}`; continue; }
    const data = e.args?.data ?? {};
    for (const node of data.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const cf = p.nodes.get(id)?.callFrame ?? {};
      const k = `${cf.functionName || '(anonymous)'} ${String(cf.url ?? '').split('/').pop()}${cf.lineNumber >= 0 ? `:${cf.lineNumber + 1}` : ''}`;
      p.self.set(k, (p.self.get(k) ?? 0) + Math.max(0, deltas[i] ?? 0) / 1000);
    });
  }
  console.log(`${heading}${heading ? '; ' : ''}load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  for (const [key, t] of perThread) {
    if (t.busy < 1) continue;
    console.log(`\n== ${t.name} ${key}: CPU ${t.cpu.toFixed(0)} ms = ${(t.cpu / n).toFixed(2)} ms per ${unit} (busy, wall: ${t.busy.toFixed(0)} ms); ` +
      `${t.tasks} tasks, ${t.long} over 50 ms wall (longest ${t.longest.toFixed(0)} ms); CPU by kind (nested kinds overlap):`);
    for (const [k, v] of [...t.kinds].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(v / n).toFixed(3).padStart(8)} ms/${unit}  ${k}`);
    const self = new Map();
    for (const p of profiles.values()) {
      if (p.thread !== key) continue;
      for (const [k, v] of p.self) self.set(k, (self.get(k) ?? 0) + v);
    }
    const total = [...self].filter(([k]) => !k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
    if (!total) continue;
    console.log(`  sampled (not idle, wall-clock samples): ${(total / n).toFixed(2)} ms per ${unit}; top self time:`);
    for (const [k, v] of [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${(v / n).toFixed(3).padStart(8)} ms/${unit} ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
    }
  }
}
