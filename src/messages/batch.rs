//! Messages of the batch engine: how a report of a batch is named, last year's report undecided
//! or only likely, copied tables, a consolidated report against its units.

/// Report `index` of a file named `file` holding `count` reports, as every output names it.
pub fn report_name(file: &str, index: usize, count: usize) -> String {
    if count > 1 {
        format!("{file}（第 {}/{count} 份年报）", index + 1)
    } else {
        file.to_string()
    }
}

/// Several distinct last-year reports of the same agency: none compared.
pub fn previous_ambiguous(year: Option<i32>, names: &[String]) -> String {
    let year = year.map_or(String::new(), |y| format!("（{} 年度）", y - 1));
    format!(
        "同一批文件中有 {} 份同一机关上一年度{year}的报告（{}），无法确定与哪一份对比；未做跨年度核对。请去掉重复的文件，或用“加入上一年度报告对比”指定",
        names.len(),
        names.join("、")
    )
}

/// Last-year reports of a probably-same agency, not paired.
pub fn previous_likely(names: &[String]) -> String {
    format!(
        "同一批文件中「{}」可能是本机关上一年度的报告（机关名称相近但不完全相同），未自动配对；如确是同一机关，请指定为上一年度报告后对比",
        names.join("」「")
    )
}

/// S.DUPTAB: a table whose non-zero numbers are all last year's.
pub fn tables_copied(table: u8, count: usize, previous: &str, named: &[String]) -> String {
    let t = match table {
        3 => "表三",
        4 => "表四",
        _ => "表格",
    };
    format!(
        "{t}的 {count} 个非零数字与{previous}{t}完全相同（{}{}）；请确认是否沿用了上一年度的表格而未按本年度填报",
        named.join("，"),
        if count > named.len() { " 等" } else { "" }
    )
}

/// M.HIER: the units' sum exceeds the consolidated figure.
pub fn hier_excess(quantity: &str, total: i64, sum: i64, named: &[String], units: usize) -> String {
    let more = if units > named.len() { " 等" } else { "" };
    format!(
        "{quantity}：汇总报告为 {total}，而本批下属单位报告合计为 {sum}（{}{more}），下属单位之和不应超过汇总数；请核对汇总是否漏计，或下属单位的数字是否有误",
        named.join("、")
    )
}

/// The CLI text's totals: the outcome, problems (one mistake, one problem) and findings.
pub fn text_totals_problems(
    outcome: crate::findings::Outcome,
    problems: usize,
    with_errors: usize,
    errors: usize,
    warnings: usize,
) -> String {
    format!(
        "{}：共 {problems} 个问题（{with_errors} 个有错误），{errors} 个错误，{warnings} 个警告",
        super::outcome_label(outcome)
    )
}

/// The CLI text: another finding of the same problem, listed under its first.
pub fn same_problem(rule: &str, severity: &str, message: &str) -> String {
    format!("同一问题还不符合 {rule} {severity}：{message}")
}
