//! The format-neutral document model: the body's paragraphs and tables in reading order, each
//! table a rectangular grid of cells with their spans and their origin in the source. Readers
//! of input formats (today [`crate::docx`]) build it; recognition reads it.

#[cfg(feature = "readers")]
mod builder;
mod grid;

#[cfg(feature = "readers")]
pub use builder::Builder;

pub use grid::{build_grid, GridError, Join, SpanCell, SpanRow};

use serde::Serialize;

/// A parsed WordprocessingML body.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Paragraphs and tables in reading order. Paragraphs inside table cells are part of the
    /// cell text, not blocks; paragraphs inside text boxes are blocks at the text box's place.
    pub blocks: Vec<Block>,
    /// Every table, nested ones included, in the order their start tags appear.
    pub tables: Vec<Table>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(Paragraph),
    /// Index into [`Document::tables`]. Nested tables appear here too, after the block of their
    /// outer table, so that every table has a place in reading order.
    Table(usize),
}

#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    /// The visible text: inserted text counts, deleted text does not; `w:br`, `w:cr` give `\n`,
    /// `w:tab` gives `\t`.
    pub text: String,
    /// Automatic numbering (`w:numPr` on the paragraph or on its paragraph style): the number
    /// ("三、") is then not part of `text`.
    pub numbered: bool,
    /// Numbering level (`w:ilvl`), when numbered.
    pub num_level: Option<u8>,
    /// The paragraph style id (`w:pStyle`), if any.
    pub style: Option<String>,
    /// Outline level from the paragraph properties or style (headings), if any.
    pub outline_level: Option<u8>,
    /// Where the paragraph comes from: for Word, the index of its `<w:p>` among all `<w:p>`
    /// elements of the main part in document order (inside tables, text boxes and
    /// `mc:Fallback` included), so that a writer can find it again by counting them.
    pub source: usize,
}

/// A table as a rectangular grid of `rows × cols` slots. Each slot names the cell that covers
/// it (merged cells cover several slots) or is empty (`gridBefore`/`gridAfter`/short rows).
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Index of this table in [`Document::tables`].
    pub index: usize,
    /// For a nested table: the outer table's index and the covering cell's grid position.
    pub parent: Option<(usize, usize, usize)>,
    pub rows: usize,
    pub cols: usize,
    /// The cells, each once, in source order (row by row, left to right).
    pub cells: Vec<Cell>,
    /// `rows * cols` slots, row-major: index into `cells`, or `None`.
    pub grid: Vec<Option<u32>>,
}

/// One cell after merging: its top-left grid position and its spans.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    /// The cell's paragraphs joined by `\n` (nested tables' text not included).
    pub text: String,
    /// Where the cell starts in the XML: index of its `w:tr` within the table and of its `w:tc`
    /// within that row.
    pub source: SourcePos,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SourcePos {
    pub tr: usize,
    pub tc: usize,
}

impl Table {
    /// The cell covering grid slot (`row`, `col`), if any.
    pub fn cell_at(&self, row: usize, col: usize) -> Option<&Cell> {
        if row >= self.rows || col >= self.cols {
            return None;
        }
        let slot = self.grid.get(row * self.cols + col).copied().flatten()?;
        self.cells.get(slot as usize)
    }

    /// Index into `cells` of the cell covering (`row`, `col`).
    pub fn cell_index_at(&self, row: usize, col: usize) -> Option<usize> {
        if row >= self.rows || col >= self.cols {
            return None;
        }
        self.grid
            .get(row * self.cols + col)
            .copied()
            .flatten()
            .map(|i| i as usize)
    }

    /// The distinct cells covering row `row`, left to right (a cell merged down from an upper
    /// row is included).
    pub fn row_cells(&self, row: usize) -> Vec<&Cell> {
        let mut out: Vec<&Cell> = Vec::new();
        let mut last: Option<usize> = None;
        for col in 0..self.cols {
            if let Some(i) = self.cell_index_at(row, col) {
                if last != Some(i) {
                    if let Some(c) = self.cells.get(i) {
                        out.push(c);
                    }
                    last = Some(i);
                }
            }
        }
        out
    }

    /// Concatenated text of every cell, for classifying the table.
    pub fn all_text(&self) -> String {
        let mut s = String::new();
        for c in &self.cells {
            s.push_str(&c.text);
            s.push('\n');
        }
        s
    }
}

/// Appends `s` to `buf`, keeping at most `limit` characters in all (`count` tracks them).
pub fn push_limited(buf: &mut String, count: &mut usize, limit: usize, s: &str) {
    if s.is_empty() || *count >= limit {
        return;
    }
    let room = limit - *count;
    if s.len() <= room {
        buf.push_str(s);
        *count += s.chars().count();
        return;
    }
    let mut n = 0;
    for (i, _) in s.char_indices() {
        if n == room {
            if let Some(head) = s.get(..i) {
                buf.push_str(head);
            }
            *count += n;
            return;
        }
        n += 1;
    }
    buf.push_str(s);
    *count += n;
}
