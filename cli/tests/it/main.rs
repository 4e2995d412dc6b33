//! The command-line tool's integration tests, as one test binary: each file is a module;
//! `common` runs the built binary, `support` is the core's test support (real .docx packages
//! built from XML and from report specs), compiled once.

mod common;
#[path = "../../../tests/it/support/mod.rs"]
mod support;

mod batch_once;
mod cli;
mod cross_year;
mod outputs;
mod readers;
