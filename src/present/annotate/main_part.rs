//! The main part: one quick-xml pass finds where each anchor goes (byte offsets of events), then
//! the original bytes are spliced at those offsets. Nothing else in the part changes.
//!
//! Table, row and cell numbering mirrors the document model: `w:tbl` start tags in document
//! order, nested included, not counting tables inside `mc:Fallback`, a second `mc:Choice` or
//! deleted content; `w:tr` counted per table (deleted rows included), `w:tc` per row.
//! Paragraph ordinals count every `w:p` of the part. A paragraph's visible text follows the
//! model too: `w:t`, `w:br`/`w:cr`, `w:tab`/`w:ptab`, `w:noBreakHyphen`; not deleted text, field
//! instructions or hidden runs.

use super::{Anchor, Target};
use crate::limits::Limits;
use crate::messages::AnnotateProblem;
use crate::rejection::Rejection;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;
use std::collections::HashMap;

mod edits;

pub(crate) const W_MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(crate) const W_STRICT_NS: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// A piece of inserted text: literal XML, or an id known only once every part was scanned.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    /// Borrowed for the writer's own literals when the part binds `w` (no allocation per piece).
    Lit(Cow<'static, str>),
    /// The comment id of anchor `n`.
    Comment(usize),
    /// Revision id number `n`.
    Rev(usize),
}

/// Replace `at..end` of the original bytes (an insertion when `end == at`).
#[derive(Debug)]
struct Edit {
    at: usize,
    end: usize,
    seq: usize,
    pieces: Vec<Piece>,
}

/// The result of the scan: where to splice, and what was found.
#[derive(Debug)]
pub(crate) struct Scan {
    edits: Vec<Edit>,
    /// Anchors whose target was found.
    pub placed: Vec<bool>,
    /// Revision ids used (w:del and w:ins).
    pub revisions: usize,
    /// Largest numeric `w:id` in the part.
    pub max_id: u64,
    /// Whether the part is in the strict namespace.
    pub strict: bool,
}

impl Scan {
    /// The new main part, with comment ids `base + anchor index` and revision ids after them.
    pub fn render(&self, xml: &[u8], base: u64, anchors: usize) -> Vec<u8> {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        crate::order::sort_by_key(&mut edits, |e| (e.at, e.seq));
        let mut out = Vec::with_capacity(xml.len() + edits.len() * 96);
        let mut cursor = 0usize;
        for e in edits {
            if e.at < cursor || e.end > xml.len() || e.end < e.at {
                continue; // overlapping edits cannot happen by construction; never splice twice
            }
            out.extend_from_slice(&xml[cursor..e.at]);
            for p in &e.pieces {
                match p {
                    Piece::Lit(s) => out.extend_from_slice(s.as_bytes()),
                    Piece::Comment(n) => push_u64(&mut out, base + *n as u64),
                    Piece::Rev(n) => push_u64(&mut out, base + anchors as u64 + *n as u64),
                }
            }
            cursor = e.end;
        }
        out.extend_from_slice(&xml[cursor.min(xml.len())..]);
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    P,
    PPr,
    R,
    RPr,
    T,
    Tbl,
    Tr,
    Tc,
    AltContent,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    k: K,
    start: usize,
    /// Inside content the model does not read (mc:Fallback, deletions, ...).
    skipped: bool,
    /// For a run: the hidden state to restore at its end.
    saved_hidden: bool,
    /// For mc:AlternateContent: a Choice was taken.
    chosen: bool,
}

#[derive(Debug)]
struct TableState {
    ordinal: usize,
    tr_count: usize,
    row: Option<usize>,
    tc_count: usize,
    cell: Option<usize>,
}

#[derive(Debug, Default)]
struct CRun {
    start: usize,
    end: usize,
    rpr: Option<(usize, usize)>,
    /// `w:t` tags: (start, end, kind) with kind 0 = start tag, 1 = end tag, 2 = empty.
    ts: Vec<(usize, usize, u8)>,
}

#[derive(Debug)]
struct CPara {
    start: usize,
    tag_end: usize,
    empty: bool,
    after_ppr: usize,
    end_tag: usize,
    runs: Vec<CRun>,
    simple: bool,
}

#[derive(Debug)]
struct CellCtx {
    anchors: Vec<usize>,
    /// Edits planned before the cell started (later ones may fall inside its runs).
    edits_from: usize,
    frames_len: usize,
    tables_len: usize,
    paras: Vec<CPara>,
    cur: Option<CPara>,
    /// Frame depth of the current paragraph.
    cur_depth: usize,
}

#[derive(Debug)]
struct ParaCtx {
    ordinal: usize,
    frames_len: usize,
    /// (anchor, start, end, start placed, end placed)
    anchors: Vec<(usize, usize, usize, bool, bool)>,
    start: usize,
    tag_end: usize,
    after_ppr: usize,
    count: usize,
    /// The current `w:t`: its start tag range, and whether it was already given xml:space.
    cur_t: Option<(usize, usize, bool)>,
    /// End markers waiting for the end of the current run (fallback when a run cannot be split).
    pending_end: Vec<usize>,
}

/// An open run: its start, the end of its start tag, its `w:rPr` range, and whether the rPr is safe to copy (no revision
/// marks, whose ids must stay unique).
type OpenRun = (usize, usize, Option<(usize, usize)>, bool);

struct Scanner<'a> {
    xml: &'a [u8],
    anchors: &'a [Anchor],
    date: Option<&'a str>,
    tracked: bool,
    pfx: String,
    mc_pfx: Option<String>,
    root_seen: bool,
    strict: bool,
    frames: Vec<Frame>,
    tables: Vec<TableState>,
    table_count: usize,
    para_count: usize,
    cells: HashMap<(usize, usize, usize), Vec<usize>>,
    paras: HashMap<usize, Vec<usize>>,
    cell_ctx: Vec<CellCtx>,
    para_ctx: Option<ParaCtx>,
    /// Open runs: (start, rPr range, rPr safe to copy).
    runs: Vec<OpenRun>,
    fields: Vec<bool>,
    in_instr: usize,
    hidden: bool,
    edits: Vec<Edit>,
    seq: usize,
    placed: Vec<bool>,
    revisions: usize,
    max_id: u64,
}

/// Scans the main part and plans the edits for `anchors`.
pub(crate) fn scan(
    xml: &[u8],
    anchors: &[Anchor],
    tracked: bool,
    date: Option<&str>,
    limits: &Limits,
) -> Result<Scan, Rejection> {
    let mut s = Scanner {
        xml,
        anchors,
        date,
        tracked,
        pfx: String::new(),
        mc_pfx: None,
        root_seen: false,
        strict: false,
        frames: Vec::with_capacity(32),
        tables: Vec::new(),
        table_count: 0,
        para_count: 0,
        cells: HashMap::new(),
        paras: HashMap::new(),
        cell_ctx: Vec::new(),
        para_ctx: None,
        runs: Vec::new(),
        fields: Vec::new(),
        in_instr: 0,
        hidden: false,
        edits: Vec::new(),
        seq: 0,
        placed: vec![false; anchors.len()],
        revisions: 0,
        max_id: 0,
    };
    for (i, a) in anchors.iter().enumerate() {
        match a.target {
            Target::Cell { table, tr, tc } => s.cells.entry((table, tr, tc)).or_default().push(i),
            Target::Paragraph { ordinal, .. } => s.paras.entry(ordinal).or_default().push(i),
        }
    }
    // Valid UTF-8 checked once, whole (as `docx::parse` does): the reader reads up to the
    // first invalid byte, and the part is bad at its end if there is one.
    let valid = crate::opc::valid_utf8_start(xml).len();
    let mut reader = Reader::from_reader(xml.get(..valid).unwrap_or_default());
    reader.config_mut().check_end_names = true;
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|_| bad_xml())?;
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
                if s.frames.len() >= limits.max_xml_depth {
                    return Err(too_deep(limits.max_xml_depth));
                }
                s.start(&e, before, after, false)?;
            }
            Event::Empty(e) => {
                if s.frames.len() >= limits.max_xml_depth {
                    return Err(too_deep(limits.max_xml_depth));
                }
                s.start(&e, before, after, true)?;
                s.end(before, after);
            }
            Event::End(_) => s.end(before, after),
            // The raw bytes of the event are the text as written (references are separate
            // events): character offsets map to byte offsets directly.
            Event::Text(_) if s.para_ctx.is_some() && s.wants_text() => {
                if let Ok(text) = std::str::from_utf8(&xml[before..after]) {
                    let offsets: Vec<usize> =
                        text.char_indices().map(|(i, _)| before + i).collect();
                    s.visible_chunk(&offsets, after, true);
                }
            }
            Event::GeneralRef(_) if s.para_ctx.is_some() && s.wants_text() => {
                s.visible_chunk(&[before], after, true)
            }
            Event::Eof if valid < xml.len() => return Err(bad_xml()),
            Event::Eof => break,
            _ => {}
        }
    }
    if !s.frames.is_empty() || !s.root_seen {
        return Err(bad_xml()); // cut short: elements left open
    }
    if s.pfx.is_empty() {
        return Err(Rejection::from(AnnotateProblem::NoWordNamespace));
    }
    Ok(Scan {
        edits: s.edits,
        placed: s.placed,
        revisions: s.revisions,
        max_id: s.max_id,
        strict: s.strict,
    })
}

fn bad_xml() -> Rejection {
    Rejection::from(AnnotateProblem::BadMainPart)
}

fn too_deep(max: usize) -> Rejection {
    Rejection::from(AnnotateProblem::TooDeep { max })
}

/// Escapes text for XML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    esc_into(&mut out, s);
    out
}

/// [`esc`], appended to `out`. The characters it replaces or drops are all ASCII, so the text
/// is copied in runs between them (byte offsets of ASCII bytes are character boundaries).
pub(crate) fn esc_into(out: &mut String, s: &str) {
    out.reserve(s.len());
    let b = s.as_bytes();
    let mut from = 0;
    for (i, &c) in b.iter().enumerate() {
        let rep = match c {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            // Characters XML 1.0 does not allow are dropped.
            c if c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r') => "",
            _ => continue,
        };
        out.push_str(s.get(from..i).unwrap_or(""));
        out.push_str(rep);
        from = i + 1;
    }
    out.push_str(s.get(from..).unwrap_or(""));
}

/// The decimal digits of `n`, appended (no formatting machinery: one call per id written).
pub(crate) fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Whether `needle` (not empty) occurs in `hay`: its last byte looked for in a plain loop, then
/// the bytes before it compared. The tags searched here are short: a `memmem` finder built per
/// tag cost more than the search, and memchr's iterator has no SIMD to gain from in wasm.
pub(crate) fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&last, head)) = needle.split_last() else {
        return true;
    };
    let n = head.len();
    (n..hay.len()).any(|i| hay[i] == last && &hay[i - n..i] == head)
}

/// Whether a start tag may have an `id` attribute (any prefix): some `=` right after `id`.
fn has_id_attr(tag: &[u8]) -> bool {
    contains(tag, b"id=")
}

fn split_prefix(qname: &[u8]) -> (Option<&[u8]>, &[u8]) {
    match qname.iter().position(|&b| b == b':') {
        Some(i) => (Some(&qname[..i]), &qname[i + 1..]),
        None => (None, qname),
    }
}

impl Scanner<'_> {
    fn lit(&self, s: &'static str) -> Piece {
        // Nearly every part binds the namespace to `w`: then the literal is already right and
        // is borrowed (no allocation, format! nor replace per piece: most of an edit's cost
        // with 162 comments).
        if self.pfx == "w" {
            return Piece::Lit(Cow::Borrowed(s));
        }
        Piece::Lit(s.replace("w:", &format!("{}:", self.pfx)).into())
    }

    fn push_edit(&mut self, at: usize, end: usize, pieces: Vec<Piece>) {
        self.seq += 1;
        self.edits.push(Edit {
            at,
            end,
            seq: self.seq,
            pieces,
        });
    }

    fn rev_attrs(&mut self) -> Vec<Piece> {
        let n = self.revisions;
        self.revisions += 1;
        let mut v = vec![
            self.lit(" w:id=\""),
            Piece::Rev(n),
            self.lit("\" w:author=\"nianbao\""),
        ];
        if let Some(d) = self.date {
            v.push(self.lit(" w:date=\""));
            v.push(Piece::Lit(esc(d).into()));
            v.push(Piece::Lit("\"".into()));
        }
        v.push(Piece::Lit(">".into()));
        v
    }

    fn wants_text(&self) -> bool {
        matches!(self.frames.last(), Some(f) if f.k == K::T && !f.skipped)
            && self.in_instr == 0
            && !self.hidden
    }

    fn is_w(&self, prefix: Option<&[u8]>) -> bool {
        match prefix {
            Some(p) => p == self.pfx.as_bytes() || (self.pfx.is_empty() && p == b"w"),
            None => false,
        }
    }

    fn read_root(&mut self, e: &BytesStart<'_>) {
        for a in e.attributes().with_checks(false).flatten() {
            let Some(prefix) = a.key.as_ref().strip_prefix(b"xmlns:") else {
                continue;
            };
            let v: &[u8] = a.value.as_ref();
            if v == W_MAIN_NS.as_bytes() || v == W_STRICT_NS.as_bytes() {
                if self.pfx.is_empty() || prefix == b"w" {
                    self.pfx = String::from_utf8_lossy(prefix).into_owned();
                    self.strict = v == W_STRICT_NS.as_bytes();
                }
            } else if v == MC_NS.as_bytes() {
                self.mc_pfx = Some(String::from_utf8_lossy(prefix).into_owned());
            }
        }
    }

    fn note_ids(&mut self, e: &BytesStart<'_>) {
        for a in e.attributes().with_checks(false).flatten() {
            let (p, local) = split_prefix(a.key.as_ref());
            if local == b"id" && self.is_w(p) {
                if let Some(v) = std::str::from_utf8(&a.value)
                    .ok()
                    .and_then(|v| v.trim().parse::<u64>().ok())
                {
                    self.max_id = self.max_id.max(v.min(u32::MAX as u64));
                }
            }
        }
    }

    fn start(
        &mut self,
        e: &BytesStart<'_>,
        before: usize,
        after: usize,
        empty: bool,
    ) -> Result<(), Rejection> {
        if !self.root_seen {
            self.root_seen = true;
            self.read_root(e);
        }
        let qname = e.name();
        let (prefix, local) = split_prefix(qname.as_ref());
        let parent = self.frames.last().copied();
        let parent_skipped = parent.map(|f| f.skipped).unwrap_or(false);
        let is_w = self.is_w(prefix);
        let is_mc = match prefix {
            Some(p) => p == b"mc" || Some(p) == self.mc_pfx.as_deref().map(str::as_bytes),
            None => false,
        };
        if is_w && has_id_attr(&self.xml[before..after]) {
            self.note_ids(e);
        }
        let mut frame = Frame {
            k: K::Other,
            start: before,
            skipped: parent_skipped,
            saved_hidden: false,
            chosen: false,
        };
        if is_mc {
            match local {
                b"AlternateContent" => frame.k = K::AltContent,
                b"Choice" => {
                    if let Some(f) = self.frames.last_mut() {
                        if f.k == K::AltContent {
                            if f.chosen {
                                frame.skipped = true;
                            }
                            f.chosen = true;
                        }
                    }
                }
                b"Fallback" => frame.skipped = true,
                _ => {}
            }
        } else if is_w {
            self.start_w(local, parent, &mut frame, e, before, after, empty);
        }
        self.frames.push(frame);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn start_w(
        &mut self,
        local: &[u8],
        parent: Option<Frame>,
        frame: &mut Frame,
        e: &BytesStart<'_>,
        before: usize,
        after: usize,
        empty: bool,
    ) {
        let parent_k = parent.map(|f| f.k);
        let skipped = frame.skipped;
        match local {
            b"del" | b"moveFrom" | b"delText" | b"instrText" | b"delInstrText" | b"rt"
            | b"sdtPr" | b"sdtEndPr" | b"sectPr" | b"tblPr" | b"tblPrEx" | b"fldData"
            | b"customXmlPr" | b"smartTagPr" | b"footnotePr" | b"endnotePr" | b"background"
            | b"pPrChange" | b"rPrChange" => {
                frame.skipped = true;
            }
            b"p" => {
                let ordinal = self.para_count;
                self.para_count += 1;
                frame.k = K::P;
                self.start_para(ordinal, before, after, empty, parent_k);
            }
            b"pPr" if parent_k == Some(K::P) => frame.k = K::PPr,
            b"r" => {
                frame.k = K::R;
                frame.saved_hidden = self.hidden;
                self.hidden = false;
                self.runs.push((before, after, None, true));
                if let Some(c) = self.cell_para_mut(self.frames.len()) {
                    c.runs.push(CRun {
                        start: before,
                        ..CRun::default()
                    });
                } else if let Some(c) = self.cell_para_mut(usize::MAX) {
                    // A run deeper in the cell paragraph (hyperlink, field, insertion...).
                    c.simple = false;
                }
            }
            b"rPr" if parent_k == Some(K::R) => frame.k = K::RPr,
            b"vanish" if parent_k == Some(K::RPr) && !skipped => {
                let v = attr_val(e);
                self.hidden = !matches!(v.as_deref(), Some("0") | Some("false") | Some("off"));
            }
            b"t" if parent_k == Some(K::R) => {
                frame.k = K::T;
                if let Some(pc) = self.para_ctx.as_mut() {
                    let has_space = contains(&self.xml[before..after], b"xml:space");
                    pc.cur_t = Some((before, after, has_space));
                }
                let depth = self.frames.len() - 1;
                if let Some(c) = self.cell_para_mut(depth) {
                    if let Some(r) = c.runs.last_mut() {
                        r.ts.push((before, after, if empty { 2 } else { 0 }));
                    }
                }
            }
            b"br" | b"cr" | b"tab" | b"ptab" | b"noBreakHyphen"
                if !skipped && self.in_instr == 0 && !self.hidden && parent_k == Some(K::R) =>
            {
                self.visible_chunk(&[before], after, false);
            }
            b"fldChar" if !skipped => match attr_named(e, b"fldCharType").as_deref() {
                Some("begin") if self.fields.len() < 64 => {
                    self.fields.push(true);
                    self.in_instr += 1;
                }
                Some("separate") => {
                    if let Some(top) = self.fields.last_mut() {
                        if *top {
                            *top = false;
                            self.in_instr = self.in_instr.saturating_sub(1);
                        }
                    }
                }
                Some("end") => {
                    if let Some(true) = self.fields.pop() {
                        self.in_instr = self.in_instr.saturating_sub(1);
                    }
                }
                _ => {}
            },
            b"tbl" if !skipped => {
                frame.k = K::Tbl;
                self.tables.push(TableState {
                    ordinal: self.table_count,
                    tr_count: 0,
                    row: None,
                    tc_count: 0,
                    cell: None,
                });
                self.table_count += 1;
            }
            b"tr" if !skipped => {
                if let Some(t) = self.tables.last_mut() {
                    if t.row.is_none() && t.cell.is_none() {
                        t.row = Some(t.tr_count);
                        t.tr_count += 1;
                        t.tc_count = 0;
                        frame.k = K::Tr;
                    }
                }
            }
            b"tc" if !skipped => {
                let mut target = None;
                if let Some(t) = self.tables.last_mut() {
                    if let (None, Some(row)) = (t.cell, t.row) {
                        let tc = t.tc_count;
                        t.cell = Some(tc);
                        t.tc_count += 1;
                        frame.k = K::Tc;
                        target = self.cells.get(&(t.ordinal, row, tc)).cloned();
                    }
                }
                if let Some(anchors) = target {
                    self.cell_ctx.push(CellCtx {
                        anchors,
                        edits_from: self.edits.len(),
                        frames_len: self.frames.len(),
                        tables_len: self.tables.len(),
                        paras: Vec::new(),
                        cur: None,
                        cur_depth: 0,
                    });
                }
            }
            _ => {}
        }
        // Children of a cell paragraph and of its runs decide whether a tracked change is safe.
        let depth = self.frames.len();
        if let Some(c) = self.cell_ctx.last_mut() {
            if c.cur.is_some() && c.tables_len == self.tables.len() {
                let in_para = depth == c.cur_depth + 1;
                let in_run = depth == c.cur_depth + 2 && parent_k == Some(K::R);
                let ok = if in_para {
                    matches!(
                        local,
                        b"pPr"
                            | b"r"
                            | b"proofErr"
                            | b"bookmarkStart"
                            | b"bookmarkEnd"
                            | b"commentRangeStart"
                            | b"commentRangeEnd"
                    )
                } else if in_run {
                    matches!(
                        local,
                        b"rPr" | b"t" | b"lastRenderedPageBreak" | b"commentReference"
                    )
                } else {
                    true
                };
                if !ok {
                    if let Some(p) = c.cur.as_mut() {
                        p.simple = false;
                    }
                }
            }
        }
    }

    /// The current paragraph of the innermost target cell, when the element at frame depth
    /// `depth` is its direct child (`usize::MAX`: at any depth inside it).
    fn cell_para_mut(&mut self, depth: usize) -> Option<&mut CPara> {
        let tables_len = self.tables.len();
        let c = self.cell_ctx.last_mut()?;
        if c.tables_len != tables_len {
            return None;
        }
        let d = c.cur_depth;
        let p = c.cur.as_mut()?;
        if depth == usize::MAX || depth == d + 1 {
            Some(p)
        } else {
            None
        }
    }

    fn start_para(
        &mut self,
        ordinal: usize,
        before: usize,
        after: usize,
        empty: bool,
        parent_k: Option<K>,
    ) {
        let depth = self.frames.len();
        let tables_len = self.tables.len();
        if let Some(c) = self.cell_ctx.last_mut() {
            if c.tables_len == tables_len && c.cur.is_none() {
                c.cur = Some(CPara {
                    start: before,
                    tag_end: after,
                    empty,
                    after_ppr: after,
                    end_tag: before,
                    runs: Vec::new(),
                    simple: parent_k == Some(K::Tc),
                });
                c.cur_depth = depth;
            }
        }
        if self.para_ctx.is_none() {
            if let Some(list) = self.paras.get(&ordinal) {
                let anchors = list
                    .iter()
                    .filter_map(|&i| match self.anchors.get(i).map(|a| &a.target) {
                        Some(Target::Paragraph { start, end, .. }) => {
                            Some((i, *start, (*end).max(start.saturating_add(1)), false, false))
                        }
                        _ => None,
                    })
                    .collect();
                self.para_ctx = Some(ParaCtx {
                    ordinal,
                    frames_len: depth,
                    anchors,
                    start: before,
                    tag_end: after,
                    after_ppr: after,
                    count: 0,
                    cur_t: None,
                    pending_end: Vec::new(),
                });
            }
        }
    }

    fn end(&mut self, before: usize, after: usize) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let depth = self.frames.len();
        match frame.k {
            K::PPr => {
                if let Some(c) = self.cell_ctx.last_mut() {
                    if c.cur.is_some() && c.cur_depth + 1 == depth {
                        if let Some(p) = c.cur.as_mut() {
                            p.after_ppr = after;
                        }
                    }
                }
                if let Some(pc) = self.para_ctx.as_mut() {
                    if pc.frames_len + 1 == depth {
                        pc.after_ppr = after;
                    }
                }
            }
            K::RPr => {
                if let Some(r) = self.runs.last_mut() {
                    let safe = !contains(&self.xml[frame.start..after], b"Change");
                    *r = (r.0, r.1, Some((frame.start, after)), safe);
                }
                if let Some(c) = self.cell_para_mut(depth - 1) {
                    if let Some(r) = c.runs.last_mut() {
                        r.rpr = Some((frame.start, after));
                    }
                }
            }
            K::R => {
                self.hidden = frame.saved_hidden;
                self.runs.pop();
                if let Some(c) = self.cell_para_mut(depth) {
                    if let Some(r) = c.runs.last_mut() {
                        r.end = after;
                    }
                }
                if let Some(pc) = self.para_ctx.as_mut() {
                    if !pc.pending_end.is_empty() {
                        let list = std::mem::take(&mut pc.pending_end);
                        let pieces = list.iter().flat_map(|&i| self.range_end(i)).collect();
                        self.push_edit(after, after, pieces);
                    }
                }
            }
            K::T => {
                let depth_now = self.frames.len();
                if let Some(c) = self.cell_para_mut(depth_now - 1) {
                    if let Some(r) = c.runs.last_mut() {
                        if before != frame.start {
                            r.ts.push((before, after, 1));
                        }
                    }
                }
                if let Some(pc) = self.para_ctx.as_mut() {
                    pc.cur_t = None;
                }
            }
            K::Tr => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = None;
                }
            }
            K::Tc => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = None;
                }
                if self
                    .cell_ctx
                    .last()
                    .map(|c| c.frames_len == depth)
                    .unwrap_or(false)
                {
                    if let Some(c) = self.cell_ctx.pop() {
                        self.finish_cell(c, before);
                    }
                }
            }
            K::Tbl => {
                self.tables.pop();
            }
            K::P => {
                let tables_len = self.tables.len();
                if let Some(c) = self.cell_ctx.last_mut() {
                    if c.tables_len == tables_len && c.cur.is_some() && c.cur_depth == depth {
                        if let Some(mut p) = c.cur.take() {
                            p.end_tag = before;
                            c.paras.push(p);
                        }
                    }
                }
                if self
                    .para_ctx
                    .as_ref()
                    .map(|pc| pc.frames_len == depth)
                    .unwrap_or(false)
                {
                    if let Some(pc) = self.para_ctx.take() {
                        self.finish_para(pc, before, after, frame.start == before);
                    }
                }
            }
            _ => {}
        }
    }
}

fn attr_val(e: &BytesStart<'_>) -> Option<String> {
    attr_named(e, b"val")
}

fn attr_named(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        let (_, local) = split_prefix(a.key.as_ref());
        if local == name {
            return Some(String::from_utf8_lossy(&a.value).into_owned());
        }
    }
    None
}
