//! A loop for profilers (perf, valgrind --tool=callgrind): checks one input many times.
//!
//!   CARGO_PROFILE_BENCH_DEBUG=true cargo bench --bench profile --no-run
//!   perf record -g target/release/deps/profile-* INPUT [ITERATIONS]
//!   valgrind --tool=callgrind target/release/deps/profile-* INPUT 20
//!
//! INPUT is one of the inputs of common/mod.rs (seed_000 … seed_004, large_images, large_text,
//! large); STAGE (third argument, optional) limits the loop to `check` (default), `parse`,
//! `recognise` or `rules`; or loops the annotated report instead: `annotate` (what the page's
//! download does: the check's results given, the file read again and annotated; pipeline's
//! `annotate::after_check`) or `annotate_fresh` (check and write, the file read once;
//! `annotate::check_and_write`).

mod common;

use nianbao::inspect::{docx, intake, report, rules};
use nianbao::Limits;
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let name = args.first().map(String::as_str).unwrap_or("seed_000");
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(200);
    let stage = args.get(2).map(String::as_str).unwrap_or("check");
    let bytes = common::input(name);
    let limits = Limits::default();
    let pkg = intake::open(bytes, &limits).expect("open");
    let doc = docx::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), &limits).expect("parse");
    let rep = report::recognise(&doc).expect("recognise");
    let annotate_options = nianbao::present::annotate::AnnotateOptions {
        tracked_changes: true,
        date: Some("2026-12-01T08:00:00Z".to_string()),
        ..Default::default()
    };
    let results = nianbao::check(
        bytes,
        &nianbao::Options::default(),
        &nianbao::Context::default(),
    );
    let t0 = std::time::Instant::now();
    for _ in 0..n {
        match stage {
            "parse" => drop(black_box(docx::parse(
                &pkg.main_xml,
                pkg.styles_xml.as_deref(),
                &limits,
            ))),
            "recognise" => drop(black_box(report::recognise(&doc))),
            // The floor: inflate document.xml (zip crate) and run quick-xml over it.
            "annotate" => drop(black_box(nianbao::inspect::check::annotate_results(
                black_box(bytes),
                &results,
                &annotate_options,
            ))),
            "annotate_fresh" => drop(black_box(nianbao::annotate(
                black_box(bytes),
                &annotate_options,
            ))),
            "floor" => drop(black_box(common::floor_inflate_tokenise(black_box(bytes)))),
            "rules" => drop(black_box(rules::run_all(&rules::RuleContext::new(
                &rep,
                &doc,
                &rules::RuleOptions::default(),
            )))),
            _ => drop(black_box(nianbao::check_bytes(black_box(bytes)))),
        }
    }
    let per = t0.elapsed().as_secs_f64() * 1e3 / n as f64;
    eprintln!("{name} {stage}: {n} iterations, {per:.3} ms each");
}
