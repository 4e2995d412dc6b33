//! `nianbao check`: checks files in parallel (rayon) and prints each result in input order as
//! soon as it and all before it are done.

use crate::args::{self, CheckArgs, MAX_JOBS};
use crate::{exit, walk};
use indicatif::{ProgressBar, ProgressStyle};
use nianbao::present::annotate::{annotated_file_name, AnnotateOptions, Annotated};
use nianbao::{
    annotate_result, check_bytes_with, present, too_large_input, CheckResult, Options, Rejection,
    RejectionCode, Status,
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

/// Files by outcome, for the summary line and the exit code.
#[derive(Default)]
struct Tally {
    ok: usize,
    errors: usize,
    rejected: usize,
}

impl Tally {
    fn add(&mut self, result: &CheckResult) {
        match result.status {
            Status::Rejected => self.rejected += 1,
            Status::Checked if result.errors() > 0 => self.errors += 1,
            Status::Checked => self.ok += 1,
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

/// One file done: its result and, with `--annotate`, the annotated file (none for a file that
/// could not be checked or has nothing to say).
struct Done {
    result: CheckResult,
    annotated: Option<Result<Annotated, Rejection>>,
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
    if let Some(dir) = &args.annotate {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("无法创建批注文件夹 {}：{e}", dir.display());
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
    let options = Options::default();
    // A bounded channel: workers wait rather than pile up results that cannot be printed yet.
    let (tx, rx) = mpsc::sync_channel::<(usize, Done)>(jobs * 4);
    std::thread::scope(|scope| {
        let (files, options, pool, annotate) = (&files, &options, &pool, &annotate);
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
                        tx.send((i, process(path, options, annotate.as_ref())))
                            .map_err(drop)
                    })
            });
        });
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut printed = 0usize;
        for (i, done) in rx {
            pending.insert(i, done);
            progress.inc(1);
            while let Some(Done { result, annotated }) = pending.remove(&printed) {
                let name = files[printed].display().to_string();
                tally.add(&result);
                let text = match output {
                    Output::Json => present::json_line(&name, &result) + "\n",
                    Output::Csv => present::csv_rows(&name, &result),
                    Output::Text
                        if args.quiet
                            && result.status == Status::Checked
                            && result.findings.is_empty() =>
                    {
                        String::new()
                    }
                    Output::Text => present::text(&name, &result),
                };
                let mut text = text;
                if let Some(note) = writer.write(&files[printed], &result, annotated) {
                    if writer.to_stdout {
                        if !(args.quiet && result.findings.is_empty()) {
                            text.push_str(&format!("  {note}\n"));
                        }
                    } else {
                        progress.suspend(|| eprintln!("{name}：{note}"));
                    }
                }
                if output == Output::Text && !text.is_empty() {
                    text.push('\n');
                }
                if args.xlsx.is_some() {
                    for_xlsx.push((name.clone(), result.clone()));
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
        let line = format!(
            "已在 {} 写入 {} 个带批注的报告",
            dir.display(),
            writer.written
        );
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
                let line = format!("已写入 Excel 文件 {}", path.display());
                if writer.to_stdout {
                    let _ = writeln!(out, "{line}");
                } else {
                    eprintln!("{line}");
                }
            }
            Err(e) => {
                eprintln!("无法写入 Excel 文件 {}：{e}", path.display());
                failed = true;
            }
        }
    }
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
    tally.exit_code(missing || failed)
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
        result: &CheckResult,
        annotated: Option<Result<Annotated, Rejection>>,
    ) -> Option<String> {
        let dir = self.dir.as_ref()?;
        if result.status == Status::Rejected {
            return Some("批注：文件无法检查，未生成批注文件".to_string());
        }
        let annotated = match annotated {
            None => return Some("批注：未发现问题，未生成批注文件".to_string()),
            Some(Err(r)) => {
                self.failed = true;
                return Some(format!("批注：未能生成批注文件（{}）", r.message));
            }
            Some(Ok(a)) => a,
        };
        let name = annotated_file_name(&input.to_string_lossy());
        let mut path = dir.join(&name);
        let mut n = 2;
        while !self.used.insert(path.to_string_lossy().to_lowercase()) {
            let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, "docx"));
            path = dir.join(format!("{stem}（{n}）.{ext}"));
            n += 1;
        }
        if let Err(e) = std::fs::write(&path, &annotated.bytes) {
            self.failed = true;
            return Some(format!("批注：无法写入 {}：{e}", path.display()));
        }
        self.written += 1;
        let revisions = if annotated.revisions > 0 {
            format!("，{} 处修订", annotated.revisions)
        } else {
            String::new()
        };
        Some(format!(
            "批注：已写入 {}（{} 条批注{revisions}）",
            path.display(),
            annotated.comments
        ))
    }
}

/// Checks one file and, when asked, writes its findings into a copy as Word comments.
fn process(path: &Path, options: &Options, annotate: Option<&AnnotateOptions>) -> Done {
    let bytes = match read_bounded(path, options.limits.max_input_bytes) {
        Ok(Ok(b)) => b,
        Ok(Err(size)) => {
            return Done {
                result: CheckResult::rejected(too_large_input(size, &options.limits)),
                annotated: None,
            }
        }
        Err(e) => {
            return Done {
                result: CheckResult::rejected(Rejection::new(
                    RejectionCode::Unreadable,
                    format!("无法读取文件：{e}"),
                )),
                annotated: None,
            }
        }
    };
    let result = check_guarded(&bytes, options);
    let annotated = match annotate {
        Some(a) if result.status == Status::Checked && !result.findings.is_empty() => Some(
            std::panic::catch_unwind(|| annotate_result(&bytes, &result, a)).unwrap_or_else(|_| {
                Err(Rejection::new(
                    RejectionCode::Internal,
                    "nianbao 写入批注时出现内部错误，请将文件反馈给开发者",
                ))
            }),
        ),
        _ => None,
    };
    Done { result, annotated }
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
    if let Ok(style) = ProgressStyle::with_template(
        "检查中 [{bar:40}] {pos}/{len} 个文件，已用 {elapsed}，约剩 {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Checks one file's bytes; never panics (a bug in the core becomes an `internal` rejection).
fn check_guarded(bytes: &[u8], options: &Options) -> CheckResult {
    match std::panic::catch_unwind(|| check_bytes_with(bytes, options)) {
        Ok(r) => r,
        Err(_) => CheckResult::rejected(Rejection::new(
            RejectionCode::Internal,
            "nianbao 处理此文件时出现内部错误，请将文件反馈给开发者",
        )),
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
