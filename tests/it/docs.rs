//! docs/rules.md and www/rules.json (what the page's help panel fetches) are generated from the rule
//! catalogue; these tests keep them in sync.

#[test]
fn rules_md_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = nianbao::catalogue_markdown();
    assert!(
        on_disk == generated,
        "docs/rules.md is stale: regenerate it with `cargo run -- rules > docs/rules.md`"
    );
    for rule in nianbao::catalogue() {
        assert!(
            on_disk.contains(&format!("## {}", rule.info.id)),
            "{} missing",
            rule.info.id
        );
    }
}

#[test]
fn rules_json_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/rules.json");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    let infos: Vec<_> = nianbao::catalogue().iter().map(|r| r.info).collect();
    let generated = serde_json::to_string_pretty(&infos).expect("the catalogue serializes") + "\n";
    assert!(
        on_disk == generated,
        "www/rules.json is stale: regenerate it with `cargo run -- rules --json > www/rules.json`"
    );
    let parsed: serde_json::Value = serde_json::from_str(&on_disk).expect("www/rules.json is JSON");
    assert_eq!(
        parsed.as_array().map(Vec::len),
        Some(nianbao::catalogue().len())
    );
}
