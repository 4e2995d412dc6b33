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
    /// 表二“行政许可”“本年处理决定数量”.
    pub fn t2(row: &str, column: &str) -> String {
        format!("表二“{row}”“{column}”")
    }
}

/// A statement disagreeing with a figure: 正文“…”与表三“…”总计 1 不一致.
pub fn tx_mismatch(statement: &str, figure: &str, value: i64) -> String {
    format!("正文“{statement}”与{figure} {value} 不一致")
}

/// A zero-stating sentence against a figure above 0: 正文说“…”，但…为 2.
pub fn tx_says_but(statement: &str, figure: &str, value: i64) -> String {
    format!("正文说“{statement}”，但{figure}为 {value}")
}

/// A "其中" part larger than the whole it belongs to.
pub fn tx_part_exceeds(
    statement: &str,
    figure: &str,
    value: i64,
    with_carry_in: Option<i64>,
) -> String {
    match with_carry_in {
        Some(v) => format!("正文“{statement}”是“其中”的一部分，却大于{figure}与上年结转之和 {v}"),
        None => format!("正文“{statement}”是“其中”的一部分，却大于{figure} {value}"),
    }
}

/// TX.NEW: no reading matches; `tried` are the other readings with their values.
pub fn tx_new_mismatch(
    statement: &str,
    n: i64,
    figure: &str,
    a: i64,
    new_plus_carry: Option<i64>,
    results_plus_carry: Option<i64>,
    elsewhere: bool,
) -> String {
    let mut tried = format!("{figure} {a}");
    if let Some(v) = new_plus_carry {
        tried.push_str(&format!("，本年新收加上年结转 {v}"));
    }
    if let Some(v) = results_plus_carry {
        tried.push_str(&format!("，办理结果总计加结转下年度 {v}"));
    }
    let mut m = format!("正文“{statement}”与表格不一致：正文为 {n}，已对照{tried}，均不相等");
    if elsewhere {
        m.push_str("；正文另一处的收到申请数与表格一致，这里的数字可能只是其中一部分");
    }
    m
}

/// TX.NEWCARRY: the figure equals 一 + 二 without saying so.
pub fn tx_new_is_new_plus_carry(statement: &str, figure: &str, a: i64, n: i64, b: i64) -> String {
    format!("正文“{statement}”与{figure} {a} 不一致；{n} 等于本年新收加上年结转，若是此意请写明“含上年结转{b}件”")
}

/// TX.NEWCARRY: the figure equals （七）+ 四.
pub fn tx_new_is_results_plus_carry(
    statement: &str,
    figure: &str,
    a: i64,
    n: i64,
    r: i64,
    c: i64,
) -> String {
    format!(
        "正文“{statement}”与{figure} {a} 不一致；{n} 等于办理结果总计加结转下年度（{r}+{c}），正文似乎把上年结转也算作收到的申请，请核对"
    )
}

/// TX.NEWCARRY: the sentence says 含上年结转 but the figure is 一 alone.
pub fn tx_new_carry_said_new_only(
    statement: &str,
    n: i64,
    figure: &str,
    a: i64,
    b: i64,
    v: i64,
) -> String {
    format!("正文“{statement}”说含上年结转，但 {n} 只等于{figure} {a}；加上年结转 {b} 件应为 {v}")
}

/// TX.NEW: the sentence says 含上年结转 and the figure is neither.
pub fn tx_new_carry_said_mismatch(statement: &str, a: i64, b: i64, v: i64) -> String {
    format!("正文“{statement}”（含上年结转）与表三本年新收加上年结转 {a}+{b}={v} 不一致")
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

/// TX.DONE / TX.VAGUE for a 办结 figure.
pub fn tx_done(statement: &str, figure: &str, r: i64, reading: DoneReading) -> String {
    let extra = match reading {
        DoneReading::None => "",
        DoneReading::NewPlusCarry => "；它等于本年新收加上年结转，若表三“四、结转下年度继续办理”不为 0，正文的办结数应扣除结转的申请",
        DoneReading::New => "；它等于本年新收申请数，正文可能把收到的申请都算作已办结",
        DoneReading::Elsewhere => "；正文另一处的办结数与表格一致，这里的数字可能只是其中一部分",
    };
    format!("{}{extra}", tx_mismatch(statement, figure, r))
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

/// TX.PARTIAL: 予以公开及部分公开 equals （一） alone.
pub fn tx_granted_only(
    statement: &str,
    figure: &str,
    value: i64,
    n: i64,
    granted_label: &str,
    granted: i64,
) -> String {
    format!(
        "{}；{n} 只等于“{granted_label}” {granted}，未含部分公开",
        tx_mismatch(statement, figure, value)
    )
}

/// TX.PARTIAL: a litigation figure equal to one of its two columns.
pub fn tx_one_litigation_column(
    statement: &str,
    figure: &str,
    value: i64,
    n: i64,
    column: &str,
) -> String {
    format!(
        "{}；{n} 只等于“{column}”一栏，行政诉讼应计两栏之和",
        tx_mismatch(statement, figure, value)
    )
}

/// TX.PARTIAL: 均获维持 while cases ended otherwise or are pending.
pub fn tx_not_all_upheld(statement: &str, figure: &str, value: i64) -> String {
    format!(
        "{}；未维持或尚未审结的案件不能说“均获维持”",
        tx_says_but(statement, figure, value)
    )
}

/// TX.ACTIVE.
pub fn tx_active(statement: &str, figure: &str, value: i64) -> String {
    format!(
        "{}；表二统计的是本年全部处理决定（含依法未公开的），若正文只计了其中一部分，请写明",
        tx_mismatch(statement, figure, value)
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
