//! Rules comparing the narrative text with the tables.

use super::*;

rule! {
    /// 正文与表三
    ///
    /// 正文说没有收到政府信息公开申请，但表三本年新收申请总计大于 0。
    ///
    /// 依据：正文与统计表应当一致（“数据精确、文字严谨”）。
    TxNone: "TX.NONE", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::Paragraph { section: 0, text: "本单位未收到政府信息公开申请。" }, Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "granted", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }], message: "正文说“本单位未收到政府信息公开申请”，但表三本年新收申请总计为 1" },
    check: tx_none,
}

fn tx_none(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(span) = &report.no_application else {
        return;
    };
    let Some((v, r)) = t3_int(report, idx("new_received"), T3_TOTAL_COL) else {
        return;
    };
    if v > 0 {
        let mut f = finding(RuleId::TxNone, messages::no_application(&span.sentence, v));
        f.table = Some(3);
        f.row = t3_row_path(idx("new_received"));
        f.column = formats::t3_column_path(T3_TOTAL_COL);
        f.expected = Some(Quantity::Int(0));
        f.actual = Some(Quantity::Int(v));
        f.cells = vec![r];
        f.locations.push(text_location(span));
        sink.push(f);
    }
}
