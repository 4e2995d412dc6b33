//! Agency identity for pairing reports across years: whether two agency names name the same
//! agency ([`Likeness::Same`]), probably do ([`Likeness::Likely`]) or not.
//!
//! Names are compared by their [`agency_key`]: width folded, blanks, punctuation and brackets
//! dropped, a year glued to the name dropped (标题“某某实验区2019年政府信息公开工作年度报告”
//! gives the agency 某某实验区2019年), 管理委员会 written 管委会. Beyond equal keys, a parent
//! region written in front of a name that itself starts with a place (某市某某区人民政府 =
//! 某某区人民政府) is the same agency. 人民政府 against 政府, or a longer name ending with a
//! place-led name after something that is not a region, is only likely: a wrong pair would report
//! false carry-over errors, so a likely match is offered to the user, never made
//! ([`crate::check::batch`] decides).

use super::normalize::norm;
use super::Report;

/// Longest key (characters) whose parent-prefix forms are considered; longer names compare
/// exactly only.
const MAX_KEY_CHARS: usize = 64;

/// Characters that end a place name (省, 市, 县, 区 …).
const PLACE_ENDS: [char; 10] = ['省', '市', '县', '区', '州', '旗', '盟', '镇', '乡', '街'];

/// The agency name as pairing compares it.
///
/// ```
/// use nianbao::inspect::report::pairing::agency_key;
/// assert_eq!(agency_key("宁海县 卫生健康局"), agency_key("宁海县卫生健康局"));
/// assert_eq!(agency_key("（某某）市统计局"), agency_key("某某市统计局"));
/// assert_eq!(agency_key("某某实验区2019年"), agency_key("某某实验区"));
/// assert_eq!(agency_key("某某实验区２０２０年度"), agency_key("某某实验区"));
/// assert_eq!(agency_key("某某新区管理委员会"), agency_key("某某新区管委会"));
/// assert_ne!(agency_key("某某县人民政府"), agency_key("某某县政府"));
/// ```
pub fn agency_key(agency: &str) -> String {
    let key = norm(agency).replace("管理委员会", "管委会");
    let mut chars: Vec<char> = key.chars().collect();
    strip_trailing_year(&mut chars);
    strip_leading_year(&mut chars);
    chars.into_iter().collect()
}

/// Drops a year (19xx/20xx) with an optional 年/年度 from the end of a name.
fn strip_trailing_year(chars: &mut Vec<char>) {
    let mut end = chars.len();
    if chars.ends_with(&['年', '度']) {
        end -= 2;
    } else if chars.ends_with(&['年']) {
        end -= 1;
    }
    if end >= 4 && is_year(&chars[end - 4..end]) && (end == 4 || !chars[end - 5].is_ascii_digit()) {
        chars.truncate(end - 4);
    }
}

/// Drops a year with 年/年度 from the start of a name (2019年度某某局).
fn strip_leading_year(chars: &mut Vec<char>) {
    if chars.len() > 5 && is_year(&chars[..4]) && chars[4] == '年' {
        let n = if chars.get(5) == Some(&'度') { 6 } else { 5 };
        chars.drain(..n);
    }
}

fn is_year(c: &[char]) -> bool {
    c.len() == 4
        && c.iter().all(char::is_ascii_digit)
        && matches!((c[0], c[1]), ('1', '9') | ('2', '0'))
}

/// Whether two agency keys name the same agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likeness {
    Different,
    /// Probably the same agency (offered to the user, not paired).
    Likely,
    /// The same agency.
    Same,
}

/// Compares two agency keys (as [`agency_key`] gives them).
///
/// ```
/// use nianbao::batch::{agency_key, compare, Likeness};
/// let k = |s| agency_key(s);
/// assert_eq!(compare(&k("某市某某区人民政府"), &k("某某区人民政府")), Likeness::Same);
/// assert_eq!(compare(&k("某某区人民政府"), &k("某某区政府")), Likeness::Likely);
/// assert_eq!(compare(&k("某某县卫生健康局"), &k("卫生健康局")), Likeness::Different);
/// assert_eq!(compare(&k("某某县教育局"), &k("某某县卫生健康局")), Likeness::Different);
/// ```
pub fn compare(a: &str, b: &str) -> Likeness {
    if a.is_empty() || b.is_empty() {
        return Likeness::Different;
    }
    if a == b {
        return Likeness::Same;
    }
    let (long, short) = if a.chars().count() >= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    if let Some(prefix) = long.strip_suffix(short) {
        if place_led(short) {
            return if is_region(prefix) {
                Likeness::Same
            } else {
                Likeness::Likely
            };
        }
    }
    if a.replace("人民", "") == b.replace("人民", "") {
        return Likeness::Likely;
    }
    Likeness::Different
}

/// The names `key` may be filed under to find the same or a likely agency: itself, without
/// 人民, and every place-led tail of it (以便 某市某某区人民政府 finds 某某区人民政府). Bounded.
pub fn aliases(key: &str) -> Vec<String> {
    let mut out = vec![key.to_string()];
    let plain = key.replace("人民", "");
    if plain != key && !plain.is_empty() {
        out.push(plain);
    }
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= MAX_KEY_CHARS {
        for start in 1..chars.len() {
            let tail: String = chars[start..].iter().collect();
            if place_led(&tail) {
                out.push(tail);
            }
        }
    }
    out
}

/// A name that starts with a place: a place-name ending (区, 县 …) after at least two
/// characters, and at least four characters in all (某某区人民政府, not 市场监督管理局).
fn place_led(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    chars.len() >= 4
        && chars
            .iter()
            .position(|c| PLACE_ENDS.contains(c))
            .is_some_and(|p| p >= 2 && p + 1 < chars.len())
}

/// A region's name: two to twelve characters ending with 省, 市, 县, 州, 盟, 区 or 地区.
fn is_region(prefix: &str) -> bool {
    let n = prefix.chars().count();
    (2..=12).contains(&n) && prefix.ends_with(['省', '市', '县', '州', '盟', '区'])
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

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> Likeness {
        compare(&agency_key(a), &agency_key(b))
    }

    #[test]
    fn a_glued_year_is_not_part_of_the_name() {
        assert_eq!(same("某某实验区2019年", "某某实验区"), Likeness::Same);
        assert_eq!(
            same("某某实验区2019年度", "某某实验区2020年"),
            Likeness::Same
        );
        assert_eq!(same("2021年度某某县统计局", "某某县统计局"), Likeness::Same);
        // Digits that are not a year stay.
        assert_ne!(agency_key("第12345号"), agency_key("第1号"));
    }

    #[test]
    fn a_parent_region_in_front_is_the_same_agency() {
        assert_eq!(same("某市某某区人民政府", "某某区人民政府"), Likeness::Same);
        assert_eq!(
            same("某某省某某市某某县教育局", "某某县教育局"),
            Likeness::Same
        );
        assert_eq!(
            same("某某县 某某镇人民政府", "某某镇人民政府"),
            Likeness::Same
        );
        assert_eq!(
            same("某某市某某经济开发区管理委员会", "某某经济开发区管委会"),
            Likeness::Same
        );
        assert_eq!(same("（某某区）人民政府", "某某区人民政府"), Likeness::Same);
    }

    #[test]
    fn other_agencies_differ() {
        assert_eq!(
            same("某某县教育局", "某某县卫生健康局"),
            Likeness::Different
        );
        assert_eq!(
            same("某某县人民政府", "某某县人民政府办公室"),
            Likeness::Different
        );
        assert_eq!(same("甲县教育局", "乙县教育局"), Likeness::Different);
        assert_eq!(
            same("某某市市场监督管理局", "市场监督管理局"),
            Likeness::Different
        );
        assert_eq!(same("某某县卫生健康局", "卫生健康局"), Likeness::Different);
    }

    #[test]
    fn near_names_are_only_likely() {
        assert_eq!(same("某某县人民政府", "某某县政府"), Likeness::Likely);
        assert_eq!(
            same("中共某某委员会某某县教育局", "某某县教育局"),
            Likeness::Likely
        );
    }

    #[test]
    fn aliases_find_the_parent_prefixed_name() {
        let long = aliases(&agency_key("某市某某区人民政府"));
        assert!(long.contains(&agency_key("某某区人民政府")));
        assert!(aliases(&"字".repeat(200)).len() <= 2);
    }
}
