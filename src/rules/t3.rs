//! Rules on table 三: row totals, the column balance printed on the table, result totals, completeness.

use super::*;

rule! {
    /// 表三行合计
    ///
    /// 表三每一行的“总计”等于自然人与法人或其他组织五类（商业企业、科研机构、社会公益组织、法律服务机构、其他）六栏之和。
    ///
    /// 依据：“总计”栏是本行各类申请人数量的合计（由定义得出）。
    T3Row: "T3.ROW", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T3 { row: "granted", col: 6, text: "1" }], message: "「（一）予以公开」行：总计应为 0（0+0+0+0+0+0），实为 1" },
    check: t3_row_totals,
}

fn t3_row_totals(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::T3Row;
    for (i, _) in t3_rows_of(report.t3_format()) {
        let Some((total, total_ref)) = t3_int(report, i, T3_TOTAL_COL) else {
            continue;
        };
        let addends: Option<Vec<(i64, CellRef)>> =
            (0..T3_TOTAL_COL).map(|c| t3_int(report, i, c)).collect();
        let Some(addends) = addends else { continue };
        let sum: i64 = addends.iter().map(|(v, _)| v).sum();
        if sum == total {
            continue;
        }
        let terms: Vec<String> = addends.iter().map(|(v, _)| v.to_string()).collect();
        let mut f = finding(
            id,
            messages::t3_row_total(&t3_row_name(i), sum, &terms.join("+"), total),
        );
        f.table = Some(3);
        f.row = t3_row_path(i);
        f.column = formats::t3_column_path(T3_TOTAL_COL);
        f.expected = Some(Quantity::Int(sum));
        f.actual = Some(Quantity::Int(total));
        f.cells = std::iter::once(total_ref)
            .chain(addends.iter().map(|(_, r)| *r))
            .collect();
        let mut eq = vec![(total_ref, 1, total)];
        eq.extend(addends.iter().map(|(v, r)| (*r, -1, *v)));
        sink.push_eq(f, Equation { terms: eq });
    }
}

rule! {
    /// 表三列勾稽关系
    ///
    /// 表三每一列：第一项（本年新收）加第二项（上年结转）之和，等于第三项（七）总计加第四项（结转下年度继续办理）之和。
    ///
    /// 依据：表三左上角印明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。
    T3Bal: "T3.BAL", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }], message: "「自然人」列：第一项加第二项之和（1+0=1）应等于第三项（七）总计加第四项之和（0+0=0）；按此（七）总计应为 1，实为 0" },
    check: t3_column_balance,
}

fn t3_column_balance(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::T3Bal;
    for c in 0..T3_COLUMNS.len() {
        let (Some(a), Some(b), Some(t), Some(d)) = (
            t3_int(report, idx("new_received"), c),
            t3_int(report, idx("carried_over"), c),
            t3_int(report, idx("results_total"), c),
            t3_int(report, idx("carried_forward"), c),
        ) else {
            continue;
        };
        if a.0 + b.0 == t.0 + d.0 {
            continue;
        }
        let mut f = finding(id, messages::t3_balance(t3_col_name(c), a.0, b.0, t.0, d.0));
        f.table = Some(3);
        f.row = t3_row_path(idx("results_total"));
        f.column = formats::t3_column_path(c);
        f.expected = Some(Quantity::Int(a.0 + b.0 - d.0));
        f.actual = Some(Quantity::Int(t.0));
        f.cells = vec![t.1, a.1, b.1, d.1];
        let eq = Equation {
            terms: vec![(a.1, 1, a.0), (b.1, 1, b.0), (t.1, -1, t.0), (d.1, -1, d.0)],
        };
        sink.push_eq(f, eq);
    }
}

rule! {
    /// 表三办理结果合计
    ///
    /// 表三每一列的“（七）总计”等于（一）至（六）各项办理结果之和（2021 年版（六）含 3 个子项，2019 年版（六）为一行）。
    ///
    /// 依据：每件申请按最终处理结果只计入一项（“区分处理的，只计这一情形，不计其他情形”），（七）总计即各项之和。
    T3Res: "T3.RES", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T3Row { row: "new_received", values: [1, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [1, 0, 0, 0, 0, 0] }], message: "「自然人」列：（七）总计应为各项办理结果之和 0（各项办理结果均为 0），实为 1" },
    check: t3_results_total,
}

fn t3_results_total(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::T3Res;
    let format = report.t3_format();
    let total_row = idx("results_total");
    for c in 0..T3_COLUMNS.len() {
        let Some((total, total_ref)) = t3_int(report, total_row, c) else {
            continue;
        };
        let parts: Option<Vec<(usize, i64, CellRef)>> = t3_rows_of(format)
            .filter(|(_, r)| r.result)
            .map(|(i, _)| t3_int(report, i, c).map(|(v, r)| (i, v, r)))
            .collect();
        let Some(parts) = parts else { continue };
        let sum: i64 = parts.iter().map(|(_, v, _)| v).sum();
        if sum == total {
            continue;
        }
        let nonzero: Vec<(String, i64)> = parts
            .iter()
            .filter(|(_, v, _)| *v != 0)
            .map(|(i, v, _)| (t3_row_name(*i), *v))
            .collect();
        let mut f = finding(
            id,
            messages::t3_results_total(t3_col_name(c), sum, &nonzero, total),
        );
        f.table = Some(3);
        f.row = t3_row_path(total_row);
        f.column = formats::t3_column_path(c);
        f.expected = Some(Quantity::Int(sum));
        f.actual = Some(Quantity::Int(total));
        f.cells = std::iter::once(total_ref)
            .chain(parts.iter().map(|(_, _, r)| *r))
            .collect();
        let mut eq = vec![(total_ref, 1, total)];
        eq.extend(parts.iter().map(|(_, v, r)| (*r, -1, *v)));
        sink.push_eq(f, Equation { terms: eq });
    }
}

rule! {
    /// 表三无申请却有结果
    ///
    /// 某列本年新收与上年结转均为 0，但办理结果不为 0。
    ///
    /// 依据：没有申请就不会有办理结果；这是复制其他表格时最常见的错误，单独指出便于定位。
    T3Zero: "T3.ZERO", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T3Row { row: "granted", values: [2, 0, 0, 0, 0, 0] }], message: "「自然人」列：本年新收和上年结转均为 0，但办理结果中有 2 件（如「（一）予以公开」2 件）；没有申请就不会有办理结果，请核对是否复制了其他单位或年度的表格" },
    check: t3_zero_intake,
}

fn t3_zero_intake(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::T3Zero;
    let format = report.t3_format();
    for c in 0..T3_COLUMNS.len() {
        let (Some(a), Some(b)) = (
            t3_int(report, idx("new_received"), c),
            t3_int(report, idx("carried_over"), c),
        ) else {
            continue;
        };
        if a.0 != 0 || b.0 != 0 {
            continue;
        }
        let positive: Vec<(usize, i64, CellRef)> = t3_rows_of(format)
            .filter(|(_, r)| r.result)
            .filter_map(|(i, _)| t3_int(report, i, c).map(|(v, r)| (i, v, r)))
            .filter(|(_, v, _)| *v > 0)
            .collect();
        let Some(&(first, v, r)) = positive.first() else {
            continue;
        };
        let n: i64 = positive.iter().map(|(_, v, _)| v).sum();
        let mut f = finding(
            id,
            messages::t3_zero_intake(t3_col_name(c), n, &t3_row_name(first), v),
        );
        f.table = Some(3);
        f.row = t3_row_path(first);
        f.column = formats::t3_column_path(c);
        f.expected = Some(Quantity::Int(0));
        f.actual = Some(Quantity::Int(v));
        f.cells = std::iter::once(r)
            .chain(positive.iter().skip(1).map(|(_, _, r)| *r))
            .collect();
        sink.push(f);
    }
}

rule! {
    /// 表三行列齐全
    ///
    /// 表三包含所用格式的全部行（2021 年版 25 行，2019 年版 23 行）和 7 个数字列。
    ///
    /// 依据：统一格式规定了表三的全部行列，缺行缺列的数据无法核对。
    T3Rows: "T3.ROWS", Error,
    example: Example { format: Format::F2021, edits: &[Edit::T3Label { row: "withheld_3", text: "备注" }], message: "表三缺少「三、本年度办理结果·（三）不予公开·3.危及“三安全一稳定”」行（或该行标题无法识别），该行数据无法检查" },
    check: t3_completeness,
}

fn t3_completeness(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let id = RuleId::T3Rows;
    let Some(t3) = &report.t3 else { return };
    for (i, def) in t3_rows_of(report.t3_format()) {
        if t3.rows.get(i).is_some_and(|r| r.is_none()) {
            let mut f = finding(id, messages::t3_missing_row(&def.path.join("·")));
            f.table = Some(3);
            f.row = t3_row_path(i);
            sink.push(f);
        }
    }
    for (c, found) in t3.columns_found.iter().enumerate() {
        if !found {
            let mut f = finding(id, messages::t3_missing_column(t3_col_name(c)));
            f.table = Some(3);
            f.column = formats::t3_column_path(c);
            sink.push(f);
        }
    }
    // The other format's rows found in this report.
    for (i, def) in T3_ROWS.iter().enumerate() {
        let belongs = match report.t3_format() {
            Format::F2021 => def.in_2021,
            Format::F2019 => def.in_2019,
        };
        if !belongs && t3.rows.get(i).is_some_and(|r| r.is_some()) {
            let mut f = finding(
                id,
                messages::t3_foreign_row(report.t3_format().label(), &def.path.join("·")),
            );
            f.table = Some(3);
            f.row = t3_row_path(i);
            sink.push(f);
        }
    }
}

rule! {
    /// 表三勾稽说明
    ///
    /// 表三左上角印有勾稽关系说明。
    ///
    /// 依据：统一格式的表三都有这句说明；缺少它往往意味着表格是重新制作的，行列可能有变动。
    T3Note: "T3.NOTE", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::T3Note("")], message: "表三左上角缺少勾稽关系说明“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”，表格可能被改动过" },
    check: t3_note,
}

fn t3_note(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    if report.t3.as_ref().is_some_and(|t| !t.has_note) {
        let mut f = finding(RuleId::T3Note, messages::t3_note_missing());
        f.table = Some(3);
        sink.push(f);
    }
}

rule! {
    /// “其他处理”偏高
    ///
    /// “其他处理”（2019 年版）或“（六）3.其他”（2021 年版）超过办理结果总计的 10% 且不少于 5 件。
    ///
    /// 依据：国办公开办函〔2019〕60号：“对‘其他处理’数量偏高的行政机关，要了解情况，及时发现并解决相关问题”。
    T3Other: "T3.OTHER", Warning,
    example: Example { format: Format::F2021, edits: &[Edit::T3Row { row: "new_received", values: [6, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "other_3", values: [6, 0, 0, 0, 0, 0] }, Edit::T3Row { row: "results_total", values: [6, 0, 0, 0, 0, 0] }], message: "「（六）其他处理3.其他」有 6 件，占办理结果总计 6 件的 100%；原则上申请都应按法定方式处理，“其他处理”偏高时主管部门会了解情况，请确认并在正文说明" },
    check: t3_other_share,
}

fn t3_other_share(cx: &RuleContext<'_>, sink: &mut Sink) {
    let report = cx.report;
    let key = match report.t3_format() {
        Format::F2021 => "other_3",
        Format::F2019 => "other",
    };
    let (Some((other, r)), Some((total, _))) = (
        t3_int(report, idx(key), T3_TOTAL_COL),
        t3_int(report, idx("results_total"), T3_TOTAL_COL),
    ) else {
        return;
    };
    if other >= 5 && total > 0 && other * 10 > total {
        let mut f = finding(
            RuleId::T3Other,
            messages::t3_other_share(
                &t3_row_name(idx(key)),
                other,
                total,
                (other * 100 + total / 2) / total,
            ),
        );
        f.table = Some(3);
        f.row = t3_row_path(idx(key));
        f.column = formats::t3_column_path(T3_TOTAL_COL);
        f.actual = Some(Quantity::Int(other));
        f.cells = vec![r];
        sink.push(f);
    }
}
