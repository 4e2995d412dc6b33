//! `nianbao check`: checks files in parallel (rayon) and prints each result in input order as
//! soon as it and all before it are done. A file holding several reports gives one result per
//! report (one JSON line each, `report.index`/`report.count` telling them apart).

use crate::args::{self, CheckArgs, MAX_JOBS};
use crate::{exit, walk};
use indicatif::{ProgressBar, ProgressStyle};
use nianbao::{
    check_document, present, too_large_input, CheckResult, Options, Rejection, RejectionCode,
    Status,
};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
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
    let progress = progress_bar(files.len());
    let mut tally = Tally::default();
    let options = Options {
        report_kind: args.kind,
        ..Options::default()
    };
    // A bounded channel: workers wait rather than pile up results that cannot be printed yet.
    let (tx, rx) = mpsc::sync_channel::<(usize, Vec<CheckResult>)>(jobs * 4);
    std::thread::scope(|scope| {
        let (files, options, pool) = (&files, &options, &pool);
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
                        tx.send((i, check_file(path, options))).map_err(drop)
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

/// Checks one file: one result per report it holds (one rejected result when it cannot be
/// checked); never panics (a bug in the core becomes an `internal` rejection).
fn check_file(path: &Path, options: &Options) -> Vec<CheckResult> {
    let bytes = match read_bounded(path, options.limits.max_input_bytes) {
        Ok(Ok(b)) => b,
        Ok(Err(size)) => {
            return vec![CheckResult::rejected(too_large_input(
                size,
                &options.limits,
            ))]
        }
        Err(e) => {
            return vec![CheckResult::rejected(Rejection::new(
                RejectionCode::Unreadable,
                format!("无法读取文件：{e}"),
            ))]
        }
    };
    match std::panic::catch_unwind(|| check_document(&bytes, options)) {
        Ok(r) => r,
        Err(_) => vec![CheckResult::rejected(Rejection::new(
            RejectionCode::Internal,
            "nianbao 处理此文件时出现内部错误，请将文件反馈给开发者",
        ))],
    }
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
