//! Real sentences of published reports (tests/fixtures/narrative/sentences.tsv, each row citing
//! the page it comes from) and what the narrative stage must read from them: subject, number
//! and the flags the TX rules decide severity by (this year, approximate, subset, includes the
//! carry-over, loose wording). A sentence that must yield nothing is listed with "-".

use nianbao::inspect::report::narrative::{extract, Claim, Para, Part};

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
    claims
        .iter()
        .map(Claim::notation)
        .collect::<Vec<_>>()
        .join("; ")
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
