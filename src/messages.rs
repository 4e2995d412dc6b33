//! Every Chinese message nianbao writes, in one place, one file per family (mirroring
//! `src/rules/`): why a file is refused (from a typed [`Refusal`]), what each rule found (from
//! the rule's data), how an ambiguous reading was resolved (from a typed [`Ambiguity`]), and
//! the words of the outputs (the annotated report's comments, the command-line tool's text,
//! the exports' columns). The stages hand over data; the text is written here, once.
//!
//! A new message goes into its family's file; callers name it `messages::name` (the families
//! are re-exported here).

mod annotate;
mod cells;
pub mod cli;
mod cross_year;
pub mod exports;
mod outcome;
mod prose;
mod readers;
mod rejection;
mod structure;
mod tables;
mod text;

pub use annotate::*;
pub use cells::cell_name;
pub use cli::*;
pub use cross_year::*;
pub use exports::*;
pub use outcome::{batch_tally, outcome_label};
pub use prose::*;
pub use readers::*;
pub use rejection::*;
pub use structure::*;
pub use tables::*;
pub use text::*;

mod batch;
pub use batch::*;

/// Megabytes for messages: whole, or with up to two decimals (integer arithmetic only: float
/// formatting is large in the wasm build).
pub fn mb(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{}", bytes / MIB)
    } else {
        let hundredths = (bytes * 100 + MIB / 2) / MIB;
        let s = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Chinese numeral of a report table (2, 3, 4).
pub fn cn_table(t: u8) -> &'static str {
    match t {
        2 => "二",
        3 => "三",
        4 => "四",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes() {
        assert_eq!(mb(100 * 1024 * 1024), "100");
        assert_eq!(mb(1024 * 1024 + 512 * 1024), "1.5");
    }
}
