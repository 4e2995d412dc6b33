//! Real published reports (tests/fixtures/real, see its README.md): each fixture is built into
//! a .docx with the official layout and the document's own texts, checked, and compared with
//! the hand-verified expectations in its header. Fixtures marked `passes-today` must match
//! exactly; `needs-issue-9` ones (readings the tolerant recognition is to fix) must only be
//! checked without a panic, and their differences are printed.

use crate::support;

use nianbao::Severity;
use nianbao::{check_bytes, CheckResult};
use std::collections::BTreeMap;
use support::real::{load_all, RealFixture, Status};

fn counts(r: &CheckResult, severity: Severity) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for f in r.findings.iter().filter(|f| f.severity == severity) {
        *out.entry(f.rule.to_string()).or_insert(0) += 1;
    }
    out
}

fn show(m: &BTreeMap<String, usize>) -> String {
    if m.is_empty() {
        return "none".into();
    }
    m.iter()
        .map(|(k, v)| {
            if *v == 1 {
                k.clone()
            } else {
                format!("{k}*{v}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every difference between what the fixture expects and what the check gives.
fn diff(f: &RealFixture, r: &CheckResult) -> Vec<String> {
    let mut out = Vec::new();
    let agency = r.report.agency.clone().unwrap_or_default();
    if agency != f.agency {
        out.push(format!("agency: expected {:?}, got {:?}", f.agency, agency));
    }
    if r.report.year != Some(f.year) {
        out.push(format!(
            "year: expected {}, got {:?}",
            f.year, r.report.year
        ));
    }
    if r.report.format.as_deref() != Some(f.format.as_str()) {
        out.push(format!(
            "format: expected {}, got {:?}",
            f.format, r.report.format
        ));
    }
    let errors = counts(r, Severity::Error);
    if errors != f.errors {
        out.push(format!(
            "errors: expected {}, got {}",
            show(&f.errors),
            show(&errors)
        ));
    }
    let mut warnings = counts(r, Severity::Warning);
    for (rule, n) in &f.warnings {
        if f.may_warn.contains(rule) {
            // Expected at least this many; a correct reading may say more.
            if warnings.get(rule).copied().unwrap_or(0) >= *n {
                warnings.insert(rule.clone(), *n);
            }
        }
    }
    warnings.retain(|rule, _| f.warnings.contains_key(rule) || !f.may_warn.contains(rule));
    if warnings != f.warnings {
        out.push(format!(
            "warnings: expected {}, got {}",
            show(&f.warnings),
            show(&warnings)
        ));
    }
    for c in &f.error_cells {
        let found = r.findings.iter().any(|x| {
            x.severity == Severity::Error
                && x.rule == c.rule
                && x.row.last().map(|s| s.as_ref()) == Some(c.row.as_str())
                && x.column.last().map(|s| s.as_ref()) == Some(c.column.as_str())
        });
        if !found {
            out.push(format!(
                "missing error {} at 「{}」「{}」",
                c.rule, c.row, c.column
            ));
        }
    }
    out
}

/// The findings, at most three messages per rule (blank-cell rules give a hundred).
fn summary(r: &CheckResult) -> String {
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for f in &r.findings {
        let n = shown.entry(f.rule.as_str()).or_insert(0);
        *n += 1;
        if *n <= 3 {
            out.push(format!(
                "  [{}] {} {}",
                f.severity.as_str(),
                f.rule,
                f.message
            ));
        } else if *n == 4 {
            out.push(format!("  [{}] {} …", f.severity.as_str(), f.rule));
        }
    }
    out.join("\n")
}

#[test]
fn real_reports_give_their_hand_verified_results() {
    let fixtures = load_all();
    let mut report =
        String::from("\nfixture | status | expected errors | got errors | differences\n");
    let mut failures = Vec::new();
    // NIANBAO_REAL_OUT=dir writes the built documents there, to open them in Word or run the CLI.
    let out_dir = std::env::var_os("NIANBAO_REAL_OUT").map(std::path::PathBuf::from);
    for f in &fixtures {
        let bytes = f.to_bytes();
        if let Some(dir) = &out_dir {
            std::fs::create_dir_all(dir).expect("output dir");
            std::fs::write(dir.join(f.file.replace(".txt", ".docx")), &bytes).expect("write docx");
        }
        let result = std::panic::catch_unwind(|| check_bytes(&bytes));
        let r = match result {
            Ok(r) => r,
            Err(_) => {
                failures.push(format!("{}: check panicked", f.file));
                report.push_str(&format!("{} | PANIC\n", f.file));
                continue;
            }
        };
        let d = diff(f, &r);
        let status = match f.status {
            Status::PassesToday => "passes-today",
            Status::NeedsIssue9 => "needs-issue-9",
        };
        report.push_str(&format!(
            "{} | {} | {} | {} | {}\n",
            f.file,
            status,
            show(&f.errors),
            show(&counts(&r, Severity::Error)),
            if d.is_empty() {
                "—".to_string()
            } else {
                d.join("; ")
            }
        ));
        if !d.is_empty() {
            report.push_str(&format!("  findings of {}:\n{}\n", f.file, summary(&r)));
            if f.status == Status::PassesToday {
                failures.push(format!("{}: {}", f.file, d.join("; ")));
            }
        }
    }
    println!("{report}");
    assert!(
        fixtures.len() >= 5,
        "the development set has at least 5 real reports, found {}",
        fixtures.len()
    );
    assert!(
        failures.is_empty(),
        "real reports that must pass today differ from their expectations:\n{}",
        failures.join("\n")
    );
}

/// The rows of the table of `document.xml` whose text contains `marker`: per `w:tr`, per
/// `w:tc`, the cell's paragraphs joined by `\n` (a plain reading of the XML the builder writes,
/// independent of the checker's recognition).
fn table_rows(xml: &str, marker: &str) -> Vec<Vec<String>> {
    let unescape = |t: &str| {
        t.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    };
    let text_of = |frag: &str| -> String {
        let frag = frag.replace("<w:p/>", "<w:p></w:p>");
        let mut out = String::new();
        for (pi, para) in frag.split("<w:p>").skip(1).enumerate() {
            if pi > 0 {
                out.push('\n');
            }
            for piece in para.split("<w:t xml:space=\"preserve\">").skip(1) {
                out.push_str(&unescape(piece.split("</w:t>").next().unwrap_or("")));
            }
        }
        out
    };
    for tbl in xml.split("<w:tbl>").skip(1) {
        let tbl = tbl.split("</w:tbl>").next().unwrap_or("");
        if !tbl.contains(marker) {
            continue;
        }
        return tbl
            .split("<w:tr>")
            .skip(1)
            .map(|tr| {
                tr.split("<w:tc>")
                    .skip(1)
                    .map(|tc| text_of(tc.split("</w:tc>").next().unwrap_or("")))
                    .collect()
            })
            .collect();
    }
    Vec::new()
}

/// The builder keeps every table 三 and 四 number cell exactly as the fixture writes it, in the
/// official grid (7 number cells per table 三 data row after its label cells, 15 in table 四's data row).
#[test]
fn builder_keeps_the_documents_cell_texts() {
    for f in load_all() {
        let spec = f.spec();
        let xml = support::read_part(&f.to_bytes(), "word/document.xml").expect("main part");
        let t3 = table_rows(&xml, "申请人情况");
        let data: Vec<&Vec<String>> = t3.iter().skip(3).collect();
        assert_eq!(
            data.len(),
            spec.table3.len(),
            "{}: table 三 data rows",
            f.file
        );
        for (i, (row, want)) in data.iter().zip(spec.table3.iter()).enumerate() {
            assert!(
                row.len() >= 8,
                "{}: table 三 row {i}: label and 7 number cells",
                f.file
            );
            assert_eq!(
                &row[row.len() - 7..],
                &want[..],
                "{}: table 三 row {i}",
                f.file
            );
        }
        let t4 = table_rows(&xml, "复议后起诉");
        assert_eq!(
            t4.last().map(|r| r.as_slice()),
            Some(&spec.table4[..]),
            "{}: table 四 data row",
            f.file
        );
    }
}

/// Each fixture states its source, and every consistent report (no errors expected) really
/// balances: the header's expectation is recomputed from the fixture's own numbers (table 三
/// row totals, column balance and results; table 四 group totals).
#[test]
fn fixture_headers_are_complete_and_balanced_ones_balance() {
    for f in load_all() {
        assert!(
            !f.source.is_empty() && !f.agency.is_empty(),
            "{}: source and agency",
            f.file
        );
        assert!(
            f.format == "2019" || f.format == "2021",
            "{}: format",
            f.file
        );
        let spec = f.spec();
        let num = |s: &str| -> Option<i64> {
            let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            t.parse().ok()
        };
        let t3: Vec<Vec<Option<i64>>> = spec
            .table3
            .iter()
            .map(|r| r.iter().map(|c| num(c)).collect())
            .collect();
        let n = t3.len();
        // Table 四: in each group the four results add up to 总计 (where all five are written).
        if !f.errors.contains_key("T4.SUM") {
            let t4: Vec<Option<i64>> = spec.table4.iter().map(|c| num(c)).collect();
            for g in t4.chunks(5) {
                if let [Some(a), Some(b), Some(c), Some(d), Some(t)] = g {
                    assert_eq!(a + b + c + d, *t, "{}: table 四 group total", f.file);
                }
            }
        }
        if f.errors
            .keys()
            .any(|k| ["T3.ROW", "T3.BAL", "T3.RES", "T3.ZERO"].contains(&k.as_str()))
        {
            continue;
        }
        // Row totals.
        for (i, row) in t3.iter().enumerate() {
            let parts: Option<Vec<i64>> = row[..6].iter().copied().collect();
            if let (Some(p), Some(t)) = (parts, row[6]) {
                assert_eq!(
                    p.iter().sum::<i64>(),
                    t,
                    "{}: table 三 row {i} total",
                    f.file
                );
            }
        }
        // Column balance: 一 + 二 = （七）总计 + 四; results sum to （七）总计 (where every cell
        // of the identity is written; blank cells are T3.BLANK's business).
        for c in 0..7 {
            let col: Vec<Option<i64>> = t3.iter().map(|r| r[c]).collect();
            if let (Some(a), Some(b), Some(t), Some(d)) = (col[0], col[1], col[n - 2], col[n - 1]) {
                assert_eq!(a + b, t + d, "{}: table 三 column {c} balance", f.file);
            }
            let results: Option<Vec<i64>> = col[2..n - 2].iter().copied().collect();
            if let (Some(rs), Some(t)) = (results, col[n - 2]) {
                assert_eq!(
                    rs.iter().sum::<i64>(),
                    t,
                    "{}: table 三 column {c} results",
                    f.file
                );
            }
        }
    }
}
