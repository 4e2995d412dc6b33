//! The Word reader: turns the main document part (and, on demand, the styles part) into the
//! format-neutral [`crate::model::Document`]: the body's paragraphs and tables in order, each
//! table a rectangular grid after `w:gridSpan`, `w:hMerge`, `w:vMerge`, `w:gridBefore` and
//! `w:gridAfter` (through [`crate::model::build_grid`]), every cell keeping its text and source
//! position, every paragraph its source ordinal (index among all `w:p` of the part).
//!
//! Built from quick-xml events in one streaming pass (no DOM), with an explicit stack so that
//! deep nesting cannot overflow the call stack.
//!
//! What counts as text: `w:t` (also inside `w:ins`, `w:moveTo`, `w:sdt`, `w:smartTag`,
//! `w:customXml`, `w:hyperlink`, `w:fldSimple` and complex-field results), `w:br`/`w:cr` (`\n`),
//! `w:tab`/`w:ptab` (`\t`) and `w:noBreakHyphen` (`-`). Not text: deletions (`w:del`,
//! `w:moveFrom`, `w:delText`), field instructions, ruby guides (`w:rt`), hidden runs
//! (`w:vanish`), properties, and `mc:Fallback` (only the first `mc:Choice` is read, so a text box
//! is read once). Rows deleted with tracked changes (`w:trPr/w:del`) are dropped. Paragraphs of a
//! text box become blocks after the paragraph that anchors it; its tables are ordinary tables.

mod styles;

use crate::limits::Limits;
use crate::model::{
    build_grid, push_limited, Block, Document, GridError, Join, Paragraph, SourcePos, SpanCell,
    SpanRow, Table,
};
use crate::rejection::{Refusal, Rejection};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use styles::{StyleProps, Styles};

/// Parses the main document part. `styles` is the styles part, used to learn which paragraph
/// styles carry automatic numbering or an outline level.
///
/// Malformed XML and invalid UTF-8 give [`crate::rejection::RejectionCode::BadXml`]; anything beyond the bounds
/// of `limits` (depth, tables, rows, columns, paragraphs) gives [`crate::rejection::RejectionCode::TooComplex`].
/// Over-long cell and paragraph text is truncated silently. A malformed styles part is ignored.
pub fn parse(xml: &[u8], styles: Option<&[u8]>, limits: &Limits) -> Result<Document, Rejection> {
    let mut parser = Parser::new(limits, styles);
    // The slice reader checks that every event is valid UTF-8.
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    loop {
        let event = reader.read_event().map_err(|_| bad_xml())?;
        match event {
            Event::Start(e) => parser.start(&e)?,
            Event::Empty(e) => {
                parser.start(&e)?;
                parser.end()?;
            }
            Event::End(_) => parser.end()?,
            Event::Text(t) => {
                if parser.wants_text() {
                    parser.push_text(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if parser.wants_text() {
                    parser.push_text(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if parser.wants_text() {
                    if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => {
                                let mut b = [0u8; 4];
                                parser.push_text(c.encode_utf8(&mut b));
                            }
                            _ => return Err(bad_xml()),
                        }
                    } else if let Some(s) = resolve_predefined_entity(&r) {
                        parser.push_text(s);
                    }
                    // An undeclared entity is dropped rather than refused: Word never writes
                    // one, and the rest of the text is still worth checking.
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    parser.finish()
}

fn bad_xml() -> Rejection {
    Rejection::from(Refusal::BadXml)
}

fn too_wide(max: usize) -> Rejection {
    Rejection::from(Refusal::TooWide { max })
}

/// Nested fields deeper than this are tracked only by count (their instructions still hide text).
const MAX_FIELD_NESTING: usize = 64;

const W_MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT_NS: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// What an open element means to the parser. Elements whose content is ignored entirely are not
/// framed at all; the parser only counts their depth (`Parser::skip`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// Transparent container (body, ins, hyperlink, sdtContent, drawing, unknown elements...).
    Generic,
    Para,
    PPr,
    NumPr,
    Run {
        saved_hidden: bool,
    },
    RPr,
    Text,
    Tbl,
    TblGrid,
    Tr,
    TrPr,
    Tc,
    TcPr,
    AltContent {
        chosen: bool,
    },
    Textbox,
}

/// Where the paragraphs of the innermost container go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Cell,
    Textbox,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// Index of the paragraph's placeholder in `Document::blocks`.
    Block(usize),
    /// Appended to the open cell of the innermost table.
    Cell,
}

#[derive(Debug)]
struct ParaState {
    text: String,
    chars: usize,
    target: Target,
    source: usize,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    outline: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Merge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Debug, Default)]
struct RawCell {
    tc: usize,
    span: usize,
    vmerge: Merge,
    hmerge: Merge,
    text: String,
    chars: usize,
    paras: usize,
}

#[derive(Debug, Default)]
struct RawRow {
    tr: usize,
    before: usize,
    after: usize,
    /// Sum of the spans of the closed cells.
    width: usize,
    deleted: bool,
    tc_count: usize,
    cells: Vec<SpanCell>,
}

#[derive(Debug, Default)]
struct TableState {
    index: usize,
    /// Provisional parent: outer table index and the grid slot of the outer cell.
    parent: Option<(usize, usize, usize)>,
    grid_cols: usize,
    tr_count: usize,
    rows: Vec<SpanRow>,
    row: Option<RawRow>,
    cell: Option<RawCell>,
    /// Nested tables started in this table's cells: (table index, grid row, grid col).
    children: Vec<(usize, usize, usize)>,
}

struct Parser<'l> {
    limits: &'l Limits,
    /// The styles part, parsed on first use (only paragraphs naming a style need it).
    styles_src: Option<&'l [u8]>,
    styles: Option<Styles>,
    doc: Document,
    frames: Vec<Frame>,
    /// Depth inside an ignored element (0: not skipping).
    skip: usize,
    /// Current element depth, skipped elements included.
    depth: usize,
    seen_root: bool,
    /// Prefix bound to the WordprocessingML namespace on the root element, when not `w`.
    w_prefix: Option<String>,
    mc_prefix: Option<String>,
    containers: Vec<Container>,
    paras: Vec<ParaState>,
    paragraph_count: usize,
    /// `w:p` elements seen so far (read or skipped), and the ordinal of the latest one.
    p_seen: usize,
    p_ordinal: usize,
    tables: Vec<TableState>,
    grid_slots: usize,
    /// Complex fields: true while in the instruction part.
    fields: Vec<bool>,
    fields_overflow: usize,
    /// Number of `true` entries in `fields`: text is hidden while > 0.
    in_instr: usize,
    /// The current run is hidden (`w:vanish`).
    hidden: bool,
    spare: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    Mc,
    Other,
}

impl<'l> Parser<'l> {
    fn new(limits: &'l Limits, styles_src: Option<&'l [u8]>) -> Self {
        Parser {
            limits,
            styles_src,
            styles: None,
            doc: Document::default(),
            frames: Vec::with_capacity(32),
            skip: 0,
            depth: 0,
            seen_root: false,
            w_prefix: None,
            mc_prefix: None,
            containers: Vec::new(),
            paras: Vec::new(),
            paragraph_count: 0,
            p_seen: 0,
            p_ordinal: 0,
            tables: Vec::new(),
            grid_slots: 0,
            fields: Vec::new(),
            fields_overflow: 0,
            in_instr: 0,
            hidden: false,
            spare: Vec::new(),
        }
    }

    fn classify<'n>(&self, qname: &'n str) -> (Ns, &'n str) {
        match split_prefix(qname) {
            None => (Ns::W, qname),
            Some((prefix, local)) => {
                if prefix == "w" || self.w_prefix.as_deref() == Some(prefix) {
                    (Ns::W, local)
                } else if prefix == "mc" || self.mc_prefix.as_deref() == Some(prefix) {
                    (Ns::Mc, local)
                } else {
                    (Ns::Other, local)
                }
            }
        }
    }

    /// Learns the prefixes the root element binds to the WordprocessingML and
    /// markup-compatibility namespaces.
    fn read_root(&mut self, e: &BytesStart<'_>) {
        for a in e.attributes().with_checks(false).flatten() {
            let Some(prefix) = a.key.as_ref().strip_prefix("xmlns:") else {
                continue;
            };
            let v: &str = &a.value;
            if (v == W_MAIN_NS || v == W_STRICT_NS) && prefix != "w" {
                self.w_prefix = Some(prefix.to_string());
            } else if v == MC_NS && prefix != "mc" {
                self.mc_prefix = Some(prefix.to_string());
            }
        }
    }

    fn wants_text(&self) -> bool {
        self.skip == 0 && self.frames.last() == Some(&Frame::Text) && self.visible()
    }

    fn visible(&self) -> bool {
        self.skip == 0 && self.in_instr == 0 && !self.hidden
    }

    fn push_text(&mut self, s: &str) {
        let limit = self.limits.max_paragraph_chars;
        if let Some(p) = self.paras.last_mut() {
            push_limited(&mut p.text, &mut p.chars, limit, s);
        }
    }

    fn start(&mut self, e: &BytesStart<'_>) -> Result<(), Rejection> {
        self.depth += 1;
        if self.depth > self.limits.max_xml_depth {
            return Err(Rejection::from(Refusal::TooDeep {
                max: self.limits.max_xml_depth,
            }));
        }
        if self.skip == 0 && !self.seen_root {
            self.seen_root = true;
            self.read_root(e);
        }
        let qname = e.name();
        let (ns, local) = self.classify(qname.as_ref());
        if ns == Ns::W && local == "p" {
            // Every `w:p` counts for the source ordinal, skipped ones (mc:Fallback) included.
            self.p_ordinal = self.p_seen;
            self.p_seen += 1;
        }
        if self.skip > 0 {
            self.skip += 1;
            return Ok(());
        }
        let parent = self.frames.last().copied();
        let frame = match ns {
            Ns::W => match self.start_w(local, parent, e)? {
                Some(f) => f,
                None => {
                    self.skip = 1;
                    return Ok(());
                }
            },
            Ns::Mc => match local {
                "AlternateContent" => Frame::AltContent { chosen: false },
                "Choice" => {
                    if let Some(Frame::AltContent { chosen }) = self.frames.last_mut() {
                        if !*chosen {
                            *chosen = true;
                            Frame::Generic
                        } else {
                            self.skip = 1;
                            return Ok(());
                        }
                    } else {
                        Frame::Generic
                    }
                }
                "Fallback" => {
                    self.skip = 1;
                    return Ok(());
                }
                _ => Frame::Generic,
            },
            Ns::Other => Frame::Generic,
        };
        self.frames.push(frame);
        Ok(())
    }

    /// Handles the start of a WordprocessingML element: `Ok(Some(frame))` to enter it,
    /// `Ok(None)` to skip its content.
    fn start_w(
        &mut self,
        local: &str,
        parent: Option<Frame>,
        e: &BytesStart<'_>,
    ) -> Result<Option<Frame>, Rejection> {
        // Property containers: read what matters, skip the rest.
        match parent {
            Some(Frame::PPr) => {
                match local {
                    "pStyle" => {
                        if let (Some(v), Some(p)) = (attr(e, "val"), self.paras.last_mut()) {
                            p.style = Some(v);
                        }
                    }
                    "numPr" => return Ok(Some(Frame::NumPr)),
                    "outlineLvl" => {
                        if let (Some(v), Some(p)) = (attr_num(e, "val"), self.paras.last_mut()) {
                            p.outline = Some(v.min(9) as u8);
                        }
                    }
                    _ => {}
                }
                return Ok(None);
            }
            Some(Frame::NumPr) => {
                match local {
                    "ilvl" => {
                        if let (Some(v), Some(p)) = (attr_num(e, "val"), self.paras.last_mut()) {
                            p.ilvl = Some(v.min(u8::MAX as u64) as u8);
                        }
                    }
                    "numId" => {
                        if let (Some(v), Some(p)) = (attr_num(e, "val"), self.paras.last_mut()) {
                            p.num_id = Some(v.min(u32::MAX as u64) as u32);
                        }
                    }
                    _ => {}
                }
                return Ok(None);
            }
            Some(Frame::RPr) => {
                if local == "vanish" {
                    self.hidden = attr_on(e);
                }
                return Ok(None);
            }
            Some(Frame::TblGrid) => {
                if local == "gridCol" {
                    if let Some(t) = self.tables.last_mut() {
                        t.grid_cols = t.grid_cols.saturating_add(1);
                        if t.grid_cols > self.limits.max_cols {
                            return Err(too_wide(self.limits.max_cols));
                        }
                    }
                }
                return Ok(None);
            }
            Some(Frame::TrPr) => {
                let max_cols = self.limits.max_cols;
                if let Some(row) = self.tables.last_mut().and_then(|t| t.row.as_mut()) {
                    match local {
                        "gridBefore" | "gridAfter" => {
                            let n = attr_num(e, "val").unwrap_or(0);
                            if n > max_cols as u64 {
                                return Err(too_wide(max_cols));
                            }
                            if local == "gridBefore" {
                                row.before = n as usize;
                            } else {
                                row.after = n as usize;
                            }
                        }
                        "del" => row.deleted = true,
                        _ => {}
                    }
                }
                return Ok(None);
            }
            Some(Frame::TcPr) => {
                let max_cols = self.limits.max_cols;
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    match local {
                        "gridSpan" => {
                            let n = attr_num(e, "val").unwrap_or(1);
                            if n > max_cols as u64 {
                                return Err(too_wide(max_cols));
                            }
                            cell.span = (n as usize).max(1);
                        }
                        "vMerge" => cell.vmerge = merge_val(e),
                        "hMerge" => cell.hmerge = merge_val(e),
                        _ => {}
                    }
                }
                return Ok(None);
            }
            _ => {}
        }

        let frame = match local {
            "p" => {
                self.start_paragraph()?;
                Frame::Para
            }
            "pPr" => {
                if parent == Some(Frame::Para) {
                    Frame::PPr
                } else {
                    return Ok(None);
                }
            }
            "r" => {
                let saved_hidden = self.hidden;
                self.hidden = false;
                Frame::Run { saved_hidden }
            }
            "rPr" => {
                if matches!(parent, Some(Frame::Run { .. })) {
                    Frame::RPr
                } else {
                    return Ok(None);
                }
            }
            "t" => Frame::Text,
            "br" | "cr" => {
                self.push_special("\n");
                return Ok(None);
            }
            "tab" | "ptab" => {
                self.push_special("\t");
                return Ok(None);
            }
            "noBreakHyphen" => {
                self.push_special("-");
                return Ok(None);
            }
            "fldChar" => {
                self.field_char(attr(e, "fldCharType").as_deref());
                return Ok(None);
            }
            "tbl" => {
                self.start_table()?;
                Frame::Tbl
            }
            "tblGrid" => {
                if parent == Some(Frame::Tbl) {
                    Frame::TblGrid
                } else {
                    return Ok(None);
                }
            }
            "tr" => {
                let max_rows = self.limits.max_rows;
                match self.tables.last_mut() {
                    Some(t) if t.row.is_none() && t.cell.is_none() => {
                        if t.tr_count >= max_rows {
                            return Err(Rejection::from(Refusal::TooManyRows { max: max_rows }));
                        }
                        t.row = Some(RawRow {
                            tr: t.tr_count,
                            ..RawRow::default()
                        });
                        t.tr_count += 1;
                        Frame::Tr
                    }
                    _ => Frame::Generic,
                }
            }
            "trPr" => {
                if parent == Some(Frame::Tr) {
                    Frame::TrPr
                } else {
                    return Ok(None);
                }
            }
            "tc" => match self.tables.last_mut() {
                Some(t) if t.cell.is_none() => match t.row.as_mut() {
                    Some(row) => {
                        t.cell = Some(RawCell {
                            tc: row.tc_count,
                            span: 1,
                            ..RawCell::default()
                        });
                        row.tc_count += 1;
                        self.containers.push(Container::Cell);
                        Frame::Tc
                    }
                    None => Frame::Generic,
                },
                _ => Frame::Generic,
            },
            "tcPr" => {
                if parent == Some(Frame::Tc) {
                    Frame::TcPr
                } else {
                    return Ok(None);
                }
            }
            "txbxContent" => {
                self.containers.push(Container::Textbox);
                Frame::Textbox
            }
            // Content that is not visible text.
            "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "rt" | "sdtPr"
            | "sdtEndPr" | "sectPr" | "tblPr" | "tblPrEx" | "fldData" | "customXmlPr"
            | "smartTagPr" | "sym" | "softHyphen" | "footnotePr" | "endnotePr" | "background" => {
                return Ok(None)
            }
            _ => Frame::Generic,
        };
        Ok(Some(frame))
    }

    fn push_special(&mut self, s: &str) {
        if self.visible() {
            self.push_text(s);
        }
    }

    fn field_char(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") => {
                if self.fields.len() < MAX_FIELD_NESTING {
                    self.fields.push(true);
                    self.in_instr += 1;
                } else {
                    self.fields_overflow += 1;
                }
            }
            Some("separate") if self.fields_overflow == 0 => {
                if let Some(top) = self.fields.last_mut() {
                    if *top {
                        *top = false;
                        self.in_instr = self.in_instr.saturating_sub(1);
                    }
                }
            }
            Some("end") => {
                if self.fields_overflow > 0 {
                    self.fields_overflow -= 1;
                } else if let Some(true) = self.fields.pop() {
                    self.in_instr = self.in_instr.saturating_sub(1);
                }
            }
            _ => {}
        }
    }

    fn start_paragraph(&mut self) -> Result<(), Rejection> {
        self.paragraph_count += 1;
        if self.paragraph_count > self.limits.max_paragraphs {
            return Err(Rejection::from(Refusal::TooManyParagraphs {
                max: self.limits.max_paragraphs,
            }));
        }
        let target = if self.containers.last() == Some(&Container::Cell) {
            Target::Cell
        } else {
            self.doc.blocks.push(Block::Paragraph(Paragraph::default()));
            Target::Block(self.doc.blocks.len() - 1)
        };
        let mut text = self.spare.pop().unwrap_or_default();
        text.clear();
        let source = self.p_ordinal;
        self.paras.push(ParaState {
            text,
            chars: 0,
            target,
            source,
            style: None,
            num_id: None,
            ilvl: None,
            outline: None,
        });
        Ok(())
    }

    fn end_paragraph(&mut self) {
        let Some(ps) = self.paras.pop() else { return };
        match ps.target {
            Target::Block(idx) => {
                let resolved = match ps.style.as_deref() {
                    Some(id) => {
                        let (src, limits) = (self.styles_src, self.limits);
                        let styles = self.styles.get_or_insert_with(|| {
                            src.map(|s| Styles::parse(s, limits)).unwrap_or_default()
                        });
                        styles.resolve(id)
                    }
                    None => StyleProps::default(),
                };
                let num_id = ps.num_id.or(resolved.num_id);
                let numbered = num_id.is_some_and(|n| n != 0);
                let para = Paragraph {
                    text: ps.text,
                    numbered,
                    num_level: if numbered {
                        Some(ps.ilvl.or(resolved.ilvl).unwrap_or(0))
                    } else {
                        None
                    },
                    style: ps.style,
                    outline_level: ps.outline.or(resolved.outline).filter(|&l| l < 9),
                    source: ps.source,
                };
                if let Some(Block::Paragraph(slot)) = self.doc.blocks.get_mut(idx) {
                    *slot = para;
                }
            }
            Target::Cell => {
                let limit = self.limits.max_cell_chars;
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    if cell.paras > 0 {
                        push_limited(&mut cell.text, &mut cell.chars, limit, "\n");
                    }
                    push_limited(&mut cell.text, &mut cell.chars, limit, &ps.text);
                    cell.paras += 1;
                }
                if self.spare.len() < 16 {
                    self.spare.push(ps.text);
                }
            }
        }
    }

    fn start_table(&mut self) -> Result<(), Rejection> {
        let index = self.doc.tables.len();
        if index >= self.limits.max_tables {
            return Err(Rejection::from(Refusal::TooManyTables {
                max: self.limits.max_tables,
            }));
        }
        // A table directly inside a cell (not inside a text box in that cell) is nested.
        let parent = if self.containers.last() == Some(&Container::Cell) {
            self.tables.last_mut().and_then(|outer| {
                let row = outer.row.as_ref()?;
                outer.cell.as_ref()?;
                let slot = (outer.rows.len(), row.before.saturating_add(row.width));
                outer.children.push((index, slot.0, slot.1));
                Some((outer.index, slot.0, slot.1))
            })
        } else {
            None
        };
        self.doc.tables.push(Table {
            index,
            parent,
            ..Table::default()
        });
        self.doc.blocks.push(Block::Table(index));
        self.tables.push(TableState {
            index,
            parent,
            ..TableState::default()
        });
        Ok(())
    }

    fn end_cell(&mut self) -> Result<(), Rejection> {
        let max_cols = self.limits.max_cols;
        if let Some(t) = self.tables.last_mut() {
            if let (Some(cell), Some(row)) = (t.cell.take(), t.row.as_mut()) {
                row.width = row.width.saturating_add(cell.span);
                if row
                    .before
                    .saturating_add(row.width)
                    .saturating_add(row.after)
                    > max_cols
                {
                    return Err(too_wide(max_cols));
                }
                let join = if cell.hmerge == Merge::Continue {
                    Join::Left
                } else if cell.vmerge == Merge::Continue {
                    Join::Up
                } else {
                    Join::None
                };
                let source = SourcePos {
                    tr: row.tr,
                    tc: cell.tc,
                };
                row.cells.push(SpanCell {
                    span: cell.span,
                    join,
                    text: cell.text,
                    source,
                });
            }
        }
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), Rejection> {
        let max_cols = self.limits.max_cols;
        if let Some(t) = self.tables.last_mut() {
            if let Some(row) = t.row.take() {
                if row
                    .before
                    .saturating_add(row.width)
                    .saturating_add(row.after)
                    > max_cols
                {
                    return Err(too_wide(max_cols));
                }
                if !row.deleted {
                    t.rows.push(SpanRow {
                        before: row.before,
                        after: row.after,
                        cells: row.cells,
                    });
                }
            }
        }
        Ok(())
    }

    fn end_table(&mut self) -> Result<(), Rejection> {
        let Some(st) = self.tables.pop() else {
            return Ok(());
        };
        let table = build_grid(
            st.index,
            st.parent,
            st.grid_cols,
            st.rows,
            self.limits,
            &mut self.grid_slots,
        )
        .map_err(|e| match e {
            GridError::TooWide { max } => too_wide(max),
            GridError::TooLarge => Rejection::from(Refusal::GridTooLarge),
        })?;
        for (child, row, col) in st.children {
            let pos = table
                .cell_at(row, col)
                .map(|c| (c.row, c.col))
                .unwrap_or((row, col));
            if let Some(t) = self.doc.tables.get_mut(child) {
                t.parent = Some((st.index, pos.0, pos.1));
            }
        }
        if let Some(slot) = self.doc.tables.get_mut(st.index) {
            *slot = table;
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), Rejection> {
        self.depth = self.depth.saturating_sub(1);
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        match self.frames.pop() {
            Some(Frame::Para) => self.end_paragraph(),
            Some(Frame::Run { saved_hidden }) => self.hidden = saved_hidden,
            Some(Frame::Tbl) => self.end_table()?,
            Some(Frame::Tr) => self.end_row()?,
            Some(Frame::Tc) => {
                self.containers.pop();
                self.end_cell()?;
            }
            Some(Frame::Textbox) => {
                self.containers.pop();
            }
            _ => {}
        }
        Ok(())
    }

    fn finish(self) -> Result<Document, Rejection> {
        if !self.seen_root || self.depth != 0 || !self.frames.is_empty() {
            // No root element, or the part ends inside an element (a truncated file).
            return Err(bad_xml());
        }
        Ok(self.doc)
    }
}

/// Splits `prefix:local`; `None` without a prefix.
fn split_prefix(qname: &str) -> Option<(&str, &str)> {
    let i = qname.as_bytes().iter().position(|&b| b == b':')?;
    Some((qname.get(..i)?, qname.get(i + 1..)?))
}

/// The value of attribute `w:<local>` (or unprefixed `<local>`), entity-decoded.
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        let key = a.key.as_ref();
        let matches = key == local || split_prefix(key).is_some_and(|(_, l)| l == local);
        if matches {
            return match a.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => Some(v.into_owned()),
                Err(_) => Some(a.value.into_owned()),
            };
        }
    }
    None
}

/// A non-negative integer attribute; saturates instead of overflowing, `None` if not a number.
fn attr_num(e: &BytesStart<'_>, local: &str) -> Option<u64> {
    for a in e.attributes().with_checks(false).flatten() {
        let key = a.key.as_ref();
        if key == local || split_prefix(key).is_some_and(|(_, l)| l == local) {
            return parse_uint(&a.value);
        }
    }
    None
}

fn parse_uint(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.bytes().fold(0u64, |acc, b| {
        acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    }))
}

/// An on/off property: on unless `w:val` is `0`, `false` or `off`.
fn attr_on(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, "val").as_deref(),
        Some("0") | Some("false") | Some("off")
    )
}

/// `w:vMerge`/`w:hMerge`: `restart`, otherwise (absent value or `continue`) a continuation.
fn merge_val(e: &BytesStart<'_>) -> Merge {
    match attr(e, "val").as_deref() {
        Some("restart") => Merge::Restart,
        _ => Merge::Continue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rejection::RejectionCode;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#;

    fn wrap(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
        )
    }

    fn parse_with(body: &str, limits: &Limits) -> Result<Document, Rejection> {
        parse(wrap(body).as_bytes(), None, limits)
    }

    fn doc(body: &str) -> Document {
        parse_with(body, &Limits::default()).expect("parses")
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    /// A cell: `props` goes into `w:tcPr`, `text` into one paragraph.
    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
    }

    fn tr(cells: &[String]) -> String {
        format!("<w:tr>{}</w:tr>", cells.concat())
    }

    fn tbl(grid_cols: usize, rows: &[String]) -> String {
        let grid = "<w:gridCol w:w=\"100\"/>".repeat(grid_cols);
        format!("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{}</w:tbl>", rows.concat())
    }

    fn span(n: usize) -> String {
        format!("<w:gridSpan w:val=\"{n}\"/>")
    }

    const VR: &str = "<w:vMerge w:val=\"restart\"/>";
    const VC: &str = "<w:vMerge/>";

    /// The grid as text: each slot shows its cell's text, `.` for an empty slot.
    fn grid_text(t: &Table) -> Vec<Vec<String>> {
        (0..t.rows)
            .map(|r| {
                (0..t.cols)
                    .map(|c| t.cell_at(r, c).map_or(".".to_string(), |x| x.text.clone()))
                    .collect()
            })
            .collect()
    }

    fn texts(d: &Document) -> Vec<String> {
        d.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text.clone()),
                Block::Table(_) => None,
            })
            .collect()
    }

    fn code(r: Result<Document, Rejection>) -> RejectionCode {
        match r {
            Ok(_) => panic!("expected a rejection"),
            Err(e) => e.code,
        }
    }

    #[test]
    fn grid_span_widens_cells() {
        let d = doc(&tbl(
            3,
            &[
                tr(&[tc(&span(2), "a"), tc("", "b")]),
                tr(&[tc("", "c"), tc(&span(2), "d")]),
            ],
        ));
        let t = &d.tables[0];
        assert_eq!((t.rows, t.cols), (2, 3));
        assert_eq!(grid_text(t), vec![vec!["a", "a", "b"], vec!["c", "d", "d"]]);
        assert_eq!(t.cells.len(), 4);
        assert_eq!(t.cells[1].source, SourcePos { tr: 0, tc: 1 });
        assert_eq!(t.cell_at(1, 2).map(|c| (c.col, c.col_span)), Some((1, 2)));
        assert!(matches!(d.blocks[0], Block::Table(0)));
    }

    #[test]
    fn vmerge_restart_continue_over_three_rows() {
        let rows = [
            tr(&[tc(VR, "head"), tc("", "x1")]),
            tr(&[tc(VC, ""), tc("", "x2")]),
            tr(&[tc(VC, ""), tc("", "x3")]),
            tr(&[tc("", "next"), tc("", "x4")]),
        ];
        let t = &doc(&tbl(2, &rows)).tables[0];
        let head = t.cell_at(2, 0).expect("covered");
        assert_eq!(
            (head.row, head.col, head.row_span, head.col_span),
            (0, 0, 3, 1)
        );
        assert_eq!(head.text, "head");
        assert_eq!(t.cell_at(3, 0).map(|c| c.text.as_str()), Some("next"));
        assert_eq!(t.cells.len(), 6);
        assert_eq!(
            t.row_cells(1)
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            vec!["head", "x2"]
        );
    }

    #[test]
    fn vmerge_of_spanned_cells_keeps_the_span() {
        let rows = [
            tr(&[tc(&format!("{}{VR}", span(2)), "wide"), tc("", "a")]),
            tr(&[tc(&format!("{}{VC}", span(2)), ""), tc("", "b")]),
        ];
        let t = &doc(&tbl(3, &rows)).tables[0];
        let c = t.cell_at(1, 1).expect("covered");
        assert_eq!(
            (c.row, c.col, c.row_span, c.col_span, c.text.as_str()),
            (0, 0, 2, 2, "wide")
        );
    }

    #[test]
    fn vmerge_continue_with_nothing_above_is_a_new_cell() {
        let rows = [
            tr(&[tc(VC, "orphan"), tc("", "a")]),
            tr(&[tc(VC, ""), tc("", "b")]),
        ];
        let t = &doc(&tbl(2, &rows)).tables[0];
        let c = t.cell_at(0, 0).expect("a cell");
        assert_eq!((c.row, c.row_span, c.text.as_str()), (0, 2, "orphan"));
        // Continue under a gridBefore gap: nothing above, a cell of its own.
        let rows = [
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>".to_string()
                + &tc("", "a")
                + "</w:tr>",
            tr(&[tc(VC, "lone"), tc("", "b")]),
        ];
        let t = &doc(&tbl(2, &rows)).tables[0];
        assert!(t.cell_at(0, 0).is_none());
        assert_eq!(
            t.cell_at(1, 0)
                .map(|c| (c.row, c.row_span, c.text.as_str())),
            Some((1, 1, "lone"))
        );
    }

    #[test]
    fn vmerge_continue_with_different_span_does_not_merge() {
        let rows = [
            tr(&[tc(VR, "a"), tc("", "b")]),
            tr(&[tc(&format!("{}{VC}", span(2)), "c")]),
        ];
        let t = &doc(&tbl(2, &rows)).tables[0];
        assert_eq!(t.cell_at(0, 0).map(|c| c.row_span), Some(1));
        assert_eq!(t.cell_at(1, 1).map(|c| c.text.as_str()), Some("c"));
    }

    #[test]
    fn hmerge_acts_like_grid_span() {
        let hr = "<w:hMerge w:val=\"restart\"/>";
        let hc = "<w:hMerge/>";
        let rows = [
            tr(&[tc(hr, "ab"), tc(hc, ""), tc("", "c")]),
            tr(&[tc("", "1"), tc("", "2"), tc("", "3")]),
        ];
        let t = &doc(&tbl(3, &rows)).tables[0];
        assert_eq!(
            grid_text(t),
            vec![vec!["ab", "ab", "c"], vec!["1", "2", "3"]]
        );
        assert_eq!(t.cell_at(0, 1).map(|c| (c.col, c.col_span)), Some((0, 2)));
        // hMerge continue at the start of a row has nothing to extend.
        let t = &doc(&tbl(1, &[tr(&[tc(hc, "x")])])).tables[0];
        assert_eq!(t.cell_at(0, 0).map(|c| c.text.as_str()), Some("x"));
    }

    #[test]
    fn grid_before_and_after_leave_empty_slots() {
        let rows = [
            tr(&[tc("", "a"), tc("", "b"), tc("", "c"), tc("", "d")]),
            format!("<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>{}{}</w:tr>", tc("", "x"), tc("", "y")),
        ];
        let t = &doc(&tbl(4, &rows)).tables[0];
        assert_eq!(grid_text(t)[1], vec![".", "x", "y", "."]);
        assert_eq!(
            t.cell_at(1, 1).map(|c| (c.col, c.source)),
            Some((1, SourcePos { tr: 1, tc: 0 }))
        );
    }

    #[test]
    fn ragged_rows_and_missing_grid() {
        // No tblGrid: cols is the widest row; short rows leave empty slots.
        let body = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            tr(&[tc("", "a")]),
            tr(&[tc("", "b"), tc("", "c"), tc("", "d")]),
            "<w:tr/>"
        );
        let t = &doc(&body).tables[0];
        assert_eq!((t.rows, t.cols), (3, 3));
        assert_eq!(
            grid_text(t),
            vec![
                vec!["a", ".", "."],
                vec!["b", "c", "d"],
                vec![".", ".", "."]
            ]
        );
        // The grid is wider than every row.
        let t = &doc(&tbl(5, &[tr(&[tc("", "a")])])).tables[0];
        assert_eq!((t.rows, t.cols), (1, 5));
        // An empty table.
        let t = &doc("<w:tbl/>").tables[0];
        assert_eq!((t.rows, t.cols, t.grid.len()), (0, 0, 0));
    }

    #[test]
    fn cell_text_joins_paragraphs_and_runs() {
        let cell = "<w:tc><w:p><w:r><w:t>三、本年度</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r w:rsidR=\"00A1\"><w:t>办理结果</w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space=\"preserve\"> （一） </w:t></w:r></w:p></w:tc>";
        let t = &doc(&tbl(1, &[format!("<w:tr>{cell}</w:tr>")])).tables[0];
        assert_eq!(t.cells[0].text, "三、本年度办理结果\n\n （一） ");
    }

    #[test]
    fn nested_table_is_its_own_table() {
        let inner = tbl(2, &[tr(&[tc("", "i1"), tc("", "i2")])]);
        let outer_cell = format!("<w:tc>{}{inner}{}</w:tc>", p("before"), p("after"));
        let rows = [
            tr(&[tc("", "a"), tc("", "b")]),
            format!("<w:tr>{}{outer_cell}</w:tr>", tc("", "c")),
        ];
        let d = doc(&(tbl(2, &rows) + &p("tail")));
        assert_eq!(d.tables.len(), 2);
        assert_eq!(
            d.tables[0].cell_at(1, 1).map(|c| c.text.as_str()),
            Some("before\nafter")
        );
        assert_eq!(d.tables[1].parent, Some((0, 1, 1)));
        assert_eq!(d.tables[1].index, 1);
        assert_eq!(grid_text(&d.tables[1]), vec![vec!["i1", "i2"]]);
        assert!(matches!(
            d.blocks[..],
            [Block::Table(0), Block::Table(1), Block::Paragraph(_)]
        ));
    }

    #[test]
    fn nested_table_parent_is_the_covering_cell() {
        let inner = tbl(1, &[tr(&[tc("", "in")])]);
        let rows = [
            tr(&[tc(VR, "merged"), tc("", "a")]),
            format!(
                "<w:tr><w:tc><w:tcPr>{VC}</w:tcPr>{inner}<w:p/></w:tc>{}</w:tr>",
                tc("", "b")
            ),
        ];
        let d = doc(&tbl(2, &rows));
        assert_eq!(d.tables[1].parent, Some((0, 0, 0)));
    }

    #[test]
    fn paragraph_properties_are_not_text() {
        let body = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"x\"/></w:rPr><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t><w:cr/><w:noBreakHyphen/><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r></w:p>";
        let d = doc(body);
        assert_eq!(texts(&d), vec!["\ta\nb\n-"]);
        match &d.blocks[0] {
            Block::Paragraph(p) => {
                assert_eq!(p.style.as_deref(), Some("Heading1"));
                assert!(!p.numbered);
            }
            Block::Table(_) => panic!("paragraph expected"),
        }
    }

    #[test]
    fn numbering_direct_and_via_styles() {
        let styles = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="H"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
            <w:style w:type="table" w:styleId="T"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>
            </w:styles>"#;
        let para = |ppr: &str| format!("<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>x</w:t></w:r></w:p>");
        let body = [
            para("<w:numPr><w:ilvl w:val=\"2\"/><w:numId w:val=\"3\"/></w:numPr>"),
            para("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>"),
            para("<w:pStyle w:val=\"H2\"/>"),
            para("<w:pStyle w:val=\"H\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>"),
            para("<w:pStyle w:val=\"Loop1\"/>"),
            para("<w:pStyle w:val=\"T\"/>"),
            para("<w:outlineLvl w:val=\"9\"/>"),
            para("<w:pStyle w:val=\"Missing\"/><w:outlineLvl w:val=\"2\"/>"),
        ]
        .concat();
        let d = parse(
            wrap(&body).as_bytes(),
            Some(styles.as_bytes()),
            &Limits::default(),
        )
        .expect("parses");
        let ps: Vec<(bool, Option<u8>, Option<u8>)> = d
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some((p.numbered, p.num_level, p.outline_level)),
                Block::Table(_) => None,
            })
            .collect();
        assert_eq!(
            ps,
            vec![
                (true, Some(2), None),
                (false, None, None),
                (true, Some(1), Some(1)),
                (false, None, Some(0)),
                (false, None, None),
                (false, None, None),
                (false, None, None),
                (false, None, Some(2)),
            ]
        );
        // Malformed styles are ignored, not an error.
        let d = parse(
            wrap(&body).as_bytes(),
            Some(b"<w:styles><w:style></w:styles>"),
            &Limits::default(),
        )
        .expect("parses");
        assert_eq!(d.blocks.len(), 8);
    }

    #[test]
    fn styles_skip_non_paragraph_styles() {
        let styles = concat!(
            r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<w:docDefaults><w:pPrDefault><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:latentStyles w:count="2"><w:lsdException w:name="heading 1"/><w:lsdException w:name="Normal"/></w:latentStyles>"#,
            r#"<w:style w:type="table" w:styleId="Grid"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr><w:tblStylePr w:type="firstRow"><w:pPr/></w:tblStylePr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="C"/>"#,
            r#"<w:style w:type="paragraph" w:styleId="H"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr></w:style>"#,
            r#"<w:style w:type="numbering" w:styleId="N"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>"#,
            r#"</w:styles>"#
        );
        let st = Styles::parse(styles.as_bytes(), &Limits::default());
        assert_eq!(st.map.len(), 1);
        assert_eq!(
            st.resolve("H"),
            StyleProps {
                num_id: Some(4),
                ilvl: None,
                outline: Some(2)
            }
        );
        assert_eq!(st.resolve("Grid"), StyleProps::default());
        // Truncated after a jump: no styles at all.
        let cut = styles.find("<w:style w:type=\"paragraph\"").unwrap_or(0);
        assert!(
            Styles::parse(&styles.as_bytes()[..cut + 40], &Limits::default())
                .map
                .is_empty()
        );
    }

    #[test]
    fn tracked_changes_fields_and_hidden_text() {
        let body = concat!(
            "<w:p><w:r><w:t>a</w:t></w:r><w:ins><w:r><w:t>b</w:t></w:r></w:ins><w:del><w:r><w:delText>X</w:delText></w:r></w:del>",
            "<w:moveFrom><w:r><w:t>Y</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>c</w:t></w:r></w:moveTo>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:t>nestedInstr</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>d</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>H</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>e</w:t></w:r>",
            "<w:r><w:ruby><w:rt><w:r><w:t>pinyin</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>f</w:t></w:r></w:rubyBase></w:ruby></w:r>",
            "</w:p>"
        );
        assert_eq!(texts(&doc(body)), vec!["abcdef"]);
    }

    #[test]
    fn deleted_rows_are_dropped() {
        let rows = [
            tr(&[tc("", "keep")]),
            format!(
                "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"a\"/></w:trPr>{}</w:tr>",
                tc("", "gone")
            ),
            tr(&[tc("", "last")]),
        ];
        let t = &doc(&tbl(1, &rows)).tables[0];
        assert_eq!(grid_text(t), vec![vec!["keep"], vec!["last"]]);
        assert_eq!(t.cells[1].source, SourcePos { tr: 2, tc: 0 });
    }

    #[test]
    fn entities_and_char_refs_are_decoded() {
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">A&amp;B&#12288;&#x3000;&lt;&gt;&quot;&apos;&#160;</w:t></w:r></w:p><w:p><w:r><w:t><![CDATA[<c>]]></w:t></w:r></w:p>";
        assert_eq!(
            texts(&doc(body)),
            vec!["A&B\u{3000}\u{3000}<>\"'\u{a0}", "<c>"]
        );
    }

    #[test]
    fn alternate_content_reads_the_first_choice_only() {
        let body = concat!(
            "<w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>",
            "<w:p><w:r><w:t>in box</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>",
            "<mc:Choice Requires=\"x\"><w:r><w:t>second choice</w:t></w:r></mc:Choice>",
            "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>in box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        );
        assert_eq!(texts(&doc(body)), vec!["anchor", "in box"]);
    }

    #[test]
    fn bad_xml_is_rejected() {
        let l = Limits::default();
        for xml in [
            &b"<w:document><w:body><w:p></w:r></w:body></w:document>"[..],
            b"<w:document><w:body><w:p>",
            b"",
            b"just text",
            b"<w:document><w:body><w:p><w:r><w:t>\xff\xfe</w:t></w:r></w:p></w:body></w:document>",
            b"<w:document><w:body><w:p><w:r><w:t>&#0;</w:t></w:r></w:p></w:body></w:document>",
            b"<w:document><w:body><w:p></w:p></w:body></w:document></w:extra>",
            b"<w:document><w:body><w:p></w:p></w:body></w:document>\xc3",
        ] {
            let r = parse(xml, None, &l);
            assert_eq!(
                r.as_ref().map(|_| ()).map_err(|e| e.code),
                Err(RejectionCode::BadXml),
                "{:?}",
                String::from_utf8_lossy(xml)
            );
            if let Err(e) = r {
                assert!(e.message.contains("另存为"));
            }
        }
    }

    #[test]
    fn depth_limit_does_not_overflow_the_stack() {
        let n = 100_000;
        let xml = format!(
            "<w:document {NS}><w:body>{}{}</w:body></w:document>",
            "<w:sdt>".repeat(n),
            "</w:sdt>".repeat(n)
        );
        let e = parse(xml.as_bytes(), None, &Limits::default()).expect_err("rejected");
        assert_eq!(e.code, RejectionCode::TooComplex);
        assert!(e.message.contains("256"), "{}", e.message);
        // Also inside skipped content, and with unclosed elements.
        let xml = format!("<w:document {NS}><w:body><w:p><w:del>{}", "<w:r>".repeat(n));
        assert_eq!(
            code(parse(xml.as_bytes(), None, &Limits::default())),
            RejectionCode::TooComplex
        );
        // Within the limit: fine.
        let l = Limits {
            max_xml_depth: 10,
            ..Limits::default()
        };
        assert!(parse_with(&p("x"), &l).is_ok());
        assert_eq!(
            code(parse_with(&"<w:sdt>".repeat(9), &l)),
            RejectionCode::TooComplex
        );
    }

    #[test]
    fn huge_grid_spans_are_refused() {
        for v in ["1000000000", "99999999999999999999999999", "129"] {
            let body = tbl(
                1,
                &[tr(&[tc(&format!("<w:gridSpan w:val=\"{v}\"/>"), "x")])],
            );
            assert_eq!(
                code(parse_with(&body, &Limits::default())),
                RejectionCode::TooComplex,
                "{v}"
            );
        }
        // Many cells adding up beyond max_cols, gridBefore and the tblGrid too.
        let l = Limits {
            max_cols: 4,
            ..Limits::default()
        };
        let cells: Vec<String> = (0..5).map(|_| tc("", "x")).collect();
        assert_eq!(
            code(parse_with(&tbl(1, &[tr(&cells)]), &l)),
            RejectionCode::TooComplex
        );
        let row = format!(
            "<w:tr><w:trPr><w:gridBefore w:val=\"1000000000\"/></w:trPr>{}</w:tr>",
            tc("", "x")
        );
        assert_eq!(
            code(parse_with(&tbl(1, &[row]), &l)),
            RejectionCode::TooComplex
        );
        assert_eq!(
            code(parse_with(&tbl(5, &[]), &l)),
            RejectionCode::TooComplex
        );
        assert!(parse_with(&tbl(4, &[tr(&cells[..4])]), &l).is_ok());
        // Nonsense values are treated as 1.
        let t = &doc(&tbl(
            0,
            &[tr(&[
                tc("<w:gridSpan w:val=\"-3\"/>", "x"),
                tc("<w:gridSpan w:val=\"0\"/>", "y"),
            ])],
        ))
        .tables[0];
        assert_eq!((t.cols, t.cells.len()), (2, 2));
    }

    #[test]
    fn table_row_and_paragraph_counts_are_bounded() {
        let l = Limits {
            max_tables: 3,
            max_rows: 3,
            max_paragraphs: 5,
            ..Limits::default()
        };
        let one = tbl(1, &[tr(&[tc("", "x")])]);
        assert!(parse_with(
            &one.repeat(3),
            &Limits {
                max_paragraphs: 100,
                ..l.clone()
            }
        )
        .is_ok());
        let e = parse_with(
            &one.repeat(4),
            &Limits {
                max_paragraphs: 100,
                ..l.clone()
            },
        )
        .expect_err("rejected");
        assert_eq!(e.code, RejectionCode::TooComplex);
        assert!(e.message.contains('3'));
        let rows: Vec<String> = (0..4).map(|_| tr(&[tc("", "x")])).collect();
        assert_eq!(
            code(parse_with(&tbl(1, &rows), &l)),
            RejectionCode::TooComplex
        );
        assert_eq!(
            code(parse_with(&p("x").repeat(6), &l)),
            RejectionCode::TooComplex
        );
        assert!(parse_with(&p("x").repeat(5), &l).is_ok());
        // Nested tables count too.
        let nested = tbl(
            1,
            &[format!(
                "<w:tr><w:tc>{}</w:tc></w:tr>",
                tbl(1, &[format!("<w:tr><w:tc>{}</w:tc></w:tr>", one)])
            )],
        );
        assert_eq!(
            code(parse_with(
                &(nested + &one),
                &Limits {
                    max_paragraphs: 100,
                    ..l.clone()
                }
            )),
            RejectionCode::TooComplex
        );
    }

    #[test]
    fn long_text_is_truncated_silently() {
        let l = Limits {
            max_paragraph_chars: 5,
            max_cell_chars: 7,
            ..Limits::default()
        };
        let d = parse_with(&p("一二三四五六七八"), &l).expect("parses");
        assert_eq!(texts(&d), vec!["一二三四五"]);
        let cell = format!("<w:tc>{}{}</w:tc>", p("abcdef"), p("ghij"));
        let d = parse_with(&tbl(1, &[format!("<w:tr>{cell}</w:tr>")]), &l).expect("parses");
        assert_eq!(d.tables[0].cells[0].text, "abcde\ng");
    }

    #[test]
    fn push_limited_counts_characters() {
        let (mut s, mut n) = (String::new(), 0);
        push_limited(&mut s, &mut n, 3, "ab");
        push_limited(&mut s, &mut n, 3, "全角");
        push_limited(&mut s, &mut n, 3, "x");
        assert_eq!((s.as_str(), n), ("ab全", 3));
    }

    #[test]
    fn other_prefixes_are_not_word_text() {
        let body = "<w:p><w:r><w:t>a</w:t></w:r><m:oMath xmlns:m=\"m\"><m:r><m:t>M</m:t></m:r></m:oMath><a:t xmlns:a=\"a\">A</a:t><w:r><t>b</t></w:r></w:p>";
        assert_eq!(texts(&doc(body)), vec!["ab"]);
        // A document that binds the main namespace to another prefix.
        let xml = r#"<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:p><ns0:r><ns0:t>x</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"#;
        let d = parse(xml.as_bytes(), None, &Limits::default()).expect("parses");
        assert_eq!(texts(&d), vec!["x"]);
    }

    #[test]
    fn malformed_structure_does_not_panic() {
        for body in [
            "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>",
            "<w:tr><w:tc><w:p/></w:tc></w:tr>",
            "<w:tbl><w:tc><w:p/></w:tc><w:p><w:r><w:t>stray</w:t></w:r></w:p></w:tbl>",
            "<w:tbl><w:tr><w:tr><w:tc/></w:tr></w:tr></w:tbl>",
            "<w:tbl><w:tr><w:tc><w:tc><w:p/></w:tc></w:tc></w:tr></w:tbl>",
            "<w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:p>",
            "<w:p><w:p><w:r><w:t>in</w:t></w:r></w:p></w:p>",
            "<w:t>orphan</w:t><w:br/><w:tab/>",
            "<w:r><w:fldChar w:fldCharType=\"end\"/><w:fldChar w:fldCharType=\"separate\"/></w:r>",
            "<mc:Choice><w:p/></mc:Choice><mc:AlternateContent/>",
            "<w:tbl><w:tr><w:trPr><w:gridBefore/><w:gridAfter w:val=\"x\"/></w:trPr><w:tc><w:tcPr><w:gridSpan/><w:vMerge w:val=\"bogus\"/></w:tcPr></w:tc></w:tr></w:tbl>",
        ] {
            let _ = doc(body);
        }
        let deep_fields = "<w:p><w:r>".to_string()
            + &"<w:fldChar w:fldCharType=\"begin\"/>".repeat(200)
            + &"<w:fldChar w:fldCharType=\"end\"/>".repeat(200)
            + "<w:t>after</w:t></w:r></w:p>";
        assert_eq!(texts(&doc(&deep_fields)), vec!["after"]);
    }
}
