//! Builder of report documents in the official layout (国办公开办函〔2021〕30号 / 〔2019〕60号),
//! with the merged cells of the official template as found in the seed .docx files, plus
//! options for the quirks real documents show.
//!
//! Every cell text is a free string, so tests can put anything in a cell. Positions of the
//! number cells in the generated document (physical table index, grid row, grid column) are
//! recorded while rendering, so tests can assert `Finding::cells` / `culprit` precisely.
#![allow(dead_code)]

use super::{esc, Docx, CONTENT_TYPES};
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------------
// Official labels (the contract: docs/CONTRACT.md, /work/shared/spec/report_formats.json)
// ---------------------------------------------------------------------------------------------

pub const SECTION_TITLES: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

pub const T3_CORNER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
pub const T3_TOP: &str = "申请人情况";
pub const T3_GROUP: &str = "法人或其他组织";
pub const T3_COL_LABELS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

const R3: &str = "三、本年度办理结果";
const W3: &str = "（三）不予公开";
const U4: &str = "（四）无法提供";
const N5: &str = "（五）不予处理";
const O6: &str = "（六）其他处理";

/// Table 三 rows of the 2021 format: (key, official label path).
pub const T3_ROWS_2021: [(&str, &[&str]); 25] = [
    ("new_received", &["一、本年新收政府信息公开申请数量"]),
    ("carried_over", &["二、上年结转政府信息公开申请数量"]),
    ("granted", &[R3, "（一）予以公开"]),
    (
        "partially_granted",
        &[
            R3,
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ],
    ),
    ("withheld_1", &[R3, W3, "1.属于国家秘密"]),
    ("withheld_2", &[R3, W3, "2.其他法律行政法规禁止公开"]),
    ("withheld_3", &[R3, W3, "3.危及“三安全一稳定”"]),
    ("withheld_4", &[R3, W3, "4.保护第三方合法权益"]),
    ("withheld_5", &[R3, W3, "5.属于三类内部事务信息"]),
    ("withheld_6", &[R3, W3, "6.属于四类过程性信息"]),
    ("withheld_7", &[R3, W3, "7.属于行政执法案卷"]),
    ("withheld_8", &[R3, W3, "8.属于行政查询事项"]),
    ("unable_1", &[R3, U4, "1.本机关不掌握相关政府信息"]),
    ("unable_2", &[R3, U4, "2.没有现成信息需要另行制作"]),
    ("unable_3", &[R3, U4, "3.补正后申请内容仍不明确"]),
    ("not_processed_1", &[R3, N5, "1.信访举报投诉类申请"]),
    ("not_processed_2", &[R3, N5, "2.重复申请"]),
    ("not_processed_3", &[R3, N5, "3.要求提供公开出版物"]),
    ("not_processed_4", &[R3, N5, "4.无正当理由大量反复申请"]),
    (
        "not_processed_5",
        &[R3, N5, "5.要求行政机关确认或重新出具已获取信息"],
    ),
    (
        "other_1",
        &[
            R3,
            O6,
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ],
    ),
    (
        "other_2",
        &[
            R3,
            O6,
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ],
    ),
    ("other_3", &[R3, O6, "3.其他"]),
    ("results_total", &[R3, "（七）总计"]),
    ("carried_forward", &["四、结转下年度继续办理"]),
];

/// Table 三 rows of the 2019 format: like 2021 but （六）其他处理 is one row.
pub fn t3_rows(format: Format) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out = Vec::new();
    for (key, path) in T3_ROWS_2021.iter() {
        if format == Format::Format2019 && key.starts_with("other_") {
            if *key == "other_1" {
                out.push(("other", vec![R3, O6]));
            }
            continue;
        }
        out.push((*key, path.to_vec()));
    }
    out
}

/// Official column path of table 三 column `col` (0 = 自然人 … 6 = 总计).
pub fn t3_col_path(col: usize) -> Vec<String> {
    match col {
        0 | 6 => vec![T3_TOP.to_string(), T3_COL_LABELS[col].to_string()],
        1..=5 => vec![
            T3_TOP.to_string(),
            T3_GROUP.to_string(),
            T3_COL_LABELS[col].to_string(),
        ],
        _ => panic!("table 三 has 7 number columns"),
    }
}

pub const T4_KEYS: [&str; 15] = [
    "review.upheld",
    "review.corrected",
    "review.other",
    "review.pending",
    "review.total",
    "litigation_direct.upheld",
    "litigation_direct.corrected",
    "litigation_direct.other",
    "litigation_direct.pending",
    "litigation_direct.total",
    "litigation_after_review.upheld",
    "litigation_after_review.corrected",
    "litigation_after_review.other",
    "litigation_after_review.pending",
    "litigation_after_review.total",
];
pub const T4_LEAVES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Official column path of table 四 column `col` (0..15).
pub fn t4_col_path(col: usize) -> Vec<String> {
    let leaf = T4_LEAVES[col % 5].to_string();
    match col / 5 {
        0 => vec!["行政复议".into(), leaf],
        1 => vec!["行政诉讼".into(), "未经复议直接起诉".into(), leaf],
        2 => vec!["行政诉讼".into(), "复议后起诉".into(), leaf],
        _ => panic!("table 四 has 15 number columns"),
    }
}

pub fn t4_index(key: &str) -> usize {
    T4_KEYS
        .iter()
        .position(|k| *k == key)
        .unwrap_or_else(|| panic!("unknown table 四 key {key}"))
}

/// How the number cells of a table 二 block are laid out under the 4 grid columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T2Layout {
    /// Three cells, one per grid column 1..3.
    Three,
    /// One cell spanning grid columns 1..3.
    One,
    /// One cell in grid column 1, one spanning grid columns 2..3.
    TwoSpan,
}

/// One caption block of table 二.
#[derive(Debug, Clone)]
pub struct T2Block {
    pub caption: &'static str,
    /// Column headers after 信息内容 (official labels).
    pub headers: &'static [&'static str],
    pub rows: &'static [&'static str],
    pub layout: T2Layout,
}

pub fn t2_blocks(format: Format) -> Vec<T2Block> {
    match format {
        Format::Format2021 => vec![
            T2Block {
                caption: "第二十条第（一）项",
                headers: &["本年制发件数", "本年废止件数", "现行有效件数"],
                rows: &["规章", "行政规范性文件"],
                layout: T2Layout::Three,
            },
            T2Block {
                caption: "第二十条第（五）项",
                headers: &["本年处理决定数量"],
                rows: &["行政许可"],
                layout: T2Layout::One,
            },
            T2Block {
                caption: "第二十条第（六）项",
                headers: &["本年处理决定数量"],
                rows: &["行政处罚", "行政强制"],
                layout: T2Layout::One,
            },
            T2Block {
                caption: "第二十条第（八）项",
                headers: &["本年收费金额（单位：万元）"],
                rows: &["行政事业性收费"],
                layout: T2Layout::One,
            },
        ],
        Format::Format2019 => vec![
            T2Block {
                caption: "第二十条第（一）项",
                headers: &["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                rows: &["规章", "规范性文件"],
                layout: T2Layout::Three,
            },
            T2Block {
                caption: "第二十条第（五）项",
                headers: &["上一年项目数量", "本年增/减", "处理决定数量"],
                rows: &["行政许可", "其他对外管理服务事项"],
                layout: T2Layout::Three,
            },
            T2Block {
                caption: "第二十条第（六）项",
                headers: &["上一年项目数量", "本年增/减", "处理决定数量"],
                rows: &["行政处罚", "行政强制"],
                layout: T2Layout::Three,
            },
            T2Block {
                caption: "第二十条第（八）项",
                headers: &["上一年项目数量", "本年增/减"],
                rows: &["行政事业性收费"],
                layout: T2Layout::TwoSpan,
            },
            T2Block {
                caption: "第二十条第（九）项",
                headers: &["采购项目数量", "采购总金额"],
                rows: &["政府集中采购"],
                layout: T2Layout::TwoSpan,
            },
        ],
    }
}

/// Official (row path, column path) of every table 二 number cell, in document order, with
/// whether the cell is an amount (decimal allowed) rather than a count.
pub fn t2_official_cells(format: Format) -> Vec<(Vec<String>, Vec<String>, bool)> {
    let mut out = Vec::new();
    for b in t2_blocks(format) {
        for r in b.rows {
            for h in b.headers {
                let amount = h.contains("金额");
                out.push((
                    vec![b.caption.to_string(), r.to_string()],
                    vec![h.to_string()],
                    amount,
                ));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The spec
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Format2021,
    Format2019,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Format2021 => "2021",
            Format::Format2019 => "2019",
        }
    }
    pub fn t3_rows(self) -> usize {
        match self {
            Format::Format2021 => 25,
            Format::Format2019 => 23,
        }
    }
}

/// One of the six sections: its heading (None = omitted) and body paragraphs before and after
/// the section's table (sections 二, 三, 四 hold a table).
#[derive(Debug, Clone)]
pub struct Section {
    pub heading: Option<String>,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// Layout of table 四's header rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T4Header {
    /// Row 1 行政复议 (5) | 行政诉讼 (10); row 2 the five 行政复议 leaves (vMerge over 2 rows),
    /// 未经复议直接起诉 (5), 复议后起诉 (5); row 3 the ten 行政诉讼 leaves.
    Official,
    /// As seed 004: 行政复议 vMerged over rows 1–2, the two litigation groups in row 2 and all
    /// fifteen leaves in row 3.
    LeavesInOneRow,
}

/// A position in the generated document: physical table index, grid row, grid column.
pub type Pos = (usize, usize, usize);

/// A position as the result's cell reference.
pub fn cref(p: Pos) -> nianbao::CellRef {
    nianbao::CellRef {
        table: p.0,
        row: p.1,
        col: p.2,
    }
}

/// The findings of a result that are errors.
pub fn errors(r: &nianbao::CheckResult) -> Vec<&nianbao::Finding> {
    r.findings
        .iter()
        .filter(|f| f.severity == nianbao::Severity::Error)
        .collect()
}

#[derive(Debug, Clone)]
pub struct ReportSpec {
    pub agency: String,
    pub year: i32,
    pub format: Format,
    /// Emit the title line `{agency}{year}年政府信息公开工作年度报告`.
    pub title: bool,
    /// Paragraphs after the title, before section 一.
    pub preface: Vec<String>,
    /// Exactly six sections.
    pub sections: Vec<Section>,
    /// Headings as automatically numbered paragraphs (`w:numPr`, numbering "一、"), their text
    /// without the "三、" prefix.
    pub numbered_headings: bool,

    /// Table 二 texts as written: per block the caption and headers (信息内容 first), per data
    /// row the label and the number cells (document order over all blocks).
    pub t2_captions: Vec<String>,
    pub t2_headers: Vec<Vec<String>>,
    pub t2_labels: Vec<String>,
    pub table2: Vec<Vec<String>>,

    /// Table 三 header texts as written.
    pub t3_corner: String,
    pub t3_top: String,
    pub t3_group: String,
    pub t3_cols: Vec<String>,
    /// Table 三 label path of each data row as written (official by default).
    pub t3_labels: Vec<Vec<String>>,
    /// 25 (2021) or 23 (2019) rows × 7 cells.
    pub table3: Vec<Vec<String>>,

    /// Table 四 header texts as written: 行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉, and the
    /// 15 leaves.
    pub t4_groups: Vec<String>,
    pub t4_leaves: Vec<String>,
    pub t4_header: T4Header,
    pub table4: Vec<String>,

    /// Agency line after section 六.
    pub signature: Option<String>,
    /// Date line after the signature, e.g. "2022年1月20日".
    pub date_line: Option<String>,

    // Quirks.
    /// Split table 三 into two `w:tbl` after this many data rows; the second repeats the header
    /// unless `split_without_header`.
    pub split_t3_after: Option<usize>,
    pub split_without_header: bool,
    /// With `numbered_headings`: the numbering comes from the paragraph style (a heading style
    /// carrying `w:numPr`), not from the paragraph.
    pub numbered_via_style: bool,
    /// A note row spanning all columns after table 四's data row.
    pub t4_note_row: Option<String>,
    /// Table 三 in another format than table 二 (mixed signals); `table3` and `t3_labels` must
    /// then have that format's rows.
    pub t3_format: Option<Format>,
    /// Insert empty rows: table 二 at the end, table 三 after the header and at the end, table 四
    /// at the end.
    pub extra_empty_rows: bool,
    /// A cover table (索引号, 发布日期…) before the title.
    pub cover_table: bool,
    /// A contact table (联系人, 电话…) after the date line.
    pub contact_table: bool,
    /// Break header labels over two paragraphs (商业⏎企业, 结果⏎维持).
    pub header_breaks: bool,
    /// Write `1、` instead of `1.` in table 三's level-3 labels.
    pub dunhao: bool,
    /// Prefix every number cell with this text (U+3000, NBSP padding).
    pub pad: Option<String>,
    /// Tables not to emit (2, 3, 4); the section headings stay.
    pub omit_tables: Vec<u8>,
    /// Restart the vertical merge of the 三、本年度办理结果 label cell at this data row index,
    /// writing the label again (two merged blocks instead of one).
    pub t3_result_restart: Option<usize>,
}

fn s(v: &str) -> String {
    v.to_string()
}

impl ReportSpec {
    /// An all-zero report in the 2021 format, year 2021, with title, six standard sections,
    /// signature and date.
    pub fn zeros_2021() -> Self {
        Self::zeros(Format::Format2021, 2021, "某某县卫生健康局")
    }

    /// An all-zero report in the 2019 format, year 2020.
    pub fn zeros_2019() -> Self {
        Self::zeros(Format::Format2019, 2020, "某某县卫生健康局")
    }

    pub fn zeros(format: Format, year: i32, agency: &str) -> Self {
        let mut sections: Vec<Section> = SECTION_TITLES
            .iter()
            .map(|t| Section {
                heading: Some(s(t)),
                before: Vec::new(),
                after: Vec::new(),
            })
            .collect();
        sections[0].before = vec![
            format!("{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。"),
            s("（一）主动公开。及时公开机构职能、政策文件等信息。"),
            s("（二）依申请公开。严格按照法定程序和时限办理政府信息公开申请。"),
            s("（三）政府信息管理。完善信息发布审核机制。"),
            s("（四）政府信息公开平台建设。持续优化政府网站信息公开专栏。"),
            s("（五）监督保障。将政务公开纳入年度工作考核。"),
        ];
        sections[4].before = vec![
            s("（一）存在的主要问题：政策解读形式较为单一。"),
            s("（二）改进措施：下一步将丰富解读形式，提升公开质量。"),
        ];
        sections[5].before = vec![format!("本机关{year}年度未收取政府信息公开信息处理费。")];
        let blocks = t2_blocks(format);
        let mut t2_labels = Vec::new();
        let mut table2 = Vec::new();
        for b in &blocks {
            for r in b.rows {
                t2_labels.push(s(r));
                table2.push(vec![s("0"); b.headers.len()]);
            }
        }
        let rows = t3_rows(format);
        let mut t4_leaves = Vec::new();
        for _ in 0..3 {
            t4_leaves.extend(T4_LEAVES.iter().map(|l| s(l)));
        }
        ReportSpec {
            agency: s(agency),
            year,
            format,
            title: true,
            preface: vec![format!(
                "本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为{year}年1月1日至{year}年12月31日。"
            )],
            sections,
            numbered_headings: false,
            t2_captions: blocks.iter().map(|b| s(b.caption)).collect(),
            t2_headers: blocks
                .iter()
                .map(|b| std::iter::once(s("信息内容")).chain(b.headers.iter().map(|h| s(h))).collect())
                .collect(),
            t2_labels,
            table2,
            t3_corner: s(T3_CORNER),
            t3_top: s(T3_TOP),
            t3_group: s(T3_GROUP),
            t3_cols: T3_COL_LABELS.iter().map(|c| s(c)).collect(),
            t3_labels: rows.iter().map(|(_, p)| p.iter().map(|x| s(x)).collect()).collect(),
            table3: vec![vec![s("0"); 7]; rows.len()],
            t4_groups: vec![s("行政复议"), s("行政诉讼"), s("未经复议直接起诉"), s("复议后起诉")],
            t4_leaves,
            t4_header: T4Header::Official,
            table4: vec![s("0"); 15],
            signature: Some(s(agency)),
            date_line: Some(format!("{}年1月20日", year + 1)),
            split_t3_after: None,
            split_without_header: false,
            numbered_via_style: false,
            t4_note_row: None,
            t3_format: None,
            extra_empty_rows: false,
            cover_table: false,
            contact_table: false,
            header_breaks: false,
            dunhao: false,
            pad: None,
            omit_tables: Vec::new(),
            t3_result_restart: None,
        }
    }

    /// Index of a table 三 row key (report_formats.json keys).
    /// The same report as the previous year would word it: sections 一 and 五 written
    /// differently (still naming every aspect the content rules look for), so that a pair of
    /// zero-filled reports does not look copied (S.DUP).
    pub fn reworded(mut self) -> Self {
        let year = self.year;
        self.sections[0].before = vec![
            format!("{year}年，本单位以制度建设为抓手，健全公开工作机制，明确专人负责，确保各项要求落到实处。"),
            s("（一）主动公开。围绕疫情防控、医疗服务、健康教育等重点领域，通过门户网站和微信公众号发布工作动态。"),
            s("（二）依申请公开。畅通受理渠道，规范登记、审核、答复流程，依法保障申请人的知情权。"),
            s("（三）政府信息管理。开展文件清理，对照权责清单更新公开目录，动态调整公开事项。"),
            s("（四）政府信息公开平台建设。加强政务新媒体管理，栏目设置更加合理，检索更加便捷。"),
            s("（五）监督保障。把公开工作列入绩效评价，接受群众监督，没有发生责任追究情形。"),
        ];
        self.sections[4].before = vec![
            s("（一）主要问题：部分工作人员业务能力有待提高，信息更新不够及时。"),
            s("（二）改进情况：组织专题培训，建立定期检查制度，确保信息按时更新。"),
        ];
        self
    }

    pub fn t3_row(&self, key: &str) -> usize {
        t3_rows(self.t3_format.unwrap_or(self.format))
            .iter()
            .position(|(k, _)| *k == key)
            .unwrap_or_else(|| {
                panic!(
                    "unknown table 三 row key {key} for format {}",
                    self.format.as_str()
                )
            })
    }

    pub fn set_t3(&mut self, key: &str, col: usize, text: &str) -> &mut Self {
        let r = self.t3_row(key);
        self.table3[r][col] = s(text);
        self
    }

    /// Sets a whole table 三 row from six addends; the 总计 cell is their sum.
    pub fn set_t3_row(&mut self, key: &str, addends: [i64; 6]) -> &mut Self {
        let r = self.t3_row(key);
        for (c, v) in addends.iter().enumerate() {
            self.table3[r][c] = v.to_string();
        }
        self.table3[r][6] = addends.iter().sum::<i64>().to_string();
        self
    }

    pub fn get_t3(&self, key: &str, col: usize) -> &str {
        &self.table3[self.t3_row(key)][col]
    }

    pub fn set_t4(&mut self, key: &str, text: &str) -> &mut Self {
        self.table4[t4_index(key)] = s(text);
        self
    }

    /// Index of a table 二 row by its official label.
    pub fn t2_row(&self, label: &str) -> usize {
        t2_blocks(self.format)
            .iter()
            .flat_map(|b| b.rows.iter())
            .position(|r| *r == label)
            .unwrap_or_else(|| panic!("unknown table 二 row {label}"))
    }

    pub fn set_t2(&mut self, row: &str, col: usize, text: &str) -> &mut Self {
        let r = self.t2_row(row);
        self.table2[r][col] = s(text);
        self
    }

    /// Renames a section heading (`None` omits it). `index` 0 = 一.
    pub fn set_heading(&mut self, index: usize, heading: Option<&str>) -> &mut Self {
        self.sections[index].heading = heading.map(s);
        self
    }

    // -----------------------------------------------------------------------------------------
    // Rendering
    // -----------------------------------------------------------------------------------------

    pub fn render(&self) -> Rendered {
        let mut r = Renderer::default();
        self.render_into(&mut r);
        Rendered {
            body: r.body,
            pos: r.pos,
        }
    }

    fn render_into(&self, r: &mut Renderer) {
        if self.cover_table {
            r.table_raw(
                &[
                    vec![s("索引号"), s("000000000/2022-00001")],
                    vec![s("发布机构"), self.agency.clone()],
                    vec![s("发布日期"), format!("{}-01-20", self.year + 1)],
                    vec![s("文号"), s("无")],
                ],
                &[2000, 6000],
            );
        }
        if self.title {
            r.para(
                &format!("{}{}年政府信息公开工作年度报告", self.agency, self.year),
                false,
            );
        }
        for p in &self.preface {
            r.para(p, false);
        }
        for (i, sec) in self.sections.iter().enumerate() {
            if let Some(h) = &sec.heading {
                if self.numbered_headings && self.numbered_via_style {
                    r.body
                        .push_str(&styled_para_xml(strip_ordinal(h), "HeadingNum"));
                } else if self.numbered_headings {
                    r.para(strip_ordinal(h), true);
                } else {
                    r.para(h, false);
                }
            }
            for p in &sec.before {
                r.para(p, false);
            }
            let kind = (i + 1) as u8;
            if (2..=4).contains(&kind) && !self.omit_tables.contains(&kind) {
                match kind {
                    2 => self.render_t2(r),
                    3 => self.render_t3(r),
                    _ => self.render_t4(r),
                }
            }
            for p in &sec.after {
                r.para(p, false);
            }
        }
        if let Some(sig) = &self.signature {
            r.para(sig, false);
        }
        if let Some(d) = &self.date_line {
            r.para(d, false);
        }
        if self.contact_table {
            r.para("联系方式", false);
            r.table_raw(
                &[
                    vec![s("联系人"), s("张三")],
                    vec![s("联系电话"), s("0310-1234567")],
                    vec![s("地址"), s("某某县人民路12号")],
                ],
                &[2000, 6000],
            );
        }
    }

    fn num(&self, text: &str) -> String {
        match &self.pad {
            Some(p) => format!("{p}{text}"),
            None => text.to_string(),
        }
    }

    fn render_t2(&self, r: &mut Renderer) {
        let blocks = t2_blocks(self.format);
        let t = r.begin_table(&[2608, 2098, 2098, 2041]);
        let mut row = 0usize;
        let mut data = 0usize;
        let mut xml = String::new();
        for (bi, b) in blocks.iter().enumerate() {
            xml.push_str(&tr(&[tc(&self.t2_captions[bi], 4, None)]));
            row += 1;
            let hs = &self.t2_headers[bi];
            let hdr: Vec<String> = match b.layout {
                T2Layout::Three => hs.iter().map(|h| tc(h, 1, None)).collect(),
                T2Layout::One => vec![tc(&hs[0], 1, None), tc(&hs[1], 3, None)],
                T2Layout::TwoSpan => vec![
                    tc(&hs[0], 1, None),
                    tc(&hs[1], 1, None),
                    tc(&hs[2], 2, None),
                ],
            };
            xml.push_str(&tr(&hdr));
            row += 1;
            for _ in b.rows.iter() {
                let vals = &self.table2[data];
                let mut cells = vec![tc(&self.t2_labels[data], 1, None)];
                let mut p = Vec::new();
                match b.layout {
                    T2Layout::Three => {
                        for (c, v) in vals.iter().enumerate() {
                            cells.push(tc(&self.num(v), 1, None));
                            p.push((t, row, 1 + c));
                        }
                    }
                    T2Layout::One => {
                        cells.push(tc(&self.num(&vals[0]), 3, None));
                        p.push((t, row, 1));
                    }
                    T2Layout::TwoSpan => {
                        cells.push(tc(&self.num(&vals[0]), 1, None));
                        cells.push(tc(&self.num(&vals[1]), 2, None));
                        p.push((t, row, 1));
                        p.push((t, row, 2));
                    }
                }
                r.pos.insert((2, data), p);
                xml.push_str(&tr(&cells));
                row += 1;
                data += 1;
            }
        }
        if self.extra_empty_rows {
            xml.push_str(&empty_row(4));
        }
        r.end_table(&xml);
    }

    fn t3_header_rows(&self) -> String {
        let cols: Vec<String> = self
            .t3_cols
            .iter()
            .map(|c| {
                if self.header_breaks {
                    break_label(c)
                } else {
                    c.clone()
                }
            })
            .collect();
        let mut xml = String::new();
        xml.push_str(&tr(&[
            tc(&self.t3_corner, 3, Some(true)),
            tc(&self.t3_top, 7, None),
        ]));
        xml.push_str(&tr(&[
            tc("", 3, Some(false)),
            tc(&cols[0], 1, Some(true)),
            tc(&self.t3_group, 5, None),
            tc(&cols[6], 1, Some(true)),
        ]));
        let mut r3 = vec![tc("", 3, Some(false)), tc("", 1, Some(false))];
        for c in &cols[1..6] {
            r3.push(tc(c, 1, None));
        }
        r3.push(tc("", 1, Some(false)));
        xml.push_str(&tr(&r3));
        xml
    }

    fn render_t3(&self, r: &mut Renderer) {
        let official = t3_rows(self.t3_format.unwrap_or(self.format));
        let n = official.len();
        assert_eq!(
            self.table3.len(),
            n,
            "table 三 must have {n} rows for this format"
        );
        let split = self.split_t3_after.filter(|k| *k > 0 && *k < n);
        let parts: Vec<(usize, usize)> = match split {
            Some(k) => vec![(0, k), (k, n)],
            None => vec![(0, n)],
        };
        let grid = [624, 964, 2608, 663, 663, 663, 663, 663, 663, 663];
        for (pi, (from, to)) in parts.iter().enumerate() {
            if pi > 0 {
                r.para("", false);
            }
            let t = r.begin_table(&grid);
            let (mut xml, mut row) = if pi > 0 && self.split_without_header {
                (String::new(), 0usize)
            } else {
                (self.t3_header_rows(), 3usize)
            };
            if self.extra_empty_rows {
                xml.push_str(&empty_row(10));
                row += 1;
            }
            for i in *from..*to {
                let path = &official[i].1;
                let labels = &self.t3_labels[i];
                let first_in_table = i == *from;
                let mut cells = Vec::new();
                match path.len() {
                    1 => cells.push(tc(&labels[0], 3, None)),
                    2 => {
                        let restart = first_in_table
                            || official[i - 1].1.len() == 1
                            || self.t3_result_restart == Some(i);
                        cells.push(tc(if restart { &labels[0] } else { "" }, 1, Some(restart)));
                        cells.push(tc(&labels[1], 2, None));
                    }
                    _ => {
                        let restart0 = first_in_table
                            || official[i - 1].1.len() == 1
                            || self.t3_result_restart == Some(i);
                        cells.push(tc(
                            if restart0 { &labels[0] } else { "" },
                            1,
                            Some(restart0),
                        ));
                        let restart1 = first_in_table
                            || official[i - 1].1.len() < 3
                            || official[i - 1].1[1] != path[1];
                        cells.push(tc(
                            if restart1 { &labels[1] } else { "" },
                            1,
                            Some(restart1),
                        ));
                        let l3 = if self.dunhao {
                            dunhao(&labels[2])
                        } else {
                            labels[2].clone()
                        };
                        cells.push(tc(&l3, 1, None));
                    }
                }
                let mut p = Vec::new();
                for c in 0..7 {
                    cells.push(tc(&self.num(&self.table3[i][c]), 1, None));
                    p.push((t, row, 3 + c));
                }
                r.pos.insert((3, i), p);
                xml.push_str(&tr(&cells));
                row += 1;
            }
            if self.extra_empty_rows {
                xml.push_str(&empty_row(10));
            }
            r.end_table(&xml);
        }
    }

    fn render_t4(&self, r: &mut Renderer) {
        let t = r.begin_table(&[590; 15]);
        let leaves: Vec<String> = self
            .t4_leaves
            .iter()
            .map(|c| {
                if self.header_breaks {
                    break_label(c)
                } else {
                    c.clone()
                }
            })
            .collect();
        let g = &self.t4_groups;
        let mut xml = String::new();
        match self.t4_header {
            T4Header::Official => {
                xml.push_str(&tr(&[tc(&g[0], 5, None), tc(&g[1], 10, None)]));
                let mut r2: Vec<String> =
                    leaves[0..5].iter().map(|l| tc(l, 1, Some(true))).collect();
                r2.push(tc(&g[2], 5, None));
                r2.push(tc(&g[3], 5, None));
                xml.push_str(&tr(&r2));
                let mut r3: Vec<String> = (0..5).map(|_| tc("", 1, Some(false))).collect();
                r3.extend(leaves[5..15].iter().map(|l| tc(l, 1, None)));
                xml.push_str(&tr(&r3));
            }
            T4Header::LeavesInOneRow => {
                xml.push_str(&tr(&[tc(&g[0], 5, Some(true)), tc(&g[1], 10, None)]));
                xml.push_str(&tr(&[
                    tc("", 5, Some(false)),
                    tc(&g[2], 5, None),
                    tc(&g[3], 5, None),
                ]));
                xml.push_str(&tr(&leaves
                    .iter()
                    .map(|l| tc(l, 1, None))
                    .collect::<Vec<_>>()));
            }
        }
        let mut p = Vec::new();
        let mut cells = Vec::new();
        for c in 0..15 {
            cells.push(tc(&self.num(&self.table4[c]), 1, None));
            p.push((t, 3, c));
        }
        r.pos.insert((4, 0), p);
        xml.push_str(&tr(&cells));
        if let Some(note) = &self.t4_note_row {
            xml.push_str(&tr(&[tc(note, 15, None)]));
        }
        if self.extra_empty_rows {
            xml.push_str(&empty_row(15));
        }
        r.end_table(&xml);
    }

    /// The package.
    pub fn to_docx(&self) -> Docx {
        docx_from_body(&self.render().body)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_docx().build()
    }

    /// Position of table 三 cell (row key, column 0..7) in the generated document.
    pub fn t3_pos(&self, key: &str, col: usize) -> Pos {
        self.render().pos[&(3, self.t3_row(key))][col]
    }

    pub fn t4_pos(&self, key: &str) -> Pos {
        self.render().pos[&(4, 0)][t4_index(key)]
    }

    pub fn t2_pos(&self, row: &str, col: usize) -> Pos {
        self.render().pos[&(2, self.t2_row(row))][col]
    }

    // -----------------------------------------------------------------------------------------
    // Seeds
    // -----------------------------------------------------------------------------------------

    /// Parses a seed text extraction into a spec: every text as written (whitespace included),
    /// paragraphs kept in their sections, no generated title, signature or date (they are
    /// paragraphs of section 六 as in the text).
    pub fn from_seed_txt(path: &str) -> Self {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        let seed = SeedText::parse(&text);
        Self::from_seed(&seed, first_year(&text).unwrap_or(0), path)
    }

    /// Builds a spec from parsed blocks (paragraphs and tables as rows of cell texts), as
    /// [`ReportSpec::from_seed_txt`] does for a seed text; `path` only names it in messages.
    /// The format is read from table 二 (five captions = 2019); a table 三 with the other
    /// format's row count (23 or 25 data rows) is kept as written (`t3_format`).
    pub fn from_seed(seed: &SeedText, year: i32, path: &str) -> Self {
        let t2 = seed.table(2).expect("seed has table 二");
        let t3 = seed.table(3).expect("seed has table 三");
        let t4 = seed.table(4).expect("seed has table 四");

        // Table 二.
        let mut t2_captions = Vec::new();
        let mut t2_headers = Vec::new();
        let mut t2_labels = Vec::new();
        let mut table2 = Vec::new();
        for row in t2 {
            if row.len() == 1 && row[0].contains("第二十条") {
                t2_captions.push(row[0].clone());
            } else if row[0].trim() == "信息内容" {
                t2_headers.push(row.clone());
            } else if row.len() >= 2 {
                t2_labels.push(row[0].clone());
                table2.push(row[1..].to_vec());
            }
        }
        let format = if t2_captions.len() == 5 {
            Format::Format2019
        } else {
            Format::Format2021
        };
        let t3_data_rows = t3.iter().skip(3).filter(|r| r.len() >= 8).count();
        let t3_format = match t3_data_rows {
            23 => Format::Format2019,
            25 => Format::Format2021,
            _ => format,
        };

        // Table 三: three header rows, then data rows whose last 7 cells are the numbers.
        assert!(
            t3.len() >= 3 + t3_format.t3_rows(),
            "table 三 rows in {path}"
        );
        let corner = t3[0][0].clone();
        let top = t3[0][1].clone();
        let mut cols = vec![t3[1][1].clone()];
        cols.extend(t3[2][2..7].iter().cloned());
        cols.push(t3[1][3].clone());
        let group = t3[1][2].clone();
        let mut labels: Vec<Vec<String>> = Vec::new();
        let mut table3 = Vec::new();
        let official = t3_rows(t3_format);
        let mut carry: Vec<String> = Vec::new();
        for (i, row) in t3[3..].iter().filter(|r| r.len() >= 8).enumerate() {
            let n = row.len();
            table3.push(row[n - 7..].to_vec());
            let lab = &row[..n - 7];
            let depth = official[i].1.len();
            let mut path = Vec::new();
            for d in 0..depth {
                let written = lab.get(d).cloned().unwrap_or_default();
                if written.is_empty() && d < depth - 1 {
                    path.push(carry.get(d).cloned().unwrap_or_default());
                } else {
                    path.push(written);
                }
            }
            carry = path.clone();
            labels.push(path);
        }
        assert_eq!(
            table3.len(),
            t3_format.t3_rows(),
            "table 三 data rows in {path}"
        );

        // Table 四: the last row holds the 15 numbers.
        let values = t4.last().expect("table 四 data row").clone();
        assert_eq!(values.len(), 15, "table 四 numbers in {path}");
        let (t4_header, groups, leaves) = if t4[1].len() == 3 {
            let g = vec![
                t4[0][0].clone(),
                t4[0][1].clone(),
                t4[1][1].clone(),
                t4[1][2].clone(),
            ];
            (T4Header::LeavesInOneRow, g, t4[2].clone())
        } else {
            let g = vec![
                t4[0][0].clone(),
                t4[0][1].clone(),
                t4[1][5].clone(),
                t4[1][6].clone(),
            ];
            let mut l = t4[1][0..5].to_vec();
            l.extend(t4[2][5..15].iter().cloned());
            (T4Header::Official, g, l)
        };

        // Paragraphs into sections.
        let mut preface = Vec::new();
        let mut sections: Vec<Section> = (0..6)
            .map(|_| Section {
                heading: None,
                before: Vec::new(),
                after: Vec::new(),
            })
            .collect();
        let mut current: Option<usize> = None;
        let mut table_seen = [false; 6];
        for b in &seed.blocks {
            match b {
                SeedBlock::Para(p) => {
                    let next = current.map_or(0, |c| c + 1);
                    if let Some(h) = heading_index(p).filter(|h| *h >= next) {
                        current = Some(h);
                        sections[h].heading = Some(p.clone());
                        continue;
                    }
                    match current {
                        None => preface.push(p.clone()),
                        Some(c) if table_seen[c] => sections[c].after.push(p.clone()),
                        Some(c) => sections[c].before.push(p.clone()),
                    }
                }
                SeedBlock::Table(_) => {
                    if let Some(c) = current {
                        table_seen[c] = true;
                    }
                }
            }
        }
        let mut spec = ReportSpec::zeros(format, year, "");
        spec.t3_format = (t3_format != format).then_some(t3_format);
        spec.agency = String::new();
        spec.title = false;
        spec.preface = preface;
        spec.sections = sections;
        spec.t2_captions = t2_captions;
        spec.t2_headers = t2_headers;
        spec.t2_labels = t2_labels;
        spec.table2 = table2;
        spec.t3_corner = corner;
        spec.t3_top = top;
        spec.t3_group = group;
        spec.t3_cols = cols;
        spec.t3_labels = labels;
        spec.table3 = table3;
        spec.t4_groups = groups;
        spec.t4_leaves = leaves;
        spec.t4_header = t4_header;
        spec.table4 = values;
        spec.signature = None;
        spec.date_line = None;
        spec
    }
}

/// A rendered body with the positions of the number cells: key (table kind, data row index;
/// table 四 uses row 0) → positions per number column.
pub struct Rendered {
    pub body: String,
    pub pos: HashMap<(u8, usize), Vec<Pos>>,
}

/// Several reports pasted one after the other in one document (with a page break between).
pub fn multi_docx(specs: &[ReportSpec]) -> Docx {
    let mut r = Renderer::default();
    for (i, spec) in specs.iter().enumerate() {
        if i > 0 {
            r.body
                .push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
        }
        spec.render_into(&mut r);
    }
    docx_from_body(&r.body)
}

/// A package with styles and numbering parts (headings numbered "一、" through numId 1).
pub fn docx_from_body(body: &str) -> Docx {
    let mut d = Docx::with_body(body);
    d.add("word/styles.xml", STYLES);
    d.add("word/numbering.xml", NUMBERING);
    d.add("word/_rels/document.xml.rels", DOC_RELS_FULL);
    d.add(
        "[Content_Types].xml",
        CONTENT_TYPES.replace(
            "</Types>",
            r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#,
        ),
    );
    d
}

const DOC_RELS_FULL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="HeadingNum"><w:name w:val="Heading Numbered"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>"#;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

#[derive(Default)]
struct Renderer {
    body: String,
    tables: usize,
    pos: HashMap<(u8, usize), Vec<Pos>>,
    pending_grid: Vec<u32>,
}

impl Renderer {
    fn para(&mut self, text: &str, numbered: bool) {
        self.body.push_str(&para_xml(text, numbered));
    }

    /// Starts a table: returns its physical index.
    fn begin_table(&mut self, grid: &[u32]) -> usize {
        self.pending_grid = grid.to_vec();
        let t = self.tables;
        self.tables += 1;
        t
    }

    fn end_table(&mut self, rows_xml: &str) {
        let grid: String = self
            .pending_grid
            .iter()
            .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
            .collect();
        self.body.push_str(&format!(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows_xml}</w:tbl>"#
        ));
    }

    /// A plain table without merges (cover, contact).
    fn table_raw(&mut self, rows: &[Vec<String>], grid: &[u32]) {
        self.begin_table(grid);
        let xml: String = rows
            .iter()
            .map(|r| tr(&r.iter().map(|c| tc(c, 1, None)).collect::<Vec<_>>()))
            .collect();
        self.end_table(&xml);
    }
}

/// A body paragraph; `[bookmark: NAME]` at the start becomes a real bookmark (as the seed
/// text extraction writes it).
pub fn para_xml(text: &str, numbered: bool) -> String {
    let mut ppr = String::new();
    if numbered {
        ppr.push_str(
            r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>"#,
        );
    }
    let mut rest = text;
    let mut bm = String::new();
    if let Some(after) = text.strip_prefix("[bookmark: ") {
        if let Some(end) = after.find(']') {
            bm = format!(
                r#"<w:bookmarkStart w:id="0" w:name="{}"/><w:bookmarkEnd w:id="0"/>"#,
                esc(&after[..end])
            );
            rest = &after[end + 1..];
        }
    }
    if rest.is_empty() {
        return format!("<w:p>{ppr}{bm}</w:p>");
    }
    format!(
        r#"<w:p>{ppr}{bm}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(rest)
    )
}

/// A paragraph with a paragraph style.
pub fn styled_para_xml(text: &str, style: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(style),
        esc(text)
    )
}

/// A table cell: `\n` in the text separates paragraphs; `vmerge` Some(true) = restart,
/// Some(false) = continue.
pub fn tc(text: &str, span: usize, vmerge: Option<bool>) -> String {
    let mut pr = String::from("<w:tcPr>");
    pr.push_str(&format!(r#"<w:tcW w:type="dxa" w:w="{}"/>"#, 663 * span));
    if span > 1 {
        pr.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
    }
    match vmerge {
        Some(true) => pr.push_str(r#"<w:vMerge w:val="restart"/>"#),
        Some(false) => pr.push_str("<w:vMerge/>"),
        None => {}
    }
    pr.push_str(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
    let paras: String = text
        .split('\n')
        .map(|p| {
            if p.is_empty() {
                "<w:p/>".to_string()
            } else {
                // U+001F separates runs of one paragraph (a number split over runs).
                let runs: String = p
                    .split('\u{1F}')
                    .map(|r| format!(r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#, esc(r)))
                    .collect();
                format!(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{runs}</w:p>"#)
            }
        })
        .collect();
    format!("<w:tc>{pr}{paras}</w:tc>")
}

pub fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

fn empty_row(cols: usize) -> String {
    tr(&(0..cols).map(|_| tc("", 1, None)).collect::<Vec<_>>())
}

/// "商业企业" → "商业\n企业" (a label broken over two paragraphs).
fn break_label(label: &str) -> String {
    if label.contains('\n') {
        return label.to_string();
    }
    let chars: Vec<char> = label.chars().collect();
    if chars.len() < 4 {
        return label.to_string();
    }
    let mid = chars.len() / 2;
    format!(
        "{}\n{}",
        chars[..mid].iter().collect::<String>(),
        chars[mid..].iter().collect::<String>()
    )
}

/// "1.属于国家秘密" → "1、属于国家秘密".
fn dunhao(label: &str) -> String {
    let mut out = String::new();
    let mut done = false;
    for ch in label.chars() {
        if !done && ch == '.' {
            out.push('、');
            done = true;
        } else {
            out.push(ch);
        }
    }
    out
}

/// "三、收到和处理…" → "收到和处理…".
fn strip_ordinal(h: &str) -> &str {
    let t = h.trim_start();
    match t.char_indices().find(|(_, c)| *c == '、') {
        Some((i, _)) if i <= 6 => &t[i + '、'.len_utf8()..],
        _ => t,
    }
}

fn first_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len().saturating_sub(4) {
        if chars[i] == '2'
            && chars[i + 1] == '0'
            && chars[i + 2].is_ascii_digit()
            && chars[i + 3].is_ascii_digit()
            && chars[i + 4] == '年'
        {
            return chars[i..i + 4].iter().collect::<String>().parse().ok();
        }
    }
    None
}

/// Which of the six sections a line is the heading of, tolerant of the numbering and of the
/// wording variants the seeds use.
pub fn heading_index(line: &str) -> Option<usize> {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}');
    let rest = {
        let mut chars = t.char_indices();
        match chars.next() {
            Some((_, c)) if "一二三四五六123456１２３４５６".contains(c) => {
                let r = &t[c.len_utf8()..];
                let r2 = r.trim_start_matches(['、', '.', '．']);
                if r2.len() < r.len() {
                    r2.trim_start()
                } else {
                    t
                }
            }
            _ => t,
        }
    };
    const KEYS: [&[&str]; 6] = [
        &["总体情况"],
        &["主动公开政府信息情况"],
        &["收到和处理政府信息公开申请情况"],
        &["政府信息公开行政复议、行政诉讼情况"],
        &["存在的主要问题及改进情况", "存在的问题及改进情况"],
        &["其他需要报告的事项"],
    ];
    KEYS.iter().position(|ks| ks.contains(&rest))
}

// ---------------------------------------------------------------------------------------------
// Seed text extraction parser
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub enum SeedBlock {
    Para(String),
    /// Rows of cells (one line per `w:tc`; merged-away cells are empty strings).
    Table(Vec<Vec<String>>),
}

#[derive(Debug, Clone)]
pub struct SeedText {
    pub blocks: Vec<SeedBlock>,
}

impl SeedText {
    pub fn parse(text: &str) -> Self {
        let lines: Vec<&str> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        let mut blocks = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            if line.starts_with('\t') {
                let mut rows: Vec<Vec<String>> = Vec::new();
                let mut cur: Vec<String> = Vec::new();
                let mut last_was_cell = false;
                while i < lines.len() {
                    let l = lines[i];
                    if let Some(cell) = l.strip_prefix('\t') {
                        cur.push(cell.to_string());
                        last_was_cell = true;
                    } else if l.is_empty() {
                        if !cur.is_empty() {
                            rows.push(std::mem::take(&mut cur));
                        }
                        last_was_cell = false;
                    } else if last_was_cell {
                        let c = cur.last_mut().expect("cell");
                        c.push('\n');
                        c.push_str(l);
                    } else {
                        break;
                    }
                    i += 1;
                }
                if !cur.is_empty() {
                    rows.push(cur);
                }
                blocks.push(SeedBlock::Table(rows));
            } else {
                if !line.trim().is_empty() {
                    blocks.push(SeedBlock::Para(line.to_string()));
                }
                i += 1;
            }
        }
        SeedText { blocks }
    }

    /// The table of kind 2, 3 or 4, recognised by its labels.
    pub fn table(&self, kind: u8) -> Option<&Vec<Vec<String>>> {
        self.blocks.iter().find_map(|b| match b {
            SeedBlock::Table(rows) => {
                let all: String = rows.iter().flatten().map(|c| c.replace('\n', "")).collect();
                let k = if all.contains("第二十条") {
                    2
                } else if all.contains("申请人情况") {
                    3
                } else if all.contains("行政复议") && all.contains("行政诉讼") {
                    4
                } else {
                    0
                };
                (k == kind).then_some(rows)
            }
            _ => None,
        })
    }
}

/// The value a number cell's text should read as, for seeds and plain cells: whitespace
/// (including NBSP and U+3000) ignored; empty → None; an integer or a decimal otherwise.
pub fn plain_number(raw: &str) -> Option<f64> {
    let t: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
        .collect();
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok()
}

/// A paragraph of exactly `n` Chinese characters (with a comma after every fifteen and a full
/// stop at the end, which do not count), in plain words that name none of the aspects the
/// content rules look for.
pub fn hanzi_filler(n: usize) -> String {
    const WORDS: &[char] = &[
        '我', '们', '坚', '持', '实', '事', '求', '是', '认', '真', '总', '结', '经', '验', '稳',
        '步', '推', '进', '各', '项', '任', '务', '落', '地', '见', '效',
    ];
    let mut s = String::new();
    for i in 0..n {
        s.push(WORDS[i % WORDS.len()]);
        if i % 15 == 14 && i + 1 < n {
            s.push('，');
        }
    }
    s.push('。');
    s
}

impl ReportSpec {
    /// A consistent report of 某某县卫生健康局 with non-zero values in several rows and columns,
    /// carried over and carried forward, all three table 四 groups non-zero (no fee).
    pub fn nonzero(format: Format, year: i32) -> Self {
        let mut s = ReportSpec::zeros(format, year, "某某县卫生健康局");
        //                                   自然人 商业 科研 公益 法律 其他
        s.set_t3_row("new_received", [10, 3, 0, 1, 0, 2]); // 16
        s.set_t3_row("carried_over", [2, 1, 0, 0, 0, 0]); // 3
        s.set_t3_row("granted", [5, 2, 0, 1, 0, 0]); // 8
        s.set_t3_row("partially_granted", [1, 1, 0, 0, 0, 0]); // 2
        s.set_t3_row("withheld_4", [1, 0, 0, 0, 0, 0]); // 1
        s.set_t3_row("unable_1", [2, 1, 0, 0, 0, 1]); // 4
        s.set_t3_row("not_processed_2", [1, 0, 0, 0, 0, 0]); // 1
        let other = if format == Format::Format2021 {
            "other_3"
        } else {
            "other"
        };
        s.set_t3_row(other, [1, 0, 0, 0, 0, 0]); // 1
        s.set_t3_row("results_total", [11, 4, 0, 1, 0, 1]); // 17
        s.set_t3_row("carried_forward", [1, 0, 0, 0, 0, 1]); // 2
        for (k, v) in [
            ("review.upheld", "1"),
            ("review.corrected", "1"),
            ("review.other", "0"),
            ("review.pending", "1"),
            ("review.total", "3"),
            ("litigation_direct.upheld", "2"),
            ("litigation_direct.corrected", "0"),
            ("litigation_direct.other", "1"),
            ("litigation_direct.pending", "0"),
            ("litigation_direct.total", "3"),
            ("litigation_after_review.upheld", "0"),
            ("litigation_after_review.corrected", "1"),
            ("litigation_after_review.other", "0"),
            ("litigation_after_review.pending", "1"),
            ("litigation_after_review.total", "2"),
        ] {
            s.set_t4(k, v);
        }
        match format {
            Format::Format2021 => {
                s.set_t2("行政规范性文件", 0, "2")
                    .set_t2("行政规范性文件", 1, "1")
                    .set_t2("行政规范性文件", 2, "5");
                s.set_t2("行政许可", 0, "120")
                    .set_t2("行政处罚", 0, "35")
                    .set_t2("行政强制", 0, "4");
            }
            Format::Format2019 => {
                s.set_t2("规范性文件", 0, "2")
                    .set_t2("规范性文件", 1, "2")
                    .set_t2("规范性文件", 2, "15");
                s.set_t2("行政许可", 0, "30")
                    .set_t2("行政许可", 1, "-3")
                    .set_t2("行政许可", 2, "120");
                s.set_t2("行政处罚", 0, "12")
                    .set_t2("行政处罚", 1, "2")
                    .set_t2("行政处罚", 2, "35");
                s.set_t2("政府集中采购", 0, "3")
                    .set_t2("政府集中采购", 1, "251000.5");
            }
        }
        s
    }
}
