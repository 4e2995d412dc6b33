//! The real-prose corpus (tests/fixtures/narrative/corpus.tsv: sentences of published reports
//! of 2019–2025, each under the "# source:" line of its page, labelled by hand with the claims
//! it must yield; notation in the file's header and in tests/narrative_corpus.rs). The reader
//! is held to no wrong claim at all (a claim the label does not list, or a wrong value, subject
//! or flag) and to the target of at least 95 % of the labelled claims found (the
//! figures and every missed claim are printed with `--nocapture`).
//!
//! `NIANBAO_CORPUS=FILE[:FILE…]` reads other files instead (while a corpus is being collected).

use nianbao::inspect::report::narrative::{extract, Claim, Para, Part};

const CORPUS: &str = include_str!("../fixtures/narrative/corpus.tsv");

struct Row {
    line: usize,
    source: String,
    year: i32,
    text: String,
    expected: Vec<String>,
}

fn rows(text: &str) -> Vec<Row> {
    let mut out = Vec::new();
    let mut source = String::new();
    for (i, line) in text.lines().enumerate() {
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
        let expected = cols[2].trim();
        out.push(Row {
            line: i + 1,
            source: source.clone(),
            year: cols[0].trim().parse().expect("year"),
            text: cols[1].to_string(),
            expected: if expected == "-" {
                Vec::new()
            } else {
                expected.split(';').map(|s| s.trim().to_string()).collect()
            },
        });
    }
    out
}

fn read(row: &Row) -> Vec<String> {
    extract(
        &[Para {
            text: &row.text,
            source: 0,
            part: Part::Section(0),
        }],
        Some(row.year),
    )
    .iter()
    .map(Claim::notation)
    .collect()
}

struct Score {
    rows: usize,
    sources: usize,
    labelled: usize,
    found: usize,
    wrong: Vec<String>,
    missed: Vec<String>,
}

fn score(rows: &[Row]) -> Score {
    let mut s = Score {
        rows: rows.len(),
        sources: {
            let mut v: Vec<&str> = rows.iter().map(|r| r.source.as_str()).collect();
            v.sort_unstable();
            v.dedup();
            v.len()
        },
        labelled: 0,
        found: 0,
        wrong: Vec::new(),
        missed: Vec::new(),
    };
    for row in rows {
        let got = read(row);
        let mut left: Vec<&String> = row.expected.iter().collect();
        s.labelled += left.len();
        let mut wrong = Vec::new();
        for g in &got {
            match left.iter().position(|e| *e == g) {
                Some(k) => {
                    left.remove(k);
                    s.found += 1;
                }
                None => wrong.push(g.clone()),
            }
        }
        let at = format!("line {} ({})\n    {}", row.line, row.source, row.text);
        let label = if row.expected.is_empty() {
            "-".to_string()
        } else {
            row.expected.join("; ")
        };
        if !wrong.is_empty() {
            s.wrong.push(format!(
                "{at}\n    label: {label}\n    wrong: {}",
                wrong.join("; ")
            ));
        }
        if !left.is_empty() {
            let left: Vec<&str> = left.iter().map(|x| x.as_str()).collect();
            s.missed.push(format!(
                "{at}\n    label: {label}\n    missed: {}",
                left.join("; ")
            ));
        }
    }
    s
}

fn corpus_text() -> String {
    match std::env::var("NIANBAO_CORPUS") {
        Ok(files) => files
            .split(':')
            .map(|f| std::fs::read_to_string(f).expect("corpus file"))
            .collect::<Vec<_>>()
            .join("\n"),
        Err(_) => CORPUS.to_string(),
    }
}

/// The corpus read, its figures printed; missed claims listed with `--nocapture`.
fn measured() -> (Score, f64) {
    let text = corpus_text();
    let rows = rows(&text);
    let s = score(&rows);
    let recall = if s.labelled == 0 {
        1.0
    } else {
        s.found as f64 / s.labelled as f64
    };
    println!(
        "corpus: {} rows from {} reports; labelled claims {}, found {} ({:.1} %); wrong claims in {} rows",
        s.rows,
        s.sources,
        s.labelled,
        s.found,
        recall * 100.0,
        s.wrong.len()
    );
    for m in &s.missed {
        println!("MISSED {m}");
    }
    (s, recall)
}

/// No wrong claim at all: a claim the label does not list, or a wrong value, subject or flag.
/// Also a floor under the share of labelled claims found, so that it cannot fall back.
#[test]
fn real_corpus_no_wrong_claim() {
    let (s, recall) = measured();
    assert!(
        s.wrong.is_empty(),
        "{} rows with a wrong claim:\n{}",
        s.wrong.len(),
        s.wrong.join("\n")
    );
    assert!(
        recall >= 0.95,
        "only {:.1} % of the labelled claims found (96.7 %, 1,354 of 1,400, on the 1,898 rows of the fifth session)",
        recall * 100.0
    );
}

/// The target of issue 15: at least 95 % of the labelled claims found (95.3 %, 946 of 993, on
/// the corpus of 1,541 rows with its holdout section when this was met). `cargo test --test it narrative_real_corpus --
/// --nocapture` prints the figure and every missed claim.
#[test]
fn real_corpus_95_percent_found() {
    let (_, recall) = measured();
    assert!(
        recall >= 0.95,
        "only {:.1} % of the labelled claims found",
        recall * 100.0
    );
}

#[test]
fn real_corpus_is_real_and_labelled() {
    let rows = rows(CORPUS);
    assert!(rows.len() >= 100, "{} rows", rows.len());
    assert!(rows.iter().all(|r| (2019..=2025).contains(&r.year)));
    assert!(rows.iter().all(|r| r.source.starts_with("http")));
    // Both kinds: most rows yield nothing, many yield claims.
    assert!(rows.iter().filter(|r| r.expected.is_empty()).count() >= 50);
    assert!(rows.iter().filter(|r| !r.expected.is_empty()).count() >= 30);
}
