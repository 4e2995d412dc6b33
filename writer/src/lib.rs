//! The page's on-demand writer (WebAssembly): the user's .docx with a Word comment on every
//! finding ([`nianbao::present::annotate`]).
//!
//! A separate module from the checker so that the page's start download does not grow:
//! `www/writer.js` imports it on the first annotated download. The bindings exist on wasm32 only
//! (feature `bindings`); the conversion of the page's result objects back into [`CheckResult`]s
//! is plain Rust, tested natively, and shared with the .xlsx/CSV module (`xlsx/`), which uses
//! this crate without its bindings.

use nianbao::Finding;
use nianbao::Rejection;
use nianbao::{CheckResult, PreviousInfo, ReportInfo, Status, Values, CONTRACT_VERSION};
use serde::Deserialize;

#[cfg(all(target_arch = "wasm32", feature = "bindings"))]
pub mod bindings;

/// One file of a batch as the page holds it: its name and its check result (the JSON shape of
/// docs/CONTRACT.md, as `check()` of the checker module returned it).
#[derive(Debug, Deserialize)]
pub struct Entry {
    pub name: String,
    pub result: ResultIn,
}

/// A check result read back from the page (only what the exports use; `values`, `tables` and
/// the display `groups` are not needed and are skipped).
#[derive(Debug, Deserialize)]
pub struct ResultIn {
    pub status: Status,
    #[serde(default)]
    pub rejection: Option<Rejection>,
    #[serde(default)]
    pub report: ReportInfo,
    /// The core's findings (an id this build does not know makes the result unreadable).
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The previous-year report the result was compared with, if any.
    #[serde(default)]
    pub previous: Option<PreviousInfo>,
}

impl ResultIn {
    /// The core's result type, for its presenters.
    pub fn into_result(self) -> CheckResult {
        CheckResult {
            version: CONTRACT_VERSION,
            status: self.status,
            rejection: self.rejection,
            report: self.report,
            // A result from before problems: each finding a problem of its own.
            findings: self
                .findings
                .into_iter()
                .enumerate()
                .map(|(i, mut f)| {
                    if f.problem == nianbao::NO_PROBLEM {
                        f.problem = i;
                    }
                    f
                })
                .collect(),
            groups: Vec::new(),
            values: Values::default(),
            tables: Vec::new(),
            previous: self.previous,
            // The statements read are shown by the page; the writers do not need them.
            claims: Vec::new(),
        }
    }
}

/// The .docx `bytes` annotated with the findings of `results` as the page holds them (every
/// report of the file, as its card shows them: its previous-year pair, its report kind…), not
/// a fresh check of the file alone. Returns the annotated copy and how many findings it carries.
pub fn annotate_of(
    bytes: &[u8],
    results: Vec<ResultIn>,
    options: &nianbao::present::annotate::AnnotateOptions,
) -> Result<(nianbao::present::annotate::Annotated, usize), Rejection> {
    let results: Vec<CheckResult> = results.into_iter().map(ResultIn::into_result).collect();
    let findings = results.iter().map(|r| r.findings.len()).sum();
    let annotated = nianbao::annotate_results(bytes, &results, options)?;
    Ok((annotated, findings))
}

/// The batch as CSV: BOM, header, then the rows of each file (the CLI's `--csv`).
pub fn csv_of(entries: Vec<Entry>) -> String {
    let mut out = format!(
        "{}{}\r\n",
        nianbao::present::CSV_BOM,
        nianbao::present::CSV_HEADER
    );
    for e in entries {
        out.push_str(&nianbao::present::csv_rows(
            &e.name,
            &e.result.into_result(),
        ));
    }
    out
}

// Native only: serde_json stands in for the page's objects.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The annotated copy of a paired report carries its cross-year findings: the page's card
    /// result (serialized, read back), not a fresh check of the file alone (which has none).
    #[test]
    fn a_paired_result_annotates_its_cross_year_findings() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pairs");
        let now = std::fs::read(dir.join("2022.docx")).expect("2022");
        let last = std::fs::read(dir.join("2021.docx")).expect("2021");
        let options = nianbao::Options::default();
        let context = nianbao::Context {
            previous: Some(nianbao::PreviousBytes {
                bytes: &last,
                name: Some("2021.docx"),
            }),
            ..nianbao::Context::default()
        };
        let paired = nianbao::check(&now, &options, &context);
        let xyear = |rs: &[CheckResult]| -> usize {
            rs.iter()
                .flat_map(|r| &r.findings)
                .filter(|f| f.rule == "T3.XYEAR")
                .count()
        };
        assert_eq!(xyear(&paired), 2);
        let back: Vec<ResultIn> =
            serde_json::from_value(serde_json::to_value(&paired).unwrap()).unwrap();
        let annotate = nianbao::present::annotate::AnnotateOptions::default();
        let (annotated, findings) = annotate_of(&now, back, &annotate).expect("annotated");
        assert_eq!(findings, paired[0].findings.len());
        assert!(annotated.comments >= 2, "{}", annotated.comments);
        // Alone, the file has no cross-year finding, hence fewer comments.
        let (_, alone) = nianbao::annotate(&now, &annotate).expect("alone");
        assert!(alone.comments < annotated.comments);
    }

    /// www/writer.js gives the annotating call only the fields a comment is made of (no row and
    /// column labels, cells, group nor table): the annotated copy is the same as with the
    /// whole results.
    #[test]
    fn the_comment_fields_alone_annotate_the_same() {
        let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/samples/seed_003.docx");
        let bytes = std::fs::read(seed).expect("seed");
        let results = nianbao::check(&bytes, &nianbao::Options::default(), &Default::default());
        let mut json = serde_json::to_value(&results).unwrap();
        let whole: Vec<ResultIn> = serde_json::from_value(json.clone()).unwrap();
        let mut dropped = 0;
        for r in json.as_array_mut().unwrap() {
            for f in r["findings"].as_array_mut().unwrap() {
                let f = f.as_object_mut().unwrap();
                for key in ["row", "column", "cells", "group", "table"] {
                    dropped += usize::from(f.remove(key).is_some());
                }
            }
        }
        assert!(dropped > 400, "{dropped}");
        let slim: Vec<ResultIn> = serde_json::from_value(json).unwrap();
        let options = nianbao::present::annotate::AnnotateOptions {
            tracked_changes: true,
            date: Some("2026-12-01T08:00:00Z".into()),
            ..Default::default()
        };
        let (a, n) = annotate_of(&bytes, whole, &options).expect("whole");
        let (b, m) = annotate_of(&bytes, slim, &options).expect("slim");
        assert_eq!((n, a.comments, a.revisions), (m, b.comments, b.revisions));
        assert!(a.comments > 100, "{}", a.comments);
        assert!(a.bytes == b.bytes);
    }

    /// A result as the checker serializes it converts back to the same findings.
    #[test]
    fn results_read_back_give_the_same_csv() {
        let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/samples/seed_003.docx");
        let result = nianbao::check_bytes(&std::fs::read(seed).expect("seed"));
        assert!(result.errors() > 10);
        let json = serde_json::to_value(&result).unwrap();
        let entry = Entry {
            name: "seed_003.docx".into(),
            result: serde_json::from_value(json).unwrap(),
        };
        let back = entry.result.into_result();
        assert_eq!(back.findings, result.findings);
        assert_eq!(back.report, result.report);
        let csv = csv_of(vec![Entry {
            name: "seed_003.docx".into(),
            result: serde_json::from_value(serde_json::to_value(&result).unwrap()).unwrap(),
        }]);
        let direct = format!(
            "{}{}\r\n{}",
            nianbao::present::CSV_BOM,
            nianbao::present::CSV_HEADER,
            nianbao::present::csv_rows("seed_003.docx", &result)
        );
        assert_eq!(csv, direct);
    }

    #[test]
    fn a_rejected_result_and_an_unknown_rule_read_back() {
        let json = serde_json::json!({
            "status": "rejected",
            "rejection": {"code": "legacy_office", "message": "旧版 .doc"},
            "report": {"agency": null, "year": null, "format": null},
            "findings": []
        });
        let r: ResultIn = serde_json::from_value(json).unwrap();
        let r = r.into_result();
        assert_eq!(r.status, Status::Rejected);
        assert_eq!(r.rejection.unwrap().code.as_str(), "legacy_office");
        // The page and the writer come from one build: a finding reads back as the core's
        // `Finding`, its rule as the core's `RuleId`; an id this build does not know is an
        // error (thrown by the bindings as 导出的数据格式不对) rather than a guess.
        let finding = |rule: &str| {
            serde_json::json!({"rule": rule, "severity": "error", "message": "m", "table": 3,
                "row": [], "column": [], "expected": null, "actual": null, "cells": [],
                "culprit": null, "locations": []})
        };
        let known: Finding = serde_json::from_value(finding("T3.ROW")).unwrap();
        assert_eq!(known.rule, nianbao::RuleId::T3Row);
        assert!(serde_json::from_value::<Finding>(finding("NOT.A.RULE")).is_err());
    }
}
