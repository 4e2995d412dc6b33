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

mod attrs;
mod styles;
mod utf8;

use crate::limits::Limits;
use crate::model::{
    build_grid, push_limited, Block, Document, GridError, Join, Paragraph, SourcePos, SpanCell,
    SpanRow, Table,
};
use crate::opc::valid_utf8_start;
use crate::rejection::{Refusal, Rejection};
use attrs::*;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use styles::{StyleProps, Styles};
use utf8::text_in;

/// Bytes reserved for a paragraph's text when its first run comes (a body paragraph of a report
/// is typically 100–600 bytes of UTF-8).
const PARAGRAPH_ROOM: usize = 384;

/// Parses the main document part. `styles` is the styles part, used to learn which paragraph
/// styles carry automatic numbering or an outline level.
///
/// Malformed XML and invalid UTF-8 give [`crate::rejection::RejectionCode::BadXml`]; anything beyond the bounds
/// of `limits` (depth, tables, rows, columns, paragraphs) gives [`crate::rejection::RejectionCode::TooComplex`].
/// Over-long cell and paragraph text is truncated silently. A malformed styles part is ignored.
pub fn parse(xml: &[u8], styles: Option<&[u8]>, limits: &Limits) -> Result<Document, Rejection> {
    let mut parser = Parser::new(limits, styles);
    // The part must be valid UTF-8: checked once here, whole, rather than event by event.
    // Invalid bytes end the part for the reader where they start (the events before them are
    // read as they would be) and make it bad XML at its end, as an event holding them would.
    let part = valid_utf8_start(xml);
    let valid = part.len();
    let mut reader = Reader::from_reader(part.as_bytes());
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
                    match text_in(part, &t) {
                        Some(text) => parser.push_xml10(text),
                        None => parser.push_text(&t.xml10_content().map_err(|_| bad_xml())?),
                    }
                }
            }
            Event::CData(t) => {
                if parser.wants_text() {
                    match text_in(part, &t) {
                        Some(text) => parser.push_xml10(text),
                        None => parser.push_text(&t.xml10_content().map_err(|_| bad_xml())?),
                    }
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
                    } else if let Some(s) = r
                        .decode()
                        .ok()
                        .and_then(|name| resolve_predefined_entity(&name))
                    {
                        parser.push_text(s);
                    }
                    // An undeclared entity is dropped rather than refused: Word never writes
                    // one, and the rest of the text is still worth checking.
                }
            }
            Event::Eof if valid < xml.len() => return Err(bad_xml()),
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

const W_MAIN_NS: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT_NS: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

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
    w_prefix: Option<Vec<u8>>,
    mc_prefix: Option<Vec<u8>>,
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

    fn classify<'n>(&self, qname: &'n [u8]) -> (Ns, &'n [u8]) {
        match split_prefix(qname) {
            None => (Ns::W, qname),
            Some((prefix, local)) => {
                if prefix == b"w" || self.w_prefix.as_deref() == Some(prefix) {
                    (Ns::W, local)
                } else if prefix == b"mc" || self.mc_prefix.as_deref() == Some(prefix) {
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
            let Some(prefix) = a.key.as_ref().strip_prefix(b"xmlns:") else {
                continue;
            };
            let v: &[u8] = &a.value;
            if (v == W_MAIN_NS || v == W_STRICT_NS) && prefix != b"w" {
                self.w_prefix = Some(prefix.to_vec());
            } else if v == MC_NS && prefix != b"mc" {
                self.mc_prefix = Some(prefix.to_vec());
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
            // A paragraph's text comes run by run: room for a typical body paragraph at once
            // spares it four or five reallocations.
            if p.text.capacity() == 0 {
                p.text.reserve(s.len().max(PARAGRAPH_ROOM));
            }
            push_limited(&mut p.text, &mut p.chars, limit, s);
        }
    }

    /// Appends text with its line ends normalised as XML 1.0 says (`\r\n` and a lone `\r`
    /// read as `\n`), as quick-xml's `xml10_content` does.
    fn push_xml10(&mut self, text: &str) {
        let mut rest = text;
        while let Some(i) = memchr::memchr(b'\r', rest.as_bytes()) {
            self.push_text(rest.get(..i).unwrap_or_default());
            self.push_text("\n");
            let skip = if rest.as_bytes().get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            rest = rest.get(skip..).unwrap_or_default();
        }
        self.push_text(rest);
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
        if ns == Ns::W && local == b"p" {
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
                b"AlternateContent" => Frame::AltContent { chosen: false },
                b"Choice" => {
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
                b"Fallback" => {
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
        local: &[u8],
        parent: Option<Frame>,
        e: &BytesStart<'_>,
    ) -> Result<Option<Frame>, Rejection> {
        // Property containers: read what matters, skip the rest.
        match parent {
            Some(Frame::PPr) => {
                match local {
                    b"pStyle" => {
                        if let (Some(v), Some(p)) = (attr(e, "val"), self.paras.last_mut()) {
                            p.style = Some(v);
                        }
                    }
                    b"numPr" => return Ok(Some(Frame::NumPr)),
                    b"outlineLvl" => {
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
                    b"ilvl" => {
                        if let (Some(v), Some(p)) = (attr_num(e, "val"), self.paras.last_mut()) {
                            p.ilvl = Some(v.min(u8::MAX as u64) as u8);
                        }
                    }
                    b"numId" => {
                        if let (Some(v), Some(p)) = (attr_num(e, "val"), self.paras.last_mut()) {
                            p.num_id = Some(v.min(u32::MAX as u64) as u32);
                        }
                    }
                    _ => {}
                }
                return Ok(None);
            }
            Some(Frame::RPr) => {
                if local == b"vanish" {
                    self.hidden = attr_on(e);
                }
                return Ok(None);
            }
            Some(Frame::TblGrid) => {
                if local == b"gridCol" {
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
                        b"gridBefore" | b"gridAfter" => {
                            let n = attr_num(e, "val").unwrap_or(0);
                            if n > max_cols as u64 {
                                return Err(too_wide(max_cols));
                            }
                            if local == b"gridBefore" {
                                row.before = n as usize;
                            } else {
                                row.after = n as usize;
                            }
                        }
                        b"del" => row.deleted = true,
                        _ => {}
                    }
                }
                return Ok(None);
            }
            Some(Frame::TcPr) => {
                let max_cols = self.limits.max_cols;
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    match local {
                        b"gridSpan" => {
                            let n = attr_num(e, "val").unwrap_or(1);
                            if n > max_cols as u64 {
                                return Err(too_wide(max_cols));
                            }
                            cell.span = (n as usize).max(1);
                        }
                        b"vMerge" => cell.vmerge = merge_val(e),
                        b"hMerge" => cell.hmerge = merge_val(e),
                        _ => {}
                    }
                }
                return Ok(None);
            }
            _ => {}
        }

        let frame = match local {
            b"p" => {
                self.start_paragraph()?;
                Frame::Para
            }
            b"pPr" => {
                if parent == Some(Frame::Para) {
                    Frame::PPr
                } else {
                    return Ok(None);
                }
            }
            b"r" => {
                let saved_hidden = self.hidden;
                self.hidden = false;
                Frame::Run { saved_hidden }
            }
            b"rPr" => {
                if matches!(parent, Some(Frame::Run { .. })) {
                    Frame::RPr
                } else {
                    return Ok(None);
                }
            }
            b"t" => Frame::Text,
            b"br" | b"cr" => {
                self.push_special("\n");
                return Ok(None);
            }
            b"tab" | b"ptab" => {
                self.push_special("\t");
                return Ok(None);
            }
            b"noBreakHyphen" => {
                self.push_special("-");
                return Ok(None);
            }
            b"fldChar" => {
                self.field_char(attr(e, "fldCharType").as_deref());
                return Ok(None);
            }
            b"tbl" => {
                self.start_table()?;
                Frame::Tbl
            }
            b"tblGrid" => {
                if parent == Some(Frame::Tbl) {
                    Frame::TblGrid
                } else {
                    return Ok(None);
                }
            }
            b"tr" => {
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
            b"trPr" => {
                if parent == Some(Frame::Tr) {
                    Frame::TrPr
                } else {
                    return Ok(None);
                }
            }
            b"tc" => match self.tables.last_mut() {
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
            b"tcPr" => {
                if parent == Some(Frame::Tc) {
                    Frame::TcPr
                } else {
                    return Ok(None);
                }
            }
            b"txbxContent" => {
                self.containers.push(Container::Textbox);
                Frame::Textbox
            }
            // Content that is not visible text.
            b"del" | b"moveFrom" | b"delText" | b"instrText" | b"delInstrText" | b"rt"
            | b"sdtPr" | b"sdtEndPr" | b"sectPr" | b"tblPr" | b"tblPrEx" | b"fldData"
            | b"customXmlPr" | b"smartTagPr" | b"sym" | b"softHyphen" | b"footnotePr"
            | b"endnotePr" | b"background" => return Ok(None),
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

#[cfg(test)]
mod tests;
