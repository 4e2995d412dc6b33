//! The integration tests of the core, as one test binary (as ripgrep does): each file is a
//! module, and `support` (real .docx packages built from XML, the reports built from specs, the
//! real-report fixtures) is compiled once for all of them. `tests/architecture.rs` (reads the
//! sources) and `tests/wasm.rs` (runs on wasm32) stay separate binaries.
//!
//! Run one file's tests with a filter: `cargo test --test it annotate::`.

mod support;

mod annotate;
mod batch_engine;
mod cell_names;
mod cross_year;
mod docs;
mod document_quirks;
mod hier;
mod json_contract;
mod messy;
mod mutations;
mod narrative;
mod narrative_corpus;
mod narrative_real_corpus;
mod outcome;
mod prose_checks;
mod prose_rules_corpus;
mod real_reports;
mod rejections;
mod rule_examples;
mod seed_snapshot;
mod seeds;
mod structure_rules;
mod variants;
