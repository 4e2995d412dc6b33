//! Pairing reports across years: which report of a batch is the previous-year report of which.
//!
//! Two reports pair when their agencies have the same [`agency_key`] (the name with blanks and
//! punctuation dropped, width folded) and their years follow each other. The match is exact on
//! purpose: 某某县人民政府 and 某某县政府 do not pair, nor do a bureau and its office — a
//! wrong pair would report false carry-over errors, a missed one only skips a check (an
//! explicit pair, `--previous`, covers the rest).

use super::normalize::norm;
use super::Report;

/// The agency name as pairing compares it: width folded, blanks and punctuation dropped.
///
/// ```
/// use nianbao::inspect::report::pairing::agency_key;
/// assert_eq!(agency_key("宁海县 卫生健康局"), agency_key("宁海县卫生健康局"));
/// assert_eq!(agency_key("（某某）市统计局"), agency_key("某某市统计局"));
/// assert_ne!(agency_key("某某县人民政府"), agency_key("某某县政府"));
/// ```
pub fn agency_key(agency: &str) -> String {
    norm(agency)
}

/// What pairing knows of one report: its agency key and year.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PairKey {
    pub agency: String,
    pub year: i32,
}

impl PairKey {
    /// The key of a report, when both its agency and its year were recognised.
    pub fn of(report: &Report) -> Option<PairKey> {
        let agency = agency_key(report.agency.as_deref()?);
        if agency.is_empty() {
            return None;
        }
        Some(PairKey {
            agency,
            year: report.year?,
        })
    }
}

/// One report of a batch: the file it comes from (any id), its index in the file, its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchEntry {
    pub file: usize,
    pub report: usize,
    pub key: Option<PairKey>,
}

/// What pairing found for one entry of a batch (indices into the batch's entries).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Link {
    /// The previous-year report of the same agency (the first in batch order when several).
    pub previous: Option<usize>,
    /// Other reports of the same agency and year.
    pub same_year: Vec<usize>,
}

/// Pairs the reports of a batch. Reports of one file are never paired with each other (a file
/// holding several reports is reported by S.MULTI). Linear in the batch size (a hash map of
/// keys), so any batch size is fine.
pub fn pair(entries: &[BatchEntry]) -> Vec<Link> {
    use std::collections::HashMap;
    let mut by_key: HashMap<(&str, i32), Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(k) = &e.key {
            by_key
                .entry((k.agency.as_str(), k.year))
                .or_default()
                .push(i);
        }
    }
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let Some(k) = &e.key else {
                return Link::default();
            };
            let others = |year: i32| {
                by_key
                    .get(&(k.agency.as_str(), year))
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&j| entries[j].file != e.file)
            };
            Link {
                previous: k.year.checked_sub(1).and_then(|y| others(y).next()),
                same_year: others(k.year).filter(|&j| j != i).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(file: usize, agency: &str, year: i32) -> BatchEntry {
        BatchEntry {
            file,
            report: 0,
            key: Some(PairKey {
                agency: agency_key(agency),
                year,
            }),
        }
    }

    #[test]
    fn consecutive_years_of_one_agency_pair() {
        let entries = [
            entry(0, "甲局", 2022),
            entry(1, "乙局", 2021),
            entry(2, "甲 局", 2021),
            entry(3, "甲局", 2020),
            BatchEntry {
                file: 4,
                report: 0,
                key: None,
            },
        ];
        let links = pair(&entries);
        assert_eq!(links[0].previous, Some(2));
        assert_eq!(links[1].previous, None, "another agency does not pair");
        assert_eq!(links[2].previous, Some(3));
        assert_eq!(links[3].previous, None);
        assert_eq!(links[4], Link::default());
        assert!(links.iter().all(|l| l.same_year.is_empty()));
    }

    #[test]
    fn the_same_agency_and_year_twice_is_named_on_both_but_not_within_a_file() {
        let entries = [
            entry(0, "甲局", 2022),
            entry(1, "甲局", 2022),
            entry(2, "甲局", 2021),
            BatchEntry {
                file: 2,
                report: 1,
                key: entries_key("甲局", 2021),
            },
        ];
        let links = pair(&entries);
        assert_eq!(links[0].same_year, vec![1]);
        assert_eq!(links[1].same_year, vec![0]);
        assert_eq!(links[0].previous, Some(2), "the first in batch order");
        assert!(
            links[2].same_year.is_empty(),
            "same file: S.MULTI's business"
        );
    }

    fn entries_key(agency: &str, year: i32) -> Option<PairKey> {
        entry(0, agency, year).key
    }
}
