//! The whole pipeline, bytes to findings, as one call shared by the CLI and the browser binding:
//! intake → docx → model → report → rules → findings → contract.

use crate::contract::{CheckResult, ReportInfo, Status, TableView, Values, CONTRACT_VERSION};
use crate::docx;
use crate::findings::Finding;
use crate::intake;
use crate::limits::Limits;
use crate::model::Document;
use crate::rejection::Rejection;
use crate::report::{self, Report};
use crate::rules::{self, RuleContext, RuleOptions};

/// Options for [`check_bytes_with`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    /// Include the report tables' grids in the result (for drawing them).
    pub with_tables: bool,
}

/// Checks one file's bytes with default limits, without table grids.
pub fn check_bytes(bytes: &[u8]) -> CheckResult {
    check_bytes_with(bytes, &Options::default())
}

/// Checks one file's bytes.
pub fn check_bytes_with(bytes: &[u8], options: &Options) -> CheckResult {
    match run(bytes, options) {
        Ok(r) => r,
        Err(rejection) => CheckResult::rejected(rejection),
    }
}

fn run(bytes: &[u8], options: &Options) -> Result<CheckResult, Rejection> {
    let pkg = intake::open(bytes, &options.limits)?;
    let doc = docx::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), &options.limits)?;
    let report = report::recognise(&doc)?;
    let rule_options = RuleOptions::default();
    let findings = rules::run_all(&RuleContext::new(&report, &doc, &rule_options));
    Ok(assemble(&doc, &report, findings, options.with_tables))
}

fn assemble(
    doc: &Document,
    report: &Report,
    findings: Vec<Finding>,
    with_tables: bool,
) -> CheckResult {
    let tables = if with_tables {
        report
            .physical_tables()
            .into_iter()
            .filter_map(|(index, kind)| doc.tables.get(index).map(|t| TableView::of(t, kind)))
            .collect()
    } else {
        Vec::new()
    };
    CheckResult {
        version: CONTRACT_VERSION,
        status: Status::Checked,
        rejection: None,
        report: ReportInfo::of(report),
        findings,
        values: Values::of(report),
        tables,
    }
}
