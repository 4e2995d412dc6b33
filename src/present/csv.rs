//! CSV for spreadsheets: one row per finding (or per file without findings), the columns of
//! [`super::rows::finding_rows`].

use super::rows::{finding_rows, Field};
use crate::contract::CheckResult;

/// The CSV header line (UTF-8; the caller writes the BOM once at the start).
pub use crate::messages::CSV_HEADER;

/// A UTF-8 byte order mark, so that Excel and WPS open the CSV as UTF-8.
pub const CSV_BOM: &str = "\u{FEFF}";

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
