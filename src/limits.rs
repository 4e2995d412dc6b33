//! Bounds on everything the pipeline reads, so that hostile input is refused quickly.

/// Every size, count and depth the pipeline accepts. [`Limits::default`] suits real reports
/// with a wide margin; tests lower single bounds to exercise them.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input file accepted, in bytes.
    pub max_input_bytes: u64,
    /// Largest inflated size of any single part that is read (the main document, styles).
    pub max_part_bytes: u64,
    /// Largest total inflated size of all parts read.
    pub max_total_inflated: u64,
    /// Largest inflated/compressed ratio accepted for a part larger than `ratio_floor_bytes`.
    pub max_ratio: u64,
    /// Parts smaller than this are never refused for their ratio.
    pub ratio_floor_bytes: u64,
    /// Most entries a zip central directory may list.
    pub max_zip_entries: usize,
    /// Deepest XML element nesting accepted.
    pub max_xml_depth: usize,
    /// Most tables (nested ones included) in one document.
    pub max_tables: usize,
    /// Most rows in one table.
    pub max_rows: usize,
    /// Most grid columns in one table.
    pub max_cols: usize,
    /// Most characters kept per table cell (the rest is dropped).
    pub max_cell_chars: usize,
    /// Most characters kept per paragraph (the rest is dropped).
    pub max_paragraph_chars: usize,
    /// Most paragraphs in one document.
    pub max_paragraphs: usize,
}

impl Default for Limits {
    fn default() -> Self {
        const MIB: u64 = 1024 * 1024;
        Limits {
            max_input_bytes: 100 * MIB,
            max_part_bytes: 64 * MIB,
            max_total_inflated: 96 * MIB,
            max_ratio: 200,
            ratio_floor_bytes: 4 * MIB,
            max_zip_entries: 20_000,
            max_xml_depth: 256,
            max_tables: 1_000,
            max_rows: 5_000,
            max_cols: 128,
            max_cell_chars: 20_000,
            max_paragraph_chars: 100_000,
            max_paragraphs: 200_000,
        }
    }
}
