//! Counts written in running text: Arabic digits (ASCII or full-width, with thousands
//! separators `1,094`), Chinese numerals (`二十一`, `两`, `一千零九十四`, `三万`), and `万` after
//! digits (`1.2万`), each followed by a counting unit (件/条/份/起/个/次/宗) or, for fees, 元/万元.
//!
//! Hand-written: no crate reads Chinese numerals inside running text with character offsets,
//! and the rules need exactly which characters hold the number and its unit.

/// A counting unit, or a money unit (only meaningful for 信息处理费).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Unit {
    Jian,
    Tiao,
    Fen,
    Qi,
    Ge,
    Ci,
    Zong,
    /// 项 (依申请公开事项 5 项, 行政复议 1 项).
    Xiang,
    /// 部 (制定规章 6 部).
    Bu,
    Yuan,
    WanYuan,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Jian => "件",
            Unit::Tiao => "条",
            Unit::Fen => "份",
            Unit::Qi => "起",
            Unit::Ge => "个",
            Unit::Ci => "次",
            Unit::Zong => "宗",
            Unit::Xiang => "项",
            Unit::Bu => "部",
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
        }
    }
    pub fn is_money(self) -> bool {
        matches!(self, Unit::Yuan | Unit::WanYuan)
    }
}

/// One number with its unit, as character offsets into the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// First character of the number (after an approximation prefix such as 近/约).
    pub start: usize,
    /// One past the number's last character (before 余/多 and the unit).
    pub num_end: usize,
    /// One past the unit (and a trailing 左右).
    pub end: usize,
    /// The value; for a decimal (`1.5万件`, `0.5元`) the integer part after scaling; money in
    /// 万元 is given in 元.
    pub value: i64,
    pub unit: Unit,
    /// 近/约/余/多/左右/逾/超过 next to the number, or a decimal scaled by 万.
    pub approx: bool,
    /// The number had a fraction that was dropped (money in 元 with 角/分).
    pub fraction: bool,
}

/// The characters of Chinese numerals `is_cn_num` accepts (kept as the test's reference).
#[cfg(test)]
const CN_NUM: &str = "零〇一二两三四五六七八九十百千万";
/// Largest value read; bigger numbers are not counts of applications.
const MAX_VALUE: i64 = 1_000_000_000;

/// A character of `CN_NUM` (a `match`: this runs on every character of the prose, and a
/// substring search per character cost more than the rest of the scan).
fn is_cn_num(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
    )
}

/// The value of an ASCII or full-width digit: `fold_width(c).to_digit(10)` without the fold
/// (this runs on every character of the prose).
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The characters that may start a number (digits and `is_cn_num`), as a filter on the low bits
/// of the code point: most characters of the prose are answered by one lookup.
static NUMBER_CHARS: super::sentences::CharSet = super::sentences::CharSet::of(&[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
    '７', '８', '９', '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十',
    '百', '千', '万',
]);

pub use crate::report::numeral::parse_chinese;

/// The unit starting at `i`, with its length in characters.
fn unit_at(text: &[char], i: usize) -> Option<(Unit, usize)> {
    let c = *text.get(i)?;
    let next = text.get(i + 1).copied();
    Some(match c {
        '件' => (Unit::Jian, 1),
        '条' => (Unit::Tiao, 1),
        '份' => (Unit::Fen, 1),
        '起' => (Unit::Qi, 1),
        '个' => (Unit::Ge, 1),
        '次' => (Unit::Ci, 1),
        '宗' => (Unit::Zong, 1),
        '项' => (Unit::Xiang, 1),
        '部' => (Unit::Bu, 1),
        '元' => (Unit::Yuan, 1),
        '万' if next == Some('元') => (Unit::WanYuan, 2),
        _ => return None,
    })
}

/// The first characters of every unit `unit_at` reads: a text without any has no mention.
pub(super) const UNIT_CHARS: [char; 11] = [
    '件', '条', '份', '起', '个', '次', '宗', '项', '部', '元', '万',
];

/// Whether `text` may hold a mention: a unit character (`UNIT_CHARS`) right after a number
/// character (a digit or `is_cn_num`), or after 余/多 right after one. `may_contain` filters the
/// units looked for (the set of the text's characters; no false negatives). Every unit present
/// is looked for by plain comparison, which costs less than the number scan of `mentions`.
pub(super) fn may_hold_mention(text: &[char], may_contain: impl Fn(char) -> bool) -> bool {
    let number = |k: usize| {
        text.get(k)
            .is_some_and(|&c| digit(c).is_some() || is_cn_num(c))
    };
    UNIT_CHARS.iter().filter(|&&u| may_contain(u)).any(|&u| {
        (1..text.len()).any(|j| {
            text[j] == u
                && (number(j - 1) || j >= 2 && matches!(text[j - 1], '余' | '多') && number(j - 2))
        })
    })
}

/// Words that make a unit character part of something else: 个百分点, 个工作日, 一次性, 条例.
fn unit_is_word(unit: Unit, after: &[char]) -> bool {
    let starts = |w: &str| {
        let w: Vec<char> = w.chars().collect();
        after.len() >= w.len() && after[..w.len()] == w[..]
    };
    match unit {
        // 六个部分, 以下三个方面, 13个专栏, 5个部门: the parts of the report or counts of other
        // things, never a table quantity.
        Unit::Ge => [
            "部分",
            "方面",
            "章节",
            "板块",
            "版块",
            "栏目",
            "专栏",
            "专题",
            "平台",
            "网站",
            "部门",
            "单位",
            "乡镇",
            "街道",
            "镇街",
            "村",
            "社区",
            "会议",
            "渠道",
            "窗口",
            "环节",
            "领域",
            "类别",
            "重点",
            "账号",
            "系统",
            "小组",
            "批次",
            "百分点",
            "工作日",
            "自然日",
            "月",
            "小时",
            "季度",
            "年",
            "星期",
            "周",
            "日",
        ]
        .iter()
        .any(|w| starts(w)),
        Unit::Ci => starts("性") || starts("数"),
        // 三项制度, 第一项, 两部分, 各部门, 三部曲: a kind of thing, not a count of it.
        Unit::Xiang => starts("制度") || starts("工作") || starts("措施") || starts("规定"),
        Unit::Bu => !matches!(
            after.first(),
            None | Some('，' | ',' | '、' | '。' | '；' | ';' | '（' | '(' | '）' | ')')
        ),
        Unit::Tiao => starts("例") || starts("款") || starts("第") || starts("规定"),
        Unit::Qi => starts("草") || starts("诉") || starts("点") || starts("止") || starts("至"),
        _ => false,
    }
}

/// Every number followed by a unit in `text`. Numbers in dates (`2022年`), percentages,
/// ordinals (`第二十条`) and numbers without a unit are not returned.
pub fn mentions(text: &[char]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        // Most characters start no number: skipped by the filter in a tight loop.
        match text[i..].iter().position(|&c| NUMBER_CHARS.may_contain(c)) {
            Some(k) => i += k,
            None => break,
        }
        let c = text[i];
        if digit(c).is_none() && !is_cn_num(c) {
            i += 1;
            continue;
        }
        let prev = if i > 0 {
            text.get(i - 1).copied()
        } else {
            None
        };
        let is_start_digit = digit(c).is_some()
            && !prev.is_some_and(|p| digit(p).is_some() || p == '.' || p == '．');
        let is_start_cn = is_cn_num(c) && c != '万' && !prev.is_some_and(is_cn_num);
        if !(is_start_digit || is_start_cn) {
            i += 1;
            continue;
        }
        let start = i;
        let mut value: i64;
        let mut approx = false;
        let mut fraction = false;
        let mut frac_digits: Vec<u32> = Vec::new();
        let mut j = i;
        if is_start_digit {
            let mut v: i64 = 0;
            let mut group_len = 0usize;
            let mut grouped = false;
            while j < text.len() {
                if let Some(d) = text.get(j).and_then(|&c| digit(c)) {
                    v = v.saturating_mul(10).saturating_add(d as i64);
                    group_len += 1;
                    j += 1;
                } else if matches!(text.get(j), Some(',' | '，' | '､'))
                    && (grouped || (1..=3).contains(&group_len))
                    && three_digits_follow(text, j + 1)
                {
                    grouped = true;
                    group_len = 0;
                    j += 1;
                } else {
                    break;
                }
            }
            value = v;
            // A decimal fraction.
            if matches!(text.get(j), Some('.' | '．'))
                && text.get(j + 1).and_then(|&c| digit(c)).is_some()
            {
                j += 1;
                while let Some(d) = text.get(j).and_then(|&c| digit(c)) {
                    if frac_digits.len() < 8 {
                        frac_digits.push(d);
                    }
                    j += 1;
                }
            }
            // Digits followed by 万 (but not 万元, which is a unit).
            if text.get(j) == Some(&'万') && text.get(j + 1) != Some(&'元') {
                let mut scaled = value.saturating_mul(10_000);
                let mut place = 1000;
                for d in &frac_digits {
                    scaled = scaled.saturating_add(*d as i64 * place);
                    place /= 10;
                }
                if !frac_digits.is_empty() {
                    approx = true;
                }
                value = scaled;
                frac_digits.clear();
                j += 1;
            }
            if frac_digits.iter().any(|d| *d != 0) {
                fraction = true;
            }
        } else {
            while j < text.len() && is_cn_num(text[j]) && j - start < 16 {
                j += 1;
            }
            // 万 right before 元 belongs to the unit.
            if j > start + 1 && text.get(j - 1) == Some(&'万') && text.get(j) == Some(&'元') {
                j -= 1;
            }
            match text.get(start..j).and_then(parse_chinese) {
                Some(v) => value = v,
                None => {
                    i = j.max(i + 1);
                    continue;
                }
            }
        }
        let num_end = j;
        // 余/多 between number and unit.
        if matches!(text.get(j), Some('余' | '多')) {
            approx = true;
            j += 1;
        }
        let Some((unit, len)) = unit_at(text, j) else {
            i = num_end.max(i + 1);
            continue;
        };
        let after = text.get(j + len..).unwrap_or(&[]);
        if unit_is_word(unit, after) {
            i = num_end.max(i + 1);
            continue;
        }
        // Fractions of a count are not counts (1.5件); money keeps its integer part.
        if fraction && !unit.is_money() {
            i = num_end.max(i + 1);
            continue;
        }
        // Money in 万元 is given in 元 (0.5万元 = 5000).
        if unit == Unit::WanYuan {
            let mut yuan = value.saturating_mul(10_000);
            let mut place = 1000;
            for d in frac_digits.iter().take(4) {
                yuan += *d as i64 * place;
                place /= 10;
            }
            value = yuan;
            fraction = frac_digits.iter().skip(4).any(|d| *d != 0);
        }
        let mut end = j + len;
        if text.get(end) == Some(&'左') && text.get(end + 1) == Some(&'右') {
            approx = true;
            end += 2;
        }
        // Ordinals (第二十条) and the tail of a longer token (A1件, 第3次).
        if prev.is_some_and(|p| p == '第' || p.is_ascii_alphabetic()) {
            i = end;
            continue;
        }
        if value > MAX_VALUE {
            i = end;
            continue;
        }
        // Approximation words right before the number.
        let before: String = text[start.saturating_sub(2)..start].iter().collect();
        if before.ends_with('近')
            || before.ends_with('约')
            || before.ends_with('逾')
            || before.ends_with("超过")
            || before.ends_with("不足")
            || before.ends_with("上百")
        {
            approx = true;
        }
        if before.ends_with("之")
            && start >= 3
            && text[start - 3..start].iter().collect::<String>() == "百分之"
        {
            i = end;
            continue;
        }
        out.push(Mention {
            start,
            num_end,
            end,
            value,
            unit,
            approx,
            fraction,
        });
        i = end;
    }
    out
}

fn three_digits_follow(text: &[char], at: usize) -> bool {
    (0..3).all(|k| text.get(at + k).and_then(|&c| digit(c)).is_some())
        && text.get(at + 3).and_then(|&c| digit(c)).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn values(s: &str) -> Vec<(i64, &'static str)> {
        mentions(&chars(s))
            .iter()
            .map(|m| (m.value, m.unit.as_str()))
            .collect()
    }

    #[test]
    fn digit_is_its_definition() {
        // `digit` against its definition, over the planes the prose uses.
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let reference = crate::report::normalize::fold_width(c).to_digit(10);
            assert_eq!(digit(c), reference, "{c:?}");
            if reference.is_some() || is_cn_num(c) {
                assert!(NUMBER_CHARS.may_contain(c), "{c:?}");
            }
        }
    }

    #[test]
    fn unit_chars_start_every_unit() {
        // Every character `unit_at` reads as the start of a unit is in UNIT_CHARS.
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            for next in ['元', '件', 'x'] {
                if unit_at(&[c, next], 0).is_some() {
                    assert!(UNIT_CHARS.contains(&c), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn a_mention_is_a_unit_after_a_number() {
        // `may_hold_mention` is false only where `mentions` finds nothing: the real-prose corpus
        // and the strings of these tests.
        let corpus = include_str!("../../../tests/fixtures/narrative/corpus.tsv");
        let mut texts: Vec<&str> = corpus
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .collect();
        texts.extend([
            "共受理申请近20件，答复30余件，办结约40件，结转5件左右",
            "收取信息处理费200元，折合0.02万元，一千零九十四件，三万元",
            "约1.2万件，１，０９４件，1,094件，两件，十余起，2多份",
            "行政处罚3起，收到8份申请，案件2宗，答复3次，共5个，6项，7部",
        ]);
        let (mut with, mut without) = (0, 0);
        for t in texts {
            let c: Vec<char> = t
                .chars()
                .map(crate::report::normalize::fold_width)
                .collect();
            let found = !mentions(&c).is_empty();
            assert!(!found || may_hold_mention(&c, |_| true), "{t}");
            if found {
                with += 1;
            } else if !may_hold_mention(&c, |_| true) {
                without += 1;
            }
        }
        assert!(with > 500 && without > 100, "{with} {without}");
    }

    #[test]
    fn cn_num_characters() {
        for c in CN_NUM.chars() {
            assert!(is_cn_num(c), "{c}");
        }
        assert!(!is_cn_num('件') && !is_cn_num('1') && !is_cn_num('亿'));
    }

    #[test]
    fn chinese_numerals() {
        let p = |s: &str| parse_chinese(&chars(s));
        assert_eq!(p("二十一"), Some(21));
        assert_eq!(p("两"), Some(2));
        assert_eq!(p("十"), Some(10));
        assert_eq!(p("十二"), Some(12));
        assert_eq!(p("一百零五"), Some(105));
        assert_eq!(p("一千零九十四"), Some(1094));
        assert_eq!(p("三万五千"), Some(35000));
        assert_eq!(p("二〇二二"), None);
        assert_eq!(p("一一"), None);
        assert_eq!(p("十十"), None);
    }

    #[test]
    fn numbers_with_units() {
        // seed 001: "县卫健委收到公开信息申请1条"
        assert_eq!(
            values("县卫健委收到公开信息申请1条，并及时进行了回复"),
            vec![(1, "条")]
        );
        // seed 000: "及时将5件行政许可办件和8件行政处罚信息公布"
        assert_eq!(
            values("及时将5件行政许可办件和8件行政处罚信息公布"),
            vec![(5, "件"), (8, "件")]
        );
        assert_eq!(
            values("受理申请二十一件，两件结转"),
            vec![(21, "件"), (2, "件")]
        );
        assert_eq!(values("共收到申请一千零九十四件"), vec![(1094, "件")]);
        assert_eq!(values("共收到申请1,094件"), vec![(1094, "件")]);
        assert_eq!(values("共收到申请１，０９４件"), vec![(1094, "件")]);
        assert_eq!(values("共收到申请３６件"), vec![(36, "件")]);
        assert_eq!(
            values("行政处罚3起，收到8份申请，案件2宗，答复3次，共5个"),
            vec![(3, "起"), (8, "份"), (2, "宗"), (3, "次"), (5, "个")]
        );
        assert_eq!(
            values("收取信息处理费200元，折合0.02万元"),
            vec![(200, "元"), (200, "万元")]
        );
        assert_eq!(values("约1.2万件"), vec![(12000, "件")]);
    }

    #[test]
    fn not_counts() {
        // Dates, percentages, ordinals, list markers, words holding numerals.
        assert!(values("2021年1月1日起至2021年12月31日止").is_empty());
        assert!(values("占86.92%，公开率为30.80%").is_empty());
        assert!(values("根据《条例》第五十条第（一）项，第3次会议").is_empty());
        assert!(values("一是加强领导，二是完善制度，进一步提高，统一部署").is_empty());
        assert!(values("同比上升1.5个百分点，在20个工作日内答复，一次性告知").is_empty());
        assert!(values("“十四五”规划，三到位").is_empty());
        assert!(values("1.5件").is_empty());
    }

    #[test]
    fn approximations_and_offsets() {
        let t = chars("共受理申请近20件，答复30余件，办结约40件，结转5件左右");
        let m = mentions(&t);
        assert_eq!(m.len(), 4);
        assert!(m.iter().all(|m| m.approx));
        let first = m[0];
        assert_eq!(t[first.start..first.end].iter().collect::<String>(), "20件");
        let last = m[3];
        assert_eq!(
            t[last.start..last.end].iter().collect::<String>(),
            "5件左右"
        );
        assert!(!mentions(&chars("受理申请20件"))[0].approx);
    }
}
