//! The findings on the five seed samples, compared with a snapshot taken before the code was
//! restructured: rule, severity, message, labels, values and cells must stay byte-identical.
//! `locations`, `group` and `fix` (added later) are left out of the comparison.
//!
//! The only change recorded since: the id split of contract v2 (`T2.ROWS` warning → `T2.LABEL`).
//!
//! To record a new snapshot after an intended change: `NIANBAO_SNAPSHOT=write cargo test --test seed_snapshot`.

use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn current() -> String {
    let mut seeds = Vec::new();
    for n in 0..5 {
        let path = root().join(format!("tests/fixtures/samples/seed_{n:03}.docx"));
        let bytes = std::fs::read(&path).expect("seed sample");
        let result = nianbao::check_bytes(&bytes);
        let findings: Vec<Value> = result
            .findings
            .iter()
            .map(|f| {
                let mut v = serde_json::to_value(f).expect("finding serializes");
                if let Some(map) = v.as_object_mut() {
                    map.remove("locations");
                    // The grouping of many per-cell findings for display (added later).
                    map.remove("group");
                    // The culprit's corrected value (added later).
                    map.remove("fix");
                }
                v
            })
            .collect();
        seeds.push(serde_json::json!({ "seed": n, "findings": findings }));
    }
    let mut s = serde_json::to_string_pretty(&Value::Array(seeds)).expect("json");
    s.push('\n');
    s
}

#[test]
fn seed_findings_match_the_snapshot() {
    let path = root().join("tests/fixtures/snapshots/seed_findings.json");
    let now = current();
    if std::env::var("NIANBAO_SNAPSHOT").as_deref() == Ok("write") {
        std::fs::write(&path, &now).expect("write snapshot");
        return;
    }
    let saved = std::fs::read_to_string(&path).expect("snapshot file");
    assert!(saved.len() > 1000, "the snapshot holds the seeds' findings");
    assert!(
        saved == now,
        "findings on the seed samples changed; diff {} against the new output:\n{now}",
        path.display()
    );
}
