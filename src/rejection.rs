//! Why a file could not be checked at all: a stable code and a Chinese message that says
//! what the file is and what to do. The stages say why with a typed [`Refusal`] (the data the
//! message needs); `crate::messages` renders it into a [`Rejection`]. The stages say why with a typed [`Refusal`] (the data the
//! message needs); `crate::messages` renders it into a [`Rejection`].

use serde::{Deserialize, Serialize};
use std::fmt;

/// Stable codes of the rejection catalogue. The string form (`as_str`) is part of the
/// JSON contract and never changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectionCode {
    /// Zero bytes.
    Empty,
    /// Larger than [`crate::Limits::max_input_bytes`].
    TooLarge,
    /// An OLE compound file: legacy .doc, .wps, .et, .xls.
    LegacyOffice,
    /// An OLE compound file holding an `EncryptedPackage` stream: a password-protected document.
    Encrypted,
    /// A PDF file.
    Pdf,
    /// A picture (PNG, JPEG, GIF, BMP, TIFF, WebP).
    Image,
    /// RTF, HTML/MHT or plain text: a Word "save as" format other than .docx.
    OtherText,
    /// A zip file that is not a Word document (.xlsx, .pptx, .zip, .odt, ...).
    NotWord,
    /// A zip file that cannot be read: truncated (half-downloaded) or corrupt.
    CorruptZip,
    /// Not a format nianbao knows.
    UnknownFormat,
    /// A part inflates beyond the bounds (a zip bomb, or an absurdly large document).
    TooLargeInflated,
    /// The main document part is not well-formed XML.
    BadXml,
    /// Too deep, too many tables, rows or columns.
    TooComplex,
    /// A readable Word document without the report's tables.
    NoReportTables,
    /// A report in the layouts used before the uniform formats (2011–2018: one statistics
    /// table 指标名称/计量单位/本年度/累计), which nianbao does not check.
    OldLayout,
    /// The file could not be read from disk (command-line tool only).
    Unreadable,
    /// nianbao itself failed on this file (a bug; command-line tool only).
    Internal,
}

impl RejectionCode {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectionCode::Empty => "empty",
            RejectionCode::TooLarge => "too_large",
            RejectionCode::LegacyOffice => "legacy_office",
            RejectionCode::Encrypted => "encrypted",
            RejectionCode::Pdf => "pdf",
            RejectionCode::Image => "image",
            RejectionCode::OtherText => "other_text",
            RejectionCode::NotWord => "not_word",
            RejectionCode::CorruptZip => "corrupt_zip",
            RejectionCode::UnknownFormat => "unknown_format",
            RejectionCode::TooLargeInflated => "too_large_inflated",
            RejectionCode::BadXml => "bad_xml",
            RejectionCode::TooComplex => "too_complex",
            RejectionCode::NoReportTables => "no_report_tables",
            RejectionCode::OldLayout => "old_layout",
            RejectionCode::Unreadable => "unreadable",
            RejectionCode::Internal => "internal",
        }
    }
}

/// A kind of picture, archive or other file nianbao recognises and refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Other {
    Png,
    Jpeg,
    Gif,
    Bmp,
    Tiff,
    WebP,
    Rar,
    SevenZip,
    Gzip,
    Rtf,
    Mht,
    Html,
    FlatOpc,
    Word2003Xml,
    Xml,
    PlainText,
    OdfText,
    OdfSpreadsheet,
    OdfPresentation,
    OdfDocument,
    Epub,
    Ofd,
    Excel,
    PowerPoint,
    Visio,
    Xps,
    /// An Office package without a Word main part.
    OfficeNotWord,
    /// A plain zip file, with the number of .docx files inside.
    Zip {
        docx: usize,
    },
}

/// Why a file is refused, with the data its message needs. Rendered by `crate::messages`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLarge {
        size: u64,
        max: u64,
    },
    /// A password-protected OOXML document (an OLE file with an `EncryptedPackage`).
    Encrypted,
    /// A password-protected legacy .doc/.wps.
    EncryptedLegacyWord,
    LegacyExcel,
    LegacyPowerPoint,
    LegacyWord,
    Pdf,
    Image(Other),
    OtherText(Other),
    NotWord(Other),
    UnknownFormat,
    CorruptZip,
    /// The main part named by the relationships is not in the zip.
    MissingMainPart {
        name: String,
    },
    ZipEncrypted,
    ZipMethod,
    ZipMultiDisk,
    TooManyEntries {
        count: u64,
        max: usize,
    },
    TooLargePart {
        name: String,
        size: u64,
        max: u64,
    },
    TooLargeTotal {
        max: u64,
    },
    Ratio {
        name: String,
        ratio: u64,
        max: u64,
        size: u64,
    },
    InflatesBeyondDeclared {
        name: String,
        declared: u64,
    },
    BadXml,
    TooDeep {
        max: usize,
    },
    TooWide {
        max: usize,
    },
    TooManyRows {
        max: usize,
    },
    TooManyParagraphs {
        max: usize,
    },
    TooManyTables {
        max: usize,
    },
    GridTooLarge,
    /// A readable Word document without the report's tables: its paragraph count, table count
    /// and the shapes (rows, columns) of its first tables.
    NoReportTables {
        paragraphs: usize,
        tables: usize,
        shapes: Vec<(usize, usize)>,
    },
    /// A report in a layout from before the uniform formats: the one statistics table
    /// 指标名称/计量单位/本年度/累计 (`year` is `None`), or a report of `year` ≤ 2018 without the
    /// uniform table 三.
    OldLayout {
        year: Option<i32>,
    },
    /// A problem of the .doc, HTML or MHT readers, or of a paste.
    Reader(ReaderProblem),
}

/// Why the .doc, HTML or MHT reader (or a paste) could not give a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReaderProblem {
    /// A Word 6.0/95 file (`nFib` below Word 97's).
    Word95,
    /// A Word 97-2003 file whose streams do not hold together.
    DamagedDoc,
    /// A Word 97-2003 file saved with "fast save" (`fComplex`): later edits are appended as
    /// pieces whose properties the reader does not apply, so its tables could be misread.
    FastSavedDoc,
    /// A web page (or pasted selection) without any table.
    HtmlNoTables,
    /// An MHT file without an HTML part.
    MhtNoHtml,
    /// A paste of plain text only (no `text/html`).
    PlainTextPaste,
}

impl Refusal {
    pub fn code(&self) -> RejectionCode {
        match self {
            Refusal::Empty => RejectionCode::Empty,
            Refusal::TooLarge { .. } => RejectionCode::TooLarge,
            Refusal::Encrypted | Refusal::EncryptedLegacyWord => RejectionCode::Encrypted,
            Refusal::LegacyExcel | Refusal::LegacyPowerPoint | Refusal::LegacyWord => {
                RejectionCode::LegacyOffice
            }
            Refusal::Pdf => RejectionCode::Pdf,
            Refusal::Image(_) => RejectionCode::Image,
            Refusal::OtherText(_) => RejectionCode::OtherText,
            Refusal::NotWord(_) => RejectionCode::NotWord,
            Refusal::UnknownFormat => RejectionCode::UnknownFormat,
            Refusal::CorruptZip
            | Refusal::MissingMainPart { .. }
            | Refusal::ZipEncrypted
            | Refusal::ZipMethod
            | Refusal::ZipMultiDisk => RejectionCode::CorruptZip,
            Refusal::TooLargePart { .. }
            | Refusal::TooLargeTotal { .. }
            | Refusal::Ratio { .. }
            | Refusal::InflatesBeyondDeclared { .. } => RejectionCode::TooLargeInflated,
            Refusal::BadXml => RejectionCode::BadXml,
            Refusal::TooManyEntries { .. }
            | Refusal::TooDeep { .. }
            | Refusal::TooWide { .. }
            | Refusal::TooManyRows { .. }
            | Refusal::TooManyParagraphs { .. }
            | Refusal::TooManyTables { .. }
            | Refusal::GridTooLarge => RejectionCode::TooComplex,
            Refusal::NoReportTables { .. } => RejectionCode::NoReportTables,
            Refusal::OldLayout { .. } => RejectionCode::OldLayout,
            Refusal::Reader(p) => match p {
                // The codes the start module gives such files (which cannot read them).
                ReaderProblem::Word95 | ReaderProblem::DamagedDoc | ReaderProblem::FastSavedDoc => {
                    RejectionCode::LegacyOffice
                }
                ReaderProblem::HtmlNoTables
                | ReaderProblem::MhtNoHtml
                | ReaderProblem::PlainTextPaste => RejectionCode::OtherText,
            },
        }
    }
}

/// A file that could not be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub code: RejectionCode,
    /// Chinese, for the person: what the file is and what to do.
    pub message: String,
    /// Why, as data (`None` for rejections made outside the pipeline, e.g. an unreadable path).
    #[serde(skip)]
    pub reason: Option<Refusal>,
}

impl Rejection {
    /// A rejection with its message already written (the command-line tool's own cases).
    pub fn new(code: RejectionCode, message: impl Into<String>) -> Self {
        Rejection {
            code,
            message: message.into(),
            reason: None,
        }
    }
}

/// The rejection of an input of `size` bytes over the input bound `max` (shared by the intake,
/// the command-line tool's pre-read check and the annotated-report writer).
pub fn too_large_input(size: u64, max: u64) -> Rejection {
    Rejection::from(Refusal::TooLarge { size, max })
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（{}）", self.message, self.code.as_str())
    }
}

impl std::error::Error for Rejection {}
