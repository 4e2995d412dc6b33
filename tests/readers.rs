//! The readers beyond .docx (feature `readers`): Word 97-2003 .doc and WPS .wps, web pages
//! (.html/.htm in UTF-8 or GBK, Word's "网页" dialect, a portal page), single-file pages (.mht)
//! and a paste. Each fixture in tests/fixtures/readers/ (made by make.py from the seed reports,
//! see its README.md) holds the same report as a .docx fixture and must give exactly its
//! findings: the same rules at the same cells with the same values and messages. Only a text
//! finding's paragraph index differs by nature (a .docx counts `<w:p>` elements, the other
//! readers count paragraphs), so it is left out of the comparison.
//! Also the readers' rejections: encrypted .doc, Word 6/95 .doc, a page without tables, a
//! plain-text paste.

use nianbao::inspect::rejection::{ReaderProblem, Refusal};
use nianbao::{check, check_pasted, CheckResult, Context, Options, RejectionCode, Status};
use serde_json::Value;

/// Every report of a file, checked alone.
fn check_document(bytes: &[u8], options: &Options) -> Vec<CheckResult> {
    check(bytes, options, &Context::default())
}

fn fixture(path: &str) -> Vec<u8> {
    let p = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// The findings of every report of a file, as JSON, without paragraph indices.
fn findings(results: &[CheckResult]) -> Vec<Value> {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("paragraph");
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    results
        .iter()
        .flat_map(|r| r.findings.iter())
        .map(|f| {
            let mut v = serde_json::to_value(f).expect("finding as JSON");
            strip(&mut v);
            v
        })
        .collect()
}

fn same_as_docx(docx: &str, other: &str) {
    let options = Options::default();
    let want = check_document(&fixture(docx), &options);
    let got = check_document(&fixture(other), &options);
    for r in &got {
        assert_eq!(r.status, Status::Checked, "{other}: {:?}", r.rejection);
    }
    assert_eq!(want.len(), got.len(), "{other}: number of reports");
    let (w, g) = (findings(&want), findings(&got));
    assert!(!w.is_empty(), "{docx}: the comparison needs findings");
    for (i, (a, b)) in w.iter().zip(&g).enumerate() {
        assert_eq!(a, b, "{other}: finding {i} differs from {docx}'s");
    }
    assert_eq!(w.len(), g.len(), "{other}: number of findings");
    // The report read is the same too (agency, year, kind).
    assert_eq!(
        serde_json::to_value(&want[0].report).unwrap(),
        serde_json::to_value(&got[0].report).unwrap(),
        "{other}: report"
    );
}

#[test]
fn word97_files_give_the_findings_of_their_docx() {
    for n in 0..5 {
        same_as_docx(
            &format!("samples/seed_00{n}.docx"),
            &format!("readers/seed_00{n}.doc"),
        );
    }
}

/// The real published reports of tests/fixtures/real (built into .docx by the real-report test,
/// `NIANBAO_REAL_OUT`) saved as .doc by LibreOffice: each .doc gives its .docx's findings.
#[test]
fn word97_copies_of_the_real_reports_give_the_findings_of_their_docx() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/readers/real");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/fixtures/readers/real")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".doc"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 6, "one .doc per real report: {names:?}");
    for name in names {
        let stem = name.trim_end_matches(".doc");
        same_as_docx(
            &format!("readers/real/{stem}.docx"),
            &format!("readers/real/{name}"),
        );
    }
}

#[test]
fn a_wps_file_and_doc_bytes_under_a_docx_name() {
    same_as_docx("samples/seed_001.docx", "readers/seed_001.wps");
    same_as_docx("samples/seed_004.docx", "readers/seed_004_doc.docx");
}

#[test]
fn web_pages_give_the_findings_of_their_docx() {
    same_as_docx("samples/seed_000.docx", "readers/seed_000.html");
    same_as_docx("samples/seed_000.docx", "readers/seed_000_gbk.htm");
    same_as_docx("samples/seed_001.docx", "readers/seed_001_word.htm");
    same_as_docx("samples/seed_002.docx", "readers/seed_002.mht");
    same_as_docx("samples/seed_004.docx", "readers/seed_004_portal.html");
}

/// One value of a result's `values` (the JSON the CLI prints): the cell of `table` whose row
/// labels end with `row` and whose column labels are `column`.
fn value(result: &Value, table: &str, row: &str, column: &[&str]) -> Option<f64> {
    result["values"][table].as_array()?.iter().find(|e| {
        let labels = |k: &str| -> Vec<String> {
            e[k].as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        labels("row").last().map(String::as_str).unwrap_or("") == row && labels("column") == column
    })?["value"]
        .as_f64()
}

/// A real published page, not made from a seed: 平潭综合实验区's 2024 report as its portal serves
/// it (header, navigation, search forms, scripts, sidebar and footer around the article; the
/// tables as the CMS editor wrote them, with rowspan/colspan, `<p>` and `<br/>` in cells), kept
/// unchanged from the public archive cited in tests/fixtures/readers/README.md.
#[test]
fn a_real_portal_page_gives_its_three_tables() {
    let results = check_document(
        &fixture("readers/pingtan_2024_portal.html"),
        &Options::default(),
    );
    assert_eq!(results.len(), 1);
    let r = serde_json::to_value(&results[0]).expect("result as JSON");
    assert_eq!(r["status"], "checked", "{}", r["rejection"]);
    assert_eq!(r["report"]["agency"], "平潭综合实验区");
    assert_eq!(r["report"]["year"], 2024);
    assert_eq!(r["report"]["format"], "2021");
    // Every cell of the three tables was read: table 二's 10 numbers, table 三's 25 rows of 7,
    // table 四's 15.
    let count = |t: &str| r["values"][t].as_array().map_or(0, Vec::len);
    assert_eq!(
        (count("table2"), count("table3"), count("table4")),
        (10, 175, 15)
    );
    let t2 = |row: &str, col: &str| value(&r, "table2", row, &[col]);
    assert_eq!(t2("行政规范性文件", "本年制发件数"), Some(62.0));
    assert_eq!(t2("行政规范性文件", "本年废止件数"), Some(33.0));
    assert_eq!(t2("行政规范性文件", "现行有效件数"), Some(440.0));
    assert_eq!(t2("行政许可", "本年处理决定数量"), Some(4529.0));
    assert_eq!(t2("行政处罚", "本年处理决定数量"), Some(1100.0));
    assert_eq!(t2("行政强制", "本年处理决定数量"), Some(65.0));
    assert_eq!(
        t2("行政事业性收费", "本年收费金额（单位：万元）"),
        Some(18651.06)
    );
    let t3 = |row: &str, col: &[&str]| value(&r, "table3", row, col);
    let natural = ["申请人情况", "自然人"];
    let total = ["申请人情况", "总计"];
    assert_eq!(
        t3("一、本年新收政府信息公开申请数量", &natural),
        Some(217.0)
    );
    assert_eq!(t3("一、本年新收政府信息公开申请数量", &total), Some(218.0));
    assert_eq!(
        t3(
            "一、本年新收政府信息公开申请数量",
            &["申请人情况", "法人或其他组织", "商业企业"]
        ),
        Some(1.0)
    );
    assert_eq!(t3("（一）予以公开", &total), Some(71.0));
    assert_eq!(t3("5.属于三类内部事务信息", &total), Some(32.0));
    assert_eq!(t3("1.本机关不掌握相关政府信息", &total), Some(75.0));
    assert_eq!(t3("3.其他", &total), Some(2.0));
    assert_eq!(t3("（七）总计", &total), Some(218.0));
    assert_eq!(t3("四、结转下年度继续办理", &total), Some(0.0));
    let t4 = |col: &[&str]| value(&r, "table4", "", col);
    assert_eq!(t4(&["行政复议", "结果维持"]), Some(2.0));
    assert_eq!(t4(&["行政复议", "总计"]), Some(7.0));
    assert_eq!(t4(&["行政诉讼", "复议后起诉", "结果维持"]), Some(13.0));
    assert_eq!(t4(&["行政诉讼", "复议后起诉", "总计"]), Some(19.0));
    // The published tables add up: no error (the page's warnings are about its prose).
    let errors: Vec<&Value> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The only warning: the page has no closing date. A 综合实验区 is run by its 管委会, not a
    // 人民政府, so S.GOVEXTRA does not ask for 社会评议/责任追究.
    let rules: Vec<&str> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(rules, ["S.DATE"], "{rules:?}");
}

#[test]
fn a_pasted_selection_gives_the_findings_of_its_docx() {
    let page = String::from_utf8(fixture("readers/seed_004_portal.html")).unwrap();
    // What a browser puts on the clipboard for a selection: a fragment of the page.
    let start = page.find("<div class=\"article\">").expect("article");
    let end = page.find("<footer>").expect("footer");
    let fragment = format!(
        "<html><body><!--StartFragment-->{}<!--EndFragment--></body></html>",
        &page[start..end]
    );
    let options = Options::default();
    let want = check_document(&fixture("samples/seed_004.docx"), &options);
    let got = check_pasted(Some(&fragment), &options);
    assert_eq!(got[0].status, Status::Checked, "{:?}", got[0].rejection);
    assert_eq!(findings(&want), findings(&got));
}

fn rejected(results: &[CheckResult]) -> &nianbao::Rejection {
    assert_eq!(results.len(), 1);
    results[0].rejection.as_ref().expect("rejected")
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The FIB of the WordDocument stream inside a .doc: its identifier and an `nFib` of Word 97
/// or later (LibreOffice writes 0x0101, as Word 2002 does).
fn fib_at(doc: &[u8]) -> usize {
    doc.windows(4)
        .position(|w| w[..2] == [0xEC, 0xA5] && u16::from_le_bytes([w[2], w[3]]) >= 0xC1)
        .expect("a Word 97 FIB")
}

#[test]
fn an_encrypted_doc_is_refused() {
    let mut doc = fixture("readers/seed_000.doc");
    let at = fib_at(&doc);
    doc[at + 0x0B] |= 0x01; // fEncrypted
    let r = check_document(&doc, &Options::default());
    let r = rejected(&r);
    assert_eq!(r.code, RejectionCode::Encrypted);
    assert_eq!(r.reason, Some(Refusal::EncryptedLegacyWord));
    assert!(r.message.contains("密码"), "{}", r.message);
}

#[test]
fn a_word95_doc_is_refused() {
    let mut doc = fixture("readers/seed_000.doc");
    let at = fib_at(&doc);
    doc[at + 2] = 0x65; // nFib 101: Word 6.0/95
    doc[at + 3] = 0;
    let r = check_document(&doc, &Options::default());
    let r = rejected(&r);
    assert_eq!(r.code, RejectionCode::LegacyOffice);
    assert_eq!(r.reason, Some(Refusal::Reader(ReaderProblem::Word95)));
    assert!(r.message.contains("Word 6.0/95"), "{}", r.message);
}

#[test]
fn a_fast_saved_doc_is_refused() {
    let mut doc = fixture("readers/seed_000.doc");
    let at = fib_at(&doc);
    doc[at + 0x0A] |= 0x04; // FibBase fComplex: saved with "fast save"
    let r = check_document(&doc, &Options::default());
    let r = rejected(&r);
    assert_eq!(r.code, RejectionCode::LegacyOffice);
    assert_eq!(r.reason, Some(Refusal::Reader(ReaderProblem::FastSavedDoc)));
    assert!(r.message.contains("快速保存"), "{}", r.message);
    assert!(r.message.contains(".docx"), "{}", r.message);
}

#[test]
fn a_damaged_doc_is_refused() {
    let mut doc = fixture("readers/seed_000.doc");
    let at = fib_at(&doc);
    // The piece table's offset (fcClx) far past the table stream.
    let csw = u16::from_le_bytes([doc[at + 32], doc[at + 33]]) as usize;
    let lw = at + 34 + csw * 2;
    let cslw = u16::from_le_bytes([doc[lw], doc[lw + 1]]) as usize;
    let blob = lw + 2 + cslw * 4 + 2;
    doc[blob + 33 * 8..blob + 33 * 8 + 4].copy_from_slice(&0x7FFF_FFFFu32.to_le_bytes());
    let r = check_document(&doc, &Options::default());
    let r = rejected(&r);
    assert_eq!(r.code, RejectionCode::LegacyOffice);
    assert_eq!(r.reason, Some(Refusal::Reader(ReaderProblem::DamagedDoc)));
    assert!(has_cjk(&r.message));
}

#[test]
fn a_page_without_tables_is_refused() {
    let page = "<!DOCTYPE html><html><head><meta charset=utf-8><title>年报</title></head>\
        <body><h1>某某县2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>\
        <p><img src=\"table2.png\"></p></body></html>";
    let r = check_document(page.as_bytes(), &Options::default());
    let r = rejected(&r);
    assert_eq!(r.code, RejectionCode::OtherText);
    assert_eq!(r.reason, Some(Refusal::Reader(ReaderProblem::HtmlNoTables)));
    assert!(r.message.contains("网页"), "{}", r.message);
    // A page with tables, but not the report's: the usual catalogue entry.
    let other = "<html><body><table><tr><td>姓名</td><td>电话</td></tr></table></body></html>";
    let r = check_document(other.as_bytes(), &Options::default());
    assert_eq!(rejected(&r).code, RejectionCode::NoReportTables);
}

#[test]
fn a_plain_text_paste_is_refused_with_what_to_do() {
    for html in [None, Some("  ")] {
        let r = check_pasted(html, &Options::default());
        let r = rejected(&r);
        assert_eq!(
            r.reason,
            Some(Refusal::Reader(ReaderProblem::PlainTextPaste))
        );
        assert!(r.message.contains("表格"), "{}", r.message);
    }
}

#[test]
fn an_mht_without_a_page_is_refused() {
    let mht = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--B--\r\n";
    let r = check_document(mht, &Options::default());
    let r = rejected(&r);
    assert_eq!(r.reason, Some(Refusal::Reader(ReaderProblem::MhtNoHtml)));
}

#[test]
fn limits_apply_to_the_readers() {
    let mut options = Options::default();
    options.limits.max_rows = 5;
    for f in ["readers/seed_000.doc", "readers/seed_000.html"] {
        let r = check_document(&fixture(f), &options);
        assert_eq!(rejected(&r).code, RejectionCode::TooComplex, "{f}");
    }
    let mut options = Options::default();
    options.limits.max_paragraphs = 10;
    for f in ["readers/seed_000.doc", "readers/seed_000.html"] {
        let r = check_document(&fixture(f), &options);
        assert_eq!(rejected(&r).code, RejectionCode::TooComplex, "{f}");
    }
}
