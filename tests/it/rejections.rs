//! The package stage's rejection catalogue and bounds, each exercised with a real file built
//! here: OLE compound files written by a small CFB builder, zips written by the `Docx` builder
//! or by a raw zip writer (for bombs and patched headers), and the sample reports mutated.

use crate::support;

use nianbao::inspect::intake::{self, Package};
use nianbao::{check_bytes, Options, Status};
use nianbao::{Limits, Rejection, RejectionCode};
use std::time::{Duration, Instant};
use support::api::check_bytes_with;
use support::{p, Docx, CONTENT_TYPES, ROOT_RELS};

/// Not a speed target (figures are in BENCHMARKS.md): a guard that tells a refusal from the work
/// a bomb asks for. Inflating 1.2 GB in a debug build takes far longer than this, even on a
/// loaded machine; refusing it takes milliseconds.
const HANG_GUARD: Duration = Duration::from_secs(5);

const MIB: u64 = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// With `NIANBAO_FUZZ_SEEDS=<dir>`, every file a test builds is also written there, as seed
/// corpus for the fuzz targets (see fuzz/seed-corpus.sh).
fn dump_seed(bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("NIANBAO_FUZZ_SEEDS") {
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        let path =
            std::path::Path::new(&dir).join(format!("built-{:08x}-{}", crc.sum(), bytes.len()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(path, bytes);
    }
}

fn reject_with(bytes: &[u8], limits: &Limits, code: RejectionCode) -> Rejection {
    dump_seed(bytes);
    match intake::open(bytes, limits) {
        Ok(p) => panic!(
            "expected {:?}, got a package with main part {}",
            code, p.main_part_name
        ),
        Err(r) => {
            assert_eq!(r.code, code, "wrong code; message: {}", r.message);
            assert!(
                !r.message.is_empty() && has_cjk(&r.message),
                "message must be Chinese: {}",
                r.message
            );
            // The whole pipeline reports the same rejection.
            let res = check_bytes_with(
                bytes,
                &Options {
                    limits: limits.clone(),
                    with_tables: false,
                    ..Options::default()
                },
            );
            assert_eq!(res.status, Status::Rejected);
            assert_eq!(res.rejection.as_ref().map(|r| r.code), Some(code));
            r
        }
    }
}

fn reject(bytes: &[u8], code: RejectionCode) -> Rejection {
    reject_with(bytes, &Limits::default(), code)
}

fn open_ok(bytes: &[u8]) -> Package {
    dump_seed(bytes);
    match intake::open(bytes, &Limits::default()) {
        Ok(p) => p,
        Err(r) => panic!("expected a package, got {r}"),
    }
}

fn samples() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/samples");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("samples dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read(&p).expect("read sample"),
            )
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no sample .docx found");
    out
}

fn seed() -> Vec<u8> {
    samples().remove(0).1
}

// --- A minimal compound file (CFB v3, 512-byte sectors) builder ------------------------------

const FREESECT: u32 = 0xFFFF_FFFF;
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FATSECT: u32 = 0xFFFF_FFFD;

/// A directory entry: name, object type (1 storage, 2 stream), stream data (kept in regular
/// sectors; give ≥ 4096 bytes or leave empty).
struct CfbEntry<'a> {
    name: &'a str,
    kind: u8,
    data: Vec<u8>,
}

fn stream(name: &str) -> CfbEntry<'_> {
    CfbEntry {
        name,
        kind: 2,
        data: Vec::new(),
    }
}

fn storage(name: &str) -> CfbEntry<'_> {
    CfbEntry {
        name,
        kind: 1,
        data: Vec::new(),
    }
}

fn dir_entry(name: &str, kind: u8, start: u32, size: u32, child: u32, right: u32) -> [u8; 128] {
    let mut e = [0u8; 128];
    let units: Vec<u16> = name.encode_utf16().collect();
    assert!(units.len() < 32);
    for (i, u) in units.iter().enumerate() {
        e[i * 2..i * 2 + 2].copy_from_slice(&u.to_le_bytes());
    }
    e[64..66].copy_from_slice(&(((units.len() + 1) * 2) as u16).to_le_bytes());
    e[66] = kind;
    e[67] = 1; // black
    e[68..72].copy_from_slice(&FREESECT.to_le_bytes()); // left sibling
    e[72..76].copy_from_slice(&right.to_le_bytes());
    e[76..80].copy_from_slice(&child.to_le_bytes());
    e[116..120].copy_from_slice(&start.to_le_bytes());
    e[120..124].copy_from_slice(&size.to_le_bytes());
    e
}

/// Builds a compound file: header, one FAT sector, directory sectors, stream sectors.
fn cfb(entries: &[CfbEntry]) -> Vec<u8> {
    let n_dir = entries.len() + 1; // + Root Entry
    let dir_sectors = n_dir.div_ceil(4);
    let data_sectors: Vec<usize> = entries.iter().map(|e| e.data.len().div_ceil(512)).collect();
    let total_sectors = 1 + dir_sectors + data_sectors.iter().sum::<usize>();
    assert!(total_sectors <= 128, "one FAT sector only");

    let mut fat = vec![FREESECT; 128];
    fat[0] = FATSECT;
    for i in 0..dir_sectors {
        fat[1 + i] = if i + 1 == dir_sectors {
            ENDOFCHAIN
        } else {
            (2 + i) as u32
        };
    }
    let mut next = 1 + dir_sectors;
    let mut starts = Vec::new();
    for &n in &data_sectors {
        if n == 0 {
            starts.push(ENDOFCHAIN);
            continue;
        }
        starts.push(next as u32);
        for k in 0..n {
            fat[next + k] = if k + 1 == n {
                ENDOFCHAIN
            } else {
                (next + k + 1) as u32
            };
        }
        next += n;
    }

    let mut out = vec![0u8; 512];
    out[0..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    out[24..26].copy_from_slice(&0x003Eu16.to_le_bytes()); // minor version
    out[26..28].copy_from_slice(&3u16.to_le_bytes()); // major version 3
    out[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes()); // byte order
    out[30..32].copy_from_slice(&9u16.to_le_bytes()); // sector shift
    out[32..34].copy_from_slice(&6u16.to_le_bytes()); // mini sector shift
    out[44..48].copy_from_slice(&1u32.to_le_bytes()); // FAT sectors
    out[48..52].copy_from_slice(&1u32.to_le_bytes()); // first directory sector
    out[56..60].copy_from_slice(&4096u32.to_le_bytes()); // mini stream cutoff
    out[60..64].copy_from_slice(&ENDOFCHAIN.to_le_bytes()); // first mini FAT sector
    out[68..72].copy_from_slice(&ENDOFCHAIN.to_le_bytes()); // first DIFAT sector
    for i in 0..109 {
        let v = if i == 0 { 0 } else { FREESECT };
        out[76 + i * 4..80 + i * 4].copy_from_slice(&v.to_le_bytes());
    }
    // FAT sector.
    for v in &fat {
        out.extend_from_slice(&v.to_le_bytes());
    }
    // Directory: root's child is entry 1, entries chained through right siblings.
    let mut dir = Vec::new();
    dir.extend_from_slice(&dir_entry(
        "Root Entry",
        5,
        ENDOFCHAIN,
        0,
        if entries.is_empty() { FREESECT } else { 1 },
        FREESECT,
    ));
    for (i, e) in entries.iter().enumerate() {
        let right = if i + 1 < entries.len() {
            (i + 2) as u32
        } else {
            FREESECT
        };
        dir.extend_from_slice(&dir_entry(
            e.name,
            e.kind,
            starts[i],
            e.data.len() as u32,
            FREESECT,
            right,
        ));
    }
    dir.resize(dir_sectors * 512, 0);
    out.extend_from_slice(&dir);
    for e in entries {
        let mut d = e.data.clone();
        d.resize(e.data.len().div_ceil(512) * 512, 0);
        out.extend_from_slice(&d);
    }
    assert_eq!(out.len(), 512 * (1 + total_sectors));
    out
}

// --- A raw zip writer (for bombs and hand-patched headers) -----------------------------------

struct RawEntry {
    name: String,
    /// 0 stored, 8 deflated.
    method: u16,
    flags: u16,
    data: Vec<u8>,
    crc: u32,
    /// Declared uncompressed size.
    size: u32,
}

impl RawEntry {
    fn stored(name: &str, data: &[u8]) -> RawEntry {
        let mut crc = flate2::Crc::new();
        crc.update(data);
        RawEntry {
            name: name.into(),
            method: 0,
            flags: 0,
            data: data.to_vec(),
            crc: crc.sum(),
            size: data.len() as u32,
        }
    }
}

fn raw_zip(entries: &[RawEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let name = e.name.as_bytes();
        // Local file header.
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&e.flags.to_le_bytes());
        out.extend_from_slice(&e.method.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0x21, 0]); // time, date
        out.extend_from_slice(&e.crc.to_le_bytes());
        out.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
        out.extend_from_slice(&e.size.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name);
        out.extend_from_slice(&e.data);
        // Central directory header.
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&e.flags.to_le_bytes());
        central.extend_from_slice(&e.method.to_le_bytes());
        central.extend_from_slice(&[0, 0, 0x21, 0]);
        central.extend_from_slice(&e.crc.to_le_bytes());
        central.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
        central.extend_from_slice(&e.size.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 12]); // extra, comment, disk, internal attrs, external attrs (part)
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A raw deflate stream that inflates to `mib` MiB of zeros, built without ever holding the
/// zeros: one MiB of zeros is compressed once with a sync flush (which ends byte-aligned), the
/// block is repeated (its back-references only ever see zeros), and an empty final block ends
/// the stream. Returns the stream and the CRC-32 of the inflated data.
fn zero_bomb(mib: u32) -> (Vec<u8>, u32) {
    let zeros = vec![0u8; MIB as usize];
    let mut c = flate2::Compress::new(flate2::Compression::best(), false);
    let mut block = Vec::with_capacity(64 * 1024);
    let mut consumed = 0usize;
    while consumed < zeros.len() {
        let before = c.total_in() as usize;
        c.compress_vec(&zeros[consumed..], &mut block, flate2::FlushCompress::None)
            .expect("compress");
        consumed += c.total_in() as usize - before;
        if block.capacity() - block.len() < 1024 {
            block.reserve(64 * 1024);
        }
    }
    loop {
        let before = block.len();
        c.compress_vec(&[], &mut block, flate2::FlushCompress::Sync)
            .expect("flush");
        if block.len() == before || block.ends_with(&[0, 0, 0xFF, 0xFF]) {
            break;
        }
        block.reserve(64 * 1024);
    }
    let mut stream = Vec::with_capacity(block.len() * mib as usize + 2);
    for _ in 0..mib {
        stream.extend_from_slice(&block);
    }
    stream.extend_from_slice(&[0x03, 0x00]); // empty final block (fixed Huffman)
    let mut one = flate2::Crc::new();
    one.update(&zeros);
    let mut crc = flate2::Crc::new();
    for _ in 0..mib {
        crc.combine(&one);
    }
    (stream, crc.sum())
}

/// A Word-shaped package whose main part is `main` (stored parts around it).
fn word_package(main: RawEntry, extra: Vec<RawEntry>) -> Vec<u8> {
    let mut entries = vec![
        RawEntry::stored("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        RawEntry::stored("_rels/.rels", ROOT_RELS.as_bytes()),
        RawEntry::stored("word/_rels/document.xml.rels", support::DOC_RELS.as_bytes()),
    ];
    entries.push(main);
    entries.extend(extra);
    raw_zip(&entries)
}

/// Offsets of the central directory header and local header of entry `name`.
fn find_entry(zip: &[u8], name: &str) -> (usize, usize) {
    let mut i = 0;
    while i + 46 <= zip.len() {
        if &zip[i..i + 4] == b"PK\x01\x02" {
            let n = u16::from_le_bytes([zip[i + 28], zip[i + 29]]) as usize;
            if zip.get(i + 46..i + 46 + n) == Some(name.as_bytes()) {
                let local = u32::from_le_bytes([zip[i + 42], zip[i + 43], zip[i + 44], zip[i + 45]])
                    as usize;
                return (i, local);
            }
        }
        i += 1;
    }
    panic!("entry {name} not found");
}

/// Sets the declared uncompressed size of `name` in both headers.
fn patch_declared_size(zip: &mut [u8], name: &str, size: u32) {
    let (c, l) = find_entry(zip, name);
    zip[c + 24..c + 28].copy_from_slice(&size.to_le_bytes());
    zip[l + 22..l + 26].copy_from_slice(&size.to_le_bytes());
}

fn docx_with_text(text: &str) -> Docx {
    Docx::with_body(&p(text))
}

/// A document whose paragraph names a paragraph style, so that its styles part is read.
fn docx_with_styled_text(text: &str) -> Docx {
    Docx::with_body(&format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    ))
}

// ---------------------------------------------------------------------------------------------
// Sniffing
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_file() {
    reject(b"", RejectionCode::Empty);
}

#[test]
fn too_large_names_the_limit() {
    let limits = Limits {
        max_input_bytes: MIB,
        ..Limits::default()
    };
    let mut bytes = seed();
    bytes.resize(MIB as usize + 1, 0);
    let r = reject_with(&bytes, &limits, RejectionCode::TooLarge);
    assert!(r.message.contains("1 MB"), "{}", r.message);
    // Exactly at the limit is not too large (it is then read as a zip).
    bytes.truncate(MIB as usize);
    assert_ne!(
        intake::open(&bytes, &limits).err().map(|r| r.code),
        Some(RejectionCode::TooLarge)
    );
}

#[test]
fn legacy_doc() {
    let f = cfb(&[
        stream("WordDocument"),
        stream("1Table"),
        stream("\u{5}SummaryInformation"),
    ]);
    let r = reject(&f, RejectionCode::LegacyOffice);
    assert!(
        r.message.contains(".doc") && r.message.contains("另存为 .docx"),
        "{}",
        r.message
    );
}

#[test]
fn legacy_wps() {
    // A Kingsoft .wps is also a compound file; whatever its streams, it is legacy.
    let f = cfb(&[
        stream("WpsCustomData"),
        storage("ObjectPool"),
        stream("\u{5}DocumentSummaryInformation"),
    ]);
    let r = reject(&f, RejectionCode::LegacyOffice);
    assert!(r.message.contains(".wps"), "{}", r.message);
}

#[test]
fn legacy_xls() {
    let f = cfb(&[stream("Workbook"), stream("\u{5}SummaryInformation")]);
    let r = reject(&f, RejectionCode::LegacyOffice);
    assert!(r.message.contains("Excel"), "{}", r.message);
}

#[test]
fn encrypted_ooxml() {
    let f = cfb(&[
        storage("\u{6}DataSpaces"),
        stream("EncryptionInfo"),
        stream("EncryptedPackage"),
    ]);
    let r = reject(&f, RejectionCode::Encrypted);
    assert!(r.message.contains("密码"), "{}", r.message);
}

#[test]
fn encrypted_ooxml_with_many_directory_sectors() {
    // EncryptedPackage in the third directory sector: the directory chain is followed.
    let mut entries: Vec<CfbEntry> = (0..9).map(|_| stream("Filler")).collect();
    entries.push(stream("EncryptedPackage"));
    let f = cfb(&entries);
    reject(&f, RejectionCode::Encrypted);
}

#[test]
fn encrypted_ooxml_with_broken_header_falls_back_to_a_scan() {
    let mut f = cfb(&[stream("EncryptionInfo"), stream("EncryptedPackage")]);
    f[30] = 0; // impossible sector shift
    reject(&f, RejectionCode::Encrypted);
}

#[test]
fn encrypted_legacy_doc() {
    let mut fib = vec![0u8; 4096];
    fib[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    fib[10..12].copy_from_slice(&0x0100u16.to_le_bytes()); // fEncrypted
    let f = cfb(&[
        CfbEntry {
            name: "WordDocument",
            kind: 2,
            data: fib.clone(),
        },
        stream("1Table"),
    ]);
    let r = reject(&f, RejectionCode::Encrypted);
    assert!(r.message.contains("密码"), "{}", r.message);
    fib[11] = 0;
    let f = cfb(&[
        CfbEntry {
            name: "WordDocument",
            kind: 2,
            data: fib,
        },
        stream("1Table"),
    ]);
    reject(&f, RejectionCode::LegacyOffice);
}

#[test]
fn truncated_ole_header() {
    let f = cfb(&[stream("WordDocument")]);
    for cut in [8, 100, 511, 600] {
        reject(&f[..cut], RejectionCode::LegacyOffice);
    }
}

#[test]
fn pdf() {
    let r = reject(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        RejectionCode::Pdf,
    );
    assert!(
        r.message.contains("PDF") && r.message.contains(".docx"),
        "{}",
        r.message
    );
}

#[test]
fn png() {
    let r = reject(
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0",
        RejectionCode::Image,
    );
    assert!(r.message.contains("PNG"), "{}", r.message);
}

#[test]
fn jpeg() {
    let r = reject(
        b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0",
        RejectionCode::Image,
    );
    assert!(r.message.contains("JPEG"), "{}", r.message);
}

#[test]
fn other_pictures() {
    reject(b"GIF89a\x01\0\x01\0\x80\0\0", RejectionCode::Image);
    reject(b"II*\0\x08\0\0\0", RejectionCode::Image);
    reject(b"RIFF\x24\0\0\0WEBPVP8 ", RejectionCode::Image);
    let mut bmp = b"BM".to_vec();
    bmp.extend_from_slice(&[0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0]);
    bmp.resize(70, 0);
    reject(&bmp, RejectionCode::Image);
}

#[test]
fn rtf() {
    let r = reject(
        b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}\\par }",
        RejectionCode::OtherText,
    );
    assert!(
        r.message.contains("RTF") && r.message.contains("另存为 .docx"),
        "{}",
        r.message
    );
    // With a BOM and leading whitespace.
    reject(b"\xEF\xBB\xBF \r\n{\\rtf1 x}", RejectionCode::OtherText);
}

#[test]
fn html() {
    let r = reject(
        "\u{feff}  <!DOCTYPE html><html><head><title>报告</title></head><body><table></table></body></html>".as_bytes(),
        RejectionCode::OtherText,
    );
    assert!(r.message.contains("网页"), "{}", r.message);
    reject(
        b"<HTML xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body></body></HTML>",
        RejectionCode::OtherText,
    );
    // UTF-16 with BOM, as Word saves "filtered web page" in some locales.
    let mut u16 = vec![0xFF, 0xFE];
    u16.extend(
        "<html><body>x</body></html>"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    reject(&u16, RejectionCode::OtherText);
}

#[test]
fn mht() {
    let r = reject(
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01D\"\r\n\r\n",
        RejectionCode::OtherText,
    );
    assert!(r.message.contains(".mht"), "{}", r.message);
}

#[test]
fn word_xml_and_plain_text() {
    let r = reject(
        b"<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument></w:wordDocument>",
        RejectionCode::OtherText,
    );
    assert!(r.message.contains("XML"), "{}", r.message);
    let r = reject(
        "2021年政府信息公开工作年度报告\n一、总体情况\n".as_bytes(),
        RejectionCode::OtherText,
    );
    assert!(r.message.contains("纯文本"), "{}", r.message);
}

#[test]
fn unknown_binary() {
    let r = reject(
        &[0x00, 0x01, 0x02, 0x03, 0xFE, 0x80, 0x00, 0x7F, 0x10],
        RejectionCode::UnknownFormat,
    );
    assert!(r.message.contains(".docx"), "{}", r.message);
    reject(b"MZ\x90\0\x03\0\0\0", RejectionCode::UnknownFormat);
}

#[test]
fn other_archives() {
    let r = reject(b"Rar!\x1a\x07\x01\0abcdef", RejectionCode::NotWord);
    assert!(r.message.contains("解压"), "{}", r.message);
    reject(
        &[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4],
        RejectionCode::NotWord,
    );
}

// ---------------------------------------------------------------------------------------------
// Zip structure
// ---------------------------------------------------------------------------------------------

#[test]
fn truncated_docx() {
    for (name, s) in samples() {
        let r = intake::open(&s[..s.len() / 2], &Limits::default()).err();
        assert_eq!(
            r.as_ref().map(|r| r.code),
            Some(RejectionCode::CorruptZip),
            "{name}"
        );
    }
    let s = seed();
    let r = reject(&s[..s.len() / 2], RejectionCode::CorruptZip);
    assert!(r.message.contains("重新下载"), "{}", r.message);
}

#[test]
fn corrupt_central_directory() {
    let mut s = seed();
    let (c, _) = find_entry(&s, "word/document.xml");
    // Overwrite the main part's central header (signature and fields) with garbage.
    for b in &mut s[c..c + 46] {
        *b = 0xA5;
    }
    reject(&s, RejectionCode::CorruptZip);
}

#[test]
fn corrupt_compressed_data() {
    let mut s = seed();
    let (_, l) = find_entry(&s, "word/document.xml");
    let data = l + 30 + "word/document.xml".len();
    for b in &mut s[data + 100..data + 400] {
        *b ^= 0x5A;
    }
    reject(&s, RejectionCode::CorruptZip);
}

#[test]
fn empty_zip_archive() {
    let mut z = b"PK\x05\x06".to_vec();
    z.resize(22, 0);
    let r = reject(&z, RejectionCode::NotWord);
    assert!(r.message.contains("压缩包"), "{}", r.message);
}

#[test]
fn xlsx_package() {
    let mut d = Docx::empty();
    d.add(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
    );
    d.add(
        "_rels/.rels",
        ROOT_RELS.replace("word/document.xml", "xl/workbook.xml"),
    );
    d.add("xl/workbook.xml", "<workbook/>");
    d.add("xl/worksheets/sheet1.xml", "<worksheet/>");
    let r = reject(&d.build(), RejectionCode::NotWord);
    assert!(r.message.contains("Excel 工作簿"), "{}", r.message);
    // Without any relationships, the folder names still tell.
    d.remove("_rels/.rels").remove("[Content_Types].xml");
    let r = reject(&d.build(), RejectionCode::NotWord);
    assert!(r.message.contains("Excel 工作簿"), "{}", r.message);
}

#[test]
fn pptx_package() {
    let mut d = Docx::empty();
    d.add("[Content_Types].xml", CONTENT_TYPES);
    d.add(
        "_rels/.rels",
        ROOT_RELS.replace("word/document.xml", "ppt/presentation.xml"),
    );
    d.add("ppt/presentation.xml", "<presentation/>");
    let r = reject(&d.build(), RejectionCode::NotWord);
    assert!(r.message.contains("PowerPoint 演示文稿"), "{}", r.message);
}

#[test]
fn odt_package() {
    let mut d = Docx::empty();
    d.add_stored("mimetype", "application/vnd.oasis.opendocument.text");
    d.add("content.xml", "<office:document-content/>");
    d.add("META-INF/manifest.xml", "<manifest:manifest/>");
    let r = reject(&d.build(), RejectionCode::NotWord);
    assert!(
        r.message.contains("OpenDocument")
            && r.message.contains(".odt")
            && r.message.contains("另存为 .docx"),
        "{}",
        r.message
    );
}

#[test]
fn plain_zip() {
    let mut d = Docx::empty();
    d.add("readme.txt", "hello");
    d.add("data/list.txt", "a\nb\n");
    let r = reject(&d.build(), RejectionCode::NotWord);
    assert!(
        r.message.contains("普通压缩包") && r.message.contains("解压"),
        "{}",
        r.message
    );
    // A zip of reports says how many .docx it holds.
    let inner = docx_with_text("x").build();
    let mut z = Docx::empty();
    z.add_stored("2021年报告/甲局.docx", &inner);
    z.add_stored("2021年报告/乙局.docx", &inner);
    let r = reject(&z.build(), RejectionCode::NotWord);
    assert!(r.message.contains("2 个 .docx"), "{}", r.message);
}

#[test]
fn ofd_package() {
    let mut d = Docx::empty();
    d.add("OFD.xml", "<ofd:OFD/>");
    d.add("Doc_0/Document.xml", "<ofd:Document/>");
    let r = reject(&d.build(), RejectionCode::NotWord);
    assert!(r.message.contains("OFD"), "{}", r.message);
}

#[test]
fn missing_main_part() {
    let mut d = docx_with_text("x");
    d.remove("word/document.xml");
    let r = reject(&d.build(), RejectionCode::CorruptZip);
    assert!(r.message.contains("word/document.xml"), "{}", r.message);
}

#[test]
fn too_many_entries() {
    let entries: Vec<RawEntry> = (0..30_000)
        .map(|i| RawEntry::stored(&format!("f{i:05}.txt"), b""))
        .collect();
    let z = raw_zip(&entries);
    let t = Instant::now();
    let r = reject(&z, RejectionCode::TooComplex);
    assert!(t.elapsed() < HANG_GUARD, "took {:?}", t.elapsed());
    assert!(
        r.message.contains("30000") && r.message.contains("20000"),
        "{}",
        r.message
    );
    // A lower limit applies to an ordinary document too.
    let limits = Limits {
        max_zip_entries: 3,
        ..Limits::default()
    };
    let r = reject_with(
        &docx_with_text("x").build(),
        &limits,
        RejectionCode::TooComplex,
    );
    assert!(r.message.contains("上限 3"), "{}", r.message);
}

#[test]
fn encrypted_zip_entry() {
    let mut z = docx_with_text("x").build();
    let (c, l) = find_entry(&z, "word/document.xml");
    z[c + 8] |= 1;
    z[l + 6] |= 1;
    let r = reject(&z, RejectionCode::CorruptZip);
    assert!(r.message.contains("密码"), "{}", r.message);
}

#[test]
fn unsupported_compression_method() {
    let mut z = docx_with_text("x").build();
    let (c, l) = find_entry(&z, "word/document.xml");
    z[c + 10..c + 12].copy_from_slice(&12u16.to_le_bytes()); // bzip2
    z[l + 8..l + 10].copy_from_slice(&12u16.to_le_bytes());
    let r = reject(&z, RejectionCode::CorruptZip);
    assert!(r.message.contains("压缩方式"), "{}", r.message);
}

// ---------------------------------------------------------------------------------------------
// Inflation bounds
// ---------------------------------------------------------------------------------------------

#[test]
fn zip_bomb_1200_mib_is_refused_fast() {
    let t = Instant::now();
    let (stream, crc) = zero_bomb(1200);
    let build = t.elapsed();
    assert!(
        stream.len() < 2 * MIB as usize,
        "bomb stream is {} bytes",
        stream.len()
    );
    let size = 1200 * MIB as u32;
    let main = RawEntry {
        name: "word/document.xml".into(),
        method: 8,
        flags: 0,
        data: stream,
        crc,
        size,
    };
    let z = word_package(main, vec![]);
    eprintln!(
        "bomb: {} bytes of zip inflating to 1200 MiB, built in {build:?}",
        z.len()
    );

    let t = Instant::now();
    let r = reject(&z, RejectionCode::TooLargeInflated);
    assert!(t.elapsed() < HANG_GUARD, "took {:?}", t.elapsed());
    assert!(r.message.contains("64 MB"), "{}", r.message);
}

#[test]
fn bomb_stream_really_inflates_to_its_declared_size() {
    // Check the bomb construction itself on a small instance: 3 MiB of zeros, valid CRC.
    let (stream, crc) = zero_bomb(3);
    let main = RawEntry {
        name: "word/document.xml".into(),
        method: 8,
        flags: 0,
        data: stream,
        crc,
        size: 3 * MIB as u32,
    };
    let z = word_package(main, vec![]);
    let pkg = open_ok(&z);
    assert_eq!(pkg.main_xml.len(), 3 * MIB as usize);
    assert!(pkg.main_xml.iter().all(|&b| b == 0));
}

#[test]
fn declared_size_over_part_limit() {
    // A ~40 KB sample whose main part declares 1.5 GB: refused from the headers alone.
    let mut s = seed();
    patch_declared_size(&mut s, "word/document.xml", 1_500_000_000);
    let t = Instant::now();
    let r = reject(&s, RejectionCode::TooLargeInflated);
    assert!(t.elapsed() < HANG_GUARD, "took {:?}", t.elapsed());
    assert!(r.message.contains("64 MB"), "{}", r.message);
    // The same with a lowered part limit.
    let limits = Limits {
        max_part_bytes: 50 * 1024,
        ..Limits::default()
    };
    let r = reject_with(&seed(), &limits, RejectionCode::TooLargeInflated);
    assert!(r.message.contains("0.05 MB"), "{}", r.message);
}

#[test]
fn declared_ratio_over_limit() {
    // 8 MiB of zeros: above the 4 MiB ratio floor, ratio about 1000:1.
    let (stream, crc) = zero_bomb(8);
    let main = RawEntry {
        name: "word/document.xml".into(),
        method: 8,
        flags: 0,
        data: stream,
        crc,
        size: 8 * MIB as u32,
    };
    let z = word_package(main, vec![]);
    let r = reject(&z, RejectionCode::TooLargeInflated);
    assert!(r.message.contains("200:1"), "{}", r.message);
    // Below the floor, the same ratio is accepted.
    let limits = Limits {
        ratio_floor_bytes: 16 * MIB,
        ..Limits::default()
    };
    assert_eq!(
        intake::open(&z, &limits).map(|p| p.main_xml.len()).ok(),
        Some(8 * MIB as usize)
    );
}

#[test]
fn declared_size_lies_small() {
    // 1200 MiB of zeros declared as 1000 bytes: inflation stops right past the declared size.
    let (stream, crc) = zero_bomb(1200);
    let main = RawEntry {
        name: "word/document.xml".into(),
        method: 8,
        flags: 0,
        data: stream,
        crc,
        size: 1000,
    };
    let z = word_package(main, vec![]);
    let t = Instant::now();
    let r = reject(&z, RejectionCode::TooLargeInflated);
    assert!(t.elapsed() < HANG_GUARD, "took {:?}", t.elapsed());
    assert!(r.message.contains("1000"), "{}", r.message);
}

#[test]
fn declared_size_lies_within_limits_actual_bytes_are_bounded() {
    // Declared 3 MiB (under the ratio floor and the part limit), inflates to 1200 MiB: the
    // actual inflated bytes are bounded by max_part_bytes through Read::take.
    let (stream, crc) = zero_bomb(1200);
    let main = RawEntry {
        name: "word/document.xml".into(),
        method: 8,
        flags: 0,
        data: stream,
        crc,
        size: 3 * MIB as u32,
    };
    let z = word_package(main, vec![]);
    let limits = Limits {
        max_part_bytes: 2 * MIB,
        ..Limits::default()
    };
    let t = Instant::now();
    // Declared 3 MiB > 2 MiB part limit: refused from the header.
    reject_with(&z, &limits, RejectionCode::TooLargeInflated);
    // Declared 1 MiB: passes the header checks; the real bytes hit the 2 MiB bound.
    let mut z2 = z.clone();
    patch_declared_size(&mut z2, "word/document.xml", MIB as u32);
    let r = reject_with(&z2, &limits, RejectionCode::TooLargeInflated);
    assert!(t.elapsed() < HANG_GUARD, "took {:?}", t.elapsed());
    assert!(
        r.message.contains("MB") || r.message.contains("字节"),
        "{}",
        r.message
    );
}

#[test]
fn total_inflated_budget() {
    // Main 3 MiB + styles 3 MiB with a 5 MiB total: the styles part exceeds the budget.
    // The main part names a paragraph style, so the styles part is read too.
    let mut body = br#"<w:pStyle w:val="a"/>"#.to_vec();
    body.resize(3 * MIB as usize, b' ');
    let main = RawEntry::stored("word/document.xml", &body);
    let (s1, c1) = zero_bomb(3);
    let styles = RawEntry {
        name: "word/styles.xml".into(),
        method: 8,
        flags: 0,
        data: s1,
        crc: c1,
        size: 3 * MIB as u32,
    };
    let z = word_package(main, vec![styles]);
    let limits = Limits {
        max_total_inflated: 5 * MIB,
        ..Limits::default()
    };
    let r = reject_with(&z, &limits, RejectionCode::TooLargeInflated);
    assert!(r.message.contains("5 MB"), "{}", r.message);
    // With the default budget both parts are read.
    let pkg = open_ok(&z);
    assert_eq!(pkg.styles_xml.map(|s| s.len()), Some(3 * MIB as usize));
}

#[test]
fn images_are_never_inflated() {
    // A 1200 MiB "image" next to a normal document: not read, so the document opens.
    let (stream, crc) = zero_bomb(1200);
    let img = RawEntry {
        name: "word/media/image1.png".into(),
        method: 8,
        flags: 0,
        data: stream,
        crc,
        size: 1200 * MIB as u32,
    };
    let doc = support::document_xml(&p("正文"));
    let main = RawEntry::stored("word/document.xml", doc.as_bytes());
    let z = word_package(main, vec![img]);
    let t = Instant::now();
    let pkg = open_ok(&z);
    assert!(t.elapsed() < HANG_GUARD, "took {:?}", t.elapsed());
    assert_eq!(pkg.main_xml, doc.as_bytes());
}

// ---------------------------------------------------------------------------------------------
// Packages that open
// ---------------------------------------------------------------------------------------------

#[test]
fn samples_open() {
    for (name, s) in samples() {
        let pkg = intake::open(&s, &Limits::default()).unwrap_or_else(|r| panic!("{name}: {r}"));
        assert_eq!(pkg.main_part_name, "word/document.xml");
        assert!(pkg.main_xml.starts_with(b"<?xml"), "{name}");
        // The samples' bodies name no paragraph style: their styles part is not needed.
        assert!(!pkg.main_xml.windows(6).any(|w| w == b"pStyle"), "{name}");
        assert!(pkg.styles_xml.is_none(), "{name}: styles not read");
    }
}

#[test]
fn styles_are_read_when_the_body_names_a_paragraph_style() {
    let mut d = docx_with_styled_text("标题");
    d.add("word/styles.xml", "<w:styles><!-- styles --></w:styles>");
    let pkg = open_ok(&d.build());
    assert_eq!(
        pkg.styles_xml.as_deref(),
        Some(&b"<w:styles><!-- styles --></w:styles>"[..])
    );
    // The same package whose body names no style: the styles part is left alone.
    let mut plain = d.clone();
    plain.add("word/document.xml", support::document_xml(&p("正文")));
    assert!(open_ok(&plain.build()).styles_xml.is_none());
}

#[test]
fn main_part_elsewhere() {
    let mut d = docx_with_styled_text("正文在别处");
    d.rename_main("content/main.xml");
    let pkg = open_ok(&d.build());
    assert_eq!(pkg.main_part_name, "content/main.xml");
    assert!(String::from_utf8_lossy(&pkg.main_xml).contains("正文在别处"));
    assert!(pkg.styles_xml.is_none());
    // Its styles are found through its own relationships part.
    d.add("content/_rels/main.xml.rels", support::DOC_RELS);
    d.add("content/styles.xml", "<w:styles/>");
    let pkg = open_ok(&d.build());
    assert_eq!(pkg.styles_xml.as_deref(), Some(&b"<w:styles/>"[..]));
}

#[test]
fn absolute_and_dotted_targets() {
    for target in [
        "/word/document.xml",
        "./word/document.xml",
        "Word/Document.xml",
    ] {
        let mut d = docx_with_text("x");
        d.add(
            "_rels/.rels",
            ROOT_RELS.replace("\"word/document.xml\"", &format!("\"{target}\"")),
        );
        let pkg = open_ok(&d.build());
        assert_eq!(
            pkg.main_xml,
            d.part("word/document.xml").expect("main"),
            "{target}"
        );
    }
}

#[test]
fn strict_ooxml() {
    let mut d = docx_with_styled_text("严格格式");
    let strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
    d.add(
        "_rels/.rels",
        ROOT_RELS.replace(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
            strict,
        ),
    );
    d.add(
        "word/_rels/document.xml.rels",
        support::DOC_RELS.replace(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
            strict,
        ),
    );
    d.add("word/styles.xml", "<w:styles/>");
    let pkg = open_ok(&d.build());
    assert_eq!(pkg.main_part_name, "word/document.xml");
    assert!(pkg.styles_xml.is_some());
}

#[test]
fn missing_styles_still_opens() {
    let d = docx_with_text("没有样式");
    assert!(d.part("word/styles.xml").is_none());
    let pkg = open_ok(&d.build());
    assert!(pkg.styles_xml.is_none());
    // Missing document rels altogether, too.
    let mut d = d.clone();
    d.remove("word/_rels/document.xml.rels");
    assert!(open_ok(&d.build()).styles_xml.is_none());
}

#[test]
fn missing_root_rels_falls_back_to_content_types() {
    let mut d = docx_with_text("x");
    d.remove("_rels/.rels");
    assert_eq!(open_ok(&d.build()).main_part_name, "word/document.xml");
}

#[test]
fn stored_parts_open() {
    let mut d = Docx::with_body(&p("x"));
    let main = d.part("word/document.xml").expect("main").to_vec();
    d.add_stored("word/document.xml", &main);
    assert_eq!(open_ok(&d.build()).main_xml, main);
}

#[test]
fn pipeline_reports_rejections() {
    for (bytes, code) in [
        (Vec::new(), RejectionCode::Empty),
        (cfb(&[stream("WordDocument")]), RejectionCode::LegacyOffice),
        (b"%PDF-1.4".to_vec(), RejectionCode::Pdf),
        (seed()[..1000].to_vec(), RejectionCode::CorruptZip),
    ] {
        let res = check_bytes(&bytes);
        assert_eq!(res.status, Status::Rejected);
        let rej = res.rejection.expect("rejection");
        assert_eq!(rej.code, code);
        assert!(has_cjk(&rej.message));
        assert!(res.findings.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// Robustness: deterministic mutations of the samples never panic
// ---------------------------------------------------------------------------------------------

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn mutated_samples_never_panic() {
    let limits = Limits::default();
    let mut rng = Lcg(0x006e_6961_6e62_616f);
    let mut outcomes = [0usize; 2];
    for (_, s) in samples() {
        let cd = s
            .windows(4)
            .position(|w| w == b"PK\x01\x02")
            .expect("central directory");
        let (_, local) = find_entry(&s, "word/document.xml");
        let data = local + 30 + "word/document.xml".len();
        let mut cases: Vec<Vec<u8>> = Vec::new();
        // Truncations at many offsets, including right at the ends of headers.
        for i in 0..60 {
            cases.push(s[..s.len() * i / 60].to_vec());
        }
        for cut in [
            1,
            2,
            3,
            4,
            22,
            29,
            30,
            31,
            s.len() - 22,
            s.len() - 21,
            s.len() - 1,
        ] {
            cases.push(s[..cut].to_vec());
        }
        // Byte flips in the central directory and in the end record.
        for _ in 0..120 {
            let mut m = s.clone();
            for _ in 0..1 + rng.below(3) {
                let at = cd + rng.below(s.len() - cd);
                m[at] = rng.next() as u8;
            }
            cases.push(m);
        }
        // Byte flips in the compressed data of the main part.
        for _ in 0..80 {
            let mut m = s.clone();
            let at = data + rng.below(4000);
            m[at] ^= 1 << rng.below(8);
            cases.push(m);
        }
        // Local header damage.
        for _ in 0..30 {
            let mut m = s.clone();
            let at = local + rng.below(30);
            m[at] = rng.next() as u8;
            cases.push(m);
        }
        for m in cases {
            match intake::open(&m, &limits) {
                Ok(p) => {
                    outcomes[0] += 1;
                    assert!(!p.main_xml.is_empty() || m.len() < s.len());
                }
                Err(r) => {
                    outcomes[1] += 1;
                    assert!(has_cjk(&r.message));
                }
            }
        }
    }
    eprintln!(
        "mutations: {} opened, {} rejected",
        outcomes[0], outcomes[1]
    );
    assert!(outcomes[1] > 0);
}

#[test]
fn cyclic_ole_directory_chain_terminates() {
    let mut f = cfb(&[stream("EncryptionInfo"), stream("EncryptedPackage")]);
    // FAT entry of the directory sector (sector 1) points back to itself.
    f[512 + 4..512 + 8].copy_from_slice(&1u32.to_le_bytes());
    reject(&f, RejectionCode::Encrypted);
    // A DIFAT chain that loops, with an absurd FAT sector count.
    let mut f = cfb(&[stream("WordDocument")]);
    f[44..48].copy_from_slice(&u32::MAX.to_le_bytes());
    f[68..72].copy_from_slice(&1u32.to_le_bytes());
    reject(&f, RejectionCode::LegacyOffice);
}
