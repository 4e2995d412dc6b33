//! nianbao: checks the tables of a 政府信息公开工作年度报告 (.docx) for consistency.
//!
//! The crate is a one-way pipeline, one folder per stage (docs/ARCHITECTURE.md):
//!
//! `bytes → intake → docx → model → report → rules → findings → present`
//!
//! * [`intake`]: sniffs the file type, detects compound files, reads the OPC parts it needs
//!   with bounded inflation.
//! * [`docx`]: streams the Word main part with quick-xml into the [`model`].
//! * [`model`]: the format-neutral document: paragraphs and rectangular table grids.
//! * [`report`]: recognises the format version, the text and the three standard tables as
//!   typed values.
//! * [`rules`]: the catalogue of checks ([`rules::RuleId`]), run on a [`rules::RuleContext`];
//!   each rule yields [`findings::Finding`]s pointing at [`findings::Location`]s.
//! * [`messages`]: every Chinese message, rendered from the typed data the stages return
//!   ([`rejection::Refusal`], [`report::Ambiguity`], the rules' values).
//! * [`present`]: plain text, JSON Lines and CSV presenters for the command-line tool, and
//!   [`present::annotate`]: the user's own .docx with a Word comment on every finding (and,
//!   optionally, the suggested corrections as tracked changes).
//!
//! [`check::check_bytes`] runs the whole pipeline and returns the [`contract::CheckResult`].
//! `wasm` is a thin browser binding over it. `tests/architecture.rs` keeps the stages from
//! importing later ones.

pub mod check;
pub mod contract;
pub mod docx;
pub mod findings;
#[cfg(feature = "readers")]
pub mod html;
pub mod intake;
pub mod limits;
pub mod messages;
pub mod model;
pub mod opc;
pub mod present;
pub mod rejection;
pub mod report;
pub mod rules;
#[cfg(feature = "readers")]
pub mod word97;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(feature = "readers")]
pub use check::check_pasted;
pub use check::{
    analyse, annotate_analysed, annotate_bytes, annotate_results, check_analysed, check_batch,
    check_bytes, check_bytes_with, check_document, check_document_noting, check_report,
    check_with_previous, check_with_previous_noting, pair_files, previous_counterpart, Analysed,
    Links, Options, PreviousFile,
};
pub use contract::{CheckResult, PreviousInfo, Status};
pub use intake::too_large_input;
pub use limits::Limits;
pub use rejection::{Rejection, RejectionCode};
pub use report::ReportKind;
