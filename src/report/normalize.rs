//! Label normalisation: labels are compared after dropping whitespace (U+3000, NBSP and line
//! breaks included) and punctuation, and folding full-width letters and digits to ASCII.

/// Folds a full-width ASCII variant (U+FF01..U+FF5E) to ASCII and the ideographic space to a
/// space; other characters are returned unchanged.
pub fn fold_width(c: char) -> char {
    match c {
        // U+FF01..U+FF5E map onto ASCII U+0021..U+007E.
        '\u{FF01}'..='\u{FF5E}' => ((c as u32 - 0xFEE0) as u8) as char,
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// True for every kind of blank a Word cell may hold: ASCII and Unicode whitespace, NBSP,
/// U+3000, zero-width spaces and the BOM.
pub fn is_blank(c: char) -> bool {
    // Past U+3000 (ideographic space, the last Unicode whitespace) only the BOM is blank: the
    // common case of Chinese text answered without the Unicode table.
    if c > '\u{3000}' {
        return c == '\u{FEFF}';
    }
    c.is_whitespace()
        || matches!(
            c,
            '\u{00A0}'
                | '\u{3000}'
                | '\u{200B}'
                | '\u{200C}'
                | '\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

/// The normalised form of a label: width folded, lower-cased, only letters, digits and CJK
/// ideographs kept (all whitespace and punctuation dropped).
///
/// ```
/// use nianbao::inspect::report::normalize::norm;
/// assert_eq!(norm("（三）不予公开"), "三不予公开");
/// assert_eq!(norm("1.属于国家秘密"), norm("1、属于 国家\n秘密"));
/// assert_eq!(norm("３.危及“三安全一稳定”"), "3危及三安全一稳定");
/// ```
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    norm_into(s, &mut out);
    out
}

/// Appends the normalised form of `s` ([`norm`]) to `out`. Runs of characters kept as they
/// are (lower-case ASCII letters, digits, CJK word characters) are copied whole; the rest
/// character by character as the definition says (`tests::norm_matches_its_definition`).
pub fn norm_into(s: &str, out: &mut String) {
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let as_is = if c.is_ascii() {
            c.is_ascii_lowercase() || c.is_ascii_digit()
        } else {
            // Width-folded characters (U+FF01..U+FF5E, U+3000) are not CJK word characters.
            is_cjk_word_char(c)
        };
        if as_is {
            continue;
        }
        out.push_str(s.get(run..i).unwrap_or_default());
        run = i + c.len_utf8();
        let c = fold_width(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if is_cjk_word_char(c) {
            out.push(c);
        }
    }
    out.push_str(s.get(run..).unwrap_or_default());
}

/// True for CJK ideographs and other characters from U+2E80 on that are not punctuation or
/// symbols (the CJK symbols block, vertical, small and half/full-width forms). Decided by
/// code point ranges rather than Unicode tables: labels are Chinese and ASCII, and this keeps
/// the WebAssembly build small.
pub(crate) fn is_cjk_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x2E80 {
        return false;
    }
    if (0x3000..=0x303F).contains(&u) {
        // Ideographic punctuation; keep 々 (iteration mark) and 〇 (zero).
        return u == 0x3005 || u == 0x3007;
    }
    !matches!(u, 0xFE10..=0xFE1F | 0xFE30..=0xFE6F | 0xFF00..=0xFFEF)
}

/// Trims every kind of blank (see [`is_blank`]) from both ends.
pub fn trim_blank(s: &str) -> &str {
    s.trim_matches(is_blank)
}

/// Chinese numerals 〇 to 十 as numbers (十 = 10), for callers reading one character.
pub fn cn_digit(c: char) -> Option<u32> {
    if c == '十' {
        return Some(10);
    }
    crate::report::numeral::chinese_digit(c).filter(|_| c != '两')
}

/// The heading number in front of a title: `一、`, `三.`, `2、`, `（一）`, `(1)`, `第三部分`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingNumber {
    /// `一、` style: a Chinese numeral followed by a separator.
    Chinese(u32),
    /// `2、` or `2.` style.
    Arabic(u32),
    /// `（一）` or `（1）`: a sub-heading style.
    Parenthesized(u32),
}

/// Splits a leading heading number off `text`, returning it and the rest.
pub fn split_heading_number(text: &str) -> (Option<HeadingNumber>, &str) {
    let t = trim_blank(text);
    let Some(first) = t.chars().next() else {
        return (None, t);
    };
    let first_f = fold_width(first);
    let cs: Vec<char> = t.chars().collect();
    if first_f == '(' {
        let Some((n, len, _)) = crate::report::numeral::leading_number(&cs[1..], 1000) else {
            return (None, t);
        };
        if cs.get(1 + len).map(|c| fold_width(*c)) == Some(')') {
            let end: usize = cs[..len + 2].iter().map(|c| c.len_utf8()).sum();
            return (Some(HeadingNumber::Parenthesized(n)), trim_blank(&t[end..]));
        }
        return (None, t);
    }
    let chinese = cn_digit(first).is_some();
    let arabic = first_f.is_ascii_digit();
    if !chinese && !arabic {
        return (None, t);
    }
    let Some((value, len, _)) = crate::report::numeral::leading_number(&cs, 1000) else {
        return (None, t);
    };
    let end: usize = cs[..len].iter().map(|c| c.len_utf8()).sum();
    let rest = &t[end..];
    let mut rc = rest.chars();
    match rc.next().map(fold_width) {
        Some('、' | '.' | ',' | '，' | '．' | ' ' | '\t') => {
            let num = if chinese {
                HeadingNumber::Chinese(value)
            } else {
                HeadingNumber::Arabic(value)
            };
            (Some(num), trim_blank(rc.as_str()))
        }
        _ => (None, t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_width_fast_paths_agree_with_their_definitions_on_every_char() {
        let extra = [
            '\u{00A0}', '\u{3000}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        ];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_blank(c),
                c.is_whitespace() || extra.contains(&c),
                "is_blank {c:?}"
            );
            let folded = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap(),
                '\u{3000}' => ' ',
                _ => c,
            };
            assert_eq!(fold_width(c), folded, "fold_width {c:?}");
        }
    }

    /// `norm` as first written, one character at a time.
    fn norm_definition(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            let c = fold_width(c);
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if is_cjk_word_char(c) {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn norm_matches_its_definition() {
        // Every character alone and between kept runs, and mixed label-like strings.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(norm(&alone), norm_definition(&alone), "{c:?}");
            let mixed = format!("ab中{c}9文{c}{c}Ｚ");
            assert_eq!(norm(&mixed), norm_definition(&mixed), "{c:?}");
        }
        for s in [
            "",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            " 商业\n企业\u{3000}",
            "ＡＢｃ１本年增/减",
            "第二十条第（五）项 行政许可 ABC-def_12３",
        ] {
            assert_eq!(norm(s), norm_definition(s), "{s:?}");
            let mut out = String::from("前");
            norm_into(s, &mut out);
            assert_eq!(out, format!("前{}", norm_definition(s)));
        }
    }

    #[test]
    fn t3_column_labels_are_normalised() {
        // recognise::t3_header_column compares with them as they are.
        for l in crate::report::formats::T3_COLUMNS {
            assert_eq!(norm(l), l);
        }
    }

    #[test]
    fn norm_drops_blanks_and_punctuation() {
        assert_eq!(norm(" 商业\n企业\u{3000}"), "商业企业");
        assert_eq!(
            norm("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            "二部分公开区分处理的只计这一情形不计其他情形"
        );
        assert_eq!(norm("本年增/减"), "本年增减");
        assert_eq!(norm("ＡＢｃ１"), "abc1");
    }

    #[test]
    fn heading_numbers() {
        assert_eq!(
            split_heading_number("三、收到和处理"),
            (Some(HeadingNumber::Chinese(3)), "收到和处理")
        );
        assert_eq!(
            split_heading_number("2、 主动公开"),
            (Some(HeadingNumber::Arabic(2)), "主动公开")
        );
        assert_eq!(
            split_heading_number("（一）予以公开"),
            (Some(HeadingNumber::Parenthesized(1)), "予以公开")
        );
        assert_eq!(
            split_heading_number("(4) 公开平台"),
            (Some(HeadingNumber::Parenthesized(4)), "公开平台")
        );
        assert_eq!(
            split_heading_number("十二、其他"),
            (Some(HeadingNumber::Chinese(12)), "其他")
        );
        assert_eq!(split_heading_number("总体情况"), (None, "总体情况"));
        assert_eq!(split_heading_number("2021年，"), (None, "2021年，"));
        assert_eq!(split_heading_number(""), (None, ""));
        assert_eq!(split_heading_number("（"), (None, "（"));
    }

    #[test]
    fn trim_blank_handles_ideographic_space() {
        assert_eq!(trim_blank("\u{3000}\u{3000}0 \u{a0}"), "0");
    }
}
