//! The HTML and MHT readers must never panic, whatever the bytes. Each input takes one of two
//! paths, chosen by the parity of its length (so every input is read once, not once per path,
//! and mutations move inputs between the paths):
//! - even: read as a file through `check::document` (sniffing, charset decoding, .mht
//!   unpacking, then the reader of the page, .doc or .docx into the model);
//! - odd: decoded loosely as UTF-8 and checked as a paste through `check_pasted` (the HTML
//!   reader on any text, sniffed or not, then recognition and the rules).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::{check_pasted, Limits, Options};

fuzz_target!(|data: &[u8]| {
    if data.len() % 2 == 0 {
        let _ = nianbao::inspect::check::document(data, &Limits::default());
    } else {
        let text = String::from_utf8_lossy(data);
        let _ = check_pasted(Some(&text), &Options::default());
    }
});
