//! The Word 97-2003 binary reader (.doc, and WPS's .wps, which is the same format): builds the
//! same [`Document`] as the Word XML reader from the streams the intake took out of the
//! compound file ([MS-DOC]).
//!
//! * The FIB at the start of the WordDocument stream: its identifier and version (`nFib`; Word
//!   6/95 files are refused), the encryption flags, the fast-save flag (`fComplex`; refused), which table stream holds the tables, the
//!   length of the main text (`ccpText`) and where the piece table (`Clx`) and the paragraph
//!   property index (`PlcBtePapx`) are.
//! * The piece table maps character positions to file offsets; each piece is 8-bit (Windows
//!   code page 1252, "compressed") or UTF-16LE.
//! * Paragraph properties come from the PAPX FKP pages: `sprmPFInTable`, `sprmPFTtp` (the row
//!   end), `sprmPItap`/inner-table flags, outline level and list membership; the row end's
//!   properties hold the row's cell definitions (`sprmTDefTable`: cell edges and merge flags)
//!   and vertical merges (`sprmTVertMerge`). Cell edges of all rows give the table's grid columns.
//!
//! Nothing here panics on any input: every read is checked, every loop is bounded by the
//! stream sizes and [`Limits`].

mod props;

use crate::limits::Limits;
use crate::model::{Builder, Document, Join, SourcePos, SpanCell, SpanRow};
use crate::rejection::{ReaderProblem, Refusal, Rejection};
use props::{papx_runs, TableDef};

fn damaged() -> Rejection {
    Rejection::from(Refusal::Reader(ReaderProblem::DamagedDoc))
}

pub(crate) fn le16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*s.first()?, *s.get(1)?]))
}

pub(crate) fn le32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([
        *s.first()?,
        *s.get(1)?,
        *s.get(2)?,
        *s.get(3)?,
    ]))
}

/// What the FIB says.
struct Fib {
    table_one: bool,
    ccp_text: u32,
    fc_clx: u32,
    lcb_clx: u32,
    fc_bte_papx: u32,
    lcb_bte_papx: u32,
}

const W_IDENT: u16 = 0xA5EC;
/// `nFib` of Word 97; earlier versions (Word 6: 101, Word 95: 104) use another layout.
const NFIB_WORD97: u16 = 0x00C1;

/// Reads the FIB, refusing Word 6/95 files and encrypted or obfuscated ones.
fn fib(word: &[u8]) -> Result<Fib, Rejection> {
    let ident = le16(word, 0).ok_or_else(damaged)?;
    if ident != W_IDENT {
        return Err(damaged());
    }
    let nfib = le16(word, 2).ok_or_else(damaged)?;
    if nfib < NFIB_WORD97 - 1 {
        return Err(Rejection::from(Refusal::Reader(ReaderProblem::Word95)));
    }
    let flags = le16(word, 0x0A).ok_or_else(damaged)?;
    if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
        return Err(Rejection::from(Refusal::EncryptedLegacyWord));
    }
    // fComplex: a fast-saved file, whose appended pieces carry property changes (Prm) that
    // are not read here; refused rather than read with possibly wrong table structure.
    if flags & 0x0004 != 0 {
        return Err(Rejection::from(Refusal::Reader(
            ReaderProblem::FastSavedDoc,
        )));
    }
    let table_one = flags & 0x0200 != 0;
    // FibBase (32 bytes), csw + fibRgW, cslw + fibRgLw, cbRgFcLcb + fibRgFcLcbBlob.
    let csw = usize::from(le16(word, 32).ok_or_else(damaged)?);
    let lw_at = 34 + csw * 2;
    let cslw = usize::from(le16(word, lw_at).ok_or_else(damaged)?);
    let rglw = lw_at + 2;
    let ccp_text = le32(word, rglw + 3 * 4).ok_or_else(damaged)?;
    let fc_at = rglw + cslw * 4;
    let cb_fclcb = usize::from(le16(word, fc_at).ok_or_else(damaged)?);
    let blob = fc_at + 2;
    if cb_fclcb < 34 {
        return Err(damaged());
    }
    let pair = |i: usize| -> Option<(u32, u32)> {
        Some((le32(word, blob + i * 8)?, le32(word, blob + i * 8 + 4)?))
    };
    let (fc_clx, lcb_clx) = pair(33).ok_or_else(damaged)?;
    let (fc_bte_papx, lcb_bte_papx) = pair(13).ok_or_else(damaged)?;
    Ok(Fib {
        table_one,
        ccp_text,
        fc_clx,
        lcb_clx,
        fc_bte_papx,
        lcb_bte_papx,
    })
}

/// One piece of the piece table: character positions `cp..cp_end` at file offset `fc`.
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

fn slice(b: &[u8], at: u32, len: u32) -> Option<&[u8]> {
    let at = usize::try_from(at).ok()?;
    let len = usize::try_from(len).ok()?;
    b.get(at..at.checked_add(len)?)
}

/// The pieces of the `Clx` (after any `Prc` property runs).
fn pieces(table: &[u8], fib: &Fib) -> Result<Vec<Piece>, Rejection> {
    let clx = slice(table, fib.fc_clx, fib.lcb_clx).ok_or_else(damaged)?;
    let mut at = 0usize;
    // Each Prc: 0x01, cbGrpprl (i16), grpprl. Bounded: each step consumes at least 3 bytes.
    while clx.get(at) == Some(&0x01) {
        let cb = usize::from(le16(clx, at + 1).ok_or_else(damaged)?);
        at = at.saturating_add(3).saturating_add(cb);
    }
    if clx.get(at) != Some(&0x02) {
        return Err(damaged());
    }
    let lcb = le32(clx, at + 1).ok_or_else(damaged)? as usize;
    let plc = clx
        .get(at + 5..at.saturating_add(5).saturating_add(lcb))
        .ok_or_else(damaged)?;
    if plc.len() < 4 {
        return Err(damaged());
    }
    let n = (plc.len() - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp = le32(plc, i * 4).ok_or_else(damaged)?;
        let cp_end = le32(plc, (i + 1) * 4).ok_or_else(damaged)?;
        let pcd = (n + 1) * 4 + i * 8;
        let fc_raw = le32(plc, pcd + 2).ok_or_else(damaged)?;
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = fc_raw & 0x3FFF_FFFF;
        if cp_end <= cp {
            continue;
        }
        out.push(Piece {
            cp,
            cp_end,
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(out)
}

/// Windows-1252 upper half, for 8-bit pieces.
fn cp1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b - 0x80))
            .and_then(|&u| char::from_u32(u32::from(u)))
            .unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

/// How a paragraph of the main text ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Para,
    Cell,
}

struct RawPara {
    text: String,
    end: End,
    /// File offset of the paragraph mark (to find its properties).
    fc: u32,
}

/// The main text cut into paragraphs, fields shown by their results.
fn paragraphs(
    word: &[u8],
    pieces: &[Piece],
    ccp_text: u32,
    limits: &Limits,
) -> Result<Vec<RawPara>, Rejection> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = 0usize;
    // Field nesting: true while in a field's instruction part.
    let mut fields: Vec<bool> = Vec::new();
    // How many of `fields` are in their instruction part (kept, not counted per character).
    let mut instr = 0usize;
    let mut deep_fields = 0usize;
    let max_chars = limits.max_paragraph_chars.max(limits.max_cell_chars);
    for p in pieces {
        if p.cp >= ccp_text {
            continue;
        }
        let end = p.cp_end.min(ccp_text);
        let n = end - p.cp;
        for i in 0..n {
            let (c, fc) = if p.compressed {
                let fc = p.fc.checked_add(i).ok_or_else(damaged)?;
                let b = *word.get(fc as usize).ok_or_else(damaged)?;
                (cp1252(b), fc)
            } else {
                let fc = i
                    .checked_mul(2)
                    .and_then(|o| p.fc.checked_add(o))
                    .ok_or_else(damaged)?;
                let u = le16(word, fc as usize).ok_or_else(damaged)?;
                (char::from_u32(u32::from(u)).unwrap_or('\u{fffd}'), fc)
            };
            let in_instr = instr > 0;
            match c {
                '\u{13}' => {
                    if fields.len() < 64 {
                        fields.push(true);
                        instr += 1;
                    } else {
                        deep_fields += 1;
                    }
                }
                '\u{14}' => {
                    if deep_fields == 0 {
                        if let Some(top) = fields.last_mut() {
                            if *top {
                                instr -= 1;
                            }
                            *top = false;
                        }
                    }
                }
                '\u{15}' => {
                    if deep_fields > 0 {
                        deep_fields -= 1;
                    } else if fields.pop() == Some(true) {
                        instr -= 1;
                    }
                }
                '\r' | '\u{7}' => {
                    if out.len() >= limits.max_paragraphs {
                        return Err(Rejection::from(Refusal::TooManyParagraphs {
                            max: limits.max_paragraphs,
                        }));
                    }
                    out.push(RawPara {
                        text: std::mem::take(&mut text),
                        end: if c == '\r' { End::Para } else { End::Cell },
                        fc,
                    });
                    chars = 0;
                }
                _ if in_instr => {}
                '\u{b}' | '\u{c}' => push(&mut text, &mut chars, max_chars, '\n'),
                '\t' => push(&mut text, &mut chars, max_chars, '\t'),
                '\u{1e}' => push(&mut text, &mut chars, max_chars, '-'),
                c if (c as u32) < 0x20 => {}
                c => push(&mut text, &mut chars, max_chars, c),
            }
        }
    }
    if !text.is_empty() {
        out.push(RawPara {
            text,
            end: End::Para,
            fc: u32::MAX,
        });
    }
    Ok(out)
}

fn push(text: &mut String, chars: &mut usize, max: usize, c: char) {
    if *chars < max {
        text.push(c);
        *chars += 1;
    }
}

/// Reads a Word 97-2003 document into the model, from its `WordDocument` stream and its
/// `0Table`/`1Table` streams (the FIB says which one holds the tables) and its `Data`
/// stream (large paragraph properties).
pub fn parse(
    word: &[u8],
    table0: Option<&[u8]>,
    table1: Option<&[u8]>,
    data: Option<&[u8]>,
    limits: &Limits,
) -> Result<Document, Rejection> {
    let fib = fib(word)?;
    let table = if fib.table_one { table1 } else { table0 }.ok_or_else(damaged)?;
    let pieces = pieces(table, &fib)?;
    let paras = paragraphs(word, &pieces, fib.ccp_text, limits)?;
    let mut runs = papx_runs(word, table, data, fib.fc_bte_papx, fib.lcb_bte_papx);
    let mut b = Builder::new(limits);
    let mut t = TableState::default();
    for p in &paras {
        b.count_paragraph().map_err(Rejection::from)?;
        let props = runs.props_at(p.fc);
        if props.in_table {
            if props.ttp {
                t.end_row(props.tdef, limits)?;
            } else if props.inner_ttp {
                // The row end of a nested table: its cells' text is already in the outer cell.
            } else {
                if t.cell_paras > 0 {
                    t.cell.push('\n');
                }
                t.cell.push_str(&p.text);
                t.cell_paras += 1;
                if p.end == End::Cell {
                    t.end_cell();
                }
            }
            continue;
        }
        t.flush(&mut b)?;
        b.paragraph(&p.text, props.numbered, props.outline_level);
    }
    t.flush(&mut b)?;
    Ok(b.finish())
}

#[derive(Default)]
struct TableState {
    rows: Vec<(Vec<String>, Option<TableDef>)>,
    cells: Vec<String>,
    cell: String,
    cell_paras: usize,
}

impl TableState {
    fn end_cell(&mut self) {
        self.cells.push(std::mem::take(&mut self.cell));
        self.cell_paras = 0;
    }

    fn end_row(&mut self, tdef: Option<TableDef>, limits: &Limits) -> Result<(), Rejection> {
        if self.cell_paras > 0 {
            self.end_cell();
        }
        if self.rows.len() >= limits.max_rows {
            return Err(Rejection::from(Refusal::TooManyRows {
                max: limits.max_rows,
            }));
        }
        let cells = std::mem::take(&mut self.cells);
        if cells.len() > limits.max_cols {
            return Err(Rejection::from(Refusal::TooWide {
                max: limits.max_cols,
            }));
        }
        self.rows.push((cells, tdef));
        Ok(())
    }

    fn flush(&mut self, b: &mut Builder<'_>) -> Result<(), Rejection> {
        if !self.cells.is_empty() || self.cell_paras > 0 {
            // A row without its row end (a damaged file): keep its cells.
            if self.cell_paras > 0 {
                self.end_cell();
            }
            let cells = std::mem::take(&mut self.cells);
            self.rows.push((cells, None));
        }
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let (span_rows, min_cols) = grid_rows(rows);
        b.table(span_rows, min_cols).map_err(Rejection::from)
    }
}

/// The index of the grid line nearest to `x` (the first of two equally near), found by binary
/// search: a hostile file's table of 5,000 rows of 128 cells with distinct cell edges has
/// thousands of lines, and a scan of them for each of its 640,000 cells took minutes.
fn nearest_line(lines: &[i32], x: i32) -> usize {
    let i = lines.partition_point(|&l| l < x);
    let dist = |j: usize| {
        lines
            .get(j)
            .map(|&l| (i64::from(l) - i64::from(x)).unsigned_abs())
    };
    match (
        i.checked_sub(1).and_then(|j| dist(j).map(|d| (j, d))),
        dist(i),
    ) {
        (Some((j, dj)), Some(di)) if dj <= di => j,
        (Some((j, _)), None) => j,
        (_, Some(_)) => i,
        _ => 0,
    }
}

/// Cell edges closer than this (in twips) are one grid line.
const EDGE_TOLERANCE: i32 = 8;

/// The rows with spans on the table's grid: the grid lines are every row's cell edges.
fn grid_rows(rows: Vec<(Vec<String>, Option<TableDef>)>) -> (Vec<SpanRow>, usize) {
    let mut edges: Vec<i32> = Vec::new();
    for (cells, def) in &rows {
        if let Some(d) = def {
            let n = cells.len().min(d.cells.len());
            edges.extend(d.edges.iter().take(n + 1).copied());
        }
    }
    crate::order::sort_unstable(&mut edges);
    let mut lines: Vec<i32> = Vec::new();
    for e in edges {
        match lines.last() {
            Some(&l) if e - l <= EDGE_TOLERANCE => {}
            _ => lines.push(e),
        }
    }
    let col_of = |x: i32| nearest_line(&lines, x);
    let ncols = lines.len().saturating_sub(1);
    let mut out = Vec::with_capacity(rows.len());
    for (tr, (cells, def)) in rows.into_iter().enumerate() {
        let mut row = SpanRow::default();
        let usable = def
            .as_ref()
            .filter(|d| d.cells.len() >= cells.len() && ncols > 0);
        match usable {
            Some(d) => {
                let first = d.edges.first().copied().unwrap_or(0);
                row.before = col_of(first);
                let mut last_col = row.before;
                for (tc, text) in cells.into_iter().enumerate() {
                    let left = d.edges.get(tc).copied().unwrap_or(first);
                    let right = d.edges.get(tc + 1).copied().unwrap_or(left);
                    let (l, r) = (col_of(left), col_of(right));
                    let span = r.saturating_sub(l).max(1);
                    last_col = l.max(last_col).saturating_add(span);
                    let tcdef = d.cells.get(tc).copied().unwrap_or_default();
                    let join = if tcdef.h_merged {
                        Join::Left
                    } else if tcdef.v_merged && !tcdef.v_restart {
                        Join::Up
                    } else {
                        Join::None
                    };
                    row.cells.push(SpanCell {
                        span,
                        join,
                        text,
                        source: SourcePos { tr, tc },
                    });
                }
                row.after = ncols.saturating_sub(last_col);
            }
            None => {
                for (tc, text) in cells.into_iter().enumerate() {
                    row.cells.push(SpanCell {
                        span: 1,
                        join: Join::None,
                        text,
                        source: SourcePos { tr, tc },
                    });
                }
            }
        }
        out.push(row);
    }
    (out, ncols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_panic_on_short_or_garbage_streams() {
        let l = Limits::default();
        for n in 0..200usize {
            let mut word = vec![0u8; n];
            if n >= 2 {
                word[0] = 0xEC;
                word[1] = 0xA5;
            }
            if n >= 4 {
                word[2] = 0xC1;
            }
            for (i, b) in word.iter_mut().enumerate().skip(4) {
                *b = (i * 37 % 251) as u8;
            }
            let _ = parse(&word, Some(&word), Some(&word), Some(&word), &l);
        }
    }

    #[test]
    fn nearest_line_is_the_first_nearest() {
        let lines: [i32; 5] = [-100, 0, 10, 20, 1000];
        for x in -300i32..1300 {
            let scan = lines
                .iter()
                .enumerate()
                .min_by_key(|(_, &l)| (l - x).unsigned_abs())
                .map_or(0, |(i, _)| i);
            assert_eq!(nearest_line(&lines, x), scan, "x = {x}");
        }
        assert_eq!(nearest_line(&[], 5), 0);
    }

    #[test]
    fn a_table_of_many_distinct_cell_edges_is_read_quickly() {
        // 2,000 rows of 128 cells, every row with its own cell edges (16-bit twips, 9 apart):
        // about 7,300 grid lines, looked up for each of 256,000 cells (a scan of the lines for
        // each cell took minutes in a test build).
        let rows: Vec<(Vec<String>, Option<TableDef>)> = (0..2_000)
            .map(|r| {
                let edges: Vec<i32> = (0..=128)
                    .map(|c| -32_768 + ((r * 129 + c) * 9) % 65_536)
                    .collect();
                let cells = vec![props::CellDef::default(); 128];
                (vec![String::new(); 128], Some(TableDef { edges, cells }))
            })
            .collect();
        let t = std::time::Instant::now();
        let (out, cols) = grid_rows(rows);
        eprintln!("{cols} grid columns in {:?}", t.elapsed());
        assert!(
            t.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            t.elapsed()
        );
        assert_eq!(out.len(), 2_000);
        assert!(cols > 7_000, "{cols}");
    }

    #[test]
    fn word95_is_refused() {
        let mut word = vec![0u8; 1024];
        word[0] = 0xEC;
        word[1] = 0xA5;
        word[2] = 0x65; // nFib 101: Word 6
        let r = parse(&word, None, None, None, &Limits::default()).expect_err("Word 6 refused");
        assert_eq!(r.reason, Some(Refusal::Reader(ReaderProblem::Word95)));
    }
}
