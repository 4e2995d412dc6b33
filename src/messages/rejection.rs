//! Why a file is refused: the message of a typed [`Refusal`] (what the file is and what to do).

use super::mb;
use crate::rejection::{Other, Refusal, Rejection};

impl From<Refusal> for Rejection {
    fn from(reason: Refusal) -> Rejection {
        Rejection {
            code: reason.code(),
            message: rejection(&reason),
            reason: Some(reason),
        }
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
        Other::OdfDocument => "OpenDocument 文档",
        _ => "",
    }
}

/// The message of a refusal: what the file is and what to do.
pub fn rejection(r: &Refusal) -> String {
    match r {
        Refusal::Empty => "文件是空的（0 字节），可能没有下载完整或保存失败；请重新下载或重新保存后再检查".into(),
        Refusal::TooLarge { size, max } => format!(
            "文件过大（{} MB），超过了 {} MB 的上限；年度报告的 .docx 通常只有几十 KB 到几 MB，请确认选择的是报告的 Word 文档",
            mb(*size),
            mb(*max)
        ),
        Refusal::Encrypted => "文档已加密（设置了打开密码），请在 Word/WPS 中去除密码后另存为 .docx 再检查".into(),
        Refusal::Reader(p) => super::reader_problem(*p),
        Refusal::EncryptedLegacyWord => "这是设置了打开密码的旧版 Word/WPS 文件（.doc/.wps），请在 Word/WPS 中去除密码并另存为 .docx 后再检查".into(),
        Refusal::LegacyExcel => "这是旧版 Excel/WPS 表格文件（.xls/.et），不是 Word 文档；请选择报告的 Word 文档（.docx），旧版 Word 文件请先另存为 .docx".into(),
        Refusal::LegacyPowerPoint => "这是旧版 PowerPoint/WPS 演示文件（.ppt/.dps），不是 Word 文档；请选择报告的 Word 文档（.docx）".into(),
        Refusal::LegacyWord => "这是旧版 Word/WPS 文件（.doc/.wps），请在 Word/WPS 中另存为 .docx 后再检查".into(),
        Refusal::Pdf => "这是 PDF 文件，nianbao 只能检查 Word 文档（.docx）；请找到报告的 Word 原稿（.docx）再检查，\
             PDF 转换成的 Word 文件表格常常错乱，不建议使用"
            .into(),
        Refusal::Image(kind) => format!(
            "这是一张图片（{}），不是 Word 文档；nianbao 无法识别图片中的表格，请选择报告的 Word 原稿（.docx）",
            other_name(*kind)
        ),
        Refusal::OtherText(kind) => match kind {
            Other::Rtf => "这是 RTF 文件（Word 的“RTF 格式”），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查".into(),
            Other::Mht => "这是单个网页文件（.mht/.mhtml，Word 的“单个文件网页”格式），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查".into(),
            Other::Html => "这是网页文件（HTML，可能是 Word 的“网页”格式或从网站直接保存的页面），不是 .docx；请在 Word/WPS 中打开后另存为 .docx 再检查".into(),
            Other::PlainText => "这是纯文本文件（.txt），没有表格结构，无法检查；请选择报告的 Word 原稿（.docx）".into(),
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
            Other::OdfText | Other::OdfSpreadsheet | Other::OdfPresentation | Other::OdfDocument => {
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
            Other::Epub => "这是电子书（EPUB），不是 Word 文档；请选择报告的 Word 原稿（.docx）".into(),
            Other::Ofd => "这是 OFD 版式文件，nianbao 只能检查 Word 文档（.docx）；请找到报告的 Word 原稿（.docx）再检查".into(),
            Other::Excel => "这是 Excel 工作簿（.xlsx），不是 Word 文档；请选择报告的 Word 文档（.docx）".into(),
            Other::PowerPoint => "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档；请选择报告的 Word 文档（.docx）".into(),
            Other::Visio => "这是 Visio 绘图文件，不是 Word 文档；请选择报告的 Word 文档（.docx）".into(),
            Other::Xps => "这是 XPS 文件，不是 Word 文档；请选择报告的 Word 原稿（.docx）".into(),
            Other::OfficeNotWord => "这是 Office 文件，但不是 Word 文档（找不到 Word 正文部分）；请选择报告的 Word 文档（.docx）".into(),
            Other::Zip { docx } if *docx > 0 => {
                format!("这是普通压缩包（.zip），里面有 {docx} 个 .docx 文件；请解压后逐个检查其中的 .docx")
            }
            _ => "这是普通压缩包（.zip），不是 Word 文档；请解压后逐个检查其中的 .docx".into(),
        },
        Refusal::UnknownFormat => "无法识别的文件格式，这不是 Word 文档（.docx）；请选择 .docx 格式的年度报告（旧版 .doc/.wps 请先在 Word/WPS 中另存为 .docx）".into(),
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

/// The check's fallback rejection when recognition returns no report at all (a file without
/// report tables is normally refused with `Refusal::NoReportTables` and its own message).
pub const NO_REPORT: &str = "未找到年报";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_render_with_their_code() {
        let r = Rejection::from(Refusal::TooWide { max: 128 });
        assert_eq!(r.code, crate::rejection::RejectionCode::TooComplex);
        assert!(r.message.contains("128 列"), "{}", r.message);
        assert_eq!(r.reason, Some(Refusal::TooWide { max: 128 }));
    }
}
