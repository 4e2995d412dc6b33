//! The command-line tool reads .doc/.wps, web pages and .mht files given or found in a folder,
//! each with the findings of the same report as .docx.

use crate::common::{run, samples, tmpdir};
use serde_json::Value;
use std::path::Path;

fn readers() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/readers")
}

/// (rule, cells) of every finding of one JSON line, but M.DUPYEAR: the folder holds each
/// report twice on purpose (as .doc and as a page), which that batch rule rightly notes.
fn summary(rec: &Value) -> Vec<(String, String)> {
    rec["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] != "M.DUPYEAR")
        .map(|f| (f["rule"].to_string(), f["cells"].to_string()))
        .collect()
}

#[test]
fn a_folder_of_doc_wps_and_web_pages_is_walked_and_checked() {
    let dir = tmpdir("readers");
    let files = [
        ("seed_000.doc", "seed_000.docx"),
        ("seed_001.wps", "seed_001.docx"),
        ("seed_000_gbk.htm", "seed_000.docx"),
        ("seed_004_portal.html", "seed_004.docx"),
        ("seed_002.mht", "seed_002.docx"),
    ];
    for (i, (f, _)) in files.iter().enumerate() {
        std::fs::copy(readers().join(f), dir.join(format!("{i}_{f}"))).unwrap();
    }
    // An .mhtml copy too (the same file under the other extension).
    std::fs::copy(readers().join("seed_002.mht"), dir.join("5_seed_002.mhtml")).unwrap();
    let out = run(&["check", "--json", dir.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let recs: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 6, "{stdout}");
    for (i, (f, docx)) in files
        .iter()
        .chain(std::iter::once(&("seed_002.mhtml", "seed_002.docx")))
        .enumerate()
    {
        let rec = &recs[i];
        assert_eq!(rec["status"], "checked", "{f}: {rec}");
        let want = run(&["check", "--json", samples().join(docx).to_str().unwrap()]);
        let want: Value = serde_json::from_str(
            String::from_utf8(want.stdout)
                .unwrap()
                .lines()
                .next()
                .unwrap(),
        )
        .unwrap();
        assert!(!summary(&want).is_empty());
        assert_eq!(summary(rec), summary(&want), "{f}");
    }
}
