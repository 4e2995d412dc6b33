// Type declarations for nianbao's browser API (nianbao.js) and element (nianbao-check.js).
// The result shape is documented in docs/CONTRACT.md; fields marked optional may be absent in
// older versions of the checker.

/** A cell of a table in the document: physical table index, grid row and column. */
export interface CellRef { table: number; row: number; col: number }

/** Where a finding is (contract version 2). */
export type Location =
  | { kind: 'cell'; doc: number; report: number; table: number; row: number; col: number }
  | { kind: 'text'; doc: number; report: number; paragraph: number; start: number; end: number; sentence: string };

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  table: number | null;
  row: string[];
  column: string[];
  expected: number | string | null;
  actual: number | string | null;
  cells: CellRef[];
  culprit: CellRef | null;
  locations?: Location[];
  /** Index in CheckResult.groups when the finding belongs to a group. */
  group?: number;
}

/** Many findings of one per-cell rule in one table, summed up in one line (contract version 2). */
export interface FindingGroup { id: number; rule: string; severity: 'error' | 'warning'; table: number | null; count: number; message: string }

export interface Rejection {
  /** From the checker (e.g. 'legacy_office', 'encrypted', 'pdf', 'empty', 'no_report_tables') or from this
   *  module: 'too_large' (over 100 MB), 'unreadable' (file or checker could not be read), 'internal'. */
  code: string;
  message: string;
}

export interface TableCell { row: number; col: number; row_span: number; col_span: number; text: string }
export interface Table { table: number; kind: 2 | 3 | 4; rows: number; cols: number; cells: TableCell[] }
export interface Value { row: string[]; column: string[]; value: number | null; raw: string; cell: CellRef | null }

export interface CheckResult {
  version?: number;
  status: 'checked' | 'rejected';
  /** How the report came out: 'error' (an error), 'warning' (findings, no error), 'pass' (no finding), 'rejected'. */
  outcome: 'error' | 'warning' | 'pass' | 'rejected';
  rejection: Rejection | null;
  report: {
    agency?: string | null; year?: number | null; format?: string | null;
    /** This report's index in its file and how many reports the file holds (contract version 2). */
    index?: number; count?: number;
    /** The report kind the deadline rule used: inferred (by_user false, reason says why) or chosen. */
    kind?: { id: string; label: string; reason: string; by_user: boolean; consolidated?: boolean } | null;
  };
  findings: Finding[];
  values: { table2?: Value[]; table3?: Value[]; table4?: Value[] };
  tables?: Table[];
  groups?: FindingGroup[];
  /** The previous year's report this one was compared with (only when compared). */
  previous?: {
    file: string | null; report: number; agency: string | null; year: number | null; format: string | null; explicit: boolean;
    /** The cells of that report the findings compare with, named by its table's labels. */
    cells?: { table: number; row: number; col: number; name: string; text: string }[];
  };
}

export interface RuleInfo { id: string; severity: 'error' | 'warning'; title: string; checks: string; why?: string; example?: string }

export interface EngineInfo {
  version: string;
  /** 'worker': checks run in a Web Worker; 'main': on the page's main thread (no worker available). */
  mode: 'worker' | 'main';
  /** How many workers the pool grows to (poolSize()); 0 on the main thread. */
  workers: number;
}

/** Files larger than this (bytes) are refused before they are read. */
export const MAX_BYTES: number;

/** A report kind the user can choose for the deadline rule (S.DEADLINE), as the checker names it. */
export interface ReportKind { id: string; label: string }

export type Input = Blob | File | ArrayBuffer | ArrayBufferView;

export interface CheckOptions {
  /** The report kind for the deadline rule: an id or label of reportKinds(); omitted or '': inferred. */
  kind?: string;
  /** Last year's report of the same agency: the results then hold the cross-year findings and `previous`. */
  previous?: Input;
  /** The name `previous.file` gives last year's report (default: the File's name). */
  previousName?: string;
  /** Names of other files of the same agency and year: each report then has the M.DUPYEAR warning naming them. */
  sameYear?: string[];
  /** Names of several distinct last-year reports of the agency (compared with none: M.PAIR names them). */
  previousAmbiguous?: string[];
  /** Names of last-year reports of a probably-same agency, not paired (M.PAIR offers them). */
  likelyPrevious?: string[];
  /** For a consolidated report: its units' files, as planBatch names them (M.HIER). */
  units?: { file: Input; name: string; report: number }[];
}

/** A report of the batch as planBatch names it. */
export interface PlanRef { file: number; report: number; name: string; agency: string | null; year: number | null }

/** What the core's batch engine decided for one report. */
export interface PlanReport {
  previous: PlanRef | null;
  previous_ambiguous: string[];
  likely_previous: PlanRef[];
  same_year: string[];
  copies: string[];
  units: PlanRef[];
  consolidated_by: PlanRef | null;
}

/** The core's batch engine on files already checked: per file, per report, its decisions. */
export function planBatch(files: { name: string; digest: string; reports: { agency?: string | null; year?: number | null; consolidated?: boolean }[] }[]): Promise<PlanReport[][]>;

/** Checks one file (its first report). Never rejects for a bad file: the result says why it could not be checked. */
export function check(input: Input): Promise<CheckResult>;
/** Every report of one file (a file may hold several), with the options' kind and last year's report. */
export function checkReports(input: Input, options?: CheckOptions): Promise<CheckResult[]>;
/** Checks a batch and pairs it as the command line does: one array of report results per input, in order. */
export function checkBatch(inputs: Iterable<Input>, options?: { names?: string[]; kind?: string }): Promise<CheckResult[][]>;
/** The report kinds a user can choose: [{id, label}]. */
export function reportKinds(): Promise<ReportKind[]>;
/**
 * Like checkReports(), and also gives back the first report's result, each report's agency key (as
 * pairing compares agencies; null when unknown) and the file's bytes as read (null when they could not be read).
 */
export function checkWithBytes(input: Input, options?: CheckOptions): Promise<{ result: CheckResult; results: CheckResult[]; keys: (string | null)[]; digest: string | null; bytes: Uint8Array | null }>;
/** How many Web Workers the checks run in at most: the logical cores, at least 1, at most 4. */
export function poolSize(): number;
/** The rule catalogue, fetched from rules.json (next to nianbao.js) on the first call. */
export function rules(): Promise<RuleInfo[]>;
/** The checker's version, e.g. "0.4.0". */
export function version(): Promise<string>;
/** Loads the checker now (it loads on first use otherwise). */
export function load(): Promise<EngineInfo>;

/** The verdict of the files checked last: 'none' before any, 'pending' while checking. */
export type Verdict = 'none' | 'pending' | 'pass' | 'warning' | 'error' | 'rejected';

/** One per file (and again when a file is checked again: another kind, last year's report): the first report's result and every report's. */
export interface NianbaoResultDetail { file: File; result: CheckResult; results?: CheckResult[] }

/**
 * <nianbao-check> — attributes: compact, max-files="N", sample, for="file-input-id", block-on-error.
 */
export declare class NianbaoCheck extends HTMLElement {
  /** The verdict of the files checked last. */
  readonly verdict: Verdict;
  /** Resolves when the checker is loaded (and starts loading it). */
  readonly ready: Promise<EngineInfo>;
  /** Checks one file, draws its result and resolves to the result object. */
  check(file: Blob | File): Promise<CheckResult>;
  /** Checks several files (or the files and folders of a drop's DataTransfer), several at once in the
   *  worker pool; the cards are drawn in the files' order (one per report) and resolves to each file's
   *  first report's result in that order, as last checked (reports of the same agency in consecutive
   *  years on the page are checked again beside each other); `nianbao-result` carries every report. */
  checkFiles(files: Iterable<Blob | File> | ArrayLike<Blob | File> | DataTransfer): Promise<CheckResult[]>;
  /** Removes every result. */
  clear(): void;
}

declare global {
  interface HTMLElementTagNameMap { 'nianbao-check': NianbaoCheck }
  interface HTMLElementEventMap {
    'nianbao-ready': CustomEvent<EngineInfo>;
    'nianbao-result': CustomEvent<NianbaoResultDetail>;
    'nianbao-verdict': CustomEvent<{ verdict: Verdict }>;
  }
}
