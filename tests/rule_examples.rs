//! Every rule's example (the data in its `rule!` declaration, shown in docs/rules.md) runs: the
//! edits applied to the zero-filled official report, built as a real .docx, make the rule fire
//! with the documented message; the untouched report does not make it fire.
//!
//! `NIANBAO_EXAMPLES=print cargo test --test rule_examples -- --nocapture` prints what each rule
//! says on its example.

mod support;

use nianbao::report::formats::Format as CoreFormat;
use nianbao::rules::{Edit, RuleId};
use nianbao::{check_bytes, CheckResult, Status};
use support::report::*;

fn zeros(format: CoreFormat) -> ReportSpec {
    match format {
        CoreFormat::F2021 => ReportSpec::zeros_2021(),
        CoreFormat::F2019 => ReportSpec::zeros_2019(),
    }
}

/// The example's .docx.
fn build(id: RuleId) -> Vec<u8> {
    let example = id.example();
    let mut spec = zeros(example.format);
    let mut twice = false;
    for edit in example.edits {
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
        }
    }
    if twice {
        multi_docx(&[spec.clone(), spec]).build()
    } else {
        spec.to_bytes()
    }
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
        let clean = check_bytes(&zeros(example.format).to_bytes());
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
        let r = check_bytes(&build(id));
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
    let md = nianbao::rules::catalogue_markdown();
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
