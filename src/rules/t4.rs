//! Rules on table 四: group totals and completeness.

use super::*;

pub(super) fn t4_cell(report: &Report, k: usize) -> Option<&NumCell> {
    report.t4.as_ref()?.cells.get(k)?.as_ref()
}

rule! {
    /// 表四合计
    ///
    /// 表四行政复议、未经复议直接起诉、复议后起诉三组，各自的结果维持+结果纠正+其他结果+尚未审结 = 总计。
    ///
    /// 依据：“总计”是本组各项结果之和（由定义得出）。
    T4Sum: "T4.SUM", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T4 { col: "review.total", text: "1" }], message: "行政复议：总计应为 0（结果维持 0+结果纠正 0+其他结果 0+尚未审结 0），实为 1" },
    check: t4_sums,
}

fn t4_sums(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::T4Sum;
    for (start, name) in T4_GROUPS {
        let vals: Option<Vec<(i64, CellRef)>> = (start..start + 5)
            .map(|k| t4_cell(report, k).and_then(|c| Some((c.int()?, c.cell))))
            .collect();
        let Some(&[a, b, c, d, t]) = vals.as_deref() else {
            continue;
        };
        let sum = a.0 + b.0 + c.0 + d.0;
        if sum == t.0 {
            continue;
        }
        let mut f = finding(id, messages::t4_sum(name, sum, [a.0, b.0, c.0, d.0, t.0]));
        f.table = Some(4);
        f.column = t4_path(start + 4);
        f.expected = Some(Quantity::Int(sum));
        f.actual = Some(Quantity::Int(t.0));
        f.cells = vec![t.1, a.1, b.1, c.1, d.1];
        let eq = Equation {
            terms: vec![
                (t.1, 1, t.0),
                (a.1, -1, a.0),
                (b.1, -1, b.0),
                (c.1, -1, c.0),
                (d.1, -1, d.0),
            ],
        };
        sink.push_eq(f, eq);
    }
}

rule! {
    /// 表四栏目齐全
    ///
    /// 表四 15 个数字栏（3 组 × 5 项）都能找到。
    ///
    /// 依据：统一格式规定了表四的全部栏目。
    T4Cols: "T4.COLS", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T4Label { col: "review.pending", text: "备注" }], message: "表四缺少「行政复议·尚未审结」栏（或标题无法识别），该栏无法检查" },
    check: t4_completeness,
}

fn t4_completeness(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let Some(t4) = &report.t4 else { return };
    for k in 0..T4_COLUMNS.len() {
        if t4.cells.get(k).is_none_or(|c| c.is_none()) {
            let mut f = finding(RuleId::T4Cols, messages::t4_missing_column(&t4_name(k)));
            f.table = Some(4);
            f.column = t4_path(k);
            sink.push(f);
        }
    }
}
