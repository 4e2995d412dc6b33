//! Rules comparing the narrative text with the tables (TX.*). Each reads the claims of the
//! narrative stage ([`report::narrative`]) and the cells they speak of, tries the readings
//! offices actually mean, and says which readings it tried. Every finding points at the
//! sentence (a text location) and at the cells.
//!
//! Severity (spec §2.4): an error when a sentence states this year's count of exactly the
//! quantity a cell holds and no accepted reading matches; a warning when the reading is
//! uncertain. Each id has one severity, so the uncertain cases have ids of their own:
//! TX.NEWCARRY (carry-over counted as received), TX.PARTIAL (the figure covers only part of
//! what the sentence names) and TX.VAGUE (approximate figures, "其中…" parts, loose wording).

use super::prose::{tx_active, tx_fee, tx_no_case, tx_upheld};
use super::*;
use crate::report::narrative::{CasePart, Claim, Outcome, Subject};

rule! {
    /// 正文收到申请数
    ///
    /// 正文中本年收到（受理、接收）政府信息公开申请的件数等于表三“一、本年新收政府信息公开申请数量”总计；正文写明“含上年结转”时等于一加二。已对照的读法（本年新收、本年新收加上年结转、办理结果总计加结转下年度）都不相等时报告。
    ///
    /// 依据：正文与统计表应当一致（“数据精确、文字严谨”）；同一事实两个数字是公开发布的不一致。
    TxNew: "TX.NEW", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "2021年，本机关共收到政府信息公开申请2件。" }, Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }], message: "正文写 2 件（“共收到政府信息公开申请2件”），表三“一、本年新收政府信息公开申请数量”总计为 1 件" },
    check: tx_new,
}

rule! {
    /// 正文把上年结转算作收到
    ///
    /// 正文的收到申请数等于表三本年新收加上年结转（或办理结果总计加结转下年度），却没有写明“含上年结转”；或写明含上年结转，数字却只等于本年新收。
    ///
    /// 依据：表三“一、本年新收”不含上年结转；正文含结转时应写明，读者才能与表格对上。
    TxNewCarry: "TX.NEWCARRY", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "2021年，本机关共收到政府信息公开申请2件。" }, Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "carried_over", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [2, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [2, 0, 0, 0, 0, 0] }], message: "正文写 2 件（“共收到政府信息公开申请2件”），表三“一、本年新收政府信息公开申请数量”总计为 1 件；2 等于本年新收加上年结转，若是此意请写明“含上年结转1件”" },
    reported_by: [TxNew],
}

rule! {
    /// 正文办结数
    ///
    /// 正文中答复、办结的申请件数等于表三“（七）总计”总计。
    ///
    /// 依据：正文与统计表应当一致；办结数是表三第三项（本年度办理结果）的合计。
    TxDone: "TX.DONE", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "2021年共收到政府信息公开申请1件，办结2件。" }, Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }], message: "正文写 2 件（“办结2件”），表三“（七）总计”总计为 1 件" },
    check: tx_done,
}

rule! {
    /// 正文上年结转数
    ///
    /// 正文中上年结转的申请件数等于表三“二、上年结转政府信息公开申请数量”总计。
    ///
    /// 依据：正文与统计表应当一致。
    TxCarryIn: "TX.CARRYIN", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "上年结转政府信息公开申请2件。" }, Edit::T3Row { row: "carried_over", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }], message: "正文写 2 件（“上年结转政府信息公开申请2件”），表三“二、上年结转政府信息公开申请数量”总计为 1 件" },
    check: tx_carry_in,
}

rule! {
    /// 正文结转下年度数
    ///
    /// 正文中结转下年度（顺延到下年度、继续办理）的申请件数等于表三“四、结转下年度继续办理”总计；“无下年度结转”即 0。
    ///
    /// 依据：正文与统计表应当一致。
    TxCarryOut: "TX.CARRYOUT", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "结转下年度继续办理1件。" }], message: "正文写 1 件（“结转下年度继续办理1件”），表三“四、结转下年度继续办理”总计为 0 件" },
    check: tx_carry_out,
}

rule! {
    /// 正文说未收到申请
    ///
    /// 正文说没有收到政府信息公开申请（未收到、没有接到、无依申请公开），表三“一、本年新收政府信息公开申请数量”总计却大于 0。
    ///
    /// 依据：正文与统计表应当一致（“数据精确、文字严谨”）。
    TxNone: "TX.NONE", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "本单位未收到政府信息公开申请。" }, Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }], message: "正文说“未收到政府信息公开申请”，但表三“一、本年新收政府信息公开申请数量”总计为 1" },
    check: tx_none,
}

rule! {
    /// 正文说均已办结
    ///
    /// 正文说申请均已办结（全部答复、办理完成），表三“四、结转下年度继续办理”总计却大于 0；这句话也可能只指部分申请，所以是警告。
    ///
    /// 依据：正文与统计表应当一致。
    TxAllDone: "TX.ALLDONE", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "收到的政府信息公开申请均已办结。" }, Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "carried_forward", values: [1, 0, 0, 0, 0, 0] }], message: "正文说“均已办结”，但表三“四、结转下年度继续办理”总计为 1；若只指部分申请，请写明" },
    check: tx_all_done,
}

rule! {
    /// 正文办理结果分项
    ///
    /// 正文中予以公开、部分公开、不予公开、无法提供、不予处理、其他处理的件数等于表三对应行（或该组各项之和）的总计；“予以公开及部分公开”等于（一）加（二）。只说某组中一项（如“不掌握相关政府信息”）且等于该项的，视为一致。
    ///
    /// 依据：正文与统计表应当一致；分组合计是表三各小项之和。上海市 2019 年报正文“予以公开及部分公开258件”而表三为 272 + 3 = 275。
    TxBreak: "TX.BREAK", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "对收到的政府信息公开申请，予以公开2件。" }, Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }], message: "正文写 2 件（“予以公开2件”），表三“（一）予以公开”总计为 1 件" },
    check: tx_break,
}

rule! {
    /// 正文行政复议数
    ///
    /// 正文中因政府信息公开被申请行政复议的件数（及维持、纠正、其他结果、尚未审结的分项）等于表四“行政复议”对应栏。第四部分以外的句子没有说明是因政府信息公开引起的（政府还办理、应对其他行政复议），不一致只作提示（TX.VAGUE）。
    ///
    /// 依据：正文与统计表应当一致。
    TxRev: "TX.REV", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "本年度因政府信息公开被申请行政复议2件。" }, Edit::T4 { col: "review.upheld", text: "1" }, Edit::T4 { col: "review.total", text: "1" }], message: "正文写 2 件（“行政复议2件”），表四“行政复议·总计”为 1 件" },
    check: tx_review,
}

rule! {
    /// 正文行政诉讼数
    ///
    /// 正文中行政诉讼的件数（及分项）等于表四“未经复议直接起诉”与“复议后起诉”对应栏之和。第四部分以外的句子没有说明是因政府信息公开引起的，不一致只作提示（TX.VAGUE）。
    ///
    /// 依据：正文与统计表应当一致；行政诉讼分两栏统计。
    TxLit: "TX.LIT", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "本年度因政府信息公开被提起行政诉讼2件。" }, Edit::T4 { col: "litigation_direct.upheld", text: "1" }, Edit::T4 { col: "litigation_direct.total", text: "1" }], message: "正文写 2 件（“行政诉讼2件”），表四行政诉讼“总计”（未经复议直接起诉与复议后起诉之和）为 1 件" },
    check: tx_litigation,
}

rule! {
    /// 正文说均获维持
    ///
    /// 正文说均获维持、未被纠错、零败诉，表四“结果纠正”却大于 0。
    ///
    /// 依据：正文与统计表应当一致。上海市 2019 年报正文说“均获维持”而表四有尚未审结的案件。
    TxUpheld: "TX.UPHELD", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "因政府信息公开被申请的行政复议结果均获维持。" }, Edit::T4 { col: "review.corrected", text: "1" }, Edit::T4 { col: "review.total", text: "1" }], message: "正文说“均获维持”，但表四“行政复议·结果纠正”为 1" },
    check: tx_upheld,
}

rule! {
    /// 正文说无复议诉讼
    ///
    /// 正文说未发生（没有、未接到）行政复议、行政诉讼，表四对应总计却大于 0。
    ///
    /// 依据：正文与统计表应当一致。
    TxNoCase: "TX.NOCASE", Error,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "本年度未发生政府信息公开行政复议案件。" }, Edit::T4 { col: "review.upheld", text: "1" }, Edit::T4 { col: "review.total", text: "1" }], message: "但表四“行政复议·总计”为 1" },
    check: tx_no_case,
}

rule! {
    /// 正文只对上部分数字
    ///
    /// 正文数字只等于它所说事项的一部分：“予以公开及部分公开”只等于（一）予以公开；行政诉讼数只等于两栏中的一栏；说“均获维持”而有其他结果或尚未审结的案件；说未收到申请而有未提及的上年结转申请。
    ///
    /// 依据：正文与统计表应当一致；这类差异多是正文漏算了一部分，请核对后写明。
    TxPartial: "TX.PARTIAL", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "对收到的政府信息公开申请，予以公开及部分公开1件。" }, Edit::T3Row { row: "new_received", values: [2, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "partially_granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [2, 0, 0, 0, 0, 0] }], message: "正文写 1 件（“予以公开及部分公开1件”），表三“（一）予以公开”与“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”之和为 2 件；1 只等于“（一）予以公开” 1 件，未含部分公开" },
    reported_by: [TxNone, TxBreak, TxLit, TxUpheld],
}

rule! {
    /// 正文数字读法不确定
    ///
    /// 正文数字与表格不一致，但正文是约数（近、约、余、多）、“其中”的一部分，或措辞可能另有所指（如“办结”等于收到的申请数、“无结转”未说明是哪一年、“正在办理”未说明结转下年度、句中的行政复议或行政诉讼未说明是因政府信息公开引起的），所以只作提示。也提示：正文按渠道、本级或部门、时段分列的件数之和与表格不同；按申请人类型（自然人、法人或其他组织等）的件数与表三该列不同；表三某行总计空白时，正文数字与该行已填各栏之和不同。
    ///
    /// 依据：读法不确定时说明所作的假设，而不报错误。
    TxVague: "TX.VAGUE", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "2021年，本机关共收到政府信息公开申请约10件。" }, Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }], message: "正文写 10 件（“共收到政府信息公开申请约10件”），表三“一、本年新收政府信息公开申请数量”总计为 1 件" },
    reported_by: [TxNew, TxDone, TxCarryIn, TxCarryOut, TxBreak, TxRev, TxLit, TxUpheld, TxNoCase],
}

rule! {
    /// 正文主动公开数
    ///
    /// 正文中制发（废止）规章、规范性文件的件数，行政许可、行政处罚、行政强制的件数等于表二对应格；表二统计全部处理决定（含依法未公开的），正文可能只计公开的部分，所以是警告。
    ///
    /// 依据：正文与统计表应当一致；国办公开办函〔2021〕30号：许可、处罚、强制数量包括已公开和依法未公开的全部处理决定。
    TxActive: "TX.ACTIVE", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "本年度办理行政许可5件。" }, Edit::T2 { row: "行政许可", col: 0, text: "4" }], message: "正文写 5 件（“行政许可5件”），表二“行政许可”“本年处理决定数量”为 4 件；表二统计的是本年全部处理决定（含依法未公开的），若正文只计了其中一部分，请写明" },
    check: tx_active,
}

rule! {
    /// 正文信息处理费
    ///
    /// 正文说收取了信息处理费而表三没有任何申请、正文的缴费通知数少于表三“（六）2.逾期未缴费”、或正文说未发出缴费通知而该行大于 0 时提示。“未收取”而该行大于 0 是一致的（发出了通知但申请人未缴费）。
    ///
    /// 依据：《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；年报格式要求在第六部分报告收费情况。
    TxFee: "TX.FEE", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 5, text: "本机关未发出缴费通知书。" }, Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "other_2", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }], message: "逾期未缴费的申请都应收到过缴费通知" },
    check: tx_fee,
}

/// A figure of the tables: its value, the cells it sums, and how to name it.
#[derive(Debug, Clone)]
pub(super) struct Figure {
    pub(super) value: i64,
    pub(super) cells: Vec<CellRef>,
    /// How messages name it (messages::figure), e.g. 表三“一、本年新收政府信息公开申请数量”总计.
    pub(super) name: String,
    pub(super) table: u8,
    pub(super) row: LabelPath,
    pub(super) column: LabelPath,
}

/// The 总计 of table 三 rows `keys` summed; `None` when a cell is missing or not an integer.
pub(super) fn t3_sum(report: &Report, keys: &[&str], name: String) -> Option<Figure> {
    let mut value = 0i64;
    let mut cells = Vec::new();
    for key in keys {
        let (v, c) = t3_int(report, formats::t3_row_index(key)?, T3_TOTAL_COL)?;
        value += v;
        cells.push(c);
    }
    let first = formats::t3_row_index(keys.first()?)?;
    Some(Figure {
        value,
        cells,
        name,
        table: 3,
        row: if keys.len() == 1 {
            t3_row_path(first)
        } else {
            LabelPath::default()
        },
        column: formats::t3_column_path(T3_TOTAL_COL),
    })
}

/// The official label of a table 三 row at `depth` of its path (the last when shorter).
pub(super) fn t3_label(key: &str, depth: usize) -> &'static str {
    formats::t3_row_index(key)
        .and_then(|i| T3_ROWS.get(i))
        .and_then(|d| d.path.get(depth).or(d.path.last()))
        .copied()
        .unwrap_or("")
}

/// One row of table 三 by key, named by its official label.
pub(super) fn t3_row(report: &Report, key: &str) -> Option<Figure> {
    t3_sum(
        report,
        &[key],
        messages::figure::t3_row(t3_label(key, usize::MAX)),
    )
}

/// Rows of table 三 of the report's format whose key starts with `prefix` (withheld_, unable_ …).
pub(super) fn t3_group(report: &Report, prefix: &str) -> Vec<&'static str> {
    t3_rows_of(report.t3_format())
        .map(|(_, r)| r.key)
        .filter(|k| *k == prefix.trim_end_matches('_') || k.starts_with(prefix))
        .collect()
}

/// Table 四 columns summed by key (review.total, litigation_direct.total …).
pub(super) fn t4_sum(report: &Report, keys: &[&str], name: String) -> Option<Figure> {
    let mut value = 0i64;
    let mut cells = Vec::new();
    let mut first = None;
    for key in keys {
        let k = T4_COLUMNS.iter().position(|(kk, _)| kk == key)?;
        first.get_or_insert(k);
        let c = t4_cell(report, k)?;
        value += c.int()?;
        cells.push(c.cell);
    }
    Some(Figure {
        value,
        cells,
        name,
        table: 4,
        row: LabelPath::default(),
        column: if keys.len() == 1 {
            first.map(t4_path).unwrap_or_default()
        } else {
            LabelPath::default()
        },
    })
}

/// A table 二 cell by official row label and one of `columns` (2021 or 2019 wording).
pub(super) fn t2_fig(
    report: &Report,
    rows: &[&'static str],
    columns: &[&'static str],
) -> Option<Figure> {
    let t2 = report.t2.as_ref()?;
    let format = report.t2_format();
    for row in rows {
        for column in columns {
            if let Some(e) = t2.get(format, row, column) {
                let value = e.value.int()?;
                return Some(Figure {
                    value,
                    cells: vec![e.value.cell],
                    name: messages::figure::t2(row, column),
                    table: 2,
                    row: label_path(&[row]),
                    column: label_path(&[column]),
                });
            }
        }
    }
    None
}

fn claim_location(c: &Claim) -> Location {
    Location::Text {
        doc: 0,
        report: 0,
        paragraph: c.paragraph,
        start: c.start,
        end: c.end,
        sentence: c.sentence.clone(),
    }
}

/// A finding about `claim` and the figure it disagrees with: the cell holds `actual`, the text
/// states `expected`.
pub(super) fn text_finding(
    id: RuleId,
    message: String,
    claim: &Claim,
    fig: Option<&Figure>,
) -> Finding {
    let mut f = finding(id, message);
    if let Some(fig) = fig {
        f.table = Some(fig.table);
        f.row = fig.row.clone();
        f.column = fig.column.clone();
        f.cells = fig.cells.clone();
    }
    // No `expected`/`actual`: the text is not the cell's expected value (the cell may be the
    // right one); the message states both figures. Nor a culprit or a fix: the annotated
    // report comments on the sentence and proposes no change to the table.
    f.locations.push(claim_location(claim));
    f
}

/// The unit the sentence used (件, 条, 份 …).
pub(super) fn unit_of(c: &Claim) -> &'static str {
    c.unit.map_or("件", |u| u.as_str())
}

/// 正文写 n 件（“…”），<figure>为 v 件.
pub(super) fn mismatch(c: &Claim, n: i64, fig: &Figure) -> String {
    messages::prose_mismatch(&c.text, n, unit_of(c), &fig.name, fig.value)
}

/// A part (`qualified`: a channel, 本级/部门, a sub-period) is compared only with a cell that
/// holds exactly that part, which the tables do not have; so only a part larger than the whole
/// is reported, as a warning. Returns whether the claim was a part (and is done with).
fn part_only(claim: &Claim, n: i64, fig: &Figure, sink: &mut Sink) -> bool {
    if !claim.qualified {
        return false;
    }
    if n > fig.value {
        let m = messages::prose_part_exceeds(
            &claim.text,
            n,
            unit_of(claim),
            &fig.name,
            fig.value,
            None,
        );
        sink.push(text_finding(RuleId::TxVague, m, claim, Some(fig)));
    }
    true
}

/// The claims of `report` that state this year's figure of a subject.
pub(super) fn claims_of<'a>(
    report: &'a Report,
    pick: impl Fn(&Subject) -> bool + 'a,
) -> impl Iterator<Item = &'a Claim> + 'a {
    report
        .claims
        .iter()
        .filter(move |c| c.this_year && pick(&c.subject))
}

/// An approximate figure (近/约/余/多) is read as matching when within 20 % of a reading.
pub(super) fn near(n: i64, v: i64) -> bool {
    (n - v).abs() * 5 <= v.max(1)
}

/// The error rule `strict`, or [`RuleId::TxVague`] when the statement is approximate, a
/// subset ("其中…") or loosely worded (a subject word that may name something else).
fn strict_or_vague(c: &Claim, strict: RuleId) -> RuleId {
    if c.approx || c.subset || c.qualified || c.loose {
        RuleId::TxVague
    } else {
        strict
    }
}

/// For breakdowns ("其中，予以公开 N 件", "其中维持 N 件") "其中" is the normal form: the error
/// rule `strict` unless the figure is approximate or loosely worded.
fn breakdown(c: &Claim, strict: RuleId) -> RuleId {
    if c.approx || c.qualified || c.loose {
        RuleId::TxVague
    } else {
        strict
    }
}

/// TX.NEW: 收到/受理（政府信息公开）申请 N 件 = 表三 一 总计 (含上年结转: 一 + 二).
fn tx_new(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(a) = t3_row(report, "new_received") else {
        return;
    };
    let b = t3_row(report, "carried_over");
    let r = t3_row(report, "results_total");
    let c = t3_row(report, "carried_forward");
    let ab = b.as_ref().map(|b| a.value + b.value);
    let rc = r.as_ref().zip(c.as_ref()).map(|(r, c)| r.value + c.value);
    let with_carry_in = {
        let mut f = a.clone();
        if let Some(b) = &b {
            f.cells.extend(b.cells.iter().copied());
        }
        f
    };
    // When another sentence states the figure as the table has it, a different figure is
    // likely a part or another count: a warning, not an error.
    let stated_elsewhere = claims_of(report, |s| *s == Subject::NewApplications).any(|x| {
        !x.subset
            && !x.approx
            && (x.quantity == Some(a.value) && !x.includes_carry_in
                || x.includes_carry_in && ab == x.quantity)
    });
    for claim in claims_of(report, |s| *s == Subject::NewApplications) {
        let Some(n) = claim.quantity else { continue };
        let q = &claim.text;
        let unit = unit_of(claim);
        if claim.subset {
            // "其中…" names a part of the applications: it cannot exceed the whole.
            if n > ab.unwrap_or(a.value) {
                let m = messages::prose_part_exceeds(q, n, unit, &a.name, a.value, ab);
                sink.push(text_finding(
                    RuleId::TxVague,
                    m,
                    claim,
                    Some(&with_carry_in),
                ));
            }
            continue;
        }
        if claim.includes_carry_in {
            if let (Some(v), Some(bf)) = (ab, &b) {
                if n == v || claim.approx && near(n, v) {
                    continue;
                }
                let (id, m) = if n == a.value {
                    let m = messages::prose_new_carry_said_new_only(
                        q, n, unit, &a.name, a.value, bf.value, v,
                    );
                    (RuleId::TxNewCarry, m)
                } else {
                    let m =
                        messages::prose_new_carry_said_mismatch(q, n, unit, a.value, bf.value, v);
                    (strict_or_vague(claim, RuleId::TxNew), m)
                };
                sink.push(text_finding(id, m, claim, Some(&with_carry_in)));
            }
            continue;
        }
        let readings = [Some(a.value), ab, rc];
        if n == a.value || claim.approx && readings.iter().flatten().any(|v| near(n, *v)) {
            continue;
        }
        if let (Some(v), Some(bf)) = (ab, &b) {
            if n == v && bf.value > 0 {
                let m =
                    messages::prose_new_is_new_plus_carry(q, n, unit, &a.name, a.value, bf.value);
                sink.push(text_finding(
                    RuleId::TxNewCarry,
                    m,
                    claim,
                    Some(&with_carry_in),
                ));
                continue;
            }
        }
        if let (Some(v), Some(rf), Some(cf)) = (rc, &r, &c) {
            if n == v {
                let m = messages::prose_new_is_results_plus_carry(
                    q, n, unit, &a.name, a.value, rf.value, cf.value,
                );
                sink.push(text_finding(
                    RuleId::TxNewCarry,
                    m,
                    claim,
                    Some(&with_carry_in),
                ));
                continue;
            }
        }
        let shown_ab = ab.filter(|_| b.as_ref().is_some_and(|b| b.value > 0));
        let shown_rc = rc.filter(|v| Some(*v) != ab && *v != a.value);
        let m = messages::prose_new_mismatch(
            q,
            n,
            unit,
            &a.name,
            a.value,
            shown_ab,
            shown_rc,
            stated_elsewhere,
        );
        let id = if stated_elsewhere {
            RuleId::TxVague
        } else {
            strict_or_vague(claim, RuleId::TxNew)
        };
        sink.push(text_finding(id, m, claim, Some(&a)));
    }
    super::prose::parts_sum(report, &a, ab, sink);
    super::prose::applicants(report, sink);
}

/// TX.DONE: 答复/办结 N 件 = 表三 （七）总计.
fn tx_done(cx: &RuleContext<'_>, sink: &mut Sink) {
    use messages::DoneReading;
    let report = cx.report;
    let Some(r) = t3_row(report, "results_total") else {
        return;
    };
    let a = t3_row(report, "new_received");
    let b = t3_row(report, "carried_over");
    let ab = a.as_ref().zip(b.as_ref()).map(|(a, b)| a.value + b.value);
    let stated_elsewhere = claims_of(report, |s| *s == Subject::Processed)
        .any(|x| !x.subset && !x.approx && x.quantity == Some(r.value));
    for claim in claims_of(report, |s| *s == Subject::Processed) {
        let Some(n) = claim.quantity else { continue };
        if n == r.value || claim.approx && near(n, r.value) {
            continue;
        }
        let q = &claim.text;
        if claim.subset {
            if n > r.value {
                let m = messages::prose_part_exceeds(q, n, unit_of(claim), &r.name, r.value, None);
                sink.push(text_finding(RuleId::TxVague, m, claim, Some(&r)));
            }
            continue;
        }
        let (id, reading) = if ab == Some(n) {
            (RuleId::TxVague, DoneReading::NewPlusCarry)
        } else if a.as_ref().is_some_and(|a| a.value == n) {
            (RuleId::TxVague, DoneReading::New)
        } else if stated_elsewhere {
            (RuleId::TxVague, DoneReading::Elsewhere)
        } else {
            (strict_or_vague(claim, RuleId::TxDone), DoneReading::None)
        };
        let m = format!(
            "{}{}",
            mismatch(claim, n, &r),
            messages::tx_done_reading(reading)
        );
        sink.push(text_finding(id, m, claim, Some(&r)));
    }
}

/// TX.CARRYIN: 上年结转 N 件 = 表三 二 总计.
fn tx_carry_in(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(b) = t3_row(report, "carried_over") else {
        return;
    };
    // Any year: the carry-over is last year's by nature.
    for claim in report
        .claims
        .iter()
        .filter(|c| c.subject == Subject::CarryIn)
    {
        let Some(n) = claim.quantity else { continue };
        if n == b.value || claim.approx && near(n, b.value) {
            continue;
        }
        if part_only(claim, n, &b, sink) {
            continue;
        }
        let m = mismatch(claim, n, &b);
        let id = breakdown(claim, RuleId::TxCarryIn);
        sink.push(text_finding(id, m, claim, Some(&b)));
    }
}

/// TX.CARRYOUT: 结转下年度 N 件 (无结转 = 0) = 表三 四 总计.
fn tx_carry_out(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(c) = t3_row(report, "carried_forward") else {
        return;
    };
    for claim in claims_of(report, |s| *s == Subject::CarryOut) {
        let Some(n) = claim.quantity else { continue };
        if n == c.value || claim.approx && n > 0 && near(n, c.value) {
            continue;
        }
        if part_only(claim, n, &c, sink) {
            continue;
        }
        let m = if n == 0 {
            messages::tx_no_carry_out(&claim.text, &c.name, c.value)
        } else {
            mismatch(claim, n, &c)
        };
        // 无结转 without 下年度 may mean either carry-over: marked approximate.
        let id = strict_or_vague(claim, RuleId::TxCarryOut);
        sink.push(text_finding(id, m, claim, Some(&c)));
    }
}

/// TX.NONE: 未收到政府信息公开申请 ⇒ 表三 一 总计 = 0 (and 二 = 0 unless the text mentions it).
fn tx_none(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(a) = t3_row(report, "new_received") else {
        return;
    };
    let b = t3_row(report, "carried_over");
    let carry_mentioned = report.claims.iter().any(|c| c.subject == Subject::CarryIn);
    // One sentence is enough: the others say the same.
    if let Some(claim) = claims_of(report, |s| *s == Subject::NoneReceived).next() {
        let (id, m, fig) = if a.value > 0 {
            (
                RuleId::TxNone,
                messages::tx_says_but(&claim.text, &a.name, a.value),
                &a,
            )
        } else if let Some(bf) = b.as_ref().filter(|b| b.value > 0 && !carry_mentioned) {
            (
                RuleId::TxPartial,
                messages::tx_none_but_carry_in(&claim.text, &bf.name, bf.value),
                bf,
            )
        } else {
            return;
        };
        let f = text_finding(id, m, claim, Some(fig));
        sink.push(f);
    }
}

/// TX.ALLDONE: 均已办结 ⇒ 表三 四 总计 = 0.
fn tx_all_done(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(c) = t3_row(report, "carried_forward") else {
        return;
    };
    if c.value == 0 {
        return;
    }
    if let Some(claim) = claims_of(report, |s| *s == Subject::AllDone).next() {
        let m = messages::tx_all_done(&claim.text, &c.name, c.value);
        let f = text_finding(RuleId::TxAllDone, m, claim, Some(&c));
        sink.push(f);
    }
}

/// TX.BREAK: 予以公开 N 件 … = the result row (or group) of 表三 总计.
fn tx_break(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    for claim in claims_of(report, |s| matches!(s, Subject::Break(_))) {
        let (Subject::Break(o), Some(n)) = (claim.subject, claim.quantity) else {
            continue;
        };
        let (keys, name) = super::prose::break_keys(report, o);
        let Some(fig) = t3_sum(report, &keys, name.clone()) else {
            // 总计 left blank: the sum of the written cells, as a warning.
            if let Some(w) = super::prose::t3_written_sum(report, &keys, name) {
                if n != w.value && !(claim.approx && near(n, w.value)) && !claim.qualified {
                    let m = messages::prose_blank_total(
                        &claim.text,
                        n,
                        unit_of(claim),
                        &w.name,
                        w.value,
                    );
                    sink.push(text_finding(RuleId::TxVague, m, claim, Some(&w)));
                }
            }
            continue;
        };
        if n == fig.value || claim.approx && near(n, fig.value) {
            continue;
        }
        if part_only(claim, n, &fig, sink) {
            continue;
        }
        // A group stated by one of its items (本机关不掌握相关政府信息 2 件) matches that item;
        // a sentence naming the group itself (因本机关不掌握等原因无法提供 265 件) is about the
        // group.
        let group_word = match o {
            Outcome::Withheld => "不予公开",
            Outcome::Unable => "无法提供",
            Outcome::NotProcessed => "不予处理",
            Outcome::Other => "其他处理",
            _ => "",
        };
        let names_group = !group_word.is_empty() && claim.text.contains(group_word);
        if keys.len() > 1 && o != Outcome::GrantedOrPartial && !names_group {
            let one = keys
                .iter()
                .filter_map(|k| t3_row(report, k))
                .any(|f| f.value == n && n > 0);
            if one {
                continue;
            }
        }
        let granted_only = (o == Outcome::GrantedOrPartial)
            .then(|| t3_row(report, "granted"))
            .flatten()
            .filter(|g| g.value == n);
        let (id, m) = match granted_only {
            Some(g) => (
                RuleId::TxPartial,
                format!(
                    "{}{}",
                    mismatch(claim, n, &fig),
                    messages::tx_granted_only_note(n, t3_label("granted", 1), g.value)
                ),
            ),
            None => (breakdown(claim, RuleId::TxBreak), mismatch(claim, n, &fig)),
        };
        sink.push(text_finding(id, m, claim, Some(&fig)));
    }
}

fn part_key(p: CasePart) -> &'static str {
    match p {
        CasePart::Total => "total",
        CasePart::Upheld => "upheld",
        CasePart::Corrected => "corrected",
        CasePart::Other => "other",
        CasePart::Pending => "pending",
    }
}

/// The official leaf label of a table 四 part (结果维持 …).
pub(super) fn part_name(p: CasePart) -> &'static str {
    let key = format!("review.{}", part_key(p));
    T4_COLUMNS
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, path)| path.last())
        .copied()
        .unwrap_or("")
}

pub(super) fn review_fig(report: &Report, p: CasePart) -> Option<Figure> {
    let key = format!("review.{}", part_key(p));
    let k = T4_COLUMNS.iter().position(|(kk, _)| *kk == key)?;
    t4_sum(report, &[&key], messages::figure::t4(&t4_name(k)))
}

pub(super) fn litigation_fig(report: &Report, p: CasePart) -> Option<Figure> {
    let k = part_key(p);
    let mut f = t4_sum(
        report,
        &[
            &format!("litigation_direct.{k}"),
            &format!("litigation_after_review.{k}"),
        ],
        messages::figure::litigation(part_name(p)),
    )?;
    let group = T4_COLUMNS
        .get(5)
        .and_then(|(_, path)| path.first())
        .copied()
        .unwrap_or("");
    f.column = label_path(&[group, part_name(p)]);
    Some(f)
}

/// The figure of one litigation column (未经复议直接起诉 or 复议后起诉) for `part`, with its label.
fn litigation_column(report: &Report, group: &str, p: CasePart) -> Option<(i64, &'static str)> {
    let key = format!("{group}.{}", part_key(p));
    let k = T4_COLUMNS.iter().position(|(kk, _)| *kk == key)?;
    let label = T4_COLUMNS
        .get(k)
        .and_then(|(_, path)| path.get(1))
        .copied()
        .unwrap_or("");
    Some((t4_cell(report, k)?.int()?, label))
}

/// TX.REV: 行政复议 N 件 (+ 维持/纠正/其他/尚未审结) = 表四 行政复议.
fn tx_review(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    for claim in claims_of(report, |s| matches!(s, Subject::Review(_))) {
        let (Subject::Review(p), Some(n)) = (claim.subject, claim.quantity) else {
            continue;
        };
        let Some(fig) = review_fig(report, p) else {
            continue;
        };
        if n == fig.value || claim.approx && near(n, fig.value) {
            continue;
        }
        // "行政复议、行政诉讼共 N 件": the two totals together.
        if p == CasePart::Total {
            let lit = litigation_fig(report, CasePart::Total).map_or(0, |l| l.value);
            if n == fig.value + lit && claim.sentence.contains("诉讼") {
                continue;
            }
        }
        if part_only(claim, n, &fig, sink) {
            continue;
        }
        let m = mismatch(claim, n, &fig);
        sink.push(text_finding(
            breakdown(claim, RuleId::TxRev),
            m,
            claim,
            Some(&fig),
        ));
    }
}

/// TX.LIT: 行政诉讼 N 件 (+ breakdown) = 表四 未经复议直接起诉 + 复议后起诉.
fn tx_litigation(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    for claim in claims_of(report, |s| matches!(s, Subject::Litigation(_))) {
        let (Subject::Litigation(p), Some(n)) = (claim.subject, claim.quantity) else {
            continue;
        };
        let Some(fig) = litigation_fig(report, p) else {
            continue;
        };
        if n == fig.value || claim.approx && near(n, fig.value) {
            continue;
        }
        if p == CasePart::Total {
            let review = review_fig(report, CasePart::Total).map_or(0, |r| r.value);
            if n == fig.value + review && claim.sentence.contains("复议") {
                continue;
            }
        }
        if part_only(claim, n, &fig, sink) {
            continue;
        }
        let one = ["litigation_direct", "litigation_after_review"]
            .iter()
            .filter_map(|g| litigation_column(report, g, p))
            .find(|(v, _)| *v == n);
        let (id, m) = match one {
            Some((_, column)) => (
                RuleId::TxPartial,
                format!(
                    "{}{}",
                    mismatch(claim, n, &fig),
                    messages::tx_one_litigation_column_note(n, column)
                ),
            ),
            None => (breakdown(claim, RuleId::TxLit), mismatch(claim, n, &fig)),
        };
        sink.push(text_finding(id, m, claim, Some(&fig)));
    }
}
