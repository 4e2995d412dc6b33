//! CSV for spreadsheets: one row per finding (or per file without findings).

use crate::contract::{CheckResult, Status};

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
