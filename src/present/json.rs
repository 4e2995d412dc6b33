//! JSON Lines: one record per file, the result contract with the file name first.

use crate::contract::CheckResult;
use serde::Serialize;

/// One file's result as a JSON Lines record.
#[derive(Serialize)]
struct Record<'a> {
    file: &'a str,
    #[serde(flatten)]
    result: &'a CheckResult,
}

/// The JSON Lines record for one file (no trailing newline).
pub fn json_line(file: &str, result: &CheckResult) -> String {
    let mut out = Vec::new();
    json_line_into(&mut out, file, result);
    // serde_json and the fallback below write UTF-8 only.
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the JSON Lines record of [`json_line`] (no trailing newline) to `out`, serialized
/// straight into it: a batch reuses one buffer rather than a new string per file.
pub fn json_line_into(out: &mut Vec<u8>, file: &str, result: &CheckResult) {
    let start = out.len();
    if let Err(e) = serde_json::to_writer(&mut *out, &Record { file, result }) {
        out.truncate(start);
        out.extend_from_slice(format!("{{\"file\":{},\"status\":\"rejected\",\"rejection\":{{\"code\":\"internal\",\"message\":\"无法输出结果：{}\"}}}}", quote(file), e).as_bytes());
    }
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}
