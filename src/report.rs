//! Recognises the report in a document: agency, year, format, and tables 二, 三, 四 as typed values.
use crate::check::{ReportInfo, Values};
use crate::document::Document;
use crate::rejection::Rejection;

#[derive(Debug, Clone, Default)]
pub struct Report {}

impl Report {
    pub fn physical_tables(&self) -> Vec<(usize, u8)> { Vec::new() }
    pub fn info(&self) -> ReportInfo { ReportInfo::default() }
    pub fn values(&self) -> Values { Values::default() }
}

pub fn recognise(doc: &Document) -> Result<Report, Rejection> {
    let _ = doc;
    unimplemented!("report recognition")
}
