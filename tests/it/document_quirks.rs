//! One test per Word/WPS/LibreOffice quirk the document parser must handle. Each builds a real
//! .docx package, reads `word/document.xml` (and `word/styles.xml`) back out of the zip and
//! parses it with `docx::parse`.

use crate::support;

use nianbao::inspect::docx;
use nianbao::inspect::model::{Block, Document, Paragraph, Table};
use nianbao::Limits;
use std::io::{Cursor, Read};
use support::*;

/// Reads a part out of a .docx.
fn read_part(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
    let mut f = zip.by_name(name).ok()?;
    let mut out = Vec::new();
    f.read_to_end(&mut out).expect("read part");
    Some(out)
}

/// Reads `word/document.xml` (and `word/styles.xml` when present) out of a .docx and parses it.
fn parse_docx(bytes: &[u8]) -> Document {
    let xml = read_part(bytes, "word/document.xml").expect("word/document.xml");
    let styles = read_part(bytes, "word/styles.xml");
    docx::parse(&xml, styles.as_deref(), &Limits::default()).expect("parses")
}

fn parse_body(body: &str) -> Document {
    parse_docx(&Docx::with_body(body).build())
}

fn paragraphs(d: &Document) -> Vec<&Paragraph> {
    d.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
        .collect()
}

fn texts(d: &Document) -> Vec<String> {
    paragraphs(d).iter().map(|p| p.text.clone()).collect()
}

/// The grid as text: each slot shows its cell's text, `.` for an empty slot.
fn grid_text(t: &Table) -> Vec<Vec<String>> {
    (0..t.rows)
        .map(|r| {
            (0..t.cols)
                .map(|c| t.cell_at(r, c).map_or(".".to_string(), |x| x.text.clone()))
                .collect()
        })
        .collect()
}

fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text))
}

fn simple_table(rows: &[&[&str]]) -> String {
    let cols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let grid = "<w:gridCol w:w=\"1000\"/>".repeat(cols);
    let body: String = rows
        .iter()
        .map(|r| {
            format!(
                "<w:tr>{}</w:tr>",
                r.iter()
                    .map(|t| format!("<w:tc>{}</w:tc>", p(t)))
                    .collect::<String>()
            )
        })
        .collect();
    format!("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")
}

#[test]
fn inserted_text_counts_deleted_text_does_not() {
    let body = format!(
        "<w:p>{}<w:ins w:id=\"1\" w:author=\"张三\" w:date=\"2022-01-01T00:00:00Z\">{}</w:ins><w:del w:id=\"2\" w:author=\"张三\"><w:r><w:delText>12</w:delText></w:r></w:del>{}</w:p>",
        run("申请"),
        run("总数"),
        run("为3件")
    );
    assert_eq!(texts(&parse_body(&body)), vec!["申请总数为3件"]);
}

#[test]
fn moved_from_text_is_dropped_moved_to_text_kept() {
    let body = format!(
        "<w:p><w:moveFromRangeStart w:id=\"1\" w:name=\"move1\"/><w:moveFrom w:id=\"2\">{}</w:moveFrom><w:moveFromRangeEnd w:id=\"1\"/>{}<w:moveTo w:id=\"3\">{}</w:moveTo></w:p>",
        run("旧位置"),
        run("正文"),
        run("新位置")
    );
    assert_eq!(texts(&parse_body(&body)), vec!["正文新位置"]);
}

#[test]
fn breaks_and_tabs_become_whitespace() {
    let body = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"840\"/></w:tabs></w:pPr><w:r><w:t>一</w:t><w:br/><w:t>二</w:t><w:cr/><w:tab/><w:t>三</w:t><w:br w:type=\"page\"/><w:noBreakHyphen/></w:r></w:p>";
    assert_eq!(texts(&parse_body(body)), vec!["一\n二\n\t三\n-"]);
}

#[test]
fn runs_split_by_proof_errors_bookmarks_and_rsids_join() {
    let body = concat!(
        "<w:p w:rsidR=\"00B1\" w:rsidRDefault=\"00C2\"><w:r w:rsidR=\"00D3\"><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t>本年新收</w:t></w:r>",
        "<w:proofErr w:type=\"spellStart\"/><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:r w:rsidRPr=\"00E4\"><w:t>政府信息</w:t></w:r>",
        "<w:bookmarkEnd w:id=\"0\"/><w:proofErr w:type=\"spellEnd\"/><w:r><w:lastRenderedPageBreak/><w:t>公开申请</w:t></w:r>",
        "<w:commentRangeStart w:id=\"5\"/><w:r><w:t>数量</w:t></w:r><w:commentRangeEnd w:id=\"5\"/><w:r><w:commentReference w:id=\"5\"/></w:r></w:p>"
    );
    assert_eq!(
        texts(&parse_body(body)),
        vec!["本年新收政府信息公开申请数量"]
    );
}

#[test]
fn content_controls_count() {
    let body = format!(
        "<w:sdt><w:sdtPr><w:alias w:val=\"标题\"/><w:placeholder><w:docPart w:val=\"X\"/></w:placeholder><w:showingPlcHdr/></w:sdtPr><w:sdtEndPr/><w:sdtContent><w:p><w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>{}</w:p></w:sdtContent></w:sdt>",
        run("宁海县"),
        run("2021年度报告")
    );
    assert_eq!(texts(&parse_body(&body)), vec!["宁海县2021年度报告"]);
}

#[test]
fn smart_tags_custom_xml_and_hyperlinks_count() {
    let body = format!(
        "<w:p><w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"chsdate\"><w:smartTagPr><w:attr w:name=\"Year\" w:val=\"2021\"/></w:smartTagPr>{}</w:smartTag><w:customXml w:element=\"x\"><w:customXmlPr/>{}</w:customXml><w:hyperlink r:id=\"rId9\" w:history=\"1\">{}</w:hyperlink></w:p>",
        run("2021年12月31日"),
        run("，详见"),
        run("门户网站")
    );
    assert_eq!(
        texts(&parse_body(&body)),
        vec!["2021年12月31日，详见门户网站"]
    );
}

#[test]
fn simple_field_result_counts() {
    let body = format!(
        "<w:p>{}<w:fldSimple w:instr=\" PAGE \\* MERGEFORMAT \">{}</w:fldSimple></w:p>",
        run("第"),
        run("3")
    );
    assert_eq!(texts(&parse_body(&body)), vec!["第3"]);
}

#[test]
fn complex_field_result_counts_instruction_does_not() {
    let body = concat!(
        "<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
        "<w:r><w:instrText xml:space=\"preserve\"> =SUM(ABOVE) </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
        "<w:r><w:t>15</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>件</w:t></w:r>",
        "<w:del><w:r><w:delInstrText>OLD</w:delInstrText></w:r></w:del></w:p>"
    );
    assert_eq!(texts(&parse_body(body)), vec!["共15件"]);
}

fn text_box(inner: &str) -> String {
    format!(
        concat!(
            "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">",
            "<wp:extent cx=\"100\" cy=\"100\"/><wp:docPr id=\"1\" name=\"文本框 1\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">",
            "<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{0}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>",
            "<mc:Fallback><w:pict><v:shape id=\"t1\" type=\"#_x0000_t202\"><v:textbox><w:txbxContent>{0}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        ),
        inner
    )
}

#[test]
fn text_box_in_alternate_content_is_read_once() {
    let body = format!(
        "<w:p>{}{}</w:p>{}",
        run("见右侧："),
        text_box(&p("文本框里的说明")),
        p("下一段")
    );
    let d = parse_body(&body);
    assert_eq!(texts(&d), vec!["见右侧：", "文本框里的说明", "下一段"]);
}

#[test]
fn table_inside_a_text_box_is_found_once() {
    let table = simple_table(&[&["项目", "数量"], &["本年新收", "3"]]);
    let body = format!(
        "{}<w:p>{}</w:p>{}",
        p("三、收到和处理政府信息公开申请情况"),
        text_box(&table),
        p("四、")
    );
    let d = parse_body(&body);
    assert_eq!(d.tables.len(), 1);
    let t = &d.tables[0];
    assert_eq!(t.parent, None);
    assert_eq!(
        grid_text(t),
        vec![vec!["项目", "数量"], vec!["本年新收", "3"]]
    );
    assert!(d.blocks.iter().any(|b| matches!(b, Block::Table(0))));
    assert_eq!(
        texts(&d),
        vec!["三、收到和处理政府信息公开申请情况", "", "四、"]
    );
}

#[test]
fn nested_table_stays_nested() {
    let inner = simple_table(&[&["内1", "内2"]]);
    let body = format!(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}{inner}<w:p/></w:tc></w:tr></w:tbl>",
        p("a"),
        p("b"),
        p("c"),
        p("外")
    );
    let d = parse_body(&body);
    assert_eq!(d.tables.len(), 2);
    assert_eq!(
        grid_text(&d.tables[0]),
        vec![vec!["a", "b"], vec!["c", "外\n"]]
    );
    assert_eq!(d.tables[1].parent, Some((0, 1, 1)));
    assert_eq!(grid_text(&d.tables[1]), vec![vec!["内1", "内2"]]);
    let order: Vec<usize> = d
        .blocks
        .iter()
        .filter_map(|b| {
            if let Block::Table(i) = b {
                Some(*i)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(order, vec![0, 1]);
}

#[test]
fn numbered_heading_with_direct_num_pr() {
    let body = format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr>{}</w:p>{}",
        run("总体情况"),
        p("正文")
    );
    let d = parse_body(&body);
    let ps = paragraphs(&d);
    assert_eq!(ps[0].text, "总体情况");
    assert!(ps[0].numbered);
    assert_eq!((ps[0].num_level, ps[0].outline_level), (Some(0), Some(0)));
    assert!(!ps[1].numbered);
    assert_eq!((ps[1].num_level, ps[1].outline_level), (None, None));
}

#[test]
fn numbered_heading_via_style() {
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}"><w:docDefaults><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults><w:latentStyles w:count="1"><w:lsdException w:name="heading 1" w:qFormat="1"/></w:latentStyles><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="2"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="我的标题"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="character" w:styleId="c1"><w:name w:val="x"/></w:style></w:styles>"#
    );
    let body = format!(
        "<w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr>{}</w:p><w:p><w:pPr><w:pStyle w:val=\"MyHeading\"/></w:pPr>{}</w:p><w:p><w:pPr><w:pStyle w:val=\"a\"/></w:pPr>{}</w:p>",
        run("总体情况"),
        run("主动公开"),
        run("正文")
    );
    let mut docx = Docx::with_body(&body);
    docx.add("word/styles.xml", styles);
    let d = parse_docx(&docx.build());
    let ps = paragraphs(&d);
    assert_eq!(ps.len(), 3);
    assert!(ps[0].numbered);
    assert_eq!(
        (ps[0].style.as_deref(), ps[0].num_level, ps[0].outline_level),
        (Some("1"), Some(0), Some(0))
    );
    assert!(ps[1].numbered, "numbering inherited through basedOn");
    assert_eq!((ps[1].num_level, ps[1].outline_level), (Some(1), Some(1)));
    assert!(!ps[2].numbered);
    assert_eq!(ps[2].outline_level, None);
}

#[test]
fn wps_style_markup() {
    // WPS: extra namespaces on the root, wpsCustomData elements, dxa widths, its own rsid-less runs.
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="{W_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" mc:Ignorable="w14 w15 wp14">
  <w:body>
    <w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>
    <w:tbl><w:tblPr><w:tblStyle w:val="5"/><w:tblW w:w="8522" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
      <w:tblGrid><w:gridCol w:w="2840"/><w:gridCol w:w="2841"/><w:gridCol w:w="2841"/></w:tblGrid>
      <w:tr><w:tblPrEx><w:tblCellMar><w:left w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPrEx><w:trPr><w:trHeight w:val="567" w:hRule="atLeast"/></w:trPr>
        <w:tc><w:tcPr><w:tcW w:w="8522" w:type="dxa"/><w:gridSpan w:val="3"/><w:shd w:val="clear" w:color="auto" w:fill="auto"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:widowControl/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="宋体" w:hAnsi="宋体"/><w:kern w:val="0"/></w:rPr><w:t>第二十条第（五）项</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:tcPr><w:tcW w:w="2840" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>信息内容</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="5682" w:type="dxa"/><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>本年处理决定数量</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:rPr><w:rFonts w:hint="default"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:t>1</w:t></w:r><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>
    </w:tbl>
    <w:p><w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr><wpsCustomData:docfieldStart w:val="x"/><w:r><w:t>正文</w:t></w:r><wpsCustomData:docfieldEnd/></w:p>
    <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:cols w:space="425" w:num="1"/><w:docGrid w:type="lines" w:linePitch="312" w:charSpace="0"/></w:sectPr>
  </w:body>
  <wpsCustomData:wpsCustomData><wpsCustomData:customData>不是正文</wpsCustomData:customData></wpsCustomData:wpsCustomData>
</w:document>"#
    );
    let mut docx = Docx::with_body("");
    docx.add("word/document.xml", xml);
    let d = parse_docx(&docx.build());
    assert_eq!(texts(&d), vec!["二、主动公开政府信息情况", "正文"]);
    assert_eq!(d.tables.len(), 1);
    let t = &d.tables[0];
    assert_eq!((t.rows, t.cols), (3, 3));
    assert_eq!(
        grid_text(t),
        vec![
            vec!["第二十条第（五）项"; 3],
            vec!["信息内容", "本年处理决定数量", "本年处理决定数量"],
            vec!["行政许可", "12", "12"],
        ]
    );
}

#[test]
fn libreoffice_style_markup() {
    // LibreOffice: explicit vMerge continue, empty <w:p/> in merged cells, pStyle on every cell.
    let cell = |props: &str, body: &str| {
        format!("<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>{props}<w:tcBorders/></w:tcPr>{body}</w:tc>")
    };
    let lo_p = |t: &str| {
        format!("<w:p><w:pPr><w:pStyle w:val=\"TableContents\"/><w:rPr></w:rPr></w:pPr><w:r><w:rPr></w:rPr><w:t>{t}</w:t></w:r></w:p>")
    };
    let rows = [
        format!(
            "<w:tr>{}{}{}</w:tr>",
            cell("<w:vMerge w:val=\"restart\"/>", &lo_p("三、本年度办理结果")),
            cell("", &lo_p("（一）予以公开")),
            cell("", &lo_p("5"))
        ),
        format!(
            "<w:tr>{}{}{}</w:tr>",
            cell("<w:vMerge w:val=\"continue\"/>", "<w:p/>"),
            cell("", &lo_p("（二）部分公开")),
            cell("", &lo_p("0"))
        ),
        format!(
            "<w:tr>{}{}{}</w:tr>",
            cell(
                "<w:vMerge w:val=\"continue\"/>",
                "<w:p><w:pPr><w:pStyle w:val=\"TableContents\"/></w:pPr></w:p>"
            ),
            cell("", &lo_p("（三）不予公开")),
            cell("", &lo_p("1"))
        ),
    ];
    let body = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"3000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"1000\"/></w:tblGrid>{}</w:tbl><w:p/><w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:p>",
        rows.concat()
    );
    let d = parse_body(&body);
    let t = &d.tables[0];
    assert_eq!((t.rows, t.cols, t.cells.len()), (3, 3, 7));
    let head = t.cell_at(2, 0).expect("merged cell");
    assert_eq!(
        (head.row, head.row_span, head.text.as_str()),
        (0, 3, "三、本年度办理结果")
    );
    assert_eq!(t.cell_at(1, 2).map(|c| c.text.as_str()), Some("0"));
    assert_eq!(texts(&d), vec!["", ""]);
}

#[test]
fn full_width_spaces_and_nbsp_are_preserved() {
    let body = "<w:p><w:r><w:t xml:space=\"preserve\">\u{3000}\u{3000}一、总体情况\u{a0}</w:t></w:r><w:r><w:t>&#12288;&#xA0;2021</w:t></w:r></w:p>";
    assert_eq!(
        texts(&parse_body(body)),
        vec!["\u{3000}\u{3000}一、总体情况\u{a0}\u{3000}\u{a0}2021"]
    );
}

#[test]
fn entities_are_decoded() {
    let body = "<w:p><w:r><w:t>A&amp;B &lt;表&gt; &quot;x&quot; &apos;y&apos; &#x4E00;&#20108;</w:t></w:r></w:p>";
    assert_eq!(texts(&parse_body(body)), vec!["A&B <表> \"x\" 'y' 一二"]);
}

/// The sample reports: three tables each, with the grid sizes found in the XML.
#[test]
fn seed_samples_parse_into_the_expected_grids() {
    let expected: [&[(usize, usize)]; 5] = [
        &[(14, 4), (28, 10), (4, 15)],
        &[(14, 4), (28, 10), (4, 15)],
        &[(14, 4), (28, 10), (4, 15)],
        &[(18, 4), (26, 10), (4, 15)],
        &[(14, 4), (28, 10), (4, 15)],
    ];
    for (i, want) in expected.iter().enumerate() {
        let bytes =
            std::fs::read(format!("tests/fixtures/samples/seed_00{i}.docx")).expect("sample");
        let d = parse_docx(&bytes);
        let got: Vec<(usize, usize)> = d.tables.iter().map(|t| (t.rows, t.cols)).collect();
        assert_eq!(&got[..], *want, "seed_00{i}");
        for t in &d.tables {
            assert_eq!(t.parent, None);
            assert_eq!(t.grid.len(), t.rows * t.cols);
            // Every slot is covered: these tables have no gaps.
            assert!(
                t.grid.iter().all(|s| s.is_some()),
                "seed_00{i} table {}",
                t.index
            );
        }
        let ps = paragraphs(&d);
        let all: String = ps.iter().map(|p| p.text.as_str()).collect();
        assert!(all.contains("政府信息公开"), "seed_00{i}");
        // Every non-empty paragraph after the first appears as a line of the reference text
        // extraction (the extraction of seed_000 lacks its one-line title).
        let txt_name = std::fs::read_dir("tests/fixtures/samples")
            .expect("samples dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|n| n.starts_with(&format!("00{i}_")) && n.ends_with(".txt"))
            .expect("reference text");
        let reference = std::fs::read_to_string(format!("tests/fixtures/samples/{txt_name}"))
            .expect("reference text");
        // The extraction marks bookmarks as "[bookmark: name]"; drop those markers.
        let unmark = |l: &str| -> String {
            let l = l.trim();
            match (l.strip_prefix("[bookmark: "), l.find(']')) {
                (Some(_), Some(end)) => l[end + 1..].trim().to_string(),
                _ => l.to_string(),
            }
        };
        let lines: std::collections::HashSet<String> = reference.lines().map(unmark).collect();
        for p in ps.iter().skip(1).filter(|p| !p.text.trim().is_empty()) {
            assert!(
                lines.contains(p.text.trim()),
                "seed_00{i}: paragraph not in the reference text: {:?}",
                p.text
            );
        }
    }
    // seed_004, table 三: the corner note spans 3×3, 三、本年度办理结果 spans 22 rows.
    let d = parse_docx(&std::fs::read("tests/fixtures/samples/seed_004.docx").expect("sample"));
    let t = &d.tables[1];
    let corner = t.cell_at(2, 2).expect("corner");
    assert_eq!(
        (corner.row, corner.col, corner.row_span, corner.col_span),
        (0, 0, 3, 3)
    );
    assert!(corner.text.contains("勾稽关系"));
    let results = t.cell_at(26, 0).expect("三、");
    assert_eq!(
        (results.row, results.row_span, results.text.as_str()),
        (5, 22, "三、本年度办理结果")
    );
    assert_eq!(t.cell_at(0, 9).map(|c| c.text.as_str()), Some("申请人情况"));
    assert_eq!(
        t.cell_at(1, 9).map(|c| (c.text.as_str(), c.row_span)),
        Some(("总计", 2))
    );
    assert_eq!(t.row_cells(3).len(), 8);
}

#[test]
fn paragraphs_carry_their_w_p_ordinal() {
    // w:p ordinals: 一 = 0; the table's four cell paragraphs = 1..=4; the anchor = 5; the text
    // box paragraph in mc:Choice = 6 and its copy in mc:Fallback = 7; the empty <w:p/> = 8; 末 = 9.
    let table = simple_table(&[&["项目", "数量"], &["本年新收", "3"]]);
    let body = format!(
        "{}{}<w:p>{}{}</w:p><w:p/>{}",
        p("一"),
        table,
        run("锚"),
        text_box(&p("框")),
        p("末")
    );
    let d = parse_body(&body);
    let got: Vec<(&str, usize)> = paragraphs(&d)
        .iter()
        .map(|p| (p.text.as_str(), p.source))
        .collect();
    assert_eq!(
        got,
        vec![("一", 0), ("锚", 5), ("框", 6), ("", 8), ("末", 9)]
    );
}
