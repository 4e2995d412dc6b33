//! The prose stage: arbitrary UTF-8 text, split into paragraphs at NUL characters (each given a
//! section), through the narrative reader (`report::narrative::extract`), then the TX rules and
//! the result's `claims` on a real report (seed 001) whose claims are replaced by those read.
//! Asserts: no panic; every claim's ranges lie within its paragraph and its sentence, on
//! character boundaries, and its `text`/`sentence` are exactly those characters; every text
//! location of a finding lies within its paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::inspect::report::narrative::{extract, Para, Part};
use nianbao::inspect::{docx, intake, model, report, rules};
use nianbao::{ClaimView, Limits, Location};
use std::sync::OnceLock;

const SEED: &[u8] = include_bytes!("../../tests/fixtures/samples/seed_001.docx");

fn base() -> &'static (model::Document, report::Report) {
    static BASE: OnceLock<(model::Document, report::Report)> = OnceLock::new();
    BASE.get_or_init(|| {
        let limits = Limits::default();
        let pkg = intake::open(SEED, &limits).expect("seed opens");
        let doc = docx::parse(&pkg.main_xml, pkg.styles_xml.as_deref(), &limits).expect("parse");
        let report = report::recognise(&doc).expect("recognise");
        (doc, report)
    })
}

/// Characters `from..to` of `text` (character offsets), checking they are in range.
fn slice(text: &str, from: usize, to: usize) -> String {
    let n = text.chars().count();
    assert!(from <= to && to <= n, "range {from}..{to} outside 0..{n}");
    text.chars().skip(from).take(to - from).collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let paras: Vec<Para> = text
        .split('\0')
        .take(64)
        .enumerate()
        .map(|(i, t)| Para {
            text: t,
            source: i,
            part: if i % 7 == 6 {
                Part::Preface
            } else {
                Part::Section((i % 7) as u8)
            },
        })
        .collect();
    let year = data.first().map(|b| 2015 + (*b as i32 % 12));
    let claims = extract(&paras, year);
    for c in &claims {
        let p = paras[c.paragraph].text;
        // The stage reads at most MAX_PARAGRAPH_CHARS of a paragraph.
        assert_eq!(slice(p, c.start, c.end), c.text);
        assert_eq!(slice(p, c.sentence_start, c.sentence_end), c.sentence);
        assert!(c.sentence_start <= c.start, "statement before its sentence");
    }
    let (doc, base) = base();
    let mut report = base.clone();
    report.claims = claims;
    let options = rules::RuleOptions::default();
    let findings = rules::run_prose(&rules::RuleContext::new(&report, doc, &options));
    for f in findings.iter().filter(|f| f.rule.as_str().starts_with("TX.")) {
        for l in &f.locations {
            if let Location::Text {
                paragraph,
                start,
                end,
                sentence,
                ..
            } = l
            {
                let p = paras[*paragraph].text;
                let _ = slice(p, *start, *end);
                assert!(!sentence.is_empty() || start == end);
            }
        }
    }
    let views = ClaimView::all(&report, &findings);
    assert_eq!(views.len(), report.claims.len());
});
