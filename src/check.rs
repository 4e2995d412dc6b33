//! The whole pipeline, bytes to findings, as one call shared by the CLI and the browser binding:
//! intake → docx → model → report → rules → findings → contract.

mod annotate;
pub mod batch;

pub use annotate::{annotate_analysed, annotate_bytes, annotate_results, cell_targets};

use crate::contract::{
    CheckResult, PreviousCell, PreviousInfo, ReportInfo, Status, TableView, Values,
    CONTRACT_VERSION,
};
use crate::docx;
use crate::findings::{assign_problems, group_findings, Finding, Location, Severity};
use crate::intake;
use crate::limits::Limits;
use crate::model::Document;
use crate::rejection::Rejection;
use crate::report::pairing::{self, PairKey};
use crate::report::{self, KindReading, Report, ReportKind};
use crate::rules::{self, RuleContext, RuleId, RuleOptions};
#[cfg(feature = "readers")]
use crate::{html, word97};
use batch::Decision;

/// Options of a check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    /// Include the report tables' grids in the result (for drawing them).
    pub with_tables: bool,
    /// The kind of report (which publication deadline applies), when the user knows it;
    /// `None` infers it from the agency name and the text.
    pub report_kind: Option<ReportKind>,
}

/// What is known about a file beyond its bytes: the previous year's report named by the user,
/// and what the batch engine ([`batch::decide`]) said of it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The previous year's file to compare with (`nianbao check --previous`, the page's
    /// 加入上一年度报告对比): cross-year rules, `CheckResult::previous`; when it cannot be read,
    /// M.PAIR says why.
    pub previous: Option<PreviousBytes<'a>>,
    /// Names of the other files or reports of the same agency and year (M.DUPYEAR).
    pub same_year: &'a [String],
    /// Names of several distinct last-year reports of the agency: compared with none (M.PAIR).
    pub previous_ambiguous: &'a [String],
    /// Names of last-year reports of a probably-same agency, not paired (M.PAIR offers them).
    pub likely_previous: &'a [String],
    /// For a consolidated report: its units in the batch (M.HIER; [`batch::units_of`]).
    pub units: &'a [rules::Unit],
}

/// The previous year's file of a [`Context`]: its bytes and the name results show.
#[derive(Debug, Clone, Copy)]
pub struct PreviousBytes<'a> {
    pub bytes: &'a [u8],
    pub name: Option<&'a str>,
}

/// Checks one file: one result per report, in document order (`report.index` 0, 1, …, each
/// with `report.count`), with what `context` says about it. A rejected file gives one rejected
/// result. Never empty.
pub fn check(bytes: &[u8], options: &Options, context: &Context<'_>) -> Vec<CheckResult> {
    let notes = Links {
        same_year: context.same_year.to_vec(),
        previous_ambiguous: context.previous_ambiguous.to_vec(),
        likely_previous: context.likely_previous.to_vec(),
        units: context.units.to_vec(),
        ..Links::default()
    };
    match context.previous {
        Some(p) => check_with_previous_noting(bytes, p.bytes, p.name, &notes, options),
        None => check_document_noting(bytes, &notes, options),
    }
}

/// Checks one file's bytes with default options and no context: the result of its first report
/// (a file normally holds one; [`check`] gives every report of a file holding several).
pub fn check_bytes(bytes: &[u8]) -> CheckResult {
    check_first(bytes, &Options::default())
}

/// The result of the first report of [`check`] without context.
pub(crate) fn check_first(bytes: &[u8], options: &Options) -> CheckResult {
    let mut results = check_document(bytes, options);
    if results.is_empty() {
        return CheckResult::rejected(no_report());
    }
    results.swap_remove(0)
}

/// Checks every report of one file: one result per report, in document order (`report.index`
/// 0, 1, …, each with `report.count`). A rejected file gives one rejected result. Never empty.
pub(crate) fn check_document(bytes: &[u8], options: &Options) -> Vec<CheckResult> {
    check_document_noting(bytes, &Links::default(), options)
}

/// [`check_document`] with what the batch says of this file's reports (`notes`: the other
/// reports of the same agency and year, M.DUPYEAR; an ambiguous or likely last year, M.PAIR) —
/// the page's batch knows it, one file at a time. `notes.previous` is not used.
pub(crate) fn check_document_noting(
    bytes: &[u8],
    notes: &Links<'_>,
    options: &Options,
) -> Vec<CheckResult> {
    match analyse(bytes, options) {
        Ok(a) => {
            let links = Links {
                previous: None,
                ..notes.clone()
            };
            (0..a.reports.len())
                .map(|i| check_report(&a, i, &links, options))
                .collect()
        }
        Err(rejection) => vec![CheckResult::rejected(rejection)],
    }
}

/// The document model of a file (intake and Word reader), as the check reads it.
pub fn document(bytes: &[u8], limits: &Limits) -> Result<Document, Rejection> {
    #[cfg(feature = "readers")]
    return read_any(bytes, limits);
    #[cfg(not(feature = "readers"))]
    read(bytes, limits).map(|(_, doc)| doc)
}

/// The document model of a .docx, a Word 97-2003 .doc/.wps, a web page (.html/.htm) or an
/// .mht/.mhtml, recognised by content.
#[cfg(feature = "readers")]
fn read_any(bytes: &[u8], limits: &Limits) -> Result<Document, Rejection> {
    match intake::open_any(bytes, limits)? {
        intake::Source::Docx(pkg) => docx::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), limits),
        intake::Source::Word97(s) => {
            let (t0, t1, data) = (s.table0.as_deref(), s.table1.as_deref(), s.data.as_deref());
            word97::parse(&s.word, t0, t1, data, limits)
        }
        intake::Source::Html(text) => html::parse(&text, limits),
    }
}

/// Checks a selection pasted into the page: its `text/html` through the HTML reader; a paste
/// without HTML (plain text only) is refused with a message saying the tables are needed.
#[cfg(feature = "readers")]
pub fn check_pasted(html: Option<&str>, options: &Options) -> Vec<CheckResult> {
    let html = html.filter(|h| !h.trim().is_empty());
    let Some(html) = html else {
        return vec![CheckResult::rejected(Rejection::from(
            crate::rejection::Refusal::Reader(crate::rejection::ReaderProblem::PlainTextPaste),
        ))];
    };
    let analysed = intake::pasted_html(html, &options.limits).and_then(|src| match src {
        intake::Source::Html(text) => html::parse(&text, &options.limits),
        _ => Err(no_report()),
    });
    match analysed.and_then(|doc| analysed_of(doc, options)) {
        Ok(a) => check_analysed(&a, options),
        Err(r) => vec![CheckResult::rejected(r)],
    }
}

/// [`document`], keeping the package read on the way (for writers that need the source too).
fn read(bytes: &[u8], limits: &Limits) -> Result<(intake::Package, Document), Rejection> {
    let pkg = intake::open(bytes, limits)?;
    let doc = docx::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), limits)?;
    Ok((pkg, doc))
}

/// A file read and its reports recognised: checked alone or against
/// another year's file ([`check_report`]) without reading it again.
#[derive(Debug, Clone)]
pub struct Analysed {
    doc: Document,
    reports: Vec<Report>,
}

impl Analysed {
    /// The recognised reports, in document order (never empty).
    pub fn reports(&self) -> &[Report] {
        &self.reports
    }

    /// The pairing key (agency, year) of each report, when both were recognised.
    pub fn keys(&self) -> Vec<Option<PairKey>> {
        self.reports.iter().map(PairKey::of).collect()
    }
}

/// Reads a file and recognises its reports (stages intake → docx → model → report; with the
/// `readers` feature, .doc/.wps, web pages and .mht too).
pub fn analyse(bytes: &[u8], options: &Options) -> Result<Analysed, Rejection> {
    #[cfg(feature = "readers")]
    return read_any(bytes, &options.limits).and_then(|doc| analysed_of(doc, options));
    #[cfg(not(feature = "readers"))]
    analyse_package(bytes, options).map(|(_, a)| a)
}

/// [`analyse`], keeping the package read on the way (for writers that need the source too).
fn analyse_package(
    bytes: &[u8],
    options: &Options,
) -> Result<(intake::Package, Analysed), Rejection> {
    let (pkg, doc) = read(bytes, &options.limits)?;
    Ok((pkg, analysed_of(doc, options)?))
}

/// Recognises the reports of a document model.
fn analysed_of(doc: Document, options: &Options) -> Result<Analysed, Rejection> {
    let mut reports = report::recognise_all(&doc)?;
    if reports.is_empty() {
        return Err(no_report());
    }
    if let Some(kind) = options.report_kind {
        for report in &mut reports {
            report.kind = Some(KindReading::chosen(kind));
        }
    }
    Ok(Analysed { doc, reports })
}

/// The previous-year report a report is checked against.
#[derive(Debug, Clone, Copy)]
pub struct PreviousFile<'a> {
    pub analysed: &'a Analysed,
    /// Index of the report in that file.
    pub report: usize,
    /// The file's name as the user knows it (shown in the result), if any.
    pub name: Option<&'a str>,
    /// Named by the user rather than paired by agency and year.
    pub explicit: bool,
}

/// What a batch says about one report: its previous-year report and the other reports of the
/// same agency and year.
#[derive(Debug, Clone, Default)]
pub struct Links<'a> {
    pub previous: Option<PreviousFile<'a>>,
    /// Names of the other reports of the same agency and year (M.DUPYEAR).
    pub same_year: Vec<String>,
    /// Why a previous-year file named by the user could not be used (M.PAIR).
    pub previous_unusable: Option<String>,
    /// Names of several distinct last-year reports of the same agency: compared with none (M.PAIR).
    pub previous_ambiguous: Vec<String>,
    /// Names of last-year reports of a probably-same agency, not paired (M.PAIR offers them).
    pub likely_previous: Vec<String>,
    /// For a consolidated report: its units' reports of the same year in the batch (M.HIER).
    pub units: Vec<rules::Unit>,
}

/// Checks every report of an analysed file alone.
pub(crate) fn check_analysed(a: &Analysed, options: &Options) -> Vec<CheckResult> {
    (0..a.reports.len())
        .map(|i| check_report(a, i, &Links::default(), options))
        .collect()
}

/// Checks report `index` of an analysed file with what the batch says about it (its
/// previous-year report: cross-year rules, `CheckResult::previous`). An index out of range
/// checks the first report.
pub fn check_report(
    a: &Analysed,
    index: usize,
    links: &Links<'_>,
    options: &Options,
) -> CheckResult {
    let report = a.reports.get(index).unwrap_or(&a.reports[0]);
    let rule_options = RuleOptions::default();
    let previous = links.previous.and_then(|p| {
        let report = p.analysed.reports.get(p.report)?;
        Some((p, report))
    });
    let mut cx = RuleContext::new(report, &a.doc, &rule_options);
    cx.previous = previous.map(|(p, report)| rules::Previous {
        report,
        doc: &p.analysed.doc,
        explicit: p.explicit,
    });
    cx.batch = rules::BatchNotes {
        same_year: &links.same_year,
        previous_unusable: links.previous_unusable.as_deref(),
        previous_ambiguous: &links.previous_ambiguous,
        likely_previous: &links.likely_previous,
        units: &links.units,
    };
    let compared = cx.previous_year().is_some();
    let mut findings = rules::run_all(&cx);
    if previous.is_some_and(|(p, _)| p.explicit) {
        downgrade_unsure_pair(&mut findings);
    }
    for f in &mut findings {
        for l in &mut f.locations {
            set_report(l, report.index);
        }
    }
    let mut result = assemble(&a.doc, report, findings, options.with_tables);
    result.previous = previous.filter(|_| compared).map(|(p, r)| PreviousInfo {
        file: p.name.map(str::to_string),
        report: r.index,
        agency: r.agency.clone(),
        year: r.year,
        format: r.format.map(|f| f.as_str().to_string()),
        explicit: p.explicit,
        cells: PreviousCell::named(r, &previous_cells(&result.findings)),
    });
    result
}

/// The cells of the previous-year document the findings point at (locations with `doc: 1`).
fn previous_cells(findings: &[Finding]) -> Vec<(usize, usize, usize)> {
    findings
        .iter()
        .flat_map(|f| &f.locations)
        .filter_map(|l| match l {
            Location::Cell {
                doc: 1,
                table,
                row,
                col,
                ..
            } => Some((*table, *row, *col)),
            _ => None,
        })
        .collect()
}

/// The report of `previous` to compare report `index` of `current` with, when the user named
/// the file: the one of the same agency a year earlier, else the only (or first) one.
pub fn previous_counterpart(current: &Analysed, index: usize, previous: &Analysed) -> usize {
    let Some(wanted) = current.reports.get(index).and_then(PairKey::of) else {
        return 0;
    };
    previous
        .reports
        .iter()
        .position(|r| {
            PairKey::of(r).is_some_and(|k| {
                k.year.checked_add(1) == Some(wanted.year)
                    && pairing::compare(&k.agency, &wanted.agency) == pairing::Likeness::Same
            })
        })
        .unwrap_or(0)
}

/// Checks every report of `bytes` against the previous-year file `previous` named by the user
/// (`nianbao check --previous`, the page's pair). When the previous file cannot be read, the
/// reports are checked alone and M.PAIR says why. `notes` as for [`check_document_noting`]
/// (its ambiguous or likely last year left out: the named file is the previous year).
pub(crate) fn check_with_previous_noting(
    bytes: &[u8],
    previous: &[u8],
    previous_name: Option<&str>,
    notes: &Links<'_>,
    options: &Options,
) -> Vec<CheckResult> {
    let current = match analyse(bytes, options) {
        Ok(a) => a,
        Err(rejection) => return vec![CheckResult::rejected(rejection)],
    };
    let plain = Options {
        with_tables: false,
        ..options.clone()
    };
    let last = analyse(previous, &plain);
    (0..current.reports.len())
        .map(|i| {
            let links = match &last {
                Ok(last) => Links {
                    previous: Some(PreviousFile {
                        analysed: last,
                        report: previous_counterpart(&current, i, last),
                        name: previous_name,
                        explicit: true,
                    }),
                    same_year: notes.same_year.clone(),
                    units: notes.units.clone(),
                    ..Links::default()
                },
                Err(rejection) => Links {
                    previous_unusable: Some(rejection.message.clone()),
                    same_year: notes.same_year.clone(),
                    units: notes.units.clone(),
                    ..Links::default()
                },
            };
            check_report(&current, i, &links, options)
        })
        .collect()
}

/// Pairs the reports of analysed files by agency and year ([`batch::decide`]): for each
/// file, the links of each of its reports. `names` name the files in messages and results,
/// `digests` ([`batch::digest`] of their bytes) tell identical files apart.
pub(crate) fn pair_files<'a>(
    files: &[Option<&'a Analysed>],
    names: &'a [String],
    digests: &[String],
) -> Vec<Vec<Links<'a>>> {
    let mut items = Vec::new();
    for (file, a) in files.iter().enumerate() {
        let reports = a.map_or(&[][..], |a| a.reports());
        let digest = digests.get(file).cloned().unwrap_or_default();
        items.extend(batch::items_of(file, reports, &digest));
    }
    let decisions = batch::decide(&items);
    let name = |j: usize| -> String {
        let e = &items[j];
        let file = names.get(e.file).map_or("", String::as_str);
        let count = files[e.file].map_or(1, |a| a.reports.len());
        batch::report_name(file, e.report, count)
    };
    let mut out: Vec<Vec<Links<'a>>> = files
        .iter()
        .map(|a| vec![Links::default(); a.map_or(0, |a| a.reports.len())])
        .collect();
    for (e, d) in items.iter().zip(&decisions) {
        let slot = &mut out[e.file][e.report];
        if let Some(p) = d.previous {
            let pe = &items[p];
            if let Some(analysed) = files[pe.file] {
                slot.previous = Some(PreviousFile {
                    analysed,
                    report: pe.report,
                    name: names.get(pe.file).map(String::as_str),
                    explicit: false,
                });
            }
        }
        fill_notes(slot, d, name);
        slot.units = d
            .units
            .iter()
            .filter_map(|&j| {
                let u = &items[j];
                let report = files[u.file]?.reports.get(u.report)?;
                Some(rules::Unit {
                    name: name(j),
                    figures: rules::figures_of(report),
                })
            })
            .collect();
    }
    out
}

/// The units of a consolidated report from their files' bytes (the page holds them): each
/// `(name, bytes, report index)` read and its figures taken; unreadable ones are left out.
pub fn units_of(files: &[(&str, &[u8], usize)], options: &Options) -> Vec<rules::Unit> {
    let plain = Options {
        with_tables: false,
        ..options.clone()
    };
    files
        .iter()
        .filter_map(|(name, bytes, report)| {
            let a = analyse(bytes, &plain).ok()?;
            Some(rules::Unit {
                name: name.to_string(),
                figures: rules::figures_of(a.reports.get(*report)?),
            })
        })
        .collect()
}

/// Names what a decision says beyond the previous report: duplicates, an ambiguous or a likely
/// last year.
pub fn fill_notes(links: &mut Links<'_>, d: &Decision, name: impl Fn(usize) -> String) {
    links.same_year = d.same_year.iter().map(|&j| name(j)).collect();
    links.previous_ambiguous = d.previous_ambiguous.iter().map(|&j| name(j)).collect();
    links.likely_previous = d.likely_previous.iter().map(|&j| name(j)).collect();
}

/// Checks a batch of files (name, bytes), pairing the reports of the same agency in
/// consecutive years: for each file, its results (one per report, as [`check`]).
/// Holds every file's document at once; the CLI pairs large batches without doing so.
pub fn check_batch(files: &[(&str, &[u8])], options: &Options) -> Vec<Vec<CheckResult>> {
    let analysed: Vec<Result<Analysed, Rejection>> =
        files.iter().map(|(_, b)| analyse(b, options)).collect();
    let names: Vec<String> = files.iter().map(|(n, _)| n.to_string()).collect();
    let digests: Vec<String> = files.iter().map(|(_, b)| batch::digest(b)).collect();
    let refs: Vec<Option<&Analysed>> = analysed.iter().map(|a| a.as_ref().ok()).collect();
    let links = pair_files(&refs, &names, &digests);
    analysed
        .iter()
        .zip(links)
        .map(|(a, links)| match a {
            Ok(a) => links
                .iter()
                .enumerate()
                .map(|(i, l)| check_report(a, i, l, options))
                .collect(),
            Err(rejection) => vec![CheckResult::rejected(rejection.clone())],
        })
        .collect()
}

/// A previous-year report named by the user that M.PAIR doubts (another agency): the
/// cross-year errors (those pointing into the other file) are only warnings.
fn downgrade_unsure_pair(findings: &mut [Finding]) {
    if !findings.iter().any(|f| f.rule == RuleId::MPair.as_str()) {
        return;
    }
    for f in findings {
        let cross = f.locations.iter().any(|l| {
            matches!(
                l,
                Location::Cell { doc: 1, .. } | Location::Text { doc: 1, .. }
            )
        });
        if cross {
            f.severity = Severity::Warning;
        }
    }
}

/// The rejection of a file that holds no report.
fn no_report() -> Rejection {
    Rejection::new(
        crate::rejection::RejectionCode::NoReportTables,
        crate::messages::NO_REPORT.to_string(),
    )
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
    assign_problems(&mut findings);
    let claims = crate::contract::ClaimView::all(report, &findings);
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
        previous: None,
        claims,
    }
}
