use super::*;
use crate::rejection::RejectionCode;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#;

fn wrap(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    )
}

fn parse_with(body: &str, limits: &Limits) -> Result<Document, Rejection> {
    parse(wrap(body).as_bytes(), None, limits)
}

fn doc(body: &str) -> Document {
    parse_with(body, &Limits::default()).expect("parses")
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A cell: `props` goes into `w:tcPr`, `text` into one paragraph.
fn tc(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

fn tbl(grid_cols: usize, rows: &[String]) -> String {
    let grid = "<w:gridCol w:w=\"100\"/>".repeat(grid_cols);
    format!("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{}</w:tbl>", rows.concat())
}

fn span(n: usize) -> String {
    format!("<w:gridSpan w:val=\"{n}\"/>")
}

const VR: &str = "<w:vMerge w:val=\"restart\"/>";
const VC: &str = "<w:vMerge/>";

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

fn texts(d: &Document) -> Vec<String> {
    d.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.clone()),
            Block::Table(_) => None,
        })
        .collect()
}

fn code(r: Result<Document, Rejection>) -> RejectionCode {
    match r {
        Ok(_) => panic!("expected a rejection"),
        Err(e) => e.code,
    }
}

#[test]
fn grid_span_widens_cells() {
    let d = doc(&tbl(
        3,
        &[
            tr(&[tc(&span(2), "a"), tc("", "b")]),
            tr(&[tc("", "c"), tc(&span(2), "d")]),
        ],
    ));
    let t = &d.tables[0];
    assert_eq!((t.rows, t.cols), (2, 3));
    assert_eq!(grid_text(t), vec![vec!["a", "a", "b"], vec!["c", "d", "d"]]);
    assert_eq!(t.cells.len(), 4);
    assert_eq!(t.cells[1].source, SourcePos { tr: 0, tc: 1 });
    assert_eq!(t.cell_at(1, 2).map(|c| (c.col, c.col_span)), Some((1, 2)));
    assert!(matches!(d.blocks[0], Block::Table(0)));
}

#[test]
fn vmerge_restart_continue_over_three_rows() {
    let rows = [
        tr(&[tc(VR, "head"), tc("", "x1")]),
        tr(&[tc(VC, ""), tc("", "x2")]),
        tr(&[tc(VC, ""), tc("", "x3")]),
        tr(&[tc("", "next"), tc("", "x4")]),
    ];
    let t = &doc(&tbl(2, &rows)).tables[0];
    let head = t.cell_at(2, 0).expect("covered");
    assert_eq!(
        (head.row, head.col, head.row_span, head.col_span),
        (0, 0, 3, 1)
    );
    assert_eq!(head.text, "head");
    assert_eq!(t.cell_at(3, 0).map(|c| c.text.as_str()), Some("next"));
    assert_eq!(t.cells.len(), 6);
    assert_eq!(
        t.row_cells(1)
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        vec!["head", "x2"]
    );
}

#[test]
fn vmerge_of_spanned_cells_keeps_the_span() {
    let rows = [
        tr(&[tc(&format!("{}{VR}", span(2)), "wide"), tc("", "a")]),
        tr(&[tc(&format!("{}{VC}", span(2)), ""), tc("", "b")]),
    ];
    let t = &doc(&tbl(3, &rows)).tables[0];
    let c = t.cell_at(1, 1).expect("covered");
    assert_eq!(
        (c.row, c.col, c.row_span, c.col_span, c.text.as_str()),
        (0, 0, 2, 2, "wide")
    );
}

#[test]
fn vmerge_continue_with_nothing_above_is_a_new_cell() {
    let rows = [
        tr(&[tc(VC, "orphan"), tc("", "a")]),
        tr(&[tc(VC, ""), tc("", "b")]),
    ];
    let t = &doc(&tbl(2, &rows)).tables[0];
    let c = t.cell_at(0, 0).expect("a cell");
    assert_eq!((c.row, c.row_span, c.text.as_str()), (0, 2, "orphan"));
    // Continue under a gridBefore gap: nothing above, a cell of its own.
    let rows = [
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>".to_string() + &tc("", "a") + "</w:tr>",
        tr(&[tc(VC, "lone"), tc("", "b")]),
    ];
    let t = &doc(&tbl(2, &rows)).tables[0];
    assert!(t.cell_at(0, 0).is_none());
    assert_eq!(
        t.cell_at(1, 0)
            .map(|c| (c.row, c.row_span, c.text.as_str())),
        Some((1, 1, "lone"))
    );
}

#[test]
fn vmerge_continue_with_different_span_does_not_merge() {
    let rows = [
        tr(&[tc(VR, "a"), tc("", "b")]),
        tr(&[tc(&format!("{}{VC}", span(2)), "c")]),
    ];
    let t = &doc(&tbl(2, &rows)).tables[0];
    assert_eq!(t.cell_at(0, 0).map(|c| c.row_span), Some(1));
    assert_eq!(t.cell_at(1, 1).map(|c| c.text.as_str()), Some("c"));
}

#[test]
fn hmerge_acts_like_grid_span() {
    let hr = "<w:hMerge w:val=\"restart\"/>";
    let hc = "<w:hMerge/>";
    let rows = [
        tr(&[tc(hr, "ab"), tc(hc, ""), tc("", "c")]),
        tr(&[tc("", "1"), tc("", "2"), tc("", "3")]),
    ];
    let t = &doc(&tbl(3, &rows)).tables[0];
    assert_eq!(
        grid_text(t),
        vec![vec!["ab", "ab", "c"], vec!["1", "2", "3"]]
    );
    assert_eq!(t.cell_at(0, 1).map(|c| (c.col, c.col_span)), Some((0, 2)));
    // hMerge continue at the start of a row has nothing to extend.
    let t = &doc(&tbl(1, &[tr(&[tc(hc, "x")])])).tables[0];
    assert_eq!(t.cell_at(0, 0).map(|c| c.text.as_str()), Some("x"));
}

#[test]
fn grid_before_and_after_leave_empty_slots() {
    let rows = [
            tr(&[tc("", "a"), tc("", "b"), tc("", "c"), tc("", "d")]),
            format!("<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>{}{}</w:tr>", tc("", "x"), tc("", "y")),
        ];
    let t = &doc(&tbl(4, &rows)).tables[0];
    assert_eq!(grid_text(t)[1], vec![".", "x", "y", "."]);
    assert_eq!(
        t.cell_at(1, 1).map(|c| (c.col, c.source)),
        Some((1, SourcePos { tr: 1, tc: 0 }))
    );
}

#[test]
fn ragged_rows_and_missing_grid() {
    // No tblGrid: cols is the widest row; short rows leave empty slots.
    let body = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        tr(&[tc("", "a")]),
        tr(&[tc("", "b"), tc("", "c"), tc("", "d")]),
        "<w:tr/>"
    );
    let t = &doc(&body).tables[0];
    assert_eq!((t.rows, t.cols), (3, 3));
    assert_eq!(
        grid_text(t),
        vec![
            vec!["a", ".", "."],
            vec!["b", "c", "d"],
            vec![".", ".", "."]
        ]
    );
    // The grid is wider than every row.
    let t = &doc(&tbl(5, &[tr(&[tc("", "a")])])).tables[0];
    assert_eq!((t.rows, t.cols), (1, 5));
    // An empty table.
    let t = &doc("<w:tbl/>").tables[0];
    assert_eq!((t.rows, t.cols, t.grid.len()), (0, 0, 0));
}

#[test]
fn cell_text_joins_paragraphs_and_runs() {
    let cell = "<w:tc><w:p><w:r><w:t>三、本年度</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r w:rsidR=\"00A1\"><w:t>办理结果</w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space=\"preserve\"> （一） </w:t></w:r></w:p></w:tc>";
    let t = &doc(&tbl(1, &[format!("<w:tr>{cell}</w:tr>")])).tables[0];
    assert_eq!(t.cells[0].text, "三、本年度办理结果\n\n （一） ");
}

#[test]
fn nested_table_is_its_own_table() {
    let inner = tbl(2, &[tr(&[tc("", "i1"), tc("", "i2")])]);
    let outer_cell = format!("<w:tc>{}{inner}{}</w:tc>", p("before"), p("after"));
    let rows = [
        tr(&[tc("", "a"), tc("", "b")]),
        format!("<w:tr>{}{outer_cell}</w:tr>", tc("", "c")),
    ];
    let d = doc(&(tbl(2, &rows) + &p("tail")));
    assert_eq!(d.tables.len(), 2);
    assert_eq!(
        d.tables[0].cell_at(1, 1).map(|c| c.text.as_str()),
        Some("before\nafter")
    );
    assert_eq!(d.tables[1].parent, Some((0, 1, 1)));
    assert_eq!(d.tables[1].index, 1);
    assert_eq!(grid_text(&d.tables[1]), vec![vec!["i1", "i2"]]);
    assert!(matches!(
        d.blocks[..],
        [Block::Table(0), Block::Table(1), Block::Paragraph(_)]
    ));
}

#[test]
fn nested_table_parent_is_the_covering_cell() {
    let inner = tbl(1, &[tr(&[tc("", "in")])]);
    let rows = [
        tr(&[tc(VR, "merged"), tc("", "a")]),
        format!(
            "<w:tr><w:tc><w:tcPr>{VC}</w:tcPr>{inner}<w:p/></w:tc>{}</w:tr>",
            tc("", "b")
        ),
    ];
    let d = doc(&tbl(2, &rows));
    assert_eq!(d.tables[1].parent, Some((0, 0, 0)));
}

#[test]
fn paragraph_properties_are_not_text() {
    let body = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"x\"/></w:rPr><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t><w:cr/><w:noBreakHyphen/><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r></w:p>";
    let d = doc(body);
    assert_eq!(texts(&d), vec!["\ta\nb\n-"]);
    match &d.blocks[0] {
        Block::Paragraph(p) => {
            assert_eq!(p.style.as_deref(), Some("Heading1"));
            assert!(!p.numbered);
        }
        Block::Table(_) => panic!("paragraph expected"),
    }
}

#[test]
fn numbering_direct_and_via_styles() {
    let styles = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="H"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
            <w:style w:type="table" w:styleId="T"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>
            </w:styles>"#;
    let para = |ppr: &str| format!("<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>x</w:t></w:r></w:p>");
    let body = [
        para("<w:numPr><w:ilvl w:val=\"2\"/><w:numId w:val=\"3\"/></w:numPr>"),
        para("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>"),
        para("<w:pStyle w:val=\"H2\"/>"),
        para("<w:pStyle w:val=\"H\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>"),
        para("<w:pStyle w:val=\"Loop1\"/>"),
        para("<w:pStyle w:val=\"T\"/>"),
        para("<w:outlineLvl w:val=\"9\"/>"),
        para("<w:pStyle w:val=\"Missing\"/><w:outlineLvl w:val=\"2\"/>"),
    ]
    .concat();
    let d = parse(
        wrap(&body).as_bytes(),
        Some(styles.as_bytes()),
        &Limits::default(),
    )
    .expect("parses");
    let ps: Vec<(bool, Option<u8>, Option<u8>)> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some((p.numbered, p.num_level, p.outline_level)),
            Block::Table(_) => None,
        })
        .collect();
    assert_eq!(
        ps,
        vec![
            (true, Some(2), None),
            (false, None, None),
            (true, Some(1), Some(1)),
            (false, None, Some(0)),
            (false, None, None),
            (false, None, None),
            (false, None, None),
            (false, None, Some(2)),
        ]
    );
    // Malformed styles are ignored, not an error.
    let d = parse(
        wrap(&body).as_bytes(),
        Some(b"<w:styles><w:style></w:styles>"),
        &Limits::default(),
    )
    .expect("parses");
    assert_eq!(d.blocks.len(), 8);
}

#[test]
fn styles_skip_non_paragraph_styles() {
    let styles = concat!(
        r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<w:docDefaults><w:pPrDefault><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:pPrDefault></w:docDefaults>"#,
        r#"<w:latentStyles w:count="2"><w:lsdException w:name="heading 1"/><w:lsdException w:name="Normal"/></w:latentStyles>"#,
        r#"<w:style w:type="table" w:styleId="Grid"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr><w:tblStylePr w:type="firstRow"><w:pPr/></w:tblStylePr></w:style>"#,
        r#"<w:style w:type="character" w:styleId="C"/>"#,
        r#"<w:style w:type="paragraph" w:styleId="H"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr></w:style>"#,
        r#"<w:style w:type="numbering" w:styleId="N"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>"#,
        r#"</w:styles>"#
    );
    let st = Styles::parse(styles.as_bytes(), &Limits::default());
    assert_eq!(st.map.len(), 1);
    assert_eq!(
        st.resolve("H"),
        StyleProps {
            num_id: Some(4),
            ilvl: None,
            outline: Some(2)
        }
    );
    assert_eq!(st.resolve("Grid"), StyleProps::default());
    // Truncated after a jump: no styles at all.
    let cut = styles.find("<w:style w:type=\"paragraph\"").unwrap_or(0);
    assert!(
        Styles::parse(&styles.as_bytes()[..cut + 40], &Limits::default())
            .map
            .is_empty()
    );
}

#[test]
fn tracked_changes_fields_and_hidden_text() {
    let body = concat!(
            "<w:p><w:r><w:t>a</w:t></w:r><w:ins><w:r><w:t>b</w:t></w:r></w:ins><w:del><w:r><w:delText>X</w:delText></w:r></w:del>",
            "<w:moveFrom><w:r><w:t>Y</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>c</w:t></w:r></w:moveTo>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:t>nestedInstr</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>d</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>H</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>e</w:t></w:r>",
            "<w:r><w:ruby><w:rt><w:r><w:t>pinyin</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>f</w:t></w:r></w:rubyBase></w:ruby></w:r>",
            "</w:p>"
        );
    assert_eq!(texts(&doc(body)), vec!["abcdef"]);
}

#[test]
fn deleted_rows_are_dropped() {
    let rows = [
        tr(&[tc("", "keep")]),
        format!(
            "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"a\"/></w:trPr>{}</w:tr>",
            tc("", "gone")
        ),
        tr(&[tc("", "last")]),
    ];
    let t = &doc(&tbl(1, &rows)).tables[0];
    assert_eq!(grid_text(t), vec![vec!["keep"], vec!["last"]]);
    assert_eq!(t.cells[1].source, SourcePos { tr: 2, tc: 0 });
}

#[test]
fn entities_and_char_refs_are_decoded() {
    let body = "<w:p><w:r><w:t xml:space=\"preserve\">A&amp;B&#12288;&#x3000;&lt;&gt;&quot;&apos;&#160;</w:t></w:r></w:p><w:p><w:r><w:t><![CDATA[<c>]]></w:t></w:r></w:p>";
    assert_eq!(
        texts(&doc(body)),
        vec!["A&B\u{3000}\u{3000}<>\"'\u{a0}", "<c>"]
    );
}

#[test]
fn alternate_content_reads_the_first_choice_only() {
    let body = concat!(
            "<w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>",
            "<w:p><w:r><w:t>in box</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>",
            "<mc:Choice Requires=\"x\"><w:r><w:t>second choice</w:t></w:r></mc:Choice>",
            "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>in box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        );
    assert_eq!(texts(&doc(body)), vec!["anchor", "in box"]);
}

#[test]
fn what_comes_before_invalid_utf8_is_read_first() {
    // Too deep before the invalid byte: refused for depth, as when every event was checked
    // on its own; the same nesting after it: bad XML.
    let l = Limits {
        max_xml_depth: 4,
        ..Limits::default()
    };
    let deep = b"<w:document><w:body><w:p><w:r><w:t>\xff</w:t></w:r></w:p></w:body></w:document>";
    assert_eq!(
        parse(deep, None, &l).map(|_| ()).map_err(|e| e.code),
        Err(RejectionCode::TooComplex)
    );
    let late = b"<w:document><w:body>\xff<w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>";
    assert_eq!(
        parse(late, None, &l).map(|_| ()).map_err(|e| e.code),
        Err(RejectionCode::BadXml)
    );
}

#[test]
fn bad_xml_is_rejected() {
    let l = Limits::default();
    for xml in [
        &b"<w:document><w:body><w:p></w:r></w:body></w:document>"[..],
        b"<w:document><w:body><w:p>",
        b"",
        b"just text",
        b"<w:document><w:body><w:p><w:r><w:t>\xff\xfe</w:t></w:r></w:p></w:body></w:document>",
        b"<w:document><w:body><w:p><w:r><w:t>&#0;</w:t></w:r></w:p></w:body></w:document>",
        b"<w:document><w:body><w:p></w:p></w:body></w:document></w:extra>",
        b"<w:document><w:body><w:p></w:p></w:body></w:document>\xc3",
        // Invalid UTF-8 anywhere, read or skipped, is bad XML (the part is checked whole).
        b"<w:document><w:body><w:p\xff></w:p></w:body></w:document>",
        b"<w:document><w:body><w:p w:x=\"\xe4\xb8\"></w:p></w:body></w:document>",
        b"<w:document><w:body><w:p><w:rPr><w:b\xc0/></w:rPr></w:p></w:body></w:document>",
        b"<w:document><w:body><!-- \xed\xa0\x80 --><w:p/></w:body></w:document>",
        b"<w:document><w:body><w:p><w:r><w:t>&am\xff;</w:t></w:r></w:p></w:body></w:document>",
        b"<w:document><w:body><w:p><w:r><w:t>\xe4\xb8</w:t></w:r></w:p></w:body></w:document>",
    ] {
        let r = parse(xml, None, &l);
        assert_eq!(
            r.as_ref().map(|_| ()).map_err(|e| e.code),
            Err(RejectionCode::BadXml),
            "{:?}",
            String::from_utf8_lossy(xml)
        );
        if let Err(e) = r {
            assert!(e.message.contains("另存为"));
        }
    }
}

#[test]
fn depth_limit_does_not_overflow_the_stack() {
    let n = 100_000;
    let xml = format!(
        "<w:document {NS}><w:body>{}{}</w:body></w:document>",
        "<w:sdt>".repeat(n),
        "</w:sdt>".repeat(n)
    );
    let e = parse(xml.as_bytes(), None, &Limits::default()).expect_err("rejected");
    assert_eq!(e.code, RejectionCode::TooComplex);
    assert!(e.message.contains("256"), "{}", e.message);
    // Also inside skipped content, and with unclosed elements.
    let xml = format!("<w:document {NS}><w:body><w:p><w:del>{}", "<w:r>".repeat(n));
    assert_eq!(
        code(parse(xml.as_bytes(), None, &Limits::default())),
        RejectionCode::TooComplex
    );
    // Within the limit: fine.
    let l = Limits {
        max_xml_depth: 10,
        ..Limits::default()
    };
    assert!(parse_with(&p("x"), &l).is_ok());
    assert_eq!(
        code(parse_with(&"<w:sdt>".repeat(9), &l)),
        RejectionCode::TooComplex
    );
}

#[test]
fn huge_grid_spans_are_refused() {
    for v in ["1000000000", "99999999999999999999999999", "129"] {
        let body = tbl(
            1,
            &[tr(&[tc(&format!("<w:gridSpan w:val=\"{v}\"/>"), "x")])],
        );
        assert_eq!(
            code(parse_with(&body, &Limits::default())),
            RejectionCode::TooComplex,
            "{v}"
        );
    }
    // Many cells adding up beyond max_cols, gridBefore and the tblGrid too.
    let l = Limits {
        max_cols: 4,
        ..Limits::default()
    };
    let cells: Vec<String> = (0..5).map(|_| tc("", "x")).collect();
    assert_eq!(
        code(parse_with(&tbl(1, &[tr(&cells)]), &l)),
        RejectionCode::TooComplex
    );
    let row = format!(
        "<w:tr><w:trPr><w:gridBefore w:val=\"1000000000\"/></w:trPr>{}</w:tr>",
        tc("", "x")
    );
    assert_eq!(
        code(parse_with(&tbl(1, &[row]), &l)),
        RejectionCode::TooComplex
    );
    assert_eq!(
        code(parse_with(&tbl(5, &[]), &l)),
        RejectionCode::TooComplex
    );
    assert!(parse_with(&tbl(4, &[tr(&cells[..4])]), &l).is_ok());
    // Nonsense values are treated as 1.
    let t = &doc(&tbl(
        0,
        &[tr(&[
            tc("<w:gridSpan w:val=\"-3\"/>", "x"),
            tc("<w:gridSpan w:val=\"0\"/>", "y"),
        ])],
    ))
    .tables[0];
    assert_eq!((t.cols, t.cells.len()), (2, 2));
}

#[test]
fn table_row_and_paragraph_counts_are_bounded() {
    let l = Limits {
        max_tables: 3,
        max_rows: 3,
        max_paragraphs: 5,
        ..Limits::default()
    };
    let one = tbl(1, &[tr(&[tc("", "x")])]);
    assert!(parse_with(
        &one.repeat(3),
        &Limits {
            max_paragraphs: 100,
            ..l.clone()
        }
    )
    .is_ok());
    let e = parse_with(
        &one.repeat(4),
        &Limits {
            max_paragraphs: 100,
            ..l.clone()
        },
    )
    .expect_err("rejected");
    assert_eq!(e.code, RejectionCode::TooComplex);
    assert!(e.message.contains('3'));
    let rows: Vec<String> = (0..4).map(|_| tr(&[tc("", "x")])).collect();
    assert_eq!(
        code(parse_with(&tbl(1, &rows), &l)),
        RejectionCode::TooComplex
    );
    assert_eq!(
        code(parse_with(&p("x").repeat(6), &l)),
        RejectionCode::TooComplex
    );
    assert!(parse_with(&p("x").repeat(5), &l).is_ok());
    // Nested tables count too.
    let nested = tbl(
        1,
        &[format!(
            "<w:tr><w:tc>{}</w:tc></w:tr>",
            tbl(1, &[format!("<w:tr><w:tc>{}</w:tc></w:tr>", one)])
        )],
    );
    assert_eq!(
        code(parse_with(
            &(nested + &one),
            &Limits {
                max_paragraphs: 100,
                ..l.clone()
            }
        )),
        RejectionCode::TooComplex
    );
}

#[test]
fn long_text_is_truncated_silently() {
    let l = Limits {
        max_paragraph_chars: 5,
        max_cell_chars: 7,
        ..Limits::default()
    };
    let d = parse_with(&p("一二三四五六七八"), &l).expect("parses");
    assert_eq!(texts(&d), vec!["一二三四五"]);
    let cell = format!("<w:tc>{}{}</w:tc>", p("abcdef"), p("ghij"));
    let d = parse_with(&tbl(1, &[format!("<w:tr>{cell}</w:tr>")]), &l).expect("parses");
    assert_eq!(d.tables[0].cells[0].text, "abcde\ng");
}

#[test]
fn push_limited_counts_characters() {
    let (mut s, mut n) = (String::new(), 0);
    push_limited(&mut s, &mut n, 3, "ab");
    push_limited(&mut s, &mut n, 3, "全角");
    push_limited(&mut s, &mut n, 3, "x");
    assert_eq!((s.as_str(), n), ("ab全", 3));
}

#[test]
fn other_prefixes_are_not_word_text() {
    let body = "<w:p><w:r><w:t>a</w:t></w:r><m:oMath xmlns:m=\"m\"><m:r><m:t>M</m:t></m:r></m:oMath><a:t xmlns:a=\"a\">A</a:t><w:r><t>b</t></w:r></w:p>";
    assert_eq!(texts(&doc(body)), vec!["ab"]);
    // A document that binds the main namespace to another prefix.
    let xml = r#"<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:p><ns0:r><ns0:t>x</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"#;
    let d = parse(xml.as_bytes(), None, &Limits::default()).expect("parses");
    assert_eq!(texts(&d), vec!["x"]);
}

#[test]
fn malformed_structure_does_not_panic() {
    for body in [
            "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>",
            "<w:tr><w:tc><w:p/></w:tc></w:tr>",
            "<w:tbl><w:tc><w:p/></w:tc><w:p><w:r><w:t>stray</w:t></w:r></w:p></w:tbl>",
            "<w:tbl><w:tr><w:tr><w:tc/></w:tr></w:tr></w:tbl>",
            "<w:tbl><w:tr><w:tc><w:tc><w:p/></w:tc></w:tc></w:tr></w:tbl>",
            "<w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:p>",
            "<w:p><w:p><w:r><w:t>in</w:t></w:r></w:p></w:p>",
            "<w:t>orphan</w:t><w:br/><w:tab/>",
            "<w:r><w:fldChar w:fldCharType=\"end\"/><w:fldChar w:fldCharType=\"separate\"/></w:r>",
            "<mc:Choice><w:p/></mc:Choice><mc:AlternateContent/>",
            "<w:tbl><w:tr><w:trPr><w:gridBefore/><w:gridAfter w:val=\"x\"/></w:trPr><w:tc><w:tcPr><w:gridSpan/><w:vMerge w:val=\"bogus\"/></w:tcPr></w:tc></w:tr></w:tbl>",
        ] {
            let _ = doc(body);
        }
    let deep_fields = "<w:p><w:r>".to_string()
        + &"<w:fldChar w:fldCharType=\"begin\"/>".repeat(200)
        + &"<w:fldChar w:fldCharType=\"end\"/>".repeat(200)
        + "<w:t>after</w:t></w:r></w:p>";
    assert_eq!(texts(&doc(&deep_fields)), vec!["after"]);
}

#[test]
fn line_ends_in_text_read_as_quick_xml_reads_them() {
    // Text taken from the part checked whole, with XML 1.0 line ends (push_xml10), is what
    // quick-xml's own decoding (xml10_content) gives, in text and in CDATA.
    for raw in [
        "a\r\nb",
        "a\rb",
        "\r",
        "\r\n",
        "\n\r",
        "x\r\r\ny\r",
        "表\r\n二\r",
        "none",
    ] {
        let expected = quick_xml::events::BytesText::from_escaped(raw)
            .xml10_content()
            .unwrap()
            .into_owned();
        let d = doc(&p(raw));
        assert_eq!(texts(&d), vec![expected.clone()], "{raw:?}");
        let d = doc(&format!(
            "<w:p><w:r><w:t><![CDATA[{raw}]]></w:t></w:r></w:p>"
        ));
        assert_eq!(texts(&d), vec![expected], "CDATA {raw:?}");
    }
}

#[test]
fn valid_utf8_start_is_what_core_says() {
    let mut inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"<w:t>ascii</w:t>".to_vec(),
        "<w:t>政府信息公开</w:t>".as_bytes().to_vec(),
        b"\xef\xbb\xbf<w:document/>".to_vec(),
        b"abc\xff".to_vec(),
        b"\xe4\xb8".to_vec(),
        b"\xed\xa0\x80 surrogate".to_vec(),
        b"\xf4\x90\x80\x80 too large".to_vec(),
        b"\xc0\xaf overlong".to_vec(),
    ];
    // Long inputs (past the SIMD blocks) with a bad byte at every position of a window.
    let long = "表二 本年新收政府信息公开申请数量 abc 123 "
        .repeat(40)
        .into_bytes();
    inputs.push(long.clone());
    for at in (0..long.len()).step_by(7) {
        let mut bad = long.clone();
        bad[at] = 0xff;
        inputs.push(bad);
        let mut cut = long.clone();
        cut.truncate(at);
        inputs.push(cut);
    }
    for b in &inputs {
        let expected = match std::str::from_utf8(b) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        let got = valid_utf8_start(b);
        assert_eq!(got.len(), expected, "{:?}", String::from_utf8_lossy(b));
        assert_eq!(got.as_bytes(), &b[..expected]);
    }
}
