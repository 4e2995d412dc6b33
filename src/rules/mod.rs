//! The rule catalogue. Every rule is a small documented unit: a stable id, a severity, a
//! Chinese title, what it checks and why, an example, and a function that reads the
//! recognised [`Report`] and emits findings. `docs/rules.md` is generated from this catalogue
//! (`nianbao rules`), and a test keeps it in sync.

mod cells;
mod culprits;
mod structure;
mod t2;
mod t3;
mod t4;
mod text;

use cells::*;
use culprits::*;
use structure::*;
use t2::*;
use t3::*;
use t4::*;
use text::*;

pub(crate) use crate::findings::{CellRef, Finding, Location, Quantity, Severity};
pub(crate) use crate::report::formats::{
    self, Format, T2Kind, T3_COLUMNS, T3_ROWS, T3_TOTAL_COL, T4_COLUMNS, T4_GROUPS,
};
pub(crate) use crate::report::normalize::{norm, trim_blank, HeadingNumber};
pub(crate) use crate::report::value::Reading;
pub(crate) use crate::report::{self, NumCell, Report, TextSpan};
use serde::Serialize;

/// The documentation of a rule.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    /// Short Chinese title.
    pub title: &'static str,
    /// What the rule checks (Chinese).
    pub checks: &'static str,
    /// Why: the official source or the reasoning (Chinese).
    pub why: &'static str,
    /// An example of a finding (Chinese).
    pub example: &'static str,
}

/// A rule: its documentation and its check.
pub struct Rule {
    pub info: RuleInfo,
    run: fn(&Report, &mut Sink),
}

/// A linear identity over cells: Σ coef·value = 0 when the rule holds. Kept for each failed
/// arithmetic finding so that a cell breaking several identities can be named the culprit.
#[derive(Debug, Clone)]
struct Equation {
    terms: Vec<(CellRef, i64, i64)>,
}

impl Equation {
    fn residual(&self) -> i64 {
        self.terms.iter().map(|(_, coef, v)| coef * v).sum()
    }
}

/// Collects findings (and, for arithmetic rules, their identities).
#[derive(Default)]
struct Sink {
    findings: Vec<Finding>,
    equations: Vec<(usize, Equation)>,
}

impl Sink {
    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }
    fn push_eq(&mut self, f: Finding, eq: Equation) {
        self.equations.push((self.findings.len(), eq));
        self.findings.push(f);
    }
}

fn finding(info: &RuleInfo, message: String) -> Finding {
    Finding {
        rule: info.id,
        severity: info.severity,
        message,
        table: None,
        row: Vec::new(),
        column: Vec::new(),
        expected: None,
        actual: None,
        cells: Vec::new(),
        culprit: None,
        locations: Vec::new(),
    }
}

/// A text location in the document under check.
fn text_location(span: &TextSpan) -> Location {
    Location::Text {
        doc: 0,
        report: 0,
        paragraph: span.paragraph,
        start: span.start,
        end: span.end,
        sentence: span.sentence.clone(),
    }
}

/// Runs every rule of the catalogue on the report, then names likely culprit cells.
pub fn run_all(report: &Report) -> Vec<Finding> {
    let mut sink = Sink::default();
    for rule in catalogue() {
        (rule.run)(report, &mut sink);
    }
    attach_culprits(report, &mut sink);
    let mut findings = sink.findings;
    // Locations: the cells first (the main cell leads), then the text spans the rule named.
    for f in &mut findings {
        let mut locations: Vec<Location> =
            f.cells.iter().map(|c| Location::cell(0, 0, *c)).collect();
        locations.append(&mut f.locations);
        f.locations = locations;
    }
    // Errors first, then by table, keeping each rule's own order.
    findings.sort_by_key(|f| (f.severity, f.table.unwrap_or(0)));
    findings
}

/// Looks up a rule by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    catalogue().iter().find(|r| r.info.id == id)
}

fn info(id: &str) -> &'static RuleInfo {
    match rule(id) {
        Some(r) => &r.info,
        None => &UNKNOWN,
    }
}

const UNKNOWN: RuleInfo = RuleInfo {
    id: "UNKNOWN",
    severity: Severity::Warning,
    title: "",
    checks: "",
    why: "",
    example: "",
};

// ------------------------------------------------------------------ labels for messages

fn t3_row_name(i: usize) -> String {
    let Some(def) = T3_ROWS.get(i) else {
        return String::new();
    };
    match def.path {
        [one] => one.to_string(),
        [_, leaf] => leaf.to_string(),
        [_, group, leaf] => format!("{group}{leaf}"),
        _ => def.key.to_string(),
    }
}

fn t3_col_name(c: usize) -> &'static str {
    T3_COLUMNS.get(c).copied().unwrap_or("")
}

fn t3_row_path(i: usize) -> Vec<String> {
    T3_ROWS
        .get(i)
        .map(|d| d.path.iter().map(|s| s.to_string()).collect())
        .unwrap_or_default()
}

fn t4_name(k: usize) -> String {
    T4_COLUMNS
        .get(k)
        .map(|(_, p)| p.join("·"))
        .unwrap_or_default()
}

fn t4_path(k: usize) -> Vec<String> {
    T4_COLUMNS
        .get(k)
        .map(|(_, p)| p.iter().map(|s| s.to_string()).collect())
        .unwrap_or_default()
}

/// Rows of table 三 that the report's format has.
fn t3_rows_of(format: Format) -> impl Iterator<Item = (usize, &'static formats::T3Row)> {
    T3_ROWS
        .iter()
        .enumerate()
        .filter(move |(_, r)| match format {
            Format::F2021 => r.in_2021,
            Format::F2019 => r.in_2019,
        })
}

fn t3_cell(report: &Report, row: usize, col: usize) -> Option<&NumCell> {
    report
        .t3
        .as_ref()?
        .rows
        .get(row)?
        .as_ref()?
        .get(col)?
        .as_ref()
}

fn t3_int(report: &Report, row: usize, col: usize) -> Option<(i64, CellRef)> {
    let c = t3_cell(report, row, col)?;
    Some((c.int()?, c.cell))
}

fn idx(key: &str) -> usize {
    formats::t3_row_index(key).unwrap_or(usize::MAX)
}

// ------------------------------------------------------------------ the catalogue

macro_rules! rule {
    ($id:literal, $sev:ident, $title:literal, $checks:literal, $why:literal, $example:literal, $run:expr) => {
        Rule {
            info: RuleInfo {
                id: $id,
                severity: Severity::$sev,
                title: $title,
                checks: $checks,
                why: $why,
                example: $example,
            },
            run: $run,
        }
    };
}

static CATALOGUE: &[Rule] = &[
    rule!("T3.ROW", Error, "表三行合计",
        "表三每一行的“总计”等于自然人与法人或其他组织五类（商业企业、科研机构、社会公益组织、法律服务机构、其他）六栏之和。",
        "“总计”栏是本行各类申请人数量的合计（由定义得出）。",
        "「（一）予以公开」行：总计应为 3（1+2+0+0+0+0），实为 4",
        t3_row_totals),
    rule!("T3.BAL", Error, "表三列勾稽关系",
        "表三每一列：第一项（本年新收）加第二项（上年结转）之和，等于第三项（七）总计加第四项（结转下年度继续办理）之和。",
        "表三左上角印明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。",
        "「自然人」列：第一项加第二项之和（3+0=3）应等于第三项（七）总计加第四项之和（2+0=2）；按此（七）总计应为 3，实为 2",
        t3_column_balance),
    rule!("T3.RES", Error, "表三办理结果合计",
        "表三每一列的“（七）总计”等于（一）至（六）各项办理结果之和（2021 年版（六）含 3 个子项，2019 年版（六）为一行）。",
        "每件申请按最终处理结果只计入一项（“区分处理的，只计这一情形，不计其他情形”），（七）总计即各项之和。",
        "「总计」列：（七）总计应为各项办理结果之和 5（（一）予以公开 3 + （五）不予处理2.重复申请 2），实为 4",
        t3_results_total),
    rule!("T3.ZERO", Error, "表三无申请却有结果",
        "某列本年新收与上年结转均为 0，但办理结果不为 0。",
        "没有申请就不会有办理结果；这是复制其他表格时最常见的错误，单独指出便于定位。",
        "「自然人」列：本年新收和上年结转均为 0，但办理结果中有 2 件",
        t3_zero_intake),
    rule!("T3.ROWS", Error, "表三行列齐全",
        "表三包含所用格式的全部行（2021 年版 25 行，2019 年版 23 行）和 7 个数字列。",
        "统一格式规定了表三的全部行列，缺行缺列的数据无法核对。",
        "表三缺少「三、本年度办理结果·（四）无法提供·3.补正后申请内容仍不明确」行",
        t3_completeness),
    rule!("T3.NOTE", Warning, "表三勾稽说明",
        "表三左上角印有勾稽关系说明。",
        "统一格式的表三都有这句说明；缺少它往往意味着表格是重新制作的，行列可能有变动。",
        "表三左上角缺少勾稽关系说明",
        t3_note),
    rule!("T3.OTHER", Warning, "“其他处理”偏高",
        "“其他处理”（2019 年版）或“（六）3.其他”（2021 年版）超过办理结果总计的 10% 且不少于 5 件。",
        "国办公开办函〔2019〕60号：“对‘其他处理’数量偏高的行政机关，要了解情况，及时发现并解决相关问题”。",
        "「（六）其他处理3.其他」有 6 件，占办理结果总计 20 件的 30%",
        t3_other_share),
    rule!("T4.SUM", Error, "表四合计",
        "表四行政复议、未经复议直接起诉、复议后起诉三组，各自的结果维持+结果纠正+其他结果+尚未审结 = 总计。",
        "“总计”是本组各项结果之和（由定义得出）。",
        "行政复议：总计应为 3（结果维持 1+结果纠正 1+其他结果 0+尚未审结 1），实为 2",
        t4_sums),
    rule!("T4.COLS", Error, "表四栏目齐全",
        "表四 15 个数字栏（3 组 × 5 项）都能找到。",
        "统一格式规定了表四的全部栏目。",
        "表四缺少「行政诉讼·复议后起诉·尚未审结」栏",
        t4_completeness),
    rule!("T2.ROWS", Error, "表二行列齐全",
        "表二包含所用格式的全部行和列；2021 年版写成“规范性文件”、2019 年版写成“行政规范性文件”时给出警告。",
        "统一格式规定了表二的全部行列；2021 年版为“行政规范性文件”，2019 年版为“规范性文件”。",
        "表二行标题写作「规范性文件」，2021 年版格式的标题是「行政规范性文件」",
        t2_completeness),
    rule!("T2.VALIDGE", Warning, "表二现行有效件数",
        "2021 年版表二：本年制发件数大于现行有效件数，而本年废止件数为 0。",
        "国办公开办函〔2021〕30号：“各项数据核定时间点为报告年度的12月31日”，现行有效件数是年末存量，通常不少于当年制发数。",
        "表二「行政规范性文件」：本年制发 5 件，现行有效却只有 3 件，而本年废止为 0",
        t2_made_vs_valid),
    rule!("T2.NEW19", Warning, "表二新公开与总数",
        "2019 年版表二：本年新公开数量不大于对外公开总数量。",
        "对外公开总数量包含本年新公开的文件。",
        "表二「规范性文件」：本年新公开 5 件，多于对外公开总数量 3 件",
        t2_new_vs_total_2019),
    rule!("T2.BLANK", Error, "表二空格",
        "表二每个数字格都已填写；空白或“/”“—”“无”等占位符都不行。",
        "统一格式中每一格都是数据格，没有的应填 0。",
        "表二「行政许可」行「本年处理决定数量」列为空；每一格都应填写数字，没有的填 0",
        |r, s| cell_rules(r, s, 2, CellCheck::Blank)),
    rule!("T3.BLANK", Error, "表三空格",
        "表三每个数字格都已填写；空白或“/”“—”“无”等占位符都不行。",
        "统一格式中每一格都是数据格，没有的应填 0；空格使勾稽关系无法核对。",
        "表三「（一）予以公开」行「自然人」列为空；每一格都应填写数字，没有的填 0",
        |r, s| cell_rules(r, s, 3, CellCheck::Blank)),
    rule!("T4.BLANK", Error, "表四空格",
        "表四 15 个数字格都已填写；空白或占位符都不行。",
        "统一格式中每一格都是数据格，没有的应填 0。",
        "表四「行政复议·结果维持」为空；每一格都应填写数字，没有的填 0",
        |r, s| cell_rules(r, s, 4, CellCheck::Blank)),
    rule!("T2.INT", Error, "表二数值",
        "表二件数为非负整数；2021 年版收费金额（万元）和 2019 年版采购总金额可为小数；2019 年版“本年增/减”可为负数。",
        "件数只能是整数且不能为负。",
        "表二「行政处罚」行「本年处理决定数量」列“十二”不是数字，请填写阿拉伯数字",
        |r, s| cell_rules(r, s, 2, CellCheck::Int)),
    rule!("T3.INT", Error, "表三数值",
        "表三每格为非负整数。",
        "表三统计的是申请件数，只能是非负整数。",
        "表三「（一）予以公开」行「自然人」列为负数 -1；件数不能为负",
        |r, s| cell_rules(r, s, 3, CellCheck::Int)),
    rule!("T4.INT", Error, "表四数值",
        "表四每格为非负整数。",
        "表四统计的是案件数，只能是非负整数。",
        "表四「行政复议·总计」为小数 1.5；件数应为整数",
        |r, s| cell_rules(r, s, 4, CellCheck::Int)),
    rule!("CELL.TEXT", Warning, "数字格中的多余文字",
        "数字格中有全角数字、单位（件、条、元等）或千位分隔符；数字已照常读取并参与检查。",
        "统一格式的数字格只填阿拉伯数字；全角数字和单位会妨碍汇总统计。",
        "表三「（一）予以公开」行「自然人」列写作“１２”，含全角数字，已按 12 读取",
        |r, s| { cell_rules(r, s, 2, CellCheck::Text); cell_rules(r, s, 3, CellCheck::Text); cell_rules(r, s, 4, CellCheck::Text); }),
    rule!("S.FMT", Error, "格式与年度",
        "2021 年及以后的年报使用 2021 年版格式，2019、2020 年度使用 2019 年版格式；同一份年报的表二、表三应属同一格式。",
        "国办公开办函〔2021〕30号自 2021 年度年报起施行；〔2019〕60号适用于 2019、2020 年度。",
        "2021 年度的年报应使用2021 年版格式（国办公开办函〔2021〕30号），本报告使用的是2019 年版格式（国办公开办函〔2019〕60号）",
        s_format),
    rule!("S.YEAR", Warning, "报告年度",
        "能从标题、正文或落款确定报告年度；标题与正文开头的年份一致；落款在次年。找不到年度时为错误。",
        "年度决定适用的格式和发布时限；年份不一致常见于沿用往年文稿。",
        "标题写的是 2023 年度，正文开头却写 2022 年",
        s_year),
    rule!("S.TABLES", Error, "三张统计表",
        "表二、表三、表四都能在文档中找到（作为 Word 表格）。",
        "统一格式要求年报包含这三张表。",
        "未找到表四（四、政府信息公开行政复议、行政诉讼情况）",
        s_tables),
    rule!("S.SECT", Error, "六个部分",
        "年报包含“一、总体情况”至“六、其他需要报告的事项”六个部分（标题可为通知中的等效表述，序号可为自动编号）。",
        "《政府信息公开条例》第五十条规定了年报内容；国办通知要求“不能遗漏”。",
        "未找到“五、存在的主要问题及改进情况”部分",
        s_sections),
    rule!("S.TITLEVAR", Warning, "部分标题写法",
        "六个部分的标题文字和序号与统一格式一致（如“2、”应为“二、”，缺少“一、”）。",
        "统一格式规定了各部分标题；评估机构会检查格式规范。",
        "标题“2、 主动公开政府信息情况”序号应为“二、”而不是阿拉伯数字",
        s_title_variants),
    rule!("S.DATE", Warning, "落款日期",
        "正文末尾有落款日期（如“2022年1月20日”）。",
        "年报应在次年 1 月 31 日前发布，落款日期是判断是否按时的依据之一。",
        "正文末尾没有找到落款日期",
        s_date),
    rule!("S.MULTI", Warning, "多份年报",
        "一个文档中只有一份年报。",
        "多份年报放在一个文件里时无法逐份核对；本工具只检查第一份并明确提示。",
        "文档中似乎有 2 份年报，本次只检查了第 1 份",
        s_multi),
    rule!("S.AMBIG", Warning, "读取有歧义",
        "表格中某行、某栏出现不止一次或数字找不到对应栏目时，说明采用了哪种读法。",
        "有歧义时明确告知，而不是悄悄猜测。",
        "表三「（一）予以公开」行出现了不止一次，只读取了第一次出现的数字",
        s_ambiguous),
    rule!("TX.NEW", Error, "正文收到申请数",
        "正文中本年收到（受理、接收）政府信息公开申请的件数等于表三“一、本年新收政府信息公开申请数量”总计；正文写明“含上年结转”时等于一加二。等于一加二却未写明、或等于（七）总计加四时为警告（正文把结转的申请算作收到）；都不相等为错误；约数（近、约、余、多）或“其中”的部分数为警告。",
        "正文与统计表应当一致（“数据精确、文字严谨”）；同一事实两个数字是公开发布的不一致。",
        "正文“共收到政府信息公开申请36件”与表三“一、本年新收政府信息公开申请数量”总计 35 不一致；36 等于本年新收加上年结转，若是此意请写明“含上年结转1件”",
        tx_new),
    rule!("TX.DONE", Error, "正文办结数",
        "正文中答复、办结的申请件数等于表三“（七）总计”总计；等于本年新收或新收加结转时为警告。",
        "正文与统计表应当一致；办结数是表三第三项的合计。",
        "正文“答复3050件”与表三“（七）总计”总计 3052 不一致",
        tx_done),
    rule!("TX.CARRYIN", Error, "正文上年结转数",
        "正文中上年结转的申请件数等于表三“二、上年结转政府信息公开申请数量”总计。",
        "正文与统计表应当一致。",
        "正文“上年结转2件”与表三“二、上年结转政府信息公开申请数量”总计 1 不一致",
        tx_carry_in),
    rule!("TX.CARRYOUT", Error, "正文结转下年度数",
        "正文中结转下年度（顺延到下年度）的申请件数等于表三“四、结转下年度继续办理”总计；“无结转”即 0（未写明下年度时为警告）。",
        "正文与统计表应当一致。",
        "正文“结转下年度继续办理3件”与表三“四、结转下年度继续办理”总计 2 不一致",
        tx_carry_out),
    rule!("TX.NONE", Error, "正文说未收到申请",
        "正文说没有收到政府信息公开申请（未收到、没有接到、无依申请公开），则表三本年新收申请总计为 0（错误）；上年结转不为 0 而正文未提及时为警告。",
        "正文与统计表应当一致（“数据精确、文字严谨”）。",
        "正文说“未收到政府信息公开申请”，但表三“一、本年新收政府信息公开申请数量”总计为 2",
        tx_none),
    rule!("TX.ALLDONE", Warning, "正文说均已办结",
        "正文说申请均已办结（全部答复、办理完成），则表三“四、结转下年度继续办理”总计为 0；这句话也可能只指部分申请，所以是警告。",
        "正文与统计表应当一致。",
        "正文说“均已按要求办理完成”，但表三“四、结转下年度继续办理”总计为 2",
        tx_all_done),
    rule!("TX.BREAK", Error, "正文办理结果分项",
        "正文中予以公开、部分公开、不予公开、无法提供、不予处理、其他处理的件数等于表三对应行（或该组各项之和）的总计；“予以公开及部分公开”等于（一）加（二）。",
        "正文与统计表应当一致；分组合计是表三各小项之和。",
        "正文“予以公开及部分公开258件”与表三“（一）予以公开”与“（二）部分公开”之和 275 不一致",
        tx_break),
    rule!("TX.REV", Error, "正文行政复议数",
        "正文中因政府信息公开被申请行政复议的件数（及维持、纠正、其他结果、尚未审结的分项）等于表四“行政复议”对应栏。",
        "正文与统计表应当一致。",
        "正文“被申请行政复议3件”与表四“行政复议·总计” 2 不一致",
        tx_review),
    rule!("TX.LIT", Error, "正文行政诉讼数",
        "正文中行政诉讼的件数（及分项）等于表四“未经复议直接起诉”与“复议后起诉”对应栏之和；只等于其中一栏时为警告。",
        "正文与统计表应当一致；行政诉讼分两栏统计。",
        "正文“被提起行政诉讼2件”与表四行政诉讼“总计”（未经复议直接起诉与复议后起诉之和） 3 不一致",
        tx_litigation),
    rule!("TX.UPHELD", Error, "正文说均获维持",
        "正文说均获维持、未被纠错、零败诉，则表四“结果纠正”为 0（错误）；说“均获维持”时“其他结果”“尚未审结”也应为 0（警告）。",
        "正文与统计表应当一致；尚未审结的案件还没有结果。",
        "正文说“均获维持”，但表四“行政复议·尚未审结”为 2；未维持或尚未审结的案件不能说“均获维持”",
        tx_upheld),
    rule!("TX.NOCASE", Error, "正文说无复议诉讼",
        "正文说未发生行政复议、行政诉讼，则表四对应总计为 0。",
        "正文与统计表应当一致。",
        "正文说“未发生因政府信息公开引起的行政复议、行政诉讼”，但表四“行政复议·总计”为 1",
        tx_no_case),
    rule!("TX.ACTIVE", Warning, "正文主动公开数",
        "正文中制发（废止）规章、规范性文件的件数，行政许可、行政处罚、行政强制的件数等于表二对应格；表二统计全部处理决定，正文可能只计公开的部分，所以是警告。",
        "正文与统计表应当一致。",
        "正文“8件行政处罚”与表二“行政处罚”“本年处理决定数量” 9 不一致",
        tx_active),
    rule!("TX.FEE", Warning, "正文信息处理费",
        "正文说收取了信息处理费而表三没有任何申请、正文的缴费通知数少于表三“（六）2.逾期未缴费”、或正文说未发出缴费通知而该行大于 0 时提示。“未收取”而该行大于 0 是一致的（发出了通知但申请人未缴费）。",
        "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；年报格式要求在第六部分报告收费情况。",
        "正文说“未发出依申请公开缴费通知”，但表三“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”总计为 1",
        tx_fee),
];

/// Every rule, in the order they run.
pub fn catalogue() -> &'static [Rule] {
    CATALOGUE
}

/// The rule catalogue as Markdown (the content of docs/rules.md).
pub fn catalogue_markdown() -> String {
    let mut s = String::from("# 检查规则目录 / Rule catalogue\n\n");
    s.push_str("本文件由 `nianbao rules` 根据代码生成，请勿手工修改。\n");
    s.push_str("Generated from the code by `nianbao rules`; do not edit by hand.\n\n");
    s.push_str("| 编号 | 级别 | 名称 |\n|---|---|---|\n");
    for r in catalogue() {
        s.push_str(&format!(
            "| [{}](#{}) | {} | {} |\n",
            r.info.id,
            anchor(r.info.id),
            r.info.severity.label(),
            r.info.title
        ));
    }
    for r in catalogue() {
        let i = &r.info;
        s.push_str(&format!(
            "\n## {}\n\n**{}** · {}\n\n",
            i.id,
            i.title,
            i.severity.label()
        ));
        s.push_str(&format!(
            "- 检查内容：{}\n- 依据：{}\n- 示例：{}\n",
            i.checks, i.why, i.example
        ));
    }
    s
}

fn anchor(id: &str) -> String {
    id.to_lowercase().replace('.', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut ids: Vec<&str> = catalogue().iter().map(|r| r.info.id).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        for r in catalogue() {
            assert!(
                !r.info.title.is_empty()
                    && !r.info.checks.is_empty()
                    && !r.info.why.is_empty()
                    && !r.info.example.is_empty(),
                "{}",
                r.info.id
            );
        }
    }

    #[test]
    fn equation_residual() {
        let c = CellRef {
            table: 0,
            row: 0,
            col: 0,
        };
        let eq = Equation {
            terms: vec![(c, 1, 4), (c, -1, 1), (c, -1, 2)],
        };
        assert_eq!(eq.residual(), 1);
    }
}
