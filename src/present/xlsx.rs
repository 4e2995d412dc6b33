//! The batch as a spreadsheet (.xlsx): a 问题清单 sheet with the columns of the CSV
//! ([`super::finding_rows`]) and a 汇总 sheet, one row per file ([`super::summary_row`]).
//! Written with `rust_xlsxwriter`; numbers are written as numbers, text as text (never as a
//! formula).

use super::{finding_rows, summary_row, Field, CSV_HEADER, SUMMARY_HEADER};
use crate::contract::CheckResult;
use crate::messages::AnnotateProblem;
use crate::rejection::Rejection;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// Sheet names.
pub use crate::messages::{FINDINGS_SHEET, SUMMARY_SHEET};

/// The most rows a sheet holds (Excel's limit, less the header and a note).
const MAX_ROWS: usize = 1_048_576 - 2;
/// The most characters of a cell (Excel's limit is 32,767).
const MAX_CELL_CHARS: usize = 32_000;

/// The workbook of a batch: `entries` are (file name, result) in the order to list them.
/// `date` (ISO 8601, e.g. `2026-12-01T08:00:00Z`) is the workbook's creation date; the core
/// never reads the clock, so without it the date is left at 1970-01-01.
pub fn xlsx(entries: &[(&str, &CheckResult)], date: Option<&str>) -> Result<Vec<u8>, Rejection> {
    build(entries, date).map_err(|e| {
        Rejection::from(AnnotateProblem::Xlsx {
            error: e.to_string(),
        })
    })
}

fn build(entries: &[(&str, &CheckResult)], date: Option<&str>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = date
        .and_then(|d| ExcelDateTime::parse_from_str(d).ok())
        .map_or_else(|| ExcelDateTime::from_ymd(1970, 1, 1), Ok)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(crate::messages::XLSX_TITLE)
            .set_author("nianbao")
            .set_creation_datetime(&created),
    );
    let header = Format::new().set_bold();

    let sheet = workbook.add_worksheet();
    sheet.set_name(FINDINGS_SHEET)?;
    let rows = entries
        .iter()
        .flat_map(|(file, result)| finding_rows(file, result));
    write_sheet(
        sheet,
        &CSV_HEADER.split(',').collect::<Vec<_>>(),
        rows,
        &header,
        &[28.0, 8.0, 12.0, 6.0, 6.0, 36.0, 28.0, 8.0, 8.0, 80.0],
    )?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(SUMMARY_SHEET)?;
    let rows = entries
        .iter()
        .map(|(file, result)| summary_row(file, result));
    write_sheet(
        sheet,
        &SUMMARY_HEADER,
        rows,
        &header,
        &[28.0, 28.0, 8.0, 10.0, 6.0, 6.0, 8.0, 60.0],
    )?;
    workbook.save_to_buffer()
}

fn write_sheet(
    sheet: &mut Worksheet,
    header: &[&str],
    rows: impl Iterator<Item = Vec<Field>>,
    bold: &Format,
    widths: &[f64],
) -> Result<(), XlsxError> {
    for (c, (name, width)) in header.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, bold)?;
        sheet.set_column_width(c as u16, *width)?;
    }
    let mut n = 0usize;
    for row in rows {
        if n == MAX_ROWS {
            sheet.write_string((n + 1) as u32, 0, crate::messages::XLSX_TOO_MANY_ROWS)?;
            break;
        }
        let r = (n + 1) as u32;
        for (c, field) in row.iter().enumerate() {
            match field {
                Field::Number { value, .. } if value.is_finite() => {
                    sheet.write_number(r, c as u16, *value)?;
                }
                Field::Text(s) if s.is_empty() => {}
                other => {
                    sheet.write_string(r, c as u16, bounded(other.text()))?;
                }
            }
        }
        n += 1;
    }
    let last_col = header.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, n.max(1) as u32, last_col)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Cell text within Excel's bound.
fn bounded(s: &str) -> String {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
