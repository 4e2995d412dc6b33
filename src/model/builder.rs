//! Builds a [`Document`] for the readers other than the Word XML reader (Word 97 binary, HTML):
//! paragraphs and tables in reading order, every bound of [`Limits`] applied the way the Word
//! XML reader applies it (paragraph and table counts, rows, columns, characters).

use super::{build_grid, push_limited, Block, Document, GridError, Paragraph, SpanRow};
use crate::limits::Limits;
use crate::rejection::Refusal;

/// Collects paragraphs and tables, refusing as soon as a bound is passed.
pub struct Builder<'l> {
    limits: &'l Limits,
    doc: Document,
    grid_slots: usize,
    paragraphs: usize,
}

impl<'l> Builder<'l> {
    pub fn new(limits: &'l Limits) -> Self {
        Builder {
            limits,
            doc: Document::default(),
            grid_slots: 0,
            paragraphs: 0,
        }
    }

    /// Counts a paragraph against [`Limits::max_paragraphs`] (cell paragraphs count too).
    pub fn count_paragraph(&mut self) -> Result<(), Refusal> {
        self.paragraphs += 1;
        if self.paragraphs > self.limits.max_paragraphs {
            return Err(Refusal::TooManyParagraphs {
                max: self.limits.max_paragraphs,
            });
        }
        Ok(())
    }

    /// A body paragraph (counted by [`Builder::count_paragraph`] already), its text cut to
    /// [`Limits::max_paragraph_chars`].
    pub fn paragraph(&mut self, text: &str, numbered: bool, outline_level: Option<u8>) {
        let mut kept = String::new();
        let mut n = 0;
        push_limited(&mut kept, &mut n, self.limits.max_paragraph_chars, text);
        let source = self.doc.blocks.len();
        self.doc.blocks.push(Block::Paragraph(Paragraph {
            text: kept,
            numbered,
            num_level: numbered.then_some(0),
            style: None,
            outline_level: outline_level.filter(|&l| l < 9),
            source,
        }));
    }

    /// A table from its rows as written; `min_cols` is the width the source declares (or 0).
    /// Cell texts are cut to [`Limits::max_cell_chars`].
    pub fn table(&mut self, mut rows: Vec<SpanRow>, min_cols: usize) -> Result<(), Refusal> {
        let index = self.doc.tables.len();
        if index >= self.limits.max_tables {
            return Err(Refusal::TooManyTables {
                max: self.limits.max_tables,
            });
        }
        if rows.len() > self.limits.max_rows {
            return Err(Refusal::TooManyRows {
                max: self.limits.max_rows,
            });
        }
        for row in &mut rows {
            for cell in &mut row.cells {
                if cell.text.len() > self.limits.max_cell_chars {
                    let mut kept = String::new();
                    let mut n = 0;
                    push_limited(&mut kept, &mut n, self.limits.max_cell_chars, &cell.text);
                    cell.text = kept;
                }
            }
        }
        let table = build_grid(
            index,
            None,
            min_cols,
            rows,
            self.limits,
            &mut self.grid_slots,
        )
        .map_err(|e| match e {
            GridError::TooWide { max } => Refusal::TooWide { max },
            GridError::TooLarge => Refusal::GridTooLarge,
        })?;
        self.doc.tables.push(table);
        self.doc.blocks.push(Block::Table(index));
        Ok(())
    }

    pub fn finish(self) -> Document {
        self.doc
    }
}
