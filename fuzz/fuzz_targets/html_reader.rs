//! The HTML and MHT readers must never panic, whatever the bytes: the input is read as a web page
//! (sniffed, charset-decoded; an .mht unpacked) and, decoded loosely, straight by the HTML reader,
//! then checked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::{check_pasted, Limits, Options};

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let _ = nianbao::inspect::check::document(data, &limits);
    let text = String::from_utf8_lossy(data);
    let _ = nianbao::inspect::html::parse(&text, &limits);
    if data.first() == Some(&b'<') {
        let _ = check_pasted(Some(&text), &Options::default());
    }
});
