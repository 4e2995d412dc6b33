//! Messages of the Word 97 (.doc/.wps), HTML/MHT readers and of a paste.

use crate::rejection::ReaderProblem;

/// Why a .doc, web page or paste could not be read. Only the readers (feature `readers`) make
/// these refusals, so the page's start module, built without them, does not carry their text.
#[cfg(not(feature = "readers"))]
pub fn reader_problem(_: ReaderProblem) -> String {
    String::new()
}

/// Why a .doc, web page or paste could not be read.
#[cfg(feature = "readers")]
pub fn reader_problem(p: ReaderProblem) -> String {
    match p {
        ReaderProblem::Word95 => "这是 Word 6.0/95 格式的旧文件，nianbao 只能读取 Word 97-2003（.doc）及更新的格式；\
             请在 Word/WPS 中打开后另存为 .docx 再检查"
            .into(),
        ReaderProblem::DamagedDoc => "这个 .doc/.wps 文件已损坏或不完整（可能没有下载完），无法读取；\
             请重新下载，或在 Word/WPS 中打开后另存为 .docx 再检查"
            .into(),
        ReaderProblem::FastSavedDoc => "这个 .doc 文件是用“快速保存”方式保存的（后来的修改附加在文件末尾），\
             nianbao 无法可靠地读出其中的表格；请在 Word/WPS 中打开后另存为 .docx（或关闭“允许快速保存”后重新保存）再检查"
            .into(),
        ReaderProblem::HtmlNoTables => "这个网页里没有找到表格：年报的表二、表三、表四在网页上应是表格。\
             如果表格是图片或附件，请下载报告的 Word 原稿（.docx/.doc）再检查；\
             粘贴时请选中包括表格在内的正文再复制"
            .into(),
        ReaderProblem::MhtNoHtml => "这个单个网页文件（.mht/.mhtml）里没有网页正文，无法读取；\
             请用浏览器重新“另存为”网页，或下载报告的 Word 原稿（.docx）再检查"
            .into(),
        ReaderProblem::PlainTextPaste => "粘贴的内容只有纯文字，没有表格结构，无法检查表二、表三、表四；\
             请在浏览器中打开年报网页，选中包括表格在内的正文后复制再粘贴（或直接保存网页、下载 Word 原稿）"
            .into(),
    }
}

/// What the page says instead of offering an annotated copy for a file that is not a .docx.
pub const SAVE_AS_DOCX_FOR_ANNOTATION: &str =
    "批注版下载只支持 .docx：请在 Word/WPS 中把这个文件另存为 .docx，再检查并下载批注版";
