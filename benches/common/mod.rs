//! Inputs shared by the benchmarks: the five seed reports and large reports built from seed 0.
//!
//! * `large_images`: seed 0 plus 20 inline pictures of 1 MiB each (incompressible bytes behind a
//!   PNG signature) stored in `word/media/`, with their relationships and `w:drawing` runs.
//! * `large_text`: seed 0 plus 2,000 extra narrative paragraphs (a long report).
//! * `large`: both at once (~21 MB file, ~1 MB document.xml).
//!
//! The pictures are never inflated by the checker, so `large_images` should take about as long
//! as the seed; `large_text` shows the cost of a long narrative.
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use std::sync::OnceLock;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

pub const SEEDS: [&str; 5] = ["seed_000", "seed_001", "seed_002", "seed_003", "seed_004"];
pub const LARGE: [&str; 3] = ["large_images", "large_text", "large"];
pub const ALL: [&str; 8] = [
    "seed_000",
    "seed_001",
    "seed_002",
    "seed_003",
    "seed_004",
    "large_images",
    "large_text",
    "large",
];

pub const IMAGE_COUNT: usize = 20;
pub const IMAGE_BYTES: usize = 1024 * 1024;
pub const EXTRA_PARAGRAPHS: usize = 2_000;

pub fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples")
}

fn seed_bytes(name: &str) -> Vec<u8> {
    let path = samples_dir().join(format!("{name}.docx"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The bytes of input `name` (built on first use, then cached).
pub fn input(name: &str) -> &'static [u8] {
    static CACHE: [OnceLock<Vec<u8>>; ALL.len()] = [const { OnceLock::new() }; ALL.len()];
    let i = ALL
        .iter()
        .position(|n| *n == name)
        .unwrap_or_else(|| panic!("no input {name}"));
    CACHE[i].get_or_init(|| match name {
        "large_images" => enlarge(&seed_bytes("seed_000"), IMAGE_COUNT, 0),
        "large_text" => enlarge(&seed_bytes("seed_000"), 0, EXTRA_PARAGRAPHS),
        "large" => enlarge(&seed_bytes("seed_000"), IMAGE_COUNT, EXTRA_PARAGRAPHS),
        seed => seed_bytes(seed),
    })
}

/// Inflated size of `word/document.xml` in a package.
pub fn document_xml_len(bytes: &[u8]) -> u64 {
    let mut z = ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let f = z.by_name("word/document.xml").expect("word/document.xml");
    f.size()
}

/// Deterministic incompressible bytes (xorshift64*) behind a PNG signature.
fn noise_png(len: usize, seed: u64) -> Vec<u8> {
    let mut v = Vec::with_capacity(len);
    v.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    while v.len() < len {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
        v.extend_from_slice(&r.to_le_bytes());
    }
    v.truncate(len);
    v
}

const NARRATIVE: &str = "本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，\
围绕中心工作持续深化政务公开，进一步规范依申请公开办理流程，加强政府网站和政务新媒体建设，做好政策解读与回应关切，\
切实保障人民群众的知情权、参与权、表达权和监督权。";

fn narrative_paragraph(i: usize) -> String {
    format!(
        "<w:p><w:pPr><w:ind w:firstLine=\"640\"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:hAnsi=\"仿宋_GB2312\" \
w:eastAsia=\"仿宋_GB2312\" w:cs=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/></w:rPr><w:t xml:space=\"preserve\">（{i}）{NARRATIVE}</w:t></w:r></w:p>"
    )
}

fn picture_paragraph(i: usize) -> String {
    format!(
        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
<wp:extent cx=\"5274310\" cy=\"3076575\"/><wp:docPr id=\"{id}\" name=\"图片 {id}\"/>\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\
<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"image{i}.png\"/>\
<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdBenchImg{i}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"5274310\" cy=\"3076575\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>\
</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
        id = 1000 + i
    )
}

/// Seed bytes with `images` inline pictures and `paragraphs` narrative paragraphs added before
/// the first table (that is, inside section 二, after its heading).
pub fn enlarge(seed: &[u8], images: usize, paragraphs: usize) -> Vec<u8> {
    let mut z = ZipArchive::new(Cursor::new(seed)).expect("seed zip");
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).expect("entry");
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("inflate");
        parts.push((f.name().expect("entry name").to_string(), data));
    }
    let mut extra = String::new();
    for i in 0..images {
        extra.push_str(&picture_paragraph(i));
    }
    for i in 0..paragraphs {
        extra.push_str(&narrative_paragraph(i));
    }
    for (name, data) in parts.iter_mut() {
        match name.as_str() {
            "word/document.xml" => {
                let s = String::from_utf8(std::mem::take(data)).expect("utf-8");
                let at = s
                    .find("<w:tbl>")
                    .or_else(|| s.find("<w:tbl "))
                    .expect("a table");
                *data = format!("{}{}{}", &s[..at], extra, &s[at..]).into_bytes();
            }
            "word/_rels/document.xml.rels" if images > 0 => {
                let s = String::from_utf8(std::mem::take(data)).expect("utf-8");
                let mut rels = String::new();
                for i in 0..images {
                    rels.push_str(&format!(
                        "<Relationship Id=\"rIdBenchImg{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/bench_image{i}.png\"/>"
                    ));
                }
                *data = s
                    .replace("</Relationships>", &format!("{rels}</Relationships>"))
                    .into_bytes();
            }
            "[Content_Types].xml" if images > 0 => {
                let s = String::from_utf8(std::mem::take(data)).expect("utf-8");
                *data = if s.contains("Extension=\"png\"") {
                    s.into_bytes()
                } else {
                    s.replacen(
                        "<Default ",
                        "<Default Extension=\"png\" ContentType=\"image/png\"/><Default ",
                        1,
                    )
                    .into_bytes()
                };
            }
            _ => {}
        }
    }
    for i in 0..images {
        parts.push((
            format!("word/media/bench_image{i}.png"),
            noise_png(IMAGE_BYTES, i as u64 + 1),
        ));
    }
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in &parts {
        // Word deflates every part, pictures included.
        let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        w.start_file(name.as_str(), opts).expect("start_file");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

/// Writes every large input next to the others, for the CLI, browser and python-docx benches.
pub fn write_large_inputs(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).expect("create dir");
    for name in LARGE {
        let path = dir.join(format!("{name}.docx"));
        std::fs::write(&path, input(name))
            .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
}

/// The floor: inflate `word/document.xml` with the zip crate and run quick-xml over it,
/// doing nothing with the events. Returns the event count.
pub fn floor_inflate_tokenise(bytes: &[u8]) -> usize {
    let xml = floor_inflate(bytes);
    floor_tokenise(&xml)
}

pub fn floor_inflate(bytes: &[u8]) -> Vec<u8> {
    floor_inflate_part(bytes, "word/document.xml")
}

pub fn floor_inflate_part(bytes: &[u8], part: &str) -> Vec<u8> {
    let mut z = ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut f = z.by_name(part).expect("part");
    let mut xml = Vec::with_capacity(f.size() as usize);
    f.read_to_end(&mut xml).expect("inflate");
    xml
}

pub fn floor_tokenise(xml: &[u8]) -> usize {
    use quick_xml::events::Event;
    // Valid UTF-8, checked whole as the Word reader does (quick-xml 0.41 reads bytes).
    if simdutf8::basic::from_utf8(xml).is_err() {
        return 0;
    }
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut n = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => n += 1,
        }
    }
    n
}
