//! Names the likely culprit cell of failed arithmetic identities.

use super::*;

/// A cell that appears in two or more failed identities, where one corrected value would
/// satisfy all of them, is the likely culprit of each of those findings.
pub(super) fn attach_culprits(report: &Report, sink: &mut Sink) {
    use std::collections::BTreeMap;
    let mut by_cell: BTreeMap<CellRef, Vec<usize>> = BTreeMap::new();
    for (k, (_, eq)) in sink.equations.iter().enumerate() {
        for (cell, _, _) in &eq.terms {
            by_cell.entry(*cell).or_default().push(k);
        }
    }
    // For each candidate cell: the value that satisfies every failed identity it is in.
    let mut fixes: BTreeMap<CellRef, i64> = BTreeMap::new();
    for (cell, eqs) in &by_cell {
        if eqs.len() < 2 {
            continue;
        }
        let mut agreed: Option<i64> = None;
        let mut ok = true;
        for &k in eqs {
            let Some((_, eq)) = sink.equations.get(k) else {
                continue;
            };
            let Some(&(_, coef, v)) = eq.terms.iter().find(|(c, _, _)| c == cell) else {
                continue;
            };
            if coef == 0 || eq.residual() % coef != 0 {
                ok = false;
                break;
            }
            let fix = v - eq.residual() / coef;
            match agreed {
                None => agreed = Some(fix),
                Some(a) if a == fix => {}
                Some(_) => {
                    ok = false;
                    break;
                }
            }
        }
        if let (true, Some(fix)) = (ok, agreed) {
            if fix >= 0 {
                fixes.insert(*cell, fix);
            }
        }
    }
    for (finding_index, eq) in &sink.equations {
        let candidates: Vec<(&CellRef, &i64)> = fixes
            .iter()
            .filter(|(c, _)| eq.terms.iter().any(|(t, _, _)| t == *c))
            .collect();
        if let [(cell, fix)] = candidates.as_slice() {
            if let Some(f) = sink.findings.get_mut(*finding_index) {
                f.culprit = Some(**cell);
                f.fix = Some(Fix {
                    cell: **cell,
                    value: Quantity::Int(**fix),
                });
                let name = cell_name(report, cell);
                f.message.push_str(&messages::culprit(&name, **fix));
            }
        }
    }
}

/// Human name of a cell of table 三 or 四, for messages.
pub(super) fn cell_name(report: &Report, cell: &CellRef) -> String {
    if let Some(t3) = &report.t3 {
        for (i, row) in t3.rows.iter().enumerate() {
            let Some(row) = row else { continue };
            for (c, v) in row.iter().enumerate() {
                if v.as_ref().is_some_and(|v| v.cell == *cell) {
                    let raw = v.as_ref().map(|v| v.raw.clone()).unwrap_or_default();
                    let at = messages::t3_cell(&t3_row_name(i), t3_col_name(c));
                    return messages::cell_now(&at, trim_blank(&raw));
                }
            }
        }
    }
    if let Some(t4) = &report.t4 {
        for (k, v) in t4.cells.iter().enumerate() {
            if let Some(v) = v {
                if v.cell == *cell {
                    return messages::cell_now(&messages::t4_cell(&t4_name(k)), trim_blank(&v.raw));
                }
            }
        }
    }
    messages::THAT_CELL.to_string()
}
