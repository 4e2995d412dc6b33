//! The two official formats: labels exactly as printed in the templates
//! (国办公开办函〔2021〕30号 and 〔2019〕60号), and how real documents' labels are matched to them.

use serde::Serialize;

/// Which official format a report follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    /// 国办公开办函〔2021〕30号, for reports of 2021 and later.
    F2021,
    /// 国办公开办函〔2019〕60号 (试行), for reports of 2019 and 2020.
    F2019,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::F2021 => "2021",
            Format::F2019 => "2019",
        }
    }
    /// Chinese name, e.g. "2021 年版格式（国办公开办函〔2021〕30号）".
    pub fn label(self) -> &'static str {
        match self {
            Format::F2021 => "2021 年版格式（国办公开办函〔2021〕30号）",
            Format::F2019 => "2019 年版格式（国办公开办函〔2019〕60号）",
        }
    }
    /// The format the official notices require for a report year, if any.
    pub fn required_for(year: i32) -> Option<Format> {
        match year {
            y if y >= 2021 => Some(Format::F2021),
            2019 | 2020 => Some(Format::F2019),
            _ => None,
        }
    }
}

/// The six section titles of the template.
pub const SECTIONS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// Equally valid titles (the notices' own wording), normalised, per section.
pub const SECTION_ALTERNATIVES: [&[&str]; 6] = [
    &["总体情况"],
    &["主动公开政府信息情况", "行政机关主动公开政府信息情况"],
    &[
        "收到和处理政府信息公开申请情况",
        "行政机关收到和处理政府信息公开申请情况",
    ],
    &[
        "政府信息公开行政复议行政诉讼情况",
        "因政府信息公开工作被申请行政复议提起行政诉讼情况",
        "因政府信息公开工作被申请行政复议提起行政诉讼的情况",
    ],
    &[
        "存在的主要问题及改进情况",
        "政府信息公开工作存在的主要问题及改进情况",
    ],
    &["其他需要报告的事项"],
];

// ---------------------------------------------------------------- table 三

pub const T3_TOP: &str = "申请人情况";
pub const T3_ORG_GROUP: &str = "法人或其他组织";
pub const T3_CORNER_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// The seven number columns of table 三.
pub const T3_COLUMNS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];
/// Index of the 总计 column.
pub const T3_TOTAL_COL: usize = 6;

/// Official column label path of table 三's column `i`.
pub fn t3_column_path(i: usize) -> crate::findings::LabelPath {
    static PATHS: std::sync::LazyLock<Vec<Vec<crate::findings::Label>>> =
        std::sync::LazyLock::new(|| {
            crate::findings::static_paths((0..T3_COLUMNS.len()).map(t3_column_labels))
        });
    crate::findings::lend_path(&PATHS, i)
}

/// [`t3_column_path`] borrowed: (申请人情况, [法人或其他组织,] the column's label).
pub fn t3_column_labels(i: usize) -> &'static [&'static str] {
    const PATHS: [&[&str]; 7] = [
        &[T3_TOP, T3_COLUMNS[0]],
        &[T3_TOP, T3_ORG_GROUP, T3_COLUMNS[1]],
        &[T3_TOP, T3_ORG_GROUP, T3_COLUMNS[2]],
        &[T3_TOP, T3_ORG_GROUP, T3_COLUMNS[3]],
        &[T3_TOP, T3_ORG_GROUP, T3_COLUMNS[4]],
        &[T3_TOP, T3_ORG_GROUP, T3_COLUMNS[5]],
        &[T3_TOP, T3_COLUMNS[6]],
    ];
    PATHS.get(i).copied().unwrap_or(&[])
}

/// A data row of table 三.
#[derive(Debug, Clone, Copy)]
pub struct T3Row {
    pub key: &'static str,
    pub path: &'static [&'static str],
    pub in_2021: bool,
    pub in_2019: bool,
    /// One of the result rows summed into （七）总计.
    pub result: bool,
}

const R3: &str = "三、本年度办理结果";
const G3: &str = "（三）不予公开";
const G4: &str = "（四）无法提供";
const G5: &str = "（五）不予处理";
const G6: &str = "（六）其他处理";

const fn row(
    key: &'static str,
    path: &'static [&'static str],
    in_2021: bool,
    in_2019: bool,
    result: bool,
) -> T3Row {
    T3Row {
        key,
        path,
        in_2021,
        in_2019,
        result,
    }
}

/// Every data row of table 三 in either format, in template order.
pub const T3_ROWS: &[T3Row] = &[
    row(
        "new_received",
        &["一、本年新收政府信息公开申请数量"],
        true,
        true,
        false,
    ),
    row(
        "carried_over",
        &["二、上年结转政府信息公开申请数量"],
        true,
        true,
        false,
    ),
    row("granted", &[R3, "（一）予以公开"], true, true, true),
    row(
        "partially_granted",
        &[
            R3,
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ],
        true,
        true,
        true,
    ),
    row("withheld_1", &[R3, G3, "1.属于国家秘密"], true, true, true),
    row(
        "withheld_2",
        &[R3, G3, "2.其他法律行政法规禁止公开"],
        true,
        true,
        true,
    ),
    row(
        "withheld_3",
        &[R3, G3, "3.危及“三安全一稳定”"],
        true,
        true,
        true,
    ),
    row(
        "withheld_4",
        &[R3, G3, "4.保护第三方合法权益"],
        true,
        true,
        true,
    ),
    row(
        "withheld_5",
        &[R3, G3, "5.属于三类内部事务信息"],
        true,
        true,
        true,
    ),
    row(
        "withheld_6",
        &[R3, G3, "6.属于四类过程性信息"],
        true,
        true,
        true,
    ),
    row(
        "withheld_7",
        &[R3, G3, "7.属于行政执法案卷"],
        true,
        true,
        true,
    ),
    row(
        "withheld_8",
        &[R3, G3, "8.属于行政查询事项"],
        true,
        true,
        true,
    ),
    row(
        "unable_1",
        &[R3, G4, "1.本机关不掌握相关政府信息"],
        true,
        true,
        true,
    ),
    row(
        "unable_2",
        &[R3, G4, "2.没有现成信息需要另行制作"],
        true,
        true,
        true,
    ),
    row(
        "unable_3",
        &[R3, G4, "3.补正后申请内容仍不明确"],
        true,
        true,
        true,
    ),
    row(
        "not_processed_1",
        &[R3, G5, "1.信访举报投诉类申请"],
        true,
        true,
        true,
    ),
    row("not_processed_2", &[R3, G5, "2.重复申请"], true, true, true),
    row(
        "not_processed_3",
        &[R3, G5, "3.要求提供公开出版物"],
        true,
        true,
        true,
    ),
    row(
        "not_processed_4",
        &[R3, G5, "4.无正当理由大量反复申请"],
        true,
        true,
        true,
    ),
    row(
        "not_processed_5",
        &[R3, G5, "5.要求行政机关确认或重新出具已获取信息"],
        true,
        true,
        true,
    ),
    row("other", &[R3, G6], false, true, true),
    row(
        "other_1",
        &[
            R3,
            G6,
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ],
        true,
        false,
        true,
    ),
    row(
        "other_2",
        &[
            R3,
            G6,
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ],
        true,
        false,
        true,
    ),
    row("other_3", &[R3, G6, "3.其他"], true, false, true),
    row("results_total", &[R3, "（七）总计"], true, true, false),
    row(
        "carried_forward",
        &["四、结转下年度继续办理"],
        true,
        true,
        false,
    ),
];

/// Index in [`T3_ROWS`] of a row key.
pub fn t3_row_index(key: &str) -> Option<usize> {
    T3_ROWS.iter().position(|r| r.key == key)
}

/// Matches a table 三 row by its most specific label (`leaf`, normalised) and the labels to its
/// left (`context`, normalised and concatenated). Returns the row key.
pub fn match_t3_row(leaf: &str, context: &str) -> Option<&'static str> {
    if leaf.contains("补正") && leaf.contains("不再处理") {
        return Some("other_1");
    }
    if let Some((_, key)) = T3_PHRASES
        .iter()
        .find(|(phrases, _)| phrases.iter().any(|p| leaf.contains(p)))
    {
        return Some(key);
    }
    if leaf.contains("总计") && leaf.chars().count() <= 6 {
        Some("results_total")
    } else if leaf.contains("其他处理") {
        Some("other")
    } else if t3_leaf_needs_context(leaf)
        // Under （六）其他处理, also written "(六) 其他".
        && (context.contains("其他处理") || context.contains("六其他"))
    {
        Some("other_3")
    } else {
        None
    }
}

/// Whether [`match_t3_row`] reads the row's context for this leaf: a bare “其他” (numbered or
/// not), which is （六）3.其他 only under （六）其他处理.
pub fn t3_leaf_needs_context(leaf: &str) -> bool {
    leaf.trim_start_matches(|c: char| c.is_ascii_digit()) == "其他"
}

/// Key phrases of table 三's row labels (normalised), most specific first: the first entry with
/// a phrase contained in the label wins. Variants and typos seen in real reports are included
/// (`其他法律行政止公开`, `4.无正当理由大量反复 申请`).
const T3_PHRASES: &[(&[&str], &str)] = &[
    (&["逾期不补正"], "other_1"),
    (&["缴纳费用", "收费通知"], "other_2"),
    (&["国家秘密"], "withheld_1"),
    (&["禁止公开", "其他法律"], "withheld_2"),
    (&["三安全", "一稳定"], "withheld_3"),
    (&["第三方"], "withheld_4"),
    (&["内部事务"], "withheld_5"),
    (&["过程性"], "withheld_6"),
    (&["执法案卷"], "withheld_7"),
    (&["查询"], "withheld_8"),
    (&["不掌握"], "unable_1"),
    (&["另行制作", "现成信息"], "unable_2"),
    (&["不明确", "补正后"], "unable_3"),
    (&["信访", "举报", "投诉"], "not_processed_1"),
    (&["重复申请"], "not_processed_2"),
    (&["出版物"], "not_processed_3"),
    (&["大量反复"], "not_processed_4"),
    (&["重新出具", "确认或"], "not_processed_5"),
    (&["本年新收", "新收政府"], "new_received"),
    (&["上年结转"], "carried_over"),
    (&["结转下年", "下年度继续"], "carried_forward"),
    (&["部分公开"], "partially_granted"),
    (&["予以公开"], "granted"),
];

// ---------------------------------------------------------------- table 四

/// The 15 number columns of table 四: key and official label path.
pub const T4_COLUMNS: [(&str, &[&str]); 15] = [
    ("review.upheld", &["行政复议", "结果维持"]),
    ("review.corrected", &["行政复议", "结果纠正"]),
    ("review.other", &["行政复议", "其他结果"]),
    ("review.pending", &["行政复议", "尚未审结"]),
    ("review.total", &["行政复议", "总计"]),
    (
        "litigation_direct.upheld",
        &["行政诉讼", "未经复议直接起诉", "结果维持"],
    ),
    (
        "litigation_direct.corrected",
        &["行政诉讼", "未经复议直接起诉", "结果纠正"],
    ),
    (
        "litigation_direct.other",
        &["行政诉讼", "未经复议直接起诉", "其他结果"],
    ),
    (
        "litigation_direct.pending",
        &["行政诉讼", "未经复议直接起诉", "尚未审结"],
    ),
    (
        "litigation_direct.total",
        &["行政诉讼", "未经复议直接起诉", "总计"],
    ),
    (
        "litigation_after_review.upheld",
        &["行政诉讼", "复议后起诉", "结果维持"],
    ),
    (
        "litigation_after_review.corrected",
        &["行政诉讼", "复议后起诉", "结果纠正"],
    ),
    (
        "litigation_after_review.other",
        &["行政诉讼", "复议后起诉", "其他结果"],
    ),
    (
        "litigation_after_review.pending",
        &["行政诉讼", "复议后起诉", "尚未审结"],
    ),
    (
        "litigation_after_review.total",
        &["行政诉讼", "复议后起诉", "总计"],
    ),
];

/// The three groups of table 四 (index of the first column, Chinese name).
pub const T4_GROUPS: [(usize, &str); 3] = [
    (0, "行政复议"),
    (5, "行政诉讼（未经复议直接起诉）"),
    (10, "行政诉讼（复议后起诉）"),
];

/// Matches a table 四 column from the normalised header labels covering it (top to bottom).
pub fn match_t4_column(labels: &[String]) -> Option<usize> {
    let joined: String = labels.concat();
    let group = if joined.contains("复议后起诉") {
        10
    } else if joined.contains("未经复议") || joined.contains("直接起诉") {
        5
    } else if joined.contains("行政复议") {
        0
    } else {
        return None;
    };
    let last = labels.last()?;
    let sub = if last.contains("维持") {
        0
    } else if last.contains("纠正") {
        1
    } else if last.contains("其他") {
        2
    } else if last.contains("审结") || last.contains("尚未") {
        3
    } else if last.contains("总计") || last.contains("合计") {
        4
    } else {
        return None;
    };
    Some(group + sub)
}

// ---------------------------------------------------------------- table 二

/// Kind of value a table 二 cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T2Kind {
    /// A non-negative integer.
    Count,
    /// A non-negative integer that may be negative (2019 本年增/减).
    SignedCount,
    /// A non-negative decimal amount (2021 fee in 万元, 2019 采购总金额).
    Amount,
}

/// A row of table 二 in one format.
#[derive(Debug, Clone, Copy)]
pub struct T2Row {
    pub caption: &'static str,
    pub label: &'static str,
    pub columns: &'static [(&'static str, T2Kind)],
}

const C2021_1: &[(&str, T2Kind)] = &[
    ("本年制发件数", T2Kind::Count),
    ("本年废止件数", T2Kind::Count),
    ("现行有效件数", T2Kind::Count),
];
const C2021_5: &[(&str, T2Kind)] = &[("本年处理决定数量", T2Kind::Count)];
const C2021_8: &[(&str, T2Kind)] = &[("本年收费金额（单位：万元）", T2Kind::Amount)];
const C2019_1: &[(&str, T2Kind)] = &[
    ("本年新制作数量", T2Kind::Count),
    ("本年新公开数量", T2Kind::Count),
    ("对外公开总数量", T2Kind::Count),
];
const C2019_5: &[(&str, T2Kind)] = &[
    ("上一年项目数量", T2Kind::Count),
    ("本年增/减", T2Kind::SignedCount),
    ("处理决定数量", T2Kind::Count),
];
const C2019_8: &[(&str, T2Kind)] = &[
    ("上一年项目数量", T2Kind::Count),
    ("本年增/减", T2Kind::SignedCount),
];
const C2019_9: &[(&str, T2Kind)] = &[
    ("采购项目数量", T2Kind::Count),
    ("采购总金额", T2Kind::Amount),
];

pub const T2_ROWS_2021: &[T2Row] = &[
    T2Row {
        caption: "第二十条第（一）项",
        label: "规章",
        columns: C2021_1,
    },
    T2Row {
        caption: "第二十条第（一）项",
        label: "行政规范性文件",
        columns: C2021_1,
    },
    T2Row {
        caption: "第二十条第（五）项",
        label: "行政许可",
        columns: C2021_5,
    },
    T2Row {
        caption: "第二十条第（六）项",
        label: "行政处罚",
        columns: C2021_5,
    },
    T2Row {
        caption: "第二十条第（六）项",
        label: "行政强制",
        columns: C2021_5,
    },
    T2Row {
        caption: "第二十条第（八）项",
        label: "行政事业性收费",
        columns: C2021_8,
    },
];

pub const T2_ROWS_2019: &[T2Row] = &[
    T2Row {
        caption: "第二十条第（一）项",
        label: "规章",
        columns: C2019_1,
    },
    T2Row {
        caption: "第二十条第（一）项",
        label: "规范性文件",
        columns: C2019_1,
    },
    T2Row {
        caption: "第二十条第（五）项",
        label: "行政许可",
        columns: C2019_5,
    },
    T2Row {
        caption: "第二十条第（五）项",
        label: "其他对外管理服务事项",
        columns: C2019_5,
    },
    T2Row {
        caption: "第二十条第（六）项",
        label: "行政处罚",
        columns: C2019_5,
    },
    T2Row {
        caption: "第二十条第（六）项",
        label: "行政强制",
        columns: C2019_5,
    },
    T2Row {
        caption: "第二十条第（八）项",
        label: "行政事业性收费",
        columns: C2019_8,
    },
    T2Row {
        caption: "第二十条第（九）项",
        label: "政府集中采购",
        columns: C2019_9,
    },
];

pub fn t2_rows(format: Format) -> &'static [T2Row] {
    match format {
        Format::F2021 => T2_ROWS_2021,
        Format::F2019 => T2_ROWS_2019,
    }
}

/// Matches a table 二 row label (normalised) to a canonical row label. Both 规范性文件 and
/// 行政规范性文件 map to the row of the format in use (the caller reports the variant).
pub fn match_t2_row(label: &str) -> Option<&'static str> {
    T2_ROW_PHRASES
        .iter()
        .find(|(phrases, _)| phrases.iter().any(|p| label.contains(p)))
        .map(|(_, row)| *row)
}

/// Key phrases of table 二's row labels, first match wins (规范性文件 before 规章 and 行政…).
const T2_ROW_PHRASES: &[(&[&str], &str)] = &[
    (&["规范性文件"], "规范性文件"),
    (&["规章"], "规章"),
    (&["其他对外管理"], "其他对外管理服务事项"),
    (&["行政许可"], "行政许可"),
    (&["行政处罚"], "行政处罚"),
    (&["行政强制"], "行政强制"),
    (&["事业性收费", "行政收费"], "行政事业性收费"),
    (&["集中采购", "政府采购"], "政府集中采购"),
];

/// Matches a table 二 column header (normalised) to a canonical column label of either format.
pub fn match_t2_column(label: &str) -> Option<&'static str> {
    if label.contains("增") && label.contains("减") {
        return Some("本年增/减");
    }
    if label.contains("处理决定") {
        return Some(if label.contains("本年") {
            "本年处理决定数量"
        } else {
            "处理决定数量"
        });
    }
    T2_COLUMN_PHRASES
        .iter()
        .find(|(phrases, _)| phrases.iter().any(|p| label.contains(p)))
        .map(|(_, col)| *col)
}

/// Key phrases of table 二's column headers (both formats), first match wins.
const T2_COLUMN_PHRASES: &[(&[&str], &str)] = &[
    (&["制发"], "本年制发件数"),
    (&["废止"], "本年废止件数"),
    (&["现行有效"], "现行有效件数"),
    (&["收费金额"], "本年收费金额（单位：万元）"),
    (&["新制作"], "本年新制作数量"),
    (&["新公开"], "本年新公开数量"),
    (&["对外公开总", "公开总数"], "对外公开总数量"),
    (&["上一年", "上年项目"], "上一年项目数量"),
    (&["采购项目"], "采购项目数量"),
    (&["总金额", "采购金额"], "采购总金额"),
];

/// Which format a canonical table 二 column belongs to (`None` when shared).
pub fn t2_column_format(column: &str) -> Option<Format> {
    match column {
        "本年制发件数"
        | "本年废止件数"
        | "现行有效件数"
        | "本年收费金额（单位：万元）"
        | "本年处理决定数量" => Some(Format::F2021),
        "本年新制作数量"
        | "本年新公开数量"
        | "对外公开总数量"
        | "上一年项目数量"
        | "本年增/减"
        | "采购项目数量"
        | "采购总金额"
        | "处理决定数量" => Some(Format::F2019),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::normalize::norm;

    #[test]
    fn every_official_t3_row_matches_itself() {
        for r in T3_ROWS {
            let leaf = norm(r.path.last().copied().unwrap_or_default());
            let context: String = r.path.iter().map(|p| norm(p)).collect();
            assert_eq!(match_t3_row(&leaf, &context), Some(r.key), "{:?}", r.path);
        }
    }

    #[test]
    fn t3_row_variants_match() {
        assert_eq!(
            match_t3_row(&norm("2.其他法律行政止公开"), ""),
            Some("withheld_2")
        );
        assert_eq!(
            match_t3_row(&norm("4.无正当理由大量反复 申请"), ""),
            Some("not_processed_4")
        );
        assert_eq!(
            match_t3_row(&norm("1、属于国家秘密"), ""),
            Some("withheld_1")
        );
        assert_eq!(match_t3_row(&norm("三、本年度办理结果"), ""), None);
    }

    #[test]
    fn every_official_t4_column_matches_itself() {
        for (i, (_, path)) in T4_COLUMNS.iter().enumerate() {
            let labels: Vec<String> = path.iter().map(|p| norm(p)).collect();
            assert_eq!(match_t4_column(&labels), Some(i), "{path:?}");
        }
    }

    #[test]
    fn every_official_t2_label_matches_itself() {
        for r in T2_ROWS_2021.iter().chain(T2_ROWS_2019) {
            let m = match_t2_row(&norm(r.label)).unwrap_or_default();
            assert!(
                m == r.label || (m == "规范性文件" && r.label == "行政规范性文件"),
                "{}",
                r.label
            );
            for (c, _) in r.columns {
                assert_eq!(match_t2_column(&norm(c)), Some(*c));
            }
        }
    }
}
