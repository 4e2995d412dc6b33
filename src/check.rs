//! The whole pipeline, bytes to findings, as one call shared by the CLI and the browser binding:
//! intake → docx → model → report → rules → findings → contract.

use crate::contract::{CheckResult, ReportInfo, Status, TableView, Values, CONTRACT_VERSION};
use crate::docx;
use crate::findings::{group_findings, Finding, Location};
use crate::intake;
use crate::limits::Limits;
use crate::model::Document;
use crate::rejection::Rejection;
use crate::report::{self, KindReading, Report, ReportKind};
use crate::rules::{self, RuleContext, RuleOptions};

/// Options for [`check_bytes_with`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    /// Include the report tables' grids in the result (for drawing them).
    pub with_tables: bool,
    /// The kind of report (which publication deadline applies), when the user knows it;
    /// `None` infers it from the agency name and the text.
    pub report_kind: Option<ReportKind>,
}

/// Checks one file's bytes with default limits, without table grids.
pub fn check_bytes(bytes: &[u8]) -> CheckResult {
    check_bytes_with(bytes, &Options::default())
}

/// Checks one file's bytes: the result of its first report (a file normally holds one; see
/// [`check_document`] for every report of a file holding several).
pub fn check_bytes_with(bytes: &[u8], options: &Options) -> CheckResult {
    let mut results = check_document(bytes, options);
    if results.is_empty() {
        return CheckResult::rejected(Rejection::new(
            crate::rejection::RejectionCode::NoReportTables,
            "未找到年报".to_string(),
        ));
    }
    results.swap_remove(0)
}

/// Checks every report of one file: one result per report, in document order (`report.index`
/// 0, 1, …, each with `report.count`). A rejected file gives one rejected result. Never empty.
pub fn check_document(bytes: &[u8], options: &Options) -> Vec<CheckResult> {
    match run(bytes, options) {
        Ok(r) => r,
        Err(rejection) => vec![CheckResult::rejected(rejection)],
    }
}

fn run(bytes: &[u8], options: &Options) -> Result<Vec<CheckResult>, Rejection> {
    let pkg = intake::open(bytes, &options.limits)?;
    let doc = docx::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), &options.limits)?;
    let reports = report::recognise_all(&doc)?;
    let rule_options = RuleOptions::default();
    Ok(reports
        .into_iter()
        .map(|mut report| {
            if let Some(kind) = options.report_kind {
                report.kind = Some(KindReading::chosen(kind));
            }
            let mut findings = rules::run_all(&RuleContext::new(&report, &doc, &rule_options));
            for f in &mut findings {
                for l in &mut f.locations {
                    set_report(l, report.index);
                }
            }
            assemble(&doc, &report, findings, options.with_tables)
        })
        .collect())
}

/// Points a location of the document under check at report `index` of it.
fn set_report(location: &mut Location, index: usize) {
    match location {
        Location::Cell { doc: 0, report, .. } | Location::Text { doc: 0, report, .. } => {
            *report = index
        }
        _ => {}
    }
}

fn assemble(
    doc: &Document,
    report: &Report,
    mut findings: Vec<Finding>,
    with_tables: bool,
) -> CheckResult {
    let groups = group_findings(&mut findings, crate::messages::group);
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
        groups,
        values: Values::of(report),
        tables,
    }
}
