// Compile-only check of www/nianbao.d.ts (run by scripts/lint-js.sh through tools/tsconfig.json):
// the documented uses of the API and the element type-check, and misuses do not.
import { check, checkBatch, checkReports, checkWithBytes, poolSize, reportKinds, rules, version, load, MAX_BYTES, type CheckResult, type Finding, type Verdict } from '../www/nianbao.js';
import '../www/nianbao-check.js';

export async function portal(file: File): Promise<string> {
  const result: CheckResult = await check(file);
  if (result.status === 'rejected') return result.rejection?.message ?? '';
  const errors: Finding[] = result.findings.filter((f) => f.severity === 'error');
  const where = errors[0]?.locations?.[0];
  if (where?.kind === 'text') return where.sentence;
  const { result: again, bytes } = await checkWithBytes(file);
  const size: number = bytes?.byteLength ?? 0;
  const group = again.groups?.[again.findings[0]?.group ?? -1]?.message ?? '';
  const info = await load();
  const workers: number = info.workers + poolSize() + size + group.length;
  const mode: 'worker' | 'main' = info.mode;
  const ids: string[] = (await rules()).map((r) => r.id);
  return `${await version()} ${mode} ${ids.length} ${errors.length} ${MAX_BYTES} ${workers}`;
}

export async function twoYears(thisYear: File, lastYear: File): Promise<string[]> {
  const kinds = await reportKinds();
  const reports: CheckResult[] = await checkReports(thisYear, { kind: kinds[0]?.id, previous: lastYear });
  const paired: CheckResult[][] = await checkBatch([lastYear, thisYear], { names: ['2021.docx', '2022.docx'] });
  const { keys } = await checkWithBytes(thisYear, { kind: '县级政府', sameYear: ['copy.docx'] });
  const n: number = reports[0]?.report.count ?? 1;
  const kind: string = reports[0]?.report.kind?.label ?? '';
  // @ts-expect-error previous is a file or buffer, not a name
  void checkReports(thisYear, { previous: 'last.docx' });
  // @ts-expect-error sameYear is a list of names
  void checkReports(thisYear, { sameYear: 'copy.docx' });
  return [...reports.map((r) => r.previous?.file ?? ''), String(paired[1]?.[0]?.previous?.explicit), ...keys.map(String), String(n), kind];
}

export function element(): void {
  const el = document.querySelector('nianbao-check');
  if (!el) return;
  el.addEventListener('nianbao-result', (e) => {
    const r: CheckResult = e.detail.result;
    const name: string = e.detail.file.name;
    console.log(name, r.findings.length);
  });
  el.addEventListener('nianbao-ready', (e) => console.log(e.detail.version));
  const v: Verdict = el.verdict;
  void el.check(new Blob([])).then((r) => r.status);
  void el.checkFiles([new File([], 'a.docx')]);
  // @ts-expect-error verdict is read-only
  el.verdict = 'pass';
  // @ts-expect-error check() takes a file, not a string
  void check('report.docx');
  console.log(v);
}
