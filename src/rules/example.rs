//! Rule examples as data: edits applied to the zero-filled official report (every number 0,
//! every heading and table as the official format prints them). The catalogue renders them
//! (docs/rules.md) and `tests/it/rule_examples.rs` builds each as a real .docx, checks that the
//! rule fires on it with the documented message, and that it does not fire on the untouched
//! report.

use crate::report::formats::{self, Format, T3_ROWS, T4_COLUMNS};

/// One change to the zero-filled official report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Table 二, the row labelled `row` (official label of the format), its `col`-th number column.
    T2 {
        row: &'static str,
        col: usize,
        text: &'static str,
    },
    /// Table 三, the row with key `row` (`formats::T3_ROWS`), column `col` (0 = 自然人 … 6 = 总计).
    T3 {
        row: &'static str,
        col: usize,
        text: &'static str,
    },
    /// Table 三, a row's six addends; its 总计 becomes their sum.
    T3Row { row: &'static str, values: [i64; 6] },
    /// Table 四, the column with key `col` (`formats::T4_COLUMNS`).
    T4 {
        col: &'static str,
        text: &'static str,
    },
    /// Table 二, the row labelled `row` relabelled.
    T2Label {
        row: &'static str,
        text: &'static str,
    },
    /// Table 三, the last label of row `row` changed.
    T3Label {
        row: &'static str,
        text: &'static str,
    },
    /// Table 四, the leaf label of column `col` changed.
    T4Label {
        col: &'static str,
        text: &'static str,
    },
    /// Table 三's corner note replaced.
    T3Note(&'static str),
    /// Heading of section `section` (0 = 一) replaced.
    Heading { section: usize, text: &'static str },
    /// Section `section` removed, heading and text.
    RemoveSection(usize),
    /// A paragraph added at the start of section `section`'s text.
    Paragraph { section: usize, text: &'static str },
    /// The text of section `section` (0 = 一) replaced by one paragraph (empty: no text).
    Text { section: usize, text: &'static str },
    /// A paragraph of `chars` Chinese characters added at the end of section `section`'s text.
    Filler { section: usize, chars: usize },
    /// The agency (title and signature) changed.
    Agency(&'static str),
    /// The report year (title) changed.
    Year(i32),
    /// No year anywhere: no title, no year in the text, no date line.
    NoYear,
    /// The signing date line replaced (`None` removes it).
    DateLine(Option<&'static str>),
    /// Table 二, 三 or 四 left out.
    OmitTable(u8),
    /// The whole report repeated after a page break.
    SecondReport,
    /// Table 三 with the 2019 format's rows (the single （六）其他处理 row) in a 2021 report.
    T3In2019Format,
    /// Every number cell of tables 二, 三 and 四 left blank (the blank template).
    BlankTables,
    /// The previous year's report of the same agency, named explicitly: the zero-filled report
    /// of `format` one year earlier, its sections 一 and 五 worded differently, with `edits`.
    /// The example is checked as a pair.
    PreviousYear {
        format: Format,
        edits: &'static [Edit],
    },
    /// The same report a second time in the batch (another file).
    SameYearAgain,
}

/// The example of a rule: the format of the zero-filled report, the edits, and (an excerpt of)
/// the message the rule gives on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    pub format: Format,
    pub edits: &'static [Edit],
    pub message: &'static str,
}

impl Example {
    /// The example in words (Chinese), for the catalogue.
    pub fn describe(&self) -> String {
        let edits: Vec<String> = self.edits.iter().map(|e| e.describe(self.format)).collect();
        format!(
            "在{}的全零统一格式报告中，{}",
            self.format.label(),
            edits.join("；")
        )
    }
}

fn t3_label(key: &str) -> String {
    let Some(def) = T3_ROWS.iter().find(|r| r.key == key) else {
        return key.to_string();
    };
    def.path.last().copied().unwrap_or(key).to_string()
}

fn t4_label(key: &str) -> String {
    T4_COLUMNS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, p)| p.join("·"))
        .unwrap_or_else(|| key.to_string())
}

fn written(text: &str) -> String {
    if text.is_empty() {
        "清空".to_string()
    } else {
        format!("填写“{text}”")
    }
}

impl Edit {
    /// The edit in words (Chinese).
    pub fn describe(&self, format: Format) -> String {
        match *self {
            Edit::T2 { row, col, text } => {
                let column = formats::t2_rows(format)
                    .iter()
                    .find(|r| r.label == row)
                    .and_then(|r| r.columns.get(col))
                    .map_or("", |(c, _)| *c);
                format!("表二「{row}」行「{column}」栏{}", written(text))
            }
            Edit::T3 { row, col, text } => {
                let column = formats::T3_COLUMNS.get(col).copied().unwrap_or("");
                format!("表三「{}」行「{column}」列{}", t3_label(row), written(text))
            }
            Edit::T3Row { row, values } => {
                let v: Vec<String> = values.iter().map(|v| v.to_string()).collect();
                format!(
                    "表三「{}」行六类申请人依次填写 {}，总计为其和",
                    t3_label(row),
                    v.join("、")
                )
            }
            Edit::T4 { col, text } => format!("表四「{}」{}", t4_label(col), written(text)),
            Edit::T2Label { row, text } => format!("表二行标题「{row}」改为「{text}」"),
            Edit::T3Label { row, text } => format!("表三行标题「{}」改为「{text}」", t3_label(row)),
            Edit::T4Label { col, text } => format!("表四栏目「{}」改为「{text}」", t4_label(col)),
            Edit::T3Note("") => "删去表三左上角的勾稽关系说明".to_string(),
            Edit::T3Note(text) => format!("表三左上角说明改为“{text}”"),
            Edit::Heading { section, text } => {
                format!("第 {} 部分标题改为“{text}”", section + 1)
            }
            Edit::RemoveSection(section) => format!("删去第 {} 部分（标题和正文）", section + 1),
            Edit::Paragraph { section, text } => {
                format!("第 {} 部分正文开头加一段“{text}”", section + 1)
            }
            Edit::Text { section, text: "" } => format!("删去第 {} 部分的正文", section + 1),
            Edit::Text { section, text } => {
                format!("第 {} 部分正文改为“{text}”", section + 1)
            }
            Edit::Filler { section, chars } => {
                format!("第 {} 部分正文末尾加一段 {chars} 个汉字的文字", section + 1)
            }
            Edit::Agency(name) => format!("机关名称改为“{name}”"),
            Edit::Year(year) => format!("标题年度改为 {year} 年"),
            Edit::NoYear => "删去标题、正文中的年份和落款日期".to_string(),
            Edit::DateLine(Some(text)) => format!("落款日期改为“{text}”"),
            Edit::DateLine(None) => "删去落款日期".to_string(),
            Edit::OmitTable(t) => format!(
                "删去表{}",
                ["二", "三", "四"]
                    .get(usize::from(t).saturating_sub(2))
                    .unwrap_or(&"")
            ),
            Edit::SecondReport => "在同一文档中再附上一份年报".to_string(),
            Edit::T3In2019Format => {
                "表三改用 2019 年版格式的行（“（六）其他处理”为一行）".to_string()
            }
            Edit::BlankTables => "表二、表三、表四的数字格全部清空".to_string(),
            Edit::PreviousYear { format, edits: [] } => {
                format!("并指定上一年度的全零{}报告对比", format.label())
            }
            Edit::PreviousYear { format, edits } => {
                let edits: Vec<String> = edits.iter().map(|e| e.describe(format)).collect();
                format!(
                    "并指定上一年度的全零{}报告对比，其中{}",
                    format.label(),
                    edits.join("、")
                )
            }
            Edit::SameYearAgain => "同一批文件中再放一份同一机关、同一年度的报告".to_string(),
        }
    }
}
