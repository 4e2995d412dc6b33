//! The intake stage (sniffing, CFB directory, zip and OPC relationships, bounded inflation)
//! must never panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = nianbao::Limits::default();
    if let Ok(pkg) = nianbao::inspect::intake::open(data, &limits) {
        assert!(pkg.main_xml.len() as u64 <= limits.max_part_bytes);
        assert!(pkg.styles_xml.as_ref().map_or(0, |s| s.len() as u64) <= limits.max_part_bytes);
    }
});
