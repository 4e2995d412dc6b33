//! Helpers shared by the command-line tool's tests: running the binary, the checked-in
//! samples, scratch folders and a sample with a known error. `main.rs` declares `support`
//! (tests/it/support of the root crate) next to it.
#![allow(dead_code)]

use crate::support::{read_part, with_part};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
}

pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run nianbao")
}

pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/samples")
}

/// An empty scratch folder for one test.
pub fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nianbao-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("mkdir");
    d
}

/// seed_004 with table 三's first 总计 (row 一, column 总计) changed from 0 to 5 (two errors,
/// one culprit).
pub fn broken_total_docx() -> Vec<u8> {
    let bytes = std::fs::read(samples().join("seed_004.docx")).expect("seed");
    let mut xml = read_part(&bytes, "word/document.xml").expect("part");
    // Row 一 of table 三: the label cell, then seven "0" cells; change the seventh.
    let label = "一、本年新收政府信息公开申请数量";
    let at = xml.find(label).expect("row label");
    let mut pos = at;
    for _ in 0..7 {
        pos += xml[pos..].find("<w:t>0</w:t>").expect("a zero cell");
        pos += 1;
    }
    let start = pos - 1;
    xml.replace_range(start..start + "<w:t>0</w:t>".len(), "<w:t>5</w:t>");
    with_part(&bytes, "word/document.xml", xml)
}
