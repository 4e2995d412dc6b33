//! Reading table 四: its header's groups and leaves, and its one data row.

use super::*;

pub(super) const T4_TERMS: &[&str] = &[
    "行政复议",
    "行政诉讼",
    "复议",
    "起诉",
    "维持",
    "纠正",
    "其他结果",
    "审结",
    "总计",
];

pub(super) fn read_t4(
    t: &Table,
    notes: &mut Vec<Ambiguity>,
    variants: &mut Vec<LabelVariant>,
) -> Table4 {
    let mut header_rows: Vec<usize> = Vec::new();
    let mut data_rows: Vec<usize> = Vec::new();
    for r in 0..t.rows {
        let cells = t.row_cells(r);
        let numeric = cells.iter().any(|c| {
            matches!(
                value::read(&c.text).0,
                Reading::Int(_) | Reading::Decimal(_)
            )
        });
        let header = !numeric
            && cells.iter().any(|c| {
                let n = norm(&c.text);
                T4_TERMS.iter().any(|term| n.contains(term)) && n.chars().count() <= 12
            });
        // Header rows are the ones above the data; a note below the table that names 行政复议
        // is not a header.
        if header && data_rows.is_empty() {
            header_rows.push(r);
        } else if !header_rows.is_empty() {
            data_rows.push(r);
        }
    }
    let mut col_of: Vec<Option<usize>> = vec![None; 15];
    for c in 0..t.cols {
        let mut labels: Vec<String> = Vec::new();
        let mut last: Option<usize> = None;
        let mut leaf: Option<&crate::model::Cell> = None;
        for &r in &header_rows {
            let Some(ci) = t.cell_index_at(r, c) else {
                continue;
            };
            if last == Some(ci) {
                continue;
            }
            last = Some(ci);
            if let Some(cell) = t.cells.get(ci) {
                let n = norm(&cell.text);
                if !n.is_empty() {
                    labels.push(n);
                    leaf = Some(cell);
                }
            }
        }
        let mut k = formats::match_t4_column(&labels);
        if let (None, Some(cell)) = (k, leaf) {
            // A mistyped result header ("结果维特"): matched tolerantly, said so.
            if let LabelMatch::Variant(i) = labels::match_label(&cell.text, &labels::T4_LEAVES) {
                if let (Some(official), Some(last)) = (labels::T4_LEAVES.get(i), labels.last_mut())
                {
                    *last = norm(official.label);
                    k = formats::match_t4_column(&labels);
                    let at = CellRef {
                        table: t.index,
                        row: cell.row,
                        col: cell.col,
                    };
                    if k.is_some() && !variants.iter().any(|v| v.cells.first() == Some(&at)) {
                        variants.push(LabelVariant {
                            table: 4,
                            written: trim_blank(&cell.text).to_string(),
                            official: official.label.to_string(),
                            cells: vec![at],
                        });
                    }
                }
            }
        }
        if let Some(k) = k {
            if let Some(slot) = col_of.get_mut(k) {
                if slot.is_none() {
                    *slot = Some(c);
                }
            }
        }
    }
    // A data row has several cells under the mapped columns (a note row spans them all).
    let has_text = |r: usize| {
        let distinct: std::collections::BTreeSet<usize> = col_of
            .iter()
            .flatten()
            .filter_map(|&c| t.cell_index_at(r, c))
            .collect();
        distinct.len() >= 2
            && col_of.iter().flatten().any(|&c| {
                t.cell_at(r, c)
                    .is_some_and(|cell| !trim_blank(&cell.text).is_empty())
            })
    };
    let with_text: Vec<usize> = data_rows.iter().copied().filter(|&r| has_text(r)).collect();
    let data_row = with_text
        .first()
        .copied()
        .or_else(|| data_rows.first().copied());
    let extra = with_text.len().saturating_sub(1);
    if extra > 0 {
        notes.push(Ambiguity::T4SeveralDataRows {
            rows: with_text.len(),
        });
    }
    let cells = col_of
        .iter()
        .map(|c| {
            let (r, c) = (data_row?, (*c)?);
            t.cell_at(r, c)
                .filter(|cell| cell.row == r || cell.row_span == 1)
                .map(|cell| NumCell::new(t.index, cell))
        })
        .collect();
    Table4 {
        table: t.index,
        cells,
        extra_data_rows: extra,
    }
}

// ------------------------------------------------------------------ table 二
