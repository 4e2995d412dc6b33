//! The paragraph styles of the styles part: which styles carry automatic numbering or an
//! outline level, following `w:basedOn` chains.

use super::{attr, attr_num, split_prefix};
use crate::limits::Limits;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// Longest `w:basedOn` chain followed when resolving a style.
const MAX_STYLE_CHAIN: usize = 16;
/// Most paragraph styles kept from the styles part.
const MAX_STYLES: usize = 20_000;

/// What a paragraph inherits from its style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct StyleProps {
    pub(super) num_id: Option<u32>,
    pub(super) ilvl: Option<u8>,
    pub(super) outline: Option<u8>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct StyleDef {
    based_on: Option<String>,
    props: StyleProps,
}

/// The paragraph styles of the styles part.
#[derive(Debug, Clone, Default)]
pub(super) struct Styles {
    pub(super) map: HashMap<String, StyleDef>,
}

impl Styles {
    /// Parses the styles part; a malformed or over-deep part yields no styles.
    pub(super) fn parse(xml: &[u8], limits: &Limits) -> Styles {
        Self::try_parse(xml, limits).unwrap_or_default()
    }

    fn try_parse(xml: &[u8], limits: &Limits) -> Option<Styles> {
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum S {
            Root,
            Style,
            PPr,
            NumPr,
            Other,
        }
        let text = std::str::from_utf8(xml).ok()?;
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        // Offset of `reader`'s input within `text` (the reader is restarted after a jump).
        let mut base = 0usize;
        let mut out = Styles::default();
        let mut stack: Vec<S> = Vec::with_capacity(16);
        // (id, is a paragraph style, definition)
        let mut cur: Option<(String, bool, StyleDef)> = None;
        loop {
            let (e, empty) = match reader.read_event().ok()? {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    if stack.pop()? == S::Style {
                        if let Some((id, is_para, def)) = cur.take() {
                            if is_para && out.map.len() < MAX_STYLES {
                                out.map.insert(id, def);
                            }
                        }
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            if stack.len() >= limits.max_xml_depth {
                return None;
            }
            let qname = e.name();
            // `text` is a str: every name in it is too.
            let name: &str = std::str::from_utf8(qname.as_ref()).ok()?;
            let local = split_prefix(name.as_bytes())
                .map_or(name, |(_, l)| std::str::from_utf8(l).unwrap_or_default());
            let parent = stack.last().copied();
            // Most of a styles part is table and character styles and latent styles: jump over
            // them to their end tag instead of reading them event by event (styles do not nest).
            if parent == Some(S::Root)
                && !empty
                && (local != "style" || attr(&e, "type").is_some_and(|t| t != "paragraph"))
            {
                let pos = base.saturating_add(usize::try_from(reader.buffer_position()).ok()?);
                let close = format!("</{name}>");
                if let Some(end) = text.get(pos..).and_then(|rest| rest.find(&close)) {
                    base = pos + end + close.len();
                    reader = Reader::from_str(text.get(base..)?);
                    // The restarted reader has not seen the open root element.
                    reader.config_mut().check_end_names = false;
                    reader.config_mut().allow_unmatched_ends = true;
                    continue;
                }
            }
            let kind = match (parent, local) {
                (None, _) => S::Root,
                (Some(S::Root), "style") => {
                    let id = attr(&e, "styleId").unwrap_or_default();
                    let is_para = attr(&e, "type").is_none_or(|t| t == "paragraph");
                    cur = Some((id, is_para, StyleDef::default()));
                    S::Style
                }
                (Some(S::Style), "basedOn") => {
                    if let Some(c) = cur.as_mut() {
                        c.2.based_on = attr(&e, "val");
                    }
                    S::Other
                }
                (Some(S::Style), "pPr") => S::PPr,
                (Some(S::PPr), "numPr") => S::NumPr,
                (Some(S::PPr), "outlineLvl") => {
                    if let (Some(c), Some(v)) = (cur.as_mut(), attr_num(&e, "val")) {
                        c.2.props.outline = Some(v.min(9) as u8);
                    }
                    S::Other
                }
                (Some(S::NumPr), "numId") => {
                    if let (Some(c), Some(v)) = (cur.as_mut(), attr_num(&e, "val")) {
                        c.2.props.num_id = Some(v.min(u32::MAX as u64) as u32);
                    }
                    S::Other
                }
                (Some(S::NumPr), "ilvl") => {
                    if let (Some(c), Some(v)) = (cur.as_mut(), attr_num(&e, "val")) {
                        c.2.props.ilvl = Some(v.min(u8::MAX as u64) as u8);
                    }
                    S::Other
                }
                _ => S::Other,
            };
            if empty {
                if kind == S::Style {
                    if let Some((id, is_para, def)) = cur.take() {
                        if is_para && out.map.len() < MAX_STYLES {
                            out.map.insert(id, def);
                        }
                    }
                }
            } else {
                stack.push(kind);
            }
        }
        if !stack.is_empty() {
            return None;
        }
        Some(out)
    }

    /// The numbering and outline level a paragraph with style `id` inherits, following
    /// `w:basedOn` for a bounded number of steps (cycles end there too).
    pub(super) fn resolve(&self, id: &str) -> StyleProps {
        let mut out = StyleProps::default();
        let mut next = Some(id);
        for _ in 0..MAX_STYLE_CHAIN {
            let Some(def) = next.and_then(|id| self.map.get(id)) else {
                break;
            };
            out.num_id = out.num_id.or(def.props.num_id);
            out.ilvl = out.ilvl.or(def.props.ilvl);
            out.outline = out.outline.or(def.props.outline);
            next = def.based_on.as_deref();
        }
        out
    }
}
