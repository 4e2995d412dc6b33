//! The annotated report: why it could not be written ([`AnnotateProblem`]) and the text of its
//! Word comments.

use super::mb;
use crate::findings::Finding;
use crate::rejection::{Rejection, RejectionCode};

/// Why the annotated report (the user's .docx with comments) could not be written, with the
/// data its message needs. The check itself may have succeeded: the writer reads the file's
/// zip and XML more literally than the check does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnnotateProblem {
    /// The result handed to the writer is a rejection without its reason.
    NotChecked,
    /// Not a zip at all (the check, run first, says what the file is).
    NotDocx,
    /// The zip structure cannot be read.
    CorruptZip,
    TooManyEntries {
        max: usize,
    },
    /// No Word main part in the package.
    NoMainPart,
    /// A part inflates beyond the bound.
    TooLargePart {
        name: String,
        max: u64,
    },
    /// The comments, relationships or content types part is malformed XML.
    BadPart,
    /// The main part is malformed XML (or cut short).
    BadMainPart,
    /// The main part's elements carry no WordprocessingML prefix.
    NoWordNamespace,
    TooDeep {
        max: usize,
    },
    /// Writing the new zip failed.
    WriteFailed,
    /// The .xlsx writer failed (its error).
    Xlsx {
        error: String,
    },
}

impl AnnotateProblem {
    pub fn code(&self) -> RejectionCode {
        match self {
            AnnotateProblem::NotChecked
            | AnnotateProblem::WriteFailed
            | AnnotateProblem::Xlsx { .. } => RejectionCode::Internal,
            AnnotateProblem::NotDocx => RejectionCode::UnknownFormat,
            AnnotateProblem::CorruptZip => RejectionCode::CorruptZip,
            AnnotateProblem::TooManyEntries { .. } | AnnotateProblem::TooDeep { .. } => {
                RejectionCode::TooComplex
            }
            AnnotateProblem::NoMainPart => RejectionCode::NotWord,
            AnnotateProblem::TooLargePart { .. } => RejectionCode::TooLargeInflated,
            AnnotateProblem::BadPart
            | AnnotateProblem::BadMainPart
            | AnnotateProblem::NoWordNamespace => RejectionCode::BadXml,
        }
    }
}

impl From<AnnotateProblem> for Rejection {
    fn from(p: AnnotateProblem) -> Rejection {
        Rejection::new(p.code(), annotate_problem(&p))
    }
}

/// The message of an [`AnnotateProblem`]: what is wrong and what to do.
pub fn annotate_problem(p: &AnnotateProblem) -> String {
    match p {
        AnnotateProblem::NotChecked => "文件未能检查，无法写入批注".into(),
        AnnotateProblem::NotDocx => "这不是 Word 文档（.docx），无法写入批注；请选择 .docx 格式的年度报告（旧版 .doc/.wps 请先在 Word/WPS 中另存为 .docx）".into(),
        AnnotateProblem::CorruptZip => "文件已损坏或不完整（zip 结构无法读取），无法写入批注；请重新下载或在 Word/WPS 中重新保存后再试".into(),
        AnnotateProblem::TooManyEntries { max } => {
            format!("文件中的条目过多（超过 {max} 个），无法写入批注；请确认文件是 Word 文档")
        }
        AnnotateProblem::NoMainPart => "文件中没有找到 Word 正文部分，无法写入批注；请确认选择的是 .docx 格式的报告".into(),
        AnnotateProblem::TooLargePart { name, max } => format!(
            "文件中的“{name}”解压后超过 {} MB 的上限，无法写入批注；请确认文件来源，或在 Word/WPS 中重新保存为 .docx 后再试",
            mb(*max)
        ),
        AnnotateProblem::BadPart => "文件中的批注、关系或内容类型部分已损坏（XML 格式错误），无法写入批注；请在 Word/WPS 中重新另存为 .docx 后再试".into(),
        AnnotateProblem::BadMainPart => "文档内容已损坏（XML 格式错误），无法写入批注。请在 Word/WPS 中打开后重新另存为 .docx 再试。".into(),
        AnnotateProblem::NoWordNamespace => "文档的正文部分不是常见的 Word 格式（没有找到 WordprocessingML 命名空间前缀），无法写入批注；请在 Word/WPS 中另存为 .docx 后再试".into(),
        AnnotateProblem::TooDeep { max } => {
            format!("文档结构嵌套过深（超过 {max} 层），无法写入批注。请在 Word/WPS 中删除多余的嵌套表格或文本框后再试。")
        }
        AnnotateProblem::WriteFailed => "生成带批注的文件时出错；请重试，若仍失败请反馈此文件".into(),
        AnnotateProblem::Xlsx { error } => {
            format!("生成 Excel 文件时出错（{error}）；请改用 CSV 导出，并反馈此问题")
        }
    }
}

// ---------------------------------------------------------------- the Word comments

/// Names the report of a comment in a file holding several reports: （第 2/3 份年报）.
pub fn which_report(index: usize, count: usize) -> String {
    format!("（第 {}/{count} 份年报）", index + 1)
}

/// The Word comment on a finding: severity, the report (in a file of several), the message and
/// the rule, then what the value should be and is, and whether this cell is the culprit.
pub fn finding_comment(f: &Finding, which: Option<&str>, culprit_here: bool) -> String {
    let mut text = format!(
        "【{}】{}{}（{}）",
        f.severity.label(),
        which.unwrap_or(""),
        f.message,
        f.rule
    );
    match (&f.expected, &f.actual) {
        (Some(e), Some(a)) => text.push_str(&format!("\n应为：{e}；实为：{a}")),
        (Some(e), None) => text.push_str(&format!("\n应为：{e}")),
        (None, Some(a)) => text.push_str(&format!("\n实为：{a}")),
        (None, None) => {}
    }
    if culprit_here {
        text.push_str("\n此格最可能出错。");
    }
    text
}

/// The Word comment on a culprit cell: how many identities it breaks, its corrected value
/// when known, and the first sentence of each finding.
pub fn culprit_comment(findings: &[&Finding], fix: Option<&str>) -> String {
    let mut text = format!(
        "【最可能出错】此格同时涉及 {} 处勾稽关系错误，最可能出错的是这一格",
        findings.len()
    );
    match fix {
        Some(v) => text.push_str(&format!("：若改为 {v}，相关的各条勾稽关系都能成立。")),
        None => text.push('。'),
    }
    for f in findings {
        let first = f.message.split('。').next().unwrap_or(&f.message);
        text.push_str(&format!("\n· {first}（{}）", f.rule));
    }
    text
}

/// The annotated copy's file name: 原名（检查意见）.docx (报告 when the name has no stem).
pub fn annotated_file_name(stem: &str, ext: &str) -> String {
    let stem = if stem.trim().is_empty() {
        "报告"
    } else {
        stem
    };
    format!("{stem}（检查意见）.{ext}")
}
