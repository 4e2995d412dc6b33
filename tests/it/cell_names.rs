//! Last year's cells a cross-year finding compares with are named by that report's own row and
//! column labels (`previous.cells`), never by grid numbers (issue 17: 「… › 88 › 55」, 第 28 行第 4 列).

use nianbao::{check, Context, Options, PreviousBytes};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect(path)
}

#[test]
fn previous_cells_are_named_by_their_labels() {
    let previous = fixture("pairs/2021.docx");
    let results = check(
        &fixture("pairs/2022.docx"),
        &Options::default(),
        &Context {
            previous: Some(PreviousBytes {
                bytes: &previous,
                name: Some("2021.docx"),
            }),
            same_year: &[],
        },
    );
    let r = &results[0];
    // Read as the page reads it: the JSON.
    let json: serde_json::Value =
        serde_json::from_str(&nianbao::present::json_line("2022.docx", r)).expect("json");
    let cells = json["previous"]["cells"]
        .as_array()
        .expect("previous.cells");
    let at = |c: &serde_json::Value| (c["table"].as_u64(), c["row"].as_u64(), c["col"].as_u64());
    // Every doc-1 cell location of a finding is named.
    let mut wanted = 0;
    for l in json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .flat_map(|f| f["locations"].as_array().cloned().unwrap_or_default())
    {
        if l["kind"] != "cell" || l["doc"] != 1 {
            continue;
        }
        wanted += 1;
        let c = cells
            .iter()
            .find(|c| at(c) == at(&l))
            .unwrap_or_else(|| panic!("cell {l} is not named"));
        let name = c["name"].as_str().unwrap_or_default();
        assert!(
            name.starts_with("表三「四、结转下年度继续办理」「"),
            "{name}"
        );
        assert!(!name.chars().any(|ch| ch.is_ascii_digit()), "{name}");
    }
    assert!(
        wanted >= 2,
        "the broken carry-over points at last year's cells"
    );
    let names: Vec<(&str, &str)> = cells
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap_or_default(),
                c["text"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        names.contains(&("表三「四、结转下年度继续办理」「自然人」列", "1")),
        "{names:?}"
    );
    assert!(
        names.contains(&("表三「四、结转下年度继续办理」「总计」列", "2")),
        "{names:?}"
    );
}
