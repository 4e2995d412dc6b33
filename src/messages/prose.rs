//! Messages of the prose checks (TX.*): what the text says and what the table holds, side by
//! side ("正文写 75 件（“…”），表三“一、本年新收政府信息公开申请数量”总计为 74 件"), never which
//! of the two should change: the cell may be the right one.

/// 正文写 75 件（“共收到政府信息公开申请75件”）.
pub fn prose_said(statement: &str, n: i64, unit: &str) -> String {
    format!("正文写 {n} {unit}（“{statement}”）")
}

/// 正文写 75 件（“…”），表三…总计为 74 件.
pub fn prose_mismatch(statement: &str, n: i64, unit: &str, figure: &str, value: i64) -> String {
    format!("{}，{figure}为 {value} 件", prose_said(statement, n, unit))
}

/// TX.NEW: no reading matches; the other readings tried, with their values.
#[allow(clippy::too_many_arguments)]
pub fn prose_new_mismatch(
    statement: &str,
    n: i64,
    unit: &str,
    figure: &str,
    a: i64,
    new_plus_carry: Option<i64>,
    results_plus_carry: Option<i64>,
    elsewhere: bool,
) -> String {
    let mut m = prose_mismatch(statement, n, unit, figure, a);
    if let Some(v) = new_plus_carry {
        m.push_str(&format!("，本年新收加上年结转为 {v} 件"));
    }
    if let Some(v) = results_plus_carry {
        m.push_str(&format!("，办理结果总计加结转下年度为 {v} 件"));
    }
    if new_plus_carry.is_some() || results_plus_carry.is_some() {
        m.push_str("，都与正文不同");
    }
    if elsewhere {
        m.push_str("；正文另一处的收到申请数与表格相同，这里的数字可能只是其中一部分");
    }
    m
}

/// A part (其中…, a channel, 本级, a sub-period) larger than the whole it belongs to.
pub fn prose_part_exceeds(
    statement: &str,
    n: i64,
    unit: &str,
    figure: &str,
    value: i64,
    with_carry_in: Option<i64>,
) -> String {
    let said = prose_said(statement, n, unit);
    match with_carry_in {
        Some(v) => format!("{said}是其中一部分，却大于{figure}与上年结转之和 {v} 件"),
        None => format!("{said}是其中一部分，却大于{figure} {value} 件"),
    }
}

/// TX.NEWCARRY: the figure equals 一 + 二 without saying so.
pub fn prose_new_is_new_plus_carry(
    statement: &str,
    n: i64,
    unit: &str,
    figure: &str,
    a: i64,
    b: i64,
) -> String {
    format!(
        "{}；{n} 等于本年新收加上年结转，若是此意请写明“含上年结转{b}件”",
        prose_mismatch(statement, n, unit, figure, a)
    )
}

/// TX.NEWCARRY: the figure equals （七）+ 四.
pub fn prose_new_is_results_plus_carry(
    statement: &str,
    n: i64,
    unit: &str,
    figure: &str,
    a: i64,
    r: i64,
    c: i64,
) -> String {
    format!(
        "{}；{n} 等于办理结果总计加结转下年度（{r}+{c}），正文似乎把上年结转也算作收到的申请",
        prose_mismatch(statement, n, unit, figure, a)
    )
}

/// TX.NEWCARRY: the sentence says 含上年结转 but the figure is 一 alone.
pub fn prose_new_carry_said_new_only(
    statement: &str,
    n: i64,
    unit: &str,
    figure: &str,
    a: i64,
    b: i64,
    v: i64,
) -> String {
    format!(
        "{}并说含上年结转；{n} 只等于{figure} {a} 件，加上年结转 {b} 件共 {v} 件",
        prose_said(statement, n, unit)
    )
}

/// TX.NEW: the sentence says 含上年结转 and the figure is neither reading.
pub fn prose_new_carry_said_mismatch(
    statement: &str,
    n: i64,
    unit: &str,
    a: i64,
    b: i64,
    v: i64,
) -> String {
    format!(
        "{}（含上年结转），表三本年新收加上年结转为 {a}+{b}={v} 件",
        prose_said(statement, n, unit)
    )
}

/// Parts of one sentence (网上申请 105 件、信函申请 17 件) adding up to something else than the
/// table's figure.
pub fn prose_parts_sum(parts: &[i64], unit: &str, figure: &str, value: i64) -> String {
    let list: Vec<String> = parts.iter().map(|p| format!("{p} {unit}")).collect();
    let sum: i64 = parts.iter().sum();
    format!(
        "正文分项写 {}，合计 {sum} {unit}，{figure}为 {value} 件；若正文只列了部分渠道或部分单位，可不理会",
        list.join("、")
    )
}

/// TX.APPLICANT: 自然人申请 N 件 against the applicant column.
pub fn prose_applicant(
    statement: &str,
    n: i64,
    unit: &str,
    column: &str,
    value: i64,
    with_carry_in: Option<i64>,
) -> String {
    let mut m = format!(
        "{}，表三“一、本年新收政府信息公开申请数量”“{column}”列为 {value} 件",
        prose_said(statement, n, unit)
    );
    if let Some(v) = with_carry_in {
        m.push_str(&format!("，加上年结转为 {v} 件"));
    }
    m
}

/// TX.BREAK on a blank 总计: the sum of the written cells of the row or group.
pub fn prose_blank_total(statement: &str, n: i64, unit: &str, figure: &str, sum: i64) -> String {
    format!(
        "{}，{figure}空白，其各栏已填数字之和为 {sum} 件",
        prose_said(statement, n, unit)
    )
}

/// TX.DONE / TX.VAGUE: why a 办结 figure is only a warning, appended to the mismatch.
pub fn tx_done_reading(reading: super::DoneReading) -> &'static str {
    use super::DoneReading;
    match reading {
        DoneReading::None => "",
        DoneReading::NewPlusCarry => "；它等于本年新收加上年结转，若表三“四、结转下年度继续办理”不为 0，正文的办结数应扣除结转的申请",
        DoneReading::New => "；它等于本年新收申请数，正文可能把收到的申请都算作已办结",
        DoneReading::Elsewhere => "；正文另一处的办结数与表格相同，这里的数字可能只是其中一部分",
    }
}

/// TX.PARTIAL: 予以公开及部分公开 equals （一） alone.
pub fn tx_granted_only_note(n: i64, granted_label: &str, granted: i64) -> String {
    format!("；{n} 只等于“{granted_label}” {granted} 件，未含部分公开")
}

/// TX.PARTIAL: a litigation figure equal to one of its two columns.
pub fn tx_one_litigation_column_note(n: i64, column: &str) -> String {
    format!("；{n} 只等于“{column}”一栏，行政诉讼应计两栏之和")
}

/// TX.ACTIVE: why the figures may differ.
pub const TX_ACTIVE_NOTE: &str =
    "；表二统计的是本年全部处理决定（含依法未公开的），若正文只计了其中一部分，请写明";

/// The Chinese name of a prose subject, for the list of what was read (正文核对).
pub fn claim_label(s: &crate::report::narrative::Subject) -> String {
    use crate::report::narrative::{Active, Applicant, CaseKind, CasePart, Outcome, Subject};
    let part = |p: &CasePart| match p {
        CasePart::Total => "",
        CasePart::Upheld => "结果维持",
        CasePart::Corrected => "结果纠正",
        CasePart::Other => "其他结果",
        CasePart::Pending => "尚未审结",
    };
    let kind = |k: &CaseKind| match k {
        CaseKind::Review => "行政复议",
        CaseKind::Litigation => "行政诉讼",
        CaseKind::Both => "行政复议和行政诉讼",
    };
    match s {
        Subject::NewApplications => "收到申请".into(),
        Subject::Processed => "办结申请".into(),
        Subject::CarryIn => "上年结转".into(),
        Subject::CarryOut => "结转下年度".into(),
        Subject::NoneReceived => "未收到申请".into(),
        Subject::AllDone => "均已办结".into(),
        Subject::Break(o) => match o {
            Outcome::Granted => "予以公开",
            Outcome::Partial => "部分公开",
            Outcome::GrantedOrPartial => "予以公开及部分公开",
            Outcome::Withheld => "不予公开",
            Outcome::Unable => "无法提供",
            Outcome::NotProcessed => "不予处理",
            Outcome::Other => "其他处理",
        }
        .into(),
        Subject::Review(p) => format!("行政复议{}", part(p)),
        Subject::Litigation(p) => format!("行政诉讼{}", part(p)),
        Subject::Upheld { scope, strict } => {
            format!(
                "{}{}",
                kind(scope),
                if *strict {
                    "均获维持"
                } else {
                    "未被纠错"
                }
            )
        }
        Subject::NoCase(k) => format!("未发生{}", kind(k)),
        Subject::Active(a) => match a {
            Active::RulesMade => "制发规章",
            Active::RulesRepealed => "废止规章",
            Active::RulesValid => "现行有效规章",
            Active::DocsMade => "制发规范性文件",
            Active::DocsRepealed => "废止规范性文件",
            Active::DocsValid => "现行有效规范性文件",
            Active::License => "行政许可",
            Active::Penalty => "行政处罚",
            Active::Enforcement => "行政强制",
        }
        .into(),
        Subject::Fee => "信息处理费".into(),
        Subject::FeeNone => "未收取信息处理费".into(),
        Subject::FeeNotices => "缴费通知".into(),
        Subject::FeeNoticesNone => "未发出缴费通知".into(),
        Subject::Applicant(a) => match a {
            Applicant::Natural => "自然人申请",
            Applicant::Legal => "法人或其他组织申请",
            Applicant::Business => "商业企业申请",
            Applicant::Research => "科研机构申请",
            Applicant::Social => "社会公益组织申请",
            Applicant::LawFirm => "法律服务机构申请",
            Applicant::Other => "其他申请人申请",
        }
        .into(),
    }
}
