//! The batch engine: given what is known of every report of a batch (agency, year, the file's
//! digest), it decides which report is compared with which last year's report, which reports are
//! the same agency and year twice, and how reports are named. The CLI, the browser binding and
//! (through it) the page all ask it; none pairs on its own.
//!
//! - Identical files (the same digest) count as one: a copy is neither a duplicate (M.DUPYEAR)
//!   nor a second candidate for last year.
//! - A report is paired with last year's report of the same agency ([`Likeness::Same`]) only when
//!   there is exactly one such report (copies counted once). With several, it is compared with
//!   none (no cross-year finding from an arbitrary choice) and M.PAIR names them.
//! - A report whose agency only likely matches last year's ([`Likeness::Likely`]) is not paired:
//!   the match is offered (M.PAIR, the page's card).
//! - Reports of one file are never paired with each other (S.MULTI's business).

use crate::report::pairing::{agency_key, aliases, compare, Likeness};
use crate::report::Report;
use std::collections::HashMap;

/// At most this many likely matches are offered for one report.
const MAX_LIKELY: usize = 5;

/// One report of a batch as the engine sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchItem {
    /// The file it comes from (an index into the batch's files).
    pub file: usize,
    /// Its index in the file.
    pub report: usize,
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// The file's digest ([`digest`]); files of equal digest are copies of each other.
    pub digest: String,
    /// A government's consolidated report of its region (M.HIER compares it with its units).
    pub consolidated: bool,
}

/// What the engine decided for one report (indices into the batch's items).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    /// Last year's report it is compared with.
    pub previous: Option<usize>,
    /// Several distinct last-year reports of the same agency: compared with none of them.
    pub previous_ambiguous: Vec<usize>,
    /// Last year's reports of a probably-same agency, offered but not paired.
    pub likely_previous: Vec<usize>,
    /// Other distinct reports of the same agency and year (M.DUPYEAR).
    pub same_year: Vec<usize>,
    /// Identical copies of this report in other files.
    pub copies: Vec<usize>,
    /// For a consolidated report: the reports of its units of the same year (M.HIER).
    pub units: Vec<usize>,
    /// For a unit: the consolidated report it is summed into.
    pub consolidated_by: Option<usize>,
}

/// The items of the reports of file `file` (its digest `digest`).
pub fn items_of<'a>(
    file: usize,
    reports: &'a [Report],
    digest: &'a str,
) -> impl Iterator<Item = BatchItem> + 'a {
    reports
        .iter()
        .enumerate()
        .map(move |(report, r)| BatchItem {
            file,
            report,
            agency: r.agency.clone(),
            year: r.year,
            digest: digest.to_string(),
            consolidated: r.kind.as_ref().is_some_and(|k| k.consolidated()),
        })
}

/// A file's digest: equal for identical bytes, different (but for a 64-bit accident) for
/// different ones; the same on every platform, so the page and the CLI agree. 16 hex digits of
/// four multiply-xorshift lanes over the bytes as little-endian 64-bit words (independent lanes:
/// a file's digest costs a few cycles per 32 bytes, where byte-at-a-time FNV-1a cost four per
/// byte, a twentieth of the CLI's time per report), folded with the length and the last bytes.
pub fn digest(bytes: &[u8]) -> String {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, w: u64| {
        let h = (h ^ w).wrapping_mul(K);
        h ^ (h >> 29)
    };
    let word = |b: &[u8]| {
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(w)
    };
    let mut lanes: [u64; 4] = [
        0xcbf2_9ce4_8422_2325,
        0x6c62_272e_07bb_0142,
        0x1000_0000_01b3_0001,
        0x8422_2325_cbf2_9ce4,
    ];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, w) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            *lane = mix(*lane, word(w));
        }
    }
    let mut h = mix(0, bytes.len() as u64);
    for lane in lanes {
        h = mix(h, lane);
    }
    for w in blocks.remainder().chunks(8) {
        h = mix(h, word(w));
    }
    h = mix(h, 0);
    format!("{h:016x}")
}

/// How results and messages name report `index` of a file named `file` holding `count` reports.
///
/// ```
/// use nianbao::batch::report_name;
/// assert_eq!(report_name("a.docx", 0, 1), "a.docx");
/// assert_eq!(report_name("a.docx", 1, 2), "a.docx（第 2/2 份年报）");
/// ```
pub fn report_name(file: &str, index: usize, count: usize) -> String {
    crate::messages::report_name(file, index, count)
}

/// Decides pairs and duplicates for a batch: one decision per item, in the same order.
/// Near-linear in the batch size (items are found through a map of name aliases).
pub fn decide(items: &[BatchItem]) -> Vec<Decision> {
    let keys: Vec<Option<String>> = items
        .iter()
        .map(|i| {
            let k = agency_key(i.agency.as_deref()?);
            (!k.is_empty() && i.year.is_some()).then_some(k)
        })
        .collect();
    // Every item under each of its aliases, by year.
    let mut index: HashMap<(String, i32), Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        let (Some(key), Some(year)) = (key, items[i].year) else {
            continue;
        };
        for alias in aliases(key) {
            let slot = index.entry((alias, year)).or_default();
            if !slot.contains(&i) {
                slot.push(i);
            }
        }
    }
    let candidates = |i: usize, year: i32| -> Vec<(usize, Likeness)> {
        let Some(key) = &keys[i] else {
            return Vec::new();
        };
        let mut found: Vec<usize> = Vec::new();
        for alias in aliases(key) {
            for &j in index.get(&(alias, year)).into_iter().flatten() {
                if items[j].file != items[i].file && !found.contains(&j) {
                    found.push(j);
                }
            }
        }
        crate::order::sort_unstable(&mut found);
        found
            .into_iter()
            .filter_map(|j| {
                let likeness = compare(key, keys[j].as_deref()?);
                (likeness != Likeness::Different).then_some((j, likeness))
            })
            .collect()
    };
    let copy = |i: usize, j: usize| {
        items[i].digest == items[j].digest
            && !items[i].digest.is_empty()
            && items[i].report == items[j].report
    };
    // Distinct items: the first of each set of copies.
    let distinct = |list: Vec<usize>| -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for j in list {
            if !out.iter().any(|&k| copy(j, k)) {
                out.push(j);
            }
        }
        out
    };
    let mut decisions: Vec<Decision> = (0..items.len())
        .map(|i| {
            let Some(year) = items[i].year.filter(|_| keys[i].is_some()) else {
                return Decision::default();
            };
            let now = candidates(i, year);
            let copies: Vec<usize> = now
                .iter()
                .map(|&(j, _)| j)
                .filter(|&j| copy(i, j))
                .collect();
            let same_year = distinct(
                now.iter()
                    .filter(|&&(j, l)| l == Likeness::Same && !copy(i, j))
                    .map(|&(j, _)| j)
                    .collect(),
            );
            let before = year
                .checked_sub(1)
                .map(|y| candidates(i, y))
                .unwrap_or_default();
            let same = distinct(
                before
                    .iter()
                    .filter(|&&(_, l)| l == Likeness::Same)
                    .map(|&(j, _)| j)
                    .collect(),
            );
            let mut d = Decision {
                same_year,
                copies,
                ..Decision::default()
            };
            match same.len() {
                0 => {
                    d.likely_previous = distinct(before.iter().map(|&(j, _)| j).collect());
                    d.likely_previous.truncate(MAX_LIKELY);
                }
                1 => d.previous = Some(same[0]),
                _ => d.previous_ambiguous = same,
            }
            d
        })
        .collect();
    group_units(items, &keys, &mut decisions, copy);
    decisions
}

/// The region a consolidated report's agency governs: 某某县 of 某某县人民政府 (or of its
/// 人民政府办公室), and the region without a parent region in front (某市某某县 → 某某县).
fn regions(key: &str) -> Vec<String> {
    let Some(region) = [
        "人民政府办公室",
        "人民政府办公厅",
        "人民政府",
        "政府办公室",
        "政府",
    ]
    .iter()
    .find_map(|s| key.strip_suffix(s))
    .or_else(|| key.ends_with(['县', '区', '市', '旗']).then_some(key)) else {
        return Vec::new();
    };
    let chars: Vec<char> = region.chars().collect();
    if chars.len() < 2 {
        return Vec::new();
    }
    let mut out = vec![region.to_string()];
    for at in 2..chars.len().saturating_sub(1) {
        let (head, tail): (String, String) =
            (chars[..at].iter().collect(), chars[at..].iter().collect());
        if head.ends_with(['省', '市', '州', '盟']) && tail.chars().count() >= 2 {
            out.push(tail);
        }
    }
    out
}

/// Consolidation groups: for each consolidated report, the reports of the same year in other
/// files whose agency falls under its region (某某县卫生健康局, 某某县某镇人民政府 under
/// 某某县人民政府) — not the government's own reports (某某县人民政府…), not other regions
/// or years, not a unit with several distinct versions (which one to sum?), copies once.
fn group_units(
    items: &[BatchItem],
    keys: &[Option<String>],
    decisions: &mut [Decision],
    copy: impl Fn(usize, usize) -> bool,
) {
    use std::collections::HashMap;
    let heads: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].consolidated && keys[i].is_some() && items[i].year.is_some())
        .collect();
    if heads.is_empty() {
        return;
    }
    let mut by_year: HashMap<i32, Vec<usize>> = HashMap::new();
    for (j, item) in items.iter().enumerate() {
        if let (Some(year), Some(_)) = (item.year, &keys[j]) {
            by_year.entry(year).or_default().push(j);
        }
    }
    for i in heads {
        let (Some(key), Some(year)) = (&keys[i], items[i].year) else {
            continue;
        };
        let regions = regions(key);
        let mut units: Vec<usize> = Vec::new();
        for &j in by_year.get(&year).into_iter().flatten() {
            let Some(other) = &keys[j] else { continue };
            if items[j].file == items[i].file || copy(i, j) {
                continue;
            }
            let under = regions.iter().any(|r| {
                other.len() > r.len()
                    && other.starts_with(r.as_str())
                    && !other[r.len()..].starts_with("人民政府")
                    && !other[r.len()..].starts_with("政府")
            });
            if !under || !decisions[j].same_year.is_empty() || units.iter().any(|&k| copy(j, k)) {
                continue;
            }
            units.push(j);
        }
        for &j in &units {
            decisions[j].consolidated_by.get_or_insert(i);
        }
        decisions[i].units = units;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(file: usize, agency: &str, year: i32, digest: &str) -> BatchItem {
        BatchItem {
            file,
            report: 0,
            agency: Some(agency.to_string()),
            year: Some(year),
            digest: digest.to_string(),
            consolidated: false,
        }
    }

    #[test]
    fn consecutive_years_of_one_agency_pair() {
        let items = [
            item(0, "甲局", 2022, "a"),
            item(1, "乙局", 2021, "b"),
            item(2, "甲 局", 2021, "c"),
            item(3, "甲局", 2020, "d"),
            BatchItem {
                file: 4,
                ..BatchItem::default()
            },
        ];
        let d = decide(&items);
        assert_eq!(d[0].previous, Some(2));
        assert_eq!(d[1].previous, None, "another agency does not pair");
        assert_eq!(d[2].previous, Some(3));
        assert_eq!(d[3].previous, None);
        assert_eq!(d[4], Decision::default());
        assert!(d.iter().all(|d| d.same_year.is_empty()));
    }

    #[test]
    fn a_glued_year_and_a_parent_prefix_pair() {
        let items = [
            item(0, "某某实验区2020年", 2020, "a"),
            item(1, "某某实验区2019年", 2019, "b"),
            item(2, "某市某某区人民政府", 2021, "c"),
            item(3, "某某区人民政府", 2020, "d"),
        ];
        let d = decide(&items);
        assert_eq!(d[0].previous, Some(1));
        assert_eq!(d[2].previous, Some(3));
    }

    #[test]
    fn several_distinct_last_years_pair_with_none() {
        let items = [
            item(0, "甲县教育局", 2022, "a"),
            item(1, "甲县教育局", 2021, "b"),
            item(2, "甲县教育局", 2021, "c"),
        ];
        let d = decide(&items);
        assert_eq!(d[0].previous, None);
        assert_eq!(d[0].previous_ambiguous, vec![1, 2]);
        assert_eq!(d[1].same_year, vec![2]);
        assert_eq!(d[2].same_year, vec![1]);
    }

    #[test]
    fn identical_files_count_once() {
        let items = [
            item(0, "甲县教育局", 2022, "a"),
            item(1, "甲县教育局", 2021, "b"),
            item(2, "甲县教育局", 2021, "b"),
        ];
        let d = decide(&items);
        assert_eq!(d[0].previous, Some(1), "the copies are one report");
        assert!(d[1].same_year.is_empty() && d[2].same_year.is_empty());
        assert_eq!(d[1].copies, vec![2]);
    }

    #[test]
    fn a_likely_match_is_offered_not_paired() {
        let items = [
            item(0, "甲县人民政府", 2022, "a"),
            item(1, "甲县政府", 2021, "b"),
        ];
        let d = decide(&items);
        assert_eq!(d[0].previous, None);
        assert_eq!(d[0].likely_previous, vec![1]);
    }

    #[test]
    fn reports_of_one_file_never_pair() {
        let mut second = item(0, "甲局", 2021, "a");
        second.report = 1;
        let d = decide(&[item(0, "甲局", 2022, "a"), second]);
        assert_eq!(d[0].previous, None);
    }

    fn head(file: usize, agency: &str, year: i32) -> BatchItem {
        BatchItem {
            consolidated: true,
            ..item(file, agency, year, &format!("h{file}"))
        }
    }

    #[test]
    fn a_consolidated_report_groups_its_units_and_no_distractor() {
        let items = [
            head(0, "某某县人民政府", 2022),
            item(1, "某某县教育局", 2022, "a"),
            item(2, "某某县某某镇人民政府", 2022, "b"),
            item(3, "另一县教育局", 2022, "c"),
            item(4, "某某县卫生健康局", 2021, "d"),
            item(5, "某某县人民政府办公室", 2022, "e"),
            item(6, "某某县人民政府", 2022, "f"),
            item(7, "某某县教育局", 2022, "a"),
        ];
        let d = decide(&items);
        assert_eq!(
            d[0].units,
            vec![1, 2],
            "another county, another year, the government's own reports and a copy are left out"
        );
        assert_eq!(d[1].consolidated_by, Some(0));
        assert_eq!(d[3].consolidated_by, None);
        assert!(d[1].units.is_empty());
    }

    #[test]
    fn a_parent_region_in_front_of_the_government_still_groups() {
        let d = decide(&[
            head(0, "某市某某县人民政府", 2022),
            item(1, "某某县教育局", 2022, "a"),
        ]);
        assert_eq!(d[0].units, vec![1]);
    }

    #[test]
    fn the_digest_is_stable() {
        // Pinned: the page and the CLI compute it alike, on every platform.
        assert_eq!(digest(b""), PINNED[0]);
        assert_eq!(digest(b"a"), PINNED[1]);
        assert_eq!(digest(&[7u8; 100]), PINNED[2]);
        assert_ne!(digest(b"ab"), digest(b"ba"));
        assert_eq!(digest(b"x").len(), 16);
    }

    const PINNED: [&str; 3] = ["0a74c395d57af48c", "d3fa2870dfb33e32", "e8130f21e68f1491"];

    #[test]
    fn every_changed_bit_changes_the_digest() {
        // Every length around the 32-byte blocks and 8-byte words, every bit of every byte;
        // also a trailing zero byte (length counts) and two words swapped.
        for len in 0..100usize {
            let base: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let d = digest(&base);
            for at in 0..len {
                for bit in 0..8 {
                    let mut b = base.clone();
                    b[at] ^= 1 << bit;
                    assert_ne!(digest(&b), d, "len {len}, byte {at}, bit {bit}");
                }
            }
            let mut longer = base.clone();
            longer.push(0);
            assert_ne!(digest(&longer), d, "len {len} + a zero byte");
            if len >= 16 {
                let mut swapped = base.clone();
                swapped[..16].rotate_left(8);
                assert_ne!(digest(&swapped), d, "len {len}, words swapped");
            }
        }
    }
}

/// One file of a batch as the page describes it to [`plan`]: its name, digest and its
/// reports' agencies and years (from its results).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PlanFile {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub digest: String,
    #[serde(default)]
    pub reports: Vec<PlanReportIn>,
}

/// A report's agency and year, as its result gives them (`report.agency`, `report.year`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PlanReportIn {
    #[serde(default)]
    pub agency: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    /// `report.kind.consolidated` of the result.
    #[serde(default)]
    pub consolidated: bool,
}

/// Another report of the batch: its file (index into the files given to [`plan`]), its index in
/// the file, its name as results and messages name it, its agency and year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlanRef {
    pub file: usize,
    pub report: usize,
    pub name: String,
    pub agency: Option<String>,
    pub year: Option<i32>,
}

/// What the engine decided for one report, with the other reports named.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PlanReport {
    pub previous: Option<PlanRef>,
    pub previous_ambiguous: Vec<String>,
    pub likely_previous: Vec<PlanRef>,
    pub same_year: Vec<String>,
    pub copies: Vec<String>,
    /// For a consolidated report: its units in the batch (M.HIER).
    pub units: Vec<PlanRef>,
    /// For a unit: the consolidated report it is summed into.
    pub consolidated_by: Option<PlanRef>,
}

/// [`decide`] for files described by name, digest and reports: for each file, one plan per
/// report. The page's batch asks this (through the browser binding) instead of pairing itself.
pub fn plan(files: &[PlanFile]) -> Vec<Vec<PlanReport>> {
    let items: Vec<BatchItem> = files
        .iter()
        .enumerate()
        .flat_map(|(file, f)| {
            f.reports
                .iter()
                .enumerate()
                .map(move |(report, r)| BatchItem {
                    file,
                    report,
                    agency: r.agency.clone(),
                    year: r.year,
                    digest: f.digest.clone(),
                    consolidated: r.consolidated,
                })
        })
        .collect();
    let name = |j: usize| {
        let e = &items[j];
        report_name(&files[e.file].name, e.report, files[e.file].reports.len())
    };
    let reference = |j: usize| PlanRef {
        file: items[j].file,
        report: items[j].report,
        name: name(j),
        agency: items[j].agency.clone(),
        year: items[j].year,
    };
    let mut out: Vec<Vec<PlanReport>> = files
        .iter()
        .map(|f| vec![PlanReport::default(); f.reports.len()])
        .collect();
    for (e, d) in items.iter().zip(decide(&items)) {
        out[e.file][e.report] = PlanReport {
            previous: d.previous.map(reference),
            previous_ambiguous: d.previous_ambiguous.iter().map(|&j| name(j)).collect(),
            likely_previous: d.likely_previous.iter().map(|&j| reference(j)).collect(),
            same_year: d.same_year.iter().map(|&j| name(j)).collect(),
            copies: d.copies.iter().map(|&j| name(j)).collect(),
            units: d.units.iter().map(|&j| reference(j)).collect(),
            consolidated_by: d.consolidated_by.map(reference),
        };
    }
    out
}
