//! Presenters for the command-line tool: readable text (`text.rs`), JSON Lines (`json.rs`) and
//! CSV (`csv.rs`), each from the result contract.

mod csv;
// serde_json is a native-only dependency.
#[cfg(not(target_arch = "wasm32"))]
mod json;
mod text;

pub use csv::{csv_rows, CSV_BOM, CSV_HEADER};
#[cfg(not(target_arch = "wasm32"))]
pub use json::json_line;
pub use text::text;
