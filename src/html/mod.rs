//! The HTML reader: a published report page (a portal's CMS page, a page saved from the browser,
//! a Word- or WPS-exported .htm, the HTML part of an .mht, or a pasted selection) into the same
//! [`Document`] as the Word readers.
//!
//! The page is tokenized by `html5gum` (a WHATWG tokenizer: entities, comments — Word's
//! conditional comments included —, raw-text `<script>`/`<style>`). [`tree`] builds a small
//! element tree from the tokens with the implied end tags that matter for tables and paragraphs.
//! The walk then turns block elements into paragraphs and data tables into grids: `rowspan`
//! becomes Word-style vertical-merge continuations, `colspan` the cell's span, `<br>`/`<p>` in a
//! cell line breaks, `&nbsp;` a space. Navigation, headers, footers, scripts, styles and forms
//! are skipped, and a layout table (one holding another table) is read as the body it frames.

mod tree;

use crate::limits::Limits;
use crate::model::{Builder, Document, Join, SourcePos, SpanCell, SpanRow};
use crate::rejection::{ReaderProblem, Refusal, Rejection};
use tree::{Node, Tree};

/// Reads a decoded page into the model.
pub fn parse(html: &str, limits: &Limits) -> Result<Document, Rejection> {
    let tree = tree::build(html, limits);
    let mut w = Walker {
        tree: &tree,
        b: Builder::new(limits),
        para: String::new(),
        heading: None,
        limits,
    };
    w.flow(0)?;
    w.end_paragraph()?;
    let doc = w.b.finish();
    if doc.tables.is_empty() {
        return Err(Rejection::from(Refusal::Reader(
            ReaderProblem::HtmlNoTables,
        )));
    }
    Ok(doc)
}

/// Elements whose content is never report text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "title", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "select", "button", "iframe", "object", "svg", "canvas", "xml", "map",
];

/// Elements that end a paragraph before and after them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "center",
    "hr",
    "address",
    "figure",
    "figcaption",
    "caption",
    "body",
    "html",
    "tr",
    "td",
    "th",
    "table",
    "thead",
    "tbody",
    "tfoot",
];

struct Walker<'a> {
    tree: &'a Tree,
    b: Builder<'a>,
    para: String,
    heading: Option<u8>,
    limits: &'a Limits,
}

/// Appends text with HTML whitespace collapsed (`&nbsp;` counts as a space).
fn push_text(buf: &mut String, text: &str) {
    for c in text.chars() {
        let c = if c == '\u{a0}' { ' ' } else { c };
        if c.is_whitespace() && c != '\u{3000}' {
            if !buf.is_empty() && !buf.ends_with([' ', '\n']) {
                buf.push(' ');
            }
        } else {
            buf.push(c);
        }
    }
}

/// A paragraph's text as the model keeps it: trimmed lines.
fn finish_text(s: &str) -> String {
    s.split('\n')
        .map(|l| l.trim_matches(' '))
        .collect::<Vec<_>>()
        .join("\n")
        .trim_matches('\n')
        .to_string()
}

impl Walker<'_> {
    fn end_paragraph(&mut self) -> Result<(), Rejection> {
        let text = finish_text(&self.para);
        self.para.clear();
        if text.is_empty() {
            return Ok(());
        }
        self.b.count_paragraph().map_err(Rejection::from)?;
        self.b.paragraph(&text, false, self.heading);
        Ok(())
    }

    /// The body flow under node `id`.
    fn flow(&mut self, id: usize) -> Result<(), Rejection> {
        let Some(Node::Element { children, .. }) = self.tree.nodes.get(id) else {
            return Ok(());
        };
        for &child in children {
            match self.tree.nodes.get(child) {
                Some(Node::Text(t))
                    if self.para.len() < self.limits.max_paragraph_chars.saturating_mul(4) =>
                {
                    push_text(&mut self.para, t);
                }
                Some(Node::Text(_)) => {}
                Some(Node::Element { name, .. }) => {
                    let name = name.as_str();
                    if SKIPPED.contains(&name) {
                        continue;
                    }
                    if name == "br" {
                        self.para.push('\n');
                        continue;
                    }
                    if name == "table" && !self.tree.holds_table(child) {
                        self.end_paragraph()?;
                        self.table(child)?;
                        continue;
                    }
                    let block = BLOCKS.contains(&name);
                    if block {
                        self.end_paragraph()?;
                    }
                    let level = heading_level(name);
                    let saved = self.heading;
                    if level.is_some() {
                        self.heading = level;
                    }
                    self.flow(child)?;
                    if block {
                        self.end_paragraph()?;
                    }
                    self.heading = saved;
                }
                None => {}
            }
        }
        Ok(())
    }

    /// A cell's text: its paragraphs joined by `\n`.
    fn cell_text(&self, id: usize) -> String {
        let mut out = String::new();
        let mut para = String::new();
        self.cell_flow(id, &mut out, &mut para, 0);
        let last = finish_text(&para);
        if !last.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&last);
        }
        out
    }

    fn cell_flow(&self, id: usize, out: &mut String, para: &mut String, depth: usize) {
        let Some(Node::Element { children, .. }) = self.tree.nodes.get(id) else {
            return;
        };
        if depth > self.limits.max_xml_depth || out.len() > self.limits.max_cell_chars * 4 {
            return;
        }
        for &child in children {
            match self.tree.nodes.get(child) {
                Some(Node::Text(t)) => push_text(para, t),
                Some(Node::Element { name, .. }) => {
                    let name = name.as_str();
                    if SKIPPED.contains(&name) {
                        continue;
                    }
                    if name == "br" {
                        para.push('\n');
                        continue;
                    }
                    let block = BLOCKS.contains(&name);
                    let flush = |out: &mut String, para: &mut String| {
                        let t = finish_text(para);
                        para.clear();
                        if !t.is_empty() {
                            if !out.is_empty() {
                                out.push('\n');
                            }
                            out.push_str(&t);
                        }
                    };
                    if block {
                        flush(out, para);
                    }
                    self.cell_flow(child, out, para, depth + 1);
                    if block {
                        flush(out, para);
                    }
                }
                None => {}
            }
        }
    }

    /// A data table: its rows (direct, or in `thead`/`tbody`/`tfoot`) and their cells.
    fn table(&mut self, id: usize) -> Result<(), Rejection> {
        let rows = self.tree.rows(id);
        let max_span = self.limits.max_cols;
        // Columns still covered by a cell from an upper row: (rows left, colspan).
        let mut pending: Vec<Option<(usize, usize)>> = Vec::new();
        let mut out: Vec<SpanRow> = Vec::new();
        for (tr, row) in rows.iter().enumerate() {
            if out.len() >= self.limits.max_rows {
                return Err(Rejection::from(Refusal::TooManyRows {
                    max: self.limits.max_rows,
                }));
            }
            let mut cells: Vec<SpanCell> = Vec::new();
            let mut col = 0usize;
            let continue_at = |col: &mut usize,
                               cells: &mut Vec<SpanCell>,
                               pending: &mut Vec<Option<(usize, usize)>>,
                               tc: usize| {
                while let Some(Some((left, span))) = pending.get(*col).copied() {
                    if left == 0 || cells.len() > max_span {
                        break;
                    }
                    if let Some(p) = pending.get_mut(*col) {
                        *p = (left > 1).then_some((left - 1, span));
                    }
                    cells.push(SpanCell {
                        span,
                        join: Join::Up,
                        text: String::new(),
                        source: SourcePos { tr, tc },
                    });
                    *col += span;
                }
            };
            for (tc, &cell) in row.iter().enumerate() {
                continue_at(&mut col, &mut cells, &mut pending, tc);
                let (colspan, rowspan) = self.tree.spans(cell);
                let colspan = colspan.clamp(1, max_span);
                let rowspan = rowspan.clamp(1, self.limits.max_rows);
                if rowspan > 1 {
                    if pending.len() < col + 1 {
                        pending.resize(col + 1, None);
                    }
                    if let Some(p) = pending.get_mut(col) {
                        *p = Some((rowspan - 1, colspan));
                    }
                }
                cells.push(SpanCell {
                    span: colspan,
                    join: Join::None,
                    text: self.cell_text(cell),
                    source: SourcePos { tr, tc },
                });
                col += colspan;
                if col > max_span {
                    return Err(Rejection::from(Refusal::TooWide { max: max_span }));
                }
            }
            // Cells merged down into the end of this row (after its own cells).
            let tc = row.len();
            loop {
                continue_at(&mut col, &mut cells, &mut pending, tc);
                let next = pending
                    .iter()
                    .enumerate()
                    .skip(col)
                    .find(|(_, p)| p.is_some())
                    .map(|(i, _)| i);
                match next {
                    Some(at) if at > col => {
                        while col < at {
                            cells.push(SpanCell {
                                span: 1,
                                join: Join::None,
                                text: String::new(),
                                source: SourcePos { tr, tc },
                            });
                            col += 1;
                        }
                    }
                    _ => break,
                }
            }
            if cells.is_empty() {
                continue;
            }
            out.push(SpanRow {
                before: 0,
                after: 0,
                cells,
            });
        }
        if out.is_empty() {
            return Ok(());
        }
        self.b.table(out, 0).map_err(Rejection::from)
    }
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(0),
        "h2" => Some(1),
        "h3" => Some(2),
        "h4" => Some(3),
        "h5" => Some(4),
        "h6" => Some(5),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(html: &str) -> Document {
        parse(html, &Limits::default()).expect("a table")
    }

    #[test]
    fn rowspan_and_colspan() {
        let d = doc(
            "<table><tr><td rowspan=2>a</td><td colspan=2>b</td></tr><tr><td>c<td>d</tr></table>",
        );
        let t = &d.tables[0];
        assert_eq!((t.rows, t.cols), (2, 3));
        assert_eq!(t.cell_at(1, 0).map(|c| c.text.as_str()), Some("a"));
        assert_eq!(t.cell_at(0, 2).map(|c| c.text.as_str()), Some("b"));
        assert_eq!(t.cell_at(1, 2).map(|c| c.text.as_str()), Some("d"));
    }

    #[test]
    fn cells_with_breaks_entities_and_word_markup() {
        let d = doc("<p class=MsoNormal>一、总体情况<o:p></o:p></p><!--[if gte mso 9]><xml>x</xml><![endif]--><table><tr><td><p>申请&nbsp;人<br>数量</p><p>&nbsp;</p></td></tr></table>");
        let t = &d.tables[0];
        assert_eq!(
            t.cell_at(0, 0).map(|c| c.text.as_str()),
            Some("申请 人\n数量")
        );
        assert!(
            matches!(&d.blocks[0], crate::model::Block::Paragraph(p) if p.text == "一、总体情况")
        );
    }

    #[test]
    fn layout_tables_are_read_as_body() {
        let d = doc("<nav>首页</nav><table><tr><td><p>标题</p><table><tr><td>1</td></tr></table></td></tr></table><footer>版权</footer>");
        assert_eq!(d.tables.len(), 1);
        assert_eq!(
            d.tables[0].cell_at(0, 0).map(|c| c.text.as_str()),
            Some("1")
        );
        let paras: Vec<&str> = d
            .blocks
            .iter()
            .filter_map(|b| match b {
                crate::model::Block::Paragraph(p) => Some(p.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(paras, vec!["标题"]);
    }

    #[test]
    fn no_table_is_refused() {
        let r = parse("<p>只有文字</p>", &Limits::default()).expect_err("no table");
        assert_eq!(r.reason, Some(Refusal::Reader(ReaderProblem::HtmlNoTables)));
    }
}
