//! Findings: what the rules say about one report, pointing at the cells involved.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
    /// Chinese name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
        }
    }
}

/// A number, a decimal amount or a text, as found in or expected of a cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Quantity {
    Int(i64),
    Decimal(f64),
    Text(String),
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Quantity::Int(v) => write!(f, "{v}"),
            Quantity::Decimal(v) => f.write_str(&format_decimal(*v)),
            Quantity::Text(s) => write!(f, "{s}"),
        }
    }
}

/// Formats a decimal with up to six fraction digits, trailing zeros dropped, using integer
/// arithmetic only (float formatting code is large in the wasm build).
pub fn format_decimal(v: f64) -> String {
    if !v.is_finite() || v.abs() >= 9.0e12 {
        return if v.is_sign_negative() {
            "-∞".to_string()
        } else {
            "∞".to_string()
        };
    }
    let scaled = (v.abs() * 1_000_000.0 + 0.5) as i64;
    let (int, frac) = (scaled / 1_000_000, scaled % 1_000_000);
    let sign = if v < 0.0 && scaled != 0 { "-" } else { "" };
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let frac = format!("{frac:06}");
    format!("{sign}{int}.{}", frac.trim_end_matches('0'))
}

/// A cell of the document: the physical table (index into `Document::tables`) and the grid
/// position of the cell's top-left slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct CellRef {
    pub table: usize,
    pub row: usize,
    pub col: usize,
}

/// Where a finding points: a cell of a report table, or a span of a paragraph's text.
///
/// `doc` is 0 for the document under check and 1 for the previous-year document of the rule
/// context; `report` is the index of the report inside that document (0 unless one file holds
/// several reports).
///
/// Serializes as an object whose first field is `"kind": "cell"` or `"kind": "text"`
/// (written by hand: serde's derived internally tagged form costs more code in the wasm build).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A cell: the physical table (order of `w:tbl` start tags, nested included) and the grid
    /// slot of the cell's top-left, as in [`CellRef`].
    Cell {
        doc: u8,
        report: usize,
        table: usize,
        row: usize,
        col: usize,
    },
    /// A span of a paragraph's text: the paragraph's source ordinal (index of its `w:p` among
    /// all `w:p` of the main part), character offsets (Unicode scalar values) of the span in the
    /// paragraph's text, and the whole sentence holding it.
    Text {
        doc: u8,
        report: usize,
        paragraph: usize,
        start: usize,
        end: usize,
        sentence: String,
    },
}

impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match self {
            Location::Cell {
                doc,
                report,
                table,
                row,
                col,
            } => {
                let mut m = s.serialize_struct("Location", 6)?;
                m.serialize_field("kind", "cell")?;
                m.serialize_field("doc", doc)?;
                m.serialize_field("report", report)?;
                m.serialize_field("table", table)?;
                m.serialize_field("row", row)?;
                m.serialize_field("col", col)?;
                m.end()
            }
            Location::Text {
                doc,
                report,
                paragraph,
                start,
                end,
                sentence,
            } => {
                let mut m = s.serialize_struct("Location", 7)?;
                m.serialize_field("kind", "text")?;
                m.serialize_field("doc", doc)?;
                m.serialize_field("report", report)?;
                m.serialize_field("paragraph", paragraph)?;
                m.serialize_field("start", start)?;
                m.serialize_field("end", end)?;
                m.serialize_field("sentence", sentence)?;
                m.end()
            }
        }
    }
}

impl Location {
    /// A cell of report `report` of document `doc`.
    pub fn cell(doc: u8, report: usize, cell: CellRef) -> Location {
        Location::Cell {
            doc,
            report,
            table: cell.table,
            row: cell.row,
            col: cell.col,
        }
    }
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable rule id, e.g. `T3.ROW`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Chinese, complete: what is wrong, what the value should be, which cells disagree.
    pub message: String,
    /// 2, 3 or 4 for a finding about a standard table; `None` for the document as a whole.
    pub table: Option<u8>,
    /// Official row labels of the main cell, outermost first (empty when not about one row).
    pub row: Vec<String>,
    /// Official column labels of the main cell, outermost first.
    pub column: Vec<String>,
    pub expected: Option<Quantity>,
    pub actual: Option<Quantity>,
    /// The cells involved; the first is the main cell (the one that holds `actual`).
    pub cells: Vec<CellRef>,
    /// The cell most likely to be wrong when it breaks more than one rule.
    pub culprit: Option<CellRef>,
    /// Where the finding points, the main location first: the cells (in the order of `cells`),
    /// then the text spans involved.
    pub locations: Vec<Location>,
}

impl Finding {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::format_decimal;

    #[test]
    fn decimals_format_without_float_formatting() {
        assert_eq!(format_decimal(7730.28), "7730.28");
        assert_eq!(format_decimal(1.5), "1.5");
        assert_eq!(format_decimal(-2.5), "-2.5");
        assert_eq!(format_decimal(3.0), "3");
        assert_eq!(format_decimal(0.005), "0.005");
    }
}
