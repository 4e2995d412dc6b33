//! The words for a report's outcome ([`Outcome`]), the same on the page, in the CSV and the
//! spreadsheet and on the command line.

use crate::findings::Outcome;

/// 通过 / 有警告 / 有错误 / 无法检查.
pub fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "通过",
        Outcome::Warning => "有警告",
        Outcome::Error => "有错误",
        Outcome::Rejected => "无法检查",
    }
}

/// The command line's last line: how many files came out how, in the page summary's order.
/// `counts` as [`Outcome::ALL`] orders them.
pub fn batch_tally(files: usize, counts: [usize; 4]) -> String {
    let [error, warning, rejected, pass] = counts;
    format!("共检查 {files} 个文件：{error} 个有错误，{warning} 个有警告，{rejected} 个无法检查，{pass} 个通过")
}
