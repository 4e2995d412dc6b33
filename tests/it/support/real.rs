//! Real published reports as test fixtures (`tests/fixtures/real/*.txt`): the fixture format,
//! its parser, and the builder that turns a fixture into a .docx with the official merged-cell
//! layout but the document's own labels and cell texts (through [`ReportSpec::from_seed`]).
//!
//! A fixture is a header block of `# key: value` lines, a line `---`, then the body:
//! - a line starting with `|` is a table row, its cells between the `|` separators
//!   (`|第二十条第（一）项|`, `||自然人|法人或其他组织|总计|`); consecutive rows form one table,
//!   a blank line or a paragraph ends it; merged-away cells are empty cells, as in the seed
//!   texts;
//! - inside a cell, `⏎` separates paragraphs and `&nbsp;` stands for U+00A0;
//! - any other non-blank line is one paragraph, written exactly as published (leading and
//!   trailing spaces kept).
//!
//! Header keys: `source`, `agency`, `year`, `format` (what a correct reading gives), `status`
//! (`passes-today` or `needs-issue-9`), `errors` and `warnings` (`RULE*count` comma-separated,
//! or `none`), `may-warn` (warning rules a correct reading may add in any number, e.g. for a
//! label variant the document really has), `error-cell` (repeatable: `RULE | official row label | official column label`,
//! a real mistake that must be found at that cell), `labels` (optional: `official (source is
//! parsed data)` when the source gives parsed values rather than the document's table, so the
//! tables carry the official labels and the report's numbers), `note` (repeatable, free text).
#![allow(dead_code)]

use super::report::{ReportSpec, SeedBlock, SeedText};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    PassesToday,
    NeedsIssue9,
}

#[derive(Debug, Clone)]
pub struct ErrorCell {
    pub rule: String,
    pub row: String,
    pub column: String,
}

#[derive(Debug, Clone)]
pub struct RealFixture {
    pub file: String,
    pub source: String,
    pub agency: String,
    pub year: i32,
    pub format: String,
    pub status: Status,
    /// Rule id → number of error findings expected.
    pub errors: BTreeMap<String, usize>,
    /// Rule id → number of warning findings expected.
    pub warnings: BTreeMap<String, usize>,
    /// Warning rules a correct reading may add in any number (label or heading variants the
    /// document really has), beyond `warnings`.
    pub may_warn: Vec<String>,
    pub error_cells: Vec<ErrorCell>,
    /// Where the table labels come from when not from the document (`labels:`), else empty.
    pub labels: String,
    pub notes: Vec<String>,
    pub blocks: Vec<SeedBlock>,
}

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// Every fixture of `tests/fixtures/real`, in file-name order.
pub fn load_all() -> Vec<RealFixture> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/real")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| load(p)).collect()
}

pub fn load(path: &Path) -> RealFixture {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    parse(&name, &text)
}

/// "T3.BLANK*95, T4.BLANK*9" → {T3.BLANK: 95, T4.BLANK: 9}; "none" → {}.
pub fn parse_counts(v: &str, file: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let v = v.trim();
    if v.is_empty() || v == "none" {
        return out;
    }
    for item in v.split(',') {
        let item = item.trim();
        let (rule, n) = match item.split_once('*') {
            Some((r, n)) => (
                r.trim(),
                n.trim()
                    .parse::<usize>()
                    .unwrap_or_else(|_| panic!("{file}: bad count in {item:?}")),
            ),
            None => (item, 1),
        };
        *out.entry(rule.to_string()).or_insert(0) += n;
    }
    out
}

pub fn parse(file: &str, text: &str) -> RealFixture {
    let (head, body) = text
        .split_once("\n---\n")
        .unwrap_or_else(|| panic!("{file}: header and body are separated by a line ---"));
    let mut f = RealFixture {
        file: file.to_string(),
        source: String::new(),
        agency: String::new(),
        year: 0,
        format: String::new(),
        status: Status::NeedsIssue9,
        errors: BTreeMap::new(),
        warnings: BTreeMap::new(),
        may_warn: Vec::new(),
        error_cells: Vec::new(),
        labels: String::new(),
        notes: Vec::new(),
        blocks: Vec::new(),
    };
    let mut seen = Vec::new();
    for line in head.lines() {
        let Some(kv) = line.strip_prefix("# ") else {
            continue;
        };
        let Some((k, v)) = kv.split_once(':') else {
            continue;
        };
        let v = v.trim();
        seen.push(k.to_string());
        match k {
            "source" => f.source = v.to_string(),
            "agency" => f.agency = v.to_string(),
            "year" => f.year = v.parse().unwrap_or_else(|_| panic!("{file}: year {v:?}")),
            "format" => f.format = v.to_string(),
            "status" => {
                f.status = match v {
                    "passes-today" => Status::PassesToday,
                    "needs-issue-9" => Status::NeedsIssue9,
                    _ => panic!("{file}: status {v:?}"),
                }
            }
            "errors" => f.errors = parse_counts(v, file),
            "warnings" => f.warnings = parse_counts(v, file),
            "may-warn" => {
                f.may_warn = v
                    .split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            }
            "error-cell" => {
                let parts: Vec<&str> = v.split('|').map(str::trim).collect();
                assert_eq!(parts.len(), 3, "{file}: error-cell is RULE | row | column");
                f.error_cells.push(ErrorCell {
                    rule: parts[0].into(),
                    row: parts[1].into(),
                    column: parts[2].into(),
                });
            }
            "labels" => f.labels = v.to_string(),
            "note" => f.notes.push(v.to_string()),
            _ => panic!("{file}: unknown header key {k:?}"),
        }
    }
    for k in [
        "source", "agency", "year", "format", "status", "errors", "warnings",
    ] {
        assert!(seen.iter().any(|s| s == k), "{file}: header lacks `{k}`");
    }
    f.blocks = parse_body(body);
    f
}

fn cell_text(raw: &str) -> String {
    raw.replace('⏎', "\n").replace("&nbsp;", "\u{a0}")
}

/// The body as blocks: paragraphs and tables (rows of cells).
pub fn parse_body(body: &str) -> Vec<SeedBlock> {
    let mut blocks = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for line in body.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(rest) = line.strip_prefix('|') {
            let rest = rest.strip_suffix('|').unwrap_or(rest);
            rows.push(rest.split('|').map(cell_text).collect());
            continue;
        }
        if !rows.is_empty() {
            blocks.push(SeedBlock::Table(std::mem::take(&mut rows)));
        }
        if !line.trim().is_empty() {
            blocks.push(SeedBlock::Para(line.to_string()));
        }
    }
    if !rows.is_empty() {
        blocks.push(SeedBlock::Table(rows));
    }
    blocks
}

impl RealFixture {
    /// The report spec: official layout, the document's texts.
    pub fn spec(&self) -> ReportSpec {
        ReportSpec::from_seed(
            &SeedText {
                blocks: self.blocks.clone(),
            },
            self.year,
            &self.file,
        )
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.spec().to_bytes()
    }
}
