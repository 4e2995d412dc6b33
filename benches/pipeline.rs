//! Native benchmarks of the pipeline, per stage and end to end, against the floor (inflate
//! document.xml + tokenise it with quick-xml, doing nothing with the events).
//!
//!   cargo bench --bench pipeline                 # everything (figures only, no assertions)
//!   cargo bench --bench pipeline -- check        # a filter, as with divan
//!   NIANBAO_BENCH_WRITE_LARGE=DIR cargo bench --bench pipeline -- --list
//!                                                # also writes the large reports to DIR
//!
//! Inputs: the five seed reports and three large reports built from seed 0 (see common/mod.rs).

mod common;

use common::{input, ALL};
use divan::{black_box, Bencher};
use nianbao::{Context, Options};

fn check_bytes_with(bytes: &[u8], options: &Options) -> Vec<nianbao::CheckResult> {
    nianbao::check(bytes, options, &Context::default())
}
use nianbao::inspect::{docx, intake, report, rules};
use nianbao::Limits;
use std::sync::OnceLock;

fn main() {
    if let Some(dir) = std::env::var_os("NIANBAO_BENCH_WRITE_LARGE") {
        common::write_large_inputs(std::path::Path::new(&dir));
    }
    sanity();
    divan::main();
}

/// The large reports must check exactly like the seed they are built from (same tables, same
/// findings); otherwise their timings would measure something else.
fn sanity() {
    let base = nianbao::check_bytes(input("seed_000"));
    for name in common::LARGE {
        let r = nianbao::check_bytes(input(name));
        assert_eq!(
            (r.status, r.findings.len(), r.values.table3.len()),
            (base.status, base.findings.len(), base.values.table3.len()),
            "{name} does not check like seed_000"
        );
    }
}

fn limits() -> &'static Limits {
    static L: OnceLock<Limits> = OnceLock::new();
    L.get_or_init(Limits::default)
}

/// Everything each stage needs as input, computed once per input.
struct Staged {
    pkg: intake::Package,
    doc: nianbao::inspect::model::Document,
    report: report::Report,
}

fn staged(name: &str) -> &'static Staged {
    static CACHE: OnceLock<Vec<(&'static str, Staged)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        ALL.iter()
            .map(|&n| {
                let pkg = intake::open(input(n), limits()).expect("open");
                let doc =
                    docx::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), limits()).expect("parse");
                let report = report::recognise(&doc).expect("recognise");
                (n, Staged { pkg, doc, report })
            })
            .collect()
    });
    &all.iter().find(|(n, _)| *n == name).expect("input").1
}

/// The pipeline stage by stage.
mod stage {
    use super::*;

    #[divan::bench(args = ALL)]
    fn a_package_open(b: Bencher, name: &str) {
        let bytes = input(name);
        b.bench(|| intake::open(black_box(bytes), limits()));
    }

    #[divan::bench(args = ALL)]
    fn b_document_parse(b: Bencher, name: &str) {
        let s = staged(name);
        b.bench(|| {
            docx::parse(
                black_box(&s.pkg.main_xml),
                s.pkg.styles_xml.as_deref(),
                limits(),
            )
        });
    }

    #[divan::bench(args = ALL)]
    fn c_report_recognise(b: Bencher, name: &str) {
        let s = staged(name);
        b.bench(|| report::recognise(black_box(&s.doc)));
    }

    #[divan::bench(args = ALL)]
    fn d_rules_run_all(b: Bencher, name: &str) {
        let s = staged(name);
        let options = rules::RuleOptions::default();
        b.bench(|| {
            rules::run_all(black_box(&rules::RuleContext::new(
                &s.report, &s.doc, &options,
            )))
        });
    }
}

/// Bytes to findings, as the CLI calls it (no table grids) and as the browser does (with grids).
mod check {
    use super::*;

    #[divan::bench(args = ALL)]
    fn check_bytes(b: Bencher, name: &str) {
        let bytes = input(name);
        b.bench(|| nianbao::check_bytes(black_box(bytes)));
    }

    #[divan::bench(args = ALL)]
    fn check_with_tables(b: Bencher, name: &str) {
        let bytes = input(name);
        let options = Options {
            with_tables: true,
            ..Options::default()
        };
        b.bench(|| check_bytes_with(black_box(bytes), &options));
    }

    /// The CLI's per-file work beyond the check: one JSON line.
    #[divan::bench(args = ALL)]
    fn check_and_json_line(b: Bencher, name: &str) {
        let bytes = input(name);
        b.bench(|| nianbao::present::json_line(name, &nianbao::check_bytes(black_box(bytes))));
    }
}

/// The floor the full check is compared with, and its parts.
mod floor {
    use super::*;

    /// Inflate word/document.xml (zip crate) + tokenise it (quick-xml), no work on events.
    #[divan::bench(args = ALL)]
    fn inflate_tokenise(b: Bencher, name: &str) {
        let bytes = input(name);
        b.bench(|| common::floor_inflate_tokenise(black_box(bytes)));
    }

    #[divan::bench(args = ALL)]
    fn inflate_document(b: Bencher, name: &str) {
        let bytes = input(name);
        b.bench(|| common::floor_inflate(black_box(bytes)));
    }

    #[divan::bench(args = ALL)]
    fn tokenise_document(b: Bencher, name: &str) {
        let xml = common::floor_inflate(input(name));
        b.bench(|| common::floor_tokenise(black_box(&xml)));
    }

    /// What intake::open also inflates: the styles part (350 KB in the seeds, 3× document.xml).
    #[divan::bench(args = ALL)]
    fn inflate_styles(b: Bencher, name: &str) {
        let bytes = input(name);
        b.bench(|| common::floor_inflate_part(black_box(bytes), "word/styles.xml"));
    }
}

/// The annotated report (comments on every finding, corrections as tracked changes): the writer
/// alone (anchors known), and what a download costs after a check (re-parse + anchors + write).
mod annotate {
    use super::*;
    use common::SEEDS;
    use nianbao::inspect::check::annotate_results;
    use nianbao::present::annotate::{anchors_for, annotate, AnnotateOptions};

    fn options() -> AnnotateOptions {
        AnnotateOptions {
            tracked_changes: true,
            date: Some("2026-12-01T08:00:00Z".to_string()),
            ..AnnotateOptions::default()
        }
    }

    #[divan::bench(args = SEEDS)]
    fn write_only(b: Bencher, name: &str) {
        let bytes = input(name);
        let results = check_bytes_with(bytes, &nianbao::Options::default());
        let anchors = anchors_for(&results, &staged(name).doc);
        let options = options();
        b.bench(|| annotate(black_box(bytes), &anchors, &options));
    }

    /// What the browser's `annotate` export does: check, anchors and write, the file read once.
    #[divan::bench(args = SEEDS)]
    fn check_and_write(b: Bencher, name: &str) {
        let bytes = input(name);
        let options = options();
        b.bench(|| nianbao::annotate(black_box(bytes), &options));
    }

    #[divan::bench(args = SEEDS)]
    fn after_check(b: Bencher, name: &str) {
        let bytes = input(name);
        let results = check_bytes_with(bytes, &nianbao::Options::default());
        let options = options();
        b.bench(|| annotate_results(black_box(bytes), &results, &options));
    }
}
