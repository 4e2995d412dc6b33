//! From a check's findings to anchors: the only part of the writer that knows the check's types.

use super::{Anchor, Target};
use crate::contract::CheckResult;
use crate::findings::{CellRef, Finding, Location};
use crate::messages;
use crate::model::{Block, Document};
use std::collections::BTreeMap;

/// One anchor per finding of `results` (the reports of one file, as `check_document` gives
/// them), and one per distinct culprit cell carrying its corrected value ([`Finding::fix`])
/// when the rules computed it.
///
/// A finding is anchored on its first location in the document under check (`doc` 0): a cell,
/// or the sentence of a text span; locations in the previous year's report (`doc` 1) are never
/// annotated. A finding with no such location (about the document as a whole, or only about
/// the previous year's report) is anchored on the first paragraph with text, so that every
/// finding has its comment. In a file holding several reports, each comment names its report.
pub fn anchors_for(results: &[CheckResult], doc: &Document) -> Vec<Anchor> {
    let mut anchors = Vec::new();
    let mut culprits: BTreeMap<CellRef, (Vec<&Finding>, Option<String>)> = BTreeMap::new();
    let findings = results.iter().flat_map(|r| {
        let which =
            (r.report.count > 1).then(|| messages::which_report(r.report.index, r.report.count));
        r.findings.iter().map(move |f| (which.clone(), f))
    });
    for (which, f) in findings {
        // A prose finding (TX.*) is about what the text says: its comment goes on the sentence,
        // even when the compared cells are listed first.
        let prose = f.rule.as_str().starts_with("TX.");
        let main = f
            .locations
            .iter()
            .find(|l| prose && location_doc(l) == 0 && matches!(l, Location::Text { .. }))
            .or_else(|| f.locations.iter().find(|l| location_doc(l) == 0));
        let target = match main {
            Some(l) => location_target(doc, l),
            None => first_paragraph(doc),
        };
        let Some(target) = target else {
            continue;
        };
        let main_cell = match main {
            Some(Location::Cell {
                table, row, col, ..
            }) => Some(CellRef {
                table: *table,
                row: *row,
                col: *col,
            }),
            _ => None,
        };
        let culprit_here = main_cell.is_some() && f.culprit == main_cell;
        let text = messages::finding_comment(f, which.as_deref(), culprit_here);
        anchors.push(Anchor {
            target,
            text,
            correction: None,
        });
        if let Some(c) = f.culprit {
            let entry = culprits.entry(c).or_default();
            entry.0.push(f);
            if entry.1.is_none() {
                entry.1 = f
                    .fix
                    .as_ref()
                    .filter(|fix| fix.cell == c)
                    .map(|fix| fix.value.to_string());
            }
        }
    }
    for (cell, (findings, fix)) in culprits {
        let Some(target) = cell_target(doc, &cell) else {
            continue;
        };
        let text = messages::culprit_comment(&findings, fix.as_deref());
        anchors.push(Anchor {
            target,
            text,
            correction: fix,
        });
    }
    anchors
}

fn location_doc(l: &Location) -> u8 {
    match l {
        Location::Cell { doc, .. } | Location::Text { doc, .. } => *doc,
    }
}

/// Where a location of the document under check is in its source.
fn location_target(doc: &Document, l: &Location) -> Option<Target> {
    match l {
        Location::Cell {
            table, row, col, ..
        } => cell_target(
            doc,
            &CellRef {
                table: *table,
                row: *row,
                col: *col,
            },
        ),
        Location::Text {
            paragraph,
            start,
            end,
            sentence,
            ..
        } => Some(sentence_target(doc, *paragraph, *start, *end, sentence)),
    }
}

/// The source position (`w:tr`, `w:tc`) of a model cell, `None` when it is not in the document.
pub fn cell_target(doc: &Document, cell: &CellRef) -> Option<Target> {
    let table = doc.tables.get(cell.table)?;
    let c = table.cell_at(cell.row, cell.col)?;
    Some(Target::Cell {
        table: cell.table,
        tr: c.source.tr,
        tc: c.source.tc,
    })
}

/// The span of the sentence holding `start..end` in paragraph `ordinal`; the span itself when
/// the paragraph or the sentence is not found (a paragraph inside a table cell is not a block).
fn sentence_target(
    doc: &Document,
    ordinal: usize,
    start: usize,
    end: usize,
    sentence: &str,
) -> Target {
    let span = Target::Paragraph {
        ordinal,
        start,
        end,
    };
    if sentence.is_empty() {
        return span;
    }
    let Some(text) = doc.blocks.iter().find_map(|b| match b {
        Block::Paragraph(p) if p.source == ordinal => Some(p.text.as_str()),
        _ => None,
    }) else {
        return span;
    };
    let len = sentence.chars().count();
    let mut best: Option<usize> = None;
    for (byte, _) in text.match_indices(sentence) {
        let s = text[..byte].chars().count();
        if s <= start && end <= s + len {
            best = Some(s);
            break;
        }
        best.get_or_insert(s);
    }
    match best {
        Some(s) => Target::Paragraph {
            ordinal,
            start: s,
            end: s + len,
        },
        None => span,
    }
}

/// The first body paragraph with visible text (the report's title, as a rule).
fn first_paragraph(doc: &Document) -> Option<Target> {
    doc.blocks.iter().find_map(|b| match b {
        Block::Paragraph(p) if !p.text.trim().is_empty() => Some(Target::Paragraph {
            ordinal: p.source,
            start: 0,
            end: p.text.chars().count(),
        }),
        _ => None,
    })
}
