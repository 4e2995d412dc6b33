//! Rules comparing the narrative text with the tables.

use super::*;

pub(super) fn tx_none(report: &Report, sink: &mut Sink) {
    let Some(span) = &report.no_application else {
        return;
    };
    let Some((v, r)) = t3_int(report, idx("new_received"), T3_TOTAL_COL) else {
        return;
    };
    if v > 0 {
        let mut f = finding(
            info("TX.NONE"),
            format!("正文说“{}”，但表三本年新收申请总计为 {v}", span.sentence),
        );
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
