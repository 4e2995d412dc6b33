//! nianbao: checks the tables of a 政府信息公开工作年度报告 (.docx) for consistency.
//!
//! The crate is a one-way pipeline, one module per stage:
//!
//! `bytes → package → document → report → rules → findings → presenters`
//!
//! * [`package`]: sniffs the file type and reads the OPC parts it needs, with bounded inflation.
//! * [`document`]: streams the main part with quick-xml into paragraphs and rectangular table grids.
//! * [`report`]: recognises the format version and the three standard tables as typed values.
//! * [`rules`]: the catalogue of checks; each rule yields [`finding::Finding`]s.
//! * [`present`]: plain text, JSON Lines and CSV presenters for the command-line tool.
//!
//! [`check::check_bytes`] runs the whole pipeline. `wasm` is a thin browser binding over it.

pub mod check;
pub mod document;
pub mod finding;
pub mod formats;
pub mod labels;
pub mod limits;
pub mod normalize;
pub mod package;
pub mod present;
pub mod rejection;
pub mod report;
pub mod rules;
pub mod value;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use check::{check_bytes, CheckResult};
pub use limits::Limits;
pub use rejection::{Rejection, RejectionCode};
