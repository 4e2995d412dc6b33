//! Findings across years and across the files of a batch: the previous year's report, pairing,
//! the same agency and year twice, repeated text.

/// "上一年度（2021 年）报告".
pub fn previous_report(year: Option<i32>) -> String {
    match year {
        Some(y) => format!("上一年度（{y} 年）报告"),
        None => "上一年度报告".to_string(),
    }
}

pub fn pair_unusable(reason: &str) -> String {
    format!("指定的上一年度报告无法用于对比：{reason}；未做跨年度核对")
}

pub fn pair_not_consecutive(then: Option<i32>, now: Option<i32>) -> String {
    let year = |y: Option<i32>| y.map_or("（未识别）".to_string(), |y| y.to_string());
    format!(
        "指定的上一年度报告是 {} 年度的，本报告是 {} 年度的，不是相邻的两个年度；未做跨年度核对",
        year(then),
        year(now)
    )
}

pub fn pair_other_agency(then: &str, now: &str) -> String {
    format!("指定的上一年度报告的机关是“{then}”，本报告是“{now}”，名称不同；仍按指定作跨年度核对，请确认是同一机关")
}

pub fn same_year_twice(agency: &str, year: i32, others: &[String]) -> String {
    format!(
        "同一批文件中还有另一份「{agency}」{year} 年度的报告（{}）；请确认是否重复，或其中一份的年度有误",
        others.join("、")
    )
}

pub fn carry_over(
    row: &str,
    column: &str,
    now: i64,
    previous: &str,
    row_then: &str,
    then: i64,
) -> String {
    format!("表三「{row}」「{column}」列为 {now}，而{previous}表三「{row_then}」同列为 {then}；本年的上年结转应等于上一年度结转下年度继续办理的数量")
}

pub fn t2_valid(
    row: &str,
    valid: i64,
    previous: &str,
    before: i64,
    made: i64,
    repealed: i64,
    expected: i64,
) -> String {
    format!("表二「{row}」现行有效件数为 {valid}，按{previous}的现行有效 {before} 件加本年制发 {made} 件、减本年废止 {repealed} 件应为 {expected}；如有文件修订或自然失效，请在正文中说明")
}

pub fn t2_repeal(
    row: &str,
    repealed: i64,
    previous: &str,
    before: i64,
    made: i64,
    bound: i64,
) -> String {
    format!("表二「{row}」本年废止 {repealed} 件，多于{previous}的现行有效 {before} 件与本年制发 {made} 件之和 {bound}；能废止的只有已有的和本年制发的文件")
}

pub fn t2_prev19_items(
    row: &str,
    now: i64,
    previous: &str,
    base: i64,
    change: i64,
    expected: i64,
) -> String {
    format!("表二「{row}」上一年项目数量为 {now}，按{previous}的上一年项目数量 {base} 加本年增/减 {change} 应为 {expected}")
}

pub fn t2_prev19_total(row: &str, now: i64, previous: &str, then: i64) -> String {
    format!("表二「{row}」对外公开总数量为 {now}，少于{previous}的 {then}；已公开的文件一般只增不减，如因废止等原因减少，请在正文中说明")
}

pub fn t2_cross_format(previous: &str, then: &str, now: &str) -> String {
    format!("{previous}的表二使用 {then}，本报告使用 {now}：两个年度的表二栏目不同，表二不做跨年度核对（规章、规范性文件的件数请人工比对）；表三的结转照常核对")
}

/// The name of a section S.DUP compares (0 = 一, 4 = 五).
pub fn dup_section(section: usize) -> &'static str {
    match section {
        0 => "第一部分（总体情况）",
        4 => "第五部分（存在的主要问题及改进情况）",
        _ => "",
    }
}

pub fn dup_similar(section: &str, previous: &str, percent: i64) -> String {
    format!("{section}的文字与{previous}的同一部分相似度为 {percent}%；年度报告应如实反映本年度的工作，不得“年年雷同”")
}

pub fn percent_below(percent: i64) -> String {
    format!("低于 {percent}%")
}

pub fn percent(percent: i64) -> String {
    format!("{percent}%")
}

pub fn dup_last_year(sentence: &str, last: i32, year: i32) -> String {
    format!("正文写“{sentence}”，把 {last} 年当作报告年度；本报告是 {year} 年度的，请核对是否沿用了上一年度报告的文字")
}

/// The line saying which previous-year report a report was compared with (text output).
pub fn compared_with(file: &str, year: Option<i32>, explicit: bool) -> String {
    let year = year.map(|y| format!("（{y}年）")).unwrap_or_default();
    let how = if explicit {
        "按指定"
    } else {
        "按机关和年度自动配对"
    };
    format!("与上一年度报告 {file}{year}对比（{how}）")
}

/// How the batch names a report of a file holding several (M.DUPYEAR lists them).
pub fn batch_report_name(file: &str, index: usize) -> String {
    format!("{file} 第 {} 份报告", index + 1)
}
