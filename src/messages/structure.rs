//! Findings on the document as a whole: format and year, the six sections, headings, dates, the
//! report kind, several reports in one file, and ambiguous readings.

use crate::report::{Ambiguity, KindBasis, KindReading, ReportKind};

/// An ambiguous reading and the reading that was used.
pub fn ambiguity(a: &Ambiguity) -> String {
    match a {
        Ambiguity::T4InSeveralTables { count } => {
            format!("表四出现在 {count} 个表格中，只读取了第一个")
        }
        Ambiguity::T3WithoutHeader { part } => {
            format!("表三的第 {part} 个表格没有表头，按最后 7 列读取数字")
        }
        Ambiguity::T4SeveralDataRows { rows } => format!("表四有 {rows} 行数据，只读取了第一行"),
        Ambiguity::StrayTables { kinds } => {
            let names: Vec<&str> = kinds
                .iter()
                .map(|k| match k {
                    2 => "表二",
                    3 => "表三",
                    _ => "表四",
                })
                .collect();
            format!(
                "报告的统计表之后又出现了像{}的表格，不足以构成另一份年报，没有读取",
                names.join("、")
            )
        }
        Ambiguity::T2DuplicateCell { row, column, .. } => {
            format!("表二“{row}”行“{column}”列出现了两次，只读取了第一个")
        }
        Ambiguity::T2UnlabelledNumber { row, text, .. } => {
            format!("表二“{row}”行有一个数字找不到对应的列标题：{text}")
        }
    }
}

/// S.AMBIG on an ambiguous reading.
pub fn ambiguity_finding(a: &Ambiguity) -> String {
    format!("{}；请核对表格是否有重复或多余的行列", ambiguity(a))
}

/// S.AMBIG on a row of table 三 found twice.
pub fn t3_duplicate_row(row: &str) -> String {
    format!("表三「{row}」行出现了不止一次，只读取了第一次出现的数字")
}

pub fn mixed_formats(t3: &str, t2: &str) -> String {
    format!("表格格式前后不一致：表三是{t3}，表二却是{t2}；同一份年报应统一使用一种格式")
}

pub fn wrong_format(year: i32, required: &str, used: &str) -> String {
    format!("{year} 年度的年报应使用{required}，本报告使用的是{used}")
}

pub fn before_formats(year: i32) -> String {
    format!("{year} 年度的年报早于统一格式（2019 年起施行），不适用本工具的检查")
}

pub const NO_YEAR: &str = "未能确定报告年度：标题、正文开头和落款日期中都没有找到年份；请在标题中写明“XXXX年政府信息公开工作年度报告”";

pub fn year_mismatch(title: i32, text: i32) -> String {
    format!("标题写的是 {title} 年度，正文开头却写 {text} 年；请核对是否沿用了往年的文字")
}

pub fn date_year(y: i32, m: u32, d: u32, year: i32) -> String {
    format!(
        "落款日期 {y}年{m}月{d}日 与报告年度 {year} 不符：年报应在次年（{} 年）1 月 31 日前发布",
        year + 1
    )
}

/// S.TABLES: `table` is 2, 3 or 4.
pub fn missing_table(table: u8) -> String {
    let name = match table {
        2 => "表二（二、主动公开政府信息情况）",
        3 => "表三（三、收到和处理政府信息公开申请情况）",
        _ => "表四（四、政府信息公开行政复议、行政诉讼情况）",
    };
    format!("未找到{name}；年报必须按统一格式列出该表（若是图片，请改为 Word 表格）")
}

pub fn missing_section(title: &str) -> String {
    format!("未找到“{title}”部分；年报的六个部分缺一不可（条例第五十条）")
}

/// What is wrong with a section heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingProblem {
    Wording,
    WrongNumber,
    ArabicNumber,
    NoNumber,
}

/// S.TITLEVAR: `index` 0 = 一.
pub fn heading(text: &str, problems: &[HeadingProblem], index: usize, official: &str) -> String {
    const CN: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
    let numeral = CN.get(index).copied().unwrap_or("");
    let problems: Vec<String> = problems
        .iter()
        .map(|p| match p {
            HeadingProblem::Wording => "标题文字与统一格式不同".to_string(),
            HeadingProblem::WrongNumber => format!("序号应为“{numeral}、”"),
            HeadingProblem::ArabicNumber => format!("序号应为“{numeral}、”而不是阿拉伯数字"),
            HeadingProblem::NoNumber => format!("缺少序号“{numeral}、”"),
        })
        .collect();
    format!(
        "标题“{text}”{}；统一格式为“{official}”",
        problems.join("，")
    )
}

pub const NO_DATE: &str = "正文末尾没有找到落款日期（如“2022年1月20日”）；年报应注明发布单位和日期";

pub fn several_reports(n: usize, index: usize) -> String {
    format!(
        "文档中有 {n} 份年报（统计表重复出现），这是第 {} 份的检查结果，每份分别检查；建议把每份年报保存为单独的文件",
        index + 1
    )
}

pub fn sec1_missing(aspect: &str, words: &[&str]) -> String {
    let shown: Vec<&str> = words.iter().take(3).copied().collect();
    format!(
        "“一、总体情况”没有写到“{aspect}”方面（未找到“{}”等字样）；国办通知要求总体情况主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面",
        shown.join("”“")
    )
}

pub fn sec1_too_long(chars: usize) -> String {
    format!("“一、总体情况”有 {chars} 个汉字，超过一千字；国办公开办函〔2021〕30号要求总体情况“重在聚焦主题、简明客观，篇幅原则上不超过一千字”")
}

/// Section 五 is empty (`only_none` false) or says only “无”.
pub fn sec5_empty(only_none: bool) -> String {
    let written = if only_none {
        "只写了“无”"
    } else {
        "没有内容"
    };
    format!("“五、存在的主要问题及改进情况”{written}；条例第五十条要求年报报告政府信息公开工作存在的主要问题及改进情况，请写明具体问题和改进措施")
}

pub fn sec5_short(chars: usize) -> String {
    format!("“五、存在的主要问题及改进情况”只有 {chars} 个字，过于简略；国办通知要求“实事求是、明确具体，避免笼统模糊、泛泛而谈”")
}

/// Section 五 lacks the problem half, the improvement half, or both.
pub fn sec5_half(problem: bool, improvement: bool) -> String {
    const ASK: &str = "国办通知要求“查找问题要有针对性，改进举措要有实效性”";
    match (problem, improvement) {
        (false, true) => format!("“五、存在的主要问题及改进情况”只写了改进措施，没有写存在的问题（未找到“问题”“不足”“差距”等字样）；{ASK}"),
        (true, false) => format!("“五、存在的主要问题及改进情况”只写了存在的问题，没有写改进措施（未找到“改进”“措施”“下一步”等字样）；{ASK}"),
        _ => format!("“五、存在的主要问题及改进情况”既没有写明存在的问题，也没有写明改进措施（未找到“问题”“不足”“改进”“措施”“下一步”等字样）；{ASK}"),
    }
}

/// Section 六 says nothing of the fee; `written` is the start of its text (`None`: empty).
pub fn sec6_no_fee(written: Option<&str>) -> String {
    let what = match written {
        None => "没有内容".to_string(),
        Some(t) => format!("写的是“{t}”"),
    };
    format!("“六、其他需要报告的事项”{what}，没有说明信息处理费的收取情况；2021 年版格式要求“收取信息处理费情况在此处报告”，未收取的也应写明（如“本年度未收取信息处理费”）")
}

pub fn govextra(missing: &[&str]) -> String {
    let names: Vec<String> = missing.iter().map(|m| format!("“{m}”")).collect();
    format!(
        "人民政府的年报没有写到{}结果情况；条例第五十条第（四）项要求各级人民政府的年报还应当包括工作考核、社会评议和责任追究结果情况",
        names.join("、")
    )
}

pub fn section_twice(text: &str, first: &str) -> String {
    if text == first {
        format!("标题“{text}”出现了两次；六个部分各应只出现一次")
    } else {
        format!("标题“{text}”出现了两次（第一次是“{first}”）；六个部分各应只出现一次")
    }
}

pub fn section_order(text: &str, after: &str) -> String {
    format!("标题“{text}”出现在“{after}”之后；六个部分应按一至六的顺序排列")
}

/// Table `table` (2, 3, 4) sits in section `within` (or before every heading) instead of `home`.
pub fn table_outside(table: u8, within: Option<&str>, home: &str) -> String {
    let name = match table {
        2 => "表二",
        3 => "表三",
        _ => "表四",
    };
    match within {
        Some(w) => format!("{name}位于“{w}”部分，应在“{home}”部分之内"),
        None => format!("{name}出现在所有部分标题之前，应在“{home}”部分之内"),
    }
}

pub fn period_expected(year: i32) -> String {
    format!("{year}年1月1日至{year}年12月31日")
}

pub fn period(written: &str, year: i32) -> String {
    format!(
        "统计期限写作“{written}”，与报告年度 {year} 年不符；应为{}",
        period_expected(year)
    )
}

pub fn date(y: i32, m: u32, d: u32) -> String {
    format!("{y}年{m}月{d}日")
}

/// Who must publish by when, in the words of the notice.
pub fn kind_rule(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Department => "县级以上人民政府部门和本政府机关的年度报告应在每年1月31日前公布",
        ReportKind::Township => "乡镇人民政府参照部门的要求，应在每年1月31日前公布",
        ReportKind::County => "县级政府汇总的本级政府年度报告应在每年2月20日前公布",
        ReportKind::Prefecture => "地市级政府汇总的本级政府年度报告应在每年3月10日前公布",
        ReportKind::Province => "省级政府汇总的本级政府年度报告应在每年3月31日前公布",
        ReportKind::Government => {
            "县级以上地方人民政府的本级政府年度报告最迟应在每年3月31日前公布（条例第四十九条）"
        }
    }
}

/// Why a report was taken for its kind.
pub fn kind_reason(reading: &KindReading) -> String {
    let level = match reading.kind {
        ReportKind::Prefecture if reading.name().is_some_and(|n| n.contains('市')) => {
            "地市级政府（若为县级市，请设为县级政府）".to_string()
        }
        k => k.label().to_string(),
    };
    match &reading.basis {
        KindBasis::User => "由用户指定".to_string(),
        KindBasis::NoAgency => "未能识别机关名称，默认按部门".to_string(),
        KindBasis::Street { name } => format!("机关名称“{name}”是街道办事处，时限同乡镇"),
        KindBasis::OwnOffice { name } => {
            format!("机关名称“{name}”是政府办公机构，视为本政府机关的年度报告")
        }
        KindBasis::OfficeConsolidated { name, word } => format!(
            "机关名称“{name}”是政府办公机构，正文写有“{word}”和“汇总”，视为{level}汇总的本级政府年度报告"
        ),
        KindBasis::Township { name } => format!("机关名称“{name}”是乡镇"),
        KindBasis::Consolidated { name, word } => format!(
            "机关名称“{name}”是人民政府，正文写有“{word}”，视为{level}汇总的本级政府年度报告"
        ),
        KindBasis::GovernmentOwn { name } => format!(
            "机关名称“{name}”是人民政府，正文未提及全辖区情况，视为本政府机关的年度报告"
        ),
        KindBasis::Region { name } => {
            format!("报告以行政区“{name}”的名义发布，视为{level}汇总的本级政府年度报告")
        }
        KindBasis::Department { name } => format!("机关名称“{name}”不是人民政府"),
    }
}

/// The signing date is later than the deadline `due` of the report's kind.
pub fn deadline(signed: &str, due: &str, reading: &KindReading) -> String {
    format!(
        "落款日期 {signed} 晚于发布时限 {due}：{}（本报告按“{}”判断：{}）。落款日期是成文日期，不一定是网上发布日期，请核对实际发布时间；如报告类型判断有误，可在命令行用 --kind 部门|乡镇|县级政府|地市级政府|省级政府 指定，或在网页上选择报告类型",
        kind_rule(reading.kind),
        reading.kind.label(),
        kind_reason(reading)
    )
}

pub fn date_early(signed: &str, year: i32) -> String {
    format!("落款日期 {signed} 不晚于报告年度 {year} 年的最后一天，年报写成时这一年还没有结束，不能反映全年情况；请核对落款日期和报告年度")
}
