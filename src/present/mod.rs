//! Presenters for the command-line tool: readable text, JSON Lines and CSV.

use crate::contract::{CheckResult, Status};
use crate::findings::{Finding, Location, Severity};
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

/// One file's result as a JSON Lines record.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    #[serde(flatten)]
    result: &'a CheckResult,
}

/// The JSON Lines record for one file (no trailing newline).
#[cfg(not(target_arch = "wasm32"))]
pub fn json_line(file: &str, result: &CheckResult) -> String {
    serde_json::to_string(&Record { file, result }).unwrap_or_else(|e| {
        format!("{{\"file\":{},\"status\":\"rejected\",\"rejection\":{{\"code\":\"internal\",\"message\":\"无法输出结果：{}\"}}}}", quote(file), e)
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// The CSV header line (UTF-8; the caller writes the BOM once at the start).
pub const CSV_HEADER: &str = "文件,状态,规则,级别,表,行,列,应为,实为,说明";

/// A UTF-8 byte order mark, so that Excel and WPS open the CSV as UTF-8.
pub const CSV_BOM: &str = "\u{FEFF}";

/// CSV rows for one file: one per finding; a rejected file or a file without findings gets
/// one row too, so every file appears.
pub fn csv_rows(file: &str, result: &CheckResult) -> String {
    let mut out = String::new();
    match result.status {
        Status::Rejected => {
            let (code, msg) = result
                .rejection
                .as_ref()
                .map(|r| (r.code.as_str(), r.message.as_str()))
                .unwrap_or(("", ""));
            push_row(
                &mut out,
                &[file, "无法检查", code, "", "", "", "", "", "", msg],
            );
        }
        Status::Checked if result.findings.is_empty() => push_row(
            &mut out,
            &[file, "通过", "", "", "", "", "", "", "", "未发现问题"],
        ),
        Status::Checked => {
            for f in &result.findings {
                let table = f
                    .table
                    .map(|t| format!("表{}", cn_table(t)))
                    .unwrap_or_default();
                let expected = f
                    .expected
                    .as_ref()
                    .map(|q| q.to_string())
                    .unwrap_or_default();
                let actual = f.actual.as_ref().map(|q| q.to_string()).unwrap_or_default();
                push_row(
                    &mut out,
                    &[
                        file,
                        status_label(result),
                        f.rule,
                        f.severity.label(),
                        &table,
                        &f.row.join(" / "),
                        &f.column.join(" / "),
                        &expected,
                        &actual,
                        &f.message,
                    ],
                );
            }
        }
    }
    out
}

fn push_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(f));
    }
    out.push_str("\r\n");
}

/// Quotes a CSV field when needed; a leading `=`, `+`, `-`, `@` is prefixed with `'` so that a
/// spreadsheet does not run cell text as a formula.
fn csv_field(s: &str) -> String {
    let guarded =
        if s.starts_with(['=', '+', '@']) || (s.starts_with('-') && s.parse::<f64>().is_err()) {
            format!("'{s}")
        } else {
            s.to_string()
        };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn cn_table(t: u8) -> &'static str {
    match t {
        2 => "二",
        3 => "三",
        4 => "四",
        _ => "",
    }
}

fn status_label(r: &CheckResult) -> &'static str {
    match (r.status, r.errors(), r.warnings()) {
        (Status::Rejected, _, _) => "无法检查",
        (_, 0, 0) => "通过",
        (_, 0, _) => "有警告",
        _ => "有错误",
    }
}

/// A readable report for one file.
pub fn text(file: &str, result: &CheckResult) -> String {
    let mut s = String::new();
    match result.status {
        Status::Rejected => {
            let msg = result
                .rejection
                .as_ref()
                .map(|r| format!("{}（{}）", r.message, r.code.as_str()))
                .unwrap_or_default();
            s.push_str(&format!("✖ {file}\n  无法检查：{msg}\n"));
        }
        Status::Checked => {
            let r = &result.report;
            let agency = r.agency.as_deref().unwrap_or("（未识别机关）");
            let year = r
                .year
                .map(|y| format!("{y} 年度"))
                .unwrap_or_else(|| "（未识别年度）".into());
            let format = r
                .format
                .as_deref()
                .map(|f| format!("{f} 年版格式"))
                .unwrap_or_else(|| "（未识别格式）".into());
            let mark = if result.errors() > 0 {
                "✖"
            } else if result.warnings() > 0 {
                "⚠"
            } else {
                "✔"
            };
            s.push_str(&format!("{mark} {file}\n  {agency} · {year} · {format}\n"));
            for f in &result.findings {
                s.push_str(&format!(
                    "  {} {} {}：{}\n",
                    icon(f),
                    f.severity.label(),
                    f.rule,
                    f.message
                ));
                for sentence in f.locations.iter().filter_map(|l| match l {
                    Location::Text { sentence, .. } if !f.message.contains(sentence.as_str()) => {
                        Some(sentence)
                    }
                    _ => None,
                }) {
                    s.push_str(&format!("      正文：{sentence}\n"));
                }
            }
            if result.findings.is_empty() {
                s.push_str("  通过：未发现问题\n");
            } else {
                s.push_str(&format!(
                    "  共 {} 个错误，{} 个警告\n",
                    result.errors(),
                    result.warnings()
                ));
            }
        }
    }
    s
}

fn icon(f: &Finding) -> &'static str {
    match f.severity {
        Severity::Error => "✖",
        Severity::Warning => "⚠",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_guarded() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=cmd()"), "'=cmd()");
        assert_eq!(csv_field("-1"), "-1");
        assert_eq!(csv_field("plain"), "plain");
    }
}
