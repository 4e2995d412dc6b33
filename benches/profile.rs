//! A loop for profilers (perf, valgrind --tool=callgrind): checks one input many times.
//!
//!   CARGO_PROFILE_BENCH_DEBUG=true cargo bench --bench profile --no-run
//!   perf record -g target/release/deps/profile-* INPUT [ITERATIONS]
//!   valgrind --tool=callgrind target/release/deps/profile-* INPUT 20
//!
//! INPUT is one of the inputs of common/mod.rs (seed_000 … seed_004, large_images, large_text,
//! large); STAGE (third argument, optional) limits the loop to `check` (default), `parse`,
//! `recognise` or `rules`.

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
