//! Readable text for the terminal.

use crate::contract::{CheckResult, Status};
use crate::findings::{Finding, Location, Outcome, Severity};
use crate::messages;

/// A readable report for one file.
pub fn text(file: &str, result: &CheckResult) -> String {
    let mut s = String::new();
    match result.status {
        Status::Rejected => {
            let msg = result
                .rejection
                .as_ref()
                .map(|r| format!("{}（{}）", r.message, r.code.as_str()))
                .unwrap_or_default();
            s.push_str(&format!("✖ {file}\n  {}\n", messages::text_unchecked(&msg)));
        }
        Status::Checked => {
            let r = &result.report;
            let line = messages::text_report_line(r.agency.as_deref(), r.year, r.format.as_deref());
            let mark = match result.outcome() {
                Outcome::Error | Outcome::Rejected => "✖",
                Outcome::Warning => "⚠",
                Outcome::Pass => "✔",
            };
            s.push_str(&format!("{mark} {file}\n  {line}\n"));
            if let Some(p) = &result.previous {
                let what = p.file.as_deref().or(p.agency.as_deref()).unwrap_or("");
                s.push_str(&format!(
                    "  {}\n",
                    messages::compared_with(what, p.year, p.explicit)
                ));
            }
            // Many findings of one rule in one table are one line (`--json` keeps them all).
            let mut shown = vec![false; result.groups.len()];
            for f in &result.findings {
                let group = f
                    .group
                    .and_then(|g| result.groups.get(g).map(|grp| (g, grp)));
                let message = match group {
                    Some((g, _)) if shown.get(g).copied().unwrap_or(false) => continue,
                    Some((g, grp)) => {
                        if let Some(slot) = shown.get_mut(g) {
                            *slot = true;
                        }
                        messages::text_group(&grp.message)
                    }
                    None => f.message.clone(),
                };
                s.push_str(&format!(
                    "  {} {} {}：{}\n",
                    icon(f),
                    f.severity.label(),
                    f.rule,
                    message
                ));
                for (doc, sentence) in f.locations.iter().filter_map(|l| match l {
                    Location::Text { doc, sentence, .. }
                        if !f.message.contains(sentence.as_str()) =>
                    {
                        Some((*doc, sentence))
                    }
                    _ => None,
                }) {
                    let label = messages::text_sentence_label(doc);
                    s.push_str(&format!("      {label}：{sentence}\n"));
                }
            }
            if result.findings.is_empty() {
                s.push_str(&format!("  {}\n", messages::TEXT_PASSED));
            } else {
                s.push_str(&format!(
                    "  {}\n",
                    messages::text_totals(result.outcome(), result.errors(), result.warnings())
                ));
            }
        }
    }
    s
}

fn icon(f: &Finding) -> &'static str {
    match f.severity {
        Severity::Error => "✖",
        Severity::Warning => "⚠",
    }
}
