//! Presenters: readable text, JSON Lines and CSV for the command-line tool, and the annotated
//! report ([`annotate`]: the user's own .docx with a Word comment on every finding).

pub mod annotate;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use crate::contract::{CheckResult, Status};
use crate::findings::{Finding, Quantity, Severity};
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

/// One field of a findings-list row: text, or a number (a spreadsheet writes it as a number).
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Text(String),
    Number { value: f64, text: String },
}

impl Field {
    /// The field as written in the CSV.
    pub fn text(&self) -> &str {
        match self {
            Field::Text(s) | Field::Number { text: s, .. } => s,
        }
    }
}

fn quantity_field(q: Option<&Quantity>) -> Field {
    match q {
        Some(Quantity::Int(v)) => Field::Number {
            value: *v as f64,
            text: v.to_string(),
        },
        Some(Quantity::Decimal(v)) => Field::Number {
            value: *v,
            text: q.map(|q| q.to_string()).unwrap_or_default(),
        },
        Some(q) => Field::Text(q.to_string()),
        None => Field::Text(String::new()),
    }
}

/// The findings list of one file, one row per finding in the columns of [`CSV_HEADER`]; a
/// rejected file or a file without findings gets one row too, so every file appears. Shared by
/// the CSV and the spreadsheet.
pub fn finding_rows(file: &str, result: &CheckResult) -> Vec<Vec<Field>> {
    let t = |s: &str| Field::Text(s.to_string());
    match result.status {
        Status::Rejected => {
            let (code, msg) = result
                .rejection
                .as_ref()
                .map(|r| (r.code.as_str(), r.message.as_str()))
                .unwrap_or(("", ""));
            vec![[file, "无法检查", code, "", "", "", "", "", "", msg]
                .iter()
                .map(|s| t(s))
                .collect()]
        }
        Status::Checked if result.findings.is_empty() => {
            vec![[file, "通过", "", "", "", "", "", "", "", "未发现问题"]
                .iter()
                .map(|s| t(s))
                .collect()]
        }
        Status::Checked => result
            .findings
            .iter()
            .map(|f| {
                let table = f
                    .table
                    .map(|n| format!("表{}", cn_table(n)))
                    .unwrap_or_default();
                vec![
                    t(file),
                    t(status_label(result)),
                    t(f.rule),
                    t(f.severity.label()),
                    Field::Text(table),
                    Field::Text(f.row.join(" / ")),
                    Field::Text(f.column.join(" / ")),
                    quantity_field(f.expected.as_ref()),
                    quantity_field(f.actual.as_ref()),
                    t(&f.message),
                ]
            })
            .collect(),
    }
}

/// CSV rows for one file: one per finding; a rejected file or a file without findings gets
/// one row too, so every file appears.
pub fn csv_rows(file: &str, result: &CheckResult) -> String {
    let mut out = String::new();
    for row in finding_rows(file, result) {
        let fields: Vec<&str> = row.iter().map(Field::text).collect();
        push_row(&mut out, &fields);
    }
    out
}

/// The summary of one file, in the columns of [`SUMMARY_HEADER`].
pub fn summary_row(file: &str, result: &CheckResult) -> Vec<Field> {
    let r = &result.report;
    let checked = result.status == Status::Checked;
    let count = |n: usize| {
        if checked {
            Field::Number {
                value: n as f64,
                text: n.to_string(),
            }
        } else {
            Field::Text(String::new())
        }
    };
    let note = match &result.rejection {
        Some(rej) => rej.message.clone(),
        None => String::new(),
    };
    vec![
        Field::Text(file.to_string()),
        Field::Text(r.agency.clone().unwrap_or_default()),
        match r.year {
            Some(y) => Field::Number {
                value: y as f64,
                text: y.to_string(),
            },
            None => Field::Text(String::new()),
        },
        Field::Text(
            r.format
                .as_deref()
                .map(|f| format!("{f} 年版"))
                .unwrap_or_default(),
        ),
        count(result.errors()),
        count(result.warnings()),
        Field::Text(status_label(result).to_string()),
        Field::Text(note),
    ]
}

/// The columns of the batch summary ([`summary_row`]).
pub const SUMMARY_HEADER: [&str; 8] = [
    "文件", "机关", "年度", "格式", "错误", "警告", "状态", "说明",
];

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
