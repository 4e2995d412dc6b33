//! The five seed reports (tests/fixtures/samples): every number cell read back as written,
//! the report info of spec §2.7, the findings the spec predicts, and the same reports rebuilt
//! from their text extraction by the builder giving the same results.

use crate::support;

use nianbao::ValueEntry;
use nianbao::{check_bytes, CheckResult};
use nianbao::{CellRef, Finding, Quantity, Severity};
use std::collections::BTreeSet;
use std::path::PathBuf;
use support::report::*;

struct Seed {
    n: usize,
    agency: &'static str,
    year: i32,
    format: Format,
}

const SEEDS: [Seed; 5] = [
    Seed {
        n: 0,
        agency: "繁峙县卫生健康和体育局",
        year: 2021,
        format: Format::Format2021,
    },
    Seed {
        n: 1,
        agency: "阿合奇县卫生健康委员会",
        year: 2021,
        format: Format::Format2021,
    },
    Seed {
        n: 2,
        agency: "曲沃县卫生健康和体育局",
        year: 2023,
        format: Format::Format2021,
    },
    Seed {
        n: 3,
        agency: "赵县卫生健康局",
        year: 2020,
        format: Format::Format2019,
    },
    Seed {
        n: 4,
        agency: "宁海县卫生健康局",
        year: 2021,
        format: Format::Format2021,
    },
];

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples")
}

fn txt_path(n: usize) -> String {
    let prefix = format!("{n:03}_");
    let entry = std::fs::read_dir(samples())
        .expect("samples dir")
        .filter_map(|e| e.ok())
        .find(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.starts_with(&prefix) && name.ends_with(".txt")
        })
        .unwrap_or_else(|| panic!("seed text {n}"));
    entry.path().to_string_lossy().to_string()
}

fn docx_bytes(n: usize) -> Vec<u8> {
    std::fs::read(samples().join(format!("seed_{n:03}.docx"))).expect("seed docx")
}

fn check_seed(n: usize) -> CheckResult {
    check_bytes(&docx_bytes(n))
}

fn seed_spec(n: usize) -> ReportSpec {
    ReportSpec::from_seed_txt(&txt_path(n))
}

/// One expected number cell: table kind, official row and column paths, raw text, position,
/// whether it is an amount (decimal allowed).
struct Expect {
    table: u8,
    row: Vec<String>,
    column: Vec<String>,
    raw: String,
    pos: Pos,
    amount: bool,
}

fn expected_cells(spec: &ReportSpec) -> Vec<Expect> {
    let rendered = spec.render();
    let mut out = Vec::new();
    let t2 = t2_official_cells(spec.format);
    let raws: Vec<&String> = spec.table2.iter().flatten().collect();
    assert_eq!(
        t2.len(),
        raws.len(),
        "table 二 cells parsed from the seed text"
    );
    let mut k = 0;
    for (ri, row) in spec.table2.iter().enumerate() {
        for (ci, raw) in row.iter().enumerate() {
            let (rp, cp, amount) = &t2[k];
            out.push(Expect {
                table: 2,
                row: rp.clone(),
                column: cp.clone(),
                raw: raw.clone(),
                pos: rendered.pos[&(2, ri)][ci],
                amount: *amount,
            });
            k += 1;
        }
    }
    for (ri, (_, path)) in t3_rows(spec.format).iter().enumerate() {
        for c in 0..7 {
            out.push(Expect {
                table: 3,
                row: path.iter().map(|x| x.to_string()).collect(),
                column: t3_col_path(c),
                raw: spec.table3[ri][c].clone(),
                pos: rendered.pos[&(3, ri)][c],
                amount: false,
            });
        }
    }
    for c in 0..15 {
        out.push(Expect {
            table: 4,
            row: vec![],
            column: t4_col_path(c),
            raw: spec.table4[c].clone(),
            pos: rendered.pos[&(4, 0)][c],
            amount: false,
        });
    }
    out
}

fn entries(r: &CheckResult, table: u8) -> &Vec<ValueEntry> {
    match table {
        2 => &r.values.table2,
        3 => &r.values.table3,
        _ => &r.values.table4,
    }
}

fn as_f64(q: &Quantity) -> Option<f64> {
    match q {
        Quantity::Int(v) => Some(*v as f64),
        Quantity::Decimal(v) => Some(*v),
        Quantity::Text(_) => None,
    }
}

/// Every number cell of the seed, read back exactly: raw text, value, labels, position.
fn assert_values_as_written(n: usize, r: &CheckResult, spec: &ReportSpec) {
    let exp = expected_cells(spec);
    for t in [2u8, 3, 4] {
        let want = exp.iter().filter(|e| e.table == t).count();
        assert_eq!(
            entries(r, t).len(),
            want,
            "seed {n}: number of table {t} values"
        );
    }
    for e in &exp {
        let found: Vec<&ValueEntry> = entries(r, e.table)
            .iter()
            .filter(|v| *v.row == *e.row && *v.column == *e.column)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "seed {n}: table {} cell {:?} / {:?} found once",
            e.table,
            e.row,
            e.column
        );
        let v = found[0];
        assert_eq!(
            v.raw, e.raw,
            "seed {n}: raw text of {:?} / {:?}",
            e.row, e.column
        );
        match plain_number(&e.raw) {
            None => assert_eq!(
                v.value, None,
                "seed {n}: blank cell {:?} / {:?} has no value",
                e.row, e.column
            ),
            Some(x) => {
                let got = v.value.as_ref().unwrap_or_else(|| {
                    panic!(
                        "seed {n}: no value for {:?} / {:?} ({:?})",
                        e.row, e.column, e.raw
                    )
                });
                if e.amount {
                    assert_eq!(
                        as_f64(got),
                        Some(x),
                        "seed {n}: amount {:?} / {:?}",
                        e.row,
                        e.column
                    );
                } else {
                    assert_eq!(
                        got,
                        &Quantity::Int(x as i64),
                        "seed {n}: count {:?} / {:?}",
                        e.row,
                        e.column
                    );
                }
            }
        }
        assert_eq!(
            v.cell,
            Some(cref(e.pos)),
            "seed {n}: cell position of {:?} / {:?}",
            e.row,
            e.column
        );
    }
}

fn dump(n: usize, r: &CheckResult) {
    eprintln!("seed {n}: status {:?} report {:?}", r.status, r.report);
    for f in &r.findings {
        eprintln!(
            "  {} {:?} t{:?} {:?} {:?} exp {:?} act {:?}: {}",
            f.rule, f.severity, f.table, f.row, f.column, f.expected, f.actual, f.message
        );
    }
}

fn has(r: &CheckResult, rule: &str, sev: Severity) -> bool {
    r.findings
        .iter()
        .any(|f| f.rule == rule && f.severity == sev)
}

// ---------------------------------------------------------------------------------------------

#[test]
fn seed_text_parser_reads_the_seeds() {
    // The builder's own parse of the text extractions (independent of the core).
    for s in &SEEDS {
        let spec = seed_spec(s.n);
        assert_eq!(spec.format, s.format, "seed {}", s.n);
        assert_eq!(spec.table3.len(), s.format.t3_rows());
        assert_eq!(
            spec.table2.iter().flatten().count(),
            if s.format == Format::Format2021 {
                10
            } else {
                22
            }
        );
        assert!(
            spec.sections.iter().all(|x| x.heading.is_some()),
            "seed {}: six headings found",
            s.n
        );
    }
    let s1 = seed_spec(1);
    assert_eq!(s1.get_t3("new_received", 0), "1");
    assert_eq!(s1.get_t3("results_total", 6), "1");
    assert_eq!(s1.t2_labels[1], "规范性文件");
    let s2 = seed_spec(2);
    assert_eq!(
        s2.get_t3("partially_granted", 6),
        "\n0",
        "seed 002: number split over two paragraphs"
    );
    assert_eq!(s2.get_t3("new_received", 0), "\u{a0}0");
    let s4 = seed_spec(4);
    assert_eq!(s4.t4_header, T4Header::LeavesInOneRow);
    let s0 = seed_spec(0);
    assert_eq!(s0.table2[2], vec!["5".to_string()]);
    assert_eq!(s0.table2[3], vec!["8".to_string()]);
    assert_eq!(
        s0.sections[1].heading.as_deref(),
        Some("2、 主动公开政府信息情况")
    );
}

#[test]
fn seeds_report_info() {
    for s in &SEEDS {
        let r = check_seed(s.n);
        dump(s.n, &r);
        assert_eq!(r.status, nianbao::Status::Checked, "seed {}", s.n);
        assert_eq!(r.rejection, None);
        assert_eq!(
            r.report.agency.as_deref(),
            Some(s.agency),
            "seed {} agency",
            s.n
        );
        assert_eq!(r.report.year, Some(s.year), "seed {} year", s.n);
        assert_eq!(
            r.report.format.as_deref(),
            Some(s.format.as_str()),
            "seed {} format",
            s.n
        );
    }
}

#[test]
fn seed_000_values_as_written() {
    assert_values_as_written(0, &check_seed(0), &seed_spec(0));
}

#[test]
fn seed_001_values_as_written() {
    assert_values_as_written(1, &check_seed(1), &seed_spec(1));
}

#[test]
fn seed_002_values_as_written() {
    assert_values_as_written(2, &check_seed(2), &seed_spec(2));
}

#[test]
fn seed_003_values_as_written() {
    assert_values_as_written(3, &check_seed(3), &seed_spec(3));
}

#[test]
fn seed_004_values_as_written() {
    assert_values_as_written(4, &check_seed(4), &seed_spec(4));
}

#[test]
fn seeds_000_001_002_004_have_no_errors() {
    for n in [0, 1, 2, 4] {
        let r = check_seed(n);
        dump(n, &r);
        let e = errors(&r);
        assert!(e.is_empty(), "seed {n}: unexpected errors {e:#?}");
    }
}

#[test]
fn seed_000_warnings() {
    let r = check_seed(0);
    dump(0, &r);
    // `2、 主动公开政府信息情况`: Arabic numbering.
    let tv: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.rule == "S.TITLEVAR")
        .collect();
    assert!(
        !tv.is_empty(),
        "seed 000: S.TITLEVAR for `2、 主动公开政府信息情况`"
    );
    assert!(tv.iter().all(|f| f.severity == Severity::Warning));
    assert!(
        tv.iter()
            .any(|f| f.message.contains("主动公开政府信息情况")),
        "the message names the heading: {tv:#?}"
    );
    assert!(
        !has(&r, "S.DATE", Severity::Warning),
        "seed 000 has a date line 2022年1月13日"
    );
    assert!(
        !r.findings
            .iter()
            .any(|f| f.rule == "T2.ROWS" || f.rule == "T2.LABEL"),
        "seed 000 uses 行政规范性文件"
    );
}

#[test]
fn seed_001_warnings() {
    let r = check_seed(1);
    dump(1, &r);
    // The label variant is T2.LABEL (split from T2.ROWS, which keeps missing rows and columns).
    assert!(
        !r.findings.iter().any(|f| f.rule == "T2.ROWS"),
        "seed 001: no T2.ROWS"
    );
    let rows: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == "T2.LABEL").collect();
    assert_eq!(
        rows.len(),
        1,
        "seed 001: one T2.LABEL for `规范性文件`: {rows:#?}"
    );
    assert_eq!(
        rows[0].severity,
        Severity::Warning,
        "a label variant is a warning, not an error"
    );
    assert_eq!(rows[0].table, Some(2));
    assert!(rows[0].message.contains("规范性文件"));
    assert!(
        has(&r, "S.DATE", Severity::Warning),
        "seed 001 has no date line"
    );
    // The variant row is still read: its cells are under the official label.
    let v = r
        .values
        .table2
        .iter()
        .filter(|v| *v.row == ["第二十条第（一）项", "行政规范性文件"])
        .count();
    assert_eq!(v, 3, "seed 001: 规范性文件 read as 行政规范性文件");
}

#[test]
fn seed_002_warnings() {
    let r = check_seed(2);
    dump(2, &r);
    let tv: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.rule == "S.TITLEVAR")
        .collect();
    assert!(
        tv.iter()
            .any(|f| f.severity == Severity::Warning && f.message.contains("存在的问题及改进情况")),
        "seed 002: S.TITLEVAR for 五、存在的问题及改进情况: {tv:#?}"
    );
    assert!(
        !has(&r, "S.DATE", Severity::Warning),
        "seed 002 has a date line 2024年1月28日"
    );
}

#[test]
fn seed_004_warnings() {
    let r = check_seed(4);
    dump(4, &r);
    assert!(
        has(&r, "S.DATE", Severity::Warning),
        "seed 004 has no date line"
    );
    assert!(
        !r.findings.iter().any(|f| f.rule == "T4.COLS"),
        "seed 004: table 四 found despite its header order"
    );
    assert!(
        !r.findings.iter().any(|f| f.rule == "S.TITLEVAR"),
        "seed 004 uses the template headings"
    );
}

#[test]
fn seed_003_is_2019_format_with_blank_cells() {
    let r = check_seed(3);
    dump(3, &r);
    let spec = seed_spec(3);
    assert_eq!(r.report.format.as_deref(), Some("2019"));
    assert!(
        !r.findings.iter().any(|f| f.rule == "S.FMT"),
        "the 2019 format is right for 2020"
    );
    assert!(
        !has(&r, "S.DATE", Severity::Warning),
        "seed 003 has a date line 2021年1月31日"
    );
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "S.TITLEVAR" && f.severity == Severity::Warning),
        "seed 003: `总体情况` without `一、`"
    );

    let exp = expected_cells(&spec);
    for (t, rule) in [(3u8, "T3.BLANK"), (4u8, "T4.BLANK")] {
        let blanks: BTreeSet<(Vec<String>, Vec<String>)> = exp
            .iter()
            .filter(|e| e.table == t && plain_number(&e.raw).is_none())
            .map(|e| (e.row.clone(), e.column.clone()))
            .collect();
        let found: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == rule).collect();
        let found_set: BTreeSet<(Vec<String>, Vec<String>)> = found
            .iter()
            .map(|f| (strings(&f.row), strings(&f.column)))
            .collect();
        assert_eq!(
            found.len(),
            blanks.len(),
            "seed 003: one {rule} per blank cell"
        );
        assert_eq!(
            found_set, blanks,
            "seed 003: {rule} on exactly the blank cells"
        );
        for f in &found {
            assert_eq!(f.severity, Severity::Error);
            assert_eq!(f.table, Some(t));
            let e = exp
                .iter()
                .find(|e| {
                    e.table == t && e.row == strings(&f.row) && e.column == strings(&f.column)
                })
                .expect("cell");
            assert_eq!(
                f.cells.first(),
                Some(&cref(e.pos)),
                "{rule} main cell {:?}/{:?}",
                f.row,
                f.column
            );
        }
    }
    // 20 result rows + row 四 blank (7 cells each); table 四: 14 blank, 总计 of 复议后起诉 = 0.
    assert_eq!(
        r.findings.iter().filter(|f| f.rule == "T3.BLANK").count(),
        21 * 7
    );
    assert_eq!(
        r.findings.iter().filter(|f| f.rule == "T4.BLANK").count(),
        14
    );
    // Nothing computed from blanks.
    let other: Vec<&Finding> = errors(&r)
        .into_iter()
        .filter(|f| f.rule != "T3.BLANK" && f.rule != "T4.BLANK")
        .collect();
    assert!(
        other.is_empty(),
        "seed 003: no error besides the blanks: {other:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// The same seeds rebuilt by the builder from their text extraction.

fn rebuilt(n: usize) -> (ReportSpec, CheckResult) {
    let mut spec = seed_spec(n);
    if n == 0 {
        // seed_000.docx carries a title line that the text extraction lacks.
        spec.preface.insert(
            0,
            "繁峙县卫生健康和体育局2021年政府信息公开工作年度报告".to_string(),
        );
    }
    let r = check_bytes(&spec.to_bytes());
    (spec, r)
}

type Key = (
    String,
    Severity,
    Option<u8>,
    Vec<String>,
    Vec<String>,
    Option<String>,
    Option<String>,
);

fn finding_keys(r: &CheckResult) -> Vec<Key> {
    let mut v: Vec<Key> = r
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.to_string(),
                f.severity,
                f.table,
                strings(&f.row),
                strings(&f.column),
                f.expected.as_ref().map(|q| q.to_string()),
                f.actual.as_ref().map(|q| q.to_string()),
            )
        })
        .collect();
    v.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    v
}

/// A value entry's fields, for comparing entries.
type EntryView<'a> = (
    &'a nianbao::Labels,
    &'a nianbao::Labels,
    &'a Option<Quantity>,
    &'a String,
    &'a Option<CellRef>,
);

fn assert_rebuilt_matches(n: usize) {
    let sample = check_seed(n);
    let (spec, r) = rebuilt(n);
    dump(n, &r);
    assert_eq!(r.status, sample.status);
    assert_eq!(r.report, sample.report, "seed {n} rebuilt: report info");
    assert_values_as_written(n, &r, &spec);
    for t in [2u8, 3, 4] {
        let a: Vec<EntryView<'_>> = entries(&r, t)
            .iter()
            .map(|v| (&v.row, &v.column, &v.value, &v.raw, &v.cell))
            .collect();
        let b: Vec<EntryView<'_>> = entries(&sample, t)
            .iter()
            .map(|v| (&v.row, &v.column, &v.value, &v.raw, &v.cell))
            .collect();
        assert_eq!(
            a, b,
            "seed {n} rebuilt: table {t} values equal the sample's"
        );
    }
    assert_eq!(
        finding_keys(&r),
        finding_keys(&sample),
        "seed {n} rebuilt: same findings"
    );
}

#[test]
fn seed_000_rebuilt() {
    assert_rebuilt_matches(0);
}

#[test]
fn seed_001_rebuilt() {
    assert_rebuilt_matches(1);
}

#[test]
fn seed_002_rebuilt() {
    assert_rebuilt_matches(2);
}

#[test]
fn seed_003_rebuilt() {
    assert_rebuilt_matches(3);
}

#[test]
fn seed_004_rebuilt() {
    assert_rebuilt_matches(4);
}

/// A finding's label path as owned strings (to compare with the expected cells' labels).
fn strings(path: &nianbao::LabelPath) -> Vec<String> {
    path.iter().map(|s| s.to_string()).collect()
}
