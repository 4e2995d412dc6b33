//! `nianbao check`: checks files in parallel (rayon) and prints each result in input order as
//! soon as it and all before it are done. A file holding several reports gives one result per
//! report (one JSON line each, `report.index`/`report.count` telling them apart).

use crate::args::{self, CheckArgs, MAX_JOBS};
use crate::{exit, walk};
use indicatif::{ProgressBar, ProgressStyle};
use nianbao::batch::{self as pairing, BatchEntry, PairKey};
use nianbao::batch::{
    analyse, annotate_analysed, check_report, previous_counterpart, Analysed, Links, PreviousFile,
};
use nianbao::present::annotate::{annotated_file_name, AnnotateOptions, Annotated};
use nianbao::words as messages;
use nianbao::{
    present, too_large_input, CheckResult, Options, Outcome, Rejection, RejectionCode, Status,
};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::{BTreeMap, HashSet};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Smallest batch that gets a progress bar (on stderr, and only when stderr is a terminal).
const PROGRESS_MIN_FILES: usize = 20;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Text,
    Json,
    Csv,
}

/// Files by outcome (as `Outcome::ALL` orders them), for the summary line and the exit code.
#[derive(Default)]
struct Tally {
    counts: [usize; 4],
    rejected: usize,
    errors: usize,
}

impl Tally {
    /// Counts one file by its reports' outcomes (the worst of them, as the page's verdict).
    fn add(&mut self, results: &[CheckResult]) {
        self.count(Counted::of(results));
    }

    fn count(&mut self, c: Counted) {
        if let Some(i) = c.outcome {
            self.counts[i] += 1;
        }
        if c.rejected {
            self.rejected += 1;
        } else if c.errors {
            self.errors += 1;
        }
    }

    fn exit_code(&self, missing: bool) -> i32 {
        if self.rejected > 0 || missing {
            exit::UNCHECKED
        } else if self.errors > 0 {
            exit::ERRORS
        } else {
            exit::OK
        }
    }
}

/// What one file adds to the [`Tally`] (kept for a file whose output was spilled).
#[derive(Clone, Copy)]
struct Counted {
    /// Index in `Outcome::ALL` of its worst outcome.
    outcome: Option<usize>,
    rejected: bool,
    errors: bool,
}

impl Counted {
    fn of(results: &[CheckResult]) -> Counted {
        Counted {
            outcome: Outcome::worst(results.iter().map(|r| r.outcome()))
                .and_then(|o| Outcome::ALL.iter().position(|x| *x == o)),
            rejected: results.iter().any(|r| r.status == Status::Rejected),
            errors: results.iter().any(|r| r.errors() > 0),
        }
    }
}

/// One file done: its results (one per report) and, with `--annotate`, the annotated copy
/// carrying the findings of all its reports (none for a file that could not be checked or has
/// nothing to say).
enum Done {
    Checked {
        results: Vec<CheckResult>,
        annotated: Option<Result<Annotated, Rejection>>,
    },
    /// Checked alone during the pairing pass, its output kept in the spill file: nothing of it
    /// paired, so checking it again with its (empty) links would print the same.
    Spilled(Spilled),
}

pub fn run(args: &CheckArgs) -> i32 {
    if args.paths.is_empty() {
        eprintln!("{}", messages::no_paths(&args::command_help("check")));
        return exit::USAGE;
    }
    let output = if args.csv {
        Output::Csv
    } else if args.json {
        Output::Json
    } else {
        Output::Text
    };
    if args.previous.is_some() && (args.paths.len() != 1 || args.paths[0].is_dir()) {
        eprintln!("{}", messages::PREVIOUS_WITH_ONE_FILE);
        eprintln!("{}", messages::see_help(" check"));
        return exit::USAGE;
    }
    if let Some(previous) = args.previous.as_ref().filter(|p| !p.exists()) {
        eprintln!(
            "{}",
            messages::previous_not_found(&previous.display().to_string())
        );
        return exit::UNCHECKED;
    }
    if let Some(dir) = &args.annotate {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!(
                "{}",
                messages::cannot_create_folder(&dir.display().to_string(), &e.to_string())
            );
            return exit::UNCHECKED;
        }
    }
    let annotate = args.annotate.as_ref().map(|_| AnnotateOptions {
        tracked_changes: args.suggest,
        date: Some(now_iso8601()),
        ..AnnotateOptions::default()
    });
    let mut writer = AnnotationWriter {
        dir: args.annotate.clone(),
        used: HashSet::new(),
        written: 0,
        failed: false,
        to_stdout: output == Output::Text,
    };
    let mut for_xlsx: Vec<(String, CheckResult)> = Vec::new();
    let walk::Files { files, missing } = walk::collect(&args.paths);
    let jobs = args
        .jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
        })
        .clamp(1, MAX_JOBS)
        .min(files.len().max(1));
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("{}", messages::cannot_start_threads(&e.to_string()));
            return exit::UNCHECKED;
        }
    };

    let mut out = io::BufWriter::new(io::stdout().lock());
    if output == Output::Csv {
        let _ = write!(out, "{}{}\r\n", present::CSV_BOM, present::CSV_HEADER);
    }
    let options = Options {
        report_kind: args.kind,
        ..Options::default()
    };
    // Cross-year pairing: the file named by --previous, or (for a batch) the reports of the
    // same agency in consecutive years, found by reading every file once before checking.
    let pair_batch = args.previous.is_none() && files.len() > 1;
    let progress = progress_bar(files.len() * if pair_batch { 2 } else { 1 });
    let render_file =
        |name: &str, results: &[CheckResult]| render(output, args.quiet, name, results);
    // The pairing pass reads and analyses every file; it also checks each alone and keeps the
    // output in a spill file, so that a file nothing pairs with (most of a batch) is not read
    // and analysed a second time. Not with --annotate or --xlsx (they need the results).
    let spill = if pair_batch && annotate.is_none() && args.xlsx.is_none() {
        SpillFile::create()
    } else {
        None
    };
    let (links, spilled): (Vec<Vec<ReportLinks>>, Vec<Option<Spilled>>) = if pair_batch {
        pool.install(|| pair_batch_files(&files, &options, &progress, spill.as_ref(), &render_file))
    } else {
        (Vec::new(), Vec::new())
    };
    let explicit = args.previous.as_deref();
    let mut tally = Tally::default();
    // A bounded channel: workers wait rather than pile up results that cannot be printed yet.
    let (tx, rx) = mpsc::sync_channel::<(usize, Done)>(jobs * 4);
    std::thread::scope(|scope| {
        let (files, options, pool, links, annotate) = (&files, &options, &pool, &links, &annotate);
        let spilled = &spilled;
        scope.spawn(move || {
            // `par_bridge` hands out files in order as workers become free, so results arrive
            // roughly in input order and few wait in `pending` below.
            // A failed send means the printer has stopped: the workers stop too.
            let _ = pool.install(|| {
                files
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .try_for_each_with(tx, |tx, (i, path)| {
                        let file_links = links.get(i).map_or(&[][..], Vec::as_slice);
                        let unlinked = file_links
                            .iter()
                            .all(|l| l.previous.is_none() && l.same_year.is_empty());
                        if let Some(Some(s)) = spilled.get(i).filter(|_| unlinked) {
                            return tx.send((i, Done::Spilled(*s))).map_err(drop);
                        }
                        let done = check_file(
                            path,
                            options,
                            file_links,
                            explicit,
                            files,
                            annotate.as_ref(),
                        );
                        tx.send((i, done)).map_err(drop)
                    })
            });
        });
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut printed = 0usize;
        for (i, done) in rx {
            pending.insert(i, done);
            progress.inc(1);
            while let Some(done) = pending.remove(&printed) {
                let name = files[printed].display().to_string();
                let (results, annotated) = match done {
                    Done::Checked { results, annotated } => (results, annotated),
                    Done::Spilled(s) => {
                        tally.count(s.counted);
                        let text = spill
                            .as_ref()
                            .map(|f| f.take(&s))
                            .unwrap_or_else(|| Err(io::Error::other("spill file missing")));
                        let written = text.and_then(|text| {
                            if progress.is_hidden() {
                                out.write_all(&text)
                            } else {
                                progress.suspend(|| out.write_all(&text).and_then(|()| out.flush()))
                            }
                        });
                        if written.is_err() {
                            std::process::exit(tally.exit_code(missing));
                        }
                        printed += 1;
                        continue;
                    }
                };
                tally.add(&results);
                let mut text = render_file(&name, &results);
                if args.xlsx.is_some() {
                    for result in &results {
                        for_xlsx.push((report_label(&name, result), result.clone()));
                    }
                }
                if let Some(note) = writer.write(&files[printed], &results, annotated) {
                    if writer.to_stdout {
                        if !text.is_empty() {
                            // Under the file's last report, before the blank line that ends it.
                            text.pop();
                            text.push_str(&format!("  {note}\n\n"));
                        }
                    } else {
                        progress.suspend(|| eprintln!("{name}：{note}"));
                    }
                }
                let written = if progress.is_hidden() {
                    out.write_all(text.as_bytes())
                } else {
                    progress.suspend(|| out.write_all(text.as_bytes()).and_then(|()| out.flush()))
                };
                if written.is_err() {
                    // Broken pipe (for example `| head`): stop quietly.
                    std::process::exit(tally.exit_code(missing));
                }
                printed += 1;
            }
        }
    });
    progress.finish_and_clear();
    let mut failed = writer.failed;
    if let Some(dir) = &writer.dir {
        let line = messages::annotated_written(&dir.display().to_string(), writer.written);
        if writer.to_stdout {
            let _ = writeln!(out, "{line}");
        } else {
            eprintln!("{line}");
        }
    }
    if let Some(path) = &args.xlsx {
        let entries: Vec<(&str, &CheckResult)> =
            for_xlsx.iter().map(|(n, r)| (n.as_str(), r)).collect();
        let written = present::xlsx::xlsx(&entries, Some(&now_iso8601()))
            .map_err(|r| r.message)
            .and_then(|bytes| std::fs::write(path, bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                let line = messages::xlsx_written(&path.display().to_string());
                if writer.to_stdout {
                    let _ = writeln!(out, "{line}");
                } else {
                    eprintln!("{line}");
                }
            }
            Err(e) => {
                eprintln!("{}", messages::xlsx_failed(&path.display().to_string(), &e));
                failed = true;
            }
        }
    }
    if output == Output::Text {
        let _ = writeln!(out, "{}", present::batch_tally(files.len(), tally.counts));
    }
    let _ = out.flush();
    tally.exit_code(missing || failed)
}

/// How the text and CSV outputs name a report of a file (JSON keeps the file name and carries
/// `report.index`/`report.count`).
fn report_label(name: &str, result: &CheckResult) -> String {
    if result.report.count > 1 {
        messages::report_in_file(name, result.report.index, result.report.count)
    } else {
        name.to_string()
    }
}

/// What is printed for one file's results.
fn render(output: Output, quiet: bool, name: &str, results: &[CheckResult]) -> String {
    let mut text = String::new();
    for result in results {
        match output {
            Output::Json => {
                text.push_str(&present::json_line(name, result));
                text.push('\n');
            }
            Output::Csv => text.push_str(&present::csv_rows(&report_label(name, result), result)),
            Output::Text
                if quiet && result.status == Status::Checked && result.findings.is_empty() => {}
            Output::Text => {
                text.push_str(&present::text(&report_label(name, result), result));
                text.push('\n');
            }
        }
    }
    text
}

/// Where a file's output, written during the pairing pass, is in the spill file.
#[derive(Clone, Copy)]
struct Spilled {
    at: u64,
    len: usize,
    counted: Counted,
}

/// An unnamed temporary file holding the outputs written during the pairing pass (a batch's
/// output may be tens of megabytes: it is not kept in memory). Removed when dropped.
struct SpillFile {
    file: std::sync::Mutex<(std::fs::File, u64)>,
    path: PathBuf,
}

impl SpillFile {
    /// A new file in the temporary folder, or `None` (then files are checked in the second
    /// pass as before).
    fn create() -> Option<SpillFile> {
        let dir = std::env::temp_dir();
        (0..16).find_map(|n| {
            let path = dir.join(format!("nianbao-batch-{}-{n}.tmp", std::process::id()));
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
                .ok()?;
            // Unnamed from now on where the system allows it (nothing left behind even when
            // the run ends early); else removed when dropped.
            let _ = std::fs::remove_file(&path);
            Some(SpillFile {
                file: std::sync::Mutex::new((file, 0)),
                path,
            })
        })
    }

    /// Appends `text`; `None` when it could not be written (the file is checked again).
    fn put(&self, text: &[u8], counted: Counted) -> Option<Spilled> {
        let mut guard = self.file.lock().ok()?;
        let (file, end) = &mut *guard;
        let at = *end;
        file.write_all(text).ok()?;
        *end += text.len() as u64;
        Some(Spilled {
            at,
            len: text.len(),
            counted,
        })
    }

    /// The text at `s`.
    fn take(&self, s: &Spilled) -> io::Result<Vec<u8>> {
        use std::io::{Seek, SeekFrom};
        let mut guard = self
            .file
            .lock()
            .map_err(|_| io::Error::other("spill file lock"))?;
        let (file, end) = &mut *guard;
        let mut buf = vec![0u8; s.len];
        file.seek(SeekFrom::Start(s.at))?;
        file.read_exact(&mut buf)?;
        file.seek(SeekFrom::Start(*end))?;
        Ok(buf)
    }
}

impl Drop for SpillFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Writes the annotated files of `--annotate` into their folder, in input order, each under a
/// name not used before in this run.
struct AnnotationWriter {
    dir: Option<PathBuf>,
    /// Names written in this run (lower case), so that two inputs of the same name in
    /// different folders do not overwrite each other.
    used: HashSet<String>,
    written: usize,
    failed: bool,
    to_stdout: bool,
}

impl AnnotationWriter {
    /// Writes one file's annotated copy; returns what to tell the person (`None` without
    /// `--annotate`).
    fn write(
        &mut self,
        input: &Path,
        results: &[CheckResult],
        annotated: Option<Result<Annotated, Rejection>>,
    ) -> Option<String> {
        let dir = self.dir.as_ref()?;
        if results.iter().any(|r| r.status == Status::Rejected) {
            return Some(messages::ANNOTATE_UNCHECKED.to_string());
        }
        let annotated = match annotated {
            None => return Some(messages::ANNOTATE_NOTHING.to_string()),
            Some(Err(r)) => {
                self.failed = true;
                return Some(messages::annotate_failed(&r.message));
            }
            Some(Ok(a)) => a,
        };
        let name = annotated_file_name(&input.to_string_lossy());
        let mut path = dir.join(&name);
        let mut n = 2;
        while !self.used.insert(path.to_string_lossy().to_lowercase()) {
            let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, "docx"));
            path = dir.join(messages::numbered_file_name(stem, n, ext));
            n += 1;
        }
        if let Err(e) = std::fs::write(&path, &annotated.bytes) {
            self.failed = true;
            return Some(messages::annotate_write_failed(
                &path.display().to_string(),
                &e.to_string(),
            ));
        }
        self.written += 1;
        Some(messages::annotate_written(
            &path.display().to_string(),
            annotated.comments,
            annotated.revisions,
        ))
    }
}

/// The current time in UTC as ISO 8601 (`2026-12-01T08:00:00Z`), for the comments' date.
fn now_iso8601() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    iso8601(secs)
}

/// Seconds since 1970 in UTC as ISO 8601.
fn iso8601(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

/// A progress bar on stderr for a large batch when stderr is a terminal; hidden otherwise.
fn progress_bar(n_files: usize) -> ProgressBar {
    if n_files < PROGRESS_MIN_FILES || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(n_files as u64);
    if let Ok(style) = ProgressStyle::with_template(messages::PROGRESS_TEMPLATE) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Where the previous-year report of a report comes from: another file of the batch (its
/// index) and the report's index in it.
#[derive(Clone, Default)]
struct ReportLinks {
    previous: Option<(usize, usize)>,
    /// The other reports of the same agency and year (as the output names them).
    same_year: Vec<String>,
}

/// How the output names a report of a file holding `count` reports.
fn report_name(file: &str, index: usize, count: usize) -> String {
    if count > 1 {
        messages::report_in_file(file, index, count)
    } else {
        file.to_string()
    }
}

/// Reads every file of the batch once (in parallel) for its reports' agencies and years, and
/// pairs them: for each file, the links of each of its reports. The documents are not kept (a
/// batch may hold thousands of files): a file is read again when it is checked or compared.
fn pair_batch_files(
    files: &[PathBuf],
    options: &Options,
    progress: &ProgressBar,
    spill: Option<&SpillFile>,
    render: &(dyn Fn(&str, &[CheckResult]) -> String + Sync),
) -> (Vec<Vec<ReportLinks>>, Vec<Option<Spilled>>) {
    use rayon::iter::{IndexedParallelIterator, IntoParallelRefIterator};
    let (keys, spilled): (Vec<Vec<Option<PairKey>>>, Vec<Option<Spilled>>) = files
        .par_iter()
        .enumerate()
        .map(|(i, path)| {
            let analysed = load(path, options);
            let keys = analysed.as_ref().map(Analysed::keys).unwrap_or_default();
            let spilled = spill.and_then(|spill| {
                // As `check_file` with no links.
                let results = match &analysed {
                    Ok(a) => check_reports(a, options, &[], None, files),
                    Err(rejection) => vec![CheckResult::rejected(rejection.clone())],
                };
                let text = render(&files[i].display().to_string(), &results);
                spill.put(text.as_bytes(), Counted::of(&results))
            });
            progress.inc(1);
            (keys, spilled)
        })
        .unzip();
    let mut links: Vec<Vec<ReportLinks>> = keys
        .iter()
        .map(|k| vec![ReportLinks::default(); k.len()])
        .collect();
    let counts: Vec<usize> = keys.iter().map(Vec::len).collect();
    let entries: Vec<BatchEntry> = keys
        .into_iter()
        .enumerate()
        .flat_map(|(file, keys)| {
            keys.into_iter()
                .enumerate()
                .map(move |(report, key)| BatchEntry { file, report, key })
        })
        .collect();
    for (e, link) in entries.iter().zip(pairing::pair(&entries)) {
        let slot = &mut links[e.file][e.report];
        slot.previous = link.previous.map(|p| (entries[p].file, entries[p].report));
        slot.same_year = link
            .same_year
            .iter()
            .map(|&j| {
                let o = &entries[j];
                report_name(
                    &files[o.file].display().to_string(),
                    o.report,
                    counts[o.file],
                )
            })
            .collect();
    }
    (links, spilled)
}

/// Reads and analyses one file; never panics (a bug in the core becomes an `internal`
/// rejection).
fn load(path: &Path, options: &Options) -> Result<Analysed, Rejection> {
    let bytes = read(path, options)?;
    std::panic::catch_unwind(|| analyse(&bytes, options)).unwrap_or_else(|_| Err(internal()))
}

/// Reads one file within the input bound.
fn read(path: &Path, options: &Options) -> Result<Vec<u8>, Rejection> {
    match read_bounded(path, options.limits.max_input_bytes) {
        Ok(Ok(b)) => Ok(b),
        Ok(Err(size)) => Err(too_large_input(size, &options.limits)),
        Err(e) => Err(Rejection::new(
            RejectionCode::Unreadable,
            messages::unreadable_file(&e.to_string()),
        )),
    }
}

fn internal() -> Rejection {
    Rejection::new(RejectionCode::Internal, messages::INTERNAL_CHECK)
}

/// Checks one file: one result per report it holds (one rejected result when it cannot be
/// checked), each report with its previous-year report when paired (`links`, by report) or
/// with the file named by `--previous`; with `annotate`, writes the findings of all its
/// reports into one copy as Word comments (locations in the previous year's file left out).
/// Never panics.
fn check_file(
    path: &Path,
    options: &Options,
    links: &[ReportLinks],
    explicit: Option<&Path>,
    files: &[PathBuf],
    annotate: Option<&AnnotateOptions>,
) -> Done {
    let rejected = |rejection| Done::Checked {
        results: vec![CheckResult::rejected(rejection)],
        annotated: None,
    };
    let bytes = match read(path, options) {
        Ok(b) => b,
        Err(rejection) => return rejected(rejection),
    };
    let analysed = match std::panic::catch_unwind(|| analyse(&bytes, options))
        .unwrap_or_else(|_| Err(internal()))
    {
        Ok(a) => a,
        Err(rejection) => return rejected(rejection),
    };
    let results = check_reports(&analysed, options, links, explicit, files);
    let annotated = match annotate {
        Some(a)
            if results.iter().all(|r| r.status == Status::Checked)
                && results.iter().any(|r| !r.findings.is_empty()) =>
        {
            Some(
                std::panic::catch_unwind(|| annotate_analysed(&bytes, &analysed, &results, a))
                    .unwrap_or_else(|_| {
                        Err(Rejection::new(
                            RejectionCode::Internal,
                            messages::INTERNAL_ANNOTATE,
                        ))
                    }),
            )
        }
        _ => None,
    };
    Done::Checked { results, annotated }
}

/// The results of every report of an analysed file (see [`check_file`]).
fn check_reports(
    analysed: &Analysed,
    options: &Options,
    links: &[ReportLinks],
    explicit: Option<&Path>,
    files: &[PathBuf],
) -> Vec<CheckResult> {
    // The previous-year files this file's reports are compared with, each read once.
    let mut sources: Vec<(PathBuf, Result<Analysed, Rejection>)> = Vec::new();
    let wanted = explicit.map(Path::to_path_buf).into_iter().chain(
        links
            .iter()
            .filter_map(|l| l.previous.map(|(j, _)| files[j].clone())),
    );
    for p in wanted {
        if !sources.iter().any(|(q, _)| *q == p) {
            let loaded = load(&p, options);
            sources.push((p, loaded));
        }
    }
    let names: Vec<String> = sources
        .iter()
        .map(|(p, _)| p.display().to_string())
        .collect();
    (0..analysed.reports().len())
        .map(|i| {
            let link = links.get(i).cloned().unwrap_or_default();
            let source = match (explicit, link.previous) {
                (Some(p), _) => sources.iter().position(|(q, _)| q == p).map(|k| (k, None)),
                (None, Some((j, report))) => sources
                    .iter()
                    .position(|(q, _)| *q == files[j])
                    .map(|k| (k, Some(report))),
                (None, None) => None,
            };
            let mut links = Links {
                same_year: link.same_year,
                ..Links::default()
            };
            if let Some((k, report)) = source {
                match &sources[k].1 {
                    Ok(last) => {
                        links.previous = Some(PreviousFile {
                            analysed: last,
                            report: report
                                .unwrap_or_else(|| previous_counterpart(analysed, i, last)),
                            name: Some(&names[k]),
                            explicit: report.is_none(),
                        })
                    }
                    Err(rejection) if report.is_none() => {
                        links.previous_unusable = Some(rejection.message.clone())
                    }
                    Err(_) => {}
                }
            }
            std::panic::catch_unwind(|| check_report(analysed, i, &links, options))
                .unwrap_or_else(|_| CheckResult::rejected(internal()))
        })
        .collect()
}

/// Reads a file unless it is larger than `limit` bytes (then `Ok(Err(size))`).
fn read_bounded(path: &Path, limit: u64) -> io::Result<Result<Vec<u8>, u64>> {
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > limit {
        return Ok(Err(len));
    }
    let mut buf = Vec::with_capacity(len as usize);
    file.take(limit + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Ok(Err(buf.len() as u64));
    }
    Ok(Ok(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_8601_in_utc() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_795_000_000), "2026-11-18T11:06:40Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn files_over_the_limit_are_not_read() {
        let path = std::env::temp_dir().join(format!("nianbao-bounded-{}", std::process::id()));
        std::fs::write(&path, vec![0u8; 100]).unwrap();
        assert_eq!(read_bounded(&path, 99).unwrap(), Err(100));
        assert_eq!(read_bounded(&path, 100).unwrap().unwrap().len(), 100);
        let _ = std::fs::remove_file(&path);
    }
}
