//! The package stage: recognises what kind of file the bytes are, and for a Word document
//! reads the OPC parts the later stages need, with bounded inflation.

use crate::limits::Limits;
use crate::rejection::Rejection;

/// The parts of a .docx that the pipeline reads.
#[derive(Debug, Clone)]
pub struct Package {
    /// Name of the main document part inside the zip (found through `_rels/.rels`).
    pub main_part_name: String,
    /// The main document part, inflated.
    pub main_xml: Vec<u8>,
    /// The styles part, inflated, when the document has one.
    pub styles_xml: Option<Vec<u8>>,
}

/// Opens the bytes as a .docx package, or says what they are instead.
pub fn open(bytes: &[u8], limits: &Limits) -> Result<Package, Rejection> {
    let _ = (bytes, limits);
    unimplemented!("package reader")
}
