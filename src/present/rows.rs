//! The findings list and the batch summary as rows of fields, shared by the CSV (`csv.rs`) and
//! the spreadsheet (`xlsx.rs`): the same columns, numbers kept as numbers for the spreadsheet.

use crate::contract::{CheckResult, Status};
use crate::findings::Quantity;
use crate::messages;

/// One field of a findings-list row: text, or a number (a spreadsheet writes it as a number).
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Text(String),
    Number { value: f64, text: String },
}

impl Field {
    /// The field as written in the CSV.
    pub fn text(&self) -> &str {
        match self {
            Field::Text(s) | Field::Number { text: s, .. } => s,
        }
    }
}

fn quantity_field(q: Option<&Quantity>) -> Field {
    match q {
        Some(Quantity::Int(v)) => Field::Number {
            value: *v as f64,
            text: v.to_string(),
        },
        Some(Quantity::Decimal(v)) => Field::Number {
            value: *v,
            text: q.map(|q| q.to_string()).unwrap_or_default(),
        },
        Some(q) => Field::Text(q.to_string()),
        None => Field::Text(String::new()),
    }
}

/// The findings list of one file, one row per finding in the columns of [`super::CSV_HEADER`]; a
/// rejected file or a file without findings gets one row too, so every file appears. Shared by
/// the CSV and the spreadsheet.
pub fn finding_rows(file: &str, result: &CheckResult) -> Vec<Vec<Field>> {
    let t = |s: &str| Field::Text(s.to_string());
    match result.status {
        Status::Rejected => {
            let (code, msg) = result
                .rejection
                .as_ref()
                .map(|r| (r.code.as_str(), r.message.as_str()))
                .unwrap_or(("", ""));
            vec![[
                file,
                status_label(result),
                code,
                "",
                "",
                "",
                "",
                "",
                "",
                msg,
            ]
            .iter()
            .map(|s| t(s))
            .collect()]
        }
        Status::Checked if result.findings.is_empty() => {
            let note = messages::PASSED.1;
            vec![
                [file, status_label(result), "", "", "", "", "", "", "", note]
                    .iter()
                    .map(|s| t(s))
                    .collect(),
            ]
        }
        Status::Checked => result
            .findings
            .iter()
            .map(|f| {
                let table = f.table.map(messages::table_name).unwrap_or_default();
                vec![
                    t(file),
                    t(status_label(result)),
                    t(f.rule.as_str()),
                    t(f.severity.label()),
                    Field::Text(table),
                    Field::Text(f.row.join(" / ")),
                    Field::Text(f.column.join(" / ")),
                    quantity_field(f.expected.as_ref()),
                    quantity_field(f.actual.as_ref()),
                    t(&f.message),
                ]
            })
            .collect(),
    }
}

/// The summary of one file, in the columns of [`SUMMARY_HEADER`].
pub fn summary_row(file: &str, result: &CheckResult) -> Vec<Field> {
    let r = &result.report;
    let checked = result.status == Status::Checked;
    let count = |n: usize| {
        if checked {
            Field::Number {
                value: n as f64,
                text: n.to_string(),
            }
        } else {
            Field::Text(String::new())
        }
    };
    let note = match &result.rejection {
        Some(rej) => rej.message.clone(),
        None => String::new(),
    };
    vec![
        Field::Text(file.to_string()),
        Field::Text(r.agency.clone().unwrap_or_default()),
        match r.year {
            Some(y) => Field::Number {
                value: y as f64,
                text: y.to_string(),
            },
            None => Field::Text(String::new()),
        },
        Field::Text(
            r.format
                .as_deref()
                .map(messages::format_name)
                .unwrap_or_default(),
        ),
        count(result.errors()),
        count(result.warnings()),
        Field::Text(status_label(result).to_string()),
        Field::Text(note),
    ]
}

/// The columns of the batch summary ([`summary_row`]).
pub use crate::messages::SUMMARY_HEADER;

/// The 状态 column: the report's [`crate::findings::Outcome`] in words (as the page shows it).
fn status_label(r: &CheckResult) -> &'static str {
    crate::messages::outcome_label(r.outcome())
}
