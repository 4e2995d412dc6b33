//! Presenters: readable text (`text.rs`), JSON Lines (`json.rs`) and CSV (`csv.rs`) for the
//! command-line tool, each from the result contract; the rows the CSV and the spreadsheet share
//! (`rows.rs`); the spreadsheet (`xlsx`, feature `xlsx`); and the annotated report
//! ([`annotate`]: the user's own .docx with a Word comment on every finding).

pub mod annotate;
mod csv;
// The JSON Lines presenter is the command line's (the page takes JSON text from src/wasm.rs).
#[cfg(not(target_arch = "wasm32"))]
mod json;
mod rows;
mod text;
#[cfg(feature = "xlsx")]
pub mod xlsx;

/// The command line's batch line, in the words of the outcomes.
pub use crate::messages::{batch_tally, outcome_label};
pub use csv::{csv_rows, CSV_BOM, CSV_HEADER};
#[cfg(not(target_arch = "wasm32"))]
pub use json::{json_line, json_line_into};
pub use rows::{finding_rows, summary_row, Field, SUMMARY_HEADER};
pub use text::text;
