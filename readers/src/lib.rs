//! The page's on-demand readers (WebAssembly): the checker with the `readers` feature, so that
//! Word 97-2003 .doc/.wps files, web pages (.html/.htm in UTF-8 or GB18030/GBK, Word's HTML,
//! .mht/.mhtml) and a pasted selection are checked like a .docx. The start module's exports
//! (`check_reports`, `check_pair`, `check_files`, `agency_key`, ...) come with the `nianbao`
//! dependency; this crate adds the paste. `www/readers.js` loads it on the first such file.

#[cfg(target_arch = "wasm32")]
mod bindings;

pub use nianbao::check_pasted;
