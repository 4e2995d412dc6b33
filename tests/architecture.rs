//! The stages of the pipeline import only earlier stages, so there are no import cycles and each
//! stage can be read (and replaced) without the later ones. The rule, documented in
//! docs/CONTRACT.md and docs/ARCHITECTURE.md: every top-level module of `src/` has a rank;
//! code in a module may name `crate::X` only for modules X of a lower rank. Input readers
//! (`intake`, `docx`) are named only by the pipeline run (`check`).
//!
//! The test reads the sources: every `crate::name` in a non-comment line of `src/NAME.rs` or
//! `src/NAME/**.rs` counts.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Rank of each module of the library, in pipeline order. Equal ranks may not import each other.
const RANKS: &[(&str, u8)] = &[
    ("limits", 0),
    ("order", 0),
    ("findings", 0),
    ("rejection", 0),
    ("model", 1),
    ("opc", 1),
    ("intake", 2),
    ("docx", 2),
    ("word97", 2),
    ("html", 2),
    ("report", 3),
    ("messages", 4),
    ("rules", 5),
    ("contract", 6),
    ("present", 7),
    ("check", 8),
    ("wasm", 9),
];

/// Modules that only the pipeline run may name.
const READERS: &[&str] = &["intake", "docx", "word97", "html"];

/// The binary (`main.rs`, `cli.rs`) is not part of the library's layering.
const NOT_LIBRARY: &[&str] = &["main", "cli", "lib"];

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read src")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a source file belongs to.
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).expect("under src");
    let first = rel
        .components()
        .next()
        .expect("a component")
        .as_os_str()
        .to_string_lossy()
        .to_string();
    first.trim_end_matches(".rs").to_string()
}

/// Every module named as `crate::name` in the code (comments skipped).
fn crate_refs(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let code = code.split(" //").next().unwrap_or(code);
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::{a, b}` names several modules.
            if name.is_empty() && after.starts_with('{') {
                let group = after[1..].split('}').next().unwrap_or("");
                for item in group.split(',') {
                    let m: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !m.is_empty() {
                        out.push((n + 1, m));
                    }
                }
            } else if !name.is_empty() {
                out.push((n + 1, name));
            }
            rest = after;
        }
    }
    out
}

#[test]
fn stages_import_only_earlier_stages() {
    let ranks: BTreeMap<&str, u8> = RANKS.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut violations = Vec::new();
    let mut seen_modules = std::collections::BTreeSet::new();
    for file in &files {
        let module = module_of(file);
        if NOT_LIBRARY.contains(&module.as_str()) {
            continue;
        }
        seen_modules.insert(module.clone());
        let Some(&rank) = ranks.get(module.as_str()) else {
            violations.push(format!(
                "{}: module `{module}` has no rank in tests/architecture.rs",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read source");
        for (line, target) in crate_refs(&text) {
            if target == module {
                continue;
            }
            // Root re-exports (`crate::Limits` etc.) are not allowed inside the library: name the module.
            let Some(&target_rank) = ranks.get(target.as_str()) else {
                violations.push(format!(
                    "{}:{line}: `crate::{target}` is not a module; import from its stage",
                    file.display()
                ));
                continue;
            };
            if target_rank >= rank {
                violations.push(format!(
                    "{}:{line}: `{module}` (rank {rank}) imports `{target}` (rank {target_rank})",
                    file.display()
                ));
            }
            if READERS.contains(&target.as_str()) && module != "check" {
                violations.push(format!(
                    "{}:{line}: only `check` may use the input reader `{target}`",
                    file.display()
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "stage order broken:\n{}",
        violations.join("\n")
    );
    for must in [
        "intake", "docx", "model", "report", "rules", "findings", "contract", "check", "present",
    ] {
        assert!(
            seen_modules.contains(must),
            "module {must} not found: the test scans the wrong folder"
        );
    }
}

#[test]
fn the_scanner_sees_imports() {
    let refs = crate_refs("use crate::report::{Report};\n// use crate::check;\nlet x = crate::{model, findings::Finding};");
    let names: Vec<&str> = refs.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, vec!["report", "model", "findings"]);
}
