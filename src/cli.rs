//! The command-line front end (native only): argument parsing, folder walking, parallel checks, output.

use nianbao::present;
use nianbao::{check_bytes_with, CheckResult, Options, Status};
use nianbao::{Rejection, RejectionCode};
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

const USAGE: &str = "nianbao —— 政府信息公开工作年度报告检查工具

用法：
  nianbao check [选项] 路径...     检查 .docx 文件或文件夹（递归查找 .docx/.doc/.wps）
  nianbao rules [--json]           输出检查规则目录（Markdown，或 JSON）
  nianbao --version

check 选项：
  --json        每个文件输出一行 JSON（JSON Lines）
  --csv         每个问题输出一行 CSV（UTF-8 带 BOM，可直接用 Excel/WPS 打开）
  --jobs N      并行线程数（默认为 CPU 核数）
  --quiet       文本输出时只列出有问题的文件

退出码：0 未发现错误；1 发现错误；2 有文件无法读取或无法检查；64 用法错误
";

/// Deepest folder nesting followed when collecting files.
const MAX_WALK_DEPTH: usize = 64;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Text,
    Json,
    Csv,
}

pub fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("check") => run_check(&args[1..]),
        Some("rules") => run_rules(&args[1..]),
        Some("--version" | "-V") => {
            println!("nianbao {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            0
        }
        _ => {
            eprint!("{USAGE}");
            64
        }
    };
    std::process::exit(code);
}

fn run_rules(args: &[String]) -> i32 {
    if args.iter().any(|a| a == "--json") {
        let infos: Vec<_> = nianbao::rules::catalogue().iter().map(|r| r.info).collect();
        match serde_json::to_string_pretty(&infos) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("无法输出规则目录：{e}");
                return 2;
            }
        }
    } else {
        print!("{}", nianbao::rules::catalogue_markdown());
    }
    0
}

fn run_check(args: &[String]) -> i32 {
    let mut output = Output::Text;
    let mut jobs = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let mut quiet = false;
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => output = Output::Json,
            "--csv" => output = Output::Csv,
            "--quiet" | "-q" => quiet = true,
            "--jobs" | "-j" => match it
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| *n > 0)
            {
                Some(n) => jobs = n.min(256),
                None => {
                    eprintln!("--jobs 需要一个正整数");
                    return 64;
                }
            },
            s if s.starts_with("--") => {
                eprintln!("未知选项：{s}\n\n{USAGE}");
                return 64;
            }
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if paths.is_empty() {
        eprintln!("请指定要检查的文件或文件夹\n\n{USAGE}");
        return 64;
    }
    let mut files: Vec<PathBuf> = Vec::new();
    let mut missing = false;
    for p in &paths {
        if p.is_dir() {
            walk(p, 0, &mut files);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            eprintln!("找不到文件或文件夹：{}", p.display());
            missing = true;
        }
    }

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if output == Output::Csv {
        let _ = write!(out, "{}{}\r\n", present::CSV_BOM, present::CSV_HEADER);
    }
    let (mut n_ok, mut n_err, mut n_rejected) = (0usize, 0usize, 0usize);
    let jobs = jobs.min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(usize, CheckResult)>(jobs * 4);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let files = &files;
            let next = &next;
            scope.spawn(move || {
                let options = Options::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let result = check_file(path, &options);
                    if tx.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Print in input order as results arrive.
        let mut pending: BTreeMap<usize, CheckResult> = BTreeMap::new();
        let mut printed = 0usize;
        for (i, result) in rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&printed) {
                let name = files
                    .get(printed)
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                match result.status {
                    Status::Rejected => n_rejected += 1,
                    Status::Checked if result.errors() > 0 => n_err += 1,
                    Status::Checked => n_ok += 1,
                }
                let text = match output {
                    Output::Json => present::json_line(&name, &result) + "\n",
                    Output::Csv => present::csv_rows(&name, &result),
                    Output::Text
                        if quiet
                            && result.status == Status::Checked
                            && result.findings.is_empty() =>
                    {
                        String::new()
                    }
                    Output::Text => present::text(&name, &result) + "\n",
                };
                if out.write_all(text.as_bytes()).is_err() {
                    // Broken pipe: stop quietly.
                    std::process::exit(if n_rejected > 0 {
                        2
                    } else if n_err > 0 {
                        1
                    } else {
                        0
                    });
                }
                printed += 1;
            }
        }
    });
    if output == Output::Text {
        let _ = writeln!(
            out,
            "共检查 {} 个文件：{} 个无错误，{} 个有错误，{} 个无法检查",
            files.len(),
            n_ok,
            n_err,
            n_rejected
        );
    }
    let _ = out.flush();
    if n_rejected > 0 || missing {
        2
    } else if n_err > 0 {
        1
    } else {
        0
    }
}

/// Checks one file; never panics (a bug in the core becomes an `internal` rejection).
fn check_file(path: &Path, options: &Options) -> CheckResult {
    let bytes = match read_bounded(path, options.limits.max_input_bytes) {
        Ok(Ok(b)) => b,
        Ok(Err(size)) => {
            return CheckResult::rejected(nianbao::too_large_input(size, &options.limits))
        }
        Err(e) => {
            return CheckResult::rejected(Rejection::new(
                RejectionCode::Unreadable,
                format!("无法读取文件：{e}"),
            ))
        }
    };
    match std::panic::catch_unwind(|| check_bytes_with(&bytes, options)) {
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

/// Collects report files below `dir` (sorted, symlinked folders not followed).
fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>) {
    if depth > MAX_WALK_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("无法读取文件夹：{}", dir.display());
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            walk(&path, depth + 1, files);
        } else if ft.is_file() && is_report_file(&path) {
            files.push(path);
        }
    }
}

fn is_report_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with("~$") || name.starts_with(".~") {
        return false; // Word/WPS lock files
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(ext.as_str(), "docx" | "docm" | "doc" | "wps")
}
