//! Every rule's example (the data in its `rule!` declaration, shown in docs/rules.md) runs: the
//! edits applied to the zero-filled official report, built as a real .docx, make the rule fire
//! with the documented message; the untouched report does not make it fire.
//!
//! `NIANBAO_EXAMPLES=print cargo test --test rule_examples -- --nocapture` prints what each rule
//! says on its example.

use crate::support;

use nianbao::inspect::report::formats::Format as CoreFormat;
use nianbao::inspect::rules::{Edit, RuleId};
use nianbao::{check_batch, check_bytes, CheckResult, Options, Status};
use support::api::check_with_previous;
use support::report::*;

fn zeros(format: CoreFormat) -> ReportSpec {
    match format {
        CoreFormat::F2021 => ReportSpec::zeros_2021(),
        CoreFormat::F2019 => ReportSpec::zeros_2019(),
    }
}

/// What an example is checked as: one file, a file with its previous year's, or a batch
/// holding the file twice.
enum Build {
    Alone(Vec<u8>),
    WithPrevious(Vec<u8>, Vec<u8>),
    Twice(Vec<u8>),
}

/// The example's .docx (and its previous year's, for a cross-year rule).
fn build(id: RuleId) -> Build {
    let example = id.example();
    let (spec, twice, previous, again) = apply(zeros(example.format), example.edits);
    let bytes = if twice {
        multi_docx(&[spec.clone(), spec.clone()]).build()
    } else {
        spec.to_bytes()
    };
    match previous {
        Some((format, edits)) => {
            let base = ReportSpec::zeros(support_format(format), spec.year - 1, &spec.agency);
            let (last, ..) = apply(base.reworded(), edits);
            Build::WithPrevious(bytes, last.to_bytes())
        }
        None if again => Build::Twice(bytes),
        None => Build::Alone(bytes),
    }
}

fn support_format(format: CoreFormat) -> Format {
    match format {
        CoreFormat::F2021 => Format::Format2021,
        CoreFormat::F2019 => Format::Format2019,
    }
}

type Applied = (
    ReportSpec,
    bool,
    Option<(CoreFormat, &'static [Edit])>,
    bool,
);

/// Applies edits to a report: the report, whether it is repeated in its file, the previous
/// year's report asked for, whether the batch holds it twice.
fn apply(mut spec: ReportSpec, edits: &'static [Edit]) -> Applied {
    let mut twice = false;
    let mut previous = None;
    let mut again = false;
    for edit in edits {
        match *edit {
            Edit::T2 { row, col, text } => {
                spec.set_t2(row, col, text);
            }
            Edit::T3 { row, col, text } => {
                spec.set_t3(row, col, text);
            }
            Edit::T3Row { row, values } => {
                spec.set_t3_row(row, values);
            }
            Edit::T4 { col, text } => {
                spec.set_t4(col, text);
            }
            Edit::T2Label { row, text } => {
                let i = spec.t2_row(row);
                spec.t2_labels[i] = text.to_string();
            }
            Edit::T3Label { row, text } => {
                let i = spec.t3_row(row);
                if let Some(last) = spec.t3_labels[i].last_mut() {
                    *last = text.to_string();
                }
            }
            Edit::T4Label { col, text } => spec.t4_leaves[t4_index(col)] = text.to_string(),
            Edit::T3Note(text) => spec.t3_corner = text.to_string(),
            Edit::Heading { section, text } => {
                spec.set_heading(section, Some(text));
            }
            Edit::RemoveSection(section) => {
                spec.set_heading(section, None);
                spec.sections[section].before.clear();
                spec.sections[section].after.clear();
            }
            Edit::Paragraph { section, text } => {
                spec.sections[section].before.insert(0, text.to_string())
            }
            Edit::Text { section, text } => {
                spec.sections[section].before = if text.is_empty() {
                    Vec::new()
                } else {
                    vec![text.to_string()]
                };
                spec.sections[section].after.clear();
            }
            Edit::Filler { section, chars } => {
                spec.sections[section].after.push(hanzi_filler(chars))
            }
            Edit::Agency(name) => {
                spec.agency = name.to_string();
                spec.signature = Some(name.to_string());
            }
            Edit::Year(year) => spec.year = year,
            Edit::NoYear => {
                spec.title = false;
                spec.preface.clear();
                spec.sections[0].before.remove(0);
                spec.sections[5].before.clear();
                spec.date_line = None;
            }
            Edit::DateLine(line) => spec.date_line = line.map(str::to_string),
            Edit::OmitTable(t) => spec.omit_tables.push(t),
            Edit::SecondReport => twice = true,
            Edit::T3In2019Format => {
                let rows = t3_rows(Format::Format2019);
                spec.t3_format = Some(Format::Format2019);
                spec.t3_labels = rows
                    .iter()
                    .map(|(_, p)| p.iter().map(|x| x.to_string()).collect())
                    .collect();
                spec.table3 = vec![vec!["0".to_string(); 7]; rows.len()];
            }
            Edit::BlankTables => {
                spec.table2 = spec
                    .table2
                    .iter()
                    .map(|r| vec![String::new(); r.len()])
                    .collect();
                spec.table3 = spec
                    .table3
                    .iter()
                    .map(|r| vec![String::new(); r.len()])
                    .collect();
                spec.table4 = vec![String::new(); spec.table4.len()];
            }
            Edit::PreviousYear { format, edits } => previous = Some((format, edits)),
            Edit::SameYearAgain => again = true,
        }
    }
    (spec, twice, previous, again)
}

/// Checks what an example builds: the result of its (first) report.
fn check(build: &Build) -> CheckResult {
    let options = Options::default();
    let mut results = match build {
        Build::Alone(bytes) => vec![check_bytes(bytes)],
        Build::WithPrevious(bytes, last) => {
            check_with_previous(bytes, last, Some("上一年度.docx"), &options)
        }
        Build::Twice(bytes) => {
            check_batch(&[("甲.docx", bytes), ("乙.docx", bytes)], &options).swap_remove(0)
        }
    };
    results.swap_remove(0)
}

/// The untouched counterpart of an example: the zero-filled report, with its untouched
/// previous year's (same format, worded differently) for a pair.
fn clean(id: RuleId) -> CheckResult {
    let example = id.example();
    let spec = zeros(example.format);
    let build = match build(id) {
        Build::WithPrevious(..) => {
            let base =
                ReportSpec::zeros(support_format(example.format), spec.year - 1, &spec.agency);
            Build::WithPrevious(spec.to_bytes(), base.reworded().to_bytes())
        }
        Build::Twice(_) => {
            let other = ReportSpec::zeros(
                support_format(example.format),
                spec.year,
                "另一个县卫生健康局",
            );
            return check_batch(
                &[
                    ("甲.docx", &spec.to_bytes()),
                    ("乙.docx", &other.to_bytes()),
                ],
                &Options::default(),
            )
            .swap_remove(0)
            .swap_remove(0);
        }
        Build::Alone(_) => Build::Alone(spec.to_bytes()),
    };
    check(&build)
}

fn messages(r: &CheckResult, id: RuleId) -> Vec<&str> {
    r.findings
        .iter()
        .filter(|f| f.rule == id.as_str())
        .map(|f| f.message.as_str())
        .collect()
}

#[test]
fn every_rule_fires_on_its_example_and_not_on_the_official_report() {
    let print = std::env::var("NIANBAO_EXAMPLES").as_deref() == Ok("print");
    let mut failures = Vec::new();
    for &id in RuleId::ALL {
        let example = id.example();
        let clean = clean(id);
        assert_eq!(
            clean.status,
            Status::Checked,
            "{id}: the zero-filled report is checked"
        );
        if !messages(&clean, id).is_empty() {
            failures.push(format!(
                "{id} fires on the untouched report: {:?}",
                messages(&clean, id)
            ));
        }
        let r = check(&build(id));
        assert_eq!(r.status, Status::Checked, "{id}: {:?}", r.rejection);
        let said = messages(&r, id);
        if print {
            println!("{id}\t{said:?}");
        }
        for f in r.findings.iter().filter(|f| f.rule == id.as_str()) {
            assert_eq!(f.severity, id.severity(), "{id}: one severity per id");
        }
        if !said.iter().any(|m| m.contains(example.message)) || example.message.is_empty() {
            failures.push(format!(
                "{id}: expected a message containing {:?}, got {said:?}",
                example.message
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn examples_are_described_in_the_catalogue() {
    let md = nianbao::inspect::rules::catalogue_markdown();
    for &id in RuleId::ALL {
        let example = id.example();
        assert!(
            md.contains(&example.describe()),
            "{id}: the example's edits are in docs/rules.md"
        );
        assert!(
            md.contains(example.message),
            "{id}: the example's message is in docs/rules.md"
        );
    }
}
