//! Real sentences of published reports (tests/fixtures/narrative/sentences.tsv, each row citing
//! the page it comes from) and what the narrative stage must read from them: subject, number
//! and the flags the TX rules decide severity by (this year, approximate, subset, includes the
//! carry-over, loose wording). A sentence that must yield nothing is listed with "-".

use nianbao::inspect::report::narrative::{extract, Claim, Para, Part, Subject};

const CORPUS: &str = include_str!("../fixtures/narrative/sentences.tsv");

struct Row {
    line: usize,
    source: String,
    year: i32,
    text: String,
    expected: String,
}

fn rows() -> Vec<Row> {
    let mut out = Vec::new();
    let mut source = String::new();
    for (i, line) in CORPUS.lines().enumerate() {
        if let Some(s) = line.strip_prefix("# source:") {
            source = s.trim().to_string();
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "line {}: three tab-separated columns", i + 1);
        assert!(!source.is_empty(), "line {}: no # source: above it", i + 1);
        out.push(Row {
            line: i + 1,
            source: source.clone(),
            year: cols[0].parse().expect("year"),
            text: cols[1].to_string(),
            expected: cols[2].trim().to_string(),
        });
    }
    out
}

fn subject(s: &Subject) -> String {
    match s {
        Subject::NewApplications => "New".into(),
        Subject::Processed => "Processed".into(),
        Subject::CarryIn => "CarryIn".into(),
        Subject::CarryOut => "CarryOut".into(),
        Subject::NoneReceived => "None".into(),
        Subject::AllDone => "AllDone".into(),
        Subject::Break(o) => format!("Break.{o:?}"),
        Subject::Review(p) => format!("Review.{p:?}"),
        Subject::Litigation(p) => format!("Litigation.{p:?}"),
        Subject::Upheld { scope, strict } => {
            format!("Upheld.{scope:?}{}", if *strict { "!" } else { "" })
        }
        Subject::NoCase(k) => format!("NoCase.{k:?}"),
        Subject::Active(a) => format!("Active.{a:?}"),
        Subject::Fee => "Fee".into(),
        Subject::FeeNone => "FeeNone".into(),
        Subject::FeeNotices => "FeeNotices".into(),
        Subject::FeeNoticesNone => "FeeNoticesNone".into(),
        Subject::Applicant(a) => format!("Applicant.{a:?}"),
    }
}

/// A claim in the corpus notation: Subject[=N][/flags].
fn render(c: &Claim) -> String {
    let mut s = subject(&c.subject);
    if let Some(q) = c.quantity {
        s.push_str(&format!("={q}"));
    }
    let flags: String = [
        (c.subset || c.qualified, 's'),
        (c.approx, 'a'),
        (c.includes_carry_in, 'c'),
        (!c.this_year, 'p'),
        (c.loose, 'l'),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, f)| *f)
    .collect();
    if !flags.is_empty() {
        s.push('/');
        s.push_str(&flags);
    }
    s
}

fn read(row: &Row) -> String {
    let claims = extract(
        &[Para {
            text: &row.text,
            source: 0,
            part: Part::Section(0),
        }],
        Some(row.year),
    );
    if claims.is_empty() {
        return "-".into();
    }
    claims.iter().map(render).collect::<Vec<_>>().join("; ")
}

#[test]
fn real_sentences_read_as_labelled() {
    let rows = rows();
    let mut failures = Vec::new();
    for row in &rows {
        let got = read(row);
        if got != row.expected {
            failures.push(format!(
                "line {} ({}):\n  {}\n  expected: {}\n  got:      {}",
                row.line, row.source, row.text, row.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows differ:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_is_broad_enough() {
    let rows = rows();
    let mut sources: Vec<&str> = rows.iter().map(|r| r.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    assert!(rows.len() >= 40, "{} rows", rows.len());
    assert!(sources.len() >= 15, "{} sources", sources.len());
    // Both kinds: rows that must yield claims and rows that must yield nothing.
    assert!(rows.iter().filter(|r| r.expected == "-").count() >= 10);
    assert!(rows.iter().filter(|r| r.expected != "-").count() >= 30);
}
