//! What the sentence tests share: a sentence read as the corpus notation, and a corpus label
//! split the same way, both sorted.

use super::*;

/// The claims read from one paragraph of a report of `year`, in the corpus notation, sorted.
pub(super) fn read(year: i32, text: &str) -> Vec<String> {
    let paras = [Para {
        text,
        source: 0,
        part: Part::Section(0),
    }];
    let mut v: Vec<String> = extract(&paras, Some(year))
        .iter()
        .map(Claim::notation)
        .collect();
    v.sort();
    v
}

/// A corpus label (“-” for none) as a sorted list.
pub(super) fn label(s: &str) -> Vec<String> {
    if s == "-" {
        return Vec::new();
    }
    let mut v: Vec<String> = s.split(';').map(|x| x.trim().to_string()).collect();
    v.sort();
    v
}
