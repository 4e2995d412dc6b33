mod support;

use nianbao::document::{self, Block, Document, Table};
use nianbao::Limits;
use std::io::{Cursor, Read};
#[allow(unused_imports)]
use support::*;

/// Reads `word/document.xml` (and `word/styles.xml` when present) out of a .docx and parses it.
fn parse_docx(bytes: &[u8]) -> Document {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut read = |name: &str| -> Option<Vec<u8>> {
        let mut f = zip.by_name(name).ok()?;
        let mut out = Vec::new();
        f.read_to_end(&mut out).expect("read part");
        Some(out)
    };
    let xml = read("word/document.xml").expect("word/document.xml");
    let styles = read("word/styles.xml");
    document::parse(&xml, styles.as_deref(), &Limits::default()).expect("parse")
}

#[test]
fn dump_seeds() {
    for i in 0..5 {
        let bytes = std::fs::read(format!("tests/fixtures/samples/seed_00{i}.docx")).unwrap();
        let doc = parse_docx(&bytes);
        let paras = doc.blocks.iter().filter(|b| matches!(b, Block::Paragraph(_))).count();
        println!("seed {i}: blocks {} paras {paras} tables {}", doc.blocks.len(), doc.tables.len());
        for t in &doc.tables {
            println!("  table {} {}x{} cells {} parent {:?}", t.index, t.rows, t.cols, t.cells.len(), t.parent);
            let _: &Table = t;
            if i == 4 && t.index == 1 { for c in t.cells.iter().take(40) { println!("    r{} c{} {}x{} {:?} {:?}", c.row, c.col, c.row_span, c.col_span, c.text, c.source); } }
        }
    }
}
