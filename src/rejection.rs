//! Why a file could not be checked at all: a stable code and a Chinese message that says
//! what the file is and what to do.

use serde::Serialize;
use std::fmt;

/// Stable codes of the rejection catalogue. The string form (`as_str`) is part of the
/// JSON contract and never changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// A file that could not be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    pub code: RejectionCode,
    /// Chinese, for the person: what the file is and what to do.
    pub message: String,
}

impl Rejection {
    pub fn new(code: RejectionCode, message: impl Into<String>) -> Self {
        Rejection {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（{}）", self.message, self.code.as_str())
    }
}

impl std::error::Error for Rejection {}
