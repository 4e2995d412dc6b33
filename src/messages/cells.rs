//! A cell named by its table's row and column labels (the previous-year report's cells on the
//! page): 表三「四、结转下年度继续办理」「自然人」列.

/// The table (2, 3, 4) and a cell's row and column labels (outermost first) in words: the row's
/// own label; the column's own label, or for 表四 (whose column labels repeat under 行政复议 and
/// 行政诉讼) the whole column path.
pub fn cell_name<S: AsRef<str>>(table: u8, row: &[S], column: &[S]) -> String {
    let t = match table {
        2 => "表二",
        3 => "表三",
        _ => "表四",
    };
    let row = row
        .last()
        .map(|r| format!("「{}」", r.as_ref()))
        .unwrap_or_default();
    let column = if table == 4 {
        let parts: Vec<&str> = column.iter().map(AsRef::as_ref).collect();
        parts.join("·")
    } else {
        column
            .last()
            .map(|c| c.as_ref().to_string())
            .unwrap_or_default()
    };
    let column = if column.is_empty() {
        String::new()
    } else {
        format!("「{column}」列")
    };
    format!("{t}{row}{column}")
}
