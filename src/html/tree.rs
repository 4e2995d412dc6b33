//! A small element tree built from `html5gum`'s tokens: enough of the HTML tree-construction
//! rules for paragraphs and tables (void elements, implied ends of `p`, `li`, `td`/`th`, `tr`
//! and table sections, end tags that close up to their open element but never past a table).
//! Depth is bounded by [`Limits::max_xml_depth`]; deeper elements are flattened into their
//! parent.

use crate::limits::Limits;
use html5gum::{Token, Tokenizer};

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
    let mut stack: Vec<(usize, String)> = vec![(0, "#root".into())];
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
                close_implied(&mut stack, &name);
                let (mut colspan, mut rowspan) = (1, 1);
                for (k, v) in &tag.attributes {
                    match k.as_slice() {
                        b"colspan" => colspan = span_attr(v),
                        b"rowspan" => rowspan = span_attr(v),
                        _ => {}
                    }
                }
                let parent = stack.last().map_or(0, |s| s.0);
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
                    && stack.len() < limits.max_xml_depth
                {
                    stack.push((id, name));
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name.contains(':') {
                    continue;
                }
                close(&mut stack, &name);
            }
            Token::String(s) => {
                let text = String::from_utf8_lossy(&s.value).into_owned();
                let parent = stack.last().map_or(0, |s| s.0);
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
    Tree { nodes }
}

/// Closes the open elements a start tag `name` implies the end of.
fn close_implied(stack: &mut Vec<(usize, String)>, name: &str) {
    let (targets, stops): (&[&str], &[&str]) = match name {
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "tr" => (&["tr"], &["table"]),
        "thead" | "tbody" | "tfoot" => (&["thead", "tbody", "tfoot", "tr"], &["table"]),
        "li" => (&["li"], &["ul", "ol", "td", "th", "table"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl", "td", "th", "table"]),
        "p" | "div" | "table" | "ul" | "ol" | "dl" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        | "pre" | "blockquote" | "section" | "article" | "hr" => (&["p"], SCOPE),
        _ => return,
    };
    // The lowest open target above the nearest stop (a `<tr>` closes the open `tr` with the
    // cells and paragraphs inside it).
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

/// An end tag: closes up to the open element of that name, but not past a table boundary
/// (unless the end tag is for the table itself or its parts).
fn close(stack: &mut Vec<(usize, String)>, name: &str) {
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
