//! From a check's findings to anchors: the only part of the writer that knows the check's types.

use super::{annotate, Anchor, AnnotateOptions, Annotated, Target};
use crate::check::{check_bytes_with, CheckResult, Options, Status};
use crate::document::{self, Document};
use crate::finding::{CellRef, Finding, Quantity};
use crate::package;
use crate::rejection::{Rejection, RejectionCode};
use std::collections::BTreeMap;

/// Checks `bytes` and writes the annotated file in one call.
pub fn annotate_bytes(bytes: &[u8], options: &AnnotateOptions) -> Result<(CheckResult, Annotated), Rejection> {
    let result = check_bytes_with(bytes, &Options { limits: options.limits.clone(), with_tables: false });
    let annotated = annotate_result(bytes, &result, options)?;
    Ok((result, annotated))
}

/// Writes the findings of `result` (the check of `bytes`) into the file as comments.
pub fn annotate_result(bytes: &[u8], result: &CheckResult, options: &AnnotateOptions) -> Result<Annotated, Rejection> {
    if result.status == Status::Rejected {
        return Err(result
            .rejection
            .clone()
            .unwrap_or_else(|| Rejection::new(RejectionCode::Internal, "文件未能检查，无法写入批注")));
    }
    let pkg = package::open(bytes, &options.limits)?;
    let doc = document::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), &options.limits)?;
    annotate(bytes, &anchors_for(result, &doc), options)
}

/// The source position of each of `cells` (model cells: physical table, grid row and column)
/// in the file `bytes`, `None` for a cell that is not in the document.
pub fn cell_targets(
    bytes: &[u8],
    cells: &[CellRef],
    options: &AnnotateOptions,
) -> Result<Vec<Option<Target>>, Rejection> {
    let pkg = package::open(bytes, &options.limits)?;
    let doc = document::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), &options.limits)?;
    Ok(cells.iter().map(|c| cell_target(&doc, c)).collect())
}

/// One anchor per finding with a cell (on its main cell), and one per distinct culprit cell,
/// carrying the corrected value when it is known.
pub fn anchors_for(result: &CheckResult, doc: &Document) -> Vec<Anchor> {
    let mut anchors = Vec::new();
    let mut culprits: BTreeMap<CellRef, (Vec<&Finding>, Option<String>)> = BTreeMap::new();
    for f in &result.findings {
        let Some(main) = f.cells.first() else {
            continue;
        };
        let Some(target) = cell_target(doc, main) else {
            continue;
        };
        let mut text = format!("【{}】{}（{}）", f.severity.label(), f.message, f.rule);
        match (&f.expected, &f.actual) {
            (Some(e), Some(a)) => text.push_str(&format!("\n应为：{e}；实为：{a}")),
            (Some(e), None) => text.push_str(&format!("\n应为：{e}")),
            (None, Some(a)) => text.push_str(&format!("\n实为：{a}")),
            (None, None) => {}
        }
        if f.culprit.as_ref() == Some(main) {
            text.push_str("\n此格最可能出错。");
        }
        anchors.push(Anchor { target, text, correction: None });
        if let Some(c) = f.culprit {
            let entry = culprits.entry(c).or_default();
            entry.0.push(f);
            if entry.1.is_none() {
                entry.1 = fix_for(f, &c);
            }
        }
    }
    for (cell, (findings, fix)) in culprits {
        let Some(target) = cell_target(doc, &cell) else {
            continue;
        };
        let mut text = format!("【最可能出错】此格同时涉及 {} 处勾稽关系错误，最可能出错的是这一格", findings.len());
        match &fix {
            Some(v) => text.push_str(&format!("：若改为 {v}，相关的各条勾稽关系都能成立。")),
            None => text.push('。'),
        }
        for f in &findings {
            let first = f.message.split('。').next().unwrap_or(&f.message);
            text.push_str(&format!("\n· {first}（{}）", f.rule));
        }
        anchors.push(Anchor { target, text, correction: fix });
    }
    anchors
}

fn cell_target(doc: &Document, cell: &CellRef) -> Option<Target> {
    let table = doc.tables.get(cell.table)?;
    let c = table.cell_at(cell.row, cell.col)?;
    Some(Target::Cell { table: cell.table, tr: c.source.tr, tc: c.source.tc })
}

/// The corrected value of the culprit `cell`: the finding's expected value when the culprit is
/// its main cell, else the value the culprit rule names ("若改为 N").
fn fix_for(f: &Finding, cell: &CellRef) -> Option<String> {
    if f.cells.first() == Some(cell) {
        if let Some(Quantity::Int(v)) = f.expected {
            return Some(v.to_string());
        }
    }
    let (_, rest) = f.message.split_once("若改为 ")?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    (!digits.is_empty() && digits.len() <= 15).then_some(digits)
}
