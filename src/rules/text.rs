//! Rules comparing the narrative text with the tables.

use super::*;

pub(super) fn tx_none(report: &Report, sink: &mut Sink) {
    let Some(sentence) = &report.no_application_text else {
        return;
    };
    let Some((v, r)) = t3_int(report, idx("new_received"), T3_TOTAL_COL) else {
        return;
    };
    if v > 0 {
        let mut f = finding(
            info("TX.NONE"),
            format!("正文说“{sentence}”，但表三本年新收申请总计为 {v}"),
        );
        f.table = Some(3);
        f.row = t3_row_path(idx("new_received"));
        f.column = formats::t3_column_path(T3_TOTAL_COL);
        f.expected = Some(Quantity::Int(0));
        f.actual = Some(Quantity::Int(v));
        f.cells = vec![r];
        sink.push(f);
    }
}
