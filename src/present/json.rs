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
    serde_json::to_string(&Record { file, result }).unwrap_or_else(|e| {
        format!("{{\"file\":{},\"status\":\"rejected\",\"rejection\":{{\"code\":\"internal\",\"message\":\"无法输出结果：{}\"}}}}", quote(file), e)
    })
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}
