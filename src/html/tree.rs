//! A small element tree built from `html5gum`'s tokens: enough of the HTML tree-construction
//! rules for paragraphs and tables (void elements, implied ends of `p`, `li`, `td`/`th`, `tr`
//! and table sections, end tags that close up to their open element but never past a table).
//! Depth is bounded by [`Limits::max_xml_depth`]; deeper elements are flattened into their
//! parent.

use crate::limits::Limits;
use html5gum::{Token, Tokenizer};
use std::collections::HashMap;

pub(super) enum Node {
    Element {
        name: String,
        colspan: usize,
        rowspan: usize,
        children: Vec<usize>,
    },
    Text(String),
}

pub(super) struct Tree {
    /// Node 0 is the document root.
    pub nodes: Vec<Node>,
    /// The open-element bookkeeping's work while building (see [`Open::probes`]).
    #[cfg(test)]
    pub probes: usize,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements an end tag of an inline or block element never closes past.
const SCOPE: &[&str] = &["table", "td", "th", "html"];

fn span_attr(v: &[u8]) -> usize {
    let s = String::from_utf8_lossy(v);
    let digits: String = s
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    digits.parse::<usize>().unwrap_or(1).max(1)
}

pub(super) fn build(html: &str, limits: &Limits) -> Tree {
    let mut nodes = vec![Node::Element {
        name: "#root".into(),
        colspan: 1,
        rowspan: 1,
        children: Vec::new(),
    }];
    let mut open = Open::new();
    let mut emitter = html5gum::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let tokens = Tokenizer::new_with_emitter(html, emitter);
    let append = |nodes: &mut Vec<Node>, parent: usize, node: Node| -> usize {
        let id = nodes.len();
        nodes.push(node);
        if let Some(Node::Element { children, .. }) = nodes.get_mut(parent) {
            children.push(id);
        }
        id
    };
    for token in tokens {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let raw = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                // Word's `o:p` and other prefixed elements: their text only.
                if raw.contains(':') {
                    continue;
                }
                let name = raw;
                open.close_implied(&name);
                let (mut colspan, mut rowspan) = (1, 1);
                for (k, v) in &tag.attributes {
                    match k.as_slice() {
                        b"colspan" => colspan = span_attr(v),
                        b"rowspan" => rowspan = span_attr(v),
                        _ => {}
                    }
                }
                let parent = open.parent();
                let id = append(
                    &mut nodes,
                    parent,
                    Node::Element {
                        name: name.clone(),
                        colspan,
                        rowspan,
                        children: Vec::new(),
                    },
                );
                if !VOID.contains(&name.as_str())
                    && !tag.self_closing
                    && open.depth() < limits.max_xml_depth
                {
                    open.push(id, name);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name.contains(':') {
                    continue;
                }
                open.close(&name);
            }
            Token::String(s) => {
                let text = String::from_utf8_lossy(&s.value).into_owned();
                let parent = open.parent();
                // Merge with a preceding text node.
                let last = match nodes.get(parent) {
                    Some(Node::Element { children, .. }) => children.last().copied(),
                    _ => None,
                };
                if let Some(Node::Text(prev)) = last.and_then(|l| nodes.get_mut(l)) {
                    prev.push_str(&text);
                } else {
                    append(&mut nodes, parent, Node::Text(text));
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    Tree {
        nodes,
        #[cfg(test)]
        probes: open.probes,
    }
}

/// The open elements (node id and name, root first), with the stack positions of each name, so
/// that the nearest open element of a name and the nearest boundary are found without walking
/// down the stack: a page of many tags under a deep stack of open elements (hostile, or only
/// deeply nested) stays linear in its size instead of costing the depth for every tag.
struct Open {
    stack: Vec<(usize, String)>,
    /// For each open name, its positions in `stack`, ascending.
    at: HashMap<String, Vec<usize>>,
    /// Stack positions looked at (binary-search probes and elements closed): the work of the
    /// open-element bookkeeping, bounded by a small multiple of the number of tags (a test
    /// holds it to that).
    probes: usize,
}

impl Open {
    fn new() -> Self {
        Open {
            stack: vec![(0, "#root".into())],
            at: HashMap::new(),
            probes: 0,
        }
    }

    fn parent(&self) -> usize {
        self.stack.last().map_or(0, |s| s.0)
    }

    fn depth(&self) -> usize {
        self.stack.len()
    }

    fn push(&mut self, id: usize, name: String) {
        self.at
            .entry(name.clone())
            .or_default()
            .push(self.stack.len());
        self.stack.push((id, name));
    }

    /// Closes the element at position `pos` and everything above it (never the root).
    fn truncate(&mut self, pos: usize) {
        let pos = pos.max(1);
        while self.stack.len() > pos {
            self.probes += 1;
            if let Some((_, name)) = self.stack.pop() {
                if let Some(v) = self.at.get_mut(&name) {
                    v.pop();
                }
            }
        }
    }

    /// The position of the nearest (topmost) open element named `name`.
    fn last(&self, name: &str) -> Option<usize> {
        self.at.get(name).and_then(|v| v.last().copied())
    }

    /// The lowest position of an open `name` above position `floor`.
    fn lowest_above(&mut self, name: &str, floor: usize) -> Option<usize> {
        let v = self.at.get(name)?;
        self.probes += usize::BITS as usize - v.len().leading_zeros() as usize;
        let i = v.partition_point(|&p| p <= floor);
        v.get(i).copied()
    }

    /// Closes the open elements a start tag `name` implies the end of: the lowest open target
    /// above the nearest stop (a `<tr>` closes the open `tr` with the cells and paragraphs
    /// inside it).
    fn close_implied(&mut self, name: &str) {
        let Some((targets, stops)) = implied_closes(name) else {
            return;
        };
        let floor = stops.iter().filter_map(|s| self.last(s)).max().unwrap_or(0);
        let at = targets
            .iter()
            .filter_map(|t| self.lowest_above(t, floor))
            .min();
        if let Some(pos) = at {
            self.truncate(pos);
        }
    }

    /// An end tag: closes up to the open element of that name, but not past a table boundary
    /// (unless the end tag is for the table itself or its parts).
    fn close(&mut self, name: &str) {
        let Some(pos) = self.last(name) else {
            return;
        };
        let table_part = matches!(
            name,
            "table" | "tr" | "td" | "th" | "thead" | "tbody" | "tfoot"
        );
        let boundaries: &[&str] = if !table_part {
            SCOPE
        } else if name != "table" {
            &["table"]
        } else {
            &[]
        };
        let boundary = boundaries
            .iter()
            .filter(|b| **b != name)
            .filter_map(|b| self.last(b))
            .max()
            .unwrap_or(0);
        if pos > boundary {
            self.truncate(pos);
        }
    }
}

impl Tree {
    /// Whether a table holds another table (then it frames the page's layout).
    pub(super) fn holds_table(&self, id: usize) -> bool {
        let mut todo: Vec<usize> = match self.nodes.get(id) {
            Some(Node::Element { children, .. }) => children.clone(),
            _ => return false,
        };
        while let Some(n) = todo.pop() {
            if let Some(Node::Element { name, children, .. }) = self.nodes.get(n) {
                if name == "table" {
                    return true;
                }
                todo.extend(children.iter().copied());
            }
        }
        false
    }

    fn children(&self, id: usize) -> &[usize] {
        match self.nodes.get(id) {
            Some(Node::Element { children, .. }) => children,
            _ => &[],
        }
    }

    fn name(&self, id: usize) -> &str {
        match self.nodes.get(id) {
            Some(Node::Element { name, .. }) => name,
            _ => "",
        }
    }

    /// The rows of a table, each its cells (`td`/`th`).
    pub(super) fn rows(&self, table: usize) -> Vec<Vec<usize>> {
        let mut rows = Vec::new();
        let mut trs = Vec::new();
        for &c in self.children(table) {
            match self.name(c) {
                "tr" => trs.push(c),
                "thead" | "tbody" | "tfoot" => trs.extend(
                    self.children(c)
                        .iter()
                        .copied()
                        .filter(|&r| self.name(r) == "tr"),
                ),
                _ => {}
            }
        }
        for tr in trs {
            let cells: Vec<usize> = self
                .children(tr)
                .iter()
                .copied()
                .filter(|&c| matches!(self.name(c), "td" | "th"))
                .collect();
            rows.push(cells);
        }
        rows
    }

    /// A cell's (colspan, rowspan).
    pub(super) fn spans(&self, id: usize) -> (usize, usize) {
        match self.nodes.get(id) {
            Some(Node::Element {
                colspan, rowspan, ..
            }) => (*colspan, *rowspan),
            _ => (1, 1),
        }
    }
}

/// The open elements a start tag `name` implies the end of: `(targets, stops)`, the lowest open
/// target above the nearest stop is closed (a `<tr>` closes the open `tr` with the cells and
/// paragraphs inside it). `None`: the tag closes nothing.
fn implied_closes(name: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match name {
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "tr" => (&["tr"], &["table"]),
        "thead" | "tbody" | "tfoot" => (&["thead", "tbody", "tfoot", "tr"], &["table"]),
        "li" => (&["li"], &["ul", "ol", "td", "th", "table"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl", "td", "th", "table"]),
        "p" | "div" | "table" | "ul" | "ol" | "dl" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        | "pre" | "blockquote" | "section" | "article" | "hr" => (&["p"], SCOPE),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The open-element rules as first written: a walk down the stack for every tag. The
    /// indexed [`Open`] must close exactly the same elements.
    fn reference_close_implied(stack: &mut Vec<(usize, String)>, name: &str) {
        let Some((targets, stops)) = implied_closes(name) else {
            return;
        };
        let mut at = None;
        for (i, (_, n)) in stack.iter().enumerate().rev() {
            if stops.contains(&n.as_str()) || i == 0 {
                break;
            }
            if targets.contains(&n.as_str()) {
                at = Some(i);
            }
        }
        if let Some(i) = at {
            stack.truncate(i);
        }
    }

    fn reference_close(stack: &mut Vec<(usize, String)>, name: &str) {
        let table_part = matches!(
            name,
            "table" | "tr" | "td" | "th" | "thead" | "tbody" | "tfoot"
        );
        let mut at = None;
        for (i, (_, n)) in stack.iter().enumerate().rev() {
            if n == name {
                at = Some(i);
                break;
            }
            if i == 0
                || (!table_part && SCOPE.contains(&n.as_str()))
                || (table_part && name != "table" && n == "table")
            {
                break;
            }
        }
        if let Some(i) = at {
            if i > 0 {
                stack.truncate(i);
            }
        }
    }

    #[test]
    fn indexed_open_elements_close_what_the_walk_closes() {
        const NAMES: &[&str] = &[
            "table",
            "tr",
            "td",
            "th",
            "tbody",
            "thead",
            "p",
            "div",
            "li",
            "ul",
            "ol",
            "dl",
            "dd",
            "dt",
            "b",
            "i",
            "html",
            "hr",
            "h2",
            "blockquote",
        ];
        let mut open = Open::new();
        let mut reference: Vec<(usize, String)> = vec![(0, "#root".into())];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for id in 1..200_000usize {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let name = NAMES[(seed % NAMES.len() as u64) as usize];
            if seed >> 40 & 1 == 0 {
                open.close_implied(name);
                reference_close_implied(&mut reference, name);
                if open.depth() < 64 {
                    open.push(id, name.to_string());
                    reference.push((id, name.to_string()));
                }
            } else {
                open.close(name);
                reference_close(&mut reference, name);
            }
            assert_eq!(open.stack, reference, "after tag {id} ({name})");
        }
    }

    #[test]
    fn many_tags_under_a_deep_stack_stay_linear() {
        // 255 open elements in a cell, then 20,000 paragraphs and 20,000 end tags of an element
        // that is not open: the walk down the stack looked at ~250 elements for each tag.
        let html = format!(
            "<table><tr><td>{}{}{}</td></tr></table>",
            "<div>".repeat(300),
            "<p>x</p>".repeat(20_000),
            "</i>".repeat(20_000)
        );
        let tree = build(&html, &Limits::default());
        let tags = 3 + 300 + 2 * 20_000 + 20_000;
        assert!(
            tree.probes < 8 * tags,
            "{} probes for {tags} tags",
            tree.probes
        );
        let paragraphs = tree
            .nodes
            .iter()
            .filter(|n| matches!(n, Node::Element { name, .. } if name == "p"))
            .count();
        assert_eq!(paragraphs, 20_000);
    }
}
