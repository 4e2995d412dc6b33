//! nianbao: checks the tables of a 政府信息公开工作年度报告 (.docx) for consistency.
//!
//! The crate is a one-way pipeline, one private module per stage (docs/ARCHITECTURE.md):
//!
//! `bytes → intake → docx → model → report → rules → findings → present`
//!
//! The public API is small:
//!
//! * [`check`]: one file's bytes, [`Options`] and the [`Context`] the batch knows (the previous
//!   year's file, the other files of the same agency and year) → one [`CheckResult`] per
//!   report (the JSON contract of docs/CONTRACT.md). [`check_bytes`] is the shorthand for the
//!   first report with default options.
//! * [`check_batch`]: many files at once, paired by agency and year; [`batch`] holds the pieces
//!   for checking a large batch file by file (what the command-line tool does).
//! * [`annotate`]: the user's .docx with a Word comment on every finding.
//! * [`present`]: the presenters (plain text, JSON Lines, CSV, the spreadsheet, the annotated
//!   report).
//! * [`catalogue`]: the rules, each with its [`RuleId`], documentation and example.
//! * [`words`]: the Chinese text of the tools built on the core.
//! * [`inspect`]: the stages' own types, for the integration tests, benchmarks and fuzz
//!   targets that look inside the pipeline; not a stable interface.
//!
//! `tests/architecture.rs` keeps the stages from importing later ones.

mod check;
mod contract;
mod docx;
mod findings;
#[cfg(feature = "readers")]
mod html;
mod intake;
mod limits;
mod messages;
mod model;
mod opc;
mod order;
pub mod present;
mod rejection;
mod report;
mod rules;
#[cfg(feature = "readers")]
mod word97;

#[cfg(all(target_arch = "wasm32", feature = "bindings"))]
pub mod wasm;

/// A pasted selection (the clipboard's `text/html`) checked through the HTML reader.
#[cfg(feature = "readers")]
pub use check::check_pasted;
pub use check::{
    annotate_bytes as annotate, annotate_results, check, check_batch, check_bytes, Context,
    Options, PreviousBytes,
};
pub use contract::{
    CheckResult, ClaimView, Label, Labels, PreviousInfo, ReportInfo, Status, TableView, ValueEntry,
    Values, CONTRACT_VERSION,
};
pub use findings::Outcome;
pub use findings::{
    label_path, CellRef, Finding, FindingGroup, Fix, LabelPath, Location, Quantity, RuleId,
    Severity, UnknownRule, NO_PROBLEM,
};
pub use intake::too_large_input;
pub use limits::Limits;
pub use rejection::{Rejection, RejectionCode};
pub use report::ReportKind;
pub use rules::{catalogue, catalogue_markdown, Rule, RuleInfo};

/// The batch engine and checking a batch file by file, without holding every document at once
/// (the command-line tool): [`analyse`](batch::analyse) each file, describe its reports
/// ([`items_of`](batch::items_of), with its [`digest`](batch::digest)), let the engine
/// [`decide`](batch::decide) pairs, duplicates and consolidation groups, then
/// [`check_report`](batch::check_report) each report with its [`Links`](batch::Links)
/// ([`fill_notes`](batch::fill_notes), the units' [`figures_of`](batch::figures_of)).
/// [`check_batch`] does all of it in memory; the page asks [`plan`](batch::plan) through the
/// browser binding.
pub mod batch {
    pub use crate::check::batch::{
        decide, digest, items_of, plan, report_name, BatchItem, Decision, PlanFile, PlanRef,
        PlanReport, PlanReportIn,
    };
    pub use crate::check::{
        analyse, annotate_analysed, check_report, fill_notes, previous_counterpart, units_of,
        Analysed, Links, PreviousFile,
    };
    pub use crate::report::pairing::{agency_key, compare, Likeness, PairKey};
    pub use crate::rules::{figures_of, Figure, Unit};
}

/// The Chinese text of the tools built on the core: the command-line tool's words and those of
/// the exports (the core's own messages are written by its stages through `messages`).
pub mod words {
    pub use crate::messages::cli::*;
    pub use crate::messages::exports::*;
    pub use crate::messages::SAVE_AS_DOCX_FOR_ANNOTATION;
}

/// The stages' own types and functions, for the integration tests, the benchmarks and the fuzz
/// targets, which look inside the pipeline (a stage's output, a recognised report, the
/// narrative's claims, a rule's example). The submodules mirror the stages and hold only what
/// those need; they follow the code and are not a stable interface: tools built on nianbao use
/// the items at the crate root.
pub mod inspect {
    /// File type sniffing and the OPC package.
    pub mod intake {
        pub use crate::intake::{open, Package};
    }
    /// The Word reader.
    pub mod docx {
        pub use crate::docx::parse;
    }
    /// Why a file is refused, as data (the readers' problems included).
    pub mod rejection {
        pub use crate::rejection::{Other, ReaderProblem, Refusal};
    }
    /// The HTML reader (feature `readers`).
    #[cfg(feature = "readers")]
    pub mod html {
        pub use crate::html::parse;
    }
    /// The format-neutral document.
    pub mod model {
        pub use crate::model::{Block, Cell, Document, Paragraph, Table};
    }
    /// Recognition: the report, its format, the narrative's claims, pairing.
    pub mod report {
        pub use crate::report::{recognise, Report};
        /// The official formats.
        pub mod formats {
            pub use crate::report::formats::Format;
        }
        /// The narrative's numeric statements.
        pub mod narrative {
            pub use crate::report::narrative::{
                extract, Active, Applicant, CaseKind, Claim, Para, Part, Subject,
            };
        }
        /// Cell values.
        pub mod value {
            pub use crate::report::value::{read, Reading};
        }
        /// Text normalisation.
        pub mod normalize {
            pub use crate::report::normalize::norm;
        }
        /// Pairing reports across years.
        pub mod pairing {
            pub use crate::report::pairing::agency_key;
        }
    }
    /// The rules run on one report, and the rules' examples.
    pub mod rules {
        pub use crate::rules::{
            catalogue_markdown, run_all, run_prose, Edit, Example, RuleContext, RuleId, RuleOptions,
        };
    }
    /// The pipeline run's pieces: the document model of a file, annotation from results,
    /// annotation targets.
    pub mod check {
        pub use crate::check::{
            annotate_bytes, annotate_results, cell_targets, check_batch, document,
        };
    }
}
