//! Messy but valid documents from real offices, end to end: report tables inside a text box,
//! blank columns around every table, a cover page before the report.

use crate::support;

use nianbao::{check_bytes, CheckResult, Status};
use nianbao::{Quantity, Severity};
use support::report::{docx_from_body, Format, ReportSpec};

/// A consistent 2021 report with non-zero numbers in every table.
fn consistent() -> ReportSpec {
    let mut s = ReportSpec::zeros(Format::Format2021, 2022, "某某市自然资源局");
    s.set_t3_row("new_received", [7, 2, 1, 0, 0, 0]); // 10
    s.set_t3_row("carried_over", [1, 0, 0, 0, 0, 0]); // 1
    s.set_t3_row("granted", [4, 1, 0, 0, 0, 0]); // 5
    s.set_t3_row("unable_1", [2, 0, 1, 0, 0, 0]); // 3
    s.set_t3_row("other_2", [1, 0, 0, 0, 0, 0]); // 1
    s.set_t3_row("results_total", [7, 1, 1, 0, 0, 0]); // 9
    s.set_t3_row("carried_forward", [1, 1, 0, 0, 0, 0]); // 2
    for (k, v) in [
        ("review.upheld", "2"),
        ("review.pending", "1"),
        ("review.total", "3"),
        ("litigation_direct.corrected", "1"),
        ("litigation_direct.total", "1"),
    ] {
        s.set_t4(k, v);
    }
    s.set_t2("行政许可", 0, "88")
        .set_t2("行政处罚", 0, "9")
        .set_t2("行政事业性收费", 0, "3.75");
    s
}

fn check_body(body: &str) -> CheckResult {
    check_bytes(&docx_from_body(body).build())
}

fn assert_reads_consistent(r: &CheckResult) {
    assert_eq!(r.status, Status::Checked, "{:?}", r.rejection);
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule, f.message.clone()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        !r.findings
            .iter()
            .any(|f| f.rule == "S.MULTI" || f.rule == "S.AMBIG"),
        "{:#?}",
        r.findings
    );
    assert_eq!(r.values.table3.len(), 25 * 7);
    assert_eq!(r.values.table4.len(), 15);
    assert_eq!(r.values.table2.len(), 10);
    let total = r
        .values
        .table3
        .iter()
        .find(|e| {
            e.row.last().map(AsRef::as_ref) == Some("（七）总计")
                && e.column.last().map(AsRef::as_ref) == Some("总计")
        })
        .expect("（七）总计");
    assert_eq!(total.value, Some(Quantity::Int(9)));
    assert_eq!(r.report.agency.as_deref(), Some("某某市自然资源局"));
    assert_eq!(r.report.year, Some(2022));
}

/// Wraps body content in a floating text box, written the way Word does: the DrawingML shape
/// in `mc:Choice` and the same content again as a VML fallback.
fn in_text_box(content: &str) -> String {
    format!(
        concat!(
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">"#,
            r#"<wp:simplePos x="0" y="0"/><wp:extent cx="5000000" cy="8000000"/><wp:docPr id="1" name="文本框 1"/>"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{c}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"#,
            r#"</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{c}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
        ),
        c = content
    )
}

#[test]
fn report_inside_a_text_box_is_read_once() {
    let body = consistent().render().body;
    let r = check_body(&in_text_box(&body));
    assert_reads_consistent(&r);
}

#[test]
fn tables_inside_a_text_box_after_plain_text_sections() {
    // The narrative is ordinary text; only the tables were pasted into text boxes.
    let body = consistent().render().body;
    let mut out = String::new();
    let mut rest = body.as_str();
    while let Some(start) = rest.find("<w:tbl>") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("</w:tbl>")
            .map(|e| start + e + "</w:tbl>".len())
            .expect("table end");
        out.push_str(&in_text_box(&format!("{}<w:p/>", &rest[start..end])));
        rest = &rest[end..];
    }
    out.push_str(rest);
    assert!(out.matches("<w:txbxContent>").count() >= 6);
    assert_reads_consistent(&check_body(&out));
}

/// Adds an empty cell at both ends of every table row (and two grid columns).
fn with_blank_columns(body: &str) -> String {
    let blank = r#"<w:tc><w:tcPr><w:tcW w:w="300" w:type="dxa"/></w:tcPr><w:p/></w:tc>"#;
    let mut out = String::with_capacity(body.len() * 2);
    let mut rest = body;
    while let Some(i) = rest.find("<w:tr") {
        let open_end = rest[i..].find('>').map(|e| i + e + 1).expect("tr open");
        out.push_str(&rest[..open_end]);
        rest = &rest[open_end..];
        // Keep row properties first.
        if rest.starts_with("<w:trPr") {
            let e = rest
                .find("</w:trPr>")
                .map(|e| e + "</w:trPr>".len())
                .unwrap_or(0);
            out.push_str(&rest[..e]);
            rest = &rest[e..];
        }
        out.push_str(blank);
        let close = rest.find("</w:tr>").expect("tr close");
        out.push_str(&rest[..close]);
        out.push_str(blank);
        out.push_str("</w:tr>");
        rest = &rest[close + "</w:tr>".len()..];
    }
    out.push_str(rest);
    out.replace("<w:tblGrid>", r#"<w:tblGrid><w:gridCol w:w="300"/>"#)
        .replace("</w:tblGrid>", r#"<w:gridCol w:w="300"/></w:tblGrid>"#)
}

#[test]
fn blank_columns_around_every_table_are_ignored() {
    let body = with_blank_columns(&consistent().render().body);
    assert_reads_consistent(&check_body(&body));
}

#[test]
fn blank_columns_do_not_hide_a_wrong_total() {
    let mut spec = consistent();
    spec.set_t3("granted", 6, "6");
    let r = check_body(&with_blank_columns(&spec.render().body));
    let row = r
        .findings
        .iter()
        .find(|f| f.rule == "T3.ROW")
        .expect("T3.ROW");
    assert_eq!(row.row, vec!["三、本年度办理结果", "（一）予以公开"]);
    assert_eq!(row.expected, Some(Quantity::Int(5)));
    assert_eq!(row.actual, Some(Quantity::Int(6)));
    // The blank column shifts every number one grid column to the right: the total sits at
    // grid column 1 + 3 label columns + 6.
    assert_eq!(row.cells.first().map(|c| c.col), Some(10));
    assert_eq!(row.culprit, row.cells.first().copied());
}

#[test]
fn cover_page_with_a_table_before_the_report() {
    let cover = concat!(
        r#"<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>"#,
        r#"<w:tr><w:tc><w:p><w:r><w:t>索引号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>11330000/2023-00012</w:t></w:r></w:p></w:tc></w:tr>"#,
        r#"<w:tr><w:tc><w:p><w:r><w:t>发布机构</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>某某市自然资源局</w:t></w:r></w:p></w:tc></w:tr>"#,
        r#"</w:tbl><w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
    );
    let body = format!("{cover}{}", consistent().render().body);
    let r = check_body(&body);
    assert_reads_consistent(&r);
    // The cover table is not one of the report's tables: table 二 is physical table 1.
    assert!(r
        .values
        .table2
        .iter()
        .all(|e| e.cell.is_some_and(|c| c.table == 1)));
}

#[test]
fn group_heading_rows_with_empty_cells_are_headings() {
    // Some offices give each result group (（三）…（六）) a row of its own above its sub-rows.
    let spec = consistent();
    let mut body = spec.render().body;
    for group in [
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
    ] {
        let row = format!(
            "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr><w:p><w:r><w:t>{group}</w:t></w:r></w:p></w:tc>{}</w:tr>",
            "<w:tc><w:p/></w:tc>".repeat(7)
        );
        // Insert the heading row before the row holding the group's first sub-row label.
        let first_sub = match group {
            "（三）不予公开" => "1.属于国家秘密",
            "（四）无法提供" => "1.本机关不掌握相关政府信息",
            "（五）不予处理" => "1.信访举报投诉类申请",
            _ => "1.申请人无正当理由逾期不补正",
        };
        let at = body.find(first_sub).expect("sub-row label");
        let tr = body[..at].rfind("<w:tr>").expect("row start");
        body.insert_str(tr, &row);
    }
    let r = check_body(&body);
    assert_eq!(r.report.format.as_deref(), Some("2021"));
    assert_reads_consistent(&r);
}
