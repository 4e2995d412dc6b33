//! `nianbao check`: checks files in parallel (rayon) and prints each result in input order as
//! soon as it and all before it are done. A file holding several reports gives one result per
//! report (one JSON line each, `report.index`/`report.count` telling them apart).

use crate::args::{self, CheckArgs, MAX_JOBS};
use crate::{exit, walk};
use indicatif::{ProgressBar, ProgressStyle};
use nianbao::report::pairing::{self, BatchEntry, PairKey};
use nianbao::{
    analyse, check_report, present, previous_counterpart, too_large_input, Analysed, CheckResult,
    Links, Options, PreviousFile, Rejection, RejectionCode, Status,
};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::BTreeMap;
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

/// Files by outcome, for the summary line and the exit code.
#[derive(Default)]
struct Tally {
    ok: usize,
    errors: usize,
    rejected: usize,
}

impl Tally {
    /// Counts one file by its reports' results.
    fn add(&mut self, results: &[CheckResult]) {
        if results.iter().any(|r| r.status == Status::Rejected) {
            self.rejected += 1;
        } else if results.iter().any(|r| r.errors() > 0) {
            self.errors += 1;
        } else {
            self.ok += 1;
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

pub fn run(args: &CheckArgs) -> i32 {
    if args.paths.is_empty() {
        eprintln!(
            "请指定要检查的文件或文件夹\n\n{}",
            args::command_help("check")
        );
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
        eprintln!("--previous 只能与一个要检查的文件一起使用（不能是文件夹或多个文件）");
        eprintln!("运行 nianbao check --help 查看用法。");
        return exit::USAGE;
    }
    if let Some(previous) = args.previous.as_ref().filter(|p| !p.exists()) {
        eprintln!("找不到上一年度的报告：{}", previous.display());
        return exit::UNCHECKED;
    }
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
            eprintln!("无法启动检查线程：{e}");
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
    let links: Vec<Vec<ReportLinks>> = if pair_batch {
        pool.install(|| pair_batch_files(&files, &options, &progress))
    } else {
        Vec::new()
    };
    let explicit = args.previous.as_deref();
    let mut tally = Tally::default();
    // A bounded channel: workers wait rather than pile up results that cannot be printed yet.
    let (tx, rx) = mpsc::sync_channel::<(usize, Vec<CheckResult>)>(jobs * 4);
    std::thread::scope(|scope| {
        let (files, options, pool, links) = (&files, &options, &pool, &links);
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
                        tx.send((i, check_file(path, options, file_links, explicit, files)))
                            .map_err(drop)
                    })
            });
        });
        let mut pending: BTreeMap<usize, Vec<CheckResult>> = BTreeMap::new();
        let mut printed = 0usize;
        for (i, result) in rx {
            pending.insert(i, result);
            progress.inc(1);
            while let Some(results) = pending.remove(&printed) {
                let name = files[printed].display().to_string();
                tally.add(&results);
                let mut text = String::new();
                for result in &results {
                    // Reports of one file: the text and CSV name which one; JSON keeps the
                    // file name and carries `report.index`/`report.count`.
                    let named = if result.report.count > 1 {
                        format!(
                            "{name}（第 {}/{} 份年报）",
                            result.report.index + 1,
                            result.report.count
                        )
                    } else {
                        name.clone()
                    };
                    text.push_str(&match output {
                        Output::Json => present::json_line(&name, result) + "\n",
                        Output::Csv => present::csv_rows(&named, result),
                        Output::Text
                            if args.quiet
                                && result.status == Status::Checked
                                && result.findings.is_empty() =>
                        {
                            String::new()
                        }
                        Output::Text => present::text(&named, result) + "\n",
                    });
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
    if output == Output::Text {
        let _ = writeln!(
            out,
            "共检查 {} 个文件：{} 个无错误，{} 个有错误，{} 个无法检查",
            files.len(),
            tally.ok,
            tally.errors,
            tally.rejected
        );
    }
    let _ = out.flush();
    tally.exit_code(missing)
}

/// A progress bar on stderr for a large batch when stderr is a terminal; hidden otherwise.
fn progress_bar(n_files: usize) -> ProgressBar {
    if n_files < PROGRESS_MIN_FILES || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(n_files as u64);
    if let Ok(style) = ProgressStyle::with_template(
        "检查中 [{bar:40}] {pos}/{len} 个文件，已用 {elapsed}，约剩 {eta}",
    ) {
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
        format!("{file}（第 {}/{count} 份年报）", index + 1)
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
) -> Vec<Vec<ReportLinks>> {
    use rayon::iter::IntoParallelRefIterator;
    let keys: Vec<Vec<Option<PairKey>>> = files
        .par_iter()
        .map(|path| {
            let keys = load(path, options).map(|a| a.keys()).unwrap_or_default();
            progress.inc(1);
            keys
        })
        .collect();
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
    links
}

/// Reads and analyses one file; never panics (a bug in the core becomes an `internal`
/// rejection).
fn load(path: &Path, options: &Options) -> Result<Analysed, Rejection> {
    let bytes = match read_bounded(path, options.limits.max_input_bytes) {
        Ok(Ok(b)) => b,
        Ok(Err(size)) => return Err(too_large_input(size, &options.limits)),
        Err(e) => {
            return Err(Rejection::new(
                RejectionCode::Unreadable,
                format!("无法读取文件：{e}"),
            ))
        }
    };
    std::panic::catch_unwind(|| analyse(&bytes, options)).unwrap_or_else(|_| Err(internal()))
}

fn internal() -> Rejection {
    Rejection::new(
        RejectionCode::Internal,
        "nianbao 处理此文件时出现内部错误，请将文件反馈给开发者",
    )
}

/// Checks one file: one result per report it holds (one rejected result when it cannot be
/// checked), each report with its previous-year report when paired (`links`, by report) or
/// with the file named by `--previous`; never panics.
fn check_file(
    path: &Path,
    options: &Options,
    links: &[ReportLinks],
    explicit: Option<&Path>,
    files: &[PathBuf],
) -> Vec<CheckResult> {
    let analysed = match load(path, options) {
        Ok(a) => a,
        Err(rejection) => return vec![CheckResult::rejected(rejection)],
    };
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
                                .unwrap_or_else(|| previous_counterpart(&analysed, i, last)),
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
            std::panic::catch_unwind(|| check_report(&analysed, i, &links, options))
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
    fn files_over_the_limit_are_not_read() {
        let path = std::env::temp_dir().join(format!("nianbao-bounded-{}", std::process::id()));
        std::fs::write(&path, vec![0u8; 100]).unwrap();
        assert_eq!(read_bounded(&path, 99).unwrap(), Err(100));
        assert_eq!(read_bounded(&path, 100).unwrap().unwrap().len(), 100);
        let _ = std::fs::remove_file(&path);
    }
}
