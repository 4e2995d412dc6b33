//! Test support: builds real .docx files (zip packages) from XML strings.
#![allow(dead_code)]

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The namespace declarations Word writes on `w:document` (a subset that covers every prefix
/// the fixtures use).
pub const DOC_NAMESPACES: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" "#,
    r#"mc:Ignorable="w14""#
);

/// A package under construction: a list of (part name, bytes, stored-or-deflated).
#[derive(Clone)]
pub struct Docx {
    parts: Vec<(String, Vec<u8>, bool)>,
}

impl Docx {
    /// A minimal valid Word package whose body is `body_xml` (the children of `w:body`).
    pub fn with_body(body_xml: &str) -> Self {
        let mut d = Docx::empty();
        d.add("[Content_Types].xml", CONTENT_TYPES);
        d.add("_rels/.rels", ROOT_RELS);
        d.add("word/_rels/document.xml.rels", DOC_RELS);
        d.add("word/document.xml", document_xml(body_xml));
        d
    }

    /// A package with no parts at all.
    pub fn empty() -> Self {
        Docx { parts: Vec::new() }
    }

    /// Adds or replaces a part (deflated).
    pub fn add(&mut self, name: &str, data: impl AsRef<[u8]>) -> &mut Self {
        self.parts.retain(|(n, _, _)| n != name);
        self.parts
            .push((name.to_string(), data.as_ref().to_vec(), false));
        self
    }

    /// Adds or replaces a part stored without compression.
    pub fn add_stored(&mut self, name: &str, data: impl AsRef<[u8]>) -> &mut Self {
        self.parts.retain(|(n, _, _)| n != name);
        self.parts
            .push((name.to_string(), data.as_ref().to_vec(), true));
        self
    }

    pub fn remove(&mut self, name: &str) -> &mut Self {
        self.parts.retain(|(n, _, _)| n != name);
        self
    }

    pub fn part(&self, name: &str) -> Option<&[u8]> {
        self.parts
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, d, _)| d.as_slice())
    }

    /// Moves the main document part to another name, rewriting `_rels/.rels` (and
    /// `[Content_Types].xml`) to point at it.
    pub fn rename_main(&mut self, new_name: &str) -> &mut Self {
        let data = self.part("word/document.xml").expect("main part").to_vec();
        self.remove("word/document.xml");
        self.add(new_name, data);
        let rels = ROOT_RELS.replace("word/document.xml", new_name);
        self.add("_rels/.rels", rels);
        let ct = CONTENT_TYPES.replace("/word/document.xml", &format!("/{new_name}"));
        self.add("[Content_Types].xml", ct);
        self
    }

    /// The zip bytes.
    pub fn build(&self) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data, stored) in &self.parts {
            let method = if *stored {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            };
            let opts = SimpleFileOptions::default()
                .compression_method(method)
                .large_file(data.len() > u32::MAX as usize / 2);
            w.start_file(name.as_str(), opts).expect("start_file");
            w.write_all(data).expect("write part");
        }
        w.finish().expect("finish zip").into_inner()
    }
}

/// The text of part `name` of a zip package (None when there is no such part).
pub fn read_part(package: &[u8], name: &str) -> Option<String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(package)).expect("a zip package");
    let mut part = zip.by_name(name).ok()?;
    let mut text = String::new();
    part.read_to_string(&mut text).expect("a text part");
    Some(text)
}

/// The package with part `name` replaced by `data` (deflated); every other entry is copied as
/// it was.
pub fn with_part(package: &[u8], name: &str, data: impl AsRef<[u8]>) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(package)).expect("a zip package");
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).expect("entry");
        if entry.name().expect("entry name") == name {
            drop(entry);
            let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
            w.start_file(name, opts).expect("start_file");
            w.write_all(data.as_ref()).expect("write part");
        } else {
            w.raw_copy_file(entry).expect("copy entry");
        }
    }
    w.finish().expect("finish zip").into_inner()
}

/// The `w:p` elements of `word/document.xml`, in order, each as its XML (up to the next one).
pub fn paragraph_xml(docx: &[u8]) -> Vec<String> {
    let xml = read_part(docx, "word/document.xml").expect("document.xml");
    let starts: Vec<usize> = xml
        .match_indices("<w:p")
        .filter(|(i, _)| matches!(xml.as_bytes().get(i + 4), Some(b'>' | b' ' | b'/')))
        .map(|(i, _)| i)
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &a)| xml[a..starts.get(k + 1).copied().unwrap_or(xml.len())].to_string())
        .collect()
}

/// Wraps body content in a `w:document` with the usual namespaces and a section properties tail.
pub fn document_xml(body_xml: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {DOC_NAMESPACES}><w:body>{body_xml}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    )
}

/// Escapes text for use inside XML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A plain paragraph.
pub fn p(text: &str) -> String {
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        esc(text)
    )
}

pub const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

pub const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

pub const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
pub mod real;
pub mod report;

/// A test needs an outside program (LibreOffice, python-docx) that is not installed: fails when
/// `CI=true` (tools/install.sh installs them there), otherwise prints a notice and lets the
/// caller skip.
#[allow(dead_code)]
pub fn tool_missing(what: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{what} is required when CI=true: run tools/install.sh");
    }
    eprintln!("NOTICE: {what} not found; skipping this test (it fails instead when CI=true)");
}

/// The public entry [`nianbao::check`] in the shapes the tests use.
pub mod api {
    use nianbao::{CheckResult, Context, Options, PreviousBytes};

    /// The result of a file's first report (what the page shows for a one-report file).
    pub fn check_bytes_with(bytes: &[u8], options: &Options) -> CheckResult {
        nianbao::check(bytes, options, &Context::default()).remove(0)
    }

    /// Every report of a file, without context.
    pub fn check_document(bytes: &[u8], options: &Options) -> Vec<CheckResult> {
        nianbao::check(bytes, options, &Context::default())
    }

    /// Every report of a file, compared with the previous year's file named by the user.
    pub fn check_with_previous(
        bytes: &[u8],
        previous: &[u8],
        name: Option<&str>,
        options: &Options,
    ) -> Vec<CheckResult> {
        let context = Context {
            previous: Some(PreviousBytes {
                bytes: previous,
                name,
            }),
            same_year: &[],
        };
        nianbao::check(bytes, options, &context)
    }
}
