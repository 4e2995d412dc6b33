//! How real published reports deviate from the template, one variant per test, each in a
//! document built by the test: labels retyped (numbering, spaces, typos, dropped words, one
//! character per line), headings reworded, hybrid formats, money in the wrong unit, titles of
//! every shape, old layouts, blank templates. Consistent reports must get no error; each
//! variant gets at most the one warning that names it.

use crate::support;

use nianbao::check_bytes;
use nianbao::CheckResult;
use serde_json::Value;
use support::report::{docx_from_body, Format, ReportSpec};

/// A consistent 2021 report with non-zero numbers in every table.
fn consistent(year: i32) -> ReportSpec {
    let mut s = ReportSpec::zeros(Format::Format2021, year, "某某市自然资源局");
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
    ] {
        s.set_t4(k, v);
    }
    s.set_t2("行政许可", 0, "88")
        .set_t2("行政处罚", 0, "9")
        .set_t2("行政事业性收费", 0, "3.75");
    s
}

fn check(spec: &ReportSpec) -> CheckResult {
    check_bytes(&spec.to_bytes())
}

fn json(r: &CheckResult) -> Value {
    serde_json::to_value(r).expect("result serializes")
}

fn rules(r: &CheckResult) -> Vec<(String, String, String)> {
    json(r)["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    (
                        f["rule"].as_str().unwrap_or("").to_string(),
                        f["severity"].as_str().unwrap_or("").to_string(),
                        f["message"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn errors(r: &CheckResult) -> Vec<(String, String)> {
    rules(r)
        .into_iter()
        .filter(|(_, s, _)| s == "error")
        .map(|(r, _, m)| (r, m))
        .collect()
}

fn of_rule(r: &CheckResult, rule: &str) -> Vec<String> {
    rules(r)
        .into_iter()
        .filter(|(id, _, _)| id == rule)
        .map(|(_, _, m)| m)
        .collect()
}

fn assert_no_errors(r: &CheckResult) {
    assert_eq!(json(r)["status"], "checked", "{:?}", r.rejection);
    assert!(errors(r).is_empty(), "{:#?}", errors(r));
}

/// The value read for a table 三 cell, by official row leaf and column leaf.
fn t3_value(r: &CheckResult, row_leaf: &str, col: &str) -> Value {
    let v = json(r);
    v["values"]["table3"]
        .as_array()
        .and_then(|a| {
            a.iter().find(|e| {
                e["row"]
                    .as_array()
                    .and_then(|p| p.last())
                    .and_then(Value::as_str)
                    == Some(row_leaf)
                    && e["column"]
                        .as_array()
                        .and_then(|p| p.last())
                        .and_then(Value::as_str)
                        == Some(col)
            })
        })
        .map(|e| e["value"].clone())
        .unwrap_or(Value::Null)
}

// ------------------------------------------------------------------ row and column labels

#[test]
fn retyped_row_labels_are_read_with_one_label_warning_each() {
    let mut s = consistent(2022);
    let typos = [
        (
            "withheld_2",
            "2.其他法律行政止公开",
            "2.其他法律行政法规禁止公开",
        ),
        (
            "not_processed_4",
            "4.大量反复申请",
            "4.无正当理由大量反复申请",
        ),
        ("withheld_4", "4.保护第三方合法全益", "4.保护第三方合法权益"),
        (
            "withheld_5",
            "5.属于三类内务部事信息",
            "5.属于三类内部事务信息",
        ),
    ];
    for (key, written, _) in typos {
        let i = s.t3_row(key);
        *s.t3_labels[i].last_mut().unwrap() = written.to_string();
    }
    // Differences of numbering and spacing only: no warning.
    let i = s.t3_row("granted");
    s.t3_labels[i][1] = "（一）予 以 公 开".to_string();
    s.dunhao = true;
    s.t2_captions[0] = "第 二 十 条 第（一）项".to_string();
    let r = check(&s);
    assert_no_errors(&r);
    assert_eq!(
        json(&r)["values"]["table3"].as_array().map(Vec::len),
        Some(25 * 7)
    );
    let labels = of_rule(&r, "S.LABEL");
    assert_eq!(labels.len(), typos.len(), "{labels:#?}");
    for (_, written, official) in typos {
        assert!(
            labels
                .iter()
                .any(|m| m.contains(&written[2..]) && m.contains(official)),
            "{written}: {labels:#?}"
        );
    }
    assert!(
        !rules(&r).iter().any(|(id, _, _)| id == "S.AMBIG"),
        "{:#?}",
        rules(&r)
    );
    assert_eq!(t3_value(&r, "1.本机关不掌握相关政府信息", "总计"), 3);
}

#[test]
fn labels_split_over_lines_and_spaced_headers_are_exact() {
    let mut s = consistent(2022);
    // One character per line, and a label over two paragraphs.
    let i = s.t3_row("granted");
    s.t3_labels[i][0] = "三\n、\n本\n年\n度\n办\n理\n结\n果".to_string();
    let i = s.t3_row("new_received");
    s.t3_labels[i][0] = "一、本年新收政府信息\n公开申请数量".to_string();
    // Justified header cells.
    s.t3_cols = [
        "自  然  人",
        "商 业 企 业",
        "科 研 机 构",
        "社会公益组织",
        "法律服务机构",
        "其  他",
        "总  计",
    ]
    .iter()
    .map(|c| c.to_string())
    .collect();
    s.header_breaks = true;
    s.t2_labels[1] = "行政规范性\n文件".to_string();
    let r = check(&s);
    assert_no_errors(&r);
    assert!(rules(&r).is_empty(), "{:#?}", rules(&r));
    assert_eq!(t3_value(&r, "（七）总计", "总计"), 9);
}

#[test]
fn the_result_label_repeated_in_two_merged_blocks_is_one_group() {
    let mut s = consistent(2022);
    let i = s.t3_row("unable_1");
    s.t3_result_restart = Some(i);
    let r = check(&s);
    assert_no_errors(&r);
    assert!(rules(&r).is_empty(), "{:#?}", rules(&r));
    assert_eq!(
        json(&r)["values"]["table3"].as_array().map(Vec::len),
        Some(25 * 7)
    );
    assert_eq!(t3_value(&r, "1.本机关不掌握相关政府信息", "自然人"), 2);
}

#[test]
fn a_label_naming_two_rows_is_ambiguous_not_assigned() {
    let mut s = consistent(2022);
    let i = s.t3_row("granted");
    s.t3_labels[i][1] = "（一）予以公开和部分公开".to_string();
    let r = check(&s);
    let v = json(&r);
    let amb: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "S.AMBIG")
        .collect();
    assert_eq!(amb.len(), 1, "{:#?}", rules(&r));
    let m = amb[0]["message"].as_str().unwrap();
    assert!(
        m.contains("（一）予以公开和部分公开")
            && m.contains("（一）予以公开")
            && m.contains("部分公开"),
        "{m}"
    );
    // The label cell and the row's seven number cells.
    let (t, row, _) = s.t3_pos("granted", 0);
    let cells = amb[0]["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 8, "{cells:?}");
    assert!(
        cells.iter().all(|c| c["table"] == t && c["row"] == row),
        "{cells:?}"
    );
    // The row was not silently taken for either.
    assert_eq!(t3_value(&r, "（一）予以公开", "总计"), Value::Null);
    assert_eq!(
        t3_value(
            &r,
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "总计"
        ),
        0
    );
}

#[test]
fn t2_and_t4_header_variants() {
    let mut s = consistent(2022);
    s.t2_headers[0] = vec![
        "信息内容".into(),
        "本年制发件数".into(),
        "本年废止件数".into(),
        "现行有效件".into(),
    ];
    s.t2_labels[1] = "规范性文件".to_string();
    s.t4_leaves[0] = "结果 维持".to_string();
    s.t4_leaves[1] = "结果纠 正".to_string();
    // 其它 for 其他, and a mistyped leaf under 未经复议直接起诉.
    s.t4_leaves[2] = "其它结果".to_string();
    s.t4_leaves[5] = "结果维特".to_string();
    let r = check(&s);
    assert_no_errors(&r);
    assert_eq!(
        json(&r)["values"]["table2"].as_array().map(Vec::len),
        Some(10)
    );
    assert_eq!(
        json(&r)["values"]["table4"].as_array().map(Vec::len),
        Some(15)
    );
    // 规范性文件 keeps its own T2.LABEL warning; the header variant gets S.LABEL.
    assert_eq!(of_rule(&r, "T2.LABEL").len(), 1);
    let labels = of_rule(&r, "S.LABEL");
    assert_eq!(labels.len(), 3, "{labels:#?}");
    for (written, official) in [
        ("现行有效件", "现行有效件数"),
        ("其它结果", "其他结果"),
        ("结果维特", "结果维持"),
    ] {
        assert!(
            labels
                .iter()
                .any(|m| m.contains(&format!("「{written}」"))
                    && m.contains(&format!("「{official}」"))),
            "{written}: {labels:#?}"
        );
    }
}

// ------------------------------------------------------------------ section headings

#[test]
fn reworded_section_headings_are_found() {
    for (i, heading) in [
        (2, "三、收到和处理政府信息公开申情况"),
        (3, "四、政府信息公开行政复议、行政诉讼的情况"),
        (4, "五、存在的主要问题及整改情况"),
        (4, "五、下一步工作打算"),
        (4, "五、存在问题及改进措施"),
        (5, "六、其它需要报告的事项"),
    ] {
        let mut s = consistent(2022);
        s.set_heading(i, Some(heading));
        let r = check(&s);
        assert_no_errors(&r);
        assert!(of_rule(&r, "S.SECT").is_empty(), "{heading}");
        let tv = of_rule(&r, "S.TITLEVAR");
        assert_eq!(tv.len(), 1, "{heading}: {tv:?}");
        assert!(tv[0].contains(heading), "{tv:?}");
    }
}

// ------------------------------------------------------------------ formats

/// A 2023 report with the 2021 table 二 and headings but the 2019 single （六）其他处理 row.
fn hybrid() -> ReportSpec {
    let mut s = consistent(2023);
    s.t3_format = Some(Format::Format2019);
    let rows = support::report::t3_rows(Format::Format2019);
    s.t3_labels = rows
        .iter()
        .map(|(_, p)| p.iter().map(|x| x.to_string()).collect())
        .collect();
    s.table3 = vec![vec!["0".to_string(); 7]; rows.len()];
    s.set_t3_row("new_received", [7, 2, 1, 0, 0, 0]);
    s.set_t3_row("carried_over", [1, 0, 0, 0, 0, 0]);
    s.set_t3_row("granted", [4, 1, 0, 0, 0, 0]);
    s.set_t3_row("unable_1", [2, 0, 1, 0, 0, 0]);
    s.set_t3_row("other", [1, 0, 0, 0, 0, 0]);
    s.set_t3_row("results_total", [7, 1, 1, 0, 0, 0]);
    s.set_t3_row("carried_forward", [1, 1, 0, 0, 0, 0]);
    s
}

#[test]
fn a_hybrid_report_is_checked_with_the_rows_it_has_and_gets_one_warning() {
    let r = check(&hybrid());
    assert_no_errors(&r);
    assert!(of_rule(&r, "S.FMT").is_empty(), "{:#?}", rules(&r));
    let h = of_rule(&r, "S.HYBRID");
    assert_eq!(h.len(), 1, "{:#?}", rules(&r));
    assert!(h[0].contains("（六）其他处理"), "{h:?}");
    assert_eq!(rules(&r).len(), 1, "{:#?}", rules(&r));
    assert_eq!(json(&r)["report"]["format"], "2021");
    assert_eq!(t3_value(&r, "（六）其他处理", "自然人"), 1);
}

#[test]
fn a_2020_report_with_the_2021_table_two_names_table_two() {
    let mut s = hybrid();
    s.year = 2020;
    s.preface = vec!["本报告统计期限为2020年1月1日至2020年12月31日。".to_string()];
    s.sections[0].before[0] =
        "2020年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。".to_string();
    s.date_line = Some("2021年1月20日".to_string());
    let r = check(&s);
    assert_no_errors(&r);
    assert_eq!(json(&r)["report"]["format"], "2019");
    let h = of_rule(&r, "S.HYBRID");
    assert_eq!(h.len(), 1, "{:#?}", rules(&r));
    assert!(h[0].starts_with("表二的栏目是2021 年版格式"), "{h:?}");
    // Table 二 is still read with its own (2021) columns.
    assert_eq!(
        json(&r)["values"]["table2"].as_array().map(Vec::len),
        Some(10)
    );
}

#[test]
fn a_hybrid_report_still_gets_its_arithmetic_checked() {
    let mut s = hybrid();
    s.set_t3("other", 0, "2").set_t3("other", 6, "2");
    let r = check(&s);
    let res = of_rule(&r, "T3.RES");
    assert!(res.iter().any(|m| m.contains("自然人")), "{:#?}", rules(&r));
    assert!(of_rule(&r, "S.FMT").is_empty(), "{:#?}", rules(&r));
}

// ------------------------------------------------------------------ values

#[test]
fn yuan_in_the_wan_yuan_column_is_converted_and_said_so() {
    let mut s = consistent(2022);
    s.set_t2("行政事业性收费", 0, "37500元");
    let r = check(&s);
    assert_no_errors(&r);
    let t = of_rule(&r, "CELL.TEXT");
    assert_eq!(t.len(), 1, "{:#?}", rules(&r));
    assert!(
        t[0].contains("37500元") && t[0].contains("万元") && t[0].contains("3.75"),
        "{t:?}"
    );
    let v = json(&r);
    let fee = v["values"]["table2"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["row"][1] == "行政事业性收费")
        .unwrap()
        .clone();
    assert_eq!(fee["value"], 3.75);
    // Written in 万元 with the unit: read as is, no warning.
    let mut s = consistent(2022);
    s.set_t2("行政事业性收费", 0, "3.75万元");
    assert!(rules(&check(&s)).is_empty());
}

#[test]
fn long_decimals_nbsp_and_split_runs() {
    let mut s = consistent(2022);
    s.set_t2("行政事业性收费", 0, "3.750000");
    s.set_t3("new_received", 0, "\u{a0}\u{a0}7\u{a0}");
    s.set_t3("new_received", 6, "1\u{1F}0");
    s.pad = Some("\u{a0}\u{3000}".to_string());
    let r = check(&s);
    assert_no_errors(&r);
    assert!(rules(&r).is_empty(), "{:#?}", rules(&r));
    assert_eq!(t3_value(&r, "一、本年新收政府信息公开申请数量", "总计"), 10);
    let mut s = consistent(2022);
    s.set_t2("行政事业性收费", 0, "3.12345678");
    let r = check(&s);
    assert_no_errors(&r);
    let v = json(&r);
    let fee = v["values"]["table2"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["row"][1] == "行政事业性收费")
        .unwrap()
        .clone();
    assert!(
        (fee["value"].as_f64().unwrap() - 3.12345678).abs() < 1e-12,
        "{fee}"
    );
}

#[test]
fn negative_change_in_2019_is_allowed() {
    let mut s = ReportSpec::zeros(Format::Format2019, 2020, "某某县市场监督管理局");
    s.set_t2("行政许可", 0, "12")
        .set_t2("行政许可", 1, "-3")
        .set_t2("行政处罚", 1, "减2")
        .set_t2("行政事业性收费", 1, "+1");
    let r = check(&s);
    assert_no_errors(&r);
    assert!(rules(&r).is_empty(), "{:#?}", rules(&r));
}

// ------------------------------------------------------------------ agency and year

fn titled(title: &[&str], year: i32) -> ReportSpec {
    let mut s = consistent(year);
    s.title = false;
    let mut pre: Vec<String> = title.iter().map(|t| t.to_string()).collect();
    pre.append(&mut s.preface);
    s.preface = pre;
    s
}

#[test]
fn agency_and_year_from_real_titles() {
    let cases: &[(&[&str], i32, &str)] = &[
        (&["某某区2022年度政府信息公开工作年度报告"], 2022, "某某区"),
        (
            &["某某区 2022 年度政府信息公开工作年度报告"],
            2022,
            "某某区",
        ),
        (
            &["某某区二〇二二年度政府信息公开工作年度报告"],
            2022,
            "某某区",
        ),
        (
            &["某某经济技术开发区管委会2022年政府信息公开工作年度报告"],
            2022,
            "某某经济技术开发区管委会",
        ),
        (
            &["关于某某县人民政府2022年度政府信息公开工作年度报告"],
            2022,
            "某某县人民政府",
        ),
        (
            &["某某县人民政府办公室关于2022年政府信息公开工作年度报告的公告"],
            2022,
            "某某县人民政府办公室",
        ),
        (
            &["《某某市生态环境局2022年政府信息公开工作年度报告》"],
            2022,
            "某某市生态环境局",
        ),
        (
            &["某某市生态环境局", "2022年政府信息公开工作年度报告"],
            2022,
            "某某市生态环境局",
        ),
        (
            &["某某市生态环境局\n2022年政府信息公开工作年度报告"],
            2022,
            "某某市生态环境局",
        ),
    ];
    for (title, year, agency) in cases {
        let mut s = titled(title, *year);
        s.signature = Some("某某单位".to_string());
        let r = check(&s);
        assert_eq!(
            (r.report.agency.as_deref(), r.report.year),
            (Some(*agency), Some(*year)),
            "{title:?}"
        );
        assert_no_errors(&r);
    }
}

#[test]
fn without_a_title_the_agency_comes_from_the_signature() {
    let mut s = consistent(2022);
    s.title = false;
    s.signature = Some("某某县农业农村局".to_string());
    let r = check(&s);
    assert_eq!(r.report.agency.as_deref(), Some("某某县农业农村局"));
    assert_eq!(r.report.year, Some(2022));
}

// ------------------------------------------------------------------ old layouts, blank tables

#[test]
fn a_pre_2019_layout_gets_one_clear_rejection() {
    use support::report::{para_xml, tc, tr};
    let mut body = para_xml("某某县2017年政府信息公开工作年度报告", false);
    body.push_str(&para_xml("一、概述", false));
    body.push_str(&para_xml("附表：2017年政府信息公开情况统计表", false));
    let rows: &[[&str; 4]] = &[
        ["指标名称", "计量单位", "本年度", "累计"],
        ["一、主动公开情况", "", "", ""],
        ["（一）主动公开政府信息数", "条", "120", "1500"],
        ["二、依申请公开情况", "", "", ""],
        ["（一）收到申请数", "件", "3", "40"],
        ["（二）申请办理结果", "", "", ""],
        ["1.按时办结数", "件", "3", "40"],
        [
            "三、因政府信息公开申请行政复议、提起行政诉讼情况",
            "",
            "",
            "",
        ],
        ["（一）维持具体行政行为数", "件", "0", "1"],
        ["（二）被依法纠错数", "件", "0", "0"],
        ["四、政府信息公开专项经费", "万元", "2", "10"],
    ];
    let mut t = String::from("<w:tbl><w:tblGrid><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"1000\"/></w:tblGrid>");
    for row in rows {
        t.push_str(&tr(&row.iter().map(|c| tc(c, 1, None)).collect::<Vec<_>>()));
    }
    t.push_str("</w:tbl>");
    body.push_str(&t);
    let r = check_bytes(&docx_from_body(&body).build());
    let v = json(&r);
    assert_eq!(v["status"], "rejected", "{:#?}", rules(&r));
    assert_eq!(v["rejection"]["code"], "old_layout");
    let m = v["rejection"]["message"].as_str().unwrap();
    assert!(m.contains("2019") && m.contains("指标名称"), "{m}");
}

#[test]
fn a_blank_template_gets_one_finding() {
    let mut s = ReportSpec::zeros(Format::Format2021, 2022, "某某县水利局");
    s.table2 = s
        .table2
        .iter()
        .map(|r| vec![String::new(); r.len()])
        .collect();
    s.table3 = vec![vec![String::new(); 7]; 25];
    s.table4 = vec![String::new(); 15];
    let r = check(&s);
    let all = rules(&r);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].0, "S.EMPTY");
    assert!(all[0].2.contains("表格均未填写"), "{all:?}");
}

#[test]
fn a_blank_column_block_is_one_group_in_text_and_one_finding_per_cell_in_json() {
    let mut s = consistent(2022);
    for row in s.table3.iter_mut() {
        for cell in row.iter_mut().take(6).skip(1) {
            cell.clear();
        }
    }
    // The numbers that remain still balance: 自然人 and 总计.
    for (key, n, t) in [
        ("new_received", "7", "10"),
        ("granted", "4", "5"),
        ("unable_1", "2", "3"),
        ("results_total", "7", "9"),
        ("carried_forward", "1", "2"),
    ] {
        s.set_t3(key, 0, n).set_t3(key, 6, t);
    }
    let r = check(&s);
    let v = json(&r);
    let blanks: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "T3.BLANK")
        .collect();
    assert_eq!(blanks.len(), 125);
    let group = &blanks[0]["group"];
    assert!(!group.is_null(), "{}", blanks[0]);
    assert!(blanks.iter().all(|f| f["group"] == *group));
    let text = nianbao::present::text("x.docx", &r);
    assert_eq!(text.matches("T3.BLANK").count(), 1, "{text}");
    assert!(
        text.contains("表三「法人或其他组织」5 列全部为空，共 125 格"),
        "{text}"
    );
    // The group's summary is in the result for the page.
    let groups = v["groups"].as_array().expect("groups");
    assert!(
        groups.iter().any(
            |g| g["message"].as_str().unwrap_or("").contains("共 125 格") && g["count"] == 125
        ),
        "{groups:?}"
    );
}

#[test]
fn an_old_report_with_its_own_tables_is_rejected_by_its_year() {
    use support::report::{para_xml, tc, tr};
    let mut body = para_xml("某某县水务局2016年政府信息公开工作年度报告", false);
    body.push_str(&para_xml("一、概述", false));
    body.push_str(&para_xml(
        "2016年，本局认真贯彻落实《政府信息公开条例》。",
        false,
    ));
    // A table of its own that names 行政复议 and 行政诉讼 (not the uniform table 四).
    let rows: &[[&str; 3]] = &[["项目", "行政复议", "行政诉讼"], ["件数", "0", "0"]];
    let mut t = String::from("<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>");
    for row in rows {
        t.push_str(&tr(&row.iter().map(|c| tc(c, 1, None)).collect::<Vec<_>>()));
    }
    t.push_str("</w:tbl>");
    body.push_str(&t);
    let r = check_bytes(&docx_from_body(&body).build());
    let v = json(&r);
    assert_eq!(v["status"], "rejected", "{:#?}", rules(&r));
    assert_eq!(v["rejection"]["code"], "old_layout");
    assert!(
        v["rejection"]["message"].as_str().unwrap().contains("2016"),
        "{v}"
    );
}

#[test]
fn a_numbered_sub_heading_of_section_one_is_not_taken_for_a_section() {
    let mut s = consistent(2022);
    s.sections[0].before.push("2、主动公开情况".to_string());
    s.sections[0].before.push("3、依申请公开情况".to_string());
    s.set_heading(1, Some("二、主动公开政府信息的情况"));
    let r = check(&s);
    assert_no_errors(&r);
    let tv = of_rule(&r, "S.TITLEVAR");
    assert_eq!(tv.len(), 1, "{tv:?}");
    assert!(tv[0].contains("二、主动公开政府信息的情况"), "{tv:?}");
}

#[test]
fn a_number_with_a_note_below_it_is_read_with_one_warning_on_one_line() {
    let mut s = consistent(2022);
    s.set_t2("规章", 1, "2\n（其中修订 1 件）")
        .set_t2("规章", 2, "2");
    let r = check(&s);
    assert_no_errors(&r);
    let t = of_rule(&r, "CELL.TEXT");
    assert_eq!(t.len(), 1, "{:#?}", rules(&r));
    assert!(
        t[0].contains("写作“2 （其中修订 1 件）”") && t[0].contains("已按 2 读取"),
        "{t:?}"
    );
}
