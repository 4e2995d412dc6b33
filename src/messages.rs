//! Every Chinese message nianbao writes, in one place: why a file is refused (from a typed
//! [`Refusal`]), what each rule found (from the rule's data), and how an ambiguous reading was
//! resolved (from a typed [`Ambiguity`]). The stages hand over data; the text is written here,
//! once.

use crate::findings::{GroupKind, GroupShape};
use crate::rejection::{Other, Refusal, Rejection, RejectionCode};
use crate::report::formats::T3_CORNER_NOTE;
use crate::report::value::Extras;
use crate::report::{Ambiguity, KindBasis, KindReading, ReportKind};

mod prose;
pub use prose::*;

// ---------------------------------------------------------------------------------- rejections

impl From<Refusal> for Rejection {
    fn from(reason: Refusal) -> Rejection {
        Rejection {
            code: reason.code(),
            message: rejection(&reason),
            reason: Some(reason),
        }
    }
}

/// Megabytes for messages: whole, or with up to two decimals (integer arithmetic only: float
/// formatting is large in the wasm build).
pub fn mb(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{}", bytes / MIB)
    } else {
        let hundredths = (bytes * 100 + MIB / 2) / MIB;
        let s = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn other_name(o: Other) -> &'static str {
    match o {
        Other::Png => "PNG",
        Other::Jpeg => "JPEG",
        Other::Gif => "GIF",
        Other::Bmp => "BMP",
        Other::Tiff => "TIFF",
        Other::WebP => "WebP",
        Other::Rar => "RAR 压缩包",
        Other::SevenZip => "7z 压缩包",
        Other::Gzip => "gzip 压缩文件",
        Other::FlatOpc => "Word XML 文档（“Word XML 文档”/Flat OPC 格式）",
        Other::Word2003Xml => "Word 2003 XML 文档",
        Other::Xml => "XML 文件",
        Other::OdfText => "OpenDocument 文本",
        Other::OdfSpreadsheet => "OpenDocument 电子表格",
        Other::OdfPresentation => "OpenDocument 演示文稿",
        Other::OdfOther => "OpenDocument 文档",
        _ => "",
    }
}

/// The message of a refusal: what the file is and what to do.
pub fn rejection(r: &Refusal) -> String {
    match r {
        Refusal::Empty => "文件是空的（0 字节），可能没有下载完整或保存失败；请重新下载或重新保存后再检查".into(),
        Refusal::TooLarge { size, max } => format!(
            "文件过大（{} MB），超过了 {} MB 的上限；年度报告的 .docx 通常只有几十 KB 到几 MB，请确认上传的是报告的 Word 文档",
            mb(*size),
            mb(*max)
        ),
        Refusal::Encrypted => "文档已加密（设置了打开密码），请在 Word/WPS 中去除密码后另存为 .docx 再检查".into(),
        Refusal::EncryptedLegacyWord => "这是设置了打开密码的旧版 Word/WPS 文件（.doc/.wps），请在 Word/WPS 中去除密码并另存为 .docx 后再检查".into(),
        Refusal::LegacyExcel => "这是旧版 Excel/WPS 表格文件（.xls/.et），不是 Word 文档；请上传报告的 Word 文档（.docx），旧版 Word 文件请先另存为 .docx".into(),
        Refusal::LegacyPowerPoint => "这是旧版 PowerPoint/WPS 演示文件（.ppt/.dps），不是 Word 文档；请上传报告的 Word 文档（.docx）".into(),
        Refusal::LegacyWord => "这是旧版 Word/WPS 文件（.doc/.wps），请在 Word/WPS 中另存为 .docx 后再检查".into(),
        Refusal::Pdf => "这是 PDF 文件，nianbao 只能检查 Word 文档（.docx）；请找到报告的 Word 原稿（.docx）再检查，\
             PDF 转换成的 Word 文件表格常常错乱，不建议使用"
            .into(),
        Refusal::Image(kind) => format!(
            "这是一张图片（{}），不是 Word 文档；nianbao 无法识别图片中的表格，请上传报告的 Word 原稿（.docx）",
            other_name(*kind)
        ),
        Refusal::OtherText(kind) => match kind {
            Other::Rtf => "这是 RTF 文件（Word 的“RTF 格式”），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查".into(),
            Other::Mht => "这是单个网页文件（.mht/.mhtml，Word 的“单个文件网页”格式），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查".into(),
            Other::Html => "这是网页文件（HTML，可能是 Word 的“网页”格式或从网站直接保存的页面），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查".into(),
            Other::PlainText => "这是纯文本文件（.txt），没有表格结构，无法检查；请上传报告的 Word 原稿（.docx）".into(),
            other => format!(
                "这是{}，不是 .docx；请在 Word/WPS 中打开后另存为 .docx（Word 文档）再检查",
                other_name(*other)
            ),
        },
        Refusal::NotWord(kind) => match kind {
            Other::Rar | Other::SevenZip | Other::Gzip => format!(
                "这是{}，不是 Word 文档；请解压后逐个检查其中的 .docx 文件",
                other_name(*kind)
            ),
            Other::OdfText | Other::OdfSpreadsheet | Other::OdfPresentation | Other::OdfOther => {
                let ext = match kind {
                    Other::OdfText => ".odt",
                    Other::OdfSpreadsheet => ".ods",
                    Other::OdfPresentation => ".odp",
                    _ => ".od*",
                };
                format!(
                    "这是{}（{ext}，常见于 WPS/LibreOffice 的另存格式），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查",
                    other_name(*kind)
                )
            }
            Other::Epub => "这是电子书（EPUB），不是 Word 文档；请上传报告的 Word 原稿（.docx）".into(),
            Other::Ofd => "这是 OFD 版式文件，nianbao 只能检查 Word 文档（.docx）；请找到报告的 Word 原稿（.docx）再检查".into(),
            Other::Excel => "这是 Excel 工作簿（.xlsx），不是 Word 文档；请上传报告的 Word 文档（.docx）".into(),
            Other::PowerPoint => "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档；请上传报告的 Word 文档（.docx）".into(),
            Other::Visio => "这是 Visio 绘图文件，不是 Word 文档；请上传报告的 Word 文档（.docx）".into(),
            Other::Xps => "这是 XPS 文件，不是 Word 文档；请上传报告的 Word 原稿（.docx）".into(),
            Other::OfficeNotWord => "这是 Office 文件，但不是 Word 文档（找不到 Word 正文部分）；请上传报告的 Word 文档（.docx）".into(),
            Other::Zip { docx } if *docx > 0 => {
                format!("这是普通压缩包（.zip），里面有 {docx} 个 .docx 文件；请解压后逐个检查其中的 .docx")
            }
            _ => "这是普通压缩包（.zip），不是 Word 文档；请解压后逐个检查其中的 .docx".into(),
        },
        Refusal::UnknownFormat => "无法识别的文件格式，这不是 Word 文档（.docx）；请上传 .docx 格式的年度报告（旧版 .doc/.wps 请先在 Word/WPS 中另存为 .docx）".into(),
        Refusal::CorruptZip => "文件不完整或已损坏（可能未下载完整），请重新下载或在 Word/WPS 中重新保存后再检查".into(),
        Refusal::MissingMainPart { name } => format!(
            "文件已损坏：找不到 Word 文档的正文部分（{name}），可能未下载完整；请重新下载或在 Word/WPS 中重新保存后再检查"
        ),
        Refusal::ZipEncrypted => "压缩包中的内容被加密（设置了压缩密码），不是 Word 正常保存的文件；请在 Word/WPS 中打开并另存为不加密的 .docx 后再检查".into(),
        Refusal::ZipMethod => "文件使用了 Word 不会使用的压缩方式（可能被其他压缩软件重新打包过），无法读取；请在 Word/WPS 中打开并另存为 .docx 后再检查".into(),
        Refusal::ZipMultiDisk => "这是分卷压缩包的一部分，无法单独读取；请合并/解压后再检查其中的 .docx".into(),
        Refusal::TooManyEntries { count, max } => format!(
            "压缩包中的文件条目过多（{count} 个，上限 {max} 个），这不像是一份正常的 Word 文档；请在 Word/WPS 中重新保存为 .docx 后再检查"
        ),
        Refusal::TooLargePart { name, size, max } => format!(
            "文件中的“{name}”解压后超过 {} MB 的上限（声明或实际已达 {} MB），可能是压缩炸弹或异常庞大的文档，已拒绝；请确认文件来源，或在 Word/WPS 中重新保存为 .docx 后再检查",
            mb(*max),
            mb(*size)
        ),
        Refusal::TooLargeTotal { max } => format!(
            "文件解压后的总大小超过 {} MB 的上限，可能是压缩炸弹或异常庞大的文档，已拒绝；请确认文件来源，或在 Word/WPS 中重新保存为 .docx 后再检查",
            mb(*max)
        ),
        Refusal::Ratio { name, ratio, max, size } => format!(
            "文件中的“{name}”压缩比异常（约 {ratio}:1，上限 {max}:1，解压后 {} MB），可能是恶意构造的压缩炸弹，已拒绝；请在 Word/WPS 中重新保存为 .docx 后再检查",
            mb(*size)
        ),
        Refusal::InflatesBeyondDeclared { name, declared } => format!(
            "文件中的“{name}”解压后远大于它声明的大小（{declared} 字节），可能是恶意构造的压缩炸弹，已拒绝；请在 Word/WPS 中重新保存为 .docx 后再检查"
        ),
        Refusal::BadXml => "文档内容已损坏（XML 格式错误），无法读取。请在 Word/WPS 中打开后重新另存为 .docx 再检查。".into(),
        Refusal::TooDeep { max } => format!(
            "文档结构嵌套过深（超过 {max} 层），无法检查。请在 Word/WPS 中打开后删除多余的嵌套表格或文本框，另存为 .docx 再检查。"
        ),
        Refusal::TooWide { max } => format!(
            "文档中有表格的列数过多（超过 {max} 列），无法检查。请在 Word/WPS 中检查表格是否有异常的合并单元格，另存为 .docx 再检查。"
        ),
        Refusal::TooManyRows { max } => format!(
            "文档中有表格的行数过多（超过 {max} 行），无法检查。请确认文件是政府信息公开工作年度报告。"
        ),
        Refusal::TooManyParagraphs { max } => format!(
            "文档段落过多（超过 {max} 段），无法检查。请确认文件是政府信息公开工作年度报告，只保留报告正文后再检查。"
        ),
        Refusal::TooManyTables { max } => format!(
            "文档中的表格过多（超过 {max} 个），无法检查。请确认文件是政府信息公开工作年度报告。"
        ),
        Refusal::GridTooLarge => "文档中的表格总规模过大，无法检查。请确认文件是政府信息公开工作年度报告，只保留报告正文后再检查。".into(),
        Refusal::OldLayout { year } => {
            let what = match year {
                Some(y) => format!("标题年度为 {y} 年，表格不是统一格式的表三"),
                None => "统计表为“指标名称、计量单位、本年度、累计”一张表".to_string(),
            };
            format!("这是 2019 年以前的旧版年报格式（{what}）；2019 年度起年报使用统一格式（国办公开办函〔2019〕60号、〔2021〕30号），旧格式随原条例失效，本工具不检查旧版格式的年报")
        }
        Refusal::NoReportTables { paragraphs, tables, shapes } => {
            let found = if *tables == 0 {
                format!("文档中有 {paragraphs} 段文字，没有表格")
            } else {
                let shapes: Vec<String> = shapes.iter().map(|(r, c)| format!("{r}行×{c}列")).collect();
                let more = if *tables > shapes.len() { "等" } else { "" };
                format!(
                    "文档中有 {paragraphs} 段文字和 {tables} 个表格（{}{more}），但都不是年报的统计表",
                    shapes.join("、")
                )
            };
            format!(
                "未找到年报表格：{found}。请确认这是政府信息公开工作年度报告，且表二（主动公开）、表三（依申请公开）、表四（行政复议、行政诉讼）是 Word 表格而不是图片"
            )
        }
    }
}

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

/// The check's fallback rejection when recognition returns no report at all (a file without
/// report tables is normally refused with [`Refusal::NoReportTables`] and its own message).
pub const NO_REPORT: &str = "未找到年报";

impl From<AnnotateProblem> for Rejection {
    fn from(p: AnnotateProblem) -> Rejection {
        Rejection::new(p.code(), annotate_problem(&p))
    }
}

/// The message of an [`AnnotateProblem`]: what is wrong and what to do.
pub fn annotate_problem(p: &AnnotateProblem) -> String {
    match p {
        AnnotateProblem::NotChecked => "文件未能检查，无法写入批注".into(),
        AnnotateProblem::NotDocx => "这不是 Word 文档（.docx），无法写入批注；请上传 .docx 格式的年度报告（旧版 .doc/.wps 请先在 Word/WPS 中另存为 .docx）".into(),
        AnnotateProblem::CorruptZip => "文件已损坏或不完整（zip 结构无法读取），无法写入批注；请重新下载或在 Word/WPS 中重新保存后再试".into(),
        AnnotateProblem::TooManyEntries { max } => {
            format!("文件中的条目过多（超过 {max} 个），无法写入批注；请确认文件是 Word 文档")
        }
        AnnotateProblem::NoMainPart => "文件中没有找到 Word 正文部分，无法写入批注；请确认上传的是 .docx 格式的报告".into(),
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

// ---------------------------------------------------------------------------------- ambiguities

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

// ---------------------------------------------------------------------------------- findings

/// A number cell, for messages: 表二「行」行「列」列.
pub fn t2_cell(row: &str, column: &str) -> String {
    format!("表二「{row}」行「{column}」列")
}

/// 表三「行」行「列」列.
pub fn t3_cell(row: &str, column: &str) -> String {
    format!("表三「{row}」行「{column}」列")
}

/// 表四「栏」.
pub fn t4_cell(column: &str) -> String {
    format!("表四「{column}」")
}

/// A cell named in a culprit note, with its current text.
pub fn cell_now(cell: &str, raw: &str) -> String {
    format!("{cell}（现为 {raw}）")
}

/// A cell that could not be named.
pub const THAT_CELL: &str = "该单元格";

/// The note appended to an arithmetic finding whose likely culprit is known.
pub fn culprit(cell: &str, fix: i64) -> String {
    format!("。最可能出错的是{cell}：若改为 {fix}，相关的各条勾稽关系都能成立")
}

pub fn t3_row_total(row: &str, sum: i64, terms: &str, total: i64) -> String {
    format!("「{row}」行：总计应为 {sum}（{terms}），实为 {total}")
}

/// T3.BAL: one + two = results total + four, for column `column`.
pub fn t3_balance(column: &str, a: i64, b: i64, t: i64, d: i64) -> String {
    format!(
        "「{column}」列：第一项加第二项之和（{a}+{b}={}）应等于第三项（七）总计加第四项之和（{t}+{d}={}）；按此（七）总计应为 {}，实为 {t}",
        a + b,
        t + d,
        a + b - d
    )
}

/// T3.RES: `parts` are the non-zero results (row name, value).
pub fn t3_results_total(column: &str, sum: i64, parts: &[(String, i64)], total: i64) -> String {
    let detail = if parts.is_empty() {
        "各项办理结果均为 0".to_string()
    } else {
        parts
            .iter()
            .map(|(r, v)| format!("{r} {v}"))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    format!("「{column}」列：（七）总计应为各项办理结果之和 {sum}（{detail}），实为 {total}")
}

pub fn t3_zero_intake(column: &str, n: i64, first_row: &str, first: i64) -> String {
    format!("「{column}」列：本年新收和上年结转均为 0，但办理结果中有 {n} 件（如「{first_row}」{first} 件）；没有申请就不会有办理结果，请核对是否复制了其他单位或年度的表格")
}

pub fn t3_missing_row(path: &str) -> String {
    format!("表三缺少「{path}」行（或该行标题无法识别），该行数据无法检查")
}

pub fn t3_missing_column(column: &str) -> String {
    format!("表三缺少「{column}」列（或列标题无法识别），已按表格位置推断")
}

pub fn t3_foreign_row(format: &str, path: &str) -> String {
    format!("表三出现了不属于{format}的行「{path}」，该行未计入检查")
}

/// T3.NOTE: the corner note (quoted as the format prints it) is missing.
pub fn t3_note_missing() -> String {
    format!("表三左上角缺少勾稽关系说明“{T3_CORNER_NOTE}”，表格可能被改动过")
}

pub fn t3_other_share(row: &str, other: i64, total: i64, percent: i64) -> String {
    format!("「{row}」有 {other} 件，占办理结果总计 {total} 件的 {percent}%；原则上申请都应按法定方式处理，“其他处理”偏高时主管部门会了解情况，请确认并在正文说明")
}

/// T4.SUM: `v` = 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
pub fn t4_sum(group: &str, sum: i64, v: [i64; 5]) -> String {
    let [a, b, c, d, t] = v;
    format!(
        "{group}：总计应为 {sum}（结果维持 {a}+结果纠正 {b}+其他结果 {c}+尚未审结 {d}），实为 {t}"
    )
}

pub fn t4_missing_column(column: &str) -> String {
    format!("表四缺少「{column}」栏（或标题无法识别），该栏无法检查")
}

pub fn t2_missing_row(row: &str) -> String {
    format!("表二缺少「{row}」行（或标题无法识别），该行无法检查")
}

pub fn t2_missing_column(row: &str, column: &str, format: &str) -> String {
    format!("表二「{row}」行缺少「{column}」栏（或列标题与{format}不符）")
}

pub fn t2_label(written: &str, format: &str, official: &str) -> String {
    format!("表二行标题写作「{written}」，{format}的标题是「{official}」")
}

pub fn t2_valid_ge(row: &str, made: i64, valid: i64) -> String {
    format!("表二「{row}」：本年制发 {made} 件，现行有效却只有 {valid} 件，而本年废止为 0；现行有效件数是 12 月 31 日的存量，应不少于本年制发件数（除非有文件修订或自然失效）")
}

pub fn t2_new19(row: &str, new: i64, total: i64) -> String {
    format!("表二「{row}」：本年新公开 {new} 件，多于对外公开总数量 {total} 件")
}

/// What is wrong with one number cell (`at` names it, `raw` is its text).
#[derive(Debug, Clone, Copy)]
pub enum CellProblem<'a> {
    Blank,
    Placeholder,
    NotANumber,
    NegativeCount(i64),
    DecimalCount,
    NegativeAmount,
    /// Extra text tolerated: what it held, and the number read.
    Extras {
        what: &'a str,
        read: &'a str,
    },
    /// An amount in 元 in a 万元 column, converted: the amount in 万元.
    YuanToWan {
        read: &'a str,
    },
}

pub fn cell_problem(at: &str, raw: &str, p: CellProblem<'_>) -> String {
    match p {
        CellProblem::Blank => format!("{at}为空；每一格都应填写数字，没有的填 0"),
        CellProblem::Placeholder => {
            format!("{at}填写了“{raw}”；没有的应填 0，不要用“/”“—”“无”等代替")
        }
        CellProblem::NotANumber => format!("{at}“{raw}”不是数字，请填写阿拉伯数字"),
        CellProblem::NegativeCount(v) => format!("{at}为负数 {v}；件数不能为负"),
        CellProblem::DecimalCount => format!("{at}为小数 {raw}；件数应为整数"),
        CellProblem::NegativeAmount => format!("{at}为负数 {raw}；金额不能为负"),
        CellProblem::YuanToWan { read } => format!(
            "{at}写作“{raw}”，单位是元，而本栏单位为万元，已换算为 {read} 万元读取；请按万元填写（不带单位）"
        ),
        CellProblem::Extras { what, read } => {
            format!("{at}写作“{raw}”，含{what}，已按 {read} 读取；请只填写阿拉伯数字")
        }
    }
}

/// What a number cell held beyond the digits.
pub fn extras(e: &Extras) -> String {
    let mut parts = Vec::new();
    if e.full_width {
        parts.push("全角数字".to_string());
    }
    if let Some(u) = e.unit {
        parts.push(format!("单位“{u}”"));
    }
    if e.thousands {
        parts.push("千位分隔符".to_string());
    }
    if e.word_sign {
        parts.push("用文字表示增减".to_string());
    }
    if e.note {
        parts.push("括号中的说明文字".to_string());
    }
    parts.join("、")
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

// ------------------------------------------------------------------ the narrative and the tables

/// Names of the table figures a sentence is compared with.
pub mod figure {
    /// 表三“{label}”总计.
    pub fn t3_row(label: &str) -> String {
        format!("表三“{label}”总计")
    }
    /// 表三“（一）予以公开”与“（二）部分公开”之和.
    pub fn t3_pair(first: &str, second: &str) -> String {
        format!("表三“{first}”与“{second}”之和")
    }
    /// 表三“（三）不予公开”各项之和.
    pub fn t3_group(group: &str) -> String {
        format!("表三“{group}”各项之和")
    }
    /// 表四“行政复议·总计”.
    pub fn t4(path: &str) -> String {
        format!("表四“{path}”")
    }
    /// 表四行政诉讼“总计”（two columns summed）.
    pub fn litigation(part: &str) -> String {
        format!("表四行政诉讼“{part}”（未经复议直接起诉与复议后起诉之和）")
    }
    /// 表四行政复议与行政诉讼“结果纠正”之和.
    pub fn cases(part: &str) -> String {
        format!("表四行政复议与行政诉讼“{part}”之和")
    }
    /// 表三“一、本年新收政府信息公开申请数量”“自然人”.
    pub fn t3_applicant(row: &str, column: &str) -> String {
        format!("表三“{row}”“{column}”")
    }
    /// 一 + 二 总计.
    pub fn t3_new_plus_carry() -> String {
        "表三本年新收加上年结转总计".to_string()
    }
    /// 表二“行政许可”“本年处理决定数量”.
    pub fn t2(row: &str, column: &str) -> String {
        format!("表二“{row}”“{column}”")
    }
}

/// A statement disagreeing with a figure: 正文“…”与表三“…”总计 1 不一致.
pub fn tx_mismatch(statement: &str, figure: &str, value: i64) -> String {
    format!("正文“{statement}”与{figure} {value} 不一致")
}

/// A zero-stating sentence against a figure above 0: 正文说“…”，但…为 2.
pub fn tx_says_but(statement: &str, figure: &str, value: i64) -> String {
    format!("正文说“{statement}”，但{figure}为 {value}")
}

/// A "其中" part larger than the whole it belongs to.
pub fn tx_part_exceeds(
    statement: &str,
    figure: &str,
    value: i64,
    with_carry_in: Option<i64>,
) -> String {
    match with_carry_in {
        Some(v) => format!("正文“{statement}”是“其中”的一部分，却大于{figure}与上年结转之和 {v}"),
        None => format!("正文“{statement}”是“其中”的一部分，却大于{figure} {value}"),
    }
}

/// TX.NEW: no reading matches; `tried` are the other readings with their values.
pub fn tx_new_mismatch(
    statement: &str,
    n: i64,
    figure: &str,
    a: i64,
    new_plus_carry: Option<i64>,
    results_plus_carry: Option<i64>,
    elsewhere: bool,
) -> String {
    let mut tried = format!("{figure} {a}");
    if let Some(v) = new_plus_carry {
        tried.push_str(&format!("，本年新收加上年结转 {v}"));
    }
    if let Some(v) = results_plus_carry {
        tried.push_str(&format!("，办理结果总计加结转下年度 {v}"));
    }
    let mut m = format!("正文“{statement}”与表格不一致：正文为 {n}，已对照{tried}，均不相等");
    if elsewhere {
        m.push_str("；正文另一处的收到申请数与表格一致，这里的数字可能只是其中一部分");
    }
    m
}

/// TX.NEWCARRY: the figure equals 一 + 二 without saying so.
pub fn tx_new_is_new_plus_carry(statement: &str, figure: &str, a: i64, n: i64, b: i64) -> String {
    format!("正文“{statement}”与{figure} {a} 不一致；{n} 等于本年新收加上年结转，若是此意请写明“含上年结转{b}件”")
}

/// TX.NEWCARRY: the figure equals （七）+ 四.
pub fn tx_new_is_results_plus_carry(
    statement: &str,
    figure: &str,
    a: i64,
    n: i64,
    r: i64,
    c: i64,
) -> String {
    format!(
        "正文“{statement}”与{figure} {a} 不一致；{n} 等于办理结果总计加结转下年度（{r}+{c}），正文似乎把上年结转也算作收到的申请，请核对"
    )
}

/// TX.NEWCARRY: the sentence says 含上年结转 but the figure is 一 alone.
pub fn tx_new_carry_said_new_only(
    statement: &str,
    n: i64,
    figure: &str,
    a: i64,
    b: i64,
    v: i64,
) -> String {
    format!("正文“{statement}”说含上年结转，但 {n} 只等于{figure} {a}；加上年结转 {b} 件应为 {v}")
}

/// TX.NEW: the sentence says 含上年结转 and the figure is neither.
pub fn tx_new_carry_said_mismatch(statement: &str, a: i64, b: i64, v: i64) -> String {
    format!("正文“{statement}”（含上年结转）与表三本年新收加上年结转 {a}+{b}={v} 不一致")
}

/// Why a 办结 figure is only a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneReading {
    /// No other reading: a plain mismatch.
    None,
    /// It equals 一 + 二.
    NewPlusCarry,
    /// It equals 一.
    New,
    /// Another sentence gives the table's figure.
    Elsewhere,
}

/// TX.DONE / TX.VAGUE for a 办结 figure.
pub fn tx_done(statement: &str, figure: &str, r: i64, reading: DoneReading) -> String {
    let extra = match reading {
        DoneReading::None => "",
        DoneReading::NewPlusCarry => "；它等于本年新收加上年结转，若表三“四、结转下年度继续办理”不为 0，正文的办结数应扣除结转的申请",
        DoneReading::New => "；它等于本年新收申请数，正文可能把收到的申请都算作已办结",
        DoneReading::Elsewhere => "；正文另一处的办结数与表格一致，这里的数字可能只是其中一部分",
    };
    format!("{}{extra}", tx_mismatch(statement, figure, r))
}

/// TX.CARRYOUT: 无结转 while 四 > 0.
pub fn tx_no_carry_out(statement: &str, figure: &str, value: i64) -> String {
    format!("正文“{statement}”说没有结转，但{figure}为 {value}")
}

/// TX.PARTIAL: 未收到申请 while 二 > 0 and not mentioned.
pub fn tx_none_but_carry_in(statement: &str, figure: &str, value: i64) -> String {
    format!("正文说“{statement}”，表三本年新收为 0，但{figure}为 {value}；请在正文说明上年结转申请的办理情况")
}

/// TX.ALLDONE.
pub fn tx_all_done(statement: &str, figure: &str, value: i64) -> String {
    format!(
        "{}；若只指部分申请，请写明",
        tx_says_but(statement, figure, value)
    )
}

/// TX.PARTIAL: 予以公开及部分公开 equals （一） alone.
pub fn tx_granted_only(
    statement: &str,
    figure: &str,
    value: i64,
    n: i64,
    granted_label: &str,
    granted: i64,
) -> String {
    format!(
        "{}；{n} 只等于“{granted_label}” {granted}，未含部分公开",
        tx_mismatch(statement, figure, value)
    )
}

/// TX.PARTIAL: a litigation figure equal to one of its two columns.
pub fn tx_one_litigation_column(
    statement: &str,
    figure: &str,
    value: i64,
    n: i64,
    column: &str,
) -> String {
    format!(
        "{}；{n} 只等于“{column}”一栏，行政诉讼应计两栏之和",
        tx_mismatch(statement, figure, value)
    )
}

/// TX.PARTIAL: 均获维持 while cases ended otherwise or are pending.
pub fn tx_not_all_upheld(statement: &str, figure: &str, value: i64) -> String {
    format!(
        "{}；未维持或尚未审结的案件不能说“均获维持”",
        tx_says_but(statement, figure, value)
    )
}

/// TX.ACTIVE.
pub fn tx_active(statement: &str, figure: &str, value: i64) -> String {
    format!(
        "{}；表二统计的是本年全部处理决定（含依法未公开的），若正文只计了其中一部分，请写明",
        tx_mismatch(statement, figure, value)
    )
}

/// TX.FEE: a fee collected without any application.
pub fn tx_fee_without_applications(statement: &str) -> String {
    format!("正文“{statement}”说收取了信息处理费，但表三本年新收和上年结转的申请都为 0")
}

/// TX.FEE: fewer fee notices than applications closed for non-payment.
pub fn tx_fee_notices_below(statement: &str, figure: &str, value: i64) -> String {
    format!("正文“{statement}”少于{figure} {value}：逾期未缴费的申请都应收到过缴费通知")
}

/// TX.FEE: "no notice" while applications were closed for non-payment.
pub fn tx_fee_no_notice(statement: &str, figure: &str, value: i64) -> String {
    format!(
        "{}：逾期未缴费的申请都应收到过缴费通知",
        tx_says_but(statement, figure, value)
    )
}

// ---------------------------------------------------------------------------------- real layouts: labels, formats, groups

/// Chinese numeral of a report table (2, 3, 4).
pub fn cn_table(t: u8) -> &'static str {
    match t {
        2 => "二",
        3 => "三",
        4 => "四",
        _ => "",
    }
}

/// S.LABEL: a label read as a variant of an official one.
pub fn label_variant(table: u8, written: &str, official: &str) -> String {
    format!(
        "表{}中的标题写作「{written}」，与统一格式的「{official}」不完全一致，已按「{official}」读取；请核对并改用统一格式的标题",
        cn_table(table)
    )
}

/// S.AMBIG: a label two official labels compete for, not read.
pub fn label_conflict(table: u8, written: &str, candidates: &[String]) -> String {
    let names: Vec<String> = candidates.iter().map(|n| format!("「{n}」")).collect();
    format!(
        "表{}中的标题「{written}」与{}都相近，无法确定是哪一项，这一{}的数字未读取；请改为统一格式的标题",
        cn_table(table),
        names.join("、"),
        if table == 3 { "行" } else { "栏" }
    )
}

/// S.HYBRID: `piece` (2 or 3) is in format `piece_format`, the rest in `format` (labels).
pub fn hybrid(piece: u8, piece_is_2019: bool, piece_format: &str, format: &str) -> String {
    match (piece, piece_is_2019) {
        (3, true) => format!("表三「（六）其他处理」是 2019 年版格式的单行（{format}将其分为 3 个子项），其余部分为{format}；已按表中实有的行核对各项数字，建议改用{format}的表三"),
        (3, false) => format!("表三「（六）其他处理」分为 3 个子项，是 2021 年版格式的写法，其余部分为{format}（「（六）其他处理」为一行）；已按表中实有的行核对各项数字，建议改用{format}的表三"),
        _ => format!("表二的栏目是{piece_format}，其余部分为{format}；已按表二实有的栏目核对，建议改用{format}的表二"),
    }
}

/// S.EMPTY: every number cell of `tables` (2, 3, 4) blank, `cells` of them.
pub fn empty_tables(tables: &[u8], cells: usize) -> String {
    let names: Vec<String> = tables
        .iter()
        .map(|t| format!("表{}", cn_table(*t)))
        .collect();
    format!(
        "表格均未填写：{}的 {cells} 个数字格全部为空（或只有“/”“—”等占位符），像是未填写的空白模板；请填写数字（没有的填 0）后再检查",
        names.join("、")
    )
}

/// One line for a group of findings of one per-cell rule in one table.
pub fn group(shape: &GroupShape) -> String {
    let name = format!("表{}", cn_table(shape.table));
    let (what, hint) = match shape.rule {
        "T2.BLANK" | "T3.BLANK" | "T4.BLANK" => ("为空", "；每一格都应填写数字，没有的填 0"),
        "T2.INT" | "T3.INT" | "T4.INT" => ("不是有效的数字", ""),
        _ => ("含多余的文字", ""),
    };
    let n = shape.count;
    let unit = if shape.table == 4 { "栏" } else { "列" };
    let names = |cols: &[Vec<String>]| -> String {
        let shown: Vec<String> = cols
            .iter()
            .take(3)
            .map(|c| format!("「{}」", c.join("·")))
            .collect();
        let more = if cols.len() > 3 { "等" } else { "" };
        format!("{}{more} {} {unit}", shown.concat(), cols.len())
    };
    let leaf = |p: &[String]| p.last().cloned().unwrap_or_default();
    match &shape.kind {
        GroupKind::WholeColumns { columns } => {
            let described = if shape.table == 4 && columns.len() == 15 {
                "15 格".to_string()
            } else if columns.len() == 5
                && columns
                    .iter()
                    .all(|c| c.get(1).is_some_and(|g| g == "法人或其他组织"))
            {
                "「法人或其他组织」5 列".to_string()
            } else if shape.table == 3 && columns.len() == 7 {
                "全部 7 列".to_string()
            } else {
                names(columns)
            };
            format!("{name}{described}全部{what}，共 {n} 格{hint}")
        }
        GroupKind::WholeRows { first, rows } => {
            format!(
                "{name}「{}」等 {rows} 行全部{what}，共 {n} 格{hint}",
                leaf(first)
            )
        }
        GroupKind::Scattered { row, column } => {
            let example = if row.is_empty() {
                format!("「{}」", leaf(column))
            } else {
                format!("「{}」行「{}」列", leaf(row), leaf(column))
            };
            format!("{name}共 {n} 格{what}，如{example}{hint}")
        }
    }
}

// ---------------------------------------------------------------------------------- sections and dates

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

// ---------------------------------------------------------------------------------- two years

/// "上一年度（2021 年）报告".
pub fn previous_report(year: Option<i32>) -> String {
    match year {
        Some(y) => format!("上一年度（{y} 年）报告"),
        None => "上一年度报告".to_string(),
    }
}

pub fn pair_unusable(reason: &str) -> String {
    format!("指定的上一年度报告无法用于对比：{reason}；未做跨年度核对")
}

pub fn pair_not_consecutive(then: Option<i32>, now: Option<i32>) -> String {
    let year = |y: Option<i32>| y.map_or("（未识别）".to_string(), |y| y.to_string());
    format!(
        "指定的上一年度报告是 {} 年度的，本报告是 {} 年度的，不是相邻的两个年度；未做跨年度核对",
        year(then),
        year(now)
    )
}

pub fn pair_other_agency(then: &str, now: &str) -> String {
    format!("指定的上一年度报告的机关是“{then}”，本报告是“{now}”，名称不同；仍按指定作跨年度核对，请确认是同一机关")
}

pub fn same_year_twice(agency: &str, year: i32, others: &[String]) -> String {
    format!(
        "同一批文件中还有另一份「{agency}」{year} 年度的报告（{}）；请确认是否重复，或其中一份的年度有误",
        others.join("、")
    )
}

pub fn carry_over(
    row: &str,
    column: &str,
    now: i64,
    previous: &str,
    row_then: &str,
    then: i64,
) -> String {
    format!("表三「{row}」「{column}」列为 {now}，而{previous}表三「{row_then}」同列为 {then}；本年的上年结转应等于上一年度结转下年度继续办理的数量")
}

pub fn t2_valid(
    row: &str,
    valid: i64,
    previous: &str,
    before: i64,
    made: i64,
    repealed: i64,
    expected: i64,
) -> String {
    format!("表二「{row}」现行有效件数为 {valid}，按{previous}的现行有效 {before} 件加本年制发 {made} 件、减本年废止 {repealed} 件应为 {expected}；如有文件修订或自然失效，请在正文中说明")
}

pub fn t2_repeal(
    row: &str,
    repealed: i64,
    previous: &str,
    before: i64,
    made: i64,
    bound: i64,
) -> String {
    format!("表二「{row}」本年废止 {repealed} 件，多于{previous}的现行有效 {before} 件与本年制发 {made} 件之和 {bound}；能废止的只有已有的和本年制发的文件")
}

pub fn t2_prev19_items(
    row: &str,
    now: i64,
    previous: &str,
    base: i64,
    change: i64,
    expected: i64,
) -> String {
    format!("表二「{row}」上一年项目数量为 {now}，按{previous}的上一年项目数量 {base} 加本年增/减 {change} 应为 {expected}")
}

pub fn t2_prev19_total(row: &str, now: i64, previous: &str, then: i64) -> String {
    format!("表二「{row}」对外公开总数量为 {now}，少于{previous}的 {then}；已公开的文件一般只增不减，如因废止等原因减少，请在正文中说明")
}

pub fn t2_cross_format(previous: &str, then: &str, now: &str) -> String {
    format!("{previous}的表二使用 {then}，本报告使用 {now}：两个年度的表二栏目不同，表二不做跨年度核对（规章、规范性文件的件数请人工比对）；表三的结转照常核对")
}

/// The name of a section S.DUP compares (0 = 一, 4 = 五).
pub fn dup_section(section: usize) -> &'static str {
    match section {
        0 => "第一部分（总体情况）",
        4 => "第五部分（存在的主要问题及改进情况）",
        _ => "",
    }
}

pub fn dup_similar(section: &str, previous: &str, percent: i64) -> String {
    format!("{section}的文字与{previous}的同一部分相似度为 {percent}%；年度报告应如实反映本年度的工作，不得“年年雷同”")
}

pub fn percent_below(percent: i64) -> String {
    format!("低于 {percent}%")
}

pub fn percent(percent: i64) -> String {
    format!("{percent}%")
}

pub fn dup_last_year(sentence: &str, last: i32, year: i32) -> String {
    format!("正文写“{sentence}”，把 {last} 年当作报告年度；本报告是 {year} 年度的，请核对是否沿用了上一年度报告的文字")
}

/// The line saying which previous-year report a report was compared with (text output).
pub fn compared_with(file: &str, year: Option<i32>, explicit: bool) -> String {
    let year = year.map(|y| format!("（{y}年）")).unwrap_or_default();
    let how = if explicit {
        "按指定"
    } else {
        "按机关和年度自动配对"
    };
    format!("与上一年度报告 {file}{year}对比（{how}）")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_summaries() {
        let col = |g: &str, c: &str| vec!["申请人情况".to_string(), g.to_string(), c.to_string()];
        let orgs: Vec<Vec<String>> = [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]
        .iter()
        .map(|c| col("法人或其他组织", c))
        .collect();
        let shape = |rule, table, count, kind| GroupShape {
            rule,
            table,
            count,
            kind,
        };
        assert_eq!(
            group(&shape(
                "T3.BLANK",
                3,
                125,
                GroupKind::WholeColumns { columns: orgs }
            )),
            "表三「法人或其他组织」5 列全部为空，共 125 格；每一格都应填写数字，没有的填 0"
        );
        let rows = GroupKind::WholeRows {
            first: vec!["三、本年度办理结果".into(), "（一）予以公开".into()],
            rows: 21,
        };
        assert_eq!(
            group(&shape("T3.BLANK", 3, 147, rows)),
            "表三「（一）予以公开」等 21 行全部为空，共 147 格；每一格都应填写数字，没有的填 0"
        );
        let t4: Vec<Vec<String>> = (0..14)
            .map(|i| vec!["行政复议".to_string(), format!("c{i}")])
            .collect();
        assert_eq!(group(&shape("T4.BLANK", 4, 14, GroupKind::WholeColumns { columns: t4 })), "表四「行政复议·c0」「行政复议·c1」「行政复议·c2」等 14 栏全部为空，共 14 格；每一格都应填写数字，没有的填 0");
        let some = GroupKind::Scattered {
            row: vec!["规章".into()],
            column: vec!["本年制发件数".into()],
        };
        assert_eq!(
            group(&shape("CELL.TEXT", 2, 8, some)),
            "表二共 8 格含多余的文字，如「规章」行「本年制发件数」列"
        );
    }

    #[test]
    fn megabytes() {
        assert_eq!(mb(100 * 1024 * 1024), "100");
        assert_eq!(mb(1024 * 1024 + 512 * 1024), "1.5");
    }

    #[test]
    fn refusals_render_with_their_code() {
        let r = Rejection::from(Refusal::TooWide { max: 128 });
        assert_eq!(r.code, crate::rejection::RejectionCode::TooComplex);
        assert!(r.message.contains("128 列"), "{}", r.message);
        assert_eq!(r.reason, Some(Refusal::TooWide { max: 128 }));
    }
}
