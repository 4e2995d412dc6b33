//! The Word 97-2003 reader (.doc/.wps) must never panic, whatever the bytes. A compound file has
//! no checksums, so mutations of the seed .doc files reach the FIB, the piece table, the FKP pages
//! and the row definitions as well as the compound-file structure itself.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = nianbao::inspect::check::document(data, &nianbao::Limits::default());
});
