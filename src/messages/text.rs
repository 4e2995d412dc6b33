//! Findings on the narrative: a statement of the prose against the figures of the tables.

/// Names of the table figures a sentence is compared with.
pub mod figure {
    /// 表三“{label}”总计.
    pub fn t3_row(label: &str) -> String {
        format!("表三“{label}”总计")
    }
    /// 表三“（一）予以公开”与“（二）部分公开”之和.
    pub fn t3_pair(first: &str, second: &str) -> String {
        format!("表三“{first}”与“{second}”之和")
    }
    /// 表三“（三）不予公开”各项之和.
    pub fn t3_group(group: &str) -> String {
        format!("表三“{group}”各项之和")
    }
    /// 表四“行政复议·总计”.
    pub fn t4(path: &str) -> String {
        format!("表四“{path}”")
    }
    /// 表四行政诉讼“总计”（two columns summed）.
    pub fn litigation(part: &str) -> String {
        format!("表四行政诉讼“{part}”（未经复议直接起诉与复议后起诉之和）")
    }
    /// 表四行政复议与行政诉讼“结果纠正”之和.
    pub fn cases(part: &str) -> String {
        format!("表四行政复议与行政诉讼“{part}”之和")
    }
    /// 表三“一、本年新收政府信息公开申请数量”“自然人”.
    pub fn t3_applicant(row: &str, column: &str) -> String {
        format!("表三“{row}”“{column}”")
    }
    /// 一 + 二 总计.
    pub fn t3_new_plus_carry() -> String {
        "表三本年新收加上年结转总计".to_string()
    }
    /// 表二“行政许可”“本年处理决定数量”.
    pub fn t2(row: &str, column: &str) -> String {
        format!("表二“{row}”“{column}”")
    }
}

/// A zero-stating sentence against a figure above 0: 正文说“…”，但…为 2.
pub fn tx_says_but(statement: &str, figure: &str, value: i64) -> String {
    format!("正文说“{statement}”，但{figure}为 {value}")
}

/// Why a 办结 figure is only a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneReading {
    /// No other reading: a plain mismatch.
    None,
    /// It equals 一 + 二.
    NewPlusCarry,
    /// It equals 一.
    New,
    /// Another sentence gives the table's figure.
    Elsewhere,
}

/// TX.CARRYOUT: 无结转 while 四 > 0.
pub fn tx_no_carry_out(statement: &str, figure: &str, value: i64) -> String {
    format!("正文“{statement}”说没有结转，但{figure}为 {value}")
}

/// TX.PARTIAL: 未收到申请 while 二 > 0 and not mentioned.
pub fn tx_none_but_carry_in(statement: &str, figure: &str, value: i64) -> String {
    format!("正文说“{statement}”，表三本年新收为 0，但{figure}为 {value}；请在正文说明上年结转申请的办理情况")
}

/// TX.ALLDONE.
pub fn tx_all_done(statement: &str, figure: &str, value: i64) -> String {
    format!(
        "{}；若只指部分申请，请写明",
        tx_says_but(statement, figure, value)
    )
}

/// TX.PARTIAL: 均获维持 while cases ended otherwise or are pending.
pub fn tx_not_all_upheld(statement: &str, figure: &str, value: i64) -> String {
    format!(
        "{}；未维持或尚未审结的案件不能说“均获维持”",
        tx_says_but(statement, figure, value)
    )
}

/// TX.FEE: a fee collected without any application.
pub fn tx_fee_without_applications(statement: &str) -> String {
    format!("正文“{statement}”说收取了信息处理费，但表三本年新收和上年结转的申请都为 0")
}

/// TX.FEE: fewer fee notices than applications closed for non-payment.
pub fn tx_fee_notices_below(statement: &str, figure: &str, value: i64) -> String {
    format!("正文“{statement}”少于{figure} {value}：逾期未缴费的申请都应收到过缴费通知")
}

/// TX.FEE: "no notice" while applications were closed for non-payment.
pub fn tx_fee_no_notice(statement: &str, figure: &str, value: i64) -> String {
    format!(
        "{}：逾期未缴费的申请都应收到过缴费通知",
        tx_says_but(statement, figure, value)
    )
}
