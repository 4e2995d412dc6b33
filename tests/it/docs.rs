//! docs/rules.md is generated from the rule catalogue; this test keeps it in sync.

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
