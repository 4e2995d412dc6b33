//! `nianbao check`: checks files in parallel (rayon) and prints each result in input order as
//! soon as it and all before it are done. A file holding several reports gives one result per
//! report (one JSON line each, `report.index`/`report.count` telling them apart).

use crate::args::{self, CheckArgs, MAX_JOBS};
use crate::spill::{Counted, SpillFile, Spilled};
use crate::{exit, walk};
use indicatif::{ProgressBar, ProgressStyle};
use nianbao::batch::{self, BatchItem};
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
    fn add(&mut self, c: Counted) {
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

/// What one file adds to the tally.
fn counted(results: &[CheckResult]) -> Counted {
    Counted {
        outcome: Outcome::worst(results.iter().map(|r| r.outcome()))
            .and_then(|o| Outcome::ALL.iter().position(|x| *x == o)),
        rejected: results.iter().any(|r| r.status == Status::Rejected),
        errors: results.iter().any(|r| r.errors() > 0),
    }
}

/// One file done: its results (one per report) and, with `--annotate`, the annotated copy
/// carrying the findings of all its reports (none for a file that could not be checked or has
/// nothing to say); or, for a file checked alone in the pairing pass that nothing paired with,
/// where its output is in the spill file.
enum Done {
    Checked {
        results: Vec<CheckResult>,
        annotated: Option<Result<Annotated, Rejection>>,
    },
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
    let render_file = |out: &mut Vec<u8>, name: &str, results: &[CheckResult]| {
        render(out, output, args.quiet, name, results)
    };
    // The pairing pass reads and analyses every file; it also checks each alone and keeps what
    // would be printed in a spill file, so that a file nothing pairs with (most of a batch) is
    // read and analysed once. Not with --annotate or --xlsx (they need the results).
    let spill = if pair_batch && annotate.is_none() && args.xlsx.is_none() {
        SpillFile::create()
    } else {
        None
    };
    let (links, spilled) = if pair_batch {
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
                        if let Some(Some(s)) = spilled.get(i) {
                            if file_links.iter().all(ReportLinks::is_plain) {
                                return tx.send((i, Done::Spilled(*s))).map_err(drop);
                            }
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
                let text: Vec<u8> = match done {
                    Done::Spilled(s) => {
                        tally.add(s.counted);
                        // Straight from the spill file to the output.
                        let copied = match spill.as_ref() {
                            Some(f) if progress.is_hidden() => f.copy_to(&s, &mut out),
                            Some(f) => progress
                                .suspend(|| f.copy_to(&s, &mut out).and_then(|()| out.flush())),
                            None => Err(io::Error::other("no spill file")),
                        };
                        if copied.is_err() {
                            // The spill file unreadable or the output closed (for example
                            // `| head`): stop quietly.
                            std::process::exit(tally.exit_code(missing));
                        }
                        Vec::new()
                    }
                    Done::Checked { results, annotated } => {
                        tally.add(counted(&results));
                        let mut text = Vec::new();
                        render_file(&mut text, &name, &results);
                        if args.xlsx.is_some() {
                            for result in &results {
                                let named = batch::report_name(
                                    &name,
                                    result.report.index,
                                    result.report.count,
                                );
                                for_xlsx.push((named, result.clone()));
                            }
                        }
                        if let Some(note) = writer.write(&files[printed], &results, annotated) {
                            if writer.to_stdout {
                                if !text.is_empty() {
                                    // Under the file's last report, before the blank line that
                                    // ends it.
                                    text.pop();
                                    text.extend_from_slice(format!("  {note}\n\n").as_bytes());
                                }
                            } else {
                                progress.suspend(|| eprintln!("{name}：{note}"));
                            }
                        }
                        text
                    }
                };
                let written = if progress.is_hidden() {
                    out.write_all(&text)
                } else {
                    progress.suspend(|| out.write_all(&text).and_then(|()| out.flush()))
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

/// What is printed for one file's results (without `--annotate`'s note), appended to `text`.
fn render(text: &mut Vec<u8>, output: Output, quiet: bool, name: &str, results: &[CheckResult]) {
    for result in results {
        // Reports of one file: the text and CSV name which one; JSON keeps the file name and
        // carries `report.index`/`report.count`.
        let named = || batch::report_name(name, result.report.index, result.report.count);
        match output {
            Output::Json => {
                present::json_line_into(text, name, result);
                text.push(b'\n');
            }
            Output::Csv => text.extend_from_slice(present::csv_rows(&named(), result).as_bytes()),
            Output::Text
                if quiet && result.status == Status::Checked && result.findings.is_empty() => {}
            Output::Text => {
                text.extend_from_slice(present::text(&named(), result).as_bytes());
                text.push(b'\n');
            }
        }
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
/// index) and the report's index in it; and what else the batch engine said of it, as names.
#[derive(Clone, Default)]
struct ReportLinks {
    previous: Option<(usize, usize)>,
    notes: Links<'static>,
}

impl ReportLinks {
    /// Nothing of the batch changes this report's check: checked with these links it gives
    /// what it gives alone. (Every field is named, so that a new one is considered here.)
    fn is_plain(&self) -> bool {
        let Links {
            previous,
            same_year,
            previous_unusable,
            previous_ambiguous,
            likely_previous,
            units,
        } = &self.notes;
        self.previous.is_none()
            && previous.is_none()
            && same_year.is_empty()
            && previous_unusable.is_none()
            && previous_ambiguous.is_empty()
            && likely_previous.is_empty()
            && units.is_empty()
    }
}

/// Appends what is printed for one file's results (`render` with the run's options).
type Render<'a> = dyn Fn(&mut Vec<u8>, &str, &[CheckResult]) + Sync + 'a;

thread_local! {
    /// The output of the file a pairing worker checked last (`pair_batch_files`).
    static RENDERED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The largest rendering buffer a pairing worker keeps for the next file (bytes).
const MAX_KEPT_RENDER: usize = 1 << 20;

/// Reads every file of the batch once (in parallel) for its reports' agencies and years, and
/// pairs them: for each file, the links of each of its reports. The documents are not kept (a
/// batch may hold thousands of files). With a spill file, each file is also checked alone and
/// its output kept there (`render`): a file nothing pairs with is not read again; a paired
/// one is read again when it is checked or compared.
fn pair_batch_files(
    files: &[PathBuf],
    options: &Options,
    progress: &ProgressBar,
    spill: Option<&SpillFile>,
    render: &Render<'_>,
) -> (Vec<Vec<ReportLinks>>, Vec<Option<Spilled>>) {
    use rayon::iter::{IndexedParallelIterator, IntoParallelRefIterator};
    // What the engine needs of each file: its reports' agencies and years, and its digest.
    let (seen, spilled): (Vec<Vec<BatchItem>>, Vec<Option<Spilled>>) = files
        .par_iter()
        .enumerate()
        .map(|(file, path)| {
            let (analysed, digest) = match read(path, options) {
                Ok(bytes) => (
                    std::panic::catch_unwind(|| analyse(&bytes, options))
                        .unwrap_or_else(|_| Err(internal())),
                    batch::digest(&bytes),
                ),
                Err(rejection) => (Err(rejection), String::new()),
            };
            let items = match &analysed {
                Ok(a) => batch::items_of(file, a.reports(), &digest).collect(),
                Err(_) => Vec::new(),
            };
            let spilled = spill.and_then(|spill| {
                // What `check_file` gives with no links.
                let results = match &analysed {
                    Ok(a) => check_reports(a, options, &[], None, files),
                    Err(rejection) => vec![CheckResult::rejected(rejection.clone())],
                };
                // One buffer per worker, reused file after file (a large one is let go).
                RENDERED.with(|text| {
                    let mut text = text.borrow_mut();
                    text.clear();
                    render(&mut text, &files[file].display().to_string(), &results);
                    let spilled = spill.put(&text, counted(&results));
                    if text.capacity() > MAX_KEPT_RENDER {
                        *text = Vec::new();
                    }
                    spilled
                })
            });
            progress.inc(1);
            (items, spilled)
        })
        .unzip();
    let mut links: Vec<Vec<ReportLinks>> = seen
        .iter()
        .map(|k| vec![ReportLinks::default(); k.len()])
        .collect();
    let counts: Vec<usize> = seen.iter().map(Vec::len).collect();
    let items: Vec<BatchItem> = seen.into_iter().flatten().collect();
    let name = |j: usize| {
        let o: &BatchItem = &items[j];
        batch::report_name(
            &files[o.file].display().to_string(),
            o.report,
            counts[o.file],
        )
    };
    let decisions = batch::decide(&items);
    let figures = unit_figures(files, options, &items, &decisions);
    for (e, d) in items.iter().zip(&decisions) {
        let slot = &mut links[e.file][e.report];
        slot.previous = d.previous.map(|p| (items[p].file, items[p].report));
        batch::fill_notes(&mut slot.notes, d, name);
        slot.notes.units = d
            .units
            .iter()
            .filter_map(|&j| {
                Some(batch::Unit {
                    name: name(j),
                    figures: figures.get(&j)?.clone(),
                })
            })
            .collect();
    }
    (links, spilled)
}

/// The figures (M.HIER) of every report that is a unit of a consolidated report, by item: their
/// files are read again (only those), in parallel.
fn unit_figures(
    files: &[PathBuf],
    options: &Options,
    items: &[BatchItem],
    decisions: &[batch::Decision],
) -> std::collections::HashMap<usize, Vec<batch::Figure>> {
    use rayon::iter::{IntoParallelIterator, ParallelIterator};
    let mut wanted: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for d in decisions {
        for &j in &d.units {
            let list = wanted.entry(items[j].file).or_default();
            if !list.contains(&j) {
                list.push(j);
            }
        }
    }
    wanted
        .into_iter()
        .collect::<Vec<_>>()
        .into_par_iter()
        .flat_map_iter(|(file, js)| {
            let analysed = load(&files[file], options).ok();
            js.into_iter()
                .filter_map(|j| {
                    let report = analysed.as_ref()?.reports().get(items[j].report)?;
                    Some((j, batch::figures_of(report)))
                })
                .collect::<Vec<_>>()
        })
        .collect()
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
            let mut links = link.notes;
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
    fn only_links_without_anything_print_what_the_file_alone_prints() {
        assert!(ReportLinks::default().is_plain());
        let name = || vec!["甲.docx".to_string()];
        let mut linked: Vec<ReportLinks> = vec![ReportLinks {
            previous: Some((1, 0)),
            ..ReportLinks::default()
        }];
        for set in [
            |l: &mut Links<'static>, n: Vec<String>| l.same_year = n,
            |l: &mut Links<'static>, n: Vec<String>| l.previous_ambiguous = n,
            |l: &mut Links<'static>, n: Vec<String>| l.likely_previous = n,
            |l: &mut Links<'static>, n: Vec<String>| l.previous_unusable = n.into_iter().next(),
            |l: &mut Links<'static>, n: Vec<String>| {
                l.units = n
                    .into_iter()
                    .map(|name| nianbao::batch::Unit {
                        name,
                        figures: Vec::new(),
                    })
                    .collect()
            },
        ] {
            let mut l = ReportLinks::default();
            set(&mut l.notes, name());
            linked.push(l);
        }
        for l in &linked {
            assert!(!l.is_plain());
        }
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
