//! The one grid builder: turns rows of cells with spans (as any tabular source writes them) into
//! a rectangular [`Table`]. Word's `w:gridSpan`, `w:hMerge`, `w:vMerge`, `w:gridBefore` and
//! `w:gridAfter` map onto [`SpanRow`] and [`SpanCell`]; another tabular input would do the same.

use super::{push_limited, Cell, SourcePos, Table};
use crate::limits::Limits;

/// Most grid slots (rows × cols, summed over all tables) built for one document, so that many
/// wide, tall but cheap-to-write tables cannot make the grids huge.
pub const MAX_TOTAL_GRID_SLOTS: usize = 4_000_000;

/// How a cell as written joins a neighbouring cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Join {
    /// A cell of its own.
    #[default]
    None,
    /// Continues the cell to its left (Word's `w:hMerge` continuation).
    Left,
    /// Continues the cell above, when that cell has the same columns (Word's `w:vMerge`
    /// continuation).
    Up,
}

/// A cell as written in the source: how many grid columns it spans and whether it continues a
/// neighbour.
#[derive(Debug, Clone, Default)]
pub struct SpanCell {
    pub span: usize,
    pub join: Join,
    pub text: String,
    pub source: SourcePos,
}

/// A row as written: empty grid columns before and after its cells, and the cells.
#[derive(Debug, Clone, Default)]
pub struct SpanRow {
    pub before: usize,
    pub after: usize,
    pub cells: Vec<SpanCell>,
}

/// Why a grid was not built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridError {
    /// More columns than [`Limits::max_cols`].
    TooWide { max: usize },
    /// More slots in all tables than [`MAX_TOTAL_GRID_SLOTS`].
    TooLarge,
}

/// Builds the rectangular grid of one table from its rows as written. `min_cols` is the width
/// the source declares (Word's `w:tblGrid`); rows wider than it widen the grid. `total_slots`
/// counts the slots of every table of the document against [`MAX_TOTAL_GRID_SLOTS`].
pub fn build_grid(
    index: usize,
    parent: Option<(usize, usize, usize)>,
    min_cols: usize,
    rows: Vec<SpanRow>,
    limits: &Limits,
    total_slots: &mut usize,
) -> Result<Table, GridError> {
    let mut cols = min_cols;
    for r in &rows {
        let width = r.cells.iter().fold(0usize, |w, c| w.saturating_add(c.span));
        cols = cols.max(r.before.saturating_add(width).saturating_add(r.after));
    }
    if cols > limits.max_cols {
        return Err(GridError::TooWide {
            max: limits.max_cols,
        });
    }
    let nrows = rows.len();
    let slots = nrows.saturating_mul(cols);
    *total_slots = total_slots.saturating_add(slots);
    if *total_slots > MAX_TOTAL_GRID_SLOTS {
        return Err(GridError::TooLarge);
    }
    let mut grid: Vec<Option<u32>> = vec![None; slots];
    let mut cells: Vec<Cell> = Vec::with_capacity(rows.iter().map(|r| r.cells.len()).sum());
    for (r, row) in rows.into_iter().enumerate() {
        let mut c = row.before;
        for raw in row.cells {
            let span = raw.span.max(1).min(cols.saturating_sub(c));
            if span == 0 {
                break;
            }
            let left = if c > 0 {
                grid.get(r * cols + c - 1).copied().flatten()
            } else {
                None
            };
            let above = if r > 0 {
                grid.get((r - 1) * cols + c).copied().flatten()
            } else {
                None
            };
            let mut target: Option<u32> = None;
            match raw.join {
                Join::Left => {
                    if let Some(i) = left {
                        if let Some(cell) = cells.get_mut(i as usize) {
                            if cell.row == r && cell.row_span == 1 {
                                cell.col_span += span;
                                target = Some(i);
                            }
                        }
                    }
                }
                Join::Up => {
                    if let Some(i) = above {
                        if let Some(cell) = cells.get_mut(i as usize) {
                            if cell.col == c
                                && cell.col_span == span
                                && cell.row + cell.row_span == r
                            {
                                cell.row_span += 1;
                                target = Some(i);
                            }
                        }
                    }
                }
                Join::None => {}
            }
            let i = match target {
                Some(i) => {
                    // Continuation cells are normally empty; keep any text they do hold.
                    if !raw.text.is_empty() {
                        if let Some(cell) = cells.get_mut(i as usize) {
                            let mut chars = cell.text.chars().count();
                            push_limited(&mut cell.text, &mut chars, limits.max_cell_chars, "\n");
                            push_limited(
                                &mut cell.text,
                                &mut chars,
                                limits.max_cell_chars,
                                &raw.text,
                            );
                        }
                    }
                    i
                }
                None => {
                    cells.push(Cell {
                        row: r,
                        col: c,
                        row_span: 1,
                        col_span: span,
                        text: raw.text,
                        source: raw.source,
                    });
                    (cells.len() - 1) as u32
                }
            };
            for k in c..c + span {
                if let Some(slot) = grid.get_mut(r * cols + k) {
                    *slot = Some(i);
                }
            }
            c += span;
        }
    }
    Ok(Table {
        index,
        parent,
        rows: nrows,
        cols,
        cells,
        grid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(span: usize, join: Join, text: &str) -> SpanCell {
        SpanCell {
            span,
            join,
            text: text.to_string(),
            source: SourcePos::default(),
        }
    }

    #[test]
    fn spans_and_joins_make_one_cell() {
        let rows = vec![
            SpanRow {
                before: 0,
                after: 0,
                cells: vec![cell(2, Join::None, "a"), cell(1, Join::None, "b")],
            },
            SpanRow {
                before: 0,
                after: 0,
                cells: vec![cell(2, Join::Up, ""), cell(1, Join::None, "c")],
            },
            SpanRow {
                before: 1,
                after: 0,
                cells: vec![cell(1, Join::None, "d"), cell(1, Join::Left, "e")],
            },
        ];
        let mut slots = 0;
        let t = build_grid(0, None, 0, rows, &Limits::default(), &mut slots).expect("grid");
        assert_eq!((t.rows, t.cols), (3, 3));
        let a = t.cell_at(1, 1).expect("merged");
        assert_eq!(
            (a.row, a.col, a.row_span, a.col_span, a.text.as_str()),
            (0, 0, 2, 2, "a")
        );
        let d = t.cell_at(2, 2).expect("joined left");
        assert_eq!((d.col, d.col_span, d.text.as_str()), (1, 2, "d\ne"));
        assert!(t.cell_at(2, 0).is_none());
        assert_eq!(slots, 9);
    }

    #[test]
    fn too_wide_is_refused() {
        let limits = Limits {
            max_cols: 2,
            ..Limits::default()
        };
        let rows = vec![SpanRow {
            before: 0,
            after: 0,
            cells: vec![cell(3, Join::None, "x")],
        }];
        assert_eq!(
            build_grid(0, None, 0, rows, &limits, &mut 0).err(),
            Some(GridError::TooWide { max: 2 })
        );
    }
}
