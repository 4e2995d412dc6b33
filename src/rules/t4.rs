//! Rules on table 四: group totals and completeness.

use super::*;

pub(super) fn t4_cell(report: &Report, k: usize) -> Option<&NumCell> {
    report.t4.as_ref()?.cells.get(k)?.as_ref()
}

pub(super) fn t4_sums(report: &Report, sink: &mut Sink) {
    let info = info("T4.SUM");
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
        let mut f = finding(info, format!("{name}：总计应为 {sum}（结果维持 {}+结果纠正 {}+其他结果 {}+尚未审结 {}），实为 {}", a.0, b.0, c.0, d.0, t.0));
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

pub(super) fn t4_completeness(report: &Report, sink: &mut Sink) {
    let Some(t4) = &report.t4 else { return };
    for k in 0..T4_COLUMNS.len() {
        if t4.cells.get(k).is_none_or(|c| c.is_none()) {
            let mut f = finding(
                info("T4.COLS"),
                format!(
                    "表四缺少「{}」栏（或标题无法识别），该栏无法检查",
                    t4_name(k)
                ),
            );
            f.table = Some(4);
            f.column = t4_path(k);
            sink.push(f);
        }
    }
}
