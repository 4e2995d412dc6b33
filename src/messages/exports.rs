//! The words of the exports shared by the command-line tool and the page: the CSV columns, the
//! spreadsheet's sheets and the status of a file.

/// The CSV header line (UTF-8; the caller writes the BOM once at the start).
pub const CSV_HEADER: &str = "文件,状态,规则,级别,表,行,列,应为,实为,说明";

/// The columns of the batch summary.
pub const SUMMARY_HEADER: [&str; 8] = [
    "文件", "机关", "年度", "格式", "错误", "警告", "状态", "说明",
];

/// Sheet names of the spreadsheet.
pub const FINDINGS_SHEET: &str = "问题清单";
pub const SUMMARY_SHEET: &str = "汇总";

/// The spreadsheet's title (document properties).
pub const XLSX_TITLE: &str = "政府信息公开工作年度报告检查结果";

/// The last row of a sheet cut at Excel's limit.
pub const XLSX_TOO_MANY_ROWS: &str =
    "（行数超过 Excel 的上限，其余各行未列出；请分批检查或使用 CSV 导出）";

/// The note of the one row of a checked file without findings (its status is the outcome's
/// word, `outcome_label`).
pub const PASSED: (&str, &str) = ("通过", "未发现问题");

/// A table's name: 表三.
pub fn table_name(table: u8) -> String {
    format!("表{}", super::cn_table(table))
}

/// The format of a report in the summary: 2021 年版.
pub fn format_name(format: &str) -> String {
    format!("{format} 年版")
}

/// The page handed the writer something that is not a list of results.
pub fn export_data_invalid(error: &str) -> String {
    format!("导出的数据格式不对（{error}）：需要 [{{name, result}}, …]")
}
