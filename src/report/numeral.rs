//! The one reader of numerals for the crate: Arabic digits (ASCII or full-width) and Chinese
//! numerals (`十一`, `二十一`, `一千零九十四`, `两`, digit by digit `二〇二二`). Headings (`（十一）`,
//! `十一、`), table labels, dates and the narrative's counts all read their numbers here, so that
//! they agree (`（十一）` is 11 everywhere).

use super::normalize::fold_width;

/// A Chinese numeral character (digits, 〇/零, 两, and the multipliers 十百千万).
pub fn is_chinese_numeral(c: char) -> bool {
    "零〇一二两三四五六七八九十百千万".contains(c)
}

/// The value of one Chinese digit (〇/零 0 … 九 9, 两 2); `None` for the multipliers.
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Reads a Chinese numeral (`二十一`, `一千零九十四`, `两`, `十`, `三万五千`); digit-by-digit forms
/// (`二〇二二`, `一一`) give `None`: those are years or codes, not counts.
pub fn parse_chinese(s: &[char]) -> Option<i64> {
    if s.is_empty() || s.len() > 16 {
        return None;
    }
    let has_mult = s.iter().any(|c| matches!(c, '十' | '百' | '千' | '万'));
    if s.len() > 1 && !has_mult {
        return None;
    }
    let mut total: i64 = 0; // completed 万 groups
    let mut section: i64 = 0; // within the current 万 group
    let mut cur: Option<i64> = None; // pending digit
    let mut last_mult = i64::MAX;
    for &c in s {
        match c {
            '十' | '百' | '千' => {
                let m = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                if m >= last_mult {
                    return None;
                }
                last_mult = m;
                section += cur.take().unwrap_or(1) * m;
            }
            '万' => {
                let group = section + cur.take().unwrap_or(0);
                if group == 0 || total != 0 {
                    return None;
                }
                total = group * 10_000;
                section = 0;
                last_mult = i64::MAX;
            }
            '零' | '〇' => {
                if cur.is_some() {
                    return None;
                }
            }
            _ => {
                let d = match c {
                    '一' => 1,
                    '二' | '两' => 2,
                    '三' => 3,
                    '四' => 4,
                    '五' => 5,
                    '六' => 6,
                    '七' => 7,
                    '八' => 8,
                    '九' => 9,
                    _ => return None,
                };
                if cur.is_some() {
                    return None;
                }
                cur = Some(d);
            }
        }
    }
    Some(total + section + cur.unwrap_or(0))
}

/// A Chinese numeral written digit by digit (`二〇二二`, `一一`): `None` when it holds a multiplier.
pub fn parse_digitwise(s: &[char]) -> Option<i64> {
    if s.is_empty() || s.len() > 12 {
        return None;
    }
    s.iter()
        .try_fold(0i64, |v, &c| Some(v * 10 + chinese_digit(c)? as i64))
}

/// The number at the start of `chars`: a run of Arabic digits, or of Chinese numerals (read as
/// a numeral, `十一` = 11, else digit by digit). Returns the value (at most `cap`), the number of
/// characters read, and whether it was Chinese.
pub fn leading_number(chars: &[char], cap: u32) -> Option<(u32, usize, bool)> {
    let arabic = chars
        .iter()
        .take_while(|c| fold_width(**c).is_ascii_digit())
        .count();
    if arabic > 0 {
        let v = chars[..arabic].iter().fold(0u32, |v, c| {
            v.saturating_mul(10)
                .saturating_add(fold_width(*c).to_digit(10).unwrap_or(0))
                .min(cap)
        });
        return Some((v, arabic, false));
    }
    let n = chars
        .iter()
        .take(16)
        .take_while(|c| is_chinese_numeral(**c))
        .count();
    if n == 0 {
        return None;
    }
    let v = parse_chinese(&chars[..n]).or_else(|| parse_digitwise(&chars[..n]))?;
    Some((v.clamp(0, cap as i64) as u32, n, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(s: &str) -> Option<(u32, usize, bool)> {
        leading_number(&s.chars().collect::<Vec<_>>(), 1000)
    }

    #[test]
    fn one_reading_everywhere() {
        assert_eq!(lead("十一）"), Some((11, 2, true)));
        assert_eq!(lead("二十一、"), Some((21, 3, true)));
        assert_eq!(lead("十、"), Some((10, 1, true)));
        assert_eq!(lead("一、"), Some((1, 1, true)));
        assert_eq!(lead("二〇二二年"), Some((1000, 4, true)));
        assert_eq!(lead("１２．"), Some((12, 2, false)));
        assert_eq!(lead("、"), None);
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(parse_digitwise(&c("二〇二二")), Some(2022));
        assert_eq!(parse_chinese(&c("一千零九十四")), Some(1094));
    }

    /// （十一） read 101 in the heading reader while the label reader read 11.
    #[test]
    fn headings_labels_and_dates_agree() {
        use crate::report::normalize::{split_heading_number, HeadingNumber};
        assert_eq!(
            split_heading_number("（十一）其他").0,
            Some(HeadingNumber::Parenthesized(11))
        );
        assert_eq!(
            split_heading_number("十一、其他").0,
            Some(HeadingNumber::Chinese(11))
        );
        assert_eq!(
            split_heading_number("（3）其他").0,
            Some(HeadingNumber::Parenthesized(3))
        );
        assert_eq!(
            crate::report::labels::split_number("（十一）其他").0,
            Some(11)
        );
        assert_eq!(
            crate::report::labels::split_number("二十、其他").0,
            Some(20)
        );
    }
}
